//! One objective at a time: its title, actions and peer practices shown
//! first, then the priority, the instruments already serving it, the GCM
//! actions to adopt and the new measures.

use anyhow::Result;
use toml_edit::Value;

use super::check;
use super::document::AnswersDoc;
use super::flow::{Interview, Nav, TextKind, field};
use super::lists::ListSpec;
use super::prompter::{Kind, Question, Reply};
use crate::reference::{ActionId, reference};

const PRIORITIES: [(&str, &str); 4] = [
    ("high", "High: a priority of this plan"),
    ("medium", "Medium"),
    ("low", "Low"),
    ("not-now", "Not now: not part of this plan"),
];

/// Whether an action id belongs to objective `n`.
fn of_objective(action: &str, n: u8) -> bool {
    ActionId::parse(action).is_some_and(|a| a.objective == n)
}

fn sort_actions(actions: &mut [String]) {
    actions.sort_by_key(|a| ActionId::parse(a).map(|a| (a.objective, a.letter)));
}

/// Measures that carry out an action of objective `n`, and unfinished
/// measures with no action yet (so that none is ever out of reach).
pub fn measures_of(doc: &AnswersDoc, n: u8) -> Vec<usize> {
    (0..doc.len("measures"))
        .filter(|i| {
            let actions = doc.strs(&format!("measures[{i}].actions"));
            actions.is_empty() || actions.iter().any(|a| of_objective(a, n))
        })
        .collect()
}

/// Whether some measure has no action yet (left unfinished).
fn unfinished_measure(doc: &AnswersDoc) -> bool {
    (0..doc.len("measures")).any(|i| doc.strs(&format!("measures[{i}].actions")).is_empty())
}

/// Whether instrument `j` serves objective `n`, by its objectives or actions.
fn serves(doc: &AnswersDoc, j: usize, n: u8) -> bool {
    doc.ints(&format!("instruments[{j}].objectives"))
        .contains(&i64::from(n))
        || doc
            .strs(&format!("instruments[{j}].actions"))
            .iter()
            .any(|a| of_objective(a, n))
}

/// The objective's action menu as (id, label).
fn action_options(n: u8) -> Vec<(String, String)> {
    reference().objective(n).map_or_else(Vec::new, |o| {
        o.actions
            .iter()
            .map(|a| {
                let id = format!("{}{}", o.number, a.letter);
                let label = format!("{id}  {}", a.title);
                (id, label)
            })
            .collect()
    })
}

/// What the user sees before the questions on objective `n`.
pub fn panel(doc: &AnswersDoc, n: u8) -> String {
    let r = reference();
    let Some(o) = r.objective(n) else {
        return String::new();
    };
    let mut out = format!(
        "{}\n(Objective {n} of the Compact, paragraph {}; in short: {})\n\nWhat the GCM offers to do, its {} actions:\n",
        o.title,
        o.paragraph,
        o.label,
        o.actions.len()
    );
    for a in &o.actions {
        out.push_str(&format!("  {}{}  {}\n", o.number, a.letter, a.title));
    }
    let practices: Vec<_> = r.practices_for(n).take(3).collect();
    if !practices.is_empty() {
        out.push_str("\nWhat other states have done (2019 GFMD workshop):\n");
        for p in practices {
            out.push_str(&format!(
                "  - {}: {}. {}\n",
                p.actors_text(),
                p.title,
                p.summary
            ));
        }
    }
    let serving: Vec<String> = (0..doc.len("instruments"))
        .filter(|j| serves(doc, *j, n))
        .filter_map(|j| doc.str(&format!("instruments[{j}].title")))
        .collect();
    if !serving.is_empty() {
        out.push_str(&format!(
            "\nYour instruments that already serve it: {}.\n",
            serving.join("; ")
        ));
    }
    out
}

impl Interview<'_> {
    pub(super) fn objective_section(&mut self, n: u8) -> Result<Nav> {
        let text = panel(&self.doc, n);
        self.p.say(&text);
        let base = format!("objectives.{n}");
        self.steps(7, |s, i| {
            let priority = s.doc.str(&format!("{base}.priority"));
            let active = matches!(priority.as_deref(), Some("high" | "medium" | "low"));
            Ok(match i {
                0 => Some(s.choose(
                    &field(
                        format!("{base}.priority"),
                        format!("How important is objective {n} in your plan?"),
                        "The priority of this objective in the plan: high, medium, low or not now.",
                    )
                    .optional(),
                    &PRIORITIES,
                    "Decide later",
                )?),
                1 if s.doc.len("instruments") > 0 => Some(s.serving_instruments(n)?),
                2 => {
                    let serving: Vec<usize> = (0..s.doc.len("instruments"))
                        .filter(|j| serves(&s.doc, *j, n))
                        .collect();
                    if serving.is_empty() {
                        None
                    } else {
                        Some(s.steps(serving.len(), |s, k| {
                            Ok(Some(s.instrument_actions(serving[k], n)?))
                        })?)
                    }
                }
                3 if active => Some(s.choose_many(
                    &field(
                        format!("{base}.actions"),
                        format!("Which of objective {n}'s actions will your state adopt? (tick with Space)"),
                        "The GCM actions from this objective's menu that your state adopts.",
                    )
                    .optional(),
                    &action_options(n),
                )?),
                4 if priority.as_deref() == Some("high") => {
                    let usual = reference()
                        .objective(n)
                        .map(|o| o.sdg_targets.join(", "))
                        .unwrap_or_default();
                    Some(s.text(
                        &field(
                            format!("{base}.sdg_targets"),
                            format!("Which SDG targets does this objective serve in your plan? (leave empty for the usual ones: {usual})"),
                            "The Sustainable Development Goal targets this objective serves, e.g. \"8.8, 10.7\"; when left out, gcmplan's usual links apply.",
                        )
                        .optional(),
                        TextKind::Sdgs,
                    )?)
                }
                // Also when a measure has no action yet, so it can be finished.
                5 if active || unfinished_measure(&s.doc) => {
                    let only = move |d: &AnswersDoc, i: usize| measures_of(d, n).contains(&i);
                    let prompt = format!("What new or scaled-up measures will the plan take for objective {n}?");
                    Some(s.list(
                        &ListSpec {
                            list: "measures",
                            noun: "new measure",
                            prompt: &prompt,
                            help: "A good measure names who leads, who takes part, when, how success is measured and how it is paid for.",
                            label_key: "title",
                            only: Some(&only),
                        },
                        |s, index| s.measure(index, n),
                    )?)
                }
                6 if active => Some(s.text(
                    &field(
                        format!("{base}.notes"),
                        format!("Any notes on your national situation for objective {n}? (optional)"),
                        "Notes on the national situation for this objective.",
                    )
                    .optional(),
                    TextKind::Prose,
                )?),
                _ => None,
            })
        })
    }

    /// Which existing instruments serve objective `n`; adds or takes the
    /// objective off each instrument's list.
    fn serving_instruments(&mut self, n: u8) -> Result<Nav> {
        let count = self.doc.len("instruments");
        loop {
            let labels: Vec<String> = (0..count)
                .map(|j| {
                    self.doc
                        .str(&format!("instruments[{j}].title"))
                        .unwrap_or_else(|| format!("instrument {}", j + 1))
                })
                .collect();
            let checked: Vec<bool> = (0..count).map(|j| serves(&self.doc, j, n)).collect();
            let chosen = match self.pick_many(
                &format!("objectives.{n}.instruments"),
                &format!("Which of your existing instruments already serve objective {n}? (tick with Space)"),
                "Tick the laws, policies and agreements that already serve this objective; leave all unticked if none does.",
                labels,
                checked.clone(),
            )? {
                Err(nav) => return Ok(nav),
                Ok(c) => c,
            };
            let before = self.doc.clone();
            let before_problems = check::messages(&self.doc);
            for (j, had) in checked.iter().enumerate() {
                let want = chosen.contains(&j);
                let objectives = format!("instruments[{j}].objectives");
                let actions = format!("instruments[{j}].actions");
                if want && !had {
                    let mut list = self.doc.ints(&objectives);
                    list.push(i64::from(n));
                    list.sort_unstable();
                    list.dedup();
                    self.doc.set_ints(&objectives, &list, None);
                } else if !want && *had {
                    let list: Vec<i64> = self
                        .doc
                        .ints(&objectives)
                        .into_iter()
                        .filter(|o| *o != i64::from(n))
                        .collect();
                    if list.is_empty() {
                        self.doc.set_ints(&objectives, &[], None);
                    } else {
                        self.doc.set_ints(&objectives, &list, None);
                    }
                    let kept: Vec<String> = self
                        .doc
                        .strs(&actions)
                        .into_iter()
                        .filter(|a| !of_objective(a, n))
                        .collect();
                    if kept.is_empty() {
                        self.doc.remove(&actions);
                    } else {
                        self.doc.set_strs(&actions, &kept, None);
                    }
                }
            }
            let new: Vec<String> = check::messages(&self.doc)
                .into_iter()
                .filter(|m| !before_problems.contains(m))
                .collect();
            if new.is_empty() {
                self.save()?;
                return Ok(Nav::Next);
            }
            self.doc = before;
            for m in new {
                self.p.warn(&format!(
                    "{m}. To drop an instrument altogether, remove it under \"Existing instruments\"."
                ));
            }
        }
    }

    /// Which of objective `n`'s actions instrument `j` already carries out.
    fn instrument_actions(&mut self, j: usize, n: u8) -> Result<Nav> {
        let path = format!("instruments[{j}].actions");
        let title = self
            .doc
            .str(&format!("instruments[{j}].title"))
            .unwrap_or_default();
        let options = action_options(n);
        let current = self.doc.strs(&path);
        let checked = options.iter().map(|(id, _)| current.contains(id)).collect();
        let labels = options.iter().map(|(_, l)| l.clone()).collect();
        let chosen = match self.pick_many(
            &path,
            &format!("Which of objective {n}'s actions does \"{title}\" already carry out? (optional)"),
            "This measures how far the objective is covered: an objective is covered when instruments in force carry out at least half of its actions.",
            labels,
            checked,
        )? {
            Err(nav) => return Ok(nav),
            Ok(c) => c,
        };
        let mut actions: Vec<String> = current
            .into_iter()
            .filter(|a| !of_objective(a, n))
            .collect();
        actions.extend(chosen.iter().map(|i| options[*i].0.clone()));
        sort_actions(&mut actions);
        if actions.is_empty() {
            self.doc.remove(&path);
        } else {
            self.doc.set_strs(
                &path,
                &actions,
                Some("The GCM actions it serves, written like \"6c\"."),
            );
        }
        self.save()?;
        Ok(Nav::Next)
    }

    fn measure(&mut self, index: Option<usize>, n: u8) -> Result<Nav> {
        let mut idx = index;
        self.steps(17, |s, i| {
            if i == 0 {
                let f = field(
                    "",
                    "What will be done, in one line? (the measure's title)",
                    "The measure's title, e.g. \"Ban recruitment fees charged to workers\".",
                );
                return Ok(Some(
                    match s.item_title("measures", idx, "title", &f, "A new or scaled-up measure of the plan.")? {
                        Ok(m) => {
                            idx = Some(m);
                            Nav::Next
                        }
                        Err(nav) => nav,
                    },
                ));
            }
            let Some(m) = idx else { return Ok(None) };
            let p = |k: &str| format!("measures[{m}].{k}");
            let has_indicator = s.doc.has(&p("indicator.text"));
            let has_amount = s.doc.has(&p("budget.amount"));
            Ok(match i {
                1 => Some(s.measure_actions(m, n)?),
                2 => Some(s.text(
                    &field(p("description"), "Describe the measure in more detail (optional)", "More detail on the measure.").optional(),
                    TextKind::Prose,
                )?),
                3 => Some(s.measure_lead(m)?),
                4 => {
                    let lead = s.doc.str(&p("lead"));
                    let options: Vec<(String, String)> = s
                        .party_options(true, true)
                        .into_iter()
                        .filter(|(id, _)| Some(id) != lead.as_ref())
                        .collect();
                    if options.is_empty() {
                        None
                    } else {
                        Some(s.choose_many(
                            &field(p("partners"), "Who else takes part? (tick with Space; optional)", "The ministries and partners that take part in the measure.").optional(),
                            &options,
                        )?)
                    }
                }
                5 => Some(s.text(
                    &field(p("start"), "When does it start? (a year like 2026, or \"2026-03\"; optional)", "When it starts: a year (2026), a month (\"2026-03\") or a day (\"2026-03-31\").").optional(),
                    TextKind::Date,
                )?),
                6 => Some(s.text(
                    &field(p("end"), "When does it end? (a year, or \"2027-12\"; optional)", "When it ends: a year, a month or a day; not before it starts.").optional(),
                    TextKind::Date,
                )?),
                7 => {
                    let nav = s.text(
                        &field(p("indicator.text"), "How will success be measured? (the indicator; optional)", "What is measured, e.g. \"Share of licensed agencies inspected each year\".").optional(),
                        TextKind::Line,
                    )?;
                    if !s.doc.has(&p("indicator.text")) && s.doc.has(&p("indicator")) {
                        s.doc.remove(&p("indicator"));
                        s.save()?;
                    }
                    Some(nav)
                }
                8..=10 if !has_indicator => None,
                8 => Some(s.text(
                    &field(p("indicator.baseline"), "What is the value today, with its year? (optional)", "The baseline, e.g. \"20 per cent (2025)\".").optional(),
                    TextKind::Line,
                )?),
                9 => Some(s.text(
                    &field(p("indicator.target"), "What value is aimed for, and by when? (optional)", "The target, e.g. \"100 per cent by 2028\".").optional(),
                    TextKind::Line,
                )?),
                10 => Some(s.text(
                    &field(p("indicator.source"), "Where will the figure come from? (optional)", "The means of verification, e.g. \"Labour inspection records\".").optional(),
                    TextKind::Line,
                )?),
                11 => Some(s.text(
                    &field(p("budget.amount"), "How much will it cost? (a number, e.g. 1500000; optional)", "The amount, as a number without spaces or separators.").optional(),
                    TextKind::Amount,
                )?),
                12 | 13 if !has_amount => None,
                12 => Some(s.text(
                    &field(p("budget.currency"), "In which currency? (three letters, e.g. USD; optional)", "The three-letter ISO 4217 currency code, e.g. \"USD\", \"EUR\" or \"PHP\".").optional(),
                    TextKind::Line,
                )?),
                13 => Some(s.text(
                    &field(p("budget.source"), "Who pays for it? (optional)", "The funding source, e.g. \"National budget\" or \"Migration MPTF\".").optional(),
                    TextKind::Line,
                )?),
                14 => {
                    let options: Vec<(String, String)> = (0..s.doc.len("instruments"))
                        .filter_map(|j| {
                            let id = s.doc.str(&format!("instruments[{j}].id"))?;
                            let title = s.doc.str(&format!("instruments[{j}].title")).unwrap_or_else(|| id.clone());
                            Some((id, title))
                        })
                        .collect();
                    if options.is_empty() {
                        None
                    } else {
                        Some(s.choose_many(
                            &field(p("builds_on"), "Which existing instruments does it build on? (optional)", "The existing instruments the measure builds on.").optional(),
                            &options,
                        )?)
                    }
                }
                15 => {
                    let pillars: Vec<(String, String)> = (0..s.doc.len("development_plan.pillars"))
                        .filter_map(|j| {
                            let id = s.doc.str(&format!("development_plan.pillars[{j}].id"))?;
                            let name = s.doc.str(&format!("development_plan.pillars[{j}].name")).unwrap_or_else(|| id.clone());
                            Some((id, name))
                        })
                        .collect();
                    if pillars.is_empty() {
                        None
                    } else {
                        let opts: Vec<(&str, &str)> = pillars.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
                        Some(s.choose(
                            &field(p("ndp_pillar"), "Which pillar of the development plan does it serve? (optional)", "The development plan pillar the measure serves.").optional(),
                            &opts,
                            "None in particular",
                        )?)
                    }
                }
                _ => Some(s.text(
                    &field(p("sdg_targets"), "Which SDG targets does it serve? (e.g. 8.8, 10.7; leave empty for its objectives' usual ones)", "The SDG targets the measure serves; when left out, the targets of its objectives apply.").optional(),
                    TextKind::Sdgs,
                )?),
            })
        })
    }

    /// The measure's actions: this objective's menu, plus any actions of
    /// other objectives it already has. A new measure starts with the
    /// actions adopted for the objective.
    fn measure_actions(&mut self, m: usize, n: u8) -> Result<Nav> {
        let path = format!("measures[{m}].actions");
        let current = self.doc.strs(&path);
        if current.is_empty() {
            let adopted = self.doc.strs(&format!("objectives.{n}.actions"));
            if !adopted.is_empty() {
                self.doc.set_strs(
                    &path,
                    &adopted,
                    Some("The GCM actions the measure carries out, written like \"6c\". At least one."),
                );
            }
        }
        let mut options: Vec<(String, String)> = current
            .iter()
            .filter(|a| !of_objective(a, n))
            .map(|a| {
                let title = reference().action(a).map_or("", |(_, x)| x.title.as_str());
                (a.clone(), format!("{a}  {title}"))
            })
            .collect();
        options.extend(action_options(n));
        self.choose_many(
            &field(
                path,
                "Which GCM actions does the measure carry out? (tick at least one)",
                "The GCM actions the measure carries out, written like \"6c\". At least one.",
            ),
            &options,
        )
    }

    fn measure_lead(&mut self, m: usize) -> Result<Nav> {
        let f = field(
            format!("measures[{m}].lead"),
            "Who leads the measure?",
            "The ministry (under Government) or partner that leads it.",
        );
        loop {
            let parties = self.party_options(true, true);
            let current = self.doc.str(&f.path);
            let mut items: Vec<String> = parties.iter().map(|(_, l)| l.clone()).collect();
            items.push("Someone not listed yet: add a ministry or partner".into());
            items.push("No lead yet".into());
            let q = Question {
                key: f.path.clone(),
                prompt: f.prompt.clone(),
                help: f.help.clone(),
                kind: Kind::Select {
                    items,
                    default: current
                        .as_ref()
                        .and_then(|c| parties.iter().position(|(id, _)| id == c)),
                },
            };
            match self.ask(&q)? {
                Err(nav) => return Ok(nav),
                Ok(Reply::Choice(k)) if k < parties.len() => {
                    self.apply(&f, Some(Value::from(parties[k].0.as_str())))?;
                    return Ok(Nav::Next);
                }
                Ok(Reply::Choice(k)) if k == parties.len() => match self.add_party()? {
                    Ok(id) => {
                        self.apply(&f, Some(Value::from(id)))?;
                        return Ok(Nav::Next);
                    }
                    Err(nav @ (Nav::Review | Nav::Stop)) => return Ok(nav),
                    Err(_) => continue,
                },
                Ok(Reply::Choice(_)) => {
                    self.apply(&f, None)?;
                    return Ok(Nav::Next);
                }
                Ok(_) => return Ok(Nav::Next),
            }
        }
    }

    /// Adds a ministry or a partner on the way, and returns its id.
    fn add_party(&mut self) -> Result<Result<String, Nav>> {
        let q = Question {
            key: "party".into(),
            prompt: "Is it part of government?".into(),
            help: "Ministries are listed under Government; everyone else under Partners.".into(),
            kind: Kind::Select {
                items: vec![
                    "Yes: a ministry or government agency".into(),
                    "No: a partner outside government, or abroad".into(),
                ],
                default: Some(0),
            },
        };
        let (list, added) = match self.ask(&q)? {
            Err(nav) => return Ok(Err(nav)),
            Ok(Reply::Choice(1)) => ("stakeholders", self.stakeholder(None)?),
            Ok(_) => ("governance.ministries", self.ministry(None)?),
        };
        Ok(added.map(|i| self.doc.str(&format!("{list}[{i}].id")).unwrap_or_default()))
    }
}
