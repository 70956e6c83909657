//! The GCM review calendar, computed for any plan period.
//!
//! The International Migration Review Forum meets every four years from 2022
//! (paragraph 49); regional reviews take place in the years between Forums,
//! from 2020 (paragraph 50), so rounds fall in 2020-21, 2024-25, 2028-29 and
//! so on. Nothing here is tied to one cycle.

use serde::Serialize;

pub const FIRST_FORUM: i64 = 2022;
pub const FIRST_REGIONAL_ROUND: i64 = 2020;
pub const CYCLE_YEARS: i64 = 4;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Event {
    pub year: i64,
    /// "forum", "regional" or "national".
    pub kind: &'static str,
    pub title: String,
    /// What the state does for it.
    pub action: String,
}

/// Forum years from `from` to `to`, inclusive.
pub fn forum_years(from: i64, to: i64) -> Vec<i64> {
    (from..=to)
        .filter(|y| *y >= FIRST_FORUM && (y - FIRST_FORUM) % CYCLE_YEARS == 0)
        .collect()
}

/// The first Forum in or after `year`.
pub fn next_forum(year: i64) -> i64 {
    if year <= FIRST_FORUM {
        return FIRST_FORUM;
    }
    let k = (year - FIRST_FORUM + CYCLE_YEARS - 1) / CYCLE_YEARS;
    FIRST_FORUM + k * CYCLE_YEARS
}

/// The regional review round a year belongs to (1 for 2020-21), if any.
pub fn regional_round(year: i64) -> Option<i64> {
    if year < FIRST_REGIONAL_ROUND {
        return None;
    }
    let offset = (year - FIRST_REGIONAL_ROUND) % CYCLE_YEARS;
    (offset < 2).then(|| (year - FIRST_REGIONAL_ROUND) / CYCLE_YEARS + 1)
}

pub struct Commitments {
    pub regional_reporting: bool,
    pub imrf_reporting: bool,
    pub progress_reports: Option<String>,
    pub midterm_review: Option<i64>,
    pub final_evaluation: Option<i64>,
}

/// The review milestones for a plan running from `start` to `end`, plus the
/// first Forum after the plan ends, in date order.
pub fn milestones(start: i64, end: i64, c: &Commitments) -> Vec<Event> {
    let mut events = Vec::new();
    let last = next_forum(end + 1).max(end);
    for year in start..=last {
        if let Some(round) = regional_round(year) {
            // A round spans two years; name it once, in its first year in range.
            if year == start || regional_round(year - 1) != Some(round) {
                let first = FIRST_REGIONAL_ROUND + (round - 1) * CYCLE_YEARS;
                let years = format!("{first}-{:02}", (first + 1) % 100);
                events.push(Event {
                    year,
                    kind: "regional",
                    title: format!("Regional review of the GCM, round {round} ({years})"),
                    action: if c.regional_reporting {
                        "Submit a voluntary national review and take part in the regional review"
                            .into()
                    } else {
                        "Follow the regional review; voluntary reporting is not yet committed"
                            .into()
                    },
                });
            }
        }
        if forum_years(year, year).contains(&year) {
            events.push(Event {
                year,
                kind: "forum",
                title: format!("International Migration Review Forum {year}"),
                action: if c.imrf_reporting {
                    "Report national progress to the Forum and join its round tables".into()
                } else {
                    "Follow the Forum; national reporting is not yet committed".into()
                },
            });
        }
        if year <= end {
            let reports = c.progress_reports.as_deref().unwrap_or("").to_lowercase();
            if reports.contains("annual") && year > start {
                events.push(Event {
                    year,
                    kind: "national",
                    title: format!("National progress report on {}", year - 1),
                    action: "Coordination mechanism reviews progress on every measure".into(),
                });
            }
            if c.midterm_review == Some(year) {
                events.push(Event {
                    year,
                    kind: "national",
                    title: "Mid-term review of the plan".into(),
                    action: "Inclusive review with all stakeholders; adjust measures and targets"
                        .into(),
                });
            }
        }
        if c.final_evaluation == Some(year) {
            events.push(Event {
                year,
                kind: "national",
                title: "Final evaluation of the plan".into(),
                action: "Independent evaluation feeding the next plan".into(),
            });
        }
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Commitments {
        Commitments {
            regional_reporting: true,
            imrf_reporting: true,
            progress_reports: None,
            midterm_review: None,
            final_evaluation: None,
        }
    }

    #[test]
    fn forums_every_four_years_from_2022() {
        assert_eq!(forum_years(2020, 2035), vec![2022, 2026, 2030, 2034]);
        assert_eq!(next_forum(2027), 2030);
        assert_eq!(next_forum(2026), 2026);
        assert_eq!(next_forum(2010), 2022);
    }

    #[test]
    fn regional_rounds_fall_between_forums() {
        assert_eq!(regional_round(2020), Some(1));
        assert_eq!(regional_round(2021), Some(1));
        assert_eq!(regional_round(2022), None);
        assert_eq!(regional_round(2024), Some(2));
        assert_eq!(regional_round(2028), Some(3));
        assert_eq!(regional_round(2029), Some(3));
        assert_eq!(regional_round(2031), None);
    }

    #[test]
    fn a_2027_2031_plan_sees_round_three_and_the_2030_forum() {
        let events = milestones(2027, 2031, &none());
        let titles: Vec<&str> = events.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "Regional review of the GCM, round 3 (2028-29)",
                "International Migration Review Forum 2030",
                "Regional review of the GCM, round 4 (2032-33)",
                "International Migration Review Forum 2034",
            ]
        );
    }

    #[test]
    fn national_milestones_follow_the_commitments() {
        let c = Commitments {
            progress_reports: Some("annual".into()),
            midterm_review: Some(2026),
            final_evaluation: Some(2029),
            regional_reporting: false,
            ..none()
        };
        let events = milestones(2025, 2028, &c);
        assert!(
            events
                .iter()
                .any(|e| e.title == "Mid-term review of the plan" && e.year == 2026)
        );
        assert!(
            events
                .iter()
                .any(|e| e.title == "Final evaluation of the plan" && e.year == 2029)
        );
        assert_eq!(
            events
                .iter()
                .filter(|e| e.title.starts_with("National progress"))
                .count(),
            3
        );
        let regional = events.iter().find(|e| e.kind == "regional").unwrap();
        assert!(regional.action.contains("not yet committed"));
        // A plan starting in the second year of a round still shows that round.
        assert_eq!(
            regional.title,
            "Regional review of the GCM, round 2 (2024-25)"
        );
        assert!(
            events
                .iter()
                .any(|e| e.title == "Regional review of the GCM, round 3 (2028-29)")
        );
        let starts_mid = milestones(2025, 2026, &none());
        assert_eq!(
            starts_mid[0].title,
            "Regional review of the GCM, round 2 (2024-25)"
        );
    }
}
