//! Links the `argraph` binary as a position-dependent executable on Linux
//! with glibc: the loader then has no relocations to apply to its half a
//! megabyte of pointer tables, and `argraph iccma` on a framework that takes
//! a millisecond to solve starts in about 0.85x the CPU time
//! (benches/README.md, "Start-up"). The library is unaffected.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
