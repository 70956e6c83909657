//! The plan as JSON, for dashboards and other programs: the [`Plan`] model
//! itself, with its `format_version`, and a top-level `fingerprint`.
//!
//! The text is canonical, so that the same plan always gives the same bytes
//! and a file can be checked by writing it again: object keys in sorted order
//! (serde_json's default map), two-space indentation, UTF-8 text unescaped,
//! a final newline. `fingerprint` is `blake3:` and the BLAKE3 hash of the
//! canonical text of the document without the `fingerprint` key. A file is
//! taken as gcmplan's own and untouched only when it is byte for byte what
//! gcmplan would write for its content; any edit, even reformatting, makes it
//! an edited file that `render` will not overwrite without `--force`.
//! The schema (`gcmplan schema plan`) is derived from the Rust types, so it
//! cannot drift from what is written. See docs/plan-json.md.

use std::path::Path;

use anyhow::{Context, Result, anyhow};
use schemars::JsonSchema;
use serde_json::Value;

use crate::output::Existing;
use crate::plan::Plan;

pub const FINGERPRINT_KEY: &str = "fingerprint";

/// The document the JSON file holds, for its schema: the plan, and the
/// fingerprint beside its fields.
#[derive(JsonSchema)]
#[schemars(
    title = "gcmplan plan",
    description = "A draft national implementation plan for the Global Compact for Safe, Orderly and Regular Migration, as written by `gcmplan render --format json`. `format_version` changes when a field is renamed or removed, or changes meaning; new fields may be added within a version. See docs/plan-json.md."
)]
#[allow(dead_code)]
struct PlanDocument {
    #[serde(flatten)]
    plan: Plan,
    /// `blake3:` and the BLAKE3 hash (hex) of this document's canonical JSON
    /// text without this field: keys sorted, two-space indentation, final
    /// newline. It tells gcmplan whether the file was edited since it was
    /// written.
    fingerprint: String,
}

/// The JSON Schema of the plan JSON.
pub fn schema() -> Value {
    schemars::schema_for!(PlanDocument).to_value()
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

/// The plan as canonical JSON, fingerprinted.
pub fn render(plan: &Plan) -> Result<String> {
    let value = serde_json::to_value(plan).context("writing the plan as JSON")?;
    seal(value)
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

/// Whether a file at `path` is a plan JSON gcmplan wrote and nobody changed.
pub fn inspect(path: &Path) -> Result<Existing> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Absent),
        Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display())),
    };
    let Ok(mut value) = serde_json::from_slice::<Value>(&bytes) else {
        return Ok(Existing::Foreign);
    };
    let stored = match value
        .as_object_mut()
        .and_then(|o| o.remove(FINGERPRINT_KEY))
    {
        Some(Value::String(s)) if s.starts_with("blake3:") => s,
        _ => return Ok(Existing::Foreign),
    };
    let untouched = fingerprint(&value)? == stored && seal(value)?.as_bytes() == bytes.as_slice();
    Ok(if untouched {
        Existing::Generated
    } else {
        Existing::Edited
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

    #[test]
    fn the_schema_describes_the_plan_and_its_fingerprint() {
        let schema = schema();
        let props = schema["properties"].as_object().unwrap();
        for key in ["format_version", "matrix", "objectives", "fingerprint"] {
            assert!(props.contains_key(key), "{key}");
        }
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from("fingerprint"))
        );
    }
}
