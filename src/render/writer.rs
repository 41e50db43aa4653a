//! The DOT writer: statements straight to bytes.

use std::io::{self, Write};

use super::escape::{escape, Mode, QuotedName};
use super::sink::{Attr, Sink, Target, Value};

/// How many bytes [`DotWriter`] gathers before it writes.
const CHUNK: usize = 64 * 1024;

/// Writes DOT text. Statements are assembled in a buffer that is handed to
/// the writer whenever it holds [`CHUNK`] bytes or more, so the writer sees
/// few, large writes and needs no `BufWriter`.
pub(crate) struct DotWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    depth: usize,
}

impl<W: Write> DotWriter<W> {
    pub(crate) fn new(out: W) -> Self {
        DotWriter {
            out,
            buf: Vec::with_capacity(CHUNK + 4096),
            depth: 0,
        }
    }

    /// Writes what is still buffered and returns the writer.
    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        Ok(self.out)
    }

    /// Ends a line, handing the buffer over once it is full enough.
    fn end_line(&mut self, end: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(end);
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.buf.extend_from_slice(b"  ");
        }
    }

    fn quoted(&mut self, text: &str, mode: Mode) {
        self.buf.push(b'"');
        escape(&mut self.buf, text, mode);
        self.buf.push(b'"');
    }

    fn attrs(&mut self, attrs: &[Attr<'_>]) {
        if attrs.is_empty() {
            return;
        }
        self.buf.extend_from_slice(b" [");
        for (i, (name, value)) in attrs.iter().enumerate() {
            if i > 0 {
                self.buf.extend_from_slice(b", ");
            }
            self.buf.extend_from_slice(name.as_bytes());
            self.buf.push(b'=');
            match *value {
                Value::Plain(v) => self.buf.extend_from_slice(v.as_bytes()),
                Value::Text(v) => self.quoted(v, Mode::Text),
                Value::Tooltip(v) => self.quoted(v, Mode::Tooltip),
                Value::Html(v) => {
                    self.buf.push(b'<');
                    self.buf.extend_from_slice(v);
                    self.buf.push(b'>');
                }
            }
        }
        self.buf.push(b']');
    }
}

impl<W: Write> Sink for DotWriter<W> {
    fn open_graph(&mut self, name: &str) -> io::Result<()> {
        self.buf.extend_from_slice(b"digraph ");
        self.quoted(name, Mode::Name);
        self.depth = 1;
        self.end_line(b" {\n")
    }

    fn defaults(&mut self, target: Target, attrs: &[Attr<'_>]) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(match target {
            Target::Graph => b"graph",
            Target::Node => b"node",
            Target::Edge => b"edge",
        });
        self.attrs(attrs);
        self.end_line(b";\n")
    }

    fn open_subgraph(&mut self, name: &str) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(b"subgraph ");
        self.quoted(name, Mode::Name);
        self.depth += 1;
        self.end_line(b" {\n")
    }

    fn close_subgraph(&mut self) -> io::Result<()> {
        self.depth -= 1;
        self.indent();
        self.end_line(b"}\n")
    }

    fn node(&mut self, id: &str, attrs: &[Attr<'_>]) -> io::Result<()> {
        self.indent();
        self.quoted(id, Mode::Name);
        self.attrs(attrs);
        self.end_line(b";\n")
    }

    fn edge(
        &mut self,
        from: QuotedName<'_>,
        to: QuotedName<'_>,
        attrs: &[Attr<'_>],
    ) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(from.as_str().as_bytes());
        self.buf.extend_from_slice(b" -> ");
        self.buf.extend_from_slice(to.as_str().as_bytes());
        self.attrs(attrs);
        self.end_line(b";\n")
    }

    fn close_graph(&mut self) -> io::Result<()> {
        self.end_line(b"}\n")
    }
}
