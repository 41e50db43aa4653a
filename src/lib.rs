//! # argraph: typed argument graphs
//!
//! Model a written analysis as **claims**, **evidence**, theoretical
//! **framings** (offensive vs defensive realism, say) and **argument**
//! (inference) nodes, joined by **supports**, **attacks** (rebut, undermine,
//! undercut) and **frames** edges; tie every node to its source with
//! provenance; load and save it as versioned JSON; and draw it with Graphviz
//! in a visual language that reads without colour.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! use argraph::render::{self, DotOptions};
//! use argraph::{ArgumentGraph, NodeKind, Provenance, Source};
//!
//! let mut g = ArgumentGraph::new();
//! g.add_source(Source::new("op", "Russia's foreign policy in Afghanistan"))?;
//! g.framing("f-geo", "Geopolitics: the US exit is an opportunity.")?
//!     .set_label("Geopolitical");
//! g.evidence("e-exit", "The US withdrawal weakened Kabul and strengthened the Taliban.")?
//!     .add_provenance(
//!         Provenance::new("op")
//!             .with_locator("Russia and current developments in Afghanistan ¶1")
//!             .with_quote("strengthened the Taliban"),
//!     );
//! g.claim("c-gap", "Russia tries to fill the gap left by the US.")?
//!     .set_label("Fill the gap");
//! g.supports("e-exit", "c-gap")?;
//! g.frames("f-geo", "c-gap")?;
//! g.validate()?;
//!
//! // JSON v1 round trip.
//! let text = argraph::json::to_string_pretty(&g)?;
//! assert_eq!(argraph::json::from_str(&text)?, g);
//!
//! // Lookups by id and kind.
//! assert_eq!(g.framings("c-gap").next().unwrap().id(), "f-geo");
//! assert_eq!(g.nodes_of_kind(NodeKind::Evidence).count(), 1);
//!
//! // Graphviz DOT; `render::render_to_file` draws SVG/PNG (built in) or PDF (`dot`).
//! let dot = render::dot_string(&g, &DotOptions::new());
//! assert!(dot.contains("\"e-exit\" -> \"c-gap\""));
//! # Ok(()) }
//! ```
//!
//! ## Map of the crate
//!
//! - The model: [`ArgumentGraph`] and its records [`Node`], [`Edge`],
//!   [`Source`], [`Provenance`]; the vocabularies [`NodeKind`], [`EdgeKind`],
//!   [`AttackKind`].
//! - Formats, each on the model alone: [`json`] (argraph JSON, version 1,
//!   documented in the README), [`aif`] (AIFdb and OVA3), [`argdown`]
//!   (Argdown JSON), [`graphml`]; [`iccma`] (i23, apx, tgf) reads and writes
//!   abstract frameworks; [`report`]: what an import or export set aside.
//! - [`reason`]: the [`ArgumentationFramework`], Dung semantics (grounded in
//!   O(n + m), the rest by SAT), gradual semantics, framings as audiences,
//!   the [`Evaluator`](reason::Evaluator) and its comparison of framings.
//! - [`render`]: DOT export (a writer and a graphviz-rust AST that agree) and
//!   rendering (built in, or Graphviz's `dot`); it draws an [`overlay`] (a
//!   mark per node), which an evaluation fills, and the interactive HTML
//!   page ([`render::write_page`]).
//! - [`convert`]: the one module that wires formats, reason and render
//!   together (what `argraph convert` does).
//! - [`Error`], [`ErrorKind`], [`Problem`], [`Rule`]: what can go wrong, with
//!   file, line, column and node or edge ids; [`write_file`]: the atomic
//!   write every output goes through.
//!
//! Data flows one way: files → formats → model → reason / render → files.
//! The library prints nothing and starts no threads, but for drawing: the
//! built-in renderer's one scoped thread with a large stack, or the two
//! scoped threads that feed and drain Graphviz's `dot` while it runs.
//!
//! ## Cargo features
//!
//! - `cli` (default): the `argraph` command-line tool (pulls in `clap`).
//! - `sat` (default): complete, preferred and stable semantics through the
//!   CaDiCaL SAT solver (built from C++ source). Without it the library
//!   needs no C++ compiler, and those semantics return an error that names
//!   the missing feature.
//! - `builtin-renderer` (default): SVG and PNG drawn in-process by
//!   graphviz-pure, a pure-Rust port of Graphviz (EPL-2.0), as
//!   [`render::Engine::Builtin`]. Without it images need Graphviz's `dot`.
//!
//! `default-features = false` gives the library with none of them.
#![deny(missing_docs)]

pub mod convert;
mod error;
mod file;
mod io;
mod model;
pub mod overlay;
pub mod reason;
pub mod render;
mod vocabulary;

pub use error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
pub use file::{abort_in_flight, ensure_distinct, write_file};
pub use io::{aif, argdown, graphml, iccma, json, report};
pub use model::{
    ArgumentGraph, AttackKind, Dialogue, DialogueEdge, DialogueKind, DialogueNode, Dropped, Edge,
    EdgeId, EdgeKind, EdgeRef, FramingBasis, Node, NodeKind, Provenance, Source, View,
    DEFAULT_WEIGHT,
};
pub use petgraph;
pub use reason::ArgumentationFramework;

// The README's Rust examples run as doctests, so they never go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
