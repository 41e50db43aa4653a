//! Why a node has its verdict, edge by edge: [`Explanation`].

use std::fmt;

use serde::Serialize;

use super::structured::{Reason, StructuredMap};
use super::Label;
use crate::model::{ArgumentGraph, AttackKind, EdgeKind};

/// Why a node has its verdict under structured arguments, as the chain of
/// map edges that decides it: from [`Evaluator::explain`](super::Evaluator::explain).
///
/// - an accepted node: the argument for it (the supports it is derived
///   through, down to its premises), and how each attack on a node of that
///   argument is answered (its attacker is defeated, or the attack fails
///   under the framing);
/// - a defeated node: the accepted attacker that defeats it, with that
///   attacker's own argument; or, for each way of deriving it, the defeated
///   node it rests on, and why that one is defeated;
/// - an undecided node: the undecided nodes it depends on, which lead round
///   a cycle ([`cycle`](Explanation::cycle)).
///
/// Each node is explained once; where it comes up again the step says
/// [`Note::SeeAbove`]. Its `Display` is an indented text, its
/// serialization the same tree as JSON.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::Evaluator;
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "Talks were held in Moscow.")?;
/// g.claim("c", "Russia engages the Taliban.")?;
/// g.claim("x", "The talks were staged.")?;
/// g.evidence("y", "Both delegations signed a statement.")?;
/// g.supports("e", "c")?;
/// g.undermines("x", "e")?;
/// g.rebuts("y", "x")?;
/// let why = Evaluator::new(&g).explain("c")?;
/// let text = why.to_string();
/// assert!(text.starts_with("# grounded semantics, no framing\nc is in\n"));
/// assert!(text.contains("e supports c: e is in: a premise"));
/// assert!(text.contains("x undermines e: x is out"));
/// assert!(text.contains("y rebuts x: y is in: a premise"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The semantics, as its name.
    pub semantics: String,
    /// The framing evaluated under, if any.
    pub framing: Option<String>,
    /// The explained node and why.
    pub step: Step,
    /// For an undecided node: the ids round one cycle of undecided nodes
    /// it depends on (the first repeated at the end); empty otherwise.
    pub cycle: Vec<String>,
}

/// One node's label and why, with the edges that make it so.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Step {
    /// The node's id.
    pub node: String,
    /// Its label: `in` (accepted), `out` (defeated) or `undec`.
    pub label: Label,
    /// What decides the label.
    pub note: Note,
    /// The edges that do, each with the step of the node at its other end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// What decides a [`Step`]'s label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Note {
    /// `in`: a premise (evidence, a framing, or a node nothing supports),
    /// with every attack on it answered.
    Premise,
    /// `in`: derived through the support links, every attack on the
    /// argument answered.
    Derived,
    /// `out`: an accepted node attacks it.
    Defeated,
    /// `out`: every way of deriving it rests on a defeated node.
    NoArgument,
    /// `out`: only a circle of supports derives it, and arguments are finite.
    Circular,
    /// `undec`: it depends on undecided nodes.
    Undecided,
    /// Explained in an earlier step.
    SeeAbove,
    /// Further steps left out: the chain is longer than an explanation
    /// shows ([`MAX_DEPTH`] links).
    Deeper,
}

/// The longest chain of links an [`Explanation`] follows from its node.
pub const MAX_DEPTH: usize = 100;

/// An edge of the map that takes part in an explanation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Link {
    /// The edge's source id.
    pub from: String,
    /// What the edge says: `supports`, or the attack's kind (`rebuts`,
    /// `undermines`, `undercuts`, `attacks`).
    pub relation: &'static str,
    /// The edge's target id.
    pub to: String,
    /// An attack that fails under the framing: its target promotes the
    /// framing and its source does not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fails_under_framing: bool,
    /// The step of the node at the other end, unless the attack fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<Box<Step>>,
}

/// The nodes explained so far, and how deep the current step lies.
struct Seen<'s> {
    seen: &'s mut Vec<bool>,
    depth: usize,
}

/// The labelling to explain, and what the explanation walks over.
pub(crate) struct Explainer<'a> {
    pub(crate) graph: &'a ArgumentGraph,
    pub(crate) map: &'a StructuredMap,
    pub(crate) ids: &'a [String],
    pub(crate) labels: &'a [Label],
    pub(crate) reasons: &'a [Reason],
}

impl Explainer<'_> {
    /// The explanation of node `x`. O(n + m): each node is expanded once.
    pub(crate) fn explain(&self, x: usize, semantics: &str, framing: Option<&str>) -> Explanation {
        let mut seen = vec![false; self.ids.len()];
        let step = self.step(x, &mut seen, 0);
        let cycle = if self.labels[x] == Label::Undec {
            self.cycle_from(x)
        } else {
            Vec::new()
        };
        Explanation {
            semantics: semantics.to_string(),
            framing: framing.map(str::to_string),
            step,
            cycle,
        }
    }

    /// The step of node `x` at `depth` links from the explained node:
    /// recursion goes one level per link, `seen` cuts every node after its
    /// first step, and [`MAX_DEPTH`] bounds the stack.
    fn step(&self, x: usize, seen: &mut Vec<bool>, depth: usize) -> Step {
        let (node, label) = (self.ids[x].clone(), self.labels[x]);
        let cut = if depth > MAX_DEPTH {
            Some(Note::Deeper)
        } else if std::mem::replace(&mut seen[x], true) {
            Some(Note::SeeAbove)
        } else {
            None
        };
        if let Some(note) = cut {
            return Step {
                node,
                label,
                note,
                links: Vec::new(),
            };
        }
        let seen = &mut Seen {
            seen,
            depth: depth + 1,
        };
        let (note, links) = match self.reasons[x] {
            Reason::Premise => (Note::Premise, self.answered_attacks(x, seen)),
            Reason::Derived(rule) => {
                let mut links = self.supports(x, self.map.antecedents(rule), seen);
                links.extend(self.answered_attacks(x, seen));
                (Note::Derived, links)
            }
            Reason::AttackedBy(y) => (Note::Defeated, vec![self.attack(y as usize, x, seen)]),
            Reason::NoArgument => (Note::NoArgument, self.failed_rules(x, seen)),
            Reason::Circular => (Note::Circular, Vec::new()),
            Reason::Undecided => (Note::Undecided, self.undecided_links(x, seen)),
        };
        Step {
            node,
            label,
            note,
            links,
        }
    }

    fn supports(&self, x: usize, from: &[u32], seen: &mut Seen) -> Vec<Link> {
        from.iter()
            .map(|&p| self.link(p as usize, "supports", x, seen))
            .collect()
    }

    /// Every attack on `x`: those that succeed (with the step that shows
    /// their source defeated), then those that fail under the framing.
    fn answered_attacks(&self, x: usize, seen: &mut Seen) -> Vec<Link> {
        let mut links: Vec<Link> = self
            .map
            .attackers_of(x)
            .iter()
            .map(|&y| self.attack(y as usize, x, seen))
            .collect();
        for &(y, t) in self.map.failed_attacks() {
            if t as usize == x {
                let relation = self.attack_relation(y as usize, x);
                links.push(Link {
                    from: self.ids[y as usize].clone(),
                    relation,
                    to: self.ids[x].clone(),
                    fails_under_framing: true,
                    step: None,
                });
            }
        }
        links
    }

    fn attack(&self, y: usize, x: usize, seen: &mut Seen) -> Link {
        let relation = self.attack_relation(y, x);
        self.link(y, relation, x, seen)
    }

    /// For each way of deriving `x`, the first defeated node it rests on.
    fn failed_rules(&self, x: usize, seen: &mut Seen) -> Vec<Link> {
        let mut links = Vec::new();
        for &rule in self.map.rules_of(x) {
            let antecedents = self.map.antecedents(rule);
            if let Some(&p) = antecedents
                .iter()
                .find(|&&p| self.labels[p as usize] == Label::Out)
            {
                links.push(self.link(p as usize, "supports", x, seen));
            }
        }
        links
    }

    /// The undecided attackers of `x`, and the undecided nodes its live
    /// derivations rest on.
    fn undecided_links(&self, x: usize, seen: &mut Seen) -> Vec<Link> {
        let mut links = Vec::new();
        for &y in self.map.attackers_of(x) {
            if self.labels[y as usize] == Label::Undec {
                links.push(self.attack(y as usize, x, seen));
            }
        }
        for &p in self.undecided_antecedents(x) {
            links.push(self.link(p as usize, "supports", x, seen));
        }
        links
    }

    /// The undecided antecedents of the rules of `x` that no defeated node
    /// stops.
    fn undecided_antecedents(&self, x: usize) -> Vec<&u32> {
        let live = |rule: &&u32| {
            let antecedents = self.map.antecedents(**rule);
            !antecedents
                .iter()
                .any(|&p| self.labels[p as usize] == Label::Out)
        };
        let mut found: Vec<&u32> = self
            .map
            .rules_of(x)
            .iter()
            .filter(live)
            .flat_map(|&rule| self.map.antecedents(rule))
            .filter(|&&p| self.labels[p as usize] == Label::Undec)
            .collect();
        found.dedup();
        found
    }

    fn link(&self, from: usize, relation: &'static str, to: usize, seen: &mut Seen) -> Link {
        Link {
            from: self.ids[from].clone(),
            relation,
            to: self.ids[to].clone(),
            fails_under_framing: false,
            step: Some(Box::new(self.step(from, seen.seen, seen.depth))),
        }
    }

    /// How `y` attacks `x` on the map: the kind of the attack edge.
    fn attack_relation(&self, y: usize, x: usize) -> &'static str {
        let kind = self
            .graph
            .incoming(&self.ids[x])
            .find(|e| e.kind() == EdgeKind::Attacks && e.from().id() == self.ids[y])
            .and_then(|e| e.attack());
        match kind {
            Some(AttackKind::Rebut) => "rebuts",
            Some(AttackKind::Undermine) => "undermines",
            Some(AttackKind::Undercut) => "undercuts",
            _ => "attacks",
        }
    }

    /// A cycle of undecided dependencies from `x`: follow the first
    /// undecided attacker or antecedent until a node repeats. O(n + m).
    fn cycle_from(&self, x: usize) -> Vec<String> {
        let mut position = vec![usize::MAX; self.ids.len()];
        let mut path: Vec<usize> = Vec::new();
        let mut at = x;
        loop {
            if position[at] != usize::MAX {
                let mut cycle: Vec<String> = path[position[at]..]
                    .iter()
                    .map(|&y| self.ids[y].clone())
                    .collect();
                cycle.push(self.ids[at].clone());
                return cycle;
            }
            position[at] = path.len();
            path.push(at);
            let attacker = self
                .map
                .attackers_of(at)
                .iter()
                .find(|&&y| self.labels[y as usize] == Label::Undec);
            let next = attacker.or_else(|| self.undecided_antecedents(at).first().copied());
            match next {
                Some(&y) => at = y as usize,
                // Cannot happen in a complete labelling; stop rather than loop.
                None => return Vec::new(),
            }
        }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let framing = match &self.framing {
            Some(framing) => format!("under {framing}"),
            None => "no framing".to_string(),
        };
        writeln!(f, "# {} semantics, {framing}", self.semantics)?;
        write!(f, "{}", self.step.headline())?;
        write_links(f, &self.step.links, 1)?;
        if !self.cycle.is_empty() {
            writeln!(f)?;
            write!(f, "cycle: {}", self.cycle.join(" → "))?;
        }
        Ok(())
    }
}

impl Step {
    /// "`id` is `label`: why", as one line.
    fn headline(&self) -> String {
        let label = self.label.as_str();
        let why = match self.note {
            Note::Premise => "a premise",
            Note::Derived => "derived",
            Note::Defeated => "defeated",
            Note::NoArgument => "every way to derive it rests on a defeated node",
            Note::Circular => "only a circle of supports derives it",
            Note::Undecided => "it depends on undecided nodes",
            Note::SeeAbove => "see above",
            Note::Deeper => "further steps left out",
        };
        match self.note {
            Note::Derived | Note::Defeated => format!("{} is {label}", self.node),
            _ => format!("{} is {label}: {why}", self.node),
        }
    }
}

fn write_links(f: &mut fmt::Formatter<'_>, links: &[Link], depth: usize) -> fmt::Result {
    for link in links {
        writeln!(f)?;
        let indent = "  ".repeat(depth);
        write!(f, "{indent}{} {} {}", link.from, link.relation, link.to)?;
        if link.fails_under_framing {
            write!(f, ": fails under the framing")?;
        }
        if let Some(step) = &link.step {
            write!(f, ": {}", step.headline())?;
            write_links(f, &step.links, depth + 1)?;
        }
    }
    Ok(())
}
