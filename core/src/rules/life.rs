//! LIFE: each product, SQL Server and Windows Server version against its own Microsoft support
//! lifecycle on the check date (`lifecycle.md` §3). The dates and the verdict are in
//! [`crate::lifecycle`]; this module finds the items in the topology and words the findings.

use super::{Finding, Findings, pool_path, server_path, store_path};
use crate::document::Text;
use crate::lifecycle::judge::{EsuRefused, Subject, Verdict, judge, service_pack_unjudged};
use crate::lifecycle::{self, Date, End, EndKind, Item, Phase};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{PoolKind, Product, SqlEdition};
use crate::topology::Topology;

const RULES: &[RuleId] = &[
    RuleId::Life001,
    RuleId::Life002,
    RuleId::Life003,
    RuleId::Life004,
    RuleId::Life005,
    RuleId::Life006,
    RuleId::Life007,
    RuleId::Life008,
];

/// The check date, the horizon, and the verdicts already reached: a topology repeats the same
/// few products, versions and operating systems.
#[derive(Debug)]
struct When {
    date: Date,
    months: u32,
    verdicts: Vec<(Subject, Verdict)>,
}

impl When {
    fn judge(&mut self, subject: Subject) -> Verdict {
        if let Some((_, verdict)) = self.verdicts.iter().find(|(s, _)| *s == subject) {
            return *verdict;
        }
        let verdict = judge(subject, self.date, self.months);
        self.verdicts.push((subject, verdict));
        verdict
    }
}

pub(super) fn check(topology: &Topology, date: Date, months: u32, out: &mut Findings) {
    if !out.wants_any(RULES) {
        return;
    }
    let mut when = When {
        date,
        months,
        verdicts: Vec::new(),
    };
    products(topology, &mut when, out);
    servers(topology, &mut when, out);
    stores(topology, &mut when, out);
    installed_express(topology, &when, out);
    modern_policy(topology, &when, out);
}

/// One lifecycle item of the topology and where a finding about it points.
struct Target<'a> {
    subject: &'a Text,
    related: Vec<&'a Text>,
    path: Pointer,
    /// The rule that reports it past its end: LIFE-001, LIFE-003, LIFE-004, or LIFE-008 for an
    /// Express store.
    past: RuleId,
    judged: Subject,
}

/// `SQL Server 2016 SP2`, `Windows Server 2019`.
fn item_name(judged: Subject) -> String {
    match (judged.item, judged.service_pack) {
        (Item::Sql(version), Some(level))
            if lifecycle::row(judged.item).service_pack(level).is_some() =>
        {
            if level == 0 {
                format!("{} RTM", version.display_name())
            } else {
                format!("{} SP{level}", version.display_name())
            }
        }
        (item, _) => item.display_name().to_owned(),
    }
}

/// Reports the verdict on one item, if any.
fn report(out: &mut Findings, when: &mut When, target: Target<'_>) {
    let judged = target.judged;
    let verdict = when.judge(judged);
    if matches!(judged.item, Item::Sql(_)) && service_pack_unjudged(judged, when.date, verdict) {
        out.push(service_pack_not_evaluated(&target));
    }
    let name = item_name(judged);
    let who = target.subject;
    let path = target.path;
    let (finding, end) = match verdict {
        Verdict::Supported => return,
        Verdict::Past { end, days, esu } => {
            let mut message = format!(
                "{who} runs {name}, whose support ended after {} ({days} days before {})",
                end.date, when.date
            );
            let row = lifecycle::row(judged.item);
            if let (EndKind::ServicePack, Some(extended), Some(latest)) =
                (end.kind, row.extended_end, row.latest_service_pack())
            {
                message.push_str(&format!(
                    "; SP{latest} is supported until {}",
                    extended.date
                ));
            }
            message.push_str(match esu {
                Some(EsuRefused::WindowEnded) => {
                    "; no Extended Security Update window covers the check date"
                }
                Some(EsuRefused::NotAvailable) => {
                    "; Extended Security Updates are not available for it (Express edition, or not the latest service pack)"
                }
                Some(EsuRefused::ServicePackUnknown) => {
                    "; Extended Security Updates need the latest service pack, and the store's `service_pack` is not recorded"
                }
                None => "",
            });
            let finding = Finding::new(target.past, who, path, message).fact("days_past", days);
            let finding = match esu {
                Some(EsuRefused::WindowEnded) => finding.fact("esu_window_ended", true),
                Some(_) => finding.fact("esu_not_available", true),
                None => finding,
            };
            (finding, end)
        }
        Verdict::OnEsu { end, window } => {
            let message = format!(
                "{who} runs {name}, past the end of support ({}), covered by {} until {}; ESUs are security fixes only and are not support",
                end.date, window.name, window.end
            );
            let finding = Finding::new(RuleId::Life007, who, path, message)
                .fact("esu_start", window.start.to_string())
                .fact("esu_end", window.end.to_string())
                .unverified(window.provenance.is_unverified());
            (finding, end)
        }
        Verdict::Approaching { end, days } => {
            let message = format!(
                "{who} runs {name}, which reaches the end of support after {} ({days} days left)",
                end.date
            );
            let finding = Finding::new(RuleId::Life002, who, path, message).fact("days_left", days);
            (finding, end)
        }
        Verdict::PastMainstream { mainstream, end } => {
            let message = format!(
                "{who} runs {name}, past mainstream support since {mainstream}: security updates only, until {}",
                end.date
            );
            let unverified = lifecycle::row(judged.item)
                .mainstream_end
                .is_some_and(|m| m.provenance.is_unverified());
            let finding = Finding::new(RuleId::Life006, who, path, message)
                .fact("mainstream_end", mainstream.to_string())
                .unverified(unverified);
            (finding, end)
        }
    };
    let finding = finding
        .related(target.related.iter().copied())
        .fact("check_date", when.date.to_string())
        .fact(kind_key(judged.item), judged.item.token())
        .fact("end_date", end.date.to_string())
        .fact("end_kind", end_kind(end))
        .unverified(end.provenance.is_unverified());
    out.push(match judged.service_pack {
        Some(level) => finding.fact("service_pack", level),
        None => finding,
    });
}

/// LIFE-003 could not judge the service pack: absent while one has already ended, or a level the
/// table does not know.
fn service_pack_not_evaluated(target: &Target<'_>) -> Finding {
    let judged = target.judged;
    let mut finding = Finding::not_evaluated(
        RuleId::Life003,
        target.subject,
        vec![target.path.parent().key("service_pack")],
    )
    .related(target.related.iter().copied());
    if let Some(level) = judged.service_pack {
        finding = finding.message(format!(
            "LIFE-003 not evaluated for {}: {} SP{level} is not in the lifecycle table",
            target.subject,
            judged.item.display_name()
        ));
    }
    finding
}

/// The fact key naming the item: `product`, `version` or `os`.
const fn kind_key(item: Item) -> &'static str {
    match item {
        Item::Product(_) => "product",
        Item::Sql(_) => "version",
        Item::Os(_) => "os",
    }
}

/// `mainstream`, `extended`, `service_pack`, `esu_window`, `earliest_possible`.
const fn end_kind(end: End) -> &'static str {
    match end.kind {
        EndKind::Mainstream => "mainstream",
        EndKind::Extended => "extended",
        EndKind::ServicePack => "service_pack",
        EndKind::EsuWindow => "esu_window",
        EndKind::EarliestPossible => "earliest_possible",
    }
}

/// LIFE-001 (or 002, 006, 007) for each pool's product; Subscription Edition has no fixed end
/// (LIFE-005).
fn products(topology: &Topology, when: &mut When, out: &mut Findings) {
    for (index, pool, _) in topology.pools() {
        if pool.product == Product::SfbSe {
            continue;
        }
        let target = Target {
            subject: &pool.fqdn,
            related: Vec::new(),
            path: pool_path(index, "product"),
            past: RuleId::Life001,
            judged: Subject {
                item: Item::Product(pool.product),
                service_pack: None,
                edition: None,
                esu: pool.esu,
            },
        };
        report(out, when, target);
    }
}

/// LIFE-004 (or 002, 006, 007) for each server's Windows Server; not evaluated without `os`.
fn servers(topology: &Topology, when: &mut When, out: &mut Findings) {
    for (index, pool, _) in topology.pools() {
        for (k, server) in pool.servers.iter().enumerate() {
            let path = server_path(index, k, "os");
            let Some(os) = server.os else {
                // Branch appliances ship with their vendor's operating system.
                if pool.kind != PoolKind::Sba {
                    out.push(
                        Finding::not_evaluated(RuleId::Life004, &server.fqdn, vec![path])
                            .related([&pool.fqdn]),
                    );
                }
                continue;
            };
            let target = Target {
                subject: &server.fqdn,
                related: vec![&pool.fqdn],
                path,
                past: RuleId::Life004,
                judged: Subject {
                    item: Item::Os(os),
                    service_pack: None,
                    edition: None,
                    esu: server.esu,
                },
            };
            report(out, when, target);
        }
    }
}

/// LIFE-003 (LIFE-008 for Express; or 002, 006, 007) for each SQL store, and for each node that
/// overrides its store's version; not evaluated without `version`.
fn stores(topology: &Topology, when: &mut When, out: &mut Findings) {
    for (index, store, facts) in topology.stores() {
        let related: Vec<&Text> = facts
            .used_by
            .iter()
            .filter_map(|pool| topology.pool(*pool))
            .map(|pool| &pool.fqdn)
            .collect();
        let Some(version) = store.version else {
            out.push(
                Finding::not_evaluated(
                    RuleId::Life003,
                    &store.id,
                    vec![store_path(index, "version")],
                )
                .related(related.iter().copied()),
            );
            continue;
        };
        let past = |edition: Option<SqlEdition>| {
            if edition == Some(SqlEdition::Express) {
                RuleId::Life008
            } else {
                RuleId::Life003
            }
        };
        report(
            out,
            when,
            Target {
                subject: &store.id,
                related: related.clone(),
                path: store_path(index, "version"),
                past: past(store.edition),
                judged: Subject {
                    item: Item::Sql(version),
                    service_pack: store.service_pack,
                    edition: store.edition,
                    esu: store.esu,
                },
            },
        );
        for node in facts.nodes.iter().filter(|node| node.own_version) {
            let Some(own) = node.version.filter(|own| *own != version) else {
                continue;
            };
            report(
                out,
                when,
                Target {
                    subject: &node.fqdn,
                    related: vec![&store.id],
                    path: node.version_path(),
                    past: past(node.edition),
                    judged: Subject {
                        item: Item::Sql(own),
                        service_pack: None,
                        edition: node.edition,
                        esu: node.esu,
                    },
                },
            );
        }
    }
}

/// LIFE-008 (b): the SQL Server Express the product installs on the servers of each Front End,
/// Director and Edge pool, once past its end of support.
fn installed_express(topology: &Topology, when: &When, out: &mut Findings) {
    if !out.wants(RuleId::Life008) {
        return;
    }
    for (index, pool, _) in topology.pools() {
        if !matches!(
            pool.kind,
            PoolKind::FrontEnd | PoolKind::Director | PoolKind::Edge
        ) {
            continue;
        }
        let Some(express) = lifecycle::collocated_express(pool.product) else {
            continue;
        };
        let item = Item::Sql(express.version);
        let standing = lifecycle::standing(item, None, when.date, when.months);
        let Some(end) = standing.end.filter(|_| standing.phase == Phase::Ended) else {
            continue;
        };
        let message = format!(
            "the {} Express that {} installs on the servers of {} left support after {}; it no longer receives SQL Server fixes",
            express.version.display_name(),
            pool.product.display_name(),
            pool.fqdn,
            end.date
        );
        out.push(
            Finding::new(
                RuleId::Life008,
                &pool.fqdn,
                pool_path(index, "product"),
                message,
            )
            .fact("check_date", when.date.to_string())
            .fact("product", pool.product.as_str())
            .fact("version", express.version.as_str())
            .fact("edition", SqlEdition::Express.as_str())
            .fact("end_date", end.date.to_string())
            .fact("end_kind", end_kind(end))
            .fact("days_past", -standing.days_left.unwrap_or_default())
            .unverified(express.provenance.is_unverified() || standing.unverified),
        );
    }
}

/// LIFE-005: Subscription Edition follows the Modern Lifecycle Policy (a), and its earliest
/// possible end of support within the horizon (c).
fn modern_policy(topology: &Topology, when: &When, out: &mut Findings) {
    let se: Vec<(usize, &Text)> = topology
        .pools()
        .filter(|(_, pool, _)| pool.product == Product::SfbSe)
        .map(|(index, pool, _)| (index, &pool.fqdn))
        .collect();
    let Some((first, _)) = se.first() else {
        return;
    };
    let path = pool_path(*first, "product");
    let pools = se.iter().map(|(_, fqdn)| *fqdn);
    let standing = lifecycle::standing(Item::Product(Product::SfbSe), None, when.date, when.months);
    let earliest = standing
        .end
        .map(|end| end.date.to_string())
        .unwrap_or_default();
    let message = format!(
        "Skype for Business Server Subscription Edition follows the Modern Lifecycle Policy: supported only while kept current with the published updates, with no fixed end; Microsoft lists {earliest} as the earliest possible end of support"
    );
    out.push(
        Finding::new(RuleId::Life005, "/", path, message)
            .related(pools.clone())
            .fact("check_date", when.date.to_string())
            .fact("earliest_end", earliest.clone()),
    );
    if standing.approaching {
        let message = format!(
            "Subscription Edition's earliest possible end of support, {earliest}, is {} days away: check Microsoft's lifecycle page for its current commitment",
            standing.days_left.unwrap_or_default()
        );
        out.push(
            Finding::new(RuleId::Life005, "/", path, message)
                .related(pools)
                .severity(crate::tokens::Severity::Warning)
                .fact("check_date", when.date.to_string())
                .fact("earliest_end", earliest)
                .fact("days_left", standing.days_left.unwrap_or_default()),
        );
    }
}
