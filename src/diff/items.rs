//! The answers flattened into items (an instrument, a measure, the review
//! settings, ...) with named fields, ready to compare field by field.
//!
//! Comparison rules, decided here once:
//! - Items are matched by kind and stable id (objectives by number,
//!   principles by key, the one-of-a-kind sections by kind alone), never by
//!   position: moving an item in the file is not a change.
//! - Nested tables are compared by their own fields, named with a dot as in
//!   the file (`indicator.target`, `budget.amount`, `coordination.chair`),
//!   so a changed target does not show the whole indicator as changed.
//! - Lists are compared as collections, not sequences: `partners`,
//!   `builds_on`, `sdg_targets`, `objectives`, `migration_profile` and the
//!   adopted actions say *which*, not *in what order*. The one exception is
//!   a measure's `actions`, whose first action places the measure under its
//!   objective in the plan: reordering them is a change only when that
//!   placement moves.
//! - Prose is compared with runs of whitespace collapsed, so re-wrapping a
//!   paragraph in the file is not a change.
//! - An objective with an empty table equals an objective not written at
//!   all; a missing optional value and an empty list are both "absent".
//! - The `[revision]` block describes the revision itself; it heads the
//!   comparison and is not compared.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::json;

use crate::answers::{Answers, DateSpec, ObjectiveAnswer};
use crate::reference::{ActionId, reference};

use super::{Kind, Raw, Value};

pub struct Item<'a> {
    pub kind: Kind,
    /// Empty for one-of-a-kind sections.
    pub id: Cow<'a, str>,
    pub title: Cow<'a, str>,
    /// Every field the kind has, in file order; `None` when absent.
    pub fields: Vec<(&'static str, Option<Value<'a>>)>,
    /// The item as written, for the JSON output of added and removed items;
    /// made only for those, as most items of a long plan are unchanged.
    pub json: Box<dyn Fn() -> serde_json::Value + 'a>,
}

fn to_json(v: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// Collapses whitespace; `None` for blank text.
fn prose(text: &str) -> Option<Value<'_>> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    // Most text has single spaces only: borrow it as it is.
    let mut prev_space = false;
    let tidy = t.chars().all(|c| {
        let bad = c.is_whitespace() && (c != ' ' || prev_space);
        prev_space = c == ' ';
        !bad
    });
    if tidy {
        return Some(Value::Prose(Cow::Borrowed(t)));
    }
    Some(Value::Prose(Cow::Owned(
        t.split_whitespace().collect::<Vec<_>>().join(" "),
    )))
}

fn opt_prose(text: Option<&String>) -> Option<Value<'_>> {
    text.and_then(|t| prose(t))
}

/// A choice such as a status: compared and exported by its key in the file
/// ("in-force"), shown by its name ("In force").
fn choice<'a>(value: &impl Serialize, name: &'static str) -> Option<Value<'a>> {
    let key = match to_json(value) {
        serde_json::Value::String(k) => k,
        other => other.to_string(),
    };
    Some(Value::Scalar {
        raw: Raw::Text(Cow::Owned(key)),
        shown: Cow::Borrowed(name),
    })
}

fn text(t: &str) -> Option<Value<'_>> {
    Some(Value::Scalar {
        raw: Raw::Text(Cow::Borrowed(t)),
        shown: Cow::Borrowed(t),
    })
}

fn opt_text(t: Option<&String>) -> Option<Value<'_>> {
    t.and_then(|t| text(t))
}

fn int<'a>(n: i64) -> Option<Value<'a>> {
    Some(Value::Scalar {
        raw: Raw::Int(n),
        shown: Cow::Owned(n.to_string()),
    })
}

fn opt_int<'a>(n: Option<i64>) -> Option<Value<'a>> {
    n.and_then(int)
}

fn yes_no<'a>(b: bool) -> Option<Value<'a>> {
    Some(Value::Scalar {
        raw: Raw::Bool(b),
        shown: Cow::Borrowed(if b { "yes" } else { "no" }),
    })
}

/// A date by its meaning: `2025` and `"2025"` are the same date.
fn date(d: Option<&DateSpec>) -> Option<Value<'_>> {
    let d = d?;
    match d.parse() {
        Ok(p) if p.month.is_none() => int(p.year),
        Ok(p) => {
            let t = p.to_string();
            Some(Value::Scalar {
                raw: Raw::Text(Cow::Owned(t.clone())),
                shown: Cow::Owned(t),
            })
        }
        Err(_) => match d {
            DateSpec::Year(y) => int(*y),
            DateSpec::Text(t) => text(t),
        },
    }
}

fn strings(items: &[String]) -> Option<Value<'_>> {
    (!items.is_empty()).then_some(Value::List(Cow::Borrowed(items)))
}

fn owned_list<'a>(items: Vec<String>) -> Option<Value<'a>> {
    (!items.is_empty()).then_some(Value::List(Cow::Owned(items)))
}

fn numbers<'a>(items: &[i64]) -> Option<Value<'a>> {
    owned_list(items.iter().map(i64::to_string).collect())
}

/// The objective's short label, e.g. "Recruitment and decent work".
pub fn objective_label(n: u8) -> String {
    reference()
        .objective(n)
        .map_or_else(String::new, |o| o.label.clone())
}

fn principle_name(key: &str) -> String {
    reference()
        .principle(key)
        .map_or_else(|| key.to_string(), |p| p.name.clone())
}

/// An objective the file says nothing about.
static NO_ANSWER: ObjectiveAnswer = ObjectiveAnswer {
    priority: None,
    actions: Vec::new(),
    sdg_targets: None,
    notes: None,
};

/// Every item of the answers, in file order.
pub fn items(a: &Answers) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let s = &a.state;
    out.push(Item {
        kind: Kind::State,
        id: Cow::Borrowed(""),
        title: Cow::Borrowed(&s.name),
        fields: vec![
            ("name", prose(&s.name)),
            ("iso_code", text(&s.iso_code)),
            ("lead_agency", prose(&s.lead_agency)),
            (
                "migration_profile",
                owned_list(
                    s.migration_profile
                        .iter()
                        .map(|r| to_json(r).as_str().unwrap_or_default().to_string())
                        .collect(),
                ),
            ),
            ("context", opt_prose(s.context.as_ref())),
        ],
        json: Box::new(move || to_json(s)),
    });

    let p = &a.plan;
    out.push(Item {
        kind: Kind::Plan,
        id: Cow::Borrowed(""),
        title: Cow::Borrowed(p.title.as_deref().unwrap_or_default()),
        fields: vec![
            ("title", opt_prose(p.title.as_ref())),
            ("start_year", int(p.start_year)),
            ("end_year", int(p.end_year)),
            ("approach", choice(&p.approach, p.approach.name())),
            ("rationale", opt_prose(p.rationale.as_ref())),
            (
                "route",
                choice(
                    &p.route,
                    match p.route {
                        crate::answers::Route::Dedicated => "dedicated",
                        crate::answers::Route::Integrated => "integrated",
                    },
                ),
            ),
            ("integrated_into", opt_prose(p.integrated_into.as_ref())),
        ],
        json: Box::new(move || to_json(p)),
    });

    if let Some(dp) = &a.development_plan {
        out.push(Item {
            kind: Kind::DevelopmentPlan,
            id: Cow::Borrowed(""),
            title: Cow::Borrowed(&dp.name),
            fields: vec![
                ("name", prose(&dp.name)),
                ("start_year", opt_int(dp.start_year)),
                ("end_year", opt_int(dp.end_year)),
            ],
            json: Box::new(move || {
                let mut summary = to_json(dp);
                if let Some(m) = summary.as_object_mut() {
                    m.remove("pillars");
                }
                summary
            }),
        });
        for pillar in &dp.pillars {
            out.push(Item {
                kind: Kind::Pillar,
                id: Cow::Borrowed(&pillar.id),
                title: Cow::Borrowed(&pillar.name),
                fields: vec![("name", prose(&pillar.name))],
                json: Box::new(move || to_json(pillar)),
            });
        }
    }

    for i in &a.instruments {
        out.push(Item {
            kind: Kind::Instrument,
            id: Cow::Borrowed(&i.id),
            title: Cow::Borrowed(&i.title),
            fields: vec![
                ("title", prose(&i.title)),
                ("kind", choice(&i.kind, i.kind.name())),
                ("year", opt_int(i.year)),
                ("status", choice(&i.status, i.status.name())),
                ("objectives", numbers(&i.objectives)),
                ("actions", strings(&i.actions)),
                ("owner", opt_prose(i.owner.as_ref())),
                ("notes", opt_prose(i.notes.as_ref())),
            ],
            json: Box::new(move || to_json(i)),
        });
    }

    // Every objective of the GCM, written or not, then any other key.
    let mut keys: Vec<String> = (1..=23u8).map(|n| n.to_string()).collect();
    keys.extend(
        a.objectives
            .keys()
            .filter(|k| !k.parse::<u8>().is_ok_and(|n| (1..=23).contains(&n)))
            .cloned(),
    );
    for key in keys {
        let o = a.objectives.get(&key).unwrap_or(&NO_ANSWER);
        let title = key.parse::<u8>().map(objective_label).unwrap_or_default();
        out.push(Item {
            kind: Kind::Objective,
            id: Cow::Owned(key),
            title: Cow::Owned(title),
            fields: vec![
                ("priority", o.priority.and_then(|p| choice(&p, p.name()))),
                ("actions", strings(&o.actions)),
                // An empty override ("no SDG targets") differs from none.
                (
                    "sdg_targets",
                    o.sdg_targets
                        .as_deref()
                        .map(|t| Value::List(Cow::Borrowed(t))),
                ),
                ("notes", opt_prose(o.notes.as_ref())),
            ],
            json: Box::new(move || to_json(o)),
        });
    }

    for m in &a.measures {
        let ind = m.indicator.as_ref();
        let bud = m.budget.as_ref();
        out.push(Item {
            kind: Kind::Measure,
            id: Cow::Borrowed(&m.id),
            title: Cow::Borrowed(&m.title),
            fields: vec![
                ("title", prose(&m.title)),
                ("description", opt_prose(m.description.as_ref())),
                (
                    "actions",
                    (!m.actions.is_empty()).then(|| Value::Actions(Cow::Borrowed(&m.actions))),
                ),
                ("lead", opt_text(m.lead.as_ref())),
                ("partners", strings(&m.partners)),
                ("start", date(m.start.as_ref())),
                ("end", date(m.end.as_ref())),
                ("indicator.text", ind.and_then(|i| prose(&i.text))),
                (
                    "indicator.baseline",
                    ind.and_then(|i| opt_prose(i.baseline.as_ref())),
                ),
                (
                    "indicator.target",
                    ind.and_then(|i| opt_prose(i.target.as_ref())),
                ),
                (
                    "indicator.source",
                    ind.and_then(|i| opt_prose(i.source.as_ref())),
                ),
                (
                    "budget.amount",
                    bud.and_then(|b| b.amount).map(|x| Value::Scalar {
                        raw: Raw::Number(x),
                        shown: Cow::Owned(crate::plan::format_amount(x)),
                    }),
                ),
                (
                    "budget.currency",
                    bud.and_then(|b| opt_text(b.currency.as_ref())),
                ),
                (
                    "budget.source",
                    bud.and_then(|b| opt_prose(b.source.as_ref())),
                ),
                ("sdg_targets", strings(&m.sdg_targets)),
                ("ndp_pillar", opt_text(m.ndp_pillar.as_ref())),
                ("builds_on", strings(&m.builds_on)),
            ],
            json: Box::new(move || to_json(m)),
        });
    }

    let g = &a.governance;
    let c = g.coordination.as_ref();
    out.push(Item {
        kind: Kind::Governance,
        id: Cow::Borrowed(""),
        title: Cow::Borrowed(""),
        fields: vec![
            ("coordination.name", c.and_then(|c| prose(&c.name))),
            (
                "coordination.chair",
                c.and_then(|c| opt_text(c.chair.as_ref())),
            ),
            (
                "coordination.established",
                c.and_then(|c| opt_int(c.established)),
            ),
            (
                "coordination.meets",
                c.and_then(|c| opt_prose(c.meets.as_ref())),
            ),
            (
                "coordination.mandate",
                c.and_then(|c| opt_prose(c.mandate.as_ref())),
            ),
            (
                "local_coordination",
                opt_prose(g.local_coordination.as_ref()),
            ),
        ],
        json: Box::new(move || {
            json!({
                "coordination": g.coordination.as_ref().map(to_json),
                "local_coordination": g.local_coordination,
            })
        }),
    });
    for m in &g.ministries {
        out.push(Item {
            kind: Kind::Ministry,
            id: Cow::Borrowed(&m.id),
            title: Cow::Borrowed(&m.name),
            fields: vec![("name", prose(&m.name)), ("role", prose(&m.role))],
            json: Box::new(move || to_json(m)),
        });
    }

    for s in &a.stakeholders {
        out.push(Item {
            kind: Kind::Stakeholder,
            id: Cow::Borrowed(&s.id),
            title: Cow::Borrowed(&s.name),
            fields: vec![
                ("name", prose(&s.name)),
                ("kind", choice(&s.kind, s.kind.name())),
                ("engagement", choice(&s.engagement, s.engagement.name())),
                ("role", opt_prose(s.role.as_ref())),
            ],
            json: Box::new(move || to_json(s)),
        });
    }

    // Principles in the GCM's order, then any other key.
    let r = reference();
    let mut keys: Vec<&String> = r
        .principles
        .iter()
        .map(|p| &p.key)
        .filter(|k| a.principles.contains_key(*k))
        .collect();
    keys.extend(a.principles.keys().filter(|k| r.principle(k).is_none()));
    for key in keys {
        let commitment = &a.principles[key];
        out.push(Item {
            kind: Kind::Principle,
            id: Cow::Borrowed(key.as_str()),
            title: Cow::Owned(principle_name(key)),
            fields: vec![("commitment", prose(commitment))],
            json: Box::new(move || json!(commitment)),
        });
    }

    out.push(Item {
        kind: Kind::Resources,
        id: Cow::Borrowed(""),
        title: Cow::Borrowed(""),
        fields: vec![("summary", opt_prose(a.resources.summary.as_ref()))],
        json: Box::new(move || json!({ "summary": a.resources.summary })),
    });
    for n in &a.resources.needs {
        out.push(Item {
            kind: Kind::Need,
            id: Cow::Borrowed(&n.id),
            title: Cow::Borrowed(&n.title),
            fields: vec![
                ("title", prose(&n.title)),
                ("kind", choice(&n.kind, n.kind.name())),
                ("objectives", numbers(&n.objectives)),
                ("support_requested", opt_prose(n.support_requested.as_ref())),
                ("requested_from", opt_prose(n.requested_from.as_ref())),
            ],
            json: Box::new(move || to_json(n)),
        });
    }

    let rv = &a.review;
    out.push(Item {
        kind: Kind::Review,
        id: Cow::Borrowed(""),
        title: Cow::Borrowed(""),
        fields: vec![
            ("lead", opt_text(rv.lead.as_ref())),
            ("me_framework", opt_prose(rv.me_framework.as_ref())),
            ("progress_reports", opt_prose(rv.progress_reports.as_ref())),
            ("midterm_review", opt_int(rv.midterm_review)),
            ("final_evaluation", opt_int(rv.final_evaluation)),
            ("regional_reporting", yes_no(rv.regional_reporting)),
            ("imrf_reporting", yes_no(rv.imrf_reporting)),
        ],
        json: Box::new(move || to_json(rv)),
    });
    out
}

/// The objective a measure is listed under in the plan: that of its first
/// action (as `assess::measure_objectives` orders them).
pub fn placement(actions: &[String]) -> Option<u8> {
    actions
        .iter()
        .find_map(|a| ActionId::parse(a))
        .map(|a| a.objective)
}
