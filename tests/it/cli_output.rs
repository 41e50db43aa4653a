//! What the CLI prints, and where: a full or closed stdout/stderr never
//! panics, a closed pipe ends quietly, control characters in the user's
//! words are escaped, a long list of problems is summarised, and an unknown
//! framing names the ones there are.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

use crate::common::{argraph, seed_path, stderr, stdout};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_argraph"))
}

fn dev_full() -> File {
    File::options()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full exists (Linux)")
}

/// Runs `args` with standard output on `/dev/full` (every write fails with
/// ENOSPC).
fn into_dev_full(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdout(dev_full())
        .output()
        .expect("argraph runs")
}

/// Runs `args` with standard error on `/dev/full`.
fn stderr_into_dev_full(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stderr(dev_full())
        .output()
        .expect("argraph runs")
}

/// Runs `args` with standard output a pipe whose read end is closed at
/// once, as `| head -c0` would; returns the exit code and standard error.
fn into_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("argraph runs");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap().code(), err)
}

fn write_json(dir: &Path, name: &str, doc: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(doc).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

/// A valid graph of `n` claims in a chain of attacks, under two framings:
/// its DOT and its tables are far larger than a pipe's buffer (64 KiB).
fn big_graph(n: usize) -> Value {
    let mut nodes = vec![
        json!({"id": "f-a", "kind": "framing", "text": "Framing A"}),
        json!({"id": "f-b", "kind": "framing", "text": "Framing B"}),
    ];
    let mut edges = vec![json!({"from": "f-a", "to": "c0", "kind": "frames"})];
    for i in 0..n {
        nodes.push(json!({"id": format!("c{i}"), "kind": "claim", "text": format!("Claim number {i} of a long chain.")}));
        if i > 0 {
            edges.push(
                json!({"from": format!("c{i}"), "to": format!("c{}", i - 1), "kind": "attacks"}),
            );
        }
    }
    json!({"argraph": 1, "title": "big", "nodes": nodes, "edges": edges})
}

/// The commands that print to standard output, on `graph`.
fn printing_commands(graph: &str) -> Vec<Vec<String>> {
    [
        vec!["check", graph],
        vec!["dot", graph],
        vec!["eval", graph],
        vec!["eval", graph, "--format", "json"],
        vec!["compare", graph, "--all"],
        vec!["compare", graph, "--format", "json"],
    ]
    .into_iter()
    .map(|args| args.into_iter().map(String::from).collect())
    .collect()
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

#[test]
fn check_into_dev_full_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "big.json", &big_graph(2000));
    let mut commands = printing_commands(&graph);
    commands.push(vec!["iccma".into(), "--problems".into()]);
    for args in &commands {
        let o = into_dev_full(&strs(args));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("argraph: error: ") && err.contains("standard output"),
            "{args:?}: {err}"
        );
        assert!(err.contains("No space left on device"), "{args:?}: {err}");
    }
}

#[test]
fn dot_into_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "big.json", &big_graph(2000));
    for args in &printing_commands(&graph) {
        let (code, err) = into_closed_pipe(&strs(args));
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn check_of_300_files_into_closed_pipe_exits_quietly() {
    let seed = seed_path().to_str().unwrap().to_string();
    let mut args = vec!["check"];
    args.extend(std::iter::repeat_n(seed.as_str(), 300));
    let (code, err) = into_closed_pipe(&args);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "");
}

#[test]
fn stderr_into_dev_full_is_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_path().to_str().unwrap().to_string();
    let out = dir.path().join("out.json");
    // convert says on stderr what it read and wrote, after writing.
    let o = stderr_into_dev_full(&["convert", &seed, out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out.exists());
    // An error to report, with nowhere to report it: still its exit code.
    let o = stderr_into_dev_full(&["check", "no-such-file.json"]);
    assert_eq!(o.status.code(), Some(1));
    let o = stderr_into_dev_full(&["iccma", "-p", "XX-YY", "-f", &seed]);
    assert_eq!(o.status.code(), Some(2));
    let o = stderr_into_dev_full(&["render", &seed, "-o", "picture.unknown"]);
    assert_eq!(o.status.code(), Some(2));
}

const TITLE_CODE: &str = "\u{1b}]0;pwned\u{7}";
const CLEAR_SCREEN: &str = "\u{1b}[2J";

/// A graph whose title, source and ids hold terminal escape codes.
fn hostile_graph() -> Value {
    let id = format!("c{CLEAR_SCREEN}");
    let framing = format!("f{TITLE_CODE}");
    json!({
        "argraph": 1,
        "title": format!("Title {TITLE_CODE}{CLEAR_SCREEN}"),
        "sources": [{"id": format!("s{CLEAR_SCREEN}"), "title": format!("Book {TITLE_CODE}"),
                     "authors": [format!("A. Author\u{9b}2J")]}],
        "nodes": [
            {"id": framing, "kind": "framing", "text": "F"},
            {"id": id, "kind": "claim", "text": "C",
             "provenance": [{"source": format!("s{CLEAR_SCREEN}")}]},
            {"id": "d\u{202e}x", "kind": "claim", "text": "D"},
        ],
        "edges": [
            {"from": framing, "to": id, "kind": "frames"},
            {"from": "d\u{202e}x", "to": id, "kind": "attacks"},
        ],
    })
}

fn assert_no_controls(what: &str, text: &str) {
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{9b}'),
        "{what}: raw control characters in {text:?}"
    );
    assert!(
        !text.contains('\u{202e}'),
        "{what}: raw bidi override in {text:?}"
    );
}

#[test]
fn check_title_with_escape_codes_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "hostile.json", &hostile_graph());
    let o = argraph(&["check", &graph]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_no_controls("check", &out);
    assert!(
        out.contains(r"title:   Title \u{1b}]0;pwned\u{7}\u{1b}[2J"),
        "{out}"
    );
    assert!(
        out.contains(r"s\u{1b}[2J — A. Author\u{9b}2J “Book \u{1b}]0;pwned\u{7}”"),
        "{out}"
    );
}

#[test]
fn eval_and_compare_ids_with_escape_codes_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "hostile.json", &hostile_graph());
    let framing = format!("f{TITLE_CODE}");
    for args in [
        vec!["eval", &graph],
        vec!["eval", &graph, "-s", "preferred", "--framing", &framing],
        vec!["compare", &graph, "--all"],
    ] {
        let o = argraph(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = stdout(&o);
        assert_no_controls(&format!("{args:?}"), &out);
        assert!(out.contains(r"c\u{1b}[2J"), "{args:?}: {out}");
        assert!(out.contains(r"d\u{202e}x"), "{args:?}: {out}");
    }
    let o = argraph(&["compare", &graph]);
    assert!(
        stdout(&o).contains(r"f\u{1b}]0;pwned\u{7}"),
        "{}",
        stdout(&o)
    );
    // JSON output keeps the ids exactly (JSON escapes C0 controls itself).
    let o = argraph(&["eval", &graph, "--format", "json"]);
    assert!(!stdout(&o).contains('\u{1b}'), "{}", stdout(&o));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<&str> = doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [framing.as_str(), &format!("c{CLEAR_SCREEN}"), "d\u{202e}x"]
    );
}

#[test]
fn error_messages_with_escape_codes_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "hostile.json", &hostile_graph());
    let missing = dir.path().join(format!("gone{CLEAR_SCREEN}.json"));
    let o = argraph(&["check", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_controls("check of a missing file", &stderr(&o));
    assert!(stderr(&o).contains(r"gone\u{1b}[2J.json"), "{}", stderr(&o));
    let o = argraph(&["eval", &graph, "--framing", CLEAR_SCREEN]);
    assert_eq!(o.status.code(), Some(1));
    assert_no_controls("eval of an unknown framing", &stderr(&o));
}

/// A graph that breaks the frames rule 773 times, then supports itself
/// twice, with its first problems at the start.
fn graph_with_775_problems() -> Value {
    let mut nodes = vec![json!({"id": "f", "kind": "framing", "text": "F"})];
    let mut edges = vec![];
    for i in 0..773 {
        nodes.push(json!({"id": format!("e{i}"), "kind": "evidence", "text": "E"}));
        edges.push(json!({"from": "f", "to": format!("e{i}"), "kind": "frames"}));
    }
    for i in 0..2 {
        edges.push(json!({"from": format!("e{i}"), "to": format!("e{i}"), "kind": "supports"}));
    }
    json!({"argraph": 1, "nodes": nodes, "edges": edges})
}

#[test]
fn many_problems_are_summarised_by_rule() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "bad.json", &graph_with_775_problems());
    for command in ["check", "eval", "dot"] {
        let o = argraph(&[command, &graph]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1 + 20 + 2, "{command}: {err}");
        assert!(lines[0].ends_with("invalid graph: 775 problems"), "{err}");
        assert!(lines[1].contains("edge \"f\" -> \"e0\""), "{err}");
        assert!(lines[20].contains("edge \"f\" -> \"e19\""), "{err}");
        assert_eq!(
            lines[21],
            "  … and 755 more: 753 × frames edge not from a framing to a claim or an argument; \
             2 × node supporting itself",
            "{command}"
        );
        assert_eq!(lines[22], "  (--all-problems lists every one)");
    }
    let o = argraph(&["check", &graph, "--all-problems"]);
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1 + 775, "{err}");
    assert!(err.lines().last().unwrap().contains("supports itself"));
    // Twenty problems are all listed, with no count.
    let mut doc = graph_with_775_problems();
    doc["edges"].as_array_mut().unwrap().truncate(20);
    let twenty = write_json(dir.path(), "twenty.json", &doc);
    let err = stderr(&argraph(&["check", &twenty]));
    assert_eq!(err.lines().count(), 21, "{err}");
    assert!(!err.contains("more"), "{err}");
}

#[test]
fn unknown_framing_lists_the_framings() {
    let dir = tempfile::tempdir().unwrap();
    let graph = write_json(dir.path(), "big.json", &big_graph(3));
    let listed = r#"the graph's framings: "f-a", "f-b""#;
    for args in [
        vec!["eval", &graph, "--framing", "f-x"],
        vec!["compare", &graph, "--framings", "f-a,f-x"],
        vec!["dot", &graph, "--evaluate", "grounded", "--framing", "f-x"],
    ] {
        let o = argraph(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(
            err.trim_end(),
            format!("argraph: error: unknown framing \"f-x\"; {listed}"),
            "{args:?}"
        );
    }
    let err = stderr(&argraph(&["eval", &graph, "--framing", "c1"]));
    assert!(
        err.contains(&format!("\"c1\" is a claim, not a framing; {listed}")),
        "{err}"
    );
    let mut doc = big_graph(3);
    doc["nodes"].as_array_mut().unwrap().drain(..2);
    doc["edges"].as_array_mut().unwrap().remove(0);
    let none = write_json(dir.path(), "none.json", &doc);
    let err = stderr(&argraph(&["eval", &none, "--framing", "f-a"]));
    assert!(
        err.contains("unknown framing \"f-a\"; the graph has no framings"),
        "{err}"
    );
}

/// `check` on a file another tool made says what its reader set aside or
/// worked around (as `convert` does), below the summary; argraph JSON,
/// which carries everything, gets no such lines.
#[test]
fn check_prints_what_the_reader_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let aif = dir.path().join("dangling.aif");
    std::fs::write(
        &aif,
        r#"{"nodes": [{"nodeID": "1", "text": "Kabul fell", "type": "I"}],
            "edges": [{"edgeID": "7", "fromID": "1", "toID": "9"}]}"#,
    )
    .unwrap();
    let o = argraph(&["check", aif.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let report = out
        .split_once("  read with changes:\n")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no report in:\n{out}"));
    assert!(
        report.contains("edge \"7\"") && report.contains("does not exist"),
        "{out}"
    );

    let o = argraph(&["check", seed_path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).contains("read with changes"), "{}", stdout(&o));
}
