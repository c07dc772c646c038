//! The strings of the `doc_id` and `publisher` columns by ord, read at most once per commit
//! and shared by every search on it.
//!
//! A string column keeps its values in a compressed dictionary; looking a value up costs a
//! block decompression, which, done for every document a query matches, was a seventh of a
//! search. Each slot is filled on first use, so opening an index reads nothing.

use std::sync::{Arc, OnceLock};

use tantivy::columnar::StrColumn;

/// A string column whose values are cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameColumn {
    /// The document id of a unit.
    DocId = 0,
    /// The publisher of a unit's document.
    Publisher = 1,
}

/// Cached column values of one commit, per segment.
#[derive(Debug, Default)]
pub struct Names {
    segments: Box<[SegmentNames]>,
}

/// One slot per ord of a column, filled on first use.
type Slots = Box<[OnceLock<Arc<str>>]>;

#[derive(Debug, Default)]
struct SegmentNames {
    columns: [OnceLock<Slots>; 2],
}

impl Names {
    /// An empty cache for a searcher of `segments` segments.
    pub fn new(segments: usize) -> Names {
        Names {
            segments: (0..segments).map(|_| SegmentNames::default()).collect(),
        }
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
