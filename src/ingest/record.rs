//! Version records: the `meta.json` a EUR-Lex crawl keeps beside the files of one version of
//! an act (`works/<celex>/versions/<date>--<hash>/{en.xml, fr.html, meta.json}`).
//!
//! A record says what the files cannot always say themselves: the act's CELEX number (the
//! consolidated one, `02023R0914-20241128`, for a consolidated text), its date and its
//! official title in each language. Its metadata fills what a file's own markup leaves out,
//! and its title replaces a page's `<title>` (EUR-Lex's reads `… - EN - EUR-Lex`); the
//! record itself is not a document and is not indexed.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::extract::Metadata;
use super::metadata::is_celex;
use crate::limits;
use crate::model::{Date, DateSpan};

/// File name of a version record.
pub const RECORD_NAME: &str = "meta.json";

/// The parts of a record polidex reads; every other key is ignored.
#[derive(Debug, Deserialize)]
struct Record {
    /// `http://publications.europa.eu/resource/celex/32023R0914`.
    work_identifier: Option<String>,
    /// The same for this version: `…/celex/02023R0914-20241128` when consolidated.
    publisher_version_identifier: Option<String>,
    publication_date: Option<String>,
    valid_from: Option<String>,
    #[serde(default)]
    expressions: Vec<Expression>,
}

/// One language of the version.
#[derive(Debug, Deserialize)]
struct Expression {
    language: Option<String>,
    title: Option<String>,
    #[serde(default)]
    observations: Vec<Observation>,
}

/// One file of an expression.
#[derive(Debug, Deserialize)]
struct Observation {
    file: Option<String>,
}

/// Whether `path` is a version record rather than a document.
pub fn is_record(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == RECORD_NAME) && read(path).is_some()
}

/// What the version record beside `path` says of it, if there is one.
pub fn metadata_for(path: &Path) -> Option<Metadata> {
    let name = path.file_name()?.to_str()?;
    let record = read(&path.with_file_name(RECORD_NAME))?;
    Some(record.metadata_for(name))
}

/// The record at `path`: `None` when it is missing, too large or not a version record.
fn read(path: &Path) -> Option<Record> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(limits::MAX_RECORD_BYTES + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() as u64 > limits::MAX_RECORD_BYTES {
        return None;
    }
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Option<Record> {
    let record: Record = serde_json::from_slice(bytes).ok()?;
    record.celex().is_some().then_some(record)
}

impl Record {
    /// The act's CELEX number (never the consolidated one).
    fn celex(&self) -> Option<String> {
        self.work_identifier
            .as_deref()
            .and_then(celex_in_uri)
            .filter(|celex| !celex.contains('-'))
    }

    /// The date of the consolidated version this record describes, if it is one.
    fn consolidated(&self) -> Option<Date> {
        let version = self
            .publisher_version_identifier
            .as_deref()
            .and_then(celex_in_uri)?;
        let (_, date) = version.split_once('-')?;
        Date::from_number(date.parse().ok()?)
    }

    /// The metadata of the file called `name` in the record's folder.
    fn metadata_for(&self, name: &str) -> Metadata {
        let expression = self.expression_of(name);
        Metadata {
            title: expression
                .and_then(|e| e.title.clone())
                .filter(|t| !t.trim().is_empty()),
            date: [&self.publication_date, &self.valid_from]
                .into_iter()
                .flatten()
                .find_map(|d| iso_date(d)),
            lang: expression
                .and_then(|e| e.language.as_deref())
                .and_then(|l| l.parse().ok()),
            celex: self.celex(),
            consolidated: self.consolidated(),
            ..Metadata::default()
        }
    }

    /// The expression that lists the file among its observations, else the one whose
    /// language the file is named after (`en.xml`).
    fn expression_of(&self, name: &str) -> Option<&Expression> {
        let listed = self.expressions.iter().find(|e| {
            e.observations
                .iter()
                .any(|o| o.file.as_deref() == Some(name))
        });
        let stem = name.split('.').next().unwrap_or(name);
        listed.or_else(|| {
            self.expressions
                .iter()
                .find(|e| e.language.as_deref() == Some(stem))
        })
    }
}

/// The day a `YYYY-MM-DD` date (or timestamp) names.
fn iso_date(text: &str) -> Option<Date> {
    let span: DateSpan = text.get(..10)?.parse().ok()?;
    (span.first == span.last).then_some(span.first)
}

/// `32023R0914` from `http://publications.europa.eu/resource/celex/32023R0914`.
fn celex_in_uri(uri: &str) -> Option<String> {
    let (_, tail) = uri.rsplit_once("/celex/")?;
    let celex = tail.to_uppercase();
    let act = celex.split('-').next().unwrap_or(&celex);
    is_celex(act).then_some(celex)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGINAL: &str = r#"{
        "work_identifier": "http://publications.europa.eu/resource/celex/32017R1486",
        "publisher_version_identifier": "http://publications.europa.eu/resource/celex/32017R1486",
        "publication_date": "2017-07-10",
        "document_type": "REG_IMPL",
        "expressions": [
            {"language": "en", "title": "Commission Implementing Regulation (EU) 2017/1486 of 10 July 2017",
             "observations": [{"file": "en.html", "sha256": "89a7"}]},
            {"language": "fr", "title": "Règlement d'exécution (UE) 2017/1486 de la Commission du 10 juillet 2017",
             "observations": [{"file": "fr.xml"}]}
        ],
        "events": [{"event": "first_sighting"}]
    }"#;

    #[test]
    fn a_record_gives_each_file_its_act_date_language_and_title() {
        let record = parse(ORIGINAL.as_bytes()).expect("a version record");
        let fr = record.metadata_for("fr.xml");
        assert_eq!(fr.celex.as_deref(), Some("32017R1486"));
        assert_eq!(fr.consolidated, None);
        assert_eq!(fr.date, Date::new(2017, 7, 10));
        assert_eq!(fr.lang, Some(crate::lang::Lang::Fr));
        assert!(
            fr.title
                .is_some_and(|t| t.starts_with("Règlement d'exécution"))
        );
        // Not listed: the language its name starts with.
        let en = record.metadata_for("en.xml");
        assert!(
            en.title
                .is_some_and(|t| t.starts_with("Commission Implementing"))
        );
    }

    #[test]
    fn a_consolidated_version_keeps_the_act_and_its_date() {
        let record = parse(
            br#"{"work_identifier": "http://publications.europa.eu/resource/celex/32023R0914",
                 "publisher_version_identifier": "http://publications.europa.eu/resource/celex/02023R0914-20241128",
                 "publication_date": "2024-11-28"}"#,
        )
        .expect("a version record");
        let meta = record.metadata_for("en.html");
        assert_eq!(meta.celex.as_deref(), Some("32023R0914"));
        assert_eq!(meta.consolidated, Date::new(2024, 11, 28));
        assert_eq!(meta.title, None);
    }

    #[test]
    fn other_json_is_no_record() {
        for json in [
            &br#"{"url": "x", "content": "Artikel 1", "source": "EUR LEX"}"#[..],
            br#"{"work_identifier": "https://example.org/about"}"#,
            br#"[1, 2]"#,
            b"not json",
        ] {
            assert!(parse(json).is_none());
        }
    }
}
