//! The Dung view of a rich [`ArgumentGraph`], and framings as audiences.

use std::collections::HashSet;

use petgraph::stable_graph::NodeIndex;

use super::framework::{ArgumentationFramework, Names};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ArgumentGraph, EdgeKind, NodeKind};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How `supports` edges enter the Dung view of an [`ArgumentGraph`].
    ///
    /// The rich graph is a bipolar argumentation framework (attacks and
    /// supports). Its Dung view is the *associated framework* of Cayrol &
    /// Lagasquie-Schiex (2005): the same arguments, attacked by the direct
    /// attacks plus attacks derived through chains of supports.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::SupportMode;
    /// assert_eq!("supported".parse::<SupportMode>()?, SupportMode::Supported);
    /// assert_eq!(SupportMode::default(), SupportMode::Bipolar);
    /// # Ok(()) }
    /// ```
    #[derive(Default)]
    SupportMode, "support mode" {
        /// Supports are ignored: only direct attacks.
        Ignore => "ignore",
        /// Direct attacks plus *supported* attacks: if `a` supports … supports
        /// `x` and `x` attacks `b`, then `a` attacks `b` (a reason for an
        /// attacker carries its attack).
        Supported => "supported",
        /// Direct, supported and *secondary* (indirect) attacks: also, if `a`
        /// attacks `x` and `x` supports … supports `b`, then `a` attacks `b`
        /// (attacking a reason attacks what rests on it). This is the default:
        /// Cayrol & Lagasquie-Schiex (2005), Def. 3 (supported and indirect
        /// defeat).
        #[default]
        Bipolar => "bipolar",
    }
}

/// The Dung view of an [`ArgumentGraph`], under a framing or none: see
/// [`dung_view`].
#[derive(Clone, Debug)]
pub struct DungView {
    framework: ArgumentationFramework,
    failed: Vec<(usize, usize)>,
}

impl DungView {
    /// The abstract framework: argument `i` is the graph's `i`-th node (in
    /// [`ArgumentGraph::nodes`] order) and is named by its id.
    pub fn framework(&self) -> &ArgumentationFramework {
        &self.framework
    }

    /// The attacks (direct or derived) that do not succeed under the
    /// framing, as `(attacker, target)` argument indices.
    pub fn failed_attacks(&self) -> &[(usize, usize)] {
        &self.failed
    }

    /// Consumes the view, returning the framework.
    pub fn into_framework(self) -> ArgumentationFramework {
        self.framework
    }
}

/// The arguments a framing's audience prefers: the framing node itself and
/// every node it frames directly. Indices are positions in `nodes()` order.
pub(crate) fn preferred_by(
    g: &ArgumentGraph,
    index: &dyn Fn(NodeIndex) -> usize,
    framing: Option<&str>,
) -> Result<Vec<bool>> {
    let mut pref = vec![false; g.node_count()];
    if let Some(f) = framing {
        let node = g
            .node(f)
            .ok_or_else(|| not_a_framing(g, format!("unknown framing {f:?}")))?;
        if node.kind() != NodeKind::Framing {
            let kind = node.kind();
            return Err(not_a_framing(
                g,
                format!("{f:?} is a {kind}, not a framing"),
            ));
        }
        let fi = g.node_index(f).expect("exists");
        pref[index(fi)] = true;
        for n in g.framed_by(f) {
            pref[index(g.node_index(n.id()).expect("exists"))] = true;
        }
    }
    Ok(pref)
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

/// A dense numbering of the graph's nodes in `nodes()` order.
pub(crate) fn dense_index(g: &ArgumentGraph) -> impl Fn(NodeIndex) -> usize {
    let pg = g.as_petgraph();
    let mut map = vec![usize::MAX; petgraph::visit::NodeIndexable::node_bound(pg)];
    for (i, ix) in pg.node_indices().enumerate() {
        map[ix.index()] = i;
    }
    move |ix: NodeIndex| map[ix.index()]
}

/// The Dung view of a rich graph, optionally under a framing.
///
/// **Arguments.** Every node (claims, evidence, argument nodes and the
/// framings themselves) is an argument, named by its id, in
/// [`ArgumentGraph::nodes`] order.
///
/// **Attacks.** Direct `attacks` edges (whatever their subtype), plus the
/// attacks derived through `supports` chains as `support` says (default
/// [`SupportMode::Bipolar`]: the supported and indirect attacks of
/// C. Cayrol & M.-C. Lagasquie-Schiex, *On the acceptability of arguments
/// in bipolar argumentation frameworks*, ECSQARU 2005, LNAI 3571,
/// 378–389). An argument node is a node like any other: its premises
/// support it and it supports its conclusion, so an undercut (an attack on
/// the argument node) also attacks the conclusion, and so does an
/// undermining attack on a premise. Edge weights are ignored.
///
/// **Frames edges** are neither attacks nor supports: they say which
/// audience prefers which arguments. Under `framing = Some(F)` the graph is
/// read as a value-based framework (T. Bench-Capon, *Persuasion in practical
/// argument using value-based argumentation frameworks*, J. Logic and
/// Computation 13(3), 2003) for the audience that ranks F's value above all
/// others, the others being unranked:
///
/// 1. the arguments promoting F are the framing node F itself and the nodes
///    F frames *directly* (no transitivity: a node supporting or supported
///    by a framed node is not thereby framed; it is protected only through
///    the derived attacks, which are judged on their own endpoints);
/// 2. an attack `a → b` (direct or derived) fails under F exactly when `b`
///    promotes F and `a` does not; every other attack succeeds — between
///    two F-nodes (same value), between two non-F nodes (unranked values),
///    and from an F-node onto any node;
/// 3. so rival framings that attack each other: under F, the attack of a
///    rival framing G on F fails, and F's attack on G succeeds;
/// 4. a node framed by several framings promotes each of them, and is
///    protected under each;
/// 5. attacks are derived first (on the whole graph) and then judged, so a
///    secondary attack on an F-framed claim through its evidence fails under
///    F while the attack on the evidence itself still succeeds.
///
/// Cost: O(n + m) without supports; with them, one search along supports
/// per attack endpoint, O(m_att · (n + m_sup)) plus the derived attacks.
///
/// # Errors
/// [`ErrorKind::InvalidInput`] if `framing` is not the id of a framing node.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::ArgumentGraph;
/// use argraph::reason::{dung_view, SupportMode};
/// let mut g = ArgumentGraph::new();
/// g.framing("f", "A lens")?;
/// g.claim("c", "C")?;
/// g.evidence("e", "E")?;
/// g.claim("x", "X")?;
/// g.frames("f", "c")?;
/// g.supports("e", "c")?;
/// g.attacks("x", "e")?;
/// let plain = dung_view(&g, SupportMode::Bipolar, None)?;
/// let af = plain.framework();
/// let (x, e, c) = (af.index_of("x").unwrap(), af.index_of("e").unwrap(), af.index_of("c").unwrap());
/// assert!(af.attacks(x, e) && af.attacks(x, c)); // direct and secondary
/// let under_f = dung_view(&g, SupportMode::Bipolar, Some("f"))?;
/// assert!(under_f.framework().attacks(x, e));
/// assert!(!under_f.framework().attacks(x, c)); // c is preferred by f's audience
/// assert_eq!(under_f.failed_attacks(), &[(x, c)]);
/// # Ok(()) }
/// ```
pub fn dung_view(
    g: &ArgumentGraph,
    support: SupportMode,
    framing: Option<&str>,
) -> Result<DungView> {
    let n = g.node_count();
    let index = dense_index(g);
    let pref = preferred_by(g, &index, framing)?;
    let pg = g.as_petgraph();
    // Support adjacency, both ways.
    let mut sup_out: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut sup_in: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut direct: Vec<(u32, u32)> = Vec::new();
    for e in pg.edge_indices() {
        let (a, b) = pg.edge_endpoints(e).expect("live edge");
        let (a, b) = (index(a) as u32, index(b) as u32);
        match pg[e].kind() {
            EdgeKind::Supports => {
                sup_out[a as usize].push(b);
                sup_in[b as usize].push(a);
            }
            EdgeKind::Attacks => direct.push((a, b)),
            EdgeKind::Frames => {}
        }
    }
    let mut seen: HashSet<(u32, u32)> = HashSet::new();
    let mut attacks: Vec<(u32, u32)> = Vec::new();
    let mut add = |a: u32, b: u32, attacks: &mut Vec<(u32, u32)>| {
        if seen.insert((a, b)) {
            attacks.push((a, b));
        }
    };
    let mut reach_cache_in: Vec<Option<Vec<u32>>> = vec![None; n];
    let mut reach_cache_out: Vec<Option<Vec<u32>>> = vec![None; n];
    for &(x, y) in &direct {
        add(x, y, &mut attacks);
        if support == SupportMode::Ignore {
            continue;
        }
        let sources = reach_cache_in[x as usize].get_or_insert_with(|| reach(&sup_in, x));
        for &a in sources.iter() {
            add(a, y, &mut attacks);
        }
        if support == SupportMode::Bipolar {
            let targets = reach_cache_out[y as usize].get_or_insert_with(|| reach(&sup_out, y));
            for &b in targets.iter() {
                add(x, b, &mut attacks);
            }
        }
    }
    let mut failed = Vec::new();
    let mut src = Vec::with_capacity(attacks.len());
    let mut dst = Vec::with_capacity(attacks.len());
    for (a, b) in attacks {
        if pref[b as usize] && !pref[a as usize] {
            failed.push((a as usize, b as usize));
        } else {
            src.push(a);
            dst.push(b);
        }
    }
    failed.sort_unstable();
    let mut names = Names::table();
    for node in g.nodes() {
        names.push(node.id());
    }
    let framework = ArgumentationFramework::from_parts(n as u32, names, src, dst)?;
    Ok(DungView { framework, failed })
}

/// The nodes reachable from `start` along `adj` (one or more steps),
/// without `start` unless it lies on a cycle. Iterative DFS.
fn reach(adj: &[Vec<u32>], start: u32) -> Vec<u32> {
    let mut seen = vec![false; adj.len()];
    let mut out = Vec::new();
    let mut stack = vec![start];
    while let Some(v) = stack.pop() {
        for &w in &adj[v as usize] {
            if !seen[w as usize] {
                seen[w as usize] = true;
                out.push(w);
                stack.push(w);
            }
        }
    }
    out
}
