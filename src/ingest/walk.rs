//! Finding the files under the indexed roots.
//!
//! The walk is iterative (a 50-level tree or 10,000 files in a folder cost nothing special),
//! sorted (runs are reproducible), skips hidden entries, polidex's own files and the index
//! directory, and does not follow symbolic links unless asked; when it does, it never leaves
//! the root and never enters a directory twice (no loops).

use std::collections::HashSet;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

/// File name of a metadata catalogue (see `corpus/README.md`).
pub const CATALOG_NAME: &str = "polidex.catalog.jsonl";

/// One file found under a root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    /// The canonical root it was found under.
    pub root: PathBuf,
    /// Its path on disk.
    pub abs: PathBuf,
    /// Its path relative to the root, `/`-separated, with undecodable bytes escaped.
    pub rel: String,
    /// Size in bytes when walked.
    pub size: u64,
}

impl FileEntry {
    /// The key the index knows this file by.
    pub fn key(&self) -> String {
        format!("{}|{}", display_path(&self.root), self.rel)
    }
}

/// A problem met while walking, reported as `path: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    /// The path at fault.
    pub path: String,
    /// What is wrong.
    pub reason: String,
}

/// Everything a walk found.
#[derive(Debug, Default)]
pub struct Walked {
    /// Candidate files, sorted by root then relative path.
    pub files: Vec<FileEntry>,
    /// Entries skipped (symlinks not followed, special files).
    pub skipped: u64,
    /// Unreadable directories, broken links, roots that do not exist.
    pub problems: Vec<WalkProblem>,
    /// Metadata catalogues (`polidex.catalog.jsonl`) found on the way.
    pub catalogs: Vec<FileEntry>,
}

/// How to walk.
#[derive(Debug, Clone, Default)]
pub struct WalkOptions {
    /// Follow symbolic links that stay inside the root.
    pub follow_symlinks: bool,
    /// A directory never to enter (the index itself).
    pub exclude: Option<PathBuf>,
}

/// Walks every root. A root that is a file is indexed alone, relative to its directory.
pub fn walk(roots: &[PathBuf], options: &WalkOptions) -> Walked {
    let mut walked = Walked::default();
    let exclude = options
        .exclude
        .as_ref()
        .and_then(|p| fs::canonicalize(p).ok());
    for root in roots {
        match fs::canonicalize(root) {
            Ok(canonical) if canonical.is_file() => add_single_file(&canonical, &mut walked),
            Ok(canonical) if canonical.is_dir() => {
                walk_root(&canonical, options, exclude.as_deref(), &mut walked)
            }
            Ok(_) => walked.problems.push(WalkProblem {
                path: display_path(root),
                reason: "not a regular file or a directory".into(),
            }),
            Err(error) => walked.problems.push(WalkProblem {
                path: display_path(root),
                reason: error.to_string().to_lowercase(),
            }),
        }
    }
    walked
        .files
        .sort_by(|a, b| (&a.root, &a.rel).cmp(&(&b.root, &b.rel)));
    walked.files.dedup_by(|a, b| a.abs == b.abs);
    walked
}

fn add_single_file(path: &Path, walked: &mut Walked) {
    let root = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("/"));
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let rel = path
        .file_name()
        .map(|n| display_path(Path::new(n)))
        .unwrap_or_default();
    walked.files.push(FileEntry {
        root,
        abs: path.to_path_buf(),
        rel,
        size,
    });
}

fn walk_root(root: &Path, options: &WalkOptions, exclude: Option<&Path>, walked: &mut Walked) {
    let mut visited: HashSet<PathBuf> = HashSet::from([root.to_path_buf()]);
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match read_sorted(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                walked.problems.push(WalkProblem {
                    path: display_relative(&dir, root),
                    reason: error,
                });
                continue;
            }
        };
        for path in entries.into_iter().rev() {
            visit(
                &path,
                root,
                options,
                exclude,
                &mut visited,
                &mut stack,
                walked,
            );
        }
    }
}

fn read_sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let reader = fs::read_dir(dir).map_err(|e| e.to_string().to_lowercase())?;
    let mut paths: Vec<PathBuf> = reader.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    Ok(paths)
}

fn visit(
    path: &Path,
    root: &Path,
    options: &WalkOptions,
    exclude: Option<&Path>,
    visited: &mut HashSet<PathBuf>,
    stack: &mut Vec<PathBuf>,
    walked: &mut Walked,
) {
    let Some(name) = path.file_name() else {
        return;
    };
    if name.as_bytes() == CATALOG_NAME.as_bytes() {
        walked.catalogs.push(FileEntry {
            root: root.to_path_buf(),
            abs: path.to_path_buf(),
            rel: display_relative(path, root),
            size: 0,
        });
        return;
    }
    if is_ignored_name(name.as_bytes()) {
        return;
    }
    let Ok(link_meta) = fs::symlink_metadata(path) else {
        return;
    };
    let meta = if link_meta.file_type().is_symlink() {
        match followed_target(path, root, options, walked) {
            Some(meta) => meta,
            None => return,
        }
    } else {
        link_meta
    };
    if meta.is_dir() {
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if exclude == Some(canonical.as_path()) || !visited.insert(canonical) {
            return;
        }
        stack.push(path.to_path_buf());
    } else if meta.is_file() {
        let rel = display_relative(path, root);
        walked.files.push(FileEntry {
            root: root.to_path_buf(),
            abs: path.to_path_buf(),
            rel,
            size: meta.len(),
        });
    } else {
        walked.skipped += 1;
    }
}

/// The metadata of a symlink's target when it may be followed: only when asked, only
/// inside the root. Loops are caught by the visited set.
fn followed_target(
    path: &Path,
    root: &Path,
    options: &WalkOptions,
    walked: &mut Walked,
) -> Option<fs::Metadata> {
    if !options.follow_symlinks {
        walked.skipped += 1;
        return None;
    }
    let target = match fs::canonicalize(path) {
        Ok(target) => target,
        Err(error) => {
            walked.problems.push(WalkProblem {
                path: display_relative(path, root),
                reason: format!("broken symbolic link: {}", error.to_string().to_lowercase()),
            });
            return None;
        }
    };
    if !target.starts_with(root) {
        walked.problems.push(WalkProblem {
            path: display_relative(path, root),
            reason: "symbolic link points outside the indexed tree; not followed".into(),
        });
        return None;
    }
    fs::metadata(&target).ok()
}

/// Hidden entries and polidex's own files are never documents.
fn is_ignored_name(name: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(name).to_lowercase();
    lower.starts_with('.')
        || lower.starts_with("readme")
        || lower.starts_with("manifest")
        || lower.starts_with("license")
        || lower.starts_with("licence")
        || lower.starts_with("notice")
        || lower.starts_with("polidex.")
        || lower == "acts.tsv"
}

/// `path` relative to `root` (as every report names a file), printable; the root itself
/// as it is.
fn display_relative(path: &Path, root: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => display_path(rel),
        _ => display_path(path),
    }
}

/// A path as text: undecodable bytes and control characters escaped (`\xff`, `\n`), so a
/// report line is always one line and two different names never print the same.
pub fn display_path(path: &Path) -> String {
    let bytes = path.as_os_str().as_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn odd_names_display_on_one_line() {
        assert_eq!(display_path(Path::new("a b/c\nd.txt")), "a b/c\\nd.txt");
        assert_eq!(
            display_path(Path::new(OsStr::from_bytes(b"x\xffy"))),
            "x\\xffy"
        );
    }

    #[test]
    fn own_and_hidden_files_are_ignored() {
        assert!(is_ignored_name(b".git"));
        assert!(is_ignored_name(b"README.md"));
        assert!(is_ignored_name(b"polidex.catalog.jsonl"));
        assert!(!is_ignored_name(b"en.oj.xhtml"));
    }
}
