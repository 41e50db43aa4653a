//! The closed vocabularies of the model: node kinds, edge kinds, attack subtypes.

use crate::vocabulary::vocabulary;

vocabulary! {
    /// What a node is.
    ///
    /// ```
    /// use argraph::NodeKind;
    /// assert_eq!("framing".parse::<NodeKind>().unwrap(), NodeKind::Framing);
    /// assert_eq!(NodeKind::Evidence.as_str(), "evidence");
    /// ```
    NodeKind, "node kind" {
        /// A statement put forward: a thesis, finding, hypothesis or conclusion.
        Claim => "claim",
        /// A reported fact or observation, usually anchored in a source.
        Evidence => "evidence",
        /// A theoretical lens (e.g. offensive realism) through which claims read the evidence.
        Framing => "framing",
        /// An inference node joining linked premises (its supporters) to a conclusion (what it supports).
        Argument => "argument",
    }
}

vocabulary! {
    /// What an edge says about its endpoints.
    ///
    /// ```
    /// use argraph::EdgeKind;
    /// assert_eq!("attacks".parse::<EdgeKind>().unwrap(), EdgeKind::Attacks);
    /// assert!("refutes".parse::<EdgeKind>().is_err());
    /// ```
    EdgeKind, "edge kind" {
        /// `from` gives a reason for `to` (or is a premise of the argument node `to`).
        Supports => "supports",
        /// `from` gives a reason against `to`.
        Attacks => "attacks",
        /// The framing `from` is the lens through which `to` (a claim or argument) reads the evidence.
        Frames => "frames",
    }
}

vocabulary! {
    /// The subtype of an attack, after Pollock and Prakken's ASPIC+.
    ///
    /// ```
    /// use argraph::AttackKind;
    /// assert_eq!("undercut".parse::<AttackKind>().unwrap(), AttackKind::Undercut);
    /// ```
    AttackKind, "attack subtype" {
        /// Attacks the conclusion: argues for its contrary.
        Rebut => "rebut",
        /// Attacks a premise or a piece of evidence.
        Undermine => "undermine",
        /// Attacks the inference itself (typically an argument node): the premises may hold, yet not lead to the conclusion.
        Undercut => "undercut",
    }
}
