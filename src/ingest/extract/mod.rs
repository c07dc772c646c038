//! Extractors: the bytes of one file format in, text blocks and metadata out.
//!
//! Each format has its own module; [`extract`] picks one by the detected [`Format`]. An
//! extractor does not cut text into units: it keeps the block boundaries of the markup
//! (paragraphs, list items, table rows) and marks the blocks whose role the markup tells
//! (title, article heading, recital, footnote…). `legal::units` does the cutting.

pub mod clean;
pub mod crawl_json;
pub mod formex;
pub mod html;
pub mod jsonld;
pub mod layout;
pub mod markdown;
pub mod pdf;
pub mod sink;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::ingest::format::Format;
use crate::lang::Lang;
use crate::model::{Date, Kind};

/// What the markup says a block is. `Body` when it says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Ordinary text.
    Body,
    /// A line of the document's title.
    Title,
    /// A division heading (chapter, section, title, part).
    Heading,
    /// An article heading such as `Article 6`.
    ArticleHeading,
    /// The title of an article (`Lawfulness of processing`).
    ArticleTitle,
    /// A citation of the preamble (`Having regard to…`).
    Citation,
    /// A recital (`(12) …`).
    Recital,
    /// The enacting formula (`HAVE ADOPTED THIS REGULATION:`).
    Enacting,
    /// Text after the last article: the final formula, place and date, signatures.
    Final,
    /// A footnote.
    Note,
    /// An annex heading (`ANNEX I`).
    AnnexHeading,
}

/// One block of text in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The text, whitespace collapsed, NFC.
    pub text: String,
    /// What the markup says it is.
    pub role: Role,
}

impl Block {
    /// A block with the given role.
    pub fn new(text: impl Into<String>, role: Role) -> Block {
        Block {
            text: text.into(),
            role,
        }
    }

    /// A body block.
    pub fn body(text: impl Into<String>) -> Block {
        Block::new(text, Role::Body)
    }
}

/// What a file says about itself. Every field is optional: `ingest::metadata` fills the gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Title as given by the file's metadata (not guessed from the text).
    pub title: Option<String>,
    /// Date of the document (adoption or publication).
    pub date: Option<Date>,
    /// Language declared by the file.
    pub lang: Option<Lang>,
    /// CELEX number declared by the markup (`<NO.CELEX>`, ELI, DC.identifier).
    pub celex: Option<String>,
    /// Date of a consolidated version: the document is then the consolidated text of `celex`.
    pub consolidated: Option<Date>,
    /// Kind declared by the file (front matter `type`/`category`).
    pub kind: Option<Kind>,
    /// Publisher, author or source.
    pub publisher: Option<String>,
    /// The document's own address, where declared.
    pub url: Option<String>,
}

/// The result of extracting one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// Metadata found in the file.
    pub meta: Metadata,
    /// Text blocks in reading order.
    pub blocks: Vec<Block>,
    /// The text lost its block boundaries (flattened crawl records): the segmenter must
    /// find them again.
    pub flattened: bool,
    /// Why only the start of the file was read, when a cap from `limits` cut it.
    #[serde(default)]
    pub cut: Option<String>,
}

/// Why a file could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The bytes are not valid in the declared or detected encoding.
    #[error("not valid text: {0}")]
    Encoding(String),
    /// The markup is broken beyond recovery.
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// Format name.
        format: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A PDF that needs a password.
    #[error("encrypted PDF: a password is needed to read it")]
    Encrypted,
    /// A PDF without a text layer.
    #[error("no text layer (scanned or image-only PDF): nothing to index without OCR")]
    NoTextLayer,
    /// A cap from `limits` was reached.
    #[error("too large: {0}")]
    TooLarge(String),
    /// Extraction took longer than its time budget and was abandoned.
    #[error("extraction took longer than {0} s and was abandoned")]
    Timeout(u64),
    /// The isolated extractor process died (crash or memory cap).
    #[error("extractor crashed: {0}")]
    Crashed(String),
    /// The isolated extractor reported this error.
    #[error("{0}")]
    Reported(String),
    /// The file holds no text at all.
    #[error("no text found")]
    Empty,
    /// Reading the file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Extracts the documents in `bytes`, a file of the given format: one for most formats,
/// one per record for crawl files. Documents without any text are dropped; a file without
/// any is an error.
pub fn extract(format: Format, bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let documents = match format {
        Format::Text => text::extract(bytes)?,
        Format::Markdown => markdown::extract(bytes)?,
        Format::Html => html::extract(bytes)?,
        Format::Xml => formex::extract(bytes)?,
        Format::CrawlJson => crawl_json::extract(bytes)?,
        Format::Pdf => vec![pdf::extract(bytes)?],
    };
    let documents: Vec<Extracted> = documents
        .into_iter()
        .filter(|d| d.blocks.iter().any(|b| !b.text.trim().is_empty()))
        .collect();
    if documents.is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(documents)
}
