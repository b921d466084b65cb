//! Properties of the engine over random documents (proptest): every random *valid* topology
//! parses and checks without a panic into a report whose JSON parses back and whose summary
//! counts its diagnostics; the findings do not depend on the order of sites, pools and stores;
//! the same input gives the same bytes; and a random mutation of a valid document (a key
//! deleted or renamed, a value of another JSON type, a huge number, a deeply nested `x`) either
//! parses or gives input errors that each have a message and a JSON Pointer.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::Config;
use serde_json::{Map, Value, json};

use hadr_rules::{Options, Report, Topology, check};

const PRODUCTS: [&str; 4] = ["lync2013", "sfb2015", "sfb2019", "sfbse"];
const OSES: [&str; 7] = [
    "ws2008r2", "ws2012", "ws2012r2", "ws2016", "ws2019", "ws2022", "ws2025",
];
const SQL_VERSIONS: [&str; 7] = ["2008r2", "2012", "2014", "2016", "2017", "2019", "2022"];
const SQL_EDITIONS: [&str; 3] = ["express", "standard", "enterprise"];
const DOMAINS: [&str; 3] = ["contoso.com", "corp.contoso.com", "fabrikam.com"];
const REGIONS: [&str; 3] = ["emea", "amer", "apac"];
const DATA_CENTERS: [&str; 3] = ["dc-a", "dc-b", "dc-c"];
const QUORUM_WITNESSES: [&str; 4] = ["file_share", "disk", "cloud", "none"];

/// A strategy choosing one of `values`.
fn one_of(values: &[&'static str]) -> impl Strategy<Value = &'static str> + use<> {
    select(values.to_vec())
}

/// An optional choice of one of `values`.
fn maybe(values: &[&'static str]) -> impl Strategy<Value = Option<&'static str>> + use<> {
    prop::option::of(one_of(values))
}

#[derive(Debug, Clone)]
struct SiteSpec {
    kind: Option<&'static str>,
    region: Option<&'static str>,
    data_center: Option<&'static str>,
    x: bool,
}

fn site() -> impl Strategy<Value = SiteSpec> {
    (
        maybe(&["central", "branch"]),
        maybe(&REGIONS),
        maybe(&DATA_CENTERS),
        any::<bool>(),
    )
        .prop_map(|(kind, region, data_center, x)| SiteSpec {
            kind,
            region,
            data_center,
            x,
        })
}

#[derive(Debug, Clone)]
struct ServerSpec {
    os: Option<&'static str>,
    platform: Option<&'static str>,
    data_center: Option<&'static str>,
    domain: Option<&'static str>,
    x: bool,
}

fn server() -> impl Strategy<Value = ServerSpec> {
    (
        maybe(&OSES),
        maybe(&["physical", "virtual"]),
        maybe(&DATA_CENTERS),
        maybe(&DOMAINS),
        prop::bool::weighted(0.1),
    )
        .prop_map(|(os, platform, data_center, domain, x)| ServerSpec {
            os,
            platform,
            data_center,
            domain,
            x,
        })
}

#[derive(Debug, Clone)]
struct PoolSpec {
    kind: &'static str,
    edition: &'static str,
    product: &'static str,
    cumulative_update: Option<u32>,
    servers: Vec<ServerSpec>,
    /// A one-server pool whose server has the pool's FQDN, as Topology Builder writes a
    /// Standard Edition server.
    server_is_pool: bool,
    site: Index,
    back_end: Index,
    /// A back end where the kind does not need one.
    extra_back_end: bool,
    backup: Option<Index>,
    associated: Index,
    cms: Option<&'static str>,
    users: Option<u32>,
    load_balancing: Option<(Option<&'static str>, Option<&'static str>)>,
    file_store: Option<Index>,
    /// `backup_pool` and `associated_pool` in capitals: FQDNs compare without case.
    shout: bool,
    x: bool,
}

fn pool() -> impl Strategy<Value = PoolSpec> {
    let kind = prop_oneof![
        8 => Just("front_end"),
        1 => Just("director"),
        1 => Just("edge"),
        1 => Just("mediation"),
        1 => Just("persistent_chat"),
        1 => Just("sba"),
        1 => Just("sbs"),
    ];
    let identity = (
        kind,
        one_of(&["enterprise", "standard"]),
        one_of(&PRODUCTS),
        prop::option::of(0_u32..25),
        prop::collection::vec(server(), 1..=5),
        any::<bool>(),
    );
    let links = (
        any::<Index>(),
        any::<Index>(),
        prop::bool::weighted(0.2),
        prop::option::weighted(0.7, any::<Index>()),
        any::<Index>(),
        maybe(&["active", "standby"]),
    );
    let rest = (
        prop::option::of(0_u32..20_000),
        prop::option::of((
            maybe(&["dns", "hardware", "none"]),
            maybe(&["hardware", "none"]),
        )),
        prop::option::of(any::<Index>()),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.1),
    );
    (identity, links, rest).prop_map(
        |(
            (kind, edition, product, cumulative_update, servers, server_is_pool),
            (site, back_end, extra_back_end, backup, associated, cms),
            (users, load_balancing, file_store, shout, x),
        )| PoolSpec {
            kind,
            edition,
            product,
            cumulative_update,
            servers,
            server_is_pool,
            site,
            back_end,
            extra_back_end,
            backup,
            associated,
            cms,
            users,
            load_balancing,
            file_store,
            shout,
            x,
        },
    )
}

#[derive(Debug, Clone)]
struct NodeSpec {
    host: u8,
    instance: Option<&'static str>,
    version: Option<&'static str>,
    edition: Option<&'static str>,
    domain: Option<&'static str>,
    data_center: Option<&'static str>,
    /// The FQDN in capitals: FQDNs compare without case.
    shout: bool,
    x: bool,
}

fn node() -> impl Strategy<Value = NodeSpec> {
    (
        0_u8..8,
        maybe(&["", "rtc", "lync"]),
        prop::option::weighted(0.2, one_of(&SQL_VERSIONS)),
        prop::option::weighted(0.2, one_of(&SQL_EDITIONS)),
        maybe(&DOMAINS),
        maybe(&DATA_CENTERS),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(host, instance, version, edition, domain, data_center, shout, x)| NodeSpec {
                host,
                instance,
                version,
                edition,
                domain,
                data_center,
                shout,
                x,
            },
        )
}

#[derive(Debug, Clone)]
enum HaSpec {
    None(NodeSpec),
    Mirroring {
        principal: NodeSpec,
        mirror: NodeSpec,
        witness: Option<NodeSpec>,
        synchronous: Option<bool>,
    },
    AlwaysOnAg {
        replicas: Vec<(NodeSpec, &'static str, &'static str)>,
        active_active: Option<bool>,
        quorum_witness: Option<&'static str>,
    },
    Cluster {
        mode: &'static str,
        instance: &'static str,
        nodes: Vec<NodeSpec>,
        quorum_witness: Option<&'static str>,
    },
}

fn ha() -> impl Strategy<Value = HaSpec> {
    prop_oneof![
        node().prop_map(HaSpec::None),
        (
            node(),
            node(),
            prop::option::of(node()),
            prop::option::of(any::<bool>())
        )
            .prop_map(|(principal, mirror, witness, synchronous)| {
                HaSpec::Mirroring {
                    principal,
                    mirror,
                    witness,
                    synchronous,
                }
            }),
        (
            prop::collection::vec(
                (
                    node(),
                    one_of(&["synchronous", "asynchronous"]),
                    one_of(&["automatic", "manual"])
                ),
                1..=4
            ),
            prop::option::of(any::<bool>()),
            maybe(&QUORUM_WITNESSES),
        )
            .prop_map(|(replicas, active_active, quorum_witness)| {
                HaSpec::AlwaysOnAg {
                    replicas,
                    active_active,
                    quorum_witness,
                }
            }),
        (
            one_of(&["always_on_fci", "failover_cluster"]),
            one_of(&["", "rtc", "lync"]),
            prop::collection::vec(node(), 1..=3),
            maybe(&QUORUM_WITNESSES),
        )
            .prop_map(|(mode, instance, nodes, quorum_witness)| HaSpec::Cluster {
                mode,
                instance,
                nodes,
                quorum_witness,
            }),
    ]
}

#[derive(Debug, Clone)]
struct StoreSpec {
    version: Option<&'static str>,
    service_pack: Option<u32>,
    cumulative_update: Option<u32>,
    edition: Option<&'static str>,
    ha: HaSpec,
    x: bool,
}

fn store() -> impl Strategy<Value = StoreSpec> {
    (
        prop::option::weighted(0.85, one_of(&SQL_VERSIONS)),
        prop::option::of(0_u32..5),
        prop::option::of(0_u32..30),
        prop::option::weighted(0.85, one_of(&SQL_EDITIONS)),
        ha(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(version, service_pack, cumulative_update, edition, ha, x)| StoreSpec {
                version,
                service_pack,
                cumulative_update,
                edition,
                ha,
                x,
            },
        )
}

#[derive(Debug, Clone)]
struct FileStoreSpec {
    host: u8,
    site: Index,
    ha: Option<&'static str>,
}

fn file_store() -> impl Strategy<Value = FileStoreSpec> {
    (0_u8..4, any::<Index>(), maybe(&["none", "dfs", "cluster"]))
        .prop_map(|(host, site, ha)| FileStoreSpec { host, site, ha })
}

#[derive(Debug, Clone)]
struct DocumentSpec {
    name: bool,
    sites: Vec<SiteSpec>,
    pools: Vec<PoolSpec>,
    stores: Vec<StoreSpec>,
    file_stores: Vec<FileStoreSpec>,
    /// Absent optional keys are written as `null`, which means the same.
    nulls: bool,
    x: bool,
}

fn document_spec() -> impl Strategy<Value = DocumentSpec> {
    (
        any::<bool>(),
        prop::collection::vec(site(), 1..=3),
        prop::collection::vec(pool(), 1..=12),
        prop::collection::vec(store(), 1..=5),
        prop::collection::vec(file_store(), 0..=2),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(name, sites, pools, stores, file_stores, nulls, x)| DocumentSpec {
                name,
                sites,
                pools,
                stores,
                file_stores,
                nulls,
                x,
            },
        )
}

/// Builds a JSON object from `(key, value)` pairs: `None` leaves the key out, or writes `null`
/// when `nulls` is set.
fn object(nulls: bool, entries: Vec<(&str, Option<Value>)>) -> Value {
    let mut map = Map::new();
    for (key, value) in entries {
        match value {
            Some(value) => {
                map.insert(key.to_owned(), value);
            }
            None if nulls => {
                map.insert(key.to_owned(), Value::Null);
            }
            None => {}
        }
    }
    Value::Object(map)
}

fn text(value: Option<&str>) -> Option<Value> {
    value.map(|v| Value::String(v.to_owned()))
}

fn extra(x: bool) -> Option<Value> {
    x.then(|| json!({ "owner": "ops", "ticket": 4711, "tags": ["a", null, 1.5] }))
}

fn shout(shout: bool, name: &str) -> String {
    if shout {
        name.to_uppercase()
    } else {
        name.to_owned()
    }
}

fn sql_node(spec: &NodeSpec, nulls: bool, with: Vec<(&str, Option<Value>)>) -> Value {
    let mut entries = vec![
        (
            "fqdn",
            Some(json!(shout(
                spec.shout,
                &format!("sql{}.contoso.com", spec.host)
            ))),
        ),
        ("instance", text(spec.instance)),
        ("version", text(spec.version)),
        ("edition", text(spec.edition)),
        ("domain", text(spec.domain)),
        ("data_center", text(spec.data_center)),
    ];
    entries.extend(with);
    entries.push(("x", extra(spec.x)));
    object(nulls, entries)
}

/// The format-1 document a spec describes: valid by construction.
fn build(spec: &DocumentSpec) -> Value {
    let nulls = spec.nulls;
    let site_id = |index: &Index| format!("site-{}", index.index(spec.sites.len()));
    let pool_fqdn = |i: usize| format!("pool-{i}.contoso.com");
    let front_ends: Vec<usize> = (0..spec.pools.len())
        .filter(|&i| spec.pools[i].kind == "front_end")
        .collect();

    let sites: Vec<Value> = spec
        .sites
        .iter()
        .enumerate()
        .map(|(i, site)| {
            object(
                nulls,
                vec![
                    ("id", Some(json!(format!("site-{i}")))),
                    ("kind", text(site.kind)),
                    ("region", text(site.region)),
                    ("data_center", text(site.data_center)),
                    ("x", extra(site.x)),
                ],
            )
        })
        .collect();

    let pools: Vec<Value> = spec
        .pools
        .iter()
        .enumerate()
        .map(|(i, pool)| {
            let one_machine = pool.server_is_pool && pool.servers.len() == 1;
            let servers: Vec<Value> = pool
                .servers
                .iter()
                .enumerate()
                .map(|(k, server)| {
                    let fqdn = if one_machine {
                        pool_fqdn(i)
                    } else {
                        format!("srv{k}-p{i}.contoso.com")
                    };
                    object(
                        nulls,
                        vec![
                            ("fqdn", Some(json!(fqdn))),
                            ("os", text(server.os)),
                            ("platform", text(server.platform)),
                            ("data_center", text(server.data_center)),
                            ("domain", text(server.domain)),
                            ("x", extra(server.x)),
                        ],
                    )
                })
                .collect();
            let front_end = pool.kind == "front_end";
            let needs_back_end =
                pool.kind == "persistent_chat" || (front_end && pool.edition == "enterprise");
            let branch = matches!(pool.kind, "sba" | "sbs");
            let associated = if front_ends.is_empty() {
                pool.associated.index(spec.pools.len())
            } else {
                front_ends[pool.associated.index(front_ends.len())]
            };
            object(
                nulls,
                vec![
                    ("fqdn", Some(json!(pool_fqdn(i)))),
                    ("site", Some(json!(site_id(&pool.site)))),
                    ("kind", Some(json!(pool.kind))),
                    ("edition", front_end.then(|| json!(pool.edition))),
                    ("product", Some(json!(pool.product))),
                    ("cumulative_update", pool.cumulative_update.map(Value::from)),
                    ("servers", Some(Value::Array(servers))),
                    (
                        "back_end",
                        (needs_back_end || pool.extra_back_end).then(|| {
                            json!(format!("be-{}", pool.back_end.index(spec.stores.len())))
                        }),
                    ),
                    (
                        "backup_pool",
                        pool.backup.map(|b| {
                            json!(shout(pool.shout, &pool_fqdn(b.index(spec.pools.len()))))
                        }),
                    ),
                    ("cms", text(pool.cms)),
                    (
                        "load_balancing",
                        pool.load_balancing.map(|(sip, web)| {
                            object(nulls, vec![("sip", text(sip)), ("web", text(web))])
                        }),
                    ),
                    ("users", pool.users.map(Value::from)),
                    (
                        "associated_pool",
                        branch.then(|| json!(shout(pool.shout, &pool_fqdn(associated)))),
                    ),
                    (
                        "file_store",
                        pool.file_store
                            .filter(|_| !spec.file_stores.is_empty())
                            .map(|f| json!(format!("fs-{}", f.index(spec.file_stores.len())))),
                    ),
                    ("x", extra(pool.x)),
                ],
            )
        })
        .collect();

    let stores: Vec<Value> = spec
        .stores
        .iter()
        .enumerate()
        .map(|(i, store)| {
            let ha = match &store.ha {
                HaSpec::None(server) => json!({
                    "mode": "none",
                    "server": sql_node(server, nulls, vec![]),
                }),
                HaSpec::Mirroring {
                    principal,
                    mirror,
                    witness,
                    synchronous,
                } => object(
                    nulls,
                    vec![
                        ("mode", Some(json!("mirroring"))),
                        ("principal", Some(sql_node(principal, nulls, vec![]))),
                        ("mirror", Some(sql_node(mirror, nulls, vec![]))),
                        (
                            "witness",
                            witness.as_ref().map(|w| sql_node(w, nulls, vec![])),
                        ),
                        ("synchronous", synchronous.map(Value::Bool)),
                    ],
                ),
                HaSpec::AlwaysOnAg {
                    replicas,
                    active_active,
                    quorum_witness,
                } => {
                    let replicas: Vec<Value> = replicas
                        .iter()
                        .map(|(node, commit, failover)| {
                            sql_node(
                                node,
                                nulls,
                                vec![
                                    ("commit", Some(json!(commit))),
                                    ("failover", Some(json!(failover))),
                                ],
                            )
                        })
                        .collect();
                    object(
                        nulls,
                        vec![
                            ("mode", Some(json!("always_on_ag"))),
                            ("listener", Some(json!(format!("agl-{i}.contoso.com")))),
                            ("replicas", Some(Value::Array(replicas))),
                            ("active_active", active_active.map(Value::Bool)),
                            ("quorum_witness", text(*quorum_witness)),
                        ],
                    )
                }
                HaSpec::Cluster {
                    mode,
                    instance,
                    nodes,
                    quorum_witness,
                } => object(
                    nulls,
                    vec![
                        ("mode", Some(json!(mode))),
                        ("virtual_name", Some(json!(format!("sqlv-{i}.contoso.com")))),
                        ("instance", Some(json!(instance))),
                        (
                            "nodes",
                            Some(Value::Array(
                                nodes.iter().map(|n| sql_node(n, nulls, vec![])).collect(),
                            )),
                        ),
                        ("quorum_witness", text(*quorum_witness)),
                    ],
                ),
            };
            object(
                nulls,
                vec![
                    ("id", Some(json!(format!("be-{i}")))),
                    ("version", text(store.version)),
                    ("service_pack", store.service_pack.map(Value::from)),
                    (
                        "cumulative_update",
                        store.cumulative_update.map(Value::from),
                    ),
                    ("edition", text(store.edition)),
                    ("ha", Some(ha)),
                    ("x", extra(store.x)),
                ],
            )
        })
        .collect();

    let file_stores: Vec<Value> = spec
        .file_stores
        .iter()
        .enumerate()
        .map(|(i, file_store)| {
            object(
                nulls,
                vec![
                    ("id", Some(json!(format!("fs-{i}")))),
                    (
                        "fqdn",
                        Some(json!(format!("files{}.contoso.com", file_store.host))),
                    ),
                    ("site", Some(json!(site_id(&file_store.site)))),
                    ("ha", text(file_store.ha)),
                ],
            )
        })
        .collect();

    // `sql_stores` and `file_stores` may be left out but not written as `null`: the code and
    // the JSON Schema take only an array there (docs/topology-format.md says any optional key
    // may be `null`).
    let mut root = object(
        nulls,
        vec![
            ("format", Some(json!(1))),
            ("name", spec.name.then(|| json!("random deployment"))),
            ("sites", Some(Value::Array(sites))),
            ("pools", Some(Value::Array(pools))),
            ("sql_stores", Some(Value::Array(stores))),
            (
                "file_stores",
                (!spec.file_stores.is_empty()).then(|| Value::Array(file_stores)),
            ),
            ("x", extra(spec.x)),
        ],
    );
    if root["file_stores"].is_null() {
        root.as_object_mut().unwrap().shift_remove("file_stores");
    }
    root
}

fn valid_document() -> impl Strategy<Value = Value> {
    document_spec().prop_map(|spec| build(&spec))
}

fn parse(document: &Value) -> Topology {
    let bytes = serde_json::to_vec_pretty(document).unwrap();
    match Topology::from_json(&bytes) {
        Ok(topology) => topology,
        Err(error) => panic!(
            "a generated document is rejected: {error}\n{}",
            String::from_utf8_lossy(&bytes)
        ),
    }
}

/// The report's JSON parses back to the same bytes, and its summary counts every diagnostic
/// exactly once.
fn assert_report_consistent(report: &Report) {
    let json = report.to_json();
    let value: Value = serde_json::from_str(&json).expect("the report JSON parses");
    let mut again = serde_json::to_string_pretty(&value).unwrap();
    again.push('\n');
    assert_eq!(again, json, "the report JSON does not round-trip");

    let mut counts = [0_usize; 5];
    for d in &report.diagnostics {
        let slot = if d.suppressed.is_some() {
            4
        } else if d.not_evaluated {
            3
        } else {
            match d.severity.as_str() {
                "error" => 0,
                "warning" => 1,
                _ => 2,
            }
        };
        counts[slot] += 1;
    }
    let s = report.summary;
    assert_eq!(
        [s.error, s.warning, s.info, s.not_evaluated, s.suppressed],
        counts,
        "summary against the diagnostics"
    );
    assert_eq!(
        value["diagnostics"].as_array().unwrap().len(),
        counts.iter().sum::<usize>()
    );
    for d in &report.diagnostics {
        assert!(
            !d.message().to_string().is_empty(),
            "{} has no message",
            d.rule
        );
        let path = d.path.to_string();
        assert!(path.is_empty() || path.starts_with('/'), "{path}");
    }
}

/// The findings as a multiset of (rule, severity, subject, not evaluated): what must not
/// depend on the order of the lists (the paths hold indices, so they do).
fn findings(report: &Report) -> Vec<(String, String, String, bool)> {
    let mut found: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.to_string(),
                d.severity.to_string(),
                d.subject.to_string(),
                d.not_evaluated,
            )
        })
        .collect();
    found.sort();
    found
}

/// The (rule, subject, message) of every finding whose message names no JSON Pointer into a
/// list: a not-evaluated finding names its missing keys by index, which a reordering changes.
fn messages(report: &Report) -> Vec<(String, String, String)> {
    let mut found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| {
            !["/sites/", "/pools/", "/sql_stores/", "/file_stores/"]
                .iter()
                .any(|list| d.message().to_string().contains(list))
        })
        .map(|d| {
            (
                d.rule.to_string(),
                d.subject.to_string(),
                unordered(&d.message().to_string()),
            )
        })
        .collect();
    found.sort();
    found
}

/// The words of a message, sorted: a message lists the stores on a host or the pools of a
/// shared store in document order, which a reordering changes; the words stay the same.
fn unordered(message: &str) -> String {
    let mut words: Vec<&str> = message
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
        .filter(|word| !word.is_empty())
        .collect();
    words.sort_unstable();
    words.join(" ")
}

/// Reorders the array at `key` by the permutation that sorts `keys`.
fn permute(document: &mut Value, key: &str, keys: &[u16]) {
    if let Some(items) = document.get_mut(key).and_then(Value::as_array_mut) {
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by_key(|&i| (keys.get(i).copied().unwrap_or(0), i));
        let taken = std::mem::take(items);
        let mut slots: Vec<Option<Value>> = taken.into_iter().map(Some).collect();
        *items = order.iter().map(|&i| slots[i].take().unwrap()).collect();
    }
}

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Item(usize),
}

/// The path of every value of `value` below the root, in document order.
fn value_paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                prefix.push(Step::Key(key.clone()));
                out.push(prefix.clone());
                value_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Step::Item(i));
                out.push(prefix.clone());
                value_paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at_mut<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::Item(i) => &mut value[*i],
    })
}

/// A mutation of one value of a valid document.
#[derive(Debug, Clone)]
enum Mutation {
    /// The key (or array item) is deleted.
    Delete,
    /// The value is replaced by one of another JSON type.
    Retype(usize),
    /// The key is renamed (a typo, another case, an `x` key holding a non-object).
    Rename(usize),
    /// The value is replaced by a huge or out-of-range number, or a very long string.
    Huge(usize),
    /// The nearest object gets an `x` value nested this deep.
    DeepX(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Delete),
        (0_usize..10).prop_map(Mutation::Retype),
        (0_usize..5).prop_map(Mutation::Rename),
        (0_usize..7).prop_map(Mutation::Huge),
        (1_usize..400).prop_map(Mutation::DeepX),
    ]
}

fn other_type(choice: usize) -> Value {
    [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!("text"),
        json!([]),
        json!({}),
        json!([1, "a", null]),
        json!({ "mode": "none" }),
    ][choice % 10]
        .clone()
}

fn huge(choice: usize) -> Value {
    match choice % 7 {
        0 => json!(u64::MAX),
        1 => json!(u64::from(u32::MAX) + 1),
        2 => json!(i64::MIN),
        3 => json!(1e300),
        4 => json!(-1e300),
        5 => serde_json::from_str("18446744073709551616").unwrap(),
        _ => Value::String("a".repeat(100_000)),
    }
}

fn renamed(key: &str, choice: usize) -> String {
    match choice % 5 {
        0 => format!("{key}s"),
        1 => key.to_uppercase(),
        2 => key.chars().skip(1).collect(),
        3 => "x".to_owned(),
        _ => String::new(),
    }
}

fn nested(depth: usize) -> Value {
    (0..depth).fold(json!("deep"), |inner, level| {
        if level % 2 == 0 {
            json!([inner])
        } else {
            json!({ "a": inner })
        }
    })
}

/// Applies `mutation` to the value at `path` (never the root).
fn mutate(document: &mut Value, path: &[Step], mutation: &Mutation) {
    let (last, parent_path) = path.split_last().unwrap();
    match mutation {
        Mutation::Delete => match (at_mut(document, parent_path), last) {
            (Value::Object(map), Step::Key(key)) => {
                map.shift_remove(key);
            }
            (Value::Array(items), Step::Item(i)) => {
                items.remove(*i);
            }
            _ => unreachable!(),
        },
        Mutation::Retype(choice) => *at_mut(document, path) = other_type(*choice),
        Mutation::Huge(choice) => *at_mut(document, path) = huge(*choice),
        Mutation::Rename(choice) => match (at_mut(document, parent_path), last) {
            (Value::Object(map), Step::Key(key)) => {
                let value = map.shift_remove(key).unwrap();
                map.insert(renamed(key, *choice), value);
            }
            (parent, Step::Item(i)) => parent[*i] = other_type(*choice),
            _ => unreachable!(),
        },
        Mutation::DeepX(depth) => {
            let target = if at_mut(document, path).is_object() {
                at_mut(document, path)
            } else {
                at_mut(document, parent_path)
            };
            if let Value::Object(map) = target {
                map.insert("x".to_owned(), json!({ "deep": nested(*depth) }));
            } else {
                *target = nested(*depth);
            }
        }
    }
}

/// Two documents that differ only in the order of their sites, pools and stores.
fn reordered() -> impl Strategy<Value = (Value, Value)> {
    (
        valid_document(),
        prop::collection::vec(prop::collection::vec(any::<u16>(), 16), 4),
    )
        .prop_map(|(document, keys)| {
            let mut shuffled = document.clone();
            for (key, keys) in ["sites", "pools", "sql_stores", "file_stores"]
                .iter()
                .zip(&keys)
            {
                permute(&mut shuffled, key, keys);
            }
            (document, shuffled)
        })
}

proptest! {
    #![proptest_config(Config::with_cases(256))]

    /// Every generated document reads, checks without a panic, and gives a consistent report.
    #[test]
    fn valid_documents_parse_and_check(document in valid_document()) {
        let topology = parse(&document);
        let report = check(&topology, &Options::default());
        assert_report_consistent(&report);
    }

    /// Reordering sites, pools, SQL stores and file stores keeps every finding.
    #[test]
    fn findings_do_not_depend_on_list_order((document, shuffled) in reordered()) {
        let options = Options::default();
        let original = check(&parse(&document), &options);
        let reordered = check(&parse(&shuffled), &options);
        prop_assert_eq!(findings(&original), findings(&reordered));
        prop_assert_eq!(original.summary, reordered.summary);
        prop_assert_eq!(messages(&original), messages(&reordered));
    }

    /// The same bytes in give the same bytes out.
    #[test]
    fn the_same_input_gives_the_same_bytes(document in valid_document()) {
        let bytes = serde_json::to_vec(&document).unwrap();
        let once = check(&Topology::from_json(&bytes).unwrap(), &Options::default()).to_json();
        let twice = check(&Topology::from_json(&bytes).unwrap(), &Options::default()).to_json();
        prop_assert_eq!(once, twice);
    }

    /// A mutated document never panics: it reads and checks, or every input error has a
    /// message and a JSON Pointer.
    #[test]
    fn mutations_give_a_report_or_located_errors(
        document in valid_document(),
        which in any::<Index>(),
        mutation in mutation(),
    ) {
        let mut paths = Vec::new();
        value_paths(&document, &mut Vec::new(), &mut paths);
        let path = which.get(&paths);
        let mut mutated = document.clone();
        mutate(&mut mutated, path, &mutation);
        let bytes = serde_json::to_vec(&mutated).unwrap();
        match Topology::from_json(&bytes) {
            Ok(topology) => assert_report_consistent(&check(&topology, &Options::default())),
            Err(error) => {
                prop_assert!(!error.errors.is_empty());
                for input in &error.errors {
                    prop_assert!(!input.message.trim().is_empty(), "{:?}", input);
                    prop_assert!(
                        input.path.is_empty() || input.path.starts_with('/'),
                        "{:?}", input
                    );
                }
            }
        }
    }
}
