//! argraph's conventions on Argdown's YAML data: the keys that give a node
//! its kind, weight, provenance… and an edge its subtype, label, weight….
//! Both readers apply them; the writer writes them.

use serde_json::{Map, Value};

use crate::error::Result;
use crate::io::report::Report;
use crate::model::{AttackKind, Edge, EdgeKind, FramingBasis, Node, NodeKind, Provenance};

const W_BAD_FIELD: &str =
    "argraph key in Argdown data with a value that does not fit (kept in data)";
const W_DATA_EXTRA: &str =
    "keys beside a `data` that is not an object (set aside: `data` is the whole data)";

/// The keys a statement's or argument's data may give.
pub(super) const NODE_KEYS: &[&str] = &[
    "id",
    "kind",
    "label",
    "text",
    "weight",
    "synthesis",
    "source",
    "locator",
    "quote",
    "provenance",
    "tags",
    "data",
];

/// The keys a relation's data may give.
pub(super) const EDGE_KEYS: &[&str] = &[
    "kind",
    "attack",
    "label",
    "weight",
    "basis",
    "source",
    "locator",
    "quote",
    "provenance",
    "data",
];

/// What a node's data gives, beside its own fields.
#[derive(Debug, Default, Clone)]
pub(super) struct NodeFields {
    pub id: Option<String>,
    pub kind: Option<NodeKind>,
    /// `Some(None)`: no label (`label: null`).
    pub label: Option<Option<String>>,
    /// The text given in data (wins over the member's).
    pub text: Option<String>,
    /// The canonical member's text.
    pub text_found: Option<String>,
    pub weight: Option<f64>,
    pub synthesis: Option<bool>,
    pub provenance: Vec<Provenance>,
    pub tags: Option<Vec<String>>,
    /// The node's own data: what is left.
    pub data: Option<Value>,
}

/// What a relation's data gives.
#[derive(Debug, Default, Clone)]
pub(super) struct EdgeFields {
    pub kind: Option<EdgeKind>,
    /// `Some(None)`: an attack without subtype (`attack: null`).
    pub attack: Option<Option<AttackKind>>,
    pub label: Option<Option<String>>,
    pub weight: Option<f64>,
    pub basis: Option<FramingBasis>,
    pub provenance: Vec<Provenance>,
    pub data: Option<Value>,
}

/// The keys of `data` taken out one by one; what no key takes is the
/// node's or edge's own data.
struct Taker<'a> {
    map: Map<String, Value>,
    place: &'a str,
    report: &'a mut Report,
}

impl Taker<'_> {
    /// Takes `key` if `read` accepts its value; else leaves it, with a warning.
    fn take<T>(&mut self, key: &str, read: impl FnOnce(&Value) -> Option<T>) -> Option<T> {
        let value = self.map.get(key)?;
        match read(value) {
            Some(v) => {
                self.map.shift_remove(key);
                Some(v)
            }
            None => {
                let place = self.place;
                self.report
                    .warn(W_BAD_FIELD, || format!("{place}: {key}: {value}"));
                None
            }
        }
    }

    fn string(&mut self, key: &str) -> Option<String> {
        self.take(key, |v| v.as_str().map(str::to_string))
    }

    fn weight(&mut self) -> Option<f64> {
        self.take("weight", |v| v.as_f64().filter(|w| (0.0..=1.0).contains(w)))
    }

    fn label(&mut self) -> Option<Option<String>> {
        self.take("label", |v| match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        })
    }

    /// `source`, `locator`, `quote` (one entry) and `provenance` (a list).
    fn provenance(&mut self) -> Vec<Provenance> {
        let mut out = self
            .take("provenance", |v| {
                serde_json::from_value::<Vec<Provenance>>(v.clone()).ok()
            })
            .unwrap_or_default();
        if self.map.get("source").is_some_and(Value::is_string) {
            let mut p = Provenance::new(self.string("source").unwrap_or_default());
            p.locator = self.string("locator");
            p.quote = self.string("quote");
            out.push(p);
        }
        out
    }

    /// What is left: `data`'s value, with the other keys added.
    fn rest(mut self) -> Option<Value> {
        let given = self.map.shift_remove("data");
        match (given, self.map.is_empty()) {
            (None, true) => None,
            (None, false) => Some(Value::Object(self.map)),
            (Some(d), true) => Some(d),
            (Some(Value::Object(mut d)), false) => {
                d.extend(self.map);
                Some(Value::Object(d))
            }
            (Some(d), false) => {
                let place = self.place;
                self.report.warn(W_DATA_EXTRA, || place.to_string());
                Some(d)
            }
        }
    }
}

/// Reads argraph's keys out of a statement's or argument's data.
pub(super) fn node_fields(data: Option<Value>, place: &str, report: &mut Report) -> NodeFields {
    let map = match data {
        Some(Value::Object(map)) => map,
        other => {
            return NodeFields {
                data: other,
                ..NodeFields::default()
            }
        }
    };
    let place = format!("{place:?}");
    let mut t = Taker {
        map,
        place: &place,
        report,
    };
    let mut f = NodeFields {
        id: t.take("id", |v| {
            v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
        }),
        kind: t.take("kind", |v| v.as_str().and_then(|s| s.parse().ok())),
        label: t.label(),
        text: t.take("text", |v| {
            v.as_str().filter(|s| !s.is_empty()).map(str::to_string)
        }),
        weight: t.weight(),
        synthesis: t.take("synthesis", Value::as_bool),
        provenance: Vec::new(),
        tags: t.take("tags", |v| serde_json::from_value(v.clone()).ok()),
        text_found: None,
        data: None,
    };
    f.provenance = t.provenance();
    f.data = t.rest();
    f
}

/// Reads argraph's keys out of a relation's data.
pub(super) fn edge_fields(data: Option<Value>, place: &str, report: &mut Report) -> EdgeFields {
    let map = match data {
        Some(Value::Object(map)) => map,
        other => {
            return EdgeFields {
                data: other,
                ..EdgeFields::default()
            }
        }
    };
    let mut t = Taker { map, place, report };
    let mut f = EdgeFields {
        kind: t.take("kind", |v| v.as_str().and_then(|s| s.parse().ok())),
        attack: t.take("attack", |v| match v {
            Value::Null => Some(None),
            v => v.as_str().and_then(|s| s.parse().ok()).map(Some),
        }),
        label: t.label(),
        weight: t.weight(),
        basis: t.take("basis", |v| v.as_str().and_then(|s| s.parse().ok())),
        provenance: Vec::new(),
        data: None,
    };
    f.provenance = t.provenance();
    f.data = t.rest();
    f
}

impl NodeFields {
    /// Adds `key: value` to the node's own data (when that is an object or
    /// none).
    pub(super) fn add_data(&mut self, key: &str, value: Value) {
        match &mut self.data {
            None => {
                let mut m = Map::new();
                m.insert(key.into(), value);
                self.data = Some(Value::Object(m));
            }
            Some(Value::Object(m)) => {
                m.insert(key.into(), value);
            }
            Some(_) => {}
        }
    }

    /// Adds `key: value` under the node data's `argdown` object.
    pub(super) fn add_argdown(&mut self, key: &str, value: Value) {
        if let Some(Value::Object(m)) = &mut self.data {
            if let Some(Value::Object(a)) = m.get_mut("argdown") {
                a.insert(key.into(), value);
                return;
            }
        }
        let mut a = Map::new();
        a.insert(key.into(), value);
        self.add_data("argdown", Value::Object(a));
    }

    /// Sets what the fields give on the node built.
    pub(super) fn apply_to_node(self, node: &mut Node) {
        node.weight = self.weight;
        node.synthesis = self.synthesis.unwrap_or(false);
        node.provenance = self.provenance;
        node.data = self.data.filter(|d| !d.is_null()).map(Box::new);
    }
}

impl EdgeFields {
    /// Sets what the fields give on the edge built.
    ///
    /// # Errors
    /// A basis on an edge that is not a frames edge.
    pub(super) fn apply_to_edge(self, edge: &mut Edge) -> Result<()> {
        edge.weight = self.weight;
        edge.provenance = self.provenance;
        edge.data = self.data.filter(|d| !d.is_null()).map(Box::new);
        if let Some(b) = self.basis {
            edge.set_basis(b)?;
        }
        Ok(())
    }
}
