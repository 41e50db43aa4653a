//! AIF → argraph, in phases: unwrap the document, read its nodes, sort
//! its edges, decide what each scheme node becomes (an edge, a node or a
//! record), build the graph's nodes and edges with their `data`, derive
//! the kinds the structure implies, and assemble the graph.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::document::{
    Document, DocumentExtension, EdgeRecord, Extension, Fulfillment, Id, InputNode, InputNodes,
    NodeRecord, NodeType, TypeName,
};
use super::read_dialogue::DialogueRead;
use super::{collapsible, FORMAT, MA_LABEL};
use crate::error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
use crate::io::report::{short, Imported, Report, Severity};
use crate::model::{
    check_edge, ArgumentGraph, AttackKind, Edge, EdgeKind, FramingBasis, Node, NodeKind, Provenance,
};

// What the report says, one constant per entry so that tests can ask for it.
pub(super) const W_NO_ID: &str = "node without a nodeID (set aside)";
pub(super) const W_NO_TYPE: &str = "node without a type (set aside with its edges)";
pub(super) const W_BAD_TYPE: &str = "node of an unknown type (set aside with its edges)";
pub(super) const W_DUP_NODE: &str = "node repeated with the same id, type and text (read once)";
pub(super) const W_NO_TEXT: &str = "I-node without text (given a placeholder text)";
pub(super) const W_EDGE_NO_END: &str = "edge without fromID or toID (set aside)";
pub(super) const W_EDGE_MISSING: &str = "edge names a node that does not exist (set aside)";
pub(super) const W_EDGE_SET_ASIDE: &str = "edge touches a node that was set aside (set aside)";
pub(super) const W_EDGE_SELF: &str = "edge from a node to itself (set aside)";
pub(super) const W_EDGE_DUP: &str = "edge repeated between the same two nodes (read once)";
pub(super) const W_EDGE_I_I: &str =
    "edge joins two I-nodes directly, without a scheme node (set aside)";
pub(super) const W_EDGE_FIELDS: &str = "edge field other than edgeID/fromID/toID (not kept)";
pub(super) const W_RA_SELF: &str =
    "RA/MA node whose premise is its conclusion: a node supporting itself (set aside)";
pub(super) const W_RA_NO_PREMISE: &str = "RA/MA node without a premise";
pub(super) const W_RA_NO_CONCLUSION: &str = "RA/MA node without a conclusion";
pub(super) const W_CA_NO_ATTACKER: &str = "CA node without an attacker";
pub(super) const W_CA_NO_TARGET: &str = "CA node without a target";
pub(super) const W_PA_HALF: &str = "PA node without a preferred or a dispreferred side (set aside)";
pub(super) const W_TOP_BOTH: &str =
    "document has nodes both at the top and inside \"AIF\" (the top ones are set aside)";
pub(super) const K_NODE_FIELDS: &str =
    "node fields AIF has and argraph has not (timestamp, scheme, …), kept in data.aif";
pub(super) const K_COLLAPSED: &str =
    "RA/CA/MA node with one premise and one conclusion, read as an edge (its fields in the edge's data.aif)";
pub(super) const K_ARGUMENT: &str = "RA/CA/MA node read as an argument node";
pub(super) const K_MA: &str = "MA (rephrase) node read as a supports edge labelled \"rephrase\"";
pub(super) const K_PA: &str = "PA (preference), kept in data.aif_preferences of the preferred node";
pub(super) const S_DESCRIPTOR: &str = "descriptor fulfillment (critical questions)";
pub(super) const S_OVA: &str = "OVA layout section (node positions)";
pub(super) const S_TOP_KEY: &str = "unknown top-level key";

/// What an AIF document is, for messages.
const EXPECTED: &str = "an AIF document (AIF JSON): an object with \"nodes\": [...] and \"edges\": [...] (AIFdb), or with \"AIF\": {\"nodes\", \"edges\"} (OVA)";

pub(super) fn parse(bytes: &[u8]) -> Result<Imported> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    crate::model::data::expect_object(bytes, FORMAT, EXPECTED)?;
    let doc: Document =
        crate::file::parse_json(bytes).map_err(|e| match argraph_document(bytes) {
            Some(refusal) => refusal.at_document_start(bytes),
            None => crate::model::data::json_error(e, bytes, FORMAT),
        })?;
    // What the whole document lacks is refused where it opens.
    build(doc).map_err(|e| e.at_document_start(bytes))
}

/// The error for an argraph JSON document read as AIF (its `"argraph"` is
/// a version number, where AIF written by argraph has an object).
fn argraph_document(bytes: &[u8]) -> Option<Error> {
    #[derive(serde::Deserialize)]
    struct Probe {
        argraph: Option<Value>,
        nodes: Option<Vec<Map<String, Value>>>,
    }
    let probe: Probe = serde_json::from_slice(bytes).ok()?;
    // argraph's AIF has an "argraph" object; argraph JSON, a version number.
    let argraph_nodes = probe.nodes.is_some_and(|n| {
        n.iter()
            .any(|n| n.contains_key("kind") && !n.contains_key("nodeID"))
    });
    (probe.argraph.is_some_and(|v| v.is_number()) || argraph_nodes).then(|| {
        data_error(
            "this is an argraph JSON document (\"argraph\": 1, nodes with \"id\" and \"kind\"), \
             not AIF JSON: read it as argraph JSON",
        )
    })
}

fn data_error(message: impl Into<String>) -> Error {
    Error::parse(FORMAT, ParseCategory::Data, 0, 0, message)
}

fn build(top: Document) -> Result<Imported> {
    let mut report = Report::new();
    let (mut doc, extension, text) = unwrap(top, &mut report)?;
    // Set by argraph's writer: then `data` comes verbatim from the
    // extension, and PA nodes (which the writer derives from `data`) are
    // not read again.
    let written_by_argraph = extension.is_some();
    let mut problems = Vec::new();
    let records = doc.nodes.take().unwrap_or_default();
    let edge_records = doc.edges.take().unwrap_or_default();
    // The records of the dialogue layer count: a file of nothing else
    // gives no graph, and is refused for it (see `convert::read`).
    report.count_input_records(
        records.len() + edge_records.len() + doc.locutions.len() + doc.participants.len(),
    );
    let mut input = read_nodes(records, &doc.fulfillments, &mut report, &mut problems);
    let mut edges = sort_edges(edge_records, &input, &mut report);
    let locutions = std::mem::take(&mut doc.locutions);
    let participants = std::mem::take(&mut doc.participants);
    let with_dialogue = !(input.dialogue.is_empty()
        && edges.dialogue.is_empty()
        && locutions.is_empty()
        && participants.is_empty()
        && text.is_none());
    // Before the argument layer takes the extensions that name renumbered nodes.
    let layer = with_dialogue.then(|| {
        let ends = std::mem::take(&mut edges.dialogue);
        DialogueRead::new(&mut input, ends, locutions, participants, text, &mut report)
    });
    let mut shape = Shape::new(&input.nodes, &edges.structural);
    let mut graph_nodes = node_roles(
        &mut input,
        &shape,
        written_by_argraph,
        &mut report,
        &mut problems,
    );
    let mut graph_edges = collapsed_edges(&mut input.nodes, &mut shape, written_by_argraph);
    graph_edges.extend(direct_edges(edges.structural, &input.nodes, &shape));
    warn_missing_sides(&input.nodes, &shape, &mut report);
    for &i in &shape.self_loops {
        let n = &input.nodes[i];
        report.warn(W_RA_SELF, || {
            let i_node = &input.nodes[shape.ins[i][0]].id;
            format!("node {:?} on node {i_node:?}", n.id)
        });
    }
    let kept_pa = if written_by_argraph {
        HashSet::new()
    } else {
        preferences(&input.nodes, &shape, &mut graph_nodes, &mut report)
    };
    let built = Built {
        input: &input,
        shape: &shape,
        graph_nodes: &graph_nodes,
        graph_edges: &graph_edges,
        kept_pa: &kept_pa,
        written_by_argraph,
    };
    let dialogue = layer.map(|layer| built.dialogue(layer, &mut report));
    // Collapsed scheme nodes and direct edges in file order, then frames.
    graph_edges.sort_by_key(|e| e.position);
    graph_edges.extend(frames_edges(
        &graph_nodes,
        &input,
        &shape.roles,
        &mut problems,
    ));
    derive_kinds(&mut graph_nodes, &graph_edges);
    let mut graph = assemble(graph_nodes, graph_edges, written_by_argraph, &mut problems);
    add_document_extension(&mut graph, extension, &mut problems);
    graph.set_dialogue(dialogue);
    if !problems.is_empty() {
        return Err(Error::invalid(problems));
    }
    Ok(Imported { graph, report })
}

/// The AIF part of `top` (itself, or what its `AIF` key wraps) and the
/// `argraph` extension of either, after reporting what the document holds
/// besides nodes and edges.
/// And the analysed text (OVA's), from the wrapper or the AIF part.
fn unwrap(mut top: Document, report: &mut Report) -> Result<Unwrapped> {
    let extension = top.extension.take();
    // The wrapper's own keys (OVA layout, text) are on the top document.
    let wrapper = (top.ova, top.text.take(), std::mem::take(&mut top.other.0));
    let mut doc = match top.aif.take() {
        Some(inner) => {
            if inner.aif.is_some() {
                return Err(data_error("\"AIF\" inside \"AIF\""));
            }
            if top.nodes.is_some() {
                report.warn(W_TOP_BOTH, || "top-level \"nodes\"".into());
            }
            *inner
        }
        None => top,
    };
    let extension = extension.or_else(|| doc.extension.take());
    if let Some(ext) = &extension {
        if ext.version != 1 {
            return Err(Error::new(ErrorKind::InvalidInput(format!(
                "the \"argraph\" extension of this AIF document has version {}; this build reads version 1",
                ext.version
            ))));
        }
    }
    if doc.nodes.is_none() {
        return Err(data_error(
            "no \"nodes\" array: not an AIF document (AIFdb: {\"nodes\", \"edges\"}; OVA: {\"AIF\": {…}})",
        ));
    }
    let (ova, text, keys) = wrapper;
    report.set_aside_n(
        S_DESCRIPTOR,
        doc.descriptorfulfillments + doc.cqdescriptorfulfillments,
    );
    if ova || doc.ova {
        report.set_aside_n(S_OVA, 1);
    }
    for k in keys.keys().chain(doc.other.0.keys()) {
        report.set_aside_one(S_TOP_KEY, || format!("{k:?}"));
    }
    let text = text.or_else(|| doc.text.take());
    Ok((doc, extension, text))
}

/// What [`unwrap`] gives: the AIF part, the `argraph` extension, the text.
type Unwrapped = (Document, Option<DocumentExtension>, Option<Value>);

/// Keeps the nodes with an id and a known type, once each; the scheme of
/// a scheme node may come from OVA's `schemefulfillments`.
fn read_nodes(
    records: Vec<NodeRecord>,
    fulfillments: &[Fulfillment],
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> InputNodes {
    let schemes: HashMap<&str, &str> = fulfillments
        .iter()
        .filter_map(|f| Some((f.node.as_ref()?.0.as_str(), f.scheme.as_ref()?.0.as_str())))
        .collect();
    let mut input = InputNodes {
        nodes: Vec::new(),
        by_id: HashMap::new(),
        set_aside: HashSet::new(),
        dialogue: Vec::new(),
    };
    for (index, r) in records.into_iter().enumerate() {
        let Some(id) = r.id.map(|id| id.0).filter(|s| !s.is_empty()) else {
            report.warn(W_NO_ID, || {
                format!("nodes[{index}] {}", short(r.text.as_deref().unwrap_or("")))
            });
            continue;
        };
        let node_type = match r.node_type {
            None | Some(TypeName::Empty) => {
                report.warn(W_NO_TYPE, || format!("node {id:?}"));
                input.set_aside.insert(id);
                continue;
            }
            Some(TypeName::Other(t)) => {
                report.warn(W_BAD_TYPE, || format!("node {id:?} of type {t:?}"));
                input.set_aside.insert(id);
                continue;
            }
            Some(TypeName::Known(t)) => t,
        };
        if let Some(&j) = input.by_id.get(&id) {
            let first = &input.nodes[j];
            if first.node_type == node_type && first.text == r.text {
                report.warn(W_DUP_NODE, || format!("node {id:?}"));
            } else {
                let message = format!(
                    "nodeID {id:?} is used by two different nodes (nodes[{}] and nodes[{index}])",
                    first.index
                );
                let at = Location::Node {
                    index: Some(index),
                    id: Some(id),
                };
                problems.push(Problem::new(Rule::DuplicateId, at, message));
            }
            continue;
        }
        let mut fields = r.fields.0;
        // OVA gives YA and TA nodes schemes too.
        if node_type != NodeType::I && !fields.contains_key("schemeID") {
            if let Some(s) = schemes.get(id.as_str()) {
                fields.insert("schemeID".into(), Value::String(s.to_string()));
            }
        }
        if node_type.is_dialogue() {
            input.dialogue.push(input.nodes.len());
        }
        input.by_id.insert(id.clone(), input.nodes.len());
        input.nodes.push(InputNode {
            index,
            id,
            node_type,
            text: r.text,
            fields,
            extension: r.extension,
        });
    }
    input
}

/// The edges of the input between nodes kept, once each.
struct SortedEdges {
    /// Between I-nodes and scheme nodes, in file order: (from, to, extension).
    structural: Vec<(usize, usize, Option<Box<Extension>>)>,
    /// Touching an L, YA or TA node.
    dialogue: Vec<(usize, usize)>,
}

/// Sorts the edges into structural and dialogue ones, setting aside (and
/// reporting) those that cannot be read.
fn sort_edges(records: Vec<EdgeRecord>, input: &InputNodes, report: &mut Report) -> SortedEdges {
    let mut edges = SortedEdges {
        structural: Vec::new(),
        dialogue: Vec::new(),
    };
    let mut seen = HashSet::new();
    for (i, e) in records.into_iter().enumerate() {
        let name = || {
            let quoted = |id: &Option<Id>| id.as_ref().map(|id| format!("{:?}", id.0));
            let id = quoted(&e.id).unwrap_or_else(|| format!("edges[{i}]"));
            let (from, to) = (quoted(&e.from), quoted(&e.to));
            let unknown = || "?".to_string();
            format!(
                "edge {id} ({} -> {})",
                from.unwrap_or_else(unknown),
                to.unwrap_or_else(unknown)
            )
        };
        report.add(Severity::Warning, W_EDGE_FIELDS, e.other.0.len(), || {
            Some(name())
        });
        let (Some(from), Some(to)) = (&e.from, &e.to) else {
            report.warn(W_EDGE_NO_END, name);
            continue;
        };
        let (Some(&a), Some(&b)) = (input.by_id.get(&from.0), input.by_id.get(&to.0)) else {
            let known = |id: &str| input.by_id.contains_key(id) || input.set_aside.contains(id);
            if known(&from.0) && known(&to.0) {
                report.warn(W_EDGE_SET_ASIDE, name);
            } else {
                report.warn(W_EDGE_MISSING, name);
            }
            continue;
        };
        let (from_type, to_type) = (input.nodes[a].node_type, input.nodes[b].node_type);
        if a == b {
            report.warn(W_EDGE_SELF, name);
        } else if !seen.insert((a, b)) {
            report.warn(W_EDGE_DUP, name);
        } else if from_type.is_dialogue() || to_type.is_dialogue() {
            edges.dialogue.push((a, b));
        } else if from_type == NodeType::I && to_type == NodeType::I {
            report.warn(W_EDGE_I_I, name);
        } else {
            edges.structural.push((a, b, e.extension));
        }
    }
    edges
}

/// What an input node became.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A node of the graph (index into the graph's nodes).
    Node(usize),
    /// A scheme node read as an edge (index into the graph's edges).
    Edge(usize),
    /// Dialogue, PA: not in the graph as such.
    Other,
}

/// The structural edges as neighbour lists, and what each input node becomes.
struct Shape {
    /// Per input node: its structural predecessors and successors, in file order.
    ins: Vec<Vec<usize>>,
    outs: Vec<Vec<usize>>,
    /// Per input node: the position of its first incoming structural edge.
    first_in: Vec<usize>,
    roles: Vec<Role>,
    /// Scheme nodes read as an edge, in input order.
    collapsed: Vec<usize>,
    /// RA and MA nodes whose one premise is their one conclusion: set aside.
    self_loops: Vec<usize>,
}

impl Shape {
    fn new(nodes: &[InputNode], structural: &[(usize, usize, Option<Box<Extension>>)]) -> Shape {
        let n = nodes.len();
        let mut shape = Shape {
            ins: vec![Vec::new(); n],
            outs: vec![Vec::new(); n],
            first_in: vec![usize::MAX; n],
            roles: vec![Role::Other; n],
            collapsed: Vec::new(),
            self_loops: Vec::new(),
        };
        for (k, &(a, b, _)) in structural.iter().enumerate() {
            shape.outs[a].push(b);
            shape.ins[b].push(a);
            shape.first_in[b] = shape.first_in[b].min(k);
        }
        let mut count = 0;
        for (i, node) in nodes.iter().enumerate() {
            let ty = node.node_type;
            let forced = node.extension.as_ref().is_some_and(|x| x.kind.is_some());
            match ty {
                NodeType::Ra | NodeType::Ma | NodeType::Ca
                    if collapsible(ty, forced, &shape.ins[i], &shape.outs[i], |j| {
                        nodes[j].node_type
                    }) =>
                {
                    if ty != NodeType::Ca && shape.ins[i][0] == shape.outs[i][0] {
                        shape.self_loops.push(i);
                    } else {
                        shape.collapsed.push(i);
                    }
                }
                NodeType::I | NodeType::Ra | NodeType::Ma | NodeType::Ca => {
                    shape.roles[i] = Role::Node(count);
                    count += 1;
                }
                _ => {}
            }
        }
        shape
    }
}

/// The `data` of a node or edge of the graph as it is composed: the
/// fields AIF has and argraph has not, then records of preferences.
#[derive(Default)]
struct AifData {
    aif: Option<Map<String, Value>>,
    preferences: Vec<Value>,
}

impl AifData {
    /// `{"aif": …, "aif_preferences": […]}`, the parts that are there;
    /// empty when none is.
    fn into_map(self) -> Map<String, Value> {
        let mut data = Map::new();
        if let Some(aif) = self.aif {
            data.insert("aif".into(), Value::Object(aif));
        }
        if !self.preferences.is_empty() {
            data.insert("aif_preferences".into(), Value::Array(self.preferences));
        }
        data
    }
}

/// A node of the graph as it is built.
struct GraphNode {
    id: String,
    kind: NodeKind,
    /// Whether its kind comes from the structure (the leaf-premise rule).
    derived: bool,
    text: String,
    extension: Option<Box<Extension>>,
    data: AifData,
    /// Position in the input's `nodes` array.
    index: usize,
}

/// An edge of the graph as it is built.
struct GraphEdge {
    /// Position of its first AIF edge: the graph keeps the file's order.
    position: usize,
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<Option<AttackKind>>,
    label: Option<String>,
    /// `weight`, `provenance`, `basis` and `data` from the `argraph` extension.
    weight: Option<Value>,
    provenance: Vec<Provenance>,
    basis: Option<FramingBasis>,
    given_data: Option<Value>,
    /// From AIF.
    data: AifData,
}

impl GraphEdge {
    fn new(position: usize, (from, to): (usize, usize), kind: EdgeKind) -> GraphEdge {
        GraphEdge {
            position,
            from,
            to,
            kind,
            attack: None,
            label: None,
            weight: None,
            provenance: Vec::new(),
            basis: None,
            given_data: None,
            data: AifData::default(),
        }
    }

    fn apply(&mut self, extension: Extension) {
        if let Some(label) = extension.label {
            self.label = label;
        }
        if let Some(attack) = extension.attack {
            self.attack = Some(attack);
        }
        self.weight = extension.weight;
        self.provenance = extension.provenance;
        self.given_data = extension.data;
    }
}

/// The graph's nodes: I-nodes and the scheme nodes that stay nodes, with
/// their text and fields moved out of the input.
fn node_roles(
    input: &mut InputNodes,
    shape: &Shape,
    written_by_argraph: bool,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> Vec<GraphNode> {
    let mut graph_nodes = Vec::new();
    for (i, node) in input.nodes.iter_mut().enumerate() {
        if let Role::Node(_) = shape.roles[i] {
            graph_nodes.push(graph_node(node, written_by_argraph, report, problems));
        }
    }
    let arguments = graph_nodes
        .iter()
        .filter(|p| p.kind == NodeKind::Argument)
        .count();
    report.kept_n(K_ARGUMENT, arguments);
    report.kept_n(K_COLLAPSED, shape.collapsed.len());
    let rephrases = shape
        .collapsed
        .iter()
        .filter(|&&i| input.nodes[i].node_type == NodeType::Ma);
    report.kept_n(K_MA, rephrases.count());
    report.kept_n(
        K_NODE_FIELDS,
        graph_nodes.iter().filter(|p| p.data.aif.is_some()).count(),
    );
    graph_nodes
}

/// The node of the graph an I-node or scheme node becomes.
fn graph_node(
    n: &mut InputNode,
    written_by_argraph: bool,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> GraphNode {
    let extension = n.extension.take();
    let id = extension
        .as_ref()
        .and_then(|x| x.id.clone())
        .unwrap_or_else(|| n.id.clone());
    let given_kind = extension.as_ref().and_then(|x| x.kind);
    let mut fields = std::mem::take(&mut n.fields);
    let (kind, derived, text) = if n.node_type == NodeType::I {
        let text = match n.text.take() {
            Some(t) if !t.is_empty() => t,
            _ => {
                report.warn(W_NO_TEXT, || format!("node {:?}", n.id));
                format!("(AIF node {} has no text)", n.id)
            }
        };
        (
            given_kind.unwrap_or(NodeKind::Claim),
            given_kind.is_none(),
            text,
        )
    } else {
        if let Some(k) = given_kind.filter(|k| *k != NodeKind::Argument) {
            let at = Location::Node {
                index: Some(n.index),
                id: Some(n.id.clone()),
            };
            let message = format!(
                "a {} scheme node can only be an argument node, but its extension says {k}",
                n.node_type.as_str()
            );
            problems.push(Problem::new(Rule::UnknownKind, at, message));
        }
        let scheme = drop_default_scheme(n.node_type, &mut fields);
        if n.node_type != NodeType::Ra {
            fields.insert("type".into(), Value::String(n.node_type.as_str().into()));
        }
        let text = match n.text.take() {
            Some(t) if !t.is_empty() => t,
            _ => scheme.unwrap_or_else(|| n.node_type.as_str().to_string()),
        };
        (NodeKind::Argument, false, text)
    };
    let mut data = AifData::default();
    if !written_by_argraph && !fields.is_empty() {
        data.aif = Some(fields);
    }
    GraphNode {
        id,
        kind,
        derived,
        text,
        extension,
        data,
        index: n.index,
    }
}

/// Removes `scheme`/`schemeID` when they are the default pair of the
/// type, and returns the scheme name in use (given or default).
fn drop_default_scheme(ty: NodeType, fields: &mut Map<String, Value>) -> Option<String> {
    let (name, id) = ty.default_scheme()?;
    let scheme = fields.get("scheme").and_then(Value::as_str);
    let default_name = scheme.is_none_or(|s| s == name);
    let default_id = fields.get("schemeID").is_none_or(|v| match v {
        Value::String(s) => s == id,
        Value::Number(n) => n.to_string() == id,
        _ => false,
    });
    let in_use = scheme.unwrap_or(name).to_string();
    if default_name && default_id {
        fields.shift_remove("scheme");
        fields.shift_remove("schemeID");
    }
    Some(in_use)
}

/// A scheme node's fields as its record keeps them: `nodeID`, `type` when
/// given, the text unless it only repeats the scheme name in use, then its
/// other fields (default scheme already dropped).
fn scheme_record(
    n: &InputNode,
    fields: &Map<String, Value>,
    ty: Option<&str>,
    scheme: Option<&str>,
) -> Map<String, Value> {
    let mut record = Map::new();
    record.insert("nodeID".into(), Value::String(n.id.clone()));
    if let Some(ty) = ty {
        record.insert("type".into(), Value::String(ty.into()));
    }
    if let Some(t) = n.text.as_deref().filter(|t| Some(*t) != scheme) {
        record.insert("text".into(), Value::String(t.into()));
    }
    record.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
    record
}

/// The edges RA, CA and MA nodes with one premise and one conclusion are
/// read as, their fields in the edge's `data.aif`.
fn collapsed_edges(
    nodes: &mut [InputNode],
    shape: &mut Shape,
    written_by_argraph: bool,
) -> Vec<GraphEdge> {
    let mut edges = Vec::new();
    for &i in &shape.collapsed {
        let (Role::Node(from), Role::Node(to)) =
            (shape.roles[shape.ins[i][0]], shape.roles[shape.outs[i][0]])
        else {
            continue; // `collapsible` only joins nodes of the graph
        };
        let n = &mut nodes[i];
        let kind = if n.node_type == NodeType::Ca {
            EdgeKind::Attacks
        } else {
            EdgeKind::Supports
        };
        let mut e = GraphEdge::new(shape.first_in[i], (from, to), kind);
        e.label = (n.node_type == NodeType::Ma).then(|| MA_LABEL.to_string());
        if let Some(x) = n.extension.take() {
            e.apply(*x);
        }
        if !written_by_argraph {
            let scheme = drop_default_scheme(n.node_type, &mut n.fields);
            let ty = matches!(n.node_type, NodeType::Ma).then(|| n.node_type.as_str());
            e.data.aif = Some(scheme_record(n, &n.fields, ty, scheme.as_deref()));
        }
        shape.roles[i] = Role::Edge(edges.len());
        edges.push(e);
    }
    edges
}

/// The structural edges between two nodes of the graph, as they are.
fn direct_edges(
    structural: Vec<(usize, usize, Option<Box<Extension>>)>,
    nodes: &[InputNode],
    shape: &Shape,
) -> Vec<GraphEdge> {
    let mut edges = Vec::new();
    for (k, (a, b, extension)) in structural.into_iter().enumerate() {
        let (Role::Node(from), Role::Node(to)) = (shape.roles[a], shape.roles[b]) else {
            continue; // consumed by a collapsed scheme node, or a PA
        };
        let kind = if nodes[a].node_type == NodeType::Ca {
            EdgeKind::Attacks
        } else {
            EdgeKind::Supports
        };
        let mut e = GraphEdge::new(k, (from, to), kind);
        if let Some(x) = extension {
            e.apply(*x);
        }
        edges.push(e);
    }
    edges
}

/// Reports the scheme nodes kept as nodes that lack a side.
fn warn_missing_sides(nodes: &[InputNode], shape: &Shape, report: &mut Report) {
    let not_ca_pa = |j: &&usize| !matches!(nodes[**j].node_type, NodeType::Ca | NodeType::Pa);
    for (i, n) in nodes.iter().enumerate() {
        if !matches!(shape.roles[i], Role::Node(_)) || n.node_type == NodeType::I {
            continue;
        }
        let premises = shape.ins[i].iter().filter(not_ca_pa).count();
        let conclusions = if n.node_type == NodeType::Ca {
            shape.outs[i].len()
        } else {
            shape.outs[i].iter().filter(not_ca_pa).count()
        };
        let name = || format!("node {:?}", n.id);
        match (n.node_type, premises, conclusions) {
            (NodeType::Ca, 0, _) => report.warn(W_CA_NO_ATTACKER, name),
            (NodeType::Ca, _, 0) => report.warn(W_CA_NO_TARGET, name),
            (NodeType::Ca, _, _) => {}
            (_, 0, _) => report.warn(W_RA_NO_PREMISE, name),
            (_, _, 0) => report.warn(W_RA_NO_CONCLUSION, name),
            _ => {}
        }
    }
}

/// PA nodes become `data.aif_preferences` records on the preferred node:
/// `{"over": <id of the dispreferred node>, "pa": {<the PA node's fields>}}`.
/// Returns the positions of the PA nodes kept.
fn preferences(
    nodes: &[InputNode],
    shape: &Shape,
    graph_nodes: &mut [GraphNode],
    report: &mut Report,
) -> HashSet<usize> {
    let mut kept = HashSet::new();
    let graph_node = |&j: &usize| match shape.roles[j] {
        Role::Node(p) => Some(p),
        _ => None,
    };
    for (i, n) in nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.node_type == NodeType::Pa)
    {
        let preferred: Vec<usize> = shape.ins[i].iter().filter_map(graph_node).collect();
        let dispreferred: Vec<usize> = shape.outs[i].iter().filter_map(graph_node).collect();
        if preferred.is_empty() || dispreferred.is_empty() {
            report.warn(W_PA_HALF, || format!("node {:?}", n.id));
            continue;
        }
        let mut fields = n.fields.clone();
        let scheme = drop_default_scheme(n.node_type, &mut fields);
        let pa = Value::Object(scheme_record(n, &fields, None, scheme.as_deref()));
        for &p in &preferred {
            for &d in &dispreferred {
                let mut record = Map::new();
                record.insert("over".into(), Value::String(graph_nodes[d].id.clone()));
                record.insert("pa".into(), pa.clone());
                graph_nodes[p].data.preferences.push(Value::Object(record));
            }
        }
        report.kept_n(K_PA, 1);
        kept.insert(i);
    }
    kept
}

/// The argument layer as read, before assembly: what decides which
/// dialogue edges can be written back.
struct Built<'a> {
    input: &'a InputNodes,
    shape: &'a Shape,
    graph_nodes: &'a [GraphNode],
    graph_edges: &'a [GraphEdge],
    /// The PA nodes kept as preferences (not when written by argraph).
    kept_pa: &'a HashSet<usize>,
    written_by_argraph: bool,
}

impl Built<'_> {
    /// The dialogue layer, without the edges to a node the writer could
    /// not name as they do (see [`DialogueRead::finish`]).
    fn dialogue(&self, layer: DialogueRead, report: &mut Report) -> crate::model::Dialogue {
        // argraph's writer derives the PA nodes from `data.aif_preferences`.
        let written = self
            .written_by_argraph
            .then(|| written_preferences(self.graph_nodes));
        let named = |j: usize, name: &str| match self.shape.roles[j] {
            _ if self.input.nodes[j].node_type.is_dialogue() => true,
            Role::Node(_) => true,
            // An S-node read as an edge: by the `nodeID` of the edge's `data.aif`.
            Role::Edge(e) => {
                if !self.written_by_argraph {
                    return true; // the reader put it there
                }
                let data = self.graph_edges[e].given_data.as_ref();
                let id = data.and_then(|d| d.get("aif")?.get("nodeID"));
                crate::model::id_text(id).as_deref() == Some(name)
            }
            Role::Other => match &written {
                Some(ids) => ids.contains(name),
                None => self.kept_pa.contains(&j),
            },
        };
        layer.finish(named, report)
    }
}

/// The ids of the PA nodes argraph's writer writes for the preferences in
/// the `data` of these nodes (`data.aif_preferences[*].pa.nodeID`).
fn written_preferences(graph_nodes: &[GraphNode]) -> HashSet<String> {
    let data = graph_nodes
        .iter()
        .filter_map(|p| p.extension.as_ref()?.data.as_ref());
    let records = data.filter_map(|d| d.get("aif_preferences")?.as_array());
    let pa_ids = records
        .flatten()
        .map(|r| r.get("pa").and_then(|pa| pa.get("nodeID")));
    pa_ids.filter_map(crate::model::id_text).collect()
}

/// The `frames` edges argraph's writer keeps on their framing nodes.
fn frames_edges(
    graph_nodes: &[GraphNode],
    input: &InputNodes,
    roles: &[Role],
    problems: &mut Vec<Problem>,
) -> Vec<GraphEdge> {
    let mut edges = Vec::new();
    for (p, node) in graph_nodes.iter().enumerate() {
        for f in node.extension.iter().flat_map(|x| &x.frames) {
            let Some(Role::Node(q)) = input.by_id.get(&f.to.0).map(|&j| roles[j]) else {
                let at = Location::Edge {
                    index: None,
                    from: Some(node.id.clone()),
                    to: Some(f.to.0.clone()),
                };
                let message = format!(
                    "the framing's extension frames nodeID {:?}, which is not a node of the graph",
                    f.to.0
                );
                problems.push(Problem::new(Rule::UnknownEndpoint, at, message));
                continue;
            };
            let mut e = GraphEdge::new(usize::MAX, (p, q), EdgeKind::Frames);
            e.attack = Some(None);
            e.label = f.label.clone();
            e.weight = f.weight.clone();
            e.provenance = f.provenance.clone();
            e.basis = f.basis;
            e.given_data = f.data.clone();
            edges.push(e);
        }
    }
    edges
}

/// The leaf-premise rule on the nodes whose kind the structure gives.
fn derive_kinds(graph_nodes: &mut [GraphNode], graph_edges: &[GraphEdge]) {
    let mut supports_in = vec![0usize; graph_nodes.len()];
    let mut supports_out = vec![0usize; graph_nodes.len()];
    for e in graph_edges.iter().filter(|e| e.kind == EdgeKind::Supports) {
        supports_out[e.from] += 1;
        supports_in[e.to] += 1;
    }
    for (p, node) in graph_nodes.iter_mut().enumerate() {
        if node.derived && NodeKind::is_leaf_premise(supports_in[p], supports_out[p]) {
            node.kind = NodeKind::Evidence;
        }
    }
}

/// The `data` of a node or edge: what the `argraph` extension gives, with
/// the fields read from AIF added (replacing keys of the same name).
fn merge_data(given: Option<Value>, aif: AifData) -> Value {
    match given {
        Some(Value::Null) | None => {
            let data = aif.into_map();
            if data.is_empty() {
                Value::Null
            } else {
                Value::Object(data)
            }
        }
        Some(Value::Object(mut given)) => {
            given.extend(aif.into_map());
            Value::Object(given)
        }
        Some(other) => other,
    }
}

fn assemble(
    graph_nodes: Vec<GraphNode>,
    graph_edges: Vec<GraphEdge>,
    written_by_argraph: bool,
    problems: &mut Vec<Problem>,
) -> ArgumentGraph {
    let mut g = ArgumentGraph::with_capacity(graph_nodes.len(), graph_edges.len());
    let kinds: Vec<NodeKind> = graph_nodes.iter().map(|p| p.kind).collect();
    let mut indices = Vec::with_capacity(graph_nodes.len());
    for p in graph_nodes {
        indices.push(add_node(&mut g, p, written_by_argraph, problems));
    }
    for e in graph_edges {
        let (Some(a), Some(b)) = (indices[e.from], indices[e.to]) else {
            continue;
        };
        let attack = match (e.kind, e.attack) {
            (EdgeKind::Attacks, None) => AttackKind::implied_by(kinds[e.to]),
            (_, Some(a)) => a,
            (_, None) => None,
        };
        let (from, to) = (g.as_petgraph()[a].id(), g.as_petgraph()[b].id());
        let at = || Location::Edge {
            index: None,
            from: Some(from.to_string()),
            to: Some(to.to_string()),
        };
        let weight = crate::model::weight_of(e.weight.as_ref(), problems, &at);
        // The endpoints are known by index: check the rules, then add without a lookup.
        if let Err((rule, msg)) = check_edge(
            from,
            to,
            Some(kinds[e.from]),
            Some(kinds[e.to]),
            e.kind,
            attack,
        ) {
            problems.push(Problem::new(rule, at(), msg));
            continue;
        }
        let mut edge = Edge::new(e.kind, attack);
        edge.label = e.label;
        edge.weight = weight;
        edge.provenance = e.provenance;
        edge.basis = e.basis;
        edge.set_data(if written_by_argraph {
            e.given_data.unwrap_or(Value::Null)
        } else {
            merge_data(e.given_data, e.data)
        });
        g.graph_mut().add_edge(a, b, edge);
    }
    g
}

/// Adds a node to the graph; `None` (and a problem) when its id, from the
/// extension, is empty or taken (AIF ids were checked).
fn add_node(
    g: &mut ArgumentGraph,
    p: GraphNode,
    written_by_argraph: bool,
    problems: &mut Vec<Problem>,
) -> Option<petgraph::stable_graph::NodeIndex> {
    let at = || Location::Node {
        index: Some(p.index),
        id: Some(p.id.clone()),
    };
    let extension = p.extension.unwrap_or_default();
    let weight = crate::model::weight_of(extension.weight.as_ref(), problems, &at);
    let broken = if p.id.is_empty() {
        Some((Rule::MissingField, "node id is empty".to_string()))
    } else if g.contains(&p.id) {
        Some((
            Rule::DuplicateId,
            format!("node id {:?} is already used", p.id),
        ))
    } else {
        None
    };
    if let Some((rule, msg)) = broken {
        problems.push(Problem::new(rule, at(), msg));
        return None;
    }
    let data = if written_by_argraph {
        extension.data.unwrap_or(Value::Null)
    } else {
        merge_data(None, p.data)
    };
    let mut node = Node::new(p.id, p.kind, p.text);
    node.label = extension.label.flatten();
    node.weight = weight;
    node.tags = extension.tags;
    node.provenance = extension.provenance;
    node.synthesis = extension.synthesis;
    node.set_data(data);
    Some(g.insert_checked_node(node))
}

/// Title, description and sources from the document's `argraph` key, and
/// the check that every node's provenance names a declared source.
fn add_document_extension(
    g: &mut ArgumentGraph,
    extension: Option<DocumentExtension>,
    problems: &mut Vec<Problem>,
) {
    let mut sources = Vec::new();
    if let Some(x) = extension {
        if let Some(t) = x.title {
            g.set_title(t);
        }
        if let Some(d) = x.description {
            g.set_description(d);
        }
        problems.extend(crate::model::source_problems(&x.sources));
        sources = x.sources;
    }
    let declared: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    for (i, node) in g.nodes().enumerate() {
        for msg in crate::model::provenance_problems(&declared, node.provenance()) {
            let at = Location::Node {
                index: Some(i),
                id: Some(node.id().to_string()),
            };
            problems.push(Problem::new(Rule::UndeclaredSource, at, msg));
        }
    }
    for (i, e) in g.edges().enumerate() {
        for msg in crate::model::provenance_problems(&declared, e.edge().provenance()) {
            let at = Location::Edge {
                index: Some(i),
                from: Some(e.from().id().to_string()),
                to: Some(e.to().id().to_string()),
            };
            problems.push(Problem::new(Rule::UndeclaredSource, at, msg));
        }
    }
    *g.sources_mut() = sources;
}
