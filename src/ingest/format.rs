//! Which extractor reads a file: by its extension, confirmed or overruled by its first bytes.
//!
//! `.xml` may hold Formex or XHTML; a file without a known extension is sniffed (`%PDF`,
//! `<html`, `<?xml`, `{`). Anything else is not a document and is skipped, not failed.

use std::path::Path;

/// A file format polidex can extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown with optional front matter.
    Markdown,
    /// HTML or XHTML.
    Html,
    /// Formex or other XML.
    Xml,
    /// JSON crawl records.
    CrawlJson,
    /// PDF.
    Pdf,
}

impl Format {
    /// The format's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xml => "xml",
            Format::CrawlJson => "json",
            Format::Pdf => "pdf",
        }
    }
}

/// The format of a file named `path` whose content starts with `head`, or `None` when it is
/// not a document polidex reads.
pub fn detect(path: &Path, head: &[u8]) -> Option<Format> {
    let sniffed = sniff(head);
    let by_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .and_then(|e| from_extension(&e));
    match (by_extension, sniffed) {
        (Some(Format::Xml), Some(Format::Html)) => Some(Format::Html),
        (Some(Format::Html), Some(Format::Xml)) => Some(Format::Html),
        (Some(Format::Text | Format::Markdown), Some(Format::Pdf)) => Some(Format::Pdf),
        (Some(format), _) => Some(format),
        (None, sniffed) if has_no_extension(path) => sniffed,
        (None, _) => None,
    }
}

fn from_extension(extension: &str) -> Option<Format> {
    let format = match extension {
        "txt" | "text" => Format::Text,
        "md" | "markdown" | "mdx" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        "xml" | "fmx" => Format::Xml,
        "json" | "jsonl" | "ndjson" => Format::CrawlJson,
        "pdf" => Format::Pdf,
        _ => return None,
    };
    Some(format)
}

fn has_no_extension(path: &Path) -> bool {
    path.extension().is_none()
}

/// The format the first bytes announce, skipping a BOM and whitespace.
fn sniff(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = head.get(start..).unwrap_or(&[]);
    if head.starts_with(b"%PDF") {
        return Some(Format::Pdf);
    }
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    let contains = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if lower.starts_with(b"<!doctype html") || contains(b"<html") {
        return Some(Format::Html);
    }
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<") {
        return Some(Format::Xml);
    }
    if lower.starts_with(b"{") || lower.starts_with(b"[") {
        return Some(Format::CrawlJson);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_as(name: &str, head: &[u8]) -> Option<Format> {
        detect(Path::new(name), head)
    }

    #[test]
    fn extensions_pick_the_format() {
        assert_eq!(detect_as("a/en.oj.xhtml", b"<?xml"), Some(Format::Html));
        assert_eq!(
            detect_as("a/de.fmx-lexp.xml", b"<LEXP.COMBINED>"),
            Some(Format::Xml)
        );
        assert_eq!(
            detect_as("a/nl.eurlex-crawl.json", b"{"),
            Some(Format::CrawlJson)
        );
        assert_eq!(detect_as("s/x.md", b"---"), Some(Format::Markdown));
        assert_eq!(detect_as("a.PDF", b"%PDF-1.7"), Some(Format::Pdf));
    }

    #[test]
    fn content_overrules_a_misleading_extension() {
        assert_eq!(
            detect_as("page.xml", b"<?xml version='1.0'?><html xmlns="),
            Some(Format::Html)
        );
        assert_eq!(detect_as("scan.txt", b"%PDF-1.4"), Some(Format::Pdf));
    }

    #[test]
    fn unknown_files_are_skipped_and_bare_names_sniffed() {
        assert_eq!(detect_as("photo.png", b"\x89PNG"), None);
        assert_eq!(detect_as("README", b"<html>"), Some(Format::Html));
        assert_eq!(detect_as("LICENSE", b"MIT"), None);
    }
}
