//! Rendering a plan through the handlebars templates in `plan-templates/`.
//! The templates are embedded in the binary; strict mode makes a typo in a
//! template an error rather than a silently empty section, and every user
//! string is escaped for Markdown on its way in.

use anyhow::{Context, Result};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext,
    RenderErrorReason, Renderable, Template,
};

use crate::plan::Plan;

/// Embeds `plan-templates/markdown/NAME.hbs` for each name.
macro_rules! markdown_templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../plan-templates/markdown/", $name, ".hbs")))),*]
    };
}

/// The Markdown templates: the document (`plan`), which includes one
/// template per section, some of which include one per subsection. Small
/// templates also compile faster: handlebars' parser costs grow with the
/// square of a template's length.
pub const MARKDOWN_TEMPLATES: &[(&str, &str)] = markdown_templates![
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

/// Escapes text inside a line (a table cell, a list item's tail), where
/// line-start markers such as "1." or "-" mean nothing.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes text for Markdown so that a user's words never become markup:
/// emphasis, links, tables, HTML and headings are all neutralised.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        out.push_str(indent);
        let mut rest = trimmed;
        // Block markers only mean something at the start of a line.
        if let Some(c) = rest.chars().next() {
            if matches!(c, '#' | '>' | '-' | '+' | '=') {
                out.push('\\');
                out.push(c);
                rest = &rest[c.len_utf8()..];
            } else if c.is_ascii_digit() {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                let after = &rest[digits..];
                if after.starts_with('.') || after.starts_with(')') {
                    out.push_str(&rest[..digits]);
                    out.push('\\');
                    rest = &rest[digits..];
                }
            }
        }
        out.push_str(&escape_inline(rest));
    }
    out
}

/// `{{cell x}}`: escaped, and on one line, for a table cell.
fn cell_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let value = h
        .param(0)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("cell", 0))?
        .value();
    let text = match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    out.write(&escape_inline(&flat))?;
    Ok(())
}

/// `{{plural n "measure"}}`: "1 measure", "3 measures".
fn plural_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let n = h
        .param(0)
        .and_then(|p| p.value().as_u64())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("plural", 0))?;
    let word = h
        .param(1)
        .and_then(|p| p.value().as_str())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex("plural", 1))?;
    let plural = match h.param(2).and_then(|p| p.value().as_str()) {
        Some(p) => p.to_string(),
        None => format!("{word}s"),
    };
    out.write(&format!("{n} {}", if n == 1 { word } else { &plural }))?;
    Ok(())
}

/// `{{include "name"}}`: renders another template in the current context.
/// Unlike a partial (`{{> name}}`), which copies the whole context for every
/// inclusion, it renders in place: the plan is copied once, not once per
/// section.
struct IncludeHelper;

impl HelperDef for IncludeHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc HbContext,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("include", 0))?;
        let template = r
            .get_template(name)
            .ok_or_else(|| RenderErrorReason::PartialNotFound(name.to_string()))?;
        template.render(r, ctx, rc, out)
    }
}

/// Compiles templates on two threads. Handlebars' parser is slow (it
/// recomputes line and column from the start of the template for every
/// token), and compiling is the largest part of rendering a plan, so the
/// work is shared between cores.
pub fn compile_templates(sources: &[(&str, &str)]) -> Result<Vec<(String, Template)>> {
    let compile = |part: Vec<(&str, &str)>| -> Result<Vec<(String, Template)>> {
        part.into_iter()
            .map(|(name, text)| {
                Template::compile_with_name(text, name.to_string())
                    .map(|t| (name.to_string(), t))
                    .with_context(|| format!("template `{name}` does not parse"))
            })
            .collect()
    };
    // Deal the templates out largest first, so both halves weigh the same.
    let mut sorted: Vec<(&str, &str)> = sources.to_vec();
    sorted.sort_by_key(|(_, text)| std::cmp::Reverse(text.len()));
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let (mut lw, mut rw) = (0, 0);
    for t in sorted {
        if lw <= rw {
            lw += t.1.len();
            left.push(t);
        } else {
            rw += t.1.len();
            right.push(t);
        }
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(|| compile(right));
        let mut out = compile(left)?;
        out.extend(
            other
                .join()
                .map_err(|_| anyhow::anyhow!("compiling templates failed"))??,
        );
        Ok(out)
    })
}

/// A registry with the Markdown templates, helpers and escaping.
pub fn markdown_registry() -> Result<Handlebars<'static>> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape_markdown);
    hb.register_helper("cell", Box::new(cell_helper));
    hb.register_helper("plural", Box::new(plural_helper));
    hb.register_helper("include", Box::new(IncludeHelper));
    for (name, template) in compile_templates(MARKDOWN_TEMPLATES)? {
        hb.register_template(&name, template);
    }
    Ok(hb)
}

/// Renders the plan with a registry made by [`markdown_registry`].
pub fn markdown_with(hb: &Handlebars<'_>, plan: &Plan) -> Result<String> {
    let text = hb
        .render("plan", plan)
        .context("rendering the Markdown plan")?;
    Ok(tidy(&text))
}

/// Renders the plan as Markdown.
pub fn markdown(plan: &Plan) -> Result<String> {
    markdown_with(&markdown_registry()?, plan)
}

/// Collapses the runs of blank lines that template conditionals leave behind.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    let trimmed = out.trim_end();
    format!("{}\n", trimmed.trim_start_matches('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(escape_markdown("a *b* _c_"), "a \\*b\\* \\_c\\_");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("- not a list"), "\\- not a list");
        assert_eq!(escape_markdown("1. not a list"), "1\\. not a list");
        assert_eq!(
            escape_markdown("<script>x</script>"),
            "\\<script\\>x\\</script\\>"
        );
        assert_eq!(escape_markdown("a | b"), "a \\| b");
        assert_eq!(escape_markdown("[link](x)"), "\\[link\\](x)");
        assert_eq!(
            escape_markdown("Réfugiés et migrants"),
            "Réfugiés et migrants"
        );
        assert_eq!(escape_markdown("line one\n> quote"), "line one\n\\> quote");
    }

    #[test]
    fn every_template_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/plan-templates/markdown");
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
        let mut embedded: Vec<String> = MARKDOWN_TEMPLATES
            .iter()
            .map(|(n, _)| n.to_string())
            .collect();
        embedded.sort();
        assert_eq!(files, embedded);
    }

    #[test]
    fn tidy_keeps_one_blank_line() {
        assert_eq!(tidy("a\n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
