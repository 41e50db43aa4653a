//! [`ArgumentGraph`]: the typed argument graph and its builder API.

use std::collections::{HashMap, HashSet};
use std::ops::Deref;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;

use super::dialogue::Dialogue;
use super::kinds::{AttackKind, EdgeKind, NodeKind};
use super::node::{check_weight, Edge, Node, Source};
use crate::error::{Error, Location, Problem, Result, Rule};

/// A typed argument graph: claims, evidence, framings and argument nodes,
/// joined by supports, attacks and frames edges, with the sources their
/// provenance cites.
///
/// Nodes are addressed by their string id; the underlying
/// [`petgraph::stable_graph::StableGraph`] (whose indices survive removals)
/// is available read-only through [`ArgumentGraph::as_petgraph`] for
/// petgraph's algorithms.
///
/// The builder methods refuse, with an [`Error`], whatever would make the
/// graph structurally invalid (a duplicate id, an edge to an unknown node, a
/// `frames` edge that does not start at a framing, a self-support). Rules
/// that can only be checked on the whole graph (provenance naming declared
/// sources) are checked by [`ArgumentGraph::validate`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::{ArgumentGraph, NodeKind};
///
/// let mut g = ArgumentGraph::new();
/// g.framing("f-def", "Defensive realism: states seek security, not power.")?;
/// g.evidence("e-cso", "Russia built up the CSTO and the SCO.")?;
/// g.claim("c-balance", "Russia balances threats from Afghanistan.")?;
/// g.supports("e-cso", "c-balance")?;
/// g.frames("f-def", "c-balance")?;
///
/// assert_eq!(g.node_count(), 3);
/// assert_eq!(g.nodes_of_kind(NodeKind::Claim).count(), 1);
/// let supporters: Vec<_> = g.supporters("c-balance").map(|n| n.id()).collect();
/// assert_eq!(supporters, ["e-cso"]);
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default)]
pub struct ArgumentGraph {
    title: Option<String>,
    description: Option<String>,
    sources: Vec<Source>,
    graph: StableGraph<Node, Edge>,
    ids: IdMap,
    /// AIF's dialogue layer, when the graph came from a source that had one.
    dialogue: Option<Box<Dialogue>>,
}

/// Node ids to indices. foldhash rather than SipHash: ids are short and
/// every edge looks up two of them; its per-process random seed still keeps
/// collisions from being chosen in advance.
type IdMap = HashMap<String, NodeIndex, foldhash::fast::RandomState>;

/// Two graphs are equal when they have the same title, description,
/// sources and [dialogue layer](ArgumentGraph::dialogue), the same nodes in the same order, and the same edges (by
/// endpoint ids and attributes) in the same order: what a JSON round trip
/// preserves. Petgraph indices do not take part. O(n + m).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut a = argraph::ArgumentGraph::new();
/// a.claim("c", "C")?;
/// let b = argraph::json::from_str(&argraph::json::to_string_pretty(&a)?)?;
/// assert_eq!(a, b);
/// # Ok(()) }
/// ```
impl PartialEq for ArgumentGraph {
    fn eq(&self, other: &ArgumentGraph) -> bool {
        self.title == other.title
            && self.description == other.description
            && self.sources == other.sources
            && self.dialogue == other.dialogue
            && self.node_count() == other.node_count()
            && self.edge_count() == other.edge_count()
            && self.nodes().eq(other.nodes())
            && self
                .edges()
                .zip(other.edges())
                .all(|(a, b)| a.from.id == b.from.id && a.to.id == b.to.id && a.edge == b.edge)
    }
}

/// An opaque handle to an edge, stable across removals of other edges and
/// nodes. Obtained from [`EdgeRef::id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EdgeId(EdgeIndex);

/// An edge seen from the graph: its endpoints and its attributes.
/// Dereferences to [`Edge`] for the attributes.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "E")?;
/// g.claim("c", "C")?;
/// g.supports("e", "c")?;
/// let e = g.edges().next().unwrap();
/// assert_eq!((e.from().id(), e.to().id()), ("e", "c"));
/// assert_eq!(e.kind(), argraph::EdgeKind::Supports);
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EdgeRef<'a> {
    id: EdgeId,
    from: &'a Node,
    to: &'a Node,
    edge: &'a Edge,
}

impl<'a> EdgeRef<'a> {
    /// The edge's handle, for [`ArgumentGraph::remove_edge`].
    pub fn id(&self) -> EdgeId {
        self.id
    }

    /// The node the edge starts at.
    pub fn from(&self) -> &'a Node {
        self.from
    }

    /// The node the edge ends at.
    pub fn to(&self) -> &'a Node {
        self.to
    }

    /// The edge's attributes (also reachable through `Deref`).
    pub fn edge(&self) -> &'a Edge {
        self.edge
    }
}

impl Deref for EdgeRef<'_> {
    type Target = Edge;
    fn deref(&self) -> &Edge {
        self.edge
    }
}

/// A broken rule without its location; callers add the location they know.
pub(crate) type RuleBreak = (Rule, String);

impl ArgumentGraph {
    /// An empty graph.
    ///
    /// ```
    /// let g = argraph::ArgumentGraph::new();
    /// assert!(g.is_empty());
    /// assert_eq!((g.node_count(), g.edge_count()), (0, 0));
    /// ```
    pub fn new() -> ArgumentGraph {
        ArgumentGraph::default()
    }

    /// An empty graph with room for `nodes` nodes and `edges` edges.
    ///
    /// ```
    /// let g = argraph::ArgumentGraph::with_capacity(1000, 3000);
    /// assert!(g.is_empty());
    /// ```
    pub fn with_capacity(nodes: usize, edges: usize) -> ArgumentGraph {
        ArgumentGraph {
            graph: StableGraph::with_capacity(nodes, edges),
            ids: IdMap::with_capacity_and_hasher(nodes, Default::default()),
            ..ArgumentGraph::default()
        }
    }

    /// The graph's title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Sets the title.
    ///
    /// ```
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.set_title("Two analyses").set_description("A demo.");
    /// assert_eq!(g.title(), Some("Two analyses"));
    /// ```
    pub fn set_title(&mut self, title: impl Into<String>) -> &mut ArgumentGraph {
        self.title = Some(title.into());
        self
    }

    /// The dialogue layer (AIF's locutions, illocutions, transitions and
    /// their records) the graph carries, if any: argraph's model and
    /// reasoning do not use it, the AIF reader fills it and the AIF writers
    /// write it back. It names nodes of the graph by id; editing the graph
    /// does not update it.
    ///
    /// ```
    /// let g = argraph::ArgumentGraph::new();
    /// assert!(g.dialogue().is_none());
    /// ```
    pub fn dialogue(&self) -> Option<&Dialogue> {
        self.dialogue.as_deref()
    }

    /// Sets the dialogue layer; an empty one is none.
    ///
    /// ```
    /// use argraph::{Dialogue, DialogueKind, DialogueNode};
    /// let mut g = argraph::ArgumentGraph::new();
    /// let mut d = Dialogue::default();
    /// d.nodes.push(DialogueNode::new("L1", DialogueKind::Locution, "Bob : it rains"));
    /// g.set_dialogue(Some(d));
    /// assert_eq!(g.dialogue().unwrap().nodes.len(), 1);
    /// g.set_dialogue(Some(Dialogue::default()));
    /// assert!(g.dialogue().is_none());
    /// ```
    pub fn set_dialogue(&mut self, dialogue: Option<Dialogue>) -> &mut ArgumentGraph {
        self.dialogue = dialogue.filter(|d| !d.is_empty()).map(Box::new);
        self
    }

    /// The graph's description, if any.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Sets the description.
    pub fn set_description(&mut self, description: impl Into<String>) -> &mut ArgumentGraph {
        self.description = Some(description.into());
        self
    }

    /// The declared sources, in declaration order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The declared source with this id. O(number of sources).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.add_source(argraph::Source::new("op", "An opinion piece").with_year(2021))?;
    /// assert_eq!(g.source("op").unwrap().year, Some(2021));
    /// assert_eq!(g.sources().len(), 1);
    /// assert!(g.source("nope").is_none());
    /// # Ok(()) }
    /// ```
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// Declares a source that provenance entries can cite.
    ///
    /// # Errors
    /// [`Rule::DuplicateId`] if a source with that id is already declared;
    /// [`Rule::MissingField`] if the id is empty.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::{ArgumentGraph, Provenance, Source};
    /// let mut g = ArgumentGraph::new();
    /// g.add_source(Source::new("op", "An opinion piece"))?;
    /// g.evidence("e", "A fact.")?
    ///     .add_provenance(Provenance::new("op").with_locator("¶1").with_quote("a fact"));
    /// g.validate()?;
    /// assert!(g.add_source(Source::new("op", "Again")).is_err());
    /// # Ok(()) }
    /// ```
    pub fn add_source(&mut self, source: Source) -> Result<&mut Source> {
        let problem = if source.id.is_empty() {
            Some((Rule::MissingField, "source id is empty".to_string()))
        } else if self.source(&source.id).is_some() {
            Some((
                Rule::DuplicateId,
                format!("source id {:?} is already declared", source.id),
            ))
        } else {
            None
        };
        if let Some((rule, msg)) = problem {
            let location = Location::Source {
                index: None,
                id: Some(source.id),
            };
            return Err(Error::invalid(vec![Problem::new(rule, location, msg)]));
        }
        self.sources.push(source);
        Ok(self.sources.last_mut().expect("just pushed"))
    }

    /// Adds a node of any kind; [`claim`](Self::claim),
    /// [`evidence`](Self::evidence), [`framing`](Self::framing) and
    /// [`argument`](Self::argument) are shorthands. Amortised O(1).
    ///
    /// # Errors
    /// [`Rule::DuplicateId`] if the id is taken, [`Rule::MissingField`] if
    /// the id or the text is empty. The graph is unchanged on error.
    ///
    /// ```
    /// use argraph::{ArgumentGraph, NodeKind, Rule};
    /// let mut g = ArgumentGraph::new();
    /// g.add_node("c1", NodeKind::Claim, "A claim.").unwrap();
    /// let err = g.add_node("c1", NodeKind::Evidence, "Again.").unwrap_err();
    /// assert_eq!(err.problems()[0].rule(), Rule::DuplicateId);
    /// ```
    pub fn add_node(
        &mut self,
        id: impl Into<String>,
        kind: NodeKind,
        text: impl Into<String>,
    ) -> Result<&mut Node> {
        let (id, text) = (id.into(), text.into());
        match check_new_node(&self.ids, &id, &text) {
            Ok(()) => {
                let ix = self.insert_checked_node(Node::new(id, kind, text));
                Ok(&mut self.graph[ix])
            }
            Err((rule, msg)) => Err(node_error(rule, id, msg)),
        }
    }

    /// Adds a node whose id the caller has checked is non-empty and unused
    /// (a reader, after validating the whole document).
    pub(crate) fn insert_checked_node(&mut self, node: Node) -> NodeIndex {
        debug_assert!(!node.id.is_empty() && !self.ids.contains_key(&node.id));
        let id = node.id.clone();
        let ix = self.graph.add_node(node);
        self.ids.insert(id, ix);
        ix
    }

    /// Adds a claim. See [`add_node`](Self::add_node).
    ///
    /// ```
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c1", "Russia sees the US withdrawal as an opportunity.").unwrap();
    /// assert_eq!(g.node("c1").unwrap().kind(), argraph::NodeKind::Claim);
    /// ```
    pub fn claim(&mut self, id: impl Into<String>, text: impl Into<String>) -> Result<&mut Node> {
        self.add_node(id, NodeKind::Claim, text)
    }

    /// Adds a piece of evidence. See [`add_node`](Self::add_node).
    ///
    /// ```
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e1", "Russia outlawed the Taliban in 2003.").unwrap();
    /// assert_eq!(g.node("e1").unwrap().kind(), argraph::NodeKind::Evidence);
    /// ```
    pub fn evidence(
        &mut self,
        id: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<&mut Node> {
        self.add_node(id, NodeKind::Evidence, text)
    }

    /// Adds a framing (a theoretical lens). See [`add_node`](Self::add_node).
    ///
    /// ```
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f-off", "Offensive realism").unwrap();
    /// assert_eq!(g.node("f-off").unwrap().kind(), argraph::NodeKind::Framing);
    /// ```
    pub fn framing(&mut self, id: impl Into<String>, text: impl Into<String>) -> Result<&mut Node> {
        self.add_node(id, NodeKind::Framing, text)
    }

    /// Adds an argument (inference) node: its supporters are its linked
    /// premises, what it supports is its conclusion. See
    /// [`add_node`](Self::add_node).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("p1", "The US withdrew.")?;
    /// g.evidence("p2", "The Taliban grew stronger.")?;
    /// g.claim("c", "Russia sees an opportunity.")?;
    /// g.argument("a", "Linked: withdrawal and Taliban strength together")?;
    /// g.supports("p1", "a")?;
    /// g.supports("p2", "a")?;
    /// g.supports("a", "c")?;
    /// assert_eq!(g.supporters("a").count(), 2);
    /// # Ok(()) }
    /// ```
    pub fn argument(
        &mut self,
        id: impl Into<String>,
        text: impl Into<String>,
    ) -> Result<&mut Node> {
        self.add_node(id, NodeKind::Argument, text)
    }

    /// Adds an edge between two existing nodes; [`supports`](Self::supports),
    /// [`attacks`](Self::attacks), [`rebuts`](Self::rebuts),
    /// [`undermines`](Self::undermines), [`undercuts`](Self::undercuts) and
    /// [`frames`](Self::frames) are shorthands. O(1) amortised.
    ///
    /// # Errors
    /// [`Rule::UnknownEndpoint`] if either id is unknown, [`Rule::BadFrames`]
    /// if a `frames` edge does not go from a framing to a claim or argument,
    /// [`Rule::SelfSupport`] for a node supporting itself,
    /// [`Rule::AttackOnNonAttack`] for an attack subtype on another kind.
    /// Self-attacks are allowed. The graph is unchanged on error.
    ///
    /// ```
    /// use argraph::{ArgumentGraph, AttackKind, EdgeKind, Rule};
    /// let mut g = ArgumentGraph::new();
    /// g.claim("a", "A").unwrap();
    /// g.add_edge("a", "a", EdgeKind::Attacks, Some(AttackKind::Rebut)).unwrap(); // legal
    /// let err = g.add_edge("a", "a", EdgeKind::Supports, None).unwrap_err();
    /// assert_eq!(err.problems()[0].rule(), Rule::SelfSupport);
    /// ```
    pub fn add_edge(
        &mut self,
        from: &str,
        to: &str,
        kind: EdgeKind,
        attack: Option<AttackKind>,
    ) -> Result<&mut Edge> {
        match self.try_add_edge(from, to, kind, attack) {
            Ok(ix) => Ok(&mut self.graph[ix]),
            Err((rule, msg)) => Err(Error::invalid(vec![Problem::new(
                rule,
                Location::Edge {
                    index: None,
                    from: Some(from.to_string()),
                    to: Some(to.to_string()),
                },
                msg,
            )])),
        }
    }

    pub(crate) fn try_add_edge(
        &mut self,
        from: &str,
        to: &str,
        kind: EdgeKind,
        attack: Option<AttackKind>,
    ) -> std::result::Result<EdgeIndex, RuleBreak> {
        let a = self.ids.get(from).copied();
        let b = self.ids.get(to).copied();
        let kind_of = |ix: Option<NodeIndex>| ix.map(|ix| self.graph[ix].kind);
        check_edge(from, to, kind_of(a), kind_of(b), kind, attack)?;
        let (Some(a), Some(b)) = (a, b) else {
            unreachable!("check_edge refuses unknown endpoints")
        };
        Ok(self.graph.add_edge(a, b, Edge::new(kind, attack)))
    }

    /// `from` supports `to`. See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e1", "E")?;
    /// g.claim("c1", "C")?;
    /// g.supports("e1", "c1")?;
    /// assert!(g.supports("e1", "nowhere").is_err());
    /// # Ok(()) }
    /// ```
    pub fn supports(&mut self, from: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(from, to, EdgeKind::Supports, None)
    }

    /// `from` attacks `to`, with no declared subtype. See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// assert_eq!(g.attackers("b").next().unwrap().id(), "a");
    /// # Ok(()) }
    /// ```
    pub fn attacks(&mut self, from: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(from, to, EdgeKind::Attacks, None)
    }

    /// `from` rebuts `to` (attacks its conclusion). See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "not A")?;
    /// g.rebuts("a", "b")?;
    /// g.rebuts("b", "a")?;
    /// assert_eq!(g.edge_count(), 2);
    /// # Ok(()) }
    /// ```
    pub fn rebuts(&mut self, from: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(from, to, EdgeKind::Attacks, Some(AttackKind::Rebut))
    }

    /// `from` undermines `to` (attacks a premise or evidence). See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e", "A report.")?;
    /// g.claim("doubt", "The report is unreliable.")?;
    /// g.undermines("doubt", "e")?;
    /// assert_eq!(g.edges().next().unwrap().attack(), Some(argraph::AttackKind::Undermine));
    /// # Ok(()) }
    /// ```
    pub fn undermines(&mut self, from: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(from, to, EdgeKind::Attacks, Some(AttackKind::Undermine))
    }

    /// `from` undercuts `to` (attacks the inference of an argument node). See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.argument("a", "Withdrawal, hence opportunity")?;
    /// g.claim("u", "Moscow's scope of action is limited.")?;
    /// g.undercuts("u", "a")?;
    /// assert_eq!(g.edges().next().unwrap().attack(), Some(argraph::AttackKind::Undercut));
    /// # Ok(()) }
    /// ```
    pub fn undercuts(&mut self, from: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(from, to, EdgeKind::Attacks, Some(AttackKind::Undercut))
    }

    /// The framing `framing` frames `to` (a claim or an argument). See [`add_edge`](Self::add_edge).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Geopolitics")?;
    /// g.claim("c", "Russia fills the gap.")?;
    /// g.evidence("e", "The US left.")?;
    /// g.frames("f", "c")?;
    /// assert!(g.frames("f", "e").is_err()); // evidence is not framed directly
    /// assert!(g.frames("c", "f").is_err()); // frames starts at a framing
    /// # Ok(()) }
    /// ```
    pub fn frames(&mut self, framing: &str, to: &str) -> Result<&mut Edge> {
        self.add_edge(framing, to, EdgeKind::Frames, None)
    }

    /// The node with this id. O(1).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "Russia fills the gap.")?;
    /// assert_eq!(g.node("c").unwrap().text(), "Russia fills the gap.");
    /// assert!(g.node("missing").is_none());
    /// assert!(g.contains("c") && !g.contains("missing"));
    /// # Ok(()) }
    /// ```
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.ids.get(id).map(|&ix| &self.graph[ix])
    }

    /// The node with this id, to change it. O(1).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "Draft")?;
    /// g.node_mut("c").unwrap().set_text("Final");
    /// assert_eq!(g.node("c").unwrap().text(), "Final");
    /// # Ok(()) }
    /// ```
    pub fn node_mut(&mut self, id: &str) -> Option<&mut Node> {
        let ix = *self.ids.get(id)?;
        Some(&mut self.graph[ix])
    }

    /// `true` if a node has this id. O(1).
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains_key(id)
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// `true` if the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// All nodes, in index order (insertion order until nodes are removed:
    /// petgraph's stable graph reuses freed slots).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("b", "B")?;
    /// g.evidence("a", "A")?;
    /// let ids: Vec<_> = g.nodes().map(|n| n.id()).collect();
    /// assert_eq!(ids, ["b", "a"]);
    /// # Ok(()) }
    /// ```
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.graph.node_indices().map(move |ix| &self.graph[ix])
    }

    /// The nodes of one kind, in index order.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::NodeKind;
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f1", "Offensive realism")?;
    /// g.framing("f2", "Defensive realism")?;
    /// g.claim("c", "C")?;
    /// let ids: Vec<_> = g.nodes_of_kind(NodeKind::Framing).map(|n| n.id()).collect();
    /// assert_eq!(ids, ["f1", "f2"]);
    /// # Ok(()) }
    /// ```
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Node> + '_ {
        self.nodes().filter(move |n| n.kind == kind)
    }

    /// All edges, in index order.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.supports("a", "b")?;
    /// g.attacks("b", "a")?;
    /// let pairs: Vec<_> = g.edges().map(|e| (e.from().id(), e.kind().as_str(), e.to().id())).collect();
    /// assert_eq!(pairs, [("a", "supports", "b"), ("b", "attacks", "a")]);
    /// assert_eq!(g.edges_of_kind(argraph::EdgeKind::Attacks).count(), 1);
    /// # Ok(()) }
    /// ```
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.graph.edge_indices().map(move |ix| self.edge_ref(ix))
    }

    /// The edges of one kind, in index order.
    pub fn edges_of_kind(&self, kind: EdgeKind) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.edges().filter(move |e| e.kind == kind)
    }

    fn edge_ref(&self, ix: EdgeIndex) -> EdgeRef<'_> {
        let (a, b) = self.graph.edge_endpoints(ix).expect("live edge index");
        EdgeRef {
            id: EdgeId(ix),
            from: &self.graph[a],
            to: &self.graph[b],
            edge: &self.graph[ix],
        }
    }

    /// The edges ending at node `id` (empty if there is no such node).
    /// O(in-degree).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e", "E")?;
    /// g.claim("c", "C")?;
    /// g.supports("e", "c")?;
    /// assert_eq!(g.incoming("c").next().unwrap().from().id(), "e");
    /// # Ok(()) }
    /// ```
    pub fn incoming(&self, id: &str) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.adjacent(id, Direction::Incoming)
    }

    /// The edges starting at node `id` (empty if there is no such node).
    /// O(out-degree).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e", "E")?;
    /// g.claim("c1", "C1")?;
    /// g.claim("c2", "C2")?;
    /// g.supports("e", "c1")?;
    /// g.undermines("e", "c2")?;
    /// assert_eq!(g.outgoing("e").count(), 2);
    /// assert_eq!(g.outgoing("unknown").count(), 0);
    /// # Ok(()) }
    /// ```
    pub fn outgoing(&self, id: &str) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        self.adjacent(id, Direction::Outgoing)
    }

    fn adjacent(&self, id: &str, dir: Direction) -> impl Iterator<Item = EdgeRef<'_>> + '_ {
        let ix = self.ids.get(id).copied();
        ix.into_iter()
            .flat_map(move |ix| self.graph.edges_directed(ix, dir))
            .map(move |e| self.edge_ref(e.id()))
    }

    fn sources_of(&self, id: &str, kind: EdgeKind) -> impl Iterator<Item = &Node> + '_ {
        self.incoming(id)
            .filter(move |e| e.kind == kind)
            .map(|e| e.from())
    }

    /// The nodes that support `id` (empty if there is no such node).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e1", "E1")?;
    /// g.evidence("e2", "E2")?;
    /// g.claim("c", "C")?;
    /// g.supports("e1", "c")?;
    /// g.supports("e2", "c")?;
    /// let mut ids: Vec<_> = g.supporters("c").map(|n| n.id()).collect();
    /// ids.sort();
    /// assert_eq!(ids, ["e1", "e2"]);
    /// # Ok(()) }
    /// ```
    pub fn supporters(&self, id: &str) -> impl Iterator<Item = &Node> + '_ {
        self.sources_of(id, EdgeKind::Supports)
    }

    /// The nodes that attack `id` (empty if there is no such node).
    pub fn attackers(&self, id: &str) -> impl Iterator<Item = &Node> + '_ {
        self.sources_of(id, EdgeKind::Attacks)
    }

    /// The framings that frame `id` (empty if there is no such node).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Ideology")?;
    /// g.claim("c", "Great-power status drives policy.")?;
    /// g.frames("f", "c")?;
    /// assert_eq!(g.framings("c").next().unwrap().id(), "f");
    /// assert_eq!(g.framed_by("f").next().unwrap().id(), "c");
    /// # Ok(()) }
    /// ```
    pub fn framings(&self, id: &str) -> impl Iterator<Item = &Node> + '_ {
        self.sources_of(id, EdgeKind::Frames)
    }

    /// The claims and arguments that the framing `framing` frames (empty if
    /// there is no such node).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Defensive realism")?;
    /// g.claim("c", "Russia balances threats.")?;
    /// g.frames("f", "c")?;
    /// assert_eq!(g.framed_by("f").map(|n| n.id()).collect::<Vec<_>>(), ["c"]);
    /// # Ok(()) }
    /// ```
    pub fn framed_by(&self, framing: &str) -> impl Iterator<Item = &Node> + '_ {
        self.outgoing(framing)
            .filter(|e| e.kind == EdgeKind::Frames)
            .map(|e| e.to())
    }

    /// The first edge from `from` to `to` (in index order), if any.
    /// O(out-degree of `from`).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// let edge = g.edge_between("a", "b").unwrap();
    /// assert_eq!(edge.kind(), argraph::EdgeKind::Attacks);
    /// assert!(g.edge_between("b", "a").is_none());
    /// g.remove_edge(edge.id());
    /// assert_eq!(g.edge_count(), 0);
    /// # Ok(()) }
    /// ```
    pub fn edge_between(&self, from: &str, to: &str) -> Option<EdgeRef<'_>> {
        let to = self.node_index(to)?;
        let from = self.node_index(from)?;
        let ix = self
            .graph
            .edges_connecting(from, to)
            .map(|e| e.id())
            .min()?;
        Some(self.edge_ref(ix))
    }

    /// Removes the node `id` and every edge touching it, and returns it.
    /// O(degree).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// assert_eq!(g.remove_node("a").unwrap().id(), "a");
    /// assert_eq!((g.node_count(), g.edge_count()), (1, 0));
    /// assert!(g.remove_node("a").is_none());
    /// # Ok(()) }
    /// ```
    pub fn remove_node(&mut self, id: &str) -> Option<Node> {
        let ix = self.ids.remove(id)?;
        self.graph.remove_node(ix)
    }

    /// Removes an edge and returns its attributes (`None` if it was already
    /// removed). O(1) amortised.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.attacks("a", "b")?;
    /// let id = g.edges().next().unwrap().id();
    /// assert!(g.remove_edge(id).is_some());
    /// assert_eq!(g.edge_count(), 0);
    /// # Ok(()) }
    /// ```
    pub fn remove_edge(&mut self, edge: EdgeId) -> Option<Edge> {
        self.graph.remove_edge(edge.0)
    }

    /// The underlying petgraph graph, read-only, for petgraph's algorithms.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.supports("a", "b")?;
    /// let pg = g.as_petgraph();
    /// let order = argraph::petgraph::algo::toposort(pg, None).unwrap();
    /// assert_eq!(pg[order[0]].id(), "a");
    /// assert_eq!(g.node_index("b"), Some(order[1]));
    /// # Ok(()) }
    /// ```
    pub fn as_petgraph(&self) -> &StableGraph<Node, Edge> {
        &self.graph
    }

    /// The petgraph index of node `id`, for use with [`as_petgraph`](Self::as_petgraph).
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.ids.get(id).copied()
    }

    /// Checks the rules that the builder methods cannot check one call at a
    /// time, and reports every broken rule at once: provenance (of a node
    /// or an edge) naming an undeclared source, duplicate or empty source ids, text emptied by
    /// [`Node::set_text`].
    /// O(n + m + provenance entries).
    ///
    /// # Errors
    /// [`ErrorKind::Invalid`](crate::ErrorKind::Invalid) listing every problem.
    ///
    /// ```
    /// use argraph::{ArgumentGraph, Provenance, Rule};
    /// let mut g = ArgumentGraph::new();
    /// g.evidence("e", "E").unwrap().add_provenance(Provenance::new("nowhere"));
    /// let err = g.validate().unwrap_err();
    /// assert_eq!(err.problems()[0].rule(), Rule::UndeclaredSource);
    /// ```
    pub fn validate(&self) -> Result<()> {
        let mut problems = source_problems(&self.sources);
        let declared: HashSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        for (i, node) in self.nodes().enumerate() {
            let at = || Location::Node {
                index: Some(i),
                id: Some(node.id.clone()),
            };
            for msg in provenance_problems(&declared, &node.provenance) {
                problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
            }
            if let Some(Err(msg)) = node.weight.map(check_weight) {
                problems.push(Problem::new(Rule::BadWeight, at(), msg));
            }
            if node.text.is_empty() {
                let msg = "node text is empty";
                problems.push(Problem::new(Rule::MissingField, at(), msg));
            }
        }
        for (i, e) in self.edges().enumerate() {
            let at = || Location::Edge {
                index: Some(i),
                from: Some(e.from.id.clone()),
                to: Some(e.to.id.clone()),
            };
            if let Some(Err(msg)) = e.weight.map(check_weight) {
                problems.push(Problem::new(Rule::BadWeight, at(), msg));
            }
            for msg in provenance_problems(&declared, &e.edge.provenance) {
                problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid(problems))
        }
    }

    pub(crate) fn graph_mut(&mut self) -> &mut StableGraph<Node, Edge> {
        &mut self.graph
    }

    pub(crate) fn sources_mut(&mut self) -> &mut Vec<Source> {
        &mut self.sources
    }
}

/// The rules one edge must follow, given the kinds of its endpoints (`None`:
/// no node has that id). The single place these rules are written, for the
/// builder and for every reader.
pub(crate) fn check_edge(
    from: &str,
    to: &str,
    from_kind: Option<NodeKind>,
    to_kind: Option<NodeKind>,
    kind: EdgeKind,
    attack: Option<AttackKind>,
) -> std::result::Result<(), RuleBreak> {
    let (fk, tk) = match (from_kind, to_kind) {
        (Some(fk), Some(tk)) => (fk, tk),
        (None, Some(_)) => {
            return Err((Rule::UnknownEndpoint, format!("unknown node id {from:?}")))
        }
        (Some(_), None) => return Err((Rule::UnknownEndpoint, format!("unknown node id {to:?}"))),
        (None, None) => {
            return Err((
                Rule::UnknownEndpoint,
                format!("unknown node ids {from:?} and {to:?}"),
            ))
        }
    };
    if attack.is_some() && kind != EdgeKind::Attacks {
        return Err((
            Rule::AttackOnNonAttack,
            format!("an attack subtype is given on a {kind} edge"),
        ));
    }
    match kind {
        EdgeKind::Supports if from == to => {
            Err((Rule::SelfSupport, format!("node {from:?} supports itself")))
        }
        EdgeKind::Frames if fk != NodeKind::Framing => Err((
            Rule::BadFrames,
            format!("a frames edge must start at a framing, but {from:?} is {fk}"),
        )),
        EdgeKind::Frames if !matches!(tk, NodeKind::Claim | NodeKind::Argument) => Err((
            Rule::BadFrames,
            format!("a frames edge must end at a claim or an argument, but {to:?} is {tk}"),
        )),
        _ => Ok(()),
    }
}

/// The rules a new node must follow: a non-empty, unused id and a text.
fn check_new_node(ids: &IdMap, id: &str, text: &str) -> std::result::Result<(), RuleBreak> {
    if id.is_empty() {
        return Err((Rule::MissingField, "node id is empty".into()));
    }
    if text.is_empty() {
        return Err((Rule::MissingField, "node text is empty".into()));
    }
    if ids.contains_key(id) {
        return Err((Rule::DuplicateId, format!("node id {id:?} is already used")));
    }
    Ok(())
}

fn node_error(rule: Rule, id: String, msg: String) -> Error {
    let id = (!id.is_empty()).then_some(id);
    Error::invalid(vec![Problem::new(
        rule,
        Location::Node { index: None, id },
        msg,
    )])
}

/// Duplicate or empty source ids.
pub(crate) fn source_problems(sources: &[Source]) -> Vec<Problem> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        let at = || Location::Source {
            index: Some(i),
            id: Some(s.id.clone()),
        };
        if s.id.is_empty() {
            problems.push(Problem::new(Rule::MissingField, at(), "source id is empty"));
        } else if !seen.insert(s.id.as_str()) {
            problems.push(Problem::new(
                Rule::DuplicateId,
                at(),
                format!("source id {:?} is declared twice", s.id),
            ));
        }
    }
    problems
}

/// One message per provenance entry that names an undeclared source.
pub(crate) fn provenance_problems<'a>(
    declared: &'a HashSet<&str>,
    provenance: &'a [super::node::Provenance],
) -> impl Iterator<Item = String> + 'a {
    provenance
        .iter()
        .filter(|p| !declared.contains(p.source.as_str()))
        .map(|p| format!("provenance names undeclared source {:?}", p.source))
}
