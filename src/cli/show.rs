//! `polidex show ID`: a document or unit, in one language or several side by side.

use std::io::IsTerminal;

use anyhow::Result;
use clap::Args;

use super::output::print_out;
use super::{IndexDir, ObjectFormat, found, parse_lang};
use crate::index::reader::IndexHandle;
use crate::lang::Lang;
use crate::model::ShowResponse;
use crate::search::lookup::{self, VersionChoice};

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// `doc_id` or `doc_id#unit` (e.g. `32016R0679#art_6.par_1`).
    id: String,
    #[command(flatten)]
    index: IndexDir,
    /// The language version to show.
    #[arg(long, value_parser = parse_lang, conflicts_with_all = ["path", "parallel"])]
    lang: Option<Lang>,
    /// The version from this file (path relative to the indexed root).
    #[arg(long, conflicts_with = "parallel")]
    path: Option<String>,
    /// Languages to show side by side, e.g. `en,fr,nl`.
    #[arg(long, value_parser = parse_lang, value_delimiter = ',')]
    parallel: Vec<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ObjectFormat,
}

/// Runs `show`.
pub fn run(args: ShowArgs) -> Result<bool> {
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let choice = match (args.lang, args.path, args.parallel.is_empty()) {
        (Some(lang), _, _) => VersionChoice::Lang(lang),
        (None, Some(path), _) => VersionChoice::Path(path),
        (None, None, false) => VersionChoice::Parallel(args.parallel),
        (None, None, true) => VersionChoice::Default,
    };
    let Some(shown) = found(lookup::show(&handle.snapshot()?, &args.id, &choice))? else {
        return Ok(false);
    };
    if let VersionChoice::Parallel(asked) = &choice {
        note_missing_languages(&args.id, asked, &shown);
    }
    match args.format {
        ObjectFormat::Json => print_out(format_args!("{}\n", serde_json::to_string(&shown)?))?,
        ObjectFormat::Text => print_out(format_args!("{}", as_text(&shown, terminal_width())))?,
    }
    Ok(true)
}

/// Says on stderr which languages asked for with `--parallel` have no version of `id`
/// (the versions shown are those there are).
fn note_missing_languages(id: &str, asked: &[Lang], shown: &ShowResponse) {
    let missing: Vec<&str> = asked
        .iter()
        .map(|lang| lang.code())
        .filter(|code| !shown.versions.iter().any(|v| v.lang == *code))
        .collect();
    if !missing.is_empty() {
        eprintln!("polidex: {id}: no version in {}", missing.join(", "));
    }
}

fn terminal_width() -> usize {
    let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    from_env.unwrap_or(if std::io::stdout().is_terminal() {
        120
    } else {
        0
    })
}

/// Blocks per version, or columns when several versions fit side by side.
fn as_text(shown: &ShowResponse, width: usize) -> String {
    let columns = shown.versions.len();
    let column_width = if columns > 1 {
        width.saturating_sub(3 * (columns - 1)) / columns
    } else {
        0
    };
    if columns > 1 && column_width >= 30 {
        return side_by_side(shown, column_width);
    }
    let mut out = format!("{}\n{}\n", shown.id, shown.title);
    for version in &shown.versions {
        out.push_str(&format!("\n── {} ({})\n", version.lang, version.path));
        for unit in &version.units {
            out.push_str(&format!(
                "\n[{}]{}\n{}\n",
                unit.unit.as_deref().unwrap_or("document"),
                unit.heading
                    .as_deref()
                    .map(|h| format!(" {h}"))
                    .unwrap_or_default(),
                unit.text
            ));
        }
    }
    out
}

/// Aligns the versions unit by unit in columns.
fn side_by_side(shown: &ShowResponse, width: usize) -> String {
    let mut ids: Vec<Option<String>> = Vec::new();
    for version in &shown.versions {
        for unit in &version.units {
            if !ids.contains(&unit.unit) {
                ids.push(unit.unit.clone());
            }
        }
    }
    let mut out = format!("{}\n{}\n\n", shown.id, shown.title);
    let header: Vec<String> = shown
        .versions
        .iter()
        .map(|v| pad(&format!("── {}", v.lang), width))
        .collect();
    out.push_str(&format!("{}\n", header.join(" │ ")));
    for id in ids {
        out.push_str(&format!("\n[{}]\n", id.as_deref().unwrap_or("document")));
        let wrapped: Vec<Vec<String>> = shown
            .versions
            .iter()
            .map(|v| {
                v.units
                    .iter()
                    .find(|u| u.unit == id)
                    .map(|u| wrap(&u.text, width))
                    .unwrap_or_default()
            })
            .collect();
        let rows = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..rows {
            let cells: Vec<String> = wrapped
                .iter()
                .map(|lines| pad(lines.get(row).map(String::as_str).unwrap_or(""), width))
                .collect();
            out.push_str(&format!("{}\n", cells.join(" │ ").trim_end()));
        }
    }
    out
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn pad(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count >= width {
        text.chars().take(width).collect()
    } else {
        format!("{text}{}", " ".repeat(width - count))
    }
}
