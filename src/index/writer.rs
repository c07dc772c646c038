//! Writing the index: adding versions, deleting files, committing atomically.
//!
//! One writer per index at a time: a run takes polidex's lock file before it opens or creates
//! the index, then tantivy's (both OS file locks, released when the process dies, so a killed
//! run never leaves a stale lock); a second `index` run is refused as locked.
//! Nothing is visible to searches before [`Writer::commit`]; a run killed before it leaves
//! the previous commit intact.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::directory::error::LockError;
use tantivy::index::SegmentId;
use tantivy::indexer::{IndexWriterOptions, NoMergePolicy};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::merge::RunMergePolicy;
use super::schema::{self, Fields, REC_UNIT, REC_VERSION, stored_date, stored_text};
use super::state::{self, Payload, VersionRecord};
use super::{IndexError, IndexedUnit, VersionDoc};
use crate::lang::{Lang, analyzers};
use crate::limits;
use crate::model::{Date, Kind, unit_id};

/// Files tantivy writes into an index directory; `--rebuild` removes only these.
const INDEX_FILE_SUFFIXES: &[&str] = &[
    ".idx",
    ".pos",
    ".term",
    ".store",
    ".fast",
    ".fieldnorm",
    ".del",
];

/// The lock file a run holds from before the index is opened or created until it ends, so
/// two runs on a fresh directory never race to create it.
const RUN_LOCK: &str = ".polidex-index.lock";

/// The open index writer of one `index` run.
pub struct Writer {
    /// Held (locked) for the writer's lifetime.
    _run_lock: File,
    dir: PathBuf,
    writer: IndexWriter,
    fields: Fields,
    records: BTreeMap<String, VersionRecord>,
    /// Segments the index had when the run began.
    before: HashSet<SegmentId>,
}

impl Writer {
    /// Opens (or creates) the index in `dir` for writing, taking its lock. With `rebuild`,
    /// everything already indexed is dropped at the next commit.
    pub fn open(dir: &Path, rebuild: bool, threads: usize) -> Result<Writer, IndexError> {
        let run_lock = lock_run(dir)?;
        let index = open_or_create(dir, rebuild).inspect_err(|_| {
            if !dir.join("meta.json").exists() {
                // Refused (a directory of other files): leave nothing of ours in it.
                let _ = std::fs::remove_file(dir.join(RUN_LOCK));
            }
        })?;
        let fields = Fields::new(&index.schema()).map_err(|e| IndexError::unreadable(dir, e))?;
        let threads = threads.clamp(1, 4);
        let budget = limits::WRITER_MEMORY_BYTES.max(threads * 20_000_000);
        let options = IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(budget / threads)
            .num_merge_threads(limits::MERGE_THREADS)
            .build();
        let writer = index
            .writer_with_options(options)
            .map_err(|e| lock_error(dir, e))?;
        let before = index
            .searchable_segment_ids()
            .map_err(|e| IndexError::unreadable(dir, e))?
            .into_iter()
            .collect();
        // No merge while the run writes (see `super::merge`).
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let records = if rebuild {
            writer
                .delete_all_documents()
                .map_err(|e| IndexError::write(dir, e))?;
            BTreeMap::new()
        } else {
            load_records(&index, &fields).map_err(|e| IndexError::unreadable(dir, e))?
        };
        Ok(Writer {
            _run_lock: run_lock,
            dir: dir.to_path_buf(),
            writer,
            fields,
            records,
            before,
        })
    }

    /// Content hash and identity of every indexed file, by file key.
    pub fn file_state(&self) -> HashMap<String, (String, String)> {
        self.records
            .values()
            .map(|r| (r.file_key.clone(), (r.hash.clone(), r.identity.clone())))
            .collect()
    }

    /// Deletes every document of a file.
    pub fn remove_file(&mut self, file_key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.file_key, file_key));
        self.records.retain(|_, r| r.file_key != file_key);
    }

    /// Adds one version: its units and its version record.
    pub fn add(&mut self, doc: &VersionDoc) -> Result<(), IndexError> {
        for (seq, unit) in doc.units.iter().enumerate() {
            let document = self.unit_document(doc, unit, seq as u64);
            self.writer
                .add_document(document)
                .map_err(|e| IndexError::write(&self.dir, e))?;
        }
        let record = self.version_document(doc);
        self.writer
            .add_document(record)
            .map_err(|e| IndexError::write(&self.dir, e))?;
        self.records.insert(doc.version.clone(), record_of(doc));
        Ok(())
    }

    /// Commits everything added and deleted so far, with a fresh payload.
    pub fn commit(&mut self) -> Result<Payload, IndexError> {
        let records: Vec<VersionRecord> = self.records.values().cloned().collect();
        let payload = state::compute(&records);
        let json = serde_json::to_string(&payload).map_err(|e| IndexError::write(&self.dir, e))?;
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(|e| IndexError::write(&self.dir, e))?;
        prepared.set_payload(&json);
        prepared
            .commit()
            .map_err(|e| IndexError::write(&self.dir, e))?;
        Ok(payload)
    }

    /// Makes the last commit of the run, merges the run's segments (see [`super::merge`])
    /// and releases the lock.
    pub fn finish(mut self) -> Result<Payload, IndexError> {
        let policy = RunMergePolicy::new(std::mem::take(&mut self.before));
        self.writer.set_merge_policy(Box::new(policy));
        let payload = self.commit()?;
        self.writer
            .wait_merging_threads()
            .map_err(|e| IndexError::write(&self.dir, e))?;
        Ok(payload)
    }

    fn unit_document(&self, doc: &VersionDoc, unit: &IndexedUnit, seq: u64) -> TantivyDocument {
        let f = &self.fields;
        let mut d = self.common_fields(doc);
        let id = unit_id(&doc.doc_id, unit.unit.as_deref());
        d.add_text(f.rec, REC_UNIT);
        d.add_text(f.id, &id);
        d.add_text(f.unit, unit.unit.as_deref().unwrap_or(""));
        d.add_text(f.lang, unit.lang.code());
        d.add_u64(f.lang_ix, unit.lang.index() as u64);
        d.add_u64(f.seq, seq);
        d.add_text(f.text, &unit.text);
        if let Some(heading) = &unit.heading {
            d.add_text(f.heading, heading);
        }
        let searchable = match (&unit.heading, unit.heading_indexed) {
            (Some(heading), true) => format!("{heading}\n{}", unit.text),
            _ => unit.text.clone(),
        };
        d.add_text(f.text_exact, &searchable);
        d.add_text(f.text_of(unit.text_lang), &searchable);
        d.add_text(f.words_lang, unit.text_lang.code());
        for cited in &unit.cites {
            d.add_text(f.cites, cited);
        }
        for term in &unit.defines {
            d.add_text(f.defines, term);
        }
        d
    }

    fn version_document(&self, doc: &VersionDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = self.common_fields(doc);
        d.add_text(f.rec, REC_VERSION);
        d.add_text(f.id, &doc.doc_id);
        d.add_text(f.title_words, &doc.title);
        d.add_text(f.lang, doc.lang.code());
        d.add_u64(f.lang_ix, doc.lang.index() as u64);
        d.add_text(f.hash, &doc.hash);
        d.add_text(f.identity, &doc.identity);
        d.add_u64(f.units, doc.units.len() as u64);
        if let Some(base) = &doc.base {
            d.add_text(f.base, base);
        }
        d
    }

    /// Fields shared by a version's units and its record.
    fn common_fields(&self, doc: &VersionDoc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.doc_id, &doc.doc_id);
        d.add_text(f.kind, doc.kind.name());
        d.add_u64(f.kind_ix, doc.kind.index());
        d.add_text(f.title, &doc.title);
        d.add_i64(f.date, doc.date.map(Date::as_number).unwrap_or(0));
        d.add_text(f.path, &doc.path);
        d.add_text(f.publisher, doc.publisher.as_deref().unwrap_or(""));
        d.add_text(f.file_key, &doc.file_key);
        d.add_text(f.version, &doc.version);
        d
    }
}

fn record_of(doc: &VersionDoc) -> VersionRecord {
    VersionRecord {
        version: doc.version.clone(),
        file_key: doc.file_key.clone(),
        path: doc.path.clone(),
        hash: doc.hash.clone(),
        identity: doc.identity.clone(),
        doc_id: doc.doc_id.clone(),
        lang: doc.lang,
        kind: doc.kind,
        date: doc.date,
        units: doc.units.len() as u64,
    }
}

fn lock_error(dir: &Path, error: TantivyError) -> IndexError {
    match error {
        TantivyError::LockFailure(LockError::LockBusy, _) => IndexError::Locked(dir.to_path_buf()),
        other => IndexError::write(dir, other),
    }
}

/// Creates `dir` if needed and takes its run lock; busy, the index is locked by another run.
fn lock_run(dir: &Path) -> Result<File, IndexError> {
    std::fs::create_dir_all(dir).map_err(|e| IndexError::write(dir, e))?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(RUN_LOCK))
        .map_err(|e| IndexError::write(dir, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(IndexError::Locked(dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(IndexError::write(dir, e)),
    }
}

/// Opens the index in `dir`, or creates it. A directory that holds something other than an
/// index is refused rather than written into.
fn open_or_create(dir: &Path, rebuild: bool) -> Result<Index, IndexError> {
    std::fs::create_dir_all(dir).map_err(|e| IndexError::write(dir, e))?;
    let has_index = dir.join("meta.json").exists();
    if has_index {
        match open_existing(dir) {
            Ok(index) => return Ok(index),
            Err(_) if rebuild => remove_index_files(dir)?,
            Err(error) => return Err(error),
        }
    } else if !is_empty_or_index_leftovers(dir)? {
        return Err(IndexError::write(
            dir,
            "directory is not empty and holds no polidex index; choose another --index",
        ));
    }
    let index =
        Index::create_in_dir(dir, schema::build()).map_err(|e| IndexError::write(dir, e))?;
    analyzers::register(index.tokenizers());
    Ok(index)
}

/// Opens an existing index and checks it was built with this schema.
pub fn open_existing(dir: &Path) -> Result<Index, IndexError> {
    if !dir.join("meta.json").exists() {
        return Err(IndexError::Missing(dir.to_path_buf()));
    }
    let index = Index::open_in_dir(dir).map_err(|e| IndexError::unreadable(dir, e))?;
    Fields::new(&index.schema()).map_err(|e| IndexError::unreadable(dir, e))?;
    let metas = index
        .load_metas()
        .map_err(|e| IndexError::unreadable(dir, e))?;
    if let Some(payload) = metas.payload.as_deref() {
        let payload: Payload =
            serde_json::from_str(payload).map_err(|e| IndexError::unreadable(dir, e))?;
        if payload.format != state::FORMAT {
            return Err(IndexError::unreadable(
                dir,
                "built by another polidex version; run `polidex index --rebuild`",
            ));
        }
    }
    analyzers::register(index.tokenizers());
    Ok(index)
}

fn is_empty_or_index_leftovers(dir: &Path) -> Result<bool, IndexError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IndexError::write(dir, e))?;
    for entry in entries {
        let name = entry.map_err(|e| IndexError::write(dir, e))?.file_name();
        let name = name.to_string_lossy();
        // Lock files, tantivy's bookkeeping and the temporary file of an atomic write that
        // a killed run left behind.
        let ours = name.starts_with(".tantivy")
            || name.starts_with(".tmp")
            || name == RUN_LOCK
            || name == ".managed.json"
            || name == ".gitkeep"
            || name == ".gitignore";
        if !ours && !INDEX_FILE_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Removes the files of an index that cannot be opened (another layout), for `--rebuild`.
fn remove_index_files(dir: &Path) -> Result<(), IndexError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IndexError::write(dir, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || INDEX_FILE_SUFFIXES.iter().any(|s| name.ends_with(s));
        if ours {
            std::fs::remove_file(entry.path()).map_err(|e| IndexError::write(dir, e))?;
        }
    }
    Ok(())
}

/// Reads every version record of the last commit.
fn load_records(
    index: &Index,
    fields: &Fields,
) -> tantivy::Result<BTreeMap<String, VersionRecord>> {
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let query = TermQuery::new(
        Term::from_field_text(fields.rec, REC_VERSION),
        IndexRecordOption::Basic,
    );
    let addresses = searcher.search(&query, &DocSetCollector)?;
    let mut records = BTreeMap::new();
    for address in addresses {
        let doc: TantivyDocument = searcher.doc(address)?;
        if let Some(record) = read_record(&doc, fields) {
            records.insert(record.version.clone(), record);
        }
    }
    Ok(records)
}

fn read_record(doc: &TantivyDocument, f: &Fields) -> Option<VersionRecord> {
    let text = |field| stored_text(doc, field).map(str::to_string);
    Some(VersionRecord {
        version: text(f.version)?,
        file_key: text(f.file_key)?,
        path: text(f.path).unwrap_or_default(),
        hash: text(f.hash)?,
        identity: text(f.identity).unwrap_or_default(),
        doc_id: text(f.doc_id)?,
        lang: text(f.lang)
            .and_then(|l| l.parse().ok())
            .unwrap_or(Lang::Und),
        kind: text(f.kind)
            .and_then(|k| k.parse().ok())
            .unwrap_or(Kind::Other),
        date: stored_date(doc, f.date),
        units: doc.get_first(f.units).and_then(|v| v.as_u64()).unwrap_or(0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_a_killed_run_do_not_block_the_next() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".tmpKx3s9a"), b"half a meta.json").unwrap();
        std::fs::write(dir.path().join(RUN_LOCK), b"").unwrap();
        assert!(Writer::open(dir.path(), false, 1).is_ok());
    }

    #[test]
    fn a_second_writer_is_refused_as_locked() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Writer::open(dir.path(), false, 1).unwrap();
        let second = Writer::open(dir.path(), false, 1);
        assert!(matches!(second, Err(IndexError::Locked(_))));
    }

    #[test]
    fn a_foreign_directory_is_not_written_into() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("thesis.docx"), b"mine").unwrap();
        assert!(Writer::open(dir.path(), false, 1).is_err());
        assert!(dir.path().join("thesis.docx").exists());
        assert!(!dir.path().join(RUN_LOCK).exists());
    }

    #[test]
    fn a_run_leaves_no_more_segments_than_it_merges_into_and_keeps_its_payload() {
        use crate::index::testing::version;
        let dir = tempfile::tempdir().unwrap();
        let segments = || {
            let index = Index::open_in_dir(dir.path()).unwrap();
            index.searchable_segment_ids().unwrap().len()
        };
        let mut writer = Writer::open(dir.path(), false, 1).unwrap();
        for (i, word) in ["alpha", "beta", "gamma", "delta"].iter().enumerate() {
            writer
                .add(&version(&format!("D{i}"), Lang::En, word))
                .unwrap();
            writer.commit().unwrap();
        }
        assert_eq!(segments(), 4, "no merge while the run writes");
        let payload = writer.finish().unwrap();
        assert_eq!(segments(), super::super::merge::RUN_SEGMENTS);
        let index = Index::open_in_dir(dir.path()).unwrap();
        let stored = index.load_metas().unwrap().payload.unwrap();
        assert_eq!(stored, serde_json::to_string(&payload).unwrap());
        assert_eq!(payload.counts.documents, 4);
    }
}
