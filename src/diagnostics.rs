//! Problems found in an answers file, each with where it is and how to fix it.

use std::fmt::Write as _;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Advice,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Byte range in the file, when the problem has a place.
    pub span: Option<Range<usize>>,
    /// How to fix it.
    pub help: Option<String>,
    /// Where in the answers, as a path such as `measures[2].lead`, when the
    /// check knows it: for answers read without a text of their own (from
    /// a plan JSON export), where there is no line and column to give.
    pub path: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            help: None,
            path: None,
        }
    }

    pub fn at(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn path(mut self, path: &str) -> Self {
        self.path = Some(path.to_string());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// A file's text with its name, to turn byte offsets into line:column.
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// `file:line:col` for a span, or just the file name.
    pub fn location(&self, span: Option<&Range<usize>>) -> String {
        match span {
            Some(span) => {
                let (line, col) = self.line_col(span.start);
                format!("{}:{}:{}", self.name, line, col)
            }
            None => self.name.to_string(),
        }
    }

    /// Renders a diagnostic the way compilers do: the location first, then
    /// the offending line with a caret under the problem, then the fix.
    pub fn render(&self, d: &Diagnostic) -> String {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Advice => "advice",
        };
        let mut out = format!(
            "{}: {}: {}\n",
            self.location(d.span.as_ref()),
            label,
            d.message
        );
        if let Some(span) = &d.span {
            let (line, col) = self.line_col(span.start);
            if let Some(text) = self.text.lines().nth(line - 1) {
                let width = line.to_string().len();
                let marked = self.text[span.clone()]
                    .lines()
                    .next()
                    .map_or(1, |s| s.chars().count().max(1));
                let marked = marked.min(text.chars().count().saturating_sub(col - 1).max(1));
                let _ = writeln!(out, "{:width$} |", "");
                let _ = writeln!(out, "{line} | {text}");
                let _ = writeln!(
                    out,
                    "{:width$} | {}{}",
                    "",
                    " ".repeat(col - 1),
                    "^".repeat(marked)
                );
            }
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  = help: {help}");
        }
        out
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The closest candidate to a misspelt name, if one is close enough to suggest.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let input_l = input.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&input_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let src = Source {
            name: "a.toml",
            text: "a = 1\nbé = 2\n",
        };
        assert_eq!(src.line_col(0), (1, 1));
        assert_eq!(src.line_col(6), (2, 1));
        assert_eq!(src.line_col(10), (2, 4));
    }

    #[test]
    fn rendering_points_at_the_problem() {
        let src = Source {
            name: "a.toml",
            text: "[state]\ntitel = 1\n",
        };
        let d = Diagnostic::error("unknown key `titel`")
            .at(Some(8..13))
            .help("did you mean `title`?");
        let out = src.render(&d);
        assert!(
            out.starts_with("a.toml:2:1: error: unknown key `titel`\n"),
            "{out}"
        );
        assert!(out.contains("2 | titel = 1\n  | ^^^^^\n"), "{out}");
        assert!(out.contains("= help: did you mean `title`?"));
    }

    #[test]
    fn suggestions_only_when_close() {
        assert_eq!(
            did_you_mean("titel", ["title", "id", "kind"]),
            Some("title")
        );
        assert_eq!(did_you_mean("zzz", ["title", "id", "kind"]), None);
        assert_eq!(
            did_you_mean("Systemic", ["systemic", "selective"]),
            Some("systemic")
        );
    }
}
