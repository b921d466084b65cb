//! Readiness for a target product: the topology as it would be if every pool that can move were
//! moved to Subscription Edition, and how each pool gets there (`docs/lifecycle.md`).
//!
//! The upgrade paths rest on secondary sources (catalog COEX-008): in place from 2019, side by
//! side from 2015; from Lync Server 2013 no path is documented. Persistent Chat does not exist
//! in 2019 or Subscription Edition, so a Persistent Chat pool stays behind (catalog COEX-006).

use crate::document::Document;
use crate::error::TopologyError;
use crate::tokens::{PoolKind, Product};
use crate::topology::Topology;

/// How one pool reaches the target product.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    /// Already on the target product.
    Already,
    /// Upgraded in place: the same servers and back end run the target product.
    InPlace,
    /// A new pool of the target product is deployed and the users and services move to it; the
    /// findings describe what the new pool must avoid when it reuses these servers and stores.
    SideBySide,
    /// No upgrade path to the target product is documented; judged as if moved side by side.
    Undocumented,
    /// Cannot move: the pool stays on its product and coexists with the moved pools.
    StaysBehind,
}

/// A pool's move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    /// Index of the pool in `pools`.
    pub pool: usize,
    /// Its product before the move.
    pub from: Product,
    /// The target product.
    pub to: Product,
    /// How it moves.
    pub path: Path,
}

/// How a pool of `from` of kind `kind` reaches `target`.
pub fn path(from: Product, kind: PoolKind, target: Product) -> Path {
    if from == target {
        return Path::Already;
    }
    if matches!(target, Product::Sfb2019 | Product::SfbSe) && kind == PoolKind::PersistentChat {
        return Path::StaysBehind;
    }
    match (from, target) {
        (Product::Sfb2019, Product::SfbSe) => Path::InPlace,
        (Product::Sfb2015, Product::SfbSe) => Path::SideBySide,
        _ if from > target => Path::StaysBehind,
        _ => Path::Undocumented,
    }
}

/// The topology with every pool that can move on `target`, and each pool's move.
pub fn retarget(
    topology: &Topology,
    target: Product,
) -> Result<(Topology, Vec<Move>), TopologyError> {
    let mut document: Document = topology.document().clone();
    let mut moves = Vec::with_capacity(document.pools.len());
    for (index, pool) in document.pools.iter_mut().enumerate() {
        let path = path(pool.product, pool.kind, target);
        moves.push(Move {
            pool: index,
            from: pool.product,
            to: target,
            path,
        });
        if !matches!(path, Path::Already | Path::StaysBehind) {
            pool.product = target;
        }
    }
    Ok((Topology::from_document(document)?, moves))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn paths_to_subscription_edition() {
        let se = Product::SfbSe;
        assert_eq!(
            path(Product::Sfb2019, PoolKind::FrontEnd, se),
            Path::InPlace
        );
        assert_eq!(path(Product::Sfb2015, PoolKind::Edge, se), Path::SideBySide);
        assert_eq!(
            path(Product::Lync2013, PoolKind::FrontEnd, se),
            Path::Undocumented
        );
        assert_eq!(path(Product::SfbSe, PoolKind::FrontEnd, se), Path::Already);
        assert_eq!(
            path(Product::Sfb2015, PoolKind::PersistentChat, se),
            Path::StaysBehind
        );
    }

    #[test]
    fn retargeting_moves_every_pool_that_can_move() {
        let json = br#"{"format": 1, "sites": [{"id": "dallas"}], "pools": [
            {"fqdn": "a.contoso.com", "site": "dallas", "kind": "front_end", "edition": "standard",
             "product": "sfb2015", "servers": [{"fqdn": "a.contoso.com"}]},
            {"fqdn": "pc.contoso.com", "site": "dallas", "kind": "persistent_chat",
             "product": "sfb2015", "back_end": "pc", "servers": [{"fqdn": "pc1.contoso.com"}]}
        ], "sql_stores": [{"id": "pc", "ha": {"mode": "none", "server": {"fqdn": "sql.contoso.com"}}}]}"#;
        let topology = Topology::from_json(json).unwrap();
        let (moved, moves) = retarget(&topology, Product::SfbSe).unwrap();
        let products: Vec<Product> = moved.pools().map(|(_, pool, _)| pool.product).collect();
        assert_eq!(products, [Product::SfbSe, Product::Sfb2015]);
        assert_eq!(moves[0].path, Path::SideBySide);
        assert_eq!(moves[1].path, Path::StaysBehind);
    }
}
