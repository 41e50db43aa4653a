//! The one escaping helper: every string that reaches DOT goes through
//! [`escape`], because graphviz-rust prints identifiers raw.
//!
//! What Graphviz does to a string depends on where it stands, so there is a
//! mode per place; each one undoes, exactly, what Graphviz will do there:
//!
//! * a quoted DOT string loses the backslash of `\"` (and keeps `\\` as it
//!   is): every mode writes `"` as `\"`;
//! * a node name is used as it is and shown in the SVG `<title>`, where
//!   Graphviz leaves `&amp;`-like entities undecoded: [`Mode::Name`];
//! * a tooltip is an escString that Graphviz expands twice (entities, then
//!   `\n \l \r` and `\x` → `x`, then `\\ \N \G \E \T \H \L`): [`Mode::Tooltip`];
//! * a plain label is expanded once (`\N`…, entities, then `\n \l \r` line
//!   breaks and `\x` → `x`): [`Mode::Text`];
//! * an HTML-like label is XML, whose text Graphviz then expands once more
//!   (`\\ \N \G \E`…): [`Mode::Html`].
//!
//! XML 1.0, and so SVG, cannot carry most control characters, nor U+FFFE
//! and U+FFFF: in text they are shown as their Unicode control pictures
//! (U+2400 + code, U+2421 for DEL) and as U+FFFD; in names, which must stay
//! distinct, as `\u{…}` escapes.

use std::io::Write as _;

/// How a string is embedded in DOT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A node or (sub)graph name. Graphviz shows it in the SVG `<title>` as
    /// `\\` for a backslash, `\n`, `\r`, `\t` for a line feed, carriage
    /// return and tab, `\u{1b}` (lowercase hex) for another control
    /// character, DEL, U+FFFE or U+FFFF, and a leading `%` as `\%`;
    /// everything else as it is. That is injective: distinct ids stay
    /// distinct nodes.
    Name,
    /// A tooltip: the text arrives whole (backslashes quadrupled, `&` as
    /// `&amp;`, carriage returns and tabs as character references).
    Tooltip,
    /// A plain label or one of our own attribute values: shown as it is,
    /// a line feed is a line break, tabs become spaces, carriage returns are
    /// dropped.
    Text,
    /// Inside an HTML-like label `<…>`: `&`, `<`, `>`, `"` and `]` become
    /// entities (Graphviz refuses an element holding only `]` or `]]`),
    /// backslashes are doubled, a line feed becomes `<BR/>`, tabs become
    /// spaces, carriage returns are dropped.
    Html,
}

/// Graphviz refuses a quoted or HTML-like string longer than 16,384 bytes
/// as it scans it ("longer than 16384?"), and then draws nothing. A
/// tooltip or plain value escapes to at most this many bytes, the rest of
/// the text cut at a character and replaced by an ellipsis.
const TEXT_BUDGET: usize = 16_000;

/// The same for one piece of an HTML-like label: a node's label holds up
/// to five (its label, text, provenance, overlay mark and note) and their
/// markup, which together must stay under Graphviz's limit.
const HTML_BUDGET: usize = 3_000;

/// What stands for the cut part of a text too long for Graphviz.
const ELLIPSIS: &str = "\u{2026}";

impl Mode {
    /// How many bytes the escaped text may take in this mode. Names are
    /// not cut, since distinct ids must stay distinct nodes.
    fn budget(self) -> usize {
        match self {
            Mode::Name => usize::MAX,
            Mode::Tooltip | Mode::Text => TEXT_BUDGET,
            Mode::Html => HTML_BUDGET,
        }
    }
}

/// Appends `s` to `out`, escaped for `mode`. Control characters become
/// their visible control pictures (names: `\u{…}` escapes); any other
/// Unicode passes through unchanged. A text that escapes to more than the
/// mode's budget (16,000 bytes for a tooltip or plain value, 3,000 for a
/// piece of an HTML-like label; see [`TEXT_BUDGET`]) is cut at a character
/// and ends in `…`: the graph keeps the whole text, the drawing shows its
/// start. O(len), O(len log len) for a text that is cut.
pub(crate) fn escape(out: &mut Vec<u8>, s: &str, mode: Mode) {
    let start = out.len();
    escape_whole(out, s, mode);
    let budget = mode.budget();
    if out.len() - start <= budget {
        return;
    }
    // The longest prefix (at a character boundary) that fits with the
    // ellipsis: escaped length only grows with the prefix.
    let room = budget - ELLIPSIS.len();
    let escaped_len = |end: usize| {
        let mut probe = Vec::with_capacity(room + 16);
        escape_whole(&mut probe, &s[..end], mode);
        probe.len()
    };
    let (mut fits, mut too_long) = (0, s.len());
    while too_long - fits > 1 {
        let mut mid = fits + (too_long - fits) / 2;
        while !s.is_char_boundary(mid) {
            mid -= 1;
        }
        if mid <= fits {
            break;
        }
        if escaped_len(mid) <= room {
            fits = mid;
        } else {
            too_long = mid;
        }
    }
    out.truncate(start);
    escape_whole(out, &s[..fits], mode);
    out.extend_from_slice(ELLIPSIS.as_bytes());
}

/// [`escape`] without the budget.
fn escape_whole(out: &mut Vec<u8>, s: &str, mode: Mode) {
    let mut bytes = s.as_bytes();
    // Graphviz takes a name that starts with `%` for one of its anonymous
    // nodes and shows it as `%3`.
    if mode == Mode::Name && bytes.first() == Some(&b'%') {
        out.extend_from_slice(b"\\%");
        bytes = &bytes[1..];
    }
    let special = match mode {
        Mode::Name => &SPECIAL_NAME,
        Mode::Tooltip => &SPECIAL_TOOLTIP,
        Mode::Text => &SPECIAL_TEXT,
        Mode::Html => &SPECIAL_HTML,
    };
    // The start of the bytes not copied yet, and of those not looked at.
    let (mut copied, mut from) = (0, 0);
    // A tight scan for the next special byte: most bytes are not.
    while let Some(skip) = bytes[from..].iter().position(|&b| special[usize::from(b)]) {
        let i = from + skip;
        from = i + 1;
        // 0xEF leads U+F000..U+FFFF; only U+FFFE and U+FFFF are replaced.
        if bytes[i] == 0xEF && !is_noncharacter_at(bytes, i) {
            continue;
        }
        out.extend_from_slice(&bytes[copied..i]);
        copied = i + push_replacement(out, bytes, i, mode);
        from = copied;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// `true` if U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`) starts at `i`.
fn is_noncharacter_at(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF]))
}

/// The bytes [`escape`] looks at in `mode`, as a table: a lookup a byte is
/// several times faster than a chain of comparisons. Besides 0xEF (the
/// lead byte of U+FFFE and U+FFFF) ASCII only, so any other multi-byte
/// character always passes through whole.
const fn special_bytes(mode: Mode) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        table[b] = c < 0x20
            || c == 0x7f
            || c == b'"'
            || c == b'&'
            || c == b'\\'
            || (matches!(mode, Mode::Html) && (c == b'<' || c == b'>' || c == b']'));
        b += 1;
    }
    table[0xEF] = true;
    table
}

static SPECIAL_NAME: [bool; 256] = special_bytes(Mode::Name);
static SPECIAL_TOOLTIP: [bool; 256] = special_bytes(Mode::Tooltip);
static SPECIAL_TEXT: [bool; 256] = special_bytes(Mode::Text);
static SPECIAL_HTML: [bool; 256] = special_bytes(Mode::Html);

/// Appends what stands for the special character at `bytes[i]` in `mode`;
/// returns the length of that character in bytes. Kept out of line, so
/// that the scan in [`escape`] stays small.
#[inline(never)]
fn push_replacement(out: &mut Vec<u8>, bytes: &[u8], i: usize, mode: Mode) -> usize {
    let b = bytes[i];
    let replacement: &[u8] = match (b, mode) {
        (0xEF, Mode::Name) => {
            let code = if bytes[i + 2] == 0xBE { 0xFFFE } else { 0xFFFF };
            push_unicode_escape(out, code);
            return 3;
        }
        // XML cannot carry U+FFFE or U+FFFF: the replacement character.
        (0xEF, _) => {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            return 3;
        }
        (b'"', Mode::Html) => b"&quot;",
        (b'"', _) => b"\\\"",
        (b'&', _) => b"&amp;",
        (b'<', _) => b"&lt;",
        (b'>', _) => b"&gt;",
        (b']', _) => b"&#93;",
        (b'\\', Mode::Name | Mode::Text | Mode::Html) => b"\\\\",
        // Halved twice on the way to the SVG.
        (b'\\', Mode::Tooltip) => b"\\\\\\\\",
        (b'\n', Mode::Html) => b"<BR/>",
        (b'\n', _) => b"\\n",
        (b'\r', Mode::Name) => b"\\r",
        (b'\t', Mode::Name) => b"\\t",
        (b'\r', Mode::Tooltip) => b"&#13;",
        (b'\t', Mode::Tooltip) => b"&#9;",
        (b'\r', _) => b"",
        (b'\t', _) => b" ",
        (control, Mode::Name) => {
            push_unicode_escape(out, u32::from(control));
            return 1;
        }
        // DEL's picture is U+2421.
        (0x7f, _) => "\u{2421}".as_bytes(),
        // Any other control character: its picture U+2400 + code, in UTF-8.
        (control, _) => {
            out.extend_from_slice(&[0xE2, 0x90, 0x80 | (control & 0x1f)]);
            return 1;
        }
    };
    out.extend_from_slice(replacement);
    1
}

/// Appends `\u{…}`: `code` in lowercase hex, as Rust's `escape_debug` writes it.
fn push_unicode_escape(out: &mut Vec<u8>, code: u32) {
    write!(out, "\\u{{{code:x}}}").expect("writing to a Vec cannot fail");
}

/// `s` as a complete double-quoted DOT string for `mode`, quotes included.
pub(crate) fn quoted(s: &str, mode: Mode) -> String {
    let mut out = Vec::with_capacity(s.len() + 2);
    out.push(b'"');
    escape(&mut out, s, mode);
    out.push(b'"');
    String::from_utf8(out).expect("escaping keeps UTF-8")
}

/// A node or (sub)graph name, double-quoted and escaped as [`Mode::Name`]:
/// made only by [`QuotedNames`], so a sink writes it as it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QuotedName<'a>(&'a str);

impl<'a> QuotedName<'a> {
    /// The quoted name, quotes included.
    pub(crate) fn as_str(self) -> &'a str {
        self.0
    }
}

/// Names quoted once each, end to end in one string: a map's edges name
/// each node several times (three edges a node on the 10^5-node map, where
/// escaping each end of each edge again took a twentieth of `dot`'s time).
pub(crate) struct QuotedNames {
    text: String,
    /// Where each name ends in `text`.
    ends: Vec<usize>,
}

impl QuotedNames {
    /// Quotes every name, in order. O(total length).
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> QuotedNames {
        let mut text = Vec::new();
        let mut ends = Vec::new();
        for name in names {
            text.push(b'"');
            escape(&mut text, name, Mode::Name);
            text.push(b'"');
            ends.push(text.len());
        }
        let text = String::from_utf8(text).expect("escaping keeps UTF-8");
        QuotedNames { text, ends }
    }

    /// The `i`-th name. Panics if there are not that many (a bug).
    pub(crate) fn get(&self, i: usize) -> QuotedName<'_> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        QuotedName(&self.text[start..self.ends[i]])
    }
}

/// `open`, `text` escaped for an HTML-like label, `close`.
pub(crate) fn html(open: &str, text: &str, close: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(open.len() + text.len() + close.len());
    push_html(&mut out, open, text, close);
    out
}

/// Appends `open`, `text` escaped for an HTML-like label, and `close`. An
/// element with nothing in it (`<B></B>`) is a syntax error to Graphviz, so
/// text that escapes to nothing is written as one space.
pub(crate) fn push_html(out: &mut Vec<u8>, open: &str, text: &str, close: &str) {
    out.extend_from_slice(open.as_bytes());
    let start = out.len();
    escape(out, text, Mode::Html);
    if out.len() == start {
        out.push(b' ');
    }
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

    const MODES: [Mode; 4] = [Mode::Name, Mode::Tooltip, Mode::Text, Mode::Html];

    #[test]
    fn quoted_modes_escape_quotes_backslashes_newlines() {
        assert_eq!(esc(r#"a "b" \N c"#, Mode::Text), r#"a \"b\" \\N c"#);
        assert_eq!(esc(r#"a "b" \N c"#, Mode::Name), r#"a \"b\" \\N c"#);
        assert_eq!(esc(r#"a "b" \N c"#, Mode::Tooltip), r#"a \"b\" \\\\N c"#);
        assert_eq!(esc("x\ny\r\tz", Mode::Text), "x\\ny z");
        assert_eq!(esc("x\ny\r\tz", Mode::Name), "x\\ny\\r\\tz");
        assert_eq!(esc("x\ny\r\tz", Mode::Tooltip), "x\\ny&#13;&#9;z");
        assert_eq!(esc("<&amp;>", Mode::Text), "<&amp;amp;>");
    }

    #[test]
    fn html_mode_uses_entities() {
        assert_eq!(
            esc("a<b & \"c\">\nd]", Mode::Html),
            "a&lt;b &amp; &quot;c&quot;&gt;<BR/>d&#93;"
        );
        assert_eq!(esc(r"\N", Mode::Html), r"\\N");
    }

    #[test]
    fn control_characters_become_visible_pictures() {
        assert_eq!(esc("a\u{1}b\u{7f}", Mode::Html), "a\u{2401}b\u{2421}");
        assert_eq!(esc("\u{0}", Mode::Tooltip), "\u{2400}");
        assert_eq!(esc("\u{1b}\u{1f}", Mode::Text), "\u{241b}\u{241f}");
    }

    #[test]
    fn names_escape_a_leading_percent_sign() {
        assert_eq!(esc("%1 %", Mode::Name), "\\%1 %");
        assert_eq!(esc("%1 %", Mode::Text), "%1 %");
        assert_eq!(esc("", Mode::Name), "");
    }

    #[test]
    fn names_escape_control_characters_distinctly() {
        assert_eq!(esc("x\u{0}", Mode::Name), "x\\u{0}");
        assert_eq!(esc("x\u{2400}", Mode::Name), "x\u{2400}");
        assert_eq!(esc("\u{1b}\u{7f}", Mode::Name), "\\u{1b}\\u{7f}");
        assert_eq!(esc("\u{FFFE}\u{FFFF}", Mode::Name), "\\u{fffe}\\u{ffff}");
    }

    #[test]
    fn noncharacters_are_replaced_other_ef_characters_pass() {
        for mode in [Mode::Tooltip, Mode::Text, Mode::Html] {
            assert_eq!(esc("a\u{FFFE}b\u{FFFF}", mode), "a\u{FFFD}b\u{FFFD}");
        }
        for mode in MODES {
            assert_eq!(
                esc("\u{FF01}\u{FFFD}\u{F000}\u{FFEE}", mode),
                "\u{FF01}\u{FFFD}\u{F000}\u{FFEE}"
            );
        }
    }

    #[test]
    fn empty_html_text_is_one_space() {
        assert_eq!(html("<B>", "", "</B>"), b"<B> </B>");
        assert_eq!(html("<B>", "\r", "</B>"), b"<B> </B>");
        assert_eq!(html("<B>", "x", "</B>"), b"<B>x</B>");
    }

    /// What `escape` does, one character at a time.
    fn reference(s: &str, mode: Mode) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match (c, mode) {
                ('"', Mode::Html) => out.push_str("&quot;"),
                ('"', _) => out.push_str("\\\""),
                ('&', _) => out.push_str("&amp;"),
                ('<', Mode::Html) => out.push_str("&lt;"),
                ('>', Mode::Html) => out.push_str("&gt;"),
                (']', Mode::Html) => out.push_str("&#93;"),
                ('\\', Mode::Tooltip) => out.push_str("\\\\\\\\"),
                ('\\', _) => out.push_str("\\\\"),
                ('\n', Mode::Html) => out.push_str("<BR/>"),
                ('\n', _) => out.push_str("\\n"),
                ('\r', Mode::Name) => out.push_str("\\r"),
                ('\t', Mode::Name) => out.push_str("\\t"),
                ('\r', Mode::Tooltip) => out.push_str("&#13;"),
                ('\t', Mode::Tooltip) => out.push_str("&#9;"),
                ('\r', _) => {}
                ('\t', _) => out.push(' '),
                (c, Mode::Name) if c < ' ' || matches!(c, '\u{7f}' | '\u{FFFE}' | '\u{FFFF}') => {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32))
                }
                ('\u{7f}', _) => out.push('\u{2421}'),
                (c, _) if c < ' ' => out.push(char::from_u32(0x2400 + c as u32).unwrap()),
                ('\u{FFFE}' | '\u{FFFF}', _) => out.push('\u{FFFD}'),
                (c, _) => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escape_matches_the_reference(
            s in "[a-z \"\\\\&<>\\]\u{0}-\u{1f}\u{7f}é—🌍\u{F000}\u{FF01}\u{FFEE}-\u{FFFF}]{0,50}"
        ) {
            for mode in MODES {
                proptest::prop_assert_eq!(esc(&s, mode), reference(&s, mode));
            }
        }
    }

    #[test]
    fn text_too_long_for_graphviz_is_cut_with_an_ellipsis() {
        // Backslashes grow fourfold in a tooltip, `&` fivefold in HTML.
        let long = "ab\\&é🌍".repeat(5_000);
        for mode in [Mode::Tooltip, Mode::Text, Mode::Html] {
            let out = esc(&long, mode);
            assert!(out.len() <= mode.budget(), "{mode:?}: {}", out.len());
            assert!(out.len() > mode.budget() - 16, "{mode:?}: {}", out.len());
            let kept = out.strip_suffix('\u{2026}').expect("an ellipsis");
            // Escaping goes character by character: the start of the text,
            // escaped, is the start of the whole text escaped.
            let mut whole = Vec::new();
            escape_whole(&mut whole, &long, mode);
            assert!(whole.starts_with(kept.as_bytes()), "{mode:?}");
        }
        // Names stay whole: distinct ids must stay distinct nodes.
        assert_eq!(esc(&long, Mode::Name), reference(&long, Mode::Name));
        let fits = "x".repeat(TEXT_BUDGET);
        assert_eq!(esc(&fits, Mode::Tooltip), fits);
    }

    #[test]
    fn unicode_passes_through() {
        let s = "Россия — “Afghanistan” ¶2 🌍";
        for mode in MODES {
            assert_eq!(esc(s, mode), s);
        }
    }
}
