//! The structure of law: units, labels, citations, acts, definitions.
//!
//! Used by ingest (to cut documents into units and record what each unit cites and defines)
//! and by search (to resolve a citation typed as a query).

pub mod acts;
pub mod annex_parts;
pub mod citation;
pub mod definitions;
pub mod flat;
pub mod labels;
pub mod preamble;
pub mod units;
pub mod vocab;
