//! `cargo bench --bench convert`: reading a 10^5-node AIF file and
//! writing it as pretty argraph JSON, against the generic floor of the
//! same work: a `serde_json::Value` read of the file and a
//! `serde_json::to_writer_pretty` write of it, timed interleaved in the
//! same run. Prints medians and their ratio to that baseline; the speed
//! floor is AIF → argraph JSON within 2× of it.
//!
//! Also timed, against the same baseline: `argraph::convert::convert`
//! (file to file, written atomically with an `fdatasync`) and the
//! `argraph convert` process (which also pays for its start and exit).
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

/// Named timings, taken interleaved, one of each per round.
struct Timings(Vec<(&'static str, Vec<Duration>)>);

impl Timings {
    fn time(&mut self, name: &'static str, f: impl FnOnce()) {
        let t = Instant::now();
        f();
        let d = t.elapsed();
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => v.push(d),
            None => self.0.push((name, vec![d])),
        }
    }

    fn median(&self, name: &str) -> Duration {
        let (_, v) = self.0.iter().find(|(n, _)| *n == name).expect("timed");
        median(v.clone())
    }

    /// Prints every median and its ratio to the baseline.
    fn print(&self) {
        let base = self.median(BASELINE).as_secs_f64();
        println!("median of {RUNS} runs, interleaved:                            ms   × baseline");
        for (name, _) in &self.0 {
            let m = self.median(name);
            println!("  {name:<56} {:8.1} {:6.2}", ms(m), m.as_secs_f64() / base);
        }
    }
}

const BASELINE: &str = "baseline: serde_json Value read + to_writer_pretty";
const AIF_TO_JSON: &str = "AIF read + argraph::json::to_writer_pretty";

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // ARGRAPH_BENCH_KEEP=path also keeps a copy of the generated nodeset there.
    let input = dir.path().join("nodeset.json");
    let text = nodeset(40_000, 30_000, 10_000, 10_000);
    std::fs::write(&input, &text).expect("write the nodeset");
    if let Some(keep) = std::env::var_os("ARGRAPH_BENCH_KEEP") {
        std::fs::write(keep, &text).expect("keep the nodeset");
    }
    drop(text);
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
        t.time(BASELINE, || {
            let bytes = std::fs::read(&input).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            let mut w = BufWriter::new(File::create(&copy).unwrap());
            serde_json::to_writer_pretty(&mut w, &v).unwrap();
            std::io::Write::flush(&mut w).unwrap();
        });
        t.time(AIF_TO_JSON, || {
            let bytes = std::fs::read(&input).unwrap();
            let g = argraph::aif::from_slice(&bytes).unwrap().graph;
            let mut w = BufWriter::new(File::create(&output).unwrap());
            argraph::json::to_writer_pretty(&g, &mut w).unwrap();
            std::io::Write::flush(&mut w).unwrap();
        });
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
    let ratio = t.median(AIF_TO_JSON).as_secs_f64() / t.median(BASELINE).as_secs_f64();
    println!(
        "speed floor, AIF -> argraph JSON within 2x of the baseline: {ratio:.2}x ({})",
        if ratio <= 2.0 { "met" } else { "NOT met" }
    );
}
