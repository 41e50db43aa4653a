//! AIF → argraph.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::raw::{Chunks, DocExt, Ext, Extras, Piece, RawDoc, RawNode, RawTy};
use super::{collapsible, derive_attack, derive_evidence, Ty, FORMAT, MA_LABEL};
use crate::error::{Error, ErrorKind, Location, ParseCategory, Problem, Result, Rule};
use crate::io::json_text::{self, Object};
use crate::io::report::{short, Imported, Report, Severity};
use crate::model::{check_edge, ArgumentGraph, AttackKind, Data, Edge, EdgeKind, Node, NodeKind};

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
pub(super) const K_YA: &str =
    "illocution (YA anchoring a node in a locution), kept in data.aif_illocutions";
pub(super) const S_L: &str = "L (locution) node, dialogue structure";
pub(super) const S_YA: &str = "YA (illocution) node, dialogue structure";
pub(super) const S_TA: &str = "TA (transition) node, dialogue structure";
pub(super) const S_DIALOGUE_EDGE: &str = "edge of the dialogue structure (L, YA, TA nodes)";
pub(super) const S_LOCUTION: &str = "locutions entry (speaker, time)";
pub(super) const S_PARTICIPANT: &str = "participants entry";
pub(super) const S_DESCRIPTOR: &str = "descriptor fulfillment (critical questions)";
pub(super) const S_OVA: &str = "OVA layout section (node positions)";
pub(super) const S_TEXT: &str = "characters of the analysed text (OVA \"text\")";
pub(super) const S_TOP_KEY: &str = "unknown top-level key";

/// The hasher of the large maps (ids, edge pairs): short keys, no need for
/// SipHash's flood resistance against a file the user chose to read.
type Fast = foldhash::fast::RandomState;

/// A node of the input that takes part in the graph.
struct N<'de> {
    /// Position in the input's `nodes` array.
    index: usize,
    id: Cow<'de, str>,
    ty: Ty,
    text: Option<Cow<'de, str>>,
    extra: Extras<'de>,
}

/// The `data` of a node or edge of the graph as it is composed: the
/// fields AIF has and argraph has not, then records of preferences and
/// illocutions, each already JSON text.
#[derive(Default)]
struct DataOut {
    /// `{"aif":{…}`: the data object opened with its first entry, so that
    /// a node with nothing else needs no second copy.
    aif: Option<String>,
    /// Boxed: most nodes and edges have none, and there are many of them.
    records: Option<Box<Records>>,
}

/// Records of preferences and illocutions, each JSON text.
#[derive(Default)]
struct Records {
    preferences: Vec<String>,
    illocutions: Vec<String>,
}

impl DataOut {
    /// Sets `aif` to the object `write` writes, composed in `scratch` and
    /// kept in a string of its exact length (the graph keeps it).
    fn set_aif(&mut self, scratch: &mut String, write: impl FnOnce(&mut Object)) {
        scratch.clear();
        let mut data = Object::new(scratch);
        let mut aif = Object::new(data.key("aif"));
        write(&mut aif);
        aif.end();
        self.aif = Some(scratch.as_str().to_owned());
    }

    fn records(&mut self) -> &mut Records {
        self.records.get_or_insert_with(Default::default)
    }

    fn is_empty(&self) -> bool {
        self.aif.is_none() && self.records.is_none()
    }

    /// `{"aif": …, "aif_preferences": […], "aif_illocutions": […]}`, the
    /// parts that are there; `None` when none is.
    fn into_text(self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let records = self.records.unwrap_or_default();
        let length = records
            .preferences
            .iter()
            .chain(&records.illocutions)
            .map(|r| r.len() + 1)
            .sum::<usize>();
        let mut out;
        let mut o = match self.aif {
            Some(aif) => {
                out = aif;
                out.reserve(length + 48);
                Object::reopen(&mut out)
            }
            None => {
                out = String::with_capacity(length + 48);
                Object::new(&mut out)
            }
        };
        for (key, records) in [
            ("aif_preferences", &records.preferences),
            ("aif_illocutions", &records.illocutions),
        ] {
            if !records.is_empty() {
                json_text::push_array(o.key(key), records.iter().map(String::as_str));
            }
        }
        o.end();
        Some(out)
    }
}

/// Neighbour lists in two allocations (compressed rows), in edge order.
struct Adjacency {
    start: Vec<usize>,
    items: Vec<usize>,
}

impl Adjacency {
    fn new(n: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Adjacency {
        let mut start = vec![0usize; n + 1];
        for (a, _) in pairs.clone() {
            start[a + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut items = vec![0usize; start[n]];
        for (a, b) in pairs {
            items[fill[a]] = b;
            fill[a] += 1;
        }
        Adjacency { start, items }
    }
}

impl std::ops::Index<usize> for Adjacency {
    type Output = [usize];
    fn index(&self, i: usize) -> &[usize] {
        &self.items[self.start[i]..self.start[i + 1]]
    }
}

/// What an input node became.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A node of the graph (index into the pending nodes).
    Node(usize),
    /// A scheme node read as an edge (index into the pending edges).
    Edge(usize),
    /// Dialogue, PA: not in the graph as such.
    Other,
}

struct PNode {
    id: String,
    kind: NodeKind,
    derive: bool,
    text: String,
    ext: Option<Box<Ext>>,
    data: DataOut,
    index: usize,
}

struct PEdge {
    /// Position of its first AIF edge: the graph keeps the file's order.
    pos: usize,
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<Option<AttackKind>>,
    label: Option<String>,
    /// `weight` and `data` from the `argraph` extension (boxed: rare, and
    /// an AIF corpus has many edges).
    given: Option<Box<Given>>,
    /// From AIF.
    aif_data: DataOut,
}

#[derive(Default)]
struct Given {
    weight: Option<Value>,
    data: Option<Value>,
}

pub(super) fn parse(bytes: &[u8]) -> Result<Imported> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: RawDoc = crate::io::json::parse_document(bytes).map_err(|e| json_error(e, FORMAT))?;
    build(doc)
}

/// A `serde_json` error as a parse error of `format`, with line and column.
pub(crate) fn json_error(e: serde_json::Error, format: &'static str) -> Error {
    match crate::io::json::parse_error(e).into_kind() {
        ErrorKind::Parse {
            category,
            line,
            column,
            message,
            ..
        } => Error::parse(format, category, line, column, message),
        other => Error::new(other),
    }
}

fn data_error(message: impl Into<String>) -> Error {
    Error::parse(FORMAT, ParseCategory::Data, 0, 0, message)
}

fn build(mut top: RawDoc) -> Result<Imported> {
    let mut report = Report::new();
    let doc_ext = top.ext.take();
    // The wrapper's own keys (OVA layout, text) are on the top document.
    let wrapper = (top.ova, top.text_chars, std::mem::take(&mut top.other_keys));
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
    let doc_ext = doc_ext.or_else(|| doc.ext.take());
    if let Some(ext) = &doc_ext {
        if ext.version != 1 {
            return Err(Error::new(ErrorKind::InvalidInput(format!(
                "the \"argraph\" extension of this AIF document has version {}; this build reads version 1",
                ext.version
            ))));
        }
    }
    // Set by argraph's writer: then `data` comes verbatim from the
    // extension, and PA and dialogue nodes (which the writer derives from
    // `data`) are not read again.
    let written_by_argraph = doc_ext.is_some();
    let Some(raw_nodes) = doc.nodes.take() else {
        return Err(data_error(
            "no \"nodes\" array: not an AIF document (AIFdb: {\"nodes\", \"edges\"}; OVA: {\"AIF\": {…}})",
        ));
    };
    let raw_edges = doc.edges.take().unwrap_or_default();
    report_document(&doc, wrapper, &mut report);

    let mut problems = Vec::new();
    let (mut ns, mut exts, set_aside_ids, by_id) =
        read_nodes(raw_nodes, &doc, &mut report, &mut problems);
    // The types apart: the passes over edges look them up at random, and
    // a byte per node stays in cache where a whole node does not.
    let tys: Vec<Ty> = ns.iter().map(|n| n.ty).collect();

    // Edges: structural (between I and scheme nodes) and dialogue.
    let mut structural: Vec<(usize, usize, Option<Box<Ext>>)> = Vec::with_capacity(raw_edges.len());
    let mut first_in = vec![usize::MAX; ns.len()];
    let mut dialogue: Vec<(usize, usize)> = Vec::new();
    let mut seen: HashSet<(usize, usize), Fast> =
        HashSet::with_capacity_and_hasher(raw_edges.len(), Fast::default());
    for (i, e) in raw_edges.into_iter().enumerate() {
        let name = || {
            format!(
                "edge {} ({} -> {})",
                e.id.as_deref()
                    .map_or_else(|| format!("edges[{i}]"), |s| format!("{s:?}")),
                e.from.as_deref().map_or("?".into(), |s| format!("{s:?}")),
                e.to.as_deref().map_or("?".into(), |s| format!("{s:?}")),
            )
        };
        if e.other_keys > 0 {
            report.add(Severity::Warning, W_EDGE_FIELDS, e.other_keys, || {
                Some(name())
            });
        }
        let (Some(from), Some(to)) = (e.from.as_deref(), e.to.as_deref()) else {
            report.warn(W_EDGE_NO_END, name);
            continue;
        };
        let (a, b) = match (by_id.get(from), by_id.get(to)) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                let aside = |id: &str| set_aside_ids.contains(id);
                if (by_id.get(from).is_some() || aside(from))
                    && (by_id.get(to).is_some() || aside(to))
                {
                    report.warn(W_EDGE_SET_ASIDE, name);
                } else {
                    report.warn(W_EDGE_MISSING, name);
                }
                continue;
            }
        };
        if a == b {
            report.warn(W_EDGE_SELF, name);
            continue;
        }
        if !seen.insert((a, b)) {
            report.warn(W_EDGE_DUP, name);
            continue;
        }
        if tys[a].is_dialogue() || tys[b].is_dialogue() {
            dialogue.push((a, b));
            continue;
        }
        if tys[a] == Ty::I && tys[b] == Ty::I {
            report.warn(W_EDGE_I_I, name);
            continue;
        }
        first_in[b] = first_in[b].min(structural.len());
        structural.push((a, b, e.ext));
    }

    let ins = Adjacency::new(ns.len(), structural.iter().map(|&(a, b, _)| (b, a)));
    let outs = Adjacency::new(ns.len(), structural.iter().map(|&(a, b, _)| (a, b)));

    // Which scheme nodes are edges and which are nodes.
    let mut roles = vec![Role::Other; ns.len()];
    let mut collapsed: Vec<usize> = Vec::new();
    let mut nodes = 0;
    for (i, n) in ns.iter().enumerate() {
        let forced = exts[i].as_ref().is_some_and(|x| x.kind.is_some());
        match n.ty {
            Ty::Ra | Ty::Ma | Ty::Ca
                if collapsible(n.ty, forced, &ins[i], &outs[i], |j| tys[j]) =>
            {
                collapsed.push(i)
            }
            Ty::I | Ty::Ra | Ty::Ma | Ty::Ca => {
                roles[i] = Role::Node(nodes);
                nodes += 1;
            }
            _ => {}
        }
    }
    // Reserved, not doubled and copied: a corpus has many.
    let mut pnodes: Vec<PNode> = Vec::with_capacity(nodes);
    let mut scratch = String::new();
    for (i, n) in ns.iter_mut().enumerate() {
        if let Role::Node(_) = roles[i] {
            pnodes.push(pending_node(
                n,
                exts[i].take(),
                written_by_argraph,
                &mut scratch,
                &mut report,
                &mut problems,
            ));
        }
    }
    report.kept_n(
        K_ARGUMENT,
        pnodes
            .iter()
            .filter(|p| p.kind == NodeKind::Argument)
            .count(),
    );
    report.kept_n(K_COLLAPSED, collapsed.len());
    report.kept_n(
        K_MA,
        collapsed.iter().filter(|&&i| ns[i].ty == Ty::Ma).count(),
    );
    report.kept_n(
        K_NODE_FIELDS,
        pnodes.iter().filter(|p| p.data.aif.is_some()).count(),
    );

    let direct = structural
        .iter()
        .filter(|&&(a, b, _)| matches!((roles[a], roles[b]), (Role::Node(_), Role::Node(_))))
        .count();
    let mut pedges: Vec<PEdge> = Vec::with_capacity(collapsed.len() + direct);
    let node_of = |roles: &[Role], j: usize| match roles[j] {
        Role::Node(p) => p,
        _ => unreachable!("the ends of a collapsed scheme node are nodes"),
    };
    for &i in &collapsed {
        let n = &mut ns[i];
        let (from, to) = (node_of(&roles, ins[i][0]), node_of(&roles, outs[i][0]));
        roles[i] = Role::Edge(pedges.len());
        let mut e = PEdge {
            pos: first_in[i],
            from,
            to,
            kind: if n.ty == Ty::Ca {
                EdgeKind::Attacks
            } else {
                EdgeKind::Supports
            },
            attack: None,
            label: (n.ty == Ty::Ma).then(|| MA_LABEL.to_string()),
            given: None,
            aif_data: DataOut::default(),
        };
        if let Some(x) = &exts[i] {
            apply_edge_ext(&mut e, x);
        }
        if !written_by_argraph {
            let scheme = drop_default_scheme(n.ty, &mut n.extra);
            let ty = (n.ty != Ty::Ra && n.ty != Ty::Ca).then(|| n.ty.as_str());
            e.aif_data.set_aif(&mut scratch, |o| {
                scheme_fields(o, n, &n.extra, ty, scheme.as_deref())
            });
        }
        pedges.push(e);
    }

    // Edges between nodes of the graph.
    for (k, (a, b, ext)) in structural.iter().enumerate() {
        let (Role::Node(pa), Role::Node(pb)) = (roles[*a], roles[*b]) else {
            continue; // consumed by a collapsed scheme node, or a PA
        };
        let mut e = PEdge {
            pos: k,
            from: pa,
            to: pb,
            kind: if tys[*a] == Ty::Ca {
                EdgeKind::Attacks
            } else {
                EdgeKind::Supports
            },
            attack: None,
            label: None,
            given: None,
            aif_data: DataOut::default(),
        };
        if let Some(x) = ext {
            apply_edge_ext(&mut e, x);
        }
        pedges.push(e);
    }

    // Scheme nodes kept as nodes that lack a side.
    for (i, n) in ns.iter().enumerate() {
        if !matches!(roles[i], Role::Node(_)) || n.ty == Ty::I {
            continue;
        }
        let premises = ins[i]
            .iter()
            .filter(|&&j| !matches!(tys[j], Ty::Ca | Ty::Pa))
            .count();
        let conclusions = outs[i]
            .iter()
            .filter(|&&j| n.ty == Ty::Ca || !matches!(tys[j], Ty::Ca | Ty::Pa))
            .count();
        let name = || format!("node {:?}", n.id);
        match (n.ty, premises, conclusions) {
            (Ty::Ca, 0, _) => report.warn(W_CA_NO_ATTACKER, name),
            (Ty::Ca, _, 0) => report.warn(W_CA_NO_TARGET, name),
            (Ty::Ca, _, _) => {}
            (_, 0, _) => report.warn(W_RA_NO_PREMISE, name),
            (_, _, 0) => report.warn(W_RA_NO_CONCLUSION, name),
            _ => {}
        }
    }

    if !written_by_argraph {
        preferences(&ns, &ins, &outs, &roles, &mut pnodes, &mut report);
        illocutions(
            &ns,
            &dialogue,
            &doc,
            &roles,
            &mut pnodes,
            &mut pedges,
            &mut report,
        );
    } else {
        report.set_aside_n(S_L, ns.iter().filter(|n| n.ty == Ty::L).count());
        report.set_aside_n(S_YA, ns.iter().filter(|n| n.ty == Ty::Ya).count());
        report.set_aside_n(S_TA, ns.iter().filter(|n| n.ty == Ty::Ta).count());
        report.set_aside_n(S_DIALOGUE_EDGE, dialogue.len());
    }

    // Frames edges, kept on their framing nodes by argraph's writer.
    let mut frames = Vec::new();
    for (p, node) in pnodes.iter().enumerate() {
        for f in node.ext.iter().flat_map(|x| &x.frames) {
            let to = match by_id.get(&f.to).map(|j| roles[j]) {
                Some(Role::Node(q)) => q,
                _ => {
                    problems.push(Problem::new(
                        Rule::UnknownEndpoint,
                        Location::Edge {
                            index: None,
                            from: Some(node.id.clone()),
                            to: Some(f.to.clone()),
                        },
                        format!("the framing's extension frames nodeID {:?}, which is not a node of the graph", f.to),
                    ));
                    continue;
                }
            };
            frames.push(PEdge {
                pos: usize::MAX,
                from: p,
                to,
                kind: EdgeKind::Frames,
                attack: Some(None),
                label: f.label.clone(),
                given: Some(Box::new(Given {
                    weight: f.weight.clone(),
                    data: f.data.clone(),
                })),
                aif_data: DataOut::default(),
            });
        }
    }
    // Collapsed scheme nodes and direct edges in file order, then frames.
    // (Two sorted runs: a stable sort merges them in linear time.)
    pedges.sort_by_key(|e| e.pos);
    pedges.extend(frames);

    // Derived kinds: the documented rules.
    let mut supports_in = vec![0usize; pnodes.len()];
    let mut supports_out = vec![0usize; pnodes.len()];
    for e in pedges.iter().filter(|e| e.kind == EdgeKind::Supports) {
        supports_out[e.from] += 1;
        supports_in[e.to] += 1;
    }
    for (p, node) in pnodes.iter_mut().enumerate() {
        if node.derive && derive_evidence(supports_in[p], supports_out[p]) {
            node.kind = NodeKind::Evidence;
        }
    }

    let graph = assemble(pnodes, pedges, doc_ext, written_by_argraph, problems)?;
    Ok(Imported { graph, report })
}

/// What the document holds besides nodes and edges, for the report:
/// `wrapper` is (OVA layout present, analysed-text characters, unknown
/// keys) of the top level when the AIF is wrapped, else of `doc` itself.
fn report_document(doc: &RawDoc, wrapper: (bool, usize, Vec<String>), report: &mut Report) {
    let (ova, text_chars, keys) = wrapper;
    report.set_aside_n(S_PARTICIPANT, doc.participants);
    report.set_aside_n(S_DESCRIPTOR, doc.descriptors);
    if ova || doc.ova {
        report.set_aside_n(S_OVA, 1);
    }
    report.set_aside_n(S_TEXT, text_chars.max(doc.text_chars));
    for k in keys.iter().chain(&doc.other_keys) {
        report.set_aside_one(S_TOP_KEY, || format!("{k:?}"));
    }
}

/// The nodes, their extensions, the ids of nodes set aside, and the index of every id.
type Nodes<'de> = (
    Vec<N<'de>>,
    Vec<Option<Box<Ext>>>,
    HashSet<Cow<'de, str>>,
    IdIndex<'de>,
);

/// Node ids to positions in the nodes read. AIF ids are nearly always
/// decimal numbers (AIFdb's, OVA's): those are keyed by their value, which
/// hashes and compares without reading the id's text again (two lookups
/// per edge, at random places of the input otherwise).
struct IdIndex<'de>(HashMap<IdKey<'de>, usize, Fast>);

impl<'de> IdIndex<'de> {
    fn get(&self, id: &str) -> Option<usize> {
        self.0.get(&IdKey::new(Cow::Borrowed(id))).copied()
    }

    fn insert(&mut self, id: Cow<'de, str>, at: usize) {
        self.0.insert(IdKey::new(id), at);
    }
}

/// An id as a key: its value if it is a decimal number as written in one
/// way only (no sign, no leading zero, at most 19 digits, so that it fits
/// a `u64`), else its text; so two ids are equal keys exactly when they
/// are equal strings.
#[derive(PartialEq, Eq, Hash)]
enum IdKey<'de> {
    Number(u64),
    Text(Cow<'de, str>),
}

impl<'de> IdKey<'de> {
    fn new(id: Cow<'de, str>) -> IdKey<'de> {
        let b = id.as_bytes();
        let canonical = matches!(b.len(), 1..=19)
            && b.iter().all(u8::is_ascii_digit)
            && (b[0] != b'0' || b.len() == 1);
        if canonical {
            IdKey::Number(b.iter().fold(0, |n, d| n * 10 + u64::from(d - b'0')))
        } else {
            IdKey::Text(id)
        }
    }
}

fn read_nodes<'de>(
    raw: Chunks<RawNode<'de>>,
    doc: &RawDoc,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> Nodes<'de> {
    let schemes: HashMap<&str, &str> = doc
        .fulfillments
        .iter()
        .filter_map(|f| Some((f.node.as_deref()?, f.scheme.as_deref()?)))
        .collect();
    let mut ns: Vec<N> = Vec::with_capacity(raw.len());
    let mut exts = Vec::with_capacity(raw.len());
    let mut by_id = IdIndex(HashMap::with_capacity_and_hasher(
        raw.len(),
        Fast::default(),
    ));
    let mut set_aside = HashSet::new();
    for (index, r) in raw.into_iter().enumerate() {
        let Some(id) = r.id.filter(|s| !s.is_empty()) else {
            report.warn(W_NO_ID, || {
                format!("nodes[{index}] {}", short(r.text.as_deref().unwrap_or("")))
            });
            continue;
        };
        let ty = match r.ty {
            None | Some(RawTy::Empty) => {
                report.warn(W_NO_TYPE, || format!("node {id:?}"));
                set_aside.insert(id);
                continue;
            }
            Some(RawTy::Other(t)) => {
                report.warn(W_BAD_TYPE, || format!("node {id:?} of type {t:?}"));
                set_aside.insert(id);
                continue;
            }
            Some(RawTy::Known(ty)) => ty,
        };
        if let Some(j) = by_id.get(&id) {
            if ns[j].ty == ty && ns[j].text == r.text {
                report.warn(W_DUP_NODE, || format!("node {id:?}"));
            } else {
                problems.push(Problem::new(
                    Rule::DuplicateId,
                    Location::Node { index: Some(index), id: Some(id.to_string()) },
                    format!(
                        "nodeID {id:?} is used by two different nodes (nodes[{}] and nodes[{index}])",
                        ns[j].index
                    ),
                ));
            }
            continue;
        }
        let mut extra = r.extra;
        if ty.is_scheme() && extra.get("schemeID").is_none() {
            if let Some(s) = schemes.get(id.as_ref()) {
                extra.insert("schemeID".into(), Piece::Str(Cow::Owned((*s).to_string())));
            }
        }
        by_id.insert(id.clone(), ns.len());
        ns.push(N {
            index,
            id,
            ty,
            text: r.text,
            extra,
        });
        exts.push(r.ext);
    }
    (ns, exts, set_aside, by_id)
}

/// Removes `scheme`/`schemeID` when they are the default pair of the
/// type, and returns the scheme name in use (given or default).
fn drop_default_scheme(ty: Ty, extra: &mut Extras) -> Option<Cow<'static, str>> {
    let (name, id) = ty.default_scheme()?;
    let scheme = extra.get("scheme").and_then(Piece::as_str);
    let default_name = scheme.is_none_or(|s| s == name);
    let default_id = extra.get("schemeID").is_none_or(|v| v.text() == id);
    let in_use = match scheme {
        Some(s) if s != name => Cow::Owned(s.to_string()),
        _ => Cow::Borrowed(name),
    };
    if default_name && default_id {
        extra.remove("scheme");
        extra.remove("schemeID");
    }
    Some(in_use)
}

/// The node of the graph an I-node or scheme node becomes (its text and
/// fields are moved out of `n`).
fn pending_node(
    n: &mut N,
    ext: Option<Box<Ext>>,
    written_by_argraph: bool,
    scratch: &mut String,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> PNode {
    let id = ext
        .as_ref()
        .and_then(|x| x.id.clone())
        .unwrap_or_else(|| n.id.to_string());
    let given_kind = ext.as_ref().and_then(|x| x.kind);
    let mut extra = std::mem::take(&mut n.extra);
    let (kind, derive, text) = if n.ty == Ty::I {
        let text = match n.text.take() {
            Some(t) if !t.is_empty() => t.into_owned(),
            _ => {
                report.warn(W_NO_TEXT, || format!("node {:?}", n.id));
                format!("(AIF node {} has no text)", n.id)
            }
        };
        match given_kind {
            Some(k) => (k, false, text),
            None => (NodeKind::Claim, true, text),
        }
    } else {
        if let Some(k) = given_kind.filter(|k| *k != NodeKind::Argument) {
            problems.push(Problem::new(
                Rule::UnknownKind,
                Location::Node {
                    index: Some(n.index),
                    id: Some(n.id.to_string()),
                },
                format!(
                    "a {} scheme node can only be an argument node, but its extension says {k}",
                    n.ty.as_str()
                ),
            ));
        }
        let scheme = drop_default_scheme(n.ty, &mut extra);
        if n.ty != Ty::Ra {
            extra.insert("type".into(), Piece::Str(Cow::Borrowed(n.ty.as_str())));
        }
        let text = match n.text.take() {
            Some(t) if !t.is_empty() => t.into_owned(),
            _ => scheme.map_or_else(|| n.ty.as_str().to_string(), Cow::into_owned),
        };
        (NodeKind::Argument, false, text)
    };
    let mut data = DataOut::default();
    if !written_by_argraph && !extra.is_empty() {
        data.set_aif(scratch, |o| extra.write(o, None));
    }
    PNode {
        id,
        kind,
        derive,
        text,
        ext,
        data,
        index: n.index,
    }
}

fn apply_edge_ext(e: &mut PEdge, x: &Ext) {
    if let Some(l) = &x.label {
        e.label = l.clone();
    }
    if let Some(a) = x.attack {
        e.attack = Some(a);
    }
    if x.weight.is_some() || x.data.is_some() {
        e.given = Some(Box::new(Given {
            weight: x.weight.clone(),
            data: x.data.clone(),
        }));
    }
}

/// PA nodes become `data.aif_preferences` records on the preferred node:
/// `{"over": <id of the dispreferred node>, "pa": {<the PA node's fields>}}`.
fn preferences(
    ns: &[N],
    ins: &Adjacency,
    outs: &Adjacency,
    roles: &[Role],
    pnodes: &mut [PNode],
    report: &mut Report,
) {
    for (i, n) in ns.iter().enumerate().filter(|(_, n)| n.ty == Ty::Pa) {
        let preferred: Vec<usize> = ins[i]
            .iter()
            .filter_map(|&j| match roles[j] {
                Role::Node(p) => Some(p),
                _ => None,
            })
            .collect();
        let dispreferred: Vec<usize> = outs[i]
            .iter()
            .filter_map(|&j| match roles[j] {
                Role::Node(p) => Some(p),
                _ => None,
            })
            .collect();
        if preferred.is_empty() || dispreferred.is_empty() {
            report.warn(W_PA_HALF, || format!("node {:?}", n.id));
            continue;
        }
        let mut extra = n.extra.clone();
        let scheme = drop_default_scheme(n.ty, &mut extra);
        let mut pa = String::new();
        let mut o = Object::new(&mut pa);
        scheme_fields(&mut o, n, &extra, None, scheme.as_deref());
        o.end();
        for &p in &preferred {
            for &d in &dispreferred {
                let mut record = String::with_capacity(pa.len() + 32);
                let mut o = Object::new(&mut record);
                o.str("over", &pnodes[d].id);
                o.key("pa").push_str(&pa);
                o.end();
                pnodes[p].data.records().preferences.push(record);
            }
        }
        report.kept_n(K_PA, 1);
    }
}

/// A scheme node's fields as its record keeps them: `nodeID`, `type` when
/// given, the text unless it only repeats the scheme name in use, then
/// `extra` (its other fields, default scheme already dropped).
fn scheme_fields(o: &mut Object, n: &N, extra: &Extras, ty: Option<&str>, scheme: Option<&str>) {
    o.str("nodeID", &n.id);
    if let Some(ty) = ty {
        o.str("type", ty);
    }
    if let Some(t) = n.text.as_deref().filter(|t| Some(*t) != scheme) {
        o.str("text", t);
    }
    extra.write(o, None);
}

/// An AIF node as an object: `nodeID`, `text` if any, its other fields,
/// then `last` (each replacing a field of the same name in place).
fn native(out: &mut String, n: &N, last: &[(&str, &str)]) {
    out.reserve(128 + n.text.as_ref().map_or(0, |t| t.len()));
    let mut o = Object::new(out);
    o.str("nodeID", &n.id);
    if let Some(t) = &n.text {
        o.str("text", t);
    }
    // (`Extras` holds each key once.)
    for (k, v) in &n.extra.0 {
        match last.iter().find(|(lk, _)| lk == k) {
            Some((_, json)) => o.key(k).push_str(json),
            None => v.write(o.key(k)),
        }
    }
    for (k, json) in last {
        if n.extra.get(k).is_none() {
            o.key(k).push_str(json);
        }
    }
    o.end();
}

/// YA nodes anchor a node of the graph (I-node, or scheme node) in a
/// locution (L) or a transition (TA). Each anchoring becomes a record
/// `{"ya": {<the YA node>}, "from": {<the L or TA node>, "type": …,
/// "locution": {<its locutions entry>}}}` in `data.aif_illocutions` of the
/// node (or of the edge, for a scheme node read as an edge). The dialogue
/// nodes themselves are set aside and counted.
fn illocutions(
    ns: &[N],
    dialogue: &[(usize, usize)],
    doc: &RawDoc,
    roles: &[Role],
    pnodes: &mut [PNode],
    pedges: &mut [PEdge],
    report: &mut Report,
) {
    let mut anchors: HashMap<usize, Vec<usize>, Fast> = HashMap::default();
    let mut targets: HashMap<usize, Vec<usize>, Fast> = HashMap::default();
    for &(a, b) in dialogue {
        match (ns[a].ty, ns[b].ty) {
            (Ty::L | Ty::Ta, Ty::Ya) => anchors.entry(b).or_default().push(a),
            (Ty::Ya, t) if !t.is_dialogue() => targets.entry(a).or_default().push(b),
            _ => {}
        }
    }
    let l_ids: HashSet<&str> = ns
        .iter()
        .filter(|n| n.ty == Ty::L)
        .map(|n| n.id.as_ref())
        .collect();
    // The last entry for an id wins, as a later key does in an object.
    let mut locutions: HashMap<&str, String, Fast> = HashMap::default();
    for loc in &doc.locutions {
        let Some(id) = loc.id.as_deref().filter(|id| l_ids.contains(id)) else {
            continue;
        };
        let mut m = String::new();
        let mut o = Object::new(&mut m);
        loc.fields.write(&mut o, Some("nodeID"));
        o.end();
        locutions.insert(id, m);
    }
    let mut kept = 0;
    let mut ya_ids: Vec<&usize> = targets.keys().collect();
    ya_ids.sort_unstable();
    let mut ya = String::new();
    for &y in ya_ids {
        let from: Vec<Option<String>> = match anchors.get(&y) {
            Some(a) => a
                .iter()
                .map(|&j| {
                    let mut ty = String::new();
                    json_text::push_str(&mut ty, ns[j].ty.as_str());
                    let mut last = vec![("type", ty.as_str())];
                    if let Some(loc) = locutions.get(ns[j].id.as_ref()) {
                        last.push(("locution", loc.as_str()));
                    }
                    let mut m = String::new();
                    native(&mut m, &ns[j], &last);
                    Some(m)
                })
                .collect(),
            None => vec![None],
        };
        ya.clear();
        native(&mut ya, &ns[y], &[]);
        for &t in &targets[&y] {
            for f in &from {
                let mut record =
                    String::with_capacity(ya.len() + f.as_ref().map_or(0, String::len) + 16);
                let mut o = Object::new(&mut record);
                o.key("ya").push_str(&ya);
                if let Some(f) = f {
                    o.key("from").push_str(f);
                }
                o.end();
                match roles[t] {
                    Role::Node(p) => pnodes[p].data.records().illocutions.push(record),
                    Role::Edge(e) => pedges[e].aif_data.records().illocutions.push(record),
                    Role::Other => continue,
                }
                kept += 1;
            }
        }
    }
    report.kept_n(K_YA, kept);
    report.set_aside_n(S_L, ns.iter().filter(|n| n.ty == Ty::L).count());
    report.set_aside_n(S_YA, ns.iter().filter(|n| n.ty == Ty::Ya).count());
    report.set_aside_n(S_TA, ns.iter().filter(|n| n.ty == Ty::Ta).count());
    report.set_aside_n(S_DIALOGUE_EDGE, dialogue.len());
    report.set_aside_n(S_LOCUTION, doc.locutions.len());
}

/// The `data` of a node or edge: what the `argraph` extension gives, with
/// the fields read from AIF added (replacing keys of the same name).
fn merge_data(given: Option<Value>, aif: DataOut) -> Result<Option<Data>> {
    let internal = |e: serde_json::Error| data_error(format!("internal error composing data: {e}"));
    match given {
        Some(Value::Null) | None => aif
            .into_text()
            .map(|t| Data::from_canonical(t).map_err(internal))
            .transpose(),
        Some(Value::Object(mut m)) => {
            if let Some(t) = aif.into_text() {
                m.extend(serde_json::from_str::<Map<String, Value>>(&t).map_err(internal)?);
            }
            Ok(Data::from_value(Value::Object(m)))
        }
        Some(other) => Ok(Data::from_value(other)),
    }
}

fn assemble(
    pnodes: Vec<PNode>,
    pedges: Vec<PEdge>,
    doc_ext: Option<DocExt>,
    written_by_argraph: bool,
    mut problems: Vec<Problem>,
) -> Result<ArgumentGraph> {
    let mut g = ArgumentGraph::with_capacity(pnodes.len(), pedges.len());
    let mut kinds = Vec::with_capacity(pnodes.len());
    let mut ixs = Vec::with_capacity(pnodes.len());
    for p in pnodes {
        let at = || Location::Node {
            index: Some(p.index),
            id: Some(p.id.clone()),
        };
        kinds.push(p.kind);
        let ext = p.ext.map(|x| *x).unwrap_or_default();
        let weight = crate::io::json::weight_of(&ext.weight, &mut problems, &at);
        // An id from the extension may be empty or taken; AIF ids were checked.
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
            ixs.push(None);
            continue;
        }
        let mut node = Node::new(p.id, p.kind, p.text);
        node.label = ext.label.flatten();
        node.weight = weight;
        node.tags = ext.tags;
        node.provenance = ext.provenance;
        node.data = if written_by_argraph {
            ext.data.and_then(Data::from_value)
        } else {
            merge_data(None, p.data)?
        };
        ixs.push(Some(g.insert_checked_node(node)));
    }
    for e in pedges {
        let (Some(a), Some(b)) = (ixs[e.from], ixs[e.to]) else {
            continue;
        };
        let attack = match (e.kind, e.attack) {
            (EdgeKind::Attacks, None) => derive_attack(kinds[e.to]),
            (_, Some(a)) => a,
            (_, None) => None,
        };
        let given = e.given.map(|g| *g).unwrap_or_default();
        let weight = {
            let (from, to) = (g.as_petgraph()[a].id(), g.as_petgraph()[b].id());
            let at = || Location::Edge {
                index: None,
                from: Some(from.to_string()),
                to: Some(to.to_string()),
            };
            let weight = crate::io::json::weight_of(&given.weight, &mut problems, &at);
            // The endpoints are known by index: check the rules, then add without a lookup.
            let kinds = (Some(kinds[e.from]), Some(kinds[e.to]));
            if let Err((rule, msg)) = check_edge(from, to, kinds.0, kinds.1, e.kind, attack) {
                problems.push(Problem::new(rule, at(), msg));
                continue;
            }
            weight
        };
        let mut edge = Edge::new(e.kind, attack);
        edge.label = e.label;
        edge.weight = weight;
        edge.data = if written_by_argraph {
            given.data.and_then(Data::from_value)
        } else {
            merge_data(given.data, e.aif_data)?
        };
        g.graph_mut().add_edge(a, b, edge);
    }
    if let Some(x) = doc_ext {
        if let Some(t) = x.title {
            g.set_title(t);
        }
        if let Some(d) = x.description {
            g.set_description(d);
        }
        problems.extend(crate::model::source_problems(&x.sources));
        let declared: HashSet<&str> = x.sources.iter().map(|s| s.id.as_str()).collect();
        for (i, node) in g.nodes().enumerate() {
            for msg in crate::model::provenance_problems(&declared, node.provenance()) {
                problems.push(Problem::new(
                    Rule::UndeclaredSource,
                    Location::Node {
                        index: Some(i),
                        id: Some(node.id().to_string()),
                    },
                    msg,
                ));
            }
        }
        *g.sources_mut() = x.sources;
    } else {
        let declared = HashSet::new();
        for (i, node) in g.nodes().enumerate() {
            for msg in crate::model::provenance_problems(&declared, node.provenance()) {
                problems.push(Problem::new(
                    Rule::UndeclaredSource,
                    Location::Node {
                        index: Some(i),
                        id: Some(node.id().to_string()),
                    },
                    msg,
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(g)
    } else {
        Err(Error::invalid(problems))
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn key(s: &str) -> IdKey<'_> {
        IdKey::new(Cow::Borrowed(s))
    }

    #[test]
    fn id_keys_are_numbers_only_when_written_one_way() {
        assert!(key("0") == IdKey::Number(0));
        assert!(key("18446744073709551615") == key("18446744073709551615"));
        for (a, b) in [
            ("07", "7"),
            ("+7", "7"),
            ("7.0", "7"),
            ("", "0"),
            (" 7", "7"),
        ] {
            assert!(key(a) != key(b), "{a:?} and {b:?}");
        }
        // 20 digits: text, not an overflowing number.
        assert!(matches!(key("99999999999999999999"), IdKey::Text(_)));
    }

    proptest! {
        #[test]
        fn id_keys_are_equal_exactly_when_ids_are(
            a in "(0|[1-9][0-9]{0,20}|0[0-9]{1,3}|[0-9a-z+-]{0,4})",
            b in "(0|[1-9][0-9]{0,20}|0[0-9]{1,3}|[0-9a-z+-]{0,4})",
        ) {
            prop_assert_eq!(key(&a) == key(&b), a == b);
            prop_assert!(key(&a) == key(&a.clone()));
        }
    }
}
