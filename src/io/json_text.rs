//! Compact JSON text written piece by piece, byte for byte what
//! `serde_json::to_string` writes for the same value: readers compose
//! [`Data`](crate::model::Data) text with it instead of building `Value`s.

/// serde_json's escapes: `\"`, `\\`, the short forms of five control
/// characters, `\u00xx` for the other control characters; nothing else.
const ESCAPE: [u8; 32] = [
    b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'b', b't', b'n', b'u', b'f', b'r', b'u', b'u',
    b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u',
];

/// Appends `s` as a JSON string. O(len).
pub(crate) fn push_str(out: &mut String, s: &str) {
    out.push('"');
    let mut run = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0..=0x1f => ESCAPE[b as usize],
            _ => continue,
        };
        // `i` is an ASCII byte, so a character boundary.
        out.push_str(&s[run..i]);
        out.push('\\');
        out.push(char::from(short));
        if short == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        run = i + 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

/// An object being written: `{` on creation, `}` on [`Object::end`].
pub(crate) struct Object<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Object<'a> {
    pub(crate) fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, first: true }
    }

    /// Continues an object whose `{` and at least one entry `out` ends with.
    pub(crate) fn reopen(out: &'a mut String) -> Object<'a> {
        Object { out, first: false }
    }

    /// Writes `"key":` and returns the buffer for the value, which the
    /// caller must write next (as one JSON value).
    pub(crate) fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        push_str(self.out, key);
        self.out.push(':');
        self.out
    }

    /// A key with a string value.
    pub(crate) fn str(&mut self, key: &str, value: &str) {
        push_str(self.key(key), value);
    }

    pub(crate) fn end(self) {
        self.out.push('}');
    }
}

/// Appends the elements (each already JSON text) as an array.
pub(crate) fn push_array<'s>(out: &mut String, items: impl IntoIterator<Item = &'s str>) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(item);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "\\PC*|[\\x00-\\x7f]*") {
            let mut out = String::new();
            push_str(&mut out, &s);
            prop_assert_eq!(out, serde_json::to_string(&s).unwrap());
        }
    }

    #[test]
    fn every_control_character_and_quote() {
        let s: String = (0u8..0x80).map(char::from).collect();
        let mut out = String::new();
        push_str(&mut out, &s);
        assert_eq!(out, serde_json::to_string(&s).unwrap());
    }

    #[test]
    fn objects_and_arrays() {
        let mut out = String::new();
        let mut o = Object::new(&mut out);
        o.str("a\"", "x\ny");
        push_array(o.key("list"), ["1", "{}"]);
        o.end();
        let v = serde_json::json!({"a\"": "x\ny", "list": [1, {}]});
        assert_eq!(out, serde_json::to_string(&v).unwrap());
    }
}
