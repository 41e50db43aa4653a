//! The `argraph` command-line tool: a thin layer over the library that
//! parses arguments, calls it, and maps errors to exit codes.
//!
//! Exit codes: 0 success, 1 invalid input (or a file that cannot be read
//! or written), 2 usage error, 3 Graphviz missing or failing.

mod check;
mod compare;
mod convert;
mod draw;
mod eval;
mod explain;
mod iccma;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Measured against glibc's malloc in one run (benches/allocator.sh): `dot`
// of a 10^5-node map takes 0.73x the time, at 1.5x the peak memory; convert,
// iccma and render are within noise (`benches/README.md`, "Allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Typed argument graphs: check, draw and reason about claims, evidence and framings.
#[derive(Parser)]
#[command(name = "argraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate graph files and print a summary of each.
    Check(check::Args),
    /// Write a graph as Graphviz DOT.
    Dot(draw::DotArgs),
    /// Draw a graph to SVG, PNG or PDF with Graphviz's `dot`.
    Render(draw::RenderArgs),
    /// Evaluate every node: Dung semantics or gradual strengths, optionally under a framing.
    Eval(eval::Args),
    /// Compare the verdicts under no framing and under each framing, side by side.
    Compare(compare::Args),
    /// Explain why a node has its verdict, edge by edge (structured arguments).
    Explain(explain::Args),
    /// The ICCMA 2023 solver interface on .i23/.apx/.tgf frameworks.
    Iccma(iccma::Args),
    /// Convert between argraph, AIF (AIFdb, OVA), Argdown JSON, GraphML, DOT and ICCMA i23/apx/tgf.
    Convert(convert::Args),
}

/// Exit status for a failed run, chosen from the library error's kind.
fn exit_code(err: &argraph::Error) -> u8 {
    match err.kind() {
        argraph::ErrorKind::GraphvizNotFound | argraph::ErrorKind::Graphviz { .. } => 3,
        _ => 1,
    }
}

/// Prints an error the way every subcommand does.
pub(crate) fn report(err: &argraph::Error) {
    eprintln!("argraph: error: {err}");
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Dot(args) => draw::dot(args),
        Command::Render(args) => draw::render(args),
        Command::Eval(args) => eval::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Iccma(args) => iccma::run(args),
        Command::Convert(args) => convert::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            report(&err);
            ExitCode::from(exit_code(&err))
        }
    }
}
