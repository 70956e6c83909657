//! The diff as Markdown for a "Revisions" section of the plan or a review
//! thread: no document title, headings no higher than `####`, a short
//! paragraph, then a table and lists. Every user-supplied string is
//! escaped; word-level changes read ~~removed~~ **added**.

use std::fmt::Write as _;

use super::words::Segment;
use super::{Change, FieldDiff, FieldView, ItemDiff, PlanDiff, SideInfo};
use crate::render::escape_markdown;

/// Escapes text for Markdown, on one line.
pub fn esc(text: &str) -> String {
    escape_markdown(&super::text::one_line(text))
}

/// Escapes text that follows other text on the same line: a leading `-`
/// or `#` marks nothing there.
fn esc_mid(text: &str) -> String {
    escape_markdown(&format!("x{text}"))[1..].to_string()
}

/// Escapes generated text, keeping its `code` spans (ids in findings).
fn esc_keep_code(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "`{part}`");
        } else if out.is_empty() {
            out.push_str(&escape_markdown(part));
        } else {
            out.push_str(&esc_mid(part));
        }
    }
    out
}

/// `id` as a code span.
fn code(text: &str) -> String {
    let text = text.replace('`', "'");
    format!("`{text}`")
}

/// Wraps changed words in `~~` or `**`. Emphasis only works when its
/// markers touch letters or digits (CommonMark's flanking rules: in
/// "returnees**, with**" the bold never starts), so punctuation and spaces
/// at either end stay outside the markers; a change of punctuation alone is
/// marked with spaces around it.
fn wrap(text: &str, marker: &str) -> String {
    let is_edge = |c: char| !c.is_alphanumeric();
    let core_start = text.find(|c: char| !is_edge(c));
    let Some(start) = core_start else {
        let t = text.trim();
        return if t.is_empty() {
            text.to_string()
        } else {
            format!(" {marker}{}{marker} ", esc_mid(t))
        };
    };
    let end = text
        .rfind(|c: char| !is_edge(c))
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(text.len());
    format!(
        "{}{marker}{}{marker}{}",
        esc_mid(&text[..start]),
        esc_mid(&text[start..end]),
        esc_mid(&text[end..])
    )
}

pub fn segments(segments: &[Segment]) -> String {
    let mut out = String::new();
    for (i, s) in segments.iter().enumerate() {
        match s {
            Segment::Same(t) if out.is_empty() => out.push_str(&escape_markdown(t)),
            Segment::Same(t) => out.push_str(&esc_mid(t)),
            Segment::Removed(t) => out.push_str(&wrap(t, "~~")),
            Segment::Added(t) => {
                // "~~Three~~ **Four**" reads better than "~~Three~~**Four**".
                if i > 0 && matches!(segments[i - 1], Segment::Removed(_)) && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(&wrap(t, "**"));
            }
        }
    }
    out
}

pub fn heading(what: &str, old: &SideInfo, new: &SideInfo) -> String {
    let mut out = format!(
        "#### Changes {what}from {} to {}\n\n",
        esc(&old.describe()),
        esc(&new.describe())
    );
    let _ = write!(
        out,
        "Compared {} (old) with {} (new).",
        code(&old.path),
        code(&new.path)
    );
    if let Some(r) = &new.revision
        && let Some(note) = &r.note
    {
        let _ = write!(out, " Note on revision {}: {}", r.number, esc(note));
    }
    out.push_str("\n\n");
    out
}

fn item_label(d: &ItemDiff) -> String {
    let mut label = d.kind.noun().to_string();
    if !d.id.is_empty() {
        label.push(' ');
        label.push_str(&code(&d.id));
    }
    if !d.title.is_empty() && !matches!(d.kind, super::Kind::State | super::Kind::Plan) {
        let _ = write!(label, ": {}", esc(&d.title));
    }
    label
}

fn field_line(f: &FieldDiff) -> String {
    let body = match f.view() {
        FieldView::Inline(s) => segments(&s),
        FieldView::Replace { old, new, .. } => format!("{} → {}", esc(&old), esc(&new)),
        FieldView::Delta {
            added,
            removed,
            moved_to,
        } => {
            let list = |v: &[String]| v.iter().map(|x| code(x)).collect::<Vec<_>>().join(", ");
            let mut bits = Vec::new();
            if !added.is_empty() {
                bits.push(format!("added {}", list(&added)));
            }
            if !removed.is_empty() {
                bits.push(format!("removed {}", list(&removed)));
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
            "order changed, {} → {}; now listed under objective {objective}",
            esc(&old),
            esc(&new)
        ),
        FieldView::Added(v) => format!("added: {}", esc(&v)),
        FieldView::Removed(v) => format!("removed (was: {})", esc(&v)),
    };
    format!("{}: {body}", code(f.field))
}

fn change_word(c: Change) -> &'static str {
    match c {
        Change::Added => "Added",
        Change::Changed => "Changed",
        Change::Removed => "Removed",
    }
}

pub fn render(d: &PlanDiff, summary_only: bool) -> String {
    let mut out = heading("", &d.old, &d.new);
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let _ = writeln!(out, "**Summary:** {}.\n", esc(&d.summary("→")));

    let x = &d.consequences;
    out.push_str("##### What the changes mean for the plan\n\n");
    if x.coverage.is_empty() {
        out.push_str("No objective changed its coverage by instruments in force.\n\n");
    } else {
        out.push_str(
            "Coverage by instruments in force, for the objectives whose status changed:\n\n",
        );
        out.push_str("| Objective | Before | After |\n| --- | --- | --- |\n");
        for c in &x.coverage {
            let _ = writeln!(
                out,
                "| {}. {} | {} | {} |",
                c.objective,
                esc(&c.label),
                c.before.name(),
                c.after.name()
            );
        }
        out.push('\n');
    }
    let a = x.approach;
    if a.changed() {
        let _ = writeln!(
            out,
            "- Approach chosen: {} → {}.",
            a.before.name(),
            a.after.name()
        );
    } else {
        let _ = writeln!(out, "- Approach chosen: {} (unchanged).", a.after.name());
    }
    let r = x.recommended;
    let readiness = if r.before.readiness == r.after.readiness {
        format!("{} of 5", r.after.readiness)
    } else {
        format!("{} → {} of 5", r.before.readiness, r.after.readiness)
    };
    if r.before.approach == r.after.approach {
        let _ = writeln!(
            out,
            "- Recommended approach: {} (unchanged; readiness signals: {readiness}).",
            r.after.approach.name()
        );
    } else {
        let _ = writeln!(
            out,
            "- Recommended approach: {} → {} (readiness signals: {readiness}).",
            r.before.approach.name(),
            r.after.approach.name()
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
        if summary_only {
            let _ = writeln!(out, "- {title}: {}.", fs.len());
            continue;
        }
        let _ = writeln!(out, "- {title}:");
        for f in fs {
            let message = match (&f.before, &f.after) {
                (Some(b), Some(a)) if change == Change::Changed => {
                    match super::words::inline(b, a) {
                        Some(s) => segments(&s),
                        None => format!("{} → {}", esc_keep_code(b), esc_keep_code(a)),
                    }
                }
                _ => esc_keep_code(f.message()),
            };
            let _ = writeln!(out, "  - {message}");
        }
    }
    out.push('\n');

    out.push_str("##### Changes in the answers\n\n");
    out.push_str(&super::write_items(&d.items, |out, item| {
        let _ = write!(
            out,
            "- **{}** {}",
            change_word(item.change),
            item_label(item)
        );
        if summary_only || item.fields.is_empty() {
            out.push_str(".\n");
            return;
        }
        out.push_str(":\n");
        for f in &item.fields {
            let _ = writeln!(out, "  - {}", field_line(f));
        }
        if item.unchanged_fields > 0 {
            let n = item.unchanged_fields;
            let _ = writeln!(
                out,
                "  - ({n} unchanged field{} not shown.)",
                if n == 1 { "" } else { "s" }
            );
        }
    }));
    out
}
