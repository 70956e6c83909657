//! The diff as JSON for other tools, versioned by `format_version`.

use serde::Serialize;

use super::{Consequences, FORMAT_VERSION, ItemDiff, KindCount, PlanDiff, SideInfo};

#[derive(Serialize)]
struct Out<'a> {
    format_version: u32,
    /// "answers" (this module) or "rendered" (`--rendered`).
    compared: &'static str,
    old: &'a SideInfo,
    new: &'a SideInfo,
    changed: bool,
    summary: String,
    counts: Vec<KindCount>,
    consequences: &'a Consequences,
    items: Vec<&'a ItemDiff<'a>>,
}

/// The whole diff; with `summary_only`, items carry no field detail.
pub fn render(d: &PlanDiff, summary_only: bool) -> String {
    let items: Vec<&ItemDiff<'_>> = d.items.iter().collect();
    let stripped: Vec<ItemDiff<'_>>;
    let items = if summary_only {
        stripped = d
            .items
            .iter()
            .map(|i| ItemDiff {
                fields: Vec::new(),
                before: None,
                after: None,
                ..i.clone()
            })
            .collect();
        stripped.iter().collect()
    } else {
        items
    };
    let out = Out {
        format_version: FORMAT_VERSION,
        compared: "answers",
        old: &d.old,
        new: &d.new,
        changed: !d.is_empty(),
        summary: d.summary("->"),
        counts: d.counts(),
        consequences: &d.consequences,
        items,
    };
    let mut text = serde_json::to_string_pretty(&out).expect("the diff serialises");
    text.push('\n');
    text
}
