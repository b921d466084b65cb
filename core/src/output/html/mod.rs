//! The report as one self-contained HTML page (`docs/html-report.md`): a summary, the topology
//! drawn as inline SVG, the findings grouped by site and pool with their explanations and
//! links, and the `simulate` results when asked for. `minijinja` fills the template
//! `report.html`, escaping every value.

mod diagram;

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use minijinja::Environment;
use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::{Checked, visible};
use crate::registry::RuleId;
use crate::simulate::Simulation;
use crate::tokens::Severity;
use crate::{Diagnostic, Summary, Topology};

/// The largest diagram drawn, in sites, pools and stores: the layout's time grows with the
/// cube of the nodes (about a second for 150 in a release build), so past it the page says the
/// topology is too large to draw and lists the findings as usual.
pub const MAX_DIAGRAM_NODES: usize = 150;

static TEMPLATES: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    // The template is part of the crate: a syntax error in it fails the tests, not a user.
    let _ = env.add_template("report.html", include_str!("report.html"));
    env
});

/// The HTML page of one checked file: `topology` is the one that was checked, `fail_level`
/// decides the verdict, and `simulation` adds the failure scenarios.
pub fn html(
    checked: &Checked<'_>,
    topology: &Topology,
    fail_level: Severity,
    simulation: Option<&Simulation>,
) -> String {
    let places = Places::new(topology);
    let mut marks = diagram::Marks {
        pools: vec![false; topology.document().pools.len()],
        stores: vec![false; topology.document().sql_stores.len()],
    };
    let mut groups: BTreeMap<(usize, usize), Group> = BTreeMap::new();
    let mut rules: Vec<RuleId> = Vec::new();
    for d in &checked.report.diagnostics {
        let place = places.of(d);
        if d.severity == Severity::Error && d.suppressed.is_none() && !d.not_evaluated {
            let slot = match place.owner {
                Owner::Pool(i) => marks.pools.get_mut(i),
                Owner::Store(i) => marks.stores.get_mut(i),
                Owner::Topology => None,
            };
            if let Some(slot) = slot {
                *slot = true;
            }
        }
        groups
            .entry(place.order)
            .or_insert_with(|| Group {
                site: place.site.clone(),
                name: place.name.clone(),
                kind: place.kind,
                findings: Vec::new(),
            })
            .findings
            .push(finding(checked, d));
        if !rules.contains(&d.rule) {
            rules.push(d.rule);
        }
    }
    rules.sort_by_key(|id| id.as_str());
    let document = topology.document();
    let page = Page {
        file: visible(checked.file).into_owned(),
        name: document.name.as_deref().map(|n| visible(n).into_owned()),
        ruleset: checked.report.ruleset,
        check_date: checked.report.check_date.map(|d| d.to_string()),
        target_product: checked.report.target_product.map(|p| p.display_name()),
        fail_level: fail_level.as_str(),
        passed: !checked.report.fails(fail_level),
        summary: checked.report.summary,
        counts: Counts {
            sites: document.sites.len(),
            pools: document.pools.len(),
            stores: document.sql_stores.len(),
        },
        diagram: diagram::svg(topology, &marks, MAX_DIAGRAM_NODES),
        max_diagram_nodes: MAX_DIAGRAM_NODES,
        groups: groups.into_values().collect(),
        rules: rules.iter().map(|id| explanation(*id)).collect(),
        simulation,
        version: env!("CARGO_PKG_VERSION"),
    };
    TEMPLATES
        .get_template("report.html")
        .and_then(|template| template.render(Value::from(Serde(&page))))
        .unwrap_or_else(|error| {
            format!("<!DOCTYPE html><title>hadr-rules</title><pre>{error}</pre>\n")
        })
}

/// Everything the template shows.
#[derive(Serialize)]
struct Page<'a> {
    file: String,
    name: Option<String>,
    ruleset: &'static str,
    check_date: Option<String>,
    target_product: Option<&'static str>,
    fail_level: &'static str,
    passed: bool,
    summary: Summary,
    counts: Counts,
    diagram: Option<String>,
    max_diagram_nodes: usize,
    groups: Vec<Group>,
    rules: Vec<Explanation>,
    simulation: Option<&'a Simulation>,
    version: &'static str,
}

#[derive(Serialize)]
struct Counts {
    sites: usize,
    pools: usize,
    stores: usize,
}

/// The findings of one pool, store or the topology as a whole.
#[derive(Serialize)]
struct Group {
    site: Option<String>,
    name: String,
    kind: &'static str,
    findings: Vec<Finding>,
}

/// One diagnostic as the page shows it.
#[derive(Serialize)]
struct Finding {
    rule: &'static str,
    title: &'static str,
    label: &'static str,
    severity: &'static str,
    subject: String,
    message: String,
    help: String,
    path: String,
    source: Option<String>,
    suppressed: Option<String>,
    references: &'static [String],
}

fn finding(checked: &Checked<'_>, d: &Diagnostic) -> Finding {
    let path = d.path.to_string();
    let label = if d.suppressed.is_some() {
        "suppressed"
    } else if d.not_evaluated {
        "not evaluated"
    } else {
        d.severity.as_str()
    };
    Finding {
        rule: d.rule.as_str(),
        title: d.rule.rule().title,
        label,
        severity: d.severity.as_str(),
        subject: visible(&d.subject).into_owned(),
        message: visible(&d.message().to_string()).into_owned(),
        help: d.help().to_owned(),
        source: checked
            .source(&path)
            .filter(|s| s.line.is_some())
            .map(|s| visible(&s.to_string()).into_owned()),
        path,
        suppressed: d.suppressed.as_deref().map(|r| visible(r).into_owned()),
        references: d.references(),
    }
}

/// A rule of the report, explained once at the end of the page.
#[derive(Serialize)]
struct Explanation {
    id: &'static str,
    title: &'static str,
    what: &'static str,
    why: &'static str,
    fix: &'static str,
    references: Vec<String>,
}

fn explanation(id: RuleId) -> Explanation {
    let rule = id.rule();
    Explanation {
        id: rule.id,
        title: rule.title,
        what: rule.doc.what,
        why: rule.doc.why,
        fix: rule.doc.fix,
        references: rule.references(),
    }
}

/// The entity a group of findings belongs to.
#[derive(Clone, Copy)]
enum Owner {
    Pool(usize),
    Store(usize),
    Topology,
}

/// Where a finding is shown: its site, group name and the order of groups.
#[derive(Clone)]
struct Place {
    owner: Owner,
    site: Option<String>,
    name: String,
    kind: &'static str,
    /// Sites in document order, then a site's pools, then its stores; the topology last.
    order: (usize, usize),
}

/// Every pool, server, store, SQL host and site by name, lower case.
struct Places {
    by_name: HashMap<String, Place>,
    topology: Place,
}

impl Places {
    fn new(topology: &Topology) -> Self {
        let document = topology.document();
        let site_rank = |id: &str| {
            document
                .sites
                .iter()
                .position(|s| s.id.eq_ignore_ascii_case(id))
                .unwrap_or(document.sites.len())
        };
        let pools = document.pools.len();
        let mut by_name = HashMap::new();
        for (index, pool, _) in topology.pools() {
            let place = Place {
                owner: Owner::Pool(index),
                site: Some(visible(&pool.site).into_owned()),
                name: visible(&pool.fqdn).into_owned(),
                kind: "pool",
                order: (site_rank(&pool.site), index),
            };
            for server in &pool.servers {
                by_name
                    .entry(server.fqdn.to_lowercase())
                    .or_insert_with(|| place.clone());
            }
            by_name.insert(pool.fqdn.to_lowercase(), place);
        }
        for (index, store, facts) in topology.stores() {
            let site = facts
                .used_by
                .first()
                .and_then(|i| topology.pool(*i))
                .map(|pool| pool.site.clone());
            let place = Place {
                owner: Owner::Store(index),
                site: site.as_deref().map(|s| visible(s).into_owned()),
                name: visible(&store.id).into_owned(),
                kind: "SQL store",
                order: (
                    site.as_deref().map_or(document.sites.len(), site_rank),
                    pools + index,
                ),
            };
            for node in &facts.nodes {
                by_name
                    .entry(node.host.to_string())
                    .or_insert_with(|| place.clone());
            }
            by_name.insert(store.id.to_lowercase(), place);
        }
        Places {
            by_name,
            topology: Place {
                owner: Owner::Topology,
                site: None,
                name: "the topology as a whole".to_owned(),
                kind: "topology",
                order: (usize::MAX, 0),
            },
        }
    }

    fn of(&self, d: &Diagnostic) -> &Place {
        self.by_name
            .get(&d.subject.to_lowercase())
            .unwrap_or(&self.topology)
    }
}
