//! Any bytes as AIF in OVA3's shape (`{"AIF": {…}, "OVA": …}`; the seeds
//! are OVA documents): reading never panics; an error says what and, for a
//! parse error, where inside the input; a graph that reads is valid, reads
//! the same again, survives argraph JSON, and written as OVA reads back
//! equal.
#![no_main]

use argraph_fuzz::{check_aif_round_trip, check_graph, check_read_error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let imported = match argraph::aif::from_slice(data) {
        Ok(imported) => imported,
        Err(e) => return check_read_error(&e, data),
    };
    let again = argraph::aif::from_slice(data).expect("the same input reads again");
    assert_eq!(again.graph, imported.graph, "reading is deterministic");
    check_graph(&imported.graph);
    check_aif_round_trip(&imported.graph, argraph::aif::Flavor::Ova);
});
