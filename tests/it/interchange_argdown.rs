//! Argdown JSON import on a hand-written export with every construct.

use argraph::{argdown, AttackKind, EdgeKind, ErrorKind, NodeKind, Provenance};
use serde_json::json;

fn load() -> argraph::report::Imported {
    argdown::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/argdown_map.json"
    ))
    .unwrap()
}

fn edge<'a>(g: &'a argraph::ArgumentGraph, from: &str, to: &str) -> argraph::EdgeRef<'a> {
    g.outgoing(from)
        .find(|e| e.to().id() == to)
        .unwrap_or_else(|| panic!("no edge {from} -> {to}"))
}

#[test]
fn statements_become_nodes_with_titles_tags_and_data() {
    let g = load().graph;
    let op = g.node("Opportunity").unwrap();
    // The canonical member is the last one with text, not the reference.
    assert_eq!(op.text(), "Russia sees the withdrawal as an opportunity.");
    assert_eq!(op.label(), Some("Opportunity"));
    // Its data, and the heading it sits under (issue 14, B4).
    assert_eq!(
        op.data(),
        Some(&json!({"confidence": "high", "argdown": {"section": ["Russia"]}}))
    );
    // Argdown's generated titles are not labels.
    assert_eq!(g.node("Untitled 1").unwrap().label(), None);
    // Tags name kinds; otherwise the leaf-premise rule decides.
    assert_eq!(g.node("Withdrawal").unwrap().kind(), NodeKind::Evidence);
    assert_eq!(g.node("Realism").unwrap().kind(), NodeKind::Framing);
    assert_eq!(g.node("Vacuum").unwrap().kind(), NodeKind::Evidence);
    assert_eq!(g.node("Opportunity").unwrap().kind(), NodeKind::Claim);
    // A statement that is only referenced gets its title as text, with a warning.
    assert_eq!(g.node("Ghost").unwrap().text(), "Ghost");
}

#[test]
fn premise_conclusion_structures_become_argument_nodes() {
    let g = load().graph;
    // The argument shares its title with its conclusion: its id is bracketed.
    let arg = g.node("<Opportunity>").unwrap();
    assert_eq!(arg.kind(), NodeKind::Argument);
    assert_eq!(arg.text(), "Withdrawal creates room for Russia.");
    assert_eq!(arg.tags(), ["core"]);
    // (1) (2) -- Modus ponens -- (3) -- (4): two inferences.
    let step = g.node("Opportunity.3").unwrap();
    assert_eq!(
        (step.kind(), step.text()),
        (NodeKind::Argument, "Modus ponens")
    );
    let mut premises: Vec<&str> = g.supporters("Opportunity.3").map(|n| n.id()).collect();
    premises.sort_unstable();
    assert_eq!(premises, ["Vacuum", "Withdrawal"]);
    assert_eq!(
        edge(&g, "Opportunity.3", "Untitled 1").kind(),
        EdgeKind::Supports
    );
    assert_eq!(
        edge(&g, "Untitled 1", "<Opportunity>").kind(),
        EdgeKind::Supports
    );
    assert_eq!(
        edge(&g, "<Opportunity>", "Opportunity").kind(),
        EdgeKind::Supports
    );
    // An argument without a pcs: its description is its text.
    assert_eq!(g.node("Sceptic").unwrap().text(), "The vacuum is a myth.");
    assert_eq!(g.node("<Limits>").unwrap().text(), "Limits");
}

#[test]
fn relations_of_every_type() {
    let imported = load();
    let g = &imported.graph;
    // A framing's support is a frames edge.
    assert_eq!(edge(g, "Realism", "Opportunity").kind(), EdgeKind::Frames);
    assert_eq!(
        edge(g, "Dominance", "Opportunity").kind(),
        EdgeKind::Supports
    ); // entails
       // Attack on an argument: no subtype; on evidence: undermine.
    assert_eq!(edge(g, "Sceptic", "<Opportunity>").attack(), None);
    assert_eq!(
        edge(g, "Limits", "Withdrawal").attack(),
        Some(AttackKind::Undermine)
    );
    // Undercuts reach the intermediary inference and the main one.
    assert_eq!(
        edge(g, "Limits", "Opportunity.3").attack(),
        Some(AttackKind::Undercut)
    );
    assert_eq!(
        edge(g, "Limits", "<Opportunity>").attack(),
        Some(AttackKind::Undercut)
    );
    // Contrary and contradictory: one attack each way, labelled.
    for (a, b) in [("Security", "Dominance"), ("Dominance", "Security")] {
        let e = edge(g, a, b);
        assert_eq!((e.kind(), e.label()), (EdgeKind::Attacks, Some("contrary")));
    }
    assert_eq!(
        edge(g, "Opportunity", "Sceptic").label(),
        Some("contradictory")
    );
    assert_eq!(
        edge(g, "Sceptic", "Opportunity").attack(),
        Some(AttackKind::Rebut)
    );
    let r = imported.report.to_string();
    for expected in [
        "relation of an unknown type (set aside) (e.g. frobnicates",
        "relation names a statement or argument that does not exist (set aside) (e.g. support \"Nowhere\"",
        "relation repeated (read once)",
        "statement or argument supporting itself (set aside)",
        "statement without text",
        "map view",
        "sections",
    ] {
        assert!(r.contains(expected), "{expected:?} not in\n{r}");
    }
    assert_eq!(imported.report.warnings(), 5);
}

#[test]
fn bad_shapes_are_parse_errors() {
    let err = argdown::from_slice(br#"{"statements": {"A": {"members": 3}}}"#).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Parse {
                format: "Argdown JSON",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("statement \"A\""), "{err}");
    let err =
        argdown::from_slice(b"{\"relations\": [{\"relationType\": \"support\"}]}").unwrap_err();
    assert_eq!(err.line(), Some(1), "{err}");
    let err = argdown::from_slice(b"{\"statements\": ").unwrap_err();
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn an_empty_export_is_an_empty_graph() {
    let imported =
        argdown::from_str(r#"{"arguments": {}, "statements": {}, "relations": []}"#).unwrap();
    assert!(imported.graph.is_empty());
    assert!(imported.report.is_empty());
}

/// The JSON that the real Argdown CLI (1.7.5) writes for
/// `tests/data/argdown_real.argdown`.
#[test]
fn a_real_argdown_export() {
    let imported = argdown::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/argdown_real.json"
    ))
    .unwrap();
    let g = &imported.graph;
    // Inline #tags leave the text (offsets are UTF-16 units: the globe is two) and become tags.
    let global = g.node("Global").unwrap();
    assert_eq!(
        global.text(),
        "🌍 The world — “and Moscow” — watches. Kabul reacts."
    );
    assert_eq!(global.tags(), ["watch"]);
    let w = g.node("Withdrawal").unwrap();
    assert_eq!(
        (w.kind(), w.text()),
        (
            NodeKind::Evidence,
            "The US withdrew from Afghanistan in 2021."
        )
    );
    // `{source, locator}` in a statement's data is provenance (issue 14),
    // its source declared with its id.
    assert_eq!(w.provenance(), [Provenance::new("dk24").with_locator("§1")]);
    // Nothing else in its data but its section (issue 14, B4).
    assert_eq!(
        w.data(),
        Some(&json!({"argdown": {"section": ["Opportunity"]}}))
    );
    assert_eq!(g.source("dk24").map(|s| s.id.as_str()), Some("dk24"));
    assert_eq!(g.node("Realism").unwrap().kind(), NodeKind::Framing);
    // (1) (2) ---- (3) -- Modus ponens -- (4): the pcs in two inferences.
    assert_eq!(
        g.node("Vacuum argument").unwrap().kind(),
        NodeKind::Argument
    );
    assert_eq!(
        edge(g, "Vacuum argument.3", "Untitled 2").kind(),
        EdgeKind::Supports
    );
    assert_eq!(
        edge(g, "Untitled 2", "Vacuum argument").kind(),
        EdgeKind::Supports
    );
    assert_eq!(
        edge(g, "Vacuum argument", "Opportunity").kind(),
        EdgeKind::Supports
    );
    // `_> <Vacuum argument>` undercuts the argument's last inference.
    assert_eq!(
        edge(g, "Limits", "Vacuum argument").attack(),
        Some(AttackKind::Undercut)
    );
    // `><` is contradictory: an attack each way.
    assert_eq!(
        edge(g, "Opportunity", "Status quo").label(),
        Some("contradictory")
    );
    assert_eq!(
        edge(g, "Status quo", "Opportunity").label(),
        Some("contradictory")
    );
    assert_eq!(
        edge(g, "Sceptic", "Opportunity").attack(),
        Some(AttackKind::Rebut)
    );
    assert_eq!(edge(g, "Security", "Global").kind(), EdgeKind::Attacks);
    assert_eq!((g.node_count(), g.edge_count()), (13, 13));
    assert_eq!(imported.report.warnings(), 0);
    assert_eq!(
        imported.report.count(
            "sections (headings, nested ones included), kept as each node's data.argdown.section"
        ),
        2
    );
}

/// A structure that stops without an inference, a pcs statement that is
/// not a statement, and ids taken twice.
#[test]
fn unfinished_structures_and_taken_ids() {
    let json = r#"{
      "statements": {"P": {"title": "P", "members": [{"text": "Premise."}]},
                     "Q": {"title": "Q", "members": [{"text": "Other."}]},
                     "A.2": {"title": "A.2", "members": [{"text": "Taken."}]}},
      "arguments": {
        "A": {"title": "A", "pcs": [
          {"title": "P", "role": "premise"},
          {"title": "Q", "role": "intermediary-conclusion", "inference": {"inferenceRules": ["MP", "MT"]}},
          {"title": "Ghost", "role": "premise"},
          {"title": "P", "role": "main-conclusion"}]},
        "P": {"title": "P", "pcs": []}},
      "relations": [{"relationType": "entails", "from": "Q", "to": "P"},
                    {"relationType": "support", "from": "Q", "to": "P"}]}"#;
    let imported = argdown::from_str(json).unwrap();
    let g = &imported.graph;
    // The intermediary inference is `A.2`, taken by a statement: `A.2 (2)`.
    let inference = g.node("A.2 (2)").unwrap();
    assert_eq!(
        (inference.kind(), inference.text()),
        (NodeKind::Argument, "MP, MT")
    );
    assert_eq!(edge(g, "P", "A.2 (2)").kind(), EdgeKind::Supports);
    assert_eq!(edge(g, "A.2 (2)", "Q").kind(), EdgeKind::Supports);
    // Without a final inference, what is left supports the argument node.
    let mut into_a: Vec<&str> = g.supporters("A").map(|n| n.id()).collect();
    into_a.sort();
    assert_eq!(into_a, ["P", "Q"]);
    // The argument titled as a statement gets `<>` around its id.
    assert_eq!(g.node("<P>").unwrap().kind(), NodeKind::Argument);
    // `entails` and `support` are two relations, both supports.
    assert_eq!(
        g.edges()
            .filter(|e| e.from().id() == "Q" && e.to().id() == "P")
            .count(),
        2
    );
    let r = &imported.report;
    assert_eq!(
        r.count("premise-conclusion structure that does not end with an inference"),
        1
    );
    assert_eq!(
        r.count("pcs statement that is not among the statements (set aside)"),
        1
    );
    assert_eq!(r.warnings(), 2);
}
