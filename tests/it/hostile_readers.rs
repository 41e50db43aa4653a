//! The JSON readers (argraph JSON, AIF/AIFdb, OVA, Argdown JSON) against
//! documents that are not of their format, free JSON that must be kept as
//! written, repeated keys, and messages that must speak the user's words.

use std::fs;

use argraph::convert::{self, Format};
use argraph::{aif, argdown, json, ErrorKind};

use crate::common::{argraph, root, seed_path, stderr};

const AIF_QUIRKS: &str = "tests/data/aif_quirks.json";
const ARGDOWN_MAP: &str = "tests/data/argdown_map.json";

fn read_file(rel: &str) -> Vec<u8> {
    fs::read(root().join(rel)).unwrap()
}

/// The message of reading `bytes` in `format`, which must fail.
fn refusal(bytes: &[u8], format: Format) -> String {
    match convert::read(bytes, format) {
        Ok(imported) => panic!(
            "{format} read {:?} as a graph of {} nodes",
            String::from_utf8_lossy(bytes),
            imported.graph.node_count()
        ),
        Err(e) => e.to_string(),
    }
}

#[test]
fn argdown_from_any_object_is_refused() {
    let others = [
        b"{}".to_vec(),
        br#"{"a": {"b": [[[1]]]}}"#.to_vec(),
        fs::read(seed_path()).unwrap(),
        read_file(AIF_QUIRKS),
    ];
    for doc in &others {
        let err = argdown::from_slice(doc).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::Parse {
                    format: "Argdown JSON",
                    ..
                }
            ),
            "{err}"
        );
        let msg = err.to_string();
        assert!(
            msg.contains("no \"statements\" and no \"arguments\"")
                && msg.contains("not an Argdown JSON document"),
            "{msg}"
        );
    }
    // An Argdown document still reads.
    let map = argdown::from_slice(&read_file(ARGDOWN_MAP)).unwrap();
    assert!(map.graph.node_count() > 0);
}

#[test]
fn argdown_over_its_own_input_leaves_the_file_whole() {
    // The wipe of the issue: the same path as input and output. Two
    // defences hold now: the output is refused as the input itself, and
    // the reading is refused as not Argdown.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.json");
    fs::copy(seed_path(), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let nodes = json::load(&path).unwrap().node_count();
    let p = path.to_str().unwrap();
    let o = argraph(&["convert", "--from", "argdown", p, p]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("same file as the input"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    let other = dir.path().join("out.json");
    let o = argraph(&["convert", "--from", "argdown", p, other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not an Argdown JSON document"),
        "{}",
        stderr(&o)
    );
    assert!(!other.exists());
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(json::load(&path).unwrap().node_count(), nodes);
}

#[test]
fn every_json_reader_refuses_a_document_that_is_not_an_object() {
    let formats = [
        (Format::Argraph, "an argraph JSON document"),
        (Format::Aif, "an AIF document"),
        (Format::Ova, "an AIF document"),
        (Format::Argdown, "an Argdown JSON document"),
    ];
    for (doc, found) in [
        ("[]", "an array"),
        ("[1,2,3]", "an array"),
        ("null", "null"),
        ("3", "a number"),
        ("\"s\"", "a string"),
        ("  true", "a boolean"),
    ] {
        for (format, name) in formats {
            let msg = refusal(doc.as_bytes(), format);
            assert!(
                msg.contains(&format!("this document is {found}, not {name}")),
                "{format} of {doc}: {msg}"
            );
        }
    }
    // The message of the issue: `[1,2,3]` as argraph JSON says what an argraph document is.
    let msg = refusal(b"[1,2,3]", Format::Argraph);
    assert!(
        msg.contains("an object with \"argraph\": 1 and \"nodes\""),
        "{msg}"
    );
    assert!(!msg.contains("expected a string"), "{msg}");
}

#[test]
fn every_json_reader_refuses_the_other_formats_documents() {
    let seed = fs::read(seed_path()).unwrap();
    let aif_doc = read_file(AIF_QUIRKS);
    let argdown_doc = read_file(ARGDOWN_MAP);
    let cases: [(&[u8], Format, &str); 7] = [
        (&seed, Format::Aif, "this is an argraph JSON document"),
        (&seed, Format::Argdown, "no \"statements\""),
        (&aif_doc, Format::Argraph, "\"argraph\" version key"),
        (&aif_doc, Format::Argdown, "no \"statements\""),
        (&argdown_doc, Format::Argraph, "\"argraph\" version key"),
        (&argdown_doc, Format::Aif, "no \"nodes\" array"),
        (b"{}", Format::Aif, "no \"nodes\" array"),
    ];
    for (doc, format, expected) in cases {
        let msg = refusal(doc, format);
        assert!(msg.contains(expected), "{format}: {msg}");
    }
}

#[test]
fn argraph_node_written_as_an_array_is_refused() {
    // serde's derived structs also take arrays: a node `["a", "claim", "t"]`
    // was read as {"id": "a", "kind": "claim", "text": "t"}.
    let doc = br#"{"argraph": 1, "nodes": [["a", "claim", "A claim."]]}"#;
    let err = json::from_slice(doc).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("invalid type: sequence, expected a node object") && msg.contains("nodes[0]"),
        "{msg}"
    );
    let aif_doc = br#"{"nodes": [["1", "It rains.", "I"]], "edges": []}"#;
    let msg = aif::from_slice(aif_doc).unwrap_err().to_string();
    assert!(
        msg.contains("invalid type: sequence, expected an AIF node object")
            && msg.contains("nodes[0]"),
        "{msg}"
    );
}

#[test]
fn convert_keeping_nothing_is_an_error() {
    let dialogue = br#"{"nodes": [{"nodeID": "1", "text": "Bob: it rains", "type": "L"},
                                 {"nodeID": "2", "text": "Asserting", "type": "YA"}],
                       "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}]}"#;
    let msg = refusal(dialogue, Format::Aif);
    assert!(
        msg.contains("nothing of this AIF JSON (AIFdb) document could be kept"),
        "{msg}"
    );
    assert!(msg.contains("L (locution) node"), "{msg}");
    let relations_only =
        br#"{"statements": {}, "relations": [{"relationType": "support", "from": "x", "to": "y"}]}"#;
    let msg = refusal(relations_only, Format::Argdown);
    assert!(
        msg.contains("nothing of this Argdown JSON document"),
        "{msg}"
    );
    // An empty document is no loss.
    assert!(convert::read(br#"{"nodes": [], "edges": []}"#, Format::Aif).is_ok());
    assert!(convert::read(br#"{"statements": {}, "arguments": {}}"#, Format::Argdown).is_ok());

    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("d.json"), dir.path().join("out.json"));
    fs::write(&input, dialogue).unwrap();
    let o = argraph(&["convert", input.to_str().unwrap(), output.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!output.exists());
}

#[test]
fn data_big_integer_kept_as_written() {
    let doc = r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "t", "weight": 0.1,
        "data": {"big": 123456789012345678901234567890, "exp": 1E+2, "frac": 1.50, "neg": -0,
                 "deep": [{"x": 0.30000000000000004}]}}],
        "sources": [{"id": "s", "data": {"n": 1.0}}]}"#;
    let g = json::from_str(doc).unwrap();
    let text = json::to_string_pretty(&g).unwrap();
    for kept in [
        "123456789012345678901234567890",
        "1e+2", // serde_json writes the exponent's letter in lower case
        "1.50",
        "-0",
        "0.30000000000000004",
        "\"n\": 1.0",
    ] {
        assert!(text.contains(kept), "{kept} in {text}");
    }
    assert!(!text.contains("1.2345678901234568e+29") && !text.contains("100.0"));
    assert_eq!(g.node("a").unwrap().weight(), Some(0.1));
    assert_eq!(json::from_str(&text).unwrap(), g);
    // The AIF reader keeps node fields as written too.
    let aif_doc = br#"{"nodes": [{"nodeID": "1", "text": "x", "type": "I", "n": 123456789012345678901234567890}], "edges": []}"#;
    let g = aif::from_slice(aif_doc).unwrap().graph;
    let data = g.node("1").unwrap().data().unwrap().to_string();
    assert!(data.contains("123456789012345678901234567890"), "{data}");
}

#[test]
fn data_duplicate_key_is_refused_with_location() {
    let doc = "{\"argraph\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"claim\", \"text\": \"t\"},\n\
               {\"id\": \"b\", \"kind\": \"claim\", \"text\": \"t\", \"data\": {\"x\": 1, \"y\": {\"z\": 1, \"z\": 2}}}]}";
    let err = json::from_str(doc).unwrap_err();
    assert_eq!(err.line(), Some(2), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("the key \"z\" is repeated"), "{msg}");
    assert!(msg.contains("nodes[1] (id \"b\") > data > y"), "{msg}");

    let cases: [(&[u8], Format, &str); 7] = [
        (
            br#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "t"}], "edges": [{"from": "a", "to": "a", "kind": "attacks", "data": {"q": [{"r": 1, "r": 1}]}}]}"#,
            Format::Argraph,
            "edges[0] > data > q[0]",
        ),
        (
            br#"{"argraph": 1, "sources": [{"id": "s", "data": {"a": 1, "a": 2}}], "nodes": []}"#,
            Format::Argraph,
            "sources[0] (id \"s\") > data",
        ),
        (
            br#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "t", "weight": {"v": 1, "v": 2}}]}"#,
            Format::Argraph,
            "nodes[0] (id \"a\") > weight",
        ),
        (
            br#"{"nodes": [{"nodeID": "1", "type": "I", "text": "x", "timestamp": 1, "timestamp": 2}], "edges": []}"#,
            Format::Aif,
            "nodes[0] (nodeID \"1\")",
        ),
        (
            br#"{"AIF": {"nodes": [{"nodeID": "1", "type": "I", "text": "x", "argraph": {"data": {"k": 1, "k": 1}}}], "edges": []}}"#,
            Format::Ova,
            "nodes[0] (nodeID \"1\") > argraph > data",
        ),
        (
            br#"{"statements": {"A": {"members": [{"text": "a"}]}, "A": {}}}"#,
            Format::Argdown,
            "statement \"A\"",
        ),
        (
            br#"{"statements": {"A": {"members": [{"text": "a", "data": {"k": 1, "k": 2}}]}}}"#,
            Format::Argdown,
            "statement \"A\" > members[0] > data",
        ),
    ];
    for (doc, format, place) in cases {
        let err = convert::read(doc, format).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("is repeated in the same object"),
            "{format}: {msg}"
        );
        assert!(msg.contains(place), "{format}: {place} in {msg}");
        assert_eq!(err.line(), Some(1), "{format}: {msg}");
        assert!(err.column().is_some(), "{format}: {msg}");
    }
}

#[test]
fn duplicate_locution_fields_are_refused() {
    let doc = br#"{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": [],
                   "locutions": [{"nodeID": "9", "personID": 1, "personID": 2}]}"#;
    let msg = aif::from_slice(doc).unwrap_err().to_string();
    assert!(
        msg.contains("\"personID\" is repeated") && msg.contains("locutions[0]"),
        "{msg}"
    );
}

#[test]
fn no_internal_type_names_in_messages() {
    let seed_like = |node: &str| format!(r#"{{"argraph": 1, "nodes": [{node}]}}"#);
    let cases: Vec<(Vec<u8>, Format)> = vec![
        (b"[]".to_vec(), Format::Argraph),
        (b"{\"argraph\": 1}".to_vec(), Format::Argraph),
        (seed_like("3").into_bytes(), Format::Argraph),
        (
            br#"{"argraph": 1, "nodes": [], "sources": [3]}"#.to_vec(),
            Format::Argraph,
        ),
        (
            seed_like(r#"{"id": "a", "kind": "claim", "text": "t", "provenance": [3]}"#)
                .into_bytes(),
            Format::Argraph,
        ),
        (
            br#"{"argraph": 1, "nodes": [], "edges": [3]}"#.to_vec(),
            Format::Argraph,
        ),
        (br#"{"nodes": [3]}"#.to_vec(), Format::Aif),
        (br#"{"nodes": [], "edges": [3]}"#.to_vec(), Format::Aif),
        (br#"{"nodes": [], "locutions": [3]}"#.to_vec(), Format::Aif),
        (
            br#"{"nodes": [], "schemefulfillments": [3]}"#.to_vec(),
            Format::Aif,
        ),
        (br#"{"nodes": [], "argraph": "x"}"#.to_vec(), Format::Aif),
        (
            br#"{"nodes": [{"nodeID": "1", "argraph": 3}]}"#.to_vec(),
            Format::Aif,
        ),
        (
            br#"{"nodes": [{"nodeID": "1", "argraph": {"frames": [3]}}]}"#.to_vec(),
            Format::Aif,
        ),
        (br#"{"AIF": 3}"#.to_vec(), Format::Ova),
        (br#"{"statements": 3}"#.to_vec(), Format::Argdown),
        (
            br#"{"statements": {"A": {"members": [3]}}}"#.to_vec(),
            Format::Argdown,
        ),
        (
            br#"{"statements": {"A": {"members": [{"ranges": [3]}]}}}"#.to_vec(),
            Format::Argdown,
        ),
        (
            br#"{"arguments": {"A": {"pcs": [3]}}}"#.to_vec(),
            Format::Argdown,
        ),
        (
            br#"{"arguments": {"A": {"pcs": [{"inference": 3}]}}}"#.to_vec(),
            Format::Argdown,
        ),
        (
            br#"{"arguments": {}, "relations": [3]}"#.to_vec(),
            Format::Argdown,
        ),
    ];
    let internal = [
        "struct",
        "Raw",
        "DocExt",
        "Document",
        "Extension",
        "FrameExt",
        "Record",
        "Fulfillment",
        "a map",
    ];
    for (doc, format) in cases {
        let msg = refusal(&doc, format);
        for name in internal {
            assert!(
                !msg.contains(name),
                "{format} of {}: {name:?} in {msg}",
                String::from_utf8_lossy(&doc)
            );
        }
    }
}

#[test]
fn aif_ra_self_loop_is_set_aside_with_warning() {
    let doc = br#"{"nodes": [{"nodeID": "1", "text": "It rains.", "type": "I"},
                             {"nodeID": "2", "text": "Default Inference", "type": "RA"},
                             {"nodeID": "3", "text": "It is wet.", "type": "I"},
                             {"nodeID": "4", "text": "Default Inference", "type": "RA"}],
                  "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"},
                            {"edgeID": "2", "fromID": "2", "toID": "1"},
                            {"edgeID": "3", "fromID": "1", "toID": "4"},
                            {"edgeID": "4", "fromID": "4", "toID": "3"}]}"#;
    let imported = aif::from_slice(doc).unwrap();
    let g = &imported.graph;
    assert_eq!((g.node_count(), g.edge_count()), (2, 1));
    assert_eq!(g.supporters("3").next().unwrap().id(), "1");
    let entry = imported
        .report
        .entries()
        .iter()
        .find(|e| e.what().contains("premise is its conclusion"))
        .expect("a warning for the self-loop");
    assert_eq!(entry.severity(), argraph::report::Severity::Warning);
    assert_eq!(entry.count(), 1);
    assert!(
        entry.examples()[0].contains("\"2\""),
        "{:?}",
        entry.examples()
    );
}

#[test]
fn deeply_nested_data_is_refused_in_every_reader() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let docs = [
        (
            format!(
                r#"{{"argraph": 1, "nodes": [{{"id": "a", "kind": "claim", "text": "t", "data": {deep}}}]}}"#
            ),
            Format::Argraph,
        ),
        (
            format!(r#"{{"nodes": [{{"nodeID": "1", "type": "I", "text": "t", "x": {deep}}}]}}"#),
            Format::Aif,
        ),
        (
            format!(
                r#"{{"statements": {{"A": {{"members": [{{"text": "a", "data": {deep}}}]}}}}}}"#
            ),
            Format::Argdown,
        ),
    ];
    for (doc, format) in docs {
        let msg = refusal(doc.as_bytes(), format);
        assert!(
            msg.contains("recursion limit"),
            "{format}: {}",
            &msg[..msg.len().min(300)]
        );
    }
}

/// Found by the `aif_read` fuzz target: a document without `nodes` was
/// refused with line 0, column 0. The refusal points into the document.
#[test]
fn aif_without_nodes_is_refused_at_a_position_in_the_document() {
    for text in ["{}", "{\"OVA\": \"\"}", "\n  {\"edges\": []}"] {
        let err = argraph::aif::from_slice(text.as_bytes()).unwrap_err();
        let (line, column) = (err.line().unwrap(), err.column().unwrap());
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            line >= 1 && line <= lines.len(),
            "{text:?}: {line}:{column} {err}"
        );
        assert!(
            column >= 1 && column <= lines[line - 1].chars().count() + 1,
            "{text:?}: {line}:{column}"
        );
        assert!(err.to_string().contains("no \"nodes\" array"), "{err}");
    }
}

/// Found by the `argdown_read` fuzz target (`{"argumentsts": {}, …}`): the
/// refusal of a document with neither statements nor arguments had no
/// position. It points where the document opens.
#[test]
fn argdown_without_statements_is_refused_at_a_position_in_the_document() {
    for text in ["{\"argumentsts\": {}, \"relations\": []}", "\n\n   {}"] {
        let err = argraph::argdown::from_slice(text.as_bytes()).unwrap_err();
        let (line, column) = (err.line().unwrap(), err.column().unwrap());
        let lines: Vec<&str> = text.split('\n').collect();
        assert!(
            line >= 1 && line <= lines.len(),
            "{text:?}: {line}:{column} {err}"
        );
        assert!(column >= 1 && column <= lines[line - 1].chars().count() + 1);
        assert!(err.to_string().contains("no \"statements\""), "{err}");
    }
}
