//! Gradual semantics over supports and attacks: DF-QuAD and quadratic
//! energy.
//!
//! Both work on the graph's direct `supports` and `attacks` edges (frames
//! edges only select what a framing's audience prefers, as in
//! [`dung_view`](super::dung_view): under a framing F, an attack on a node
//! that F prefers from a node it does not prefer is dropped). Every node,
//! framings included, has a strength; its base score is its weight, or 0.5.
//! An edge's weight (1 when none is declared) scales its source's strength
//! before it is aggregated: a support of weight 0.5 from a node of strength
//! 0.8 counts as 0.4. With no edge weights these are the published
//! semantics; with them, DF-QuAD and energy become the edge-weighted forms
//! of Mossakowski & Neuhaus (*Modular semantics and characteristics for
//! bipolar weighted argumentation graphs*, 2018) and Potyka (KR 2018, which
//! scales each influence the same way).
//!
//! Evaluation follows the strongly connected components of the graph (by
//! supports and attacks) in topological order, so an acyclic graph is
//! evaluated exactly, each node once, in O(n + m). Inside a cyclic component
//! the values are iterated (DF-QuAD: simultaneous updates from the base
//! scores; energy: the Runge–Kutta integration of Potyka's dynamical system)
//! until the largest change is below [`TOLERANCE`] or [`MAX_ITERATIONS`]
//! is reached; [`Strengths::converged`] says whether every component
//! converged.

use crate::error::Result;
use crate::model::{ArgumentGraph, EdgeKind};
use crate::vocabulary::vocabulary;

use super::audience::{dense_index, preferred_by};
use super::framework::group_by_key;
use super::node_ids::NodeIds;

/// The convergence tolerance on cycles: the largest change of a strength
/// between two iterations (DF-QuAD) or the largest derivative (energy).
pub const TOLERANCE: f64 = 1e-9;

/// The iteration cap on one cyclic component.
pub const MAX_ITERATIONS: usize = 100_000;

vocabulary! {
    /// A gradual semantics.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Gradual;
    /// assert_eq!("df-quad".parse::<Gradual>()?, Gradual::DfQuad);
    /// assert_eq!(Gradual::Energy.as_str(), "energy");
    /// # Ok(()) }
    /// ```
    Gradual, "gradual semantics" {
        /// DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016). See [`dfquad`].
        DfQuad => "dfquad" | "df-quad",
        /// Quadratic energy (Potyka, KR 2018). See [`quadratic_energy`].
        Energy => "energy" | "quadratic-energy",
    }
}

/// The strengths of a graph's nodes under a gradual semantics.
#[derive(Clone, Debug, PartialEq)]
pub struct Strengths {
    ids: NodeIds,
    values: Vec<f64>,
    converged: bool,
    iterations: usize,
}

impl Strengths {
    /// The strength of node `id`. O(1).
    pub fn get(&self, id: &str) -> Option<f64> {
        self.ids.position(id).map(|i| self.values[i])
    }

    /// `(id, strength)` for every node, in [`ArgumentGraph::nodes`] order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> + '_ {
        self.ids
            .as_slice()
            .iter()
            .map(String::as_str)
            .zip(self.values.iter().copied())
    }

    /// The strengths, in [`ArgumentGraph::nodes`] order.
    pub fn values(&self) -> &[f64] {
        &self.values
    }

    /// `false` if some cyclic component hit [`MAX_ITERATIONS`] before its
    /// values settled within [`TOLERANCE`]; its values are then the last
    /// iterate. Always `true` on acyclic graphs.
    pub fn converged(&self) -> bool {
        self.converged
    }

    /// The largest number of iterations any cyclic component took (0 on
    /// acyclic graphs).
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The ids and the strengths, for an [`Evaluation`](super::Evaluation)
    /// to keep without building its index again.
    pub(crate) fn into_ids_and_values(self) -> (NodeIds, Vec<f64>) {
        (self.ids, self.values)
    }
}

/// A bipolar graph in CSR form: attackers and supporters of each node,
/// and its strongly connected components.
struct Bipolar {
    base: Vec<f64>,
    att_off: Vec<u32>,
    att: Vec<Influence>,
    sup_off: Vec<u32>,
    sup: Vec<Influence>,
    /// By attacks and supports, influencers first.
    components: Vec<Vec<u32>>,
}

/// An edge's source and weight, as the edge's target sees it.
#[derive(Clone, Copy)]
struct Influence {
    source: u32,
    weight: f64,
}

/// For each node, the influences of the `edges` (source, target, weight)
/// that end on it, in edge order (which fixes the order of the sums and
/// products): offsets and influences.
fn sources_by_target(n: usize, edges: &[(u32, u32, f64)]) -> Result<(Vec<u32>, Vec<Influence>)> {
    let targets: Vec<u32> = edges.iter().map(|e| e.1).collect();
    let (offsets, order) = group_by_key(n, &targets, (0..edges.len() as u32).collect())?;
    let influences = order
        .into_iter()
        .map(|i| {
            let (source, _, weight) = edges[i as usize];
            Influence { source, weight }
        })
        .collect();
    Ok((offsets, influences))
}

/// The strongly connected components of the graph on `n` nodes with these
/// edges, in topological order (influencers first). O(n + m).
fn components(n: usize, edges: impl Iterator<Item = (u32, u32)>) -> Vec<Vec<u32>> {
    let mut graph = petgraph::Graph::<(), ()>::with_capacity(n, 0);
    for _ in 0..n {
        graph.add_node(());
    }
    graph.extend_with_edges(edges);
    // Kosaraju rather than petgraph's tarjan_scc, which recurses (a chain of
    // 10^5 supports overflows the stack). It lists sinks first.
    let mut components = petgraph::algo::kosaraju_scc(&graph);
    components.reverse();
    components
        .into_iter()
        .map(|c| c.into_iter().map(|ix| ix.index() as u32).collect())
        .collect()
}

impl Bipolar {
    fn new(g: &ArgumentGraph, framing: Option<&str>) -> Result<Bipolar> {
        let n = g.node_count();
        let index = dense_index(g);
        let pref = preferred_by(g, &index, framing)?;
        let pg = g.as_petgraph();
        let mut att = Vec::new();
        let mut sup = Vec::new();
        for e in pg.edge_indices() {
            let (a, b) = pg.edge_endpoints(e).expect("live edge");
            let (a, b) = (index(a) as u32, index(b) as u32);
            let weight = pg[e].weight().unwrap_or(1.0);
            match pg[e].kind() {
                EdgeKind::Attacks if !pref[b as usize] || pref[a as usize] => {
                    att.push((a, b, weight))
                }
                EdgeKind::Supports => sup.push((a, b, weight)),
                _ => {}
            }
        }
        let base = g.nodes().map(|node| node.base_score()).collect();
        let (att_off, att_adj) = sources_by_target(n, &att)?;
        let (sup_off, sup_adj) = sources_by_target(n, &sup)?;
        Ok(Bipolar {
            base,
            att_off,
            att: att_adj,
            sup_off,
            sup: sup_adj,
            components: components(n, att.iter().chain(&sup).map(|&(a, b, _)| (a, b))),
        })
    }

    fn attackers(&self, a: usize) -> &[Influence] {
        &self.att[self.att_off[a] as usize..self.att_off[a + 1] as usize]
    }

    fn supporters(&self, a: usize) -> &[Influence] {
        &self.sup[self.sup_off[a] as usize..self.sup_off[a + 1] as usize]
    }

    fn is_cyclic(&self, comp: &[u32]) -> bool {
        let a = comp[0];
        let from_itself = |i: &[Influence]| i.iter().any(|i| i.source == a);
        comp.len() > 1
            || from_itself(self.attackers(a as usize))
            || from_itself(self.supporters(a as usize))
    }
}

/// Evaluates component by component: `update(values, node)` gives a node's
/// new value from the current ones; `settle` iterates a cyclic component.
fn by_components(
    g: &ArgumentGraph,
    framing: Option<&str>,
    update: impl Fn(&Bipolar, &[f64], usize) -> f64,
    settle: impl Fn(
        &Bipolar,
        &mut Vec<f64>,
        &[u32],
        &dyn Fn(&Bipolar, &[f64], usize) -> f64,
    ) -> (bool, usize),
) -> Result<Strengths> {
    let bg = Bipolar::new(g, framing)?;
    let mut values = bg.base.clone();
    let mut converged = true;
    let mut iterations = 0;
    for comp in &bg.components {
        if bg.is_cyclic(comp) {
            let (ok, its) = settle(&bg, &mut values, comp, &update);
            converged &= ok;
            iterations = iterations.max(its);
        } else {
            let a = comp[0] as usize;
            values[a] = update(&bg, &values, a);
        }
    }
    Ok(Strengths {
        ids: NodeIds::of(g),
        values,
        converged,
        iterations,
    })
}

/// DF-QuAD's aggregation of a multiset of strengths, each scaled by its
/// edge's weight: 1 − Π(1 − wᵢ·vᵢ) (0 for none).
fn aggregate(values: &[f64], of: &[Influence]) -> f64 {
    1.0 - of
        .iter()
        .map(|i| 1.0 - i.weight * values[i.source as usize])
        .product::<f64>()
}

/// The weighted sum of the strengths of `of`: Σ wᵢ·vᵢ.
fn weighted_sum(values: &[f64], of: &[Influence]) -> f64 {
    of.iter()
        .map(|i| i.weight * values[i.source as usize])
        .sum()
}

/// DF-QuAD's combination of a base score τ with the attackers' and
/// supporters' aggregates `va`, `vs`.
fn combine(tau: f64, va: f64, vs: f64) -> f64 {
    if va >= vs {
        tau - tau * (va - vs)
    } else {
        tau + (1.0 - tau) * (vs - va)
    }
}

/// DF-QuAD strengths (A. Rago, F. Toni, M. Aurisicchio, P. Baroni,
/// *Discontinuity-free decision support with quantitative argumentation
/// debates*, KR 2016) of every node of `g`, optionally under a framing.
///
/// The attackers' strengths, each times its edge's weight (1 by default),
/// aggregate to `va = 1 − Π(1 − wᵢ·vᵢ)`, the supporters' to `vs` likewise
/// (0 when there are none); a node with base
/// score τ gets `τ − τ·(va − vs)` if `va ≥ vs`, else `τ + (1 − τ)·(vs −
/// va)`. Exact on acyclic graphs, in topological order, O(n + m). On a
/// cycle, simultaneous (Jacobi) updates start from the base scores and stop
/// when no value moves by more than [`TOLERANCE`]; after
/// [`MAX_ITERATIONS`] sweeps the result is flagged as not converged (a
/// 2-cycle of attacks between nodes of base score 1 oscillates forever).
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if `framing`
/// is not a framing's id.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "C")?.set_weight(0.6)?;
/// g.evidence("s", "S")?.set_weight(0.8)?;
/// g.claim("x", "X")?.set_weight(0.5)?;
/// g.supports("s", "c")?;
/// g.attacks("x", "c")?;
/// let s = argraph::reason::dfquad(&g, None)?;
/// // va = 0.5, vs = 0.8: 0.6 + 0.4·0.3 = 0.72
/// assert!((s.get("c").unwrap() - 0.72).abs() < 1e-12);
/// // A support of weight 0.5 counts half: vs = 0.4, so 0.6 − 0.6·0.1 = 0.54.
/// let mut h = argraph::ArgumentGraph::new();
/// h.claim("c", "C")?.set_weight(0.6)?;
/// h.evidence("s", "S")?.set_weight(0.8)?;
/// h.claim("x", "X")?.set_weight(0.5)?;
/// h.supports("s", "c")?.set_weight(0.5)?;
/// h.attacks("x", "c")?;
/// let s = argraph::reason::dfquad(&h, None)?;
/// assert!((s.get("c").unwrap() - 0.54).abs() < 1e-12);
/// # Ok(()) }
/// ```
pub fn dfquad(g: &ArgumentGraph, framing: Option<&str>) -> Result<Strengths> {
    let update = |bg: &Bipolar, v: &[f64], a: usize| {
        combine(
            bg.base[a],
            aggregate(v, bg.attackers(a)),
            aggregate(v, bg.supporters(a)),
        )
    };
    by_components(g, framing, update, |bg, values, comp, update| {
        let mut next = vec![0.0; comp.len()];
        for it in 1..=MAX_ITERATIONS {
            let mut delta: f64 = 0.0;
            for (k, &a) in comp.iter().enumerate() {
                next[k] = update(bg, values, a as usize);
                delta = delta.max((next[k] - values[a as usize]).abs());
            }
            for (k, &a) in comp.iter().enumerate() {
                values[a as usize] = next[k];
            }
            if delta <= TOLERANCE {
                return (true, it);
            }
        }
        (false, MAX_ITERATIONS)
    })
}

/// Potyka's quadratic influence function `h(x) = max(x,0)² / (1 + max(x,0)²)`.
fn influence(x: f64) -> f64 {
    let x = x.max(0.0);
    x * x / (1.0 + x * x)
}

/// The step of the Runge–Kutta integration on cycles.
const RK_STEP: f64 = 0.1;

/// Quadratic energy strengths (N. Potyka, *Continuous dynamical systems for
/// weighted bipolar argumentation*, KR 2018) of every node of `g`,
/// optionally under a framing.
///
/// A node's energy is `E = Σ wᵢ·(supporter's strength) − Σ wᵢ·(attacker's
/// strength)`, each weighted by its edge's weight (1 by default); with base score `w` its strength is `w − w·h(−E) + (1 −
/// w)·h(E)` where `h(x) = max(x,0)²/(1 + max(x,0)²)`. Exact on acyclic
/// graphs in topological order, O(n + m). On a cycle the strengths are the
/// limit of Potyka's system `ds/dt = f(s) − s` from the base scores,
/// integrated with the classical 4th-order Runge–Kutta method (step 0.1)
/// until the largest `|f(s) − s|` is below [`TOLERANCE`] (Potyka shows the
/// system converges on the graphs met in practice, unlike DF-QuAD's
/// discrete iteration).
///
/// # Errors
/// As [`dfquad`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("a", "A")?.set_weight(1.0)?;
/// g.claim("b", "B")?.set_weight(1.0)?;
/// g.attacks("a", "b")?;
/// g.attacks("b", "a")?; // DF-QuAD oscillates here; energy settles
/// let s = argraph::reason::quadratic_energy(&g, None)?;
/// assert!(s.converged());
/// assert!((s.get("a").unwrap() - s.get("b").unwrap()).abs() < 1e-6);
/// # Ok(()) }
/// ```
pub fn quadratic_energy(g: &ArgumentGraph, framing: Option<&str>) -> Result<Strengths> {
    let update = |bg: &Bipolar, v: &[f64], a: usize| {
        let w = bg.base[a];
        let e = weighted_sum(v, bg.supporters(a)) - weighted_sum(v, bg.attackers(a));
        w - w * influence(-e) + (1.0 - w) * influence(e)
    };
    by_components(g, framing, update, |bg, values, comp, update| {
        let k = comp.len();
        let mut work = values.clone();
        let deriv = |work: &mut Vec<f64>, state: &[f64], out: &mut [f64]| {
            for (i, &a) in comp.iter().enumerate() {
                work[a as usize] = state[i];
            }
            for (i, &a) in comp.iter().enumerate() {
                out[i] = update(bg, work, a as usize) - state[i];
            }
        };
        let mut s: Vec<f64> = comp.iter().map(|&a| values[a as usize]).collect();
        let (mut k1, mut k2, mut k3, mut k4) =
            (vec![0.0; k], vec![0.0; k], vec![0.0; k], vec![0.0; k]);
        let mut tmp = vec![0.0; k];
        let mut result = (false, MAX_ITERATIONS);
        for it in 1..=MAX_ITERATIONS {
            deriv(&mut work, &s, &mut k1);
            if k1.iter().all(|d| d.abs() <= TOLERANCE) {
                result = (true, it);
                break;
            }
            for i in 0..k {
                tmp[i] = s[i] + 0.5 * RK_STEP * k1[i];
            }
            deriv(&mut work, &tmp, &mut k2);
            for i in 0..k {
                tmp[i] = s[i] + 0.5 * RK_STEP * k2[i];
            }
            deriv(&mut work, &tmp, &mut k3);
            for i in 0..k {
                tmp[i] = s[i] + RK_STEP * k3[i];
            }
            deriv(&mut work, &tmp, &mut k4);
            for i in 0..k {
                s[i] += RK_STEP / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
            }
        }
        for (i, &a) in comp.iter().enumerate() {
            values[a as usize] = s[i];
        }
        result
    })
}
