//! Lists of items (instruments, ministries, partners, measures, needs,
//! pillars): add, change or remove one at a time. Ids are made from the
//! item's title when it is added and never change afterwards, so that
//! `gcmplan diff` can follow the item across revisions.

use anyhow::Result;
use toml_edit::Value;

use super::check;
use super::document::AnswersDoc;
use super::flow::{Field, Interview, Nav};
use super::prompter::{Kind, Question, Reply};

/// Which items of a list to show.
pub(super) type Only<'a> = &'a dyn Fn(&AnswersDoc, usize) -> bool;

pub(super) struct ListSpec<'a> {
    /// Where the list is, e.g. `governance.ministries`.
    pub list: &'a str,
    /// What one item is called, e.g. "ministry or agency".
    pub noun: &'a str,
    pub prompt: &'a str,
    pub help: &'a str,
    /// The key whose value names an item in the list.
    pub label_key: &'a str,
    /// Shows only some items (the measures of one objective).
    pub only: Option<Only<'a>>,
}

/// Turns a title into an id: "Labour Migration Act" -> "labour-migration-act".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_string();
    if out.chars().count() > 40 {
        let cut: String = out.chars().take(40).collect();
        out = match cut.rfind('-') {
            Some(i) if i > 10 => cut[..i].to_string(),
            _ => cut,
        };
    }
    out
}

/// Every id used in the file: ids are kept unique across the whole file.
fn all_ids(doc: &AnswersDoc) -> Vec<String> {
    let mut ids = Vec::new();
    for list in [
        "instruments",
        "measures",
        "governance.ministries",
        "stakeholders",
        "development_plan.pillars",
        "resources.needs",
    ] {
        for i in 0..doc.len(list) {
            if let Some(id) = doc.str(&format!("{list}[{i}].id")) {
                ids.push(id);
            }
        }
    }
    ids
}

/// A new id made from `text`, unused in the file.
pub fn new_id(doc: &AnswersDoc, text: &str, fallback: &str) -> String {
    let base = match slug(text) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    let ids = all_ids(doc);
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

impl Interview<'_> {
    /// The menu of a list: add an item, change or remove one, or go on.
    /// `item` asks the questions of one item (None: a new one).
    pub(super) fn list<F>(&mut self, spec: &ListSpec<'_>, mut item: F) -> Result<Nav>
    where
        F: FnMut(&mut Self, Option<usize>) -> Result<Nav>,
    {
        // Coming back into a list shows its menu, not an item's last question.
        self.from_end = false;
        loop {
            let shown: Vec<usize> = (0..self.doc.len(spec.list))
                .filter(|i| spec.only.is_none_or(|f| f(&self.doc, *i)))
                .collect();
            let missing = check::missing(&self.doc);
            let mut items = vec![format!("Add a {}", spec.noun)];
            for i in &shown {
                let path = format!("{}[{i}]", spec.list);
                let unfinished = missing.iter().any(|m| m.starts_with(&format!("{path}.")));
                items.push(format!(
                    "Change or remove: {}{}",
                    self.label(spec, *i),
                    if unfinished {
                        " (unfinished: choose it to finish)"
                    } else {
                        ""
                    }
                ));
            }
            items.push(if shown.is_empty() {
                "None for now: go on".to_string()
            } else {
                "Done: go on".to_string()
            });
            let done = items.len() - 1;
            let help = if shown.is_empty() {
                format!("{} None listed yet.", spec.help)
            } else {
                format!("{} {} listed so far.", spec.help, shown.len())
            };
            let q = Question {
                key: spec.list.to_string(),
                prompt: spec.prompt.to_string(),
                help,
                kind: Kind::Select {
                    items,
                    default: Some(if shown.is_empty() { 0 } else { done }),
                },
            };
            match self.ask(&q)? {
                Err(nav) => return Ok(nav),
                Ok(Reply::Choice(0)) => match item(self, None)? {
                    nav @ (Nav::Review | Nav::Stop) => return Ok(nav),
                    _ => continue,
                },
                Ok(Reply::Choice(k)) if k < done => {
                    let i = shown[k - 1];
                    let label = self.label(spec, i);
                    let q = Question {
                        key: format!("{}[{i}]", spec.list),
                        prompt: format!("What shall we do with \"{label}\"?"),
                        help: "Removing it takes it out of the file.".into(),
                        kind: Kind::Select {
                            items: vec![
                                "Change its answers".into(),
                                "Remove it".into(),
                                "Leave it as it is".into(),
                            ],
                            default: Some(0),
                        },
                    };
                    match self.ask(&q)? {
                        Err(nav @ (Nav::Review | Nav::Stop)) => return Ok(nav),
                        Ok(Reply::Choice(0)) => {
                            if let nav @ (Nav::Review | Nav::Stop) = item(self, Some(i))? {
                                return Ok(nav);
                            }
                        }
                        Ok(Reply::Choice(1)) => {
                            self.remove_checked(
                                &format!("{}[{i}]", spec.list),
                                &format!("\"{label}\""),
                            )?;
                        }
                        _ => {}
                    }
                }
                Ok(_) => return Ok(Nav::Next),
            }
        }
    }

    fn label(&self, spec: &ListSpec<'_>, i: usize) -> String {
        self.doc
            .str(&format!("{}[{i}].{}", spec.list, spec.label_key))
            .or_else(|| self.doc.str(&format!("{}[{i}].id", spec.list)))
            .unwrap_or_else(|| format!("{} {}", spec.noun, i + 1))
    }

    /// The first question of an item: its title (or name). A new item is
    /// added to the list, with an id made from the title, only once the
    /// title is given. Returns the item's index.
    pub(super) fn item_title(
        &mut self,
        list: &str,
        index: Option<usize>,
        key: &str,
        f: &Field,
        heading: &str,
    ) -> Result<Result<usize, Nav>> {
        if let Some(i) = index {
            let f = Field {
                path: format!("{list}[{i}].{key}"),
                prompt: f.prompt.clone(),
                help: f.help.clone(),
                optional: false,
            };
            return Ok(match self.text(&f, super::flow::TextKind::Line)? {
                Nav::Next => Ok(i),
                nav => Err(nav),
            });
        }
        let at = self.doc.len(list);
        let path = format!("{list}[{at}].{key}");
        let add = |doc: &mut AnswersDoc, text: &str| {
            let id = new_id(doc, text, "item");
            let i = doc.push_item(list, Some(heading));
            doc.set(&format!("{list}[{i}].id"), Value::from(id), None);
            doc.set(
                &format!("{list}[{i}].{key}"),
                Value::from(text.trim()),
                None,
            );
            i
        };
        loop {
            let reply = {
                let doc = &self.doc;
                let check = |s: &str| -> Result<(), String> {
                    if s.trim().is_empty() {
                        return Err("this answer is needed; please type it".into());
                    }
                    let mut copy = doc.clone();
                    add(&mut copy, s);
                    let problems = check::problems_at(&copy, &path);
                    if problems.is_empty() {
                        Ok(())
                    } else {
                        Err(problems.join("; "))
                    }
                };
                let q = Question {
                    key: path.clone(),
                    prompt: f.prompt.clone(),
                    help: f.help.clone(),
                    kind: Kind::Text {
                        default: None,
                        optional: false,
                        check: &check,
                    },
                };
                self.p.ask(&q)?
            };
            match reply {
                Reply::Menu => match self.menu()? {
                    Some(nav) => return Ok(Err(nav)),
                    None => continue,
                },
                Reply::Back => return Ok(Err(Nav::Back)),
                Reply::Review => return Ok(Err(Nav::Review)),
                Reply::Stop => return Ok(Err(Nav::Stop)),
                Reply::Text(t) if !t.trim().is_empty() => {
                    let i = add(&mut self.doc, &t);
                    self.save()?;
                    return Ok(Ok(i));
                }
                _ => self.p.warn("this answer is needed; please type it"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn ids_are_made_from_titles_and_kept_unique() {
        assert_eq!(
            slug("Labour Migration Act, 2019"),
            "labour-migration-act-2019"
        );
        assert_eq!(slug("  Ministère du Travail  "), "ministère-du-travail");
        assert!(slug(&"word ".repeat(30)).chars().count() <= 40);
        let doc = AnswersDoc::parse(
            Path::new("a.toml"),
            "[[instruments]]\nid = \"labour-act\"\n[[stakeholders]]\nid = \"labour-act-2\"\n",
        )
        .unwrap();
        assert_eq!(new_id(&doc, "Labour Act", "x"), "labour-act-3");
        assert_eq!(new_id(&doc, "!!!", "measure"), "measure");
    }
}
