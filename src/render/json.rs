//! The plan as JSON, for dashboards and other programs: the [`Plan`] model
//! itself, with its `format_version`, the `answers` it was built from (so
//! that an export is a self-contained record `gcmplan diff` can compare),
//! and a top-level `fingerprint`.
//!
//! The text is canonical, so that the same plan always gives the same bytes:
//! object keys in sorted order
//! (serde_json's default map), two-space indentation, UTF-8 text unescaped,
//! a final newline. `fingerprint` is `blake3:` and the BLAKE3 hash of the
//! canonical text of the document without the `fingerprint` key, which is
//! that file's text without the fingerprint's own line. A file is taken as
//! gcmplan's own and untouched only when the rest of its text hashes to its
//! fingerprint; any edit, even reformatting, makes it an edited file that
//! `render` will not overwrite without `--force`.
//! The schema (`gcmplan schema plan`) is derived from the Rust types, so it
//! cannot drift from what is written. See docs/plan-json.md.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use schemars::JsonSchema;
use serde_json::Value;

use crate::answers::Answers;
use crate::output::Existing;
use crate::plan::Plan;

pub const FINGERPRINT_KEY: &str = "fingerprint";
pub const ANSWERS_KEY: &str = "answers";

/// The document the JSON file holds, for its schema: the plan, and the
/// answers and the fingerprint beside its fields.
#[derive(JsonSchema)]
#[schemars(
    title = "gcmplan plan",
    description = "A draft national implementation plan for the Global Compact for Safe, Orderly and Regular Migration, as written by `gcmplan render --format json`. `format_version` changes when a field is renamed or removed, or changes meaning; new fields may be added within a version. See docs/plan-json.md."
)]
#[allow(dead_code)]
struct PlanDocument {
    #[serde(flatten)]
    plan: Plan,
    /// The answers the plan was rendered from, as data: the answers file's
    /// content without its comments, in the answers format
    /// (`gcmplan schema answers`), except that a budget amount is an integer,
    /// or a decimal string when it has a fraction ("1500.5"), so that the
    /// file holds no floating-point number. `answers.plan.approach` is the
    /// file's own approach; `approach` is the one the plan applies.
    /// `gcmplan diff` compares two exports by their answers.
    answers: Answers,
    /// `blake3:` and the BLAKE3 hash (hex) of this document's canonical JSON
    /// text without this field: keys sorted, two-space indentation, final
    /// newline. It tells gcmplan whether the file was edited since it was
    /// written.
    fingerprint: String,
}

/// The JSON Schema of the plan JSON.
pub fn schema() -> Value {
    let mut schema = schemars::schema_for!(PlanDocument).to_value();
    // Budget amounts are written as integers or decimal strings (see
    // `amount_value`), not as the floating-point numbers of the answers type.
    if let Some(amount) = schema.pointer_mut("/$defs/Budget/properties/amount") {
        *amount = serde_json::json!({
            "description": "The amount: an integer, or a decimal string when it has a fraction (\"1500.5\").",
            "type": ["integer", "string", "null"],
        });
    }
    schema
}

fn canonical(value: &Value) -> Result<String> {
    let mut text = serde_json::to_string_pretty(value).context("writing the plan as JSON")?;
    text.push('\n');
    Ok(text)
}

fn fingerprint(rest: &Value) -> Result<String> {
    Ok(format!(
        "blake3:{}",
        blake3::hash(canonical(rest)?.as_bytes()).to_hex()
    ))
}

/// The plan as canonical JSON, with the answers it was built from,
/// fingerprinted.
pub fn render(plan: &Plan, answers: &Answers) -> Result<String> {
    let mut value = serde_json::to_value(plan).context("writing the plan as JSON")?;
    value
        .as_object_mut()
        .ok_or_else(|| anyhow!("the plan is not a JSON object"))?
        .insert(ANSWERS_KEY.into(), answers_value(answers)?);
    seal(value)
}

/// The answers as an export holds them. Budget amounts are the answers'
/// only floating-point field (a test keeps it so): a whole amount is
/// written as an integer and any other as the shortest decimal string that
/// reads back to the same number, so the file holds no float and the
/// answers read back exactly ([`answers_from_value`]).
pub fn answers_value(answers: &Answers) -> Result<Value> {
    let mut value = serde_json::to_value(answers).context("writing the answers as JSON")?;
    for_each_amount(&mut value, |amount| {
        if let Some(x) = amount.as_f64().filter(|_| amount.is_f64()) {
            *amount = amount_value(x);
        }
    });
    Ok(value)
}

/// Whole amounts below 2^53 are integers; 2^53 and beyond, an f64 no longer
/// holds every integer, and the decimal string says exactly which it is.
fn amount_value(x: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if x.fract() == 0.0 && x.abs() < EXACT {
        Value::from(x as i64)
    } else {
        Value::String(x.to_string())
    }
}

/// The answers of an export's `answers` field; an error names the path of
/// the value that does not fit, e.g. `measures[2].lead`.
pub fn answers_from_value(
    mut value: Value,
) -> std::result::Result<Answers, serde_path_to_error::Error<serde_json::Error>> {
    for_each_amount(&mut value, |amount| {
        if let Some(x) = amount
            .as_str()
            .and_then(|s| s.parse::<f64>().ok())
            .filter(|x| x.is_finite())
        {
            *amount = Value::from(x);
        }
    });
    serde_path_to_error::deserialize(value)
}

/// Calls `f` on each `measures[].budget.amount` of answers as JSON.
fn for_each_amount(answers: &mut Value, mut f: impl FnMut(&mut Value)) {
    let measures = answers.get_mut("measures").and_then(Value::as_array_mut);
    for m in measures.into_iter().flatten() {
        if let Some(amount) = m.get_mut("budget").and_then(|b| b.get_mut("amount")) {
            f(amount);
        }
    }
}

/// Adds the fingerprint to a plan's JSON value and writes it out.
fn seal(mut value: Value) -> Result<String> {
    let print = fingerprint(&value)?;
    value
        .as_object_mut()
        .ok_or_else(|| anyhow!("the plan is not a JSON object"))?
        .insert(FINGERPRINT_KEY.into(), Value::String(print));
    canonical(&value)
}

/// Takes the fingerprint out of a parsed plan JSON, and says whether
/// `bytes`, its text, is byte for byte what gcmplan writes for the rest:
/// `None` when there is no fingerprint (not gcmplan's), `Some(false)` when
/// the file was edited since.
pub fn unseal(bytes: &[u8], document: &mut Value) -> Option<bool> {
    take_fingerprint(document).then(|| untouched(bytes))
}

/// Removes the top-level fingerprint; whether there was one gcmplan writes.
fn take_fingerprint(document: &mut Value) -> bool {
    matches!(
        document.as_object_mut().and_then(|o| o.remove(FINGERPRINT_KEY)),
        Some(Value::String(s)) if s.starts_with("blake3:")
    )
}

/// Whether `bytes` are, but for the fingerprint's own line, the very text
/// the fingerprint was made from: then gcmplan wrote them and nobody has
/// changed them since. A hash of the text, so a large plan is checked
/// without being parsed or written out again: any other text, reformatted
/// or edited, hashes to something else.
fn untouched(bytes: &[u8]) -> bool {
    // Keys are sorted, so `fingerprint` comes before `format_version` and its
    // line always ends with a comma.
    const START: &[u8] = b"\n  \"fingerprint\": \"";
    let Some(at) = bytes.windows(START.len()).position(|w| w == START) else {
        return false;
    };
    let value_start = at + START.len();
    let Some(len) = bytes[value_start..].iter().position(|&b| b == b'"') else {
        return false;
    };
    let value = &bytes[value_start..value_start + len];
    let line_end = value_start + len;
    if !bytes[line_end..].starts_with(b"\",\n") {
        return false;
    }
    let mut hasher = blake3::Hasher::new();
    hasher.update(&bytes[..=at]);
    hasher.update(&bytes[line_end + 3..]);
    value == format!("blake3:{}", hasher.finalize().to_hex()).as_bytes()
}

/// Whether a file at `path` is a plan JSON gcmplan wrote and nobody changed.
pub fn inspect(path: &Path) -> Result<Existing> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Absent),
        Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display())),
    };
    if untouched(&bytes) {
        return Ok(Existing::Generated);
    }
    // Not untouched: edited if it still carries gcmplan's fingerprint.
    let sealed = serde_json::from_slice::<Value>(&bytes)
        .is_ok_and(|mut document| take_fingerprint(&mut document));
    Ok(if sealed {
        Existing::Edited
    } else {
        Existing::Foreign
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_document_is_recognised_until_edited() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        let text = seal(serde_json::json!({"format_version": 1, "title": "Plan"})).unwrap();
        assert!(text.contains("\"fingerprint\": \"blake3:"));
        std::fs::write(&path, &text).unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Generated);
        assert!(untouched(text.as_bytes()), "recognised by its hash alone");
        let mut parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(unseal(text.as_bytes(), &mut parsed), Some(true));

        std::fs::write(&path, text.replace("\"Plan\"", "\"Plan (amended)\"")).unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Edited);
        std::fs::write(&path, text.replace("  ", "    ")).unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Edited, "reformatted");
        std::fs::write(&path, "{\"title\": \"mine\"}").unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Foreign);
        std::fs::write(&path, "not json").unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Foreign);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Absent);
    }

    fn floats(v: &Value, path: &str, out: &mut Vec<String>) {
        match v {
            Value::Number(n) if n.is_f64() => out.push(path.to_string()),
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    floats(x, &format!("{path}[{i}]"), out);
                }
            }
            Value::Object(o) => {
                for (k, x) in o {
                    floats(x, &format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn the_answers_are_written_without_floats_and_read_back_exactly() {
        let mut measures = String::new();
        for (i, amount) in ["250000", "250000.0", "1000.5", "0.1", "1e20", "0"]
            .iter()
            .enumerate()
        {
            measures.push_str(&format!(
                "[[measures]]\nid = \"m{i}\"\ntitle = \"M\"\nactions = [\"1a\"]\nbudget = {{ amount = {amount}, currency = \"USD\" }}\n"
            ));
        }
        let answers = crate::test_support::answers(&measures);
        let value = answers_value(&answers).unwrap();
        let mut found = Vec::new();
        floats(&value, "answers", &mut found);
        assert!(found.is_empty(), "{found:?}");
        let amounts: Vec<&Value> = (0..6)
            .map(|i| &value["measures"][i]["budget"]["amount"])
            .collect();
        assert_eq!(
            amounts,
            [
                &Value::from(250000),
                &Value::from(250000),
                &Value::from("1000.5"),
                &Value::from("0.1"),
                &Value::from("100000000000000000000"),
                &Value::from(0),
            ]
        );
        assert_eq!(answers_from_value(value).unwrap(), answers);

        let mut wrong = answers_value(&answers).unwrap();
        wrong["measures"][2]["lead"] = Value::from(3);
        let e = answers_from_value(wrong).unwrap_err();
        assert_eq!(e.path().to_string(), "measures[2].lead");
    }

    #[test]
    fn budget_amounts_are_the_only_floats_in_the_answers() {
        // A new floating-point answer needs the treatment amounts get in
        // `answers_value` and `answers_from_value`, or the JSON would
        // break its promise of no floats.
        let answers = crate::load::answers_schema();
        let mut numbers = Vec::new();
        for (name, def) in answers["$defs"].as_object().unwrap() {
            for (key, prop) in def["properties"].as_object().into_iter().flatten() {
                if prop.to_string().contains("\"number\"") {
                    numbers.push(format!("{name}.{key}"));
                }
            }
        }
        assert_eq!(numbers, ["Budget.amount"]);
        assert!(!answers["properties"].to_string().contains("\"number\""));
        assert!(
            schema()["$defs"]["Budget"]["properties"]["amount"]["type"]
                .to_string()
                .contains("\"integer\",\"string\"")
        );
    }

    #[test]
    fn the_schema_describes_the_plan_and_its_fingerprint() {
        let schema = schema();
        let props = schema["properties"].as_object().unwrap();
        for key in [
            "format_version",
            "matrix",
            "objectives",
            "answers",
            "fingerprint",
        ] {
            assert!(props.contains_key(key), "{key}");
        }
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from("fingerprint"))
        );
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from("answers"))
        );
    }
}
