//! The fast DOT writer: statements straight to bytes.

use std::io::{self, Write};

use super::emit::{Attrs, Sink, Target, Value};
use super::escape::{escape, Mode};

/// Writes DOT text. Statements are assembled in a reusable buffer and
/// handed to the writer in one call each.
pub(crate) struct DotWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    depth: usize,
}

impl<W: Write> DotWriter<W> {
    pub(crate) fn new(out: W) -> Self {
        DotWriter {
            out,
            buf: Vec::with_capacity(1024),
            depth: 0,
        }
    }

    pub(crate) fn into_inner(self) -> W {
        self.out
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
        for (i, (name, value)) in attrs.iter().enumerate() {
            if i > 0 {
                self.buf.extend_from_slice(b", ");
            }
            self.buf.extend_from_slice(name.as_bytes());
            self.buf.push(b'=');
            match value {
                Value::Plain(v) => self.buf.extend_from_slice(v.as_bytes()),
                Value::Text(v) => self.id(v),
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
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }
}

impl<W: Write> Sink for DotWriter<W> {
    fn open_graph(&mut self, name: &str) -> io::Result<()> {
        self.buf.extend_from_slice(b"digraph ");
        self.id(name);
        self.buf.extend_from_slice(b" {\n");
        self.depth = 1;
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
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
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn close_subgraph(&mut self) -> io::Result<()> {
        self.depth -= 1;
        self.indent();
        self.buf.extend_from_slice(b"}\n");
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    fn node(&mut self, id: &str, attrs: &Attrs<'_>) -> io::Result<()> {
        self.indent();
        self.id(id);
        self.attrs(attrs);
        self.flush_statement()
    }

    fn edge(&mut self, from: &str, to: &str, attrs: &Attrs<'_>) -> io::Result<()> {
        self.indent();
        self.id(from);
        self.buf.extend_from_slice(b" -> ");
        self.id(to);
        self.attrs(attrs);
        self.flush_statement()
    }

    fn close_graph(&mut self) -> io::Result<()> {
        self.out.write_all(b"}\n")
    }
}
