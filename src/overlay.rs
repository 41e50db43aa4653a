//! What a diagram draws on top of the map: one mark per node (a verdict or a
//! strength) and a caption. Neutral ground between the reasoning that finds
//! the marks and the renderer that draws them: reason fills an [`Overlay`]
//! ([`Evaluation::overlay`](crate::reason::Evaluation::overlay)), render
//! draws one ([`DotOptions::overlay`](crate::render::DotOptions::overlay)),
//! and neither knows the other.

use std::collections::HashMap;

/// What is drawn on one node.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Mark {
    /// Grounded label `in`: accepted.
    In,
    /// Grounded label `out`: attacked by an accepted argument.
    Out,
    /// Grounded label `undec`: neither.
    Undec,
    /// In every extension.
    Skeptical,
    /// In some extension, not all.
    Credulous,
    /// In no extension.
    Rejected,
    /// A gradual strength in [0, 1].
    Strength(f64),
}

/// Marks by node id, a caption, and the marks the legend explains.
///
/// ```
/// use argraph::overlay::{Mark, Overlay};
/// let mut overlay = Overlay::new("Evaluation: grounded, no framing");
/// overlay.mark("c1", Mark::In).mark("c2", Mark::Out);
/// overlay.legend([Mark::In, Mark::Out, Mark::Undec]);
/// assert_eq!(overlay.mark_of("c1"), Some(Mark::In));
/// assert_eq!(overlay.mark_of("c3"), None);
/// assert_eq!(overlay.legend_marks().len(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    caption: String,
    marks: HashMap<String, Mark>,
    legend: Vec<Mark>,
}

impl Overlay {
    /// An overlay with this caption and no marks.
    pub fn new(caption: impl Into<String>) -> Overlay {
        Overlay {
            caption: caption.into(),
            ..Overlay::default()
        }
    }

    /// Marks node `id` (replacing an earlier mark).
    pub fn mark(&mut self, id: impl Into<String>, mark: Mark) -> &mut Overlay {
        self.marks.insert(id.into(), mark);
        self
    }

    /// Sets the marks the legend explains, in order.
    pub fn legend(&mut self, marks: impl IntoIterator<Item = Mark>) -> &mut Overlay {
        self.legend = marks.into_iter().collect();
        self
    }

    /// The caption.
    pub fn caption(&self) -> &str {
        &self.caption
    }

    /// The mark of node `id`, if it has one. O(1).
    pub fn mark_of(&self, id: &str) -> Option<Mark> {
        self.marks.get(id).copied()
    }

    /// The marks the legend explains.
    pub fn legend_marks(&self) -> &[Mark] {
        &self.legend
    }

    /// The number of marked nodes.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// `true` if no node is marked.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}
