//! Argdown's tokens, as its own lexer (argdown-core's `lexer.ts`) finds
//! them: the same tokens tried in the same order at each position, so
//! that a character means here what it means there.

/// A relation marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    /// `+` or `<+`: the child supports the parent.
    SupportsParent,
    /// `+>`: the parent supports the child.
    SupportedByParent,
    /// `-` or `<-`: the child attacks the parent.
    AttacksParent,
    /// `->`: the parent attacks the child.
    AttackedByParent,
    /// `><`: contradictory.
    Contradicts,
    /// `_` or `<_`: the child undercuts the parent.
    UndercutsParent,
    /// `_>`: the parent undercuts the child.
    UndercutByParent,
}

impl Op {
    pub(super) fn marker(self) -> &'static str {
        match self {
            Op::SupportsParent => "+",
            Op::SupportedByParent => "+>",
            Op::AttacksParent => "-",
            Op::AttackedByParent => "->",
            Op::Contradicts => "><",
            Op::UndercutsParent => "_",
            Op::UndercutByParent => "_>",
        }
    }
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind<'a> {
    /// `=== … ===`, its inside.
    FrontMatter(&'a str),
    /// `{ … }`, braces included.
    Data(&'a str),
    Emptyline,
    Newline,
    Relation {
        op: Op,
        indent: usize,
    },
    /// `--` opening an inference line.
    InferenceStart,
    /// `--` closing it.
    InferenceEnd,
    /// `,` between inference rules.
    ListDelimiter,
    /// `#`… of a heading: its level.
    Heading(usize),
    /// `(n)` of a premise-conclusion structure.
    StatementNumber,
    /// `1.` or `*` of a list item.
    ListItem,
    StatementDefinition(&'a str),
    StatementReference(&'a str),
    ArgumentDefinition(&'a str),
    ArgumentReference(&'a str),
    /// `#tag` or `#(long tag)`: the tag.
    Tag(&'a str),
    /// Text as it reads (escapes resolved, links as their text).
    Text(String),
    /// `*`, `_`, `**` or `__` that may open or close emphasis.
    Emphasis {
        image: &'a str,
        opens: bool,
        closes: bool,
    },
}

/// A token and where it starts (a byte offset).
#[derive(Debug, Clone)]
pub(super) struct Token<'a> {
    pub kind: Kind<'a>,
    pub at: usize,
}

/// Splits Argdown text into tokens. Comments and spaces between tokens are
/// skipped. O(n) for ordinary text (a `[`, `<` or `{` looks ahead to the end
/// of its line or block).
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut lx = Lexer {
        s: text,
        pos: 0,
        tokens: Vec::new(),
        inference: false,
        emphasis: Vec::new(),
        skipped_space: false,
    };
    while lx.pos < text.len() {
        let start = lx.pos;
        let kind = if lx.inference {
            lx.inference_token()
        } else {
            lx.default_token()
        };
        match kind {
            Some(kind) => {
                lx.skipped_space = false;
                lx.tokens.push(Token { kind, at: start });
            }
            None => lx.skipped_space = true,
        }
        debug_assert!(lx.pos > start, "the lexer moves on");
    }
    lx.tokens
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
    tokens: Vec<Token<'a>>,
    /// Between the `--` of an inference line and its closing `--`.
    inference: bool,
    /// Open emphasis markers.
    emphasis: Vec<&'static str>,
    /// The last thing read was skipped (spaces, a comment).
    skipped_space: bool,
}

/// Characters that end free text (Argdown's `Freestyle`).
const CONTROL: &[char] = &[
    '\\', '@', '#', '*', '_', '[', ']', ',', '.', ':', ';', '<', '/', '>', '-', '\r', '\n', '(',
    ')', '{', '}',
];

/// A character of a short tag: Argdown's class
/// `[a-zA-z0-9-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]` (`A-z` takes in
/// `[ \ ] ^ _` and the backtick; astral characters, two UTF-16 units in
/// JavaScript, end a tag).
pub(super) fn is_tag_char(c: char) -> bool {
    matches!(c, 'A'..='z' | '0'..='9' | '-' | '\u{A0}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFEF}')
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.s[self.pos..]
    }

    fn last(&self) -> Option<&Kind<'a>> {
        self.tokens.last().map(|t| &t.kind)
    }

    /// At the start of a line: nothing before, or a line break just read.
    fn line_start(&self) -> bool {
        matches!(self.last(), None | Some(Kind::Newline | Kind::Emptyline))
    }

    fn take(&mut self, len: usize) -> &'a str {
        let out = &self.rest()[..len];
        self.pos += len;
        out
    }

    fn default_token(&mut self) -> Option<Kind<'a>> {
        if self.comment() {
            return None;
        }
        if let Some(k) = self.front_matter().or_else(|| self.data()) {
            return Some(k);
        }
        if let Some(k) = self.escaped().or_else(|| self.special_char()) {
            return Some(k);
        }
        if let Some(k) = self.line_break() {
            return Some(k);
        }
        if self.line_start() {
            if let Some(k) = self.line_start_token() {
                return Some(k);
            }
        }
        if let Some(k) = self.emphasis_token() {
            return Some(k);
        }
        if let Some(k) = self.link().or_else(|| self.tag()).or_else(|| self.title()) {
            return Some(k);
        }
        if self.spaces() {
            return None;
        }
        Some(self.free_text())
    }

    fn inference_token(&mut self) -> Option<Kind<'a>> {
        if self.comment() {
            return None;
        }
        if let Some(k) = self.newline() {
            return Some(k);
        }
        if let Some(k) = self.escaped().or_else(|| self.special_char()) {
            return Some(k);
        }
        let dashes = self.rest().bytes().take_while(|&b| b == b'-').count();
        if dashes >= 2 {
            self.take(dashes);
            self.inference = false;
            return Some(Kind::InferenceEnd);
        }
        if let Some(k) = self.data() {
            return Some(k);
        }
        if self.rest().starts_with(',') {
            self.take(1);
            return Some(Kind::ListDelimiter);
        }
        if self.spaces() {
            return None;
        }
        Some(self.free_text())
    }

    /// `// …`, `/* … */`, `<!-- … -->`, with the line breaks after it
    /// that Argdown's lexer takes with it.
    fn comment(&mut self) -> bool {
        let r = self.rest();
        let len = if r.starts_with("//") {
            r.find(['\n', '\r']).unwrap_or(r.len())
        } else if let Some(body) = r.strip_prefix("/*") {
            match body.find("*/") {
                Some(end) => end + 4,
                None => return false,
            }
        } else if let Some(body) = r.strip_prefix("<!--") {
            match body.find("-->") {
                Some(end) => end + 7,
                None => return false,
            }
        } else {
            return false;
        };
        self.take(len);
        match self.last() {
            Some(Kind::Emptyline) => {
                let breaks = self.rest().len() - self.rest().trim_start().len();
                self.take(breaks);
            }
            Some(Kind::Newline) => {
                let r = self.rest();
                let one = r.len() - r.trim_start_matches([' ', '\t']).len();
                let after = &r[one..];
                let nl = if after.starts_with("\r\n") {
                    2
                } else {
                    usize::from(after.starts_with(['\n', '\r']))
                };
                let next = &after[nl..];
                let blank_follows = next
                    .trim_start_matches([' ', '\t'])
                    .starts_with(['\n', '\r']);
                if nl > 0 && !blank_follows {
                    self.take(one + nl);
                }
            }
            _ => {}
        }
        true
    }

    fn front_matter(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        if !r.starts_with("===") {
            return None;
        }
        let open = r.bytes().take_while(|&b| b == b'=').count();
        let close = r[open..].find("===")?;
        let inner = &r[open..open + close];
        let tail = r[open + close..].bytes().take_while(|&b| b == b'=').count();
        self.take(open + close + tail);
        Some(Kind::FrontMatter(inner))
    }

    /// `{ … }` as Argdown's pattern finds it: the longest block that passes
    /// no `}` followed by a space and a character other than `,` or `}`,
    /// and whose closing `}` is not followed by `,` or `}`.
    fn data(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        if !r.starts_with('{') {
            return None;
        }
        let bytes = r.as_bytes();
        let mut best = None;
        let mut i = 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\r' => break,
                0xE2 if r[i..].starts_with(['\u{2028}', '\u{2029}']) => break,
                b'}' => {
                    let after = &r[i + 1..];
                    if !after.trim_start().starts_with([',', '}']) {
                        best = Some(i);
                    }
                    let mut chars = after.chars();
                    let stop = matches!(chars.next(), Some(c) if c.is_whitespace())
                        && matches!(chars.next(), Some(c) if c != ',' && c != '}');
                    if stop {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let end = best?;
        Some(Kind::Data(self.take(end + 1)))
    }

    /// `\c`: the character itself, with the spaces after it.
    fn escaped(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let c = r.strip_prefix('\\')?.chars().next()?;
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            return None;
        }
        let len = 1 + c.len_utf8();
        let spaces = r[len..].bytes().take_while(|&b| b == b' ').count();
        let image = self.take(len + spaces);
        Some(Kind::Text(image[1..].to_string()))
    }

    /// `.name.` or `:name:` (Argdown's shortcodes), read as text.
    fn special_char(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let delim = r.chars().next().filter(|c| *c == '.' || *c == ':')?;
        let body = &r[1..];
        let word = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
        let first = body.chars().next()?.len_utf8();
        let close = first + body.get(first..word)?.find(delim)?;
        let mut len = 1 + close + 1;
        if r[len..].starts_with([' ', '\t']) {
            len += 1;
        }
        Some(Kind::Text(self.take(len).to_string()))
    }

    fn line_break(&mut self) -> Option<Kind<'a>> {
        if !matches!(self.last(), Some(Kind::Emptyline)) {
            let mut len = 0;
            let mut lines = 0;
            let r = self.rest();
            loop {
                let blank = r[len..].len() - r[len..].trim_start_matches([' ', '\t']).len();
                let at = &r[len + blank..];
                let nl = if at.starts_with("\r\n") {
                    2
                } else if at.starts_with('\n') {
                    1
                } else {
                    break;
                };
                len += blank + nl;
                lines += 1;
            }
            if lines >= 2 {
                self.take(len);
                return Some(Kind::Emptyline);
            }
        }
        self.newline()
    }

    fn newline(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let blank = r.len() - r.trim_start_matches([' ', '\t']).len();
        let at = &r[blank..];
        let nl = if at.starts_with("\r\n") {
            2
        } else if at.starts_with(['\n', '\r']) {
            1
        } else {
            return None;
        };
        self.take(blank + nl);
        Some(Kind::Newline)
    }

    fn line_start_token(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let indent = r.len() - r.trim_start_matches([' ', '\t']).len();
        let at = &r[indent..];
        if at.starts_with("--") {
            self.take(indent + 2);
            self.inference = true;
            return Some(Kind::InferenceStart);
        }
        if let Some((op, len)) = relation_marker(at) {
            self.take(indent + len);
            return Some(Kind::Relation { op, indent });
        }
        if indent == 0 && matches!(self.last(), None | Some(Kind::Emptyline | Kind::Newline)) {
            let level = at.bytes().take_while(|&b| b == b'#').count();
            if level > 0 && at[level..].starts_with(' ') {
                self.take(level + 1);
                return Some(Kind::Heading(level));
            }
        }
        let digits = at
            .get(1..)
            .map_or(0, |d| d.bytes().take_while(u8::is_ascii_digit).count());
        if at.starts_with('(') && digits > 0 && at[1 + digits..].starts_with(')') {
            self.take(indent + digits + 2);
            return Some(Kind::StatementNumber);
        }
        let digits = at.bytes().take_while(u8::is_ascii_digit).count();
        let ordered = digits > 0 && at[digits..].starts_with('.');
        let marker = if ordered {
            digits + 1
        } else {
            usize::from(at.starts_with('*'))
        };
        if marker > 0 && at[marker..].starts_with(char::is_whitespace) {
            self.take(indent + marker);
            return Some(Kind::ListItem);
        }
        None
    }

    /// Emphasis markers, as Argdown tries them: a closing marker of the
    /// innermost open emphasis first, then an opening one (followed by a
    /// non-space).
    fn emphasis_token(&mut self) -> Option<Kind<'a>> {
        const MARKERS: [&str; 4] = ["**", "__", "*", "_"];
        let r = self.rest();
        let close = MARKERS.into_iter().find(|&m| {
            let after = r.strip_prefix(m);
            self.emphasis.last() == Some(&m)
                && !self.skipped_space
                && after.is_some_and(|a| {
                    a.is_empty()
                        || a.starts_with([
                            ' ', '\t', '\n', '\r', ')', '}', '_', '.', ',', '!', '?', ';', ':',
                            '-', '*',
                        ])
                })
        });
        if let Some(m) = close {
            self.emphasis.pop();
            let len = m.len() + usize::from(r[m.len()..].starts_with([' ', '\t']));
            let image = self.take(len);
            return Some(Kind::Emphasis {
                image,
                opens: false,
                closes: true,
            });
        }
        let open = MARKERS.into_iter().find(|&m| {
            r.strip_prefix(m)
                .is_some_and(|a| !a.starts_with(char::is_whitespace))
        })?;
        self.emphasis.push(open);
        let image = self.take(open.len());
        Some(Kind::Emphasis {
            image,
            opens: true,
            closes: false,
        })
    }

    /// `[text](url)`: its text (and one space after it).
    fn link(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let inner = r.strip_prefix('[')?;
        let close = inner.find(']').filter(|&k| k > 0)?;
        let url = inner[close + 1..].strip_prefix('(')?;
        let end = url.find(')').filter(|&k| k > 0)?;
        let mut len = 1 + close + 1 + 1 + end + 1;
        let space = r[len..].starts_with([' ', '\t']);
        len += usize::from(space);
        let text = inner[..close].to_string() + if space { " " } else { "" };
        self.take(len);
        Some(Kind::Text(text))
    }

    fn tag(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let body = r.strip_prefix('#')?;
        let (tag, len) = if let Some(long) = body.strip_prefix('(') {
            let end = long.find(')').filter(|&k| k > 0)?;
            (&long[..end], 1 + 1 + end + 1)
        } else {
            let end = body.find(|c| !is_tag_char(c)).unwrap_or(body.len());
            if end == 0 {
                return None;
            }
            (&body[..end], 1 + end)
        };
        let len = len + usize::from(r[len..].starts_with([' ', '\t']));
        self.take(len);
        Some(Kind::Tag(tag))
    }

    /// `[T]:`, `[T]`, `@[T]`, `<T>:`, `<T>`, `@<T>` (mentions read as text).
    fn title(&mut self) -> Option<Kind<'a>> {
        let r = self.rest();
        let line = &r[..r
            .find(['\n', '\r', '\u{2028}', '\u{2029}'])
            .unwrap_or(r.len())];
        let mention = line.starts_with('@');
        let body = if mention { &line[1..] } else { line };
        let (open, close) = match body.chars().next()? {
            '[' => (1, ']'),
            '<' => (1, '>'),
            _ => return None,
        };
        let inner = &body[open..];
        if !mention {
            // A definition: the first `]:` past the first character.
            let first = inner.chars().next()?.len_utf8();
            let def = format!("{close}:");
            if let Some(k) = inner[first..].find(&def) {
                let title = &inner[..first + k];
                self.take(1 + first + k + 2);
                return Some(if close == ']' {
                    Kind::StatementDefinition(title)
                } else {
                    Kind::ArgumentDefinition(title)
                });
            }
        }
        if inner.starts_with('-') && !mention {
            return None;
        }
        let first = inner.chars().next()?.len_utf8();
        let k = inner[first..].find(close)?;
        let title = &inner[..first + k];
        let mut len = usize::from(mention) + 1 + first + k + 1;
        if mention {
            len += usize::from(r[len..].starts_with([' ', '\t']));
            return Some(Kind::Text(self.take(len).to_string()));
        }
        self.take(len);
        Some(if close == ']' {
            Kind::StatementReference(title)
        } else {
            Kind::ArgumentReference(title)
        })
    }

    fn spaces(&mut self) -> bool {
        let n = self
            .rest()
            .bytes()
            .take_while(|&b| b == b' ' || b == b'\t')
            .count();
        self.take(n);
        n > 0
    }

    /// Free text up to the next control character, or one control
    /// character (and a space after it).
    fn free_text(&mut self) -> Kind<'a> {
        let r = self.rest();
        let n = r.find(CONTROL).unwrap_or(r.len());
        if n > 0 {
            return Kind::Text(self.take(n).to_string());
        }
        let c = r.chars().next().map_or(1, char::len_utf8);
        let len = c + usize::from(r[c..].starts_with([' ', '\t']));
        Kind::Text(self.take(len).to_string())
    }
}

/// The relation marker a line starts with (after its indentation).
fn relation_marker(at: &str) -> Option<(Op, usize)> {
    let ops: [(&str, Op); 9] = [
        ("+>", Op::SupportedByParent),
        ("->", Op::AttackedByParent),
        ("<+", Op::SupportsParent),
        ("+", Op::SupportsParent),
        ("<-", Op::AttacksParent),
        ("-", Op::AttacksParent),
        ("><", Op::Contradicts),
        ("_>", Op::UndercutByParent),
        ("<_", Op::UndercutsParent),
    ];
    if let Some(&(m, op)) = ops.iter().find(|(m, _)| at.starts_with(m)) {
        return Some((op, m.len()));
    }
    let undercut = at.starts_with('_') && at[1..].starts_with(char::is_whitespace);
    undercut.then_some((Op::UndercutsParent, 1))
}
