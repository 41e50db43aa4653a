//! Writing a graph as Argdown text that Argdown's tools open and that
//! argraph reads back as the same graph: statements and arguments first,
//! in the graph's order, each with what Argdown's syntax cannot say in a
//! data block; then the edges, in order, as relations.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use serde_json::{Map, Value};

use super::conventions::{EDGE_KEYS, NODE_KEYS};
use super::model::{default_statement_label, kind_tag};
use crate::error::Result;
use crate::io::report::Report;
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, EdgeRef, Node, NodeKind, Provenance};

/// Writes `graph` as Argdown text. O(n + m).
pub(super) fn write<W: Write>(graph: &ArgumentGraph, mut w: W) -> Result<Report> {
    let titles = Titles::of(graph);
    let mut out = String::new();
    front_matter(graph, &mut out);
    w.write_all(out.as_bytes())?;
    out.clear();
    let mut leaf = HashMap::new();
    for e in graph.edges() {
        if matches!(e.kind(), EdgeKind::Supports | EdgeKind::Frames) {
            leaf.entry(e.from().id()).or_insert((0, 0)).1 += 1;
            leaf.entry(e.to().id()).or_insert((0, 0)).0 += 1;
        }
    }
    for n in graph.nodes() {
        let (ins, outs) = leaf.get(n.id()).copied().unwrap_or((0, 0));
        let leaf_premise = NodeKind::is_leaf_premise(ins, outs);
        node(n, &titles, leaf_premise, &mut out);
        out.push('\n');
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    relations(graph, &titles, &mut w)?;
    w.flush()?;
    Ok(Report::new())
}

/// The Argdown title of every node: its id where Argdown can hold it,
/// else a readable stand-in (and the id in data).
struct Titles<'g> {
    of: HashMap<&'g str, String>,
    statement_titles: HashSet<String>,
}

impl<'g> Titles<'g> {
    fn of(graph: &'g ArgumentGraph) -> Titles<'g> {
        let mut of = HashMap::new();
        let mut taken: [HashSet<String>; 2] = [HashSet::new(), HashSet::new()];
        // Ids that are titles as they are come first: a stand-in never takes them.
        for n in graph.nodes() {
            let ns = usize::from(n.kind() == NodeKind::Argument);
            if title_safe(n.id()) && taken[ns].insert(n.id().to_string()) {
                of.insert(n.id(), n.id().to_string());
            }
        }
        for n in graph.nodes() {
            if of.contains_key(n.id()) {
                continue;
            }
            let ns = usize::from(n.kind() == NodeKind::Argument);
            let base = stand_in(n.id());
            let mut title = base.clone();
            let mut k = 2;
            while !taken[ns].insert(title.clone()) {
                title = format!("{base} ({k})");
                k += 1;
            }
            of.insert(n.id(), title);
        }
        let [statement_titles, _] = taken;
        Titles {
            of,
            statement_titles,
        }
    }

    fn get<'s>(&'s self, id: &'s str) -> &'s str {
        self.of.get(id).map_or(id, String::as_str)
    }

    /// `[T]` or `<T>`.
    fn reference(&self, n: &Node) -> String {
        match n.kind() {
            NodeKind::Argument => format!("<{}>", self.get(n.id())),
            _ => format!("[{}]", self.get(n.id())),
        }
    }

    /// `true` when the reader finds the node's id from its title alone.
    fn id_follows(&self, n: &Node) -> bool {
        let title = self.get(n.id());
        title == n.id()
            && (n.kind() != NodeKind::Argument || !self.statement_titles.contains(title))
    }
}

/// What a title must not start with: `<_ a>`, `<+ a>` and `<- a>` open a
/// line as incoming relations, `!` and `-` as other markup.
const UNSAFE_START: [char; 4] = ['-', '!', '+', '_'];

/// A title Argdown reads as written: one line, no brackets, no space at
/// either end, not starting as a relation, a comment or a mention of
/// nothing.
fn title_safe(t: &str) -> bool {
    !t.is_empty()
        && !t.starts_with(UNSAFE_START)
        && t.trim() == t
        && !t
            .chars()
            .any(|c| matches!(c, '[' | ']' | '<' | '>') || !printable(c))
}

fn stand_in(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | '<' | '>') || !printable(c) || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = words
        .trim_start_matches(|c: char| UNSAFE_START.contains(&c) || c.is_whitespace())
        .trim_end();
    if words.is_empty() {
        "node".to_string()
    } else {
        words.to_string()
    }
}

/// Characters YAML and Argdown carry as they are.
fn printable(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

fn front_matter(graph: &ArgumentGraph, out: &mut String) {
    if graph.title().is_none() && graph.description().is_none() && graph.sources().is_empty() {
        return;
    }
    out.push_str("===\n");
    if let Some(t) = graph.title() {
        let _ = writeln!(out, "title: {}", json(&Value::from(t)));
    }
    if let Some(d) = graph.description() {
        let _ = writeln!(out, "description: {}", json(&Value::from(d)));
    }
    if !graph.sources().is_empty() {
        out.push_str("sources:\n");
        for s in graph.sources() {
            let v = serde_json::to_value(s).unwrap_or(Value::Null);
            let _ = writeln!(out, "  - {}", json(&v));
        }
    }
    out.push_str("===\n\n");
}

/// A node's definition: `[T]: text #tags {data}` or `<T>: text #tags {data}`.
fn node(n: &Node, titles: &Titles<'_>, leaf_premise: bool, out: &mut String) {
    let mut data = Map::new();
    let title = titles.get(n.id());
    if !titles.id_follows(n) {
        data.insert("id".into(), Value::from(n.id()));
    }
    let inline_tags = tags_inline(n.tags());
    let kind_needed = match n.kind() {
        NodeKind::Argument => false,
        NodeKind::Claim => leaf_premise,
        NodeKind::Evidence => true,
        NodeKind::Framing => true,
    };
    let mut tags: Vec<String> = n.tags().to_vec();
    if kind_needed {
        if inline_tags {
            tags.push(n.kind().as_str().to_string());
        } else {
            data.insert("kind".into(), Value::from(n.kind().as_str()));
        }
    }
    let default_label = match n.kind() {
        NodeKind::Argument => Some(title),
        _ => default_statement_label(title),
    };
    if n.label() != default_label {
        data.insert("label".into(), n.label().map_or(Value::Null, Value::from));
    }
    let shown = inline_text(n.text());
    if shown.as_deref() != Some(n.text()) {
        data.insert("text".into(), Value::from(n.text()));
    }
    if let Some(w) = n.weight() {
        data.insert("weight".into(), Value::from(w));
    }
    if n.is_synthesis() {
        data.insert("synthesis".into(), Value::Bool(true));
    }
    provenance(n.provenance(), &mut data);
    if !inline_tags {
        data.insert("tags".into(), Value::from(n.tags().to_vec()));
    }
    own_data(n.data(), NODE_KEYS, &mut data);
    let opening = match n.kind() {
        NodeKind::Argument => format!("<{title}>: "),
        _ => format!("[{title}]: "),
    };
    out.push_str(&opening);
    out.push_str(&escape_text(shown.as_deref().unwrap_or(title)));
    if inline_tags {
        for t in &tags {
            out.push(' ');
            out.push_str(&tag(t));
        }
    }
    if !data.is_empty() {
        out.push(' ');
        out.push_str(&json(&Value::Object(data)));
    }
    out.push('\n');
}

/// Provenance: one entry as `source`, `locator`, `quote`; several as a list.
fn provenance(p: &[Provenance], data: &mut Map<String, Value>) {
    match p {
        [] => {}
        [one] => {
            data.insert("source".into(), Value::from(one.source.as_str()));
            if let Some(l) = &one.locator {
                data.insert("locator".into(), Value::from(l.as_str()));
            }
            if let Some(q) = &one.quote {
                data.insert("quote".into(), Value::from(q.as_str()));
            }
        }
        many => {
            let list = serde_json::to_value(many).unwrap_or(Value::Null);
            data.insert("provenance".into(), list);
        }
    }
}

/// The user's own data: its keys beside argraph's when none of them is
/// one of argraph's, else under `data`.
fn own_data(own: Option<&Value>, reserved: &[&str], data: &mut Map<String, Value>) {
    match own {
        None => {}
        Some(Value::Object(m))
            if !m.is_empty() && !m.keys().any(|k| reserved.contains(&k.as_str())) =>
        {
            data.extend(m.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        Some(v) => {
            data.insert("data".into(), v.clone());
        }
    }
}

/// The text as it can stand in Argdown: collapsed whitespace, printable
/// characters only; `None` if nothing is left.
fn inline_text(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.chars().filter(|&c| printable(c)).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Tags go in the text (`#tag`, `#(long tag)`) when each can, none names
/// a kind, and none repeats; else in data.
fn tags_inline(tags: &[String]) -> bool {
    let mut seen = HashSet::new();
    tags.iter().all(|t| {
        !t.is_empty()
            && kind_tag(t).is_none()
            && seen.insert(t.as_str())
            && t.trim() == t
            && !t.contains(')')
            && t.chars()
                .all(|c| printable(c) && !matches!(c, '\n' | '\r' | '\t'))
    })
}

fn tag(t: &str) -> String {
    if t.chars().all(super::lexer::is_tag_char) {
        format!("#{t}")
    } else {
        format!("#({t})")
    }
}

/// Escapes what Argdown would read as syntax inside a line of text.
pub(super) fn escape_text(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '[' | '<' | '{' | '#' | '*' | '_' => true,
            '/' => matches!(next, Some('/' | '*')),
            '=' => next == Some('='),
            '.' | ':' => special_char_at(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `true` if Argdown would read `.name.` or `:name:` here.
fn special_char_at(rest: &[char]) -> bool {
    let delim = rest[0];
    rest.iter()
        .skip(2)
        .take_while(|c| !c.is_whitespace())
        .any(|&c| c == delim)
        && rest.get(1).is_some_and(|c| !c.is_whitespace())
}

/// The edges, in order, as relations under their source node; consecutive
/// edges from one node share its block.
fn relations<W: Write>(graph: &ArgumentGraph, titles: &Titles<'_>, w: &mut W) -> Result<()> {
    let mut seen: HashSet<(&str, &str, &str)> = HashSet::new();
    let mut current: Option<&str> = None;
    let mut out = String::new();
    for e in graph.edges() {
        if current != Some(e.from().id()) {
            if current.is_some() {
                out.push('\n');
            }
            out.push_str(&titles.reference(e.from()));
            out.push('\n');
            current = Some(e.from().id());
        }
        let (marker, data) = relation(&e);
        let repeat = !seen.insert((e.from().id(), e.to().id(), marker));
        let _ = write!(out, "  {marker} {}", titles.reference(e.to()));
        if !data.is_empty() || repeat {
            // Data makes a repeated relation an edge of its own.
            let _ = write!(out, " {}", json(&Value::Object(data)));
        }
        out.push('\n');
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    Ok(())
}

/// An edge's relation marker and what its data block must say.
fn relation(e: &EdgeRef<'_>) -> (&'static str, Map<String, Value>) {
    let mut data = Map::new();
    let (from, to) = (e.from().kind(), e.to().kind());
    let marker = match e.kind() {
        EdgeKind::Supports | EdgeKind::Frames => {
            let read_as_frames =
                from == NodeKind::Framing && matches!(to, NodeKind::Claim | NodeKind::Argument);
            if e.kind() == EdgeKind::Supports && read_as_frames {
                data.insert("kind".into(), Value::from("supports"));
            }
            "+>"
        }
        EdgeKind::Attacks if e.attack() == Some(AttackKind::Undercut) => "_>",
        EdgeKind::Attacks => {
            let implied = match to {
                NodeKind::Claim => Some(AttackKind::Rebut),
                NodeKind::Evidence => Some(AttackKind::Undermine),
                _ => None,
            };
            if e.attack() != implied {
                let a = e.attack().map_or(Value::Null, |a| Value::from(a.as_str()));
                data.insert("attack".into(), a);
            }
            "->"
        }
    };
    if let Some(l) = e.label() {
        data.insert("label".into(), Value::from(l));
    }
    if let Some(w) = e.weight() {
        data.insert("weight".into(), Value::from(w));
    }
    if let Some(b) = e.basis() {
        data.insert("basis".into(), Value::from(b.as_str()));
    }
    provenance(e.provenance(), &mut data);
    own_data(e.data(), EDGE_KEYS, &mut data);
    (marker, data)
}

/// JSON on one line that is also YAML Argdown's lexer keeps whole: in
/// strings, braces, `]`, `>`, `=` and characters YAML does not print are
/// escaped.
fn json(v: &Value) -> String {
    let mut out = String::new();
    json_into(v, &mut out);
    out
}

fn json_into(v: &Value, out: &mut String) {
    match v {
        Value::String(s) => string_into(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                json_into(item, out);
            }
            out.push(']');
        }
        Value::Object(m) => {
            out.push('{');
            for (i, (k, item)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                string_into(k, out);
                out.push_str(": ");
                json_into(item, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn string_into(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Braces would end a data block; `]:` and `>:` read as a
            // definition on the line; `==` could open front matter.
            '{' | '}' | '=' | ']' | '>' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if !printable(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
