//! JSON crawl records `{url, content, source}`: one per file, a JSON array, or JSON Lines.
//!
//! EUR-Lex crawls flatten an act to one line (`content` has no paragraph breaks); such a
//! record is marked `flattened` so the segmenter finds the structure again. The OJ file
//! name the crawler left at the start of `content` (`L_2021274NL.01004101.xml`) tells the
//! language. `url` is used only when it is one. Content that is HTML markup (`<p>…</p>`)
//! is read by the HTML extractor, so its tags go and its paragraphs stay apart.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::clean::{decode, normalize, written_date};
use super::text::paragraphs;
use super::{Block, ExtractError, Extracted, Metadata};
use crate::lang::Lang;

/// A record longer than this with no line break is a flattened act, not a short note; one
/// that starts with an OJ file name is an act however short.
const FLATTENED_MIN_CHARS: usize = 2_000;

/// Extracts every record of a crawl file.
pub fn extract(bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let text = decode(bytes, None)?;
    let (records, bad_lines) = parse_records(&text)?;
    let mut extracted: Vec<Extracted> = records.iter().filter_map(record).collect();
    let Some(first) = extracted.first_mut() else {
        return Err(ExtractError::Empty);
    };
    first.cut = bad_lines;
    Ok(extracted)
}

/// One JSON value, an array of them, or one per line. A line that is not JSON is left out
/// and said so (the second value); a file where no line is JSON is malformed.
fn parse_records(text: &str) -> Result<(Vec<Value>, Option<String>), ExtractError> {
    let whole_error = match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => return Ok((items, None)),
        Ok(value) => return Ok((vec![value], None)),
        Err(e) => e,
    };
    let mut records = Vec::new();
    let mut bad: Vec<(usize, serde_json::Error)> = Vec::new();
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    for (number, line) in lines {
        match serde_json::from_str(line) {
            Ok(value) => records.push(value),
            Err(e) => bad.push((number + 1, e)),
        }
    }
    let Some((line, error)) = bad.first() else {
        return Ok((records, None));
    };
    if records.is_empty() {
        return Err(ExtractError::Malformed {
            format: "json",
            reason: whole_error.to_string(),
        });
    }
    let more = match bad.len() - 1 {
        0 => String::new(),
        n => format!(" (and {n} more lines)"),
    };
    let reason = crate::ingest::json_error_reason(error);
    let column = error.column();
    let note = format!(
        "line {line}, column {column}, is not JSON ({reason}){more}: left out, the rest indexed"
    );
    Ok((records, Some(note)))
}

/// One record as a document; records without text are skipped.
fn record(value: &Value) -> Option<Extracted> {
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| value.get(*n).and_then(Value::as_str))
    };
    let content = field(&["content", "text", "body"])?;
    let from_oj = oj_file_lang(content);
    let html = looks_like_html(content);
    let flattened = !html
        && !content.contains('\n')
        && (from_oj.is_some() || content.chars().count() > FLATTENED_MIN_CHARS);
    let blocks: Vec<Block> = if html {
        html_blocks(content)
    } else if flattened {
        vec![Block::body(normalize(content))]
    } else {
        paragraphs(content).map(Block::body).collect()
    };
    if blocks.is_empty() {
        return None;
    }
    let url = field(&["url", "link"])
        .filter(|u| is_url(u))
        .map(str::to_string);
    let meta = Metadata {
        title: field(&["title"]).map(normalize),
        date: field(&["date", "published"]).and_then(written_date),
        lang: field(&["lang", "language"])
            .and_then(Lang::from_metadata)
            .or(from_oj),
        publisher: field(&["publisher", "source", "site"]).map(normalize),
        url,
        ..Metadata::default()
    };
    Some(Extracted {
        meta,
        blocks,
        flattened,
        cut: None,
    })
}

/// Closing tags of block elements: content holding one is the article's markup, not text
/// that happens to start with `<`.
const BLOCK_END_TAGS: [&str; 12] = [
    "</p>",
    "</div>",
    "</h1>",
    "</h2>",
    "</h3>",
    "</h4>",
    "</li>",
    "</article>",
    "</section>",
    "</blockquote>",
    "</table>",
    "</td>",
];

/// Many crawlers store the article's HTML in `content` (`<p>…</p><p>…</p>`): it starts with
/// a tag and closes a block element.
fn looks_like_html(content: &str) -> bool {
    if !content.trim_start().starts_with('<') {
        return false;
    }
    let lower = content.to_ascii_lowercase();
    BLOCK_END_TAGS.iter().any(|tag| lower.contains(tag))
}

/// The blocks of HTML content, read as an `.html` file is (tags dropped, each `<p>` a
/// paragraph); plain paragraphs when the markup gives no text.
fn html_blocks(content: &str) -> Vec<Block> {
    let from_html = super::html::extract(content.as_bytes())
        .ok()
        .and_then(|pages| pages.into_iter().next())
        .map(|page| page.blocks)
        .unwrap_or_default();
    if from_html.is_empty() {
        paragraphs(content).map(Block::body).collect()
    } else {
        from_html
    }
}

/// Crawlers store markup fragments in `url`; only a real address is kept.
fn is_url(text: &str) -> bool {
    let plausible_chars =
        !text.contains(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>'));
    (text.starts_with("http://") || text.starts_with("https://"))
        && plausible_chars
        && text.len() < 2048
}

/// The language code inside an OJ file name at the start of the text: `L_2021274NL.010…`.
fn oj_file_lang(content: &str) -> Option<Lang> {
    static OJ_FILE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*[A-Z]{1,3}_?\d{5,10}([A-Z]{2})\.[\d.]*(?:fmx\.)?xml\b")
            .expect("literal regex")
    });
    let code = OJ_FILE.captures(content)?.get(1)?.as_str();
    Lang::from_metadata(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn eurlex_crawl_record_is_flattened_with_language() {
        let content = format!(
            "L_2021274NL.01004101.xml 30.7.2021 NL Publicatieblad {}",
            "tekst ".repeat(500)
        );
        let json = serde_json::json!({"url": "http://www.w3.org/1999/xhtml\"><!--", "content": content, "source": "EUR LEX"});
        let out = extract(json.to_string().as_bytes()).unwrap();
        assert_eq!(out.len(), 1);
        assert!(out[0].flattened);
        assert_eq!(out[0].meta.lang, Some(Lang::Nl));
        assert_eq!(out[0].meta.url, None);
        assert_eq!(out[0].meta.publisher.as_deref(), Some("EUR LEX"));
    }

    #[test]
    fn a_short_crawled_act_is_flattened_too() {
        let content = "L_2018083NL.01001501.xml 27.3.2018 NL Publicatieblad van de Europese Unie L 83/15 \
            BESLUIT (EU) 2018/509 VAN DE EUROPESE RAAD van 22 maart 2018 betreffende de benoeming \
            DE EUROPESE RAAD, Gezien het Verdrag, HEEFT HET VOLGENDE BESLUIT VASTGESTELD: Artikel 1 Benoemd.";
        let json = serde_json::json!({"content": content});
        let out = extract(json.to_string().as_bytes()).unwrap();
        assert!(out[0].flattened);
        let note = serde_json::json!({"content": "A short note without line breaks."});
        assert!(!extract(note.to_string().as_bytes()).unwrap()[0].flattened);
    }

    #[test]
    fn json_lines_give_one_document_per_line() {
        let text =
            "{\"url\":\"https://a.eu\",\"content\":\"One.\\n\\nTwo.\"}\n{\"content\":\"Three.\"}\n";
        let out = extract(text.as_bytes()).unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].blocks.len(), 2);
        assert_eq!(out[0].meta.url.as_deref(), Some("https://a.eu"));
    }

    #[test]
    fn a_broken_line_is_left_out_and_named() {
        let out = extract(b"{\"content\":\"a\"}\n{broken\n{\"content\":\"b\"}\n[\n").unwrap();
        assert_eq!(out.len(), 2);
        let note = out[0].cut.as_deref().unwrap_or("");
        assert!(
            note.starts_with("line 2, column 2, is not JSON ("),
            "{note}"
        );
        assert!(note.contains("(and 1 more lines)"), "{note}");
        assert_eq!(out[1].cut, None);
    }

    #[test]
    fn year_only_and_month_dates_stand_for_their_first_day() {
        let text = "{\"date\":\"2023\",\"content\":\"a\"}\n{\"date\":\"2021-03\",\"content\":\"b\"}\n{\"published\":\"2022-10-03T08:15:00+02:00\",\"content\":\"c\"}\n";
        let dates: Vec<_> = extract(text.as_bytes())
            .unwrap()
            .into_iter()
            .map(|e| e.meta.date)
            .collect();
        assert_eq!(
            dates,
            [
                Date::new(2023, 1, 1),
                Date::new(2021, 3, 1),
                Date::new(2022, 10, 3)
            ]
        );
    }

    #[test]
    fn html_content_loses_its_tags_and_keeps_its_paragraphs() {
        let json = serde_json::json!({"content": "<p>La Commission <b>propose</b> un règlement.</p>\n<p>Nous appelons le Parlement.</p>"});
        let out = extract(json.to_string().as_bytes()).unwrap();
        let texts: Vec<&str> = out[0].blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "La Commission propose un règlement.",
                "Nous appelons le Parlement."
            ]
        );
        let long = format!("<p>{}</p><p>Two.</p>", "mot ".repeat(600));
        let out = extract(serde_json::json!({"content": long}).to_string().as_bytes()).unwrap();
        assert!(!out[0].flattened);
        assert_eq!(out[0].blocks.len(), 2);
        let text = serde_json::json!({"content": "<3 is a heart, not a tag.\n\nSecond."});
        assert_eq!(
            extract(text.to_string().as_bytes()).unwrap()[0]
                .blocks
                .len(),
            2
        );
    }

    #[test]
    fn a_file_of_no_json_is_malformed() {
        let err = extract(b"{broken\nnot json either\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("malformed json"), "{err}");
    }
}
