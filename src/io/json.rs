//! argraph's JSON format, version 1.
//!
//! ```json
//! {"argraph": 1, "title": "…", "description": "…",
//!  "sources": [{"id": "…", "title": "…", "authors": ["…"], "year": 2024, "url": "…", "data": {}}],
//!  "nodes": [{"id": "…", "kind": "claim|evidence|framing|argument", "text": "…", "label": "…",
//!             "weight": 0.7, "tags": ["…"],
//!             "provenance": [{"source": "…", "locator": "…", "quote": "…"}], "data": {}}],
//!  "edges": [{"from": "…", "to": "…", "kind": "supports|attacks|frames",
//!             "attack": "rebut|undermine|undercut", "weight": 0.5, "label": "…", "data": {}}]}
//! ```
//!
//! `argraph` (the format version) and `nodes` are required, and so are each
//! node's `id`, `kind` and `text` and each edge's `from`, `to` and `kind`;
//! everything else is optional. Unknown fields are refused (users' own
//! fields go in `data`), so a typo is an error rather than silently lost
//! data. Reading reports every structural problem at once (see
//! [`Rule`](crate::Rule)); syntax errors carry line and column. Writing then
//! reading gives back an equal graph.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! let text = r#"{"argraph": 1,
//!   "nodes": [{"id": "e", "kind": "evidence", "text": "The US left."},
//!             {"id": "c", "kind": "claim", "text": "Russia sees an opportunity."}],
//!   "edges": [{"from": "e", "to": "c", "kind": "supports"}]}"#;
//! let g = argraph::json::from_str(text)?;
//! assert_eq!(g.edge_count(), 1);
//! let again = argraph::json::from_str(&argraph::json::to_string_pretty(&g)?)?;
//! assert_eq!(again.node("c").unwrap().text(), "Russia sees an opportunity.");
//! # Ok(()) }
//! ```

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Read, Write};
use std::ops::Deref;
use std::path::Path;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
use crate::model::{
    check_edge, check_weight, provenance_problems, source_problems, ArgumentGraph, AttackKind,
    Data, Edge, EdgeKind, Node, NodeKind, Provenance, Source,
};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument<'a> {
    argraph: Option<Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(borrow)]
    nodes: Vec<RawNode<'a>>,
    #[serde(default, borrow)]
    edges: Vec<RawEdge<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    text: Option<Text<'a>>,
    label: Option<String>,
    // A `Value` so that a non-numeric weight is a reported problem, not a parse failure.
    weight: Option<Value>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    provenance: Vec<Provenance>,
    data: Option<Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdge<'a> {
    #[serde(borrow)]
    from: Option<Text<'a>>,
    #[serde(borrow)]
    to: Option<Text<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    attack: Option<Text<'a>>,
    weight: Option<Value>,
    label: Option<String>,
    data: Option<Value>,
}

/// A JSON string borrowed from the input when it has no escapes, owned
/// otherwise. (serde's own `Cow<str>` is always owned inside an `Option`.)
pub(crate) struct Text<'a>(pub(crate) Cow<'a, str>);

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(
                self,
                s: &'de str,
            ) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_owned())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> std::result::Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        d.deserialize_str(TextVisitor)
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    argraph: Option<Value>,
}

/// Reads a graph from JSON bytes (UTF-8, an optional byte-order mark is
/// skipped). O(input size).
///
/// # Errors
/// [`ErrorKind::Parse`] with line and column for malformed, truncated,
/// non-UTF-8 or too deeply nested input (nesting is capped at 128 levels, so
/// hostile input cannot overflow the stack);
/// [`ErrorKind::UnsupportedVersion`] when `argraph` is missing or not 1;
/// [`ErrorKind::Invalid`] listing every structural problem.
///
/// ```
/// let err = argraph::json::from_slice(b"{\"argraph\": 1, \"nodes\": [").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(25)));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<ArgumentGraph> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let raw = match parse_document::<RawDocument<'_>>(bytes) {
        Ok(raw) => {
            version_ok(raw.argraph.as_ref())?;
            raw
        }
        // A document of another version may have another shape: say so
        // rather than report its shape.
        Err(e) => {
            check_version(bytes)?;
            return Err(parse_error(e));
        }
    };
    build(raw)
}

/// Parses a whole JSON document with `serde_json`. Input that is UTF-8
/// (checked once, quickly) is parsed as a `str`, which spares serde_json
/// checking every string again; otherwise the slice parser says where the
/// input breaks. Shared by the readers of large JSON documents.
pub(crate) fn parse_document<'de, T: serde::Deserialize<'de>>(
    bytes: &'de [u8],
) -> serde_json::Result<T> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// Reads a graph from a JSON string. See [`from_slice`].
///
/// ```
/// let err = argraph::json::from_str(r#"{"argraph": 2, "nodes": []}"#).unwrap_err();
/// assert!(err.to_string().contains("unsupported argraph format version 2"));
/// ```
pub fn from_str(text: &str) -> Result<ArgumentGraph> {
    from_slice(text.as_bytes())
}

/// Reads a graph from a reader (it is read to the end first). See [`from_slice`].
///
/// ```
/// let g = argraph::json::from_reader(&br#"{"argraph": 1, "nodes": []}"#[..]).unwrap();
/// assert!(g.is_empty());
/// ```
pub fn from_reader<R: Read>(reader: R) -> Result<ArgumentGraph> {
    super::read_with(reader, from_slice)
}

/// Reads a graph from a file; errors carry the path. See [`from_slice`].
///
/// ```no_run
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// # Ok::<(), argraph::Error>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<ArgumentGraph> {
    super::load_with(path.as_ref(), from_slice)
}

/// On a failed parse: is this a document of another version (or none)?
fn check_version(bytes: &[u8]) -> Result<()> {
    match serde_json::from_slice::<VersionProbe>(bytes) {
        Ok(probe) => version_ok(probe.argraph.as_ref()),
        // Not even an object with a readable "argraph" key: the main parse
        // error says where the input breaks.
        Err(_) => Ok(()),
    }
}

fn version_ok(found: Option<&Value>) -> Result<()> {
    match found {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => Ok(()),
        other => Err(Error::new(ErrorKind::UnsupportedVersion {
            found: other.map(|v| v.to_string()),
            supported: FORMAT_VERSION,
        })),
    }
}

pub(crate) fn parse_error(e: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let category = match e.classify() {
        Category::Syntax | Category::Io => ParseCategory::Syntax,
        Category::Data => ParseCategory::Data,
        Category::Eof => ParseCategory::Eof,
    };
    let (line, column) = (e.line(), e.column());
    let mut message = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    if let Some(stripped) = message.strip_suffix(&suffix) {
        message.truncate(stripped.len());
    }
    if category == ParseCategory::Eof {
        message = format!("{message} (the input is truncated)");
    }
    Error::parse("JSON", category, line, column, message)
}

/// Checks a raw node's fields on their own; `None` if one is unusable.
fn node_fields(
    n: &RawNode<'_>,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<(NodeKind, Option<f64>)> {
    let before = problems.len();
    let id = required(&n.id, "id", problems, at);
    let kind = required(&n.kind, "kind", problems, at).and_then(|k| {
        k.parse::<NodeKind>()
            .map_err(|e| problems.push(Problem::new(Rule::UnknownKind, at(), e.to_string())))
            .ok()
    });
    let text = required(&n.text, "text", problems, at);
    let weight = weight_of(&n.weight, problems, at);
    for msg in provenance_problems(declared, &n.provenance) {
        problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
    }
    (problems.len() == before && id.is_some() && text.is_some()).then_some((kind?, weight))
}

fn required<'a>(
    field: &'a Option<Text<'_>>,
    name: &str,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<&'a str> {
    let value = field.as_deref().filter(|s| !s.is_empty());
    if value.is_none() {
        let msg = format!("missing required field `{name}`");
        problems.push(Problem::new(Rule::MissingField, at(), msg));
    }
    value
}

pub(crate) fn weight_of(
    weight: &Option<Value>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<f64> {
    let w = weight.as_ref()?;
    let checked = match w.as_f64() {
        Some(x) => check_weight(x).map(|()| x),
        None => Err(format!("weight must be a number in [0, 1], found {w}")),
    };
    checked
        .map_err(|msg| problems.push(Problem::new(Rule::BadWeight, at(), msg)))
        .ok()
}

fn vocabulary<T: std::str::FromStr<Err = Error>>(
    field: &Option<Text<'_>>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<T> {
    field
        .as_deref()?
        .parse::<T>()
        .map_err(|e| problems.push(Problem::new(Rule::UnknownKind, at(), e.to_string())))
        .ok()
}

fn owned(text: &Option<Text<'_>>) -> Option<String> {
    text.as_deref().map(str::to_owned)
}

/// An edge that passed validation: its endpoints as positions in `nodes`.
struct CheckedEdge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    weight: Option<f64>,
}

/// Validates the whole document first, so that every problem is reported
/// (an edge is checked against the kinds the document gives its endpoints,
/// even when those nodes are themselves broken), then builds the graph,
/// moving the parsed strings into it rather than copying them.
fn build(raw: RawDocument<'_>) -> Result<ArgumentGraph> {
    let RawDocument {
        title,
        description,
        sources,
        nodes: raw_nodes,
        edges: raw_edges,
        ..
    } = raw;
    let mut problems = source_problems(&sources);
    let declared: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    // The kind each id is first declared with (`None`: a node with that id
    // exists but its kind is unusable, so its edges are not judged), and
    // the node's position.
    let mut kinds: HashMap<&str, (Option<NodeKind>, usize), foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(raw_nodes.len(), Default::default());
    let mut nodes = Vec::with_capacity(raw_nodes.len());
    for (i, n) in raw_nodes.iter().enumerate() {
        let at = || Location::Node {
            index: Some(i),
            id: owned(&n.id),
        };
        let fields = node_fields(n, &declared, &mut problems, &at);
        if let Some(id) = n.id.as_deref().filter(|s| !s.is_empty()) {
            let kind = n.kind.as_deref().and_then(|k| k.parse().ok());
            match kinds.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert((kind, i));
                }
                Entry::Occupied(_) => {
                    let msg = format!("node id {id:?} is already used");
                    problems.push(Problem::new(Rule::DuplicateId, at(), msg));
                }
            }
        }
        nodes.push(fields);
    }

    let mut edges = Vec::with_capacity(raw_edges.len());
    for (i, e) in raw_edges.iter().enumerate() {
        let at = || Location::Edge {
            index: Some(i),
            from: owned(&e.from),
            to: owned(&e.to),
        };
        let before = problems.len();
        let from = required(&e.from, "from", &mut problems, &at);
        let to = required(&e.to, "to", &mut problems, &at);
        let kind = required(&e.kind, "kind", &mut problems, &at).and(vocabulary::<EdgeKind>(
            &e.kind,
            &mut problems,
            &at,
        ));
        let attack = vocabulary::<AttackKind>(&e.attack, &mut problems, &at);
        let weight = weight_of(&e.weight, &mut problems, &at);
        if let (Some(from), Some(to), Some(kind)) = (from, to, kind) {
            let fk = kinds.get(from).copied();
            let tk = kinds.get(to).copied();
            // An endpoint whose own kind is broken was reported with its node.
            let judged = !matches!(fk, Some((None, _))) && !matches!(tk, Some((None, _)));
            if judged {
                let (fkind, tkind) = (fk.and_then(|k| k.0), tk.and_then(|k| k.0));
                if let Err((rule, msg)) = check_edge(from, to, fkind, tkind, kind, attack) {
                    problems.push(Problem::new(rule, at(), msg));
                }
            }
            if let (true, Some((_, from)), Some((_, to))) = (problems.len() == before, fk, tk) {
                edges.push(Some(CheckedEdge {
                    from,
                    to,
                    kind,
                    attack,
                    weight,
                }));
                continue;
            }
        }
        edges.push(None);
    }
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }
    drop(kinds);
    drop(declared);

    // Everything is checked: the graph takes the parsed values as they are.
    let mut g = ArgumentGraph::with_capacity(raw_nodes.len(), raw_edges.len());
    let mut index = Vec::with_capacity(raw_nodes.len());
    for (n, fields) in raw_nodes.into_iter().zip(nodes) {
        let (kind, weight) = fields.expect("validated above");
        let (Some(id), Some(text)) = (n.id, n.text) else {
            unreachable!("validated above")
        };
        let mut node = Node::new(id.0.into_owned(), kind, text.0.into_owned());
        node.label = n.label;
        node.weight = weight;
        node.tags = n.tags;
        node.provenance = n.provenance;
        node.data = n.data.and_then(Data::from_value);
        index.push(g.insert_checked_node(node));
    }
    for (e, checked) in raw_edges.into_iter().zip(edges) {
        let c = checked.expect("validated above");
        let mut edge = Edge::new(c.kind, c.attack);
        edge.weight = c.weight;
        edge.label = e.label;
        edge.data = e.data.and_then(Data::from_value);
        g.graph_mut().add_edge(index[c.from], index[c.to], edge);
    }
    if let Some(t) = title {
        g.set_title(t);
    }
    if let Some(d) = description {
        g.set_description(d);
    }
    *g.sources_mut() = sources;
    Ok(g)
}

/// Serialises a graph through borrowed views, without building a
/// `serde_json::Value` tree.
struct DocumentOut<'a>(&'a ArgumentGraph);
struct NodeOut<'a>(&'a Node);
struct EdgeOut<'a>(crate::EdgeRef<'a>);

impl Serialize for DocumentOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let g = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("argraph", &FORMAT_VERSION)?;
        if let Some(t) = g.title() {
            m.serialize_entry("title", t)?;
        }
        if let Some(d) = g.description() {
            m.serialize_entry("description", d)?;
        }
        if !g.sources().is_empty() {
            m.serialize_entry("sources", g.sources())?;
        }
        m.serialize_entry("nodes", &Seq(|| g.nodes().map(NodeOut)))?;
        m.serialize_entry("edges", &Seq(|| g.edges().map(EdgeOut)))?;
        m.end()
    }
}

/// A sequence serialised straight from an iterator.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

impl Serialize for NodeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let n = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", n.id())?;
        m.serialize_entry("kind", n.kind().as_str())?;
        m.serialize_entry("text", n.text())?;
        if let Some(l) = n.label() {
            m.serialize_entry("label", l)?;
        }
        if let Some(w) = n.weight() {
            m.serialize_entry("weight", &w)?;
        }
        if !n.tags().is_empty() {
            m.serialize_entry("tags", n.tags())?;
        }
        if !n.provenance().is_empty() {
            m.serialize_entry("provenance", n.provenance())?;
        }
        if let Some(d) = &n.data {
            m.serialize_entry("data", d)?;
        }
        m.end()
    }
}

impl Serialize for EdgeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let e = &self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("from", e.from().id())?;
        m.serialize_entry("to", e.to().id())?;
        m.serialize_entry("kind", e.kind().as_str())?;
        if let Some(a) = e.attack() {
            m.serialize_entry("attack", a.as_str())?;
        }
        if let Some(w) = e.weight() {
            m.serialize_entry("weight", &w)?;
        }
        if let Some(l) = e.label() {
            m.serialize_entry("label", l)?;
        }
        if let Some(d) = &e.edge().data {
            m.serialize_entry("data", d)?;
        }
        m.end()
    }
}

/// Writes a graph as compact JSON. O(n + m).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A claim.")?;
/// let mut out = Vec::new();
/// argraph::json::to_writer(&g, &mut out)?;
/// assert_eq!(
///     String::from_utf8(out).unwrap(),
///     r#"{"argraph":1,"nodes":[{"id":"c","kind":"claim","text":"A claim."}],"edges":[]}"#
/// );
/// # Ok(()) }
/// ```
pub fn to_writer<W: Write>(graph: &ArgumentGraph, writer: W) -> Result<()> {
    serde_json::to_writer(writer, &DocumentOut(graph)).map_err(write_error)
}

/// Writes a graph as JSON indented by two spaces, the layout of the files
/// in `graphs/`. O(n + m).
///
/// The bytes are those of `serde_json`'s pretty printer. A large graph's
/// nodes and edges are rendered in blocks on two threads (one renders the
/// next block while the other renders and writes the current one), and
/// written in order, so memory stays a few blocks above the graph's.
pub fn to_writer_pretty<W: Write>(graph: &ArgumentGraph, mut writer: W) -> Result<()> {
    pretty::write(graph, &mut writer)
}

/// The graph as indented JSON. See [`to_writer_pretty`].
pub fn to_string_pretty(graph: &ArgumentGraph) -> Result<String> {
    let mut out = Vec::new();
    to_writer_pretty(graph, &mut out)?;
    out.push(b'\n');
    Ok(String::from_utf8(out).expect("serde_json writes UTF-8"))
}

/// Saves a graph as indented JSON, atomically: on any error the file at
/// `path` is left as it was.
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// let g = argraph::json::load("in.json")?;
/// argraph::json::save(&g, "out.json")?;
/// # Ok(()) }
/// ```
pub fn save(graph: &ArgumentGraph, path: impl AsRef<Path>) -> Result<()> {
    super::write_file(path.as_ref(), |w| {
        to_writer_pretty(graph, &mut *w)?;
        w.write_all(b"\n")?;
        Ok(())
    })
}

fn write_error(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => Error::from(std::io::Error::new(kind, e.to_string())),
        None => Error::new(ErrorKind::InvalidInput(format!("cannot write JSON: {e}"))),
    }
}

/// The pretty JSON writer of [`to_writer_pretty`]: the document rendered in
/// pieces with a formatter that starts at the piece's depth.
mod pretty {
    use std::io::{self, Write};

    use serde::Serialize;
    use serde_json::ser::{Formatter, Serializer};

    use super::{EdgeOut, NodeOut, FORMAT_VERSION};
    use crate::error::Result;
    use crate::model::{ArgumentGraph, Node};

    /// Nodes or edges per block.
    pub(super) const BLOCK: usize = 2048;

    /// `serde_json::ser::PrettyFormatter` with a two-space indent, started
    /// at depth `level`: what it writes for a value at that depth of a
    /// document is what `PrettyFormatter` writes there.
    struct Indented {
        level: usize,
        has_value: bool,
    }

    impl Indented {
        fn at(level: usize) -> Indented {
            Indented {
                level,
                has_value: false,
            }
        }
    }

    /// A line break and the indent of depth `level`.
    fn newline<W: ?Sized + Write>(w: &mut W, level: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    impl Indented {
        fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
            self.level += 1;
            self.has_value = false;
            w.write_all(bracket)
        }

        fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
            self.level -= 1;
            if self.has_value {
                newline(w, self.level)?;
            }
            w.write_all(bracket)
        }

        fn entry<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
            if !first {
                w.write_all(b",")?;
            }
            newline(w, self.level)
        }
    }

    impl Formatter for Indented {
        fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.open(w, b"[")
        }

        fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.close(w, b"]")
        }

        fn begin_array_value<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.entry(w, first)
        }

        fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
            self.has_value = true;
            Ok(())
        }

        fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.open(w, b"{")
        }

        fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.close(w, b"}")
        }

        fn begin_object_key<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            first: bool,
        ) -> io::Result<()> {
            self.entry(w, first)
        }

        fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
            w.write_all(b": ")
        }

        fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
            self.has_value = true;
            Ok(())
        }

        /// Only [`Data`](crate::model::Data) text comes here: compact,
        /// canonical JSON, re-indented as `PrettyFormatter` would write
        /// its value at this depth.
        fn write_raw_fragment<W: ?Sized + Write>(
            &mut self,
            w: &mut W,
            fragment: &str,
        ) -> io::Result<()> {
            reindent(w, fragment.as_bytes(), self.level)
        }
    }

    /// Writes compact JSON `b` (no whitespace outside strings) indented by
    /// two spaces from depth `level`. O(len): strings are copied in runs.
    fn reindent<W: ?Sized + Write>(w: &mut W, b: &[u8], mut level: usize) -> io::Result<()> {
        let mut run = 0; // start of the bytes not yet written
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    // To the closing quote: the next one not escaped.
                    i += 1;
                    while let Some(k) = memchr::memchr2(b'"', b'\\', &b[i..]) {
                        i += k + 1;
                        if b[i - 1] == b'"' {
                            break;
                        }
                        i += 1; // the escaped byte
                    }
                    continue;
                }
                open @ (b'{' | b'[') => {
                    let close = if open == b'{' { b'}' } else { b']' };
                    if b.get(i + 1) == Some(&close) {
                        i += 2; // `{}` and `[]` stay as they are
                        continue;
                    }
                    level += 1;
                    w.write_all(&b[run..=i])?;
                    newline(w, level)?;
                    run = i + 1;
                }
                b'}' | b']' => {
                    level = level.saturating_sub(1);
                    w.write_all(&b[run..i])?;
                    newline(w, level)?;
                    run = i;
                }
                b',' => {
                    w.write_all(&b[run..=i])?;
                    newline(w, level)?;
                    run = i + 1;
                }
                b':' => {
                    w.write_all(&b[run..i])?;
                    w.write_all(b": ")?;
                    run = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
        w.write_all(&b[run.min(b.len())..])
    }

    /// Renders `value` as it appears at depth `level`.
    fn render(buf: &mut Vec<u8>, level: usize, value: &impl Serialize) -> Result<()> {
        value
            .serialize(&mut Serializer::with_formatter(buf, Indented::at(level)))
            .map_err(super::write_error)
    }

    /// A key of the top-level object, after `{` or the previous entry.
    fn key(buf: &mut Vec<u8>, first: bool, key: &str) -> Result<()> {
        buf.extend_from_slice(if first { b"\n  " } else { b",\n  " });
        serde_json::to_writer(&mut *buf, key).map_err(super::write_error)?;
        buf.extend_from_slice(b": ");
        Ok(())
    }

    pub(super) fn write<W: ?Sized + Write>(g: &ArgumentGraph, w: &mut W) -> Result<()> {
        let mut head = b"{".to_vec();
        key(&mut head, true, "argraph")?;
        render(&mut head, 1, &FORMAT_VERSION)?;
        if let Some(t) = g.title() {
            key(&mut head, false, "title")?;
            render(&mut head, 1, &t)?;
        }
        if let Some(d) = g.description() {
            key(&mut head, false, "description")?;
            render(&mut head, 1, &d)?;
        }
        if !g.sources().is_empty() {
            key(&mut head, false, "sources")?;
            render(&mut head, 1, &g.sources())?;
        }
        key(&mut head, false, "nodes")?;
        w.write_all(&head)?;
        let nodes: Vec<&Node> = g.nodes().collect();
        array(w, &nodes, |n| NodeOut(n))?;
        drop(nodes);
        let mut mid = Vec::new();
        key(&mut mid, false, "edges")?;
        w.write_all(&mid)?;
        let edges: Vec<_> = g.edges().collect();
        array(w, &edges, |e| EdgeOut(*e))?;
        w.write_all(b"\n}")?;
        Ok(())
    }

    /// Renders `items[range]` as elements of an array at depth 1.
    fn block<T, S: Serialize>(
        items: &[T],
        range: std::ops::Range<usize>,
        view: &impl Fn(&T) -> S,
    ) -> Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(range.len() * 256);
        for i in range {
            buf.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
            render(&mut buf, 2, &view(&items[i]))?;
        }
        Ok(buf)
    }

    /// Writes an array at depth 1 of the top-level object, in blocks (see
    /// [`crate::io::write_blocks`]).
    fn array<W, T, S, F>(w: &mut W, items: &[T], view: F) -> Result<()>
    where
        W: ?Sized + Write,
        T: Sync,
        S: Serialize,
        F: Fn(&T) -> S + Sync,
    {
        if items.is_empty() {
            w.write_all(b"[]")?;
            return Ok(());
        }
        w.write_all(b"[")?;
        let blocks = items.len().div_ceil(BLOCK);
        let range = |b: usize| b * BLOCK..((b + 1) * BLOCK).min(items.len());
        crate::io::write_blocks(
            blocks,
            |b| block(items, range(b), &view),
            |bytes| Ok(w.write_all(bytes)?),
        )?;
        w.write_all(b"\n  ]")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Provenance, Source};

    /// The graph with every `data` held as a `Value` (text from a reader
    /// parsed).
    fn with_values(g: &ArgumentGraph) -> ArgumentGraph {
        let mut g = g.clone();
        let ids: Vec<String> = g.nodes().map(|n| n.id().to_string()).collect();
        for id in ids {
            let n = g.node_mut(&id).unwrap();
            if let Some(d) = n.data().cloned() {
                n.set_data(d);
            }
        }
        for e in g.graph_mut().edge_weights_mut() {
            if let Some(d) = e.data().cloned() {
                e.set_data(d);
            }
        }
        g
    }

    /// What `serde_json`'s own pretty printer writes for the document,
    /// with every `data` held as a `Value`.
    fn reference(g: &ArgumentGraph) -> Vec<u8> {
        let mut out = Vec::new();
        serde_json::to_writer_pretty(&mut out, &DocumentOut(&with_values(g))).unwrap();
        out
    }

    fn written(g: &ArgumentGraph) -> Vec<u8> {
        let mut out = Vec::new();
        to_writer_pretty(g, &mut out).unwrap();
        out
    }

    /// Nodes and edges with every field, nested data, empty arrays and
    /// objects, escapes; `n` nodes and about `2n` edges.
    fn graph(n: usize) -> ArgumentGraph {
        let mut g = ArgumentGraph::new();
        g.set_title("A \"title\"\nwith a newline")
            .set_description("é ✓ \u{1}");
        g.sources_mut().push(Source::new("s1", "A source"));
        for i in 0..n {
            let node = g
                .claim(format!("n{i}"), format!("Claim {i} \\ \"quoted\""))
                .unwrap();
            if i % 3 == 0 {
                node.set_label(format!("L{i}"));
                node.set_weight(0.25).unwrap();
                node.add_tag("t").add_tag("u");
                node.add_provenance(Provenance::new("s1").with_locator(format!("p. {i}")));
            }
            if i % 2 == 0 {
                node.set_data(serde_json::json!({
                    "aif": {"nodeID": i.to_string(), "timestamp": "2016-09-26"},
                    "list": [1, 2.5, null, true, {"deep": []}, {}],
                    "empty": {}
                }));
            }
        }
        for i in 1..n {
            let e = g
                .supports(&format!("n{i}"), &format!("n{}", i / 2))
                .unwrap();
            if i % 5 == 0 {
                e.set_label("because").set_weight(1.0).unwrap();
                e.set_data(serde_json::json!({"k": [[], [[]]]}));
            }
        }
        for i in (3..n).step_by(2) {
            g.attacks(&format!("n{i}"), &format!("n{}", i - 3)).unwrap();
        }
        g
    }

    /// Any JSON value, with the strings, numbers and empty containers
    /// that stress a re-indenter.
    fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(Value::from),
            "[\\PC\"\\\\{}\\[\\],:\\x00-\\x1f]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::vec(("[a-c:,{}\"]{0,3}", inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn data_text_is_written_as_its_value_would_be(values in proptest::collection::vec(any_value(), 1..6)) {
            let mut g = ArgumentGraph::new();
            for (i, v) in values.into_iter().enumerate() {
                let id = format!("n{i}");
                g.claim(id.clone(), "c").unwrap();
                if !v.is_null() {
                    let text = serde_json::to_string(&v).unwrap();
                    g.node_mut(&id).unwrap().data = Some(Data::from_canonical(text).unwrap());
                }
            }
            proptest::prop_assert_eq!(written(&g), reference(&g));
            let mut compact = Vec::new();
            to_writer(&g, &mut compact).unwrap();
            let mut expected = Vec::new();
            to_writer(&with_values(&g), &mut expected).unwrap();
            proptest::prop_assert_eq!(compact, expected);
        }
    }

    #[test]
    fn aif_data_is_written_as_its_value_would_be() {
        for file in ["aif_quirks.json", "ova_wrapper.json"] {
            let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
            let g = crate::aif::load(path).unwrap().graph;
            let texts = g
                .nodes()
                .filter(|n| matches!(n.data, Some(Data::Text(_))))
                .count();
            assert!(texts > 0, "{file}: the reader keeps data as text");
            assert_eq!(written(&g), reference(&g), "{file}");
        }
    }

    #[test]
    fn pretty_writer_gives_the_bytes_of_serde_json() {
        // Empty, one block, two blocks, and many blocks (rendered on two threads).
        let block = pretty::BLOCK;
        for n in [0, 1, 7, block + 1, 7 * block + 3] {
            let g = graph(n);
            assert_eq!(written(&g), reference(&g), "{n} nodes");
        }
        let bare = ArgumentGraph::new();
        assert_eq!(written(&bare), reference(&bare));
        let seed = load(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graphs/russia_afghanistan.json"
        ))
        .unwrap();
        assert_eq!(written(&seed), reference(&seed));
    }
}
