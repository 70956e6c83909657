//! The plan as data: every section, table and sentence-level fact the
//! renderers need, computed once from the answers and the assessment.
//! Templates only lay this out; they never compute. The diff and the JSON
//! export share this model.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::answers::{Answers, Approach, Measure, Priority, Route, StakeholderKind};
use crate::assess::{self, Assessment, Coverage, Finding};
use crate::calendar::{self, Event};
use crate::reference::{ActionId, join_and, reference};

/// Version of the plan model as exported to JSON.
pub const PLAN_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Plan {
    pub format_version: u32,
    pub generator: String,
    pub title: String,
    pub state: StateView,
    pub revision: Option<RevisionView>,
    /// Earlier revisions then the current one, oldest first.
    pub revisions: Vec<RevisionView>,
    pub period: String,
    pub start_year: i64,
    pub end_year: i64,
    pub approach: ApproachView,
    /// The approach the answers file chose, when `--approach` overrides it.
    pub file_approach: Option<ApproachView>,
    pub is_systemic: bool,
    pub is_selective: bool,
    pub is_business_as_usual: bool,
    pub route: RouteView,
    pub development_plan: Option<DevelopmentPlanView>,
    pub summary: SummaryView,
    pub principles: Vec<PrincipleView>,
    pub governance: GovernanceView,
    pub instruments: Vec<InstrumentView>,
    pub matrix: Vec<MatrixRow>,
    /// The objectives the plan takes up, with their measures.
    pub objectives: Vec<ObjectiveSection>,
    pub measure_count: usize,
    /// Objectives not covered that this plan leaves alone.
    pub left_undone: Vec<ObjectiveRef>,
    pub partnerships: PartnershipsView,
    pub resources: ResourcesView,
    pub monitoring: MonitoringView,
    pub sdg_targets: Vec<SdgRow>,
    pub findings: Vec<FindingView>,
    pub annex: AnnexView,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StateView {
    pub name: String,
    pub iso_code: String,
    pub lead_agency: String,
    /// "a country of origin and return".
    pub profile: Option<String>,
    pub context: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RevisionView {
    pub number: i64,
    pub date: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ApproachView {
    pub key: &'static str,
    pub name: &'static str,
    /// The name as it reads mid-sentence: "the {phrase} approach".
    pub phrase: &'static str,
    pub description: &'static str,
    pub rationale: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RouteView {
    pub key: &'static str,
    pub name: &'static str,
    pub integrated_into: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DevelopmentPlanView {
    pub name: String,
    pub period: Option<String>,
    pub pillars: Vec<PillarView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PillarView {
    pub id: String,
    pub name: String,
    pub measures: String,
    pub measure_count: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SummaryView {
    pub objectives_in_plan: usize,
    pub measures: usize,
    pub covered: usize,
    pub partial: usize,
    pub gap: usize,
    pub instruments: usize,
    pub high_priorities: Vec<ObjectiveRef>,
    pub budget: Vec<String>,
    pub recommended: &'static str,
    pub recommended_phrase: &'static str,
    pub follows_recommendation: bool,
    /// Whether the answers file's own approach is the recommended one.
    pub file_follows_recommendation: bool,
    pub findings: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ObjectiveRef {
    pub number: u8,
    pub label: String,
    pub title: String,
    pub status: &'static str,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PrincipleView {
    pub reference: String,
    pub name: String,
    pub summary: String,
    pub commitment: Option<String>,
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GovernanceView {
    pub coordination: Option<CoordinationView>,
    pub ministries: Vec<MinistryView>,
    pub local_coordination: Option<String>,
    pub society: Vec<StakeholderGroup>,
    pub has_local_authorities: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CoordinationView {
    pub name: String,
    pub chair: Option<String>,
    pub established: Option<i64>,
    pub meets: Option<String>,
    pub mandate: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MinistryView {
    pub id: String,
    pub name: String,
    pub role: String,
    pub leads: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StakeholderGroup {
    pub kind: &'static str,
    pub members: Vec<StakeholderView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StakeholderView {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub engagement: &'static str,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct InstrumentView {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub year: Option<i64>,
    pub status: &'static str,
    pub objectives: String,
    pub actions: String,
    pub owner: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MatrixRow {
    pub number: u8,
    pub label: String,
    pub title: String,
    pub status: &'static str,
    pub status_key: &'static str,
    pub priority: &'static str,
    pub instruments: String,
    pub pending: String,
    pub actions_served: String,
    /// The GCM actions of the objective that instruments in force serve.
    pub actions_served_count: usize,
    /// The GCM actions the objective has.
    pub actions_total: usize,
    pub in_plan: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ObjectiveSection {
    pub number: u8,
    pub title: String,
    pub label: String,
    pub paragraph: u8,
    pub priority: &'static str,
    pub coverage: &'static str,
    pub coverage_key: &'static str,
    pub instruments: String,
    pub adopted_actions: Vec<ActionView>,
    pub notes: Option<String>,
    pub measures: Vec<MeasureView>,
    /// Measures set out under another objective that also serve this one.
    pub contributing_measures: Vec<MeasureRef>,
    pub practices: Vec<PracticeView>,
    pub sdg_targets: String,
    pub sdg_default: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ActionView {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MeasureView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub objectives: String,
    pub also_serves: Option<String>,
    pub actions: Vec<ActionView>,
    pub actions_text: String,
    pub lead: Option<String>,
    pub partners: Option<String>,
    pub timeline: Option<String>,
    pub indicator: Option<IndicatorView>,
    pub budget: Option<String>,
    pub funded: bool,
    pub sdg_targets: String,
    pub sdg_default: bool,
    pub ndp_pillar: Option<String>,
    pub builds_on: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorView {
    pub text: String,
    pub baseline: Option<String>,
    pub target: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PracticeView {
    pub id: String,
    pub actors: String,
    pub title: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PartnershipsView {
    pub agreements: Vec<InstrumentView>,
    pub partners: Vec<StakeholderView>,
    pub objective_23: Option<ObjectiveRef>,
    pub cooperation_measures: Vec<MeasureRef>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MeasureRef {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ResourcesView {
    pub summary: Option<String>,
    pub needs: Vec<NeedView>,
    pub budget_by_source: Vec<BudgetLine>,
    pub unfunded: Vec<MeasureRef>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NeedView {
    pub id: String,
    pub title: String,
    pub kind: &'static str,
    pub objectives: String,
    pub support_requested: Option<String>,
    pub requested_from: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BudgetLine {
    pub source: String,
    pub amount: String,
    pub measures: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MonitoringView {
    pub lead: Option<String>,
    pub me_framework: Option<String>,
    pub progress_reports: Option<String>,
    pub midterm_review: Option<i64>,
    pub final_evaluation: Option<i64>,
    pub regional_reporting: bool,
    pub imrf_reporting: bool,
    pub calendar: Vec<Event>,
    pub indicators: Vec<IndicatorRow>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorRow {
    pub measure: String,
    pub title: String,
    pub indicator: String,
    pub baseline: String,
    pub target: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SdgRow {
    pub target: String,
    pub measures: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FindingView {
    pub code: &'static str,
    pub lesson: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AnnexView {
    pub gaps: Vec<MatrixRow>,
    pub practices: Vec<PracticeGroup>,
    pub approaches: Vec<ApproachRow>,
    pub readiness: Vec<SignalView>,
    pub readiness_score: usize,
    pub recommended: &'static str,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PracticeGroup {
    pub number: u8,
    pub label: String,
    pub practices: Vec<PracticeView>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ApproachRow {
    pub key: &'static str,
    pub name: &'static str,
    pub phrase: &'static str,
    pub description: &'static str,
    pub objectives: usize,
    pub measures: usize,
    pub left_undone: usize,
    pub chosen: bool,
    pub recommended: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SignalView {
    pub name: &'static str,
    pub present: bool,
    pub detail: String,
}

pub fn approach_phrase(a: Approach) -> &'static str {
    match a {
        Approach::Systemic => "systemic and robust",
        Approach::Selective => "selective",
        Approach::BusinessAsUsual => "business-as-usual",
    }
}

pub fn approach_description(a: Approach) -> &'static str {
    match a {
        Approach::Systemic => {
            "all 23 objectives, followed through the four-year GCM review cycle, with a whole-of-society approach, investment in capacity and voluntary reporting at regional level"
        }
        Approach::Selective => {
            "the state's existing priorities and national strategies matched to the GCM objectives they serve"
        }
        Approach::BusinessAsUsual => {
            "no new measures: an inventory of what exists, with its gaps made visible"
        }
    }
}

fn approach_view(a: Approach, rationale: Option<String>) -> ApproachView {
    ApproachView {
        key: a.key(),
        name: a.name(),
        phrase: approach_phrase(a),
        description: approach_description(a),
        rationale,
    }
}

fn objective_ref(n: u8, status: Coverage) -> ObjectiveRef {
    let o = reference()
        .objective(n)
        .expect("objective numbers come from the reference");
    ObjectiveRef {
        number: n,
        label: o.label.clone(),
        title: o.title.clone(),
        status: status.name(),
    }
}

fn numbers(ns: impl IntoIterator<Item = u8>) -> String {
    ns.into_iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Formats an amount with thousands separators and no needless decimals.
pub fn format_amount(amount: f64) -> String {
    let rounded = (amount * 100.0).round() / 100.0;
    let whole = rounded.trunc() as i128;
    let cents = ((rounded - rounded.trunc()) * 100.0).round() as i128;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        out.insert(0, '-');
    }
    if cents != 0 {
        out.push_str(&format!(".{:02}", cents.abs()));
    }
    out
}

fn party(a: &Answers, id: &str) -> String {
    a.party_name(id).unwrap_or(id).to_string()
}

fn timeline(m: &Measure) -> Option<String> {
    let show = |d: &crate::answers::DateSpec| d.parse().map(|p| p.to_string()).unwrap_or_default();
    match (&m.start, &m.end) {
        (Some(s), Some(e)) => Some(format!("{} to {}", show(s), show(e))),
        (Some(s), None) => Some(format!("from {}", show(s))),
        (None, Some(e)) => Some(format!("by {}", show(e))),
        (None, None) => None,
    }
}

fn measure_view(a: &Answers, m: &Measure, home: Option<u8>) -> MeasureView {
    let r = reference();
    let objectives = assess::measure_objectives(m);
    let actions: Vec<ActionView> = m
        .actions
        .iter()
        .map(|id| ActionView {
            id: ActionId::parse(id).map_or_else(|| id.clone(), |x| x.canonical()),
            title: r
                .action(id)
                .map(|(_, act)| act.title.clone())
                .unwrap_or_default(),
        })
        .collect();
    let (sdgs, sdg_default) = assess::measure_sdgs(a, m);
    let budget = m.budget.as_ref().and_then(|b| {
        let amount = b.amount.map(|x| match &b.currency {
            Some(c) => format!("{c} {}", format_amount(x)),
            None => format_amount(x),
        });
        match (amount, &b.source) {
            (Some(am), Some(s)) => Some(format!("{am} ({s})")),
            (Some(am), None) => Some(format!("{am} (source to be confirmed)")),
            (None, Some(s)) => Some(format!("Amount to be confirmed ({s})")),
            (None, None) => None,
        }
    });
    let others: Vec<u8> = objectives
        .iter()
        .copied()
        .filter(|n| Some(*n) != home)
        .collect();
    MeasureView {
        id: m.id.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        objectives: numbers(objectives.iter().copied()),
        also_serves: (home.is_some() && !others.is_empty()).then(|| numbers(others)),
        actions_text: actions
            .iter()
            .map(|x| x.id.clone())
            .collect::<Vec<_>>()
            .join(", "),
        actions,
        lead: m.lead.as_deref().map(|l| party(a, l)),
        partners: (!m.partners.is_empty()).then(|| {
            m.partners
                .iter()
                .map(|p| party(a, p))
                .collect::<Vec<_>>()
                .join("; ")
        }),
        timeline: timeline(m),
        indicator: m.indicator.as_ref().map(|i| IndicatorView {
            text: i.text.clone(),
            baseline: i.baseline.clone(),
            target: i.target.clone(),
            source: i.source.clone(),
        }),
        funded: assess::funded(m),
        budget,
        sdg_targets: sdgs.join(", "),
        sdg_default,
        ndp_pillar: m.ndp_pillar.as_ref().map(|p| {
            a.development_plan
                .as_ref()
                .and_then(|d| d.pillars.iter().find(|x| &x.id == p))
                .map_or_else(|| p.clone(), |x| x.name.clone())
        }),
        builds_on: (!m.builds_on.is_empty()).then(|| {
            m.builds_on
                .iter()
                .map(|b| {
                    a.instruments
                        .iter()
                        .find(|i| &i.id == b)
                        .map_or_else(|| b.clone(), |i| i.title.clone())
                })
                .collect::<Vec<_>>()
                .join("; ")
        }),
    }
}

fn instrument_view(i: &crate::answers::Instrument) -> InstrumentView {
    InstrumentView {
        id: i.id.clone(),
        title: i.title.clone(),
        kind: i.kind.name(),
        year: i.year,
        status: i.status.name(),
        objectives: numbers(assess::instrument_objectives(&i.objectives, &i.actions)),
        actions: i
            .actions
            .iter()
            .map(|x| ActionId::parse(x).map_or_else(|| x.clone(), |a| a.canonical()))
            .collect::<Vec<_>>()
            .join(", "),
        owner: i.owner.clone(),
        notes: i.notes.clone(),
    }
}

fn stakeholder_view(s: &crate::answers::Stakeholder) -> StakeholderView {
    StakeholderView {
        id: s.id.clone(),
        name: s.name.clone(),
        kind: s.kind.name(),
        engagement: s.engagement.name(),
        role: s.role.clone(),
    }
}

fn practice_view(p: &crate::reference::Practice) -> PracticeView {
    PracticeView {
        id: p.id.clone(),
        actors: p.actors_text(),
        title: p.title.clone(),
        summary: p.summary.clone(),
    }
}

fn priority_of(a: &Answers, n: u8) -> Option<Priority> {
    a.objective(n).and_then(|o| o.priority)
}

fn priority_name(p: Option<Priority>) -> &'static str {
    p.map_or("Not set", Priority::name)
}

/// Builds the plan for `approach` (the file's own when `None`).
pub fn build(a: &Answers, assessment: &Assessment, approach: Option<Approach>) -> Plan {
    let r = reference();
    let chosen = approach.unwrap_or(a.plan.approach);
    let scope = assessment.scope(chosen);
    let rec = &assessment.recommendation;
    let cov = &assessment.coverage;
    let in_scope = |id: &str| scope.measures.iter().any(|m| m == id);
    let measures: Vec<&Measure> = a.measures.iter().filter(|m| in_scope(&m.id)).collect();

    let profile = (!a.state.migration_profile.is_empty()).then(|| {
        let roles: Vec<String> = a
            .state
            .migration_profile
            .iter()
            .map(|r| format!("{r:?}").to_lowercase())
            .collect();
        format!("a country of {}", join_and(&roles))
    });

    let matrix: Vec<MatrixRow> = cov
        .iter()
        .map(|c| {
            let o = r
                .objective(c.number)
                .expect("coverage rows follow the reference");
            let titles = |ids: &[String]| {
                ids.iter()
                    .map(|id| {
                        a.instruments
                            .iter()
                            .find(|i| &i.id == id)
                            .map_or(id.as_str(), |i| i.title.as_str())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            MatrixRow {
                number: c.number,
                label: o.label.clone(),
                title: o.title.clone(),
                status: c.status.name(),
                status_key: match c.status {
                    Coverage::Covered => "covered",
                    Coverage::Partial => "partial",
                    Coverage::Gap => "gap",
                },
                priority: priority_name(priority_of(a, c.number)),
                instruments: titles(&c.instruments),
                pending: titles(&c.pending),
                actions_served: format!("{} of {}", c.actions_served.len(), c.action_total),
                actions_served_count: c.actions_served.len(),
                actions_total: c.action_total,
                in_plan: scope.objectives.contains(&c.number),
            }
        })
        .collect();

    // The objectives each measure serves, worked out once, not once for
    // every objective.
    let served: HashMap<&str, Vec<u8>> = measures
        .iter()
        .map(|m| (m.id.as_str(), assess::measure_objectives(m)))
        .collect();
    let serves = |m: &Measure| served.get(m.id.as_str()).map_or(&[][..], Vec::as_slice);
    // A measure is set out once, under the first objective it serves that the
    // plan takes up; the other objectives it serves point to it.
    let home = |m: &Measure| {
        serves(m)
            .iter()
            .copied()
            .find(|n| scope.objectives.contains(n))
    };
    let objectives: Vec<ObjectiveSection> = scope
        .objectives
        .iter()
        .map(|&n| {
            let o = r
                .objective(n)
                .expect("scope objectives come from the reference");
            let c = &cov[usize::from(n) - 1];
            let row = &matrix[usize::from(n) - 1];
            let answer = a.objective(n);
            let (sdgs, sdg_default) = assess::objective_sdgs(a, n);
            ObjectiveSection {
                number: n,
                title: o.title.clone(),
                label: o.label.clone(),
                paragraph: o.paragraph,
                priority: priority_name(priority_of(a, n)),
                coverage: c.status.name(),
                coverage_key: row.status_key,
                instruments: row.instruments.clone(),
                adopted_actions: answer
                    .map(|x| {
                        x.actions
                            .iter()
                            .filter_map(|id| r.action(id))
                            .map(|(ob, act)| ActionView {
                                id: format!("{}{}", ob.number, act.letter),
                                title: act.title.clone(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                notes: answer.and_then(|x| x.notes.clone()),
                measures: measures
                    .iter()
                    .filter(|m| home(m) == Some(n))
                    .map(|m| measure_view(a, m, Some(n)))
                    .collect(),
                contributing_measures: measures
                    .iter()
                    .filter(|m| home(m) != Some(n) && serves(m).contains(&n))
                    .map(|m| MeasureRef {
                        id: m.id.clone(),
                        title: m.title.clone(),
                    })
                    .collect(),
                practices: r.practices_for(n).map(practice_view).collect(),
                sdg_targets: sdgs.join(", "),
                sdg_default,
            }
        })
        .collect();

    let mut budget_lines: Vec<(String, String, f64, usize)> = Vec::new();
    for m in &measures {
        if let Some(b) = &m.budget
            && let Some(amount) = b.amount
        {
            let source = b
                .source
                .clone()
                .unwrap_or_else(|| "Source to be confirmed".into());
            let currency = b.currency.clone().unwrap_or_default();
            match budget_lines
                .iter_mut()
                .find(|l| l.0 == source && l.1 == currency)
            {
                Some(l) => {
                    l.2 += amount;
                    l.3 += 1;
                }
                None => budget_lines.push((source, currency, amount, 1)),
            }
        }
    }
    let mut totals: Vec<(String, f64)> = Vec::new();
    for (_, cur, amount, _) in &budget_lines {
        match totals.iter_mut().find(|t| &t.0 == cur) {
            Some(t) => t.1 += amount,
            None => totals.push((cur.clone(), *amount)),
        }
    }
    let money = |cur: &str, x: f64| {
        if cur.is_empty() {
            format_amount(x)
        } else {
            format!("{cur} {}", format_amount(x))
        }
    };

    let engaged_society: Vec<&crate::answers::Stakeholder> = a
        .stakeholders
        .iter()
        .filter(|s| !s.kind.is_international())
        .collect();
    let society: Vec<StakeholderGroup> = StakeholderKind::ALL
        .iter()
        .filter(|k| !k.is_international())
        .filter_map(|k| {
            let members: Vec<StakeholderView> = engaged_society
                .iter()
                .filter(|s| s.kind == *k)
                .map(|s| stakeholder_view(s))
                .collect();
            (!members.is_empty()).then_some(StakeholderGroup {
                kind: k.name(),
                members,
            })
        })
        .collect();

    let leads_of = |id: &str| {
        measures
            .iter()
            .filter(|m| m.lead.as_deref() == Some(id))
            .map(|m| m.id.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };

    let findings: Vec<&Finding> = assessment.findings.iter().collect();
    let status_of = |n: u8| cov[usize::from(n) - 1].status;

    let annex_practices: Vec<PracticeGroup> = {
        let focus: Vec<u8> = if chosen == Approach::Systemic {
            (1..=23)
                .filter(|n| matches!(priority_of(a, *n), Some(Priority::High)))
                .collect()
        } else {
            scope.objectives.clone()
        };
        let focus = if focus.is_empty() {
            scope.objectives.clone()
        } else {
            focus
        };
        focus
            .iter()
            .filter_map(|&n| {
                let practices: Vec<PracticeView> = r.practices_for(n).map(practice_view).collect();
                (!practices.is_empty()).then(|| PracticeGroup {
                    number: n,
                    label: r.objective(n).map(|o| o.label.clone()).unwrap_or_default(),
                    practices,
                })
            })
            .collect()
    };

    Plan {
        format_version: PLAN_FORMAT_VERSION,
        generator: format!("gcmplan {}", env!("CARGO_PKG_VERSION")),
        title: a.plan.title.clone().unwrap_or_else(|| {
            "National Implementation Plan for the Global Compact for Safe, Orderly and Regular Migration".into()
        }),
        state: StateView {
            name: a.state.name.clone(),
            iso_code: a.state.iso_code.clone(),
            lead_agency: a.state.lead_agency.clone(),
            profile,
            context: a.state.context.clone(),
        },
        revision: a.revision.as_ref().map(|rv| RevisionView {
            number: rv.number,
            date: rv.date.clone(),
            note: rv.note.clone(),
        }),
        revisions: a
            .revision
            .as_ref()
            .map(|rv| {
                let mut all: Vec<RevisionView> = rv
                    .history
                    .iter()
                    .map(|h| RevisionView {
                        number: h.number,
                        date: h.date.clone(),
                        note: h.note.clone(),
                    })
                    .collect();
                all.sort_by_key(|h| h.number);
                all.push(RevisionView {
                    number: rv.number,
                    date: rv.date.clone(),
                    note: rv.note.clone(),
                });
                all
            })
            .unwrap_or_default(),
        period: format!("{}-{}", a.plan.start_year, a.plan.end_year),
        start_year: a.plan.start_year,
        end_year: a.plan.end_year,
        approach: approach_view(
            chosen,
            (chosen == a.plan.approach).then(|| a.plan.rationale.clone()).flatten(),
        ),
        file_approach: (chosen != a.plan.approach)
            .then(|| approach_view(a.plan.approach, a.plan.rationale.clone())),
        is_systemic: chosen == Approach::Systemic,
        is_selective: chosen == Approach::Selective,
        is_business_as_usual: chosen == Approach::BusinessAsUsual,
        route: RouteView {
            key: match a.plan.route {
                Route::Dedicated => "dedicated",
                Route::Integrated => "integrated",
            },
            name: match a.plan.route {
                Route::Dedicated => "A dedicated national implementation plan",
                Route::Integrated => "Integration into existing national plans",
            },
            integrated_into: a
                .plan
                .integrated_into
                .clone()
                .or_else(|| {
                    (a.plan.route == Route::Integrated)
                        .then(|| a.development_plan.as_ref().map(|d| d.name.clone()))
                        .flatten()
                }),
        },
        development_plan: a.development_plan.as_ref().map(|d| DevelopmentPlanView {
            name: d.name.clone(),
            period: match (d.start_year, d.end_year) {
                (Some(s), Some(e)) => Some(format!("{s}-{e}")),
                _ => None,
            },
            pillars: d
                .pillars
                .iter()
                .map(|p| {
                    let ms: Vec<String> = measures
                        .iter()
                        .filter(|m| m.ndp_pillar.as_deref() == Some(p.id.as_str()))
                        .map(|m| m.id.clone())
                        .collect();
                    PillarView {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        measure_count: ms.len(),
                        measures: ms.join(", "),
                    }
                })
                .collect(),
        }),
        summary: SummaryView {
            objectives_in_plan: scope.objectives.len(),
            measures: measures.len(),
            covered: cov.iter().filter(|c| c.status == Coverage::Covered).count(),
            partial: cov.iter().filter(|c| c.status == Coverage::Partial).count(),
            gap: cov.iter().filter(|c| c.status == Coverage::Gap).count(),
            instruments: a.instruments.len(),
            high_priorities: (1..=23)
                .filter(|n| priority_of(a, *n) == Some(Priority::High))
                .map(|n| objective_ref(n, status_of(n)))
                .collect(),
            budget: totals.iter().map(|(c, x)| money(c, *x)).collect(),
            recommended: rec.approach.name(),
            recommended_phrase: approach_phrase(rec.approach),
            follows_recommendation: rec.approach == chosen,
            file_follows_recommendation: rec.approach == a.plan.approach,
            findings: findings.len(),
        },
        principles: r
            .principles
            .iter()
            .zip(&assessment.principles)
            .map(|(p, s)| PrincipleView {
                reference: p.reference.clone(),
                name: p.name.clone(),
                summary: p.summary.clone(),
                commitment: a.principles.get(&p.key).cloned(),
                evidence: s.evidence.clone(),
            })
            .collect(),
        governance: GovernanceView {
            coordination: a.governance.coordination.as_ref().map(|c| CoordinationView {
                name: c.name.clone(),
                chair: c.chair.as_deref().map(|x| party(a, x)),
                established: c.established,
                meets: c.meets.clone(),
                mandate: c.mandate.clone(),
            }),
            ministries: a
                .governance
                .ministries
                .iter()
                .map(|m| MinistryView {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    role: m.role.clone(),
                    leads: leads_of(&m.id),
                })
                .collect(),
            local_coordination: a.governance.local_coordination.clone(),
            has_local_authorities: a.stakeholders.iter().any(|s| {
                s.engagement.is_engaged()
                    && matches!(s.kind, StakeholderKind::LocalAuthority | StakeholderKind::RegionalAuthority)
            }),
            society,
        },
        instruments: a.instruments.iter().map(instrument_view).collect(),
        objectives,
        measure_count: measures.len(),
        left_undone: scope.left_undone.iter().map(|&n| objective_ref(n, status_of(n))).collect(),
        partnerships: PartnershipsView {
            agreements: a.instruments.iter().filter(|i| i.kind.is_agreement()).map(instrument_view).collect(),
            partners: a
                .stakeholders
                .iter()
                .filter(|s| s.kind.is_international())
                .map(stakeholder_view)
                .collect(),
            objective_23: scope.objectives.contains(&23).then(|| objective_ref(23, status_of(23))),
            cooperation_measures: measures
                .iter()
                .filter(|m| assess::measure_objectives(m).contains(&23))
                .map(|m| MeasureRef { id: m.id.clone(), title: m.title.clone() })
                .collect(),
        },
        resources: ResourcesView {
            summary: a.resources.summary.clone(),
            needs: a
                .resources
                .needs
                .iter()
                .map(|n| NeedView {
                    id: n.id.clone(),
                    title: n.title.clone(),
                    kind: n.kind.name(),
                    objectives: numbers(n.objectives.iter().filter_map(|x| u8::try_from(*x).ok())),
                    support_requested: n.support_requested.clone(),
                    requested_from: n.requested_from.clone(),
                })
                .collect(),
            budget_by_source: budget_lines
                .iter()
                .map(|(s, c, x, n)| BudgetLine { source: s.clone(), amount: money(c, *x), measures: *n })
                .collect(),
            unfunded: measures
                .iter()
                .filter(|m| !assess::funded(m))
                .map(|m| MeasureRef { id: m.id.clone(), title: m.title.clone() })
                .collect(),
        },
        monitoring: MonitoringView {
            lead: a.review.lead.as_deref().map(|l| party(a, l)),
            me_framework: a.review.me_framework.clone(),
            progress_reports: a.review.progress_reports.clone(),
            midterm_review: a.review.midterm_review,
            final_evaluation: a.review.final_evaluation,
            regional_reporting: a.review.regional_reporting,
            imrf_reporting: a.review.imrf_reporting,
            calendar: calendar::milestones(
                a.plan.start_year,
                a.plan.end_year,
                &calendar::Commitments {
                    regional_reporting: a.review.regional_reporting,
                    imrf_reporting: a.review.imrf_reporting,
                    progress_reports: a.review.progress_reports.clone(),
                    midterm_review: a.review.midterm_review,
                    final_evaluation: a.review.final_evaluation,
                },
            ),
            indicators: measures
                .iter()
                .filter_map(|m| {
                    m.indicator.as_ref().map(|i| IndicatorRow {
                        measure: m.id.clone(),
                        title: m.title.clone(),
                        indicator: i.text.clone(),
                        baseline: i.baseline.clone().unwrap_or_else(|| "To be set".into()),
                        target: i.target.clone().unwrap_or_else(|| "To be set".into()),
                        source: i.source.clone().unwrap_or_else(|| "To be set".into()),
                    })
                })
                .collect(),
        },
        sdg_targets: assess::sdg_targets_served(a, &scope.measures)
            .into_iter()
            .map(|(t, ms)| SdgRow { target: t, measures: ms.join(", ") })
            .collect(),
        findings: findings
            .iter()
            // Backticks mark ids in the terminal; in a document, quotes do.
            .map(|f| FindingView { code: f.code, lesson: f.lesson, message: f.message.replace('`', "\"") })
            .collect(),
        annex: AnnexView {
            gaps: matrix.iter().filter(|m| m.status_key != "covered").cloned().collect(),
            practices: annex_practices,
            approaches: assessment
                .scopes
                .iter()
                .map(|s| ApproachRow {
                    key: s.approach.key(),
                    name: s.approach.name(),
                    phrase: approach_phrase(s.approach),
                    description: approach_description(s.approach),
                    objectives: s.objectives.len(),
                    measures: s.measures.len(),
                    left_undone: s.left_undone.len(),
                    chosen: s.approach == chosen,
                    recommended: s.approach == rec.approach,
                })
                .collect(),
            readiness: rec
                .signals
                .iter()
                .map(|s| SignalView { name: s.name, present: s.present, detail: s.detail.clone() })
                .collect(),
            readiness_score: rec.score,
            recommended: rec.approach.name(),
            reasons: rec.reasons.clone(),
        },
        matrix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_like_budget_lines() {
        assert_eq!(format_amount(1_250_000.0), "1,250,000");
        assert_eq!(format_amount(999.0), "999");
        assert_eq!(format_amount(1000.5), "1,000.50");
        assert_eq!(format_amount(0.0), "0");
    }
}
