//! Every size, depth, count and time cap polidex enforces, each with its reason.
//!
//! Input comes from folders downloaded from anywhere and from requests from anyone, so every
//! read and every loop over input is bounded by one of these numbers.

use std::time::Duration;

/// Largest file read for indexing. Bigger files are reported, not read: the biggest real act
/// in the reference corpus is under 5 MB, and two workers holding this much stay well under
/// the 1 GiB memory budget.
pub const MAX_FILE_BYTES: u64 = 160 * 1024 * 1024;

/// Largest metadata catalogue (`polidex.catalog.jsonl`) read; a bigger one is reported.
pub const MAX_CATALOG_BYTES: u64 = 64 * 1024 * 1024;

/// Largest version record (`meta.json` beside a crawled act) read; a larger one is ignored.
pub const MAX_RECORD_BYTES: u64 = 4 * 1024 * 1024;

/// Files above this size are extracted one at a time, so two huge files never share memory.
pub const BIG_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Longest text a single unit may hold; longer paragraphs (a 100 MB line) are cut at word
/// boundaries into several units so that no single tantivy document grows unbounded.
pub const MAX_UNIT_CHARS: usize = 64 * 1024;

/// Bytes past which an article, point or annex goes on in loose units (`p_n`) of at most
/// this size: a flattened annex table is one block, and one unit of it would be too long to
/// rank or to show a snippet of.
pub const LONG_UNIT_BYTES: usize = 16 * 1024;

/// Most units one file may produce (each holds memory until written): the rest of the file
/// is left out, and said so on stderr.
pub const MAX_UNITS_PER_FILE: usize = 200_000;

/// Deepest element nesting an HTML or XML extractor descends into; deeper content is
/// flattened into its ancestor at this depth (a 200,000-level page must not recurse).
pub const MAX_MARKUP_DEPTH: usize = 256;

/// Most tags and attributes read from one HTML page; the rest of the page is left out, and
/// said so. The parsed tree costs a few hundred bytes per element and tens per attribute: a
/// 100 MB page of 2 million short paragraphs would take over a gigabyte, while the acts of
/// the reference corpus have about 50,000 tags and attributes per megabyte of HTML.
pub const MAX_HTML_MARKUP: usize = 2_000_000;

/// Most attributes an HTML tag may have; a tag with more is dropped (its text is kept):
/// html5ever compares each attribute with those before it, so a tag of 10^6 attributes
/// would take hours.
pub const MAX_HTML_ATTRIBUTES: usize = 64;

/// Most attributes read from one XML element (an element with 10^6 attributes is skipped).
pub const MAX_XML_ATTRIBUTES: usize = 1024;

/// Largest decompressed size of one PDF page's content (decompression bombs).
pub const MAX_PDF_PAGE_CONTENT: usize = 32 * 1024 * 1024;

/// Largest decompressed size of any single PDF stream while loading.
pub const MAX_PDF_STREAM: usize = 64 * 1024 * 1024;

/// Most PDF pages read from one file (a file claiming a huge page count).
pub const MAX_PDF_PAGES: usize = 5_000;

/// Time one file's extraction may take before it is abandoned and reported.
pub const EXTRACT_TIMEOUT: Duration = Duration::from_secs(60);

/// Address-space cap of the process that extracts one PDF, so a hostile PDF cannot take the
/// machine's memory.
pub const PDF_EXTRACT_MEMORY_BYTES: u64 = 1536 * 1024 * 1024;

/// Memory tantivy's writer may buffer before flushing a segment, for all its threads: with
/// 384 MiB, the 260 MB of text of 7,000 acts make one segment per thread, so the run has
/// nothing to merge (the peak RSS of that run is about 620 MiB).
pub const WRITER_MEMORY_BYTES: usize = 384 * 1024 * 1024;

/// Most documents (units) one segment merge takes in: the segments a merge reads are
/// mapped into memory, about 200 MB for this many units of legislation, and at most
/// [`MERGE_THREADS`] merges run at once.
pub const MAX_MERGED_DOCS: usize = 250_000;

/// Segment merges run at once.
pub const MERGE_THREADS: usize = 2;

/// Files extracted but not yet indexed, between the extraction workers and the writer.
pub const PIPELINE_QUEUE: usize = 16;

/// Commit after this many bytes of input since the last commit, so a killed run keeps
/// what it indexed up to its last commit. Every commit flushes a segment per indexing
/// thread, which the run's merge then rewrites, so commits are rare.
pub const COMMIT_EVERY_BYTES: u64 = 1024 * 1024 * 1024;

/// Decompressed document-store blocks a searching process keeps for hits, in bytes, shared
/// out among the segments (at least tantivy's 100 blocks each): the hits of queries a server
/// answers again and again are read without decompressing their blocks anew.
pub const DOC_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Largest page of hits one request may ask for; deeper results come with `offset`.
pub const MAX_LIMIT: u64 = 1_000;

/// Largest `offset` accepted (beyond any real corpus, small enough to stay cheap).
pub const MAX_OFFSET: u64 = 100_000_000;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 4_096;

/// Most word, phrase and prefix clauses in one query.
pub const MAX_QUERY_CLAUSES: usize = 256;

/// Deepest parenthesis nesting in a query.
pub const MAX_QUERY_DEPTH: usize = 32;

/// Largest phrase slop (`"a b"~N`).
pub const MAX_SLOP: u32 = 100;

/// Most index terms one prefix (`priv*`) may expand to.
pub const MAX_PREFIX_TERMS: usize = 20_000;

/// Most prefix clauses in one query.
pub const MAX_PREFIXES: usize = 16;

/// Characters of context in a snippet.
pub const SNIPPET_CHARS: usize = 240;

/// Bytes of a unit a snippet reads once some word matched: the best window of a huge unit
/// is looked for in its first 32 KiB (and around its first match when that comes later).
pub const SNIPPET_SCAN_BYTES: usize = 32 * 1024;

/// Largest HTTP request body.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Time one HTTP request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Time a client has to send its request headers.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Most concurrent HTTP requests being served; more wait in the accept queue.
pub const MAX_CONCURRENT_REQUESTS: usize = 512;

/// Longest line read from a batch file; longer lines are an error for that line.
pub const MAX_BATCH_LINE_BYTES: usize = 64 * 1024;

/// Most queries in one `POST /api/batch` body.
pub const MAX_API_BATCH_QUERIES: usize = 10_000;

/// Most hits per query in batch output.
pub const MAX_BATCH_LIMIT: u64 = 1_000;

/// Characters of a citation-bearing text `cite` reads.
pub const MAX_CITE_CHARS: usize = 1024 * 1024;
