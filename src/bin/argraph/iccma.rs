//! `argraph iccma -p TASK -f FILE [-a ARG]` and `argraph iccma --problems`:
//! the ICCMA 2023 solver interface.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use argraph::iccma::{self, IccmaFormat};
use argraph::reason::{Reasoner, SatOptions, Semantics, SolverConfig, StableEncoding, Stop};
use argraph::ArgumentationFramework;

use crate::output;

/// The tasks we answer, as `--problems` lists them.
const PROBLEMS: &[&str] = &[
    "SE-GR", "DC-GR", "DS-GR", "SE-CO", "DC-CO", "DS-CO", "SE-PR", "DC-PR", "DS-PR", "SE-ST",
    "DC-ST", "DS-ST",
];

/// Arguments of `argraph iccma`.
#[derive(clap::Args)]
pub struct Args {
    /// Print the supported problems and exit.
    #[arg(long)]
    problems: bool,
    /// The task, e.g. SE-GR, DC-PR, DS-ST.
    #[arg(short = 'p', value_name = "TASK", required_unless_present = "problems")]
    task: Option<String>,
    /// The framework file (.i23/.af, .apx or .tgf; otherwise guessed from its content).
    #[arg(short = 'f', value_name = "FILE", required_unless_present = "problems")]
    file: Option<PathBuf>,
    /// The query argument of DC and DS tasks.
    #[arg(short = 'a', value_name = "ARG")]
    arg: Option<String>,
    /// The file format, when the extension does not say it.
    #[arg(long = "fo", value_name = "FORMAT", value_parser = clap::value_parser!(IccmaFormat))]
    format: Option<IccmaFormat>,
    /// Threads for the tasks that need a SAT search: 1 runs one solver
    /// configuration; 2 starts a second configuration on a second thread
    /// once the first has searched for 10 ms, and prints the first answer.
    /// Default: 2 if this process may run on two CPUs or more (its CPU
    /// affinity and quota) and the framework has at most 100,000
    /// arguments, else 1.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=2))]
    threads: Option<u8>,
    /// (For measurement.) One solver configuration, single-threaded:
    /// CaDiCaL's `sat`, `default`, `unsat` or `plain`, with `/1` or `/2`
    /// for one or two variables per argument in the stable encoding (one
    /// without), e.g. `default/2`.
    #[arg(long, hide = true, value_name = "CONFIG", value_parser = parse_configuration)]
    configuration: Option<SatOptions>,
    /// (For measurement and tests.) Milliseconds the portfolio's first
    /// search runs before the second starts (0: both at once).
    #[arg(long, hide = true, value_name = "MS")]
    second_after: Option<u64>,
}

/// The two configurations the portfolio runs, the first on the main
/// thread: CaDiCaL's `sat` configuration (the best single one) and, for
/// stable semantics, `default`, for the others `plain`; stable semantics on
/// one variable per argument in both. Chosen by measurement among every pair
/// of configurations (benches/README.md, "Portfolio" and "Stable semantics
/// on one variable").
fn portfolio_pair(semantics: Semantics) -> [SatOptions; 2] {
    let first = SatOptions::default().with_config(SolverConfig::Sat);
    let second = match semantics {
        Semantics::Stable => SatOptions::default().with_config(SolverConfig::Default),
        _ => SatOptions::default().with_config(SolverConfig::Plain),
    };
    [first, second]
}

/// How long the first search runs alone before the second starts. Until
/// then there is no second thread, which would cost about 1.4 ms of CPU
/// even idle (benches/README.md, "Portfolio").
const SECOND_START_DELAY: Duration = Duration::from_millis(10);

/// Parses `--configuration`: `sat`, `default`, `unsat` or `plain`,
/// optionally followed by `/1` or `/2` (variables per argument for stable).
fn parse_configuration(text: &str) -> Result<SatOptions, String> {
    let (name, encoding) = match text.split_once('/') {
        None => (text, StableEncoding::default()),
        Some((name, "1")) => (name, StableEncoding::OneVariable),
        Some((name, "2")) => (name, StableEncoding::TwoVariables),
        Some(_) => {
            return Err(format!(
                "unknown configuration {text:?}: e.g. sat, sat/1 or sat/2"
            ))
        }
    };
    let config: SolverConfig = name
        .parse()
        .map_err(|_| format!("unknown configuration {name:?}: sat, default, unsat or plain"))?;
    Ok(SatOptions::default()
        .with_config(config)
        .with_stable_encoding(encoding))
}

fn usage(msg: &str) -> argraph::Result<ExitCode> {
    output::eprint_lines(&format!("argraph: error: {msg}"));
    Ok(ExitCode::from(2))
}

/// Runs one ICCMA task and prints its answer as ICCMA 2023 specifies.
pub fn run(args: &Args) -> argraph::Result<ExitCode> {
    let mut out = output::stdout();
    if args.problems {
        writeln!(out, "[{}]", PROBLEMS.join(","))?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(task), Some(file)) = (&args.task, &args.file) else {
        return usage("-p TASK and -f FILE are required");
    };
    let task = task.to_ascii_uppercase();
    let Some(task) = PROBLEMS.iter().copied().find(|p| *p == task) else {
        return usage(&format!(
            "unsupported task {task:?}; supported: {}",
            PROBLEMS.join(", ")
        ));
    };
    let (kind, sem) = task.split_once('-').expect("every problem has a dash");
    let sem: Semantics = sem.parse().expect("known semantics");
    let af = iccma::read_path(file, args.format)?;
    // ICCMA 2023 speaks of an i23 file's arguments by number: names read
    // from its comments are taken for -a (as are numbers), not printed.
    let i23 = args.format.or_else(|| IccmaFormat::from_path(file)) == Some(IccmaFormat::I23);
    let query = match (kind, &args.arg) {
        ("SE", _) => None,
        (_, None) => return usage(&format!("{task} needs a query argument: -a ARG")),
        (_, Some(a)) => match af.index_of(a).or_else(|| numbered(&af, a).filter(|_| i23)) {
            Some(i) => Some(i),
            None => return usage(&format!("argument {a:?} is not in {}", file.display())),
        },
    };
    let af = if i23 && !af.is_numbered() {
        ArgumentationFramework::new(af.len(), af.attack_pairs())?
    } else {
        af
    };
    // Kept for the rest of the process, which ends with the answer: the
    // portfolio's second thread reads it, and freeing it is wasted work.
    let af: &'static ArgumentationFramework = Box::leak(Box::new(af));
    let r = Reasoner::try_new(af, sem)?;
    let job = move |r: &mut Reasoner| answer(r, kind, query);
    let outcome = match &args.configuration {
        Some(options) => job(&mut r.with_sat_options(options.clone()))?,
        None if r.may_search(query, kind == "DS") && two_threads(args, af) => {
            let delay = args
                .second_after
                .map_or(SECOND_START_DELAY, Duration::from_millis);
            portfolio(r, portfolio_pair(sem), delay, job)?
        }
        None => job(&mut r.with_sat_options(portfolio_pair(sem)[0].clone()))?,
    };
    write_answer(&mut out, af, &outcome)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Whether to run the portfolio: as `--threads` says, else when this
/// process may use two CPUs or more (`available_parallelism` reads the CPU
/// affinity and the cgroup quota, so `taskset -c 1` gives one thread).
/// Timed on two idle cores by wall clock against one thread, alternating
/// runs on the 54 non-uniform files of `benches/iccma_families.py`, the
/// portfolio's family medians were 0.97-1.05x and its total time 0.73x
/// (`er_250_5` SE-PR 0.12x): the second thread starts only after 10 ms of
/// search, so short runs never pay for it (benches/README.md, "Portfolio").
///
/// Not by default above [`PORTFOLIO_MAX_ARGUMENTS`]: a second encoding costs
/// memory (SE-ST on 10^6 arguments: 2.2 GB with one, 2.7 GB with two).
fn two_threads(args: &Args, af: &ArgumentationFramework) -> bool {
    match args.threads {
        Some(n) => n >= 2,
        None => {
            af.len() <= PORTFOLIO_MAX_ARGUMENTS
                && thread::available_parallelism().is_ok_and(|n| n.get() >= 2)
        }
    }
}

/// The largest framework the portfolio runs on by default (`--threads 2`
/// asks for it on any).
const PORTFOLIO_MAX_ARGUMENTS: usize = 100_000;

/// The answer of task `kind` (SE, DC, DS) as [`write_answer`] prints it:
/// `NO`, `YES`, and the extension, if any.
struct Outcome {
    verdict: Option<&'static str>,
    extension: Option<Vec<usize>>,
}

/// Answers task `kind` (SE, DC, DS) on `query`.
fn answer(r: &mut Reasoner, kind: &str, query: Option<usize>) -> argraph::Result<Outcome> {
    Ok(match (kind, query) {
        ("SE", _) => match r.some_extension()? {
            Some(ext) => Outcome {
                verdict: None,
                extension: Some(ext),
            },
            None => Outcome {
                verdict: Some("NO"),
                extension: None,
            },
        },
        ("DC", Some(a)) => {
            let ans = r.credulous(a)?;
            Outcome {
                verdict: Some(if ans.accepted { "YES" } else { "NO" }),
                extension: ans.accepted.then(|| ans.certificate.unwrap_or_default()),
            }
        }
        (_, Some(a)) => {
            let ans = r.skeptical(a)?;
            Outcome {
                verdict: Some(if ans.accepted { "YES" } else { "NO" }),
                extension: ans.certificate.filter(|_| !ans.accepted),
            }
        }
        _ => unreachable!("DC and DS have a query"),
    })
}

fn write_answer(
    out: &mut impl Write,
    af: &ArgumentationFramework,
    outcome: &Outcome,
) -> std::io::Result<()> {
    if let Some(verdict) = outcome.verdict {
        writeln!(out, "{verdict}")?;
    }
    match &outcome.extension {
        Some(ext) => witness(out, af, ext),
        None => Ok(()),
    }
}

/// Runs `job` with `pair[0]` on this thread and, once that search has run
/// for `delay` (looked at whenever CaDiCaL polls its stop handle), with
/// `pair[1]` on a second thread; whichever answers first stops the other.
/// A task answered within `delay` starts no thread. The answer is the
/// first one (both are right; they may differ in the extension shown).
fn portfolio<F>(
    r: Reasoner<'static>,
    pair: [SatOptions; 2],
    delay: Duration,
    job: F,
) -> argraph::Result<Outcome>
where
    F: Fn(&mut Reasoner<'static>) -> argraph::Result<Outcome> + Copy + Send + 'static,
{
    let [first_options, second_options] = pair;
    let stops = [Stop::new(), Stop::new()];
    let mut second = r
        .clone()
        .with_sat_options(second_options.with_stop(&stops[1]));
    let (send, receive) = mpsc::channel();
    let spawned: Arc<Mutex<Option<JoinHandle<()>>>> = Arc::default();
    let start = {
        let (stop_first, spawned) = (stops[0].clone(), Arc::clone(&spawned));
        move || {
            let handle = thread::spawn(move || {
                let result = job(&mut second);
                if result.is_ok() {
                    stop_first.stop();
                }
                let _ = send.send(result);
            });
            if let Ok(mut slot) = spawned.lock() {
                *slot = Some(handle);
            }
        }
    };
    let first_stop = if delay.is_zero() {
        start();
        stops[0].clone()
    } else {
        let (pending, started) = (Mutex::new(Some(start)), AtomicBool::new(false));
        let deadline = Instant::now() + delay;
        stops[0].clone().with_hook(move || {
            if !started.load(Ordering::Relaxed) && Instant::now() >= deadline {
                started.store(true, Ordering::Relaxed);
                if let Some(start) = pending.lock().ok().and_then(|mut p| p.take()) {
                    start();
                }
            }
        })
    };
    let mut first = r.with_sat_options(first_options.with_stop(&first_stop));
    let result = job(&mut first);
    stops[1].stop();
    let result = match result {
        // Stopped only by the second, once it had its answer.
        Err(err) if matches!(err.kind(), argraph::ErrorKind::Stopped) => {
            receive.recv().unwrap_or(Err(err))
        }
        result => result,
    };
    if let Some(handle) = spawned.lock().ok().and_then(|mut h| h.take()) {
        let _ = handle.join();
    }
    result
}

/// Prints `w a b c` (argument names; numbers for i23 files). Names are
/// written exactly as the file gives them, control characters included:
/// the answer is for the ICCMA checker, which compares them byte for byte.
fn witness(
    out: &mut impl Write,
    af: &ArgumentationFramework,
    ext: &[usize],
) -> std::io::Result<()> {
    out.write_all(b"w")?;
    let mut digits = itoa::Buffer::new();
    for &a in ext {
        out.write_all(b" ")?;
        if af.is_numbered() {
            out.write_all(digits.format(a + 1).as_bytes())?;
        } else {
            out.write_all(af.name(a).as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

/// Argument `k` of an `i23` file whose comments name its arguments, given
/// by its number `k` (`1..=N`), as ICCMA's interface gives it.
fn numbered(af: &ArgumentationFramework, arg: &str) -> Option<usize> {
    if af.is_numbered() || !arg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let k: usize = arg.parse().ok()?;
    (1..=af.len()).contains(&k).then(|| k - 1)
}
