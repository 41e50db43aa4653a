//! Evaluating every node of a rich graph under one semantics and framing.

use std::fmt;
use std::str::FromStr;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use super::explain::{Explainer, Explanation};
use super::gradual::{dfquad, quadratic_energy, Gradual};
use super::node_ids::NodeIds;
use super::structured::{Reason, StructuredMap};
use super::view::{dung_view, SupportMode};
use super::{Extension, Label, Labelling, Reasoner, Semantics};
use crate::error::{Error, ErrorKind, Result};
use crate::model::ArgumentGraph;
use crate::overlay::{AttackMark, Mark, Overlay};
use crate::vocabulary::vocabulary;

/// What to evaluate a graph with: a Dung semantics (on the graph's
/// [Dung view](super::dung_view)) or a gradual one (on its supports and
/// attacks). Parsed from the names of both families.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{Gradual, Method, Semantics};
/// assert_eq!("grounded".parse::<Method>()?, Method::Dung(Semantics::Grounded));
/// assert_eq!("PR".parse::<Method>()?, Method::from(Semantics::Preferred));
/// assert_eq!("energy".parse::<Method>()?, Method::Gradual(Gradual::Energy));
/// assert!("ideal".parse::<Method>().is_err());
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// An extension semantics.
    Dung(Semantics),
    /// A gradual semantics.
    Gradual(Gradual),
}

impl Method {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Dung(s) => s.as_str(),
            Method::Gradual(g) => g.as_str(),
        }
    }
}

impl From<Semantics> for Method {
    fn from(semantics: Semantics) -> Method {
        Method::Dung(semantics)
    }
}

impl From<Gradual> for Method {
    fn from(gradual: Gradual) -> Method {
        Method::Gradual(gradual)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Method> {
        s.parse::<Semantics>()
            .map(Method::Dung)
            .or_else(|_| s.parse::<Gradual>().map(Method::Gradual))
            .map_err(|_| {
                let names = Semantics::ALL.iter().map(|m| m.as_str());
                let names: Vec<&str> = names
                    .chain(Gradual::ALL.iter().map(|g| g.as_str()))
                    .collect();
                Error::unknown_name("semantics", s, &names)
            })
    }
}

impl Serialize for Method {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

vocabulary! {
    /// The acceptance status of an argument under an extension semantics.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Status;
    /// assert_eq!("credulous".parse::<Status>()?, Status::Credulous);
    /// # Ok(()) }
    /// ```
    Status, "status" {
        /// In every extension: skeptically accepted. When there is no
        /// extension at all (only stable semantics can have none) every
        /// argument is, vacuously: one definition with ICCMA's `DS`
        /// task, which answers `YES` then; `argraph eval` says when it is
        /// so.
        Skeptical => "skeptical",
        /// In some extension but not all.
        Credulous => "credulous",
        /// In no extension, where there is at least one.
        Rejected => "rejected",
    }
}

/// One node's verdict: what the [`Method`] says of it. Serialized as the
/// bare label, status or number.
///
/// ```
/// use argraph::reason::{Label, Status, Verdict};
/// let v = Verdict::Label(Label::In);
/// assert_eq!(v.status(), Some(Status::Skeptical)); // grounded `in` is skeptical
/// assert_eq!(v.to_string(), "in");
/// assert_eq!(Verdict::Strength(0.72).to_string(), "0.720");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Verdict {
    /// Grounded semantics: the grounded label.
    Label(Label),
    /// Other extension semantics: skeptical, credulous or rejected.
    Status(Status),
    /// Gradual semantics: the strength in [0, 1].
    Strength(f64),
}

impl Verdict {
    /// The grounded label, for a grounded verdict.
    pub fn label(self) -> Option<Label> {
        match self {
            Verdict::Label(label) => Some(label),
            _ => None,
        }
    }

    /// The status, for an extension semantics: a grounded label `in` is
    /// skeptical, `out` and `undec` are rejected.
    pub fn status(self) -> Option<Status> {
        match self {
            Verdict::Label(Label::In) => Some(Status::Skeptical),
            Verdict::Label(_) => Some(Status::Rejected),
            Verdict::Status(status) => Some(status),
            Verdict::Strength(_) => None,
        }
    }

    /// The strength, for a gradual semantics.
    pub fn strength(self) -> Option<f64> {
        match self {
            Verdict::Strength(x) => Some(x),
            _ => None,
        }
    }

    fn mark(self) -> Mark {
        match self {
            Verdict::Label(Label::In) => Mark::In,
            Verdict::Label(Label::Out) => Mark::Out,
            Verdict::Label(Label::Undec) => Mark::Undec,
            Verdict::Status(Status::Skeptical) => Mark::Skeptical,
            Verdict::Status(Status::Credulous) => Mark::Credulous,
            Verdict::Status(Status::Rejected) => Mark::Rejected,
            Verdict::Strength(x) => Mark::Strength(x),
        }
    }
}

/// The verdict as one short word or number: the label, the status, or the
/// strength to 3 decimals.
impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Label(label) => f.write_str(label.as_str()),
            Verdict::Status(status) => f.write_str(status.as_str()),
            Verdict::Strength(x) => write!(f, "{x:.3}"),
        }
    }
}

/// How many extensions an [`Evaluator`] lists unless told otherwise.
pub const DEFAULT_LIMIT: usize = 1000;

/// Evaluates every node of a graph: the semantics, the framing, how
/// supports count and how many extensions to list are set one by one, each
/// with a default (grounded, no framing, [`SupportMode::Bipolar`],
/// [`DEFAULT_LIMIT`]), then [`run`](Evaluator::run) (one evaluation) or
/// [`compare`](Evaluator::compare) (framings side by side).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{Evaluator, Label, Semantics, SupportMode};
/// let mut g = argraph::ArgumentGraph::new();
/// g.framing("f", "Lens")?;
/// g.claim("a", "A")?;
/// g.claim("b", "Not A")?;
/// g.rebuts("a", "b")?;
/// g.rebuts("b", "a")?;
/// g.frames("f", "a")?;
/// let plain = Evaluator::new(&g).run()?; // grounded, no framing
/// assert_eq!(plain.verdict("a").and_then(|v| v.label()), Some(Label::Undec));
/// let under_f = Evaluator::new(&g)
///     .semantics(Semantics::Grounded)
///     .framing("f")
///     .supports(SupportMode::Bipolar)
///     .limit(100)
///     .run()?;
/// assert_eq!(under_f.verdict("a").and_then(|v| v.label()), Some(Label::In));
/// assert_eq!(under_f.verdict("b").unwrap().to_string(), "out");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct Evaluator<'g> {
    pub(super) graph: &'g ArgumentGraph,
    pub(super) method: Method,
    framing: Option<String>,
    pub(super) support: SupportMode,
    pub(super) limit: usize,
    syntheses: bool,
    declared_only: bool,
}

impl<'g> Evaluator<'g> {
    /// An evaluator of `graph` with the defaults: grounded, no framing,
    /// bipolar supports, at most [`DEFAULT_LIMIT`] extensions listed.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let g = argraph::ArgumentGraph::new();
    /// let eval = argraph::reason::Evaluator::new(&g).run()?;
    /// assert_eq!(eval.method().as_str(), "grounded");
    /// assert!(eval.is_empty());
    /// # Ok(()) }
    /// ```
    pub fn new(graph: &'g ArgumentGraph) -> Evaluator<'g> {
        Evaluator {
            graph,
            method: Method::Dung(Semantics::Grounded),
            framing: None,
            support: SupportMode::default(),
            limit: DEFAULT_LIMIT,
            syntheses: true,
            declared_only: false,
        }
    }

    /// The semantics: a [`Method`], a [`Semantics`] or a [`Gradual`].
    ///
    /// ```
    /// # #[cfg(feature = "sat")]
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::{Evaluator, Gradual};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// let eval = Evaluator::new(&g).semantics(Gradual::DfQuad).run()?;
    /// assert_eq!(eval.verdict("a").and_then(|v| v.strength()), Some(0.5));
    /// let eval = Evaluator::new(&g).semantics("preferred".parse::<argraph::reason::Method>()?).run()?;
    /// assert_eq!(eval.verdict("a").unwrap().to_string(), "skeptical");
    /// # Ok(()) }
    /// # #[cfg(not(feature = "sat"))] fn main() {}
    /// ```
    pub fn semantics(&mut self, method: impl Into<Method>) -> &mut Evaluator<'g> {
        self.method = method.into();
        self
    }

    /// Evaluates under this framing (the id of a framing node): its
    /// audience prefers what it frames (see [`dung_view`]). Checked by
    /// [`run`](Evaluator::run).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// assert!(argraph::reason::Evaluator::new(&g).framing("a").run().is_err()); // not a framing
    /// # Ok(()) }
    /// ```
    pub fn framing(&mut self, id: impl Into<String>) -> &mut Evaluator<'g> {
        self.framing = Some(id.into());
        self
    }

    /// How supports enter the Dung view (default
    /// [`SupportMode::Bipolar`]); gradual semantics always use them.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::{Evaluator, SupportMode};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "C")?;
    /// g.evidence("e", "E")?;
    /// g.claim("x", "X")?;
    /// g.supports("e", "c")?;
    /// g.attacks("x", "e")?;
    /// let plain = Evaluator::new(&g).supports(SupportMode::Ignore).run()?;
    /// assert_eq!(plain.verdict("c").unwrap().to_string(), "in");
    /// let bipolar = Evaluator::new(&g).run()?; // x attacks c through e
    /// assert_eq!(bipolar.verdict("c").unwrap().to_string(), "out");
    /// # Ok(()) }
    /// ```
    pub fn supports(&mut self, support: SupportMode) -> &mut Evaluator<'g> {
        self.support = support;
        self
    }

    /// Lists at most `limit` extensions (default [`DEFAULT_LIMIT`]); the
    /// statuses stay exact beyond it.
    ///
    /// ```
    /// # #[cfg(feature = "sat")]
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::{Evaluator, Semantics};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// g.claim("b", "B")?;
    /// g.rebuts("a", "b")?;
    /// g.rebuts("b", "a")?;
    /// let eval = Evaluator::new(&g).semantics(Semantics::Preferred).limit(1).run()?;
    /// assert_eq!(eval.extensions().map(|e| e.len()), Some(1));
    /// assert!(!eval.all_extensions());
    /// assert_eq!(eval.verdict("a").unwrap().to_string(), "credulous");
    /// # Ok(()) }
    /// # #[cfg(not(feature = "sat"))] fn main() {}
    /// ```
    pub fn limit(&mut self, limit: usize) -> &mut Evaluator<'g> {
        self.limit = limit;
        self
    }

    /// Whether nodes marked as syntheses (the analyst's own, see
    /// [`Node::is_synthesis`](crate::Node::is_synthesis)) take part
    /// (default `true`). Left out, they and their edges are not evaluated,
    /// and results have no verdict for them.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Evaluator;
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("c", "Russia's aims are limited.")?;
    /// g.claim("s", "Overall, a defensive posture.")?.set_synthesis(true);
    /// g.rebuts("s", "c")?;
    /// assert_eq!(Evaluator::new(&g).run()?.verdict("c").unwrap().to_string(), "out");
    /// let sources_only = Evaluator::new(&g).syntheses(false).run()?;
    /// assert_eq!(sources_only.verdict("c").unwrap().to_string(), "in");
    /// assert!(sources_only.verdict("s").is_none());
    /// # Ok(()) }
    /// ```
    pub fn syntheses(&mut self, include: bool) -> &mut Evaluator<'g> {
        self.syntheses = include;
        self
    }

    /// Whether a framing's audience prefers only what the sources declare
    /// it frames (`frames` edges with basis
    /// [`Declared`](crate::FramingBasis::Declared)), rather than every node
    /// it frames (default `false`: every `frames` edge counts).
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Evaluator;
    /// use argraph::FramingBasis;
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.framing("def", "Defensive realism")?;
    /// g.claim("a", "Russia manages threats.")?;
    /// g.claim("b", "Russia seeks to dominate.")?;
    /// g.rebuts("a", "b")?;
    /// g.rebuts("b", "a")?;
    /// g.frames("def", "a")?.set_basis(FramingBasis::Assigned)?;
    /// let all = Evaluator::new(&g).framing("def").run()?;
    /// assert_eq!(all.verdict("a").unwrap().to_string(), "in");
    /// let declared = Evaluator::new(&g).framing("def").declared_framings_only(true).run()?;
    /// assert_eq!(declared.verdict("a").unwrap().to_string(), "undec");
    /// # Ok(()) }
    /// ```
    pub fn declared_framings_only(&mut self, only: bool) -> &mut Evaluator<'g> {
        self.declared_only = only;
        self
    }

    /// The graph as the options have it: the evaluator's own, or a copy
    /// without syntheses or assigned framings. O(1), or O(n + m) to copy.
    pub(super) fn graph_read(&self) -> std::borrow::Cow<'g, ArgumentGraph> {
        if self.syntheses && !self.declared_only {
            return std::borrow::Cow::Borrowed(self.graph);
        }
        let mut g = self.graph.clone();
        if self.declared_only {
            let assigned: Vec<_> = g
                .edges_of_kind(crate::model::EdgeKind::Frames)
                .filter(|e| e.basis() != Some(crate::model::FramingBasis::Declared))
                .map(|e| e.id())
                .collect();
            for e in assigned {
                g.remove_edge(e);
            }
        }
        if !self.syntheses {
            let syntheses: Vec<String> = g
                .nodes()
                .filter(|n| n.is_synthesis())
                .map(|n| n.id().to_string())
                .collect();
            for id in syntheses {
                g.remove_node(&id);
            }
        }
        std::borrow::Cow::Owned(g)
    }

    /// This evaluator on another graph (one [`graph_read`](Self::graph_read) made).
    pub(super) fn on<'h>(&self, graph: &'h ArgumentGraph) -> Evaluator<'h> {
        Evaluator {
            graph,
            method: self.method,
            framing: self.framing.clone(),
            support: self.support,
            limit: self.limit,
            syntheses: true,
            declared_only: false,
        }
    }

    /// Evaluates every node.
    ///
    /// Extension semantics run on the graph's [`dung_view`]: grounded gives
    /// each node its grounded label in O(n + m) after the view; complete,
    /// preferred and stable give statuses computed from the enumerated
    /// extensions when there are at most `limit`, or else by one credulous
    /// and one skeptical SAT query per node through a [`Reasoner`]. Gradual
    /// semantics give strengths ([`dfquad`], [`quadratic_energy`]).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if the
    /// framing is not a framing's id.
    pub fn run(&self) -> Result<Evaluation> {
        let graph = self.graph_read();
        self.on(&graph).run_under(self.framing.as_deref())
    }

    /// Why node `id` has its verdict, edge by edge: see [`Explanation`].
    /// Grounded semantics explain the grounded labelling; complete,
    /// preferred and stable semantics explain one extension: one holding
    /// an argument for the node if there is such an extension, any other
    /// otherwise. O(n + m) for grounded, plus SAT calls for the others.
    ///
    /// ```
    /// # #[cfg(feature = "sat")]
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::{Evaluator, Note, Semantics};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "Russia seeks power.")?;
    /// g.claim("b", "Russia seeks security.")?;
    /// g.rebuts("a", "b")?;
    /// g.rebuts("b", "a")?;
    /// let grounded = Evaluator::new(&g).explain("a")?;
    /// assert_eq!(grounded.step.note, Note::Undecided);
    /// assert_eq!(grounded.cycle, ["a", "b", "a"]);
    /// let preferred = Evaluator::new(&g).semantics(Semantics::Preferred).explain("a")?;
    /// assert_eq!(preferred.step.note, Note::Premise); // in the extension {a}
    /// # Ok(()) }
    /// # #[cfg(not(feature = "sat"))] fn main() {}
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) if `id`
    /// is not a node, the framing not a framing, the semantics gradual or
    /// the support mode not [`SupportMode::Structured`] (explanations follow
    /// structured arguments), or, beyond grounded, if supports run in a
    /// circle or there is no stable extension.
    pub fn explain(&self, id: &str) -> Result<Explanation> {
        let graph = self.graph_read();
        self.on(&graph).explain_read(id)
    }

    /// [`explain`](Self::explain), on the graph as read.
    fn explain_read(&self, id: &str) -> Result<Explanation> {
        let invalid = |msg: String| Err(Error::new(ErrorKind::InvalidInput(msg)));
        let Method::Dung(semantics) = self.method else {
            return invalid(format!(
                "{} gives strengths, not verdicts to explain; explain a verdict of grounded, complete, preferred or stable semantics",
                self.method
            ));
        };
        if self.support != SupportMode::Structured {
            return invalid(format!(
                "explanations follow structured arguments, not the {} support mode",
                self.support
            ));
        }
        let ids: Vec<String> = self.graph.nodes().map(|n| n.id().to_string()).collect();
        let Some(x) = ids.iter().position(|i| i == id) else {
            return invalid(format!("no node {id:?} in the graph"));
        };
        let framing = self.framing.as_deref();
        let map = StructuredMap::new(self.graph, framing)?;
        let (labels, reasons) = if semantics == Semantics::Grounded {
            map.grounded()
        } else {
            let labels = self.extension_labels(&map, &ids, x, semantics)?;
            let reasons = map.reasons_for(&labels);
            (labels, reasons)
        };
        let explainer = Explainer {
            graph: self.graph,
            map: &map,
            ids: &ids,
            labels: &labels,
            reasons: &reasons,
        };
        Ok(explainer.explain(x, semantics.as_str(), framing))
    }

    /// The node labels of one extension of the structured arguments: one
    /// holding node `x` if any does.
    fn extension_labels(
        &self,
        map: &StructuredMap,
        ids: &[String],
        x: usize,
        semantics: Semantics,
    ) -> Result<Vec<Label>> {
        let name = |y: usize| ids[y].clone();
        map.check_acyclic(&name)?;
        let af = map.framework(&name)?;
        let mut reasoner = Reasoner::try_new(&af, semantics)?;
        let extension = match reasoner.credulous(x)?.certificate {
            Some(extension) => extension,
            None => reasoner.some_extension()?.ok_or_else(|| {
                Error::new(ErrorKind::InvalidInput(format!(
                    "there is no {semantics} extension, so nothing to explain"
                )))
            })?,
        };
        let mut labels = Labelling::of_extension(&af, &extension).labels().to_vec();
        labels.truncate(ids.len());
        Ok(labels)
    }

    /// [`run`](Evaluator::run), under `framing` instead of the evaluator's.
    pub(super) fn run_under(&self, framing: Option<&str>) -> Result<Evaluation> {
        let empty = |ids| Evaluation {
            method: self.method,
            framing: framing.map(str::to_string),
            extensions: None,
            all_extensions: true,
            converged: true,
            ids,
            verdicts: Vec::new(),
            attacks: Vec::new(),
        };
        match self.method {
            Method::Gradual(kind) => {
                let strengths = match kind {
                    Gradual::DfQuad => dfquad(self.graph, framing)?,
                    Gradual::Energy => quadratic_energy(self.graph, framing)?,
                };
                let converged = strengths.converged();
                // The strengths' ids serve the evaluation as they are.
                let (ids, values) = strengths.into_ids_and_values();
                let verdicts = values.into_iter().map(Verdict::Strength).collect();
                Ok(Evaluation {
                    converged,
                    verdicts,
                    ..empty(ids)
                })
            }
            Method::Dung(semantics) => {
                let mut eval = empty(NodeIds::of(self.graph));
                self.dung(semantics, framing, &mut eval)?;
                Ok(eval)
            }
        }
    }

    /// Fills `eval`'s verdicts and extensions under an extension semantics.
    fn dung(
        &self,
        semantics: Semantics,
        framing: Option<&str>,
        eval: &mut Evaluation,
    ) -> Result<()> {
        let ids = eval.ids.as_slice();
        let pair = |a: usize, b: usize, mark| (ids[a].clone(), ids[b].clone(), mark);
        if semantics == Semantics::Grounded && self.support == SupportMode::Structured {
            let map = StructuredMap::new(self.graph, framing)?;
            let (labels, reasons) = map.grounded();
            let extension = (0..ids.len()).filter(|&x| labels[x] == Label::In);
            eval.extensions = Some(vec![extension.map(|x| ids[x].clone()).collect()]);
            eval.verdicts = labels.into_iter().map(Verdict::Label).collect();
            for (x, reason) in reasons.into_iter().enumerate() {
                if let Reason::AttackedBy(y) = reason {
                    eval.attacks.push(pair(y as usize, x, AttackMark::Decides));
                }
            }
            for &(y, x) in map.failed_attacks() {
                let failed = pair(y as usize, x as usize, AttackMark::FailsUnderFraming);
                eval.attacks.push(failed);
            }
            return Ok(());
        }
        let view = dung_view(self.graph, self.support, framing)?;
        for &(y, x) in view.failed_attacks() {
            eval.attacks.push(pair(y, x, AttackMark::FailsUnderFraming));
        }
        let mut reasoner = Reasoner::try_new(view.framework(), semantics)?;
        // Under structured supports, arguments past the nodes are auxiliary.
        let names = |extension: &Extension| {
            let nodes = extension.iter().filter(|&&a| a < ids.len());
            nodes.map(|&a| ids[a].clone()).collect()
        };
        if semantics == Semantics::Grounded {
            let labelling = reasoner.grounded();
            eval.verdicts = labelling
                .labels()
                .iter()
                .map(|&l| Verdict::Label(l))
                .collect();
            eval.extensions = Some(vec![names(&labelling.extension())]);
            return Ok(());
        }
        let found = reasoner.extensions(Some(self.limit))?;
        eval.all_extensions = found.all_found;
        eval.extensions = Some(found.extensions.iter().map(names).collect());
        let mut statuses = if found.all_found {
            statuses_of(&found.extensions, view.framework().len())
        } else {
            statuses_by_query(&mut reasoner, ids.len())?
        };
        statuses.truncate(ids.len());
        eval.verdicts = statuses.into_iter().map(Verdict::Status).collect();
        Ok(())
    }
}

/// Each argument's status from the complete list of extensions. O(n + Σ|e|).
fn statuses_of(extensions: &[Extension], n: usize) -> Vec<Status> {
    let mut count = vec![0usize; n];
    for &a in extensions.iter().flatten() {
        count[a] += 1;
    }
    // With no extension every argument is in all of them: skeptical.
    let status = |c: usize| match c {
        c if c == extensions.len() => Status::Skeptical,
        0 => Status::Rejected,
        _ => Status::Credulous,
    };
    count.into_iter().map(status).collect()
}

/// Each argument's status by a credulous and (when accepted) a skeptical
/// query: up to 2n SAT calls.
fn statuses_by_query(reasoner: &mut Reasoner<'_>, n: usize) -> Result<Vec<Status>> {
    let mut statuses = Vec::with_capacity(n);
    // With no extension every argument is skeptically accepted and none
    // credulously (see [`Status::Skeptical`]); asked once, if it matters.
    let mut no_extension = None;
    for a in 0..n {
        statuses.push(if reasoner.credulous(a)?.accepted {
            if reasoner.skeptical(a)?.accepted {
                Status::Skeptical
            } else {
                Status::Credulous
            }
        } else {
            let none = match no_extension {
                Some(none) => none,
                None => *no_extension.insert(reasoner.some_extension()?.is_none()),
            };
            if none {
                Status::Skeptical
            } else {
                Status::Rejected
            }
        });
    }
    Ok(statuses)
}

/// The evaluation of a graph: one [`Verdict`] per node, looked up by id in
/// O(1) or listed in graph order, plus the extensions found (extension
/// semantics) or whether the values converged (gradual semantics). Made by
/// an [`Evaluator`]; serializes to the JSON that `argraph eval --format
/// json` prints.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::{Evaluator, Label, Verdict};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("a", "A")?;
/// g.claim("b", "B")?;
/// g.attacks("a", "b")?;
/// let eval = Evaluator::new(&g).run()?;
/// assert_eq!(eval.verdict("b"), Some(Verdict::Label(Label::Out)));
/// let shown: Vec<String> = eval.iter().map(|(id, v)| format!("{id}={v}")).collect();
/// assert_eq!(shown, ["a=in", "b=out"]);
/// assert_eq!(eval.extensions(), Some(&[vec!["a".to_string()]][..]));
/// let json = serde_json::to_value(&eval).unwrap();
/// assert_eq!(json["nodes"][1]["label"], "out");
/// assert_eq!(json["nodes"][1]["status"], "rejected");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    method: Method,
    framing: Option<String>,
    extensions: Option<Vec<Vec<String>>>,
    all_extensions: bool,
    converged: bool,
    /// Node ids and verdicts, in [`ArgumentGraph::nodes`] order.
    ids: NodeIds,
    verdicts: Vec<Verdict>,
    /// Attacks to mark on a diagram, as (attacker, target) ids.
    attacks: Vec<(String, String, AttackMark)>,
}

impl Evaluation {
    /// The method used.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The framing evaluated under, if any.
    pub fn framing(&self) -> Option<&str> {
        self.framing.as_deref()
    }

    /// Extension semantics: the extensions found, as lists of node ids.
    pub fn extensions(&self) -> Option<&[Vec<String>]> {
        self.extensions.as_deref()
    }

    /// `false` if the limit cut the list of extensions short (the statuses
    /// are exact all the same).
    pub fn all_extensions(&self) -> bool {
        self.all_extensions
    }

    /// Gradual semantics on cyclic graphs: whether the values converged
    /// (always `true` for extension semantics).
    pub fn converged(&self) -> bool {
        self.converged
    }

    /// The verdict of node `id`, if the graph has that node. O(1).
    pub fn verdict(&self, id: &str) -> Option<Verdict> {
        self.ids.position(id).map(|i| self.verdicts[i])
    }

    /// `(id, verdict)` for every node, in [`ArgumentGraph::nodes`] order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, Verdict)> + '_ {
        self.ids
            .as_slice()
            .iter()
            .map(String::as_str)
            .zip(self.verdicts.iter().copied())
    }

    /// The number of nodes evaluated.
    pub fn len(&self) -> usize {
        self.verdicts.len()
    }

    /// `true` if the graph had no nodes.
    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
    }

    /// The evaluation as an [`Overlay`] for a diagram
    /// ([`DotOptions::overlay`](crate::render::DotOptions::overlay)): each
    /// node marked by its verdict, a caption naming the method and the
    /// framing, and a legend of the marks this method gives. O(n).
    ///
    /// ```
    /// # #[cfg(feature = "sat")]
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::overlay::Mark;
    /// use argraph::reason::{Evaluator, Semantics};
    /// let mut g = argraph::ArgumentGraph::new();
    /// g.claim("a", "A")?;
    /// let overlay = Evaluator::new(&g).semantics(Semantics::Stable).run()?.overlay();
    /// assert_eq!(overlay.caption(), "Evaluation: stable, no framing");
    /// assert_eq!(overlay.mark_of("a"), Some(Mark::Skeptical));
    /// assert_eq!(overlay.legend_marks(), [Mark::Skeptical, Mark::Credulous, Mark::Rejected]);
    /// # Ok(()) }
    /// # #[cfg(not(feature = "sat"))] fn main() {}
    /// ```
    pub fn overlay(&self) -> Overlay {
        let caption = match &self.framing {
            Some(f) => format!("Evaluation: {} under framing {f}", self.method),
            None => format!("Evaluation: {}, no framing", self.method),
        };
        let mut overlay = Overlay::new(caption);
        for (id, verdict) in self.iter() {
            overlay.mark(id, verdict.mark());
        }
        for (from, to, mark) in &self.attacks {
            overlay.mark_attack(from.as_str(), to.as_str(), *mark);
        }
        overlay.legend(match self.method {
            Method::Dung(Semantics::Grounded) => [Mark::In, Mark::Out, Mark::Undec],
            Method::Dung(_) => [Mark::Skeptical, Mark::Credulous, Mark::Rejected],
            Method::Gradual(_) => [1.0, 0.5, 0.0].map(Mark::Strength),
        });
        overlay
    }
}

/// `argraph eval --format json`'s document, which other tools read:
/// `semantics`, `framing`, `extensions` (extension semantics) and
/// `extensions_truncated` (only when `true`), `converged` (gradual
/// semantics only), and `nodes`, each with its `id` and its `status`
/// (extension semantics), `label` (grounded) or `strength` (gradual).
impl Serialize for Evaluation {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_map(None)?;
        doc.serialize_entry("semantics", &self.method)?;
        doc.serialize_entry("framing", &self.framing)?;
        if let Some(extensions) = &self.extensions {
            doc.serialize_entry("extensions", extensions)?;
            if !self.all_extensions {
                doc.serialize_entry("extensions_truncated", &true)?;
            }
        }
        if matches!(self.method, Method::Gradual(_)) {
            doc.serialize_entry("converged", &self.converged)?;
        }
        let nodes: Vec<NodeEntry<'_>> = self.iter().map(|(id, v)| NodeEntry(id, v)).collect();
        doc.serialize_entry("nodes", &nodes)?;
        doc.end()
    }
}

/// One node of the evaluation's JSON: its id and verdict, a grounded label
/// with its status.
struct NodeEntry<'a>(&'a str, Verdict);

impl Serialize for NodeEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let NodeEntry(id, verdict) = *self;
        let mut node = serializer.serialize_map(None)?;
        node.serialize_entry("id", id)?;
        if let Some(status) = verdict.status() {
            node.serialize_entry("status", &status)?;
        }
        if let Some(label) = verdict.label() {
            node.serialize_entry("label", &label)?;
        }
        if let Some(x) = verdict.strength() {
            node.serialize_entry("strength", &x)?;
        }
        node.end()
    }
}
