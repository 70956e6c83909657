//! The GCM itself, as data: the 23 objectives with their 187 actions, the ten
//! guiding principles, default SDG target links and the practice library drawn
//! from the GFMD 2019 workshop report. The data lives in TOML files embedded in
//! the binary (`src/reference/`), checked by the tests below.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

// The reference data is edited as TOML in src/reference/; build.rs writes
// each file out as JSON, which reads several times faster.
const OBJECTIVES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/objectives.json"));
const PRINCIPLES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/principles.json"));
const PRACTICES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/practices.json"));

pub const OBJECTIVE_COUNT: usize = 23;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    pub number: u8,
    /// The title exactly as adopted.
    pub title: String,
    /// Other wordings of the title found in the adopted text.
    #[serde(default)]
    pub alternative_titles: Vec<String>,
    /// Short label, as the UN Network on Migration uses.
    pub label: String,
    /// Paragraph of A/RES/73/195 that holds the objective's commitment.
    pub paragraph: u8,
    /// Default SDG targets linked to the objective.
    pub sdg_targets: Vec<String>,
    #[serde(rename = "action")]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub letter: String,
    /// gcmplan's own short wording of the action.
    pub title: String,
    /// Whether the action involves local authorities or local services.
    #[serde(default)]
    pub local: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub key: String,
    /// Paragraph reference, e.g. "15(a)".
    pub reference: String,
    pub name: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub id: String,
    /// Countries or bodies behind the practice.
    pub actors: Vec<String>,
    pub title: String,
    pub summary: String,
    pub theme: String,
    pub session: String,
    pub objectives: Vec<u8>,
}

impl Practice {
    pub fn actors_text(&self) -> String {
        join_and(&self.actors)
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {}", init.join(", "), last),
    }
}

pub struct Reference {
    pub objectives: Vec<Objective>,
    pub principles: Vec<Principle>,
}

#[derive(Deserialize)]
struct ObjectivesFile {
    objective: Vec<Objective>,
}
#[derive(Deserialize)]
struct PrinciplesFile {
    principle: Vec<Principle>,
}
#[derive(Deserialize)]
struct PracticesFile {
    practice: Vec<Practice>,
}

/// The reference data, parsed once per process.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| {
        // The embedded files are checked by the unit tests; a parse failure
        // here is a build defect, not a user error.
        let objectives: ObjectivesFile =
            serde_json::from_str(OBJECTIVES_JSON).expect("embedded objectives.toml is valid");
        let principles: PrinciplesFile =
            serde_json::from_str(PRINCIPLES_JSON).expect("embedded principles.toml is valid");
        Reference {
            objectives: objectives.objective,
            principles: principles.principle,
        }
    })
}

impl Reference {
    /// The practice library, parsed on first use: `check` and `diff` never
    /// need it.
    pub fn practices(&self) -> &'static [Practice] {
        static PRACTICES: OnceLock<Vec<Practice>> = OnceLock::new();
        PRACTICES.get_or_init(|| {
            let file: PracticesFile =
                serde_json::from_str(PRACTICES_JSON).expect("embedded practices.toml is valid");
            file.practice
        })
    }

    /// Objective `n` (1-23).
    pub fn objective(&self, n: u8) -> Option<&Objective> {
        n.checked_sub(1)
            .and_then(|i| self.objectives.get(usize::from(i)))
    }

    pub fn principle(&self, key: &str) -> Option<&Principle> {
        self.principles.iter().find(|p| p.key == key)
    }

    /// Looks up an action id such as "5a" or "5(a)".
    pub fn action(&self, id: &str) -> Option<(&Objective, &Action)> {
        let id = ActionId::parse(id)?;
        let objective = self.objective(id.objective)?;
        let action = objective
            .actions
            .iter()
            .find(|a| a.letter.len() == 1 && a.letter.starts_with(id.letter))?;
        Some((objective, action))
    }

    pub fn action_count(&self) -> usize {
        self.objectives.iter().map(|o| o.actions.len()).sum()
    }

    /// Practices from the library that serve objective `n`, most relevant first.
    pub fn practices_for(&self, n: u8) -> impl Iterator<Item = &Practice> {
        self.practices()
            .iter()
            .filter(move |p| p.objectives.contains(&n))
    }
}

/// A GCM action id, written "5a" (or "5(a)" on input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionId {
    pub objective: u8,
    pub letter: char,
}

impl ActionId {
    /// Parses "5a", "5(a)" or "5 (a)"; None when the text has another shape.
    /// It allocates nothing: action ids are parsed many times per plan.
    pub fn parse(text: &str) -> Option<ActionId> {
        let mut chars = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '(' && *c != ')');
        let mut objective: u8 = 0;
        let mut digits = 0;
        let letter = loop {
            match chars.next()? {
                c @ '0'..='9' if digits < 2 => {
                    objective = objective * 10 + (c as u8 - b'0');
                    digits += 1;
                }
                c if c.is_ascii_alphabetic() && digits > 0 => break c.to_ascii_lowercase(),
                _ => return None,
            }
        };
        if chars.next().is_some() {
            return None;
        }
        Some(ActionId { objective, letter })
    }

    pub fn canonical(&self) -> String {
        format!("{}{}", self.objective, self.letter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_23_objectives_in_order_with_their_paragraphs() {
        let r = reference();
        assert_eq!(r.objectives.len(), OBJECTIVE_COUNT);
        for (i, o) in r.objectives.iter().enumerate() {
            assert_eq!(usize::from(o.number), i + 1);
            assert_eq!(o.paragraph, o.number + 16, "objective {}", o.number);
            assert!(
                !o.sdg_targets.is_empty(),
                "objective {} has SDG links",
                o.number
            );
        }
    }

    #[test]
    fn the_actions_number_187_with_the_adopted_counts() {
        let counts = [
            11, 12, 5, 7, 10, 12, 12, 6, 6, 10, 7, 5, 8, 6, 6, 9, 7, 12, 10, 9, 9, 3, 5,
        ];
        let r = reference();
        let got: Vec<usize> = r.objectives.iter().map(|o| o.actions.len()).collect();
        assert_eq!(got, counts);
        assert_eq!(r.action_count(), 187);
        for o in &r.objectives {
            for (i, a) in o.actions.iter().enumerate() {
                let expected = char::from(b'a' + i as u8).to_string();
                assert_eq!(a.letter, expected, "objective {} action {}", o.number, i);
                assert!(!a.title.trim().is_empty());
            }
        }
    }

    #[test]
    fn titles_are_the_adopted_ones() {
        let r = reference();
        assert_eq!(
            r.objective(1).unwrap().title,
            "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
        );
        assert_eq!(
            r.objective(6).unwrap().title,
            "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"
        );
        assert_eq!(
            r.objective(23).unwrap().title,
            "Strengthen international cooperation and global partnerships for safe, orderly and regular migration"
        );
        let o13 = r.objective(13).unwrap();
        assert!(
            o13.title
                .contains("detention only as a measure of last resort")
        );
        assert_eq!(o13.alternative_titles.len(), 1);
    }

    #[test]
    fn there_are_ten_guiding_principles() {
        let r = reference();
        assert_eq!(r.principles.len(), 10);
        assert_eq!(r.principles[0].key, "people-centred");
        assert_eq!(r.principles[9].key, "whole-of-society");
        assert!(r.principle("human-rights").is_some());
    }

    #[test]
    fn the_practice_library_is_sound() {
        let r = reference();
        assert!(
            r.practices().len() >= 44,
            "{} practices",
            r.practices().len()
        );
        let mut ids: Vec<&str> = r.practices().iter().map(|p| p.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), r.practices().len(), "practice ids are unique");
        for p in r.practices() {
            assert!(!p.objectives.is_empty(), "{} serves an objective", p.id);
            assert!(
                p.objectives.iter().all(|n| (1..=23).contains(n)),
                "{}",
                p.id
            );
            assert!(!p.actors.is_empty(), "{}", p.id);
        }
        // The workshop centred on objectives 5, 6 and 23: each has peers to learn from.
        for n in [5, 6, 23] {
            assert!(r.practices_for(n).count() >= 3, "objective {n}");
        }
        assert!(
            r.practices()
                .iter()
                .any(|p| p.actors.iter().any(|a| a == "Philippines"))
        );
    }

    #[test]
    fn action_ids_parse_in_both_spellings() {
        let r = reference();
        assert_eq!(ActionId::parse("5a").unwrap().canonical(), "5a");
        assert_eq!(ActionId::parse("5(a)").unwrap().canonical(), "5a");
        assert_eq!(ActionId::parse("23 (E)").unwrap().canonical(), "23e");
        assert!(ActionId::parse("a5").is_none());
        assert!(ActionId::parse("5ab").is_none());
        assert!(ActionId::parse("123a").is_none());
        assert!(ActionId::parse("").is_none());
        assert!(ActionId::parse("5").is_none());
        assert!(r.action("6l").is_some());
        assert!(r.action("6m").is_none());
        assert!(r.action("24a").is_none());
        assert!(r.action("22c").is_some());
        assert!(r.action("22d").is_none());
    }
}
