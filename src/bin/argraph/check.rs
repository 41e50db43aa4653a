//! `argraph check FILE…`

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::{ArgumentGraph, EdgeKind, NodeKind};

/// Arguments of `argraph check`.
#[derive(clap::Args)]
pub struct Args {
    /// argraph JSON files to validate.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Checks every file, reports each, and fails if any is invalid.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let mut failed = false;
    for path in &args.files {
        match argraph::json::load(path) {
            Ok(g) => print!("{}", summary(&path.display().to_string(), &g)),
            Err(err) => {
                crate::report(&err);
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A few lines on what a valid graph holds.
fn summary(name: &str, g: &ArgumentGraph) -> String {
    let mut out = String::new();
    let by_node_kind: Vec<String> = NodeKind::ALL
        .iter()
        .map(|&k| format!("{} {k}", g.nodes_of_kind(k).count()))
        .collect();
    let by_edge_kind: Vec<String> = EdgeKind::ALL
        .iter()
        .map(|&k| format!("{} {k}", g.edges_of_kind(k).count()))
        .collect();
    let _ = writeln!(out, "{name}: ok");
    if let Some(title) = g.title() {
        let _ = writeln!(out, "  title:   {title}");
    }
    let _ = writeln!(
        out,
        "  nodes:   {} ({})",
        g.node_count(),
        by_node_kind.join(", ")
    );
    let _ = writeln!(
        out,
        "  edges:   {} ({})",
        g.edge_count(),
        by_edge_kind.join(", ")
    );
    let _ = writeln!(out, "  sources: {}", g.sources().len());
    for s in g.sources() {
        let cited = g
            .nodes()
            .filter(|n| n.provenance().iter().any(|p| p.source == s.id))
            .count();
        let mut line = format!("    {}", s.id);
        if !s.authors.is_empty() {
            let _ = write!(line, " — {}", s.authors.join(", "));
        }
        if let Some(y) = s.year {
            let _ = write!(line, " ({y})");
        }
        if let Some(t) = &s.title {
            let _ = write!(line, " “{t}”");
        }
        let _ = writeln!(out, "{line}; cited by {cited} nodes");
    }
    out
}
