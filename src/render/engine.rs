//! Which program turns DOT into an image: the built-in renderer (a Graphviz
//! port compiled into argraph) or Graphviz's own `dot`.

use std::io::Write;

use super::exec::{run_dot_to, Format};
use crate::error::Result;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// What draws the image: the built-in renderer or Graphviz's `dot`.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::Engine;
    /// assert_eq!("dot".parse::<Engine>()?, Engine::Dot);
    /// assert_eq!(Engine::Builtin.as_str(), "builtin");
    /// # Ok(()) }
    /// ```
    #[non_exhaustive]
    Engine, "rendering engine" {
        /// graphviz-pure, a pure-Rust port of Graphviz 16.1 (EPL-2.0)
        /// compiled into argraph (feature `builtin-renderer`): SVG and PNG,
        /// nothing to install; no PDF.
        Builtin => "builtin",
        /// Graphviz's `dot` program: `$ARGRAPH_DOT`, or `dot` on `PATH`.
        /// SVG, PNG and PDF.
        Dot => "dot",
    }
}

impl Engine {
    /// The engine used when none is named: [`Engine::Dot`] when the
    /// `ARGRAPH_DOT` environment variable names a program (the user points
    /// at a Graphviz of their own) or argraph was built without its
    /// `builtin-renderer` feature; otherwise [`Engine::Builtin`].
    ///
    /// ```
    /// use argraph::render::Engine;
    /// let engine = Engine::preferred();
    /// assert!(engine == Engine::Builtin || engine == Engine::Dot);
    /// ```
    pub fn preferred() -> Engine {
        let dot_named = std::env::var_os("ARGRAPH_DOT").is_some_and(|p| !p.is_empty());
        if dot_named || !cfg!(feature = "builtin-renderer") {
            Engine::Dot
        } else {
            Engine::Builtin
        }
    }

    /// Whether this engine can write `format` (the built-in renderer
    /// writes no PDF).
    ///
    /// ```
    /// use argraph::render::{Engine, Format};
    /// assert!(Engine::Dot.writes(Format::Pdf));
    /// assert!(!Engine::Builtin.writes(Format::Pdf));
    /// assert!(Engine::Builtin.writes(Format::Svg));
    /// ```
    pub fn writes(self, format: Format) -> bool {
        self == Engine::Dot || format != Format::Pdf
    }

    /// Lays out and draws `dot_source` as `format` into `out`. The
    /// built-in renderer runs on one thread of its own with a large stack
    /// (deeply nested input needs it) and writes the image once it is
    /// whole; `dot` streams it ([`run_dot_to`]).
    ///
    /// Cost: Graphviz's layout, which grows faster than linearly with the
    /// graph; a PNG also holds its pixels in memory (4 bytes each).
    ///
    /// # Errors
    /// [`Engine::Dot`]: as [`run_dot_to`]. [`Engine::Builtin`]:
    /// [`ErrorKind::BuiltinRenderer`](crate::ErrorKind::BuiltinRenderer) for
    /// PDF, for DOT it refuses or reports errors on, for a PNG over
    /// [`MAX_PNG_PIXELS`](crate::render::MAX_PNG_PIXELS) or
    /// [`MAX_PNG_SIDE`](crate::render::MAX_PNG_SIDE) (naming its size), and
    /// when argraph was built without the `builtin-renderer` feature; the
    /// I/O errors of `out`.
    ///
    /// ```
    /// # fn main() -> argraph::Result<()> {
    /// use argraph::render::{Engine, Format};
    /// let mut svg = Vec::new();
    /// # if cfg!(feature = "builtin-renderer") {
    /// Engine::Builtin.run_to(b"digraph { a -> b }", Format::Svg, &mut svg)?;
    /// assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    /// # }
    /// assert!(Engine::Builtin.run_to(b"digraph { a }", Format::Pdf, &mut svg).is_err());
    /// # Ok(()) }
    /// ```
    pub fn run_to(self, dot_source: &[u8], format: Format, out: impl Write) -> Result<()> {
        match self {
            Engine::Dot => run_dot_to(dot_source, format, out),
            Engine::Builtin => super::builtin::run_to(dot_source, format, out),
        }
    }
}
