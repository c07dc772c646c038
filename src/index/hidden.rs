//! The units of hidden versions (duplicates of another file of the same document and
//! language), found once per commit and matched by a query that looks nothing up.
//!
//! Every search excludes them. As a query of their version terms, that exclusion cost a
//! term-dictionary lookup per hidden version and segment on every search: on a corpus of
//! thousands of acts with a hundred hidden versions, more than the rest of the search.
//! Here each segment's hidden documents are listed once, on first use, and the query
//! walks that list.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use tantivy::index::SegmentId;
use tantivy::query::{ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

/// The hidden documents of each segment of one commit, listed on first use.
#[derive(Default)]
pub struct HiddenDocs {
    listed: OnceLock<Arc<SegmentDocs>>,
}

/// Sorted document ids per segment.
type SegmentDocs = HashMap<SegmentId, Arc<[DocId]>>;

impl HiddenDocs {
    /// The query matching the documents `versions` matches in `searcher` (the query of the
    /// hidden versions' terms, made and run once per commit); that query itself if the
    /// listing fails.
    pub fn query(
        &self,
        searcher: &Searcher,
        versions: impl FnOnce() -> Box<dyn Query>,
    ) -> Box<dyn Query> {
        if let Some(listed) = self.listed.get() {
            return Box::new(DocList(Arc::clone(listed)));
        }
        let versions = versions();
        match list_docs(searcher, versions.as_ref()) {
            Ok(listed) => {
                let listed = self.listed.get_or_init(|| Arc::new(listed));
                Box::new(DocList(Arc::clone(listed)))
            }
            Err(_) => versions,
        }
    }
}

/// Every document `query` matches, per segment.
fn list_docs(searcher: &Searcher, query: &dyn Query) -> tantivy::Result<SegmentDocs> {
    let weight = query.weight(EnableScoring::disabled_from_searcher(searcher))?;
    let mut listed = SegmentDocs::new();
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut docs = Vec::new();
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if !reader.is_deleted(doc) {
                docs.push(doc);
            }
            doc = scorer.advance();
        }
        listed.insert(reader.segment_id(), docs.into());
    }
    Ok(listed)
}

/// Matches the listed documents of each segment, with a constant score.
#[derive(Clone)]
struct DocList(Arc<SegmentDocs>);

impl fmt::Debug for DocList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DocList({} segments)", self.0.len())
    }
}

impl Query for DocList {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl DocList {
    fn docs(&self, reader: &SegmentReader) -> Arc<[DocId]> {
        self.0
            .get(&reader.segment_id())
            .cloned()
            .unwrap_or_else(|| Arc::from([]))
    }
}

impl Weight for DocList {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let docs = SortedDocs::new(self.docs(reader));
        Ok(Box::new(ConstScorer::new(docs, boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.docs(reader).binary_search(&doc).is_ok() {
            Ok(Explanation::new("hidden version", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not hidden"
            )))
        }
    }
}

/// A doc set over a sorted list of document ids.
struct SortedDocs {
    docs: Arc<[DocId]>,
    cursor: usize,
}

impl SortedDocs {
    fn new(docs: Arc<[DocId]>) -> SortedDocs {
        SortedDocs { docs, cursor: 0 }
    }
}

impl DocSet for SortedDocs {
    fn advance(&mut self) -> DocId {
        self.cursor = (self.cursor + 1).min(self.docs.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let rest = &self.docs[self.cursor..];
        self.cursor += rest.partition_point(|&d| d < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.docs.get(self.cursor).copied().unwrap_or(TERMINATED)
    }

    fn size_hint(&self) -> u32 {
        (self.docs.len() - self.cursor) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Seeking and advancing meet the listed documents at or after each target, in order.
        #[test]
        fn sorted_docs_seek_like_a_scan(
            docs in prop::collection::btree_set(0u32..500, 0..60),
            mut targets in prop::collection::vec(0u32..520, 0..20),
        ) {
            let docs: Vec<DocId> = docs.into_iter().collect();
            let first_from = |t: DocId| docs.iter().copied().find(|&d| d >= t).unwrap_or(TERMINATED);
            let mut set = SortedDocs::new(docs.clone().into());
            prop_assert_eq!(set.doc(), first_from(0));
            targets.sort_unstable();
            for target in targets {
                if set.doc() == TERMINATED {
                    break;
                }
                let target = target.max(set.doc());
                prop_assert_eq!(set.seek(target), first_from(target));
                if set.doc() != TERMINATED {
                    let after = set.doc() + 1;
                    prop_assert_eq!(set.advance(), first_from(after));
                }
            }
        }
    }
}
