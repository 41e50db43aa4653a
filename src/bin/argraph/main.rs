//! The `argraph` command-line tool: a thin layer over the library that
//! parses arguments, calls it, and maps errors to exit codes.
//!
//! Exit codes: 0 success, 1 invalid input (or a file that cannot be read
//! or written), 2 usage error, 3 Graphviz missing, not runnable or failing
//! (or the built-in renderer refusing),
//! 4 `--timeout` reached; 128 + N when signal N (SIGINT, SIGTERM, SIGHUP)
//! stopped the run, with no temporary file left and `dot` killed.

mod check;
mod compare;
mod convert;
mod draw;
mod eval;
mod explain;
mod iccma;
mod lifecycle;
mod output;
mod page;
mod view;

use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

// mimalloc without transparent huge pages (its `no_thp` feature), measured
// against glibc's malloc and against mimalloc with them (`benches/README.md`,
// "Allocator"): against glibc it takes 0.72-0.89x the CPU time on `dot` of
// a 10^5-node map and 0.73-0.78x on `convert`; huge pages win 1.2-1.3x when
// a command runs right after itself but lose 1.4-1.6x on its first run after
// a pause, when the kernel must find and zero 2 MiB pages afresh.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Typed argument graphs: check, draw and reason about claims, evidence and framings.
#[derive(Parser)]
#[command(name = "argraph", version, about, long_about = None)]
struct Cli {
    /// List every problem of an invalid graph, not only the first 20.
    #[arg(long, global = true)]
    all_problems: bool,
    #[command(subcommand)]
    command: Command,
    /// Stop after SECS seconds (decimals allowed) with exit status 4, killing
    /// Graphviz's `dot` and leaving no partial output.
    #[arg(long, global = true, value_name = "SECS", value_parser = lifecycle::parse_timeout)]
    timeout: Option<Duration>,
}

impl Command {
    /// What the spinner says while the command runs, and whether it may
    /// show one: not where the command prints as it goes (`check`), nor
    /// when its result goes to the terminal the spinner would draw on.
    fn progress(&self) -> (&'static str, bool) {
        use std::io::IsTerminal;
        let stdout_free = !std::io::stdout().is_terminal();
        match self {
            Command::Check(_) => ("checking", false),
            Command::Dot(args) => ("reading", stdout_free || args.writes_a_file()),
            Command::Render(args) => ("reading", stdout_free || args.writes_a_file()),
            Command::Eval(_) => ("evaluating", stdout_free),
            Command::Compare(_) => ("comparing", stdout_free),
            Command::Explain(_) => ("explaining", stdout_free),
            Command::Iccma(_) => ("solving", stdout_free),
            Command::Convert(args) => ("converting", stdout_free || args.writes_a_file()),
        }
    }

    /// `true` if a signal could find work in flight to undo (a temporary
    /// file, a `dot` child): the commands that write files. The others
    /// only print, and a signal's default action ends them as cleanly,
    /// without a thread started for it (a quarter of the CPU time of
    /// `iccma` on a small framework).
    fn writes_files(&self) -> bool {
        matches!(
            self,
            Command::Dot(_) | Command::Render(_) | Command::Convert(_)
        )
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate graph files and print a summary of each.
    Check(check::Args),
    /// Write a graph as Graphviz DOT.
    Dot(draw::DotArgs),
    /// Draw a graph to SVG or PNG (built in), PDF (with Graphviz's `dot`), or an interactive HTML page.
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
        argraph::ErrorKind::GraphvizNotFound
        | argraph::ErrorKind::GraphvizCannotRun { .. }
        | argraph::ErrorKind::Graphviz { .. }
        | argraph::ErrorKind::BuiltinRenderer(_) => 3,
        _ => 1,
    }
}

/// Validation problems an error message lists before it only counts the
/// rest by rule (`--all-problems` lists every one).
const PROBLEMS_SHOWN: usize = 20;

/// Prints an error the way every subcommand does, on standard error,
/// control characters escaped: one line, but for an invalid graph's list of
/// problems, which stops at [`PROBLEMS_SHOWN`] unless `--all-problems`.
pub(crate) fn report(err: &argraph::Error) {
    let limit = if output::listing_all_problems() {
        usize::MAX
    } else {
        PROBLEMS_SHOWN
    };
    let mut text = format!("argraph: error: {}", err.display_at_most(limit));
    if err.problems().len() > limit {
        text.push_str("\n  (--all-problems lists every one)");
    }
    output::eprint_lines(&text);
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    output::list_all_problems(cli.all_problems);
    let (phase, progress) = cli.command.progress();
    lifecycle::start(cli.timeout, progress, phase, cli.command.writes_files());
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
    lifecycle::finish();
    match result {
        Ok(code) => code,
        // The reader of our output went away (`argraph dot g.json | head`):
        // nothing is wrong, as for any Unix filter.
        Err(err) if output::is_closed_stdout(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err);
            ExitCode::from(exit_code(&err))
        }
    }
}
