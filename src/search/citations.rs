//! Citations as queries: resolving what a citation names against the index, and finding the
//! units a query that *is* a citation pins to the top of its hits.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use tantivy::Term;
use tantivy::query::TermQuery;
use tantivy::schema::{Field, IndexRecordOption};

use super::lookup;
use crate::index::reader::Snapshot;
use crate::ingest::metadata::consolidated_prefix;
use crate::lang::Lang;
use crate::lang::analyzers::words;
use crate::lang::fold::fold;
use crate::legal::citation::{Context, Found, find_citations, may_hold_citation};
use crate::model::unit_id;

/// Letters and digits a query may have outside its citation and still be "a citation"
/// (`see`, `cf`), besides words of the cited act's title.
const MAX_OUTSIDE_CHARS: usize = 3;

/// Words naming who adopted an act, which a citation may put before it (`Council
/// Framework Decision`, `Commission Implementing Regulation`) though the title of the
/// version indexed (in another language) lacks them; folded.
const AUTHORS: &[&str] = &[
    "council",
    "commission",
    "european",
    "parliament",
    "implementing",
    "delegated",
    "the",
    "of",
    "and",
    "conseil",
    "parlement",
    "europeen",
    "du",
    "de",
    "et",
    "rat",
    "kommission",
    "parlament",
    "europaischen",
    "des",
    "der",
    "und",
];

/// True when some document has this id.
pub fn has_document(snapshot: &Snapshot, doc: &str) -> bool {
    count(snapshot, Term::from_field_text(snapshot.fields.doc_id, doc)) > 0
}

/// The document a citation of the act `celex` leads to: the act itself when indexed, else
/// its latest consolidated version (`02009R0810-20200202` for `32009R0810`), if any.
pub fn indexed_act(snapshot: &Snapshot, celex: &str) -> Option<String> {
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
    match consolidated_prefix(celex) {
        Some(prefix) => terms_starting(snapshot, snapshot.fields.doc_id, &prefix),
        None => Vec::new(),
    }
}

/// Every term of `field` that starts with `prefix`, in order, once.
pub(super) fn terms_starting(snapshot: &Snapshot, field: Field, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    for segment in snapshot.searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else {
            continue;
        };
        while terms.advance() && terms.key().starts_with(prefix.as_bytes()) {
            if let Ok(term) = std::str::from_utf8(terms.key()) {
                found.push(term.to_string());
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
    if let Some((head, tail)) = unit.rsplit_once(".par_") {
        let swapped = format!("{head}.pnt_{tail}");
        if has_unit(snapshot, &format!("{celex}#{swapped}")) {
            return Some(swapped);
        }
    }
    let prefix = format!("{celex}#");
    let part_prefix = format!("{prefix}{}", annex_part_prefix(unit)?);
    let held = terms_starting(snapshot, snapshot.fields.id, &part_prefix);
    unit_in_part(
        unit,
        held.iter()
            .filter_map(|id| id.strip_prefix(prefix.as_str())),
    )
}

/// `anx_I.prt_` for a unit of annex I cited without its part (`anx_I.pnt_2`).
fn annex_part_prefix(unit: &str) -> Option<String> {
    let (annex, rest) = unit.split_once('.')?;
    (annex.starts_with("anx_") && !rest.starts_with("prt_")).then(|| format!("{annex}.prt_"))
}

/// The one unit among `held` that is `unit` inside a part of its annex (`anx_I.pnt_2` is
/// `anx_I.prt_A.pnt_2` when only part A has a point 2); `None` when none or several are.
pub fn unit_in_part<'a>(unit: &str, held: impl Iterator<Item = &'a str>) -> Option<String> {
    let (annex, rest) = unit.split_once('.')?;
    let mut found = held.filter(|id| {
        id.strip_prefix(annex)
            .and_then(|after| after.strip_prefix(".prt_"))
            .and_then(|after| after.split_once('.'))
            .is_some_and(|(_, tail)| tail == rest)
    });
    let first = found.next()?;
    found.next().is_none().then(|| first.to_string())
}

/// The unit id as the index holds it (see [`held_unit_id`]), or as cited when not held.
pub fn resolved_unit_id(snapshot: &Snapshot, celex: &str, unit: &str) -> String {
    held_unit_id(snapshot, celex, unit).unwrap_or_else(|| unit.to_string())
}

/// A query that *is* a citation: the ids it names and where in the query it stands.
#[derive(Debug, Clone, Default)]
pub struct CitationQuery {
    /// The ids named, each with the language its wording is in.
    pub ids: Vec<(String, Option<Lang>)>,
    /// Byte span of the citations in the query.
    pub span: Range<usize>,
}

impl CitationQuery {
    /// Whether the character `position` of `query` lies inside the citations: the query
    /// syntax may stumble there (`eli/reg/2016/679/oj`, `CELEX:32016R0679`) without the
    /// query being malformed.
    pub fn holds_position(&self, query: &str, position: usize) -> bool {
        let at = query
            .char_indices()
            .nth(position)
            .map_or(query.len(), |(at, _)| at);
        self.span.contains(&at)
    }
}

/// The citation a query is, if it is one: the citations found span the query, give or
/// take a filler word and the words of the cited acts' titles (`Council Framework Decision
/// 2002/584/JHA`, `Regulation (EU) 2016/679 of the European Parliament and of the Council
/// of 27 April 2016`).
pub fn citation_query(snapshot: &Snapshot, query: &str) -> Option<CitationQuery> {
    if !may_hold_citation(query) {
        return None;
    }
    let found = find_citations(query, &Context::default());
    let start = found.iter().map(|f| f.start).min()?;
    let end = found.iter().map(|f| f.end).max()?;
    let outside = [query.get(..start)?, query.get(end..)?];
    if end <= start || !outside_is_filler(snapshot, &found, &outside) {
        return None;
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
    Some(CitationQuery {
        ids,
        span: start..end,
    })
}

/// True when the text outside the citations is no more than a filler word (`see`, `cf`),
/// or words of the cited acts' titles.
fn outside_is_filler(snapshot: &Snapshot, found: &[Found], outside: &[&str]) -> bool {
    let letters: usize = outside
        .iter()
        .map(|text| text.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if letters <= MAX_OUTSIDE_CHARS {
        return true;
    }
    // Query syntax outside the citation (`Article 6 GDPR -processing`, `… NOT data`)
    // makes a search, not a citation.
    let operators = |text: &&str| {
        text.contains(['-', '+', '"', ':', '(', ')', '*', '~'])
            || text
                .split_whitespace()
                .any(|w| matches!(w, "AND" | "OR" | "NOT"))
    };
    if outside.iter().any(operators) {
        return false;
    }
    let mut title_words: HashSet<String> = HashSet::new();
    let mut celexes: Vec<&str> = found.iter().map(|f| f.celex.as_str()).collect();
    celexes.sort_unstable();
    celexes.dedup();
    for celex in celexes {
        let Some(doc) = indexed_act(snapshot, celex) else {
            continue;
        };
        for title in lookup::titles_of(snapshot, &doc) {
            title_words.extend(words(&title).map(|w| fold(w.text).into_owned()));
        }
    }
    outside.iter().flat_map(|text| words(text)).all(|w| {
        let word = fold(w.text);
        title_words.contains(word.as_ref()) || AUTHORS.contains(&word.as_ref())
    })
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
            citation_query(&snapshot, q)
                .map(|c| c.ids.into_iter().map(|(id, _)| id).collect())
                .unwrap_or_default()
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
        assert!(
            cite(&snapshot, "Regulation (EC) No 810/2009")[0].in_index,
            "held by its consolidated version"
        );
        assert!(!cite(&snapshot, "Regulation (EC) No 812/2009")[0].in_index);
    }

    #[test]
    fn a_citation_may_come_with_its_authors_and_its_titles_words() {
        let mut act = version_of("32016R0679", Lang::En, &["first", "second"]);
        act.title = "Regulation (EU) 2016/679 of the European Parliament and of the Council \
                     of 27 April 2016 on the protection of natural persons"
            .into();
        let (_dir, snapshot) = indexed(&[act]);
        let is_citation = |q: &str| citation_query(&snapshot, q).is_some();
        assert!(is_citation(
            "Regulation (EU) 2016/679 of the European Parliament and of the Council of 27 April 2016"
        ));
        assert!(is_citation("Council Regulation (EU) 2016/679"));
        assert!(is_citation("see Article 6 GDPR"));
        assert!(!is_citation("Article 6 GDPR consent"));
        assert!(!is_citation("Article 6 GDPR -protection"));
        assert!(!is_citation("Regulation (EU) 2016/679 NOT Council"));
        assert!(!is_citation("consent"));
    }

    #[test]
    fn only_the_citation_may_trip_the_query_syntax() {
        let (_dir, snapshot) = indexed(&[version_of("32016R0679", Lang::En, &["a", "b"])]);
        let query = "Article 6(1)(a) GDPR)";
        let citation = citation_query(&snapshot, query).expect("a citation");
        assert!(citation.holds_position(query, 8));
        assert!(!citation.holds_position(query, 20));
    }

    #[test]
    fn a_unit_of_an_act_held_only_in_consolidated_form_is_in_the_index() {
        let mut consolidated = version_of("02009R0810-20200202", Lang::En, &["visa", "rules"]);
        consolidated.units[0].unit = Some("art_1".into());
        let (_dir, snapshot) = indexed(&[consolidated]);
        let cited = cite(&snapshot, "Article 1 of Regulation (EC) No 810/2009");
        assert_eq!(cited[0].id, "32009R0810#art_1");
        assert!(cited[0].in_index);
        assert!(!cite(&snapshot, "Article 9 of Regulation (EC) No 810/2009")[0].in_index);
        let shown = crate::search::lookup::show(
            &snapshot,
            &cited[0].id,
            &crate::search::lookup::VersionChoice::Default,
        )
        .expect("what cite says is in the index is shown");
        assert_eq!(shown.id, "02009R0810-20200202#art_1");
    }

    #[test]
    fn an_annex_point_cited_without_its_part_is_found_in_the_one_part_holding_it() {
        let mut act = version_of("32099R0001", Lang::En, &["a1", "b2", "c1", "d9"]);
        let ids = [
            "anx_I.prt_A.pnt_1",
            "anx_I.prt_B.pnt_2",
            "anx_I.prt_B.pnt_1",
            "anx_II.pnt_9",
        ];
        for (unit, id) in act.units.iter_mut().zip(ids) {
            unit.unit = Some(id.into());
        }
        let (_dir, snapshot) = indexed(&[act]);
        let held = |unit: &str| held_unit_id(&snapshot, "32099R0001", unit);
        assert_eq!(held("anx_I.pnt_2").as_deref(), Some("anx_I.prt_B.pnt_2"));
        assert_eq!(held("anx_I.pnt_1"), None, "in two parts: ambiguous");
        assert_eq!(held("anx_II.pnt_9").as_deref(), Some("anx_II.pnt_9"));
        let shown = crate::search::lookup::show(
            &snapshot,
            "32099R0001#anx_I.pnt_2",
            &crate::search::lookup::VersionChoice::Default,
        )
        .expect("shown");
        assert_eq!(shown.unit.as_deref(), Some("anx_I.prt_B.pnt_2"));
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
