//! `gcmplan diff`: what changed between two revisions of a plan, in plain
//! words.
//!
//! The comparison is pure: [`diff`] takes two answers with their
//! assessments and returns a [`PlanDiff`]; the renderers ([`text`],
//! [`markdown`], [`json`]) only lay it out. `--rendered` compares the two
//! rendered Markdown plans line by line instead ([`rendered`]).
//!
//! A PlanDiff is built from [`Answers`] only. A plan JSON export carries
//! the answers it was rendered from, so the command reads those
//! (`commands::diff::Input`, by file type) and the comparison and its
//! renderers do not know which kind of file each side came from.

mod items;
pub mod json;
pub mod markdown;
pub mod rendered;
pub mod text;
pub mod words;

use std::borrow::Cow;
use std::collections::HashMap;

use serde::{Serialize, Serializer};

use crate::answers::{Answers, Approach, Revision};
use crate::assess::{self, Assessment, Coverage};

pub use items::objective_label;

/// Version of the JSON output; bump it when a field changes meaning.
pub const FORMAT_VERSION: u32 = 1;

/// What happened to an item, a field or a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Added,
    Changed,
    Removed,
}

impl Change {
    pub fn marker(self) -> char {
        match self {
            Change::Added => '+',
            Change::Changed => '~',
            Change::Removed => '-',
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Changed => "changed",
            Change::Removed => "removed",
        }
    }

    /// The same change seen from the other side.
    pub fn mirror(self) -> Change {
        match self {
            Change::Added => Change::Removed,
            Change::Changed => Change::Changed,
            Change::Removed => Change::Added,
        }
    }
}

/// The kinds of item in an answers file, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    State,
    Plan,
    DevelopmentPlan,
    Pillar,
    Instrument,
    Objective,
    Measure,
    Governance,
    Ministry,
    Stakeholder,
    Principle,
    Resources,
    Need,
    Review,
}

impl Kind {
    /// What the item is called in the output: "measure", "plan settings".
    pub fn noun(self) -> &'static str {
        match self {
            Kind::State => "state details",
            Kind::Plan => "plan settings",
            Kind::DevelopmentPlan => "development plan",
            Kind::Pillar => "development plan pillar",
            Kind::Instrument => "instrument",
            Kind::Objective => "objective",
            Kind::Measure => "measure",
            Kind::Governance => "governance",
            Kind::Ministry => "ministry",
            Kind::Stakeholder => "stakeholder",
            Kind::Principle => "principle",
            Kind::Resources => "resources",
            Kind::Need => "resource need",
            Kind::Review => "review and reporting",
        }
    }

    pub fn plural(self) -> &'static str {
        match self {
            Kind::Pillar => "development plan pillars",
            Kind::Instrument => "instruments",
            Kind::Objective => "objectives",
            Kind::Measure => "measures",
            Kind::Ministry => "ministries",
            Kind::Stakeholder => "stakeholders",
            Kind::Principle => "principles",
            Kind::Need => "resource needs",
            other => other.noun(),
        }
    }

    /// One-of-a-kind sections have no id.
    pub fn is_single(self) -> bool {
        matches!(
            self,
            Kind::State
                | Kind::Plan
                | Kind::DevelopmentPlan
                | Kind::Governance
                | Kind::Resources
                | Kind::Review
        )
    }
}

/// A field's value, typed for comparison and display. It borrows from the
/// answers it was read from, so that comparing a long plan copies nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Free text, compared with whitespace collapsed and marked word by word.
    Prose(Cow<'a, str>),
    /// A short value: a number, a date, an id or a choice such as a status.
    /// `raw` is the value as written; `shown` is what a reader sees.
    Scalar { raw: Raw<'a>, shown: Cow<'a, str> },
    /// A list whose order carries no meaning.
    List(Cow<'a, [String]>),
    /// A measure's actions: a list whose first item places the measure.
    Actions(Cow<'a, [String]>),
}

/// A short value as written in the file, for comparison and JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw<'a> {
    Text(Cow<'a, str>),
    Int(i64),
    Number(f64),
    Bool(bool),
}

impl Serialize for Raw<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Raw::Text(t) => s.serialize_str(t),
            Raw::Int(n) => s.serialize_i64(*n),
            Raw::Number(x) => s.serialize_f64(*x),
            Raw::Bool(b) => s.serialize_bool(*b),
        }
    }
}

impl Value<'_> {
    /// Whether two values mean the same, by the rules in `items`.
    pub fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Prose(a), Value::Prose(b)) => a == b,
            (Value::Scalar { raw: a, .. }, Value::Scalar { raw: b, .. }) => a == b,
            (Value::List(a), Value::List(b)) => a == b || sorted(a) == sorted(b),
            (Value::Actions(a), Value::Actions(b)) => {
                a == b || (sorted(a) == sorted(b) && items::placement(a) == items::placement(b))
            }
            _ => false,
        }
    }

    /// The value as a reader sees it on one line.
    pub fn shown(&self) -> String {
        match self {
            Value::Prose(t) => t.to_string(),
            Value::Scalar { shown, .. } => shown.to_string(),
            Value::List(l) | Value::Actions(l) if l.is_empty() => "(none)".into(),
            Value::List(l) | Value::Actions(l) => l.join(", "),
        }
    }

    /// For lists: the items only in `new`, and those only in `self`.
    pub fn list_delta(&self, new: &Value) -> Option<(Vec<String>, Vec<String>)> {
        let (old, new) = match (self, new) {
            (Value::List(a), Value::List(b)) | (Value::Actions(a), Value::Actions(b)) => (a, b),
            _ => return None,
        };
        Some((minus(new, old), minus(old, new)))
    }

    /// For a measure's actions: the objective the measure is now listed
    /// under, when that changed.
    pub fn moved_to(&self, new: &Value) -> Option<u8> {
        match (self, new) {
            (Value::Actions(a), Value::Actions(b))
                if items::placement(a) != items::placement(b) =>
            {
                items::placement(b)
            }
            _ => None,
        }
    }

    /// For a measure's actions reordered without other change: the objective
    /// the measure is now listed under.
    pub fn new_placement(&self, new: &Value) -> Option<u8> {
        match (self, new) {
            (Value::Actions(a), Value::Actions(b)) if sorted(a) == sorted(b) => items::placement(b),
            _ => None,
        }
    }
}

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Prose(t) => s.serialize_str(t),
            Value::Scalar { raw, .. } => raw.serialize(s),
            Value::List(l) | Value::Actions(l) => l.serialize(s),
        }
    }
}

fn sorted(v: &[String]) -> Vec<&String> {
    let mut v: Vec<&String> = v.iter().collect();
    v.sort();
    v
}

/// Items of `a` not in `b`, counting repeats, in `a`'s order.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        if let Some(i) = left.iter().position(|y| *y == x) {
            left.swap_remove(i);
        } else {
            out.push(x.clone());
        }
    }
    out
}

/// How to show one changed field, whatever the output format.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldView {
    /// Prose with most words kept: mark the changed words in place.
    Inline(Vec<words::Segment>),
    /// `old -> new`; `quote` for prose, so that the arrow stands out.
    Replace {
        old: String,
        new: String,
        quote: bool,
    },
    /// A list: the items added and removed; for a measure's actions, the
    /// objective it is now listed under when that moved.
    Delta {
        added: Vec<String>,
        removed: Vec<String>,
        moved_to: Option<u8>,
    },
    /// A measure's actions reordered so that it moves to another objective.
    Reordered {
        old: String,
        new: String,
        objective: u8,
    },
    /// A field that was absent before.
    Added(String),
    /// A field that is absent now.
    Removed(String),
}

impl FieldDiff<'_> {
    pub fn view(&self) -> FieldView {
        match (&self.old, &self.new) {
            (None, Some(n)) => FieldView::Added(n.shown()),
            (Some(o), None) => FieldView::Removed(o.shown()),
            (Some(Value::Prose(o)), Some(Value::Prose(n))) => match words::inline(o, n) {
                Some(segments) => FieldView::Inline(words::elide(segments, words::CONTEXT_WORDS)),
                None => FieldView::Replace {
                    old: o.to_string(),
                    new: n.to_string(),
                    quote: true,
                },
            },
            (Some(o), Some(n)) => {
                if let Some(objective) = o.new_placement(n) {
                    return FieldView::Reordered {
                        old: o.shown(),
                        new: n.shown(),
                        objective,
                    };
                }
                match o.list_delta(n) {
                    Some((added, removed)) => FieldView::Delta {
                        added,
                        removed,
                        moved_to: o.moved_to(n),
                    },
                    None => FieldView::Replace {
                        old: o.shown(),
                        new: n.shown(),
                        quote: false,
                    },
                }
            }
            (None, None) => FieldView::Replace {
                old: String::new(),
                new: String::new(),
                quote: false,
            },
        }
    }
}

/// One field of an item that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldDiff<'a> {
    /// The field as named in the answers file, e.g. `indicator.target`.
    pub field: &'static str,
    pub change: Change,
    #[serde(rename = "before")]
    pub old: Option<Value<'a>>,
    #[serde(rename = "after")]
    pub new: Option<Value<'a>>,
}

/// An item that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDiff<'a> {
    pub kind: Kind,
    /// The stable id; the number for objectives, the key for principles,
    /// empty for one-of-a-kind sections.
    pub id: String,
    /// The title, name or label, as in the newer file when it has the item.
    pub title: String,
    pub change: Change,
    /// The fields that changed (for changed items).
    pub fields: Vec<FieldDiff<'a>>,
    /// How many of the item's fields did not change (for changed items).
    pub unchanged_fields: usize,
    /// The whole item, for added and removed items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<serde_json::Value>,
}

/// A value before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pair<T> {
    pub before: T,
    pub after: T,
}

impl<T: PartialEq + Copy> Pair<T> {
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
    pub fn mirror(&self) -> Pair<T> {
        Pair {
            before: self.after,
            after: self.before,
        }
    }
}

/// An objective whose coverage by instruments in force changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageChange {
    pub objective: u8,
    pub label: String,
    pub before: Coverage,
    pub after: Coverage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Recommended {
    pub approach: Approach,
    /// Readiness signals in place, of 5.
    pub readiness: usize,
}

/// A finding that appeared, went away, or now reads differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingChange {
    pub change: Change,
    pub code: &'static str,
    pub subject: Option<String>,
    pub lesson: &'static str,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl FindingChange {
    /// The message as it reads now, or as it read before it went away.
    pub fn message(&self) -> &str {
        self.after
            .as_deref()
            .or(self.before.as_deref())
            .unwrap_or_default()
    }
}

/// What the changes do to the plan: computed by the assessment on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consequences {
    /// Only the objectives whose status changed.
    pub coverage: Vec<CoverageChange>,
    pub approach: Pair<Approach>,
    pub recommended: Pair<Recommended>,
    pub findings: Vec<FindingChange>,
}

impl Consequences {
    pub fn is_empty(&self) -> bool {
        self.coverage.is_empty()
            && !self.approach.changed()
            && !self.recommended.changed()
            && self.findings.is_empty()
    }

    pub fn findings_with(&self, change: Change) -> impl Iterator<Item = &FindingChange> {
        self.findings.iter().filter(move |f| f.change == change)
    }
}

/// Which file a side of the comparison comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideInfo {
    /// The path as given on the command line.
    pub path: String,
    pub state: String,
    pub revision: Option<Revision>,
}

impl SideInfo {
    /// "revision 2 (2025-03-20)", or the file name when there is no revision.
    pub fn describe(&self) -> String {
        match &self.revision {
            Some(r) => match &r.date {
                Some(d) => format!("revision {} ({d})", r.number),
                None => format!("revision {}", r.number),
            },
            None => self.path.clone(),
        }
    }
}

/// Everything that differs between two answers, with its consequences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDiff<'a> {
    pub old: SideInfo,
    pub new: SideInfo,
    pub consequences: Consequences,
    /// Changed items in file order, kind by kind; within a kind, in the
    /// newer file's order, removed items last.
    pub items: Vec<ItemDiff<'a>>,
}

/// The changed items written out one by one with `write`, in order. A long
/// list is written in two halves on two threads: marking the words that
/// changed in prose is most of the time a large comparison takes.
pub(crate) fn write_items(
    items: &[ItemDiff<'_>],
    write: impl Fn(&mut String, &ItemDiff<'_>) + Sync,
) -> String {
    let all = |items: &[ItemDiff<'_>]| {
        let mut out = String::new();
        for item in items {
            write(&mut out, item);
        }
        out
    };
    let weight = |item: &ItemDiff<'_>| 1 + item.fields.len();
    let total: usize = items.iter().map(weight).sum();
    // Below this, starting a thread costs more than it saves.
    if total < 200 {
        return all(items);
    }
    let mut so_far = 0;
    let cut = items
        .iter()
        .position(|item| {
            so_far += weight(item);
            so_far * 2 >= total
        })
        .map_or(items.len(), |i| i + 1);
    let (first, second) = items.split_at(cut);
    std::thread::scope(|scope| {
        let second = scope.spawn(|| all(second));
        let mut out = all(first);
        out.push_str(
            &second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        out
    })
}

/// One side of a comparison: answers, where they came from, and their
/// assessment.
pub struct Side<'a, 'x> {
    pub path: &'x str,
    /// The diff borrows field values from the answers.
    pub answers: &'a Answers,
    pub assessment: &'x Assessment,
}

impl Side<'_, '_> {
    fn info(&self) -> SideInfo {
        SideInfo {
            path: self.path.to_string(),
            state: self.answers.state.name.clone(),
            revision: self.answers.revision.clone(),
        }
    }
}

/// Compares two answers, labelled OLD and NEW; assesses each.
pub fn diff_answers<'a>(old: &'a Answers, new: &'a Answers) -> PlanDiff<'a> {
    let (xo, xn) = (assess::assess(old), assess::assess(new));
    diff(
        &Side {
            path: "OLD",
            answers: old,
            assessment: &xo,
        },
        &Side {
            path: "NEW",
            answers: new,
            assessment: &xn,
        },
    )
}

/// Compares two sides: items matched by kind and id, fields by name.
pub fn diff<'a>(old: &Side<'a, '_>, new: &Side<'a, '_>) -> PlanDiff<'a> {
    let mut old_items = items::items(old.answers);
    let mut new_items = items::items(new.answers);

    // Match items by (kind, id, occurrence); occurrences keep repeated ids
    // (which `gcmplan check` rejects) from hiding one another.
    let matches: Vec<Option<usize>> = {
        let mut seen: HashMap<(Kind, &str), usize> = HashMap::new();
        let mut old_index: HashMap<(Kind, &str, usize), usize> = HashMap::new();
        for (i, it) in old_items.iter().enumerate() {
            let n = seen.entry((it.kind, &*it.id)).or_insert(0);
            old_index.insert((it.kind, &*it.id, *n), i);
            *n += 1;
        }
        let mut seen: HashMap<(Kind, &str), usize> = HashMap::new();
        new_items
            .iter()
            .map(|it| {
                let n = seen.entry((it.kind, &*it.id)).or_insert(0);
                *n += 1;
                old_index.get(&(it.kind, &*it.id, *n - 1)).copied()
            })
            .collect()
    };
    let mut matched = vec![false; old_items.len()];
    let mut out: Vec<ItemDiff> = Vec::new();
    for (j, m) in matches.into_iter().enumerate() {
        match m {
            Some(i) => {
                matched[i] = true;
                if let Some(d) = compare(&mut old_items[i], &mut new_items[j]) {
                    out.push(d);
                }
            }
            None => out.push(whole(&new_items[j], Change::Added)),
        }
    }
    for (i, it) in old_items.iter().enumerate() {
        if !matched[i] {
            out.push(whole(it, Change::Removed));
        }
    }
    // Stable: keeps the newer file's order within a kind, removed items last.
    out.sort_by_key(|d| d.kind);

    PlanDiff {
        old: old.info(),
        new: new.info(),
        consequences: consequences(old, new),
        items: out,
    }
}

fn whole<'a>(it: &items::Item<'a>, change: Change) -> ItemDiff<'a> {
    let json = Some((it.json)());
    ItemDiff {
        kind: it.kind,
        id: it.id.to_string(),
        title: it.title.to_string(),
        change,
        fields: Vec::new(),
        unchanged_fields: 0,
        before: if change == Change::Removed {
            json.clone()
        } else {
            None
        },
        after: if change == Change::Added { json } else { None },
    }
}

/// The changed fields of an item present on both sides, or `None`. The
/// changed values move out of the items rather than being copied.
fn compare<'a>(old: &mut items::Item<'a>, new: &mut items::Item<'a>) -> Option<ItemDiff<'a>> {
    let mut fields = Vec::new();
    let mut unchanged = 0;
    // Both sides list the same fields for the same kind, in the same order.
    for ((name, o), (_, n)) in old.fields.iter_mut().zip(new.fields.iter_mut()) {
        let change = match (&*o, &*n) {
            (None, None) => continue,
            (Some(a), Some(b)) if a.same(b) => {
                unchanged += 1;
                continue;
            }
            (Some(_), Some(_)) => Change::Changed,
            (None, Some(_)) => Change::Added,
            (Some(_), None) => Change::Removed,
        };
        fields.push(FieldDiff {
            field: name,
            change,
            old: o.take(),
            new: n.take(),
        });
    }
    (!fields.is_empty()).then(|| ItemDiff {
        kind: new.kind,
        id: new.id.to_string(),
        title: if new.title.is_empty() {
            old.title.to_string()
        } else {
            new.title.to_string()
        },
        change: Change::Changed,
        fields,
        unchanged_fields: unchanged,
        before: None,
        after: None,
    })
}

fn consequences(old: &Side, new: &Side) -> Consequences {
    let coverage = old
        .assessment
        .coverage
        .iter()
        .zip(&new.assessment.coverage)
        .filter(|(o, n)| o.status != n.status)
        .map(|(o, n)| CoverageChange {
            objective: n.number,
            label: objective_label(n.number),
            before: o.status,
            after: n.status,
        })
        .collect();
    let rec = |x: &Assessment| Recommended {
        approach: x.recommendation.approach,
        readiness: x.recommendation.score,
    };

    // Findings are matched by code and subject, so a finding whose wording
    // changed (a count, a list) reads as changed, not as gone and new.
    let (fo, fn_) = (&old.assessment.findings, &new.assessment.findings);
    let (ko, kn) = (finding_keys(fo), finding_keys(fn_));
    let old_by_key: HashMap<&FindingKey, usize> =
        ko.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let mut matched = vec![false; fo.len()];
    let mut findings = Vec::new();
    for (f, k) in fn_.iter().zip(&kn) {
        match old_by_key.get(k) {
            Some(&i) => {
                matched[i] = true;
                if fo[i].message != f.message {
                    findings.push(finding_change(Change::Changed, Some(&fo[i]), Some(f)));
                }
            }
            None => findings.push(finding_change(Change::Added, None, Some(f))),
        }
    }
    for (i, f) in fo.iter().enumerate() {
        if !matched[i] {
            findings.push(finding_change(Change::Removed, Some(f), None));
        }
    }
    findings.sort_by_key(|f| f.change);

    Consequences {
        coverage,
        approach: Pair {
            before: old.answers.plan.approach,
            after: new.answers.plan.approach,
        },
        recommended: Pair {
            before: rec(old.assessment),
            after: rec(new.assessment),
        },
        findings,
    }
}

type FindingKey<'a> = (&'static str, Option<&'a str>, usize);

/// Each finding's code and subject, with an occurrence number for repeats.
fn finding_keys(fs: &[assess::Finding]) -> Vec<FindingKey<'_>> {
    let mut seen: HashMap<(&str, Option<&str>), usize> = HashMap::new();
    fs.iter()
        .map(|f| {
            let n = seen.entry((f.code, f.subject.as_deref())).or_insert(0);
            *n += 1;
            (f.code, f.subject.as_deref(), *n - 1)
        })
        .collect()
}

fn finding_change(
    change: Change,
    old: Option<&assess::Finding>,
    new: Option<&assess::Finding>,
) -> FindingChange {
    let f = new.or(old).expect("a finding on one side at least");
    FindingChange {
        change,
        code: f.code,
        subject: f.subject.clone(),
        lesson: f.lesson,
        before: old.map(|f| f.message.clone()),
        after: new.map(|f| f.message.clone()),
    }
}

/// Counts for the summary line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindCount {
    pub kind: Kind,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
}

impl PlanDiff<'_> {
    /// No item differs (the `[revision]` block is not compared).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.consequences.is_empty()
    }

    /// Added, changed and removed items per kind, in file order.
    pub fn counts(&self) -> Vec<KindCount> {
        let mut out: Vec<KindCount> = Vec::new();
        for d in &self.items {
            if out.last().is_none_or(|c| c.kind != d.kind) {
                out.push(KindCount {
                    kind: d.kind,
                    added: 0,
                    changed: 0,
                    removed: 0,
                });
            }
            let c = out.last_mut().expect("pushed above");
            match d.change {
                Change::Added => c.added += 1,
                Change::Changed => c.changed += 1,
                Change::Removed => c.removed += 1,
            }
        }
        out
    }

    /// The summary line, e.g. "3 measures added, 2 changed, 1 removed;
    /// coverage: 2 objectives gap -> covered". `arrow` is "->" or "→".
    pub fn summary(&self, arrow: &str) -> String {
        if self.is_empty() {
            return "No changes.".into();
        }
        let mut parts: Vec<String> = Vec::new();
        for c in self.counts() {
            if c.kind.is_single() {
                let what: Vec<&str> = [
                    (c.added, "added"),
                    (c.changed, "changed"),
                    (c.removed, "removed"),
                ]
                .iter()
                .filter(|(n, _)| *n > 0)
                .map(|(_, w)| *w)
                .collect();
                parts.push(format!("{} {}", c.kind.noun(), what.join(", ")));
                continue;
            }
            let mut bits: Vec<String> = Vec::new();
            for (n, word) in [
                (c.added, "added"),
                (c.changed, "changed"),
                (c.removed, "removed"),
            ] {
                if n == 0 {
                    continue;
                }
                if bits.is_empty() {
                    let noun = if n == 1 {
                        c.kind.noun()
                    } else {
                        c.kind.plural()
                    };
                    bits.push(format!("{n} {noun} {word}"));
                } else {
                    bits.push(format!("{n} {word}"));
                }
            }
            parts.push(bits.join(", "));
        }
        let x = &self.consequences;
        if !x.coverage.is_empty() {
            // Group by transition, in order of first appearance.
            let mut groups: Vec<((Coverage, Coverage), usize)> = Vec::new();
            for c in &x.coverage {
                match groups.iter_mut().find(|(t, _)| *t == (c.before, c.after)) {
                    Some((_, n)) => *n += 1,
                    None => groups.push(((c.before, c.after), 1)),
                }
            }
            let text: Vec<String> = groups
                .iter()
                .map(|((b, a), n)| {
                    format!(
                        "{n} objective{} {} {arrow} {}",
                        if *n == 1 { "" } else { "s" },
                        b.name().to_lowercase(),
                        a.name().to_lowercase()
                    )
                })
                .collect();
            parts.push(format!("coverage: {}", text.join(", ")));
        }
        if x.approach.changed() {
            parts.push(format!(
                "approach: {} {arrow} {}",
                x.approach.before.name().to_lowercase(),
                x.approach.after.name().to_lowercase()
            ));
        }
        if x.recommended.before.approach != x.recommended.after.approach {
            parts.push(format!(
                "recommended approach: {} {arrow} {}",
                x.recommended.before.approach.name().to_lowercase(),
                x.recommended.after.approach.name().to_lowercase()
            ));
        }
        let new = x.findings_with(Change::Added).count();
        let gone = x.findings_with(Change::Removed).count();
        if new + gone > 0 {
            let mut bits = Vec::new();
            if new > 0 {
                bits.push(format!("{new} new"));
            }
            if gone > 0 {
                bits.push(format!(
                    "{gone} no longer appl{}",
                    if gone == 1 { "ies" } else { "y" }
                ));
            }
            parts.push(format!("findings: {}", bits.join(", ")));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests;
