//! Malformed, truncated, non-UTF-8, binary and absurdly nested input: an
//! error with a position, never a panic or a stack overflow.

use argraph::{ErrorKind, ParseCategory};
use proptest::prelude::*;

fn parse_error(bytes: &[u8]) -> (ParseCategory, usize, usize, String) {
    let err = argraph::json::from_slice(bytes).expect_err("input is bad");
    match err.kind() {
        ErrorKind::Parse {
            category,
            line,
            column,
            message,
            format,
        } => {
            assert_eq!(*format, "JSON");
            (*category, *line, *column, message.clone())
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

const VALID: &str = r#"{"argraph": 1,
 "sources": [{"id": "s", "title": "S"}],
 "nodes": [{"id": "e", "kind": "evidence", "text": "E", "provenance": [{"source": "s", "quote": "q"}]},
           {"id": "c", "kind": "claim", "text": "C", "weight": 0.5}],
 "edges": [{"from": "e", "to": "c", "kind": "supports"}]}"#;

#[test]
fn malformed_json_reports_line_and_column() {
    let (cat, line, col, msg) = parse_error(b"{\"argraph\": 1,\n \"nodes\": [}\n");
    assert_eq!(cat, ParseCategory::Syntax);
    assert_eq!((line, col), (2, 12));
    assert!(msg.contains("expected value"), "{msg}");
}

#[test]
fn truncated_input_is_an_eof_error_at_every_cut() {
    for cut in 1..VALID.len() {
        if !VALID.is_char_boundary(cut) {
            continue;
        }
        let err = argraph::json::from_slice(&VALID.as_bytes()[..cut]).expect_err("truncated");
        assert!(
            matches!(err.kind(), ErrorKind::Parse { .. }),
            "cut at {cut}: {err}"
        );
    }
    let (cat, ..) = parse_error(&VALID.as_bytes()[..VALID.len() - 1]);
    assert_eq!(cat, ParseCategory::Eof);
}

#[test]
fn empty_input_is_an_error() {
    let (cat, ..) = parse_error(b"");
    assert_eq!(cat, ParseCategory::Eof);
    let (cat, ..) = parse_error(b"   \n ");
    assert_eq!(cat, ParseCategory::Eof);
}

#[test]
fn non_utf8_bytes_are_an_error_with_position() {
    let mut bytes =
        br#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "caf"#.to_vec();
    bytes.extend_from_slice(&[0xE9, b'"', b'}', b']', b'}']); // Latin-1 "é"
    let (cat, line, col, msg) = parse_error(&bytes);
    assert_eq!(cat, ParseCategory::Syntax);
    assert_eq!(line, 1);
    assert!(col > 60, "column {col}");
    assert!(msg.contains("unicode") || msg.contains("UTF-8"), "{msg}");
}

#[test]
fn utf16_input_is_refused_not_misread() {
    let utf16: Vec<u8> = "{\"argraph\": 1, \"nodes\": []}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(argraph::json::from_slice(&utf16).is_err());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(VALID.as_bytes());
    assert_eq!(argraph::json::from_slice(&bytes).unwrap().node_count(), 2);
}

#[test]
fn binary_input_is_an_error() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let (_, line, col, _) = parse_error(png);
    assert_eq!((line, col), (1, 1));
    let zeros = vec![0u8; 4096];
    assert!(argraph::json::from_slice(&zeros).is_err());
}

#[test]
fn absurd_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000, 1_000_000] {
        let mut doc = String::from(
            r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A", "data": "#,
        );
        doc.push_str(&"[".repeat(depth));
        doc.push_str(&"]".repeat(depth));
        doc.push_str("}]}");
        let (cat, line, _, msg) = parse_error(doc.as_bytes());
        assert_eq!(cat, ParseCategory::Syntax);
        assert_eq!(line, 1);
        assert!(msg.contains("recursion limit"), "{msg}");
        // Nesting at the top level too.
        let top = "[".repeat(depth);
        assert!(argraph::json::from_str(&top).is_err());
    }
}

#[test]
fn moderate_nesting_in_user_data_is_fine() {
    let mut doc = String::from(
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A", "data": {"x": "#,
    );
    doc.push_str(&"[".repeat(100));
    doc.push_str(&"]".repeat(100));
    doc.push_str("}}]}");
    assert!(argraph::json::from_str(&doc).is_ok());
}

#[test]
fn wrong_types_are_data_errors_with_position() {
    let (cat, line, _, msg) = parse_error(b"{\"argraph\": 1,\n\"nodes\": {\"id\": \"a\"}}");
    assert_eq!(cat, ParseCategory::Data);
    assert_eq!(line, 2);
    assert!(msg.contains("expected a sequence"), "{msg}");
    let (cat, ..) =
        parse_error(br#"{"argraph": 1, "nodes": [{"id": 7, "kind": "claim", "text": "A"}]}"#);
    assert_eq!(cat, ParseCategory::Data);
}

#[test]
fn other_versions_are_refused_with_a_clear_message() {
    for (doc, found) in [
        (r#"{"argraph": 2, "nodes": []}"#, Some("2")),
        (r#"{"argraph": "1", "nodes": []}"#, Some("\"1\"")),
        (r#"{"argraph": 1.5, "nodes": []}"#, Some("1.5")),
        // A future version may have another shape: the version is what is reported.
        (r#"{"argraph": 2, "graph": {"vertices": []}}"#, Some("2")),
        (r#"{"nodes": []}"#, None),
    ] {
        let err = argraph::json::from_str(doc).unwrap_err();
        match err.kind() {
            ErrorKind::UnsupportedVersion {
                found: f,
                supported,
            } => {
                assert_eq!(f.as_deref(), found, "{doc}");
                assert_eq!(*supported, 1);
            }
            other => panic!("{doc}: expected a version error, got {other:?}"),
        }
        let msg = err.to_string();
        assert!(
            msg.contains("version") || msg.contains("\"argraph\""),
            "{msg}"
        );
    }
}

#[test]
fn a_json_value_that_is_not_an_object_is_refused() {
    for doc in ["[]", "42", "\"argraph\"", "null"] {
        assert!(argraph::json::from_str(doc).is_err(), "{doc}");
    }
}

#[test]
fn a_missing_file_names_the_file() {
    let err = argraph::json::load("/definitely/not/here.json").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io(_)));
    assert!(
        err.to_string().starts_with("/definitely/not/here.json: "),
        "{err}"
    );
}

#[test]
fn a_parse_error_in_a_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\"argraph\": 1,\n  \"nodes\": [,]}").unwrap();
    let err = argraph::json::load(&path).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!("{}:2:13: JSON error: ", path.display())),
        "{msg}"
    );
    assert_eq!(err.path(), Some(path.as_path()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = argraph::json::from_slice(&bytes);
    }

    #[test]
    fn mutated_valid_documents_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = VALID.as_bytes().to_vec();
        for (i, b) in edits {
            let i = i.index(bytes.len());
            bytes[i] = b;
        }
        let _ = argraph::json::from_slice(&bytes);
    }

    #[test]
    fn arbitrary_structured_documents_never_panic(
        nodes in prop::collection::vec((
            prop::option::of("[a-c]"),
            prop::option::of(prop_oneof![Just("claim"), Just("evidence"), Just("framing"), Just("argument"), Just("x")]),
            prop::option::of("[ -~]{0,3}"),
            prop::option::of(-1.0..2.0f64),
        ), 0..6),
        edges in prop::collection::vec((
            prop::option::of("[a-d]"),
            prop::option::of("[a-d]"),
            prop::option::of(prop_oneof![Just("supports"), Just("attacks"), Just("frames"), Just("y")]),
            prop::option::of(prop_oneof![Just("rebut"), Just("undercut"), Just("z")]),
        ), 0..8),
    ) {
        use serde_json::{json, Map, Value};
        let put = |m: &mut Map<String, Value>, k: &str, v: Option<Value>| {
            if let Some(v) = v { m.insert(k.into(), v); }
        };
        let nodes: Vec<Value> = nodes.into_iter().map(|(id, kind, text, w)| {
            let mut m = Map::new();
            put(&mut m, "id", id.map(Value::from));
            put(&mut m, "kind", kind.map(Value::from));
            put(&mut m, "text", text.map(Value::from));
            put(&mut m, "weight", w.map(Value::from));
            Value::Object(m)
        }).collect();
        let edges: Vec<Value> = edges.into_iter().map(|(f, t, k, a)| {
            let mut m = Map::new();
            put(&mut m, "from", f.map(Value::from));
            put(&mut m, "to", t.map(Value::from));
            put(&mut m, "kind", k.map(Value::from));
            put(&mut m, "attack", a.map(Value::from));
            Value::Object(m)
        }).collect();
        let doc = json!({"argraph": 1, "nodes": nodes, "edges": edges}).to_string();
        match argraph::json::from_str(&doc) {
            // Whatever loads is valid and survives a round trip.
            Ok(g) => {
                g.validate().unwrap();
                let again = argraph::json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
                prop_assert_eq!(again, g);
            }
            Err(e) => prop_assert!(!e.problems().is_empty() || e.line().is_some(), "{}", e),
        }
    }
}
