//! `data` and other free JSON as written: numbers keep their text
//! (serde_json's `arbitrary_precision`: `123456789012345678901234567890`
//! stays that, not `1.2345678901234568e+29`), and an object that repeats a
//! key is refused where the repeat stands, rather than silently keeping
//! its last value. Every JSON reader reads free JSON through [`Data`] and
//! [`Object`], and locates its errors with [`json_error`].

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Number, Value};

use crate::error::{Error, Result};

/// The key serde_json's `arbitrary_precision` gives a number it hands to
/// `visit_map` (the number's text is its value). serde_json's own `Value`
/// reads numbers through the same key.
pub(crate) const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Any JSON value, with its numbers as written and no repeated key in any
/// of its objects. O(size of the value).
pub(crate) struct Data(pub(crate) Value);

impl<'de> Deserialize<'de> for Data {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Data, D::Error> {
        d.deserialize_any(DataVisitor).map(Data)
    }
}

/// A JSON object with no repeated key (at any depth).
#[derive(Default)]
pub(crate) struct Object(pub(crate) Map<String, Value>);

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Object, D::Error> {
        d.deserialize_map(ObjectVisitor).map(Object)
    }
}

/// `deserialize_with` for an optional free value (`null` is none, as
/// `Option<Value>` reads it); the field needs `#[serde(default)]`.
pub(crate) fn optional<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Value>, D::Error> {
    Data::deserialize(d).map(|v| Some(v.0).filter(|v| !v.is_null()))
}

/// [`optional`], boxed.
pub(crate) fn optional_boxed<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Box<Value>>, D::Error> {
    optional(d).map(|v| v.map(Box::new))
}

struct DataVisitor;

impl<'de> Visitor<'de> for DataVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        Data::deserialize(d).map(|v| v.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Data(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<Value, A::Error> {
        read_object(map)
    }
}

struct ObjectVisitor;

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Map<String, Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<Self::Value, A::Error> {
        match read_object(map)? {
            Value::Object(object) => Ok(object),
            other => Err(de::Error::custom(format_args!(
                "expected a JSON object, found {other}"
            ))),
        }
    }
}

/// An object, each key once, or the number `arbitrary_precision` hands
/// over as a map of one key (its text).
fn read_object<'de, A: MapAccess<'de>>(mut map: A) -> std::result::Result<Value, A::Error> {
    let first = map.next_key::<String>()?;
    read_object_from(first, map)
}

/// [`read_object`], its first key already read.
fn read_object_from<'de, A: MapAccess<'de>>(
    first: Option<String>,
    mut map: A,
) -> std::result::Result<Value, A::Error> {
    let mut object = Map::new();
    let mut next = first;
    while let Some(key) = next.take() {
        if object.is_empty() && key == NUMBER_TOKEN {
            let text = map.next_value::<String>()?;
            return text
                .parse::<Number>()
                .map(Value::Number)
                .map_err(de::Error::custom);
        }
        if object.contains_key(&key) {
            return Err(repeated_key(&key));
        }
        let Data(value) = map.next_value()?;
        object.insert(key, value);
        next = map.next_key::<String>()?;
    }
    Ok(Value::Object(object))
}

/// A weight as written: a number, or another value, which the reader
/// reports as a problem rather than failing on.
pub(crate) enum RawWeight {
    /// A number (not yet checked to lie in [0, 1]).
    Number(f64),
    /// Anything else but `null`.
    Other(Box<Value>),
}

/// `deserialize_with` for an optional weight (`null` is none); the field
/// needs `#[serde(default)]`. A number is read straight to `f64`: weights
/// are most of a large map's numbers, and [`Data`] would keep each one's
/// text (`arbitrary_precision`).
pub(crate) fn optional_weight<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<RawWeight>, D::Error> {
    struct WeightVisitor;
    impl<'de> Visitor<'de> for WeightVisitor {
        type Value = Option<RawWeight>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a weight")
        }
        fn visit_u64<E>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Ok(Some(RawWeight::Number(v as f64)))
        }
        fn visit_i64<E>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Ok(Some(RawWeight::Number(v as f64)))
        }
        fn visit_f64<E>(self, v: f64) -> std::result::Result<Self::Value, E> {
            Ok(Some(RawWeight::Number(v)))
        }
        fn visit_unit<E>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let first = map.next_key::<String>()?;
            if first.as_deref() == Some(NUMBER_TOKEN) {
                let text = map.next_value::<std::borrow::Cow<'_, str>>()?;
                return match text.parse::<f64>() {
                    Ok(x) if x.is_finite() => Ok(Some(RawWeight::Number(x))),
                    _ => Ok(Some(RawWeight::Other(Box::new(Value::String(
                        text.into_owned(),
                    ))))),
                };
            }
            read_object_from(first, map).map(|v| Some(RawWeight::Other(Box::new(v))))
        }
        fn visit_bool<E>(self, v: bool) -> std::result::Result<Self::Value, E> {
            Ok(Some(RawWeight::Other(Box::new(Value::Bool(v)))))
        }
        fn visit_str<E>(self, v: &str) -> std::result::Result<Self::Value, E> {
            Ok(Some(RawWeight::Other(Box::new(Value::String(
                v.to_owned(),
            )))))
        }
        fn visit_seq<A: SeqAccess<'de>>(
            self,
            seq: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            DataVisitor
                .visit_seq(seq)
                .map(|v| Some(RawWeight::Other(Box::new(v))))
        }
    }
    d.deserialize_any(WeightVisitor)
}

fn repeated_key<E: de::Error>(key: &str) -> E {
    E::custom(format_args!(
        "the key {key:?} is repeated in the same object (each key may appear once)"
    ))
}

/// A JSON object read as `(key, value)` entries in document order, each
/// key once (a repeated key is refused where it stands). For the objects
/// whose keys are names the reader needs, such as Argdown's statements.
pub(crate) struct Entries<T>(pub(crate) Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Entries<T>, A::Error> {
                let mut entries: Vec<(String, T)> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                while let Some(key) = map.next_key::<String>()? {
                    if !seen.insert(key.clone()) {
                        return Err(repeated_key(&key));
                    }
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(EntriesVisitor(PhantomData))
    }
}

/// A value that must be a JSON object: `T` read from its entries. serde's
/// derived structs also take arrays (`["a", "claim"]` as a node); this
/// refuses them with `T`'s own words for what it expects.
pub(crate) struct ObjectOnly<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        T::deserialize(StructAsMap(d)).map(ObjectOnly)
    }
}

/// A deserializer that asks for a map where a struct is asked for (so a
/// derived struct's visitor sees no array), and is `D` otherwise.
struct StructAsMap<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for StructAsMap<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> std::result::Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct enum identifier ignored_any
    }
}

/// `deserialize_with` for an array of objects: each entry must be an
/// object (see [`ObjectOnly`]).
pub(crate) fn objects<'de, D, T>(d: D) -> std::result::Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let entries = Vec::<ObjectOnly<T>>::deserialize(d)?;
    Ok(entries.into_iter().map(|o| o.0).collect())
}

/// An array of objects (as [`objects`] reads them) kept in blocks of
/// [`Blocks::BLOCK`] entries that never move once read. serde's `Vec`
/// starts small and doubles, copying what it holds each time: on the
/// 300,000 edges of a 10^5-node map that copying, and the fresh memory
/// each copy touches, took about a tenth of the time `argraph dot` spent
/// (`benches/floors.py`, floor c). For the readers' largest arrays, which
/// are read once, in order.
pub(crate) struct Blocks<T> {
    blocks: Vec<Vec<T>>,
    len: usize,
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Blocks {
            blocks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Blocks<T> {
    /// Entries per block: large enough that a block's allocation is
    /// rare, small enough that the last one wastes little.
    const BLOCK: usize = 4096;

    /// The number of entries. O(1).
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The entries, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &T> {
        self.blocks.iter().flatten()
    }

    /// Adds an entry at the end. O(1).
    pub(crate) fn push(&mut self, value: T) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < Self::BLOCK => block.push(value),
            _ => {
                let mut block = Vec::with_capacity(Self::BLOCK);
                block.push(value);
                self.blocks.push(block);
            }
        }
        self.len += 1;
    }
}

impl<T> IntoIterator for Blocks<T> {
    type Item = T;
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Vec<T>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.blocks.into_iter().flatten()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Blocks<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct BlocksVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for BlocksVisitor<T> {
            type Value = Blocks<T>;
            // What serde's `Vec` says, so that messages stay the same.
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Blocks<T>, A::Error> {
                let mut blocks = Blocks::default();
                while let Some(ObjectOnly(value)) = seq.next_element()? {
                    blocks.push(value);
                }
                Ok(blocks)
            }
        }
        d.deserialize_seq(BlocksVisitor(PhantomData))
    }
}

/// [`objects`], where `null` is no array (`None`).
pub(crate) fn optional_objects<'de, D, T>(d: D) -> std::result::Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let entries = Option::<Vec<ObjectOnly<T>>>::deserialize(d)?;
    Ok(entries.map(|v| v.into_iter().map(|o| o.0).collect()))
}

/// Refuses at once a document that is not a JSON object (an array, a
/// string, a number, `null`), saying what it must be: `expected` is e.g.
/// `an argraph JSON document (an object with "argraph": 1 and "nodes")`.
/// `format` is the error's format.
pub(crate) fn expect_object(bytes: &[u8], format: &'static str, expected: &str) -> Result<()> {
    let Some(i) = bytes.iter().position(|b| !b" \t\r\n".contains(b)) else {
        return Err(Error::parse(
            format,
            crate::error::ParseCategory::Eof,
            1,
            1,
            format!("the input is empty; expected {expected}"),
        ));
    };
    let rest = &bytes[i..];
    let literal = |word: &[u8]| {
        rest.starts_with(word)
            && rest
                .get(word.len())
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    };
    let found = match rest[0] {
        b'{' => return Ok(()),
        b'[' => "an array",
        b'"' => "a string",
        b'-' | b'0'..=b'9' => "a number",
        _ if literal(b"null") => "null",
        _ if literal(b"true") || literal(b"false") => "a boolean",
        // Not JSON at all: the parser says where it breaks.
        _ => return Ok(()),
    };
    let (line, column) = line_column(bytes, i);
    Err(Error::parse(
        format,
        crate::error::ParseCategory::Data,
        line,
        column,
        format!("this document is {found}, not {expected}"),
    ))
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - start + 1)
}

/// A `serde_json` error of a reader of `format`, with where in the
/// document it stands: `nodes[3] (id "a") > data` (found by scanning the
/// input up to the error's line and column; only on error).
pub(crate) fn json_error(e: serde_json::Error, bytes: &[u8], format: &'static str) -> Error {
    use serde_json::error::Category;
    let located = matches!(e.classify(), Category::Data | Category::Syntax) && e.line() > 0;
    let context = located
        .then(|| offset_of(bytes, e.line(), e.column()))
        .flatten()
        .and_then(|offset| path_at(bytes, offset));
    let error = Error::json(e, format);
    match context {
        Some(path) => error.with_context(&format!("in {path}")),
        None => error,
    }
}

/// The byte offset of 1-based `line` and `column` (serde_json counts
/// columns in bytes).
fn offset_of(bytes: &[u8], line: usize, column: usize) -> Option<usize> {
    let start = if line == 1 {
        0
    } else {
        let (nl, _) = bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)?;
        nl + 1
    };
    Some((start + column).min(bytes.len()))
}

/// One open array or object on the way to an offset.
struct Frame {
    array: bool,
    /// For an object: the key being read or last read; for an array: the
    /// index of the entry being read.
    key: Option<String>,
    index: usize,
    /// The first `id`, `nodeID`, `edgeID` or `title` of an object, when a
    /// string: how the entry names itself.
    name: Option<(String, String)>,
}

/// The path to the value at `offset`: `nodes[3] (nodeID "12") > data > "k"`.
/// `None` at the top level.
fn path_at(bytes: &[u8], offset: usize) -> Option<String> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    // Whether the string just read is an object's key.
    let mut expect_key = false;
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'{' | b'[' => {
                let array = bytes[i] == b'[';
                stack.push(Frame {
                    array,
                    key: None,
                    index: 0,
                    name: None,
                });
                expect_key = !array;
            }
            // serde_json's column is that of the last byte read: an object
            // closed there is the place of the error.
            b'}' | b']' if i + 1 < offset => {
                stack.pop();
                expect_key = false;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    if top.array {
                        top.index += 1;
                    } else {
                        expect_key = true;
                    }
                }
            }
            b'"' => {
                let (text, end) = scan_string(bytes, i);
                if let Some(top) = stack.last_mut() {
                    if expect_key && !top.array {
                        top.key = Some(text);
                        expect_key = false;
                    } else if !top.array && top.name.is_none() {
                        let key = top.key.as_deref().unwrap_or("");
                        if matches!(key, "id" | "nodeID" | "edgeID" | "title") {
                            top.name = Some((key.to_owned(), text));
                        }
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    render_path(&stack)
}

/// The string starting at `bytes[start]` (a `"`), unescaped loosely, and
/// the offset after it.
fn scan_string(bytes: &[u8], start: usize) -> (String, usize) {
    let mut j = start + 1;
    while j < bytes.len() && bytes[j] != b'"' {
        j += if bytes[j] == b'\\' { 2 } else { 1 };
    }
    let raw = &bytes[start + 1..j.min(bytes.len())];
    let text = serde_json::from_slice::<String>(&bytes[start..(j + 1).min(bytes.len())])
        .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned());
    (text, j + 1)
}

fn render_path(stack: &[Frame]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for (depth, frame) in stack.iter().enumerate() {
        if frame.array {
            let last = parts.pop().unwrap_or_default();
            parts.push(format!("{last}[{}]", frame.index));
            continue;
        }
        if let (Some((k, v)), Some(p)) = (&frame.name, parts.last_mut()) {
            p.push_str(&format!(" ({k} {v:?})"));
        }
        let Some(key) = &frame.key else { continue };
        // Argdown's statements and arguments are named by their keys.
        let entry = match (depth, parts.last().map(String::as_str)) {
            (1, Some("statements")) => Some("statement"),
            (1, Some("arguments")) => Some("argument"),
            _ => None,
        };
        if let Some(entry) = entry {
            *parts.last_mut().expect("matched") = format!("{entry} {key:?}");
        } else if is_plain(key) {
            parts.push(key.clone());
        } else {
            parts.push(format!("{key:?}"));
        }
    }
    let path = parts.join(" > ");
    (!path.is_empty()).then_some(path)
}

fn is_plain(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::{objects, Blocks};
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Entry {
        n: usize,
    }

    #[derive(Deserialize)]
    struct WithBlocks {
        entries: Blocks<Entry>,
    }

    #[derive(Deserialize)]
    struct WithVec {
        #[serde(deserialize_with = "objects")]
        #[allow(dead_code)] // read only for its errors
        entries: Vec<Entry>,
    }

    #[test]
    fn blocks_keep_every_entry_in_order_across_blocks() {
        let n = 3 * Blocks::<Entry>::BLOCK + 5;
        let list: Vec<String> = (0..n).map(|i| format!("{{\"n\": {i}}}")).collect();
        let doc = format!("{{\"entries\": [{}]}}", list.join(","));
        let read: WithBlocks = serde_json::from_str(&doc).unwrap();
        assert_eq!(read.entries.len(), n);
        assert!(read.entries.iter().enumerate().all(|(i, e)| e.n == i));
        let taken: Vec<Entry> = read.entries.into_iter().collect();
        assert_eq!(taken.len(), n);
        assert_eq!(taken[n - 1], Entry { n: n - 1 });
    }

    #[test]
    fn blocks_refuse_what_objects_refuse_in_the_same_words() {
        for doc in [
            r#"{"entries": 5}"#,
            r#"{"entries": [{"n": 1}, [2]]}"#,
            r#"{"entries": [{"n": 1}, {"m": 2}]}"#,
            r#"{"entries": [{"n": 1}"#,
        ] {
            let blocks = serde_json::from_str::<WithBlocks>(doc).err().unwrap();
            let vec = serde_json::from_str::<WithVec>(doc).err().unwrap();
            assert_eq!(blocks.to_string(), vec.to_string(), "{doc}");
        }
    }
}
