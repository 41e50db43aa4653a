//! Any bytes as argraph JSON: reading never panics; an error says what and,
//! for a parse error, where inside the input; a graph that reads is valid,
//! reads the same again, writes and reads back equal (as argraph JSON and
//! through AIF), and draws.
#![no_main]

use argraph_fuzz::{check_aif_round_trip, check_graph, check_read_error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let g = match argraph::json::from_slice(data) {
        Ok(g) => g,
        Err(e) => return check_read_error(&e, data),
    };
    check_graph(&g);
    // Canonical argraph JSON (the writer's) also round-trips byte for byte.
    let text = argraph::json::to_string_pretty(&g).expect("a graph writes");
    let again =
        argraph::json::to_string_pretty(&argraph::json::from_str(&text).expect("reads back"))
            .expect("a graph writes");
    assert_eq!(text, again, "argraph JSON written twice is the same text");
    check_aif_round_trip(&g, argraph::aif::Flavor::AifDb);
});
