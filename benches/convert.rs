//! `cargo bench --bench convert`: `argraph::convert::convert` of a
//! 10^5-node AIF file to argraph JSON, against `cp` of the same file in the
//! same run. Prints medians and their ratios; speed claims are only these
//! ratios, measured on the machine at hand.
//!
//! `convert` writes atomically and calls `fdatasync` before the rename, a
//! durability promise `cp` does not make; so every figure is given both
//! against `cp` and against `cp` followed by an `fdatasync` of the copy,
//! next to the floor of any conversion: writing the output's bytes from
//! memory, without and with `fdatasync`. The conversion is timed both as a
//! library call and as the `argraph convert` process (like `cp`, a
//! process: it pays for its start and exit, and not for freeing the graph).
//!
//! The generated nodeset has the shape of AIFdb corpora: 40 000 I-nodes,
//! 30 000 RA (one premise, one conclusion, so read as edges), 10 000 CA,
//! and 10 000 locutions (L) anchored by 10 000 YA nodes.
//!
//! Then a 10^6-argument, 2·10^6-attack ICCMA i23 file converted to apx
//! (framework to framework, no rich graph), against `cp` of that file.

use std::fmt::Write as _;
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

fn time<F: FnMut()>(mut f: F) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// `cp FROM TO`, as a process.
fn cp(from: &Path, to: &Path) {
    let ok = Command::new("cp")
        .arg(from)
        .arg(to)
        .status()
        .expect("run cp")
        .success();
    assert!(ok, "cp failed");
}

/// `cp FROM TO`, then `fdatasync` of the copy: the same durability promise
/// as `convert`'s atomic write.
fn cp_sync(from: &Path, to: &Path) {
    cp(from, to);
    std::fs::File::open(to).unwrap().sync_data().unwrap();
}

/// The baselines of one run: `cp` of the input to `copy`, with and without
/// `fdatasync`, and the floor of any conversion, writing the output's
/// bytes from memory, with and without `fdatasync`.
fn baselines(t: &mut Timings, input: &Path, copy: &Path, out_bytes: &[u8]) {
    t.time(CP, || cp(input, copy));
    t.time(CP_SYNC, || cp_sync(input, copy));
    t.time("write the output bytes (from memory)", || {
        std::fs::write(copy, out_bytes).unwrap()
    });
    t.time("write the output bytes + fdatasync", || {
        let mut f = std::fs::File::create(copy).unwrap();
        std::io::Write::write_all(&mut f, out_bytes).unwrap();
        f.sync_data().unwrap();
    });
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
    fn new() -> Timings {
        Timings(Vec::new())
    }

    fn time(&mut self, name: &'static str, f: impl FnMut()) {
        let d = time(f);
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => v.push(d),
            None => self.0.push((name, vec![d])),
        }
    }

    fn median(&self, name: &str) -> Duration {
        let (_, v) = self.0.iter().find(|(n, _)| *n == name).expect("timed");
        median(v.clone())
    }

    /// Prints every median, and its ratio to `cp` and to `cp + fdatasync`.
    fn print(&self) {
        let (cp_m, sync_m) = (self.median(CP), self.median(CP_SYNC));
        println!("median of {RUNS} runs, interleaved:                 ms    × cp  × cp+sync");
        for (name, _) in &self.0 {
            let m = self.median(name);
            println!(
                "  {name:<46} {:8.1} {:6.2} {:6.2}",
                ms(m),
                m.as_secs_f64() / cp_m.as_secs_f64(),
                m.as_secs_f64() / sync_m.as_secs_f64()
            );
        }
    }
}

const CP: &str = "cp of the input file";
const CP_SYNC: &str = "cp of the input + fdatasync of the copy";

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
    let size = std::fs::metadata(&input).unwrap().len();
    let output = dir.path().join("out.json");
    let copy = dir.path().join("copy.json");

    // Warm the page cache and check the conversion once.
    cp(&input, &copy);
    let done = argraph::convert::convert(&input, &output, None, None).expect("convert");
    let out_size = std::fs::metadata(&output).unwrap().len();
    println!(
        "input: {:.1} MB AIF, 100 000 nodes; output: {:.1} MB argraph JSON, {} nodes, {} edges",
        size as f64 / 1e6,
        out_size as f64 / 1e6,
        done.graph().map_or(0, |g| g.node_count()),
        done.graph().map_or(0, |g| g.edge_count())
    );
    drop(done);

    let bytes = std::fs::read(&input).unwrap();
    let out_bytes = std::fs::read(&output).unwrap();
    let mut t = Timings::new();
    for _ in 0..RUNS {
        baselines(&mut t, &input, &copy, &out_bytes);
        // Baselines: the JSON tokenizer alone, and the cheapest generic
        // JSON -> JSON transform (a serde_json::Value tree, file to file).
        t.time("read + JSON scan (IgnoredAny)", || {
            let b = std::fs::read(&input).unwrap();
            serde_json::from_slice::<serde::de::IgnoredAny>(&b).unwrap();
        });
        t.time("serde_json Value parse + pretty write", || {
            let b = std::fs::read(&input).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
            let f = std::io::BufWriter::new(std::fs::File::create(&copy).unwrap());
            serde_json::to_writer_pretty(f, &v).unwrap();
        });
        t.time("convert AIF -> argraph JSON (library, files)", || {
            argraph::convert::convert(&input, &output, None, None).unwrap();
        });
        t.time("`argraph convert` AIF -> argraph JSON (process)", || {
            cli(&input, &output)
        });
        let mut graph = None;
        t.time("  of which AIF parse + build (memory)", || {
            graph = Some(argraph::aif::from_slice(&bytes).unwrap().graph)
        });
        t.time("  of which JSON save (file, fdatasync)", || {
            argraph::json::save(graph.as_ref().unwrap(), &output).unwrap()
        });
        t.time("  of which dropping the graph", || drop(graph.take()));
    }
    t.print();
    iccma_i23_to_apx(dir.path());
}

/// ICCMA: 10^6 arguments, 2·10^6 attacks, i23 -> apx, against cp.
fn iccma_i23_to_apx(dir: &Path) {
    let n = 1_000_000u64;
    let mut i23 = String::with_capacity(40 << 20);
    let _ = writeln!(i23, "p af {n}");
    for a in 0..n {
        let _ = writeln!(i23, "{} {}", a + 1, (a * 7 + 3) % n + 1);
        let _ = writeln!(i23, "{} {}", a + 1, (a * 13 + 5) % n + 1);
    }
    let af_in = dir.join("af.i23");
    std::fs::write(&af_in, &i23).unwrap();
    drop(i23);
    let af_out = dir.join("af.apx");
    let af_copy = dir.join("af-copy.i23");
    cp(&af_in, &af_copy);
    argraph::convert::convert(&af_in, &af_out, None, None).unwrap();
    println!(
        "input: {:.1} MB i23, 10^6 arguments, 2·10^6 attacks; output: {:.1} MB apx",
        std::fs::metadata(&af_in).unwrap().len() as f64 / 1e6,
        std::fs::metadata(&af_out).unwrap().len() as f64 / 1e6
    );
    let out_bytes = std::fs::read(&af_out).unwrap();
    let mut t = Timings::new();
    for _ in 0..RUNS {
        baselines(&mut t, &af_in, &af_copy, &out_bytes);
        t.time("convert i23 -> apx (library, files)", || {
            argraph::convert::convert(&af_in, &af_out, None, None).unwrap();
        });
        t.time("`argraph convert` i23 -> apx (process)", || {
            cli(&af_in, &af_out)
        });
        let mut af = None;
        t.time("  of which i23 parse (file)", || {
            af = Some(argraph::iccma::read_path(&af_in, None).unwrap())
        });
        let af = af.unwrap();
        t.time("  of which apx write (file, fdatasync)", || {
            argraph::write_file(&af_out, |w| {
                argraph::iccma::write(&af, w, argraph::iccma::IccmaFormat::Apx)
            })
            .unwrap()
        });
    }
    t.print();
}
