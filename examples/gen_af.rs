//! Generates abstract frameworks for benchmarks, in ICCMA `i23` (or `apx`)
//! on standard output.
//!
//! ```text
//! cargo run --release --example gen_af -- random N [ATTACKS_PER_ARG=5] [SEED=1] [i23|apx]
//! cargo run --release --example gen_af -- uniform N [DENSITY=4.7] [SEED=1] [i23|apx]
//! cargo run --release --example gen_af -- grid N [SEED] [i23|apx]
//! cargo run --release --example gen_af -- scalefree N [SEED] [i23|apx]
//! ```
//!
//! - `random`: every argument attacks `ATTACKS_PER_ARG` arguments drawn
//!   uniformly (self-attacks possible, as in random graphs).
//! - `uniform`: `round(N·DENSITY)` distinct attacks drawn uniformly among
//!   all N² ordered pairs (self-attacks possible), so out-degrees vary as
//!   in an Erdős–Rényi digraph. Near DENSITY 4.5–5 at N = 1000 the hard
//!   tasks are at their hardest for SAT-based solvers.
//! - `grid`: arguments on a √N × √N grid; each pair of 4-neighbours is joined
//!   by an attack one way, the other way, or both, with probability 1/3 each.
//! - `scalefree`: Barabási–Albert preferential attachment, 2 links per new
//!   argument, each link an attack in a random direction, mutual with
//!   probability 1/4.

#![allow(dead_code)]

use std::io::{BufWriter, Write};

/// A small xorshift64* generator: deterministic, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
}

/// The attacks of a generated framework of `n` arguments.
pub fn generate(kind: &str, n: usize, per_arg: usize, seed: u64) -> Vec<(usize, usize)> {
    let mut rng = Rng::new(seed);
    let mut att = Vec::new();
    match kind {
        "random" => {
            for a in 0..n {
                for _ in 0..per_arg {
                    att.push((a, rng.below(n)));
                }
            }
        }
        "grid" => {
            let side = (n as f64).sqrt().ceil() as usize;
            let id = |r: usize, c: usize| r * side + c;
            for r in 0..side {
                for c in 0..side {
                    let a = id(r, c);
                    if a >= n {
                        continue;
                    }
                    for b in [
                        (c + 1 < side).then(|| id(r, c + 1)),
                        (r + 1 < side).then(|| id(r + 1, c)),
                    ]
                    .into_iter()
                    .flatten()
                    .filter(|&b| b < n)
                    {
                        match rng.below(3) {
                            0 => att.push((a, b)),
                            1 => att.push((b, a)),
                            _ => {
                                att.push((a, b));
                                att.push((b, a));
                            }
                        }
                    }
                }
            }
        }
        "scalefree" => {
            // Endpoints list for preferential attachment.
            let mut ends: Vec<usize> = Vec::new();
            for a in 0..n {
                let links = a.min(2);
                for _ in 0..links {
                    let b = if ends.is_empty() {
                        rng.below(a)
                    } else {
                        ends[rng.below(ends.len())]
                    };
                    match rng.below(4) {
                        0 => {
                            att.push((a, b));
                            att.push((b, a));
                        }
                        1 => att.push((a, b)),
                        _ => att.push((b, a)),
                    }
                    ends.push(a);
                    ends.push(b);
                }
            }
        }
        _ => panic!("unknown kind {kind}: random, grid or scalefree"),
    }
    att
}

/// The attacks of a `uniform` framework: `round(n·density)` distinct
/// ordered pairs (at most n²), drawn uniformly, sorted.
pub fn uniform(n: usize, density: f64, seed: u64) -> Vec<(usize, usize)> {
    let mut rng = Rng::new(seed);
    let m = ((n as f64 * density).round() as usize).min(n * n);
    let mut seen = std::collections::HashSet::with_capacity(m);
    while seen.len() < m {
        seen.insert((rng.below(n), rng.below(n)));
    }
    let mut att: Vec<(usize, usize)> = seen.into_iter().collect();
    att.sort_unstable();
    att
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = args.first().map(String::as_str).unwrap_or("random");
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let rest = if matches!(kind, "random" | "uniform") {
        3
    } else {
        2
    };
    let seed: u64 = args.get(rest).and_then(|s| s.parse().ok()).unwrap_or(1);
    let format = args.get(rest + 1).map(String::as_str).unwrap_or("i23");
    let att = if kind == "uniform" {
        let density = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4.7);
        uniform(n, density, seed)
    } else {
        let per_arg = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
        generate(kind, n, per_arg, seed)
    };
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 20, stdout);
    if format == "apx" {
        for a in 1..=n {
            writeln!(out, "arg({a}).").unwrap();
        }
        for (a, b) in att {
            writeln!(out, "att({},{}).", a + 1, b + 1).unwrap();
        }
    } else {
        writeln!(out, "p af {n}").unwrap();
        for (a, b) in att {
            writeln!(out, "{} {}", a + 1, b + 1).unwrap();
        }
    }
    out.flush().unwrap();
}
