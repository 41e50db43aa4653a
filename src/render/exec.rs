//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::error::{Error, ErrorKind, Result};
use crate::file::Tracked;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// An image format Graphviz can produce.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::Format;
    /// assert_eq!(Format::from_path("map.svg"), Some(Format::Svg));
    /// assert_eq!(Format::from_path("map.PDF"), Some(Format::Pdf));
    /// assert_eq!(Format::from_path("map.dot"), None);
    /// assert_eq!("png".parse::<Format>()?, Format::Png);
    /// # Ok(()) }
    /// ```
    #[non_exhaustive]
    Format, "image format" {
        /// Scalable vector graphics, with tooltips.
        Svg => "svg",
        /// A bitmap.
        Png => "png",
        /// A printable document.
        Pdf => "pdf",
    }
}

impl Format {
    /// The format a file name's extension asks for, ignoring case.
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        ext.parse().ok()
    }
}

/// Starts Graphviz's `dot -T<format>` with its three pipes: `$ARGRAPH_DOT`
/// if set (to point at a Graphviz outside `PATH`), otherwise `dot`. The
/// process is listed in flight, so that [`crate::abort_in_flight`] kills it.
fn spawn_dot(format: Format) -> Result<(Child, Tracked)> {
    let from_env = std::env::var_os("ARGRAPH_DOT").filter(|p| !p.is_empty());
    let program = from_env.clone().unwrap_or_else(|| "dot".into());
    let mut command = Command::new(&program);
    command
        .arg(format!("-T{}", format.as_str()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match crate::file::spawn_in_flight(&mut command) {
        Ok(started) => Ok(started),
        Err(e) if e.kind() == io::ErrorKind::NotFound && from_env.is_none() => {
            Err(Error::new(ErrorKind::GraphvizNotFound))
        }
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(e.into()),
        Err(error) => Err(Error::new(ErrorKind::GraphvizCannotRun {
            program: program.into(),
            from_env: from_env.is_some(),
            error,
        })),
    }
}

/// Runs `dot -T<format>` on `dot_source` and returns the image bytes
/// ([`run_dot_to`] into memory).
///
/// # Errors
/// As [`run_dot_to`].
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{run_dot, Format};
/// let png = run_dot(b"digraph { a -> b }", Format::Png)?;
/// assert_eq!(&png[..4], b"\x89PNG");
/// # Ok(()) }
/// ```
pub fn run_dot(dot_source: &[u8], format: Format) -> Result<Vec<u8>> {
    let mut image = Vec::new();
    run_dot_to(dot_source, format, &mut image)?;
    Ok(image)
}

/// Runs `dot -T<format>` on `dot_source` and copies the image into `out`
/// as `dot` produces it (so a large image is never held in memory). The
/// program is `$ARGRAPH_DOT` if set, else `dot` from `PATH`. On an error
/// part of the image may have reached `out`: give it a
/// [`write_file`](crate::write_file) writer to keep the file whole.
/// O(image size) besides `dot`'s own time.
///
/// # Errors
/// [`ErrorKind::GraphvizNotFound`] if `dot` is not on `PATH` (the message
/// says what to install); [`ErrorKind::GraphvizCannotRun`] if the program
/// cannot be started (naming it, and `ARGRAPH_DOT` when it came from
/// there); [`ErrorKind::Graphviz`] with its standard error if it fails;
/// the I/O error of `out` (`dot` is then killed).
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{run_dot_to, Format};
/// argraph::write_file("map.svg".as_ref(), |w| run_dot_to(b"digraph { a -> b }", Format::Svg, w))?;
/// # Ok(()) }
/// ```
pub fn run_dot_to(dot_source: &[u8], format: Format, mut out: impl Write) -> Result<()> {
    let (mut child, _in_flight) = spawn_dot(format)?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let mut stdout = child.stdout.take().expect("piped stdout");
    // Feed and drain concurrently so neither pipe can fill up and deadlock.
    let (written, err_text, copied) = std::thread::scope(|s| {
        let writer = s.spawn(move || {
            let r = stdin.write_all(dot_source);
            drop(stdin);
            r
        });
        let err_reader = s.spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        let copied = io::copy(&mut stdout, &mut out).and_then(|_| out.flush());
        if copied.is_err() {
            // Nobody reads its output any more: it must not wait for us.
            let _ = child.kill();
        }
        drop(stdout);
        (
            writer.join().expect("writer thread"),
            err_reader.join().expect("stderr thread"),
            copied,
        )
    });
    let status = child.wait()?;
    copied?;
    if !status.success() {
        return Err(Error::new(ErrorKind::Graphviz {
            status: status.code(),
            stderr: err_text,
        }));
    }
    // A broken pipe only matters if dot did not succeed, which was handled.
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(())
}
