//! `cargo bench --bench convert`: reading a 10^5-node AIF file and
//! writing it as pretty argraph JSON, against the generic floor of the
//! same work: a `serde_json::Value` read of the file and a
//! `serde_json::to_writer_pretty` write of it, timed interleaved in the
//! same run. Prints medians (wall clock and CPU time) and their ratio to
//! that baseline; the speed floor is AIF → argraph JSON within 2× of it.
//!
//! Also timed, against the same baseline: `argraph::convert::convert`
//! (file to file, written atomically with an `fdatasync`) and the
//! `argraph convert` process (which also pays for its start and exit).
//!
//! ```text
//! cargo bench --bench convert                          # the table
//! cargo bench --bench convert -- --write-aif PATH      # write the nodeset, exit
//! cargo bench --bench convert -- --once baseline|argraph IN OUT
//! ```
//!
//! `--once` runs one conversion of the table (the baseline, or AIF read +
//! argraph JSON write) and exits, so that `benches/floors.py` can time it
//! as a process beside the others.
//!
//! The generated nodeset has the shape of AIFdb corpora: 40 000 I-nodes,
//! 30 000 RA (one premise, one conclusion, so read as edges), 10 000 CA,
//! and 10 000 locutions (L) anchored by 10 000 YA nodes.

use std::fmt::Write as _;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 9;

fn nodeset(i_nodes: usize, ra: usize, ca: usize, dialogue: usize) -> String {
    let mut nodes = String::with_capacity(32 << 20);
    let mut edges = String::with_capacity(16 << 20);
    let ts = "2016-09-26 21:00:00";
    let mut edge_id = 0usize;
    let mut edge = |edges: &mut String, from: String, to: String| {
        edge_id += 1;
        let sep = if edges.is_empty() { "" } else { ",\n" };
        let _ = write!(edges, "{sep}  {{\"edgeID\": \"{edge_id}\", \"fromID\": \"{from}\", \"toID\": \"{to}\", \"formEdgeID\": null}}");
    };
    let node = |nodes: &mut String,
                id: String,
                text: &str,
                ty: &str,
                scheme: Option<(&str, u32)>| {
        let sep = if nodes.is_empty() { "" } else { ",\n" };
        let _ = write!(nodes, "{sep}  {{\"nodeID\": \"{id}\", \"text\": \"{text}\", \"type\": \"{ty}\", \"timestamp\": \"{ts}\"");
        if let Some((name, sid)) = scheme {
            let _ = write!(nodes, ", \"scheme\": \"{name}\", \"schemeID\": \"{sid}\"");
        }
        nodes.push('}');
    };
    for i in 0..i_nodes {
        let text = format!("Statement {i}: the candidate said that the economy grew by {} percent last year, which \\\"nobody\\\" disputes", i % 97);
        node(&mut nodes, format!("{}", 1_000_000 + i), &text, "I", None);
    }
    for k in 0..ra {
        let id = format!("{}", 2_000_000 + k);
        node(
            &mut nodes,
            id.clone(),
            "Default Inference",
            "RA",
            Some(("Default Inference", 72)),
        );
        let (p, c) = (k % i_nodes, (k * 7 + 1) % i_nodes);
        let c = if c == p { (c + 1) % i_nodes } else { c };
        edge(&mut edges, format!("{}", 1_000_000 + p), id.clone());
        edge(&mut edges, id, format!("{}", 1_000_000 + c));
    }
    for k in 0..ca {
        let id = format!("{}", 3_000_000 + k);
        node(
            &mut nodes,
            id.clone(),
            "Default Conflict",
            "CA",
            Some(("Default Conflict", 71)),
        );
        edge(
            &mut edges,
            format!("{}", 1_000_000 + (k * 13 + 5) % i_nodes),
            id.clone(),
        );
        edge(
            &mut edges,
            id,
            format!("{}", 1_000_000 + (k * 31 + 2) % i_nodes),
        );
    }
    for k in 0..dialogue {
        let (l, y) = (format!("{}", 4_000_000 + k), format!("{}", 5_000_000 + k));
        node(
            &mut nodes,
            l.clone(),
            "Speaker : the economy grew",
            "L",
            None,
        );
        node(
            &mut nodes,
            y.clone(),
            "Asserting",
            "YA",
            Some(("Asserting", 74)),
        );
        edge(&mut edges, l, y.clone());
        edge(&mut edges, y, format!("{}", 1_000_000 + k % i_nodes));
    }
    format!("{{\"nodes\": [\n{nodes}\n], \"edges\": [\n{edges}\n], \"locutions\": []}}\n")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// CPU time (user + system) of this process and of the children it has
/// waited for: the library starts no threads, so an operation's share is
/// the difference, and the `argraph convert` child's is counted too.
fn cpu_time() -> Duration {
    let of = |who| {
        // SAFETY: getrusage writes into the zeroed struct we own.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::getrusage(who, &mut usage) }, 0, "getrusage");
        let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        time(usage.ru_utime) + time(usage.ru_stime)
    };
    of(libc::RUSAGE_SELF) + of(libc::RUSAGE_CHILDREN)
}

/// `argraph convert IN OUT`, as a process (what a user runs).
fn cli(input: &Path, output: &Path) {
    let ok = Command::new(env!("CARGO_BIN_EXE_argraph"))
        .arg("convert")
        .arg(input)
        .arg(output)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run argraph")
        .success();
    assert!(ok, "argraph convert failed");
}

/// Named timings (wall clock, CPU), taken interleaved, one of each per round.
struct Timings(Vec<(&'static str, Vec<Duration>, Vec<Duration>)>);

impl Timings {
    fn time(&mut self, name: &'static str, f: impl FnOnce()) {
        let (start, cpu) = (Instant::now(), cpu_time());
        f();
        let (wall, cpu) = (start.elapsed(), cpu_time() - cpu);
        match self.0.iter_mut().find(|(n, _, _)| *n == name) {
            Some((_, walls, cpus)) => {
                walls.push(wall);
                cpus.push(cpu);
            }
            None => self.0.push((name, vec![wall], vec![cpu])),
        }
    }

    /// Median wall clock and CPU time.
    fn median(&self, name: &str) -> (Duration, Duration) {
        let (_, walls, cpus) = self.0.iter().find(|(n, _, _)| *n == name).expect("timed");
        (median(walls.clone()), median(cpus.clone()))
    }

    /// Prints every median and its ratio to the baseline.
    fn print(&self) {
        let (wall, cpu) = self.median(BASELINE);
        println!("median of {RUNS} runs, interleaved:                        wall ms   × base   CPU ms   × base");
        for (name, _, _) in &self.0 {
            let (w, c) = self.median(name);
            println!(
                "  {name:<56} {:8.1} {:6.2} {:8.1} {:6.2}",
                ms(w),
                w.as_secs_f64() / wall.as_secs_f64(),
                ms(c),
                c.as_secs_f64() / cpu.as_secs_f64()
            );
        }
    }
}

const BASELINE: &str = "baseline: serde_json Value read + to_writer_pretty";
const AIF_TO_JSON: &str = "AIF read + argraph::json::to_writer_pretty";

/// The floor's baseline: a `serde_json::Value` read of the file and a
/// pretty write of it.
fn value_round_trip(input: &Path, output: &Path) {
    let bytes = std::fs::read(input).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let mut w = BufWriter::new(File::create(output).unwrap());
    serde_json::to_writer_pretty(&mut w, &v).unwrap();
    std::io::Write::flush(&mut w).unwrap();
}

/// What the floor measures: an AIF read and a pretty argraph JSON write.
fn aif_to_json(input: &Path, output: &Path) {
    let bytes = std::fs::read(input).unwrap();
    let g = argraph::aif::from_slice(&bytes).unwrap().graph;
    let mut w = BufWriter::new(File::create(output).unwrap());
    argraph::json::to_writer_pretty(&g, &mut w).unwrap();
    std::io::Write::flush(&mut w).unwrap();
}

const USAGE: &str =
    "usage: cargo bench --bench convert [-- --write-aif PATH | --once baseline|argraph IN OUT]";

fn main() {
    // `cargo bench` passes --bench.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args[..] {
        [] => table(),
        ["--write-aif", path] => std::fs::write(path, nodeset(40_000, 30_000, 10_000, 10_000))
            .expect("write the nodeset"),
        ["--once", "baseline", input, output] => value_round_trip(input.as_ref(), output.as_ref()),
        ["--once", "argraph", input, output] => aif_to_json(input.as_ref(), output.as_ref()),
        _ => panic!("{USAGE}"),
    }
}

fn table() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("nodeset.json");
    std::fs::write(&input, nodeset(40_000, 30_000, 10_000, 10_000)).expect("write the nodeset");
    let output = dir.path().join("out.json");
    let copy = dir.path().join("copy.json");

    // Warm the page cache and check the conversion once.
    let done = argraph::convert::convert(&input, &output, None, None).expect("convert");
    println!(
        "input: {:.1} MB AIF, 100 000 nodes; output: {:.1} MB argraph JSON, {} nodes, {} edges",
        std::fs::metadata(&input).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&output).unwrap().len() as f64 / 1e6,
        done.graph().map_or(0, |g| g.node_count()),
        done.graph().map_or(0, |g| g.edge_count())
    );
    drop(done);

    let mut t = Timings(Vec::new());
    for _ in 0..RUNS {
        t.time(BASELINE, || value_round_trip(&input, &copy));
        t.time(AIF_TO_JSON, || aif_to_json(&input, &output));
        let bytes = std::fs::read(&input).unwrap();
        let mut value = None;
        t.time("  of which Value read (from memory)", || {
            value = Some(serde_json::from_slice::<serde_json::Value>(&bytes).unwrap())
        });
        t.time("  of which Value pretty write (to memory)", || {
            serde_json::to_writer_pretty(Vec::new(), value.as_ref().unwrap()).unwrap()
        });
        let mut graph = None;
        t.time("  of which AIF read (from memory)", || {
            graph = Some(argraph::aif::from_slice(&bytes).unwrap().graph)
        });
        t.time("  of which argraph JSON pretty write (to memory)", || {
            argraph::json::to_writer_pretty(graph.as_ref().unwrap(), Vec::new()).unwrap()
        });
        drop((value, graph));
        t.time(
            "convert AIF -> argraph JSON (library, atomic, fdatasync)",
            || {
                argraph::convert::convert(&input, &output, None, None).unwrap();
            },
        );
        t.time("`argraph convert` AIF -> argraph JSON (process)", || {
            cli(&input, &output)
        });
    }
    t.print();
    let ((wall, cpu), (base_wall, base_cpu)) = (t.median(AIF_TO_JSON), t.median(BASELINE));
    let (wall, cpu) = (
        wall.as_secs_f64() / base_wall.as_secs_f64(),
        cpu.as_secs_f64() / base_cpu.as_secs_f64(),
    );
    println!(
        "speed floor, AIF -> argraph JSON within 2x of the baseline: {wall:.2}x wall, {cpu:.2}x CPU ({})",
        if wall <= 2.0 && cpu <= 2.0 { "met" } else { "NOT met" }
    );
}
