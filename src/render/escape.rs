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
/// passes through unchanged. O(len).
pub(crate) fn escape(out: &mut Vec<u8>, s: &str, mode: Mode) {
    let special = match mode {
        Mode::Quoted => &SPECIAL_QUOTED,
        Mode::Html => &SPECIAL_HTML,
    };
    let bytes = s.as_bytes();
    // The start of the bytes not copied yet.
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if special[usize::from(b)] {
            out.extend_from_slice(&bytes[copied..i]);
            push_replacement(out, b, mode);
            copied = i + 1;
        }
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// The bytes [`escape`] replaces in `mode`, as a table: a lookup a byte is
/// several times faster than a chain of comparisons. ASCII only, so a
/// multi-byte character always passes through whole.
const fn special_bytes(mode: Mode) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        table[b] = c < 0x20
            || c == 0x7f
            || c == b'"'
            || match mode {
                Mode::Quoted => c == b'\\',
                Mode::Html => c == b'&' || c == b'<' || c == b'>',
            };
        b += 1;
    }
    table
}

static SPECIAL_QUOTED: [bool; 256] = special_bytes(Mode::Quoted);
static SPECIAL_HTML: [bool; 256] = special_bytes(Mode::Html);

fn push_replacement(out: &mut Vec<u8>, b: u8, mode: Mode) {
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
        // DEL's picture is U+2421.
        (0x7f, _) => out.extend_from_slice("\u{2421}".as_bytes()),
        // Any other control character: its picture U+2400 + code, in UTF-8.
        (control, _) => out.extend_from_slice(&[0xE2, 0x90, 0x80 | (control & 0x1f)]),
    }
}

/// `s` as a complete double-quoted DOT string, quotes included.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    escape(&mut out, s, Mode::Quoted);
    out.push(b'"');
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// `open`, `text` escaped for an HTML-like label, `close`.
pub(crate) fn html(open: &str, text: &str, close: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(open.len() + text.len() + close.len());
    push_html(&mut out, open, text, close);
    out
}

/// Appends `open`, `text` escaped for an HTML-like label, and `close`.
pub(crate) fn push_html(out: &mut Vec<u8>, open: &str, text: &str, close: &str) {
    out.extend_from_slice(open.as_bytes());
    escape(out, text, Mode::Html);
    out.extend_from_slice(close.as_bytes());
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
        assert_eq!(esc("\u{1b}\u{1f}", Mode::Quoted), "\u{241b}\u{241f}");
    }

    /// What `escape` does, one character at a time.
    fn reference(s: &str, mode: Mode) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match (c, mode) {
                ('"', Mode::Quoted) => out.push_str("\\\""),
                ('\\', Mode::Quoted) => out.push_str("\\\\"),
                ('\n', Mode::Quoted) => out.push_str("\\n"),
                ('"', Mode::Html) => out.push_str("&quot;"),
                ('&', Mode::Html) => out.push_str("&amp;"),
                ('<', Mode::Html) => out.push_str("&lt;"),
                ('>', Mode::Html) => out.push_str("&gt;"),
                ('\n', Mode::Html) => out.push_str("<BR/>"),
                ('\r', _) => {}
                ('\t', _) => out.push(' '),
                ('\u{7f}', _) => out.push('\u{2421}'),
                (c, _) if c < ' ' => out.push(char::from_u32(0x2400 + c as u32).unwrap()),
                (c, _) => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escape_matches_the_reference(s in "[a-z \"\\\\&<>\u{0}-\u{1f}\u{7f}é—🌍]{0,50}") {
            for mode in [Mode::Quoted, Mode::Html] {
                proptest::prop_assert_eq!(esc(&s, mode), reference(&s, mode));
            }
        }
    }

    #[test]
    fn unicode_passes_through() {
        let s = "Россия — “Afghanistan” ¶2 🌍";
        assert_eq!(esc(s, Mode::Quoted), s);
        assert_eq!(esc(s, Mode::Html), s);
    }
}
