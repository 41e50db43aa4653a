//! The fast DOT writer: statements straight to bytes.

use std::io::{self, Write};

use super::emit::{Attrs, Quoted, Sink, Target, Value};
use super::escape::{self, escape, Mode};

/// How many bytes [`DotWriter`] gathers before it writes.
const CHUNK: usize = 64 * 1024;

/// Writes DOT text. Statements are assembled in a buffer that is handed to
/// the writer whenever it holds [`CHUNK`] bytes or more, so the writer sees
/// few, large writes (and a `BufWriter` around it copies nothing).
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

    /// Ends a statement, handing the buffer over once it is full enough.
    fn end(&mut self) -> io::Result<()> {
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

    fn id(&mut self, id: &str) {
        self.buf.push(b'"');
        escape(&mut self.buf, id, Mode::Quoted);
        self.buf.push(b'"');
    }

    fn attrs(&mut self, attrs: &Attrs<'_>) {
        if attrs.is_empty() {
            return;
        }
        self.buf.extend_from_slice(b" [");
        for (i, a) in attrs.iter().enumerate() {
            // `, name=`, or `name=` for the first.
            let lead = if i == 0 { &a.lead[2..] } else { a.lead };
            self.buf.extend_from_slice(lead.as_bytes());
            match a.value {
                Value::Plain(v) => self.buf.extend_from_slice(v.as_bytes()),
                Value::Text(v) => self.id(v),
                Value::Const(v) => {
                    debug_assert!(!escape::needs_escaping(v, Mode::Quoted), "{v:?}");
                    self.buf.push(b'"');
                    self.buf.extend_from_slice(v.as_bytes());
                    self.buf.push(b'"');
                }
                Value::Html(v) => {
                    self.buf.push(b'<');
                    self.buf.extend_from_slice(v);
                    self.buf.push(b'>');
                }
            }
        }
        self.buf.push(b']');
    }

    fn flush_statement(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b";\n");
        self.end()
    }
}

impl<W: Write> Sink for DotWriter<W> {
    fn open_graph(&mut self, name: &str) -> io::Result<()> {
        self.buf.extend_from_slice(b"digraph ");
        self.id(name);
        self.buf.extend_from_slice(b" {\n");
        self.depth = 1;
        self.end()
    }

    fn defaults(&mut self, target: Target, attrs: &Attrs<'_>) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(match target {
            Target::Graph => b"graph",
            Target::Node => b"node",
            Target::Edge => b"edge",
        });
        self.attrs(attrs);
        self.flush_statement()
    }

    fn open_subgraph(&mut self, name: &str) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(b"subgraph ");
        self.id(name);
        self.buf.extend_from_slice(b" {\n");
        self.depth += 1;
        self.end()
    }

    fn close_subgraph(&mut self) -> io::Result<()> {
        self.depth -= 1;
        self.indent();
        self.buf.extend_from_slice(b"}\n");
        self.end()
    }

    fn node(&mut self, id: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(id.0.as_bytes());
        self.attrs(attrs);
        self.flush_statement()
    }

    fn edge(&mut self, from: Quoted<'_>, to: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()> {
        self.indent();
        self.buf.extend_from_slice(from.0.as_bytes());
        self.buf.extend_from_slice(b" -> ");
        self.buf.extend_from_slice(to.0.as_bytes());
        self.attrs(attrs);
        self.flush_statement()
    }

    fn close_graph(&mut self) -> io::Result<()> {
        self.buf.extend_from_slice(b"}\n");
        self.end()
    }
}
