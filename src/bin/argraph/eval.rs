//! `argraph eval FILE --semantics S [--framing ID] [--format table|json]`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{evaluate, Evaluation, Method, Semantics, SupportMode};
use serde_json::{json, Map, Value};

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
    #[arg(short, long, default_value = "grounded", value_parser = parse::<Method>)]
    pub semantics: Method,
    /// How supports enter the Dung view: bipolar (supported and secondary
    /// attacks, Cayrol & Lagasquie-Schiex 2005), supported, or ignore.
    #[arg(long, value_name = "MODE", default_value = "bipolar", value_parser = parse::<SupportMode>)]
    pub supports: SupportMode,
    /// List at most this many extensions (statuses stay exact).
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: OutputFormat,
}

pub(crate) fn parse<T: std::str::FromStr<Err = String>>(s: &str) -> Result<T, String> {
    s.parse()
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

/// Evaluates a graph file and prints every node's verdict.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let g = argraph::json::load(&args.file)?;
    let r = &args.reasoning;
    let eval = evaluate(
        &g,
        r.semantics,
        args.framing.as_deref(),
        r.supports,
        r.limit,
    )?;
    let text = match r.format {
        OutputFormat::Json => {
            let mut s = serde_json::to_string_pretty(&to_json(&eval)).expect("JSON values print");
            s.push('\n');
            s
        }
        OutputFormat::Table => table(&g, &eval),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The JSON document of an evaluation.
pub fn to_json(eval: &Evaluation) -> Value {
    let mut doc = Map::new();
    doc.insert("semantics".into(), json!(eval.method.as_str()));
    doc.insert("framing".into(), json!(eval.framing));
    if let Some(exts) = &eval.extensions {
        doc.insert("extensions".into(), json!(exts));
        if !eval.all_extensions {
            doc.insert("extensions_truncated".into(), json!(true));
        }
    }
    if matches!(eval.method, Method::Gradual(_)) {
        doc.insert("converged".into(), json!(eval.converged));
    }
    let nodes: Vec<Value> = eval
        .nodes
        .iter()
        .map(|v| {
            let mut o = Map::new();
            o.insert("id".into(), json!(v.id));
            if let Some(s) = v.status {
                o.insert("status".into(), json!(s.as_str()));
            }
            if let Some(l) = v.label {
                o.insert("label".into(), json!(l.as_str()));
            }
            if let Some(x) = v.strength {
                o.insert("strength".into(), json!(x));
            }
            Value::Object(o)
        })
        .collect();
    doc.insert("nodes".into(), Value::Array(nodes));
    Value::Object(doc)
}

fn table(g: &argraph::ArgumentGraph, eval: &Evaluation) -> String {
    let header = match eval.method {
        Method::Dung(Semantics::Grounded) => "LABEL",
        Method::Dung(_) => "STATUS",
        Method::Gradual(_) => "STRENGTH",
    };
    let rows: Vec<[String; 3]> = g
        .nodes()
        .zip(&eval.nodes)
        .map(|(n, v)| [n.id().to_string(), n.kind().to_string(), v.short()])
        .collect();
    let w0 = rows
        .iter()
        .map(|r| r[0].chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!(
        "# {} semantics, {}\n",
        eval.method,
        match &eval.framing {
            Some(f) => format!("under framing {f}"),
            None => "no framing".to_string(),
        }
    );
    out.push_str(&format!("{:<w0$}  {:<9} {header}\n", "ID", "KIND"));
    for r in &rows {
        out.push_str(&format!("{:<w0$}  {:<9} {}\n", r[0], r[1], r[2]));
    }
    if let Some(exts) = &eval.extensions {
        out.push_str(&format!(
            "# {} extension{}{}\n",
            exts.len(),
            if exts.len() == 1 { "" } else { "s" },
            if eval.all_extensions {
                ""
            } else {
                " listed (more exist)"
            }
        ));
        for e in exts {
            out.push_str(&format!("  {{{}}}\n", e.join(", ")));
        }
    }
    if !eval.converged {
        out.push_str("# warning: the values did not converge on a cycle (last iterate shown)\n");
    }
    out
}
