//! Query-string parameters of the API routes, checked into the requests `search` runs.
//!
//! Every parameter is read as text and checked here, so a bad value gets a message naming
//! the parameter (`invalid limit: …`), an unknown parameter is refused rather than silently
//! ignored, and `limit` is capped rather than trusted.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use super::error::ApiError;
use crate::lang::Lang;
use crate::limits;
use crate::model::{DateSpan, Kind};
use crate::search::execute::{self, Group, SearchRequest, Sort};

/// Parses a raw query string into `T` (repeated keys fill lists).
pub fn parse<T: DeserializeOwned>(raw: Option<&str>) -> Result<T, ApiError> {
    serde_html_form::from_str(raw.unwrap_or(""))
        .map_err(|e| ApiError::InvalidParameter(format!("bad query string: {e}")))
}

/// Parameters of `GET /api/search`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query (words, "phrases", AND/OR/NOT, field:value, prefix*).
    pub q: Option<String>,
    /// Languages (repeatable).
    #[serde(default)]
    pub lang: Vec<String>,
    /// Kinds (repeatable): legislation, proposal, statement, blog, other.
    #[serde(default)]
    pub kind: Vec<String>,
    /// Dated on or after: YYYY, YYYY-MM or YYYY-MM-DD.
    pub from: Option<String>,
    /// Dated on or before: YYYY, YYYY-MM or YYYY-MM-DD.
    pub to: Option<String>,
    /// Only within this document.
    pub doc: Option<String>,
    /// `doc` (default) or `unit`.
    pub group: Option<String>,
    /// `relevance` (default), `newest` or `oldest`.
    pub sort: Option<String>,
    /// Hits per page, 10 by default, at most 1000.
    pub limit: Option<String>,
    /// Hits to skip.
    pub offset: Option<String>,
    /// `true` to count facets.
    pub facets: Option<String>,
}

impl SearchParams {
    /// The search request these parameters ask for.
    pub fn into_request(self) -> Result<SearchRequest, ApiError> {
        let query = self
            .q
            .filter(|q| !q.trim().is_empty())
            .ok_or_else(|| ApiError::InvalidParameter("missing parameter 'q'".into()))?;
        Ok(SearchRequest {
            query,
            langs: langs(&self.lang)?,
            kinds: kinds(&self.kind)?,
            from: date("from", self.from.as_deref())?,
            to: date("to", self.to.as_deref())?,
            doc: self.doc.filter(|d| !d.is_empty()),
            group: group(self.group.as_deref())?,
            sort: sort(self.sort.as_deref())?,
            limit: limit(self.limit.as_deref())?,
            offset: offset(self.offset.as_deref())?,
            facets: flag("facets", self.facets.as_deref())?,
        })
    }
}

/// Parameters of `GET /api/cited-by/{id}`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CitedByParams {
    /// Kinds of the citing documents (repeatable).
    #[serde(default)]
    pub kind: Vec<String>,
    /// Hits per page, 10 by default, at most 1000.
    pub limit: Option<String>,
    /// Hits to skip.
    pub offset: Option<String>,
}

impl CitedByParams {
    /// Kinds, limit and offset, checked.
    pub fn checked(&self) -> Result<(Vec<Kind>, u64, u64), ApiError> {
        Ok((
            kinds(&self.kind)?,
            limit(self.limit.as_deref())?,
            offset(self.offset.as_deref())?,
        ))
    }
}

/// Languages from repeated or comma-separated values.
pub fn langs(values: &[String]) -> Result<Vec<Lang>, ApiError> {
    split(values)
        .map(|v| {
            v.parse::<Lang>()
                .map_err(|e| ApiError::InvalidParameter(format!("invalid lang: {e}")))
        })
        .collect()
}

/// Kinds from repeated or comma-separated values.
pub fn kinds(values: &[String]) -> Result<Vec<Kind>, ApiError> {
    split(values)
        .map(|v| {
            v.parse::<Kind>()
                .map_err(|e| ApiError::InvalidParameter(format!("invalid kind: {e}")))
        })
        .collect()
}

fn split(values: &[String]) -> impl Iterator<Item = &str> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn date(name: &str, value: Option<&str>) -> Result<Option<DateSpan>, ApiError> {
    value
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<DateSpan>()
                .map_err(|e| ApiError::InvalidParameter(format!("invalid {name}: {e}")))
        })
        .transpose()
}

fn group(value: Option<&str>) -> Result<Group, ApiError> {
    execute::named_or_default(value).map_err(ApiError::InvalidParameter)
}

fn sort(value: Option<&str>) -> Result<Sort, ApiError> {
    execute::named_or_default(value).map_err(ApiError::InvalidParameter)
}

/// `limit`: a non-negative integer, capped at the page maximum (asking for more is not an
/// error: the answer says which limit applied).
pub fn limit(value: Option<&str>) -> Result<u64, ApiError> {
    let Some(text) = value.filter(|v| !v.is_empty()) else {
        return Ok(10);
    };
    let n = number("limit", text)?;
    Ok(n.min(limits::MAX_LIMIT))
}

/// `offset`: a non-negative integer up to the cap.
pub fn offset(value: Option<&str>) -> Result<u64, ApiError> {
    let Some(text) = value.filter(|v| !v.is_empty()) else {
        return Ok(0);
    };
    let n = number("offset", text)?;
    if n > limits::MAX_OFFSET {
        return Err(ApiError::InvalidParameter(format!(
            "invalid offset: at most {}",
            limits::MAX_OFFSET
        )));
    }
    Ok(n)
}

fn number(name: &str, text: &str) -> Result<u64, ApiError> {
    if text.starts_with('-') {
        return Err(ApiError::InvalidParameter(format!(
            "invalid {name}: must not be negative"
        )));
    }
    match text.parse::<u64>() {
        Ok(n) => Ok(n),
        Err(_) if text.bytes().all(|b| b.is_ascii_digit()) => Ok(u64::MAX),
        Err(_) => Err(ApiError::InvalidParameter(format!(
            "invalid {name}: '{}' is not a number",
            truncate(text)
        ))),
    }
}

fn flag(name: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value.unwrap_or("false") {
        "" | "true" | "1" | "yes" => Ok(value.is_some()),
        "false" | "0" | "no" => Ok(false),
        other => Err(ApiError::InvalidParameter(format!(
            "invalid {name}: '{}' is not true or false",
            truncate(other)
        ))),
    }
}

/// Echoed values are cut, so an error about a 1 MB parameter stays one short line.
fn truncate(text: &str) -> String {
    let cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(raw: &str) -> Result<SearchRequest, ApiError> {
        parse::<SearchParams>(Some(raw))?.into_request()
    }

    #[test]
    fn repeated_and_comma_separated_languages() {
        let r = request("q=consent&lang=en&lang=fr,nl&facets=true").unwrap();
        assert_eq!(r.langs, [Lang::En, Lang::Fr, Lang::Nl]);
        assert!(r.facets);
    }

    #[test]
    fn huge_limits_are_capped_and_bad_numbers_refused() {
        assert_eq!(
            request("q=a&limit=1000000000000000000000").unwrap().limit,
            limits::MAX_LIMIT
        );
        assert!(
            matches!(request("q=a&limit=-5"), Err(ApiError::InvalidParameter(m)) if m.contains("negative"))
        );
        assert!(
            matches!(request("q=a&offset=abc"), Err(ApiError::InvalidParameter(m)) if m.contains("offset"))
        );
    }

    #[test]
    fn missing_query_and_unknown_parameters_are_refused() {
        assert!(
            matches!(request("lang=en"), Err(ApiError::InvalidParameter(m)) if m.contains("'q'"))
        );
        assert!(request("q=a&lmit=5").is_err());
        assert!(
            matches!(request("q=a&lang=xx"), Err(ApiError::InvalidParameter(m)) if m.starts_with("invalid lang"))
        );
    }
}
