//! argraph → AIF → argraph gives back the same graph: property tests over
//! arbitrary graphs, in both AIF flavours.

use argraph::aif::{self, Flavor};
use argraph::{ArgumentGraph, EdgeKind};
use proptest::prelude::*;

use crate::strategies::graph_aif_safe;

fn through_aif(g: &ArgumentGraph, flavor: Flavor) -> ArgumentGraph {
    let mut out = Vec::new();
    aif::to_writer(g, flavor, &mut out).unwrap();
    aif::from_slice(&out)
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)))
        .graph
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::proptest_cases()))]

    #[test]
    fn argraph_to_aifdb_and_back(g in graph_aif_safe()) {
        let back = through_aif(&g, Flavor::AifDb);
        prop_assert_eq!(&back, &g);
    }

    #[test]
    fn argraph_to_ova_and_back(g in graph_aif_safe()) {
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
    // An argument written as an RA node (one conclusion, a scheme's name):
    // one written as an I-node gets an RA node per supports edge.
    g.node_mut("a").unwrap().set_text("Default Inference");
    g.supports("a", "c").unwrap();
    g.supports("e", "a").unwrap();
    g.supports("e", "a").unwrap();
    let mut out = Vec::new();
    let report = aif::to_writer(&g, Flavor::AifDb, &mut out).unwrap();
    assert_eq!(report.warnings(), 1);
    assert!(report.to_string().contains("\"e\" -> \"a\""), "{report}");
}
