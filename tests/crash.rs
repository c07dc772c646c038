//! Crashes and concurrency: `kill -9` at several moments of a real `index` run, a run right
//! after a kill (no stale lock), two runs on one index, searches during a run.
//!
//! The corpus is generated once per test binary: a small `base` folder committed first and
//! a `bulk` folder big enough that a run takes a few seconds. Every document carries its own
//! word ([`generate::corpus_word`]), so "findable exactly once" checks it is indexed and not
//! duplicated.

mod generate;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use generate::{Watched, corpus_word};

const BASE_FILES: usize = 40;
const BULK_FILES: usize = 2_000;
const WORDS_PER_FILE: usize = 1_200;

/// The two corpus folders, generated once.
fn corpus() -> &'static (PathBuf, PathBuf) {
    static CORPUS: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash-corpus");
        let _ = std::fs::remove_dir_all(&dir);
        let (base, bulk) = (dir.join("base"), dir.join("bulk"));
        generate::write_corpus(&base, "notes", 0, BASE_FILES, WORDS_PER_FILE);
        generate::write_corpus(&bulk, "reports", BASE_FILES, BULK_FILES, WORDS_PER_FILE);
        (base, bulk)
    })
}

fn total_files() -> u64 {
    (BASE_FILES + BULK_FILES) as u64
}

/// A sample of documents of each folder: first, last and a few between.
fn sample(first: usize, count: usize) -> Vec<usize> {
    vec![
        first,
        first + count / 3,
        first + count / 2,
        first + count - 1,
    ]
}

fn spawn_index(roots: &[&Path], index: &Path, extra: &[&str]) -> Watched {
    let mut command = generate::polidex();
    command
        .arg("index")
        .args(roots)
        .arg("--index")
        .arg(index)
        .args(extra);
    Watched::spawn(&mut command)
}

fn index_base(index: &Path) {
    let (base, _) = corpus();
    generate::index(&[base], index, &[]).assert_completed();
}

/// `stats --format json`: exit code and document count.
fn stats(index: &Path) -> (Option<i32>, Option<u64>, String) {
    let finished = generate::run(index, &["stats", "--format", "json"]);
    let documents = serde_json::from_str::<serde_json::Value>(&finished.stdout)
        .ok()
        .and_then(|v| v["documents"].as_u64());
    (finished.code(), documents, finished.stderr)
}

/// Checks a complete index: every document once, the sampled words found exactly once.
fn assert_complete(index: &Path) {
    let (code, documents, stderr) = stats(index);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(documents, Some(total_files()), "documents after completion");
    for n in sample(0, BASE_FILES)
        .into_iter()
        .chain(sample(BASE_FILES, BULK_FILES))
    {
        assert_eq!(
            generate::search_total(index, &corpus_word(n)),
            1,
            "document {n} is findable exactly once"
        );
    }
}

/// Runs the full index once, fresh, and returns how long it took.
fn full_run_duration() -> Duration {
    static DURATION: OnceLock<Duration> = OnceLock::new();
    *DURATION.get_or_init(|| {
        let (base, bulk) = corpus();
        let index = tempfile::tempdir().expect("temp dir");
        let run = generate::index(&[base, bulk], index.path(), &[]);
        let summary = run.assert_completed();
        assert_eq!(summary.indexed, total_files(), "{summary:?}");
        run.assert_memory_within_budget("crash corpus");
        assert_complete(index.path());
        run.finished.elapsed
    })
}

/// Kills an `index` run after `after`; returns whether it was still running then.
fn kill_after(roots: &[&Path], index: &Path, extra: &[&str], after: Duration) -> bool {
    let mut run = spawn_index(roots, index, extra);
    let start = Instant::now();
    while start.elapsed() < after && run.is_running() {
        std::thread::sleep(Duration::from_millis(1));
    }
    let killed = run.is_running();
    if killed {
        run.kill_group();
    }
    let finished = run.finish(Duration::from_secs(10));
    if !killed {
        assert_eq!(finished.code(), Some(0), "{}", finished.describe());
    }
    killed
}

/// After a kill: the index opens and answers with a committed state.
fn assert_answers_after_kill(index: &Path, committed_base: bool) {
    let (code, documents, stderr) = stats(index);
    if !committed_base && code == Some(2) {
        // Killed before anything was committed: the only acceptable error is "no index".
        assert!(stderr.contains("no index here"), "{stderr}");
        return;
    }
    if !committed_base && code == Some(1) {
        // Killed after the empty index was created, before the first documents were
        // committed: `stats` finds nothing (exit 1), and says so with a count of 0.
        assert_eq!(documents, Some(0), "{stderr}");
        return;
    }
    assert_eq!(code, Some(0), "stats after a kill: {stderr}");
    let documents = documents.unwrap_or(0);
    let floor = if committed_base { BASE_FILES as u64 } else { 0 };
    assert!(
        (floor..=total_files()).contains(&documents),
        "{documents} documents after a kill"
    );
    if committed_base {
        for n in sample(0, BASE_FILES) {
            assert_eq!(
                generate::search_total(index, &corpus_word(n)),
                1,
                "committed document {n}"
            );
        }
    }
    for n in sample(BASE_FILES, BULK_FILES) {
        assert!(generate::search_total(index, &corpus_word(n)) <= 1);
    }
}

#[test]
fn kill_9_at_any_moment_leaves_a_working_index_and_the_next_run_completes() {
    let full = full_run_duration();
    let (base, bulk) = corpus();
    let mut points: Vec<Duration> = [5, 60, 250]
        .into_iter()
        .map(Duration::from_millis)
        .collect();
    points.extend([0.25, 0.5, 0.75, 0.9, 0.97].map(|f| full.mul_f64(f)));
    println!("full run: {full:?}; kill points: {points:?}");
    for (i, after) in points.iter().enumerate() {
        let committed_base = i % 2 == 0;
        let index = tempfile::tempdir().expect("temp dir");
        if committed_base {
            index_base(index.path());
        }
        let killed = kill_after(&[base, bulk], index.path(), &[], *after);
        assert_answers_after_kill(index.path(), committed_base);
        let (_, documents, _) = stats(index.path());
        // Right after the kill: no stale lock, and the run completes the index.
        let rerun = generate::index(&[base, bulk], index.path(), &[]);
        let summary = rerun.assert_completed();
        println!(
            "kill after {after:?} (base committed: {committed_base}): killed {killed}, \
             {documents:?} documents after the kill; next run indexed {}, unchanged {}",
            summary.indexed, summary.unchanged
        );
        assert_eq!(
            summary.indexed + summary.unchanged,
            total_files(),
            "{summary:?}"
        );
        assert_complete(index.path());
    }
}

#[test]
fn a_killed_rebuild_keeps_the_previous_index() {
    let full = full_run_duration();
    let (base, bulk) = corpus();
    let index = tempfile::tempdir().expect("temp dir");
    generate::index(&[base, bulk], index.path(), &[]).assert_completed();
    for fraction in [0.3, 0.8] {
        let killed = kill_after(
            &[base, bulk],
            index.path(),
            &["--rebuild"],
            full.mul_f64(fraction),
        );
        println!(
            "rebuild killed after {:?}: {killed}",
            full.mul_f64(fraction)
        );
        assert_complete(index.path());
    }
    let again = generate::index(&[base, bulk], index.path(), &[]).assert_completed();
    assert_eq!(again.unchanged, total_files(), "{again:?}");
}

#[test]
fn a_second_run_is_refused_while_one_runs_and_nothing_is_corrupted() {
    let full = full_run_duration();
    let (base, bulk) = corpus();
    let index = tempfile::tempdir().expect("temp dir");
    index_base(index.path());
    let mut overlapped = 0;
    for _ in 0..3 {
        let mut first = spawn_index(&[base, bulk], index.path(), &["--rebuild"]);
        std::thread::sleep(full.mul_f64(0.1).min(Duration::from_millis(500)));
        let second = generate::run(index.path(), &["index", base.to_str().expect("utf-8 path")]);
        let first_running = first.is_running();
        let first = first.finish(generate::HANG_BUDGET);
        assert_eq!(first.code(), Some(0), "{}", first.describe());
        if !first_running {
            println!("no overlap: the first run ended before the second was refused");
            continue;
        }
        overlapped += 1;
        assert_eq!(second.code(), Some(2), "{}", second.describe());
        let message = second.stderr.trim();
        assert!(
            message.contains("locked by another") && message.lines().count() == 1,
            "{message}"
        );
        println!("second run refused: {message}");
        assert_complete(index.path());
    }
    assert!(overlapped > 0, "the runs never overlapped");
}

#[test]
fn two_runs_started_together_on_a_fresh_index_leave_one_index() {
    let (base, _) = corpus();
    for attempt in 0..5 {
        let index = tempfile::tempdir().expect("temp dir");
        let mut first = spawn_index(&[base], index.path(), &[]);
        let second = spawn_index(&[base], index.path(), &[]);
        let second = second.finish(generate::HANG_BUDGET);
        let first_running = first.is_running();
        let first = first.finish(generate::HANG_BUDGET);
        let codes = (first.code(), second.code());
        println!(
            "attempt {attempt}: exit codes {codes:?} (first still running when the second ended: {first_running})"
        );
        assert!(
            codes.0 == Some(0) || codes.1 == Some(0),
            "neither run succeeded:\n{}\n{}",
            first.describe(),
            second.describe()
        );
        for finished in [&first, &second] {
            if finished.code() != Some(0) {
                assert_eq!(finished.code(), Some(2), "{}", finished.describe());
                assert!(
                    finished.stderr.contains("locked by another"),
                    "a refused run says the index is locked: {}",
                    finished.stderr.trim()
                );
            }
        }
        let (code, documents, stderr) = stats(index.path());
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(documents, Some(BASE_FILES as u64));
    }
}

#[test]
fn searches_keep_answering_while_an_index_run_goes_on() {
    full_run_duration();
    let (base, bulk) = corpus();
    let index = tempfile::tempdir().expect("temp dir");
    index_base(index.path());
    let mut run = spawn_index(&[base, bulk], index.path(), &["--rebuild"]);
    let mut answers = 0;
    let mut after_end = 0;
    let queries = [
        corpus_word(1),
        corpus_word(BASE_FILES + 7),
        "member states".into(),
    ];
    while after_end < 3 {
        if !run.is_running() {
            after_end += 1;
        }
        for query in &queries {
            let finished = generate::run(index.path(), &["search", query, "--format", "json"]);
            assert!(
                matches!(finished.code(), Some(0 | 1)),
                "search {query:?} during an index run: {}",
                finished.describe()
            );
            answers += 1;
        }
        let (code, _, stderr) = stats(index.path());
        assert_eq!(code, Some(0), "stats during an index run: {stderr}");
    }
    let finished = run.finish(generate::HANG_BUDGET);
    assert_eq!(finished.code(), Some(0), "{}", finished.describe());
    println!("{answers} searches answered during the run");
    assert_complete(index.path());
}
