//! The interview flow driven by scripted replies: no terminal needed.

use std::path::{Path, PathBuf};

use super::flow::{Interview, Outcome, Stage, resume_point};
use super::prompter::Reply::*;
use super::{AnswersDoc, ScriptedPrompter};
use crate::load;

fn new_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    (dir, path)
}

fn open(path: &Path) -> AnswersDoc {
    AnswersDoc::parse(path, &std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Runs an interview on `path` (new when absent) from its resume point.
fn run(path: &Path, p: &mut ScriptedPrompter) -> Outcome {
    let (doc, start) = if path.exists() {
        let doc = open(path);
        let start = resume_point(&doc);
        (doc, start)
    } else {
        (AnswersDoc::new(path), Some(Stage::State))
    };
    let mut interview = Interview::new(doc, p);
    interview.run(start).unwrap_or_else(|e| panic!("{e:#}"))
}

fn state(p: ScriptedPrompter) -> ScriptedPrompter {
    p.text("state.name", "Examplia")
        .text("state.iso_code", "XEX")
        .text("state.lead_agency", "Ministry of Labour")
        .at("state.migration_profile", Choices(vec![0, 3]))
        .at("state.context", Default)
}

fn plan(p: ScriptedPrompter) -> ScriptedPrompter {
    p.text("plan.start_year", "2026")
        .text("plan.end_year", "2028")
        .at("plan.approach", Choice(1))
        .at("plan.rationale", Default)
        .at("plan.route", Choice(0))
        .at("plan.title", Default)
        .at("development_plan", Yes(false))
}

fn instruments(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("instruments", Choice(0))
        .text("instruments[0].title", "Labour Migration Act")
        .at("instruments[0].kind", Choice(0))
        .at("instruments[0].status", Choice(0))
        .text("instruments[0].year", "2019")
        .at("instruments[0].objectives", Choices(vec![5]))
        .at("instruments[0].owner", Default)
        .at("instruments[0].notes", Default)
        .at("instruments", Choice(2))
}

fn partners(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("governance.ministries", Choice(0))
        .text("governance.ministries[0].name", "Ministry of Labour")
        .text("governance.ministries[0].role", "Leads the plan.")
        .at("governance.ministries", Choice(2))
        .at("governance.coordination", Yes(true))
        .text("governance.coordination.name", "Migration Council")
        .at("governance.coordination.chair", Choice(0))
        .at("governance.coordination.established", Default)
        .at("governance.coordination.meets", Default)
        .at("governance.coordination.mandate", Default)
        .at("governance.local_coordination", Default)
        .at("stakeholders", Choice(0))
        .text("stakeholders[0].name", "Federation of Trade Unions")
        .at("stakeholders[0].kind", Choice(5))
        .at("stakeholders[0].engagement", Choice(1))
        .at("stakeholders[0].role", Default)
        .at("stakeholders", Choice(2))
}

/// Objective `n` answered "decide later", with no instrument serving it.
fn skip_objective(p: ScriptedPrompter, n: u8) -> ScriptedPrompter {
    p.at(&format!("objectives.{n}.priority"), Default)
        .at(&format!("objectives.{n}.instruments"), Default)
}

fn objective_6(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("objectives.6.priority", Choice(0))
        .at("objectives.6.instruments", Default)
        .at("instruments[0].actions", Choices(vec![2]))
        .at("objectives.6.actions", Choices(vec![2, 5]))
        .at("objectives.6.sdg_targets", Default)
        .at("measures", Choice(0))
        .text(
            "measures[0].title",
            "Ban recruitment fees charged to workers",
        )
        .at("measures[0].actions", Default)
        .at("measures[0].description", Default)
        .at("measures[0].lead", Choice(0))
        .at("measures[0].partners", Choices(vec![0]))
        .text("measures[0].start", "2026")
        .text("measures[0].end", "2027")
        .text(
            "measures[0].indicator.text",
            "Share of licensed agencies inspected each year",
        )
        .at("measures[0].indicator.baseline", Default)
        .text("measures[0].indicator.target", "100 per cent by 2028")
        .at("measures[0].indicator.source", Default)
        .at("measures[0].budget.amount", Default)
        .at("measures[0].builds_on", Choices(vec![0]))
        .at("measures[0].sdg_targets", Default)
        .at("measures", Choice(2))
        .at("objectives.6.notes", Default)
}

fn objective_14(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("objectives.14.priority", Choice(1))
        .at("objectives.14.instruments", Default)
        .at("objectives.14.actions", Default)
        .at("measures", Choice(1))
        .at("objectives.14.notes", Default)
}

fn objectives(mut p: ScriptedPrompter, from: u8) -> ScriptedPrompter {
    for n in from..=23 {
        p = match n {
            6 => objective_6(p),
            14 => objective_14(p),
            _ => skip_objective(p, n),
        };
    }
    p
}

fn closing(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("principles", Choices(vec![5]))
        .text(
            "principles.human-rights",
            "The rights of all migrant workers are protected, whatever their status.",
        )
        .at("resources.summary", Default)
        .at("resources.needs", Choice(1))
        .at("review.lead", Choice(0))
        .at("review.me_framework", Default)
        .text("review.progress_reports", "annual")
        .text("review.midterm_review", "2027")
        .text("review.final_evaluation", "2028")
        .at("review.regional_reporting", Yes(false))
        .at("review.imrf_reporting", Yes(true))
        .text("revision.number", "1")
        .text("revision.date", "2026-01-31")
        .at("revision.note", Default)
}

fn finish(p: ScriptedPrompter) -> ScriptedPrompter {
    p.at("review", Choice(0)).at("render", Yes(false))
}

/// A small state's whole interview, as a new user would answer it.
fn small_state() -> ScriptedPrompter {
    finish(closing(objectives(
        partners(instruments(plan(state(ScriptedPrompter::new())))),
        1,
    )))
}

/// The same answers, written by hand.
const SMALL_STATE: &str = r#"
format = 1
[revision]
number = 1
date = "2026-01-31"
[state]
name = "Examplia"
iso_code = "XEX"
lead_agency = "Ministry of Labour"
migration_profile = ["origin", "return"]
[plan]
start_year = 2026
end_year = 2028
approach = "selective"
route = "dedicated"
[[instruments]]
id = "labour-migration-act"
title = "Labour Migration Act"
kind = "law"
year = 2019
status = "in-force"
objectives = [6]
actions = ["6c"]
[objectives.6]
priority = "high"
actions = ["6c", "6f"]
[objectives.14]
priority = "medium"
[[measures]]
id = "ban-recruitment-fees-charged-to-workers"
title = "Ban recruitment fees charged to workers"
actions = ["6c", "6f"]
lead = "ministry-of-labour"
partners = ["federation-of-trade-unions"]
start = 2026
end = 2027
builds_on = ["labour-migration-act"]
[measures.indicator]
text = "Share of licensed agencies inspected each year"
target = "100 per cent by 2028"
[governance.coordination]
name = "Migration Council"
chair = "ministry-of-labour"
[[governance.ministries]]
id = "ministry-of-labour"
name = "Ministry of Labour"
role = "Leads the plan."
[[stakeholders]]
id = "federation-of-trade-unions"
name = "Federation of Trade Unions"
kind = "trade-union"
engagement = "implementing-partner"
[principles]
human-rights = "The rights of all migrant workers are protected, whatever their status."
[review]
lead = "ministry-of-labour"
progress_reports = "annual"
midterm_review = 2027
final_evaluation = 2028
regional_reporting = false
imrf_reporting = true
"#;

#[test]
fn a_complete_interview_writes_the_same_answers_as_a_file_written_by_hand() {
    let (_dir, path) = new_file();
    let mut p = small_state();
    let outcome = run(&path, &mut p);
    assert_eq!(
        outcome,
        Outcome::Finished { render: false },
        "{}",
        p.transcript.join("\n")
    );
    assert_eq!(p.remaining(), 0);
    let typed = load::load_file(&path)
        .unwrap_or_else(|e| panic!("{e}\n{}", std::fs::read_to_string(&path).unwrap()));
    let by_hand =
        load::parse(SMALL_STATE).unwrap_or_else(|_| panic!("the hand-written file is valid"));
    assert_eq!(typed.answers, by_hand.answers);

    // The same answers give the same plan.
    let plan = |a: &crate::answers::Answers| {
        let x = crate::assess::assess(a);
        crate::render::markdown(&crate::plan::build(a, &x, None)).unwrap()
    };
    assert_eq!(plan(&typed.answers), plan(&by_hand.answers));

    let text = std::fs::read_to_string(&path).unwrap();
    if let Ok(out) = std::env::var("GCMPLAN_DUMP") {
        std::fs::write(out, &text).unwrap();
    }
    assert!(
        text.contains("# The three-letter ISO code") || text.contains("ISO 3166-1"),
        "{text}"
    );
    assert!(
        !text.contains("gcmplan interview: next"),
        "the finished file has no marker:\n{text}"
    );
    // A small state's interview, counted for the report.
    eprintln!("a small state's interview: {} questions", p.questions());
    // Most of them are answered with Enter (objectives left for later).
    assert!(p.questions() <= 130, "{} questions", p.questions());
}

#[test]
fn stopping_midway_loses_nothing_and_the_next_run_resumes_there() {
    let (_dir, path) = new_file();
    // Stop in the middle of the state: the script runs out after two answers.
    let mut p = ScriptedPrompter::new()
        .text("state.name", "Examplia")
        .text("state.iso_code", "XEX");
    assert_eq!(run(&path, &mut p), Outcome::Stopped);
    let doc = open(&path);
    assert_eq!(doc.str("state.iso_code").as_deref(), Some("XEX"));
    assert_eq!(resume_point(&doc), Some(Stage::State));

    // Resume: the earlier answers are offered as defaults.
    let mut p = state(ScriptedPrompter::new());
    // Stop again, in the middle of the objectives.
    p = partners(instruments(plan(p)));
    p = skip_objective(skip_objective(p, 1), 2);
    assert_eq!(run(&path, &mut p), Outcome::Stopped);
    assert!(
        p.transcript
            .iter()
            .any(|l| l == "  (current answer: Examplia)"),
        "{}",
        p.transcript.join("\n")
    );
    let doc = open(&path);
    assert_eq!(doc.next(), Some("objective 3"));
    assert_eq!(resume_point(&doc), Some(Stage::Objective(3)));

    // The last run goes on at objective 3 and finishes.
    let mut p = finish(closing(objectives(ScriptedPrompter::new(), 3)));
    assert_eq!(
        run(&path, &mut p),
        Outcome::Finished { render: false },
        "{}",
        p.transcript.join("\n")
    );
    let typed = load::load_file(&path).unwrap();
    let by_hand = load::parse(SMALL_STATE).unwrap_or_else(|_| panic!("valid"));
    assert_eq!(typed.answers, by_hand.answers);
}

#[test]
fn an_invalid_answer_is_refused_and_asked_again() {
    let (_dir, path) = new_file();
    let mut p = ScriptedPrompter::new()
        .text("state.name", "Examplia")
        .text("state.iso_code", "xe")
        .text("state.iso_code", "XEX")
        .text("state.lead_agency", "Ministry of Labour")
        .at("state.migration_profile", Default)
        .at("state.context", Default)
        .text("plan.start_year", "2028")
        .text("plan.end_year", "26")
        .text("plan.end_year", "2026")
        .text("plan.end_year", "2029");
    assert_eq!(run(&path, &mut p), Outcome::Stopped);
    let said = p.transcript.join("\n");
    assert!(
        said.contains("! `xe` is not an ISO 3166-1 alpha-3 code"),
        "{said}"
    );
    assert!(said.contains("is not a year"), "{said}");
    assert!(
        said.contains("the plan ends in 2026 before it starts in 2028"),
        "{said}"
    );
    let doc = open(&path);
    assert_eq!(doc.str("state.iso_code").as_deref(), Some("XEX"));
    assert_eq!(doc.int("plan.end_year"), Some(2029));
}

#[test]
fn going_back_re_asks_the_previous_question() {
    let (_dir, path) = new_file();
    let mut p = ScriptedPrompter::new()
        .text("state.name", "Examplia")
        .text("state.iso_code", "XEX")
        .at("state.lead_agency", Back)
        .text("state.iso_code", "XEY")
        // Esc opens the menu; "Go back" is its second choice.
        .at("state.lead_agency", Menu)
        .at("menu", Choice(1))
        .at("state.iso_code", Default)
        .text("state.lead_agency", "Ministry of Labour")
        .at("state.migration_profile", Default)
        .at("state.context", Default)
        // Back from a section's first question: the previous section's last.
        .at("plan.start_year", Back)
        .text("state.context", "A country of origin.")
        .at("plan.start_year", Stop);
    assert_eq!(run(&path, &mut p), Outcome::Stopped);
    assert_eq!(p.remaining(), 0, "{}", p.transcript.join("\n"));
    let doc = open(&path);
    assert_eq!(doc.str("state.iso_code").as_deref(), Some("XEY"));
    assert_eq!(
        doc.str("state.lead_agency").as_deref(),
        Some("Ministry of Labour")
    );
}

#[test]
fn the_review_screen_edits_any_section_and_comes_back() {
    let (_dir, path) = new_file();
    let mut p = small_state();
    assert_eq!(run(&path, &mut p), Outcome::Finished { render: false });
    // A later run on the finished file opens the review screen.
    let doc = open(&path);
    assert_eq!(resume_point(&doc), None);
    // Review items: Finish, then one per stage (State is 1, Plan is 2).
    let mut p = ScriptedPrompter::new()
        .at("review", Choice(2))
        .at("plan.start_year", Default)
        .text("plan.end_year", "2030")
        .at("plan.approach", Default)
        .at("plan.rationale", Default)
        .at("plan.route", Choice(1))
        .text(
            "plan.integrated_into",
            "National Development Plan 2025-2030",
        )
        .at("plan.title", Default)
        .at("review", Choice(0))
        .at("render", Yes(true));
    assert_eq!(run(&path, &mut p), Outcome::Finished { render: true });
    let said = p.transcript.join("\n");
    assert!(
        said.contains("Plan: 2026-2028, selective approach"),
        "{said}"
    );
    assert!(said.contains("Coverage of the 23 objectives"), "{said}");
    let a = load::load_file(&path).unwrap().answers;
    assert_eq!(a.plan.end_year, 2030);
    assert_eq!(
        a.plan.integrated_into.as_deref(),
        Some("National Development Plan 2025-2030")
    );
}

#[test]
fn questions_follow_earlier_answers() {
    let (_dir, path) = new_file();
    // Dedicated route: no question on the plan it is built into; no
    // development plan: none of its questions.
    let mut p = small_state();
    run(&path, &mut p);
    assert!(!p.asked.iter().any(|k| k == "plan.integrated_into"));
    assert!(!p.asked.iter().any(|k| k.starts_with("development_plan.")));
    // Not now, or decided later: no actions, measures or notes asked.
    assert!(!p.asked.iter().any(|k| k == "objectives.1.actions"));
    // No budget amount: no currency asked; an indicator: its target asked.
    assert!(!p.asked.iter().any(|k| k.contains("budget.currency")));
    assert!(p.asked.iter().any(|k| k == "measures[0].indicator.target"));
    // Only a high priority asks for SDG targets.
    assert!(p.asked.iter().any(|k| k == "objectives.6.sdg_targets"));
    assert!(!p.asked.iter().any(|k| k == "objectives.14.sdg_targets"));
    // Instruments serving objective 6 are asked which of its actions they serve.
    assert!(p.asked.iter().any(|k| k == "instruments[0].actions"));
}

#[test]
fn one_section_can_be_asked_again_keeping_the_comments() {
    let (_dir, path) = new_file();
    std::fs::copy("examples/minimal.toml", &path).unwrap();
    let doc = open(&path);
    let mut p = ScriptedPrompter::new()
        .at("plan.start_year", Default)
        .text("plan.end_year", "2030")
        .at("plan.approach", Default)
        .at("plan.rationale", Default)
        .at("plan.route", Default)
        .at("plan.title", Default);
    let mut interview = Interview::new(doc, &mut p);
    assert_eq!(
        interview.run_only(&[Stage::Plan]).unwrap(),
        Outcome::Stopped
    );
    assert_eq!(p.remaining(), 0, "{}", p.transcript.join("\n"));
    let text = std::fs::read_to_string(&path).unwrap();
    let before = std::fs::read_to_string("examples/minimal.toml").unwrap();
    assert_eq!(text, before.replace("end_year = 2028", "end_year = 2030"));
    load::parse(&text).unwrap_or_else(|_| panic!("still valid"));
}

#[test]
fn a_ministry_that_leads_a_measure_cannot_be_removed() {
    let (_dir, path) = new_file();
    std::fs::copy("examples/minimal.toml", &path).unwrap();
    let doc = open(&path);
    // Ministries list: Add, Change "Ministry of Labour", Done.
    let mut p = ScriptedPrompter::new()
        .at("governance.ministries", Choice(1))
        .at("governance.ministries[0]", Choice(1))
        .at("governance.ministries", Choice(2))
        .at("governance.coordination", Yes(false));
    let mut interview = Interview::new(doc, &mut p);
    interview.run_only(&[Stage::Governance]).unwrap();
    let said = p.transcript.join("\n");
    assert!(said.contains("cannot be removed yet"), "{said}");
    assert!(
        said.contains("neither a ministry nor a stakeholder"),
        "{said}"
    );
    assert_eq!(open(&path).len("governance.ministries"), 1);
}

#[test]
fn an_instrument_that_would_serve_nothing_is_refused() {
    let (_dir, path) = new_file();
    std::fs::copy("examples/minimal.toml", &path).unwrap();
    let doc = open(&path);
    let mut p = ScriptedPrompter::new()
        .at("objectives.6.priority", Default)
        .at("objectives.6.instruments", Choices(vec![]))
        .at("objectives.6.instruments", Choices(vec![0]))
        .at("instruments[0].actions", Default)
        .at("objectives.6.actions", Default)
        .at("objectives.6.sdg_targets", Default)
        .at("measures", Choice(2))
        .at("objectives.6.notes", Default);
    let mut interview = Interview::new(doc, &mut p);
    interview.run_only(&[Stage::Objective(6)]).unwrap();
    let said = p.transcript.join("\n");
    assert!(said.contains("serves no objective"), "{said}");
    assert_eq!(p.remaining(), 0, "{said}");
    load::load_file(&path).unwrap();
}

#[test]
fn a_started_file_shows_the_objective_panel_and_progress() {
    let (_dir, path) = new_file();
    let mut p = objectives(ScriptedPrompter::new(), 7).at("principles", Stop);
    std::fs::copy("examples/minimal.toml", &path).unwrap();
    let doc = open(&path);
    let mut interview = Interview::new(doc, &mut p);
    interview.run(Some(Stage::Objective(7))).unwrap();
    let said = p.transcript.join("\n");
    assert!(
        said.contains("━━ Objective 7 of 23 ━━\nAddress and reduce vulnerabilities in migration\n"),
        "{said}"
    );
    assert!(said.contains("7a  "), "the actions are listed: {said}");
    assert!(said.contains("What other states have done"), "{said}");
}

#[test]
fn an_unfinished_measure_is_resumed_where_it_can_be_finished() {
    let (_dir, path) = new_file();
    let text = std::fs::read_to_string("examples/minimal.toml").unwrap()
        + "\n[[measures]]\nid = \"half-done\"\ntitle = \"Half done\"\n";
    std::fs::write(&path, text).unwrap();
    let doc = open(&path);
    assert_eq!(resume_point(&doc), Some(Stage::Objective(6)));
    // Objective 14 (medium) lists it too, marked unfinished.
    let mut p = ScriptedPrompter::new()
        .at("objectives.14.priority", Default)
        .at("objectives.14.instruments", Default)
        .at("objectives.14.actions", Default)
        .at("measures", Choice(1))
        .at("measures[1]", Choice(0))
        .at("measures[1].title", Default)
        .at("measures[1].actions", Choices(vec![]))
        .at("measures[1].actions", Choices(vec![1]))
        .at("measures[1].description", Stop);
    let mut interview = Interview::new(doc, &mut p);
    interview.run_only(&[Stage::Objective(14)]).unwrap();
    let said = p.transcript.join("\n");
    assert!(
        said.contains("Half done (unfinished: choose it to finish)"),
        "{said}"
    );
    assert!(said.contains("implements no GCM action"), "{said}");
    assert_eq!(open(&path).strs("measures[1].actions"), vec!["14b"]);
}

#[test]
fn sections_are_named_as_on_the_command_line() {
    assert_eq!(
        Stage::for_section("development-plan"),
        Some(vec![Stage::DevelopmentPlan])
    );
    assert_eq!(Stage::for_section("objectives").map(|v| v.len()), Some(23));
    assert_eq!(Stage::parse("objective 7"), Some(Stage::Objective(7)));
    assert_eq!(Stage::parse("objective 24"), None);
    for s in Stage::all() {
        assert_eq!(Stage::parse(&s.name()), Some(s), "{s:?}");
    }
}
