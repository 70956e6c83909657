//! Answers for unit tests: a small valid file, plus whatever a test adds.

use crate::answers::Answers;

/// The smallest answers a test builds on: a state, a plan and one ministry
/// (`moi`), selective, 2026-2029.
pub const BASE: &str = r#"
format = 1
[state]
name = "Testland"
iso_code = "TST"
lead_agency = "Ministry of the Interior"
[plan]
start_year = 2026
end_year = 2029
approach = "selective"
route = "dedicated"
[[governance.ministries]]
id = "moi"
name = "Ministry of the Interior"
role = "Lead"
"#;

/// [`BASE`] with `extra` appended, checked as any answers file is.
pub fn answers(extra: &str) -> Answers {
    let text = format!("{BASE}\n{extra}");
    match crate::load::parse(&text) {
        Ok(l) => l.answers,
        Err(d) => panic!("test answers invalid: {d:#?}"),
    }
}
