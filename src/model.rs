//! The serde types the outside world sees: what the CLI prints and the HTTP API returns.
//!
//! CLI and API serialise these same types, so the two can never disagree. This module imports
//! nothing from the rest of the crate.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What kind of text a document is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Adopted EU acts (and their consolidated versions).
    Legislation,
    /// Commission documents: COM, JOIN, SEC, SWD.
    Proposal,
    /// Press releases, open letters, position papers.
    Statement,
    /// Blog posts.
    Blog,
    /// Everything else.
    Other,
}

/// Every kind, in a fixed order (its position is the fast-field value).
pub const KINDS: [Kind; 5] = [
    Kind::Legislation,
    Kind::Proposal,
    Kind::Statement,
    Kind::Blog,
    Kind::Other,
];

impl Kind {
    /// The name used in JSON, filters and queries.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Legislation => "legislation",
            Kind::Proposal => "proposal",
            Kind::Statement => "statement",
            Kind::Blog => "blog",
            Kind::Other => "other",
        }
    }

    /// Position in [`KINDS`].
    pub fn index(self) -> u64 {
        KINDS.iter().position(|k| *k == self).unwrap_or(4) as u64
    }

    /// The kind at position `index` in [`KINDS`], `Other` when out of range.
    pub fn from_index(index: u64) -> Kind {
        usize::try_from(index)
            .ok()
            .and_then(|i| KINDS.get(i).copied())
            .unwrap_or(Kind::Other)
    }
}

/// The error for a kind name that is not one of [`KINDS`].
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown kind '{0}': expected one of legislation, proposal, statement, blog, other")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        KINDS
            .iter()
            .copied()
            .find(|k| k.name() == lower)
            .ok_or_else(|| UnknownKind(s.to_string()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A calendar date, as found in metadata or titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, 1000..=9999.
    pub year: u16,
    /// Month, 1..=12.
    pub month: u8,
    /// Day, 1..=31 (checked against the month).
    pub day: u8,
}

impl Date {
    /// A date if the parts form a real calendar day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let valid = (1000..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The date as the number `YYYYMMDD`, which sorts like the date.
    pub fn as_number(self) -> i64 {
        i64::from(self.year) * 10_000 + i64::from(self.month) * 100 + i64::from(self.day)
    }

    /// Inverse of [`Date::as_number`].
    pub fn from_number(n: i64) -> Option<Date> {
        let year = u16::try_from(n / 10_000).ok()?;
        let month = u8::try_from((n / 100) % 100).ok()?;
        let day = u8::try_from(n % 100).ok()?;
        Date::new(year, month, day)
    }
}

/// Whether a unit id names a paragraph of a non-legal document (`p_3`): the only units
/// that may be written in another language than their version.
pub fn is_paragraph(unit: &str) -> bool {
    unit.starts_with("p_")
}

/// The id of a unit of a document (`32016R0679#art_6.par_1`), or of the whole document
/// (`32016R0679`) without a unit.
pub fn unit_id(doc_id: &str, unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("{doc_id}#{unit}"),
        None => doc_id.to_string(),
    }
}

/// Number of days in `month` of `year` (Gregorian).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the span of days it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// First day of the span.
    pub first: Date,
    /// Last day of the span (inclusive).
    pub last: Date,
}

/// The error for a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid date '{0}': expected YYYY, YYYY-MM or YYYY-MM-DD")]
pub struct InvalidDate(pub String);

impl FromStr for DateSpan {
    type Err = InvalidDate;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidDate(s.to_string());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let number = |p: &str, len: usize| -> Result<u16, InvalidDate> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            p.parse().map_err(|_| invalid())
        };
        let year = number(parts.first().ok_or_else(invalid)?, 4)?;
        let (first, last) = match parts.as_slice() {
            [_] => (Date::new(year, 1, 1), Date::new(year, 12, 31)),
            [_, m] => {
                let month = u8::try_from(number(m, 2)?).map_err(|_| invalid())?;
                let end = days_in_month(year, month);
                (Date::new(year, month, 1), Date::new(year, month, end))
            }
            [_, m, d] => {
                let month = u8::try_from(number(m, 2)?).map_err(|_| invalid())?;
                let day = u8::try_from(number(d, 2)?).map_err(|_| invalid())?;
                let date = Date::new(year, month, day);
                (date, date)
            }
            _ => (None, None),
        };
        match (first, last) {
            (Some(first), Some(last)) => Ok(DateSpan { first, last }),
            _ => Err(invalid()),
        }
    }
}

impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .into()
    }
}

impl utoipa::ToSchema for Date {}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let span: DateSpan = text.parse().map_err(serde::de::Error::custom)?;
        Ok(span.first)
    }
}

/// One search result: a unit (or a whole document) with its score, snippet and highlights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Hit {
    /// `doc_id` or `doc_id#unit`.
    pub id: String,
    /// The document (work) id: a CELEX number or a corpus path.
    pub doc_id: String,
    /// The unit id (`art_6.par_1`), or `null` for the whole document.
    pub unit: Option<String>,
    /// ISO 639-1 code, or `und`.
    pub lang: String,
    /// Document kind.
    pub kind: Kind,
    /// Document title.
    pub title: String,
    /// Document date, `YYYY-MM-DD`.
    pub date: Option<Date>,
    /// Path of the file relative to the indexed root.
    pub path: String,
    /// Relevance score (a cited unit pinned first gets the best score).
    pub score: f32,
    /// The best excerpt of the unit's text.
    pub snippet: String,
    /// `[start, end)` character offsets into `snippet` of the matched words.
    #[schema(value_type = Vec<Vec<u64>>)]
    pub highlights: Vec<[usize; 2]>,
}

/// Hit counts per value, over the whole result set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Facets {
    /// Per language code.
    pub lang: BTreeMap<String, u64>,
    /// Per kind.
    pub kind: BTreeMap<String, u64>,
    /// Per year of `date`.
    pub year: BTreeMap<String, u64>,
    /// Per month (`YYYY-MM`) of `date`.
    pub month: BTreeMap<String, u64>,
    /// Per publisher or source, where known.
    pub publisher: BTreeMap<String, u64>,
    /// Per document id (the most frequent ones).
    pub doc: BTreeMap<String, u64>,
}

/// The answer to one search: `search --format json` and `GET /api/search`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// Exact number of matching documents (`--group doc`) or units (`--group unit`).
    pub total: u64,
    /// Number of results skipped.
    pub offset: u64,
    /// Page size asked for.
    pub limit: u64,
    /// Time spent searching, in milliseconds.
    pub took_ms: u64,
    /// Fingerprint of the index the answer was computed on.
    pub fingerprint: String,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Counts over the whole result set, when asked for.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub facets: Option<Facets>,
}

/// One line of `batch` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BatchLine {
    /// The query's id: given, or its line number.
    pub query_id: String,
    /// The query text.
    pub query: String,
    /// Exact number of matches (0 on error).
    pub total: u64,
    /// The hits.
    pub hits: Vec<Hit>,
    /// `null`, or why the query failed.
    pub error: Option<String>,
    /// Fingerprint of the index the answer was computed on.
    #[serde(default)]
    pub fingerprint: String,
}

/// A citation recognised in text: `cite --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Citation {
    /// The text of the citation as written.
    pub text: String,
    /// CELEX number of the cited act.
    pub celex: String,
    /// The cited unit, or `null` for the whole act.
    pub unit: Option<String>,
    /// `celex#unit`, or the CELEX for a whole act.
    pub id: String,
    /// Whether the index holds `id`: the act, or the unit cited of it.
    pub in_index: bool,
}

/// A definition of a term: `define --format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Definition {
    /// The defined term, as written in the act.
    pub term: String,
    /// The unit holding the definition.
    pub id: String,
    /// Language of the definition.
    pub lang: String,
    /// The definition's text.
    pub text: String,
}

/// One unit of a shown version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ShownUnit {
    /// Unit id, `null` for text outside any unit.
    pub unit: Option<String>,
    /// Chapter, section and article headings above the unit.
    pub heading: Option<String>,
    /// The unit's own text.
    pub text: String,
}

/// One language version of a shown document or unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ShownVersion {
    /// ISO 639-1 code.
    pub lang: String,
    /// Path of the file relative to the indexed root.
    pub path: String,
    /// The text of the unit and everything inside it.
    pub text: String,
    /// The units, in reading order.
    pub units: Vec<ShownUnit>,
}

/// The answer of `show --format json` and `GET /api/docs/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ShowResponse {
    /// The id asked for.
    pub id: String,
    /// The document id.
    pub doc_id: String,
    /// The unit id, `null` for a whole document.
    pub unit: Option<String>,
    /// Document title (of the first version shown).
    pub title: String,
    /// One entry per language shown.
    pub versions: Vec<ShownVersion>,
}

/// One unit with its full text: a line of `polidex export`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExportedUnit {
    /// `doc_id#unit`, or the `doc_id` for the whole document.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// Unit id, `null` for the whole document.
    pub unit: Option<String>,
    /// Language.
    pub lang: String,
    /// Kind.
    pub kind: Kind,
    /// Date.
    pub date: Option<Date>,
    /// Title of the document.
    pub title: String,
    /// Path relative to the indexed root.
    pub path: String,
    /// Headings above the unit.
    pub heading: Option<String>,
    /// The unit's full text.
    pub text: String,
}

/// The answer of `stats --format json` and `GET /api/stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Stats {
    /// Distinct documents (works).
    pub documents: u64,
    /// Searchable units (of primary versions).
    pub units: u64,
    /// Indexed files (every version).
    pub files: u64,
    /// Documents per language.
    pub lang: BTreeMap<String, u64>,
    /// Documents per kind.
    pub kind: BTreeMap<String, u64>,
    /// Documents per year.
    pub year: BTreeMap<String, u64>,
    /// Hash of the indexed content and the polidex version.
    pub fingerprint: String,
    /// polidex version that built the index.
    pub version: String,
}

/// The JSON body of an HTTP error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// Code, message and (for query errors) the position at fault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable code, e.g. `invalid_query`.
    pub code: String,
    /// One-line human-readable message.
    pub message: String,
    /// Character position in the query, for query errors.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub position: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_spans_cover_year_month_and_day() {
        let y: DateSpan = "2020".parse().unwrap();
        assert_eq!(y.first.to_string(), "2020-01-01");
        assert_eq!(y.last.to_string(), "2020-12-31");
        let m: DateSpan = "2024-02".parse().unwrap();
        assert_eq!(m.last.to_string(), "2024-02-29");
        let d: DateSpan = "2016-04-27".parse().unwrap();
        assert_eq!(d.first, d.last);
    }

    #[test]
    fn bad_dates_are_refused() {
        for bad in [
            "",
            "20",
            "2020-13",
            "2021-02-29",
            "2020-1-1",
            "abcd",
            "2020-01-01-01",
        ] {
            assert!(bad.parse::<DateSpan>().is_err(), "{bad}");
        }
    }

    #[test]
    fn date_numbers_round_trip() {
        let d = Date::new(2016, 4, 27).unwrap();
        assert_eq!(d.as_number(), 20160427);
        assert_eq!(Date::from_number(20160427), Some(d));
        assert_eq!(Date::from_number(0), None);
    }

    #[test]
    fn kinds_parse_and_index() {
        for k in KINDS {
            assert_eq!(k.name().parse::<Kind>().unwrap(), k);
            assert_eq!(Kind::from_index(k.index()), k);
        }
        assert!("law".parse::<Kind>().is_err());
    }
}
