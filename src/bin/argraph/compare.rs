//! `argraph compare FILE [--framings a,b,…] [--semantics S] [--format table|json]`

use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::Comparison;
use argraph::NodeKind;

use crate::eval::{print_json, OutputFormat, Reasoning};
use crate::output::{self, escape_controls};

/// Arguments of `argraph compare`.
#[derive(clap::Args)]
pub struct Args {
    /// The map: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    file: PathBuf,
    /// The framings to compare, comma-separated (default: every framing node).
    #[arg(long, value_name = "IDS", value_delimiter = ',')]
    framings: Option<Vec<String>>,
    /// List every node in the table, not only the claims.
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    reasoning: Reasoning,
}

/// Compares the verdicts under no framing and under each framing.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let g = argraph::convert::load(&args.file)?;
    let r = &args.reasoning;
    let evaluator = r.evaluator(&g);
    let c = match &args.framings {
        Some(framings) => evaluator.compare(framings)?,
        None => evaluator.compare(g.nodes_of_kind(NodeKind::Framing).map(|n| n.id()))?,
    };
    match r.format {
        OutputFormat::Json => match print_json(&c) {
            // A framing whose id clashes with a key of the rows (refused
            // before anything is written).
            Err(err) if !err.is_io() => {
                output::eprint_lines(&format!("argraph: error: {err}; use --format table"));
                return Ok(ExitCode::from(1));
            }
            written => written.map_err(std::io::Error::from)?,
        },
        OutputFormat::Table => output::print(&table(&c, args.all))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A column's heading: the framing's id, control characters escaped.
fn column_name(f: &Option<String>) -> String {
    escape_controls(f.as_deref().unwrap_or("none")).into_owned()
}

/// The verdicts side by side, ids with control characters escaped.
fn table(c: &Comparison, all: bool) -> String {
    let rows: Vec<_> = c
        .rows()
        .iter()
        .filter(|r| all || r.kind == NodeKind::Claim)
        .collect();
    let mut header: Vec<String> = vec!["ID".into()];
    header.extend(c.framings().iter().map(column_name));
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut v = vec![escape_controls(&r.id).into_owned()];
            v.extend(r.verdicts.iter().map(|v| v.to_string()));
            v
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            cells
                .iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cols: &[String], mark: &str| {
        let mut s = String::new();
        for (i, col) in cols.iter().enumerate() {
            s.push_str(&format!("{:<w$}  ", col, w = widths[i]));
        }
        s.push_str(mark);
        s.trim_end().to_string() + "\n"
    };
    let mut out = format!(
        "# {} semantics; columns: no framing, then each framing as the audience; * = the verdicts differ\n",
        c.method()
    );
    out.push_str(&line(&header, ""));
    for (r, cols) in rows.iter().zip(&cells) {
        out.push_str(&line(cols, if r.differs() { "*" } else { "" }));
    }
    let differing = rows.iter().filter(|r| r.differs()).count();
    out.push_str(&format!(
        "# {differing} of {} {} differ across framings\n",
        rows.len(),
        if all { "nodes" } else { "claims" }
    ));
    if c.converged().iter().any(|ok| !ok) {
        out.push_str("# warning: some values did not converge on a cycle\n");
    }
    out
}
