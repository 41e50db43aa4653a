//! Evaluating every node of a rich graph under one semantics and framing.

use std::fmt;
use std::str::FromStr;

use super::gradual::{dfquad, quadratic_energy, Gradual};
use super::view::{dung_view, SupportMode};
use super::{Label, Reasoner, Semantics};
use crate::error::Result;
use crate::model::ArgumentGraph;

/// What to evaluate a graph with: a Dung semantics (on the graph's
/// [Dung view](super::dung_view)) or a gradual one (on its supports and
/// attacks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// An extension semantics.
    Dung(Semantics),
    /// A gradual semantics.
    Gradual(Gradual),
}

impl Method {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Dung(s) => s.as_str(),
            Method::Gradual(g) => g.as_str(),
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        s.parse::<Semantics>()
            .map(Method::Dung)
            .or_else(|_| s.parse::<Gradual>().map(Method::Gradual))
            .map_err(|_| {
                format!(
                    "unknown semantics {s:?} (expected one of: grounded, complete, preferred, stable, dfquad, energy)"
                )
            })
    }
}

/// The acceptance status of an argument under an extension semantics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// In every extension (and there is at least one).
    Skeptical,
    /// In some extension but not all.
    Credulous,
    /// In no extension (or there is none).
    Rejected,
}

impl Status {
    /// `"skeptical"`, `"credulous"` or `"rejected"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Skeptical => "skeptical",
            Status::Credulous => "credulous",
            Status::Rejected => "rejected",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One node's verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeVerdict {
    /// The node's id.
    pub id: String,
    /// Extension semantics: skeptical, credulous or rejected.
    pub status: Option<Status>,
    /// Grounded semantics: the grounded label.
    pub label: Option<Label>,
    /// Gradual semantics: the strength in [0, 1].
    pub strength: Option<f64>,
}

impl NodeVerdict {
    /// The verdict as one short word or number: the label (grounded), the
    /// status (other extension semantics) or the strength to 3 decimals.
    pub fn short(&self) -> String {
        match (self.label, self.status, self.strength) {
            (Some(l), _, _) => l.to_string(),
            (None, Some(s), _) => s.to_string(),
            (None, None, Some(v)) => format!("{v:.3}"),
            _ => "-".to_string(),
        }
    }
}

/// The evaluation of a graph: see [`evaluate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// The method used.
    pub method: Method,
    /// The framing evaluated under, if any.
    pub framing: Option<String>,
    /// Extension semantics: the extensions found, as lists of node ids.
    pub extensions: Option<Vec<Vec<String>>>,
    /// `false` if the limit cut the list of extensions short (the statuses
    /// are exact all the same).
    pub all_extensions: bool,
    /// Gradual semantics on cyclic graphs: whether the values converged.
    pub converged: bool,
    /// One verdict per node, in [`ArgumentGraph::nodes`] order.
    pub nodes: Vec<NodeVerdict>,
}

impl Evaluation {
    /// The verdict of node `id`. O(n).
    pub fn node(&self, id: &str) -> Option<&NodeVerdict> {
        self.nodes.iter().find(|v| v.id == id)
    }
}

/// Evaluates every node of `g` with `method`, under `framing` (a framing
/// node's id) or none, with supports entering the Dung view as `support`
/// says, listing at most `limit` extensions.
///
/// Extension semantics run on the graph's [`dung_view`]: grounded gives
/// each node its grounded label (and status skeptical for `in`, rejected
/// otherwise); complete, preferred and stable give statuses computed from
/// the enumerated extensions when there are at most `limit`, or else by one
/// credulous and one skeptical query per node through a [`Reasoner`].
/// Gradual semantics give strengths ([`dfquad`], [`quadratic_energy`]).
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if `framing`
/// is not a framing's id.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{evaluate, Label, Method, Semantics, SupportMode};
/// let mut g = argraph::ArgumentGraph::new();
/// g.framing("f", "Lens")?;
/// g.claim("a", "A")?;
/// g.claim("b", "Not A")?;
/// g.rebuts("a", "b")?;
/// g.rebuts("b", "a")?;
/// g.frames("f", "a")?;
/// let gr = Method::Dung(Semantics::Grounded);
/// let plain = evaluate(&g, gr, None, SupportMode::Bipolar, 100)?;
/// assert_eq!(plain.node("a").unwrap().label, Some(Label::Undec));
/// let under_f = evaluate(&g, gr, Some("f"), SupportMode::Bipolar, 100)?;
/// assert_eq!(under_f.node("a").unwrap().label, Some(Label::In));
/// assert_eq!(under_f.node("b").unwrap().label, Some(Label::Out));
/// # Ok(()) }
/// ```
pub fn evaluate(
    g: &ArgumentGraph,
    method: Method,
    framing: Option<&str>,
    support: SupportMode,
    limit: usize,
) -> Result<Evaluation> {
    let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
    let mut eval = Evaluation {
        method,
        framing: framing.map(str::to_string),
        extensions: None,
        all_extensions: true,
        converged: true,
        nodes: ids
            .iter()
            .map(|id| NodeVerdict {
                id: id.clone(),
                status: None,
                label: None,
                strength: None,
            })
            .collect(),
    };
    match method {
        Method::Gradual(kind) => {
            let s = match kind {
                Gradual::DfQuad => dfquad(g, framing)?,
                Gradual::Energy => quadratic_energy(g, framing)?,
            };
            eval.converged = s.converged();
            for (v, &x) in eval.nodes.iter_mut().zip(s.values()) {
                v.strength = Some(x);
            }
        }
        Method::Dung(sem) => {
            let view = dung_view(g, support, framing)?;
            let af = view.framework();
            let mut r = Reasoner::new(af, sem);
            if sem == Semantics::Grounded {
                for (a, v) in eval.nodes.iter_mut().enumerate() {
                    let l = r.grounded().label(a);
                    v.label = Some(l);
                    v.status = Some(if l == Label::In {
                        Status::Skeptical
                    } else {
                        Status::Rejected
                    });
                }
                eval.extensions = Some(vec![names(&ids, &r.grounded().extension())]);
                return Ok(eval);
            }
            let found = r.extensions(Some(limit))?;
            eval.all_extensions = found.all_found;
            eval.extensions = Some(found.extensions.iter().map(|e| names(&ids, e)).collect());
            if found.all_found {
                let k = found.extensions.len();
                let mut count = vec![0usize; af.len()];
                for e in &found.extensions {
                    for &a in e {
                        count[a] += 1;
                    }
                }
                for (a, v) in eval.nodes.iter_mut().enumerate() {
                    v.status = Some(match count[a] {
                        0 => Status::Rejected,
                        c if c == k => Status::Skeptical,
                        _ => Status::Credulous,
                    });
                }
            } else {
                for a in 0..af.len() {
                    let status = if !r.credulous(a)?.accepted {
                        Status::Rejected
                    } else if r.skeptical(a)?.accepted {
                        Status::Skeptical
                    } else {
                        Status::Credulous
                    };
                    eval.nodes[a].status = Some(status);
                }
            }
        }
    }
    Ok(eval)
}

fn names(ids: &[String], ext: &[usize]) -> Vec<String> {
    ext.iter().map(|&a| ids[a].clone()).collect()
}
