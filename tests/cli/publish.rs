//! The plan in every format (Markdown, HTML, Word, JSON), the schemas, and
//! templates overridden from a folder: what a drafting team, an analyst and a
//! ministry restyling the plan each rely on.

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{example, gcmplan, read, run};

/// Runs `gcmplan render FILE ARGS...` and expects success.
fn render(file: &Path, args: &[&str]) -> crate::Output {
    let out = run(gcmplan().arg("render").arg(file).args(args));
    assert_eq!(out.code, 0, "render {args:?}: {}", out.stderr);
    out
}

/// Renders `file` to `dir/NAME` and returns the bytes written.
fn render_to(file: &Path, dir: &Path, name: &str, extra: &[&str]) -> Vec<u8> {
    let path = dir.join(name);
    let mut args = vec!["-o", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    render(file, &args);
    std::fs::read(&path).unwrap()
}

/// An answers file whose every kind of free text is hostile or unusual:
/// markup, quotes, pipes, paragraphs, right-to-left and accented text.
const STATE_NAME: &str =
    "Examplia | <script>alert(\"x\")</script> & 'Ünïcödé' — جمهورية مثال `tick` [link](x)";
const MEASURE_TITLE: &str = "Ban fees <img src=x onerror=alert(1)> | \"all\" workers — עברית";

fn hostile_answers(dir: &Path) -> PathBuf {
    let text = read(&example("minimal.toml"))
        .replace(
            "name = \"Examplia\"",
            &format!(
                "name = {}\ncontext = \"\"\"\nFirst paragraph, <b>not bold</b>,\nwrapped over two lines.\n\nSecond paragraph: السياق الوطني | \"quoted\" & done.\n\"\"\"",
                toml_string(STATE_NAME)
            ),
        )
        .replace(
            "title = \"Ban recruitment fees charged to workers\"",
            &format!(
                "title = {}\ndescription = \"Line one\\n\\n# not a heading\\n</td></tr><script>x</script>\\u0007 bell\"",
                toml_string(MEASURE_TITLE)
            ),
        );
    assert!(
        text.contains("<script>"),
        "the example has the fields to replace"
    );
    let file = dir.join("answers.toml");
    std::fs::write(&file, text).unwrap();
    file
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The text of a .docx's main part, paragraph by paragraph.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let xml = docx_part(bytes, "word/document.xml");
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(start) = rest.find("<w:t") {
                let after = &rest[start..];
                // <w:t> or <w:t xml:space="preserve">, not <w:tbl>, <w:tc>...
                let open_end = after.find('>').unwrap();
                let tag = &after[..open_end];
                if tag != "<w:t" && !tag.starts_with("<w:t ") {
                    rest = &after[open_end..];
                    continue;
                }
                let body = &after[open_end + 1..];
                let end = body.find("</w:t>").unwrap();
                text.push_str(&unescape_xml(&body[..end]));
                rest = &body[end..];
            }
            text
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("the .docx has {name}"))
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xA;", "\n")
        .replace("&amp;", "&")
}

#[test]
fn hostile_text_is_escaped_and_kept_faithfully_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = hostile_answers(dir.path());

    // HTML: nothing the user wrote becomes markup; all of it is there.
    let html = String::from_utf8(render_to(&file, dir.path(), "plan.html", &[])).unwrap();
    assert!(!html.contains("<script"), "no script element in the page");
    assert!(!html.contains("<img"), "no image element from user text");
    assert!(!html.contains("<b>"));
    assert!(html.contains(
        "Examplia | &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;Ünïcödé&#x27; — جمهورية مثال &#x60;tick&#x60; [link](x)"
    ));
    assert!(html.contains(
        "Ban fees &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; | &quot;all&quot; workers — עברית"
    ));
    assert!(
        html.contains("First paragraph, &lt;b&gt;not bold&lt;/b&gt;, wrapped over two lines.<br>\n<br>\nSecond paragraph: السياق الوطني | &quot;quoted&quot; &amp; done."),
        "paragraphs kept, wrapped lines joined"
    );
    assert!(!html.contains('\u{7}'), "control characters are dropped");
    assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;x&lt;/script&gt; bell"));
    for tag in ["table", "section", "tr", "td", "p", "ul", "svg", "figure"] {
        assert_eq!(
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}> elements are balanced"
        );
    }

    // Markdown: escaped for Markdown (the existing guarantees still hold).
    let md = String::from_utf8(render_to(&file, dir.path(), "plan.md", &[])).unwrap();
    assert!(md.contains("\\<script\\>"));
    assert!(md.contains("\\| \"all\" workers — עברית"));

    // JSON: the strings are the user's, exactly.
    let json: Value =
        serde_json::from_slice(&render_to(&file, dir.path(), "plan.json", &[])).unwrap();
    assert_eq!(json["state"]["name"], STATE_NAME);
    let measure = &json["objectives"][0]["measures"][0];
    assert_eq!(measure["title"], MEASURE_TITLE);
    assert_eq!(
        measure["description"],
        "Line one\n\n# not a heading\n</td></tr><script>x</script>\u{7} bell"
    );

    // Word: the XML parses, and its text is the user's (control characters,
    // which XML cannot hold, dropped; paragraphs kept).
    let docx = render_to(&file, dir.path(), "plan.docx", &[]);
    let xml = docx_part(&docx, "word/document.xml");
    assert!(!xml.contains("<script"), "user markup is text, not XML");
    assert!(!xml.contains('\u{7}'));
    docx_rs::read_docx(&docx).expect("the .docx parses");
    let paragraphs = docx_paragraphs(&docx);
    assert!(
        paragraphs.iter().any(|p| p
            == &format!(
                "Country: {STATE_NAME}. Plan period: 2026-2028. Lead agency: Ministry of Labour."
            )),
        "{paragraphs:#?}"
    );
    assert!(
        paragraphs
            .iter()
            .any(|p| p == &format!("no-recruitment-fees: {MEASURE_TITLE}"))
    );
    // A blank line is a paragraph break (two line breaks), a single one a wrap.
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "Line one# not a heading </td></tr><script>x</script> bell"),
        "{paragraphs:#?}"
    );
    assert!(
        xml.contains("<w:br w:type=\"textWrapping\""),
        "paragraph breaks inside a cell"
    );
}

#[test]
fn the_word_document_has_a_navigable_outline_real_tables_and_the_revision_block() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render_to(
        &example("philippines-systemic.toml"),
        dir.path(),
        "plan.docx",
        &[],
    );
    let xml = docx_part(&docx, "word/document.xml");
    let styles = docx_part(&docx, "word/styles.xml");
    for level in 1..=4 {
        let style = format!("<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\">");
        let at = styles.find(&style).unwrap_or_else(|| panic!("{style}"));
        let def = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
        assert!(
            def.contains(&format!("<w:name w:val=\"heading {level}\"")),
            "{def}"
        );
        assert!(
            def.contains(&format!("<w:outlineLvl w:val=\"{}\"", level - 1)),
            "{def}"
        );
    }
    assert!(
        xml.contains("TOC \\o &quot;1-2&quot;") || xml.contains("TOC \\o \"1-2\""),
        "a table of contents field"
    );

    let paragraphs = docx_paragraphs(&docx);
    for heading in [
        "1. Executive summary",
        "5.2 Coverage of the 23 objectives",
        "Annex D. Points for the drafting team",
    ] {
        assert!(
            paragraphs.iter().filter(|p| *p == heading).count() >= 2,
            "{heading} in the contents and as a heading"
        );
    }
    // The revision block, the matrix and every measure are tables.
    let tables = xml.matches("<w:tbl>").count();
    let measures = gcmplan::load::load_file(&example("philippines-systemic.toml"))
        .unwrap()
        .answers
        .measures
        .len();
    assert!(
        tables > measures + 2,
        "{tables} tables for {measures} measures"
    );
    let revisions = xml.find(">What changed<").expect("the revision table");
    let first_table = xml.find("<w:tbl>").unwrap();
    assert!(first_table < revisions, "the revision block is a table");
    let matrix_at = xml.find(">Actions served<").unwrap();
    assert!(
        xml[..matrix_at].rfind("<w:tbl>").unwrap()
            > xml[..matrix_at].rfind("</w:tbl>").unwrap_or(0)
    );
    assert!(paragraphs.iter().any(|p| p == "Partial"), "coverage cells");
}

/// A small check of a JSON value against the schemars-derived schema: types,
/// required and known properties, array items, `$ref`, `anyOf`/`oneOf`,
/// enums and integer bounds. Stricter than JSON Schema on one point: a
/// property the schema does not list is an error, so the schema cannot fall
/// behind the data. (A full validator crate would add dozens of
/// dependencies to the build for this one test.)
fn schema_errors(
    value: &Value,
    schema: &Value,
    root: &Value,
    path: &str,
    errors: &mut Vec<String>,
) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return schema_errors(value, &root["$defs"][name], root, path, errors);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = schema.get(key).and_then(Value::as_array) {
            let ok = branches.iter().any(|b| {
                let mut e = Vec::new();
                schema_errors(value, b, root, path, &mut e);
                e.is_empty()
            });
            if !ok {
                errors.push(format!("{path}: matches no branch of {key}"));
            }
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        errors.push(format!("{path}: {value} is not one of {allowed:?}"));
    }
    if let Some(c) = schema.get("const")
        && c != value
    {
        errors.push(format!("{path}: {value} is not {c}"));
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let fits = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !fits {
            errors.push(format!("{path}: {value} is not of type {types:?}"));
            return;
        }
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) && n < min
    {
        errors.push(format!("{path}: {n} is below {min}"));
    }
    if let (Some(max), Some(n)) = (
        schema.get("maximum").and_then(Value::as_f64),
        value.as_f64(),
    ) && n > max
    {
        errors.push(format!("{path}: {n} is above {max}"));
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap();
            if !obj.contains_key(req) {
                errors.push(format!("{path}: `{req}` is missing"));
            }
        }
        if let Some(props) = props {
            for (k, v) in obj {
                match props.get(k) {
                    Some(s) => schema_errors(v, s, root, &format!("{path}.{k}"), errors),
                    None => errors.push(format!("{path}: `{k}` is not in the schema")),
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            schema_errors(v, items, root, &format!("{path}[{i}]"), errors);
        }
    }
}

fn plan_schema() -> Value {
    let out = run(gcmplan().args(["schema", "plan"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("the schema is JSON")
}

#[test]
fn the_plan_json_round_trips_and_validates_against_its_schema() {
    let schema = plan_schema();
    assert_eq!(schema["title"], "gcmplan plan");
    let dir = tempfile::tempdir().unwrap();
    for (name, approach) in [
        ("philippines-systemic", "systemic"),
        ("ethiopia-selective", "selective"),
        ("minimal", "business-as-usual"),
    ] {
        let bytes = render_to(
            &example(&format!("{name}.toml")),
            dir.path(),
            &format!("{name}.json"),
            &["--approach", approach],
        );
        let text = String::from_utf8(bytes).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let again = serde_json::to_string_pretty(&value).unwrap() + "\n";
        assert_eq!(again, text, "{name}: JSON round-trips byte for byte");
        assert_eq!(value["format_version"], 1);
        assert!(
            value["fingerprint"]
                .as_str()
                .unwrap()
                .starts_with("blake3:")
        );

        let mut errors = Vec::new();
        schema_errors(&value, &schema, &schema, "$", &mut errors);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }

    // The check can fail: a plan with a wrong type or an unknown field does.
    let text = read(&dir.path().join("minimal.json"));
    let mut value: Value = serde_json::from_str(&text).unwrap();
    value["matrix"][0]["number"] = Value::from("one");
    value["state"]["nickname"] = Value::from("x");
    value.as_object_mut().unwrap().remove("period");
    let mut errors = Vec::new();
    schema_errors(&value, &schema, &schema, "$", &mut errors);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn the_answers_schema_describes_the_answers_file() {
    let out = run(gcmplan().args(["schema", "answers"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let schema: Value = serde_json::from_str(&out.stdout).unwrap();
    for key in ["format", "state", "plan", "measures"] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
    // Every example, read as TOML, fits it.
    for name in ["minimal", "ethiopia-selective", "philippines-systemic"] {
        let toml: toml::Value = toml::from_str(&read(&example(&format!("{name}.toml")))).unwrap();
        let value = serde_json::to_value(toml).unwrap();
        let mut errors = Vec::new();
        schema_errors(&value, &schema, &schema, "$", &mut errors);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    let out = run(gcmplan().args(["schema", "plans"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("answers") && out.stderr.contains("plan"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_html_page_stands_alone_with_a_chart_principles_and_print_styles() {
    let dir = tempfile::tempdir().unwrap();
    let html = String::from_utf8(render_to(
        &example("ethiopia-selective.toml"),
        dir.path(),
        "plan.html",
        &[],
    ))
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("Content-Security-Policy"),
        "no network, no script"
    );
    for network in ["src=", "href=\"http", "@import", "url("] {
        assert!(
            !html.contains(network),
            "nothing loaded from elsewhere: {network}"
        );
    }
    assert!(html.contains("@media print") && html.contains("break-before: page"));
    let bars = html
        .lines()
        .filter(|l| l.starts_with("<rect class=\"bar-") && l.contains(" x=\""))
        .count();
    assert_eq!(bars, 23, "a bar per objective");
    assert_eq!(html.matches("<circle class=\"prio prio-").count(), 23);
    assert_eq!(html.matches("<article class=\"principle").count(), 10);
    assert!(html.contains("Objectives by priority and coverage"));
    assert!(
        html.contains("id=\"objective-6\""),
        "selective plans keep their priority objectives"
    );
    assert!(!html.contains("{{"), "no template syntax leaks");
    assert!(html.trim_end().ends_with("-->") && html.contains("<!-- gcmplan-fingerprint: blake3:"));
}

#[test]
fn the_format_follows_the_flag_then_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::copy(example("minimal.toml"), &file).unwrap();
    let starts = |name: &str, extra: &[&str]| -> Vec<u8> {
        render_to(&file, dir.path(), name, extra)[..5].to_vec()
    };
    assert_eq!(starts("a.HTM", &[]), b"<!DOC");
    assert_eq!(starts("b.json", &[]), b"{\n  \"");
    assert_eq!(starts("c.docx", &[]), b"PK\x03\x04\x14"[..5].to_vec());
    assert_eq!(starts("d.txt", &[]), b"# Nat");
    assert_eq!(starts("e.md", &["--format", "html"]), b"<!DOC");

    // With no -o, the default file is the answers file's, with the format's extension.
    render(&file, &["--format", "docx"]);
    render(&file, &["--format", "json"]);
    assert!(dir.path().join("answers.docx").is_file());
    assert!(dir.path().join("answers.json").is_file());
    let out = render(&file, &["--format", "html", "-o", "-"]);
    assert!(out.stdout.starts_with("<!DOCTYPE html>"));
}

#[test]
fn hand_edited_files_are_never_overwritten_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = example("minimal.toml");
    for name in ["plan.html", "plan.json", "plan.docx"] {
        let path = dir.path().join(name);
        let original = render_to(&file, dir.path(), name, &[]);
        // Untouched: simply updated.
        render_to(&file, dir.path(), name, &[]);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            original,
            "{name}: same plan, same bytes"
        );

        let edited = edit(name, &original);
        std::fs::write(&path, &edited).unwrap();
        let out = run(gcmplan().arg("render").arg(&file).arg("-o").arg(&path));
        assert_eq!(out.code, 2, "{name}");
        assert!(
            out.stderr.contains("was edited since gcmplan wrote it"),
            "{name}: {}",
            out.stderr
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            edited,
            "{name}: the edit is untouched"
        );

        let out = run(gcmplan()
            .arg("render")
            .arg(&file)
            .arg("-o")
            .arg(&path)
            .arg("--force"));
        assert_eq!(out.code, 0, "{name}: {}", out.stderr);
        let backup = dir.path().join(format!("{name}.bak"));
        assert_eq!(
            std::fs::read(&backup).unwrap(),
            edited,
            "{name}: --force keeps a .bak"
        );
        assert_eq!(std::fs::read(&path).unwrap(), original);

        std::fs::write(&path, foreign(name)).unwrap();
        let out = run(gcmplan().arg("render").arg(&file).arg("-o").arg(&path));
        assert_eq!(out.code, 2, "{name}");
        assert!(
            out.stderr.contains("was not written by gcmplan"),
            "{name}: {}",
            out.stderr
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "atomic writes leave nothing behind: {leftovers:?}"
    );
}

/// What a person's edit does to each kind of file: a word changed in the
/// HTML or JSON; for Word, a package saved again with a changed paragraph
/// and the custom properties kept, as Word and LibreOffice do.
fn edit(name: &str, original: &[u8]) -> Vec<u8> {
    if !name.ends_with(".docx") {
        let text = String::from_utf8(original.to_vec()).unwrap();
        let edited = text.replacen("Examplia", "Examplia (as amended)", 1);
        assert_ne!(edited, text);
        return edited.into_bytes();
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(original)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        if entry.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name == "word/document.xml" {
            content = String::from_utf8(content)
                .unwrap()
                .replacen("Examplia", "Examplia (as amended)", 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut out, &content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn foreign(name: &str) -> Vec<u8> {
    if !name.ends_with(".docx") {
        return b"{\"mine\": true}\n".to_vec();
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    out.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    std::io::Write::write_all(&mut out, b"<w:document/>").unwrap();
    out.finish().unwrap().into_inner()
}

fn stamp(version: u32) -> String {
    format!("{{{{!-- gcmplan template-version: {version} --}}}}\n")
}

#[test]
fn exported_templates_render_the_same_plan_and_warn_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    let out = run(gcmplan().args(["templates", "export"]).arg(&templates));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let title = read(&templates.join("markdown/title.hbs"));
    assert!(title.starts_with(&stamp(gcmplan::render::templates::TEMPLATE_VERSION)));
    assert!(templates.join("html/chart.hbs").is_file());

    let file = example("ethiopia-selective.toml");
    let plain = render(&file, &["-o", "-"]).stdout;
    let out = render(
        &file,
        &["-o", "-", "--templates", templates.to_str().unwrap()],
    );
    assert_eq!(
        out.stdout, plain,
        "the exported defaults give the same plan"
    );
    assert!(out.stderr.is_empty(), "no warning: {}", out.stderr);
    let plain = render(&file, &["-o", "-", "--format", "html"]).stdout;
    let out = render(
        &file,
        &[
            "-o",
            "-",
            "--format",
            "html",
            "--templates",
            templates.to_str().unwrap(),
        ],
    );
    assert_eq!(out.stdout, plain);

    // Exporting again over untouched files is harmless; over an edited one,
    // it refuses, and --force keeps the edit as .bak.
    let out = run(gcmplan().args(["templates", "export"]).arg(&templates));
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(templates.join("html/style.hbs"), "body { color: navy; }\n").unwrap();
    let out = run(gcmplan().args(["templates", "export"]).arg(&templates));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("html/style.hbs"), "{}", out.stderr);
    assert_eq!(
        read(&templates.join("html/style.hbs")),
        "body { color: navy; }\n"
    );
    let out = run(gcmplan()
        .args(["templates", "export", "--force"])
        .arg(&templates));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        read(&templates.join("html/style.hbs.bak")),
        "body { color: navy; }\n"
    );
}

#[test]
fn an_override_changes_the_output_and_everything_else_falls_back() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("t");
    std::fs::create_dir_all(templates.join("markdown")).unwrap();
    std::fs::create_dir_all(templates.join("html")).unwrap();
    let v = gcmplan::render::templates::TEMPLATE_VERSION;
    std::fs::write(
        templates.join("markdown/title.hbs"),
        format!(
            "{}# {{{{title}}}}\n\nMinistry of Labour edition for {{{{state.name}}}}.\n",
            stamp(v)
        ),
    )
    .unwrap();
    std::fs::write(
        templates.join("html/style.hbs"),
        format!("{}body {{ font-family: \"Ministry Sans\"; }}\n", stamp(v)),
    )
    .unwrap();
    let file = example("minimal.toml");
    let dir_arg = templates.to_str().unwrap();

    let md = render(&file, &["-o", "-", "--templates", dir_arg]);
    assert!(md.stderr.is_empty(), "{}", md.stderr);
    assert!(
        md.stdout
            .contains("Ministry of Labour edition for Examplia.")
    );
    assert!(
        !md.stdout.contains("Plan period:"),
        "the default title is replaced"
    );
    assert!(
        md.stdout.contains("## 1. Executive summary"),
        "the rest falls back"
    );

    let html = render(
        &file,
        &["-o", "-", "--format", "html", "--templates", dir_arg],
    );
    assert!(html.stdout.contains("font-family: \"Ministry Sans\""));
    assert!(
        !html.stdout.contains("--covered: #1f6f8b"),
        "the default style is replaced"
    );
    assert!(
        html.stdout.contains("@media print"),
        "style-print falls back"
    );

    // Word and JSON are not templated, and say so.
    let out = render(
        &file,
        &["-o", "-", "--format", "json", "--templates", dir_arg],
    );
    assert!(
        out.stderr
            .contains("--templates applies to Markdown and HTML"),
        "{}",
        out.stderr
    );
}

#[test]
fn old_unstamped_and_misnamed_overrides_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("markdown");
    std::fs::create_dir_all(&md).unwrap();
    std::fs::write(
        md.join("title.hbs"),
        format!("{}# {{{{title}}}}\n", stamp(0)),
    )
    .unwrap();
    std::fs::write(md.join("revisions.hbs"), "").unwrap();
    std::fs::write(md.join("sumary.hbs"), "x").unwrap();
    let out = render(
        &example("minimal.toml"),
        &["-o", "-", "--templates", dir.path().to_str().unwrap()],
    );
    let title = md.join("title.hbs").display().to_string();
    assert!(
        out.stderr.contains(&format!(
            "warning: {title} was written for template version 0"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("revisions.hbs has no version stamp"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean summary.hbs?"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.starts_with("# National Implementation Plan"));
}

#[test]
fn a_broken_override_names_the_template_its_file_and_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("html");
    std::fs::create_dir_all(&html).unwrap();
    let v = gcmplan::render::templates::TEMPLATE_VERSION;
    let file = example("minimal.toml");
    let attempt = |name: &str, body: &str| {
        let path = html.join(format!("{name}.hbs"));
        std::fs::write(&path, format!("{}{body}", stamp(v))).unwrap();
        let out = run(gcmplan()
            .arg("render")
            .arg(&file)
            .args(["-o", "-", "--format", "html", "--templates"])
            .arg(dir.path()));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(out.stdout.is_empty(), "no half-rendered plan");
        (out.stderr, path.display().to_string())
    };

    // A typo in a field: caught by strict mode, at the line in the file
    // (line 1 is the stamp).
    let (err, path) = attempt(
        "summary",
        "<section id=\"summary\">\n<h2>Summary</h2>\n<p>{{summary.mesures}} measures</p>\n</section>\n",
    );
    assert!(
        err.contains(&format!(
            "html template `summary` ({path}) at line 4, column 4"
        )),
        "{err}"
    );
    assert!(
        err.contains("`summary.mesures` is not in the plan data"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");

    // A block left open: the template does not parse.
    let (err, path) = attempt(
        "measure",
        "<h4>{{id}}</h4>\n{{#if lead}}\n<p>{{lead}}</p>\n",
    );
    assert!(
        err.contains(&format!(
            "the html template `measure` ({path}) does not parse"
        )),
        "{err}"
    );
    assert!(err.contains("at line 5"), "{err}");
    assert!(err.contains("is not closed"), "{err}");
    let (err, _) = attempt("measure", "<h4>{{id}</h4>\n");
    assert!(err.contains("at line 2"), "{err}");
    assert!(
        err.contains("invalid handlebars syntax in `<h4>{{id}</h4>`"),
        "{err}"
    );

    // An include of a template that does not exist.
    let (err, _) = attempt("summary", "<p>one</p>\n{{include \"forword\"}}\n");
    assert!(
        err.contains("there is no template named `forword`"),
        "{err}"
    );
    assert!(err.contains("at line 3"), "{err}");
}

#[test]
fn a_missing_templates_folder_is_a_clear_error() {
    let out = run(gcmplan().args([
        "render",
        "examples/minimal.toml",
        "-o",
        "-",
        "--templates",
        "no/such/templates",
    ]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("cannot read templates from no/such/templates: no such folder"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("gcmplan templates export"),
        "{}",
        out.stderr
    );
}
