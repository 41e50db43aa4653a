//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, ErrorKind, Result};
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

/// The name of the Graphviz program to run: `$ARGRAPH_DOT` if set (to
/// point at a Graphviz outside `PATH`), otherwise `dot`.
fn dot_program() -> std::ffi::OsString {
    std::env::var_os("ARGRAPH_DOT").unwrap_or_else(|| "dot".into())
}

/// Runs `dot -T<format>` on `dot_source` and returns the image bytes.
///
/// # Errors
/// [`ErrorKind::GraphvizNotFound`] if `dot` is not on `PATH` (the message
/// says what to install); [`ErrorKind::Graphviz`] with its standard error if
/// it fails.
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// use argraph::render::{run_dot, Format};
/// let png = run_dot(b"digraph { a -> b }", Format::Png)?;
/// assert_eq!(&png[..4], b"\x89PNG");
/// # Ok(()) }
/// ```
pub fn run_dot(dot_source: &[u8], format: Format) -> Result<Vec<u8>> {
    let mut child = match Command::new(dot_program())
        .arg(format!("-T{}", format.as_str()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::new(ErrorKind::GraphvizNotFound))
        }
        Err(e) => return Err(e.into()),
    };
    let mut stdin = child.stdin.take().expect("piped stdin");
    let mut stderr = child.stderr.take().expect("piped stderr");
    // Feed and drain concurrently so neither pipe can fill up and deadlock.
    let (written, err_text, output) = std::thread::scope(|s| {
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
        let mut output = Vec::new();
        let read = child
            .stdout
            .take()
            .expect("piped stdout")
            .read_to_end(&mut output);
        (
            writer.join().expect("writer thread"),
            err_reader.join().expect("stderr thread"),
            read.map(|_| output),
        )
    });
    let status = child.wait()?;
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
    Ok(output?)
}
