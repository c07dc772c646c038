//! What a commit records about the whole index: which versions are primary, the
//! fingerprint, and the counts `stats` prints. Stored as tantivy's commit payload, so it is
//! always consistent with the documents of the same commit.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::{Date, Kind};

/// Version of the index layout; an index of another layout must be rebuilt.
pub const FORMAT: u32 = 4;

/// The payload of one commit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Payload {
    /// Index layout version.
    pub format: u32,
    /// polidex version that committed.
    pub version: String,
    /// Hash of the indexed content and the polidex version.
    pub fingerprint: String,
    /// Versions that are not their language's primary: hidden from search.
    pub hidden: Vec<String>,
    /// Counts for `stats`.
    pub counts: Counts,
}

/// Counts over the primary versions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Distinct documents.
    pub documents: u64,
    /// Units of primary versions.
    pub units: u64,
    /// Indexed files.
    pub files: u64,
    /// Documents per language.
    pub lang: BTreeMap<String, u64>,
    /// Documents per kind.
    pub kind: BTreeMap<String, u64>,
    /// Documents per year.
    pub year: BTreeMap<String, u64>,
}

/// What the index keeps about one version (from its version record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRecord {
    /// `file_key#n`.
    pub version: String,
    /// The file.
    pub file_key: String,
    /// Path relative to the indexed root.
    pub path: String,
    /// Content hash of the file.
    pub hash: String,
    /// What besides content decided the indexing.
    pub identity: String,
    /// Document id.
    pub doc_id: String,
    /// Language.
    pub lang: Lang,
    /// Kind.
    pub kind: Kind,
    /// Date.
    pub date: Option<Date>,
    /// Number of units.
    pub units: u64,
}

/// Computes the payload of a commit holding exactly `records`.
pub fn compute(records: &[VersionRecord]) -> Payload {
    let primaries = primaries(records);
    let hidden = records
        .iter()
        .filter(|r| !primaries.contains(r.version.as_str()))
        .map(|r| r.version.clone())
        .collect();
    let primary_records: Vec<&VersionRecord> = records
        .iter()
        .filter(|r| primaries.contains(r.version.as_str()))
        .collect();
    Payload {
        format: FORMAT,
        version: env!("CARGO_PKG_VERSION").to_string(),
        fingerprint: fingerprint(records),
        hidden,
        counts: counts(&primary_records, records),
    }
}

/// The primary version of each (document, language): the one with most units, ties broken
/// by path so the choice is stable.
fn primaries(records: &[VersionRecord]) -> BTreeSet<&str> {
    let mut best: HashMap<(&str, Lang), &VersionRecord> = HashMap::new();
    for record in records {
        let key = (record.doc_id.as_str(), record.lang);
        let better = match best.get(&key) {
            Some(current) => {
                (record.units, std::cmp::Reverse(&record.path))
                    > (current.units, std::cmp::Reverse(&current.path))
            }
            None => true,
        };
        if better {
            best.insert(key, record);
        }
    }
    best.values().map(|r| r.version.as_str()).collect()
}

fn counts(primaries: &[&VersionRecord], all: &[VersionRecord]) -> Counts {
    let mut documents = BTreeSet::new();
    let mut per_lang: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    let mut per_kind: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    let mut per_year: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for record in primaries {
        let doc = record.doc_id.as_str();
        documents.insert(doc);
        per_lang
            .entry(record.lang.code().to_string())
            .or_default()
            .insert(doc);
        per_kind
            .entry(record.kind.name().to_string())
            .or_default()
            .insert(doc);
        if let Some(date) = record.date {
            per_year
                .entry(date.year.to_string())
                .or_default()
                .insert(doc);
        }
    }
    let sizes = |map: BTreeMap<String, BTreeSet<&str>>| {
        map.into_iter().map(|(k, v)| (k, v.len() as u64)).collect()
    };
    let files: BTreeSet<&str> = all.iter().map(|r| r.file_key.as_str()).collect();
    Counts {
        documents: documents.len() as u64,
        units: primaries.iter().map(|r| r.units).sum(),
        files: files.len() as u64,
        lang: sizes(per_lang),
        kind: sizes(per_kind),
        year: sizes(per_year),
    }
}

/// A hash of what is indexed (paths, content hashes, ids, the metadata a catalogue or a
/// record gave) and of the polidex version; independent of where the corpus lies on disk.
fn fingerprint(records: &[VersionRecord]) -> String {
    let mut lines: Vec<String> = records
        .iter()
        .map(|r| {
            let date = r.date.map(|d| d.to_string()).unwrap_or_default();
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{date}\t{}",
                r.path,
                r.hash,
                r.doc_id,
                r.lang,
                r.units,
                r.kind.name(),
                r.identity
            )
        })
        .collect();
    lines.sort();
    let mut hasher = blake3::Hasher::new();
    hasher.update(format!("polidex {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
    for line in lines {
        hasher.update(line.as_bytes());
        hasher.update(b"\n");
    }
    hasher.finalize().to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(version: &str, path: &str, doc: &str, lang: Lang, units: u64) -> VersionRecord {
        VersionRecord {
            version: version.into(),
            file_key: version.split('#').next().unwrap_or(version).into(),
            path: path.into(),
            hash: format!("h-{path}"),
            identity: String::new(),
            doc_id: doc.into(),
            lang,
            kind: Kind::Legislation,
            date: Date::new(2016, 4, 27),
            units,
        }
    }

    #[test]
    fn the_most_complete_version_is_primary() {
        let records = [
            record("a#0", "x/en.oj.xhtml", "32016R0679", Lang::En, 500),
            record("b#0", "x/en.excerpt.xml", "32016R0679", Lang::En, 20),
            record("c#0", "x/fr.oj.xhtml", "32016R0679", Lang::Fr, 480),
        ];
        let payload = compute(&records);
        assert_eq!(payload.hidden, ["b#0"]);
        assert_eq!(payload.counts.documents, 1);
        assert_eq!(payload.counts.units, 980);
        assert_eq!(payload.counts.lang.get("fr"), Some(&1));
        assert_eq!(payload.counts.year.get("2016"), Some(&1));
    }

    #[test]
    fn fingerprint_ignores_order_and_follows_content() {
        let a = record("a#0", "p1", "d1", Lang::En, 1);
        let b = record("b#0", "p2", "d2", Lang::En, 1);
        assert_eq!(
            compute(&[a.clone(), b.clone()]).fingerprint,
            compute(&[b.clone(), a.clone()]).fingerprint
        );
        let mut changed = b.clone();
        changed.hash = "other".into();
        let mut recatalogued = b.clone();
        recatalogued.identity = "catalogue: another title".into();
        let fingerprint = |r: &VersionRecord| compute(&[a.clone(), r.clone()]).fingerprint;
        assert_ne!(fingerprint(&b), fingerprint(&changed));
        assert_ne!(fingerprint(&b), fingerprint(&recatalogued));
    }
}
