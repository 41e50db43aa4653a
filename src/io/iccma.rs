//! Readers and writers for the abstract-framework formats of the ICCMA
//! competitions: `i23` (ICCMA 2023), `apx` (ASPARTIX, ICCMA 2015–2021) and
//! `tgf` (Trivial Graph Format, ICCMA 2015–2019).
//!
//! The readers work on bytes, without regular expressions or a `String` per
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

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, ParseCategory, Result};
use crate::model::framework::Names;
use crate::model::ArgumentationFramework;

/// One of the ICCMA file formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IccmaFormat {
    /// ICCMA 2023: a header `p af N`, then one attack `a b` per line
    /// (arguments are `1..=N`), `#` comment lines.
    I23,
    /// ASPARTIX: `arg(a).` and `att(a,b).` facts; `%` comments.
    Apx,
    /// Trivial Graph Format: one argument per line, a line `#`, then one
    /// attack `a b` per line.
    Tgf,
}

impl IccmaFormat {
    /// The format a file name's extension names: `.i23` and `.af` → `i23`,
    /// `.apx` → `apx`, `.tgf` → `tgf`.
    pub fn from_path(path: &Path) -> Option<IccmaFormat> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "i23" | "af" => Some(IccmaFormat::I23),
            "apx" => Some(IccmaFormat::Apx),
            "tgf" => Some(IccmaFormat::Tgf),
            _ => None,
        }
    }

    /// Guesses the format from the start of a document: `p af` → `i23`,
    /// `arg(`/`att(` → `apx`, anything else → `tgf`.
    pub fn sniff(bytes: &[u8]) -> IccmaFormat {
        let mut rest = bytes;
        loop {
            let line_end = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let line = trim(&rest[..line_end]);
            if line.is_empty() || (line[0] == b'%') || (line[0] == b'#' && line.len() > 1) {
                if line_end == rest.len() {
                    return IccmaFormat::Tgf;
                }
                rest = &rest[line_end + 1..];
                continue;
            }
            return if line.starts_with(b"p ") || line.starts_with(b"p\t") {
                IccmaFormat::I23
            } else if line.starts_with(b"arg") || line.starts_with(b"att") {
                IccmaFormat::Apx
            } else {
                IccmaFormat::Tgf
            };
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

impl FromStr for IccmaFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "i23" | "af" => Ok(IccmaFormat::I23),
            "apx" => Ok(IccmaFormat::Apx),
            "tgf" => Ok(IccmaFormat::Tgf),
            _ => Err(format!(
                "unknown framework format {s:?} (expected one of: i23, apx, tgf)"
            )),
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
        let size = file.metadata().map(|m| m.len() as usize).unwrap_or(0);
        match format.or_else(|| IccmaFormat::from_path(path)) {
            Some(IccmaFormat::I23) => read_i23(file),
            Some(IccmaFormat::Apx) => read_apx(file),
            Some(IccmaFormat::Tgf) => read_tgf(file),
            None => {
                let bytes = read_all(file, size)?;
                read_bytes(&bytes, IccmaFormat::sniff(&bytes))
            }
        }
    };
    run().map_err(|e| e.at_path(path))
}

/// Reads a framework in `format` from a reader.
///
/// # Errors
/// As [`read_path`].
pub fn read(reader: impl Read, format: IccmaFormat) -> Result<ArgumentationFramework> {
    match format {
        IccmaFormat::I23 => read_i23(reader),
        IccmaFormat::Apx => read_apx(reader),
        IccmaFormat::Tgf => read_tgf(reader),
    }
}

fn read_bytes(bytes: &[u8], format: IccmaFormat) -> Result<ArgumentationFramework> {
    match format {
        IccmaFormat::I23 => read_i23(bytes),
        IccmaFormat::Apx => parse_apx(bytes),
        IccmaFormat::Tgf => parse_tgf(bytes),
    }
}

fn read_all(mut reader: impl Read, size: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(size + 1);
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Writes a framework in `format`.
///
/// # Errors
/// I/O errors; [`ErrorKind::InvalidInput`] when an argument's name cannot be
/// written in `apx` or `tgf` (see [`write_apx`], [`write_tgf`]).
pub fn write(af: &ArgumentationFramework, writer: impl Write, format: IccmaFormat) -> Result<()> {
    match format {
        IccmaFormat::I23 => write_i23(af, writer),
        IccmaFormat::Apx => write_apx(af, writer),
        IccmaFormat::Tgf => write_tgf(af, writer),
    }
}

// ---------------------------------------------------------------- i23 ----

/// The size of the pieces the input is read in.
const CHUNK: usize = 4 << 20;

/// A parse error located relative to the start of a slice of lines.
struct LineError {
    line: usize,
    column: usize,
    category: ParseCategory,
    message: String,
}

impl LineError {
    fn into_error(self, lines_before: usize) -> Error {
        Error::parse(
            "ICCMA i23",
            self.category,
            self.line + lines_before,
            self.column,
            self.message,
        )
    }
}

/// What scanning for the header found.
enum Header {
    /// The header: `N`, the position after its line, the lines up to and
    /// including it.
    Found(u32, usize, usize),
    /// Only comments and blank lines (this many).
    NotYet(usize),
}

/// Refills `buf` with `carry` and then up to [`CHUNK`] bytes of input, keeps
/// whole lines in `buf` and moves a trailing partial line to `carry`.
/// Returns `true` at the end of the input (then `buf` holds everything
/// left, and `carry` is empty).
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, carry: &mut Vec<u8>) -> io::Result<bool> {
    buf.clear();
    buf.append(carry);
    let mut target = if buf.len() < CHUNK {
        CHUNK
    } else {
        buf.len() + CHUNK
    };
    loop {
        while buf.len() < target {
            let want = (target - buf.len()) as u64;
            if reader.by_ref().take(want).read_to_end(buf)? == 0 {
                return Ok(true);
            }
        }
        match buf.iter().rposition(|&b| b == b'\n') {
            Some(p) => {
                carry.extend_from_slice(&buf[p + 1..]);
                buf.truncate(p + 1);
                return Ok(false);
            }
            // A line longer than a piece: read on.
            None => target = buf.len() + CHUNK,
        }
    }
}

type Parsed = (Vec<u32>, Vec<u32>, usize);

fn parse_piece(part: &[u8], n: u32) -> std::result::Result<Parsed, LineError> {
    let (mut src, mut dst) = (Vec::new(), Vec::new());
    // Every attack line takes at least 4 bytes; untouched capacity costs
    // address space, not memory.
    src.reserve(part.len() / 4);
    dst.reserve(part.len() / 4);
    let lines = parse_attacks(part, n, &mut src, &mut dst)?;
    src.shrink_to_fit();
    dst.shrink_to_fit();
    Ok((src, dst, lines))
}

/// Reads an ICCMA 2023 `i23` framework: optional `#` comment lines and blank
/// lines anywhere, a header `p af N`, then attacks `a b` with `1 <= a, b <=
/// N`, one per line. Arguments are named `1..=N`.
///
/// The input is streamed in 4 MiB pieces of whole lines, two at a time: one
/// is parsed on a second thread while this one parses the other, so a large
/// file is parsed on two cores without ever being held in memory whole.
/// O(input size) time, O(n + m) memory.
///
/// # Errors
/// [`ErrorKind::Parse`](crate::ErrorKind::Parse) naming the line and column of
/// the first malformed line (missing or repeated header, a token that is not
/// a number, an argument outside `1..=N`, trailing text); I/O errors.
pub fn read_i23(mut reader: impl Read) -> Result<ArgumentationFramework> {
    let mut carry = Vec::new();
    let mut a = Vec::with_capacity(CHUNK + 4096);
    let mut lines_before = 0;
    // The header, usually in the first piece.
    let n = loop {
        let eof = fill(&mut reader, &mut a, &mut carry)?;
        match find_header(&a).map_err(|e| e.into_error(lines_before))? {
            Header::Found(n, pos, lines) => {
                lines_before += lines;
                let mut rest = a[pos..].to_vec();
                rest.append(&mut carry);
                carry = rest;
                break n;
            }
            Header::NotYet(lines) => {
                lines_before += lines;
                if eof {
                    return Err(missing_header(lines_before));
                }
            }
        }
    };
    let mut b = Vec::with_capacity(CHUNK + 4096);
    let mut chunks = Vec::new();
    loop {
        let eof_a = fill(&mut reader, &mut a, &mut carry)?;
        let eof_b = eof_a || fill(&mut reader, &mut b, &mut carry)?;
        if eof_a {
            b.clear();
        }
        let (ra, rb) = if b.is_empty() {
            (parse_piece(&a, n), Ok((Vec::new(), Vec::new(), 0)))
        } else {
            std::thread::scope(|scope| {
                let hb = scope.spawn(|| parse_piece(&b, n));
                let ra = parse_piece(&a, n);
                (ra, hb.join().expect("parser thread does not panic"))
            })
        };
        for r in [ra, rb] {
            let (src, dst, lines) = r.map_err(|e| e.into_error(lines_before))?;
            lines_before += lines;
            if !src.is_empty() {
                chunks.push((src, dst));
            }
        }
        if eof_b {
            break;
        }
    }
    ArgumentationFramework::from_chunks(n, Names::Numbered, chunks)
}

fn missing_header(lines: usize) -> Error {
    Error::parse(
        "ICCMA i23",
        ParseCategory::Eof,
        lines.max(1),
        1,
        "missing header `p af N`",
    )
}

#[inline]
fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\r'
}

/// Skips comment and blank lines up to the header `p af N` and parses it.
fn find_header(bytes: &[u8]) -> std::result::Result<Header, LineError> {
    let len = bytes.len();
    let mut i = 0;
    let mut line = 0;
    while i < len {
        line += 1;
        let start = i;
        let eol = bytes[i..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(len, |p| i + p);
        while i < eol && is_blank(bytes[i]) {
            i += 1;
        }
        if i == eol || bytes[i] == b'#' {
            i = eol + 1;
            continue;
        }
        let err = |pos: usize, msg: &str| LineError {
            line,
            column: pos - start + 1,
            category: ParseCategory::Syntax,
            message: msg.to_string(),
        };
        let mut k = i;
        for word in [&b"p"[..], &b"af"[..]] {
            let ok = bytes[k..eol].starts_with(word)
                && k + word.len() < eol
                && is_blank(bytes[k + word.len()]);
            if !ok {
                return Err(err(
                    k,
                    "expected the header `p af N` before the first attack",
                ));
            }
            k += word.len();
            while k < eol && is_blank(bytes[k]) {
                k += 1;
            }
        }
        let (n, e) = number(bytes, k);
        if e == k {
            return Err(err(k, "expected the number of arguments after `p af`"));
        }
        if n >= u32::MAX as u64 {
            return Err(err(k, "too many arguments (at most 2^32 - 2)"));
        }
        let mut t = e;
        while t < eol && is_blank(bytes[t]) {
            t += 1;
        }
        if t < eol {
            return Err(err(t, "expected the end of the header line"));
        }
        return Ok(Header::Found(n as u32, (eol + 1).min(len), line));
    }
    Ok(Header::NotYet(line))
}

/// Parses attack lines (complete lines; the last may lack its `\n` at the
/// end of the input); returns the number of lines.
fn parse_attacks(
    bytes: &[u8],
    n: u32,
    src: &mut Vec<u32>,
    dst: &mut Vec<u32>,
) -> std::result::Result<usize, LineError> {
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
                src.push(a as u32 - 1);
                dst.push(b as u32 - 1);
                i = k + 1;
                continue;
            }
        }
        i = slow_line(bytes, i, n, line, src, dst)?;
    }
    Ok(line)
}

/// Parses one line the general way (blanks, `\r`, comments) and reports
/// what is wrong with it; returns the position after the line.
fn slow_line(
    bytes: &[u8],
    start: usize,
    n: u64,
    line: usize,
    src: &mut Vec<u32>,
    dst: &mut Vec<u32>,
) -> std::result::Result<usize, LineError> {
    let len = bytes.len();
    let eol = bytes[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(len, |p| start + p);
    let err = |pos: usize, category: ParseCategory, message: String| LineError {
        line,
        column: pos - start + 1,
        category,
        message,
    };
    let mut i = start;
    while i < eol && is_blank(bytes[i]) {
        i += 1;
    }
    if i == eol || bytes[i] == b'#' {
        return Ok(eol + 1);
    }
    if bytes[i] == b'p' {
        return Err(err(
            i,
            ParseCategory::Syntax,
            "a second header `p af …`".to_string(),
        ));
    }
    let (a, j) = number(bytes, i);
    if j == i {
        return Err(err(
            j,
            ParseCategory::Syntax,
            format!("expected an argument number, found {}", show(bytes, j)),
        ));
    }
    if j == eol || !is_blank(bytes[j]) {
        return Err(err(
            j,
            ParseCategory::Syntax,
            format!(
                "expected a space after the attacker, found {}",
                show(bytes, j)
            ),
        ));
    }
    let mut k = j;
    while k < eol && is_blank(bytes[k]) {
        k += 1;
    }
    let (b, e) = number(bytes, k);
    if e == k {
        return Err(err(
            k,
            ParseCategory::Syntax,
            format!("expected an argument number, found {}", show(bytes, k)),
        ));
    }
    let mut t = e;
    while t < eol && is_blank(bytes[t]) {
        t += 1;
    }
    if t < eol {
        return Err(err(
            t,
            ParseCategory::Syntax,
            format!("expected the end of the line, found {}", show(bytes, t)),
        ));
    }
    for (v, at) in [(a, i), (b, k)] {
        if v == 0 || v > n {
            return Err(err(
                at,
                ParseCategory::Data,
                format!("argument {v} is outside 1..={n}"),
            ));
        }
    }
    src.push(a as u32 - 1);
    dst.push(b as u32 - 1);
    Ok(eol + 1)
}

/// Parses a decimal number at `i` (at most 19 digits); returns it and the
/// position after it (`== i` if there is no digit). Longer numbers saturate.
#[inline]
fn number(bytes: &[u8], mut i: usize) -> (u64, usize) {
    let mut v: u64 = 0;
    let start = i;
    while i < bytes.len() {
        let d = bytes[i].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = if i - start < 19 {
            v * 10 + d as u64
        } else {
            u64::MAX
        };
        i += 1;
    }
    (v, i)
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
/// argument first, so the names are not lost to a reader (readers ignore
/// them). O(n + m).
///
/// # Errors
/// I/O errors.
pub fn write_i23(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    let mut out = Out::new(writer);
    out.bytes(b"p af ")?;
    out.uint(af.len() as u64)?;
    out.bytes(b"\n")?;
    if !af.is_numbered() {
        for a in 0..af.len() {
            out.bytes(b"# ")?;
            out.uint(a as u64 + 1)?;
            out.bytes(b" ")?;
            out.bytes(af.name(a).replace(['\n', '\r'], " ").as_bytes())?;
            out.bytes(b"\n")?;
        }
    }
    attack_lines(&mut out, af, b"", b" ", b"\n")?;
    out.finish()
}

/// The size of [`Out`]'s buffer: the writes it hands on are this large.
const OUT_BUF: usize = 1 << 20;

/// A buffered writer with fast integer formatting: a fixed buffer that
/// small pieces are copied into (constant-length pieces without a call to
/// `memcpy`), handed on to the inner writer [`OUT_BUF`] bytes at a time.
pub(crate) struct Out<W: Write> {
    buf: Box<[u8]>,
    len: usize,
    inner: W,
}

impl<W: Write> Out<W> {
    pub(crate) fn new(inner: W) -> Self {
        Out {
            buf: vec![0u8; OUT_BUF].into_boxed_slice(),
            len: 0,
            inner,
        }
    }

    /// Hands the buffer on to the inner writer.
    #[cold]
    fn drain(&mut self) -> io::Result<()> {
        self.inner.write_all(&self.buf[..self.len])?;
        self.len = 0;
        Ok(())
    }

    /// Makes room for `k <= OUT_BUF` more bytes.
    #[inline]
    fn room(&mut self, k: usize) -> io::Result<()> {
        if self.len + k > self.buf.len() {
            self.drain()?;
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        if b.len() > self.buf.len() {
            self.drain()?;
            return self.inner.write_all(b);
        }
        self.room(b.len())?;
        self.buf[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
        Ok(())
    }

    /// Appends `v` in decimal; the caller has made room for 20 bytes.
    #[inline]
    fn put_uint(&mut self, v: u64) {
        let mut digits = itoa::Buffer::new();
        let d = digits.format(v).as_bytes();
        self.buf[self.len..self.len + d.len()].copy_from_slice(d);
        self.len += d.len();
    }

    /// Appends a constant-length piece; the caller has made room for it.
    #[inline]
    fn put<const K: usize>(&mut self, b: &[u8; K]) {
        self.buf[self.len..self.len + K].copy_from_slice(b);
        self.len += K;
    }

    #[inline]
    pub(crate) fn uint(&mut self, v: u64) -> io::Result<()> {
        self.room(20)?;
        self.put_uint(v);
        Ok(())
    }

    /// Writes `<pre>a<mid>b<post>` with `a` and `b` in decimal: one ICCMA
    /// line (`att(a,b).\n`, `a b\n`, `arg(a).\n` with `b` left out).
    #[inline]
    fn line<const P: usize, const M: usize, const Q: usize>(
        &mut self,
        pre: &[u8; P],
        a: u64,
        mid: &[u8; M],
        b: Option<u64>,
        post: &[u8; Q],
    ) -> io::Result<()> {
        self.room(P + M + Q + 40)?;
        self.put(pre);
        self.put_uint(a);
        if let Some(b) = b {
            self.put(mid);
            self.put_uint(b);
        }
        self.put(post);
        Ok(())
    }

    pub(crate) fn finish(mut self) -> Result<()> {
        self.drain()?;
        self.inner.flush()?;
        Ok(())
    }
}

/// Attack lines per block of [`attack_lines`].
const BLOCK_LINES: usize = 1 << 16;

/// The inner writer of a block's [`Out`], sized so that it never drains:
/// a drain would be a bug, reported as an error rather than lost bytes.
struct NoDrain;

impl Write for NoDrain {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("an ICCMA block outgrew its buffer"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes `<pre>a<mid>b<post>` for every attack `(a, b)`, numbered from 1,
/// grouped by attacker (the order of [`ArgumentationFramework::attack_pairs`]).
/// With more than two blocks of [`BLOCK_LINES`] attacks, the odd blocks are
/// formatted on a second thread while this one formats and writes the even
/// ones, in order.
fn attack_lines<W: Write, const P: usize, const M: usize, const Q: usize>(
    out: &mut Out<W>,
    af: &ArgumentationFramework,
    pre: &[u8; P],
    mid: &[u8; M],
    post: &[u8; Q],
) -> io::Result<()> {
    /// The lines of the attackers `from..to`.
    fn lines<V: Write, const P: usize, const M: usize, const Q: usize>(
        out: &mut Out<V>,
        af: &ArgumentationFramework,
        (from, to): (usize, usize),
        (pre, mid, post): (&[u8; P], &[u8; M], &[u8; Q]),
    ) -> io::Result<()> {
        for a in from..to {
            for &b in af.attacked_by(a) {
                out.line(pre, a as u64 + 1, mid, Some(b as u64 + 1), post)?;
            }
        }
        Ok(())
    }
    let n = af.len();
    if af.attack_count() <= 2 * BLOCK_LINES {
        return lines(out, af, (0, n), (pre, mid, post));
    }
    // Attacker ranges of about BLOCK_LINES attacks each.
    let mut bounds = vec![0];
    let mut count = 0;
    for a in 0..n {
        count += af.attacked_by(a).len();
        if count >= BLOCK_LINES {
            bounds.push(a + 1);
            count = 0;
        }
    }
    if bounds.last() != Some(&n) {
        bounds.push(n);
    }
    let blocks = bounds.len() - 1;
    let width = P + M + Q + 2 * (n.checked_ilog10().unwrap_or(0) as usize + 1);
    let render = |k: usize| -> io::Result<Vec<u8>> {
        let (from, to) = (bounds[k], bounds[k + 1]);
        let count: usize = (from..to).map(|a| af.attacked_by(a).len()).sum();
        let mut block = Out {
            buf: vec![0u8; count * width + P + M + Q + 64].into_boxed_slice(),
            len: 0,
            inner: NoDrain,
        };
        lines(&mut block, af, (from, to), (pre, mid, post))?;
        let mut bytes = block.buf.into_vec();
        bytes.truncate(block.len);
        Ok(bytes)
    };
    super::write_blocks(blocks, render, |bytes| out.bytes(bytes))
}

// ---------------------------------------------------------------- apx ----

/// A name → index table over a packed string table (open addressing with
/// linear probing), so that reading named formats allocates no `String` per
/// argument. Each slot keeps a 64-bit key — the name's bytes themselves for
/// names of at most 8 bytes (most ICCMA names), a hash otherwise — so a
/// lookup touches one slot in the common case instead of chasing the
/// string table.
struct NameIndex {
    text: String,
    ends: Vec<usize>,
    slots: Vec<Slot>,
}

#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    len: u32,
    index: u32,
}

const EMPTY: Slot = Slot {
    key: 0,
    len: 0,
    index: u32::MAX,
};

impl NameIndex {
    fn new() -> NameIndex {
        NameIndex {
            text: String::new(),
            ends: Vec::new(),
            slots: vec![EMPTY; 16],
        }
    }

    fn hash(name: &[u8]) -> u64 {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h: u64 = 0;
        let mut chunks = name.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        h
    }

    /// The slot key of a name: its bytes if they fit, else its hash.
    fn key(name: &[u8]) -> u64 {
        if name.len() <= 8 {
            let mut b = [0u8; 8];
            b[..name.len()].copy_from_slice(name);
            u64::from_le_bytes(b)
        } else {
            Self::hash(name)
        }
    }

    /// MurmurHash3's 64-bit finaliser: spreads a key over the low bits the
    /// table uses.
    fn spread(mut h: u64) -> u64 {
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }

    fn name(&self, i: u32) -> &[u8] {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text.as_bytes()[start..self.ends[i]]
    }

    /// The slot where `name` (with key `key`) is or would go.
    fn slot(&self, name: &[u8], key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = Self::spread(key ^ name.len() as u64) as usize & mask;
        loop {
            let slot = self.slots[s];
            if slot.index == u32::MAX
                || (slot.key == key
                    && slot.len as usize == name.len()
                    && (name.len() <= 8 || self.name(slot.index) == name))
            {
                return s;
            }
            s = (s + 1) & mask;
        }
    }

    fn get(&self, name: &[u8]) -> Option<u32> {
        let v = self.slots[self.slot(name, Self::key(name))].index;
        (v != u32::MAX).then_some(v)
    }

    /// Inserts a new name; `Err(existing index)` if it is already there.
    fn insert(&mut self, name: &str) -> std::result::Result<u32, u32> {
        if (self.ends.len() + 1) * 2 > self.slots.len() {
            let mut slots = vec![EMPTY; self.slots.len() * 2];
            std::mem::swap(&mut slots, &mut self.slots);
            let mask = self.slots.len() - 1;
            for slot in slots.into_iter().filter(|s| s.index != u32::MAX) {
                let mut s = Self::spread(slot.key ^ slot.len as u64) as usize & mask;
                while self.slots[s].index != u32::MAX {
                    s = (s + 1) & mask;
                }
                self.slots[s] = slot;
            }
        }
        let bytes = name.as_bytes();
        let key = Self::key(bytes);
        let s = self.slot(bytes, key);
        if self.slots[s].index != u32::MAX {
            return Err(self.slots[s].index);
        }
        let i = self.ends.len() as u32;
        self.text.push_str(name);
        self.ends.push(self.text.len());
        self.slots[s] = Slot {
            key,
            len: bytes.len() as u32,
            index: i,
        };
        Ok(i)
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn into_names(self) -> Names {
        Names::Table {
            text: self.text,
            ends: self.ends,
        }
    }
}

/// A cursor over a whole document that turns byte offsets into 1-based line
/// and column numbers only when an error is reported.
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
    format: &'static str,
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
        Error::parse(self.format, category, line, column, msg)
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
    fn skip_space(&mut self, comment: u8) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else if b == comment {
                while self.pos < self.bytes.len() && self.bytes[self.pos] != b'\n' {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn expect(&mut self, token: u8) -> Result<()> {
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

    /// An apx name: bytes up to `(`, `)`, `,` or whitespace.
    fn apx_name(&mut self) -> Result<&'a str> {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'(' || b == b')' || b == b',' || b.is_ascii_whitespace() {
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
        std::str::from_utf8(&self.bytes[start..self.pos])
            .map_err(|_| self.error_at(start, ParseCategory::Syntax, "argument name is not UTF-8"))
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
    let mut c = Cursor {
        bytes,
        pos: 0,
        format: IccmaFormat::Apx.label(),
    };
    let mut names = NameIndex::new();
    let (mut src, mut dst) = (Vec::new(), Vec::new());
    loop {
        c.skip_space(b'%');
        if c.pos >= bytes.len() {
            break;
        }
        let rest = &bytes[c.pos..];
        let is_arg = rest.starts_with(b"arg");
        if !is_arg && !rest.starts_with(b"att") {
            return Err(c.error(format!(
                "expected `arg(…).` or `att(…,…).`, found {}",
                show(bytes, c.pos)
            )));
        }
        c.pos += 3;
        c.skip_space(b'%');
        c.expect(b'(')?;
        c.skip_space(b'%');
        let at = c.pos;
        let a = c.apx_name()?;
        if is_arg {
            if names.insert(a).is_err() {
                return Err(c.error_at(
                    at,
                    ParseCategory::Data,
                    format!("argument {a:?} is declared twice"),
                ));
            }
        } else {
            let ia = names.get(a.as_bytes()).ok_or_else(|| {
                c.error_at(
                    at,
                    ParseCategory::Data,
                    format!("undeclared argument {a:?}"),
                )
            })?;
            c.skip_space(b'%');
            c.expect(b',')?;
            c.skip_space(b'%');
            let at = c.pos;
            let b = c.apx_name()?;
            let ib = names.get(b.as_bytes()).ok_or_else(|| {
                c.error_at(
                    at,
                    ParseCategory::Data,
                    format!("undeclared argument {b:?}"),
                )
            })?;
            src.push(ia);
            dst.push(ib);
        }
        c.skip_space(b'%');
        c.expect(b')')?;
        c.skip_space(b'%');
        c.expect(b'.')?;
    }
    let n = names.len() as u32;
    if names.len() >= u32::MAX as usize {
        return Err(too_many());
    }
    ArgumentationFramework::from_parts(n, names.into_names(), src, dst)
}

fn too_many() -> Error {
    Error::new(ErrorKind::InvalidInput(
        "too many arguments (at most 2^32 - 2)".to_string(),
    ))
}

/// Checks that a name can be written as an apx or tgf token.
fn check_name(name: &str, format: &str, forbidden: &[char]) -> Result<()> {
    if name.is_empty()
        || name
            .chars()
            .any(|ch| ch.is_whitespace() || forbidden.contains(&ch))
    {
        return Err(Error::new(ErrorKind::InvalidInput(format!(
            "argument name {name:?} cannot be written in {format}: it is empty or holds whitespace or one of {forbidden:?}"
        ))));
    }
    Ok(())
}

/// Writes an `apx` document: `arg(a).` per argument, then `att(a,b).` per
/// attack, one fact a line. O(n + m).
///
/// # Errors
/// [`ErrorKind::InvalidInput`] if a name is empty or holds whitespace, `(`,
/// `)`, `,` or `%`; I/O errors.
pub fn write_apx(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    if af.is_numbered() {
        // Names `1..=n`, formatted on the fly (always valid apx names).
        let mut out = Out::new(writer);
        for a in 1..=af.len() as u64 {
            out.line(b"arg(", a, b"", None, b").\n")?;
        }
        attack_lines(&mut out, af, b"att(", b",", b").\n")?;
        return out.finish();
    }
    let names = prepared_names(af, "apx", &['(', ')', ',', '%'])?;
    let mut out = Out::new(writer);
    for name in &names {
        out.bytes(b"arg(")?;
        out.bytes(name.as_bytes())?;
        out.bytes(b").\n")?;
    }
    for (a, b) in af.attack_pairs() {
        out.bytes(b"att(")?;
        out.bytes(names[a].as_bytes())?;
        out.bytes(b",")?;
        out.bytes(names[b].as_bytes())?;
        out.bytes(b").\n")?;
    }
    out.finish()
}

fn prepared_names<'a>(
    af: &'a ArgumentationFramework,
    format: &str,
    forbidden: &[char],
) -> Result<Vec<std::borrow::Cow<'a, str>>> {
    (0..af.len())
        .map(|a| {
            let name = af.name(a);
            check_name(&name, format, forbidden)?;
            Ok(name)
        })
        .collect()
}

// ---------------------------------------------------------------- tgf ----

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
    let c = Cursor {
        bytes,
        pos: 0,
        format: IccmaFormat::Tgf.label(),
    };
    let mut names = NameIndex::new();
    let (mut src, mut dst) = (Vec::new(), Vec::new());
    let mut in_edges = false;
    let mut pos = 0;
    while pos < bytes.len() {
        let end = bytes[pos..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| pos + p);
        let line = &bytes[pos..end];
        // Tokens of the line, with their offsets.
        let mut tokens = line
            .split(|b| b.is_ascii_whitespace())
            .scan(0usize, |off, tok| {
                let start = *off;
                *off += tok.len() + 1;
                Some((pos + start, tok))
            })
            .filter(|(_, t)| !t.is_empty());
        let as_str = |at: usize, tok: &[u8]| -> Result<String> {
            std::str::from_utf8(tok)
                .map(str::to_string)
                .map_err(|_| c.error_at(at, ParseCategory::Syntax, "name is not UTF-8"))
        };
        if let Some((at, first)) = tokens.next() {
            if !in_edges && first == b"#" {
                in_edges = true;
            } else if !in_edges {
                let name = as_str(at, first)?;
                if names.insert(&name).is_err() {
                    return Err(c.error_at(
                        at,
                        ParseCategory::Data,
                        format!("argument {name:?} is declared twice"),
                    ));
                }
            } else {
                let Some((at2, second)) = tokens.next() else {
                    return Err(c.error_at(
                        end,
                        ParseCategory::Syntax,
                        "expected an attack `a b`, found one name",
                    ));
                };
                for (at, tok, list) in [(at, first, &mut src), (at2, second, &mut dst)] {
                    let idx = names.get(tok).ok_or_else(|| {
                        c.error_at(
                            at,
                            ParseCategory::Data,
                            format!("undeclared argument {:?}", String::from_utf8_lossy(tok)),
                        )
                    })?;
                    list.push(idx);
                }
            }
        }
        pos = end + 1;
    }
    if names.len() >= u32::MAX as usize {
        return Err(too_many());
    }
    let n = names.len() as u32;
    ArgumentationFramework::from_parts(n, names.into_names(), src, dst)
}

/// Writes a Trivial Graph Format document: one name per line, `#`, then
/// `a b` per attack. O(n + m).
///
/// # Errors
/// [`ErrorKind::InvalidInput`] if a name is empty, holds whitespace or is
/// `#`; I/O errors.
pub fn write_tgf(af: &ArgumentationFramework, writer: impl Write) -> Result<()> {
    if af.is_numbered() {
        // Names `1..=n`, formatted on the fly (always valid tgf names).
        let mut out = Out::new(writer);
        for a in 1..=af.len() as u64 {
            out.line(b"", a, b"", None, b"\n")?;
        }
        out.bytes(b"#\n")?;
        attack_lines(&mut out, af, b"", b" ", b"\n")?;
        return out.finish();
    }
    let names = prepared_names(af, "tgf", &[])?;
    if names.iter().any(|n| n == "#") {
        return Err(Error::new(ErrorKind::InvalidInput(
            "an argument named \"#\" cannot be written in tgf".to_string(),
        )));
    }
    let mut out = Out::new(writer);
    for name in &names {
        out.bytes(name.as_bytes())?;
        out.bytes(b"\n")?;
    }
    out.bytes(b"#\n")?;
    for (a, b) in af.attack_pairs() {
        out.bytes(names[a].as_bytes())?;
        out.bytes(b" ")?;
        out.bytes(names[b].as_bytes())?;
        out.bytes(b"\n")?;
    }
    out.finish()
}

fn trim(line: &[u8]) -> &[u8] {
    let start = line
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(line.len());
    let end = line
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |p| p + 1);
    &line[start..end]
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
    fn pieces_parsed_in_parallel_locate_errors() {
        let n = 1_000_000;
        let mut text = format!("# generated\np af {n}\n");
        for a in 1..=n {
            text.push_str(&format!("{a} {}\n", (a * 7) % n + 1));
        }
        assert!(text.len() > 3 * CHUNK);
        let af = read_i23(text.as_bytes()).unwrap();
        assert_eq!(af.attack_count(), n);
        assert_eq!(af.attacked_by(n - 1), &[((n * 7) % n) as u32]);
        // An error late in the file: line numbers count both halves.
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
            assert_eq!(IccmaFormat::sniff(&bytes), format);
            let back = read(&bytes[..], format).unwrap();
            let pairs: Vec<_> = back.attack_pairs().collect();
            assert_eq!(pairs, [(0, 1), (1, 0), (2, 2)], "{format:?}");
            if format != IccmaFormat::I23 {
                assert_eq!(back.name(2), "c");
            }
        }
    }

    #[test]
    fn out_formats_every_digit_count() {
        let mut values = vec![0u64, 1, 9, 10, 11, 99, 100, 101, u64::MAX, u64::MAX - 1];
        for k in 1..20 {
            let p = 10u64.pow(k);
            values.extend([p - 1, p, p + 1, p / 10 * 3 + 7]);
        }
        let mut bytes = Vec::new();
        let mut out = Out::new(&mut bytes);
        for &v in &values {
            out.line(b"<", v, b",", Some(v / 3), b">").unwrap();
            out.uint(v).unwrap();
        }
        out.finish().unwrap();
        let expected: String = values
            .iter()
            .map(|v| format!("<{v},{}>{v}", v / 3))
            .collect();
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    proptest::proptest! {
        /// A numbered framework is written by a path of its own that formats
        /// the numbers on the fly; the bytes are those of the general path
        /// (the same framework with the names "1", "2", … as strings), and
        /// for i23 those of `format!`.
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
    fn blocks_formatted_on_two_threads_give_the_same_bytes() {
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
