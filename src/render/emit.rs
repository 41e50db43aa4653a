//! Turns a graph into a stream of DOT statements, once, for two sinks: the
//! fast byte writer and the graphviz-rust AST. Both sinks therefore
//! describe the same graph by construction.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;
use std::ops::Range;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};

use super::escape::{ascii_spaces, escape, is_special, may_need_escaping, newline, quoted, Mode};
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
    /// One of our own constants (a colour, a style list) written
    /// double-quoted: it holds nothing to escape, so the fast writer copies
    /// it as it is (checked in debug builds).
    Const(&'static str),
    /// The body of an HTML-like label, already escaped, written inside `<…>`.
    Html(&'a [u8]),
}

/// A node id as DOT reads it: escaped by the helper and double-quoted,
/// quotes included.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

/// Every node's id escaped and quoted once, by node index: each edge
/// names two.
struct QuotedIds {
    text: String,
    ends: Vec<usize>,
}

impl QuotedIds {
    fn new(g: &ArgumentGraph) -> QuotedIds {
        let pg = g.as_petgraph();
        let mut text = Vec::new();
        let mut ends = Vec::with_capacity(pg.node_bound() + 1);
        ends.push(0);
        for i in 0..pg.node_bound() {
            if let Some(n) = pg.node_weight(NodeIndex::new(i)) {
                text.push(b'"');
                escape(&mut text, n.id(), Mode::Quoted);
                text.push(b'"');
            }
            ends.push(text.len());
        }
        let text = String::from_utf8(text).expect("escaping keeps UTF-8");
        QuotedIds { text, ends }
    }

    fn get(&self, ix: NodeIndex) -> Quoted<'_> {
        Quoted(&self.text[self.ends[ix.index()]..self.ends[ix.index() + 1]])
    }
}

/// One attribute: its name, the same name as the fast writer writes it
/// after another attribute (`, name=`, one copy instead of three), and
/// its value. Made with [`attr!`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr<'a> {
    pub(crate) name: &'static str,
    pub(crate) lead: &'static str,
    pub(crate) value: Value<'a>,
}

pub(crate) type Attrs<'a> = [Attr<'a>];

/// `attr!("name", value)`: an [`Attr`].
macro_rules! attr {
    ($name:literal, $value:expr) => {
        Attr {
            name: $name,
            lead: concat!(", ", $name, "="),
            value: $value,
        }
    };
}
pub(crate) use attr;

/// Receives DOT statements in order.
pub(crate) trait Sink {
    fn open_graph(&mut self, name: &str) -> io::Result<()>;
    /// `graph|node|edge [attrs]` in the current (sub)graph.
    fn defaults(&mut self, target: Target, attrs: &Attrs<'_>) -> io::Result<()>;
    fn open_subgraph(&mut self, name: &str) -> io::Result<()>;
    fn close_subgraph(&mut self) -> io::Result<()>;
    fn node(&mut self, id: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()>;
    fn edge(&mut self, from: Quoted<'_>, to: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()>;
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
    line: String,
}

pub(crate) fn emit(g: &ArgumentGraph, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    let theme = opts.theme;
    let mut scratch = Scratch {
        label: Vec::with_capacity(256),
        line: String::with_capacity(128),
    };
    sink.open_graph("argraph")?;

    let mut title = Vec::new();
    if let Some(t) = g.title() {
        title.extend_from_slice(b"<B>");
        escape(&mut title, t, Mode::Html);
        title.extend_from_slice(b"</B>");
    }
    let mut graph_attrs: Vec<Attr<'_>> = vec![
        attr!("rankdir", Value::Plain(opts.rankdir.as_str())),
        attr!("newrank", Value::Plain("true")),
        attr!("fontname", Value::Text(FONT)),
        attr!("nodesep", Value::Plain("0.3")),
        attr!("ranksep", Value::Plain("0.5")),
    ];
    if !title.is_empty() {
        graph_attrs.push(attr!("label", Value::Html(&title)));
        graph_attrs.push(attr!("labelloc", Value::Plain("t")));
        graph_attrs.push(attr!("fontsize", Value::Plain("18")));
    }
    if let Some(d) = g.description() {
        graph_attrs.push(attr!("tooltip", Value::Text(d)));
    }
    sink.defaults(Target::Graph, &graph_attrs)?;
    sink.defaults(
        Target::Node,
        &[
            attr!("fontname", Value::Text(FONT)),
            attr!("fontsize", Value::Plain("11")),
            attr!("margin", Value::Text("0.12,0.06")),
        ],
    )?;
    sink.defaults(
        Target::Edge,
        &[
            attr!("fontname", Value::Text(FONT)),
            attr!("fontsize", Value::Plain("9")),
        ],
    )?;

    let pg = g.as_petgraph();
    let ids = QuotedIds::new(g);
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
                attr!("label", Value::Html(&label)),
                attr!("style", Value::Text("rounded,filled,dashed")),
                attr!("color", Value::Text(style::muted(theme))),
                attr!("fillcolor", Value::Text(style::cluster_fill(theme))),
                attr!("fontsize", Value::Plain("12")),
                attr!("labelloc", Value::Plain("t")),
            ],
        )?;
        for &ix in &c.members {
            cluster_of[ix.index()] = i as u32;
            emit_node(&pg[ix], ids.get(ix), opts, &mut scratch, sink)?;
        }
        sink.close_subgraph()?;
    }
    for ix in pg.node_indices() {
        if cluster_of[ix.index()] == NONE {
            emit_node(&pg[ix], ids.get(ix), opts, &mut scratch, sink)?;
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
        // At most seven attributes: a fixed array, not an allocation per edge.
        let mut attrs = [attr!("", Value::Plain("")); 7];
        attrs[..4].copy_from_slice(&[
            attr!("style", Value::Plain(s.style)),
            attr!("arrowhead", Value::Plain(s.arrowhead)),
            attr!("color", Value::Const(s.color)),
            attr!("penwidth", Value::Plain(s.penwidth)),
        ]);
        let mut n = 4;
        if let Some(l) = edge.label() {
            wrap_into(&mut edge_label, l, opts.wrap);
            attrs[n] = attr!("label", Value::Text(&edge_label));
            attrs[n + 1] = attr!("fontcolor", Value::Const(s.color));
            n += 2;
        }
        if edge.kind() == EdgeKind::Frames {
            // A framing is a lens, not a premise: it should not pull the
            // claims it frames into its rank.
            attrs[n] = attr!("constraint", Value::Plain("false"));
            n += 1;
        }
        sink.edge(ids.get(from), ids.get(to), &attrs[..n])?;
    }
    if opts.legend {
        emit_legend(g, opts, sink)?;
    }
    sink.close_graph()
}

fn emit_node(
    node: &Node,
    id: Quoted<'_>,
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
            wrap_escaped(label, title, opts.wrap, Mode::Html);
            label.extend_from_slice(b"</B>");
            if opts.text {
                label.extend_from_slice(b"<BR/><FONT POINT-SIZE=\"9\">");
                wrap_escaped(label, text, opts.wrap + opts.wrap / 4, Mode::Html);
                label.extend_from_slice(b"</FONT>");
            }
        }
        None => {
            // An element around the text (at the default size) keeps the
            // label parseable by graphviz-rust, whose grammar wants one.
            label.extend_from_slice(b"<FONT POINT-SIZE=\"11\">");
            wrap_escaped(label, text, opts.wrap, Mode::Html);
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
                write!(line, " (+{more})").expect("writing to a String cannot fail");
            }
            // Small print: it may run a little wider than the text.
            wrap_escaped(label, line, opts.wrap + opts.wrap / 2, Mode::Html);
            label.extend_from_slice(b"</I></FONT>");
        }
    }
    // Our own fill colour, unless an evaluation overlay marks the node.
    let mut fill = Value::Const(s.fill);
    if let Some(mark) = opts.overlay.as_ref().and_then(|o| o.mark(node.id())) {
        label.extend_from_slice(b"<BR/><FONT POINT-SIZE=\"10\"><B>");
        escape(label, &mark.text, Mode::Html);
        label.extend_from_slice(b"</B></FONT>");
        if opts.theme == super::Theme::Color {
            fill = Value::Text(&mark.fill);
        }
    }
    let attrs = [
        attr!("shape", Value::Plain(s.shape)),
        attr!("style", Value::Const(s.style)),
        attr!("fillcolor", fill),
        attr!("color", Value::Const(s.border)),
        attr!("penwidth", Value::Plain(s.penwidth)),
        attr!("label", Value::Html(label)),
        attr!("tooltip", Value::Text(text)),
    ];
    sink.node(id, &attrs)
}

/// What [`wrap_with`] produces, in order.
pub(crate) enum Piece {
    /// A word, or a part of a word cut at the line width: a byte range of the text.
    Word(Range<usize>),
    /// The space between two words on a line.
    Space,
    /// A line break.
    Newline,
}

/// Greedy word wrap at `width` characters (Unicode scalar values); words
/// (split at Unicode whitespace) longer than a line are cut. O(len), with
/// a fast path for ASCII.
pub(crate) fn wrap_with(text: &str, width: usize, mut put: impl FnMut(Piece)) {
    let width = width.max(8);
    let mut line = 0;
    for (mut word, mut len) in (Words { text, at: 0 }) {
        if line > 0 && line + 1 + len > width {
            put(Piece::Newline);
            line = 0;
        } else if line > 0 {
            put(Piece::Space);
            line += 1;
        }
        while len > width {
            let cut = text[word.clone()]
                .char_indices()
                .nth(width - line)
                .map_or(word.len(), |(i, _)| i);
            put(Piece::Word(word.start..word.start + cut));
            put(Piece::Newline);
            word.start += cut;
            len -= width - line;
            line = 0;
        }
        put(Piece::Word(word));
        line += len;
    }
}

/// The words of a text (as `str::split_whitespace` splits it): their byte
/// ranges and lengths in characters, found in one pass over the bytes.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

/// ASCII bytes that are part of a word (not whitespace as
/// `char::is_whitespace` has it: \t, \n, \x0B, \x0C, \r, space).
const fn ascii_word_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = !matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    table
}

static ASCII_WORD: [bool; 256] = ascii_word_bytes();

impl Words<'_> {
    /// The length in bytes of the character starting at byte `i`, and
    /// whether it is whitespace.
    #[inline]
    fn char_at(&self, i: usize) -> (usize, bool) {
        let b = self.text.as_bytes()[i];
        if b < 0x80 {
            return (1, !ASCII_WORD[usize::from(b)]);
        }
        let c = self.text[i..].chars().next().expect("a char boundary");
        (c.len_utf8(), c.is_whitespace())
    }
}

impl Iterator for Words<'_> {
    type Item = (Range<usize>, usize);

    fn next(&mut self) -> Option<(Range<usize>, usize)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        while i < bytes.len() {
            match self.char_at(i) {
                (n, true) => i += n,
                (_, false) => break,
            }
        }
        if i == bytes.len() {
            self.at = i;
            return None;
        }
        let start = i;
        let mut chars = 0;
        loop {
            let run = i;
            while i < bytes.len() && ASCII_WORD[usize::from(bytes[i])] {
                i += 1;
            }
            chars += i - run;
            if i == bytes.len() {
                break;
            }
            match self.char_at(i) {
                (_, true) => break,
                (n, false) => {
                    i += n;
                    chars += 1;
                }
            }
        }
        self.at = i;
        Some((start..i, chars))
    }
}

/// [`wrap_with`] into a string, lines joined with `\n`.
pub(crate) fn wrap_into(out: &mut String, text: &str, width: usize) {
    out.clear();
    wrap_with(text, width, |piece| match piece {
        Piece::Word(w) => out.push_str(&text[w]),
        Piece::Space => out.push(' '),
        Piece::Newline => out.push('\n'),
    });
}

/// [`wrap_with`] straight into escaped output: the same bytes as
/// [`wrap_into`] followed by [`escape`], without the intermediate string.
pub(crate) fn wrap_escaped(out: &mut Vec<u8>, text: &str, width: usize, mode: Mode) {
    let mark = out.len();
    if !wrap_lines(out, text, width.max(8), mode) {
        out.truncate(mark);
        wrap_words(out, text, width, mode);
    }
}

/// The fast path of [`wrap_escaped`], for text whose only whitespace is
/// single spaces between words (most text): a line ends at the last space
/// among its first `width + 1` characters, or is cut after `width`
/// characters when it has none, which is where the greedy word wrap of
/// [`wrap_with`] ends it. Each line is escaped in one call. Returns `false`
/// (with part of the output written) at any other whitespace.
fn wrap_lines(out: &mut Vec<u8>, text: &str, width: usize, mode: Mode) -> bool {
    let bytes = text.as_bytes();
    let n = bytes.len();
    if n == 0 {
        return true;
    }
    if bytes[0] == b' ' || bytes[n - 1] == b' ' {
        return false;
    }
    let mut p = 0;
    loop {
        let (mut i, mut chars) = (p, 0);
        let (mut last_space, mut last_char) = (None, p);
        // Whether the bytes seen so far on this line need no escaping.
        let mut plain = true;
        while i < n && chars <= width {
            // Eight printable ASCII bytes at a time while they fit the line.
            if chars + 8 <= width + 1 && i + 8 <= n {
                let x = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
                if let Some(spaces) = ascii_spaces(x) {
                    plain &= !may_need_escaping(x, mode);
                    // Two spaces in a row, inside the eight or across their end.
                    if spaces & (spaces >> 8) != 0 || (spaces >> 63 != 0 && bytes[i + 8] == b' ') {
                        return false;
                    }
                    if spaces != 0 {
                        last_space = Some(i + (63 - spaces.leading_zeros() as usize) / 8);
                    }
                    last_char = i + 7;
                    i += 8;
                    chars += 8;
                    continue;
                }
            }
            let b = bytes[i];
            last_char = i;
            if b < 0x80 {
                plain &= !is_special(b, mode);
                if b == b' ' {
                    // Not the last byte: the text does not end with a space.
                    if bytes[i + 1] == b' ' {
                        return false;
                    }
                    last_space = Some(i);
                } else if matches!(b, b'\t'..=b'\r') {
                    return false;
                }
                i += 1;
            } else {
                // Only characters led by these bytes can be Unicode whitespace
                // (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
                if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                    let c = text[i..].chars().next().expect("a char boundary");
                    if c.is_whitespace() {
                        return false;
                    }
                }
                i += match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
            }
            chars += 1;
        }
        let (end, next) = if chars <= width {
            (n, n)
        } else {
            // `last_char` starts the character at position `width`: no room for it.
            match last_space {
                Some(s) => (s, s + 1),
                None => (last_char, last_char),
            }
        };
        // The line's bytes are among those just seen.
        if plain {
            out.extend_from_slice(&bytes[p..end]);
        } else {
            escape(out, &text[p..end], mode);
        }
        if end == n {
            return true;
        }
        newline(out, mode);
        p = next;
    }
}

/// The general path of [`wrap_escaped`]: word by word. Words that the text
/// already separates by one space are escaped as one run.
fn wrap_words(out: &mut Vec<u8>, text: &str, width: usize, mode: Mode) {
    let bytes = text.as_bytes();
    let mut run: Option<Range<usize>> = None;
    let mut space = false;
    wrap_with(text, width, |piece| match piece {
        Piece::Word(w) => {
            run = Some(match run.take() {
                Some(r) if space && w.start == r.end + 1 && bytes[r.end] == b' ' => r.start..w.end,
                Some(r) => {
                    escape(out, &text[r], mode);
                    if space {
                        out.push(b' ');
                    }
                    w
                }
                None => w,
            });
            space = false;
        }
        Piece::Space => space = true,
        Piece::Newline => {
            if let Some(r) = run.take() {
                escape(out, &text[r], mode);
            }
            newline(out, mode);
            space = false;
        }
    });
    if let Some(r) = run {
        escape(out, &text[r], mode);
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
            // Per node: the one framing that frames it, or none, or several.
            const NONE: u32 = u32::MAX;
            const SEVERAL: u32 = u32::MAX - 1;
            let mut framed_by = vec![NONE; pg.node_bound()];
            for e in pg.edge_references() {
                if e.weight().kind() == EdgeKind::Frames {
                    let (f, t) = (e.source().index() as u32, e.target().index());
                    framed_by[t] = match framed_by[t] {
                        NONE => f,
                        one if one == f => f,
                        _ => SEVERAL,
                    };
                }
            }
            let mut defs: Vec<ClusterDef> = Vec::new();
            let mut slot = vec![NONE; pg.node_bound()];
            for ix in pg.node_indices() {
                if pg[ix].kind() == NodeKind::Framing {
                    slot[ix.index()] = defs.len() as u32;
                    let n = &pg[ix];
                    defs.push(ClusterDef {
                        title: n.label().unwrap_or(n.id()).to_string(),
                        members: vec![ix],
                    });
                }
            }
            for ix in pg.node_indices() {
                let f = framed_by[ix.index()];
                if f != NONE && f != SEVERAL && pg[ix].kind() != NodeKind::Framing {
                    defs[slot[f as usize] as usize].members.push(ix);
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
            attr!("label", Value::Html(title)),
            attr!("labelloc", Value::Plain("t")),
            attr!("style", Value::Text("rounded")),
            attr!("color", Value::Text(style::muted(theme))),
            attr!("fontsize", Value::Plain("12")),
        ],
    )?;
    sink.open_subgraph(&format!("{p}kinds"))?;
    sink.defaults(Target::Graph, &[attr!("rank", Value::Plain("same"))])?;
    for &kind in NodeKind::ALL {
        let s = node_style(kind, theme);
        sink.node(
            Quoted(&quoted(&format!("{p}{kind}"))),
            &[
                attr!("shape", Value::Plain(s.shape)),
                attr!("style", Value::Text(s.style)),
                attr!("fillcolor", Value::Text(s.fill)),
                attr!("color", Value::Text(s.border)),
                attr!("penwidth", Value::Plain(s.penwidth)),
                attr!("label", Value::Text(kind.as_str())),
                attr!("fontsize", Value::Plain("10")),
            ],
        )?;
    }
    sink.close_subgraph()?;
    // The relations in one row: pairs of points on the same rank joined by
    // sample edges, so the legend stays two ranks tall whatever the layout.
    let point = [
        attr!("shape", Value::Plain("point")),
        attr!("width", Value::Plain("0.06")),
        attr!("color", Value::Text(style::muted(theme))),
    ];
    sink.open_subgraph(&format!("{p}relations"))?;
    sink.defaults(Target::Graph, &[attr!("rank", Value::Plain("same"))])?;
    for i in 0..style::RELATIONS.len() {
        sink.node(Quoted(&quoted(&format!("{p}{i}a"))), &point)?;
        sink.node(Quoted(&quoted(&format!("{p}{i}b"))), &point)?;
    }
    sink.close_subgraph()?;
    for (i, &(kind, attack)) in style::RELATIONS.iter().enumerate() {
        let s = edge_style(kind, attack, theme);
        sink.edge(
            Quoted(&quoted(&format!("{p}{i}a"))),
            Quoted(&quoted(&format!("{p}{i}b"))),
            &[
                attr!("style", Value::Plain(s.style)),
                attr!("arrowhead", Value::Plain(s.arrowhead)),
                attr!("color", Value::Text(s.color)),
                attr!("penwidth", Value::Plain(s.penwidth)),
                attr!("label", Value::Text(s.name)),
                attr!("fontcolor", Value::Text(s.color)),
                attr!("fontsize", Value::Plain("10")),
                attr!("minlen", Value::Plain("2")),
            ],
        )?;
    }
    // Node kinds on the rank above (below, in a top-to-bottom layout).
    sink.edge(
        Quoted(&quoted(&format!("{p}0a"))),
        Quoted(&quoted(&format!("{p}{}", NodeKind::ALL[0]))),
        &[attr!("style", Value::Plain("invis"))],
    )?;
    if let Some(overlay) = &opts.overlay {
        super::overlay::emit_key(overlay, &p, theme, sink)?;
    }
    sink.close_subgraph()
}

#[cfg(test)]
mod tests {
    use super::super::escape::{escape, Mode};
    use super::{wrap_escaped, wrap_into, Words};

    /// Words joined by single spaces: the fast path of `wrap_escaped`.
    fn spaced_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "word",
                "Россия",
                "é",
                "🌍",
                "—",
                "“x”",
                "\"",
                "<",
                "&",
                "\\",
                "x\u{A0}y",
                "abcdefghijklmnopqrstuvwxyz",
                "abcdefgh",
                "abcdefghi",
                "1979–1989",
                "\u{7F}",
            ]),
            0..30,
        )
        .prop_map(|words| words.join(" "))
    }
    use proptest::prelude::*;

    /// Text rich in what the fast paths special-case: Unicode whitespace,
    /// multi-byte characters, characters to escape, control characters.
    fn tricky_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a",
                "word",
                " ",
                "  ",
                "\t",
                "\n",
                "\r",
                "\u{0B}",
                "\u{0C}",
                "\u{85}",
                "\u{A0}",
                "\u{2003}",
                "\u{3000}",
                "\u{2028}",
                "\u{1C}",
                "Россия",
                "é",
                "🌍",
                "\"",
                "\\",
                "<",
                ">",
                "&",
                "\u{1}",
                "\u{7F}",
                "abcdefghijklmnopqrstuvwxyz",
            ]),
            0..40,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn words_split_like_split_whitespace(text in tricky_text()) {
            let fast: Vec<(&str, usize)> =
                (Words { text: &text, at: 0 }).map(|(w, n)| (&text[w], n)).collect();
            let slow: Vec<(&str, usize)> =
                text.split_whitespace().map(|w| (w, w.chars().count())).collect();
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn wrap_escaped_is_escape_after_wrap(
            text in prop_oneof![tricky_text(), spaced_text()],
            width in 0usize..40,
        ) {
            let mut wrapped = String::new();
            wrap_into(&mut wrapped, &text, width);
            for mode in [Mode::Quoted, Mode::Html] {
                let (mut slow, mut fast) = (Vec::new(), Vec::new());
                escape(&mut slow, &wrapped, mode);
                wrap_escaped(&mut fast, &text, width, mode);
                prop_assert_eq!(&fast, &slow);
            }
        }
    }

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
