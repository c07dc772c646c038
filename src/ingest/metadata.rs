//! Document metadata: what a file says about itself, completed by what its text, its name
//! and its place tell, and overridden by the user's catalogue.
//!
//! The doc id of an EU act is its CELEX number, found in the markup first, then in the act
//! number at the start of its title (or the `COM(2022) 209` of a proposal's cover page),
//! and only as a last resort in a folder name. Other documents are known by their path
//! without extension, and without the language tag when the same work exists in several
//! languages (`statements/en_x.md` + `statements/nl_x.md` → `statements/x`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::catalog::CatalogEntry;
use super::extract::{Block, Extracted, Metadata, Role};
use super::walk::FileEntry;
use crate::lang::{Lang, detect};
use crate::legal::citation::{Context, find_citations};
use crate::legal::vocab;
use crate::model::{Date, DateSpan, Kind};

/// Everything known about one document version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    /// Document (work) id.
    pub doc_id: String,
    /// The CELEX of the act, when the document is one (consolidated: the base act's).
    pub celex: Option<String>,
    /// Base act of a consolidated version.
    pub base: Option<String>,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: Kind,
    /// Date.
    pub date: Option<Date>,
    /// Language of the version.
    pub lang: Lang,
    /// Publisher or source.
    pub publisher: Option<String>,
    /// Whether to cut it into legal units (articles…) rather than paragraphs.
    pub legal: bool,
}

/// The id a file's path gives its document, for every walked file: the path without
/// extension, and without a language tag when siblings hold the same work in other
/// languages.
pub fn path_ids(files: &[FileEntry]) -> HashMap<String, String> {
    let mut languages_of_work: HashMap<String, Vec<Lang>> = HashMap::new();
    for file in files {
        if let Some((work, lang)) = language_tagged(&file.rel) {
            languages_of_work
                .entry(format!("{}|{work}", file.root.display()))
                .or_default()
                .push(lang);
        }
    }
    files
        .iter()
        .map(|file| {
            let id = match language_tagged(&file.rel) {
                Some((work, _))
                    if shared_by_languages(
                        &languages_of_work,
                        &file.root.display().to_string(),
                        &work,
                    ) =>
                {
                    work
                }
                _ => without_extension(&file.rel),
            };
            (file.key(), id)
        })
        .collect()
}

fn shared_by_languages(map: &HashMap<String, Vec<Lang>>, root: &str, work: &str) -> bool {
    map.get(&format!("{root}|{work}")).is_some_and(|langs| {
        let mut distinct = langs.clone();
        distinct.sort();
        distinct.dedup();
        distinct.len() >= 2
    })
}

/// The work and language a path's language tag names: the whole stem (`a/b/fr.oj.xhtml`
/// → `a/b`), a leading or trailing tag of the file name (`nl_x`, `x_nl` → `x`), or else a
/// folder named by a language code (`en/report.md` → `report`).
fn language_tagged(rel: &str) -> Option<(String, Lang)> {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, rel),
    };
    let stem = name.split('.').next().unwrap_or(name);
    let Some(lang) = file_name_lang(name) else {
        return folder_tagged(dir?, stem);
    };
    let rest = if stem.len() == 2 {
        None
    } else {
        let cut = stem.get(3..).filter(|_| {
            stem.get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case(lang.code()))
        });
        cut.or_else(|| stem.get(..stem.len().saturating_sub(3)))
            .filter(|r| !r.is_empty())
    };
    let work = match (dir, rest) {
        (Some(dir), Some(rest)) => format!("{dir}/{rest}"),
        (None, Some(rest)) => rest.to_string(),
        (Some(dir), None) => dir.to_string(),
        (None, None) => return None,
    };
    Some((work, lang))
}

/// The work and language of `stem` in the folder `dir` when one of the folders is named by
/// a language code (`docs/fr/report` → `docs/report`, French).
fn folder_tagged(dir: &str, stem: &str) -> Option<(String, Lang)> {
    let folders: Vec<&str> = dir.split('/').collect();
    let at = folders.iter().rposition(|f| language_code(f).is_some())?;
    let lang = language_code(folders[at])?;
    let mut work: Vec<&str> = folders;
    work.remove(at);
    work.push(stem);
    Some((work.join("/"), lang))
}

/// The language a two-letter code names (`fr`, `EN`).
fn language_code(text: &str) -> Option<Lang> {
    let is_code = text.len() == 2 && text.chars().all(|c| c.is_ascii_alphabetic());
    if is_code {
        Lang::from_metadata(text)
    } else {
        None
    }
}

/// Whether the language tag of `rel` is the whole file stem (`fr.oj.xhtml`): one that
/// cannot be part of a name, unlike `it-strategy.md` or `hr/policy.md`.
fn whole_stem_tag(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    language_code(name.split('.').next().unwrap_or(name)).is_some()
}

/// The language a file name announces: `fr.oj.xhtml`, `nl_chatcontrole.md`, `guide_de.pdf`.
pub fn file_name_lang(name: &str) -> Option<Lang> {
    let stem = name.split('.').next().unwrap_or(name);
    if let Some(lang) = language_code(stem) {
        return Some(lang);
    }
    let first = stem.split(['_', '-']).next().unwrap_or("");
    let last = stem.rsplit(['_', '-']).next().unwrap_or("");
    language_code(first).or_else(|| {
        if stem.contains(['_', '-']) {
            language_code(last)
        } else {
            None
        }
    })
}

fn without_extension(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, name)) => format!("{dir}/{}", name.split('.').next().unwrap_or(name)),
        None => rel.split('.').next().unwrap_or(rel).to_string(),
    }
}

/// Resolves the metadata of the `index`-th document of a file.
pub fn resolve(
    extracted: &Extracted,
    file: &FileEntry,
    path_id: &str,
    index: usize,
    catalog: Option<&CatalogEntry>,
    record: Option<&Metadata>,
) -> DocMeta {
    let meta = &with_record(&extracted.meta, record);
    let title_text = match title_blocks(&extracted.blocks) {
        marked if !marked.is_empty() => marked,
        _ => act_title_at_head(&extracted.blocks).unwrap_or_default(),
    };
    let celex = meta
        .celex
        .clone()
        .filter(|c| is_celex(c))
        .or_else(|| eurlex_download(&file.rel).map(|(celex, _)| celex))
        .or_else(|| act_in_title(&title_text))
        .or_else(|| commission_document_in_head(&extracted.blocks))
        .or_else(|| celex_folder(&file.rel).filter(|_| looks_like_act(&extracted.blocks)));
    let consolidated = meta.consolidated.filter(|_| celex.is_some());
    let lang = resolve_lang(meta, &extracted.blocks, &file.rel);
    let path_id = path_id_in(path_id, &file.rel, lang);
    let doc_id = match (&celex, consolidated) {
        (Some(celex), Some(date)) => consolidated_id(celex, date),
        (Some(celex), None) => celex.clone(),
        (None, _) if index > 0 => format!("{path_id}/{}", index + 1),
        (None, _) => path_id,
    };
    let legal = celex.is_some() || looks_like_act(&extracted.blocks);
    let kind = celex
        .as_deref()
        .map(kind_of_celex)
        .or(meta.kind)
        .unwrap_or_else(|| kind_from_place(&file.rel, meta.url.as_deref(), &extracted.blocks));
    let date = meta
        .date
        .or_else(|| vocab::date_in_text(&title_text))
        .or_else(|| meta.title.as_deref().and_then(vocab::date_in_text))
        .or_else(|| record.and_then(|r| r.date))
        .or_else(|| cover_date(&extracted.blocks))
        .or_else(|| date_in_file_name(&file.rel));
    let title = resolve_title(meta, &extracted.blocks, &title_text, &file.rel, legal);
    let mut doc = DocMeta {
        doc_id,
        celex: celex.clone(),
        base: consolidated.and(celex),
        title,
        kind,
        date,
        lang,
        publisher: meta.publisher.clone(),
        legal,
    };
    if let Some(entry) = catalog {
        apply_catalog(&mut doc, entry);
    }
    doc
}

/// The file's own metadata with a version record's: the record fills the act where the
/// file does not declare it, and its official title and language replace the file's (a
/// EUR-Lex page's `<title>` and `lang` are those of its interface). Its date only comes
/// after the dates in the text (see [`resolve`]): it is the consolidation's, where the text
/// dates the act.
fn with_record<'a>(own: &'a Metadata, record: Option<&Metadata>) -> Cow<'a, Metadata> {
    let Some(record) = record else {
        return Cow::Borrowed(own);
    };
    let celex = own.celex.clone().filter(|c| is_celex(c));
    Cow::Owned(Metadata {
        title: record.title.clone().or_else(|| own.title.clone()),
        lang: record.lang.or(own.lang),
        consolidated: if celex.is_some() {
            own.consolidated
        } else {
            record.consolidated
        },
        celex: celex.or_else(|| record.celex.clone()),
        ..own.clone()
    })
}

fn apply_catalog(doc: &mut DocMeta, entry: &CatalogEntry) {
    if let Some(doc_id) = &entry.doc_id {
        doc.doc_id = doc_id.clone();
        if is_celex(doc_id) {
            doc.celex = Some(doc_id.clone());
            doc.legal = true;
        }
    }
    if let Some(title) = &entry.title {
        doc.title = truncate_chars(title, MAX_NAME_CHARS);
    }
    if let Some(kind) = entry.kind {
        doc.kind = kind;
    }
    if entry.date.is_some() {
        doc.date = entry.date;
    }
    if let Some(lang) = entry.lang {
        doc.lang = lang;
    }
    if let Some(publisher) = &entry.publisher {
        doc.publisher = Some(truncate_chars(publisher, MAX_NAME_CHARS));
    }
}

/// A CELEX number: sector digit, year, document type letters, number (`32016R0679`,
/// `52022PC0209`, `32016R0679R(02)`).
pub fn is_celex(text: &str) -> bool {
    static CELEX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:R?\(\d{2}\))?(?:-\d{8})?$")
            .expect("literal regex")
    });
    CELEX.is_match(text)
}

/// `02016R0679-20160504`: the id of the consolidated version of `celex` on `date`.
fn consolidated_id(celex: &str, date: Date) -> String {
    let base = celex.get(1..).unwrap_or(celex);
    format!("0{base}-{:08}", date.as_number())
}

/// `02016R0679-`: what the ids of every consolidated version of the act `celex` start with
/// (`None` for a CELEX that is itself consolidated or not a number).
pub fn consolidated_prefix(celex: &str) -> Option<String> {
    let base = celex.strip_prefix(|c: char| c.is_ascii_digit() && c != '0')?;
    Some(format!("0{base}-"))
}

fn kind_of_celex(celex: &str) -> Kind {
    match celex.chars().next() {
        Some('0' | '1' | '2' | '3' | '4') => Kind::Legislation,
        Some('5') => Kind::Proposal,
        _ => Kind::Other,
    }
}

/// The act's title lines: those before its preamble, articles or annexes (an annex's
/// title lines name the annex, not the act), each once (a consolidated act repeats its
/// title lines in a header and in the body).
fn title_blocks(blocks: &[Block]) -> String {
    let mut lines: Vec<&str> = Vec::new();
    let before_the_body = blocks.iter().take_while(|b| {
        !matches!(
            b.role,
            Role::Citation | Role::Recital | Role::ArticleHeading | Role::AnnexHeading
        )
    });
    for block in before_the_body.filter(|b| b.role == Role::Title) {
        if !lines.contains(&block.text.as_str()) {
            lines.push(&block.text);
        }
    }
    lines.join(" ")
}

/// Most opening blocks read as the title of a document whose format marks none.
const HEAD_BLOCKS: usize = 4;

/// Longest opening block read as a title line.
const HEAD_BLOCK_CHARS: usize = 400;

/// The title of an act in a format that marks none (plain text, PDF): its opening lines,
/// when the first of them starts with an act's number and articles follow.
fn act_title_at_head(blocks: &[Block]) -> Option<String> {
    let first = blocks.first()?;
    if act_in_title(&first.text).is_none() || !looks_like_act(blocks) {
        return None;
    }
    Some(head_lines(blocks))
}

/// The first block and the short ones after it, up to a line in capitals (the institutions
/// that enact an act: `THE EUROPEAN PARLIAMENT AND THE COUNCIL …,`) or a heading.
fn head_lines(blocks: &[Block]) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for block in blocks.iter().take(HEAD_BLOCKS) {
        let text = block.text.trim();
        let ends_head = text.chars().count() > HEAD_BLOCK_CHARS
            || vocab::article_heading(text).is_some()
            || (!lines.is_empty() && vocab::in_capitals(text));
        if ends_head {
            break;
        }
        lines.push(text);
    }
    lines.join(" ")
}

/// The act's own number at the start of its title: `REGULATION (EU) 2016/679 OF …`, not
/// the `Directive 95/46/EC` it repeals further on.
fn act_in_title(title: &str) -> Option<String> {
    let found = find_citations(title, &Context::default());
    found
        .into_iter()
        .find(|f| f.unit.is_none() && f.start <= 60)
        .map(|f| f.celex)
}

/// `COM(2022) 209 final` standing alone in the first blocks: a Commission document's cover.
fn commission_document_in_head(blocks: &[Block]) -> Option<String> {
    static COVER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:COM|JOIN|SWD|SEC)\s*\(\d{4}\)\s*\d{1,4}(?:\s+final)?$")
            .expect("literal regex")
    });
    blocks
        .iter()
        .take(12)
        .filter(|b| COVER.is_match(b.text.trim()))
        .find_map(|b| {
            find_citations(&b.text, &Context::default())
                .into_iter()
                .next()
        })
        .map(|f| f.celex)
}

/// A CELEX-named folder above the file: the last resort for an act's id.
fn celex_folder(rel: &str) -> Option<String> {
    rel.split('/')
        .rev()
        .skip(1)
        .find(|part| is_celex(part))
        .map(str::to_string)
}

/// Whether blocks read like an act: headings for Article 1 and Article 2.
fn looks_like_act(blocks: &[Block]) -> bool {
    let mut seen = [false; 2];
    for block in blocks.iter().filter(|b| b.text.chars().count() < 150) {
        let heading = vocab::article_heading(&block.text).or_else(|| toc_article(&block.text));
        match heading.map(|h| h.number) {
            Some(n) if n == "1" => seen[0] = true,
            Some(n) if n == "2" => seen[1] = true,
            _ => {}
        }
        if seen == [true, true] {
            return true;
        }
    }
    false
}

fn toc_article(text: &str) -> Option<vocab::Heading<'_>> {
    let inner = text.strip_suffix(')')?;
    vocab::article_heading(inner.get(inner.rfind('(')? + 1..)?)
}

/// The language of a document: as declared, else as its path's language tag says, unless
/// the tag is part of a name (`it-strategy.md`) and the text is clearly another language.
fn resolve_lang(meta: &Metadata, blocks: &[Block], rel: &str) -> Lang {
    if let Some(lang) = meta
        .lang
        .or_else(|| eurlex_download(rel).map(|(_, lang)| lang))
    {
        return lang;
    }
    let detected = || detect::detect(&text_sample(blocks));
    match language_tagged(rel) {
        Some((_, tagged)) if whole_stem_tag(rel) => tagged,
        Some((_, tagged)) => detected().unwrap_or(tagged),
        None => detected().unwrap_or(Lang::Und),
    }
}

/// The CELEX and language of a file named as EUR-Lex names what it serves for download
/// (`CELEX_32021R1232_EN_TXT.pdf`, `CELEX_32016R0679_FR_TXT.html`).
fn eurlex_download(rel: &str) -> Option<(String, Lang)> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.split('.').next().unwrap_or(name);
    let mut parts = stem.split('_');
    let prefix = parts.next()?;
    let celex = parts.next().filter(|c| is_celex(c))?;
    let lang = parts.next().and_then(language_code)?;
    prefix
        .eq_ignore_ascii_case("celex")
        .then(|| (celex.to_string(), lang))
}

/// The path id of a document in `lang`: a work's id drops a language tag only where the
/// tag is the document's language (`it-strategy.md` in English keeps its whole name).
fn path_id_in(path_id: &str, rel: &str, lang: Lang) -> String {
    match language_tagged(rel) {
        Some((_, tagged)) if tagged != lang => without_extension(rel),
        _ => path_id.to_string(),
    }
}

/// Up to 8,000 characters of body text for language detection.
pub fn text_sample(blocks: &[Block]) -> String {
    let mut sample = String::new();
    for block in blocks.iter().filter(|b| b.role != Role::Note) {
        if sample.len() > 8_000 {
            break;
        }
        sample.push_str(&block.text);
        sample.push('\n');
    }
    sample
}

/// Longest title or publisher kept, in characters; the rest is cut at `…`.
const MAX_NAME_CHARS: usize = 500;

fn resolve_title(
    meta: &Metadata,
    blocks: &[Block],
    title_blocks: &str,
    rel: &str,
    legal: bool,
) -> String {
    let from_meta = meta.title.clone().filter(|t| !t.trim().is_empty());
    let from_blocks = (!title_blocks.is_empty()).then(|| title_blocks.to_string());
    let candidates = if legal {
        [from_blocks, from_meta]
    } else {
        [from_meta, from_blocks]
    };
    candidates
        .into_iter()
        .flatten()
        .next()
        .or_else(|| first_heading(blocks))
        .map(|t| truncate_chars(&t, MAX_NAME_CHARS))
        .unwrap_or_else(|| rel.rsplit('/').next().unwrap_or(rel).to_string())
}

fn first_heading(blocks: &[Block]) -> Option<String> {
    let first = blocks
        .iter()
        .find(|b| b.role == Role::Heading)
        .or_else(|| blocks.first())?;
    Some(truncate_chars(&first.text, 200))
}

fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// Folder and address words that make a document a statement (`press`, `presse`,
/// `pressemitteilung` and `press-release` all start with `press`).
const STATEMENT_WORDS: &[&str] = &[
    "statement",
    "press",
    "news",
    "letters",
    "positions",
    "persbericht",
    "communique",
    "comunicado",
    "comunicato",
];

/// Words that make an address slug a press release wherever they stand in it
/// (`/2022/chatkontrolle-pressemitteilung/`).
const PRESS_RELEASE_SLUGS: &[&str] = &["pressemitteilung", "press-release", "persbericht"];

/// Kind from where a document lies and what it says: `blog` or a `posts` folder in its
/// path, `blog` in its address (its `url`, or one in its opening lines), a
/// `statements`/`press`/`news` folder or address.
fn kind_from_place(rel: &str, url: Option<&str>, blocks: &[Block]) -> Kind {
    let lower = rel.to_lowercase();
    let folders: Vec<&str> = lower.split('/').rev().skip(1).collect();
    let address = url.map(address_segments).unwrap_or_default();
    let blog_address = blocks
        .iter()
        .take(10)
        .any(|b| b.text.contains("/blog/") || b.text.contains("/blogposts/"));
    let blog_folder = folders.iter().any(|f| matches!(*f, "posts" | "_posts"));
    let blog_segment = address
        .iter()
        .any(|s| s.starts_with("blog") || s == "posts");
    let statement_folder = folders
        .iter()
        .copied()
        .chain(address.iter().map(String::as_str))
        .any(|f| STATEMENT_WORDS.iter().any(|w| f.starts_with(w)));
    let press_slug = address
        .iter()
        .any(|s| PRESS_RELEASE_SLUGS.iter().any(|w| s.contains(w)));
    if lower.contains("blog") || blog_folder || blog_address || blog_segment {
        Kind::Blog
    } else if statement_folder || press_slug {
        Kind::Statement
    } else {
        Kind::Other
    }
}

/// The lower-case path segments of an address, without its scheme, host, query and
/// fragment (`https://edri.org/our-work/blog/x/?a=1` → `our-work`, `blog`, `x`).
fn address_segments(url: &str) -> Vec<String> {
    let lower = url.to_lowercase();
    let without_scheme = lower
        .split_once("://")
        .map_or(lower.as_str(), |(_, rest)| rest);
    let path = without_scheme.split(['?', '#']).next().unwrap_or("");
    path.split('/')
        .skip(1)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// `Brussels, 11.5.2022` on a Commission document's cover page.
fn cover_date(blocks: &[Block]) -> Option<Date> {
    static COVER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Brussels|Bruxelles|Brüssel|Brussel|Bruselas|Bruxelas|Bruksela|Brusel|Bryssel|Βρυξέλλες|Брюксел|Strasbourg|Luxembourg),?\s+(?:(?:den|le|il|el|dne|dnia|dňa|am)\s+)?(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b").expect("literal regex")
    });
    blocks.iter().take(12).find_map(|b| {
        let caps = COVER.captures(b.text.trim())?;
        Date::new(
            caps[3].parse().ok()?,
            caps[2].parse().ok()?,
            caps[1].parse().ok()?,
        )
    })
}

/// A `YYYY-MM-DD` in the file name (`cs_pirati_2020-12-08_x.md`).
fn date_in_file_name(rel: &str) -> Option<Date> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d])(\d{4}-\d{2}-\d{2})(?:[^\d]|$)").expect("literal regex")
    });
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let caps = DATE.captures(name)?;
    caps.get(1)?
        .as_str()
        .parse::<DateSpan>()
        .ok()
        .map(|s| s.first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(rel: &str) -> FileEntry {
        FileEntry {
            root: PathBuf::from("/c"),
            abs: PathBuf::from(format!("/c/{rel}")),
            rel: rel.into(),
            size: 1,
        }
    }

    #[test]
    fn language_tags_are_dropped_only_for_multilingual_works() {
        let files: Vec<FileEntry> = [
            "s/en_bof_dsa.md",
            "s/nl_bof_dsa.md",
            "s/cs_pirati_x.md",
            "camp/de.html",
            "camp/en.html",
            "pdf/xx_multi.pdf",
        ]
        .iter()
        .map(|r| entry(r))
        .collect();
        let ids = path_ids(&files);
        let id = |rel: &str| ids[&entry(rel).key()].clone();
        assert_eq!(id("s/en_bof_dsa.md"), "s/bof_dsa");
        assert_eq!(id("s/nl_bof_dsa.md"), "s/bof_dsa");
        assert_eq!(id("s/cs_pirati_x.md"), "s/cs_pirati_x");
        assert_eq!(id("camp/de.html"), "camp");
        assert_eq!(id("pdf/xx_multi.pdf"), "pdf/xx_multi");
    }

    #[test]
    fn eurlex_downloads_are_named_by_celex_and_language() {
        assert_eq!(
            eurlex_download("acts/CELEX_32021R1232_EN_TXT.pdf"),
            Some(("32021R1232".to_string(), Lang::En))
        );
        assert_eq!(
            eurlex_download("celex_52022PC0209_FR_TXT.html"),
            Some(("52022PC0209".to_string(), Lang::Fr))
        );
        assert_eq!(eurlex_download("CELEX_notes_EN.md"), None);
        assert_eq!(eurlex_download("32021R1232.pdf"), None);
    }

    #[test]
    fn a_folder_per_language_holds_one_work() {
        let files: Vec<FileEntry> = ["en/report.md", "fr/report.md", "docs/de/x.md"]
            .iter()
            .map(|r| entry(r))
            .collect();
        let ids = path_ids(&files);
        assert_eq!(ids[&entry("en/report.md").key()], "report");
        assert_eq!(ids[&entry("fr/report.md").key()], "report");
        assert_eq!(ids[&entry("docs/de/x.md").key()], "docs/de/x", "no sibling");
    }

    #[test]
    fn a_tag_that_is_not_the_texts_language_is_part_of_the_name() {
        assert_eq!(
            path_id_in("strategy", "it-strategy.md", Lang::En),
            "it-strategy"
        );
        assert_eq!(
            path_id_in("strategy", "it-strategy.md", Lang::It),
            "strategy"
        );
        assert_eq!(path_id_in("camp", "camp/de.html", Lang::De), "camp");
        assert!(whole_stem_tag("camp/de.oj.html"));
        assert!(!whole_stem_tag("it-strategy.md"));
    }

    #[test]
    fn file_names_announce_languages() {
        assert_eq!(file_name_lang("fr.oj.xhtml"), Some(Lang::Fr));
        assert_eq!(file_name_lang("nl_chatcontrole.md"), Some(Lang::Nl));
        assert_eq!(file_name_lang("guide_de.pdf"), Some(Lang::De));
        assert_eq!(file_name_lang("000_5e3389.txt"), None);
        assert_eq!(file_name_lang("xx_pypdf.pdf"), None);
    }

    #[test]
    fn celex_numbers() {
        for ok in [
            "32016R0679",
            "52022PC0209",
            "02016R0679-20160504",
            "32016R0679R(02)",
        ] {
            assert!(is_celex(ok), "{ok}");
        }
        for bad in ["toc-24lang", "2016R0679", "32016R679"] {
            assert!(!is_celex(bad), "{bad}");
        }
    }

    #[test]
    fn title_lines_repeated_by_a_consolidated_act_count_once() {
        let lines = [
            "REGULATION (EU) 2099/1",
            "of 3 January 2099",
            "on lighthouse logs",
        ];
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::new(*l, Role::Title)).collect();
        blocks.push(Block::new("Article 1", Role::Heading));
        blocks.extend(lines.iter().map(|l| Block::new(*l, Role::Title)));
        assert_eq!(
            title_blocks(&blocks),
            "REGULATION (EU) 2099/1 of 3 January 2099 on lighthouse logs"
        );
    }

    #[test]
    fn an_annexs_title_lines_are_not_the_acts() {
        let blocks = [
            Block::new("REGULATION (EU) 2099/1", Role::Title),
            Block::new("on lighthouse logs", Role::Title),
            Block::new("Having regard to the Treaty", Role::Citation),
            Block::new("Article 1", Role::ArticleHeading),
            Block::new("ANNEX I", Role::AnnexHeading),
            Block::new("Logbook entries", Role::Title),
        ];
        assert_eq!(
            title_blocks(&blocks),
            "REGULATION (EU) 2099/1 on lighthouse logs"
        );
    }

    #[test]
    fn a_plain_text_act_is_named_by_its_opening_lines() {
        let blocks: Vec<Block> = [
            "EUROOPAN PARLAMENTIN JA NEUVOSTON ASETUS (EU) 2099/1,",
            "annettu 3 päivänä tammikuuta 2099,",
            "majakoiden lokikirjoista",
            "EUROOPAN PARLAMENTTI JA EUROOPAN UNIONIN NEUVOSTO, jotka",
            "ottavat huomioon Euroopan unionin toiminnasta tehdyn sopimuksen,",
            "1 artikla",
            "Tässä asetuksessa säädetään lokikirjoista.",
            "2 artikla",
            "Jäsenvaltiot valvovat.",
        ]
        .into_iter()
        .map(Block::body)
        .collect();
        let title = act_title_at_head(&blocks).unwrap();
        assert_eq!(
            title,
            "EUROOPAN PARLAMENTIN JA NEUVOSTON ASETUS (EU) 2099/1, annettu 3 päivänä tammikuuta 2099, majakoiden lokikirjoista"
        );
        assert_eq!(act_in_title(&title).as_deref(), Some("32099R0001"));
        // The same opening lines without articles after them are a note about the act.
        assert_eq!(act_title_at_head(&blocks[..5]), None);
    }

    #[test]
    fn act_number_starts_the_title() {
        assert_eq!(
            act_in_title(
                "REGULATION (EU) 2016/679 OF THE EUROPEAN PARLIAMENT … repealing Directive 95/46/EC"
            )
            .as_deref(),
            Some("32016R0679")
        );
        assert_eq!(
            act_in_title(
                "Position of the Council on the adoption of a regulation repealing Directive 95/46/EC"
            ),
            None
        );
    }

    #[test]
    fn proposals_are_dated_by_their_cover_in_any_language() {
        use crate::ingest::extract::{Block, Role};
        for (line, expected) in [
            ("Brussels, 11.5.2022", (2022, 5, 11)),
            ("Brüssel, den 21.4.2021", (2021, 4, 21)),
            ("Bruxelles, le 11.5.2022", (2022, 5, 11)),
            ("Bruselas, 11. 5. 2022", (2022, 5, 11)),
        ] {
            let blocks = [
                Block::new("EUROPEAN COMMISSION", Role::Body),
                Block::new(line, Role::Body),
            ];
            let (y, m, d) = expected;
            assert_eq!(cover_date(&blocks), Date::new(y, m, d), "{line}");
        }
    }

    #[test]
    fn a_crawl_records_address_gives_its_kind() {
        let blog = kind_from_place(
            "crawl/2024-01-30-crawl.jsonl",
            Some("https://edri.org/our-work/blog/why-chat-control-fails/"),
            &[],
        );
        assert_eq!(blog, Kind::Blog);
        let press = kind_from_place(
            "crawl/c.jsonl",
            Some("https://netzpolitik.org/2022/chatkontrolle-pressemitteilung/"),
            &[],
        );
        assert_eq!(press, Kind::Statement);
        for url in ["https://x.eu/press/a", "https://x.eu/en/news/a?id=1"] {
            assert_eq!(kind_from_place("c.jsonl", Some(url), &[]), Kind::Statement);
        }
        let host_only = kind_from_place("c.jsonl", Some("https://press.example.org/x"), &[]);
        assert_eq!(host_only, Kind::Other, "the host is not a folder");
        assert_eq!(kind_from_place("c.jsonl", None, &[]), Kind::Other);
    }

    #[test]
    fn a_posts_folder_holds_blog_posts() {
        assert_eq!(
            kind_from_place("content/posts/chat-control/index.en.md", None, &[]),
            Kind::Blog
        );
        assert_eq!(kind_from_place("_posts/2022-x.md", None, &[]), Kind::Blog);
        assert_eq!(kind_from_place("postscript/x.md", None, &[]), Kind::Other);
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_file_name("s/cs_pirati_2020-12-08_x.md")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2020-12-08")
        );
        assert_eq!(date_in_file_name("s/x_2022_y.md"), None);
    }
}
