//! The plan as a Word document (.docx), built in Rust with docx-rs from the
//! same [`Plan`] as the other formats. Templates do not apply: a .docx is a
//! zip of XML parts, not text a template could write.
//!
//! Headings use Word's built-in heading styles with outline levels, so they
//! form the navigation pane and the table of contents (a TOC field, filled in
//! with the headings so it reads before Word updates it, and marked for
//! update so Word adds page numbers when it opens the file). The coverage
//! matrix, the measures and the revision block are Word tables.
//!
//! The fingerprint lives in a custom document property, `gcmplan-fingerprint`
//! (File > Properties > Custom in Word; user-defined properties in
//! LibreOffice), which both keep when they save. Its value is `blake3:` and
//! the BLAKE3 hash of every other part of the package, by name and content.
//! Saving from Word or LibreOffice rewrites the parts, so a file saved after
//! gcmplan wrote it counts as edited, and `render` will not overwrite it
//! without `--force`.

mod content;

use std::io::{Cursor, Read, Write};
use std::path::Path;

use anyhow::{Context, Result, anyhow};
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, Footer, IndentLevel,
    InstrText, InstrToC, Level, LevelJc, LevelText, LineSpacing, LineSpacingType, NumberFormat,
    Numbering, NumberingId, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading, ShdType,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

pub use content::{Block, Cell, Span, blocks};

use crate::output::Existing;
use crate::plan::Plan;

/// The custom document property that carries the fingerprint.
pub const FINGERPRINT_PROPERTY: &str = "gcmplan-fingerprint";
/// The package part that holds the custom properties (and so is left out
/// of the fingerprint).
const CUSTOM_PART: &str = "docProps/custom.xml";

/// A4, with 2 cm margins, in twentieths of a point.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;

const ACCENT: &str = "0B4F7C";
const HEADER_FILL: &str = "DCE4EC";
/// docx-rs declares numbering 1 itself (a decimal list); bullets are 2.
const BULLETS: usize = 2;

/// The fill colour of a shaded table cell or highlighted run.
fn fill(key: &str) -> &'static str {
    match key {
        "covered" => "D7EAF1",
        "partial" => "FDF0C9",
        "gap" => "F9D6DB",
        _ => "FFF4D6",
    }
}

/// The plan as the bytes of a .docx file, fingerprinted.
pub fn render(plan: &Plan) -> Result<Vec<u8>> {
    let placeholder = format!("blake3:{}", "0".repeat(64));
    let docx = document(plan, &blocks(plan)).custom_property(FINGERPRINT_PROPERTY, &placeholder);
    let mut packed = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut packed)
        .context("writing the Word document")?;
    let packed = packed.into_inner();
    let print = fingerprint(&packed)?;
    repack(&packed, &placeholder, &print)
}

/// BLAKE3 over every part but the custom properties, in name order.
fn fingerprint(bytes: &[u8]) -> Result<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| *n != CUSTOM_PART && !n.ends_with('/'))
        .map(str::to_string)
        .collect();
    names.sort();
    let mut hasher = blake3::Hasher::new();
    for name in names {
        let mut content = Vec::new();
        archive.by_name(&name)?.read_to_end(&mut content)?;
        hasher.update(name.as_bytes());
        hasher.update(&[0]);
        hasher.update(&(content.len() as u64).to_le_bytes());
        hasher.update(&content);
    }
    Ok(format!("blake3:{}", hasher.finalize().to_hex()))
}

/// Rewrites the package with the real fingerprint in place of the
/// placeholder, compressing every part (docx-rs stores them uncompressed).
fn repack(bytes: &[u8], placeholder: &str, print: &str) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len() / 3)));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let name = entry.name().to_string();
        if entry.is_dir() {
            out.add_directory(name, SimpleFileOptions::default())?;
            continue;
        }
        let mut content = Vec::new();
        entry.read_to_end(&mut content)?;
        if name == CUSTOM_PART {
            content = String::from_utf8(content)
                .context("the custom properties are not text")?
                .replace(placeholder, print)
                .into_bytes();
        }
        out.start_file(name, options)?;
        out.write_all(&content)?;
    }
    Ok(out.finish()?.into_inner())
}

/// The fingerprint stored in a .docx, if it has one.
fn stored_fingerprint(bytes: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut xml = String::new();
    archive
        .by_name(CUSTOM_PART)
        .ok()?
        .read_to_string(&mut xml)
        .ok()?;
    let at = xml.find(&format!("name=\"{FINGERPRINT_PROPERTY}\""))?;
    let rest = &xml[at..];
    let start = rest.find("<vt:lpwstr>")? + "<vt:lpwstr>".len();
    let end = rest[start..].find("</vt:lpwstr>")?;
    Some(rest[start..start + end].trim().to_string())
}

/// Whether a file at `path` is a .docx gcmplan wrote and nobody saved since.
pub fn inspect(path: &Path) -> Result<Existing> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Existing::Absent),
        Err(e) => return Err(anyhow!("cannot read {}: {e}", path.display())),
    };
    let Some(stored) = stored_fingerprint(&bytes) else {
        return Ok(Existing::Foreign);
    };
    Ok(if fingerprint(&bytes)? == stored {
        Existing::Generated
    } else {
        Existing::Edited
    })
}

/// Text as one Word run: its paragraphs kept, with a blank line between them,
/// other line breaks read as wraps (as in Markdown); tabs stay tabs, and
/// control characters, which XML 1.0 cannot carry, are dropped.
fn text_run(run: Run, text: &str) -> Run {
    let mut run = run;
    // Spaces at the ends join this run to its neighbours; keep them.
    let lead = &text[..text.len() - text.trim_start_matches(' ').len()];
    let trail = &text[text.trim_end_matches(' ').len().max(lead.len())..];
    let mut paras = super::paragraphs(text);
    if let Some(first) = paras.first_mut() {
        first.insert_str(0, lead);
    }
    if let Some(last) = paras.last_mut() {
        last.push_str(trail);
    }
    for (i, para) in paras.iter().enumerate() {
        if i > 0 {
            run = run
                .add_break(BreakType::TextWrapping)
                .add_break(BreakType::TextWrapping);
        }
        for (j, piece) in para.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            let clean: String = piece.chars().filter(|c| !c.is_control()).collect();
            if !clean.is_empty() {
                run = run.add_text(clean);
            }
        }
    }
    run
}

fn span_run(span: &Span) -> Run {
    let mut run = Run::new();
    if span.bold {
        run = run.bold();
    }
    if span.italic {
        run = run.italic();
    }
    if span.todo {
        run = run.shading(Shading::new().shd_type(ShdType::Clear).fill(fill("todo")));
    }
    text_run(run, &span.text)
}

fn paragraph(spans: &[Span]) -> Paragraph {
    spans
        .iter()
        .fold(Paragraph::new(), |p, s| p.add_run(span_run(s)))
}

fn cell(text: &str, shade: Option<&str>, bold: bool, width: usize) -> TableCell {
    let mut run = Run::new();
    if bold {
        run = run.bold();
    }
    let mut cell = TableCell::new()
        .add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(20).after(20))
                .add_run(text_run(run, text)),
        )
        .width(width, WidthType::Dxa);
    if let Some(key) = shade {
        let colour = if key == "header" {
            HEADER_FILL
        } else {
            fill(key)
        };
        cell = cell.shading(Shading::new().shd_type(ShdType::Clear).fill(colour));
    }
    cell
}

/// Column widths that fill the text width: each column at least as wide as
/// its longest word (so no word breaks), the rest shared in proportion to
/// what the columns hold.
fn widths(header: &[String], rows: &[Vec<Cell>]) -> Vec<usize> {
    // Twentieths of a point per character at 10.5 pt, and the cell margins.
    const CHAR: usize = 110;
    const PAD: usize = 240;
    let column = |i: usize| {
        rows.iter()
            .filter_map(move |r| r.get(i))
            .map(|c| c.text.as_str())
            .chain(std::iter::once(header[i].as_str()))
    };
    let longest_word = |i: usize| {
        column(i)
            .flat_map(str::split_whitespace)
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(1)
            .min(22)
    };
    let longest = |i: usize| {
        column(i)
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(1)
            .clamp(1, 70)
    };
    let n = header.len();
    let mins: Vec<usize> = (0..n).map(|i| longest_word(i) * CHAR + PAD).collect();
    let wants: Vec<usize> = (0..n)
        .map(|i| (longest(i) * CHAR + PAD).max(mins[i]))
        .collect();
    let (min_total, want_total): (usize, usize) = (mins.iter().sum(), wants.iter().sum());
    if want_total <= TEXT_WIDTH {
        return wants.iter().map(|w| w * TEXT_WIDTH / want_total).collect();
    }
    if min_total >= TEXT_WIDTH {
        return mins.iter().map(|w| w * TEXT_WIDTH / min_total).collect();
    }
    let spare = TEXT_WIDTH - min_total;
    let extra_total = want_total - min_total;
    mins.iter()
        .zip(&wants)
        .map(|(m, w)| m + (w - m) * spare / extra_total)
        .collect()
}

fn table(header: &[String], rows: &[Vec<Cell>]) -> Table {
    let widths = widths(header, rows);
    let mut all = vec![
        TableRow::new(
            header
                .iter()
                .zip(&widths)
                .map(|(h, w)| cell(h, Some("header"), true, *w))
                .collect(),
        )
        .cant_split(),
    ];
    for row in rows {
        all.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(&c.text, c.shade, false, *w))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(all).set_grid(widths)
}

fn fields(rows: &[(String, Cell)]) -> Table {
    let widths = [TEXT_WIDTH * 27 / 100, TEXT_WIDTH - TEXT_WIDTH * 27 / 100];
    Table::new(
        rows.iter()
            .map(|(label, value)| {
                TableRow::new(vec![
                    cell(label, Some("header"), true, widths[0]),
                    cell(&value.text, value.shade, false, widths[1]),
                ])
                .cant_split()
            })
            .collect(),
    )
    .set_grid(widths.to_vec())
}

fn heading_style(level: u8) -> String {
    format!("Heading{level}")
}

fn styles(docx: Docx) -> Docx {
    let sizes = [32, 26, 23, 21];
    let mut docx = docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .size(40)
            .bold()
            .color(ACCENT)
            .line_spacing(LineSpacing::new().after(240)),
    );
    for (i, size) in sizes.iter().enumerate() {
        let level = i + 1;
        let mut style = Style::new(heading_style(level as u8), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .size(*size)
            .bold()
            .outline_lvl(i)
            .line_spacing(
                LineSpacing::new()
                    .before(if level == 1 { 0 } else { 280 })
                    .after(120),
            );
        if level < 4 {
            style = style.color(ACCENT);
        }
        docx = docx.add_style(style);
    }
    docx.add_style(
        Style::new("TOCHeading", StyleType::Paragraph)
            .name("TOC Heading")
            .based_on("Normal")
            .next("Normal")
            .size(26)
            .bold()
            .color(ACCENT)
            .line_spacing(LineSpacing::new().before(360).after(120)),
    )
    .add_style(
        Style::new("TOC1", StyleType::Paragraph)
            .name("toc 1")
            .based_on("Normal")
            .next("Normal")
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new("TOC2", StyleType::Paragraph)
            .name("toc 2")
            .based_on("Normal")
            .next("Normal")
            .indent(Some(440), None, None, None)
            .line_spacing(LineSpacing::new().after(40)),
    )
    .add_style(
        Style::new("Note", StyleType::Paragraph)
            .name("Note")
            .based_on("Normal")
            .next("Normal")
            .color("56636F")
            .indent(Some(360), None, None, None),
    )
}

fn bullets(docx: Docx) -> Docx {
    docx.add_abstract_numbering(
        AbstractNumbering::new(BULLETS).add_level(
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("•"),
                LevelJc::new("left"),
            )
            .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None),
        ),
    )
    .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// The table of contents: a TOC field over heading levels 1 and 2, filled in
/// with the headings (without page numbers, which only Word's layout knows)
/// and marked dirty so that Word updates it on opening.
fn contents(mut docx: Docx, blocks: &[Block]) -> Docx {
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("TOCHeading")
            .add_run(Run::new().add_text("Contents")),
    );
    let entries: Vec<(u8, &str)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(level, text) if *level <= 2 => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    let field = Run::new()
        .add_field_char(FieldCharType::Begin, true)
        .add_instr_text(InstrText::TOC(
            InstrToC::new().heading_styles_range(1, 2).hyperlink(),
        ))
        .add_field_char(FieldCharType::Separate, false);
    let mut field = Some(field);
    for (level, text) in entries {
        let mut p = Paragraph::new().style(if level == 1 { "TOC1" } else { "TOC2" });
        if let Some(run) = field.take() {
            p = p.add_run(run);
        }
        docx = docx.add_paragraph(p.add_run(text_run(Run::new(), text)));
    }
    let mut end = Paragraph::new().style("TOC1");
    if let Some(run) = field.take() {
        end = end.add_run(run);
    }
    docx.add_paragraph(end.add_run(Run::new().add_field_char(FieldCharType::End, false)))
}

/// The Word document for `plan`, from its blocks.
pub fn document(plan: &Plan, blocks: &[Block]) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .size(16)
            .color("56636F")
            .add_run(
                Run::new()
                    .size(16)
                    .color("56636F")
                    .add_text(format!("{} — {} — page ", plan.state.name, plan.period)),
            )
            .add_page_num(PageNum::new()),
    );
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(567)
                .footer(567),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Arial"),
        )
        .default_size(21)
        .default_line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Auto)
                .after(120)
                .line(264),
        )
        .footer(footer);
    docx = bullets(styles(docx));
    for block in blocks {
        docx = match block {
            Block::Title(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("Title")
                    .add_run(text_run(Run::new(), text)),
            ),
            Block::Label(text) => docx.add_paragraph(
                Paragraph::new()
                    .style("TOCHeading")
                    .keep_next(true)
                    .add_run(text_run(Run::new(), text)),
            ),
            Block::Heading(level, text) => {
                let mut p = Paragraph::new()
                    .style(&heading_style(*level))
                    .keep_next(true)
                    .add_run(text_run(Run::new(), text));
                if *level == 1 {
                    // Each major section starts a page, as in the printed HTML.
                    p = p.page_break_before(true);
                }
                docx.add_paragraph(p)
            }
            Block::Para(spans) => docx.add_paragraph(paragraph(spans)),
            Block::Note(spans) => docx.add_paragraph(paragraph(spans).style("Note")),
            Block::Bullets(items) => items.iter().fold(docx, |docx, item| {
                docx.add_paragraph(
                    paragraph(item).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                )
            }),
            Block::Table(header, rows) => docx
                .add_table(table(header, rows))
                .add_paragraph(Paragraph::new()),
            Block::Fields(rows) => docx.add_table(fields(rows)).add_paragraph(Paragraph::new()),
            Block::Contents => contents(docx, blocks),
        };
    }
    docx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_xml() {
        let run = text_run(Run::new(), "a\u{7}b\tc\n\nd");
        let xml = String::from_utf8(docx_rs::BuildXML::build(&run)).unwrap();
        assert!(!xml.contains('\u{7}'));
        assert!(xml.contains("ab"));
        assert!(
            xml.contains("<w:tab />") || xml.contains("<w:tab/>"),
            "{xml}"
        );
        assert!(xml.contains("<w:br"), "{xml}");
    }
}
