//! The terminal prompter: every dialoguer call of gcmplan is in this file.
//!
//! Three guards the prompt library needs: prompt only when standard input
//! and standard error are terminals (dialoguer draws on stderr, and console
//! reads keys from /dev/tty even when stdin is piped); a Ctrl-C handler that
//! shows the cursor again and exits with 130 (console raises SIGINT itself,
//! and Select, MultiSelect, FuzzySelect and Confirm hide the cursor); and
//! choice labels cut to the terminal's width, since a wrapped label breaks
//! the redrawing of the list.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use dialoguer::console::{Term, style};
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Editor, FuzzySelect, Input, MultiSelect, Select};

use super::document::SAVE_LOCK;
use super::prompter::{Kind, Prompter, Question, Reply, fit_label};

/// Whether questions can be asked: both standard input and standard error
/// must be a terminal.
pub fn is_interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

static FILE: OnceLock<String> = OnceLock::new();

/// Installs the Ctrl-C handler: show the cursor, say where the answers are,
/// exit with 130. Answers are saved after each one, so nothing is lost.
pub fn install_interrupt_handler(file: &Path) -> Result<()> {
    let _ = FILE.set(file.display().to_string());
    ctrlc::set_handler(|| interrupted()).context("cannot install the Ctrl-C handler")
}

/// Leaves the terminal as it was and exits with 130. Waits for a save in
/// progress; a second caller blocks here until the process has exited.
fn interrupted() -> ! {
    let _guard = SAVE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    let term = Term::stderr();
    let _ = term.show_cursor();
    let file = FILE.get().map_or("answers.toml", String::as_str);
    let _ = term.write_line("");
    let _ = term.write_line(&format!(
        "Stopped. Every answer you gave is saved in {file}.\nRun `gcmplan interview {file}` to go on where you stopped."
    ));
    std::process::exit(130);
}

pub struct TerminalPrompter {
    term: Term,
    theme: ColorfulTheme,
    /// How often each key hint was shown: after a few times, it is known.
    hints: std::collections::HashMap<&'static str, usize>,
}

impl Default for TerminalPrompter {
    fn default() -> Self {
        Self::new()
    }
}

impl TerminalPrompter {
    pub fn new() -> Self {
        TerminalPrompter {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            hints: std::collections::HashMap::new(),
        }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1)
    }

    fn rows(&self) -> usize {
        usize::from(self.term.size().0)
    }

    /// Cuts labels so that each fits on one line after the theme's marks.
    fn labels(&self, items: &[String]) -> Vec<String> {
        let width = self.width().saturating_sub(8);
        items.iter().map(|i| fit_label(i, width)).collect()
    }

    fn note(&self, text: &str) {
        for line in wrap(text, self.width().saturating_sub(2).max(20)) {
            let _ = self.term.write_line(&style(line).dim().to_string());
        }
    }

    /// A hint on which keys to press, shown the first few times only.
    fn hint(&mut self, text: &'static str) {
        let seen = self.hints.entry(text).or_default();
        *seen += 1;
        if *seen <= 3 {
            self.note(text);
        }
    }

    fn editor(&self, text: &str) -> Result<Option<String>> {
        let mut editor = Editor::new();
        let chosen = std::env::var_os("VISUAL").or_else(|| std::env::var_os("EDITOR"));
        if chosen.is_none() && cfg!(unix) && on_path("nano") {
            // Friendlier than vi for someone who has never used a terminal.
            editor.executable("nano");
        }
        Ok(editor.extension(".md").edit(text)?)
    }
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Ctrl-C read by console becomes an interrupted read; leave as Ctrl-C does.
fn io<T>(r: dialoguer::Result<T>) -> Result<T> {
    match r {
        Ok(v) => Ok(v),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            interrupted()
        }
        Err(e) => Err(anyhow::Error::new(e).context(
            "cannot ask the question: the terminal is not usable; run `gcmplan interview --no-input` to list the missing answers instead",
        )),
    }
}

impl Prompter for TerminalPrompter {
    fn say(&mut self, text: &str) {
        let width = self.width().saturating_sub(1).max(20);
        for line in text.lines() {
            if line.starts_with("━━") {
                let _ = self.term.write_line(&style(line).bold().to_string());
                continue;
            }
            // Long lines wrap at spaces, continued a little to the right.
            let indent = line.len() - line.trim_start().len();
            let hang = " ".repeat((indent + 4).min(width / 2));
            for (i, part) in wrap(line.trim_start(), width - hang.len())
                .into_iter()
                .enumerate()
            {
                let lead = if i == 0 {
                    &line[..indent]
                } else {
                    hang.as_str()
                };
                let _ = self.term.write_line(&format!("{lead}{part}"));
            }
        }
    }

    fn warn(&mut self, text: &str) {
        let _ = self
            .term
            .write_line(&style(format!("✘ {text}")).red().to_string());
    }

    fn ask(&mut self, q: &Question<'_>) -> Result<Reply> {
        let _ = self.term.write_line("");
        if !q.help.is_empty() {
            self.note(&q.help);
        }
        match &q.kind {
            Kind::Text {
                default,
                optional,
                check,
            } => {
                self.hint(if *optional {
                    "Type your answer and press Enter; leave it empty to skip. Type ? for the menu (go back, review, stop)."
                } else {
                    "Type your answer and press Enter. Type ? for the menu (go back, review, stop)."
                });
                // "?" alone, or typed after the answer shown, opens the menu.
                let menu = |s: &str| {
                    s.trim() == "?" || default.as_ref().is_some_and(|d| s == format!("{d}?"))
                };
                let mut input = Input::<String>::with_theme(&self.theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(true)
                    .validate_with(|s: &String| -> Result<(), String> {
                        if menu(s) { Ok(()) } else { check(s) }
                    });
                if let Some(d) = default {
                    input = input.with_initial_text(d);
                }
                let text = io(input.interact_text_on(&self.term))?;
                Ok(if menu(&text) {
                    Reply::Menu
                } else {
                    Reply::Text(text)
                })
            }
            Kind::Prose { default, optional } => {
                let single = default.as_ref().filter(|d| !d.contains('\n'));
                if let Some(d) = default.as_ref().filter(|d| d.contains('\n')) {
                    let preview = fit_label(&d.replace('\n', " "), self.width().saturating_sub(20));
                    self.note(&format!("Current answer: {preview}"));
                    self.note("Press Enter to keep it, type + to change it in a text editor, or - to remove it.");
                } else {
                    self.hint(if *optional {
                        "Type on one line and press Enter, or type + for a text editor (several paragraphs). Leave empty to skip; ? for the menu."
                    } else {
                        "Type on one line and press Enter, or type + for a text editor (several paragraphs). ? for the menu."
                    });
                }
                let mut input = Input::<String>::with_theme(&self.theme)
                    .with_prompt(&q.prompt)
                    .allow_empty(true);
                if let Some(d) = single {
                    input = input.with_initial_text(d);
                }
                let text = io(input.interact_text_on(&self.term))?;
                if single.is_some_and(|d| text == format!("{d}?")) {
                    return Ok(Reply::Menu);
                }
                Ok(match text.trim() {
                    "?" => Reply::Menu,
                    "-" => Reply::Clear,
                    "+" => match self.editor(default.as_deref().unwrap_or(""))? {
                        Some(t) => Reply::Text(t),
                        None => Reply::Default,
                    },
                    "" if single.is_none() && default.is_some() => Reply::Default,
                    _ => Reply::Text(text),
                })
            }
            Kind::Select { items, default } => {
                let labels = self.labels(items);
                let default = default.unwrap_or(0).min(labels.len().saturating_sub(1));
                let chosen = if labels.len() > 12 {
                    self.note(
                        "Type to search, use the arrow keys, Enter to choose. Esc for the menu.",
                    );
                    io(FuzzySelect::with_theme(&self.theme)
                        .with_prompt(&q.prompt)
                        .items(&labels)
                        .default(default)
                        .max_length(self.rows().saturating_sub(4).max(5))
                        .interact_on_opt(&self.term))?
                } else {
                    if q.key != "menu" {
                        self.hint("Use the arrow keys and Enter to choose. Esc for the menu.");
                    }
                    io(Select::with_theme(&self.theme)
                        .with_prompt(&q.prompt)
                        .items(&labels)
                        .default(default)
                        .max_length(self.rows().saturating_sub(4).max(5))
                        .interact_on_opt(&self.term))?
                };
                Ok(chosen.map_or(Reply::Menu, Reply::Choice))
            }
            Kind::MultiSelect { items, checked } => {
                self.hint("Space ticks or unticks, the arrow keys move, Enter confirms. Esc for the menu.");
                let labels = self.labels(items);
                let chosen = io(MultiSelect::with_theme(&self.theme)
                    .with_prompt(&q.prompt)
                    .items(&labels)
                    .defaults(checked)
                    .max_length(self.rows().saturating_sub(4).max(5))
                    .interact_on_opt(&self.term))?;
                Ok(chosen.map_or(Reply::Menu, Reply::Choices))
            }
            Kind::Confirm { default } => {
                self.hint("Press y for yes or n for no. Esc for the menu.");
                let mut c = Confirm::with_theme(&self.theme).with_prompt(&q.prompt);
                if let Some(d) = default {
                    c = c.default(*d);
                }
                let chosen = io(c.interact_on_opt(&self.term))?;
                Ok(chosen.map_or(Reply::Menu, Reply::Yes))
            }
        }
    }
}
