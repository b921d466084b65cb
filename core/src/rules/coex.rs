//! COEX: product versions living side by side.

use std::collections::BTreeSet;

use super::{Finding, Findings, pool_path, store_path};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{HaMode, PoolKind, Product};
use crate::topology::Topology;

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Coex004, RuleId::Coex006]) {
        return;
    }
    // COEX-004: at most two product generations in one topology.
    let products: BTreeSet<Product> = topology.pools().map(|(_, pool, _)| pool.product).collect();
    if products.len() > 2 {
        let names: Vec<&str> = products.iter().map(|p| p.display_name()).collect();
        let tokens: Vec<&str> = products.iter().map(|p| p.as_str()).collect();
        let message = format!(
            "the topology holds pools of {} products ({}); at most two product generations may coexist",
            products.len(),
            names.join(", ")
        );
        out.push(
            Finding::new(RuleId::Coex004, "/", Pointer::ROOT.key("pools"), message)
                .fact("products", tokens)
                .unverified(products.contains(&Product::SfbSe)),
        );
    }
    // COEX-006: mirroring and Persistent Chat stay in legacy pools.
    for (index, pool, _) in topology.pools() {
        if !matches!(pool.product, Product::Sfb2019 | Product::SfbSe) {
            continue;
        }
        if pool.kind == PoolKind::PersistentChat {
            let message = format!(
                "{} is a Persistent Chat pool of {}; Persistent Chat can only remain in Lync Server 2013 or Skype for Business Server 2015 pools",
                pool.fqdn,
                pool.product.display_name()
            );
            out.push(Finding::new(
                RuleId::Coex006,
                &pool.fqdn,
                pool_path(index, "product"),
                message,
            ));
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
                .related([&store.id]),
            );
        }
    }
}
