//! DOT export: the DOT writer and the graphviz-rust AST describe the same
//! graph, hostile labels reach the picture intact, and Graphviz accepts it all.

use std::io::Write;
use std::process::{Command, Stdio};

use argraph::overlay::{Mark, Overlay};
use argraph::render::{self, Cluster, DotOptions, Engine, Format, RankDir, Theme};
use argraph::{ArgumentGraph, Provenance, Source};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use proptest::prelude::*;

use crate::common;

/// Labels that break naive DOT writers.
const HOSTILE: &[&str] = &[
    "double \"quotes\" inside",
    "back\\slash and \\N \\G \\l escapes",
    "trailing backslash \\",
    "new\nlines\r\nand\ttabs",
    "<b>markup</b> & <i>entities</i> &amp; &#x41; ]]>",
    "node",
    "edge",
    "graph",
    "digraph",
    "subgraph",
    "strict",
    "-> -- ; { } [ ] = ,",
    "Россия и Афганистан — “кавычки” ¶2 §4",
    "阿富汗 🇦🇫 🌍 emoji and CJK",
    "control \u{1}\u{7}\u{1b} characters",
    "/* not a comment */ // nor this # nor this",
    "   leading and trailing spaces   ",
];

fn hostile_graph() -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    g.set_title("Title with \"quotes\" & <tags>")
        .set_description("Description \\ with \n newline");
    g.add_source(Source::new("src \"1\"", "A <source> & more"))
        .unwrap();
    g.framing("frame \"F\"", "A framing \\ with & <markup>")
        .unwrap()
        .set_label("lens <F> \"1\"");
    let mut prev: Option<String> = None;
    for (i, text) in HOSTILE.iter().enumerate() {
        // The label itself is the id too: ids are just as hostile.
        let id = text.to_string();
        let kind = argraph::NodeKind::ALL[i % 4];
        let node = g.add_node(id.clone(), kind, *text).unwrap();
        node.set_label(format!("label {text}"))
            .add_provenance(Provenance::new("src \"1\"").with_locator(format!("§{i} \"{text}\"")));
        if kind == argraph::NodeKind::Claim {
            g.frames("frame \"F\"", &id).unwrap();
        }
        if let Some(p) = &prev {
            g.attacks(p, &id).unwrap().set_label(format!("edge {text}"));
        }
        prev = Some(id);
    }
    g.validate().unwrap();
    g
}

/// An overlay over every node of `g`, cycling through every kind of mark,
/// with a hostile caption.
fn overlay_of(g: &ArgumentGraph) -> Overlay {
    let marks = [
        Mark::In,
        Mark::Out,
        Mark::Undec,
        Mark::Skeptical,
        Mark::Credulous,
        Mark::Rejected,
        Mark::Strength(0.0),
        Mark::Strength(0.72),
        Mark::Strength(1.0),
    ];
    let mut overlay = Overlay::new("Evaluation: \"x\" <b>&</b> \\N\nunder framing \u{1}");
    for (i, n) in g.nodes().enumerate() {
        overlay.mark(n.id(), marks[i % marks.len()]);
    }
    overlay.legend(marks);
    overlay
}

/// Every option set, overlays included.
fn all_options(g: &ArgumentGraph) -> Vec<DotOptions> {
    let mut out = Vec::new();
    let by_tag = Cluster::Tag("t".into());
    for cluster in [Cluster::Framing, Cluster::Source, by_tag, Cluster::None] {
        for theme in [Theme::Color, Theme::Mono] {
            let mut o = DotOptions::new();
            o.cluster(cluster.clone()).theme(theme);
            out.push(o);
        }
    }
    let mut o = DotOptions::new();
    o.rankdir(RankDir::LeftRight)
        .legend(false)
        .text(false)
        .provenance(false)
        .wrap(8);
    out.push(o);
    for theme in [Theme::Color, Theme::Mono] {
        let mut o = DotOptions::new();
        o.theme(theme).overlay(overlay_of(g));
        out.push(o);
    }
    out
}

/// The writer's text and the printed AST parse to the same graph.
fn assert_same_graph(g: &ArgumentGraph, opts: &DotOptions) {
    let written = render::dot_string(g, opts);
    let ast = render::dot_graph(g, opts);
    let printed = ast.print(&mut PrinterContext::default());
    let from_written = graphviz_rust::parse(&written)
        .unwrap_or_else(|e| panic!("written DOT does not parse: {e}\n{written}"));
    let from_ast = graphviz_rust::parse(&printed)
        .unwrap_or_else(|e| panic!("AST DOT does not parse: {e}\n{printed}"));
    assert_eq!(from_written, from_ast);
    // And parsing gives back the AST we built.
    assert_eq!(from_written, ast);
}

#[test]
fn writer_and_ast_describe_the_same_graph() {
    let g = hostile_graph();
    for opts in all_options(&g) {
        assert_same_graph(&g, &opts);
    }
    let seed = argraph::json::load(common::seed_path()).unwrap();
    for opts in all_options(&seed) {
        assert_same_graph(&seed, &opts);
    }
    assert_same_graph(&ArgumentGraph::new(), &DotOptions::new());
}

fn run_dot(dot: &str, format: &str) -> Vec<u8> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dot runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{dot}");
    assert!(
        !stderr.contains("Error") && !stderr.contains("syntax"),
        "dot complained: {stderr}"
    );
    out.stdout
}

/// Undoes SVG's XML escaping of text.
fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#45;", "-")
        .replace("&#160;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn hostile_labels_reach_the_picture_intact() {
    if !common::have_dot("hostile_labels_reach_the_picture_intact") {
        return;
    }
    let g = hostile_graph();
    let mut opts = DotOptions::new();
    // Wide enough that no label is wrapped, so each appears whole.
    opts.wrap(200).cluster(Cluster::None);
    let svg = run_dot(&render::dot_string(&g, &opts), "svg");
    let svg = xml_unescape(&String::from_utf8(svg).unwrap());
    for text in HOSTILE {
        // What the picture shows: control characters as visible pictures,
        // line breaks as separate lines, runs of spaces as Graphviz lays them out.
        let shown: String = text
            .chars()
            .map(|c| match c {
                '\t' => ' ',
                c if (c as u32) < 0x20 && c != '\n' && c != '\r' => {
                    char::from_u32(0x2400 + c as u32).unwrap()
                }
                c => c,
            })
            .filter(|&c| c != '\r')
            .collect();
        for line in shown.split('\n') {
            let line = line.trim();
            assert!(
                line.is_empty() || svg.contains(line),
                "{line:?} is missing from the SVG"
            );
        }
    }
    // Ids and tooltips survive too (SVG <title> holds the node name).
    assert!(
        svg.contains("<title>double \"quotes\" inside</title>"),
        "node id lost"
    );
    assert!(
        svg.contains("back\\slash and \\N \\G \\l escapes"),
        "backslashes lost"
    );
    assert!(
        svg.contains("Title with \"quotes\" & <tags>"),
        "graph title lost"
    );
}

#[test]
fn every_option_and_format_renders() {
    if !common::have_dot("every_option_and_format_renders") {
        return;
    }
    let g = hostile_graph();
    for mut opts in all_options(&g) {
        opts.engine(Engine::Dot);
        let svg = render::render(&g, &opts, Format::Svg).unwrap();
        assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    }
    let mut with_dot = DotOptions::new();
    with_dot.engine(Engine::Dot);
    let png = render::render(&g, &with_dot, Format::Png).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let pdf = render::render(&g, &with_dot, Format::Pdf).unwrap();
    assert_eq!(&pdf[..5], b"%PDF-");
}

#[test]
fn the_visual_language_is_what_the_docs_say() {
    let mut g = ArgumentGraph::new();
    g.claim("c", "C").unwrap();
    g.evidence("e", "E").unwrap();
    g.framing("f", "F").unwrap();
    g.argument("a", "A").unwrap();
    g.supports("e", "a").unwrap();
    g.rebuts("c", "e").unwrap();
    g.undermines("c", "e").unwrap();
    g.undercuts("c", "a").unwrap();
    g.attacks("a", "c").unwrap();
    g.frames("f", "e").unwrap_err();
    g.frames("f", "c").unwrap();
    g.claim("c2", "C2").unwrap();
    g.framing("f2", "F2").unwrap();
    g.frames("f", "c2").unwrap();
    g.frames("f2", "c2").unwrap();
    let mut opts = DotOptions::new();
    opts.legend(false).theme(Theme::Mono);
    let dot = render::dot_string(&g, &opts);
    let line = |start: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line {start}\n{dot}"))
            .to_string()
    };
    assert!(line("\"c\" [").contains("shape=box") && line("\"c\" [").contains("rounded"));
    assert!(line("\"e\" [").contains("shape=note"));
    assert!(line("\"f\" [").contains("shape=hexagon"));
    assert!(line("\"a\" [").contains("shape=ellipse"));
    let edges: Vec<&str> = dot.lines().filter(|l| l.contains("->")).collect();
    let find = |from: &str, to: &str, n: usize| {
        edges
            .iter()
            .filter(|l| {
                l.trim_start()
                    .starts_with(&format!("\"{from}\" -> \"{to}\""))
            })
            .nth(n)
            .unwrap_or_else(|| panic!("no edge {from} -> {to}\n{dot}"))
            .to_string()
    };
    // Without colour, every relation is told apart by line style, arrowhead and weight.
    let supports = find("e", "a", 0);
    let rebut = find("c", "e", 0);
    let undermine = find("c", "e", 1);
    let undercut = find("c", "a", 0);
    let attack = find("a", "c", 0);
    let frames = find("f2", "c2", 0);
    let signature = |l: &str| {
        let attr = |name: &str| {
            l.split(", ")
                .chain(l.split('['))
                .find_map(|a| a.trim().strip_prefix(&format!("{name}=")))
                .map(|v| v.trim_end_matches("];").trim_end_matches(']').to_string())
        };
        (attr("style"), attr("arrowhead"), attr("penwidth"))
    };
    let all = [&supports, &rebut, &undermine, &undercut, &attack, &frames].map(|l| signature(l));
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b, "two relations look alike in mono");
        }
    }
    assert!(supports.contains("style=solid") && supports.contains("arrowhead=normal"));
    assert!(attack.contains("style=dashed") && attack.contains("arrowhead=tee"));
    assert!(frames.contains("style=dotted"));
    // Inside its framing's box, c is framed by the box; c2 (two framings) keeps its edges.
    assert!(!edges.iter().any(|l| l.contains("\"f\" -> \"c\"")));
    assert!(edges.iter().any(|l| l.contains("\"f\" -> \"c2\"")));
    assert!(!dot.contains("#D55E00"), "mono has no colour");
}

#[test]
fn legend_names_never_clash_with_node_ids() {
    let mut g = ArgumentGraph::new();
    g.claim("legend:claim", "I look like a legend node")
        .unwrap();
    g.claim("_legend:0a", "So do I").unwrap();
    let dot = render::dot_string(&g, &DotOptions::new());
    let parsed = graphviz_rust::parse(&dot).unwrap();
    let printed = parsed.print(&mut PrinterContext::default());
    // Each user node is declared exactly once.
    assert_eq!(dot.matches("\"legend:claim\" [").count(), 1);
    assert_eq!(dot.matches("\"_legend:0a\" [").count(), 1);
    assert!(printed.contains("__legend:claim"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_gives_the_same_graph_both_ways(
        texts in prop::collection::vec("\\PC{1,30}|[\"\\\\<>&\n\t -]{1,10}", 1..6),
        label in prop::option::of("\\PC{0,20}"),
    ) {
        let mut g = ArgumentGraph::new();
        for (i, t) in texts.iter().enumerate() {
            let n = g.claim(format!("{t}#{i}"), t.as_str()).unwrap();
            if let Some(l) = &label {
                n.set_label(l);
            }
            if i > 0 {
                g.attacks(&format!("{}#{}", texts[i - 1], i - 1), &format!("{t}#{i}")).unwrap();
            }
        }
        assert_same_graph(&g, &DotOptions::new());
    }
}

/// graphviz-rust's parser refuses an HTML label that is bare text
/// (`label=<0>`), though Graphviz accepts it; labels now always hold an element.
#[test]
fn regression_bare_text_html_label_rejected_by_graphviz_rust_parser() {
    let mut g = ArgumentGraph::new();
    g.claim("0#0", "0").unwrap();
    let dot = render::dot_string(&g, &DotOptions::new());
    assert!(
        dot.contains("label=<<FONT POINT-SIZE=\"11\">0</FONT>>"),
        "{dot}"
    );
    graphviz_rust::parse(&dot).unwrap();
}

#[test]
fn an_overlay_marks_fills_and_explains_its_nodes() {
    let g = hostile_graph();
    let mut opts = DotOptions::new();
    opts.overlay(overlay_of(&g));
    let dot = render::dot_string(&g, &opts);
    // Every mark's text, under the labels and in the key.
    for text in [
        "✔ in",
        "✘ out",
        "? undec",
        "✔✔ skeptical",
        "✔ credulous",
        "✘ rejected",
        "σ 0.00 ▯▯▯▯▯",
        "σ 0.72 ▮▮▮▮▯",
        "σ 1.00 ▮▮▮▮▮",
    ] {
        assert!(dot.matches(text).count() >= 2, "{text}");
    }
    // The caption goes through the escaping helper.
    assert!(
        dot.contains(
            "Evaluation: &quot;x&quot; &lt;b&gt;&amp;&lt;/b&gt; \\\\N<BR/>under framing \u{2401}"
        ),
        "{dot}"
    );
    // Fills: the Okabe–Ito tints, and strengths white at 0.5.
    for fill in ["#A8E6CF", "#F6C1A6", "#E0E0E0", "#FBE8A6"] {
        assert!(dot.contains(&format!("fillcolor=\"{fill}\"")), "{fill}");
        assert!(dot.contains(&format!("BGCOLOR=\"{fill}\"")), "{fill}");
    }
    let mut half = Overlay::new("half");
    half.mark("c", Mark::Strength(0.5));
    let mut one = ArgumentGraph::new();
    one.claim("c", "C").unwrap();
    let dot = render::dot_string(&one, DotOptions::new().overlay(half));
    assert!(dot.contains("fillcolor=\"#FFFFFF\"") && dot.contains("σ 0.50 ▮▮▮▯▯"));
    // In mono the marks stay, the colours go.
    opts.theme(Theme::Mono);
    let dot = render::dot_string(&g, &opts);
    assert!(dot.contains("✔✔ skeptical") && !dot.contains("BGCOLOR") && !dot.contains("#A8E6CF"));
}
