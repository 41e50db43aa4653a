//! AIF import on files reproducing real-world quirks, and AIF export
//! validity.

use std::path::PathBuf;

use argraph::report::Severity;
use argraph::{aif, AttackKind, EdgeKind, ErrorKind, NodeKind, Rule};
use serde_json::{json, Value};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn edge<'a>(g: &'a argraph::ArgumentGraph, from: &str, to: &str) -> argraph::EdgeRef<'a> {
    g.outgoing(from)
        .find(|e| e.to().id() == to)
        .unwrap_or_else(|| panic!("no edge {from} -> {to}"))
}

#[test]
fn quirks_are_worked_around_and_counted() {
    let imported = aif::load(data("aif_quirks.json")).unwrap();
    let r = &imported.report;
    let count = |what: &str| {
        r.entries()
            .iter()
            .filter(|e| e.what().starts_with(what))
            .map(|e| e.count())
            .sum::<usize>()
    };
    assert_eq!(count("node without a type"), 1);
    assert_eq!(count("node of an unknown type"), 1);
    assert_eq!(count("node without a nodeID"), 1);
    assert_eq!(count("node repeated"), 1);
    assert_eq!(count("I-node without text"), 1);
    assert_eq!(count("edge repeated"), 2);
    assert_eq!(count("edge names a node that does not exist"), 1);
    assert_eq!(count("edge from a node to itself"), 1);
    assert_eq!(count("edge joins two I-nodes"), 1);
    assert_eq!(count("edge without fromID or toID"), 1);
    assert_eq!(count("edge touches a node that was set aside"), 1);
    assert_eq!(count("edge field other than"), 1);
    assert_eq!(r.warnings(), 13);
    assert_eq!(count("L (locution) node"), 2);
    assert_eq!(count("YA (illocution) node"), 3);
    assert_eq!(count("TA (transition) node"), 1);
    assert_eq!(count("edge of the dialogue structure"), 8);
    assert_eq!(count("locutions entry"), 3);
    assert_eq!(count("unknown top-level key"), 1);
    // Examples name the ids at fault.
    let missing = r
        .entries()
        .iter()
        .find(|e| e.what().starts_with("edge names a node"))
        .unwrap();
    assert_eq!(missing.severity(), Severity::Warning);
    assert!(
        missing.examples()[0].contains("\"404\""),
        "{:?}",
        missing.examples()
    );
}

#[test]
fn quirks_map_to_the_documented_graph() {
    let g = aif::load(data("aif_quirks.json")).unwrap().graph;
    let ids: Vec<&str> = g.nodes().map(|n| n.id()).collect();
    // I-nodes and the RA nodes that need a node, in file order; integer ids as strings.
    assert_eq!(
        ids,
        ["1", "2", "10", "3", "4", "5", "12", "6", "7", "8", "32"]
    );
    let kind = |id: &str| g.node(id).unwrap().kind();
    // Leaf premises are evidence; what is supported, or stands alone, is a claim.
    assert_eq!(kind("1"), NodeKind::Evidence);
    assert_eq!(kind("4"), NodeKind::Evidence);
    assert_eq!(kind("2"), NodeKind::Claim);
    assert_eq!(kind("3"), NodeKind::Claim);
    assert_eq!(kind("32"), NodeKind::Claim);
    assert!(g.node("32").unwrap().text().contains("has no text"));
    // An attacked RA and a linked RA are argument nodes; the rest are edges.
    assert_eq!(kind("10"), NodeKind::Argument);
    assert_eq!(kind("12"), NodeKind::Argument);
    assert_eq!(g.node("10").unwrap().text(), "Argument From Vibes");
    assert_eq!(g.supporters("12").count(), 2);
    assert_eq!(g.edge_count(), 9);
    // CA -> RA is an undercut, CA -> evidence an undermine, CA -> claim a rebut.
    assert_eq!(edge(&g, "3", "10").attack(), Some(AttackKind::Undercut));
    assert_eq!(edge(&g, "7", "1").attack(), Some(AttackKind::Undermine));
    assert_eq!(edge(&g, "6", "2").attack(), Some(AttackKind::Rebut));
    assert_eq!(
        edge(&g, "6", "2").data(),
        Some(&json!({"aif": {"nodeID": "13", "timestamp": "2024-03-01 10:00:00"}}))
    );
    // MA: a labelled supports edge that remembers it was a rephrase.
    let ma = edge(&g, "1", "8");
    assert_eq!(
        (ma.kind(), ma.label()),
        (EdgeKind::Supports, Some("rephrase"))
    );
    assert_eq!(ma.data().unwrap()["aif"]["type"], "MA");
    // Unknown scheme names and ids are kept verbatim; default ones are not stored.
    let vibes = g.node("10").unwrap().data().unwrap();
    assert_eq!(vibes["aif"]["scheme"], "Argument From Vibes");
    assert_eq!(vibes["aif"]["schemeID"], "9999");
    assert_eq!(
        g.node("12").unwrap().data(),
        Some(
            &json!({"aif": {"timestamp": "2024-03-01 10:00:00"}, "aif_preferences": [{"over": "10", "pa": {"nodeID": "16", "timestamp": "2024-03-01 10:00:00"}}]})
        )
    );
    // YA anchoring: the locution, its text and speaker are kept in the
    // dialogue layer (before issue 14, in the node's data.aif_illocutions).
    let d = g.dialogue().unwrap();
    let anchors: Vec<_> = d.locutions_anchoring("1").collect();
    assert_eq!(anchors.len(), 1);
    let (ya, from) = anchors[0];
    assert_eq!(ya.text, "Asserting");
    assert_eq!(from.text, "Ann : Sales fell last quarter.");
    assert_eq!(d.locution_record(&from.id).unwrap()["personID"], "1");
    let (ya, from) = d.locutions_anchoring("10").next().unwrap();
    assert_eq!(from.kind, argraph::DialogueKind::Transition);
    assert_eq!(ya.text, "Arguing");
    assert!(g
        .nodes()
        .all(|n| n.data().is_none_or(|d| d.get("aif_illocutions").is_none())));
}

#[test]
fn ova_wrapper_with_integer_ids() {
    let imported = aif::load(data("ova_wrapper.json")).unwrap();
    let g = &imported.graph;
    assert_eq!(g.node_count(), 3);
    let support = edge(g, "2", "1");
    // The scheme id came from "schemefulfillments"; the text is not the default name.
    assert_eq!(
        support.data(),
        Some(&json!({"aif": {"nodeID": "3", "text": "Argument From Needs", "schemeID": "400"}}))
    );
    assert_eq!(edge(g, "4", "1").attack(), Some(AttackKind::Rebut));
    assert_eq!(g.node("2").unwrap().kind(), NodeKind::Evidence);
    let d = g.dialogue().unwrap();
    let (_, from) = d.locutions_anchoring("2").next().unwrap();
    assert_eq!(
        json!(d.locution_record(&from.id).unwrap()),
        json!({"nodeID": 6, "personID": 0})
    );
    assert_eq!(
        json!(d.participants),
        json!([{"participantID": 0, "firstname": "Bob", "surname": "None"}])
    );
    let r = &imported.report;
    assert_eq!(r.count("participants entry, kept in the dialogue layer"), 1);
    assert!(r.to_string().contains("characters of the analysed text"));
    assert!(r.to_string().contains("OVA layout section"));
}

#[test]
fn different_nodes_with_one_id_are_an_error_naming_them() {
    let err = aif::load(data("aif_conflicting_ids.json")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Invalid(_)));
    let problems = err.problems();
    assert_eq!(problems.len(), 2);
    assert!(problems.iter().all(|p| p.rule() == Rule::DuplicateId));
    assert!(err.to_string().contains("aif_conflicting_ids.json"));
    assert!(err
        .to_string()
        .contains("nodeID \"1\" is used by two different nodes"));
}

#[test]
fn parse_errors_have_a_position() {
    let err = aif::from_slice(b"{\"nodes\": [\n  {\"nodeID\": \"1\", \"text\": 3}]}").unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Parse {
                format: "AIF JSON",
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(err.line(), Some(2));
    let err = aif::from_slice(b"{\"nodes\": [{\"nodeID\": \"1\"").unwrap_err();
    assert!(err.to_string().contains("truncated"), "{err}");
    let err = aif::from_slice(b"{\"edges\": []}").unwrap_err();
    assert!(err.to_string().contains("not an AIF document"), "{err}");
    let err = aif::from_slice(b"[1, 2]").unwrap_err();
    assert!(err.to_string().contains("AIF document"), "{err}");
}

#[test]
fn hostile_nesting_is_an_error_not_a_crash() {
    let deep = format!(
        "{{\"nodes\": [{{\"nodeID\": \"1\", \"text\": \"t\", \"type\": \"I\", \"x\": {}{}}}]}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = aif::from_str(&deep).unwrap_err();
    assert!(err.to_string().contains("recursion limit"), "{err}");
}

#[test]
fn a_large_nodeset_reads_in_one_pass() {
    // 20 000 claims in a chain of RA nodes, plus dialogue for each.
    let n = 20_000;
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for i in 0..n {
        nodes.push(json!({"nodeID": i.to_string(), "text": format!("statement {i}"), "type": "I"}));
        nodes.push(
            json!({"nodeID": format!("L{i}"), "text": format!("X : statement {i}"), "type": "L"}),
        );
        nodes.push(json!({"nodeID": format!("Y{i}"), "text": "Asserting", "type": "YA"}));
        edges.push(json!({"fromID": format!("L{i}"), "toID": format!("Y{i}")}));
        edges.push(json!({"fromID": format!("Y{i}"), "toID": i.to_string()}));
        if i > 0 {
            nodes.push(
                json!({"nodeID": format!("R{i}"), "text": "Default Inference", "type": "RA"}),
            );
            edges.push(json!({"fromID": (i - 1).to_string(), "toID": format!("R{i}")}));
            edges.push(json!({"fromID": format!("R{i}"), "toID": i.to_string()}));
        }
    }
    let doc = json!({"nodes": nodes, "edges": edges});
    let imported = aif::from_slice(&serde_json::to_vec(&doc).unwrap()).unwrap();
    assert_eq!(imported.graph.node_count(), n);
    assert_eq!(imported.graph.edge_count(), n - 1);
    assert_eq!(
        imported
            .report
            .count("YA (illocution) node, kept in the dialogue layer"),
        n
    );
}

/// The AIF rules a written document must satisfy: every S-node sits
/// between nodes, no I-node touches another, ids are unique.
fn check_valid_aif(doc: &Value, integer_ids: bool) {
    let body = doc.get("AIF").unwrap_or(doc);
    let nodes = body["nodes"].as_array().unwrap();
    let edges = body["edges"].as_array().unwrap();
    let id = |v: &Value| {
        if integer_ids {
            assert!(v.is_u64(), "integer id expected, got {v}");
            v.to_string()
        } else {
            v.as_str()
                .unwrap_or_else(|| panic!("string id expected, got {v}"))
                .to_string()
        }
    };
    let mut types = std::collections::HashMap::new();
    for n in nodes {
        let t = n["type"].as_str().unwrap().to_string();
        assert!(
            ["I", "RA", "CA", "MA", "PA", "L", "YA", "TA"].contains(&t.as_str()),
            "type {t}"
        );
        if !["I", "L", "YA", "TA"].contains(&t.as_str()) {
            assert!(n["scheme"].is_string() && n["schemeID"].is_string(), "{n}");
        }
        assert!(
            types.insert(id(&n["nodeID"]), t).is_none(),
            "duplicate nodeID"
        );
    }
    let mut ins = std::collections::HashMap::<String, usize>::new();
    let mut outs = std::collections::HashMap::<String, usize>::new();
    for e in edges {
        let (a, b) = (id(&e["fromID"]), id(&e["toID"]));
        assert!(
            types[&a] != "I" || types[&b] != "I",
            "I -> I edge {a} -> {b}"
        );
        *outs.entry(a).or_default() += 1;
        *ins.entry(b).or_default() += 1;
    }
    for (nid, t) in &types {
        if t == "RA" || t == "CA" || t == "MA" || t == "PA" {
            assert!(
                ins.contains_key(nid) || outs.contains_key(nid),
                "isolated S-node {nid}"
            );
        }
    }
}

#[test]
fn export_is_valid_aif_with_default_schemes() {
    let g = argraph::json::load(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("graphs/russia_afghanistan.json"),
    )
    .unwrap();
    for (flavor, integer) in [(aif::Flavor::AifDb, false), (aif::Flavor::Ova, true)] {
        let mut out = Vec::new();
        let report = aif::to_writer(&g, flavor, &mut out).unwrap();
        let doc: Value = serde_json::from_slice(&out).unwrap();
        check_valid_aif(&doc, integer);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"Default Inference\"") && text.contains("\"Default Conflict\""));
        // The seed's frames edges have no AIF counterpart: kept, and said so.
        assert_eq!(
            report.count(
                "frames edge (AIF has no counterpart), kept in the framing's \"argraph\" extension"
            ),
            g.edges_of_kind(argraph::EdgeKind::Frames).count()
        );
        if flavor == aif::Flavor::Ova {
            assert!(doc["OVA"]["nodes"].as_array().unwrap().len() >= g.node_count());
            assert!(doc["AIF"]["schemefulfillments"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["schemeID"] == "72"));
        }
    }
}

#[test]
fn imported_aif_exports_back_to_its_own_structure() {
    // AIF -> argraph -> AIF: the RA, CA, MA and PA nodes come back with their ids and schemes.
    let g = aif::load(data("aif_quirks.json")).unwrap().graph;
    let mut out = Vec::new();
    aif::to_writer(&g, aif::Flavor::AifDb, &mut out).unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    check_valid_aif(&doc, false);
    let node = |id: &str| {
        doc["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["nodeID"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(node("10")["scheme"], "Argument From Vibes");
    assert_eq!(node("13")["type"], "CA");
    assert_eq!(node("15")["type"], "MA");
    assert_eq!(node("15")["scheme"], "Default Rephrase");
    assert_eq!(node("16")["type"], "PA");
    assert_eq!(node("1")["timestamp"], "2024-03-01 10:00:00");
    // And it reads back to the same graph.
    assert_eq!(aif::from_slice(&out).unwrap().graph, g);
}

mod messy {
    use super::*;
    use proptest::prelude::*;

    fn id() -> impl Strategy<Value = Value> {
        prop_oneof![
            4 => (0u64..17).prop_map(Value::from),
            4 => (0u64..17).prop_map(|i| Value::from(i.to_string())),
            1 => Just(Value::Null),
            1 => Just(json!(3.0)),
        ]
    }

    /// A node with id `i` (or, rarely, a repeated or missing id).
    fn node(i: usize) -> impl Strategy<Value = Value> {
        (
            prop_oneof![
                8 => Just(Value::from(i.to_string())),
                4 => Just(Value::from(i as u64)),
                1 => Just(Value::from((i / 2).to_string())),
                1 => Just(Value::Null),
            ],
            prop::option::weighted(
                0.95,
                prop_oneof![
                    5 => Just("I"), 3 => Just("RA"), 2 => Just("CA"), 1 => Just("MA"), 1 => Just("PA"),
                    1 => Just("L"), 1 => Just("YA"), 1 => Just("TA"), 1 => Just("ra"), 1 => Just(""), 1 => Just("XX")
                ],
            ),
            prop::option::weighted(
                0.9,
                prop_oneof![Just(String::new()), Just("Default Inference".to_string()), "[a-z ]{1,8}"],
            ),
            prop::option::of(prop_oneof![Just("Argument From Vibes"), Just("Default Conflict")]),
            prop::option::weighted(
                0.1,
                prop_oneof![
                    Just(json!({"kind": "argument"})),
                    Just(json!({"label": "x", "weight": 0.5})),
                    Just(json!({"attack": null})),
                ],
            ),
        )
            .prop_map(|(id, ty, text, scheme, ext)| {
                let mut n = serde_json::Map::new();
                n.insert("nodeID".into(), id);
                if let Some(t) = ty {
                    n.insert("type".into(), json!(t));
                }
                if let Some(t) = text {
                    n.insert("text".into(), json!(t));
                }
                if let Some(s) = scheme {
                    n.insert("scheme".into(), json!(s));
                }
                if let Some(x) = ext {
                    n.insert("argraph".into(), x);
                }
                Value::Object(n)
            })
    }

    fn doc() -> impl Strategy<Value = Value> {
        (
            (0usize..16).prop_flat_map(|n| (0..n).map(node).collect::<Vec<_>>()),
            prop::collection::vec((id(), id()), 0..30),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(nodes, edges, wrapped, by_argraph)| {
                let edges: Vec<Value> = edges.into_iter().map(|(a, b)| json!({"fromID": a, "toID": b})).collect();
                let mut body = json!({"nodes": nodes, "edges": edges, "locutions": [{"nodeID": "1", "personID": 1}]});
                if by_argraph {
                    body["argraph"] = json!({"version": 1});
                }
                if wrapped {
                    json!({"AIF": body, "OVA": {}, "text": "t"})
                } else {
                    body
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Messy documents never panic; what imports exports and imports again.
        #[test]
        fn messy_aif_never_panics(doc in doc()) {
            let bytes = serde_json::to_vec(&doc).unwrap();
            if let Ok(imported) = aif::from_slice(&bytes) {
                for flavor in [aif::Flavor::AifDb, aif::Flavor::Ova] {
                    let mut out = Vec::new();
                    aif::to_writer(&imported.graph, flavor, &mut out).unwrap();
                    let again = aif::from_slice(&out);
                    prop_assert!(again.is_ok(), "{:?}", again.err());
                    prop_assert_eq!(again.unwrap().graph, imported.graph.clone());
                }
            }
        }

        /// Truncated documents are errors, never panics.
        #[test]
        fn truncated_aif_is_an_error(doc in doc(), cut in any::<prop::sample::Index>()) {
            let bytes = serde_json::to_vec(&doc).unwrap();
            let cut = cut.index(bytes.len());
            if cut < bytes.len() {
                prop_assert!(aif::from_slice(&bytes[..cut]).is_err());
            }
        }
    }
}

#[test]
fn ova_layout_puts_conclusions_above_their_premises() {
    let mut g = argraph::ArgumentGraph::new();
    g.evidence("e1", "E1").unwrap();
    g.evidence("e2", "E2").unwrap();
    g.claim("c", "C").unwrap();
    g.claim("top", "Top").unwrap();
    g.supports("e1", "c").unwrap();
    g.supports("e2", "c").unwrap();
    g.supports("c", "top").unwrap();
    let mut out = Vec::new();
    aif::to_writer(&g, aif::Flavor::Ova, &mut out).unwrap();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    let pos: std::collections::HashMap<u64, (u64, u64)> = doc["OVA"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["nodeID"].as_u64().unwrap(),
                (n["x"].as_u64().unwrap(), n["y"].as_u64().unwrap()),
            )
        })
        .collect();
    assert_eq!(pos.len(), 7); // four statements, three RA nodes
    let edges = doc["AIF"]["edges"].as_array().unwrap();
    for e in edges {
        let (a, b) = (e["fromID"].as_u64().unwrap(), e["toID"].as_u64().unwrap());
        assert!(pos[&a].1 > pos[&b].1, "{a} should be below {b}: {pos:?}");
    }
    let distinct: std::collections::HashSet<_> = pos.values().collect();
    assert_eq!(distinct.len(), pos.len(), "no two nodes at one place");
}

/// AIF fields reach `data` as written: escapes are decoded, numbers keep
/// their text (`1.50`, `-0`, a 24-digit integer; serde_json writes an
/// exponent as `e+2`), keys their order; and the JSON written from that data
/// reads back to the same values. (Before issue 11 a repeated key kept its
/// first place and its last value, and numbers became `f64`s.)
#[test]
fn node_fields_reach_data_as_written() {
    let text = r#"{"nodes": [
        {"nodeID": "1", "text": "Sales fell.", "type": "I", "timestamp": "t2", "z": 1,
         "nested": {"a": {"x": "\u00e9\/\n"}, "b": [1.50, -0, 1E2, true, null]},
         "big": 123456789012345678901234, "w\u0065ird key": "q\"uote"},
        {"nodeID": "2", "text": "Demand is weak.", "type": "I"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA", "scheme": "Default Inference",
         "schemeID": 72, "timestamp": "t3"},
        {"nodeID": "4", "text": "Argument From Sign", "type": "RA", "scheme": "Argument From Sign",
         "schemeID": "35"}],
      "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"},
        {"edgeID": "3", "fromID": "2", "toID": "4"}, {"edgeID": "4", "fromID": "4", "toID": "1"}]}"#;
    let g = aif::from_str(text).unwrap().graph;
    let fields: Value = serde_json::from_str(
        r#"{"timestamp": "t2", "z": 1, "nested": {"a": {"x": "é/\n"}, "b": [1.50, -0, 1e2, true, null]},
            "big": 123456789012345678901234, "weird key": "q\"uote"}"#,
    )
    .unwrap();
    assert_eq!(g.node("1").unwrap().data(), Some(&json!({"aif": fields})));
    let written = g.node("1").unwrap().data().unwrap().to_string();
    assert!(
        written.contains("[1.50,-0,1e+2,true,null]")
            && written.contains("123456789012345678901234"),
        "{written}"
    );
    // Default scheme (id as a number or a string) dropped; any other kept.
    assert_eq!(
        edge(&g, "1", "2").data(),
        Some(&json!({"aif": {"nodeID": "3", "timestamp": "t3"}}))
    );
    assert_eq!(
        edge(&g, "2", "1").data(),
        Some(&json!({"aif": {"nodeID": "4", "scheme": "Argument From Sign", "schemeID": "35"}}))
    );
    let again = argraph::json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
    assert_eq!(again, g);
    assert_eq!(again.node("1").unwrap().data(), g.node("1").unwrap().data());
}

/// A repeated key is refused, at the top of a node and inside nested
/// values, naming the key and the node, in linear time past the
/// small-node path (40 fields).
#[test]
fn repeated_node_fields_are_refused() {
    let nested = r#"{"nodes": [{"nodeID": "1", "text": "t", "type": "I",
        "nested": {"a": 1, "a": {"x": 2}}}], "edges": []}"#;
    let err = aif::from_str(nested).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("\"a\" is repeated") && msg.contains("nodes[0] (nodeID \"1\") > nested"),
        "{msg}"
    );
    assert_eq!(err.line(), Some(2), "{msg}");
    let fields: Vec<String> = (0..40).map(|i| format!("\"k{}\": {i}", i % 25)).collect();
    let text = format!(
        r#"{{"nodes": [{{"nodeID": "1", "text": "t", "type": "I", {}}}], "edges": []}}"#,
        fields.join(", ")
    );
    let msg = aif::from_str(&text).unwrap_err().to_string();
    assert!(
        msg.contains("\"k0\" is repeated") && msg.contains("nodes[0] (nodeID \"1\")"),
        "{msg}"
    );
    // Forty distinct fields keep their order and values.
    let fields: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!(
        r#"{{"nodes": [{{"nodeID": "1", "text": "t", "type": "I", {}}}], "edges": []}}"#,
        fields.join(", ")
    );
    let g = aif::from_str(&text).unwrap().graph;
    let node: Value = serde_json::from_str(&text).unwrap();
    let mut expected = node["nodes"][0].as_object().unwrap().clone();
    for known in ["nodeID", "text", "type"] {
        expected.shift_remove(known);
    }
    assert_eq!(expected.len(), 40);
    assert_eq!(
        g.node("1").unwrap().data(),
        Some(&json!({"aif": Value::Object(expected)}))
    );
}

/// Ids are matched exactly as written (an integer id as its decimal
/// string): `"07"`, `"+7"`, `"7.0"` and `" 7"` are not `"7"`, and `""` is
/// no id at all. (Replaces a unit test of the reader's former numeric id
/// keys, which had to be equal exactly when the ids were.)
#[test]
fn ids_are_matched_exactly_as_written() {
    let ids = ["7", "07", "+7", "7.0", " 7", "0", "18446744073709551615"];
    let mut nodes: Vec<Value> = ids
        .iter()
        .map(|id| json!({"nodeID": id, "text": format!("node {id}"), "type": "I"}))
        .collect();
    nodes.push(json!({"nodeID": 99, "text": "Default Inference", "type": "RA"}));
    nodes.push(json!({"nodeID": "", "text": "no id", "type": "I"}));
    let edges = json!([
        {"edgeID": "1", "fromID": 7, "toID": "99"},
        {"edgeID": "2", "fromID": 99, "toID": "07"},
        {"edgeID": "3", "fromID": "99", "toID": ""}
    ]);
    let doc = json!({"nodes": nodes, "edges": edges});
    let imported = aif::from_slice(&serde_json::to_vec(&doc).unwrap()).unwrap();
    let g = &imported.graph;
    assert_eq!(g.node_count(), ids.len());
    for id in ids {
        assert_eq!(g.node(id).unwrap().text(), format!("node {id}"));
    }
    // 7 -> RA 99 -> 07: one supports edge, from "7" to "07" and nothing else.
    assert_eq!(g.edge_count(), 1);
    let e = edge(g, "7", "07");
    assert_eq!(e.kind(), EdgeKind::Supports);
    assert_eq!(
        imported.report.count("node without a nodeID (set aside)"),
        1
    );
}

/// Regression: the writer's derived edge records once left out the edges'
/// `"argraph"` extension, so a label or weight on an edge drawn as it is
/// (one touching an argument node) was lost on the way to AIF.
#[test]
fn edge_extension_survives_on_edges_into_argument_nodes() {
    let mut g = argraph::ArgumentGraph::new();
    g.claim("c", "Threats drive aggression.").unwrap();
    g.argument("a", "Independent to dependent variable")
        .unwrap();
    g.claim("d", "Russia cooperates with the Taliban.").unwrap();
    g.supports("c", "a")
        .unwrap()
        .set_label("theory supplies the mechanism");
    g.supports("a", "d").unwrap().set_weight(0.25).unwrap();
    for flavor in [aif::Flavor::AifDb, aif::Flavor::Ova] {
        let mut out = Vec::new();
        aif::to_writer(&g, flavor, &mut out).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.contains("theory supplies the mechanism"),
            "{flavor:?}: {text}"
        );
        let back = aif::from_slice(&out).unwrap().graph;
        let label = back
            .edge_between("c", "a")
            .map(|e| e.label().map(str::to_owned));
        assert_eq!(
            label,
            Some(Some("theory supplies the mechanism".into())),
            "{flavor:?}"
        );
        let weight = back.edge_between("a", "d").and_then(|e| e.weight());
        assert_eq!(weight, Some(0.25), "{flavor:?}");
    }
}
