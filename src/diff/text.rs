//! The diff as terminal text, in the spirit of `terraform plan`: a legend of
//! the markers used, what the changes mean for the plan, each changed item
//! with its changed fields, and a summary line.

use std::fmt::Write as _;

use super::words::Segment;
use super::{Change, FieldDiff, FieldView, ItemDiff, Kind, PlanDiff, SideInfo};

/// ANSI colour, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn red(self, text: &str) -> String {
        self.paint("31", text)
    }
    pub fn green(self, text: &str) -> String {
        self.paint("32", text)
    }
    pub fn yellow(self, text: &str) -> String {
        self.paint("33", text)
    }
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn marker(self, change: Change) -> String {
        let m = change.marker().to_string();
        match change {
            Change::Added => self.green(&m),
            Change::Changed => self.yellow(&m),
            Change::Removed => self.red(&m),
        }
    }

    /// Word-level marking: colour alone when on, `[-old-]{+new+}` when off.
    pub fn segments(self, segments: &[Segment]) -> String {
        if !self.color {
            return super::words::plain(segments);
        }
        let mut out = String::new();
        for s in segments {
            match s {
                Segment::Same(t) => out.push_str(t),
                Segment::Removed(t) => out.push_str(&self.red(t)),
                Segment::Added(t) => out.push_str(&self.green(t)),
            }
        }
        out
    }

    /// "Symbols: + added  ~ changed  - removed", only the markers used.
    pub fn legend(self, used: &[Change]) -> String {
        let mut used = used.to_vec();
        used.sort();
        used.dedup();
        let parts: Vec<String> = used
            .iter()
            .map(|c| format!("{} {}", self.marker(*c), c.word()))
            .collect();
        format!("Symbols: {}", parts.join("  "))
    }
}

/// What to print.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub style: Style,
    /// Only the headers and the summary line.
    pub summary_only: bool,
}

/// The heading lines: which revisions of which files are compared.
pub fn heading(out: &mut String, what: &str, old: &SideInfo, new: &SideInfo, style: Style) {
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "Comparing {what}{} with {}",
            old.describe(),
            new.describe()
        ))
    );
    let _ = writeln!(out, "  OLD: {}", old.path);
    let _ = writeln!(out, "  NEW: {}", new.path);
    if let Some(note) = new.revision.as_ref().and_then(|r| r.note.as_deref()) {
        let n = new.revision.as_ref().map_or(0, |r| r.number);
        let _ = writeln!(out, "  Note on revision {n}: {}", one_line(note));
    }
    out.push('\n');
}

pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The item as a header: `measure pea-inspection "Inspect ..."`.
pub fn item_label(d: &ItemDiff) -> String {
    let mut label = d.kind.noun().to_string();
    if !d.id.is_empty() {
        label.push(' ');
        label.push_str(&d.id);
    }
    let show_title = !d.title.is_empty() && !matches!(d.kind, Kind::State | Kind::Plan);
    if show_title {
        let _ = write!(label, " \"{}\"", d.title);
    }
    label
}

fn markers_used(d: &PlanDiff, summary_only: bool) -> Vec<Change> {
    let mut used: Vec<Change> = Vec::new();
    if !d.consequences.coverage.is_empty() {
        used.push(Change::Changed);
    }
    if !summary_only {
        used.extend(d.consequences.findings.iter().map(|f| f.change));
    }
    for item in &d.items {
        used.push(item.change);
        if !summary_only {
            used.extend(item.fields.iter().map(|f| f.change));
        }
    }
    used
}

pub fn render(d: &PlanDiff, opt: Options) -> String {
    let style = opt.style;
    let mut out = String::new();
    heading(&mut out, "", &d.old, &d.new, style);
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "{}\n",
        style.legend(&markers_used(d, opt.summary_only))
    );

    consequences(&mut out, d, opt);

    let _ = writeln!(out, "{}", style.bold("Changes in the answers"));
    out.push_str(&super::write_items(&d.items, |out, item| {
        let _ = writeln!(out, "{} {}", style.marker(item.change), item_label(item));
        if opt.summary_only {
            return;
        }
        for f in &item.fields {
            let _ = writeln!(out, "    {}", field_line(f, style));
        }
        if item.change == Change::Changed && item.unchanged_fields > 0 {
            let n = item.unchanged_fields;
            let _ = writeln!(
                out,
                "    {}",
                style.dim(&format!(
                    "# ({n} unchanged field{} hidden)",
                    if n == 1 { "" } else { "s" }
                ))
            );
        }
    }));
    let _ = writeln!(
        out,
        "\n{}",
        style.bold(&format!("Summary: {}", d.summary("->")))
    );
    out
}

fn consequences(out: &mut String, d: &PlanDiff, opt: Options) {
    let style = opt.style;
    let x = &d.consequences;
    let _ = writeln!(out, "{}", style.bold("What the changes mean for the plan"));
    if x.coverage.is_empty() {
        let _ = writeln!(
            out,
            "  Coverage by instruments in force: no objective changed status"
        );
    } else {
        let _ = writeln!(
            out,
            "  Coverage by instruments in force (objectives whose status changed):"
        );
        for c in &x.coverage {
            let _ = writeln!(
                out,
                "    {} objective {} ({}): {} -> {}",
                style.marker(Change::Changed),
                c.objective,
                c.label,
                style.red(&c.before.name().to_lowercase()),
                style.green(&c.after.name().to_lowercase())
            );
        }
    }
    let a = x.approach;
    if a.changed() {
        let _ = writeln!(
            out,
            "  Approach chosen: {} -> {}",
            style.red(a.before.name()),
            style.green(a.after.name())
        );
    } else {
        let _ = writeln!(out, "  Approach chosen: {} (unchanged)", a.after.name());
    }
    let r = x.recommended;
    let readiness = if r.before.readiness == r.after.readiness {
        format!("{} of 5", r.after.readiness)
    } else {
        format!("{} -> {} of 5", r.before.readiness, r.after.readiness)
    };
    if r.before.approach == r.after.approach {
        let _ = writeln!(
            out,
            "  Recommended approach: {} (unchanged; readiness signals: {readiness})",
            r.after.approach.name()
        );
    } else {
        let _ = writeln!(
            out,
            "  Recommended approach: {} -> {} (readiness signals: {readiness})",
            style.red(r.before.approach.name()),
            style.green(r.after.approach.name())
        );
    }
    for (change, title) in [
        (Change::Removed, "Findings that no longer apply"),
        (Change::Added, "New findings"),
        (Change::Changed, "Findings that now read differently"),
    ] {
        let fs: Vec<_> = x.findings_with(change).collect();
        if fs.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  {title} ({}){}",
            fs.len(),
            if opt.summary_only { "" } else { ":" }
        );
        if opt.summary_only {
            continue;
        }
        for f in fs {
            let message = match (change, &f.before, &f.after) {
                (Change::Changed, Some(b), Some(a)) => match super::words::inline(b, a) {
                    Some(s) => style.segments(&s),
                    None => format!("{} -> {}", style.red(b), style.green(a)),
                },
                _ => f.message().to_string(),
            };
            let _ = writeln!(out, "    {} {message} [{}]", style.marker(change), f.code);
        }
    }
    out.push('\n');
}

/// `~ indicator.target: ... [-2026-]{+2025+}`, `+ budget.amount: 12,000`.
pub fn field_line(f: &FieldDiff, style: Style) -> String {
    let body = match f.view() {
        FieldView::Inline(segments) => style.segments(&segments),
        FieldView::Replace { old, new, quote } => {
            let q = |s: &str| {
                if quote {
                    format!("\"{s}\"")
                } else {
                    s.to_string()
                }
            };
            format!("{} -> {}", style.red(&q(&old)), style.green(&q(&new)))
        }
        FieldView::Delta {
            added,
            removed,
            moved_to,
        } => {
            let mut bits = Vec::new();
            if !added.is_empty() {
                bits.push(format!("added {}", style.green(&added.join(", "))));
            }
            if !removed.is_empty() {
                bits.push(format!("removed {}", style.red(&removed.join(", "))));
            }
            if let Some(n) = moved_to {
                bits.push(format!("now listed under objective {n}"));
            }
            bits.join("; ")
        }
        FieldView::Reordered {
            old,
            new,
            objective,
        } => format!(
            "order changed, {} -> {}; now listed under objective {objective}",
            style.red(&old),
            style.green(&new)
        ),
        FieldView::Added(v) => style.green(&v),
        FieldView::Removed(v) => style.red(&v),
    };
    format!("{} {}: {body}", style.marker(f.change), f.field)
}
