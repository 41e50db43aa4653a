//! What a diagram shows and how: [`DotOptions`] and its vocabularies.

use super::engine::Engine;
use super::style::Theme;
use crate::error::{Error, Result};
use crate::overlay::Overlay;
use crate::vocabulary::vocabulary;

/// How nodes are grouped into boxes (Graphviz clusters). Written as
/// `framing`, `source`, `none`, `tag:PREFIX`, or `period` (short for
/// `tag:period`).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::Cluster;
/// assert_eq!("source".parse::<Cluster>()?, Cluster::Source);
/// assert_eq!(Cluster::default(), Cluster::Framing);
/// assert_eq!("period".parse::<Cluster>()?, Cluster::Tag("period".into()));
/// assert_eq!("tag:actor".parse::<Cluster>()?.to_string(), "tag:actor");
/// assert!("planet".parse::<Cluster>().is_err());
/// assert!("tag:".parse::<Cluster>().is_err());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cluster {
    /// One box per framing, holding the framing and the claims and
    /// arguments that it alone frames; nodes framed by several framings
    /// sit between the boxes.
    #[default]
    Framing,
    /// One box per declared source, holding the nodes whose first
    /// provenance entry cites it.
    Source,
    /// One box per tag under a prefix: `Tag("period")` boxes the nodes
    /// tagged `period:soviet-1979-1989` together, those tagged
    /// `period:withdrawal-2021` together, and so on (a node goes by its
    /// first such tag; a tag equal to the prefix counts too). The boxes
    /// follow the order in which the tags first appear in the graph.
    Tag(String),
    /// No boxes.
    None,
}

impl Cluster {
    /// The clusterings that take no parameter, in declaration order.
    pub const ALL: &'static [Cluster] = &[Cluster::Framing, Cluster::Source, Cluster::None];
}

impl std::fmt::Display for Cluster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cluster::Framing => f.write_str("framing"),
            Cluster::Source => f.write_str("source"),
            Cluster::Tag(prefix) => write!(f, "tag:{prefix}"),
            Cluster::None => f.write_str("none"),
        }
    }
}

impl std::str::FromStr for Cluster {
    type Err = Error;
    fn from_str(s: &str) -> Result<Cluster> {
        match s {
            "framing" => Ok(Cluster::Framing),
            "source" => Ok(Cluster::Source),
            "none" => Ok(Cluster::None),
            "period" => Ok(Cluster::Tag("period".into())),
            _ => match s.strip_prefix("tag:") {
                Some(prefix) if !prefix.is_empty() => Ok(Cluster::Tag(prefix.into())),
                _ => Err(Error::unknown_name(
                    "clustering",
                    s,
                    &["framing", "source", "none", "period", "tag:PREFIX"],
                )),
            },
        }
    }
}

vocabulary! {
    /// The direction of the layout: where edges point. Its names are
    /// Graphviz's, in any case.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::RankDir;
    /// assert_eq!("LR".parse::<RankDir>()?, RankDir::LeftRight);
    /// assert_eq!("lr".parse::<RankDir>()?, RankDir::LeftRight);
    /// assert_eq!(RankDir::BottomTop.as_str(), "BT");
    /// # Ok(()) }
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    RankDir, "rankdir" ignore_case {
        /// Edges point up: evidence at the bottom, conclusions on top (the
        /// usual layout of argument maps).
        #[default]
        BottomTop => "BT",
        /// Edges point down.
        TopBottom => "TB",
        /// Edges point right.
        LeftRight => "LR",
        /// Edges point left.
        RightLeft => "RL",
    }
}

/// Which tags nodes show in a diagram. Written as `all`, `none`, or a
/// comma-separated list of prefixes: `period,actor` shows `period:…` and
/// `actor:…` tags (and tags equal to a prefix), in the node's order.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::Tags;
/// assert_eq!("all".parse::<Tags>()?, Tags::All);
/// let some = "period,actor".parse::<Tags>()?;
/// assert!(some.shows("period:2021") && some.shows("actor") && !some.shows("actors"));
/// assert!(!Tags::None.shows("period:2021"));
/// assert!(",".parse::<Tags>().is_err());
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tags {
    /// Every tag.
    #[default]
    All,
    /// The tags under these prefixes.
    Prefixes(Vec<String>),
    /// No tags.
    None,
}

impl Tags {
    /// Whether a node shows `tag`. O(prefixes).
    ///
    /// ```
    /// use argraph::render::Tags;
    /// assert!(Tags::Prefixes(vec!["period".into()]).shows("period:2021"));
    /// ```
    pub fn shows(&self, tag: &str) -> bool {
        match self {
            Tags::All => true,
            Tags::None => false,
            Tags::Prefixes(prefixes) => prefixes.iter().any(|p| {
                tag.strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
            }),
        }
    }
}

impl std::str::FromStr for Tags {
    type Err = Error;
    fn from_str(s: &str) -> Result<Tags> {
        match s {
            "all" => Ok(Tags::All),
            "none" => Ok(Tags::None),
            _ => {
                let prefixes: Vec<String> = s
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect();
                if prefixes.is_empty() {
                    return Err(Error::unknown_name(
                        "tags",
                        s,
                        &["all", "none", "PREFIX[,PREFIX…]"],
                    ));
                }
                Ok(Tags::Prefixes(prefixes))
            }
        }
    }
}

/// Options for DOT export, set with `&mut self` methods that chain.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{dot_string, Cluster, DotOptions, RankDir, Theme};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A claim.")?;
/// let mut opts = DotOptions::new();
/// opts.cluster(Cluster::Source).theme(Theme::Mono).rankdir(RankDir::LeftRight);
/// assert!(dot_string(&g, &opts).contains("rankdir=LR"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct DotOptions {
    pub(crate) cluster: Cluster,
    pub(crate) theme: Theme,
    pub(crate) rankdir: RankDir,
    pub(crate) legend: bool,
    pub(crate) wrap: usize,
    pub(crate) text: bool,
    pub(crate) provenance: bool,
    pub(crate) tags: Tags,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) engine: Option<Engine>,
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
            tags: Tags::All,
            overlay: None,
            engine: None,
        }
    }
}

impl DotOptions {
    /// The defaults: clusters by framing, colour theme, bottom-to-top
    /// layout, a legend, text wrapped at 24 characters, node text,
    /// provenance and tags shown, no overlay, [`Engine::preferred`] to draw
    /// images.
    ///
    /// ```
    /// use argraph::render::{dot_string, DotOptions};
    /// let dot = dot_string(&argraph::ArgumentGraph::new(), &DotOptions::new());
    /// assert!(dot.contains("rankdir=BT") && dot.contains("Legend"));
    /// ```
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

    /// The width, in characters, at which labels wrap (at least 8): words
    /// fill each line greedily, and a word longer than a line is cut. The
    /// node text under a label wraps a quarter wider, the provenance line
    /// half wider.
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

    /// Which tags a node shows, as `#tag`s on a small line under its text
    /// (before its provenance).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{dot_string, DotOptions, Tags};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "A claim.")?.add_tag("period:2021").add_tag("threat");
    /// let mut opts = DotOptions::new();
    /// assert!(dot_string(&g, &opts).contains("#period:2021 #threat"));
    /// opts.tags("period".parse::<Tags>()?);
    /// let dot = dot_string(&g, &opts);
    /// assert!(dot.contains("period:2021") && !dot.contains("threat"));
    /// opts.tags(Tags::None);
    /// assert!(!dot_string(&g, &opts).contains("period:2021"));
    /// # Ok(()) }
    /// ```
    pub fn tags(&mut self, tags: Tags) -> &mut DotOptions {
        self.tags = tags;
        self
    }

    /// Draws an overlay (an evaluation's verdicts or strengths) over the
    /// diagram: every marked node gets a fill colour (in the colour theme)
    /// and a marked line under its label (in both themes), and the legend
    /// shows the overlay's caption over its legend marks.
    ///
    /// - Grounded labels: `✔ in` (green), `✘ out` (vermillion), `? undec` (grey).
    /// - Statuses: `✔✔ skeptical` (green), `✔ credulous` (yellow),
    ///   `✘ rejected` (vermillion).
    /// - Strengths: `σ 0.72` with a five-step bar, the fill running from
    ///   vermillion (0) through white (0.5) to green (1).
    /// - Notes ([`Overlay::note`]): small grey lines under the label (each
    ///   line wrapped on its own), such as what a view left out around the
    ///   node.
    ///
    /// An evaluation gives its overlay with
    /// [`Evaluation::overlay`](crate::reason::Evaluation::overlay); any
    /// other source of marks can build one by hand:
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::overlay::{Mark, Overlay};
    /// use argraph::render::{dot_string, DotOptions};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// let mut overlay = Overlay::new("Evaluation: grounded, no framing");
    /// overlay.mark("a", Mark::In).mark("b", Mark::Out);
    /// overlay.legend([Mark::In, Mark::Out, Mark::Undec]);
    /// let mut opts = DotOptions::new();
    /// opts.overlay(overlay);
    /// let dot = dot_string(&g, &opts);
    /// assert!(dot.contains("✔ in") && dot.contains("✘ out"));
    /// assert!(dot.contains("fillcolor=\"#A8E6CF\""));
    /// assert!(dot.contains("Evaluation: grounded"));
    /// # Ok(()) }
    /// ```
    pub fn overlay(&mut self, overlay: Overlay) -> &mut DotOptions {
        self.overlay = Some(overlay);
        self
    }

    /// What draws the image in [`render`](super::render) and
    /// [`render_to_file`](super::render_to_file) (the DOT is the same):
    /// by default [`Engine::preferred`], the built-in renderer unless
    /// `ARGRAPH_DOT` names a Graphviz `dot`.
    ///
    /// ```no_run
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{render_to_file, DotOptions, Engine};
    /// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
    /// let mut opts = DotOptions::new();
    /// opts.engine(Engine::Dot); // PDF needs Graphviz's `dot`
    /// render_to_file(&g, &opts, "russia_afghanistan.pdf")?;
    /// # Ok(()) }
    /// ```
    pub fn engine(&mut self, engine: Engine) -> &mut DotOptions {
        self.engine = Some(engine);
        self
    }
}
