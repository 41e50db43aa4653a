//! Converting between formats: the [`Format`]s argraph reads and writes,
//! how a file's format is found (its extension, or its content for
//! `.json`), and the [`Report`] of what a conversion did not carry over one
//! to one.
//!
//! | format | name | extension | read | write |
//! |---|---|---|---|---|
//! | argraph JSON v1 | `argraph` | `.json` (by content) | yes | yes |
//! | AIF JSON, AIFdb shape | `aif` | `.json` (by content), `.aif`, `.aif.json` | yes | yes |
//! | AIF JSON, OVA3 wrapper | `ova` | `.json` (by content), `.ova.json` | yes | yes |
//! | Argdown text, or the JSON `argdown json` writes | `argdown` | `.argdown`, `.ad`; `.json` (by content) | yes | yes (text) |
//! | GraphML (yEd, Gephi, Cytoscape) | `graphml` | `.graphml` | no | yes |
//! | Graphviz DOT | `dot` | `.dot`, `.gv` | no | yes |
//! | ICCMA 2023 | `i23` | `.i23`, `.af` | yes | yes |
//! | ASPARTIX (ICCMA 2015–2021) | `apx` | `.apx` | yes | yes |
//! | Trivial Graph Format (ICCMA 2015–2019) | `tgf` | `.tgf` | yes | yes |
//!
//! A `.json` output is argraph JSON unless a format is named (`.aif.json`
//! and `.ova.json` are AIF). Between two
//! ICCMA formats the framework is converted directly, without building an
//! [`ArgumentGraph`]; an ICCMA output of a rich graph is its Dung view
//! ([`crate::reason::dung_view`], bipolar supports, no framing); an ICCMA
//! input read as a rich graph has one claim per argument and one attack
//! per attack.
//!
//! ```
//! # fn main() -> argraph::Result<()> {
//! use argraph::convert::{self, Format};
//! let aif = br#"{"nodes": [{"nodeID": "1", "text": "It rains.", "type": "I"}], "edges": []}"#;
//! assert_eq!(Format::detect(aif)?, Format::Aif);
//! let imported = convert::read(aif, Format::Aif)?;
//! let mut graphml = Vec::new();
//! convert::write(&imported.graph, Format::GraphMl, &mut graphml)?;
//! assert!(String::from_utf8(graphml).unwrap().contains("It rains."));
//! # Ok(()) }
//! ```

use std::fmt;
use std::io::Write;
use std::path::Path;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::io::iccma::{self, IccmaFormat};
use crate::io::report::{Imported, Report};
use crate::model::{ArgumentGraph, NodeKind};
use crate::reason::ArgumentationFramework;
use crate::vocabulary::vocabulary;

vocabulary! {
    /// A file format `argraph convert` knows. Names are read in any case,
    /// with the aliases `json`, `aifdb`, `ova3`, `xaif`, `gv` and `af`.
    ///
    /// ```
    /// use argraph::convert::Format;
    /// assert_eq!("XAIF".parse::<Format>().unwrap(), Format::Ova);
    /// assert_eq!(Format::I23.to_string(), "i23");
    /// assert!("docx".parse::<Format>().is_err());
    /// ```
    #[non_exhaustive]
    Format, "format" ignore_case {
        /// argraph's own JSON, version 1 ([`crate::json`]).
        Argraph => "argraph" | "json",
        /// AIF JSON in AIFdb's shape ([`crate::aif`]).
        Aif => "aif" | "aifdb",
        /// AIF JSON in OVA3's wrapper ([`crate::aif`]).
        Ova => "ova" | "ova3" | "xaif",
        /// Argdown ([`crate::argdown`]): `.argdown` text, read and written,
        /// and the JSON that `argdown json` writes, read.
        Argdown => "argdown",
        /// GraphML ([`crate::graphml`]); write only.
        GraphMl => "graphml",
        /// Graphviz DOT ([`crate::render`]); write only.
        Dot => "dot" | "gv",
        /// ICCMA 2023's `p af N` format ([`crate::iccma`]).
        I23 => "i23" | "af",
        /// ASPARTIX facts `arg(a).` / `att(a,b).` ([`crate::iccma`]).
        Apx => "apx",
        /// Trivial Graph Format ([`crate::iccma`]).
        Tgf => "tgf",
    }
}

impl Format {
    /// A longer name for messages.
    pub fn description(self) -> &'static str {
        match self {
            Format::Argraph => "argraph JSON",
            Format::Aif => "AIF JSON (AIFdb)",
            Format::Ova => "AIF JSON (OVA3)",
            Format::Argdown => "Argdown",
            Format::GraphMl => "GraphML",
            Format::Dot => "Graphviz DOT",
            Format::I23 => "ICCMA i23",
            Format::Apx => "ICCMA apx",
            Format::Tgf => "ICCMA tgf",
        }
    }

    /// The ICCMA format this is, if it is one.
    pub fn iccma(self) -> Option<IccmaFormat> {
        match self {
            Format::I23 => Some(IccmaFormat::I23),
            Format::Apx => Some(IccmaFormat::Apx),
            Format::Tgf => Some(IccmaFormat::Tgf),
            _ => None,
        }
    }

    /// `true` if argraph reads this format.
    pub fn can_read(self) -> bool {
        !matches!(self, Format::GraphMl | Format::Dot)
    }

    /// `true` if argraph writes this format.
    pub fn can_write(self) -> bool {
        true
    }

    /// The format a file name implies, when its extension says it alone
    /// (`None` for `.json`, whose content decides, and for unknown
    /// extensions); `.aif.json` and `.ova.json` are AIF in its two shapes.
    ///
    /// ```
    /// use argraph::convert::Format;
    /// assert_eq!(Format::from_extension("map.graphml"), Some(Format::GraphMl));
    /// assert_eq!(Format::from_extension("map.json"), None);
    /// assert_eq!(Format::from_extension("map.ova.json"), Some(Format::Ova));
    /// ```
    pub fn from_extension(path: impl AsRef<Path>) -> Option<Format> {
        let path = path.as_ref();
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "json" {
            // `map.aif.json`, `map.ova.json`: AIF in JSON's extension.
            let inner = Path::new(path.file_stem()?).extension()?.to_str()?;
            return match inner.to_ascii_lowercase().as_str() {
                "aif" => Some(Format::Aif),
                "ova" => Some(Format::Ova),
                _ => None,
            };
        }
        match ext.as_str() {
            "graphml" => Some(Format::GraphMl),
            "dot" | "gv" => Some(Format::Dot),
            "aif" => Some(Format::Aif),
            "argdown" | "ad" => Some(Format::Argdown),
            "i23" | "af" => Some(Format::I23),
            "apx" => Some(Format::Apx),
            "tgf" => Some(Format::Tgf),
            _ => None,
        }
    }

    /// The format [`convert`] writes to `path` when none is named: the one
    /// its extension names, argraph JSON for `.json`, else `None`.
    ///
    /// ```
    /// use argraph::convert::Format;
    /// assert_eq!(Format::of_output("map.json"), Some(Format::Argraph));
    /// assert_eq!(Format::of_output("map.aif.json"), Some(Format::Aif));
    /// assert_eq!(Format::of_output("map.docx"), None);
    /// ```
    pub fn of_output(path: impl AsRef<Path>) -> Option<Format> {
        let path = path.as_ref();
        Format::from_extension(path).or_else(|| {
            let ext = path.extension().and_then(|e| e.to_str());
            ext.is_some_and(|e| e.eq_ignore_ascii_case("json"))
                .then_some(Format::Argraph)
        })
    }

    /// Tells argraph JSON, AIF (AIFdb or OVA) and Argdown JSON apart by
    /// their top-level keys, and content that is not JSON by the ICCMA
    /// formats' marks ([`IccmaFormat::sniff`]). O(input size) (the input is
    /// scanned once, without building anything).
    ///
    /// # Errors
    /// [`ErrorKind::Parse`] if the input starts as JSON but is not a JSON
    /// object, [`ErrorKind::InvalidInput`] if its keys match no format, or
    /// if it is neither JSON nor an ICCMA framework (saying what it looks
    /// like: XML, DOT, binary data).
    ///
    /// ```
    /// use argraph::convert::Format;
    /// assert_eq!(Format::detect(br#"{"argraph": 1, "nodes": []}"#).unwrap(), Format::Argraph);
    /// assert_eq!(Format::detect(br#"{"AIF": {"nodes": []}, "OVA": {}}"#).unwrap(), Format::Ova);
    /// assert_eq!(Format::detect(br#"{"statements": {}, "arguments": {}}"#).unwrap(), Format::Argdown);
    /// assert_eq!(Format::detect(br#"{"nodes": [], "edges": []}"#).unwrap(), Format::Aif);
    /// assert!(Format::detect(br#"{"hello": 1}"#).is_err());
    /// assert_eq!(Format::detect(b"p af 2\n1 2\n").unwrap(), Format::I23);
    /// assert!(Format::detect(b"<graphml/>").unwrap_err().to_string().contains("XML"));
    /// ```
    pub fn detect(bytes: &[u8]) -> Result<Format> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if !matches!(bytes.trim_ascii_start().first(), Some(b'{' | b'[')) {
            return Format::detect_framework(bytes);
        }
        // What argraph writes opens with its version: no need to read the
        // whole document (a tenth of `argraph dot`'s time on 10^5 nodes).
        if opens_with_argraph_version(bytes) {
            return Ok(Format::Argraph);
        }
        let probe: Probe = serde_json::from_slice(bytes)
            .map_err(|e| crate::model::data::json_error(e, bytes, "JSON"))?;
        if probe.argraph_version {
            Ok(Format::Argraph)
        } else if probe.wrapped_aif {
            Ok(Format::Ova)
        } else if probe.node_id || probe.locutions || (probe.nodes && probe.argraph_ext) {
            Ok(Format::Aif)
        } else if probe.argdown {
            Ok(Format::Argdown)
        } else if probe.node_kind {
            // argraph's nodes without the version key, which the argraph
            // reader reports precisely.
            Ok(Format::Argraph)
        } else if probe.nodes {
            Ok(Format::Aif)
        } else {
            Err(Error::new(ErrorKind::InvalidInput(
                "cannot tell the format from the content: expected argraph JSON (\"argraph\": 1), \
                 AIF (\"nodes\" with \"nodeID\", or \"AIF\": {…}) or Argdown JSON (\"statements\", \
                 \"arguments\"); name the format with --from"
                    .into(),
            )))
        }
    }
}

impl Format {
    /// The ICCMA format of content that is not JSON, or an error that says
    /// what the content looks like and which formats argraph reads.
    fn detect_framework(bytes: &[u8]) -> Result<Format> {
        let what = match IccmaFormat::sniff(bytes) {
            Ok(IccmaFormat::I23) => return Ok(Format::I23),
            Ok(IccmaFormat::Apx) => return Ok(Format::Apx),
            Ok(IccmaFormat::Tgf) => return Ok(Format::Tgf),
            Err(_) if bytes.trim_ascii().is_empty() => "empty",
            Err(_) => iccma::looks_like(bytes).unwrap_or("neither JSON nor an ICCMA framework"),
        };
        Err(Error::new(ErrorKind::InvalidInput(format!(
            "cannot tell the format from the content: it is {what}; argraph reads argraph, \
             AIF (AIFdb, OVA) and Argdown JSON and the ICCMA formats i23, apx and tgf (it \
             writes GraphML and DOT but does not read them); name the format with --from"
        ))))
    }
}

/// `true` if the JSON document's first key is `"argraph"` with a number
/// (AIF's `argraph` extension is an object): `{ "argraph": 1`. O(1).
fn opens_with_argraph_version(bytes: &[u8]) -> bool {
    let rest = bytes.trim_ascii_start();
    let Some(rest) = rest.strip_prefix(b"{") else {
        return false;
    };
    let Some(rest) = rest.trim_ascii_start().strip_prefix(b"\"argraph\"") else {
        return false;
    };
    let Some(rest) = rest.trim_ascii_start().strip_prefix(b":") else {
        return false;
    };
    rest.trim_ascii_start()
        .first()
        .is_some_and(u8::is_ascii_digit)
}

/// What the top-level keys of a JSON document say about its format.
#[derive(Default)]
struct Probe {
    argraph_version: bool,
    argraph_ext: bool,
    wrapped_aif: bool,
    nodes: bool,
    node_id: bool,
    node_kind: bool,
    locutions: bool,
    argdown: bool,
}

impl<'de> Deserialize<'de> for Probe {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Probe, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Probe;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Probe, A::Error> {
                let mut p = Probe::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "argraph" => match map.next_value::<serde_json::Value>()? {
                            serde_json::Value::Object(_) => p.argraph_ext = true,
                            _ => p.argraph_version = true,
                        },
                        "AIF" | "aif" => {
                            map.next_value::<IgnoredAny>()?;
                            p.wrapped_aif = true;
                        }
                        "nodes" => {
                            p.nodes = true;
                            let first = map.next_value::<FirstNode>()?;
                            p.node_id |= first.node_id;
                            p.node_kind |= first.kind;
                        }
                        "locutions" => {
                            map.next_value::<IgnoredAny>()?;
                            p.locutions = true;
                        }
                        "statements" | "arguments" => {
                            map.next_value::<IgnoredAny>()?;
                            p.argdown = true;
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(p)
            }
        }
        d.deserialize_map(V)
    }
}

/// Which keys the first node of an array has: AIF's `nodeID`, or
/// argraph's `kind`.
#[derive(Default)]
struct FirstNode {
    node_id: bool,
    kind: bool,
}

impl<'de> Deserialize<'de> for FirstNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Seq;
        impl<'de> Visitor<'de> for Seq {
            type Value = FirstNode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of nodes")
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<FirstNode, A::Error> {
                // The first entry as a value: whatever it is, the reader
                // of the format found says what is wrong with it.
                let first = seq.next_element::<serde_json::Value>()?;
                let has = |key: &str| {
                    first
                        .as_ref()
                        .and_then(serde_json::Value::as_object)
                        .is_some_and(|o| o.contains_key(key))
                };
                let found = FirstNode {
                    node_id: has("nodeID"),
                    kind: has("kind"),
                };
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(found)
            }
            fn visit_unit<E>(self) -> std::result::Result<FirstNode, E> {
                Ok(FirstNode::default())
            }
        }
        d.deserialize_any(Seq)
    }
}

/// Reads a graph in `format` from bytes.
///
/// # Errors
/// The reader's errors; [`ErrorKind::InvalidInput`] for a format argraph
/// only writes, and when the input held records but none became a node
/// of the graph (see [`Report::input_records`]).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::convert::{self, Format};
/// let dialogue = br#"{"nodes": [{"nodeID": "1", "text": "Bob: it rains", "type": "L"}]}"#;
/// assert!(convert::read(dialogue, Format::Aif).is_err()); // nothing of it is kept
/// let imported = convert::read(b"p af 2\n1 2\n", Format::I23)?;
/// assert_eq!(imported.graph.attackers("2").next().unwrap().id(), "1");
/// assert!(convert::read(b"digraph {}", Format::Dot).is_err()); // written, not read
/// # Ok(()) }
/// ```
pub fn read(bytes: &[u8], format: Format) -> Result<Imported> {
    match format {
        Format::Argraph => Ok(Imported {
            graph: crate::io::json::from_slice(bytes)?,
            report: Report::new(),
        }),
        Format::Aif | Format::Ova => {
            kept_something(crate::io::aif::from_slice(bytes)?, format.description())
        }
        Format::Argdown => {
            // The export is JSON (an object); Argdown text is neither.
            let unmarked = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let json = unmarked.trim_ascii_start().starts_with(b"{")
                || serde_json::from_slice::<IgnoredAny>(unmarked).is_ok();
            if json {
                kept_something(crate::io::argdown::from_slice(bytes)?, "Argdown JSON")
            } else {
                kept_something(crate::io::argdown::text_from_slice(bytes)?, "Argdown")
            }
        }
        Format::GraphMl | Format::Dot => Err(Error::new(ErrorKind::InvalidInput(format!(
            "argraph writes {} but does not read it",
            format.description()
        )))),
        Format::I23 | Format::Apx | Format::Tgf => {
            let af = iccma::read(bytes, format.iccma().expect("an ICCMA format"))?;
            Ok(Imported {
                graph: graph_of(&af)?,
                report: Report::new(),
            })
        }
    }
}

/// Reads the graph file a command works on, in any format argraph reads:
/// the one its extension names (`.argdown`, `.aif`, `.aif.json`, `.i23`,
/// …), else the one its content shows ([`Format::detect`]: argraph, AIF or
/// Argdown JSON, ICCMA); the graph is
/// [validated](ArgumentGraph::validate). What a reader sets aside is not
/// reported here: [`open`] gives the [`Report`] too. O(input size).
///
/// # Errors
/// The reader's errors and the graph's problems, with the path; content
/// that is no format's gets the argraph JSON reader's error.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("map.argdown");
/// std::fs::write(&path, "[Gap]: Russia fills the gap.\n  + [Exit]: The US left.\n").unwrap();
/// let g = argraph::convert::load(&path)?;
/// assert_eq!(g.supporters("Gap").next().unwrap().id(), "Exit");
/// # Ok(()) }
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<ArgumentGraph> {
    open(path).map(|imported| imported.graph)
}

/// [`load`], with the [`Report`] of what the reader set aside, kept in
/// `data` or worked around (empty for argraph JSON, which carries
/// everything). O(input size).
///
/// # Errors
/// As [`load`].
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("map.aif");
/// std::fs::write(&path, r#"{"nodes": [{"nodeID": "1", "text": "Kabul fell", "type": "I"}],
///     "edges": [{"edgeID": "1", "fromID": "1", "toID": "9"}]}"#).unwrap();
/// let imported = argraph::convert::open(&path)?;
/// assert_eq!(imported.graph.node_count(), 1);
/// assert!(!imported.report.is_empty()); // the edge to no node is set aside
/// # Ok(()) }
/// ```
pub fn open(path: impl AsRef<Path>) -> Result<Imported> {
    let path = path.as_ref();
    let bytes = crate::file::read_file(path)?;
    let format = match Format::from_extension(path) {
        Some(f) if f.can_read() => f,
        // The argraph reader says best what is wrong with a file that is
        // no format's (and with argraph JSON of another version).
        _ => Format::detect(&bytes).unwrap_or(Format::Argraph),
    };
    let imported = read(&bytes, format).map_err(|e| e.at_path(path))?;
    // The argraph JSON reader has validated already.
    if format != Format::Argraph {
        imported.graph.validate().map_err(|e| e.at_path(path))?;
    }
    Ok(imported)
}

/// Refuses a reading that kept nothing of an input that held records (a
/// dialogue-only AIF file, relations naming no statement): converting it
/// would write an empty graph and call it a success.
fn kept_something(imported: Imported, format: &str) -> Result<Imported> {
    // Records, or content besides them (locutions, layout, text) set aside.
    let records = imported
        .report
        .input_records()
        .max(imported.report.set_aside());
    if !imported.graph.is_empty() || records == 0 {
        return Ok(imported);
    }
    Err(Error::new(ErrorKind::InvalidInput(format!(
        "nothing of this {} document could be kept: its {records} record{} gave no node of the graph\n{}",
        format,
        if records == 1 { "" } else { "s" },
        imported.report
    ))))
}

/// A framework as a rich graph: one claim per argument (id and text: its
/// name), one attack (no subtype) per attack. O(n + m).
///
/// # Errors
/// None in practice: a framework's names are distinct and non-empty.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// let af = argraph::ArgumentationFramework::new(2, [(0, 1)])?;
/// let g = argraph::convert::graph_of(&af)?;
/// assert_eq!(g.attackers("2").next().unwrap().id(), "1");
/// # Ok(()) }
/// ```
pub fn graph_of(af: &ArgumentationFramework) -> Result<ArgumentGraph> {
    let mut g = ArgumentGraph::with_capacity(af.len(), af.attack_count());
    for a in 0..af.len() {
        let name = af.name(a);
        g.add_node(name.as_ref(), NodeKind::Claim, name.as_ref())?;
    }
    for (a, b) in af.attack_pairs() {
        g.attacks(&af.name(a), &af.name(b))?;
    }
    Ok(g)
}

/// What writing a rich graph's Dung view leaves out.
const S_DUNG: &str =
    "node kinds, texts, supports and frames (an ICCMA file holds the graph's Dung view: \
     its nodes as arguments, its direct attacks and those derived through supports)";
const S_NAMES: &str =
    "argument names (node ids), written as `# k name` comments, which argraph reads back and \
     other i23 readers skip (i23 numbers its arguments)";

/// Writes a graph in `format`, and reports what the format has no place for.
///
/// # Errors
/// The writer's errors; [`ErrorKind::InvalidInput`] for a format argraph
/// only reads.
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::convert::{self, Format};
/// let mut g = argraph::ArgumentGraph::new();
/// g.evidence("e", "E")?;
/// g.claim("c", "C")?;
/// g.attacks("e", "c")?;
/// let mut apx = Vec::new();
/// let report = convert::write(&g, Format::Apx, &mut apx)?;
/// assert!(String::from_utf8(apx).unwrap().contains("att(e,c)."));
/// assert!(report.set_aside() > 0); // kinds and texts have no place in apx
/// # Ok(()) }
/// ```
pub fn write<W: Write>(graph: &ArgumentGraph, format: Format, writer: W) -> Result<Report> {
    let mut report = write_format(graph, format, writer)?;
    // argraph JSON and AIF keep the dialogue layer; the others have no place for it.
    if let Some(d) = graph.dialogue() {
        if !matches!(format, Format::Argraph | Format::Aif | Format::Ova) {
            let records = d.nodes.len() + d.locutions.len() + d.participants.len();
            report.set_aside_n(S_DIALOGUE, records.max(1));
        }
    }
    Ok(report)
}

/// What writing a graph's dialogue layer to a format other than argraph
/// JSON and AIF leaves out.
const S_DIALOGUE: &str =
    "record of the dialogue layer (L, YA, TA nodes, locutions, participants, text), which this format has no place for";

fn write_format<W: Write>(graph: &ArgumentGraph, format: Format, mut writer: W) -> Result<Report> {
    match format {
        Format::Argraph => {
            crate::io::json::to_writer_pretty(graph, &mut writer)?;
            writer.write_all(b"\n")?;
            Ok(Report::new())
        }
        Format::Aif => crate::io::aif::to_writer(graph, crate::io::aif::Flavor::AifDb, writer),
        Format::Ova => crate::io::aif::to_writer(graph, crate::io::aif::Flavor::Ova, writer),
        Format::GraphMl => crate::io::graphml::to_writer(graph, writer),
        Format::Dot => {
            crate::render::write_dot(graph, &crate::render::DotOptions::new(), writer)?;
            Ok(Report::new())
        }
        Format::Argdown => crate::io::argdown::to_writer(graph, writer),
        Format::I23 | Format::Apx | Format::Tgf => {
            let view = crate::reason::dung_view(graph, crate::reason::SupportMode::Bipolar, None)?;
            let af = view.into_framework();
            iccma::write(&af, writer, format.iccma().expect("an ICCMA format"))?;
            let mut report = Report::new();
            report.set_aside_n(S_DUNG, graph.node_count());
            if format == Format::I23 && !af.is_numbered() {
                report.set_aside_n(S_NAMES, af.len());
            }
            Ok(report)
        }
    }
}

/// What [`convert`] carried: a rich graph, or (between two ICCMA formats)
/// an abstract framework.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum Content {
    /// A rich graph.
    Graph(ArgumentGraph),
    /// An abstract framework, converted without building a rich graph.
    Framework(ArgumentationFramework),
}

/// What [`convert`] did.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The format read.
    pub from: Format,
    /// The format written.
    pub to: Format,
    /// What was read (and written).
    pub content: Content,
    /// What reading set aside, kept in `data`, or worked around.
    pub read: Report,
    /// What writing could not express in the output format.
    pub written: Report,
}

impl Conversion {
    /// The rich graph read, unless the conversion went between two ICCMA formats.
    pub fn graph(&self) -> Option<&ArgumentGraph> {
        match &self.content {
            Content::Graph(g) => Some(g),
            Content::Framework(_) => None,
        }
    }
}

/// Reads `input` and writes it to `output`, in the formats given or else
/// found from the extensions (and from the content for a `.json` input).
/// The output is written by [`write_file`](crate::write_file): atomically,
/// so on any error (including invalid input) no output file is created or
/// changed; `-` is standard output (name the format with `to`); a device
/// or FIFO is written in place. O(input + output size).
///
/// # Errors
/// [`ErrorKind::InvalidInput`] when a format cannot be found or is not
/// readable/writable, or when `output` is the same file as `input`
/// ([`ensure_distinct`](crate::ensure_distinct)); the reader's errors, with
/// the input path; the writer's, with the output path.
///
/// ```no_run
/// # fn main() -> argraph::Result<()> {
/// let done = argraph::convert::convert("nodeset6064.json".as_ref(), "map.json".as_ref(), None, None)?;
/// eprintln!("read {} as {}\n{}", done.graph().map_or(0, |g| g.node_count()), done.from.description(), done.read);
/// # Ok(()) }
/// ```
pub fn convert(
    input: &Path,
    output: &Path,
    from: Option<Format>,
    to: Option<Format>,
) -> Result<Conversion> {
    crate::file::ensure_distinct(input, output)?;
    let to = to.or_else(|| Format::of_output(output)).ok_or_else(|| {
        Error::new(ErrorKind::InvalidInput(format!(
            "cannot tell the output format from {:?}; name it with --to",
            output.display().to_string()
        )))
    })?;
    if !to.can_write() {
        return Err(Error::new(ErrorKind::InvalidInput(format!(
            "argraph reads {} but does not write it",
            to.description()
        ))));
    }
    let from = from.or_else(|| Format::from_extension(input));
    // Framework to framework: streamed, no rich graph.
    if let (Some(f), Some(t)) = (from.and_then(Format::iccma), to.iccma()) {
        let af = iccma::read_path(input, Some(f))?;
        crate::file::write_file(output, |w| iccma::write(&af, w, t))?;
        let (from, content) = (from.expect("an ICCMA format"), Content::Framework(af));
        return Ok(Conversion {
            from,
            to,
            content,
            read: Report::new(),
            written: Report::new(),
        });
    }
    let bytes = crate::file::read_file(input)?;
    let from = match from {
        Some(f) => f,
        None => Format::detect(&bytes).map_err(|e| e.at_path(input))?,
    };
    let imported = read(&bytes, from).map_err(|e| e.at_path(input))?;
    drop(bytes);
    let mut written = Report::new();
    crate::file::write_file(output, |w| {
        written = write(&imported.graph, to, w)?;
        Ok(())
    })?;
    let content = Content::Graph(imported.graph);
    Ok(Conversion {
        from,
        to,
        content,
        read: imported.report,
        written,
    })
}

/// The most nodes a page gets explanations for: each node's explanation
/// under each framing is one evaluation, so a larger map's page would take
/// O(n² · framings) to make (`argraph explain` still explains any node).
pub const PAGE_EXPLAINED_UP_TO: usize = 500;

/// The views of the interactive page ([`render::write_page`](crate::render::write_page)):
/// `method` run with no framing and under each framing of the graph, each
/// view with its verdicts and, for an extension semantics on a map of at
/// most [`PAGE_EXPLAINED_UP_TO`] nodes, each node's explanation
/// ([`Evaluator::explain`](crate::reason::Evaluator::explain)). Reason and
/// render meet here, not in each other.
///
/// Cost: one evaluation per framing, plus one per node and framing for the
/// explanations.
///
/// # Errors
/// The evaluation's errors (complete, preferred and stable semantics
/// without the `sat` feature; a circle of supports under those semantics).
///
/// ```
/// # fn main() -> argraph::Result<()> {
/// use argraph::reason::Semantics;
/// let g = argraph::json::load("graphs/russia_afghanistan.json")?;
/// let views = argraph::convert::page_views(&g, Semantics::Grounded.into())?;
/// assert_eq!(views[0].name(), "No framing");
/// assert_eq!(views.len(), 1 + g.nodes_of_kind(argraph::NodeKind::Framing).count());
/// # Ok(()) }
/// ```
pub fn page_views(
    graph: &ArgumentGraph,
    method: crate::reason::Method,
) -> Result<Vec<crate::render::PageView>> {
    use crate::reason::{Evaluator, Method};
    use crate::render::PageView;
    let framings = graph.nodes_of_kind(NodeKind::Framing);
    let readings = std::iter::once(None).chain(framings.map(|f| Some((f.id(), f.label()))));
    let explained = matches!(method, Method::Dung(_)) && graph.node_count() <= PAGE_EXPLAINED_UP_TO;
    let mut views = Vec::new();
    for reading in readings {
        let mut evaluator = Evaluator::new(graph);
        evaluator.semantics(method);
        let name = match reading {
            Some((id, label)) => {
                evaluator.framing(id);
                label.unwrap_or(id).to_string()
            }
            None => "No framing".to_string(),
        };
        let mut view = PageView::new(name, evaluator.run()?.overlay());
        if let Some((id, _)) = reading {
            view.framing(id);
        }
        if explained {
            for n in graph.nodes() {
                view.explanation(n.id(), evaluator.explain(n.id())?.to_string());
            }
        }
        views.push(view);
    }
    Ok(views)
}
