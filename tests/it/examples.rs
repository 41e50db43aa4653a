//! The examples run as part of the tests, so they never go stale.

use crate::common;

#[allow(dead_code)]
#[path = "../../examples/build_graph.rs"]
mod build_graph;

#[allow(dead_code)]
#[path = "../../examples/render_seed.rs"]
mod render_seed;

#[test]
fn build_graph_example_builds_a_valid_graph_with_dot() {
    let g = build_graph::build().unwrap();
    assert_eq!(g.node_count(), 6);
    assert_eq!(g.framed_by("f-def").next().unwrap().id(), "c-repel");
    let dot = argraph::render::dot_string(&g, &argraph::render::DotOptions::new());
    assert!(graphviz_rust::parse(&dot).is_ok());
    assert!(dot.contains("tactical, not aggressive"));
}

#[test]
fn render_seed_example_renders_an_svg() {
    // Drawn by the built-in renderer: no Graphviz needed.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("seed.svg");
    let summary = render_seed::run(&out).unwrap();
    let g = argraph::json::load(common::seed_path()).unwrap();
    let counts = format!("{} nodes, {} edges", g.node_count(), g.edge_count());
    assert!(summary.contains(&counts), "{summary}");
    assert!(summary.contains("Defensive realism"), "{summary}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
}
