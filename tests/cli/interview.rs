//! `gcmplan interview` without a terminal: it never asks, and says what is
//! missing. (The prompts themselves are tested in interview_pty.rs and, with
//! scripted replies, in the library's unit tests.)

use crate::{example, gcmplan, read, run};

#[test]
fn with_no_terminal_it_lists_every_missing_answer_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let out = run(gcmplan().arg("interview").arg(&file).write_stdin(""));
    assert_eq!(out.code, 2, "{}", out.stderr);
    for missing in [
        "the state's name (state.name)",
        "state.iso_code",
        "state.lead_agency",
        "plan.start_year",
        "plan.end_year",
        "plan.approach",
        "plan.route",
    ] {
        assert!(out.stderr.contains(missing), "{missing}: {}", out.stderr);
    }
    assert!(out.stderr.contains("not a terminal"), "{}", out.stderr);
    for pointer in ["gcmplan init", "gcmplan check", "by hand"] {
        assert!(out.stderr.contains(pointer), "{pointer}: {}", out.stderr);
    }
    assert!(!file.exists(), "nothing is written without a terminal");
}

#[test]
fn with_no_input_it_names_only_what_a_partial_file_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let partial = "format = 1\n[state]\nname = \"Examplia\"\niso_code = \"XEX\"\n";
    std::fs::write(&file, partial).unwrap();
    let out = run(gcmplan().arg("interview").arg("--no-input").arg(&file));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("--no-input"), "{}", out.stderr);
    assert!(
        out.stderr.contains("missing 5 required answers"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("state.lead_agency"), "{}", out.stderr);
    assert!(!out.stderr.contains("state.name"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("the priority of 23 of the 23 objectives"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&file), partial, "the file is untouched");
}

#[test]
fn with_no_input_a_complete_file_has_nothing_to_ask() {
    let out = run(gcmplan()
        .arg("interview")
        .arg("--no-input")
        .arg(example("minimal.toml")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("nothing to ask"), "{}", out.stderr);
}

#[test]
fn with_no_input_a_complete_but_wrong_file_shows_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::write(
        &file,
        read(&example("minimal.toml")).replace("\"XEX\"", "\"xex\""),
    )
    .unwrap();
    let out = run(gcmplan().arg("interview").arg("--no-input").arg(&file));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("ISO 3166-1"), "{}", out.stderr);
}

#[test]
fn a_file_that_is_not_toml_is_refused_with_the_place_of_the_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, "[state]\nname = \"Examplia\n").unwrap();
    let out = run(gcmplan().arg("interview").arg("--no-input").arg(&file));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("answers.toml:2:"), "{}", out.stderr);
    assert!(out.stderr.contains("not valid TOML"), "{}", out.stderr);
}

#[test]
fn re_asking_a_section_needs_an_existing_file_and_a_known_section() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let out = run(gcmplan()
        .args(["interview", "--section", "plan"])
        .arg(&file));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("does not exist yet"), "{}", out.stderr);

    let out = run(gcmplan()
        .args(["interview", "--section", "plans"])
        .arg(example("minimal.toml")));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("possible values"), "{}", out.stderr);

    let out = run(gcmplan()
        .args(["interview", "--objective", "24"])
        .arg(example("minimal.toml")));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("24"), "{}", out.stderr);
}
