//! gcmplan's command-line behaviour, as a user meets it. One test binary
//! (modules below) keeps the build fast.

mod bad_answers;
mod browse;
mod check;
mod diff;
mod init;
mod interview;
#[cfg(unix)]
mod interview_pty;
mod publish;
mod render;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The gcmplan binary, run from the repository root with a stable terminal.
pub fn gcmplan() -> Command {
    let mut cmd = Command::cargo_bin("gcmplan").expect("the gcmplan binary is built");
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().expect("gcmplan runs");
    Output {
        code: out.status.code().expect("gcmplan exits with a code"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}
