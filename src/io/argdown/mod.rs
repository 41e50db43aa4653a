//! Argdown: `.argdown` text read and written natively (no Node.js), and the
//! JSON that `argdown json` exports, read. Both readers build Argdown's own
//! model first (statements as equivalence classes, arguments with their
//! premise-conclusion structures, relations) and map it to argraph the
//! same way.
//!
//! | function | reads or writes |
//! |---|---|
//! | [`from_text`], [`text_from_slice`], [`load_text`] | Argdown text |
//! | [`to_text`], [`to_writer`], [`save`] | Argdown text |
//! | [`from_slice`], [`from_str`], [`from_reader`], [`load`] | Argdown JSON (`argdown json`) |
//!
//! # How Argdown maps to argraph
//!
//! | Argdown | argraph |
//! |---|---|
//! | statement `[T]` (equivalence class) | a node with id `T`, label `T` (none for Argdown's generated `Untitled N` titles), the text of its canonical member (the last non-reference member with text; `data.isCanonical` wins) without its inline `#tags`, its tags, and its member's YAML `data`; the other members' texts in `data.argdown.wordings` |
//! | its kind | `{kind: evidence}` in its data, else a tag `#evidence`, `#framing` or `#claim` (which is then not kept as a tag), else the leaf-premise rule (evidence if it supports something and nothing supports it, else claim) |
//! | argument `<A>` | an **argument** node with id `A` (`<A>` if a statement is also titled `A`), its description as text (else its title), label, tags, `data` |
//! | premise–conclusion structure | premises **support** the argument node, which **supports** the main conclusion; each intermediary inference is an argument node `A.k` (k = the number of the statement it concludes) that the statements since the previous inference support, and that supports its conclusion; the last inference's rules and data in `data.argdown.inference` |
//! | `support`, `entails` (`+`, `<+`, `+>`) | **supports** (**frames** when it goes from a framing to a claim or argument) |
//! | `attack` (`-`, `<-`, `->`) | **attacks**; rebut if the target is a claim, undermine if evidence, no subtype otherwise |
//! | `undercut` (`_`, `<_`, `_>`) | **attacks** with subtype undercut, to the argument (or intermediary inference) node |
//! | `contrary`, `contradictory` (`><`) | two **attacks** (rebut/undermine by target), one each way, labelled `contrary` / `contradictory` |
//! | headings `#` (text) | the headings above a statement or argument in `data.argdown.section` (outermost first) |
//! | front matter `=== … ===` (text) | `title`, `description`, `sources` (a list, as in argraph JSON); other keys are Argdown's settings, set aside |
//! | `map`, `sections`, top-level `tags`, source positions (JSON) | set aside and counted (the map is a view of the same statements, arguments and relations) |
//!
//! **argraph's keys in Argdown data.** A statement's or argument's YAML data
//! may say what Argdown's syntax cannot: `kind`, `id` (when it is not the
//! title), `label` (`null` for none), `text` (the exact text, when it has
//! line breaks or other characters a line of Argdown cannot hold), `weight`,
//! `synthesis`, provenance as `source`, `locator`, `quote` (one entry) or
//! `provenance: [{source, locator, quote}, …]`, `tags` (tags that cannot be
//! written `#tag`); everything else is the node's own `data` (or all of
//! `data:` when its keys would clash with these). A source that provenance
//! names and the front matter does not declare is declared with its id.
//!
//! **Edges in Argdown text.** Argdown's relations carry no data; argraph
//! reads a data block after a *reference* in a relation (`+> [B] {weight:
//! 0.8}`) as the relation's: `kind`, `attack` (a subtype, or `null`),
//! `label`, `weight`, `basis`, provenance as for nodes, and the edge's own
//! `data`. Argdown itself files such data under the statement `B`. A
//! relation given twice is read once, as Argdown does; one whose reference
//! carries a data block (even `{}`) is an edge of its own, so parallel
//! edges survive.
//!
//! Relations naming a missing statement or argument, duplicates (in the
//! JSON), self-support and unknown relation types are worked around and
//! counted in the [`Report`]. Input that is not Argdown (JSON: no
//! `statements` and no `arguments`; text: no statement, no argument and no
//! front matter) is refused, and so is malformed input, with
//! [`ErrorKind::Parse`](crate::ErrorKind::Parse) and the line and column
//! where it is wrong.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! let text = "
//! [Gap]: Russia fills the gap the US left. #(period:2021)
//!   + [Exit]: The US left Afghanistan in 2021. {kind: evidence, source: dk24, locator: §3}
//!
//! <Realist reading>: Great powers fill vacuums.
//!   +> [Gap]
//! ";
//! let imported = argraph::argdown::from_text(text)?;
//! let g = &imported.graph;
//! assert_eq!(g.node("Exit").unwrap().kind(), argraph::NodeKind::Evidence);
//! assert_eq!(g.node("Exit").unwrap().provenance()[0].source, "dk24");
//! assert_eq!(g.node("Gap").unwrap().tags(), ["period:2021"]);
//! assert_eq!(g.supporters("Gap").count(), 2);
//! // And back: the same graph.
//! let again = argraph::argdown::from_text(&argraph::argdown::to_text(g)?)?.graph;
//! assert_eq!(&again, g);
//! # Ok(()) }
//! ```

mod conventions;
mod json;
mod lexer;
mod model;
mod text;
mod write;
mod yaml;

use std::io::{Read, Write};
use std::path::Path;

pub use json::{from_reader, from_slice, from_str, load};

use crate::error::{Error, ParseCategory, Result};
use crate::io::report::{Imported, Report};
use crate::model::ArgumentGraph;

/// Reads Argdown text. O(input size) for ordinary documents.
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with the line and column
/// of what is malformed: a data block or front matter that is not YAML, a
/// relation with nothing to relate to, a premise-conclusion structure that
/// does not end with an inference and its conclusion, a document with no
/// statement and no argument; [`ErrorKind::Invalid`](crate::ErrorKind::Invalid)
/// when the graph it describes breaks argraph's rules (a `frames` edge
/// asked for between the wrong kinds, say).
///
/// ```
/// let err = argraph::argdown::from_text("[A]: text\n\n(1) premise\n(2) no inference").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(3), Some(1)));
/// let err = argraph::argdown::from_text("[A]: text {kind: [}").unwrap_err();
/// assert_eq!(err.line(), Some(1));
/// ```
pub fn from_text(text: &str) -> Result<Imported> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (doc, report) = text::parse(text)?;
    model::build(doc, report)
}

/// Reads Argdown text from bytes, which must be UTF-8. See [`from_text`].
///
/// ```
/// let err = argraph::argdown::text_from_slice(b"[A]: caf\xC3").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(9)));
/// ```
pub fn text_from_slice(bytes: &[u8]) -> Result<Imported> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_text(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = text::line_column(valid, valid.len());
            Err(Error::parse(
                text::FORMAT,
                ParseCategory::Syntax,
                line,
                column,
                "not UTF-8 text: Argdown files are UTF-8",
            ))
        }
    }
}

/// Reads an Argdown text file (`.argdown`); errors carry the path. See
/// [`from_text`].
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// let imported = argraph::argdown::load_text("map.argdown")?;
/// eprintln!("{}", imported.report);
/// # Ok(()) }
/// ```
pub fn load_text(path: impl AsRef<Path>) -> Result<Imported> {
    crate::file::load_with(path.as_ref(), text_from_slice)
}

/// Reads Argdown text from a reader (read to the end first). See [`from_text`].
pub fn text_from_reader<R: Read>(reader: R) -> Result<Imported> {
    crate::file::read_with(reader, text_from_slice)
}

/// Writes a graph as Argdown text: a front matter with the title,
/// description and sources; each node as a statement `[id]: text` (an
/// argument node as `<id>: text`) with its tags and, in a data block, what
/// Argdown cannot say (kind, label, weight, provenance, data…); then the
/// edges in order as relations. [`from_text`] gives back an equal graph.
/// O(n + m).
///
/// # Errors
/// An I/O error of the writer.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "The US left.")?;
/// g.claim("c", "Russia fills the gap.")?;
/// g.supports("e", "c")?;
/// let mut out = Vec::new();
/// argraph::argdown::to_writer(&g, &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.contains("[e]: The US left. #evidence"));
/// assert!(text.contains("[e]\n  +> [c]"));
/// # Ok(()) }
/// ```
pub fn to_writer<W: Write>(graph: &ArgumentGraph, writer: W) -> Result<Report> {
    write::write(graph, writer)
}

/// The graph as Argdown text. See [`to_writer`].
///
/// # Errors
/// None in practice (writing to memory).
pub fn to_text(graph: &ArgumentGraph) -> Result<String> {
    let mut out = Vec::new();
    write::write(graph, &mut out)?;
    Ok(String::from_utf8(out).expect("the writer writes UTF-8"))
}

/// Saves a graph as an Argdown text file, atomically. See [`to_writer`].
///
/// # Errors
/// I/O errors, with the path.
pub fn save(graph: &ArgumentGraph, path: impl AsRef<Path>) -> Result<Report> {
    let mut report = Report::new();
    crate::file::write_file(path.as_ref(), |w| {
        report = to_writer(graph, w)?;
        Ok(())
    })?;
    Ok(report)
}
