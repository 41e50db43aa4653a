//! Solver configurations, the stop handle, and `argraph iccma`'s portfolio
//! of two configurations on two threads, against the brute-force oracle.

use std::io::Write;
use std::time::{Duration, Instant};

use argraph::reason::{Reasoner, SatOptions, Semantics, SolverConfig, StableEncoding, Stop};
use argraph::{ArgumentationFramework, ErrorKind};
use proptest::prelude::*;

use crate::common::{argraph, stderr, stdout};
use crate::reason_dung::Oracle;
use crate::strategies::framework_small;

const SEARCHED: [Semantics; 3] = [Semantics::Complete, Semantics::Preferred, Semantics::Stable];

/// Every configuration and stable encoding.
fn all_options() -> Vec<SatOptions> {
    let configs = [
        SolverConfig::Sat,
        SolverConfig::Default,
        SolverConfig::Unsat,
        SolverConfig::Plain,
    ];
    let encodings = [StableEncoding::TwoVariables, StableEncoding::OneVariable];
    configs
        .iter()
        .flat_map(|&c| {
            encodings
                .iter()
                .map(move |&e| SatOptions::default().with_config(c).with_stable_encoding(e))
        })
        .collect()
}

/// SE, DC and DS of every argument under `sem` with `options`, checked
/// against the oracle's extensions.
fn check_against_oracle(af: &ArgumentationFramework, sem: Semantics, options: &SatOptions) {
    let expected = Oracle::new(af).extensions(sem);
    let mut r = Reasoner::new(af, sem).with_sat_options(options.clone());
    let got = r.extensions(None).unwrap();
    assert_eq!(got.extensions, expected, "{sem} {options:?}");
    match r.some_extension().unwrap() {
        Some(e) => assert!(expected.contains(&e), "{sem} {options:?} SE {e:?}"),
        None => assert!(expected.is_empty(), "{sem} {options:?} SE said none"),
    }
    for a in 0..af.len() {
        let dc = r.credulous(a).unwrap();
        assert_eq!(dc.accepted, expected.iter().any(|e| e.contains(&a)));
        if let Some(w) = dc.certificate.filter(|_| dc.accepted) {
            assert!(
                w.contains(&a) && expected.contains(&w),
                "{sem} {options:?} DC {a}"
            );
        }
        let ds = r.skeptical(a).unwrap();
        assert_eq!(ds.accepted, expected.iter().all(|e| e.contains(&a)));
        if !ds.accepted {
            let w = ds.certificate.expect("counter-example");
            assert!(
                !w.contains(&a) && expected.contains(&w),
                "{sem} {options:?} DS {a}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_solver_configuration_and_stable_encoding_answers_as_brute_force(af in framework_small()) {
        for sem in SEARCHED {
            for options in all_options() {
                check_against_oracle(&af, sem, &options);
            }
        }
    }

    /// Where `may_search` says no search is needed, a reasoner whose stop
    /// handle is already stopped still answers: the grounded labelling
    /// settled the task. Where it says one may be, the stopped reasoner
    /// errs with `Stopped` or answers right (never wrongly).
    #[test]
    fn tasks_may_search_rules_out_answer_without_the_solver(af in framework_small()) {
        let stop = Stop::new();
        stop.stop();
        for sem in Semantics::ALL.iter().copied() {
            let expected = Oracle::new(&af).extensions(sem);
            let stopped = || Reasoner::new(&af, sem).with_sat_options(SatOptions::default().with_stop(&stop));
            let se = stopped().some_extension();
            if !stopped().may_search(None, false) {
                prop_assert!(se.is_ok(), "{} SE", sem);
            }
            for a in 0..af.len() {
                for skeptical in [false, true] {
                    let mut r = stopped();
                    let answer = if skeptical { r.skeptical(a) } else { r.credulous(a) };
                    match answer {
                        Ok(ans) => {
                            let want = if skeptical {
                                expected.iter().all(|e| e.contains(&a))
                            } else {
                                expected.iter().any(|e| e.contains(&a))
                            };
                            prop_assert_eq!(ans.accepted, want, "{} {} skeptical {}", sem, a, skeptical);
                        }
                        Err(err) => {
                            prop_assert!(matches!(err.kind(), ErrorKind::Stopped), "{}", err);
                            prop_assert!(r.may_search(Some(a), skeptical), "{} {} skeptical {}", sem, a, skeptical);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_stopped_handle_makes_every_search_err_with_stopped() {
    // a ⇄ b, b → c: nothing is decided by the grounded labelling.
    let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)]).unwrap();
    let stop = Stop::new();
    stop.stop();
    for sem in SEARCHED {
        let mut r =
            Reasoner::new(&af, sem).with_sat_options(SatOptions::default().with_stop(&stop));
        let errors = [r.extensions(None).map(|_| ()), r.credulous(2).map(|_| ())];
        for err in errors {
            let err = err.expect_err("stopped");
            assert!(matches!(err.kind(), ErrorKind::Stopped), "{sem}: {err}");
            assert!(err.to_string().contains("stopped"), "{err}");
        }
    }
    // Stable and preferred SE and DS search too (complete's are grounded).
    for sem in [Semantics::Preferred, Semantics::Stable] {
        let mut r =
            Reasoner::new(&af, sem).with_sat_options(SatOptions::default().with_stop(&stop));
        assert!(matches!(
            r.some_extension().unwrap_err().kind(),
            ErrorKind::Stopped
        ));
        assert!(matches!(
            r.skeptical(2).unwrap_err().kind(),
            ErrorKind::Stopped
        ));
    }
}

/// `round(n·density)` distinct attacks drawn uniformly (the generator of
/// examples/gen_af.rs's `uniform` frameworks, whose preferred tasks take
/// seconds near density 4.8 at n = 1000).
fn uniform(n: usize, density: f64, seed: u64) -> ArgumentationFramework {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut below = |k: usize| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % k as u64) as usize
    };
    let m = (n as f64 * density).round() as usize;
    let mut seen = std::collections::HashSet::new();
    while seen.len() < m {
        seen.insert((below(n), below(n)));
    }
    ArgumentationFramework::new(n, seen).unwrap()
}

#[test]
fn stopping_from_another_thread_ends_a_long_search_with_stopped() {
    let af = uniform(1000, 4.8, 1);
    let stop = Stop::new();
    let mut r = Reasoner::new(&af, Semantics::Preferred)
        .with_sat_options(SatOptions::default().with_stop(&stop));
    let started = Instant::now();
    let result = std::thread::scope(|scope| {
        let searching = scope.spawn(move || r.some_extension());
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            !searching.is_finished(),
            "the search took under 200 ms: pick a harder framework for this test"
        );
        stop.stop();
        searching.join().unwrap()
    });
    let err = result.expect_err("stopped");
    assert!(matches!(err.kind(), ErrorKind::Stopped), "{err}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the search took {:?} to notice the stop",
        started.elapsed()
    );
}

#[test]
fn a_hook_on_the_stop_handle_is_called_by_the_search_and_may_stop_it() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    let af = uniform(1000, 4.8, 1);
    let polls = Arc::new(AtomicUsize::new(0));
    let stop = Stop::new();
    let hooked = {
        let (polls, stop) = (Arc::clone(&polls), stop.clone());
        stop.clone().with_hook(move || {
            if polls.fetch_add(1, Ordering::Relaxed) + 1 == 1000 {
                stop.stop();
            }
        })
    };
    let mut r = Reasoner::new(&af, Semantics::Preferred)
        .with_sat_options(SatOptions::default().with_stop(&hooked));
    let err = r.some_extension().expect_err("stopped by its hook");
    assert!(matches!(err.kind(), ErrorKind::Stopped), "{err}");
    assert!(stop.is_stopped());
    assert!(polls.load(Ordering::Relaxed) >= 1000);
}

/// `af` as an i23 file.
fn i23(af: &ArgumentationFramework) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".i23").tempfile().unwrap();
    writeln!(file, "p af {}", af.len()).unwrap();
    for (a, b) in af.attack_pairs() {
        writeln!(file, "{} {}", a + 1, b + 1).unwrap();
    }
    file.flush().unwrap();
    file
}

/// The answer lines of `argraph iccma -p task -f file [-a query] extra...`,
/// which must succeed.
fn iccma(task: &str, file: &str, query: Option<usize>, extra: &[&str]) -> Vec<String> {
    let arg = query.map(|a| (a + 1).to_string());
    let mut args = vec!["iccma", "-p", task, "-f", file];
    if let Some(arg) = &arg {
        args.extend(["-a", arg.as_str()]);
    }
    args.extend(extra);
    let out = argraph(&args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out).lines().map(str::to_string).collect()
}

/// A `w ...` line's extension, 0-based and sorted.
fn witness(line: &str) -> Vec<usize> {
    let mut ext: Vec<usize> = line
        .split_whitespace()
        .skip(1)
        .map(|a| a.parse::<usize>().unwrap() - 1)
        .collect();
    ext.sort_unstable();
    ext
}

/// One ICCMA answer: the verdict lines as the oracle has them, and any
/// witness one of the oracle's extensions.
fn check_answer(lines: &[String], kind: &str, query: Option<usize>, expected: &[Vec<usize>]) {
    let holds = |e: &Vec<usize>| query.is_some_and(|a| e.contains(&a));
    let verdict = match kind {
        "SE" => None,
        "DC" => Some(expected.iter().any(holds)),
        _ => Some(expected.iter().all(holds)),
    };
    let (first, rest) = match verdict {
        None if expected.is_empty() => (vec!["NO"], 0),
        None => (vec![], 1),
        Some(true) => (vec!["YES"], usize::from(kind == "DC")),
        Some(false) => (vec!["NO"], usize::from(kind == "DS")),
    };
    assert_eq!(lines.len(), first.len() + rest, "{kind}: {lines:?}");
    assert_eq!(&lines[..first.len()], first.as_slice(), "{kind}: {lines:?}");
    if rest == 1 {
        let w = witness(&lines[first.len()]);
        assert!(
            expected.contains(&w),
            "{kind}: {w:?} is not among {expected:?}"
        );
        if kind != "SE" {
            assert_eq!(holds(&w), kind == "DC", "{kind}: {w:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The portfolio (the second configuration started at once, so both
    /// race even on tiny frameworks) and `--threads 1` print one answer
    /// each, the oracle's.
    #[test]
    fn portfolio_and_one_thread_answer_as_brute_force(af in framework_small(), pick in 0usize..8) {
        let file = i23(&af);
        let path = file.path().to_str().unwrap();
        for sem in SEARCHED {
            let expected = Oracle::new(&af).extensions(sem);
            for kind in ["SE", "DC", "DS"] {
                let query = (kind != "SE").then(|| pick % af.len().max(1));
                if query.is_some() && af.is_empty() {
                    continue;
                }
                let task = format!("{kind}-{}", sem.iccma());
                for extra in [&["--threads", "2", "--second-after", "0"][..], &["--threads", "1"]] {
                    let lines = iccma(&task, path, query, extra);
                    check_answer(&lines, kind, query, &expected);
                }
            }
        }
    }
}

#[test]
fn threads_takes_one_or_two() {
    let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)]).unwrap();
    let file = i23(&af);
    let path = file.path().to_str().unwrap();
    let expected = Oracle::new(&af).extensions(Semantics::Stable);
    for threads in ["1", "2"] {
        let lines = iccma("DS-ST", path, Some(2), &["--threads", threads]);
        check_answer(&lines, "DS", Some(2), &expected);
    }
    for bad in ["0", "3", "two"] {
        let out = argraph(&["iccma", "-p", "SE-ST", "-f", path, "--threads", bad]);
        assert_eq!(out.status.code(), Some(2), "--threads {bad}");
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn each_configuration_of_the_measurement_flag_answers() {
    let af = ArgumentationFramework::new(3, [(0, 1), (1, 0), (1, 2)]).unwrap();
    let file = i23(&af);
    let path = file.path().to_str().unwrap();
    let expected = Oracle::new(&af).extensions(Semantics::Stable);
    for config in [
        "sat",
        "default",
        "unsat",
        "plain",
        "sat/1",
        "default/1",
        "sat/2",
        "plain/2",
    ] {
        let lines = iccma("SE-ST", path, None, &["--configuration", config]);
        check_answer(&lines, "SE", None, &expected);
    }
    for (bad, named) in [
        ("fast", "sat, default, unsat or plain"),
        ("sat/3", "\"sat/3\""),
    ] {
        let out = argraph(&["iccma", "-p", "SE-ST", "-f", path, "--configuration", bad]);
        assert_eq!(out.status.code(), Some(2), "--configuration {bad}");
        assert!(stderr(&out).contains(named), "{}", stderr(&out));
    }
}

/// Whether `ext` is a stable extension of `af`: conflict-free, and
/// attacking every argument outside it.
fn is_stable(af: &ArgumentationFramework, ext: &[usize]) -> bool {
    let inside: std::collections::HashSet<usize> = ext.iter().copied().collect();
    let attacked: std::collections::HashSet<usize> = af
        .attack_pairs()
        .filter(|(a, _)| inside.contains(a))
        .map(|(_, b)| b)
        .collect();
    inside.is_disjoint(&attacked)
        && (0..af.len()).all(|a| inside.contains(&a) || attacked.contains(&a))
}

/// The portfolio's second configuration started late, once the first has
/// searched for a millisecond (on frameworks whose searches take longer,
/// so that the start happens inside the first search's poll), answers as
/// one thread does.
#[test]
fn a_second_configuration_started_during_the_first_search_answers_as_one_thread() {
    for seed in 1..=3 {
        let af = uniform(400, 4.8, seed);
        let file = i23(&af);
        let path = file.path().to_str().unwrap();
        let late = ["--threads", "2", "--second-after", "1"];
        for (task, query) in [("DC-PR", Some(200)), ("DS-PR", Some(200)), ("SE-ST", None)] {
            let alone = iccma(task, path, query, &["--threads", "1"]);
            let raced = iccma(task, path, query, &late);
            if task == "SE-ST" {
                for lines in [&alone, &raced] {
                    match lines.as_slice() {
                        [no] if no == "NO" => {}
                        [w] => assert!(is_stable(&af, &witness(w)), "seed {seed}: {w}"),
                        other => panic!("seed {seed}: {other:?}"),
                    }
                }
                assert_eq!(alone[0] == "NO", raced[0] == "NO", "seed {seed}");
            } else {
                assert_eq!(alone[0], raced[0], "{task}, seed {seed}");
            }
        }
    }
}
