//! Loading then saving is lossless: property tests over arbitrary graphs.

use argraph::{ArgumentGraph, AttackKind, EdgeKind, NodeKind, Provenance, Source};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Text that exercises escaping: quotes, backslashes, newlines, markup,
/// control characters, non-Latin scripts and astral-plane characters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{1,30}",
        "\\PC{1,40}",
        Just(
            "quote \" backslash \\ newline\n tab\t <b>&amp;</b> \u{1} “curly” ¶2 Россия 🌍"
                .to_string()
        ),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        // Any finite double must survive exactly (serde_json's float_roundtrip).
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn data() -> impl Strategy<Value = Option<Value>> {
    // `data` holds an object of the user's fields; `null` means "none".
    prop::option::of(
        prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    )
}

fn weight() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64])
}

#[derive(Debug, Clone)]
struct NodeSpec {
    kind: NodeKind,
    text: String,
    label: Option<String>,
    weight: Option<f64>,
    tags: Vec<String>,
    provenance: Vec<(usize, Option<String>, Option<String>)>,
    data: Option<Value>,
}

fn node_spec() -> impl Strategy<Value = NodeSpec> {
    (
        prop::sample::select(NodeKind::ALL),
        text(),
        prop::option::of(text()),
        weight(),
        prop::collection::vec("[a-z:0-9-]{1,12}", 0..3),
        prop::collection::vec(
            (
                0usize..3,
                prop::option::of(text()),
                prop::option::of(text()),
            ),
            0..3,
        ),
        data(),
    )
        .prop_map(
            |(kind, text, label, weight, tags, provenance, data)| NodeSpec {
                kind,
                text,
                label,
                weight,
                tags,
                provenance,
                data,
            },
        )
}

fn graph() -> impl Strategy<Value = ArgumentGraph> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec(node_spec(), 0..12),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0usize..6,
                weight(),
                prop::option::of(text()),
                data(),
            ),
            0..30,
        ),
    )
        .prop_map(|(title, description, nodes, edges)| {
            let mut g = ArgumentGraph::new();
            if let Some(t) = title {
                g.set_title(t);
            }
            if let Some(d) = description {
                g.set_description(d);
            }
            for i in 0..3 {
                g.add_source(
                    Source::new(format!("s{i}"), format!("Source {i}"))
                        .with_authors([format!("Author {i}")])
                        .with_year(2000 + i),
                )
                .unwrap();
            }
            for (i, spec) in nodes.iter().enumerate() {
                let n = g.add_node(format!("n{i}"), spec.kind, &spec.text).unwrap();
                if let Some(l) = &spec.label {
                    n.set_label(l);
                }
                if let Some(w) = spec.weight {
                    n.set_weight(w).unwrap();
                }
                for t in &spec.tags {
                    n.add_tag(t);
                }
                for (s, loc, quote) in &spec.provenance {
                    n.add_provenance(Provenance {
                        source: format!("s{s}"),
                        locator: loc.clone(),
                        quote: quote.clone(),
                    });
                }
                if let Some(d) = &spec.data {
                    n.set_data(d.clone());
                }
            }
            if !nodes.is_empty() {
                for (a, b, k, w, label, data) in edges {
                    let from = format!("n{}", a.index(nodes.len()));
                    let to = format!("n{}", b.index(nodes.len()));
                    let (kind, attack) = [
                        (EdgeKind::Supports, None),
                        (EdgeKind::Attacks, None),
                        (EdgeKind::Attacks, Some(AttackKind::Rebut)),
                        (EdgeKind::Attacks, Some(AttackKind::Undermine)),
                        (EdgeKind::Attacks, Some(AttackKind::Undercut)),
                        (EdgeKind::Frames, None),
                    ][k];
                    // Edges the rules refuse (self-support, frames from a
                    // non-framing) are simply not part of this graph.
                    if let Ok(e) = g.add_edge(&from, &to, kind, attack) {
                        if let Some(w) = w {
                            e.set_weight(w).unwrap();
                        }
                        if let Some(l) = label {
                            e.set_label(l);
                        }
                        if let Some(d) = data {
                            e.set_data(d);
                        }
                    }
                }
            }
            g
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_gives_the_same_graph(g in graph()) {
        g.validate().unwrap();
        let text = argraph::json::to_string_pretty(&g).unwrap();
        let back = argraph::json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &g);
        // And saving again gives the same bytes, compact or pretty.
        prop_assert_eq!(argraph::json::to_string_pretty(&back).unwrap(), text);
        let mut compact = Vec::new();
        argraph::json::to_writer(&g, &mut compact).unwrap();
        prop_assert_eq!(argraph::json::from_slice(&compact).unwrap(), g);
    }

    #[test]
    fn saving_to_a_file_and_loading_it_gives_the_same_graph(g in graph()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        argraph::json::save(&g, &path).unwrap();
        prop_assert_eq!(argraph::json::load(&path).unwrap(), g);
    }
}

#[test]
fn every_field_of_the_format_survives_a_round_trip() {
    let doc = json!({
        "argraph": 1,
        "title": "T",
        "description": "D",
        "sources": [{"id": "s", "title": "Title", "authors": ["A", "B"], "year": 2024,
                     "url": "https://example.org/x", "data": {"seed_file": "x.txt"}}],
        "nodes": [
            {"id": "f", "kind": "framing", "text": "F", "label": "Lens", "weight": 0.25,
             "tags": ["t1", "t2"], "provenance": [{"source": "s", "locator": "§1", "quote": "q"}],
             "data": {"k": [1, 2.5, "three", null, {"deep": true}]}},
            {"id": "c", "kind": "claim", "text": "C"},
            {"id": "e", "kind": "evidence", "text": "E", "provenance": [{"source": "s"}]},
            {"id": "a", "kind": "argument", "text": "A"}
        ],
        "edges": [
            {"from": "f", "to": "c", "kind": "frames"},
            {"from": "e", "to": "a", "kind": "supports", "weight": 1.0, "label": "premise"},
            {"from": "a", "to": "c", "kind": "supports"},
            {"from": "c", "to": "a", "kind": "attacks", "attack": "undercut", "data": {"note": "x"}},
            {"from": "c", "to": "c", "kind": "attacks"}
        ]
    });
    let g = argraph::json::from_str(&doc.to_string()).unwrap();
    let saved: Value = serde_json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
    assert_eq!(saved, doc);
}

#[test]
fn field_order_of_user_data_is_kept() {
    let text = r#"{"argraph":1,"nodes":[{"id":"c","kind":"claim","text":"C","data":{"z":1,"a":2,"m":3}}],"edges":[]}"#;
    let g = argraph::json::from_str(text).unwrap();
    let mut out = Vec::new();
    argraph::json::to_writer(&g, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
}

/// The seed file is what `json::save` writes, except for one empty
/// `authors` list, which the writer leaves out as it leaves out every
/// empty list.
#[test]
fn saving_the_loaded_seed_gives_its_bytes() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graphs/russia_afghanistan.json"
    );
    let text = std::fs::read_to_string(seed).unwrap();
    let expected = text.replacen("      \"authors\": [],\n", "", 1);
    assert_eq!(expected.len() + 21, text.len());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.json");
    let g = argraph::json::load(seed).unwrap();
    argraph::json::save(&g, &path).unwrap();
    assert!(
        std::fs::read_to_string(&path).unwrap() == expected,
        "saved bytes differ"
    );
    assert!(argraph::json::to_string_pretty(&g).unwrap() == expected);
}
