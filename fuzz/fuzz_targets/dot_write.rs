//! Any valid graph (arbitrary ids, texts, labels, tags, kinds, edges,
//! provenance and options, built with `arbitrary`) gives DOT that parses,
//! draws one Graphviz node per graph node (ids are injective), and, for
//! every graph of at most `DOT_NODE_LIMIT` nodes, that `dot -Tsvg` draws
//! without a diagnostic into an SVG that is XML, with one node per graph
//! node and each node's full text in a tooltip.
//!
//! Set `ARGRAPH_FUZZ_NO_DOT=1` to skip running `dot` (a third of the time
//! of an input, see fuzz/README.md).
#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use argraph::overlay::{Mark, Overlay};
use argraph::render::{Cluster, DotOptions, RankDir, Theme};
use argraph::{ArgumentGraph, AttackKind, EdgeKind, NodeKind, Provenance, Source};
use argraph_fuzz::dot;
use libfuzzer_sys::fuzz_target;

/// Graphs this small are drawn by `dot` (nearly every input is this small).
const DOT_NODE_LIMIT: usize = 64;

static RUN_DOT: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("ARGRAPH_FUZZ_NO_DOT").is_none());

#[derive(Arbitrary, Debug)]
struct GraphSpec {
    title: Option<String>,
    sources: Vec<(String, String)>,
    nodes: Vec<NodeSpec>,
    edges: Vec<EdgeSpec>,
    options: OptionsSpec,
}

#[derive(Arbitrary, Debug)]
struct NodeSpec {
    id: String,
    kind: u8,
    text: String,
    label: Option<String>,
    tags: Vec<String>,
    weight: Option<u8>,
    provenance: Vec<(u8, Option<String>, Option<String>)>,
}

#[derive(Arbitrary, Debug)]
struct EdgeSpec {
    from: u8,
    to: u8,
    kind: u8,
    attack: Option<u8>,
    label: Option<String>,
    weight: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct OptionsSpec {
    cluster: u8,
    theme: u8,
    rankdir: u8,
    legend: bool,
    wrap: u8,
    text: bool,
    provenance: bool,
    overlay: Option<OverlaySpec>,
}

#[derive(Arbitrary, Debug)]
struct OverlaySpec {
    caption: String,
    marks: Vec<(u8, u8, u8)>,
    legend: Vec<(u8, u8)>,
}

fn pick<T: Copy>(all: &[T], i: u8) -> T {
    all[usize::from(i) % all.len()]
}

fn mark(kind: u8, strength: u8) -> Mark {
    match kind % 7 {
        0 => Mark::In,
        1 => Mark::Out,
        2 => Mark::Undec,
        3 => Mark::Skeptical,
        4 => Mark::Credulous,
        5 => Mark::Rejected,
        _ => Mark::Strength(f64::from(strength) / 255.0),
    }
}

/// The graph the spec describes; what the model refuses (a taken id, an
/// edge it does not allow) is left out.
fn build(spec: &GraphSpec) -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    if let Some(title) = &spec.title {
        g.set_title(title.clone());
    }
    let mut sources = Vec::new();
    for (id, title) in &spec.sources {
        if g.add_source(Source::new(id.clone(), title.clone())).is_ok() {
            sources.push(id.clone());
        }
    }
    let mut ids = Vec::new();
    for n in &spec.nodes {
        let Ok(node) = g.add_node(n.id.clone(), pick(NodeKind::ALL, n.kind), n.text.clone()) else {
            continue;
        };
        ids.push(n.id.clone());
        if let Some(label) = &n.label {
            node.set_label(label.clone());
        }
        for tag in &n.tags {
            node.add_tag(tag.clone());
        }
        if let Some(w) = n.weight {
            node.set_weight(f64::from(w) / 255.0)
                .expect("a weight in [0, 1]");
        }
        for (source, locator, quote) in &n.provenance {
            if sources.is_empty() {
                break;
            }
            let mut p = Provenance::new(sources[usize::from(*source) % sources.len()].clone());
            if let Some(locator) = locator {
                p = p.with_locator(locator.clone());
            }
            if let Some(quote) = quote {
                p = p.with_quote(quote.clone());
            }
            node.add_provenance(p);
        }
    }
    if ids.is_empty() {
        return g;
    }
    for e in &spec.edges {
        let from = &ids[usize::from(e.from) % ids.len()];
        let to = &ids[usize::from(e.to) % ids.len()];
        let attack = e.attack.map(|a| pick(AttackKind::ALL, a));
        let Ok(edge) = g.add_edge(from, to, pick(EdgeKind::ALL, e.kind), attack) else {
            continue;
        };
        if let Some(label) = &e.label {
            edge.set_label(label.clone());
        }
        if let Some(w) = e.weight {
            edge.set_weight(f64::from(w) / 255.0)
                .expect("a weight in [0, 1]");
        }
    }
    g
}

fn options(spec: &OptionsSpec, ids: &[String]) -> DotOptions {
    let mut opts = DotOptions::new();
    let cluster = &Cluster::ALL[usize::from(spec.cluster) % Cluster::ALL.len()];
    opts.cluster(cluster.clone())
        .theme(pick(Theme::ALL, spec.theme))
        .rankdir(pick(RankDir::ALL, spec.rankdir))
        .legend(spec.legend)
        .wrap(usize::from(spec.wrap))
        .text(spec.text)
        .provenance(spec.provenance);
    if let Some(o) = &spec.overlay {
        let mut overlay = Overlay::new(o.caption.clone());
        if !ids.is_empty() {
            for &(node, kind, strength) in &o.marks {
                overlay.mark(
                    ids[usize::from(node) % ids.len()].clone(),
                    mark(kind, strength),
                );
            }
        }
        overlay.legend(
            o.legend
                .iter()
                .map(|&(kind, strength)| mark(kind, strength)),
        );
        opts.overlay(overlay);
    }
    opts
}

fuzz_target!(|spec: GraphSpec| {
    let g = build(&spec);
    if g.validate().is_err() {
        return; // Only valid graphs are promised a picture.
    }
    let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
    let opts = options(&spec.options, &ids);
    let source = argraph::render::dot_string(&g, &opts);
    let mut written = Vec::new();
    argraph::render::write_dot(&g, &opts, &mut written).expect("DOT writes to memory");
    assert_eq!(written, source.as_bytes(), "write_dot and dot_string agree");

    // One Graphviz node per node (ids stay distinct), counted without the
    // legend, whose nodes follow what the map draws (an empty graph's
    // legend is not this one's); with the legend, the map's nodes keep
    // their names and the legend only adds its own.
    let mut bare = opts.clone();
    bare.legend(false);
    let bare_source = argraph::render::dot_string(&g, &bare);
    let map_names = dot::dot_node_names(&bare_source)
        .unwrap_or_else(|e| panic!("the DOT parses, but: {e}\n{bare_source}"));
    assert_eq!(
        map_names.len(),
        g.node_count(),
        "one Graphviz node per node: ids stay distinct\n{bare_source}"
    );
    let names = dot::dot_node_names(&source)
        .unwrap_or_else(|e| panic!("the DOT parses, but: {e}\n{source}"));
    assert!(
        map_names.is_subset(&names),
        "the legend renames no node of the map\n{source}"
    );

    if !*RUN_DOT || g.node_count() > DOT_NODE_LIMIT {
        return;
    }
    let (diagnostics, svg) = dot::draw_svg(&source)
        .unwrap_or_else(|e| panic!("dot draws the DOT, but stopped: {e}\n--- DOT:\n{source}"));
    assert!(
        diagnostics.trim().is_empty(),
        "dot draws the DOT without a word, but said: {diagnostics}\n--- DOT:\n{source}"
    );
    let drawn = dot::check_svg(&svg).unwrap_or_else(|e| panic!("{e}\n--- DOT:\n{source}"));
    assert_eq!(
        drawn.nodes,
        names.len(),
        "the SVG draws every node once\n{source}"
    );
    for node in g.nodes() {
        // XML cannot hold every character (NUL, most C0 controls, U+FFFE):
        // what it can hold must arrive intact, in one tooltip. Graphviz
        // writes the second and later spaces of a run as U+00A0 (its
        // `xml_string`, so that a viewer keeps them), and an XML reader
        // reads a tab in an attribute as a space (README, "Tooltips"):
        // spaces, tabs and no-break spaces are compared as one.
        let same_spaces = |s: &str| s.replace(['\u{a0}', '\t'], " ");
        let text = same_spaces(node.text());
        // DEL, which XML holds but discourages, is shown as its control
        // picture like the other control characters (README, "Characters
        // XML 1.0 cannot carry").
        let pieces: Vec<&str> = text
            .split(|c| !dot::xml_char(c) || c == '\u{7f}')
            .filter(|p| !p.is_empty())
            .collect();
        assert!(
            drawn
                .tooltips
                .iter()
                .map(|t| same_spaces(t))
                .any(|t| pieces.iter().all(|p| t.contains(p))),
            "node {:?}'s text {:?} is intact in a tooltip; the tooltips: {:?}",
            node.id(),
            node.text(),
            drawn.tooltips
        );
    }
});
