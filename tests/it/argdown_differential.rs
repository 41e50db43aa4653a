//! argraph's Argdown reader against the real one: each document is read
//! natively and through `argdown json` (`@argdown/cli`, Node.js), and both
//! readings must make the same graph (statements and arguments as nodes
//! with their texts, tags and kinds; premise-conclusion structures and
//! relations as edges). The documents: Argdown's own examples and tests,
//! the seed map, and what argraph's writer makes of generated graphs (which
//! must parse in Argdown without errors).
//!
//! Needs `argdown` on PATH (`npm install -g @argdown/cli`): fails without
//! it when `CI` is set, else says so and passes.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use argraph::{argdown, ArgumentGraph};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

use crate::strategies::graph_any_data;

fn argdown_cli() -> bool {
    let found = Command::new("argdown")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!(
            "`argdown` is missing: apt-get install -y nodejs npm && npm install -g @argdown/cli"
        );
    }
    if !found {
        eprintln!("argdown_differential: `argdown` not on PATH, not compared (npm install -g @argdown/cli)");
    }
    found
}

/// What the comparison looks at: per node its text (whitespace collapsed),
/// sorted tags and kind; the edges as sorted (from, to, kind, subtype).
type Shape = (
    BTreeMap<String, (String, Vec<String>, String)>,
    Vec<(String, String, String, String)>,
);

fn shape(g: &ArgumentGraph, with_kinds: bool) -> Shape {
    let nodes = g
        .nodes()
        .map(|n| {
            let mut tags = n.tags().to_vec();
            tags.sort();
            let text = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
            let kind = if with_kinds {
                n.kind().to_string()
            } else {
                String::new()
            };
            (n.id().to_string(), (text, tags, kind))
        })
        .collect();
    let mut edges: Vec<_> = g
        .edges()
        .map(|e| {
            let (kind, attack) = if with_kinds {
                (
                    e.kind().to_string(),
                    e.attack().map_or(String::new(), |a| a.to_string()),
                )
            } else {
                (String::new(), String::new())
            };
            (
                e.from().id().to_string(),
                e.to().id().to_string(),
                kind,
                attack,
            )
        })
        .collect();
    edges.sort();
    if !with_kinds {
        edges.dedup();
    }
    (nodes, edges)
}

#[test]
fn argdown_readings_agree_with_argdown_json() {
    if !argdown_cli() {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    // (name, text, compare kinds, texts and tags too)
    let mut docs: Vec<(String, String, bool)> = Vec::new();
    let mut examples: Vec<_> = std::fs::read_dir(root.join("tests/data/argdown-examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "argdown"))
        .collect();
    examples.push(root.join("tests/data/argdown_real.argdown"));
    examples.push(root.join("graphs/russia_afghanistan.argdown"));
    examples.sort();
    for p in &examples {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        // The seed's relations carry data, which Argdown files under statements.
        let full = name != "russia_afghanistan";
        docs.push((name, std::fs::read_to_string(p).unwrap(), full));
    }
    let mut runner = TestRunner::deterministic();
    for i in 0..40 {
        let g = graph_any_data().new_tree(&mut runner).unwrap().current();
        // Argdown wants at least one statement after a front matter.
        if g.node_count() == 0 {
            continue;
        }
        docs.push((
            format!("generated-{i:02}"),
            argdown::to_text(&g).unwrap(),
            false,
        ));
    }
    for (name, text, _) in &docs {
        std::fs::write(dir.path().join(format!("{name}.argdown")), text).unwrap();
    }
    let out = dir.path().join("json");
    let glob = format!("{}/*.argdown", dir.path().display());
    let o = Command::new("argdown")
        .args(["json", &glob, out.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    let mut compared = 0;
    for (name, text, full) in &docs {
        assert!(
            !stderr.contains(&format!("{name}.argdown")),
            "Argdown refuses {name}:\n{stderr}"
        );
        let export = std::fs::read(out.join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("no export of {name}: {e}\n{stderr}"));
        let theirs = argdown::from_slice(&export).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = argdown::from_text(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let with_kinds = *full;
        let (a, b) = (
            shape(&theirs.graph, with_kinds),
            shape(&ours.graph, with_kinds),
        );
        if !with_kinds {
            // Written maps: the same nodes, and the same pairs related.
            let ids = |s: &Shape| s.0.keys().cloned().collect::<Vec<_>>();
            // Argdown drops a relation of a node to itself (argraph keeps self-attacks).
            let pairs = |s: &Shape| {
                let mut p: Vec<_> =
                    s.1.iter()
                        .filter(|e| e.0 != e.1)
                        .map(|e| (e.0.clone(), e.1.clone()))
                        .collect();
                p.dedup();
                p
            };
            assert_eq!(ids(&a), ids(&b), "{name}: nodes differ");
            assert_eq!(pairs(&a), pairs(&b), "{name}: relations differ");
        } else {
            assert_eq!(a.0, b.0, "{name}: statements and arguments differ");
            assert_eq!(a.1, b.1, "{name}: relations and structures differ");
        }
        compared += 1;
    }
    assert_eq!(compared, docs.len());
    assert!(compared > 50, "{compared}");
}
