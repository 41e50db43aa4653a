//! The model: typed nodes and edges in an [`ArgumentGraph`].

pub(crate) mod data;
mod graph;
mod kinds;
mod node;

pub(crate) use graph::{check_edge, provenance_problems, source_problems};
pub use graph::{ArgumentGraph, EdgeId, EdgeRef};
pub use kinds::{AttackKind, EdgeKind, FramingBasis, NodeKind};
pub(crate) use node::{raw_weight_of, weight_of};
pub use node::{Edge, Node, Provenance, Source, DEFAULT_WEIGHT};
