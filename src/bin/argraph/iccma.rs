//! `argraph iccma -p TASK -f FILE [-a ARG]` and `argraph iccma --problems`:
//! the ICCMA 2023 solver interface.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

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
    /// Threads for the tasks that need a SAT search: 1 (the default) runs
    /// one solver configuration; 2 runs two side by side and prints the
    /// first answer, which pays only where one search is far slower than
    /// the other (on a two-core machine it made most files 5-30 % slower).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=2))]
    threads: Option<u8>,
    /// (For measurement.) One solver configuration, single-threaded:
    /// CaDiCaL's `sat`, `default`, `unsat` or `plain`, with `/1` for the
    /// one-variable stable encoding, e.g. `default/1`.
    #[arg(long, hide = true, value_name = "CONFIG", value_parser = parse_configuration)]
    configuration: Option<SatOptions>,
    /// (For measurement and tests.) Milliseconds the portfolio's second
    /// configuration waits before it starts.
    #[arg(long, hide = true, value_name = "MS")]
    second_after: Option<u64>,
}

/// The two configurations the portfolio runs, the first on the main
/// thread: CaDiCaL's `sat` configuration (the best single one) and, for
/// stable semantics, `default` on the one-variable encoding, for the others
/// `plain`. Chosen by measurement among every pair of configurations
/// (benches/README.md, "Portfolio").
fn portfolio_pair(semantics: Semantics) -> [SatOptions; 2] {
    let first = SatOptions::default().with_config(SolverConfig::Sat);
    let second = match semantics {
        Semantics::Stable => SatOptions::default()
            .with_config(SolverConfig::Default)
            .with_stable_encoding(StableEncoding::OneVariable),
        _ => SatOptions::default().with_config(SolverConfig::Plain),
    };
    [first, second]
}

/// How long the second configuration waits before it starts. None: on the
/// files every solver answers in under 20 ms the search time is heavy-tailed
/// too (10× between configurations), and any delay measured worse.
const SECOND_START_DELAY: Duration = Duration::ZERO;

/// Parses `--configuration`: `sat`, `default`, `unsat` or `plain`,
/// optionally followed by `/1` (one variable per argument for stable).
fn parse_configuration(text: &str) -> Result<SatOptions, String> {
    let (name, encoding) = match text.strip_suffix("/1") {
        Some(name) => (name, StableEncoding::OneVariable),
        None => (text, StableEncoding::TwoVariables),
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
    if !PROBLEMS.contains(&task.as_str()) {
        return usage(&format!(
            "unsupported task {task:?}; supported: {}",
            PROBLEMS.join(", ")
        ));
    }
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
    let r = Reasoner::try_new(&af, sem)?;
    let job = |r: &mut Reasoner| answer(r, kind, query);
    let outcome = match &args.configuration {
        Some(options) => job(&mut r.with_sat_options(options.clone()))?,
        None if two_threads(args) && r.may_search(query, kind == "DS") => {
            let delay = args
                .second_after
                .map_or(SECOND_START_DELAY, Duration::from_millis);
            portfolio(r, portfolio_pair(sem), delay, &job)?
        }
        None => job(&mut r.with_sat_options(portfolio_pair(sem)[0].clone()))?,
    };
    write_answer(&mut out, &af, &outcome)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Whether to run the portfolio: only when asked (`--threads 2`). Timed on
/// two cores by wall clock against one thread, alternating runs on the 59
/// files of `benches/iccma_families.py`, it won where one configuration's
/// search runs far longer than the other's (`er_250_5` SE-PR 0.11x), but
/// made the family medians 1.04-1.7x slower: a second thread costs about
/// 1.4 ms of CPU even if it never searches (its start, and every later
/// `munmap` must flush the other CPU's TLB), and two searches share the
/// machine (benches/README.md, "Portfolio").
fn two_threads(args: &Args) -> bool {
    args.threads.is_some_and(|n| n >= 2)
}

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

/// Runs `job` with `pair[0]` on this thread and `pair[1]` on another,
/// started after `delay` unless the first is done by then;
/// whichever answers first stops the other. The answer is the first one
/// (both are right; they may differ in the extension shown).
fn portfolio<'a, F>(
    r: Reasoner<'a>,
    pair: [SatOptions; 2],
    delay: Duration,
    job: &F,
) -> argraph::Result<Outcome>
where
    F: Fn(&mut Reasoner<'a>) -> argraph::Result<Outcome> + Sync,
{
    let [first_options, second_options] = pair;
    let stops = [Stop::new(), Stop::new()];
    let mut second = r
        .clone()
        .with_sat_options(second_options.with_stop(&stops[1]));
    let mut first = r.with_sat_options(first_options.with_stop(&stops[0]));
    // Dropping `go` (the first is done) tells the second not to start.
    let (go, wait) = mpsc::channel::<()>();
    let (send, receive) = mpsc::channel();
    thread::scope(|scope| {
        let (stops, second, job) = (&stops, &mut second, job);
        scope.spawn(move || {
            if wait.recv_timeout(delay) != Err(mpsc::RecvTimeoutError::Timeout) {
                return;
            }
            let result = job(second);
            if result.is_ok() {
                stops[0].stop();
            }
            let _ = send.send(result);
        });
        let result = job(&mut first);
        drop(go);
        stops[1].stop();
        match result {
            Err(err) if matches!(err.kind(), argraph::ErrorKind::Stopped) => {
                // Stopped only by the second, once it had its answer.
                receive.recv().unwrap_or(Err(err))
            }
            result => result,
        }
    })
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
