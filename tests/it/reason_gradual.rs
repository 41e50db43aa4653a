//! DF-QuAD and quadratic energy: values computed by hand.

use argraph::reason::{dfquad, quadratic_energy};
use argraph::ArgumentGraph;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Builds a graph of claims with weights (`None` = default 0.5) and edges
/// ('+' supports, '-' attacks).
fn graph(nodes: &[(&str, Option<f64>)], edges: &[(&str, char, &str)]) -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    for &(id, w) in nodes {
        let n = g.claim(id, id).unwrap();
        if let Some(w) = w {
            n.set_weight(w).unwrap();
        }
    }
    for &(a, k, b) in edges {
        match k {
            '+' => g.supports(a, b).map(|_| ()).unwrap(),
            _ => g.attacks(a, b).map(|_| ()).unwrap(),
        }
    }
    g
}

#[test]
fn dfquad_attack_dominates() {
    // c (τ = 0.7) attacked by a (0.4) and b (0.5), supported by s (0.2).
    // va = 1 − 0.6·0.5 = 0.7, vs = 0.2; va ≥ vs: 0.7 − 0.7·0.5 = 0.35.
    let g = graph(
        &[
            ("a", Some(0.4)),
            ("b", Some(0.5)),
            ("s", Some(0.2)),
            ("c", Some(0.7)),
        ],
        &[("a", '-', "c"), ("b", '-', "c"), ("s", '+', "c")],
    );
    let s = dfquad(&g, None).unwrap();
    assert!(close(s.get("c").unwrap(), 0.35));
    assert!(close(s.get("a").unwrap(), 0.4)); // unattacked, unsupported: its base score
    assert!(s.converged());
    assert_eq!(s.iterations(), 0);
}

#[test]
fn dfquad_support_dominates_and_propagates() {
    // s1 → s2 → c by supports, all with the default base score 0.5:
    // s2 = 0.5 + 0.5·0.5 = 0.75; c = 0.5 + 0.5·0.75 = 0.875.
    let g = graph(
        &[("s1", None), ("s2", None), ("c", None)],
        &[("s1", '+', "s2"), ("s2", '+', "c")],
    );
    let s = dfquad(&g, None).unwrap();
    assert!(close(s.get("s2").unwrap(), 0.75));
    assert!(close(s.get("c").unwrap(), 0.875));
}

#[test]
fn dfquad_reinstatement_along_a_chain() {
    // d (1.0) attacks a (0.5), a attacks c (0.5): a = 0.5 − 0.5·1 = 0; c = 0.5 − 0 = 0.5.
    let g = graph(
        &[("d", Some(1.0)), ("a", None), ("c", None)],
        &[("d", '-', "a"), ("a", '-', "c")],
    );
    let s = dfquad(&g, None).unwrap();
    assert!(close(s.get("a").unwrap(), 0.0));
    assert!(close(s.get("c").unwrap(), 0.5));
}

#[test]
fn dfquad_on_cycles() {
    // a ⇄ b with τ = 0.5: v = 0.5 − 0.5·v, so v = 1/3 (a contraction: converges).
    let g = graph(
        &[("a", None), ("b", None)],
        &[("a", '-', "b"), ("b", '-', "a")],
    );
    let s = dfquad(&g, None).unwrap();
    assert!(s.converged());
    assert!((s.get("a").unwrap() - 1.0 / 3.0).abs() < 1e-8);
    // With τ = 1 the simultaneous iteration flips between (1, 1) and (0, 0):
    // reported as not converged.
    let g = graph(
        &[("a", Some(1.0)), ("b", Some(1.0))],
        &[("a", '-', "b"), ("b", '-', "a")],
    );
    let s = dfquad(&g, None).unwrap();
    assert!(!s.converged());
}

#[test]
fn energy_by_hand() {
    // a (w = 1) attacks b (0.5): E_b = −1, h(1) = 1/2, b = 0.5 − 0.5·0.5 = 0.25.
    // s (w = 1) supports c (0.5): E_c = 1, c = 0.5 + 0.5·0.5 = 0.75.
    let g = graph(
        &[("a", Some(1.0)), ("b", None), ("s", Some(1.0)), ("c", None)],
        &[("a", '-', "b"), ("s", '+', "c")],
    );
    let s = quadratic_energy(&g, None).unwrap();
    assert!(close(s.get("b").unwrap(), 0.25));
    assert!(close(s.get("c").unwrap(), 0.75));
}

#[test]
fn energy_converges_where_dfquad_oscillates() {
    // a ⇄ b with w = 1: the symmetric fixed point s = 1 − s²/(1 + s²), i.e.
    // s³ + s − 1 = 0, s ≈ 0.6823278.
    let g = graph(
        &[("a", Some(1.0)), ("b", Some(1.0))],
        &[("a", '-', "b"), ("b", '-', "a")],
    );
    let s = quadratic_energy(&g, None).unwrap();
    assert!(s.converged());
    for id in ["a", "b"] {
        let v = s.get(id).unwrap();
        assert!((v * v * v + v - 1.0).abs() < 1e-6, "{id} = {v}");
    }
}

#[test]
fn gradual_under_a_framing_drops_failed_attacks() {
    let mut g = graph(&[("x", Some(1.0)), ("c", None)], &[("x", '-', "c")]);
    g.framing("f", "lens").unwrap();
    g.frames("f", "c").unwrap();
    assert!(close(dfquad(&g, None).unwrap().get("c").unwrap(), 0.0));
    assert!(close(dfquad(&g, Some("f")).unwrap().get("c").unwrap(), 0.5));
    assert!(dfquad(&g, Some("c")).is_err()); // not a framing
    assert!(quadratic_energy(&g, Some("nope")).is_err());
}

#[test]
fn deep_chains_need_no_recursion() {
    let mut g = ArgumentGraph::new();
    let n = 200_000;
    for i in 0..n {
        g.claim(format!("c{i}"), "x").unwrap();
    }
    for i in 1..n {
        g.supports(&format!("c{}", i - 1), &format!("c{i}"))
            .unwrap();
    }
    let s = dfquad(&g, None).unwrap();
    assert!(s.get(&format!("c{}", n - 1)).unwrap() > 0.99);
}

#[test]
fn edge_weights_scale_what_an_edge_carries() {
    // Regression: edge weights changed no strength (removing them from the
    // seed changed nothing). A weaker attack must leave its target stronger
    // under both semantics, and a weight of 1 must be the unweighted edge.
    let build = |attack_weight: Option<f64>| {
        let mut g = argraph::ArgumentGraph::new();
        g.claim("c", "C").unwrap().set_weight(0.6).unwrap();
        g.claim("x", "X").unwrap().set_weight(0.9).unwrap();
        let e = g.attacks("x", "c").unwrap();
        if let Some(w) = attack_weight {
            e.set_weight(w).unwrap();
        }
        g
    };
    let strengths = |g: &argraph::ArgumentGraph| {
        [
            argraph::reason::dfquad(g, None).unwrap().get("c").unwrap(),
            argraph::reason::quadratic_energy(g, None)
                .unwrap()
                .get("c")
                .unwrap(),
        ]
    };
    let (plain, full, weak) = (
        strengths(&build(None)),
        strengths(&build(Some(1.0))),
        strengths(&build(Some(0.3))),
    );
    assert_eq!(plain, full);
    for k in 0..2 {
        assert!(weak[k] > plain[k], "{weak:?} vs {plain:?}");
    }
    // DF-QuAD: va = 0.3 · 0.9 = 0.27, so 0.6 − 0.6 · 0.27.
    assert!((weak[0] - (0.6 - 0.6 * 0.27)).abs() < 1e-12);
}

#[test]
fn seed_edge_weights_change_its_strengths() {
    let path = crate::common::seed_path();
    let g = argraph::json::load(&path).unwrap();
    let mut text: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut weighted = 0;
    for e in text["edges"].as_array_mut().unwrap() {
        weighted += usize::from(e.as_object_mut().unwrap().remove("weight").is_some());
    }
    assert!(weighted > 0, "the seed weighs some edges");
    let unweighted = argraph::json::from_str(&text.to_string()).unwrap();
    let (a, b) = (
        argraph::reason::dfquad(&g, None).unwrap(),
        argraph::reason::dfquad(&unweighted, None).unwrap(),
    );
    let moved = a
        .iter()
        .filter(|(id, v)| (b.get(id).unwrap() - v).abs() > 1e-9)
        .count();
    assert!(moved > 0, "{weighted} weighted edges changed no strength");
}
