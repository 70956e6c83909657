//! One file per subcommand; each returns the process exit code.

pub mod assess;
pub mod check;
pub mod diff;
pub mod init;
pub mod interview;
pub mod objectives;
pub mod practices;
pub mod render;
pub mod schema;
pub mod templates;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Init { file, force } => init::run(&file, force),
        Command::Interview(args) => interview::run(&args),
        Command::Check { file, strict } => check::run(&file, strict),
        Command::Assess { file } => assess::run(&file),
        Command::Render(args) => render::run_args(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Objectives { number } => objectives::run(number),
        Command::Practices { objective, country } => practices::run(objective, country.as_deref()),
        Command::Schema(args) => schema::run(&args),
        Command::Templates(args) => templates::run(&args),
    }
}

/// Appends a line to a command's output buffer; the buffer is written once,
/// by [`emit`], so a closed pipe (`gcmplan objectives | head`) ends quietly.
#[macro_export]
macro_rules! outln {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Writes a command's output to standard output.
pub fn emit(out: &str) -> Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

/// Checks an objective number given on the command line.
pub fn objective_arg(n: u8) -> Result<u8> {
    if (1..=23).contains(&n) {
        Ok(n)
    } else {
        anyhow::bail!(
            "there is no objective {n}: the GCM has objectives 1 to 23\n  = help: `gcmplan objectives` lists them"
        )
    }
}
