//! argraph: typed argument graphs.
#![deny(missing_docs)]

mod error;
mod io;
mod model;
pub mod reason;
pub mod render;

pub use error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
pub use io::{iccma, json, write_file};
pub use model::ArgumentationFramework;
pub use model::{
    ArgumentGraph, AttackKind, Edge, EdgeId, EdgeKind, EdgeRef, Node, NodeKind, Provenance, Source,
    DEFAULT_WEIGHT,
};
pub use petgraph;
