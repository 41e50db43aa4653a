//! Structured arguments (the default support mode) against an oracle that
//! builds every argument of the map explicitly, as ASPIC+ defines them, and
//! evaluates the abstract framework of those arguments.

use std::collections::BTreeSet;

use argraph::reason::{Evaluator, Label, Note, Reasoner, Semantics, Status, Step, SupportMode};
use argraph::{ArgumentGraph, ArgumentationFramework, EdgeKind, NodeKind};
use proptest::prelude::*;

/// One argument: its conclusion and every node it uses.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Argument {
    conclusion: usize,
    uses: BTreeSet<usize>,
}

/// The oracle's reading of a small map: every argument, and which attacks
/// between them succeed under the framing.
struct Oracle {
    arguments: Vec<Argument>,
    framework: ArgumentationFramework,
}

fn is_premise(g: &ArgumentGraph, ids: &[String], x: usize) -> bool {
    let node = g.node(&ids[x]).unwrap();
    let supported = g.supporters(&ids[x]).next().is_some();
    !supported || matches!(node.kind(), NodeKind::Evidence | NodeKind::Framing)
}

/// Every argument for `x` that does not use a node of `path` (so every
/// derivation is finite), as node sets.
fn arguments_for(
    g: &ArgumentGraph,
    ids: &[String],
    x: usize,
    path: &mut Vec<usize>,
) -> Vec<BTreeSet<usize>> {
    if is_premise(g, ids, x) {
        return vec![BTreeSet::from([x])];
    }
    path.push(x);
    let pos = |id: &str| ids.iter().position(|i| i == id).unwrap();
    let supporters: Vec<usize> = g.supporters(&ids[x]).map(|n| pos(n.id())).collect();
    let mut found = Vec::new();
    let sub = |s: usize, path: &mut Vec<usize>| -> Vec<BTreeSet<usize>> {
        if path.contains(&s) {
            Vec::new()
        } else {
            arguments_for(g, ids, s, path)
        }
    };
    if g.node(&ids[x]).unwrap().kind() == NodeKind::Argument {
        // All supporters together: the product of their arguments.
        let mut partial = vec![BTreeSet::from([x])];
        for &s in &supporters {
            let options = sub(s, path);
            partial = partial
                .iter()
                .flat_map(|p| options.iter().map(move |o| p | o))
                .collect();
        }
        found = partial;
    } else {
        for &s in &supporters {
            for mut a in sub(s, path) {
                a.insert(x);
                found.push(a);
            }
        }
    }
    path.pop();
    found.sort();
    found.dedup();
    found
}

impl Oracle {
    fn new(g: &ArgumentGraph, framing: Option<&str>) -> Oracle {
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        let mut arguments = Vec::new();
        for x in 0..ids.len() {
            for uses in arguments_for(g, &ids, x, &mut Vec::new()) {
                arguments.push(Argument {
                    conclusion: x,
                    uses,
                });
            }
        }
        let promotes = |x: usize| match framing {
            None => false,
            Some(f) => ids[x] == f || g.framings(&ids[x]).any(|n| n.id() == f),
        };
        let mut attacks = Vec::new();
        for e in g.edges_of_kind(EdgeKind::Attacks) {
            let y = ids.iter().position(|i| i == e.from().id()).unwrap();
            let x = ids.iter().position(|i| i == e.to().id()).unwrap();
            if promotes(x) && !promotes(y) {
                continue;
            }
            for (b, attacker) in arguments.iter().enumerate() {
                for (a, target) in arguments.iter().enumerate() {
                    if attacker.conclusion == y && target.uses.contains(&x) {
                        attacks.push((b, a));
                    }
                }
            }
        }
        attacks.sort_unstable();
        attacks.dedup();
        let framework = ArgumentationFramework::new(arguments.len(), attacks).unwrap();
        Oracle {
            arguments,
            framework,
        }
    }

    /// Each node's grounded label: in if some argument for it is in, out
    /// if every argument for it is out (or it has none), else undec.
    fn grounded(&self, n: usize) -> Vec<Label> {
        let labelling = argraph::reason::grounded(&self.framework);
        (0..n)
            .map(|x| {
                let mine = || {
                    (0..self.arguments.len()).filter(move |&a| self.arguments[a].conclusion == x)
                };
                if mine().any(|a| labelling.label(a) == Label::In) {
                    Label::In
                } else if mine().all(|a| labelling.label(a) == Label::Out) {
                    Label::Out
                } else {
                    Label::Undec
                }
            })
            .collect()
    }

    /// Each node's status under `semantics`: skeptical if every extension
    /// holds an argument for it, credulous if some does, else rejected.
    fn statuses(&self, n: usize, semantics: Semantics) -> Vec<Status> {
        let mut reasoner = Reasoner::new(&self.framework, semantics);
        let found = reasoner.extensions(None).unwrap();
        (0..n)
            .map(|x| {
                let holds = |e: &Vec<usize>| e.iter().any(|&a| self.arguments[a].conclusion == x);
                let count = found.extensions.iter().filter(|e| holds(e)).count();
                match count {
                    c if c == found.extensions.len() => Status::Skeptical,
                    0 => Status::Rejected,
                    _ => Status::Credulous,
                }
            })
            .collect()
    }
}

/// Small maps of every node kind, with supports, attacks and frames drawn
/// at random (edges the model refuses are left out), support cycles
/// included.
fn small_map() -> impl Strategy<Value = ArgumentGraph> {
    let kinds = prop::collection::vec(0..4u8, 1..8);
    kinds.prop_flat_map(|kinds| {
        let n = kinds.len();
        let edges = prop::collection::vec((0..n, 0..n, 0..3u8), 0..(2 * n + 2));
        (Just(kinds), edges).prop_map(|(kinds, edges)| {
            let mut g = ArgumentGraph::new();
            for (i, k) in kinds.iter().enumerate() {
                let id = format!("n{i}");
                match k {
                    0 => g.claim(id, "c").map(|_| ()),
                    1 => g.evidence(id, "e").map(|_| ()),
                    2 => g.argument(id, "a").map(|_| ()),
                    _ => g.framing(id, "f").map(|_| ()),
                }
                .unwrap();
            }
            for (a, b, kind) in edges {
                let (a, b) = (format!("n{a}"), format!("n{b}"));
                let _ = match kind {
                    0 => g.supports(&a, &b).map(|_| ()),
                    1 => g.attacks(&a, &b).map(|_| ()),
                    _ => g.frames(&a, &b).map(|_| ()),
                };
            }
            g
        })
    })
}

fn framing_of(g: &ArgumentGraph) -> Option<String> {
    g.nodes_of_kind(NodeKind::Framing)
        .next()
        .map(|n| n.id().to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn structured_grounded_agrees_with_the_argument_oracle(g in small_map()) {
        for framing in [None, framing_of(&g)] {
            let oracle = Oracle::new(&g, framing.as_deref());
            let mut evaluator = Evaluator::new(&g);
            if let Some(f) = &framing {
                evaluator.framing(f);
            }
            let eval = evaluator.run().unwrap();
            let got: Vec<Label> = g
                .nodes()
                .map(|n| eval.verdict(n.id()).unwrap().label().unwrap())
                .collect();
            prop_assert_eq!(got, oracle.grounded(g.node_count()), "framing {:?}", framing);
        }
    }

    #[test]
    fn structured_extension_semantics_agree_with_the_argument_oracle(g in small_map()) {
        let cyclic = argraph::reason::dung_view(&g, SupportMode::Structured, None).is_err();
        for semantics in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
            for framing in [None, framing_of(&g)] {
                let mut evaluator = Evaluator::new(&g);
                evaluator.semantics(semantics);
                if let Some(f) = &framing {
                    evaluator.framing(f);
                }
                let run = evaluator.run();
                if cyclic {
                    let err = run.unwrap_err().to_string();
                    prop_assert!(err.contains("circle"), "{}", err);
                    continue;
                }
                let eval = run.unwrap();
                let oracle = Oracle::new(&g, framing.as_deref());
                let got: Vec<Status> = g
                    .nodes()
                    .map(|n| eval.verdict(n.id()).unwrap().status().unwrap())
                    .collect();
                prop_assert_eq!(
                    got,
                    oracle.statuses(g.node_count(), semantics),
                    "{} under {:?}", semantics, framing
                );
            }
        }
    }
}

/// Checks one step of an explanation against the map and against itself:
/// every link is an edge of the map, and each label follows from the
/// labels the step's links show.
fn check_step(g: &ArgumentGraph, step: &Step) -> Result<(), TestCaseError> {
    for link in &step.links {
        let edge = g.edges().find(|e| {
            e.from().id() == link.from
                && e.to().id() == link.to
                && match link.relation {
                    "supports" => e.kind() == EdgeKind::Supports,
                    _ => e.kind() == EdgeKind::Attacks,
                }
        });
        prop_assert!(
            edge.is_some(),
            "no edge {} {} {}",
            link.from,
            link.relation,
            link.to
        );
        if let Some(next) = &link.step {
            check_step(g, next)?;
        }
    }
    let label_of = |link: &argraph::reason::Link| link.step.as_ref().map(|s| s.label);
    let attacks = step.links.iter().filter(|l| l.relation != "supports");
    let supports = step.links.iter().filter(|l| l.relation == "supports");
    match step.note {
        Note::Premise | Note::Derived => {
            prop_assert_eq!(step.label, Label::In);
            for l in attacks {
                prop_assert!(l.fails_under_framing || label_of(l) == Some(Label::Out));
            }
            for l in supports {
                prop_assert_eq!(label_of(l), Some(Label::In));
            }
        }
        Note::Defeated => {
            prop_assert_eq!(step.label, Label::Out);
            prop_assert_eq!(step.links.len(), 1);
            prop_assert_eq!(label_of(&step.links[0]), Some(Label::In));
        }
        Note::NoArgument => {
            prop_assert_eq!(step.label, Label::Out);
            prop_assert!(!step.links.is_empty());
            for l in &step.links {
                prop_assert_eq!(label_of(l), Some(Label::Out));
            }
        }
        Note::Undecided => {
            prop_assert_eq!(step.label, Label::Undec);
            prop_assert!(!step.links.is_empty());
            for l in &step.links {
                prop_assert_eq!(label_of(l), Some(Label::Undec));
            }
        }
        _ => {}
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_verdict_is_explained_edge_by_edge(g in small_map()) {
        let cyclic = argraph::reason::dung_view(&g, SupportMode::Structured, None).is_err();
        for semantics in [Semantics::Grounded, Semantics::Preferred, Semantics::Stable] {
            if cyclic && semantics != Semantics::Grounded {
                continue;
            }
            for framing in [None, framing_of(&g)] {
                let mut evaluator = Evaluator::new(&g);
                evaluator.semantics(semantics);
                if let Some(f) = &framing {
                    evaluator.framing(f);
                }
                let eval = evaluator.run().unwrap();
                for node in g.nodes() {
                    let why = match evaluator.explain(node.id()) {
                        Ok(why) => why,
                        // Only a missing stable extension leaves nothing to explain.
                        Err(e) => {
                            prop_assert!(semantics == Semantics::Stable, "{}", e);
                            prop_assert_eq!(eval.extensions().map(|e| e.len()), Some(0));
                            continue;
                        }
                    };
                    prop_assert_eq!(&why.step.node, node.id());
                    check_step(&g, &why.step)?;
                    let verdict = eval.verdict(node.id()).unwrap();
                    match semantics {
                        Semantics::Grounded => prop_assert_eq!(Some(why.step.label), verdict.label()),
                        // The explained extension holds the node exactly when some extension does.
                        _ => prop_assert_eq!(
                            why.step.label == Label::In,
                            verdict.status() != Some(Status::Rejected)
                        ),
                    }
                    prop_assert_eq!(why.step.label == Label::Undec, !why.cycle.is_empty());
                }
            }
        }
    }
}

fn verdict(g: &ArgumentGraph, id: &str) -> String {
    Evaluator::new(g)
        .run()
        .unwrap()
        .verdict(id)
        .unwrap()
        .to_string()
}

#[test]
fn a_claim_with_an_undefeated_independent_argument_stands() {
    let mut g = ArgumentGraph::new();
    g.claim("c", "Russia engages the Taliban.").unwrap();
    g.evidence("e1", "Talks in Moscow.").unwrap();
    g.evidence("e2", "An embassy kept open.").unwrap();
    g.claim("x", "The talks were staged.").unwrap();
    g.supports("e1", "c").unwrap();
    g.supports("e2", "c").unwrap();
    g.attacks("x", "e1").unwrap();
    assert_eq!(verdict(&g, "e1"), "out");
    assert_eq!(verdict(&g, "c"), "in");
    // The bipolar reading derives x → c through e1, and c falls.
    let bipolar = Evaluator::new(&g)
        .supports(SupportMode::Bipolar)
        .run()
        .unwrap();
    assert_eq!(bipolar.verdict("c").unwrap().to_string(), "out");
}

#[test]
fn evidence_for_an_attacker_does_not_attack_by_itself() {
    // Supported attacks inflate the bipolar view: e supports x, x attacks
    // c, so e "attacks" c. Structured: e only makes x's argument; when x
    // falls to y, c is reinstated although e stands.
    let mut g = ArgumentGraph::new();
    g.claim("c", "A tactical approach to threats.").unwrap();
    g.claim("x", "An aggressive peace process.").unwrap();
    g.evidence("e", "ISIS is present.").unwrap();
    g.evidence("y", "Talks only began after ISIS arrived.")
        .unwrap();
    g.supports("e", "x").unwrap();
    g.attacks("x", "c").unwrap();
    g.attacks("y", "x").unwrap();
    assert_eq!(verdict(&g, "x"), "out");
    assert_eq!(verdict(&g, "e"), "in");
    assert_eq!(verdict(&g, "c"), "in");
}

#[test]
fn an_inference_needs_all_its_premises_and_an_undercut_defeats_it() {
    let mut g = ArgumentGraph::new();
    g.evidence("p1", "P1").unwrap();
    g.evidence("p2", "P2").unwrap();
    g.argument("a", "From P1 and P2").unwrap();
    g.claim("c", "C").unwrap();
    g.claim("u", "The inference does not hold here").unwrap();
    g.supports("p1", "a").unwrap();
    g.supports("p2", "a").unwrap();
    g.supports("a", "c").unwrap();
    assert_eq!(verdict(&g, "c"), "in");
    g.undercuts("u", "a").unwrap();
    assert_eq!(verdict(&g, "a"), "out");
    assert_eq!(verdict(&g, "c"), "out");
}

#[test]
fn a_circle_of_supports_alone_derives_nothing() {
    let mut g = ArgumentGraph::new();
    g.claim("x", "X").unwrap();
    g.claim("y", "Y").unwrap();
    g.evidence("e", "E").unwrap();
    g.claim("z", "Not E").unwrap();
    g.supports("e", "y").unwrap();
    g.supports("y", "x").unwrap();
    g.supports("x", "y").unwrap();
    assert_eq!(verdict(&g, "x"), "in");
    g.attacks("z", "e").unwrap();
    // y rests on e or on x, x only on y: without e neither has a finite argument.
    assert_eq!(verdict(&g, "y"), "out");
    assert_eq!(verdict(&g, "x"), "out");
    let err = Evaluator::new(&g)
        .semantics(Semantics::Preferred)
        .run()
        .unwrap_err();
    assert!(
        err.to_string().contains("circle (x → y → x)")
            || err.to_string().contains("circle (y → x → y)"),
        "{err}"
    );
}

#[test]
fn a_framing_protects_what_it_frames_but_not_the_reasons_beneath() {
    // ASPIC+ compares an attack with the sub-argument it hits: under f, the
    // attack on the framed claim fails, the one on its unframed evidence
    // does not, and the claim's only argument rests on that evidence.
    let mut g = ArgumentGraph::new();
    g.framing("f", "A lens").unwrap();
    g.claim("c", "C").unwrap();
    g.evidence("e", "E").unwrap();
    g.claim("x", "Not C").unwrap();
    g.claim("w", "Not E").unwrap();
    g.frames("f", "c").unwrap();
    g.supports("e", "c").unwrap();
    g.rebuts("x", "c").unwrap();
    let under_f = |g: &ArgumentGraph| {
        Evaluator::new(g)
            .framing("f")
            .run()
            .unwrap()
            .verdict("c")
            .unwrap()
            .to_string()
    };
    assert_eq!(verdict(&g, "c"), "out");
    assert_eq!(under_f(&g), "in");
    g.attacks("w", "e").unwrap();
    assert_eq!(under_f(&g), "out");
}

#[test]
fn structured_grounded_is_linear_on_long_chains() {
    // 200 000 nodes: a support chain and an attack chain, which a
    // transitive closure of supports or a round per link would make
    // quadratic. Nothing is timed here (benches/reason.rs times it); the
    // test is that it finishes, and right.
    let n = 100_000;
    let mut g = ArgumentGraph::with_capacity(2 * n, 2 * n);
    g.evidence("s0", "S").unwrap();
    for i in 1..n {
        g.claim(format!("s{i}"), "S").unwrap();
        g.supports(&format!("s{}", i - 1), &format!("s{i}"))
            .unwrap();
    }
    for i in 0..n {
        g.claim(format!("a{i}"), "A").unwrap();
        if i > 0 {
            g.attacks(&format!("a{}", i - 1), &format!("a{i}")).unwrap();
        }
    }
    g.attacks(&format!("a{}", n - 1), "s0").unwrap();
    let eval = Evaluator::new(&g).run().unwrap();
    // a0 in, a1 out, …: a_{n-1} is out (n even), so s0 and the chain stand.
    assert_eq!(
        eval.verdict(&format!("a{}", n - 1)).unwrap().to_string(),
        "out"
    );
    assert_eq!(
        eval.verdict(&format!("s{}", n - 1)).unwrap().to_string(),
        "in"
    );
}

#[test]
fn explain_cli_prints_the_library_explanation_as_text_and_json() {
    use crate::common::{argraph, seed_path, stdout};
    let seed = seed_path();
    let seed = seed.to_str().unwrap();
    let g = argraph::json::load(seed).unwrap();
    for (node, framing) in [
        ("c-tactical-finding", None),
        ("c-tightrope", None),
        ("c-impose-policy", Some("f-offensive-realism")),
    ] {
        let mut evaluator = Evaluator::new(&g);
        let mut args = vec!["explain", seed, node];
        if let Some(f) = framing {
            evaluator.framing(f);
            args.extend(["--framing", f]);
        }
        let why = evaluator.explain(node).unwrap();
        let text = argraph(&args);
        assert!(text.status.success());
        assert_eq!(stdout(&text), format!("{why}\n"));
        args.extend(["--format", "json"]);
        let json = argraph(&args);
        assert_eq!(
            stdout(&json),
            serde_json::to_string_pretty(&why).unwrap() + "\n"
        );
    }
    let missing = argraph(&["explain", seed, "c-nowhere"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(crate::common::stderr(&missing).contains("no node \"c-nowhere\""));
}

#[test]
fn evaluated_diagrams_mark_the_deciding_and_the_failing_attacks() {
    use argraph::overlay::AttackMark;
    let g = argraph::json::load(crate::common::seed_path()).unwrap();
    let eval = Evaluator::new(&g)
        .framing("f-offensive-realism")
        .run()
        .unwrap();
    let overlay = eval.overlay();
    // Under offensive realism §4's imposition defeats §5's limited scope,
    // and the Afghan refusal no longer reaches the imposition.
    assert_eq!(
        overlay.attack_mark_of("c-impose-policy", "c-scope-limited"),
        Some(AttackMark::Decides)
    );
    assert_eq!(
        overlay.attack_mark_of("e-afghan-rejects", "c-impose-policy"),
        Some(AttackMark::FailsUnderFraming)
    );
    // Every deciding attack is an attack edge from an `in` node to an `out` one.
    for e in g.edges_of_kind(EdgeKind::Attacks) {
        if overlay.attack_mark_of(e.from().id(), e.to().id()) == Some(AttackMark::Decides) {
            assert_eq!(
                eval.verdict(e.from().id()).unwrap().label(),
                Some(Label::In)
            );
            assert_eq!(eval.verdict(e.to().id()).unwrap().label(), Some(Label::Out));
        }
    }
    let mut opts = argraph::render::DotOptions::new();
    opts.overlay(overlay);
    let dot = argraph::render::dot_string(&g, &opts);
    let deciding = dot
        .lines()
        .find(|l| l.contains("\"c-impose-policy\" -> \"c-scope-limited\""))
        .unwrap();
    assert!(
        deciding.contains("penwidth=2.8") && deciding.contains("decides"),
        "{deciding}"
    );
    assert!(dot.contains("tooltip=\"fails under the framing\""));
    assert!(dot.contains("dotted grey attack: it fails under the framing"));
    if crate::common::have_dot("evaluated_diagrams_mark_the_deciding_and_the_failing_attacks") {
        opts.engine(argraph::render::Engine::Dot);
        let svg = argraph::render::render(&g, &opts, argraph::render::Format::Svg).unwrap();
        assert!(String::from_utf8(svg)
            .unwrap()
            .contains("fails under the framing"));
    }
}
