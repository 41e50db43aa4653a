//! Regression tests for the defects a run over real corpora found (issue
//! 14, part B), each from a small file written to reproduce it, and the
//! JSON Schema of argraph JSON v1 (part A, item 4).

use argraph::report::Severity;

use crate::common::{argraph, root, stderr};

fn data(name: &str) -> String {
    root().join("tests/data").join(name).display().to_string()
}

/// B1: MA (and RA) nodes whose premise is their conclusion, as in qt30 and
/// us-2016, are set aside with one counted warning; the rest of the file
/// is read.
#[test]
fn aif_self_rephrase_is_set_aside_not_refused() {
    let bytes = std::fs::read(data("aif_self_rephrase.json")).unwrap();
    let imported = argraph::aif::from_slice(&bytes).expect("the file is read");
    let g = &imported.graph;
    assert_eq!((g.node_count(), g.edge_count()), (2, 1));
    assert_eq!(g.supporters("1").next().unwrap().id(), "4");
    let entry = imported
        .report
        .entries()
        .iter()
        .find(|e| e.what().contains("premise is its conclusion"))
        .expect("a warning for the self-loops");
    assert_eq!(entry.severity(), Severity::Warning);
    assert_eq!(entry.count(), 3, "two MA and one RA self-loop");

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let o = argraph(&[
        "convert",
        &data("aif_self_rephrase.json"),
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("3 × RA/MA node whose premise is its conclusion"));
    let back = argraph::json::load(&out).unwrap();
    assert_eq!(back.node_count(), 2);
}

/// B2: a text over Graphviz's 16,384-byte string limit (one real I-node
/// has 32,596 characters) is cut, with an ellipsis, in what goes into DOT;
/// the graph keeps it whole, and `dot` draws the map.
#[test]
fn text_over_graphviz_string_limit_is_cut_in_dot_and_kept_in_data() {
    let long = format!(
        "{}\\ end",
        "The speaker said \"more\" & more. ".repeat(1_000)
    );
    assert!(long.len() > 32_000);
    let mut g = argraph::ArgumentGraph::new();
    g.evidence("e", &long).unwrap();
    g.claim("c", "A claim.").unwrap();
    g.supports("e", "c").unwrap();
    g.node_mut("c").unwrap().set_label(long.clone());
    let mut dot = Vec::new();
    argraph::render::write_dot(&g, &argraph::render::DotOptions::new(), &mut dot).unwrap();
    let dot = String::from_utf8(dot).unwrap();
    // Each node's HTML-like label and tooltip fit Graphviz's limit.
    let mut strings = 0;
    for line in dot.lines().filter(|l| l.contains("tooltip=\"")) {
        let (before, tooltip) = line.split_once(", tooltip=\"").unwrap();
        let label = &before[before.find("label=<").unwrap()..];
        for s in [label, tooltip] {
            assert!(s.len() < 16_384, "a string of {} bytes", s.len());
            strings += 1;
        }
    }
    assert_eq!(strings, 4, "{dot}");
    assert!(dot.contains('\u{2026}'), "the cut is shown");
    assert_eq!(
        g.node("e").unwrap().text(),
        long,
        "the graph keeps the text"
    );

    if !crate::common::have_dot("text_over_graphviz_string_limit") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("long.json");
    argraph::json::save(&g, &map).unwrap();
    for extra in [&[][..], &["--labels-only"][..]] {
        let svg = dir.path().join("long.svg");
        let mut args = vec!["render", map.to_str().unwrap(), "-o", svg.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = argraph(&args);
        assert!(o.status.success(), "{extra:?}: {}", stderr(&o));
        let svg = std::fs::read_to_string(&svg).unwrap();
        assert!(svg.contains("The speaker said"), "{extra:?}");
    }
}

/// The warnings of a report, as text (empty when there are none).
fn warnings(report: &argraph::report::Report) -> Vec<String> {
    report
        .entries()
        .iter()
        .filter(|e| e.severity() == Severity::Warning)
        .map(|e| format!("{} × {} {:?}", e.count(), e.what(), e.examples()))
        .collect()
}

/// Writes `g` as AIF in both flavours and reads each back: no warning, and
/// every scheme node with its premises and one conclusion.
fn aif_is_valid(g: &argraph::ArgumentGraph) -> Result<(), String> {
    for flavor in [argraph::aif::Flavor::AifDb, argraph::aif::Flavor::Ova] {
        let mut out = Vec::new();
        let written = argraph::aif::to_writer(g, flavor, &mut out).map_err(|e| e.to_string())?;
        let text = String::from_utf8(out).unwrap();
        let back = argraph::aif::from_str(&text).map_err(|e| format!("{e}\n{text}"))?;
        let problems = [warnings(&written), warnings(&back.report)].concat();
        if !problems.is_empty() {
            return Err(format!("{flavor:?}: {problems:?}\n{text}"));
        }
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let aif = value.get("AIF").unwrap_or(&value);
        scheme_nodes_have_both_sides(aif).map_err(|e| format!("{flavor:?}: {e}\n{text}"))?;
    }
    Ok(())
}

/// Every RA and MA node has a premise and exactly one conclusion, every CA
/// an attacker and a target (not counting the CA nodes that attack a node
/// and the PA nodes that rank it).
fn scheme_nodes_have_both_sides(aif: &serde_json::Value) -> Result<(), String> {
    let id = |v: &serde_json::Value| v.to_string().trim_matches('"').to_string();
    let nodes = aif["nodes"].as_array().unwrap();
    let type_of = |i: String| {
        nodes
            .iter()
            .find(|n| id(&n["nodeID"]) == i)
            .map_or("?", |n| n["type"].as_str().unwrap())
    };
    let edges = aif["edges"].as_array().unwrap();
    for n in nodes {
        let ty = n["type"].as_str().unwrap();
        if !matches!(ty, "RA" | "MA" | "CA") {
            continue;
        }
        let me = id(&n["nodeID"]);
        let ins = edges
            .iter()
            .filter(|e| id(&e["toID"]) == me)
            .filter(|e| !matches!(type_of(id(&e["fromID"])), "CA" | "PA"))
            .count();
        let outs = edges
            .iter()
            .filter(|e| id(&e["fromID"]) == me && type_of(id(&e["toID"])) != "PA")
            .count();
        let ok = match ty {
            "CA" => ins >= 1 && outs >= 1,
            _ => ins >= 1 && outs == 1,
        };
        if !ok {
            return Err(format!("{ty} node {me} with {ins} in, {outs} out"));
        }
    }
    Ok(())
}

/// B3: Argdown arguments without a premise–conclusion structure (several
/// conclusions, none, no premise) are written as I-nodes holding their
/// text, so the AIF is valid and reads back without a warning, as the same
/// graph.
#[test]
fn aif_from_argdown_arguments_is_valid_aif() {
    let text = std::fs::read_to_string(data("argdown_arguments_without_pcs.argdown")).unwrap();
    let g = argraph::argdown::from_text(&text).unwrap().graph;
    assert!(g.nodes().any(|n| n.kind() == argraph::NodeKind::Argument));
    aif_is_valid(&g).unwrap();
    let mut out = Vec::new();
    argraph::aif::to_writer(&g, argraph::aif::Flavor::AifDb, &mut out).unwrap();
    let back = argraph::aif::from_slice(&out).unwrap().graph;
    assert_eq!(
        argraph::json::to_string_pretty(&back).unwrap(),
        argraph::json::to_string_pretty(&g).unwrap()
    );
    // The argument's text is an I-node's, not an RA's.
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let gap = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"] == "The US left and Russia moved in.")
        .unwrap();
    assert_eq!(gap["type"], "I");
    // So do Argdown's own examples and the seed.
    for entry in std::fs::read_dir(root().join("tests/data/argdown-examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "argdown") {
            let text = std::fs::read_to_string(&path).unwrap();
            if let Ok(imported) = argraph::argdown::from_text(&text) {
                aif_is_valid(&imported.graph).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            }
        }
    }
    aif_is_valid(&argraph::json::load(crate::common::seed_path()).unwrap()).unwrap();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// B3: every AIF argraph writes reads back without a warning.
    #[test]
    fn aif_written_reads_back_without_warnings(g in crate::strategies::graph_aif_safe()) {
        if let Err(e) = aif_is_valid(&g) {
            proptest::prop_assert!(false, "{}", e);
        }
    }
}

/// B5: apx → i23 → apx keeps the argument names, which i23 holds in
/// comments `# k name`; `argraph iccma` on the i23 takes a name or a
/// number for -a and answers in numbers, as ICCMA 2023 wants.
#[test]
fn i23_name_comments_are_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    std::fs::write(
        path("x.apx"),
        "arg(a1).\narg(a2).\narg(a3).\natt(a1,a2).\natt(a2,a3).\n",
    )
    .unwrap();
    for (from, to) in [("x.apx", "x.i23"), ("x.i23", "back.apx")] {
        let o = argraph(&["convert", &path(from), &path(to)]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let i23 = std::fs::read_to_string(path("x.i23")).unwrap();
    assert!(i23.contains("# 1 a1\n"), "{i23}");
    let back = std::fs::read_to_string(path("back.apx")).unwrap();
    assert!(
        back.contains("arg(a1).") && back.contains("att(a2,a3)."),
        "{back}"
    );
    assert!(!back.contains("arg(1)."), "{back}");
    // Into a rich graph too.
    let o = argraph(&["convert", &path("x.i23"), &path("x.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(argraph::json::load(path("x.json"))
        .unwrap()
        .node("a3")
        .is_some());

    for query in ["a1", "1"] {
        let o = argraph(&["iccma", "-p", "DC-PR", "-f", &path("x.i23"), "-a", query]);
        assert!(o.status.success(), "-a {query}: {}", stderr(&o));
        assert_eq!(crate::common::stdout(&o), "YES\nw 1 3\n", "-a {query}");
    }
    let o = argraph(&["iccma", "-p", "DC-PR", "-f", &path("x.i23"), "-a", "a2"]);
    assert_eq!(crate::common::stdout(&o), "NO\n");

    // Comments that do not name every argument, in order, distinctly, are
    // only comments.
    for text in [
        "p af 2\n# 1 a\n1 2\n",
        "p af 2\n# 2 b\n# 1 a\n1 2\n",
        "p af 2\n# 1 a\n# 2 a\n1 2\n",
        "p af 2\n#1 a\n#2 b\n1 2\n",
    ] {
        let af = argraph::iccma::read_i23(text.as_bytes()).unwrap();
        assert!(af.is_numbered(), "{text:?}");
    }
    let af = argraph::iccma::read_i23("p af 2\n# made by hand\n# 1 a\r\n# 2 b c\n1 2\n".as_bytes())
        .unwrap();
    assert_eq!((af.name(0).as_ref(), af.name(1).as_ref()), ("a", "b c"));
}

/// B7: `check` (and every command that loads a graph) reads an AIF file;
/// `.aif.json` and `.ova.json` choose the AIF writer; an output whose
/// format cannot be told is a usage error (exit 2); a document of which
/// nothing is kept, only set-aside content, is refused (exit 1).
#[test]
fn aif_files_load_and_output_extensions_choose_the_writer() {
    let o = argraph(&["check", &data("aif_self_rephrase.json")]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(crate::common::stdout(&o).contains("nodes:   2"));

    let dir = tempfile::tempdir().unwrap();
    let seed = crate::common::seed_path().display().to_string();
    for (name, key) in [("m.aif.json", "\"nodeID\""), ("m.ova.json", "\"AIF\"")] {
        let out = dir.path().join(name);
        let o = argraph(&["convert", &seed, out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains(key),
            "{name}: {}",
            &text[..200.min(text.len())]
        );
        let o = argraph(&["check", out.to_str().unwrap()]);
        assert!(o.status.success(), "check {name}: {}", stderr(&o));
    }

    let out = dir.path().join("m.docx");
    let o = argraph(&["convert", &seed, out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--to"));
    assert!(!out.exists());

    let only_dialogue = dir.path().join("locutions.json");
    std::fs::write(
        &only_dialogue,
        r#"{"nodes": [], "edges": [], "locutions": [{"nodeID": "1", "personID": "2"}]}"#,
    )
    .unwrap();
    let out = dir.path().join("out.json");
    let o = argraph(&[
        "convert",
        only_dialogue.to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing of this AIF"), "{}", stderr(&o));
    assert!(!out.exists());
}

/// The JSON Schema of argraph JSON v1, compiled once.
fn schema() -> &'static jsonschema::Validator {
    static SCHEMA: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(root().join("schema/argraph-v1.schema.json")).unwrap();
        let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
        jsonschema::draft202012::new(&schema).expect("a valid JSON Schema")
    })
}

fn schema_errors(doc: &serde_json::Value) -> Vec<String> {
    schema()
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// A4: the seed and what argraph writes are valid under the schema; what
/// the reader refuses for its shape, the schema refuses too.
#[test]
fn json_schema_accepts_the_seed_and_refuses_bad_shapes() {
    let seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::common::seed_path()).unwrap())
            .unwrap();
    assert_eq!(schema_errors(&seed), Vec::<String>::new());
    let good = serde_json::json!({"argraph": 1,
        "nodes": [{"id": "e", "kind": "evidence", "text": "E", "weight": 0.5, "label": null},
                  {"id": "c", "kind": "claim", "text": "C"}],
        "edges": [{"from": "e", "to": "c", "kind": "attacks", "attack": "undermine"}]});
    assert_eq!(schema_errors(&good), Vec::<String>::new());
    argraph::json::from_str(&good.to_string()).unwrap();
    let bad = [
        r#"{"nodes": []}"#,
        r#"{"argraph": 2, "nodes": []}"#,
        r#"{"argraph": 1, "nodes": [], "extra": 1}"#,
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "thesis", "text": "A"}]}"#,
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim"}]}"#,
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A", "weight": 2}]}"#,
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A", "colour": "red"}]}"#,
        r#"{"argraph": 1, "nodes": [], "edges": [{"from": "a", "to": "b", "kind": "supports", "attack": "rebuttal"}]}"#,
        r#"{"argraph": 1, "nodes": [], "sources": [{"title": "no id"}]}"#,
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A", "provenance": [{"locator": "p. 1"}]}]}"#,
    ];
    for text in bad {
        let doc: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(!schema_errors(&doc).is_empty(), "the schema accepts {text}");
        assert!(
            argraph::json::from_str(text).is_err(),
            "the reader accepts {text}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// A4: every graph argraph writes as JSON is valid under the schema.
    #[test]
    fn json_schema_accepts_what_argraph_writes(
        g in proptest::prop_oneof![crate::strategies::graph_any_data(), crate::strategies::graph_aif_safe()]
    ) {
        let doc: serde_json::Value =
            serde_json::from_str(&argraph::json::to_string_pretty(&g).unwrap()).unwrap();
        let errors = schema_errors(&doc);
        proptest::prop_assert!(errors.is_empty(), "{:?}\n{}", errors, doc);
    }
}

/// B4: what the Argdown import lost without a word is kept: the last
/// inference's rules and `{uses: …}` data (on the argument node), an
/// argument's extra descriptions and a statement's other wordings (in
/// `data.argdown.wordings`, counted), and nested section membership.
#[test]
fn argdown_final_inference_rules_and_extra_descriptions_are_kept() {
    let text =
        "# Top\n\n<Realist>: Great powers fill vacuums.\n<Realist>: A second description.\n\n\
                (1) [Exit]: The US left.\n(2) [Vacuum]: Vacuums get filled.\n\
                -- Modus ponens {uses: [1, 2]} --\n(3) [Gap]: Russia fills the gap.\n\n\
                [Gap]: Moscow steps into the vacuum.\n\n## Inner\n\n[Other]: Something else.\n";
    let imported = argraph::argdown::from_text(text).unwrap();
    let g = &imported.graph;
    let realist = g.node("Realist").unwrap().data().unwrap();
    assert_eq!(
        realist["argdown"]["inference"],
        serde_json::json!({"rules": ["Modus ponens"], "data": {"uses": [1, 2]}})
    );
    assert_eq!(
        realist["argdown"]["wordings"],
        serde_json::json!(["Great powers fill vacuums."])
    );
    assert_eq!(
        g.node("Gap").unwrap().data().unwrap()["argdown"]["wordings"],
        serde_json::json!(["Russia fills the gap."])
    );
    assert_eq!(
        g.node("Other").unwrap().data().unwrap()["argdown"]["section"],
        serde_json::json!(["Top", "Inner"])
    );
    assert_eq!(
        imported
            .report
            .count("alternative wordings of a statement, kept in data.argdown.wordings"),
        2
    );
}
