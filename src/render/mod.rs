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
//! below, and its first provenance entry in small italics; the full text is
//! its tooltip in SVG.
//!
//! Two ways to get DOT, describing the same graph: [`write_dot`] streams
//! bytes (fast, for big graphs), [`dot_graph`] builds a
//! `graphviz_rust::dot_structures::Graph` that you can extend with your own
//! statements before printing it.
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
mod emit;
mod escape;
mod exec;
mod overlay;
mod style;
mod writer;

use std::io::Write;
use std::path::Path;

pub use exec::{run_dot, Format};
pub use overlay::Overlay;
pub use style::Theme;

use crate::error::{Error, Result};
use crate::model::ArgumentGraph;

/// How nodes are grouped into boxes (Graphviz clusters).
///
/// ```
/// assert_eq!("source".parse::<argraph::render::Cluster>(), Ok(argraph::render::Cluster::Source));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cluster {
    /// One box per framing, holding the framing and the claims and
    /// arguments that it alone frames; nodes framed by several framings sit
    /// between the boxes.
    #[default]
    Framing,
    /// One box per declared source, holding the nodes whose first
    /// provenance entry cites it.
    Source,
    /// No boxes.
    None,
}

impl std::str::FromStr for Cluster {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Cluster, String> {
        match s {
            "framing" => Ok(Cluster::Framing),
            "source" => Ok(Cluster::Source),
            "none" => Ok(Cluster::None),
            _ => Err(format!(
                "unknown clustering {s:?} (expected framing, source or none)"
            )),
        }
    }
}

/// The direction of the layout: where edges point.
///
/// ```
/// assert_eq!("LR".parse::<argraph::render::RankDir>(), Ok(argraph::render::RankDir::LeftRight));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RankDir {
    /// Edges point up: evidence at the bottom, conclusions on top (the
    /// usual layout of argument maps).
    #[default]
    BottomTop,
    /// Edges point down.
    TopBottom,
    /// Edges point right.
    LeftRight,
    /// Edges point left.
    RightLeft,
}

impl RankDir {
    /// The Graphviz name: `BT`, `TB`, `LR` or `RL`.
    pub fn as_str(self) -> &'static str {
        match self {
            RankDir::BottomTop => "BT",
            RankDir::TopBottom => "TB",
            RankDir::LeftRight => "LR",
            RankDir::RightLeft => "RL",
        }
    }
}

impl std::str::FromStr for RankDir {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<RankDir, String> {
        match s.to_ascii_uppercase().as_str() {
            "BT" => Ok(RankDir::BottomTop),
            "TB" => Ok(RankDir::TopBottom),
            "LR" => Ok(RankDir::LeftRight),
            "RL" => Ok(RankDir::RightLeft),
            _ => Err(format!("unknown rankdir {s:?} (expected BT, TB, LR or RL)")),
        }
    }
}

/// Options for DOT export, set with `&mut self` methods that chain.
///
/// ```
/// use argraph::render::{Cluster, DotOptions, RankDir, Theme};
/// let mut opts = DotOptions::new();
/// opts.cluster(Cluster::Source).theme(Theme::Mono).rankdir(RankDir::LeftRight);
/// ```
#[derive(Clone, Debug)]
pub struct DotOptions {
    cluster: Cluster,
    theme: Theme,
    rankdir: RankDir,
    legend: bool,
    wrap: usize,
    text: bool,
    provenance: bool,
    overlay: Option<Overlay>,
}

impl Default for DotOptions {
    fn default() -> DotOptions {
        DotOptions {
            cluster: Cluster::Framing,
            theme: Theme::Color,
            rankdir: RankDir::BottomTop,
            legend: true,
            wrap: 24,
            text: true,
            provenance: true,
            overlay: None,
        }
    }
}

impl DotOptions {
    /// The defaults: clusters by framing, colour theme, bottom-to-top
    /// layout, a legend, text wrapped at 24 characters, node text and
    /// provenance shown.
    pub fn new() -> DotOptions {
        DotOptions::default()
    }

    /// How nodes are grouped into boxes.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, Cluster, DotOptions};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Offensive realism")?;
    /// g.claim("c", "Russia maximises power.")?;
    /// g.frames("f", "c")?;
    /// let mut opts = DotOptions::new();
    /// assert!(dot_string(&g, &opts).contains("subgraph \"cluster_0\""));
    /// opts.cluster(Cluster::None);
    /// assert!(!dot_string(&g, &opts).contains("cluster_0"));
    /// # Ok(()) }
    /// ```
    pub fn cluster(&mut self, cluster: Cluster) -> &mut DotOptions {
        self.cluster = cluster;
        self
    }

    /// The colour scheme.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, DotOptions, Theme};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// let mut opts = DotOptions::new();
    /// assert!(dot_string(&g, &opts).contains("#D55E00"));
    /// opts.theme(Theme::Mono);
    /// assert!(!dot_string(&g, &opts).contains("#D55E00"));
    /// # Ok(()) }
    /// ```
    pub fn theme(&mut self, theme: Theme) -> &mut DotOptions {
        self.theme = theme;
        self
    }

    /// The direction of the layout.
    ///
    /// ```
    /// use argraph::render::{dot_string, DotOptions, RankDir};
    /// let g = argraph::ArgumentGraph::new();
    /// let mut opts = DotOptions::new();
    /// opts.rankdir(RankDir::LeftRight);
    /// assert!(dot_string(&g, &opts).contains("rankdir=LR"));
    /// ```
    pub fn rankdir(&mut self, rankdir: RankDir) -> &mut DotOptions {
        self.rankdir = rankdir;
        self
    }

    /// Whether to draw a legend of shapes and line styles.
    ///
    /// ```
    /// use argraph::render::{dot_string, DotOptions};
    /// let g = argraph::ArgumentGraph::new();
    /// let mut opts = DotOptions::new();
    /// assert!(dot_string(&g, &opts).contains("Legend"));
    /// opts.legend(false);
    /// assert!(!dot_string(&g, &opts).contains("Legend"));
    /// ```
    pub fn legend(&mut self, legend: bool) -> &mut DotOptions {
        self.legend = legend;
        self
    }

    /// The width, in characters, at which labels wrap (at least 8).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, DotOptions};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "one two three four")?;
    /// let mut opts = DotOptions::new();
    /// opts.wrap(9);
    /// assert!(dot_string(&g, &opts).contains("one two<BR/>three<BR/>four"));
    /// # Ok(()) }
    /// ```
    pub fn wrap(&mut self, width: usize) -> &mut DotOptions {
        self.wrap = width.max(8);
        self
    }

    /// Whether a node with a label also shows its text under it (the text
    /// is always the tooltip).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, DotOptions};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "The long text.")?.set_label("Short");
    /// let mut opts = DotOptions::new();
    /// opts.text(false);
    /// assert!(!dot_string(&g, &opts).contains("label=<<B>Short</B><BR/>"));
    /// # Ok(()) }
    /// ```
    pub fn text(&mut self, show: bool) -> &mut DotOptions {
        self.text = show;
        self
    }

    /// Whether a node shows its first provenance entry (source and locator).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, DotOptions};
    /// use argraph::{Provenance, Source};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.add_source(Source::new("op", "An opinion piece"))?;
    /// g.evidence("e", "A fact.")?.add_provenance(Provenance::new("op").with_locator("¶2"));
    /// let mut opts = DotOptions::new();
    /// assert!(dot_string(&g, &opts).contains("op · ¶2"));
    /// opts.provenance(false);
    /// assert!(!dot_string(&g, &opts).contains("op · ¶2"));
    /// # Ok(()) }
    /// ```
    pub fn provenance(&mut self, show: bool) -> &mut DotOptions {
        self.provenance = show;
        self
    }

    /// Draws an evaluation over the diagram (see [`Overlay`]).
    pub fn overlay(&mut self, overlay: Overlay) -> &mut DotOptions {
        self.overlay = Some(overlay);
        self
    }
}

/// Streams the graph as DOT to `out`, in writes of about 64 KiB (wrapping
/// `out` in a `BufWriter` is not needed). O(n + m) time; O(n) extra memory:
/// every node id escaped once, and the clusters' membership lists.
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

/// The graph as a DOT string. See [`write_dot`].
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

/// Renders the graph to an image with Graphviz's `dot`. See [`run_dot`].
pub fn render(graph: &ArgumentGraph, options: &DotOptions, format: Format) -> Result<Vec<u8>> {
    let mut dot = Vec::new();
    write_dot(graph, options, &mut dot)?;
    run_dot(&dot, format)
}

/// Renders the graph to a file, in the format its extension names. The
/// file is written only once `dot` has succeeded, atomically, so a failure
/// never leaves a half-written image.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an
/// extension other than `.svg`, `.png` or `.pdf`; otherwise as [`run_dot`].
pub fn render_to_file(
    graph: &ArgumentGraph,
    options: &DotOptions,
    path: impl AsRef<Path>,
) -> Result<()> {
    let path = path.as_ref();
    let format = Format::from_path(path).ok_or_else(|| {
        Error::new(crate::ErrorKind::InvalidInput(format!(
            "{}: cannot tell the image format from the extension (use .svg, .png or .pdf)",
            path.display()
        )))
    })?;
    let image = render(graph, options, format)?;
    crate::file::write_file(path, |w| Ok(w.write_all(&image)?))
}
