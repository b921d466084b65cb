//! SQL: SQL Server versions, patch levels and editions of a pool's back end, read from the
//! support matrix (catalog §2.1).

use super::{Finding, Findings, pool_path};
use crate::check::Options;
use crate::document::{Pool, SqlStore};
use crate::matrix::sql::{
    PCHAT_2015_VERSIONS, SQL_MATRIX, SqlRow, mode_rule, sql_row, version_rule,
};
use crate::matrix::{Cell, MinLevel, Support};
use crate::registry::RuleId;
use crate::report::Pointer;
use crate::tokens::{HaMode, PoolKind, Product, Severity, SqlEdition, SqlVersion};
use crate::topology::{NodeFacts, StoreFacts, Topology};

pub(super) fn check(topology: &Topology, options: &Options, out: &mut Findings) {
    for (index, pool, _) in topology.pools() {
        let Some((_, store, facts)) = topology.back_end(index) else {
            continue;
        };
        let back_end = BackEnd {
            index,
            pool,
            store,
            facts,
            options,
        };
        if pool.is_enterprise_front_end() {
            back_end.versions(out);
            back_end.express(out);
        } else if pool.kind == PoolKind::PersistentChat {
            back_end.persistent_chat(out);
        }
    }
}

/// The rules `versions` reports.
const VERSION_RULES: &[RuleId] = &[
    RuleId::Sql001,
    RuleId::Sql002,
    RuleId::Sql003,
    RuleId::Sql004,
    RuleId::Sql005,
    RuleId::Sql006,
    RuleId::Sql007,
    RuleId::Sql008,
    RuleId::Sql009,
];

/// A pool and its back-end store.
struct BackEnd<'a> {
    index: usize,
    pool: &'a Pool,
    store: &'a SqlStore,
    facts: &'a StoreFacts,
    options: &'a Options,
}

impl BackEnd<'_> {
    /// The store's SQL Servers (not the witness), one per distinct version.
    fn data_nodes(&self) -> impl Iterator<Item = &NodeFacts> {
        self.facts.nodes.iter().filter(|n| n.holds_data())
    }

    fn finding(&self, rule: RuleId, node: &NodeFacts, message: String) -> Finding {
        let mut finding = Finding::new(rule, &self.pool.fqdn, node.version_path(), message)
            .related([&self.store.id])
            .fact("product", self.pool.product.as_str())
            .fact("back_end.ha.mode", self.facts.mode.as_str());
        if let Some(version) = node.version {
            finding = finding.fact("version", version.as_str());
        }
        finding
    }

    fn not_evaluated(&self, rule: RuleId, missing: Vec<Pointer>) -> Finding {
        Finding::not_evaluated(rule, &self.pool.fqdn, missing).related([&self.store.id])
    }

    /// SQL-001…SQL-009 for an Enterprise Front End pool.
    fn versions(&self, out: &mut Findings) {
        if !out.wants_any(VERSION_RULES) {
            return;
        }
        let product = self.pool.product;
        let mode = self.facts.mode;
        let mut rules = vec![version_rule(product)];
        rules.extend((product == Product::Lync2013).then_some(RuleId::Sql002));
        rules.extend(mode_rule(product, mode));
        rules.extend(
            (product == Product::Sfb2015 && mode != HaMode::None).then_some(RuleId::Sql009),
        );
        let missing: Vec<Pointer> = self
            .data_nodes()
            .filter(|n| n.version.is_none())
            .map(|n| n.version_path())
            .collect();
        let mut seen = Vec::new();
        let mut failed = Vec::new();
        for node in self.data_nodes() {
            let Some(version) = node.version.filter(|v| !seen.contains(v)) else {
                continue;
            };
            seen.push(version);
            for finding in self.version_findings(node, version) {
                failed.push(finding.rule());
                out.push(finding);
            }
        }
        if mode == HaMode::AlwaysOnAg && mode_rule(product, mode).is_some() {
            for finding in self.availability_group_edition() {
                failed.push(finding.rule());
                out.push(finding);
            }
        }
        if !missing.is_empty() {
            for rule in rules.into_iter().filter(|rule| !failed.contains(rule)) {
                out.push(self.not_evaluated(rule, missing.clone()));
            }
        }
    }

    /// The findings about one SQL version of the back end.
    fn version_findings(&self, node: &NodeFacts, version: SqlVersion) -> Vec<Finding> {
        let product = self.pool.product;
        let mode = self.facts.mode;
        let mut findings = Vec::new();
        let Some(row) = sql_row(product, version) else {
            return findings;
        };
        // The product's own list of Back End versions, with its patch-level minimums.
        let rule = version_rule(product);
        if let Some(finding) = self.cell(rule, node, row.back_end, HaMode::None) {
            findings.push(finding);
        } else {
            findings.extend(self.min_level(rule, node, row.min_level, row));
        }
        if product == Product::Lync2013 && version >= SqlVersion::V2014 {
            let message = format!(
                "{} is a Lync Server 2013 pool on {} (store `{}`); Lync Server 2013 does not support SQL Server 2014 or later: upgrade the pool first, then SQL Server",
                self.pool.fqdn,
                version.display_name(),
                self.store.id
            );
            findings.push(self.finding(RuleId::Sql002, node, message));
        }
        // The list of versions of the HA mode in use.
        if let Some(rule) = mode_rule(product, mode) {
            match self.cell(rule, node, row.mode_cell(mode), mode) {
                Some(finding) => findings.push(finding),
                None => findings.extend(self.min_level(rule, node, row.min_level_for(mode), row)),
            }
        }
        // SQL-009: the stricter HA patch level for SQL Server 2012 under 2015 (C-3).
        if product == Product::Sfb2015 && mode != HaMode::None {
            findings.extend(self.min_level(RuleId::Sql009, node, row.min_level_ha, row));
        }
        findings
    }

    /// A finding when a matrix cell does not support the version: the Back End cell
    /// (`HaMode::None`) or the cell of an HA mode.
    fn cell(
        &self,
        rule: RuleId,
        node: &NodeFacts,
        cell: Cell,
        listed_for: HaMode,
    ) -> Option<Finding> {
        let product = self.pool.product;
        let version = node.version?;
        let verdict = match cell.support {
            Support::Yes => return None,
            Support::No => "does not support",
            Support::Undocumented => "is not documented to support",
        };
        let listed = supported_versions(product, listed_for);
        let usage = match listed_for {
            HaMode::None => "as a Back End".to_owned(),
            mode => format!("with {}", mode.display_name()),
        };
        let message = format!(
            "{} uses {} for its back end (`{}`) {usage}; {} {verdict} it (listed: {})",
            self.pool.fqdn,
            version.display_name(),
            self.store.id,
            product.display_name(),
            if listed.is_empty() {
                "none".to_owned()
            } else {
                listed.join(", ")
            }
        );
        Some(
            self.finding(rule, node, message)
                .unverified(cell.is_unverified()),
        )
    }

    /// The finding (or not-evaluated) for a minimum SQL patch level and product update.
    fn min_level(
        &self,
        rule: RuleId,
        node: &NodeFacts,
        level: Option<MinLevel>,
        row: &SqlRow,
    ) -> Option<Finding> {
        let version = node.version?;
        let sql = level.map(|l| {
            (
                l,
                l.satisfied_by(self.store.service_pack, self.store.cumulative_update),
            )
        });
        let product_cu = if rule == version_rule(self.pool.product) {
            row.min_product_cu
        } else {
            None
        };
        let product = product_cu.map(|min| (min, self.pool.cumulative_update.map(|cu| cu >= min)));
        let sql_fails = matches!(sql, Some((_, Some(false))));
        let product_fails = matches!(product, Some((_, Some(false))));
        if sql_fails || product_fails {
            let mut needs = Vec::new();
            if let Some((level, _)) = sql.filter(|_| sql_fails) {
                needs.push(format!("{} {}", version.display_name(), level.describe()));
            }
            if let Some((min, _)) = product.filter(|_| product_fails) {
                needs.push(format!("{} CU{min}", self.pool.product.display_name()));
            }
            let message = format!(
                "{} uses {} for its back end (`{}`) at a patch level below the minimum: it needs {}",
                self.pool.fqdn,
                version.display_name(),
                self.store.id,
                needs.join(" and ")
            );
            let mut finding = self.finding(rule, node, message);
            if let Some(sp) = self.store.service_pack {
                finding = finding.fact("service_pack", sp);
            }
            if let Some(cu) = self.store.cumulative_update {
                finding = finding.fact("cumulative_update", cu);
            }
            if let Some(cu) = self.pool.cumulative_update {
                finding = finding.fact("product_cumulative_update", cu);
            }
            return Some(finding);
        }
        let mut missing = Vec::new();
        if matches!(sql, Some((_, None))) {
            let base = node.version_path().parent();
            missing.push(base.key("service_pack"));
            missing.push(base.key("cumulative_update"));
        }
        if matches!(product, Some((_, None))) {
            missing.push(self.pool_pointer("cumulative_update"));
        }
        (!missing.is_empty()).then(|| self.not_evaluated(rule, missing))
    }

    /// SQL-007: availability groups need Enterprise edition (Standard is contested, C-1).
    fn availability_group_edition(&self) -> Vec<Finding> {
        let nodes: Vec<&NodeFacts> = self.data_nodes().collect();
        let wrong = nodes
            .iter()
            .find(|n| n.edition.is_some_and(|e| e != SqlEdition::Enterprise));
        if let Some(node) = wrong {
            let edition = node.edition.map(SqlEdition::as_str).unwrap_or_default();
            // C-1 is about the 2016, 2017 and 2019 Standard editions; earlier ones are plainly unsupported.
            let contested = node.edition == Some(SqlEdition::Standard)
                && node.version.is_some_and(|v| v >= SqlVersion::V2016);
            let message = format!(
                "{} uses an AlwaysOn Availability Group on SQL Server `{edition}` edition (`{}`, {}); availability groups need Enterprise edition",
                self.pool.fqdn, self.store.id, node.fqdn
            );
            let mut finding = Finding::new(
                RuleId::Sql007,
                &self.pool.fqdn,
                node.edition_path(),
                message,
            )
            .related([&self.store.id])
            .fact("edition", edition)
            .fact("contested", contested);
            if contested && self.options.allow_basic_ag_on_standard {
                finding = finding
                    .severity(Severity::Warning)
                    .help("basic availability groups hold one database each; prefer Enterprise edition or a failover cluster instance");
            }
            return vec![finding];
        }
        let missing: Vec<Pointer> = nodes
            .iter()
            .filter(|n| n.edition.is_none())
            .map(|n| n.edition_path())
            .collect();
        if missing.is_empty() {
            Vec::new()
        } else {
            vec![self.not_evaluated(RuleId::Sql007, missing)]
        }
    }

    /// SQL-011: no SQL Server Express for an Enterprise back end.
    fn express(&self, out: &mut Findings) {
        if !out.wants(RuleId::Sql011) {
            return;
        }
        if let Some(node) = self
            .data_nodes()
            .find(|n| n.edition == Some(SqlEdition::Express))
        {
            let message = format!(
                "{} uses SQL Server Express for its back end (`{}`, {}); Express is only for Standard Edition servers and local stores",
                self.pool.fqdn, self.store.id, node.fqdn
            );
            out.push(
                Finding::new(
                    RuleId::Sql011,
                    &self.pool.fqdn,
                    node.edition_path(),
                    message,
                )
                .related([&self.store.id])
                .fact("edition", "express"),
            );
            return;
        }
        let missing: Vec<Pointer> = self
            .data_nodes()
            .filter(|n| n.edition.is_none())
            .map(|n| n.edition_path())
            .collect();
        if !missing.is_empty() {
            out.push(self.not_evaluated(RuleId::Sql011, missing));
        }
    }

    /// SQL-001/SQL-002 (Lync Server 2013) and SQL-012 (2015) for a Persistent Chat store.
    fn persistent_chat(&self, out: &mut Findings) {
        if !out.wants_any(&[RuleId::Sql001, RuleId::Sql002, RuleId::Sql012]) {
            return;
        }
        let product = self.pool.product;
        let rules: &[RuleId] = match product {
            Product::Lync2013 => &[RuleId::Sql001, RuleId::Sql002],
            Product::Sfb2015 => &[RuleId::Sql012],
            Product::Sfb2019 | Product::SfbSe => return,
        };
        let missing: Vec<Pointer> = self
            .data_nodes()
            .filter(|n| n.version.is_none())
            .map(|n| n.version_path())
            .collect();
        let mut failed = Vec::new();
        let mut seen = Vec::new();
        for node in self.data_nodes() {
            let Some(version) = node.version.filter(|v| !seen.contains(v)) else {
                continue;
            };
            seen.push(version);
            let findings = match product {
                Product::Lync2013 => self.version_findings(node, version),
                _ => self
                    .persistent_chat_2015(node, version)
                    .into_iter()
                    .collect(),
            };
            for finding in findings.into_iter().filter(|f| rules.contains(&f.rule())) {
                failed.push(finding.rule());
                out.push(finding);
            }
        }
        if !missing.is_empty() {
            for rule in rules.iter().filter(|rule| !failed.contains(rule)) {
                out.push(self.not_evaluated(*rule, missing.clone()));
            }
        }
    }

    /// SQL-012: 2015 Persistent Chat stores on SQL 2008 R2, 2012 or 2014 (2014 with the pool at
    /// CU6 or later, C-11).
    fn persistent_chat_2015(&self, node: &NodeFacts, version: SqlVersion) -> Option<Finding> {
        if !PCHAT_2015_VERSIONS.contains(&version) {
            let listed: Vec<&str> = PCHAT_2015_VERSIONS
                .iter()
                .map(|v| v.display_name())
                .collect();
            let message = format!(
                "the Persistent Chat pool {} uses {} (`{}`); Persistent Chat stores support {}",
                self.pool.fqdn,
                version.display_name(),
                self.store.id,
                listed.join(", ")
            );
            return Some(self.finding(RuleId::Sql012, node, message));
        }
        if version != SqlVersion::V2014 {
            return None;
        }
        match self.pool.cumulative_update {
            Some(cu) if cu >= 6 => None,
            Some(cu) => {
                let message = format!(
                    "the Persistent Chat pool {} uses SQL Server 2014 at product CU{cu}; SQL Server 2014 needs Skype for Business Server 2015 CU6 or later",
                    self.pool.fqdn
                );
                Some(
                    self.finding(RuleId::Sql012, node, message)
                        .fact("product_cumulative_update", cu),
                )
            }
            None => Some(
                self.not_evaluated(RuleId::Sql012, vec![self.pool_pointer("cumulative_update")]),
            ),
        }
    }

    fn pool_pointer(&self, key: &'static str) -> Pointer {
        pool_path(self.index, key)
    }
}

/// The SQL versions a matrix column lists as supported for a product.
fn supported_versions(product: Product, mode: HaMode) -> Vec<&'static str> {
    SQL_MATRIX
        .iter()
        .filter(|row| row.product == product && row.mode_cell(mode).support == Support::Yes)
        .map(|row| row.version.display_name())
        .collect()
}
