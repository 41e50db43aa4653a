//! Measures how readable a layout is: how many pairs of edges cross, and how
//! big the drawing is, from the coordinates Graphviz's `dot` gives each edge.
//!
//! ```text
//! cargo run --example crossings                      # the seed, default options
//! argraph dot g.json --cluster none | cargo run --example crossings -- -
//! cargo run --example crossings -- g.dot
//! ```
//!
//! Each visible edge's spline (`pos`, cubic Bézier pieces and the arrow's
//! end point) is flattened into a polyline; two edges cross if any of their
//! segments cross properly. Edges that share an end node are not compared:
//! they meet at that node by design.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};

/// A point of the layout, in points (1/72 inch).
pub type Point = (f64, f64);

/// One drawn edge: its end nodes (Graphviz's object numbers) and its path.
#[derive(Clone, Debug)]
pub struct LaidEdge {
    /// The tail node.
    pub tail: u64,
    /// The head node.
    pub head: u64,
    /// The edge's path, as a polyline.
    pub path: Vec<Point>,
}

/// What the measure found.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measure {
    /// Pairs of edges (without a shared end node) that cross.
    pub crossings: usize,
    /// The drawing's width in points.
    pub width: f64,
    /// The drawing's height in points.
    pub height: f64,
}

impl Measure {
    /// The size of a PNG of the drawing at Graphviz's 96 dpi, in pixels.
    pub fn png_size(&self) -> (u64, u64) {
        let px = |pt: f64| (pt * 96.0 / 72.0).round() as u64;
        (px(self.width), px(self.height))
    }
}

/// Points along one cubic Bézier piece (without its start), `steps` of them.
fn flatten_cubic(p: [Point; 4], steps: usize, out: &mut Vec<Point>) {
    for i in 1..=steps {
        let t = i as f64 / steps as f64;
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        out.push((
            a * p[0].0 + b * p[1].0 + c * p[2].0 + d * p[3].0,
            a * p[0].1 + b * p[1].1 + c * p[2].1 + d * p[3].1,
        ));
    }
}

/// An edge's `pos` attribute (`[e,x,y] [s,x,y] x,y x,y …`, one start point
/// and three points per Bézier piece) as a polyline, from the start point (or
/// the arrow's tip at the tail) to the arrow's tip at the head.
pub fn polyline(pos: &str) -> Result<Vec<Point>, String> {
    let mut start = None;
    let mut end = None;
    let mut controls = Vec::new();
    for item in pos.split_whitespace() {
        let (tip, xy) = match item.split_once(',') {
            Some(("e", rest)) => (Some('e'), rest),
            Some(("s", rest)) => (Some('s'), rest),
            _ => (None, item),
        };
        let (x, y) = xy
            .split_once(',')
            .ok_or_else(|| format!("not a point: {item:?}"))?;
        let parse = |v: &str| v.parse::<f64>().map_err(|e| format!("{item:?}: {e}"));
        let point = (parse(x)?, parse(y)?);
        match tip {
            Some('e') => end = Some(point),
            Some(_) => start = Some(point),
            None => controls.push(point),
        }
    }
    if controls.is_empty() || (controls.len() - 1) % 3 != 0 {
        return Err(format!("not a spline (3n+1 points): {pos:?}"));
    }
    let mut path: Vec<Point> = start.into_iter().collect();
    path.push(controls[0]);
    for piece in controls.windows(4).step_by(3) {
        flatten_cubic([piece[0], piece[1], piece[2], piece[3]], 8, &mut path);
    }
    path.extend(end);
    Ok(path)
}

/// The signed area of the turn `a → b → c`.
fn cross(a: Point, b: Point, c: Point) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// `true` if segments `p1p2` and `q1q2` cross at a point inside both (a
/// touch or an overlap along a line does not count).
pub fn segments_cross(p1: Point, p2: Point, q1: Point, q2: Point) -> bool {
    let d1 = cross(q1, q2, p1);
    let d2 = cross(q1, q2, p2);
    let d3 = cross(p1, p2, q1);
    let d4 = cross(p1, p2, q2);
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// The bounding box of a path: min x, min y, max x, max y.
fn bounds(path: &[Point]) -> [f64; 4] {
    path.iter().fold(
        [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        |[x0, y0, x1, y1], &(x, y)| [x0.min(x), y0.min(y), x1.max(x), y1.max(y)],
    )
}

/// `true` if the two polylines cross anywhere.
pub fn paths_cross(a: &[Point], b: &[Point]) -> bool {
    a.windows(2)
        .any(|s| b.windows(2).any(|t| segments_cross(s[0], s[1], t[0], t[1])))
}

/// The pairs of edges that cross, leaving out pairs that share an end node.
/// O(m² · s²) for m edges of s segments, with a bounding-box test first.
pub fn count_crossings(edges: &[LaidEdge]) -> usize {
    let boxes: Vec<[f64; 4]> = edges.iter().map(|e| bounds(&e.path)).collect();
    let mut count = 0;
    for (i, a) in edges.iter().enumerate() {
        for (j, b) in edges.iter().enumerate().skip(i + 1) {
            let shares = [b.tail, b.head].contains(&a.tail) || [b.tail, b.head].contains(&a.head);
            let (p, q) = (boxes[i], boxes[j]);
            let apart = p[2] < q[0] || q[2] < p[0] || p[3] < q[1] || q[3] < p[1];
            if !shares && !apart && paths_cross(&a.path, &b.path) {
                count += 1;
            }
        }
    }
    count
}

/// The visible edges and the bounding box of `dot -Tjson` output.
pub fn parse_layout(json: &str) -> Result<(Vec<LaidEdge>, [f64; 4]), String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let bb: Vec<f64> = v["bb"]
        .as_str()
        .ok_or("no bounding box")?
        .split(',')
        .map(|n| n.parse::<f64>().map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let bb: [f64; 4] = bb.try_into().map_err(|_| "a bounding box of 4 numbers")?;
    let mut edges = Vec::new();
    for e in v["edges"].as_array().map_or(&[][..], |a| a.as_slice()) {
        if e["style"].as_str() == Some("invis") {
            continue;
        }
        let end = |key: &str| e[key].as_u64().ok_or(format!("an edge without {key}"));
        let pos = e["pos"].as_str().ok_or("an edge without pos")?;
        edges.push(LaidEdge {
            tail: end("tail")?,
            head: end("head")?,
            path: polyline(pos)?,
        });
    }
    Ok((edges, bb))
}

/// Lays `dot_source` out with `dot -Tjson`: the layout, as JSON text.
///
/// # Errors
/// If `dot` cannot run or fails.
pub fn layout_json(dot_source: &[u8]) -> Result<String, String> {
    let mut child = Command::new("dot")
        .arg("-Tjson")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run dot: {e}"))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = dot_source.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "writer panicked")?
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("dot failed: {}", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| e.to_string())
}

/// Lays `dot_source` out with `dot -Tjson` and measures the layout.
///
/// # Errors
/// If `dot` cannot run, fails, or writes what this cannot read.
pub fn measure(dot_source: &[u8]) -> Result<Measure, String> {
    let (edges, bb) = parse_layout(&layout_json(dot_source)?)?;
    Ok(Measure {
        crossings: count_crossings(&edges),
        width: bb[2] - bb[0],
        height: bb[3] - bb[1],
    })
}

/// The DOT of the seed graph under the default options.
pub fn seed_dot() -> argraph::Result<String> {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/russia_afghanistan.json");
    let g = argraph::json::load(seed)?;
    Ok(argraph::render::dot_string(
        &g,
        &argraph::render::DotOptions::new(),
    ))
}

fn main() {
    let source = match std::env::args().nth(1).as_deref() {
        None => seed_dot()
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Some("-") => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map(|_| buf)
                .map_err(|e| e.to_string())
        }
        Some(file) => std::fs::read(file).map_err(|e| format!("{file}: {e}")),
    };
    match source.and_then(|dot| measure(&dot)) {
        Ok(m) => {
            let (w, h) = m.png_size();
            println!(
                "{} crossing edge pairs; {:.0}x{:.0} pt ({w}x{h} px at 96 dpi)",
                m.crossings, m.width, m.height
            );
        }
        Err(err) => {
            eprintln!("crossings: {err}");
            std::process::exit(1);
        }
    }
}
