//! What a diagram draws on top of the map: one mark per node (a verdict or a
//! strength), a note per node (such as what a view left out around it) and
//! a caption. Neutral ground between the reasoning that finds
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

/// What is drawn on one attack edge of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttackMark {
    /// The attack decides its target's verdict: an accepted attacker
    /// defeats it (drawn bold).
    Decides,
    /// The attack fails under the framing: its target promotes the framing
    /// and its source does not (drawn faint and dotted).
    FailsUnderFraming,
}

/// Marks by node id, marks on attack edges, a caption, and the marks the
/// legend explains.
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
    attacks: HashMap<(String, String), AttackMark>,
    notes: HashMap<String, String>,
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

    /// Marks the attack edges from `from` to `to` (replacing an earlier
    /// mark).
    ///
    /// ```
    /// use argraph::overlay::{AttackMark, Overlay};
    /// let mut overlay = Overlay::new("Evaluation: grounded under framing f");
    /// overlay.mark_attack("x", "c", AttackMark::FailsUnderFraming);
    /// assert_eq!(overlay.attack_mark_of("x", "c"), Some(AttackMark::FailsUnderFraming));
    /// assert_eq!(overlay.attack_mark_of("c", "x"), None);
    /// ```
    pub fn mark_attack(
        &mut self,
        from: impl Into<String>,
        to: impl Into<String>,
        mark: AttackMark,
    ) -> &mut Overlay {
        self.attacks.insert((from.into(), to.into()), mark);
        self
    }

    /// Adds a note under node `id`'s label (replacing an earlier note):
    /// what a view left out around the node, say. Its lines are separated
    /// by `\n`; a renderer may wrap each.
    ///
    /// ```
    /// use argraph::overlay::Overlay;
    /// let mut overlay = Overlay::new("View: around c");
    /// overlay.note("c", "+7 more supporters");
    /// assert_eq!(overlay.note_of("c"), Some("+7 more supporters"));
    /// assert_eq!(overlay.note_of("d"), None);
    /// ```
    pub fn note(&mut self, id: impl Into<String>, text: impl Into<String>) -> &mut Overlay {
        self.notes.insert(id.into(), text.into());
        self
    }

    /// The note of node `id`, if it has one. O(1).
    pub fn note_of(&self, id: &str) -> Option<&str> {
        self.notes.get(id).map(String::as_str)
    }

    /// The mark of the attack edges from `from` to `to`, if any. O(1).
    pub fn attack_mark_of(&self, from: &str, to: &str) -> Option<AttackMark> {
        // Keyed by owned pairs; a lookup builds one (ids are short).
        self.attacks
            .get(&(from.to_string(), to.to_string()))
            .copied()
    }

    /// Whether any attack edge is marked (the legend then explains them).
    pub fn marks_attacks(&self) -> bool {
        !self.attacks.is_empty()
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
