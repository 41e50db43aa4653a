//! The one escaping helper: every string that reaches DOT goes through
//! [`escape`], because graphviz-rust prints identifiers raw.

/// How a string is embedded in DOT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Inside a double-quoted DOT string (ids, tooltips): `"` and `\` are
    /// backslash-escaped (a lone `\` would start one of Graphviz's `\N`,
    /// `\G`, `\l` escapes), a newline becomes `\n`.
    Quoted,
    /// Inside an HTML-like label `<…>`: `&`, `<`, `>`, `"` become entities,
    /// a newline becomes `<BR/>`.
    Html,
}

/// Appends `s` to `out`, escaped for `mode`. Control characters (which
/// neither DOT strings nor HTML labels can carry) become their visible
/// Unicode "control picture" (U+2400 + code), tabs become spaces, and
/// carriage returns are dropped; everything else, any Unicode included,
/// passes through unchanged. O(len) with a fast path for runs of plain bytes.
pub(crate) fn escape(out: &mut Vec<u8>, s: &str, mode: Mode) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let plain = match b {
            b'"' | b'\n' | b'\r' | b'\t' | 0x7f => false,
            b'\\' => mode == Mode::Html,
            b'&' | b'<' | b'>' => mode == Mode::Quoted,
            _ => b >= 0x20,
        };
        if plain {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match (b, mode) {
            (b'"', Mode::Quoted) => out.extend_from_slice(b"\\\""),
            (b'\\', Mode::Quoted) => out.extend_from_slice(b"\\\\"),
            (b'\n', Mode::Quoted) => out.extend_from_slice(b"\\n"),
            (b'"', Mode::Html) => out.extend_from_slice(b"&quot;"),
            (b'&', Mode::Html) => out.extend_from_slice(b"&amp;"),
            (b'<', Mode::Html) => out.extend_from_slice(b"&lt;"),
            (b'>', Mode::Html) => out.extend_from_slice(b"&gt;"),
            (b'\n', Mode::Html) => out.extend_from_slice(b"<BR/>"),
            (b'\r', _) => {}
            (b'\t', _) => out.push(b' '),
            (0x7f, _) => out.extend_from_slice("\u{2421}".as_bytes()),
            (c, _) => {
                let picture = char::from_u32(0x2400 + u32::from(c)).expect("valid code point");
                let mut buf = [0u8; 4];
                out.extend_from_slice(picture.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// `s` as a complete double-quoted DOT string, quotes included.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    escape(&mut out, s, Mode::Quoted);
    out.push(b'"');
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str, mode: Mode) -> String {
        let mut out = Vec::new();
        escape(&mut out, s, mode);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quoted_mode_escapes_quotes_backslashes_newlines() {
        assert_eq!(esc(r#"a "b" \N c"#, Mode::Quoted), r#"a \"b\" \\N c"#);
        assert_eq!(esc("x\ny\r\tz", Mode::Quoted), "x\\ny z");
        assert_eq!(esc("<&>", Mode::Quoted), "<&>");
    }

    #[test]
    fn html_mode_uses_entities() {
        assert_eq!(
            esc("a<b & \"c\">\nd", Mode::Html),
            "a&lt;b &amp; &quot;c&quot;&gt;<BR/>d"
        );
        assert_eq!(esc(r"\N", Mode::Html), r"\N");
    }

    #[test]
    fn control_characters_become_visible_pictures() {
        assert_eq!(esc("a\u{1}b\u{7f}", Mode::Html), "a\u{2401}b\u{2421}");
        assert_eq!(esc("\u{0}", Mode::Quoted), "\u{2400}");
    }

    #[test]
    fn unicode_passes_through() {
        let s = "Россия — “Afghanistan” ¶2 🌍";
        assert_eq!(esc(s, Mode::Quoted), s);
        assert_eq!(esc(s, Mode::Html), s);
    }
}
