use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::answers::Answers;
use crate::assess::{self, Assessment};
use crate::reference::reference;

/// Cuts text to `width` characters, marking the cut with an ellipsis.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        format!("{text:<width$}")
    } else {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The coverage matrix and the approaches side by side, as terminal text.
pub fn report(a: &Answers, x: &Assessment) -> String {
    let r = reference();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: coverage of the 23 GCM objectives by existing instruments\n",
        a.state.name
    );
    let _ = writeln!(
        out,
        " #  {}  {}  {}  Actions  Instruments in force",
        fit("Objective", 34),
        fit("Priority", 8),
        fit("Coverage", 8)
    );
    for c in &x.coverage {
        let o = r
            .objective(c.number)
            .expect("coverage follows the reference");
        let priority = a
            .objective(c.number)
            .and_then(|o| o.priority)
            .map_or("-", |p| p.name());
        let names: Vec<&str> = c
            .instruments
            .iter()
            .map(|id| {
                a.instruments
                    .iter()
                    .find(|i| &i.id == id)
                    .map_or(id.as_str(), |i| i.title.as_str())
            })
            .collect();
        let mut instruments = if names.is_empty() {
            "-".to_string()
        } else {
            names.join("; ")
        };
        if !c.pending.is_empty() {
            let _ = write!(instruments, " (pending: {})", c.pending.join(", "));
        }
        let _ = writeln!(
            out,
            "{:>2}  {}  {}  {}  {}  {}",
            c.number,
            fit(&o.label, 34),
            fit(priority, 8),
            fit(c.status.name(), 8),
            fit(&format!("{}/{}", c.actions_served.len(), c.action_total), 7),
            fit(&instruments, 60).trim_end()
        );
    }
    let count = |s: assess::Coverage| x.coverage.iter().filter(|c| c.status == s).count();
    let _ = writeln!(
        out,
        "\n{} covered, {} partial, {} gaps. An objective is covered when instruments in force serve at least half of its actions.\n",
        count(assess::Coverage::Covered),
        count(assess::Coverage::Partial),
        count(assess::Coverage::Gap)
    );

    let rec = &x.recommendation;
    let _ = writeln!(out, "The three approaches side by side\n");
    let mut header = fit("", 22);
    for s in &x.scopes {
        header.push_str(&fit(s.approach.name(), 22));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    let row = |label: &str, f: &dyn Fn(&assess::Scope) -> String| {
        let mut line = fit(label, 22);
        for s in &x.scopes {
            line.push_str(&fit(&f(s), 22));
        }
        line.trim_end().to_string()
    };
    let _ = writeln!(
        out,
        "{}",
        row("Objectives in plan", &|s| s.objectives.len().to_string())
    );
    let _ = writeln!(
        out,
        "{}",
        row("Measures", &|s| s.measures.len().to_string())
    );
    let _ = writeln!(
        out,
        "{}",
        row("Gaps left undone", &|s| s.left_undone.len().to_string())
    );
    let _ = writeln!(
        out,
        "{}",
        row(
            "Chosen in the file",
            &|s| if s.approach == a.plan.approach {
                "yes".into()
            } else {
                String::new()
            }
        )
    );
    let _ = writeln!(
        out,
        "{}",
        row("Recommended", &|s| if s.approach == rec.approach {
            "yes".into()
        } else {
            String::new()
        })
    );

    let _ = writeln!(out, "\nReadiness: {} of 5 signals", rec.score);
    for s in &rec.signals {
        let _ = writeln!(
            out,
            "  [{}] {}: {}",
            if s.present { "x" } else { " " },
            s.name,
            s.detail
        );
    }
    let _ = writeln!(out, "Recommended approach: {}.", rec.approach.name());
    for reason in &rec.reasons {
        let _ = writeln!(out, "  - {reason}");
    }
    if !x.findings.is_empty() {
        let _ = writeln!(
            out,
            "\n{} finding{}; `gcmplan check` lists them with their place in the file.",
            x.findings.len(),
            if x.findings.len() == 1 { "" } else { "s" }
        );
    }
    out
}

pub fn run(file: &Path) -> Result<ExitCode> {
    let loaded = crate::load::load_file(file)?;
    let x = assess::assess(&loaded.answers);
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(report(&loaded.answers, &x).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
