//! The questions of every section but the objectives, in plain words.

use anyhow::Result;

use super::flow::{Answer, Interview, Nav, TextKind, field};
use super::lists::ListSpec;
use crate::answers::{Engagement, StakeholderKind};
use crate::reference::reference;

pub(super) const ROLES: [(&str, &str); 4] = [
    (
        "origin",
        "Country of origin: people leave to live or work abroad",
    ),
    (
        "transit",
        "Country of transit: people pass through on their way elsewhere",
    ),
    (
        "destination",
        "Country of destination: people arrive to live or work",
    ),
    (
        "return",
        "Country of return: nationals come back and need to settle again",
    ),
];

const APPROACHES: [(&str, &str); 3] = [
    (
        "systemic",
        "Systemic and robust: all 23 objectives, the four-year GCM review cycle, the whole of society",
    ),
    (
        "selective",
        "Selective: your existing priorities and strategies, matched to the objectives they serve",
    ),
    (
        "business-as-usual",
        "Business as usual: no new measures for now; what exists, with its gaps made visible",
    ),
];

const ROUTES: [(&str, &str); 2] = [
    ("dedicated", "A plan of its own"),
    (
        "integrated",
        "Built into existing plans, such as the national development plan",
    ),
];

pub(super) const INSTRUMENT_KINDS: [(&str, &str); 9] = [
    ("law", "A law"),
    ("policy", "A policy"),
    ("strategy", "A strategy"),
    (
        "bilateral-agreement",
        "An agreement with another state (bilateral)",
    ),
    (
        "regional-agreement",
        "A regional agreement (several states)",
    ),
    ("mou", "A memorandum of understanding"),
    ("programme", "A programme"),
    (
        "institution",
        "An institution (an office, agency or centre)",
    ),
    ("other", "Something else"),
];

const STATUSES: [(&str, &str); 5] = [
    ("in-force", "In force, or running"),
    ("under-review", "In force, and being reviewed"),
    ("draft", "Drafted, not yet adopted"),
    ("planned", "Announced or planned"),
    ("lapsed", "No longer in force"),
];

const ENGAGEMENTS: [(&str, &str); 4] = [
    (
        "coordination-member",
        "Sits on the national coordination mechanism",
    ),
    ("implementing-partner", "Carries out measures of the plan"),
    ("consulted", "Was consulted in drafting the plan"),
    ("to-engage", "Not engaged yet"),
];

const NEED_KINDS: [(&str, &str); 5] = [
    ("technical", "Technical advice"),
    ("financial", "Money"),
    ("data", "Data and statistics"),
    ("training", "Training"),
    ("institutional", "Building or changing institutions"),
];

/// The value of an enum as written in the file ("trade-union").
fn key_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The 23 objectives as choices: the number stored, the title shown.
pub(super) fn objective_options() -> Vec<(String, String)> {
    reference()
        .objectives
        .iter()
        .map(|o| (o.number.to_string(), format!("{}. {}", o.number, o.title)))
        .collect()
}

fn pairs(options: &[(&str, &str)]) -> Vec<(String, String)> {
    options
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect()
}

impl Interview<'_> {
    pub(super) fn state_section(&mut self) -> Result<Nav> {
        self.steps(5, |s, i| {
            Ok(Some(match i {
                0 => s.text(
                    &field(
                        "state.name",
                        "What is the name of your state, as it should appear on the plan?",
                        "The name of the state as it should appear on the plan, e.g. \"Republic of Examplia\".",
                    ),
                    TextKind::Line,
                )?,
                1 => s.text(
                    &field(
                        "state.iso_code",
                        "What is its three-letter country code?",
                        "The ISO 3166-1 alpha-3 code of the state, in capitals, e.g. \"PHL\" for the Philippines or \"ETH\" for Ethiopia.",
                    ),
                    TextKind::Line,
                )?,
                2 => s.text(
                    &field(
                        "state.lead_agency",
                        "Which ministry or agency leads the plan?",
                        "The ministry or agency that leads the plan, e.g. \"Ministry of Labour\".",
                    ),
                    TextKind::Line,
                )?,
                3 => s.choose_many(
                    &field(
                        "state.migration_profile",
                        "Which roles does your state play in migration? (tick all that apply)",
                        "The roles your state plays in migration: origin, transit, destination, return.",
                    )
                    .optional(),
                    &pairs(&ROLES),
                )?,
                _ => s.text(
                    &field(
                        "state.context",
                        "Describe your migration situation in a few sentences (optional)",
                        "A short description of the migration situation: who leaves, who arrives, who returns, and the main concerns.",
                    )
                    .optional(),
                    TextKind::Prose,
                )?,
            }))
        })
    }

    pub(super) fn plan_section(&mut self) -> Result<Nav> {
        self.steps(7, |s, i| {
            Ok(match i {
                0 => Some(s.text(
                    &field(
                        "plan.start_year",
                        "In which year does the plan start?",
                        "The first year the plan covers, e.g. 2026.",
                    ),
                    TextKind::Year,
                )?),
                1 => Some(s.text(
                    &field(
                        "plan.end_year",
                        "In which year does it end?",
                        "The last year the plan covers, e.g. 2028. Plans often follow the four-year GCM review cycle.",
                    ),
                    TextKind::Year,
                )?),
                2 => Some(s.choose(
                    &field(
                        "plan.approach",
                        "How broad will the plan be?",
                        "The approach: systemic (all 23 objectives), selective (your existing priorities) or business as usual (what exists, with its gaps). You can change it later; gcmplan shows what each would put in the plan.",
                    ),
                    &APPROACHES,
                    "",
                )?),
                3 => Some(s.text(
                    &field(
                        "plan.rationale",
                        "Why did your government choose this approach? (optional)",
                        "Why your government chose this approach, in a few sentences.",
                    )
                    .optional(),
                    TextKind::Prose,
                )?),
                4 => Some(s.choose(
                    &field(
                        "plan.route",
                        "Will the plan stand on its own, or be built into existing plans?",
                        "The route: dedicated (a plan of its own) or integrated (GCM implementation built into existing plans, such as the national development plan).",
                    ),
                    &ROUTES,
                    "",
                )?),
                5 if s.doc.str("plan.route").as_deref() == Some("integrated") => Some(s.text(
                    &field(
                        "plan.integrated_into",
                        "Into which plan or strategy is the GCM built?",
                        "For the integrated route: the plan or strategy the GCM is built into, e.g. \"National Development Plan 2025-2030, chapter on migration\".",
                    )
                    .optional(),
                    TextKind::Line,
                )?),
                5 => None,
                _ => Some(s.text(
                    &field(
                        "plan.title",
                        "What is the plan's title? (leave empty for the standard title)",
                        "The title of the plan; when left out, gcmplan uses a standard title.",
                    )
                    .optional(),
                    TextKind::Line,
                )?),
            })
        })
    }

    pub(super) fn development_plan_section(&mut self) -> Result<Nav> {
        let mut has = self.doc.has("development_plan");
        self.steps(5, |s, i| {
            Ok(match i {
                0 => {
                    let default = if s.doc.has("development_plan") {
                        Some(true)
                    } else {
                        Some(s.doc.str("plan.route").as_deref() == Some("integrated"))
                    };
                    match s.confirm(
                        &field(
                            "development_plan",
                            "Is the plan linked to your national development plan?",
                            "If it does, the plan can show which pillar or chapter of the development plan each measure serves.",
                        ),
                        default,
                        false,
                    )? {
                        Answer::Nav(nav) => Some(nav),
                        Answer::Value(yes) => {
                            has = yes;
                            if !yes
                                && s.doc.has("development_plan")
                                && !s.remove_checked("development_plan", "The development plan")?
                            {
                                has = true;
                            }
                            Some(Nav::Next)
                        }
                    }
                }
                _ if !has => None,
                1 => Some(s.text(
                    &field(
                        "development_plan.name",
                        "What is the development plan called?",
                        "The name of the national development plan, e.g. \"National Development Plan 2025-2030\".",
                    ),
                    TextKind::Line,
                )?),
                2 => Some(s.text(
                    &field(
                        "development_plan.start_year",
                        "In which year does the development plan start? (optional)",
                        "The first year of the development plan.",
                    )
                    .optional(),
                    TextKind::Year,
                )?),
                3 => Some(s.text(
                    &field(
                        "development_plan.end_year",
                        "In which year does it end? (optional)",
                        "The last year of the development plan.",
                    )
                    .optional(),
                    TextKind::Year,
                )?),
                _ => Some(s.list(
                    &ListSpec {
                        list: "development_plan.pillars",
                        noun: "pillar (or chapter, or goal)",
                        prompt: "Which pillars, chapters or goals of the development plan should measures link to?",
                        help: "Measures can then say which pillar they serve.",
                        label_key: "name",
                        only: None,
                    },
                    |s, index| {
                        let f = field(
                            "",
                            "What is the pillar called?",
                            "The name of the pillar, chapter or goal, e.g. \"Decent work and skills\".",
                        );
                        Ok(match s.item_title(
                            "development_plan.pillars",
                            index,
                            "name",
                            &f,
                            "A pillar of the development plan.",
                        )? {
                            Ok(_) => Nav::Next,
                            Err(nav) => nav,
                        })
                    },
                )?),
            })
        })
    }

    pub(super) fn instruments_section(&mut self) -> Result<Nav> {
        self.list(
            &ListSpec {
                list: "instruments",
                noun: "law, policy, agreement or programme",
                prompt: "Which laws, policies, agreements, programmes and institutions already serve migration?",
                help: "List what already exists; it shows where the plan builds on existing work and where the gaps are.",
                label_key: "title",
                only: None,
            },
            |s, index| s.instrument(index),
        )
    }

    fn instrument(&mut self, index: Option<usize>) -> Result<Nav> {
        let mut idx = index;
        self.steps(7, |s, i| {
            if i == 0 {
                let f = field(
                    "",
                    "What is its title, as officially written?",
                    "The instrument's official title, e.g. \"Labour Migration Act\".",
                );
                return Ok(Some(
                    match s.item_title(
                        "instruments",
                        idx,
                        "title",
                        &f,
                        "An instrument that already exists.",
                    )? {
                        Ok(n) => {
                            idx = Some(n);
                            Nav::Next
                        }
                        Err(nav) => nav,
                    },
                ));
            }
            let Some(n) = idx else { return Ok(None) };
            let p = |k: &str| format!("instruments[{n}].{k}");
            Ok(Some(match i {
                1 => s.choose(
                    &field(p("kind"), "What kind of instrument is it?", "The kind of instrument: law, policy, strategy, agreement, programme, institution..."),
                    &INSTRUMENT_KINDS,
                    "",
                )?,
                2 => s.choose(
                    &field(p("status"), "Where does it stand today?", "Where it stands: in force, under review, draft, planned or lapsed. Only instruments in force count towards coverage."),
                    &STATUSES,
                    "",
                )?,
                3 => s.text(
                    &field(p("year"), "In which year was it adopted or signed? (optional)", "The year it was adopted or signed.").optional(),
                    TextKind::Year,
                )?,
                4 => s.choose_ints(
                    &field(p("objectives"), "Which GCM objectives does it serve? (tick all that apply)", "The GCM objectives (1 to 23) it serves. You can adjust this objective by objective later."),
                    &objective_options(),
                )?,
                5 => s.text(
                    &field(p("owner"), "Which ministry or body is responsible for it? (optional)", "The ministry or body responsible for it.").optional(),
                    TextKind::Line,
                )?,
                _ => s.text(
                    &field(p("notes"), "Anything a reader should know about it? (optional)", "Notes on the instrument.").optional(),
                    TextKind::Prose,
                )?,
            }))
        })
    }

    pub(super) fn governance_section(&mut self) -> Result<Nav> {
        let mut has = self.doc.has("governance.coordination");
        self.steps(8, |s, i| {
            Ok(match i {
                0 => Some(s.ministries()?),
                1 => match s.confirm(
                    &field(
                        "governance.coordination",
                        "Is there a national coordination mechanism on migration (a committee, council or task force of ministries)?",
                        "The national coordination mechanism brings the ministries together to steer the plan.",
                    ),
                    Some(s.doc.has("governance.coordination")),
                    false,
                )? {
                    Answer::Nav(nav) => Some(nav),
                    Answer::Value(yes) => {
                        has = yes;
                        if !yes && s.doc.has("governance.coordination") {
                            s.remove_checked("governance.coordination", "The coordination mechanism")?;
                            has = s.doc.has("governance.coordination");
                        }
                        Some(Nav::Next)
                    }
                },
                2..=6 if !has => None,
                2 => Some(s.text(
                    &field("governance.coordination.name", "What is the coordination mechanism called?", "The name of the national coordination mechanism, e.g. \"Inter-ministerial Committee on Migration\"."),
                    TextKind::Line,
                )?),
                3 => {
                    s.choose_ministry(&field("governance.coordination.chair", "Which ministry chairs it?", "The ministry that chairs the coordination mechanism.").optional())?
                }
                4 => Some(s.text(
                    &field("governance.coordination.established", "In which year was it set up? (optional)", "The year the mechanism was set up.").optional(),
                    TextKind::Year,
                )?),
                5 => Some(s.text(
                    &field("governance.coordination.meets", "How often does it meet? (optional)", "How often it meets, e.g. \"quarterly\".").optional(),
                    TextKind::Line,
                )?),
                6 => Some(s.text(
                    &field("governance.coordination.mandate", "What is it charged with? (optional)", "What the mechanism is charged with, in a sentence or two.").optional(),
                    TextKind::Prose,
                )?),
                _ => Some(s.text(
                    &field("governance.local_coordination", "How do cities, municipalities and regions take part? (optional)", "How local and regional governments take part in the plan.").optional(),
                    TextKind::Prose,
                )?),
            })
        })
    }

    fn ministries(&mut self) -> Result<Nav> {
        self.list(
            &ListSpec {
                list: "governance.ministries",
                noun: "ministry or agency",
                prompt: "Which ministries and agencies take part in the plan?",
                help: "Measures name the ministry that leads them, so list the lead ministry and the others that carry out measures.",
                label_key: "name",
                only: None,
            },
            |s, index| s.ministry(index).map(|r| r.map_or_else(|nav| nav, |_| Nav::Next)),
        )
    }

    /// Asks about one ministry; returns its index when done.
    pub(super) fn ministry(&mut self, index: Option<usize>) -> Result<Result<usize, Nav>> {
        let mut idx = index;
        let nav = self.steps(2, |s, i| {
            if i == 0 {
                let f = field("", "What is the ministry or agency called?", "The full name of the ministry or agency, e.g. \"Ministry of Labour and Employment\".");
                return Ok(Some(match s.item_title("governance.ministries", idx, "name", &f, "A ministry or agency taking part in the plan.")? {
                    Ok(n) => {
                        idx = Some(n);
                        Nav::Next
                    }
                    Err(nav) => nav,
                }));
            }
            let Some(n) = idx else { return Ok(None) };
            Ok(Some(s.text(
                &field(
                    format!("governance.ministries[{n}].role"),
                    "What does it do in the plan, in one sentence?",
                    "Its role in the plan, e.g. \"Leads the plan and chairs the coordination mechanism.\"",
                ),
                TextKind::Line,
            )?))
        })?;
        Ok(match (nav, idx) {
            (Nav::Next, Some(n)) => Ok(n),
            (Nav::Next, None) => Err(Nav::Back),
            (nav, _) => Err(nav),
        })
    }

    pub(super) fn stakeholders_section(&mut self) -> Result<Nav> {
        self.list(
            &ListSpec {
                list: "stakeholders",
                noun: "partner",
                prompt: "Which partners outside government take part (civil society, migrants' organisations, employers, trade unions, cities, parliament, partner states...)?",
                help: "A whole-of-society plan involves migrants, civil society, employers, unions and local authorities.",
                label_key: "name",
                only: None,
            },
            |s, index| s.stakeholder(index).map(|r| r.map_or_else(|nav| nav, |_| Nav::Next)),
        )
    }

    /// Asks about one partner; returns its index when done.
    pub(super) fn stakeholder(&mut self, index: Option<usize>) -> Result<Result<usize, Nav>> {
        let kinds: Vec<(String, String)> = StakeholderKind::ALL
            .iter()
            .map(|k| (key_of(*k), k.name().to_string()))
            .collect();
        let engagements: Vec<(String, String)> = [
            Engagement::CoordinationMember,
            Engagement::ImplementingPartner,
            Engagement::Consulted,
            Engagement::ToEngage,
        ]
        .iter()
        .map(|e| (key_of(*e), e.name().to_string()))
        .collect();
        debug_assert_eq!(engagements.len(), ENGAGEMENTS.len());
        let kind_opts: Vec<(&str, &str)> = kinds
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let mut idx = index;
        let nav = self.steps(4, |s, i| {
            if i == 0 {
                let f = field("", "What is the partner called?", "The name of the organisation, e.g. \"Federation of Trade Unions\".");
                return Ok(Some(match s.item_title("stakeholders", idx, "name", &f, "A partner outside government.")? {
                    Ok(n) => {
                        idx = Some(n);
                        Nav::Next
                    }
                    Err(nav) => nav,
                }));
            }
            let Some(n) = idx else { return Ok(None) };
            let p = |k: &str| format!("stakeholders[{n}].{k}");
            Ok(Some(match i {
                1 => s.choose(
                    &field(p("kind"), "What kind of partner is it?", "The kind of partner, e.g. trade union, migrants' organisation, local authority."),
                    &kind_opts,
                    "",
                )?,
                2 => s.choose(
                    &field(p("engagement"), "How does it take part?", "How it takes part: on the coordination mechanism, carrying out measures, consulted, or not engaged yet."),
                    &ENGAGEMENTS,
                    "",
                )?,
                _ => s.text(
                    &field(p("role"), "What does it do in the plan, in one sentence? (optional)", "Its role in the plan.").optional(),
                    TextKind::Line,
                )?,
            }))
        })?;
        Ok(match (nav, idx) {
            (Nav::Next, Some(n)) => Ok(n),
            (Nav::Next, None) => Err(Nav::Back),
            (nav, _) => Err(nav),
        })
    }

    pub(super) fn principles_section(&mut self) -> Result<Nav> {
        let r = reference();
        let mut chosen: Vec<String> = Vec::new();
        self.steps(2, |s, i| {
            if i == 0 {
                let present = s.doc.keys("principles");
                let labels = r
                    .principles
                    .iter()
                    .map(|p| format!("{}: {}", p.name, p.summary))
                    .collect();
                let checked = r.principles.iter().map(|p| present.contains(&p.key)).collect();
                return Ok(Some(match s.pick_many(
                    "principles",
                    "Which guiding principles would you like to say something about now? (tick with Space)",
                    "For each one you tick, you write a sentence or two on how the plan upholds it. Unticking one removes what was written for it.",
                    labels,
                    checked,
                )? {
                    Err(nav) => nav,
                    Ok(c) => {
                        chosen = c.iter().map(|i| r.principles[*i].key.clone()).collect();
                        for key in present.iter().filter(|k| !chosen.contains(k)) {
                            s.doc.remove(&format!("principles.{key}"));
                        }
                        s.save()?;
                        Nav::Next
                    }
                }));
            }
            let keys = chosen.clone();
            Ok(Some(s.steps(keys.len(), |s, j| {
                let key = &keys[j];
                let name = r.principle(key).map_or(key.as_str(), |p| p.name.as_str());
                Ok(Some(s.text(
                    &field(
                        format!("principles.{key}"),
                        format!("How does the plan uphold the principle \"{name}\"?"),
                        format!("How the plan upholds the guiding principle \"{name}\", in a sentence or two."),
                    )
                    .optional(),
                    TextKind::Prose,
                )?))
            })?))
        })
    }

    pub(super) fn resources_section(&mut self) -> Result<Nav> {
        self.steps(2, |s, i| {
            Ok(Some(match i {
                0 => s.text(
                    &field(
                        "resources.summary",
                        "How is the plan paid for overall? (optional)",
                        "How the plan is financed overall, e.g. \"From the national budget; support is requested for data and training.\"",
                    )
                    .optional(),
                    TextKind::Prose,
                )?,
                _ => s.list(
                    &ListSpec {
                        list: "resources.needs",
                        noun: "need for support",
                        prompt: "What support does your state need (money, technical advice, data, training)?",
                        help: "Each need can say whom your state asks, e.g. the UN Network on Migration.",
                        label_key: "title",
                        only: None,
                    },
                    |s, index| s.need(index),
                )?,
            }))
        })
    }

    fn need(&mut self, index: Option<usize>) -> Result<Nav> {
        let mut idx = index;
        self.steps(5, |s, i| {
            if i == 0 {
                let f = field(
                    "",
                    "What is needed, in one line?",
                    "What is needed, e.g. \"Support to produce migration statistics\".",
                );
                return Ok(Some(
                    match s.item_title(
                        "resources.needs",
                        idx,
                        "title",
                        &f,
                        "A need for support.",
                    )? {
                        Ok(n) => {
                            idx = Some(n);
                            Nav::Next
                        }
                        Err(nav) => nav,
                    },
                ));
            }
            let Some(n) = idx else { return Ok(None) };
            let p = |k: &str| format!("resources.needs[{n}].{k}");
            Ok(Some(match i {
                1 => s.choose(
                    &field(
                        p("kind"),
                        "What kind of need is it?",
                        "The kind of need: technical, financial, data, training or institutional.",
                    ),
                    &NEED_KINDS,
                    "",
                )?,
                2 => {
                    let f = field(
                        p("objectives"),
                        "Which objectives does it concern? (optional)",
                        "The GCM objectives (1 to 23) the need concerns.",
                    )
                    .optional();
                    s.choose_ints(&f, &objective_options())?
                }
                3 => s.text(
                    &field(
                        p("support_requested"),
                        "What support does your state ask for? (optional)",
                        "The support your state asks for.",
                    )
                    .optional(),
                    TextKind::Line,
                )?,
                _ => s.text(
                    &field(
                        p("requested_from"),
                        "Whom does it ask? (optional)",
                        "Whom it asks, e.g. \"UN Network on Migration\".",
                    )
                    .optional(),
                    TextKind::Line,
                )?,
            }))
        })
    }

    pub(super) fn review_section(&mut self) -> Result<Nav> {
        self.steps(7, |s, i| {
            Ok(match i {
                0 => {
                    s.choose_ministry(&field("review.lead", "Which ministry leads monitoring and review?", "The ministry that leads monitoring, evaluation and reporting.").optional())?
                }
                1 => Some(s.text(
                    &field("review.me_framework", "How will progress be monitored? (optional)", "How monitoring works: indicators, data sources, who reports to whom and when.").optional(),
                    TextKind::Prose,
                )?),
                2 => Some(s.text(
                    &field("review.progress_reports", "How often will progress reports be made? (optional)", "How often progress reports are made, e.g. \"annual\".").optional(),
                    TextKind::Line,
                )?),
                3 => Some(s.text(
                    &field("review.midterm_review", "In which year is the mid-term review? (optional)", "The year of the mid-term review, within the plan's years.").optional(),
                    TextKind::Year,
                )?),
                4 => Some(s.text(
                    &field("review.final_evaluation", "In which year is the final evaluation? (optional)", "The year of the final evaluation: within the plan's years, or the year after it ends.").optional(),
                    TextKind::Year,
                )?),
                5 => Some(s.confirm_stored(
                    "review.regional_reporting",
                    "Will your state report voluntarily to the regional reviews of the GCM?",
                    "Whether your state reports voluntarily to the regional reviews of the GCM.",
                )?),
                _ => Some(s.confirm_stored(
                    "review.imrf_reporting",
                    "Will your state report to the International Migration Review Forum?",
                    "Whether your state reports to the International Migration Review Forum, held every four years.",
                )?),
            })
        })
    }

    fn confirm_stored(&mut self, path: &str, prompt: &str, help: &str) -> Result<Nav> {
        let default = self.doc.bool(path).or(Some(false));
        Ok(
            match self.confirm(&field(path, prompt, help), default, true)? {
                Answer::Value(_) => Nav::Next,
                Answer::Nav(nav) => nav,
            },
        )
    }

    pub(super) fn revision_section(&mut self) -> Result<Nav> {
        self.steps(3, |s, i| {
            Ok(match i {
                0 => {
                    let nav = s.text(
                        &field(
                            "revision.number",
                            "Which draft is this? (1 for the first circulated draft; optional)",
                            "The revision number: 1 for the first circulated draft, 2 for the second, and so on.",
                        )
                        .optional(),
                        TextKind::Count,
                    )?;
                    if s.doc.int("revision.number").is_none() && s.doc.has("revision") {
                        s.doc.remove("revision");
                        s.save()?;
                    }
                    Some(nav)
                }
                _ if s.doc.int("revision.number").is_none() => None,
                1 => Some(s.text(
                    &field("revision.date", "What is the date of this draft? (YYYY-MM-DD, optional)", "The date of this revision, written YYYY-MM-DD.").optional(),
                    TextKind::Line,
                )?),
                _ => Some(s.text(
                    &field("revision.note", "What did this draft change, and why? (optional)", "What this revision changed, and why.").optional(),
                    TextKind::Prose,
                )?),
            })
        })
    }

    /// Asks which declared ministry takes a role; nothing to ask when no
    /// ministry is declared yet.
    fn choose_ministry(&mut self, f: &super::flow::Field) -> Result<Option<Nav>> {
        let ministries = self.party_options(true, false);
        if ministries.is_empty() {
            return Ok(None);
        }
        let opts: Vec<(&str, &str)> = ministries
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        self.choose(f, &opts, "Not decided yet").map(Some)
    }

    /// Ministries (and, with `partners`, stakeholders) as (id, label).
    pub(super) fn party_options(&self, ministries: bool, partners: bool) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut add = |list: &str, tag: &str| {
            for i in 0..self.doc.len(list) {
                if let Some(id) = self.doc.str(&format!("{list}[{i}].id")) {
                    let name = self
                        .doc
                        .str(&format!("{list}[{i}].name"))
                        .unwrap_or_else(|| id.clone());
                    out.push((id, format!("{name}{tag}")));
                }
            }
        };
        if ministries {
            add("governance.ministries", "");
        }
        if partners {
            add("stakeholders", " (partner)");
        }
        out
    }

    /// A list of objective numbers chosen among options.
    pub(super) fn choose_ints(
        &mut self,
        f: &super::flow::Field,
        options: &[(String, String)],
    ) -> Result<Nav> {
        loop {
            let current = self.doc.ints(&f.path);
            let checked = options
                .iter()
                .map(|(v, _)| v.parse::<i64>().is_ok_and(|n| current.contains(&n)))
                .collect();
            let labels = options.iter().map(|(_, l)| l.clone()).collect();
            let chosen = match self.pick_many(&f.path, &f.prompt, &f.help, labels, checked)? {
                Err(nav) => return Ok(nav),
                Ok(c) => c,
            };
            let values: Vec<i64> = chosen
                .iter()
                .filter_map(|i| options[*i].0.parse().ok())
                .collect();
            if values.is_empty() && f.optional {
                self.apply(f, None)?;
                return Ok(Nav::Next);
            }
            let arr: toml_edit::Array = values.iter().copied().collect();
            if self.try_apply(f, toml_edit::Value::Array(arr))? {
                return Ok(Nav::Next);
            }
        }
    }
}
