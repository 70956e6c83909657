//! `gcmplan diff OLD NEW`: what changed between two revisions of a plan,
//! each given as an answers file or a plan JSON export (which carries the
//! answers it was rendered from), in any mix.
//! Exit codes as diff(1): 0 no differences, 1 differences, 2 an error.

mod export;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};

use crate::answers::{Answers, Approach};
use crate::diff::{self, Side, SideInfo, text};
use crate::load::{self, InvalidAnswers};
use crate::{assess, plan, render};

use export::BadExport;

#[derive(Debug, Args)]
#[command(
    after_help = "Items are matched by their id (objectives by number, principles by name), so moving an item in the file is not a change. The [revision] block heads the comparison and is not compared.\n\nA plan JSON export (`gcmplan render answers.toml -o plan.json`) is compared by the answers it carries, under the approach it was rendered with; it can stand on either side, against another export or an answers file.\n\nExit codes: 0 no differences; 1 differences; 2 an error (invalid answers, unreadable file)."
)]
pub struct DiffArgs {
    /// The older answers file or plan JSON export (for example revision 3).
    pub old: PathBuf,
    /// The newer answers file or plan JSON export (for example revision 4).
    pub new: PathBuf,
    /// Output format: text for the terminal, markdown for the plan's
    /// "Revisions" section or a review thread, json for other tools.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Print only the headers and the summary line.
    #[arg(long)]
    pub summary: bool,
    /// Compare the two rendered Markdown plans line by line instead.
    #[arg(long)]
    pub rendered: bool,
    /// Colour the text output: auto (on a terminal, unless NO_COLOR is
    /// set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

/// One side of the comparison: the answers of an answers file, or those a
/// plan JSON export carries (see [`export`]).
struct Input {
    /// The answers as the comparison sees them: an export's with the
    /// approach the plan was rendered with, which may not be the answers'
    /// own when it was rendered with `--approach`.
    answers: Answers,
    /// For an export rendered with `--approach`, the answers' own approach,
    /// so that `--rendered` lays out the very plan `gcmplan render` wrote.
    file_approach: Option<Approach>,
    /// A warning for standard error, printed before the comparison.
    warning: Option<String>,
}

impl Input {
    /// Reads a side: JSON (by its name or its first character) as a plan
    /// export, anything else as an answers file.
    fn load(path: &Path) -> Result<Input> {
        if !export::is_json(path) {
            return Ok(Input {
                answers: load::load_file(path)?.answers,
                file_approach: None,
                warning: None,
            });
        }
        let export = export::load(path)?;
        let mut answers = export.answers;
        let file_approach =
            (answers.plan.approach != export.approach).then_some(answers.plan.approach);
        answers.plan.approach = export.approach;
        Ok(Input {
            answers,
            file_approach,
            warning: export.edited.then(|| {
                format!(
                    "{} was edited after gcmplan wrote it (its fingerprint does not match); the diff reads its `answers` field",
                    path.display()
                )
            }),
        })
    }

    /// The Markdown plan this side stands for: for an export rendered with
    /// `--approach`, the answers under their own approach, rendered with
    /// that override, as `gcmplan render` did.
    fn markdown(&self, assessment: &assess::Assessment) -> Result<String> {
        let Some(own) = self.file_approach else {
            return render::markdown(&plan::build(&self.answers, assessment, None));
        };
        let mut answers = self.answers.clone();
        answers.plan.approach = own;
        let assessment = assess::assess(&answers);
        render::markdown(&plan::build(
            &answers,
            &assessment,
            Some(self.answers.plan.approach),
        ))
    }
}

/// The error as `gcmplan check` words it: diagnostics carry their own labels.
fn describe(e: &anyhow::Error) -> String {
    if e.is::<InvalidAnswers>() || e.is::<BadExport>() {
        e.to_string()
    } else {
        format!("error: {e:#}")
    }
}

pub fn run(args: &DiffArgs) -> Result<ExitCode> {
    // Both files are read, checked and assessed, side by side on two
    // threads, before either error is reported.
    let load = |path: &Path| {
        Input::load(path).map(|input| {
            let assessment = assess::assess(&input.answers);
            (input, assessment)
        })
    };
    let (old, new) = std::thread::scope(|s| {
        let new = s.spawn(|| load(&args.new));
        let old = load(&args.old);
        let new = new
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old, new)
    });
    let ((old, xa), (new, xb)) = match (old, new) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            let mut err = String::new();
            for (label, path, result) in [("OLD", &args.old, o.err()), ("NEW", &args.new, n.err())]
            {
                if let Some(e) = result {
                    err.push_str(&format!(
                        "in {label} ({}):\n{}\n",
                        path.display(),
                        describe(&e)
                    ));
                }
            }
            eprint!("{err}");
            return Ok(ExitCode::from(2));
        }
    };
    for (label, input) in [("OLD", &old), ("NEW", &new)] {
        if let Some(warning) = &input.warning {
            eprintln!("warning: in {label}: {warning}");
        }
    }
    let (old_path, new_path) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let (a, b) = (&old.answers, &new.answers);
    let style = text::Style {
        color: args.format == DiffFormat::Text && args.color.enabled(),
    };
    let options = text::Options {
        style,
        summary_only: args.summary,
    };

    let (output, differs) = if args.rendered {
        let info = |path: &str, a: &Answers| SideInfo {
            path: path.to_string(),
            state: a.state.name.clone(),
            revision: a.revision.clone(),
        };
        let d = diff::rendered::diff(
            info(&old_path, a),
            &old.markdown(&xa)?,
            info(&new_path, b),
            &new.markdown(&xb)?,
        );
        let out = match args.format {
            DiffFormat::Text => diff::rendered::text(&d, options),
            DiffFormat::Markdown => diff::rendered::markdown(&d, args.summary),
            DiffFormat::Json => diff::rendered::json(&d, args.summary),
        };
        (out, !d.is_empty())
    } else {
        let d = diff::diff(
            &Side {
                path: &old_path,
                answers: a,
                assessment: &xa,
            },
            &Side {
                path: &new_path,
                answers: b,
                assessment: &xb,
            },
        );
        let out = match args.format {
            DiffFormat::Text => text::render(&d, options),
            DiffFormat::Markdown => diff::markdown::render(&d, args.summary),
            DiffFormat::Json => diff::json::render(&d, args.summary),
        };
        (out, !d.is_empty())
    };
    super::emit(&output)?;
    // The process ends here: the system takes the memory back at once,
    // where freeing both answers and their assessments took milliseconds.
    std::mem::forget((old, xa, new, xb));
    Ok(ExitCode::from(u8::from(differs)))
}
