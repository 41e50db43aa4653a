//! Printing that never panics, and text that cannot drive the terminal.
//!
//! `println!` and `eprintln!` panic when the stream fails (a full disk, a
//! closed pipe), so the CLI writes through these functions instead. Writes
//! to standard output return their error, marked as standard output's, so
//! that `main` can end quietly with exit 0 when the reader went away (as
//! `head` does) and report any other failure as one line with exit 1.
//! Writes to standard error ignore their error: there is nowhere left to
//! report it, and the exit code already says how the run went.
//!
//! Human-readable text (tables, summaries, messages) shows control
//! characters as escapes, on a terminal or not: a title or id holding
//! `ESC [2J` must not clear the screen of whoever reads the output, now or
//! later from a file. JSON output and ICCMA answers carry strings exactly.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether `--all-problems` was given (set once, from `main`).
static ALL_PROBLEMS: AtomicBool = AtomicBool::new(false);

/// Makes error messages list every validation problem (`--all-problems`).
pub fn list_all_problems(all: bool) {
    ALL_PROBLEMS.store(all, Ordering::Relaxed);
}

/// Whether error messages list every validation problem.
pub fn listing_all_problems() -> bool {
    ALL_PROBLEMS.load(Ordering::Relaxed)
}

/// Standard output, locked; its write errors are marked as standard
/// output's (see [`is_closed_stdout`]).
pub struct Stdout(io::StdoutLock<'static>);

/// A write to standard output failed with this error.
#[derive(Debug)]
struct StdoutFailed(io::Error);

impl fmt::Display for StdoutFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "writing standard output: {}", self.0)
    }
}

impl std::error::Error for StdoutFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// The same error, of the same kind, marked as standard output's.
fn on_stdout(err: io::Error) -> io::Error {
    io::Error::new(err.kind(), StdoutFailed(err))
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(on_stdout)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf).map_err(on_stdout)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(on_stdout)
    }
}

/// Buffered standard output. Call `flush` at the end: dropping the buffer
/// would lose a failure to write its last part.
pub fn stdout() -> io::BufWriter<Stdout> {
    io::BufWriter::with_capacity(1 << 16, Stdout(io::stdout().lock()))
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = Stdout(io::stdout().lock());
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// `true` if `err` is a write to standard output that failed because its
/// reader closed the pipe: the run ends quietly, with exit 0. Standard
/// output is ours ([`stdout`], [`print`]) or the library's, which names it
/// as the path of `-` (`argraph::write_file`).
pub fn is_closed_stdout(err: &argraph::Error) -> bool {
    match err.kind() {
        argraph::ErrorKind::Io(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            e.get_ref().is_some_and(|inner| inner.is::<StdoutFailed>())
                || err.path() == Some(std::path::Path::new("standard output"))
        }
        _ => false,
    }
}

/// Writes `text` to standard error, line by line with control characters
/// escaped, ignoring a failure.
pub fn eprint_lines(text: &str) {
    let mut err = io::stderr().lock();
    for line in text.lines() {
        if writeln!(err, "{}", escape_controls(line)).is_err() {
            return;
        }
    }
}

/// Characters that would act on a terminal (C0 and C1 controls, DEL), or
/// reorder or break what it shows (bidirectional controls, line and
/// paragraph separators).
fn acts_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        )
        || matches!(c, '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// `text` with every character that acts on a terminal written as a Rust
/// escape (`\n`, `\t`, `\u{1b}`); other text, any script, unchanged.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(acts_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts_on_terminal(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape_controls;

    #[test]
    fn escape_codes_and_bidi_controls_are_shown_as_escapes() {
        assert_eq!(
            escape_controls("\u{1b}]0;pwned\u{7}x\u{1b}[2J"),
            "\\u{1b}]0;pwned\\u{7}x\\u{1b}[2J"
        );
        assert_eq!(escape_controls("a\nb\tc\r"), "a\\nb\\tc\\r");
        assert_eq!(escape_controls("\u{9b}2J\u{7f}"), "\\u{9b}2J\\u{7f}");
        assert_eq!(escape_controls("abc\u{202e}cba"), "abc\\u{202e}cba");
    }

    #[test]
    fn ordinary_text_in_any_script_is_unchanged() {
        for text in ["Russia fills the gap", "Ölpreis “hoch” — 石油", "a\\b", ""] {
            assert_eq!(escape_controls(text), text);
        }
    }
}
