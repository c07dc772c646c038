//! When an `index` run merges segments: not while it writes (both cores are busy
//! extracting and indexing, and a merge would only compete with them; the writer runs with
//! no merge policy until then), then, once its last commit is made, the segments it wrote
//! into as few as [`RUN_SEGMENTS`], merged side by side; older segments as tantivy's log
//! policy would, and each older segment holding deleted documents on its own, to drop
//! them. No merge takes in more than [`limits::MAX_MERGED_DOCS`] documents, so the files a
//! merge reads (mapped into memory) stay bounded whatever the corpus size.
//!
//! A search pays per segment (a term-dictionary lookup for every term of the query in
//! every segment, and a collector each), and a run over thousands of acts flushes a segment
//! per indexing thread at every commit and whenever the writer's memory budget fills: on
//! 7,000 acts, six segments, whose searches took 1.4x as long as on one.

use std::collections::HashSet;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::merge_policy::{LogMergePolicy, MergeCandidate, MergePolicy};

use crate::limits;

/// Fewest segments one run's are merged into: one merge per core of the 2-core machines
/// polidex is built for.
pub const RUN_SEGMENTS: usize = 2;

/// The merge policy of a run once it has written everything.
#[derive(Debug)]
pub struct RunMergePolicy {
    /// Segments that existed before the run.
    before: HashSet<SegmentId>,
    /// The policy for the segments of earlier runs.
    older: LogMergePolicy,
}

impl RunMergePolicy {
    /// The policy of a run that started with `before` segments.
    pub fn new(before: HashSet<SegmentId>) -> RunMergePolicy {
        let mut older = LogMergePolicy::default();
        older.set_max_docs_before_merge(limits::MAX_MERGED_DOCS);
        RunMergePolicy { before, older }
    }
}

impl MergePolicy for RunMergePolicy {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let (older, new): (Vec<SegmentMeta>, Vec<SegmentMeta>) = segments
            .iter()
            .cloned()
            .partition(|s| self.before.contains(&s.id()));
        let mut candidates: Vec<MergeCandidate> = self
            .older
            .compute_merge_candidates(&older)
            .into_iter()
            .flat_map(|candidate| {
                let members = older
                    .iter()
                    .filter(|s| candidate.0.contains(&s.id()))
                    .cloned()
                    .collect();
                merges(capped_groups(members, 1))
            })
            .collect();
        candidates.extend(run_merges(new));
        candidates.extend(purges(&older, &candidates));
        candidates
    }
}

/// A merge of its own for each older segment that holds deleted documents (files changed
/// or removed since) and no other merge takes in: merging drops them, so they no longer
/// count in the statistics scores are computed from, and the same documents score the
/// same however the index was built. Segments over the cap keep them, as they are never
/// merged.
fn purges(older: &[SegmentMeta], merging: &[MergeCandidate]) -> Vec<MergeCandidate> {
    let merged: HashSet<SegmentId> = merging.iter().flat_map(|c| c.0.iter().copied()).collect();
    older
        .iter()
        .filter(|s| s.has_deletes() && !merged.contains(&s.id()))
        .filter(|s| s.max_doc() as usize <= limits::MAX_MERGED_DOCS)
        .map(|s| MergeCandidate(vec![s.id()]))
        .collect()
}

/// The merges of a run's `segments`: into [`RUN_SEGMENTS`] groups of about as many
/// documents, or more where the cap requires; none when the segments are no more than the
/// groups (they are merged enough).
fn run_merges(segments: Vec<SegmentMeta>) -> Vec<MergeCandidate> {
    if segments.len() <= RUN_SEGMENTS {
        return Vec::new();
    }
    merges(capped_groups(segments, RUN_SEGMENTS))
}

/// The groups of more than one segment, as merges.
fn merges(groups: Vec<Vec<SegmentId>>) -> Vec<MergeCandidate> {
    groups
        .into_iter()
        .filter(|ids| ids.len() > 1)
        .map(MergeCandidate)
        .collect()
}

/// `segments` dealt into at least `groups` groups of about as many documents, none over
/// [`limits::MAX_MERGED_DOCS`] unless a segment is alone in it: largest first, each to the
/// group with the fewest documents that still has room, or to a new group.
fn capped_groups(mut segments: Vec<SegmentMeta>, groups: usize) -> Vec<Vec<SegmentId>> {
    let cap = limits::MAX_MERGED_DOCS as u64;
    segments.sort_by_key(|s| std::cmp::Reverse(s.num_docs()));
    let mut sized: Vec<(u64, Vec<SegmentId>)> = vec![(0, Vec::new()); groups.max(1)];
    for segment in segments {
        let docs = u64::from(segment.num_docs());
        let roomy = sized
            .iter_mut()
            .filter(|(held, ids)| ids.is_empty() || held + docs <= cap)
            .min_by_key(|(held, _)| *held);
        match roomy {
            Some(group) => {
                group.0 += docs;
                group.1.push(segment.id());
            }
            None => sized.push((docs, vec![segment.id()])),
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
    fn older_segments_with_deletes_are_merged_alone_to_drop_them() {
        let segments = metas(&[100, 100, 300_000]);
        let with_deletes: Vec<SegmentMeta> = segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i == 1 {
                    s.clone()
                } else {
                    s.clone().with_delete_meta(5, 1)
                }
            })
            .collect();
        let purged = purges(&with_deletes, &[]);
        assert_eq!(purged.len(), 1, "the one under the cap");
        assert_eq!(purged[0].0, [with_deletes[0].id()]);
        assert!(purges(&with_deletes, &purged).is_empty(), "already merging");
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
        let fifth = cap / 5 * 2;
        for sizes in [
            vec![cap / 2, cap / 2, cap / 2, cap / 2, cap / 2, cap / 3],
            vec![fifth; 5],
            vec![cap / 5 * 4, fifth, fifth, fifth],
        ] {
            let segments = metas(&sizes);
            let merges = run_merges(segments.clone());
            for size in group_sizes(&merges, &segments) {
                assert!(size <= cap, "{size} documents in one merge of {sizes:?}");
            }
        }
    }

    #[test]
    fn older_segments_merge_as_the_log_policy_says_within_the_cap() {
        let cap = limits::MAX_MERGED_DOCS as u32;
        let older = metas(&[cap / 4; 12]);
        let before = older.iter().map(SegmentMeta::id).collect();
        let candidates = RunMergePolicy::new(before).compute_merge_candidates(&older);
        assert!(!candidates.is_empty(), "twelve alike segments merge");
        for size in group_sizes(&candidates, &older) {
            assert!(size <= cap, "{size} documents in one merge");
        }
    }

    #[test]
    fn only_the_segments_of_the_run_are_merged_into_two() {
        let older = metas(&[10, 10, 10]);
        let new = metas(&[5, 5, 5, 5]);
        let before = older.iter().map(SegmentMeta::id).collect();
        let policy = RunMergePolicy::new(before);
        let all: Vec<SegmentMeta> = older.iter().chain(&new).cloned().collect();
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
