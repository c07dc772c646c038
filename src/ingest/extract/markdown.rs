//! Markdown (statements, blog posts): front matter for metadata, then the visible text.
//!
//! Both YAML (`---`) and TOML (`+++`) front matter are read for `title`, `date` (a year or
//! a month alone stands for its first day, as in Elasticsearch), `author`, `lang` and
//! `category`; only scalars, one-line arrays and block lists (`- item` lines) are needed,
//! so a small reader here does it. The body loses its markup: links keep their text, images and HTML
//! tags vanish, headings become heading blocks, list items their own blocks.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{decode, normalize, written_date};
use super::{Block, ExtractError, Extracted, Metadata, Role};
use crate::lang::Lang;
use crate::model::Kind;

/// Extracts a Markdown file.
pub fn extract(bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let text = decode(bytes, None)?;
    let (front, body) = split_front_matter(&text);
    let meta = front.map(|f| read_front_matter(&f)).unwrap_or_default();
    let blocks = body_blocks(body);
    Ok(vec![Extracted {
        meta,
        blocks,
        flattened: false,
        cut: None,
    }])
}

/// A front matter block: its key/value lines.
struct FrontMatter {
    pairs: Vec<(String, String)>,
}

/// Splits off a leading `---`/`+++` front matter block, if any.
fn split_front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    for fence in ["---", "+++"] {
        let Some(after_open) = trimmed.strip_prefix(fence) else {
            continue;
        };
        let Some(after_open) = after_open
            .strip_prefix('\n')
            .or_else(|| after_open.strip_prefix("\r\n"))
        else {
            continue;
        };
        let close = format!("\n{fence}");
        if let Some(end) = after_open.find(&close) {
            let header = &after_open[..end];
            let body = after_open.get(end + close.len()..).unwrap_or("");
            let separator = if fence == "+++" { '=' } else { ':' };
            return (Some(parse_pairs(header, separator)), body);
        }
    }
    (None, trimmed)
}

/// Reads `key: value` (YAML) or `key = value` (TOML) lines, any indentation, any section;
/// a YAML key with no value takes the block list below it (`categories:` / `  - press`).
fn parse_pairs(header: &str, separator: char) -> FrontMatter {
    let mut pairs = Vec::new();
    let mut lines = header.lines().peekable();
    while let Some(line) = lines.next() {
        let Some((key, value)) = key_and_value(line, separator) else {
            continue;
        };
        let value = if separator == ':' && value.trim().is_empty() {
            block_list(&mut lines)
        } else {
            clean_value(value)
        };
        if !value.is_empty() {
            pairs.push((key, value));
        }
    }
    FrontMatter { pairs }
}

/// The lower-cased key and the raw value of a `key: value` line; `None` for other lines.
fn key_and_value(line: &str, separator: char) -> Option<(String, &str)> {
    let (key, value) = line.split_once(separator)?;
    let key = key.trim().to_ascii_lowercase();
    let valid_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    valid_key.then_some((key, value))
}

/// The items of a YAML block list (`  - press` lines) joined as a one-line array's are;
/// the lines are taken from `lines`. Items that are maps (`- name: Jane`) are skipped.
fn block_list(lines: &mut std::iter::Peekable<std::str::Lines<'_>>) -> String {
    let mut items = Vec::new();
    while let Some(item) = lines.peek().and_then(|line| block_list_item(line)) {
        lines.next();
        let item = unquote(item);
        let is_map = !item.is_empty() && key_and_value(&item, ':').is_some();
        if !item.is_empty() && !is_map {
            items.push(item);
        }
    }
    normalize(&items.join(", "))
}

/// The text of a block list line `  - press`, trimmed; `None` for other lines.
fn block_list_item(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('-')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then(|| rest.trim())
}

/// A YAML scalar or one-line array as text: quotes stripped and their escapes read
/// (`"He said \"no\""`), array items joined (`["Denise Almeida", "EDRi"]` →
/// `Denise Almeida, EDRi`).
fn clean_value(value: &str) -> String {
    let v = value.trim();
    let text = match v.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
        Some(items) => array_items(items)
            .iter()
            .map(|item| unquote(item.trim()))
            .filter(|item| !item.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        None => unquote(v),
    };
    normalize(&text)
}

/// The items of a one-line YAML array, split at commas outside quotes.
fn array_items(items: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote: Option<char> = None;
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in items.char_indices() {
        match (quote, c) {
            (Some('"'), '\\') if !escaped => {
                escaped = true;
                continue;
            }
            (Some(q), _) if c == q && !escaped => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                parts.push(&items[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    parts.push(&items[start..]);
    parts
}

/// A YAML scalar without its quotes: `\"` and `\\` read in double quotes, `''` in single.
fn unquote(value: &str) -> String {
    let quoted = |q: char| value.len() >= 2 && value.starts_with(q) && value.ends_with(q);
    if quoted('"') {
        let inner = &value[1..value.len() - 1];
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            match (c, chars.clone().next()) {
                ('\\', Some(next @ ('"' | '\\'))) => {
                    out.push(next);
                    chars.next();
                }
                _ => out.push(c),
            }
        }
        out
    } else if quoted('\'') {
        value[1..value.len() - 1].replace("''", "'")
    } else {
        value.to_string()
    }
}

impl FrontMatter {
    fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.pairs.iter().find(|(key, _)| key == k))
            .map(|(_, v)| v.as_str())
    }
}

fn read_front_matter(front: &FrontMatter) -> Metadata {
    let date = front
        .get(&["date", "published", "pubdate", "publishdate"])
        .and_then(written_date);
    Metadata {
        title: front.get(&["title"]).map(str::to_string),
        date,
        lang: front
            .get(&["lang", "language", "locale"])
            .and_then(Lang::from_metadata),
        kind: front
            .get(&["kind", "type", "category", "categories", "layout"])
            .and_then(kind_from_category),
        publisher: front
            .get(&["publisher", "source", "author", "authors", "organisation"])
            .map(str::to_string),
        url: front
            .get(&["url", "canonical", "source_url"])
            .map(str::to_string),
        ..Metadata::default()
    }
}

/// Maps a front matter category to a kind: blog-like words to `blog`, press words to
/// `statement`; anything else says nothing.
fn kind_from_category(value: &str) -> Option<Kind> {
    let v = value.to_lowercase();
    if let Ok(kind) = v.parse::<Kind>() {
        return Some(kind);
    }
    const BLOG: &[&str] = &["blog", "post", "rant", "opinion", "column"];
    const STATEMENT: &[&str] = &[
        "press",
        "statement",
        "news",
        "letter",
        "position",
        "release",
    ];
    if BLOG.iter().any(|w| v.contains(w)) {
        Some(Kind::Blog)
    } else if STATEMENT.iter().any(|w| v.contains(w)) {
        Some(Kind::Statement)
    } else {
        None
    }
}

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("literal regex"));
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("literal regex"));
static REF_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\[[^\]]*\]").expect("literal regex"));
static FOOTNOTE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^[^\]]*\]:?").expect("literal regex"));
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^>]{0,500}>").expect("literal regex"));
static EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*{1,3}|_{2,3}|`+|~~)").expect("literal regex"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,8}([-*+•]|\d{1,3}[.)])\s+").expect("literal regex"));
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,8}[-*+•]\s+").expect("literal regex"));
static LINK_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\[[^\]]+\]:\s*\S+").expect("literal regex"));

/// The visible text of a Markdown body as blocks.
fn body_blocks(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut in_code = false;
    for line in body.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || LINK_DEFINITION.is_match(line) {
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) {
            flush(&mut paragraph, &mut blocks);
            continue;
        }
        if let Some(heading) = heading_text(trimmed) {
            flush(&mut paragraph, &mut blocks);
            push_block(&mut blocks, heading, Role::Heading);
            continue;
        }
        let content = if LIST_ITEM.is_match(line) {
            flush(&mut paragraph, &mut blocks);
            BULLET.replace(line, "").into_owned()
        } else {
            line.to_string()
        };
        let content = content
            .trim()
            .trim_start_matches('>')
            .trim_start_matches('|');
        paragraph.push(strip_inline(content));
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

fn is_rule(line: &str) -> bool {
    line.len() >= 3
        && line
            .chars()
            .all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ' | '|' | ':'))
}

fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) {
        let rest = line.get(hashes..)?;
        if rest.starts_with(' ') {
            return Some(rest.trim().trim_end_matches('#').trim());
        }
    }
    None
}

fn strip_inline(line: &str) -> String {
    let line = IMAGE.replace_all(line, "");
    let line = LINK.replace_all(&line, "$1");
    let line = REF_LINK.replace_all(&line, "$1");
    let line = FOOTNOTE_MARK.replace_all(&line, "");
    let line = TAG.replace_all(&line, " ");
    let line = EMPHASIS.replace_all(&line, "");
    line.replace(" | ", " ").replace('|', " ")
}

fn flush(paragraph: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if !paragraph.is_empty() {
        let text = paragraph.join(" ");
        push_block(blocks, &text, Role::Body);
        paragraph.clear();
    }
}

fn push_block(blocks: &mut Vec<Block>, text: &str, role: Role) {
    let text = normalize(&html_entities(text));
    if !text.is_empty() {
        blocks.push(Block::new(text, role));
    }
}

/// The few HTML entities Markdown authors write by hand.
fn html_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(out: &Extracted) -> Vec<&str> {
        out.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn yaml_front_matter_gives_metadata() {
        let md = "---\ntitle: \"Chat control\"\ndate: 2023-07-26T07:37:55+02:00\ncategory: rant\nlang: de\n---\n\nBody text.\n";
        let out = &extract(md.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.title.as_deref(), Some("Chat control"));
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2023-07-26")
        );
        assert_eq!(out.meta.kind, Some(Kind::Blog));
        assert_eq!(out.meta.lang, Some(Lang::De));
        assert_eq!(texts(out), ["Body text."]);
    }

    #[test]
    fn a_year_or_a_month_dates_a_post_by_its_first_day() {
        let date_of = |value: &str| {
            let md = format!("---\ndate: {value}\n---\n\nBody.\n");
            extract(md.as_bytes()).unwrap()[0]
                .meta
                .date
                .map(|d| d.to_string())
        };
        assert_eq!(date_of("2019").as_deref(), Some("2019-01-01"));
        assert_eq!(date_of("2021-03").as_deref(), Some("2021-03-01"));
        assert_eq!(date_of("2022-02-29"), None, "not a calendar day");
        assert_eq!(date_of("soon"), None);
    }

    #[test]
    fn toml_front_matter_gives_metadata() {
        let md = "+++\ndate = \"2024-01-22\"\ntitle = \"Open letter\"\n\n[taxonomies]\nauthor = [\"Denise Almeida\"]\n+++\n\nText.";
        let out = &extract(md.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.title.as_deref(), Some("Open letter"));
        assert_eq!(out.meta.publisher.as_deref(), Some("Denise Almeida"));
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2024-01-22")
        );
    }

    #[test]
    fn yaml_quotes_escapes_and_arrays_are_read() {
        let md = "---\ntitle: \"The \\\"chat control\\\" debate, explained\"\nauthor: ['Denise Almeida', \"EDRi, Brussels\"]\ncategories: [news, blog]\n---\n\nText.";
        let out = &extract(md.as_bytes()).unwrap()[0];
        assert_eq!(
            out.meta.title.as_deref(),
            Some("The \"chat control\" debate, explained")
        );
        assert_eq!(
            out.meta.publisher.as_deref(),
            Some("Denise Almeida, EDRi, Brussels")
        );
        assert_eq!(out.meta.kind, Some(Kind::Blog));
        assert_eq!(clean_value("'it''s'"), "it's");
    }

    #[test]
    fn yaml_block_lists_are_read() {
        let md = "---\ntitle: Upload filters\ncategories:\n  - press\n  - eu-policy\nauthors:\n- 'Jane Doe'\n- name: ignored map\n- EDRi\ntags:\n  - blog\nlayout: post\n---\n\nText.";
        let out = &extract(md.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.kind, Some(Kind::Statement));
        assert_eq!(out.meta.publisher.as_deref(), Some("Jane Doe, EDRi"));
        assert_eq!(out.meta.title.as_deref(), Some("Upload filters"));
    }

    #[test]
    fn markup_is_stripped_and_lists_split() {
        let md = "# Heading\n\nSee [the proposal](https://x.eu/a) and ![img](a.png) **now**.\n\n- first item\n- second <b>item</b>\n";
        let out = &extract(md.as_bytes()).unwrap()[0];
        assert_eq!(
            texts(out),
            [
                "Heading",
                "See the proposal and now.",
                "first item",
                "second item"
            ]
        );
        assert_eq!(out.blocks[0].role, Role::Heading);
    }

    #[test]
    fn unterminated_front_matter_is_body() {
        let out = &extract(b"---\ntitle: x\nno end").unwrap()[0];
        assert!(out.meta.title.is_none());
    }
}
