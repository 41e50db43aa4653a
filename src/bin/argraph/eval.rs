//! `argraph eval FILE --semantics S [--framing ID] [--format table|json]`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{Evaluation, Evaluator, Method, Semantics, SupportMode};

use crate::output::{self, escape_controls};

/// Output format of `eval` and `compare`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// An aligned text table.
    Table,
    /// JSON.
    Json,
}

/// Options shared by `eval` and `compare`.
#[derive(clap::Args)]
pub struct Reasoning {
    /// grounded, complete, preferred, stable (Dung); dfquad, energy (gradual).
    #[arg(short, long, default_value = "grounded", value_parser = str::parse::<Method>)]
    pub semantics: Method,
    /// How supports count: structured (supports build arguments, an attack
    /// defeats the arguments that use its target; ASPIC+ style), bipolar
    /// (supported and secondary attacks, Cayrol & Lagasquie-Schiex 2005),
    /// supported, or ignore.
    #[arg(long, value_name = "MODE", default_value = "structured", value_parser = str::parse::<SupportMode>)]
    pub supports: SupportMode,
    /// List at most this many extensions (statuses stay exact).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub limit: usize,
    /// Leave out the nodes marked as the analyst's syntheses.
    #[arg(long)]
    pub no_syntheses: bool,
    /// Count only the frames edges whose source declares the framing.
    #[arg(long)]
    pub declared_framings: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

/// Arguments of `argraph eval`.
#[derive(clap::Args)]
pub struct Args {
    /// The argraph JSON file.
    file: PathBuf,
    /// Evaluate under this framing (the id of a framing node): its audience
    /// prefers what it frames (Bench-Capon 2003).
    #[arg(long, value_name = "ID")]
    framing: Option<String>,
    #[command(flatten)]
    reasoning: Reasoning,
}

impl Reasoning {
    /// An evaluator of `g` with these options (and no framing).
    pub fn evaluator<'g>(&self, g: &'g argraph::ArgumentGraph) -> Evaluator<'g> {
        let mut evaluator = Evaluator::new(g);
        evaluator
            .semantics(self.semantics)
            .supports(self.supports)
            .limit(self.limit)
            .syntheses(!self.no_syntheses)
            .declared_framings_only(self.declared_framings);
        evaluator
    }
}

/// Evaluates a graph file and prints every node's verdict.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let g = argraph::convert::load(&args.file)?;
    let mut evaluator = args.reasoning.evaluator(&g);
    if let Some(framing) = &args.framing {
        evaluator.framing(framing);
    }
    let eval = evaluator.run()?;
    match args.reasoning.format {
        // An evaluation always serializes: only the write can fail.
        OutputFormat::Json => print_json(&eval).map_err(std::io::Error::from)?,
        OutputFormat::Table => output::print(&table(&g, &eval))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `value` to standard output as pretty JSON and a newline. Strings
/// are written exactly (JSON escapes control characters itself).
///
/// # Errors
/// The write's I/O error (`is_io()`), or the error of a value that refuses
/// to serialize.
pub fn print_json(value: &impl serde::Serialize) -> serde_json::Result<()> {
    let mut out = output::stdout();
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)?;
    out.flush().map_err(serde_json::Error::io)
}

/// The verdicts as an aligned table, ids with control characters escaped.
fn table(g: &argraph::ArgumentGraph, eval: &Evaluation) -> String {
    let header = match eval.method() {
        Method::Dung(Semantics::Grounded) => "LABEL",
        Method::Dung(_) => "STATUS",
        Method::Gradual(_) => "STRENGTH",
    };
    let rows: Vec<[String; 3]> = g
        .nodes()
        .zip(eval.iter())
        .map(|(n, (_, v))| {
            let id = escape_controls(n.id()).into_owned();
            [id, n.kind().to_string(), v.to_string()]
        })
        .collect();
    let w0 = rows
        .iter()
        .map(|r| r[0].chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "# {} semantics, {}\n",
        eval.method(),
        match eval.framing() {
            Some(f) => format!("under framing {}", escape_controls(f)),
            None => "no framing".to_string(),
        }
    );
    out.push_str(&format!("{:<w0$}  {:<9} {header}\n", "ID", "KIND"));
    for r in &rows {
        out.push_str(&format!("{:<w0$}  {:<9} {}\n", r[0], r[1], r[2]));
    }
    if let Some(exts) = eval.extensions() {
        out.push_str(&format!(
            "# {} extension{}{}\n",
            exts.len(),
            if exts.len() == 1 { "" } else { "s" },
            if eval.all_extensions() {
                ""
            } else {
                " listed (more exist)"
            }
        ));
        for e in exts {
            let members: Vec<_> = e.iter().map(|id| escape_controls(id)).collect();
            out.push_str(&format!("  {{{}}}\n", members.join(", ")));
        }
        if exts.is_empty() && eval.all_extensions() {
            out.push_str(&format!(
                "# no {} extension: every node is skeptically accepted, vacuously (in each of none), and none credulously, as in ICCMA's DS and DC tasks\n",
                eval.method()
            ));
        }
    }
    if !eval.converged() {
        out.push_str("# warning: the values did not converge on a cycle (last iterate shown)\n");
    }
    out
}
