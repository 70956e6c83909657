use super::*;

use crate::test_support::answers;

const MEASURE: &str = r#"
[[measures]]
id = "m1"
title = "Inspect recruitment agencies"
actions = ["6c", "6f"]
lead = "moi"
partners = ["moi"]
[measures.indicator]
text = "Agencies inspected"
target = "All agencies inspected yearly from 2026"
"#;

#[test]
fn identical_answers_have_no_changes() {
    let a = answers(MEASURE);
    let d = diff_answers(&a, &a);
    assert!(d.is_empty());
    assert_eq!(d.summary("->"), "No changes.");
}

#[test]
fn nested_fields_are_compared_one_by_one() {
    let a = answers(MEASURE);
    let b = answers(&MEASURE.replace("from 2026", "from 2025"));
    let d = diff_answers(&a, &b);
    assert_eq!(d.items.len(), 1);
    let m = &d.items[0];
    assert_eq!(
        (m.kind, m.id.as_str(), m.change),
        (Kind::Measure, "m1", Change::Changed)
    );
    assert_eq!(m.fields.len(), 1);
    assert_eq!(m.fields[0].field, "indicator.target");
    // title, actions, lead, partners, indicator.text
    assert_eq!(m.unchanged_fields, 5);
    assert_eq!(
        text::field_line(&m.fields[0], text::Style { color: false }),
        "~ indicator.target: All agencies inspected yearly from [-2026-]{+2025+}"
    );
}

#[test]
fn the_revision_block_is_not_a_change() {
    let a = answers("[revision]\nnumber = 1\n");
    let b = answers("[revision]\nnumber = 2\nnote = \"Second draft.\"\n");
    assert!(diff_answers(&a, &b).is_empty());
}

#[test]
fn reordering_a_measures_actions_matters_only_when_it_moves_the_measure() {
    let a = answers(MEASURE);
    let same_objective = answers(&MEASURE.replace(r#"["6c", "6f"]"#, r#"["6f", "6c"]"#));
    assert!(diff_answers(&a, &same_objective).is_empty());

    let two = MEASURE.replace(r#"["6c", "6f"]"#, r#"["6c", "3e"]"#);
    let moved = two.replace(r#"["6c", "3e"]"#, r#"["3e", "6c"]"#);
    let (two, moved) = (answers(&two), answers(&moved));
    let d = diff_answers(&two, &moved);
    let f = &d.items[0].fields[0];
    assert_eq!(f.field, "actions");
    assert_eq!(
        text::field_line(f, text::Style { color: false }),
        "~ actions: order changed, 6c, 3e -> 3e, 6c; now listed under objective 3"
    );
}

#[test]
fn lists_show_what_was_added_and_removed() {
    let a = answers(MEASURE);
    let b = answers(&MEASURE.replace(
        r#"partners = ["moi"]"#,
        r#"partners = ["union"]
[[stakeholders]]
id = "union"
name = "Trade union confederation"
kind = "trade-union"
engagement = "consulted""#,
    ));
    let d = diff_answers(&a, &b);
    let m = d.items.iter().find(|i| i.kind == Kind::Measure).unwrap();
    assert_eq!(
        text::field_line(&m.fields[0], text::Style { color: false }),
        "~ partners: added union; removed moi"
    );
    // The trade union among the partners settles the objective 6 finding.
    assert!(
        d.consequences
            .findings_with(Change::Removed)
            .any(|f| f.code == "objective-6-no-union")
    );
    assert!(
        d.summary("->")
            .starts_with("1 measure changed; 1 stakeholder added")
    );
}

#[test]
fn an_adopted_instrument_moves_its_objective_from_gap_to_covered() {
    let inst = r#"
[[instruments]]
id = "info-law"
title = "Migrant information law"
kind = "law"
status = "draft"
actions = ["3a", "3b", "3c"]
"#;
    let a = answers(inst);
    let b = answers(&inst.replace("draft", "in-force"));
    let d = diff_answers(&a, &b);
    assert_eq!(
        d.consequences.coverage,
        vec![CoverageChange {
            objective: 3,
            label: "Information provision".into(),
            before: Coverage::Gap,
            after: Coverage::Covered,
        }]
    );
    assert!(
        d.summary("->")
            .contains("coverage: 1 objective gap -> covered"),
        "{}",
        d.summary("->")
    );
}

#[test]
fn an_approach_change_is_reported_with_its_consequences() {
    let a = answers("");
    let b = answers("").clone();
    let mut b = b;
    b.plan.approach = Approach::Systemic;
    let d = diff_answers(&a, &b);
    assert!(d.consequences.approach.changed());
    assert!(
        d.summary("->")
            .contains("approach: selective -> systemic and robust")
    );
    let out = text::render(
        &d,
        text::Options {
            style: text::Style { color: false },
            summary_only: false,
        },
    );
    assert!(
        out.contains("Approach chosen: Selective -> Systemic and robust"),
        "{out}"
    );
    assert!(
        out.contains("~ approach: Selective -> Systemic and robust"),
        "{out}"
    );
}

#[test]
fn a_long_change_list_reads_the_same_written_on_two_threads() {
    let read = |name: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("benches")
            .join(name);
        crate::load::load_file(&path).unwrap().answers
    };
    let (a, b) = (read("diff-old.toml"), read("diff-new.toml"));
    let d = diff_answers(&a, &b);
    let fields: usize = d.items.iter().map(|i| 1 + i.fields.len()).sum();
    assert!(fields >= 200, "too short to be split: {fields}");
    let write = |out: &mut String, item: &ItemDiff<'_>| {
        out.push_str(&item.id);
        for f in &item.fields {
            out.push_str(&format!(" {}={:?}", f.field, f.view()));
        }
        out.push('\n');
    };
    let mut serial = String::new();
    for item in &d.items {
        write(&mut serial, item);
    }
    assert_eq!(write_items(&d.items, write), serial);
}
