//! What every search of a commit reads from the fast fields, read at most once per commit
//! and shared: each segment's columns, and the strings of its `doc_id` and `publisher`
//! columns by ord.
//!
//! Opening a column parses its header (and a string column's dictionary index), and looking
//! a string up costs a block decompression; done for every query and every document it
//! matched, the two were a fifth of a search. Everything is filled on first use, so opening
//! an index reads nothing.

use std::sync::{Arc, OnceLock};

use tantivy::SegmentReader;
use tantivy::columnar::{Column, StrColumn};

/// A string column whose values are cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameColumn {
    /// The document id of a unit.
    DocId = 0,
    /// The publisher of a unit's document.
    Publisher = 1,
}

/// The fast-field columns a search collects from, for one segment.
#[derive(Clone)]
pub struct Columns {
    /// Document id of each unit.
    pub doc_ids: StrColumn,
    /// Publisher of each unit's document.
    pub publishers: StrColumn,
    /// Date as `yyyymmdd` (0 when undated).
    pub dates: Column<i64>,
    /// Index of the unit's language.
    pub langs: Column<u64>,
    /// Index of the unit's kind.
    pub kinds: Column<u64>,
}

impl Columns {
    fn open(reader: &SegmentReader) -> tantivy::Result<Columns> {
        let fast = reader.fast_fields();
        let missing =
            |name: &str| tantivy::TantivyError::SchemaError(format!("fast field {name} missing"));
        Ok(Columns {
            doc_ids: fast.str("doc_id")?.ok_or_else(|| missing("doc_id"))?,
            publishers: fast.str("publisher")?.ok_or_else(|| missing("publisher"))?,
            dates: fast.i64("date")?,
            langs: fast.u64("lang_ix")?,
            kinds: fast.u64("kind_ix")?,
        })
    }
}

/// Cached columns and column values of one commit, per segment.
#[derive(Default)]
pub struct ColumnCache {
    segments: Box<[SegmentColumns]>,
}

/// One slot per ord of a column, filled on first use.
type Slots = Box<[OnceLock<Arc<str>>]>;

#[derive(Default)]
struct SegmentColumns {
    opened: OnceLock<Columns>,
    columns: [OnceLock<Slots>; 2],
}

impl ColumnCache {
    /// An empty cache for a searcher of `segments` segments.
    pub fn new(segments: usize) -> ColumnCache {
        ColumnCache {
            segments: (0..segments).map(|_| SegmentColumns::default()).collect(),
        }
    }

    /// The columns of segment `segment`, opened on first use.
    pub fn columns(&self, segment: usize, reader: &SegmentReader) -> tantivy::Result<Columns> {
        let Some(names) = self.segments.get(segment) else {
            return Columns::open(reader);
        };
        if let Some(columns) = names.opened.get() {
            return Ok(columns.clone());
        }
        let columns = Columns::open(reader)?;
        Ok(names.opened.get_or_init(|| columns).clone())
    }

    /// The value of `ord` in `column` of segment `segment` (empty when `ord` is `None` or
    /// out of the column's range).
    pub fn get(
        &self,
        segment: usize,
        which: NameColumn,
        column: &StrColumn,
        ord: Option<u64>,
    ) -> Arc<str> {
        let Some(ord) = ord else {
            return Arc::from("");
        };
        let Some(names) = self.segments.get(segment) else {
            return read(column, ord);
        };
        let slots = names.columns[which as usize]
            .get_or_init(|| (0..column.num_terms()).map(|_| OnceLock::new()).collect());
        match usize::try_from(ord).ok().and_then(|i| slots.get(i)) {
            Some(slot) => Arc::clone(slot.get_or_init(|| read(column, ord))),
            None => read(column, ord),
        }
    }
}

fn read(column: &StrColumn, ord: u64) -> Arc<str> {
    let mut name = String::new();
    // An ord the dictionary cannot resolve reads as empty, like a missing value.
    let _ = column.ord_to_str(ord, &mut name);
    Arc::from(name)
}
