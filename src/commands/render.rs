use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use clap::{Args, ValueEnum};

use crate::answers::Approach;
use crate::cli::ApproachArg;
use crate::output::{Target, Written, guard_and_write, write_generated};
use crate::render::{self, Format, Registry};
use crate::{assess, load, plan};

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The answers file.
    pub file: PathBuf,
    /// Where to write the plan; `-` for standard output. Default: the
    /// answers file's name with the format's extension.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
    /// The format: markdown, html (one standalone page), docx (Word) or json.
    /// Default: from the extension of -o (.md, .html/.htm, .docx, .json),
    /// otherwise Markdown.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// A folder of templates that replace the built-in ones by name:
    /// DIR/markdown/NAME.hbs and DIR/html/NAME.hbs. Start from
    /// `gcmplan templates export DIR`. Word and JSON are not templated.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Render under another approach than the one in the file.
    #[arg(long, value_enum)]
    pub approach: Option<ApproachArg>,
    /// Overwrite a plan that was edited by hand (a `.bak` copy is kept).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Markdown,
    Html,
    Docx,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Docx => Format::Docx,
            FormatArg::Json => Format::Json,
        }
    }
}

/// Renders the Markdown plan (or the format `-o` names), as `gcmplan
/// render FILE [-o OUT]` does.
pub fn run(
    file: &Path,
    output: Option<&str>,
    approach: Option<Approach>,
    force: bool,
) -> Result<ExitCode> {
    render(file, output, None, None, approach, force)
}

pub fn run_args(args: &RenderArgs) -> Result<ExitCode> {
    render(
        &args.file,
        args.output.as_deref(),
        args.format.map(Into::into),
        args.templates.as_deref(),
        args.approach.map(Into::into),
        args.force,
    )
}

fn render(
    file: &Path,
    output: Option<&str>,
    format: Option<Format>,
    templates: Option<&Path>,
    approach: Option<Approach>,
    force: bool,
) -> Result<ExitCode> {
    let target = output.map(Target::parse);
    let format = format.unwrap_or(match &target {
        Some(Target::File(path)) => Format::from_path(path),
        _ => Format::Markdown,
    });
    let target = target.unwrap_or_else(|| Target::File(file.with_extension(format.extension())));
    if format == Format::Docx && target == Target::Stdout && std::io::stdout().is_terminal() {
        return Err(anyhow!(
            "refusing to write a Word document to the terminal\n  = help: name a file with -o plan.docx, or redirect standard output to one"
        ));
    }

    // The templates are set up, and the reference data read, while the
    // answers file is parsed.
    let (registry, plan) = std::thread::scope(|scope| {
        let registry = scope.spawn(move || {
            crate::reference::reference().practices();
            format
                .template_set()
                .map(|set| Registry::new(set, templates))
        });
        let plan = load::load_file(file).map(|loaded| {
            let assessment = assess::assess(&loaded.answers);
            let plan = plan::build(&loaded.answers, &assessment, approach);
            (plan, loaded.answers)
        });
        (registry.join(), plan)
    });
    let (plan, answers) = plan?;
    let registry = registry
        .map_err(|_| anyhow!("compiling the templates failed"))?
        .transpose()?;
    if let Some(r) = &registry {
        for warning in r.warnings() {
            eprintln!("warning: {warning}");
        }
    }
    if templates.is_some() && registry.is_none() {
        eprintln!(
            "warning: --templates applies to Markdown and HTML; the {} plan is built without templates",
            match format {
                Format::Docx => "Word",
                _ => "JSON",
            }
        );
    }

    let written = match (format, &registry) {
        (Format::Markdown, Some(r)) => write_generated(&target, r.markdown(&plan)?, force)?,
        (Format::Html, Some(r)) => {
            write_generated(&target, render::html::render(r, &plan)?, force)?
        }
        (Format::Json, _) => write_bytes(
            &target,
            render::json::render(&plan, &answers)?.as_bytes(),
            force,
            render::json::inspect,
        )?,
        (Format::Docx, _) => write_bytes(
            &target,
            &render::docx::render(&plan)?,
            force,
            render::docx::inspect,
        )?,
        _ => unreachable!("Markdown and HTML always have a registry"),
    };
    let how = match format {
        Format::Markdown => "",
        Format::Html => " as HTML",
        Format::Docx => " as a Word document",
        Format::Json => " as JSON",
    };
    if let Some(msg) = written.message(&format!(
        "the draft plan ({}){how}",
        plan.approach.name.to_lowercase()
    )) {
        eprintln!("{msg}");
    }
    // The process ends here: the system takes the memory back at once,
    // where freeing the plan and the templates piece by piece took
    // milliseconds.
    std::mem::forget((plan, answers));
    std::mem::forget(registry);
    Ok(ExitCode::SUCCESS)
}

/// Writes a document that carries its own fingerprint (JSON, Word), with the
/// same protection as the others: an edited or foreign file is kept unless
/// `force`, and then saved with `.bak` added.
fn write_bytes(
    target: &Target,
    content: &[u8],
    force: bool,
    inspect: fn(&Path) -> Result<crate::output::Existing>,
) -> Result<Written> {
    match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(content)?;
            out.flush()?;
            Ok(Written::Stdout)
        }
        Target::File(path) => guard_and_write(path, content, force, inspect),
    }
}
