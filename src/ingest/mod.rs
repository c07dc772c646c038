//! Ingest: walk → extract → detect language → segment → index.
//!
//! The driver walks the roots, hashes every file, and sends the new and changed ones
//! through a pool of extraction workers; a bounded channel carries finished versions to the
//! one thread that writes the index, so memory stays flat whatever the corpus size. A file
//! that fails is reported as `path: reason` and the run goes on; nothing already indexed is
//! lost (a file that fails keeps its previous version). Commits are periodic and atomic.

pub mod catalog;
pub mod extract;
pub mod format;
pub mod isolate;
pub mod metadata;
pub mod record;
pub mod walk;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use catalog::{Catalog, CatalogEntry};
use extract::{ExtractError, Extracted, Metadata};
use walk::{FileEntry, WalkOptions};

use crate::index::writer::Writer;
use crate::index::{IndexError, IndexedUnit, VersionDoc};
use crate::lang::{Lang, detect};
use crate::legal::citation::{Context, find_citations};
use crate::legal::units::{Unit, segment};
use crate::legal::{definitions, flat};
use crate::{limits, model};

/// How to run an ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files and folders to index.
    pub roots: Vec<PathBuf>,
    /// Index directory.
    pub index_dir: PathBuf,
    /// Extraction workers.
    pub jobs: usize,
    /// Drop everything indexed before.
    pub rebuild: bool,
    /// Follow symbolic links inside the roots.
    pub follow_symlinks: bool,
    /// Extract PDFs in child processes running this executable (polidex itself); `None`
    /// extracts in-process.
    pub isolate_with: Option<PathBuf>,
}

/// Something the caller may want to show while the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The walk found this many candidate files.
    Found(u64),
    /// A file is done (indexed, unchanged, skipped or failed); carries its size.
    Done(u64),
    /// A file was read, but not whole: a cap of `limits` cut it, or a line of it (a
    /// catalogue's, a crawl's) was left out.
    Cut {
        /// Path relative to its root.
        path: String,
        /// Why.
        reason: String,
    },
    /// A file could not be indexed.
    Failed {
        /// Path relative to its root.
        path: String,
        /// Why.
        reason: String,
    },
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Files indexed (new or changed).
    pub indexed: u64,
    /// Files unchanged since the last run.
    pub unchanged: u64,
    /// Files removed from the index (deleted from disk).
    pub removed: u64,
    /// Files that are not documents polidex reads.
    pub skipped: u64,
    /// Files that failed.
    pub failed: u64,
    /// Document versions indexed.
    pub versions: u64,
    /// Units indexed.
    pub units: u64,
    /// Bytes of the files indexed.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Fingerprint of the index after the run.
    pub fingerprint: String,
}

/// What can stop a run (individual files never do).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The index cannot be opened or written.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// The outcome of one file.
enum Outcome {
    Unchanged,
    /// Not a document polidex reads; `indexed` holds its key when an earlier run indexed
    /// it (a catalogue now skips it), so it is removed.
    Skipped {
        indexed: Option<String>,
    },
    Indexed {
        key: String,
        path: String,
        versions: Vec<VersionDoc>,
        bytes: u64,
        /// Why the file was indexed only in part, when a cap cut it.
        cut: Option<String>,
    },
    Failed {
        path: String,
        reason: String,
    },
}

/// Runs an ingest, calling `on_event` as files are done.
pub fn run(
    options: &IngestOptions,
    on_event: &mut dyn FnMut(Event),
) -> Result<Report, IngestError> {
    let started = Instant::now();
    let walk_options = WalkOptions {
        follow_symlinks: options.follow_symlinks,
        exclude: Some(options.index_dir.clone()),
    };
    let walked = walk::walk(&options.roots, &walk_options);
    let (catalog, catalog_problems) = Catalog::load(&walked.catalogs);
    let mut report = Report {
        skipped: walked.skipped,
        ..Report::default()
    };
    for problem in walked
        .problems
        .into_iter()
        .chain(catalog_problems.unreadable)
    {
        report.failed += 1;
        on_event(Event::Failed {
            path: problem.path,
            reason: problem.reason,
        });
    }
    // A catalogue line left out is not a failed file: the catalogue's other lines apply.
    for problem in catalog_problems.lines {
        on_event(Event::Cut {
            path: problem.path,
            reason: problem.reason,
        });
    }
    let mut writer = Writer::open(&options.index_dir, options.rebuild, options.jobs)?;
    let known = writer.file_state();
    report.removed = remove_deleted(&mut writer, &walked.files, &options.roots, &known);
    on_event(Event::Found(walked.files.len() as u64));
    let plan = Plan::new(&walked.files, &catalog, known, options.isolate_with.clone());
    process_all(&plan, options.jobs, &mut writer, &mut report, on_event)?;
    let payload = writer.finish()?;
    report.fingerprint = payload.fingerprint;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Removes from the index the files that were under a walked root and are gone.
fn remove_deleted(
    writer: &mut Writer,
    files: &[FileEntry],
    roots: &[PathBuf],
    known: &HashMap<String, (String, String)>,
) -> u64 {
    let present: HashSet<String> = files.iter().map(FileEntry::key).collect();
    let walked_roots: Vec<String> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .filter(|r| r.is_dir())
        .map(|r| format!("{}|", walk::display_path(&r)))
        .collect();
    let gone: Vec<String> = known
        .keys()
        .filter(|key| {
            !present.contains(*key)
                && walked_roots
                    .iter()
                    .any(|root| key.starts_with(root.as_str()))
        })
        .cloned()
        .collect();
    for key in &gone {
        writer.remove_file(key);
    }
    gone.len() as u64
}

/// Everything the workers share.
struct Plan<'a> {
    files: &'a [FileEntry],
    path_ids: HashMap<String, String>,
    catalog: &'a Catalog,
    known: HashMap<String, (String, String)>,
    isolate_with: Option<PathBuf>,
    /// Held while extracting a big file, so two never share memory.
    big_file: Mutex<()>,
}

impl<'a> Plan<'a> {
    fn new(
        files: &'a [FileEntry],
        catalog: &'a Catalog,
        known: HashMap<String, (String, String)>,
        isolate_with: Option<PathBuf>,
    ) -> Plan<'a> {
        Plan {
            files,
            path_ids: metadata::path_ids(files),
            catalog,
            known,
            isolate_with,
            big_file: Mutex::new(()),
        }
    }
}

/// Runs the workers and writes what they produce, committing every so often.
fn process_all(
    plan: &Plan<'_>,
    jobs: usize,
    writer: &mut Writer,
    report: &mut Report,
    on_event: &mut dyn FnMut(Event),
) -> Result<(), IngestError> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = crossbeam_channel::bounded::<(Outcome, u64)>(limits::PIPELINE_QUEUE);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || {
                while let Some(file) = plan.files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if sender.send((process_file(plan, file), file.size)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut since_commit = 0u64;
        for (outcome, size) in receiver {
            since_commit += record_outcome(outcome, writer, report, on_event)?;
            on_event(Event::Done(size));
            if since_commit >= limits::COMMIT_EVERY_BYTES {
                writer.commit()?;
                since_commit = 0;
            }
        }
        Ok(())
    })
}

/// Applies one outcome to the index and the report; returns the bytes indexed.
fn record_outcome(
    outcome: Outcome,
    writer: &mut Writer,
    report: &mut Report,
    on_event: &mut dyn FnMut(Event),
) -> Result<u64, IngestError> {
    match outcome {
        Outcome::Unchanged => report.unchanged += 1,
        Outcome::Skipped { indexed } => {
            report.skipped += 1;
            if let Some(key) = indexed {
                writer.remove_file(&key);
                report.removed += 1;
            }
        }
        Outcome::Failed { path, reason } => {
            report.failed += 1;
            on_event(Event::Failed { path, reason });
        }
        Outcome::Indexed {
            key,
            path,
            versions,
            bytes,
            cut,
        } => {
            writer.remove_file(&key);
            for version in &versions {
                writer.add(version)?;
                report.units += version.units.len() as u64;
            }
            if let Some(reason) = cut {
                on_event(Event::Cut { path, reason });
            }
            report.indexed += 1;
            report.versions += versions.len() as u64;
            report.bytes += bytes;
            return Ok(bytes);
        }
    }
    Ok(0)
}

/// Reads, hashes, extracts and segments one file.
fn process_file(plan: &Plan<'_>, file: &FileEntry) -> Outcome {
    let key = file.key();
    let entry = plan.catalog.lookup(&file.abs);
    let entry = entry.as_ref();
    let skipped = || Outcome::Skipped {
        indexed: plan.known.contains_key(&key).then(|| key.clone()),
    };
    if entry.and_then(|e| e.skip).unwrap_or(false) || record::is_record(&file.abs) {
        return skipped();
    }
    let record = record::metadata_for(&file.abs);
    let path_id = plan
        .path_ids
        .get(&key)
        .cloned()
        .unwrap_or_else(|| file.rel.clone());
    let identity = identity(&path_id, entry, record.as_ref());
    let failed = |reason: String| Outcome::Failed {
        path: file.rel.clone(),
        reason,
    };
    let bytes = match isolate::read_capped(&file.abs) {
        Ok(bytes) => bytes,
        Err(error) => return failed(error.to_string()),
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    if plan
        .known
        .get(&key)
        .is_some_and(|(h, i)| *h == hash && *i == identity)
    {
        return Outcome::Unchanged;
    }
    let head = bytes.get(..1024).unwrap_or(&bytes);
    let Some(format) = format::detect(&file.abs, head) else {
        return skipped();
    };
    let _guard = (bytes.len() as u64 > limits::BIG_FILE_BYTES).then(|| plan.big_file.lock());
    let documents = match extract_file(plan, format, file, &bytes) {
        Ok(documents) => documents,
        Err(error) => return failed(error.to_string()),
    };
    let size = bytes.len() as u64;
    drop(bytes);
    let source = Source {
        file,
        key: &key,
        hash: &hash,
        identity: &identity,
        path_id: &path_id,
        catalog: entry,
        record: record.as_ref(),
    };
    let versions: Vec<VersionDoc> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| build_version(&source, i, d))
        .collect();
    let cut = documents.iter().find_map(|d| d.cut.clone()).or_else(|| {
        versions
            .iter()
            .any(|v| v.units.len() >= limits::MAX_UNITS_PER_FILE)
            .then(|| {
                format!(
                    "indexed its first {} units only; the rest is left out",
                    limits::MAX_UNITS_PER_FILE
                )
            })
    });
    Outcome::Indexed {
        key,
        path: file.rel.clone(),
        versions,
        bytes: size,
        cut,
    }
}

/// What besides the content decides how a file is indexed.
fn identity(path_id: &str, entry: Option<&CatalogEntry>, record: Option<&Metadata>) -> String {
    let catalog = entry
        .and_then(|e| serde_json::to_string(e).ok())
        .unwrap_or_default();
    // A record's title may be long: its digest stands for it.
    let record = record
        .and_then(|r| serde_json::to_vec(r).ok())
        .map(|json| blake3::hash(&json).to_hex().to_string())
        .unwrap_or_default();
    format!(
        "{}\t{path_id}\t{catalog}\t{record}",
        env!("CARGO_PKG_VERSION")
    )
}

fn extract_file(
    plan: &Plan<'_>,
    format: format::Format,
    file: &FileEntry,
    bytes: &[u8],
) -> Result<Vec<Extracted>, ExtractError> {
    if format == format::Format::Pdf
        && let Some(exe) = &plan.isolate_with
    {
        return isolate::extract_in_child(exe, format, &file.abs);
    }
    std::panic::catch_unwind(|| extract::extract(format, bytes))
        .unwrap_or_else(|_| Err(ExtractError::Crashed("extractor panicked".into())))
}

/// The file a version comes from.
struct Source<'a> {
    file: &'a FileEntry,
    key: &'a str,
    hash: &'a str,
    identity: &'a str,
    path_id: &'a str,
    catalog: Option<&'a CatalogEntry>,
    /// What the version record beside the file says of it.
    record: Option<&'a Metadata>,
}

/// One extracted document → one version ready to index.
fn build_version(source: &Source<'_>, index: usize, extracted: &Extracted) -> VersionDoc {
    let unflattened;
    let extracted = if extracted.flattened {
        unflattened = Extracted {
            blocks: extracted
                .blocks
                .iter()
                .flat_map(|b| flat::unflatten(&b.text))
                .collect(),
            flattened: false,
            meta: extracted.meta.clone(),
            cut: extracted.cut.clone(),
        };
        &unflattened
    } else {
        extracted
    };
    let meta = metadata::resolve(
        extracted,
        source.file,
        source.path_id,
        index,
        source.catalog,
        source.record,
    );
    let mut units = segment(&extracted.blocks, meta.legal);
    let declared_title = source
        .catalog
        .and_then(|entry| entry.title.as_deref())
        .or(extracted.meta.title.as_deref())
        .is_some_and(|title| !title.trim().is_empty());
    if declared_title {
        title_the_whole_document(&mut units, &meta.title);
    }
    let units = units.into_iter().map(|u| indexed_unit(u, &meta)).collect();
    VersionDoc {
        file_key: source.key.to_string(),
        version: format!("{}#{index}", source.key),
        path: source.file.rel.clone(),
        hash: source.hash.to_string(),
        identity: source.identity.to_string(),
        doc_id: meta.doc_id,
        lang: meta.lang,
        kind: meta.kind,
        title: meta.title,
        date: meta.date,
        publisher: meta.publisher,
        base: meta.base,
        units,
    }
}

/// Gives the whole-document unit the document's declared title (a Markdown file's front
/// matter, an HTML `<title>`, a catalogue's) as its text when its body has no title lines,
/// so the title's words find the document as an act's title lines do.
fn title_the_whole_document(units: &mut [Unit], title: &str) {
    if let Some(document) = units.first_mut().filter(|u| u.id.is_none())
        && document.text.is_empty()
    {
        document.text = title.to_string();
    }
}

/// What is wrong with line `number` of a JSON Lines file, as `line 7, column 27: …`.
pub(crate) fn json_line_problem(number: usize, error: &serde_json::Error) -> String {
    format!(
        "line {number}, column {}: {}",
        error.column(),
        json_error_reason(error)
    )
}

/// What serde found wrong, without its position: serde numbers the line of the one line it
/// was given, always 1.
pub(crate) fn json_error_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.split_once(" at line ") {
        Some((reason, _)) => reason.to_string(),
        None => message,
    }
}

/// Below this many characters a paragraph's own language is not worth detecting.
const UNIT_DETECTION_MIN_CHARS: usize = 200;

fn indexed_unit(unit: Unit, meta: &metadata::DocMeta) -> IndexedUnit {
    let text_lang = text_lang(&unit, meta);
    let context = Context {
        celex: meta.celex.as_deref().filter(|_| meta.legal),
        unit: unit.id.as_deref(),
    };
    let cites = cited_ids(&unit.text, &context);
    let heading_indexed = unit
        .id
        .as_deref()
        .is_some_and(|id| !id.contains('.') && (id.starts_with("art_") || id.starts_with("anx")));
    let in_article = unit.id.as_deref().is_some_and(|id| id.starts_with("art_"));
    let defines = if meta.legal && in_article {
        definitions::defined_terms(&unit.text)
    } else {
        Vec::new()
    };
    IndexedUnit {
        unit: unit.id,
        lang: meta.lang,
        text_lang,
        heading: unit.heading,
        heading_indexed,
        text: unit.text,
        cites,
        defines,
    }
}

/// The language a unit's text is analysed in: a paragraph of a non-legal document may be
/// written in another language than its document (it stays a unit of the document's
/// version, in the document's language, but its words are stemmed as written).
fn text_lang(unit: &Unit, meta: &metadata::DocMeta) -> Lang {
    let is_paragraph = unit.id.as_deref().is_some_and(model::is_paragraph);
    if meta.legal
        || !is_paragraph
        || unit.text.chars().count() < UNIT_DETECTION_MIN_CHARS
        || detect::confirms(&unit.text, meta.lang)
    {
        return meta.lang;
    }
    detect::detect(&unit.text).unwrap_or(meta.lang)
}

/// Every id `text` cites, with all its ancestors, so `cited-by art_6` finds a citation of
/// `art_6.par_1.pnt_a`.
pub fn cited_ids(text: &str, context: &Context<'_>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for found in find_citations(text, context) {
        ids.push(found.celex.clone());
        if let Some(unit) = &found.unit {
            let mut prefix = String::new();
            for step in unit.split('.') {
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(step);
                ids.push(format!("{}#{prefix}", found.celex));
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

/// The default number of extraction workers: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// True when `path` holds an index (for messages).
pub fn is_index_dir(path: &Path) -> bool {
    path.join("meta.json").exists()
}
