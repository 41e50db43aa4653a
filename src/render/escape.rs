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
    let special = match mode {
        Mode::Quoted => &SPECIAL_QUOTED,
        Mode::Html => &SPECIAL_HTML,
    };
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        i = skip_plain(bytes, i, mode);
        // The next special byte, if any, is among the next eight.
        let end = bytes.len().min(i + 8);
        while i < end && !special[usize::from(bytes[i])] {
            i += 1;
        }
        if i == end {
            continue;
        }
        let b = bytes[i];
        out.extend_from_slice(&bytes[start..i]);
        i += 1;
        start = i;
        match (b, mode) {
            (b'"', Mode::Quoted) => out.extend_from_slice(b"\\\""),
            (b'\\', Mode::Quoted) => out.extend_from_slice(b"\\\\"),
            (b'\n', _) => newline(out, mode),
            (b'"', Mode::Html) => out.extend_from_slice(b"&quot;"),
            (b'&', Mode::Html) => out.extend_from_slice(b"&amp;"),
            (b'<', Mode::Html) => out.extend_from_slice(b"&lt;"),
            (b'>', Mode::Html) => out.extend_from_slice(b"&gt;"),
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

/// `true` if [`escape`] would change `s`.
pub(crate) fn needs_escaping(s: &str, mode: Mode) -> bool {
    let mut out = Vec::new();
    escape(&mut out, s, mode);
    out != s.as_bytes()
}

/// Appends an escaped line break: what [`escape`] makes of `\n`.
pub(crate) fn newline(out: &mut Vec<u8>, mode: Mode) {
    out.extend_from_slice(match mode {
        Mode::Quoted => b"\\n",
        Mode::Html => b"<BR/>",
    });
}

/// The bytes [`escape`] must replace in `mode`: a table, so that the scan
/// over plain text is one lookup a byte.
const fn special_bytes(mode: Mode) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b < 0x20 || b == 0x7f || b == b'"' as usize;
        b += 1;
    }
    match mode {
        Mode::Quoted => table[b'\\' as usize] = true,
        Mode::Html => {
            table[b'&' as usize] = true;
            table[b'<' as usize] = true;
            table[b'>' as usize] = true;
        }
    }
    table
}

static SPECIAL_QUOTED: [bool; 256] = special_bytes(Mode::Quoted);
static SPECIAL_HTML: [bool; 256] = special_bytes(Mode::Html);

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `true` if a byte of `x` is zero (exact as a test, not as a position).
#[inline]
fn has_zero(x: u64) -> bool {
    x.wrapping_sub(ONES) & !x & HIGHS != 0
}

/// `true` if a byte of `x` is below `n` (n ≤ 128).
#[inline]
fn has_less(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * u64::from(n)) & !x & HIGHS != 0
}

/// For eight bytes (little-endian) of printable ASCII (no control
/// characters), the high bit of each that is a space, exactly; `None` for
/// any other eight bytes.
#[inline]
pub(crate) fn ascii_spaces(x: u64) -> Option<u64> {
    const LOWS: u64 = !HIGHS;
    if x & HIGHS != 0 || has_less(x, 0x20) {
        return None;
    }
    let y = x ^ (ONES * 0x20);
    Some(!(((y & LOWS) + LOWS) | y) & HIGHS)
}

/// `true` if `b` is a byte that [`escape`] replaces in `mode`.
#[inline]
pub(crate) fn is_special(b: u8, mode: Mode) -> bool {
    match mode {
        Mode::Quoted => SPECIAL_QUOTED[usize::from(b)],
        Mode::Html => SPECIAL_HTML[usize::from(b)],
    }
}

/// `true` if [`escape`] would replace one of the eight bytes of `x`
/// (little-endian) in `mode`.
#[inline]
pub(crate) fn may_need_escaping(x: u64, mode: Mode) -> bool {
    has_less(x, 0x20)
        || has_zero(x ^ (ONES * 0x7f))
        || match mode {
            // `"` and `\\`.
            Mode::Quoted => has_zero(x ^ (ONES * 0x22)) || has_zero(x ^ (ONES * 0x5c)),
            // `"` (0x22) and `&` (0x26) differ in bit 2 only; `<` (0x3C)
            // and `>` (0x3E) in bit 1 only.
            Mode::Html => {
                has_zero((x | (ONES * 0x04)) ^ (ONES * 0x26))
                    || has_zero((x | (ONES * 0x02)) ^ (ONES * 0x3e))
            }
        }
}

/// The index of the first byte from `i` on that may need escaping, eight
/// bytes at a time (SWAR); the table decides the bytes of a chunk that may.
#[inline]
fn skip_plain(bytes: &[u8], mut i: usize, mode: Mode) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if may_need_escaping(x, mode) {
            return i;
        }
        i += 8;
    }
    i
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
        fn ascii_spaces_marks_the_spaces(s in "[a-z \t\u{1}\u{7f}é]{8}") {
            let printable = s.len() == 8 && s.bytes().all(|b| (0x20..0x80).contains(&b));
            let expected = printable.then(|| {
                s.bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b' ')
                    .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i))
            });
            let x = s.as_bytes().try_into().map(u64::from_le_bytes);
            proptest::prop_assert_eq!(x.ok().and_then(ascii_spaces), expected);
        }

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
