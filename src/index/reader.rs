//! Opening the index for search: once per process, cheap (no scan at startup), and
//! following new commits when asked to (the server does, one-shot commands do not).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use super::IndexError;
use super::columns::ColumnCache;
use super::hidden::HiddenDocs;
use super::schema::Fields;
use super::state::Payload;
use super::stored::Stores;
use super::terms::TextTerms;
use super::writer::open_existing;

/// An open index.
pub struct IndexHandle {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// What was read of the last commit seen, with the searcher generation it was read for.
    commit: Mutex<(u64, CommitInfo)>,
}

/// What a snapshot needs of its commit beyond the searcher, read once per commit.
#[derive(Clone)]
struct CommitInfo {
    payload: Arc<Payload>,
    terms: Arc<TextTerms>,
    cache: Arc<ColumnCache>,
    stores: Arc<Stores>,
    hidden: Arc<HiddenDocs>,
}

impl CommitInfo {
    fn read(
        index: &Index,
        dir: &Path,
        searcher: &Searcher,
        fields: &Fields,
    ) -> Result<CommitInfo, IndexError> {
        let segments = searcher.segment_readers().len();
        Ok(CommitInfo {
            payload: Arc::new(read_payload(index, dir)?),
            terms: Arc::new(TextTerms::read(searcher, fields)),
            cache: Arc::new(ColumnCache::new(segments)),
            stores: Arc::new(Stores::new(segments, index.settings().docstore_blocksize)),
            hidden: Arc::default(),
        })
    }
}

/// A consistent view for one request: a searcher and the payload of its commit.
#[derive(Clone)]
pub struct Snapshot {
    /// The tantivy searcher.
    pub searcher: Searcher,
    /// The commit payload (primaries, fingerprint, counts).
    pub payload: Arc<Payload>,
    /// The languages the text fields hold, and the stemmed terms they hold of each query
    /// word, found once per commit and word.
    pub terms: Arc<TextTerms>,
    /// Field handles.
    pub fields: Fields,
    /// Fast-field columns and document ids and publishers by ord, cached for this commit.
    pub cache: Arc<ColumnCache>,
    /// The document store of each segment, for the texts of hits.
    pub stores: Arc<Stores>,
    /// The units of hidden versions, listed once for this commit.
    hidden: Arc<HiddenDocs>,
}

impl Snapshot {
    /// Matches the versions that are not their language's primary (to exclude them).
    pub fn hidden_filter(&self) -> Box<dyn tantivy::query::Query> {
        self.hidden.query(&self.searcher, || {
            let terms = self
                .payload
                .hidden
                .iter()
                .map(|v| tantivy::Term::from_field_text(self.fields.version, v))
                .collect();
            crate::search::query::any_of(terms)
        })
    }
}

impl IndexHandle {
    /// Opens the index in `dir`; with `follow`, new commits become visible without reopening.
    pub fn open(dir: &Path, follow: bool) -> Result<IndexHandle, IndexError> {
        let index = open_existing(dir)?;
        let fields = Fields::new(&index.schema()).map_err(|e| IndexError::unreadable(dir, e))?;
        let policy = if follow {
            ReloadPolicy::OnCommitWithDelay
        } else {
            ReloadPolicy::Manual
        };
        let reader = index
            .reader_builder()
            .reload_policy(policy)
            .try_into()
            .map_err(|e| IndexError::unreadable(dir, e))?;
        let searcher = reader.searcher();
        let commit = CommitInfo::read(&index, dir, &searcher, &fields)?;
        let generation = searcher.generation().generation_id();
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            commit: Mutex::new((generation, commit)),
        })
    }

    /// The directory of the index.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A searcher on the latest visible commit, with that commit's payload.
    pub fn snapshot(&self) -> Result<Snapshot, IndexError> {
        let searcher = self.reader.searcher();
        let generation = searcher.generation().generation_id();
        let mut cached = self
            .commit
            .lock()
            .map_err(|_| IndexError::unreadable(&self.dir, "payload lock poisoned"))?;
        if cached.0 != generation {
            let fresh = CommitInfo::read(&self.index, &self.dir, &searcher, &self.fields)?;
            *cached = (generation, fresh);
        }
        Ok(Snapshot {
            searcher,
            payload: Arc::clone(&cached.1.payload),
            terms: Arc::clone(&cached.1.terms),
            fields: self.fields.clone(),
            cache: Arc::clone(&cached.1.cache),
            stores: Arc::clone(&cached.1.stores),
            hidden: Arc::clone(&cached.1.hidden),
        })
    }
}

fn read_payload(index: &Index, dir: &Path) -> Result<Payload, IndexError> {
    let metas = index
        .load_metas()
        .map_err(|e| IndexError::unreadable(dir, e))?;
    match metas.payload.as_deref() {
        Some(json) => serde_json::from_str(json).map_err(|e| IndexError::unreadable(dir, e)),
        None => Ok(Payload::default()),
    }
}
