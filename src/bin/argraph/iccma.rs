//! `argraph iccma -p TASK -f FILE [-a ARG]` and `argraph iccma --problems`:
//! the ICCMA 2023 solver interface.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use argraph::iccma::{self, IccmaFormat};
use argraph::reason::{Reasoner, Semantics};
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
    let mut r = Reasoner::try_new(&af, sem)?;
    match (kind, query) {
        ("SE", _) => match r.some_extension()? {
            Some(ext) => witness(&mut out, &af, &ext)?,
            None => writeln!(out, "NO")?,
        },
        ("DC", Some(a)) => {
            let ans = r.credulous(a)?;
            if ans.accepted {
                writeln!(out, "YES")?;
                witness(&mut out, &af, ans.certificate.as_deref().unwrap_or(&[]))?;
            } else {
                writeln!(out, "NO")?;
            }
        }
        (_, Some(a)) => {
            let ans = r.skeptical(a)?;
            if ans.accepted {
                writeln!(out, "YES")?;
            } else {
                writeln!(out, "NO")?;
                if let Some(c) = &ans.certificate {
                    witness(&mut out, &af, c)?;
                }
            }
        }
        _ => unreachable!("DC and DS have a query"),
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
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
