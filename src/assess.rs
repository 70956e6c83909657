//! Assessment: pure functions from answers and the GCM reference to what a
//! drafting team needs to decide. Coverage of each objective by existing
//! instruments, what each of the three approaches puts in the plan, the
//! approach that the state's readiness supports, the guiding principles and
//! SDG targets served, and findings drawn from the lessons of the 2019 GFMD
//! workshop.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::answers::{Answers, Approach, Measure, Priority, StakeholderKind};
use crate::reference::{ActionId, reference};

/// How far existing instruments already serve an objective.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    Covered,
    Partial,
    Gap,
}

impl Coverage {
    pub fn name(self) -> &'static str {
        match self {
            Coverage::Covered => "Covered",
            Coverage::Partial => "Partial",
            Coverage::Gap => "Gap",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveCoverage {
    pub number: u8,
    pub status: Coverage,
    /// Ids of instruments in force that serve the objective.
    pub instruments: Vec<String>,
    /// Ids of drafts and planned instruments that will serve it.
    pub pending: Vec<String>,
    /// Actions of the objective that instruments in force serve.
    pub actions_served: Vec<String>,
    pub action_total: usize,
}

/// The objectives an instrument serves: those it lists and those of its actions.
pub fn instrument_objectives(objectives: &[i64], actions: &[String]) -> BTreeSet<u8> {
    let mut set: BTreeSet<u8> = objectives
        .iter()
        .filter_map(|n| u8::try_from(*n).ok())
        .collect();
    set.extend(
        actions
            .iter()
            .filter_map(|a| ActionId::parse(a))
            .map(|a| a.objective),
    );
    set
}

/// The objectives a measure serves, in the order its actions name them.
pub fn measure_objectives(m: &Measure) -> Vec<u8> {
    let mut out = Vec::new();
    for a in m.actions.iter().filter_map(|a| ActionId::parse(a)) {
        if !out.contains(&a.objective) {
            out.push(a.objective);
        }
    }
    out
}

/// Coverage rule: an objective is a gap when no instrument in force serves it;
/// covered when instruments in force together serve at least half of its
/// actions; partial in between. Drafts and planned instruments do not count
/// yet, but are named as pending.
pub fn coverage(a: &Answers) -> Vec<ObjectiveCoverage> {
    let r = reference();
    r.objectives
        .iter()
        .map(|o| {
            let mut instruments = Vec::new();
            let mut pending = Vec::new();
            let mut served: BTreeSet<String> = BTreeSet::new();
            for inst in &a.instruments {
                if !instrument_objectives(&inst.objectives, &inst.actions).contains(&o.number) {
                    continue;
                }
                if inst.status.is_operative() {
                    instruments.push(inst.id.clone());
                    served.extend(
                        inst.actions
                            .iter()
                            .filter_map(|x| ActionId::parse(x))
                            .filter(|x| x.objective == o.number)
                            .map(|x| x.canonical()),
                    );
                } else if matches!(
                    inst.status,
                    crate::answers::InstrumentStatus::Draft
                        | crate::answers::InstrumentStatus::Planned
                ) {
                    pending.push(inst.id.clone());
                }
            }
            let total = o.actions.len();
            let status = if instruments.is_empty() {
                Coverage::Gap
            } else if served.len() * 2 >= total {
                Coverage::Covered
            } else {
                Coverage::Partial
            };
            let mut actions_served: Vec<String> = served.into_iter().collect();
            actions_served.sort_by_key(|x| ActionId::parse(x).map(|a| a.letter));
            ObjectiveCoverage {
                number: o.number,
                status,
                instruments,
                pending,
                actions_served,
                action_total: total,
            }
        })
        .collect()
}

/// What one approach puts in the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scope {
    pub approach: Approach,
    /// Objectives the plan addresses with measures or commitments.
    pub objectives: Vec<u8>,
    /// Ids of the measures the plan carries.
    pub measures: Vec<String>,
    /// Objectives with a gap or partial coverage that the plan leaves alone.
    pub left_undone: Vec<u8>,
}

/// The objectives a selective plan takes up: the state's high and medium
/// priorities. With no priorities set, the objectives its measures serve.
pub fn selective_objectives(a: &Answers) -> Vec<u8> {
    let prioritised: Vec<u8> = (1..=23u8)
        .filter(|n| {
            matches!(
                a.objective(*n).and_then(|o| o.priority),
                Some(Priority::High | Priority::Medium)
            )
        })
        .collect();
    if !prioritised.is_empty() {
        return prioritised;
    }
    let set: BTreeSet<u8> = a.measures.iter().flat_map(measure_objectives).collect();
    set.into_iter().collect()
}

pub fn scope(a: &Answers, approach: Approach, cov: &[ObjectiveCoverage]) -> Scope {
    let objectives: Vec<u8> = match approach {
        Approach::Systemic => (1..=23).collect(),
        Approach::Selective => selective_objectives(a),
        Approach::BusinessAsUsual => Vec::new(),
    };
    let measures = a
        .measures
        .iter()
        .filter(|m| measure_objectives(m).iter().any(|n| objectives.contains(n)))
        .map(|m| m.id.clone())
        .collect();
    let left_undone = cov
        .iter()
        .filter(|c| c.status != Coverage::Covered && !objectives.contains(&c.number))
        .map(|c| c.number)
        .collect();
    Scope {
        approach,
        objectives,
        measures,
        left_undone,
    }
}

/// One sign of readiness for a systemic plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub name: &'static str,
    pub present: bool,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub approach: Approach,
    pub signals: Vec<Signal>,
    pub score: usize,
    pub reasons: Vec<String>,
}

fn society_engaged(a: &Answers) -> Vec<&crate::answers::Stakeholder> {
    a.stakeholders
        .iter()
        .filter(|s| !s.kind.is_international() && s.engagement.is_engaged())
        .collect()
}

/// A measure is funded when it has an amount and a named funding source.
pub fn funded(m: &Measure) -> bool {
    m.budget.as_ref().is_some_and(|b| {
        b.amount.is_some() && b.source.as_deref().is_some_and(|s| !s.trim().is_empty())
    })
}

fn has_indicator(m: &Measure) -> bool {
    m.indicator.is_some()
}

/// Readiness rule: five signals (a coordination body, consultation, resources,
/// monitoring and evaluation, review commitments). Four or five support a
/// systemic and robust plan; fewer call for a selective plan that builds the
/// missing pieces. Business as usual is never recommended: no state at the
/// 2019 workshop would defend it.
pub fn recommend(a: &Answers) -> Recommendation {
    let engaged = society_engaged(a);
    let kinds: BTreeSet<StakeholderKind> = engaged.iter().map(|s| s.kind).collect();
    let n = a.measures.len();
    let funded_n = a.measures.iter().filter(|m| funded(m)).count();
    let indicator_n = a.measures.iter().filter(|m| has_indicator(m)).count();
    let signals = vec![
        Signal {
            name: "Coordination body",
            present: a.governance.coordination.is_some(),
            detail: match &a.governance.coordination {
                Some(c) => format!("{} coordinates the plan", c.name),
                None => "no national coordination mechanism is named".into(),
            },
        },
        Signal {
            name: "Consultation",
            present: engaged.len() >= 3 && kinds.len() >= 2,
            detail: partners_engaged(engaged.len(), kinds.len(), "whole-of-society partner"),
        },
        Signal {
            name: "Resources",
            present: n > 0 && funded_n * 2 >= n,
            detail: share(funded_n, n, "a budget and a funding source"),
        },
        Signal {
            name: "Monitoring and evaluation",
            present: a.review.me_framework.is_some() && n > 0 && indicator_n * 2 >= n,
            detail: format!(
                "{}; {}",
                if a.review.me_framework.is_some() {
                    "an M&E framework is described"
                } else {
                    "no M&E framework is described"
                },
                share(indicator_n, n, "an indicator")
            ),
        },
        Signal {
            name: "Review commitments",
            present: a.review.regional_reporting || a.review.imrf_reporting,
            detail: match (a.review.regional_reporting, a.review.imrf_reporting) {
                (true, true) => "reports to the regional reviews and to the Forum".into(),
                (true, false) => "reports to the regional reviews".into(),
                (false, true) => "reports to the Forum".into(),
                (false, false) => "no regional or Forum reporting is committed".into(),
            },
        },
    ];
    let score = signals.iter().filter(|s| s.present).count();
    let approach = if score >= 4 {
        Approach::Systemic
    } else {
        Approach::Selective
    };
    let mut reasons: Vec<String> = Vec::new();
    match approach {
        Approach::Systemic => reasons.push(format!(
            "{score} of the 5 readiness signals are in place, enough to carry all 23 objectives through the four-year review cycle"
        )),
        _ => reasons.push(format!(
            "only {score} of the 5 readiness signals are in place; a selective plan on the priority objectives can start now while the missing pieces are built"
        )),
    }
    for s in signals.iter().filter(|s| !s.present) {
        reasons.push(format!(
            "to build: {} ({})",
            s.name.to_lowercase(),
            s.detail
        ));
    }
    Recommendation {
        approach,
        signals,
        score,
        reasons,
    }
}

/// "3 partners of 2 kinds engaged", or "no partner engaged yet".
fn partners_engaged(n: usize, kinds: usize, noun: &str) -> String {
    match n {
        0 => format!("no {noun} engaged yet"),
        _ => format!(
            "{n} {noun}{} of {kinds} kind{} engaged",
            plural(n),
            plural(kinds)
        ),
    }
}

/// "12 of 30 measures have an indicator", with the zero and one cases.
fn share(k: usize, n: usize, what: &str) -> String {
    match (k, n) {
        (_, 0) => "no measure is planned yet".to_string(),
        (1, 1) => format!("the one measure has {what}"),
        (0, 1) => format!(
            "the one measure has no {}",
            what.trim_start_matches("a ").trim_start_matches("an ")
        ),
        (k, n) if k == n => format!("all {n} measures have {what}"),
        (1, n) => format!("1 of {n} measures has {what}"),
        (k, n) => format!("{k} of {n} measures have {what}"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PrincipleStatus {
    pub key: String,
    pub committed: bool,
    /// What the answers show in support of the principle, beyond the commitment.
    pub evidence: Option<String>,
}

pub fn principles(a: &Answers) -> Vec<PrincipleStatus> {
    let r = reference();
    let engaged = society_engaged(a);
    let kinds: BTreeSet<StakeholderKind> = engaged.iter().map(|s| s.kind).collect();
    let agreements = a
        .instruments
        .iter()
        .filter(|i| i.kind.is_agreement())
        .count();
    r.principles
        .iter()
        .map(|p| {
            let evidence = match p.key.as_str() {
                "whole-of-government" => Some(format!(
                    "{} ministr{} named with a role",
                    a.governance.ministries.len(),
                    if a.governance.ministries.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    }
                )),
                "whole-of-society" => Some(partners_engaged(engaged.len(), kinds.len(), "partner")),
                "international-cooperation" => Some(format!(
                    "{agreements} bilateral or regional agreement{} in the inventory",
                    plural(agreements)
                )),
                "human-rights" => Some(
                    if kinds.contains(&StakeholderKind::Nhri) {
                        "the national human rights institution is engaged"
                    } else {
                        "the national human rights institution is not yet engaged"
                    }
                    .to_string(),
                ),
                _ => None,
            };
            PrincipleStatus {
                key: p.key.clone(),
                committed: a
                    .principles
                    .get(&p.key)
                    .is_some_and(|t| !t.trim().is_empty()),
                evidence,
            }
        })
        .collect()
}

/// The SDG targets of a measure, and whether they are gcmplan's defaults
/// (from its objectives) rather than the state's own choice.
pub fn measure_sdgs(a: &Answers, m: &Measure) -> (Vec<String>, bool) {
    if !m.sdg_targets.is_empty() {
        return (m.sdg_targets.clone(), false);
    }
    let mut out: Vec<String> = Vec::new();
    let mut default = false;
    for n in measure_objectives(m) {
        let (targets, d) = objective_sdgs(a, n);
        default |= d;
        for t in targets {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    (out, default)
}

/// The SDG targets of an objective: the state's override, or the default links.
pub fn objective_sdgs(a: &Answers, n: u8) -> (Vec<String>, bool) {
    if let Some(t) = a.objective(n).and_then(|o| o.sdg_targets.clone()) {
        return (t, false);
    }
    let r = reference();
    (
        r.objective(n)
            .map(|o| o.sdg_targets.clone())
            .unwrap_or_default(),
        true,
    )
}

/// SDG targets served by the given measures, each with the measures serving it,
/// in goal and target order.
pub fn sdg_targets_served(a: &Answers, measure_ids: &[String]) -> Vec<(String, Vec<String>)> {
    let mut map: BTreeMap<(u32, String), (String, Vec<String>)> = BTreeMap::new();
    for m in a.measures.iter().filter(|m| measure_ids.contains(&m.id)) {
        for t in measure_sdgs(a, m).0 {
            map.entry(sdg_sort_key(&t))
                .or_insert_with(|| (t.clone(), Vec::new()))
                .1
                .push(m.id.clone());
        }
    }
    map.into_values().collect()
}

fn sdg_sort_key(t: &str) -> (u32, String) {
    let (goal, target) = t.split_once('.').unwrap_or((t, ""));
    let target = match target.parse::<u32>() {
        Ok(n) => format!("{n:03}"),
        Err(_) => format!("z{target}"),
    };
    (goal.parse().unwrap_or(99), target)
}

/// Advice drawn from the workshop's lessons. Never an error: a plan can go
/// out with findings, but a drafting team should see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. "no-local-authorities".
    pub code: &'static str,
    /// The workshop lesson behind it.
    pub lesson: &'static str,
    pub message: String,
    /// The id or section it concerns.
    pub subject: Option<String>,
}

fn finding(
    code: &'static str,
    lesson: &'static str,
    message: String,
    subject: Option<&str>,
) -> Finding {
    Finding {
        code,
        lesson,
        message,
        subject: subject.map(str::to_string),
    }
}

const WHOLE_OF_GOVERNMENT: &str = "Whole of government";
const WHOLE_OF_SOCIETY: &str = "Whole of society";
const LOCAL_TO_GLOBAL: &str = "From cities to regional bodies";
const MIGRANTS_VOICES: &str = "Hear migrants' voices";
const NO_NEW_WHEEL: &str = "Map what exists first";
const DOVETAIL: &str = "Dovetail with the development plan and the SDGs";
const CLEAR_RULES: &str = "Make rules clear";
const RESOURCES: &str = "Find resources and capacity";
const MONITORING: &str = "Measures that can be followed up";

pub fn findings(a: &Answers, cov: &[ObjectiveCoverage]) -> Vec<Finding> {
    let r = reference();
    let mut out = Vec::new();
    let engaged = society_engaged(a);
    let has_kind = |kinds: &[StakeholderKind]| engaged.iter().any(|s| kinds.contains(&s.kind));

    if a.plan.approach == Approach::BusinessAsUsual {
        out.push(finding(
            "business-as-usual",
            NO_NEW_WHEEL,
            "the plan takes no new measures; at the 2019 workshop no state would defend business as usual, so say when a selective or systemic plan will follow".into(),
            Some("plan.approach"),
        ));
    }

    // Whole of government.
    if a.governance.coordination.is_none() {
        out.push(finding(
            "no-coordination",
            WHOLE_OF_GOVERNMENT,
            "no national coordination mechanism is named; say which body brings the ministries together and who chairs it".into(),
            Some("governance.coordination"),
        ));
    }
    if a.governance.ministries.len() < 3 {
        out.push(finding(
            "few-ministries",
            WHOLE_OF_GOVERNMENT,
            format!(
                "only {} ministr{} named; migration touches labour, interior, foreign affairs, health, education and social protection",
                a.governance.ministries.len(),
                if a.governance.ministries.len() == 1 { "y is" } else { "ies are" }
            ),
            Some("governance.ministries"),
        ));
    }

    // Whole of society, local to global, migrants' voices.
    if !has_kind(&[
        StakeholderKind::LocalAuthority,
        StakeholderKind::RegionalAuthority,
    ]) && a.governance.local_coordination.is_none()
    {
        out.push(finding(
            "no-local-authorities",
            LOCAL_TO_GLOBAL,
            "no city, municipality or regional authority takes part; local authorities deliver much of the GCM and need the state's support and resources".into(),
            Some("stakeholders"),
        ));
    }
    if !has_kind(&[
        StakeholderKind::MigrantOrganisation,
        StakeholderKind::Diaspora,
    ]) {
        out.push(finding(
            "no-migrant-voice",
            MIGRANTS_VOICES,
            "no migrants' or diaspora organisation is engaged; migrants should be heard in drafting the plan and in giving feedback on it".into(),
            Some("stakeholders"),
        ));
    }
    let wanted: [(&[StakeholderKind], &str); 7] = [
        (&[StakeholderKind::CivilSociety], "civil society"),
        (
            &[StakeholderKind::PrivateSector, StakeholderKind::Employers],
            "the private sector or employers",
        ),
        (&[StakeholderKind::TradeUnion], "trade unions"),
        (&[StakeholderKind::Academia], "academia"),
        (&[StakeholderKind::Parliament], "parliament"),
        (
            &[StakeholderKind::Nhri],
            "the national human rights institution",
        ),
        (&[StakeholderKind::Media], "the media"),
    ];
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|(k, _)| !has_kind(k))
        .map(|(_, n)| *n)
        .collect();
    if !missing.is_empty() {
        out.push(finding(
            "society-gaps",
            WHOLE_OF_SOCIETY,
            format!("not yet engaged: {}", join_list(&missing)),
            Some("stakeholders"),
        ));
    }

    // Dovetailing with the development plan.
    if a.development_plan.is_none() {
        out.push(finding(
            "no-development-plan",
            DOVETAIL,
            "no national development plan is named; link the GCM plan to it so that measures share its budget lines and reporting".into(),
            Some("development_plan"),
        ));
    }

    // Objectives.
    let unset: Vec<String> = (1..=23u8)
        .filter(|n| a.objective(*n).and_then(|o| o.priority).is_none())
        .map(|n| n.to_string())
        .collect();
    if !unset.is_empty() && a.plan.approach != Approach::BusinessAsUsual {
        out.push(finding(
            "priority-unset",
            NO_NEW_WHEEL,
            format!(
                "no priority is set for objective{} {}",
                if unset.len() == 1 { "" } else { "s" },
                join_list(&unset)
            ),
            Some("objectives"),
        ));
    }
    for c in cov {
        let priority = a.objective(c.number).and_then(|o| o.priority);
        let has_measure = a
            .measures
            .iter()
            .any(|m| measure_objectives(m).contains(&c.number));
        if priority == Some(Priority::High) && c.status == Coverage::Gap && !has_measure {
            out.push(finding(
                "priority-gap",
                NO_NEW_WHEEL,
                format!(
                    "objective {} ({}) is a high priority, nothing in force serves it, and no measure addresses it",
                    c.number,
                    r.objective(c.number).map_or("", |o| o.label.as_str())
                ),
                Some(&format!("objectives.{}", c.number)),
            ));
        }
    }
    if cov
        .iter()
        .any(|c| c.number == 3 && c.status == Coverage::Gap)
        && !a
            .measures
            .iter()
            .any(|m| measure_objectives(m).contains(&3))
    {
        out.push(finding(
            "unclear-rules",
            CLEAR_RULES,
            "nothing serves objective 3 (information): rules and pathways need to be clear, and migrants need information to decide well".into(),
            Some("objectives.3"),
        ));
    }
    if a.plan.approach == Approach::Selective && selective_objectives(a).is_empty() {
        out.push(finding(
            "selective-without-priorities",
            NO_NEW_WHEEL,
            "the plan is selective but no objective has a high or medium priority and no measure is planned".into(),
            Some("objectives"),
        ));
    }

    // Measures.
    let covered: BTreeSet<u8> = cov
        .iter()
        .filter(|c| c.status == Coverage::Covered)
        .map(|c| c.number)
        .collect();
    for m in &a.measures {
        let id = Some(m.id.as_str());
        let objectives = measure_objectives(m);
        if m.lead.is_none() {
            out.push(finding(
                "measure-no-lead",
                MONITORING,
                format!("measure `{}` has no lead", m.id),
                id,
            ));
        }
        match &m.indicator {
            None => out.push(finding(
                "measure-no-indicator",
                MONITORING,
                format!("measure `{}` has no indicator", m.id),
                id,
            )),
            Some(i) if i.baseline.is_none() || i.target.is_none() => out.push(finding(
                "indicator-incomplete",
                MONITORING,
                format!(
                    "the indicator of measure `{}` lacks a baseline or a target",
                    m.id
                ),
                id,
            )),
            _ => {}
        }
        if m.start.is_none() || m.end.is_none() {
            out.push(finding(
                "measure-no-timeline",
                MONITORING,
                format!("measure `{}` has no start or end", m.id),
                id,
            ));
        }
        if !funded(m) {
            out.push(finding(
                "measure-unfunded",
                RESOURCES,
                format!("measure `{}` has no budget amount and funding source", m.id),
                id,
            ));
        }
        if objectives.contains(&6) {
            let parties = m.lead.iter().chain(m.partners.iter());
            let union = parties
                .filter_map(|p| a.stakeholder(p))
                .any(|s| s.kind == StakeholderKind::TradeUnion);
            if !union {
                out.push(finding(
                    "objective-6-no-union",
                    WHOLE_OF_SOCIETY,
                    format!(
                        "measure `{}` serves objective 6 (recruitment and decent work) with no trade union among its partners",
                        m.id
                    ),
                    id,
                ));
            }
        }
        if m.builds_on.is_empty() && objectives.iter().any(|n| covered.contains(n)) {
            out.push(finding(
                "measure-builds-on-nothing",
                NO_NEW_WHEEL,
                format!(
                    "measure `{}` works on an objective that existing instruments already cover; say which one it builds on (`builds_on`)",
                    m.id
                ),
                id,
            ));
        }
        if a.development_plan.is_some() && m.ndp_pillar.is_none() {
            out.push(finding(
                "measure-no-pillar",
                DOVETAIL,
                format!(
                    "measure `{}` is not linked to a pillar of the development plan",
                    m.id
                ),
                id,
            ));
        }
        let outside = |d: &Option<crate::answers::DateSpec>| {
            d.as_ref()
                .and_then(|d| d.parse().ok())
                .is_some_and(|d| d.year < a.plan.start_year || d.year > a.plan.end_year)
        };
        if outside(&m.start) || outside(&m.end) {
            out.push(finding(
                "measure-outside-period",
                MONITORING,
                format!(
                    "measure `{}` runs outside the plan period {}-{}",
                    m.id, a.plan.start_year, a.plan.end_year
                ),
                id,
            ));
        }
    }

    // Principles, resources, review.
    let missing: Vec<&str> = r
        .principles
        .iter()
        .filter(|p| !a.principles.contains_key(&p.key))
        .map(|p| p.name.as_str())
        .collect();
    if !missing.is_empty() {
        out.push(finding(
            "principles-missing",
            WHOLE_OF_SOCIETY,
            format!("no commitment is written for: {}", join_list(&missing)),
            Some("principles"),
        ));
    }
    for n in &a.resources.needs {
        if n.support_requested.is_none() {
            out.push(finding(
                "need-no-support",
                RESOURCES,
                format!("need `{}` does not say what support is requested", n.id),
                Some(&n.id),
            ));
        }
    }
    if a.resources.needs.is_empty() && a.resources.summary.is_none() {
        out.push(finding(
            "no-resources",
            RESOURCES,
            "the plan says nothing of resources or capacity needs; name them so that partners such as the UN Network on Migration can help".into(),
            Some("resources"),
        ));
    }
    if !a.review.regional_reporting && !a.review.imrf_reporting {
        out.push(finding(
            "no-review-commitment",
            MONITORING,
            "no voluntary reporting to the regional reviews or to the International Migration Review Forum is committed".into(),
            Some("review"),
        ));
    } else if a.plan.approach == Approach::Systemic && !a.review.regional_reporting {
        out.push(finding(
            "systemic-without-regional-review",
            MONITORING,
            "a systemic plan follows the four-year review cycle, including voluntary reporting to the regional reviews".into(),
            Some("review.regional_reporting"),
        ));
    }
    if a.review.me_framework.is_none() {
        out.push(finding(
            "no-me-framework",
            MONITORING,
            "no monitoring and evaluation framework is described: who collects which data, and who reports to whom".into(),
            Some("review.me_framework"),
        ));
    }
    let rec = recommend(a);
    if a.plan.approach == Approach::Systemic && rec.approach != Approach::Systemic {
        out.push(finding(
            "systemic-readiness",
            RESOURCES,
            format!(
                "the plan is systemic but only {} of the 5 readiness signals are in place; see the approaches annex",
                rec.score
            ),
            Some("plan.approach"),
        ));
    }
    out
}

fn join_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| s.as_ref().to_string()).collect();
    crate::reference::join_and(&items)
}

/// Everything the assessment computes, for one approach.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub coverage: Vec<ObjectiveCoverage>,
    pub scopes: Vec<Scope>,
    pub recommendation: Recommendation,
    pub principles: Vec<PrincipleStatus>,
    pub findings: Vec<Finding>,
}

pub fn assess(a: &Answers) -> Assessment {
    let coverage = coverage(a);
    let scopes = Approach::ALL
        .iter()
        .map(|ap| scope(a, *ap, &coverage))
        .collect();
    let findings = findings(a, &coverage);
    Assessment {
        scopes,
        recommendation: recommend(a),
        principles: principles(a),
        findings,
        coverage,
    }
}

impl Assessment {
    pub fn scope(&self, approach: Approach) -> &Scope {
        self.scopes
            .iter()
            .find(|s| s.approach == approach)
            .expect("assess computes a scope for every approach")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::answers;

    fn codes(a: &Answers) -> Vec<&'static str> {
        findings(a, &coverage(a)).iter().map(|f| f.code).collect()
    }

    #[test]
    fn coverage_needs_an_instrument_in_force() {
        let a = answers(
            r#"
[[instruments]]
id = "draft-law"
title = "Draft labour migration law"
kind = "law"
status = "draft"
objectives = [6]
"#,
        );
        let c = &coverage(&a)[5];
        assert_eq!(c.status, Coverage::Gap);
        assert_eq!(c.pending, vec!["draft-law"]);
        assert!(c.instruments.is_empty());
    }

    #[test]
    fn coverage_is_full_from_half_the_actions() {
        // Objective 3 has five actions: three served is covered, two is partial.
        let a = answers(
            r#"
[[instruments]]
id = "portal"
title = "Migration information portal"
kind = "programme"
status = "in-force"
actions = ["3a", "3b", "3c"]
[[instruments]]
id = "consular-act"
title = "Consular act"
kind = "law"
status = "under-review"
actions = ["14a", "14d"]
[[instruments]]
id = "old-law"
title = "Old law"
kind = "law"
status = "lapsed"
objectives = [15]
"#,
        );
        let c = coverage(&a);
        assert_eq!(c[2].status, Coverage::Covered);
        assert_eq!(c[2].actions_served, vec!["3a", "3b", "3c"]);
        assert_eq!(
            c[13].status,
            Coverage::Partial,
            "2 of 6 actions of objective 14"
        );
        assert_eq!(c[14].status, Coverage::Gap, "a lapsed law covers nothing");
        assert_eq!(c[0].status, Coverage::Gap);
    }

    #[test]
    fn an_instrument_listing_only_objectives_is_partial() {
        let a = answers(
            r#"
[[instruments]]
id = "strategy"
title = "National migration strategy"
kind = "strategy"
status = "in-force"
objectives = [1, 5]
"#,
        );
        let c = coverage(&a);
        assert_eq!(c[0].status, Coverage::Partial);
        assert_eq!(c[4].status, Coverage::Partial);
        assert_eq!(c[4].instruments, vec!["strategy"]);
    }

    const MEASURES: &str = r#"
[objectives.5]
priority = "high"
[objectives.6]
priority = "medium"
[objectives.10]
priority = "low"
[[measures]]
id = "m5"
title = "Seasonal work scheme"
actions = ["5d"]
lead = "moi"
[[measures]]
id = "m10"
title = "Victim shelters"
actions = ["10h"]
lead = "moi"
[[measures]]
id = "m6-10"
title = "Labour inspection for trafficking"
actions = ["10c", "6f"]
lead = "moi"
"#;

    #[test]
    fn the_three_approaches_put_different_things_in_the_plan() {
        let a = answers(MEASURES);
        let cov = coverage(&a);
        let systemic = scope(&a, Approach::Systemic, &cov);
        assert_eq!(systemic.objectives.len(), 23);
        assert_eq!(systemic.measures, vec!["m5", "m10", "m6-10"]);
        assert!(systemic.left_undone.is_empty());

        let selective = scope(&a, Approach::Selective, &cov);
        assert_eq!(selective.objectives, vec![5, 6]);
        assert_eq!(
            selective.measures,
            vec!["m5", "m6-10"],
            "a measure serving a selected objective stays"
        );
        assert_eq!(selective.left_undone.len(), 21);
        assert!(selective.left_undone.contains(&10));

        let bau = scope(&a, Approach::BusinessAsUsual, &cov);
        assert!(bau.objectives.is_empty());
        assert!(bau.measures.is_empty());
        assert_eq!(bau.left_undone.len(), 23);
    }

    #[test]
    fn selective_without_priorities_follows_the_measures() {
        let a = answers(
            r#"
[[measures]]
id = "m"
title = "Remittance price comparison site"
actions = ["20f"]
"#,
        );
        assert_eq!(selective_objectives(&a), vec![20]);
    }

    #[test]
    fn readiness_decides_the_recommendation() {
        let thin = answers("");
        let rec = recommend(&thin);
        assert_eq!(rec.approach, Approach::Selective);
        assert_eq!(rec.score, 0);
        assert!(rec.reasons.iter().any(|r| r.contains("coordination body")));

        let ready = answers(
            r#"
[governance.coordination]
name = "National Coordination Mechanism on Migration"
chair = "moi"
[[stakeholders]]
id = "cso"
name = "Migrant rights network"
kind = "civil-society"
engagement = "consulted"
[[stakeholders]]
id = "union"
name = "Trade union confederation"
kind = "trade-union"
engagement = "coordination-member"
[[stakeholders]]
id = "city"
name = "Capital city council"
kind = "local-authority"
engagement = "implementing-partner"
[review]
me_framework = "Annual data collection by the statistics office"
imrf_reporting = true
[[measures]]
id = "m"
title = "Fair recruitment law"
actions = ["6c"]
lead = "moi"
indicator = { text = "Agencies licensed", baseline = "0", target = "50" }
budget = { amount = 100000, currency = "USD", source = "National budget" }
"#,
        );
        let rec = recommend(&ready);
        assert_eq!(rec.score, 5, "{:#?}", rec.signals);
        assert_eq!(rec.approach, Approach::Systemic);
    }

    #[test]
    fn findings_follow_the_workshop_lessons() {
        let a = answers(MEASURES);
        let c = codes(&a);
        for expected in [
            "no-coordination",
            "few-ministries",
            "no-local-authorities",
            "no-migrant-voice",
            "society-gaps",
            "no-development-plan",
            "priority-unset",
            "measure-no-indicator",
            "measure-unfunded",
            "objective-6-no-union",
            "principles-missing",
            "no-review-commitment",
        ] {
            assert!(c.contains(&expected), "missing {expected} in {c:?}");
        }
        let union = findings(&a, &coverage(&a))
            .into_iter()
            .filter(|f| f.code == "objective-6-no-union")
            .map(|f| f.subject.unwrap())
            .collect::<Vec<_>>();
        assert_eq!(union, vec!["m6-10"], "only the measure serving objective 6");
    }

    #[test]
    fn a_union_partner_and_local_authorities_clear_their_findings() {
        let a = answers(
            r#"
[[stakeholders]]
id = "union"
name = "Trade union confederation"
kind = "trade-union"
engagement = "consulted"
[[stakeholders]]
id = "city"
name = "Capital city council"
kind = "local-authority"
engagement = "consulted"
[[stakeholders]]
id = "diaspora"
name = "Diaspora council"
kind = "diaspora"
engagement = "consulted"
[[measures]]
id = "m6"
title = "Fair recruitment"
actions = ["6c"]
lead = "moi"
partners = ["union"]
"#,
        );
        let c = codes(&a);
        assert!(!c.contains(&"objective-6-no-union"), "{c:?}");
        assert!(!c.contains(&"no-local-authorities"), "{c:?}");
        assert!(!c.contains(&"no-migrant-voice"), "{c:?}");
    }

    #[test]
    fn a_high_priority_gap_without_a_measure_is_flagged() {
        let a = answers("[objectives.8]\npriority = \"high\"\n");
        let f: Vec<Finding> = findings(&a, &coverage(&a))
            .into_iter()
            .filter(|f| f.code == "priority-gap")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("objective 8"));
    }

    #[test]
    fn sdg_targets_default_to_the_objectives_links_unless_overridden() {
        let a = answers(
            r#"
[objectives.6]
sdg_targets = ["8.8"]
[[measures]]
id = "own"
title = "Own targets"
actions = ["6c"]
sdg_targets = ["10.7"]
[[measures]]
id = "overridden"
title = "Objective override"
actions = ["6d"]
[[measures]]
id = "default"
title = "Default links"
actions = ["20f"]
"#,
        );
        let m = |id: &str| a.measures.iter().find(|m| m.id == id).unwrap();
        assert_eq!(
            measure_sdgs(&a, m("own")),
            (vec!["10.7".to_string()], false)
        );
        assert_eq!(
            measure_sdgs(&a, m("overridden")),
            (vec!["8.8".to_string()], false)
        );
        let (targets, default) = measure_sdgs(&a, m("default"));
        assert!(default);
        assert!(targets.contains(&"10.c".to_string()));
        let served = sdg_targets_served(&a, &["own".into(), "overridden".into(), "default".into()]);
        let names: Vec<&str> = served.iter().map(|(t, _)| t.as_str()).collect();
        let pos = |t: &str| names.iter().position(|n| *n == t).unwrap();
        assert!(
            pos("8.8") < pos("10.7") && pos("10.7") < pos("10.c"),
            "{names:?}"
        );
    }

    #[test]
    fn principles_report_commitments_and_evidence() {
        let a = answers("[principles]\nhuman-rights = \"All migrants, whatever their status.\"\n");
        let p = principles(&a);
        assert_eq!(p.len(), 10);
        let hr = p.iter().find(|p| p.key == "human-rights").unwrap();
        assert!(hr.committed);
        assert!(hr.evidence.as_deref().unwrap().contains("not yet engaged"));
        assert!(
            !p.iter()
                .find(|p| p.key == "child-sensitive")
                .unwrap()
                .committed
        );
        let wog = p.iter().find(|p| p.key == "whole-of-government").unwrap();
        assert_eq!(
            wog.evidence.as_deref(),
            Some("1 ministry named with a role")
        );
    }
}
