//! The findings the README states on the seed analysis (its section "What
//! `compare` shows on the seed analysis"): which claims stand under which
//! audience, and the map edges each key verdict runs through. If the map or
//! the reasoning changes a finding, the README must change with it.

use argraph::reason::gradual::Gradual;
use argraph::reason::{Comparison, Evaluator, Label, Link, Note, Semantics, Step};
use argraph::ArgumentGraph;

use crate::common;

const FRAMINGS: [&str; 4] = [
    "f-ideological",
    "f-offensive-realism",
    "f-defensive-realism",
    "f-geopolitical",
];
const OFFENSIVE: usize = 2;

/// The claims whose verdict the audience changes, with their verdict under
/// no framing (every other audience agrees) and under offensive realism.
const LENS_DEPENDENT: [(&str, Label, Label); 5] = [
    ("c-aggressive-peace-process", Label::Out, Label::In),
    ("c-impose-policy", Label::Out, Label::In),
    ("c-tightrope", Label::In, Label::Out),
    ("c-scope-limited", Label::In, Label::Out),
    ("c-defensive-posture", Label::In, Label::Out),
];

fn seed() -> ArgumentGraph {
    argraph::json::load(common::seed_path()).unwrap()
}

fn compare(evaluator: &mut Evaluator<'_>) -> Comparison {
    evaluator.limit(100).compare(FRAMINGS).unwrap()
}

fn label(c: &Comparison, id: &str, column: usize) -> Label {
    let row = c.row(id).unwrap_or_else(|| panic!("no row for {id}"));
    row.verdicts[column].label().unwrap()
}

fn differing_claims(c: &Comparison) -> Vec<&str> {
    c.rows()
        .iter()
        .filter(|r| r.kind == argraph::NodeKind::Claim && r.differs())
        .map(|r| r.id.as_str())
        .collect()
}

/// The link of `step` for the edge `from relation to`, or a panic that
/// shows the whole explanation.
fn link<'s>(step: &'s Step, from: &str, relation: &str, to: &str, why: &str) -> &'s Link {
    step.links
        .iter()
        .find(|l| l.from == from && l.relation == relation && l.to == to)
        .unwrap_or_else(|| panic!("no `{from} {relation} {to}` in the explanation:\n{why}"))
}

/// The step at the far end of a link that does not fail.
fn next(link: &Link) -> &Step {
    link.step.as_deref().expect("a link that holds has a step")
}

fn explain(g: &ArgumentGraph, node: &str, framing: Option<&str>) -> (Step, String) {
    let mut evaluator = Evaluator::new(g);
    if let Some(f) = framing {
        evaluator.framing(f);
    }
    let why = evaluator.explain(node).unwrap();
    let text = why.to_string();
    (why.step, text)
}

#[test]
fn only_the_offensive_realist_audience_changes_a_claim() {
    let g = seed();
    let grounded = compare(&mut Evaluator::new(&g));
    let mut lens_dependent: Vec<&str> = LENS_DEPENDENT.iter().map(|(id, ..)| *id).collect();
    lens_dependent.sort_unstable();
    let mut differing = differing_claims(&grounded);
    differing.sort_unstable();
    assert_eq!(differing, lens_dependent);
    for (id, none, offensive) in LENS_DEPENDENT {
        for column in 0..=FRAMINGS.len() {
            let expected = if column == OFFENSIVE { offensive } else { none };
            assert_eq!(
                label(&grounded, id, column),
                expected,
                "{id} in column {column}"
            );
        }
    }
    // Preferred semantics agree: nothing is merely credulous.
    let preferred = compare(Evaluator::new(&g).semantics(Semantics::Preferred));
    assert_eq!(differing_claims(&preferred).len(), LENS_DEPENDENT.len());
    for row in preferred.rows() {
        for (column, verdict) in row.verdicts.iter().enumerate() {
            let accepted = verdict.status().unwrap().to_string() == "skeptical";
            let grounded_in = label(&grounded, &row.id, column) == Label::In;
            assert_eq!(accepted, grounded_in, "{} in column {column}", row.id);
        }
    }
    // DF-QuAD moves the same claims, and no other.
    let dfquad = compare(Evaluator::new(&g).semantics(Gradual::DfQuad));
    let mut moved = differing_claims(&dfquad);
    moved.sort_unstable();
    assert_eq!(moved, lens_dependent);
}

#[test]
fn the_claims_both_texts_leave_uncontested_stand_under_every_audience() {
    let g = seed();
    let c = compare(&mut Evaluator::new(&g));
    for id in [
        // The article's finding: no attack reaches it.
        "c-tactical-finding",
        // The opinion piece's geopolitical reading of the withdrawal.
        "c-opportunity",
        "c-fill-the-gap",
        "c-political-security-route",
        "c-strategy-economic",
        "c-taliban-tool",
        // The article's conclusions other than the tightrope's limits.
        "c-prefers-consolidation",
        "c-cannot-support-directly",
        "c-engagement-not-necessary",
    ] {
        for column in 0..=FRAMINGS.len() {
            assert_eq!(label(&c, id, column), Label::In, "{id} in column {column}");
        }
    }
    let (step, why) = explain(&g, "c-tactical-finding", None);
    assert_eq!(step.note, Note::Derived, "{why}");
    assert_eq!(step.links.len(), 1, "{why}");
    link(
        &step,
        "e-stability-concern",
        "supports",
        "c-tactical-finding",
        &why,
    );
}

#[test]
fn without_a_lens_imposition_falls_to_the_afghan_refusal_the_article_reports() {
    let g = seed();
    let (step, why) = explain(&g, "c-impose-policy", None);
    assert_eq!(
        (step.label, step.note),
        (Label::Out, Note::Defeated),
        "{why}"
    );
    let refusal = next(link(
        &step,
        "e-afghan-rejects",
        "rebuts",
        "c-impose-policy",
        &why,
    ));
    assert_eq!(
        (refusal.label, refusal.note),
        (Label::In, Note::Premise),
        "{why}"
    );
    // The edge cites the article's own sentence.
    let edge = g
        .edge_between("e-afghan-rejects", "c-impose-policy")
        .unwrap();
    assert_eq!(edge.edge().provenance()[0].source, "davoodi-kiani-2024");
}

#[test]
fn without_a_lens_the_aggressive_approach_falls_to_the_articles_tactical_finding() {
    let g = seed();
    let (step, why) = explain(&g, "c-aggressive-peace-process", None);
    assert_eq!(
        (step.label, step.note),
        (Label::Out, Note::NoArgument),
        "{why}"
    );
    let bridge = next(link(
        &step,
        "a-threat-to-aggression",
        "supports",
        "c-aggressive-peace-process",
        &why,
    ));
    assert_eq!(
        (bridge.label, bridge.note),
        (Label::Out, Note::Defeated),
        "{why}"
    );
    let tactical = next(link(
        bridge,
        "c-tactical-finding",
        "undercuts",
        "a-threat-to-aggression",
        &why,
    ));
    assert_eq!(tactical.label, Label::In, "{why}");
}

#[test]
fn the_offensive_audience_keeps_imposition_and_loses_the_articles_tightrope() {
    let g = seed();
    let off = Some("f-offensive-realism");
    let (impose, why) = explain(&g, "c-impose-policy", off);
    assert_eq!(impose.label, Label::In, "{why}");
    for attacker in ["e-afghan-rejects", "c-scope-limited", "c-defensive-posture"] {
        let l = link(&impose, attacker, "rebuts", "c-impose-policy", &why);
        assert!(l.fails_under_framing, "{attacker}: {why}");
    }
    // Its argument: the article's own "in this way it can impose its policy".
    let approach = next(link(
        &impose,
        "c-aggressive-peace-process",
        "supports",
        "c-impose-policy",
        &why,
    ));
    let bridge = next(link(
        approach,
        "a-threat-to-aggression",
        "supports",
        "c-aggressive-peace-process",
        &why,
    ));
    let undercut = link(
        bridge,
        "c-tactical-finding",
        "undercuts",
        "a-threat-to-aggression",
        &why,
    );
    assert!(undercut.fails_under_framing, "{why}");
    // And §4's imposition defeats §5's limited scope, the tightrope's premise.
    let (tightrope, why) = explain(&g, "c-tightrope", off);
    assert_eq!(
        (tightrope.label, tightrope.note),
        (Label::Out, Note::NoArgument),
        "{why}"
    );
    let argument = next(link(
        &tightrope,
        "a-tightrope",
        "supports",
        "c-tightrope",
        &why,
    ));
    let scope = next(link(
        argument,
        "c-scope-limited",
        "supports",
        "a-tightrope",
        &why,
    ));
    assert_eq!(
        (scope.label, scope.note),
        (Label::Out, Note::Defeated),
        "{why}"
    );
    let by = next(link(
        scope,
        "c-impose-policy",
        "rebuts",
        "c-scope-limited",
        &why,
    ));
    assert_eq!(by.label, Label::In, "{why}");
    // With no lens the tightrope stands on its three premises.
    let (tightrope, why) = explain(&g, "c-tightrope", None);
    assert_eq!(tightrope.label, Label::In, "{why}");
    let argument = next(link(
        &tightrope,
        "a-tightrope",
        "supports",
        "c-tightrope",
        &why,
    ));
    for premise in [
        "c-prefers-consolidation",
        "c-cannot-support-directly",
        "c-scope-limited",
    ] {
        assert_eq!(
            next(link(argument, premise, "supports", "a-tightrope", &why)).label,
            Label::In
        );
    }
}

#[test]
fn moderation_falls_to_the_warning_the_opinion_piece_itself_reports() {
    let g = seed();
    let c = compare(&mut Evaluator::new(&g));
    for id in ["c-taliban-moderate", "c-taliban-into-government"] {
        for column in 0..=FRAMINGS.len() {
            assert_eq!(label(&c, id, column), Label::Out, "{id} in column {column}");
        }
    }
    let (step, why) = explain(&g, "c-taliban-moderate", None);
    assert_eq!(step.note, Note::Defeated, "{why}");
    let lavrov = next(link(
        &step,
        "e-lavrov-alqaeda",
        "undermines",
        "c-taliban-moderate",
        &why,
    ));
    assert_eq!(lavrov.label, Label::In, "{why}");
    // The call to oust Ghani stands on Kabulov's own words.
    let (step, why) = explain(&g, "c-oust-ghani", None);
    assert_eq!(step.label, Label::In, "{why}");
    link(
        &step,
        "e-kabulov-coalition",
        "supports",
        "c-oust-ghani",
        &why,
    );
    // "Changed completely" falls to the piece's own ideological continuity.
    let (step, why) = explain(&g, "c-post-soviet-shift", None);
    assert_eq!(step.label, Label::Out, "{why}");
    let shift = next(link(
        &step,
        "a-period-shift",
        "supports",
        "c-post-soviet-shift",
        &why,
    ));
    link(
        shift,
        "c-post2001-ideological",
        "undercuts",
        "a-period-shift",
        &why,
    );
}

#[test]
fn no_claim_verdict_rests_on_a_framing_we_assigned() {
    let g = seed();
    let all = compare(&mut Evaluator::new(&g));
    let declared = compare(Evaluator::new(&g).declared_framings_only(true));
    for row in all.rows() {
        let other = declared.row(&row.id).unwrap();
        if row.kind == argraph::NodeKind::Claim {
            assert_eq!(row.verdicts, other.verdicts, "{}", row.id);
        }
    }
    // The one node that moves: our synthesis of a defensive continuity,
    // which only an assigned framing shields from the article's revision.
    let defensive = 3;
    let id = "a-defensive-continuity";
    assert_eq!(label(&all, id, defensive), Label::In);
    assert_eq!(label(&declared, id, defensive), Label::Out);
    let moved: Vec<&str> = all
        .rows()
        .iter()
        .filter(|r| declared.row(&r.id).unwrap().verdicts != r.verdicts)
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(moved, [id]);
}

#[test]
fn the_realist_quarrel_does_not_need_our_synthesis() {
    let g = seed();
    let all = compare(&mut Evaluator::new(&g));
    let sources_only = compare(Evaluator::new(&g).syntheses(false));
    assert!(sources_only.row("c-defensive-posture").is_none());
    assert!(sources_only.row("a-defensive-continuity").is_none());
    for row in sources_only.rows() {
        assert_eq!(
            row.verdicts,
            all.row(&row.id).unwrap().verdicts,
            "{}",
            row.id
        );
    }
    let mut differing = differing_claims(&sources_only);
    differing.sort_unstable();
    assert_eq!(
        differing,
        [
            "c-aggressive-peace-process",
            "c-impose-policy",
            "c-scope-limited",
            "c-tightrope"
        ]
    );
}
