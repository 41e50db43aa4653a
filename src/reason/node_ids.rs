//! Node ids in graph order with each one's position: what lets the results
//! of reasoning ([`Evaluation`](super::Evaluation),
//! [`Strengths`](super::Strengths)) be read by id in O(1).

use std::hash::BuildHasher;

use hashbrown::HashTable;

use crate::model::ArgumentGraph;

#[derive(Clone, Debug)]
pub(crate) struct NodeIds {
    ids: Vec<String>,
    /// Positions in `ids`, hashed by the id at that position: each id is
    /// stored once (a `HashMap<String, usize>` would copy every id again).
    index: HashTable<u32>,
    hasher: foldhash::fast::FixedState,
}

impl PartialEq for NodeIds {
    fn eq(&self, other: &NodeIds) -> bool {
        // The index follows from the ids.
        self.ids == other.ids
    }
}

impl NodeIds {
    /// The ids of `g`'s nodes, in [`ArgumentGraph::nodes`] order. O(n).
    pub(crate) fn of(g: &ArgumentGraph) -> NodeIds {
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        let hasher = foldhash::fast::FixedState::default();
        let mut index = HashTable::with_capacity(ids.len());
        for (position, id) in ids.iter().enumerate() {
            let hash = |&p: &u32| hasher.hash_one(ids[p as usize].as_str());
            index.insert_unique(hasher.hash_one(id.as_str()), position as u32, hash);
        }
        NodeIds { ids, index, hasher }
    }

    /// The position of `id`. O(1).
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        self.index
            .find(hash, |&p| self.ids[p as usize] == id)
            .map(|&p| p as usize)
    }

    /// The ids, in graph order.
    pub(crate) fn as_slice(&self) -> &[String] {
        &self.ids
    }
}
