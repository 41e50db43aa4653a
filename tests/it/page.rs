//! The interactive page (`argraph render g.json -o g.html`): one offline
//! file whose SVG nodes carry their data, and which works in a real
//! browser: headless Chromium, driven by `page_browser.mjs` over the
//! DevTools protocol.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use argraph::reason::{Evaluator, Label};
use argraph::render::{self, DotOptions, Engine};
use argraph::{ArgumentGraph, EdgeKind, NodeKind};
use serde_json::Value;

use crate::common::{self, seed_path, stderr};

/// The seed's page, written by the CLI into `dir`.
fn seed_page(dir: &Path) -> (PathBuf, String) {
    let out = dir.join("seed.html");
    let seed = seed_path();
    let o = common::argraph(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(&out).unwrap();
    (out, page)
}

/// The JSON the page's script reads.
fn page_data(page: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"argraph-data\">";
    let start = page.find(open).expect("the data script") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).expect("the page data is JSON")
}

fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn page_nodes_and_edges_carry_their_data_attributes() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = seed_page(dir.path());
    let g = argraph::json::load(seed_path()).unwrap();
    for n in g.nodes() {
        let mut distinct: Vec<&str> = Vec::new();
        for p in n.provenance() {
            if !distinct.contains(&p.source.as_str()) {
                distinct.push(&p.source);
            }
        }
        let expected = format!(
            "class=\"node\" data-id=\"{}\" data-kind=\"{}\" data-tags=\"{}\" data-sources=\"{}\">",
            attr(n.id()),
            n.kind(),
            attr(&n.tags().join(" ")),
            attr(&distinct.join(" "))
        );
        assert_eq!(page.matches(&expected).count(), 1, "{expected}");
    }
    // Every supports and attacks edge is drawn and annotated; nothing else is.
    let annotated: BTreeSet<(String, String)> = page
        .split("class=\"edge\" data-from=\"")
        .skip(1)
        .map(|rest| {
            let (from, rest) = rest.split_once("\" data-to=\"").unwrap();
            let (to, _) = rest.split_once('"').unwrap();
            (from.to_string(), to.to_string())
        })
        .collect();
    for e in g.edges() {
        let pair = (e.from().id().to_string(), e.to().id().to_string());
        if e.edge().kind() != EdgeKind::Frames {
            assert!(annotated.contains(&pair), "{pair:?}");
        }
    }
    assert!(annotated
        .iter()
        .all(|(from, to)| g.edge_between(from, to).is_some()));
}

#[test]
fn page_is_one_file_that_fetches_nothing_and_holds_the_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    let (_, page) = seed_page(dir.path());
    for fetch in [
        "src=",
        "<link rel=\"stylesheet\"",
        "@import",
        "url(http",
        "fetch(",
    ] {
        assert!(!page.contains(fetch), "{fetch} in the page");
    }
    assert!(page.contains("<svg") && page.contains("</svg>"));
    assert!(!page.contains("<?xml") && !page.contains("<!DOCTYPE svg"));
    let g = argraph::json::load(seed_path()).unwrap();
    let data = page_data(&page);
    assert_eq!(data["nodes"].as_array().unwrap().len(), g.node_count());
    assert_eq!(data["edges"].as_array().unwrap().len(), g.edge_count());
    let framings: Vec<&str> = g.nodes_of_kind(NodeKind::Framing).map(|f| f.id()).collect();
    let views = data["views"].as_array().unwrap();
    assert_eq!(views.len(), 1 + framings.len());
    for (view, framing) in views
        .iter()
        .zip(std::iter::once(None).chain(framings.iter().map(Some)))
    {
        assert_eq!(view["framing"].as_str(), framing.copied());
        for (id, label) in labels(&g, framing.copied()) {
            assert_eq!(
                view["marks"][id.as_str()][1].as_str(),
                Some(mark_text(label)),
                "{id} under {framing:?}"
            );
            let why = view["explanations"][id.as_str()].as_str().unwrap();
            assert!(why.contains(&format!("{id} is {label}")), "{why}");
        }
    }
}

#[test]
fn render_format_html_writes_the_page_to_standard_output() {
    let seed = seed_path();
    let o = common::argraph(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        "-",
        "--format",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    let g = argraph::json::load(&seed).unwrap();
    assert_eq!(
        page_data(&page)["nodes"].as_array().unwrap().len(),
        g.node_count()
    );
    // The extension and --format must agree, as for images.
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    let o = common::argraph(&[
        "render",
        seed.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!svg.exists());
}

/// Text and ids that would close the data's `<script>` or an attribute.
#[test]
fn page_text_cannot_break_out_of_its_script_or_attributes() {
    let mut g = ArgumentGraph::new();
    let hostile_id = "a\"b&<c>\\d  e";
    g.claim(hostile_id, "</script><script>alert(1)</script><!-- x")
        .unwrap()
        .add_tag("tag\"><b>");
    g.claim("plain", "Plain.").unwrap();
    g.attacks(hostile_id, "plain").unwrap();
    let engines = if common::have_dot("page_text_cannot_break_out_of_its_script_or_attributes") {
        vec![Engine::Builtin, Engine::Dot]
    } else {
        vec![Engine::Builtin]
    };
    for engine in engines {
        let mut opts = DotOptions::new();
        opts.engine(engine);
        let mut page = Vec::new();
        render::write_page(&g, &opts, &[], &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert_eq!(page.matches("</script>").count(), 2, "{engine}");
        assert!(!page.contains("<script>alert"), "{engine}");
        let expected = format!(
            "data-id=\"{}\" data-kind=\"claim\" data-tags=\"{}\"",
            attr(hostile_id),
            attr("tag\"><b>")
        );
        assert!(page.contains(&expected), "{engine}: {expected}");
        assert!(
            page.contains(&format!(
                "data-from=\"{}\" data-to=\"plain\"",
                attr(hostile_id)
            )),
            "{engine}"
        );
        assert_eq!(page_data(&page)["nodes"][0]["id"], hostile_id);
    }
}

/// Grounded labels of every node under `framing`.
fn labels(g: &ArgumentGraph, framing: Option<&str>) -> Vec<(String, Label)> {
    let mut evaluator = Evaluator::new(g);
    if let Some(f) = framing {
        evaluator.framing(f);
    }
    let eval = evaluator.run().unwrap();
    g.nodes()
        .map(|n| {
            let label = eval.verdict(n.id()).unwrap().label().unwrap();
            (n.id().to_string(), label)
        })
        .collect()
}

fn mark_text(label: Label) -> &'static str {
    match label {
        Label::In => "✔ in",
        Label::Out => "✘ out",
        _ => "? undec",
    }
}

// The browser test.

/// Whether the browser test must run: CI (and `ARGRAPH_REQUIRE_BROWSER=1`)
/// installs Chromium and Node.js, so there a missing one is a failure.
fn browser_required() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
        || std::env::var_os("ARGRAPH_REQUIRE_BROWSER").is_some_and(|v| v == "1")
}

/// The first of `names` that runs with `--version`, or `$var` if set.
fn program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    names.iter().map(PathBuf::from).find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Chromium and Node.js, or `None` (a skip) when they are missing and not
/// required.
fn browser(test: &str) -> Option<(PathBuf, PathBuf)> {
    let chromium = program(
        "ARGRAPH_CHROMIUM",
        &[
            "chromium",
            "chromium-headless-shell",
            "chromium-browser",
            "google-chrome",
        ],
    );
    let node = program("ARGRAPH_NODE", &["node", "nodejs"]);
    match (chromium, node) {
        (Some(c), Some(n)) => Some((c, n)),
        (c, n) => {
            let missing = if c.is_none() { "Chromium" } else { "Node.js" };
            assert!(
                !browser_required() || c.is_some() && n.is_some(),
                "{test}: {missing} is required here (CI or ARGRAPH_REQUIRE_BROWSER=1) but was not \
                 found; apt-get install chromium-headless-shell nodejs, or set ARGRAPH_CHROMIUM"
            );
            eprintln!("{test}: skipped, {missing} is not installed");
            None
        }
    }
}

#[test]
fn page_works_in_headless_chromium() {
    let Some((chromium, node)) = browser("page_works_in_headless_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (page_path, _) = seed_page(dir.path());
    let g = argraph::json::load(seed_path()).unwrap();
    let clicked = "c-impose-policy";
    let framings: Vec<&str> = g.nodes_of_kind(NodeKind::Framing).map(|f| f.id()).collect();
    let shown_view = 1 + framings
        .iter()
        .position(|f| *f == "f-offensive-realism")
        .unwrap();
    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("page-browser");
    std::fs::create_dir_all(&shots).unwrap();
    let screenshot = shots.join("seed-page.png");
    let _ = std::fs::remove_file(&screenshot);
    let o = Command::new(&node)
        .arg(common::root().join("tests/it/page_browser.mjs"))
        .arg(&chromium)
        .arg(&page_path)
        .arg(&screenshot)
        .arg(clicked)
        .arg(shown_view.to_string())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let seen: Value = serde_json::from_slice(&o.stdout).unwrap();
    let strings = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };

    assert_eq!(seen["problems"], Value::Array(vec![]), "console errors");
    assert_eq!(seen["nodes"], g.node_count());
    assert_eq!(seen["zoomed"], true, "the wheel zooms");

    // Search: exactly the nodes whose id, label or text says "Taliban".
    let matching: BTreeSet<String> = g
        .nodes()
        .filter(|n| {
            [Some(n.id()), n.label(), Some(n.text())]
                .into_iter()
                .flatten()
                .any(|s| s.to_lowercase().contains("taliban"))
        })
        .map(|n| n.id().to_string())
        .collect();
    assert!(matching.len() > 5 && matching.len() < g.node_count());
    assert_eq!(strings(&seen["hits"]), matching);
    assert_eq!(seen["hitsText"], format!("{} matches", matching.len()));

    // A click shows the node's text and its sources' words.
    assert_eq!(
        strings(&seen["selected"]),
        BTreeSet::from([clicked.to_string()])
    );
    let node = g.node(clicked).unwrap();
    let details = seen["details"].as_str().unwrap();
    assert!(details.contains(node.text()), "{details}");
    let quotes: BTreeSet<String> = node
        .provenance()
        .iter()
        .filter_map(|p| Some(format!("“{}”", p.quote.as_deref()?)))
        .collect();
    assert!(!quotes.is_empty());
    assert_eq!(strings(&seen["quotes"]), quotes);
    for attacker in g.attackers(clicked) {
        assert!(details.contains(attacker.label().unwrap_or(attacker.text())));
    }
    // innerText shows the headings as styled: upper case.
    assert!(details.contains("VERDICT PER FRAMING"), "{details}");

    // Focus 1: the node and its neighbours.
    let mut near: BTreeSet<String> = BTreeSet::from([clicked.to_string()]);
    near.extend(g.incoming(clicked).map(|e| e.from().id().to_string()));
    near.extend(g.outgoing(clicked).map(|e| e.to().id().to_string()));
    assert_eq!(strings(&seen["focused"]), near);

    // The filters.
    let ids_where = |keep: &dyn Fn(&argraph::Node) -> bool| -> BTreeSet<String> {
        g.nodes()
            .filter(|n| keep(n))
            .map(|n| n.id().to_string())
            .collect()
    };
    let soviet = ids_where(&|n| n.has_tag("period:soviet-1979-1989"));
    assert!(!soviet.is_empty());
    assert_eq!(strings(&seen["tagged"]), soviet);
    let opinion = ids_where(&|n| n.provenance().iter().any(|p| p.source == "opinion"));
    assert_eq!(strings(&seen["fromSource"]), opinion);
    let not_evidence = ids_where(&|n| n.kind() != NodeKind::Evidence);
    assert_eq!(strings(&seen["withoutEvidence"]), not_evidence);

    // Each framing's verdicts, and their colours.
    let readings: Vec<Option<&str>> = std::iter::once(None)
        .chain(framings.iter().copied().map(Some))
        .collect();
    let mut fill_of: HashMap<&str, String> = HashMap::new();
    let mut changed = 0;
    for (i, framing) in readings.iter().enumerate() {
        let view = i.to_string();
        for (id, label) in labels(&g, *framing) {
            assert_eq!(
                seen["marks"][&view][&id],
                mark_text(label),
                "{id} under {framing:?}"
            );
            let fill = seen["fills"][&view][&id].as_str().unwrap().to_string();
            // One colour per verdict, the same in every view.
            let known = fill_of
                .entry(mark_text(label))
                .or_insert_with(|| fill.clone());
            assert_eq!(*known, fill, "{id} under {framing:?}");
            if seen["fills"]["0"][&id] != seen["fills"][&view][&id] {
                changed += 1;
            }
        }
    }
    assert!(changed > 0, "no framing recoloured any node");
    let colours: BTreeSet<&String> = fill_of.values().collect();
    assert!(
        colours.len() >= 2 && colours.len() == fill_of.len(),
        "{fill_of:?}"
    );
    assert!(seen["explanation"]
        .as_str()
        .unwrap()
        .contains("under f-offensive-realism"));

    let png = std::fs::read(&screenshot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    eprintln!(
        "page_works_in_headless_chromium: screenshot {}",
        screenshot.display()
    );
}
