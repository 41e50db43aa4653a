//! Reasoning on the map: which arguments stand (Dung's extension semantics),
//! how strongly (gradual semantics), and under which framing (value-based
//! perspectives).
//!
//! - On an abstract [`ArgumentationFramework`]: [`grounded`] in O(n + m), and
//!   the [`Reasoner`] for complete, preferred and stable semantics (SAT with
//!   CaDiCaL) — one extension, credulous and skeptical acceptance with
//!   certificates, enumeration with a limit.
//! - On a rich [`ArgumentGraph`](crate::ArgumentGraph): structured
//!   arguments (the default [`SupportMode`]: supports build arguments,
//!   attacks defeat the arguments that use what they attack) or the
//!   bipolar readings, as a Dung view ([`dung_view`]); the gradual
//!   semantics DF-QuAD and quadratic energy ([`gradual`]); and the
//!   [`Evaluator`]: every node's [`Verdict`] under a framing
//!   ([`Evaluator::run`]), under each framing side by side
//!   ([`Evaluator::compare`]), and why, edge by edge
//!   ([`Evaluator::explain`], an [`Explanation`]). Both results serialize to the JSON of
//!   `argraph eval` and `argraph compare`, and an [`Evaluation`] becomes a
//!   diagram's [overlay](Evaluation::overlay).
//!
//! ```
//! # #[cfg(feature = "sat")]
//! # fn main() -> argraph::Result<()> {
//! use argraph::reason::{Evaluator, Method};
//! let mut g = argraph::ArgumentGraph::new();
//! g.framing("off", "Offensive realism")?;
//! g.claim("power", "Russia seeks power.")?;
//! g.claim("security", "Russia seeks security.")?;
//! g.rebuts("power", "security")?;
//! g.rebuts("security", "power")?;
//! g.frames("off", "power")?;
//! let method: Method = "preferred".parse()?;
//! let eval = Evaluator::new(&g).semantics(method).run()?;
//! assert_eq!(eval.verdict("power").unwrap().to_string(), "credulous");
//! let eval = Evaluator::new(&g).semantics(method).framing("off").run()?;
//! assert_eq!(eval.verdict("power").unwrap().to_string(), "skeptical");
//! let c = Evaluator::new(&g).compare(["off"])?;
//! assert!(c.row("security").unwrap().differs()); // undec, then out
//! # Ok(()) }
//! # #[cfg(not(feature = "sat"))] fn main() {}
//! ```

mod audience;
mod compare;
mod dung;
mod eval;
mod explain;
mod framework;
pub mod gradual;
mod grounded;
mod node_ids;
mod sat;
mod structured;
mod view;

use crate::vocabulary::vocabulary;

pub use compare::{Comparison, ComparisonRow};
pub use dung::Reasoner;
pub use eval::{Evaluation, Evaluator, Method, Status, Verdict, DEFAULT_LIMIT};
pub use explain::{Explanation, Link, Note, Step, MAX_DEPTH};
pub use framework::ArgumentationFramework;
pub(crate) use framework::Names;
pub use gradual::{dfquad, quadratic_energy, Gradual, Strengths};
pub use grounded::{grounded, try_grounded};
pub use sat::{SatOptions, SolverConfig, StableEncoding, Stop};
pub use view::{dung_view, DungView, SupportMode};

vocabulary! {
    /// A Dung semantics (Dung 1995; Baroni, Caminada & Giacomin, *An
    /// introduction to argumentation semantics*, Knowledge Engineering Review
    /// 26(4), 2011). Parsed in any case, by name or by ICCMA abbreviation.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Semantics;
    /// assert_eq!("preferred".parse::<Semantics>()?, Semantics::Preferred);
    /// assert_eq!("GR".parse::<Semantics>()?, Semantics::Grounded);
    /// assert_eq!("Stable".parse::<Semantics>()?.iccma(), "ST");
    /// assert!("ideal".parse::<Semantics>().is_err());
    /// # Ok(()) }
    /// ```
    Semantics, "semantics" ignore_case {
        /// The least complete extension: what is beyond doubt. Unique; O(n + m).
        Grounded => "grounded" | "GR",
        /// Conflict-free sets that defend exactly their own members.
        Complete => "complete" | "CO",
        /// Maximal (for ⊆) complete extensions: credulous, maximal positions.
        Preferred => "preferred" | "PR",
        /// Conflict-free sets attacking everything outside them; may not exist.
        Stable => "stable" | "ST",
    }
}

impl Semantics {
    /// The ICCMA abbreviation (`"GR"`, `"CO"`, `"PR"`, `"ST"`).
    pub fn iccma(self) -> &'static str {
        match self {
            Semantics::Grounded => "GR",
            Semantics::Complete => "CO",
            Semantics::Preferred => "PR",
            Semantics::Stable => "ST",
        }
    }
}

/// An extension: a set of arguments, as sorted indices.
pub type Extension = Vec<usize>;

vocabulary! {
    /// A label of an argument in a labelling (Caminada 2006): `"in"`,
    /// `"out"` or `"undec"`.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::reason::Label;
    /// assert_eq!("undec".parse::<Label>()?, Label::Undec);
    /// assert_eq!(Label::In.to_string(), "in");
    /// # Ok(()) }
    /// ```
    Label, "label" {
        /// Accepted.
        In => "in",
        /// Rejected: attacked by an accepted argument.
        Out => "out",
        /// Neither.
        Undec => "undec",
    }
}

/// An in/out/undec labelling of a framework's arguments (Caminada,
/// *On the issue of reinstatement in argumentation*, JELIA 2006). One byte
/// per argument.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Labelling {
    labels: Vec<Label>,
}

impl Labelling {
    pub(crate) fn from_labels(labels: Vec<Label>) -> Labelling {
        Labelling { labels }
    }

    /// The labelling of an extension: its members `In`, what they attack
    /// `Out`, the rest `Undec`. For a complete (preferred, stable, grounded)
    /// extension this is the corresponding complete labelling (Caminada
    /// 2006). O(n + m).
    ///
    /// # Panics
    /// If the extension names an argument outside the framework.
    pub fn of_extension(af: &ArgumentationFramework, extension: &[usize]) -> Labelling {
        let mut labels = vec![Label::Undec; af.len()];
        for &a in extension {
            for &b in af.targets(a) {
                labels[b as usize] = Label::Out;
            }
        }
        for &a in extension {
            labels[a] = Label::In;
        }
        Labelling { labels }
    }

    /// The label of argument `a`.
    ///
    /// # Panics
    /// If `a` is out of range.
    pub fn label(&self, a: usize) -> Label {
        self.labels[a]
    }

    /// All labels, by argument.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// The number of arguments labelled.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// `true` if there are no arguments.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The arguments labelled `In`, sorted. O(n).
    pub fn extension(&self) -> Extension {
        self.with(Label::In)
    }

    /// The arguments with label `label`, sorted. O(n).
    pub fn with(&self, label: Label) -> Vec<usize> {
        (0..self.labels.len())
            .filter(|&a| self.labels[a] == label)
            .collect()
    }

    /// [`with`](Self::with), reserving exactly the memory it needs first
    /// (a grounded extension may hold billions of arguments in no attack):
    /// an error, not an abort, where that memory cannot be had. O(n).
    pub(crate) fn try_with(
        &self,
        label: Label,
    ) -> std::result::Result<Vec<usize>, std::collections::TryReserveError> {
        let count = self.labels.iter().filter(|&&l| l == label).count();
        let mut found = Vec::new();
        found.try_reserve_exact(count)?;
        found.extend((0..self.labels.len()).filter(|&a| self.labels[a] == label));
        Ok(found)
    }
}

/// The answer to an acceptance question, with its certificate as ICCMA
/// asks for one: for credulous acceptance, an extension containing the
/// argument when accepted; for skeptical acceptance, an extension without it
/// when rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Answer {
    /// Whether the argument is accepted.
    pub accepted: bool,
    /// The witness or counter-example extension, when there is one.
    pub certificate: Option<Extension>,
}

impl Answer {
    fn yes(certificate: Option<Extension>) -> Answer {
        Answer {
            accepted: true,
            certificate,
        }
    }

    fn no(certificate: Option<Extension>) -> Answer {
        Answer {
            accepted: false,
            certificate,
        }
    }
}

/// The result of enumerating extensions with a limit.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Enumeration {
    /// The extensions found (sorted lists, listed in lexicographic order
    /// when `all_found`).
    pub extensions: Vec<Extension>,
    /// `true` if these are all the extensions; `false` if the limit cut
    /// the enumeration short.
    pub all_found: bool,
}
