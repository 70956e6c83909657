//! Rendered plans: every example under each approach, by snapshot and by
//! content, and the guarantees around writing them.

use std::path::Path;

use gcmplan::answers::Answers;

use crate::{example, gcmplan, read, run};

const EXAMPLES: [&str; 3] = ["philippines-systemic", "ethiopia-selective", "minimal"];
const APPROACHES: [&str; 3] = ["systemic", "selective", "business-as-usual"];

fn answers(name: &str) -> Answers {
    gcmplan::load::load_file(&example(&format!("{name}.toml")))
        .expect("examples are valid")
        .answers
}

fn render(name: &str, approach: &str) -> String {
    let file = format!("examples/{name}.toml");
    let out = run(gcmplan().args(["render", &file, "--approach", approach, "-o", "-"]));
    assert_eq!(out.code, 0, "{name} {approach}: {}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "nothing but the plan when writing to stdout"
    );
    out.stdout
}

/// Every Markdown table has the same number of cells in each row.
fn assert_tables_are_whole(plan: &str, what: &str) {
    let mut columns: Option<usize> = None;
    for line in plan.lines() {
        if line.starts_with('|') {
            // Escaped pipes inside cells are not column breaks.
            let cells = line.replace("\\|", "").matches('|').count();
            match columns {
                None => columns = Some(cells),
                Some(c) => assert_eq!(
                    c, cells,
                    "{what}: a table row with a different width: {line}"
                ),
            }
        } else {
            columns = None;
        }
    }
}

#[test]
fn every_example_renders_under_each_approach() {
    for name in EXAMPLES {
        for approach in APPROACHES {
            let plan = render(name, approach);
            let what = format!("{name} under {approach}");
            assert!(
                !plan.contains("null"),
                "{what}: no null leaks into the plan"
            );
            assert!(!plan.contains("{{"), "{what}: no template syntax leaks");
            assert!(!plan.contains("\n\n\n"), "{what}: no runs of blank lines");
            assert_tables_are_whole(&plan, &what);
            assert!(
                plan.lines()
                    .last()
                    .unwrap()
                    .starts_with("<!-- gcmplan-fingerprint: blake3:")
            );
            insta::assert_snapshot!(format!("{name}__{approach}"), plan);
        }
    }
}

#[test]
fn the_systemic_plan_sets_out_all_23_objectives_and_every_measure() {
    let a = answers("philippines-systemic");
    let plan = render("philippines-systemic", "systemic");
    let r = gcmplan::reference::reference();
    for o in &r.objectives {
        let heading = format!("### Objective {}: {}\n", o.number, o.title);
        assert!(plan.contains(&heading), "missing {heading}");
    }
    for m in &a.measures {
        assert!(
            plan.contains(&format!("#### {}: ", m.id)),
            "measure {} is set out",
            m.id
        );
    }
    assert!(plan.starts_with("# "), "one document title");
    assert!(plan.contains("revision 2"));
    assert!(plan.contains("## 1. Executive summary"));
    assert!(plan.contains("Annex B. Peer practices"));
    // Peer practices for a priority objective come from the workshop library.
    assert!(
        plan.contains("Joint and solidary liability")
            || plan.contains("joint and solidary liability")
    );
}

#[test]
fn the_selective_plan_keeps_only_the_priority_objectives() {
    let a = answers("ethiopia-selective");
    let plan = render("ethiopia-selective", "selective");
    let r = gcmplan::reference::reference();
    for n in 1..=23u8 {
        let priority = a.objective(n).and_then(|o| o.priority);
        let heading = format!("### Objective {n}: {}\n", r.objective(n).unwrap().title);
        let selected = matches!(
            priority,
            Some(gcmplan::answers::Priority::High | gcmplan::answers::Priority::Medium)
        );
        assert_eq!(
            plan.contains(&heading),
            selected,
            "objective {n} ({priority:?})"
        );
    }
    assert!(plan.contains("### Objectives outside the scope of this plan"));
    // Every measure is set out once, under an objective the plan takes up.
    for m in &a.measures {
        assert_eq!(
            plan.matches(&format!("#### {}: ", m.id)).count(),
            1,
            "measure {}",
            m.id
        );
    }
}

#[test]
fn business_as_usual_takes_no_measures_and_says_what_is_left_undone() {
    let a = answers("philippines-systemic");
    let plan = render("philippines-systemic", "business-as-usual");
    for m in &a.measures {
        assert!(
            !plan.contains(&format!("#### {}: ", m.id)),
            "no measure {} is set out",
            m.id
        );
    }
    assert!(plan.contains("takes no new measures"), "says so plainly");
    assert!(plan.contains("This is what the plan leaves undone."));
    let x = gcmplan::assess::assess(&a);
    for c in x
        .coverage
        .iter()
        .filter(|c| c.status != gcmplan::assess::Coverage::Covered)
    {
        let label = &gcmplan::reference::reference()
            .objective(c.number)
            .unwrap()
            .label;
        assert!(
            plan.contains(&format!("| {} | {} |", c.number, label)),
            "objective {} listed as undone",
            c.number
        );
    }
    assert!(
        plan.contains("for comparison"),
        "an --approach override is labelled as such"
    );
}

#[test]
fn findings_reach_the_drafting_team_annex() {
    let plan = render("ethiopia-selective", "selective");
    let annex = &plan[plan.find("Annex D").expect("Annex D")..];
    assert!(
        annex.contains("pea-inspection"),
        "the objective 6 measure without a union"
    );
    assert!(annex.to_lowercase().contains("trade union"));
    assert!(
        plan.contains("not yet involved"),
        "local authorities are missing, and the plan says so"
    );
}

fn write_answers(dir: &Path, body: &str) -> std::path::PathBuf {
    let file = dir.join("answers.toml");
    std::fs::write(&file, body).unwrap();
    file
}

#[test]
fn user_text_is_escaped_for_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let text = read(&example("minimal.toml")).replace(
        "name = \"Examplia\"",
        "name = \"Examplia | <script>alert(1)</script> *bold* [link](x)\"",
    );
    assert!(
        text.contains("<script>"),
        "the example has the state name to replace"
    );
    let file = write_answers(dir.path(), &text);
    let out = run(gcmplan().arg("render").arg(&file).args(["-o", "-"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        !out.stdout.contains("<script>"),
        "no raw HTML from user text"
    );
    assert!(out.stdout.contains("\\<script\\>"));
    assert!(out.stdout.contains("\\*bold\\*"));
    assert!(out.stdout.contains("\\[link\\]"));
    assert_tables_are_whole(&out.stdout, "escaped plan");
}

#[test]
fn a_plan_edited_by_hand_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.md");
    let args = |force: bool| {
        let mut cmd = gcmplan();
        cmd.args(["render", "examples/minimal.toml", "-o"])
            .arg(&plan);
        if force {
            cmd.arg("--force");
        }
        cmd
    };
    let out = run(&mut args(false));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("Wrote the draft plan"),
        "{}",
        out.stderr
    );
    let out = run(&mut args(false));
    assert_eq!(
        out.code, 0,
        "an untouched plan is simply updated: {}",
        out.stderr
    );

    let edited = read(&plan).replacen(
        "## 1. Executive summary",
        "## 1. Executive summary (as amended by the Minister)",
        1,
    );
    std::fs::write(&plan, &edited).unwrap();
    let out = run(&mut args(false));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("was edited since gcmplan wrote it"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&plan), edited, "the hand edit is untouched");

    let out = run(&mut args(true));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        read(&dir.path().join("plan.md.bak")),
        edited,
        "--force keeps the edited plan"
    );
    assert!(!read(&plan).contains("as amended by the Minister"));
}

#[test]
fn the_default_output_sits_beside_the_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_answers(dir.path(), &read(&example("minimal.toml")));
    let out = run(gcmplan().arg("render").arg(&file));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(read(&dir.path().join("answers.md")).contains("## 1. Executive summary"));
}

#[test]
fn writing_into_a_missing_folder_is_a_clear_error() {
    let out = run(gcmplan().args([
        "render",
        "examples/minimal.toml",
        "-o",
        "no/such/folder/plan.md",
    ]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("the folder no/such/folder does not exist"),
        "{}",
        out.stderr
    );
}
