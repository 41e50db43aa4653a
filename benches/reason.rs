//! Release-mode benchmark of the hard reasoning tasks on generated
//! frameworks (`cargo bench --bench reason`). Prints one line per case: the
//! task, the framework, the median wall time of a few runs, and the answer,
//! so runs can be compared with other solvers on the same files (see
//! `examples/gen_af.rs`, which writes them). Grounded, end to end from an
//! `i23` file, is in `benches/iccma.rs`.
//!
//! `cargo bench --bench reason -- structured` evaluates random maps of
//! 10^5, 3·10^5 and 10^6 nodes (three edges per node, 60 % supports) with
//! the default evaluation (grounded semantics on structured arguments),
//! and prints the time and the peak heap the evaluation took beyond the
//! map, each per node, so that linear growth shows as flat columns. The
//! heap is counted by this bench's own allocator.

#[path = "../examples/gen_af.rs"]
mod gen;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use argraph::reason::{Evaluator, Reasoner, Semantics};
use argraph::{ArgumentGraph, ArgumentationFramework};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// A random map of `n` nodes (10 % evidence, 70 % claims, 15 % argument
/// nodes, 5 % framings) with `3n` edges drawn at random: 60 % supports,
/// 35 % attacks, 5 % frames (edges the model refuses are skipped).
fn random_map(n: usize, seed: u64) -> ArgumentGraph {
    let mut rng = gen::Rng::new(seed);
    let mut g = ArgumentGraph::with_capacity(n, 3 * n);
    for i in 0..n {
        let id = format!("n{i}");
        let made = match rng.below(100) {
            0..=9 => g.evidence(id, "evidence").map(drop),
            10..=79 => g.claim(id, "claim").map(drop),
            80..=94 => g.argument(id, "inference").map(drop),
            _ => g.framing(id, "framing").map(drop),
        };
        made.expect("a fresh id");
    }
    for _ in 0..3 * n {
        let (a, b) = (format!("n{}", rng.below(n)), format!("n{}", rng.below(n)));
        let _ = match rng.below(100) {
            0..=59 => g.supports(&a, &b).map(drop),
            60..=94 => g.attacks(&a, &b).map(drop),
            _ => g.frames(&a, &b).map(drop),
        };
    }
    g
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    (median(times), last.expect("at least one run"))
}

/// The default evaluation of random maps of growing size: time and peak
/// heap beyond the map, per node.
fn structured_scale() {
    println!("nodes      edges      grounded (structured)   per node    peak heap beyond the map   per node");
    for n in [100_000, 300_000, 1_000_000] {
        let g = random_map(n, 7);
        let (t, extra) = time(3, || {
            let before = IN_USE.load(Ordering::Relaxed);
            PEAK.store(before, Ordering::Relaxed);
            let eval = Evaluator::new(&g).run().expect("evaluates");
            std::hint::black_box(&eval);
            PEAK.load(Ordering::Relaxed) - before
        });
        println!(
            "{n:>9}  {:>9}  {:>12.1} ms  {:>14.0} ns  {:>18.1} MB  {:>12.0} B",
            g.edge_count(),
            t.as_secs_f64() * 1e3,
            t.as_secs_f64() * 1e9 / n as f64,
            extra as f64 / 1e6,
            extra as f64 / n as f64
        );
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter word selects the group.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let want = |g: &str| filter.as_deref().is_none_or(|f| g.contains(f));
    if want("structured") {
        structured_scale();
    }
    if want("hard") {
        let cases: Vec<(&str, usize)> = vec![
            ("grid", 1000),
            ("grid", 5000),
            ("scalefree", 1000),
            ("scalefree", 5000),
            ("random", 100),
            ("random", 300),
            ("random", 500),
        ];
        for (kind, n) in cases {
            let att = gen::generate(kind, n, 5, 1);
            let af = ArgumentationFramework::new(n, att).expect("in range");
            // The query: the middle one of the arguments the grounded
            // labelling leaves undecided (a decided one needs no search).
            let undec = argraph::reason::grounded(&af).with(argraph::reason::Label::Undec);
            let q = undec.get(undec.len() / 2).copied().unwrap_or(0);
            for (task, sem) in [
                ("SE-PR", Semantics::Preferred),
                ("DC-PR", Semantics::Preferred),
                ("DS-PR", Semantics::Preferred),
                ("SE-ST", Semantics::Stable),
            ] {
                let (t, answer) = time(3, || {
                    let mut r = Reasoner::new(&af, sem);
                    match &task[..2] {
                        "SE" => format!("{}", r.some_extension().expect("solves").is_some()),
                        "DC" => format!("{}", r.credulous(q).expect("solves").accepted),
                        _ => format!("{}", r.skeptical(q).expect("solves").accepted),
                    }
                });
                println!(
                    "{task}  {kind:>9} n={n:>5}  {:>9.1} ms  answer={answer}",
                    t.as_secs_f64() * 1e3
                );
            }
        }
    }
}
