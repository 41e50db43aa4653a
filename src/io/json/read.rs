//! Reading argraph JSON: the document as parsed, its checks, and the graph
//! built from it.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::hash::BuildHasher as _;
use std::ops::Deref;

use hashbrown::HashTable;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::FORMAT_VERSION;
use crate::error::{Error, ErrorKind, Location, Problem, Result, Rule};
use crate::model::data::{self, Blocks, ObjectOnly};
use crate::model::{
    check_edge, provenance_problems, source_problems, ArgumentGraph, AttackKind, Dialogue, Edge,
    EdgeKind, FramingBasis, Node, NodeKind, Provenance, Source,
};

/// What an argraph JSON document is, for messages.
const EXPECTED: &str = "an argraph JSON document: an object with \"argraph\": 1 and \"nodes\": [...] (and optionally \"edges\", \"sources\", \"title\", \"description\")";

/// Reads a graph from JSON bytes (no byte-order mark); see
/// [`from_slice`](super::from_slice).
pub(super) fn read(bytes: &[u8]) -> Result<ArgumentGraph> {
    data::expect_object(bytes, "JSON", EXPECTED)?;
    let parse = |stream_edges| {
        let sources_after_edges = Cell::new(false);
        let seed = DocumentSeed {
            stream_edges,
            sources_after_edges: &sources_after_edges,
        };
        (
            crate::file::parse_json_seed(bytes, seed),
            sources_after_edges.get(),
        )
    };
    let raw = match parse(true) {
        // The edges were checked against the sources declared before them:
        // read the document again, keeping the edges until the end.
        (Err(_), true) => parse(false).0,
        (parsed, _) => parsed,
    };
    let raw = match raw {
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

/// The document as parsed.
struct RawDocument<'a> {
    argraph: Option<Value>,
    title: Option<String>,
    description: Option<String>,
    sources: Vec<Source>,
    nodes: Blocks<RawNode<'a>>,
    edges: RawEdges<'a>,
    dialogue: Option<Dialogue>,
}

/// The edges as parsed. A 10^5-node map has 300,000 edges: kept as parsed
/// (176 bytes each), then as checked, then as built, they took 90 MB, a
/// third of what `argraph dot` touched, and fresh memory is what a command
/// pays most for on a machine that has been idle a few seconds
/// (`benches/floors.py --state cold`). So where the nodes come before the
/// edges, as argraph writes them, each edge is checked and built as soon
/// as it is read.
enum RawEdges<'a> {
    /// Kept as parsed, to be checked once the whole document is read.
    Parsed(Blocks<RawEdge<'a>>),
    /// Checked as they were read: the usable ones built, and the problems
    /// of the others.
    Checked {
        built: Blocks<BuiltEdge>,
        problems: Vec<Problem>,
        kinds: DeclaredKinds,
    },
}

/// The document's keys, refused as serde's derive refuses unknown fields.
#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Argraph,
    Title,
    Description,
    Sources,
    Nodes,
    Edges,
    Dialogue,
}

impl Key {
    fn name(self) -> &'static str {
        match self {
            Key::Argraph => "argraph",
            Key::Title => "title",
            Key::Description => "description",
            Key::Sources => "sources",
            Key::Nodes => "nodes",
            Key::Edges => "edges",
            Key::Dialogue => "dialogue",
        }
    }
}

/// `"argraph"`'s value, read as [`data::optional`] reads it.
#[derive(Deserialize)]
#[serde(transparent)]
struct VersionValue(#[serde(deserialize_with = "data::optional")] Option<Value>);

/// `"sources"`, read as [`data::objects`] reads an array of objects.
#[derive(Deserialize)]
#[serde(transparent)]
struct Sources(#[serde(deserialize_with = "data::objects")] Vec<Source>);

/// Reads a [`RawDocument`], checking the edges as they come
/// (`stream_edges`) where the nodes came first. A `"sources"` key after
/// edges so checked sets `sources_after_edges` and stops the parse: their
/// provenance was checked against too few sources.
struct DocumentSeed<'c> {
    stream_edges: bool,
    sources_after_edges: &'c Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = RawDocument<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        const KEYS: &[&str] = &[
            "argraph",
            "title",
            "description",
            "sources",
            "nodes",
            "edges",
            "dialogue",
        ];
        d.deserialize_struct("RawDocument", KEYS, self)
    }
}

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = RawDocument<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an argraph JSON document (an object with \"argraph\": 1 and \"nodes\")")
    }

    fn visit_map<A: MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut seen = Vec::new();
        let (mut argraph, mut title, mut description, mut dialogue) = (None, None, None, None);
        let mut sources: Vec<Source> = Vec::new();
        let mut nodes: Option<Blocks<RawNode<'de>>> = None;
        let mut edges = None;
        while let Some(key) = map.next_key::<Key>()? {
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(key.name()));
            }
            seen.push(key);
            match key {
                Key::Argraph => argraph = map.next_value::<VersionValue>()?.0,
                Key::Title => title = map.next_value()?,
                Key::Description => description = map.next_value()?,
                Key::Sources if matches!(edges, Some(RawEdges::Checked { .. })) => {
                    self.sources_after_edges.set(true);
                    return Err(de::Error::custom("the sources come after the edges"));
                }
                Key::Sources => sources = map.next_value::<Sources>()?.0,
                Key::Nodes => nodes = Some(map.next_value()?),
                Key::Edges => {
                    edges = Some(match &nodes {
                        Some(nodes) if self.stream_edges => {
                            let kinds = DeclaredKinds::new(nodes);
                            let declared = source_ids(&sources);
                            let mut problems = Vec::new();
                            let built = map.next_value_seed(EdgesSeed {
                                kinds: &kinds,
                                declared: &declared,
                                problems: &mut problems,
                            })?;
                            RawEdges::Checked {
                                built,
                                problems,
                                kinds,
                            }
                        }
                        _ => RawEdges::Parsed(map.next_value()?),
                    })
                }
                Key::Dialogue => dialogue = map.next_value()?,
            }
        }
        Ok(RawDocument {
            argraph,
            title,
            description,
            sources,
            nodes: nodes.ok_or_else(|| de::Error::missing_field("nodes"))?,
            edges: edges.unwrap_or(RawEdges::Parsed(Blocks::default())),
            dialogue,
        })
    }
}

/// Reads the edges array, checking and building each edge as it comes.
struct EdgesSeed<'s> {
    kinds: &'s DeclaredKinds,
    declared: &'s HashSet<&'s str>,
    problems: &'s mut Vec<Problem>,
}

impl<'de> DeserializeSeed<'de> for EdgesSeed<'_> {
    type Value = Blocks<BuiltEdge>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EdgesSeed<'_> {
    type Value = Blocks<BuiltEdge>;

    // What serde's `Vec` says, as for the other arrays.
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Self::Value, A::Error> {
        let mut built = Blocks::default();
        let mut index = 0;
        while let Some(ObjectOnly(edge)) = seq.next_element::<ObjectOnly<RawEdge<'de>>>()? {
            if let Some(edge) = take_edge(index, edge, self.kinds, self.declared, self.problems) {
                built.push(edge);
            }
            index += 1;
        }
        Ok(built)
    }
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
///
/// The ids are kept end to end in one string and the table holds only
/// positions, so each edge's two lookups touch a few megabytes in all:
/// with keys pointing into the document every comparison missed the cache
/// (a fifth of the time `argraph dot` took to read a 10^5-node map).
struct DeclaredKinds {
    /// Every node's id, end to end, and where each one ends.
    ids: String,
    ends: Vec<usize>,
    /// Each node's kind, by position.
    kinds: Vec<Option<NodeKind>>,
    /// Whether an earlier node has the same id, by position.
    repeated: Vec<bool>,
    /// The position of the first node with each id, hashed by the id.
    first: HashTable<usize>,
    hasher: foldhash::fast::RandomState,
}

impl DeclaredKinds {
    /// Records every node's id and kind. O(n).
    fn new(raw_nodes: &Blocks<RawNode<'_>>) -> DeclaredKinds {
        let n = raw_nodes.len();
        let mut ids = String::new();
        let mut ends = Vec::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        for node in raw_nodes.iter() {
            ids.push_str(node.id.as_deref().unwrap_or(""));
            ends.push(ids.len());
            kinds.push(node.kind.as_deref().and_then(|k| k.parse().ok()));
        }
        let hasher = foldhash::fast::RandomState::default();
        let mut first = HashTable::with_capacity(n);
        let mut repeated = vec![false; n];
        for (position, repeated) in repeated.iter_mut().enumerate() {
            let id = nth(&ids, &ends, position);
            if id.is_empty() {
                continue;
            }
            let same = |&p: &usize| nth(&ids, &ends, p) == id;
            let rehash = |&p: &usize| hasher.hash_one(nth(&ids, &ends, p));
            match first.entry(hasher.hash_one(id), same, rehash) {
                hashbrown::hash_table::Entry::Occupied(_) => *repeated = true,
                hashbrown::hash_table::Entry::Vacant(slot) => {
                    slot.insert(position);
                }
            }
        }
        DeclaredKinds {
            ids,
            ends,
            kinds,
            repeated,
            first,
            hasher,
        }
    }

    /// The kind and position of the first node with this id.
    fn get(&self, id: &str) -> Option<(Option<NodeKind>, usize)> {
        let same = |&p: &usize| nth(&self.ids, &self.ends, p) == id;
        let &p = self.first.find(self.hasher.hash_one(id), same)?;
        Some((self.kinds[p], p))
    }
}

/// The `i`-th of the strings kept end to end in `text`, ending at `ends`.
fn nth<'a>(text: &'a str, ends: &[usize], i: usize) -> &'a str {
    let start = i.checked_sub(1).map_or(0, |p| ends[p]);
    &text[start..ends[i]]
}

/// The ids of the declared sources.
fn source_ids(sources: &[Source]) -> HashSet<&str> {
    sources.iter().map(|s| s.id.as_str()).collect()
}

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

/// An edge that passed validation, built: its ends as positions in the
/// document's nodes.
struct BuiltEdge {
    from: usize,
    to: usize,
    edge: Edge,
}

/// Validates the whole document first, so that every problem is reported
/// (an edge is checked against the kinds the document gives its endpoints,
/// even when those nodes are themselves broken), then builds the graph,
/// moving the parsed strings into it rather than copying them.
fn build(raw: RawDocument<'_>) -> Result<ArgumentGraph> {
    let mut problems = source_problems(&raw.sources);
    let (kinds, edge_problems, built) = match raw.edges {
        RawEdges::Checked {
            built,
            problems,
            kinds,
        } => (kinds, problems, built),
        RawEdges::Parsed(parsed) => {
            let kinds = DeclaredKinds::new(&raw.nodes);
            let declared = source_ids(&raw.sources);
            let mut problems = Vec::new();
            let mut built = Blocks::default();
            for (i, e) in parsed.into_iter().enumerate() {
                if let Some(edge) = take_edge(i, e, &kinds, &declared, &mut problems) {
                    built.push(edge);
                }
            }
            (kinds, problems, built)
        }
    };
    let nodes = {
        let declared = source_ids(&raw.sources);
        check_nodes(&raw.nodes, &kinds, &declared, &mut problems)
    };
    problems.extend(edge_problems);
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }
    let mut g = ArgumentGraph::with_capacity(raw.nodes.len(), built.len());
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
    for e in built {
        g.graph_mut().add_edge(index[e.from], index[e.to], e.edge);
    }
    if let Some(t) = raw.title {
        g.set_title(t);
    }
    if let Some(d) = raw.description {
        g.set_description(d);
    }
    *g.sources_mut() = raw.sources;
    g.set_dialogue(raw.dialogue);
    Ok(g)
}

/// Checks every node, with the kinds and positions of every id.
fn check_nodes(
    raw_nodes: &Blocks<RawNode<'_>>,
    kinds: &DeclaredKinds,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) -> Vec<Option<CheckedNode>> {
    let mut nodes = Vec::with_capacity(raw_nodes.len());
    for (i, n) in raw_nodes.iter().enumerate() {
        let at = || Location::Node {
            index: Some(i),
            id: owned(&n.id),
        };
        nodes.push(check_node(n, declared, problems, &at));
        if kinds.repeated[i] {
            let msg = format!(
                "node id {:?} is already used",
                nth(&kinds.ids, &kinds.ends, i)
            );
            problems.push(Problem::new(Rule::DuplicateId, at(), msg));
        }
    }
    nodes
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

/// Checks edge number `i` (its provenance against the `declared` sources,
/// its fields, its kind against its ends' kinds) and, if it is usable,
/// builds it.
fn take_edge(
    i: usize,
    e: RawEdge<'_>,
    kinds: &DeclaredKinds,
    declared: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) -> Option<BuiltEdge> {
    let at = || Location::Edge {
        index: Some(i),
        from: owned(&e.from),
        to: owned(&e.to),
    };
    for msg in provenance_problems(declared, &e.provenance) {
        problems.push(Problem::new(Rule::UndeclaredSource, at(), msg));
    }
    let c = check_edge_fields(&e, kinds, problems, &at)?;
    let mut edge = Edge::new(c.kind, c.attack);
    edge.weight = c.weight;
    edge.label = e.label;
    edge.provenance = e.provenance;
    edge.basis = e.basis;
    edge.data = e.data.filter(|v| !v.is_null());
    Some(BuiltEdge {
        from: c.from,
        to: c.to,
        edge,
    })
}

/// Checks an edge's fields, and its kind against its endpoints' kinds;
/// `None` if it is unusable.
fn check_edge_fields(
    e: &RawEdge<'_>,
    kinds: &DeclaredKinds,
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
    let (from_kind, to_kind) = (kinds.get(from), kinds.get(to));
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
