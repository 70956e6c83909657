//! Rendering a plan through the handlebars templates in `plan-templates/`.
//! The templates are embedded in the binary; strict mode makes a typo in a
//! template an error rather than a silently empty section, and every user
//! string is escaped for Markdown on its way in.

use anyhow::{Context, Result};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext,
    RenderErrorReason, Renderable,
};

use crate::plan::Plan;

/// The Markdown templates: the document, then one partial per section.
pub const MARKDOWN_TEMPLATES: &[(&str, &str)] = &[
    ("plan", include_str!("../plan-templates/markdown/plan.hbs")),
    (
        "title",
        include_str!("../plan-templates/markdown/title.hbs"),
    ),
    (
        "summary",
        include_str!("../plan-templates/markdown/summary.hbs"),
    ),
    (
        "mandate",
        include_str!("../plan-templates/markdown/mandate.hbs"),
    ),
    (
        "principles",
        include_str!("../plan-templates/markdown/principles.hbs"),
    ),
    (
        "governance",
        include_str!("../plan-templates/markdown/governance.hbs"),
    ),
    (
        "inventory",
        include_str!("../plan-templates/markdown/inventory.hbs"),
    ),
    (
        "objectives",
        include_str!("../plan-templates/markdown/objectives.hbs"),
    ),
    (
        "measure",
        include_str!("../plan-templates/markdown/measure.hbs"),
    ),
    (
        "partnerships",
        include_str!("../plan-templates/markdown/partnerships.hbs"),
    ),
    (
        "resources",
        include_str!("../plan-templates/markdown/resources.hbs"),
    ),
    (
        "monitoring",
        include_str!("../plan-templates/markdown/monitoring.hbs"),
    ),
    (
        "annex-gaps",
        include_str!("../plan-templates/markdown/annex-gaps.hbs"),
    ),
    (
        "annex-practices",
        include_str!("../plan-templates/markdown/annex-practices.hbs"),
    ),
    (
        "annex-approaches",
        include_str!("../plan-templates/markdown/annex-approaches.hbs"),
    ),
    (
        "annex-findings",
        include_str!("../plan-templates/markdown/annex-findings.hbs"),
    ),
];

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
        for c in rest.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
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
    out.write(&escape_markdown(&flat))?;
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

/// `{{section "name"}}`: renders another template in the current context.
/// Unlike a partial (`{{> name}}`), which copies the whole context for every
/// inclusion, it renders in place: the plan is copied once, not once per
/// section.
struct SectionHelper;

impl HelperDef for SectionHelper {
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
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("section", 0))?;
        let template = r
            .get_template(name)
            .ok_or_else(|| RenderErrorReason::PartialNotFound(name.to_string()))?;
        template.render(r, ctx, rc, out)
    }
}

/// A registry with the Markdown templates, helpers and escaping.
pub fn markdown_registry() -> Result<Handlebars<'static>> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(escape_markdown);
    hb.register_helper("cell", Box::new(cell_helper));
    hb.register_helper("plural", Box::new(plural_helper));
    hb.register_helper("section", Box::new(SectionHelper));
    for (name, text) in MARKDOWN_TEMPLATES {
        hb.register_template_string(name, *text)
            .with_context(|| format!("template `{name}` does not parse"))?;
    }
    Ok(hb)
}

/// Renders the plan as Markdown.
pub fn markdown(plan: &Plan) -> Result<String> {
    let hb = markdown_registry()?;
    let text = hb
        .render("plan", plan)
        .context("rendering the Markdown plan")?;
    Ok(tidy(&text))
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
    fn tidy_keeps_one_blank_line() {
        assert_eq!(tidy("a\n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
