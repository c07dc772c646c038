//! Search: the query language, execution with exact totals, snippets, facets, and the
//! lookups (`show`, `stats`, `cite`, `define`, `cited-by`) that CLI and API share.

pub mod batch;
pub mod citations;
pub mod execute;
pub mod held;
pub mod lookup;
pub mod query;
pub mod snippet;

use crate::index::IndexError;
use query::QueryError;

/// Why a search could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The query is malformed.
    #[error("invalid query: {0}")]
    Query(QueryError),
    /// A parameter is out of range or malformed.
    #[error("invalid {parameter}: {message}")]
    Invalid {
        /// The parameter at fault.
        parameter: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The id asked for is not in the index.
    #[error("not found: {0}")]
    NotFound(String),
    /// The index cannot be read.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// tantivy failed while searching.
    #[error("search failed: {0}")]
    Engine(String),
    /// Writing results failed (closed pipe, full disk).
    #[error("cannot write results: {0}")]
    Output(String),
}

impl From<QueryError> for SearchError {
    fn from(error: QueryError) -> Self {
        SearchError::Query(error)
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(error: tantivy::TantivyError) -> Self {
        SearchError::Engine(error.to_string())
    }
}
