//! Plain text: paragraphs are separated by blank lines.
//!
//! A file with no blank lines but long lines (one paragraph per line, or one 100 MB line) is
//! cut at line ends; the segmenter later cuts over-long paragraphs at word boundaries.

use super::clean::{decode, normalize};
use super::{Block, ExtractError, Extracted, Metadata};

/// Extracts the paragraphs of a plain text file.
pub fn extract(bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let text = decode(bytes, None)?;
    let blocks = paragraphs(&text).map(Block::body).collect();
    Ok(vec![Extracted {
        meta: Metadata::default(),
        blocks,
        flattened: false,
        cut: None,
    }])
}

/// Splits text into normalised paragraphs: at blank lines, or at every line end when the
/// text has no blank lines at all.
pub fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    let has_blank_lines =
        text.contains("\n\n") || text.contains("\n\r\n") || text.contains("\n \n");
    let pieces: Box<dyn Iterator<Item = &str>> = if has_blank_lines {
        Box::new(split_at_blank_lines(text))
    } else {
        Box::new(text.lines())
    };
    pieces.map(normalize).filter(|p| !p.is_empty())
}

fn split_at_blank_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut offset = 0;
        for line in rest.split_inclusive('\n') {
            let is_blank = line.trim().is_empty();
            if is_blank && offset > 0 {
                let (para, tail) = rest.split_at(offset);
                rest = tail.get(line.len()..).unwrap_or("");
                return Some(para);
            }
            offset += line.len();
        }
        let para = rest;
        rest = "";
        Some(para)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "Title line\n\nFirst para\ncontinues here.\n\n\nSecond para.\n";
        let paras: Vec<String> = paragraphs(text).collect();
        assert_eq!(
            paras,
            ["Title line", "First para continues here.", "Second para."]
        );
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let paras: Vec<String> = paragraphs("one\ntwo\r\nthree").collect();
        assert_eq!(paras, ["one", "two", "three"]);
    }

    #[test]
    fn nul_bytes_and_crlf_are_cleaned() {
        let out = extract(b"a\0b\r\n\r\nc").unwrap();
        let texts: Vec<&str> = out[0].blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["ab", "c"]);
    }
}
