//! A prompter that plays replies from a script, for tests and for anyone who
//! wants to drive the interview from code. Each reply may name the key of
//! the question it expects, so that a test fails where the flow went astray.

use std::collections::VecDeque;

use anyhow::{Result, bail};

use super::prompter::{Kind, Prompter, Question, Reply};

#[derive(Default)]
pub struct ScriptedPrompter {
    script: VecDeque<(Option<String>, Reply)>,
    /// Everything shown and asked, in order, for assertions.
    pub transcript: Vec<String>,
    /// Keys of the questions asked, in order.
    pub asked: Vec<String>,
}

impl ScriptedPrompter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a reply to whatever question comes next.
    pub fn then(mut self, reply: Reply) -> Self {
        self.script.push_back((None, reply));
        self
    }

    /// Adds a reply to the question with this key; asking another first fails.
    pub fn at(mut self, key: &str, reply: Reply) -> Self {
        self.script.push_back((Some(key.to_string()), reply));
        self
    }

    /// Text replies, for brevity.
    pub fn text(self, key: &str, text: &str) -> Self {
        self.at(key, Reply::Text(text.to_string()))
    }

    pub fn remaining(&self) -> usize {
        self.script.len()
    }

    /// The number of questions asked, re-asks included.
    pub fn questions(&self) -> usize {
        self.asked.len()
    }
}

impl Prompter for ScriptedPrompter {
    fn say(&mut self, text: &str) {
        self.transcript.push(text.to_string());
    }

    fn ask(&mut self, q: &Question<'_>) -> Result<Reply> {
        loop {
            self.asked.push(q.key.clone());
            self.transcript.push(format!("? [{}] {}", q.key, q.prompt));
            if let Kind::Text {
                default: Some(d), ..
            }
            | Kind::Prose {
                default: Some(d), ..
            } = &q.kind
            {
                self.transcript.push(format!("  (current answer: {d})"));
            }
            if let Kind::Select { items, .. } | Kind::MultiSelect { items, .. } = &q.kind {
                self.transcript
                    .extend(items.iter().map(|i| format!("  - {i}")));
            }
            let Some((expected, reply)) = self.script.pop_front() else {
                // The script ran out: the user stops here.
                return Ok(Reply::Stop);
            };
            if let Some(expected) = expected
                && expected != q.key
            {
                bail!(
                    "the script expected question `{expected}` but the interview asked `{}` ({}); transcript:\n{}",
                    q.key,
                    q.prompt,
                    self.transcript.join("\n")
                );
            }
            check_fits(q, &reply)?;
            if let (Kind::Text { check, .. }, Reply::Text(t)) = (&q.kind, &reply)
                && let Err(e) = check(t)
            {
                // As the terminal does: say why, and ask again.
                self.transcript.push(format!("! {e}"));
                continue;
            }
            self.transcript.push(format!("> {reply:?}"));
            return Ok(reply);
        }
    }
}

/// A reply of the wrong shape is a defect in the test's script.
fn check_fits(q: &Question<'_>, reply: &Reply) -> Result<()> {
    let ok = match (&q.kind, reply) {
        (Kind::Select { items, .. }, Reply::Choice(i)) => *i < items.len(),
        (Kind::MultiSelect { items, .. }, Reply::Choices(c)) => c.iter().all(|i| *i < items.len()),
        (Kind::Text { .. } | Kind::Prose { .. }, Reply::Text(_)) => true,
        (Kind::Confirm { .. }, Reply::Yes(_)) => true,
        (_, Reply::Text(_) | Reply::Choice(_) | Reply::Choices(_) | Reply::Yes(_)) => false,
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        bail!(
            "the script replied {reply:?} to `{}` ({}), which does not fit the question",
            q.key,
            q.prompt
        )
    }
}
