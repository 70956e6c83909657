use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};

use crate::render::templates::{self, Exported, TEMPLATE_VERSION};

#[derive(Debug, Args)]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub command: TemplatesCommand,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Write the built-in Markdown and HTML templates to DIR/markdown and
    /// DIR/html, each stamped with the template version, to restyle the plan
    /// with `render --templates DIR`. Keep only the files you change.
    Export {
        /// The folder to write to (created if missing).
        dir: PathBuf,
        /// Replace templates that differ from the defaults (each old file is
        /// kept with `.bak` added).
        #[arg(long)]
        force: bool,
    },
}

pub fn run(args: &TemplatesArgs) -> Result<ExitCode> {
    match &args.command {
        TemplatesCommand::Export { dir, force } => {
            let done = templates::export(dir, *force)?;
            let written = done
                .iter()
                .filter(|d| matches!(d, Exported::Written(_)))
                .count();
            let replaced: Vec<String> = done
                .iter()
                .filter_map(|d| match d {
                    Exported::Replaced(_, backup) => Some(backup.display().to_string()),
                    _ => None,
                })
                .collect();
            let unchanged = done.len() - written - replaced.len();
            eprintln!(
                "Exported {} templates (version {TEMPLATE_VERSION}) to {}: {written} written, {} replaced, {unchanged} already up to date",
                done.len(),
                dir.display(),
                replaced.len()
            );
            for b in &replaced {
                eprintln!("  kept the previous file as {b}");
            }
            eprintln!(
                "Edit the ones you need and delete the rest, then: gcmplan render answers.toml --templates {}",
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
