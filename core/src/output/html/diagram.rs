//! The topology as an SVG diagram: sites, pools with their server counts, pairings, back-end
//! stores with their HA mode. `layout-rs` places and draws it; this module only says what the
//! nodes and edges are.

use std::collections::HashMap;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::Point;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::Topology;
use crate::tokens::PoolKind;

/// One font size for every label: the SVG writer keeps a style per size in a hash map, and a
/// single entry keeps its output the same from run to run.
const FONT: usize = 13;

/// Which pools and stores carry errors, by index.
#[derive(Debug, Default)]
pub(super) struct Marks {
    pub pools: Vec<bool>,
    pub stores: Vec<bool>,
}

/// The diagram as an `<svg>` element, or `None` when the graph has more than `max_nodes`
/// nodes or the layout fails.
pub(super) fn svg(topology: &Topology, marks: &Marks, max_nodes: usize) -> Option<String> {
    let document = topology.document();
    let nodes = document.sites.len() + document.pools.len() + document.sql_stores.len();
    if nodes == 0 || nodes > max_nodes {
        return None;
    }
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let mut sites = HashMap::new();
    for site in &document.sites {
        let label = format!("site {}", site.id);
        let handle = graph.add_node(node(&label, "site", &site.id, Style::Site));
        sites.insert(site.id.to_lowercase(), handle);
    }
    let mut stores = Vec::new();
    for (index, store, facts) in topology.stores() {
        let mut label = format!("{}\n{}", store.id, facts.mode.display_name());
        if let Some(version) = store.version {
            label.push_str(&format!("\n{}", version.display_name()));
        }
        let style = if marks.stores.get(index).copied().unwrap_or(false) {
            Style::Error
        } else {
            Style::Store
        };
        stores.push(graph.add_node(node(&label, "store", &store.id, style)));
    }
    let mut pools = Vec::new();
    for (index, pool, _) in topology.pools() {
        let servers = pool.servers.len();
        let edition = pool.edition.map_or(String::new(), |e| format!("{e} · "));
        let kind = match pool.kind {
            PoolKind::FrontEnd => String::new(),
            other => format!("{other} · "),
        };
        let label = format!(
            "{}\n{kind}{edition}{} · {servers} server{}",
            pool.fqdn,
            pool.product,
            if servers == 1 { "" } else { "s" }
        );
        let style = if marks.pools.get(index).copied().unwrap_or(false) {
            Style::Error
        } else {
            Style::Pool
        };
        let handle = graph.add_node(node(&label, "pool", &pool.fqdn, style));
        if let Some(site) = sites.get(&pool.site.to_lowercase()) {
            graph.add_edge(edge("", "in-site"), *site, handle);
        }
        pools.push(handle);
    }
    for (index, from) in pools.iter().enumerate() {
        let store = topology
            .back_end(index)
            .and_then(|(store, _, _)| stores.get(store));
        if let Some(to) = store {
            graph.add_edge(edge("back end", "back-end"), *from, *to);
        }
    }
    for pairing in topology.pairings() {
        let (Some(from), Some(to)) = (pools.get(pairing.pool), pools.get(pairing.partner)) else {
            continue;
        };
        // A pair set both ways is drawn once.
        let mutual = topology
            .pairings()
            .iter()
            .any(|p| p.pool == pairing.partner && p.partner == pairing.pool);
        if pairing.pool == pairing.partner || (mutual && pairing.pool > pairing.partner) {
            continue;
        }
        let names = |i: usize| topology.pool(i).map_or("", |p| p.fqdn.as_str());
        let properties = format!(
            "class=\"pairing\" data-pool=\"{}\" data-partner=\"{}\" data-mutual=\"{mutual}\"",
            attribute(names(pairing.pool)),
            attribute(names(pairing.partner))
        );
        let look = StyleAttr::new(Color::fast("#1f5fa8"), 2, None, 0, FONT);
        let arrow = Arrow::with_properties(
            LineEndKind::Arrow,
            LineEndKind::Arrow,
            LineStyleKind::Dashed,
            "paired",
            &look,
            properties,
            &None,
            &None,
        );
        graph.add_edge(arrow, *from, *to);
    }
    // The layout crate asserts its invariants: a graph it cannot lay out costs the diagram,
    // never the report.
    let drawn = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut writer = SVGWriter::new();
        graph.do_it(false, false, false, &mut writer);
        writer.finalize()
    }))
    .ok()?;
    fit(&drawn)
}

/// The box a label needs in a sans-serif font: the layout crate's own estimate gives every
/// character a full em, which makes boxes twice as wide as their text.
fn label_size(label: &str) -> Point {
    let font = FONT as f64;
    let widest = label.lines().map(|l| l.chars().count()).max().unwrap_or(1);
    let lines = label.lines().count().max(1);
    Point::new(
        widest as f64 * font * 0.62 + 24.0,
        lines as f64 * font * 1.25 + 16.0,
    )
}

/// The drawing without its XML declaration (no place for one inside HTML), its size cut to
/// the shapes drawn: the SVG writer grows its canvas by each label's length, downwards too.
fn fit(drawn: &str) -> Option<String> {
    let start = drawn.find("<svg")?;
    let svg = drawn.get(start..)?;
    let tree = roxmltree::Document::parse(svg).ok()?;
    let number = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.attribute(name)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let (mut width, mut height) = (0.0_f64, 0.0_f64);
    for node in tree.descendants() {
        let (right, bottom) = match node.tag_name().name() {
            "rect" if node.ancestors().all(|a| !a.has_tag_name("clipPath")) => (
                number(node, "x") + number(node, "width"),
                number(node, "y") + number(node, "height"),
            ),
            "ellipse" => (
                number(node, "cx") + number(node, "rx"),
                number(node, "cy") + number(node, "ry"),
            ),
            _ => continue,
        };
        width = width.max(right);
        height = height.max(bottom);
    }
    let (width, height) = (width.ceil() + 20.0, height.ceil() + 20.0);
    let open_end = svg.find('>')?;
    let rest = svg.get(open_end + 1..)?;
    Some(format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">{rest}"
    ))
}

#[derive(Clone, Copy)]
enum Style {
    Site,
    Pool,
    Store,
    Error,
}

fn node(label: &str, class: &str, name: &str, style: Style) -> Element {
    let (line, fill, rounded) = match style {
        Style::Site => ("#555555", "#eef2f6", 18),
        Style::Pool => ("#1f5fa8", "#e8f0fb", 4),
        Style::Store => ("#3b7d3b", "#ebf6eb", 4),
        Style::Error => ("#b00020", "#fde8eb", 4),
    };
    let look = StyleAttr::new(
        Color::fast(line),
        if matches!(style, Style::Error) { 3 } else { 2 },
        Some(Color::fast(fill)),
        rounded,
        FONT,
    );
    let error = if matches!(style, Style::Error) {
        " error"
    } else {
        ""
    };
    let shape = ShapeKind::new_box(label);
    let size = label_size(label);
    let properties = format!("class=\"{class}{error}\" data-name=\"{}\"", attribute(name));
    Element::create_with_properties(shape, look, Orientation::TopToBottom, size, properties)
}

/// A plain arrow: a site to its pool, a pool to its back end.
fn edge(text: &str, class: &str) -> Arrow {
    let look = StyleAttr::new(Color::fast("#777777"), 1, None, 0, FONT);
    Arrow::with_properties(
        LineEndKind::None,
        LineEndKind::Arrow,
        LineStyleKind::Normal,
        text,
        &look,
        format!("class=\"{class}\""),
        &None,
        &None,
    )
}

/// A value for a double-quoted attribute the SVG writer copies as it is.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    out
}
