//! argraph: typed argument graphs.
#![deny(missing_docs)]

mod error;
pub mod io;
mod model;
pub mod reason;

pub use error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
pub use model::ArgumentationFramework;
pub use model::{
    ArgumentGraph, AttackKind, Edge, EdgeId, EdgeKind, EdgeRef, Node, NodeKind, Provenance, Source,
    DEFAULT_WEIGHT,
};
pub use petgraph;
