//! Opening the index for search: once per process, cheap (no scan at startup), and
//! following new commits when asked to (the server does, one-shot commands do not).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use super::IndexError;
use super::schema::Fields;
use super::state::Payload;
use super::writer::open_existing;

/// An open index.
pub struct IndexHandle {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// The payload of the last commit seen, with the searcher generation it was read for.
    payload: Mutex<(u64, Arc<Payload>)>,
}

/// A consistent view for one request: a searcher and the payload of its commit.
#[derive(Clone)]
pub struct Snapshot {
    /// The tantivy searcher.
    pub searcher: Searcher,
    /// The commit payload (primaries, fingerprint, counts).
    pub payload: Arc<Payload>,
    /// Field handles.
    pub fields: Fields,
}

impl Snapshot {
    /// Matches the versions that are not their language's primary (to exclude them).
    pub fn hidden_filter(&self) -> Box<dyn tantivy::query::Query> {
        let terms = self
            .payload
            .hidden
            .iter()
            .map(|v| tantivy::Term::from_field_text(self.fields.version, v))
            .collect();
        crate::search::query::any_of(terms)
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
        let payload = read_payload(&index, dir)?;
        Ok(IndexHandle {
            dir: dir.to_path_buf(),
            index,
            reader,
            fields,
            payload: Mutex::new((u64::MAX, Arc::new(payload))),
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
            .payload
            .lock()
            .map_err(|_| IndexError::unreadable(&self.dir, "payload lock poisoned"))?;
        if cached.0 != generation {
            let fresh = if cached.0 == u64::MAX {
                Arc::clone(&cached.1)
            } else {
                Arc::new(read_payload(&self.index, &self.dir)?)
            };
            *cached = (generation, fresh);
        }
        Ok(Snapshot {
            searcher,
            payload: Arc::clone(&cached.1),
            fields: self.fields.clone(),
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
