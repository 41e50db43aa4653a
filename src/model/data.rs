//! The `data` of a node or edge: the user's own fields, as a JSON value.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// A node's or edge's `data`, never `null`.
///
/// Values set through the API are kept as they are. Readers of large files
/// keep what they read as its compact text instead, parsed into a `Value`
/// the first time someone asks: a `Value` tree costs a map (two
/// allocations) per object and a string per key, which for an AIF corpus
/// is most of the time and memory of a conversion that never looks at the
/// fields. Writing the text needs no tree at all.
#[derive(Clone)]
pub(crate) enum Data {
    /// Set through the API, or read from argraph JSON. (Boxed, as the
    /// text is: a `Value` is 72 bytes, which every node and edge without
    /// data would pay.)
    Value(Box<Value>),
    /// Composed by a reader.
    Text(Box<Text>),
}

/// Canonical text: `json` is exactly what `serde_json` writes in compact
/// form for the value it holds: no whitespace, strings escaped as
/// `serde_json` escapes them, numbers as it prints them, each key once per
/// object. Writers rely on that to copy it (compact) or re-indent it
/// (pretty) instead of serialising a tree.
#[derive(Clone)]
pub(crate) struct Text {
    json: Box<RawValue>,
    /// Boxed: most texts are written and never parsed.
    value: OnceLock<Box<Value>>,
}

impl Data {
    /// `None` for `null`, which clears the field.
    pub(crate) fn from_value(value: Value) -> Option<Data> {
        (!value.is_null()).then(|| Data::Value(Box::new(value)))
    }

    /// Data from canonical compact text (see [`Data::Text`]); the callers
    /// compose it from parsed pieces. Fails only if `json` is not JSON.
    pub(crate) fn from_canonical(json: String) -> serde_json::Result<Data> {
        Ok(Data::Text(Box::new(Text {
            json: RawValue::from_string(json)?,
            value: OnceLock::new(),
        })))
    }

    /// The value, parsed from the text on first use. O(size of the text)
    /// the first time, O(1) after.
    pub(crate) fn value(&self) -> &Value {
        match self {
            Data::Value(v) => v,
            Data::Text(t) => t.value.get_or_init(|| Box::new(parse(t.json.get()))),
        }
    }
}

/// Parses canonical text. The text was checked to be JSON when it was
/// made, so the only way to fail is nesting deeper than `serde_json`'s
/// default limit of 128 levels: a reader checks each piece against that
/// limit and then nests it a few levels deeper, so the limit is lifted here
/// (the depth stays bounded, so does the stack).
fn parse(json: &str) -> Value {
    let mut de = serde_json::Deserializer::from_str(json);
    de.disable_recursion_limit();
    // Unreachable for valid JSON; `Null` rather than a panic if it ever were.
    Value::deserialize(&mut de).unwrap_or(Value::Null)
}

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        self.value() == other.value()
    }
}

impl fmt::Debug for Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value().fmt(f)
    }
}

/// For `serde_json`'s serialisers only: the text is written as a raw
/// fragment, which the compact formatter copies and argraph's pretty
/// formatter re-indents.
impl Serialize for Data {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Data::Value(v) => v.serialize(s),
            Data::Text(t) => t.json.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_value_are_equal_when_their_values_are() {
        let v = serde_json::json!({"aif": {"nodeID": "1"}, "n": [1, 2.5, null]});
        let t = Data::from_canonical(serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(t.value(), &v);
        assert_eq!(t, Data::Value(Box::new(v.clone())));
        assert_eq!(format!("{t:?}"), format!("{v:?}"));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            serde_json::to_string(&v).unwrap()
        );
        assert!(Data::from_canonical("{\"a\":".into()).is_err());
        assert!(Data::from_value(Value::Null).is_none());
    }

    #[test]
    fn deep_text_parses_past_the_reader_limit() {
        let deep = format!("{}1{}", "[".repeat(140), "]".repeat(140));
        let t = Data::from_canonical(deep.clone()).unwrap();
        assert_eq!(serde_json::to_string(t.value()).unwrap(), deep);
    }
}
