//! The tantivy index on disk: its schema, how documents are written, how it is opened.
//!
//! Ingest hands over one [`VersionDoc`] per extracted document version; the writer turns it
//! into unit documents plus a version record, and every commit stores, in tantivy's commit
//! payload, which versions are primary, the fingerprint and the counts `stats` prints.

pub mod columns;
pub mod hidden;
pub mod merge;
pub mod reader;
pub mod schema;
pub mod state;
pub mod stored;
pub mod terms;
#[cfg(test)]
pub mod testing;
pub mod writer;

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::model::{Date, Kind};

/// One unit ready to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedUnit {
    /// Unit id, `None` for the whole document.
    pub unit: Option<String>,
    /// Language of the unit: its version's (what `lang` filters, facets and `show` go by).
    pub lang: Lang,
    /// Language whose stemmer analyses the text: the version's, or a paragraph's own when
    /// it is written in another (an English translation in a Czech letter).
    pub text_lang: Lang,
    /// Headings above the unit.
    pub heading: Option<String>,
    /// Whether the heading is searchable as part of this unit (articles, annexes).
    pub heading_indexed: bool,
    /// The unit's own text.
    pub text: String,
    /// Ids this unit cites, with their ancestors (`32016R0679#art_6`, `32016R0679`).
    pub cites: Vec<String>,
    /// Terms this unit defines.
    pub defines: Vec<String>,
}

/// One extracted document version of one file, ready to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionDoc {
    /// Identifies the file: deletions of a changed or removed file go by it.
    pub file_key: String,
    /// `file_key#n`: the n-th document of the file.
    pub version: String,
    /// Path relative to the indexed root.
    pub path: String,
    /// Content hash of the file.
    pub hash: String,
    /// What, besides the content, decided how the file was indexed (path-derived id,
    /// catalogue entry): a change re-indexes an unchanged file.
    pub identity: String,
    /// Document (work) id.
    pub doc_id: String,
    /// Language of the version.
    pub lang: Lang,
    /// Kind of document.
    pub kind: Kind,
    /// Title.
    pub title: String,
    /// Date.
    pub date: Option<Date>,
    /// Publisher or source.
    pub publisher: Option<String>,
    /// Base act of a consolidated version.
    pub base: Option<String>,
    /// The units, in reading order; the first is the whole-document unit.
    pub units: Vec<IndexedUnit>,
}

/// What can go wrong with the index itself.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Another `polidex index` holds the writer lock.
    #[error("{0}: index is locked by another `polidex index` run; wait for it to finish")]
    Locked(PathBuf),
    /// No index at that place.
    #[error("{0}: no index here (build one with `polidex index`)")]
    Missing(PathBuf),
    /// The index exists but cannot be read.
    #[error("{path}: unreadable index: {reason}")]
    Unreadable {
        /// Index directory.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// Writing failed.
    #[error("{path}: cannot write the index: {reason}")]
    Write {
        /// Index directory.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
}

impl IndexError {
    /// An unreadable-index error for `path`.
    pub fn unreadable(path: &Path, reason: impl ToString) -> IndexError {
        IndexError::Unreadable {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }
    }

    /// A write error for `path`.
    pub fn write(path: &Path, reason: impl ToString) -> IndexError {
        IndexError::Write {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }
    }
}
