//! Properties of the comparison, on answers made from the real examples by
//! random edits (64 cases each, kept fast):
//! - a diff of answers with themselves is empty;
//! - diff(a, b) and diff(b, a) mirror each other;
//! - reordering items and unordered lists is no change;
//! - an edit is always reported, at its item and field.
//!
//! Order that carries meaning, decided in `gcmplan::diff` (src/diff/items.rs):
//! none in the lists of items, nor in `partners`, `builds_on`, `sdg_targets`,
//! `objectives`, `actions` of instruments and objectives, or
//! `migration_profile`. A measure's `actions` are the exception: the first
//! one places the measure in the plan, so the shuffle keeps it first.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use gcmplan::answers::{Answers, InstrumentStatus, Priority};
use gcmplan::diff::{Change, Kind, PlanDiff, diff_answers};
use proptest::prelude::*;

use crate::root;

fn examples() -> &'static [Answers] {
    static EXAMPLES: OnceLock<Vec<Answers>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        [
            "examples/ethiopia-selective.toml",
            "examples/philippines-systemic.toml",
            "examples/minimal.toml",
            "examples/revisions/rev1.toml",
            "examples/revisions/rev2.toml",
            "examples/revisions/rev3.toml",
        ]
        .iter()
        .map(|p| {
            gcmplan::load::load_file(&root().join(p))
                .unwrap_or_else(|e| panic!("{p}: {e}"))
                .answers
        })
        .collect()
    })
}

/// One random edit: which kind, and two numbers to pick what and how.
type Edit = (u8, u16, u16);

const PRIORITIES: [Priority; 4] = [
    Priority::High,
    Priority::Medium,
    Priority::Low,
    Priority::NotNow,
];

fn apply(a: &mut Answers, (kind, x, y): Edit) {
    let (x, y) = (usize::from(x), usize::from(y));
    let n_measures = a.measures.len();
    match kind % 10 {
        0 if n_measures > 0 => a.measures[x % n_measures].title.push_str(" (revised)"),
        1 if n_measures > 0 => {
            a.measures.remove(x % n_measures);
        }
        2 if n_measures > 0 => {
            let mut m = a.measures[x % n_measures].clone();
            m.id = format!("added-{x}-{y}");
            a.measures.insert(y % (n_measures + 1), m);
        }
        3 => {
            let n = x % 23 + 1;
            a.objectives.entry(n.to_string()).or_default().priority =
                Some(PRIORITIES[y % PRIORITIES.len()]);
        }
        4 if !a.instruments.is_empty() => {
            let len = a.instruments.len();
            let i = &mut a.instruments[x % len];
            i.status = if i.status.is_operative() {
                InstrumentStatus::Draft
            } else {
                InstrumentStatus::InForce
            };
        }
        5 if n_measures > 0 && !a.governance.ministries.is_empty() => {
            let id = a.governance.ministries[y % a.governance.ministries.len()]
                .id
                .clone();
            let m = &mut a.measures[x % n_measures];
            if m.partners.contains(&id) {
                m.partners.retain(|p| *p != id);
            } else {
                m.partners.push(id);
            }
        }
        6 if !a.stakeholders.is_empty() => {
            let len = a.stakeholders.len();
            a.stakeholders.remove(x % len);
        }
        7 if n_measures > 0 => {
            let m = &mut a.measures[x % n_measures];
            let b = m.budget.get_or_insert(gcmplan::answers::Budget {
                amount: None,
                currency: Some("USD".into()),
                source: None,
            });
            b.amount = Some(1000.0 * (y as f64 + 1.0));
        }
        8 => {
            let text = a.plan.rationale.get_or_insert_with(String::new);
            text.push_str(&format!(" Revised in round {y}."));
        }
        9 if !a.governance.ministries.is_empty() => {
            let len = a.governance.ministries.len();
            a.governance.ministries[x % len].role = format!("Role {y}");
        }
        _ => {}
    }
}

fn edited() -> impl Strategy<Value = Answers> {
    (
        0..examples().len(),
        prop::collection::vec(any::<Edit>(), 0..6),
    )
        .prop_map(|(base, edits)| {
            let mut a = examples()[base].clone();
            for e in edits {
                apply(&mut a, e);
            }
            a
        })
}

/// Two edited versions of the same example.
fn pair() -> impl Strategy<Value = (Answers, Answers)> {
    (
        0..examples().len(),
        prop::collection::vec(any::<Edit>(), 0..6),
        prop::collection::vec(any::<Edit>(), 0..6),
    )
        .prop_map(|(base, ea, eb)| {
            let (mut a, mut b) = (examples()[base].clone(), examples()[base].clone());
            ea.into_iter().for_each(|e| apply(&mut a, e));
            eb.into_iter().for_each(|e| apply(&mut b, e));
            (a, b)
        })
}

/// A deterministic shuffle (Fisher-Yates on a small LCG).
fn shuffle<T>(v: &mut [T], seed: &mut u64) {
    for i in (1..v.len()).rev() {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (*seed >> 33) as usize % (i + 1);
        v.swap(i, j);
    }
}

/// Reorders every item list and every list whose order carries no meaning.
fn reorder(a: &Answers, mut seed: u64) -> Answers {
    let mut a = a.clone();
    let s = &mut seed;
    shuffle(&mut a.state.migration_profile, s);
    if let Some(dp) = &mut a.development_plan {
        shuffle(&mut dp.pillars, s);
    }
    shuffle(&mut a.instruments, s);
    for i in &mut a.instruments {
        shuffle(&mut i.objectives, s);
        shuffle(&mut i.actions, s);
    }
    for o in a.objectives.values_mut() {
        shuffle(&mut o.actions, s);
        if let Some(t) = &mut o.sdg_targets {
            shuffle(t, s);
        }
    }
    shuffle(&mut a.measures, s);
    for m in &mut a.measures {
        if m.actions.len() > 1 {
            shuffle(&mut m.actions[1..], s);
        }
        shuffle(&mut m.partners, s);
        shuffle(&mut m.sdg_targets, s);
        shuffle(&mut m.builds_on, s);
    }
    shuffle(&mut a.governance.ministries, s);
    shuffle(&mut a.stakeholders, s);
    shuffle(&mut a.resources.needs, s);
    for n in &mut a.resources.needs {
        shuffle(&mut n.objectives, s);
    }
    a
}

/// The diff keyed by item, for comparisons that ignore output order.
fn by_item<'d>(d: &'d PlanDiff<'_>) -> BTreeMap<(Kind, String), &'d gcmplan::diff::ItemDiff<'d>> {
    d.items
        .iter()
        .map(|i| ((i.kind, i.id.clone()), i))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_diff_with_itself_is_empty(a in edited()) {
        let d = diff_answers(&a, &a);
        prop_assert!(d.is_empty(), "{:?}", d.items);
        prop_assert_eq!(d.summary("->"), "No changes.");
    }

    #[test]
    fn reordering_is_no_change(a in edited(), seed in any::<u64>()) {
        let b = reorder(&a, seed);
        let d = diff_answers(&a, &b);
        prop_assert!(d.is_empty(), "{:#?}", d.items);
    }

    #[test]
    fn reordering_both_sides_keeps_the_same_changes((a, b) in pair(), seed in any::<u64>()) {
        let d1 = diff_answers(&a, &b);
        let (ra, rb) = (reorder(&a, seed), reorder(&b, seed ^ 0x5eed));
        let d2 = diff_answers(&ra, &rb);
        // The same items and fields change in the same way; values carry
        // the order they were written in, so they are left out here.
        let shape = |d: &PlanDiff| {
            by_item(d)
                .into_iter()
                .map(|(k, i)| {
                    let fields: Vec<_> = i.fields.iter().map(|f| (f.field, f.change)).collect();
                    (k, (i.change, fields, i.unchanged_fields))
                })
                .collect::<BTreeMap<_, _>>()
        };
        prop_assert_eq!(shape(&d1), shape(&d2));
        prop_assert_eq!(d1.summary("->"), d2.summary("->"));
    }

    #[test]
    fn the_two_directions_mirror_each_other((a, b) in pair()) {
        let forth = diff_answers(&a, &b);
        let back = diff_answers(&b, &a);
        let (f, r) = (by_item(&forth), by_item(&back));
        prop_assert_eq!(f.len(), forth.items.len(), "one entry per item");
        prop_assert_eq!(f.keys().collect::<Vec<_>>(), r.keys().collect::<Vec<_>>());
        for (key, x) in &f {
            let y = r[key];
            prop_assert_eq!(x.change.mirror(), y.change, "{:?}", key);
            prop_assert_eq!(&x.before, &y.after);
            prop_assert_eq!(&x.after, &y.before);
            prop_assert_eq!(x.unchanged_fields, y.unchanged_fields);
            prop_assert_eq!(x.fields.len(), y.fields.len());
            for (p, q) in x.fields.iter().zip(&y.fields) {
                prop_assert_eq!(p.field, q.field);
                prop_assert_eq!(p.change.mirror(), q.change);
                prop_assert_eq!(&p.old, &q.new);
                prop_assert_eq!(&p.new, &q.old);
            }
        }
        let (cf, cb) = (&forth.consequences, &back.consequences);
        prop_assert_eq!(cf.approach.mirror(), cb.approach);
        prop_assert_eq!(cf.recommended.mirror(), cb.recommended);
        prop_assert_eq!(cf.coverage.len(), cb.coverage.len());
        for (p, q) in cf.coverage.iter().zip(&cb.coverage) {
            prop_assert_eq!((p.objective, p.before, p.after), (q.objective, q.after, q.before));
        }
        let key = |f: &gcmplan::diff::FindingChange| (f.code, f.subject.clone(), f.message().to_string());
        let mut ff: Vec<_> = cf.findings.iter().map(|f| (key(f), f.change.mirror(), f.before.clone(), f.after.clone())).collect();
        let mut fb: Vec<_> = cb.findings.iter().map(|f| (key(f), f.change, f.after.clone(), f.before.clone())).collect();
        // A changed finding's message differs by side; key it by code and subject.
        for v in [&mut ff, &mut fb] {
            for e in v.iter_mut() {
                if e.1 == Change::Changed {
                    e.0 .2.clear();
                }
            }
            v.sort();
        }
        prop_assert_eq!(ff, fb);
        prop_assert_eq!(forth.is_empty(), back.is_empty());
    }

    #[test]
    fn a_retitled_measure_is_reported_at_its_title(a in edited(), pick in any::<u16>()) {
        prop_assume!(!a.measures.is_empty());
        let mut b = a.clone();
        let i = usize::from(pick) % b.measures.len();
        b.measures[i].title.push_str(" (revised)");
        let d = diff_answers(&a, &b);
        prop_assert_eq!(d.items.len(), 1);
        let item = &d.items[0];
        prop_assert_eq!((item.kind, item.id.as_str(), item.change), (Kind::Measure, b.measures[i].id.as_str(), Change::Changed));
        prop_assert_eq!(item.fields.len(), 1);
        prop_assert_eq!(item.fields[0].field, "title");
    }
}
