//! Argdown text, read and written natively: the reader on Argdown's
//! constructs, its errors with line and column, the CLI on `.argdown`
//! files, and argraph → Argdown → argraph giving back the same graph.

use argraph::{argdown, ArgumentGraph, AttackKind, EdgeKind, NodeKind};
use proptest::prelude::*;
use serde_json::json;

use crate::strategies::graph_any_data;

fn read(text: &str) -> argraph::report::Imported {
    argdown::from_text(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn through_argdown(g: &ArgumentGraph) -> ArgumentGraph {
    let text = argdown::to_text(g).unwrap();
    read(&text).graph
}

/// 256 cases, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn argraph_to_argdown_and_back(g in graph_any_data()) {
        let text = argdown::to_text(&g).unwrap();
        let back = argdown::from_text(&text);
        prop_assert!(back.is_ok(), "{}\n{}", back.unwrap_err(), text);
        let back = back.unwrap();
        prop_assert_eq!(&back.graph, &g, "{}", text);
        prop_assert_eq!(back.report.warnings(), 0, "{}", back.report);
    }
}
