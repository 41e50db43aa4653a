//! Release-mode benchmark of the ICCMA path (`cargo bench --bench iccma`):
//! grounded semantics end to end (parse the `i23` file, build, solve) and
//! `i23` → `apx` conversion on a generated framework of 10^6 arguments and
//! 5·10^6 attacks (`examples/gen_af.rs`, random, seed 1), as a library call
//! and as an `argraph` process, against other solvers in the same run.
//!
//! ```text
//! cargo bench --bench iccma                      # 10^6 arguments, 5 runs each
//! cargo bench --bench iccma -- --n 100000 --runs 9
//! OLD=/path/to/argraph SCALOP=/path/to/scalop_iccma23 cargo bench --bench iccma
//! ```
//!
//! `OLD` names another build of `argraph` to time against (default:
//! `/work/ref/argraph-old` when it exists), `SCALOP` a solver with the ICCMA
//! 2023 command line (`-p TASK -f FILE`); `benches/grounded_baseline.py`
//! runs when `python3` is there (`--no-python` leaves it out). The cases
//! run interleaved, one run of each per round; the table gives medians by
//! the wall clock, each process's peak memory (from `/usr/bin/time`, when
//! installed) and the ratios to the rows named in the last columns. Before
//! timing, the answers and the converted files of every `argraph` build are
//! checked to be the same bytes.

#[path = "../examples/gen_af.rs"]
mod gen;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use argraph::iccma::{self, IccmaFormat};
use argraph::reason::grounded;

/// What `/usr/bin/time` tells of a process: its CPU time (user and
/// system) and peak memory.
#[derive(Clone, Copy)]
struct Usage {
    cpu: Duration,
    peak_kb: u64,
}

/// One timed case: a name and what it runs, which returns the usage of the
/// process it ran, if it could tell.
struct Case {
    name: String,
    run: Box<dyn Fn() -> Option<Usage>>,
    times: Vec<Duration>,
    cpu: Vec<Duration>,
    peak_kb: Option<u64>,
}

/// Runs a command to completion, its output to `stdout` (or nowhere), and
/// returns its usage when `/usr/bin/time` is there to say.
fn process(program: &Path, args: &[&str], stdout: Option<&Path>) -> Option<Usage> {
    let time = Path::new("/usr/bin/time");
    let mut command = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "%U %S %M"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    command.args(args).stderr(Stdio::piped());
    command.stdout(match stdout {
        Some(path) => Stdio::from(std::fs::File::create(path).expect("output file")),
        None => Stdio::null(),
    });
    let output = command.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{program:?} {args:?}: {stderr}");
    let fields: Vec<f64> = stderr
        .lines()
        .last()?
        .split_whitespace()
        .map(|f| f.parse().ok())
        .collect::<Option<_>>()?;
    match fields[..] {
        [user, system, peak] => Some(Usage {
            cpu: Duration::from_secs_f64(user + system),
            peak_kb: peak as u64,
        }),
        _ => None,
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

/// The value of `--name VALUE` on the command line.
fn option(args: &[String], name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).cloned()
}

/// Writes the generated framework as `i23`, as `gen_af` does.
fn write_i23(path: &Path, n: usize) -> usize {
    let attacks = gen::generate("random", n, 5, 1);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("i23 file"));
    writeln!(out, "p af {n}").expect("writes");
    for &(a, b) in &attacks {
        writeln!(out, "{} {}", a + 1, b + 1).expect("writes");
    }
    out.flush().expect("writes");
    attacks.len()
}

/// The `argraph` builds to compare: this one and, if given, the old one.
fn builds() -> Vec<(String, PathBuf)> {
    let mut builds = vec![(
        "argraph".to_string(),
        PathBuf::from(env!("CARGO_BIN_EXE_argraph")),
    )];
    let old = std::env::var_os("OLD")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from("/work/ref/argraph-old")).filter(|p| p.exists()));
    if let Some(old) = old {
        builds.push(("argraph old".to_string(), old));
    }
    builds
}

/// Checks that every build gives the same SE-GR answer and the same `apx`
/// bytes as the library.
fn check_builds(builds: &[(String, PathBuf)], dir: &Path, input: &Path) {
    let af = iccma::read_path(input, None).expect("valid");
    let mut answer = b"w".to_vec();
    for a in grounded(&af).extension() {
        answer.extend_from_slice(format!(" {}", a + 1).as_bytes());
    }
    answer.push(b'\n');
    let mut apx = Vec::new();
    iccma::write(&af, &mut apx, IccmaFormat::Apx).expect("writes");
    let (answer_file, apx_file) = (dir.join("answer.txt"), dir.join("check.apx"));
    for (name, program) in builds {
        let file = input.to_str().expect("UTF-8 path");
        process(
            program,
            &["iccma", "-p", "SE-GR", "-f", file],
            Some(&answer_file),
        );
        assert!(
            std::fs::read(&answer_file).expect("answer") == answer,
            "{name}: SE-GR"
        );
        let out = apx_file.to_str().expect("UTF-8 path");
        process(program, &["convert", file, out], None);
        assert!(std::fs::read(&apx_file).expect("apx") == apx, "{name}: apx");
    }
}

fn grounded_cases(input: &Path, builds: &[(String, PathBuf)], python: bool) -> Vec<Case> {
    let file = input.to_str().expect("UTF-8 path").to_string();
    let mut cases = Vec::new();
    let path = input.to_path_buf();
    cases.push(case(
        "grounded, library (read_path + grounded)",
        move || {
            let af = iccma::read_path(&path, None).expect("valid");
            std::hint::black_box(grounded(&af).extension().len());
            None
        },
    ));
    for (name, program) in builds {
        let (program, file) = (program.clone(), file.clone());
        cases.push(case(&format!("`{name} iccma -p SE-GR`"), move || {
            process(&program, &["iccma", "-p", "SE-GR", "-f", &file], None)
        }));
    }
    if let Some(scalop) = std::env::var_os("SCALOP") {
        let (program, file) = (PathBuf::from(scalop), file.clone());
        cases.push(case("`scalop -p SE-GR`", move || {
            process(&program, &["-p", "SE-GR", "-f", &file], None)
        }));
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/grounded_baseline.py");
    if python && Command::new("python3").arg("--version").output().is_ok() {
        cases.push(case("Python baseline (grounded_baseline.py)", move || {
            process(Path::new("python3"), &[script, &file], None)
        }));
    }
    cases
}

fn convert_cases(input: &Path, dir: &Path, builds: &[(String, PathBuf)]) -> Vec<Case> {
    let mut cases = Vec::new();
    let (from, to) = (input.to_path_buf(), dir.join("out.apx"));
    cases.push(case(
        "i23 -> apx, library (read_path + write_file)",
        move || {
            let af = iccma::read_path(&from, None).expect("valid");
            argraph::write_file(&to, |w| iccma::write(&af, w, IccmaFormat::Apx)).expect("writes");
            None
        },
    ));
    let file = input.to_str().expect("UTF-8 path").to_string();
    for (name, program) in builds {
        let out = dir.join(format!("{}.apx", name.replace(' ', "-")));
        let (program, file) = (program.clone(), file.clone());
        let out = out.to_str().expect("UTF-8 path").to_string();
        cases.push(case(&format!("`{name} convert` i23 -> apx"), move || {
            process(&program, &["convert", &file, &out], None)
        }));
    }
    let (from, to) = (input.to_path_buf(), dir.join("copy.i23"));
    cases.push(case("cp of the input (std::fs::copy)", move || {
        std::fs::copy(&from, &to).expect("copies");
        None
    }));
    cases
}

fn case(name: &str, run: impl Fn() -> Option<Usage> + 'static) -> Case {
    Case {
        name: name.to_string(),
        run: Box::new(run),
        times: Vec::new(),
        cpu: Vec::new(),
        peak_kb: None,
    }
}

/// Runs the cases interleaved, `runs` rounds, and prints them with their
/// ratio to each of the cases `bases`.
fn time_and_print(title: &str, cases: &mut [Case], runs: usize, bases: &[usize]) {
    for _ in 0..runs {
        for case in cases.iter_mut() {
            let start = Instant::now();
            let usage = (case.run)();
            case.times.push(start.elapsed());
            if let Some(usage) = usage {
                case.cpu.push(usage.cpu);
                case.peak_kb = case.peak_kb.max(Some(usage.peak_kb));
            }
        }
    }
    let wall = |case: &Case| median(&case.times).as_secs_f64();
    let cpu = |case: &Case| (!case.cpu.is_empty()).then(|| median(&case.cpu).as_secs_f64());
    println!("\n{title} (medians of {runs}; CPU time and peak memory of processes)\n");
    let mut header = "| case | wall ms | CPU ms | peak MB |".to_string();
    for &b in bases {
        header.push_str(&format!(" wall × {0} | CPU × {0} |", cases[b].name));
    }
    println!(
        "{header}\n|---|---|---|---|{}",
        "---|---|".repeat(bases.len())
    );
    let show = |v: Option<f64>, digits: usize| v.map_or(String::new(), |v| format!("{v:.digits$}"));
    for case in cases.iter() {
        let ms = |s: Option<f64>| show(s.map(|s| s * 1e3), 0);
        let peak = show(case.peak_kb.map(|kb| kb as f64 / 1e3), 0);
        let mut row = format!(
            "| {} | {} | {} | {peak} |",
            case.name,
            ms(Some(wall(case))),
            ms(cpu(case))
        );
        for &b in bases {
            let base = cpu(&cases[b]).filter(|&base| base > 0.0);
            let cpu_ratio = cpu(case).zip(base).map(|(c, base)| c / base);
            let wall_ratio = wall(case) / wall(&cases[b]);
            row.push_str(&format!(" {wall_ratio:.3} | {} |", show(cpu_ratio, 3)));
        }
        println!("{row}");
    }
}

/// The positions of the cases whose name holds one of `words`.
fn named(cases: &[Case], words: &[&str]) -> Vec<usize> {
    words
        .iter()
        .filter_map(|w| cases.iter().position(|c| c.name.contains(w)))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = option(&args, "--n").map_or(1_000_000, |v| v.parse().expect("--n N"));
    let runs: usize = option(&args, "--runs").map_or(5, |v| v.parse().expect("--runs R"));
    let python = !args.iter().any(|a| a == "--no-python");
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join(format!("random_{n}.i23"));
    let m = write_i23(&input, n);
    let size = std::fs::metadata(&input).expect("written").len();
    println!(
        "random framework: {n} arguments, {m} attacks, i23 {:.1} MB",
        size as f64 / 1e6
    );
    let builds = builds();
    check_builds(&builds, dir.path(), &input);
    let mut cases = grounded_cases(&input, &builds, python);
    let bases = named(&cases, &["old", "scalop", "Python"]);
    time_and_print("Grounded, end to end", &mut cases, runs, &bases);
    let mut cases = convert_cases(&input, dir.path(), &builds);
    let bases = named(&cases, &["old", "cp"]);
    time_and_print("i23 -> apx", &mut cases, runs, &bases);
}
