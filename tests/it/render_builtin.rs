//! Rendering with nothing to install: the built-in renderer (graphviz-pure)
//! draws SVG and PNG in-process by default; `--engine dot` and
//! `ARGRAPH_DOT` keep Graphviz's `dot`, which PDF needs.

use std::path::Path;
use std::process::Command;

use argraph::render::{self, DotOptions, Engine, Format};
use argraph::ErrorKind;

use crate::common::{self, seed_path, stderr};

/// `argraph ARGS` with a `PATH` that holds no `dot` and no `ARGRAPH_DOT`.
fn argraph_without_graphviz(empty_dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_argraph"))
        .args(args)
        .env("PATH", empty_dir)
        .env_remove("ARGRAPH_DOT")
        .output()
        .unwrap()
}

fn small_graph_file(dir: &Path) -> String {
    let path = dir.join("small.json");
    let mut g = argraph::ArgumentGraph::new();
    g.claim("c", "Russia fills the gap.").unwrap();
    g.evidence("e", "The US withdrew in 2021.").unwrap();
    g.supports("e", "c").unwrap();
    argraph::json::save(&g, &path).unwrap();
    path.to_str().unwrap().to_string()
}

/// The README's first command, on a machine without Graphviz.
#[test]
fn readme_first_command_renders_the_seed_without_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let first = readme
        .lines()
        .find(|l| l.contains("cargo run") && l.contains(" render "))
        .expect("a render command in the README");
    assert!(!first.contains("scripts/setup"), "{first}");
    assert!(first.contains("-- render graphs/russia_afghanistan.json -o russia_afghanistan.svg"));
    let out = dir.path().join("russia_afghanistan.svg");
    let seed = seed_path();
    let o = argraph_without_graphviz(
        dir.path(),
        &[
            "render",
            seed.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("graphviz-pure"), "{:.300}", svg);
    let g = argraph::json::load(&seed).unwrap();
    for n in g.nodes() {
        assert!(
            svg.contains(&format!("<title>{}</title>", n.id().replace('-', "&#45;"))),
            "{}",
            n.id()
        );
    }
    assert!(svg.contains("Legend"));
}

#[test]
fn builtin_renderer_draws_png_without_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let input = small_graph_file(dir.path());
    let out = dir.path().join("small.png");
    let o = argraph_without_graphviz(dir.path(), &["render", &input, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn pdf_without_engine_dot_is_a_usage_error_that_names_engine_dot() {
    let dir = tempfile::tempdir().unwrap();
    let input = small_graph_file(dir.path());
    let out = dir.path().join("small.pdf");
    let o = argraph_without_graphviz(dir.path(), &["render", &input, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--engine dot"), "{}", stderr(&o));
    assert!(!out.exists());
    // Asked for, dot is used, and its absence is said as before.
    let o = argraph_without_graphviz(
        dir.path(),
        &[
            "render",
            &input,
            "-o",
            out.to_str().unwrap(),
            "--engine",
            "dot",
        ],
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("apt-get install graphviz"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}

#[test]
fn argraph_dot_in_the_environment_chooses_graphviz_dot() {
    let dir = tempfile::tempdir().unwrap();
    let input = small_graph_file(dir.path());
    let out = dir.path().join("small.svg");
    let o = Command::new(env!("CARGO_BIN_EXE_argraph"))
        .args(["render", &input, "-o", out.to_str().unwrap()])
        .env("ARGRAPH_DOT", "/nonexistent/dot")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("ARGRAPH_DOT=/nonexistent/dot"),
        "{}",
        stderr(&o)
    );
    // `--engine builtin` overrides it.
    let o = Command::new(env!("CARGO_BIN_EXE_argraph"))
        .args([
            "render",
            &input,
            "-o",
            out.to_str().unwrap(),
            "--engine",
            "builtin",
        ])
        .env("ARGRAPH_DOT", "/nonexistent/dot")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
}

/// graphviz-pure returns `Ok` with an error-level diagnostic for a
/// malformed HTML-like label, where `dot` exits non-zero.
#[test]
fn builtin_error_diagnostics_fail_the_render_and_are_named() {
    let mut image = Vec::new();
    let err = Engine::Builtin
        .run_to(b"digraph { a [label=<<B>x</I>>] }", Format::Svg, &mut image)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BuiltinRenderer(_)),
        "{err:?}"
    );
    let text = err.to_string();
    assert!(text.contains("reported errors on the DOT"), "{text}");
    assert!(
        text.contains("Error: mismatched tag") && text.contains("in label of node a"),
        "{text}"
    );
    assert!(image.is_empty());
    let err = Engine::Builtin
        .run_to(b"digraph { a -> }", Format::Svg, &mut image)
        .unwrap_err();
    assert!(err.to_string().contains("refused the DOT"), "{err}");
}

#[test]
fn builtin_png_over_the_size_limit_is_refused_with_its_size() {
    // One node 500 inches wide: 36,000 pt, 48,000 px.
    let dot = b"digraph { a [shape=box width=500 height=1 fixedsize=true] }";
    let mut image = Vec::new();
    let err = Engine::Builtin
        .run_to(dot, Format::Png, &mut image)
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("will not draw a PNG of 480"), "{text}");
    assert!(
        text.contains("--engine dot") && text.contains("SVG"),
        "{text}"
    );
    assert!(image.is_empty());
    // The SVG of the same graph is drawn.
    Engine::Builtin
        .run_to(dot, Format::Svg, &mut image)
        .unwrap();
    assert!(String::from_utf8_lossy(&image).contains("<svg"));
}

/// Nested 3,000 deep, the parser's recursion overflows a 2 MiB stack (a
/// test thread's): the renderer runs on a thread of its own with a large
/// one.
#[test]
fn deeply_nested_dot_renders_on_the_renderer_s_own_stack() {
    let depth = 3000;
    let dot = format!(
        "digraph {{ {}a{} }}",
        "subgraph { ".repeat(depth),
        " }".repeat(depth)
    );
    let svg = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let mut svg = Vec::new();
            Engine::Builtin
                .run_to(dot.as_bytes(), Format::Svg, &mut svg)
                .map(|()| svg)
        })
        .unwrap()
        .join()
        .unwrap()
        .unwrap();
    assert!(String::from_utf8(svg).unwrap().contains("<title>a</title>"));
}

#[test]
fn builtin_is_the_default_engine_unless_argraph_dot_is_set() {
    // The test process's own environment decides; both answers are pinned.
    let expected = if std::env::var_os("ARGRAPH_DOT").is_some_and(|p| !p.is_empty()) {
        Engine::Dot
    } else {
        Engine::Builtin
    };
    assert_eq!(Engine::preferred(), expected);
    assert!(!Engine::Builtin.writes(Format::Pdf));
    let mut g = argraph::ArgumentGraph::new();
    g.claim("c", "A claim.").unwrap();
    let mut opts = DotOptions::new();
    opts.engine(Engine::Builtin);
    let err = render::render(&g, &opts, Format::Pdf).unwrap_err();
    assert!(err.to_string().contains("not PDF"), "{err}");
}

/// The same DOT through both engines draws the same nodes and edges.
#[test]
fn builtin_and_dot_draw_the_same_seed() {
    if !common::have_dot("builtin_and_dot_draw_the_same_seed") {
        return;
    }
    let g = argraph::json::load(seed_path()).unwrap();
    let count = |engine: Engine| {
        let mut opts = DotOptions::new();
        opts.engine(engine);
        let svg = String::from_utf8(render::render(&g, &opts, Format::Svg).unwrap()).unwrap();
        (
            svg.matches("class=\"node\"").count(),
            svg.matches("class=\"edge\"").count(),
            svg.matches("class=\"cluster\"").count(),
        )
    };
    assert_eq!(count(Engine::Builtin), count(Engine::Dot));
}
