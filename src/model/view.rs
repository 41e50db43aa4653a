//! Views: the part of a graph around some nodes, under a framing, or
//! chosen by a predicate, as a graph of its own ([`View`]) that says what
//! it left out around each node it kept ([`Dropped`]).

use std::collections::{HashSet, VecDeque};
use std::fmt;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};
use petgraph::Direction;

use super::graph::ArgumentGraph;
use super::kinds::{EdgeKind, NodeKind};
use super::node::Node;
use crate::error::{Error, ErrorKind, Result};

/// A part of an [`ArgumentGraph`]: a graph of its own holding the kept
/// nodes and every edge between them, whole (text, label, tags, weights,
/// provenance, `data`), the sources their provenance cites and the
/// graph's title and description; and, per kept node, what the view left
/// out around it ([`Dropped`]), so that a drawing can say "+7 more
/// supporters" rather than cut silently.
///
/// Made by [`ArgumentGraph::subgraph`], [`ArgumentGraph::neighbourhood`]
/// and [`ArgumentGraph::framing_view`]. To combine views (their
/// intersection), keep what each contains: the left-out counts are then
/// those of the original graph.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// let near = g.neighbourhood(["c-impose-policy"], 1)?;
/// let framed = g.framing_view("f-offensive-realism")?;
/// let both = g.subgraph(|n| near.contains(n.id()) && framed.contains(n.id()));
/// assert!(both.graph().node_count() <= near.graph().node_count());
/// assert!(both.contains("c-impose-policy"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct View {
    graph: ArgumentGraph,
    /// By the view graph's node index (its indices run 0..n).
    dropped: Vec<Dropped>,
}

/// What a view left out around one of its nodes: how many distinct
/// neighbours of each role are not in the view.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e1", "E1")?;
/// g.evidence("e2", "E2")?;
/// g.claim("c", "C")?;
/// g.supports("e1", "c")?;
/// g.supports("e2", "c")?;
/// let view = g.subgraph(|n| n.id() != "e2");
/// let dropped = view.dropped("c");
/// assert_eq!(dropped.supporters, 1);
/// assert_eq!(dropped.to_string(), "+1 more supporter");
/// assert!(view.dropped("e1").is_empty());
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Dropped {
    /// Nodes that support it.
    pub supporters: usize,
    /// Nodes that attack it.
    pub attackers: usize,
    /// Framings that frame it.
    pub framings: usize,
    /// Nodes it supports.
    pub supported: usize,
    /// Nodes it attacks.
    pub attacked: usize,
    /// Nodes it frames (for a framing).
    pub framed: usize,
}

impl Dropped {
    /// `true` if nothing around the node was left out.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }

    /// How many neighbours were left out, over every role (a neighbour in
    /// two roles counts twice).
    pub fn total(&self) -> usize {
        self.supporters
            + self.attackers
            + self.framings
            + self.supported
            + self.attacked
            + self.framed
    }

    /// One phrase per role with something left out, in the order of the
    /// fields: `+7 more supporters`, `+1 more attacker`, `+2 more
    /// framings`, `+3 more it supports`, `+1 more it attacks`, `+4 more it
    /// frames`.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.claim("c", "C")?;
    /// g.supports("a", "b")?;
    /// g.attacks("b", "c")?;
    /// let view = g.subgraph(|n| n.id() == "b");
    /// let parts: Vec<String> = view.dropped("b").parts().collect();
    /// assert_eq!(parts, ["+1 more supporter", "+1 more it attacks"]);
    /// # Ok(()) }
    /// ```
    pub fn parts(&self) -> impl Iterator<Item = String> {
        let plural =
            |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
        [
            (
                self.supporters,
                plural(self.supporters, "supporter", "supporters"),
            ),
            (
                self.attackers,
                plural(self.attackers, "attacker", "attackers"),
            ),
            (self.framings, plural(self.framings, "framing", "framings")),
            (self.supported, "it supports"),
            (self.attacked, "it attacks"),
            (self.framed, "it frames"),
        ]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, what)| format!("+{n} more {what}"))
    }

    /// The counter of one role: an edge of `kind`, `incoming` to the node
    /// or going out of it.
    fn role(&mut self, kind: EdgeKind, incoming: bool) -> &mut usize {
        match (kind, incoming) {
            (EdgeKind::Supports, true) => &mut self.supporters,
            (EdgeKind::Attacks, true) => &mut self.attackers,
            (EdgeKind::Frames, true) => &mut self.framings,
            (EdgeKind::Supports, false) => &mut self.supported,
            (EdgeKind::Attacks, false) => &mut self.attacked,
            (EdgeKind::Frames, false) => &mut self.framed,
        }
    }
}

/// `+7 more supporters · +1 more it attacks`: [`Dropped::parts`] joined
/// with ` · `; empty when nothing was left out.
impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, part) in self.parts().enumerate() {
            if i > 0 {
                f.write_str(" · ")?;
            }
            f.write_str(&part)?;
        }
        Ok(())
    }
}

impl View {
    /// The view as a graph. O(1).
    pub fn graph(&self) -> &ArgumentGraph {
        &self.graph
    }

    /// The view as a graph, taken out. O(1).
    pub fn into_graph(self) -> ArgumentGraph {
        self.graph
    }

    /// `true` if the view kept node `id`. O(1).
    pub fn contains(&self, id: &str) -> bool {
        self.graph.contains(id)
    }

    /// What the view left out around node `id` (nothing, for a node not
    /// in the view). O(1).
    pub fn dropped(&self, id: &str) -> Dropped {
        self.graph
            .node_index(id)
            .map_or_else(Dropped::default, |ix| self.dropped[ix.index()])
    }

    /// The kept nodes around which something was left out, in the view's
    /// node order. O(n).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
    /// let view = g.neighbourhood(["c-impose-policy"], 1)?;
    /// for (id, dropped) in view.all_dropped() {
    ///     assert!(view.contains(id) && !dropped.is_empty());
    /// }
    /// # Ok(()) }
    /// ```
    pub fn all_dropped(&self) -> impl Iterator<Item = (&str, Dropped)> + '_ {
        self.graph
            .nodes()
            .zip(&self.dropped)
            .filter(|(_, d)| !d.is_empty())
            .map(|(n, d)| (n.id(), *d))
    }
}

impl ArgumentGraph {
    /// The view of the nodes for which `keep` holds, with every edge
    /// between them. Nodes and edges keep their order. O(n + m) time, plus
    /// the provenance entries and the sources; the view owns copies of what
    /// it keeps.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
    /// let soviet = g.subgraph(|n| n.has_tag("period:soviet-1979-1989"));
    /// assert_eq!(soviet.graph().node_count(), 4);
    /// assert!(soviet.graph().nodes().all(|n| n.has_tag("period:soviet-1979-1989")));
    /// assert_eq!(soviet.graph().title(), g.title());
    /// soviet.graph().validate()?; // it keeps the sources its nodes cite
    /// # Ok(()) }
    /// ```
    pub fn subgraph(&self, mut keep: impl FnMut(&Node) -> bool) -> View {
        let pg = self.as_petgraph();
        let mut kept = vec![false; pg.node_bound()];
        for ix in pg.node_indices() {
            kept[ix.index()] = keep(&pg[ix]);
        }
        self.view_of(&kept)
    }

    /// The view of the nodes at most `depth` edges away from the nodes
    /// `ids`, following edges of every kind in either direction (depth 0:
    /// the nodes themselves), with every edge between them. O(n + m).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the first id that is not a
    /// node's.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.evidence("e", "E")?;
    /// g.claim("c", "C")?;
    /// g.claim("d", "D")?;
    /// g.supports("e", "c")?;
    /// g.attacks("d", "c")?;
    /// g.claim("far", "Far")?;
    /// g.supports("far", "d")?;
    /// let near = g.neighbourhood(["e"], 1)?;
    /// let ids: Vec<_> = near.graph().nodes().map(|n| n.id()).collect();
    /// assert_eq!(ids, ["e", "c"]);
    /// assert_eq!(near.dropped("c").attackers, 1);
    /// assert_eq!(g.neighbourhood(["e"], 2)?.graph().node_count(), 3);
    /// assert!(g.neighbourhood(["nope"], 1).is_err());
    /// # Ok(()) }
    /// ```
    pub fn neighbourhood<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
        depth: usize,
    ) -> Result<View> {
        let pg = self.as_petgraph();
        let mut kept = vec![false; pg.node_bound()];
        // Breadth first, each node with its distance.
        let mut queue = VecDeque::new();
        for id in ids {
            let ix = self.node_index(id).ok_or_else(|| unknown_node(self, id))?;
            if !kept[ix.index()] {
                kept[ix.index()] = true;
                queue.push_back((ix, 0));
            }
        }
        while let Some((ix, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for next in pg.neighbors_undirected(ix) {
                if !kept[next.index()] {
                    kept[next.index()] = true;
                    queue.push_back((next, d + 1));
                }
            }
        }
        Ok(self.view_of(&kept))
    }

    /// The view of a framing: the framing, what it frames, and the nodes
    /// that support or attack what it frames, with every edge between
    /// them. O(n + m).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if `framing` is not a framing's id (the
    /// message lists the graph's framings).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("f", "Offensive realism")?;
    /// g.claim("c", "Russia seeks influence.")?;
    /// g.evidence("e", "Russia courts the Taliban.")?;
    /// g.claim("d", "Russia seeks security.")?;
    /// g.evidence("far", "Far away.")?;
    /// g.frames("f", "c")?;
    /// g.supports("e", "c")?;
    /// g.rebuts("d", "c")?;
    /// g.supports("far", "d")?;
    /// let view = g.framing_view("f")?;
    /// let ids: Vec<_> = view.graph().nodes().map(|n| n.id()).collect();
    /// assert_eq!(ids, ["f", "c", "e", "d"]);
    /// assert_eq!(view.dropped("d").to_string(), "+1 more supporter");
    /// assert!(g.framing_view("c").is_err()); // a claim, not a framing
    /// # Ok(()) }
    /// ```
    pub fn framing_view(&self, framing: &str) -> Result<View> {
        check_framing(self, framing)?;
        let pg = self.as_petgraph();
        let mut kept = vec![false; pg.node_bound()];
        let f = self.node_index(framing).expect("checked");
        kept[f.index()] = true;
        for framed in pg.edges_directed(f, Direction::Outgoing) {
            if framed.weight().kind() != EdgeKind::Frames {
                continue;
            }
            kept[framed.target().index()] = true;
            for e in pg.edges_directed(framed.target(), Direction::Incoming) {
                if matches!(e.weight().kind(), EdgeKind::Supports | EdgeKind::Attacks) {
                    kept[e.source().index()] = true;
                }
            }
        }
        Ok(self.view_of(&kept))
    }

    /// The view of the nodes marked in `kept` (by node index). O(n + m).
    fn view_of(&self, kept: &[bool]) -> View {
        let pg = self.as_petgraph();
        let is_kept = |ix: NodeIndex| kept.get(ix.index()).copied().unwrap_or(false);
        let count = pg.node_indices().filter(|&ix| is_kept(ix)).count();
        let mut graph = ArgumentGraph::with_capacity(count, 0);
        if let Some(title) = self.title() {
            graph.set_title(title);
        }
        if let Some(description) = self.description() {
            graph.set_description(description);
        }
        let mut new_index = vec![None; kept.len()];
        let mut dropped = Vec::with_capacity(count);
        for ix in pg.node_indices().filter(|&ix| is_kept(ix)) {
            new_index[ix.index()] = Some(graph.insert_checked_node(pg[ix].clone()));
            dropped.push(dropped_around(self, ix, &is_kept));
        }
        for e in pg.edge_references() {
            if let (Some(a), Some(b)) =
                (new_index[e.source().index()], new_index[e.target().index()])
            {
                graph.graph_mut().add_edge(a, b, e.weight().clone());
            }
        }
        let cited = cited_sources(&graph);
        graph.sources_mut().extend(
            self.sources()
                .iter()
                .filter(|s| cited.contains(s.id.as_str()))
                .cloned(),
        );
        View { graph, dropped }
    }
}

/// What was left out around node `ix`: its distinct neighbours outside the
/// view, by role. O(degree · log degree).
fn dropped_around(
    g: &ArgumentGraph,
    ix: NodeIndex,
    is_kept: &dyn Fn(NodeIndex) -> bool,
) -> Dropped {
    let pg = g.as_petgraph();
    let mut left_out: Vec<(EdgeKind, bool, NodeIndex)> = Vec::new();
    for (dir, incoming) in [(Direction::Incoming, true), (Direction::Outgoing, false)] {
        for e in pg.edges_directed(ix, dir) {
            let other = if incoming { e.source() } else { e.target() };
            if !is_kept(other) {
                left_out.push((e.weight().kind(), incoming, other));
            }
        }
    }
    // Parallel edges name a neighbour once.
    left_out.sort_unstable_by_key(|&(kind, incoming, other)| (kind as u8, incoming, other));
    left_out.dedup();
    let mut dropped = Dropped::default();
    for (kind, incoming, _) in left_out {
        *dropped.role(kind, incoming) += 1;
    }
    dropped
}

/// The ids of the sources that the nodes and edges of `g` cite.
fn cited_sources(g: &ArgumentGraph) -> HashSet<String> {
    let nodes = g.nodes().flat_map(|n| n.provenance());
    let edges = g.edges().flat_map(|e| e.edge().provenance());
    nodes.chain(edges).map(|p| p.source.clone()).collect()
}

/// The error for an id no node has, with the id most like it (the
/// longest shared prefix, if it is at least half the id). O(n · id length).
fn unknown_node(g: &ArgumentGraph, id: &str) -> Error {
    let shared = |other: &str| {
        id.chars()
            .zip(other.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let closest = g
        .nodes()
        .map(|n| (shared(n.id()), n.id()))
        .max_by_key(|&(len, _)| len)
        .filter(|&(len, _)| len > 0 && 2 * len >= id.chars().count());
    let hint = match closest {
        Some((_, near)) => format!("did you mean {near:?}?"),
        None => "node ids are case-sensitive".to_string(),
    };
    Error::new(ErrorKind::InvalidInput(format!(
        "unknown node {id:?}: no node has this id; {hint}"
    )))
}

/// `Ok` if `framing` is a framing's id; otherwise the error that says what
/// it is and lists the framings to choose from.
pub(crate) fn check_framing(g: &ArgumentGraph, framing: &str) -> Result<()> {
    match g.node(framing) {
        None => Err(not_a_framing(g, format!("unknown framing {framing:?}"))),
        Some(n) if n.kind() != NodeKind::Framing => {
            let kind = n.kind();
            Err(not_a_framing(
                g,
                format!("{framing:?} is a {kind}, not a framing"),
            ))
        }
        Some(_) => Ok(()),
    }
}

/// The error for a framing name that is not a framing's id: `what` went
/// wrong, then the ids the user can pick from (the first ten, and how many
/// there are).
fn not_a_framing(g: &ArgumentGraph, what: String) -> Error {
    const SHOWN: usize = 10;
    let framings: Vec<&str> = g.nodes_of_kind(NodeKind::Framing).map(|n| n.id()).collect();
    let mut message = what;
    if framings.is_empty() {
        message.push_str("; the graph has no framings");
    } else {
        let listed: Vec<String> = framings
            .iter()
            .take(SHOWN)
            .map(|f| format!("{f:?}"))
            .collect();
        message.push_str("; the graph's framings: ");
        message.push_str(&listed.join(", "));
        if framings.len() > SHOWN {
            message.push_str(&format!(", … ({} in all)", framings.len()));
        }
    }
    Error::new(ErrorKind::InvalidInput(message))
}
