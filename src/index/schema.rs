//! The tantivy schema: the only place field names are spelled.
//!
//! Two kinds of tantivy document live in one index, told apart by `rec`:
//! - `unit`: one searchable unit of one version of a document;
//! - `version`: one record per extracted document version, with its content hash and unit
//!   count — the state incremental indexing and primary selection need, committed
//!   atomically with the units it describes.
//!
//! Each unit's text is indexed in the field of its language (`text_fr` with French stemming;
//! a paragraph written in another language than its version, in that language's field,
//! named in `words_lang`) and in `text_exact` (unstemmed, folded, with positions) for quoted
//! phrases.
//!
//! A version's title words are indexed on its record alone (`title:` queries go through the
//! record to its units); the title and path every hit shows are stored with each unit, read
//! from the store block the hit's text is read from (consecutive units of a version share
//! them, so the block's compression takes the copies back).

use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};

use crate::lang::analyzers::{EXACT, stemmed_name};
use crate::lang::{ALL, Lang};
use crate::model::Date;

/// `rec` value of unit documents.
pub const REC_UNIT: &str = "unit";
/// `rec` value of version records.
pub const REC_VERSION: &str = "version";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `unit` or `version`.
    pub rec: Field,
    /// `doc_id#unit`, or `doc_id` for the whole document.
    pub id: Field,
    /// The document (work) id.
    pub doc_id: Field,
    /// The unit id, empty for the whole document.
    pub unit: Field,
    /// Language code (indexed for filters).
    pub lang: Field,
    /// Language as its position in `lang::ALL` (fast, for facets).
    pub lang_ix: Field,
    /// Kind name (indexed for filters).
    pub kind: Field,
    /// Kind as its position in `model::KINDS` (fast, for facets).
    pub kind_ix: Field,
    /// Document title, as shown (stored with every unit).
    pub title: Field,
    /// Version records: the title's folded words, for `title:` queries.
    pub title_words: Field,
    /// Document date as `YYYYMMDD`, 0 when unknown.
    pub date: Field,
    /// Path relative to the indexed root (stored with every unit).
    pub path: Field,
    /// Publisher or source.
    pub publisher: Field,
    /// The indexed file (absolute root and relative path): deletions go by it.
    pub file_key: Field,
    /// One extracted document of a file (`file_key#n`): primary selection goes by it.
    pub version: Field,
    /// The unit's text as shown.
    pub text: Field,
    /// Headings above the unit.
    pub heading: Field,
    /// Position of the unit in its version.
    pub seq: Field,
    /// Unit ids (and their ancestors) this unit cites.
    pub cites: Field,
    /// Terms this unit defines.
    pub defines: Field,
    /// Unstemmed, folded text, with positions.
    pub text_exact: Field,
    /// The language whose stemmed field holds a unit's words (its `lang`, or a paragraph's
    /// own language): which stemmed fields a segment fills.
    pub words_lang: Field,
    /// Stemmed text, one field per language, in `lang::ALL` order.
    pub text_lang: Vec<Field>,
    /// Version records: content hash of the file.
    pub hash: Field,
    /// Version records: number of units.
    pub units: Field,
    /// Version records: the base act of a consolidated version.
    pub base: Field,
    /// Version records: what besides content decided the indexing.
    pub identity: Field,
}

/// Name of the stemmed text field of `lang`.
pub fn text_field_name(lang: Lang) -> String {
    format!("text_{}", lang.code())
}

/// Builds the schema.
pub fn build() -> Schema {
    let mut builder = Schema::builder();
    // Indexed only where a query or a deletion looks values up; fast (columnar) only where
    // a search reads the column: document ids and publishers while collecting, unit ids to
    // break ties, versions to go from a title to its units. A hit's title and path are
    // stored with its text, read from the block its text is read from.
    builder.add_text_field("unit", STORED);
    for name in ["title", "path"] {
        builder.add_text_field(name, STORED);
    }
    for name in ["rec", "file_key", "lang", "kind"] {
        builder.add_text_field(name, STRING | STORED);
    }
    builder.add_text_field("words_lang", STRING);
    for name in ["id", "doc_id", "publisher", "version"] {
        builder.add_text_field(name, STRING | STORED | FAST);
    }
    builder.add_u64_field("lang_ix", FAST);
    builder.add_u64_field("kind_ix", FAST);
    builder.add_i64_field("date", INDEXED | FAST | STORED);
    builder.add_u64_field("seq", STORED | FAST);
    builder.add_u64_field("units", STORED);
    builder.add_text_field(
        "title_words",
        folded_text(IndexRecordOption::WithFreqsAndPositions),
    );
    builder.add_text_field("text", STORED);
    builder.add_text_field("heading", STORED);
    builder.add_text_field("hash", STORED);
    builder.add_text_field("base", STORED);
    builder.add_text_field("identity", STORED);
    builder.add_text_field("cites", STRING);
    builder.add_text_field(
        "defines",
        folded_text(IndexRecordOption::WithFreqsAndPositions) | STORED,
    );
    builder.add_text_field(
        "text_exact",
        folded_text(IndexRecordOption::WithFreqsAndPositions),
    );
    for lang in ALL {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(stemmed_name(lang))
            .set_index_option(IndexRecordOption::WithFreqs);
        builder.add_text_field(
            &text_field_name(lang),
            TextOptions::default().set_indexing_options(indexing),
        );
    }
    builder.build()
}

fn folded_text(record: IndexRecordOption) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(EXACT)
        .set_index_option(record);
    TextOptions::default().set_indexing_options(indexing)
}

/// The first stored text of `field` in `doc`.
pub fn stored_text(doc: &TantivyDocument, field: Field) -> Option<&str> {
    doc.get_first(field).and_then(|v| v.as_str())
}

/// The stored date (`YYYYMMDD`) of `doc`, if it has a valid one.
pub fn stored_date(doc: &TantivyDocument, field: Field) -> Option<Date> {
    doc.get_first(field)
        .and_then(|v| v.as_i64())
        .and_then(Date::from_number)
}

/// The error for an index whose schema is not this polidex's.
#[derive(Debug, thiserror::Error)]
#[error(
    "field '{0}' missing: the index was built by another polidex version (run `polidex index --rebuild`)"
)]
pub struct MissingField(pub String);

impl Fields {
    /// Looks every field up in `schema`.
    pub fn new(schema: &Schema) -> Result<Fields, MissingField> {
        let field = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| MissingField(name.to_string()))
        };
        let text_lang = ALL
            .iter()
            .map(|l| field(&text_field_name(*l)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Fields {
            rec: field("rec")?,
            id: field("id")?,
            doc_id: field("doc_id")?,
            unit: field("unit")?,
            lang: field("lang")?,
            lang_ix: field("lang_ix")?,
            kind: field("kind")?,
            kind_ix: field("kind_ix")?,
            title: field("title")?,
            title_words: field("title_words")?,
            date: field("date")?,
            path: field("path")?,
            publisher: field("publisher")?,
            file_key: field("file_key")?,
            version: field("version")?,
            text: field("text")?,
            heading: field("heading")?,
            seq: field("seq")?,
            cites: field("cites")?,
            defines: field("defines")?,
            text_exact: field("text_exact")?,
            words_lang: field("words_lang")?,
            text_lang,
            hash: field("hash")?,
            units: field("units")?,
            base: field("base")?,
            identity: field("identity")?,
        })
    }

    /// The stemmed text field of `lang`.
    pub fn text_of(&self, lang: Lang) -> Field {
        self.text_lang[lang.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_found() {
        let schema = build();
        let fields = Fields::new(&schema).unwrap();
        assert_eq!(fields.text_lang.len(), 25);
        assert_eq!(schema.get_field_name(fields.text_of(Lang::Fr)), "text_fr");
    }
}
