//! The answers file: everything a state told gcmplan, and nothing derived.
//!
//! Format 1 is TOML. Every list item that a reviewer or `gcmplan diff` must
//! follow across revisions carries a stable `id`. The types here are the single
//! source of truth for the format: the structural check (`crate::schema_check`)
//! walks the JSON Schema derived from them, so a new field needs no second
//! declaration.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The answers format this build reads and writes.
pub const FORMAT: i64 = 1;

/// A whole answers file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Answers format version; this build reads format 1.
    pub format: i64,
    /// Which revision of the plan these answers describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<Revision>,
    /// The state drafting the plan.
    pub state: State,
    /// The plan's period, approach and route.
    pub plan: PlanChoice,
    /// The national development plan the GCM plan dovetails with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub development_plan: Option<DevelopmentPlan>,
    /// Laws, policies, agreements, programmes and institutions that already exist.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instruments: Vec<Instrument>,
    /// Answers per GCM objective, keyed by objective number ("1" to "23").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub objectives: BTreeMap<String, ObjectiveAnswer>,
    /// New or scaled-up measures the plan commits to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Whole-of-government coordination.
    #[serde(default)]
    pub governance: Governance,
    /// Whole-of-society partners, from civil society to cities and parliament.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stakeholders: Vec<Stakeholder>,
    /// How the state upholds each guiding principle, keyed by principle
    /// (people-centred, international-cooperation, national-sovereignty,
    /// rule-of-law, sustainable-development, human-rights, gender-responsive,
    /// child-sensitive, whole-of-government, whole-of-society).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub principles: BTreeMap<String, String>,
    /// Capacity and resource needs, and the support requested.
    #[serde(default)]
    pub resources: Resources,
    /// Monitoring, evaluation, review and reporting commitments.
    #[serde(default)]
    pub review: Review,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// Revision number: 1 for the first circulated draft.
    pub number: i64,
    /// Date of the revision, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What this revision changed, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Earlier revisions, for the plan's table of revisions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastRevision>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PastRevision {
    pub number: i64,
    /// Date of that revision, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What that revision changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct State {
    /// The state's name as it should appear on the plan.
    pub name: String,
    /// ISO 3166-1 alpha-3 code, e.g. "PHL".
    pub iso_code: String,
    /// The ministry or agency that leads the plan.
    pub lead_agency: String,
    /// Roles the state plays in migration: origin, transit, destination, return.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migration_profile: Vec<MigrationRole>,
    /// A short description of the migration context, in plain prose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum MigrationRole {
    Origin,
    Transit,
    Destination,
    Return,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanChoice {
    /// Title of the plan; a standard title is used when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// First year the plan covers.
    pub start_year: i64,
    /// Last year the plan covers.
    pub end_year: i64,
    /// systemic, selective or business-as-usual.
    pub approach: Approach,
    /// Why the state chose this approach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// dedicated (a plan of its own) or integrated (into existing plans).
    pub route: Route,
    /// For the integrated route: the plan or strategy the GCM is built into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrated_into: Option<String>,
}

/// The three ways of implementing the GCM heard at the 2019 GFMD workshop.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Approach {
    Systemic,
    Selective,
    BusinessAsUsual,
}

impl Approach {
    pub const ALL: [Approach; 3] = [
        Approach::Systemic,
        Approach::Selective,
        Approach::BusinessAsUsual,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Approach::Systemic => "systemic",
            Approach::Selective => "selective",
            Approach::BusinessAsUsual => "business-as-usual",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Approach::Systemic => "Systemic and robust",
            Approach::Selective => "Selective",
            Approach::BusinessAsUsual => "Business as usual",
        }
    }
}

impl fmt::Display for Approach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Route {
    /// A national implementation plan of its own.
    Dedicated,
    /// GCM implementation built into existing plans, such as the development plan.
    Integrated,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DevelopmentPlan {
    /// Name of the national development plan.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_year: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_year: Option<i64>,
    /// Pillars, chapters or goals of the development plan that measures link to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pillars: Vec<Pillar>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub title: String,
    pub kind: InstrumentKind,
    /// Year adopted or signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    pub status: InstrumentStatus,
    /// GCM objectives (1-23) the instrument serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<i64>,
    /// GCM actions it serves, e.g. "6c".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// The body responsible for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    Law,
    Policy,
    Strategy,
    BilateralAgreement,
    RegionalAgreement,
    Mou,
    Programme,
    Institution,
    Other,
}

impl InstrumentKind {
    pub fn name(self) -> &'static str {
        match self {
            InstrumentKind::Law => "Law",
            InstrumentKind::Policy => "Policy",
            InstrumentKind::Strategy => "Strategy",
            InstrumentKind::BilateralAgreement => "Bilateral agreement",
            InstrumentKind::RegionalAgreement => "Regional agreement",
            InstrumentKind::Mou => "Memorandum of understanding",
            InstrumentKind::Programme => "Programme",
            InstrumentKind::Institution => "Institution",
            InstrumentKind::Other => "Other",
        }
    }

    /// Agreements with other states or regional bodies: the plan's partnerships.
    pub fn is_agreement(self) -> bool {
        matches!(
            self,
            InstrumentKind::BilateralAgreement
                | InstrumentKind::RegionalAgreement
                | InstrumentKind::Mou
        )
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentStatus {
    /// In force, running or operating.
    InForce,
    /// In force and being reviewed.
    UnderReview,
    /// Drafted, not yet adopted.
    Draft,
    /// Announced or planned.
    Planned,
    /// No longer in force.
    Lapsed,
}

impl InstrumentStatus {
    pub fn name(self) -> &'static str {
        match self {
            InstrumentStatus::InForce => "In force",
            InstrumentStatus::UnderReview => "Under review",
            InstrumentStatus::Draft => "Draft",
            InstrumentStatus::Planned => "Planned",
            InstrumentStatus::Lapsed => "Lapsed",
        }
    }

    /// Whether the instrument counts towards coverage today.
    pub fn is_operative(self) -> bool {
        matches!(
            self,
            InstrumentStatus::InForce | InstrumentStatus::UnderReview
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveAnswer {
    /// high, medium, low or not-now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// GCM actions from this objective's menu that the state adopts, e.g. "5a".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// SDG targets for this objective, replacing gcmplan's default links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdg_targets: Option<Vec<String>>,
    /// Notes on the national situation for this objective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    High,
    Medium,
    Low,
    NotNow,
}

impl Priority {
    pub fn name(self) -> &'static str {
        match self {
            Priority::High => "High",
            Priority::Medium => "Medium",
            Priority::Low => "Low",
            Priority::NotNow => "Not now",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// GCM actions the measure implements, e.g. ["6c", "6f"].
    pub actions: Vec<String>,
    /// Id of the lead ministry (under [governance]) or stakeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Ids of partner ministries or stakeholders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partners: Vec<String>,
    /// Start: a year (2025) or "YYYY-MM" or "YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<DateSpec>,
    /// End: a year (2027) or "YYYY-MM" or "YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<DateSpec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Indicator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget: Option<Budget>,
    /// SDG targets, e.g. ["8.8", "10.7"]; the objectives' defaults when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg_targets: Vec<String>,
    /// Id of the development plan pillar the measure serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ndp_pillar: Option<String>,
    /// Ids of existing instruments the measure builds on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub builds_on: Vec<String>,
}

/// A date as people write it in plans: a year, a month or a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum DateSpec {
    Year(i64),
    Text(String),
}

/// A parsed [`DateSpec`], ordered so that a year sorts before its months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i64,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// The first and last day the date can stand for, as (year, month, day).
    pub fn first_day(self) -> (i64, u32, u32) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }
    pub fn last_day(self) -> (i64, u32, u32) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl DateSpec {
    /// Parses the date, or says what is wrong with it.
    pub fn parse(&self) -> Result<PartialDate, String> {
        match self {
            DateSpec::Year(y) => check_year(*y).map(|year| PartialDate {
                year,
                month: None,
                day: None,
            }),
            DateSpec::Text(text) => parse_date_text(text),
        }
    }
}

fn check_year(y: i64) -> Result<i64, String> {
    if (1900..=2100).contains(&y) {
        Ok(y)
    } else {
        Err(format!("year {y} is outside 1900-2100"))
    }
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".
pub fn parse_date_text(text: &str) -> Result<PartialDate, String> {
    let bad =
        || format!("`{text}` is not a date; write a year (2026), \"2026-03\" or \"2026-03-31\"");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str, len: usize| -> Option<i64> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)?;
    let year = check_year(year)?;
    let month = match parts.get(1) {
        None => None,
        Some(p) => {
            let m = num(p, 2).ok_or_else(bad)?;
            if !(1..=12).contains(&m) {
                return Err(format!("`{text}` has month {m}; months run from 01 to 12"));
            }
            Some(m as u32)
        }
    };
    let day = match parts.get(2) {
        None => None,
        Some(p) => {
            let d = num(p, 2).ok_or_else(bad)?;
            let max = days_in_month(year, month.unwrap_or(1));
            if d < 1 || d > i64::from(max) {
                return Err(format!("`{text}` has day {d}; that month has {max} days"));
            }
            Some(d as u32)
        }
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    Ok(PartialDate { year, month, day })
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// What is measured.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Where the figure comes from (means of verification).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// ISO 4217 currency code, e.g. "USD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Funding source, e.g. "National budget" or "Migration MPTF".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Governance {
    /// The national coordination mechanism on migration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordination: Option<Coordination>,
    /// Ministries and agencies taking part, each with its role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ministries: Vec<Ministry>,
    /// How cities, municipalities and regions take part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_coordination: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coordination {
    pub name: String,
    /// Id of the ministry that chairs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<i64>,
    /// How often it meets, e.g. "quarterly".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meets: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ministry {
    pub id: String,
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub kind: StakeholderKind,
    /// coordination-member, implementing-partner, consulted or to-engage.
    pub engagement: Engagement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum StakeholderKind {
    CivilSociety,
    MigrantOrganisation,
    Diaspora,
    PrivateSector,
    Employers,
    TradeUnion,
    Academia,
    LocalAuthority,
    RegionalAuthority,
    Parliament,
    Nhri,
    Media,
    InternationalOrganisation,
    PartnerState,
    RegionalBody,
}

impl StakeholderKind {
    pub const ALL: [StakeholderKind; 15] = [
        StakeholderKind::CivilSociety,
        StakeholderKind::MigrantOrganisation,
        StakeholderKind::Diaspora,
        StakeholderKind::PrivateSector,
        StakeholderKind::Employers,
        StakeholderKind::TradeUnion,
        StakeholderKind::Academia,
        StakeholderKind::LocalAuthority,
        StakeholderKind::RegionalAuthority,
        StakeholderKind::Parliament,
        StakeholderKind::Nhri,
        StakeholderKind::Media,
        StakeholderKind::InternationalOrganisation,
        StakeholderKind::PartnerState,
        StakeholderKind::RegionalBody,
    ];

    pub fn name(self) -> &'static str {
        match self {
            StakeholderKind::CivilSociety => "Civil society",
            StakeholderKind::MigrantOrganisation => "Migrants' organisation",
            StakeholderKind::Diaspora => "Diaspora organisation",
            StakeholderKind::PrivateSector => "Private sector",
            StakeholderKind::Employers => "Employers",
            StakeholderKind::TradeUnion => "Trade union",
            StakeholderKind::Academia => "Academia",
            StakeholderKind::LocalAuthority => "Local authority",
            StakeholderKind::RegionalAuthority => "Regional authority",
            StakeholderKind::Parliament => "Parliament",
            StakeholderKind::Nhri => "National human rights institution",
            StakeholderKind::Media => "Media",
            StakeholderKind::InternationalOrganisation => "International organisation",
            StakeholderKind::PartnerState => "Partner state",
            StakeholderKind::RegionalBody => "Regional body",
        }
    }

    /// Partners outside the state: they belong under international cooperation.
    pub fn is_international(self) -> bool {
        matches!(
            self,
            StakeholderKind::InternationalOrganisation
                | StakeholderKind::PartnerState
                | StakeholderKind::RegionalBody
        )
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Engagement {
    /// Sits on the coordination mechanism.
    CoordinationMember,
    /// Implements measures.
    ImplementingPartner,
    /// Consulted in drafting.
    Consulted,
    /// Not yet engaged.
    ToEngage,
}

impl Engagement {
    pub fn name(self) -> &'static str {
        match self {
            Engagement::CoordinationMember => "Member of the coordination mechanism",
            Engagement::ImplementingPartner => "Implementing partner",
            Engagement::Consulted => "Consulted",
            Engagement::ToEngage => "To be engaged",
        }
    }

    pub fn is_engaged(self) -> bool {
        !matches!(self, Engagement::ToEngage)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    /// How the plan is financed overall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Need {
    pub id: String,
    pub title: String,
    /// technical, financial, data, training or institutional.
    pub kind: NeedKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<i64>,
    /// The support the state asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_requested: Option<String>,
    /// Whom it asks, e.g. "UN Network on Migration".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_from: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum NeedKind {
    Technical,
    Financial,
    Data,
    Training,
    Institutional,
}

impl NeedKind {
    pub fn name(self) -> &'static str {
        match self {
            NeedKind::Technical => "Technical",
            NeedKind::Financial => "Financial",
            NeedKind::Data => "Data",
            NeedKind::Training => "Training",
            NeedKind::Institutional => "Institutional",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Id of the ministry that leads monitoring and review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// How monitoring works: indicators, data sources, who reports to whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me_framework: Option<String>,
    /// How often progress reports are made, e.g. "annual".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_reports: Option<String>,
    /// Year of the mid-term review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midterm_review: Option<i64>,
    /// Year of the final evaluation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_evaluation: Option<i64>,
    /// Whether the state reports voluntarily to the regional reviews.
    #[serde(default)]
    pub regional_reporting: bool,
    /// Whether the state reports to the International Migration Review Forum.
    #[serde(default)]
    pub imrf_reporting: bool,
}

impl Answers {
    /// The answers for objective `n`, if the file has any.
    pub fn objective(&self, n: u8) -> Option<&ObjectiveAnswer> {
        self.objectives.get(&n.to_string())
    }

    /// The display name of a ministry or stakeholder id, if it is declared.
    pub fn party_name(&self, id: &str) -> Option<&str> {
        self.governance
            .ministries
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.as_str())
            .or_else(|| {
                self.stakeholders
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.name.as_str())
            })
    }

    pub fn stakeholder(&self, id: &str) -> Option<&Stakeholder> {
        self.stakeholders.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_at_three_precisions() {
        assert_eq!(
            parse_date_text("2026").unwrap(),
            PartialDate {
                year: 2026,
                month: None,
                day: None
            }
        );
        assert_eq!(parse_date_text("2026-03").unwrap().month, Some(3));
        assert_eq!(parse_date_text("2028-02-29").unwrap().day, Some(29));
        assert!(
            parse_date_text("2027-02-29")
                .unwrap_err()
                .contains("28 days")
        );
        assert!(
            parse_date_text("2026-13")
                .unwrap_err()
                .contains("months run")
        );
        assert!(parse_date_text("March 2026").is_err());
        assert!(DateSpec::Year(26).parse().is_err());
    }

    #[test]
    fn a_year_ends_after_its_months_begin() {
        let y = parse_date_text("2026").unwrap();
        let m = parse_date_text("2026-06").unwrap();
        assert!(y.last_day() > m.first_day());
        assert!(y.first_day() <= m.first_day());
    }
}
