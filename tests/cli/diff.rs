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

/// A folder with the example revisions as answers files (`rev1.toml`) and
/// as plan JSON exports (`rev1.json`), for running gcmplan inside it.
fn exports() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for rev in ["rev1", "rev3"] {
        let toml = dir.path().join(format!("{rev}.toml"));
        std::fs::copy(root().join(format!("examples/revisions/{rev}.toml")), &toml).unwrap();
        let out = run(gcmplan()
            .arg("render")
            .arg(&toml)
            .arg("-o")
            .arg(dir.path().join(format!("{rev}.json"))));
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    dir
}

/// `gcmplan diff` run inside `dir`.
fn diff_in(dir: &tempfile::TempDir, args: &[&str]) -> crate::Output {
    run(gcmplan().current_dir(dir.path()).arg("diff").args(args))
}

#[test]
fn exports_compare_exactly_as_the_answers_they_were_made_from() {
    let dir = exports();
    for format in ["text", "markdown", "json"] {
        for extra in [&[][..], &["--rendered"][..], &["--summary"][..]] {
            let with = |old: &str, new: &str| {
                let mut args = vec!["--format", format];
                args.extend(extra);
                args.extend([old, new]);
                let out = diff_in(&dir, &args);
                assert_eq!(out.code, 1, "{args:?}\n{}", out.stderr);
                assert!(out.stderr.is_empty(), "{args:?}\n{}", out.stderr);
                // The file names aside, byte for byte.
                out.stdout
                    .replace("rev1.json", "rev1.toml")
                    .replace("rev3.json", "rev3.toml")
            };
            let answers = with("rev1.toml", "rev3.toml");
            assert!(answers.contains("rev3.toml"), "{answers}");
            for (old, new) in [
                ("rev1.json", "rev3.json"),
                ("rev1.toml", "rev3.json"),
                ("rev1.json", "rev3.toml"),
            ] {
                assert_eq!(with(old, new), answers, "{format} {extra:?} {old} {new}");
            }
        }
    }
    // An export and its own answers file: no change, even rendered.
    for extra in [&[][..], &["--rendered"][..]] {
        let out = diff_in(&dir, &[extra, &["rev3.toml", "rev3.json"]].concat());
        assert_eq!(out.code, 0, "{extra:?}\n{}{}", out.stdout, out.stderr);
        assert!(out.stdout.ends_with("No changes.\n"), "{}", out.stdout);
    }
}

#[test]
fn json_is_known_by_its_extension_in_any_case_or_its_first_character() {
    let dir = exports();
    std::fs::copy(dir.path().join("rev1.json"), dir.path().join("REV1.JSON")).unwrap();
    std::fs::copy(dir.path().join("rev1.json"), dir.path().join("rev1-export")).unwrap();
    for name in ["REV1.JSON", "rev1-export"] {
        let out = diff_in(&dir, &["rev1.toml", name]);
        assert_eq!(out.code, 0, "{name}\n{}{}", out.stdout, out.stderr);
        assert!(out.stderr.is_empty(), "{}", out.stderr);
    }
}

#[test]
fn an_export_rendered_under_another_approach_is_compared_under_it() {
    let dir = exports();
    let out = run(gcmplan()
        .current_dir(dir.path())
        .args(["render", "rev1.toml", "--approach", "systemic", "-o"])
        .arg("rev1-systemic.json"));
    assert_eq!(out.code, 0, "{}", out.stderr);

    let out = diff_in(&dir, &["rev1.toml", "rev1-systemic.json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("\n  Approach chosen: Selective -> Systemic and robust\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n~ plan settings\n    ~ approach: Selective -> Systemic and robust\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("\nSummary: plan settings changed; approach: selective -> systemic and robust; findings: 2 new\n"),
        "{}",
        out.stdout
    );

    // Rendered, the export is the plan `render --approach systemic` wrote:
    // the file's own approach is named beside the one shown.
    let out = diff_in(&dir, &["--rendered", "rev1.toml", "rev1-systemic.json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "{+Systemic and robust, shown for comparison only; the answers file chooses +}Selective"
        ),
        "{}",
        out.stdout
    );
    let out = diff_in(
        &dir,
        &["--rendered", "rev1-systemic.json", "rev1-systemic.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
}

/// Runs `gcmplan diff` inside `dir` on a bad side and checks exit code 2,
/// no output, and that only the bad side is named.
fn bad_side(dir: &tempfile::TempDir, old: &str, new: &str) -> String {
    let out = diff_in(dir, &[old, new]);
    assert_eq!(out.code, 2, "{old} {new}\n{}", out.stdout);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    out.stderr
}

/// rev1.json as data, changed by `edit` and written back as `name`.
fn edited_export(dir: &tempfile::TempDir, name: &str, edit: impl FnOnce(&mut serde_json::Value)) {
    let mut v: serde_json::Value =
        serde_json::from_str(&crate::read(&dir.path().join("rev1.json"))).unwrap();
    edit(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
    std::fs::write(dir.path().join(name), text).unwrap();
}

#[test]
fn a_file_that_is_not_json_or_not_a_plan_is_named_and_exits_2() {
    let dir = exports();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("broken.json", "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
    let err = bad_side(&dir, "broken.json", "rev3.json");
    assert!(
        err.starts_with(
            "in OLD (broken.json):\nbroken.json:3:7: error: this is not valid JSON: expected `:`\n  = help: "
        ),
        "{err}"
    );
    assert!(!err.contains("NEW"), "{err}");

    write("list.json", "[1, 2]\n");
    write("other.json", "{\"name\": \"a dashboard's own file\"}\n");
    for name in ["list.json", "other.json"] {
        let err = bad_side(&dir, "rev1.json", name);
        assert!(
            err.starts_with(&format!(
                "in NEW ({name}):\n{name}: error: this is JSON, but not a plan exported by gcmplan: "
            )),
            "{err}"
        );
        assert!(err.contains("looks like another kind of JSON"), "{err}");
    }

    let out = diff_in(&dir, &["--format", "json", "rev1.toml", "rev3.toml"]);
    write("changes.json", &out.stdout);
    let err = bad_side(&dir, "changes.json", "rev3.toml");
    assert!(
        err.contains("it looks like the output of `gcmplan diff --format json`"),
        "{err}"
    );

    // Both sides wrong: both named, OLD first.
    let err = bad_side(&dir, "other.json", "broken.json");
    let new_at = err.find("in NEW (broken.json):\n").expect("NEW named");
    assert!(
        err.starts_with("in OLD (other.json):\n") && new_at > 0,
        "{err}"
    );
}

#[test]
fn an_export_without_answers_or_from_a_newer_gcmplan_is_explained() {
    let dir = exports();
    edited_export(&dir, "older.json", |v| {
        v.as_object_mut().unwrap().remove("answers");
    });
    let err = bad_side(&dir, "rev1.toml", "older.json");
    assert!(
        err.starts_with("in NEW (older.json):\nolder.json: error: this plan JSON was written by an older gcmplan (gcmplan "),
        "{err}"
    );
    assert!(
        err.contains("= help: render the plan again from its answers file"),
        "{err}"
    );

    edited_export(&dir, "newer.json", |v| v["format_version"] = 2.into());
    let err = bad_side(&dir, "newer.json", "rev1.toml");
    assert!(err.starts_with("in OLD (newer.json):\nnewer.json: error: this plan JSON is format_version 2, written by gcmplan "), "{err}");
    assert!(err.contains("reads format_version 1\n"), "{err}");
}

#[test]
fn answers_that_do_not_fit_are_placed_by_their_json_path() {
    let dir = exports();
    edited_export(&dir, "typed.json", |v| {
        v["answers"]["measures"][2]["lead"] = 3.into();
    });
    let err = bad_side(&dir, "rev1.toml", "typed.json");
    assert!(
        err.starts_with("in NEW (typed.json):\ntyped.json: answers.measures[2].lead: error: invalid type: integer `3`, expected a string\n  = help: "),
        "{err}"
    );

    edited_export(&dir, "unknown.json", |v| {
        v["answers"]["state"]["nickname"] = "X".into();
    });
    let err = bad_side(&dir, "unknown.json", "rev1.toml");
    assert!(
        err.starts_with(
            "in OLD (unknown.json):\nunknown.json: answers.state.nickname: error: unknown field `nickname`"
        ),
        "{err}"
    );
}

#[test]
fn answers_that_fail_the_checks_get_the_words_of_check() {
    let dir = exports();
    edited_export(&dir, "invalid.json", |v| {
        v["answers"]["measures"][0]["lead"] = "finance".into();
        v["answers"]["objectives"]["24"] = serde_json::json!({});
    });
    let err = bad_side(&dir, "rev3.toml", "invalid.json");
    assert!(err.starts_with("in NEW (invalid.json):\n"), "{err}");
    assert!(
        err.contains("\ninvalid.json: answers.measures[0].lead: error: the lead of measure `pea-inspection` names `finance`, which is neither a ministry nor a stakeholder\n"),
        "{err}"
    );
    assert!(
        err.contains("\ninvalid.json: answers.objectives.24: error: "),
        "{err}"
    );
    assert!(
        err.ends_with("\ninvalid.json has 2 problems in its answers; fix them in the answers file the plan was rendered from (`gcmplan check` reads it) and render the plan again\n"),
        "{err}"
    );

    // The same answers as a file: `check` says the same things.
    let toml = crate::read(&dir.path().join("rev1.toml")).replacen(
        "lead = \"mols\"",
        "lead = \"finance\"",
        1,
    ) + "\n[objectives.24]\n";
    std::fs::write(dir.path().join("invalid.toml"), toml).unwrap();
    let out = run(gcmplan()
        .current_dir(dir.path())
        .args(["check", "invalid.toml"]));
    assert_eq!(out.code, 2);
    let said: Vec<&str> = out
        .stderr
        .lines()
        .filter_map(|l| {
            l.split_once(": error: ")
                .map(|(_, m)| m)
                .or(l.strip_prefix("  = help: "))
        })
        .collect();
    assert_eq!(said.len(), 4, "{}", out.stderr);
    for words in said {
        assert!(err.contains(words), "{words}\n{err}");
    }
}

#[test]
fn an_edited_export_is_compared_with_a_warning() {
    let dir = exports();
    edited_export(&dir, "edited.json", |v| {
        v["answers"]["measures"][0]["title"] = "Inspect every agency".into();
    });
    let out = diff_in(&dir, &["rev1.toml", "edited.json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "warning: in NEW: edited.json was edited after gcmplan wrote it (its fingerprint does not match); the diff reads its `answers` field\n"
    );
    assert!(
        out.stdout
            .contains("\n~ measure pea-inspection \"Inspect every agency\"\n"),
        "{}",
        out.stdout
    );

    // Reformatted only: still edited, and nothing changed.
    let text = crate::read(&dir.path().join("rev1.json")).replace("\n  ", "\n    ");
    std::fs::write(dir.path().join("reformatted.json"), text).unwrap();
    let out = diff_in(&dir, &["reformatted.json", "rev1.toml"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("warning: in OLD: reformatted.json was edited after gcmplan wrote it"),
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
