//! `argraph compare FILE [--framings a,b,…] [--semantics S] [--format table|json]`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::reason::{compare, Comparison, NodeVerdict};
use argraph::NodeKind;
use serde_json::{json, Map, Value};

use crate::eval::{OutputFormat, Reasoning};

/// Arguments of `argraph compare`.
#[derive(clap::Args)]
pub struct Args {
    /// The argraph JSON file.
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
    let g = argraph::json::load(&args.file)?;
    let r = &args.reasoning;
    let names: Option<Vec<&str>> = args
        .framings
        .as_ref()
        .map(|v| v.iter().map(String::as_str).collect());
    let c = compare(&g, r.semantics, names.as_deref(), r.supports, r.limit)?;
    let text = match r.format {
        OutputFormat::Json => {
            let doc = match to_json(&c) {
                Ok(doc) => doc,
                Err(msg) => {
                    eprintln!("argraph: error: {msg}; use --format table");
                    return Ok(ExitCode::from(1));
                }
            };
            let mut s = serde_json::to_string_pretty(&doc).expect("JSON values print");
            s.push('\n');
            s
        }
        OutputFormat::Table => table(&c, args.all),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn column_name(f: &Option<String>) -> &str {
    f.as_deref().unwrap_or("none")
}

fn verdict_json(v: &NodeVerdict) -> Value {
    match (v.label, v.status, v.strength) {
        (Some(l), _, _) => json!(l.as_str()),
        (None, Some(s), _) => json!(s.as_str()),
        (None, None, Some(x)) => json!(x),
        _ => Value::Null,
    }
}

/// The JSON document: one object per node, `id` and `kind` plus one verdict
/// per column keyed by the framing's id (`none` for no framing).
fn to_json(c: &Comparison) -> Result<Value, String> {
    for f in c.framings.iter().flatten() {
        if ["id", "kind", "none", "differs"].contains(&f.as_str()) {
            return Err(format!(
                "a framing named {f:?} clashes with a key of the JSON output"
            ));
        }
    }
    let nodes: Vec<Value> = c
        .rows
        .iter()
        .map(|row| {
            let mut o = Map::new();
            o.insert("id".into(), json!(row.id));
            o.insert("kind".into(), json!(row.kind.as_str()));
            for (f, v) in c.framings.iter().zip(&row.verdicts) {
                o.insert(column_name(f).to_string(), verdict_json(v));
            }
            o.insert("differs".into(), json!(row.differs()));
            Value::Object(o)
        })
        .collect();
    Ok(json!({
        "semantics": c.method.as_str(),
        "framings": c.framings,
        "converged": c.converged,
        "nodes": nodes,
    }))
}

fn table(c: &Comparison, all: bool) -> String {
    let rows: Vec<_> = c
        .rows
        .iter()
        .filter(|r| all || r.kind == NodeKind::Claim)
        .collect();
    let mut header: Vec<String> = vec!["ID".into()];
    header.extend(c.framings.iter().map(|f| column_name(f).to_string()));
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut v = vec![r.id.clone()];
            v.extend(r.verdicts.iter().map(NodeVerdict::short));
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
        c.method
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
    if c.converged.iter().any(|ok| !ok) {
        out.push_str("# warning: some values did not converge on a cycle\n");
    }
    out
}
