//! When an `index` run merges segments: not while it writes (both cores are busy
//! extracting and indexing, and a merge would only compete with them), then, once its last
//! commit is made, the segments it wrote into as few as [`RUN_SEGMENTS`], merged side by
//! side; older segments as tantivy's log policy would. No merge takes in more than
//! [`limits::MAX_MERGED_DOCS`] documents, so the files a merge reads (mapped into memory)
//! stay bounded whatever the corpus size.
//!
//! A search pays per segment (a term-dictionary lookup for every term of the query in
//! every segment, and a collector each), and a run over thousands of acts flushes a segment
//! per indexing thread at every commit and whenever the writer's memory budget fills: on
//! 7,000 acts, six segments, whose searches took 1.4x as long as on one.

use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

use crate::limits;

/// Fewest segments one run's are merged into: one merge per core of the 2-core machines
/// polidex is built for.
pub const RUN_SEGMENTS: usize = 2;

/// The merge policy of one run.
#[derive(Debug)]
pub struct RunMergePolicy {
    /// Segments that existed before the run.
    before: HashSet<SegmentId>,
    /// Set once the run has written everything: merging may start.
    settled: Arc<AtomicBool>,
    /// The policy for the segments of earlier runs.
    older: LogMergePolicy,
}

impl RunMergePolicy {
    /// A policy for a run that starts with `before` segments; merging waits for `settled`.
    pub fn new(before: HashSet<SegmentId>, settled: Arc<AtomicBool>) -> RunMergePolicy {
        let mut older = LogMergePolicy::default();
        older.set_max_docs_before_merge(limits::MAX_MERGED_DOCS);
        RunMergePolicy {
            before,
            settled,
            older,
        }
    }
}

impl MergePolicy for RunMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        if !self.settled.load(Ordering::Acquire) {
            return Vec::new();
        }
        let (older, new): (Vec<SegmentMeta>, Vec<SegmentMeta>) = segments
            .iter()
            .cloned()
            .partition(|s| self.before.contains(&s.id()));
        let mut candidates = self.older.compute_merge_candidates(&older);
        candidates.extend(run_merges(new));
        candidates
    }
}

/// The merges of a run's `segments`: into [`RUN_SEGMENTS`] groups of about as many
/// documents, or more when that would put over [`limits::MAX_MERGED_DOCS`] in one; none
/// when the segments are no more than the groups (they are merged enough).
fn run_merges(segments: Vec<SegmentMeta>) -> Vec<MergeCandidate> {
    let docs: usize = segments.iter().map(|s| s.num_docs() as usize).sum();
    let groups = RUN_SEGMENTS.max(docs.div_ceil(limits::MAX_MERGED_DOCS.max(1)));
    if segments.len() <= groups {
        return Vec::new();
    }
    balanced_groups(segments, groups)
        .into_iter()
        .filter(|ids| ids.len() > 1)
        .map(MergeCandidate)
        .collect()
}

/// `segments` dealt into `groups` groups of about as many documents: largest first, each
/// to the group holding the fewest so far.
fn balanced_groups(mut segments: Vec<SegmentMeta>, groups: usize) -> Vec<Vec<SegmentId>> {
    segments.sort_by_key(|s| std::cmp::Reverse(s.num_docs()));
    let mut sized: Vec<(u64, Vec<SegmentId>)> = vec![(0, Vec::new()); groups.max(1)];
    for segment in segments {
        if let Some(smallest) = sized.iter_mut().min_by_key(|(docs, _)| *docs) {
            smallest.0 += u64::from(segment.num_docs());
            smallest.1.push(segment.id());
        }
    }
    sized.into_iter().map(|(_, ids)| ids).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::Index;
    use tantivy::schema::Schema;

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = Index::create_in_ram(Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    fn group_sizes(candidates: &[MergeCandidate], segments: &[SegmentMeta]) -> Vec<u32> {
        let docs = |id: &SegmentId| {
            segments
                .iter()
                .find(|s| s.id() == *id)
                .map_or(0, SegmentMeta::num_docs)
        };
        let mut sizes: Vec<u32> = candidates
            .iter()
            .map(|c| c.0.iter().map(docs).sum())
            .collect();
        sizes.sort_unstable();
        sizes
    }

    #[test]
    fn a_run_is_merged_into_two_even_groups() {
        let segments = metas(&[70, 60, 50, 40, 30, 20]);
        let merges = run_merges(segments.clone());
        assert_eq!(group_sizes(&merges, &segments), [130, 140]);
        let merged: usize = merges.iter().map(|c| c.0.len()).sum();
        assert_eq!(merged, 6, "every segment merged once");
    }

    #[test]
    fn two_segments_are_merged_enough() {
        assert!(run_merges(metas(&[70, 60])).is_empty());
        assert!(run_merges(metas(&[70])).is_empty());
        assert!(run_merges(Vec::new()).is_empty());
    }

    #[test]
    fn no_merge_takes_in_more_than_the_cap() {
        let cap = limits::MAX_MERGED_DOCS as u32;
        let segments = metas(&[cap / 2, cap / 2, cap / 2, cap / 2, cap / 2, cap / 3]);
        let merges = run_merges(segments.clone());
        assert!(merges.len() > RUN_SEGMENTS);
        for size in group_sizes(&merges, &segments) {
            assert!(size <= cap, "{size} documents in one merge");
        }
    }

    #[test]
    fn nothing_merges_before_the_run_settles_nor_segments_of_earlier_runs() {
        let older = metas(&[10, 10, 10]);
        let new = metas(&[5, 5, 5, 5]);
        let settled = Arc::new(AtomicBool::new(false));
        let before = older.iter().map(SegmentMeta::id).collect();
        let policy = RunMergePolicy::new(before, Arc::clone(&settled));
        let all: Vec<SegmentMeta> = older.iter().chain(&new).cloned().collect();
        assert!(policy.compute_merge_candidates(&all).is_empty());
        settled.store(true, Ordering::Release);
        let candidates = policy.compute_merge_candidates(&all);
        assert_eq!(candidates.len(), 2);
        for candidate in &candidates {
            assert!(
                candidate
                    .0
                    .iter()
                    .all(|id| new.iter().any(|s| s.id() == *id))
            );
        }
    }
}
