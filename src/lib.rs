//! gcmplan: draft a national implementation plan for the Global Compact for
//! Safe, Orderly and Regular Migration from a TOML answers file.

pub mod answers;
pub mod assess;
pub mod calendar;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod diff;
pub mod interview;
pub mod load;
pub mod output;
pub mod plan;
pub mod reference;
pub mod render;
pub mod schema_check;
#[cfg(test)]
mod test_support;
pub mod validate;
