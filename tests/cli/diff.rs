//! `gcmplan diff`: the change log between two revisions of a plan. Output
//! is checked by snapshot on the example revisions (examples/revisions/);
//! exit codes, errors, colour and the Markdown shape by content; the
//! comparison rules by property tests (diff/properties.rs).

mod properties;

use crate::{gcmplan, root, run};

const REV1: &str = "examples/revisions/rev1.toml";
const REV2: &str = "examples/revisions/rev2.toml";
const REV3: &str = "examples/revisions/rev3.toml";

/// Runs `gcmplan diff` and checks the exit code: 1, as the revisions differ.
fn diff(args: &[&str]) -> String {
    let out = run(gcmplan().arg("diff").args(args));
    assert_eq!(out.code, 1, "gcmplan diff {args:?}\n{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    out.stdout
}

macro_rules! snapshot {
    ($name:ident, $($arg:expr),+) => {
        #[test]
        fn $name() {
            insta::assert_snapshot!(diff(&[$($arg),+]));
        }
    };
}

snapshot!(text_rev1_rev2, REV1, REV2);
snapshot!(text_rev2_rev3, REV2, REV3);
snapshot!(markdown_rev1_rev2, "--format", "markdown", REV1, REV2);
snapshot!(markdown_rev2_rev3, "--format", "markdown", REV2, REV3);
snapshot!(json_rev1_rev2, "--format", "json", REV1, REV2);
snapshot!(json_rev2_rev3, "--format", "json", REV2, REV3);
snapshot!(summary_rev1_rev2, "--summary", REV1, REV2);
snapshot!(summary_rev2_rev3, "--summary", REV2, REV3);
snapshot!(
    summary_markdown_rev2_rev3,
    "--summary",
    "--format",
    "markdown",
    REV2,
    REV3
);
snapshot!(
    summary_json_rev1_rev2,
    "--summary",
    "--format",
    "json",
    REV1,
    REV2
);
snapshot!(rendered_rev1_rev2, "--rendered", REV1, REV2);
snapshot!(rendered_rev2_rev3, "--rendered", REV2, REV3);
snapshot!(
    rendered_summary_rev1_rev2,
    "--rendered",
    "--summary",
    REV1,
    REV2
);
snapshot!(
    rendered_markdown_rev2_rev3,
    "--rendered",
    "--format",
    "markdown",
    REV2,
    REV3
);
snapshot!(
    rendered_json_summary_rev2_rev3,
    "--rendered",
    "--summary",
    "--format",
    "json",
    REV2,
    REV3
);

#[test]
fn every_revision_passes_check_and_says_it_is_illustrative() {
    for rev in [REV1, REV2, REV3] {
        let out = run(gcmplan().args(["check", rev]));
        assert_eq!(out.code, 0, "{rev}\n{}{}", out.stdout, out.stderr);
        let text = crate::read(&root().join(rev));
        assert!(
            text.starts_with("# ILLUSTRATIVE EXAMPLE: NOT AN OFFICIAL PLAN."),
            "{rev}"
        );
        assert!(text.contains("\n[revision]\nnumber = "), "{rev}");
    }
}

#[test]
fn the_same_file_has_no_changes_and_exits_0() {
    for format in ["text", "markdown", "json"] {
        for extra in [&[][..], &["--rendered"][..], &["--summary"][..]] {
            let out = run(gcmplan()
                .args(["diff", "--format", format])
                .args(extra)
                .args([REV2, REV2]));
            assert_eq!(out.code, 0, "{format} {extra:?}\n{}", out.stderr);
            if format == "json" {
                let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
                assert_eq!(v["changed"], false);
                assert_eq!(v["summary"], "No changes.");
            } else {
                assert!(
                    out.stdout.trim_end().ends_with("No changes."),
                    "{format} {extra:?}\n{}",
                    out.stdout
                );
                assert!(
                    !out.stdout.contains("Symbols:"),
                    "no legend without changes"
                );
            }
        }
    }
}

#[test]
fn only_the_revision_block_differs_so_nothing_changed() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("rev2-renumbered.toml");
    let text = crate::read(&root().join(REV2)).replace(
        "number = 2\ndate = \"2025-03-14\"",
        "number = 7\ndate = \"2025-12-01\"",
    );
    std::fs::write(&copy, text).unwrap();
    let out = run(gcmplan().arg("diff").arg(REV2).arg(&copy));
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .starts_with("Comparing revision 2 (2025-03-14) with revision 7 (2025-12-01)\n")
    );
}

#[test]
fn reordering_items_and_lists_is_not_a_change() {
    // The file written back with every list reversed, by the library's own
    // model: the command must still see no change.
    let mut a = gcmplan::load::load_file(&root().join(REV3))
        .unwrap()
        .answers;
    a.instruments.reverse();
    a.measures.reverse();
    for m in &mut a.measures {
        m.partners.reverse();
        m.builds_on.reverse();
    }
    a.stakeholders.reverse();
    a.governance.ministries.reverse();
    a.resources.needs.reverse();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reordered.toml");
    std::fs::write(&file, toml::to_string(&a).unwrap()).unwrap();
    let out = run(gcmplan().arg("diff").arg(REV3).arg(&file));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.ends_with("No changes.\n"), "{}", out.stdout);
    // The rendered plan lists measures in file order, so it does change.
    let out = run(gcmplan().args(["diff", "--rendered", REV3]).arg(&file));
    assert_eq!(out.code, 1, "{}", out.stdout);
}

#[test]
fn the_summary_line_counts_measures_and_coverage() {
    let out = diff(&[REV1, REV2]);
    let summary = out.lines().last().unwrap();
    assert!(
        summary.starts_with("Summary: 1 instrument changed; 1 measure added, 5 changed;"),
        "{summary}"
    );
    assert!(
        summary.contains("; coverage: 1 objective gap -> covered;"),
        "{summary}"
    );
    let out = diff(&[REV2, REV3]);
    let summary = out.lines().last().unwrap();
    assert!(
        summary.contains("2 measures changed, 1 removed;"),
        "{summary}"
    );
    assert!(summary.contains("2 stakeholders added;"), "{summary}");
}

#[test]
fn the_legend_lists_only_the_markers_used() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one-more-principle.toml");
    let text = crate::read(&root().join(REV3)).replace(
        "\n[principles]\n",
        "\n[principles]\nchild-sensitive = \"Children of migrants are protected.\"\n",
    );
    std::fs::write(&file, text).unwrap();
    let out = run(gcmplan().arg("diff").arg(REV3).arg(&file));
    assert_eq!(out.code, 1);
    // A principle added, and a finding that now reads differently.
    assert!(
        out.stdout.contains("\nSymbols: + added  ~ changed\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n+ principle child-sensitive \"Child-sensitive\"\n")
    );
    let out = run(gcmplan().arg("diff").arg(&file).arg(REV3));
    assert!(
        out.stdout.contains("\nSymbols: ~ changed  - removed\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn markdown_fits_a_revisions_section_of_the_plan() {
    for args in [
        &["--format", "markdown", REV1, REV2][..],
        &["--format", "markdown", REV2, REV3][..],
        &["--format", "markdown", "--rendered", REV1, REV2][..],
        &["--format", "markdown", "--summary", REV1, REV2][..],
    ] {
        let md = diff(args);
        assert!(md.starts_with("#### "), "{args:?}: a level-4 heading first");
        let mut in_code = false;
        for line in md.lines() {
            if line.starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if in_code || !line.starts_with('#') {
                continue;
            }
            let level = line.chars().take_while(|c| *c == '#').count();
            assert!(level >= 4, "{args:?}: heading above ####: {line}");
        }
        assert!(!in_code, "{args:?}: code blocks are closed");
        assert!(!md.contains('\x1b'), "{args:?}: no colour in Markdown");
    }
}

#[test]
fn json_carries_its_format_version_and_every_change() {
    let v: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json", REV1, REV2])).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["compared"], "answers");
    assert_eq!(v["changed"], true);
    assert_eq!(v["old"]["revision"]["number"], 1);
    let items = v["items"].as_array().unwrap();
    let added = items
        .iter()
        .find(|i| i["id"] == "recruitment-complaints")
        .unwrap();
    assert_eq!(added["kind"], "measure");
    assert_eq!(added["change"], "added");
    assert_eq!(added["after"]["lead"], "mols");
    let inspection = items.iter().find(|i| i["id"] == "pea-inspection").unwrap();
    let partners = inspection["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "partners")
        .unwrap();
    assert_eq!(
        partners["before"],
        serde_json::json!(["pea-association", "ilo"])
    );
    assert_eq!(v["consequences"]["coverage"][0]["objective"], 21);
    assert_eq!(v["consequences"]["coverage"][0]["before"], "gap");
    assert_eq!(v["consequences"]["coverage"][0]["after"], "covered");

    let v: serde_json::Value =
        serde_json::from_str(&diff(&["--format", "json", "--rendered", REV1, REV2])).unwrap();
    assert_eq!(v["format_version"], 1);
    assert_eq!(v["compared"], "rendered");
    assert!(!v["hunks"].as_array().unwrap().is_empty());
}

#[test]
fn colour_follows_the_flag_the_terminal_and_no_color() {
    let red = "\x1b[31m";
    // The test harness sets NO_COLOR and pipes stdout: auto means no colour.
    let out = diff(&[REV1, REV2]);
    assert!(!out.contains('\x1b'));
    assert!(out.contains("[-Seven-]{+Eight+}"));
    let out = diff(&["--color", "never", REV1, REV2]);
    assert!(!out.contains('\x1b'));
    // `always` wins over NO_COLOR, and colour replaces the word markers.
    let out = diff(&["--color", "always", REV1, REV2]);
    assert!(out.contains(red), "{out}");
    assert!(
        out.contains(&format!("{red}Seven\x1b[0m\x1b[32mEight\x1b[0m")),
        "{out}"
    );
    assert!(!out.contains("[-Seven-]"));
    let out = diff(&["--color", "always", "--rendered", REV1, REV2]);
    assert!(out.contains(red));
    // Markdown and JSON are never coloured.
    let out = diff(&["--color", "always", "--format", "json", REV1, REV2]);
    assert!(!out.contains('\x1b'));
    // Without NO_COLOR, auto still means no colour when stdout is a pipe.
    let out = run(gcmplan()
        .env_remove("NO_COLOR")
        .args(["diff", "--color", "auto", REV1, REV2]));
    assert!(!out.stdout.contains('\x1b'));
}

/// What `gcmplan check FILE` prints on standard error.
fn check_errors(file: &str) -> String {
    let out = run(gcmplan().args(["check", file]));
    assert_eq!(out.code, 2);
    out.stderr
}

#[test]
fn bad_input_gets_check_errors_for_both_files_and_exit_2() {
    let old = "tests/bad-answers/several-problems.toml";
    let new = "tests/bad-answers/unknown-partner.toml";
    let out = run(gcmplan().args(["diff", old, new]));
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert_eq!(
        out.stderr,
        format!(
            "in OLD ({old}):\n{}in NEW ({new}):\n{}",
            check_errors(old),
            check_errors(new)
        )
    );
}

#[test]
fn one_bad_file_is_named_alone() {
    let bad = "tests/bad-answers/misspelt-approach.toml";
    let out = run(gcmplan().args(["diff", REV1, bad]));
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains("in OLD"), "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!("in NEW ({bad}):\n{}", check_errors(bad))
    );

    let out = run(gcmplan().args(["diff", "no-such-file.toml", REV1]));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(
            "in OLD (no-such-file.toml):\nerror: cannot read no-such-file.toml: no such file"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn plan_json_exports_are_not_read_yet() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json");
    std::fs::write(&file, "{}").unwrap();
    let out = run(gcmplan().arg("diff").arg(REV1).arg(&file));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("compares answers files (.toml) for now"),
        "{}",
        out.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = run(gcmplan().args(["diff", "--format", "xml", REV1, REV2]));
    assert_eq!(out.code, 2);
    let out = run(gcmplan().args(["diff", REV1]));
    assert_eq!(out.code, 2);
}
