//! The Dung view of rich graphs and the framing rule (Bench-Capon 2003).

use argraph::reason::{dung_view, Evaluator, Label, Semantics, Status, SupportMode};
use argraph::ArgumentGraph;

fn pairs(g: &ArgumentGraph, mode: SupportMode, framing: Option<&str>) -> Vec<(String, String)> {
    let v = dung_view(g, mode, framing).unwrap();
    let af = v.framework();
    let mut p: Vec<(String, String)> = af
        .attack_pairs()
        .map(|(a, b)| (af.name(a).into_owned(), af.name(b).into_owned()))
        .collect();
    p.sort();
    p
}

fn p(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = list
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

/// s supports x, x attacks y, y supports z.
fn chain() -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    for id in ["s", "x", "y", "z"] {
        g.claim(id, id).unwrap();
    }
    g.supports("s", "x").unwrap();
    g.attacks("x", "y").unwrap();
    g.supports("y", "z").unwrap();
    g
}

#[test]
fn support_modes_derive_the_cayrol_lagasquie_schiex_attacks() {
    let g = chain();
    assert_eq!(pairs(&g, SupportMode::Ignore, None), p(&[("x", "y")]));
    // Supported attack: s supports x, x attacks y ⇒ s attacks y.
    assert_eq!(
        pairs(&g, SupportMode::Supported, None),
        p(&[("x", "y"), ("s", "y")])
    );
    // Plus secondary attack: x attacks y, y supports z ⇒ x attacks z (but not s → z:
    // the 2005 definitions do not chain both).
    assert_eq!(
        pairs(&g, SupportMode::Bipolar, None),
        p(&[("x", "y"), ("s", "y"), ("x", "z")])
    );
}

#[test]
fn attacks_on_what_the_audience_prefers_fail() {
    let mut g = chain();
    g.framing("f", "lens").unwrap();
    g.frames("f", "z").unwrap();
    g.frames("f", "s").unwrap();
    // Under f: x → z fails (z promotes f, x does not); x → y succeeds
    // (neither promotes f); s → y succeeds (from an f-node).
    assert_eq!(
        pairs(&g, SupportMode::Bipolar, Some("f")),
        p(&[("x", "y"), ("s", "y")])
    );
    let v = dung_view(&g, SupportMode::Bipolar, Some("f")).unwrap();
    let af = v.framework();
    assert_eq!(
        v.failed_attacks(),
        &[(af.index_of("x").unwrap(), af.index_of("z").unwrap())]
    );
}

#[test]
fn same_value_attacks_and_self_attacks_succeed() {
    let mut g = ArgumentGraph::new();
    g.framing("f", "lens").unwrap();
    g.claim("a", "A").unwrap();
    g.claim("b", "B").unwrap();
    g.frames("f", "a").unwrap();
    g.frames("f", "b").unwrap();
    g.attacks("a", "b").unwrap();
    g.attacks("a", "a").unwrap();
    assert_eq!(
        pairs(&g, SupportMode::Bipolar, Some("f")),
        p(&[("a", "b"), ("a", "a")])
    );
}

#[test]
fn rival_framings_and_nodes_with_several_framings() {
    let mut g = ArgumentGraph::new();
    g.framing("f", "F").unwrap();
    g.framing("g", "G").unwrap();
    g.claim("both", "framed twice").unwrap();
    g.claim("x", "unframed").unwrap();
    g.attacks("f", "g").unwrap();
    g.attacks("g", "f").unwrap();
    g.frames("f", "both").unwrap();
    g.frames("g", "both").unwrap();
    g.attacks("x", "both").unwrap();
    // Under f: g's attack on f fails, f's on g succeeds; `both` is protected.
    assert_eq!(pairs(&g, SupportMode::Bipolar, Some("f")), p(&[("f", "g")]));
    assert_eq!(pairs(&g, SupportMode::Bipolar, Some("g")), p(&[("g", "f")]));
    // Under no framing every attack succeeds.
    assert_eq!(pairs(&g, SupportMode::Bipolar, None).len(), 3);
    let e = Evaluator::new(&g)
        .semantics(Semantics::Grounded)
        .framing("f")
        .limit(10)
        .run()
        .unwrap();
    assert_eq!(e.verdict("g").unwrap().label(), Some(Label::Out));
    assert_eq!(e.verdict("both").unwrap().label(), Some(Label::In));
    let e = Evaluator::new(&g).limit(10).run().unwrap();
    assert_eq!(e.verdict("f").unwrap().label(), Some(Label::Undec));
    assert_eq!(e.verdict("both").unwrap().label(), Some(Label::Out));
}

#[test]
fn framing_must_be_a_framing() {
    let g = chain();
    assert!(dung_view(&g, SupportMode::Bipolar, Some("x")).is_err());
    assert!(dung_view(&g, SupportMode::Bipolar, Some("missing")).is_err());
}

#[test]
fn statuses_under_preferred_and_stable() {
    // a ⇄ b, both attack c: preferred {a}, {b}; c rejected, a and b credulous.
    let mut g = ArgumentGraph::new();
    for id in ["a", "b", "c"] {
        g.claim(id, id).unwrap();
    }
    for (x, y) in [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")] {
        g.attacks(x, y).unwrap();
    }
    for (sem, limit) in [
        (Semantics::Preferred, 10),
        (Semantics::Stable, 10),
        (Semantics::Preferred, 1),
    ] {
        let e = Evaluator::new(&g)
            .semantics(sem)
            .supports(SupportMode::Bipolar)
            .limit(limit)
            .run()
            .unwrap();
        assert_eq!(
            e.verdict("a").unwrap().status(),
            Some(Status::Credulous),
            "{sem} {limit}"
        );
        assert_eq!(e.verdict("c").unwrap().status(), Some(Status::Rejected));
        assert_eq!(e.all_extensions(), limit > 1);
    }
}

#[test]
fn seed_graph_compare_shows_the_framings_parting_ways() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graphs/russia_afghanistan.json"
    );
    let g = argraph::json::load(std::path::Path::new(path)).unwrap();
    let every_framing = g.nodes_of_kind(argraph::NodeKind::Framing).map(|n| n.id());
    // The rule checked below is the bipolar reading's (derived attacks are
    // judged on their own endpoints); the structured reading has its own
    // test (reason_structured).
    let c = Evaluator::new(&g)
        .semantics(Semantics::Grounded)
        .supports(SupportMode::Bipolar)
        .limit(100)
        .compare(every_framing)
        .unwrap();
    assert_eq!(c.framings()[0], None);
    assert!(
        c.framings().len() >= 3,
        "the seed analysis has several framings"
    );
    let differing: Vec<&str> = c
        .rows()
        .iter()
        .filter(|r| r.kind == argraph::NodeKind::Claim && r.differs())
        .map(|r| r.id.as_str())
        .collect();
    assert!(!differing.is_empty(), "the framings disagree somewhere");
    // Under each framing, every claim that framing frames and that is out
    // without framing is protected from attacks by unframed nodes only;
    // check the rule on the seed: a claim framed by F is never `out` under F
    // unless an F-preferred node attacks it (directly or derived).
    for (col, f) in c.framings().iter().enumerate().skip(1) {
        let f = f.as_deref().unwrap();
        let view = dung_view(&g, SupportMode::Bipolar, Some(f)).unwrap();
        let af = view.framework();
        for framed in g.framed_by(f) {
            let row = c.row(framed.id()).unwrap();
            if row.verdicts[col].label() == Some(Label::Out) {
                let a = af.index_of(framed.id()).unwrap();
                let framed_ids: Vec<&str> = g.framed_by(f).map(|n| n.id()).collect();
                assert!(af
                    .attackers(a)
                    .iter()
                    .any(|&b| framed_ids.contains(&af.name(b as usize).as_ref())
                        || af.name(b as usize) == f));
            }
        }
    }
}

#[test]
fn methods_parse_with_the_crate_error_and_compare_takes_owned_names() -> argraph::Result<()> {
    let mut g = ArgumentGraph::new();
    g.framing("f", "F")?;
    g.claim("a", "A")?;
    g.claim("b", "B")?;
    g.rebuts("a", "b")?;
    g.rebuts("b", "a")?;
    g.frames("f", "a")?;
    let method: argraph::reason::Method = "GR".parse()?;
    assert_eq!(method.as_str(), "grounded");
    assert_eq!("Df-Quad".parse::<argraph::reason::Method>().ok(), None);
    let err = "ideal".parse::<argraph::reason::Method>().unwrap_err();
    assert!(matches!(err.kind(), argraph::ErrorKind::InvalidInput(_)));
    assert!(
        err.to_string().contains("unknown semantics \"ideal\""),
        "{err}"
    );
    let names: Vec<String> = vec!["f".to_string()];
    let c = Evaluator::new(&g).semantics(method).compare(names)?;
    assert_eq!(c.framings(), [None, Some("f".to_string())]);
    assert_eq!(c.row("b").unwrap().verdicts[1].to_string(), "out");
    assert!(
        Evaluator::new(&g).compare(["a"]).is_err(),
        "a is not a framing"
    );
    Ok(())
}

#[test]
fn evaluations_become_overlays() -> argraph::Result<()> {
    use argraph::overlay::Mark;
    let mut g = ArgumentGraph::new();
    g.framing("f", "F")?;
    g.claim("a", "A")?;
    g.claim("b", "B")?;
    g.attacks("a", "b")?;
    let grounded = Evaluator::new(&g).framing("f").run()?.overlay();
    assert_eq!(grounded.caption(), "Evaluation: grounded under framing f");
    assert_eq!(grounded.mark_of("b"), Some(Mark::Out));
    assert_eq!(grounded.legend_marks(), [Mark::In, Mark::Out, Mark::Undec]);
    assert_eq!(grounded.len(), 3);
    let energy = Evaluator::new(&g)
        .semantics(argraph::reason::Gradual::Energy)
        .run()?;
    let overlay = energy.overlay();
    assert_eq!(overlay.caption(), "Evaluation: energy, no framing");
    assert_eq!(
        overlay.mark_of("a"),
        energy.verdict("a").unwrap().strength().map(Mark::Strength)
    );
    assert_eq!(
        overlay.legend_marks(),
        [
            Mark::Strength(1.0),
            Mark::Strength(0.5),
            Mark::Strength(0.0)
        ]
    );
    Ok(())
}
