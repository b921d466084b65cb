//! OS: each server's Windows Server version for its pool's product (catalog §2.2).

use super::{Finding, Findings, pool_path, server_path};
use crate::matrix::Support;
use crate::matrix::os::{os_row, supported_os};
use crate::registry::RuleId;
use crate::tokens::{PoolKind, Product};
use crate::topology::Topology;

/// The rule that lists a product's operating systems.
const fn os_rule(product: Product) -> RuleId {
    match product {
        Product::Lync2013 => RuleId::Os001,
        Product::Sfb2015 => RuleId::Os003,
        Product::Sfb2019 => RuleId::Os005,
        Product::SfbSe => RuleId::Os006,
    }
}

const RULES: &[RuleId] = &[
    RuleId::Os001,
    RuleId::Os003,
    RuleId::Os004,
    RuleId::Os005,
    RuleId::Os006,
];

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(RULES) {
        return;
    }
    for (index, pool, _) in topology.pools() {
        // Branch appliances ship with their vendor's operating system.
        if pool.kind == PoolKind::Sba {
            continue;
        }
        let product = pool.product;
        for (k, server) in pool.servers.iter().enumerate() {
            let path = || server_path(index, k, "os");
            let Some(os) = server.os else {
                // 2015 has a second rule for its Windows Server 2008 R2 exception (OS-004).
                let extra = (product == Product::Sfb2015).then_some(RuleId::Os004);
                for rule in std::iter::once(os_rule(product)).chain(extra) {
                    out.push(
                        Finding::not_evaluated(rule, &server.fqdn, vec![path()])
                            .related([&pool.fqdn]),
                    );
                }
                continue;
            };
            let Some(row) = os_row(product, os) else {
                continue;
            };
            let finding = |rule: RuleId, message: String| {
                Finding::new(rule, &server.fqdn, path(), message)
                    .related([&pool.fqdn])
                    .fact("os", os.as_str())
                    .fact("product", product.as_str())
                    .unverified(row.support.is_unverified())
            };
            match row.support.support {
                Support::No | Support::Undocumented => {
                    let verdict = if row.support.support == Support::No {
                        "does not support"
                    } else {
                        "is not documented to support"
                    };
                    let listed: Vec<&str> =
                        supported_os(product).map(|os| os.display_name()).collect();
                    let message = format!(
                        "{} ({}) runs {}, which {} {verdict} (supported: {})",
                        server.fqdn,
                        pool.fqdn,
                        os.display_name(),
                        product.display_name(),
                        listed.join(", ")
                    );
                    out.push(finding(os_rule(product), message));
                }
                Support::Yes if row.upgrade_only => {
                    let message = format!(
                        "{} ({}) runs {}, which {} supports only on a Lync Server 2013 server upgraded in place, never for a new installation",
                        server.fqdn,
                        pool.fqdn,
                        os.display_name(),
                        product.display_name()
                    );
                    out.push(finding(RuleId::Os004, message));
                }
                Support::Yes => {
                    let Some(min) = row.min_product_cu else {
                        continue;
                    };
                    match pool.cumulative_update {
                        Some(cu) if cu >= min => {}
                        Some(cu) => {
                            let message = format!(
                                "{} ({}) runs {}, which needs {} CU{min} or later; the pool is at CU{cu}",
                                server.fqdn,
                                pool.fqdn,
                                os.display_name(),
                                product.display_name()
                            );
                            out.push(
                                finding(os_rule(product), message)
                                    .fact("cumulative_update", cu)
                                    .fact("minimum_cumulative_update", min),
                            );
                        }
                        None => out.push(
                            Finding::not_evaluated(
                                os_rule(product),
                                &server.fqdn,
                                vec![pool_path(index, "cumulative_update")],
                            )
                            .related([&pool.fqdn]),
                        ),
                    }
                }
            }
        }
    }
}
