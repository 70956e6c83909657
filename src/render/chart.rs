//! The coverage chart of the HTML plan, as coordinates: one bar per
//! objective, its height the share of the objective's GCM actions that
//! instruments in force serve, its colour the coverage status, and a marker
//! below it for the priority the Government gives the objective. The template
//! (`plan-templates/html/chart.hbs`) only places these numbers in SVG
//! elements. Coordinates are whole SVG units, so the page is the same on
//! every machine.

use serde::Serialize;

use crate::plan::{MatrixRow, Plan};

const WIDTH: u32 = 760;
const HEIGHT: u32 = 228;
/// Left edge of the plot; the tick labels and row labels sit to its left.
const PLOT_LEFT: u32 = 70;
const PLOT_TOP: u32 = 14;
const PLOT_HEIGHT: u32 = 160;
/// The width given to each objective, and the bar inside it.
const SLOT: u32 = 29;
const BAR: u32 = 19;
/// A bar never disappears: a gap shows as a stub on the axis.
const MIN_BAR: u32 = 3;
const NUMBER_Y: u32 = PLOT_TOP + PLOT_HEIGHT + 18;
const PRIORITY_Y: u32 = NUMBER_Y + 20;
const MARKER_RADIUS: u32 = 6;

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub width: u32,
    pub height: u32,
    /// For screen readers: what the picture shows, in words.
    pub description: String,
    pub ticks: Vec<Tick>,
    /// The 50% line: from there an objective counts as covered.
    pub threshold: HLine,
    pub axis: HLine,
    /// Right edge of the row labels ("Objective", "Priority").
    pub side_x: u32,
    pub number_label_y: u32,
    pub priority_label_y: u32,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Tick {
    pub y: u32,
    pub x1: u32,
    pub x2: u32,
    pub label: String,
    pub label_x: u32,
    pub label_y: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct HLine {
    pub x1: u32,
    pub x2: u32,
    pub y: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub number: u8,
    pub status_key: &'static str,
    /// "high", "medium", "low", "not-now" or "unset": a CSS class suffix.
    pub priority_key: &'static str,
    pub in_plan: bool,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
    /// The centre of the slot, for the number and the priority marker.
    pub cx: u32,
    pub number_y: u32,
    pub priority_y: u32,
    pub marker_radius: u32,
    /// Shown on hover and read by screen readers.
    pub tooltip: String,
}

/// One row of the table of objectives by priority and coverage.
#[derive(Debug, Clone, Serialize)]
pub struct PriorityRow {
    pub name: &'static str,
    pub covered: Cell,
    pub partial: Cell,
    pub gap: Cell,
    pub total: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Cell {
    pub count: usize,
    /// The objective numbers, "3, 7, 12".
    pub objectives: String,
}

/// The priority names the plan uses, in the order the table lists them,
/// with their CSS keys.
const PRIORITIES: [(&str, &str); 5] = [
    ("High", "high"),
    ("Medium", "medium"),
    ("Low", "low"),
    ("Not now", "not-now"),
    ("Not set", "unset"),
];

fn priority_key(name: &str) -> &'static str {
    PRIORITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("unset", |(_, k)| k)
}

fn bar_height(row: &MatrixRow) -> u32 {
    let share = if row.actions_total == 0 {
        0.0
    } else {
        row.actions_served_count as f64 / row.actions_total as f64
    };
    ((share.min(1.0) * f64::from(PLOT_HEIGHT)).round() as u32).max(MIN_BAR)
}

pub fn coverage_chart(plan: &Plan) -> Chart {
    let base = PLOT_TOP + PLOT_HEIGHT;
    let right = PLOT_LEFT + SLOT * plan.matrix.len() as u32;
    let ticks = [0u32, 25, 50, 75, 100]
        .iter()
        .map(|pct| {
            let y = base - PLOT_HEIGHT * pct / 100;
            Tick {
                y,
                x1: PLOT_LEFT,
                x2: right,
                label: format!("{pct}%"),
                label_x: PLOT_LEFT - 6,
                label_y: y + 4,
            }
        })
        .collect();
    let bars = plan
        .matrix
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let height = bar_height(row);
            let slot_left = PLOT_LEFT + SLOT * i as u32;
            Bar {
                number: row.number,
                status_key: row.status_key,
                priority_key: priority_key(row.priority),
                in_plan: row.in_plan,
                x: slot_left + (SLOT - BAR) / 2,
                y: base - height,
                width: BAR,
                height,
                cx: slot_left + SLOT / 2,
                number_y: NUMBER_Y,
                priority_y: PRIORITY_Y,
                marker_radius: MARKER_RADIUS,
                tooltip: format!(
                    "Objective {}, {}: {}, {} of {} actions served; priority {}{}",
                    row.number,
                    row.label,
                    row.status.to_lowercase(),
                    row.actions_served_count,
                    row.actions_total,
                    row.priority.to_lowercase(),
                    if row.in_plan {
                        "; within this plan"
                    } else {
                        ""
                    }
                ),
            }
        })
        .collect();
    Chart {
        width: WIDTH,
        height: HEIGHT,
        description: format!(
            "A bar for each of the 23 objectives, its height the share of the objective's actions that instruments in force serve: {} covered, {} partial, {} with a gap. A marker under each bar shows its priority.",
            plan.summary.covered, plan.summary.partial, plan.summary.gap
        ),
        ticks,
        threshold: HLine {
            x1: PLOT_LEFT,
            x2: right,
            y: base - PLOT_HEIGHT / 2,
        },
        axis: HLine {
            x1: PLOT_LEFT,
            x2: right,
            y: base,
        },
        side_x: PLOT_LEFT - 8,
        number_label_y: NUMBER_Y,
        priority_label_y: PRIORITY_Y + 4,
        bars,
    }
}

/// Objectives by priority (rows, only those with objectives) and coverage.
pub fn priority_table(plan: &Plan) -> Vec<PriorityRow> {
    PRIORITIES
        .iter()
        .filter_map(|(name, _)| {
            let rows: Vec<&MatrixRow> =
                plan.matrix.iter().filter(|r| r.priority == *name).collect();
            let cell = |key: &str| {
                let numbers: Vec<String> = rows
                    .iter()
                    .filter(|r| r.status_key == key)
                    .map(|r| r.number.to_string())
                    .collect();
                Cell {
                    count: numbers.len(),
                    objectives: numbers.join(", "),
                }
            };
            (!rows.is_empty()).then(|| PriorityRow {
                name,
                covered: cell("covered"),
                partial: cell("partial"),
                gap: cell("gap"),
                total: rows.len(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = include_str!("../../examples/philippines-systemic.toml");
        let loaded = crate::load::parse(text).expect("the example is valid");
        let assessment = crate::assess::assess(&loaded.answers);
        crate::plan::build(&loaded.answers, &assessment, None)
    }

    #[test]
    fn every_objective_has_a_bar_inside_the_picture() {
        let plan = plan();
        let chart = coverage_chart(&plan);
        assert_eq!(chart.bars.len(), 23);
        for (bar, row) in chart.bars.iter().zip(&plan.matrix) {
            assert!(bar.height >= MIN_BAR && bar.height <= PLOT_HEIGHT);
            assert_eq!(bar.y + bar.height, chart.axis.y, "bars stand on the axis");
            assert!(bar.x + bar.width <= chart.axis.x2 && chart.axis.x2 <= chart.width);
            assert_eq!(bar.status_key, row.status_key);
            if row.status_key == "covered" {
                assert!(bar.y <= chart.threshold.y, "covered reaches the 50% line");
            }
        }
        assert!(
            chart
                .bars
                .iter()
                .all(|b| b.priority_y + b.marker_radius < chart.height)
        );
    }

    #[test]
    fn the_priority_table_counts_every_objective_once() {
        let plan = plan();
        let rows = priority_table(&plan);
        let total: usize = rows.iter().map(|r| r.total).sum();
        assert_eq!(total, 23);
        let cells: usize = rows
            .iter()
            .map(|r| r.covered.count + r.partial.count + r.gap.count)
            .sum();
        assert_eq!(cells, 23);
    }
}
