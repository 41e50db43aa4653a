//! `argraph convert IN OUT [--from FMT] [--to FMT]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use argraph::convert::{Content, Format};
use argraph::report::Report;
use argraph::{ArgumentGraph, EdgeKind, NodeKind};

use crate::output::eprint_lines;

/// Arguments of `argraph convert`.
#[derive(clap::Args)]
pub struct Args {
    /// The file to read: argraph, AIF (AIFdb or OVA) or Argdown JSON, or an ICCMA framework.
    #[arg(value_name = "IN")]
    input: PathBuf,
    /// The file to write (written atomically: never left half-written); `-` is standard
    /// output (with --to).
    #[arg(value_name = "OUT")]
    output: PathBuf,
    /// The input format [default: from the extension, and from the content for .json]
    /// (argraph, aif, ova, argdown, i23, apx, tgf).
    #[arg(long, value_name = "FMT")]
    from: Option<Format>,
    /// The output format [default: from the extension; .json is argraph, .aif.json and
    /// .ova.json AIF]
    /// (argraph, aif, ova, graphml, dot, i23, apx, tgf).
    #[arg(long, value_name = "FMT")]
    to: Option<Format>,
}

impl Args {
    /// `true` if the output goes to a file, not to standard output.
    pub fn writes_a_file(&self) -> bool {
        self.output != Path::new("-")
    }
}

/// Converts, then says on stderr what was read and what was set aside.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    if args.to.is_none() && Format::of_output(&args.output).is_none() {
        // A usage error (exit 2), found before the input is read.
        eprint_lines(&format!(
            "argraph: error: cannot tell the output format from {:?}; name it with --to \
             (argraph, aif, ova, argdown, graphml, dot, i23, apx, tgf) or use its extension",
            args.output.display().to_string()
        ));
        return Ok(ExitCode::from(2));
    }
    let done = argraph::convert::convert(&args.input, &args.output, args.from, args.to)?;
    crate::lifecycle::finish();
    let what = match &done.content {
        Content::Graph(g) => counts(g),
        Content::Framework(af) => format!("{} arguments, {} attacks", af.len(), af.attack_count()),
        _ => String::new(),
    };
    eprint_lines(&format!(
        "argraph: read {} as {}: {what}",
        args.input.display(),
        done.from.description()
    ));
    print_report(&done.read);
    let written = if args.writes_a_file() {
        args.output.display().to_string()
    } else {
        "standard output".into()
    };
    eprint_lines(&format!(
        "argraph: wrote {written} as {}",
        done.to.description()
    ));
    print_report(&done.written);
    Ok(ExitCode::SUCCESS)
}

fn print_report(report: &Report) {
    if !report.is_empty() {
        for line in report.to_string().lines() {
            eprint_lines(&format!("  {line}"));
        }
    }
}

fn counts(g: &ArgumentGraph) -> String {
    let kinds = |n: &[(usize, &str)]| {
        n.iter()
            .filter(|(c, _)| *c > 0)
            .map(|(c, k)| format!("{c} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let nodes: Vec<(usize, &str)> = NodeKind::ALL
        .iter()
        .map(|&k| (g.nodes_of_kind(k).count(), k.as_str()))
        .collect();
    let edges: Vec<(usize, &str)> = EdgeKind::ALL
        .iter()
        .map(|&k| (g.edges_of_kind(k).count(), k.as_str()))
        .collect();
    format!(
        "{} nodes ({}), {} edges ({})",
        g.node_count(),
        kinds(&nodes),
        g.edge_count(),
        kinds(&edges)
    )
}
