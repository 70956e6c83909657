//! `--rendered`: the two rendered Markdown plans compared line by line,
//! with word-level marking inside changed lines. It shows what a reader of
//! the plan sees change, including wording that comes from the templates.

use std::fmt::Write as _;

use serde::Serialize;
use similar::{DiffTag, TextDiff};

use super::text::{Options, Style, heading};
use super::words::{self, Segment};
use super::{Change, FORMAT_VERSION, SideInfo};

/// Unchanged lines shown around each change.
pub const CONTEXT: usize = 2;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Line {
    Same { text: String },
    Added { text: String },
    Removed { text: String },
    Changed { before: String, after: String },
}

/// Changed lines with a little context, under the section they fall in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hunk {
    /// The nearest Markdown heading before the change, without its `#`s.
    pub section: Option<String>,
    /// 1-based first line of the hunk in each plan.
    pub old_line: usize,
    pub new_line: usize,
    pub lines: Vec<Line>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenderedDiff {
    pub old: SideInfo,
    pub new: SideInfo,
    pub hunks: Vec<Hunk>,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl RenderedDiff {
    pub fn is_empty(&self) -> bool {
        self.hunks.is_empty()
    }

    pub fn summary(&self) -> String {
        if self.is_empty() {
            return "No changes.".into();
        }
        let mut bits = Vec::new();
        for (n, word) in [
            (self.added, "added"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ] {
            if n == 0 {
                continue;
            }
            if bits.is_empty() {
                bits.push(format!("{n} line{} {word}", if n == 1 { "" } else { "s" }));
            } else {
                bits.push(format!("{n} {word}"));
            }
        }
        let places = self.hunks.len();
        format!(
            "rendered plan: {} in {places} place{}",
            bits.join(", "),
            if places == 1 { "" } else { "s" }
        )
    }

    /// Per section, in order: (section, added, changed, removed).
    pub fn sections(&self) -> Vec<(String, usize, usize, usize)> {
        let mut out: Vec<(String, usize, usize, usize)> = Vec::new();
        for h in &self.hunks {
            let name = h
                .section
                .clone()
                .unwrap_or_else(|| "(start of the plan)".into());
            if out.last().is_none_or(|s| s.0 != name) {
                out.push((name, 0, 0, 0));
            }
            let s = out.last_mut().expect("pushed above");
            for l in &h.lines {
                match l {
                    Line::Added { .. } => s.1 += 1,
                    Line::Changed { .. } => s.2 += 1,
                    Line::Removed { .. } => s.3 += 1,
                    Line::Same { .. } => {}
                }
            }
        }
        out
    }
}

fn heading_text(line: &str) -> Option<String> {
    let t = line.trim_start();
    t.starts_with('#')
        .then(|| t.trim_start_matches('#').trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Compares two rendered plans.
pub fn diff(old: SideInfo, old_text: &str, new: SideInfo, new_text: &str) -> RenderedDiff {
    let diff = TextDiff::from_lines(old_text, new_text);
    let old_lines: Vec<&str> = diff.iter_old_slices().map(trim_eol).collect();
    let new_lines: Vec<&str> = diff.iter_new_slices().map(trim_eol).collect();
    // The section each line of the new plan falls in.
    let mut section: Vec<Option<String>> = Vec::with_capacity(new_lines.len());
    let mut current = None;
    for l in &new_lines {
        if let Some(h) = heading_text(l) {
            current = Some(h);
        }
        section.push(current.clone());
    }

    let (mut added, mut changed, mut removed) = (0, 0, 0);
    let mut hunks = Vec::new();
    for group in diff.grouped_ops(CONTEXT) {
        let Some(first) = group.first() else { continue };
        let first_change = group
            .iter()
            .find(|op| op.tag() != DiffTag::Equal)
            .unwrap_or(first);
        // Removed lines sit before the new line the op points at: name the
        // section of the line above them.
        let start = first_change.new_range().start;
        let at = if first_change.tag() == DiffTag::Delete {
            start.saturating_sub(1)
        } else {
            start
        }
        .min(new_lines.len().saturating_sub(1));
        let mut lines = Vec::new();
        for op in &group {
            let (tag, o, n) = op.as_tag_tuple();
            match tag {
                DiffTag::Equal => lines.extend(n.map(|i| Line::Same {
                    text: new_lines[i].to_string(),
                })),
                DiffTag::Delete => lines.extend(o.map(|i| Line::Removed {
                    text: old_lines[i].to_string(),
                })),
                DiffTag::Insert => lines.extend(n.map(|i| Line::Added {
                    text: new_lines[i].to_string(),
                })),
                DiffTag::Replace => pair(&old_lines[o], &new_lines[n], &mut lines),
            }
        }
        for l in &lines {
            match l {
                Line::Added { .. } => added += 1,
                Line::Changed { .. } => changed += 1,
                Line::Removed { .. } => removed += 1,
                Line::Same { .. } => {}
            }
        }
        hunks.push(Hunk {
            section: section.get(at).cloned().flatten(),
            old_line: first.old_range().start + 1,
            new_line: first.new_range().start + 1,
            lines,
        });
    }
    RenderedDiff {
        old,
        new,
        hunks,
        added,
        changed,
        removed,
    }
}

fn trim_eol(s: &str) -> &str {
    s.trim_end_matches(['\n', '\r'])
}

/// A block of old lines replaced by new ones: lines at the same place that
/// share most of their words read as changed; the others as removed and
/// added.
fn pair(old: &[&str], new: &[&str], out: &mut Vec<Line>) {
    let mut gone: Vec<Line> = Vec::new();
    let mut came: Vec<Line> = Vec::new();
    for k in 0..old.len().max(new.len()) {
        match (old.get(k), new.get(k)) {
            (Some(o), Some(n)) if words::inline(o, n).is_some() => {
                out.append(&mut gone);
                out.append(&mut came);
                out.push(Line::Changed {
                    before: o.to_string(),
                    after: n.to_string(),
                });
            }
            (o, n) => {
                if let Some(o) = o {
                    gone.push(Line::Removed {
                        text: o.to_string(),
                    });
                }
                if let Some(n) = n {
                    came.push(Line::Added {
                        text: n.to_string(),
                    });
                }
            }
        }
    }
    out.append(&mut gone);
    out.append(&mut came);
}

fn changed_segments(before: &str, after: &str) -> Vec<Segment> {
    words::inline(before, after)
        .map(|s| words::elide(s, words::CONTEXT_WORDS))
        .unwrap_or_else(|| {
            vec![
                Segment::Removed(before.to_string()),
                Segment::Added(after.to_string()),
            ]
        })
}

fn line_markers(d: &RenderedDiff) -> Vec<Change> {
    let mut used = Vec::new();
    for h in &d.hunks {
        for l in &h.lines {
            match l {
                Line::Added { .. } => used.push(Change::Added),
                Line::Changed { .. } => used.push(Change::Changed),
                Line::Removed { .. } => used.push(Change::Removed),
                Line::Same { .. } => {}
            }
        }
    }
    used
}

fn section_marker(added: usize, changed: usize, removed: usize) -> Change {
    match (added, changed, removed) {
        (_, 0, 0) => Change::Added,
        (0, 0, _) => Change::Removed,
        _ => Change::Changed,
    }
}

fn counts_text(added: usize, changed: usize, removed: usize) -> String {
    let mut bits = Vec::new();
    for (n, w) in [(added, "added"), (changed, "changed"), (removed, "removed")] {
        if n > 0 {
            bits.push(format!("{n} {w}"));
        }
    }
    let total = added + changed + removed;
    format!(
        "{} line{}: {}",
        total,
        if total == 1 { "" } else { "s" },
        bits.join(", ")
    )
}

fn hunk_title(h: &Hunk) -> String {
    match &h.section {
        Some(s) => format!(
            "In \"{s}\" (old line {}, new line {}):",
            h.old_line, h.new_line
        ),
        None => format!(
            "At the start of the plan (old line {}, new line {}):",
            h.old_line, h.new_line
        ),
    }
}

pub fn text(d: &RenderedDiff, opt: Options) -> String {
    let style: Style = opt.style;
    let mut out = String::new();
    heading(&mut out, "the rendered plans of ", &d.old, &d.new, style);
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let used = if opt.summary_only {
        d.sections()
            .iter()
            .map(|(_, a, c, r)| section_marker(*a, *c, *r))
            .collect()
    } else {
        line_markers(d)
    };
    let _ = writeln!(out, "{}\n", style.legend(&used));
    if opt.summary_only {
        for (name, a, c, r) in d.sections() {
            let _ = writeln!(
                out,
                "{} {name}: {}",
                style.marker(section_marker(a, c, r)),
                counts_text(a, c, r)
            );
        }
    } else {
        for h in &d.hunks {
            let _ = writeln!(out, "{}", style.bold(&hunk_title(h)));
            for l in &h.lines {
                let line = match l {
                    Line::Same { text } => format!("  {text}"),
                    Line::Added { text } => {
                        format!("{} {}", style.marker(Change::Added), style.green(text))
                    }
                    Line::Removed { text } => {
                        format!("{} {}", style.marker(Change::Removed), style.red(text))
                    }
                    Line::Changed { before, after } => format!(
                        "{} {}",
                        style.marker(Change::Changed),
                        style.segments(&changed_segments(before, after))
                    ),
                };
                let _ = writeln!(out, "{}", line.trim_end());
            }
            out.push('\n');
        }
    }
    if opt.summary_only {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", style.bold(&format!("Summary: {}", d.summary())));
    out
}

/// A code fence longer than any run of backticks in the text.
fn fence(lines: &[String]) -> String {
    let longest = lines
        .iter()
        .flat_map(|l| l.split(|c| c != '`').map(str::len))
        .max()
        .unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

pub fn markdown(d: &RenderedDiff, summary_only: bool) -> String {
    let esc = super::markdown::esc;
    let mut out = super::markdown::heading("in the rendered plan ", &d.old, &d.new);
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let _ = writeln!(out, "**Summary:** {}.\n", esc(&d.summary()));
    if summary_only {
        out.push_str("| Section | Lines added | Changed | Removed |\n| --- | --- | --- | --- |\n");
        for (name, a, c, r) in d.sections() {
            let _ = writeln!(out, "| {} | {a} | {c} | {r} |", esc(&name));
        }
        return out;
    }
    for h in &d.hunks {
        let _ = writeln!(out, "{}\n", esc(&hunk_title(h)));
        let lines: Vec<String> = h
            .lines
            .iter()
            .map(|l| match l {
                Line::Same { text } => format!("  {text}"),
                Line::Added { text } => format!("+ {text}"),
                Line::Removed { text } => format!("- {text}"),
                Line::Changed { before, after } => {
                    format!("~ {}", words::plain(&changed_segments(before, after)))
                }
            })
            .map(|l| l.trim_end().to_string())
            .collect();
        let f = fence(&lines);
        let _ = writeln!(out, "{f}diff");
        for l in &lines {
            let _ = writeln!(out, "{l}");
        }
        let _ = writeln!(out, "{f}\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonOut<'a> {
    format_version: u32,
    compared: &'static str,
    old: &'a SideInfo,
    new: &'a SideInfo,
    changed: bool,
    summary: String,
    lines_added: usize,
    lines_changed: usize,
    lines_removed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    hunks: Option<&'a [Hunk]>,
}

pub fn json(d: &RenderedDiff, summary_only: bool) -> String {
    let out = JsonOut {
        format_version: FORMAT_VERSION,
        compared: "rendered",
        old: &d.old,
        new: &d.new,
        changed: !d.is_empty(),
        summary: d.summary(),
        lines_added: d.added,
        lines_changed: d.changed,
        lines_removed: d.removed,
        hunks: (!summary_only).then_some(&d.hunks[..]),
    };
    let mut text = serde_json::to_string_pretty(&out).expect("the diff serialises");
    text.push('\n');
    text
}
