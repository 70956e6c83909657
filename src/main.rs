use std::process::ExitCode;

use clap::Parser;

// A plan render makes hundreds of thousands of small strings; mimalloc
// allocates and frees them in a fraction of the instructions glibc takes.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = gcmplan::cli::Cli::parse();
    match gcmplan::commands::run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) if e.is::<gcmplan::load::InvalidAnswers>() => {
            // The diagnostics carry their own "file:line:col: error:" labels.
            eprintln!("{e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that closed the pipe (`gcmplan render x -o - | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
