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
//! [`Report`]. Input that is not JSON or not Argdown's shape is refused with
//! [`ErrorKind::Parse`](crate::ErrorKind::Parse).
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
use serde_json::{Map, Value};

use crate::error::{Error, ParseCategory, Result};
use crate::io::report::{short, Imported, Report};
use crate::model::{ArgumentGraph, AttackKind, EdgeKind, NodeKind};

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

#[derive(Deserialize)]
struct RawDoc {
    #[serde(default)]
    statements: Map<String, Value>,
    #[serde(default)]
    arguments: Map<String, Value>,
    #[serde(default)]
    relations: Vec<RawRelation>,
    #[serde(default)]
    map: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    sections: Option<Vec<serde::de::IgnoredAny>>,
    #[serde(default)]
    tags: Option<serde::de::IgnoredAny>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct RawMember {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    ranges: Vec<RawRange>,
    #[serde(default)]
    is_reference: bool,
    #[serde(default)]
    data: Option<Value>,
    #[serde(default)]
    role: Option<String>,
}

/// A formatted range of a text: a tag, a link, bold… Offsets are
/// JavaScript string indices (UTF-16 code units), `stop` inclusive.
#[derive(Deserialize)]
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
struct RawStatement {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    members: Vec<RawMember>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    data: Option<Value>,
}

#[derive(Deserialize)]
struct RawPcs {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    inference: Option<RawInference>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawInference {
    #[serde(default)]
    inference_rules: Vec<String>,
}

#[derive(Deserialize)]
struct RawArgument {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    members: Vec<RawMember>,
    #[serde(default)]
    pcs: Vec<RawPcs>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    data: Option<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
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
/// or argument that is not an object is reported with its title).
///
/// ```
/// let err = argraph::argdown::from_slice(br#"{"statements": {"A": 3}}"#).unwrap_err();
/// assert!(err.to_string().contains("statement \"A\""));
/// ```
pub fn from_slice(bytes: &[u8]) -> Result<Imported> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: RawDoc =
        serde_json::from_slice(bytes).map_err(|e| super::aif::json_error(e, FORMAT))?;
    build(doc)
}

/// Reads Argdown JSON from a string. See [`from_slice`].
pub fn from_str(text: &str) -> Result<Imported> {
    from_slice(text.as_bytes())
}

/// Reads Argdown JSON from a reader (read to the end first). See [`from_slice`].
pub fn from_reader<R: Read>(reader: R) -> Result<Imported> {
    super::read_with(reader, from_slice)
}

/// Reads an Argdown JSON file; errors carry the path. See [`from_slice`].
pub fn load(path: impl AsRef<Path>) -> Result<Imported> {
    super::load_with(path.as_ref(), from_slice)
}

fn shape_error(what: &str, title: &str, e: serde_json::Error) -> Error {
    Error::parse(
        FORMAT,
        ParseCategory::Data,
        0,
        0,
        format!("{what} {title:?}: {e}"),
    )
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

fn generated_title(t: &str) -> bool {
    t.strip_prefix("Untitled ")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

struct PNode {
    id: String,
    kind: NodeKind,
    derive: bool,
    text: String,
    label: Option<String>,
    tags: Vec<String>,
    data: Option<Value>,
}

struct PEdge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    derive: bool,
    label: Option<&'static str>,
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
    let mut nodes: Vec<PNode> = Vec::new();
    let mut statements: HashMap<String, usize> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();

    for (key, value) in doc.statements {
        let s: RawStatement =
            serde_json::from_value(value).map_err(|e| shape_error("statement", &key, e))?;
        let title = s.title.clone().unwrap_or_else(|| key.clone());
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
        let data = member
            .and_then(|m| m.data.clone())
            .or(s.data)
            .filter(|d| !d.is_null());
        statements.insert(title.clone(), nodes.len());
        taken.insert(title.clone());
        nodes.push(PNode {
            id: title.clone(),
            kind: kind.unwrap_or(NodeKind::Claim),
            derive: kind.is_none(),
            text,
            label: (!generated_title(&title)).then(|| title.clone()),
            tags: s.tags,
            data,
        });
    }

    let mut edges: Vec<PEdge> = Vec::new();
    let mut arguments: HashMap<String, usize> = HashMap::new();
    // (argument title, conclusion index) -> inference node
    let mut inferences: HashMap<(String, usize), usize> = HashMap::new();
    let fresh = |taken: &mut HashSet<String>, base: String| {
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(&id) {
            id = format!("{base} ({k})");
            k += 1;
        }
        taken.insert(id.clone());
        id
    };
    for (key, value) in doc.arguments {
        let a: RawArgument =
            serde_json::from_value(value).map_err(|e| shape_error("argument", &key, e))?;
        let title = a.title.clone().unwrap_or_else(|| key.clone());
        let id = if taken.contains(&title) {
            fresh(&mut taken, format!("<{title}>"))
        } else {
            fresh(&mut taken, title.clone())
        };
        let description = a.members.iter().rev().find(|m| {
            !m.is_reference
                && m.text.as_deref().is_some_and(|t| !t.trim().is_empty())
                && m.role.as_deref() != Some("premise")
        });
        let text = description
            .and_then(plain_text)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| title.clone());
        let data = description
            .and_then(|m| m.data.clone())
            .or(a.data)
            .filter(|d| !d.is_null());
        let arg = nodes.len();
        arguments.insert(title.clone(), arg);
        nodes.push(PNode {
            id,
            kind: NodeKind::Argument,
            derive: false,
            text,
            label: Some(title.clone()),
            tags: a.tags,
            data,
        });
        // The premise-conclusion structure, inference by inference.
        let mut pending: Vec<usize> = Vec::new();
        let last = a.pcs.len().saturating_sub(1);
        for (k, s) in a.pcs.iter().enumerate() {
            let st = s.title.as_deref().and_then(|t| statements.get(t)).copied();
            let Some(st) = st else {
                report.warn(W_PCS_MISSING, || {
                    format!("argument {title:?}, statement ({})", k + 1)
                });
                continue;
            };
            match &s.inference {
                None => pending.push(st),
                Some(inf) => {
                    let node = if k == last {
                        arg
                    } else {
                        let n = nodes.len();
                        let rules = inf.inference_rules.join(", ");
                        nodes.push(PNode {
                            id: fresh(&mut taken, format!("{title}.{}", k + 1)),
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
                        });
                        n
                    };
                    inferences.insert((title.clone(), k), node);
                    for p in pending.drain(..) {
                        edges.push(PEdge {
                            from: p,
                            to: node,
                            kind: EdgeKind::Supports,
                            attack: None,
                            derive: false,
                            label: None,
                        });
                    }
                    edges.push(PEdge {
                        from: node,
                        to: st,
                        kind: EdgeKind::Supports,
                        attack: None,
                        derive: false,
                        label: None,
                    });
                    pending.push(st);
                }
            }
        }
        if !a.pcs.is_empty() && a.pcs[last].inference.is_none() {
            report.warn(W_PCS_END, || format!("argument {title:?}"));
            for p in pending.drain(..) {
                edges.push(PEdge {
                    from: p,
                    to: arg,
                    kind: EdgeKind::Supports,
                    attack: None,
                    derive: false,
                    label: None,
                });
            }
        }
    }

    let mut seen: HashSet<(String, String, String, Option<usize>)> = HashSet::new();
    for r in doc.relations {
        let name = || format!("{} {} -> {}", r.relation_type, short(&r.from), short(&r.to));
        if !seen.insert((
            r.relation_type.clone(),
            r.from.clone(),
            r.to.clone(),
            r.conclusion_index,
        )) {
            report.warn(W_REL_DUP, name);
            continue;
        }
        let lookup = |title: &str, ty: Option<&str>| match ty {
            Some("argument") => arguments.get(title).copied(),
            Some("inference") => None,
            _ => statements
                .get(title)
                .copied()
                .or_else(|| arguments.get(title).copied()),
        };
        let from = lookup(&r.from, r.from_type.as_deref());
        let to = match r.to_type.as_deref() {
            Some("inference") => r
                .conclusion_index
                .and_then(|k| inferences.get(&(r.to.clone(), k)).copied())
                .or_else(|| arguments.get(&r.to).copied()),
            ty => lookup(&r.to, ty),
        };
        let (Some(from), Some(to)) = (from, to) else {
            report.warn(W_REL_MISSING, name);
            continue;
        };
        let attack = |derive: bool, attack: Option<AttackKind>, label| PEdge {
            from,
            to,
            kind: EdgeKind::Attacks,
            attack,
            derive,
            label,
        };
        match r.relation_type.as_str() {
            "support" | "entails" => {
                if from == to {
                    report.warn(W_REL_SELF, name);
                    continue;
                }
                edges.push(PEdge {
                    from,
                    to,
                    kind: EdgeKind::Supports,
                    attack: None,
                    derive: false,
                    label: None,
                });
            }
            "attack" => edges.push(attack(true, None, None)),
            "undercut" => edges.push(attack(false, Some(AttackKind::Undercut), None)),
            "contrary" | "contradictory" => {
                let label = if r.relation_type == "contrary" {
                    "contrary"
                } else {
                    "contradictory"
                };
                edges.push(attack(true, None, Some(label)));
                edges.push(PEdge {
                    from: to,
                    to: from,
                    kind: EdgeKind::Attacks,
                    attack: None,
                    derive: true,
                    label: Some(label),
                });
            }
            _ => report.warn(W_REL_TYPE, name),
        }
    }

    // Kinds by the leaf-premise rule, then attack subtypes by target.
    let mut sin = vec![0usize; nodes.len()];
    let mut sout = vec![0usize; nodes.len()];
    for e in edges.iter().filter(|e| e.kind == EdgeKind::Supports) {
        sout[e.from] += 1;
        sin[e.to] += 1;
    }
    for (i, n) in nodes.iter_mut().enumerate() {
        if n.derive && super::aif::derive_evidence(sin[i], sout[i]) {
            n.kind = NodeKind::Evidence;
        }
    }

    let mut g = ArgumentGraph::with_capacity(nodes.len(), edges.len());
    let mut problems = Vec::new();
    let mut ids = Vec::with_capacity(nodes.len());
    let mut kinds = Vec::with_capacity(nodes.len());
    for n in nodes {
        ids.push(n.id.clone());
        kinds.push(n.kind);
        match g.add_node(n.id, n.kind, n.text) {
            Ok(node) => {
                node.label = n.label;
                node.tags = n.tags;
                node.data = n.data.and_then(crate::model::Data::from_value);
            }
            Err(e) => problems.extend(e.problems().iter().cloned()),
        }
    }
    for mut e in edges {
        // A framing's support is the lens it offers: a frames edge.
        if e.kind == EdgeKind::Supports
            && kinds[e.from] == NodeKind::Framing
            && matches!(kinds[e.to], NodeKind::Claim | NodeKind::Argument)
        {
            e.kind = EdgeKind::Frames;
        }
        let attack = if e.derive {
            match kinds[e.to] {
                NodeKind::Argument => None,
                k => super::aif::derive_attack(k),
            }
        } else {
            e.attack
        };
        match g.add_edge(&ids[e.from], &ids[e.to], e.kind, attack) {
            Ok(edge) => {
                if let Some(l) = e.label {
                    edge.set_label(l);
                }
            }
            Err(err) => problems.extend(err.problems().iter().cloned()),
        }
    }
    if problems.is_empty() {
        Ok(Imported { graph: g, report })
    } else {
        Err(Error::invalid(problems))
    }
}
