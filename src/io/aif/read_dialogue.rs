//! AIF's dialogue layer → [`Dialogue`]: the L, YA and TA nodes, the edges
//! that touch them, the `locutions` and `participants` records and OVA's
//! analysed text, kept as written. Nothing here runs for a document
//! without them.

use serde_json::Value;

use super::document::{text_chars, InputNodes, LocutionRecord, NodeType};
use crate::io::report::Report;
use crate::model::data::Data;
use crate::model::{id_text, Dialogue, DialogueEdge, DialogueKind, DialogueNode};

pub(super) const K_L: &str = "L (locution) node, kept in the dialogue layer";
pub(super) const K_YA: &str = "YA (illocution) node, kept in the dialogue layer";
pub(super) const K_TA: &str = "TA (transition) node, kept in the dialogue layer";
pub(super) const K_EDGE: &str =
    "edge of the dialogue structure (L, YA, TA nodes), kept in the dialogue layer";
pub(super) const K_LOCUTION: &str = "locutions entry (speaker, time), kept in the dialogue layer";
pub(super) const K_PARTICIPANT: &str = "participants entry, kept in the dialogue layer";
pub(super) const K_TEXT: &str =
    "characters of the analysed text (OVA \"text\"), kept in the dialogue layer";
pub(super) const W_PARTICIPANT: &str = "participants entry that is not an object (set aside)";
pub(super) const W_DANGLING: &str =
    "edge of the dialogue structure to a scheme node that is not kept under its id (set aside)";

/// The dialogue layer as it is read: its edges still by input position,
/// until the argument layer is known.
pub(super) struct DialogueRead {
    dialogue: Dialogue,
    /// Per edge of `dialogue.edges`: its ends, as positions in the input nodes.
    ends: Vec<(usize, usize)>,
}

impl DialogueRead {
    /// Moves the dialogue nodes' texts and fields out of `input`; names
    /// every node by its kept id (the `argraph` extension's id, which
    /// argraph's writer gives a node it had to renumber, else its AIF id).
    /// O(dialogue nodes + dialogue edges + records).
    pub(super) fn new(
        input: &mut InputNodes,
        edges: Vec<(usize, usize)>,
        locutions: Vec<LocutionRecord>,
        participants: Vec<Data>,
        text: Option<Value>,
        report: &mut Report,
    ) -> DialogueRead {
        let mut dialogue = Dialogue::default();
        let kept_id = |input: &InputNodes, j: usize| {
            let n = &input.nodes[j];
            let given = n.extension.as_ref().and_then(|x| x.id.clone());
            given.unwrap_or_else(|| n.id.clone())
        };
        for &j in &input.dialogue {
            let id = kept_id(input, j);
            let n = &mut input.nodes[j];
            let (kind, what) = match n.node_type {
                NodeType::L => (DialogueKind::Locution, K_L),
                NodeType::Ya => (DialogueKind::Illocution, K_YA),
                _ => (DialogueKind::Transition, K_TA),
            };
            report.kept_n(what, 1);
            let mut node = DialogueNode::new(id, kind, n.text.take().unwrap_or_default());
            node.aif = std::mem::take(&mut n.fields);
            dialogue.nodes.push(node);
        }
        dialogue.edges = edges
            .iter()
            .map(|&(a, b)| DialogueEdge::new(kept_id(input, a), kept_id(input, b)))
            .collect();
        report.kept_n(K_LOCUTION, locutions.len());
        dialogue.locutions = locutions
            .into_iter()
            .map(|r| {
                let mut fields = r.fields.0;
                // A node argraph renumbered is named by its kept id.
                let named = id_text(fields.get("nodeID")).and_then(|id| input.by_id.get(&id));
                if let Some(&j) = named {
                    let id = kept_id(input, j);
                    if id != input.nodes[j].id {
                        fields.insert("nodeID".into(), Value::String(id));
                    }
                }
                fields
            })
            .collect();
        for p in participants {
            match p.0 {
                Value::Object(o) => dialogue.participants.push(o),
                other => report.warn(W_PARTICIPANT, || other.to_string()),
            }
        }
        report.kept_n(K_PARTICIPANT, dialogue.participants.len());
        // `""` is what OVA (and argraph's OVA writer) write for no text.
        if let Some(t) = text.filter(|t| t.as_str() != Some("")) {
            report.kept_n(K_TEXT, text_chars(&t));
            dialogue.text = Some(t);
        }
        DialogueRead {
            dialogue,
            ends: edges,
        }
    }

    /// The layer, without the edges to a node of the argument layer that
    /// the writer could not name as they do: `named(j, id)` says whether
    /// input node `j` is written back with the id `id` (not so for an RA
    /// supporting itself or a PA missing a side, both set aside, or an
    /// S-node read as an edge whose `data.aif` lost its `nodeID`).
    pub(super) fn finish(
        self,
        named: impl Fn(usize, &str) -> bool,
        report: &mut Report,
    ) -> Dialogue {
        let DialogueRead { mut dialogue, ends } = self;
        let mut ends = ends.into_iter();
        dialogue.edges.retain(|e| {
            let (a, b) = ends.next().expect("one pair of ends per edge");
            let kept = named(a, &e.from) && named(b, &e.to);
            if !kept {
                report.warn(W_DANGLING, || format!("{:?} -> {:?}", e.from, e.to));
            }
            kept
        });
        report.kept_n(K_EDGE, dialogue.edges.len());
        dialogue
    }
}
