//! Diagrams: Graphviz DOT export and rendering to SVG, PNG and PDF.
//!
//! # The visual language
//!
//! | node kind | shape | | relation | line | arrowhead |
//! |---|---|---|---|---|---|
//! | claim | rounded box | | supports | solid | filled triangle |
//! | evidence | note (folded corner) | | attacks | dashed | bar (`tee`) |
//! | framing | hexagon, bold | | rebuts | dashed, heavy | bar |
//! | argument | ellipse | | undermines | dashed | bar + open dot |
//! | | | | undercuts | dashed | double bar |
//! | | | | frames | dotted | open triangle |
//!
//! Shapes, line styles and arrowheads carry the meaning, so diagrams read
//! the same in [`Theme::Mono`]; [`Theme::Color`] adds the colour-blind-safe
//! Okabe–Ito palette (supports blue, attacks vermillion, framings green,
//! arguments purple). A node shows its label in bold, its text wrapped
//! below, its tags as `#tag`s on a small line ([`DotOptions::tags`]), and its
//! first provenance entry in small italics; the full text is its tooltip in
//! SVG. Edge labels are Graphviz `xlabel`s, placed after the layout where
//! they collide with nothing. Each framing sits at the top of its box (or
//! over what it frames, without boxes), and the legend shows only the node
//! kinds and relations the map draws.
//!
//! # Strings
//!
//! Every string is escaped for the place it goes, so that it reaches the
//! picture as it is: Graphviz expands `\N`, `\G`, `\n`, `\\` and entities
//! in tooltips and in labels, HTML-like ones included. Distinct
//! ids stay distinct nodes: a node's SVG `<title>` shows its id with `\\`,
//! `\n`, `\r`, `\t` and `\u{…}` escapes for backslashes and control
//! characters. Characters XML 1.0 cannot carry show in texts as control
//! pictures (`␁`) and U+FFFD (for U+FFFE and U+FFFF); in a tooltip a tab
//! reads as a space; labels are wrapped, which lays their whitespace out
//! anew.
//!
//! Two ways to get DOT, describing the same graph: [`write_dot`] streams
//! bytes (and [`dot_string`] collects them), [`dot_graph`] builds a
//! `graphviz_rust::dot_structures::Graph` that you can extend with your own
//! statements before printing it. [`render`] and [`render_to_file`] draw
//! the DOT as an image with an [`Engine`]: the built-in renderer
//! (graphviz-pure, a pure-Rust port of Graphviz compiled in; SVG and PNG)
//! or Graphviz's `dot` (SVG, PNG and PDF).
//!
//! What is drawn over the map, such as an evaluation's verdicts, comes as
//! an [`Overlay`](crate::overlay::Overlay) through [`DotOptions::overlay`]:
//! render knows the marks, not the reasoning behind them.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! use argraph::render::{self, Cluster, DotOptions};
//! let mut g = argraph::ArgumentGraph::new();
//! g.claim("c", "Russia fills the gap left by the US.")?;
//! g.evidence("e", "The US withdrew in 2021.")?;
//! g.supports("e", "c")?;
//! let mut opts = DotOptions::new();
//! opts.cluster(Cluster::None).legend(false);
//! let dot = render::dot_string(&g, &opts);
//! assert!(dot.starts_with("digraph \"argraph\" {"));
//! assert!(dot.contains("\"e\" -> \"c\""));
//! # Ok(()) }
//! ```

mod ast;
mod builtin;
mod emit;
mod engine;
mod escape;
mod exec;
mod legend;
mod options;
mod overlay;
mod page;
mod sink;
mod style;
mod wrap;
mod writer;

use std::io::Write;
use std::path::Path;

pub use builtin::{MAX_PNG_PIXELS, MAX_PNG_SIDE};
pub use engine::Engine;
pub use exec::{run_dot, run_dot_to, Format};
pub use options::{Cluster, DotOptions, RankDir, Tags};
pub use page::{write_page, PageView};
pub use style::Theme;

use crate::error::{Error, Result};
use crate::model::ArgumentGraph;

/// Streams the graph as DOT to `out`, in writes of about 64 KiB (wrapping
/// `out` in a `BufWriter` is not needed). O(n + m) time (plus the length
/// of the texts); O(n) extra memory for the clusters' membership lists.
///
/// # Errors
/// Only the writer's I/O errors.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A \"quoted\" claim")?;
/// let mut out = Vec::new();
/// argraph::render::write_dot(&g, &argraph::render::DotOptions::new(), &mut out)?;
/// assert!(String::from_utf8(out).unwrap().contains(r#"tooltip="A \"quoted\" claim""#));
/// # Ok(()) }
/// ```
pub fn write_dot<W: Write>(graph: &ArgumentGraph, options: &DotOptions, out: W) -> Result<()> {
    let mut w = writer::DotWriter::new(out);
    emit::emit(graph, options, &mut w)?;
    w.finish()?.flush()?;
    Ok(())
}

/// The graph as a DOT string. See [`write_dot`]. O(n + m).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{dot_string, DotOptions};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "Russia fills the gap.")?;
/// g.evidence("e", "The US withdrew.")?;
/// g.supports("e", "c")?;
/// let dot = dot_string(&g, &DotOptions::new());
/// assert!(dot.starts_with("digraph \"argraph\" {"));
/// assert!(dot.contains("\"e\" -> \"c\" [style=solid"));
/// # Ok(()) }
/// ```
pub fn dot_string(graph: &ArgumentGraph, options: &DotOptions) -> String {
    let mut out = Vec::new();
    write_dot(graph, options, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("DOT output is UTF-8")
}

/// The graph as a graphviz-rust AST, describing the same graph as
/// [`write_dot`]. Add your own statements, then print it with
/// `graphviz_rust::printer`. O(n + m).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use graphviz_rust::dot_structures::{Attribute, GraphAttributes, Id, Stmt};
/// use graphviz_rust::printer::{DotPrinter, PrinterContext};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A claim.")?;
/// let mut dot = argraph::render::dot_graph(&g, &argraph::render::DotOptions::new());
/// dot.add_stmt(Stmt::GAttribute(GraphAttributes::Graph(vec![Attribute(
///     Id::Plain("bgcolor".into()),
///     Id::Plain("ivory".into()),
/// )])));
/// let text = dot.print(&mut PrinterContext::default());
/// assert!(text.contains("bgcolor=ivory"));
/// # Ok(()) }
/// ```
pub fn dot_graph(
    graph: &ArgumentGraph,
    options: &DotOptions,
) -> graphviz_rust::dot_structures::Graph {
    let mut b = ast::AstBuilder::new();
    emit::emit(graph, options, &mut b).expect("building the AST cannot fail");
    b.finish()
}

/// Renders the graph to an image with the options' engine
/// ([`DotOptions::engine`]; by default [`Engine::preferred`], the built-in
/// renderer unless `ARGRAPH_DOT` names a Graphviz `dot`). See
/// [`Engine::run_to`].
///
/// # Errors
/// As [`Engine::run_to`]: PDF without Graphviz's `dot`, Graphviz missing or
/// failing, DOT the built-in renderer refuses, a PNG too large.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{render, DotOptions, Format};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A claim.")?;
/// # if cfg!(feature = "builtin-renderer") {
/// let svg = render(&g, &DotOptions::new(), Format::Svg)?;
/// assert!(String::from_utf8_lossy(&svg).contains("<svg"));
/// # }
/// # Ok(()) }
/// ```
pub fn render(graph: &ArgumentGraph, options: &DotOptions, format: Format) -> Result<Vec<u8>> {
    let mut dot = Vec::new();
    write_dot(graph, options, &mut dot)?;
    let engine = options.engine.unwrap_or_else(Engine::preferred);
    let mut image = Vec::new();
    engine.run_to(&dot, format, &mut image)?;
    Ok(image)
}

/// Renders the graph to a file, in the format its extension names. The
/// file is written only once the engine has succeeded, atomically, so a failure
/// never leaves a half-written image.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an
/// extension other than `.svg`, `.png` or `.pdf`; otherwise as [`render`],
/// or the file's I/O errors.
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{render_to_file, DotOptions, Theme};
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// let mut opts = DotOptions::new();
/// opts.theme(Theme::Mono);
/// render_to_file(&g, &opts, "russia_afghanistan.png")?;
/// # Ok(()) }
/// ```
pub fn render_to_file(
    graph: &ArgumentGraph,
    options: &DotOptions,
    path: impl AsRef<Path>,
) -> Result<()> {
    let path = path.as_ref();
    let format = Format::from_path(path).ok_or_else(|| {
        Error::new(crate::error::ErrorKind::InvalidInput(format!(
            "{}: cannot tell the image format from the extension (use .svg, .png or .pdf)",
            path.display()
        )))
    })?;
    let image = render(graph, options, format)?;
    crate::file::write_file(path, |w| Ok(w.write_all(&image)?))
}
