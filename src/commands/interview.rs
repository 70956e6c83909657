use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::commands::init::STARTER;
use crate::interview::flow::{SECTION_NAMES, describe_key};
use crate::interview::terminal::{self, TerminalPrompter};
use crate::interview::{AnswersDoc, Interview, Outcome, Stage, check, resume_point};
use crate::load::{self, InvalidAnswers};

#[derive(Debug, clap::Args)]
pub struct InterviewArgs {
    /// The answers file to create, or to go on with.
    #[arg(default_value = "answers.toml")]
    pub file: PathBuf,
    /// Ask only the questions of this section again.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::PossibleValuesParser::new(SECTION_NAMES))]
    pub section: Option<String>,
    /// Ask only the questions on this objective (1 to 23) again.
    #[arg(long, value_name = "N", conflicts_with = "section", value_parser = clap::value_parser!(u8).range(1..=23))]
    pub objective: Option<u8>,
    /// Never ask anything: list the answers still missing (exit 2 when some are).
    #[arg(long)]
    pub no_input: bool,
}

pub fn run(args: &InterviewArgs) -> Result<ExitCode> {
    let file = &args.file;
    let only: Option<Vec<Stage>> = match (&args.section, args.objective) {
        (Some(name), _) => Stage::for_section(name),
        (None, Some(n)) => Some(vec![Stage::Objective(n)]),
        (None, None) => None,
    };
    let exists = file.exists();
    if only.is_some() && !exists {
        anyhow::bail!(
            "cannot ask part of the questions again: {} does not exist yet\n  = help: run `gcmplan interview {}` to answer all the questions",
            file.display(),
            file.display()
        );
    }
    let doc = open(file)?;

    if args.no_input || !terminal::is_interactive() {
        return no_terminal(file, &doc, exists, args.no_input);
    }

    terminal::install_interrupt_handler(file)?;
    let name = file.display();
    if !exists {
        doc.save()?;
        eprintln!(
            "gcmplan will ask about your state's migration policies and priorities,\n\
             one subject at a time, and write a draft plan for the Global Compact for\n\
             Migration from your answers. Each answer is saved in {name} at once:\n\
             stop whenever you like (Ctrl-C, or ? then \"Stop\") and run\n\
             `gcmplan interview {name}` later to go on where you stopped."
        );
    } else if only.is_none() {
        eprintln!(
            "Going on with {name}. Each question shows your answer so far:\npress Enter to keep it, or change it."
        );
    }
    let start = resume_point(&doc).or(if exists { None } else { Some(Stage::State) });
    let mut prompter = TerminalPrompter::new();
    let outcome = {
        let mut interview = Interview::new(doc, &mut prompter);
        match &only {
            Some(stages) => interview.run_only(stages)?,
            None => interview.run(start)?,
        }
    };
    match outcome {
        Outcome::Finished { render: true } => crate::commands::render::run(file, None, None, false),
        Outcome::Finished { render: false } => {
            eprintln!(
                "Your answers are complete in {name}. Write the plan at any time with `gcmplan render {name}`."
            );
            Ok(ExitCode::SUCCESS)
        }
        Outcome::Stopped => {
            eprintln!(
                "Your answers are saved in {name}. Run `gcmplan interview {name}` to go on, or `gcmplan check {name}` to see what is still missing."
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The file to work on: an existing one read leniently (only TOML syntax
/// must be right), or a new one. A file identical to `gcmplan init`'s
/// starter holds only placeholders, so the interview starts afresh.
fn open(file: &Path) -> Result<AnswersDoc> {
    if !file.exists() {
        return Ok(AnswersDoc::new(file));
    }
    let text = load::read_text(file)?;
    if text == STARTER {
        return Ok(AnswersDoc::new(file));
    }
    AnswersDoc::parse(file, &text).map_err(|_| {
        let name = file.display().to_string();
        let diagnostics = load::parse(&text).err().unwrap_or_default();
        let rendered = load::render_all(&name, &text, &diagnostics);
        InvalidAnswers {
            file: name,
            diagnostics,
            rendered,
        }
        .into()
    })
}

/// With no terminal, never ask: name what is missing, and how to go on.
fn no_terminal(file: &Path, doc: &AnswersDoc, exists: bool, asked: bool) -> Result<ExitCode> {
    let name = file.display();
    let missing = check::missing(doc);
    if missing.is_empty() {
        // Nothing to ask; the file may still be wrong in other ways.
        load::load_file(file)?;
        eprintln!(
            "{name} has every required answer; there is nothing to ask.\n\
             Check it with `gcmplan check {name}` and write the plan with `gcmplan render {name}`."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let why = if asked {
        "--no-input was given"
    } else {
        "standard input or standard error is not a terminal"
    };
    let mut out =
        format!("error: gcmplan interview asks its questions only in a terminal ({why})\n");
    if exists {
        out.push_str(&format!(
            "{name} is missing {} required answer{}:\n",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ));
    } else {
        out.push_str(&format!(
            "{name} does not exist yet; an answers file needs these {} answers:\n",
            missing.len()
        ));
    }
    for m in &missing {
        out.push_str(&format!("  - {}\n", describe_key(m)));
    }
    if exists {
        let unprioritised = (1..=23)
            .filter(|n| !doc.has(&format!("objectives.{n}.priority")))
            .count();
        if unprioritised > 0 {
            out.push_str(&format!(
                "Not answered yet either (optional): the priority of {unprioritised} of the 23 objectives.\n"
            ));
        }
    }
    out.push_str(&format!(
        "  = help: run `gcmplan interview {name}` in a terminal window to answer the questions one by one;\n\
         \x20         or write a commented starter file with `gcmplan init {name}`, fill it in by hand in a text editor,\n\
         \x20         and run `gcmplan check {name}` to see what is still missing"
    ));
    eprintln!("{out}");
    Ok(ExitCode::from(2))
}
