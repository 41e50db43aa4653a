//! Any bytes as Argdown text: reading never panics; an error says what and,
//! for a parse error, where inside the input; a graph that reads is valid,
//! reads the same again, is written as Argdown that reads back the same
//! graph, survives argraph JSON, and survives AIF.
#![no_main]

use argraph_fuzz::{check_aif_round_trip, check_graph, check_read_error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let imported = match argraph::argdown::text_from_slice(data) {
        Ok(imported) => imported,
        Err(e) => return check_read_error(&e, data),
    };
    let again = argraph::argdown::text_from_slice(data).expect("the same input reads again");
    assert_eq!(again.graph, imported.graph, "reading is deterministic");
    check_graph(&imported.graph);
    let written = argraph::argdown::to_text(&imported.graph)
        .unwrap_or_else(|e| panic!("a graph read from Argdown is written as Argdown, but: {e}"));
    let back = argraph::argdown::from_text(&written)
        .unwrap_or_else(|e| panic!("the Argdown argraph wrote reads back, but: {e}\n{written}"));
    assert_eq!(
        back.graph, imported.graph,
        "Argdown -> argraph -> Argdown -> argraph: the same graph\n{written}"
    );
    check_aif_round_trip(&imported.graph, argraph::aif::Flavor::AifDb);
});
