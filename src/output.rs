//! Writing what gcmplan generates without ever losing anything: writes are
//! atomic (a temporary file in the same folder, then a rename), and every
//! generated file carries a fingerprint of its content, so a file someone
//! edited by hand is never overwritten without `--force`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};

const MARK: &str = "gcmplan-fingerprint: blake3:";

/// Where output goes: a file, or standard output for `-o -`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File(PathBuf),
}

impl Target {
    pub fn parse(arg: &str) -> Target {
        if arg == "-" {
            Target::Stdout
        } else {
            Target::File(PathBuf::from(arg))
        }
    }
}

/// BLAKE3 of the content: a cryptographic hash, and fast enough to fingerprint
/// a large plan twice per run at no noticeable cost.
fn digest(content: &str) -> String {
    blake3::hash(content.as_bytes()).to_hex().to_string()
}

/// Appends the fingerprint line, as a comment the document format hides.
pub fn with_fingerprint(content: impl Into<String>) -> String {
    let mut out = content.into();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    let hash = digest(&out);
    out.push_str("\n<!-- ");
    out.push_str(MARK);
    out.push_str(&hash);
    out.push_str(" -->\n");
    out
}

/// What a file on disk is, as far as overwriting it goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Existing {
    Absent,
    /// Written by gcmplan and untouched since.
    Generated,
    /// Written by gcmplan, then edited.
    Edited,
    /// Not written by gcmplan at all.
    Foreign,
}

pub fn inspect(path: &Path) -> Result<Existing> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Absent),
        Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display())),
    };
    let trimmed = text.trim_end_matches('\n');
    let Some(start) = trimmed.rfind("<!-- ") else {
        return Ok(Existing::Foreign);
    };
    let footer = &trimmed[start..];
    let Some(hash) = footer
        .strip_prefix("<!-- ")
        .and_then(|f| f.strip_prefix(MARK))
        .and_then(|f| f.strip_suffix(" -->"))
    else {
        return Ok(Existing::Foreign);
    };
    let body = trimmed[..start]
        .strip_suffix('\n')
        .unwrap_or(&trimmed[..start]);
    if digest(body) == hash {
        Ok(Existing::Generated)
    } else {
        Ok(Existing::Edited)
    }
}

/// Writes `content` to `path` atomically: readers see the old file or the new
/// one, never half of either.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(anyhow!(
            "cannot write {}: the folder {} does not exist\n  = help: create the folder first, or choose another path with -o",
            path.display(),
            dir.display()
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".gcmplan-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    // A temporary file is private (0600); the file it becomes should be as
    // readable as the one it replaces, or as an ordinary new file (0644), so
    // that a plan on a shared drive can be opened by colleagues.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(tmp.as_file())?,
    };
    tmp.write_all(content)
        .and_then(|_| tmp.as_file().set_permissions(permissions))
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| anyhow!("cannot write {}: {}", path.display(), e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions(_: &std::fs::File) -> Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> Result<std::fs::Permissions> {
    Ok(file.metadata()?.permissions())
}

/// What happened to the file, for the message to the user.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Stdout,
    Created(PathBuf),
    Replaced(PathBuf),
    /// Replaced with --force; the edited copy was kept at the second path.
    ReplacedWithBackup(PathBuf, PathBuf),
}

/// Writes a generated document, refusing to overwrite a file edited by hand
/// (or not written by gcmplan) unless `force` is set; even then, the old file
/// is kept beside it with `.bak` added.
pub fn write_generated(
    target: &Target,
    content: impl Into<String>,
    force: bool,
) -> Result<Written> {
    let full = with_fingerprint(content);
    let path = match target {
        Target::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(full.as_bytes())?;
            out.flush()?;
            return Ok(Written::Stdout);
        }
        Target::File(p) => p,
    };
    guard_and_write(path, full.as_bytes(), force, inspect)
}

/// Writes a file the user owns (an answers file), never over an existing one
/// without `force`, keeping a `.bak` copy when forced.
pub fn write_user_file(path: &Path, content: &str, force: bool) -> Result<Written> {
    guard_and_write(path, content.as_bytes(), force, |p| {
        Ok(if p.exists() {
            Existing::Foreign
        } else {
            Existing::Absent
        })
    })
}

/// Writes `content` to `path` unless the file there was edited or not written
/// by gcmplan, as `inspect` tells; with `force`, keeps it as a `.bak` first.
pub fn guard_and_write(
    path: &Path,
    content: &[u8],
    force: bool,
    inspect: impl Fn(&Path) -> Result<Existing>,
) -> Result<Written> {
    if path.is_dir() {
        return Err(anyhow!(
            "cannot write {}: it is a folder\n  = help: name a file, e.g. -o {}",
            path.display(),
            path.join("plan.md").display()
        ));
    }
    match inspect(path)? {
        Existing::Absent => {
            write_atomic(path, content)?;
            Ok(Written::Created(path.to_path_buf()))
        }
        Existing::Generated => {
            write_atomic(path, content)?;
            Ok(Written::Replaced(path.to_path_buf()))
        }
        state @ (Existing::Edited | Existing::Foreign) => {
            if !force {
                let why = if state == Existing::Edited {
                    "was edited since gcmplan wrote it"
                } else {
                    "was not written by gcmplan"
                };
                return Err(anyhow!(
                    "refusing to overwrite {}: it {why}, and overwriting would lose that work\n  = help: write elsewhere with -o OTHER, or pass --force to replace it (the old file is kept as {}.bak)",
                    path.display(),
                    path.display()
                ));
            }
            let backup = backup_path(path);
            std::fs::copy(path, &backup).with_context(|| {
                format!(
                    "cannot keep a backup of {} at {}",
                    path.display(),
                    backup.display()
                )
            })?;
            write_atomic(path, content)?;
            Ok(Written::ReplacedWithBackup(path.to_path_buf(), backup))
        }
    }
}

fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

impl Written {
    /// A line for standard error, or None when the output went to stdout.
    pub fn message(&self, what: &str) -> Option<String> {
        match self {
            Written::Stdout => None,
            Written::Created(p) => Some(format!("Wrote {what} to {}", p.display())),
            Written::Replaced(p) => Some(format!("Updated {what} in {}", p.display())),
            Written::ReplacedWithBackup(p, b) => Some(format!(
                "Replaced {what} in {}; the previous file is kept as {}",
                p.display(),
                b.display()
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_file_is_recognised_until_edited() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        let target = Target::File(path.clone());
        assert_eq!(
            write_generated(&target, "# Plan\n", false).unwrap(),
            Written::Created(path.clone())
        );
        assert_eq!(inspect(&path).unwrap(), Existing::Generated);
        assert_eq!(
            write_generated(&target, "# Plan v2\n", false).unwrap(),
            Written::Replaced(path.clone())
        );

        let edited = std::fs::read_to_string(&path)
            .unwrap()
            .replace("v2", "v2, with the minister's edits");
        std::fs::write(&path, &edited).unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Edited);
        let err = write_generated(&target, "# Plan v3\n", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("was edited since gcmplan wrote it"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            edited,
            "the edit is untouched"
        );

        let forced = write_generated(&target, "# Plan v3\n", true).unwrap();
        let backup = dir.path().join("plan.md.bak");
        assert_eq!(
            forced,
            Written::ReplacedWithBackup(path.clone(), backup.clone())
        );
        assert_eq!(
            std::fs::read_to_string(&backup).unwrap(),
            edited,
            "the edit survives in the backup"
        );
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# Plan v3\n")
        );
    }

    #[test]
    fn a_file_gcmplan_did_not_write_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        std::fs::write(&path, "my notes\n").unwrap();
        assert_eq!(inspect(&path).unwrap(), Existing::Foreign);
        let err = write_generated(&Target::File(path.clone()), "x", false)
            .unwrap_err()
            .to_string();
        assert!(err.contains("was not written by gcmplan"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\n");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_are_readable_by_others_like_ordinary_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.md");
        write_atomic(&path, b"x").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"y").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640,
            "a replaced file keeps its permissions"
        );
    }

    #[test]
    fn no_temporary_file_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        write_atomic(&dir.path().join("a.md"), b"x").unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.md")]);
    }
}
