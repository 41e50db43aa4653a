//! The crate's layers, kept true: reads `src/`, finds every module a module
//! refers to (`use` and paths through `crate::`, `super::`, `self::`; not
//! comments, not `#[cfg(test)]` blocks), and fails when a layer reaches one
//! it may not, or when two modules refer to each other through a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Which layers each layer may use, besides itself. The whole table: a new
/// module must be placed here before it can be used.
const ALLOWED: &[(&str, &[&str])] = &[
    ("error", &[]),
    ("vocabulary", &["error"]),
    ("file", &["error"]),
    ("overlay", &[]),
    ("model", &["error", "vocabulary"]),
    ("report", &["model", "vocabulary"]),
    ("json", &["model", "error", "vocabulary", "file", "report"]),
    ("aif", &["model", "error", "vocabulary", "file", "report"]),
    (
        "argdown",
        &["model", "error", "vocabulary", "file", "report"],
    ),
    (
        "graphml",
        &["model", "error", "vocabulary", "file", "report"],
    ),
    // ICCMA files hold abstract frameworks, which reason owns.
    ("iccma", &["reason", "error", "vocabulary", "file"]),
    ("io", &[]),
    ("reason", &["model", "error", "vocabulary", "overlay"]),
    (
        "render",
        &["model", "error", "vocabulary", "file", "overlay"],
    ),
    // The wiring: the only layer that may join the others.
    (
        "convert",
        &[
            "model",
            "error",
            "vocabulary",
            "file",
            "report",
            "json",
            "aif",
            "argdown",
            "graphml",
            "iccma",
            "reason",
            "render",
            "io",
        ],
    ),
];

/// A module path, `""` for the crate root.
type Module = String;

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts.join("::")
}

/// The layer a module belongs to: its first segment, or for `io::x` the
/// format `x`.
fn layer_of(module: &str) -> &str {
    let mut segs = module.split("::");
    match (segs.next(), segs.next()) {
        (Some("io"), Some(format)) => format,
        (Some(first), _) => first,
        (None, _) => "",
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().unwrap() != "bin" {
                rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments, string literals and its
/// `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    if !escaped && c == '"' {
                        break;
                    }
                    escaped = !escaped && c == '\\';
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap().trim().to_string()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// Every path the code names that starts at `crate`, `super` or `self`.
fn paths_in(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let boundary = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let end = rest[at..].find(';').map_or(rest.len(), |e| at + e);
        if boundary {
            paths.extend(expand(&rest[at + 4..end]));
        }
        rest = &rest[(at + 4).min(end)..];
    }
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b':') {
                continue;
            }
            let len = code[at..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(code.len() - at);
            // `crate::a::{b, c}`: the `use` expansion has the full paths.
            if code[at + len..].starts_with('{') {
                continue;
            }
            paths.push(code[at..at + len].trim_end_matches(':').to_string());
        }
    }
    paths
}

/// The module a path lands in, seen from `from`; `None` for paths outside
/// the crate.
fn resolve(from: &str, path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let mut segs = path.split("::").map(str::trim).filter(|s| !s.is_empty());
    let mut at: Vec<&str> = match segs.next()? {
        "crate" => Vec::new(),
        "self" => from.split("::").filter(|s| !s.is_empty()).collect(),
        "super" => {
            let mut v: Vec<&str> = from.split("::").filter(|s| !s.is_empty()).collect();
            v.pop();
            v
        }
        _ => return None,
    };
    for seg in segs {
        if seg == "super" {
            at.pop();
            continue;
        }
        let mut next = at.clone();
        next.push(seg);
        if modules.contains(&next.join("::")) {
            at = next;
        } else {
            break;
        }
    }
    Some(at.join("::"))
}

fn crate_modules() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut uses = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let code = code_of(&fs::read_to_string(file).unwrap());
        let targets = paths_in(&code)
            .iter()
            .filter_map(|p| resolve(&module, p, &modules))
            .filter(|t| *t != module)
            .collect();
        uses.insert(module, targets);
    }
    uses
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut broken = Vec::new();
    for (module, targets) in crate_modules() {
        let layer = layer_of(&module);
        if layer.is_empty() {
            continue; // lib.rs: the facade re-exports everything
        }
        let Some(may) = allowed.get(layer) else {
            broken.push(format!("{module}: layer {layer:?} is not in the table"));
            continue;
        };
        for target in targets {
            let to = layer_of(&target);
            if to != layer && !to.is_empty() && !may.contains(&to) {
                broken.push(format!("{module} uses {target} ({layer} -> {to})"));
            }
            if to.is_empty() {
                broken.push(format!(
                    "{module} uses the crate root; name the module instead"
                ));
            }
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn no_module_reaches_itself_through_others() {
    // A module using its own ancestors' items (`super::X`, a facade's
    // re-exports) is how Rust modules are built, not a cycle.
    let is_ancestor = |a: &str, m: &str| a.is_empty() || m.starts_with(&format!("{a}::"));
    let uses: BTreeMap<Module, Vec<Module>> = crate_modules()
        .into_iter()
        .map(|(m, ts)| {
            let ts = ts.into_iter().filter(|t| !is_ancestor(t, &m)).collect();
            (m, ts)
        })
        .collect();
    let mut cycles = Vec::new();
    for start in uses.keys() {
        // Depth-first search for a path back to `start`.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((module, trail)) = stack.pop() {
            for next in uses.get(&module).into_iter().flatten() {
                if next == start {
                    cycles.push(format!("{} -> {start}", trail.join(" -> ")));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_scanner_sees_grouped_and_nested_imports() {
    let code = code_of(
        "use crate::a::{b, c::{d, e as f}};\n// use crate::z;\nfn x() { super::g::h(); }\n",
    );
    let mut paths = paths_in(&code);
    paths.sort();
    assert_eq!(
        paths,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "super::g::h"
        ]
    );
    let modules: BTreeSet<Module> = ["a", "a::c", "g"].map(String::from).into();
    assert_eq!(
        resolve("a::c", "super::super::g::h", &modules).as_deref(),
        Some("g")
    );
    assert_eq!(
        resolve("a", "crate::a::c::d", &modules).as_deref(),
        Some("a::c")
    );
    assert_eq!(resolve("a", "std::fs", &modules), None);
}
