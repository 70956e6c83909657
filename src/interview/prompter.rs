//! The seam between the interview and the terminal: the flow asks
//! [`Question`]s through a [`Prompter`] and gets [`Reply`]s back. The
//! terminal implementation uses dialoguer; the scripted one plays replies
//! from a list, so the flow is tested without a terminal.

use anyhow::Result;

/// Checks a typed answer; `Err` holds what to tell the user.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// One question, in plain words.
pub struct Question<'a> {
    /// Where the answer goes in the file, e.g. `state.iso_code`.
    pub key: String,
    /// The question itself.
    pub prompt: String,
    /// What the question wants, in a sentence or two.
    pub help: String,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    /// One line of text. `default` is the current answer, offered for
    /// editing. An empty answer leaves an optional question unanswered.
    Text {
        default: Option<String>,
        optional: bool,
        check: Check<'a>,
    },
    /// Prose that may run to several paragraphs, written in a text editor
    /// or typed on one line.
    Prose {
        default: Option<String>,
        optional: bool,
    },
    /// One choice. Long lists can be searched by typing.
    Select {
        items: Vec<String>,
        default: Option<usize>,
    },
    /// Any number of choices.
    MultiSelect {
        items: Vec<String>,
        checked: Vec<bool>,
    },
    /// Yes or no.
    Confirm { default: Option<bool> },
}

/// What the user did with a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Text(String),
    Choice(usize),
    Choices(Vec<usize>),
    Yes(bool),
    /// Keep the current answer (Enter on a prefilled question).
    Default,
    /// Leave the answer empty (remove it).
    Clear,
    /// Go back to the previous question.
    Back,
    /// Open the menu: back, review, stop.
    Menu,
    /// Show the review screen.
    Review,
    /// Stop here; everything answered so far is saved.
    Stop,
}

pub trait Prompter {
    /// Shows text: a section heading, an objective's panel, a summary.
    fn say(&mut self, text: &str);
    /// Asks one question and waits for the reply. A typed answer is checked
    /// with the question's check before it is returned; the terminal asks
    /// again at once when the check fails.
    fn ask(&mut self, q: &Question<'_>) -> Result<Reply>;
    /// Tells the user why the answer was refused, before it is asked again.
    fn warn(&mut self, text: &str) {
        self.say(&format!("! {text}"));
    }
}

/// Cuts a choice label to `width` characters, so that a long label never
/// wraps and corrupts the list the terminal redraws.
pub fn fit_label(label: &str, width: usize) -> String {
    let width = width.max(10);
    let first = label.lines().next().unwrap_or_default();
    if first.chars().count() <= width && !label.contains('\n') {
        first.to_string()
    } else {
        let cut: String = first.chars().take(width - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cut_to_the_width() {
        assert_eq!(fit_label("short", 40), "short");
        let long = "Facilitate fair and ethical recruitment and safeguard conditions";
        let cut = fit_label(long, 20);
        assert_eq!(cut.chars().count(), 20);
        assert!(cut.ends_with('…'));
        assert_eq!(fit_label("two\nlines", 40), "two…");
    }
}
