//! Argdown JSON import: the JSON that `argdown json` (Argdown's
//! `JSONExportPlugin`) writes.
//!
//! ```json
//! {"statements": {"<title>": {"type": "equivalence-class", "title", "members": [{"text", "isReference", "data"}], "tags", "relations"}},
//!  "arguments":  {"<title>": {"type": "argument", "title", "members": [{"role": "argument-description", "text"}],
//!                             "pcs": [{"title", "text", "role": "premise|main-conclusion|intermediary-conclusion",
//!                                      "inference": {"inferenceRules": […]}}], "tags"}},
//!  "relations":  [{"relationType": "support|attack|undercut|contrary|contradictory|entails",
//!                  "from", "fromType": "argument|equivalence-class",
//!                  "to", "toType": "argument|equivalence-class|inference", "conclusionIndex"?}],
//!  "map": {…}, "sections": […], "tags": …}
//! ```
//!
//! # How Argdown maps to argraph
//!
//! | Argdown | argraph |
//! |---|---|
//! | statement `[T]` (equivalence class) | a node with id `T`, label `T` (none for Argdown's generated `Untitled N` titles), the text of its canonical member (the last non-reference member with text; `data.isCanonical` wins) without its inline `#tags`, its tags, and its member's YAML `data`; kind: **evidence** or **framing** or **claim** if tagged `#evidence`, `#framing`, `#claim`, else the leaf-premise rule (evidence if it supports something and nothing supports it, else claim) |
//! | argument `<A>` | an **argument** node with id `A` (`<A>` if a statement is also titled `A`), its description as text (else its title), label, tags, `data` |
//! | premise–conclusion structure | premises **support** the argument node, which **supports** the main conclusion; each intermediary inference is an argument node `A.k` (k = the number of the statement it concludes) that the statements since the previous inference support, and that supports its conclusion |
//! | `support`, `entails` | **supports** (**frames** when it goes from a framing to a claim or argument) |
//! | `attack` | **attacks**; rebut if the target is a claim, undermine if evidence, no subtype if an argument |
//! | `undercut` (to an argument or an inference) | **attacks** with subtype undercut, to the argument (or intermediary inference) node |
//! | `contrary`, `contradictory` | two **attacks** (rebut/undermine by target), one each way, labelled `contrary` / `contradictory` |
//! | `map`, `sections`, top-level `tags`, source positions | set aside and counted (the map is a view of the same statements, arguments and relations) |
//!
//! Relations naming a missing statement or argument, duplicates, self-support
//! and unknown relation types are worked around and counted in the
//! [`Report`]. Input that is not JSON or not Argdown's shape (no
//! `statements` and no `arguments`: another format's document), and a key
//! repeated in any object (two statements of one title), are refused with
//! [`ErrorKind::Parse`](crate::ErrorKind::Parse), with line, column and
//! the place (`statement "A" > members[0]`).
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! let json = r#"{
//!   "statements": {
//!     "T": {"title": "T", "members": [{"text": "Censorship is not wrong in principle."}]},
//!     "P": {"title": "P", "members": [{"text": "Free speech ends where harm begins."}], "tags": ["evidence"]}},
//!   "arguments": {"A": {"title": "A", "members": [{"role": "argument-description", "text": "Harm."}], "pcs": [
//!     {"title": "P", "role": "premise"},
//!     {"title": "T", "role": "main-conclusion", "inference": {"inferenceRules": []}}]}},
//!   "relations": []}"#;
//! let g = argraph::argdown::from_str(json)?.graph;
//! assert_eq!(g.node("P").unwrap().kind(), argraph::NodeKind::Evidence);
//! assert_eq!(g.supporters("A").next().unwrap().id(), "P");
//! assert_eq!(g.supporters("T").next().unwrap().id(), "A");
//! # Ok(()) }
//! ```

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, ParseCategory, Result};
use crate::io::report::{short, Imported, Report};
use crate::model::data::{self, Entries, ObjectOnly};
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, NodeKind};
use words::{EndType, RelationType};

const FORMAT: &str = "Argdown JSON";

const W_NO_TEXT: &str = "statement without text (its title is used as text)";
const W_REL_MISSING: &str =
    "relation names a statement or argument that does not exist (set aside)";
const W_REL_TYPE: &str = "relation of an unknown type (set aside)";
const W_REL_DUP: &str = "relation repeated (read once)";
const W_REL_SELF: &str = "statement or argument supporting itself (set aside)";
const W_PCS_END: &str = "premise-conclusion structure that does not end with an inference";
const W_PCS_MISSING: &str = "pcs statement that is not among the statements (set aside)";
const S_MAP: &str = "map view (nodes and edges drawn from the same model)";
const S_SECTIONS: &str = "sections (headings)";
const S_TAGS: &str = "top-level tag list (tags are kept on nodes)";

/// Argdown's words for relations (in a private module: the macro makes
/// its enums `pub`; their `ALL` goes unused here).
#[allow(dead_code)]
mod words {
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

/// What an Argdown JSON document is, for messages.
const EXPECTED: &str = "an Argdown JSON document (what `argdown json` writes): an object with \"statements\": {…} and \"arguments\": {…} (and \"relations\": […])";

#[derive(Deserialize)]
#[serde(expecting = "an Argdown JSON document (an object with \"statements\" and \"arguments\")")]
struct RawDoc {
    #[serde(default)]
    statements: Option<Entries<ObjectOnly<RawStatement>>>,
    #[serde(default)]
    arguments: Option<Entries<ObjectOnly<RawArgument>>>,
    #[serde(default, deserialize_with = "data::objects")]
    relations: Vec<RawRelation>,
    #[serde(default)]
    map: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    sections: Option<Vec<serde::de::IgnoredAny>>,
    #[serde(default)]
    tags: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize, Default)]
#[serde(
    rename_all = "camelCase",
    expecting = "a statement or argument member (an object with \"text\")"
)]
struct RawMember {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    ranges: Vec<RawRange>,
    #[serde(default)]
    is_reference: bool,
    #[serde(default, deserialize_with = "data::optional")]
    data: Option<Value>,
    #[serde(default)]
    role: Option<String>,
}

/// A formatted range of a text: a tag, a link, bold… Offsets are
/// JavaScript string indices (UTF-16 code units), `stop` inclusive.
#[derive(Deserialize)]
#[serde(expecting = "a text range (an object with \"type\", \"start\" and \"stop\")")]
struct RawRange {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    start: usize,
    #[serde(default)]
    stop: usize,
}

/// The member's text without its inline `#tags` (kept as the node's tags),
/// with the whitespace they leave collapsed.
fn plain_text(m: &RawMember) -> Option<String> {
    let text = m.text.as_deref()?;
    let tags: Vec<&RawRange> = m.ranges.iter().filter(|r| r.kind == "tag").collect();
    if tags.is_empty() {
        return Some(text.trim().to_string());
    }
    let mut out = String::with_capacity(text.len());
    let mut unit = 0usize;
    for c in text.chars() {
        if !tags.iter().any(|r| (r.start..=r.stop).contains(&unit)) {
            out.push(c);
        }
        unit += c.len_utf16();
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[derive(Deserialize)]
#[serde(expecting = "a statement (an object with \"title\" and \"members\")")]
struct RawStatement {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, deserialize_with = "data::objects")]
    members: Vec<RawMember>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "data::optional")]
    data: Option<Value>,
}

#[derive(Deserialize)]
#[serde(expecting = "a premise-conclusion statement (an object with \"title\" and \"role\")")]
struct RawPcs {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    inference: Option<RawInference>,
}

#[derive(Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an inference (an object with \"inferenceRules\")"
)]
struct RawInference {
    #[serde(default)]
    inference_rules: Vec<String>,
}

#[derive(Deserialize)]
#[serde(expecting = "an argument (an object with \"title\", \"members\" and \"pcs\")")]
struct RawArgument {
    #[serde(default)]
    title: Option<String>,
    #[serde(default, deserialize_with = "data::objects")]
    members: Vec<RawMember>,
    #[serde(default, deserialize_with = "data::objects")]
    pcs: Vec<RawPcs>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default, deserialize_with = "data::optional")]
    data: Option<Value>,
}

#[derive(Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a relation (an object with \"relationType\", \"from\" and \"to\")"
)]
struct RawRelation {
    relation_type: String,
    from: String,
    #[serde(default)]
    from_type: Option<String>,
    to: String,
    #[serde(default)]
    to_type: Option<String>,
    #[serde(default)]
    conclusion_index: Option<usize>,
}

/// Reads Argdown JSON from bytes. O(input size).
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with line and column for
/// input that is not JSON or not shaped as Argdown's export (a statement
/// or argument that is not an object is reported with its title), and for
/// a JSON object with neither `statements` nor `arguments`: another
/// format's document is refused, not read as an empty map.
///
/// ```
/// let err = argraph::argdown::from_slice(br#"{"statements": {"A": 3}}"#).unwrap_err();
/// assert!(err.to_string().contains("statement \"A\""));
/// let err = argraph::argdown::from_slice(br#"{"argraph": 1, "nodes": []}"#).unwrap_err();
/// assert!(err.to_string().contains("no \"statements\" and no \"arguments\""));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Imported> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    data::expect_object(bytes, FORMAT, EXPECTED)?;
    let doc: RawDoc =
        crate::file::parse_json(bytes).map_err(|e| data::json_error(e, bytes, FORMAT))?;
    if doc.statements.is_none() && doc.arguments.is_none() {
        return Err(Error::parse(
            FORMAT,
            ParseCategory::Data,
            0,
            0,
            format!(
                "this document has no \"statements\" and no \"arguments\", so it is not {EXPECTED}"
            ),
        )
        .at_document_start(bytes));
    }
    // What the whole document lacks is refused where it opens.
    build(doc).map_err(|e| e.at_document_start(bytes))
}

/// Reads Argdown JSON from a string. See [`from_slice`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let text = r#"{"statements": {"Gap": {"members": [{"text": "Russia fills the gap."}]}}}"#;
/// let imported = argraph::argdown::from_str(text)?;
/// assert_eq!(imported.graph.node_count(), 1);
/// # Ok(()) }
/// ```
pub fn from_str(text: &str) -> Result<Imported> {
    from_slice(text.as_bytes())
}

/// Reads Argdown JSON from a reader (read to the end first). See [`from_slice`].
pub fn from_reader<R: Read>(reader: R) -> Result<Imported> {
    crate::file::read_with(reader, from_slice)
}

/// Reads an Argdown JSON file (what `argdown json map.argdown` writes);
/// errors carry the path. See [`from_slice`].
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// let imported = argraph::argdown::load("map.json")?;
/// eprintln!("{}", imported.report); // what was set aside or kept in `data`
/// # Ok(()) }
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<Imported> {
    crate::file::load_with(path.as_ref(), from_slice)
}

/// The canonical member: the one with `data.isCanonical`, else the last
/// non-reference member with text.
fn canonical(members: &[RawMember]) -> Option<&RawMember> {
    let usable =
        |m: &&RawMember| !m.is_reference && m.text.as_deref().is_some_and(|t| !t.trim().is_empty());
    members
        .iter()
        .filter(usable)
        .find(|m| {
            m.data
                .as_ref()
                .and_then(|d| d.get("isCanonical"))
                .and_then(Value::as_bool)
                == Some(true)
        })
        .or_else(|| members.iter().rev().find(usable))
}

/// An argument's description: its last non-reference member with text
/// that is not a premise.
fn description(members: &[RawMember]) -> Option<&RawMember> {
    members.iter().rev().find(|m| {
        !m.is_reference
            && m.text.as_deref().is_some_and(|t| !t.trim().is_empty())
            && m.role.as_deref() != Some("premise")
    })
}

fn generated_title(t: &str) -> bool {
    t.strip_prefix("Untitled ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
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
    data: Option<Value>,
}

/// An edge to be, between positions in [`Draft::nodes`].
struct DraftEdge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    /// The attack subtype is to be derived from the target's kind.
    derive: bool,
    label: Option<&'static str>,
}

impl DraftEdge {
    fn supports(from: usize, to: usize) -> DraftEdge {
        DraftEdge {
            from,
            to,
            kind: EdgeKind::Supports,
            attack: None,
            derive: false,
            label: None,
        }
    }

    fn attacks(from: usize, to: usize, attack: Option<AttackKind>) -> DraftEdge {
        DraftEdge {
            from,
            to,
            kind: EdgeKind::Attacks,
            attack,
            derive: attack.is_none(),
            label: None,
        }
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
}

fn build(doc: RawDoc) -> Result<Imported> {
    let mut report = Report::new();
    if doc.map.is_some() {
        report.set_aside_n(S_MAP, 1);
    }
    report.set_aside_n(S_SECTIONS, doc.sections.as_ref().map_or(0, Vec::len));
    if doc.tags.is_some() {
        report.set_aside_n(S_TAGS, 1);
    }
    let statements = doc.statements.map_or_else(Vec::new, |e| e.0);
    let arguments = doc.arguments.map_or_else(Vec::new, |e| e.0);
    report.count_input_records(statements.len() + arguments.len() + doc.relations.len());
    let mut draft = Draft::default();
    for (key, s) in statements {
        draft.statement(key, s.0, &mut report);
    }
    for (key, a) in arguments {
        draft.argument(key, a.0, &mut report);
    }
    let mut seen = HashSet::new();
    for r in doc.relations {
        if seen.insert((
            r.relation_type.clone(),
            r.from.clone(),
            r.to.clone(),
            r.conclusion_index,
        )) {
            draft.relation(&r, &mut report);
        } else {
            report.warn(W_REL_DUP, || relation_name(&r));
        }
    }
    draft.derive_kinds();
    let graph = draft.into_graph()?;
    Ok(Imported { graph, report })
}

fn relation_name(r: &RawRelation) -> String {
    format!("{} {} -> {}", r.relation_type, short(&r.from), short(&r.to))
}

impl Draft {
    /// A statement (an equivalence class): a node titled as it is.
    fn statement(&mut self, key: String, s: RawStatement, report: &mut Report) {
        let title = s.title.unwrap_or(key);
        let member = canonical(&s.members);
        let text = match member.and_then(plain_text).filter(|t| !t.is_empty()) {
            Some(t) => t,
            None => {
                report.warn(W_NO_TEXT, || format!("statement {title:?}"));
                title.clone()
            }
        };
        let tagged = |k: &str| s.tags.iter().any(|t| t.eq_ignore_ascii_case(k));
        let kind = [NodeKind::Framing, NodeKind::Evidence, NodeKind::Claim]
            .into_iter()
            .find(|k| tagged(k.as_str()));
        let data = member.and_then(|m| m.data.clone()).or(s.data);
        self.statements.insert(title.clone(), self.nodes.len());
        self.taken.insert(title.clone());
        self.nodes.push(DraftNode {
            id: title.clone(),
            kind: kind.unwrap_or(NodeKind::Claim),
            derive: kind.is_none(),
            text,
            label: (!generated_title(&title)).then_some(title),
            tags: s.tags,
            data: data.filter(|d| !d.is_null()),
        });
    }

    /// An argument: a node (with `<>` around its id if a statement has
    /// its title), and its premise-conclusion structure.
    fn argument(&mut self, key: String, a: RawArgument, report: &mut Report) {
        let title = a.title.unwrap_or(key);
        let id = if self.taken.contains(&title) {
            self.fresh_id(format!("<{title}>"))
        } else {
            self.fresh_id(title.clone())
        };
        let description = description(&a.members);
        let text = description
            .and_then(plain_text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title.clone());
        let data = description.and_then(|m| m.data.clone()).or(a.data);
        let node = self.nodes.len();
        self.arguments.insert(title.clone(), node);
        self.nodes.push(DraftNode {
            id,
            kind: NodeKind::Argument,
            derive: false,
            text,
            label: Some(title.clone()),
            tags: a.tags,
            data: data.filter(|d| !d.is_null()),
        });
        self.premise_conclusion(&title, node, &a.pcs, report);
    }

    /// The argument's premise-conclusion structure, inference by inference:
    /// the statements since the previous inference support it, and it
    /// supports its conclusion. The last inference is the argument node.
    fn premise_conclusion(
        &mut self,
        title: &str,
        node: usize,
        pcs: &[RawPcs],
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

    /// An intermediary inference of argument `title`, concluding the
    /// `k`-th statement of its structure: an argument node `title.k+1`.
    fn inference_node(&mut self, title: &str, k: usize, inference: &RawInference) -> usize {
        let rules = inference.inference_rules.join(", ");
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
            data: None,
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
    fn target(&self, r: &RawRelation) -> Option<usize> {
        let ty = r.to_type.as_deref().and_then(|t| t.parse().ok());
        if ty != Some(EndType::Inference) {
            return self.end(&r.to, ty);
        }
        r.conclusion_index
            .and_then(|k| self.inferences.get(&(r.to.clone(), k)).copied())
            .or_else(|| self.arguments.get(&r.to).copied())
    }

    fn relation(&mut self, r: &RawRelation, report: &mut Report) {
        let from_type = r.from_type.as_deref().and_then(|t| t.parse().ok());
        let (Some(from), Some(to)) = (self.end(&r.from, from_type), self.target(r)) else {
            report.warn(W_REL_MISSING, || relation_name(r));
            return;
        };
        let Ok(relation) = r.relation_type.parse::<RelationType>() else {
            report.warn(W_REL_TYPE, || relation_name(r));
            return;
        };
        match relation {
            RelationType::Support if from == to => report.warn(W_REL_SELF, || relation_name(r)),
            RelationType::Support => self.edges.push(DraftEdge::supports(from, to)),
            RelationType::Attack => self.edges.push(DraftEdge::attacks(from, to, None)),
            RelationType::Undercut => {
                let undercut = DraftEdge::attacks(from, to, Some(AttackKind::Undercut));
                self.edges.push(undercut);
            }
            RelationType::Contrary | RelationType::Contradictory => {
                for (from, to) in [(from, to), (to, from)] {
                    let label = Some(relation.as_str());
                    self.edges.push(DraftEdge {
                        label,
                        ..DraftEdge::attacks(from, to, None)
                    });
                }
            }
        }
    }

    /// Kinds by the leaf-premise rule: a statement that supports something
    /// and that nothing supports is evidence.
    fn derive_kinds(&mut self) {
        let mut supports_in = vec![0usize; self.nodes.len()];
        let mut supports_out = vec![0usize; self.nodes.len()];
        for e in self.edges.iter().filter(|e| e.kind == EdgeKind::Supports) {
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
    fn into_graph(self) -> Result<ArgumentGraph> {
        let mut g = ArgumentGraph::with_capacity(self.nodes.len(), self.edges.len());
        let mut problems = Vec::new();
        let ids: Vec<String> = self.nodes.iter().map(|n| n.id.clone()).collect();
        let kinds: Vec<NodeKind> = self.nodes.iter().map(|n| n.kind).collect();
        for n in self.nodes {
            match g.add_node(n.id, n.kind, n.text) {
                Ok(node) => {
                    node.label = n.label;
                    node.tags = n.tags;
                    node.data = n.data.filter(|v| !v.is_null()).map(Box::new);
                }
                Err(e) => problems.extend(e.problems().iter().cloned()),
            }
        }
        for e in self.edges {
            let (from, to) = (kinds[e.from], kinds[e.to]);
            // A framing's support is the lens it offers: a frames edge.
            let frames =
                from == NodeKind::Framing && matches!(to, NodeKind::Claim | NodeKind::Argument);
            let kind = match e.kind {
                EdgeKind::Supports if frames => EdgeKind::Frames,
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
