//! Batch search: many queries in, one answer line per query out, in input order.
//!
//! A line is a plain query, `id<TAB>query`, or a JSON object
//! `{"id", "q", "lang", "kind", "from", "to", "limit"}`, which may also set `offset`,
//! `sort`, `group` and `doc` as `search` does. A line that cannot be read, or a
//! query that fails, gets its `error` and the others go on. CLI and API share this code, and
//! a batch query is answered exactly like the same `search`.

use rayon::prelude::*;
use serde::Deserialize;

use super::execute::{self, SearchRequest};
use crate::index::reader::Snapshot;
use crate::lang::Lang;
use crate::limits;
use crate::model::{BatchLine, DateSpan, Kind};

/// One query of a batch, ready to run or already known to be bad.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchQuery {
    /// Its id: given, or its line number.
    pub id: String,
    /// Its text, as given.
    pub query: String,
    /// The request, or why the line cannot be run.
    pub request: Result<SearchRequest, String>,
}

/// A JSON batch line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonLine {
    /// Read from the line's object before the rest (see [`json_line`]).
    #[serde(rename = "id")]
    _id: Option<serde::de::IgnoredAny>,
    q: Option<String>,
    #[serde(default)]
    lang: OneOrMany,
    #[serde(default)]
    kind: OneOrMany,
    from: Option<String>,
    to: Option<String>,
    limit: Option<u64>,
    offset: Option<u64>,
    sort: Option<String>,
    group: Option<String>,
    doc: Option<String>,
}

/// `"fr"` or `["fr", "nl"]`.
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn values(&self) -> Vec<&str> {
        match self {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(v) => v.split(',').map(str::trim).collect(),
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// Reads one input line (`number` is 1-based); `None` for a blank line.
pub fn parse_line(line: &str, number: usize, default_limit: u64) -> Option<BatchQuery> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() {
        return None;
    }
    let fallback_id = number.to_string();
    if line.len() > limits::MAX_BATCH_LINE_BYTES {
        let error = format!(
            "line {number} is longer than {} bytes",
            limits::MAX_BATCH_LINE_BYTES
        );
        return Some(BatchQuery {
            id: fallback_id,
            query: String::new(),
            request: Err(error),
        });
    }
    if line.trim_start().starts_with('{') {
        return Some(json_line(line, fallback_id, default_limit));
    }
    let (id, query) = match line.split_once('\t') {
        Some((id, query)) if !id.trim().is_empty() => {
            (id.trim().to_string(), query.trim().to_string())
        }
        _ => (fallback_id, line.trim().to_string()),
    };
    let request = Ok(plain_request(&query, default_limit));
    Some(BatchQuery { id, query, request })
}

/// Every query of a whole input (for the API), `default_limit` hits each unless a line
/// says otherwise.
pub fn parse_input(text: &str, default_limit: u64) -> Vec<BatchQuery> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| parse_line(line, i + 1, default_limit))
        .collect()
}

fn plain_request(query: &str, limit: u64) -> SearchRequest {
    SearchRequest {
        query: query.to_string(),
        limit,
        ..SearchRequest::default()
    }
}

fn json_line(line: &str, fallback_id: String, default_limit: u64) -> BatchQuery {
    let object: serde_json::Value = match serde_json::from_str(line) {
        Ok(object) => object,
        Err(e) => {
            return BatchQuery {
                id: fallback_id,
                query: String::new(),
                request: Err(format!("not a valid JSON query line: {e}")),
            };
        }
    };
    // A line with a bad field still answers under its own id and query.
    let id = match object.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => fallback_id,
        Some(other) => other.to_string(),
    };
    let query = object
        .get("q")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_string();
    let request = serde_json::from_value::<JsonLine>(object)
        .map_err(|e| format!("not a valid JSON query line: {e}"))
        .and_then(|parsed| json_request(&parsed, default_limit));
    BatchQuery { id, query, request }
}

fn json_request(line: &JsonLine, default_limit: u64) -> Result<SearchRequest, String> {
    let query = line
        .q
        .clone()
        .filter(|q| !q.trim().is_empty())
        .ok_or("missing \"q\"")?;
    let langs = line
        .lang
        .values()
        .iter()
        .map(|v| v.parse::<Lang>().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let kinds = line
        .kind
        .values()
        .iter()
        .map(|v| v.parse::<Kind>().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let date = |v: &Option<String>| {
        v.as_deref()
            .map(|d| d.parse::<DateSpan>().map_err(|e| e.to_string()))
            .transpose()
    };
    let limit = line
        .limit
        .unwrap_or(default_limit)
        .min(limits::MAX_BATCH_LIMIT);
    let (limit, offset) =
        execute::checked_paging(limit, line.offset.unwrap_or(0)).map_err(|e| e.to_string())?;
    Ok(SearchRequest {
        query,
        langs,
        kinds,
        from: date(&line.from)?,
        to: date(&line.to)?,
        doc: line.doc.clone().filter(|d| !d.is_empty()),
        group: execute::named_or_default(line.group.as_deref())?,
        sort: execute::named_or_default(line.sort.as_deref())?,
        limit,
        offset,
        ..SearchRequest::default()
    })
}

/// Runs one query.
pub fn run_one(snapshot: &Snapshot, query: &BatchQuery) -> BatchLine {
    let failed = |error: String| BatchLine {
        query_id: query.id.clone(),
        query: query.query.clone(),
        total: 0,
        hits: Vec::new(),
        error: Some(error),
        fingerprint: snapshot.payload.fingerprint.clone(),
    };
    let request = match &query.request {
        Ok(request) => request,
        Err(error) => return failed(error.clone()),
    };
    match execute::search(snapshot, request) {
        Ok(response) => BatchLine {
            query_id: query.id.clone(),
            query: query.query.clone(),
            total: response.total,
            hits: response.hits,
            error: None,
            fingerprint: response.fingerprint,
        },
        Err(error) => failed(error.to_string()),
    }
}

/// Runs queries in parallel; answers come back in input order.
pub fn run_all(snapshot: &Snapshot, queries: &[BatchQuery]) -> Vec<BatchLine> {
    queries.par_iter().map(|q| run_one(snapshot, q)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_input_forms() {
        let plain = parse_line("consent of a child", 1, 10).unwrap();
        assert_eq!(
            (plain.id.as_str(), plain.query.as_str()),
            ("1", "consent of a child")
        );
        let tabbed = parse_line("q7\tdonnées personnelles", 2, 10).unwrap();
        assert_eq!(
            (tabbed.id.as_str(), tabbed.query.as_str()),
            ("q7", "données personnelles")
        );
        let json = parse_line(r#"{"id": 3, "q": "AVG", "lang": ["nl"], "kind": "legislation", "from": "2016", "limit": 5}"#, 3, 10).unwrap();
        assert_eq!(json.id, "3");
        let request = json.request.unwrap();
        assert_eq!(request.langs, [Lang::Nl]);
        assert_eq!(request.kinds, [Kind::Legislation]);
        assert_eq!(request.limit, 5);
    }

    #[test]
    fn json_lines_sort_page_group_and_pin_a_document() {
        let line = r#"{"id": "q8", "q": "encryption", "sort": "newest", "offset": 20, "group": "unit", "doc": "32016R0679"}"#;
        let request = parse_line(line, 8, 10).unwrap().request.unwrap();
        assert_eq!(request.sort, execute::Sort::Newest);
        assert_eq!(request.group, execute::Group::Unit);
        assert_eq!(request.offset, 20);
        assert_eq!(request.doc.as_deref(), Some("32016R0679"));
        let bad = parse_line(r#"{"id": "q9", "q": "x", "sort": "random"}"#, 9, 10).unwrap();
        assert!(
            bad.request
                .unwrap_err()
                .starts_with("invalid sort 'random'")
        );
    }

    #[test]
    fn a_line_with_an_unknown_field_answers_under_its_own_id() {
        let line = parse_line(r#"{"id": "q8", "q": "consent", "colour": 1}"#, 8, 10).unwrap();
        assert_eq!((line.id.as_str(), line.query.as_str()), ("q8", "consent"));
        assert!(line.request.unwrap_err().contains("unknown field `colour`"));
    }

    #[test]
    fn a_limit_over_the_cap_gets_a_full_page() {
        let line = parse_line(r#"{"q": "consent", "limit": 5000}"#, 1, 10).unwrap();
        assert_eq!(line.request.unwrap().limit, limits::MAX_BATCH_LIMIT);
    }

    #[test]
    fn bad_lines_carry_their_error() {
        assert!(parse_line("", 1, 10).is_none());
        let broken = parse_line("{\"q\": ", 4, 10).unwrap();
        assert_eq!(broken.id, "4");
        assert!(
            broken
                .request
                .unwrap_err()
                .starts_with("not a valid JSON query line")
        );
        let bad_lang = parse_line(r#"{"q": "x", "lang": "xx"}"#, 5, 10).unwrap();
        assert!(
            bad_lang
                .request
                .unwrap_err()
                .starts_with("unknown language")
        );
        let long = "a".repeat(limits::MAX_BATCH_LINE_BYTES + 1);
        assert!(parse_line(&long, 6, 10).unwrap().request.is_err());
    }
}
