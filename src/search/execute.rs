//! Running a search: filters, collection with exact totals, grouping by document, sorting,
//! paging, facets, snippets.
//!
//! One pass over the matching units collects, per unit, what sorting, grouping and facets
//! need from fast fields (score, date, document, language, kind, publisher). Grouping keeps
//! each document's best unit (of equal scores, the earliest in its version), which stands for
//! it in the facets (a document counts once, under its best unit's language). Date sorts order
//! by date alone; every sort is total, ties broken by id then language, so the same query
//! always lists hits in the same order, page after page, however the index's units fell into
//! segments.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Instant;

use rustc_hash::FxHashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader, Term};

use super::SearchError;
use super::citations::{self, CitationQuery};
use super::query::{self, Builder, Node};
use super::snippet::Highlighter;
use crate::index::columns::{ColumnCache, Columns, NameColumn, StrValues};
use crate::index::reader::Snapshot;
use crate::index::schema::REC_UNIT;
use crate::lang::Lang;
use crate::limits;
use crate::model::{Date, DateSpan, Facets, Hit, Kind, SearchResponse, is_paragraph, unit_id};

/// How hits are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Group {
    /// Each document once, as its best unit.
    #[default]
    Doc,
    /// Every matching unit.
    Unit,
}

impl std::str::FromStr for Group {
    type Err = String;

    /// `doc` or `unit`, as the API and batch lines name them.
    fn from_str(s: &str) -> Result<Group, String> {
        match s {
            "doc" => Ok(Group::Doc),
            "unit" => Ok(Group::Unit),
            other => Err(format!("invalid group '{other}': expected doc or unit")),
        }
    }
}

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best score first.
    #[default]
    Relevance,
    /// Latest date first, undated last.
    Newest,
    /// Earliest date first, undated last.
    Oldest,
}

impl std::str::FromStr for Sort {
    type Err = String;

    /// `relevance`, `newest` or `oldest`, as the API and batch lines name them.
    fn from_str(s: &str) -> Result<Sort, String> {
        match s {
            "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            other => Err(format!(
                "invalid sort '{other}': expected relevance, newest or oldest"
            )),
        }
    }
}

/// A value named by a word (`group` `unit`, `sort` `newest`), or its default when absent
/// or empty, as the API and batch lines give them.
pub fn named_or_default<T>(value: Option<&str>) -> Result<T, String>
where
    T: Default + std::str::FromStr<Err = String>,
{
    value
        .filter(|v| !v.is_empty())
        .map_or(Ok(T::default()), str::parse)
}

/// One search, as the CLI, batch and the API ask for it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    /// The query string.
    pub query: String,
    /// Only these languages (all when empty).
    pub langs: Vec<Lang>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// Dated on or after the start of this span.
    pub from: Option<DateSpan>,
    /// Dated on or before the end of this span.
    pub to: Option<DateSpan>,
    /// Only this document.
    pub doc: Option<String>,
    /// Grouping.
    pub group: Group,
    /// Order.
    pub sort: Sort,
    /// Page size.
    pub limit: u64,
    /// Hits skipped.
    pub offset: u64,
    /// Count facets.
    pub facets: bool,
}

/// Everything needed about one candidate hit before its stored document is read.
#[derive(Debug, Clone)]
struct Candidate {
    address: DocAddress,
    score: Score,
    date: i64,
    doc_id: Arc<str>,
    /// Index of the unit's language in [`ALL`] (24: undetermined).
    lang: u64,
    kind: u64,
    publisher: Arc<str>,
}

/// The matching set of a query, sorted.
pub struct Matches {
    candidates: Vec<Candidate>,
    highlight: query::Highlight,
    facets: Option<Facets>,
}

impl Matches {
    /// Exact number of hits (documents or units, per grouping).
    pub fn total(&self) -> u64 {
        self.candidates.len() as u64
    }
}

/// Runs a request and returns one page, as `search --format json` prints it.
///
/// A query that is a citation (`Article 6(1)(a) GDPR`) lists the cited unit first, in the
/// query's language when that version is indexed, then the ordinary hits of its words.
pub fn search(snapshot: &Snapshot, request: &SearchRequest) -> Result<SearchResponse, SearchError> {
    let started = Instant::now();
    check_dates(request)?;
    let citation = citations::citation_query(snapshot, &request.query).unwrap_or_default();
    let pinned = pinned(snapshot, request, &citation)?;
    let matches = match query::parse(&request.query) {
        Ok(node) => find(snapshot, request, &node)?,
        Err(error)
            if !pinned.is_empty() && citation.holds_position(&request.query, error.position) =>
        {
            Matches {
                candidates: Vec::new(),
                highlight: query::Highlight::default(),
                facets: request.facets.then(Facets::default),
            }
        }
        Err(error) => return Err(error.into()),
    };
    let matches = with_pinned(matches, pinned, request.group);
    let range = page(request.offset, request.limit, matches.total());
    let hits = hits_in(snapshot, &matches, range)?;
    Ok(SearchResponse {
        query: request.query.clone(),
        total: matches.total(),
        offset: request.offset,
        limit: request.limit,
        took_ms: started.elapsed().as_millis() as u64,
        fingerprint: snapshot.payload.fingerprint.clone(),
        hits,
        facets: matches.facets,
    })
}

/// The units a citation query names, in the query's language first, else English, then
/// the others: one language each under `--group doc`, every language under `--group unit`
/// (the same clause beside it in the other languages).
fn pinned(
    snapshot: &Snapshot,
    request: &SearchRequest,
    citation: &CitationQuery,
) -> Result<Vec<Candidate>, SearchError> {
    if citation.ids.is_empty() {
        return Ok(Vec::new());
    }
    let terms = citation
        .ids
        .iter()
        .map(|(id, _)| Term::from_field_text(snapshot.fields.id, id));
    let unit_request = SearchRequest {
        group: Group::Unit,
        facets: false,
        ..request.clone()
    };
    let query = with_filters(
        snapshot,
        &unit_request,
        query::any_of(terms.collect()),
        Scope::Units,
    );
    let found = snapshot
        .searcher
        .search(query.as_ref(), &MatchCollector::new(snapshot, Group::Unit))?;
    let mut unit_ids = StrValues::new(&snapshot.searcher, "id");
    let mut keyed: Vec<(String, Candidate)> = found
        .into_iter()
        .map(|c| Ok((unit_ids.get(c.address)?, c)))
        .collect::<Result<_, SearchError>>()?;
    keyed.sort_by(|a, b| (&a.0, a.1.address).cmp(&(&b.0, b.1.address)));
    let mut pinned = Vec::new();
    for (id, lang) in &citation.ids {
        let rank = |c: &Candidate| {
            let lang_of = |l: Lang| c.lang == l.index() as u64;
            (!lang.is_some_and(lang_of), !lang_of(Lang::En), c.lang)
        };
        let mut versions: Vec<&Candidate> = keyed
            .iter()
            .filter(|(k, _)| k == id)
            .map(|(_, c)| c)
            .collect();
        versions.sort_by_key(|c| rank(c));
        if request.group == Group::Doc {
            versions.truncate(1);
        }
        pinned.extend(versions.into_iter().cloned());
    }
    Ok(pinned)
}

/// Pinned hits first (scored above the best ordinary hit), then the ordinary ones that are
/// not the same unit (or, grouped by document, the same document).
fn with_pinned(mut matches: Matches, mut pinned: Vec<Candidate>, group: Group) -> Matches {
    if pinned.is_empty() {
        return matches;
    }
    let top = matches
        .candidates
        .iter()
        .map(|c| c.score)
        .fold(1.0f32, f32::max);
    for candidate in &mut pinned {
        candidate.score = top;
    }
    matches.candidates.retain(|c| {
        !pinned.iter().any(|p| match group {
            Group::Unit => p.address == c.address,
            Group::Doc => p.doc_id == c.doc_id,
        })
    });
    if let Some(facets) = matches.facets.as_mut() {
        add_to_facets(facets, &pinned);
    }
    pinned.append(&mut matches.candidates);
    matches.candidates = pinned;
    matches
}

/// Runs `node` with the request's filters and returns every match, sorted.
pub fn find(
    snapshot: &Snapshot,
    request: &SearchRequest,
    node: &Node,
) -> Result<Matches, SearchError> {
    let langs: Vec<Lang> = query::searched_langs(&request.langs)
        .into_iter()
        .filter(|lang| snapshot.terms.langs().contains(lang))
        .collect();
    let builder = Builder {
        snapshot,
        langs: &langs,
    };
    let main = builder.build(node)?;
    let scope = if node.matches_text_only() {
        Scope::Text
    } else {
        Scope::Units
    };
    find_in(snapshot, request, main, scope, node.highlight())
}

/// Runs a ready tantivy query with the request's filters; `highlight` marks snippets.
pub fn find_query(
    snapshot: &Snapshot,
    request: &SearchRequest,
    main: Box<dyn Query>,
    highlight: query::Highlight,
) -> Result<Matches, SearchError> {
    find_in(snapshot, request, main, Scope::Units, highlight)
}

/// A `--from` after `--to` would select nothing: it is a mistake, said as one.
fn check_dates(request: &SearchRequest) -> Result<(), SearchError> {
    match (request.from, request.to) {
        (Some(from), Some(to)) if from.first > to.last => Err(SearchError::Invalid {
            parameter: "from",
            message: format!("{} is after the end of the range, {}", from.first, to.last),
        }),
        _ => Ok(()),
    }
}

/// What a query may match besides units, and so whether it must be restricted to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Only text: it matches units alone.
    Text,
    /// Anything: it is restricted to units.
    Units,
}

fn find_in(
    snapshot: &Snapshot,
    request: &SearchRequest,
    main: Box<dyn Query>,
    scope: Scope,
    highlight: query::Highlight,
) -> Result<Matches, SearchError> {
    check_dates(request)?;
    let filtered = with_filters(snapshot, request, main, scope);
    let collector = MatchCollector::new(snapshot, request.group);
    let mut candidates = snapshot
        .searcher
        .search(filtered.as_ref(), &collector)
        .map_err(SearchError::from)?;
    sort(&mut candidates, request.sort);
    break_ties(snapshot, &mut candidates, request.sort)?;
    let facets = request.facets.then(|| count_facets(&candidates));
    Ok(Matches {
        candidates,
        highlight,
        facets,
    })
}

/// The query restricted to primary units and to the request's filters.
fn with_filters(
    snapshot: &Snapshot,
    request: &SearchRequest,
    main: Box<dyn Query>,
    scope: Scope,
) -> Box<dyn Query> {
    let fields = &snapshot.fields;
    let mut filters: Vec<Box<dyn Query>> = Vec::new();
    if scope == Scope::Units {
        filters.push(query::term(fields.rec, REC_UNIT));
    }
    if !request.langs.is_empty() {
        let terms = request
            .langs
            .iter()
            .map(|l| Term::from_field_text(fields.lang, l.code()));
        filters.push(query::any_of(terms.collect()));
    }
    if !request.kinds.is_empty() {
        let terms = request
            .kinds
            .iter()
            .map(|k| Term::from_field_text(fields.kind, k.name()));
        filters.push(query::any_of(terms.collect()));
    }
    if request.from.is_some() || request.to.is_some() {
        let from = request.from.map(|s| s.first.as_number());
        let to = request.to.map(|s| s.last.as_number());
        filters.push(query::date_range(fields, from, to));
    }
    if let Some(doc) = &request.doc {
        filters.push(query::term(fields.doc_id, &query::normalize_doc_id(doc)));
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, main)];
    clauses.extend(
        filters
            .into_iter()
            .map(|f| (Occur::Must, query::unscored(f))),
    );
    if !snapshot.payload.hidden.is_empty() {
        clauses.push((Occur::MustNot, snapshot.hidden_filter()));
    }
    Box::new(BooleanQuery::new(clauses))
}

/// The index range of a page, clamped to the total.
pub fn page(offset: u64, limit: u64, total: u64) -> std::ops::Range<usize> {
    let start = offset.min(total);
    let end = offset.saturating_add(limit).min(total);
    start as usize..end as usize
}

/// The hits of `range`, with snippets.
pub fn hits_in(
    snapshot: &Snapshot,
    matches: &Matches,
    range: std::ops::Range<usize>,
) -> Result<Vec<Hit>, SearchError> {
    let mut highlighter = Highlighter::new(&matches.highlight);
    let slice = matches.candidates.get(range).unwrap_or(&[]);
    slice
        .iter()
        .map(|c| read_hit(snapshot, c, &mut highlighter))
        .collect()
}

/// Calls `each` with every hit in order, reading one stored document at a time.
pub fn for_each_hit(
    snapshot: &Snapshot,
    matches: &Matches,
    mut each: impl FnMut(Hit) -> std::io::Result<()>,
) -> Result<(), SearchError> {
    let mut highlighter = Highlighter::new(&matches.highlight);
    for candidate in &matches.candidates {
        let hit = read_hit(snapshot, candidate, &mut highlighter)?;
        each(hit).map_err(|e| SearchError::Output(e.to_string()))?;
    }
    Ok(())
}

/// A hit: the unit id, text, title and path from the store, the rest from what the
/// candidate read from the fast columns.
fn read_hit(
    snapshot: &Snapshot,
    candidate: &Candidate,
    highlighter: &mut Highlighter<'_>,
) -> Result<Hit, SearchError> {
    let stored =
        snapshot
            .stores
            .unit_text(&snapshot.searcher, &snapshot.fields, candidate.address)?;
    let lang = Lang::from_index(candidate.lang);
    let unit = stored.unit();
    // A unit with no text of its own (an article whose paragraphs are units) matched by
    // its heading shows the heading.
    let shown = match stored.text() {
        text if text.trim().is_empty() => stored.heading(),
        text => text,
    };
    let snippet = if is_paragraph(unit) {
        highlighter.paragraph_snippet(shown, lang)
    } else {
        highlighter.snippet(shown, lang)
    };
    let unit = (!unit.is_empty()).then_some(unit);
    Ok(Hit {
        id: unit_id(&candidate.doc_id, unit),
        doc_id: candidate.doc_id.to_string(),
        unit: unit.map(str::to_string),
        lang: lang.code().to_string(),
        kind: Kind::from_index(candidate.kind),
        title: stored.title().to_string(),
        date: Date::from_number(candidate.date),
        path: stored.path().to_string(),
        score: candidate.score,
        snippet: snippet.text,
        highlights: snippet.highlights,
    })
}

// ----- collection -------------------------------------------------------------------------

struct MatchCollector {
    group: Group,
    cache: Arc<ColumnCache>,
}

impl MatchCollector {
    fn new(snapshot: &Snapshot, group: Group) -> MatchCollector {
        MatchCollector {
            group,
            cache: Arc::clone(&snapshot.cache),
        }
    }
}

impl Collector for MatchCollector {
    type Fruit = Vec<Candidate>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            segment,
            group: self.group,
            cache: Arc::clone(&self.cache),
            columns: self.cache.columns(segment as usize, reader)?,
            units: Vec::new(),
            groups: FxHashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Candidate>>) -> tantivy::Result<Vec<Candidate>> {
        let all = fruits.into_iter().flatten();
        if self.group == Group::Unit {
            return Ok(all.collect());
        }
        let mut best: FxHashMap<Arc<str>, Candidate> = FxHashMap::default();
        for candidate in all {
            match best.get_mut(&candidate.doc_id) {
                Some(current) => {
                    let earlier = || self.earlier(&candidate, current);
                    if stands_before(candidate.score, current.score, earlier) {
                        *current = candidate;
                    }
                }
                None => {
                    best.insert(Arc::clone(&candidate.doc_id), candidate);
                }
            }
        }
        Ok(best.into_values().collect())
    }
}

impl MatchCollector {
    /// Whether unit `a` comes before `b`, a unit of the same document from another
    /// segment, in [`unit_order`].
    fn earlier(&self, a: &Candidate, b: &Candidate) -> bool {
        let order = |c: &Candidate| {
            let columns = self.cache.opened(c.address.segment_ord as usize);
            columns.map(|columns| unit_order(&columns, c.address.doc_id))
        };
        matches!((order(a), order(b)), (Some(a), Some(b)) if a < b)
    }
}

/// What one unit contributes before ords become strings.
#[derive(Clone, Copy)]
struct RawUnit {
    doc: DocId,
    score: Score,
    doc_ord: u64,
}

struct SegmentMatches {
    segment: SegmentOrdinal,
    group: Group,
    cache: Arc<ColumnCache>,
    columns: Arc<Columns>,
    units: Vec<RawUnit>,
    /// Per document ord: its best unit.
    groups: FxHashMap<u64, RawUnit>,
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Candidate>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let doc_ord = self.columns.doc_ids.ords().first(doc).unwrap_or(u64::MAX);
        let raw = RawUnit {
            doc,
            score,
            doc_ord,
        };
        if self.group == Group::Unit {
            self.units.push(raw);
            return;
        }
        let columns = &self.columns;
        self.groups
            .entry(doc_ord)
            .and_modify(|best| {
                let earlier = || unit_order(columns, doc) < unit_order(columns, best.doc);
                if stands_before(score, best.score, earlier) {
                    *best = raw;
                }
            })
            .or_insert(raw);
    }

    fn harvest(self) -> Vec<Candidate> {
        let raws: Vec<RawUnit> = match self.group {
            Group::Unit => self.units,
            Group::Doc => self.groups.into_values().collect(),
        };
        let segment = self.segment as usize;
        let columns = &self.columns;
        let publisher_ords: Vec<Option<u64>> = raws
            .iter()
            .map(|raw| columns.publishers.ords().first(raw.doc))
            .collect();
        let cache = &self.cache;
        let doc_ords = raws.iter().map(|raw| raw.doc_ord);
        cache.fill(segment, NameColumn::DocId, &columns.doc_ids, doc_ords);
        let known_publishers = publisher_ords.iter().flatten().copied();
        cache.fill(
            segment,
            NameColumn::Publisher,
            &columns.publishers,
            known_publishers,
        );
        raws.into_iter()
            .zip(publisher_ords)
            .map(|(raw, publisher_ord)| {
                let doc_ord = (raw.doc_ord != u64::MAX).then_some(raw.doc_ord);
                let doc_id = self
                    .cache
                    .get(segment, NameColumn::DocId, &columns.doc_ids, doc_ord);
                let publisher = self.cache.get(
                    segment,
                    NameColumn::Publisher,
                    &columns.publishers,
                    publisher_ord,
                );
                Candidate {
                    address: DocAddress::new(self.segment, raw.doc),
                    score: raw.score,
                    date: columns.dates.first(raw.doc).unwrap_or(0),
                    doc_id,
                    lang: columns.langs.first(raw.doc).unwrap_or(24),
                    kind: columns.kinds.first(raw.doc).unwrap_or(4),
                    publisher,
                }
            })
            .collect()
    }
}

/// Whether a unit scored `score` stands for its document rather than one scored `best`: the
/// better scored, and of equal scores the `earlier` in [`unit_order`] (asked only then),
/// whatever segments the two are in.
fn stands_before(score: Score, best: Score, earlier: impl FnOnce() -> bool) -> bool {
    match score.total_cmp(&best) {
        std::cmp::Ordering::Equal => earlier(),
        order => order.is_gt(),
    }
}

/// The order of a document's units among equal scores: the earlier in its version, then
/// the one of the earlier language.
fn unit_order(columns: &Columns, doc: DocId) -> (u64, u64) {
    let seq = columns.seqs.first(doc).unwrap_or(0);
    let lang = columns.langs.first(doc).unwrap_or(24);
    (seq, lang)
}

// ----- sorting ----------------------------------------------------------------------------

/// Sort key of a date: undated (0) sorts last in both directions.
fn date_key(date: i64, newest_first: bool) -> (bool, i64) {
    let undated = date <= 0;
    (undated, if newest_first { -date } else { date })
}

fn primary_order(a: &Candidate, b: &Candidate, sort: Sort) -> std::cmp::Ordering {
    match sort {
        Sort::Relevance => b.score.total_cmp(&a.score),
        Sort::Newest => date_key(a.date, true).cmp(&date_key(b.date, true)),
        Sort::Oldest => date_key(a.date, false).cmp(&date_key(b.date, false)),
    }
}

fn sort(candidates: &mut [Candidate], sort: Sort) {
    candidates.sort_by(|a, b| {
        primary_order(a, b, sort)
            .then(a.doc_id.cmp(&b.doc_id))
            .then(a.address.cmp(&b.address))
    });
}

/// Within runs of equal sort keys, orders by id (read from the `id` column only for those),
/// then language.
fn break_ties(
    snapshot: &Snapshot,
    candidates: &mut [Candidate],
    sort: Sort,
) -> Result<(), SearchError> {
    let mut unit_ids = StrValues::new(&snapshot.searcher, "id");
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        while end < candidates.len()
            && primary_order(&candidates[start], &candidates[end], sort).is_eq()
            && candidates[start].doc_id == candidates[end].doc_id
        {
            end += 1;
        }
        if end - start > 1 {
            let run = &mut candidates[start..end];
            let mut keyed: Vec<(String, Candidate)> = run
                .iter()
                .map(|c| Ok((unit_ids.get(c.address)?, c.clone())))
                .collect::<Result<_, SearchError>>()?;
            keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.lang.cmp(&b.1.lang)));
            for (slot, (_, candidate)) in run.iter_mut().zip(keyed) {
                *slot = candidate;
            }
        }
        start = end;
    }
    Ok(())
}

// ----- facets -----------------------------------------------------------------------------

/// Most document ids listed in the `doc` facet.
const DOC_FACET_SIZE: usize = 50;

fn count_facets(candidates: &[Candidate]) -> Facets {
    let mut facets = Facets::default();
    add_to_facets(&mut facets, candidates);
    facets
}

/// Adds candidates to facet counts.
fn add_to_facets(facets: &mut Facets, candidates: &[Candidate]) {
    let mut docs: HashMap<String, u64> = std::mem::take(&mut facets.doc).into_iter().collect();
    for candidate in candidates {
        let lang = Lang::from_index(candidate.lang);
        *facets.lang.entry(lang.code().to_string()).or_default() += 1;
        *facets
            .kind
            .entry(Kind::from_index(candidate.kind).name().to_string())
            .or_default() += 1;
        if let Some(date) = Date::from_number(candidate.date) {
            *facets.year.entry(date.year.to_string()).or_default() += 1;
            *facets
                .month
                .entry(format!("{:04}-{:02}", date.year, date.month))
                .or_default() += 1;
        }
        if !candidate.publisher.is_empty() {
            *facets
                .publisher
                .entry(candidate.publisher.to_string())
                .or_default() += 1;
        }
        *docs.entry(candidate.doc_id.to_string()).or_default() += 1;
    }
    let mut top: Vec<(String, u64)> = docs.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    facets.doc = top
        .into_iter()
        .take(DOC_FACET_SIZE)
        .collect::<BTreeMap<_, _>>();
}

/// Checks the paging parameters of a request against the caps: a page holds at most
/// [`limits::MAX_LIMIT`] hits (a larger `limit` gets that many, as the API gives: asking
/// for more is not an error), and an offset past [`limits::MAX_OFFSET`] is refused.
pub fn checked_paging(limit: u64, offset: u64) -> Result<(u64, u64), SearchError> {
    if offset > limits::MAX_OFFSET {
        return Err(SearchError::Invalid {
            parameter: "offset",
            message: format!("{offset} is over the maximum {}", limits::MAX_OFFSET),
        });
    }
    Ok((limit.min(limits::MAX_LIMIT), offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VersionDoc;
    use crate::index::testing::{indexed_in_commits, version_of};

    /// The hits of a quoted phrase (one field for every language, so equal texts score
    /// alike) as `id lang`.
    fn hits(commits: &[&[VersionDoc]], group: Group) -> Vec<String> {
        let (_dir, snapshot) = indexed_in_commits(commits);
        let request = SearchRequest {
            query: "\"privacy shield\"".into(),
            group,
            limit: 10,
            ..SearchRequest::default()
        };
        let response = search(&snapshot, &request).unwrap();
        response
            .hits
            .iter()
            .map(|h| format!("{} {}", h.id, h.lang))
            .collect()
    }

    #[test]
    fn a_document_is_the_earliest_of_its_equally_scored_units_whatever_the_segments() {
        let fr = version_of("D1", Lang::Fr, &["autre chose", "privacy shield"]);
        let en = version_of("D1", Lang::En, &["privacy shield", "other things"]);
        let (fr, en) = (std::slice::from_ref(&fr), std::slice::from_ref(&en));
        let both = [fr[0].clone(), en[0].clone()];
        let both_reversed = [en[0].clone(), fr[0].clone()];
        let layouts: [&[&[VersionDoc]]; 4] = [&[fr, en], &[en, fr], &[&both], &[&both_reversed]];
        for commits in layouts {
            assert_eq!(hits(commits, Group::Doc), ["D1#p_1 en"]);
        }
    }

    #[test]
    fn units_of_one_id_and_score_list_in_language_order_whatever_the_segments() {
        let fr = version_of("D1", Lang::Fr, &["privacy shield", "autre chose"]);
        let en = version_of("D1", Lang::En, &["privacy shield", "other things"]);
        let (fr, en) = (std::slice::from_ref(&fr), std::slice::from_ref(&en));
        for commits in [[fr, en], [en, fr]] {
            assert_eq!(hits(&commits, Group::Unit), ["D1#p_1 en", "D1#p_1 fr"]);
        }
    }

    /// A second file of `version`'s document and language, holding `texts`.
    fn other_file(version: &VersionDoc, texts: &[&str]) -> VersionDoc {
        let mut other = version_of(&version.doc_id, version.lang, texts);
        other.file_key = format!("copy/{}", version.file_key);
        other.path = other.file_key.clone();
        other.hash = other.file_key.clone();
        other.version = format!("{}#0", other.file_key);
        other
    }

    #[test]
    fn hidden_versions_stay_out_of_every_search_whatever_the_segments() {
        let full = version_of("D1", Lang::En, &["privacy shield", "other things", "more"]);
        let excerpt = other_file(&full, &["privacy shield", "other things"]);
        let (full, excerpt) = (std::slice::from_ref(&full), std::slice::from_ref(&excerpt));
        for commits in [[full, excerpt], [excerpt, full]] {
            let (_dir, snapshot) = indexed_in_commits(&commits);
            let request = SearchRequest {
                query: "\"privacy shield\"".into(),
                group: Group::Unit,
                limit: 10,
                ..SearchRequest::default()
            };
            // The second search reads the hidden units listed by the first.
            for _ in 0..2 {
                let response = search(&snapshot, &request).unwrap();
                let paths: Vec<&str> = response.hits.iter().map(|h| h.path.as_str()).collect();
                assert_eq!(paths, ["D1.en.txt"]);
                assert_eq!(response.total, 1);
            }
        }
    }

    #[test]
    fn a_unit_matched_by_its_heading_alone_shows_the_heading() {
        let mut act = version_of("D1", Lang::En, &["", "other things"]);
        act.units[0].heading = Some("Article 8 Conditions applicable to consent".into());
        act.units[0].heading_indexed = true;
        let (_dir, snapshot) = indexed_in_commits(&[std::slice::from_ref(&act)]);
        let request = SearchRequest {
            query: "consent".into(),
            group: Group::Unit,
            limit: 10,
            ..SearchRequest::default()
        };
        let response = search(&snapshot, &request).unwrap();
        let hit = &response.hits[0];
        assert_eq!(hit.id, "D1#p_1");
        assert_eq!(hit.snippet, "Article 8 Conditions applicable to consent");
        assert_eq!(hit.highlights, [[35, 42]]);
    }

    #[test]
    fn a_cited_unit_comes_first_in_every_language_under_group_unit() {
        let cited = |lang| {
            let mut act = version_of("32016R0679", lang, &["lawfulness", "other"]);
            act.units[0].unit = Some("art_6".into());
            act
        };
        let versions = [cited(Lang::Fr), cited(Lang::De), cited(Lang::En)];
        let (_dir, snapshot) = indexed_in_commits(&[&versions]);
        let first = |query: &str, group| {
            let request = SearchRequest {
                query: query.into(),
                group,
                limit: 10,
                ..SearchRequest::default()
            };
            let response = search(&snapshot, &request).unwrap();
            let pinned: Vec<String> = response
                .hits
                .iter()
                .take_while(|h| h.id == "32016R0679#art_6")
                .map(|h| h.lang.clone())
                .collect();
            pinned
        };
        assert_eq!(first("Article 6 GDPR", Group::Unit), ["en", "de", "fr"]);
        assert_eq!(first("article 6 du RGPD", Group::Unit), ["fr", "en", "de"]);
        assert_eq!(first("Article 6 GDPR", Group::Doc), ["en"]);
    }
}
