//! `argraph eval FILE --semantics S [--framing ID] [--format table|json]`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{Evaluation, Evaluator, Method, Semantics, SupportMode};

use crate::output::{self, escape_controls};
use crate::view::{Selection, ViewArgs};

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
    /// The map: argraph JSON, or any format `convert` reads (AIF, OVA, Argdown, GraphML, ICCMA), known by its extension or content.
    file: PathBuf,
    /// Evaluate under this framing (the id of a framing node): its audience
    /// prefers what it frames (Bench-Capon 2003).
    #[arg(long, value_name = "ID")]
    framing: Option<String>,
    /// With --framing: list only the framing's view (the framing, what it
    /// frames, and what supports or attacks those), as `dot --framing` draws.
    #[arg(long, requires = "framing")]
    framed: bool,
    #[command(flatten)]
    reasoning: Reasoning,
    #[command(flatten)]
    view: ViewArgs,
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

/// Evaluates a graph file and prints every node's verdict, or those of the
/// nodes the view options keep (evaluated in the whole graph).
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let g = argraph::convert::load(&args.file)?;
    let framed = args.framing.as_deref().filter(|_| args.framed);
    let (view, what) = match args.view.select(&g, framed)? {
        Selection::Whole => (None, None),
        Selection::Part { view, what } => (Some(view), Some(what)),
        Selection::Refused(message) => {
            output::eprint_lines(&format!("argraph: error: {message}"));
            return Ok(ExitCode::from(1));
        }
    };
    let mut evaluator = args.reasoning.evaluator(&g);
    if let Some(framing) = &args.framing {
        evaluator.framing(framing);
    }
    let eval = evaluator.run()?;
    let shown = |id: &str| view.as_ref().is_none_or(|v| v.contains(id));
    match args.reasoning.format {
        // An evaluation always serializes: only the write can fail.
        OutputFormat::Json if view.is_none() => print_json(&eval).map_err(std::io::Error::from)?,
        OutputFormat::Json => {
            let doc = serde_json::to_value(&eval).map_err(std::io::Error::from)?;
            print_json(&only_shown(doc, &shown)).map_err(std::io::Error::from)?
        }
        OutputFormat::Table => {
            let mut text = table(&g, &eval, &shown);
            if let Some(what) = what {
                let line = format!("# view: {what}; verdicts in the whole graph");
                text.insert_str(0, &format!("{}\n", escape_controls(&line)));
            }
            output::print(&text)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An evaluation's JSON with only the nodes `shown` keeps, in its node list
/// and in each extension.
fn only_shown(mut doc: serde_json::Value, shown: &dyn Fn(&str) -> bool) -> serde_json::Value {
    let keep = |v: &serde_json::Value| v.as_str().is_some_and(shown);
    if let Some(nodes) = doc.get_mut("nodes").and_then(|n| n.as_array_mut()) {
        nodes.retain(|n| n.get("id").is_some_and(keep));
    }
    if let Some(exts) = doc.get_mut("extensions").and_then(|e| e.as_array_mut()) {
        for ext in exts.iter_mut().filter_map(|e| e.as_array_mut()) {
            ext.retain(keep);
        }
    }
    doc
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

/// Titles in the table are cut to this many characters.
const TITLE_CHARS: usize = 32;

/// The verdicts of the nodes `shown` keeps as an aligned table: id, title
/// (label, or text), kind, verdict; ids and titles with control characters
/// escaped.
fn table(g: &argraph::ArgumentGraph, eval: &Evaluation, shown: &dyn Fn(&str) -> bool) -> String {
    let header = match eval.method() {
        Method::Dung(Semantics::Grounded) => "LABEL",
        Method::Dung(_) => "STATUS",
        Method::Gradual(_) => "STRENGTH",
    };
    let rows: Vec<[String; 4]> = g
        .nodes()
        .zip(eval.iter())
        .filter(|(n, _)| shown(n.id()))
        .map(|(n, (_, v))| {
            let id = escape_controls(n.id()).into_owned();
            let title = shorten(n.label().unwrap_or(n.text()), TITLE_CHARS);
            let title = escape_controls(&title).into_owned();
            [id, title, n.kind().to_string(), v.to_string()]
        })
        .collect();
    let width = |i: usize, least: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .max()
            .unwrap_or(least)
            .max(least)
    };
    let (w0, w1) = (width(0, 2), width(1, 5));
    let mut out = format!(
        "# {} semantics, {}\n",
        eval.method(),
        match eval.framing() {
            Some(f) => format!("under framing {}", escape_controls(f)),
            None => "no framing".to_string(),
        }
    );
    out.push_str(&format!(
        "{:<w0$}  {:<w1$}  {:<9} {header}\n",
        "ID", "TITLE", "KIND"
    ));
    for r in &rows {
        let [id, title, kind, verdict] = r;
        // Padded by characters, as `{:<w$}` does.
        out.push_str(&format!("{id:<w0$}  {title:<w1$}  {kind:<9} {verdict}\n"));
    }
    out.push_str(&extensions(eval, shown));
    if !eval.converged() {
        out.push_str("# warning: the values did not converge on a cycle (last iterate shown)\n");
    }
    out
}

/// The lines under the table that list the extensions (their members that
/// `shown` keeps), for an extension semantics.
fn extensions(eval: &Evaluation, shown: &dyn Fn(&str) -> bool) -> String {
    let mut text = String::new();
    if let Some(exts) = eval.extensions() {
        text.push_str(&format!(
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
            let members: Vec<_> = e
                .iter()
                .filter(|id| shown(id))
                .map(|id| escape_controls(id))
                .collect();
            text.push_str(&format!("  {{{}}}\n", members.join(", ")));
        }
        if exts.is_empty() && eval.all_extensions() {
            text.push_str(&format!(
                "# no {} extension: every node is skeptically accepted, vacuously (in each of none), and none credulously, as in ICCMA's DS and DC tasks\n",
                eval.method()
            ));
        }
    }
    text
}

/// `text` on one line (runs of whitespace made one space), cut to `chars`
/// characters with an ellipsis if it is longer.
fn shorten(text: &str, chars: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= chars {
        return one_line;
    }
    let cut: String = one_line.chars().take(chars - 1).collect();
    format!("{}…", cut.trim_end())
}
