//! Reading an answers file: syntax, then structure, then meaning. Each stage
//! reports all of its problems at once; a later stage runs only on what the
//! earlier one accepted, so one mistake never shows up as a cascade.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::de::DeTable;

use crate::answers::Answers;
use crate::diagnostics::{Diagnostic, Source};
use crate::schema_check::{Checker, SpanIndex};

pub struct Loaded {
    pub answers: Answers,
    pub spans: SpanIndex,
}

/// The JSON Schema of the answers format, derived from the Rust types.
pub fn answers_schema() -> &'static serde_json::Value {
    static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
    SCHEMA.get_or_init(|| schemars::schema_for!(Answers).to_value())
}

/// Parses and checks answers text; on failure, every problem found.
pub fn parse(text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let (table, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax
            .into_iter()
            .map(|e| {
                Diagnostic::error(format!("this is not valid TOML: {}", e.message().trim_end()))
                    .at(e.span())
                    .help("check quotes, brackets and `key = value` lines around this place; text values need double quotes")
            })
            .collect());
    }
    // serde decides quickly whether the structure is right (every type denies
    // unknown keys); only when it is not does the slower structural check
    // walk the file to report every problem at once, not just the first.
    let answers = match Answers::deserialize(toml::de::Deserializer::from(table)) {
        Ok(a) => a,
        Err(e) => {
            let (table, _) = DeTable::parse_recoverable(text);
            let mut checker = Checker::new(answers_schema());
            checker.check_table(&table);
            if checker.diagnostics.is_empty() {
                // The walk found nothing serde objects to; report serde's words.
                return Err(vec![
                    Diagnostic::error(e.message().trim_end().to_string())
                        .at(e.span())
                        .help(
                            "fix this value; `gcmplan init` writes a complete, commented example",
                        ),
                ]);
            }
            return Err(checker.diagnostics);
        }
    };
    let spans = SpanIndex::new(text);
    let problems = crate::validate::validate(&answers, &spans);
    if problems.is_empty() {
        Ok(Loaded { answers, spans })
    } else {
        Err(problems)
    }
}

/// An answers file that cannot be used, with every problem rendered.
#[derive(Debug)]
pub struct InvalidAnswers {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
    pub rendered: String,
}

impl fmt::Display for InvalidAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(
            f,
            "{}\n{} has {} problem{}; fix {} and run `gcmplan check {}` again",
            self.rendered.trim_end(),
            self.file,
            n,
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" },
            self.file
        )
    }
}

impl std::error::Error for InvalidAnswers {}

pub fn render_all(name: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let source = Source { name, text };
    diagnostics
        .iter()
        .map(|d| source.render(d))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads and checks an answers file.
pub fn load_file(path: &Path) -> anyhow::Result<Loaded> {
    let name = path.display().to_string();
    let text = read_text(path)?;
    parse(&text).map_err(|diagnostics| {
        let rendered = render_all(&name, &text, &diagnostics);
        InvalidAnswers {
            file: name,
            diagnostics,
            rendered,
        }
        .into()
    })
}

/// Reads a file as UTF-8 text, with an error that says what to do.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    if path.is_dir() {
        anyhow::bail!(
            "cannot read {}: it is a folder, not an answers file\n  = help: name the file itself, e.g. {}",
            path.display(),
            path.join("answers.toml").display()
        );
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow::anyhow!(
            "cannot read {}: no such file\n  = help: check the path, or create a starter file with `gcmplan init {}`",
            path.display(),
            path.display()
        ),
        _ => anyhow::anyhow!("cannot read {}: {e}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 text (invalid byte at offset {})\n  = help: save the file as UTF-8 from your editor",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}
