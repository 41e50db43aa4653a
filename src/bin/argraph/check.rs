//! `argraph check FILE…`

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::{ArgumentGraph, EdgeKind, NodeKind};

use crate::output::{self, escape_controls};

/// Arguments of `argraph check`.
#[derive(clap::Args)]
pub struct Args {
    /// Maps to validate: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Checks every file, reports each, and fails if any is invalid.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let mut failed = false;
    let mut out = output::stdout();
    for path in &args.files {
        match argraph::convert::open(path) {
            Ok(imported) => {
                let mut text = summary(&path.display().to_string(), &imported.graph);
                if !imported.report.is_empty() {
                    text.push_str("  read with changes:\n");
                    for line in imported.report.to_string().lines() {
                        let _ = writeln!(text, "    {}", escape_controls(line));
                    }
                }
                out.write_all(text.as_bytes())?;
                // Each summary is out before the next file's errors go to stderr.
                out.flush()?;
            }
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

/// A few lines on what a valid graph holds; the file name and the graph's
/// words with control characters escaped.
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
    let _ = writeln!(out, "{}: ok", escape_controls(name));
    if let Some(title) = g.title() {
        let _ = writeln!(out, "  title:   {}", escape_controls(title));
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
        let mut line = format!("    {}", escape_controls(&s.id));
        if !s.authors.is_empty() {
            let _ = write!(line, " — {}", escape_controls(&s.authors.join(", ")));
        }
        if let Some(y) = s.year {
            let _ = write!(line, " ({y})");
        }
        if let Some(t) = &s.title {
            let _ = write!(line, " “{}”", escape_controls(t));
        }
        let _ = writeln!(out, "{line}; cited by {cited} nodes");
    }
    out
}
