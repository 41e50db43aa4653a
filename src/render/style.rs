//! The visual language: a shape per node kind, a line style and arrowhead per
//! relation, and two themes. Shapes, line styles and arrowheads carry all
//! the meaning, so a diagram reads the same in colour, in greyscale print
//! and for colour-blind readers; colour only reinforces it.

use crate::model::{AttackKind, EdgeKind, NodeKind};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// The colour scheme of a diagram.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{DotOptions, Theme};
    /// let mut opts = DotOptions::new();
    /// opts.theme(Theme::Mono);
    /// assert_eq!("mono".parse::<Theme>()?, Theme::Mono);
    /// assert_eq!("colour".parse::<Theme>()?, Theme::Color);
    /// # Ok(()) }
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    Theme, "theme" {
        /// The Okabe–Ito palette (Okabe & Ito 2008), distinguishable under the
        /// common colour-vision deficiencies, with light fills per node kind.
        #[default]
        Color => "color" | "colour",
        /// Black on white, for print: only shapes, line styles and arrowheads.
        Mono => "mono" | "monochrome",
    }
}

// Okabe–Ito colours.
const BLUE: &str = "#0072B2";
const VERMILLION: &str = "#D55E00";
const GREEN: &str = "#009E73";
const PURPLE: &str = "#CC79A7";
const GREY: &str = "#555555";

/// How a node of one kind is drawn.
pub(crate) struct NodeStyle {
    pub shape: &'static str,
    pub style: &'static str,
    pub fill: &'static str,
    pub border: &'static str,
    pub penwidth: &'static str,
}

/// How an edge of one relation is drawn.
pub(crate) struct EdgeStyle {
    pub style: &'static str,
    pub arrowhead: &'static str,
    pub color: &'static str,
    pub penwidth: &'static str,
    /// What the legend calls it.
    pub name: &'static str,
}

pub(crate) fn node_style(kind: NodeKind, theme: Theme) -> NodeStyle {
    let mono = theme == Theme::Mono;
    let pick =
        |color: &'static str, mono_color: &'static str| if mono { mono_color } else { color };
    match kind {
        NodeKind::Claim => NodeStyle {
            shape: "box",
            style: "rounded,filled",
            fill: pick("#FFF7D6", "white"),
            border: "black",
            penwidth: "1.2",
        },
        NodeKind::Evidence => NodeStyle {
            shape: "note",
            style: "filled",
            fill: pick("#DDEEF8", "white"),
            border: pick(BLUE, "black"),
            penwidth: "1",
        },
        NodeKind::Framing => NodeStyle {
            shape: "hexagon",
            style: "filled,bold",
            fill: pick("#D5F0E6", "#EEEEEE"),
            border: pick(GREEN, "black"),
            penwidth: "2",
        },
        NodeKind::Argument => NodeStyle {
            shape: "ellipse",
            style: "filled",
            fill: pick("#F6E3EE", "white"),
            border: pick(PURPLE, "black"),
            penwidth: "1",
        },
    }
}

/// The relations a legend shows, in order.
pub(crate) const RELATIONS: &[(EdgeKind, Option<AttackKind>)] = &[
    (EdgeKind::Supports, None),
    (EdgeKind::Attacks, None),
    (EdgeKind::Attacks, Some(AttackKind::Rebut)),
    (EdgeKind::Attacks, Some(AttackKind::Undermine)),
    (EdgeKind::Attacks, Some(AttackKind::Undercut)),
    (EdgeKind::Frames, None),
];

pub(crate) fn edge_style(kind: EdgeKind, attack: Option<AttackKind>, theme: Theme) -> EdgeStyle {
    let mono = theme == Theme::Mono;
    let pick = |color: &'static str| if mono { "black" } else { color };
    match (kind, attack) {
        (EdgeKind::Supports, _) => EdgeStyle {
            style: "solid",
            arrowhead: "normal",
            color: pick(BLUE),
            penwidth: "1.2",
            name: "supports",
        },
        (EdgeKind::Attacks, None) => EdgeStyle {
            style: "dashed",
            arrowhead: "tee",
            color: pick(VERMILLION),
            penwidth: "1.2",
            name: "attacks",
        },
        (EdgeKind::Attacks, Some(AttackKind::Rebut)) => EdgeStyle {
            style: "dashed",
            arrowhead: "tee",
            color: pick(VERMILLION),
            penwidth: "2.4",
            name: "rebuts",
        },
        (EdgeKind::Attacks, Some(AttackKind::Undermine)) => EdgeStyle {
            style: "dashed",
            arrowhead: "teeodot",
            color: pick(VERMILLION),
            penwidth: "1.2",
            name: "undermines",
        },
        (EdgeKind::Attacks, Some(AttackKind::Undercut)) => EdgeStyle {
            style: "dashed",
            arrowhead: "teetee",
            color: pick(VERMILLION),
            penwidth: "1.2",
            name: "undercuts",
        },
        (EdgeKind::Frames, _) => EdgeStyle {
            style: "dotted",
            arrowhead: "onormal",
            color: pick(GREEN),
            penwidth: "1.6",
            name: "frames",
        },
    }
}

/// Colour of secondary text (provenance lines) and cluster borders.
pub(crate) fn muted(theme: Theme) -> &'static str {
    match theme {
        Theme::Color => GREY,
        Theme::Mono => "black",
    }
}

/// Fill of a cluster.
pub(crate) fn cluster_fill(theme: Theme) -> &'static str {
    match theme {
        Theme::Color => "#F7F7F7",
        Theme::Mono => "white",
    }
}
