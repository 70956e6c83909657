//! The corpus in tests/bad-answers/: each file ends with the errors
//! `gcmplan check` must report (`# expect: LINE:COL: message`) and hints the
//! help text must carry (`# help: ...`). No other error may appear.

use crate::{gcmplan, read, root, run};

#[test]
fn every_bad_file_gets_exactly_its_errors_with_line_and_column() {
    let dir = root().join("tests/bad-answers");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus has {} files", files.len());
    for file in files {
        let rel = file.strip_prefix(root()).unwrap().display().to_string();
        let text = read(&file);
        let expects: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        let helps: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# help: "))
            .collect();
        assert!(!expects.is_empty(), "{rel} says what it expects");

        let out = run(gcmplan().args(["check", &rel]));
        assert_eq!(out.code, 2, "{rel}: exit code\n{}", out.stderr);
        for e in &expects {
            let (place, message) = e.split_once(": ").expect("`# expect: LINE:COL: message`");
            let line = format!("{rel}:{place}: error: {message}");
            assert!(
                out.stderr.lines().any(|l| l == line),
                "{rel}: expected `{line}` in\n{}",
                out.stderr
            );
        }
        let reported = out
            .stderr
            .lines()
            .filter(|l| l.contains(": error: "))
            .count();
        assert_eq!(
            reported,
            expects.len(),
            "{rel}: no other error\n{}",
            out.stderr
        );
        let n = expects.len();
        assert!(
            out.stderr
                .contains(&format!("has {n} problem{}", if n == 1 { "" } else { "s" })),
            "{rel}: the count of problems\n{}",
            out.stderr
        );
        for h in helps {
            assert!(
                out.stderr.contains(h),
                "{rel}: help `{h}` in\n{}",
                out.stderr
            );
        }
        assert!(out.stdout.is_empty(), "{rel}: nothing on stdout");
    }
}

#[test]
fn rendering_a_bad_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.md");
    let out = run(gcmplan()
        .args(["render", "tests/bad-answers/several-problems.toml", "-o"])
        .arg(&plan));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("has 3 problems"), "{}", out.stderr);
    assert!(!plan.exists(), "no plan is written from invalid answers");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file either"
    );
}

#[test]
fn a_missing_file_says_how_to_start() {
    let out = run(gcmplan().args(["check", "no-such-answers.toml"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("cannot read no-such-answers.toml: no such file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("gcmplan init no-such-answers.toml"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_file_that_is_not_text_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, b"format = 1\n\xff\xfe\x00binary").unwrap();
    let out = run(gcmplan().arg("check").arg(&file));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("is not UTF-8 text (invalid byte at offset 11)"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn a_folder_is_not_an_answers_file() {
    let out = run(gcmplan().args(["check", "examples"]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("cannot read examples: it is a folder, not an answers file"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("help: name the file itself, e.g. examples/answers.toml"),
        "{}",
        out.stderr
    );
}
