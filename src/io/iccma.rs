//! Readers and writers for the abstract-framework formats of the ICCMA
//! competitions: `i23` (ICCMA 2023), `apx` (ASPARTIX, ICCMA 2015–2021) and
//! `tgf` (Trivial Graph Format, ICCMA 2015–2019).
//!
//! ICCMA files are large and solvers are timed on them, so this module is
//! the crate's one hand-tuned path (single-threaded, like every other):
//! the readers work on bytes, without regular expressions or a `String` per
//! line, and report a malformed input as an
//! [`ErrorKind::Parse`](crate::ErrorKind::Parse) error with its 1-based line
//! and column. All readers and writers are O(input size).
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! use argraph::iccma;
//! let af = iccma::read_i23("p af 3\n# a comment\n1 2\n2 3\n".as_bytes())?;
//! assert_eq!((af.len(), af.attack_count()), (3, 2));
//!
//! let mut apx = Vec::new();
//! iccma::write_apx(&af, &mut apx)?;
//! assert_eq!(String::from_utf8(apx).unwrap(), "arg(1).\narg(2).\narg(3).\natt(1,2).\natt(2,3).\n");
//!
//! let err = iccma::read_i23("p af 3\n1 x\n".as_bytes()).unwrap_err();
//! assert_eq!((err.line(), err.column()), (Some(2), Some(3)));
//! # Ok(()) }
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use crate::error::{Error, ErrorKind, ParseCategory, Result};
use crate::reason::{ArgumentationFramework, Names};
use crate::vocabulary::vocabulary;

vocabulary! {
    /// One of the ICCMA file formats. Parsed in any ASCII case; `af` is
    /// another name for `i23`.
    ///
    /// ```
    /// use argraph::iccma::IccmaFormat;
    /// assert_eq!("AF".parse::<IccmaFormat>().unwrap(), IccmaFormat::I23);
    /// assert!("csv".parse::<IccmaFormat>().is_err());
    /// ```
    IccmaFormat, "framework format" ignore_case {
        /// ICCMA 2023: a header `p af N`, then one attack `a b` per line
        /// (arguments are `1..=N`), `#` comment lines.
        I23 => "i23" | "af",
        /// ASPARTIX: `arg(a).` and `att(a,b).` facts; `%` comments.
        Apx => "apx",
        /// Trivial Graph Format: one argument per line, a line `#`, then one
        /// attack `a b` per line.
        Tgf => "tgf",
    }
}

impl IccmaFormat {
    /// The format a file name's extension names: `.i23` and `.af` → `i23`,
    /// `.apx` → `apx`, `.tgf` → `tgf`, in any case.
    pub fn from_path(path: &Path) -> Option<IccmaFormat> {
        path.extension()?.to_str()?.parse().ok()
    }

    /// Tells the format from a document's content: `p af` on its first
    /// line that is not blank or a comment → `i23`, an `arg(`/`att(` fact
    /// → `apx`, a line `#` → `tgf`. O(input size).
    ///
    /// # Errors
    /// [`ErrorKind::Parse`](crate::ErrorKind::Parse) if the content is none
    /// of these, saying so, and what it looks like when it is JSON, XML,
    /// Graphviz DOT or binary data.
    ///
    /// ```
    /// use argraph::iccma::IccmaFormat;
    /// assert_eq!(IccmaFormat::sniff(b"# made by hand\np af 2\n1 2\n").unwrap(), IccmaFormat::I23);
    /// assert_eq!(IccmaFormat::sniff(b"arg(a).").unwrap(), IccmaFormat::Apx);
    /// assert_eq!(IccmaFormat::sniff(b"a\nb\n#\na b\n").unwrap(), IccmaFormat::Tgf);
    /// let err = IccmaFormat::sniff(br#"{"nodes": []}"#).unwrap_err();
    /// assert!(err.to_string().contains("JSON"), "{err}");
    /// assert!(IccmaFormat::sniff(b"just some words\n").is_err());
    /// ```
    pub fn sniff(bytes: &[u8]) -> Result<IccmaFormat> {
        let bytes = without_bom(bytes);
        if let Some(foreign) = Foreign::of(bytes) {
            return Err(foreign.error("ICCMA"));
        }
        let lines = || bytes.split(|&b| b == b'\n').map(<[u8]>::trim_ascii);
        let significant = lines().find(|line| !matches!(line.first(), None | Some(b'%' | b'#')));
        match significant {
            Some([b'p', blank, ..]) if is_blank(*blank) => Ok(IccmaFormat::I23),
            Some(line) if is_apx_fact(line) => Ok(IccmaFormat::Apx),
            _ if lines().any(|line| line == b"#") => Ok(IccmaFormat::Tgf),
            None => Err(Error::parse("ICCMA", ParseCategory::Eof, 1, 1, NO_CONTENT)),
            Some(_) => Err(Error::parse(
                "ICCMA",
                ParseCategory::Syntax,
                1,
                1,
                NO_FORMAT,
            )),
        }
    }

    /// The format's name in error messages.
    fn label(self) -> &'static str {
        match self {
            IccmaFormat::I23 => "ICCMA i23",
            IccmaFormat::Apx => "ICCMA apx",
            IccmaFormat::Tgf => "TGF",
        }
    }
}

/// Reads a framework from a file, in the given format or, if `None`, in the
/// format its extension names (see [`IccmaFormat::from_path`]) or, failing
/// that, the one its content looks like. Errors carry the path.
///
/// # Errors
/// I/O errors, and [`ErrorKind::Parse`](crate::ErrorKind::Parse) for a
/// malformed file.
pub fn read_path(path: &Path, format: Option<IccmaFormat>) -> Result<ArgumentationFramework> {
    let run = || -> Result<ArgumentationFramework> {
        let file = File::open(path)?;
        match format.or_else(|| IccmaFormat::from_path(path)) {
            Some(IccmaFormat::I23) => {
                let size = file.metadata().map_or(0, |m| m.len() as usize);
                parse_i23(file, size)
            }
            Some(format) => read(file, format),
            None => {
                let size = file.metadata().map_or(0, |m| m.len() as usize);
                let bytes = read_all(file, size)?;
                match IccmaFormat::sniff(&bytes)? {
                    IccmaFormat::I23 => parse_i23(&bytes[..], bytes.len()),
                    IccmaFormat::Apx => parse_apx(&bytes),
                    IccmaFormat::Tgf => parse_tgf(&bytes),
                }
            }
        }
    };
    run().map_err(|e| e.at_path(path))
}

/// Reads a framework in `format` from a reader.
///
/// # Errors
/// As [`read_path`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::iccma::{self, IccmaFormat};
/// let af = iccma::read(&b"p af 3\n1 2\n2 3\n"[..], IccmaFormat::I23)?;
/// assert_eq!((af.len(), af.attack_count()), (3, 2));
/// assert_eq!(af.targets(0), &[1]);
/// # Ok(()) }
/// ```
pub fn read(reader: impl Read, format: IccmaFormat) -> Result<ArgumentationFramework> {
    match format {
        IccmaFormat::I23 => read_i23(reader),
        IccmaFormat::Apx => read_apx(reader),
        IccmaFormat::Tgf => read_tgf(reader),
    }
}

/// The whole input; `size` (a file's length, or 0) is only a hint, so a
/// file that claims more than can be had is read as it comes.
fn read_all(mut reader: impl Read, size: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let _ = bytes.try_reserve_exact(size.saturating_add(1));
    match reader.read_to_end(&mut bytes) {
        Err(e) if e.kind() == io::ErrorKind::OutOfMemory => {
            Err(Error::new(ErrorKind::InvalidInput(format!(
                "not enough memory to read the input ({} bytes read)",
                bytes.len()
            ))))
        }
        read => Ok(read.map(|_| bytes)?),
    }
}

// ------------------------------------------------- what the input is ----

/// The UTF-8 byte-order mark some editors put at the start of a text file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without a byte-order mark at its start.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

const FORMATS: &str = "the ICCMA formats are i23 (`p af N`, then `a b` per attack), \
     apx (`arg(a).` and `att(a,b).` facts) and tgf (one name per line, a line `#`, \
     then `a b` per attack)";

const NO_CONTENT: &str = "the input is empty or holds only comments, so its format \
     cannot be told; name it (`iccma --fo FORMAT`, `convert --from FORMAT`)";

const NO_FORMAT: &str = "cannot tell the format: no header `p af N` (i23), no \
     `arg(…).` fact (apx) and no line `#` (tgf); name the format \
     (`iccma --fo FORMAT`, `convert --from FORMAT`)";

/// What a document plainly is when it is not an ICCMA framework (`"a JSON
/// document"`, `"an XML document"`, `"a Graphviz DOT graph"`, `"binary
/// data …"`), from its first KiB.
pub(crate) fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    Foreign::of(without_bom(bytes)).map(|foreign| foreign.what)
}

/// `true` if `line` starts an `apx` fact: `arg` or `att`, then `(`.
fn is_apx_fact(line: &[u8]) -> bool {
    let rest = line
        .strip_prefix(b"arg")
        .or_else(|| line.strip_prefix(b"att"));
    rest.is_some_and(|rest| rest.trim_ascii_start().starts_with(b"("))
}

/// A document that is plainly not an ICCMA framework, by its start: what
/// it is, and where it starts.
#[derive(Clone, Copy)]
struct Foreign {
    what: &'static str,
    line: usize,
    column: usize,
}

/// What a document with a NUL byte near its start is.
const BINARY: &str = "binary data (it holds NUL bytes)";

impl Foreign {
    /// What the document starting with `bytes` (without a byte-order mark)
    /// is, if it is a JSON object or array, XML, a Graphviz DOT graph, or
    /// binary data (a NUL byte in its first KiB). No i23 or apx document
    /// starts so; a tgf one may (an argument named `{n}`, `<a` or
    /// `digraph{`), so the tgf reader asks only of documents without the
    /// line `#`.
    fn of(bytes: &[u8]) -> Option<Foreign> {
        let head = &bytes[..bytes.len().min(1024)];
        let mut start = head.iter().position(|b| !b.is_ascii_whitespace())?;
        let text = &head[start..];
        let what = if let Some(nul) = head.iter().position(|&b| b == 0) {
            start = nul;
            BINARY
        } else {
            match text {
                [b'{' | b'[', ..] => "a JSON document",
                [b'<', b'?' | b'!' | b'a'..=b'z' | b'A'..=b'Z', ..] => "an XML document",
                _ if is_dot_start(&text[..line_end(text, 0)]) => "a Graphviz DOT graph",
                _ => return None,
            }
        };
        let line = 1 + head[..start].iter().filter(|&&b| b == b'\n').count();
        let line_start = head[..start]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = start - line_start + 1;
        Some(Foreign { what, line, column })
    }

    /// The error that says what the document is, for a reader of `format`.
    fn error(self, format: &'static str) -> Error {
        let mut message = format!("this is {}, not an ICCMA framework: {FORMATS}", self.what);
        if self.what.contains("JSON") {
            message.push_str(
                "; an argraph, AIF or Argdown JSON graph becomes one with \
                 `argraph convert GRAPH.json FRAMEWORK.i23`",
            );
        }
        Error::parse(
            format,
            ParseCategory::Syntax,
            self.line,
            self.column,
            message,
        )
    }
}

/// `true` if `line` starts a Graphviz graph: `[strict] digraph|graph [id] {`.
fn is_dot_start(line: &[u8]) -> bool {
    let line = line
        .strip_prefix(b"strict")
        .map_or(line, <[u8]>::trim_ascii_start);
    let rest = line
        .strip_prefix(b"digraph")
        .or_else(|| line.strip_prefix(b"graph"));
    rest.is_some_and(|r| matches!(r.first(), Some(b' ' | b'\t' | b'{')) && r.contains(&b'{'))
}

/// The error for a document of `format` that is plainly something else.
fn foreign_error(format: IccmaFormat, foreign: Foreign) -> Error {
    foreign.error(format.label())
}

/// Writes a framework in `format`.
///
/// # Errors
/// I/O errors; [`ErrorKind::InvalidInput`] when an argument's name cannot be
/// written in `apx` or `tgf` (see [`write_apx`], [`write_tgf`]).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::iccma::{self, IccmaFormat};
/// let af = argraph::ArgumentationFramework::with_names(["a", "b"], [(0, 1)])?;
/// let mut apx = Vec::new();
/// iccma::write(&af, &mut apx, IccmaFormat::Apx)?;
/// assert_eq!(String::from_utf8(apx).unwrap(), "arg(a).\narg(b).\natt(a,b).\n");
/// # Ok(()) }
/// ```
pub fn write(af: &ArgumentationFramework, writer: impl Write, format: IccmaFormat) -> Result<()> {
    match format {
        IccmaFormat::I23 => write_i23(af, writer),
        IccmaFormat::Apx => write_apx(af, writer),
        IccmaFormat::Tgf => write_tgf(af, writer),
    }
}

// ---------------------------------------------------------------- i23 ----

/// The size of the pieces an `i23` input is read in.
const PIECE: usize = 1 << 20;

/// An input read in pieces of whole lines, so that a large file is never
/// held in memory whole.
struct Pieces<R> {
    reader: R,
    piece: Vec<u8>,
    /// The start of the line the last piece cut off, to begin the next one.
    carry: Vec<u8>,
    done: bool,
}

impl<R: Read> Pieces<R> {
    fn new(reader: R) -> Self {
        Pieces {
            reader,
            piece: Vec::with_capacity(PIECE + 4096),
            carry: Vec::new(),
            done: false,
        }
    }

    /// The next piece: whole lines (the last piece's last line may lack its
    /// `\n`), about [`PIECE`] bytes; `None` after the end of the input.
    fn next_piece(&mut self) -> io::Result<Option<&[u8]>> {
        if self.done {
            return Ok(None);
        }
        self.piece.clear();
        self.piece.append(&mut self.carry);
        loop {
            let start = self.piece.len();
            let read = (&mut self.reader)
                .take(PIECE as u64)
                .read_to_end(&mut self.piece)?;
            if read < PIECE {
                self.done = true;
                return Ok(Some(&self.piece));
            }
            // The bytes before `start` hold no line end.
            if let Some(last) = self.piece[start..].iter().rposition(|&b| b == b'\n') {
                let end = start + last + 1;
                self.carry.extend_from_slice(&self.piece[end..]);
                self.piece.truncate(end);
                return Ok(Some(&self.piece));
            }
        }
    }
}

fn i23_error(line: usize, column: usize, category: ParseCategory, message: String) -> Error {
    Error::parse(IccmaFormat::I23.label(), category, line, column, message)
}

/// What scanning a piece for the header found.
enum Header {
    /// The header: `N`, the column of `N`, the position after its line, the
    /// lines up to and including it.
    Found(u32, usize, usize, usize),
    /// Only comments and blank lines (this many).
    NotYet(usize),
}

/// Reads an ICCMA 2023 `i23` framework: optional `#` comment lines and blank
/// lines anywhere, a header `p af N`, then attacks `a b` with `1 <= a, b <=
/// N`, one per line. Arguments are named `1..=N`, unless comment lines
/// `# k name` of the shape [`write_i23`] writes name every one of them,
/// in order and distinctly (then those are their names; `argraph iccma`
/// still answers in numbers, as ICCMA wants). A UTF-8 byte-order mark
/// at the start and `\r\n` line ends are accepted.
///
/// The input is read in pieces of whole lines (1 MiB), so a large file is
/// never held in memory whole. O(input size) time, O(N + attacks) memory;
/// nothing is allocated from `N` before the whole input is read.
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) naming the line and column of
/// the first malformed line (missing or repeated header, a token that is not
/// a number, an argument outside `1..=N`, trailing text), of an `N` above
/// 2^32 - 2 (the most a framework holds), or of the header when the
/// framework's memory cannot be had; a document that is JSON, XML, DOT or
/// binary data is named as such; I/O errors.
///
/// ```
/// let err = argraph::iccma::read_i23(&b"p af 99999999999999999999\n"[..]).unwrap_err();
/// assert!(err.to_string().contains("99999999999999999999"), "{err}");
/// let err = argraph::iccma::read_i23(&b"{\"nodes\": []}"[..]).unwrap_err();
/// assert!(err.to_string().contains("JSON"), "{err}");
/// ```
pub fn read_i23(reader: impl Read) -> Result<ArgumentationFramework> {
    parse_i23(reader, 0)
}

/// Reads an `i23` input of about `size` bytes, if known (else 0).
fn parse_i23(reader: impl Read, size: usize) -> Result<ArgumentationFramework> {
    let mut pieces = Pieces::new(reader);
    let mut foreign = None;
    let parsed = i23_pieces(&mut pieces, size, &mut foreign);
    match (parsed, foreign) {
        // A parse error on what is not i23 at all: say what it is instead.
        (Err(e), Some(kind)) if e.line().is_some() => Err(foreign_error(IccmaFormat::I23, kind)),
        (parsed, _) => parsed,
    }
}

/// The `i23` reader proper; `foreign` is set to what the input looks like
/// if its start is not that of an ICCMA file.
fn i23_pieces(
    pieces: &mut Pieces<impl Read>,
    size: usize,
    foreign: &mut Option<Foreign>,
) -> Result<ArgumentationFramework> {
    let mut lines_before = 0;
    let mut header = None;
    let mut attacks = Attacks::with_room_for(size);
    let mut names = NameComments::new();
    let mut first = true;
    while let Some(mut piece) = pieces.next_piece()? {
        if std::mem::take(&mut first) {
            piece = without_bom(piece);
            *foreign = Foreign::of(piece);
        }
        let (n, lines) = match header {
            Some((n, _)) => (n, piece),
            None => match find_header(piece, lines_before)? {
                Header::Found(n, column, end, lines) => {
                    lines_before += lines;
                    header = Some((n, (lines_before, column)));
                    (n, &piece[end..])
                }
                Header::NotYet(lines) => {
                    lines_before += lines;
                    continue;
                }
            },
        };
        attacks.reserve_for(lines, lines_before)?;
        lines_before += parse_attacks(lines, n, lines_before, &mut attacks, &mut names)?;
    }
    let (n, (line, column)) = header.ok_or_else(|| missing_header(lines_before))?;
    let names = names.into_names(n);
    ArgumentationFramework::from_parts(n, names, attacks.src, attacks.dst).map_err(|e| {
        // Named at the header, whose `N` asked for the memory.
        i23_error(line, column, ParseCategory::Data, e.to_string())
    })
}

/// The attacks read so far, as parallel attacker and target arrays.
struct Attacks {
    src: Vec<u32>,
    dst: Vec<u32>,
}

impl Attacks {
    /// Room for the attacks of an input of `size` bytes, if it can be had:
    /// an attack line takes at least 4 bytes, and reserving for that many
    /// spares growing (and copying) the arrays; capacity never written to
    /// costs address space, not memory. Without it, the arrays grow.
    fn with_room_for(size: usize) -> Attacks {
        let (mut src, mut dst) = (Vec::new(), Vec::new());
        if src.try_reserve_exact(size / 4).is_ok() && dst.try_reserve_exact(size / 4).is_err() {
            src = Vec::new();
        }
        Attacks { src, dst }
    }

    /// Makes room for the attacks of `bytes` (at most one per 4 bytes, and
    /// a last line of 3), so that pushing them cannot fail; the input's
    /// `lines_before` lines came before `bytes`.
    fn reserve_for(&mut self, bytes: &[u8], lines_before: usize) -> Result<()> {
        let most = bytes.len() / 4 + 1;
        if self.src.try_reserve(most).is_err() || self.dst.try_reserve(most).is_err() {
            let message = format!(
                "not enough memory for the attacks: {} read before this line",
                self.src.len()
            );
            return Err(i23_error(lines_before + 1, 1, ParseCategory::Data, message));
        }
        Ok(())
    }

    #[inline]
    fn push(&mut self, a: u32, b: u32) {
        self.src.push(a);
        self.dst.push(b);
    }
}

fn missing_header(lines: usize) -> Error {
    let message = "missing header `p af N`".to_string();
    i23_error(lines.max(1), 1, ParseCategory::Eof, message)
}

#[inline]
fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\r'
}

/// The position of the first byte at or after `i` that is not a blank,
/// or `end`.
fn skip_blanks(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && is_blank(bytes[i]) {
        i += 1;
    }
    i
}

/// The position of the `\n` that ends the line at `start`, or the end.
fn line_end(bytes: &[u8], start: usize) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| start + p)
}

/// Skips comment and blank lines up to the header `p af N` and parses it;
/// `lines_before` lines came before `bytes`.
fn find_header(bytes: &[u8], lines_before: usize) -> Result<Header> {
    let mut i = 0;
    let mut line = 0;
    while i < bytes.len() {
        line += 1;
        let start = i;
        let eol = line_end(bytes, i);
        i = skip_blanks(bytes, i, eol);
        if i == eol || bytes[i] == b'#' {
            i = eol + 1;
            continue;
        }
        let (n, at) = header_line(bytes, i, eol).map_err(|(pos, category, message)| {
            let (line, column) = (lines_before + line, pos - start + 1);
            i23_error(line, column, category, message)
        })?;
        let (column, end) = (at - start + 1, (eol + 1).min(bytes.len()));
        return Ok(Header::Found(n, column, end, line));
    }
    Ok(Header::NotYet(line))
}

/// Parses the header line `p af N` from its first non-blank byte `i` to
/// `eol`: `N` and its position, or the position, category and message of
/// what is wrong with the line.
fn header_line(bytes: &[u8], i: usize, eol: usize) -> std::result::Result<(u32, usize), Bad> {
    let syntax = |at: usize, message: &str| (at, ParseCategory::Syntax, message.to_string());
    let mut k = i;
    for word in [&b"p"[..], &b"af"[..]] {
        let ok = bytes[k..eol].starts_with(word)
            && k + word.len() < eol
            && is_blank(bytes[k + word.len()]);
        if !ok {
            return Err(syntax(
                k,
                "expected the header `p af N` before the first attack",
            ));
        }
        k = skip_blanks(bytes, k + word.len(), eol);
    }
    let (n, end) = number(bytes, k);
    if end == k {
        return Err(syntax(k, "expected the number of arguments after `p af`"));
    }
    if n > MAX_ARGUMENTS {
        let message = format!(
            "`p af {}` declares more arguments than a framework holds (at most {MAX_ARGUMENTS})",
            digits(bytes, k, end)
        );
        return Err((k, ParseCategory::Data, message));
    }
    let trailing = skip_blanks(bytes, end, eol);
    if trailing < eol {
        return Err(syntax(trailing, "expected the end of the header line"));
    }
    Ok((n as u32, k))
}

/// The most arguments a framework holds: its indices are `u32`, and one
/// value is kept free.
const MAX_ARGUMENTS: u64 = u32::MAX as u64 - 1;

/// What is wrong with a line: the position, category and message.
type Bad = (usize, ParseCategory, String);

/// The digits `bytes[start..end]`, as written (a number too large for
/// any integer type is reported as the user wrote it), their start only
/// when there are more than 40.
fn digits(bytes: &[u8], start: usize, end: usize) -> Cow<'_, str> {
    let text = String::from_utf8_lossy(&bytes[start..end]);
    if end - start <= 40 {
        return text;
    }
    Cow::Owned(format!("{}… ({} digits)", &text[..20], end - start))
}

/// Parses attack lines (complete lines; the last may lack its `\n` at the
/// end of the input), `lines_before` lines having come before them; returns
/// the number of lines.
fn parse_attacks(
    bytes: &[u8],
    n: u32,
    lines_before: usize,
    attacks: &mut Attacks,
    names: &mut NameComments,
) -> Result<usize> {
    let len = bytes.len();
    let n = n as u64;
    let mut i = 0;
    let mut line = 0;
    while i < len {
        line += 1;
        // Fast path: `a b\n` with both in range.
        let (a, j) = number(bytes, i);
        if j > i && j < len && bytes[j] == b' ' {
            let (b, k) = number(bytes, j + 1);
            if k > j + 1
                && (k == len || bytes[k] == b'\n')
                && a.wrapping_sub(1) < n
                && b.wrapping_sub(1) < n
            {
                attacks.push(a as u32 - 1, b as u32 - 1);
                i = k + 1;
                continue;
            }
        }
        let eol = line_end(bytes, i);
        if bytes[i] == b'#' {
            names.line(&bytes[i..eol]);
        }
        let attack = general_line(bytes, i, eol, n).map_err(|(pos, category, message)| {
            i23_error(lines_before + line, pos - i + 1, category, message)
        })?;
        if let Some((a, b)) = attack {
            attacks.push(a, b);
        }
        i = eol + 1;
    }
    Ok(line)
}

/// The argument names an `i23` file gives in comment lines of exactly the
/// shape [`write_i23`] writes, `# k name` (one space each side of `k`),
/// numbered `1, 2, …` in order. They name the framework's arguments only
/// when they name each of the `N` once, with distinct names free of
/// control characters (so that they are written back as read); any other
/// comment is only a comment. Only lines starting with `#` are looked at,
/// so attack lines are read as fast as ever.
struct NameComments {
    names: Names,
    count: u32,
    /// Cleared by a name comment out of order, not valid UTF-8, or with a
    /// control character.
    in_order: bool,
}

impl NameComments {
    fn new() -> NameComments {
        NameComments {
            names: Names::table(),
            count: 0,
            in_order: true,
        }
    }

    /// Takes in a comment line (`#` first, no line end).
    fn line(&mut self, line: &[u8]) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(rest) = line.strip_prefix(b"# ") else {
            return;
        };
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let (number, name) = rest.split_at(digits);
        let Some(name) = name.strip_prefix(b" ").filter(|n| !n.is_empty()) else {
            return;
        };
        if !self.in_order {
            return;
        }
        let next = u64::from(self.count) + 1;
        match std::str::from_utf8(name) {
            // A control character (a second `\r`, a NUL) is not one
            // `write_i23` writes as it is: such comments are only comments.
            Ok(name)
                if number == next.to_string().as_bytes() && !name.contains(char::is_control) =>
            {
                self.names.push(name);
                self.count += 1;
            }
            _ => self.in_order = false,
        }
    }

    /// The names, if they name all `n` arguments distinctly (and are not
    /// just their numbers); else numbers.
    fn into_names(self, n: u32) -> Names {
        if !self.in_order || self.count != n || n == 0 {
            return Names::Numbered;
        }
        if (0..n as usize).all(|i| self.names.get(i) == (i + 1).to_string()) {
            return Names::Numbered;
        }
        let mut seen = std::collections::HashSet::with_capacity(n as usize);
        if (0..n as usize).all(|i| seen.insert(self.names.get(i))) {
            self.names
        } else {
            Names::Numbered
        }
    }
}

/// Parses the line `bytes[start..eol]` the general way (blanks, `\r`,
/// comments): its attack (0-based), if any, or the position, category and
/// message of what is wrong with it.
fn general_line(
    bytes: &[u8],
    start: usize,
    eol: usize,
    n: u64,
) -> std::result::Result<Option<(u32, u32)>, Bad> {
    let syntax = |pos: usize, message: String| (pos, ParseCategory::Syntax, message);
    let i = skip_blanks(bytes, start, eol);
    if i == eol || bytes[i] == b'#' {
        return Ok(None);
    }
    if bytes[i] == b'p' {
        return Err(syntax(i, "a second header `p af …`".to_string()));
    }
    let expected_number = |at: usize| {
        let found = show(bytes, at);
        syntax(at, format!("expected an argument number, found {found}"))
    };
    let (a, j) = number(bytes, i);
    if j == i {
        return Err(expected_number(j));
    }
    if j == eol || !is_blank(bytes[j]) {
        let found = show(bytes, j);
        let message = format!("expected a space after the attacker, found {found}");
        return Err(syntax(j, message));
    }
    let k = skip_blanks(bytes, j, eol);
    let (b, e) = number(bytes, k);
    if e == k {
        return Err(expected_number(k));
    }
    let t = skip_blanks(bytes, e, eol);
    if t < eol {
        let found = show(bytes, t);
        return Err(syntax(
            t,
            format!("expected the end of the line, found {found}"),
        ));
    }
    for (v, at, end) in [(a, i, j), (b, k, e)] {
        if v == 0 || v > n {
            let written = digits(bytes, at, end);
            let message = format!("argument {written} is outside 1..={n}");
            return Err((at, ParseCategory::Data, message));
        }
    }
    Ok(Some((a as u32 - 1, b as u32 - 1)))
}

/// Parses a decimal number at `i`; returns it and the position after it
/// (`== i` if there is no digit). A number past `u64::MAX` saturates to it
/// (above any count; messages quote the digits as written); leading zeros
/// are allowed.
#[inline]
fn number(bytes: &[u8], mut i: usize) -> (u64, usize) {
    let start = i;
    let mut v: u64 = 0;
    while i < bytes.len() {
        let d = bytes[i].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        // No 19-digit number overflows; longer ones are parsed again below.
        v = v.wrapping_mul(10).wrapping_add(d as u64);
        i += 1;
    }
    if i - start > 19 {
        v = long_number(&bytes[start..i]);
    }
    (v, i)
}

/// The value of more than 19 decimal digits, saturated at `u64::MAX`.
#[cold]
fn long_number(digits: &[u8]) -> u64 {
    digits.iter().fold(0, |v: u64, &d| {
        v.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// A short description of the token at `i`, for error messages.
fn show(bytes: &[u8], i: usize) -> String {
    match bytes.get(i) {
        None => "the end of the input".to_string(),
        Some(b'\n') => "the end of the line".to_string(),
        Some(_) => {
            let end = (i + 1..bytes.len())
                .find(|&k| bytes[k].is_ascii_whitespace())
                .unwrap_or(bytes.len())
                .min(i + 20);
            format!("{:?}", String::from_utf8_lossy(&bytes[i..end]))
        }
    }
}

/// Writes an `i23` document: `p af N`, then `a b` per attack (1-based). A
/// framework with explicit names gets one comment line `# i name` per
/// argument first, which [`read_i23`] reads back as the names. O(n + m).
///
/// # Errors
/// I/O errors.
pub fn write_i23(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    let mut out = BufWriter::with_capacity(OUT_BUF, writer);
    out.write_all(b"p af ")?;
    write_number(&mut out, af.len())?;
    out.write_all(b"\n")?;
    if !af.is_numbered() {
        for a in 0..af.len() {
            out.write_all(b"# ")?;
            write_number(&mut out, a + 1)?;
            out.write_all(b" ")?;
            out.write_all(af.name(a).replace(['\n', '\r'], " ").as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    let number = |out: &mut BufWriter<_>, a: usize| write_number(out, a + 1);
    write_attacks(&mut out, af, [b"", b" ", b"\n"], number)?;
    Ok(out.flush()?)
}

// ------------------------------------------------------------ writing ----

/// The writers' buffer: large enough that the writes it hands on cost
/// little next to the formatting.
const OUT_BUF: usize = 1 << 16;

fn write_number(out: &mut impl Write, v: usize) -> io::Result<()> {
    out.write_all(itoa::Buffer::new().format(v).as_bytes())
}

/// Writes argument `a` as `apx` and `tgf` name it: its number in a numbered
/// framework, else its name.
fn write_name(out: &mut impl Write, af: &ArgumentationFramework, a: usize) -> io::Result<()> {
    if af.is_numbered() {
        write_number(out, a + 1)
    } else {
        out.write_all(af.name(a).as_bytes())
    }
}

/// Writes `<before>a<between>b<after>` for every attack `(a, b)`, grouped by
/// attacker (the order of [`ArgumentationFramework::attack_pairs`]), with
/// `name` writing each argument.
fn write_attacks<W: Write>(
    out: &mut W,
    af: &ArgumentationFramework,
    [before, between, after]: [&[u8]; 3],
    name: impl Fn(&mut W, usize) -> io::Result<()>,
) -> io::Result<()> {
    for (a, b) in af.attack_pairs() {
        out.write_all(before)?;
        name(out, a)?;
        out.write_all(between)?;
        name(out, b)?;
        out.write_all(after)?;
    }
    Ok(())
}

/// Checks that every name of a named framework can be written as an `apx`
/// or `tgf` token (the numbers of a numbered one always can), before
/// anything is written.
fn check_names(af: &ArgumentationFramework, format: &str, forbidden: &[char]) -> Result<()> {
    if af.is_numbered() {
        return Ok(());
    }
    for a in 0..af.len() {
        let name = af.name(a);
        let bad = |ch: char| ch.is_whitespace() || ch.is_control() || forbidden.contains(&ch);
        if name.is_empty() || name.chars().any(bad) {
            return Err(Error::new(ErrorKind::InvalidInput(format!(
                "argument name {name:?} cannot be written in {format}: it is empty or holds \
                 whitespace, a control character or one of {forbidden:?}"
            ))));
        }
    }
    Ok(())
}

// ---------------------------------------------------------- apx, tgf ----

/// The arguments declared so far in an `apx` or `tgf` document: each
/// name's index (keyed by the input's own bytes, so no `String` per
/// argument) and the names in order.
struct Declared<'a> {
    index: HashMap<&'a [u8], u32, foldhash::fast::RandomState>,
    names: Names,
}

impl<'a> Declared<'a> {
    fn new() -> Self {
        Declared {
            index: HashMap::default(),
            names: Names::table(),
        }
    }

    /// Declares a new argument; `false` if it is declared already.
    fn declare(&mut self, name: &'a str) -> bool {
        let next = self.index.len() as u32;
        match self.index.entry(name.as_bytes()) {
            std::collections::hash_map::Entry::Occupied(_) => false,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(next);
                self.names.push(name);
                true
            }
        }
    }

    fn get(&self, name: &[u8]) -> Option<u32> {
        self.index.get(name).copied()
    }

    fn into_framework(self, src: Vec<u32>, dst: Vec<u32>) -> Result<ArgumentationFramework> {
        let n = self.index.len();
        if n >= u32::MAX as usize {
            return Err(Error::new(ErrorKind::InvalidInput(
                "too many arguments (at most 2^32 - 2)".to_string(),
            )));
        }
        ArgumentationFramework::from_parts(n as u32, self.names, src, dst)
    }
}

/// A cursor over a whole document that turns byte offsets into 1-based line
/// and column numbers only when an error is reported.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    format: IccmaFormat,
}

impl<'a> Cursor<'a> {
    fn error_at(&self, pos: usize, category: ParseCategory, msg: impl Into<String>) -> Error {
        let before = &self.bytes[..pos.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        Error::parse(self.format.label(), category, line, column, msg)
    }

    fn error(&self, msg: impl Into<String>) -> Error {
        let category = if self.pos >= self.bytes.len() {
            ParseCategory::Eof
        } else {
            ParseCategory::Syntax
        };
        self.error_at(self.pos, category, msg)
    }

    /// Skips whitespace and `%` comments (to the end of the line).
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else if b == b'%' {
                self.pos = line_end(self.bytes, self.pos);
            } else {
                break;
            }
        }
    }

    /// Expects `token` after any whitespace and comments.
    fn expect(&mut self, token: u8) -> Result<()> {
        self.skip_space();
        if self.bytes.get(self.pos) == Some(&token) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(format!(
                "expected `{}`, found {}",
                token as char,
                show(self.bytes, self.pos)
            )))
        }
    }

    /// An apx name after any whitespace and comments: bytes up to `(`,
    /// `)`, `,`, whitespace or a `%` comment; with its position.
    fn apx_name(&mut self) -> Result<(usize, &'a str)> {
        self.skip_space();
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(b, b'(' | b')' | b',' | b'%') || b.is_ascii_whitespace() {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.error(format!(
                "expected an argument name, found {}",
                show(self.bytes, self.pos)
            )));
        }
        let name = checked_name(self, start, &self.bytes[start..self.pos])?;
        Ok((start, name))
    }

    /// The index of a declared argument named next.
    fn declared(&mut self, declared: &Declared<'a>) -> Result<u32> {
        let (at, name) = self.apx_name()?;
        declared.get(name.as_bytes()).ok_or_else(|| {
            let message = format!("undeclared argument {name:?}");
            self.error_at(at, ParseCategory::Data, message)
        })
    }
}

/// Reads an ASPARTIX `apx` framework: facts `arg(a).` and `att(a,b).` in any
/// layout (whitespace between tokens, `%` comments to the end of a line).
/// An attack must name declared arguments. O(input size) expected time.
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with line and column for a
/// malformed fact, an argument declared twice or an attack on an undeclared
/// argument; I/O errors.
///
/// ```
/// let af = argraph::iccma::read_apx("arg(a). arg(b).\natt(a, b).".as_bytes()).unwrap();
/// assert_eq!(af.attackers(1), &[0]);
/// let err = argraph::iccma::read_apx("arg(a).\natt(a,c).".as_bytes()).unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(2), Some(7)));
/// ```
pub fn read_apx(reader: impl Read) -> Result<ArgumentationFramework> {
    let bytes = read_all(reader, 0)?;
    parse_apx(&bytes)
}

fn parse_apx(bytes: &[u8]) -> Result<ArgumentationFramework> {
    let bytes = without_bom(bytes);
    apx_facts(bytes).map_err(|e| match Foreign::of(bytes) {
        Some(foreign) => foreign_error(IccmaFormat::Apx, foreign),
        None => e,
    })
}

fn apx_facts(bytes: &[u8]) -> Result<ArgumentationFramework> {
    let mut c = Cursor {
        bytes,
        pos: 0,
        format: IccmaFormat::Apx,
    };
    let mut declared = Declared::new();
    let (mut src, mut dst) = (Vec::new(), Vec::new());
    loop {
        c.skip_space();
        let rest = &bytes[c.pos..];
        if rest.is_empty() {
            break;
        }
        let is_arg = rest.starts_with(b"arg");
        if !is_arg && !rest.starts_with(b"att") {
            return Err(c.error(format!(
                "expected `arg(…).` or `att(…,…).`, found {}",
                show(bytes, c.pos)
            )));
        }
        c.pos += 3;
        c.expect(b'(')?;
        if is_arg {
            let (at, name) = c.apx_name()?;
            if !declared.declare(name) {
                let message = format!("argument {name:?} is declared twice");
                return Err(c.error_at(at, ParseCategory::Data, message));
            }
        } else {
            src.push(c.declared(&declared)?);
            c.expect(b',')?;
            dst.push(c.declared(&declared)?);
        }
        c.expect(b')')?;
        c.expect(b'.')?;
    }
    declared.into_framework(src, dst)
}

/// Writes an `apx` document: `arg(a).` per argument, then `att(a,b).` per
/// attack, one fact a line. O(n + m).
///
/// # Errors
/// [`ErrorKind::InvalidInput`] if a name is empty or holds whitespace, `(`,
/// `)`, `,` or `%`; I/O errors.
pub fn write_apx(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    check_names(af, "apx", &['(', ')', ',', '%'])?;
    let mut out = BufWriter::with_capacity(OUT_BUF, writer);
    for a in 0..af.len() {
        out.write_all(b"arg(")?;
        write_name(&mut out, af, a)?;
        out.write_all(b").\n")?;
    }
    let name = |out: &mut BufWriter<_>, a: usize| write_name(out, af, a);
    write_attacks(&mut out, af, [b"att(", b",", b").\n"], name)?;
    Ok(out.flush()?)
}

/// Reads a Trivial Graph Format framework: one argument per line (its name
/// is the line's first token; the rest, a label, is ignored), a line `#`,
/// then one attack `a b` per line (a trailing label is ignored). Blank lines
/// are skipped. O(input size) expected time.
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) with line and column for an
/// argument declared twice, an attack line with fewer than two names or
/// naming an undeclared argument; I/O errors.
///
/// ```
/// let af = argraph::iccma::read_tgf("a\nb First B\n#\na b\nb a\n".as_bytes()).unwrap();
/// assert_eq!((af.len(), af.attack_count()), (2, 2));
/// assert_eq!(af.name(1), "b");
/// ```
pub fn read_tgf(reader: impl Read) -> Result<ArgumentationFramework> {
    let bytes = read_all(reader, 0)?;
    parse_tgf(&bytes)
}

fn parse_tgf(bytes: &[u8]) -> Result<ArgumentationFramework> {
    let bytes = without_bom(bytes);
    // Almost any text is a tgf document: say what one plainly is not. A
    // document with the line `#` is tgf whatever its first argument's name
    // (`{n}`, `<a`, `digraph{`), as every tgf document argraph writes is.
    let separated = bytes
        .split(|&b| b == b'\n')
        .any(|line| line.trim_ascii() == b"#");
    if let Some(foreign) = Foreign::of(bytes).filter(|f| !separated || f.what == BINARY) {
        return Err(foreign_error(IccmaFormat::Tgf, foreign));
    }
    let c = Cursor {
        bytes,
        pos: 0,
        format: IccmaFormat::Tgf,
    };
    let mut declared = Declared::new();
    let (mut src, mut dst) = (Vec::new(), Vec::new());
    let mut in_attacks = false;
    let mut pos = 0;
    while pos < bytes.len() {
        let end = line_end(bytes, pos);
        let mut tokens = tokens(bytes, pos, end);
        match tokens.next() {
            None => {}
            Some((_, b"#")) if !in_attacks => in_attacks = true,
            Some((at, name)) if !in_attacks => declare_tgf(&c, &mut declared, at, name)?,
            Some((at, b"#")) => {
                let message = "a second line `#`: a tgf document has one, between the \
                               arguments and the attacks";
                return Err(c.error_at(at, ParseCategory::Syntax, message));
            }
            Some(first) => {
                let Some(second) = tokens.next() else {
                    let message = "expected an attack `a b`, found one name";
                    return Err(c.error_at(end, ParseCategory::Syntax, message));
                };
                src.push(declared_tgf(&c, &declared, first)?);
                dst.push(declared_tgf(&c, &declared, second)?);
            }
        }
        pos = end + 1;
    }
    declared.into_framework(src, dst)
}

/// The whitespace-separated tokens of `bytes[start..end]`, with their
/// positions.
fn tokens(bytes: &[u8], start: usize, end: usize) -> impl Iterator<Item = (usize, &[u8])> {
    bytes[start..end]
        .split(|b| b.is_ascii_whitespace())
        .scan(start, |at, token| {
            let token_at = *at;
            *at += token.len() + 1;
            Some((token_at, token))
        })
        .filter(|(_, token)| !token.is_empty())
}

/// The argument name `name`, found at `at`, if it is UTF-8 without control
/// characters (a NUL, an escape, … : binary data or a name no tool shows
/// as written).
fn checked_name<'a>(c: &Cursor, at: usize, name: &'a [u8]) -> Result<&'a str> {
    let name = std::str::from_utf8(name)
        .map_err(|_| c.error_at(at, ParseCategory::Syntax, "argument name is not UTF-8"))?;
    // What the writers cannot write back, the readers refuse: control
    // characters, and whitespace beyond ASCII's (which separates tokens).
    match name
        .char_indices()
        .find(|(_, ch)| ch.is_control() || ch.is_whitespace())
    {
        None => Ok(name),
        Some((k, ch)) => {
            let what = if ch.is_control() {
                "control"
            } else {
                "whitespace"
            };
            let message = format!(
                "argument name {name:?} holds the {what} character U+{:04X}",
                ch as u32
            );
            Err(c.error_at(at + k, ParseCategory::Syntax, message))
        }
    }
}

/// Declares the `tgf` argument `name`, found at `at`.
fn declare_tgf<'a>(
    c: &Cursor<'a>,
    declared: &mut Declared<'a>,
    at: usize,
    name: &'a [u8],
) -> Result<()> {
    let name = checked_name(c, at, name)?;
    if !declared.declare(name) {
        let message = format!("argument {name:?} is declared twice");
        return Err(c.error_at(at, ParseCategory::Data, message));
    }
    Ok(())
}

/// The index of the declared `tgf` argument `name`, found at `at`.
fn declared_tgf(c: &Cursor, declared: &Declared, (at, name): (usize, &[u8])) -> Result<u32> {
    declared.get(name).ok_or_else(|| {
        let name = String::from_utf8_lossy(name);
        let message = format!("undeclared argument {name:?}");
        c.error_at(at, ParseCategory::Data, message)
    })
}

/// Writes a Trivial Graph Format document: one name per line, `#`, then
/// `a b` per attack. O(n + m).
///
/// # Errors
/// [`ErrorKind::InvalidInput`] if a name is empty, holds whitespace or is
/// `#`; I/O errors.
pub fn write_tgf(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    check_names(af, "tgf", &[])?;
    if !af.is_numbered() && (0..af.len()).any(|a| af.name(a) == "#") {
        return Err(Error::new(ErrorKind::InvalidInput(
            "an argument named \"#\" cannot be written in tgf".to_string(),
        )));
    }
    let mut out = BufWriter::with_capacity(OUT_BUF, writer);
    // A reader takes a U+FEFF that starts the document as a byte-order
    // mark: a first name that starts with one gets a mark before it.
    if !af.is_empty() && af.name(0).starts_with('\u{feff}') {
        out.write_all(BOM)?;
    }
    for a in 0..af.len() {
        write_name(&mut out, af, a)?;
        out.write_all(b"\n")?;
    }
    out.write_all(b"#\n")?;
    let name = |out: &mut BufWriter<_>, a: usize| write_name(out, af, a);
    write_attacks(&mut out, af, [b"", b" ", b"\n"], name)?;
    Ok(out.flush()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn i23_errors_name_line_and_column() {
        let cases: &[(&str, usize, usize)] = &[
            ("1 2\n", 1, 1),
            ("p af 2\n1 3\n", 2, 3),
            ("p af 2\n1\n", 2, 2),
            ("p af 2\n1 2 3\n", 2, 5),
            ("# c\np af x\n", 2, 6),
            ("p af 2\n  1 2x\n", 2, 6),
        ];
        for &(text, line, column) in cases {
            let err = read_i23(text.as_bytes()).unwrap_err();
            assert_eq!(
                (err.line(), err.column()),
                (Some(line), Some(column)),
                "{text:?}: {err}"
            );
        }
        assert!(read_i23("# only a comment\n".as_bytes()).is_err());
    }

    #[test]
    fn i23_across_chunk_boundaries() {
        let n = 200_000;
        let mut text = format!("p af {n}\n");
        for a in 1..=n {
            text.push_str(&format!("{a} {}\r\n", a % n + 1));
        }
        text.push_str("# end");
        let af = read_i23(text.as_bytes()).unwrap();
        assert_eq!((af.len(), af.attack_count()), (n, n));
        assert_eq!(af.attackers(0), &[n as u32 - 1]);
    }

    #[test]
    fn errors_late_in_a_large_file_name_their_line() {
        let n = 1_000_000;
        let mut text = format!("# generated\np af {n}\n");
        for a in 1..=n {
            text.push_str(&format!("{a} {}\n", (a * 7) % n + 1));
        }
        assert!(text.len() > 3 * PIECE);
        let af = read_i23(text.as_bytes()).unwrap();
        assert_eq!(af.attack_count(), n);
        assert_eq!(af.targets(n - 1), &[((n * 7) % n) as u32]);
        // An error late in the file: line numbers count every piece before it.
        let bad_line = n - 5 + 2; // attack n-5 sits on line (n-5) + 2
        let mut lines: Vec<&str> = text.lines().collect();
        lines[bad_line - 1] = "12 x";
        let bad = lines.join("\n");
        let e = read_i23(bad.as_bytes()).unwrap_err();
        assert_eq!((e.line(), e.column()), (Some(bad_line), Some(4)));
    }

    #[test]
    fn round_trips() {
        let af =
            ArgumentationFramework::with_names(["a", "b", "c"], [(0, 1), (1, 0), (2, 2)]).unwrap();
        for format in [IccmaFormat::I23, IccmaFormat::Apx, IccmaFormat::Tgf] {
            let mut bytes = Vec::new();
            write(&af, &mut bytes, format).unwrap();
            assert_eq!(IccmaFormat::sniff(&bytes).unwrap(), format);
            let back = read(&bytes[..], format).unwrap();
            let pairs: Vec<_> = back.attack_pairs().collect();
            assert_eq!(pairs, [(0, 1), (1, 0), (2, 2)], "{format:?}");
            if format != IccmaFormat::I23 {
                assert_eq!(back.name(2), "c");
            }
        }
    }

    #[test]
    fn numbers_are_written_with_every_digit_count() {
        let mut values = vec![
            0usize,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            usize::MAX,
            usize::MAX - 1,
        ];
        for k in 1..20 {
            let p = 10usize.pow(k);
            values.extend([p - 1, p, p + 1, p / 10 * 3 + 7]);
        }
        let mut bytes = Vec::new();
        for &v in &values {
            bytes.push(b'<');
            write_number(&mut bytes, v).unwrap();
            bytes.push(b',');
            write_number(&mut bytes, v / 3).unwrap();
            bytes.push(b'>');
            write_number(&mut bytes, v).unwrap();
        }
        let expected: String = values
            .iter()
            .map(|v| format!("<{v},{}>{v}", v / 3))
            .collect();
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    proptest::proptest! {
        /// A numbered framework's arguments are written as numbers formatted
        /// on the fly; the bytes are those of the same framework with the
        /// names "1", "2", … as strings, and for i23 those of `format!`.
        #[test]
        fn numbered_writers_give_the_bytes_of_the_named_ones(
            n in 1usize..300,
            attacks in proptest::collection::vec((0usize..1000, 0usize..1000), 0..900),
        ) {
            let attacks: Vec<(usize, usize)> =
                attacks.into_iter().map(|(a, b)| (a % n, b % n)).collect();
            let numbered = ArgumentationFramework::new(n, attacks.iter().copied()).unwrap();
            let names: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
            let named = ArgumentationFramework::with_names(&names, attacks.iter().copied()).unwrap();
            proptest::prop_assert!(numbered.is_numbered() && !named.is_numbered());
            for format in [IccmaFormat::Apx, IccmaFormat::Tgf] {
                let (mut fast, mut general) = (Vec::new(), Vec::new());
                write(&numbered, &mut fast, format).unwrap();
                write(&named, &mut general, format).unwrap();
                proptest::prop_assert_eq!(&fast, &general, "{:?}", format);
            }
            let mut fast = Vec::new();
            write_i23(&numbered, &mut fast).unwrap();
            let mut expected = format!("p af {n}\n");
            for (a, b) in numbered.attack_pairs() {
                expected.push_str(&format!("{} {}\n", a + 1, b + 1));
            }
            proptest::prop_assert_eq!(String::from_utf8(fast).unwrap(), expected);
        }
    }

    #[test]
    fn large_numbered_frameworks_give_the_bytes_of_named_ones() {
        // Sizes of the blocks the writers once formatted on two threads.
        const BLOCK_LINES: usize = 1 << 16;
        let n = 50_000;
        let m = 3 * BLOCK_LINES + 17;
        // Pseudo-random attacks, and one attacker with a block's worth.
        let mut attacks: Vec<(usize, usize)> = (0..m)
            .map(|k| ((k * 7919 + 13) % n, (k * 104_729 + 7) % n))
            .collect();
        attacks.extend((0..BLOCK_LINES + 5).map(|k| (n / 2, k % n)));
        let numbered = ArgumentationFramework::new(n, attacks.iter().copied()).unwrap();
        let names: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        let named = ArgumentationFramework::with_names(&names, attacks.iter().copied()).unwrap();
        for format in [IccmaFormat::Apx, IccmaFormat::Tgf] {
            let (mut fast, mut general) = (Vec::new(), Vec::new());
            write(&numbered, &mut fast, format).unwrap();
            write(&named, &mut general, format).unwrap();
            assert!(fast == general, "{format:?}");
        }
        let mut fast = Vec::new();
        write_i23(&numbered, &mut fast).unwrap();
        let mut expected = format!("p af {n}\n");
        for (a, b) in numbered.attack_pairs() {
            expected.push_str(&format!("{} {}\n", a + 1, b + 1));
        }
        assert!(fast == expected.as_bytes());
    }

    #[test]
    fn apx_and_tgf_errors() {
        let err = read_apx("arg(a).\narg(a).".as_bytes()).unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(5)));
        let err = read_apx("arg(a)".as_bytes()).unwrap_err();
        assert_eq!(err.line(), Some(1));
        let err = read_tgf("a\n#\na b\n".as_bytes()).unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(3), Some(3)));
        let af = ArgumentationFramework::with_names(["a b"], []).unwrap();
        assert!(write_apx(&af, Vec::new()).is_err());
    }
}
