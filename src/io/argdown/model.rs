//! Argdown's model, as both readers see it (the JSON export and the text),
//! and how it becomes an [`ArgumentGraph`]: one mapping, so both readers
//! agree.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::conventions::{self, EdgeFields, NodeFields};
use crate::error::{Error, Result};
use crate::io::report::{short, Imported, Report};
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, NodeKind, Provenance, Source};
use words::{EndType, RelationType};

const W_NO_TEXT: &str = "statement without text (its title is used as text)";
const W_REL_MISSING: &str =
    "relation names a statement or argument that does not exist (set aside)";
const W_REL_TYPE: &str = "relation of an unknown type (set aside)";
const W_REL_DUP: &str = "relation repeated (read once)";
const W_REL_SELF: &str = "statement or argument supporting itself (set aside)";
const W_PCS_END: &str = "premise-conclusion structure that does not end with an inference";
const W_PCS_MISSING: &str = "pcs statement that is not among the statements (set aside)";
const W_ID_TAKEN: &str = "data `id` already taken by another node (the title is used)";
const K_SOURCE: &str = "source named in provenance but not declared (declared with its id only)";
const K_WORDINGS: &str = "alternative wordings of a statement, kept in data.argdown.wordings";
const K_SECTION: &str =
    "statement or argument under a heading, its section kept in data.argdown.section";

/// Argdown's words for relations (in a private module: the macro makes
/// its enums `pub`; their `ALL` goes unused here).
#[allow(dead_code)]
pub(super) mod words {
    use crate::vocabulary::vocabulary;

    vocabulary! {
        /// A relation's `relationType`.
        RelationType, "Argdown relation type" {
            /// `support`, or `entails` (read as support).
            Support => "support" | "entails",
            Attack => "attack",
            Undercut => "undercut",
            Contrary => "contrary",
            Contradictory => "contradictory",
        }
    }

    vocabulary! {
        /// What a relation's end names: its `fromType` or `toType`.
        EndType, "Argdown relation end type" {
            Argument => "argument",
            Inference => "inference",
            Statement => "equivalence-class",
        }
    }
}

/// One occurrence of a statement or of an argument description.
#[derive(Debug, Default, Clone)]
pub(super) struct Member {
    /// The text without its inline `#tags`, whitespace collapsed.
    pub text: Option<String>,
    pub is_reference: bool,
    pub data: Option<Value>,
    /// A premise in a pcs (not an argument's description).
    pub is_premise: bool,
}

/// A statement (Argdown's equivalence class) or an argument.
#[derive(Debug, Default, Clone)]
pub(super) struct Entity {
    pub title: String,
    pub members: Vec<Member>,
    pub tags: Vec<String>,
    /// The class's own data (the members' merged, in the export).
    pub data: Option<Value>,
    /// The headings it sits under, outermost first.
    pub section: Vec<String>,
    /// The headings above its first member (text only: the section of an
    /// entity that has only references).
    pub first_section: Vec<String>,
    /// Arguments only: the premise-conclusion structure.
    pub pcs: Vec<PcsStatement>,
}

/// A statement of a premise-conclusion structure.
#[derive(Debug, Default, Clone)]
pub(super) struct PcsStatement {
    pub title: Option<String>,
    /// The inference that concludes it, if it is a conclusion.
    pub inference: Option<Inference>,
}

/// An inference step: `-- rule, rule {data} --`.
#[derive(Debug, Default, Clone)]
pub(super) struct Inference {
    pub rules: Vec<String>,
    pub data: Option<Value>,
}

/// A relation, as the export names it.
#[derive(Debug, Clone)]
pub(super) struct Relation {
    pub relation_type: String,
    pub from: String,
    pub from_type: Option<String>,
    pub to: String,
    pub to_type: Option<String>,
    pub conclusion_index: Option<usize>,
    /// argraph's edge fields (text only: data after a relation's reference).
    pub data: Option<Value>,
}

/// What the front matter says of the graph (text only).
#[derive(Debug, Default)]
pub(super) struct Header {
    pub title: Option<String>,
    pub description: Option<String>,
    pub sources: Vec<Source>,
}

/// A whole Argdown document, as a reader found it.
#[derive(Debug, Default)]
pub(super) struct Doc {
    pub header: Header,
    pub statements: Vec<Entity>,
    pub arguments: Vec<Entity>,
    /// The order of nodes: `(is argument, index)`; empty means statements,
    /// then arguments.
    pub order: Vec<(bool, usize)>,
    pub relations: Vec<Relation>,
}

/// A node to be: ids are settled first, kinds by the leaf-premise rule
/// once every edge is known.
struct DraftNode {
    id: String,
    kind: NodeKind,
    /// The kind is to be derived by the leaf-premise rule.
    derive: bool,
    text: String,
    label: Option<String>,
    tags: Vec<String>,
    fields: NodeFields,
}

/// An edge to be, between positions in [`Draft::nodes`].
struct DraftEdge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    /// The attack subtype is to be derived from the target's kind.
    derive: bool,
    /// The kind was given (`kind:` in the relation's data): a framing's
    /// support stays a support.
    kind_given: bool,
    label: Option<String>,
    fields: EdgeFields,
}

impl DraftEdge {
    fn supports(from: usize, to: usize) -> DraftEdge {
        DraftEdge {
            from,
            to,
            kind: EdgeKind::Supports,
            attack: None,
            derive: false,
            kind_given: false,
            label: None,
            fields: EdgeFields::default(),
        }
    }

    fn attacks(from: usize, to: usize, attack: Option<AttackKind>) -> DraftEdge {
        DraftEdge {
            kind: EdgeKind::Attacks,
            attack,
            derive: attack.is_none(),
            ..DraftEdge::supports(from, to)
        }
    }

    /// Applies the relation's data: a kind, an attack subtype, a label…
    fn with_fields(mut self, fields: EdgeFields) -> DraftEdge {
        if let Some(kind) = fields.kind {
            self.kind = kind;
            self.kind_given = true;
            if kind != EdgeKind::Attacks {
                self.attack = None;
                self.derive = false;
            }
        }
        if let Some(attack) = fields.attack {
            self.attack = attack;
            self.derive = false;
        }
        if let Some(label) = &fields.label {
            self.label = label.clone();
        }
        self.fields = fields;
        self
    }
}

/// The graph being read, before it is checked and built.
#[derive(Default)]
struct Draft {
    nodes: Vec<DraftNode>,
    edges: Vec<DraftEdge>,
    /// Statement title -> node.
    statements: HashMap<String, usize>,
    /// Argument title -> node.
    arguments: HashMap<String, usize>,
    /// (argument title, index of the pcs statement concluded) -> inference node.
    inferences: HashMap<(String, usize), usize>,
    /// Ids given so far.
    taken: HashSet<String>,
    /// Premise-conclusion structures naming statements not yet read.
    later: Vec<(String, usize, Vec<PcsStatement>)>,
}

/// Builds the graph a document describes, reporting what it worked around.
pub(super) fn build(doc: Doc, mut report: Report) -> Result<Imported> {
    report.count_input_records(doc.statements.len() + doc.arguments.len() + doc.relations.len());
    let mut draft = Draft::default();
    let statements: Vec<(Entity, NodeFields)> = doc
        .statements
        .into_iter()
        .map(|s| fields_of(s, &mut report))
        .collect();
    let arguments: Vec<(Entity, NodeFields)> = doc
        .arguments
        .into_iter()
        .map(|a| fields_of(a, &mut report))
        .collect();
    let ids = draft.settle_ids(&statements, &arguments, &mut report);
    let order = if doc.order.is_empty() {
        (0..statements.len())
            .map(|i| (false, i))
            .chain((0..arguments.len()).map(|i| (true, i)))
            .collect()
    } else {
        doc.order
    };
    let mut statements: Vec<_> = statements.into_iter().map(Some).collect();
    let mut arguments: Vec<_> = arguments.into_iter().map(Some).collect();
    for (is_argument, i) in order {
        if is_argument {
            if let Some((a, fields)) = arguments[i].take() {
                draft.argument(ids.1[i].clone(), a, fields, &mut report);
            }
        } else if let Some((s, fields)) = statements[i].take() {
            draft.statement(ids.0[i].clone(), s, fields, &mut report);
        }
    }
    for (title, node, pcs) in std::mem::take(&mut draft.later) {
        draft.premise_conclusion(&title, node, &pcs, &mut report);
    }
    let mut seen = HashSet::new();
    for r in doc.relations {
        let key = (
            r.relation_type.clone(),
            r.from.clone(),
            r.to.clone(),
            r.conclusion_index,
        );
        // A repeat with its own data is another edge (argraph's parallel edges).
        if seen.insert(key) || r.data.is_some() {
            draft.relation(r, &mut report);
        } else {
            report.warn(W_REL_DUP, || relation_name(&r));
        }
    }
    draft.derive_kinds();
    let graph = draft.into_graph(doc.header, &mut report)?;
    Ok(Imported { graph, report })
}

/// The argraph fields an entity's data gives (its kind, provenance…), the
/// rest left as its data.
fn fields_of(mut e: Entity, report: &mut Report) -> (Entity, NodeFields) {
    let member = canonical(&e.members).map(|i| e.members[i].clone());
    let data = member
        .as_ref()
        .and_then(|m| m.data.clone())
        .or_else(|| e.data.take())
        .filter(|d| !d.is_null());
    let mut fields = conventions::node_fields(data, &e.title, report);
    let canonical_text = member.and_then(|m| m.text);
    let mut argdown = Map::new();
    let wordings = alternative_wordings(&e, canonical_text.as_deref());
    if !wordings.is_empty() {
        report.kept_n(K_WORDINGS, 1);
        argdown.insert("wordings".into(), Value::from(wordings));
    }
    if !e.section.is_empty() {
        report.kept_n(K_SECTION, 1);
        argdown.insert("section".into(), Value::from(e.section.clone()));
    }
    if !argdown.is_empty() {
        fields.add_data("argdown", Value::Object(argdown));
    }
    fields.text_found = canonical_text.filter(|t| !t.is_empty());
    (e, fields)
}

/// The texts of a statement's other members, each once, without the
/// canonical one.
fn alternative_wordings(e: &Entity, canonical: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in &e.members {
        let Some(t) = m.text.as_deref().filter(|t| !t.is_empty()) else {
            continue;
        };
        if m.is_reference || Some(t) == canonical || out.iter().any(|o| o == t) {
            continue;
        }
        out.push(t.to_string());
    }
    out
}

/// The canonical member: the one with `data.isCanonical`, else the last
/// non-reference member with text (for an argument: that is not a premise).
fn canonical(members: &[Member]) -> Option<usize> {
    let usable = |m: &Member| {
        !m.is_reference && !m.is_premise && m.text.as_deref().is_some_and(|t| !t.is_empty())
    };
    members
        .iter()
        .position(|m| {
            usable(m)
                && m.data
                    .as_ref()
                    .and_then(|d| d.get("isCanonical"))
                    .and_then(Value::as_bool)
                    == Some(true)
        })
        .or_else(|| members.iter().rposition(usable))
}

fn generated_title(t: &str) -> bool {
    t.strip_prefix("Untitled ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The label a statement titled `title` gets when its data names none.
pub(super) fn default_statement_label(title: &str) -> Option<&str> {
    (!generated_title(title)).then_some(title)
}

fn relation_name(r: &Relation) -> String {
    format!("{} {} -> {}", r.relation_type, short(&r.from), short(&r.to))
}

impl Draft {
    /// Node ids: ids given in data first, then statements by title, then
    /// arguments by title (`<title>` if a statement has it).
    fn settle_ids(
        &mut self,
        statements: &[(Entity, NodeFields)],
        arguments: &[(Entity, NodeFields)],
        report: &mut Report,
    ) -> (Vec<String>, Vec<String>) {
        let mut given = |fields: &NodeFields, title: &str| -> Option<String> {
            let id = fields.id.clone()?;
            if self.taken.insert(id.clone()) {
                Some(id)
            } else {
                report.warn(W_ID_TAKEN, || format!("{title:?}: id {id:?}"));
                None
            }
        };
        let s_given: Vec<Option<String>> =
            statements.iter().map(|(e, f)| given(f, &e.title)).collect();
        let a_given: Vec<Option<String>> =
            arguments.iter().map(|(e, f)| given(f, &e.title)).collect();
        let titles: HashSet<&str> = statements.iter().map(|(e, _)| e.title.as_str()).collect();
        let s_ids = statements
            .iter()
            .zip(s_given)
            .map(|((e, _), g)| g.unwrap_or_else(|| self.fresh_id(e.title.clone())))
            .collect();
        let a_ids = arguments
            .iter()
            .zip(a_given)
            .map(|((e, _), g)| {
                g.unwrap_or_else(|| {
                    if titles.contains(e.title.as_str()) {
                        self.fresh_id(format!("<{}>", e.title))
                    } else {
                        self.fresh_id(e.title.clone())
                    }
                })
            })
            .collect();
        (s_ids, a_ids)
    }

    /// A statement (an equivalence class): a node titled as it is.
    fn statement(&mut self, id: String, s: Entity, fields: NodeFields, report: &mut Report) {
        let title = s.title;
        let text = match fields.text.clone().or_else(|| fields.text_found.clone()) {
            Some(t) => t,
            None => {
                report.warn(W_NO_TEXT, || format!("statement {title:?}"));
                title.clone()
            }
        };
        let (kind, tags) = kind_and_tags(&fields, s.tags);
        let label = match &fields.label {
            Some(given) => given.clone(),
            None => default_statement_label(&title).map(str::to_string),
        };
        self.statements.insert(title, self.nodes.len());
        self.nodes.push(DraftNode {
            id,
            kind: kind.unwrap_or(NodeKind::Claim),
            derive: kind.is_none(),
            text,
            label,
            tags,
            fields,
        });
    }

    /// An argument: a node, and its premise-conclusion structure.
    fn argument(&mut self, id: String, a: Entity, fields: NodeFields, report: &mut Report) {
        let title = a.title;
        let text = fields
            .text
            .clone()
            .or_else(|| fields.text_found.clone())
            .unwrap_or_else(|| title.clone());
        let (kind, tags) = kind_and_tags(&fields, a.tags);
        let label = match &fields.label {
            Some(given) => given.clone(),
            None => Some(title.clone()),
        };
        let node = self.nodes.len();
        self.arguments.insert(title.clone(), node);
        self.nodes.push(DraftNode {
            id,
            kind: kind.unwrap_or(NodeKind::Argument),
            derive: false,
            text,
            label,
            tags,
            fields,
        });
        let known = |s: &PcsStatement| {
            s.title
                .as_ref()
                .is_some_and(|t| self.statements.contains_key(t))
        };
        if a.pcs.iter().all(known) {
            self.premise_conclusion(&title, node, &a.pcs, report);
        } else {
            // Statements defined further on: the structure waits for them.
            self.later.push((title, node, a.pcs));
        }
    }

    /// The argument's premise-conclusion structure, inference by inference:
    /// the statements since the previous inference support it, and it
    /// supports its conclusion. The last inference is the argument node.
    fn premise_conclusion(
        &mut self,
        title: &str,
        node: usize,
        pcs: &[PcsStatement],
        report: &mut Report,
    ) {
        let mut pending: Vec<usize> = Vec::new();
        let last = pcs.len().saturating_sub(1);
        for (k, s) in pcs.iter().enumerate() {
            let Some(&statement) = s.title.as_deref().and_then(|t| self.statements.get(t)) else {
                report.warn(W_PCS_MISSING, || {
                    format!("argument {title:?}, statement ({})", k + 1)
                });
                continue;
            };
            let Some(inference) = &s.inference else {
                pending.push(statement);
                continue;
            };
            let inference = if k == last {
                self.final_inference(node, inference);
                node
            } else {
                self.inference_node(title, k, inference)
            };
            self.inferences.insert((title.to_string(), k), inference);
            for p in pending.drain(..) {
                self.edges.push(DraftEdge::supports(p, inference));
            }
            self.edges.push(DraftEdge::supports(inference, statement));
            pending.push(statement);
        }
        if pcs.last().is_some_and(|s| s.inference.is_none()) {
            report.warn(W_PCS_END, || format!("argument {title:?}"));
            for p in pending {
                self.edges.push(DraftEdge::supports(p, node));
            }
        }
    }

    /// The last inference's rules and data, kept on the argument node.
    fn final_inference(&mut self, node: usize, inference: &Inference) {
        if inference.rules.is_empty() && inference.data.is_none() {
            return;
        }
        let mut kept = Map::new();
        if !inference.rules.is_empty() {
            kept.insert("rules".into(), Value::from(inference.rules.clone()));
        }
        if let Some(d) = &inference.data {
            kept.insert("data".into(), d.clone());
        }
        let fields = &mut self.nodes[node].fields;
        fields.add_argdown("inference", Value::Object(kept));
    }

    /// An intermediary inference of argument `title`, concluding the
    /// `k`-th statement of its structure: an argument node `title.k+1`.
    fn inference_node(&mut self, title: &str, k: usize, inference: &Inference) -> usize {
        let rules = inference.rules.join(", ");
        let mut fields = NodeFields::default();
        if let Some(d) = &inference.data {
            fields.add_argdown("inference", serde_json::json!({ "data": d }));
        }
        let node = DraftNode {
            id: self.fresh_id(format!("{title}.{}", k + 1)),
            kind: NodeKind::Argument,
            derive: false,
            text: if rules.is_empty() {
                format!("Inference to ({})", k + 1)
            } else {
                rules
            },
            label: None,
            tags: Vec::new(),
            fields,
        };
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// `base`, or `base (2)`, `base (3)`… if it is taken.
    fn fresh_id(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut k = 2;
        while self.taken.contains(&id) {
            id = format!("{base} ({k})");
            k += 1;
        }
        self.taken.insert(id.clone());
        id
    }

    /// The node a relation's end names: a statement or an argument as its
    /// type says (statements first when it says neither).
    fn end(&self, title: &str, ty: Option<EndType>) -> Option<usize> {
        match ty {
            Some(EndType::Argument) => self.arguments.get(title).copied(),
            Some(EndType::Inference) => None,
            _ => self
                .statements
                .get(title)
                .or_else(|| self.arguments.get(title))
                .copied(),
        }
    }

    /// The node a relation goes to: an inference is named by its
    /// argument and the index of the statement it concludes.
    fn target(&self, r: &Relation) -> Option<usize> {
        let ty = r.to_type.as_deref().and_then(|t| t.parse().ok());
        if ty != Some(EndType::Inference) {
            return self.end(&r.to, ty);
        }
        r.conclusion_index
            .and_then(|k| self.inferences.get(&(r.to.clone(), k)).copied())
            .or_else(|| self.arguments.get(&r.to).copied())
    }

    fn relation(&mut self, r: Relation, report: &mut Report) {
        let from_type = r.from_type.as_deref().and_then(|t| t.parse().ok());
        let (Some(from), Some(to)) = (self.end(&r.from, from_type), self.target(&r)) else {
            report.warn(W_REL_MISSING, || relation_name(&r));
            return;
        };
        let Ok(relation) = r.relation_type.parse::<RelationType>() else {
            report.warn(W_REL_TYPE, || relation_name(&r));
            return;
        };
        let fields = conventions::edge_fields(r.data.clone(), &relation_name(&r), report);
        let edge = match relation {
            RelationType::Support if from == to => {
                return report.warn(W_REL_SELF, || relation_name(&r));
            }
            RelationType::Support => DraftEdge::supports(from, to),
            RelationType::Attack => DraftEdge::attacks(from, to, None),
            RelationType::Undercut => DraftEdge::attacks(from, to, Some(AttackKind::Undercut)),
            RelationType::Contrary | RelationType::Contradictory => {
                let label = Some(relation.as_str().to_string());
                for (from, to) in [(from, to), (to, from)] {
                    let edge = DraftEdge {
                        label: label.clone(),
                        ..DraftEdge::attacks(from, to, None)
                    };
                    self.edges.push(edge.with_fields(fields.clone()));
                }
                return;
            }
        };
        self.edges.push(edge.with_fields(fields));
    }

    /// Kinds by the leaf-premise rule: a statement that supports something
    /// and that nothing supports is evidence.
    fn derive_kinds(&mut self) {
        let mut supports_in = vec![0usize; self.nodes.len()];
        let mut supports_out = vec![0usize; self.nodes.len()];
        let supporting = |e: &&DraftEdge| matches!(e.kind, EdgeKind::Supports | EdgeKind::Frames);
        for e in self.edges.iter().filter(supporting) {
            supports_out[e.from] += 1;
            supports_in[e.to] += 1;
        }
        for (i, n) in self.nodes.iter_mut().enumerate() {
            if n.derive && NodeKind::is_leaf_premise(supports_in[i], supports_out[i]) {
                n.kind = NodeKind::Evidence;
            }
        }
    }

    /// The graph, with a framing's supports as frames edges and attack
    /// subtypes by target; every problem the graph finds is reported.
    fn into_graph(self, header: Header, report: &mut Report) -> Result<ArgumentGraph> {
        let mut g = ArgumentGraph::with_capacity(self.nodes.len(), self.edges.len());
        let mut problems = Vec::new();
        if let Some(t) = header.title {
            g.set_title(t);
        }
        if let Some(d) = header.description {
            g.set_description(d);
        }
        for s in header.sources {
            if let Err(e) = g.add_source(s) {
                problems.extend(e.problems().iter().cloned());
            }
        }
        let ids: Vec<String> = self.nodes.iter().map(|n| n.id.clone()).collect();
        let kinds: Vec<NodeKind> = self.nodes.iter().map(|n| n.kind).collect();
        for n in self.nodes {
            declare_sources(&mut g, &n.fields.provenance, report);
            match g.add_node(n.id, n.kind, n.text) {
                Ok(node) => {
                    node.label = n.label;
                    node.tags = n.tags;
                    n.fields.apply_to_node(node);
                }
                Err(e) => problems.extend(e.problems().iter().cloned()),
            }
        }
        for e in self.edges {
            declare_sources(&mut g, &e.fields.provenance, report);
            let (from, to) = (kinds[e.from], kinds[e.to]);
            // A framing's support is the lens it offers: a frames edge.
            let frames =
                from == NodeKind::Framing && matches!(to, NodeKind::Claim | NodeKind::Argument);
            let kind = match e.kind {
                EdgeKind::Supports if frames && !e.kind_given => EdgeKind::Frames,
                kind => kind,
            };
            let attack = match (e.derive, to) {
                (false, _) => e.attack,
                (true, NodeKind::Argument) => None,
                (true, to) => AttackKind::implied_by(to),
            };
            match g.add_edge(&ids[e.from], &ids[e.to], kind, attack) {
                Ok(edge) => {
                    if let Some(l) = e.label {
                        edge.set_label(l);
                    }
                    if let Err(err) = e.fields.apply_to_edge(edge) {
                        problems.extend(err.problems().iter().cloned());
                    }
                }
                Err(err) => problems.extend(err.problems().iter().cloned()),
            }
        }
        if problems.is_empty() {
            Ok(g)
        } else {
            Err(Error::invalid(problems))
        }
    }
}

/// A node's kind and tags: a kind given in data wins; else the first
/// inline tag that names a kind gives it and is not kept as a tag. Tags
/// given in data are kept as they are, after the inline ones.
fn kind_and_tags(fields: &NodeFields, mut tags: Vec<String>) -> (Option<NodeKind>, Vec<String>) {
    let mut kind = fields.kind;
    if kind.is_none() {
        if let Some(i) = tags.iter().position(|t| kind_tag(t).is_some()) {
            kind = kind_tag(&tags.remove(i));
        }
    }
    tags.extend(fields.tags.iter().flatten().cloned());
    (kind, tags)
}

/// The kind a tag names: `claim`, `evidence` or `framing`, in any case.
pub(super) fn kind_tag(tag: &str) -> Option<NodeKind> {
    [NodeKind::Framing, NodeKind::Evidence, NodeKind::Claim]
        .into_iter()
        .find(|k| tag.eq_ignore_ascii_case(k.as_str()))
}

/// Declares, with their ids only, the sources provenance names that the
/// graph does not declare.
fn declare_sources(g: &mut ArgumentGraph, provenance: &[Provenance], report: &mut Report) {
    for p in provenance {
        if g.source(&p.source).is_none() {
            report.kept_n(K_SOURCE, 1);
            let source = Source {
                id: p.source.clone(),
                title: None,
                authors: Vec::new(),
                year: None,
                url: None,
                data: None,
            };
            // An empty id is refused by validation later, with its place.
            let _ = g.add_source(source);
        }
    }
}
