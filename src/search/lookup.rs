//! Lookups by id and over the whole index: `stats`, `show`, `cite`, `define`, `cited-by`.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, TantivyDocument, Term};

use super::SearchError;
use super::citations;
use super::execute::{self, Group, SearchRequest};
use super::query;
use crate::index::reader::Snapshot;
use crate::index::schema::{REC_UNIT, REC_VERSION, stored_date, stored_text};
use crate::ingest::metadata;
use crate::lang::Lang;
use crate::legal::citation::{Context, find_citations};
use crate::legal::definitions;
use crate::limits;
use crate::model::{
    Citation, Definition, ExportedUnit, Kind, SearchResponse, ShowResponse, ShownUnit,
    ShownVersion, Stats, unit_id,
};

/// The counts and fingerprint of the index.
pub fn stats(snapshot: &Snapshot) -> Stats {
    let payload = &snapshot.payload;
    let counts = &payload.counts;
    Stats {
        documents: counts.documents,
        units: counts.units,
        files: counts.files,
        lang: counts.lang.clone(),
        kind: counts.kind.clone(),
        year: counts.year.clone(),
        fingerprint: payload.fingerprint.clone(),
        version: payload.version.clone(),
    }
}

/// Which versions `show` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionChoice {
    /// One version: English if there is one, else the first language.
    Default,
    /// The primary version in this language.
    Lang(Lang),
    /// The version from this file.
    Path(String),
    /// The primary version in each of these languages, aligned.
    Parallel(Vec<Lang>),
}

/// A version known to the index.
#[derive(Debug, Clone)]
struct VersionInfo {
    version: String,
    lang: Lang,
    path: String,
    title: String,
    primary: bool,
}

/// Splits `doc_id#unit` into the normalised document id and the unit; an id without a
/// document is refused.
pub fn split_id(id: &str) -> Result<(String, Option<&str>), SearchError> {
    let (doc, unit) = match id.split_once('#') {
        Some((doc, unit)) => (doc, Some(unit).filter(|u| !u.is_empty())),
        None => (id, None),
    };
    let doc = query::normalize_doc_id(doc);
    if doc.is_empty() {
        return Err(SearchError::Invalid {
            parameter: "id",
            message: format!(
                "'{}' names no document (expected DOC_ID or DOC_ID#UNIT)",
                truncate(id)
            ),
        });
    }
    Ok((doc, unit))
}

/// The unit or document `id`, in the versions `choice` asks for.
pub fn show(
    snapshot: &Snapshot,
    id: &str,
    choice: &VersionChoice,
) -> Result<ShowResponse, SearchError> {
    let (cited_doc, unit) = split_id(id)?;
    // An act indexed only as consolidated versions is shown in its latest (as `cite`
    // says it is in the index).
    let doc = match citations::indexed_act(snapshot, &cited_doc) {
        Some(held) if held != cited_doc => held,
        _ => cited_doc,
    };
    let versions = versions_of(snapshot, &doc)?;
    if versions.is_empty() {
        return Err(SearchError::NotFound(format!(
            "document '{}'",
            truncate(&doc)
        )));
    }
    let chosen = choose_versions(&versions, choice)?;
    let mut shown = Vec::new();
    let mut resolved_unit = unit.map(str::to_string);
    for version in &chosen {
        let units = units_of(snapshot, &version.version)?;
        let unit_id = resolved_unit
            .as_deref()
            .and_then(|u| resolve_unit(&units, u));
        if unit.is_some() && unit_id.is_none() {
            continue;
        }
        resolved_unit = unit_id.clone().or(resolved_unit);
        shown.push(shown_version(version, &units, unit_id.as_deref()));
    }
    if shown.is_empty() {
        let held_in = langs_holding(snapshot, &versions, unit.unwrap_or(""))?;
        let elsewhere = if held_in.is_empty() {
            String::new()
        } else {
            format!(
                " in the version asked for (it is in: {})",
                held_in.join(", ")
            )
        };
        return Err(SearchError::NotFound(format!(
            "unit '{}' of {doc}{elsewhere}",
            truncate(unit.unwrap_or(""))
        )));
    }
    let unit = resolved_unit.filter(|_| unit.is_some());
    let title = chosen.first().map(|v| v.title.clone()).unwrap_or_default();
    let id = unit_id(&doc, unit.as_deref());
    Ok(ShowResponse {
        id,
        doc_id: doc,
        unit,
        title,
        versions: shown,
    })
}

/// The languages whose primary version holds `unit`.
fn langs_holding(
    snapshot: &Snapshot,
    versions: &[VersionInfo],
    unit: &str,
) -> Result<Vec<String>, SearchError> {
    let mut langs = Vec::new();
    for version in versions.iter().filter(|v| v.primary) {
        if resolve_unit(&units_of(snapshot, &version.version)?, unit).is_some() {
            langs.push(version.lang.code().to_string());
        }
    }
    Ok(langs)
}

fn truncate(text: &str) -> String {
    text.chars().take(80).collect()
}

fn choose_versions(
    versions: &[VersionInfo],
    choice: &VersionChoice,
) -> Result<Vec<VersionInfo>, SearchError> {
    let primary_in = |lang: Lang| {
        versions
            .iter()
            .find(|v| v.primary && v.lang == lang)
            .cloned()
    };
    let chosen: Vec<VersionInfo> = match choice {
        VersionChoice::Default => primary_in(Lang::En)
            .or_else(|| versions.iter().find(|v| v.primary).cloned())
            .into_iter()
            .collect(),
        VersionChoice::Lang(lang) => primary_in(*lang).into_iter().collect(),
        VersionChoice::Path(path) => versions
            .iter()
            .filter(|v| v.path == *path)
            .cloned()
            .collect(),
        VersionChoice::Parallel(langs) => langs.iter().filter_map(|l| primary_in(*l)).collect(),
    };
    if chosen.is_empty() {
        let available: Vec<String> = versions
            .iter()
            .filter(|v| v.primary)
            .map(|v| v.lang.code().to_string())
            .collect();
        return Err(SearchError::NotFound(format!(
            "no such version (languages: {})",
            available.join(", ")
        )));
    }
    Ok(chosen)
}

/// The unit id as the version holds it: `art_4.par_11` is `art_4.pnt_11` when the article
/// numbers its definitions as points.
fn resolve_unit(units: &[StoredUnit], wanted: &str) -> Option<String> {
    let exists = |id: &str| {
        units
            .iter()
            .any(|u| u.unit == id || u.unit.starts_with(&format!("{id}.")))
    };
    if exists(wanted) {
        return Some(wanted.to_string());
    }
    let swapped = wanted
        .rsplit_once(".par_")
        .map(|(head, tail)| format!("{head}.pnt_{tail}"));
    match swapped {
        Some(swapped) if exists(&swapped) => Some(swapped),
        _ => citations::unit_in_part(wanted, units.iter().map(|u| u.unit.as_str())),
    }
}

fn shown_version(version: &VersionInfo, units: &[StoredUnit], unit: Option<&str>) -> ShownVersion {
    let inside = |u: &StoredUnit| match unit {
        Some(id) => u.unit == id || u.unit.starts_with(&format!("{id}.")),
        None => true,
    };
    let units: Vec<ShownUnit> = units
        .iter()
        .filter(|u| inside(u))
        .map(|u| ShownUnit {
            unit: (!u.unit.is_empty()).then(|| u.unit.clone()),
            heading: u.heading.clone(),
            text: u.text.clone(),
        })
        .collect();
    let text = units
        .iter()
        .map(|u| u.text.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    ShownVersion {
        lang: version.lang.code().to_string(),
        path: version.path.clone(),
        text,
        units,
    }
}

/// The titles of the versions of `doc` (none when it is not indexed).
pub fn titles_of(snapshot: &Snapshot, doc: &str) -> Vec<String> {
    let mut titles: Vec<String> = versions_of(snapshot, doc)
        .unwrap_or_default()
        .into_iter()
        .map(|v| v.title)
        .collect();
    titles.sort_unstable();
    titles.dedup();
    titles
}

fn versions_of(snapshot: &Snapshot, doc: &str) -> Result<Vec<VersionInfo>, SearchError> {
    let f = &snapshot.fields;
    let query = BooleanQuery::new(vec![
        (Occur::Must, query::term(f.rec, REC_VERSION)),
        (Occur::Must, query::term(f.doc_id, doc)),
    ]);
    let mut versions = Vec::new();
    for (_, d) in stored(snapshot, &query)? {
        let text = |field| stored_text(&d, field).unwrap_or("").to_string();
        let version = text(f.version);
        let primary = !snapshot.payload.hidden.contains(&version);
        versions.push(VersionInfo {
            lang: text(f.lang).parse().unwrap_or(Lang::Und),
            path: text(f.path),
            title: text(f.title),
            version,
            primary,
        });
    }
    versions.sort_by(|a, b| (a.lang, &a.path).cmp(&(b.lang, &b.path)));
    Ok(versions)
}

/// A unit as stored.
#[derive(Debug, Clone)]
struct StoredUnit {
    unit: String,
    heading: Option<String>,
    text: String,
    seq: u64,
}

fn units_of(snapshot: &Snapshot, version: &str) -> Result<Vec<StoredUnit>, SearchError> {
    let f = &snapshot.fields;
    let query = BooleanQuery::new(vec![
        (Occur::Must, query::term(f.rec, REC_UNIT)),
        (Occur::Must, query::term(f.version, version)),
    ]);
    let mut units: Vec<StoredUnit> = stored(snapshot, &query)?
        .into_iter()
        .map(|(_, d)| {
            let text = |field| stored_text(&d, field).map(str::to_string);
            StoredUnit {
                unit: text(f.unit).unwrap_or_default(),
                heading: text(f.heading),
                text: text(f.text).unwrap_or_default(),
                seq: d.get_first(f.seq).and_then(|v| v.as_u64()).unwrap_or(0),
            }
        })
        .collect();
    units.sort_by_key(|u| u.seq);
    Ok(units)
}

/// Most stored documents one lookup reads.
const MAX_LOOKUP_DOCS: usize = 200_000;

fn stored(
    snapshot: &Snapshot,
    query: &dyn Query,
) -> Result<Vec<(DocAddress, TantivyDocument)>, SearchError> {
    let addresses = snapshot.searcher.search(query, &DocSetCollector)?;
    let mut addresses: Vec<DocAddress> = addresses.into_iter().collect();
    addresses.sort();
    addresses.truncate(MAX_LOOKUP_DOCS);
    addresses
        .into_iter()
        .map(|a| Ok((a, snapshot.searcher.doc(a)?)))
        .collect()
}

/// Every citation in `text`, one entry per unit named, with whether the index holds it.
pub fn cite(snapshot: &Snapshot, text: &str) -> Vec<Citation> {
    // The document each act is held as: itself, or its latest consolidated version.
    let mut acts: HashMap<String, Option<String>> = HashMap::new();
    find_citations(text, &Context::default())
        .into_iter()
        .map(|found| {
            let doc = acts
                .entry(found.celex.clone())
                .or_insert_with_key(|celex| citations::indexed_act(snapshot, celex))
                .clone();
            let held = match (found.unit.as_deref(), &doc) {
                (Some(cited), Some(doc)) => citations::held_unit_id(snapshot, doc, cited),
                _ => None,
            };
            let in_index = match found.unit {
                Some(_) => held.is_some(),
                None => doc.is_some(),
            };
            let unit = held.or_else(|| found.unit.clone());
            let id = unit_id(&found.celex, unit.as_deref());
            Citation {
                text: text.get(found.start..found.end).unwrap_or("").to_string(),
                celex: found.celex,
                unit,
                id,
                in_index,
            }
        })
        .collect()
}

/// The definitions of `term`: those whose term holds it (case- and accent-insensitive, as a
/// phrase), else those whose term is an inflected form of it in the definition's language
/// (`ježek` finds „ježkem“, `siili` finds ’siilillä’).
pub fn define(
    snapshot: &Snapshot,
    term: &str,
    doc: Option<&str>,
    lang: Option<Lang>,
) -> Result<Vec<Definition>, SearchError> {
    let f = &snapshot.fields;
    let words: Vec<String> = crate::lang::analyzers::words(term)
        .map(|w| crate::lang::fold::fold(w.text).into_owned())
        .collect();
    if words.is_empty() {
        return Err(SearchError::Invalid {
            parameter: "term",
            message: "has no letters or digits".into(),
        });
    }
    let wanted = crate::lang::fold::fold(term)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(f.defines, w))
        .collect();
    let phrase: Box<dyn Query> = if terms.len() == 1 {
        Box::new(TermQuery::new(terms[0].clone(), IndexRecordOption::Basic))
    } else {
        Box::new(tantivy::query::PhraseQuery::new(terms))
    };
    let holding = |defined: &str, _: &str| crate::lang::fold::fold(defined).contains(&wanted);
    let mut definitions = definitions_where(snapshot, phrase, doc, lang, &holding)?;
    if definitions.is_empty() {
        let inflected = |defined: &str, lang: &str| {
            lang.parse::<Lang>()
                .is_ok_and(|lang| definitions::same_term(defined, term, lang))
        };
        let candidates = words_starting_alike(snapshot, &words);
        definitions = definitions_where(snapshot, candidates, doc, lang, &inflected)?;
    }
    definitions.sort_by(|a, b| {
        (exactness(&a.term, &wanted), &a.lang, &a.id).cmp(&(
            exactness(&b.term, &wanted),
            &b.lang,
            &b.id,
        ))
    });
    definitions.dedup();
    Ok(definitions)
}

/// Letters an inflected form is taken to share with its base form (`jež-ek`, `jež-kem`;
/// two, as short nouns change their third: Lithuanian `ež-ys`, `ež-ių`, Latvian `ez-is`,
/// `ež-u`). Only candidates: [`definitions::same_term`] decides.
const INFLECTION_STEM_CHARS: usize = 2;

/// Units defining a term with every word of `words` or a word starting as it does: the
/// candidates for inflected forms.
fn words_starting_alike(snapshot: &Snapshot, words: &[String]) -> Box<dyn Query> {
    let f = &snapshot.fields;
    let each_word = words.iter().map(|word| {
        let start: String = word.chars().take(INFLECTION_STEM_CHARS).collect();
        let alike = citations::terms_starting(snapshot, f.defines, &start)
            .into_iter()
            .map(|t| Term::from_field_text(f.defines, &t))
            .collect();
        (Occur::Must, query::any_of(alike))
    });
    Box::new(BooleanQuery::new(each_word.collect()))
}

/// The definitions in the units `found` matches (in `doc` and `lang` when given) whose term
/// `keep(term, unit language)` accepts.
fn definitions_where(
    snapshot: &Snapshot,
    found: Box<dyn Query>,
    doc: Option<&str>,
    lang: Option<Lang>,
    keep: &dyn Fn(&str, &str) -> bool,
) -> Result<Vec<Definition>, SearchError> {
    let f = &snapshot.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
        (Occur::Must, found),
        (Occur::Must, query::term(f.rec, REC_UNIT)),
    ];
    if let Some(doc) = doc {
        clauses.push((
            Occur::Must,
            query::term(f.doc_id, &query::normalize_doc_id(doc)),
        ));
    }
    if let Some(lang) = lang {
        clauses.push((Occur::Must, query::term(f.lang, lang.code())));
    }
    clauses.push((Occur::MustNot, snapshot.hidden_filter()));
    Ok(stored(snapshot, &BooleanQuery::new(clauses))?
        .into_iter()
        .flat_map(|(_, d)| definitions_in(&d, f, keep))
        .collect())
}

/// Exact matches of the term before terms that only contain it.
fn exactness(term: &str, wanted: &str) -> u8 {
    let folded = crate::lang::fold::fold(term)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    u8::from(folded != wanted)
}

fn definitions_in(
    doc: &TantivyDocument,
    f: &crate::index::schema::Fields,
    keep: &dyn Fn(&str, &str) -> bool,
) -> Vec<Definition> {
    let text = |field| stored_text(doc, field).unwrap_or("").to_string();
    let lang = text(f.lang);
    doc.get_all(f.defines)
        .filter_map(|v| v.as_str())
        .filter(|t| keep(t, &lang))
        .map(|t| Definition {
            term: t.to_string(),
            id: text(f.id),
            lang: lang.clone(),
            text: text(f.text),
        })
        .collect()
}

/// Every unit that cites `id` or a unit inside it, as a page of hits.
pub fn cited_by(
    snapshot: &Snapshot,
    id: &str,
    kinds: &[Kind],
    limit: u64,
    offset: u64,
) -> Result<SearchResponse, SearchError> {
    let started = std::time::Instant::now();
    let (doc, unit) = split_id(id)?;
    if !metadata::is_celex(&doc) && versions_of(snapshot, &doc)?.is_empty() {
        // An act need not be indexed to be cited; anything else must be.
        return Err(SearchError::NotFound(format!(
            "document '{}'",
            truncate(&doc)
        )));
    }
    let target = unit_id(&doc, unit);
    let request = SearchRequest {
        query: format!("cited-by:{target}"),
        kinds: kinds.to_vec(),
        group: Group::Unit,
        limit: limit.min(limits::MAX_LIMIT),
        offset,
        ..SearchRequest::default()
    };
    let cites = Box::new(TermQuery::new(
        Term::from_field_text(snapshot.fields.cites, &target),
        IndexRecordOption::Basic,
    ));
    let matches = execute::find_query(snapshot, &request, cites, Default::default())?;
    let range = execute::page(offset, request.limit, matches.total());
    let hits = execute::hits_in(snapshot, &matches, range)?;
    Ok(SearchResponse {
        query: id.to_string(),
        total: matches.total(),
        offset,
        limit: request.limit,
        took_ms: started.elapsed().as_millis() as u64,
        fingerprint: snapshot.payload.fingerprint.clone(),
        hits,
        facets: None,
    })
}

/// Which units `export` writes.
#[derive(Debug, Clone, Default)]
pub struct ExportFilter {
    /// Only these languages (all when empty).
    pub langs: Vec<Lang>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// Also the versions hidden from search as duplicates of another file of the same
    /// document and language (e.g. the Formex beside the XHTML of an act).
    pub all_versions: bool,
}

/// Every unit of the primary versions (or of every version), optionally of some languages
/// and kinds, with its full text, in index order; stored documents are read one at a time.
pub fn export(
    snapshot: &Snapshot,
    filter: &ExportFilter,
    mut each: impl FnMut(ExportedUnit) -> std::io::Result<()>,
) -> Result<u64, SearchError> {
    let f = &snapshot.fields;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, query::term(f.rec, REC_UNIT))];
    if !filter.all_versions {
        clauses.push((Occur::MustNot, snapshot.hidden_filter()));
    }
    if !filter.langs.is_empty() {
        let terms = filter
            .langs
            .iter()
            .map(|l| tantivy::Term::from_field_text(f.lang, l.code()));
        clauses.push((
            Occur::Must,
            Box::new(tantivy::query::TermSetQuery::new(terms)),
        ));
    }
    if !filter.kinds.is_empty() {
        let terms = filter
            .kinds
            .iter()
            .map(|k| tantivy::Term::from_field_text(f.kind, k.name()));
        clauses.push((
            Occur::Must,
            Box::new(tantivy::query::TermSetQuery::new(terms)),
        ));
    }
    let mut addresses: Vec<DocAddress> = snapshot
        .searcher
        .search(&BooleanQuery::new(clauses), &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort();
    for address in &addresses {
        let doc: TantivyDocument = snapshot.searcher.doc(*address)?;
        let text = |field| stored_text(&doc, field).unwrap_or("").to_string();
        let unit = text(f.unit);
        let exported = ExportedUnit {
            id: text(f.id),
            doc_id: text(f.doc_id),
            unit: (!unit.is_empty()).then_some(unit),
            lang: text(f.lang),
            kind: text(f.kind).parse().unwrap_or(Kind::Other),
            date: stored_date(&doc, f.date),
            title: text(f.title),
            path: text(f.path),
            heading: stored_text(&doc, f.heading).map(str::to_string),
            text: text(f.text),
        };
        each(exported).map_err(|e| SearchError::Output(e.to_string()))?;
    }
    Ok(addresses.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::testing::{indexed, version_of};

    #[test]
    fn a_unit_missing_in_the_language_asked_for_says_where_it_is() {
        let versions = [
            version_of("32099R0009", Lang::En, &["one", "two", "three"]),
            version_of("32099R0009", Lang::Fr, &["un", "deux"]),
        ];
        let (_dir, snapshot) = indexed(&versions);
        let french = VersionChoice::Lang(Lang::Fr);
        let error = show(&snapshot, "32099R0009#p_3", &french).expect_err("not in French");
        assert!(error.to_string().contains("(it is in: en)"), "{error}");
        let error = show(&snapshot, "32099R0009#p_9", &french).expect_err("nowhere");
        assert_eq!(error.to_string(), "not found: unit 'p_9' of 32099R0009");
        assert!(show(&snapshot, "32099R0009#p_2", &french).is_ok());
    }
}
