//! The sidecar catalogue: metadata a user adds or corrects without touching the documents.
//!
//! A `polidex.catalog.jsonl` file in any folder holds one JSON object per line; `path` names
//! a file or a folder (ending in `/`) relative to the catalogue's folder, and the other keys
//! override what polidex would find itself. The format is documented in `corpus/README.md`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::walk::{FileEntry, WalkProblem};
use crate::lang::Lang;
use crate::limits;
use crate::model::{Date, Kind};

/// One catalogue line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    /// File or folder (ending in `/`) the entry applies to, relative to the catalogue.
    pub path: String,
    /// Document id (a CELEX number for EU acts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// Date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Language (an unknown code is an error on its line).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Publisher or source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Do not index the file (or folder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip: Option<bool>,
}

/// Every catalogue entry of a run, with the folder each applies from.
#[derive(Debug, Default)]
pub struct Catalog {
    entries: Vec<(PathBuf, CatalogEntry)>,
}

/// What went wrong reading catalogue files.
#[derive(Debug, Default)]
pub struct CatalogProblems {
    /// Catalogue files that could not be read at all.
    pub unreadable: Vec<WalkProblem>,
    /// Lines left out (not JSON, or not a catalogue entry).
    pub lines: Vec<WalkProblem>,
}

impl Catalog {
    /// Reads catalogue files; a bad line is reported and ignored, the others still apply.
    pub fn load(files: &[FileEntry]) -> (Catalog, CatalogProblems) {
        let mut catalog = Catalog::default();
        let mut problems = CatalogProblems::default();
        for file in files {
            let base = file.abs.parent().map(Path::to_path_buf).unwrap_or_default();
            let text = match read_catalog(&file.abs) {
                Ok(text) => text,
                Err(error) => {
                    problems.unreadable.push(WalkProblem {
                        path: file.rel.clone(),
                        reason: error.to_string().to_lowercase(),
                    });
                    continue;
                }
            };
            for (number, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                match serde_json::from_str::<CatalogEntry>(line) {
                    Ok(entry) => catalog.entries.push((base.clone(), entry)),
                    Err(error) => problems.lines.push(WalkProblem {
                        path: file.rel.clone(),
                        reason: format!(
                            "{}: left out, the other lines apply",
                            super::json_line_problem(number + 1, &error)
                        ),
                    }),
                }
            }
        }
        (catalog, problems)
    }

    /// What the catalogue says of the file at `abs`: every entry that names it or a folder
    /// above it, merged key by key; an entry naming the file wins over one naming a folder,
    /// a deeper folder over a shallower one, a later line over an earlier one.
    pub fn lookup(&self, abs: &Path) -> Option<CatalogEntry> {
        let mut matching: Vec<(bool, usize, usize, &CatalogEntry)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(line, (base, entry))| {
                let target = base.join(entry.path.trim_end_matches('/'));
                let exact = abs == target;
                let inside = entry.path.ends_with('/') && abs.starts_with(&target);
                (exact || inside).then(|| (exact, target.components().count(), line, entry))
            })
            .collect();
        matching.sort_by_key(|(exact, depth, line, _)| (*exact, *depth, *line));
        let (_, _, _, most_specific) = matching.last()?;
        let mut merged = CatalogEntry {
            path: most_specific.path.clone(),
            ..CatalogEntry::default()
        };
        for (_, _, _, entry) in matching {
            merged.overlay(entry);
        }
        Some(merged)
    }
}

impl CatalogEntry {
    /// Takes every key `other` sets.
    fn overlay(&mut self, other: &CatalogEntry) {
        fn take<T: Clone>(slot: &mut Option<T>, value: &Option<T>) {
            if value.is_some() {
                slot.clone_from(value);
            }
        }
        take(&mut self.doc_id, &other.doc_id);
        take(&mut self.title, &other.title);
        take(&mut self.kind, &other.kind);
        take(&mut self.date, &other.date);
        take(&mut self.lang, &other.lang);
        take(&mut self.publisher, &other.publisher);
        take(&mut self.skip, &other.skip);
    }
}

/// A catalogue's text: at most [`limits::MAX_CATALOG_BYTES`], UTF-8.
fn read_catalog(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string().to_lowercase())?;
    let mut bytes = Vec::new();
    file.take(limits::MAX_CATALOG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string().to_lowercase())?;
    if bytes.len() as u64 > limits::MAX_CATALOG_BYTES {
        return Err(format!(
            "catalogue larger than {} MiB",
            limits::MAX_CATALOG_BYTES >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "catalogue is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(lines: &str) -> (Catalog, Vec<WalkProblem>) {
        let dir = tempfile::tempdir().unwrap();
        let abs = dir.path().join("polidex.catalog.jsonl");
        std::fs::write(&abs, lines).unwrap();
        let file = FileEntry {
            root: dir.path().to_path_buf(),
            abs,
            rel: "polidex.catalog.jsonl".into(),
            size: 0,
        };
        let (mut catalog, problems) = Catalog::load(&[file]);
        assert!(problems.unreadable.is_empty());
        for (base, _) in &mut catalog.entries {
            *base = PathBuf::from("/corpus");
        }
        (catalog, problems.lines)
    }

    #[test]
    fn file_entries_beat_folder_entries() {
        let (catalog, problems) = catalog(
            "{\"path\": \"statements/\", \"kind\": \"statement\"}\n{\"path\": \"statements/a.md\", \"kind\": \"blog\", \"date\": \"2021-07-09\"}\n",
        );
        assert!(problems.is_empty());
        let a = catalog
            .lookup(Path::new("/corpus/statements/a.md"))
            .unwrap();
        assert_eq!(a.kind, Some(Kind::Blog));
        let b = catalog
            .lookup(Path::new("/corpus/statements/b.md"))
            .unwrap();
        assert_eq!(b.kind, Some(Kind::Statement));
        assert!(catalog.lookup(Path::new("/corpus/other.md")).is_none());
    }

    #[test]
    fn entries_merge_key_by_key() {
        let (catalog, _) = catalog(
            "{\"path\": \"s/\", \"kind\": \"statement\", \"publisher\": \"EDRi\"}\n{\"path\": \"s/a.md\", \"kind\": \"blog\"}\n",
        );
        let a = catalog.lookup(Path::new("/corpus/s/a.md")).unwrap();
        assert_eq!(a.kind, Some(Kind::Blog));
        assert_eq!(a.publisher.as_deref(), Some("EDRi"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let (catalog, problems) = catalog(
            "{\"path\": \"a\"}\n{\"path\": \"b\", \"colour\": 1}\nnot json\n{\"path\": \"c\", \"lang\": \"xx\"}\n",
        );
        assert_eq!(catalog.entries.len(), 1);
        assert_eq!(problems.len(), 3);
        assert!(
            problems[2]
                .reason
                .starts_with("line 4, column 27: unknown language"),
            "{:?}",
            problems[2]
        );
        assert!(
            problems[0].reason.starts_with("line 2, column "),
            "{:?}",
            problems[0]
        );
    }
}
