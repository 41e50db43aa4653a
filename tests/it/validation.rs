//! Every structural rule, as a reader of JSON meets it: each broken rule is
//! reported, named, and located at the node or edge at fault.

use argraph::{ErrorKind, Location, Rule};
use serde_json::{json, Value};

/// Loads a document and returns its problems as (rule, location, message).
fn problems(doc: Value) -> Vec<(Rule, Location, String)> {
    let err = argraph::json::from_str(&doc.to_string()).expect_err("the document is invalid");
    assert!(matches!(err.kind(), ErrorKind::Invalid(_)), "{err}");
    err.problems()
        .iter()
        .map(|p| (p.rule(), p.location().clone(), p.message().to_string()))
        .collect()
}

fn node(index: usize, id: &str) -> Location {
    Location::Node {
        index: Some(index),
        id: Some(id.to_string()),
    }
}

fn edge(index: usize, from: &str, to: &str) -> Location {
    Location::Edge {
        index: Some(index),
        from: Some(from.to_string()),
        to: Some(to.to_string()),
    }
}

fn claims(ids: &[&str]) -> Vec<Value> {
    ids.iter()
        .map(|id| json!({"id": id, "kind": "claim", "text": format!("text of {id}")}))
        .collect()
}

#[test]
fn duplicate_node_ids() {
    let p = problems(json!({"argraph": 1, "nodes": claims(&["a", "b", "a"])}));
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].0, &p[0].1), (Rule::DuplicateId, &node(2, "a")));
    assert!(p[0].2.contains("\"a\""), "{}", p[0].2);
}

#[test]
fn duplicate_source_ids() {
    let p = problems(json!({"argraph": 1, "sources": [{"id": "s"}, {"id": "s"}], "nodes": []}));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, Rule::DuplicateId);
    assert_eq!(
        p[0].1,
        Location::Source {
            index: Some(1),
            id: Some("s".into())
        }
    );
}

#[test]
fn edges_to_unknown_ids() {
    let p = problems(json!({"argraph": 1, "nodes": claims(&["a"]), "edges": [
        {"from": "a", "to": "ghost", "kind": "supports"},
        {"from": "nobody", "to": "a", "kind": "attacks"},
    ]}));
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].0, &p[0].1),
        (Rule::UnknownEndpoint, &edge(0, "a", "ghost"))
    );
    assert!(p[0].2.contains("\"ghost\""));
    assert_eq!(
        (p[1].0, &p[1].1),
        (Rule::UnknownEndpoint, &edge(1, "nobody", "a"))
    );
}

#[test]
fn unknown_node_edge_and_attack_kinds() {
    let p = problems(json!({"argraph": 1,
        "nodes": [{"id": "a", "kind": "premise", "text": "A"},
                  {"id": "b", "kind": "claim", "text": "B"},
                  {"id": "c", "kind": "claim", "text": "C"}],
        "edges": [{"from": "b", "to": "c", "kind": "refutes"},
                  {"from": "b", "to": "c", "kind": "attacks", "attack": "smash"}]}));
    let rules: Vec<_> = p.iter().map(|p| (p.0, p.1.clone())).collect();
    assert_eq!(
        rules,
        [
            (Rule::UnknownKind, node(0, "a")),
            (Rule::UnknownKind, edge(0, "b", "c")),
            (Rule::UnknownKind, edge(1, "b", "c")),
        ]
    );
    assert!(
        p[0].2.contains("\"premise\"") && p[0].2.contains("claim, evidence, framing, argument")
    );
    assert!(p[1].2.contains("\"refutes\""));
    assert!(p[2].2.contains("\"smash\""));
}

#[test]
fn frames_must_start_at_a_framing_and_end_at_a_claim_or_argument() {
    let p = problems(json!({"argraph": 1,
        "nodes": [{"id": "f", "kind": "framing", "text": "F"},
                  {"id": "e", "kind": "evidence", "text": "E"},
                  {"id": "c", "kind": "claim", "text": "C"},
                  {"id": "g", "kind": "framing", "text": "G"}],
        "edges": [{"from": "c", "to": "c", "kind": "frames"},
                  {"from": "f", "to": "e", "kind": "frames"},
                  {"from": "f", "to": "g", "kind": "frames"},
                  {"from": "f", "to": "c", "kind": "frames"}]}));
    let located: Vec<_> = p.iter().map(|p| (p.0, p.1.clone())).collect();
    assert_eq!(
        located,
        [
            (Rule::BadFrames, edge(0, "c", "c")),
            (Rule::BadFrames, edge(1, "f", "e")),
            (Rule::BadFrames, edge(2, "f", "g")),
        ]
    );
    assert!(p[0].2.contains("must start at a framing"));
    assert!(p[1].2.contains("must end at a claim or an argument"));
}

#[test]
fn self_support_is_refused_but_self_attack_is_legal() {
    let p = problems(json!({"argraph": 1, "nodes": claims(&["a"]),
        "edges": [{"from": "a", "to": "a", "kind": "supports"}]}));
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].0, &p[0].1), (Rule::SelfSupport, &edge(0, "a", "a")));

    let g = argraph::json::from_str(
        &json!({"argraph": 1, "nodes": claims(&["a"]),
            "edges": [{"from": "a", "to": "a", "kind": "attacks", "attack": "rebut"}]})
        .to_string(),
    )
    .unwrap();
    assert_eq!(g.attackers("a").next().unwrap().id(), "a");
}

#[test]
fn weights_outside_the_unit_interval_or_not_numbers() {
    let p = problems(json!({"argraph": 1,
        "nodes": [{"id": "a", "kind": "claim", "text": "A", "weight": 1.5},
                  {"id": "b", "kind": "claim", "text": "B", "weight": -0.1},
                  {"id": "c", "kind": "claim", "text": "C", "weight": "high"},
                  {"id": "d", "kind": "claim", "text": "D", "weight": 1}],
        "edges": [{"from": "a", "to": "b", "kind": "supports", "weight": 2},
                  {"from": "a", "to": "b", "kind": "supports", "weight": null}]}));
    let located: Vec<_> = p.iter().map(|p| (p.0, p.1.clone())).collect();
    assert_eq!(
        located,
        [
            (Rule::BadWeight, node(0, "a")),
            (Rule::BadWeight, node(1, "b")),
            (Rule::BadWeight, node(2, "c")),
            (Rule::BadWeight, edge(0, "a", "b")),
        ]
    );
    assert!(p[0].2.contains("1.5") && p[0].2.contains("[0, 1]"));
    assert!(p[2].2.contains("must be a number") && p[2].2.contains("\"high\""));
}

#[test]
fn provenance_must_name_a_declared_source() {
    let p = problems(json!({"argraph": 1, "sources": [{"id": "known"}],
        "nodes": [{"id": "e", "kind": "evidence", "text": "E",
                   "provenance": [{"source": "known"}, {"source": "unknown", "quote": "q"}]}]}));
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].0, &p[0].1), (Rule::UndeclaredSource, &node(0, "e")));
    assert!(p[0].2.contains("\"unknown\""));
}

#[test]
fn missing_or_empty_required_fields() {
    let p = problems(json!({"argraph": 1,
        "nodes": [{"kind": "claim", "text": "no id"},
                  {"id": "b", "kind": "claim"},
                  {"id": "c", "text": "no kind"},
                  {"id": "", "kind": "claim", "text": ""}],
        "edges": [{"to": "b", "kind": "supports"}]}));
    let got: Vec<_> = p.iter().map(|p| (p.0, p.1.clone(), p.2.clone())).collect();
    let missing = |field: &str| format!("missing required field `{field}`");
    let at = |index, id: Option<&str>| Location::Node {
        index: Some(index),
        id: id.map(String::from),
    };
    assert_eq!(
        got,
        [
            (Rule::MissingField, at(0, None), missing("id")),
            (Rule::MissingField, at(1, Some("b")), missing("text")),
            (Rule::MissingField, at(2, Some("c")), missing("kind")),
            (Rule::MissingField, at(3, Some("")), missing("id")),
            (Rule::MissingField, at(3, Some("")), missing("text")),
            (
                Rule::MissingField,
                Location::Edge {
                    index: Some(0),
                    from: None,
                    to: Some("b".into())
                },
                missing("from")
            ),
        ]
    );
}

#[test]
fn attack_subtype_on_a_support_is_refused() {
    let p = problems(json!({"argraph": 1, "nodes": claims(&["a", "b"]),
        "edges": [{"from": "a", "to": "b", "kind": "supports", "attack": "rebut"}]}));
    assert_eq!(p.len(), 1);
    assert_eq!(
        (p[0].0, &p[0].1),
        (Rule::AttackOnNonAttack, &edge(0, "a", "b"))
    );
}

#[test]
fn all_problems_are_reported_at_once() {
    let p = problems(json!({"argraph": 1, "sources": [{"id": "s"}],
        "nodes": [{"id": "a", "kind": "claim", "text": "A", "weight": 3},
                  {"id": "a", "kind": "claim", "text": "A again"},
                  {"id": "e", "kind": "evidence", "text": "E", "provenance": [{"source": "t"}]},
                  {"id": "x", "kind": "thing", "text": "X"}],
        "edges": [{"from": "a", "to": "zz", "kind": "supports"},
                  {"from": "e", "to": "e", "kind": "supports"},
                  {"from": "e", "to": "a", "kind": "frames"}]}));
    let rules: Vec<Rule> = p.iter().map(|p| p.0).collect();
    assert_eq!(
        rules,
        [
            Rule::BadWeight,
            Rule::DuplicateId,
            Rule::UndeclaredSource,
            Rule::UnknownKind,
            Rule::UnknownEndpoint,
            Rule::SelfSupport,
            Rule::BadFrames,
        ]
    );
}

#[test]
fn an_edge_to_a_broken_node_is_not_reported_twice() {
    // Node "x" has an unknown kind: that is its problem; the edge to it is
    // not also "an edge to an unknown id".
    let p = problems(json!({"argraph": 1,
        "nodes": [{"id": "x", "kind": "thing", "text": "X"}, {"id": "c", "kind": "claim", "text": "C"}],
        "edges": [{"from": "x", "to": "c", "kind": "supports"}]}));
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].0, Rule::UnknownKind);
}

#[test]
fn unknown_fields_are_refused_with_their_position() {
    let text = "{\"argraph\": 1,\n \"nodes\": [{\"id\": \"a\", \"kind\": \"claim\", \"text\": \"A\", \"wieght\": 0.5}]}";
    let err = argraph::json::from_str(text).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }));
    assert_eq!(err.line(), Some(2));
    assert!(err.to_string().contains("unknown field `wieght`"), "{err}");
}

#[test]
fn the_error_message_lists_every_problem_with_its_place() {
    let err = argraph::json::from_str(
        &json!({"argraph": 1, "nodes": claims(&["a", "a"]),
            "edges": [{"from": "a", "to": "b", "kind": "supports"}]})
        .to_string(),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("invalid graph: 2 problems"), "{msg}");
    assert!(
        msg.contains("node \"a\" (nodes[1]): node id \"a\" is already used"),
        "{msg}"
    );
    assert!(
        msg.contains("edge \"a\" -> \"b\" (edges[0]): unknown node id \"b\""),
        "{msg}"
    );
}

#[test]
fn graphs_built_in_code_are_validated_too() {
    use argraph::{ArgumentGraph, Provenance, Source};
    let mut g = ArgumentGraph::new();
    g.add_source(Source::new("s", "S")).unwrap();
    g.evidence("e", "E")
        .unwrap()
        .add_provenance(Provenance::new("s"));
    g.validate().unwrap();
    g.node_mut("e")
        .unwrap()
        .add_provenance(Provenance::new("t"));
    let err = g.validate().unwrap_err();
    assert_eq!(err.problems().len(), 1);
    assert_eq!(err.problems()[0].rule(), Rule::UndeclaredSource);

    // The builder refuses what it can check on the spot, naming the ids.
    assert_eq!(
        g.claim("e", "again").unwrap_err().problems()[0].rule(),
        Rule::DuplicateId
    );
    assert_eq!(
        g.claim("", "no id").unwrap_err().problems()[0].rule(),
        Rule::MissingField
    );
    assert_eq!(
        g.claim("c", "").unwrap_err().problems()[0].rule(),
        Rule::MissingField
    );
    let err = g.supports("e", "nowhere").unwrap_err();
    assert_eq!(err.problems()[0].rule(), Rule::UnknownEndpoint);
    assert!(err.to_string().contains("\"nowhere\""));
    assert!(g.node_mut("e").unwrap().set_weight(-1.0).is_err());
    assert_eq!(g.edge_count(), 0);

    // Text emptied after the fact is caught by validate.
    g.claim("c", "C").unwrap().set_text("");
    let rules: Vec<Rule> = g
        .validate()
        .unwrap_err()
        .problems()
        .iter()
        .map(|p| p.rule())
        .collect();
    assert_eq!(rules, [Rule::UndeclaredSource, Rule::MissingField]);
}
