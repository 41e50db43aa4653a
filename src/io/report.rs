//! [`Report`]: what an import or export carried over, and what it did not.

use std::fmt;

use crate::model::ArgumentGraph;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// How much an [`Entry`] of a [`Report`] matters; its name is the word
    /// printed before the entry.
    ///
    /// ```
    /// use argraph::report::Severity;
    /// assert_eq!(Severity::SetAside.as_str(), "set aside");
    /// ```
    #[non_exhaustive]
    Severity, "report severity" {
        /// Something the other format has and argraph's model has no place
        /// for, kept in a node's or edge's `data` (or in an `argraph`
        /// extension key of the written file) so that nothing is lost.
        Kept => "kept",
        /// Something that was deliberately left out (dialogue structure,
        /// layout), counted so that it is not lost without a word.
        SetAside => "set aside",
        /// Something wrong or suspicious in the input (an edge to a missing
        /// node, a duplicate edge, a node without a type) that was worked around.
        Warning => "warning",
    }
}

/// One line of a [`Report`]: a kind of thing, how often it occurred, and
/// the first few places it occurred at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    severity: Severity,
    what: String,
    count: usize,
    examples: Vec<String>,
}

impl Entry {
    /// How much it matters.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// What it is, e.g. `"edge names a node that does not exist"`.
    pub fn what(&self) -> &str {
        &self.what
    }

    /// How many times it occurred.
    pub fn count(&self) -> usize {
        self.count
    }

    /// The first few occurrences (at most [`Report::EXAMPLES`]), each
    /// naming a node or edge id of the input.
    pub fn examples(&self) -> &[String] {
        &self.examples
    }
}

/// What a reader or writer did not carry over one to one: counted warnings
/// about the input, and what was set aside or kept elsewhere. Its
/// `Display` is the summary `argraph convert` prints on standard error.
///
/// Recording is O(number of distinct entries) per call; readers use a
/// handful of entries, so it stays O(1) per input item.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let aif = br#"{"nodes": [{"nodeID": "1", "text": "It rains.", "type": "I"},
///                           {"nodeID": "2", "text": "CL: it rains", "type": "L"}],
///                "edges": [{"edgeID": "1", "fromID": "1", "toID": "99"}],
///                "descriptorfulfillments": [{"nodeID": "1", "descriptorID": "7"}]}"#;
/// let imported = argraph::aif::from_slice(aif)?;
/// assert_eq!(imported.graph.node_count(), 1);
/// let report = &imported.report;
/// assert_eq!(report.warnings(), 1); // the edge to node "99"
/// assert_eq!(report.set_aside(), 1); // the descriptor fulfillment
/// assert!(report.to_string().contains("warning: 1 × edge names a node that does not exist"));
/// assert!(report.to_string().contains("kept: 1 × L (locution) node, kept in the dialogue layer"));
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    entries: Vec<Entry>,
    /// How many records (nodes, edges, statements, arguments, relations)
    /// the input held, as the reader counts them.
    input_records: usize,
}

impl Report {
    /// How many examples an entry keeps.
    pub const EXAMPLES: usize = 3;

    /// An empty report.
    pub fn new() -> Report {
        Report::default()
    }

    /// Every entry, in the order first recorded.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The total count of [`Severity::Warning`] entries.
    pub fn warnings(&self) -> usize {
        self.count_of(Severity::Warning)
    }

    /// The total count of [`Severity::SetAside`] entries.
    pub fn set_aside(&self) -> usize {
        self.count_of(Severity::SetAside)
    }

    /// The count recorded under `what` (any severity), 0 if none.
    pub fn count(&self, what: &str) -> usize {
        self.entries
            .iter()
            .filter(|e| e.what == what)
            .map(|e| e.count)
            .sum()
    }

    /// `true` if nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many records the input held, as the reader counts them (AIF:
    /// node and edge entries; Argdown: statements, arguments and
    /// relations); 0 for readers that keep every record or refuse the
    /// input. A graph with no node read from an input that held records
    /// kept nothing of it, which `convert` refuses.
    ///
    /// ```
    /// let dialogue = br#"{"nodes": [{"nodeID": "1", "text": "Bob: it rains", "type": "L"}], "edges": []}"#;
    /// let imported = argraph::aif::from_slice(dialogue).unwrap();
    /// assert_eq!((imported.graph.node_count(), imported.report.input_records()), (0, 1));
    /// ```
    pub fn input_records(&self) -> usize {
        self.input_records
    }

    pub(crate) fn count_input_records(&mut self, n: usize) {
        self.input_records += n;
    }

    fn count_of(&self, severity: Severity) -> usize {
        self.entries
            .iter()
            .filter(|e| e.severity == severity)
            .map(|e| e.count)
            .sum()
    }

    /// Records `count` more occurrences of `what`, with an example built
    /// only when it will be kept.
    pub(crate) fn add(
        &mut self,
        severity: Severity,
        what: &str,
        count: usize,
        example: impl FnOnce() -> Option<String>,
    ) {
        if count == 0 {
            return;
        }
        let found = self
            .entries
            .iter()
            .position(|e| e.severity == severity && e.what == what);
        let i = found.unwrap_or_else(|| {
            self.entries.push(Entry {
                severity,
                what: what.to_string(),
                count: 0,
                examples: Vec::new(),
            });
            self.entries.len() - 1
        });
        let entry = &mut self.entries[i];
        entry.count += count;
        if entry.examples.len() < Report::EXAMPLES {
            if let Some(ex) = example() {
                entry.examples.push(ex);
            }
        }
    }

    pub(crate) fn warn(&mut self, what: &str, example: impl FnOnce() -> String) {
        self.add(Severity::Warning, what, 1, || Some(example()));
    }

    pub(crate) fn set_aside_one(&mut self, what: &str, example: impl FnOnce() -> String) {
        self.add(Severity::SetAside, what, 1, || Some(example()));
    }

    pub(crate) fn set_aside_n(&mut self, what: &str, count: usize) {
        self.add(Severity::SetAside, what, count, || None);
    }

    pub(crate) fn kept_n(&mut self, what: &str, count: usize) {
        self.add(Severity::Kept, what, count, || None);
    }

    /// Appends another report's entries (merging equal ones) and adds its
    /// count of input records.
    pub fn extend(&mut self, other: Report) {
        self.input_records += other.input_records;
        for e in other.entries {
            let mut examples = e.examples.into_iter();
            self.add(e.severity, &e.what, e.count, || examples.next());
            for ex in examples {
                self.add(e.severity, &e.what, 0, || Some(ex));
            }
        }
    }
}

impl fmt::Display for Report {
    /// One line per entry: `warning: 2 × edge names a node that does not
    /// exist (e.g. …)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for e in &self.entries {
            if !first {
                f.write_str("\n")?;
            }
            first = false;
            write!(f, "{}: {} × {}", e.severity, e.count, e.what)?;
            if !e.examples.is_empty() {
                write!(f, " (e.g. {}", e.examples.join("; "))?;
                if e.count > e.examples.len() {
                    f.write_str("; …")?;
                }
                f.write_str(")")?;
            }
        }
        Ok(())
    }
}

/// A graph read from another format, with the [`Report`] of what was not
/// carried over one to one.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The graph.
    pub graph: ArgumentGraph,
    /// What was set aside, kept in `data`, or worked around.
    pub report: Report,
}

/// Shortens a text for an example in a report (at most 40 characters).
pub(crate) fn short(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        None => format!("{text:?}"),
        Some((i, _)) => format!("{:?}…", &text[..i]),
    }
}
