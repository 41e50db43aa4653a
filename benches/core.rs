//! The core benchmark: `cargo bench --bench core`.
//!
//! For synthetic graphs of 10^3 … 10^6 nodes with 3 edges per node it times
//! building (through the builder API), validating, saving and loading JSON,
//! and DOT export three ways: `render::write_dot`, graphviz-rust's AST build +
//! print, and the baseline, a bare `write!` loop over pre-escaped strings
//! that produces the same bytes as `write_dot` (checked before timing).
//! Each size runs in a child process so that its peak memory (VmHWM,
//! reset before each operation where the kernel allows) is its own.
//!
//! Options, after `--`:
//!
//! ```text
//! --sizes 1000,10000       the sizes to run (default 1000,10000,100000,1000000)
//! --min-time SECS          measure each operation at least this long (default 1)
//! --write-json PATH N      write the synthetic graph of N nodes as JSON (the
//!                          layout `argraph::json::save` writes) and exit
//! ```
//!
//! Times are medians; ratios are taken against the baseline measured in the
//! same process, interleaved with the measured operation, so that a noisy
//! machine moves both alike.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::{self, Write};
use std::process::Command;
use std::time::{Duration, Instant};

use argraph::render::{dot_graph, write_dot, DotOptions};
use argraph::{ArgumentGraph, AttackKind, EdgeKind, NodeKind, Provenance, Source};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

// ---------------------------------------------------------------------------
// Synthetic graphs
// ---------------------------------------------------------------------------

/// SplitMix64: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `true` with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "Russia",
    "Afghanistan",
    "security",
    "threat",
    "policy",
    "Moscow",
    "Kabul",
    "Taliban",
    "balancing",
    "influence",
    "region",
    "border",
    "extremism",
    "cooperation",
    "the",
    "of",
    "and",
    "in",
    "to",
    "a",
    "power",
    "strategy",
    "withdrawal",
    "alliance",
    "CSTO",
    "SCO",
    "deterrence",
    "realism",
    "Central",
    "Asia",
    "great-power",
    "status",
    "interest",
    "stability",
    "trade",
    "narcotics",
    "terrorism",
    "since",
    "after",
    "before",
    "states",
    "seek",
    "maximise",
    "limit",
    "engagement",
    "recognition",
    "government",
    "officials",
    "reports",
    "suggest",
    "evidence",
];

/// Words that need escaping in DOT or HTML labels, and non-ASCII text.
const SPECIAL: &[&str] = &[
    "Россия",
    "Афганистан",
    "naïve",
    "§4",
    "¶2",
    "—",
    "“stable instability”",
    "\"quoted\"",
    "<threat>",
    "R&D",
    "a\\b",
    "1979–1989",
    "Kremlin’s",
    "≥",
    "🌍",
    "x>y",
    "&amp;",
    "'tightrope'",
];

fn words(rng: &mut Rng, min_chars: usize, max_chars: usize) -> String {
    let target = min_chars + rng.below(max_chars - min_chars + 1);
    let mut s = String::new();
    let mut chars = 0;
    while chars < target {
        let w = if rng.chance(10) {
            *rng.pick(SPECIAL)
        } else {
            *rng.pick(WORDS)
        };
        if chars + 1 + w.chars().count() > max_chars && chars >= min_chars {
            break;
        }
        if !s.is_empty() {
            s.push(' ');
            chars += 1;
        }
        s.push_str(w);
        chars += w.chars().count();
    }
    s
}

struct NodeSpec {
    id: String,
    kind: NodeKind,
    text: String,
    label: Option<String>,
    weight: Option<f64>,
    tags: Vec<&'static str>,
    provenance: Vec<Provenance>,
}

struct EdgeSpec {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    label: Option<String>,
    weight: Option<f64>,
}

struct Spec {
    title: String,
    sources: Vec<Source>,
    nodes: Vec<NodeSpec>,
    edges: Vec<EdgeSpec>,
}

const SOURCES: &[&str] = &["opinion", "davoodi-kiani-2024", "report \"A&B\""];
const TAGS: &[&str] = &[
    "period:soviet",
    "period:post-2001",
    "period:post-withdrawal",
    "actor:russia",
];

/// A graph of `n` nodes and `3n` edges, the same for the same `n`: one node
/// in 200 a framing, the rest 40% claims, 40% evidence, 20% arguments;
/// texts of 60–120 characters with some non-ASCII and characters DOT must
/// escape; labels, weights and tags on some nodes, provenance on every
/// piece of evidence; edges 55% supports, 30% attacks (all subtypes) and
/// 15% frames.
fn synthetic(n: usize) -> Spec {
    let mut rng = Rng(0x5EED_0000 ^ n as u64);
    let mut nodes = Vec::with_capacity(n);
    let (mut framings, mut targets, mut arguments, mut premises) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let kind = if i % 200 == 0 {
            NodeKind::Framing
        } else {
            match rng.below(10) {
                0..=3 => NodeKind::Claim,
                4..=7 => NodeKind::Evidence,
                _ => NodeKind::Argument,
            }
        };
        let id = match kind {
            _ if rng.chance(1) => format!("утверждение-{i}"),
            NodeKind::Claim => format!("claim-{i}"),
            NodeKind::Evidence => format!("ev-{i}"),
            NodeKind::Framing => format!("framing-{i}"),
            NodeKind::Argument => format!("arg-{i}"),
        };
        match kind {
            NodeKind::Framing => framings.push(i),
            NodeKind::Claim => targets.push(i),
            NodeKind::Argument => {
                targets.push(i);
                arguments.push(i);
            }
            NodeKind::Evidence => {}
        }
        if kind != NodeKind::Framing {
            premises.push(i);
        }
        let provenance_entries = match kind {
            NodeKind::Evidence => 1 + usize::from(rng.chance(20)),
            _ => usize::from(rng.chance(10)),
        };
        let provenance = (0..provenance_entries)
            .map(|_| {
                let mut p = Provenance::new(*rng.pick(SOURCES)).with_locator(format!(
                    "§{} ¶{}",
                    1 + rng.below(9),
                    1 + rng.below(20)
                ));
                if rng.chance(50) {
                    p = p.with_quote(words(&mut rng, 15, 40));
                }
                p
            })
            .collect();
        nodes.push(NodeSpec {
            id,
            kind,
            text: words(&mut rng, 60, 120),
            label: (kind == NodeKind::Framing || rng.chance(30)).then(|| words(&mut rng, 10, 30)),
            weight: rng.chance(30).then(|| rng.below(101) as f64 / 100.0),
            tags: (0..rng.below(5).saturating_sub(2))
                .map(|_| *rng.pick(TAGS))
                .collect(),
            provenance,
        });
    }
    let mut edges = Vec::with_capacity(3 * n);
    while edges.len() < 3 * n {
        let roll = rng.below(100);
        let (from, to, kind, attack) = if roll < 15 {
            let (f, t) = (*rng.pick(&framings), *rng.pick(&targets));
            (f, t, EdgeKind::Frames, None)
        } else if roll < 70 {
            let (f, t) = (*rng.pick(&premises), *rng.pick(&targets));
            if f == t {
                continue;
            }
            (f, t, EdgeKind::Supports, None)
        } else {
            let attack = *rng.pick(&[
                None,
                Some(AttackKind::Rebut),
                Some(AttackKind::Undermine),
                Some(AttackKind::Undercut),
            ]);
            let from = rng.below(n);
            let to = match attack {
                Some(AttackKind::Undercut) => *rng.pick(&arguments),
                // Rival framings attack each other.
                _ if nodes[from].kind == NodeKind::Framing => *rng.pick(&framings),
                _ => rng.below(n),
            };
            (from, to, EdgeKind::Attacks, attack)
        };
        edges.push(EdgeSpec {
            from,
            to,
            kind,
            attack,
            label: rng.chance(5).then(|| words(&mut rng, 15, 50)),
            weight: rng.chance(10).then(|| rng.below(101) as f64 / 100.0),
        });
    }
    let sources = SOURCES
        .iter()
        .map(|&id| Source::new(id, format!("The source called {id}")).with_year(2024))
        .collect();
    Spec {
        title: format!(
            "Synthetic graph: {n} nodes & \"{}\" edges <3 per node>",
            3 * n
        ),
        sources,
        nodes,
        edges,
    }
}

/// The graph of a spec, built through the builder API as a user would.
fn build(spec: &Spec) -> ArgumentGraph {
    let mut g = ArgumentGraph::new();
    g.set_title(spec.title.as_str());
    for s in &spec.sources {
        g.add_source(s.clone()).expect("unique source");
    }
    for n in &spec.nodes {
        let node = g
            .add_node(n.id.as_str(), n.kind, n.text.as_str())
            .expect("valid node");
        if let Some(l) = &n.label {
            node.set_label(l.as_str());
        }
        if let Some(w) = n.weight {
            node.set_weight(w).expect("weight in [0, 1]");
        }
        for &t in &n.tags {
            node.add_tag(t);
        }
        for p in &n.provenance {
            node.add_provenance(p.clone());
        }
    }
    for e in &spec.edges {
        let (from, to) = (&spec.nodes[e.from].id, &spec.nodes[e.to].id);
        let edge = g.add_edge(from, to, e.kind, e.attack).expect("valid edge");
        if let Some(l) = &e.label {
            edge.set_label(l.as_str());
        }
        if let Some(w) = e.weight {
            edge.set_weight(w).expect("weight in [0, 1]");
        }
    }
    g
}

// ---------------------------------------------------------------------------
// The baseline: a bare `write!` loop over pre-escaped strings
// ---------------------------------------------------------------------------

/// Escapes for a double-quoted DOT string (no control characters occur in
/// the synthetic text).
fn esc_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes for an HTML-like label.
fn esc_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<BR/>"),
            c => out.push(c),
        }
    }
    out
}

/// Greedy word wrap, as documented for `DotOptions::wrap`.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let mut word = word;
        let mut len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        while len > width {
            let cut = word
                .char_indices()
                .nth(width - line)
                .map_or(word.len(), |(i, _)| i);
            out.push_str(&word[..cut]);
            out.push('\n');
            word = &word[cut..];
            len -= width - line;
            line = 0;
        }
        out.push_str(word);
        line += len;
    }
    out
}

struct PreNode {
    id: String,
    kind: NodeKind,
    label: String,
    tooltip: String,
}

struct PreEdge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    attack: Option<AttackKind>,
    label: Option<String>,
}

/// Everything the DOT text holds, escaped and wrapped in advance, in the
/// order `write_dot` emits it (default options: clusters by framing,
/// colour theme, wrap 24, legend).
struct Prepared {
    title: String,
    clusters: Vec<(String, Vec<usize>)>,
    loose: Vec<usize>,
    nodes: Vec<PreNode>,
    edges: Vec<PreEdge>,
}

fn prepare(spec: &Spec) -> Prepared {
    const WRAP: usize = 24;
    let nodes = spec
        .nodes
        .iter()
        .map(|n| {
            let mut label = String::new();
            match &n.label {
                Some(l) => {
                    let _ = write!(
                        label,
                        "<B>{}</B><BR/><FONT POINT-SIZE=\"9\">{}</FONT>",
                        esc_html(&wrap(l, WRAP)),
                        esc_html(&wrap(&n.text, WRAP + WRAP / 4))
                    );
                }
                None => {
                    let _ = write!(
                        label,
                        "<FONT POINT-SIZE=\"11\">{}</FONT>",
                        esc_html(&wrap(&n.text, WRAP))
                    );
                }
            }
            if let Some(p) = n.provenance.first() {
                let mut line = p.source.clone();
                if let Some(loc) = &p.locator {
                    let _ = write!(line, " · {loc}");
                }
                if n.provenance.len() > 1 {
                    let _ = write!(line, " (+{})", n.provenance.len() - 1);
                }
                let _ = write!(
                    label,
                    "<BR/><FONT POINT-SIZE=\"8\" COLOR=\"#555555\"><I>{}</I></FONT>",
                    esc_html(&wrap(&line, WRAP + WRAP / 2))
                );
            }
            PreNode {
                id: esc_quoted(&n.id),
                kind: n.kind,
                label,
                tooltip: esc_quoted(&n.text),
            }
        })
        .collect::<Vec<_>>();

    // Clusters by framing: a framing and what it alone frames.
    let mut framings_of: Vec<Vec<usize>> = vec![Vec::new(); spec.nodes.len()];
    for e in &spec.edges {
        if e.kind == EdgeKind::Frames && !framings_of[e.to].contains(&e.from) {
            framings_of[e.to].push(e.from);
        }
    }
    let mut cluster_of = vec![usize::MAX; spec.nodes.len()];
    let mut clusters: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, n) in spec.nodes.iter().enumerate() {
        if n.kind == NodeKind::Framing {
            cluster_of[i] = clusters.len();
            clusters.push((esc_html(n.label.as_deref().unwrap_or(&n.id)), vec![i]));
        }
    }
    for (i, f) in framings_of.iter().enumerate() {
        if let [f] = f.as_slice() {
            cluster_of[i] = cluster_of[*f];
            clusters[cluster_of[*f]].1.push(i);
        }
    }
    let loose = (0..spec.nodes.len())
        .filter(|&i| cluster_of[i] == usize::MAX)
        .collect();
    let edges = spec
        .edges
        .iter()
        .filter(|e| {
            !(e.kind == EdgeKind::Frames
                && cluster_of[e.to] != usize::MAX
                && cluster_of[e.to] == cluster_of[e.from])
        })
        .map(|e| PreEdge {
            from: e.from,
            to: e.to,
            kind: e.kind,
            attack: e.attack,
            label: e.label.as_deref().map(|l| esc_quoted(&wrap(l, WRAP))),
        })
        .collect();
    Prepared {
        title: esc_html(&spec.title),
        clusters,
        loose,
        nodes,
        edges,
    }
}

fn bare_node(out: &mut Vec<u8>, indent: &str, n: &PreNode) -> io::Result<()> {
    let (shape, style, fill, color, pen) = match n.kind {
        NodeKind::Claim => ("box", "rounded,filled", "#FFF7D6", "black", "1.2"),
        NodeKind::Evidence => ("note", "filled", "#DDEEF8", "#0072B2", "1"),
        NodeKind::Framing => ("hexagon", "filled,bold", "#D5F0E6", "#009E73", "2"),
        NodeKind::Argument => ("ellipse", "filled", "#F6E3EE", "#CC79A7", "1"),
    };
    writeln!(
        out,
        "{indent}\"{}\" [shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", color=\"{color}\", penwidth={pen}, label=<{}>, tooltip=\"{}\"];",
        n.id, n.label, n.tooltip
    )
}

const RELATIONS: [(&str, &str, &str, &str, &str); 6] = [
    ("solid", "normal", "#0072B2", "1.2", "supports"),
    ("dashed", "tee", "#D55E00", "1.2", "attacks"),
    ("dashed", "tee", "#D55E00", "2.4", "rebuts"),
    ("dashed", "teeodot", "#D55E00", "1.2", "undermines"),
    ("dashed", "teetee", "#D55E00", "1.2", "undercuts"),
    ("dotted", "onormal", "#009E73", "1.6", "frames"),
];

/// The baseline: `write_dot`'s bytes from a plain loop of `write!`s.
fn bare_write(p: &Prepared, out: &mut Vec<u8>) -> io::Result<()> {
    writeln!(out, "digraph \"argraph\" {{")?;
    writeln!(
        out,
        "  graph [rankdir=BT, newrank=true, fontname=\"Helvetica\", nodesep=0.3, ranksep=0.5, label=<<B>{}</B>>, labelloc=t, fontsize=18];",
        p.title
    )?;
    writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.06\"];"
    )?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (i, (title, members)) in p.clusters.iter().enumerate() {
        writeln!(out, "  subgraph \"cluster_{i}\" {{")?;
        writeln!(
            out,
            "    graph [label=<<I>{title}</I>>, style=\"rounded,filled,dashed\", color=\"#555555\", fillcolor=\"#F7F7F7\", fontsize=12, labelloc=t];"
        )?;
        for &m in members {
            bare_node(out, "    ", &p.nodes[m])?;
        }
        writeln!(out, "  }}")?;
    }
    for &m in &p.loose {
        bare_node(out, "  ", &p.nodes[m])?;
    }
    for e in &p.edges {
        let r = match (e.kind, e.attack) {
            (EdgeKind::Supports, _) => 0,
            (EdgeKind::Attacks, None) => 1,
            (EdgeKind::Attacks, Some(AttackKind::Rebut)) => 2,
            (EdgeKind::Attacks, Some(AttackKind::Undermine)) => 3,
            (EdgeKind::Attacks, Some(AttackKind::Undercut)) => 4,
            (EdgeKind::Frames, _) => 5,
        };
        let (style, head, color, pen, _) = RELATIONS[r];
        write!(
            out,
            "  \"{}\" -> \"{}\" [style={style}, arrowhead={head}, color=\"{color}\", penwidth={pen}",
            p.nodes[e.from].id, p.nodes[e.to].id
        )?;
        if let Some(l) = &e.label {
            write!(out, ", label=\"{l}\", fontcolor=\"{color}\"")?;
        }
        if e.kind == EdgeKind::Frames {
            write!(out, ", constraint=false")?;
        }
        writeln!(out, "];")?;
    }
    writeln!(out, "  subgraph \"cluster_legend\" {{")?;
    writeln!(out, "    graph [label=<<B>Legend</B><BR/><FONT POINT-SIZE=\"9\">a dashed box holds a framing and what it alone frames</FONT>>, labelloc=t, style=\"rounded\", color=\"#555555\", fontsize=12];")?;
    writeln!(out, "    subgraph \"legend:kinds\" {{")?;
    writeln!(out, "      graph [rank=same];")?;
    for (kind, (shape, style, fill, color, pen)) in [
        (
            "claim",
            ("box", "rounded,filled", "#FFF7D6", "black", "1.2"),
        ),
        ("evidence", ("note", "filled", "#DDEEF8", "#0072B2", "1")),
        (
            "framing",
            ("hexagon", "filled,bold", "#D5F0E6", "#009E73", "2"),
        ),
        ("argument", ("ellipse", "filled", "#F6E3EE", "#CC79A7", "1")),
    ] {
        writeln!(out, "      \"legend:{kind}\" [shape={shape}, style=\"{style}\", fillcolor=\"{fill}\", color=\"{color}\", penwidth={pen}, label=\"{kind}\", fontsize=10];")?;
    }
    writeln!(out, "    }}")?;
    writeln!(out, "    subgraph \"legend:relations\" {{")?;
    writeln!(out, "      graph [rank=same];")?;
    for i in 0..RELATIONS.len() {
        for end in ["a", "b"] {
            writeln!(
                out,
                "      \"legend:{i}{end}\" [shape=point, width=0.06, color=\"#555555\"];"
            )?;
        }
    }
    writeln!(out, "    }}")?;
    for (i, (style, head, color, pen, name)) in RELATIONS.iter().enumerate() {
        writeln!(out, "    \"legend:{i}a\" -> \"legend:{i}b\" [style={style}, arrowhead={head}, color=\"{color}\", penwidth={pen}, label=\"{name}\", fontcolor=\"{color}\", fontsize=10, minlen=2];")?;
    }
    writeln!(out, "    \"legend:0a\" -> \"legend:claim\" [style=invis];")?;
    writeln!(out, "  }}")?;
    writeln!(out, "}}")
}

// ---------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------

/// Gives freed heap back to the system and resets the peak resident set
/// size (Linux ≥ 4.0), so the next peak is the next operation's own;
/// `false` if the kernel does not allow the reset.
fn reset_peak() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system.
    unsafe {
        libc::malloc_trim(0);
    }
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// A field of /proc/self/status, in KiB.
fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line[field.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// The CPU time this thread has used: unlike the wall clock, it does not
/// count the time the thread waits while other processes run.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes a timespec we own.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall-clock and CPU time of one run.
#[derive(Clone, Copy)]
struct Time {
    wall: Duration,
    cpu: Duration,
}

fn timed<T>(f: impl FnOnce() -> T) -> (Time, T) {
    let (wall, cpu) = (Instant::now(), thread_cpu());
    let out = f();
    let cpu = thread_cpu() - cpu;
    (
        Time {
            wall: wall.elapsed(),
            cpu,
        },
        out,
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Runs `ops` round-robin (so that noise hits them alike) until each has
/// run `min_reps` times and the rounds have taken `min_time` in all; the
/// medians of each op's wall and CPU times. Each op times its own measured
/// part.
fn measure(
    min_time: Duration,
    min_reps: usize,
    ops: &mut [&mut dyn FnMut() -> Time],
) -> Vec<(Time, usize)> {
    let mut samples: Vec<Vec<Time>> = ops.iter().map(|_| Vec::new()).collect();
    let start = Instant::now();
    let mut reps = 0;
    while reps < min_reps || (start.elapsed() < min_time && reps < 10_000) {
        for (op, s) in ops.iter_mut().zip(&mut samples) {
            s.push(op());
        }
        reps += 1;
    }
    samples
        .into_iter()
        .map(|s| {
            let wall = median(s.iter().map(|t| t.wall).collect());
            let cpu = median(s.iter().map(|t| t.cpu).collect());
            (Time { wall, cpu }, s.len())
        })
        .collect()
}

/// One result of a child: the operation, its medians, the row it is
/// compared with, repetitions, peak KiB, bytes produced.
struct Row {
    op: &'static str,
    time: Time,
    baseline: Option<&'static str>,
    reps: usize,
    peak_kib: Option<u64>,
    bytes: Option<usize>,
}

impl Row {
    fn new(op: &'static str, (time, reps): (Time, usize)) -> Row {
        Row {
            op,
            time,
            baseline: None,
            reps,
            peak_kib: None,
            bytes: None,
        }
    }

    fn bytes(mut self, bytes: usize) -> Row {
        self.bytes = Some(bytes);
        self
    }

    fn against(mut self, baseline: &'static str) -> Row {
        self.baseline = Some(baseline);
        self
    }
}

const BASE: &str = "dot: bare write! loop";
const BASE_AST: &str = "dot: bare write! loop (AST run)";

/// Runs every operation on the graph of `n` nodes and prints raw rows.
fn child(n: usize, min_time: Duration) {
    let spec = synthetic(n);
    let opts = DotOptions::new();
    let min_reps = 3;
    let peak_resettable = reset_peak();
    let mut rows: Vec<Row> = Vec::new();
    // Records the peak since the last reset on the last row, and resets it.
    let peak = |rows: &mut Vec<Row>| {
        let p = status_kib("VmHWM:");
        if let Some(r) = rows.last_mut() {
            r.peak_kib = p;
        }
        reset_peak();
    };

    // Build, through the builder API.
    let m = measure(
        min_time,
        min_reps,
        &mut [&mut || {
            let (t, g) = timed(|| build(&spec));
            drop(black_box(g));
            t
        }],
    );
    rows.push(Row::new("build", m[0]));
    peak(&mut rows);
    let g = build(&spec);
    assert_eq!((g.node_count(), g.edge_count()), (n, 3 * n));

    // Validate.
    reset_peak();
    let m = measure(
        min_time,
        min_reps,
        &mut [&mut || timed(|| g.validate().expect("valid")).0],
    );
    rows.push(Row::new("validate", m[0]));
    peak(&mut rows);

    // JSON save, in the layout `json::save` writes.
    let mut json = Vec::new();
    let m = measure(
        min_time,
        min_reps,
        &mut [&mut || {
            json.clear();
            timed(|| argraph::json::to_writer_pretty(&g, &mut json).expect("JSON")).0
        }],
    );
    rows.push(Row::new("json save", m[0]).bytes(json.len()));
    peak(&mut rows);

    // JSON load.
    let m = measure(
        min_time,
        min_reps,
        &mut [&mut || {
            let (t, g) = timed(|| argraph::json::from_slice(&json).expect("loads"));
            drop(black_box(g));
            t
        }],
    );
    rows.push(Row::new("json load", m[0]).bytes(json.len()));
    peak(&mut rows);
    drop(json);

    // DOT: the baseline first, checked byte for byte against write_dot.
    let pre = prepare(&spec);
    let mut written = Vec::new();
    write_dot(&g, &opts, &mut written).expect("DOT");
    let mut bare = Vec::new();
    bare_write(&pre, &mut bare).expect("DOT");
    if written != bare {
        let at = written
            .iter()
            .zip(&bare)
            .position(|(a, b)| a != b)
            .unwrap_or(written.len().min(bare.len()));
        let show = |b: &[u8]| {
            String::from_utf8_lossy(&b[at.saturating_sub(200)..(at + 200).min(b.len())])
                .into_owned()
        };
        panic!(
            "the bare write! loop and write_dot differ at byte {at}:\nwrite_dot: {}\nbare: {}",
            show(&written),
            show(&bare)
        );
    }
    let dot_bytes = written.len();
    let m = measure(
        min_time,
        min_reps,
        &mut [
            &mut || {
                bare.clear();
                timed(|| bare_write(&pre, &mut bare).expect("DOT")).0
            },
            &mut || {
                let mut out = Vec::new();
                let (t, ()) = timed(|| write_dot(&g, &opts, &mut out).expect("DOT"));
                drop(black_box(out));
                t
            },
        ],
    );
    rows.push(Row::new(BASE, m[0]).bytes(dot_bytes));
    rows.push(
        Row::new("dot: write_dot", m[1])
            .bytes(dot_bytes)
            .against(BASE),
    );

    // graphviz-rust: AST build + print, interleaved with the baseline.
    let mut ast_bytes = 0;
    let m = measure(
        min_time,
        min_reps,
        &mut [
            &mut || {
                bare.clear();
                timed(|| bare_write(&pre, &mut bare).expect("DOT")).0
            },
            &mut || {
                let (t, text) =
                    timed(|| dot_graph(&g, &opts).print(&mut PrinterContext::default()));
                ast_bytes = text.len();
                drop(black_box(text));
                t
            },
        ],
    );
    rows.push(
        Row::new("dot: graphviz-rust AST+print", m[1])
            .bytes(ast_bytes)
            .against(BASE_AST),
    );
    rows.push(Row::new(BASE_AST, m[0]).bytes(dot_bytes));

    // Peaks of the DOT operations, each run once on its own (the timed
    // rounds above interleave them).
    drop(bare);
    let peak_of = |op: &mut dyn FnMut()| {
        reset_peak();
        op();
        status_kib("VmHWM:")
    };
    let peaks = [
        (
            BASE,
            peak_of(&mut || {
                let mut out = Vec::new();
                bare_write(&pre, &mut out).expect("DOT");
                black_box(out);
            }),
        ),
        (
            "dot: write_dot",
            peak_of(&mut || {
                let mut out = Vec::new();
                write_dot(&g, &opts, &mut out).expect("DOT");
                black_box(out);
            }),
        ),
        (
            "dot: graphviz-rust AST+print",
            peak_of(&mut || {
                black_box(dot_graph(&g, &opts).print(&mut PrinterContext::default()));
            }),
        ),
    ];
    for (op, p) in peaks {
        if let Some(r) = rows.iter_mut().find(|r| r.op == op) {
            r.peak_kib = p;
        }
    }

    let mut out = io::stdout().lock();
    let _ = writeln!(out, "peak-resettable\t{peak_resettable}");
    for r in rows {
        let _ = writeln!(
            out,
            "row\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.op,
            r.time.wall.as_nanos(),
            r.time.cpu.as_nanos(),
            r.baseline.unwrap_or("-"),
            r.reps,
            r.peak_kib.map_or("-".into(), |k| k.to_string()),
            r.bytes.map_or("-".into(), |b| b.to_string()),
        );
    }
}

fn fmt_time(ns: f64) -> String {
    if ns >= 1e9 {
        format!("{:.2} s", ns / 1e9)
    } else if ns >= 1e6 {
        format!("{:.1} ms", ns / 1e6)
    } else {
        format!("{:.0} µs", ns / 1e3)
    }
}

fn fmt_size(bytes: f64) -> String {
    if bytes >= 1024.0 * 1024.0 * 1024.0 {
        format!("{:.2} GiB", bytes / (1024.0 * 1024.0 * 1024.0))
    } else if bytes >= 1024.0 * 1024.0 {
        format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
    } else {
        format!("{:.0} KiB", bytes / 1024.0)
    }
}

const USAGE: &str =
    "usage: cargo bench --bench core [-- --sizes 1000,10000 --min-time SECS | --write-json PATH N]";

fn main() {
    // `cargo bench` passes --bench; anything else unknown is a mistake.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut sizes = vec![1_000, 10_000, 100_000, 1_000_000];
    let mut min_time = Duration::from_secs(1);
    let mut i = 0;
    while i < args.len() {
        let value = |k: usize| {
            args.get(i + k)
                .unwrap_or_else(|| panic!("{} needs a value\n{USAGE}", args[i]))
                .clone()
        };
        match args[i].as_str() {
            "--sizes" => {
                sizes = value(1)
                    .split(',')
                    .map(|s| s.trim().parse().expect("a size"))
                    .collect();
                i += 2;
            }
            "--min-time" => {
                min_time = Duration::from_secs_f64(value(1).parse().expect("seconds"));
                i += 2;
            }
            "--write-json" => {
                let (path, n) = (value(1), value(2).parse().expect("a node count"));
                let g = build(&synthetic(n));
                argraph::json::save(&g, &path).expect("saved");
                eprintln!(
                    "wrote {path}: {} nodes, {} edges",
                    g.node_count(),
                    g.edge_count()
                );
                return;
            }
            "--child" => {
                child(value(1).parse().expect("a size"), min_time);
                return;
            }
            other => panic!("unknown argument {other:?}\n{USAGE}"),
        }
    }

    let exe = std::env::current_exe().expect("own path");
    println!(
        "argraph core benchmark (release): medians of >= 3 runs and >= {:.1} s per operation.",
        min_time.as_secs_f64()
    );
    println!("wall = elapsed time; cpu = this thread's CPU time (not counting time other processes took).");
    println!(
        "× base: ratio to the bare write! loop producing the same bytes, run interleaved with it."
    );
    println!("peak = VmHWM of the size's own process, reset before each operation (resident memory, graph included).\n");
    let header = format!(
        "{:>9} {:>9}  {:<30} {:>10} {:>10} {:>7} {:>7} {:>6} {:>10} {:>10}",
        "nodes",
        "edges",
        "operation",
        "wall",
        "cpu",
        "×base",
        "×base",
        "runs",
        "peak RSS",
        "output"
    );
    println!("{header}");
    println!(
        "{:>9} {:>9}  {:<30} {:>10} {:>10} {:>7} {:>7} {:>6} {:>10} {:>10}",
        "", "", "", "median", "median", "wall", "cpu", "", "", ""
    );
    for &n in &sizes {
        let out = Command::new(&exe)
            .args([
                "--child",
                &n.to_string(),
                "--min-time",
                &min_time.as_secs_f64().to_string(),
            ])
            .output()
            .expect("child runs");
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
            panic!("size {n} failed");
        }
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let rows: Vec<Vec<&str>> = text
            .lines()
            .filter_map(|l| l.strip_prefix("row\t"))
            .map(|l| l.split('\t').collect())
            .collect();
        let find = |op: &str| rows.iter().find(|r| r[0] == op).expect("baseline row");
        let mut max_peak = 0u64;
        for r in &rows {
            let (wall, cpu): (f64, f64) = (r[1].parse().unwrap(), r[2].parse().unwrap());
            let (wall_x, cpu_x) = match r[3] {
                "-" => (String::new(), String::new()),
                base => {
                    let b = find(base);
                    (
                        format!("{:.2}×", wall / b[1].parse::<f64>().unwrap()),
                        format!("{:.2}×", cpu / b[2].parse::<f64>().unwrap()),
                    )
                }
            };
            if let Ok(k) = r[5].parse::<u64>() {
                max_peak = max_peak.max(k);
            }
            println!(
                "{:>9} {:>9}  {:<30} {:>10} {:>10} {:>7} {:>7} {:>6} {:>10} {:>10}",
                n,
                3 * n,
                r[0],
                fmt_time(wall),
                fmt_time(cpu),
                wall_x,
                cpu_x,
                r[4],
                r[5].parse::<f64>()
                    .map_or(String::new(), |k| fmt_size(k * 1024.0)),
                r[6].parse::<f64>().map_or(String::new(), fmt_size),
            );
        }
        println!(
            "{:>9} {:>9}  {:<30} {:>10} {:>10} {:>7} {:>7} {:>6} {:>10}\n",
            n,
            3 * n,
            "peak of the process",
            "",
            "",
            "",
            "",
            "",
            fmt_size(max_peak as f64 * 1024.0)
        );
    }
}
