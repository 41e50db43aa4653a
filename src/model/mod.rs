//! The model: typed nodes and edges in an [`ArgumentGraph`], and views of
//! parts of it ([`View`]).

pub(crate) mod data;
mod dialogue;
mod graph;
mod kinds;
mod node;
mod view;

pub(crate) use dialogue::id_text;
pub use dialogue::{Dialogue, DialogueEdge, DialogueKind, DialogueNode};
pub(crate) use graph::{check_edge, provenance_problems, source_problems};
pub use graph::{ArgumentGraph, EdgeId, EdgeRef};
pub use kinds::{AttackKind, EdgeKind, FramingBasis, NodeKind};
pub(crate) use node::{raw_weight_of, weight_of};
pub use node::{Edge, Node, Provenance, Source, DEFAULT_WEIGHT};
pub(crate) use view::check_framing;
pub use view::{Dropped, View};
