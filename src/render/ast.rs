//! The graphviz-rust AST sink: the same statements as the DOT writer, as a
//! `graphviz_rust::dot_structures::Graph` that users can extend.

use std::io;

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};

use super::escape::{quoted, Mode, QuotedName};
use super::sink::{Attr, Sink, Target, Value};

/// Builds the AST. Every string goes through the escaping helper, because
/// graphviz-rust prints `Id`s as they are.
pub(crate) struct AstBuilder {
    name: String,
    // The statements of the graph and of each open subgraph.
    stack: Vec<(String, Vec<Stmt>)>,
}

impl AstBuilder {
    pub(crate) fn new() -> Self {
        AstBuilder {
            name: String::new(),
            stack: vec![(String::new(), Vec::new())],
        }
    }

    pub(crate) fn finish(mut self) -> Graph {
        let (_, stmts) = self.stack.pop().expect("the graph's own statements");
        Graph::DiGraph {
            id: id(&self.name),
            strict: false,
            stmts,
        }
    }

    fn push(&mut self, stmt: Stmt) {
        self.stack.last_mut().expect("open graph").1.push(stmt);
    }
}

/// A node or (sub)graph name.
fn id(s: &str) -> Id {
    Id::Escaped(quoted(s, Mode::Name))
}

fn vertex(name: QuotedName<'_>) -> Vertex {
    Vertex::N(NodeId(Id::Escaped(name.as_str().to_string()), None))
}

fn attributes(attrs: &[Attr<'_>]) -> Vec<Attribute> {
    attrs
        .iter()
        .map(|&(name, value)| {
            let value = match value {
                Value::Plain(v) => Id::Plain(v.to_string()),
                Value::Text(v) => Id::Escaped(quoted(v, Mode::Text)),
                Value::Tooltip(v) => Id::Escaped(quoted(v, Mode::Tooltip)),
                Value::Html(v) => Id::Html(format!("<{}>", String::from_utf8_lossy(v))),
            };
            Attribute(Id::Plain(name.to_string()), value)
        })
        .collect()
}

impl Sink for AstBuilder {
    fn open_graph(&mut self, name: &str) -> io::Result<()> {
        self.name = name.to_string();
        Ok(())
    }

    fn defaults(&mut self, target: Target, attrs: &[Attr<'_>]) -> io::Result<()> {
        let a = attributes(attrs);
        self.push(Stmt::GAttribute(match target {
            Target::Graph => GraphAttributes::Graph(a),
            Target::Node => GraphAttributes::Node(a),
            Target::Edge => GraphAttributes::Edge(a),
        }));
        Ok(())
    }

    fn open_subgraph(&mut self, name: &str) -> io::Result<()> {
        self.stack.push((name.to_string(), Vec::new()));
        Ok(())
    }

    fn close_subgraph(&mut self) -> io::Result<()> {
        let (name, stmts) = self.stack.pop().expect("open subgraph");
        self.push(Stmt::Subgraph(Subgraph {
            id: id(&name),
            stmts,
        }));
        Ok(())
    }

    fn node(&mut self, node: &str, attrs: &[Attr<'_>]) -> io::Result<()> {
        self.push(Stmt::Node(Node {
            id: NodeId(id(node), None),
            attributes: attributes(attrs),
        }));
        Ok(())
    }

    fn edge(
        &mut self,
        from: QuotedName<'_>,
        to: QuotedName<'_>,
        attrs: &[Attr<'_>],
    ) -> io::Result<()> {
        self.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(vertex(from), vertex(to)),
            attributes: attributes(attrs),
        }));
        Ok(())
    }

    fn close_graph(&mut self) -> io::Result<()> {
        Ok(())
    }
}
