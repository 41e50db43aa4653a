//! The seed analysis: our model of the two Russia–Afghanistan texts is
//! valid, rich, anchored verbatim in its sources, and draws the same way.

use std::collections::HashSet;
use std::path::PathBuf;

use argraph::render::{self, DotOptions};
use argraph::{EdgeKind, NodeKind};

use crate::common;

fn seed() -> argraph::ArgumentGraph {
    argraph::json::load(common::seed_path()).expect("the seed graph is valid")
}

#[test]
fn the_seed_graph_is_valid_and_rich() {
    let g = seed();
    g.validate().unwrap();
    assert!(g.node_count() >= 60, "{} nodes", g.node_count());
    assert!(g.edge_count() >= 90, "{} edges", g.edge_count());
    for kind in NodeKind::ALL {
        assert!(g.nodes_of_kind(*kind).count() > 0, "no {kind} node");
    }
    let ids: HashSet<&str> = g.sources().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, HashSet::from(["opinion", "davoodi-kiani-2024"]));
    for framing in [
        "f-ideological",
        "f-offensive-realism",
        "f-defensive-realism",
        "f-geopolitical",
    ] {
        let f = g
            .node(framing)
            .unwrap_or_else(|| panic!("no framing {framing}"));
        assert_eq!(f.kind(), NodeKind::Framing);
        assert!(g.framed_by(framing).count() >= 3, "{framing} frames little");
    }
    for period in [
        "period:soviet-1979-1989",
        "period:post-2001",
        "period:post-withdrawal",
    ] {
        assert!(g.nodes().any(|n| n.has_tag(period)), "no node of {period}");
    }
    // Disagreements are modelled as attacks, of every subtype.
    for attack in argraph::AttackKind::ALL {
        assert!(
            g.edges().any(|e| e.attack() == Some(*attack)),
            "no {attack}"
        );
    }
    // Offensive and defensive realism rebut each other.
    assert!(g
        .attackers("f-defensive-realism")
        .any(|n| n.id() == "f-offensive-realism"));
    assert!(g
        .attackers("f-offensive-realism")
        .any(|n| n.id() == "f-defensive-realism"));
    // Every node takes part in the argument.
    for n in g.nodes() {
        assert!(
            g.incoming(n.id()).count() + g.outgoing(n.id()).count() > 0,
            "{} is isolated",
            n.id()
        );
    }
    assert!(g.edges_of_kind(EdgeKind::Frames).count() >= 10);
}

#[test]
fn every_evidence_node_carries_provenance_with_locator_and_anchor() {
    let g = seed();
    for n in g.nodes_of_kind(NodeKind::Evidence) {
        assert!(!n.provenance().is_empty(), "{} has no provenance", n.id());
        for p in n.provenance() {
            assert!(
                p.locator.as_deref().is_some_and(|l| !l.is_empty()),
                "{}: no locator",
                n.id()
            );
            assert!(
                p.quote.as_deref().is_some_and(|q| !q.is_empty()),
                "{}: no quote",
                n.id()
            );
        }
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The seed texts live beside the repository in `../shared/seeds/`; CI has
/// them, and there a missing text is a failure.
fn seeds_dir() -> Option<PathBuf> {
    let dir = common::root().join("../shared/seeds");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        !common::dot_required(),
        "CI must have the seed texts at {}",
        dir.display()
    );
    eprintln!("skipped: the seed texts are not at {}", dir.display());
    None
}

#[test]
fn anchor_quotes_are_short_and_verbatim_in_their_source() {
    let Some(dir) = seeds_dir() else { return };
    let g = seed();
    let mut checked = 0;
    for s in g.sources() {
        let file = s
            .data
            .as_ref()
            .and_then(|d| d.get("seed_file"))
            .and_then(|f| f.as_str())
            .unwrap_or_else(|| panic!("source {} names no seed_file", s.id));
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let text = collapse_whitespace(&text);
        for n in g.nodes() {
            for p in n.provenance().iter().filter(|p| p.source == s.id) {
                let Some(quote) = &p.quote else { continue };
                let words = quote.split_whitespace().count();
                assert!(words <= 15, "{}: quote of {words} words", n.id());
                assert!(
                    text.contains(&collapse_whitespace(quote)),
                    "{}: {quote:?} is not verbatim in {file}",
                    n.id()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "only {checked} quotes checked");
}

#[test]
fn the_seed_dot_matches_its_snapshot() {
    let dot = render::dot_string(&seed(), &DotOptions::new());
    insta::assert_snapshot!("russia_afghanistan_dot", dot);
}

#[test]
fn the_committed_svg_is_a_rendering_of_the_seed() {
    let svg =
        std::fs::read_to_string(common::root().join("graphs/russia_afghanistan.svg")).unwrap();
    assert!(svg.contains("<svg"));
    // Graphviz writes hyphens in titles as character references.
    let svg = svg.replace("&#45;", "-");
    let g = seed();
    // Every node is drawn (SVG titles carry the node ids).
    for n in g.nodes() {
        let title = format!("<title>{}</title>", n.id());
        assert!(
            svg.contains(&title),
            "{} is not in the committed SVG",
            n.id()
        );
    }
    assert!(svg.contains("Legend"));
}

#[test]
fn the_seed_renders_with_graphviz() {
    if !common::have_dot("the_seed_renders_with_graphviz") {
        return;
    }
    let svg = render::render(&seed(), &DotOptions::new(), render::Format::Svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(
        svg.contains("Russia&#39;s policy in Afghanistan")
            || svg.contains("Russia's policy in Afghanistan")
    );
}
