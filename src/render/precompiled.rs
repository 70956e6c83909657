//! The built-in templates, parsed when gcmplan was built.
//!
//! Parsing the templates was most of the time `gcmplan render` took:
//! handlebars works out the line and column of every token by counting from
//! the start of the text. `build.rs` parses each file in `plan-templates/`
//! with the same handlebars and writes code that builds the parsed template
//! with the functions below; [`built`] returns it. Templates read from
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

include!(concat!(env!("OUT_DIR"), "/precompiled.rs"));

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

// The built-in templates have no comments or partials today; build.rs
// writes calls to these when they do.
#[allow(dead_code)]
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

#[allow(dead_code)]
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

fn literal(json: &str) -> Parameter {
    Parameter::Literal(serde_json::from_str(json).expect("JSON handlebars wrote at build time"))
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
