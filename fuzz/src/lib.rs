//! The properties the fuzz targets check, shared so that every reader is
//! held to the same standard. Only argraph's public API is used, and no
//! message wording is relied on: other work changes the messages.

pub mod dot;

use argraph::iccma::{self, IccmaFormat};
use argraph::{ArgumentGraph, ArgumentationFramework, EdgeKind, Error, ErrorKind, NodeKind};

/// Larger frameworks and graphs skip the cross-format round trips: their
/// cost grows with the size, their coverage does not.
pub const ROUND_TRIP_LIMIT: usize = 4096;

/// An error from reading `input` (held in memory) says what is wrong, and a
/// parse error points inside the input: line in `1..=lines`, column at most
/// one past the end of that line (columns may count bytes or characters;
/// 0 is serde_json's "before the first character").
pub fn check_read_error(err: &Error, input: &[u8]) {
    let shown = err.to_string();
    assert!(!shown.trim().is_empty(), "an error says something");
    match err.kind() {
        ErrorKind::Parse {
            line,
            column,
            message,
            ..
        } => {
            assert!(
                !message.trim().is_empty(),
                "a parse error has a message: {shown}"
            );
            let lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
            assert!(
                (1..=lines.len()).contains(line),
                "a parse error's line is in 1..={}: {shown}",
                lines.len()
            );
            let length = lines[line - 1].len();
            assert!(
                *column <= length + 1,
                "a parse error's column is at most {} on line {line}: {shown}",
                length + 1
            );
        }
        ErrorKind::Invalid(problems) => {
            assert!(
                !problems.is_empty(),
                "an Invalid error lists its problems: {shown}"
            );
            for problem in problems {
                assert!(
                    !problem.message().trim().is_empty(),
                    "a problem says what: {shown}"
                );
            }
        }
        ErrorKind::Io(e) => assert!(
            matches!(
                e.kind(),
                std::io::ErrorKind::OutOfMemory | std::io::ErrorKind::InvalidData
            ),
            "reading from memory fails only because of the input: {shown}"
        ),
        ErrorKind::GraphvizNotFound | ErrorKind::Graphviz { .. } => {
            panic!("a reader does not run Graphviz: {shown}")
        }
        // UnsupportedVersion, InvalidInput, and kinds added later.
        _ => {}
    }
}

/// A graph a reader returned is valid, writes as argraph JSON and reads
/// back equal, and draws as DOT.
pub fn check_graph(graph: &ArgumentGraph) {
    if let Err(e) = graph.validate() {
        panic!("a graph that reads is valid, but: {e}");
    }
    let text = argraph::json::to_string_pretty(graph).expect("a graph writes to a String");
    let back = argraph::json::from_str(&text)
        .unwrap_or_else(|e| panic!("argraph JSON that argraph wrote reads back, but: {e}\n{text}"));
    assert_eq!(back, *graph, "argraph JSON round trip\n{text}");
    let dot = argraph::render::dot_string(graph, &argraph::render::DotOptions::new());
    assert!(dot.trim_end().ends_with('}'), "DOT ends its graph");
}

/// `graph` written as AIF of `flavor` reads back as the same graph (the
/// `"argraph"` extension keys carry what AIF has no place for), but for
/// the README's two exceptions: frames edges come back after the others,
/// grouped by framing; parallel edges into or out of an argument node come
/// back as one.
pub fn check_aif_round_trip(graph: &ArgumentGraph, flavor: argraph::aif::Flavor) {
    let mut out = Vec::new();
    argraph::aif::to_writer(graph, flavor, &mut out).expect("AIF writes to memory");
    let back = argraph::aif::from_slice(&out)
        .unwrap_or_else(|e| {
            panic!(
                "AIF ({flavor:?}) that argraph wrote reads back, but: {e}\n{}",
                String::from_utf8_lossy(&out)
            )
        })
        .graph;
    let how = format!("argraph -> AIF ({flavor:?}) -> argraph");
    assert_eq!(back.title(), graph.title(), "{how}: title");
    assert_eq!(
        back.description(),
        graph.description(),
        "{how}: description"
    );
    assert_eq!(back.sources(), graph.sources(), "{how}: sources");
    assert!(
        back.nodes().eq(graph.nodes()),
        "{how}: nodes\n{back:?}\n{graph:?}"
    );
    let edges = |g: &ArgumentGraph| -> Vec<(String, String, argraph::Edge)> {
        let key = |e: &argraph::EdgeRef| {
            (
                e.from().id().to_string(),
                e.to().id().to_string(),
                e.edge().clone(),
            )
        };
        let mut frames: Vec<_> = g.edges().filter(|e| e.kind() == EdgeKind::Frames).collect();
        frames.sort_by_key(|e| g.node_index(e.from().id()));
        let others = g.edges().filter(|e| e.kind() != EdgeKind::Frames);
        others.chain(frames).map(|e| key(&e)).collect()
    };
    if has_parallel_edges_at_arguments(graph) {
        let ends = |g: &ArgumentGraph| {
            let mut ends: Vec<_> = edges(g)
                .into_iter()
                .map(|(a, b, e)| (a, b, e.kind()))
                .collect();
            ends.sort_unstable();
            ends.dedup();
            ends
        };
        assert_eq!(
            ends(&back),
            ends(graph),
            "{how}: edges (parallel ones as one)"
        );
    } else {
        assert_eq!(
            edges(&back),
            edges(graph),
            "{how}: edges (frames last, by framing)"
        );
    }
}

/// Whether two edges join the same two nodes, one of them an argument.
fn has_parallel_edges_at_arguments(graph: &ArgumentGraph) -> bool {
    let mut seen = std::collections::HashSet::new();
    graph.edges().any(|e| {
        let at_argument =
            e.from().kind() == NodeKind::Argument || e.to().kind() == NodeKind::Argument;
        !seen.insert((e.from().id(), e.to().id())) && at_argument
    })
}

/// A framework is consistent: every attack's ends are arguments, the
/// attackers are the transpose of the targets, names are unique.
pub fn check_framework(af: &ArgumentationFramework) {
    let n = af.len();
    let mut attacks = 0;
    for a in 0..n {
        for &b in af.targets(a) {
            assert!((b as usize) < n, "attack {a} -> {b} ends inside 0..{n}");
            assert!(
                af.attackers(b as usize).contains(&(a as u32)),
                "{a} attacks {b} both ways round"
            );
            assert!(af.attacks(a, b as usize));
        }
        attacks += af.targets(a).len();
        assert_eq!(
            af.index_of(&af.name(a)),
            Some(a),
            "argument {a}'s name leads back to it"
        );
    }
    assert_eq!(attacks, af.attack_count());
    let incoming: usize = (0..n).map(|a| af.attackers(a).len()).sum();
    assert_eq!(incoming, attacks);
}

/// The attacks of `af` as sorted index pairs.
fn sorted_attacks(af: &ArgumentationFramework) -> Vec<(usize, usize)> {
    let mut pairs: Vec<_> = af.attack_pairs().collect();
    pairs.sort_unstable();
    pairs
}

/// Same arguments (by position; by name too when `names`), same attacks.
pub fn assert_same_framework(
    a: &ArgumentationFramework,
    b: &ArgumentationFramework,
    names: bool,
    how: &str,
) {
    assert_eq!(a.len(), b.len(), "{how}: argument count");
    if names {
        for i in 0..a.len() {
            assert_eq!(a.name(i), b.name(i), "{how}: name of argument {i}");
        }
    }
    assert_eq!(sorted_attacks(a), sorted_attacks(b), "{how}: attacks");
}

/// `af`, read from `from`, written in `to` and read back, is the same
/// framework (names are kept by apx and tgf; i23 numbers the arguments).
/// A writer may refuse (apx and tgf cannot write every name) only with
/// `InvalidInput`, and never when `to == from`: what a format reads, it
/// writes.
pub fn check_iccma_round_trip(af: &ArgumentationFramework, from: IccmaFormat, to: IccmaFormat) {
    let mut out = Vec::new();
    if let Err(e) = iccma::write(af, &mut out, to) {
        assert!(to != from, "what {from} reads, {to} writes, but: {e}");
        assert!(
            matches!(e.kind(), ErrorKind::InvalidInput(_)),
            "{to} refuses a framework only for its names: {e}"
        );
        return;
    }
    let back = iccma::read(&out[..], to).unwrap_or_else(|e| {
        panic!(
            "{to} that argraph wrote reads back, but: {e}\n{}",
            String::from_utf8_lossy(&out)
        )
    });
    let how = format!("{from} -> {to} -> argraph");
    assert_same_framework(af, &back, to != IccmaFormat::I23, &how);
    if to == from {
        assert_eq!(back, *af, "{how}: equal");
    }
}

/// The whole check of an ICCMA reader's result on `input`.
pub fn check_iccma(input: &[u8], format: IccmaFormat) {
    let af = match iccma::read(input, format) {
        Ok(af) => af,
        Err(e) => return check_read_error(&e, input),
    };
    check_round_trips(&af, format);
}

/// The framework's consistency and its round trips through every ICCMA
/// format (skipped past [`ROUND_TRIP_LIMIT`] arguments).
fn check_round_trips(af: &ArgumentationFramework, format: IccmaFormat) {
    if af.len() > ROUND_TRIP_LIMIT || af.attack_count() > ROUND_TRIP_LIMIT {
        return;
    }
    check_framework(af);
    for to in IccmaFormat::ALL {
        check_iccma_round_trip(af, format, *to);
    }
}
