//! The answers file as the interview edits it: a `toml_edit` document changed
//! in place, so that a file written or commented by hand keeps its comments
//! and layout, saved atomically after every answer.
//!
//! The document may be partial: a key not yet answered is simply absent. It
//! is read leniently (any value of the wrong type reads as unanswered), and
//! checked with the same rules as `gcmplan check` only when the interview
//! needs to (see [`super::check`]).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::schema_check::{Step, steps};
use anyhow::{Context, Result};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// Held while the file is written, so that Ctrl-C never exits halfway
/// through a save (the interrupt handler takes it before exiting).
pub static SAVE_LOCK: Mutex<()> = Mutex::new(());

/// The comment that records where the interview stopped.
const MARKER: &str = "# gcmplan interview: next = ";

/// The top-level sections in the order a new file lists them.
const SECTIONS: [(&str, bool); 12] = [
    ("revision", false),
    ("state", false),
    ("plan", false),
    ("development_plan", false),
    ("instruments", true),
    ("objectives", false),
    ("measures", true),
    ("governance", false),
    ("stakeholders", true),
    ("principles", false),
    ("resources", false),
    ("review", false),
];

const HEADER: &str = "\
# gcmplan answers file, written by `gcmplan interview`.
#
# It holds your government's answers for a national implementation plan of
# the Global Compact for Safe, Orderly and Regular Migration (GCM). You may
# edit it by hand in any text editor; gcmplan keeps your comments. Then:
#   gcmplan check answers.toml     lists any problem, with its line
#   gcmplan render answers.toml    writes the draft plan
#   gcmplan interview answers.toml asks the questions again, to change answers
";

/// A value or a table found at a path.
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

impl<'a> Node<'a> {
    fn value(&self) -> Option<&'a Value> {
        match self {
            Node::Item(i) => i.as_value(),
            Node::Value(v) => Some(v),
            Node::Table(_) => None,
        }
    }

    fn table_like(&self) -> Option<&'a dyn TableLike> {
        match self {
            Node::Item(i) => i.as_table_like(),
            Node::Value(v) => {
                let v: &'a Value = v;
                v.as_inline_table().map(|t| t as &dyn TableLike)
            }
            Node::Table(t) => {
                let t: &'a Table = t;
                Some(t as &dyn TableLike)
            }
        }
    }

    fn index(&self, i: usize) -> Option<Node<'a>> {
        match self {
            Node::Item(Item::ArrayOfTables(a)) => a.get(i).map(Node::Table),
            Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => {
                a.get(i).map(Node::Value)
            }
            _ => None,
        }
    }

    fn len(&self) -> usize {
        match self {
            Node::Item(Item::ArrayOfTables(a)) => a.len(),
            Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => a.len(),
            _ => 0,
        }
    }
}

#[derive(Clone)]
pub struct AnswersDoc {
    pub path: PathBuf,
    doc: DocumentMut,
    /// Where the interview goes on next time, saved as a comment.
    next: Option<String>,
}

impl AnswersDoc {
    /// A new, empty answers document with a header comment.
    pub fn new(path: &Path) -> AnswersDoc {
        let mut doc = DocumentMut::new();
        doc.as_table_mut()
            .insert("format", toml_edit::value(crate::answers::FORMAT));
        if let Some(mut key) = doc.as_table_mut().key_mut("format") {
            key.leaf_decor_mut().set_prefix(format!(
                "{HEADER}\n# The version of this file's format. Leave it at 1.\n"
            ));
        }
        for (name, is_list) in SECTIONS {
            let item = if is_list {
                Item::ArrayOfTables(ArrayOfTables::new())
            } else {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            };
            doc.as_table_mut().insert(name, item);
        }
        AnswersDoc {
            path: path.to_path_buf(),
            doc,
            next: None,
        }
    }

    /// Reads a document from text; only TOML syntax errors are refused.
    pub fn parse(path: &Path, text: &str) -> Result<AnswersDoc, toml_edit::TomlError> {
        let doc: DocumentMut = text.parse()?;
        let next = doc.trailing().as_str().and_then(|t| {
            t.lines()
                .find_map(|l| l.trim().strip_prefix(MARKER.trim_end()))
                .map(|rest| {
                    rest.trim()
                        .split(" (")
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_string()
                })
        });
        Ok(AnswersDoc {
            path: path.to_path_buf(),
            doc,
            next,
        })
    }

    /// The whole document as text, comments included.
    pub fn text(&self) -> String {
        self.doc.to_string()
    }

    /// Where the last run stopped, from the marker comment.
    pub fn next(&self) -> Option<&str> {
        self.next.as_deref()
    }

    /// Sets (or with None, clears) the marker written at the next save.
    pub fn set_next(&mut self, next: Option<&str>) {
        self.next = next.map(str::to_string);
        let trailing = self.doc.trailing().as_str().unwrap_or_default().to_string();
        let mut kept: Vec<&str> = trailing
            .lines()
            .filter(|l| !l.trim().starts_with(MARKER.trim_end()))
            .collect();
        while kept.last().is_some_and(|l| l.trim().is_empty()) {
            kept.pop();
        }
        let mut out = kept.join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        if let Some(n) = &self.next {
            out.push_str(&format!(
                "\n{MARKER}{n} (where `gcmplan interview` goes on; safe to delete)\n"
            ));
        }
        self.doc.set_trailing(out);
    }

    /// Writes the file atomically. Ctrl-C waits for the write to finish.
    pub fn save(&self) -> Result<()> {
        let text = self.text();
        let _guard = SAVE_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        crate::output::write_atomic(&self.path, text.as_bytes())
            .with_context(|| format!("cannot save your answers to {}", self.path.display()))
    }

    fn node(&self, path: &str) -> Option<Node<'_>> {
        let mut node = Node::Item(self.doc.as_item());
        for seg in steps(path) {
            node = match seg {
                Step::Key(k) => match node.table_like()?.get(k)? {
                    Item::None => return None,
                    Item::Value(v) => Node::Value(v),
                    item => Node::Item(item),
                },
                Step::Index(i) => node.index(i)?,
            };
        }
        Some(node)
    }

    fn value(&self, path: &str) -> Option<&Value> {
        self.node(path)?.value()
    }

    /// Whether the path holds anything (a value or a non-empty table).
    pub fn has(&self, path: &str) -> bool {
        match self.node(path) {
            None => false,
            Some(n) => match n.table_like() {
                Some(t) => !t.is_empty(),
                None => true,
            },
        }
    }

    pub fn str(&self, path: &str) -> Option<String> {
        self.value(path)?.as_str().map(str::to_string)
    }

    pub fn int(&self, path: &str) -> Option<i64> {
        self.value(path)?.as_integer()
    }

    pub fn float(&self, path: &str) -> Option<f64> {
        let v = self.value(path)?;
        v.as_float().or_else(|| v.as_integer().map(|i| i as f64))
    }

    pub fn bool(&self, path: &str) -> Option<bool> {
        self.value(path)?.as_bool()
    }

    /// A value as the user would type it (text, number or date).
    pub fn scalar_text(&self, path: &str) -> Option<String> {
        let v = self.value(path)?;
        match v {
            Value::String(s) => Some(s.value().clone()),
            Value::Integer(i) => Some(i.value().to_string()),
            Value::Float(f) => Some(format_amount(*f.value())),
            Value::Boolean(b) => Some(b.value().to_string()),
            _ => None,
        }
    }

    pub fn strs(&self, path: &str) -> Vec<String> {
        match self.value(path) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn ints(&self, path: &str) -> Vec<i64> {
        match self.value(path) {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_integer).collect(),
            _ => Vec::new(),
        }
    }

    /// Number of items in a list (`instruments`, `measures`, ...).
    pub fn len(&self, path: &str) -> usize {
        self.node(path).map_or(0, |n| n.len())
    }

    /// Keys of a table (`objectives`, `principles`).
    pub fn keys(&self, path: &str) -> Vec<String> {
        self.node(path)
            .and_then(|n| n.table_like())
            .map(|t| {
                t.iter()
                    .filter(|(_, v)| !v.is_none())
                    .map(|(k, _)| k.to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The table that holds the last key of `path`, created when absent.
    fn parent_mut(&mut self, path: &str) -> Option<(&mut dyn TableLike, String)> {
        let segs = steps(path);
        let (last, init) = segs.split_last()?;
        let Step::Key(last) = last else {
            return None;
        };
        let mut cur: &mut dyn TableLike = self.doc.as_table_mut();
        let mut i = 0;
        while i < init.len() {
            let Step::Key(k) = &init[i] else {
                return None;
            };
            if let Some(Step::Index(n)) = init.get(i + 1) {
                let item = cur.get_mut(k)?;
                cur = match item {
                    Item::ArrayOfTables(a) => a.get_mut(*n)? as &mut dyn TableLike,
                    Item::Value(Value::Array(a)) => {
                        a.get_mut(*n)?.as_inline_table_mut()? as &mut dyn TableLike
                    }
                    _ => return None,
                };
                i += 2;
            } else {
                let inline = cur.get(k).is_some_and(|it| it.is_inline_table());
                let exists = cur.get(k).is_some_and(|it| it.is_table_like());
                if !exists {
                    if cur.get(k).is_some_and(|it| !it.is_none()) {
                        // A value of the wrong type stands where a table goes.
                        cur.remove(k);
                    }
                    let mut t = Table::new();
                    t.set_implicit(true);
                    cur.insert(k, Item::Table(t));
                }
                let item = cur.get_mut(k)?;
                if !inline && let Item::Table(t) = item {
                    t.set_implicit(true);
                }
                cur = item.as_table_like_mut()?;
                i += 1;
            }
        }
        Some((cur, last.to_string()))
    }

    /// Sets a value, creating the tables on the way. A key set for the first
    /// time gets `comment` above it, for whoever edits the file by hand.
    pub fn set(&mut self, path: &str, value: Value, comment: Option<&str>) {
        let Some((table, key)) = self.parent_mut(path) else {
            return;
        };
        let is_new = table.get(&key).is_none_or(Item::is_none);
        match table.get_mut(&key) {
            Some(Item::Value(old)) => {
                // Keep the comment after the value, if any.
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            _ => {
                table.insert(&key, Item::Value(value));
            }
        }
        if is_new
            && let Some(comment) = comment
            && let Some(mut k) = table.key_mut(&key)
        {
            k.leaf_decor_mut().set_prefix(comment_lines(comment));
        }
    }

    pub fn set_str(&mut self, path: &str, value: &str, comment: Option<&str>) {
        self.set(path, Value::from(value), comment);
    }

    pub fn set_int(&mut self, path: &str, value: i64, comment: Option<&str>) {
        self.set(path, Value::from(value), comment);
    }

    pub fn set_bool(&mut self, path: &str, value: bool, comment: Option<&str>) {
        self.set(path, Value::from(value), comment);
    }

    pub fn set_strs(&mut self, path: &str, values: &[String], comment: Option<&str>) {
        let arr: toml_edit::Array = values.iter().map(String::as_str).collect();
        self.set(path, Value::Array(arr), comment);
    }

    pub fn set_ints(&mut self, path: &str, values: &[i64], comment: Option<&str>) {
        let arr: toml_edit::Array = values.iter().copied().collect();
        self.set(path, Value::Array(arr), comment);
    }

    /// Removes a key (a value or a whole table); absent keys are fine.
    pub fn remove(&mut self, path: &str) {
        let segs = steps(path);
        if let Some(Step::Index(i)) = segs.last() {
            let list = path[..path.rfind('[').unwrap_or(path.len())].to_string();
            self.remove_item(&list, *i);
            return;
        }
        if self.node(path).is_none() {
            return;
        }
        if let Some((table, key)) = self.parent_mut(path) {
            table.remove(&key);
        }
    }

    /// Appends an empty table to a list and returns its index.
    pub fn push_item(&mut self, list: &str, comment: Option<&str>) -> usize {
        let is_list = matches!(
            self.node(list),
            Some(Node::Item(Item::ArrayOfTables(_)) | Node::Value(Value::Array(_)))
        );
        let Some((parent, key)) = self.parent_mut(list) else {
            return 0;
        };
        if !is_list {
            // Absent (or of the wrong type): start a list of tables.
            parent.remove(&key);
            parent.insert(&key, Item::ArrayOfTables(ArrayOfTables::new()));
        }
        match parent.get_mut(&key) {
            Some(Item::ArrayOfTables(a)) => {
                let mut t = Table::new();
                if let Some(c) = comment {
                    t.decor_mut().set_prefix(format!("\n{}", comment_lines(c)));
                }
                a.push(t);
                a.len() - 1
            }
            Some(Item::Value(Value::Array(a))) => {
                a.push(Value::InlineTable(toml_edit::InlineTable::new()));
                a.len() - 1
            }
            _ => 0,
        }
    }

    /// Removes item `i` of a list.
    pub fn remove_item(&mut self, list: &str, i: usize) {
        let Some((parent, key)) = self.parent_mut(list) else {
            return;
        };
        match parent.get_mut(&key) {
            Some(Item::ArrayOfTables(a)) if i < a.len() => {
                a.remove(i);
            }
            Some(Item::Value(Value::Array(a))) if i < a.len() => {
                a.remove(i);
            }
            _ => {}
        }
    }

    /// Puts the keys of a table (such as `objectives`) in numeric order.
    pub fn sort_numeric_keys(&mut self, path: &str) {
        if let Some(Item::Table(t)) = self.doc.as_table_mut().get_mut(path) {
            t.sort_values_by(|a, _, b, _| {
                let n = |k: &toml_edit::Key| k.get().parse::<u32>().unwrap_or(u32::MAX);
                n(a).cmp(&n(b))
            });
        }
    }

    /// Gives a table a comment above its header, when it has none yet.
    pub fn comment_table(&mut self, path: &str, comment: &str) {
        let mut table: &mut Table = self.doc.as_table_mut();
        let segs = steps(path);
        let mut i = 0;
        while i < segs.len() {
            let Step::Key(k) = &segs[i] else { return };
            match (table.get_mut(k), segs.get(i + 1)) {
                (Some(Item::Table(t)), _) => {
                    table = t;
                    i += 1;
                }
                (Some(Item::ArrayOfTables(a)), Some(Step::Index(n))) => {
                    let Some(t) = a.get_mut(*n) else { return };
                    table = t;
                    i += 2;
                }
                _ => return,
            }
        }
        set_table_comment(table, comment);
    }
}

fn set_table_comment(t: &mut Table, comment: &str) {
    let has = t
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .is_some_and(|p| p.contains('#'));
    if !has {
        t.decor_mut()
            .set_prefix(format!("\n{}", comment_lines(comment)));
    }
}

/// `text` as comment lines of at most 78 characters, each starting with "# ".
fn comment_lines(text: &str) -> String {
    let mut out = String::new();
    for para in text.lines() {
        if para.trim().is_empty() {
            out.push_str("#\n");
            continue;
        }
        let mut line = String::from("#");
        for word in para.split_whitespace() {
            if line.len() > 1 && line.chars().count() + 1 + word.chars().count() > 78 {
                out.push_str(&line);
                out.push('\n');
                line = String::from("#");
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// An amount as people write it: no ".0" on whole numbers.
pub fn format_amount(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> AnswersDoc {
        AnswersDoc::parse(Path::new("a.toml"), text).unwrap()
    }

    #[test]
    fn values_are_set_in_place_keeping_comments() {
        let mut d = doc("# my note\n[state]\nname = \"A\" # the name\n");
        d.set_str("state.name", "Examplia", Some("ignored: the key exists"));
        d.set_str("state.iso_code", "XEX", Some("ISO code"));
        let text = d.text();
        assert!(text.starts_with("# my note\n[state]\n"), "{text}");
        assert!(text.contains("name = \"Examplia\" # the name"), "{text}");
        assert!(text.contains("# ISO code\niso_code = \"XEX\""), "{text}");
        assert!(!text.contains("ignored"));
    }

    #[test]
    fn tables_and_lists_are_created_on_demand() {
        let mut d = AnswersDoc::new(Path::new("a.toml"));
        d.set_str("objectives.7.priority", "high", None);
        d.set_str("objectives.6.priority", "low", None);
        d.sort_numeric_keys("objectives");
        let i = d.push_item("measures", Some("A measure"));
        d.set_str(&format!("measures[{i}].title"), "Ban fees", None);
        d.set_str(&format!("measures[{i}].indicator.text"), "Share", None);
        d.set_str("governance.coordination.name", "Council", None);
        d.set_str("state.name", "Examplia", None);
        let text = d.text();
        let state = text.find("[state]").unwrap();
        let o6 = text.find("[objectives.6]").unwrap();
        let o7 = text.find("[objectives.7]").unwrap();
        let m = text.find("[[measures]]").unwrap();
        let g = text.find("[governance.coordination]").unwrap();
        assert!(state < o6 && o6 < o7 && o7 < m && m < g, "{text}");
        assert!(text.contains("[measures.indicator]"), "{text}");
        assert!(!text.contains("[objectives]\n"), "{text}");
        assert!(!text.contains("[governance]\n"), "{text}");
        assert_eq!(
            d.str("measures[0].indicator.text").as_deref(),
            Some("Share")
        );
        assert_eq!(d.len("measures"), 1);
        assert_eq!(d.keys("objectives"), vec!["6", "7"]);
    }

    #[test]
    fn inline_lists_written_by_hand_are_edited_in_place() {
        let mut d = doc("instruments = [{ id = \"a\", title = \"A\" }]\n");
        d.set_str("instruments[0].title", "B", None);
        let i = d.push_item("instruments", None);
        d.set_str(&format!("instruments[{i}].id"), "c", None);
        assert_eq!(d.len("instruments"), 2);
        assert_eq!(d.str("instruments[0].title").as_deref(), Some("B"));
        d.remove_item("instruments", 0);
        assert_eq!(d.str("instruments[0].id").as_deref(), Some("c"));
    }

    #[test]
    fn values_of_the_wrong_type_read_as_unanswered() {
        let d = doc("[plan]\nstart_year = \"2026\"\n");
        assert_eq!(d.int("plan.start_year"), None);
        assert_eq!(d.scalar_text("plan.start_year").as_deref(), Some("2026"));
    }

    #[test]
    fn the_marker_round_trips_and_can_be_cleared() {
        let mut d = doc("[state]\nname = \"A\"\n# a note at the end\n");
        d.set_next(Some("objective 7"));
        let text = d.text();
        assert!(text.contains("# a note at the end\n"), "{text}");
        let again = doc(&text);
        assert_eq!(again.next(), Some("objective 7"));
        let mut again = again;
        again.set_next(None);
        assert!(!again.text().contains("gcmplan interview: next"));
        assert!(again.text().contains("# a note at the end"));
    }
}
