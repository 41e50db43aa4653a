//! AIF's dialogue layer (issue 14, B6): L, YA and TA nodes, the edges
//! among them, `locutions` records, OVA3's participants and text, kept
//! through AIF → argraph → AIF with their ids. Each loss the corpus run
//! found has a regression test on a file written to reproduce it
//! (`tests/data/aif_dialogue.json`, AIFdb as in us-2016 and qt30, and
//! `tests/data/ova_dialogue.json`, an OVA3 export).

use std::collections::BTreeSet;

use argraph::{aif, DialogueKind};
use proptest::prelude::*;
use serde_json::{json, Value};

use crate::common::{argraph, root, stderr};

fn data(name: &str) -> String {
    root().join("tests/data").join(name).display().to_string()
}

/// An AIF id as a string: `12` and `"12"` are one id.
fn id(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What an AIF document holds, as sets: its nodes (id, type, text), its
/// edges (from, to) and its `locutions` records (with `nodeID` as a
/// string), in either shape, with the `"argraph"` extension keys left out.
#[derive(Debug, PartialEq)]
struct AifSets {
    nodes: BTreeSet<(String, String, String)>,
    edges: BTreeSet<(String, String)>,
    locutions: BTreeSet<String>,
}

fn aif_sets(doc: &Value) -> AifSets {
    let body = doc.get("AIF").unwrap_or(doc);
    let nodes = body["nodes"].as_array().unwrap().iter().map(|n| {
        let text = n["text"].as_str().unwrap_or("").to_string();
        (
            id(&n["nodeID"]),
            n["type"].as_str().unwrap().to_string(),
            text,
        )
    });
    let edges = body["edges"].as_array().unwrap().iter();
    let locutions = body["locutions"].as_array().into_iter().flatten().map(|r| {
        let mut r = r.clone();
        r["nodeID"] = Value::String(id(&r["nodeID"]));
        r.to_string()
    });
    AifSets {
        nodes: nodes.collect(),
        edges: edges.map(|e| (id(&e["fromID"]), id(&e["toID"]))).collect(),
        locutions: locutions.collect(),
    }
}

/// Reads AIF, goes through argraph JSON (text), and writes AIF again.
fn through_argraph(doc: &[u8], flavor: aif::Flavor) -> (argraph::ArgumentGraph, Value) {
    let g = aif::from_slice(doc).unwrap().graph;
    let text = argraph::json::to_string_pretty(&g).unwrap();
    let again = argraph::json::from_str(&text).unwrap();
    assert_eq!(again, g, "argraph JSON keeps the dialogue layer");
    let mut out = Vec::new();
    let report = aif::to_writer(&again, flavor, &mut out).unwrap();
    assert_eq!(report.warnings(), 0, "{report}");
    (g, serde_json::from_slice(&out).unwrap())
}

fn read(name: &str) -> (Vec<u8>, Value) {
    let bytes = std::fs::read(data(name)).unwrap();
    let doc = serde_json::from_slice(&bytes).unwrap();
    (bytes, doc)
}

/// us-2016 has 10,570 L texts that no YA anchors (a moderator's turn, a
/// "yes, well"): before, only anchored ones were kept (in the anchored
/// node's data).
#[test]
fn unanchored_locution_texts_are_kept() {
    let (bytes, doc) = read("aif_dialogue.json");
    let imported = aif::from_slice(&bytes).unwrap();
    let d = imported.graph.dialogue().unwrap();
    let l = d.node("704_16").unwrap();
    assert_eq!(
        (l.kind, l.text.as_str()),
        (DialogueKind::Locution, "HOLT : Let us move on.")
    );
    assert_eq!(l.aif["moderator"], true);
    assert_eq!(
        imported
            .report
            .count("L (locution) node, kept in the dialogue layer"),
        3
    );
    let (_, out) = through_argraph(&bytes, aif::Flavor::AifDb);
    assert!(aif_sets(&out).nodes.contains(&(
        "704_16".into(),
        "L".into(),
        "HOLT : Let us move on.".into()
    )));
    assert_eq!(aif_sets(&out), aif_sets(&doc));
}

/// Araucaria's `locutions` tie people to nodes (1,876 of 1,918 were
/// dropped): every record is kept as written, one naming an I-node too,
/// and written back naming the same node.
#[test]
fn locutions_records_with_person_id_are_kept() {
    let (bytes, doc) = read("aif_dialogue.json");
    let g = aif::from_slice(&bytes).unwrap().graph;
    let d = g.dialogue().unwrap();
    assert_eq!(d.locutions.len(), 4);
    assert_eq!(d.locution_record("704_12").unwrap()["personID"], "2");
    assert_eq!(d.locution_record("704_1").unwrap()["personID"], "7");
    let (_, said) = d.locutions_anchoring("704_2").next().unwrap();
    assert_eq!(d.locution_record(&said.id).unwrap()["personID"], "2");
    let (_, out) = through_argraph(&bytes, aif::Flavor::AifDb);
    assert_eq!(aif_sets(&out).locutions, aif_sets(&doc).locutions);
    assert_eq!(out["locutions"], doc["locutions"], "as written, in order");
}

/// The order of turns: TA nodes between L nodes (L → TA → L) come back
/// with their edges.
#[test]
fn transitions_between_locutions_are_kept() {
    let (bytes, doc) = read("aif_dialogue.json");
    let g = aif::from_slice(&bytes).unwrap().graph;
    let d = g.dialogue().unwrap();
    let ta: Vec<&str> = d
        .nodes
        .iter()
        .filter(|n| n.kind == DialogueKind::Transition)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(ta, ["704_14", "704_17"]);
    let edge = |a: &str, b: &str| d.edges.iter().any(|e| e.from == a && e.to == b);
    assert!(edge("704_10", "704_14") && edge("704_14", "704_12"));
    assert!(edge("704_12", "704_17") && edge("704_17", "704_16"));
    let (_, out) = through_argraph(&bytes, aif::Flavor::AifDb);
    let edges = aif_sets(&out).edges;
    assert!(edges.contains(&("704_10".into(), "704_14".into())));
    assert!(edges.contains(&("704_17".into(), "704_16".into())));
    assert_eq!(edges, aif_sets(&doc).edges);
}

/// A YA anchoring an RA node in a TA ("Arguing"): the RA is read as a
/// supports edge, whose `data.aif.nodeID` names it; the writer's RA node
/// for that edge takes the id back, so the YA edge finds it.
#[test]
fn illocution_anchoring_a_transition_in_an_inference_read_as_an_edge_is_kept() {
    let (bytes, doc) = read("aif_dialogue.json");
    let g = aif::from_slice(&bytes).unwrap().graph;
    assert_eq!(g.node_count(), 2, "the RA is an edge");
    let support = g.edge_between("704_1", "704_2").unwrap();
    assert_eq!(support.data().unwrap()["aif"]["nodeID"], "704_3");
    let d = g.dialogue().unwrap();
    let (ya, ta) = d.locutions_anchoring("704_3").next().unwrap();
    assert_eq!(
        (ya.text.as_str(), ta.kind),
        ("Arguing", DialogueKind::Transition)
    );
    for flavor in [aif::Flavor::AifDb, aif::Flavor::Ova] {
        let (_, out) = through_argraph(&bytes, flavor);
        let sets = aif_sets(&out);
        let ra = sets
            .nodes
            .iter()
            .find(|(_, ty, _)| ty == "RA")
            .unwrap()
            .0
            .clone();
        let ya = sets
            .nodes
            .iter()
            .find(|(_, _, text)| text == "Arguing")
            .unwrap()
            .0
            .clone();
        assert!(sets.edges.contains(&(ya, ra.clone())), "{flavor:?}");
        if flavor == aif::Flavor::AifDb {
            assert_eq!(ra, "704_3");
            assert_eq!(sets, aif_sets(&doc));
        }
    }
}

/// Non-numeric ids (us-2016's are `"704_12"`-like) were renumbered on
/// export: AIFdb now keeps them; OVA, whose ids are integers, numbers
/// them and keeps the original in the `"argraph"` extension, so OVA →
/// argraph → AIFdb gives them back.
#[test]
fn non_numeric_ids_are_kept_on_export() {
    let (bytes, doc) = read("aif_dialogue.json");
    let (_, out) = through_argraph(&bytes, aif::Flavor::AifDb);
    let ids: BTreeSet<String> = aif_sets(&out).nodes.into_iter().map(|n| n.0).collect();
    let before: BTreeSet<String> = aif_sets(&doc).nodes.into_iter().map(|n| n.0).collect();
    assert_eq!(ids, before);

    let (g, ova) = through_argraph(&bytes, aif::Flavor::Ova);
    assert!(ova["AIF"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["nodeID"].is_u64()));
    let l = ova["AIF"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["type"] == "L" && n["text"] == "HOLT : Let us move on.")
        .unwrap();
    assert_eq!(l["argraph"]["id"], "704_16");
    let back = aif::from_slice(&serde_json::to_vec(&ova).unwrap()).unwrap();
    assert_eq!(back.graph, g, "OVA -> argraph gives the same graph");
    let mut out = Vec::new();
    aif::to_writer(&back.graph, aif::Flavor::AifDb, &mut out).unwrap();
    let out: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(aif_sets(&out), aif_sets(&doc));
}

/// An OVA3 export of argraph's had an empty `text`, no participants and
/// no locutions, whatever the source had.
#[test]
fn ova3_export_keeps_text_participants_and_locutions() {
    let (bytes, doc) = read("ova_dialogue.json");
    let imported = aif::from_slice(&bytes).unwrap();
    let d = imported.graph.dialogue().unwrap();
    assert_eq!(d.participants.len(), 2);
    assert_eq!(d.text.as_ref(), Some(&doc["text"]));
    let report = imported.report.to_string();
    assert!(!report.contains("set aside: 2 × participants"), "{report}");
    assert!(
        report.contains("participants entry, kept in the dialogue layer"),
        "{report}"
    );
    let (_, out) = through_argraph(&bytes, aif::Flavor::Ova);
    assert_eq!(out["text"], doc["text"]);
    assert_eq!(out["dialog"], true);
    assert_eq!(out["AIF"]["participants"], doc["AIF"]["participants"]);
    assert_eq!(out["AIF"]["locutions"], doc["AIF"]["locutions"]);
    assert_eq!(aif_sets(&out), aif_sets(&doc));
    // The YA nodes' schemes (from `schemefulfillments`) come back.
    let fulfilled: BTreeSet<String> = out["AIF"]["schemefulfillments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["nodeID"], f["schemeID"]))
        .collect();
    for f in doc["AIF"]["schemefulfillments"].as_array().unwrap() {
        let f = format!("{} {}", f["nodeID"], f["schemeID"]);
        assert!(fulfilled.contains(&f), "{f} in {fulfilled:?}");
    }
}

/// The command line: AIF → argraph JSON (with its `dialogue` section) →
/// AIF keeps the layer, and the report says it was kept, not set aside.
#[test]
fn convert_keeps_the_dialogue_layer_through_argraph_json() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("map.json");
    let back = dir.path().join("back.aif.json");
    let o = argraph(&[
        "convert",
        &data("aif_dialogue.json"),
        json.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("kept: 3 × L (locution) node, kept in the dialogue layer"));
    assert!(!stderr(&o).contains("set aside"), "{}", stderr(&o));
    let text = std::fs::read_to_string(&json).unwrap();
    let written: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(written["dialogue"]["nodes"][0]["id"], "704_10");
    let o = argraph(&["convert", json.to_str().unwrap(), back.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out: Value = serde_json::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    let (_, doc) = read("aif_dialogue.json");
    assert_eq!(aif_sets(&out), aif_sets(&doc));
    // Writers with no place for it say so.
    let graphml = dir.path().join("map.graphml");
    let o = argraph(&["convert", json.to_str().unwrap(), graphml.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("set aside: 12 × record of the dialogue layer"),
        "{}",
        stderr(&o)
    );
}

/// Files written before the dialogue section still read; a graph without
/// one writes none (the seed's JSON is unchanged); a bad section is
/// refused with its place.
#[test]
fn the_dialogue_section_is_optional_and_checked() {
    let seed = std::fs::read_to_string(crate::common::seed_path()).unwrap();
    let g = argraph::json::from_str(&seed).unwrap();
    assert!(g.dialogue().is_none());
    let written = argraph::json::to_string_pretty(&g).unwrap();
    assert!(!written.contains("\"dialogue\""));
    assert_eq!(argraph::json::from_str(&written).unwrap(), g);
    let bad = r#"{"argraph": 1, "nodes": [], "dialogue": {"nodes": [{"id": "1", "type": "XX", "text": ""}]}}"#;
    let err = argraph::json::from_str(bad).unwrap_err().to_string();
    assert!(err.contains("dialogue"), "{err}");
    let unknown = r#"{"argraph": 1, "nodes": [], "dialogue": {"turns": []}}"#;
    assert!(argraph::json::from_str(unknown).is_err());
    let good = json!({"argraph": 1, "nodes": [{"id": "c", "kind": "claim", "text": "C"}], "edges": [],
        "dialogue": {"nodes": [{"id": "L1", "type": "L", "text": "Bob : C", "aif": {"timestamp": "t"}},
                               {"id": "Y1", "type": "YA", "text": "Asserting"}],
                     "edges": [{"from": "L1", "to": "Y1"}, {"from": "Y1", "to": "c"}],
                     "locutions": [{"nodeID": "L1", "personID": 1}],
                     "participants": [{"participantID": 1, "firstname": "Bob"}],
                     "text": {"txt": "C"}}});
    let g = argraph::json::from_str(&good.to_string()).unwrap();
    let (ya, l) = g
        .dialogue()
        .unwrap()
        .locutions_anchoring("c")
        .next()
        .unwrap();
    assert_eq!((ya.id.as_str(), l.id.as_str()), ("Y1", "L1"));
    let again: Value = serde_json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
    assert_eq!(again, good);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// AIF → argraph (through argraph JSON) → AIF gives the same nodes
    /// (ids, types, texts), edges and locutions records, the dialogue
    /// layer included, in the source's shape; and through OVA (which
    /// numbers ids that are not numbers) back to AIFdb too.
    #[test]
    fn aif_to_argraph_to_aif_keeps_the_dialogue_layer(doc in crate::strategies::aif_with_dialogue()) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let flavor = if doc.get("AIF").is_some() { aif::Flavor::Ova } else { aif::Flavor::AifDb };
        let (g, out) = through_argraph(&bytes, flavor);
        prop_assert_eq!(aif_sets(&out), aif_sets(&doc));
        if flavor == aif::Flavor::Ova {
            prop_assert_eq!(&out["AIF"]["participants"], &doc["AIF"]["participants"]);
            prop_assert_eq!(&out["text"], &doc["text"]);
        } else {
            let mut ova = Vec::new();
            aif::to_writer(&g, aif::Flavor::Ova, &mut ova).unwrap();
            let back = aif::from_slice(&ova).unwrap();
            prop_assert_eq!(back.report.warnings(), 0, "{}", back.report);
            prop_assert_eq!(&back.graph, &g);
            let mut out = Vec::new();
            aif::to_writer(&back.graph, aif::Flavor::AifDb, &mut out).unwrap();
            let out: Value = serde_json::from_slice(&out).unwrap();
            prop_assert_eq!(aif_sets(&out), aif_sets(&doc));
        }
    }
}

/// The JSON Schema describes the `dialogue` section: what argraph writes
/// for an AIF file with a dialogue layer is valid; a section the reader
/// refuses, the schema refuses too.
#[test]
fn json_schema_describes_the_dialogue_section() {
    let text = std::fs::read_to_string(root().join("schema/argraph-v1.schema.json")).unwrap();
    let schema = jsonschema::draft202012::new(&serde_json::from_str(&text).unwrap()).unwrap();
    for name in ["aif_dialogue.json", "ova_dialogue.json"] {
        let (bytes, _) = read(name);
        let g = aif::from_slice(&bytes).unwrap().graph;
        let doc: Value =
            serde_json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
        assert!(doc.get("dialogue").is_some());
        let errors: Vec<String> = schema.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    for bad in [
        r#"{"argraph": 1, "nodes": [], "dialogue": {"turns": []}}"#,
        r#"{"argraph": 1, "nodes": [], "dialogue": {"nodes": [{"id": "1", "type": "I", "text": ""}]}}"#,
        r#"{"argraph": 1, "nodes": [], "dialogue": {"edges": [{"from": "1"}]}}"#,
    ] {
        let doc: Value = serde_json::from_str(bad).unwrap();
        assert!(!schema.is_valid(&doc), "the schema accepts {bad}");
        assert!(
            argraph::json::from_str(bad).is_err(),
            "the reader accepts {bad}"
        );
    }
}
