//! The one application error of the HTTP API, and the one table from error kind to HTTP
//! status and JSON body (`{"error": {"code", "message", "position"}}`).
//!
//! Messages are written for clients: an internal failure is logged in full and answered
//! with a generic message, never with a path or a backtrace.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::model::{ErrorBody, ErrorDetail};
use crate::search::SearchError;

/// Everything a request can fail with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The query string is malformed.
    InvalidQuery {
        /// What is wrong.
        message: String,
        /// Character position in the query.
        position: usize,
    },
    /// A parameter is missing, malformed or out of range.
    InvalidParameter(String),
    /// No such document, unit or route.
    NotFound(String),
    /// Wrong method for the route.
    MethodNotAllowed,
    /// The body is over the size cap.
    PayloadTooLarge,
    /// The body cannot be read as the route expects (not UTF-8, too many queries).
    Unprocessable(String),
    /// The request took longer than its time budget.
    Timeout,
    /// The index cannot be read right now.
    Unavailable,
    /// Anything else; details are logged, not sent.
    Internal,
}

impl ApiError {
    /// The status and machine-readable code of each kind of error.
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::InvalidQuery { .. } => (StatusCode::BAD_REQUEST, "invalid_query"),
            ApiError::InvalidParameter(_) => (StatusCode::BAD_REQUEST, "invalid_parameter"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::PayloadTooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::Unprocessable(_) => (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"),
            ApiError::Timeout => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            ApiError::Unavailable => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::InvalidQuery { message, .. } => format!("invalid query: {message}"),
            ApiError::InvalidParameter(message) | ApiError::Unprocessable(message) => {
                message.clone()
            }
            ApiError::NotFound(what) => format!("not found: {what}"),
            ApiError::MethodNotAllowed => "method not allowed for this route".into(),
            ApiError::PayloadTooLarge => format!(
                "request body is larger than {} MiB",
                crate::limits::MAX_BODY_BYTES / (1024 * 1024)
            ),
            ApiError::Timeout => format!(
                "the request took longer than {} s",
                crate::limits::REQUEST_TIMEOUT.as_secs()
            ),
            ApiError::Unavailable => "the index is not available right now".into(),
            ApiError::Internal => "internal error".into(),
        }
    }

    /// The JSON body of this error.
    pub fn body(&self) -> ErrorBody {
        let position = match self {
            ApiError::InvalidQuery { position, .. } => Some(*position),
            _ => None,
        };
        ErrorBody {
            error: ErrorDetail {
                code: self.status_and_code().1.to_string(),
                message: self.message(),
                position,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, _) = self.status_and_code();
        (status, Json(self.body())).into_response()
    }
}

impl From<SearchError> for ApiError {
    fn from(error: SearchError) -> Self {
        match error {
            SearchError::Query(e) => ApiError::InvalidQuery {
                message: e.message,
                position: e.position,
            },
            SearchError::Invalid { parameter, message } => {
                ApiError::InvalidParameter(format!("invalid {parameter}: {message}"))
            }
            SearchError::NotFound(what) => ApiError::NotFound(what),
            SearchError::Index(e) => {
                tracing::error!("index: {e}");
                ApiError::Unavailable
            }
            SearchError::Engine(e) | SearchError::Output(e) => {
                tracing::error!("search: {e}");
                ApiError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_errors_carry_their_position() {
        let body = ApiError::InvalidQuery {
            message: "unclosed '('".into(),
            position: 12,
        }
        .body();
        assert_eq!(body.error.code, "invalid_query");
        assert_eq!(body.error.position, Some(12));
    }

    #[test]
    fn internal_errors_say_nothing_about_internals() {
        let error = ApiError::from(SearchError::Engine("/srv/index/abc.store: corrupt".into()));
        assert_eq!(error, ApiError::Internal);
        assert!(!error.body().error.message.contains("/srv"));
    }
}
