//! GraphML export, for yEd, Gephi and Cytoscape.
//!
//! Every node and edge attribute is declared as a GraphML `<key>`, so the
//! tools show them as columns (Gephi, Cytoscape) or properties (yEd, whose
//! *Properties Mapper* can turn `kind` into shapes and `label` into labels):
//!
//! | for | key (`attr.name`) | type | value |
//! |---|---|---|---|
//! | graph | `title`, `description` | string | as in argraph JSON |
//! | node | `kind` | string | `claim`, `evidence`, `framing`, `argument` |
//! | node | `text`, `label` | string | as in argraph JSON (no `label` when there is none) |
//! | node | `weight` | double | the declared weight (none when undeclared) |
//! | node | `tags` | string | the tags, joined with `", "` |
//! | node | `provenance` | string | each entry as `source, locator: “quote”`, joined with `"; "` |
//! | node | `data` | string | the `data` field as compact JSON |
//! | edge | `kind` | string | `supports`, `attacks`, `frames` |
//! | edge | `attack` | string | `rebut`, `undermine`, `undercut` |
//! | edge | `label`, `weight`, `data` | as for nodes | |
//!
//! Node ids are argraph's ids; edges are numbered `e0`, `e1`, … Text is
//! escaped for XML; the few characters XML 1.0 cannot carry at all (control
//! characters other than tab, line feed and carriage return, U+FFFE and
//! U+FFFF) are written as U+FFFD and counted in the returned [`Report`].
//! Ids must stay distinct, so in them such a character is written as a
//! `\u{…}` escape (lowercase hex, as Rust's `escape_debug` writes it) and a
//! backslash as `\\`; the report counts the ids that needed an escape.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! let mut g = argraph::ArgumentGraph::new();
//! g.evidence("e", "Exports rose by 5% & imports fell.")?;
//! g.claim("c", "Trade is <improving>.")?.set_weight(0.8)?;
//! g.supports("e", "c")?;
//! let mut out = Vec::new();
//! argraph::graphml::to_writer(&g, &mut out)?;
//! let xml = String::from_utf8(out).unwrap();
//! assert!(xml.contains(r#"<node id="c"><data key="n_kind">claim</data>"#));
//! assert!(xml.contains("5% &amp; imports"));
//! assert!(xml.contains(r#"<data key="n_weight">0.8</data>"#));
//! # Ok(()) }
//! ```

use std::io::Write;
use std::path::Path;

use crate::error::Result;
use crate::io::report::{Report, Severity};
use crate::model::{ArgumentGraph, EdgeRef, Node, Provenance};

const W_CHARS: &str = "character XML 1.0 cannot carry (a control character), written as U+FFFD";
const W_IDS: &str =
    "node id with a character XML 1.0 cannot carry (a control character), written with a \\u{…} escape";

/// The attributes, declared as `<key>`s: id, the element they are for,
/// name, type.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_title", "graph", "title", "string"),
    ("g_description", "graph", "description", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_text", "node", "text", "string"),
    ("n_label", "node", "label", "string"),
    ("n_weight", "node", "weight", "double"),
    ("n_tags", "node", "tags", "string"),
    ("n_provenance", "node", "provenance", "string"),
    ("n_data", "node", "data", "string"),
    ("e_kind", "edge", "kind", "string"),
    ("e_attack", "edge", "attack", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_weight", "edge", "weight", "double"),
    ("e_data", "edge", "data", "string"),
];

/// Writes `text` escaped for XML character data or (`attribute`) an
/// attribute value, where tab and newline are written as character
/// references so that attribute-value normalisation keeps them; returns how
/// many characters had to be replaced.
fn escape<W: Write + ?Sized>(out: &mut W, text: &str, attribute: bool) -> std::io::Result<usize> {
    let mut replaced = 0;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let rep: &str = match c {
            c if is_forbidden_in_xml(c) => {
                replaced += 1;
                "\u{FFFD}"
            }
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' if attribute => "&#9;",
            '\n' if attribute => "&#10;",
            '\t' | '\n' => continue,
            '\r' => "&#13;",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[start..i])?;
        out.write_all(rep.as_bytes())?;
        start = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[start..])?;
    Ok(replaced)
}

/// `true` for the characters XML 1.0 cannot carry, not even as a character
/// reference (Rust strings hold no surrogates).
fn is_forbidden_in_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// `id` with its backslashes doubled and each character XML 1.0 cannot
/// carry written as `\u{…}`: distinct ids stay distinct; an id without
/// either comes back borrowed.
fn distinct_id(id: &str) -> std::borrow::Cow<'_, str> {
    if !id.contains(|c| c == '\\' || is_forbidden_in_xml(c)) {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 8);
    for c in id.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if is_forbidden_in_xml(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn provenance_text(p: &[Provenance]) -> String {
    p.iter()
        .map(|p| {
            let mut s = p.source.clone();
            if let Some(l) = &p.locator {
                s.push_str(", ");
                s.push_str(l);
            }
            if let Some(q) = &p.quote {
                s.push_str(": “");
                s.push_str(q);
                s.push('”');
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Writes XML to `w`, counting the characters it had to replace.
struct XmlWriter<'a, W: Write + ?Sized> {
    w: &'a mut W,
    replaced: usize,
    /// Node ids that needed a `\u{…}` escape.
    escaped_ids: usize,
}

impl<W: Write + ?Sized> XmlWriter<'_, W> {
    fn raw(&mut self, s: &str) -> std::io::Result<()> {
        self.w.write_all(s.as_bytes())
    }

    fn text(&mut self, s: &str) -> std::io::Result<()> {
        self.replaced += escape(self.w, s, false)?;
        Ok(())
    }

    /// A node id, as an attribute value: see [`distinct_id`].
    fn id(&mut self, id: &str) -> std::io::Result<()> {
        let id = distinct_id(id);
        escape(self.w, &id, true)?;
        Ok(())
    }

    fn data(&mut self, key: &str, value: &str) -> std::io::Result<()> {
        self.raw("<data key=\"")?;
        self.raw(key)?;
        self.raw("\">")?;
        self.text(value)?;
        self.raw("</data>")
    }

    /// A `data` element of the graph, on a line of its own.
    fn graph_data(&mut self, key: &str, value: Option<&str>) -> std::io::Result<()> {
        let Some(value) = value else { return Ok(()) };
        self.raw("    ")?;
        self.data(key, value)?;
        self.raw("\n")
    }

    fn node(&mut self, n: &Node) -> std::io::Result<()> {
        self.raw("    <node id=\"")?;
        if n.id().contains(is_forbidden_in_xml) {
            self.escaped_ids += 1;
        }
        self.id(n.id())?;
        self.raw("\">")?;
        self.data("n_kind", n.kind().as_str())?;
        self.data("n_text", n.text())?;
        if let Some(l) = n.label() {
            self.data("n_label", l)?;
        }
        if let Some(w) = n.weight() {
            self.data("n_weight", &w.to_string())?;
        }
        if !n.tags().is_empty() {
            self.data("n_tags", &n.tags().join(", "))?;
        }
        if !n.provenance().is_empty() {
            self.data("n_provenance", &provenance_text(n.provenance()))?;
        }
        if let Some(d) = n.data() {
            self.data("n_data", &d.to_string())?;
        }
        self.raw("</node>\n")
    }

    /// The `index`-th edge, `e{index}`.
    fn edge(&mut self, index: usize, e: &EdgeRef<'_>) -> std::io::Result<()> {
        self.raw(&format!("    <edge id=\"e{index}\" source=\""))?;
        self.id(e.from().id())?;
        self.raw("\" target=\"")?;
        self.id(e.to().id())?;
        self.raw("\">")?;
        self.data("e_kind", e.kind().as_str())?;
        if let Some(a) = e.attack() {
            self.data("e_attack", a.as_str())?;
        }
        if let Some(l) = e.label() {
            self.data("e_label", l)?;
        }
        if let Some(w) = e.weight() {
            self.data("e_weight", &w.to_string())?;
        }
        if let Some(d) = e.data() {
            self.data("e_data", &d.to_string())?;
        }
        self.raw("</edge>\n")
    }
}

/// Writes a graph as GraphML. O(n + m).
///
/// # Errors
/// Only I/O errors of `writer`.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "Russia hosted the Moscow format talks.")?;
/// g.claim("c", "Russia seeks a role as mediator.")?;
/// g.supports("e", "c")?;
/// let mut out = Vec::new();
/// let report = argraph::graphml::to_writer(&g, &mut out)?;
/// let xml = String::from_utf8(out).unwrap();
/// assert!(xml.contains("<node id=\"e\">") && xml.contains("<edge id=\"e0\" source=\"e\" target=\"c\">"));
/// assert!(report.is_empty());
/// # Ok(()) }
/// ```
pub fn to_writer<W: Write>(graph: &ArgumentGraph, mut writer: W) -> Result<Report> {
    let mut xml = XmlWriter {
        w: &mut writer,
        replaced: 0,
        escaped_ids: 0,
    };
    xml.raw(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    ))?;
    for (id, element, name, ty) in KEYS {
        xml.raw(&format!(
            "  <key id=\"{id}\" for=\"{element}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ))?;
    }
    xml.raw("  <graph id=\"argraph\" edgedefault=\"directed\">\n")?;
    xml.graph_data("g_title", graph.title())?;
    xml.graph_data("g_description", graph.description())?;
    for n in graph.nodes() {
        xml.node(n)?;
    }
    for (i, e) in graph.edges().enumerate() {
        xml.edge(i, &e)?;
    }
    xml.raw("  </graph>\n</graphml>\n")?;
    let mut report = Report::new();
    report.add(Severity::Warning, W_CHARS, xml.replaced, || None);
    report.add(Severity::Warning, W_IDS, xml.escaped_ids, || None);
    Ok(report)
}

/// Saves a graph as a GraphML file, atomically. See [`to_writer`].
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// argraph::graphml::save(&g, "map.graphml")?; // opens in yEd, Gephi, Cytoscape
/// # Ok(()) }
/// ```
pub fn save(graph: &ArgumentGraph, path: impl AsRef<Path>) -> Result<Report> {
    let mut report = Report::new();
    crate::file::write_file(path.as_ref(), |w| {
        report = to_writer(graph, &mut *w)?;
        Ok(())
    })?;
    Ok(report)
}
