//! Framings side by side.

use super::eval::{evaluate, Method, NodeVerdict};
use super::view::SupportMode;
use crate::error::Result;
use crate::model::{ArgumentGraph, NodeKind};

/// The verdicts of every node under no framing and under each framing,
/// side by side: see [`compare`].
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The method used.
    pub method: Method,
    /// The columns: `None` (no framing) first, then each framing's id.
    pub framings: Vec<Option<String>>,
    /// Whether each column's gradual values converged (all `true` for
    /// extension semantics).
    pub converged: Vec<bool>,
    /// One row per node, in [`ArgumentGraph::nodes`] order.
    pub rows: Vec<ComparisonRow>,
}

/// One node's verdicts, one per column of the [`Comparison`].
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// The node's id.
    pub id: String,
    /// The node's kind.
    pub kind: NodeKind,
    /// The verdict under each column, in column order.
    pub verdicts: Vec<NodeVerdict>,
}

impl ComparisonRow {
    /// `true` if the columns do not all give the same verdict (for
    /// strengths: differ by more than 0.0005, i.e. show differently to 3
    /// decimals).
    pub fn differs(&self) -> bool {
        let first = self.verdicts.first().map(NodeVerdict::short);
        self.verdicts.iter().any(|v| Some(v.short()) != first)
    }
}

/// Evaluates `g` with `method` under no framing and under each of
/// `framings` (all framing nodes, in graph order, when `None`), so an
/// analyst sees where the framings part ways. See [`evaluate`] for the
/// evaluation and [`dung_view`](super::dung_view) for the framing rule
/// (Bench-Capon 2003's audiences). Costs one [`evaluate`] per column.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if a name in
/// `framings` is not a framing's id.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{compare, Method, Semantics, SupportMode};
/// let mut g = argraph::ArgumentGraph::new();
/// g.framing("off", "Offensive realism")?;
/// g.framing("def", "Defensive realism")?;
/// g.claim("power", "Russia seeks power.")?;
/// g.claim("security", "Russia seeks security.")?;
/// g.rebuts("power", "security")?;
/// g.rebuts("security", "power")?;
/// g.frames("off", "power")?;
/// g.frames("def", "security")?;
/// let c = compare(&g, Method::Dung(Semantics::Grounded), None, SupportMode::Bipolar, 100)?;
/// let power = c.rows.iter().find(|r| r.id == "power").unwrap();
/// let shown: Vec<String> = power.verdicts.iter().map(|v| v.short()).collect();
/// assert_eq!(shown, ["undec", "in", "out"]); // none, off, def
/// assert!(power.differs());
/// # Ok(()) }
/// ```
pub fn compare(
    g: &ArgumentGraph,
    method: Method,
    framings: Option<&[&str]>,
    support: SupportMode,
    limit: usize,
) -> Result<Comparison> {
    let mut columns: Vec<Option<String>> = vec![None];
    match framings {
        Some(list) => columns.extend(list.iter().map(|f| Some(f.to_string()))),
        None => columns.extend(
            g.nodes_of_kind(NodeKind::Framing)
                .map(|n| Some(n.id().to_string())),
        ),
    }
    let mut rows: Vec<ComparisonRow> = g
        .nodes()
        .map(|n| ComparisonRow {
            id: n.id().to_string(),
            kind: n.kind(),
            verdicts: Vec::with_capacity(columns.len()),
        })
        .collect();
    let mut converged = Vec::with_capacity(columns.len());
    for col in &columns {
        let eval = evaluate(g, method, col.as_deref(), support, limit)?;
        converged.push(eval.converged);
        for (row, v) in rows.iter_mut().zip(eval.nodes) {
            row.verdicts.push(v);
        }
    }
    Ok(Comparison {
        method,
        framings: columns,
        converged,
        rows,
    })
}
