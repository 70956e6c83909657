//! `gcmplan interview`: the questions of the answers file asked one at a
//! time, in plain words, with every answer saved as soon as it is given.
//!
//! - [`prompter`]: the `Prompter` trait the flow asks through;
//!   [`terminal`] implements it with dialoguer, [`scripted`] from a list.
//! - [`flow`]: the engine (sections, going back, the menu, the review
//!   screen, resuming); [`sections`], [`objective`] and [`lists`] hold the
//!   questions.
//! - [`document`]: the answers file edited in place with `toml_edit`, so
//!   comments survive, and saved atomically after every answer.
//! - [`check`]: single answers checked with the rules of `gcmplan check`.

pub mod check;
pub mod document;
pub mod flow;
mod lists;
mod objective;
pub mod prompter;
pub mod scripted;
mod sections;
pub mod terminal;
#[cfg(test)]
mod tests;

pub use document::AnswersDoc;
pub use flow::{Interview, Outcome, Stage, resume_point};
pub use prompter::{Prompter, Question, Reply};
pub use scripted::ScriptedPrompter;
