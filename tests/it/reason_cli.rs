//! `argraph eval`, `compare` and `iccma` as a user or a competition harness
//! meets them.

use argraph::reason::{Reasoner, Semantics};
use argraph::ArgumentationFramework;
use serde_json::Value;

use crate::common::{self, argraph, stdout};

fn seed() -> String {
    common::seed_path().to_str().unwrap().to_string()
}

#[test]
fn eval_json_has_the_documented_shape() {
    let o = argraph(&[
        "eval",
        &seed(),
        "--semantics",
        "grounded",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["semantics"], "grounded");
    assert_eq!(doc["framing"], Value::Null);
    assert_eq!(doc["extensions"].as_array().unwrap().len(), 1);
    let nodes = doc["nodes"].as_array().unwrap();
    let g = argraph::json::load(std::path::Path::new(&seed())).unwrap();
    assert_eq!(nodes.len(), g.node_count());
    for n in nodes {
        assert!(["in", "out", "undec"].contains(&n["label"].as_str().unwrap()));
        assert!(["skeptical", "rejected"].contains(&n["status"].as_str().unwrap()));
    }

    let o = argraph(&[
        "eval",
        &seed(),
        "-s",
        "preferred",
        "--framing",
        "f-geopolitical",
        "--format",
        "json",
    ]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["framing"], "f-geopolitical");
    for n in doc["nodes"].as_array().unwrap() {
        assert!(n.get("label").is_none());
        assert!(["skeptical", "credulous", "rejected"].contains(&n["status"].as_str().unwrap()));
    }

    let o = argraph(&["eval", &seed(), "-s", "dfquad", "--format", "json"]);
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(doc.get("extensions").is_none());
    for n in doc["nodes"].as_array().unwrap() {
        let x = n["strength"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&x));
    }
}

#[test]
fn eval_rejects_unknown_framings_and_semantics() {
    let o = argraph(&["eval", &seed(), "--framing", "c-opportunity"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a framing"));
    let o = argraph(&["eval", &seed(), "-s", "ideal"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn compare_json_has_one_verdict_per_framing() {
    let o = argraph(&[
        "compare",
        &seed(),
        "--framings",
        "f-offensive-realism,f-defensive-realism",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();
    assert!(nodes.iter().all(|n| n["none"].is_string()
        && n["f-offensive-realism"].is_string()
        && n["f-defensive-realism"].is_string()));
    assert!(nodes.iter().any(|n| n["differs"] == true));
    let table = stdout(&argraph(&["compare", &seed()]));
    assert!(
        table.contains("f-offensive-realism") && table.contains('*'),
        "{table}"
    );
}

fn write_i23(dir: &std::path::Path, af: &ArgumentationFramework) -> String {
    let path = dir.join("af.i23");
    let mut bytes = Vec::new();
    argraph::iccma::write_i23(af, &mut bytes).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

fn parse_w(line: &str) -> Vec<usize> {
    let mut w: Vec<usize> = line
        .strip_prefix('w')
        .unwrap()
        .split_whitespace()
        .map(|t| t.parse::<usize>().unwrap() - 1)
        .collect();
    w.sort_unstable();
    w
}

#[test]
fn iccma_output_follows_the_2023_rules() {
    let dir = tempfile::tempdir().unwrap();
    // a ⇄ b, b → c, c → d (Dung's reinstatement with a choice).
    let af = ArgumentationFramework::new(4, [(0, 1), (1, 0), (1, 2), (2, 3)]).unwrap();
    let f = write_i23(dir.path(), &af);
    let o = argraph(&["iccma", "--problems"]);
    assert_eq!(
        stdout(&o).trim(),
        "[SE-GR,DC-GR,DS-GR,SE-CO,DC-CO,DS-CO,SE-PR,DC-PR,DS-PR,SE-ST,DC-ST,DS-ST]"
    );
    assert_eq!(stdout(&argraph(&["iccma", "-p", "SE-GR", "-f", &f])), "w\n");
    for sem in [Semantics::Complete, Semantics::Preferred, Semantics::Stable] {
        let t = sem.iccma();
        let se = stdout(&argraph(&["iccma", "-p", &format!("SE-{t}"), "-f", &f]));
        let mut r = Reasoner::new(&af, sem);
        let all = r.extensions(None).unwrap().extensions;
        assert!(all.contains(&parse_w(se.trim())), "SE-{t}: {se}");
        for a in 0..4 {
            let arg = (a + 1).to_string();
            let dc = stdout(&argraph(&[
                "iccma",
                "-p",
                &format!("DC-{t}"),
                "-f",
                &f,
                "-a",
                &arg,
            ]));
            let lines: Vec<&str> = dc.lines().collect();
            if all.iter().any(|e| e.contains(&a)) {
                assert_eq!(lines[0], "YES");
                let w = parse_w(lines[1]);
                assert!(w.contains(&a) && all.contains(&w));
            } else {
                assert_eq!(lines, ["NO"]);
            }
            let ds = stdout(&argraph(&[
                "iccma",
                "-p",
                &format!("DS-{t}"),
                "-f",
                &f,
                "-a",
                &arg,
            ]));
            let lines: Vec<&str> = ds.lines().collect();
            if all.iter().all(|e| e.contains(&a)) {
                assert_eq!(lines, ["YES"]);
            } else {
                assert_eq!(lines[0], "NO");
                let w = parse_w(lines[1]);
                assert!(!w.contains(&a) && all.contains(&w));
            }
        }
    }
}

#[test]
fn iccma_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.i23");
    std::fs::write(&bad, "p af 2\n1 2\n2 three\n").unwrap();
    let o = argraph(&["iccma", "-p", "SE-GR", "-f", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.i23:3:3"), "{err}");
    let o = argraph(&["iccma", "-p", "SE-XX", "-f", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let good = dir.path().join("good.apx");
    std::fs::write(&good, "arg(a).\narg(b).\natt(a,b).\n").unwrap();
    let o = argraph(&[
        "iccma",
        "-p",
        "DC-GR",
        "-f",
        good.to_str().unwrap(),
        "-a",
        "b",
    ]);
    assert_eq!(stdout(&o), "NO\n");
    let o = argraph(&[
        "iccma",
        "-p",
        "DC-GR",
        "-f",
        good.to_str().unwrap(),
        "-a",
        "a",
    ]);
    assert_eq!(stdout(&o), "YES\nw a\n");
    let o = argraph(&["iccma", "-p", "DC-GR", "-f", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let o = argraph(&[
        "iccma",
        "-p",
        "DC-GR",
        "-f",
        good.to_str().unwrap(),
        "-a",
        "zz",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dot_evaluate_overlays_statuses_and_a_legend_entry() {
    let o = argraph(&[
        "dot",
        &seed(),
        "--evaluate",
        "preferred",
        "--framing",
        "f-defensive-realism",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let dot = stdout(&o);
    assert!(dot.contains("Evaluation: preferred under framing f-defensive-realism"));
    assert!(dot.contains("✔✔ skeptical") && dot.contains("✘ rejected"));
    let o = argraph(&["dot", &seed(), "--evaluate", "energy", "--theme", "mono"]);
    let dot = stdout(&o);
    assert!(dot.contains("σ 0."));
    assert!(!dot.contains("BGCOLOR"), "mono draws no colour");
    // Issue 13: --framing alone draws the framing's view (tests/it/views.rs).
    let o = argraph(&["dot", &seed(), "--framing", "f-geopolitical"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "--framing works without --evaluate"
    );
}

#[test]
fn overlay_text_goes_through_the_escaping_helper() {
    use argraph::reason::Evaluator;
    use argraph::render::{dot_graph, dot_string, DotOptions};
    let mut g = argraph::ArgumentGraph::new();
    g.framing("f\"<b>&", "hostile id").unwrap();
    g.claim("c", "C").unwrap();
    g.frames("f\"<b>&", "c").unwrap();
    let eval = Evaluator::new(&g).framing("f\"<b>&").run().unwrap();
    let mut opts = DotOptions::new();
    opts.overlay(eval.overlay());
    let dot = dot_string(&g, &opts);
    assert!(dot.contains("under framing f&quot;&lt;b&gt;&amp;"), "{dot}");
    // The AST sink sees the same statements and prints parseable DOT.
    let text = graphviz_rust::printer::DotPrinter::print(
        &dot_graph(&g, &opts),
        &mut graphviz_rust::printer::PrinterContext::default(),
    );
    assert!(graphviz_rust::parse(&text).is_ok());
}

#[test]
fn eval_and_compare_json_are_the_library_serialization() {
    use argraph::reason::{Evaluator, Method};
    let g = argraph::json::load(seed()).unwrap();
    for sem in ["grounded", "preferred", "dfquad"] {
        let o = argraph(&[
            "eval",
            &seed(),
            "-s",
            sem,
            "--framing",
            "f-geopolitical",
            "--format",
            "json",
        ]);
        let eval = Evaluator::new(&g)
            .semantics(sem.parse::<Method>().unwrap())
            .framing("f-geopolitical")
            .run()
            .unwrap();
        assert_eq!(
            stdout(&o),
            serde_json::to_string_pretty(&eval).unwrap() + "\n"
        );
        let o = argraph(&["compare", &seed(), "-s", sem, "--format", "json"]);
        let framings = g.nodes_of_kind(argraph::NodeKind::Framing).map(|n| n.id());
        let c = Evaluator::new(&g)
            .semantics(sem.parse::<Method>().unwrap())
            .compare(framings)
            .unwrap();
        assert_eq!(stdout(&o), serde_json::to_string_pretty(&c).unwrap() + "\n");
    }
}

/// Regression: `eval -s stable` said every node was rejected where
/// `iccma -p DS-ST` said YES (a framework with no stable extension). One
/// definition now: skeptical is "in every extension", vacuously so when
/// there is none, as in ICCMA.
#[test]
fn eval_stable_and_iccma_agree_without_a_stable_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, apx) in [
        (
            "odd-cycle",
            "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,a).\n",
        ),
        (
            "two-options",
            "arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n",
        ),
    ] {
        let af = dir.path().join(format!("{name}.apx"));
        std::fs::write(&af, apx).unwrap();
        let graph = dir.path().join(format!("{name}.json"));
        let converted = argraph(&["convert", af.to_str().unwrap(), graph.to_str().unwrap()]);
        assert!(converted.status.success());
        let eval = argraph(&[
            "eval",
            graph.to_str().unwrap(),
            "-s",
            "stable",
            "--format",
            "json",
        ]);
        let doc: Value = serde_json::from_str(&stdout(&eval)).unwrap();
        for node in doc["nodes"].as_array().unwrap() {
            let (id, status) = (
                node["id"].as_str().unwrap(),
                node["status"].as_str().unwrap(),
            );
            let ask = |task: &str| {
                let o = argraph(&["iccma", "-p", task, "-f", af.to_str().unwrap(), "-a", id]);
                stdout(&o).lines().next() == Some("YES")
            };
            let some_extension = !doc["extensions"].as_array().unwrap().is_empty();
            assert_eq!(status == "skeptical", ask("DS-ST"), "{name} {id}");
            assert_eq!(
                status != "rejected" && some_extension,
                ask("DC-ST"),
                "{name} {id}"
            );
        }
    }
}
