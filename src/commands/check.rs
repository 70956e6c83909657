use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::assess;
use crate::diagnostics::{Diagnostic, Severity, Source};
use crate::load::{self, Loaded};
use crate::outln;

pub fn run(file: &Path, strict: bool) -> Result<ExitCode> {
    let mut out = String::new();
    let loaded = load::load_file(file)?;
    let text = load::read_text(file)?;
    let name = file.display().to_string();
    let a = &loaded.answers;
    let assessment = assess::assess(a);
    outln!(
        out,
        "{name}: valid answers (format {}): {}, {} instrument{}, {} measure{}, priorities for {} of 23 objectives",
        a.format,
        a.state.name,
        a.instruments.len(),
        if a.instruments.len() == 1 { "" } else { "s" },
        a.measures.len(),
        if a.measures.len() == 1 { "" } else { "s" },
        (1..=23u8)
            .filter(|n| a.objective(*n).and_then(|o| o.priority).is_some())
            .count(),
    );
    let findings = &assessment.findings;
    if findings.is_empty() {
        outln!(out, "No findings.");
        super::emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    outln!(out);
    let source = Source {
        name: &name,
        text: &text,
    };
    for f in findings {
        let d = Diagnostic {
            severity: Severity::Advice,
            message: format!("{} [{}]", f.message, f.code),
            span: finding_span(&loaded, f.subject.as_deref()),
            help: Some(format!("workshop lesson: {}", f.lesson)),
            path: None,
        };
        outln!(out, "{}", source.render(&d));
    }
    outln!(
        out,
        "{} finding{} from the lessons of the 2019 GFMD workshop: advice for the drafting team, not errors.",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    );
    super::emit(&out)?;
    Ok(if strict {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where a finding's subject sits in the file: an item id or a key path.
fn finding_span(loaded: &Loaded, subject: Option<&str>) -> Option<std::ops::Range<usize>> {
    let subject = subject?;
    let a = &loaded.answers;
    let path = if let Some(i) = a.measures.iter().position(|m| m.id == subject) {
        format!("measures[{i}]")
    } else if let Some(i) = a.resources.needs.iter().position(|n| n.id == subject) {
        format!("resources.needs[{i}]")
    } else {
        subject.to_string()
    };
    loaded.spans.key(&path)
}
