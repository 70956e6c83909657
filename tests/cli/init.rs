use crate::{gcmplan, read, run};

#[test]
fn init_writes_a_starter_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    let out = run(gcmplan().arg("init").arg(&file));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = read(&file);
    assert!(
        text.contains("gcmplan check"),
        "the starter says what to do next"
    );
    for section in [
        "[state]",
        "[plan]",
        "[[instruments]]",
        "[objectives.23]",
        "[[measures]]",
        "[governance",
        "[[stakeholders]]",
        "[review]",
    ] {
        assert!(text.contains(section), "starter has {section}");
    }
    let out = run(gcmplan().arg("check").arg(&file));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn init_never_overwrites_answers_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.toml");
    std::fs::write(&file, "# months of work\n").unwrap();
    let out = run(gcmplan().arg("init").arg(&file));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("refusing to overwrite"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&file), "# months of work\n");

    let out = run(gcmplan().arg("init").arg("--force").arg(&file));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        read(&dir.path().join("answers.toml.bak")),
        "# months of work\n"
    );
    assert!(read(&file).contains("[state]"));
}
