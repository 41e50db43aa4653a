//! A picture that reads (issue 13.2): the crossing counter of
//! `examples/crossings.rs`, the seed's crossings under a bound, framings at
//! the top of their boxes, boxes by tag, tag lines, edge labels as
//! `xlabel`s, and a legend scaled to the map.

use std::collections::{BTreeMap, BTreeSet};

use argraph::render::{self, Cluster, DotOptions, Tags};
use argraph::ArgumentGraph;

use crate::common;

#[allow(dead_code)]
#[path = "../../examples/crossings.rs"]
mod crossings;

use crossings::{count_crossings, parse_layout, polyline, LaidEdge};

fn edge(tail: u64, head: u64, path: &[(f64, f64)]) -> LaidEdge {
    LaidEdge {
        tail,
        head,
        path: path.to_vec(),
    }
}

#[test]
fn crossing_counter_counts_an_x_as_one_crossing() {
    let x = [
        edge(0, 1, &[(0.0, 0.0), (10.0, 10.0)]),
        edge(2, 3, &[(0.0, 10.0), (10.0, 0.0)]),
    ];
    assert_eq!(count_crossings(&x), 1);
}

#[test]
fn crossing_counter_counts_parallel_edges_as_none() {
    let parallel = [
        edge(0, 1, &[(0.0, 0.0), (10.0, 0.0)]),
        edge(2, 3, &[(0.0, 5.0), (10.0, 5.0)]),
        edge(4, 5, &[(0.0, 9.0), (5.0, 9.5), (10.0, 9.0)]),
    ];
    assert_eq!(count_crossings(&parallel), 0);
}

#[test]
fn crossing_counter_ignores_edges_that_share_a_node() {
    // The X again, but both edges leave node 0: they meet there by design.
    let shared = [
        edge(0, 1, &[(0.0, 0.0), (10.0, 10.0)]),
        edge(0, 3, &[(0.0, 10.0), (10.0, 0.0)]),
    ];
    assert_eq!(count_crossings(&shared), 0);
}

#[test]
fn crossing_counter_counts_a_pair_once_however_often_it_crosses() {
    // A zigzag crossing a straight line three times, and a third edge
    // crossing both: three pairs.
    let edges = [
        edge(0, 1, &[(0.0, 5.0), (30.0, 5.0)]),
        edge(2, 3, &[(0.0, 0.0), (10.0, 10.0), (20.0, 0.0), (30.0, 10.0)]),
        edge(4, 5, &[(15.0, -5.0), (15.0, 20.0)]),
    ];
    assert_eq!(count_crossings(&edges), 3);
}

#[test]
fn crossing_counter_reads_splines_from_dot_json() {
    // One Bézier piece each, bent the same way: they cross once, in the middle.
    let json = r#"{"bb": "0,0,100,50", "edges": [
        {"tail": 0, "head": 1, "pos": "e,100,50 0,0 30,10 70,40 98,49"},
        {"tail": 2, "head": 3, "pos": "0,50 30,40 70,10 100,0"},
        {"tail": 4, "head": 5, "style": "invis", "pos": "0,25 30,25 70,25 100,25"}
    ]}"#;
    let (edges, bb) = parse_layout(json).unwrap();
    assert_eq!(bb, [0.0, 0.0, 100.0, 50.0]);
    assert_eq!(edges.len(), 2, "invisible edges are not drawn");
    assert_eq!(edges[0].path.first(), Some(&(0.0, 0.0)));
    assert_eq!(
        edges[0].path.last(),
        Some(&(100.0, 50.0)),
        "ends at the arrow's tip"
    );
    assert_eq!(count_crossings(&edges), 1);
    assert!(polyline("0,0 1,1").is_err(), "a spline has 3n+1 points");
}

/// The crossings of the seed's default drawing: 106 pairs before issue 13.2
/// (6330×2050 pt), 57 after (5093×2196 pt, the tag lines adding height).
#[test]
fn seed_default_drawing_has_at_most_65_crossing_edge_pairs() {
    if !common::have_dot("seed_default_drawing_has_at_most_65_crossing_edge_pairs") {
        return;
    }
    let m = crossings::measure(crossings::seed_dot().unwrap().as_bytes()).unwrap();
    assert!(m.crossings <= 65, "{m:?}");
    assert!(m.width < 6000.0, "{m:?}");
}

/// Without boxes the framings' 30 frames edges cut across the map: 569
/// crossing pairs before, 81 once each framing ranks over what it frames.
#[test]
fn seed_without_boxes_has_at_most_100_crossing_edge_pairs() {
    if !common::have_dot("seed_without_boxes_has_at_most_100_crossing_edge_pairs") {
        return;
    }
    let g = seed();
    let mut opts = DotOptions::new();
    opts.cluster(Cluster::None);
    let m = crossings::measure(render::dot_string(&g, &opts).as_bytes()).unwrap();
    assert!(m.crossings <= 100, "{m:?}");
}

fn seed() -> ArgumentGraph {
    argraph::json::load(common::seed_path()).unwrap()
}

/// The boxes of a DOT text (as the writer lays it out): title → node ids.
fn boxes(dot: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, BTreeSet<String>)> = None;
    for line in dot.lines() {
        if line.starts_with("  subgraph \"cluster_") && !line.contains("legend") {
            current = Some((String::new(), BTreeSet::new()));
        } else if line == "  }" {
            if let Some((title, ids)) = current.take() {
                out.insert(title, ids);
            }
        } else if let Some((title, ids)) = &mut current {
            if let Some(rest) = line.strip_prefix("    graph [label=<<I>") {
                *title = rest.split_once("</I>").unwrap().0.to_string();
            } else if let Some(rest) = line.strip_prefix("    \"") {
                ids.insert(rest.split_once("\" [").unwrap().0.to_string());
            }
        }
    }
    out
}

/// The invisible edges of a DOT text, as (from, to).
fn invisible_edges(dot: &str) -> BTreeSet<(String, String)> {
    dot.lines()
        .filter(|l| l.ends_with("[style=invis];") && !l.contains("legend:"))
        .filter_map(|l| l.trim().strip_prefix('"')?.split_once("\" -> \""))
        .map(|(a, rest)| (a.to_string(), rest.split_once('"').unwrap().0.to_string()))
        .collect()
}

#[test]
fn framing_boxes_anchor_each_framing_over_the_box_conclusions() {
    let g = seed();
    let dot = render::dot_string(&g, &DotOptions::new());
    let anchors = invisible_edges(&dot);
    let boxes = boxes(&dot);
    for f in g.nodes_of_kind(argraph::NodeKind::Framing) {
        let (_, members) = boxes.iter().find(|(_, m)| m.contains(f.id())).unwrap();
        let into: Vec<&String> = anchors
            .iter()
            .filter(|(_, to)| to == f.id())
            .map(|(from, _)| from)
            .collect();
        assert!(!into.is_empty(), "{} has no anchor", f.id());
        for from in into {
            assert!(members.contains(from), "{from} is not in {}'s box", f.id());
            // A conclusion of the box: it supports or attacks nothing in it.
            let inside = g
                .edges()
                .filter(|e| e.from().id() == from && members.contains(e.to().id()))
                .any(|e| e.kind() != argraph::EdgeKind::Frames);
            assert!(!inside, "{from} is not a conclusion of {}'s box", f.id());
        }
    }
}

/// In Graphviz's coordinates y grows upwards; the seed's layout is
/// bottom-to-top, so a framing on top of its box has the box's largest y.
#[test]
fn seed_framings_sit_at_the_top_of_their_boxes() {
    if !common::have_dot("seed_framings_sit_at_the_top_of_their_boxes") {
        return;
    }
    let g = seed();
    let dot = render::dot_string(&g, &DotOptions::new());
    let json = crossings::layout_json(dot.as_bytes()).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let y: BTreeMap<&str, f64> = json["objects"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| {
            let pos = o["pos"].as_str()?;
            let y = pos.split_once(',')?.1.parse().ok()?;
            Some((o["name"].as_str()?, y))
        })
        .collect();
    for (title, members) in boxes(&dot) {
        let framing = members.iter().find(|m| m.starts_with("f-")).unwrap();
        for m in &members {
            assert!(
                y[framing.as_str()] >= y[m.as_str()],
                "{title}: {m} above {framing}"
            );
        }
    }
}

#[test]
fn cluster_period_boxes_each_node_by_its_first_period_tag() {
    let g = seed();
    let mut opts = DotOptions::new();
    opts.cluster("period".parse().unwrap());
    let boxes = boxes(&render::dot_string(&g, &opts));
    let mut expected: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for n in g.nodes() {
        if let Some(t) = n.tags().iter().find(|t| t.starts_with("period:")) {
            expected.entry(t.clone()).or_default().insert(n.id().into());
        }
    }
    assert_eq!(expected.len(), 4, "the seed has four periods");
    assert_eq!(boxes, expected);
}

#[test]
fn cluster_tag_prefix_boxes_by_that_prefix_on_the_command_line() {
    let seed = common::seed_path();
    let out = common::argraph(&["dot", seed.to_str().unwrap(), "--cluster", "tag:actor"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let boxes = boxes(&common::stdout(&out));
    assert!(boxes.contains_key("actor:taliban"), "{:?}", boxes.keys());
    // `actor` alone is a tag of the seed too: a tag equal to the prefix counts.
    assert!(boxes
        .keys()
        .all(|t| t == "actor" || t.starts_with("actor:")));
    let period = common::argraph(&["dot", seed.to_str().unwrap(), "--cluster", "period"]);
    assert!(boxes_of(&period).contains_key("period:soviet-1979-1989"));
    let empty = common::argraph(&["dot", seed.to_str().unwrap(), "--cluster", "tag:"]);
    assert_eq!(empty.status.code(), Some(2), "{}", common::stderr(&empty));
    assert!(common::stderr(&empty).contains("tag:PREFIX"));
}

fn boxes_of(out: &std::process::Output) -> BTreeMap<String, BTreeSet<String>> {
    assert!(out.status.success(), "{}", common::stderr(out));
    boxes(&common::stdout(out))
}

#[test]
fn tag_line_shows_the_chosen_tags() {
    let mut g = ArgumentGraph::new();
    g.claim("c", "A claim.")
        .unwrap()
        .add_tag("period:2021")
        .add_tag("actor:taliban")
        .add_tag("threat <&>");
    let mut opts = DotOptions::new();
    // A line of up to 60 characters: unwrapped.
    opts.wrap(40);
    let dot = render::dot_string(&g, &opts);
    assert!(dot.contains("#period:2021 #actor:taliban #threat &lt;&amp;&gt;"));
    opts.tags("actor,period".parse().unwrap());
    let dot = render::dot_string(&g, &opts);
    assert!(dot.contains("#period:2021 #actor:taliban") && !dot.contains("#threat"));
    opts.tags(Tags::None);
    assert!(!render::dot_string(&g, &opts).contains("#period"));
    let seed = common::seed_path();
    let out = common::argraph(&["dot", seed.to_str().unwrap(), "--tags", "none"]);
    assert!(out.status.success() && !common::stdout(&out).contains("#period:"));
}

#[test]
fn edge_labels_are_xlabels_placed_after_layout() {
    let mut g = ArgumentGraph::new();
    g.claim("a", "A").unwrap();
    g.claim("b", "B").unwrap();
    g.attacks("a", "b").unwrap().set_label("rival \"reading\"");
    let dot = render::dot_string(&g, &DotOptions::new());
    let line = dot.lines().find(|l| l.contains("\"a\" -> \"b\"")).unwrap();
    assert!(line.contains("xlabel=\"rival \\\"reading\\\"\""), "{line}");
    assert!(!line.contains(" label="), "{line}");
}

#[test]
fn legend_shows_only_what_the_map_draws() {
    let mut g = ArgumentGraph::new();
    g.claim("c", "A claim.").unwrap();
    g.evidence("e", "Evidence.").unwrap();
    g.supports("e", "c").unwrap();
    let mut opts = DotOptions::new();
    opts.cluster(Cluster::None);
    let dot = render::dot_string(&g, &opts);
    assert!(dot.contains("\"legend:claim\"") && dot.contains("\"legend:evidence\""));
    assert!(!dot.contains("\"legend:framing\"") && !dot.contains("\"legend:argument\""));
    assert!(dot.contains("label=\"supports\""));
    assert!(!dot.contains("label=\"rebuts\"") && !dot.contains("label=\"frames\""));
    // An empty map shows the whole visual language.
    let empty = render::dot_string(&ArgumentGraph::new(), &opts);
    assert!(empty.contains("\"legend:framing\"") && empty.contains("label=\"undercuts\""));
}

/// The legend of a one-node neighbourhood of the seed took half the
/// picture's width; now about a quarter.
#[test]
fn legend_of_a_small_map_takes_under_a_third_of_its_width() {
    if !common::have_dot("legend_of_a_small_map_takes_under_a_third_of_its_width") {
        return;
    }
    let seed = common::seed_path();
    let args = ["dot", seed.to_str().unwrap(), "--focus", "c-impose-policy"];
    let out = common::argraph(&[&args[..], &["--depth", "1"]].concat());
    assert!(out.status.success(), "{}", common::stderr(&out));
    let json = crossings::layout_json(&out.stdout).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let width = |bb: &serde_json::Value| {
        let v: Vec<f64> = bb
            .as_str()
            .unwrap()
            .split(',')
            .map(|n| n.parse().unwrap())
            .collect();
        v[2] - v[0]
    };
    let legend = json["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "cluster_legend")
        .unwrap();
    let share = width(&legend["bb"]) / width(&json["bb"]);
    assert!(
        share < 0.33,
        "the legend takes {:.0} % of the width",
        share * 100.0
    );
}
