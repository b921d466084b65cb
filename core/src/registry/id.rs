//! Typed rule identities: one variant per checked rule of the registry, so that a check can
//! only report a rule that exists and is checked.
//!
//! The list below is the only place a checked rule is named by its catalog ID. Each entry is
//! resolved against the registry table while compiling: an ID that is missing from the table,
//! or that is guidance or an alias there, stops the build.
//!
//! ```compile_fail
//! // PAIR-006 is guidance: no check may report it.
//! const RULE: hadr_rules::RuleId = hadr_rules::rule_id!("PAIR-006");
//! ```
//!
//! ```compile_fail
//! // WIT-003 is an alias: BE-006 reports its findings.
//! const RULE: hadr_rules::RuleId = hadr_rules::rule_id!("WIT-003");
//! ```
//!
//! ```compile_fail
//! // No such rule.
//! const RULE: hadr_rules::RuleId = hadr_rules::rule_id!("PAIR-099");
//! ```
//!
//! ```
//! const RULE: hadr_rules::RuleId = hadr_rules::rule_id!("PAIR-001");
//! assert_eq!(RULE, hadr_rules::RuleId::Pair001);
//! assert_eq!(RULE.as_str(), "PAIR-001");
//! ```

use super::table::FAMILIES;
use super::{Evaluation, Rule};

/// Generates [`RuleId`] from the list of checked catalog IDs.
macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A checked rule of the registry. Its findings carry it; [`RuleId::rule`] is its
        /// registry entry, found by index.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u16)]
        pub enum RuleId {
            $(
                #[doc = $id]
                $variant,
            )*
        }

        impl RuleId {
            /// Every checked rule, in catalog order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// Its registry entry.
            pub const fn rule(self) -> &'static Rule {
                match self {
                    $(RuleId::$variant => const { checked($id) },)*
                }
            }

            /// The checked rule with this catalog ID (case-insensitive); `None` for an unknown
            /// ID, guidance or an alias.
            pub fn parse(id: &str) -> Option<RuleId> {
                RuleId::ALL
                    .iter()
                    .copied()
                    .find(|rule| rule.as_str().eq_ignore_ascii_case(id))
            }
        }
    };
}

rule_ids! {
    Pair001 = "PAIR-001",
    Pair002 = "PAIR-002",
    Pair003 = "PAIR-003",
    Pair004 = "PAIR-004",
    Pair005 = "PAIR-005",
    Pair007 = "PAIR-007",
    Pair008 = "PAIR-008",
    Pair009 = "PAIR-009",
    Pair010 = "PAIR-010",
    Pair011 = "PAIR-011",
    Pair017 = "PAIR-017",
    Pair019 = "PAIR-019",
    Pair020 = "PAIR-020",
    Fe001 = "FE-001",
    Fe002 = "FE-002",
    Fe003 = "FE-003",
    Fe004 = "FE-004",
    Fe007 = "FE-007",
    Fe009 = "FE-009",
    Fe010 = "FE-010",
    Fe011 = "FE-011",
    Fe012 = "FE-012",
    Fe014 = "FE-014",
    Fe018 = "FE-018",
    Be001 = "BE-001",
    Be002 = "BE-002",
    Be003 = "BE-003",
    Be004 = "BE-004",
    Be006 = "BE-006",
    Be007 = "BE-007",
    Be012 = "BE-012",
    Be014 = "BE-014",
    Be015 = "BE-015",
    Be016 = "BE-016",
    Be020 = "BE-020",
    Be023 = "BE-023",
    Be025 = "BE-025",
    Be026 = "BE-026",
    Be028 = "BE-028",
    Wit001 = "WIT-001",
    Wit002 = "WIT-002",
    Wit007 = "WIT-007",
    Sql001 = "SQL-001",
    Sql002 = "SQL-002",
    Sql003 = "SQL-003",
    Sql004 = "SQL-004",
    Sql005 = "SQL-005",
    Sql006 = "SQL-006",
    Sql007 = "SQL-007",
    Sql008 = "SQL-008",
    Sql009 = "SQL-009",
    Sql011 = "SQL-011",
    Sql012 = "SQL-012",
    Os001 = "OS-001",
    Os003 = "OS-003",
    Os004 = "OS-004",
    Os005 = "OS-005",
    Os006 = "OS-006",
    // VIRT
    Virt002 = "VIRT-002",
    Virt003 = "VIRT-003",
    Virt004 = "VIRT-004",
    Virt005 = "VIRT-005",
    Virt006 = "VIRT-006",
    Virt008 = "VIRT-008",
    // NET
    Net001 = "NET-001",
    Net002 = "NET-002",
    Net003 = "NET-003",
    // LB
    Lb001 = "LB-001",
    Lb002 = "LB-002",
    Lb003 = "LB-003",
    Lb005 = "LB-005",
    // EDGE
    Edge001 = "EDGE-001",
    Edge002 = "EDGE-002",
    Edge003 = "EDGE-003",
    Edge005 = "EDGE-005",
    Edge006 = "EDGE-006",
    Edge007 = "EDGE-007",
    Edge008 = "EDGE-008",
    Edge009 = "EDGE-009",
    Edge010 = "EDGE-010",
    Edge012 = "EDGE-012",
    // DIR
    Dir001 = "DIR-001",
    Dir002 = "DIR-002",
    Dir003 = "DIR-003",
    Dir004 = "DIR-004",
    // MED
    Med001 = "MED-001",
    Med002 = "MED-002",
    Med005 = "MED-005",
    // VOICE
    Voice001 = "VOICE-001",
    Voice003 = "VOICE-003",
    Voice004 = "VOICE-004",
    Voice005 = "VOICE-005",
    Voice006 = "VOICE-006",
    // SBA
    Sba001 = "SBA-001",
    Sba002 = "SBA-002",
    Sba003 = "SBA-003",
    Sba004 = "SBA-004",
    // PCHAT
    Pchat001 = "PCHAT-001",
    Pchat002 = "PCHAT-002",
    Pchat003 = "PCHAT-003",
    Pchat004 = "PCHAT-004",
    Pchat005 = "PCHAT-005",
    Pchat007 = "PCHAT-007",
    Pchat008 = "PCHAT-008",
    Pchat009 = "PCHAT-009",
    Pchat010 = "PCHAT-010",
    Pchat011 = "PCHAT-011",
    Pchat012 = "PCHAT-012",
    // FILE
    File001 = "FILE-001",
    File002 = "FILE-002",
    File003 = "FILE-003",
    File004 = "FILE-004",
    File005 = "FILE-005",
    Cms001 = "CMS-001",
    Cms002 = "CMS-002",
    Coex004 = "COEX-004",
    Coex006 = "COEX-006",
    Coex008 = "COEX-008",
    Life001 = "LIFE-001",
    Life002 = "LIFE-002",
    Life003 = "LIFE-003",
    Life004 = "LIFE-004",
    Life005 = "LIFE-005",
    Life006 = "LIFE-006",
    Life007 = "LIFE-007",
    Life008 = "LIFE-008",
}

impl RuleId {
    /// The catalog ID, e.g. `PAIR-001`.
    pub const fn as_str(self) -> &'static str {
        self.rule().id
    }

    /// Its position in [`RuleId::ALL`], for tables indexed by rule.
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `rule == "PAIR-001"`: compares the catalog ID (case-sensitive, as the report writes it).
impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The [`RuleId`] of a checked catalog ID, resolved while compiling: an unknown ID, guidance or
/// an alias is a build error.
#[macro_export]
macro_rules! rule_id {
    ($id:literal) => {
        const { $crate::registry::RuleId::__from_catalog($id) }
    };
}

impl RuleId {
    #[doc(hidden)]
    /// Compile-time look-up behind [`rule_id!`]; panics (a build error in a const context) when
    /// `id` is not a checked rule.
    #[allow(
        clippy::panic,
        reason = "evaluated while compiling: a panic is a build error"
    )]
    pub const fn __from_catalog(id: &str) -> RuleId {
        let mut rest = RuleId::ALL;
        while let [rule, tail @ ..] = rest {
            if same(rule.as_str(), id) {
                return *rule;
            }
            rest = tail;
        }
        panic!("not a checked rule of the registry (unknown, guidance or an alias)")
    }
}

/// The registry entry of `id`, which must be checked; evaluated while compiling.
#[allow(
    clippy::panic,
    reason = "evaluated while compiling: a panic is a build error"
)]
const fn checked(id: &str) -> &'static Rule {
    let mut families = FAMILIES;
    while let [rules, tail @ ..] = families {
        let mut rest = *rules;
        while let [rule, more @ ..] = rest {
            if same(rule.id, id) {
                return match rule.evaluation {
                    Evaluation::Checked => rule,
                    Evaluation::Guidance(_) => {
                        panic!("rule_ids!: a guidance rule cannot be reported")
                    }
                    Evaluation::AliasOf(_) => {
                        panic!("rule_ids!: an alias is reported as its target")
                    }
                };
            }
            rest = more;
        }
        families = tail;
    }
    panic!("rule_ids!: the ID is not in the registry table")
}

/// Byte equality of two strings in a const context.
const fn same(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    while let ([x, rest_a @ ..], [y, rest_b @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        a = rest_a;
        b = rest_b;
    }
    a.is_empty() && b.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::rules;

    #[test]
    fn every_checked_rule_has_exactly_one_id() {
        let checked: Vec<&str> = rules()
            .iter()
            .filter(|rule| rule.evaluation == Evaluation::Checked)
            .map(|rule| rule.id)
            .collect();
        let ids: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
        assert_eq!(ids, checked);
    }

    #[test]
    fn variant_names_spell_their_ids() {
        for id in RuleId::ALL {
            let variant = format!("{id:?}").to_uppercase();
            assert_eq!(variant, id.as_str().replace('-', ""));
            assert_eq!(RuleId::ALL.get(id.index()), Some(id));
        }
    }

    #[test]
    fn parse_finds_checked_rules_only() {
        assert_eq!(RuleId::parse("pair-001"), Some(RuleId::Pair001));
        assert_eq!(RuleId::parse("PAIR-006"), None);
        assert_eq!(RuleId::parse("WIT-003"), None);
        assert_eq!(RuleId::parse("PAIR-099"), None);
    }
}
