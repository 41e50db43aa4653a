//! Any text as ids, labels, texts, provenance and an overlay's caption: the
//! DOT writer and the graphviz-rust AST describe the same graph, and
//! graphviz-rust parses it.
#![no_main]

use graphviz_rust::printer::{DotPrinter, PrinterContext};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.split('\u{0}').collect();
    let mut g = argraph::ArgumentGraph::new();
    g.add_source(argraph::Source::new(parts[0], parts[0])).ok();
    let mut overlay = argraph::overlay::Overlay::new(parts[0]);
    overlay.legend([
        argraph::overlay::Mark::In,
        argraph::overlay::Mark::Strength(0.5),
    ]);
    let mut prev: Option<String> = None;
    for (i, part) in parts.iter().enumerate().take(16) {
        let id = format!("{part}{i}");
        let kind = argraph::NodeKind::ALL[i % 4];
        let body = if part.is_empty() { "_" } else { part };
        let Ok(node) = g.add_node(id.clone(), kind, body) else {
            continue;
        };
        node.set_label(*part)
            .add_provenance(argraph::Provenance::new(parts[0]).with_locator(*part));
        if let Some(p) = &prev {
            if let Ok(e) = g.attacks(p, &id) {
                e.set_label(*part);
            }
        }
        let mark = match i % 3 {
            0 => argraph::overlay::Mark::Out,
            1 => argraph::overlay::Mark::Credulous,
            _ => argraph::overlay::Mark::Strength(part.len() as f64 / 16.0),
        };
        overlay.mark(id.clone(), mark);
        prev = Some(id);
    }
    let mut opts = argraph::render::DotOptions::new();
    if data.first().is_some_and(|b| b % 2 == 1) {
        opts.overlay(overlay);
    }
    let written = argraph::render::dot_string(&g, &opts);
    let ast = argraph::render::dot_graph(&g, &opts);
    let printed = ast.print(&mut PrinterContext::default());
    let a = graphviz_rust::parse(&written).expect("the writer's DOT parses");
    let b = graphviz_rust::parse(&printed).expect("the AST's DOT parses");
    assert_eq!(a, b);
});
