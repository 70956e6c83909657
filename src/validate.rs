//! The meaning check: rules the types cannot express (objectives 1-23, known
//! action ids, unique ids, references that resolve, dates in order, no empty
//! required text). Every source of answers, a file or the interview, goes
//! through [`crate::load::parse`] and so through these rules.

use std::collections::HashMap;

use crate::answers::{Answers, DateSpec, FORMAT, PartialDate};
use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::reference::{ActionId, reference};
use crate::schema_check::{SpanIndex, index, join};

struct Rules<'a> {
    spans: &'a SpanIndex,
    out: Vec<Diagnostic>,
}

impl Rules<'_> {
    fn err(&mut self, path: &str, message: String, help: impl Into<String>) {
        self.out.push(
            Diagnostic::error(message)
                .at(self.spans.value(path))
                .path(path)
                .help(help),
        );
    }

    fn err_at_key(&mut self, path: &str, message: String, help: impl Into<String>) {
        self.out.push(
            Diagnostic::error(message)
                .at(self.spans.key(path))
                .path(path)
                .help(help),
        );
    }

    fn non_empty(&mut self, path: &str, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.err(
                path,
                format!("{what} is empty"),
                "write the text between the quotes, or remove the key if it is optional",
            );
        }
    }

    fn optional_non_empty(&mut self, path: &str, value: Option<&String>, what: &str) {
        if let Some(v) = value
            && v.trim().is_empty()
        {
            self.err(
                path,
                format!("{what} is empty"),
                "write the text between the quotes, or delete the line",
            );
        }
    }

    fn id(&mut self, path: &str, id: &str, what: &str) {
        if id.trim().is_empty() {
            self.err(path, format!("{what} has an empty id"), "give it a short stable id such as \"M-5.1\"; ids let reviewers and `gcmplan diff` follow it across revisions");
        } else if !id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            self.err(
                path,
                format!("{what} id `{id}` has spaces or punctuation"),
                "ids use letters, digits, '-', '_' and '.', e.g. \"M-5.1\"",
            );
        }
    }

    fn objective(&mut self, path: &str, n: i64, what: &str) {
        if !(1..=23).contains(&n) {
            self.err(
                path,
                format!("{what} names objective {n}; the GCM has objectives 1 to 23"),
                "use a number from 1 to 23; `gcmplan objectives` lists them",
            );
        }
    }

    /// Checks an action id and returns its objective when it is known.
    fn action(&mut self, path: &str, id: &str, what: &str) -> Option<u8> {
        let r = reference();
        let Some(parsed) = ActionId::parse(id) else {
            self.err(
                path,
                format!("{what}: `{id}` is not a GCM action id"),
                "write the objective number and the action letter, e.g. \"5a\" or \"23e\"",
            );
            return None;
        };
        match r.objective(parsed.objective) {
            None => {
                self.err(
                    path,
                    format!(
                        "{what}: action `{id}` names objective {}; the GCM has objectives 1 to 23",
                        parsed.objective
                    ),
                    "use a number from 1 to 23 before the letter; `gcmplan objectives` lists them",
                );
                None
            }
            Some(o) if r.action(id).is_none() => {
                let last = o.actions.last().map_or("a", |a| a.letter.as_str());
                self.err(
                    path,
                    format!("{what}: unknown GCM action `{id}`"),
                    format!(
                        "objective {} has actions {}a to {}{}; `gcmplan objectives {}` lists them",
                        o.number, o.number, o.number, last, o.number
                    ),
                );
                None
            }
            Some(o) => Some(o.number),
        }
    }

    fn sdg_target(&mut self, path: &str, target: &str, what: &str) {
        let ok = target.split_once('.').is_some_and(|(goal, t)| {
            goal.parse::<u8>().is_ok_and(|g| (1..=17).contains(&g))
                && !t.is_empty()
                && t.len() <= 2
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_lowercase())
        });
        if !ok {
            self.err(
                path,
                format!("{what}: `{target}` is not an SDG target"),
                "write goal and target as in the 2030 Agenda, e.g. \"10.7\", \"8.8\" or \"10.c\"",
            );
        }
    }

    fn year(&mut self, path: &str, y: i64, what: &str) {
        if !(1900..=2100).contains(&y) {
            self.err(
                path,
                format!("{what} {y} is not a plausible year"),
                "write a four-digit year, e.g. 2026",
            );
        }
    }

    fn date(&mut self, path: &str, d: &DateSpec, what: &str) -> Option<PartialDate> {
        match d.parse() {
            Ok(p) => Some(p),
            Err(e) => {
                self.err(
                    path,
                    format!("{what}: {e}"),
                    "write a year (2026), \"2026-03\" or \"2026-03-31\"",
                );
                None
            }
        }
    }
}

/// Records ids and reports the second use of one.
struct Ids<'a> {
    seen: HashMap<&'a str, String>,
}

impl<'a> Ids<'a> {
    fn new() -> Self {
        Ids {
            seen: HashMap::new(),
        }
    }

    fn add(&mut self, rules: &mut Rules<'_>, id: &'a str, path: &str, what: &str) {
        if id.is_empty() {
            return;
        }
        if let Some(first) = self.seen.get(id) {
            rules.err(
                path,
                format!(
                    "duplicate id `{id}`: {what} reuses an id already given to {}",
                    describe_path(first)
                ),
                "every item needs its own id; rename one of them",
            );
        } else {
            self.seen.insert(id, path.to_string());
        }
    }
}

fn describe_path(path: &str) -> String {
    let (list, rest) = path.split_once('[').unwrap_or((path, ""));
    let n: usize = rest
        .trim_end_matches(|c| c != ']')
        .trim_end_matches(']')
        .parse()
        .unwrap_or(0);
    format!("item {} of `{}`", n + 1, list)
}

/// Checks the meaning of structurally valid answers.
pub fn validate(a: &Answers, spans: &SpanIndex) -> Vec<Diagnostic> {
    let mut r = Rules {
        spans,
        out: Vec::new(),
    };
    let reference = reference();

    if a.format != FORMAT {
        r.err(
            "format",
            format!(
                "this file is answers format {}; this gcmplan reads format {FORMAT}",
                a.format
            ),
            format!("set `format = {FORMAT}`, or use the gcmplan release that wrote this file"),
        );
    }

    if let Some(rev) = &a.revision {
        if rev.number < 1 {
            r.err(
                "revision.number",
                format!("revision number {} is below 1", rev.number),
                "number revisions from 1",
            );
        }
        if let Some(date) = &rev.date {
            match crate::answers::parse_date_text(date) {
                Ok(d) if d.day.is_some() => {}
                Ok(_) => r.err(
                    "revision.date",
                    format!("revision date `{date}` lacks the day"),
                    "write the full date, e.g. \"2026-03-31\"",
                ),
                Err(e) => r.err(
                    "revision.date",
                    format!("revision date: {e}"),
                    "write the full date, e.g. \"2026-03-31\"",
                ),
            }
        }
        r.optional_non_empty("revision.note", rev.note.as_ref(), "the revision note");
        let mut seen = Vec::new();
        for (i, past) in rev.history.iter().enumerate() {
            let path = index("revision.history", i);
            if past.number >= rev.number || past.number < 1 {
                r.err(
                    &join(&path, "number"),
                    format!(
                        "earlier revision {} is not before the current revision {}",
                        past.number, rev.number
                    ),
                    "list only earlier revisions under [[revision.history]], numbered from 1",
                );
            } else if seen.contains(&past.number) {
                r.err(
                    &join(&path, "number"),
                    format!("revision {} appears twice in the history", past.number),
                    "give each earlier revision once",
                );
            }
            seen.push(past.number);
            if let Some(date) = &past.date
                && let Err(e) = crate::answers::parse_date_text(date)
            {
                r.err(
                    &join(&path, "date"),
                    format!("revision date: {e}"),
                    "write the full date, e.g. \"2026-03-31\"",
                );
            }
            r.optional_non_empty(
                &join(&path, "note"),
                past.note.as_ref(),
                "the revision note",
            );
        }
    }

    r.non_empty("state.name", &a.state.name, "the state's name");
    r.non_empty("state.lead_agency", &a.state.lead_agency, "the lead agency");
    let iso = a.state.iso_code.trim();
    if iso.len() != 3 || !iso.chars().all(|c| c.is_ascii_uppercase()) {
        r.err(
            "state.iso_code",
            format!("`{}` is not an ISO 3166-1 alpha-3 code", a.state.iso_code),
            "write three capital letters, e.g. \"PHL\" or \"ETH\"",
        );
    }
    r.optional_non_empty(
        "state.context",
        a.state.context.as_ref(),
        "the migration context",
    );

    // The plan period.
    let p = &a.plan;
    r.year("plan.start_year", p.start_year, "the plan's start year");
    r.year("plan.end_year", p.end_year, "the plan's end year");
    if p.end_year < p.start_year {
        r.err(
            "plan.end_year",
            format!(
                "the plan ends in {} before it starts in {}",
                p.end_year, p.start_year
            ),
            "make end_year the same as or later than start_year",
        );
    }
    r.optional_non_empty("plan.title", p.title.as_ref(), "the plan title");
    r.optional_non_empty("plan.rationale", p.rationale.as_ref(), "the rationale");
    r.optional_non_empty(
        "plan.integrated_into",
        p.integrated_into.as_ref(),
        "`integrated_into`",
    );

    // The development plan and its pillars.
    let mut pillar_ids = Ids::new();
    if let Some(dp) = &a.development_plan {
        r.non_empty(
            "development_plan.name",
            &dp.name,
            "the development plan's name",
        );
        if let (Some(s), Some(e)) = (dp.start_year, dp.end_year)
            && e < s
        {
            r.err(
                "development_plan.end_year",
                format!("the development plan ends in {e} before it starts in {s}"),
                "make end_year the same as or later than start_year",
            );
        }
        for (i, pillar) in dp.pillars.iter().enumerate() {
            let path = index("development_plan.pillars", i);
            r.id(&join(&path, "id"), &pillar.id, "a pillar");
            r.non_empty(&join(&path, "name"), &pillar.name, "the pillar's name");
            pillar_ids.add(&mut r, &pillar.id, &join(&path, "id"), "this pillar");
        }
    }

    // Existing instruments.
    let mut instrument_ids = Ids::new();
    for (i, inst) in a.instruments.iter().enumerate() {
        let path = index("instruments", i);
        let what = format!("instrument `{}`", inst.id);
        r.id(&join(&path, "id"), &inst.id, "an instrument");
        instrument_ids.add(&mut r, &inst.id, &join(&path, "id"), &what);
        r.non_empty(
            &join(&path, "title"),
            &inst.title,
            &format!("the title of {what}"),
        );
        if let Some(y) = inst.year {
            r.year(&join(&path, "year"), y, &format!("{what}: year"));
        }
        for (j, n) in inst.objectives.iter().enumerate() {
            r.objective(&index(&join(&path, "objectives"), j), *n, &what);
        }
        for (j, act) in inst.actions.iter().enumerate() {
            r.action(&index(&join(&path, "actions"), j), act, &what);
        }
        if inst.objectives.is_empty() && inst.actions.is_empty() {
            r.err(
                &path,
                format!("{what} serves no objective"),
                "list the objectives it serves, e.g. `objectives = [5, 6]`, and the GCM actions, e.g. `actions = [\"6c\"]`",
            );
        }
        r.optional_non_empty(&join(&path, "owner"), inst.owner.as_ref(), "the owner");
    }

    // Objectives: keys 1-23, adopted actions from the objective's own menu.
    for (key, ans) in &a.objectives {
        let path = join("objectives", key);
        let n = key.parse::<i64>().ok().filter(|n| (1..=23).contains(n));
        let Some(n) = n else {
            r.err_at_key(
                &path,
                format!("`[objectives.{key}]` is not a GCM objective"),
                "objective keys are numbers from 1 to 23, e.g. `[objectives.5]`",
            );
            continue;
        };
        for (j, act) in ans.actions.iter().enumerate() {
            let apath = index(&join(&path, "actions"), j);
            if let Some(owner) = r.action(&apath, act, &format!("objective {n}"))
                && i64::from(owner) != n
            {
                r.err(
                    &apath,
                    format!("action `{act}` belongs to objective {owner}, not to objective {n}"),
                    format!(
                        "move it to `[objectives.{owner}]`, or pick an action of objective {n}"
                    ),
                );
            }
        }
        if let Some(targets) = &ans.sdg_targets {
            for (j, t) in targets.iter().enumerate() {
                r.sdg_target(
                    &index(&join(&path, "sdg_targets"), j),
                    t,
                    &format!("objective {n}"),
                );
            }
        }
        r.optional_non_empty(&join(&path, "notes"), ans.notes.as_ref(), "the notes");
    }

    // Ministries and stakeholders share one namespace: measures name either.
    let mut party_ids = Ids::new();
    for (i, m) in a.governance.ministries.iter().enumerate() {
        let path = index("governance.ministries", i);
        r.id(&join(&path, "id"), &m.id, "a ministry");
        party_ids.add(
            &mut r,
            &m.id,
            &join(&path, "id"),
            &format!("ministry `{}`", m.id),
        );
        r.non_empty(&join(&path, "name"), &m.name, "the ministry's name");
        r.non_empty(
            &join(&path, "role"),
            &m.role,
            &format!("the role of ministry `{}`", m.id),
        );
    }
    for (i, s) in a.stakeholders.iter().enumerate() {
        let path = index("stakeholders", i);
        r.id(&join(&path, "id"), &s.id, "a stakeholder");
        party_ids.add(
            &mut r,
            &s.id,
            &join(&path, "id"),
            &format!("stakeholder `{}`", s.id),
        );
        r.non_empty(&join(&path, "name"), &s.name, "the stakeholder's name");
        r.optional_non_empty(&join(&path, "role"), s.role.as_ref(), "the role");
    }
    let parties: Vec<&str> = party_ids.seen.keys().copied().collect();
    let party = |r: &mut Rules<'_>, path: &str, id: &str, what: &str| {
        if !parties.contains(&id) {
            let help = match did_you_mean(id, parties.iter().copied()) {
                Some(m) => format!(
                    "did you mean `{m}`? Otherwise declare `{id}` under [[governance.ministries]] or [[stakeholders]]"
                ),
                None => format!(
                    "declare `{id}` under [[governance.ministries]] or [[stakeholders]], then refer to it by its id"
                ),
            };
            r.err(
                path,
                format!("{what} names `{id}`, which is neither a ministry nor a stakeholder"),
                help,
            );
        }
    };

    if let Some(c) = &a.governance.coordination {
        r.non_empty(
            "governance.coordination.name",
            &c.name,
            "the coordination mechanism's name",
        );
        if let Some(chair) = &c.chair {
            party(
                &mut r,
                "governance.coordination.chair",
                chair,
                "the coordination mechanism's chair",
            );
        }
        if let Some(y) = c.established {
            r.year(
                "governance.coordination.established",
                y,
                "the year the mechanism was established",
            );
        }
    }
    r.optional_non_empty(
        "governance.local_coordination",
        a.governance.local_coordination.as_ref(),
        "`local_coordination`",
    );

    // Measures.
    let instruments: Vec<&str> = instrument_ids.seen.keys().copied().collect();
    let pillars: Vec<&str> = pillar_ids.seen.keys().copied().collect();
    let mut measure_ids = Ids::new();
    for (i, m) in a.measures.iter().enumerate() {
        let path = index("measures", i);
        let what = format!("measure `{}`", m.id);
        r.id(&join(&path, "id"), &m.id, "a measure");
        measure_ids.add(&mut r, &m.id, &join(&path, "id"), &what);
        r.non_empty(
            &join(&path, "title"),
            &m.title,
            &format!("the title of {what}"),
        );
        r.optional_non_empty(
            &join(&path, "description"),
            m.description.as_ref(),
            "the description",
        );
        if m.actions.is_empty() {
            r.err(
                &join(&path, "actions"),
                format!("{what} implements no GCM action"),
                "list at least one action it implements, e.g. `actions = [\"6c\"]`",
            );
        }
        for (j, act) in m.actions.iter().enumerate() {
            r.action(&index(&join(&path, "actions"), j), act, &what);
        }
        if let Some(lead) = &m.lead {
            party(
                &mut r,
                &join(&path, "lead"),
                lead,
                &format!("the lead of {what}"),
            );
        }
        for (j, partner) in m.partners.iter().enumerate() {
            party(
                &mut r,
                &index(&join(&path, "partners"), j),
                partner,
                &format!("a partner of {what}"),
            );
        }
        let start = m
            .start
            .as_ref()
            .and_then(|d| r.date(&join(&path, "start"), d, &format!("{what}: start")));
        let end = m
            .end
            .as_ref()
            .and_then(|d| r.date(&join(&path, "end"), d, &format!("{what}: end")));
        if let (Some(s), Some(e)) = (start, end)
            && e.last_day() < s.first_day()
        {
            r.err(
                &join(&path, "end"),
                format!("{what} ends ({e}) before it starts ({s})"),
                "make `end` the same as or later than `start`",
            );
        }
        if let Some(ind) = &m.indicator {
            r.non_empty(
                &join(&path, "indicator.text"),
                &ind.text,
                &format!("the indicator of {what}"),
            );
        }
        if let Some(b) = &m.budget {
            if let Some(amount) = b.amount
                && (amount < 0.0 || !amount.is_finite())
            {
                r.err(
                    &join(&path, "budget.amount"),
                    format!("{what}: budget amount {amount} is negative"),
                    "write the amount as a positive number",
                );
            }
            if let Some(cur) = &b.currency
                && (cur.len() != 3 || !cur.chars().all(|c| c.is_ascii_uppercase()))
            {
                r.err(
                    &join(&path, "budget.currency"),
                    format!("{what}: `{cur}` is not an ISO 4217 currency code"),
                    "write three capital letters, e.g. \"USD\", \"EUR\" or \"PHP\"",
                );
            }
        }
        for (j, t) in m.sdg_targets.iter().enumerate() {
            r.sdg_target(&index(&join(&path, "sdg_targets"), j), t, &what);
        }
        if let Some(pillar) = &m.ndp_pillar {
            if a.development_plan.is_none() {
                r.err(&join(&path, "ndp_pillar"), format!("{what} names pillar `{pillar}`, but the file has no [development_plan]"), "add a [development_plan] with its [[development_plan.pillars]], or remove `ndp_pillar`");
            } else if !pillars.contains(&pillar.as_str()) {
                let help = match did_you_mean(pillar, pillars.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("the pillars are: {}", pillars.join(", ")),
                };
                r.err(
                    &join(&path, "ndp_pillar"),
                    format!(
                        "{what} names pillar `{pillar}`, which the development plan does not have"
                    ),
                    help,
                );
            }
        }
        for (j, b) in m.builds_on.iter().enumerate() {
            if !instruments.contains(&b.as_str()) {
                let help = match did_you_mean(b, instruments.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => {
                        "name an instrument declared under [[instruments]] by its id".to_string()
                    }
                };
                r.err(
                    &index(&join(&path, "builds_on"), j),
                    format!("{what} builds on `{b}`, which is not an instrument"),
                    help,
                );
            }
        }
    }

    // Guiding principles.
    let keys: Vec<&str> = reference
        .principles
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    for (key, text) in &a.principles {
        let path = join("principles", key);
        if !keys.contains(&key.as_str()) {
            let help = match did_you_mean(key, keys.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the principles are: {}", keys.join(", ")),
            };
            r.err_at_key(
                &path,
                format!("`{key}` is not a GCM guiding principle"),
                help,
            );
        } else {
            r.non_empty(&path, text, &format!("the commitment for `{key}`"));
        }
    }

    // Resources.
    let mut need_ids = Ids::new();
    for (i, n) in a.resources.needs.iter().enumerate() {
        let path = index("resources.needs", i);
        r.id(&join(&path, "id"), &n.id, "a need");
        need_ids.add(
            &mut r,
            &n.id,
            &join(&path, "id"),
            &format!("need `{}`", n.id),
        );
        r.non_empty(&join(&path, "title"), &n.title, "the need's title");
        for (j, o) in n.objectives.iter().enumerate() {
            r.objective(
                &index(&join(&path, "objectives"), j),
                *o,
                &format!("need `{}`", n.id),
            );
        }
    }
    r.optional_non_empty(
        "resources.summary",
        a.resources.summary.as_ref(),
        "the resources summary",
    );

    // Review.
    let rv = &a.review;
    if let Some(lead) = &rv.lead {
        party(&mut r, "review.lead", lead, "the review lead");
    }
    for (key, year) in [
        ("midterm_review", rv.midterm_review),
        ("final_evaluation", rv.final_evaluation),
    ] {
        if let Some(y) = year
            && (y < p.start_year || y > p.end_year + 1)
        {
            r.err(
                    &join("review", key),
                    format!("`{key}` {y} falls outside the plan period {}-{}", p.start_year, p.end_year),
                    "choose a year within the plan period (a final evaluation may fall in the year after it ends)",
                );
        }
    }
    r.optional_non_empty(
        "review.me_framework",
        rv.me_framework.as_ref(),
        "the M&E framework",
    );

    r.out
}
