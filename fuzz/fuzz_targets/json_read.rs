//! Any bytes: reading never panics, and whatever reads is valid, survives a
//! round trip, and draws.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(g) = argraph::json::from_slice(data) else {
        return;
    };
    g.validate().expect("a graph that reads is valid");
    let text = argraph::json::to_string_pretty(&g).expect("a graph writes");
    let back = argraph::json::from_str(&text).expect("what we write reads back");
    assert_eq!(back, g);
    let dot = argraph::render::dot_string(&g, &argraph::render::DotOptions::new());
    assert!(dot.ends_with("}\n"));
});
