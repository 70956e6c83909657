//! The plan as one standalone HTML page: CSS inline, no script, no network
//! (a Content-Security-Policy in the page says so to the browser too), a print
//! stylesheet, and an SVG chart of coverage. The page is laid out by the
//! templates in `plan-templates/html/`; this module gives them the plan plus
//! what only a picture needs (coordinates), computed here because templates
//! do not compute.

use handlebars::{Context as HbContext, Handlebars, Helper, HelperResult, Output, RenderContext};
use serde::Serialize;

use super::Registry;
use super::chart::{self, Chart, PriorityRow};
use crate::plan::Plan;

/// What the HTML templates see: the plan's fields at the top level, as the
/// Markdown templates see them, plus `chart` and `priority_table`.
#[derive(Serialize)]
pub struct HtmlView<'a> {
    #[serde(flatten)]
    pub plan: &'a Plan,
    pub chart: Chart,
    pub priority_table: Vec<PriorityRow>,
}

impl<'a> HtmlView<'a> {
    pub fn new(plan: &'a Plan) -> HtmlView<'a> {
        HtmlView {
            plan,
            chart: chart::coverage_chart(plan),
            priority_table: chart::priority_table(plan),
        }
    }
}

/// Renders the plan as HTML with a registry for the HTML templates.
pub fn render(registry: &Registry, plan: &Plan) -> anyhow::Result<String> {
    Ok(super::tidy(&registry.render(&HtmlView::new(plan))?))
}

/// Escapes text for HTML, in element content and in quoted or unquoted
/// attribute values alike. Control characters other than tab and newline
/// have no business in a document and are dropped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '`' => out.push_str("&#x60;"),
            '=' => out.push_str("&#x3D;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `{{lines x}}`: escaped text, its paragraphs kept: a blank line in the
/// text shows as a blank line, other line breaks are wraps, as in Markdown.
pub fn lines_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = super::text_param(h, "lines")?;
    let paragraphs: Vec<String> = super::paragraphs(&text)
        .iter()
        .map(|p| escape_html(p))
        .collect();
    out.write(&paragraphs.join("<br>\n<br>\n"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_become_markup() {
        assert_eq!(
            escape_html("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
        );
        assert_eq!(escape_html("a \"b\" & c"), "a &quot;b&quot; &amp; c");
        assert_eq!(escape_html("x onmouseover=y"), "x onmouseover&#x3D;y");
        assert_eq!(escape_html("bell\u{7}"), "bell");
        assert_eq!(escape_html("Réfugiés | لاجئون"), "Réfugiés | لاجئون");
    }
}
