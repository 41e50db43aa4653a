//! Framings as audiences: which nodes a framing's audience prefers
//! (Bench-Capon's value-based frameworks), shared by every reading of the
//! map (the Dung view, structured arguments, gradual strengths).

use petgraph::stable_graph::NodeIndex;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{ArgumentGraph, NodeKind};

/// The arguments a framing's audience prefers: the framing node itself and
/// every node it frames directly. Indices are positions in `nodes()` order.
pub(crate) fn preferred_by(
    g: &ArgumentGraph,
    index: &dyn Fn(NodeIndex) -> usize,
    framing: Option<&str>,
) -> Result<Vec<bool>> {
    let mut pref = vec![false; g.node_count()];
    if let Some(f) = framing {
        let node = g
            .node(f)
            .ok_or_else(|| not_a_framing(g, format!("unknown framing {f:?}")))?;
        if node.kind() != NodeKind::Framing {
            let kind = node.kind();
            return Err(not_a_framing(
                g,
                format!("{f:?} is a {kind}, not a framing"),
            ));
        }
        let fi = g.node_index(f).expect("exists");
        pref[index(fi)] = true;
        for n in g.framed_by(f) {
            pref[index(g.node_index(n.id()).expect("exists"))] = true;
        }
    }
    Ok(pref)
}

/// The error for a framing name that is not a framing's id: `what` went
/// wrong, then the ids the user can pick from (the first ten, and how many
/// there are).
fn not_a_framing(g: &ArgumentGraph, what: String) -> Error {
    const SHOWN: usize = 10;
    let framings: Vec<&str> = g.nodes_of_kind(NodeKind::Framing).map(|n| n.id()).collect();
    let mut message = what;
    if framings.is_empty() {
        message.push_str("; the graph has no framings");
    } else {
        let listed: Vec<String> = framings
            .iter()
            .take(SHOWN)
            .map(|f| format!("{f:?}"))
            .collect();
        message.push_str("; the graph's framings: ");
        message.push_str(&listed.join(", "));
        if framings.len() > SHOWN {
            message.push_str(&format!(", … ({} in all)", framings.len()));
        }
    }
    Error::new(ErrorKind::InvalidInput(message))
}

/// A dense numbering of the graph's nodes in `nodes()` order.
pub(crate) fn dense_index(g: &ArgumentGraph) -> impl Fn(NodeIndex) -> usize {
    let pg = g.as_petgraph();
    let mut map = vec![usize::MAX; petgraph::visit::NodeIndexable::node_bound(pg)];
    for (i, ix) in pg.node_indices().enumerate() {
        map[ix.index()] = i;
    }
    move |ix: NodeIndex| map[ix.index()]
}
