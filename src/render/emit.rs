//! Turns a graph into DOT statements, once, for either sink: the DOT
//! writer or the graphviz-rust AST builder.

use std::collections::HashMap;
use std::io;

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef as _, IntoEdgeReferences, NodeIndexable};

use super::escape::{html, push_html, QuotedName, QuotedNames};
use super::options::{Cluster, DotOptions};
use super::sink::{Attr, Sink, Target, Value};
use super::style::{self, edge_style, node_style, Theme};
use super::wrap::wrap;
use super::{legend, overlay};
use crate::model::{ArgumentGraph, Edge, EdgeKind, Node, NodeKind};
use crate::overlay::AttackMark;

const FONT: &str = "Helvetica";

/// Up to how many nodes a map gets more rounds of crossing reduction.
const MCLIMIT_NODES: usize = 2_000;

/// Emits the whole graph. O(n + m).
pub(crate) fn emit(g: &ArgumentGraph, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    sink.open_graph("argraph")?;
    emit_defaults(g, opts, sink)?;
    let pg = g.as_petgraph();
    let clusters = clusters(g, &opts.cluster);
    let (cluster_of, mut drawn) = emit_nodes(g, opts, &clusters, sink)?;
    // Node ids by index, side by side, and quoted: each edge names two.
    let ids: Vec<&str> = (0..pg.node_bound())
        .map(|i| pg.node_weight(NodeIndex::new(i)).map_or("", |n| n.id()))
        .collect();
    let names = QuotedNames::new(ids.iter().copied());
    // The frames edges drawn, as (framing, framed), unless boxes place the
    // framings (by framing, anchoring its other frames edges too gave more
    // crossings on the seed: 61 pairs, not 56).
    let by_framing = opts.cluster == Cluster::Framing;
    let mut frames_drawn = Vec::new();
    for e in pg.edge_references() {
        let (from, to) = (e.source(), e.target());
        if e.weight().kind() == EdgeKind::Frames && !by_framing {
            frames_drawn.push((from, to));
        } else if e.weight().kind() == EdgeKind::Frames {
            // Inside a framing's box, the box itself says "framed by":
            // drawing the frames edge too would only add a fan of lines.
            let box_of_to = cluster_of[to.index()];
            if box_of_to.is_some() && box_of_to == cluster_of[from.index()] {
                continue;
            }
        }
        drawn.relation(e.weight().kind(), e.weight().attack());
        let ends = [from.index(), to.index()].map(|i| (ids[i], names.get(i)));
        emit_edge(e.weight(), ends, opts, sink)?;
    }
    let boxes: &[ClusterDef] = if by_framing { &clusters } else { &[] };
    emit_framing_anchors(g, boxes, &cluster_of, &frames_drawn, &names, sink)?;
    if opts.legend {
        legend::emit_legend(g, opts, &drawn, sink)?;
    }
    sink.close_graph()
}

/// The nodes, box by box, then those in no box; returns each node's box
/// (by index) and the node kinds drawn. O(n).
fn emit_nodes(
    g: &ArgumentGraph,
    opts: &DotOptions,
    clusters: &[ClusterDef],
    sink: &mut dyn Sink,
) -> io::Result<(Vec<Option<usize>>, legend::Drawn)> {
    let pg = g.as_petgraph();
    let mut cluster_of = vec![None; pg.node_bound()];
    for (i, c) in clusters.iter().enumerate() {
        sink.open_subgraph(&format!("cluster_{i}"))?;
        let label = html("<I>", &c.title, "</I>");
        sink.defaults(
            Target::Graph,
            &[
                ("label", Value::Html(&label)),
                ("style", Value::Text("rounded,filled,dashed")),
                ("color", Value::Text(style::muted(opts.theme))),
                ("fillcolor", Value::Text(style::cluster_fill(opts.theme))),
                ("fontsize", Value::Plain("12")),
                ("labelloc", Value::Plain("t")),
            ],
        )?;
        for &ix in &c.members {
            cluster_of[ix.index()] = Some(i);
            emit_node(&pg[ix], opts, sink)?;
        }
        sink.close_subgraph()?;
    }
    for ix in pg.node_indices() {
        if cluster_of[ix.index()].is_none() {
            emit_node(&pg[ix], opts, sink)?;
        }
    }
    let mut drawn = legend::Drawn::default();
    for n in pg.node_weights() {
        if let Some(k) = NodeKind::ALL.iter().position(|&k| k == n.kind()) {
            drawn.kinds[k] = true;
        }
    }
    Ok((cluster_of, drawn))
}

/// The graph's attributes (title, description) and the node and edge defaults.
fn emit_defaults(g: &ArgumentGraph, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    let title = g.title().map(|t| html("<B>", t, "</B>"));
    let mut attrs: Vec<Attr<'_>> = vec![
        ("rankdir", Value::Plain(opts.rankdir.as_str())),
        ("newrank", Value::Plain("true")),
        ("fontname", Value::Text(FONT)),
        ("nodesep", Value::Plain("0.3")),
        ("ranksep", Value::Plain("0.5")),
    ];
    // More rounds of crossing reduction: on the seed they remove a third of
    // the crossings (82 to 56 pairs) for 5 % more layout time at 1,000
    // nodes; past a few thousand nodes layout time matters more.
    if g.node_count() <= MCLIMIT_NODES {
        attrs.push(("mclimit", Value::Plain("8")));
    }
    if let Some(title) = &title {
        attrs.push(("label", Value::Html(title)));
        attrs.push(("labelloc", Value::Plain("t")));
        attrs.push(("fontsize", Value::Plain("18")));
    }
    if let Some(d) = g.description() {
        attrs.push(("tooltip", Value::Tooltip(d)));
    }
    sink.defaults(Target::Graph, &attrs)?;
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
    )
}

fn emit_node(node: &Node, opts: &DotOptions, sink: &mut dyn Sink) -> io::Result<()> {
    let s = node_style(node.kind(), opts.theme);
    let mut label = node_label(node, opts);
    let mark = opts.overlay.as_ref().and_then(|o| o.mark_of(node.id()));
    let look = mark.map(overlay::look);
    // Our own fill colour, unless an overlay marks the node.
    let mut fill = s.fill;
    if let Some((mark_fill, text)) = &look {
        push_html(
            &mut label,
            "<BR/><FONT POINT-SIZE=\"10\"><B>",
            text,
            "</B></FONT>",
        );
        if opts.theme == Theme::Color {
            fill = mark_fill;
        }
    }
    if let Some(note) = opts.overlay.as_ref().and_then(|o| o.note_of(node.id())) {
        let open = format!(
            "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{}\">",
            style::muted(opts.theme)
        );
        // Each line of the note wrapped on its own (like the provenance line,
        // a little wider than the text).
        let lines: Vec<_> = note
            .lines()
            .map(|l| wrap(l, opts.wrap + opts.wrap / 2))
            .collect();
        push_html(&mut label, &open, &lines.join("\n"), "</FONT>");
    }
    sink.node(
        node.id(),
        &[
            ("shape", Value::Plain(s.shape)),
            ("style", Value::Text(s.style)),
            ("fillcolor", Value::Text(fill)),
            ("color", Value::Text(s.border)),
            ("penwidth", Value::Plain(s.penwidth)),
            ("label", Value::Html(&label)),
            ("tooltip", Value::Tooltip(node.text())),
        ],
    )
}

/// A node's HTML-like label: its label in bold over its text, or its text
/// alone, then its first provenance entry in small italics; all wrapped.
fn node_label(node: &Node, opts: &DotOptions) -> Vec<u8> {
    let width = opts.wrap;
    let text = node.text();
    // Room for the text, its title and the markup around them.
    let mut label = Vec::with_capacity(2 * text.len() + 160);
    match node.label() {
        Some(title) => {
            push_html(&mut label, "<B>", &wrap(title, width), "</B>");
            if opts.text {
                let text = wrap(text, width + width / 4);
                push_html(&mut label, "<BR/><FONT POINT-SIZE=\"9\">", &text, "</FONT>");
            }
        }
        // An element around the text (at the default size) keeps the
        // label parseable by graphviz-rust, whose grammar wants one.
        None => push_html(
            &mut label,
            "<FONT POINT-SIZE=\"11\">",
            &wrap(text, width),
            "</FONT>",
        ),
    }
    push_tag_line(&mut label, node, opts);
    if opts.provenance {
        if let Some(p) = node.provenance().first() {
            let mut line = p.source.clone();
            if let Some(loc) = &p.locator {
                line = format!("{line} · {loc}");
            }
            let more = node.provenance().len() - 1;
            if more > 0 {
                line = format!("{line} (+{more})");
            }
            let open = format!(
                "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{}\"><I>",
                style::muted(opts.theme)
            );
            // Small print: it may run a little wider than the text.
            push_html(
                &mut label,
                &open,
                &wrap(&line, width + width / 2),
                "</I></FONT>",
            );
        }
    }
    label
}

/// The node's tags that [`DotOptions::tags`] shows, as `#tag`s on one small
/// line (wrapped like the provenance line).
fn push_tag_line(label: &mut Vec<u8>, node: &Node, opts: &DotOptions) {
    let shown: Vec<String> = node
        .tags()
        .iter()
        .filter(|t| opts.tags.shows(t))
        .map(|t| format!("#{t}"))
        .collect();
    if shown.is_empty() {
        return;
    }
    let open = format!(
        "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"{}\">",
        style::muted(opts.theme)
    );
    let width = opts.wrap + opts.wrap / 2;
    push_html(label, &open, &wrap(&shown.join(" "), width), "</FONT>");
}

/// An edge between `ends`: each end's id and its quoted name.
fn emit_edge(
    edge: &Edge,
    ends: [(&str, QuotedName<'_>); 2],
    opts: &DotOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let [(from, from_name), (to, to_name)] = ends;
    let s = edge_style(edge.kind(), edge.attack(), opts.theme);
    let label = edge.label().map(|l| wrap(l, opts.wrap));
    let mark = match &opts.overlay {
        Some(overlay) if edge.kind() == EdgeKind::Attacks => overlay.attack_mark_of(from, to),
        _ => None,
    };
    let (style, color, penwidth, tooltip) = match mark {
        Some(AttackMark::Decides) => (
            s.style,
            s.color,
            "2.8",
            Some("decides its target's verdict"),
        ),
        Some(AttackMark::FailsUnderFraming) => (
            "dotted",
            style::muted(opts.theme),
            "1",
            Some("fails under the framing"),
        ),
        _ => (s.style, s.color, s.penwidth, None),
    };
    // At most seven attributes, on the stack: edges are most of a map.
    let mut attrs = [("", Value::Plain("")); 7];
    attrs[..4].copy_from_slice(&[
        ("style", Value::Plain(style)),
        ("arrowhead", Value::Plain(s.arrowhead)),
        ("color", Value::Text(color)),
        ("penwidth", Value::Plain(penwidth)),
    ]);
    let mut len = 4;
    // Attacks have no `constraint`: a marked one has room for a tooltip.
    if let Some(tooltip) = tooltip {
        attrs[len] = ("tooltip", Value::Tooltip(tooltip));
        len += 1;
    }
    if let Some(label) = &label {
        attrs[len] = ("xlabel", Value::Text(label));
        attrs[len + 1] = ("fontcolor", Value::Text(color));
        len += 2;
    }
    if edge.kind() == EdgeKind::Frames {
        // A framing is a lens, not a premise: it should not pull the
        // claims it frames into its rank.
        attrs[len] = ("constraint", Value::Plain("false"));
        len += 1;
    }
    sink.edge(from_name, to_name, &attrs[..len])
}

/// Puts each framing over what it frames, where its frames edges run down
/// to it: an invisible edge from each node a drawn frames edge reaches
/// (`frames_drawn`) to its framing, and in a framing's box (`boxes`: the
/// framing first, then what it frames) from every member that supports or
/// attacks nothing else in the box (the box's conclusions). That ranks the
/// framing one step beyond them and centres it over them. On the seed it
/// takes the crossing pairs from 106 to 82 by framing, from 343 to 80 with
/// no boxes, and from 793 to 417 by source. O(n + m).
fn emit_framing_anchors(
    g: &ArgumentGraph,
    boxes: &[ClusterDef],
    cluster_of: &[Option<usize>],
    frames_drawn: &[(NodeIndex, NodeIndex)],
    names: &QuotedNames,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let invisible = [("style", Value::Plain("invis"))];
    for &(framing, framed) in frames_drawn {
        sink.edge(
            names.get(framed.index()),
            names.get(framing.index()),
            &invisible,
        )?;
    }
    let pg = g.as_petgraph();
    // Whether a node points at another member of its box.
    let mut points_inside = vec![false; pg.node_bound()];
    for e in pg.edge_references() {
        let (from, to) = (e.source().index(), e.target().index());
        if e.weight().kind() != EdgeKind::Frames
            && cluster_of[from].is_some()
            && cluster_of[from] == cluster_of[to]
        {
            points_inside[from] = true;
        }
    }
    for c in boxes {
        let Some((&framing, framed)) = c.members.split_first() else {
            continue;
        };
        for &m in framed {
            if !points_inside[m.index()] {
                sink.edge(names.get(m.index()), names.get(framing.index()), &invisible)?;
            }
        }
    }
    Ok(())
}

/// One box: its title and the nodes in it, in order.
struct ClusterDef {
    title: String,
    members: Vec<NodeIndex>,
}

/// Which nodes go into which box (see [`Cluster`]). O(n + m).
fn clusters(g: &ArgumentGraph, by: &Cluster) -> Vec<ClusterDef> {
    match by {
        Cluster::None => Vec::new(),
        Cluster::Framing => framing_clusters(g),
        Cluster::Source => source_clusters(g),
        Cluster::Tag(prefix) => tag_clusters(g, prefix),
    }
}

/// The nodes by their first tag under `prefix` (`prefix:…`, or `prefix`
/// itself), one box per tag, titled with it, in the order the tags first
/// appear. O(n · tags).
fn tag_clusters(g: &ArgumentGraph, prefix: &str) -> Vec<ClusterDef> {
    let mut defs: Vec<ClusterDef> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    let pg = g.as_petgraph();
    for ix in pg.node_indices() {
        let tag = pg[ix].tags().iter().find_map(|t| {
            let rest = t.strip_prefix(prefix)?;
            (rest.is_empty() || rest.starts_with(':')).then_some(t.as_str())
        });
        if let Some(tag) = tag {
            let i = *slot.entry(tag).or_insert_with(|| {
                defs.push(ClusterDef {
                    title: tag.to_string(),
                    members: Vec::new(),
                });
                defs.len() - 1
            });
            defs[i].members.push(ix);
        }
    }
    defs
}

/// A framing and the claims and arguments that it alone frames (a node
/// framed by several framings stays outside, between them).
fn framing_clusters(g: &ArgumentGraph) -> Vec<ClusterDef> {
    /// What frames a node.
    #[derive(Clone, Copy, PartialEq)]
    enum FramedBy {
        Nothing,
        One(NodeIndex),
        Several,
    }
    let pg = g.as_petgraph();
    let mut framed_by = vec![FramedBy::Nothing; pg.node_bound()];
    for e in pg.edge_references() {
        if e.weight().kind() == EdgeKind::Frames {
            let by = &mut framed_by[e.target().index()];
            *by = match *by {
                FramedBy::Nothing => FramedBy::One(e.source()),
                one if one == FramedBy::One(e.source()) => one,
                _ => FramedBy::Several,
            };
        }
    }
    let mut defs = Vec::new();
    let mut box_of = HashMap::new();
    for ix in pg.node_indices() {
        let n = &pg[ix];
        if n.kind() == NodeKind::Framing {
            box_of.insert(ix, defs.len());
            defs.push(ClusterDef {
                title: n.label().unwrap_or(n.id()).to_string(),
                members: vec![ix],
            });
        }
    }
    for ix in pg.node_indices() {
        if let (FramedBy::One(f), false) =
            (framed_by[ix.index()], pg[ix].kind() == NodeKind::Framing)
        {
            if let Some(&i) = box_of.get(&f) {
                defs[i].members.push(ix);
            }
        }
    }
    defs
}

/// The nodes whose first provenance entry cites a source, per source;
/// sources that no node cites first get no box.
fn source_clusters(g: &ArgumentGraph) -> Vec<ClusterDef> {
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
    let pg = g.as_petgraph();
    for ix in pg.node_indices() {
        let first = pg[ix].provenance().first();
        if let Some(&i) = first.and_then(|p| slot.get(p.source.as_str())) {
            defs[i].members.push(ix);
        }
    }
    defs.retain(|d| !d.members.is_empty());
    defs
}
