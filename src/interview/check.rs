//! Checking answers during the interview with the very rules `gcmplan check`
//! applies: the partial document is completed with stand-in values for the
//! required answers not given yet, run through [`crate::load::parse`], and
//! only the problems found at the key being asked are shown. The stand-ins
//! also tell which required answers are missing.

use serde_json::Value as Json;
use toml_edit::{Array, InlineTable, Item, TableLike, Value};

use crate::diagnostics::Diagnostic;
use crate::load::{answers_schema, parse};
use crate::schema_check::{SpanIndex, join};

use super::document::AnswersDoc;

/// The required answers absent from the document, as paths such as
/// `state.iso_code` or `measures[1].actions`, in file order.
pub fn missing(doc: &AnswersDoc) -> Vec<String> {
    complete(doc).1
}

/// The problems the rules of `gcmplan check` find at `path` in `doc`
/// (usually just after the answer was applied), as lines for the user.
pub fn problems_at(doc: &AnswersDoc, path: &str) -> Vec<String> {
    let (text, _) = complete(doc);
    let Err(diagnostics) = parse(&text) else {
        return Vec::new();
    };
    let spans = SpanIndex::new(&text);
    let Some(at) = spans.value(path) else {
        return Vec::new();
    };
    let whole = 0..text.len();
    // A problem of the whole item (an instrument serving no objective) is
    // placed at the item; it concerns the key its help says to write.
    let last = path.rsplit('.').next().unwrap_or(path);
    let mentions = |d: &Diagnostic| {
        let said = format!("{} {}", d.message, d.help.as_deref().unwrap_or(""));
        said.contains(&format!("`{last} =")) || said.contains(&format!("`{last}`"))
    };
    let items: Vec<std::ops::Range<usize>> = ancestors(path)
        .filter_map(|a| spans.value(&a))
        .filter(|s| *s != whole)
        .collect();
    diagnostics
        .iter()
        .filter(|d| {
            concerns(d, &at, &whole)
                || (d.span.as_ref().is_some_and(|s| items.contains(s)) && mentions(d))
        })
        .map(describe)
        .collect()
}

/// `measures[1].indicator.text` -> `measures[1].indicator`, `measures[1]`, `measures`.
fn ancestors(path: &str) -> impl Iterator<Item = String> + '_ {
    path.char_indices()
        .filter(|(_, c)| *c == '.' || *c == '[')
        .map(|(i, _)| path[..i].to_string())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
}

/// Every problem in the document as it stands (stand-ins for what is
/// missing), for the end of the interview.
pub fn all_problems(doc: &AnswersDoc) -> Vec<String> {
    let (text, _) = complete(doc);
    match parse(&text) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => {
            let source = crate::diagnostics::Source {
                name: &doc.path.display().to_string(),
                text: &text,
            };
            diagnostics
                .iter()
                .map(|d| {
                    let (line, _) = d.span.as_ref().map_or((0, 0), |s| source.line_col(s.start));
                    let place = if line > 0 {
                        format!("line {line}: ")
                    } else {
                        String::new()
                    };
                    format!("{place}{}", describe(d))
                })
                .collect()
        }
    }
}

/// Every problem's message, without places, to compare two versions.
pub fn messages(doc: &AnswersDoc) -> Vec<String> {
    let (text, _) = complete(doc);
    match parse(&text) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.iter().map(describe).collect(),
    }
}

fn concerns(d: &Diagnostic, at: &std::ops::Range<usize>, whole: &std::ops::Range<usize>) -> bool {
    let Some(span) = &d.span else {
        return false;
    };
    let inside = span.start >= at.start && span.end <= at.end;
    let around = span.start <= at.start && span.end >= at.end && span != whole;
    inside || around
}

fn describe(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    }
}

/// The document as text with stand-ins for the missing required answers,
/// and the paths of those stand-ins.
fn complete(doc: &AnswersDoc) -> (String, Vec<String>) {
    let mut parsed: toml_edit::DocumentMut = match doc.text().parse() {
        Ok(d) => d,
        Err(_) => return (doc.text(), Vec::new()),
    };
    let schema = answers_schema();
    let mut filled = Vec::new();
    let mut counter = 0;
    fill_table(
        parsed.as_table_mut(),
        schema,
        schema,
        "",
        &mut filled,
        &mut counter,
    );
    (parsed.to_string(), filled)
}

/// Follows `$ref` and picks the non-null branch of an optional value.
fn resolve<'a>(root: &'a Json, schema: &'a Json) -> &'a Json {
    let mut s = schema;
    for _ in 0..8 {
        if let Some(r) = s.get("$ref").and_then(Json::as_str) {
            let name = r.rsplit('/').next().unwrap_or_default();
            match root.get("$defs").and_then(|d| d.get(name)) {
                Some(target) => s = target,
                None => return s,
            }
            continue;
        }
        let branches = s
            .get("anyOf")
            .or_else(|| s.get("oneOf"))
            .and_then(Json::as_array);
        if let Some(branches) = branches
            && s.get("type").is_none()
            && let Some(first) = branches.iter().find(|b| !is_null(b))
            && branches
                .iter()
                .all(|b| b.get("const").is_none() || b == first)
        {
            s = first;
            continue;
        }
        break;
    }
    s
}

fn is_null(s: &Json) -> bool {
    s.get("type").and_then(Json::as_str) == Some("null")
}

fn type_of(s: &Json) -> Option<&str> {
    match s.get("type") {
        Some(Json::String(t)) => Some(t),
        Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// A stand-in value of the schema's type that passes every rule.
fn stand_in(root: &Json, key: &str, schema: &Json, counter: &mut usize) -> Value {
    match key {
        "format" => return Value::from(crate::answers::FORMAT),
        "iso_code" => return Value::from("XXX"),
        _ => {}
    }
    let s = resolve(root, schema);
    if let Some(c) = s.get("const") {
        return json_to_value(c);
    }
    if let Some(first) = s
        .get("enum")
        .and_then(Json::as_array)
        .and_then(|e| e.first())
    {
        return json_to_value(first);
    }
    if let Some(first) = s
        .get("oneOf")
        .or_else(|| s.get("anyOf"))
        .and_then(Json::as_array)
        .and_then(|b| b.iter().find(|b| !is_null(b)))
    {
        return stand_in(root, key, first, counter);
    }
    match type_of(s) {
        Some("integer") => Value::from(2000),
        Some("number") => Value::from(0.0),
        Some("boolean") => Value::from(false),
        Some("array") => Value::Array(Array::new()),
        Some("object") => {
            let mut t = InlineTable::new();
            let props = s.get("properties").and_then(Json::as_object);
            for key in required(s) {
                if let Some(p) = props.and_then(|p| p.get(key)) {
                    t.insert(key, stand_in(root, key, p, counter));
                }
            }
            Value::InlineTable(t)
        }
        _ => {
            *counter += 1;
            // Letters and digits only: valid as a name, an id or a title.
            Value::from(format!("X{counter}"))
        }
    }
}

fn json_to_value(j: &Json) -> Value {
    match j {
        Json::String(s) => Value::from(s.as_str()),
        Json::Number(n) => n
            .as_i64()
            .map(Value::from)
            .unwrap_or_else(|| Value::from(n.as_f64().unwrap_or(0.0))),
        Json::Bool(b) => Value::from(*b),
        _ => Value::from(""),
    }
}

fn required(s: &Json) -> Vec<&str> {
    s.get("required")
        .and_then(Json::as_array)
        .map(|r| r.iter().filter_map(Json::as_str).collect())
        .unwrap_or_default()
}

fn fill_table(
    table: &mut dyn TableLike,
    root: &Json,
    schema: &Json,
    path: &str,
    filled: &mut Vec<String>,
    counter: &mut usize,
) {
    let s = resolve(root, schema);
    let props = s.get("properties").and_then(Json::as_object);
    if let Some(props) = props {
        for key in required(s) {
            let absent = table.get(key).is_none_or(|i| i.is_none());
            let Some(p) = props.get(key).filter(|_| absent) else {
                continue;
            };
            if type_of(resolve(root, p)) == Some("object") {
                // Record the missing answers inside, not the whole table.
                table.insert(key, Item::Value(Value::InlineTable(InlineTable::new())));
            } else {
                table.insert(key, Item::Value(stand_in(root, key, p, counter)));
                filled.push(join(path, key));
            }
        }
        let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
        for key in keys {
            if let (Some(p), Some(item)) = (props.get(&key), table.get_mut(&key)) {
                fill_item(item, root, p, &join(path, &key), filled, counter);
            }
        }
    } else if let Some(values) = s.get("additionalProperties").filter(|v| v.is_object()) {
        let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
        for key in keys {
            if let Some(item) = table.get_mut(&key) {
                fill_item(item, root, values, &join(path, &key), filled, counter);
            }
        }
    }
}

fn fill_item(
    item: &mut Item,
    root: &Json,
    schema: &Json,
    path: &str,
    filled: &mut Vec<String>,
    counter: &mut usize,
) {
    let s = resolve(root, schema);
    match item {
        Item::Table(t) => fill_table(t, root, s, path, filled, counter),
        Item::Value(Value::InlineTable(t)) => fill_table(t, root, s, path, filled, counter),
        Item::ArrayOfTables(a) => {
            if let Some(items) = s.get("items") {
                for (i, t) in a.iter_mut().enumerate() {
                    fill_table(t, root, items, &format!("{path}[{i}]"), filled, counter);
                }
            }
        }
        Item::Value(Value::Array(a)) => {
            if let Some(items) = s.get("items") {
                for (i, v) in a.iter_mut().enumerate() {
                    if let Value::InlineTable(t) = v {
                        fill_table(t, root, items, &format!("{path}[{i}]"), filled, counter);
                    }
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn doc(text: &str) -> AnswersDoc {
        AnswersDoc::parse(Path::new("a.toml"), text).unwrap()
    }

    #[test]
    fn an_empty_file_misses_the_required_answers() {
        let m = missing(&doc(""));
        for key in [
            "format",
            "state.name",
            "state.iso_code",
            "state.lead_agency",
            "plan.start_year",
            "plan.end_year",
            "plan.approach",
            "plan.route",
        ] {
            assert!(m.iter().any(|k| k == key), "{key} in {m:?}");
        }
    }

    #[test]
    fn list_items_name_their_missing_keys() {
        let m = missing(&doc("[[measures]]\nid = \"a\"\ntitle = \"A\"\n"));
        assert!(m.contains(&"measures[0].actions".to_string()), "{m:?}");
    }

    #[test]
    fn a_partial_document_is_checked_at_the_asked_key_only() {
        let d = doc("[state]\nname = \"Examplia\"\niso_code = \"xe\"\n");
        let p = problems_at(&d, "state.iso_code");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("ISO 3166-1"), "{p:?}");
        assert!(problems_at(&d, "state.name").is_empty());
    }

    #[test]
    fn the_rules_of_check_apply_across_keys() {
        let d = doc("[plan]\nstart_year = 2028\nend_year = 2026\n");
        let p = problems_at(&d, "plan.end_year");
        assert!(p.iter().any(|p| p.contains("before it starts")), "{p:?}");
        let d = doc(
            "[[measures]]\nid = \"m\"\ntitle = \"M\"\nactions = [\"6c\"]\nstart = 2027\nend = \"2026-13\"\n",
        );
        let p = problems_at(&d, "measures[0].end");
        assert!(p.iter().any(|p| p.contains("months run")), "{p:?}");
        assert!(problems_at(&d, "measures[0].start").is_empty());
    }

    #[test]
    fn an_instrument_serving_no_objective_is_reported_at_its_objectives() {
        let d = doc(
            "[[instruments]]\nid = \"a\"\ntitle = \"A\"\nkind = \"law\"\nstatus = \"in-force\"\nobjectives = []\n",
        );
        let p = problems_at(&d, "instruments[0].objectives");
        assert!(p.iter().any(|p| p.contains("serves no objective")), "{p:?}");
    }
}
