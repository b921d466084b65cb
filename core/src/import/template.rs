//! The facts template: the facts file of a topology with every fact the rules read and the
//! topology lacks, each a `null` to replace, with the rules it unlocks and where to find it
//! (`docs/facts-template.md`).
//!
//! Nothing here lists facts by rule: the facts come from the report's not-evaluated findings,
//! their place in the facts file and their allowed values from the facts file's schema, so
//! that a new rule or a new fact appears in the template without an edit here.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use serde_json::Value;

use super::Import;
use super::detect::Form;
use super::facts::facts_schema;
use crate::Options;
use crate::error::{ErrorKind, InputError, TopologyError};
use crate::registry::RuleId;
use crate::report::{Fact, Report, Segment};
use crate::topology::Topology;

/// The facts template of an imported topology checked with `options`, named `file` in its
/// header. A format-1 JSON document is refused (`not_topology`): it states its facts itself.
pub fn template_of(
    import: &Import,
    options: &Options,
    file: &str,
) -> Result<String, TopologyError> {
    if import.form == Form::Json {
        return Err(InputError::at(
            ErrorKind::NotTopology,
            "",
            "a format-1 JSON document states its facts itself",
        )
        .expected("topology XML, a .tbxml file or an Export-CsConfiguration zip")
        .into());
    }
    let report = crate::check(&import.topology, options);
    Ok(facts_template(&import.topology, &report, file))
}

/// Where the value of a missing key goes in a facts file: a section, an entity, the keys.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    section: &'static str,
    entity: String,
    keys: Vec<String>,
}

/// The facts file for `topology` (named `file` in its header) with every fact the report's
/// not-evaluated findings lack, as JSON with `//` comments, which the facts reader accepts.
pub fn facts_template(topology: &Topology, report: &Report, file: &str) -> String {
    let document = serde_json::to_value(topology.document()).unwrap_or_default();
    let schema = facts_schema();
    let mut places: BTreeMap<Place, BTreeSet<RuleId>> = BTreeMap::new();
    let mut elsewhere: BTreeMap<String, BTreeSet<RuleId>> = BTreeMap::new();
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| d.not_evaluated && d.suppressed.is_none())
    {
        let Some(Fact::Pointers(missing)) = diagnostic.facts.get("missing") else {
            continue;
        };
        for pointer in missing.iter() {
            let segments: Vec<Segment> = pointer.segments().collect();
            match place(&document, &segments).filter(|p| property(&schema, p).is_some()) {
                Some(place) => places.entry(place).or_default().insert(diagnostic.rule),
                None => elsewhere
                    .entry(pointer.to_string())
                    .or_default()
                    .insert(diagnostic.rule),
            };
        }
    }
    render(file, &schema, &places, &elsewhere)
}

/// The facts-file place of a missing key of the document: the nearest site, pool, server, SQL
/// store or SQL node on its path, and the keys under it.
fn place(document: &Value, segments: &[Segment]) -> Option<Place> {
    let mut value = document;
    let mut found = None;
    let mut path: Vec<&str> = Vec::new();
    for (depth, segment) in segments.iter().enumerate() {
        // The missing key itself, and what is under it, is absent from the document.
        let next = match segment {
            Segment::Key(key) => value.get(key),
            Segment::Index(index) => usize::try_from(*index).ok().and_then(|i| value.get(i)),
        };
        let Some(next) = next else { break };
        value = next;
        if let Segment::Key(key) = segment {
            path.push(key);
        }
        let name = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let holder = match (path.as_slice(), segment) {
            (["sites"], Segment::Index(_)) => name("id").map(|n| ("sites", n)),
            (["pools"], Segment::Index(_)) => name("fqdn").map(|n| ("pools", n)),
            (["pools", "servers"], Segment::Index(_)) => name("fqdn").map(|n| ("servers", n)),
            (["sql_stores"], Segment::Index(_)) => name("id").map(|n| ("sql_stores", n)),
            (["file_stores"], Segment::Index(_)) => name("id").map(|n| ("file_stores", n)),
            (["pstn_gateways"], Segment::Index(_)) => name("fqdn").map(|n| ("pstn_gateways", n)),
            (["sql_stores", ..], _) if path.len() > 1 => name("fqdn").map(|n| ("servers", n)),
            _ => None,
        };
        if let Some((section, entity)) = holder {
            found = Some((section, entity, depth + 1));
        }
    }
    let (section, entity, start) = found?;
    let mut keys = segments
        .get(start..)?
        .iter()
        .map(|s| match s {
            Segment::Key(key) => Some((*key).to_owned()),
            Segment::Index(_) => None,
        })
        .collect::<Option<Vec<String>>>()?;
    // The facts file states an availability group's quorum witness and active-active flag
    // beside the store's other keys, not under `ha` (docs/facts-format.md § SqlStore).
    if section == "sql_stores"
        && matches!(keys.as_slice(), [ha, key] if ha == "ha" && (key == "quorum_witness" || key == "active_active"))
    {
        keys.remove(0);
    }
    (!keys.is_empty()).then_some(Place {
        section,
        entity,
        keys,
    })
}

/// The schema of a place's value in the facts file, if the facts file can hold it.
fn property<'s>(schema: &'s Value, place: &Place) -> Option<&'s Value> {
    let entries = schema.get("properties")?.get(place.section)?;
    let mut current = resolve(schema, entries.get("additionalProperties")?)?;
    for key in &place.keys {
        current = resolve(schema, current.get("properties")?.get(key)?)?;
    }
    Some(current)
}

/// A schema with its `$ref` followed, through an `anyOf` with `null`.
fn resolve<'s>(schema: &'s Value, node: &'s Value) -> Option<&'s Value> {
    let reference = node.get("$ref").or_else(|| {
        node.get("anyOf")?
            .as_array()?
            .iter()
            .find_map(|option| option.get("$ref"))
    });
    match reference.and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.strip_prefix("#/$defs/")?;
            let target = schema.get("$defs")?.get(name)?;
            // Keep the property's own description over its type's.
            Some(
                if node.get("description").is_some() && target.get("properties").is_none() {
                    node
                } else {
                    target
                },
            )
        }
        None => Some(node),
    }
}

/// The allowed values of a leaf, from its schema: the tokens of an enumeration, or its type.
fn allowed(schema: &Value, node: &Value) -> String {
    let target = node
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|options| options.iter().find_map(|o| o.get("$ref")))
        .and_then(Value::as_str)
        .and_then(|r| schema.get("$defs")?.get(r.strip_prefix("#/$defs/")?))
        .unwrap_or(node);
    let tokens: Vec<String> = target
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(
            target
                .get("oneOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|o| o.get("const")),
        )
        .filter_map(Value::as_str)
        .map(|t| format!("\"{t}\""))
        .collect();
    if !tokens.is_empty() {
        return tokens.join(" | ");
    }
    let kind = |t: &str| match t {
        "integer" => Some("a number"),
        "string" => Some("a string"),
        "boolean" => Some("true | false"),
        "array" => Some("a list"),
        "object" => Some("an object"),
        _ => None,
    };
    match target.get("type") {
        Some(Value::String(t)) => kind(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).find_map(kind),
        _ => None,
    }
    .unwrap_or("see docs/facts-format.md")
    .to_owned()
}

/// Where an administrator finds a fact, by section and key; the facts format's own words for
/// any other key.
fn where_to_find(section: &str, keys: &[String]) -> Option<&'static str> {
    let key = keys.first().map(String::as_str)?;
    Some(match (section, key) {
        ("servers", "os") => "on the machine: (Get-CimInstance Win32_OperatingSystem).Caption",
        ("servers", "platform") => {
            "on the machine: (Get-CimInstance Win32_ComputerSystem).Model (\"Virtual Machine\", \"VMware…\" = virtual)"
        }
        ("servers", "domain") => "on the machine: (Get-CimInstance Win32_ComputerSystem).Domain",
        (_, "data_center") => "the data center or building the machines stand in (your inventory)",
        ("sites", "region") => "the world region of the site: na, emea, apac… (your inventory)",
        ("pools", "users") => {
            "Management Shell: (Get-CsUser -Filter {RegistrarPool -eq \"POOL\"}).Count"
        }
        ("pools", "cumulative_update") => {
            "Management Shell on a Front End: Get-CsServerVersion; Get-CsServerPatchVersion"
        }
        ("pools", "product") => "Management Shell on a Front End: Get-CsServerVersion",
        ("pools", "load_balancing") => {
            "DNS: the pool FQDN resolving to each Front End (dns) or to a load balancer VIP (hardware)"
        }
        ("sql_stores", "version" | "service_pack" | "cumulative_update") => {
            "SQL: SELECT SERVERPROPERTY('ProductVersion'), SERVERPROPERTY('ProductLevel'), SERVERPROPERTY('ProductUpdateLevel')"
        }
        ("sql_stores", "edition") => "SQL: SELECT SERVERPROPERTY('Edition')",
        ("sql_stores", "quorum_witness") => "on a cluster node: Get-ClusterQuorum",
        ("sql_stores", "replicas") => {
            "SQL: SELECT replica_server_name, availability_mode_desc, failover_mode_desc FROM sys.availability_replicas"
        }
        ("sql_stores", "active_active") => {
            "SQL: SELECT name FROM sys.availability_groups on each site's primary"
        }
        ("sql_stores", "ha") => {
            "on a cluster node: Get-ClusterGroup; SQL: SELECT SERVERPROPERTY('IsClustered')"
        }
        ("servers", "network_interfaces") => {
            "on the machine: Get-NetAdapter -Physical | Where-Object Status -eq Up (a team, Get-NetLbfoTeam, counts once)"
        }
        ("servers", "time_zone") => "on the machine: (Get-TimeZone).Id",
        ("servers", "virtualization") => {
            "on the host: Get-VMHost and Get-VM (Hyper-V), or the hypervisor's console; the SVVP catalog for other hypervisors"
        }
        ("pools", "concurrent_remote_users") => {
            "the peak of concurrent remote (external) users in your Monitoring reports, branch appliances' users included"
        }
        ("pools", "edge") => {
            "Topology Builder: the Edge pool > Edit Properties (\"Enable federation for this Edge pool (Port 5061)\", XMPP federation, NAT on the A/V Edge); your federation partners and Exchange UM version"
        }
        ("pools", "active_servers") => {
            "Management Shell: Get-CsPersistentChatActiveServer -Identity \"PersistentChatServer:POOL\""
        }
        ("sites", "links") => {
            "your WAN design: whether the link between the two sites is redundant"
        }
        ("sites", "failover_gateways") => {
            "Management Shell: Get-CsVoiceRoute, the gateways of the routes in the failover PSTN usage"
        }
        ("pstn_gateways", "sip_trunk") => {
            "Topology Builder: the trunk's peer; a telephony provider's SBC is a SIP trunk, a gateway or IP-PBX on site is not"
        }
        ("file_stores", "ha") => {
            "on the file server: Get-DfsnFolderTarget (DFS namespace targets) or Get-ClusterGroup (clustered file server)"
        }
        ("file_stores", "dfs_scope") => {
            "DFS Management: the data centers of the namespace's folder targets (Get-DfsnFolderTarget)"
        }
        ("file_stores", "storage") => {
            "your storage inventory: disks of the file server (das), a SAN LUN (san), or a NAS device (nas)"
        }
        ("file_stores", "os") => {
            "on the file server: (Get-CimInstance Win32_OperatingSystem).Caption"
        }
        _ => return None,
    })
}

/// A value of the tree of places: a fact, or an object of facts.
#[derive(Debug, Default)]
struct Node {
    rules: BTreeSet<RuleId>,
    place: Option<Place>,
    children: BTreeMap<String, Node>,
}

impl Node {
    fn insert(&mut self, path: &[String], place: &Place, rules: &BTreeSet<RuleId>) {
        self.rules.extend(rules.iter().copied());
        match path.split_first() {
            Some((first, rest)) => self
                .children
                .entry(first.clone())
                .or_default()
                .insert(rest, place, rules),
            None => self.place = Some(place.clone()),
        }
    }

    /// The children, the ones that unlock the most rules first.
    fn ordered(&self) -> Vec<(&String, &Node)> {
        let mut children: Vec<(&String, &Node)> = self.children.iter().collect();
        children.sort_by(|(a, x), (b, y)| y.rules.len().cmp(&x.rules.len()).then(a.cmp(b)));
        children
    }
}

fn render(
    file: &str,
    schema: &Value,
    places: &BTreeMap<Place, BTreeSet<RuleId>>,
    elsewhere: &BTreeMap<String, BTreeSet<RuleId>>,
) -> String {
    let mut root = Node::default();
    for (place, rules) in places {
        let mut path = vec![place.section.to_owned(), place.entity.clone()];
        path.extend(place.keys.iter().cloned());
        root.insert(&path, place, rules);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Facts file for {} (docs/facts-format.md), written by `hadr-rules facts`.",
        one_line(file)
    );
    let _ = writeln!(
        out,
        "// {} fact(s) the rules read and the topology lacks, unlocking {} rule(s); the facts that",
        places.len(),
        root.rules.len()
    );
    let _ = writeln!(
        out,
        "// unlock the most rules come first. Replace each null with the value; a null is read as"
    );
    let _ = writeln!(
        out,
        "// absent, so the file is valid as it stands and its rules stay not evaluated."
    );
    out.push_str("{\n  \"format\": 1");
    for (section, entities) in root.ordered() {
        let _ = write!(out, ",\n  {}: {{", quoted(section));
        for (i, (entity, node)) in entities.ordered().into_iter().enumerate() {
            let comma = if i == 0 { "" } else { "," };
            let _ = write!(out, "{comma}\n    {}: ", quoted(entity));
            object(&mut out, schema, node, 3);
        }
        out.push_str("\n  }");
    }
    if !elsewhere.is_empty() {
        out.push_str(
            "\n  // Not in the facts file: state these in the topology document (docs/topology-format.md).",
        );
        for (pointer, rules) in elsewhere {
            let _ = write!(
                out,
                "\n  //   {} unlocks {}",
                one_line(pointer),
                list(rules)
            );
        }
    }
    out.push_str("\n}\n");
    out
}

/// An object of facts at `depth` (two spaces a level), each leaf with its comment.
fn object(out: &mut String, schema: &Value, node: &Node, depth: usize) {
    let pad = "  ".repeat(depth);
    out.push('{');
    for (i, (key, child)) in node.ordered().into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if let Some(place) = child.place.as_ref().filter(|_| child.children.is_empty()) {
            let leaf = property(schema, place);
            let description = leaf
                .and_then(|l| l.get("description"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let fields = leaf
                .and_then(|l| l.get("properties"))
                .and_then(Value::as_object);
            let values = match (leaf, fields) {
                // An object of facts: each of its keys with its values.
                (_, Some(fields)) => fields
                    .iter()
                    .map(|(name, field)| {
                        let field = resolve(schema, field).unwrap_or(field);
                        format!("`{name}` {}", allowed(schema, field))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                (Some(leaf), None) => allowed(schema, leaf),
                (None, None) => String::new(),
            };

            let _ = write!(
                out,
                "\n{pad}// {}: {values}. Unlocks {}.",
                description.trim_end_matches('.'),
                list(&child.rules)
            );
            let hint = where_to_find(place.section, &place.keys)
                .unwrap_or("see docs/facts-format.md")
                .replace("POOL", &place.entity);
            let _ = write!(out, "\n{pad}// Where: {hint}.");
            let _ = write!(out, "\n{pad}{}: null", quoted(key));
        } else {
            let _ = write!(out, "\n{pad}{}: ", quoted(key));
            object(out, schema, child, depth + 1);
        }
    }
    let _ = write!(out, "\n{}}}", "  ".repeat(depth - 1));
}

fn list(rules: &BTreeSet<RuleId>) -> String {
    let ids: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
    format!("{} ({})", ids.join(", "), ids.len())
}

fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Text on one line, so that a name cannot end a comment.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
