//! Which stemmed terms a commit's language fields hold: the languages of each segment, and
//! a memo of the terms each query word has in each language.
//!
//! A bare query word is looked up in every indexed language's field, but a unit is in one
//! language, so most fields lack most of a word's stems. Stemming a word in a dozen
//! languages and building a term query for every stem, found or not, was a third of a
//! search; the stems a field holds are found once per commit and word instead.

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use tantivy::schema::Field;
use tantivy::{Searcher, SegmentReader, Term};

use super::schema::Fields;
use crate::lang::analyzers::Analyzer;
use crate::lang::{ALL, Lang, LangSet};

/// Most words remembered per commit (the memo starts afresh when full).
const MEMO_WORDS: usize = 100_000;

/// The language fields of one commit and the query words met in them.
pub struct TextTerms {
    /// Per segment, the languages whose text field holds terms there.
    segment_langs: Vec<LangSet>,
    /// Per language and word, the terms of the word the language's field holds.
    memo: Mutex<FxHashMap<(Lang, Box<str>), Arc<[Term]>>>,
}

impl TextTerms {
    /// Reads which languages each segment of `searcher` holds: a lookup per language in
    /// each segment's `lang` dictionary.
    pub fn read(searcher: &Searcher, fields: &Fields) -> TextTerms {
        let segment_langs = searcher
            .segment_readers()
            .iter()
            .map(|segment| langs_of(segment, fields))
            .collect();
        TextTerms {
            segment_langs,
            memo: Mutex::new(FxHashMap::default()),
        }
    }

    /// The languages some segment holds.
    pub fn langs(&self) -> Vec<Lang> {
        ALL.iter()
            .copied()
            .filter(|lang| self.segment_langs.iter().any(|set| set.contains(*lang)))
            .collect()
    }

    /// The terms of `word` in `lang` that its text `field` holds in some segment of
    /// `searcher` (the searcher these languages were read from).
    pub fn stems(&self, searcher: &Searcher, field: Field, lang: Lang, word: &str) -> Arc<[Term]> {
        let key = (lang, Box::<str>::from(word));
        if let Some(known) = self
            .memo
            .lock()
            .ok()
            .and_then(|memo| memo.get(&key).cloned())
        {
            return known;
        }
        let held: Arc<[Term]> = Analyzer::stemmed(lang)
            .terms(word)
            .into_iter()
            .map(|stem| Term::from_field_text(field, &stem))
            .filter(|term| self.holds(searcher, lang, term))
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
                Ok(inverted) => inverted
                    .terms()
                    .get(term.serialized_value_bytes())
                    .map_or(true, |info| info.is_some()),
                Err(_) => true,
            })
    }
}

/// The languages some unit of `segment` is in (every language when the segment cannot
/// tell, so that nothing is ever left unsearched). Each unit indexes its language code in
/// the `lang` field and its text in that language's field, so the codes in the `lang`
/// field's dictionary name every text field that holds terms; asking the dictionary is a
/// lookup per language, where opening 25 text fields built an empty dictionary for each
/// absent one (a third of a one-shot search).
fn langs_of(segment: &SegmentReader, fields: &Fields) -> LangSet {
    let Ok(inverted) = segment.inverted_index(fields.lang) else {
        return LangSet::ALL;
    };
    ALL.iter()
        .copied()
        .filter(|lang| {
            inverted
                .terms()
                .get(lang.code().as_bytes())
                .map_or(true, |info| info.is_some())
        })
        .fold(LangSet::NONE, |set, lang| set.with(LangSet::of(lang)))
}
