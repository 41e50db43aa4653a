//! Renders the seed analysis (`graphs/russia_afghanistan.json`) to an image
//! with the built-in renderer (or Graphviz's `dot` when `ARGRAPH_DOT` names
//! one), and prints what it holds.
//!
//! ```text
//! cargo run --example render_seed -- russia_afghanistan.svg
//! ```

use std::path::{Path, PathBuf};

use argraph::render::{self, DotOptions};
use argraph::NodeKind;

/// Loads the seed graph, renders it to `out` (SVG or PNG, or PDF with
/// `ARGRAPH_DOT` naming Graphviz's `dot`, by
/// extension), and returns a one-line summary.
pub fn run(out: &Path) -> argraph::Result<String> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/russia_afghanistan.json");
    let g = argraph::json::load(seed)?;
    render::render_to_file(&g, &DotOptions::new(), out)?;
    let framings: Vec<&str> = g
        .nodes_of_kind(NodeKind::Framing)
        .map(|f| f.label().unwrap_or(f.id()))
        .collect();
    Ok(format!(
        "{}: {} nodes, {} edges, framings: {} -> {}",
        g.title().unwrap_or("untitled"),
        g.node_count(),
        g.edge_count(),
        framings.join("; "),
        out.display()
    ))
}

fn main() {
    let out = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("russia_afghanistan.svg"), PathBuf::from);
    match run(&out) {
        Ok(summary) => println!("{summary}"),
        Err(err) => {
            eprintln!("render_seed: {err}");
            std::process::exit(1);
        }
    }
}
