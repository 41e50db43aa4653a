//! argraph → AIF → argraph gives back the same graph: property tests over
//! arbitrary graphs, in both AIF flavours.

use std::collections::HashSet;

use argraph::aif::{self, Flavor};
use argraph::{ArgumentGraph, AttackKind, EdgeKind, NodeKind, Provenance, Source};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Ids that are AIF-like numbers (kept as nodeIDs) and ids that are not
/// (numbered, with the id kept in the extension).
fn id(i: usize, style: u8) -> String {
    match style % 4 {
        0 => format!("{}", 100 + i),
        1 => format!("n{i}"),
        2 => format!("00{i}"),
        _ => format!("id with spaces & \"quotes\" {i}"),
    }
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,]{1,30}",
        "\\PC{1,20}",
        Just(" ".to_string()),
        Just("Default Inference".to_string()),
        Just("line\nbreak \"q\" \\ <b>&</b> \u{7} 🌍".to_string()),
    ]
}

fn weight() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64])
}

/// `data`, sometimes with the keys the AIF mapping gives meaning to.
fn data() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(json!({"note": "n", "n": [1, 2.5, null]}))),
        Just(Some(
            json!({"aif": {"timestamp": "2020-01-01 00:00:00", "scheme": "Argument From Example", "schemeID": "12"}})
        )),
        Just(Some(json!({"aif": {"nodeID": "7", "type": "MA"}}))),
        Just(Some(
            json!({"aif": {"type": "CA", "text": "Conflict From Rephrase"}})
        )),
        Just(Some(
            json!({"aif": {"nodeID": 100, "text": "x"}, "other": true})
        )),
        Just(Some(json!("a bare string"))),
        Just(Some(json!({"aif": "not an object"}))),
    ]
}

#[derive(Debug, Clone)]
struct NodeSpec {
    kind: NodeKind,
    text: String,
    label: Option<String>,
    weight: Option<f64>,
    tags: Vec<String>,
    cite: Option<usize>,
    data: Option<Value>,
    prefer_over: Option<prop::sample::Index>,
}

fn node_spec() -> impl Strategy<Value = NodeSpec> {
    (
        prop::sample::select(NodeKind::ALL),
        text(),
        prop::option::of(text()),
        weight(),
        prop::collection::vec("[a-z:0-9-]{1,8}", 0..3),
        prop::option::of(0usize..2),
        data(),
        prop::option::weighted(0.15, any::<prop::sample::Index>()),
    )
        .prop_map(
            |(kind, text, label, weight, tags, cite, data, prefer_over)| NodeSpec {
                kind,
                text,
                label,
                weight,
                tags,
                cite,
                data,
                prefer_over,
            },
        )
}

fn decorate(e: &mut argraph::Edge, w: Option<f64>, label: Option<String>, d: Option<Value>) {
    if let Some(w) = w {
        e.set_weight(w).unwrap();
    }
    if let Some(l) = label {
        e.set_label(l);
    }
    if let Some(d) = d {
        e.set_data(d);
    }
}

fn graph() -> impl Strategy<Value = ArgumentGraph> {
    (
        prop::option::of(text()),
        prop::collection::vec(node_spec(), 0..10),
        any::<u8>(),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0usize..6,
                weight(),
                prop::option::of(text()),
                data(),
            ),
            0..25,
        ),
    )
        .prop_map(|(title, specs, style, edges)| {
            let mut g = ArgumentGraph::new();
            if let Some(t) = title {
                g.set_title(t).set_description("generated");
            }
            g.add_source(Source::new("s0", "Source zero").with_year(2020))
                .unwrap();
            g.add_source(Source::new("s1", "Source one")).unwrap();
            let ids: Vec<String> = (0..specs.len())
                .map(|i| id(i, style.wrapping_add(i as u8 / 3)))
                .collect();
            for (i, s) in specs.iter().enumerate() {
                let n = g.add_node(ids[i].clone(), s.kind, &s.text).unwrap();
                if let Some(l) = &s.label {
                    n.set_label(l);
                }
                if let Some(w) = s.weight {
                    n.set_weight(w).unwrap();
                }
                for t in &s.tags {
                    n.add_tag(t);
                }
                if let Some(c) = s.cite {
                    n.add_provenance(Provenance::new(format!("s{c}")).with_locator("§1"));
                }
                let mut data = s.data.clone();
                // Some nodes carry AIF preferences over another node.
                if let Some(over) = &s.prefer_over {
                    let d = over.index(specs.len());
                    let record =
                        json!({"over": ids[d], "pa": {"nodeID": format!("{}", 900 + i % 2)}});
                    let mut m = match data {
                        Some(Value::Object(m)) => m,
                        _ => serde_json::Map::new(),
                    };
                    m.insert("aif_preferences".into(), json!([record]));
                    data = Some(Value::Object(m));
                }
                if let Some(d) = data {
                    n.set_data(d);
                }
            }
            if ids.is_empty() {
                return g;
            }
            // One edge per ordered pair (AIF cannot hold parallel edges
            // into an argument node); frames edges come last (they come
            // back after the others).
            let mut pairs = HashSet::new();
            let mut frames = Vec::new();
            for (a, b, k, w, label, d) in edges {
                let (a, b) = (a.index(ids.len()), b.index(ids.len()));
                if !pairs.insert((a, b)) {
                    continue;
                }
                let (kind, attack) = match k {
                    0 => (EdgeKind::Supports, None),
                    1 => (EdgeKind::Attacks, None),
                    2 => (EdgeKind::Attacks, Some(AttackKind::Rebut)),
                    3 => (EdgeKind::Attacks, Some(AttackKind::Undermine)),
                    4 => (EdgeKind::Attacks, Some(AttackKind::Undercut)),
                    _ => {
                        frames.push((a, b, w, label, d));
                        continue;
                    }
                };
                if let Ok(e) = g.add_edge(&ids[a], &ids[b], kind, attack) {
                    decorate(e, w, label, d);
                }
            }
            // Frames are kept on their framing node: they come back grouped by framing.
            frames.sort_by_key(|f| f.0);
            for (a, b, w, label, d) in frames {
                if let Ok(e) = g.frames(&ids[a], &ids[b]) {
                    decorate(e, w, label, d);
                }
            }
            g
        })
}

fn through_aif(g: &ArgumentGraph, flavor: Flavor) -> ArgumentGraph {
    let mut out = Vec::new();
    aif::to_writer(g, flavor, &mut out).unwrap();
    aif::from_slice(&out)
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)))
        .graph
}

/// 256 cases, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn argraph_to_aifdb_and_back(g in graph()) {
        let back = through_aif(&g, Flavor::AifDb);
        prop_assert_eq!(&back, &g);
    }

    #[test]
    fn argraph_to_ova_and_back(g in graph()) {
        let back = through_aif(&g, Flavor::Ova);
        prop_assert_eq!(&back, &g);
    }
}

#[test]
fn seed_graph_survives_aif() {
    let g = argraph::json::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graphs/russia_afghanistan.json"
    ))
    .unwrap();
    // The seed has frames edges among the others; they come back last,
    // grouped by framing.
    let mut expected = ArgumentGraph::new();
    if let Some(t) = g.title() {
        expected.set_title(t);
    }
    if let Some(d) = g.description() {
        expected.set_description(d);
    }
    for s in g.sources() {
        expected.add_source(s.clone()).unwrap();
    }
    for n in g.nodes() {
        *expected.add_node(n.id(), n.kind(), n.text()).unwrap() = n.clone();
    }
    let mut frames: Vec<_> = g.edges().filter(|e| e.kind() == EdgeKind::Frames).collect();
    frames.sort_by_key(|e| g.node_index(e.from().id()));
    let edges: Vec<_> = g
        .edges()
        .filter(|e| e.kind() != EdgeKind::Frames)
        .chain(frames)
        .collect();
    for e in edges {
        *expected
            .add_edge(e.from().id(), e.to().id(), e.kind(), e.attack())
            .unwrap() = e.edge().clone();
    }
    for flavor in [Flavor::AifDb, Flavor::Ova] {
        assert_eq!(through_aif(&g, flavor), expected);
    }
}

#[test]
fn parallel_edges_between_statements_survive_and_into_arguments_are_reported() {
    let mut g = ArgumentGraph::new();
    g.evidence("e", "E").unwrap();
    g.claim("c", "C").unwrap();
    g.argument("a", "A").unwrap();
    g.supports("e", "c").unwrap();
    g.supports("e", "c").unwrap().set_label("again");
    assert_eq!(through_aif(&g, Flavor::AifDb), g);
    g.supports("e", "a").unwrap();
    g.supports("e", "a").unwrap();
    let mut out = Vec::new();
    let report = aif::to_writer(&g, Flavor::AifDb, &mut out).unwrap();
    assert_eq!(report.warnings(), 1);
    assert!(report.to_string().contains("\"e\" -> \"a\""), "{report}");
}
