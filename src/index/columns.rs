//! What every search of a commit reads from the fast fields, read at most once per commit
//! and shared: each segment's columns, and the strings of its `doc_id` and `publisher`
//! columns by ord; and [`StrValues`], for one-off reads of a string column by document.
//!
//! Opening a column parses its header (and a string column's dictionary index), and looking
//! a string up costs a block decompression; done for every query and every document it
//! matched, the two were a fifth of a search. Everything is filled on first use, so opening
//! an index reads nothing.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, Searcher, SegmentReader};

/// A string column whose values are cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameColumn {
    /// The document id of a unit.
    DocId = 0,
    /// The publisher of a unit's document.
    Publisher = 1,
}

/// The fast-field columns a search collects from, for one segment.
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
    /// Position of the unit in its version.
    pub seqs: Column<u64>,
}

impl Columns {
    fn open(reader: &SegmentReader) -> tantivy::Result<Columns> {
        let fast = reader.fast_fields();
        Ok(Columns {
            doc_ids: str_column(reader, "doc_id")?,
            publishers: str_column(reader, "publisher")?,
            dates: fast.i64("date")?,
            langs: fast.u64("lang_ix")?,
            kinds: fast.u64("kind_ix")?,
            seqs: fast.u64("seq")?,
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
    opened: OnceLock<Arc<Columns>>,
    columns: [OnceLock<Slots>; 2],
}

impl ColumnCache {
    /// An empty cache for a searcher of `segments` segments.
    pub fn new(segments: usize) -> ColumnCache {
        ColumnCache {
            segments: (0..segments).map(|_| SegmentColumns::default()).collect(),
        }
    }

    /// The columns of segment `segment`, opened on first use and shared.
    pub fn columns(&self, segment: usize, reader: &SegmentReader) -> tantivy::Result<Arc<Columns>> {
        let Some(names) = self.segments.get(segment) else {
            return Columns::open(reader).map(Arc::new);
        };
        if let Some(columns) = names.opened.get() {
            return Ok(Arc::clone(columns));
        }
        let columns = Arc::new(Columns::open(reader)?);
        Ok(Arc::clone(names.opened.get_or_init(|| columns)))
    }

    /// The columns of segment `segment`, if a search has opened them.
    pub fn opened(&self, segment: usize) -> Option<Arc<Columns>> {
        self.segments.get(segment)?.opened.get().cloned()
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
        let Some(slots) = self.slots(segment, which, column) else {
            return read(column, ord);
        };
        match usize::try_from(ord).ok().and_then(|i| slots.get(i)) {
            Some(slot) => Arc::clone(slot.get_or_init(|| read(column, ord))),
            None => read(column, ord),
        }
    }

    /// Reads the values of `ords` in `column` of segment `segment` that are not cached yet,
    /// in one pass over the column's dictionary: each of its compressed blocks is opened
    /// once, where reading value by value opened a block per value (the first search of a
    /// commit, a one-shot search, meets thousands).
    pub fn fill(
        &self,
        segment: usize,
        which: NameColumn,
        column: &StrColumn,
        ords: impl IntoIterator<Item = u64>,
    ) {
        let Some(slots) = self.slots(segment, which, column) else {
            return;
        };
        let slot = |ord: u64| usize::try_from(ord).ok().and_then(|i| slots.get(i));
        let mut missing: Vec<u64> = ords
            .into_iter()
            .filter(|&ord| slot(ord).is_some_and(|s| s.get().is_none()))
            .collect();
        if missing.is_empty() {
            return;
        }
        missing.sort_unstable();
        missing.dedup();
        let mut next = missing.iter();
        // A value that cannot be read stays unfilled: `get` then reads it alone.
        let _ = column
            .dictionary()
            .sorted_ords_to_term_cb(&missing, |bytes| {
                if let Some(slot) = next.next().and_then(|&ord| slot(ord)) {
                    let value = std::str::from_utf8(bytes).unwrap_or("");
                    let _ = slot.set(Arc::from(value));
                }
            });
    }

    /// The value slots of `which` in segment `segment`, made on first use.
    fn slots(&self, segment: usize, which: NameColumn, column: &StrColumn) -> Option<&Slots> {
        let names = self.segments.get(segment)?;
        Some(
            names.columns[which as usize]
                .get_or_init(|| (0..column.num_terms()).map(|_| OnceLock::new()).collect()),
        )
    }
}

fn read(column: &StrColumn, ord: u64) -> Arc<str> {
    Arc::from(value_of(column, Some(ord)))
}

/// The string of `ord` in `column`; empty when `ord` is `None` or the dictionary cannot
/// resolve it, like a missing value.
fn value_of(column: &StrColumn, ord: Option<u64>) -> String {
    let mut value = String::new();
    if let Some(ord) = ord {
        let _ = column.ord_to_str(ord, &mut value);
    }
    value
}

/// The string column `name` of a segment.
fn str_column(reader: &SegmentReader, name: &str) -> tantivy::Result<StrColumn> {
    reader
        .fast_fields()
        .str(name)?
        .ok_or_else(|| tantivy::TantivyError::SchemaError(format!("fast field {name} missing")))
}

/// One string column read document by document across a searcher's segments, each
/// segment's column opened once: for listings and lookups, which read few documents of a
/// commit once, where searches use the shared [`ColumnCache`].
pub struct StrValues<'a> {
    searcher: &'a Searcher,
    name: &'static str,
    opened: HashMap<u32, StrColumn>,
}

impl<'a> StrValues<'a> {
    /// A reader of the string column `name` of `searcher`'s segments.
    pub fn new(searcher: &'a Searcher, name: &'static str) -> StrValues<'a> {
        StrValues {
            searcher,
            name,
            opened: HashMap::new(),
        }
    }

    /// The value of the document at `address` (empty when it has none).
    pub fn get(&mut self, address: DocAddress) -> tantivy::Result<String> {
        let segment = address.segment_ord;
        let column = match self.opened.get(&segment) {
            Some(column) => column,
            None => {
                let reader = self.searcher.segment_reader(segment);
                let column = str_column(reader, self.name)?;
                self.opened.entry(segment).or_insert(column)
            }
        };
        Ok(value_of(column, column.ords().first(address.doc_id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema::{self, Fields};
    use tantivy::{Index, IndexWriter, TantivyDocument};

    #[test]
    fn values_filled_in_one_pass_are_the_values_read_one_by_one() {
        let index = Index::create_in_ram(schema::build());
        crate::lang::analyzers::register(index.tokenizers());
        let fields = Fields::new(&index.schema()).expect("our schema");
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
        // Enough distinct ids for the dictionary to span several compressed blocks.
        for i in 0..3_000 {
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.doc_id, format!("3{:04}R{:04}", i % 97, i));
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let segment = searcher.segment_reader(0);
        let column = str_column(segment, "doc_id").unwrap();
        let terms = column.num_terms() as u64;
        let cache = ColumnCache::new(1);
        // Unsorted, repeated, and one ord beyond the column.
        let ords = (0..terms).rev().chain([terms / 2, terms + 5]);
        cache.fill(0, NameColumn::DocId, &column, ords);
        let slots = cache.segments[0].columns[NameColumn::DocId as usize]
            .get()
            .expect("slots made");
        assert_eq!(slots.len() as u64, terms);
        for (ord, slot) in (0..terms).zip(slots.iter()) {
            let filled = slot.get().expect("every ord filled");
            assert_eq!(filled.as_ref(), value_of(&column, Some(ord)));
        }
    }
}
