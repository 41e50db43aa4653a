//! Turns a graph into a stream of DOT statements, once, for two sinks: the
//! fast byte writer and the graphviz-rust AST. Both sinks therefore
//! describe the same graph by construction.

use std::collections::HashMap;
use std::io;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};

use super::escape::{escape, Mode};
use super::style::{self, edge_style, node_style};
use super::{Cluster, DotOptions};
use crate::model::{ArgumentGraph, EdgeKind, Node, NodeKind};

/// An attribute value, and how it must be written.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    /// A DOT identifier or number that needs no quoting (our own constants).
    Plain(&'a str),
    /// Any text: written double-quoted through the escaping helper.
    Text(&'a str),
    /// The body of an HTML-like label, already escaped, written inside `<…>`.
    Html(&'a [u8]),
}

pub(crate) type Attrs<'a> = [(&'static str, Value<'a>)];

/// Receives DOT statements in order.
pub(crate) trait Sink {
    fn open_graph(&mut self, name: &str) -> io::Result<()>;
    /// `graph|node|edge [attrs]` in the current (sub)graph.
    fn defaults(&mut self, target: Target, attrs: &Attrs<'_>) -> io::Result<()>;
    fn open_subgraph(&mut self, name: &str) -> io::Result<()>;
    fn close_subgraph(&mut self) -> io::Result<()>;
    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> io::Result<()>;
    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> io::Result<()>;
    fn close_graph(&mut self) -> io::Result<()>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Graph,
    Node,
    Edge,
}

const FONT: &str = "Helvetica";

/// Reusable buffers, so emitting a node allocates nothing in the steady state.
struct Scratch {
    label: Vec<u8>,
    wrapped: String,
    line: String,
}

pub(crate) fn emit(g: &ArgumentGraph, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    let theme = opts.theme;
    let mut scratch = Scratch {
        label: Vec::with_capacity(256),
        wrapped: String::with_capacity(256),
        line: String::with_capacity(128),
    };
    sink.open_graph("argraph")?;

    let mut title = Vec::new();
    if let Some(t) = g.title() {
        title.extend_from_slice(b"<B>");
        escape(&mut title, t, Mode::Html);
        title.extend_from_slice(b"</B>");
    }
    let mut graph_attrs: Vec<(&'static str, Value<'_>)> = vec![
        ("rankdir", Value::Plain(opts.rankdir.as_str())),
        ("newrank", Value::Plain("true")),
        ("fontname", Value::Text(FONT)),
        ("nodesep", Value::Plain("0.3")),
        ("ranksep", Value::Plain("0.5")),
    ];
    if !title.is_empty() {
        graph_attrs.push(("label", Value::Html(&title)));
        graph_attrs.push(("labelloc", Value::Plain("t")));
        graph_attrs.push(("fontsize", Value::Plain("18")));
    }
    if let Some(d) = g.description() {
        graph_attrs.push(("tooltip", Value::Text(d)));
    }
    sink.defaults(Target::Graph, &graph_attrs)?;
    sink.defaults(
        Target::Node,
        &[
            ("fontname", Value::Text(FONT)),
            ("fontsize", Value::Plain("11")),
            ("margin", Value::Text("0.12,0.06")),
        ],
    )?;
    sink.defaults(
        Target::Edge,
        &[
            ("fontname", Value::Text(FONT)),
            ("fontsize", Value::Plain("9")),
        ],
    )?;

    let pg = g.as_petgraph();
    let clusters = clusters(g, opts.cluster);
    const NONE: u32 = u32::MAX;
    let mut cluster_of = vec![NONE; pg.node_bound()];
    for (i, c) in clusters.iter().enumerate() {
        sink.open_subgraph(&format!("cluster_{i}"))?;
        let mut label = Vec::new();
        label.extend_from_slice(b"<I>");
        escape(&mut label, &c.title, Mode::Html);
        label.extend_from_slice(b"</I>");
        sink.defaults(
            Target::Graph,
            &[
                ("label", Value::Html(&label)),
                ("style", Value::Text("rounded,filled,dashed")),
                ("color", Value::Text(style::muted(theme))),
                ("fillcolor", Value::Text(style::cluster_fill(theme))),
                ("fontsize", Value::Plain("12")),
                ("labelloc", Value::Plain("t")),
            ],
        )?;
        for &ix in &c.members {
            cluster_of[ix.index()] = i as u32;
            emit_node(&pg[ix], opts, &mut scratch, sink)?;
        }
        sink.close_subgraph()?;
    }
    for ix in pg.node_indices() {
        if cluster_of[ix.index()] == NONE {
            emit_node(&pg[ix], opts, &mut scratch, sink)?;
        }
    }
    let mut edge_label = String::new();
    for e in pg.edge_references() {
        let (from, to, edge) = (e.source(), e.target(), e.weight());
        // Inside a framing's box, the box itself says "framed by": drawing
        // the frames edge too would only add a fan of lines.
        if edge.kind() == EdgeKind::Frames
            && opts.cluster == Cluster::Framing
            && cluster_of[to.index()] != NONE
            && cluster_of[to.index()] == cluster_of[from.index()]
        {
            continue;
        }
        let s = edge_style(edge.kind(), edge.attack(), theme);
        let mut attrs: Vec<(&'static str, Value<'_>)> = vec![
            ("style", Value::Plain(s.style)),
            ("arrowhead", Value::Plain(s.arrowhead)),
            ("color", Value::Text(s.color)),
            ("penwidth", Value::Plain(s.penwidth)),
        ];
        if let Some(l) = edge.label() {
            wrap_into(&mut edge_label, l, opts.wrap);
            attrs.push(("label", Value::Text(&edge_label)));
            attrs.push(("fontcolor", Value::Text(s.color)));
        }
        if edge.kind() == EdgeKind::Frames {
            // A framing is a lens, not a premise: it should not pull the
            // claims it frames into its rank.
            attrs.push(("constraint", Value::Plain("false")));
        }
        sink.edge(pg[from].id(), pg[to].id(), &attrs)?;
    }
    if opts.legend {
        emit_legend(g, opts, sink)?;
    }
    sink.close_graph()
}

fn emit_node(
    node: &Node,
    opts: &DotOptions,
    scratch: &mut Scratch,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let s = node_style(node.kind(), opts.theme);
    let label = &mut scratch.label;
    label.clear();
    let text = node.text();
    match node.label() {
        Some(title) => {
            label.extend_from_slice(b"<B>");
            wrap_into(&mut scratch.wrapped, title, opts.wrap);
            escape(label, &scratch.wrapped, Mode::Html);
            label.extend_from_slice(b"</B>");
            if opts.text {
                label.extend_from_slice(b"<BR/><FONT POINT-SIZE=\"9\">");
                wrap_into(&mut scratch.wrapped, text, opts.wrap + opts.wrap / 4);
                escape(label, &scratch.wrapped, Mode::Html);
                label.extend_from_slice(b"</FONT>");
            }
        }
        None => {
            // An element around the text (at the default size) keeps the
            // label parseable by graphviz-rust, whose grammar wants one.
            label.extend_from_slice(b"<FONT POINT-SIZE=\"11\">");
            wrap_into(&mut scratch.wrapped, text, opts.wrap);
            escape(label, &scratch.wrapped, Mode::Html);
            label.extend_from_slice(b"</FONT>");
        }
    }
    if opts.provenance {
        if let Some(p) = node.provenance().first() {
            label.extend_from_slice(b"<BR/><FONT POINT-SIZE=\"8\" COLOR=\"");
            label.extend_from_slice(style::muted(opts.theme).as_bytes());
            label.extend_from_slice(b"\"><I>");
            let line = &mut scratch.line;
            line.clear();
            line.push_str(&p.source);
            if let Some(loc) = &p.locator {
                line.push_str(" · ");
                line.push_str(loc);
            }
            let more = node.provenance().len() - 1;
            if more > 0 {
                line.push_str(&format!(" (+{more})"));
            }
            // Small print: it may run a little wider than the text.
            wrap_into(&mut scratch.wrapped, line, opts.wrap + opts.wrap / 2);
            escape(label, &scratch.wrapped, Mode::Html);
            label.extend_from_slice(b"</I></FONT>");
        }
    }
    let mut fill = s.fill;
    if let Some(mark) = opts.overlay.as_ref().and_then(|o| o.mark(node.id())) {
        label.extend_from_slice(b"<BR/><FONT POINT-SIZE=\"10\"><B>");
        escape(label, &mark.text, Mode::Html);
        label.extend_from_slice(b"</B></FONT>");
        if opts.theme == super::Theme::Color {
            fill = &mark.fill;
        }
    }
    let attrs = [
        ("shape", Value::Plain(s.shape)),
        ("style", Value::Text(s.style)),
        ("fillcolor", Value::Text(fill)),
        ("color", Value::Text(s.border)),
        ("penwidth", Value::Plain(s.penwidth)),
        ("label", Value::Html(label)),
        ("tooltip", Value::Text(text)),
    ];
    sink.node(node.id(), &attrs)
}

/// Greedy word wrap at `width` characters (Unicode scalar values); words
/// longer than a line are cut. Lines are joined with `\n`, which the
/// escaping helper turns into line breaks. O(len).
pub(crate) fn wrap_into(out: &mut String, text: &str, width: usize) {
    out.clear();
    let width = width.max(8);
    let mut line = 0;
    for word in text.split_whitespace() {
        let mut word = word;
        let mut len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        while len > width {
            let cut = word
                .char_indices()
                .nth(width - line)
                .map_or(word.len(), |(i, _)| i);
            out.push_str(&word[..cut]);
            out.push('\n');
            word = &word[cut..];
            len -= width - line;
            line = 0;
        }
        out.push_str(word);
        line += len;
    }
}

struct ClusterDef {
    title: String,
    members: Vec<NodeIndex>,
}

/// Which nodes go into which cluster. By framing: a framing and the claims
/// and arguments that it alone frames (a node framed by several framings
/// stays outside, between them). By source: the nodes whose first
/// provenance entry cites the source. O(n + m).
fn clusters(g: &ArgumentGraph, by: Cluster) -> Vec<ClusterDef> {
    let pg = g.as_petgraph();
    match by {
        Cluster::None => Vec::new(),
        Cluster::Framing => {
            let mut framings_of: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
            for e in pg.edge_indices() {
                if pg[e].kind() == EdgeKind::Frames {
                    let (f, t) = pg.edge_endpoints(e).expect("live edge");
                    let list = framings_of.entry(t).or_default();
                    if !list.contains(&f) {
                        list.push(f);
                    }
                }
            }
            let mut defs: Vec<ClusterDef> = Vec::new();
            let mut slot: HashMap<NodeIndex, usize> = HashMap::new();
            for ix in pg.node_indices() {
                if pg[ix].kind() == NodeKind::Framing {
                    slot.insert(ix, defs.len());
                    let n = &pg[ix];
                    defs.push(ClusterDef {
                        title: n.label().unwrap_or(n.id()).to_string(),
                        members: vec![ix],
                    });
                }
            }
            for ix in pg.node_indices() {
                if let Some([f]) = framings_of.get(&ix).map(Vec::as_slice) {
                    if pg[ix].kind() != NodeKind::Framing {
                        defs[slot[f]].members.push(ix);
                    }
                }
            }
            defs
        }
        Cluster::Source => {
            let mut defs: Vec<ClusterDef> = g
                .sources()
                .iter()
                .map(|s| {
                    let mut title = s.title.clone().unwrap_or_else(|| s.id.clone());
                    if !s.authors.is_empty() {
                        title = format!("{} — {title}", s.authors.join(", "));
                    }
                    if let Some(y) = s.year {
                        title = format!("{title} ({y})");
                    }
                    ClusterDef {
                        title,
                        members: Vec::new(),
                    }
                })
                .collect();
            let slot: HashMap<&str, usize> = g
                .sources()
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect();
            for ix in pg.node_indices() {
                let first = pg[ix].provenance().first();
                if let Some(&i) = first.and_then(|p| slot.get(p.source.as_str())) {
                    defs[i].members.push(ix);
                }
            }
            defs.retain(|d| !d.members.is_empty());
            defs
        }
    }
}

/// A prefix for the legend's node names that no node id of `g` starts with.
fn legend_prefix(g: &ArgumentGraph) -> String {
    let mut prefix = String::from("legend:");
    while g.nodes().any(|n| n.id().starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    prefix
}

fn emit_legend(g: &ArgumentGraph, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    let theme = opts.theme;
    let p = legend_prefix(g);
    sink.open_subgraph("cluster_legend")?;
    let title: &[u8] = match opts.cluster {
        Cluster::Framing => b"<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds a framing and what it alone frames</FONT>",
        Cluster::Source => b"<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds the nodes drawn from one source</FONT>",
        Cluster::None => b"<B>Legend</B>",
    };
    sink.defaults(
        Target::Graph,
        &[
            ("label", Value::Html(title)),
            ("labelloc", Value::Plain("t")),
            ("style", Value::Text("rounded")),
            ("color", Value::Text(style::muted(theme))),
            ("fontsize", Value::Plain("12")),
        ],
    )?;
    sink.open_subgraph(&format!("{p}kinds"))?;
    sink.defaults(Target::Graph, &[("rank", Value::Plain("same"))])?;
    for &kind in NodeKind::ALL {
        let s = node_style(kind, theme);
        sink.node(
            &format!("{p}{kind}"),
            &[
                ("shape", Value::Plain(s.shape)),
                ("style", Value::Text(s.style)),
                ("fillcolor", Value::Text(s.fill)),
                ("color", Value::Text(s.border)),
                ("penwidth", Value::Plain(s.penwidth)),
                ("label", Value::Text(kind.as_str())),
                ("fontsize", Value::Plain("10")),
            ],
        )?;
    }
    sink.close_subgraph()?;
    // The relations in one row: pairs of points on the same rank joined by
    // sample edges, so the legend stays two ranks tall whatever the layout.
    let point = [
        ("shape", Value::Plain("point")),
        ("width", Value::Plain("0.06")),
        ("color", Value::Text(style::muted(theme))),
    ];
    sink.open_subgraph(&format!("{p}relations"))?;
    sink.defaults(Target::Graph, &[("rank", Value::Plain("same"))])?;
    for i in 0..style::RELATIONS.len() {
        sink.node(&format!("{p}{i}a"), &point)?;
        sink.node(&format!("{p}{i}b"), &point)?;
    }
    sink.close_subgraph()?;
    for (i, &(kind, attack)) in style::RELATIONS.iter().enumerate() {
        let s = edge_style(kind, attack, theme);
        sink.edge(
            &format!("{p}{i}a"),
            &format!("{p}{i}b"),
            &[
                ("style", Value::Plain(s.style)),
                ("arrowhead", Value::Plain(s.arrowhead)),
                ("color", Value::Text(s.color)),
                ("penwidth", Value::Plain(s.penwidth)),
                ("label", Value::Text(s.name)),
                ("fontcolor", Value::Text(s.color)),
                ("fontsize", Value::Plain("10")),
                ("minlen", Value::Plain("2")),
            ],
        )?;
    }
    // Node kinds on the rank above (below, in a top-to-bottom layout).
    sink.edge(
        &format!("{p}0a"),
        &format!("{p}{}", NodeKind::ALL[0]),
        &[("style", Value::Plain("invis"))],
    )?;
    if let Some(overlay) = &opts.overlay {
        super::overlay::emit_key(overlay, &p, theme, sink)?;
    }
    sink.close_subgraph()
}

#[cfg(test)]
mod tests {
    use super::wrap_into;

    #[test]
    fn wrap_breaks_on_words_and_cuts_long_ones() {
        let mut out = String::new();
        wrap_into(&mut out, "the quick brown fox jumps over the lazy dog", 10);
        assert_eq!(out, "the quick\nbrown fox\njumps over\nthe lazy\ndog");
        wrap_into(&mut out, "abcdefghijklmnopqrstu", 8);
        assert_eq!(out, "abcdefgh\nijklmnop\nqrstu");
        wrap_into(&mut out, "ab abcdefghijklmnop", 8);
        assert_eq!(out, "ab\nabcdefgh\nijklmnop");
        wrap_into(&mut out, "Россия и Афганистан после", 10);
        assert_eq!(out, "Россия и\nАфганистан\nпосле");
    }
}
