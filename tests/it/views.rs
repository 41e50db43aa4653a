//! Views (issue 13): `subgraph`, `neighbourhood` and `framing_view` in the
//! library; `--focus/--depth/--framing/--tag/--source/--kind` on `dot`,
//! `render` and `eval`. The expected node sets are computed here from the
//! seed's JSON, not through the library.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proptest::prelude::*;
use serde_json::{json, Value};

use crate::common::{argraph, have_dot, seed_path, stderr, stdout};
use crate::strategies::graph_any_data;

fn seed() -> String {
    seed_path().to_str().unwrap().to_string()
}

fn seed_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(seed_path()).unwrap()).unwrap()
}

/// The seed's edges as (from, kind, to).
fn edges(doc: &Value) -> Vec<(String, String, String)> {
    doc["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap().to_string();
            (s("from"), s("kind"), s("to"))
        })
        .collect()
}

fn node_ids(doc: &Value, keep: impl Fn(&Value) -> bool) -> BTreeSet<String> {
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| keep(n))
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

/// The ids within `depth` edges of `start`, either direction.
fn within(doc: &Value, start: &[&str], depth: usize) -> BTreeSet<String> {
    let edges = edges(doc);
    let mut seen: BTreeSet<String> = start.iter().map(|s| s.to_string()).collect();
    let mut queue: VecDeque<(String, usize)> = seen.iter().map(|s| (s.clone(), 0)).collect();
    while let Some((id, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for (a, _, b) in &edges {
            let next = match (a == &id, b == &id) {
                (true, _) => b,
                (_, true) => a,
                _ => continue,
            };
            if seen.insert(next.clone()) {
                queue.push_back((next.clone(), d + 1));
            }
        }
    }
    seen
}

/// The framing, what it frames, and what supports or attacks those.
fn framing_scope(doc: &Value, framing: &str) -> BTreeSet<String> {
    let edges = edges(doc);
    let framed: BTreeSet<&str> = edges
        .iter()
        .filter(|(a, k, _)| a == framing && k == "frames")
        .map(|(_, _, b)| b.as_str())
        .collect();
    let mut scope: BTreeSet<String> = framed.iter().map(|s| s.to_string()).collect();
    scope.insert(framing.to_string());
    for (a, k, b) in &edges {
        if framed.contains(b.as_str()) && (k == "supports" || k == "attacks") {
            scope.insert(a.clone());
        }
    }
    scope
}

/// The graph's nodes (not the legend's) in a DOT text.
fn dot_nodes(dot: &str) -> BTreeSet<String> {
    dot.lines()
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter(|l| !l.starts_with("legend:"))
        .filter_map(|l| l.split_once("\" ["))
        .filter(|(id, _)| !id.contains('"'))
        .map(|(id, _)| id.to_string())
        .collect()
}

/// The graph's edges (not the legend's, nor the invisible ones that only
/// steer the layout) in a DOT text, as (from, to).
fn dot_edges(dot: &str) -> BTreeSet<(String, String)> {
    dot.lines()
        .filter(|l| !l.ends_with("[style=invis];"))
        .filter_map(|l| l.trim_start().strip_prefix('"'))
        .filter(|l| !l.starts_with("legend:"))
        .filter_map(|l| l.split_once("\" -> \""))
        .map(|(a, rest)| (a.to_string(), rest.split_once('"').unwrap().0.to_string()))
        .collect()
}

/// The label of node `id` in a DOT text.
fn dot_label<'a>(dot: &'a str, id: &str) -> &'a str {
    let start = format!("\"{id}\" [");
    let line = dot
        .lines()
        .find(|l| l.trim_start().starts_with(&start))
        .unwrap_or_else(|| panic!("{id} is drawn"));
    line.split_once("label=<").unwrap().1
}

/// Runs `argraph COMMAND SEED ARGS…`.
fn on_seed(command: &str, args: &[&str]) -> std::process::Output {
    let seed = seed();
    let mut all = vec![command, seed.as_str()];
    all.extend_from_slice(args);
    argraph(&all)
}

fn dot_of(args: &[&str]) -> String {
    let o = on_seed("dot", args);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

#[test]
fn focus_with_depth_one_draws_the_neighbourhood_and_nothing_else() {
    let doc = seed_json();
    let expected = within(&doc, &["c-impose-policy"], 1);
    assert!(expected.len() > 2 && expected.len() < 20, "{expected:?}");
    let dot = dot_of(&[
        "--focus",
        "c-impose-policy",
        "--depth",
        "1",
        "--cluster",
        "none",
    ]);
    assert_eq!(dot_nodes(&dot), expected);
    // Every edge between the kept nodes, and no other.
    let between: BTreeSet<(String, String)> = edges(&doc)
        .into_iter()
        .filter(|(a, _, b)| expected.contains(a) && expected.contains(b))
        .map(|(a, _, b)| (a, b))
        .collect();
    assert_eq!(dot_edges(&dot), between);
    // Depth 2 reaches further, and the default depth is 1.
    let two = dot_of(&["--focus", "c-impose-policy", "--depth", "2"]);
    assert_eq!(dot_nodes(&two), within(&doc, &["c-impose-policy"], 2));
    let default = dot_of(&["--focus", "c-impose-policy"]);
    assert_eq!(dot_nodes(&default), expected);
    // Several focus ids: the union of their neighbourhoods.
    let both = dot_of(&[
        "--focus",
        "c-impose-policy,e-soviet-invasion-1979",
        "--depth",
        "0",
    ]);
    assert_eq!(
        dot_nodes(&both),
        BTreeSet::from(["c-impose-policy".into(), "e-soviet-invasion-1979".into()])
    );
}

#[test]
fn tag_draws_exactly_the_tagged_nodes() {
    let doc = seed_json();
    let tag = "period:soviet-1979-1989";
    let expected = node_ids(&doc, |n| {
        n["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == tag))
    });
    assert_eq!(expected.len(), 4);
    assert_eq!(dot_nodes(&dot_of(&["--tag", tag])), expected);
}

#[test]
fn framing_without_evaluate_draws_the_framing_view() {
    let doc = seed_json();
    let expected = framing_scope(&doc, "f-offensive-realism");
    let dot = dot_of(&["--framing", "f-offensive-realism"]);
    assert_eq!(dot_nodes(&dot), expected);
    assert!(expected.len() < node_ids(&doc, |_| true).len());
    // No evaluation was asked for: no verdicts are drawn.
    assert!(!dot.contains("✔") && !dot.contains("✘"), "{dot}");
}

#[test]
fn render_draws_the_views_in_the_picture() {
    if !have_dot("render_draws_the_views_in_the_picture") {
        return;
    }
    let doc = seed_json();
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], BTreeSet<String>); 3] = [
        (
            &["--focus", "c-impose-policy", "--depth", "1"],
            within(&doc, &["c-impose-policy"], 1),
        ),
        (
            &["--tag", "period:soviet-1979-1989"],
            node_ids(&doc, |n| {
                n["tags"]
                    .as_array()
                    .is_some_and(|t| t.iter().any(|t| t == "period:soviet-1979-1989"))
            }),
        ),
        (
            &["--framing", "f-offensive-realism"],
            framing_scope(&doc, "f-offensive-realism"),
        ),
    ];
    for (args, expected) in cases {
        let out = dir.path().join("view.svg");
        let out_str = out.to_str().unwrap();
        let mut all = vec!["-o", out_str, "--no-legend"];
        all.extend_from_slice(args);
        let o = on_seed("render", &all);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let svg = std::fs::read_to_string(&out).unwrap();
        // Each node is a `<g class="node">` whose `<title>` is its id.
        let drawn: BTreeSet<String> = svg
            .split("class=\"node\"")
            .skip(1)
            .map(|g| {
                let t = g.split_once("<title>").unwrap().1;
                // Graphviz writes `-` as `&#45;` in SVG text.
                t.split_once("</title>").unwrap().0.replace("&#45;", "-")
            })
            .collect();
        assert_eq!(drawn, expected, "{args:?}");
    }
}

#[test]
fn framing_with_evaluate_draws_the_view_with_the_whole_graphs_verdicts() {
    use argraph::reason::{Evaluator, Label, Semantics};
    let doc = seed_json();
    let expected = framing_scope(&doc, "f-offensive-realism");
    let dot = dot_of(&["--framing", "f-offensive-realism", "--evaluate", "grounded"]);
    assert_eq!(dot_nodes(&dot), expected);
    let g = argraph::json::load(seed_path()).unwrap();
    let eval = Evaluator::new(&g)
        .semantics(Semantics::Grounded)
        .framing("f-offensive-realism")
        .run()
        .unwrap();
    for id in &expected {
        let mark = match eval.verdict(id).unwrap().label() {
            Some(Label::In) => "✔ in",
            Some(Label::Out) => "✘ out",
            _ => "? undec",
        };
        assert!(dot_label(&dot, id).contains(mark), "{id}: {mark}");
    }
    assert!(dot.contains("Evaluation: grounded under framing f-offensive-realism"));
}

#[test]
fn view_options_combine_as_an_intersection() {
    let doc = seed_json();
    let near = within(&doc, &["c-impose-policy"], 2);
    let claims = node_ids(&doc, |n| n["kind"] == "claim");
    let expected: BTreeSet<String> = near.intersection(&claims).cloned().collect();
    assert!(!expected.is_empty() && expected.len() < near.len());
    let dot = dot_of(&[
        "--focus",
        "c-impose-policy",
        "--depth",
        "2",
        "--kind",
        "claim",
    ]);
    assert_eq!(dot_nodes(&dot), expected);
    // --kind takes several kinds (a node has one: their union).
    let some = node_ids(&doc, |n| n["kind"] == "framing" || n["kind"] == "argument");
    assert_eq!(dot_nodes(&dot_of(&["--kind", "framing,argument"])), some);
    // --source: the nodes whose provenance cites it, intersected with a tag.
    let cites = |n: &Value, s: &str| {
        n["provenance"]
            .as_array()
            .is_some_and(|p| p.iter().any(|p| p["source"] == s))
    };
    let tagged = |n: &Value, t: &str| {
        n["tags"]
            .as_array()
            .is_some_and(|ts| ts.iter().any(|x| x == t))
    };
    let expected = node_ids(&doc, |n| {
        cites(n, "opinion") && tagged(n, "period:withdrawal-2021")
    });
    assert!(!expected.is_empty());
    let dot = dot_of(&["--source", "opinion", "--tag", "period:withdrawal-2021"]);
    assert_eq!(dot_nodes(&dot), expected);
}

#[test]
fn dropped_neighbours_are_noted_under_their_nodes() {
    let doc = seed_json();
    let kept = within(&doc, &["c-impose-policy"], 1);
    let dot = dot_of(&["--focus", "c-impose-policy", "--depth", "1"]);
    let mut noted = 0;
    for id in &kept {
        // Distinct left-out supporters of `id`, counted here.
        let supporters: BTreeSet<String> = edges(&doc)
            .into_iter()
            .filter(|(a, k, b)| b == id && k == "supports" && !kept.contains(a))
            .map(|(a, _, _)| a)
            .collect();
        let label = dot_label(&dot, id);
        match supporters.len() {
            0 => assert!(!label.contains("more supporter"), "{id}: {label}"),
            1 => assert!(label.contains("+1 more supporter<"), "{id}: {label}"),
            n => {
                assert!(
                    label.contains(&format!("+{n} more supporters")),
                    "{id}: {label}"
                );
                noted += 1;
            }
        }
    }
    assert!(noted > 0, "some kept node has left-out supporters: {dot}");
    // The legend says what the notes mean.
    assert!(
        dot.contains("View: within 1 edge of c-impose-policy"),
        "{dot}"
    );
    assert!(
        dot.contains("&quot;+N more&quot;: neighbours left out"),
        "{dot}"
    );
    // The whole map notes nothing.
    assert!(!dot_of(&[]).contains(" more supporter"));
}

#[test]
fn views_that_name_what_is_not_there_are_refused() {
    let cases: [(&[&str], i32, &str); 7] = [
        (
            &["--focus", "c-imposed-policy"],
            1,
            "unknown node \"c-imposed-policy\"",
        ),
        (&["--focus", "C-IMPOSE-POLICY"], 1, "ids are case-sensitive"),
        (
            &["--tag", "period:nope"],
            1,
            "no node carries tag \"period:nope\"; the graph's tags: \"actor\"",
        ),
        (
            &["--source", "nope"],
            1,
            "unknown source \"nope\"; the graph's sources: \"opinion\", \"davoodi-kiani-2024\"",
        ),
        (
            &["--framing", "c-impose-policy"],
            1,
            "\"c-impose-policy\" is a claim, not a framing; the graph's framings:",
        ),
        (
            &["--tag", "period:soviet-1979-1989", "--kind", "framing"],
            1,
            "the view is empty",
        ),
        (&["--depth", "2"], 2, "--focus"),
    ];
    for (args, code, message) in cases {
        for command in ["dot", "eval"] {
            let mut all = args.to_vec();
            if command == "eval" && args[0] == "--framing" {
                all.push("--framed");
            }
            let o = on_seed(command, &all);
            assert_eq!(o.status.code(), Some(code), "{all:?}: {}", stderr(&o));
            assert!(stderr(&o).contains(message), "{all:?}: {}", stderr(&o));
            assert!(o.stdout.is_empty(), "{all:?}");
        }
    }
}

#[test]
fn eval_table_shows_each_nodes_title_beside_its_id() {
    let doc = seed_json();
    let table = stdout(&argraph(&["eval", &seed()]));
    let header = table.lines().nth(1).unwrap();
    assert!(
        header.starts_with("ID ") && header.contains(" TITLE ") && header.ends_with("LABEL"),
        "{header}"
    );
    let mut long = 0;
    for n in doc["nodes"].as_array().unwrap() {
        let id = n["id"].as_str().unwrap();
        let title = n["label"].as_str().unwrap();
        let row = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} has a row"));
        let after_id = row[id.len()..].trim_start();
        if title.chars().count() <= 32 {
            assert!(after_id.starts_with(title), "{row}");
        } else {
            // Cut to at most 32 characters, the last an ellipsis.
            let shown = after_id.split("  ").next().unwrap();
            assert!(shown.chars().count() <= 32, "{row}");
            assert!(
                shown.ends_with('…') && title.starts_with(shown.trim_end_matches('…')),
                "{row}"
            );
            long += 1;
        }
    }
    assert!(long > 0, "the seed has labels longer than 32 characters");
}

#[test]
fn eval_view_lists_the_views_rows_with_the_whole_graphs_verdicts() {
    let doc = seed_json();
    let tag = "period:soviet-1979-1989";
    let whole: Value =
        serde_json::from_slice(&argraph(&["eval", &seed(), "--format", "json"]).stdout).unwrap();
    let o = argraph(&["eval", &seed(), "--tag", tag, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let part: Value = serde_json::from_slice(&o.stdout).unwrap();
    let tagged = node_ids(&doc, |n| {
        n["tags"]
            .as_array()
            .is_some_and(|t| t.iter().any(|x| x == tag))
    });
    let ids: BTreeSet<String> = part["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, tagged);
    let verdicts = |doc: &Value| -> BTreeMap<String, Value> {
        doc["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| (n["id"].as_str().unwrap().to_string(), n.clone()))
            .collect()
    };
    let whole = verdicts(&whole);
    for (id, v) in verdicts(&part) {
        assert_eq!(whole[&id], v, "{id}");
    }
    // The table: the same rows, and a line that says it is a view.
    let table = stdout(&argraph(&["eval", &seed(), "--tag", tag]));
    assert!(
        table.starts_with("# view: tag period:soviet-1979-1989 (4 of 9"),
        "{table}"
    );
    let rows: BTreeSet<String> = table
        .lines()
        .skip(3)
        .take_while(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(rows, tagged);
    // --framed lists the framing's view; --framing alone still lists every node.
    let scope = framing_scope(&doc, "f-offensive-realism");
    let o = argraph(&[
        "eval",
        &seed(),
        "--framing",
        "f-offensive-realism",
        "--framed",
        "--format",
        "json",
    ]);
    let part: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(part["nodes"].as_array().unwrap().len(), scope.len());
    let o = argraph(&[
        "eval",
        &seed(),
        "--framing",
        "f-offensive-realism",
        "--format",
        "json",
    ]);
    let all: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        all["nodes"].as_array().unwrap().len(),
        doc["nodes"].as_array().unwrap().len()
    );
}

#[test]
fn a_view_carries_everything_of_what_it_keeps() {
    let doc = json!({
        "argraph": 1,
        "title": "T",
        "description": "D",
        "sources": [
            {"id": "kept", "title": "Cited by a kept node", "data": {"k": 1}},
            {"id": "edge", "title": "Cited by a kept edge"},
            {"id": "gone", "title": "Cited only by a dropped node"}
        ],
        "nodes": [
            {"id": "e", "kind": "evidence", "text": "E", "label": "L", "tags": ["t"],
             "weight": 0.7, "synthesis": true, "data": {"x": [1, 2]},
             "provenance": [{"source": "kept", "locator": "¶1", "quote": "q"}]},
            {"id": "c", "kind": "claim", "text": "C"},
            {"id": "x", "kind": "claim", "text": "X",
             "provenance": [{"source": "gone"}]}
        ],
        "edges": [
            {"from": "e", "to": "c", "kind": "supports", "weight": 0.3, "label": "because",
             "data": {"y": true}, "provenance": [{"source": "edge"}]},
            {"from": "x", "to": "c", "kind": "attacks", "attack": "rebut"}
        ]
    });
    let g = argraph::json::from_str(&doc.to_string()).unwrap();
    let view = g.subgraph(|n| n.id() != "x");
    let v = view.graph();
    v.validate().unwrap();
    assert_eq!((v.title(), v.description()), (Some("T"), Some("D")));
    assert_eq!(v.node("e"), g.node("e"));
    assert_eq!(v.node("c"), g.node("c"));
    assert!(!v.contains("x"));
    let kept_edge = v.edges().next().unwrap();
    assert_eq!(kept_edge.edge(), g.edges().next().unwrap().edge());
    assert_eq!(v.edge_count(), 1);
    let sources: Vec<_> = v.sources().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["kept", "edge"]);
    assert_eq!(v.source("kept"), g.source("kept"));
    assert_eq!(view.dropped("c").attackers, 1);
    assert_eq!(view.dropped("c").to_string(), "+1 more attacker");
    assert!(view.dropped("e").is_empty());
    // The view's JSON is the original's, less what it dropped.
    let text = argraph::json::to_string_pretty(v).unwrap();
    assert_eq!(argraph::json::from_str(&text).unwrap(), *v);
}

#[test]
fn neighbourhood_of_an_unknown_id_names_it() {
    let g = argraph::json::load(seed_path()).unwrap();
    let err = g
        .neighbourhood(["c-impose-policy", "c-nowhere"], 1)
        .unwrap_err();
    assert!(
        err.to_string().contains("unknown node \"c-nowhere\""),
        "{err}"
    );
    let err = g.framing_view("f-nowhere").unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown framing \"f-nowhere\"; the graph's framings: \"f-ideological\""),
        "{err}"
    );
    // Depth 0 is the nodes themselves, and what lies around them is counted.
    let view = g.neighbourhood(["c-impose-policy"], 0).unwrap();
    assert_eq!(view.graph().node_count(), 1);
    let d = view.dropped("c-impose-policy");
    assert_eq!(
        (d.supporters, d.attackers, d.framings, d.attacked),
        (1, 3, 1, 2)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A subgraph keeps exactly the chosen nodes (in order) and the edges
    /// between them (in order), and counts, per kept node and role, the
    /// distinct neighbours it left out.
    #[test]
    fn subgraph_keeps_the_edges_between_kept_nodes_and_counts_the_rest(
        g in graph_any_data(),
        mask in prop::collection::vec(any::<bool>(), 12),
    ) {
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        let keep = |id: &str| ids.iter().position(|i| i == id).is_some_and(|p| mask[p % mask.len()]);
        let view = g.subgraph(|n| keep(n.id()));
        let v = view.graph();
        let kept: Vec<&str> = g.nodes().map(|n| n.id()).filter(|id| keep(id)).collect();
        prop_assert_eq!(v.nodes().map(|n| n.id()).collect::<Vec<_>>(), kept);
        let between: Vec<_> = g
            .edges()
            .filter(|e| keep(e.from().id()) && keep(e.to().id()))
            .map(|e| (e.from().id(), e.to().id(), e.edge().clone()))
            .collect();
        let drawn: Vec<_> = v.edges().map(|e| (e.from().id(), e.to().id(), e.edge().clone())).collect();
        prop_assert_eq!(drawn, between);
        v.validate().unwrap();
        for id in v.nodes().map(|n| n.id()) {
            let left: BTreeSet<&str> = g
                .incoming(id)
                .filter(|e| e.kind() == argraph::EdgeKind::Supports && !keep(e.from().id()))
                .map(|e| e.from().id())
                .collect();
            prop_assert_eq!(view.dropped(id).supporters, left.len());
            let left: BTreeSet<&str> = g
                .outgoing(id)
                .filter(|e| e.kind() == argraph::EdgeKind::Attacks && !keep(e.to().id()))
                .map(|e| e.to().id())
                .collect();
            prop_assert_eq!(view.dropped(id).attacked, left.len());
        }
    }
}
