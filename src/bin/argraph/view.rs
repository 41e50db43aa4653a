//! The view options of `dot`, `render` and `eval`: which part of the graph
//! they show. Each option narrows the view; together they keep the nodes
//! that every one of them keeps.

use argraph::overlay::Overlay;
use argraph::{ArgumentGraph, NodeKind, View};

/// The options that choose a part of the graph (`--framing`, which each
/// command declares itself, comes in through [`ViewArgs::select`]).
#[derive(clap::Args)]
#[command(next_help_heading = "Showing a part of the graph (options combine: what all keep)")]
pub struct ViewArgs {
    /// Only these nodes and their neighbours up to --depth edges away, in
    /// either direction (ids separated by commas).
    #[arg(long, value_name = "ID,…", value_delimiter = ',')]
    focus: Vec<String>,
    /// With --focus: how many edges away from the focus nodes to show.
    #[arg(long, value_name = "K", default_value_t = 1, requires = "focus")]
    depth: usize,
    /// Only the nodes that carry this tag (e.g. period:soviet-1979-1989).
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// Only the nodes whose provenance cites this source (a source id).
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// Only the nodes of these kinds: claim, evidence, framing, argument
    /// (separated by commas).
    #[arg(long, value_name = "KIND,…", value_delimiter = ',', value_parser = str::parse::<NodeKind>)]
    kind: Vec<NodeKind>,
}

/// What the view options chose.
pub enum Selection {
    /// No view option: the whole graph.
    Whole,
    /// A part of the graph, and what it is.
    Part {
        /// The part, with what it left out around each node (boxed: the
        /// other variants are small).
        view: Box<View>,
        /// Which part: `tag period:x; kind claim`, then how many nodes it
        /// keeps: `(4 of 90 nodes)`.
        what: String,
    },
    /// Options that keep no node, or name what the graph lacks: the
    /// message says which (exit status 1).
    Refused(String),
}

/// At most this many tags or source ids are listed in a refusal.
const LISTED: usize = 10;

impl ViewArgs {
    /// The part of `g` the options (and `framing`, the view of a framing)
    /// choose. O(n + m) per option given.
    ///
    /// # Errors
    /// A focus id that is not a node's, or a framing that is not a
    /// framing's (the library's errors).
    pub fn select(&self, g: &ArgumentGraph, framing: Option<&str>) -> argraph::Result<Selection> {
        let mut parts = Vec::new();
        let mut views = Vec::new();
        if !self.focus.is_empty() {
            views.push(g.neighbourhood(self.focus.iter().map(String::as_str), self.depth)?);
            let edges = if self.depth == 1 { "edge" } else { "edges" };
            let focus = self.focus.join(", ");
            parts.push(format!("within {} {edges} of {focus}", self.depth));
        }
        if let Some(framing) = framing {
            views.push(g.framing_view(framing)?);
            parts.push(format!(
                "framing {framing} and what supports or attacks what it frames"
            ));
        }
        if let Some(tag) = &self.tag {
            if !g.nodes().any(|n| n.has_tag(tag)) {
                return Ok(Selection::Refused(unknown_tag(g, tag)));
            }
            parts.push(format!("tag {tag}"));
        }
        if let Some(source) = &self.source {
            if g.source(source).is_none() {
                return Ok(Selection::Refused(unknown_source(g, source)));
            }
            parts.push(format!("citing {source}"));
        }
        if !self.kind.is_empty() {
            let kinds: Vec<&str> = self.kind.iter().map(|k| k.as_str()).collect();
            parts.push(format!("kind {}", kinds.join(" or ")));
        }
        if parts.is_empty() {
            return Ok(Selection::Whole);
        }
        let view = g.subgraph(|n| {
            views.iter().all(|v| v.contains(n.id()))
                && self.tag.as_ref().is_none_or(|t| n.has_tag(t))
                && self
                    .source
                    .as_ref()
                    .is_none_or(|s| n.provenance().iter().any(|p| &p.source == s))
                && (self.kind.is_empty() || self.kind.contains(&n.kind()))
        });
        let what = parts.join("; ");
        if view.graph().is_empty() {
            return Ok(Selection::Refused(format!(
                "the view is empty: no node is {what}; drop an option or widen --depth"
            )));
        }
        let what = format!(
            "{what} ({} of {} nodes)",
            view.graph().node_count(),
            g.node_count()
        );
        Ok(Selection::Part {
            view: Box::new(view),
            what,
        })
    }
}

/// Notes what the view left out around each of its nodes ("+7 more
/// supporters"), one role a line, for the drawing.
pub fn note_dropped(view: &View, overlay: &mut Overlay) {
    for (id, dropped) in view.all_dropped() {
        let lines: Vec<String> = dropped.parts().collect();
        overlay.note(id, lines.join("\n"));
    }
}

/// The refusal of a tag no node carries, with the tags to choose from.
fn unknown_tag(g: &ArgumentGraph, tag: &str) -> String {
    let mut tags: Vec<&str> = g
        .nodes()
        .flat_map(|n| n.tags())
        .map(String::as_str)
        .collect();
    tags.sort_unstable();
    tags.dedup();
    match tags.is_empty() {
        true => format!("no node carries tag {tag:?}; the graph has no tags"),
        false => format!(
            "no node carries tag {tag:?}; the graph's tags: {}",
            listed(&tags)
        ),
    }
}

/// The refusal of a source id the graph does not declare.
fn unknown_source(g: &ArgumentGraph, source: &str) -> String {
    let ids: Vec<&str> = g.sources().iter().map(|s| s.id.as_str()).collect();
    match ids.is_empty() {
        true => format!("unknown source {source:?}; the graph declares no sources"),
        false => format!(
            "unknown source {source:?}; the graph's sources: {}",
            listed(&ids)
        ),
    }
}

/// The first [`LISTED`] names, quoted, and how many there are in all.
fn listed(names: &[&str]) -> String {
    let shown: Vec<String> = names
        .iter()
        .take(LISTED)
        .map(|n| format!("{n:?}"))
        .collect();
    let mut text = shown.join(", ");
    if names.len() > LISTED {
        text.push_str(&format!(", … ({} in all)", names.len()));
    }
    text
}
