//! Test support: versions to index and fresh indexes of them.

use super::reader::{IndexHandle, Snapshot};
use super::writer::Writer;
use super::{IndexedUnit, VersionDoc};
use crate::lang::Lang;
use crate::model::Kind;

/// A version of `doc_id` in `lang`, in a file of its own, with one unit per text (`p_1`,
/// `p_2`, …; a single text is the whole document).
pub fn version_of(doc_id: &str, lang: Lang, texts: &[&str]) -> VersionDoc {
    let file = format!("{doc_id}.{}.txt", lang.code());
    let whole = texts.len() == 1;
    VersionDoc {
        file_key: file.clone(),
        version: format!("{file}#0"),
        path: file.clone(),
        hash: file,
        identity: String::new(),
        doc_id: doc_id.to_string(),
        lang,
        kind: Kind::Other,
        title: doc_id.to_string(),
        date: None,
        publisher: None,
        base: None,
        units: texts
            .iter()
            .enumerate()
            .map(|(i, text)| IndexedUnit {
                unit: (!whole).then(|| format!("p_{}", i + 1)),
                lang,
                text_lang: lang,
                heading: None,
                heading_indexed: false,
                text: text.to_string(),
                cites: Vec::new(),
                defines: Vec::new(),
            })
            .collect(),
    }
}

/// A version of `doc_id` holding `text` as its whole document.
pub fn version(doc_id: &str, lang: Lang, text: &str) -> VersionDoc {
    version_of(doc_id, lang, &[text])
}

/// A snapshot of a fresh index of `versions` (and the folder it lives in).
pub fn indexed(versions: &[VersionDoc]) -> (tempfile::TempDir, Snapshot) {
    indexed_in_commits(&[versions])
}

/// A snapshot of a fresh index written by one thread, one commit (and so one segment) per
/// slice of `commits`.
pub fn indexed_in_commits(commits: &[&[VersionDoc]]) -> (tempfile::TempDir, Snapshot) {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = Writer::open(dir.path(), false, 1).unwrap();
    for versions in commits {
        for version in *versions {
            writer.add(version).unwrap();
        }
        writer.commit().unwrap();
    }
    drop(writer);
    let snapshot = IndexHandle::open(dir.path(), false)
        .unwrap()
        .snapshot()
        .unwrap();
    (dir, snapshot)
}
