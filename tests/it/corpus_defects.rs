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
    let o = argraph(&["convert", &data("aif_self_rephrase.json"), out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 × RA/MA node whose premise is its conclusion"));
    let back = argraph::json::load(&out).unwrap();
    assert_eq!(back.node_count(), 2);
}
