//! argraph → AIF.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

use super::document::{DocumentExtension, NodeType};
use super::{collapsible, derive_attack, derive_evidence, Flavor, MA_LABEL};
use crate::error::{Error, ErrorKind, Result};
use crate::io::report::Report;
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, EdgeRef, Node, NodeKind, Provenance};

pub(super) const K_EXT: &str =
    "node or edge with attributes AIF has not (kind, label, weight, tags, provenance, data), kept in \"argraph\" extension keys";
pub(super) const K_FRAMES: &str =
    "frames edge (AIF has no counterpart), kept in the framing's \"argraph\" extension";
pub(super) const W_PARALLEL: &str =
    "parallel edges between the same nodes, one of them an argument node (AIF reads them back as one)";
pub(super) const W_PREFERENCE: &str =
    "data.aif_preferences record not understood (no PA node written; kept in data)";

const RESERVED: &[&str] = &["nodeID", "text", "type", "argraph"];

/// What the `"argraph"` key of a node or edge holds; empty fields are not written.
#[derive(Default)]
struct ExtensionFields<'a> {
    id: Option<&'a str>,
    kind: Option<NodeKind>,
    label: Option<Option<&'a str>>,
    weight: Option<f64>,
    tags: &'a [String],
    provenance: &'a [Provenance],
    data: Option<&'a Value>,
    attack: Option<Option<AttackKind>>,
    /// (target node, the frames edge).
    frames: Vec<(usize, EdgeRef<'a>)>,
}

impl<'a> ExtensionFields<'a> {
    fn is_empty(&self) -> bool {
        self.id.is_none()
            && self.kind.is_none()
            && self.label.is_none()
            && self.weight.is_none()
            && self.tags.is_empty()
            && self.provenance.is_empty()
            && self.data.is_none()
            && self.attack.is_none()
            && self.frames.is_empty()
    }

    fn edge(
        e: &EdgeRef<'a>,
        derived_label: Option<&str>,
        derived_attack: Option<AttackKind>,
    ) -> ExtensionFields<'a> {
        ExtensionFields {
            label: (e.label() != derived_label).then(|| e.edge().label()),
            weight: e.weight(),
            data: e.edge().data(),
            attack: (e.kind() == EdgeKind::Attacks && e.attack() != derived_attack)
                .then(|| e.attack()),
            ..ExtensionFields::default()
        }
    }
}

/// A node of the AIF document.
struct AifNode<'a> {
    /// The nodeID wanted (from the argraph id or `data.aif.nodeID`), if it is a number.
    wanted: Option<u64>,
    id: u64,
    text: &'a str,
    ty: NodeType,
    native: Option<&'a Map<String, Value>>,
    ext: ExtensionFields<'a>,
}

impl<'a> AifNode<'a> {
    fn new(
        wanted: Option<u64>,
        text: &'a str,
        ty: NodeType,
        native: Option<&'a Map<String, Value>>,
    ) -> AifNode<'a> {
        AifNode {
            wanted,
            id: 0,
            text,
            ty,
            native,
            ext: ExtensionFields::default(),
        }
    }
}

struct AifEdge<'a> {
    from: usize,
    to: usize,
    ext: ExtensionFields<'a>,
}

impl AifEdge<'_> {
    /// An edge with nothing in its extension.
    fn plain(from: usize, to: usize) -> Self {
        AifEdge {
            from,
            to,
            ext: ExtensionFields::default(),
        }
    }
}

fn numeric(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || (s.len() > 1 && s.starts_with('0')) {
        return None;
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn aif_part(data: Option<&Value>) -> Option<&Map<String, Value>> {
    data?.as_object()?.get("aif")?.as_object()
}

fn str_field<'a>(m: Option<&'a Map<String, Value>>, key: &str) -> Option<&'a str> {
    m?.get(key)?.as_str()
}

fn wanted_id(m: Option<&Map<String, Value>>) -> Option<u64> {
    match m?.get("nodeID")? {
        Value::String(s) => numeric(s),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// The text of a scheme node written for an edge: `data.aif.text`, else its
/// scheme name, else the default scheme name of its type.
fn scheme_text(ty: NodeType, native: Option<&Map<String, Value>>) -> &str {
    str_field(native, "text")
        .or_else(|| str_field(native, "scheme"))
        .or_else(|| ty.default_scheme().map(|(n, _)| n))
        .unwrap_or(ty.as_str())
}

pub(super) fn write<W: Write>(g: &ArgumentGraph, flavor: Flavor, writer: W) -> Result<Report> {
    let mut report = Report::new();
    let mut aif = Aif::new(g);
    let frames = aif.add_edges(g);
    report.kept_n(K_FRAMES, frames.len());
    aif.add_preferences(&mut report);
    assign_ids(&mut aif.nodes);
    let (ins, outs) = aif.neighbours(&mut report);
    aif.add_extensions(&ins, &outs, frames);
    report.kept_n(
        K_EXT,
        aif.nodes.iter().filter(|n| !n.ext.is_empty()).count()
            + aif.edges.iter().filter(|e| !e.ext.is_empty()).count(),
    );
    serialize(g, &aif, flavor, writer)?;
    Ok(report)
}

/// The AIF document as it is composed: the graph's nodes first (same
/// positions), then the scheme nodes written for edges and preferences.
struct Aif<'a> {
    graph_nodes: Vec<&'a Node>,
    index: HashMap<&'a str, usize>,
    nodes: Vec<AifNode<'a>>,
    edges: Vec<AifEdge<'a>>,
    /// Per graph node: supports edges in and out, and whether it is framed.
    supports_in: Vec<usize>,
    supports_out: Vec<usize>,
    framed: Vec<bool>,
}

/// A `frames` edge: (framing node, framed node, the edge).
type FramesEdge<'a> = (usize, usize, EdgeRef<'a>);

impl<'a> Aif<'a> {
    /// The graph's nodes with their AIF types: argument nodes are RA, or
    /// CA or MA when they came from one (a CA only if it still only attacks).
    fn new(g: &'a ArgumentGraph) -> Aif<'a> {
        let graph_nodes: Vec<&Node> = g.nodes().collect();
        let index = graph_nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id(), i))
            .collect();
        let nodes = graph_nodes
            .iter()
            .map(|n| {
                let native = aif_part(n.data());
                let only_attacks = || {
                    g.outgoing(n.id())
                        .all(|e| e.kind() == EdgeKind::Attacks && e.to().id() != n.id())
                };
                let ty = match (n.kind(), str_field(native, "type")) {
                    (NodeKind::Argument, Some("CA")) if only_attacks() => NodeType::Ca,
                    (NodeKind::Argument, Some("MA")) => NodeType::Ma,
                    (NodeKind::Argument, _) => NodeType::Ra,
                    _ => NodeType::I,
                };
                AifNode::new(numeric(n.id()), n.text(), ty, native)
            })
            .collect();
        let n = graph_nodes.len();
        Aif {
            graph_nodes,
            index,
            nodes,
            edges: Vec::new(),
            supports_in: vec![0; n],
            supports_out: vec![0; n],
            framed: vec![false; n],
        }
    }

    /// Writes each supports and attacks edge: as it is when it touches an
    /// argument node, through a new RA, MA or CA node between two I-nodes.
    /// Returns the frames edges, which AIF has no place for.
    fn add_edges(&mut self, g: &'a ArgumentGraph) -> Vec<FramesEdge<'a>> {
        let mut frames = Vec::new();
        for e in g.edges() {
            let (a, b) = (self.index[e.from().id()], self.index[e.to().id()]);
            let native = aif_part(e.edge().data());
            let (direct, ty, ext) = match e.kind() {
                EdgeKind::Frames => {
                    self.framed[b] = true;
                    frames.push((a, b, e));
                    continue;
                }
                EdgeKind::Supports => {
                    self.supports_out[a] += 1;
                    self.supports_in[b] += 1;
                    let direct = self.nodes[a].ty != NodeType::I || self.nodes[b].ty != NodeType::I;
                    let ty = match str_field(native, "type") {
                        Some("MA") => NodeType::Ma,
                        _ => NodeType::Ra,
                    };
                    let derived = (!direct && ty == NodeType::Ma).then_some(MA_LABEL);
                    (direct, ty, ExtensionFields::edge(&e, derived, None))
                }
                EdgeKind::Attacks => {
                    let derived = derive_attack(e.to().kind());
                    let direct = self.nodes[a].ty == NodeType::Ca;
                    (
                        direct,
                        NodeType::Ca,
                        ExtensionFields::edge(&e, None, derived),
                    )
                }
            };
            if direct {
                self.edges.push(AifEdge {
                    from: a,
                    to: b,
                    ext,
                });
            } else {
                let s = self.nodes.len();
                let text = scheme_text(ty, native);
                self.nodes.push(AifNode {
                    ext,
                    ..AifNode::new(wanted_id(native), text, ty, native)
                });
                self.edges.push(AifEdge::plain(a, s));
                self.edges.push(AifEdge::plain(s, b));
            }
        }
        frames
    }

    /// Preferences recorded in `data.aif_preferences` become PA nodes, one
    /// per PA node id recorded (records without one get a PA node each).
    fn add_preferences(&mut self, report: &mut Report) {
        let mut groups: Vec<Preference<'a>> = Vec::new();
        let mut by_pa: HashMap<String, usize> = HashMap::new();
        for (p, n) in self.graph_nodes.iter().enumerate() {
            let Some(records) = n.data().and_then(|d| d.get("aif_preferences")) else {
                continue;
            };
            let Some(records) = records.as_array() else {
                report.warn(W_PREFERENCE, || format!("node {:?}", n.id()));
                continue;
            };
            for r in records {
                let over = r.get("over").and_then(Value::as_str);
                let over = over.and_then(|o| self.index.get(o).copied());
                let (Some(d), Some(pa)) = (over, r.get("pa").and_then(Value::as_object)) else {
                    report.warn(W_PREFERENCE, || format!("node {:?}", n.id()));
                    continue;
                };
                let key = match pa.get("nodeID") {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Number(x)) => Some(x.to_string()),
                    _ => None,
                };
                let gi = match key.as_ref().and_then(|k| by_pa.get(k)) {
                    Some(&gi) => gi,
                    None => {
                        groups.push(Preference::new(pa));
                        if let Some(k) = key {
                            by_pa.insert(k, groups.len() - 1);
                        }
                        groups.len() - 1
                    }
                };
                groups[gi].add(p, d);
            }
        }
        for group in groups {
            let s = self.nodes.len();
            let text = scheme_text(NodeType::Pa, Some(group.native));
            let native = Some(group.native);
            self.nodes
                .push(AifNode::new(wanted_id(native), text, NodeType::Pa, native));
            self.edges
                .extend(group.preferred.iter().map(|&p| AifEdge::plain(p, s)));
            self.edges
                .extend(group.dispreferred.iter().map(|&d| AifEdge::plain(s, d)));
        }
    }

    /// What the reader would see: distinct, loop-free neighbour lists
    /// (parallel edges reported).
    fn neighbours(&self, report: &mut Report) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let mut ins: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut outs: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        let mut seen = HashSet::new();
        for e in &self.edges {
            if !seen.insert((e.from, e.to)) {
                report.warn(W_PARALLEL, || {
                    format!("{:?} -> {:?}", self.node_name(e.from), self.node_name(e.to))
                });
                continue;
            }
            outs[e.from].push(e.to);
            ins[e.to].push(e.from);
        }
        (ins, outs)
    }

    fn node_name(&self, i: usize) -> String {
        match self.graph_nodes.get(i) {
            Some(n) => n.id().to_string(),
            None => format!("{} node {}", self.nodes[i].ty.as_str(), self.nodes[i].id),
        }
    }

    /// The extension of every node of the graph: what the reader would not
    /// derive from the AIF structure (a kind, an id that is not the AIF
    /// id) and what AIF has no place for.
    fn add_extensions(
        &mut self,
        ins: &[Vec<usize>],
        outs: &[Vec<usize>],
        frames: Vec<FramesEdge<'a>>,
    ) {
        for (i, n) in self.graph_nodes.iter().enumerate() {
            let kind = match n.kind() {
                NodeKind::Argument => {
                    let ty = self.nodes[i].ty;
                    let stays = self.framed[i]
                        || collapsible(ty, false, &ins[i], &outs[i], |j| self.nodes[j].ty);
                    stays.then_some(NodeKind::Argument)
                }
                k => {
                    let derived = if derive_evidence(self.supports_in[i], self.supports_out[i]) {
                        NodeKind::Evidence
                    } else {
                        NodeKind::Claim
                    };
                    (k != derived).then_some(k)
                }
            };
            let id_text = self.nodes[i].id.to_string();
            self.nodes[i].ext = ExtensionFields {
                id: (n.id() != id_text).then(|| n.id()),
                kind,
                label: n.label().map(Some),
                weight: n.weight(),
                tags: n.tags(),
                provenance: n.provenance(),
                data: n.data(),
                ..ExtensionFields::default()
            };
        }
        for (a, b, e) in frames {
            self.nodes[a].ext.frames.push((b, e));
        }
    }
}

/// A PA node to write: the records that share its id.
struct Preference<'a> {
    native: &'a Map<String, Value>,
    preferred: Vec<usize>,
    dispreferred: Vec<usize>,
}

impl<'a> Preference<'a> {
    fn new(native: &'a Map<String, Value>) -> Preference<'a> {
        Preference {
            native,
            preferred: Vec::new(),
            dispreferred: Vec::new(),
        }
    }

    fn add(&mut self, preferred: usize, dispreferred: usize) {
        if !self.preferred.contains(&preferred) {
            self.preferred.push(preferred);
        }
        if !self.dispreferred.contains(&dispreferred) {
            self.dispreferred.push(dispreferred);
        }
    }
}

/// Writes the document, pretty, with a final newline.
fn serialize<W: Write>(g: &ArgumentGraph, aif: &Aif<'_>, flavor: Flavor, writer: W) -> Result<()> {
    let doc_ext = DocumentExtension {
        version: 1,
        title: g.title().map(str::to_string),
        description: g.description().map(str::to_string),
        sources: g.sources().to_vec(),
    };
    let positions = match flavor {
        Flavor::Ova => layers(aif.nodes.len(), &aif.edges),
        Flavor::AifDb => Vec::new(),
    };
    let doc = Doc {
        flavor,
        nodes: &aif.nodes,
        edges: &aif.edges,
        ext: &doc_ext,
        positions,
    };
    let mut ser = serde_json::Serializer::with_formatter(
        writer,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    doc.serialize(&mut ser)
        .map_err(|e| match e.io_error_kind() {
            Some(kind) => Error::from(std::io::Error::new(kind, e.to_string())),
            None => Error::new(ErrorKind::InvalidInput(format!("cannot write AIF: {e}"))),
        })?;
    ser.into_inner().write_all(b"\n")?;
    Ok(())
}

/// Keeps every wanted numeric id that is free (graph nodes first), then
/// numbers the rest from 1, skipping ids in use.
fn assign_ids(out: &mut [AifNode<'_>]) {
    let mut used = HashSet::with_capacity(out.len());
    for n in out.iter_mut() {
        if let Some(w) = n.wanted {
            if used.insert(w) {
                n.id = w;
                continue;
            }
        }
        n.wanted = None;
    }
    let mut next = 1u64;
    for n in out.iter_mut().filter(|n| n.wanted.is_none()) {
        while used.contains(&next) {
            next += 1;
        }
        used.insert(next);
        n.id = next;
    }
}

struct Doc<'a> {
    flavor: Flavor,
    nodes: &'a [AifNode<'a>],
    edges: &'a [AifEdge<'a>],
    ext: &'a DocumentExtension,
    /// OVA's (x, y) of every node.
    positions: Vec<(usize, usize)>,
}

/// A layered layout for OVA: conclusions on top, each node one layer
/// below the lowest node it points to (the longest path to a node with no
/// outgoing edge), nodes on a cycle in the top layer. Iterative, O(n + m).
fn layers(n: usize, edges: &[AifEdge<'_>]) -> Vec<(usize, usize)> {
    let mut out_left = vec![0usize; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in edges {
        out_left[e.from] += 1;
        preds[e.to].push(e.from);
    }
    let mut depth = vec![0usize; n];
    let mut ready: Vec<usize> = (0..n).filter(|&v| out_left[v] == 0).collect();
    while let Some(v) = ready.pop() {
        for &u in &preds[v] {
            depth[u] = depth[u].max(depth[v] + 1);
            out_left[u] -= 1;
            if out_left[u] == 0 {
                ready.push(u);
            }
        }
    }
    let mut used = vec![0usize; depth.iter().max().map_or(0, |d| d + 1)];
    depth
        .iter()
        .map(|&d| {
            let x = 100 + used[d] * 260;
            used[d] += 1;
            (x, 100 + d * 180)
        })
        .collect()
}

/// A node or edge id: a string (AIFdb) or an integer (OVA).
struct AifId(u64, Flavor);

impl Serialize for AifId {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.1 {
            Flavor::AifDb => s.collect_str(&self.0),
            Flavor::Ova => s.serialize_u64(self.0),
        }
    }
}

struct NodeList<'a>(&'a Doc<'a>);
struct EdgeList<'a>(&'a Doc<'a>);
struct ExtensionJson<'a>(&'a ExtensionFields<'a>, &'a [AifNode<'a>]);

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match self.flavor {
            Flavor::AifDb => {
                m.serialize_entry("nodes", &NodeList(self))?;
                m.serialize_entry("edges", &EdgeList(self))?;
                m.serialize_entry("locutions", &[(); 0])?;
            }
            Flavor::Ova => {
                m.serialize_entry("AIF", &OvaAif(self))?;
                m.serialize_entry("OVA", &OvaLayout(self))?;
                m.serialize_entry("text", "")?;
                m.serialize_entry("dialog", &false)?;
            }
        }
        m.serialize_entry("argraph", self.ext)?;
        m.end()
    }
}

struct OvaAif<'a>(&'a Doc<'a>);
struct OvaLayout<'a>(&'a Doc<'a>);
struct Fulfillments<'a>(&'a Doc<'a>);

impl Serialize for OvaAif<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("nodes", &NodeList(self.0))?;
        m.serialize_entry("edges", &EdgeList(self.0))?;
        m.serialize_entry("schemefulfillments", &Fulfillments(self.0))?;
        for key in [
            "participants",
            "locutions",
            "descriptorfulfillments",
            "cqdescriptorfulfillments",
        ] {
            m.serialize_entry(key, &[(); 0])?;
        }
        m.end()
    }
}

fn scheme_of<'a>(n: &'a AifNode<'a>) -> (Option<&'a str>, Option<String>) {
    let name = str_field(n.native, "scheme");
    let id = n.native.and_then(|m| m.get("schemeID")).map(|v| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    match (name, id, n.ty.default_scheme()) {
        (None, None, Some((dn, di))) => (Some(dn), Some(di.to_string())),
        (name, id, _) => (name, id),
    }
}

impl Serialize for Fulfillments<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for n in self.0.nodes.iter().filter(|n| n.ty != NodeType::I) {
            if let (_, Some(scheme)) = scheme_of(n) {
                let mut entry = Map::new();
                entry.insert("nodeID".into(), Value::from(n.id));
                entry.insert("schemeID".into(), Value::String(scheme));
                seq.serialize_element(&entry)?;
            }
        }
        seq.end()
    }
}

impl Serialize for OvaLayout<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        struct Positions<'a>(&'a Doc<'a>);
        impl Serialize for Positions<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.nodes.len()))?;
                for (n, &(x, y)) in self.0.nodes.iter().zip(&self.0.positions) {
                    let mut m = Map::new();
                    m.insert("nodeID".into(), Value::from(n.id));
                    m.insert("visible".into(), Value::Bool(true));
                    m.insert("x".into(), Value::from(x));
                    m.insert("y".into(), Value::from(y));
                    m.insert("timestamp".into(), Value::String(String::new()));
                    seq.serialize_element(&m)?;
                }
                seq.end()
            }
        }
        struct Links<'a>(&'a Doc<'a>);
        impl Serialize for Links<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let mut seq = s.serialize_seq(Some(self.0.edges.len()))?;
                for e in self.0.edges {
                    let mut m = Map::new();
                    m.insert("fromID".into(), Value::from(self.0.nodes[e.from].id));
                    m.insert("toID".into(), Value::from(self.0.nodes[e.to].id));
                    m.insert("visible".into(), Value::Bool(true));
                    seq.serialize_element(&m)?;
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("firstname", "")?;
        m.serialize_entry("surname", "")?;
        m.serialize_entry("url", "")?;
        m.serialize_entry("nodes", &Positions(self.0))?;
        m.serialize_entry("edges", &Links(self.0))?;
        m.end()
    }
}

impl Serialize for NodeList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut seq = s.serialize_seq(Some(doc.nodes.len()))?;
        for n in doc.nodes {
            seq.serialize_element(&NodeJson(n, doc))?;
        }
        seq.end()
    }
}

struct NodeJson<'a>(&'a AifNode<'a>, &'a Doc<'a>);

impl Serialize for NodeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (n, doc) = (self.0, self.1);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("nodeID", &AifId(n.id, doc.flavor))?;
        m.serialize_entry("text", n.text)?;
        m.serialize_entry("type", n.ty.as_str())?;
        if let Some(native) = n.native {
            for (k, v) in native
                .iter()
                .filter(|(k, _)| !RESERVED.contains(&k.as_str()))
            {
                m.serialize_entry(k, v)?;
            }
        }
        if n.ty != NodeType::I {
            let given = |k: &str| n.native.is_some_and(|m| m.contains_key(k));
            if let (Some(name), Some(id)) = scheme_of(n) {
                if !given("scheme") {
                    m.serialize_entry("scheme", name)?;
                }
                if !given("schemeID") {
                    m.serialize_entry("schemeID", &id)?;
                }
            }
        }
        if !n.ext.is_empty() {
            m.serialize_entry("argraph", &ExtensionJson(&n.ext, doc.nodes))?;
        }
        m.end()
    }
}

impl Serialize for EdgeList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let doc = self.0;
        let mut seq = s.serialize_seq(Some(doc.edges.len()))?;
        for (i, e) in doc.edges.iter().enumerate() {
            seq.serialize_element(&EdgeJson(i as u64 + 1, e, doc))?;
        }
        seq.end()
    }
}

struct EdgeJson<'a>(u64, &'a AifEdge<'a>, &'a Doc<'a>);

impl Serialize for EdgeJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (id, e, doc) = (self.0, self.1, self.2);
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("edgeID", &AifId(id, doc.flavor))?;
        m.serialize_entry("fromID", &AifId(doc.nodes[e.from].id, doc.flavor))?;
        m.serialize_entry("toID", &AifId(doc.nodes[e.to].id, doc.flavor))?;
        if doc.flavor == Flavor::AifDb {
            m.serialize_entry("formEdgeID", &())?;
        }
        if !e.ext.is_empty() {
            m.serialize_entry("argraph", &ExtensionJson(&e.ext, doc.nodes))?;
        }
        m.end()
    }
}

impl Serialize for ExtensionJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (x, nodes) = (self.0, self.1);
        let mut m = s.serialize_map(None)?;
        if let Some(id) = x.id {
            m.serialize_entry("id", id)?;
        }
        if let Some(k) = x.kind {
            m.serialize_entry("kind", k.as_str())?;
        }
        if let Some(l) = x.label {
            m.serialize_entry("label", &l)?;
        }
        if let Some(w) = x.weight {
            m.serialize_entry("weight", &w)?;
        }
        if !x.tags.is_empty() {
            m.serialize_entry("tags", x.tags)?;
        }
        if !x.provenance.is_empty() {
            m.serialize_entry("provenance", x.provenance)?;
        }
        if let Some(d) = x.data {
            m.serialize_entry("data", d)?;
        }
        if let Some(a) = x.attack {
            m.serialize_entry("attack", &a.map(AttackKind::as_str))?;
        }
        if !x.frames.is_empty() {
            struct Frames<'a>(&'a [(usize, EdgeRef<'a>)], &'a [AifNode<'a>]);
            impl Serialize for Frames<'_> {
                fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                    let mut seq = s.serialize_seq(Some(self.0.len()))?;
                    for (to, e) in self.0 {
                        let mut m = Map::new();
                        m.insert("to".into(), Value::String(self.1[*to].id.to_string()));
                        if let Some(l) = e.label() {
                            m.insert("label".into(), Value::String(l.into()));
                        }
                        if let Some(w) = e.weight() {
                            m.insert("weight".into(), Value::from(w));
                        }
                        if let Some(d) = e.edge().data() {
                            m.insert("data".into(), d.clone());
                        }
                        seq.serialize_element(&m)?;
                    }
                    seq.end()
                }
            }
            m.serialize_entry("frames", &Frames(&x.frames, nodes))?;
        }
        m.end()
    }
}
