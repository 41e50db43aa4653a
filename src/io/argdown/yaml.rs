//! YAML in Argdown documents (data blocks and front matter) as JSON values.

use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// A YAML problem: a message, and where it is, as a 0-based line and a
/// 0-based column within the YAML text.
pub(super) struct YamlError {
    pub message: String,
    pub line: usize,
    pub column: usize,
}

/// The value of a data block `{…}`, braces included. A block that opens
/// with `{` and a line break is YAML in block form (Argdown's
/// `switchToBlockFormatIfMultiline`); one that is JSON is read as JSON,
/// so numbers keep their digits; anything else as YAML in flow form.
/// Returns the value and the byte offset of the YAML text in `block`.
pub(super) fn data_block(block: &str) -> Result<(Value, usize), YamlError> {
    let inner = &block[1..];
    let blank = inner.len() - inner.trim_start_matches([' ', '\t']).len();
    let after = &inner[blank..];
    let nl = if after.starts_with("\n\r") {
        2
    } else {
        usize::from(after.starts_with('\n'))
    };
    if nl > 0 {
        let start = 1 + blank + nl;
        let body = block[start..].trim_end();
        let body = body.strip_suffix('}').unwrap_or(body);
        return load(body).map(|v| (v, start));
    }
    if let Ok(v) = serde_json::from_str::<Value>(block) {
        return Ok((v, 0));
    }
    load(block).map(|v| (v, 0))
}

/// Reads a YAML document (the first, if several; `null` if none).
pub(super) fn load(text: &str) -> Result<Value, YamlError> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| YamlError {
        message: e.info().to_string(),
        line: e.marker().line().saturating_sub(1),
        column: e.marker().col(),
    })?;
    Ok(docs.into_iter().next().map_or(Value::Null, to_json))
}

/// A YAML value as JSON: integers and reals as numbers (a real that JSON
/// cannot hold, `.inf` or `.nan`, as its text), mapping keys as text.
fn to_json(y: Yaml) -> Value {
    match y {
        Yaml::Real(text) => real(&text),
        Yaml::Integer(i) => Value::from(i),
        Yaml::String(s) => Value::String(s),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(items) => Value::Array(items.into_iter().map(to_json).collect()),
        Yaml::Hash(hash) => {
            let mut m = Map::new();
            for (k, v) in hash {
                m.insert(key(k), to_json(v));
            }
            Value::Object(m)
        }
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => Value::Null,
    }
}

fn real(text: &str) -> Value {
    if let Ok(n) = serde_json::from_str::<Number>(text) {
        return Value::Number(n);
    }
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map_or_else(|| Value::String(text.to_string()), Value::Number)
}

fn key(k: Yaml) -> String {
    match k {
        Yaml::String(s) | Yaml::Real(s) => s,
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => "null".to_string(),
        other => to_json(other).to_string(),
    }
}
