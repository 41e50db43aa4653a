//! Framings side by side.

use std::collections::HashSet;

use serde::ser::{Error as _, SerializeMap, Serializer};
use serde::Serialize;

use super::eval::{Evaluator, Method, Verdict};
use super::node_ids::NodeIds;
use crate::error::Result;
use crate::model::NodeKind;

/// The verdicts of every node under no framing and under each framing,
/// side by side: see [`Evaluator::compare`]. Rows are looked up by node id
/// in O(1) or listed in graph order. Serializes to the JSON that `argraph
/// compare --format json` prints.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::Evaluator;
/// let mut g = argraph::ArgumentGraph::new();
/// g.framing("f", "Lens")?;
/// g.claim("a", "A")?;
/// g.claim("b", "B")?;
/// g.rebuts("a", "b")?;
/// g.rebuts("b", "a")?;
/// g.frames("f", "a")?;
/// let c = Evaluator::new(&g).compare(["f"])?;
/// assert_eq!(c.framings(), [None, Some("f".to_string())]);
/// let b = c.row("b").unwrap();
/// assert_eq!(b.verdicts.iter().map(|v| v.to_string()).collect::<Vec<_>>(), ["undec", "out"]);
/// let json = serde_json::to_value(&c).unwrap();
/// assert_eq!(json["nodes"][2]["f"], "out");
/// assert_eq!(json["nodes"][2]["differs"], true);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    method: Method,
    framings: Vec<Option<String>>,
    converged: Vec<bool>,
    rows: Vec<ComparisonRow>,
    /// Position of each node id in `rows`.
    index: NodeIds,
}

impl Comparison {
    /// The method used.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The columns: `None` (no framing) first, then each framing's id.
    pub fn framings(&self) -> &[Option<String>] {
        &self.framings
    }

    /// Whether each column's gradual values converged (all `true` for
    /// extension semantics).
    pub fn converged(&self) -> &[bool] {
        &self.converged
    }

    /// One row per node, in [`ArgumentGraph::nodes`](crate::ArgumentGraph::nodes) order.
    pub fn rows(&self) -> &[ComparisonRow] {
        &self.rows
    }

    /// The row of node `id`, if the graph has that node. O(1).
    pub fn row(&self, id: &str) -> Option<&ComparisonRow> {
        self.index.position(id).map(|i| &self.rows[i])
    }
}

/// One node's verdicts, one per column of the [`Comparison`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ComparisonRow {
    /// The node's id.
    pub id: String,
    /// The node's kind.
    pub kind: NodeKind,
    /// The verdict under each column, in column order.
    pub verdicts: Vec<Verdict>,
}

impl ComparisonRow {
    /// `true` if the columns do not all give the same verdict (for
    /// strengths: differ by more than 0.0005, i.e. show differently to 3
    /// decimals). O(columns).
    pub fn differs(&self) -> bool {
        let first = self.verdicts.first().map(|v| v.to_string());
        self.verdicts.iter().any(|v| Some(v.to_string()) != first)
    }
}

impl Evaluator<'_> {
    /// Evaluates the graph under no framing and under each of `framings`
    /// (framing node ids; the evaluator's own framing is not used), so an
    /// analyst sees where the framings part ways. See [`Evaluator::run`]
    /// for the evaluation and [`dung_view`](super::dung_view) for the
    /// framing rule (Bench-Capon 2003's audiences). Costs one
    /// [`run`](Evaluator::run) per column.
    ///
    /// To compare every framing of the graph, pass
    /// `g.nodes_of_kind(NodeKind::Framing).map(|n| n.id())`.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if a name in
    /// `framings` is not a framing's id.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Evaluator;
    /// use argraph::NodeKind;
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("off", "Offensive realism")?;
    /// g.framing("def", "Defensive realism")?;
    /// g.claim("power", "Russia seeks power.")?;
    /// g.claim("security", "Russia seeks security.")?;
    /// g.rebuts("power", "security")?;
    /// g.rebuts("security", "power")?;
    /// g.frames("off", "power")?;
    /// g.frames("def", "security")?;
    /// let every_framing = g.nodes_of_kind(NodeKind::Framing).map(|n| n.id());
    /// let c = Evaluator::new(&g).compare(every_framing)?;
    /// let power = c.row("power").unwrap();
    /// let shown: Vec<String> = power.verdicts.iter().map(|v| v.to_string()).collect();
    /// assert_eq!(shown, ["undec", "in", "out"]); // none, off, def
    /// assert!(power.differs());
    /// let only_def = Evaluator::new(&g).compare(vec!["def".to_string()])?;
    /// assert_eq!(only_def.row("power").unwrap().verdicts.len(), 2);
    /// # Ok(()) }
    /// ```
    pub fn compare(
        &self,
        framings: impl IntoIterator<Item = impl AsRef<str>>,
    ) -> Result<Comparison> {
        let mut columns: Vec<Option<String>> = vec![None];
        columns.extend(framings.into_iter().map(|f| Some(f.as_ref().to_string())));
        let graph = self.graph_read();
        self.on(&graph).compare_read(columns)
    }

    /// [`compare`](Self::compare), on the graph as read.
    fn compare_read(&self, columns: Vec<Option<String>>) -> Result<Comparison> {
        let mut rows: Vec<ComparisonRow> = self
            .graph
            .nodes()
            .map(|n| ComparisonRow {
                id: n.id().to_string(),
                kind: n.kind(),
                verdicts: Vec::with_capacity(columns.len()),
            })
            .collect();
        let mut converged = Vec::with_capacity(columns.len());
        for column in &columns {
            let eval = self.run_under(column.as_deref())?;
            converged.push(eval.converged());
            for (row, (_, verdict)) in rows.iter_mut().zip(eval.iter()) {
                row.verdicts.push(verdict);
            }
        }
        Ok(Comparison {
            method: self.method,
            framings: columns,
            converged,
            rows,
            index: NodeIds::of(self.graph),
        })
    }
}

/// The column's key in the JSON rows: the framing's id, or `none`.
fn column_name(framing: &Option<String>) -> &str {
    framing.as_deref().unwrap_or("none")
}

/// `argraph compare --format json`'s document, which other tools read:
/// `semantics`, `framings` (`null` for no framing), `converged`, and
/// `nodes`, each with its `id`, `kind`, one verdict per column keyed by the
/// framing's id (`none` for no framing; a framing listed twice appears
/// once), and `differs`.
///
/// # Errors
/// When a framing's id is one of the row keys `id`, `kind`, `none` or
/// `differs`.
impl Serialize for Comparison {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        if let Some(f) = self
            .framings
            .iter()
            .flatten()
            .find(|f| ["id", "kind", "none", "differs"].contains(&f.as_str()))
        {
            return Err(S::Error::custom(format!(
                "a framing named {f:?} clashes with a key of the JSON output"
            )));
        }
        let mut doc = serializer.serialize_map(None)?;
        doc.serialize_entry("semantics", &self.method)?;
        doc.serialize_entry("framings", &self.framings)?;
        doc.serialize_entry("converged", &self.converged)?;
        let nodes: Vec<RowEntry<'_>> = self.rows.iter().map(|row| RowEntry(self, row)).collect();
        doc.serialize_entry("nodes", &nodes)?;
        doc.end()
    }
}

/// One row of the comparison's JSON.
struct RowEntry<'a>(&'a Comparison, &'a ComparisonRow);

impl Serialize for RowEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let RowEntry(comparison, row) = *self;
        let mut node = serializer.serialize_map(None)?;
        node.serialize_entry("id", &row.id)?;
        node.serialize_entry("kind", &row.kind)?;
        let mut seen = HashSet::new();
        for (framing, verdict) in comparison.framings.iter().zip(&row.verdicts) {
            // A framing listed twice gives the same verdict twice: one key.
            if seen.insert(column_name(framing)) {
                node.serialize_entry(column_name(framing), verdict)?;
            }
        }
        node.serialize_entry("differs", &row.differs())?;
        node.end()
    }
}
