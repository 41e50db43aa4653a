//! argraph: typed argument graphs.
#![deny(missing_docs)]

mod error;
mod io;
mod model;

pub use error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
pub use io::json;
pub use model::{
    ArgumentGraph, AttackKind, Edge, EdgeId, EdgeKind, EdgeRef, Node, NodeKind, Provenance, Source,
    DEFAULT_WEIGHT,
};
pub use petgraph;
