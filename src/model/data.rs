//! The `data` of a node or edge: the user's own fields, as a JSON value.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A node's or edge's `data`: a JSON value, never `null`. Boxed because
/// most nodes and edges have none, and a `Value` is 72 bytes.
#[derive(Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub(crate) struct Data(Box<Value>);

impl Data {
    /// `None` for `null`, which clears the field.
    pub(crate) fn from_value(value: Value) -> Option<Data> {
        (!value.is_null()).then(|| Data(Box::new(value)))
    }

    /// Data from JSON text the AIF reader composes from parsed pieces.
    /// Each piece was read under serde_json's limit of 128 levels and the
    /// reader nests them a few levels deeper, so the limit is lifted here
    /// (the depth stays bounded, so does the stack). O(its size).
    pub(crate) fn from_canonical(json: String) -> serde_json::Result<Data> {
        let mut de = serde_json::Deserializer::from_str(&json);
        de.disable_recursion_limit();
        let value = Value::deserialize(&mut de)?;
        de.end()?;
        Ok(Data(Box::new(value)))
    }

    pub(crate) fn value(&self) -> &Value {
        &self.0
    }
}

/// As the value: a node's `Debug` shows its data as it shows a `Value`.
impl fmt::Debug for Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_gives_its_value() {
        let v = serde_json::json!({"aif": {"nodeID": "1"}, "n": [1, 2.5, null]});
        let t = Data::from_canonical(serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(t.value(), &v);
        assert_eq!(Some(t.clone()), Data::from_value(v.clone()));
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
