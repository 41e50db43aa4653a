//! The legend: the node kinds, the relations, and what an overlay's marks mean.

use std::io;

use super::escape::{html, QuotedNames};
use super::options::{Cluster, DotOptions};
use super::overlay;
use super::sink::{Sink, Target, Value};
use super::style::{self, edge_style, node_style, Theme};
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, NodeKind};
use crate::overlay::Overlay;

/// A prefix for the legend's node names that no node id of `g` starts with.
fn legend_prefix(g: &ArgumentGraph) -> String {
    let mut prefix = String::from("legend:");
    while g.nodes().any(|n| n.id().starts_with(&prefix)) {
        prefix.insert(0, '_');
    }
    prefix
}

/// What a map draws, so that its legend shows only that: which node kinds
/// (by position in [`NodeKind::ALL`]) and which relations (by position in
/// [`style::RELATIONS`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct Drawn {
    pub kinds: [bool; NodeKind::ALL.len()],
    pub relations: [bool; style::RELATIONS.len()],
}

impl Drawn {
    /// Notes an edge drawn with this relation.
    pub fn relation(&mut self, kind: EdgeKind, attack: Option<AttackKind>) {
        if let Some(i) = style::RELATIONS
            .iter()
            .position(|&r| r == (kind, attack.filter(|_| kind == EdgeKind::Attacks)))
        {
            self.relations[i] = true;
        }
    }

    /// Everything, for a map that draws nothing: the legend then shows the
    /// whole visual language.
    fn or_everything(&self) -> Drawn {
        if self.kinds.iter().chain(&self.relations).any(|&d| d) {
            self.clone()
        } else {
            Drawn {
                kinds: [true; NodeKind::ALL.len()],
                relations: [true; style::RELATIONS.len()],
            }
        }
    }
}

/// How many entries (node kinds, relations) a legend row holds: two on a
/// small map (under 30 nodes), where a wide legend would be a large part of
/// the picture; all in one row on a larger one, where a tall legend would
/// stretch the map's ranks.
fn per_row(g: &ArgumentGraph) -> usize {
    if g.node_count() < 30 {
        2
    } else {
        style::RELATIONS.len()
    }
}

/// The legend box, scaled to the map: the node kinds it draws, then the
/// relations it draws, in rows (see [`per_row`]), and the overlay's key at
/// the bottom.
pub(crate) fn emit_legend(
    g: &ArgumentGraph,
    opts: &DotOptions,
    drawn: &Drawn,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    let theme = opts.theme;
    let drawn = drawn.or_everything();
    let p = legend_prefix(g);
    sink.open_subgraph("cluster_legend")?;
    let title: &[u8] = match &opts.cluster {
        Cluster::Framing => b"<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds a framing<BR/>and what it alone frames</FONT>",
        Cluster::Source => b"<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds the nodes<BR/>drawn from one source</FONT>",
        Cluster::Tag(_) => b"<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds the nodes<BR/>that carry one tag</FONT>",
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
    let per_row = per_row(g);
    let kinds = emit_kinds(&p, &drawn, per_row, theme, sink)?;
    let rows = emit_relations(&p, &drawn, per_row, theme, sink)?;
    // Each row on the rank under the one before: kinds first.
    let firsts: Vec<&String> = kinds.iter().chain(&rows).collect();
    let names = QuotedNames::new(firsts.iter().map(|s| s.as_str()));
    for i in 1..firsts.len() {
        let invisible = [("style", Value::Plain("invis"))];
        sink.edge(names.get(i), names.get(i - 1), &invisible)?;
    }
    if let Some(overlay) = &opts.overlay {
        emit_key(overlay, &p, firsts.last().map(|s| s.as_str()), theme, sink)?;
    }
    sink.close_subgraph()
}

/// One sample node per kind drawn, `per_row` to a rank; returns each
/// row's first node.
fn emit_kinds(
    p: &str,
    drawn: &Drawn,
    per_row: usize,
    theme: Theme,
    sink: &mut dyn Sink,
) -> io::Result<Vec<String>> {
    let shown: Vec<NodeKind> = NodeKind::ALL
        .iter()
        .zip(drawn.kinds)
        .filter_map(|(&k, d)| d.then_some(k))
        .collect();
    let mut firsts = Vec::new();
    for (r, row) in shown.chunks(per_row).enumerate() {
        sink.open_subgraph(&format!("{p}kinds{r}"))?;
        sink.defaults(Target::Graph, &[("rank", Value::Plain("same"))])?;
        for &kind in row {
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
        firsts.push(format!("{p}{}", row[0]));
    }
    Ok(firsts)
}

/// The relations drawn, `per_row` to a row: pairs of points on one rank
/// joined by sample edges. Returns each row's first point.
fn emit_relations(
    p: &str,
    drawn: &Drawn,
    per_row: usize,
    theme: Theme,
    sink: &mut dyn Sink,
) -> io::Result<Vec<String>> {
    let point = [
        ("shape", Value::Plain("point")),
        ("width", Value::Plain("0.06")),
        ("color", Value::Text(style::muted(theme))),
    ];
    let shown: Vec<usize> = (0..style::RELATIONS.len())
        .filter(|&i| drawn.relations[i])
        .collect();
    let mut firsts = Vec::new();
    for (r, row) in shown.chunks(per_row).enumerate() {
        sink.open_subgraph(&format!("{p}relations{r}"))?;
        sink.defaults(Target::Graph, &[("rank", Value::Plain("same"))])?;
        for &i in row {
            sink.node(&format!("{p}{i}a"), &point)?;
            sink.node(&format!("{p}{i}b"), &point)?;
        }
        sink.close_subgraph()?;
        firsts.push(format!("{p}{}a", row[0]));
    }
    for &i in &shown {
        let (kind, attack) = style::RELATIONS[i];
        let s = edge_style(kind, attack, theme);
        let ends = [format!("{p}{i}a"), format!("{p}{i}b")];
        let names = QuotedNames::new(ends.iter().map(String::as_str));
        sink.edge(
            names.get(0),
            names.get(1),
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
    Ok(firsts)
}

/// The overlay's key: its caption over a row of its legend marks, each in
/// its fill, on its own rank under `above` (the legend's last row).
fn emit_key(
    overlay: &Overlay,
    p: &str,
    above: Option<&str>,
    theme: Theme,
    sink: &mut dyn Sink,
) -> io::Result<()> {
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
        let text = "bold attack: it decides its target's verdict;\ndotted grey attack: it fails under the framing";
        table.extend_from_slice(&html(&open, text, "</FONT></TD></TR>"));
    }
    table.extend_from_slice(b"</TABLE>");
    let id = format!("{p}evaluation");
    sink.node(
        &id,
        &[
            ("shape", Value::Plain("plain")),
            ("label", Value::Html(&table)),
            ("fontsize", Value::Plain("9")),
        ],
    )?;
    // Under the last row.
    match above {
        Some(above) => {
            let names = QuotedNames::new([id.as_str(), above]);
            let invisible = [("style", Value::Plain("invis"))];
            sink.edge(names.get(0), names.get(1), &invisible)
        }
        None => Ok(()),
    }
}
