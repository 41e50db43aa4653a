//! argraph → AIF.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::Write;

use serde::ser::Serializer;
use serde::Serialize;
use serde_json::{Map, Value};

use super::document::{DocumentExtension, NodeType};
use super::{collapsible, Flavor, MA_LABEL};
use crate::error::{Error, ErrorKind, Result};
use crate::io::report::Report;
use crate::model::{
    id_text, ArgumentGraph, AttackKind, Dialogue, DialogueKind, EdgeKind, EdgeRef, FramingBasis,
    Node, NodeKind, Provenance,
};

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
#[derive(Default, Serialize)]
struct ExtensionFields<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<NodeKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[Provenance]>::is_empty")]
    provenance: &'a [Provenance],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    synthesis: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attack: Option<Option<AttackKind>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    frames: Vec<FrameJson<'a>>,
}

/// A `frames` edge, kept on its framing node.
#[derive(Serialize)]
struct FrameJson<'a> {
    /// The AIF id of the framed node.
    to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<f64>,
    #[serde(skip_serializing_if = "<[Provenance]>::is_empty")]
    provenance: &'a [Provenance],
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<FramingBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Value>,
}

impl<'a> ExtensionFields<'a> {
    fn is_empty(&self) -> bool {
        self.id.is_none()
            && self.kind.is_none()
            && self.label.is_none()
            && self.weight.is_none()
            && self.tags.is_empty()
            && self.provenance.is_empty()
            && !self.synthesis
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
            provenance: e.edge().provenance(),
            data: e.edge().data(),
            attack: (e.kind() == EdgeKind::Attacks && e.attack() != derived_attack)
                .then(|| e.attack()),
            ..ExtensionFields::default()
        }
    }
}

/// A node of the AIF document.
struct AifNode<'a> {
    /// The id the node had (its argraph id, the `nodeID` of `data.aif`, a
    /// dialogue node's id), by which the dialogue layer names it.
    original: Option<String>,
    /// Whether `original` is an id of the flavour written (AIFdb: any; OVA:
    /// a decimal number), to keep unless another node took it first.
    wanted: bool,
    id: String,
    text: &'a str,
    ty: NodeType,
    native: Option<&'a Map<String, Value>>,
    ext: ExtensionFields<'a>,
}

impl<'a> AifNode<'a> {
    fn new(
        original: Option<String>,
        text: &'a str,
        ty: NodeType,
        native: Option<&'a Map<String, Value>>,
    ) -> AifNode<'a> {
        AifNode {
            original,
            wanted: false,
            id: String::new(),
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

/// Whether an argument node can be an RA (or MA) node of valid AIF: at
/// least one premise, exactly one conclusion, no attacks of its own.
fn inference_shaped(g: &ArgumentGraph, n: &Node) -> bool {
    let premises = g
        .incoming(n.id())
        .filter(|e| e.kind() == EdgeKind::Supports)
        .count();
    let (mut conclusions, mut attacks) = (0, 0);
    for e in g.outgoing(n.id()) {
        match e.kind() {
            EdgeKind::Supports => conclusions += 1,
            EdgeKind::Attacks => attacks += 1,
            EdgeKind::Frames => {}
        }
    }
    premises > 0 && conclusions == 1 && attacks == 0
}

/// Whether an argument node's text belongs in an S-node's text (the scheme
/// slot): it came from an AIF S-node, or its text is a default scheme's name.
fn names_a_scheme(n: &Node) -> bool {
    let native = aif_part(n.data());
    native.is_some()
        || [NodeType::Ra, NodeType::Ca, NodeType::Ma, NodeType::Pa]
            .iter()
            .filter_map(|t| t.default_scheme())
            .any(|(name, _)| name == n.text())
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

/// The `nodeID` of `data.aif` (a string, or a number as its text).
fn aif_node_id(m: Option<&Map<String, Value>>) -> Option<String> {
    id_text(m?.get("nodeID")).filter(|s| !s.is_empty())
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
    let dialogue = g.dialogue();
    if let Some(d) = dialogue {
        aif.add_dialogue_nodes(d);
    }
    assign_ids(&mut aif.nodes, flavor);
    let (ins, outs) = aif.neighbours(&mut report);
    aif.add_extensions(&ins, &outs, frames);
    aif.keep_original_ids();
    report.kept_n(
        K_EXT,
        aif.nodes.iter().filter(|n| !n.ext.is_empty()).count()
            + aif.edges.iter().filter(|e| !e.ext.is_empty()).count(),
    );
    let records = match dialogue {
        Some(d) => aif.add_dialogue(d, flavor, &mut report),
        None => DialogueRecords::default(),
    };
    serialize(g, &aif, &records, flavor, writer)?;
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
    /// The graph's nodes with their AIF types: an argument node is an RA
    /// node when it has the shape of one (premises, one conclusion, no
    /// attacks of its own) and its text names a scheme (it came from an
    /// S-node, or is a default scheme's name); MA or CA when it came from
    /// one (an MA of the same shape, a CA that has attackers and only attacks). Any
    /// other argument node (an Argdown argument without premise–conclusion
    /// structure, one with its own content) is an I-node holding its text,
    /// kept an argument by its extension: its supports and attacks go
    /// through RA and CA nodes like a claim's.
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
                // A CA node of valid AIF: attackers, targets, nothing else.
                let only_attacks = || {
                    g.incoming(n.id()).any(|e| e.kind() == EdgeKind::Supports)
                        && g.outgoing(n.id()).next().is_some()
                        && g.outgoing(n.id())
                            .all(|e| e.kind() == EdgeKind::Attacks && e.to().id() != n.id())
                };
                let ty = match (n.kind(), str_field(native, "type")) {
                    (NodeKind::Argument, Some("CA")) if only_attacks() => NodeType::Ca,
                    (NodeKind::Argument, Some("MA")) if inference_shaped(g, n) => NodeType::Ma,
                    (NodeKind::Argument, _) if inference_shaped(g, n) && names_a_scheme(n) => {
                        NodeType::Ra
                    }
                    _ => NodeType::I,
                };
                AifNode::new(Some(n.id().to_string()), n.text(), ty, native)
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
                    let derived = AttackKind::implied_by(e.to().kind());
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
                    ..AifNode::new(aif_node_id(native), text, ty, native)
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
            self.nodes.push(AifNode::new(
                aif_node_id(native),
                text,
                NodeType::Pa,
                native,
            ));
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
                NodeKind::Argument if self.nodes[i].ty == NodeType::I => Some(NodeKind::Argument),
                NodeKind::Argument => {
                    let ty = self.nodes[i].ty;
                    let stays = self.framed[i]
                        || collapsible(ty, false, &ins[i], &outs[i], |j| self.nodes[j].ty);
                    stays.then_some(NodeKind::Argument)
                }
                k => {
                    let derived =
                        if NodeKind::is_leaf_premise(self.supports_in[i], self.supports_out[i]) {
                            NodeKind::Evidence
                        } else {
                            NodeKind::Claim
                        };
                    (k != derived).then_some(k)
                }
            };
            let written = &self.nodes[i].id;
            self.nodes[i].ext = ExtensionFields {
                id: (n.id() != written).then_some(Cow::Borrowed(n.id())),
                kind,
                label: n.label().map(Some),
                weight: n.weight(),
                tags: n.tags(),
                provenance: n.provenance(),
                synthesis: n.is_synthesis(),
                data: n.data(),
                ..ExtensionFields::default()
            };
        }
        for (a, b, e) in frames {
            let frame = FrameJson {
                to: self.nodes[b].id.clone(),
                label: e.edge().label(),
                weight: e.weight(),
                provenance: e.edge().provenance(),
                basis: e.edge().basis(),
                data: e.edge().data(),
            };
            self.nodes[a].ext.frames.push(frame);
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
fn serialize<W: Write>(
    g: &ArgumentGraph,
    aif: &Aif<'_>,
    records: &DialogueRecords<'_>,
    flavor: Flavor,
    writer: W,
) -> Result<()> {
    let argraph = DocumentExtension {
        version: 1,
        title: g.title().map(str::to_string),
        description: g.description().map(str::to_string),
        sources: g.sources().to_vec(),
    };
    let mut ser = serde_json::Serializer::with_formatter(
        writer,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    let written = match flavor {
        Flavor::AifDb => AifDbDocument {
            nodes: node_list(&aif.nodes, flavor),
            edges: edge_list(&aif.nodes, &aif.edges, flavor),
            locutions: &records.locutions,
            participants: records.participants,
            text: records.text,
            argraph: &argraph,
        }
        .serialize(&mut ser),
        Flavor::Ova => ova_document(aif, records, &argraph).serialize(&mut ser),
    };
    written.map_err(|e| match e.io_error_kind() {
        Some(kind) => Error::from(std::io::Error::new(kind, e.to_string())),
        None => Error::new(ErrorKind::InvalidInput(format!("cannot write AIF: {e}"))),
    })?;
    ser.into_inner().write_all(b"\n")?;
    Ok(())
}

/// Keeps every original id the flavour can write (AIFdb: any; OVA: a
/// decimal number) that no node before took (graph nodes come first,
/// then the scheme nodes, then the dialogue nodes); numbers the rest from
/// 1, skipping ids in use. A node of the graph, a scheme node or a dialogue
/// node whose original id was not kept has it in its extension (`"argraph":
/// {"id": …}`), which the reader takes back.
fn assign_ids(out: &mut [AifNode<'_>], flavor: Flavor) {
    let mut used: HashSet<String> = HashSet::with_capacity(out.len());
    for n in out.iter_mut() {
        let writable = |id: &str| match flavor {
            Flavor::AifDb => !id.is_empty(),
            Flavor::Ova => numeric(id).is_some(),
        };
        n.wanted = match &n.original {
            Some(o) if writable(o) && used.insert(o.clone()) => {
                n.id = o.clone();
                true
            }
            _ => false,
        };
    }
    let mut next = 1u64;
    for n in out.iter_mut().filter(|n| !n.wanted) {
        while used.contains(next.to_string().as_str()) {
            next += 1;
        }
        n.id = next.to_string();
        used.insert(n.id.clone());
    }
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

/// A node or edge id: a string (AIFdb) or an integer (OVA, whose ids
/// [`assign_ids`] makes decimal numbers).
#[derive(Clone, Copy)]
struct AifId<'a>(&'a str, Flavor);

impl Serialize for AifId<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match (self.1, numeric(self.0)) {
            (Flavor::Ova, Some(n)) => s.serialize_u64(n),
            _ => s.serialize_str(self.0),
        }
    }
}

/// An edge id: edges are numbered from 1 (AIF edges carry no meaning of
/// their own); a string (AIFdb) or an integer (OVA).
struct EdgeNumber(u64, Flavor);

impl Serialize for EdgeNumber {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self.1 {
            Flavor::AifDb => s.collect_str(&self.0),
            Flavor::Ova => s.serialize_u64(self.0),
        }
    }
}

/// OVA's text when there is none.
static NO_TEXT: Value = Value::String(String::new());

/// AIFdb's document.
#[derive(Serialize)]
struct AifDbDocument<'a> {
    nodes: Vec<NodeJson<'a>>,
    edges: Vec<EdgeJson<'a>>,
    locutions: &'a [Map<String, Value>],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    participants: &'a [Map<String, Value>],
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a Value>,
    argraph: &'a DocumentExtension,
}

/// OVA3's document.
#[derive(Serialize)]
struct OvaDocument<'a> {
    #[serde(rename = "AIF")]
    aif: OvaAif<'a>,
    #[serde(rename = "OVA")]
    ova: OvaLayout<'a>,
    /// The analysed text, `""` when there is none.
    text: &'a Value,
    dialog: bool,
    argraph: &'a DocumentExtension,
}

#[derive(Serialize)]
struct OvaAif<'a> {
    nodes: Vec<NodeJson<'a>>,
    edges: Vec<EdgeJson<'a>>,
    schemefulfillments: Vec<FulfillmentJson<'a>>,
    participants: &'a [Map<String, Value>],
    locutions: &'a [Map<String, Value>],
    descriptorfulfillments: [(); 0],
    cqdescriptorfulfillments: [(); 0],
}

#[derive(Serialize)]
struct FulfillmentJson<'a> {
    #[serde(rename = "nodeID")]
    node: AifId<'a>,
    #[serde(rename = "schemeID")]
    scheme: String,
}

/// OVA's layout: where each node is drawn.
#[derive(Serialize)]
struct OvaLayout<'a> {
    firstname: &'static str,
    surname: &'static str,
    url: &'static str,
    nodes: Vec<OvaPosition<'a>>,
    edges: Vec<OvaLink<'a>>,
}

#[derive(Serialize)]
struct OvaPosition<'a> {
    #[serde(rename = "nodeID")]
    node: AifId<'a>,
    visible: bool,
    x: usize,
    y: usize,
    timestamp: &'static str,
}

#[derive(Serialize)]
struct OvaLink<'a> {
    #[serde(rename = "fromID")]
    from: AifId<'a>,
    #[serde(rename = "toID")]
    to: AifId<'a>,
    visible: bool,
}

#[derive(Serialize)]
struct NodeJson<'a> {
    #[serde(rename = "nodeID")]
    id: AifId<'a>,
    text: &'a str,
    #[serde(rename = "type")]
    ty: NodeType,
    /// `data.aif` of the node, but for the keys written here.
    #[serde(flatten, serialize_with = "native_fields")]
    native: Option<&'a Map<String, Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scheme: Option<&'a str>,
    #[serde(rename = "schemeID", skip_serializing_if = "Option::is_none")]
    scheme_id: Option<String>,
    #[serde(skip_serializing_if = "ExtensionFields::is_empty")]
    argraph: &'a ExtensionFields<'a>,
}

fn native_fields<S: Serializer>(
    native: &Option<&Map<String, Value>>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    let fields = native.iter().flat_map(|m| m.iter());
    s.collect_map(fields.filter(|(k, _)| !RESERVED.contains(&k.as_str())))
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    #[serde(rename = "edgeID")]
    id: EdgeNumber,
    #[serde(rename = "fromID")]
    from: AifId<'a>,
    #[serde(rename = "toID")]
    to: AifId<'a>,
    /// AIFdb writes `null`; OVA has no such key.
    #[serde(rename = "formEdgeID", skip_serializing_if = "Option::is_none")]
    form: Option<()>,
    #[serde(skip_serializing_if = "ExtensionFields::is_empty")]
    argraph: &'a ExtensionFields<'a>,
}

/// The scheme name and id of a scheme node: `data.aif`'s, or the default
/// pair of its type when it gives neither.
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

/// The nodes as written: the scheme of a scheme node when `data.aif` does
/// not give it, and the extension.
fn node_list<'a>(nodes: &'a [AifNode<'a>], flavor: Flavor) -> Vec<NodeJson<'a>> {
    let list = nodes.iter().map(|n| {
        let given = |k: &str| n.native.is_some_and(|m| m.contains_key(k));
        let (scheme, scheme_id) = match scheme_of(n) {
            (Some(name), Some(id)) if n.ty != NodeType::I => (
                Some(name).filter(|_| !given("scheme")),
                Some(id).filter(|_| !given("schemeID")),
            ),
            _ => (None, None),
        };
        NodeJson {
            id: AifId(&n.id, flavor),
            text: n.text,
            ty: n.ty,
            native: n.native,
            scheme,
            scheme_id,
            argraph: &n.ext,
        }
    });
    list.collect()
}

fn edge_list<'a>(
    nodes: &'a [AifNode<'_>],
    edges: &'a [AifEdge<'a>],
    flavor: Flavor,
) -> Vec<EdgeJson<'a>> {
    let list = edges.iter().zip(1..).map(|(e, id)| EdgeJson {
        id: EdgeNumber(id, flavor),
        from: AifId(&nodes[e.from].id, flavor),
        to: AifId(&nodes[e.to].id, flavor),
        form: (flavor == Flavor::AifDb).then_some(()),
        argraph: &e.ext,
    });
    list.collect()
}

/// The OVA wrapper of the AIF document: scheme fulfillments and a layout.
fn ova_document<'a>(
    aif: &'a Aif<'a>,
    records: &'a DialogueRecords<'a>,
    argraph: &'a DocumentExtension,
) -> OvaDocument<'a> {
    let nodes = &aif.nodes;
    let fulfillments = nodes.iter().filter(|n| n.ty != NodeType::I);
    let fulfillments = fulfillments.filter_map(|n| {
        let scheme = scheme_of(n).1?;
        Some(FulfillmentJson {
            node: AifId(&n.id, Flavor::Ova),
            scheme,
        })
    });
    let positions = nodes.iter().zip(layers(nodes.len(), &aif.edges));
    let positions = positions.map(|(n, (x, y))| OvaPosition {
        node: AifId(&n.id, Flavor::Ova),
        visible: true,
        x,
        y,
        timestamp: "",
    });
    let links = aif.edges.iter().map(|e| OvaLink {
        from: AifId(&nodes[e.from].id, Flavor::Ova),
        to: AifId(&nodes[e.to].id, Flavor::Ova),
        visible: true,
    });
    OvaDocument {
        aif: OvaAif {
            nodes: node_list(nodes, Flavor::Ova),
            edges: edge_list(nodes, &aif.edges, Flavor::Ova),
            schemefulfillments: fulfillments.collect(),
            participants: records.participants,
            locutions: &records.locutions,
            descriptorfulfillments: [],
            cqdescriptorfulfillments: [],
        },
        ova: OvaLayout {
            firstname: "",
            surname: "",
            url: "",
            nodes: positions.collect(),
            edges: links.collect(),
        },
        text: records.text.unwrap_or(&NO_TEXT),
        dialog: records.dialog,
        argraph,
    }
}

pub(super) const K_DIALOGUE: &str =
    "node of the dialogue layer (L, YA, TA), written back with its edges and records";
pub(super) const W_DIALOGUE_EDGE: &str =
    "edge of the dialogue layer naming a node that is not written (left out)";

/// The dialogue layer's records as written: the `locutions` with each
/// `nodeID` the written id of the node it names, `participants` and the
/// analysed text as they are.
#[derive(Default)]
struct DialogueRecords<'a> {
    locutions: Vec<Map<String, Value>>,
    participants: &'a [Map<String, Value>],
    text: Option<&'a Value>,
    /// OVA's `dialog`: whether there are locutions.
    dialog: bool,
}

impl<'a> Aif<'a> {
    /// The L, YA and TA nodes, after the argument layer's nodes.
    fn add_dialogue_nodes(&mut self, d: &'a Dialogue) {
        for n in &d.nodes {
            let ty = match n.kind {
                DialogueKind::Locution => NodeType::L,
                DialogueKind::Illocution => NodeType::Ya,
                _ => NodeType::Ta,
            };
            let original = Some(n.id.clone());
            self.nodes
                .push(AifNode::new(original, &n.text, ty, Some(&n.aif)));
        }
    }

    /// The original id of each scheme and dialogue node that [`assign_ids`]
    /// could not keep, in its extension (a node of the graph has its own).
    fn keep_original_ids(&mut self) {
        for n in &mut self.nodes[self.graph_nodes.len()..] {
            if let Some(o) = n.original.as_ref().filter(|o| **o != n.id) {
                n.ext.id = Some(Cow::Owned(o.clone()));
            }
        }
    }

    /// The dialogue layer's edges, between the nodes they name by original
    /// id (the first node that had it, when two had: the graph's before the
    /// scheme nodes before the dialogue's), and its records.
    fn add_dialogue(
        &mut self,
        d: &'a Dialogue,
        flavor: Flavor,
        report: &mut Report,
    ) -> DialogueRecords<'a> {
        report.kept_n(K_DIALOGUE, d.nodes.len());
        let mut by_original: HashMap<&str, usize> = HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            if let Some(o) = &n.original {
                by_original.entry(o.as_str()).or_insert(i);
            }
        }
        let mut edges = Vec::with_capacity(d.edges.len());
        for e in &d.edges {
            match (
                by_original.get(e.from.as_str()),
                by_original.get(e.to.as_str()),
            ) {
                (Some(&a), Some(&b)) => edges.push(AifEdge::plain(a, b)),
                _ => report.warn(W_DIALOGUE_EDGE, || format!("{:?} -> {:?}", e.from, e.to)),
            }
        }
        let locutions = d.locutions.iter().map(|r| {
            let mut r = r.clone();
            let named =
                id_text(r.get("nodeID")).and_then(|id| by_original.get(id.as_str()).copied());
            // Kept as written (a string or a number) unless renumbered.
            if let Some(i) =
                named.filter(|&i| self.nodes[i].original.as_ref() != Some(&self.nodes[i].id))
            {
                let id = &self.nodes[i].id;
                let written = match (flavor, numeric(id)) {
                    (Flavor::Ova, Some(n)) => Value::from(n),
                    _ => Value::String(id.clone()),
                };
                r.insert("nodeID".into(), written);
            }
            r
        });
        let records = DialogueRecords {
            locutions: locutions.collect(),
            participants: &d.participants,
            text: d.text.as_ref(),
            dialog: d.nodes.iter().any(|n| n.kind == DialogueKind::Locution),
        };
        self.edges.extend(edges);
        records
    }
}
