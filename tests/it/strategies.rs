//! Proptest strategies shared by the test modules. Where two tests need
//! different generators of the same thing, both are here, named for how they
//! differ, so each test generates exactly what it always has.

use std::collections::HashSet;

use argraph::{
    ArgumentGraph, ArgumentationFramework, AttackKind, EdgeKind, NodeKind, Provenance, Source,
};
use proptest::prelude::*;
use serde_json::{json, Value};

/// An optional weight in [0, 1], the bounds included.
pub fn weight() -> impl Strategy<Value = Option<f64>> {
    prop::option::of(prop_oneof![Just(0.0), Just(1.0), 0.0..=1.0f64])
}

// Graphs for the JSON round trip: any text, any `data`, parallel edges.

/// Text that exercises escaping: quotes, backslashes, newlines, markup,
/// control characters, non-Latin scripts and astral-plane characters.
pub fn text_to_escape() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{1,30}",
        "\\PC{1,40}",
        Just(
            "quote \" backslash \\ newline\n tab\t <b>&amp;</b> \u{1} “curly” ¶2 Россия 🌍"
                .to_string()
        ),
    ]
}

/// Any JSON value up to three levels deep, finite numbers only.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        // Any finite double must survive exactly (serde_json's float_roundtrip).
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        text_to_escape().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// `data` of up to two fields holding any JSON values, or none.
fn data_any_object() -> impl Strategy<Value = Option<Value>> {
    // `data` holds an object of the user's fields; `null` means "none".
    prop::option::of(
        prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().collect())),
    )
}

#[derive(Debug, Clone)]
struct NodeSpec {
    kind: NodeKind,
    text: String,
    label: Option<String>,
    weight: Option<f64>,
    tags: Vec<String>,
    provenance: Vec<(usize, Option<String>, Option<String>)>,
    data: Option<Value>,
}

fn node_spec_any_data() -> impl Strategy<Value = NodeSpec> {
    (
        prop::sample::select(NodeKind::ALL),
        text_to_escape(),
        prop::option::of(text_to_escape()),
        weight(),
        prop::collection::vec("[a-z:0-9-]{1,12}", 0..3),
        prop::collection::vec(
            (
                0usize..3,
                prop::option::of(text_to_escape()),
                prop::option::of(text_to_escape()),
            ),
            0..3,
        ),
        data_any_object(),
    )
        .prop_map(
            |(kind, text, label, weight, tags, provenance, data)| NodeSpec {
                kind,
                text,
                label,
                weight,
                tags,
                provenance,
                data,
            },
        )
}

/// A valid graph with ids `n0`, `n1`, …, three cited sources, text that needs
/// escaping, arbitrary `data`, and edges between any nodes (parallel edges
/// included) that the graph's rules accept.
pub fn graph_any_data() -> impl Strategy<Value = ArgumentGraph> {
    (
        prop::option::of(text_to_escape()),
        prop::option::of(text_to_escape()),
        prop::collection::vec(node_spec_any_data(), 0..12),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0usize..6,
                weight(),
                prop::option::of(text_to_escape()),
                data_any_object(),
            ),
            0..30,
        ),
    )
        .prop_map(|(title, description, nodes, edges)| {
            let mut g = ArgumentGraph::new();
            if let Some(t) = title {
                g.set_title(t);
            }
            if let Some(d) = description {
                g.set_description(d);
            }
            for i in 0..3 {
                g.add_source(
                    Source::new(format!("s{i}"), format!("Source {i}"))
                        .with_authors([format!("Author {i}")])
                        .with_year(2000 + i),
                )
                .unwrap();
            }
            for (i, spec) in nodes.iter().enumerate() {
                let n = g.add_node(format!("n{i}"), spec.kind, &spec.text).unwrap();
                if let Some(l) = &spec.label {
                    n.set_label(l);
                }
                if let Some(w) = spec.weight {
                    n.set_weight(w).unwrap();
                }
                for t in &spec.tags {
                    n.add_tag(t);
                }
                for (s, loc, quote) in &spec.provenance {
                    n.add_provenance(Provenance {
                        source: format!("s{s}"),
                        locator: loc.clone(),
                        quote: quote.clone(),
                    });
                }
                if let Some(d) = &spec.data {
                    n.set_data(d.clone());
                }
            }
            if !nodes.is_empty() {
                for (a, b, k, w, label, data) in edges {
                    let from = format!("n{}", a.index(nodes.len()));
                    let to = format!("n{}", b.index(nodes.len()));
                    let (kind, attack) = [
                        (EdgeKind::Supports, None),
                        (EdgeKind::Attacks, None),
                        (EdgeKind::Attacks, Some(AttackKind::Rebut)),
                        (EdgeKind::Attacks, Some(AttackKind::Undermine)),
                        (EdgeKind::Attacks, Some(AttackKind::Undercut)),
                        (EdgeKind::Frames, None),
                    ][k];
                    // Edges the rules refuse (self-support, frames from a
                    // non-framing) are simply not part of this graph.
                    if let Ok(e) = g.add_edge(&from, &to, kind, attack) {
                        if let Some(w) = w {
                            e.set_weight(w).unwrap();
                        }
                        if let Some(l) = label {
                            e.set_label(l);
                        }
                        if let Some(d) = data {
                            e.set_data(d);
                        }
                    }
                }
            }
            g
        })
}

// Graphs for the AIF round trip: only what AIF can hold.

/// Ids that are AIF-like numbers (kept as nodeIDs) and ids that are not
/// (numbered, with the id kept in the extension).
fn aif_style_id(i: usize, style: u8) -> String {
    match style % 4 {
        0 => format!("{}", 100 + i),
        1 => format!("n{i}"),
        2 => format!("00{i}"),
        _ => format!("id with spaces & \"quotes\" {i}"),
    }
}

/// Text as AIF meets it: blank, AIF's default scheme names, escapes.
fn text_aif() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 .,]{1,30}",
        "\\PC{1,20}",
        Just(" ".to_string()),
        Just("Default Inference".to_string()),
        Just("line\nbreak \"q\" \\ <b>&</b> \u{7} 🌍".to_string()),
    ]
}

/// `data`, sometimes with the keys the AIF mapping gives meaning to.
fn data_aif_keys() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(json!({"note": "n", "n": [1, 2.5, null]}))),
        Just(Some(
            json!({"aif": {"timestamp": "2020-01-01 00:00:00", "scheme": "Argument From Example", "schemeID": "12"}})
        )),
        Just(Some(json!({"aif": {"nodeID": "7", "type": "MA"}}))),
        Just(Some(
            json!({"aif": {"type": "CA", "text": "Conflict From Rephrase"}})
        )),
        Just(Some(
            json!({"aif": {"nodeID": 100, "text": "x"}, "other": true})
        )),
        Just(Some(json!("a bare string"))),
        Just(Some(json!({"aif": "not an object"}))),
    ]
}

#[derive(Debug, Clone)]
struct AifNodeSpec {
    kind: NodeKind,
    text: String,
    label: Option<String>,
    weight: Option<f64>,
    tags: Vec<String>,
    cite: Option<usize>,
    data: Option<Value>,
    prefer_over: Option<prop::sample::Index>,
}

fn node_spec_aif_safe() -> impl Strategy<Value = AifNodeSpec> {
    (
        prop::sample::select(NodeKind::ALL),
        text_aif(),
        prop::option::of(text_aif()),
        weight(),
        prop::collection::vec("[a-z:0-9-]{1,8}", 0..3),
        prop::option::of(0usize..2),
        data_aif_keys(),
        prop::option::weighted(0.15, any::<prop::sample::Index>()),
    )
        .prop_map(
            |(kind, text, label, weight, tags, cite, data, prefer_over)| AifNodeSpec {
                kind,
                text,
                label,
                weight,
                tags,
                cite,
                data,
                prefer_over,
            },
        )
}

fn decorate(e: &mut argraph::Edge, w: Option<f64>, label: Option<String>, d: Option<Value>) {
    if let Some(w) = w {
        e.set_weight(w).unwrap();
    }
    if let Some(l) = label {
        e.set_label(l);
    }
    if let Some(d) = d {
        e.set_data(d);
    }
}

/// A valid graph that AIF can hold: AIF-like and other ids, at most one edge
/// per ordered pair of nodes, frames edges last grouped by framing node,
/// `data` with the keys the AIF mapping reads, and AIF preferences.
pub fn graph_aif_safe() -> impl Strategy<Value = ArgumentGraph> {
    (
        prop::option::of(text_aif()),
        prop::collection::vec(node_spec_aif_safe(), 0..10),
        any::<u8>(),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0usize..6,
                weight(),
                prop::option::of(text_aif()),
                data_aif_keys(),
            ),
            0..25,
        ),
    )
        .prop_map(|(title, specs, style, edges)| {
            let mut g = ArgumentGraph::new();
            if let Some(t) = title {
                g.set_title(t).set_description("generated");
            }
            g.add_source(Source::new("s0", "Source zero").with_year(2020))
                .unwrap();
            g.add_source(Source::new("s1", "Source one")).unwrap();
            let ids: Vec<String> = (0..specs.len())
                .map(|i| aif_style_id(i, style.wrapping_add(i as u8 / 3)))
                .collect();
            for (i, s) in specs.iter().enumerate() {
                let n = g.add_node(ids[i].clone(), s.kind, &s.text).unwrap();
                if let Some(l) = &s.label {
                    n.set_label(l);
                }
                if let Some(w) = s.weight {
                    n.set_weight(w).unwrap();
                }
                for t in &s.tags {
                    n.add_tag(t);
                }
                if let Some(c) = s.cite {
                    n.add_provenance(Provenance::new(format!("s{c}")).with_locator("§1"));
                }
                let mut data = s.data.clone();
                // Some nodes carry AIF preferences over another node.
                if let Some(over) = &s.prefer_over {
                    let d = over.index(specs.len());
                    let record =
                        json!({"over": ids[d], "pa": {"nodeID": format!("{}", 900 + i % 2)}});
                    let mut m = match data {
                        Some(Value::Object(m)) => m,
                        _ => serde_json::Map::new(),
                    };
                    m.insert("aif_preferences".into(), json!([record]));
                    data = Some(Value::Object(m));
                }
                if let Some(d) = data {
                    n.set_data(d);
                }
            }
            if ids.is_empty() {
                return g;
            }
            // One edge per ordered pair (AIF cannot hold parallel edges
            // into an argument node); frames edges come last (they come
            // back after the others).
            let mut pairs = HashSet::new();
            let mut frames = Vec::new();
            for (a, b, k, w, label, d) in edges {
                let (a, b) = (a.index(ids.len()), b.index(ids.len()));
                if !pairs.insert((a, b)) {
                    continue;
                }
                let (kind, attack) = match k {
                    0 => (EdgeKind::Supports, None),
                    1 => (EdgeKind::Attacks, None),
                    2 => (EdgeKind::Attacks, Some(AttackKind::Rebut)),
                    3 => (EdgeKind::Attacks, Some(AttackKind::Undermine)),
                    4 => (EdgeKind::Attacks, Some(AttackKind::Undercut)),
                    _ => {
                        frames.push((a, b, w, label, d));
                        continue;
                    }
                };
                if let Ok(e) = g.add_edge(&ids[a], &ids[b], kind, attack) {
                    decorate(e, w, label, d);
                }
            }
            // Frames are kept on their framing node: they come back grouped by framing.
            frames.sort_by_key(|f| f.0);
            for (a, b, w, label, d) in frames {
                if let Ok(e) = g.frames(&ids[a], &ids[b]) {
                    decorate(e, w, label, d);
                }
            }
            g
        })
}

// Abstract frameworks.

/// At most 8 arguments (a brute-force oracle enumerates all 2^n subsets),
/// at most 24 attacks, repeats allowed.
pub fn framework_small() -> impl Strategy<Value = ArgumentationFramework> {
    (0usize..=8).prop_flat_map(|n| {
        let pairs = if n == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec((0..n, 0..n), 0..=(n * n).min(24)).boxed()
        };
        pairs.prop_map(move |p| ArgumentationFramework::new(n, p).unwrap())
    })
}

/// Up to 12 arguments with unique names (each name ends in its index) and up
/// to 40 attacks, repeats allowed.
pub fn framework_named() -> impl Strategy<Value = ArgumentationFramework> {
    (0usize..=12).prop_flat_map(|n| {
        let pairs = if n == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec((0..n, 0..n), 0..=40).boxed()
        };
        let names = prop::collection::vec("[a-z][a-z0-9_-]{0,6}", n);
        (pairs, names).prop_map(move |(p, names)| {
            // Unique names: suffix the index.
            let names: Vec<String> = names
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{s}{i}"))
                .collect();
            ArgumentationFramework::with_names(&names, p).unwrap()
        })
    })
}

/// 1 to 39 unnamed arguments and fewer than 3n attacks, none repeated.
pub fn framework_distinct_attacks() -> impl Strategy<Value = ArgumentationFramework> {
    (1usize..40).prop_flat_map(|n| {
        prop::collection::vec((0..n, 0..n), 0..(3 * n)).prop_map(move |attacks| {
            let mut seen = HashSet::new();
            let attacks: Vec<_> = attacks.into_iter().filter(|p| seen.insert(*p)).collect();
            ArgumentationFramework::new(n, attacks).unwrap()
        })
    })
}

// AIF documents with a dialogue layer, for AIF -> argraph -> AIF.

/// The parts of a generated AIF document with a dialogue layer.
#[derive(Debug, Clone)]
struct DialogueSpec {
    statements: Vec<String>,
    /// RA nodes: (premises, conclusion), positions in `statements`.
    inferences: Vec<(Vec<prop::sample::Index>, prop::sample::Index)>,
    /// CA nodes: (attacker, target).
    conflicts: Vec<(prop::sample::Index, prop::sample::Index)>,
    /// Per statement: whether a locution anchors it (through a YA).
    said: Vec<bool>,
    /// Locutions anchoring nothing.
    unanchored: usize,
    /// Per RA: whether a YA anchors it in the transition before it.
    argued: Vec<bool>,
    /// Per locution: whether it has a `locutions` record, and its speaker.
    speakers: Vec<Option<u8>>,
    /// AIFdb ids that are not numbers (`"704_12"`, `"L.3"`); OVA's are numbers.
    text_ids: bool,
    ova: bool,
}

/// An AIF document — AIFdb's shape, or OVA3's wrapper with integer ids,
/// participants and an analysed text — whose argument layer is statements,
/// RA nodes (single and linked premises) and CA nodes between statements,
/// and whose dialogue layer has locutions (some anchoring a statement
/// through a YA, some anchoring nothing), a TA between each two successive
/// locutions, YA nodes anchoring RA nodes in those TAs, and `locutions`
/// records with speakers. Ids are unique, numbers or (AIFdb) not.
pub fn aif_with_dialogue() -> impl Strategy<Value = Value> {
    (
        prop::collection::vec("[a-zA-Z][a-z ,.]{0,15}", 2..7),
        prop::collection::vec(
            (
                prop::collection::vec(any::<prop::sample::Index>(), 1..3),
                any::<prop::sample::Index>(),
            ),
            0..5,
        ),
        prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
            0..3,
        ),
        prop::collection::vec(any::<bool>(), 7),
        0usize..3,
        prop::collection::vec(any::<bool>(), 5),
        prop::collection::vec(prop::option::of(0u8..3), 10),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(
                statements,
                inferences,
                conflicts,
                said,
                unanchored,
                argued,
                speakers,
                text_ids,
                ova,
            )| {
                aif_document(&DialogueSpec {
                    statements,
                    inferences,
                    conflicts,
                    said,
                    unanchored,
                    argued,
                    speakers,
                    text_ids,
                    ova,
                })
            },
        )
}

fn aif_document(spec: &DialogueSpec) -> Value {
    let mut next = 0u64;
    let mut new_id = |prefix: &str| {
        next += 1;
        match (spec.ova, spec.text_ids) {
            (true, _) => json!(next + 100),
            (false, true) => json!(format!("{prefix}{}", next + 100)),
            (false, false) => json!((next + 100).to_string()),
        }
    };
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    let time = "2016-09-26 21:00:00";
    let mut node = |id: &Value, ty: &str, text: &str| {
        nodes.push(json!({"nodeID": id, "text": text, "type": ty, "timestamp": time}));
    };
    let stmt: Vec<Value> = spec.statements.iter().map(|_| new_id("704_")).collect();
    for (id, text) in stmt.iter().zip(&spec.statements) {
        node(id, "I", text);
    }
    let n = stmt.len();
    let mut ras = Vec::new();
    let mut pairs = HashSet::new();
    for (premises, conclusion) in &spec.inferences {
        let c = conclusion.index(n);
        let mut ps: Vec<usize> = premises
            .iter()
            .map(|p| p.index(n))
            .filter(|&p| p != c)
            .collect();
        ps.sort_unstable();
        ps.dedup();
        if ps.is_empty() || !pairs.insert((ps.clone(), c)) {
            continue;
        }
        let ra = new_id("RA.");
        node(&ra, "RA", "Default Inference");
        for p in ps {
            edges.push((stmt[p].clone(), ra.clone()));
        }
        edges.push((ra.clone(), stmt[c].clone()));
        ras.push(ra);
    }
    let mut attacked = HashSet::new();
    for (a, t) in &spec.conflicts {
        let (a, t) = (a.index(n), t.index(n));
        if a == t || !attacked.insert((a, t)) {
            continue;
        }
        let ca = new_id("CA.");
        node(&ca, "CA", "Default Conflict");
        edges.push((stmt[a].clone(), ca.clone()));
        edges.push((ca, stmt[t].clone()));
    }
    // Locutions in order: those anchoring a statement, then the others.
    let mut locutions: Vec<Value> = Vec::new();
    for (i, s) in stmt.iter().enumerate().filter(|&(i, _)| spec.said[i]) {
        let l = new_id("L.");
        node(&l, "L", &format!("Speaker {i} : {}", spec.statements[i]));
        let ya = new_id("YA.");
        node(&ya, "YA", "Asserting");
        edges.push((l.clone(), ya.clone()));
        edges.push((ya, s.clone()));
        locutions.push(l);
    }
    for k in 0..spec.unanchored {
        let l = new_id("L.");
        node(&l, "L", &format!("Speaker {k} : yes, well"));
        locutions.push(l);
    }
    let mut transitions = Vec::new();
    for pair in locutions.windows(2) {
        let ta = new_id("TA.");
        node(&ta, "TA", "Default Transition");
        edges.push((pair[0].clone(), ta.clone()));
        edges.push((ta.clone(), pair[1].clone()));
        transitions.push(ta);
    }
    for (k, ra) in ras.iter().enumerate() {
        if let (true, Some(ta)) = (
            spec.argued[k % 5],
            transitions.get(k % transitions.len().max(1)),
        ) {
            let ya = new_id("YA.");
            node(&ya, "YA", "Arguing");
            edges.push((ta.clone(), ya.clone()));
            edges.push((ya, ra.clone()));
        }
    }
    let records: Vec<Value> = locutions
        .iter()
        .zip(&spec.speakers)
        .filter_map(|(l, who)| {
            let who = (*who)?;
            Some(
                json!({"nodeID": l, "personID": who.to_string(), "timestamp": time, "start": null}),
            )
        })
        .collect();
    let edges: Vec<Value> = edges
        .into_iter()
        .enumerate()
        .map(|(k, (from, to))| json!({"edgeID": k + 1, "fromID": from, "toID": to}))
        .collect();
    if spec.ova {
        let participants: Vec<Value> = (0..3)
            .map(
                |p| json!({"participantID": p, "firstname": format!("Speaker {p}"), "surname": ""}),
            )
            .collect();
        json!({"AIF": {"nodes": nodes, "edges": edges, "schemefulfillments": [],
                       "participants": participants, "locutions": records},
               "OVA": {"nodes": []}, "text": {"txt": spec.statements.join(" ")}, "dialog": true})
    } else {
        json!({"nodes": nodes, "edges": edges, "locutions": records})
    }
}
