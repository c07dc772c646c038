//! Assembling blocks: normalisation, and gluing a bare number to the block it numbers.
//!
//! In the Official Journal's HTML a point is a table row whose first cell holds `(a)` and
//! whose second holds the text; in Formex it is `<NO.P>(a)</NO.P><TXT>…</TXT>`. Markup
//! walkers push every piece as it comes; the sink turns `(a)` + `text` into `(a) text`.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::normalize;
use super::{Block, Role};
use crate::legal::labels;

/// Collects the blocks of one document.
#[derive(Debug, Default)]
pub struct BlockSink {
    blocks: Vec<Block>,
    pending_label: Option<String>,
}

impl BlockSink {
    /// Adds the text of one block (normalised here; empty text is ignored).
    pub fn push(&mut self, raw: &str, role: Role) {
        let text = normalize(raw);
        if text.is_empty() {
            return;
        }
        if is_bare_label(&text) {
            let label = match self.pending_label.take() {
                Some(previous) => format!("{previous} {text}"),
                None => text,
            };
            self.pending_label = Some(label);
            return;
        }
        let text = match self.pending_label.take() {
            Some(label) => format!("{label} {text}"),
            None => text,
        };
        self.blocks.push(Block::new(text, role));
    }

    /// The blocks, with a trailing lone label kept as a block of its own.
    pub fn finish(mut self) -> Vec<Block> {
        if let Some(label) = self.pending_label.take() {
            self.blocks.push(Block::body(label));
        }
        self.blocks
    }
}

/// True for a block that only numbers the next one: `(a)`, `1.`, `(iv)`, `—`, `α)`.
pub fn is_bare_label(text: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:\(?\d{{1,4}}[a-z]?\)|\d{{1,4}}(?:\.\d{{1,3}})*\.|\(?(?:{})\)|\(?\p{{Greek}}{{1,2}}\)|\(?\p{{Cyrillic}}{{1,2}}\)|[—–\-•▪·*])$",
            labels::LATIN_LABEL
        ))
        .expect("literal regex")
    });
    text.chars().count() <= 10 && LABEL.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_glue_to_the_next_block() {
        let mut sink = BlockSink::default();
        sink.push("  1.  ", Role::Body);
        sink.push("Processing\u{a0}shall be lawful:", Role::Body);
        sink.push("(a)", Role::Body);
        sink.push("consent;", Role::Recital);
        let blocks = sink.finish();
        assert_eq!(blocks[0].text, "1. Processing shall be lawful:");
        assert_eq!(blocks[1], Block::new("(a) consent;", Role::Recital));
    }

    #[test]
    fn bare_labels() {
        for label in ["(a)", "1.", "(iv)", "—", "α)", "(12)", "1.1.", "а)"] {
            assert!(is_bare_label(label), "{label}");
        }
        for text in ["Article 6", "(a) text", "2016"] {
            assert!(!is_bare_label(text), "{text}");
        }
    }

    #[test]
    fn a_trailing_label_is_kept() {
        let mut sink = BlockSink::default();
        sink.push("(b)", Role::Body);
        assert_eq!(sink.finish()[0].text, "(b)");
    }
}
