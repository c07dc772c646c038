//! Citations as queries: resolving what a citation names against the index, and finding the
//! units a query that *is* a citation pins to the top of its hits.

use tantivy::Term;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

use crate::index::reader::Snapshot;
use crate::lang::Lang;
use crate::legal::citation::{Context, Found, find_citations, may_hold_citation};
use crate::model::unit_id;

/// Letters and digits a query may have outside its citation and still be "a citation"
/// (`see`, `cf`).
const MAX_OUTSIDE_CHARS: usize = 3;

/// True when some document has this id.
pub fn has_document(snapshot: &Snapshot, doc: &str) -> bool {
    count(snapshot, Term::from_field_text(snapshot.fields.doc_id, doc)) > 0
}

fn has_unit(snapshot: &Snapshot, id: &str) -> bool {
    count(snapshot, Term::from_field_text(snapshot.fields.id, id)) > 0
}

fn count(snapshot: &Snapshot, term: Term) -> usize {
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    snapshot
        .searcher
        .search(&query, &tantivy::collector::Count)
        .unwrap_or(0)
}

/// The unit id as the index holds it: `art_4.par_11` is `art_4.pnt_11` when the article
/// numbers its definitions as points; as cited when neither exists.
pub fn resolved_unit_id(snapshot: &Snapshot, celex: &str, unit: &str) -> String {
    if has_unit(snapshot, &format!("{celex}#{unit}")) {
        return unit.to_string();
    }
    if let Some((head, tail)) = unit.rsplit_once(".par_") {
        let swapped = format!("{head}.pnt_{tail}");
        if has_unit(snapshot, &format!("{celex}#{swapped}")) {
            return swapped;
        }
    }
    unit.to_string()
}

/// The ids a query that *is* a citation names, each with the language its wording is in;
/// empty when the query is not (only) a citation.
pub fn pinned_ids(snapshot: &Snapshot, query: &str) -> Vec<(String, Option<Lang>)> {
    if !may_hold_citation(query) {
        return Vec::new();
    }
    let found = find_citations(query, &Context::default());
    if found.is_empty() || !covers_query(&found, query) {
        return Vec::new();
    }
    let mut ids: Vec<(String, Option<Lang>)> = Vec::new();
    for f in found {
        let unit = f.unit.as_deref();
        let resolved = unit.map(|u| resolved_unit_id(snapshot, &f.celex, u));
        let id = unit_id(&f.celex, resolved.as_deref());
        if !ids.iter().any(|(i, _)| *i == id) {
            ids.push((id, f.lang));
        }
    }
    ids
}

/// True when the citations span the query, give or take punctuation and a filler word.
fn covers_query(found: &[Found], query: &str) -> bool {
    let start = found.iter().map(|f| f.start).min().unwrap_or(0);
    let end = found.iter().map(|f| f.end).max().unwrap_or(0);
    let before = query.get(..start).unwrap_or("");
    let after = query.get(end..).unwrap_or("");
    let outside = before
        .chars()
        .chain(after.chars())
        .filter(|c| c.is_alphanumeric())
        .count();
    end > start && outside <= MAX_OUTSIDE_CHARS
}
