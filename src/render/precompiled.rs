//! The built-in templates, parsed when gcmplan was built.
//!
//! Parsing the templates was most of the time `gcmplan render` took:
//! handlebars works out the line and column of every token by counting from
//! the start of the text. `build.rs` parses each file in `plan-templates/`
//! with the same handlebars and writes the parsed templates out as compact
//! JSON (its comments describe the form); [`built`] reads a set back into
//! handlebars templates with the functions below. Templates read from
//! `--templates DIR` are parsed at run time. The test at the end holds every
//! built template equal, element for element and position for position, to
//! what handlebars makes of the embedded text.

use std::collections::HashMap;
use std::sync::OnceLock;

use handlebars::template::{
    BlockParam, DecoratorTemplate, ExpressionSpecBuilder, HelperTemplate, Parameter, Subexpression,
    TemplateElement, TemplateMapping,
};
use handlebars::{Path, PathSeg, Template};
use serde_json::Value;

const MARKDOWN: &str = include_str!(concat!(env!("OUT_DIR"), "/markdown-templates.json"));
const HTML: &str = include_str!(concat!(env!("OUT_DIR"), "/html-templates.json"));

/// Every built-in template of `set` (`markdown` or `html`), by name.
pub fn built_set(set: &str) -> HashMap<String, Template> {
    let text = match set {
        "markdown" => MARKDOWN,
        "html" => HTML,
        _ => return HashMap::new(),
    };
    let parsed: serde_json::Map<String, Value> =
        serde_json::from_str(text).expect("build.rs writes a JSON object of templates");
    parsed
        .into_iter()
        .map(|(name, t)| (name, template(&t)))
        .collect()
}

/// The built-in template `name` of `set`, parsed when gcmplan was built.
#[cfg(test)]
pub fn built(set: &str, name: &str) -> Option<Template> {
    built_set(set).remove(name)
}

// Reading the form build.rs writes. It is written and read by the same
// build, so a value of the wrong shape is a defect in gcmplan itself.

fn text(v: &Value) -> &str {
    v.as_str().expect("a string in the built templates")
}

fn number(v: &Value) -> usize {
    v.as_u64().expect("a number in the built templates") as usize
}

fn flag(v: &Value) -> bool {
    v.as_bool().expect("a flag in the built templates")
}

fn items(v: &Value) -> &[Value] {
    v.as_array().map_or(&[][..], Vec::as_slice)
}

fn template(v: &Value) -> Template {
    let [elements, mapping] = items(v) else {
        panic!("a template is [elements, mapping]");
    };
    let mapping: Vec<(usize, usize)> = items(mapping)
        .iter()
        .map(|m| (number(&m[0]), number(&m[1])))
        .collect();
    t(items(elements).iter().map(element).collect(), &mapping)
}

fn optional_template(v: &Value) -> Option<Template> {
    (!v.is_null()).then(|| template(v))
}

fn element(v: &Value) -> TemplateElement {
    let e = items(v);
    match text(&e[0]) {
        "raw" => raw(text(&e[1])),
        "comment" => comment(text(&e[1])),
        kind @ ("expr" | "html" | "block") => {
            let flags = items(&e[5]);
            let h = helper(
                param(&e[1]),
                items(&e[2]).iter().map(param).collect(),
                hash(&e[3]),
                block_param(&e[4]),
                [flag(&flags[0]), flag(&flags[1]), flag(&flags[2])],
                optional_template(&e[6]),
                optional_template(&e[7]),
            );
            match kind {
                "expr" => TemplateElement::Expression(h),
                "html" => TemplateElement::HtmlExpression(h),
                _ => TemplateElement::HelperBlock(h),
            }
        }
        kind => {
            let d = decorator(
                param(&e[1]),
                items(&e[2]).iter().map(param).collect(),
                hash(&e[3]),
                flag(&e[4]),
                optional_template(&e[5]),
                e[6].as_str(),
            );
            match kind {
                "decorator" => TemplateElement::DecoratorExpression(d),
                "decorator-block" => TemplateElement::DecoratorBlock(d),
                "partial" => TemplateElement::PartialExpression(d),
                "partial-block" => TemplateElement::PartialBlock(d),
                other => panic!("unknown element kind {other} in the built templates"),
            }
        }
    }
}

fn hash(v: &Value) -> Vec<(&str, Parameter)> {
    items(v)
        .iter()
        .map(|pair| (text(&pair[0]), param(&pair[1])))
        .collect()
}

fn block_param(v: &Value) -> Option<BlockParam> {
    let b = items(v);
    match b.first().map(text) {
        None => None,
        Some("single") => Some(BlockParam::Single(param(&b[1]))),
        Some(_) => Some(BlockParam::Pair((param(&b[1]), param(&b[2])))),
    }
}

fn param(v: &Value) -> Parameter {
    let p = items(v);
    match text(&p[0]) {
        "name" => Parameter::Name(text(&p[1]).to_string()),
        "rel" => {
            let segments: Vec<&str> = items(&p[1]).iter().map(text).collect();
            relative(&segments, text(&p[2]))
        }
        "parsed" => parsed(text(&p[1])),
        "local" => local(number(&p[1]), text(&p[2]), text(&p[3])),
        "lit" => Parameter::Literal(p[1].clone()),
        "sub" => subexpression(element(&p[1])),
        other => panic!("unknown parameter kind {other} in the built templates"),
    }
}

fn t(elements: Vec<TemplateElement>, mapping: &[(usize, usize)]) -> Template {
    // TemplateMapping cannot be built outside handlebars; its fields can be
    // set on a copy of one it made.
    static ONE: OnceLock<TemplateMapping> = OnceLock::new();
    let one = ONE.get_or_init(|| {
        Template::compile("x")
            .ok()
            .and_then(|t| t.mapping.into_iter().next())
            .expect("handlebars compiles a one-letter template")
    });
    let mut template = Template::default();
    template.elements = elements;
    template.mapping = mapping
        .iter()
        .map(|&(line, col)| {
            let mut m = one.clone();
            m.0 = line;
            m.1 = col;
            m
        })
        .collect();
    template
}

fn raw(text: &str) -> TemplateElement {
    TemplateElement::RawString(text.to_string())
}

fn comment(text: &str) -> TemplateElement {
    TemplateElement::Comment(text.to_string())
}

fn hash_map(hash: Vec<(&str, Parameter)>) -> HashMap<String, Parameter> {
    hash.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn spec(
    name: Parameter,
    params: Vec<Parameter>,
    hash: Vec<(&str, Parameter)>,
    block_param: Option<BlockParam>,
) -> handlebars::template::ExpressionSpec {
    let mut builder = ExpressionSpecBuilder::default();
    builder
        .name(name)
        .params(params)
        .hash(hash_map(hash))
        .omit_pre_ws(false)
        .omit_pro_ws(false);
    if let Some(b) = block_param {
        builder.block_param(b);
    }
    builder
        .build()
        .expect("every field of the expression is set")
}

/// A helper, expression or block: `[block, chain, indent_before_write]`.
fn helper(
    name: Parameter,
    params: Vec<Parameter>,
    hash: Vec<(&str, Parameter)>,
    block_param: Option<BlockParam>,
    [block, chain, indent]: [bool; 3],
    template: Option<Template>,
    inverse: Option<Template>,
) -> Box<HelperTemplate> {
    let spec = spec(name, params, hash, block_param);
    let mut h = if chain {
        HelperTemplate::new_chain(spec, block, indent)
    } else {
        HelperTemplate::new(spec, block, indent)
    };
    h.template = template;
    h.inverse = inverse;
    Box::new(h)
}

fn decorator(
    name: Parameter,
    params: Vec<Parameter>,
    hash: Vec<(&str, Parameter)>,
    indent_before_write: bool,
    template: Option<Template>,
    indent: Option<&str>,
) -> Box<DecoratorTemplate> {
    let mut d = DecoratorTemplate::new(spec(name, params, hash, None), indent_before_write);
    d.template = template;
    d.indent = indent.map(str::to_string);
    Box::new(d)
}

fn relative(segments: &[&str], raw: &str) -> Parameter {
    Parameter::Path(Path::Relative((
        segments
            .iter()
            .map(|s| PathSeg::Named(s.to_string()))
            .collect(),
        raw.to_string(),
    )))
}

fn local(level: usize, name: &str, raw: &str) -> Parameter {
    Parameter::Path(Path::Local((level, name.to_string(), raw.to_string())))
}

fn parsed(raw: &str) -> Parameter {
    Parameter::Path(Path::parse(raw).expect("a path handlebars parsed at build time"))
}

fn subexpression(element: TemplateElement) -> Parameter {
    let mut sub = Subexpression::new(Parameter::Name(String::new()), Vec::new(), HashMap::new());
    sub.element = Box::new(element);
    Parameter::Subexpression(sub)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::templates::TemplateSet;

    #[test]
    fn every_built_template_is_what_handlebars_makes_of_its_text() {
        for set in TemplateSet::ALL {
            for (name, text) in set.embedded() {
                let parsed = Template::compile(text).unwrap();
                let built = built(set.folder(), name).unwrap_or_else(|| panic!("{name}"));
                assert_eq!(built, parsed, "{} template {name}", set.folder());
            }
        }
        assert!(built("markdown", "no-such-template").is_none());
    }
}
