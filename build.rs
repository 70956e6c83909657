//! Prepares two kinds of embedded data when gcmplan is built.
//!
//! **The reference data** (`src/reference/*.toml`: the objectives and their
//! actions, the principles, the practice library) is kept as TOML for people
//! to edit and review, and written out as JSON for the binary, which reads
//! JSON several times faster: the reference was read on every run.
//!
//! **The built-in plan templates** are parsed here. Handlebars parses a
//! template slowly (it works out the line and column of every token by
//! counting from the start of the text), and parsing the ~70 built-in
//! templates was most of the time `gcmplan render` took. This script parses
//! each file in `plan-templates/` with the same handlebars and writes the
//! parsed templates out in a compact JSON form
//! (`$OUT_DIR/{markdown,html}-templates.json`), which
//! `src/render/precompiled.rs` turns back into handlebars templates. A unit
//! test holds every one equal to what handlebars makes of the text at run
//! time; templates from `--templates DIR` are parsed at run time as before.

use std::path::Path;

use handlebars::Template;
use handlebars::template::{BlockParam, Parameter, TemplateElement};
use serde_json::{Value, json};

fn main() {
    reference_as_json();
    templates();
}

/// `src/reference/NAME.toml` as `$OUT_DIR/NAME.json`, value for value.
fn reference_as_json() {
    let out = std::env::var("OUT_DIR").unwrap();
    for name in ["objectives", "principles", "practices"] {
        let file = Path::new("src/reference").join(format!("{name}.toml"));
        println!("cargo::rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", file.display()));
        let json = serde_json::to_string(&value).expect("TOML values are JSON values");
        std::fs::write(Path::new(&out).join(format!("{name}.json")), json)
            .unwrap_or_else(|e| panic!("cannot write {name}.json: {e}"));
    }
}

fn templates() {
    println!("cargo::rerun-if-changed=plan-templates");
    let out = std::env::var("OUT_DIR").unwrap();
    for set in ["markdown", "html"] {
        let dir = Path::new("plan-templates").join(set);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|e| e.expect("a template file").path())
            .filter(|p| p.extension().is_some_and(|x| x == "hbs"))
            .collect();
        files.sort();
        let mut parsed = serde_json::Map::new();
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
            let template = Template::compile(&text)
                .unwrap_or_else(|e| panic!("{} does not compile: {e}", file.display()));
            parsed.insert(name, template_json(&template));
        }
        let path = Path::new(&out).join(format!("{set}-templates.json"));
        std::fs::write(&path, Value::Object(parsed).to_string())
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

// The encoding, read back by src/render/precompiled.rs:
// template   [[element, ...], [[line, col], ...]]
// element    ["raw", text] | ["comment", text]
//            | [kind, name, [param...], [[key, param]...], block_param,
//               [block, chain, indent], template, inverse]   kind: expr, html, block
//            | [kind, name, [param...], [[key, param]...], indent, template,
//               partial_indent]          kind: decorator, decorator-block,
//                                        partial, partial-block
// param      ["name", s] | ["rel", [segment...], raw] | ["parsed", raw]
//            | ["local", level, name, raw] | ["lit", json] | ["sub", element]
// block_param null | ["single", param] | ["pair", param, param]

fn template_json(t: &Template) -> Value {
    let mapping: Vec<Value> = t.mapping.iter().map(|m| json!([m.0, m.1])).collect();
    json!([
        t.elements.iter().map(element_json).collect::<Vec<_>>(),
        mapping
    ])
}

fn opt_template(t: &Option<Template>) -> Value {
    t.as_ref().map_or(Value::Null, template_json)
}

/// Whether handlebars marked the element to indent its output (a
/// crate-private flag, read from its debug form, where it is the last field).
fn indents(debug: String) -> bool {
    debug.ends_with("indent_before_write: true }")
}

fn element_json(e: &TemplateElement) -> Value {
    match e {
        TemplateElement::RawString(s) => json!(["raw", s]),
        TemplateElement::Comment(s) => json!(["comment", s]),
        TemplateElement::Expression(h)
        | TemplateElement::HtmlExpression(h)
        | TemplateElement::HelperBlock(h) => {
            let kind = match e {
                TemplateElement::Expression(_) => "expr",
                TemplateElement::HtmlExpression(_) => "html",
                _ => "block",
            };
            json!([
                kind,
                param_json(&h.name),
                params_json(&h.params),
                hash_json(&h.hash),
                block_param_json(&h.block_param),
                [h.block, h.chain, indents(format!("{h:?}"))],
                opt_template(&h.template),
                opt_template(&h.inverse),
            ])
        }
        TemplateElement::DecoratorExpression(d)
        | TemplateElement::DecoratorBlock(d)
        | TemplateElement::PartialExpression(d)
        | TemplateElement::PartialBlock(d) => {
            let kind = match e {
                TemplateElement::DecoratorExpression(_) => "decorator",
                TemplateElement::DecoratorBlock(_) => "decorator-block",
                TemplateElement::PartialExpression(_) => "partial",
                _ => "partial-block",
            };
            json!([
                kind,
                param_json(&d.name),
                params_json(&d.params),
                hash_json(&d.hash),
                indents(format!("{d:?}")),
                opt_template(&d.template),
                d.indent,
            ])
        }
        other => panic!("build.rs does not know the template element {other:?}"),
    }
}

fn params_json(params: &[Parameter]) -> Value {
    Value::Array(params.iter().map(param_json).collect())
}

fn hash_json(hash: &std::collections::HashMap<String, Parameter>) -> Value {
    let mut pairs: Vec<_> = hash.iter().collect();
    pairs.sort_by_key(|(k, _)| k.as_str());
    Value::Array(
        pairs
            .iter()
            .map(|(k, v)| json!([k, param_json(v)]))
            .collect(),
    )
}

fn block_param_json(b: &Option<BlockParam>) -> Value {
    match b {
        None => Value::Null,
        Some(BlockParam::Single(p)) => json!(["single", param_json(p)]),
        Some(BlockParam::Pair((a, b))) => json!(["pair", param_json(a), param_json(b)]),
        Some(other) => panic!("build.rs does not know the block parameter {other:?}"),
    }
}

fn param_json(p: &Parameter) -> Value {
    match p {
        Parameter::Name(s) => json!(["name", s]),
        Parameter::Path(path) => match path {
            handlebars::Path::Relative((segs, raw)) => {
                let named: Option<Vec<&String>> = segs
                    .iter()
                    .map(|s| match s {
                        handlebars::PathSeg::Named(n) => Some(n),
                        _ => None,
                    })
                    .collect();
                match named {
                    Some(names) => json!(["rel", names, raw]),
                    // Segments such as `this` or `..` carry a grammar rule,
                    // which only handlebars can name: parse the raw path.
                    None => json!(["parsed", raw]),
                }
            }
            handlebars::Path::Local((level, name, raw)) => json!(["local", level, name, raw]),
        },
        Parameter::Literal(value) => json!(["lit", value]),
        Parameter::Subexpression(sub) => json!(["sub", element_json(sub.as_element())]),
        other => panic!("build.rs does not know the parameter {other:?}"),
    }
}
