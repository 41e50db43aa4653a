//! The interactive page: one self-contained HTML file (no network, no
//! server) holding the map's SVG, the map's data as JSON, and a hand-written
//! script and style sheet (`page/page.js`, `page/page.css`) that pan, zoom,
//! search, filter, focus and recolour the map by the verdicts of each view.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;

use super::options::DotOptions;
use super::overlay::look;
use super::{render, Format};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{ArgumentGraph, Node, Provenance};
use crate::overlay::Overlay;

const TEMPLATE: &str = include_str!("page/page.html");
const STYLE: &str = include_str!("page/page.css");
const SCRIPT: &str = include_str!("page/page.js");

/// One reading of the map the page can switch to (its framing selector):
/// a mark per node, as an [`Overlay`], and, per node, the text that
/// explains its mark. Render draws what it is given; the CLI and
/// [`convert::page_views`](crate::convert::page_views) fill views from an
/// evaluation per framing.
///
/// ```
/// use argraph::overlay::{Mark, Overlay};
/// use argraph::render::PageView;
/// let mut overlay = Overlay::new("grounded, no framing");
/// overlay.mark("c", Mark::In);
/// let mut view = PageView::new("No framing", overlay);
/// view.explanation("c", "c is in: a premise");
/// assert_eq!(view.name(), "No framing");
/// ```
#[derive(Clone, Debug)]
pub struct PageView {
    name: String,
    framing: Option<String>,
    overlay: Overlay,
    explanations: HashMap<String, String>,
}

impl PageView {
    /// A view named `name` (as the selector shows it) drawing `overlay`.
    pub fn new(name: impl Into<String>, overlay: Overlay) -> PageView {
        PageView {
            name: name.into(),
            framing: None,
            overlay,
            explanations: HashMap::new(),
        }
    }

    /// The id of the framing node this view reads the map under.
    pub fn framing(&mut self, id: impl Into<String>) -> &mut PageView {
        self.framing = Some(id.into());
        self
    }

    /// Why node `id` has its mark, as text shown under its details.
    pub fn explanation(&mut self, id: impl Into<String>, text: impl Into<String>) -> &mut PageView {
        self.explanations.insert(id.into(), text.into());
        self
    }

    /// The view's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// What the page's script reads: the graph's nodes and edges with all
/// their text, and each view's marks.
#[derive(Serialize)]
struct PageData<'a> {
    title: Option<&'a str>,
    description: Option<&'a str>,
    sources: &'a [crate::model::Source],
    nodes: Vec<NodeData<'a>>,
    edges: Vec<EdgeData<'a>>,
    views: Vec<ViewData<'a>>,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: &'a str,
    kind: &'static str,
    label: Option<&'a str>,
    text: &'a str,
    tags: &'a [String],
    sources: Vec<&'a str>,
    provenance: &'a [Provenance],
    synthesis: bool,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    from: &'a str,
    to: &'a str,
    /// `supports`, `frames`, or the attack's kind (`rebuts`, …).
    relation: &'static str,
    label: Option<&'a str>,
    provenance: &'a [Provenance],
}

#[derive(Serialize)]
struct ViewData<'a> {
    name: &'a str,
    framing: Option<&'a str>,
    caption: &'a str,
    /// Node id → [fill colour, mark text].
    marks: BTreeMap<&'a str, (String, String)>,
    explanations: &'a HashMap<String, String>,
}

/// Writes the interactive page of `graph`: its SVG drawn with `options`
/// (and their [`Engine`](super::Engine)), each SVG node carrying
/// `data-id`, `data-kind`, `data-tags` (space-separated) and
/// `data-sources`, each edge `data-from`, `data-to` and `data-relation`;
/// the graph as JSON; and `views` for the framing selector. The page works
/// offline: nothing is fetched. O(n + m) plus the drawing; the file holds
/// every text of the map and every explanation given.
///
/// # Errors
/// As [`render`](super::render) for the drawing; the I/O errors of `out`.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{write_page, DotOptions};
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "Russia fills the gap.")?.add_tag("actor:russia");
/// # if cfg!(feature = "builtin-renderer") {
/// let mut page = Vec::new();
/// write_page(&g, &DotOptions::new(), &[], &mut page)?;
/// let page = String::from_utf8(page).unwrap();
/// assert!(page.contains(r#"data-id="c" data-kind="claim" data-tags="actor:russia""#));
/// # }
/// # Ok(()) }
/// ```
pub fn write_page(
    graph: &ArgumentGraph,
    options: &DotOptions,
    views: &[PageView],
    mut out: impl Write,
) -> Result<()> {
    let svg = render(graph, options, Format::Svg)?;
    let svg = String::from_utf8(svg).map_err(|_| {
        Error::new(ErrorKind::InvalidInput(
            "the SVG drawn for the page is not UTF-8".into(),
        ))
    })?;
    let svg = annotate_svg(graph, svg_element(&svg));
    let data = page_data(graph, views);
    // In a <script> element `</script` or `<!--` would end or change it:
    // `<` is written as the JSON escape `\u003c` everywhere (only strings
    // hold it).
    let json = serde_json::to_string(&data)
        .map_err(|e| Error::new(ErrorKind::InvalidInput(format!("page data: {e}"))))?
        .replace('<', "\\u003c");
    let title = graph.title().unwrap_or("argraph map");
    for piece in TEMPLATE.split("{{").flat_map(|p| match p.split_once("}}") {
        Some((slot, rest)) => [slot_text(slot, title, &svg, &json), rest.to_string()],
        None => [String::new(), p.to_string()],
    }) {
        out.write_all(piece.as_bytes())?;
    }
    out.flush()?;
    Ok(())
}

/// What fills a `{{slot}}` of the template.
fn slot_text(slot: &str, title: &str, svg: &str, json: &str) -> String {
    match slot {
        "TITLE" => xml_escape(title),
        "STYLE" => STYLE.to_string(),
        "SVG" => svg.to_string(),
        "DATA" => json.to_string(),
        "SCRIPT" => SCRIPT.to_string(),
        other => format!("{{{{{other}}}}}"),
    }
}

fn page_data<'a>(graph: &'a ArgumentGraph, views: &'a [PageView]) -> PageData<'a> {
    let nodes = graph
        .nodes()
        .map(|n| NodeData {
            id: n.id(),
            kind: n.kind().as_str(),
            label: n.label(),
            text: n.text(),
            tags: n.tags(),
            sources: sources_of(n),
            provenance: n.provenance(),
            synthesis: n.is_synthesis(),
        })
        .collect();
    let edges = graph
        .edges()
        .map(|e| EdgeData {
            from: e.from().id(),
            to: e.to().id(),
            relation: relation(e.edge()),
            label: e.edge().label(),
            provenance: e.edge().provenance(),
        })
        .collect();
    let views = views
        .iter()
        .map(|v| ViewData {
            name: &v.name,
            framing: v.framing.as_deref(),
            caption: v.overlay.caption(),
            marks: graph
                .nodes()
                .filter_map(|n| Some((n.id(), look(v.overlay.mark_of(n.id())?))))
                .collect(),
            explanations: &v.explanations,
        })
        .collect();
    PageData {
        title: graph.title(),
        description: graph.description(),
        sources: graph.sources(),
        nodes,
        edges,
        views,
    }
}

/// The sources a node cites, each once, in the order first cited.
fn sources_of(node: &Node) -> Vec<&str> {
    let mut sources: Vec<&str> = Vec::new();
    for p in node.provenance() {
        if !sources.contains(&p.source.as_str()) {
            sources.push(&p.source);
        }
    }
    sources
}

/// What an edge says: its kind, or for an attack its subtype.
fn relation(edge: &crate::model::Edge) -> &'static str {
    match edge.attack() {
        Some(attack) => attack.as_str(),
        None => edge.kind().as_str(),
    }
}

/// The `<svg>` element alone: the XML declaration, doctype and comments
/// before it have no place inside HTML.
fn svg_element(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |at| &svg[at..])
}

/// Adds `data-*` attributes to each node's and edge's `<g>`, found by
/// its `<title>`: Graphviz titles a node with its name and an edge with
/// `tail->head`. O(length of the SVG).
fn annotate_svg(graph: &ArgumentGraph, svg: &str) -> String {
    let mut nodes: HashMap<String, String> = HashMap::new();
    for n in graph.nodes() {
        let tags = n.tags().join(" ");
        let sources = sources_of(n);
        let attrs = format!(
            " data-id=\"{}\" data-kind=\"{}\" data-tags=\"{}\" data-sources=\"{}\"",
            xml_escape(n.id()),
            n.kind().as_str(),
            xml_escape(&tags),
            xml_escape(&sources.join(" ")),
        );
        nodes.insert(shown_name(n.id()), attrs);
    }
    let mut edges: HashMap<String, String> = HashMap::new();
    for e in graph.edges() {
        let (from, to) = (e.from().id(), e.to().id());
        let attrs = format!(
            " data-from=\"{}\" data-to=\"{}\" data-relation=\"{}\"",
            xml_escape(from),
            xml_escape(to),
            relation(e.edge()),
        );
        edges.insert(format!("{}->{}", shown_name(from), shown_name(to)), attrs);
    }
    let mut out = String::with_capacity(svg.len() + 160 * graph.node_count());
    let mut rest = svg;
    while let Some(at) = rest.find("<g id=\"") {
        let Some(tag_len) = rest[at..].find('>') else {
            break;
        };
        let tag = &rest[at..at + tag_len];
        out.push_str(&rest[..at + tag_len]);
        rest = &rest[at + tag_len..];
        let table = if tag.contains("class=\"node\"") {
            &nodes
        } else if tag.contains("class=\"edge\"") {
            &edges
        } else {
            continue;
        };
        let title = rest
            .strip_prefix(">\n<title>")
            .or_else(|| rest.strip_prefix("><title>"))
            .and_then(|t| t.split_once("</title>"))
            .map(|(t, _)| xml_unescape(t));
        if let Some(attrs) = title.and_then(|t| table.get(&t)) {
            out.push_str(attrs);
        }
    }
    out.push_str(rest);
    out
}

/// A node name as Graphviz shows it in a `<title>` for the DOT our
/// writer makes (see `escape::Mode::Name`): `\\`, `\n`, `\r`, `\t`,
/// `\u{…}` for other control characters, DEL, U+FFFE and U+FFFF, `\%` for
/// a leading `%`, and the second space of a run as a no-break space.
fn shown_name(id: &str) -> String {
    let mut out = String::with_capacity(id.len() + 2);
    if id.starts_with('%') {
        out.push('\\');
    }
    let mut prev = None;
    for c in id.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            ' ' if prev == Some(' ') => out.push('\u{a0}'),
            c => out.push(c),
        }
        prev = Some(c);
    }
    out
}

/// `s` escaped for XML text and attribute values.
fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// XML text with its five named entities and character references
/// resolved (an unknown one is kept as written).
fn xml_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(|n| char::from_u32(n.ok()?)),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_entities_resolve_and_unknown_ones_stay() {
        assert_eq!(
            xml_unescape("c&#45;x &amp; &lt;b&gt; &#x41;"),
            "c-x & <b> A"
        );
        assert_eq!(xml_unescape("a &bogus; b & c"), "a &bogus; b & c");
    }

    #[test]
    fn names_show_as_graphviz_titles_them() {
        assert_eq!(shown_name("%a\\b\n  c\u{1}"), "\\%a\\\\b\\n \u{a0}c\\u{1}");
    }
}
