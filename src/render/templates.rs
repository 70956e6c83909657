//! The template sets (Markdown and HTML), embedded in the binary and
//! overridable one file at a time from a folder, as mdBook's themes are.
//!
//! `--templates DIR` reads `DIR/markdown/NAME.hbs` and `DIR/html/NAME.hbs`:
//! a file replaces the embedded template of the same name, and a file with a
//! new name adds a template that the others can `{{include}}`. Everything not
//! overridden falls back to the embedded default, so an override written for
//! one section keeps working when the rest of the templates change.
//!
//! `gcmplan templates export DIR` writes the defaults out, each stamped on its
//! first line with `{{!-- gcmplan template-version: N --}}`. The stamp lets
//! gcmplan warn when an override was written against an older context (mdBook
//! users who copied a whole theme met "helper not found" after upgrades with
//! no warning). The stamp line is removed before compiling, and line numbers
//! in errors are those of the file as the user sees it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use handlebars::{RenderError, RenderErrorReason, Template, TemplateError, TemplateErrorReason};

/// The version of the data the templates see and of the helpers they can
/// call. Bump it when a field a template uses is renamed or removed, or a
/// helper changes, so that overrides written before are flagged.
pub const TEMPLATE_VERSION: u32 = 1;

const STAMP_PREFIX: &str = "{{!-- gcmplan template-version: ";
const STAMP_SUFFIX: &str = " --}}";

/// The stamp line `templates export` writes at the top of each file.
pub fn stamp() -> String {
    format!("{STAMP_PREFIX}{TEMPLATE_VERSION}{STAMP_SUFFIX}")
}

/// Embeds `plan-templates/FOLDER/NAME.hbs` for each name.
macro_rules! embed {
    ($folder:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../plan-templates/", $folder, "/", $name, ".hbs")))),*]
    };
}

/// The Markdown templates: the document (`plan`), which includes one
/// template per section, some of which include one per subsection. Small
/// templates are also quicker to override, and an override is parsed on
/// every render: handlebars' parser costs grow with the square of a
/// template's length.
pub const MARKDOWN_TEMPLATES: &[(&str, &str)] = embed![
    "markdown":
    "plan",
    "title",
    "revisions",
    "summary",
    "summary-approach",
    "summary-coverage",
    "summary-outlook",
    "mandate",
    "mandate-compact",
    "mandate-context",
    "mandate-route",
    "mandate-approach",
    "principles",
    "governance",
    "governance-government",
    "governance-society",
    "governance-local",
    "inventory",
    "objectives",
    "objective",
    "measure",
    "objectives-outside",
    "partnerships",
    "resources",
    "monitoring",
    "monitoring-arrangements",
    "monitoring-calendar",
    "monitoring-indicators",
    "monitoring-sdgs",
    "annex-gaps",
    "annex-practices",
    "annex-approaches",
    "annex-findings",
];

/// The HTML templates: the same sections as the Markdown ones, plus the page
/// (`plan`, with `head` and `style`), the contents and the coverage chart.
pub const HTML_TEMPLATES: &[(&str, &str)] = embed![
    "html":
    "plan",
    "head",
    "style",
    "style-print",
    "title",
    "contents",
    "revisions",
    "summary",
    "summary-approach",
    "summary-coverage",
    "summary-outlook",
    "chart",
    "mandate",
    "mandate-compact",
    "mandate-context",
    "mandate-route",
    "mandate-approach",
    "principles",
    "governance",
    "governance-government",
    "governance-society",
    "governance-local",
    "inventory",
    "matrix",
    "objectives",
    "objective",
    "measure",
    "objectives-outside",
    "partnerships",
    "resources",
    "monitoring",
    "monitoring-arrangements",
    "monitoring-calendar",
    "monitoring-indicators",
    "monitoring-sdgs",
    "annex-gaps",
    "annex-practices",
    "annex-approaches",
    "annex-findings",
];

/// A family of templates that renders one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateSet {
    Markdown,
    Html,
}

impl TemplateSet {
    pub const ALL: [TemplateSet; 2] = [TemplateSet::Markdown, TemplateSet::Html];

    /// The folder name, under `plan-templates/` and under `--templates DIR`.
    pub fn folder(self) -> &'static str {
        match self {
            TemplateSet::Markdown => "markdown",
            TemplateSet::Html => "html",
        }
    }

    pub fn embedded(self) -> &'static [(&'static str, &'static str)] {
        match self {
            TemplateSet::Markdown => MARKDOWN_TEMPLATES,
            TemplateSet::Html => HTML_TEMPLATES,
        }
    }
}

/// Where a template came from, for error messages.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The override file, or None for the embedded default.
    pub file: Option<PathBuf>,
    /// Lines removed from the top of the file before compiling (the stamp).
    pub line_offset: usize,
}

/// The templates to compile for one set: the defaults with any overrides.
#[derive(Debug)]
pub struct Sources {
    pub set: TemplateSet,
    pub templates: Vec<(String, String)>,
    pub origins: HashMap<String, Origin>,
    /// Things the user should know (old stamps, likely typos), one per line.
    pub warnings: Vec<String>,
}

/// The defaults for `set`, with the overrides found in `dir/<set>/`.
pub fn sources(set: TemplateSet, dir: Option<&Path>) -> Result<Sources> {
    let mut templates: Vec<(String, String)> = set
        .embedded()
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let mut origins: HashMap<String, Origin> = set
        .embedded()
        .iter()
        .map(|(n, _)| {
            (
                n.to_string(),
                Origin {
                    file: None,
                    line_offset: 0,
                },
            )
        })
        .collect();
    let mut warnings = Vec::new();
    let Some(dir) = dir else {
        return Ok(Sources {
            set,
            templates,
            origins,
            warnings,
        });
    };
    if !dir.is_dir() {
        return Err(anyhow!(
            "cannot read templates from {}: no such folder\n  = help: `gcmplan templates export {}` writes the default templates there to start from",
            dir.display(),
            dir.display()
        ));
    }
    let folder = dir.join(set.folder());
    if !folder.is_dir() {
        if has_hbs_files(dir) {
            warnings.push(format!(
                "{} holds templates, but overrides for {} go in {}; these were not used",
                dir.display(),
                set.folder(),
                folder.join("NAME.hbs").display()
            ));
        }
        return Ok(Sources {
            set,
            templates,
            origins,
            warnings,
        });
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .with_context(|| format!("cannot read the templates folder {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "hbs") && p.is_file())
        .collect();
    files.sort();
    for file in files {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = crate::load::read_text(&file)?;
        let (body, version) = split_stamp(&text);
        match version {
            Some(v) if v < TEMPLATE_VERSION => warnings.push(format!(
                "{} was written for template version {v}; this gcmplan's templates are version {TEMPLATE_VERSION}\n  = help: compare it with the new default (`gcmplan templates export NEWDIR`), update it, then set its first line to `{}`",
                file.display(),
                stamp()
            )),
            Some(v) if v > TEMPLATE_VERSION => warnings.push(format!(
                "{} was written for template version {v}, newer than this gcmplan's ({TEMPLATE_VERSION})\n  = help: upgrade gcmplan, or start again from `gcmplan templates export NEWDIR`",
                file.display()
            )),
            Some(_) => {}
            None => warnings.push(format!(
                "{} has no version stamp, so gcmplan cannot tell which templates it was written for\n  = help: start overrides from `gcmplan templates export DIR`, or add `{}` as its first line",
                file.display(),
                stamp()
            )),
        }
        let origin = Origin {
            file: Some(file.clone()),
            line_offset: usize::from(version.is_some()),
        };
        match templates.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = body.to_string(),
            None => {
                if let Some(near) = nearest(set, &name) {
                    warnings.push(format!(
                        "{} overrides no built-in template: it adds a new one named `{name}`\n  = help: did you mean {near}.hbs?",
                        file.display()
                    ));
                }
                templates.push((name.clone(), body.to_string()));
            }
        }
        origins.insert(name, origin);
    }
    Ok(Sources {
        set,
        templates,
        origins,
        warnings,
    })
}

fn has_hbs_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(|e| e.ok())
            .any(|e| e.path().extension().is_some_and(|x| x == "hbs"))
    })
}

/// The embedded template whose name is closest to `name`, if close enough to
/// be a typo.
fn nearest(set: TemplateSet, name: &str) -> Option<&'static str> {
    set.embedded()
        .iter()
        .map(|(n, _)| (strsim::levenshtein(n, name), *n))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, n)| n)
}

/// Splits a leading version stamp off a template: the body and the version.
fn split_stamp(text: &str) -> (&str, Option<u32>) {
    let (first, rest) = match text.split_once('\n') {
        Some((first, rest)) => (first, rest),
        None => (text, ""),
    };
    let version = first
        .trim_end_matches('\r')
        .strip_prefix(STAMP_PREFIX)
        .and_then(|s| s.strip_suffix(STAMP_SUFFIX))
        .and_then(|v| v.trim().parse().ok());
    match version {
        Some(v) => (rest, Some(v)),
        None => (text, None),
    }
}

impl Sources {
    /// A name for the template in messages: its file, or "built in".
    fn describe(&self, name: &str) -> String {
        match self.origins.get(name).and_then(|o| o.file.as_ref()) {
            Some(file) => format!(
                "{} template `{name}` ({})",
                self.set.folder(),
                file.display()
            ),
            None => format!("built-in {} template `{name}`", self.set.folder()),
        }
    }

    fn offset(&self, name: &str) -> usize {
        self.origins.get(name).map_or(0, |o| o.line_offset)
    }

    /// The compiled templates: the built-in ones as parsed when gcmplan
    /// was built (see `precompiled`), the overrides parsed now.
    pub fn compile(&self) -> Result<Vec<(String, Template)>> {
        let mut built = super::precompiled::built_set(self.set.folder());
        self.templates
            .iter()
            .map(|(name, text)| {
                let embedded = matches!(
                    self.origins.get(name.as_str()),
                    Some(Origin { file: None, .. })
                );
                match built.remove(name.as_str()).filter(|_| embedded) {
                    Some(mut t) => {
                        t.name = Some(name.clone());
                        Ok(t)
                    }
                    None => Template::compile_with_name(text, name.clone())
                        .map_err(|e| self.parse_error(name, &e)),
                }
                .map(|t| (name.clone(), t))
            })
            .collect()
    }

    fn parse_error(&self, name: &str, e: &TemplateError) -> anyhow::Error {
        let text = self
            .templates
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, t)| t.as_str());
        let at = match e.pos() {
            Some((line, col)) => format!(" at line {}, column {col}", line + self.offset(name)),
            None => String::new(),
        };
        let why = match (e.reason(), e.pos()) {
            // pest lists every token it could have accepted; say what went
            // wrong instead.
            (TemplateErrorReason::InvalidSyntax(_), Some((line, _)))
                if line > text.trim_end().lines().count() =>
            {
                "the template ends inside a block: a `{{#if}}`, `{{#each}}`, `{{#with}}` or `{{#unless}}` is not closed with its `{{/...}}`".to_string()
            }
            (TemplateErrorReason::InvalidSyntax(_), Some((line, _))) => format!(
                "invalid handlebars syntax in `{}`",
                text.lines().nth(line.saturating_sub(1)).unwrap_or("").trim()
            ),
            (reason, _) => reason.to_string(),
        };
        anyhow!(
            "the {} does not parse{at}: {why}\n  = help: fix the template, or delete the file to fall back to the built-in one",
            self.describe(name)
        )
    }

    /// Turns a rendering error into a message that names the template, its
    /// file and the line, and says what to do.
    pub fn render_error(&self, e: RenderError) -> anyhow::Error {
        let name = e.template_name.clone().unwrap_or_else(|| "plan".into());
        let at = match (e.line_no, e.column_no) {
            (Some(line), Some(col)) => {
                format!(" at line {}, column {col}", line + self.offset(&name))
            }
            _ => String::new(),
        };
        let (what, help) = match e.reason() {
            RenderErrorReason::MissingVariable(Some(path)) => (
                format!("`{path}` is not in the plan data"),
                format!(
                    "check the spelling against the built-in templates (`gcmplan templates export DIR`) or `gcmplan schema plan`; inside `{{{{#each}}}}` or `{{{{#with}}}}`, reach outer fields with `../`{}",
                    if self.set == TemplateSet::Html {
                        "; the HTML templates also see `chart` and `priority_table`"
                    } else {
                        ""
                    }
                ),
            ),
            RenderErrorReason::PartialNotFound(p) | RenderErrorReason::TemplateNotFound(p) => (
                format!("there is no template named `{p}`"),
                format!(
                    "add {}.hbs to the templates folder, or include one of the built-in templates",
                    p
                ),
            ),
            RenderErrorReason::HelperNotFound(h) => (
                format!("there is no helper named `{h}`"),
                "the helpers are include, plural, cell (Markdown), lines (HTML) and handlebars' own (if, each, with, eq, and, len, ...)".into(),
            ),
            other => (
                other.to_string(),
                "fix the template, or delete the file to fall back to the built-in one".into(),
            ),
        };
        anyhow!(
            "cannot render the {}{at}: {what}\n  = help: {help}",
            self.describe(&name)
        )
    }
}

/// What `templates export` did with each file.
#[derive(Debug, PartialEq, Eq)]
pub enum Exported {
    Written(PathBuf),
    Unchanged(PathBuf),
    Replaced(PathBuf, PathBuf),
}

/// Writes every default template, stamped, to `dir/<set>/NAME.hbs`. A file
/// that differs from the default is an override someone may have worked on:
/// it is kept unless `force`, and then saved with `.bak` added.
pub fn export(dir: &Path, force: bool) -> Result<Vec<Exported>> {
    let mut planned = Vec::new();
    for set in TemplateSet::ALL {
        for (name, text) in set.embedded() {
            let path = dir.join(set.folder()).join(format!("{name}.hbs"));
            let content = format!("{}\n{text}", stamp());
            planned.push((path, content));
        }
    }
    // Check everything before writing anything, so a refusal leaves no
    // half-exported folder.
    let clashes: Vec<&PathBuf> = planned
        .iter()
        .filter(|(p, c)| std::fs::read(p).is_ok_and(|old| old != c.as_bytes()))
        .map(|(p, _)| p)
        .collect();
    if !clashes.is_empty() && !force {
        let list: Vec<String> = clashes
            .iter()
            .take(5)
            .map(|p| format!("  {}", p.display()))
            .collect();
        let more = clashes.len().saturating_sub(5);
        return Err(anyhow!(
            "refusing to overwrite {} template{} that differ from the defaults:\n{}{}\n  = help: export to another folder, or pass --force to replace them (each old file is kept with .bak added)",
            clashes.len(),
            if clashes.len() == 1 { "" } else { "s" },
            list.join("\n"),
            if more > 0 {
                format!("\n  and {more} more")
            } else {
                String::new()
            }
        ));
    }
    for set in TemplateSet::ALL {
        let folder = dir.join(set.folder());
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create the folder {}", folder.display()))?;
    }
    let mut done = Vec::new();
    for (path, content) in planned {
        match std::fs::read(&path) {
            Ok(old) if old == content.as_bytes() => done.push(Exported::Unchanged(path)),
            Ok(_) => {
                let written = crate::output::write_user_file(&path, &content, true)?;
                match written {
                    crate::output::Written::ReplacedWithBackup(p, b) => {
                        done.push(Exported::Replaced(p, b))
                    }
                    _ => done.push(Exported::Written(path)),
                }
            }
            Err(_) => {
                crate::output::write_atomic(&path, content.as_bytes())?;
                done.push(Exported::Written(path));
            }
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_file_is_embedded() {
        for set in TemplateSet::ALL {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("plan-templates")
                .join(set.folder());
            let mut files: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| {
                    e.unwrap()
                        .file_name()
                        .to_string_lossy()
                        .trim_end_matches(".hbs")
                        .to_string()
                })
                .collect();
            files.sort();
            let mut embedded: Vec<String> =
                set.embedded().iter().map(|(n, _)| n.to_string()).collect();
            embedded.sort();
            assert_eq!(files, embedded, "{}", set.folder());
        }
    }

    #[test]
    fn a_stamp_is_read_and_removed() {
        let text = format!("{}\n# {{{{title}}}}\n", stamp());
        assert_eq!(
            split_stamp(&text),
            ("# {{title}}\n", Some(TEMPLATE_VERSION))
        );
        assert_eq!(
            split_stamp("{{!-- gcmplan template-version: 0 --}}\r\nx"),
            ("x", Some(0))
        );
        assert_eq!(split_stamp("# {{title}}\n"), ("# {{title}}\n", None));
        assert_eq!(split_stamp(""), ("", None));
    }

    #[test]
    fn near_names_are_suggested() {
        assert_eq!(nearest(TemplateSet::Html, "sumary"), Some("summary"));
        assert_eq!(nearest(TemplateSet::Markdown, "foreword"), None);
    }
}
