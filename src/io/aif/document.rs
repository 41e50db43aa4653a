//! The AIF JSON document as read and written: derived serde types, the
//! fields argraph has no place for kept in order by `#[serde(flatten)]`.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::data::{self, Object};
use crate::model::{AttackKind, FramingBasis, NodeKind, Provenance, Source};
pub(super) use node_type::NodeType;

// `vocabulary!` also gives `ALL`, which the AIF module never lists.
#[allow(dead_code)]
mod node_type {
    use crate::vocabulary::vocabulary;

    vocabulary! {
        /// The AIF node types.
        NodeType, "AIF node type" ignore_case {
            /// Information: a statement.
            I => "I",
            /// Rule application: an inference.
            Ra => "RA",
            /// Conflict application.
            Ca => "CA",
            /// Rephrase (AIF+'s MA).
            Ma => "MA",
            /// Preference application.
            Pa => "PA",
            /// Locution.
            L => "L",
            /// Illocution, anchoring a node in a locution.
            Ya => "YA",
            /// Transition between locutions.
            Ta => "TA",
        }
    }
}

/// A whole document: AIFdb's shape (`nodes`, `edges`, `locutions`, …) at
/// the top, or OVA's wrapper with the same inside `AIF`.
#[derive(Deserialize)]
#[serde(expecting = "an AIF document (a JSON object with \"nodes\" and \"edges\")")]
pub(super) struct Document {
    #[serde(default, deserialize_with = "data::optional_objects")]
    pub nodes: Option<Vec<NodeRecord>>,
    #[serde(default, deserialize_with = "data::optional_objects")]
    pub edges: Option<Vec<EdgeRecord>>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub locutions: Vec<LocutionRecord>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub participants: Vec<data::Data>,
    #[serde(
        default,
        rename = "schemefulfillments",
        deserialize_with = "null_as_empty"
    )]
    pub fulfillments: Vec<Fulfillment>,
    #[serde(default, deserialize_with = "count")]
    pub descriptorfulfillments: usize,
    #[serde(default, deserialize_with = "count")]
    pub cqdescriptorfulfillments: usize,
    #[serde(default, rename = "argraph")]
    pub extension: Option<DocumentExtension>,
    #[serde(default, rename = "AIF", alias = "aif")]
    pub aif: Option<Box<Document>>,
    /// Whether an OVA layout section is there (even `null`).
    #[serde(default, rename = "OVA", alias = "ova", deserialize_with = "present")]
    pub ova: bool,
    /// The analysed text (OVA's `text`, a string or an object of strings).
    #[serde(default, deserialize_with = "data::optional")]
    pub text: Option<Value>,
    /// Read so that it is not counted as an unknown key.
    #[serde(default, rename = "dialog")]
    pub _dialog: Option<IgnoredAny>,
    /// Every other key, in order.
    #[serde(flatten)]
    pub other: Object,
}

/// An entry of `nodes`.
#[derive(Deserialize)]
#[serde(expecting = "an AIF node object")]
pub(super) struct NodeRecord {
    #[serde(default, rename = "nodeID")]
    pub id: Option<Id>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default, rename = "type")]
    pub node_type: Option<TypeName>,
    /// Boxed: inline, it made every record (usually without one) about
    /// 200 bytes larger, and the 10^5-node bench 1.6× slower than the
    /// `Value` baseline instead of 1.25× (page faults of the growing vectors).
    #[serde(default, rename = "argraph")]
    pub extension: Option<Box<Extension>>,
    /// Every other field (`timestamp`, `scheme`, `schemeID`, …), in order.
    #[serde(flatten)]
    pub fields: Object,
}

/// An entry of `edges`.
#[derive(Deserialize)]
#[serde(expecting = "an AIF edge object")]
pub(super) struct EdgeRecord {
    #[serde(default, rename = "edgeID")]
    pub id: Option<Id>,
    #[serde(default, rename = "fromID")]
    pub from: Option<Id>,
    #[serde(default, rename = "toID")]
    pub to: Option<Id>,
    /// Read so that it is not counted as another field.
    #[serde(default, rename = "formEdgeID")]
    pub _form: Option<IgnoredAny>,
    #[serde(default, rename = "argraph")]
    pub extension: Option<Box<Extension>>,
    /// Fields AIF edges do not have (not kept, counted).
    #[serde(flatten)]
    pub other: Object,
}

/// An entry of `locutions`: the node it describes (`nodeID`) among its
/// fields.
#[derive(Deserialize)]
#[serde(expecting = "a locution object")]
pub(super) struct LocutionRecord {
    #[serde(flatten)]
    pub fields: Object,
}

/// An entry of OVA's `schemefulfillments`: the scheme of an S-node.
#[derive(Deserialize)]
#[serde(expecting = "a scheme fulfillment object (with \"nodeID\" and \"schemeID\")")]
pub(super) struct Fulfillment {
    #[serde(rename = "nodeID", default)]
    pub node: Option<Id>,
    #[serde(rename = "schemeID", default)]
    pub scheme: Option<Id>,
}

/// The `argraph` key argraph writes on AIF nodes and edges, holding what
/// AIF has no place for. Every field is optional; a field is written only
/// when the reader would not derive the same value from the AIF structure.
#[derive(Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the \"argraph\" extension of an AIF node or edge (an object)"
)]
pub(super) struct Extension {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub kind: Option<NodeKind>,
    #[serde(default, deserialize_with = "explicit")]
    pub label: Option<Option<String>>,
    #[serde(default, deserialize_with = "data::optional")]
    pub weight: Option<Value>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "data::objects")]
    pub provenance: Vec<Provenance>,
    #[serde(default)]
    pub synthesis: bool,
    #[serde(default, deserialize_with = "data::optional")]
    pub data: Option<Value>,
    #[serde(default, deserialize_with = "explicit")]
    pub attack: Option<Option<AttackKind>>,
    #[serde(default, deserialize_with = "data::objects")]
    pub frames: Vec<FrameExtension>,
}

/// A `frames` edge kept on its framing node.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a frames entry of the \"argraph\" extension (an object with \"to\")"
)]
pub(super) struct FrameExtension {
    pub to: Id,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "data::optional")]
    pub weight: Option<Value>,
    #[serde(default, deserialize_with = "data::objects")]
    pub provenance: Vec<Provenance>,
    #[serde(default)]
    pub basis: Option<FramingBasis>,
    #[serde(default, deserialize_with = "data::optional")]
    pub data: Option<Value>,
}

/// The document-level `argraph` key: its presence says the file was
/// written by argraph, so `data` comes from the extension verbatim.
#[derive(Deserialize, Serialize)]
#[serde(
    deny_unknown_fields,
    expecting = "the \"argraph\" extension of an AIF document (an object with \"version\": 1)"
)]
pub(super) struct DocumentExtension {
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "data::objects"
    )]
    pub sources: Vec<Source>,
}

/// `Option<Option<T>>` that tells a missing key (`None`) from `null`
/// (`Some(None)`).
fn explicit<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

fn null_as_empty<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// The length of an array whose entries are not kept (`null`: none).
fn count<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    Ok(Option::<Vec<IgnoredAny>>::deserialize(d)?.map_or(0, |v| v.len()))
}

fn present<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    IgnoredAny::deserialize(d).map(|_| true)
}

/// Characters of an analysed text: a string, or an object of strings.
pub(super) fn text_chars(text: &Value) -> usize {
    match text {
        Value::String(s) => s.chars().count(),
        Value::Object(o) => o
            .values()
            .filter_map(Value::as_str)
            .map(|s| s.chars().count())
            .sum(),
        _ => 0,
    }
}

/// A node or edge id: a string, or an integer written as its decimal
/// string (`3.0` too, which some tools write for 3; `3.5` is not an id).
///
/// A scalar with a visitor of its own, so that a wrong id is reported
/// where it stands, as "expected an id (a string or an integer)".
pub(super) struct Id(pub String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        d.deserialize_any(IdVisitor)
    }
}

struct IdVisitor;

impl<'de> Visitor<'de> for IdVisitor {
    type Value = Id;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id (a string or an integer)")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
        Ok(Id(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Id, E> {
        Ok(Id(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
        Ok(Id(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
        Ok(Id(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Id, E> {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            Ok(Id(format!("{}", v as i64)))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }
    /// A number serde_json keeps as its text (`arbitrary_precision`): an
    /// integer too long for 64 bits is its digits; a fraction as above.
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Id, A::Error> {
        // An object is refused at its first key, without reading it all.
        if map.next_key::<String>()?.as_deref() != Some(data::NUMBER_TOKEN) {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let text: String = map.next_value()?;
        let digits = text.strip_prefix('-').unwrap_or(&text);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(Id(text));
        }
        match text.parse::<f64>() {
            Ok(v) => self.visit_f64(v),
            Err(_) => Err(de::Error::invalid_value(de::Unexpected::Str(&text), &self)),
        }
    }
}

/// A node's `type` as written: a known type (in any case, spaces around
/// it ignored), nothing, or another name (kept for the report).
pub(super) enum TypeName {
    Known(NodeType),
    Empty,
    Other(String),
}

impl<'de> Deserialize<'de> for TypeName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TypeName, D::Error> {
        d.deserialize_str(TypeNameVisitor)
    }
}

struct TypeNameVisitor;

impl Visitor<'_> for TypeNameVisitor {
    type Value = TypeName;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a node type such as \"I\" or \"RA\"")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<TypeName, E> {
        let name = v.trim();
        Ok(match name.parse() {
            Ok(t) => TypeName::Known(t),
            Err(_) if name.is_empty() => TypeName::Empty,
            Err(_) => TypeName::Other(name.to_string()),
        })
    }
}

/// A node of the input that takes part in the graph or in its records.
pub(super) struct InputNode {
    /// Position in the input's `nodes` array.
    pub(super) index: usize,
    pub(super) id: String,
    pub(super) node_type: NodeType,
    pub(super) text: Option<String>,
    /// Its fields argraph has no place for, in order.
    pub(super) fields: Map<String, Value>,
    pub(super) extension: Option<Box<Extension>>,
}

/// The input nodes kept, and how to find them.
pub(super) struct InputNodes {
    pub(super) nodes: Vec<InputNode>,
    /// Node ids to positions in `nodes`.
    pub(super) by_id: HashMap<String, usize>,
    /// Ids of the nodes set aside (without a type, or of an unknown one).
    pub(super) set_aside: HashSet<String>,
    /// Positions in `nodes` of the L, YA and TA nodes.
    pub(super) dialogue: Vec<usize>,
}
