//! The structural check: every key known, every value of the right type,
//! every required field present. It walks the parsed TOML (with its spans)
//! against the JSON Schema derived from [`crate::answers::Answers`], so the
//! Rust types stay the one description of the format, and it reports every
//! problem at once rather than stopping at the first as serde does.

use std::collections::HashMap;
use std::ops::Range;

use serde_json::{Map, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, did_you_mean};

/// Where each value sits in the file, keyed by its path (`measures[2].end`),
/// so that later checks on the typed answers can point at a line.
#[derive(Debug, Default)]
pub struct SpanIndex {
    values: HashMap<String, Range<usize>>,
    keys: HashMap<String, Range<usize>>,
}

impl SpanIndex {
    /// The span of the value at `path`, or of the nearest enclosing value.
    pub fn value(&self, path: &str) -> Option<Range<usize>> {
        let mut p = path;
        loop {
            if let Some(s) = self.values.get(p) {
                return Some(s.clone());
            }
            p = parent(p)?;
        }
    }

    /// The span of the key at `path` (for map entries such as `[objectives.24]`).
    pub fn key(&self, path: &str) -> Option<Range<usize>> {
        self.keys.get(path).cloned().or_else(|| self.value(path))
    }
}

fn parent(path: &str) -> Option<&str> {
    let cut = path.rfind(['.', '['])?;
    Some(&path[..cut])
}

pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

pub struct Checker<'s> {
    root: &'s Value,
    pub diagnostics: Vec<Diagnostic>,
    pub spans: SpanIndex,
}

impl<'s> Checker<'s> {
    pub fn new(root: &'s Value) -> Self {
        Checker {
            root,
            diagnostics: Vec::new(),
            spans: SpanIndex::default(),
        }
    }

    pub fn check_table(&mut self, table: &Spanned<DeTable<'_>>) {
        self.check_object(
            self.root,
            table.get_ref(),
            table.span(),
            "",
            "the top level",
        );
    }

    fn resolve(&self, mut schema: &'s Value) -> &'s Value {
        // Follow "#/$defs/Name" references; a bounded loop guards against cycles.
        for _ in 0..8 {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let name = r.trim_start_matches("#/$defs/");
                    match self.root.get("$defs").and_then(|d| d.get(name)) {
                        Some(s) => schema = s,
                        None => break,
                    }
                }
                None => break,
            }
        }
        schema
    }

    fn check_value(
        &mut self,
        schema: &'s Value,
        value: &Spanned<DeValue<'_>>,
        path: &str,
        place: &str,
    ) {
        let schema = self.resolve(schema);
        self.spans.values.insert(path.to_string(), value.span());
        if let Some(alternatives) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
        {
            self.check_alternatives(alternatives, value, path, place);
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let allowed: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
            self.check_choice(&allowed, value, place);
            return;
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            self.check_choice(&[c], value, place);
            return;
        }
        let types = types_of(schema);
        if !types.iter().any(|t| kind_matches(t, value.get_ref())) {
            self.type_error(&types, value, place);
            return;
        }
        match value.get_ref() {
            DeValue::Table(t) => self.check_object(schema, t, value.span(), path, place),
            DeValue::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        let item_path = index(path, i);
                        let item_place = item_place(place, i, item.get_ref());
                        self.check_value(item_schema, item, &item_path, &item_place);
                    }
                }
            }
            _ => {}
        }
    }

    fn check_alternatives(
        &mut self,
        alternatives: &'s [Value],
        value: &Spanned<DeValue<'_>>,
        path: &str,
        place: &str,
    ) {
        let alternatives: Vec<&'s Value> = alternatives
            .iter()
            .map(|a| self.resolve(a))
            .filter(|a| types_of(a) != ["null"])
            .collect();
        // A choice among fixed strings (an enum with documented variants).
        let consts: Vec<&str> = alternatives
            .iter()
            .filter_map(|a| a.get("const").and_then(Value::as_str))
            .collect();
        if !consts.is_empty() && consts.len() == alternatives.len() {
            self.check_choice(&consts, value, place);
            return;
        }
        let matching: Vec<&'s Value> = alternatives
            .iter()
            .copied()
            .filter(|a| {
                let a = self.resolve(a);
                types_of(a).iter().any(|t| kind_matches(t, value.get_ref()))
                    || a.get("anyOf").is_some()
                    || a.get("oneOf").is_some()
            })
            .collect();
        match matching.first() {
            Some(first) => self.check_value(first, value, path, place),
            None => {
                let types: Vec<&str> = alternatives.iter().flat_map(|a| types_of(a)).collect();
                self.type_error(&types, value, place);
            }
        }
    }

    fn check_choice(&mut self, allowed: &[&str], value: &Spanned<DeValue<'_>>, place: &str) {
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        match value.get_ref() {
            DeValue::String(s) if allowed.contains(&s.as_ref()) => {}
            DeValue::String(s) => {
                let mut d = Diagnostic::error(format!("`{s}` is not an allowed value for {place}"))
                    .at(Some(value.span()));
                d = match did_you_mean(s, allowed.iter().copied()) {
                    Some(m) => d.help(format!("did you mean \"{m}\"? Allowed values: {list}")),
                    None => d.help(format!("allowed values: {list}")),
                };
                self.diagnostics.push(d);
            }
            other => self.diagnostics.push(
                Diagnostic::error(format!(
                    "{place} must be a string, found {}",
                    describe(other)
                ))
                .at(Some(value.span()))
                .help(format!("write one of {list}, in double quotes")),
            ),
        }
    }

    fn type_error(&mut self, types: &[&str], value: &Spanned<DeValue<'_>>, place: &str) {
        let wanted: Vec<&str> = types
            .iter()
            .filter(|t| **t != "null")
            .map(|t| type_name(t))
            .collect();
        let wanted = wanted.join(" or ");
        let help = types
            .iter()
            .find_map(|t| example_for(t))
            .map(|e| format!("write {wanted}, for example {e}"))
            .unwrap_or_else(|| format!("write {wanted}"));
        self.diagnostics.push(
            Diagnostic::error(format!(
                "{place} must be {wanted}, found {}",
                describe(value.get_ref())
            ))
            .at(Some(value.span()))
            .help(help),
        );
    }

    fn check_object(
        &mut self,
        schema: &'s Value,
        table: &DeTable<'_>,
        span: Range<usize>,
        path: &str,
        place: &str,
    ) {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new));
        let additional = schema.get("additionalProperties");
        for (key, value) in table.iter() {
            let key_name: &str = key.get_ref();
            let key_path = join(path, key_name);
            self.spans.keys.insert(key_path.clone(), key.span());
            let key_place = if path.is_empty() {
                format!("`{key_name}`")
            } else {
                format!("`{key_name}` in {place}")
            };
            if let Some(prop) = properties.get(key_name) {
                self.check_value(prop, value, &key_path, &key_place);
            } else if let Some(extra @ Value::Object(_)) = additional {
                self.check_value(extra, value, &key_path, &key_place);
            } else {
                let known: Vec<&str> = properties.keys().map(String::as_str).collect();
                let mut d = Diagnostic::error(format!("unknown key `{key_name}` in {place}"))
                    .at(Some(key.span()));
                d = match did_you_mean(key_name, known.iter().copied()) {
                    Some(m) => d.help(format!("did you mean `{m}`?")),
                    None => d.help(format!("the keys allowed here are: {}", known.join(", "))),
                };
                self.diagnostics.push(d);
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            let missing: Vec<&str> = required
                .iter()
                .filter_map(Value::as_str)
                .filter(|r| !table.iter().any(|(k, _)| k.get_ref() == r))
                .collect();
            for m in missing {
                let help = properties
                    .get(m)
                    .and_then(|p| {
                        p.get("description")
                            .or_else(|| self.resolve(p).get("description"))
                    })
                    .and_then(Value::as_str)
                    .map(|d| format!("add `{m} = ...`: {}", first_line(d)))
                    .unwrap_or_else(|| format!("add `{m} = ...`"));
                self.diagnostics.push(
                    Diagnostic::error(format!("{place} is missing the required key `{m}`"))
                        .at(Some(span.clone()))
                        .help(help),
                );
            }
        }
    }
}

fn first_line(s: &str) -> String {
    s.split("\n\n").next().unwrap_or(s).replace('\n', " ")
}

/// How to name an array item: by its id when it has one.
fn item_place(place: &str, i: usize, item: &DeValue<'_>) -> String {
    let owner = place.trim_start_matches('`');
    let owner = owner.split('`').next().unwrap_or(owner);
    let id = match item {
        DeValue::Table(t) => t
            .iter()
            .find(|(k, _)| k.get_ref() == "id")
            .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string)),
        _ => None,
    };
    match id {
        Some(id) => format!("`{owner}` entry `{id}`"),
        None => format!("item {} of `{owner}`", i + 1),
    }
}

fn types_of(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn kind_matches(t: &str, v: &DeValue<'_>) -> bool {
    matches!(
        (t, v),
        ("string", DeValue::String(_))
            | ("integer", DeValue::Integer(_))
            | ("number", DeValue::Integer(_) | DeValue::Float(_))
            | ("boolean", DeValue::Boolean(_))
            | ("array", DeValue::Array(_))
            | ("object", DeValue::Table(_))
    )
}

fn type_name(t: &str) -> &'static str {
    match t {
        "string" => "text in double quotes",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list in square brackets",
        "object" => "a table",
        _ => "a value",
    }
}

fn example_for(t: &str) -> Option<&'static str> {
    match t {
        "string" => Some("\"text\""),
        "integer" => Some("2026"),
        "boolean" => Some("true"),
        "array" => Some("[\"5a\", \"6c\"]"),
        _ => None,
    }
}

fn describe(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("the text \"{s}\""),
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => format!("the date {d} (write dates in double quotes)"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}
