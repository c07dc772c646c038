//! polidex: a search engine for EU policy documents.
//!
//! ```text
//! files ─► ingest::extract ─► lang::detect ─► legal::units ─► index (tantivy)
//!          txt md html xml      metadata first,  recitals, articles,   one tantivy doc per
//!          json pdf             whatlang after   paragraphs, points    unit, per-language
//!                                                                      analyzers (lang::analyzers)
//! index ─► search::query (strict) · search::execute (filters, grouping, facets) · snippets
//!       ─► cli (text / json / jsonl / csv)      ─► api (HTTP JSON + a search page)
//! ```
//!
//! Each stage is a module and consumes the previous stage's types: `ingest` uses `lang`,
//! `legal` and `index`; `cli` and `api` both call `search`; `model` holds the JSON shapes
//! both print.

pub mod api;
pub mod cli;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod legal;
pub mod limits;
pub mod model;
pub mod search;
