//! Graphviz's `dot`, kept running between fuzz inputs, and the checks of
//! the SVG it draws.
//!
//! Starting `dot` costs about 30-60 ms, most of it loading plugins; laying
//! out a small graph costs well under a millisecond. So one `dot -Tsvg`
//! process reads graph after graph from a pipe, and each input waits for
//! its own SVG (which `dot` flushes at the end of each graph) before the
//! next is written: the input that fails is always the one being run.
//! `dot` stops at a syntax error: that input fails, and the next one
//! starts a new process.

use std::io::{BufRead, BufReader, PipeReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Mutex;

use quick_xml::events::Event;

/// A running `dot -Tsvg`, its standard error merged into its output (so
/// that a diagnostic arrives before the SVG it is about).
struct Dot {
    child: Child,
    stdin: ChildStdin,
    output: BufReader<PipeReader>,
}

impl Dot {
    fn start() -> Dot {
        let program = std::env::var_os("ARGRAPH_DOT").unwrap_or_else(|| "dot".into());
        let (reader, writer) = std::io::pipe().expect("a pipe");
        let mut command = Command::new(&program);
        command
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(writer.try_clone().expect("a pipe's second end"))
            .stderr(writer);
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {program:?} (install Graphviz): {e}"));
        // The write ends held by `command` close here, so that the output
        // ends when `dot` does.
        drop(command);
        let stdin = child.stdin.take().expect("dot's stdin");
        Dot {
            child,
            stdin,
            output: BufReader::new(reader),
        }
    }

    /// Everything `dot` printed for the graph `source`, up to its SVG's
    /// end, or `Err` with what it printed before it stopped.
    fn draw(&mut self, source: &str) -> Result<String, String> {
        let sent = self
            .stdin
            .write_all(source.as_bytes())
            .and_then(|()| self.stdin.write_all(b"\n"))
            .and_then(|()| self.stdin.flush());
        let mut text = String::new();
        loop {
            let mut line = Vec::new();
            match self.output.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => {
                    let status = self.child.wait();
                    return Err(format!(
                        "{text}\n(dot ended: {status:?}; input sent: {sent:?})"
                    ));
                }
                Ok(_) => {}
            }
            text.push_str(&String::from_utf8_lossy(&line));
            if line.trim_ascii_end() == b"</svg>" {
                return Ok(text);
            }
        }
    }
}

impl Drop for Dot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

static DOT: Mutex<Option<Dot>> = Mutex::new(None);

/// What `dot -Tsvg` printed for `source`: its diagnostics (anything before
/// the SVG; empty when all is well) and the SVG, or `Err` when `dot`
/// stopped without drawing it.
pub fn draw_svg(source: &str) -> Result<(String, String), String> {
    let mut slot = DOT.lock().unwrap_or_else(|e| e.into_inner());
    let dot = slot.get_or_insert_with(Dot::start);
    match dot.draw(source) {
        Ok(text) => {
            let start = text.find("<?xml").unwrap_or(0);
            Ok((text[..start].to_string(), text[start..].to_string()))
        }
        Err(e) => {
            *slot = None;
            Err(e)
        }
    }
}

/// What the checks found in an SVG.
#[derive(Debug, Default)]
pub struct Svg {
    /// How many `<g class="node">` it draws.
    pub nodes: usize,
    /// Every `xlink:title` (tooltip), as an XML parser reads it.
    pub tooltips: Vec<String>,
}

/// Parses `svg` as XML 1.0: well-formed, every character (written or as a
/// reference) one XML allows. Returns the nodes and tooltips.
pub fn check_svg(svg: &str) -> Result<Svg, String> {
    if let Some(c) = svg.chars().find(|&c| !xml_char(c)) {
        return Err(format!("the SVG holds {c:?}, which XML does not allow"));
    }
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut found = Svg::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "the SVG is not XML at byte {}: {e}",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Eof => return Ok(found),
            Event::Start(e) | Event::Empty(e) => {
                for attribute in e.attributes() {
                    let attribute = attribute.map_err(|e| format!("a bad SVG attribute: {e}"))?;
                    let value = attribute_value(&attribute.value)?;
                    match attribute.key.as_ref() {
                        b"class" if e.name().as_ref() == b"g" && value == "node" => {
                            found.nodes += 1
                        }
                        b"xlink:title" => found.tooltips.push(value),
                        _ => {}
                    }
                }
            }
            Event::Text(t) => {
                let raw = String::from_utf8_lossy(&t).into_owned();
                unescape(&raw)?;
            }
            _ => {}
        }
    }
}

/// An attribute's value as XML 1.0 reads it: literal tabs and line ends
/// become spaces (attribute-value normalisation), then references are
/// replaced.
fn attribute_value(raw: &[u8]) -> Result<String, String> {
    let raw = String::from_utf8_lossy(raw).replace(['\t', '\n', '\r'], " ");
    unescape(&raw)
}

/// `text` with its entity and character references replaced; an error
/// for a reference XML does not allow.
fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp + 1..];
        let end = rest
            .find(';')
            .ok_or_else(|| format!("an unterminated reference &{rest:.20}"))?;
        let name = &rest[..end];
        rest = &rest[end + 1..];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    return Err(format!("an undefined entity &{name};"));
                };
                match code.and_then(char::from_u32) {
                    Some(c) if xml_char(c) => c,
                    _ => {
                        return Err(format!(
                            "a reference &{name}; to a character XML does not allow"
                        ))
                    }
                }
            }
        };
        out.push(c);
    }
    out.push_str(rest);
    Ok(out)
}

/// XML 1.0's `Char` production.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The distinct Graphviz nodes a DOT document declares or uses, by the
/// names `dot` gives them; `Err` when graphviz-rust cannot parse it.
pub fn dot_node_names(source: &str) -> Result<std::collections::HashSet<String>, String> {
    use graphviz_rust::dot_structures::Graph;
    let graph = graphviz_rust::parse(source)?;
    let (Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. }) = graph;
    let mut names = std::collections::HashSet::new();
    collect_names(&stmts, &mut names);
    Ok(names)
}

fn collect_names(
    stmts: &[graphviz_rust::dot_structures::Stmt],
    names: &mut std::collections::HashSet<String>,
) {
    use graphviz_rust::dot_structures::{EdgeTy, Stmt, Vertex};
    let vertex = |v: &Vertex, names: &mut std::collections::HashSet<String>| match v {
        Vertex::N(id) => {
            names.insert(graphviz_name(&id.0));
        }
        Vertex::S(s) => collect_names(&s.stmts, names),
    };
    for stmt in stmts {
        match stmt {
            Stmt::Node(node) => {
                names.insert(graphviz_name(&node.id.0));
            }
            Stmt::Subgraph(s) => collect_names(&s.stmts, names),
            Stmt::Edge(edge) => match &edge.ty {
                EdgeTy::Pair(a, b) => {
                    vertex(a, names);
                    vertex(b, names);
                }
                EdgeTy::Chain(vs) => vs.iter().for_each(|v| vertex(v, names)),
            },
            _ => {}
        }
    }
}

/// The name Graphviz gives a node written as `id`: in a quoted string only
/// `\"` is an escape and a backslash-newline continues the line; Graphviz
/// keeps names as C strings, so a NUL ends one.
fn graphviz_name(id: &graphviz_rust::dot_structures::Id) -> String {
    use graphviz_rust::dot_structures::Id;
    let name = match id {
        Id::Escaped(quoted) => {
            let inner = quoted
                .strip_prefix('"')
                .and_then(|s| s.strip_suffix('"'))
                .unwrap_or(quoted);
            inner
                .replace("\\\r\n", "")
                .replace("\\\n", "")
                .replace("\\\"", "\"")
        }
        Id::Html(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    };
    match name.find('\0') {
        Some(nul) => name[..nul].to_string(),
        None => name,
    }
}
