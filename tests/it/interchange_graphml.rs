//! GraphML export: well-formed XML, every attribute declared and written.

use std::collections::HashMap;

use argraph::{graphml, ArgumentGraph, Provenance, Source};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Parses GraphML into (declared keys, nodes: id -> key -> value, edges:
/// (source, target, key -> value)); panics on malformed XML.
#[allow(clippy::type_complexity)]
fn parse(
    xml: &str,
) -> (
    Vec<(String, String, String)>,
    Vec<(String, HashMap<String, String>)>,
    Vec<(String, String, HashMap<String, String>)>,
) {
    let mut reader = Reader::from_str(xml);
    let mut keys = Vec::new();
    let mut nodes = Vec::new();
    let mut edges: Vec<(String, String, HashMap<String, String>)> = Vec::new();
    let mut current: Option<String> = None;
    let mut in_edge = false;
    let mut text = String::new();
    let attr = |e: &quick_xml::events::BytesStart, name: &str| {
        e.try_get_attribute(name).unwrap().map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                .unwrap()
                .into_owned()
        })
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Empty(e) if e.name().as_ref() == b"key" => keys.push((
                attr(&e, "for").unwrap(),
                attr(&e, "attr.name").unwrap(),
                attr(&e, "attr.type").unwrap(),
            )),
            Event::Start(e) => match e.name().as_ref() {
                b"node" => nodes.push((attr(&e, "id").unwrap(), HashMap::new())),
                b"edge" => {
                    in_edge = true;
                    edges.push((
                        attr(&e, "source").unwrap(),
                        attr(&e, "target").unwrap(),
                        HashMap::new(),
                    ));
                }
                b"data" => {
                    current = attr(&e, "key");
                    text.clear();
                }
                _ => {}
            },
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    "#13" => "\r",
                    "#9" => "\t",
                    "#10" => "\n",
                    other => panic!("unexpected reference {other}"),
                });
            }
            Event::End(e) => match e.name().as_ref() {
                b"data" => {
                    let key = current.take().unwrap();
                    if key.starts_with("g_") {
                        text.clear();
                        continue;
                    }
                    let map = if in_edge {
                        &mut edges.last_mut().unwrap().2
                    } else {
                        &mut nodes.last_mut().unwrap().1
                    };
                    map.insert(key, std::mem::take(&mut text));
                }
                b"edge" => in_edge = false,
                _ => {}
            },
            _ => {}
        }
    }
    (keys, nodes, edges)
}

#[test]
fn hostile_text_is_escaped_and_everything_is_declared() {
    let mut g = ArgumentGraph::new();
    g.set_title("T & <D>");
    g.add_source(Source::new("s", "S")).unwrap();
    let hostile = "</data><node id=\"x\"/> ]]> & \"q\" 'a' \r\n\t ok";
    g.claim("c\"<1>\t\n", hostile)
        .unwrap()
        .set_label("L")
        .set_weight(0.25)
        .unwrap()
        .add_tag("a")
        .add_tag("b");
    g.evidence("e", "control \u{1} char")
        .unwrap()
        .add_provenance(Provenance::new("s").with_locator("p. 3").with_quote("q"));
    g.node_mut("e")
        .unwrap()
        .set_data(serde_json::json!({"k": [1, 2]}));
    g.undermines("c\"<1>\t\n", "e")
        .unwrap()
        .set_label("weak")
        .set_weight(1.0)
        .unwrap();
    let mut out = Vec::new();
    let report = graphml::to_writer(&g, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    let (keys, nodes, edges) = parse(&xml);
    for (for_, name) in [
        ("node", "kind"),
        ("node", "text"),
        ("node", "label"),
        ("node", "weight"),
        ("node", "tags"),
        ("node", "provenance"),
        ("node", "data"),
        ("edge", "kind"),
        ("edge", "attack"),
        ("edge", "label"),
        ("edge", "weight"),
        ("edge", "data"),
    ] {
        assert!(
            keys.iter().any(|k| k.0 == for_ && k.1 == name),
            "{for_} {name} not declared"
        );
    }
    assert!(keys.iter().any(|k| k.1 == "weight" && k.2 == "double"));
    assert_eq!(nodes.len(), 2);
    let (id, c) = &nodes[0];
    assert_eq!(id, "c\"<1>\t\n");
    assert_eq!(c["n_text"], hostile);
    assert_eq!(
        (
            c["n_kind"].as_str(),
            c["n_label"].as_str(),
            c["n_weight"].as_str(),
            c["n_tags"].as_str()
        ),
        ("claim", "L", "0.25", "a, b")
    );
    let e = &nodes[1].1;
    assert_eq!(e["n_text"], "control \u{FFFD} char");
    assert_eq!(e["n_provenance"], "s, p. 3: “q”");
    assert_eq!(e["n_data"], r#"{"k":[1,2]}"#);
    assert_eq!(edges.len(), 1);
    assert_eq!(
        (edges[0].0.as_str(), edges[0].1.as_str()),
        ("c\"<1>\t\n", "e")
    );
    assert_eq!(
        (
            edges[0].2["e_kind"].as_str(),
            edges[0].2["e_attack"].as_str(),
            edges[0].2["e_weight"].as_str()
        ),
        ("attacks", "undermine", "1")
    );
    assert_eq!(report.warnings(), 1);
}

#[test]
fn seed_graph_exports_every_node_and_edge() {
    let g = argraph::json::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graphs/russia_afghanistan.json"
    ))
    .unwrap();
    let mut out = Vec::new();
    let report = graphml::to_writer(&g, &mut out).unwrap();
    assert!(report.is_empty());
    let (_, nodes, edges) = parse(&String::from_utf8(out).unwrap());
    assert_eq!(nodes.len(), g.node_count());
    assert_eq!(edges.len(), g.edge_count());
    for ((id, attrs), n) in nodes.iter().zip(g.nodes()) {
        assert_eq!(id, n.id());
        assert_eq!(attrs["n_text"], n.text());
        assert_eq!(attrs["n_kind"], n.kind().as_str());
    }
}

/// Graph data on lines of their own, edges numbered in order with their
/// data, every replaced character of the text counted, and an id with a
/// character XML cannot carry escaped (so that it stays distinct) and
/// counted.
#[test]
fn graph_data_edge_ids_and_replacements() {
    let mut g = ArgumentGraph::new();
    g.set_title("T").set_description("D\u{2}");
    g.claim("a\u{3}", "A").unwrap();
    g.claim("b", "B\u{4}\u{5}").unwrap();
    g.supports("a\u{3}", "b").unwrap();
    g.rebuts("b", "a\u{3}")
        .unwrap()
        .set_data(serde_json::json!({"z": 1, "a": "x"}));
    let mut out = Vec::new();
    let report = graphml::to_writer(&g, &mut out).unwrap();
    let xml = String::from_utf8(out).unwrap();
    assert!(xml.contains("\n    <data key=\"g_title\">T</data>\n    <data key=\"g_description\">D\u{FFFD}</data>\n    <node id=\"a\\u{3}\">"));
    assert!(xml.contains("<edge id=\"e0\" source=\"a\\u{3}\" target=\"b\">"));
    assert!(xml.contains(
        "<edge id=\"e1\" source=\"b\" target=\"a\\u{3}\"><data key=\"e_kind\">attacks</data><data key=\"e_attack\">rebut</data><data key=\"e_data\">{&quot;z&quot;:1,&quot;a&quot;:&quot;x&quot;}</data></edge>"
    ));
    // D and B twice replaced; the id a\u{3} escaped.
    assert_eq!(report.warnings(), 4);
    let (_, nodes, edges) = parse(&xml);
    assert_eq!((nodes.len(), edges.len()), (2, 2));
}
