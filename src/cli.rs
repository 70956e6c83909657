//! The command line, as clap derives it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::answers::Approach;

#[derive(Debug, Parser)]
#[command(
    name = "gcmplan",
    version,
    about = "Draft a national implementation plan for the Global Compact for Safe, Orderly and Regular Migration",
    long_about = "gcmplan turns a state's answers about its existing policies, laws, agreements and priorities into a draft national implementation plan for the Global Compact for Safe, Orderly and Regular Migration (GCM). It maps the answers against the 23 objectives and the three implementation approaches, and writes the plan from templates.\n\nStart with `gcmplan init answers.toml`, fill the file in, then `gcmplan check answers.toml` and `gcmplan render answers.toml`.",
    after_help = "Exit codes: 0 success; 1 findings under `check --strict` or differences under `diff`; 2 an error (invalid answers, unreadable file); 130 interrupted."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a complete, commented starter answers file.
    Init {
        /// The file to create.
        #[arg(default_value = "answers.toml")]
        file: PathBuf,
        /// Replace an existing file (the old one is kept with `.bak` added).
        #[arg(long)]
        force: bool,
    },
    /// Answer the questions one at a time, in plain words; every answer is saved at once.
    Interview(crate::commands::interview::InterviewArgs),
    /// Check an answers file and list every problem in it, then the findings.
    Check {
        /// The answers file.
        file: PathBuf,
        /// Exit with code 1 when there are findings, not only on errors.
        #[arg(long)]
        strict: bool,
    },
    /// Show the coverage of the 23 objectives and the three approaches side by side.
    Assess {
        /// The answers file.
        file: PathBuf,
    },
    /// Render the draft national implementation plan: Markdown, HTML, Word or JSON.
    Render(crate::commands::render::RenderArgs),
    /// Show what changed between two revisions of the answers, in plain words.
    Diff(crate::commands::diff::DiffArgs),
    /// List the 23 GCM objectives, or show one with its actions and peer practices.
    Objectives {
        /// An objective number, 1 to 23.
        number: Option<u8>,
    },
    /// Browse the library of practices from the 2019 GFMD workshop.
    Practices {
        /// Only practices serving this objective (1 to 23).
        #[arg(long)]
        objective: Option<u8>,
        /// Only practices of this country or body (part of the name is enough).
        #[arg(long, value_name = "NAME")]
        country: Option<String>,
    },
    /// Print the JSON Schema of the answers file or of the plan JSON.
    Schema(crate::commands::schema::SchemaArgs),
    /// Export the built-in templates, to restyle the plan with `render --templates`.
    Templates(crate::commands::templates::TemplatesArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ApproachArg {
    Systemic,
    Selective,
    BusinessAsUsual,
}

impl From<ApproachArg> for Approach {
    fn from(a: ApproachArg) -> Self {
        match a {
            ApproachArg::Systemic => Approach::Systemic,
            ApproachArg::Selective => Approach::Selective,
            ApproachArg::BusinessAsUsual => Approach::BusinessAsUsual,
        }
    }
}
