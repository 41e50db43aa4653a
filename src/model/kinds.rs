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

vocabulary! {
    /// Who reads a node through a framing: the source itself, or the
    /// analyst who made the map. Set on `frames` edges.
    ///
    /// ```
    /// use argraph::FramingBasis;
    /// assert_eq!("declared".parse::<FramingBasis>().unwrap(), FramingBasis::Declared);
    /// ```
    FramingBasis, "framing basis" {
        /// The source declares the framing (e.g. an article that says it
        /// argues from offensive realism).
        Declared => "declared",
        /// The analyst assigns the framing by the content of the claim.
        Assigned => "assigned",
    }
}

impl AttackKind {
    /// The subtype an attack has by the kind of node it attacks, for
    /// formats that do not say: a claim is rebutted, evidence undermined,
    /// an argument node undercut; a framing is attacked without a subtype.
    ///
    /// ```
    /// use argraph::{AttackKind, NodeKind};
    /// assert_eq!(AttackKind::implied_by(NodeKind::Evidence), Some(AttackKind::Undermine));
    /// assert_eq!(AttackKind::implied_by(NodeKind::Framing), None);
    /// ```
    pub fn implied_by(target: NodeKind) -> Option<AttackKind> {
        match target {
            NodeKind::Argument => Some(AttackKind::Undercut),
            NodeKind::Evidence => Some(AttackKind::Undermine),
            NodeKind::Claim => Some(AttackKind::Rebut),
            NodeKind::Framing => None,
        }
    }
}

impl NodeKind {
    /// The leaf-premise rule by which formats without node kinds tell
    /// evidence from claims: evidence supports something and nothing
    /// supports it.
    pub(crate) fn is_leaf_premise(supports_in: usize, supports_out: usize) -> bool {
        supports_out > 0 && supports_in == 0
    }
}
