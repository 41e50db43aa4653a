//! Structured arguments on the map, in the manner of ASPIC+ (Modgil &
//! Prakken, *The ASPIC+ framework for structured argumentation: a
//! tutorial*, Argument & Computation 5(1), 2014).
//!
//! **Arguments.** An argument is a finite derivation on the map:
//!
//! - evidence, framings, and claims or argument nodes that nothing supports
//!   are *premises*: each is an argument on its own;
//! - an argument node (an inference) is derived from *all* of its premises,
//!   the nodes that support it;
//! - a claim that something supports is derived from *any one* of its
//!   supporters: each supporter gives it an independent argument.
//!
//! **Attacks** are drawn between nodes and act on arguments: an `attacks`
//! edge from `y` to `x` lets every argument for `y` attack every argument
//! that *uses* `x`: that concludes `x` (a rebuttal), stands on the premise
//! `x` (an undermining attack) or passes through the inference `x` (an
//! undercut). So an attack on a reason reaches what rests on that reason,
//! and only through the arguments that use it: a claim with another,
//! undefeated argument stands. Under a framing `F` an attack fails when
//! `x` promotes `F` (is `F` or is framed by `F`) and `y` does not, as in
//! the [Dung view](super::dung_view) (ASPIC+'s preference on the attacked
//! sub-argument).
//!
//! **Verdicts** are given per node: a node is `in` (grounded) or accepted
//! (other semantics) when some argument for it is. The grounded labelling is
//! computed on the nodes directly, in O((n + m) · (1 + c)), where `c` is the
//! number of rounds that find a circle of supports resting only on itself
//! (none when supports are acyclic); complete, preferred and stable
//! semantics run on an abstract framework of linear size with auxiliary
//! arguments ([`StructuredMap::framework`]).

use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::audience::{dense_index, preferred_by};
use super::framework::{group_by_key, ArgumentationFramework, Names};
use super::Label;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ArgumentGraph, EdgeKind, NodeKind};

/// Why the grounded labelling gave a node its label: the step of the
/// labelling that decided it, from which an explanation unfolds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    /// `in`: a premise, and every attacker is `out`.
    Premise,
    /// `in`: derived by this rule (every antecedent `in`), and every
    /// attacker is `out`.
    Derived(u32),
    /// `out`: attacked by this `in` node.
    AttackedBy(u32),
    /// `out`: every way of deriving it has an `out` antecedent.
    NoArgument,
    /// `out`: it can only be derived through a circle of supports.
    Circular,
    /// `undec`: neither accepted nor defeated.
    Undecided,
}

/// A map read as structured arguments under a framing (or none): its
/// premises, its rules (how each node is derived), and the attacks that
/// succeed. Nodes are numbered in [`ArgumentGraph::nodes`] order.
#[derive(Clone, Debug)]
pub(crate) struct StructuredMap {
    n: usize,
    premise: Vec<bool>,
    /// Rule `r` derives `rule_owner[r]` from `antecedents[ante_off[r]..ante_off[r + 1]]`.
    rule_owner: Vec<u32>,
    ante_off: Vec<u32>,
    antecedents: Vec<u32>,
    /// The rules of node `x`: `rules[rules_off[x]..rules_off[x + 1]]`.
    rules_off: Vec<u32>,
    rules: Vec<u32>,
    /// The rules that use node `p`: `uses[uses_off[p]..uses_off[p + 1]]`.
    uses_off: Vec<u32>,
    uses: Vec<u32>,
    /// The attacks that succeed, grouped by target and by attacker.
    attackers_off: Vec<u32>,
    attackers: Vec<u32>,
    targets_off: Vec<u32>,
    targets: Vec<u32>,
    /// The attacks that fail under the framing, as `(attacker, target)`.
    failed: Vec<(u32, u32)>,
}

/// Row `i` of a compressed sparse row array with offsets `off`.
fn row(off: &[u32], i: usize) -> std::ops::Range<usize> {
    off[i] as usize..off[i + 1] as usize
}

impl StructuredMap {
    /// Reads `g` as structured arguments under `framing`. O(n + m).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] if `framing` is not a framing's id, or
    /// if the map is too large for 32-bit indices.
    pub(crate) fn new(g: &ArgumentGraph, framing: Option<&str>) -> Result<StructuredMap> {
        let n = g.node_count();
        if n >= u32::MAX as usize || g.edge_count() >= u32::MAX as usize {
            return Err(Error::new(ErrorKind::InvalidInput(
                "the map is too large to evaluate: 2^32 - 1 nodes or edges at most".into(),
            )));
        }
        let index = dense_index(g);
        let promotes = preferred_by(g, &index, framing)?;
        let pg = g.as_petgraph();
        let kinds: Vec<NodeKind> = g.nodes().map(|node| node.kind()).collect();
        // Supports grouped by what they support; attacks split by the framing.
        let (mut sup_to, mut sup_from) = (Vec::new(), Vec::new());
        let (mut att_from, mut att_to, mut failed) = (Vec::new(), Vec::new(), Vec::new());
        for e in pg.edge_references() {
            let (a, b) = (index(e.source()) as u32, index(e.target()) as u32);
            match e.weight().kind() {
                EdgeKind::Supports => {
                    sup_to.push(b);
                    sup_from.push(a);
                }
                EdgeKind::Attacks if promotes[b as usize] && !promotes[a as usize] => {
                    failed.push((a, b));
                }
                EdgeKind::Attacks => {
                    att_from.push(a);
                    att_to.push(b);
                }
                EdgeKind::Frames => {}
            }
        }
        failed.sort_unstable();
        let (sup_off, supporters) = group_by_key(n, &sup_to, sup_from)?;
        let mut map = StructuredMap {
            n,
            premise: vec![false; n],
            rule_owner: Vec::new(),
            ante_off: vec![0],
            antecedents: Vec::new(),
            rules_off: Vec::new(),
            rules: Vec::new(),
            uses_off: Vec::new(),
            uses: Vec::new(),
            attackers_off: Vec::new(),
            attackers: Vec::new(),
            targets_off: Vec::new(),
            targets: Vec::new(),
            failed,
        };
        for (x, &kind) in kinds.iter().enumerate() {
            let reasons = &supporters[row(&sup_off, x)];
            map.add_rules(x as u32, kind, reasons);
        }
        map.index_rules()?;
        let (off, by_target) = group_by_key(n, &att_to, att_from.clone())?;
        (map.attackers_off, map.attackers) = (off, by_target);
        let (off, by_attacker) = group_by_key(n, &att_from, att_to)?;
        (map.targets_off, map.targets) = (off, by_attacker);
        Ok(map)
    }

    /// The rules of node `x` of `kind`, supported by `reasons`: a premise
    /// has none; an inference is derived from all its reasons together, a
    /// claim from any one of them.
    fn add_rules(&mut self, x: u32, kind: NodeKind, reasons: &[u32]) {
        let derived = !reasons.is_empty() && matches!(kind, NodeKind::Claim | NodeKind::Argument);
        self.premise[x as usize] = !derived;
        if !derived {
            return;
        }
        let mut rule = |antecedents: &[u32]| {
            self.rule_owner.push(x);
            self.antecedents.extend_from_slice(antecedents);
            self.ante_off.push(self.antecedents.len() as u32);
        };
        if kind == NodeKind::Argument {
            rule(reasons);
        } else {
            for &reason in reasons {
                rule(&[reason]);
            }
        }
    }

    /// Groups the rules by the node they derive and by the nodes they use.
    fn index_rules(&mut self) -> Result<()> {
        let ids: Vec<u32> = (0..self.rule_owner.len() as u32).collect();
        (self.rules_off, self.rules) = group_by_key(self.n, &self.rule_owner, ids)?;
        let mut users = Vec::with_capacity(self.antecedents.len());
        for r in 0..self.rule_owner.len() {
            let count = self.ante_off[r + 1] - self.ante_off[r];
            users.extend(std::iter::repeat_n(r as u32, count as usize));
        }
        (self.uses_off, self.uses) = group_by_key(self.n, &self.antecedents, users)?;
        Ok(())
    }

    /// The node rule `r` derives.
    pub(crate) fn owner(&self, r: u32) -> usize {
        self.rule_owner[r as usize] as usize
    }

    /// The antecedents of rule `r`.
    pub(crate) fn antecedents(&self, r: u32) -> &[u32] {
        &self.antecedents[row(&self.ante_off, r as usize)]
    }

    /// The rules deriving node `x`.
    pub(crate) fn rules_of(&self, x: usize) -> &[u32] {
        &self.rules[row(&self.rules_off, x)]
    }

    /// The rules that use node `p`.
    fn uses_of(&self, p: usize) -> &[u32] {
        &self.uses[row(&self.uses_off, p)]
    }

    /// The nodes whose attacks on `x` succeed.
    pub(crate) fn attackers_of(&self, x: usize) -> &[u32] {
        &self.attackers[row(&self.attackers_off, x)]
    }

    /// The nodes `y` attacks successfully.
    fn targets_of(&self, y: usize) -> &[u32] {
        &self.targets[row(&self.targets_off, y)]
    }

    /// The attacks that fail under the framing, as `(attacker, target)`.
    pub(crate) fn failed_attacks(&self) -> &[(u32, u32)] {
        &self.failed
    }

    /// The grounded labelling of the nodes, with the reason for each label.
    /// A node is `in` when some argument for it is in the grounded
    /// extension of the arguments, `out` when every argument for it is
    /// defeated by one that is (or it has none), `undec` otherwise: the
    /// well-founded reading (Caminada, Sá, Alcântara & Dvořák, *On the
    /// equivalence between logic programming semantics and argumentation
    /// semantics*, IJAR 58, 2015).
    ///
    /// Propagation as in [`grounded`](super::grounded), with a count per
    /// rule of antecedents not yet `in` and per node of rules still alive;
    /// when it stops, nodes that only a circle of supports could derive are
    /// `out`, and propagation resumes. O((n + m) · (1 + c)) for `c` such
    /// rounds; no recursion.
    pub(crate) fn grounded(&self) -> (Vec<Label>, Vec<Reason>) {
        let mut run = Propagation::new(self);
        loop {
            run.propagate();
            if !run.defeat_circular() {
                break;
            }
        }
        (run.labels, run.reasons)
    }

    /// The reason for each label of a complete labelling of the nodes
    /// (from an extension of [`framework`](Self::framework)): `in` by a
    /// premise or a rule whose antecedents are all `in`; `out` by an `in`
    /// attacker, or by a defeated antecedent in every rule. O(n + m).
    pub(crate) fn reasons_for(&self, labels: &[Label]) -> Vec<Reason> {
        let is = |p: &u32, label: Label| labels[*p as usize] == label;
        (0..self.n)
            .map(|x| match labels[x] {
                Label::In if self.premise[x] => Reason::Premise,
                Label::In => self
                    .rules_of(x)
                    .iter()
                    .find(|&&r| self.antecedents(r).iter().all(|p| is(p, Label::In)))
                    .map_or(Reason::Undecided, |&r| Reason::Derived(r)),
                Label::Out => match self.attackers_of(x).iter().find(|y| is(y, Label::In)) {
                    Some(&y) => Reason::AttackedBy(y),
                    None if self.premise[x] => Reason::Undecided,
                    None => Reason::NoArgument,
                },
                Label::Undec => Reason::Undecided,
            })
            .collect()
    }

    /// Checks that no circle of supports derives a node from itself, which
    /// the auxiliary framework of [`framework`](Self::framework) cannot
    /// represent. O(n + m).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the nodes of a circle.
    pub(crate) fn check_acyclic(&self, name: &dyn Fn(usize) -> String) -> Result<()> {
        // Kahn's algorithm on antecedent → owner.
        let mut waiting: Vec<u32> = (0..self.rule_owner.len())
            .map(|r| self.antecedents(r as u32).len() as u32)
            .collect();
        let mut open: Vec<u32> = (0..self.n).map(|x| self.rules_of(x).len() as u32).collect();
        let mut done: Vec<bool> = self.premise.clone();
        let mut stack: Vec<usize> = (0..self.n).filter(|&x| done[x]).collect();
        while let Some(p) = stack.pop() {
            for &r in self.uses_of(p) {
                waiting[r as usize] -= 1;
                if waiting[r as usize] == 0 {
                    let x = self.owner(r);
                    open[x] -= 1;
                    if !done[x] && open[x] == 0 {
                        done[x] = true;
                        stack.push(x);
                    }
                }
            }
        }
        let Some(start) = (0..self.n).find(|&x| !done[x]) else {
            return Ok(());
        };
        // Every node not done has a rule with an antecedent not done: follow them to a repeat.
        let mut seen = vec![usize::MAX; self.n];
        let mut path = Vec::new();
        let mut x = start;
        while seen[x] == usize::MAX {
            seen[x] = path.len();
            path.push(x);
            x = self
                .rules_of(x)
                .iter()
                .flat_map(|&r| self.antecedents(r))
                .map(|&p| p as usize)
                .find(|&p| !done[p])
                .expect("a node not done has an antecedent not done");
        }
        let circle: Vec<String> = path[seen[x]..].iter().map(|&y| name(y)).collect();
        Err(Error::new(ErrorKind::InvalidInput(format!(
            "supports run in a circle ({} → {}): structured arguments are finite, and only the grounded semantics reads such a circle; use grounded or another support mode",
            circle.join(" → "),
            circle[0]
        ))))
    }

    /// An abstract framework whose extensions are those of the structured
    /// arguments, when supports are acyclic (see
    /// [`check_acyclic`](Self::check_acyclic)): argument `x < n` is node
    /// `x` ("some argument for `x` holds"); then, for each derived node,
    /// "`x` has no argument" (attacking `x`); for each node used in a rule,
    /// "`p` does not hold" (attacked by `p`); and for each rule, "rule `r`
    /// applies" (attacked by "`p` does not hold" for each antecedent `p`,
    /// attacking "its node has no argument"). Node attacks stay as they
    /// are. O(n + m) arguments and attacks.
    pub(crate) fn framework(
        &self,
        name: &dyn Fn(usize) -> String,
    ) -> Result<ArgumentationFramework> {
        let mut names = Names::table();
        for x in 0..self.n {
            names.push(&name(x));
        }
        let (mut src, mut dst) = (Vec::new(), Vec::new());
        for y in 0..self.n {
            for &x in self.targets_of(y) {
                src.push(y as u32);
                dst.push(x);
            }
        }
        let mut next = self.n as u32;
        let mut fresh = |label: String, names: &mut Names| {
            names.push(&label);
            next += 1;
            next - 1
        };
        let mut no_argument = vec![u32::MAX; self.n];
        for x in (0..self.n).filter(|&x| !self.premise[x]) {
            no_argument[x] = fresh(format!("{} has no argument", name(x)), &mut names);
            src.push(no_argument[x]);
            dst.push(x as u32);
        }
        let mut not_holding = vec![u32::MAX; self.n];
        for p in (0..self.n).filter(|&p| !self.uses_of(p).is_empty()) {
            not_holding[p] = fresh(format!("{} does not hold", name(p)), &mut names);
            src.push(p as u32);
            dst.push(not_holding[p]);
        }
        for r in 0..self.rule_owner.len() as u32 {
            let owner = self.owner(r);
            let applies = fresh(format!("rule {r} for {} applies", name(owner)), &mut names);
            for &p in self.antecedents(r) {
                src.push(not_holding[p as usize]);
                dst.push(applies);
            }
            src.push(applies);
            dst.push(no_argument[owner]);
        }
        ArgumentationFramework::from_parts(next, names, src, dst)
    }
}

/// The state of the grounded propagation on a [`StructuredMap`].
struct Propagation<'m> {
    map: &'m StructuredMap,
    labels: Vec<Label>,
    reasons: Vec<Reason>,
    /// Per node: attackers not yet `out`.
    open_attackers: Vec<u32>,
    /// Per node: rules none of whose antecedents is `out`.
    live_rules: Vec<u32>,
    /// Per node: a rule whose antecedents are all `in`, if any.
    complete_rule: Vec<u32>,
    /// Per rule: antecedents not yet `in`; and whether one is `out`.
    missing: Vec<u32>,
    dead: Vec<bool>,
    /// Nodes just labelled, whose consequences are still to draw.
    stack: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'m> Propagation<'m> {
    fn new(map: &'m StructuredMap) -> Propagation<'m> {
        let n = map.n;
        let rules = map.rule_owner.len();
        let mut run = Propagation {
            map,
            labels: vec![Label::Undec; n],
            reasons: vec![Reason::Undecided; n],
            open_attackers: (0..n).map(|x| map.attackers_of(x).len() as u32).collect(),
            live_rules: (0..n).map(|x| map.rules_of(x).len() as u32).collect(),
            complete_rule: vec![NONE; n],
            missing: (0..rules)
                .map(|r| map.antecedents(r as u32).len() as u32)
                .collect(),
            dead: vec![false; rules],
            stack: Vec::new(),
        };
        for x in 0..n {
            if map.premise[x] && run.open_attackers[x] == 0 {
                run.label(x, Label::In, Reason::Premise);
            }
        }
        run
    }

    fn label(&mut self, x: usize, label: Label, reason: Reason) {
        self.labels[x] = label;
        self.reasons[x] = reason;
        self.stack.push(x as u32);
    }

    /// Labels `x` `in` if nothing stops it any more.
    fn try_in(&mut self, x: usize) {
        if self.labels[x] != Label::Undec || self.open_attackers[x] != 0 {
            return;
        }
        if self.map.premise[x] {
            self.label(x, Label::In, Reason::Premise);
        } else if self.complete_rule[x] != NONE {
            self.label(x, Label::In, Reason::Derived(self.complete_rule[x]));
        }
    }

    fn propagate(&mut self) {
        while let Some(x) = self.stack.pop() {
            let x = x as usize;
            if self.labels[x] == Label::In {
                self.after_in(x);
            } else {
                self.after_out(x);
            }
        }
    }

    fn after_in(&mut self, x: usize) {
        let map = self.map;
        for &t in map.targets_of(x) {
            if self.labels[t as usize] == Label::Undec {
                self.label(t as usize, Label::Out, Reason::AttackedBy(x as u32));
            }
        }
        for &r in map.uses_of(x) {
            self.missing[r as usize] -= 1;
            if self.missing[r as usize] == 0 {
                let owner = map.owner(r);
                if self.complete_rule[owner] == NONE {
                    self.complete_rule[owner] = r;
                }
                self.try_in(owner);
            }
        }
    }

    fn after_out(&mut self, x: usize) {
        let map = self.map;
        for &t in map.targets_of(x) {
            self.open_attackers[t as usize] -= 1;
            self.try_in(t as usize);
        }
        for &r in map.uses_of(x) {
            if std::mem::replace(&mut self.dead[r as usize], true) {
                continue;
            }
            let owner = map.owner(r);
            self.live_rules[owner] -= 1;
            if self.live_rules[owner] == 0 && self.labels[owner] == Label::Undec {
                self.label(owner, Label::Out, Reason::NoArgument);
            }
        }
    }

    /// Labels `out` the undecided nodes that no derivation free of `out`
    /// nodes reaches (a circle of supports resting on itself: an unfounded
    /// set). Whether it labelled any. O(n + m).
    fn defeat_circular(&mut self) -> bool {
        let map = self.map;
        let mut reachable = vec![false; map.n];
        let mut waiting: Vec<u32> = (0..map.rule_owner.len())
            .map(|r| map.antecedents(r as u32).len() as u32)
            .collect();
        let mut stack: Vec<usize> = (0..map.n)
            .filter(|&x| map.premise[x] && self.labels[x] != Label::Out)
            .collect();
        for &x in &stack {
            reachable[x] = true;
        }
        while let Some(p) = stack.pop() {
            for &r in map.uses_of(p) {
                waiting[r as usize] -= 1;
                let owner = map.owner(r);
                if waiting[r as usize] == 0
                    && !self.dead[r as usize]
                    && !reachable[owner]
                    && self.labels[owner] != Label::Out
                {
                    reachable[owner] = true;
                    stack.push(owner);
                }
            }
        }
        let unfounded: Vec<usize> = (0..map.n)
            .filter(|&x| self.labels[x] == Label::Undec && !reachable[x])
            .collect();
        for &x in &unfounded {
            self.label(x, Label::Out, Reason::Circular);
        }
        !unfounded.is_empty()
    }
}
