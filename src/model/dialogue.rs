//! [`Dialogue`]: the dialogue layer of AIF+ that an argument graph may
//! carry beside its argument layer — locutions (L nodes), illocutions (YA
//! nodes, anchoring a statement or inference in what was said),
//! transitions (TA nodes, between locutions), the edges among them, and
//! the records that tie people, times and the analysed text to them.
//!
//! argraph's own model and reasoning do not use it; it is kept so that
//! AIF → argraph → AIF loses nothing. Ids are the original AIF ids, as
//! strings (`12` and `"12"` are one id). An edge end that is not a
//! dialogue node names a node of the argument layer: a node of the graph
//! by its id, or an AIF scheme node that argraph keeps elsewhere (an RA,
//! CA or MA read as an edge: the `nodeID` in the edge's `data.aif`; a PA:
//! the `nodeID` of its `data.aif_preferences` record).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::data;
use crate::vocabulary::vocabulary;

/// The dialogue layer of an argument graph: AIF+'s locutions (L nodes),
/// illocutions (YA nodes, anchoring a statement or inference in what was
/// said), transitions (TA nodes, between locutions), the edges among them,
/// and the records that tie people, times and the analysed text to them.
///
/// argraph's model and reasoning do not use it; it is kept so that AIF →
/// argraph → AIF loses nothing. Everything is kept as the source had it,
/// unknown fields included, in the source's order. Ids are the original
/// AIF ids, as strings (`12` and `"12"` are one id). An edge end that is
/// not a dialogue node names a node of the argument layer: a node of the
/// graph by its id, or an AIF scheme node that argraph keeps elsewhere (an
/// RA, CA or MA read as an edge: the `nodeID` in the edge's `data.aif`; a
/// PA: the `nodeID` of its `data.aif_preferences` record).
///
/// ```
/// use argraph::{Dialogue, DialogueEdge, DialogueKind, DialogueNode};
///
/// let mut d = Dialogue::default();
/// d.nodes.push(DialogueNode::new("L1", DialogueKind::Locution, "Ann : Sales fell."));
/// d.nodes.push(DialogueNode::new("Y1", DialogueKind::Illocution, "Asserting"));
/// d.edges.push(DialogueEdge::new("L1", "Y1"));
/// d.edges.push(DialogueEdge::new("Y1", "sales")); // a node of the graph
/// let said: Vec<&str> = d.locutions_anchoring("sales").map(|(_, l)| l.text.as_str()).collect();
/// assert_eq!(said, ["Ann : Sales fell."]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a dialogue section (an object)")]
#[non_exhaustive]
pub struct Dialogue {
    /// The L, YA and TA nodes.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "data::objects"
    )]
    pub nodes: Vec<DialogueNode>,
    /// The edges that touch a dialogue node (L → YA, YA → I, L → TA, …).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "data::objects"
    )]
    pub edges: Vec<DialogueEdge>,
    /// AIF's `locutions` records (`nodeID`, `personID`, `timestamp`, `start`,
    /// `end`, `source`, …), each as written.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "free_objects"
    )]
    pub locutions: Vec<Map<String, Value>>,
    /// OVA3's `participants` records (`participantID`, `firstname`,
    /// `surname`), each as written.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "free_objects"
    )]
    pub participants: Vec<Map<String, Value>>,
    /// OVA3's analysed `text` (a string, or an object such as `{"txt": …}`),
    /// as written.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "data::optional"
    )]
    pub text: Option<Value>,
}

vocabulary! {
    /// The type of a dialogue node, by its AIF node type.
    ///
    /// ```
    /// use argraph::DialogueKind;
    /// assert_eq!(DialogueKind::Transition.as_str(), "TA");
    /// assert_eq!("YA".parse::<DialogueKind>()?, DialogueKind::Illocution);
    /// # Ok::<(), argraph::Error>(())
    /// ```
    #[non_exhaustive]
    DialogueKind, "dialogue node type" {
        /// A locution (AIF `L`): something said, usually `"Speaker : words"`.
        Locution => "L",
        /// An illocution (AIF `YA`): the force (asserting, arguing, …) that
        /// anchors a node of the argument layer in a locution or transition.
        Illocution => "YA",
        /// A transition (AIF `TA`): one locution answering another.
        Transition => "TA",
    }
}

/// An L, YA or TA node.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a dialogue node (an object with \"id\", \"type\" and \"text\")"
)]
#[non_exhaustive]
pub struct DialogueNode {
    /// Its AIF `nodeID`.
    pub id: String,
    /// Its AIF type.
    #[serde(rename = "type")]
    pub kind: DialogueKind,
    /// Its AIF `text` (`""` when it had none).
    pub text: String,
    /// Its other AIF fields (`timestamp`, `scheme`, `schemeID`, unknown
    /// ones), in order.
    #[serde(
        default,
        skip_serializing_if = "Map::is_empty",
        deserialize_with = "free_object"
    )]
    pub aif: Map<String, Value>,
}

impl DialogueNode {
    /// A node without other fields.
    pub fn new(id: impl Into<String>, kind: DialogueKind, text: impl Into<String>) -> DialogueNode {
        DialogueNode {
            id: id.into(),
            kind,
            text: text.into(),
            aif: Map::new(),
        }
    }
}

/// An edge touching a dialogue node, by the ids of its ends.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a dialogue edge (an object with \"from\" and \"to\")"
)]
#[non_exhaustive]
pub struct DialogueEdge {
    /// The id it starts at.
    pub from: String,
    /// The id it ends at.
    pub to: String,
}

impl DialogueEdge {
    /// An edge `from` → `to`.
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> DialogueEdge {
        DialogueEdge {
            from: from.into(),
            to: to.into(),
        }
    }
}

impl Dialogue {
    /// `true` if it holds nothing.
    ///
    /// ```
    /// assert!(argraph::Dialogue::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
            && self.edges.is_empty()
            && self.locutions.is_empty()
            && self.participants.is_empty()
            && self.text.is_none()
    }

    /// The dialogue node with this id, if any. O(nodes).
    pub fn node(&self, id: &str) -> Option<&DialogueNode> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// What anchors the node `id` of the argument layer in the dialogue:
    /// each illocution (YA) with an edge to `id`, with each locution or
    /// transition that has an edge to that YA. O(nodes + edges).
    ///
    /// See [`Dialogue`] for an example.
    pub fn locutions_anchoring<'a>(
        &'a self,
        id: &'a str,
    ) -> impl Iterator<Item = (&'a DialogueNode, &'a DialogueNode)> + 'a {
        let kind = |id: &str| self.node(id).map(|n| n.kind);
        self.edges
            .iter()
            .filter(move |e| e.to == id && kind(&e.from) == Some(DialogueKind::Illocution))
            .filter_map(|e| self.node(&e.from))
            .flat_map(move |ya| {
                self.edges
                    .iter()
                    .filter(move |e| e.to == ya.id)
                    .filter_map(|e| self.node(&e.from))
                    .filter(|n| n.kind != DialogueKind::Illocution)
                    .map(move |from| (ya, from))
            })
    }

    /// The `locutions` record of the node `id` (its `nodeID`, a string or
    /// a number), if any: the speaker and time of a locution. O(records).
    ///
    /// ```
    /// let mut d = argraph::Dialogue::default();
    /// let record = serde_json::json!({"nodeID": 6, "personID": 0});
    /// d.locutions.push(record.as_object().unwrap().clone());
    /// assert_eq!(d.locution_record("6").unwrap()["personID"], 0);
    /// ```
    pub fn locution_record(&self, id: &str) -> Option<&Map<String, Value>> {
        self.locutions
            .iter()
            .rev()
            .find(|r| id_text(r.get("nodeID")).as_deref() == Some(id))
    }
}

/// An id as AIF writes it, a string or an integer, as its text.
pub(crate) fn id_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn free_object<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Map<String, Value>, D::Error> {
    data::Object::deserialize(d).map(|o| o.0)
}

fn free_objects<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Map<String, Value>>, D::Error> {
    let records: Vec<data::Object> = data::objects(d)?;
    Ok(records.into_iter().map(|o| o.0).collect())
}
