//! The graphviz-rust AST sink: the same statements as the fast writer, as a
//! `graphviz_rust::dot_structures::Graph` that users can extend.

use std::io;

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};

use super::emit::{Attrs, Quoted, Sink, Target, Value};
use super::escape::quoted;

/// Builds the AST. Every string goes through the escaping helper, because
/// graphviz-rust prints `Id`s as they are.
pub(crate) struct AstBuilder {
    name: String,
    // The statements of the graph and of each open subgraph.
    stack: Vec<(Option<String>, Vec<Stmt>)>,
}

impl AstBuilder {
    pub(crate) fn new() -> Self {
        AstBuilder {
            name: String::new(),
            stack: vec![(None, Vec::new())],
        }
    }

    pub(crate) fn finish(mut self) -> graphviz_rust::dot_structures::Graph {
        let (_, stmts) = self.stack.pop().expect("the graph's own statements");
        graphviz_rust::dot_structures::Graph::DiGraph {
            id: Id::Escaped(quoted(&self.name)),
            strict: false,
            stmts,
        }
    }

    fn push(&mut self, stmt: Stmt) {
        self.stack.last_mut().expect("open graph").1.push(stmt);
    }
}

fn id(s: &str) -> Id {
    Id::Escaped(quoted(s))
}

fn attributes(attrs: &Attrs<'_>) -> Vec<Attribute> {
    attrs
        .iter()
        .map(|a| {
            let v = match a.value {
                Value::Plain(v) => Id::Plain(v.to_string()),
                Value::Text(v) | Value::Const(v) => id(v),
                Value::Html(v) => Id::Html(format!(
                    "<{}>",
                    std::str::from_utf8(v).expect("labels are built from UTF-8")
                )),
            };
            Attribute(Id::Plain(a.name.to_string()), v)
        })
        .collect()
}

impl Sink for AstBuilder {
    fn open_graph(&mut self, name: &str) -> io::Result<()> {
        self.name = name.to_string();
        Ok(())
    }

    fn defaults(&mut self, target: Target, attrs: &Attrs<'_>) -> io::Result<()> {
        let a = attributes(attrs);
        self.push(Stmt::GAttribute(match target {
            Target::Graph => GraphAttributes::Graph(a),
            Target::Node => GraphAttributes::Node(a),
            Target::Edge => GraphAttributes::Edge(a),
        }));
        Ok(())
    }

    fn open_subgraph(&mut self, name: &str) -> io::Result<()> {
        self.stack.push((Some(name.to_string()), Vec::new()));
        Ok(())
    }

    fn close_subgraph(&mut self) -> io::Result<()> {
        let (name, stmts) = self.stack.pop().expect("open subgraph");
        let name = name.expect("a subgraph has a name");
        self.push(Stmt::Subgraph(Subgraph {
            id: id(&name),
            stmts,
        }));
        Ok(())
    }

    fn node(&mut self, node: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()> {
        self.push(Stmt::Node(Node {
            id: NodeId(Id::Escaped(node.0.to_string()), None),
            attributes: attributes(attrs),
        }));
        Ok(())
    }

    fn edge(&mut self, from: Quoted<'_>, to: Quoted<'_>, attrs: &Attrs<'_>) -> io::Result<()> {
        self.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(Id::Escaped(from.0.to_string()), None)),
                Vertex::N(NodeId(Id::Escaped(to.0.to_string()), None)),
            ),
            attributes: attributes(attrs),
        }));
        Ok(())
    }

    fn close_graph(&mut self) -> io::Result<()> {
        Ok(())
    }
}
