use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::output::write_user_file;

/// The commented starter file, checked by the tests to pass `check`.
pub const STARTER: &str = include_str!("../starter.toml");

pub fn run(file: &Path, force: bool) -> Result<ExitCode> {
    let written = write_user_file(file, STARTER, force)?;
    if let Some(msg) = written.message("a starter answers file") {
        eprintln!("{msg}");
    }
    eprintln!(
        "Next: fill it in (the comments say what each answer means), then run `gcmplan check {}`.",
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}
