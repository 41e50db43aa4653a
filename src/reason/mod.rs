//! Reasoning on the map: which arguments stand (Dung's extension semantics),
//! how strongly (gradual semantics), and under which framing (value-based
//! perspectives).
//!
//! - On an abstract [`ArgumentationFramework`]: [`grounded`] in O(n + m), and
//!   the [`Reasoner`] for complete, preferred and stable semantics (SAT with
//!   CaDiCaL) — one extension, credulous and skeptical acceptance with
//!   certificates, enumeration with a limit.
//! - On a rich [`ArgumentGraph`](crate::ArgumentGraph): its Dung view
//!   ([`dung_view`], how supports and framings enter it), the gradual
//!   semantics DF-QuAD and quadratic energy ([`gradual`]), evaluation of
//!   every node under a framing ([`evaluate`]) and the side-by-side
//!   [`compare`] of framings.

mod compare;
mod dung;
mod eval;
pub mod gradual;
mod grounded;
mod sat;
mod view;

use std::fmt;
use std::str::FromStr;

use crate::model::ArgumentationFramework;

pub use compare::{compare, Comparison, ComparisonRow};
pub use dung::Reasoner;
pub use eval::{evaluate, Evaluation, Method, NodeVerdict, Status};
pub use gradual::{dfquad, quadratic_energy, Gradual, Strengths};
pub use grounded::grounded;
pub use view::{dung_view, DungView, SupportMode};

/// A Dung semantics (Dung 1995; Baroni, Caminada & Giacomin, *An
/// introduction to argumentation semantics*, Knowledge Engineering Review
/// 26(4), 2011).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Semantics {
    /// The least complete extension: what is beyond doubt. Unique; O(n + m).
    Grounded,
    /// Conflict-free sets that defend exactly their own members.
    Complete,
    /// Maximal (for ⊆) complete extensions: credulous, maximal positions.
    Preferred,
    /// Conflict-free sets attacking everything outside them; may not exist.
    Stable,
}

impl Semantics {
    /// Every semantics, in declaration order.
    pub const ALL: &'static [Semantics] = &[
        Semantics::Grounded,
        Semantics::Complete,
        Semantics::Preferred,
        Semantics::Stable,
    ];

    /// The lowercase name (`"grounded"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Semantics::Grounded => "grounded",
            Semantics::Complete => "complete",
            Semantics::Preferred => "preferred",
            Semantics::Stable => "stable",
        }
    }

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

impl fmt::Display for Semantics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Semantics {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Semantics::ALL
            .iter()
            .copied()
            .find(|sem| sem.as_str().eq_ignore_ascii_case(s) || sem.iccma().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!("unknown semantics {s:?} (expected one of: grounded, complete, preferred, stable)")
            })
    }
}

/// An extension: a set of arguments, as sorted indices.
pub type Extension = Vec<usize>;

/// A label of an argument in a labelling (Caminada 2006).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    /// Accepted.
    In,
    /// Rejected: attacked by an accepted argument.
    Out,
    /// Neither.
    Undec,
}

impl Label {
    /// `"in"`, `"out"` or `"undec"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::In => "in",
            Label::Out => "out",
            Label::Undec => "undec",
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
            for &b in af.attacked_by(a) {
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
}

/// The answer to an acceptance question, with its certificate as ICCMA
/// asks for one: for credulous acceptance, an extension containing the
/// argument when accepted; for skeptical acceptance, an extension without it
/// when rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
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
pub struct Enumeration {
    /// The extensions found (sorted lists, listed in lexicographic order
    /// when `all_found`).
    pub extensions: Vec<Extension>,
    /// `true` if these are all the extensions; `false` if the limit cut
    /// the enumeration short.
    pub all_found: bool,
}
