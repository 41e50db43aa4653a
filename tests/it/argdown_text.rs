//! Argdown text, read and written natively: the reader on Argdown's
//! constructs, its errors with line and column, the CLI on `.argdown`
//! files, and argraph → Argdown → argraph giving back the same graph.

use argraph::{argdown, ArgumentGraph, AttackKind, EdgeKind, NodeKind};
use proptest::prelude::*;
use serde_json::json;

use crate::strategies::graph_any_data;

fn read(text: &str) -> argraph::report::Imported {
    argdown::from_text(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn through_argdown(g: &ArgumentGraph) -> ArgumentGraph {
    let text = argdown::to_text(g).unwrap();
    read(&text).graph
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::common::proptest_cases()))]

    #[test]
    fn argraph_to_argdown_and_back(g in graph_any_data()) {
        let text = argdown::to_text(&g).unwrap();
        let back = argdown::from_text(&text);
        prop_assert!(back.is_ok(), "{}\n{}", back.unwrap_err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back.graph, &g, "{}", text);
        prop_assert_eq!(back.report.warnings(), 0, "{}", back.report);
    }
}

#[test]
fn seed_argdown_describes_the_same_graph_as_the_seed_json() {
    let root = env!("CARGO_MANIFEST_DIR");
    let json = argraph::json::load(format!("{root}/graphs/russia_afghanistan.json")).unwrap();
    let text = argdown::load_text(format!("{root}/graphs/russia_afghanistan.argdown")).unwrap();
    assert_eq!(text.graph, json);
    assert_eq!(text.report.warnings(), 0, "{}", text.report);
    // The file is what the writer writes today.
    let written = argdown::to_text(&json).unwrap();
    let on_disk =
        std::fs::read_to_string(format!("{root}/graphs/russia_afghanistan.argdown")).unwrap();
    assert_eq!(written, on_disk, "regenerate: argraph convert graphs/russia_afghanistan.json graphs/russia_afghanistan.argdown");
}

#[test]
fn statements_arguments_tags_kinds_and_provenance_from_text() {
    let imported = read(
        "===
title: Test map
sources:
  - {id: dk24, title: Russia and Afghanistan, year: 2024}
===

// a comment
[Gap]: Russia fills the gap the US left. #(period:2021) #core
  + [Exit]: The US left in 2021. {kind: evidence, source: dk24, locator: \"§3\", confidence: high}
  - <Limits>: Russia's means are *limited*. /* inline */ #framing
  <- [Doubt]: Not so.

[Realism]: Offensive realism. #framing
  +> [Gap]
",
    );
    let g = &imported.graph;
    assert_eq!(g.title(), Some("Test map"));
    let gap = g.node("Gap").unwrap();
    assert_eq!(gap.text(), "Russia fills the gap the US left.");
    assert_eq!(gap.tags(), ["period:2021", "core"]);
    let exit = g.node("Exit").unwrap();
    assert_eq!(exit.kind(), NodeKind::Evidence);
    assert_eq!(exit.provenance()[0].source, "dk24");
    assert_eq!(exit.provenance()[0].locator.as_deref(), Some("§3"));
    assert_eq!(exit.data(), Some(&json!({"confidence": "high"})));
    // A kind tag gives the kind and is not kept as a tag.
    let limits = g.node("Limits").unwrap();
    assert_eq!(
        (limits.kind(), limits.text()),
        (NodeKind::Framing, "Russia's means are limited.")
    );
    assert!(limits.tags().is_empty());
    assert_eq!(g.node("Realism").unwrap().kind(), NodeKind::Framing);
    assert_eq!(
        g.edge_between("Realism", "Gap").unwrap().kind(),
        EdgeKind::Frames
    );
    assert_eq!(
        g.edge_between("Exit", "Gap").unwrap().kind(),
        EdgeKind::Supports
    );
    assert_eq!(
        g.edge_between("Limits", "Gap").unwrap().attack(),
        Some(AttackKind::Rebut)
    );
    // Relations at one indentation are siblings: both attack the statement.
    assert_eq!(
        g.edge_between("Doubt", "Gap").unwrap().kind(),
        EdgeKind::Attacks
    );
    assert_eq!(g.source("dk24").unwrap().year, Some(2024));
}

#[test]
fn pcs_inferences_wordings_and_sections_from_text() {
    let imported = read(
        "# Part one

[Gap]: Russia fills the gap.

## Reading

<Realist>: Great powers fill vacuums.

(1) [Exit]: The US left.
(2) [Vacuum]: Vacuums get filled.
-- Modus ponens {uses: [1, 2]} --
(3) [Step]: A vacuum opened.
----
  _ [Caveat]: Not every vacuum is filled.
(4) [Gap]: Moscow steps into the vacuum.
",
    );
    let g = &imported.graph;
    let realist = g.node("Realist").unwrap();
    assert_eq!(realist.kind(), NodeKind::Argument);
    let step = g.node("Realist.3").unwrap();
    assert_eq!(
        (step.kind(), step.text()),
        (NodeKind::Argument, "Modus ponens")
    );
    assert_eq!(
        step.data(),
        Some(&json!({"argdown": {"inference": {"data": {"uses": [1, 2]}}}}))
    );
    let mut premises: Vec<&str> = g.supporters("Realist.3").map(|n| n.id()).collect();
    premises.sort_unstable();
    assert_eq!(premises, ["Exit", "Vacuum"]);
    assert_eq!(g.supporters("Realist").next().unwrap().id(), "Step");
    assert_eq!(g.supporters("Gap").next().unwrap().id(), "Realist");
    // The undercut under the last inference attacks the argument node.
    assert_eq!(
        g.edge_between("Caveat", "Realist").unwrap().attack(),
        Some(AttackKind::Undercut)
    );
    // Same title, same statement: the last definition is the text, the other wording kept.
    let gap = g.node("Gap").unwrap();
    assert_eq!(gap.text(), "Moscow steps into the vacuum.");
    assert_eq!(
        gap.data(),
        Some(&json!({"argdown": {"wordings": ["Russia fills the gap."], "section": ["Part one"]}}))
    );
    assert_eq!(
        g.node("Exit").unwrap().data(),
        Some(&json!({"argdown": {"section": ["Part one", "Reading"]}}))
    );
}

#[test]
fn malformed_argdown_is_refused_with_line_and_column() {
    for (text, line, column, says) in [
        (
            "[A]: a\n\n(1) premise\n(2) no inference\n",
            3,
            1,
            "must end with an inference",
        ),
        ("[A]: a {kind: [evidence}\n", 1, 24, "YAML"),
        (
            "[A]: a\n\n  + [B]: b\n",
            3,
            1,
            "no statement or argument above it",
        ),
        ("[A]: a\n\n-- rule --\n", 3, 1, "inference line"),
        (
            "[A]: a\n  +\n",
            2,
            4,
            "without a statement or argument after it",
        ),
        ("", 1, 1, "no statement"),
        ("[A]: a\n\n===\nx: 1\n===\n", 3, 1, "front matter"),
    ] {
        let err = argdown::from_text(text).unwrap_err();
        assert_eq!(
            (err.line(), err.column()),
            (Some(line), Some(column)),
            "{text:?}: {err}"
        );
        assert!(err.to_string().contains(says), "{text:?}: {err}");
    }
}

#[test]
fn check_render_and_convert_take_argdown_files() {
    use crate::common::{argraph, stderr};
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argdown");
    std::fs::write(
        &map,
        "[Gap]: Russia fills the gap.\n  + [Exit]: The US left. {source: dk24}\n",
    )
    .unwrap();
    let s = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let o = argraph(&["check", &s(&map)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(out.contains("nodes:   2 (1 claim, 1 evidence"), "{out}");
    assert!(out.contains("sources: 1"), "{out}");
    let json = dir.path().join("map.json");
    let o = argraph(&["convert", &s(&map), &s(&json)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g = argraph::json::load(&json).unwrap();
    assert_eq!(g.supporters("Gap").next().unwrap().id(), "Exit");
    let back = dir.path().join("back.ad");
    let o = argraph(&["convert", &s(&json), &s(&back)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        through_argdown(&g),
        argdown::load_text(&back).unwrap().graph
    );
    let dot = dir.path().join("map.dot");
    let o = argraph(&["dot", &s(&map), "-o", &s(&dot)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&dot)
        .unwrap()
        .contains("\"Exit\" -> \"Gap\""));
    let bad = dir.path().join("bad.argdown");
    std::fs::write(&bad, "[A]: a\n\n  + [B]\n").unwrap();
    let o = argraph(&["check", &s(&bad)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("bad.argdown") && stderr(&o).contains("3:1"),
        "{}",
        stderr(&o)
    );
}

/// Found by the `argdown_text_read` fuzz target: an argument whose id
/// became the title `_ Addiction no reason to ban` was written as
/// `<_ Addiction no reason to ban>: …`, which opens a line as an incoming
/// undercut, and the file argraph wrote did not read back.
#[test]
fn titles_that_start_like_a_relation_are_written_so_they_read_back() {
    let mut g = ArgumentGraph::new();
    for (i, id) in ["_ a", "+ b", "- c", "   _ <d", "! e", "_ _ f", "_"]
        .iter()
        .enumerate()
    {
        g.argument(id.to_string(), format!("argument {i}")).unwrap();
        g.claim(format!("{id} claim"), format!("claim {i}"))
            .unwrap();
        g.supports(id, &format!("{id} claim")).unwrap();
    }
    let text = argdown::to_text(&g).unwrap();
    let back = argdown::from_text(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back.graph, g, "{text}");
}

/// Issue 14, B4: the JSON export's reader kept no section membership and
/// counted only top-level sections (1 where there were 3). Both readers
/// now place each statement and argument under the same headings, and the
/// export's nested sections are all counted.
#[test]
fn both_readers_keep_nested_section_membership() {
    let root = crate::common::root().join("tests/data");
    let text = std::fs::read_to_string(root.join("argdown_sections.argdown")).unwrap();
    let from_text = argdown::from_text(&text).unwrap();
    let from_json = argdown::load(root.join("argdown_sections.json")).unwrap();
    let section = |g: &ArgumentGraph, id: &str| {
        let node = g.node(id).unwrap_or_else(|| panic!("{id}"));
        node.data()
            .and_then(|d| d.pointer("/argdown/section"))
            .cloned()
    };
    for (id, expected) in [
        ("A", json!(["Top"])),
        ("B", json!(["Top", "Inner"])),
        ("Arg", json!(["Top", "Inner"])),
        ("C", json!(["Top", "Inner", "Deepest"])),
        ("D", json!(["Second"])),
    ] {
        assert_eq!(
            section(&from_text.graph, id),
            Some(expected.clone()),
            "text: {id}"
        );
        assert_eq!(section(&from_json.graph, id), Some(expected), "json: {id}");
    }
    let sections = from_json
        .report
        .entries()
        .iter()
        .find(|e| e.what().starts_with("sections (headings"))
        .expect("the sections are reported");
    assert_eq!(sections.count(), 4, "{}", from_json.report);
}
