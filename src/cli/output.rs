//! Printing hits: text for people (highlights in colour on a terminal), JSON, JSON Lines and
//! CSV for programs. Long exports are written hit by hit, never held in memory.

use std::io::{self, Write};

use super::HitFormat;
use crate::model::{Hit, SearchResponse};

/// The CSV header of hit rows (`search` and `batch`).
pub const CSV_HEADER: [&str; 12] = [
    "query_id", "rank", "id", "doc_id", "unit", "lang", "kind", "date", "score", "title", "path",
    "snippet",
];

/// Writes to standard output: a reader that went away (`polidex show … | head`) is an error
/// `main` ends on quietly, never a panic as with `println!`.
pub fn print_out(text: std::fmt::Arguments<'_>) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_fmt(text)?;
    out.flush()
}

/// Writes a whole response in `format`.
pub fn write_response(
    out: &mut dyn Write,
    response: &SearchResponse,
    format: HitFormat,
    color: bool,
) -> io::Result<()> {
    match format {
        HitFormat::Json => {
            serde_json::to_writer(&mut *out, response)?;
            writeln!(out)
        }
        HitFormat::Jsonl => response
            .hits
            .iter()
            .try_for_each(|hit| write_jsonl(out, hit)),
        HitFormat::Csv => {
            let mut writer = csv_writer(out);
            writer.write_record(CSV_HEADER)?;
            for (i, hit) in response.hits.iter().enumerate() {
                writer.write_record(csv_row("", response.offset + i as u64 + 1, hit))?;
            }
            writer.flush()
        }
        HitFormat::Text => write_text(out, response, color),
    }
}

/// One hit as a JSON line.
pub fn write_jsonl(out: &mut dyn Write, hit: &Hit) -> io::Result<()> {
    serde_json::to_writer(&mut *out, hit)?;
    writeln!(out)
}

/// A CSV writer over `out`.
pub fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(out)
}

/// The CSV fields of one hit.
pub fn csv_row(query_id: &str, rank: u64, hit: &Hit) -> [String; 12] {
    [
        query_id.to_string(),
        rank.to_string(),
        hit.id.clone(),
        hit.doc_id.clone(),
        hit.unit.clone().unwrap_or_default(),
        hit.lang.clone(),
        hit.kind.name().to_string(),
        hit.date.map(|d| d.to_string()).unwrap_or_default(),
        format!("{:.4}", hit.score),
        hit.title.clone(),
        hit.path.clone(),
        hit.snippet.clone(),
    ]
}

fn write_text(out: &mut dyn Write, response: &SearchResponse, color: bool) -> io::Result<()> {
    let shown = response.hits.len() as u64;
    writeln!(
        out,
        "{} hits ({} ms){}",
        response.total,
        response.took_ms,
        if shown > 0 {
            format!(
                ", showing {}–{}",
                response.offset + 1,
                response.offset + shown
            )
        } else {
            String::new()
        }
    )?;
    for (i, hit) in response.hits.iter().enumerate() {
        write_text_hit(out, response.offset + i as u64 + 1, hit, color)?;
    }
    if let Some(facets) = &response.facets {
        writeln!(out, "\nfacets: {}", serde_json::to_string(facets)?)?;
    }
    Ok(())
}

/// One hit for people: rank, id, language, date, kind, title, highlighted snippet.
pub fn write_text_hit(out: &mut dyn Write, rank: u64, hit: &Hit, color: bool) -> io::Result<()> {
    let date = hit
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    let (bold, reset) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    writeln!(
        out,
        "\n{rank:>3}. {bold}{}{reset}  [{}] {} {}  {}",
        hit.id, hit.lang, date, hit.kind, hit.path
    )?;
    writeln!(out, "     {}", hit.title)?;
    writeln!(
        out,
        "     {}",
        highlighted(&hit.snippet, &hit.highlights, color)
    )
}

/// The snippet with its highlights marked: colour on a terminal, plain otherwise.
fn highlighted(snippet: &str, highlights: &[[usize; 2]], color: bool) -> String {
    if !color || highlights.is_empty() {
        return snippet.to_string();
    }
    let mut out = String::with_capacity(snippet.len() + highlights.len() * 12);
    for (i, c) in snippet.chars().enumerate() {
        if highlights.iter().any(|[a, _]| *a == i) {
            out.push_str("\x1b[1;33m");
        }
        out.push(c);
        if highlights.iter().any(|[_, b]| *b == i + 1) {
            out.push_str("\x1b[0m");
        }
    }
    out
}
