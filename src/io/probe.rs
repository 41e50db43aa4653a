//! Which format a JSON document is in, from its top-level keys (and the
//! keys of its first node): [`Probe`], read strictly by `serde_json` or by
//! a quick scan of the structure.

use std::borrow::Cow;
use std::fmt;

use memchr::memchr2;
use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::convert::Format;
use crate::error::{Error, ErrorKind, Result};

/// What the top-level keys of a JSON document say about its format.
#[derive(Default, Debug, PartialEq, Eq)]
pub(crate) struct Probe {
    argraph_version: bool,
    argraph_ext: bool,
    wrapped_aif: bool,
    nodes: bool,
    node_id: bool,
    node_kind: bool,
    locutions: bool,
    argdown: bool,
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Probe, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Probe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Probe, A::Error> {
                let mut p = Probe::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "argraph" => match map.next_value::<serde_json::Value>()? {
                            serde_json::Value::Object(_) => p.argraph_ext = true,
                            _ => p.argraph_version = true,
                        },
                        "AIF" | "aif" => {
                            map.next_value::<IgnoredAny>()?;
                            p.wrapped_aif = true;
                        }
                        "nodes" => {
                            p.nodes = true;
                            let first = map.next_value::<FirstNode>()?;
                            p.node_id |= first.node_id;
                            p.node_kind |= first.kind;
                        }
                        "locutions" => {
                            map.next_value::<IgnoredAny>()?;
                            p.locutions = true;
                        }
                        "statements" | "arguments" => {
                            map.next_value::<IgnoredAny>()?;
                            p.argdown = true;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(p)
            }
        }
        d.deserialize_map(V)
    }
}

/// Which keys the first node of an array has: AIF's `nodeID`, or
/// argraph's `kind`.
#[derive(Default)]
struct FirstNode {
    node_id: bool,
    kind: bool,
}

impl<'de> Deserialize<'de> for FirstNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Seq;
        impl<'de> Visitor<'de> for Seq {
            type Value = FirstNode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of nodes")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<FirstNode, A::Error> {
                let first = seq
                    .next_element::<Keys>()?
                    .map_or_else(FirstNode::default, |k| k.0);
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(first)
            }
            fn visit_unit<E>(self) -> std::result::Result<FirstNode, E> {
                Ok(FirstNode::default())
            }
        }
        struct Keys(FirstNode);
        impl<'de> Deserialize<'de> for Keys {
            fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                struct M;
                impl<'de> Visitor<'de> for M {
                    type Value = Keys;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a node")
                    }
                    fn visit_map<A: MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> std::result::Result<Keys, A::Error> {
                        let mut found = FirstNode::default();
                        while let Some(k) = map.next_key::<String>()? {
                            found.node_id |= k == "nodeID";
                            found.kind |= k == "kind";
                            map.next_value::<IgnoredAny>()?;
                        }
                        Ok(Keys(found))
                    }
                }
                d.deserialize_any(M)
            }
        }
        d.deserialize_any(Seq)
    }
}

impl Probe {
    /// Reads the document with `serde_json`: every byte is checked, and
    /// an error names the line and column of the first problem.
    /// O(input size).
    pub(crate) fn strict(bytes: &[u8]) -> Result<Probe> {
        serde_json::from_slice(strip_bom(bytes)).map_err(|e| super::aif::json_error(e, "JSON"))
    }

    /// Scans the structure only: strings are skipped (found with `memchr`,
    /// not unescaped or checked), and so are numbers and literals, several
    /// times faster than [`Probe::strict`]; keys are unescaped, as `strict`
    /// compares them. `None` when it meets what it leaves to `strict`:
    /// `"nodes"` neither an array nor `null`, a first node that is not an
    /// object, anything after the end, a key with a bad escape.
    ///
    /// On valid JSON its answer is `strict`'s (a property test holds it to
    /// that). On invalid JSON it may answer anything: a caller that goes on
    /// with its answer must parse the whole document (every reader does)
    /// and, if that fails, report `strict`'s error. O(input size).
    pub(crate) fn quick(bytes: &[u8]) -> Option<Probe> {
        let mut s = Scan {
            b: strip_bom(bytes),
            i: 0,
        };
        let mut p = Probe::default();
        s.expect(b'{')?;
        if s.peek()? == b'}' {
            s.i += 1;
        } else {
            loop {
                let key = s.key()?;
                match &*key {
                    b"argraph" => {
                        if s.peek()? == b'{' {
                            p.argraph_ext = true;
                        } else {
                            p.argraph_version = true;
                        }
                        s.value()?;
                    }
                    b"AIF" | b"aif" => {
                        p.wrapped_aif = true;
                        s.value()?;
                    }
                    b"nodes" => {
                        p.nodes = true;
                        let (id, kind) = s.first_node()?;
                        p.node_id |= id;
                        p.node_kind |= kind;
                    }
                    b"locutions" => {
                        p.locutions = true;
                        s.value()?;
                    }
                    b"statements" | b"arguments" => {
                        p.argdown = true;
                        s.value()?;
                    }
                    _ => s.value()?,
                }
                match s.next()? {
                    b',' => continue,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        s.ws();
        (s.i == s.b.len()).then_some(p)
    }

    /// The format the keys say, or an error naming what was expected.
    pub(crate) fn format(&self) -> Result<Format> {
        if self.argraph_version {
            Ok(Format::Argraph)
        } else if self.wrapped_aif {
            Ok(Format::Ova)
        } else if self.node_id || self.locutions || (self.nodes && self.argraph_ext) {
            Ok(Format::Aif)
        } else if self.argdown {
            Ok(Format::Argdown)
        } else if self.node_kind {
            // argraph's nodes without the version key, which the argraph
            // reader reports precisely.
            Ok(Format::Argraph)
        } else if self.nodes {
            Ok(Format::Aif)
        } else {
            Err(Error::new(ErrorKind::InvalidInput(
                "cannot tell the format from the content: expected argraph JSON (\"argraph\": 1), \
                 AIF (\"nodes\" with \"nodeID\", or \"AIF\": {…}) or Argdown JSON (\"statements\", \
                 \"arguments\"); name the format with --from"
                    .into(),
            )))
        }
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// A cursor over JSON text for [`Probe::quick`]. Every method returns
/// `None` where the text is not what it expects.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.b.get(self.i).copied()
    }

    /// The next byte that is not whitespace, consumed.
    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    /// A string, from its opening quote: its raw bytes, and whether it
    /// has an escape.
    fn string(&mut self) -> Option<(&'a [u8], bool)> {
        self.expect(b'"')?;
        let start = self.i;
        let mut escaped = false;
        loop {
            let k = self.i + memchr2(b'"', b'\\', &self.b[self.i..])?;
            if self.b[k] == b'"' {
                self.i = k + 1;
                return Some((&self.b[start..k], escaped));
            }
            escaped = true;
            self.i = k + 2;
            if self.i > self.b.len() {
                return None;
            }
        }
    }

    /// An object key and its colon, unescaped (`strict` compares keys
    /// unescaped); `None` for a bad escape.
    fn key(&mut self) -> Option<Cow<'a, [u8]>> {
        let (key, escaped) = self.string()?;
        let key = if escaped {
            // With its quotes: the string `string` just read.
            let quoted = &self.b[self.i - key.len() - 2..self.i];
            Cow::Owned(serde_json::from_slice::<String>(quoted).ok()?.into_bytes())
        } else {
            Cow::Borrowed(key)
        };
        self.expect(b':')?;
        Some(key)
    }

    /// Skips a value of any kind.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                        }
                        b'{' | b'[' => {
                            depth += 1;
                            self.i += 1;
                        }
                        b'}' | b']' => {
                            depth -= 1;
                            self.i += 1;
                            if depth == 0 {
                                return Some(());
                            }
                        }
                        _ => self.i += 1,
                    }
                }
            }
            _ => self.scalar(),
        }
    }

    /// Skips a number or a literal: the bytes up to the next delimiter.
    fn scalar(&mut self) -> Option<()> {
        let start = self.i;
        while self.i < self.b.len()
            && !matches!(
                self.b[self.i],
                b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
            )
        {
            self.i += 1;
        }
        (self.i > start).then_some(())
    }

    /// The value of `"nodes"`: whether its first node has `nodeID` and
    /// `kind` keys. `null` and `[]` have neither; another value, or a first
    /// node that is not an object, is left to `strict`.
    fn first_node(&mut self) -> Option<(bool, bool)> {
        match self.peek()? {
            b'n' => {
                let null = self.b[self.i..].starts_with(b"null");
                self.i += 4;
                return null.then_some((false, false));
            }
            b'[' => self.i += 1,
            _ => return None,
        }
        if self.peek()? == b']' {
            self.i += 1;
            return Some((false, false));
        }
        let (mut id, mut kind) = (false, false);
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            self.i += 1;
        } else {
            loop {
                let key = self.key()?;
                id |= *key == *b"nodeID";
                kind |= *key == *b"kind";
                self.value()?;
                match self.next()? {
                    b',' => continue,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        // The other nodes: skipped to the array's end.
        loop {
            match self.next()? {
                b',' => self.value()?,
                b']' => return Some((id, kind)),
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (-1e300f64..1e300).prop_map(Value::from),
            // Quotes, escapes, brackets and commas inside strings.
            r#"[a-z"\\\[\]{},: é\n]{0,8}"#.prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((r#"[a-zA-Z"\\]{0,4}|nodeID|kind"#, inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
            ]
        })
    }

    /// Documents like the ones `detect` sees: the keys it looks for (and
    /// one that must be escaped), with values of any shape.
    fn document() -> impl Strategy<Value = Value> {
        let key = prop_oneof![
            Just("argraph"),
            Just("AIF"),
            Just("aif"),
            Just("nodes"),
            Just("locutions"),
            Just("statements"),
            Just("arguments"),
            Just("edges"),
            Just("x\"y"),
        ];
        let value = prop_oneof![
            json(),
            prop::collection::vec(json(), 0..4).prop_map(Value::Array),
            Just(serde_json::json!({"version": 1})),
        ];
        prop::collection::vec((key, value), 0..6)
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn quick_answers_as_strict_on_valid_json(doc in document(), pretty: bool, bom: bool) {
            let mut text = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
            if pretty {
                serde_json::to_writer_pretty(&mut text, &doc).unwrap();
            } else {
                serde_json::to_writer(&mut text, &doc).unwrap();
            }
            let strict = Probe::strict(&text).ok();
            match Probe::quick(&text) {
                Some(q) => prop_assert_eq!(Some(q), strict),
                // Left to strict: a `nodes` that strict rejects.
                None => prop_assert!(
                    strict.is_none(),
                    "quick gave up on {}", String::from_utf8_lossy(&text)
                ),
            }
        }
    }

    #[test]
    fn quick_leaves_to_strict_what_it_does_not_check() {
        for text in [
            &br#"{"nodes": 3}"#[..],
            br#"{"nodes": [1]}"#,
            br#"{"nodes": []} x"#,
            br#"[1, 2]"#,
            br#"{"nodes": ["#,
            b"",
        ] {
            assert_eq!(
                Probe::quick(text),
                None,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
        // Invalid JSON it does not check: an answer all the same.
        let aif = Probe::quick(br#"{"nodes": [{"nodeID": 1}, {"x" 2}]}"#).unwrap();
        assert_eq!(aif.format().unwrap(), Format::Aif);
    }
}
