//! Loading then saving is lossless: property tests over arbitrary graphs.

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::strategies::graph_any_data;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn save_then_load_gives_the_same_graph(g in graph_any_data()) {
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
    fn saving_to_a_file_and_loading_it_gives_the_same_graph(g in graph_any_data()) {
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
            {"id": "a", "kind": "argument", "text": "A", "synthesis": true}
        ],
        "edges": [
            {"from": "f", "to": "c", "kind": "frames", "basis": "declared"},
            {"from": "e", "to": "a", "kind": "supports", "weight": 1.0, "label": "premise",
             "provenance": [{"source": "s", "locator": "¶2", "quote": "therefore"}]},
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
fn edge_provenance_and_framing_basis_are_checked() {
    let doc = json!({
        "argraph": 1,
        "nodes": [
            {"id": "f", "kind": "framing", "text": "F"},
            {"id": "c", "kind": "claim", "text": "C"},
            {"id": "d", "kind": "claim", "text": "D"}
        ],
        "edges": [
            {"from": "f", "to": "c", "kind": "frames", "basis": "assigned"},
            {"from": "c", "to": "d", "kind": "attacks", "basis": "declared",
             "provenance": [{"source": "nowhere"}]}
        ]
    });
    let err = argraph::json::from_str(&doc.to_string()).unwrap_err();
    let rules: Vec<argraph::Rule> = err.problems().iter().map(|p| p.rule()).collect();
    assert_eq!(
        rules,
        [
            argraph::Rule::UndeclaredSource,
            argraph::Rule::BasisOffFrames
        ]
    );
    assert!(
        err.to_string().contains("edge \"c\" -> \"d\" (edges[1])"),
        "{err}"
    );
    let bad_word = doc.to_string().replace("\"assigned\"", "\"guessed\"");
    let err = argraph::json::from_str(&bad_word).unwrap_err();
    assert!(err.to_string().contains("guessed"), "{err}");
    assert!(err.line().is_some());
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

/// The document `parts` as an argraph JSON object with its keys in this
/// order (the reader checks edges as it reads them only when the nodes and
/// sources come first; every order must give the same graph and problems).
fn document_in_order(parts: &[(&str, &Value)]) -> String {
    let body: Vec<String> = parts
        .iter()
        .map(|(key, value)| format!("{key:?}: {value}"))
        .collect();
    format!("{{\"argraph\": 1, {}}}", body.join(", "))
}

#[test]
fn json_key_order_changes_neither_the_graph_nor_the_problems() {
    let seed: Value =
        serde_json::from_slice(&std::fs::read(crate::common::seed_path()).unwrap()).unwrap();
    let expected = argraph::json::load(crate::common::seed_path()).unwrap();
    let broken = json!({
        "sources": [{"id": "s"}, {"id": "s"}],
        "nodes": [
            {"id": "a", "kind": "claim", "text": "A", "provenance": [{"source": "t"}]},
            {"id": "a", "kind": "claim", "text": "A again"},
            {"id": "b", "kind": "clam", "text": "B"},
            {"id": "c", "kind": "framing", "text": "C"}
        ],
        "edges": [
            {"from": "a", "to": "zz", "kind": "supports", "provenance": [{"source": "s"}]},
            {"from": "c", "to": "a", "kind": "attacks", "provenance": [{"source": "u"}]},
            {"from": "b", "to": "a", "kind": "supports"},
            {"from": "a", "to": "c", "kind": "frames", "basis": "declared"}
        ]
    });
    let orders = [
        ["sources", "nodes", "edges"],
        ["nodes", "edges", "sources"],
        ["edges", "nodes", "sources"],
        ["nodes", "sources", "edges"],
    ];
    let mut problem_lists = Vec::new();
    for order in orders {
        let parts = |doc: &Value| -> String {
            let rest = ["title", "description"].into_iter().chain(order);
            let parts: Vec<(&str, &Value)> =
                rest.filter_map(|k| doc.get(k).map(|v| (k, v))).collect();
            document_in_order(&parts)
        };
        let g = argraph::json::from_str(&parts(&seed)).unwrap();
        assert!(g == expected, "{order:?}: another graph");
        let err = argraph::json::from_str(&parts(&broken)).unwrap_err();
        problem_lists.push(err.to_string());
    }
    assert!(problem_lists[0].contains("\"zz\""), "{}", problem_lists[0]);
    assert!(problem_lists[0].contains("\"u\""), "{}", problem_lists[0]);
    for (order, problems) in orders.iter().zip(&problem_lists) {
        assert_eq!(problems, &problem_lists[0], "{order:?}");
    }
}
