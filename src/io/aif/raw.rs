//! The AIF JSON document as read: hand-written visitors, so that unknown
//! keys are kept (node fields) or counted (document keys) without
//! buffering the whole document, and ids may be strings or integers.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::io::json::Text;
use crate::io::json_text;
use crate::model::{AttackKind, NodeKind, Provenance, Source};

/// A node or edge id: a string, or an integer written as its decimal string.
pub(super) struct Id(pub(super) String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct V;
        impl Visitor<'_> for V {
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
                // 3.0 is an id some tools write for 3; 3.5 is not an id.
                if v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(Id(format!("{}", v as i64)))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// An id borrowed from the input when it is a string without escapes.
pub(super) struct IdRef<'de>(pub(super) Cow<'de, str>);

impl<'de> Deserialize<'de> for IdRef<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IdRef<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IdRef<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (a string or an integer)")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<IdRef<'de>, E> {
                Ok(IdRef(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IdRef<'de>, E> {
                Ok(IdRef(Cow::Owned(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<IdRef<'de>, E> {
                Ok(IdRef(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<IdRef<'de>, E> {
                Ok(IdRef(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<IdRef<'de>, E> {
                Id::deserialize(de::value::F64Deserializer::<E>::new(v))
                    .map(|id| IdRef(Cow::Owned(id.0)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A node type, parsed without allocating (an unknown one is kept for the report).
pub(super) enum RawTy {
    Known(super::Ty),
    Empty,
    Other(String),
}

impl<'de> Deserialize<'de> for RawTy {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawTy, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawTy;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a node type such as \"I\" or \"RA\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTy, E> {
                let t = v.trim();
                Ok(match super::Ty::parse(t) {
                    Some(ty) => RawTy::Known(ty),
                    None if t.is_empty() => RawTy::Empty,
                    None => RawTy::Other(t.to_string()),
                })
            }
        }
        d.deserialize_str(V)
    }
}

fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Id>::deserialize(d)?.map(|id| id.0))
}

/// A key matched against a fixed list; other keys are borrowed from the
/// input when they have no escapes.
enum Key<'de> {
    Known(&'static str),
    Other(Cow<'de, str>),
}

struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl KeySeed {
    fn find(&self, v: &str) -> Option<&'static str> {
        self.0.iter().find(|k| **k == v).copied()
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(self
            .find(v)
            .map_or(Key::Other(Cow::Borrowed(v)), Key::Known))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(self
            .find(v)
            .map_or_else(|| Key::Other(Cow::Owned(v.to_string())), Key::Known))
    }
}

/// A field value kept for `data`: a string (most AIF fields; borrowed from
/// the input when it has no escapes), or any other JSON value as the
/// compact text `serde_json` writes for it.
#[derive(Clone)]
pub(super) enum Piece<'de> {
    Str(Cow<'de, str>),
    Json(String),
}

impl Piece<'_> {
    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            Piece::Str(s) => Some(s),
            Piece::Json(_) => None,
        }
    }

    /// The text of a string, or the JSON of anything else (as
    /// `Value::to_string` gives it).
    pub(super) fn text(&self) -> &str {
        match self {
            Piece::Str(s) => s,
            Piece::Json(j) => j,
        }
    }

    pub(super) fn write(&self, out: &mut String) {
        match self {
            Piece::Str(s) => json_text::push_str(out, s),
            Piece::Json(j) => out.push_str(j),
        }
    }
}

impl<'de> Deserialize<'de> for Piece<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Piece<'de>, D::Error> {
        struct V;
        fn json<T: Serialize, E: de::Error>(v: &T) -> Result<Piece<'static>, E> {
            serde_json::to_string(v).map(Piece::Json).map_err(E::custom)
        }
        impl<'de> Visitor<'de> for V {
            type Value = Piece<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Piece<'de>, E> {
                Ok(Piece::Str(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Piece<'de>, E> {
                Ok(Piece::Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Piece<'de>, E> {
                Ok(Piece::Str(Cow::Owned(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Piece<'de>, E> {
                json(&v)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Piece<'de>, E> {
                json(&v)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Piece<'de>, E> {
                json(&v)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Piece<'de>, E> {
                // What `Value` keeps of a parsed float, written as `Value` writes it.
                json(&Value::from(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Piece<'de>, E> {
                Ok(Piece::Json("null".into()))
            }
            // Arrays and objects are rare in AIF fields: through a `Value`,
            // which settles repeated keys as `data` always has.
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Piece<'de>, A::Error> {
                json(&Value::deserialize(de::value::SeqAccessDeserializer::new(
                    seq,
                ))?)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Piece<'de>, A::Error> {
                json(&Value::deserialize(de::value::MapAccessDeserializer::new(
                    map,
                ))?)
            }
        }
        d.deserialize_any(V)
    }
}

/// The elements of a long array, in chunks that are never moved. A `Vec`
/// read element by element doubles and copies itself about log n times,
/// touching twice the memory it keeps; and consumed by `into_iter`, each
/// chunk is freed as soon as it is read, for what is built next to reuse.
pub(super) struct Chunks<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Chunks<T> {
    fn default() -> Chunks<T> {
        Chunks {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunks<T> {
    /// Elements per chunk at most (a chunk of AIF nodes is about 1.7 MB).
    const MAX: usize = 1 << 14;

    pub(super) fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, t: T) {
        match self.chunks.last_mut() {
            Some(c) if c.len() < c.capacity() => c.push(t),
            _ => {
                let mut c = Vec::with_capacity(self.len.clamp(16, Self::MAX));
                c.push(t);
                self.chunks.push(c);
            }
        }
        self.len += 1;
    }
}

impl<T> IntoIterator for Chunks<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.chunks.into_iter().flatten()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Chunks<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Chunks<T>, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Chunks<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Chunks<T>, A::Error> {
                let mut c = Chunks::default();
                while let Some(t) = seq.next_element()? {
                    c.push(t);
                }
                Ok(c)
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

/// The fields of a node (or locution) argraph has no place for, in order,
/// each key once (a repeated key keeps its first place and last value, as
/// in a JSON object read by `serde_json`).
#[derive(Default, Clone)]
pub(super) struct Extras<'de>(pub(super) Vec<(Cow<'de, str>, Piece<'de>)>);

impl<'de> Extras<'de> {
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(super) fn get(&self, key: &str) -> Option<&Piece<'de>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key`, in place if it is there. O(fields).
    pub(super) fn insert(&mut self, key: Cow<'de, str>, value: Piece<'de>) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    pub(super) fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// Writes every field but `skip` into `o`.
    pub(super) fn write(&self, o: &mut json_text::Object<'_>, skip: Option<&str>) {
        for (k, v) in &self.0 {
            if Some(k.as_ref()) != skip {
                v.write(o.key(k));
            }
        }
    }

    /// Collects fields as read: a repeated key keeps its first place and
    /// takes the last value. O(fields) (a hash map beyond a few fields, so
    /// that a node with very many keys cannot take quadratic time).
    fn from_read(fields: Fields<'de>) -> Extras<'de> {
        let mut all = fields.into_vec();
        if all.len() <= 16 {
            let repeated = (1..all.len()).any(|i| all[..i].iter().any(|(k, _)| *k == all[i].0));
            if !repeated {
                return Extras(all);
            }
            let mut out = Extras(Vec::with_capacity(all.len()));
            for (k, v) in all {
                out.insert(k, v);
            }
            return out;
        }
        let mut first: HashMap<Cow<'de, str>, usize> = HashMap::with_capacity(all.len());
        let mut keep = vec![true; all.len()];
        for i in 0..all.len() {
            match first.get(&all[i].0) {
                Some(&j) => {
                    all[j].1 = std::mem::replace(&mut all[i].1, Piece::Json(String::new()));
                    keep[i] = false;
                }
                None => {
                    first.insert(all[i].0.clone(), i);
                }
            }
        }
        let mut keep = keep.into_iter();
        all.retain(|_| keep.next().unwrap_or(false));
        Extras(all)
    }
}

/// A node's (or locution's) fields as they are read: the first few on the
/// stack, so that the `Vec` kept has their exact number (grown by pushes,
/// it would have room for four at least; an AIF node usually has one to
/// three).
#[derive(Default)]
struct Fields<'de> {
    few: [Option<(Cow<'de, str>, Piece<'de>)>; 3],
    count: usize,
    more: Vec<(Cow<'de, str>, Piece<'de>)>,
}

impl<'de> Fields<'de> {
    fn push(&mut self, field: (Cow<'de, str>, Piece<'de>)) {
        if self.count < self.few.len() {
            self.few[self.count] = Some(field);
        } else {
            if self.more.is_empty() {
                self.more.reserve(2 * self.few.len());
                self.more
                    .extend(self.few.iter_mut().filter_map(Option::take));
            }
            self.more.push(field);
        }
        self.count += 1;
    }

    fn into_vec(self) -> Vec<(Cow<'de, str>, Piece<'de>)> {
        if self.count > self.few.len() {
            return self.more;
        }
        let mut v = Vec::with_capacity(self.count);
        v.extend(self.few.into_iter().flatten());
        v
    }
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

/// The `argraph` key argraph writes on AIF nodes and edges, holding what
/// AIF has no place for. Every field is optional; a field is written only
/// when the reader would not derive the same value from the AIF structure.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Ext {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub kind: Option<NodeKind>,
    #[serde(default, deserialize_with = "explicit")]
    pub label: Option<Option<String>>,
    #[serde(default)]
    pub weight: Option<Value>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub provenance: Vec<Provenance>,
    #[serde(default)]
    pub data: Option<Value>,
    #[serde(default, deserialize_with = "explicit")]
    pub attack: Option<Option<AttackKind>>,
    #[serde(default)]
    pub frames: Vec<FrameExt>,
}

/// A `frames` edge kept on its framing node.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrameExt {
    #[serde(deserialize_with = "id_string")]
    pub to: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub weight: Option<Value>,
    #[serde(default)]
    pub data: Option<Value>,
}

fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Id::deserialize(d)?.0)
}

/// The document-level `argraph` key: its presence says the file was
/// written by argraph, so `data` comes from the extension verbatim.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DocExt {
    pub version: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Default)]
pub(super) struct RawNode<'de> {
    pub id: Option<Cow<'de, str>>,
    pub text: Option<Cow<'de, str>>,
    pub ty: Option<RawTy>,
    pub ext: Option<Box<Ext>>,
    /// Every other field (`timestamp`, `scheme`, `schemeID`, …), in order.
    pub extra: Extras<'de>,
}

impl<'de> Deserialize<'de> for RawNode<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawNode<'de>, D::Error> {
        struct V;
        const KEYS: &[&str] = &["nodeID", "text", "type", "argraph"];
        impl<'de> Visitor<'de> for V {
            type Value = RawNode<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AIF node object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode<'de>, A::Error> {
                let mut n = RawNode::default();
                let mut extra = Fields::default();
                while let Some(key) = map.next_key_seed(KeySeed(KEYS))? {
                    match key {
                        Key::Known("nodeID") => {
                            n.id = map.next_value::<Option<IdRef<'de>>>()?.map(|i| i.0)
                        }
                        Key::Known("text") => {
                            n.text = map.next_value::<Option<Text<'de>>>()?.map(|t| t.0)
                        }
                        Key::Known("type") => n.ty = map.next_value()?,
                        Key::Known(_) => n.ext = map.next_value()?,
                        Key::Other(k) => extra.push((k, map.next_value()?)),
                    }
                }
                n.extra = Extras::from_read(extra);
                Ok(n)
            }
        }
        d.deserialize_map(V)
    }
}

/// An entry of `locutions`: the L node it describes (`nodeID`, a string
/// or a number as its JSON text) and its other fields.
pub(super) struct RawLocution<'de> {
    pub id: Option<String>,
    pub fields: Extras<'de>,
}

impl<'de> Deserialize<'de> for RawLocution<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawLocution<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawLocution<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a locution object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawLocution<'de>, A::Error> {
                let mut all = Fields::default();
                while let Some(key) = map.next_key_seed(KeySeed(&[]))? {
                    if let Key::Other(k) = key {
                        all.push((k, map.next_value::<Piece<'de>>()?));
                    }
                }
                let fields = Extras::from_read(all);
                let id = match fields.get("nodeID") {
                    Some(Piece::Str(s)) => Some(s.to_string()),
                    Some(Piece::Json(j))
                        if j.starts_with(|c: char| c == '-' || c.is_ascii_digit()) =>
                    {
                        Some(j.clone())
                    }
                    _ => None,
                };
                Ok(RawLocution { id, fields })
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Default)]
pub(super) struct RawEdge<'de> {
    pub id: Option<Cow<'de, str>>,
    pub from: Option<Cow<'de, str>>,
    pub to: Option<Cow<'de, str>>,
    pub ext: Option<Box<Ext>>,
    /// Keys other than `edgeID`, `fromID`, `toID`, `formEdgeID`, `argraph`.
    pub other_keys: usize,
}

impl<'de> Deserialize<'de> for RawEdge<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawEdge<'de>, D::Error> {
        struct V;
        const KEYS: &[&str] = &["edgeID", "fromID", "toID", "formEdgeID", "argraph"];
        impl<'de> Visitor<'de> for V {
            type Value = RawEdge<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AIF edge object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEdge<'de>, A::Error> {
                let mut e = RawEdge::default();
                while let Some(key) = map.next_key_seed(KeySeed(KEYS))? {
                    match key {
                        Key::Known("edgeID") => {
                            e.id = map.next_value::<Option<IdRef<'de>>>()?.map(|i| i.0)
                        }
                        Key::Known("fromID") => {
                            e.from = map.next_value::<Option<IdRef<'de>>>()?.map(|i| i.0)
                        }
                        Key::Known("toID") => {
                            e.to = map.next_value::<Option<IdRef<'de>>>()?.map(|i| i.0)
                        }
                        Key::Known("argraph") => e.ext = map.next_value()?,
                        Key::Known(_) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                        Key::Other(_) => {
                            map.next_value::<IgnoredAny>()?;
                            e.other_keys += 1;
                        }
                    }
                }
                Ok(e)
            }
        }
        d.deserialize_map(V)
    }
}

/// An entry of OVA's `schemefulfillments`: the scheme of an S-node.
#[derive(Deserialize)]
pub(super) struct Fulfillment {
    #[serde(rename = "nodeID", default, deserialize_with = "opt_id")]
    pub node: Option<String>,
    #[serde(rename = "schemeID", default, deserialize_with = "opt_id")]
    pub scheme: Option<String>,
}

/// A whole document: AIFdb's shape (`nodes`, `edges`, `locutions`, …) at
/// the top, or OVA's wrapper with the same inside `AIF`.
#[derive(Default)]
pub(super) struct RawDoc<'de> {
    pub nodes: Option<Chunks<RawNode<'de>>>,
    pub edges: Option<Chunks<RawEdge<'de>>>,
    pub locutions: Vec<RawLocution<'de>>,
    pub participants: usize,
    pub fulfillments: Vec<Fulfillment>,
    pub descriptors: usize,
    pub ext: Option<DocExt>,
    pub aif: Option<Box<RawDoc<'de>>>,
    pub ova: bool,
    pub text_chars: usize,
    pub other_keys: Vec<String>,
}

fn count_seq<'de, A: MapAccess<'de>>(map: &mut A) -> Result<usize, A::Error> {
    Ok(map
        .next_value::<Option<Vec<IgnoredAny>>>()?
        .map_or(0, |v| v.len()))
}

impl<'de> Deserialize<'de> for RawDoc<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawDoc<'de>, D::Error> {
        struct V;
        const KEYS: &[&str] = &[
            "nodes",
            "edges",
            "locutions",
            "participants",
            "schemefulfillments",
            "descriptorfulfillments",
            "cqdescriptorfulfillments",
            "argraph",
            "AIF",
            "aif",
            "OVA",
            "ova",
            "text",
            "dialog",
        ];
        impl<'de> Visitor<'de> for V {
            type Value = RawDoc<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AIF document (a JSON object with \"nodes\" and \"edges\")")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawDoc<'de>, A::Error> {
                let mut doc = RawDoc::default();
                while let Some(key) = map.next_key_seed(KeySeed(KEYS))? {
                    match key {
                        Key::Known("nodes") => doc.nodes = map.next_value()?,
                        Key::Known("edges") => doc.edges = map.next_value()?,
                        Key::Known("locutions") => {
                            doc.locutions = map.next_value::<Option<_>>()?.unwrap_or_default()
                        }
                        Key::Known("participants") => doc.participants = count_seq(&mut map)?,
                        Key::Known("schemefulfillments") => {
                            doc.fulfillments = map.next_value::<Option<_>>()?.unwrap_or_default()
                        }
                        Key::Known("descriptorfulfillments" | "cqdescriptorfulfillments") => {
                            doc.descriptors += count_seq(&mut map)?
                        }
                        Key::Known("argraph") => doc.ext = map.next_value()?,
                        Key::Known("AIF" | "aif") => doc.aif = map.next_value()?,
                        Key::Known("OVA" | "ova") => {
                            map.next_value::<IgnoredAny>()?;
                            doc.ova = true;
                        }
                        Key::Known("text") => {
                            doc.text_chars = match map.next_value::<Value>()? {
                                Value::String(s) => s.chars().count(),
                                Value::Object(o) => o
                                    .values()
                                    .filter_map(Value::as_str)
                                    .map(|s| s.chars().count())
                                    .sum(),
                                _ => 0,
                            }
                        }
                        Key::Known(_) => {
                            map.next_value::<IgnoredAny>()?;
                        }
                        Key::Other(k) => {
                            map.next_value::<IgnoredAny>()?;
                            doc.other_keys.push(k.into_owned());
                        }
                    }
                }
                Ok(doc)
            }
        }
        d.deserialize_map(V)
    }
}
