//! Helpers shared by the integration tests: finding the reference corpus, running the
//! binary, and an index of the reference corpus built once per test binary.

#![allow(dead_code)] // each test binary uses its own subset of these helpers

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;

/// The reference corpus: `$POLIDEX_REFERENCE_CORPUS` or `../shared/corpus`. Missing, it skips
/// the calling test with a printed reason, except under `CI=true`, where it fails.
pub fn reference_corpus() -> Option<PathBuf> {
    let candidate = std::env::var_os("POLIDEX_REFERENCE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if candidate.join("legislation").is_dir() {
        return Some(candidate);
    }
    let reason = format!(
        "reference corpus not found at {} (set POLIDEX_REFERENCE_CORPUS)",
        candidate.display()
    );
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{reason}");
    }
    eprintln!("skipped: {reason}");
    None
}

/// The polidex binary, with a clean environment for the index location.
pub fn polidex() -> Command {
    let mut command = Command::cargo_bin("polidex").expect("the polidex binary is built");
    command.env_remove("POLIDEX_INDEX");
    command
}

/// Indexes `corpus` into `index` and asserts the run succeeded.
pub fn index_into(corpus: &Path, index: &Path) {
    let output = index_output(corpus, index);
    assert!(
        output.status.success(),
        "indexing failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Indexes `corpus` into `index`; the run's exit status and output, whatever they are.
pub fn index_output(corpus: &Path, index: &Path) -> std::process::Output {
    polidex()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .expect("polidex runs")
}

/// An index of the whole reference corpus, built once per test binary.
pub fn corpus_index() -> Option<&'static Path> {
    static INDEX: OnceLock<Option<PathBuf>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let corpus = reference_corpus()?;
            let binary = std::env::current_exe()
                .ok()?
                .file_stem()?
                .to_string_lossy()
                .into_owned();
            let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("corpus-index-{binary}"));
            let _ = std::fs::remove_dir_all(&dir);
            index_into(&corpus, &dir);
            Some(dir)
        })
        .as_deref()
}

/// Runs `polidex` with `args` against `index` and returns (exit code, stdout, stderr).
pub fn run(index: &Path, args: &[&str]) -> (i32, String, String) {
    let output = polidex()
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .expect("polidex runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Runs a search with `--format json` and parses the answer.
pub fn search_json(index: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let (code, stdout, stderr) = run(index, &all);
    assert!(
        code == 0 || code == 1,
        "search {args:?} failed ({code}): {stderr}"
    );
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("search {args:?}: bad json {e}: {stdout}"))
}

/// Writes `files` (relative path → content) under a new temporary directory.
pub fn corpus_of(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, content) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(full, content).expect("write fixture");
    }
    dir
}

/// Indexes `corpus` into a fresh folder; returns it with the exit code, stdout and stderr.
pub fn index_fresh(corpus: &Path) -> (tempfile::TempDir, Option<i32>, String, String) {
    let index = tempfile::tempdir().expect("temp dir");
    let output = index_output(corpus, index.path());
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (index, output.status.code(), stdout, stderr)
}
