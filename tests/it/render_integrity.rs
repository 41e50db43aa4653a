//! Nothing lost, nothing broken: distinct ids stay distinct nodes (in DOT,
//! in the SVG and in GraphML), every valid graph renders, every SVG is
//! XML 1.0, and the SVG read with an XML parser gives back the graph's
//! strings — ids in the `<title>`s, texts in the tooltips, labels in the
//! text — up to the transformations the README documents, which the
//! `shown_*` functions below spell out.

use std::collections::HashSet;

use argraph::overlay::Overlay;
use argraph::render::{self, Cluster, DotOptions, Engine, Format};
use argraph::{graphml, ArgumentGraph, NodeKind, Provenance, Source};
use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use proptest::prelude::*;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::{common, strategies};

// What the README promises: the documented transformations.

/// Graphviz's SVG writer keeps runs of spaces visible: a space that follows
/// a space becomes a no-break space.
fn graphviz_spaces(s: &str) -> String {
    let mut prev = None;
    s.chars()
        .map(|c| {
            let shown = if c == ' ' && prev == Some(' ') {
                '\u{a0}'
            } else {
                c
            };
            prev = Some(c);
            shown
        })
        .collect()
}

/// The visible stand-in of a character that XML 1.0 cannot carry or that
/// would be invisible: a control picture, or U+FFFD for U+FFFE and U+FFFF.
fn picture(c: char) -> Option<char> {
    match c {
        '\u{7f}' => Some('\u{2421}'),
        c if c < ' ' => char::from_u32(0x2400 + c as u32),
        '\u{FFFE}' | '\u{FFFF}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// A node id as its SVG `<title>` reads: `\\`, `\n`, `\r`, `\t`,
/// `\u{…}` for other control characters, DEL, U+FFFE and U+FFFF, and `\%`
/// for a leading `%`.
fn shown_id(id: &str) -> String {
    let mut out = String::new();
    if id.starts_with('%') {
        out.push('\\');
    }
    for c in id.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if picture(c).is_some() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    graphviz_spaces(&out)
}

/// A text as its SVG tooltip reads: whole, control characters as
/// pictures, and a tab as a space (Graphviz writes it raw into the
/// attribute, where XML reads it as a space).
fn shown_tooltip(text: &str) -> String {
    let kept: String = text
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c => picture(c).unwrap_or(c),
        })
        .collect();
    graphviz_spaces(&kept).replace('\t', " ")
}

/// The characters a wrapped label shows, whitespace left out (wrapping
/// lays it out anew).
fn shown_wrapped(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| picture(c).unwrap_or(c))
        .collect()
}

/// The characters an unwrapped title shows (line feeds are line breaks,
/// tabs spaces, carriage returns dropped), whitespace left out.
fn shown_unwrapped(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\n' | '\r' | '\t'))
        .map(|c| picture(c).unwrap_or(c))
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

// Reading the SVG.

/// What one `<g class="graph|node|edge|cluster">` of an SVG shows.
#[derive(Debug, Default)]
struct Shape {
    class: String,
    title: String,
    /// The first `xlink:title` inside it.
    tooltip: Option<String>,
    /// All its `<text>`, one line each.
    text: String,
}

/// `true` for the characters XML 1.0 allows (its `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Where the text being read goes.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Nothing,
    Title,
    Text,
}

/// The SVG's shapes, in document order; panics unless the SVG is
/// well-formed XML 1.0 made of characters XML allows.
fn shapes(svg: &str) -> Vec<Shape> {
    if let Some(c) = svg.chars().find(|&c| !is_xml_char(c)) {
        panic!("the SVG holds {c:?}, which XML 1.0 forbids:\n{svg}");
    }
    let mut reader = Reader::from_str(svg);
    let (mut done, mut open) = (Vec::new(), Vec::<(usize, Shape)>::new());
    let (mut depth, mut reading) = (0, Reading::Nothing);
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("the SVG is not XML: {e}\n{svg}"));
        let piece = match event {
            Event::Eof => break,
            Event::Start(e) => {
                match e.name().as_ref() {
                    b"g" => {
                        depth += 1;
                        let class = attribute(&e, "class").unwrap_or_default();
                        if ["graph", "node", "edge", "cluster"].contains(&class.as_str()) {
                            let shape = Shape {
                                class,
                                ..Shape::default()
                            };
                            open.push((depth, shape));
                        }
                    }
                    b"title" => reading = Reading::Title,
                    b"text" => reading = Reading::Text,
                    b"a" => {
                        if let Some((_, shape)) = open.last_mut() {
                            if shape.tooltip.is_none() {
                                shape.tooltip = attribute(&e, "xlink:title");
                            }
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::End(e) => {
                match e.name().as_ref() {
                    b"g" => {
                        if open.last().is_some_and(|(d, _)| *d == depth) {
                            done.push(open.pop().unwrap().1);
                        }
                        depth -= 1;
                    }
                    b"text" => {
                        if let Some((_, shape)) = open.last_mut() {
                            shape.text.push('\n');
                        }
                        reading = Reading::Nothing;
                    }
                    _ => reading = Reading::Nothing,
                }
                continue;
            }
            Event::Text(t) => t.xml_content(XmlVersion::Explicit1_0).unwrap().into_owned(),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => {
                    assert!(
                        is_xml_char(c),
                        "the SVG refers to {c:?}, which XML 1.0 forbids"
                    );
                    c.to_string()
                }
                None => match r.decode().unwrap().as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("the SVG refers to an undeclared entity &{other};"),
                }
                .to_string(),
            },
            _ => continue,
        };
        if let Some((_, shape)) = open.last_mut() {
            match reading {
                Reading::Title => shape.title.push_str(&piece),
                Reading::Text => shape.text.push_str(&piece),
                Reading::Nothing => {}
            }
        }
    }
    done
}

/// An attribute's value as XML reads it (references resolved, whitespace
/// normalised).
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).expect("well-formed attributes")?;
    let value = a.normalized_value(XmlVersion::Explicit1_0);
    Some(value.expect("a well-formed attribute value").into_owned())
}

/// `g` drawn as SVG by Graphviz's `dot` (which must accept it), after
/// checking that the built-in renderer accepts it too and draws the same
/// shapes, titles, tooltips and texts; the built-in renderer's SVG alone
/// when `dot` is missing and not required.
fn svg_of(test: &str, g: &ArgumentGraph, opts: &DotOptions) -> Option<String> {
    let draw = |engine: Engine| {
        let mut opts = opts.clone();
        opts.engine(engine);
        let svg = render::render(g, &opts, Format::Svg).unwrap_or_else(|e| {
            panic!(
                "{engine} refused the DOT: {e}\n{}",
                render::dot_string(g, &opts)
            )
        });
        String::from_utf8(svg).expect("SVG is UTF-8")
    };
    let builtin = draw(Engine::Builtin);
    if !common::have_dot(test) {
        return Some(builtin);
    }
    let dot = draw(Engine::Dot);
    let seen = |svg: &str| {
        let mut all: Vec<String> = shapes(svg).iter().map(|s| format!("{s:?}")).collect();
        all.sort();
        all
    };
    assert_eq!(
        seen(&builtin),
        seen(&dot),
        "the engines drew different things"
    );
    Some(dot)
}

/// Options that draw the graph's own nodes alone, every label whole.
fn plain_options() -> DotOptions {
    let mut opts = DotOptions::new();
    opts.cluster(Cluster::None).legend(false);
    opts
}

/// The names of the nodes of the DOT `dot`, in order, as written.
fn dot_node_names(dot: &str) -> Vec<String> {
    fn walk(stmts: &[Stmt], out: &mut Vec<String>) {
        for stmt in stmts {
            match stmt {
                Stmt::Node(n) => out.push(match &n.id.0 {
                    Id::Escaped(s) | Id::Plain(s) | Id::Html(s) => s.clone(),
                    Id::Anonymous(s) => s.clone(),
                }),
                Stmt::Subgraph(s) => walk(&s.stmts, out),
                _ => {}
            }
        }
    }
    let Graph::DiGraph { stmts, .. } = graphviz_rust::parse(dot).expect("the DOT parses") else {
        panic!("not a digraph")
    };
    let mut out = Vec::new();
    walk(&stmts, &mut out);
    out
}

/// A graph of claims with the ids `ids`, each attacking the next.
fn chain(ids: &[&str]) -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    for id in ids {
        g.claim(*id, format!("text of {id}")).unwrap();
    }
    for pair in ids.windows(2) {
        g.attacks(pair[0], pair[1]).unwrap();
    }
    g
}

/// The ids must give as many DOT nodes, and (with Graphviz) as many SVG
/// nodes titled as documented, with no attack drawn as a self-loop.
fn assert_ids_stay_distinct(test: &str, ids: &[&str]) {
    let g = chain(ids);
    let opts = plain_options();
    let names = dot_node_names(&render::dot_string(&g, &opts));
    let distinct: HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), ids.len(), "ids merged in DOT: {names:?}");
    let Some(svg) = svg_of(test, &g, &opts) else {
        return;
    };
    let shapes = shapes(&svg);
    let titles: Vec<&str> = shapes
        .iter()
        .filter(|s| s.class == "node")
        .map(|s| s.title.as_str())
        .collect();
    let expected: Vec<String> = ids.iter().map(|id| shown_id(id)).collect();
    assert_eq!(titles, expected);
    let edges: Vec<&str> = shapes
        .iter()
        .filter(|s| s.class == "edge")
        .map(|s| s.title.as_str())
        .collect();
    let expected: Vec<String> = ids
        .windows(2)
        .map(|p| graphviz_spaces(&format!("{}->{}", shown_id(p[0]), shown_id(p[1]))))
        .collect();
    assert_eq!(edges, expected);
}

#[test]
fn ids_differing_in_cr_do_not_merge() {
    assert_ids_stay_distinct(
        "ids_differing_in_cr_do_not_merge",
        &["a\nb", "a\r\nb", "a\rb"],
    );
}

#[test]
fn ids_differing_in_tab_or_space_do_not_merge() {
    assert_ids_stay_distinct(
        "ids_differing_in_tab_or_space_do_not_merge",
        &["t\tb", "t b", "t\\tb"],
    );
}

#[test]
fn ids_differing_in_nul_or_its_picture_do_not_merge() {
    assert_ids_stay_distinct(
        "ids_differing_in_nul_or_its_picture_do_not_merge",
        &[
            "x\u{0}",
            "x\u{2400}",
            "x\\u{0}",
            "x\u{1}",
            "x\u{7f}",
            "x\u{2421}",
        ],
    );
}

/// Graphviz took a name starting with `%` for one of its anonymous nodes
/// and titled it `%3`.
#[test]
fn id_starting_with_percent_keeps_its_title() {
    assert_ids_stay_distinct(
        "id_starting_with_percent_keeps_its_title",
        &["%", "%1", "\\%1", "a%1"],
    );
}

#[test]
fn ids_differing_in_entities_or_backslashes_do_not_merge() {
    assert_ids_stay_distinct(
        "ids_differing_in_entities_or_backslashes_do_not_merge",
        &[
            "amp &",
            "amp &amp;",
            "amp &#38;",
            "b\\",
            "b\\\\",
            "b\\\"",
            "b\"",
        ],
    );
}

/// Labels and texts that wrap to nothing, and titles that are nothing:
/// each used to give an empty `<B></B>` (or `<FONT>`, `<I>`) that
/// Graphviz refuses.
fn blank_graph() -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    g.set_title("").set_description("");
    g.add_source(Source::new("s", "")).unwrap();
    g.framing("f", " ").unwrap().set_label("");
    let blanks = [" ", "\t", "\u{a0}", "", "\r", "\n", "\u{3000}"];
    for (i, blank) in blanks.iter().enumerate() {
        let id = format!("n{i}");
        let kind = NodeKind::ALL[i % 4];
        let text = if blank.is_empty() { " " } else { blank };
        let n = g.add_node(id.clone(), kind, text).unwrap();
        n.set_label(*blank)
            .add_provenance(Provenance::new("s").with_locator(*blank));
        if matches!(kind, NodeKind::Claim | NodeKind::Argument) {
            g.frames("f", &id).unwrap().set_label(*blank);
        }
    }
    // A node without a label whose text wraps to nothing.
    g.claim("bare", "\t \u{a0}").unwrap();
    g
}

#[test]
fn whitespace_only_label_renders() {
    let g = blank_graph();
    let mut with_overlay = DotOptions::new();
    with_overlay.overlay(Overlay::new(""));
    let mut by_source = DotOptions::new();
    by_source.cluster(Cluster::Source);
    for opts in [DotOptions::new(), by_source, with_overlay] {
        let dot = render::dot_string(&g, &opts);
        for empty in ["<B></B>", "<I></I>", "\"></FONT>"] {
            assert!(!dot.contains(empty), "{empty} in\n{dot}");
        }
        graphviz_rust::parse(&dot).expect("graphviz-rust parses it");
        if let Some(svg) = svg_of("whitespace_only_label_renders", &g, &opts) {
            shapes(&svg);
        }
    }
}

/// An overlay with no legend marks gave an empty table row (and
/// `COLSPAN="0"`) that Graphviz refuses.
#[test]
fn overlay_without_legend_marks_renders() {
    let g = chain(&["a", "b"]);
    let mut opts = DotOptions::new();
    opts.overlay(Overlay::new("no marks"));
    let dot = render::dot_string(&g, &opts);
    assert!(
        !dot.contains("<TR></TR>") && !dot.contains("COLSPAN=\"0\""),
        "{dot}"
    );
    if let Some(svg) = svg_of("overlay_without_legend_marks_renders", &g, &opts) {
        let shapes = shapes(&svg);
        assert!(shapes.iter().any(|s| s.text.contains("no marks")));
    }
}

/// Graphviz expands `\N`, `\G` and `\\` in the text of HTML-like labels too.
#[test]
fn label_backslash_n_kept_literal() {
    let mut g = ArgumentGraph::new();
    g.framing("f", r"text \N \G \\")
        .unwrap()
        .set_label(r"label \N \G \E \\");
    g.claim("c", "C").unwrap();
    g.frames("f", "c").unwrap();
    let dot = render::dot_string(&g, &DotOptions::new());
    assert!(dot.contains(r"<I>label \\N \\G \\E \\\\</I>"), "{dot}");
    let mut opts = DotOptions::new();
    opts.legend(false);
    let Some(svg) = svg_of("label_backslash_n_kept_literal", &g, &opts) else {
        return;
    };
    let shapes = shapes(&svg);
    let cluster = shapes.iter().find(|s| s.class == "cluster").unwrap();
    assert_eq!(cluster.text.trim_end(), r"label \N \G \E \\");
    let node = shapes.iter().find(|s| s.title == "f").unwrap();
    assert_eq!(node.text, "label \\N \\G \\E \\\\\ntext \\N \\G \\\\\n");
}

/// Graphviz refuses an HTML-like label element that holds only `]` or `]]`.
#[test]
fn label_of_only_closing_brackets_renders() {
    let mut g = ArgumentGraph::new();
    g.claim("a", "]").unwrap().set_label("]]");
    g.claim("b", "]]").unwrap();
    g.claim("c", "x").unwrap().set_label("]");
    let dot = render::dot_string(&g, &plain_options());
    assert!(!dot.contains(">]<") && !dot.contains(">]]<"), "{dot}");
    let Some(svg) = svg_of(
        "label_of_only_closing_brackets_renders",
        &g,
        &plain_options(),
    ) else {
        return;
    };
    let texts: Vec<String> = shapes(&svg)
        .iter()
        .filter(|s| s.class == "node")
        .map(|s| without_whitespace(&s.text))
        .collect();
    assert_eq!(texts, ["]]]", "]]", "]x"]);
}

/// Every place a string reaches the picture, holding U+FFFE, U+FFFF and a
/// NUL: the SVG must still be XML.
#[test]
fn noncharacter_in_text_gives_xml_svg() {
    let odd = "a\u{FFFE}b\u{FFFF}c\u{0}d\u{1b}[2J";
    let mut g = ArgumentGraph::new();
    g.set_title(odd).set_description(odd);
    g.add_source(Source::new(odd, odd)).unwrap();
    g.framing(odd, odd).unwrap().set_label(odd);
    g.claim("c\u{FFFF}", odd)
        .unwrap()
        .set_label(odd)
        .add_provenance(Provenance::new(odd).with_locator(odd));
    g.frames(odd, "c\u{FFFF}").unwrap();
    g.attacks("c\u{FFFF}", odd).unwrap().set_label(odd);
    let mut overlay = Overlay::new(odd);
    overlay.mark(odd, argraph::overlay::Mark::In);
    overlay.legend([argraph::overlay::Mark::In]);
    let mut by_source = DotOptions::new();
    by_source.cluster(Cluster::Source);
    let mut with_overlay = DotOptions::new();
    with_overlay.overlay(overlay);
    for opts in [DotOptions::new(), by_source, with_overlay] {
        let dot = render::dot_string(&g, &opts);
        for c in ['\u{FFFE}', '\u{FFFF}', '\u{0}', '\u{1b}'] {
            assert!(!dot.contains(c), "{c:?} in\n{dot}");
        }
        if let Some(svg) = svg_of("noncharacter_in_text_gives_xml_svg", &g, &opts) {
            let shapes = shapes(&svg);
            assert!(shapes.iter().any(|s| s.title == "c\\u{ffff}"));
        }
    }
}

/// A claim with `text` as its text, drawn alone: its SVG tooltip and its
/// label's characters.
fn tooltip_and_label(test: &str, text: &str) -> Option<(Option<String>, String)> {
    let mut g = ArgumentGraph::new();
    g.claim("c", text).unwrap();
    let svg = svg_of(test, &g, &plain_options())?;
    let node = shapes(&svg)
        .into_iter()
        .find(|s| s.class == "node")
        .unwrap();
    Some((node.tooltip, without_whitespace(&node.text)))
}

/// Graphviz expands `\N`, `\G`, `\L` (and `\E`, `\T`, `\H`) in tooltips,
/// twice; `\n`, `\l`, `\r` are line breaks there.
#[test]
fn tooltip_backslash_n_kept_literal() {
    for text in [
        r"\N \G \L \E \T \H",
        r"\n \l \r \x",
        r"a\\b a\\\\b",
        "trailing \\",
        "quote \\\" end",
    ] {
        let Some((tooltip, label)) = tooltip_and_label("tooltip_backslash_n_kept_literal", text)
        else {
            return;
        };
        assert_eq!(tooltip.as_deref(), Some(text));
        assert_eq!(label, without_whitespace(text));
    }
}

/// Graphviz decodes entities in tooltips.
#[test]
fn tooltip_entities_not_decoded() {
    for text in ["&amp; &lt; &#60; &#x3C; &nbsp; &", "&amp;amp;", "a&b;c"] {
        let Some((tooltip, label)) = tooltip_and_label("tooltip_entities_not_decoded", text) else {
            return;
        };
        assert_eq!(tooltip.as_deref(), Some(text));
        assert_eq!(label, without_whitespace(text));
    }
}

/// A carriage return used to be dropped and a tab written as a space.
#[test]
fn tooltip_cr_and_tab_kept() {
    let text = "line\r\nnext\rlast\ttab\nend";
    let Some((tooltip, _)) = tooltip_and_label("tooltip_cr_and_tab_kept", text) else {
        return;
    };
    let tooltip = tooltip.unwrap();
    // A tab reads as a space (Graphviz writes it raw into the attribute);
    // if Graphviz ever writes it as `&#9;`, it reads as a tab.
    assert_eq!(tooltip.replace('\t', " "), shown_tooltip(text));
    // The DOT carries the tab and the carriage return.
    let mut g = ArgumentGraph::new();
    g.claim("c", text).unwrap();
    let dot = render::dot_string(&g, &plain_options());
    assert!(
        dot.contains(r#"tooltip="line&#13;\nnext&#13;last&#9;tab\nend""#),
        "{dot}"
    );
}

/// Plain (edge) labels are escStrings too: `\N` and entities used to be
/// expanded there.
#[test]
fn edge_label_entities_and_escapes_kept() {
    let label = r"\N \E \G &amp; &#60; a\\b \";
    let mut g = chain(&["a", "b"]);
    g.supports("a", "b").unwrap().set_label(label);
    let mut opts = plain_options();
    opts.wrap(200);
    let Some(svg) = svg_of("edge_label_entities_and_escapes_kept", &g, &opts) else {
        return;
    };
    let edge = shapes(&svg)
        .into_iter()
        .filter(|s| s.class == "edge")
        .nth(1)
        .unwrap();
    assert_eq!(edge.text.trim_end(), graphviz_spaces(label));
}

#[test]
fn graph_tooltip_and_title_kept() {
    let mut g = chain(&["a"]);
    let description = r"\G \N &amp; a\\b";
    g.set_title(r"\G &amp; <B>").set_description(description);
    let Some(svg) = svg_of("graph_tooltip_and_title_kept", &g, &plain_options()) else {
        return;
    };
    let graph = shapes(&svg)
        .into_iter()
        .find(|s| s.class == "graph")
        .unwrap();
    assert_eq!(graph.tooltip.as_deref(), Some(description));
    assert_eq!(
        without_whitespace(&graph.text),
        without_whitespace(r"\G &amp; <B>")
    );
}

// GraphML.

/// The node ids and the edges' (source, target) of a GraphML document, as
/// XML reads them.
fn graphml_ids(xml: &str) -> (Vec<String>, Vec<(String, String)>) {
    let mut reader = Reader::from_str(xml);
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"node" => {
                nodes.push(attribute(&e, "id").unwrap());
            }
            Event::Start(e) if e.name().as_ref() == b"edge" => {
                edges.push((
                    attribute(&e, "source").unwrap(),
                    attribute(&e, "target").unwrap(),
                ));
            }
            _ => {}
        }
    }
    (nodes, edges)
}

#[test]
fn graphml_ids_are_injective() {
    let ids = [
        "x\u{0}",
        "x\u{1}",
        "x\u{FFFD}",
        "x\\u{0}",
        "x\u{FFFE}",
        "x\u{FFFF}",
        "x\\",
        "x\\\\",
        "tab\t",
        "cr\r",
        "lf\n",
        "plain",
    ];
    let g = chain(&ids);
    let mut out = Vec::new();
    let report = graphml::to_writer(&g, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.chars().all(is_xml_char), "{xml}");
    let (nodes, edges) = graphml_ids(&xml);
    let expected = [
        "x\\u{0}",
        "x\\u{1}",
        "x\u{FFFD}",
        "x\\\\u{0}",
        "x\\u{fffe}",
        "x\\u{ffff}",
        "x\\\\",
        "x\\\\\\\\",
        "tab\t",
        "cr\r",
        "lf\n",
        "plain",
    ];
    assert_eq!(nodes, expected);
    let pairs: Vec<(String, String)> = expected
        .windows(2)
        .map(|p| (p[0].to_string(), p[1].to_string()))
        .collect();
    assert_eq!(edges, pairs);
    let warned = report
        .entries()
        .iter()
        .find(|e| e.what().contains("\\u{…}"))
        .unwrap();
    assert_eq!(warned.count(), 4);
}

// Any strings at all.

/// Strings that Graphviz, DOT or XML treat specially, alone or joined.
fn hostile_string() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        4 => strategies::text_to_escape(),
        1 => prop::sample::select(vec![
            "\r\n", "\r", "\n", "\t", " ", "  ", "\u{a0}", "\u{0}", "\u{2400}", "\u{1}",
            "\u{7f}", "\u{1b}[2J", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\\", "\\\\", "\\N",
            "\\G", "\\L", "\\E", "\\T", "\\H", "\\n", "\\l", "\\r", "\\u{0}", "\"", "\\\"",
            "&amp;", "&lt;", "&#60;", "&#x3C;", "&", "<B>", "</B>", "<BR/>", "]]>", "-",
            "--", "->", "%", "é", "🌍", "\u{200b}", "\u{301}",
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec(atom, 1..4).prop_map(|atoms| atoms.concat())
}

/// A graph of up to six nodes with hostile ids, texts, labels, provenance
/// and edge labels, a hostile title and description.
fn hostile_graph() -> impl Strategy<Value = ArgumentGraph> {
    let node = (
        hostile_string(),
        hostile_string(),
        prop::option::of(hostile_string()),
        prop::option::of(hostile_string()),
    );
    (
        prop::collection::vec(node, 1..7),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                prop::option::of(hostile_string()),
            ),
            0..8,
        ),
        hostile_string(),
        hostile_string(),
        hostile_string(),
    )
        .prop_map(|(nodes, edges, title, description, source)| {
            let mut g = ArgumentGraph::new();
            g.set_title(title).set_description(description);
            g.add_source(Source::new(source.clone(), "S")).unwrap();
            let mut ids = Vec::new();
            for (id, text, label, locator) in nodes {
                if ids.contains(&id) {
                    continue;
                }
                let n = g.claim(id.clone(), text).unwrap();
                if let Some(label) = label {
                    n.set_label(label);
                }
                let mut p = Provenance::new(source.clone());
                p.locator = locator;
                n.add_provenance(p);
                ids.push(id);
            }
            for (from, to, label) in edges {
                let (from, to) = (from.get(&ids), to.get(&ids));
                if let (Ok(e), Some(label)) = (g.attacks(from, to), label) {
                    e.set_label(label);
                }
            }
            g
        })
}

/// What a node's label shows: its label, its text, its provenance line
/// (`source · locator`).
fn node_words(n: &argraph::Node) -> String {
    let mut all = n.label().map(shown_wrapped).unwrap_or_default();
    all.push_str(&shown_wrapped(n.text()));
    if let Some(p) = n.provenance().first() {
        all.push_str(&shown_wrapped(&p.source));
        if let Some(locator) = &p.locator {
            all.push('·');
            all.push_str(&shown_wrapped(locator));
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_strings_reach_the_svg_intact(g in hostile_graph()) {
        let opts = plain_options();
        let Some(svg) = svg_of("any_strings_reach_the_svg_intact", &g, &opts) else {
            return Ok(());
        };
        let shapes = shapes(&svg);
        let graph = shapes.iter().find(|s| s.class == "graph").unwrap();
        prop_assert_eq!(
            graph.tooltip.as_ref().map(|t| t.replace('\t', " ")),
            Some(shown_tooltip(g.description().unwrap()))
        );
        prop_assert_eq!(without_whitespace(&graph.text), shown_unwrapped(g.title().unwrap()));
        // Graphviz writes nodes in its own order: find each by its title.
        let nodes: Vec<&Shape> = shapes.iter().filter(|s| s.class == "node").collect();
        prop_assert_eq!(nodes.len(), g.node_count());
        for n in g.nodes() {
            let title = shown_id(n.id());
            let shape = nodes.iter().find(|s| s.title == title);
            prop_assert!(shape.is_some(), "no node titled {:?}", title);
            let shape = shape.unwrap();
            prop_assert_eq!(
                shape.tooltip.as_ref().map(|t| t.replace('\t', " ")),
                Some(shown_tooltip(n.text()))
            );
            prop_assert_eq!(without_whitespace(&shape.text), node_words(n));
        }
        // Graphviz writes edges in its own order: compare them sorted.
        let mut edges: Vec<(String, String)> = shapes
            .iter()
            .filter(|s| s.class == "edge")
            .map(|s| (s.title.clone(), without_whitespace(&s.text)))
            .collect();
        let mut expected: Vec<(String, String)> = g
            .edges()
            .map(|e| {
                let title = format!("{}->{}", shown_id(e.from().id()), shown_id(e.to().id()));
                (graphviz_spaces(&title), e.label().map(shown_wrapped).unwrap_or_default())
            })
            .collect();
        edges.sort();
        expected.sort();
        prop_assert_eq!(edges, expected);
    }
}
