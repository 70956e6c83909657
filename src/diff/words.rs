//! Word-level marking inside changed prose, as `git diff --word-diff` shows
//! it: unchanged words as they are, removed words and added words in runs.

use similar::{Algorithm, ChangeTag, DiffTag, capture_diff_slices};

/// A run of words: kept, removed (only in the old text) or added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

/// The old and new text as runs of kept, removed and added words, or `None`
/// when the two have too little in common for inline marking to help (fewer
/// than half of the shorter text's words kept): show them as `old -> new`.
pub fn inline(old: &str, new: &str) -> Option<Vec<Segment>> {
    // The common start and end need no diff, nor even splitting into words:
    // most edits are small. They are cut at the start of a word.
    let (p, q_old, q_new) = common_ends(old, new);
    let (head, tail) = (&old[..p], &old[q_old..]);
    let (a, b) = (tokens(&old[p..q_old]), tokens(&new[p..q_new]));
    let mut tagged: Vec<(ChangeTag, &str)> = Vec::with_capacity(a.len() + b.len() + 2);
    if !head.is_empty() {
        tagged.push((ChangeTag::Equal, head));
    }
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => tagged.extend(a[o].iter().map(|t| (ChangeTag::Equal, *t))),
            DiffTag::Delete => tagged.extend(a[o].iter().map(|t| (ChangeTag::Delete, *t))),
            DiffTag::Insert => tagged.extend(b[n].iter().map(|t| (ChangeTag::Insert, *t))),
            DiffTag::Replace => {
                tagged.extend(a[o].iter().map(|t| (ChangeTag::Delete, *t)));
                tagged.extend(b[n].iter().map(|t| (ChangeTag::Insert, *t)));
            }
        }
    }
    if !tail.is_empty() {
        tagged.push((ChangeTag::Equal, tail));
    }

    let is_word = |t: &str| t.chars().any(char::is_alphanumeric);
    let words = |ts: &[&str]| ts.iter().filter(|t| is_word(t)).count();
    let ends = count_words(head) + count_words(tail);
    let kept = ends
        + tagged[usize::from(!head.is_empty())..tagged.len() - usize::from(!tail.is_empty())]
            .iter()
            .filter(|(t, w)| *t == ChangeTag::Equal && is_word(w))
            .count();
    if kept == 0 || kept * 2 < (ends + words(&a)).min(ends + words(&b)) {
        return None;
    }
    Some(runs(&tagged))
}

/// The longest common start and end of two texts, cut where a word begins
/// after a space in both, so that splitting the middle alone gives the same
/// words as splitting the whole: (end of the start, start of the end in
/// `old`, start of the end in `new`).
fn common_ends(old: &str, new: &str) -> (usize, usize, usize) {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let starts_word = |s: &[u8], i: usize| i == s.len() || !s[i].is_ascii_whitespace();
    let lcp = o.iter().zip(n).take_while(|(x, y)| x == y).count();
    let mut p = lcp;
    while p > 0 && !(o[p - 1] == b' ' && starts_word(o, p) && starts_word(n, p)) {
        p -= 1;
    }
    let max = (o.len() - p).min(n.len() - p);
    let lcs = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take(max)
        .take_while(|(x, y)| x == y)
        .count();
    // The byte before the common end must be common too (a space in both).
    let mut m = lcs;
    while m > 0 {
        let (qo, qn) = (o.len() - m, n.len() - m);
        if m < lcs && qo > p && qn > p && o[qo - 1] == b' ' && !o[qo].is_ascii_whitespace() {
            break;
        }
        m -= 1;
    }
    (p, o.len() - m, n.len() - m)
}

/// The number of words [`tokens`] would find in the text.
fn count_words(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let word = c.is_alphanumeric()
            || (in_word
                && matches!(c, '\'' | '’' | '-' | '.' | ',')
                && chars.peek().is_some_and(|n| n.is_alphanumeric()));
        if word && !in_word {
            count += 1;
        }
        in_word = word;
    }
    count
}

/// Splits text into words (letters and digits, with inner apostrophes,
/// hyphens, points and commas, as in "12,000" or "don't"), runs of
/// whitespace, and single punctuation marks, so that "2027," keeps "2027"
/// when only the comma changed.
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum K {
        Word,
        Space,
        Mark,
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut kind: Option<K> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins_word = matches!(c, '\'' | '’' | '-' | '.' | ',')
            && kind == Some(K::Word)
            && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        let this =
            if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) || joins_word {
                K::Word
            } else if c.is_whitespace() {
                K::Space
            } else {
                K::Mark
            };
        if Some(this) != kind || this == K::Mark {
            if i > start {
                out.push(&text[start..i]);
            }
            start = i;
        }
        kind = Some(this);
    }
    if text.len() > start {
        out.push(&text[start..]);
    }
    out
}

/// Groups tokens into runs. Whitespace kept between two changes joins the
/// change on both sides, so "a b" -> "c d" reads `[-a b-]{+c d+}` rather
/// than `[-a-]{+c+} [-b-]{+d+}`.
fn runs(tokens: &[(ChangeTag, &str)]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut same = String::new();
    let mut removed = String::new();
    let mut added = String::new();
    let flush_change = |out: &mut Vec<Segment>, removed: &mut String, added: &mut String| {
        if !removed.is_empty() {
            out.push(Segment::Removed(std::mem::take(removed)));
        }
        if !added.is_empty() {
            out.push(Segment::Added(std::mem::take(added)));
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        let (tag, text) = tokens[i];
        match tag {
            ChangeTag::Equal => {
                let in_change = !removed.is_empty() || !added.is_empty();
                let next_changes = tokens
                    .get(i + 1)
                    .is_some_and(|(t, _)| *t != ChangeTag::Equal);
                if in_change && next_changes && text.trim().is_empty() {
                    removed.push_str(text);
                    added.push_str(text);
                } else {
                    flush_change(&mut out, &mut removed, &mut added);
                    same.push_str(text);
                }
            }
            ChangeTag::Delete | ChangeTag::Insert => {
                if !same.is_empty() {
                    out.push(Segment::Same(std::mem::take(&mut same)));
                }
                if tag == ChangeTag::Delete {
                    removed.push_str(text);
                } else {
                    added.push_str(text);
                }
            }
        }
        i += 1;
    }
    flush_change(&mut out, &mut removed, &mut added);
    if !same.is_empty() {
        out.push(Segment::Same(same));
    }
    out
}

/// Words of unchanged text kept on each side of a change; the rest of a
/// long paragraph is cut to "…".
pub const CONTEXT_WORDS: usize = 8;

/// Shortens long unchanged runs to the words next to the changes, so that
/// a one-word edit in a 300-word paragraph reads on one short line.
pub fn elide(segments: Vec<Segment>, keep: usize) -> Vec<Segment> {
    let last = segments.len().saturating_sub(1);
    segments
        .into_iter()
        .enumerate()
        .map(|(i, s)| match s {
            Segment::Same(t) => Segment::Same(shorten(&t, keep, i > 0, i < last)),
            other => other,
        })
        .collect()
}

/// Keeps `keep` words at the start (when `head`) and at the end (when
/// `tail`) of the text, and puts "…" for what is cut.
fn shorten(text: &str, keep: usize, head: bool, tail: bool) -> String {
    let words: Vec<(usize, usize)> = {
        let mut spans = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (false, None) => start = Some(i),
                (true, Some(s)) => {
                    spans.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            spans.push((s, text.len()));
        }
        spans
    };
    let allowed = keep * (usize::from(head) + usize::from(tail));
    // Cut only when it saves more than a few words.
    if words.len() <= allowed + 3 {
        return text.to_string();
    }
    let lead = &text[..words[0].0];
    let trail = &text[words[words.len() - 1].1..];
    let mut out = String::new();
    if head {
        out.push_str(lead);
        out.push_str(&text[words[0].0..words[keep - 1].1]);
        out.push_str(" …");
    } else {
        out.push('…');
    }
    if tail {
        out.push(' ');
        out.push_str(&text[words[words.len() - keep].0..words[words.len() - 1].1]);
        out.push_str(trail);
    }
    out
}

/// The segments with git's plain word-diff markers: `[-old-]{+new+}`.
pub fn plain(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Same(t) => out.push_str(t),
            Segment::Removed(t) => {
                out.push_str("[-");
                out.push_str(t);
                out.push_str("-]");
            }
            Segment::Added(t) => {
                out.push_str("{+");
                out.push_str(t);
                out.push_str("+}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(old: &str, new: &str) -> String {
        inline(old, new).map_or_else(|| "(replaced)".into(), |s| plain(&s))
    }

    #[test]
    fn marks_only_the_words_that_changed() {
        assert_eq!(
            marked(
                "All agencies inspected yearly from 2026",
                "All agencies inspected yearly from 2025"
            ),
            "All agencies inspected yearly from [-2026-]{+2025+}"
        );
        assert_eq!(
            marked("Three agreements by 2027", "Three new agreements by 2027"),
            "Three {+new +}agreements by 2027"
        );
    }

    #[test]
    fn neighbouring_changes_join_into_one_run() {
        assert_eq!(
            marked("one two three four", "one five six four"),
            "one [-two three-]{+five six+} four"
        );
    }

    #[test]
    fn punctuation_is_its_own_token() {
        assert_eq!(
            marked(
                "Three agreements by 2027",
                "Four agreements by 2027, with one more"
            ),
            "[-Three-]{+Four+} agreements by 2027{+, with one more+}"
        );
        assert_eq!(
            tokens("12,000 returnees' (a-b) x.y"),
            vec![
                "12,000",
                " ",
                "returnees",
                "'",
                " ",
                "(",
                "a-b",
                ")",
                " ",
                "x.y"
            ]
        );
    }

    #[test]
    fn long_unchanged_runs_are_cut_around_the_change() {
        let old = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let new = "one two three four five six SEVEN eight nine ten eleven twelve thirteen";
        let s = elide(inline(old, new).unwrap(), 2);
        assert_eq!(plain(&s), "… five six [-seven-]{+SEVEN+} eight nine …");
        // Short runs stay whole.
        let s = elide(inline("a b c d", "a b X d").unwrap(), 2);
        assert_eq!(plain(&s), "a b [-c-]{+X+} d");
    }

    #[test]
    fn the_common_ends_are_cut_where_words_begin() {
        fn cut<'s>(a: &'s str, b: &'s str) -> (&'s str, &'s str, &'s str, &'s str) {
            let (p, qa, qb) = common_ends(a, b);
            (&a[..p], &a[p..qa], &b[p..qb], &a[qa..])
        }
        assert_eq!(
            cut("from 2026 on", "from 2025 on"),
            ("from ", "2026 ", "2025 ", "on")
        );
        // Never inside a word, nor inside a run of spaces.
        assert_eq!(cut("agencies", "agency"), ("", "agencies", "agency", ""));
        assert_eq!(cut("a  b", "a b"), ("", "a  ", "a ", "b"));
        assert_eq!(cut("a b", "a b c"), ("a ", "b", "b c", ""));
        for (a, b) in [("x y z", "x y z"), ("", "a"), ("a b", "")] {
            let (p, qa, qb) = common_ends(a, b);
            assert!(p <= qa && p <= qb, "{a:?} {b:?}");
        }
    }

    #[test]
    fn words_are_counted_as_they_are_split() {
        for t in ["12,000 returnees' (a-b) x.y", "", "  one", "(IOM)"] {
            let n = tokens(t)
                .iter()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(count_words(t), n, "{t:?}");
        }
    }

    #[test]
    fn unrelated_texts_are_replaced_whole() {
        assert_eq!(marked("Federal budget", "Migration MPTF"), "(replaced)");
        assert_eq!(marked("2026", "2027"), "(replaced)");
    }
}
