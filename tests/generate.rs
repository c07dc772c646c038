//! Shared by the hostile-input, crash and abuse tests: running polidex as a watched child
//! (time budget, peak memory of its whole process tree, killed on drop), reading what a run
//! did (summary, `path: reason` lines, indexed paths), and generators of good and hostile
//! documents, all written into temporary directories by the tests themselves.

#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::collections::HashSet;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The polidex binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_polidex");

/// The memory budget of an `index` run, in KiB (1 GiB).
pub const MEMORY_BUDGET_KIB: u64 = 1024 * 1024;

/// How long any run may take before the test calls it a hang.
pub const HANG_BUDGET: Duration = Duration::from_secs(180);

/// A `polidex` command with a clean environment for the index location.
pub fn polidex() -> Command {
    let mut command = Command::new(BIN);
    command.env_remove("POLIDEX_INDEX");
    command.env_remove("POLIDEX_LOG");
    command.env_remove("RUST_BACKTRACE");
    command
}

// ----- watched children -------------------------------------------------------------------

/// A running child in its own process group, with its output drained by threads and the
/// resident memory of its process tree sampled. Dropping it kills the whole group.
pub struct Watched {
    child: Child,
    started: Instant,
    stdout: Option<JoinHandle<Vec<u8>>>,
    stderr: Option<JoinHandle<Vec<u8>>>,
    sampler: Option<JoinHandle<()>>,
    sampling: Arc<AtomicBool>,
    tree_peak_kib: Arc<AtomicU64>,
}

/// How a watched child ended.
#[derive(Debug)]
pub struct Finished {
    /// `None` when the child overran its budget and was killed.
    pub status: Option<ExitStatus>,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
    /// Wall time until it ended (or was killed).
    pub elapsed: Duration,
    /// Largest sum of resident memory of the child and its descendants seen while sampling
    /// (every 20 ms), and of any one of them's own high-water mark, in KiB.
    pub tree_peak_kib: u64,
}

impl Finished {
    /// The exit code, `None` for a hang or a signal.
    pub fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }

    /// Exit code, stdout and stderr for assertion messages.
    pub fn describe(&self) -> String {
        let cut = |s: &str| -> String { s.chars().take(4000).collect() };
        format!(
            "status {:?} after {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.status,
            self.elapsed,
            cut(&self.stdout),
            cut(&self.stderr)
        )
    }
}

impl Watched {
    /// Spawns `command` in a new process group with piped output and no input.
    pub fn spawn(command: &mut Command) -> Watched {
        command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = command.spawn().expect("the child starts");
        let stdout = child.stdout.take().map(drain);
        let stderr = child.stderr.take().map(drain);
        let sampling = Arc::new(AtomicBool::new(true));
        let tree_peak_kib = Arc::new(AtomicU64::new(0));
        let sampler = {
            let (pid, sampling, peak) = (child.id(), sampling.clone(), tree_peak_kib.clone());
            std::thread::spawn(move || sample_tree_memory(pid, &sampling, &peak))
        };
        Watched {
            child,
            started: Instant::now(),
            stdout,
            stderr,
            sampler: Some(sampler),
            sampling,
            tree_peak_kib,
        }
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// True while the child has not exited.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Sends SIGKILL to the child's whole process group.
    pub fn kill_group(&mut self) {
        kill_group(self.child.id());
        let _ = self.child.kill();
    }

    /// Waits up to `budget` for the child to exit; past it, kills the group.
    pub fn finish(mut self, budget: Duration) -> Finished {
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if self.started.elapsed() > budget => {
                    self.kill_group();
                    let _ = self.child.wait();
                    break None;
                }
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(error) => panic!("waiting for the child failed: {error}"),
            }
        };
        let elapsed = self.started.elapsed();
        // Descendants (PDF extraction children) die with the group when the run is over.
        kill_group(self.child.id());
        self.stop_sampler();
        let text = |handle: Option<JoinHandle<Vec<u8>>>| {
            let bytes = handle.and_then(|h| h.join().ok()).unwrap_or_default();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        Finished {
            status,
            stdout: text(self.stdout.take()),
            stderr: text(self.stderr.take()),
            elapsed,
            tree_peak_kib: self.tree_peak_kib.load(Ordering::Relaxed),
        }
    }

    fn stop_sampler(&mut self) {
        self.sampling.store(false, Ordering::Relaxed);
        if let Some(sampler) = self.sampler.take() {
            let _ = sampler.join();
        }
    }
}

impl Drop for Watched {
    fn drop(&mut self) {
        if self.is_running() {
            self.kill_group();
            let _ = self.child.wait();
        }
        self.stop_sampler();
    }
}

/// SIGKILL to every process of the group `pgid` (a group this test created).
pub fn kill_group(pgid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pgid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

fn sample_tree_memory(root: u32, sampling: &AtomicBool, peak: &AtomicU64) {
    while sampling.load(Ordering::Relaxed) {
        let mut total = 0;
        for pid in process_tree(root) {
            let (rss, hwm) = status_memory_kib(pid);
            total += rss;
            peak.fetch_max(hwm, Ordering::Relaxed);
        }
        peak.fetch_max(total, Ordering::Relaxed);
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `root` and all its descendants, from `/proc/PID/task/TID/children`.
fn process_tree(root: u32) -> Vec<u32> {
    let mut tree = vec![root];
    let mut next = 0;
    while let Some(&pid) = tree.get(next) {
        next += 1;
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
            continue;
        };
        for task in tasks.flatten() {
            let children =
                std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            tree.extend(
                children
                    .split_whitespace()
                    .filter_map(|p| p.parse::<u32>().ok()),
            );
        }
        if tree.len() > 10_000 {
            break;
        }
    }
    tree
}

/// `VmRSS` and `VmHWM` of a process in KiB (0 when it is gone).
fn status_memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

// ----- runs of the binary -------------------------------------------------------------------

/// One `polidex index` run and what it cost.
#[derive(Debug)]
pub struct IndexRun {
    /// How the process ended.
    pub finished: Finished,
    /// "Maximum resident set size" reported by `/usr/bin/time -v` (the largest of polidex
    /// and its extraction children), in KiB; `None` without `/usr/bin/time`.
    pub time_max_rss_kib: Option<u64>,
}

impl IndexRun {
    /// The largest memory figure measured for the run, in KiB.
    pub fn peak_kib(&self) -> u64 {
        self.time_max_rss_kib
            .unwrap_or(0)
            .max(self.finished.tree_peak_kib)
    }

    /// Asserts the run finished in time, exited 0 and printed its summary; returns it.
    pub fn assert_completed(&self) -> Summary {
        let finished = &self.finished;
        assert!(
            finished.status.is_some(),
            "the index run hung: {}",
            finished.describe()
        );
        assert_eq!(finished.code(), Some(0), "{}", finished.describe());
        Summary::parse(&finished.stdout)
            .unwrap_or_else(|| panic!("no summary line: {}", finished.describe()))
    }

    /// Asserts the run stayed within the 1 GiB memory budget, or says why it is not checked.
    pub fn assert_memory_within_budget(&self, what: &str) {
        println!(
            "{what}: peak memory {} MiB (/usr/bin/time max RSS {:?} KiB, sampled tree peak {} KiB), {:.1} s",
            self.peak_kib() / 1024,
            self.time_max_rss_kib,
            self.finished.tree_peak_kib,
            self.finished.elapsed.as_secs_f64()
        );
        if self.time_max_rss_kib.is_none() {
            let reason = "memory check skipped: /usr/bin/time is missing";
            assert!(!is_ci(), "{reason}");
            println!("{reason}");
            return;
        }
        assert!(
            self.peak_kib() <= MEMORY_BUDGET_KIB,
            "{what}: peak memory {} KiB is over the 1 GiB budget",
            self.peak_kib()
        );
    }
}

/// True under `CI=true`.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Runs `polidex index ROOTS --index INDEX EXTRA…` under `/usr/bin/time -v` when present,
/// within [`HANG_BUDGET`].
pub fn index(roots: &[&Path], index: &Path, extra: &[&str]) -> IndexRun {
    let time = Path::new("/usr/bin/time");
    let report = tempfile::NamedTempFile::new().expect("temp file");
    let mut command = if time.exists() {
        let mut command = Command::new(time);
        command.arg("-v").arg("-o").arg(report.path()).arg(BIN);
        command
    } else {
        Command::new(BIN)
    };
    command
        .env_remove("POLIDEX_INDEX")
        .env_remove("RUST_BACKTRACE")
        .arg("index")
        .args(roots)
        .arg("--index")
        .arg(index)
        .args(extra);
    let finished = Watched::spawn(&mut command).finish(HANG_BUDGET);
    let time_max_rss_kib = time
        .exists()
        .then(|| std::fs::read_to_string(report.path()).unwrap_or_default())
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                .and_then(|v| v.trim().parse().ok())
        });
    IndexRun {
        finished,
        time_max_rss_kib,
    }
}

/// Runs `polidex ARGS --index INDEX` to completion within 120 s.
pub fn run(index: &Path, args: &[&str]) -> Finished {
    let mut command = polidex();
    command.args(args).arg("--index").arg(index);
    Watched::spawn(&mut command).finish(Duration::from_secs(120))
}

/// The numbers of the summary line of `index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub indexed: u64,
    pub versions: u64,
    pub units: u64,
    pub unchanged: u64,
    pub removed: u64,
    pub skipped: u64,
    pub failed: u64,
}

impl Summary {
    /// Reads `indexed N files (V versions, U units), unchanged X, removed R, skipped S,
    /// failed F in …`.
    pub fn parse(stdout: &str) -> Option<Summary> {
        let line = stdout.lines().find(|l| l.starts_with("indexed "))?;
        let after = |key: &str| -> Option<u64> {
            let at = line.find(key)? + key.len();
            let digits: String = line
                .get(at..)?
                .chars()
                .skip_while(|c| *c == ' ' || *c == '(')
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        };
        let before = |key: &str| -> Option<u64> {
            let at = line.find(key)?;
            let digits: String = line
                .get(..at)?
                .trim_end()
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            digits.parse().ok()
        };
        Some(Summary {
            indexed: after("indexed")?,
            versions: before(" versions")?,
            units: before(" units")?,
            unchanged: after("unchanged")?,
            removed: after("removed")?,
            skipped: after("skipped")?,
            failed: after("failed")?,
        })
    }
}

/// Every `path` in the index (from `polidex export`) and the whole exported text.
pub fn indexed_paths(index: &Path) -> (HashSet<String>, String) {
    let finished = run(index, &["export", "--all-versions"]);
    assert!(
        matches!(finished.code(), Some(0 | 1)),
        "export failed: {}",
        finished.describe()
    );
    let paths = finished
        .stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|unit| unit["path"].as_str().map(str::to_string))
        .collect();
    (paths, finished.stdout)
}

/// The total of `search QUERY --group unit --format json`; panics on exit code 2.
pub fn search_total(index: &Path, query: &str) -> u64 {
    let finished = run(
        index,
        &["search", query, "--group", "unit", "--format", "json"],
    );
    assert!(
        matches!(finished.code(), Some(0 | 1)),
        "search {query:?}: {}",
        finished.describe()
    );
    serde_json::from_str::<serde_json::Value>(&finished.stdout)
        .ok()
        .and_then(|v| v["total"].as_u64())
        .unwrap_or_else(|| panic!("search {query:?}: bad json {}", finished.stdout))
}

/// How one input file ended in a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// In the index, not reported.
    Indexed,
    /// Reported on stderr with this reason, not in the index.
    Reported(String),
    /// Partly indexed and reported (for instance truncated).
    IndexedAndReported(String),
    /// Neither: silently dropped.
    Lost,
}

impl Ending {
    /// Where `rel` (a path as polidex prints it) ended, from the indexed paths and stderr.
    pub fn of(rel: &str, indexed: &HashSet<String>, stderr: &str) -> Ending {
        let prefix = format!("{rel}: ");
        let reported = stderr
            .lines()
            .find_map(|line| line.strip_prefix(&prefix))
            .map(str::to_string);
        match (indexed.contains(rel), reported) {
            (true, None) => Ending::Indexed,
            (false, Some(reason)) => Ending::Reported(reason),
            (true, Some(reason)) => Ending::IndexedAndReported(reason),
            (false, None) => Ending::Lost,
        }
    }
}

/// Asserts every line on stderr is `path: reason` for one of `paths` (no panic, no
/// backtrace, no stray logging), and that the lines of failed files (not the notes of
/// files indexed in part, whose parts "left out" are named) number the summary's `failed`.
pub fn assert_stderr_is_reports(stderr: &str, paths: &[String], summary: &Summary) {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    for line in &lines {
        assert!(
            paths.iter().any(|p| line
                .strip_prefix(p.as_str())
                .is_some_and(|rest| rest.starts_with(": ") && rest.len() > 2)),
            "stderr line is not `path: reason` for a known file: {line:?}"
        );
        assert!(
            !line.contains("panicked") && !line.contains("RUST_BACKTRACE"),
            "{line}"
        );
    }
    let failures = lines.iter().filter(|l| !l.contains("left out")).count();
    assert_eq!(
        failures as u64, summary.failed,
        "one stderr line per failed file:\n{stderr}"
    );
}

/// Prints how each file ended (for the test log) and asserts none was silently lost.
pub fn assert_each_ended(
    files: &[String],
    indexed: &HashSet<String>,
    stderr: &str,
) -> Vec<(String, Ending)> {
    let endings: Vec<(String, Ending)> = files
        .iter()
        .map(|f| (f.clone(), Ending::of(f, indexed, stderr)))
        .collect();
    for (file, ending) in &endings {
        println!("  {file:?} → {ending:?}");
    }
    let lost: Vec<&String> = endings
        .iter()
        .filter(|(_, e)| *e == Ending::Lost)
        .map(|(f, _)| f)
        .collect();
    assert!(
        lost.is_empty(),
        "files neither indexed nor reported: {lost:?}\nstderr:\n{stderr}"
    );
    endings
}

// ----- files ------------------------------------------------------------------------------

/// Writes `bytes` at `root/rel`, creating folders.
pub fn write(root: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folders");
    }
    std::fs::write(&path, bytes).expect("write a fixture");
    path
}

/// A good document: its path relative to the root, its bytes, and a word found only in it.
#[derive(Debug, Clone)]
pub struct Good {
    pub rel: String,
    pub bytes: Vec<u8>,
    pub word: String,
}

/// An English paragraph carrying `word`.
pub fn prose(word: &str) -> String {
    format!(
        "The committee examined the {word} report on harbour safety and concluded that the \
         member states should exchange information about lighthouses, storms and the \
         training of keepers before the end of the year."
    )
}

/// Good documents of every text format, each with its own word, under `folder/`.
pub fn good_documents(folder: &str) -> Vec<Good> {
    let tag = folder.replace(['/', '-', '_'], "");
    let word = |n: &str| format!("goodword{tag}{n}");
    let (txt, md, html, xml, json) = (
        word("txt"),
        word("md"),
        word("html"),
        word("xml"),
        word("json"),
    );
    vec![
        Good {
            rel: format!("{folder}/plain.txt"),
            bytes: format!("{}\n\n{}\n", prose(&txt), prose("second")).into_bytes(),
            word: txt,
        },
        Good {
            rel: format!("{folder}/post.md"),
            bytes: format!("---\ntitle: \"Harbour notes\"\ndate: 2021-05-04\n---\n\n# Notes\n\n{}\n", prose(&md))
                .into_bytes(),
            word: md,
        },
        Good {
            rel: format!("{folder}/page.html"),
            bytes: format!(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour page</title></head><body><p>{}</p></body></html>",
                prose(&html)
            )
            .into_bytes(),
            word: html,
        },
        Good {
            rel: format!("{folder}/act.xml"),
            bytes: format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ACT><ENACTING.TERMS><ARTICLE IDENTIFIER=\"001\"><TI.ART>Article 1</TI.ART><ALINEA>{}</ALINEA></ARTICLE></ENACTING.TERMS></ACT>",
                prose(&xml)
            )
            .into_bytes(),
            word: xml,
        },
        Good {
            rel: format!("{folder}/record.json"),
            bytes: serde_json::json!({
                "url": "https://example.org/harbour",
                "title": "Harbour record",
                "text": prose(&json),
            })
            .to_string()
            .into_bytes(),
            word: json,
        },
    ]
}

/// Writes the good documents under `root` and returns them.
pub fn write_good(root: &Path, folder: &str) -> Vec<Good> {
    let goods = good_documents(folder);
    for good in &goods {
        write(root, &good.rel, &good.bytes);
    }
    goods
}

/// Asserts each good document is in the index and its word finds it.
pub fn assert_good_findable(index: &Path, goods: &[Good], indexed: &HashSet<String>) {
    for good in goods {
        assert!(
            indexed.contains(&good.rel),
            "{} is not in the index",
            good.rel
        );
        assert!(
            search_total(index, &good.word) >= 1,
            "{} does not find {}",
            good.word,
            good.rel
        );
    }
}

/// A deterministic pseudo-random generator (xorshift), so generated corpora never change.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const VOCABULARY: &[&str] = &[
    "the",
    "member",
    "states",
    "shall",
    "ensure",
    "that",
    "data",
    "processing",
    "is",
    "lawful",
    "commission",
    "regulation",
    "article",
    "paragraph",
    "council",
    "parliament",
    "measures",
    "authority",
    "supervisory",
    "controller",
    "consent",
    "child",
    "information",
    "security",
    "market",
    "digital",
    "services",
    "platform",
    "transparency",
    "obligation",
    "provider",
    "risk",
    "assessment",
    "report",
    "annual",
    "review",
    "procedure",
    "of",
    "and",
    "to",
    "in",
    "for",
    "with",
    "on",
    "by",
    "a",
    "an",
    "be",
    "where",
    "which",
    "or",
    "not",
    "any",
];

/// `words` words of English-like legal prose.
pub fn filler(rng: &mut Rng, words: usize) -> String {
    let mut text = String::with_capacity(words * 8);
    for i in 0..words {
        if i > 0 {
            text.push(if i % 17 == 0 { '\n' } else { ' ' });
            if i % 170 == 0 {
                text.push('\n');
            }
        }
        text.push_str(VOCABULARY[rng.below(VOCABULARY.len())]);
    }
    text
}

/// The marker word of document `n` of a generated corpus.
pub fn corpus_word(n: usize) -> String {
    let letters: String = format!("{n:05}")
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect();
    format!("qmark{letters}")
}

/// Writes `files` text documents of about `words` words each under `root/folder`, document
/// `n` carrying [`corpus_word`]`(first + n)`; returns their relative paths.
pub fn write_corpus(
    root: &Path,
    folder: &str,
    first: usize,
    files: usize,
    words: usize,
) -> Vec<String> {
    let mut rng = Rng::new(first as u64 + 7);
    (first..first + files)
        .map(|n| {
            let rel = format!("{folder}/{:03}/doc{n:05}.txt", n / 100);
            let text = format!(
                "{}\n\n{}\n",
                prose(&corpus_word(n)),
                filler(&mut rng, words)
            );
            write(root, &rel, text.as_bytes());
            rel
        })
        .collect()
}

// ----- hostile text and markup --------------------------------------------------------------

/// A hostile file: where it goes, its bytes, and a word that would find it if indexed.
#[derive(Debug, Clone)]
pub struct Hostile {
    pub rel: String,
    pub bytes: Vec<u8>,
    pub word: String,
}

fn hostile(rel: &str, bytes: Vec<u8>, word: &str) -> Hostile {
    Hostile {
        rel: rel.to_string(),
        bytes,
        word: word.to_string(),
    }
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend(pair);
    }
    bytes
}

/// Text files in broken, unusual or mislabelled encodings.
pub fn hostile_encodings(folder: &str) -> Vec<Hostile> {
    let mut invalid = prose("encwordinvalid").into_bytes();
    invalid.extend_from_slice(b" broken \xff\xfe\xc3\x28 bytes \xe2\x82 and \xf0\x28\x8c\xbc end");
    let latin1_body: Vec<u8> = "Le règlement précise la procédure encwordlatinone pour les autorités de contrôle et les données à caractère personnel."
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
        .collect();
    let mut latin1 = b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Proc\xe9dure</title></head><body><p>".to_vec();
    latin1.extend(latin1_body);
    latin1.extend_from_slice(b"</p></body></html>");
    let utf8_as_latin1 = String::from(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Übersicht</title></head><body><p>Die Übersicht über die Verordnung encwordutfeight enthält Maßnahmen für Aufsichtsbehörden und Verantwortliche.</p></body></html>",
    );
    let mut nul = prose("encwordnul").into_bytes();
    nul.extend_from_slice(b"\0\0\0 text after nul \0 bytes\0");
    let mut sparse_nul = vec![0u8; 4096];
    sparse_nul.extend(prose("encwordmostlynul").bytes());
    let mut controls = prose("encwordcontrol").into_bytes();
    controls.extend_from_slice(b"\x1b[31m red \x1b[0m \x07 bell \x08\x08 back \x0b vt \x0c ff \x7f del \xc2\x85 nel \xe2\x80\xae rtl \xe2\x80\x8b zwsp");
    let binary: Vec<u8> = (0..8192u32).map(|i| (i * 7919 % 31) as u8).collect();
    vec![
        hostile(
            &format!("{folder}/invalid-utf8.txt"),
            invalid,
            "encwordinvalid",
        ),
        hostile(
            &format!("{folder}/utf16-le.txt"),
            utf16(&prose("encwordutfsixle"), false),
            "encwordutfsixle",
        ),
        hostile(
            &format!("{folder}/utf16-be.txt"),
            utf16(&prose("encwordutfsixbe"), true),
            "encwordutfsixbe",
        ),
        hostile(
            &format!("{folder}/utf16-le-markup.html"),
            utf16(
                &format!(
                    "<html><head><meta charset=\"utf-16\"></head><body><p>{}</p></body></html>",
                    prose("encwordutfsixhtml")
                ),
                false,
            ),
            "encwordutfsixhtml",
        ),
        hostile(
            &format!("{folder}/latin1-declared-utf8.html"),
            latin1,
            "encwordlatinone",
        ),
        hostile(
            &format!("{folder}/utf8-declared-latin1.html"),
            utf8_as_latin1.into_bytes(),
            "encwordutfeight",
        ),
        hostile(&format!("{folder}/nul-bytes.txt"), nul, "encwordnul"),
        hostile(
            &format!("{folder}/mostly-nul.txt"),
            sparse_nul,
            "encwordmostlynul",
        ),
        hostile(
            &format!("{folder}/control-chars.txt"),
            controls,
            "encwordcontrol",
        ),
        hostile(&format!("{folder}/binary.txt"), binary, "encwordnone"),
        hostile(&format!("{folder}/empty.txt"), Vec::new(), "encwordnone"),
        hostile(&format!("{folder}/empty.html"), Vec::new(), "encwordnone"),
        hostile(&format!("{folder}/empty.json"), Vec::new(), "encwordnone"),
        hostile(
            &format!("{folder}/whitespace.md"),
            b" \n\t\r\n  \n".to_vec(),
            "encwordnone",
        ),
        hostile(
            &format!("{folder}/bom-only.txt"),
            b"\xEF\xBB\xBF".to_vec(),
            "encwordnone",
        ),
        hostile(
            &format!("{folder}/lone-surrogates.txt"),
            {
                let mut b = vec![0xFF, 0xFE];
                b.extend(
                    prose("encwordsurrogate")
                        .encode_utf16()
                        .flat_map(u16::to_le_bytes),
                );
                b.extend([0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC]);
                b
            },
            "encwordsurrogate",
        ),
    ]
}

/// Markup built to exhaust a parser: depth, breadth, entities, external entities, scripts.
pub fn hostile_markup(folder: &str) -> Vec<Hostile> {
    let deep_levels = 200_000;
    let mut deep = String::from("<!DOCTYPE html><html><body>");
    deep.push_str(&"<div>".repeat(deep_levels));
    deep.push_str(&prose("markworddeep"));
    deep.push_str(&"</div>".repeat(deep_levels));
    deep.push_str("</body></html>");

    let mut deep_xml = String::from("<?xml version=\"1.0\"?><ACT>");
    deep_xml.push_str(&"<P>".repeat(deep_levels));
    deep_xml.push_str(&prose("markworddeepxml"));
    deep_xml.push_str(&"</P>".repeat(deep_levels));
    deep_xml.push_str("</ACT>");

    let scripts = format!(
        "<!DOCTYPE html><html><head><script>var markwordscript = '{}';</script><style>body {{ color: red }} .markwordstyle {{}}</style></head><body><script type=\"text/javascript\">{}</script><noscript></noscript><script>document.write('markwordscript')</script></body></html>",
        prose("markwordscript"),
        "for (var i = 0; i < 10; i++) { console.log('markwordscript'); }\n".repeat(200)
    );

    let mut unclosed = String::from("<!DOCTYPE html><html><body><p>");
    unclosed.push_str(&prose("markwordunclosed"));
    for i in 0..100_000 {
        unclosed.push_str(
            [
                "<div>",
                "<span>",
                "<p>",
                "<b>",
                "<li>",
                "<td>",
                "<a href=x>",
            ][i % 7],
        );
        unclosed.push_str(VOCABULARY[i % VOCABULARY.len()]);
        unclosed.push(' ');
    }

    let mut attributes = String::with_capacity(20_000_000);
    attributes.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ACT><ENACTING.TERMS><P");
    for i in 0..1_000_000 {
        attributes.push_str(&format!(" a{i}=\"v\""));
    }
    attributes.push_str(&format!(
        ">{}</P><P>{}</P></ENACTING.TERMS></ACT>",
        prose("markwordattrs"),
        prose("markwordafterattrs")
    ));

    let laughs = entity_bomb("lolz");
    let xxe = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE ACT [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<ACT><ENACTING.TERMS><P>{} &x; end</P></ENACTING.TERMS></ACT>",
        prose("markwordxxe")
    );
    let xxe_parameter = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE ACT [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p; <!ENTITY y SYSTEM \"file:///etc/shadow\">]>\n<ACT><P>{} &y;</P></ACT>",
        prose("markwordxxeparam")
    );
    let xxe_xhtml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body><p>{} &x;</p></body></html>",
        prose("markwordxxexhtml")
    );
    let html_bomb = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [{}]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>{} &lol9;</p></body></html>",
        entity_declarations(),
        prose("markwordbombxhtml")
    );
    let nested_md = format!(
        "{} {}\n\n{}\n\n{}\n",
        ">".repeat(100_000),
        prose("markwordquote"),
        (0..5000)
            .map(|i| format!("{}- item {i}", "  ".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n"),
        "[".repeat(50_000)
    );
    vec![
        hostile(&format!("{folder}/deep-200000.html"), deep.into_bytes(), "markworddeep"),
        hostile(&format!("{folder}/deep-200000-formex.xml"), deep_xml.into_bytes(), "markworddeepxml"),
        hostile(&format!("{folder}/only-scripts.html"), scripts.into_bytes(), "markwordscript"),
        hostile(&format!("{folder}/unclosed-100k.html"), unclosed.into_bytes(), "markwordunclosed"),
        hostile(&format!("{folder}/attributes-1m.xml"), attributes.into_bytes(), "markwordafterattrs"),
        hostile(&format!("{folder}/billion-laughs-formex.xml"), laughs.into_bytes(), "markwordbomb"),
        hostile(&format!("{folder}/billion-laughs.xhtml"), html_bomb.into_bytes(), "markwordbombxhtml"),
        hostile(&format!("{folder}/xxe-formex.xml"), xxe.into_bytes(), "markwordxxe"),
        hostile(&format!("{folder}/xxe-parameter.xml"), xxe_parameter.into_bytes(), "markwordxxeparam"),
        hostile(&format!("{folder}/xxe.xhtml"), xxe_xhtml.into_bytes(), "markwordxxexhtml"),
        hostile(&format!("{folder}/nested.md"), nested_md.into_bytes(), "markwordquote"),
        hostile(
            &format!("{folder}/invalid.json"),
            format!("{{\"title\": \"Broken\", \"text\": \"{} markwordjson", prose("x")).into_bytes(),
            "markwordjson",
        ),
        hostile(&format!("{folder}/not-json.json"), b"[{]} ,,, \xff {\"text\": 1}".to_vec(), "markwordnone"),
        hostile(
            &format!("{folder}/deep.json"),
            format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)).into_bytes(),
            "markwordnone",
        ),
        hostile(
            &format!("{folder}/wrong-types.json"),
            br#"{"title": ["a", {"b": null}], "text": {"nested": true}, "date": 12, "lang": 5}"#.to_vec(),
            "markwordnone",
        ),
        hostile(
            &format!("{folder}/mixed.jsonl"),
            format!(
                "{}\n{{broken line\n{}\n",
                serde_json::json!({"url": "https://example.org/a", "title": "A", "text": prose("markwordjsonlgood")}),
                serde_json::json!({"url": "https://example.org/b", "title": "B", "text": prose("markwordjsonlsecond")}),
            )
            .into_bytes(),
            "markwordjsonlgood",
        ),
    ]
}

fn entity_declarations() -> String {
    let mut declarations = String::from("<!ENTITY lol \"lol\">");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", level - 1)
        };
        declarations.push_str(&format!(
            "<!ENTITY lol{level} \"{}\">",
            format!("&{previous};").repeat(10)
        ));
    }
    declarations
}

/// The billion laughs: nine levels of ten entity references each (10^9 `lol`s, 3 GB).
pub fn entity_bomb(root: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE {root} [{}]>\n<{root}><P>{} &lol9;</P></{root}>",
        entity_declarations(),
        prose("markwordbomb")
    )
}

/// Writes a text file of one line of `bytes` bytes (no newline), `word` at both ends.
pub fn write_long_line(path: &Path, bytes: usize, word: &str) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    let mut rng = Rng::new(99);
    let mut written = 0;
    let head = format!("{word} ");
    file.write_all(head.as_bytes()).expect("write");
    written += head.len();
    let tail = format!(" {word}");
    while written + tail.len() + 16 < bytes {
        let w = VOCABULARY[rng.below(VOCABULARY.len())];
        file.write_all(w.as_bytes()).expect("write");
        file.write_all(b" ").expect("write");
        written += w.len() + 1;
    }
    file.write_all(tail.as_bytes()).expect("write");
    file.flush().expect("flush");
}

// ----- PDFs -------------------------------------------------------------------------------

use lopdf::{Document, Object, ObjectId, Stream, dictionary};

/// A content stream showing `lines` in 11 pt Helvetica from the top of the page.
pub fn text_content(lines: &[String]) -> String {
    let mut content = String::from("BT /F1 11 Tf 14 TL 72 760 Td");
    for line in lines {
        let escaped = line
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        content.push_str(&format!(" ({escaped}) Tj T*"));
    }
    content.push_str(" ET");
    content
}

/// A document with one page per content stream (Helvetica as `/F1`) and its page tree root.
pub fn pdf_document(contents: &[String]) -> (Document, ObjectId) {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let kids: Vec<Object> = contents
        .iter()
        .map(|content| {
            let stream = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
            let page = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            });
            Object::Reference(page)
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    (doc, pages_id)
}

/// The bytes of a document.
pub fn pdf_bytes(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("an in-memory PDF saves");
    bytes
}

/// Lines of prose for a PDF page carrying `word`.
pub fn pdf_lines(word: &str) -> Vec<String> {
    vec![
        format!("The committee examined the {word} report on harbour safety and"),
        "concluded that the member states should exchange information about".to_string(),
        "lighthouses, storms and the training of keepers before the year ends.".to_string(),
    ]
}

/// A readable one-page PDF carrying `word`.
pub fn good_pdf(word: &str) -> Vec<u8> {
    pdf_bytes(pdf_document(&[text_content(&pdf_lines(word))]).0)
}

/// zlib data that inflates to `size` zero bytes: one literal, then copies of 258 bytes at
/// distance 1 in one fixed-Huffman block (RFC 1951, 3.2.6), then the Adler-32 of the output.
pub fn deflate_bomb(size: usize) -> Vec<u8> {
    let copies = size.saturating_sub(1) / 258;
    let inflated = 1 + copies * 258;
    let mut bytes = vec![0x78, 0x9C];
    let mut current = 0u8;
    let mut filled = 0;
    let mut put = |value: u32, length: u32, bytes: &mut Vec<u8>| {
        for i in (0..length).rev() {
            current |= u8::from(value >> i & 1 == 1) << filled;
            filled += 1;
            if filled == 8 {
                bytes.push(current);
                current = 0;
                filled = 0;
            }
        }
    };
    // Header bits are written least significant first, Huffman codes most significant first.
    put(1, 1, &mut bytes); // BFINAL
    put(0b10, 2, &mut bytes); // BTYPE 01 (fixed), LSB first: 1 then 0
    put(0x30, 8, &mut bytes); // literal 0
    for _ in 0..copies {
        put(0xC5, 8, &mut bytes); // length code 285: 258 bytes
        put(0, 5, &mut bytes); // distance code 0: distance 1
    }
    put(0, 7, &mut bytes); // end of block
    if filled > 0 {
        bytes.push(current);
    }
    let b = (inflated % 65521) as u32;
    bytes.extend(((b << 16) | 1).to_be_bytes());
    bytes
}

/// A PDF whose second page's content stream inflates to `size` bytes of zeros.
pub fn flate_bomb_pdf(word: &str, size: usize) -> Vec<u8> {
    let (mut doc, _) = pdf_document(&[text_content(&pdf_lines(word)), String::new()]);
    let bomb = Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        deflate_bomb(size),
    )
    .with_compression(false);
    let bomb = doc.add_object(bomb);
    let second = doc.page_iter().nth(1);
    if let Some(page) = second
        && let Ok(page) = doc.get_dictionary_mut(page)
    {
        page.set("Contents", Object::Reference(bomb));
    }
    pdf_bytes(doc)
}

/// A PDF whose page tree has cycles: the root lists itself, and an intermediate node lists
/// the root again.
pub fn cyclic_pages_pdf(word: &str) -> Vec<u8> {
    let (mut doc, pages_id) = pdf_document(&[text_content(&pdf_lines(word))]);
    let middle = doc.add_object(dictionary! {
        "Type" => "Pages", "Parent" => pages_id, "Kids" => vec![Object::Reference(pages_id)], "Count" => 1,
    });
    if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(pages_id)
        && let Ok(Object::Array(kids)) = pages.get_mut(b"Kids")
    {
        kids.push(Object::Reference(pages_id));
        kids.push(Object::Reference(middle));
        pages.set("Parent", Object::Reference(middle));
    }
    pdf_bytes(doc)
}

/// A PDF claiming 2^40 pages, and one whose page tree lists one page a million times.
pub fn huge_page_count_pdfs(word: &str) -> (Vec<u8>, Vec<u8>) {
    let (mut claimed, pages_id) = pdf_document(&[text_content(&pdf_lines(word))]);
    if let Ok(Object::Dictionary(pages)) = claimed.get_object_mut(pages_id) {
        pages.set("Count", 1i64 << 40);
    }
    let (mut repeated, pages_id) = pdf_document(&[text_content(&pdf_lines(word))]);
    if let Ok(Object::Dictionary(pages)) = repeated.get_object_mut(pages_id)
        && let Ok(Object::Array(kids)) = pages.get_mut(b"Kids")
    {
        let page = kids.first().cloned().unwrap_or(Object::Null);
        *kids = vec![page; 1_000_000];
        pages.set("Count", 1_000_000i64);
    }
    (pdf_bytes(claimed), pdf_bytes(repeated))
}

/// A readable PDF whose cross-reference table points everywhere but at its objects.
pub fn broken_xref_pdf(word: &str) -> Vec<u8> {
    let bytes = good_pdf(word);
    let Some(at) = bytes.windows(5).rposition(|w| w == b"xref\n") else {
        return bytes;
    };
    let (head, table) = bytes.split_at(at);
    let mut text = String::from_utf8_lossy(table).into_owned();
    let mut broken = String::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim_end().len() == 18 && line.trim_end().ends_with(" n") {
            broken.push_str(&format!("{:010} 00000 n\r\n", 7 + n * 13));
        } else {
            broken.push_str(line);
            broken.push('\n');
        }
    }
    text = broken.replace("startxref\n", "startxref\n9");
    let mut out = head.to_vec();
    out.extend(text.into_bytes());
    out
}

/// A PDF that needs the user password `secret` (RC4, 128-bit), carrying `word` inside.
pub fn encrypted_pdf(word: &str) -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions, StringFormat};
    let (mut doc, _) = pdf_document(&[text_content(&pdf_lines(word))]);
    let id = Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::PRINTABLE,
    };
    let state = EncryptionState::try_from(version).expect("valid encryption settings");
    doc.encrypt(&state).expect("the document encrypts");
    pdf_bytes(doc)
}

/// A PDF written by hand, object by object, with its offsets.
struct RawPdf {
    bytes: Vec<u8>,
    offsets: Vec<(u32, usize)>,
}

impl RawPdf {
    fn new() -> RawPdf {
        RawPdf {
            bytes: b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n".to_vec(),
            offsets: Vec::new(),
        }
    }

    fn object(&mut self, number: u32, body: &[u8]) -> usize {
        let at = self.bytes.len();
        self.offsets.push((number, at));
        self.bytes.extend(format!("{number} 0 obj\n").into_bytes());
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
        at
    }

    fn stream(&mut self, number: u32, dict: &str, data: &[u8]) -> usize {
        let mut body = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.object(number, &body)
    }

    /// The page tree of one page showing `word`, as objects 1 to 5.
    fn text_page(&mut self, word: &str, resources: &str) {
        self.object(1, b"<< /Type /Catalog /Pages 2 0 R >>");
        self.object(2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        self.object(
            3,
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>").as_bytes(),
        );
        self.stream(4, "", text_content(&pdf_lines(word)).as_bytes());
        self.object(5, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    }
}

/// An object stream that holds itself and extends itself, two object streams extending each
/// other, and a cross-reference stream whose `/Prev` is itself.
pub fn object_stream_loop_pdf(word: &str) -> Vec<u8> {
    let mut pdf = RawPdf::new();
    pdf.text_page(
        word,
        "<< /Font << /F1 5 0 R >> /Properties << /P1 7 0 R /P2 11 0 R >> >>",
    );
    let member = b"6 0 << /Type /ObjStm /N 1 /First 4 /Extends 6 0 R >>";
    pdf.stream(6, "/Type /ObjStm /N 1 /First 4 /Extends 6 0 R", member);
    pdf.stream(
        8,
        "/Type /ObjStm /N 1 /First 5 /Extends 9 0 R",
        b"11 0 << /Loop 12 0 R >>",
    );
    pdf.stream(
        9,
        "/Type /ObjStm /N 1 /First 5 /Extends 8 0 R",
        b"12 0 << /Loop 11 0 R >>",
    );
    let xref_at = pdf.bytes.len();
    let size = 13u32;
    let mut entries = Vec::new();
    for number in 0..size {
        let offset = pdf
            .offsets
            .iter()
            .find(|(n, _)| *n == number)
            .map(|(_, at)| *at);
        let (kind, field2, field3): (u8, u32, u16) = match (number, offset) {
            (6, _) => (2, 6, 0), // object 6 is said to live inside object stream 6
            (7, _) => (2, 6, 0),
            (11, _) => (2, 8, 0),
            (12, _) => (2, 9, 0),
            (10, _) => (1, xref_at as u32, 0),
            (_, Some(at)) => (1, at as u32, 0),
            (_, None) => (0, 0, 65535),
        };
        entries.push(kind);
        entries.extend(field2.to_be_bytes());
        entries.extend(field3.to_be_bytes());
    }
    pdf.stream(
        10,
        &format!("/Type /XRef /Size {size} /W [1 4 2] /Root 1 0 R /Prev {xref_at}"),
        &entries,
    );
    pdf.bytes
        .extend(format!("startxref\n{xref_at}\n%%EOF\n").into_bytes());
    pdf.bytes
}

/// Two classic cross-reference sections whose trailers' `/Prev` point at each other.
pub fn xref_prev_loop_pdf(word: &str) -> Vec<u8> {
    let mut pdf = RawPdf::new();
    pdf.text_page(word, "<< /Font << /F1 5 0 R >> >>");
    // `/Prev` is written with a fixed width, so a section's length does not depend on it.
    let section = |pdf: &RawPdf, prev: usize| {
        let mut text = String::from("xref\n0 6\n0000000000 65535 f\r\n");
        for number in 1..6 {
            let at = pdf
                .offsets
                .iter()
                .find(|(n, _)| *n == number)
                .map(|(_, a)| *a)
                .unwrap_or(0);
            text.push_str(&format!("{at:010} 00000 n\r\n"));
        }
        text.push_str(&format!(
            "trailer\n<< /Size 6 /Root 1 0 R /Prev {prev:010} >>\n"
        ));
        text
    };
    let first = pdf.bytes.len();
    let second = first + section(&pdf, 0).len();
    let text = section(&pdf, second) + &section(&pdf, first);
    pdf.bytes.extend(text.into_bytes());
    pdf.bytes
        .extend(format!("startxref\n{second}\n%%EOF\n").into_bytes());
    pdf.bytes
}
