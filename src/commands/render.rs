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
    // The templates compile while the answers are read and assessed.
    let (registry, plan) = std::thread::scope(|scope| {
        let registry = scope.spawn(render::markdown_registry);
        let plan = load::load_file(file).map(|loaded| {
            let assessment = assess::assess(&loaded.answers);
            plan::build(&loaded.answers, &assessment, approach)
        });
        (registry.join(), plan)
    });
    let plan = plan?;
    let registry = registry.map_err(|_| anyhow::anyhow!("compiling the templates failed"))??;
    let text = render::markdown_with(&registry, &plan)?;
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
