//! AIF JSON, the Argument Interchange Format of AIFdb and OVA: import and
//! export.
//!
//! Two shapes are read, told apart by their keys:
//!
//! * **AIFdb** (`aifdb.org` nodeset downloads, Araucaria/US2016/QT30
//!   corpora): `{"nodes": [{"nodeID", "text", "type", "timestamp",
//!   "scheme"?, "schemeID"?}], "edges": [{"edgeID", "fromID", "toID",
//!   "formEdgeID"}], "locutions": [{"nodeID", "personID", …}]}`;
//! * **OVA3** and xAIF: the same inside `{"AIF": {…, "schemefulfillments",
//!   "participants", …}, "OVA": {layout}, "text": …, "dialog": …}`.
//!
//! Ids may be strings or integers (`"12"` and `12` are the same id).
//!
//! # How AIF maps to argraph
//!
//! AIF puts everything in nodes: *I-nodes* (information: statements) and
//! *S-nodes* (scheme applications) between them — RA (inference), CA
//! (conflict), MA (rephrase), PA (preference) — plus the dialogue nodes of
//! AIF+ (L locutions, YA illocutions, TA transitions). argraph puts
//! inferences and conflicts on edges unless they need a node of their own.
//!
//! | AIF | argraph |
//! |---|---|
//! | I-node | a **claim**, or **evidence** when it is a *leaf premise*: it supports something and nothing supports it (the same rule for every format; see below) |
//! | RA with one I-node premise and one I-node conclusion, nothing else attached | one **supports** edge premise → conclusion; the RA's id, scheme and timestamp in the edge's `data.aif` |
//! | any other RA (linked premises, attacked by a CA, in a preference, chained to another S-node) | an **argument** node (id = the RA's nodeID, text = its text, usually the scheme name); premises **support** it, it **supports** its conclusion |
//! | CA with one attacker and one target | one **attacks** edge attacker → target |
//! | any other CA (several attackers, itself attacked) | an **argument** node that its attackers support and that **attacks** its targets |
//! | attack subtype | from the target: an argument node (an RA, so CA → RA) is **undercut**, evidence is **undermined**, a claim is **rebutted** |
//! | MA (rephrase) | a **supports** edge from the original to the rephrasing, labelled `"rephrase"`, `data.aif.type = "MA"` (or an argument node, as for RA) |
//! | PA (preference) | a record `{"over": <dispreferred id>, "pa": {…}}` in `data.aif_preferences` of the preferred node |
//! | L, YA, TA nodes, the edges touching them, `locutions` records, OVA's `participants` and `text` | the graph's [dialogue layer](crate::Dialogue) ([`ArgumentGraph::dialogue`]), as they were, with their AIF ids (see below) |
//! | `timestamp`, `scheme`, `schemeID`, other node fields | the node's `data.aif` (the default scheme of the type — *Default Inference* 72, *Default Conflict* 71, *Default Rephrase* 144, *Default Preference* 161 — is not stored; any other scheme name is kept verbatim, known to us or not) |
//! | `descriptorfulfillments`, OVA layout, unknown top-level keys | set aside and counted |
//! | edge ids, `formEdgeID` | not kept (AIF edges carry no meaning of their own) |
//!
//! The dialogue layer (AIF+: what was said, by whom, in which order)
//! is not used by argraph's model; it is kept so that AIF → argraph → AIF
//! loses nothing. A dialogue edge names a node of the argument layer by
//! its AIF id: a node of the graph by its id, an RA/CA/MA read as an edge
//! by the `nodeID` of the edge's `data.aif`, a PA by the `nodeID` of its
//! `data.aif_preferences` record. On reading, a dialogue edge to a scheme
//! node that is set aside (an RA supporting itself, a PA missing a side)
//! is set aside with a warning. A node whose `"argraph"` extension gives an
//! `id` (argraph's writer had to renumber it) is named by that id.
//!
//! The leaf-premise rule: after the edges are read, an I-node is evidence
//! if it has at least one outgoing and no incoming supports edge, and a
//! claim otherwise. A stand-alone statement is a claim.
//!
//! Messy input is worked around and counted, not refused: nodes without an
//! id or a type, of an unknown type, duplicate nodes and edges, edges to
//! nodes that do not exist, self-loops (an edge from a node to itself, an
//! RA or MA node whose premise is its conclusion), I → I edges without an
//! S-node, I-nodes without text (given a placeholder). Each is a
//! [`Severity::Warning`](crate::report::Severity) entry of the report,
//! naming the first few node or edge ids. Refused with an error: input that
//! is not JSON or not an AIF document, an argraph JSON document, and a key
//! repeated in any object ([`ErrorKind::Parse`](crate::ErrorKind::Parse)
//! with line, column and the place, such as `nodes[3] (nodeID "12")`), and
//! two *different* nodes with the same id
//! ([`ErrorKind::Invalid`](crate::ErrorKind::Invalid)). Node fields are
//! kept as written: numbers keep their text.
//!
//! # Export
//!
//! [`to_writer`] writes a valid AIF document: claims, evidence and
//! framings are I-nodes; an argument node is an RA node when it has an
//! RA's shape (premises, one conclusion, no attacks of its own) and its
//! text names a scheme (it came from an S-node), an MA or CA node when it
//! came from one and has that type's shape, and otherwise an I-node that
//! holds its text (an Argdown argument, say: its content is not a scheme
//! name), kept an argument by its extension; each supports edge between two I-nodes gets
//! an RA node and each attacks edge a CA node, with the scheme names and
//! ids OVA uses by default. The dialogue layer is written back: its nodes
//! after the argument layer's, its edges, `locutions` (each `nodeID` the
//! written id of the node it names), `participants` and `text`.
//!
//! Ids: [`Flavor::AifDb`] keeps every original id — a node's argraph id, a
//! scheme node's `data.aif.nodeID`, a dialogue node's id — and
//! [`Flavor::Ova`] those that are decimal numbers (OVA's ids are
//! integers). The others, and an id a node before already took (the
//! graph's nodes come first, then the scheme nodes written for edges and
//! preferences, then the dialogue nodes), are numbered from 1, skipping
//! ids in use, with the original id in the node's `"argraph": {"id": …}`,
//! which [`from_slice`] takes back. A dialogue edge names the node that
//! kept the id; one that names no node written is left out and warned
//! about. What AIF has no place for — node kinds the
//! structure does not imply, labels, weights, tags, provenance, `data`,
//! `frames` edges, attack subtypes the target does not imply, title,
//! description and sources — goes in `"argraph"` keys on the nodes, edges
//! and document, which AIF tools ignore and [`from_slice`] reads back, so
//! that argraph → AIF → argraph gives back the same graph. Reading a file
//! that has the document-level `"argraph"` key takes `data` from the
//! extension verbatim.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! use argraph::aif::{self, Flavor};
//! use argraph::{AttackKind, NodeKind};
//!
//! let text = r#"{"nodes": [
//!     {"nodeID": "1", "text": "Sales fell.", "type": "I"},
//!     {"nodeID": "2", "text": "The product is failing.", "type": "I"},
//!     {"nodeID": "3", "text": "Default Inference", "type": "RA"},
//!     {"nodeID": "4", "text": "Sales always fall in winter.", "type": "I"},
//!     {"nodeID": "5", "text": "Default Conflict", "type": "CA"}],
//!   "edges": [
//!     {"edgeID": "1", "fromID": "1", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "2"},
//!     {"edgeID": "3", "fromID": "4", "toID": "5"}, {"edgeID": "4", "fromID": "5", "toID": "3"}],
//!   "locutions": []}"#;
//! let g = aif::from_str(text)?.graph;
//! // The RA is attacked, so it is an argument node, and the CA undercuts it.
//! assert_eq!(g.node("3").unwrap().kind(), NodeKind::Argument);
//! assert_eq!(g.node("1").unwrap().kind(), NodeKind::Evidence);
//! let attack = g.incoming("3").find(|e| e.from().id() == "4").unwrap();
//! assert_eq!(attack.attack(), Some(AttackKind::Undercut));
//!
//! let mut out = Vec::new();
//! aif::to_writer(&g, Flavor::Ova, &mut out)?;
//! let again = aif::from_slice(&out)?.graph;
//! assert_eq!(again.node_count(), g.node_count());
//! # Ok(()) }
//! ```

mod document;
mod read;
mod read_dialogue;
mod write;

use std::io::{Read, Write};
use std::path::Path;

use crate::error::Result;
use crate::io::report::{Imported, Report};
use crate::model::ArgumentGraph;
use document::NodeType;

/// The format name used in errors.
pub(crate) const FORMAT: &str = "AIF JSON";

/// The label of an edge read from an MA (rephrase) node.
const MA_LABEL: &str = "rephrase";

/// Which AIF shape [`to_writer`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flavor {
    /// AIFdb's: `{"nodes", "edges", "locutions"}`, string ids, as AIFdb's
    /// nodeset downloads.
    #[default]
    AifDb,
    /// OVA3's: `{"AIF": {…}, "OVA": {layout}, "text", "dialog"}`, integer
    /// ids, nodes laid out in layers (conclusions on top), to open in OVA.
    Ova,
}

/// Reads an AIF document (AIFdb or OVA shape) from bytes. O(input size).
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with line and column when
/// the input is not JSON or not an AIF document (nesting is capped at 128
/// levels, so hostile input cannot overflow the stack);
/// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) listing every
/// conflicting duplicate id and every broken rule of the `argraph`
/// extension. Everything else is worked around and counted in the
/// returned [`Report`].
///
/// ```
/// let err = argraph::aif::from_slice(br#"{"nodes": [{"nodeID": 1.5}]}"#).unwrap_err();
/// assert!(err.to_string().contains("line 1"));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Imported> {
    read::parse(bytes)
}

/// Reads an AIF document from a string. See [`from_slice`].
pub fn from_str(text: &str) -> Result<Imported> {
    from_slice(text.as_bytes())
}

/// Reads an AIF document from a reader (read to the end first). See [`from_slice`].
pub fn from_reader<R: Read>(reader: R) -> Result<Imported> {
    crate::file::read_with(reader, from_slice)
}

/// Reads an AIF file; errors carry the path. See [`from_slice`].
///
/// ```no_run
/// let imported = argraph::aif::load("nodeset6064.json")?;
/// eprintln!("{}", imported.report);
/// # Ok::<(), argraph::Error>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Imported> {
    crate::file::load_with(path.as_ref(), from_slice)
}

/// Writes a graph as an AIF document of the given flavour, with its
/// [dialogue layer](ArgumentGraph::dialogue), and reports what AIF has no
/// place for (kept in `"argraph"` extension keys). O(n + m + the dialogue
/// layer's size).
///
/// # Errors
/// Only I/O errors of `writer`.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "The US withdrew in 2021.")?;
/// g.claim("c", "Russia fills the gap.")?;
/// g.supports("e", "c")?;
/// let mut out = Vec::new();
/// argraph::aif::to_writer(&g, argraph::aif::Flavor::AifDb, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains(r#""scheme": "Default Inference""#));
/// assert!(text.contains(r#""schemeID": "72""#));
/// # Ok(()) }
/// ```
pub fn to_writer<W: Write>(graph: &ArgumentGraph, flavor: Flavor, writer: W) -> Result<Report> {
    write::write(graph, flavor, writer)
}

/// Saves a graph as an AIF file, atomically: on any error the file at
/// `path` is left as it was. See [`to_writer`].
pub fn save(graph: &ArgumentGraph, flavor: Flavor, path: impl AsRef<Path>) -> Result<Report> {
    let mut report = Report::new();
    crate::file::write_file(path.as_ref(), |w| {
        report = to_writer(graph, flavor, &mut *w)?;
        Ok(())
    })?;
    Ok(report)
}

impl NodeType {
    fn is_dialogue(self) -> bool {
        matches!(self, NodeType::L | NodeType::Ya | NodeType::Ta)
    }

    /// The scheme name and id OVA gives a new node of this type.
    fn default_scheme(self) -> Option<(&'static str, &'static str)> {
        match self {
            NodeType::Ra => Some(("Default Inference", "72")),
            NodeType::Ca => Some(("Default Conflict", "71")),
            NodeType::Ma => Some(("Default Rephrase", "144")),
            NodeType::Pa => Some(("Default Preference", "161")),
            _ => None,
        }
    }
}

/// Whether a scheme node of type `ty`, with the (distinct, non-dialogue)
/// neighbours `ins` and `outs`, is read as a single edge rather than an
/// argument node. The reader decides with this, and the writer asks it
/// which argument nodes need the `"kind": "argument"` extension to stay
/// nodes.
fn collapsible(
    ty: NodeType,
    forced: bool,
    ins: &[usize],
    outs: &[usize],
    ty_of: impl Fn(usize) -> NodeType,
) -> bool {
    if forced || ins.len() != 1 || outs.len() != 1 {
        return false;
    }
    let (src, dst) = (ins[0], outs[0]);
    match ty {
        NodeType::Ra | NodeType::Ma => ty_of(src) == NodeType::I && ty_of(dst) == NodeType::I,
        NodeType::Ca => {
            !matches!(ty_of(src), NodeType::Ca | NodeType::Pa) && ty_of(dst) != NodeType::Pa
        }
        _ => false,
    }
}
