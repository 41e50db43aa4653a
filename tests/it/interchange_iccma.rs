//! `convert` between the ICCMA formats (i23 → apx → tgf → i23 gives back
//! the same framework), and between ICCMA and rich graphs.

use std::fs;

use argraph::convert::{self, Content, Format};
use argraph::{iccma, NodeKind};
use proptest::prelude::*;

use crate::strategies::framework_distinct_attacks;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// i23 → apx → tgf → i23 through `argraph::convert::convert`, file to file.
    #[test]
    fn i23_apx_tgf_i23(af in framework_distinct_attacks()) {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name);
        let mut i23 = Vec::new();
        iccma::write_i23(&af, &mut i23).unwrap();
        fs::write(path("a.i23"), &i23).unwrap();
        for (from, to) in [("a.i23", "b.apx"), ("b.apx", "c.tgf"), ("c.tgf", "d.i23")] {
            let done = convert::convert(&path(from), &path(to), None, None).unwrap();
            prop_assert!(matches!(done.content, Content::Framework(_)));
        }
        // The same framework: arguments, attacks and their order. (Not the
        // same bytes: apx and tgf name the arguments, and i23 keeps names
        // as comment lines.)
        prop_assert_eq!(iccma::read_path(&path("d.i23"), None).unwrap(), af.clone());
        for p in ["b.apx", "c.tgf"] {
            let mid = iccma::read_path(&path(p), None).unwrap();
            prop_assert_eq!(mid.len(), af.len());
            prop_assert_eq!(mid.attack_pairs().collect::<Vec<_>>(), af.attack_pairs().collect::<Vec<_>>());
        }
    }
}

#[test]
fn a_rich_graph_to_iccma_is_its_dung_view() {
    let dir = tempfile::tempdir().unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graphs/russia_afghanistan.json"
    );
    let out = dir.path().join("seed.apx");
    let done = convert::convert(seed.as_ref(), &out, None, None).unwrap();
    let g = done.graph().unwrap();
    let af = iccma::read_path(&out, None).unwrap();
    let view = argraph::reason::dung_view(g, argraph::reason::SupportMode::Bipolar, None).unwrap();
    assert_eq!(&af, view.framework());
    assert_eq!(af.len(), g.node_count());
    assert!(done.written.to_string().contains("Dung view"));
    // i23 numbers the arguments: the report says the names are comments only.
    let done = convert::convert(seed.as_ref(), &dir.path().join("seed.i23"), None, None).unwrap();
    assert!(
        done.written.to_string().contains("argument names"),
        "{}",
        done.written
    );
}

#[test]
fn an_iccma_framework_read_as_a_rich_graph() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("f.apx");
    fs::write(
        &input,
        "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,c).\n",
    )
    .unwrap();
    let out = dir.path().join("f.json");
    let done = convert::convert(&input, &out, None, None).unwrap();
    assert_eq!(done.from, Format::Apx);
    let g = argraph::json::load(&out).unwrap();
    assert_eq!(g.nodes_of_kind(NodeKind::Claim).count(), 3);
    assert_eq!(g.attackers("c").count(), 2);
    assert_eq!(g.node("a").unwrap().text(), "a");
    // And back to apx: the same framework (a claim graph's Dung view is itself).
    let again = dir.path().join("g.apx");
    convert::convert(&out, &again, None, None).unwrap();
    assert_eq!(
        iccma::read_path(&again, None).unwrap(),
        iccma::read_path(&input, None).unwrap()
    );
}

#[test]
fn a_malformed_framework_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.i23");
    fs::write(&input, "p af 2\n1 x\n").unwrap();
    let out = dir.path().join("out.apx");
    let err = convert::convert(&input, &out, None, None).unwrap_err();
    assert_eq!((err.line(), err.column()), (Some(2), Some(3)));
    assert!(err.to_string().contains("bad.i23"), "{err}");
    assert!(!out.exists());
}
