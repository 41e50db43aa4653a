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

mod read;

use std::io::{Read, Write};
use std::path::Path;

use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{
    ArgumentGraph, AttackKind, Dialogue, EdgeKind, FramingBasis, NodeKind, Provenance, Source,
};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

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
    read::read(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
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
