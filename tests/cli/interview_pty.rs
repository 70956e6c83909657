//! `gcmplan interview` in a real pseudo-terminal, as a person runs it: keys
//! typed, prompts drawn by dialoguer, Ctrl-C. Every wait is bounded, so a
//! prompt that never comes fails the test instead of hanging it.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect, Session};

use crate::read;

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const CTRL_C: &str = "\x03";

/// Starts `gcmplan interview FILE` in a new pseudo-terminal.
fn spawn(file: &Path) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gcmplan"));
    cmd.arg("interview")
        .arg(file)
        .env("TERM", "xterm")
        .env("NO_COLOR", "1")
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .env_remove("CLICOLOR_FORCE");
    let mut s = Session::spawn(cmd).expect("a pseudo-terminal can be opened");
    s.get_process_mut()
        .set_window_size(100, 40)
        .expect("the window size can be set");
    // Generous: CI runs on two cores, with the other tests alongside.
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    s
}

/// Waits for the question (its text, not its colours), then types `keys`.
fn answer(s: &mut OsSession, question: &str, keys: &str) {
    s.expect(question)
        .unwrap_or_else(|e| panic!("waiting for \"{question}\": {e}"));
    s.send(keys).unwrap();
}

/// Reads the rest of the output and the exit code.
fn finish(mut s: OsSession) -> (String, i32) {
    let rest = s
        .expect(Eof)
        .map(|c| c.as_bytes().to_vec())
        .unwrap_or_default();
    let code = match s.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("gcmplan did not exit normally: {other:?}"),
    };
    (String::from_utf8_lossy(&rest).into_owned(), code)
}

/// The questions up to the plan's approach, for a new file.
fn state_and_years(s: &mut OsSession) {
    answer(
        s,
        "What is the name of your state",
        &format!("Examplia{ENTER}"),
    );
    answer(s, "three-letter country code", &format!("XEX{ENTER}"));
    answer(
        s,
        "Which ministry or agency leads the plan",
        &format!("Ministry of Labour{ENTER}"),
    );
    // Tick "origin" with Space, then confirm.
    answer(s, "Which roles does your state play", &format!(" {ENTER}"));
    answer(s, "Describe your migration situation", ENTER);
    answer(
        s,
        "In which year does the plan start",
        &format!("2026{ENTER}"),
    );
    answer(s, "In which year does it end", &format!("2028{ENTER}"));
}

/// From the plan's approach to the end, skipping what is optional.
fn the_rest(s: &mut OsSession) {
    answer(s, "How broad will the plan be", &format!("{DOWN}{ENTER}"));
    answer(s, "Why did your government choose", ENTER);
    answer(s, "Will the plan stand on its own", ENTER);
    answer(s, "What is the plan's title", ENTER);
    answer(s, "linked to your national development plan", "n");
    // Lists start on "Add"; the next choice goes on.
    answer(
        s,
        "Which laws, policies, agreements",
        &format!("{DOWN}{ENTER}"),
    );
    answer(
        s,
        "Which ministries and agencies take part",
        &format!("{DOWN}{ENTER}"),
    );
    answer(s, "Is there a national coordination mechanism", "n");
    answer(s, "How do cities, municipalities", ENTER);
    answer(
        s,
        "Which partners outside government",
        &format!("{DOWN}{ENTER}"),
    );
    for n in 1..=23 {
        // Enter leaves the priority for later.
        answer(s, &format!("How important is objective {n} "), ENTER);
    }
    answer(s, "Which guiding principles", ENTER);
    answer(s, "How is the plan paid for", ENTER);
    answer(
        s,
        "What support does your state need",
        &format!("{DOWN}{ENTER}"),
    );
    answer(s, "How will progress be monitored", ENTER);
    answer(s, "How often will progress reports", ENTER);
    answer(s, "In which year is the mid-term review", ENTER);
    answer(s, "In which year is the final evaluation", ENTER);
    answer(s, "Will your state report voluntarily", ENTER);
    answer(s, "Will your state report to the International", ENTER);
    answer(s, "Which draft is this", ENTER);
    answer(s, "Choose a section to change, or Finish", ENTER);
    answer(s, "Write the draft plan now", ENTER);
}

#[test]
fn a_complete_interview_writes_answers_that_check_accepts_and_render_renders() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let mut s = spawn(&file);
    state_and_years(&mut s);
    the_rest(&mut s);
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Wrote the draft plan"), "{out}");

    let check = crate::run(crate::gcmplan().arg("check").arg(&file));
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    let plan = read(&dir.path().join("answers.md"));
    assert!(plan.contains("Examplia"), "{plan}");
    let answers = read(&file);
    assert!(
        answers.contains("migration_profile = [\"origin\"]"),
        "{answers}"
    );
    assert!(answers.contains("approach = \"selective\""), "{answers}");
}

#[test]
fn ctrl_c_midway_restores_the_cursor_and_resuming_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let mut s = spawn(&file);
    state_and_years(&mut s);
    // Ctrl-C on a list, which hides the cursor.
    answer(&mut s, "How broad will the plan be", "");
    s.expect("Business as usual").unwrap();
    s.send(CTRL_C).unwrap();
    let (out, code) = finish(s);
    assert_eq!(code, 130, "{out}");
    assert!(
        out.contains("\x1b[?25h"),
        "the cursor is shown again: {out:?}"
    );
    assert!(out.contains("Every answer you gave is saved"), "{out}");

    let saved = read(&file);
    for answer in [
        "name = \"Examplia\"",
        "iso_code = \"XEX\"",
        "lead_agency = \"Ministry of Labour\"",
        "migration_profile = [\"origin\"]",
        "start_year = 2026",
        "end_year = 2028",
    ] {
        assert!(saved.contains(answer), "{answer} in:\n{saved}");
    }

    // The next run goes on at the plan, with the answers given as defaults.
    let mut s = spawn(&file);
    s.expect("Going on with").unwrap();
    answer(&mut s, "In which year does the plan start? › 2026", ENTER);
    answer(&mut s, "In which year does it end? › 2028", ENTER);
    the_rest(&mut s);
    let (out, code) = finish(s);
    assert_eq!(code, 0, "{out}");
    let check = crate::run(crate::gcmplan().arg("check").arg(&file));
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(read(&file).contains("lead_agency = \"Ministry of Labour\""));
}

#[test]
fn with_standard_input_redirected_it_refuses_to_start_even_in_a_terminal() {
    // console would read keys from /dev/tty; the interview must not ask.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "exec '{}' interview '{}' < /dev/null",
            env!("CARGO_BIN_EXE_gcmplan"),
            file.display()
        ))
        .env("TERM", "xterm")
        .env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd).unwrap();
    s.set_expect_timeout(Some(Duration::from_secs(60)));
    let (out, code) = finish(s);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("state.name"), "{out}");
    assert!(out.contains("gcmplan init"), "{out}");
    assert!(!file.exists());
}
