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

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
use crate::model::{
    check_edge, check_weight, provenance_problems, source_problems, ArgumentGraph, AttackKind,
    EdgeKind, Node, NodeKind, Provenance, Source,
};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    argraph: Option<Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    sources: Vec<Source>,
    nodes: Vec<RawNode>,
    #[serde(default)]
    edges: Vec<RawEdge>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: Option<String>,
    kind: Option<String>,
    text: Option<String>,
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
struct RawEdge {
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
    attack: Option<String>,
    weight: Option<Value>,
    label: Option<String>,
    data: Option<Value>,
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
    let raw = match serde_json::from_slice::<RawDocument>(bytes) {
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
pub fn from_reader<R: Read>(mut reader: R) -> Result<ArgumentGraph> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    from_slice(&bytes)
}

/// Reads a graph from a file; errors carry the path. See [`from_slice`].
///
/// ```no_run
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// # Ok::<(), argraph::Error>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<ArgumentGraph> {
    let path = path.as_ref();
    let bytes = super::read_file(path)?;
    from_slice(&bytes).map_err(|e| e.at_path(path))
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
fn node_fields<'a>(
    n: &'a RawNode,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<(&'a str, NodeKind, &'a str, Option<f64>)> {
    let before = problems.len();
    let id = required(&n.id, "id", problems, at);
    let kind = required(&n.kind, "kind", problems, at).and_then(|k| {
        k.parse::<NodeKind>()
            .map_err(|msg| problems.push(Problem::new(Rule::UnknownKind, at(), msg)))
            .ok()
    });
    let text = required(&n.text, "text", problems, at);
    let weight = weight_of(&n.weight, problems, at);
    for msg in provenance_problems(declared, &n.provenance) {
        problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
    }
    (problems.len() == before).then_some((id?, kind?, text?, weight))
}

fn required<'a>(
    field: &'a Option<String>,
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

fn weight_of(
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

fn vocabulary<T: std::str::FromStr<Err = String>>(
    field: &Option<String>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<T> {
    field
        .as_deref()?
        .parse::<T>()
        .map_err(|msg| problems.push(Problem::new(Rule::UnknownKind, at(), msg)))
        .ok()
}

/// Validates the whole document first, so that every problem is reported
/// (an edge is checked against the kinds the document gives its endpoints,
/// even when those nodes are themselves broken), then builds the graph.
fn build(raw: RawDocument) -> Result<ArgumentGraph> {
    let mut problems = source_problems(&raw.sources);
    let declared: HashSet<&str> = raw.sources.iter().map(|s| s.id.as_str()).collect();
    // The kind each id is first declared with (`None`: a node with that id
    // exists but its kind is unusable, so its edges are not judged).
    let mut kinds: HashMap<&str, Option<NodeKind>> = HashMap::with_capacity(raw.nodes.len());
    let mut nodes = Vec::with_capacity(raw.nodes.len());
    for (i, n) in raw.nodes.iter().enumerate() {
        let at = || Location::Node {
            index: Some(i),
            id: n.id.clone(),
        };
        let fields = node_fields(n, &declared, &mut problems, &at);
        if let Some(id) = n.id.as_deref().filter(|s| !s.is_empty()) {
            let kind = n.kind.as_deref().and_then(|k| k.parse().ok());
            match kinds.entry(id) {
                Entry::Vacant(slot) => {
                    slot.insert(kind);
                }
                Entry::Occupied(_) => {
                    let msg = format!("node id {id:?} is already used");
                    problems.push(Problem::new(Rule::DuplicateId, at(), msg));
                }
            }
        }
        nodes.push(fields);
    }

    let mut edges = Vec::with_capacity(raw.edges.len());
    for (i, e) in raw.edges.iter().enumerate() {
        let at = || Location::Edge {
            index: Some(i),
            from: e.from.clone(),
            to: e.to.clone(),
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
            let fk = kinds.get(from);
            let tk = kinds.get(to);
            // An endpoint whose own kind is broken was reported with its node.
            let judged = !matches!(fk, Some(None)) && !matches!(tk, Some(None));
            if judged {
                let (fk, tk) = (fk.copied().flatten(), tk.copied().flatten());
                if let Err((rule, msg)) = check_edge(from, to, fk, tk, kind, attack) {
                    problems.push(Problem::new(rule, at(), msg));
                }
            }
            if problems.len() == before {
                edges.push((from, to, kind, attack, weight, e));
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }

    let mut g = ArgumentGraph::with_capacity(raw.nodes.len(), raw.edges.len());
    for (fields, n) in nodes.into_iter().zip(&raw.nodes) {
        let (id, kind, text, weight) = fields.expect("validated above");
        let ix = g
            .try_add_node(id.to_string(), kind, text.to_string())
            .expect("validated above");
        let node: &mut Node = &mut g.graph_mut()[ix];
        node.label = n.label.clone();
        node.weight = weight;
        node.tags = n.tags.clone();
        node.provenance = n.provenance.clone();
        node.data = n.data.clone().filter(|d| !d.is_null());
    }
    for (from, to, kind, attack, weight, e) in edges {
        let ix = g
            .try_add_edge(from, to, kind, attack)
            .expect("validated above");
        let edge = &mut g.graph_mut()[ix];
        edge.weight = weight;
        edge.label = e.label.clone();
        edge.data = e.data.clone().filter(|d| !d.is_null());
    }
    if let Some(t) = raw.title {
        g.set_title(t);
    }
    if let Some(d) = raw.description {
        g.set_description(d);
    }
    *g.sources_mut() = raw.sources;
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
        if let Some(d) = n.data() {
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
        if let Some(d) = e.data() {
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
pub fn to_writer_pretty<W: Write>(graph: &ArgumentGraph, writer: W) -> Result<()> {
    serde_json::to_writer_pretty(writer, &DocumentOut(graph)).map_err(write_error)
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
