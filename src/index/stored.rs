//! What a hit shows of its unit (id, text, heading, and its version's title and path), read
//! straight from the document store: the bytes of the unit's stored document are walked in
//! place and only those values are taken.
//!
//! `Searcher::doc` builds every stored value of a unit (its ids, kind, headings, file key,
//! defined terms…) through a generic reader that grows each string as it reads it; for the
//! ten hits of a page that was a fifth of a warm search, for the few values used. The layout
//! walked is tantivy's stored document: a count of values, then each value as its field
//! (`u32`), a type code and the value (a string is its length then its bytes; a number,
//! eight bytes). A document holding anything else is read through `Searcher::doc`.

use std::ops::Range;
use std::sync::OnceLock;

use tantivy::directory::OwnedBytes;
use tantivy::schema::Field;
use tantivy::store::StoreReader;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::schema::{Fields, stored_text};
use crate::limits;

/// tantivy's own number of cached blocks per segment, the least each store caches.
const MIN_CACHED_BLOCKS: usize = 100;

/// Type code of a string value.
const TEXT: u8 = 0;
/// Type codes of the eight-byte values: `u64`, `i64`, date, `f64`.
const EIGHT_BYTES: [u8; 4] = [1, 2, 5, 6];

/// One store reader per segment of a commit, opened on first use, each caching its share of
/// the process's budget of decompressed blocks ([`limits::DOC_CACHE_BYTES`]).
pub struct Stores {
    readers: Box<[OnceLock<Option<StoreReader>>]>,
    cache_blocks: usize,
}

/// A unit's stored unit id, text, heading, title and path, borrowed from its block of the
/// store.
pub struct UnitText {
    bytes: OwnedBytes,
    ranges: Walked,
}

/// Byte ranges of a stored document's values, each empty when it has none.
#[derive(Default)]
struct Walked {
    unit: Range<usize>,
    text: Range<usize>,
    heading: Range<usize>,
    title: Range<usize>,
    path: Range<usize>,
}

impl UnitText {
    /// The unit id (empty for a whole document).
    pub fn unit(&self) -> &str {
        self.str_at(&self.ranges.unit)
    }

    /// The unit's text.
    pub fn text(&self) -> &str {
        self.str_at(&self.ranges.text)
    }

    /// The headings above the unit (empty when it has none).
    pub fn heading(&self) -> &str {
        self.str_at(&self.ranges.heading)
    }

    /// The title of the unit's version.
    pub fn title(&self) -> &str {
        self.str_at(&self.ranges.title)
    }

    /// The path of the unit's file.
    pub fn path(&self) -> &str {
        self.str_at(&self.ranges.path)
    }

    /// The text at `range`, empty unless valid UTF-8 (checked 32 bytes at a time: a long
    /// unit's text is checked on every hit that shows it).
    fn str_at(&self, range: &Range<usize>) -> &str {
        self.bytes
            .as_slice()
            .get(range.clone())
            .and_then(|bytes| simdutf8::basic::from_utf8(bytes).ok())
            .unwrap_or("")
    }

    /// The values copied out of a document read the generic way.
    fn copied(doc: &TantivyDocument, fields: &Fields) -> UnitText {
        let mut bytes = Vec::new();
        let mut value = |field| {
            let start = bytes.len();
            bytes.extend_from_slice(stored_text(doc, field).unwrap_or("").as_bytes());
            start..bytes.len()
        };
        let ranges = Walked {
            unit: value(fields.unit),
            text: value(fields.text),
            heading: value(fields.heading),
            title: value(fields.title),
            path: value(fields.path),
        };
        UnitText {
            bytes: OwnedBytes::new(bytes),
            ranges,
        }
    }
}

impl Stores {
    /// Store readers for a searcher of `segments` segments whose stores are compressed in
    /// blocks of `block_bytes`.
    pub fn new(segments: usize, block_bytes: usize) -> Stores {
        let share = limits::DOC_CACHE_BYTES / block_bytes.max(1) / segments.max(1);
        Stores {
            readers: (0..segments).map(|_| OnceLock::new()).collect(),
            cache_blocks: share.max(MIN_CACHED_BLOCKS),
        }
    }

    /// The unit id, text, heading, title and path of the unit at `address`.
    pub fn unit_text(
        &self,
        searcher: &Searcher,
        fields: &Fields,
        address: DocAddress,
    ) -> tantivy::Result<UnitText> {
        let walked = self.reader(searcher, address).and_then(|reader| {
            let bytes = reader.get_document_bytes(address.doc_id).ok()?;
            let ranges = walk(bytes.as_slice(), fields)?;
            Some(UnitText { bytes, ranges })
        });
        match walked {
            Some(found) => Ok(found),
            None => {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(UnitText::copied(&doc, fields))
            }
        }
    }

    fn reader(&self, searcher: &Searcher, address: DocAddress) -> Option<&StoreReader> {
        let slot = self.readers.get(address.segment_ord as usize)?;
        slot.get_or_init(|| {
            let segment = searcher
                .segment_readers()
                .get(address.segment_ord as usize)?;
            segment.get_store_reader(self.cache_blocks).ok()
        })
        .as_ref()
    }
}

/// The byte ranges of the values a hit shows in a stored document, if it holds only strings
/// and eight-byte values, and a unit id and a text among them.
fn walk(bytes: &[u8], fields: &Fields) -> Option<Walked> {
    let mut reader = Bytes { bytes, at: 0 };
    let count = reader.vint()?;
    let mut walked = Walked::default();
    let (mut has_unit, mut has_text) = (false, false);
    for _ in 0..count {
        let field = Field::from_field_id(u32::from_le_bytes(reader.array()?));
        let [code] = reader.array()?;
        if code == TEXT {
            let len = usize::try_from(reader.vint()?).ok()?;
            let range = reader.skip(len)?;
            if field == fields.unit {
                walked.unit = range;
                has_unit = true;
            } else if field == fields.text {
                walked.text = range;
                has_text = true;
            } else if field == fields.heading {
                walked.heading = range;
            } else if field == fields.title {
                walked.title = range;
            } else if field == fields.path {
                walked.path = range;
            }
        } else if EIGHT_BYTES.contains(&code) {
            reader.skip(8)?;
        } else {
            return None;
        }
    }
    (has_unit && has_text).then_some(walked)
}

/// A cursor over a stored document.
struct Bytes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    /// A variable-length integer: seven bits a byte, lowest first, the last byte marked by
    /// its high bit.
    fn vint(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let [byte] = self.array()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 != 0 {
                return Some(value);
            }
        }
        None
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let range = self.skip(N)?;
        self.bytes.get(range)?.try_into().ok()
    }

    /// Steps over `len` bytes and returns their range.
    fn skip(&mut self, len: usize) -> Option<Range<usize>> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())?;
        let range = self.at..end;
        self.at = end;
        Some(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::schema;
    use crate::lang::analyzers;
    use proptest::prelude::*;
    use tantivy::{Index, IndexWriter};

    /// A one-segment index in memory holding `docs`.
    fn index_of(docs: Vec<TantivyDocument>) -> (Index, Fields) {
        let index = Index::create_in_ram(schema::build());
        analyzers::register(index.tokenizers());
        let fields = Fields::new(&index.schema()).expect("our schema");
        let mut writer: IndexWriter = index
            .writer_with_num_threads(1, 15_000_000)
            .expect("writer");
        for doc in docs {
            writer.add_document(doc).expect("added");
        }
        writer.commit().expect("committed");
        (index, fields)
    }

    fn unit_doc(fields: &Fields, unit: &str, text: &str) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(fields.doc_id, "32016R0679");
        doc.add_i64(fields.date, 20160427);
        doc.add_text(fields.id, format!("32016R0679#{unit}"));
        doc.add_text(fields.unit, unit);
        doc.add_u64(fields.seq, 7);
        doc.add_text(fields.text, text);
        doc.add_text(
            fields.heading,
            "Article 8 — Conditions applicable to child’s consent",
        );
        doc.add_text(fields.title, "Regulation (EU) 2016/679");
        doc.add_text(fields.path, "legislation/32016R0679/en.oj.xhtml");
        doc.add_text(fields.defines, "child");
        doc.add_text(fields.defines, "consent");
        doc
    }

    #[test]
    fn the_walked_values_are_the_stored_ones() {
        let fields = Fields::new(&schema::build()).expect("our schema");
        let long = "Données à caractère personnel d’un enfant. ".repeat(400);
        let texts = ["", "the consent of a child", long.as_str()];
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, text)| unit_doc(&fields, &format!("art_{i}"), text))
            .collect();
        let (index, fields) = index_of(docs);
        let searcher = index.reader().expect("reader").searcher();
        let stores = Stores::new(1, 16 * 1024);
        for (i, text) in texts.iter().enumerate() {
            let address = DocAddress::new(0, i as u32);
            let found = stores.unit_text(&searcher, &fields, address).expect("read");
            assert_eq!(
                (found.unit(), found.text(), found.heading()),
                (
                    format!("art_{i}").as_str(),
                    *text,
                    "Article 8 — Conditions applicable to child’s consent"
                )
            );
            assert_eq!(
                (found.title(), found.path()),
                (
                    "Regulation (EU) 2016/679",
                    "legislation/32016R0679/en.oj.xhtml"
                )
            );
            // Read by walking the bytes, not through the generic fallback.
            let reader = stores.reader(&searcher, address).expect("a store");
            let bytes = reader.get_document_bytes(address.doc_id).expect("bytes");
            assert!(walk(bytes.as_slice(), &fields).is_some());
        }
    }

    proptest! {
        /// Whatever the bytes, the walk ends, without a panic, on ranges inside them.
        #[test]
        fn any_bytes_are_walked_safely(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let fields = Fields::new(&schema::build()).expect("our schema");
            if let Some(w) = walk(&bytes, &fields) {
                let ends = [w.unit.end, w.text.end, w.heading.end, w.title.end, w.path.end];
                prop_assert!(ends.iter().all(|&end| end <= bytes.len()));
            }
        }
    }
}
