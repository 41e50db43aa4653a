//! Release-mode benchmark of the hard reasoning tasks on generated
//! frameworks (`cargo bench --bench reason`). Prints one line per case: the
//! task, the framework, the median wall time of a few runs, and the answer,
//! so runs can be compared with other solvers on the same files (see
//! `examples/gen_af.rs`, which writes them). Grounded, end to end from an
//! `i23` file, is in `benches/iccma.rs`.

#[path = "../examples/gen_af.rs"]
mod gen;

use std::time::{Duration, Instant};

use argraph::reason::{Reasoner, Semantics};
use argraph::ArgumentationFramework;

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

fn main() {
    // `cargo bench` passes `--bench`; a filter word selects the group.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let want = |g: &str| filter.as_deref().is_none_or(|f| g.contains(f));
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
