//! The legend: the node kinds, the relations, and what an overlay's marks mean.

use std::io;

use super::escape::html;
use super::options::{Cluster, DotOptions};
use super::overlay;
use super::sink::{Sink, Target, Value};
use super::style::{self, edge_style, node_style, Theme};
use crate::model::{ArgumentGraph, NodeKind};
use crate::overlay::Overlay;

/// A prefix for the legend's node names that no node id of `g` starts with.
fn legend_prefix(g: &ArgumentGraph) -> String {
    let mut prefix = String::from("legend:");
    while g.nodes().any(|n| n.id().starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    prefix
}

/// The legend box: node kinds on one rank, relations on the next, and the
/// overlay's key under them.
pub(crate) fn emit_legend(
    g: &ArgumentGraph,
    opts: &DotOptions,
    sink: &mut dyn Sink,
) -> io::Result<()> {
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
    emit_kinds(&p, theme, sink)?;
    emit_relations(&p, theme, sink)?;
    // Node kinds on the rank above (below, in a top-to-bottom layout).
    sink.edge(
        &format!("{p}0a"),
        &format!("{p}{}", NodeKind::ALL[0]),
        &[("style", Value::Plain("invis"))],
    )?;
    if let Some(overlay) = &opts.overlay {
        emit_key(overlay, &p, theme, sink)?;
    }
    sink.close_subgraph()
}

/// One sample node per kind, on one rank.
fn emit_kinds(p: &str, theme: Theme, sink: &mut dyn Sink) -> io::Result<()> {
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
    sink.close_subgraph()
}

/// The relations in one row: pairs of points on the same rank joined by
/// sample edges, so the legend stays two ranks tall whatever the layout.
fn emit_relations(p: &str, theme: Theme, sink: &mut dyn Sink) -> io::Result<()> {
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
    Ok(())
}

/// The overlay's key: its caption over a row of its legend marks, each in
/// its fill, on its own rank under the relations.
fn emit_key(overlay: &Overlay, p: &str, theme: Theme, sink: &mut dyn Sink) -> io::Result<()> {
    let marks = overlay.legend_marks();
    let open = format!(
        "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\"><TR><TD COLSPAN=\"{}\" BORDER=\"0\"><B>",
        marks.len().max(1)
    );
    let mut table = html(&open, overlay.caption(), "</B></TD></TR>");
    // Graphviz refuses an empty row.
    if !marks.is_empty() {
        table.extend_from_slice(b"<TR>");
        for &mark in marks {
            let (fill, text) = overlay::look(mark);
            let cell = match theme {
                Theme::Color => html("<TD BGCOLOR=\"", &fill, "\">"),
                Theme::Mono => b"<TD>".to_vec(),
            };
            table.extend_from_slice(&cell);
            table.extend_from_slice(&html("", &text, "</TD>"));
        }
        table.extend_from_slice(b"</TR>");
    }
    if overlay.marks_attacks() {
        let open = format!(
            "<TR><TD COLSPAN=\"{}\" BORDER=\"0\"><FONT POINT-SIZE=\"9\">",
            marks.len().max(1)
        );
        let text = "bold attack: it decides its target's verdict; dotted grey attack: it fails under the framing";
        table.extend_from_slice(&html(&open, text, "</FONT></TD></TR>"));
    }
    table.extend_from_slice(b"</TABLE>");
    let id = format!("{p}evaluation");
    sink.node(
        &id,
        &[
            ("shape", Value::Plain("plain")),
            ("label", Value::Html(&table)),
            ("fontsize", Value::Plain("10")),
        ],
    )?;
    // Under the relations row.
    sink.edge(&id, &format!("{p}0a"), &[("style", Value::Plain("invis"))])
}
