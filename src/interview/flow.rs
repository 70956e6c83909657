//! The interview engine: sections of questions asked in order through a
//! [`Prompter`], each answer applied to the document and saved at once.
//! Going back, the menu (Esc), the review screen, resuming and conditional
//! questions live here; the questions themselves are in `sections.rs` and
//! `objective.rs`. Nothing here knows about dialoguer.

use anyhow::Result;
use toml_edit::Value;

use super::check;
use super::document::AnswersDoc;
use super::prompter::{Kind, Prompter, Question, Reply};
use crate::reference::reference;

/// Where to go after a question or a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Next,
    Back,
    Review,
    Stop,
}

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The answers are complete and pass `check`; `render` says whether the
    /// user asked for the plan to be written.
    Finished { render: bool },
    /// The user stopped; everything answered is saved.
    Stopped,
}

/// A section of the interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    State,
    Plan,
    DevelopmentPlan,
    Instruments,
    Governance,
    Stakeholders,
    Objective(u8),
    Principles,
    Resources,
    Review,
    Revision,
}

/// Names accepted by `--section`, in interview order.
pub const SECTION_NAMES: [&str; 11] = [
    "state",
    "plan",
    "development-plan",
    "instruments",
    "governance",
    "stakeholders",
    "objectives",
    "principles",
    "resources",
    "review",
    "revision",
];

impl Stage {
    /// Every stage, in the order the interview asks them.
    pub fn all() -> Vec<Stage> {
        let mut v = vec![
            Stage::State,
            Stage::Plan,
            Stage::DevelopmentPlan,
            Stage::Instruments,
            Stage::Governance,
            Stage::Stakeholders,
        ];
        v.extend((1..=23).map(Stage::Objective));
        v.extend([
            Stage::Principles,
            Stage::Resources,
            Stage::Review,
            Stage::Revision,
        ]);
        v
    }

    /// The stages a `--section` name stands for.
    pub fn for_section(name: &str) -> Option<Vec<Stage>> {
        let name = name.trim().to_lowercase().replace('_', "-");
        let one = match name.as_str() {
            "state" => Stage::State,
            "plan" => Stage::Plan,
            "development-plan" => Stage::DevelopmentPlan,
            "instruments" => Stage::Instruments,
            "governance" => Stage::Governance,
            "stakeholders" => Stage::Stakeholders,
            "objectives" => return Some((1..=23).map(Stage::Objective).collect()),
            "principles" => Stage::Principles,
            "resources" => Stage::Resources,
            "review" => Stage::Review,
            "revision" => Stage::Revision,
            _ => return None,
        };
        Some(vec![one])
    }

    /// The name written in the resume marker.
    pub fn name(self) -> String {
        match self {
            Stage::State => "state".into(),
            Stage::Plan => "plan".into(),
            Stage::DevelopmentPlan => "development-plan".into(),
            Stage::Instruments => "instruments".into(),
            Stage::Governance => "governance".into(),
            Stage::Stakeholders => "stakeholders".into(),
            Stage::Objective(n) => format!("objective {n}"),
            Stage::Principles => "principles".into(),
            Stage::Resources => "resources".into(),
            Stage::Review => "review".into(),
            Stage::Revision => "revision".into(),
        }
    }

    pub fn parse(name: &str) -> Option<Stage> {
        let name = name.trim();
        if let Some(n) = name.strip_prefix("objective ") {
            return n
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=23).contains(n))
                .map(Stage::Objective);
        }
        Stage::for_section(name)
            .filter(|v| v.len() == 1)
            .map(|v| v[0])
    }

    /// The section's heading, in plain words.
    pub fn title(self) -> String {
        match self {
            Stage::State => "Your state".into(),
            Stage::Plan => "The plan: its years, approach and route".into(),
            Stage::DevelopmentPlan => "The national development plan".into(),
            Stage::Instruments => "What already exists: laws, policies, agreements".into(),
            Stage::Governance => "Government: ministries and coordination".into(),
            Stage::Stakeholders => "Partners outside government".into(),
            Stage::Objective(n) => format!(
                "Objective {n}: {}",
                reference().objective(n).map_or("", |o| o.title.as_str())
            ),
            Stage::Principles => "The guiding principles".into(),
            Stage::Resources => "Resources and support needed".into(),
            Stage::Review => "Monitoring, review and reporting".into(),
            Stage::Revision => "About this draft".into(),
        }
    }

    fn index(self) -> usize {
        Stage::all().iter().position(|s| *s == self).unwrap_or(0)
    }

    fn next(self) -> Option<Stage> {
        Stage::all().get(self.index() + 1).copied()
    }

    fn prev(self) -> Option<Stage> {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::all().get(i).copied())
    }

    /// The stage that asks the question stored at `path`.
    pub fn of_path(path: &str) -> Stage {
        let first = path.split(['.', '[']).next().unwrap_or_default();
        match first {
            "format" | "state" => Stage::State,
            "plan" => Stage::Plan,
            "development_plan" => Stage::DevelopmentPlan,
            "instruments" => Stage::Instruments,
            "governance" => Stage::Governance,
            "stakeholders" => Stage::Stakeholders,
            "objectives" => path
                .split('.')
                .nth(1)
                .and_then(|n| n.parse().ok())
                .filter(|n| (1..=23).contains(n))
                .map_or(Stage::Objective(1), Stage::Objective),
            "measures" => Stage::Objective(1),
            "principles" => Stage::Principles,
            "resources" => Stage::Resources,
            "review" => Stage::Review,
            "revision" => Stage::Revision,
            _ => Stage::State,
        }
    }

    /// "Section 3 of 10" for sections; objectives count on their own.
    fn progress(self) -> String {
        match self {
            Stage::Objective(n) => format!("Objective {n} of 23"),
            other => {
                let sections: Vec<Stage> = Stage::all()
                    .into_iter()
                    .filter(|s| !matches!(s, Stage::Objective(_)))
                    .collect();
                let i = sections.iter().position(|s| *s == other).unwrap_or(0);
                // The objectives count as one section, after the partners.
                let i = if i >= 6 { i + 1 } else { i };
                format!("Section {} of {}", i + 1, sections.len() + 1)
            }
        }
    }
}

/// Where an interview on this document should start: the section of the
/// first required answer still missing, else where the last run stopped
/// (the marker comment), else the review screen (None).
pub fn resume_point(doc: &AnswersDoc) -> Option<Stage> {
    if let Some(first) = check::missing(doc).first() {
        return Some(stage_for(doc, first));
    }
    match doc.next() {
        Some("review") => None,
        Some(name) => Stage::parse(name),
        None => None,
    }
}

/// The section that asks the question stored at `path` in this document:
/// a measure belongs to the objective of its first action or, with none
/// yet, to the first objective the plan gives a priority.
pub fn stage_for(doc: &AnswersDoc, path: &str) -> Stage {
    if let Some(rest) = path.strip_prefix("measures[") {
        let i = rest.split(']').next().unwrap_or_default();
        let first = doc
            .strs(&format!("measures[{i}].actions"))
            .iter()
            .find_map(|a| crate::reference::ActionId::parse(a))
            .map(|a| a.objective)
            .filter(|n| (1..=23).contains(n));
        let active = (1..=23u8).find(|n| {
            matches!(
                doc.str(&format!("objectives.{n}.priority")).as_deref(),
                Some("high" | "medium" | "low")
            )
        });
        return Stage::Objective(first.or(active).unwrap_or(1));
    }
    Stage::of_path(path)
}

/// How a typed answer is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// One line of text.
    Line,
    /// Paragraphs of text.
    Prose,
    /// A four-digit year, stored as a number.
    Year,
    /// A whole number.
    Count,
    /// An amount of money, stored as a number.
    Amount,
    /// A year, "YYYY-MM" or "YYYY-MM-DD".
    Date,
    /// SDG targets separated by commas, stored as a list.
    Sdgs,
}

/// A question about one key of the file.
pub struct Field {
    pub path: String,
    pub prompt: String,
    /// Shown with the question, and written as a comment above a new key.
    pub help: String,
    pub optional: bool,
}

pub fn field(path: impl Into<String>, prompt: impl Into<String>, help: impl Into<String>) -> Field {
    Field {
        path: path.into(),
        prompt: prompt.into(),
        help: help.into(),
        optional: false,
    }
}

impl Field {
    pub fn optional(mut self) -> Field {
        self.optional = true;
        self
    }
}

/// A yes/no question's answer, or where to go instead.
pub enum Answer<T> {
    Value(T),
    Nav(Nav),
}

/// Converts typed text into the value stored; `Ok(None)` for an empty answer.
pub fn convert(kind: TextKind, text: &str) -> Result<Option<Value>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let number = |t: &str| t.replace([',', ' ', '_'], "");
    match kind {
        TextKind::Line => Ok(Some(Value::from(t))),
        TextKind::Prose => Ok(Some(Value::from(text.trim_matches('\n').trim_end()))),
        TextKind::Year => match t.parse::<i64>() {
            Ok(y) if t.len() == 4 => Ok(Some(Value::from(y))),
            _ => Err(format!(
                "`{t}` is not a year: write it with four digits, e.g. 2026"
            )),
        },
        TextKind::Count => number(t)
            .parse::<i64>()
            .map(|n| Some(Value::from(n)))
            .map_err(|_| format!("`{t}` is not a whole number: write digits only, e.g. 1")),
        TextKind::Amount => {
            let n = number(t);
            if let Ok(i) = n.parse::<i64>() {
                Ok(Some(Value::from(i)))
            } else {
                n.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map(|f| Some(Value::from(f)))
                    .ok_or_else(|| {
                        format!("`{t}` is not an amount: write the number only, e.g. 1500000")
                    })
            }
        }
        TextKind::Date => {
            if t.len() == 4
                && let Ok(y) = t.parse::<i64>()
            {
                return Ok(Some(Value::from(y)));
            }
            Ok(Some(Value::from(t)))
        }
        TextKind::Sdgs => {
            let items: toml_edit::Array = t
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            Ok(Some(Value::Array(items)))
        }
    }
}

/// A key's current answer as the user would type it.
fn current_text(doc: &AnswersDoc, kind: TextKind, path: &str) -> Option<String> {
    match kind {
        TextKind::Sdgs => {
            let v = doc.strs(path);
            (!v.is_empty()).then(|| v.join(", "))
        }
        _ => doc.scalar_text(path),
    }
}

/// Checks a typed answer against the rules of `gcmplan check`, on a copy of
/// the document with the answer applied.
fn check_candidate(doc: &AnswersDoc, f: &Field, kind: TextKind, text: &str) -> Result<(), String> {
    match convert(kind, text)? {
        None if f.optional => Ok(()),
        None => Err("this answer is needed; please type it".into()),
        Some(v) => {
            let mut copy = doc.clone();
            copy.set(&f.path, v, None);
            let problems = check::problems_at(&copy, &f.path);
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems.join("; "))
            }
        }
    }
}

pub struct Interview<'p> {
    pub doc: AnswersDoc,
    pub(super) p: &'p mut dyn Prompter,
    /// Set when going back into a section: it starts at its last question.
    pub(super) from_end: bool,
}

impl<'p> Interview<'p> {
    pub fn new(doc: AnswersDoc, p: &'p mut dyn Prompter) -> Self {
        Interview {
            doc,
            p,
            from_end: false,
        }
    }

    /// The whole interview, from `start` (None: the review screen).
    pub fn run(&mut self, start: Option<Stage>) -> Result<Outcome> {
        let mut stage = start;
        // After editing a section picked on the review screen, go back to it.
        let mut from_review = false;
        loop {
            let Some(s) = stage else {
                match self.review_screen()? {
                    Picked::Stage(s) => {
                        stage = Some(s);
                        from_review = true;
                        continue;
                    }
                    Picked::Stop => return Ok(Outcome::Stopped),
                    Picked::Finish => match self.finish()? {
                        Some(outcome) => return Ok(outcome),
                        None => continue,
                    },
                }
            };
            self.enter(s, false)?;
            let nav = self.stage(s)?;
            self.from_end = false;
            match nav {
                Nav::Next if from_review => stage = None,
                Nav::Next => stage = s.next(),
                Nav::Back => {
                    stage = s.prev().or(Some(s));
                    self.from_end = s.prev().is_some();
                }
                Nav::Review => stage = None,
                Nav::Stop => {
                    self.save()?;
                    return Ok(Outcome::Stopped);
                }
            }
            if stage.is_none() {
                self.doc.set_next(Some("review"));
            }
        }
    }

    /// Asks only the given sections (for `--section` and `--objective`).
    pub fn run_only(&mut self, stages: &[Stage]) -> Result<Outcome> {
        // Where a full interview would go on stays as it was.
        let resume = self.doc.next().map(str::to_string);
        let mut i = 0;
        while let Some(&s) = stages.get(i) {
            self.enter(s, true)?;
            match self.stage(s)? {
                Nav::Next => i += 1,
                Nav::Back => i = i.saturating_sub(1),
                Nav::Review | Nav::Stop => break,
            }
        }
        self.doc.set_next(resume.as_deref());
        self.save()?;
        Ok(Outcome::Stopped)
    }

    /// Starts a section: records it as where to go on (unless `only` one
    /// part is asked again), and says its title.
    fn enter(&mut self, s: Stage, only: bool) -> Result<()> {
        if !only {
            self.doc.set_next(Some(&s.name()));
            self.save()?;
        }
        let heading = match s {
            // The objective's panel follows, with its title.
            Stage::Objective(_) => s.progress(),
            _ => format!("{} · {}", s.progress(), s.title()),
        };
        self.p.say(&format!("\n━━ {heading} ━━"));
        Ok(())
    }

    fn stage(&mut self, s: Stage) -> Result<Nav> {
        match s {
            Stage::State => self.state_section(),
            Stage::Plan => self.plan_section(),
            Stage::DevelopmentPlan => self.development_plan_section(),
            Stage::Instruments => self.instruments_section(),
            Stage::Governance => self.governance_section(),
            Stage::Stakeholders => self.stakeholders_section(),
            Stage::Objective(n) => self.objective_section(n),
            Stage::Principles => self.principles_section(),
            Stage::Resources => self.resources_section(),
            Stage::Review => self.review_section(),
            Stage::Revision => self.revision_section(),
        }
    }

    pub(super) fn save(&mut self) -> Result<()> {
        self.doc.save()
    }

    /// Runs numbered steps with going back; a step returns None when its
    /// condition is not met, and is then passed in either direction.
    pub(super) fn steps<F>(&mut self, n: usize, mut step: F) -> Result<Nav>
    where
        F: FnMut(&mut Self, usize) -> Result<Option<Nav>>,
    {
        if n == 0 {
            return Ok(Nav::Next);
        }
        let from_end = std::mem::take(&mut self.from_end);
        let mut i = if from_end { n - 1 } else { 0 };
        let mut forward = !from_end;
        while i < n {
            match step(self, i)? {
                None if forward => i += 1,
                None | Some(Nav::Back) => {
                    if i == 0 {
                        return Ok(Nav::Back);
                    }
                    forward = false;
                    i -= 1;
                }
                Some(Nav::Next) => {
                    forward = true;
                    i += 1;
                }
                Some(other) => return Ok(other),
            }
        }
        Ok(Nav::Next)
    }

    /// Asks a question; Esc (or `?` in a text question) opens the menu.
    pub(super) fn ask(&mut self, q: &Question<'_>) -> Result<Result<Reply, Nav>> {
        loop {
            let reply = self.p.ask(q)?;
            return Ok(match reply {
                Reply::Menu => match self.menu()? {
                    Some(nav) => Err(nav),
                    None => continue,
                },
                Reply::Back => Err(Nav::Back),
                Reply::Review => Err(Nav::Review),
                Reply::Stop => Err(Nav::Stop),
                other => Ok(other),
            });
        }
    }

    /// The menu behind Esc: go on, go back, review, stop.
    pub(super) fn menu(&mut self) -> Result<Option<Nav>> {
        let q = Question {
            key: "menu".into(),
            prompt: "What would you like to do?".into(),
            help: "Your answers so far are saved.".into(),
            kind: Kind::Select {
                items: vec![
                    "Go on with this question".into(),
                    "Go back to the previous question".into(),
                    "See all my answers and choose a section to change".into(),
                    "Stop for now (run the same command later to go on)".into(),
                ],
                default: Some(0),
            },
        };
        Ok(match self.p.ask(&q)? {
            Reply::Choice(1) | Reply::Back => Some(Nav::Back),
            Reply::Choice(2) | Reply::Review => Some(Nav::Review),
            Reply::Choice(3) | Reply::Stop => Some(Nav::Stop),
            _ => None,
        })
    }

    /// Applies a value and saves the file.
    pub(super) fn apply(&mut self, f: &Field, value: Option<Value>) -> Result<()> {
        match value {
            Some(v) => self.doc.set(&f.path, v, Some(&f.help)),
            None => self.doc.remove(&f.path),
        }
        self.decorate(&f.path);
        self.save()
    }

    /// Gives a section its heading comment when it first appears.
    fn decorate(&mut self, path: &str) {
        for (suffix, comment) in [
            (".indicator.", "How success is measured."),
            (".budget.", "What it costs and who pays."),
            (
                "governance.coordination.",
                "The national coordination mechanism on migration.",
            ),
        ] {
            if let Some(i) = path.find(suffix) {
                let table = &path[..i + suffix.len() - 1];
                self.doc.comment_table(table, comment);
            }
        }
        let mut parts = path.split(['.', '[']);
        let first = parts.next().unwrap_or_default();
        let heading = match first {
            "revision" => "About this draft: which revision of the plan this file describes.",
            "state" => "The state drafting the plan.",
            "plan" => "The plan's years, approach and route.",
            "development_plan" => "The national development plan the GCM plan dovetails with.",
            "governance" => "Government: the ministries taking part and how they coordinate.",
            "principles" => "How the plan upholds the guiding principles of the GCM.",
            "resources" => "How the plan is paid for, and the support the state asks for.",
            "review" => "Monitoring, evaluation, review and reporting.",
            "objectives" => {
                if let Some(n) = parts.next().and_then(|n| n.parse::<u8>().ok())
                    && let Some(o) = reference().objective(n)
                {
                    let path = format!("objectives.{n}");
                    self.doc
                        .comment_table(&path, &format!("Objective {n}: {}", o.title));
                }
                return;
            }
            _ => return,
        };
        self.doc.comment_table(first, heading);
    }

    /// A question answered by typing.
    pub(super) fn text(&mut self, f: &Field, kind: TextKind) -> Result<Nav> {
        loop {
            let current = current_text(&self.doc, kind, &f.path);
            let reply = {
                let doc = &self.doc;
                let check = |s: &str| check_candidate(doc, f, kind, s);
                let q = Question {
                    key: f.path.clone(),
                    prompt: f.prompt.clone(),
                    help: f.help.clone(),
                    kind: if kind == TextKind::Prose {
                        Kind::Prose {
                            default: current.clone(),
                            optional: f.optional,
                        }
                    } else {
                        Kind::Text {
                            default: current.clone(),
                            optional: f.optional,
                            check: &check,
                        }
                    },
                };
                let reply = self.p.ask(&q)?;
                if reply == Reply::Menu {
                    drop(q);
                    match self.menu()? {
                        Some(nav) => return Ok(nav),
                        None => continue,
                    }
                }
                reply
            };
            match reply {
                Reply::Back => return Ok(Nav::Back),
                Reply::Review => return Ok(Nav::Review),
                Reply::Stop => return Ok(Nav::Stop),
                Reply::Default if current.is_some() || f.optional => return Ok(Nav::Next),
                Reply::Clear if f.optional => {
                    self.apply(f, None)?;
                    return Ok(Nav::Next);
                }
                Reply::Text(t) => match convert(kind, &t) {
                    Err(e) => self.p.warn(&e),
                    Ok(None) if f.optional => {
                        self.apply(f, None)?;
                        return Ok(Nav::Next);
                    }
                    Ok(None) => self.p.warn("this answer is needed; please type it"),
                    Ok(Some(v)) => {
                        if self.try_apply(f, v)? {
                            return Ok(Nav::Next);
                        }
                    }
                },
                _ => self.p.warn("this answer is needed; please type it"),
            }
        }
    }

    /// Applies a value if the rules of `check` accept it at this key;
    /// otherwise says why and leaves the document as it was.
    pub(super) fn try_apply(&mut self, f: &Field, v: Value) -> Result<bool> {
        let before = self.doc.clone();
        self.doc.set(&f.path, v, Some(&f.help));
        let problems = check::problems_at(&self.doc, &f.path);
        if problems.is_empty() {
            self.decorate(&f.path);
            self.save()?;
            Ok(true)
        } else {
            self.doc = before;
            for p in problems {
                self.p.warn(&p);
            }
            Ok(false)
        }
    }

    /// One choice among `options` (value stored, label shown). An optional
    /// question gets a last choice that leaves it unanswered.
    pub(super) fn choose(
        &mut self,
        f: &Field,
        options: &[(&str, &str)],
        skip: &str,
    ) -> Result<Nav> {
        let current = self.doc.str(&f.path);
        let mut items: Vec<String> = options.iter().map(|(_, l)| l.to_string()).collect();
        if f.optional {
            items.push(skip.to_string());
        }
        // Enter keeps the current answer; on an optional question with no
        // answer yet, Enter leaves it for later.
        let default = current
            .as_deref()
            .and_then(|c| options.iter().position(|(v, _)| *v == c))
            .or(if f.optional {
                Some(options.len())
            } else {
                None
            });
        loop {
            let q = Question {
                key: f.path.clone(),
                prompt: f.prompt.clone(),
                help: f.help.clone(),
                kind: Kind::Select {
                    items: items.clone(),
                    default,
                },
            };
            match self.ask(&q)? {
                Err(nav) => return Ok(nav),
                Ok(Reply::Choice(i)) if i < options.len() => {
                    self.apply(f, Some(Value::from(options[i].0)))?;
                    return Ok(Nav::Next);
                }
                Ok(Reply::Choice(_)) => {
                    self.apply(f, None)?;
                    return Ok(Nav::Next);
                }
                Ok(Reply::Default) if current.is_some() || f.optional => return Ok(Nav::Next),
                _ => self.p.warn("please choose one of the answers"),
            }
        }
    }

    /// Any number of choices; the stored list holds the chosen values.
    /// Returns the chosen indexes, or where to go instead.
    pub(super) fn pick_many(
        &mut self,
        key: &str,
        prompt: &str,
        help: &str,
        labels: Vec<String>,
        checked: Vec<bool>,
    ) -> Result<Result<Vec<usize>, Nav>> {
        let q = Question {
            key: key.to_string(),
            prompt: prompt.to_string(),
            help: help.to_string(),
            kind: Kind::MultiSelect {
                items: labels,
                checked: checked.clone(),
            },
        };
        loop {
            match self.ask(&q)? {
                Err(nav) => return Ok(Err(nav)),
                Ok(Reply::Choices(c)) => return Ok(Ok(c)),
                Ok(Reply::Default) => {
                    return Ok(Ok(checked
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c)
                        .map(|(i, _)| i)
                        .collect()));
                }
                _ => self
                    .p
                    .warn("tick the answers that apply with Space, then press Enter"),
            }
        }
    }

    /// A list of text values chosen among options (e.g. action ids).
    pub(super) fn choose_many(&mut self, f: &Field, options: &[(String, String)]) -> Result<Nav> {
        loop {
            let current = self.doc.strs(&f.path);
            let checked = options.iter().map(|(v, _)| current.contains(v)).collect();
            let labels = options.iter().map(|(_, l)| l.clone()).collect();
            let chosen = match self.pick_many(&f.path, &f.prompt, &f.help, labels, checked)? {
                Err(nav) => return Ok(nav),
                Ok(c) => c,
            };
            let values: Vec<String> = chosen.iter().map(|i| options[*i].0.clone()).collect();
            if values.is_empty() && f.optional {
                self.apply(f, None)?;
                return Ok(Nav::Next);
            }
            let arr: toml_edit::Array = values.iter().map(String::as_str).collect();
            if self.try_apply(f, Value::Array(arr))? {
                return Ok(Nav::Next);
            }
        }
    }

    /// A yes/no question; `store` keeps the answer at the field's key.
    pub(super) fn confirm(
        &mut self,
        f: &Field,
        default: Option<bool>,
        store: bool,
    ) -> Result<Answer<bool>> {
        let q = Question {
            key: f.path.clone(),
            prompt: f.prompt.clone(),
            help: f.help.clone(),
            kind: Kind::Confirm { default },
        };
        loop {
            match self.ask(&q)? {
                Err(nav) => return Ok(Answer::Nav(nav)),
                Ok(Reply::Yes(b)) => {
                    if store {
                        self.apply(f, Some(Value::from(b)))?;
                    }
                    return Ok(Answer::Value(b));
                }
                Ok(Reply::Default) if default.is_some() => {
                    let b = default.unwrap_or(false);
                    if store {
                        self.apply(f, Some(Value::from(b)))?;
                    }
                    return Ok(Answer::Value(b));
                }
                _ => self.p.warn("please answer yes or no"),
            }
        }
    }

    /// Removes a key unless that breaks a reference elsewhere (a measure's
    /// lead, a pillar); then says why and keeps it.
    pub(super) fn remove_checked(&mut self, path: &str, what: &str) -> Result<bool> {
        let before_problems = check::messages(&self.doc);
        let before = self.doc.clone();
        self.doc.remove(path);
        let new: Vec<String> = check::messages(&self.doc)
            .into_iter()
            .filter(|m| !before_problems.contains(m))
            .collect();
        if new.is_empty() {
            self.save()?;
            Ok(true)
        } else {
            self.doc = before;
            self.p
                .warn(&format!("{what} cannot be removed yet: {}", new.join("; ")));
            Ok(false)
        }
    }

    /// The review screen: every section with its answers; pick one to edit.
    fn review_screen(&mut self) -> Result<Picked> {
        let stages = Stage::all();
        let summary: Vec<String> = stages
            .iter()
            .map(|s| format!("{}: {}", short_title(*s), self.summary(*s)))
            .collect();
        self.save()?;
        self.p.say("\n━━ Your answers, section by section ━━");
        let mut items =
            vec!["Finish: check the answers, see the coverage and write the plan".to_string()];
        items.extend(summary.iter().map(|l| format!("Change {l}")));
        items.push("Stop for now (your answers are saved)".into());
        let q = Question {
            key: "review".into(),
            prompt: "Choose a section to change, or Finish".into(),
            help: "Each line is a section with its answers so far. Choose one to change it, or Finish.".into(),
            kind: Kind::Select {
                items,
                default: Some(0),
            },
        };
        Ok(match self.p.ask(&q)? {
            Reply::Choice(0) | Reply::Default => Picked::Finish,
            Reply::Choice(i) if i <= stages.len() => Picked::Stage(stages[i - 1]),
            Reply::Stop | Reply::Choice(_) => Picked::Stop,
            _ => Picked::Stage(stages[0]),
        })
    }

    /// Checks the whole file, shows the coverage and offers the plan.
    /// None: problems remain, back to the review screen.
    fn finish(&mut self) -> Result<Option<Outcome>> {
        let missing = check::missing(&self.doc);
        let problems = check::all_problems(&self.doc);
        if !missing.is_empty() || !problems.is_empty() {
            let mut lines = Vec::new();
            for m in &missing {
                lines.push(format!(
                    "  - not answered yet: {} (section: {})",
                    describe_key(m),
                    short_title(stage_for(&self.doc, m))
                ));
            }
            for p in &problems {
                lines.push(format!("  - {p}"));
            }
            self.p.say(&format!(
                "\nA few answers still need attention before the plan can be written:\n{}",
                lines.join("\n")
            ));
            return Ok(None);
        }
        let loaded = match crate::load::parse(&self.doc.text()) {
            Ok(l) => l,
            Err(_) => return Ok(None),
        };
        self.doc.set_next(None);
        self.save()?;
        let file = self.doc.path.display().to_string();
        self.p.say(&coverage_summary(&loaded.answers, &file));
        let f = field(
            "render",
            format!(
                "Write the draft plan now, to {}?",
                self.doc.path.with_extension("md").display()
            ),
            "The plan is written from this file; you can write it again at any time with `gcmplan render`.",
        );
        Ok(Some(match self.confirm(&f, Some(true), false)? {
            Answer::Value(render) => Outcome::Finished { render },
            Answer::Nav(_) => Outcome::Finished { render: false },
        }))
    }

    /// One line saying what a section holds.
    fn summary(&self, s: Stage) -> String {
        let d = &self.doc;
        let or_none = |v: Option<String>| v.unwrap_or_else(|| "not answered yet".into());
        let names = |list: &str, key: &str| -> String {
            let n = d.len(list);
            if n == 0 {
                return "none yet".into();
            }
            let names: Vec<String> = (0..n)
                .map(|i| d.str(&format!("{list}[{i}].{key}")).unwrap_or_default())
                .collect();
            format!("{n}: {}", names.join(", "))
        };
        match s {
            Stage::State => or_none(d.str("state.name").map(|n| {
                format!(
                    "{n} ({}), led by {}",
                    d.str("state.iso_code").unwrap_or_default(),
                    d.str("state.lead_agency").unwrap_or_default()
                )
            })),
            Stage::Plan => or_none(d.int("plan.start_year").map(|y| {
                format!(
                    "{y}-{}, {} approach, {} route",
                    d.int("plan.end_year").map_or("?".into(), |e| e.to_string()),
                    d.str("plan.approach").unwrap_or_else(|| "no".into()),
                    d.str("plan.route").unwrap_or_else(|| "no".into())
                )
            })),
            Stage::DevelopmentPlan => d
                .str("development_plan.name")
                .map(|n| format!("{n}, {} pillars", d.len("development_plan.pillars")))
                .unwrap_or_else(|| "none".into()),
            Stage::Instruments => names("instruments", "title"),
            Stage::Governance => format!(
                "ministries {}; coordination: {}",
                names("governance.ministries", "name"),
                d.str("governance.coordination.name")
                    .unwrap_or_else(|| "none".into())
            ),
            Stage::Stakeholders => names("stakeholders", "name"),
            Stage::Objective(n) => {
                let base = format!("objectives.{n}");
                let priority = d.str(&format!("{base}.priority"));
                let actions = d.strs(&format!("{base}.actions")).len();
                let measures = super::objective::measures_of(d, n).len();
                match priority {
                    None => "priority not given yet".into(),
                    Some(p) => format!(
                        "priority {p}, {actions} action{} adopted, {measures} measure{}",
                        plural(actions),
                        plural(measures)
                    ),
                }
            }
            Stage::Principles => format!("{} of 10 described", d.keys("principles").len()),
            Stage::Resources => format!(
                "{}; {} need{}",
                if d.has("resources.summary") {
                    "summary given"
                } else {
                    "no summary"
                },
                d.len("resources.needs"),
                plural(d.len("resources.needs"))
            ),
            Stage::Review => format!(
                "lead {}; mid-term review {}",
                d.str("review.lead").unwrap_or_else(|| "not named".into()),
                d.int("review.midterm_review")
                    .map_or("not set".into(), |y| y.to_string())
            ),
            Stage::Revision => d
                .int("revision.number")
                .map_or("not numbered".into(), |n| format!("revision {n}")),
        }
    }
}

enum Picked {
    Stage(Stage),
    Finish,
    Stop,
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn short_title(s: Stage) -> String {
    match s {
        Stage::Objective(n) => format!("Objective {n}"),
        Stage::State => "State".into(),
        Stage::Plan => "Plan".into(),
        Stage::DevelopmentPlan => "Development plan".into(),
        Stage::Instruments => "Existing instruments".into(),
        Stage::Governance => "Government".into(),
        Stage::Stakeholders => "Partners".into(),
        Stage::Principles => "Guiding principles".into(),
        Stage::Resources => "Resources".into(),
        Stage::Review => "Monitoring and review".into(),
        Stage::Revision => "This draft".into(),
    }
}

/// A missing key in words, e.g. "the state's name (state.name)".
pub fn describe_key(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    let words = match (Stage::of_path(path), last) {
        (_, "format") => "the file format version (format = 1)",
        (Stage::State, "name") => "the state's name",
        (Stage::State, "iso_code") => "the state's three-letter ISO code",
        (Stage::State, "lead_agency") => "the ministry or agency that leads the plan",
        (Stage::Plan, "start_year") => "the first year of the plan",
        (Stage::Plan, "end_year") => "the last year of the plan",
        (Stage::Plan, "approach") => {
            "the plan's approach: systemic, selective or business as usual"
        }
        (Stage::Plan, "route") => "whether the plan stands on its own or is built into other plans",
        (_, "name") => "a name",
        (_, "title") => "a title",
        (_, "id") => "an id",
        (_, "kind") => "what kind it is",
        (_, "status") => "where it stands (in force, draft...)",
        (_, "role") => "its role",
        (_, "engagement") => "how it takes part",
        (_, "actions") => "the GCM actions it carries out",
        (_, "text") => "what the indicator measures",
        (_, "number") => "the revision number",
        _ => "an answer",
    };
    format!("{words} ({path})")
}

/// What the answers add up to, for the end of the interview.
fn coverage_summary(a: &crate::answers::Answers, file: &str) -> String {
    use crate::assess::Coverage;
    let x = crate::assess::assess(a);
    let count = |c: Coverage| x.coverage.iter().filter(|o| o.status == c).count();
    let priorities = |p: crate::answers::Priority| {
        (1..=23u8)
            .filter(|n| a.objective(*n).and_then(|o| o.priority) == Some(p))
            .count()
    };
    use crate::answers::Priority;
    let given: usize = [
        Priority::High,
        Priority::Medium,
        Priority::Low,
        Priority::NotNow,
    ]
    .iter()
    .map(|p| priorities(*p))
    .sum();
    let mut out = format!(
        "\n━━ Your answers are complete and pass `gcmplan check` ━━\n\
         Coverage of the 23 objectives by instruments in force: {} covered, {} partly covered, {} gaps.\n\
         Priorities: {} high, {} medium, {} low, {} not now, {} not given.\n\
         Measures: {}. Existing instruments: {}. Partners outside government: {}.\n",
        count(Coverage::Covered),
        count(Coverage::Partial),
        count(Coverage::Gap),
        priorities(Priority::High),
        priorities(Priority::Medium),
        priorities(Priority::Low),
        priorities(Priority::NotNow),
        23 - given,
        a.measures.len(),
        a.instruments.len(),
        a.stakeholders.len(),
    );
    let rec = &x.recommendation;
    out.push_str(&format!(
        "Approach: you chose \"{}\"; the readiness check suggests \"{}\" ({} of {} signals present).\n",
        a.plan.approach.name(),
        rec.approach.name(),
        rec.score,
        rec.signals.len()
    ));
    if !x.findings.is_empty() {
        out.push_str(&format!(
            "Advice: {} point{} from the lessons of the 2019 GFMD workshop; `gcmplan check {}` lists them.\n",
            x.findings.len(),
            plural(x.findings.len()),
            file
        ));
    }
    out
}
