//! Regression tests for the defects a run over real corpora found (issue
//! 14, part B), each from a small file written to reproduce it, and the
//! JSON Schema of argraph JSON v1 (part A, item 4).

use argraph::report::Severity;

use crate::common::{argraph, root, stderr};

fn data(name: &str) -> String {
    root().join("tests/data").join(name).display().to_string()
}

/// B1: MA (and RA) nodes whose premise is their conclusion, as in qt30 and
/// us-2016, are set aside with one counted warning; the rest of the file
/// is read.
#[test]
fn aif_self_rephrase_is_set_aside_not_refused() {
    let bytes = std::fs::read(data("aif_self_rephrase.json")).unwrap();
    let imported = argraph::aif::from_slice(&bytes).expect("the file is read");
    let g = &imported.graph;
    assert_eq!((g.node_count(), g.edge_count()), (2, 1));
    assert_eq!(g.supporters("1").next().unwrap().id(), "4");
    let entry = imported
        .report
        .entries()
        .iter()
        .find(|e| e.what().contains("premise is its conclusion"))
        .expect("a warning for the self-loops");
    assert_eq!(entry.severity(), Severity::Warning);
    assert_eq!(entry.count(), 3, "two MA and one RA self-loop");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = argraph(&[
        "convert",
        &data("aif_self_rephrase.json"),
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 × RA/MA node whose premise is its conclusion"));
    let back = argraph::json::load(&out).unwrap();
    assert_eq!(back.node_count(), 2);
}

/// B2: a text over Graphviz's 16,384-byte string limit (one real I-node
/// has 32,596 characters) is cut, with an ellipsis, in what goes into DOT;
/// the graph keeps it whole, and `dot` draws the map.
#[test]
fn text_over_graphviz_string_limit_is_cut_in_dot_and_kept_in_data() {
    let long = format!(
        "{}\\ end",
        "The speaker said \"more\" & more. ".repeat(1_000)
    );
    assert!(long.len() > 32_000);
    let mut g = argraph::ArgumentGraph::new();
    g.evidence("e", &long).unwrap();
    g.claim("c", "A claim.").unwrap();
    g.supports("e", "c").unwrap();
    g.node_mut("c").unwrap().set_label(long.clone());
    let mut dot = Vec::new();
    argraph::render::write_dot(&g, &argraph::render::DotOptions::new(), &mut dot).unwrap();
    let dot = String::from_utf8(dot).unwrap();
    // Each node's HTML-like label and tooltip fit Graphviz's limit.
    let mut strings = 0;
    for line in dot.lines().filter(|l| l.contains("tooltip=\"")) {
        let (before, tooltip) = line.split_once(", tooltip=\"").unwrap();
        let label = &before[before.find("label=<").unwrap()..];
        for s in [label, tooltip] {
            assert!(s.len() < 16_384, "a string of {} bytes", s.len());
            strings += 1;
        }
    }
    assert_eq!(strings, 4, "{dot}");
    assert!(dot.contains('\u{2026}'), "the cut is shown");
    assert_eq!(
        g.node("e").unwrap().text(),
        long,
        "the graph keeps the text"
    );

    if !crate::common::have_dot("text_over_graphviz_string_limit") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("long.json");
    argraph::json::save(&g, &map).unwrap();
    for extra in [&[][..], &["--labels-only"][..]] {
        let svg = dir.path().join("long.svg");
        let mut args = vec!["render", map.to_str().unwrap(), "-o", svg.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = argraph(&args);
        assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
        let svg = std::fs::read_to_string(&svg).unwrap();
        assert!(svg.contains("The speaker said"), "{extra:?}");
    }
}
