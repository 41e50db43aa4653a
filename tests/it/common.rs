//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Command;

/// Whether Graphviz's `dot` must be present: CI (and anyone who sets
/// `ARGRAPH_REQUIRE_DOT=1`) installs it, so there a missing `dot` is a
/// failure, never a skip.
pub fn dot_required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
        || std::env::var_os("ARGRAPH_REQUIRE_DOT").is_some_and(|v| v == "1")
}

/// `true` if `dot` runs. Panics if it does not and CI requires it; prints
/// why the caller is skipping otherwise.
pub fn have_dot(test: &str) -> bool {
    let ok = Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !dot_required(),
            "{test}: Graphviz `dot` is required here (CI or ARGRAPH_REQUIRE_DOT=1) but is not on PATH; apt-get install graphviz"
        );
        eprintln!("{test}: skipped, Graphviz `dot` is not installed (apt-get install graphviz)");
    }
    ok
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed graph of the repository.
pub fn seed_path() -> PathBuf {
    root().join("graphs/russia_afghanistan.json")
}

/// Runs the `argraph` binary with `args`.
pub fn argraph(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_argraph"))
        .args(args)
        .output()
        .expect("argraph runs")
}

/// Standard output of a run, as text.
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error of a run, as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Cases for the round-trip property tests: 256, or `PROPTEST_CASES`.
pub fn proptest_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}
