//! The command-line tool as a user meets it: exit codes, messages, files.

use std::path::Path;
use std::process::Command;

use crate::common::{self, argraph, stderr, stdout};

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn check_prints_a_summary_and_exits_0() {
    let seed = common::seed_path();
    let o = argraph(&["check", seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("russia_afghanistan.json: ok"), "{out}");
    let g = argraph::json::load(&seed).unwrap();
    let claims = g.nodes_of_kind(argraph::NodeKind::Claim).count();
    assert!(
        out.contains(&format!("nodes:   {} ({claims} claim,", g.node_count())),
        "{out}"
    );
    assert!(out.contains("sources: 2"), "{out}");
    assert!(
        out.contains("davoodi-kiani-2024 — Maedeh Davoodi, Davood Kiani (2024)"),
        "{out}"
    );
}

#[test]
fn check_reports_every_problem_with_file_and_ids_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        r#"{"argraph": 1, "nodes": [{"id": "a", "kind": "claim", "text": "A"},
            {"id": "a", "kind": "thing", "text": "B"}],
            "edges": [{"from": "a", "to": "ghost", "kind": "supports"}]}"#,
    );
    let o = argraph(&["check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("argraph: error: {bad}: invalid graph: 3 problems")),
        "{err}"
    );
    assert!(
        err.contains("node \"a\" (nodes[1]): node id \"a\" is already used"),
        "{err}"
    );
    assert!(err.contains("unknown node kind \"thing\""), "{err}");
    assert!(
        err.contains("edge \"a\" -> \"ghost\" (edges[0]): unknown node id \"ghost\""),
        "{err}"
    );
}

#[test]
fn check_names_file_line_and_column_of_a_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        "{\"argraph\": 1,\n \"nodes\": [\n  {\"id\": \"a\",]}",
    );
    let o = argraph(&["check", &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("{bad}:3:14: JSON error: key must be a string")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_goes_on_after_a_bad_file_and_still_fails() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.json", "not json");
    let seed = common::seed_path();
    let o = argraph(&["check", &bad, seed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("russia_afghanistan.json: ok"));
    assert!(stderr(&o).contains("bad.json:1:2: JSON error: expected ident"));
}

#[test]
fn a_missing_file_is_exit_1_naming_it() {
    let o = argraph(&["check", "/no/such/file.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/no/such/file.json: I/O error"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_are_exit_2() {
    for args in [
        &["check"][..],
        &["frobnicate"],
        &["dot"],
        &["dot", "x.json", "--cluster", "planet"],
        &["dot", "x.json", "--theme", "neon"],
        &["dot", "x.json", "--rankdir", "XY"],
        &["render", "x.json"],
    ] {
        let o = argraph(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
    let o = argraph(&["dot", "x.json", "--cluster", "planet"]);
    assert!(
        stderr(&o).contains("expected one of: framing, source, none"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn render_with_an_unknown_extension_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.bmp");
    let seed = common::seed_path();
    let o = argraph(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("use .svg, .png, .pdf or .html"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn dot_writes_to_stdout_or_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = common::seed_path();
    let o = argraph(&[
        "dot",
        seed.to_str().unwrap(),
        "--cluster",
        "source",
        "--theme",
        "mono",
        "--rankdir",
        "LR",
        "--no-legend",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with("digraph \"argraph\" {"));
    assert!(text.contains("rankdir=LR"));
    assert!(!text.contains("Legend"));
    assert!(graphviz_rust::parse(&text).is_ok());

    let out = dir.path().join("seed.dot");
    let o = argraph(&["dot", seed.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let g = argraph::json::load(&seed).unwrap();
    let expected = argraph::render::dot_string(&g, &argraph::render::DotOptions::new());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
}

#[test]
fn invalid_input_leaves_no_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad.json",
        r#"{"argraph": 1, "nodes": [{"id": "a"}]}"#,
    );
    for (cmd, name) in [("dot", "out.dot"), ("render", "out.svg")] {
        let out = dir.path().join(name);
        let o = argraph(&[cmd, &bad, "-o", out.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{cmd}");
        assert!(!out.exists(), "{cmd} left {name}");
    }
    // Nor does it clobber an existing one.
    let out = dir.path().join("keep.dot");
    std::fs::write(&out, "precious").unwrap();
    let o = argraph(&["dot", &bad, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious");
}

#[test]
fn render_without_graphviz_says_what_to_install_exits_3_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    let seed = common::seed_path();
    let o = Command::new(env!("CARGO_BIN_EXE_argraph"))
        .args([
            "render",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--engine",
            "dot",
        ])
        .env("PATH", dir.path()) // no `dot` here
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("`dot` program was not found"), "{err}");
    assert!(err.contains("apt-get install graphviz"), "{err}");
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn render_writes_svg_png_and_pdf() {
    if !common::have_dot("render_writes_svg_png_and_pdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let seed = common::seed_path();
    for (name, magic) in [
        ("map.svg", &b"<?xml"[..]),
        ("map.png", b"\x89PNG"),
        ("map.pdf", b"%PDF-"),
    ] {
        let out = dir.path().join(name);
        let o = argraph(&[
            "render",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--engine",
            "dot",
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
    // --format overrides the extension.
    let out = dir.path().join("map.image");
    let o = argraph(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "svg",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Legend"));
}

#[test]
fn help_lists_the_commands() {
    let o = argraph(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for cmd in ["check", "dot", "render"] {
        assert!(out.contains(cmd), "{out}");
    }
}
