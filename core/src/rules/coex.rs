//! COEX: product versions living side by side.

use std::collections::BTreeSet;

use super::{Finding, Findings, pool_path, store_path};
use crate::readiness::{Move, Path};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{HaMode, PoolKind, Product};
use crate::topology::Topology;

pub(super) fn check(topology: &Topology, moves: &[Move], out: &mut Findings) {
    upgrade_paths(topology, moves, out);
    if !out.wants_any(&[RuleId::Coex004, RuleId::Coex006]) {
        return;
    }
    // COEX-004: at most two product generations in one topology. The only documented ban is
    // Lync Server 2010 + Lync Server 2013 + Skype for Business Server 2015, which format 1
    // cannot express (it has no Lync Server 2010); the 2019 migration pages name 2013 and 2015
    // as legacy sources without a word on both at once, so three products of this format rest
    // on a broader reading: unverified.
    let products: BTreeSet<Product> = topology.pools().map(|(_, pool, _)| pool.product).collect();
    if products.len() > 2 {
        let names: Vec<&str> = products.iter().map(|p| p.display_name()).collect();
        let tokens: Vec<&str> = products.iter().map(|p| p.as_str()).collect();
        let message = format!(
            "the topology holds pools of {} products ({}); the documentation bans three generations side by side only for Lync Server 2010, Lync Server 2013 and Skype for Business Server 2015, and says nothing of this mix",
            products.len(),
            names.join(", ")
        );
        out.push(
            Finding::new(RuleId::Coex004, "/", Pointer::ROOT.key("pools"), message)
                .fact("products", tokens)
                .unverified(true),
        );
    }
    // COEX-006: mirroring and Persistent Chat stay in legacy pools.
    for (index, pool, _) in topology.pools() {
        if !matches!(pool.product, Product::Sfb2019 | Product::SfbSe) {
            continue;
        }
        // What Subscription Edition keeps of 2019's deprecations rests on secondary sources.
        let se = pool.product == Product::SfbSe;
        if pool.kind == PoolKind::PersistentChat {
            let message = format!(
                "{} is a Persistent Chat pool of {}; Persistent Chat can only remain in Lync Server 2013 or Skype for Business Server 2015 pools",
                pool.fqdn,
                pool.product.display_name()
            );
            out.push(
                Finding::new(
                    RuleId::Coex006,
                    &pool.fqdn,
                    pool_path(index, "product"),
                    message,
                )
                .unverified(se),
            );
        }
        let mirrored = topology
            .back_end(index)
            .filter(|(_, _, facts)| facts.mode == HaMode::Mirroring);
        if let Some((store_index, store, _)) = mirrored.filter(|_| pool.is_enterprise_front_end()) {
            let message = format!(
                "{} is a {} pool on the mirrored store `{}`; SQL mirroring can only remain in Lync Server 2013 or Skype for Business Server 2015 pools",
                pool.fqdn,
                pool.product.display_name(),
                store.id
            );
            out.push(
                Finding::new(
                    RuleId::Coex006,
                    &pool.fqdn,
                    store_path(store_index, "ha").key("mode"),
                    message,
                )
                .related([&store.id])
                .unverified(se),
            );
        }
    }
}

/// COEX-008, in a readiness check: the pools that cannot simply be upgraded in place to the
/// target product, and what to do with each.
fn upgrade_paths(topology: &Topology, moves: &[Move], out: &mut Findings) {
    if !out.wants(RuleId::Coex008) {
        return;
    }
    for step in moves {
        let Some(pool) = topology.pool(step.pool) else {
            continue;
        };
        let (from, to) = (step.from.display_name(), step.to.display_name());
        let message = match step.path {
            Path::Already | Path::InPlace => continue,
            Path::SideBySide => format!(
                "{} runs {from}, which cannot be upgraded in place to {to}: deploy a new pool of {to}, move its users and services, then retire it; the findings about its servers and back end apply if they are reused",
                pool.fqdn
            ),
            Path::Undocumented => format!(
                "{} runs {from}: no path from it to {to} is documented; plan a side-by-side migration (a new pool, then move the users) and confirm it against Microsoft's documentation",
                pool.fqdn
            ),
            Path::StaysBehind => format!(
                "{} is a {} pool of {from}: it cannot move to {to}, so it stays on {from}, coexists with the moved pools and keeps its end of support",
                pool.fqdn, pool.kind
            ),
        };
        out.push(
            Finding::new(
                RuleId::Coex008,
                &pool.fqdn,
                pool_path(step.pool, "product"),
                message,
            )
            .fact("product", step.from.as_str())
            .fact("path", path_token(step.path)),
        );
    }
}

/// `side_by_side`, `undocumented`, `stays_behind`.
const fn path_token(path: Path) -> &'static str {
    match path {
        Path::Already => "already",
        Path::InPlace => "in_place",
        Path::SideBySide => "side_by_side",
        Path::Undocumented => "undocumented",
        Path::StaysBehind => "stays_behind",
    }
}
