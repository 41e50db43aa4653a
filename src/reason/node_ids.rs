//! Node ids in graph order with each one's position: what lets the results
//! of reasoning ([`Evaluation`](super::Evaluation),
//! [`Strengths`](super::Strengths)) be read by id in O(1).

use std::collections::HashMap;

use crate::model::ArgumentGraph;

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NodeIds {
    ids: Vec<String>,
    index: HashMap<String, usize>,
}

impl NodeIds {
    /// The ids of `g`'s nodes, in [`ArgumentGraph::nodes`] order. O(n).
    pub(crate) fn of(g: &ArgumentGraph) -> NodeIds {
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        let index = ids.iter().cloned().zip(0..).collect();
        NodeIds { ids, index }
    }

    /// The position of `id`. O(1).
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The ids, in graph order.
    pub(crate) fn as_slice(&self) -> &[String] {
        &self.ids
    }
}
