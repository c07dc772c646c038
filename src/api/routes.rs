//! The handlers: check parameters, run the search off the async runtime, return the same
//! model types the CLI prints.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::AppState;
use super::error::ApiError;
use super::params::{self, CitedByParams, SearchParams};
use crate::limits;
use crate::model::{
    BatchLine, Citation, Definition, ErrorBody, SearchResponse, ShowResponse, Stats,
};
use crate::search::{batch, execute, lookup};

/// Searches the index.
#[utoipa::path(get, path = "/api/search", params(SearchParams),
    responses((status = 200, description = "One page of hits", body = SearchResponse),
              (status = 400, description = "Malformed query or parameter", body = ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let request = params::parse::<SearchParams>(raw.as_deref())?.into_request()?;
    let response = state
        .run(move |snapshot| Ok(execute::search(snapshot, &request)?))
        .await?;
    Ok(Json(response))
}

/// `POST /api/batch` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BatchParams {
    /// Hits per query for the lines that do not set their own (at most 1000).
    pub limit: Option<String>,
}

/// Runs a batch of queries: plain lines, `id<TAB>query` lines or JSON lines; answers one JSON
/// line per query, in input order.
#[utoipa::path(post, path = "/api/batch", params(BatchParams), request_body(content = String, description = "Batch input, one query per line", content_type = "text/plain"),
    responses((status = 200, description = "One JSON line per query", body = BatchLine, content_type = "application/x-ndjson"),
              (status = 413, description = "Body over 10 MiB", body = ErrorBody),
              (status = 422, description = "Body is not UTF-8 or has too many queries", body = ErrorBody)))]
pub async fn batch(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let params: BatchParams = params::parse(raw.as_deref())?;
    let default_limit = params::limit(params.limit.as_deref())?;
    let body = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        _ => ApiError::Unprocessable(format!("cannot read the body: {}", rejection.body_text())),
    })?;
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        ApiError::Unprocessable(format!(
            "body is not UTF-8 (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let queries = batch::parse_input(&text, default_limit);
    if queries.len() > limits::MAX_API_BATCH_QUERIES {
        return Err(ApiError::Unprocessable(format!(
            "more than {} queries in one request",
            limits::MAX_API_BATCH_QUERIES
        )));
    }
    let lines = state
        .run(move |snapshot| Ok(batch::run_all(snapshot, &queries)))
        .await?;
    let mut out = Vec::new();
    for line in &lines {
        serde_json::to_writer(&mut out, line).map_err(|_| ApiError::Internal)?;
        out.push(b'\n');
    }
    let mut response = Response::new(Body::from(out));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    Ok(response)
}

/// `GET /api/cite` parameters.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CiteParams {
    /// Text containing citations.
    pub q: Option<String>,
}

/// The citations of `GET /api/cite`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Citations {
    /// One entry per unit cited.
    pub citations: Vec<Citation>,
}

/// Recognises the citations in a text.
#[utoipa::path(get, path = "/api/cite", params(CiteParams),
    responses((status = 200, body = Citations), (status = 400, body = ErrorBody)))]
pub async fn cite(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Citations>, ApiError> {
    let params: CiteParams = params::parse(raw.as_deref())?;
    let text = params
        .q
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| ApiError::InvalidParameter("missing parameter 'q'".into()))?;
    if text.len() > limits::MAX_CITE_CHARS {
        return Err(ApiError::InvalidParameter(format!(
            "q is longer than {} bytes",
            limits::MAX_CITE_CHARS
        )));
    }
    let citations = state
        .run(move |snapshot| Ok(lookup::cite(snapshot, &text)))
        .await?;
    Ok(Json(Citations { citations }))
}

/// `GET /api/docs/{id}` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DocParams {
    /// The language version to show.
    pub lang: Option<String>,
    /// Languages to show side by side, comma-separated.
    pub parallel: Option<String>,
}

/// A document or unit, in one language or several side by side.
#[utoipa::path(get, path = "/api/docs/{id}", params(("id" = String, Path, description = "doc_id or doc_id#unit"), DocParams),
    responses((status = 200, body = ShowResponse), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn doc(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<ShowResponse>, ApiError> {
    let id = id_in_path(id)?;
    let params: DocParams = params::parse(raw.as_deref())?;
    let choice = version_choice(&params)?;
    let shown = state
        .run(move |snapshot| Ok(lookup::show(snapshot, &id, &choice)?))
        .await?;
    Ok(Json(shown))
}

/// The id of a route's path, or why it cannot be read (not UTF-8 once decoded), as JSON
/// like every other error.
fn id_in_path(id: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    id.map(|Path(id)| id)
        .map_err(|rejection| ApiError::InvalidParameter(format!("id: {}", rejection.body_text())))
}

fn version_choice(params: &DocParams) -> Result<lookup::VersionChoice, ApiError> {
    let given = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.is_empty());
    if given(&params.lang) && given(&params.parallel) {
        return Err(ApiError::InvalidParameter(
            "lang and parallel do not go together: parallel names every language to show".into(),
        ));
    }
    if let Some(parallel) = params.parallel.as_deref().filter(|p| !p.is_empty()) {
        return Ok(lookup::VersionChoice::Parallel(params::langs(&[
            parallel.to_string()
        ])?));
    }
    match params.lang.as_deref().filter(|l| !l.is_empty()) {
        Some(lang) => Ok(lookup::VersionChoice::Lang(
            params::langs(&[lang.to_string()])?
                .first()
                .copied()
                .ok_or_else(|| ApiError::InvalidParameter("invalid lang".into()))?,
        )),
        None => Ok(lookup::VersionChoice::Default),
    }
}

/// `GET /api/define` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DefineParams {
    /// The term to define.
    pub term: Option<String>,
    /// Only in this document.
    pub doc: Option<String>,
    /// Only in this language.
    pub lang: Option<String>,
}

/// The definitions of `GET /api/define`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Definitions {
    /// One entry per definition found.
    pub definitions: Vec<Definition>,
}

/// Finds the definitions of a term in the acts.
#[utoipa::path(get, path = "/api/define", params(DefineParams),
    responses((status = 200, body = Definitions), (status = 400, body = ErrorBody)))]
pub async fn define(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Definitions>, ApiError> {
    let params: DefineParams = params::parse(raw.as_deref())?;
    let term = params
        .term
        .filter(|t| !t.trim().is_empty())
        .ok_or_else(|| ApiError::InvalidParameter("missing parameter 'term'".into()))?;
    let lang = params
        .lang
        .map(|l| params::langs(&[l]))
        .transpose()?
        .and_then(|l| l.first().copied());
    let doc = params.doc.filter(|d| !d.is_empty());
    let definitions = state
        .run(move |snapshot| Ok(lookup::define(snapshot, &term, doc.as_deref(), lang)?))
        .await?;
    Ok(Json(Definitions { definitions }))
}

/// Every unit, in any document and language, that cites the id or a unit inside it.
#[utoipa::path(get, path = "/api/cited-by/{id}", params(("id" = String, Path, description = "doc_id or doc_id#unit"), CitedByParams),
    responses((status = 200, body = SearchResponse), (status = 400, body = ErrorBody)))]
pub async fn cited_by(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(raw): RawQuery,
) -> Result<Json<SearchResponse>, ApiError> {
    let id = id_in_path(id)?;
    let params: CitedByParams = params::parse(raw.as_deref())?;
    let (kinds, limit, offset) = params.checked()?;
    let response = state
        .run(move |snapshot| Ok(lookup::cited_by(snapshot, &id, &kinds, limit, offset)?))
        .await?;
    Ok(Json(response))
}

/// Counts and fingerprint of the index.
#[utoipa::path(get, path = "/api/stats", responses((status = 200, body = Stats)))]
pub async fn stats(State(state): State<AppState>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(
        state.run(|snapshot| Ok(lookup::stats(snapshot))).await?,
    ))
}

/// Liveness.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// Always `ok`.
    pub status: String,
}

/// Liveness check.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok".into(),
    })
}

/// The search page.
#[utoipa::path(get, path = "/", responses((status = 200, description = "The search page", content_type = "text/html")))]
pub async fn page() -> impl IntoResponse {
    Html(include_str!("page.html"))
}

/// Any route that does not exist.
pub async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

/// A route called with the wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
