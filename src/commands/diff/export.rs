//! A plan JSON export as one side of `gcmplan diff`. The export carries the
//! answers it was rendered from (`answers`, see `render::json`); they are
//! read back and checked by the same rules as an answers file
//! (`validate::validate`), and the approach the plan applies (`approach`,
//! which `gcmplan render --approach` may have chosen) is kept beside them.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::Value;

use crate::answers::{Answers, Approach};
use crate::diagnostics::Diagnostic;
use crate::plan::PLAN_FORMAT_VERSION;
use crate::render::json::{self as plan_json, ANSWERS_KEY};
use crate::schema_check::SpanIndex;

/// A plan JSON export, read for comparison.
pub struct Export {
    /// The answers the plan was rendered from, as the answers file had them.
    pub answers: Answers,
    /// The approach the plan applies: the answers' own, or the one given to
    /// `gcmplan render --approach`.
    pub approach: Approach,
    /// Whether the file was changed after gcmplan wrote it: its fingerprint
    /// does not match its text, or it has none.
    pub edited: bool,
}

/// A plan JSON that cannot be compared, worded as `gcmplan check` words an
/// answers file's problems: the place first, then what is wrong, then the
/// fix.
#[derive(Debug)]
pub struct BadExport(String);

impl fmt::Display for BadExport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.trim_end())
    }
}

impl std::error::Error for BadExport {}

fn bad(place: &str, message: &str, help: &str) -> anyhow::Error {
    BadExport(format!("{place}: error: {message}\n  = help: {help}")).into()
}

const RENDER_AGAIN: &str = "render the plan again from its answers file (`gcmplan render ANSWERS -o plan.json`), or compare the answers files themselves";

/// Whether `path` holds JSON: its name ends in `.json` (in any case), or its
/// first character other than white space is `{`, which no answers file
/// (TOML) starts with.
pub fn is_json(path: &Path) -> bool {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return true;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut reader = BufReader::new(file);
    loop {
        let chunk = match reader.fill_buf() {
            Ok([]) | Err(_) => return false,
            Ok(chunk) => chunk,
        };
        if let Some(b) = chunk.iter().find(|b| !b.is_ascii_whitespace()) {
            return *b == b'{';
        }
        let n = chunk.len();
        reader.consume(n);
    }
}

/// Reads and checks a plan JSON export.
pub fn load(path: &Path) -> anyhow::Result<Export> {
    let name = path.display().to_string();
    if std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        anyhow::bail!(
            "cannot read {name}: no such file\n  = help: check the path; `gcmplan render ANSWERS -o {name}` writes a plan JSON export"
        );
    }
    let text = crate::load::read_text(path)?;
    let mut document: Value = serde_json::from_str(&text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .strip_suffix(&format!(" at line {} column {}", e.line(), e.column()))
            .unwrap_or(&message);
        bad(
            // serde_json counts the place just after a line break as column 0.
            &format!("{name}:{}:{}", e.line(), e.column().max(1)),
            &format!("this is not valid JSON: {message}"),
            "gcmplan diff compares answers files and the plan JSON that `gcmplan render ANSWERS -o plan.json` writes; if the file was damaged, render it again",
        )
    })?;
    let edited = plan_json::unseal(text.as_bytes(), &mut document) != Some(true);

    let not_a_plan = |why: &str| {
        bad(
            &name,
            &format!("this is JSON, but not a plan exported by gcmplan: {why}"),
            "compare the plan JSON that `gcmplan render ANSWERS -o plan.json` writes, or the answers files themselves",
        )
    };
    let Some(fields) = document.as_object_mut() else {
        return Err(not_a_plan(
            "it is not an object with a `format_version` and `answers`, so it looks like another kind of JSON",
        ));
    };
    let Some(version) = fields.get("format_version") else {
        return Err(not_a_plan(
            "it has no `format_version` or `answers`, so it looks like another kind of JSON",
        ));
    };
    let Some(version) = version.as_u64() else {
        return Err(not_a_plan(&format!(
            "its `format_version` is {version}, not a number, so it looks like another kind of JSON"
        )));
    };
    let generator = fields
        .get("generator")
        .and_then(Value::as_str)
        .filter(|g| g.starts_with("gcmplan "))
        .map(str::to_string);
    if version > u64::from(PLAN_FORMAT_VERSION) {
        return Err(bad(
            &name,
            &format!(
                "this plan JSON is format_version {version}{}; this gcmplan ({}) reads format_version {PLAN_FORMAT_VERSION}",
                generator
                    .as_deref()
                    .map(|g| format!(", written by {g}"))
                    .unwrap_or_default(),
                env!("CARGO_PKG_VERSION"),
            ),
            "compare it with a newer gcmplan, or compare the answers files the plans were made from",
        ));
    }
    if fields.contains_key("compared") {
        return Err(not_a_plan(
            "it looks like the output of `gcmplan diff --format json`",
        ));
    }
    let Some(answers) = fields.remove(ANSWERS_KEY) else {
        if let Some(generator) = generator.filter(|_| fields.contains_key("matrix")) {
            return Err(bad(
                &name,
                &format!(
                    "this plan JSON was written by an older gcmplan ({generator}), which did not keep the answers in it, so it cannot be compared"
                ),
                RENDER_AGAIN,
            ));
        }
        return Err(not_a_plan(
            "it has a `format_version` but no `answers`, so it looks like another kind of JSON",
        ));
    };

    let answers = plan_json::answers_from_value(answers).map_err(|e| {
        let path = e.path().to_string();
        bad(
            &format!("{name}: {}", answers_path(&path)),
            &e.into_inner().to_string(),
            &format!(
                "the answers in this export do not fit this gcmplan's answers format; {RENDER_AGAIN}"
            ),
        )
    })?;
    let problems = crate::validate::validate(&answers, &SpanIndex::new(""));
    if !problems.is_empty() {
        return Err(invalid(&name, &problems));
    }

    let approach = fields
        .get("approach")
        .and_then(|a| a.get("key"))
        .cloned()
        .unwrap_or(Value::Null);
    let approach: Approach = serde_json::from_value(approach.clone()).map_err(|_| {
        bad(
            &format!("{name}: approach.key"),
            &format!(
                "the plan's approach is {approach}; gcmplan knows \"systemic\", \"selective\" and \"business-as-usual\""
            ),
            RENDER_AGAIN,
        )
    })?;
    Ok(Export {
        answers,
        approach,
        edited,
    })
}

/// `answers.measures[2].lead` for a path within the answers (`.` is the
/// answers themselves).
fn answers_path(path: &str) -> String {
    match path {
        "" | "." => ANSWERS_KEY.to_string(),
        p => format!("{ANSWERS_KEY}.{p}"),
    }
}

/// The meaning checks' problems, as `gcmplan check` words them, placed by
/// their path within the export's `answers` (there are no lines to give).
fn invalid(name: &str, problems: &[Diagnostic]) -> anyhow::Error {
    let rendered: Vec<String> = problems
        .iter()
        .map(|d| {
            let place = answers_path(d.path.as_deref().unwrap_or(""));
            let mut out = format!("{name}: {place}: error: {}\n", d.message);
            if let Some(help) = &d.help {
                out.push_str(&format!("  = help: {help}\n"));
            }
            out
        })
        .collect();
    let mut out = rendered.join("\n").trim_end().to_string();
    let n = problems.len();
    out.push_str(&format!(
        "\n{name} has {n} problem{} in its answers; fix {} in the answers file the plan was rendered from (`gcmplan check` reads it) and render the plan again",
        if n == 1 { "" } else { "s" },
        if n == 1 { "it" } else { "them" },
    ));
    BadExport(out).into()
}
