use crate::{gcmplan, run};

#[test]
fn objectives_lists_all_23_with_their_titles() {
    let out = run(gcmplan().arg("objectives"));
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains(" 1. Data (11 actions)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("23. International cooperation (5 actions)")
    );
    assert!(out.stdout.contains(
        "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"
    ));
}

#[test]
fn one_objective_shows_its_actions_and_peer_practices() {
    let out = run(gcmplan().args(["objectives", "6"]));
    assert_eq!(out.code, 0);
    let s = &out.stdout;
    assert!(
        s.starts_with("Objective 6: Facilitate fair and ethical recruitment"),
        "{s}"
    );
    assert!(s.contains("Actions (12):"));
    assert!(s.contains("  6a  ") && s.contains("  6l  "), "{s}");
    assert!(s.contains("Peer practices from the 2019 GFMD workshop"));
    assert!(
        s.contains("Philippines"),
        "objective 6 has Philippine practices"
    );
}

#[test]
fn an_objective_outside_1_to_23_is_an_error() {
    for arg in ["0", "24"] {
        let out = run(gcmplan().args(["objectives", arg]));
        assert_eq!(out.code, 2, "{arg}");
        assert!(
            out.stderr.contains("the GCM has objectives 1 to 23"),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn practices_filter_by_objective_and_country() {
    let out = run(gcmplan().args(["practices", "--country", "nepal"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("Nepal"), "{}", out.stdout);
    assert!(!out.stdout.contains("(Sweden)"));

    let out = run(gcmplan().args(["practices", "--objective", "13"]));
    assert!(
        out.stdout.contains("Thailand"),
        "alternatives to detention: {}",
        out.stdout
    );
    let n: usize = out
        .stdout
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(n >= 1);

    let out = run(gcmplan().args(["practices", "--country", "Atlantis"]));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("No practice in the library matches."));
    assert!(out.stdout.contains("Countries and bodies in the library:"));
}
