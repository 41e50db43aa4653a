//! `argraph explain FILE NODE [--semantics S] [--framing ID] [--format text|json]`

use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{Evaluator, Semantics, Step};

use crate::output::escape_controls;

/// Output format of `explain`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplanationFormat {
    /// Indented text: one edge of the map per line.
    Text,
    /// JSON: the same tree.
    Json,
}

/// Arguments of `argraph explain`.
#[derive(clap::Args)]
pub struct Args {
    /// The map: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    file: PathBuf,
    /// The id of the node whose verdict to explain.
    node: String,
    /// grounded, complete, preferred or stable (structured arguments).
    #[arg(short, long, default_value = "grounded", value_parser = str::parse::<Semantics>)]
    semantics: Semantics,
    /// Explain the verdict under this framing (the id of a framing node).
    #[arg(long, value_name = "ID")]
    framing: Option<String>,
    /// Leave out the nodes marked as the analyst's syntheses.
    #[arg(long)]
    no_syntheses: bool,
    /// Count only the frames edges whose source declares the framing.
    #[arg(long)]
    declared_framings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ExplanationFormat,
}

/// Explains one node's verdict, edge by edge.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let g = argraph::convert::load(&args.file)?;
    let mut evaluator = Evaluator::new(&g);
    evaluator
        .semantics(args.semantics)
        .syntheses(!args.no_syntheses)
        .declared_framings_only(args.declared_framings);
    if let Some(framing) = &args.framing {
        evaluator.framing(framing);
    }
    let why = evaluator.explain(&args.node)?;
    match args.format {
        // Ids are the user's: control characters in them are shown escaped.
        ExplanationFormat::Text => {
            let mut shown = why.clone();
            escape_step(&mut shown.step);
            for id in shown.cycle.iter_mut().chain(&mut shown.framing) {
                *id = escape_controls(id).into_owned();
            }
            crate::output::print(&format!("{shown}\n"))?
        }
        // An explanation always serializes: only the write can fail.
        ExplanationFormat::Json => crate::eval::print_json(&why).map_err(std::io::Error::from)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Escapes the control characters of every id in a step and the steps
/// under it.
fn escape_step(step: &mut Step) {
    step.node = escape_controls(&step.node).into_owned();
    for link in &mut step.links {
        link.from = escape_controls(&link.from).into_owned();
        link.to = escape_controls(&link.to).into_owned();
        if let Some(next) = &mut link.step {
            escape_step(next);
        }
    }
}
