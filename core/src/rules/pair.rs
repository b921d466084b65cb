//! PAIR: Front End pool pairing.

use std::collections::BTreeSet;

use serde_json::Value;

use super::{Finding, Findings};
use super::{missing_server_keys, pool_path, set_value, words};
use crate::document::{Pool, Text};
use crate::matrix::limits::limits_for;
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{Edition, PoolKind, SiteKind};
use crate::topology::{Pairing, Topology};

pub(super) fn check(topology: &Topology, out: &mut Findings) {
    relationships(topology, out);
    for &pairing in topology.pairings() {
        let (Some(pool), Some(partner)) =
            (topology.pool(pairing.pool), topology.pool(pairing.partner))
        else {
            continue;
        };
        if pool.kind != PoolKind::FrontEnd || partner.kind != PoolKind::FrontEnd {
            continue;
        }
        let pair = Pair {
            topology,
            pairing,
            pool,
            partner,
        };
        pair.edition(out);
        pair.platform(out);
        pair.os(out);
        pair.back_end_solution(out);
        pair.product(out);
        pair.location(out);
        pair.region(out);
        pair.capacity(out);
        pair.standard_edition_pair(out);
        pair.small_enterprise_pool(out);
    }
    branch_users_without_dr(topology, out);
}

/// PAIR-005 (1:1 and reciprocal) and PAIR-017 (only Front End pools pair), per `backup_pool`.
fn relationships(topology: &Topology, out: &mut Findings) {
    if !out.wants_any(&[RuleId::Pair005, RuleId::Pair017]) {
        return;
    }
    for (index, pool, facts) in topology.pools() {
        let Some(partner) = facts.backup.and_then(|b| topology.pool(b).map(|p| (b, p))) else {
            continue;
        };
        let (partner_index, partner) = partner;
        let path = || pool_path(index, "backup_pool");
        if pool.kind != PoolKind::FrontEnd || partner.kind != PoolKind::FrontEnd {
            let message = format!(
                "{} (`{}`) names {} (`{}`) as its backup pool; only Front End pools and Standard Edition servers take part in pool pairing",
                pool.fqdn, pool.kind, partner.fqdn, partner.kind
            );
            out.push(
                Finding::new(RuleId::Pair017, &pool.fqdn, path(), message)
                    .related([&partner.fqdn])
                    .fact("kind", pool.kind.as_str())
                    .fact("backup_pool.kind", partner.kind.as_str()),
            );
        }
        let back = topology.pool_facts(partner_index).and_then(|f| f.backup);
        let message = if partner_index == index {
            format!("{} names itself as its backup pool", pool.fqdn)
        } else if back == Some(index) {
            continue;
        } else {
            match back.and_then(|b| topology.pool(b)) {
                Some(other) => format!(
                    "{} is paired with {}, but {} names {} as its backup pool; backup relationships must be 1:1 and reciprocal",
                    pool.fqdn, partner.fqdn, partner.fqdn, other.fqdn
                ),
                None => format!(
                    "{} is paired with {}, but {} has no backup pool; backup relationships must be 1:1 and reciprocal",
                    pool.fqdn, partner.fqdn, partner.fqdn
                ),
            }
        };
        let partner_backup = partner
            .backup_pool
            .as_deref()
            .map_or(Value::Null, Value::from);
        out.push(
            Finding::new(RuleId::Pair005, &pool.fqdn, path(), message)
                .related([&partner.fqdn])
                .fact("backup_pool", &partner.fqdn)
                .fact("backup_pool.backup_pool", partner_backup),
        );
    }
}

/// PAIR-019: users homed on a branch appliance have no disaster recovery.
fn branch_users_without_dr(topology: &Topology, out: &mut Findings) {
    if !out.wants(RuleId::Pair019) {
        return;
    }
    for (index, pool, facts) in topology.pools() {
        if !matches!(pool.kind, PoolKind::Sba | PoolKind::Sbs) {
            continue;
        }
        let Some(backing) = facts.associated.and_then(|a| topology.pool(a)) else {
            continue;
        };
        let message = format!(
            "users homed on {} have no disaster recovery: if {} fails they stay in resiliency mode even when its users fail over to a paired pool",
            pool.fqdn, backing.fqdn
        );
        out.push(
            Finding::new(
                RuleId::Pair019,
                &pool.fqdn,
                pool_path(index, "associated_pool"),
                message,
            )
            .related([&backing.fqdn])
            .fact("associated_pool", &backing.fqdn),
        );
    }
}

/// One pool whose `backup_pool` names another Front End pool.
struct Pair<'a> {
    topology: &'a Topology,
    pairing: Pairing,
    pool: &'a Pool,
    partner: &'a Pool,
}

impl Pair<'_> {
    fn finding(&self, rule: RuleId, key: &'static str, message: String) -> Finding {
        Finding::new(
            rule,
            &self.pool.fqdn,
            pool_path(self.pairing.pool, key),
            message,
        )
        .related([&self.partner.fqdn])
    }

    /// PAIR-001.
    fn edition(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair001) {
            return;
        }
        let (Some(mine), Some(theirs)) = (self.pool.edition, self.partner.edition) else {
            return;
        };
        if mine != theirs {
            let message = format!(
                "{} ({}) is paired with {} ({}); pairs must be of one edition",
                self.pool.fqdn,
                edition_name(mine),
                self.partner.fqdn,
                edition_name(theirs)
            );
            out.push(
                self.finding(RuleId::Pair001, "backup_pool", message)
                    .fact("edition", mine.as_str())
                    .fact("backup_pool.edition", theirs.as_str()),
            );
        }
    }

    /// PAIR-002: one platform across both pools.
    fn platform(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair002) {
            return;
        }
        let platforms = || {
            let both = self.pool.servers.iter().chain(&self.partner.servers);
            both.filter_map(|s| s.platform)
        };
        // Two platforms among the servers of the pair: a finding; else nothing, or not evaluated.
        let first = platforms().next();
        if platforms().all(|p| Some(p) == first) {
            self.not_evaluated(RuleId::Pair002, "platform", |s| s.platform, out);
            return;
        }
        let mine: BTreeSet<&str> = self
            .pool
            .servers
            .iter()
            .filter_map(|s| s.platform)
            .map(|p| p.as_str())
            .collect();
        let theirs: BTreeSet<&str> = self
            .partner
            .servers
            .iter()
            .filter_map(|s| s.platform)
            .map(|p| p.as_str())
            .collect();
        let message = format!(
            "{} ({}) is paired with {} ({}); paired pools must both be physical or both be virtual",
            self.pool.fqdn,
            words(&mine),
            self.partner.fqdn,
            words(&theirs)
        );
        out.push(
            self.finding(RuleId::Pair002, "backup_pool", message)
                .fact("platform", set_value(&mine))
                .fact("backup_pool.platform", set_value(&theirs)),
        );
    }

    /// PAIR-003: the same operating system in both pools.
    fn os(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair003) {
            return;
        }
        // The sets as bit masks first: most pairs agree, and then no set is built.
        let mask = |pool: &Pool| {
            pool.servers
                .iter()
                .filter_map(|s| s.os)
                .fold(0u32, |mask, os| mask | 1 << os as u32)
        };
        let (mine, theirs) = (mask(self.pool), mask(self.partner));
        if mine == 0 || theirs == 0 || mine == theirs {
            self.not_evaluated(RuleId::Pair003, "os", |s| s.os, out);
            return;
        }
        let mine: BTreeSet<&str> = self
            .pool
            .servers
            .iter()
            .filter_map(|s| s.os)
            .map(|o| o.as_str())
            .collect();
        let theirs: BTreeSet<&str> = self
            .partner
            .servers
            .iter()
            .filter_map(|s| s.os)
            .map(|o| o.as_str())
            .collect();
        if !mine.is_empty() && !theirs.is_empty() && mine != theirs {
            let message = format!(
                "{} runs {} and its partner {} runs {}; paired pools must run the same operating system",
                self.pool.fqdn,
                words(&mine),
                self.partner.fqdn,
                words(&theirs)
            );
            out.push(
                self.finding(RuleId::Pair003, "backup_pool", message)
                    .fact("os", set_value(&mine))
                    .fact("backup_pool.os", set_value(&theirs)),
            );
            return;
        }
        self.not_evaluated(RuleId::Pair003, "os", |s| s.os, out);
    }

    /// Reports `rule` as not evaluated when a server of either pool lacks `key`.
    fn not_evaluated<T>(
        &self,
        rule: RuleId,
        key: &'static str,
        value: impl Fn(&crate::document::Server) -> Option<T> + Copy,
        out: &mut Findings,
    ) {
        let mut missing = missing_server_keys(self.pairing.pool, self.pool, key, value);
        missing.extend(missing_server_keys(
            self.pairing.partner,
            self.partner,
            key,
            value,
        ));
        if !missing.is_empty() {
            out.push(
                Finding::not_evaluated(rule, &self.pool.fqdn, missing)
                    .related([&self.partner.fqdn]),
            );
        }
    }

    /// PAIR-004: the same back-end HA solution (FCI and failover clustering are one).
    fn back_end_solution(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair004) {
            return;
        }
        let (Some(mine), Some(theirs)) = (
            self.topology.back_end_mode(self.pairing.pool),
            self.topology.back_end_mode(self.pairing.partner),
        ) else {
            return;
        };
        if mine.solution() != theirs.solution() {
            let message = format!(
                "{} uses {} for its back end and its partner {} uses {}; use the same back-end HA solution in both pools of a pair",
                self.pool.fqdn,
                mine.display_name(),
                self.partner.fqdn,
                theirs.display_name()
            );
            out.push(
                self.finding(RuleId::Pair004, "back_end", message)
                    .fact("back_end.ha.mode", mine.as_str())
                    .fact("backup_pool.back_end.ha.mode", theirs.as_str()),
            );
        }
    }

    /// PAIR-007: one product version (S19 with SE is undocumented, Q-8).
    fn product(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair007) {
            return;
        }
        let (mine, theirs) = (self.pool.product, self.partner.product);
        if mine != theirs {
            let message = format!(
                "{} runs {} and its partner {} runs {}; disaster-recovery failover between pools of different versions is not supported",
                self.pool.fqdn,
                mine.display_name(),
                self.partner.fqdn,
                theirs.display_name()
            );
            out.push(
                self.finding(RuleId::Pair007, "product", message)
                    .fact("product", mine.as_str())
                    .fact("backup_pool.product", theirs.as_str()),
            );
        }
    }

    /// PAIR-008: partners in different central sites, ideally different data centers.
    fn location(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair008) {
            return;
        }
        let topology = self.topology;
        let (Some(mine), Some(theirs)) = (
            topology.pool_facts(self.pairing.pool),
            topology.pool_facts(self.pairing.partner),
        ) else {
            return;
        };
        let branch = [self.pairing.pool, self.pairing.partner]
            .into_iter()
            .find(|&p| topology.site_kind(p) == SiteKind::Branch)
            .and_then(|p| topology.pool(p));
        let (message, severity) = if mine.site == theirs.site {
            (
                format!(
                    "{} and its partner {} are in the same site `{}`; the backup pool must be in a different central site",
                    self.pool.fqdn, self.partner.fqdn, self.pool.site
                ),
                None,
            )
        } else if let Some(branch) = branch {
            (
                format!(
                    "{} is paired with {}, but {} is in the branch site `{}`; paired pools must be in central sites",
                    self.pool.fqdn, self.partner.fqdn, branch.fqdn, branch.site
                ),
                None,
            )
        } else if shares_data_center(&mine.server_data_centers, &theirs.server_data_centers) {
            let shared: BTreeSet<&str> = mine
                .server_data_centers
                .iter()
                .filter(|dc| theirs.server_data_centers.contains(dc))
                .map(Text::as_str)
                .collect();
            let names: Vec<&str> = shared.into_iter().collect();
            (
                format!(
                    "{} and its partner {} are in different sites but share the data center `{}`; a pair should span two data centers",
                    self.pool.fqdn,
                    self.partner.fqdn,
                    names.join("`, `")
                ),
                Some(crate::tokens::Severity::Warning),
            )
        } else {
            return;
        };
        let mut finding = self
            .finding(RuleId::Pair008, "site", message)
            .fact("site", &self.pool.site)
            .fact("backup_pool.site", &self.partner.site);
        if let Some(severity) = severity {
            finding = finding.severity(severity);
        }
        out.push(finding);
    }

    /// PAIR-009: partner data centers in the same world region.
    fn region(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair009) {
            return;
        }
        let topology = self.topology;
        let sites = &topology.document().sites;
        let site_of = |pool: usize| topology.pool_facts(pool).map(|f| f.site);
        let (Some(mine), Some(theirs)) =
            (site_of(self.pairing.pool), site_of(self.pairing.partner))
        else {
            return;
        };
        let region = |site: usize| sites.get(site).and_then(|s| s.region.as_deref());
        match (region(mine), region(theirs)) {
            (Some(a), Some(b)) if !a.eq_ignore_ascii_case(b) => {
                let message = format!(
                    "{} is in region `{a}` and its partner {} in region `{b}`; pairing across world regions risks more data loss on failover",
                    self.pool.fqdn, self.partner.fqdn
                );
                out.push(
                    Finding::new(
                        RuleId::Pair009,
                        &self.pool.fqdn,
                        Pointer::entity("sites", theirs).key("region"),
                        message,
                    )
                    .related([&self.partner.fqdn])
                    .fact("region", a.to_owned())
                    .fact("backup_pool.region", b.to_owned()),
                );
            }
            (Some(_), Some(_)) => {}
            (a, b) => {
                let missing = [(mine, a), (theirs, b)]
                    .into_iter()
                    .filter(|(_, region)| region.is_none())
                    .map(|(site, _)| Pointer::entity("sites", site).key("region"))
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                out.push(
                    Finding::not_evaluated(RuleId::Pair009, &self.pool.fqdn, missing)
                        .related([&self.partner.fqdn]),
                );
            }
        }
    }

    /// PAIR-010: each pool sized for the users of both.
    fn capacity(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair010) {
            return;
        }
        let (Some(mine), Some(theirs)) = (
            self.users(self.pairing.pool),
            self.users(self.pairing.partner),
        ) else {
            let mut missing = self.missing_users(self.pairing.pool);
            missing.extend(self.missing_users(self.pairing.partner));
            out.push(
                Finding::not_evaluated(RuleId::Pair010, &self.pool.fqdn, missing)
                    .related([&self.partner.fqdn]),
            );
            return;
        };
        let limits = limits_for(self.pool.product);
        let together = mine + theirs;
        let (own_limit, combined_limit) = if self.pool.edition == Some(Edition::Standard) {
            (limits.standard_pair_users, limits.standard_failover_users)
        } else {
            let servers = u64::try_from(self.pool.servers.len()).unwrap_or(u64::MAX);
            let capacity = servers
                .saturating_mul(limits.users_per_front_end)
                .min(limits.max_pool_users);
            (limits.max_paired_pool_users, capacity)
        };
        if mine <= own_limit && together <= combined_limit {
            return;
        }
        let message = if mine > own_limit {
            format!(
                "{} homes {mine} users, above the {own_limit} a pool of a disaster-recovery pair should carry",
                self.pool.fqdn
            )
        } else {
            format!(
                "{} and its partner {} home {together} users together, above the {combined_limit} that {} can carry after a failover",
                self.pool.fqdn, self.partner.fqdn, self.pool.fqdn
            )
        };
        out.push(
            self.finding(RuleId::Pair010, "users", message)
                .fact("users", mine)
                .fact("backup_pool.users", theirs)
                .fact("limit.pool", own_limit)
                .fact("limit.after_failover", combined_limit)
                .unverified(limits.unverified),
        );
    }

    /// Users of a pool and of the branch appliances it backs, when all are known.
    fn users(&self, pool: usize) -> Option<u64> {
        let own = self.topology.pool(pool)?.users?;
        let branches = self.topology.pool_facts(pool)?.branch_users?;
        Some(u64::from(own) + branches)
    }

    fn missing_users(&self, pool: usize) -> Vec<Pointer> {
        let topology = self.topology;
        let branches = topology
            .pool_facts(pool)
            .map(|f| f.branches.clone())
            .unwrap_or_default();
        std::iter::once(pool)
            .chain(branches)
            .filter(|&p| topology.pool(p).is_some_and(|p| p.users.is_none()))
            .map(|p| pool_path(p, "users"))
            .collect()
    }

    /// PAIR-011: a pair of Standard Edition servers gives disaster recovery only.
    fn standard_edition_pair(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair011) {
            return;
        }
        if self.pool.edition == Some(Edition::Standard)
            && self.partner.edition == Some(Edition::Standard)
        {
            let message = format!(
                "{} and {} are Standard Edition servers: the pair gives disaster recovery by manual failover only, not back-end high availability",
                self.pool.fqdn, self.partner.fqdn
            );
            out.push(
                self.finding(RuleId::Pair011, "backup_pool", message)
                    .fact("edition", "standard"),
            );
        }
    }

    /// PAIR-020: an Enterprise pool of one or two servers paired for disaster recovery.
    fn small_enterprise_pool(&self, out: &mut Findings) {
        if !out.wants(RuleId::Pair020) {
            return;
        }
        let servers = self.pool.servers.len();
        if self.pool.edition == Some(Edition::Enterprise) && servers < 3 {
            let message = format!(
                "{} is an Enterprise pool of {servers} server(s) paired for disaster recovery; a pair of Standard Edition servers suits this size better",
                self.pool.fqdn
            );
            out.push(
                self.finding(RuleId::Pair020, "servers", message)
                    .fact("servers", servers),
            );
        }
    }
}

fn edition_name(edition: Edition) -> &'static str {
    match edition {
        Edition::Enterprise => "Enterprise Edition",
        Edition::Standard => "Standard Edition",
    }
}

/// Whether two pools have a server data center in common. Most pools sit in one data center:
/// then one comparison answers.
fn shares_data_center(mine: &[Text], theirs: &[Text]) -> bool {
    let single = |all: &[Text]| {
        all.first()
            .filter(|first| all.iter().all(|dc| dc == *first))
            .cloned()
    };
    match (single(mine), single(theirs)) {
        (Some(a), Some(b)) => a == b,
        _ => mine.iter().any(|dc| theirs.contains(dc)),
    }
}
