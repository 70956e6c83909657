use crate::{example, gcmplan, run};

#[test]
fn every_example_passes_check() {
    for name in [
        "philippines-systemic.toml",
        "ethiopia-selective.toml",
        "minimal.toml",
    ] {
        let out = run(gcmplan().arg("check").arg(example(name)));
        assert_eq!(out.code, 0, "{name}\n{}{}", out.stdout, out.stderr);
        assert!(
            out.stdout.contains("valid answers (format 1)"),
            "{name}: {}",
            out.stdout
        );
    }
}

#[test]
fn findings_are_advice_with_a_place_and_a_lesson() {
    let out = run(gcmplan().args(["check", "examples/ethiopia-selective.toml"]));
    assert_eq!(out.code, 0, "findings alone are not errors");
    // The Ethiopian example engages no city and no migrants' organisation,
    // and one objective-6 measure has no trade union among its partners.
    assert!(
        out.stdout.contains("[no-local-authorities]"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("[no-migrant-voice]"));
    let union = out
        .stdout
        .lines()
        .find(|l| l.contains("[objective-6-no-union]"))
        .expect("the objective 6 finding");
    assert!(
        union.starts_with("examples/ethiopia-selective.toml:")
            && union.contains(": advice: measure `pea-inspection`"),
        "{union}"
    );
    assert!(out.stdout.contains("workshop lesson: Whole of society"));
}

#[test]
fn strict_turns_findings_into_exit_code_1() {
    let out = run(gcmplan().args(["check", "--strict", "examples/ethiopia-selective.toml"]));
    assert_eq!(out.code, 1);
    let out = run(gcmplan().args(["check", "--strict", "tests/bad-answers/newer-format.toml"]));
    assert_eq!(out.code, 2, "errors still exit 2 under --strict");
}

#[test]
fn assess_shows_the_matrix_and_the_approaches_side_by_side() {
    let out = run(gcmplan().args(["assess", "examples/ethiopia-selective.toml"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let s = &out.stdout;
    assert!(
        s.starts_with("Ethiopia: coverage of the 23 GCM objectives"),
        "{s}"
    );
    for label in [
        "Data",
        "Regular pathways",
        "Recruitment and decent work",
        "International cooperation",
    ] {
        assert!(s.contains(label), "objective {label} in the matrix");
    }
    let header = s
        .lines()
        .find(|l| l.contains("Systemic and robust"))
        .expect("the approaches header");
    assert!(
        header.contains("Selective") && header.contains("Business as usual"),
        "{header}"
    );
    let systemic_row = s
        .lines()
        .find(|l| l.starts_with("Objectives in plan"))
        .unwrap();
    assert!(
        systemic_row.split_whitespace().any(|w| w == "23"),
        "{systemic_row}"
    );
    assert!(s.contains("Recommended approach: Selective."), "{s}");
}

#[test]
fn the_answers_outline_in_the_readme_is_a_valid_file() {
    let readme = crate::read(&crate::root().join("README.md"));
    let start = readme
        .find("```toml\nformat = 1")
        .expect("the README shows the answers format");
    let body = &readme[start + "```toml\n".len()..];
    let body = &body[..body.find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("readme.toml");
    std::fs::write(&file, body).unwrap();
    let out = run(gcmplan().arg("check").arg(&file));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}
