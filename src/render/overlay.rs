//! An evaluation drawn over the diagram: each node filled by its status or
//! strength and marked with a symbol, so the result reads in colour and in
//! monochrome alike.

use std::collections::HashMap;

use crate::reason::{Evaluation, Label, Method, Status};

/// What the overlay draws on one node.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mark {
    /// The fill colour (colour theme only).
    pub fill: String,
    /// The text line added under the node's label: a symbol and the verdict.
    pub text: String,
}

/// The result of an [evaluation](crate::reason::evaluate) drawn over a
/// diagram with [`DotOptions::overlay`](super::DotOptions::overlay): every
/// evaluated node gets a fill colour (in the colour theme) and a marked line
/// under its label (in both themes), and the legend explains them.
///
/// - Grounded labels: `✔ in` (green), `✘ out` (vermillion), `? undec` (grey).
/// - Statuses: `✔✔ skeptical` (green), `✔ credulous` (yellow), `✘ rejected`
///   (vermillion).
/// - Strengths: `σ 0.72` with a five-step bar, the fill running from
///   vermillion (0) through white (0.5) to green (1).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{evaluate, Method, Semantics, SupportMode};
/// use argraph::render::{dot_string, DotOptions, Overlay};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("a", "A")?;
/// g.claim("b", "B")?;
/// g.attacks("a", "b")?;
/// let eval = evaluate(&g, Method::Dung(Semantics::Grounded), None, SupportMode::Bipolar, 10)?;
/// let mut opts = DotOptions::new();
/// opts.overlay(Overlay::new(&eval));
/// let dot = dot_string(&g, &opts);
/// assert!(dot.contains("✔ in") && dot.contains("✘ out"));
/// assert!(dot.contains("Evaluation: grounded"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    pub(crate) marks: HashMap<String, Mark>,
    pub(crate) caption: String,
    pub(crate) key: Vec<(String, String)>,
}

// Okabe–Ito tints.
const IN: &str = "#A8E6CF";
const OUT: &str = "#F6C1A6";
const UNDEC: &str = "#E0E0E0";
const CREDULOUS: &str = "#FBE8A6";

impl Overlay {
    /// The overlay of an evaluation. O(n).
    pub fn new(eval: &Evaluation) -> Overlay {
        let mut marks = HashMap::with_capacity(eval.nodes.len());
        for v in &eval.nodes {
            let mark = match (v.label, v.status, v.strength) {
                (Some(l), _, _) => label_mark(l),
                (None, Some(s), _) => status_mark(s),
                (None, None, Some(x)) => strength_mark(x),
                _ => continue,
            };
            marks.insert(v.id.clone(), mark);
        }
        let caption = match &eval.framing {
            Some(f) => format!("Evaluation: {} under framing {f}", eval.method),
            None => format!("Evaluation: {}, no framing", eval.method),
        };
        let key = match eval.method {
            Method::Dung(crate::reason::Semantics::Grounded) => {
                [Label::In, Label::Out, Label::Undec]
                    .map(|l| {
                        let m = label_mark(l);
                        (m.fill, m.text)
                    })
                    .to_vec()
            }
            Method::Dung(_) => [Status::Skeptical, Status::Credulous, Status::Rejected]
                .map(|s| {
                    let m = status_mark(s);
                    (m.fill, m.text)
                })
                .to_vec(),
            Method::Gradual(_) => [1.0, 0.5, 0.0]
                .map(|x| {
                    let m = strength_mark(x);
                    (m.fill, m.text)
                })
                .to_vec(),
        };
        Overlay {
            marks,
            caption,
            key,
        }
    }

    pub(crate) fn mark(&self, id: &str) -> Option<&Mark> {
        self.marks.get(id)
    }
}

fn label_mark(l: Label) -> Mark {
    let (fill, text) = match l {
        Label::In => (IN, "✔ in"),
        Label::Out => (OUT, "✘ out"),
        Label::Undec => (UNDEC, "? undec"),
    };
    Mark {
        fill: fill.to_string(),
        text: text.to_string(),
    }
}

fn status_mark(s: Status) -> Mark {
    let (fill, text) = match s {
        Status::Skeptical => (IN, "✔✔ skeptical"),
        Status::Credulous => (CREDULOUS, "✔ credulous"),
        Status::Rejected => (OUT, "✘ rejected"),
    };
    Mark {
        fill: fill.to_string(),
        text: text.to_string(),
    }
}

fn strength_mark(x: f64) -> Mark {
    let x = x.clamp(0.0, 1.0);
    // White at 0.5, vermillion tint at 0, green tint at 1.
    let (to, t) = if x >= 0.5 {
        ((0xA8, 0xE6, 0xCF), (x - 0.5) * 2.0)
    } else {
        ((0xF6, 0xC1, 0xA6), (0.5 - x) * 2.0)
    };
    let mix = |c: u8| (255.0 + (c as f64 - 255.0) * t).round() as u8;
    let fill = format!("#{:02X}{:02X}{:02X}", mix(to.0), mix(to.1), mix(to.2));
    let filled = (x * 5.0).round() as usize;
    let bar: String = "▮".repeat(filled) + &"▯".repeat(5 - filled);
    Mark {
        fill,
        text: format!("σ {x:.2} {bar}"),
    }
}

/// The legend entry of an overlay: a table of fills and marks, on its own
/// rank under the relations, inside the legend box.
pub(crate) fn emit_key(
    overlay: &Overlay,
    prefix: &str,
    theme: super::Theme,
    sink: &mut dyn super::emit::Sink,
) -> std::io::Result<()> {
    use super::emit::{attr, Attr, Quoted, Value};
    use super::escape::{escape, quoted, Mode};
    let mut html = Vec::new();
    html.extend_from_slice(
        b"<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\"><TR><TD COLSPAN=\"",
    );
    html.extend_from_slice(overlay.key.len().to_string().as_bytes());
    html.extend_from_slice(b"\" BORDER=\"0\"><B>");
    escape(&mut html, &overlay.caption, Mode::Html);
    html.extend_from_slice(b"</B></TD></TR><TR>");
    for (fill, text) in &overlay.key {
        html.extend_from_slice(b"<TD");
        if theme == super::Theme::Color {
            html.extend_from_slice(b" BGCOLOR=\"");
            escape(&mut html, fill, Mode::Html);
            html.extend_from_slice(b"\"");
        }
        html.extend_from_slice(b">");
        escape(&mut html, text, Mode::Html);
        html.extend_from_slice(b"</TD>");
    }
    html.extend_from_slice(b"</TR></TABLE>");
    let id = quoted(&format!("{prefix}evaluation"));
    sink.node(
        Quoted(&id),
        &[
            attr!("shape", Value::Plain("plain")),
            attr!("label", Value::Html(&html)),
            attr!("fontsize", Value::Plain("10")),
        ],
    )?;
    // Under the relations row.
    sink.edge(
        Quoted(&id),
        Quoted(&quoted(&format!("{prefix}0a"))),
        &[attr!("style", Value::Plain("invis"))],
    )
}
