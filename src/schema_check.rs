//! The structural check: every key known, every value of the right type,
//! every required field present. It walks the parsed TOML (with its spans)
//! against the JSON Schema derived from [`crate::answers::Answers`], so the
//! Rust types stay the one description of the format, and it reports every
//! problem at once rather than stopping at the first as serde does.

use std::ops::Range;

use serde_json::{Map, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, did_you_mean};

/// Where each value sits in the file, found on demand by its path
/// (`measures[2].end`), so that checks on the typed answers can point at a
/// line. The file is parsed again only when a problem needs a place: valid
/// files, the common case, never pay for an index.
#[derive(Debug)]
pub struct SpanIndex {
    text: String,
    parsed: std::sync::OnceLock<Option<Spanned<DeTable<'static>>>>,
}

/// One step of a path such as `measures[2].indicator.text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// The steps of a path as [`join`] and [`index`] build it.
pub fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(close) = rest.find(']') {
            if let Ok(i) = rest[1..close].parse() {
                out.push(Step::Index(i));
            }
            rest = &rest[close + 1..];
        }
    }
    out
}

impl SpanIndex {
    pub fn new(text: &str) -> Self {
        SpanIndex {
            text: text.to_string(),
            parsed: std::sync::OnceLock::new(),
        }
    }

    fn root(&self) -> Option<&Spanned<DeTable<'static>>> {
        self.parsed
            .get_or_init(|| {
                let table = DeTable::parse(&self.text).ok()?;
                let span = table.span();
                match owned_value(Spanned::new(
                    span.clone(),
                    DeValue::Table(table.into_inner()),
                ))
                .into_inner()
                {
                    DeValue::Table(t) => Some(Spanned::new(span, t)),
                    _ => None,
                }
            })
            .as_ref()
    }

    /// (key span, value span) of the item at `path`, walking as far as it exists.
    fn find(&self, path: &str) -> (Option<Range<usize>>, Option<Range<usize>>) {
        let Some(root) = self.root() else {
            return (None, None);
        };
        let mut key_span = None;
        let mut value_span = Some(root.span());
        let mut current: Option<&DeValue<'static>> = None;
        let mut table: Option<&DeTable<'static>> = Some(root.get_ref());
        for step in steps(path) {
            let next = match (step, table, current) {
                (Step::Key(k), Some(t), _) => {
                    t.get_key_value(k).map(|(key, v)| (Some(key.span()), v))
                }
                (Step::Index(i), _, Some(DeValue::Array(items))) => items.get(i).map(|v| (None, v)),
                _ => None,
            };
            let Some((ks, v)) = next else {
                break;
            };
            key_span = ks.or(key_span);
            value_span = Some(v.span());
            current = Some(v.get_ref());
            table = v.get_ref().as_table();
        }
        (key_span, value_span)
    }

    /// The span of the value at `path`, or of the nearest enclosing value.
    pub fn value(&self, path: &str) -> Option<Range<usize>> {
        self.find(path).1
    }

    /// The span of the key at `path` (for map entries such as `[objectives.24]`).
    pub fn key(&self, path: &str) -> Option<Range<usize>> {
        let (k, v) = self.find(path);
        k.or(v)
    }
}

/// A copy of the parsed document that owns its text. Only the shape and the
/// spans matter for finding places, so numbers are not carried over.
fn owned_value(v: Spanned<DeValue<'_>>) -> Spanned<DeValue<'static>> {
    let span = v.span();
    let value = match v.into_inner() {
        DeValue::String(s) => DeValue::String(std::borrow::Cow::Owned(s.into_owned())),
        DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) => DeValue::Boolean(false),
        DeValue::Datetime(d) => DeValue::Datetime(d),
        DeValue::Array(items) => DeValue::Array(items.into_iter().map(owned_value).collect()),
        DeValue::Table(t) => DeValue::Table(
            t.into_iter()
                .map(|(k, v)| {
                    let ks = k.span();
                    (
                        Spanned::new(ks, std::borrow::Cow::Owned(k.into_inner().into_owned())),
                        owned_value(v),
                    )
                })
                .collect(),
        ),
    };
    Spanned::new(span, value)
}

/// `path.key`. Paths are built for every checked value, so this avoids the
/// formatting machinery, which costs several times more.
pub fn join(path: &str, key: &str) -> String {
    let mut s = String::with_capacity(path.len() + key.len() + 1);
    s.push_str(path);
    if !path.is_empty() {
        s.push('.');
    }
    s.push_str(key);
    s
}

/// `path[i]`, built without the formatting machinery (see [`join`]).
pub fn index(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut n = i;
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(path.len() + digits.len() - at + 2);
    s.push_str(path);
    s.push('[');
    s.extend(digits[at..].iter().map(|d| char::from(*d)));
    s.push(']');
    s
}

#[cfg(test)]
mod path_tests {
    #[test]
    fn paths_read_as_toml_paths() {
        assert_eq!(super::join("", "state"), "state");
        assert_eq!(super::join("plan", "end_year"), "plan.end_year");
        assert_eq!(super::index("measures", 0), "measures[0]");
        assert_eq!(super::index("measures", 1234), "measures[1234]");
    }
}

/// Where the walk is, kept on the stack; described in words only when a
/// problem is reported, so a valid file costs no string formatting.
#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a Seg<'a>, &'a str),
    Item(&'a Seg<'a>, usize, Option<&'a str>),
}

impl Seg<'_> {
    fn describe(&self) -> String {
        match self {
            Seg::Root => "the top level".to_string(),
            Seg::Key(Seg::Root, k) => format!("`{k}`"),
            Seg::Key(parent, k) => format!("`{k}` in {}", parent.describe()),
            Seg::Item(parent, i, id) => {
                let owner = match parent {
                    Seg::Key(_, k) => k,
                    _ => "list",
                };
                match id {
                    Some(id) => format!("`{owner}` entry `{id}`"),
                    None => format!("item {} of `{owner}`", i + 1),
                }
            }
        }
    }
}

pub struct Checker<'s> {
    root: &'s Value,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'s> Checker<'s> {
    pub fn new(root: &'s Value) -> Self {
        Checker {
            root,
            diagnostics: Vec::new(),
        }
    }

    pub fn check_table(&mut self, table: &Spanned<DeTable<'_>>) {
        self.check_object(self.root, table.get_ref(), table.span(), &Seg::Root);
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

    fn check_value(&mut self, schema: &'s Value, value: &Spanned<DeValue<'_>>, seg: &Seg<'_>) {
        let schema = self.resolve(schema);
        if let Some(alternatives) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
        {
            self.check_alternatives(alternatives, value, seg);
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let allowed: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
            self.check_choice(&allowed, value, seg);
            return;
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            self.check_choice(&[c], value, seg);
            return;
        }
        let types = types_of(schema);
        if !types.iter().any(|t| kind_matches(t, value.get_ref())) {
            self.type_error(&types, value, seg);
            return;
        }
        match value.get_ref() {
            DeValue::Table(t) => self.check_object(schema, t, value.span(), seg),
            DeValue::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        let id = match item.get_ref() {
                            DeValue::Table(t) => t.get("id").and_then(|v| v.get_ref().as_str()),
                            _ => None,
                        };
                        self.check_value(item_schema, item, &Seg::Item(seg, i, id));
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
        seg: &Seg<'_>,
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
            self.check_choice(&consts, value, seg);
            return;
        }
        let matching = alternatives.iter().copied().find(|a| {
            types_of(a).iter().any(|t| kind_matches(t, value.get_ref()))
                || a.get("anyOf").is_some()
                || a.get("oneOf").is_some()
        });
        match matching {
            Some(first) => self.check_value(first, value, seg),
            None => {
                let types: Vec<&str> = alternatives.iter().flat_map(|a| types_of(a)).collect();
                self.type_error(&types, value, seg);
            }
        }
    }

    fn check_choice(&mut self, allowed: &[&str], value: &Spanned<DeValue<'_>>, seg: &Seg<'_>) {
        if let DeValue::String(s) = value.get_ref()
            && allowed.contains(&s.as_ref())
        {
            return;
        }
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let place = seg.describe();
        match value.get_ref() {
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

    fn type_error(&mut self, types: &[&str], value: &Spanned<DeValue<'_>>, seg: &Seg<'_>) {
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
                "{} must be {wanted}, found {}",
                seg.describe(),
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
        seg: &Seg<'_>,
    ) {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or_else(|| EMPTY.get_or_init(Map::new));
        let additional = schema.get("additionalProperties");
        for (key, value) in table.iter() {
            let key_name: &str = key.get_ref();
            let key_seg = Seg::Key(seg, key_name);
            if let Some(prop) = properties.get(key_name) {
                self.check_value(prop, value, &key_seg);
            } else if let Some(extra @ Value::Object(_)) = additional {
                self.check_value(extra, value, &key_seg);
            } else {
                let known: Vec<&str> = properties.keys().map(String::as_str).collect();
                let mut d =
                    Diagnostic::error(format!("unknown key `{key_name}` in {}", seg.describe()))
                        .at(Some(key.span()));
                d = match did_you_mean(key_name, known.iter().copied()) {
                    Some(m) => d.help(format!("did you mean `{m}`?")),
                    None => d.help(format!("the keys allowed here are: {}", known.join(", "))),
                };
                self.diagnostics.push(d);
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for m in required.iter().filter_map(Value::as_str) {
                if table.get(m).is_some() {
                    continue;
                }
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
                    Diagnostic::error(format!(
                        "{} is missing the required key `{m}`",
                        seg.describe()
                    ))
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
