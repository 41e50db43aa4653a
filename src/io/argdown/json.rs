//! Argdown JSON import: the JSON that `argdown json` (Argdown's
//! `JSONExportPlugin`) writes, read into Argdown's model and mapped as
//! the text is (see [the module](super)).
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

use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::model::{self, Doc, Entity, Inference, Member, PcsStatement, Relation};
use crate::error::{Error, ParseCategory, Result};
use crate::io::report::{Imported, Report};
use crate::model::data::{self, Entries, ObjectOnly};

const FORMAT: &str = "Argdown JSON";

const S_MAP: &str = "map view (nodes and edges drawn from the same model)";
const K_SECTIONS: &str =
    "sections (headings, nested ones included), kept as each node's data.argdown.section";
const S_TAGS: &str = "top-level tag list (tags are kept on nodes)";

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
    #[serde(default, deserialize_with = "data::optional_objects")]
    sections: Option<Vec<RawSection>>,
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
    #[serde(default)]
    start_line: Option<usize>,
}

/// A heading and the lines its section spans, with the sections under it.
#[derive(Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a section (an object with \"title\", \"startLine\" and \"children\")"
)]
struct RawSection {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    start_line: Option<usize>,
    #[serde(default)]
    end_line: Option<usize>,
    #[serde(default, deserialize_with = "data::objects")]
    children: Vec<RawSection>,
}

/// Every section, nested ones included: its headings (outermost first)
/// and the lines it spans, in document order.
fn flatten_sections(sections: Vec<RawSection>, above: &[String], out: &mut Vec<Section>) {
    for s in sections {
        let mut path = above.to_vec();
        path.push(s.title.unwrap_or_default());
        let lines = s.start_line.unwrap_or(0)..=s.end_line.unwrap_or(usize::MAX);
        out.push((path.clone(), lines));
        flatten_sections(s.children, &path, out);
    }
}

type Section = (Vec<String>, std::ops::RangeInclusive<usize>);

/// The headings above `line`: those of the innermost section holding it.
fn section_at(sections: &[Section], line: Option<usize>) -> Vec<String> {
    let Some(line) = line else {
        return Vec::new();
    };
    sections
        .iter()
        .filter(|(_, lines)| lines.contains(&line))
        .max_by_key(|(path, _)| path.len())
        .map_or_else(Vec::new, |(path, _)| path.clone())
}

/// The section of an entity: that of its first definition, or of its
/// first member if all are references (as the text reader places it).
fn section_of(members: &[RawMember], sections: &[Section]) -> Vec<String> {
    let first = members.iter().find(|m| !m.is_reference).or(members.first());
    section_at(sections, first.and_then(|m| m.start_line))
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
    #[serde(default, deserialize_with = "data::optional")]
    data: Option<Value>,
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

/// The export's statements, arguments and relations as Argdown's model.
fn build(doc: RawDoc) -> Result<Imported> {
    let mut report = Report::new();
    if doc.map.is_some() {
        report.set_aside_n(S_MAP, 1);
    }
    let mut sections = Vec::new();
    flatten_sections(doc.sections.unwrap_or_default(), &[], &mut sections);
    report.kept_n(K_SECTIONS, sections.len());
    if doc.tags.is_some() {
        report.set_aside_n(S_TAGS, 1);
    }
    let statements = doc.statements.map_or_else(Vec::new, |e| e.0);
    let arguments = doc.arguments.map_or_else(Vec::new, |e| e.0);
    let model = Doc {
        statements: statements
            .into_iter()
            .map(|(key, s)| statement(key, s.0, &sections))
            .collect(),
        arguments: arguments
            .into_iter()
            .map(|(key, a)| argument(key, a.0, &sections))
            .collect(),
        relations: doc.relations.into_iter().map(relation).collect(),
        ..Doc::default()
    };
    model::build(model, report)
}

/// A member; of an argument, one whose role is `premise` is no description.
fn member(m: RawMember, of_argument: bool) -> Member {
    Member {
        text: plain_text(&m),
        is_reference: m.is_reference,
        is_premise: of_argument && m.role.as_deref() == Some("premise"),
        data: m.data,
    }
}

fn statement(key: String, s: RawStatement, sections: &[Section]) -> Entity {
    let section = section_of(&s.members, sections);
    Entity {
        section,
        title: s.title.unwrap_or(key),
        members: s.members.into_iter().map(|m| member(m, false)).collect(),
        tags: s.tags,
        data: s.data,
        ..Entity::default()
    }
}

fn argument(key: String, a: RawArgument, sections: &[Section]) -> Entity {
    let section = section_of(&a.members, sections);
    let pcs = a
        .pcs
        .into_iter()
        .map(|p| PcsStatement {
            title: p.title,
            inference: p.inference.map(|i| Inference {
                rules: i.inference_rules,
                data: i.data,
            }),
        })
        .collect();
    Entity {
        title: a.title.unwrap_or(key),
        members: a.members.into_iter().map(|m| member(m, true)).collect(),
        tags: a.tags,
        data: a.data,
        pcs,
        section,
        ..Entity::default()
    }
}

fn relation(r: RawRelation) -> Relation {
    Relation {
        relation_type: r.relation_type,
        from: r.from,
        from_type: r.from_type,
        to: r.to,
        to_type: r.to_type,
        conclusion_index: r.conclusion_index,
        data: None,
    }
}
