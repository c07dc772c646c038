//! Citations as queries: resolving what a citation names against the index, and finding the
//! units a query that *is* a citation pins to the top of its hits.

use std::collections::HashMap;

use tantivy::Term;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

use crate::index::reader::Snapshot;
use crate::ingest::metadata::consolidated_prefix;
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

/// The document a citation of the act `celex` leads to: the act itself when indexed, else
/// its latest consolidated version (`02009R0810-20200202` for `32009R0810`), if any.
fn indexed_act(snapshot: &Snapshot, celex: &str) -> Option<String> {
    if has_document(snapshot, celex) {
        return Some(celex.to_string());
    }
    consolidated_versions(snapshot, celex)
        .into_iter()
        .rev()
        .find(|doc| has_document(snapshot, doc))
}

/// The ids of consolidated versions of `celex` in the index's document ids, in order.
fn consolidated_versions(snapshot: &Snapshot, celex: &str) -> Vec<String> {
    let Some(prefix) = consolidated_prefix(celex) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for segment in snapshot.searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(snapshot.fields.doc_id) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else {
            continue;
        };
        while terms.advance() && terms.key().starts_with(prefix.as_bytes()) {
            if let Ok(doc) = std::str::from_utf8(terms.key()) {
                found.push(doc.to_string());
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// True when some unit has this id.
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
/// numbers its definitions as points; `None` when neither is held.
pub fn held_unit_id(snapshot: &Snapshot, celex: &str, unit: &str) -> Option<String> {
    if has_unit(snapshot, &format!("{celex}#{unit}")) {
        return Some(unit.to_string());
    }
    let (head, tail) = unit.rsplit_once(".par_")?;
    let swapped = format!("{head}.pnt_{tail}");
    has_unit(snapshot, &format!("{celex}#{swapped}")).then_some(swapped)
}

/// The unit id as the index holds it (see [`held_unit_id`]), or as cited when not held.
pub fn resolved_unit_id(snapshot: &Snapshot, celex: &str, unit: &str) -> String {
    held_unit_id(snapshot, celex, unit).unwrap_or_else(|| unit.to_string())
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
    let mut acts: HashMap<String, String> = HashMap::new();
    for f in found {
        let doc = acts
            .entry(f.celex)
            .or_insert_with_key(|celex| {
                indexed_act(snapshot, celex).unwrap_or_else(|| celex.clone())
            })
            .clone();
        let unit = f.unit.as_deref();
        let resolved = unit.map(|u| resolved_unit_id(snapshot, &doc, u));
        let id = unit_id(&doc, resolved.as_deref());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::testing::{indexed, version_of};
    use crate::search::lookup::cite;

    #[test]
    fn a_citation_leads_to_the_latest_consolidated_version_when_the_act_is_not_indexed() {
        let versions = [
            version_of("02009R0810-20131018", Lang::En, &["old", "text"]),
            version_of("02009R0810-20200202", Lang::En, &["new", "text"]),
            version_of("32009R0811", Lang::En, &["other", "act"]),
        ];
        let (_dir, snapshot) = indexed(&versions);
        let pinned = |q: &str| -> Vec<String> {
            pinned_ids(&snapshot, q)
                .into_iter()
                .map(|(id, _)| id)
                .collect()
        };
        assert_eq!(
            pinned("Regulation (EC) No 810/2009"),
            ["02009R0810-20200202"]
        );
        assert_eq!(
            pinned("Regulation (EC) No 811/2009"),
            ["32009R0811"],
            "an indexed act is itself"
        );
        assert_eq!(
            pinned("Regulation (EC) No 812/2009"),
            ["32009R0812"],
            "neither: as cited"
        );
    }

    #[test]
    fn a_cited_unit_is_in_the_index_only_when_the_index_holds_it() {
        let versions = [version_of("32016R0679", Lang::En, &["first", "second"])];
        let (_dir, snapshot) = indexed(&versions);
        let in_index = |text: &str| -> Vec<bool> {
            cite(&snapshot, text).iter().map(|c| c.in_index).collect()
        };
        assert_eq!(in_index("Regulation (EU) 2016/679"), [true]);
        assert_eq!(in_index("Article 150 of Regulation (EU) 2016/679"), [false]);
        assert_eq!(in_index("Regulation (EU) 2016/680"), [false]);
    }
}
