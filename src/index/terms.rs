//! Which stemmed terms a commit's language fields hold: the languages of each segment, and
//! a memo of the terms each query word has in each language.
//!
//! A bare query word is looked up in every indexed language's field, but a unit is in one
//! language, so most fields lack most of a word's stems. Stemming a word in a dozen
//! languages and building a term query for every stem, found or not, was a third of a
//! search; the stems a field holds are found once per commit and word instead, and so is
//! each stem's scoring weight (its BM25 statistics over the commit).

use std::sync::{Arc, Mutex, OnceLock};

use rustc_hash::FxHashMap;
use tantivy::query::{EnableScoring, Query, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{InvertedIndexReader, Searcher, SegmentReader, Term};

use super::schema::Fields;
use crate::lang::analyzers::Analyzer;
use crate::lang::{ALL, Lang, LangSet};

/// Most words remembered per commit (the memo starts afresh when full). A searched stem
/// keeps its weight, about 1.3 KB (tantivy's table of 256 BM25 length factors and an
/// explanation), so the memo holds at most some 25 MB.
const MEMO_WORDS: usize = 10_000;

/// Per language and word, the terms of the word the language's field holds.
type WordTerms = FxHashMap<(Lang, Box<str>), Arc<[Arc<HeldTerm>]>>;

/// A stem a commit's language field holds, with its scoring weight once a search has built
/// it. Building a term's weight reads its document frequency in every segment and the
/// field's token count (a third of a search's weights and scorers); a commit's statistics
/// never change, so every search of the commit can share one weight per stem.
pub struct HeldTerm {
    term: Term,
    weight: OnceLock<Arc<dyn Weight>>,
}

impl std::fmt::Debug for HeldTerm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("HeldTerm").field(&self.term).finish()
    }
}

impl HeldTerm {
    fn new(term: Term) -> HeldTerm {
        HeldTerm {
            term,
            weight: OnceLock::new(),
        }
    }

    /// The term.
    pub fn term(&self) -> &Term {
        &self.term
    }

    /// The query that scores the term (its frequencies, BM25).
    pub fn query(&self) -> TermQuery {
        TermQuery::new(self.term.clone(), IndexRecordOption::WithFreqs)
    }

    /// The term's scoring weight, built on first use. `scoring` must score with the
    /// statistics of the commit this term was read from (searches of its snapshot do);
    /// without scoring, a weight is built afresh.
    pub fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Arc<dyn Weight>> {
        if !scoring.is_scoring_enabled() {
            return self.query().weight(scoring).map(Arc::from);
        }
        if let Some(weight) = self.weight.get() {
            return Ok(Arc::clone(weight));
        }
        let built: Arc<dyn Weight> = Arc::from(self.query().weight(scoring)?);
        Ok(Arc::clone(self.weight.get_or_init(|| built)))
    }
}

/// The language fields of one commit and the query words met in them.
pub struct TextTerms {
    /// Per segment, the languages whose text field holds terms there.
    segment_langs: Vec<LangSet>,
    /// The languages some segment holds, in [`ALL`] order.
    langs: Vec<Lang>,
    /// The query words met so far.
    memo: Mutex<WordTerms>,
}

impl TextTerms {
    /// Reads which languages each segment of `searcher` holds: a lookup per language in
    /// each segment's `lang` dictionary.
    pub fn read(searcher: &Searcher, fields: &Fields) -> TextTerms {
        let segment_langs: Vec<LangSet> = searcher
            .segment_readers()
            .iter()
            .map(|segment| langs_of(segment, fields))
            .collect();
        let langs = ALL
            .iter()
            .copied()
            .filter(|lang| segment_langs.iter().any(|set| set.contains(*lang)))
            .collect();
        TextTerms {
            segment_langs,
            langs,
            memo: Mutex::new(FxHashMap::default()),
        }
    }

    /// The languages (and `und`) whose text field holds any term: searching the other
    /// fields could find nothing.
    pub fn langs(&self) -> &[Lang] {
        &self.langs
    }

    /// The terms of `word` in `lang` that its text `field` holds in some segment of
    /// `searcher` (the searcher these languages were read from).
    pub fn stems(
        &self,
        searcher: &Searcher,
        field: Field,
        lang: Lang,
        word: &str,
    ) -> Arc<[Arc<HeldTerm>]> {
        let key = (lang, Box::<str>::from(word));
        if let Some(known) = self
            .memo
            .lock()
            .ok()
            .and_then(|memo| memo.get(&key).cloned())
        {
            return known;
        }
        let held: Arc<[Arc<HeldTerm>]> = Analyzer::stemmed(lang)
            .terms(word)
            .into_iter()
            .map(|stem| Term::from_field_text(field, &stem))
            .filter(|term| self.holds(searcher, lang, term))
            .map(|term| Arc::new(HeldTerm::new(term)))
            .collect();
        if let Ok(mut memo) = self.memo.lock() {
            if memo.len() >= MEMO_WORDS {
                memo.clear();
            }
            memo.insert(key, Arc::clone(&held));
        }
        held
    }

    /// Whether `term`, of `lang`'s text field, occurs in some segment. Only the segments
    /// holding that field are asked: tantivy builds an empty dictionary, uncached, for a
    /// field a segment lacks. A segment that cannot tell counts as holding it.
    fn holds(&self, searcher: &Searcher, lang: Lang, term: &Term) -> bool {
        searcher
            .segment_readers()
            .iter()
            .zip(&self.segment_langs)
            .filter(|(_, langs)| langs.contains(lang))
            .any(|(segment, _)| match segment.inverted_index(term.field()) {
                Ok(inverted) => may_hold(&inverted, term.serialized_value_bytes()),
                Err(_) => true,
            })
    }
}

/// Whether a field's dictionary holds `key` (a dictionary that cannot tell may).
fn may_hold(inverted: &InvertedIndexReader, key: &[u8]) -> bool {
    inverted
        .terms()
        .get(key)
        .map_or(true, |info| info.is_some())
}

/// The languages some unit of `segment` has its words in (every language when the segment
/// cannot tell, so that nothing is ever left unsearched). Each unit indexes the code of the
/// language its text is stemmed in in the `words_lang` field, so the codes in that field's
/// dictionary name every text field that holds terms; asking the dictionary is a
/// lookup per language, where opening 25 text fields built an empty dictionary for each
/// absent one (a third of a one-shot search).
fn langs_of(segment: &SegmentReader, fields: &Fields) -> LangSet {
    let Ok(inverted) = segment.inverted_index(fields.words_lang) else {
        return LangSet::ALL;
    };
    ALL.iter()
        .copied()
        .filter(|lang| may_hold(&inverted, lang.code().as_bytes()))
        .fold(LangSet::NONE, |set, lang| set.with(LangSet::of(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::VersionDoc;
    use crate::index::testing::{indexed, version};

    #[test]
    fn a_word_keeps_only_the_stems_its_language_fields_hold() {
        let (_dir, snapshot) = indexed(&[
            version("en", Lang::En, "A child's consent to processing"),
            version("fr", Lang::Fr, "Le consentement des enfants"),
        ]);
        assert_eq!(snapshot.terms.langs(), [Lang::En, Lang::Fr]);
        let stems = |lang: Lang, word: &str| {
            let field = snapshot.fields.text_of(lang);
            let held = snapshot.terms.stems(&snapshot.searcher, field, lang, word);
            held.iter()
                .filter_map(|t| t.term().value().as_str().map(String::from))
                .collect::<Vec<_>>()
        };
        assert_eq!(stems(Lang::En, "child"), ["child"]);
        assert_eq!(stems(Lang::Fr, "enfant"), ["enfant"]);
        // Absent from the field: no term query at all.
        assert!(stems(Lang::Fr, "child").is_empty());
        assert!(stems(Lang::En, "enfant").is_empty());
        assert!(stems(Lang::De, "kind").is_empty());
        // Asked again, the memo answers the same.
        assert_eq!(stems(Lang::En, "child"), ["child"]);
    }

    #[test]
    fn a_held_term_scores_as_its_term_query_with_one_weight_per_commit() {
        use tantivy::collector::TopDocs;
        use tantivy::query::{EnableScoring, Query};

        use crate::search::held::HeldTermQuery;

        let texts = ["the child and the parents of a child", "a child", "parents"];
        let versions: Vec<VersionDoc> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| version(&format!("en{i}"), Lang::En, text))
            .collect();
        let (_dir, snapshot) = indexed(&versions);
        let searcher = &snapshot.searcher;
        let field = snapshot.fields.text_of(Lang::En);
        let held = snapshot.terms.stems(searcher, field, Lang::En, "child");
        let [term] = &held[..] else {
            panic!("one stem expected: {held:?}");
        };
        let top = |query: &dyn Query| {
            let hits = searcher
                .search(query, &TopDocs::with_limit(10).order_by_score())
                .unwrap();
            hits.into_iter()
                .map(|(score, address)| (score.to_bits(), address))
                .collect::<Vec<_>>()
        };
        let held_hits = top(&HeldTermQuery(Arc::clone(term)));
        assert_eq!(held_hits.len(), 2);
        assert_eq!(held_hits, top(&term.query()));
        let scoring = || EnableScoring::enabled_from_searcher(searcher);
        let (first, again) = (
            term.weight(scoring()).unwrap(),
            term.weight(scoring()).unwrap(),
        );
        assert!(Arc::ptr_eq(&first, &again), "the weight is built once");
    }
}
