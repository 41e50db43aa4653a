//! Nodes and edges: the records a graph holds.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::kinds::{AttackKind, EdgeKind, FramingBasis, NodeKind};
use crate::error::{Error, Location, Problem, Rule};

/// Where a node comes from in a declared source: the source id, a locator
/// such as `"§4 ¶2"`, and a short verbatim anchor phrase.
///
/// ```
/// use argraph::Provenance;
/// let p = Provenance::new("davoodi-kiani-2024")
///     .with_locator("§4 Results & Discussion")
///     .with_quote("a tactical approach");
/// assert_eq!(p.locator.as_deref(), Some("§4 Results & Discussion"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a provenance object (with \"source\", and optionally \"locator\" and \"quote\")"
)]
pub struct Provenance {
    /// The id of a source declared in the graph's [`sources`](crate::ArgumentGraph::sources).
    pub source: String,
    /// Where in the source: section, paragraph, page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// A short verbatim phrase of the source that anchors the node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl Provenance {
    /// Provenance naming just a source.
    pub fn new(source: impl Into<String>) -> Provenance {
        Provenance {
            source: source.into(),
            locator: None,
            quote: None,
        }
    }

    /// Sets the locator.
    pub fn with_locator(mut self, locator: impl Into<String>) -> Provenance {
        self.locator = Some(locator.into());
        self
    }

    /// Sets the anchor quote.
    pub fn with_quote(mut self, quote: impl Into<String>) -> Provenance {
        self.quote = Some(quote.into());
        self
    }
}

/// A declared source: a text the graph's nodes cite through [`Provenance`].
///
/// ```
/// use argraph::Source;
/// let s = Source::new("dk24", "Russia and Afghanistan after the Rise of the Taliban")
///     .with_authors(["Maedeh Davoodi", "Davood Kiani"])
///     .with_year(2024);
/// assert_eq!(s.authors.len(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a source object (with \"id\", and optionally \"title\", \"authors\", \"year\", \"url\", \"data\")"
)]
pub struct Source {
    /// Unique id, used by [`Provenance::source`].
    pub id: String,
    /// Title of the work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Authors, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where to find it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Free JSON for the user's own fields.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::data::optional"
    )]
    pub data: Option<Value>,
}

impl Source {
    /// A source with an id and a title.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Source {
        Source {
            id: id.into(),
            title: Some(title.into()),
            authors: Vec::new(),
            year: None,
            url: None,
            data: None,
        }
    }

    /// Sets the authors.
    pub fn with_authors<I, S>(mut self, authors: I) -> Source
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.authors = authors.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the year.
    pub fn with_year(mut self, year: i32) -> Source {
        self.year = Some(year);
        self
    }

    /// Sets the URL.
    pub fn with_url(mut self, url: impl Into<String>) -> Source {
        self.url = Some(url.into());
        self
    }
}

/// The base score a node or edge has when it declares no weight.
pub const DEFAULT_WEIGHT: f64 = 0.5;

/// Checks that a weight is a number in [0, 1].
pub(crate) fn check_weight(w: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&w) {
        Ok(())
    } else {
        Err(format!("weight {w} is outside [0, 1]"))
    }
}

fn weight_error(location: Location, msg: String) -> Error {
    Error::invalid(vec![Problem::new(Rule::BadWeight, location, msg)])
}

/// A node of an [`ArgumentGraph`](crate::ArgumentGraph): a claim, a piece
/// of evidence, a framing or an argument (inference) node.
///
/// Its `id` and `kind` are fixed when it is added; everything else can be
/// changed through the `set_`/`add_` methods, which chain:
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c1", "Russia treats Central Asia as its backyard.")?
///     .set_label("Backyard")
///     .add_tag("period:post-2001")
///     .set_weight(0.7)?;
/// let c1 = g.node("c1").unwrap();
/// assert_eq!(c1.label(), Some("Backyard"));
/// assert_eq!(c1.base_score(), 0.7);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub(crate) id: String,
    pub(crate) kind: NodeKind,
    pub(crate) text: String,
    pub(crate) label: Option<String>,
    pub(crate) weight: Option<f64>,
    pub(crate) tags: Vec<String>,
    pub(crate) provenance: Vec<Provenance>,
    pub(crate) synthesis: bool,
    // Boxed: most nodes and edges carry no data, and a map `Value` is 72 bytes.
    pub(crate) data: Option<Box<Value>>,
}

impl Node {
    pub(crate) fn new(id: String, kind: NodeKind, text: String) -> Node {
        Node {
            id,
            kind,
            text,
            label: None,
            weight: None,
            tags: Vec::new(),
            provenance: Vec::new(),
            synthesis: false,
            data: None,
        }
    }

    /// The node's unique id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the node is.
    pub fn kind(&self) -> NodeKind {
        self.kind
    }

    /// The node's text (a paraphrase, a statement).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The short title, if any.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The declared weight, if any. See [`Node::base_score`].
    pub fn weight(&self) -> Option<f64> {
        self.weight
    }

    /// The base score for gradual semantics: the weight, or
    /// [`DEFAULT_WEIGHT`] (0.5) when none is declared.
    pub fn base_score(&self) -> f64 {
        self.weight.unwrap_or(DEFAULT_WEIGHT)
    }

    /// The tags, in order.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// `true` if the node carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// Where the node comes from in the declared sources.
    pub fn provenance(&self) -> &[Provenance] {
        &self.provenance
    }

    /// The user's own fields, if any. O(1).
    pub fn data(&self) -> Option<&Value> {
        self.data.as_deref()
    }

    /// Replaces the text.
    pub fn set_text(&mut self, text: impl Into<String>) -> &mut Node {
        self.text = text.into();
        self
    }

    /// `true` for a synthesis: a node the analyst added to connect or sum
    /// up what the sources say, rather than a paraphrase of a source.
    /// Evaluations can leave syntheses out
    /// ([`Evaluator::syntheses`](crate::reason::Evaluator::syntheses)).
    pub fn is_synthesis(&self) -> bool {
        self.synthesis
    }

    /// Marks the node as a synthesis of the analyst's, or not.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c-posture", "Russia's posture is defensive overall.")?.set_synthesis(true);
    /// assert!(g.node("c-posture").unwrap().is_synthesis());
    /// # Ok(()) }
    /// ```
    pub fn set_synthesis(&mut self, synthesis: bool) -> &mut Node {
        self.synthesis = synthesis;
        self
    }

    /// Sets the short title.
    pub fn set_label(&mut self, label: impl Into<String>) -> &mut Node {
        self.label = Some(label.into());
        self
    }

    /// Sets the weight (the base score).
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) with a
    /// [`Rule::BadWeight`](Rule::BadWeight) problem when `weight` is
    /// not a number in [0, 1]; the node is left unchanged.
    ///
    /// ```
    /// let mut g = argraph::ArgumentGraph::new();
    /// let c = g.claim("c", "text").unwrap();
    /// assert!(c.set_weight(1.5).is_err());
    /// assert!(c.set_weight(f64::NAN).is_err());
    /// assert_eq!(c.weight(), None);
    /// ```
    pub fn set_weight(&mut self, weight: f64) -> crate::error::Result<&mut Node> {
        check_weight(weight).map_err(|msg| {
            weight_error(
                Location::Node {
                    index: None,
                    id: Some(self.id.clone()),
                },
                msg,
            )
        })?;
        self.weight = Some(weight);
        Ok(self)
    }

    /// Removes the weight, so the node has the default base score.
    pub fn clear_weight(&mut self) -> &mut Node {
        self.weight = None;
        self
    }

    /// Adds a tag.
    pub fn add_tag(&mut self, tag: impl Into<String>) -> &mut Node {
        self.tags.push(tag.into());
        self
    }

    /// Adds a provenance entry. Its source must be declared before the
    /// graph is [validated](crate::ArgumentGraph::validate).
    pub fn add_provenance(&mut self, provenance: Provenance) -> &mut Node {
        self.provenance.push(provenance);
        self
    }

    /// Sets the user's own fields (`null` clears them).
    pub fn set_data(&mut self, data: Value) -> &mut Node {
        self.data = (!data.is_null()).then(|| Box::new(data));
        self
    }
}

/// The attributes of an edge; its endpoints are given by the graph (see
/// [`EdgeRef`](crate::EdgeRef)).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("a", "A")?;
/// g.claim("b", "B")?;
/// g.rebuts("a", "b")?.set_label("contradicts").set_weight(0.9)?;
/// let e = g.edges().next().unwrap();
/// assert_eq!(e.attack(), Some(argraph::AttackKind::Rebut));
/// assert_eq!(e.label(), Some("contradicts"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub(crate) kind: EdgeKind,
    pub(crate) attack: Option<AttackKind>,
    pub(crate) weight: Option<f64>,
    pub(crate) label: Option<String>,
    pub(crate) provenance: Vec<Provenance>,
    pub(crate) basis: Option<FramingBasis>,
    // Boxed: most nodes and edges carry no data, and a map `Value` is 72 bytes.
    pub(crate) data: Option<Box<Value>>,
}

impl Edge {
    pub(crate) fn new(kind: EdgeKind, attack: Option<AttackKind>) -> Edge {
        Edge {
            kind,
            attack,
            weight: None,
            label: None,
            provenance: Vec::new(),
            basis: None,
            data: None,
        }
    }

    /// What the edge says.
    pub fn kind(&self) -> EdgeKind {
        self.kind
    }

    /// The attack subtype, for attacks that declare one.
    pub fn attack(&self) -> Option<AttackKind> {
        self.attack
    }

    /// The declared weight, if any.
    pub fn weight(&self) -> Option<f64> {
        self.weight
    }

    /// The edge's label, if any.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The user's own fields, if any. O(1).
    pub fn data(&self) -> Option<&Value> {
        self.data.as_deref()
    }

    /// Where the sources make this relation, as for nodes.
    pub fn provenance(&self) -> &[Provenance] {
        &self.provenance
    }

    /// For a `frames` edge: whether the source declares the framing or the
    /// analyst assigns it, if said.
    pub fn basis(&self) -> Option<FramingBasis> {
        self.basis
    }

    /// Adds a provenance entry: where a source makes this relation.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::{Provenance, Source};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.add_source(Source::new("op", "An opinion piece"))?;
    /// g.evidence("e", "The US left.")?;
    /// g.claim("c", "Russia sees an opportunity.")?;
    /// g.supports("e", "c")?
    ///     .add_provenance(Provenance::new("op").with_quote("seized the moment"));
    /// assert_eq!(g.edges().next().unwrap().edge().provenance()[0].source, "op");
    /// # Ok(()) }
    /// ```
    pub fn add_provenance(&mut self, provenance: Provenance) -> &mut Edge {
        self.provenance.push(provenance);
        self
    }

    /// Says whether the source declares this `frames` edge's framing or the
    /// analyst assigns it.
    ///
    /// # Errors
    /// A [`Rule::BasisOffFrames`] problem if the edge is not a `frames`
    /// edge; the edge is left unchanged.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::FramingBasis;
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Offensive realism")?;
    /// g.claim("c", "Russia seeks influence.")?;
    /// g.claim("d", "Russia seeks security.")?;
    /// g.frames("f", "c")?.set_basis(FramingBasis::Declared)?;
    /// assert_eq!(g.edges().next().unwrap().edge().basis(), Some(FramingBasis::Declared));
    /// assert!(g.rebuts("c", "d")?.set_basis(FramingBasis::Declared).is_err());
    /// # Ok(()) }
    /// ```
    pub fn set_basis(&mut self, basis: FramingBasis) -> crate::error::Result<&mut Edge> {
        if self.kind != EdgeKind::Frames {
            let at = Location::Edge {
                index: None,
                from: None,
                to: None,
            };
            let msg = format!("only a frames edge has a basis, not a {} edge", self.kind);
            let problem = Problem::new(Rule::BasisOffFrames, at, msg);
            return Err(Error::invalid(vec![problem]));
        }
        self.basis = Some(basis);
        Ok(self)
    }

    /// Sets the label.
    pub fn set_label(&mut self, label: impl Into<String>) -> &mut Edge {
        self.label = Some(label.into());
        self
    }

    /// Sets the weight.
    ///
    /// # Errors
    /// A [`Rule::BadWeight`](Rule::BadWeight) problem when `weight`
    /// is not a number in [0, 1]; the edge is left unchanged.
    pub fn set_weight(&mut self, weight: f64) -> crate::error::Result<&mut Edge> {
        check_weight(weight).map_err(|msg| {
            weight_error(
                Location::Edge {
                    index: None,
                    from: None,
                    to: None,
                },
                msg,
            )
        })?;
        self.weight = Some(weight);
        Ok(self)
    }

    /// Sets the user's own fields (`null` clears them).
    pub fn set_data(&mut self, data: Value) -> &mut Edge {
        self.data = (!data.is_null()).then(|| Box::new(data));
        self
    }
}

/// Checks a weight: `None` when there is none or it is bad (then a problem
/// says so).
pub(crate) fn weight_of(
    weight: Option<&Value>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<f64> {
    let w = weight?;
    let checked = match w.as_f64() {
        Some(x) => check_weight(x).map(|()| x),
        None => Err(format!("weight must be a number in [0, 1], found {w}")),
    };
    checked
        .map_err(|msg| problems.push(Problem::new(Rule::BadWeight, at(), msg)))
        .ok()
}

/// [`weight_of`] for a weight read as [`RawWeight`](super::data::RawWeight).
pub(crate) fn raw_weight_of(
    weight: Option<&super::data::RawWeight>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<f64> {
    match weight? {
        super::data::RawWeight::Number(x) => check_weight(*x)
            .map(|()| *x)
            .map_err(|msg| problems.push(Problem::new(Rule::BadWeight, at(), msg)))
            .ok(),
        super::data::RawWeight::Other(value) => weight_of(Some(value), problems, at),
    }
}
