//! Framings as audiences: which nodes a framing's audience prefers
//! (Bench-Capon's value-based frameworks), shared by every reading of the
//! map (the Dung view, structured arguments, gradual strengths).

use petgraph::stable_graph::NodeIndex;

use crate::error::Result;
use crate::model::{check_framing, ArgumentGraph};

/// The arguments a framing's audience prefers: the framing node itself and
/// every node it frames directly. Indices are positions in `nodes()` order.
pub(crate) fn preferred_by(
    g: &ArgumentGraph,
    index: &dyn Fn(NodeIndex) -> usize,
    framing: Option<&str>,
) -> Result<Vec<bool>> {
    let mut pref = vec![false; g.node_count()];
    if let Some(f) = framing {
        check_framing(g, f)?;
        let fi = g.node_index(f).expect("exists");
        pref[index(fi)] = true;
        for n in g.framed_by(f) {
            pref[index(g.node_index(n.id()).expect("exists"))] = true;
        }
    }
    Ok(pref)
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
