//! What the emitter says and the two sinks hear: DOT statements in order,
//! with their attributes. The byte writer and the graphviz-rust AST builder
//! both implement [`Sink`], so both describe the same graph by construction.

use std::io;

use super::escape::QuotedName;

/// An attribute value, and how it must be written.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'a> {
    /// A DOT identifier or number that needs no quoting (our own constants).
    Plain(&'a str),
    /// A label or one of our own values: written double-quoted through the
    /// escaping helper, so that Graphviz shows it as it is.
    Text(&'a str),
    /// A tooltip (an escString Graphviz expands twice): written
    /// double-quoted so that it reaches the SVG whole.
    Tooltip(&'a str),
    /// The body of an HTML-like label, already escaped, written inside `<…>`.
    Html(&'a [u8]),
}

/// One attribute: its name and its value.
pub(crate) type Attr<'a> = (&'static str, Value<'a>);

/// Which defaults a `graph|node|edge [attrs]` statement sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    Graph,
    Node,
    Edge,
}

/// Receives DOT statements in order. Ids and names arrive as they are,
/// and each sink quotes them through the escaping helper (as names, so that
/// distinct ids stay distinct nodes), except an edge's ends, which arrive
/// quoted already.
pub(crate) trait Sink {
    fn open_graph(&mut self, name: &str) -> io::Result<()>;
    /// `graph|node|edge [attrs]` in the current (sub)graph.
    fn defaults(&mut self, target: Target, attrs: &[Attr<'_>]) -> io::Result<()>;
    fn open_subgraph(&mut self, name: &str) -> io::Result<()>;
    fn close_subgraph(&mut self) -> io::Result<()>;
    fn node(&mut self, id: &str, attrs: &[Attr<'_>]) -> io::Result<()>;
    fn edge(
        &mut self,
        from: QuotedName<'_>,
        to: QuotedName<'_>,
        attrs: &[Attr<'_>],
    ) -> io::Result<()>;
    fn close_graph(&mut self) -> io::Result<()>;
}
