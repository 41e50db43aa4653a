//! argraph's JSON format, version 1.
//!
//! ```json
//! {"argraph": 1, "title": "…", "description": "…",
//!  "sources": [{"id": "…", "title": "…", "authors": ["…"], "year": 2024, "url": "…", "data": {}}],
//!  "nodes": [{"id": "…", "kind": "claim|evidence|framing|argument", "text": "…", "label": "…",
//!             "weight": 0.7, "tags": ["…"],
//!             "provenance": [{"source": "…", "locator": "…", "quote": "…"}],
//!             "synthesis": true, "data": {}}],
//!  "edges": [{"from": "…", "to": "…", "kind": "supports|attacks|frames",
//!             "attack": "rebut|undermine|undercut", "weight": 0.5, "label": "…",
//!             "provenance": [{"source": "…", "locator": "…", "quote": "…"}],
//!             "basis": "declared|assigned", "data": {}}],
//!  "dialogue": {"nodes": [{"id": "…", "type": "L|YA|TA", "text": "…", "aif": {}}],
//!               "edges": [{"from": "…", "to": "…"}],
//!               "locutions": [{"nodeID": "…", "personID": "…"}], "participants": [{}],
//!               "text": "…"}}
//! ```
//!
//! `dialogue` (optional, written only when the graph has one) is AIF's
//! dialogue layer, kept so that AIF → argraph → AIF loses nothing: see
//! [`Dialogue`]. argraph's model does not use it.
//!
//! `argraph` (the format version) and `nodes` are required, and so are each
//! node's `id`, `kind` and `text` and each edge's `from`, `to` and `kind`;
//! everything else is optional. Unknown fields are refused (users' own
//! fields go in `data`), so a typo is an error rather than silently lost
//! data; so is a key repeated in any object, `data` included, and a
//! document, node or edge that is not a JSON object. `data` is kept as
//! written: numbers keep their text (a 30-digit integer stays 30 digits),
//! keys their order. Reading reports every structural problem at once (see
//! [`Rule`](crate::Rule)); syntax and shape errors carry line and column
//! and the place in the document (`nodes[3] (id "a") > data`). Writing
//! then reading gives back an equal graph.
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
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Location, Problem, Result, Rule};
use crate::model::data;
use crate::model::{
    check_edge, provenance_problems, source_problems, ArgumentGraph, AttackKind, Dialogue, Edge,
    EdgeKind, FramingBasis, Node, NodeKind, Provenance, Source,
};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// What an argraph JSON document is, for messages.
const EXPECTED: &str = "an argraph JSON document: an object with \"argraph\": 1 and \"nodes\": [...] (and optionally \"edges\", \"sources\", \"title\", \"description\")";

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an argraph JSON document (an object with \"argraph\": 1 and \"nodes\")"
)]
struct RawDocument<'a> {
    #[serde(default, deserialize_with = "data::optional")]
    argraph: Option<Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, deserialize_with = "data::objects")]
    sources: Vec<Source>,
    #[serde(borrow)]
    nodes: data::Blocks<RawNode<'a>>,
    #[serde(default, borrow)]
    edges: data::Blocks<RawEdge<'a>>,
    #[serde(default)]
    dialogue: Option<Dialogue>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a node object (with \"id\", \"kind\" and \"text\")"
)]
struct RawNode<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    text: Option<Text<'a>>,
    label: Option<String>,
    // Not an `f64`: a non-numeric weight is a reported problem, not a parse failure.
    #[serde(default, deserialize_with = "data::optional_weight")]
    weight: Option<data::RawWeight>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "data::objects")]
    provenance: Vec<Provenance>,
    #[serde(default)]
    synthesis: bool,
    #[serde(default, deserialize_with = "data::optional_boxed")]
    data: Option<Box<Value>>,
}

#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an edge object (with \"from\", \"to\" and \"kind\")"
)]
struct RawEdge<'a> {
    #[serde(borrow)]
    from: Option<Text<'a>>,
    #[serde(borrow)]
    to: Option<Text<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    attack: Option<Text<'a>>,
    #[serde(default, deserialize_with = "data::optional_weight")]
    weight: Option<data::RawWeight>,
    label: Option<String>,
    #[serde(default, deserialize_with = "data::objects")]
    provenance: Vec<Provenance>,
    basis: Option<FramingBasis>,
    #[serde(default, deserialize_with = "data::optional_boxed")]
    data: Option<Box<Value>>,
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
/// hostile input cannot overflow the stack), for a document that is not an
/// object, and for a key repeated in any object;
/// [`ErrorKind::UnsupportedVersion`] when `argraph` is missing or not 1;
/// [`ErrorKind::Invalid`] listing every structural problem.
///
/// ```
/// let err = argraph::json::from_slice(b"{\"argraph\": 1, \"nodes\": [").unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(1), Some(25)));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<ArgumentGraph> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    data::expect_object(bytes, "JSON", EXPECTED)?;
    let raw = match crate::file::parse_json::<RawDocument<'_>>(bytes) {
        Ok(raw) => {
            version_ok(raw.argraph.as_ref())?;
            raw
        }
        // A document of another version may have another shape: say so
        // rather than report its shape.
        Err(e) => {
            check_version(bytes)?;
            return Err(data::json_error(e, bytes, "JSON"));
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
pub fn from_reader<R: Read>(reader: R) -> Result<ArgumentGraph> {
    crate::file::read_with(reader, from_slice)
}

/// Reads a graph from a file; errors carry the path. See [`from_slice`].
///
/// ```no_run
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// # Ok::<(), argraph::Error>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<ArgumentGraph> {
    crate::file::load_with(path.as_ref(), from_slice)
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

/// The kind each node id is first declared with (`None`: a node with that
/// id exists but its kind is unusable, so its edges are not judged), and
/// the node's position in the document.
type DeclaredKinds<'a> = HashMap<&'a str, (Option<NodeKind>, usize), foldhash::fast::RandomState>;

/// A node that passed validation: what its fields gave once checked.
struct CheckedNode {
    kind: NodeKind,
    weight: Option<f64>,
}

/// An edge that passed validation: its endpoints as positions in the
/// document's nodes.
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
    let mut problems = source_problems(&raw.sources);
    let (nodes, edges) = {
        let declared: HashSet<&str> = raw.sources.iter().map(|s| s.id.as_str()).collect();
        let ids: String = raw.nodes.iter().filter_map(|n| n.id.as_deref()).collect();
        let (nodes, kinds) = check_nodes(&raw.nodes, &ids, &declared, &mut problems);
        let edges = check_edges(&raw.edges, &kinds, &declared, &mut problems);
        (nodes, edges)
    };
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }
    Ok(assemble(raw, nodes, edges))
}

/// Checks every node, and records the kind and position of each id.
/// `ids` is every node's id, in order, end to end: the map's keys are taken
/// from it rather than from the document, so that the two lookups of each
/// edge compare against a megabyte of ids, not a cold spot in a file of
/// tens (a cache miss each: a fifth of the time a 10^5-node map took to
/// read, by `perf`).
fn check_nodes<'a>(
    raw_nodes: &data::Blocks<RawNode<'_>>,
    ids: &'a str,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) -> (Vec<Option<CheckedNode>>, DeclaredKinds<'a>) {
    let mut kinds = DeclaredKinds::with_capacity_and_hasher(raw_nodes.len(), Default::default());
    let mut nodes = Vec::with_capacity(raw_nodes.len());
    let mut rest = ids;
    for (i, n) in raw_nodes.iter().enumerate() {
        let at = || Location::Node {
            index: Some(i),
            id: owned(&n.id),
        };
        nodes.push(check_node(n, declared, problems, &at));
        let (id, after) = rest.split_at(n.id.as_deref().map_or(0, str::len));
        rest = after;
        if !id.is_empty() {
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
    }
    (nodes, kinds)
}

/// Checks a node's fields on their own; `None` if one is unusable.
fn check_node(
    n: &RawNode<'_>,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<CheckedNode> {
    let before = problems.len();
    let id = required(&n.id, "id", problems, at);
    let kind = required(&n.kind, "kind", problems, at).and_then(|k| parse_word(k, problems, at));
    let text = required(&n.text, "text", problems, at);
    let weight = crate::model::raw_weight_of(n.weight.as_ref(), problems, at);
    for msg in provenance_problems(declared, &n.provenance) {
        problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
    }
    let usable = problems.len() == before && id.is_some() && text.is_some();
    usable.then_some(CheckedNode {
        kind: kind?,
        weight,
    })
}

fn check_edges(
    raw_edges: &data::Blocks<RawEdge<'_>>,
    kinds: &DeclaredKinds<'_>,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<CheckedEdge>> {
    let mut edges = Vec::with_capacity(raw_edges.len());
    for (i, e) in raw_edges.iter().enumerate() {
        let at = || Location::Edge {
            index: Some(i),
            from: owned(&e.from),
            to: owned(&e.to),
        };
        for msg in provenance_problems(declared, &e.provenance) {
            problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
        }
        edges.push(check_edge_fields(e, kinds, problems, &at));
    }
    edges
}

/// Checks an edge's fields, and its kind against its endpoints' kinds;
/// `None` if it is unusable.
fn check_edge_fields(
    e: &RawEdge<'_>,
    kinds: &DeclaredKinds<'_>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<CheckedEdge> {
    let before = problems.len();
    let from = required(&e.from, "from", problems, at);
    let to = required(&e.to, "to", problems, at);
    let kind = required(&e.kind, "kind", problems, at).and(parse_field(&e.kind, problems, at));
    let attack = parse_field(&e.attack, problems, at);
    let weight = crate::model::raw_weight_of(e.weight.as_ref(), problems, at);
    if e.basis.is_some() && kind.is_some_and(|k| k != EdgeKind::Frames) {
        let msg = "`basis` (declared or assigned) belongs on frames edges only";
        problems.push(Problem::new(Rule::BasisOffFrames, at(), msg));
    }
    let (from, to, kind) = (from?, to?, kind?);
    let (from_kind, to_kind) = (kinds.get(from).copied(), kinds.get(to).copied());
    // An endpoint whose own kind is broken was reported with its node.
    let judged = !matches!(from_kind, Some((None, _))) && !matches!(to_kind, Some((None, _)));
    if judged {
        let (fk, tk) = (from_kind.and_then(|k| k.0), to_kind.and_then(|k| k.0));
        if let Err((rule, msg)) = check_edge(from, to, fk, tk, kind, attack) {
            problems.push(Problem::new(rule, at(), msg));
        }
    }
    let ((_, from), (_, to)) = (from_kind?, to_kind?);
    (problems.len() == before).then_some(CheckedEdge {
        from,
        to,
        kind,
        attack,
        weight,
    })
}

/// Builds the graph from a document that passed validation: it takes the
/// parsed values as they are.
fn assemble(
    raw: RawDocument<'_>,
    nodes: Vec<Option<CheckedNode>>,
    edges: Vec<Option<CheckedEdge>>,
) -> ArgumentGraph {
    let mut g = ArgumentGraph::with_capacity(raw.nodes.len(), raw.edges.len());
    let mut index = Vec::with_capacity(raw.nodes.len());
    for (n, checked) in raw.nodes.into_iter().zip(nodes) {
        let (Some(c), Some(id), Some(text)) = (checked, n.id, n.text) else {
            unreachable!("validated")
        };
        let mut node = Node::new(id.0.into_owned(), c.kind, text.0.into_owned());
        node.label = n.label;
        node.weight = c.weight;
        node.tags = n.tags;
        node.provenance = n.provenance;
        node.synthesis = n.synthesis;
        node.data = n.data.filter(|v| !v.is_null());
        index.push(g.insert_checked_node(node));
    }
    for (e, checked) in raw.edges.into_iter().zip(edges) {
        let c = checked.expect("validated");
        let mut edge = Edge::new(c.kind, c.attack);
        edge.weight = c.weight;
        edge.label = e.label;
        edge.provenance = e.provenance;
        edge.basis = e.basis;
        edge.data = e.data.filter(|v| !v.is_null());
        g.graph_mut().add_edge(index[c.from], index[c.to], edge);
    }
    if let Some(t) = raw.title {
        g.set_title(t);
    }
    if let Some(d) = raw.description {
        g.set_description(d);
    }
    *g.sources_mut() = raw.sources;
    g.set_dialogue(raw.dialogue);
    g
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

/// A field holding a word of a closed vocabulary (a kind, an attack
/// subtype); `None` when absent or unknown (then a problem says so).
fn parse_field<T: std::str::FromStr<Err = Error>>(
    field: &Option<Text<'_>>,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<T> {
    parse_word(field.as_deref()?, problems, at)
}

fn parse_word<T: std::str::FromStr<Err = Error>>(
    word: &str,
    problems: &mut Vec<Problem>,
    at: &dyn Fn() -> Location,
) -> Option<T> {
    word.parse::<T>()
        .map_err(|e| problems.push(Problem::new(Rule::UnknownKind, at(), e.to_string())))
        .ok()
}

fn owned(text: &Option<Text<'_>>) -> Option<String> {
    text.as_deref().map(str::to_owned)
}

/// The document as written: borrowed views of the graph, so that writing
/// builds no `serde_json::Value` tree.
#[derive(Serialize)]
struct DocumentOut<'a> {
    argraph: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    sources: &'a [Source],
    nodes: NodesOut<'a>,
    edges: EdgesOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dialogue: Option<&'a Dialogue>,
}

impl<'a> DocumentOut<'a> {
    fn new(g: &'a ArgumentGraph) -> DocumentOut<'a> {
        DocumentOut {
            argraph: FORMAT_VERSION,
            title: g.title(),
            description: g.description(),
            sources: g.sources(),
            nodes: NodesOut(g),
            edges: EdgesOut(g),
            dialogue: g.dialogue(),
        }
    }
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    kind: NodeKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    provenance: &'a [Provenance],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    synthesis: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
}

#[derive(Serialize)]
struct EdgeOut<'a> {
    from: &'a str,
    to: &'a str,
    kind: EdgeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    attack: Option<AttackKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    provenance: &'a [Provenance],
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<FramingBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
}

/// The graph's nodes, serialised straight from its iterator.
struct NodesOut<'a>(&'a ArgumentGraph);

impl Serialize for NodesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.nodes().map(|n| NodeOut {
            id: n.id(),
            kind: n.kind(),
            text: n.text(),
            label: n.label(),
            weight: n.weight(),
            tags: n.tags(),
            provenance: n.provenance(),
            synthesis: n.is_synthesis(),
            data: n.data.as_deref(),
        }))
    }
}

/// The graph's edges, serialised straight from its iterator.
struct EdgesOut<'a>(&'a ArgumentGraph);

impl Serialize for EdgesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.edges().map(|e| {
            let edge = e.edge();
            EdgeOut {
                from: e.from().id(),
                to: e.to().id(),
                kind: edge.kind(),
                attack: edge.attack(),
                weight: edge.weight(),
                label: edge.label(),
                provenance: edge.provenance(),
                basis: edge.basis(),
                data: edge.data.as_deref(),
            }
        }))
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
    serde_json::to_writer(writer, &DocumentOut::new(graph)).map_err(write_error)
}

/// Writes a graph as JSON indented by two spaces (`serde_json`'s pretty
/// printer), the layout of the files in `graphs/`. O(n + m).
///
/// Writing goes in many small pieces: give a file through a
/// `std::io::BufWriter` ([`save`] does).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "A claim.")?;
/// let mut out = Vec::new();
/// argraph::json::to_writer_pretty(&g, &mut out)?;
/// assert!(String::from_utf8(out).unwrap().starts_with("{\n  \"argraph\": 1,\n  \"nodes\": ["));
/// # Ok(()) }
/// ```
pub fn to_writer_pretty<W: Write>(graph: &ArgumentGraph, writer: W) -> Result<()> {
    serde_json::to_writer_pretty(writer, &DocumentOut::new(graph)).map_err(write_error)
}

/// The graph as indented JSON, with a final newline, as [`save`] writes it.
/// See [`to_writer_pretty`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let mut g = argraph::ArgumentGraph::new();
/// g.claim("c", "Russia balances threats.")?;
/// let text = argraph::json::to_string_pretty(&g)?;
/// assert!(text.starts_with("{\n  \"argraph\": 1,") && text.ends_with("}\n"));
/// assert_eq!(argraph::json::from_str(&text)?, g);
/// # Ok(()) }
/// ```
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
    crate::file::write_file(path.as_ref(), |w| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Map;

    /// The document built field by field as a `Value`, from the graph's
    /// public accessors: what the writers must write.
    fn document(g: &ArgumentGraph) -> Value {
        let mut doc = Map::new();
        doc.insert("argraph".into(), FORMAT_VERSION.into());
        if let Some(t) = g.title() {
            doc.insert("title".into(), t.into());
        }
        if let Some(d) = g.description() {
            doc.insert("description".into(), d.into());
        }
        if !g.sources().is_empty() {
            doc.insert("sources".into(), serde_json::to_value(g.sources()).unwrap());
        }
        let nodes = g.nodes().map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), n.id().into());
            m.insert("kind".into(), n.kind().as_str().into());
            m.insert("text".into(), n.text().into());
            n.label().map(|l| m.insert("label".into(), l.into()));
            n.weight().map(|w| m.insert("weight".into(), w.into()));
            if !n.tags().is_empty() {
                m.insert("tags".into(), n.tags().into());
            }
            if !n.provenance().is_empty() {
                let p = serde_json::to_value(n.provenance()).unwrap();
                m.insert("provenance".into(), p);
            }
            if n.is_synthesis() {
                m.insert("synthesis".into(), true.into());
            }
            n.data().map(|d| m.insert("data".into(), d.clone()));
            Value::Object(m)
        });
        doc.insert("nodes".into(), nodes.collect());
        let edges = g.edges().map(|e| {
            let mut m = Map::new();
            m.insert("from".into(), e.from().id().into());
            m.insert("to".into(), e.to().id().into());
            m.insert("kind".into(), e.kind().as_str().into());
            e.attack()
                .map(|a| m.insert("attack".into(), a.as_str().into()));
            e.weight().map(|w| m.insert("weight".into(), w.into()));
            e.label().map(|l| m.insert("label".into(), l.into()));
            if !e.edge().provenance().is_empty() {
                let p = serde_json::to_value(e.edge().provenance()).unwrap();
                m.insert("provenance".into(), p);
            }
            e.edge()
                .basis()
                .map(|b| m.insert("basis".into(), b.as_str().into()));
            e.edge().data().map(|d| m.insert("data".into(), d.clone()));
            Value::Object(m)
        });
        doc.insert("edges".into(), edges.collect());
        if let Some(d) = g.dialogue() {
            doc.insert("dialogue".into(), serde_json::to_value(d).unwrap());
        }
        Value::Object(doc)
    }

    /// What `serde_json`'s own pretty printer writes for the document.
    fn reference(g: &ArgumentGraph) -> Vec<u8> {
        serde_json::to_vec_pretty(&document(g)).unwrap()
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
    /// that stress a pretty printer.
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
        fn data_is_written_as_its_value_would_be(values in proptest::collection::vec(any_value(), 1..6)) {
            let mut g = ArgumentGraph::new();
            for (i, v) in values.into_iter().enumerate() {
                let id = format!("n{i}");
                g.claim(id.clone(), "c").unwrap().set_data(v);
            }
            proptest::prop_assert_eq!(written(&g), reference(&g));
            let mut compact = Vec::new();
            to_writer(&g, &mut compact).unwrap();
            proptest::prop_assert_eq!(compact, serde_json::to_vec(&document(&g)).unwrap());
        }
    }

    #[test]
    fn aif_data_is_written_as_its_value_would_be() {
        for file in ["aif_quirks.json", "ova_wrapper.json"] {
            let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
            let g = crate::aif::load(path).unwrap().graph;
            // Since issue 14 the dialogue layer holds the YA anchorings that
            // were some nodes' data: count the edges' data.aif too.
            let with_data = g.nodes().filter(|n| n.data().is_some()).count()
                + g.edges().filter(|e| e.data().is_some()).count();
            assert!(with_data > 0, "{file}: the reader keeps AIF fields in data");
            assert!(g.dialogue().is_some(), "{file}: and the dialogue layer");
            assert_eq!(written(&g), reference(&g), "{file}");
        }
    }

    #[test]
    fn pretty_writer_gives_the_bytes_of_serde_json() {
        for n in [0, 1, 7, 2049, 14339] {
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
