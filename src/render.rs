//! Rendering a plan in each output format. Markdown and HTML go through the
//! handlebars templates in `plan-templates/` ([`templates`]), embedded in the
//! binary and overridable by name; strict mode makes a typo in a template an
//! error rather than a silently empty section, and every user string is
//! escaped for the format on its way in. Word ([`docx`]) and JSON ([`json`])
//! are built in Rust from the same [`Plan`].

pub mod chart;
pub mod docx;
pub mod html;
pub mod json;
mod precompiled;
pub mod templates;

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use handlebars::template::{Parameter, TemplateElement};
use handlebars::{
    Context as HbContext, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext,
    RenderErrorReason, Renderable, Template,
};
use serde::Serialize;

use crate::plan::Plan;
pub use templates::{MARKDOWN_TEMPLATES, TemplateSet};

/// The formats `render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
    Json,
}

impl Format {
    /// The extension of the default output file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Json => "json",
        }
    }

    /// The format an output file's extension asks for; Markdown for any
    /// other extension, as the plan was before there were other formats.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "html" | "htm" => Format::Html,
            "docx" => Format::Docx,
            "json" => Format::Json,
            _ => Format::Markdown,
        }
    }

    /// The template set that renders this format, if any.
    pub fn template_set(self) -> Option<TemplateSet> {
        match self {
            Format::Markdown => Some(TemplateSet::Markdown),
            Format::Html => Some(TemplateSet::Html),
            Format::Docx | Format::Json => None,
        }
    }
}

/// Escapes text inside a line (a table cell, a list item's tail), where
/// line-start markers such as "1." or "-" mean nothing.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_inline(&mut out, text);
    out
}

/// The characters [`escape_inline`] escapes, all ASCII.
const INLINE_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let special = b"\\`*_[]<>|~#!&";
    let mut i = 0;
    while i < special.len() {
        table[special[i] as usize] = true;
        i += 1;
    }
    table
};

/// Appends `text` to `out` escaped as [`escape_inline`] does, copying the
/// runs between special characters whole.
fn push_inline(out: &mut String, text: &str) {
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        if INLINE_SPECIAL[usize::from(b)] {
            out.push_str(&text[run..i]);
            out.push('\\');
            run = i;
        }
    }
    out.push_str(&text[run..]);
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
        push_inline(&mut out, rest);
    }
    out
}

/// The first parameter of a helper as text: a string as it is, null as
/// nothing, a number or anything else as JSON writes it.
pub fn text_param(h: &Helper, helper: &'static str) -> Result<String, RenderErrorReason> {
    let value = h
        .param(0)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(helper, 0))?
        .value();
    Ok(match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

/// `{{cell x}}`: escaped, and on one line, for a table cell.
fn cell_helper(
    h: &Helper,
    _: &Handlebars,
    _: &HbContext,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let text = text_param(h, "cell")?;
    // One line: runs of white space, line breaks included, become one space.
    let mut flat = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            flat.push(' ');
        }
        push_inline(&mut flat, word);
    }
    out.write(&flat)?;
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

/// What was rendered ahead of the document, on two threads (see
/// [`Registry::render`]).
#[derive(Default)]
struct Ahead {
    /// Sections the document includes at its top level, by name.
    sections: HashMap<String, String>,
    /// The loop whose items are rendered ahead, if the templates have one.
    site: Option<ItemSite>,
    /// Its items, by index.
    items: HashMap<usize, String>,
}

type Sections = std::sync::Arc<std::sync::RwLock<Ahead>>;

/// A piece of the document rendered ahead: a top-level section, or item
/// `i` of the loop in the site.
enum Task<'a> {
    Section(&'a str),
    Item(&'a ItemSite, usize),
}

/// `{{#each LIST}}…{{include "TEMPLATE"}}…{{/each}}` in a top-level
/// SECTION, inside nothing but `{{#if}}` and `{{#unless}}`, with TEMPLATE
/// and SECTION included nowhere else. Each item can then be rendered apart,
/// as the loop would render it: the objectives section is most of a plan,
/// and its objectives are shared out between the threads one by one.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ItemSite {
    section: String,
    list: String,
    template: String,
}

/// `{{include "name"}}`: renders another template in the current context.
/// Unlike a partial (`{{> name}}`), which copies the whole context for every
/// inclusion, it renders in place: the plan is copied once, not once per
/// section. A section the document includes at its top level may already
/// have been rendered (see [`Registry::render`]); it is then written as is.
struct IncludeHelper {
    sections: Sections,
}

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
        // The place in the data: the root, or an item of the loop.
        let place = match rc.block() {
            _ if rc.context().is_some() => None,
            None => Some(&[][..]),
            Some(b) if b.base_value().is_none() => Some(b.base_path().as_slice()),
            Some(_) => None,
        };
        if let Some(place) = place
            && let Ok(ahead) = self.sections.read()
        {
            let done = match place {
                [] => ahead.sections.get(name),
                [list, i] => ahead
                    .site
                    .as_ref()
                    .filter(|s| s.template == name && &s.list == list)
                    .and_then(|_| ahead.items.get(&i.parse().ok()?)),
                _ => None,
            };
            if let Some(text) = done {
                out.write(text)?;
                return Ok(());
            }
        }
        let template = r
            .get_template(name)
            .ok_or_else(|| RenderErrorReason::PartialNotFound(name.to_string()))?;
        template.render(r, ctx, rc, out)
    }
}

/// The sections `template` includes at its top level, outside any block:
/// those that can be rendered apart from the rest and from each other.
fn top_level_includes(template: &Template) -> Vec<String> {
    template.elements.iter().filter_map(included).collect()
}

/// The template an element includes with `{{include "name"}}`.
fn included(element: &TemplateElement) -> Option<String> {
    match element {
        TemplateElement::Expression(h)
            if h.name.as_name() == Some("include") && h.params.len() == 1 =>
        {
            match &h.params[0] {
                Parameter::Literal(serde_json::Value::String(name)) => Some(name.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Calls `f` on every element of `template`, blocks' contents included.
fn visit(template: &Template, f: &mut impl FnMut(&TemplateElement)) {
    for e in &template.elements {
        f(e);
        match e {
            TemplateElement::HelperBlock(h) => {
                for t in [&h.template, &h.inverse].into_iter().flatten() {
                    visit(t, f);
                }
            }
            TemplateElement::DecoratorBlock(d) | TemplateElement::PartialBlock(d) => {
                if let Some(t) = &d.template {
                    visit(t, f);
                }
            }
            _ => {}
        }
    }
}

/// The loop of the first of `top_level` that has one, as [`ItemSite`]
/// describes; none when any template includes a computed name.
fn item_site(hb: &Handlebars<'_>, top_level: &[String]) -> Option<ItemSite> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut computed = false;
    for template in hb.get_templates().values() {
        visit(template, &mut |e| {
            if let TemplateElement::Expression(h) = e
                && h.name.as_name() == Some("include")
            {
                match included(e) {
                    Some(name) => *counts.entry(name).or_default() += 1,
                    None => computed = true,
                }
            }
        });
    }
    if computed {
        return None;
    }
    let once = |name: &str| counts.get(name) == Some(&1);
    top_level.iter().filter(|s| once(s)).find_map(|section| {
        let mut found = Vec::new();
        loops(&hb.get_template(section)?.elements, &mut found);
        match found.as_slice() {
            [(list, template)] if once(template) && !top_level.contains(template) => {
                Some(ItemSite {
                    section: section.clone(),
                    list: list.clone(),
                    template: template.clone(),
                })
            }
            _ => None,
        }
    })
}

/// The `{{#each LIST}}` loops among `elements`, looking inside `{{#if}}`
/// and `{{#unless}}` only, that include a template, as (LIST, template).
fn loops(elements: &[TemplateElement], found: &mut Vec<(String, String)>) {
    for e in elements {
        let TemplateElement::HelperBlock(h) = e else {
            continue;
        };
        match h.name.as_name() {
            Some("if" | "unless") => {
                for t in [&h.template, &h.inverse].into_iter().flatten() {
                    loops(&t.elements, found);
                }
            }
            Some("each") if h.hash.is_empty() && h.block_param.is_none() => {
                let list = match h.params.as_slice() {
                    [Parameter::Path(handlebars::Path::Relative((segs, _)))] => {
                        match segs.as_slice() {
                            [handlebars::PathSeg::Named(list)] => list,
                            _ => continue,
                        }
                    }
                    _ => continue,
                };
                for t in h.template.iter() {
                    for name in t.elements.iter().filter_map(included) {
                        found.push((list.clone(), name));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A rough measure of the work a template does: loops weigh ten times
/// what they hold, and included templates count in full. Sections are
/// handed out heaviest first, so that the two threads finish together.
fn weight(hb: &Handlebars<'_>, template: &Template, depth: usize) -> usize {
    if depth > 8 {
        return 1;
    }
    template
        .elements
        .iter()
        .map(|e| match e {
            TemplateElement::HelperBlock(h) => {
                let inner: usize = [&h.template, &h.inverse]
                    .into_iter()
                    .flatten()
                    .map(|t| weight(hb, t, depth + 1))
                    .sum();
                if h.name.as_name() == Some("each") {
                    10 * (1 + inner)
                } else {
                    1 + inner
                }
            }
            e => match included(e).and_then(|name| hb.get_template(&name)) {
                Some(t) => weight(hb, t, depth + 1),
                None => 1,
            },
        })
        .sum()
}

/// A compiled template set, with what it needs to explain its errors.
pub struct Registry {
    hb: Handlebars<'static>,
    sources: templates::Sources,
    sections: Sections,
    /// What the `plan` template includes at its top level, heaviest first.
    top_level: Vec<String>,
}

impl Registry {
    /// Compiles `set`, with the overrides in `dir/<set>/` when given.
    pub fn new(set: TemplateSet, dir: Option<&Path>) -> Result<Registry> {
        let sources = templates::sources(set, dir)?;
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_helper("plural", Box::new(plural_helper));
        let sections = Sections::default();
        hb.register_helper(
            "include",
            Box::new(IncludeHelper {
                sections: sections.clone(),
            }),
        );
        match set {
            TemplateSet::Markdown => {
                hb.register_escape_fn(escape_markdown);
                hb.register_helper("cell", Box::new(cell_helper));
            }
            TemplateSet::Html => {
                hb.register_escape_fn(html::escape_html);
                hb.register_helper("lines", Box::new(html::lines_helper));
            }
        }
        for (name, template) in sources.compile()? {
            hb.register_template(&name, template);
        }
        let mut top_level: Vec<(usize, String)> = hb
            .get_template("plan")
            .map(top_level_includes)
            .unwrap_or_default()
            .into_iter()
            .map(|name| {
                let w = hb.get_template(&name).map_or(0, |t| weight(&hb, t, 0));
                (w, name)
            })
            .collect();
        top_level.sort_by_key(|(w, _)| std::cmp::Reverse(*w));
        let top_level: Vec<String> = top_level.into_iter().map(|(_, name)| name).collect();
        sections.write().unwrap_or_else(|e| e.into_inner()).site = item_site(&hb, &top_level);
        Ok(Registry {
            hb,
            sources,
            sections,
            top_level,
        })
    }

    /// Warnings about the overrides (old version stamps, likely typos).
    pub fn warnings(&self) -> &[String] {
        &self.sources.warnings
    }

    /// Renders the `plan` template with `data`.
    ///
    /// The sections `plan` includes at its top level are rendered first,
    /// shared out between two threads, and then written into the document
    /// as it renders; so are the items of the one loop that [`ItemSite`]
    /// finds (each objective), since that section alone is two thirds of a
    /// plan. A section or item that fails is left to render in place, so
    /// its error is reported where it occurs.
    pub fn render<T: Serialize>(&self, data: &T) -> Result<String> {
        let ctx = HbContext::wraps(data).map_err(|e| self.sources.render_error(e))?;
        let site = self
            .sections
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .site
            .clone();
        let items = site
            .as_ref()
            .and_then(|s| ctx.data().get(&s.list))
            .and_then(serde_json::Value::as_array)
            .map_or(0, Vec::len);
        // The section that holds the loop is rendered in place, from its
        // items; the other sections go first, heaviest first, then the items.
        let tasks: Vec<Task> = self
            .top_level
            .iter()
            .filter(|name| site.as_ref().is_none_or(|s| &s.section != *name))
            .map(|name| Task::Section(name))
            .chain(
                site.iter()
                    .flat_map(|s| (0..items).map(move |i| Task::Item(s, i))),
            )
            .collect();
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let text = match tasks.get(i) {
                    None => return done,
                    Some(Task::Section(name)) => self.hb.render_with_context(name, &ctx),
                    Some(Task::Item(site, n)) => self.render_item(site, *n, items, &ctx),
                };
                if let Ok(text) = text {
                    done.push((i, text));
                }
            }
        };
        let rendered = std::thread::scope(|scope| {
            let other = scope.spawn(work);
            let mut done = work();
            done.extend(other.join().unwrap_or_default());
            done
        });
        // The document is about as long as its sections: room for it is
        // made once, not by doubling a buffer a dozen times.
        let size = rendered.iter().map(|(_, text)| text.len()).sum::<usize>() + 64 * 1024;
        let mut ahead = self.sections.write().unwrap_or_else(|e| e.into_inner());
        for (i, text) in rendered {
            match tasks[i] {
                Task::Section(name) => ahead.sections.insert(name.to_string(), text),
                Task::Item(_, n) => ahead.items.insert(n, text),
            };
        }
        drop(ahead);
        let result = self.render_sized("plan", &ctx, size);
        let mut ahead = self.sections.write().unwrap_or_else(|e| e.into_inner());
        ahead.sections.clear();
        ahead.items.clear();
        drop(ahead);
        result.map_err(|e| self.sources.render_error(e))
    }

    /// Renders template `name`, as `render_with_context` does, into a
    /// buffer made `size` bytes long to begin with.
    fn render_sized(
        &self,
        name: &str,
        ctx: &HbContext,
        size: usize,
    ) -> Result<String, handlebars::RenderError> {
        struct Buffer(String);
        impl Output for Buffer {
            fn write(&mut self, seg: &str) -> std::io::Result<()> {
                self.0.push_str(seg);
                Ok(())
            }
            fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> std::io::Result<()> {
                std::fmt::Write::write_fmt(&mut self.0, args).map_err(std::io::Error::other)
            }
        }
        let template = self
            .hb
            .get_template(name)
            .ok_or_else(|| RenderErrorReason::TemplateNotFound(name.to_string()))?;
        let mut rc = RenderContext::new(template.name.as_ref());
        let mut out = Buffer(String::with_capacity(size));
        template.render(&self.hb, ctx, &mut rc, &mut out)?;
        Ok(out.0)
    }

    /// Item `i` of the loop in `site`, rendered as `{{#each}}` renders it:
    /// in a block at `LIST.i`, with `@index`, `@first` and `@last` set.
    fn render_item(
        &self,
        site: &ItemSite,
        i: usize,
        len: usize,
        ctx: &HbContext,
    ) -> Result<String, handlebars::RenderError> {
        let template = self
            .hb
            .get_template(&site.template)
            .ok_or_else(|| RenderErrorReason::PartialNotFound(site.template.clone()))?;
        let root = self.hb.get_template("plan").and_then(|t| t.name.as_ref());
        let mut rc = RenderContext::new(root);
        let mut block = handlebars::BlockContext::new();
        *block.base_path_mut() = vec![site.list.clone(), i.to_string()];
        block.set_local_var("first", serde_json::Value::Bool(i == 0));
        block.set_local_var("last", serde_json::Value::Bool(i + 1 == len));
        block.set_local_var("index", serde_json::Value::from(i));
        rc.push_block(block);
        let mut out = handlebars::StringOutput::new();
        template.render(&self.hb, ctx, &mut rc, &mut out)?;
        out.into_string().map_err(handlebars::RenderError::from)
    }

    /// Renders the plan as Markdown (a registry for [`TemplateSet::Markdown`]).
    pub fn markdown(&self, plan: &Plan) -> Result<String> {
        Ok(tidy(&self.render(plan)?))
    }
}

/// A registry with the embedded Markdown templates, helpers and escaping.
pub fn markdown_registry() -> Result<Handlebars<'static>> {
    Ok(Registry::new(TemplateSet::Markdown, None)?.hb)
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

/// A user's multi-line text as paragraphs, read as Markdown reads it: a
/// blank line separates paragraphs, and other line breaks are only where the
/// text was wrapped (TOML multi-line strings often are), so they become
/// spaces. HTML and Word show the text as the Markdown plan does.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join(" "));
    }
    out
}

/// Collapses the runs of blank lines that template conditionals leave behind.
pub(crate) fn tidy(text: &str) -> String {
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
    out.truncate(out.trim_end().len());
    let leading = out.len() - out.trim_start_matches('\n').len();
    out.drain(..leading);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sections_are_handed_out_heaviest_first() {
        for set in TemplateSet::ALL {
            let r = Registry::new(set, None).unwrap();
            // The objectives loop over the measures inside a loop over the
            // objectives; the title is a few lines.
            assert_eq!(r.top_level.first().map(String::as_str), Some("objectives"));
            assert!(r.top_level.contains(&"title".to_string()));
            assert_eq!(
                r.top_level.len(),
                top_level_includes(r.hb.get_template("plan").unwrap()).len()
            );
        }
    }

    #[test]
    fn sections_rendered_ahead_read_as_the_document_renders_them() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/philippines-systemic.toml"
        );
        let answers = crate::load::load_file(Path::new(path)).unwrap().answers;
        let plan = crate::plan::build(&answers, &crate::assess::assess(&answers), None);
        let registry = Registry::new(TemplateSet::Markdown, None).unwrap();
        let ahead = registry.markdown(&plan).unwrap();
        // The same templates with every section rendered in place.
        let in_place = tidy(&registry.hb.render("plan", &plan).unwrap());
        assert_eq!(ahead, in_place);
        assert!(ahead.contains("## 6. Objectives and measures"));
    }

    #[test]
    fn the_objectives_are_shared_out_one_by_one() {
        for set in TemplateSet::ALL {
            let registry = Registry::new(set, None).unwrap();
            let site = registry.sections.read().unwrap().site.clone();
            assert_eq!(
                site,
                Some(ItemSite {
                    section: "objectives".into(),
                    list: "objectives".into(),
                    template: "objective".into(),
                }),
                "{} templates",
                set.folder()
            );
        }
    }

    #[test]
    fn items_rendered_ahead_see_what_the_loop_would_show_them() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("markdown");
        std::fs::create_dir(&folder).unwrap();
        let (_, objective) = TemplateSet::Markdown
            .embedded()
            .iter()
            .find(|(name, _)| *name == "objective")
            .unwrap();
        // An override that reads the loop's variables, the plan above it
        // and the root.
        std::fs::write(
            folder.join("objective.hbs"),
            format!(
                "{{{{@index}}}}/{{{{#if @first}}}}first{{{{/if}}}}/{{{{#if @last}}}}last{{{{/if}}}}/{{{{../period}}}}/{{{{@root.state.name}}}}\n{objective}"
            ),
        )
        .unwrap();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/philippines-systemic.toml"
        );
        let answers = crate::load::load_file(Path::new(path)).unwrap().answers;
        let plan = crate::plan::build(&answers, &crate::assess::assess(&answers), None);
        let registry = Registry::new(TemplateSet::Markdown, Some(dir.path())).unwrap();
        assert!(registry.sections.read().unwrap().site.is_some());
        let ahead = registry.markdown(&plan).unwrap();
        let in_place = tidy(&registry.hb.render("plan", &plan).unwrap());
        assert_eq!(ahead, in_place);
        assert!(ahead.contains("\n0/first//2025"), "{ahead}");
        assert!(ahead.contains("\n22//last/2025"), "{ahead}");
    }

    #[test]
    fn a_loop_is_rendered_ahead_only_where_nothing_else_could_reach_it() {
        let site = |templates: &[(&str, &str)]| {
            let mut hb = Handlebars::new();
            for (name, text) in templates {
                hb.register_template_string(name, text).unwrap();
            }
            item_site(&hb, &["a".to_string(), "b".to_string()])
        };
        let plan = ("plan", r#"{{include "a"}}{{include "b"}}"#);
        let a = (
            "a",
            r#"{{#if x}}{{#each list}}{{include "item"}}{{/each}}{{/if}}"#,
        );
        let item = ("item", "{{name}}");
        assert_eq!(
            site(&[plan, a, ("b", ""), item]),
            Some(ItemSite {
                section: "a".into(),
                list: "list".into(),
                template: "item".into(),
            })
        );
        // The item template is included elsewhere too.
        assert_eq!(site(&[plan, a, ("b", r#"{{include "item"}}"#), item]), None);
        // A name computed at render time could be anything.
        assert_eq!(site(&[plan, a, ("b", "{{include which}}"), item]), None);
        // Inside `with`, or with block parameters, the item sees other data.
        let with = (
            "a",
            r#"{{#with x}}{{#each list}}{{include "item"}}{{/each}}{{/with}}"#,
        );
        assert_eq!(site(&[plan, with, ("b", ""), item]), None);
        let named = ("a", r#"{{#each list as |o|}}{{include "item"}}{{/each}}"#);
        assert_eq!(site(&[plan, named, ("b", ""), item]), None);
    }

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
    fn every_inline_marker_is_escaped_and_other_text_kept() {
        assert_eq!(
            escape_inline(r"a\b`c*d_e[f]g<h>i|j~k#l!m&n"),
            r"a\\b\`c\*d\_e\[f\]g\<h\>i\|j\~k\#l\!m\&n"
        );
        // Line-start markers mean nothing inside a line.
        assert_eq!(escape_inline("1. - + = 2"), "1. - + = 2");
        assert_eq!(
            escape_inline("Ünïcödé — «citation» 移民"),
            "Ünïcödé — «citation» 移民"
        );
        assert_eq!(escape_inline("**"), "\\*\\*");
        assert_eq!(escape_inline(""), "");
    }

    #[test]
    fn a_table_cell_is_one_escaped_line() {
        let mut hb = Handlebars::new();
        hb.register_escape_fn(escape_markdown);
        hb.register_helper("cell", Box::new(cell_helper));
        let text = hb
            .render_template(
                "|{{cell note}}|",
                &serde_json::json!({"note": "Two  lines,\n with | a pipe\u{a0}and *stars*  "}),
            )
            .unwrap();
        assert_eq!(text, "|Two lines, with \\| a pipe and \\*stars\\*|");
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_other_breaks_are_wraps() {
        assert_eq!(
            paragraphs("\nOne line\n  wrapped.\r\n\n\nTwo.\n"),
            vec!["One line wrapped.".to_string(), "Two.".to_string()]
        );
        assert!(paragraphs(" \n").is_empty());
    }

    #[test]
    fn tidy_keeps_one_blank_line() {
        assert_eq!(tidy("a\n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
