use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::answers::Approach;
use crate::output::{Target, write_generated};
use crate::{assess, load, plan, render};

pub fn run(
    file: &Path,
    output: Option<&str>,
    approach: Option<Approach>,
    force: bool,
) -> Result<ExitCode> {
    let loaded = load::load_file(file)?;
    let assessment = assess::assess(&loaded.answers);
    let plan = plan::build(&loaded.answers, &assessment, approach);
    let text = render::markdown(&plan)?;
    let target = match output {
        Some(o) => Target::parse(o),
        None => Target::File(file.with_extension("md")),
    };
    let written = write_generated(&target, &text, force)?;
    if let Some(msg) = written.message(&format!(
        "the draft plan ({})",
        plan.approach.name.to_lowercase()
    )) {
        eprintln!("{msg}");
    }
    Ok(ExitCode::SUCCESS)
}
