//! Analyzers: how text becomes index terms, one per language plus the unstemmed one.
//!
//! Every language field is analysed as: split into words (letters and digits of any script),
//! lowercase, drop elided articles (`l'`, `dell'`), then stem. Each word yields the folded
//! stem of the accented word and, when different, the stem of the folded word, at the same
//! position: the first keeps the stemmer accurate (Snowball rules see `é`, `ą`, `ů`), the
//! second lets `donnees` typed without accents meet `données`. The `exact` analyzer only
//! lowercases and folds: quoted phrases match words as written.
//!
//! The same code analyses documents (through tantivy) and queries and snippets (directly),
//! so the three can never disagree.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer, TokenizerManager};

use super::fold::{fold, fold_into, lowercase};
use super::memo::{Memo, WordTerms};
use super::starts::{FirstBytes, Starts};
use super::stem::{LangStemmer, irish};
use super::{ALL, Lang};

/// Longest word indexed, in bytes; longer runs of letters are not words (base64, hashes).
const MAX_WORD_BYTES: usize = 80;

/// Name of the tokenizer of the unstemmed, folded analyzer.
pub const EXACT: &str = "pdx_exact";

/// Name of the tokenizer registered for `lang`'s stemmed analyzer.
pub fn stemmed_name(lang: Lang) -> &'static str {
    const NAMES: [&str; 25] = [
        "pdx_bg", "pdx_cs", "pdx_da", "pdx_de", "pdx_el", "pdx_en", "pdx_es", "pdx_et", "pdx_fi",
        "pdx_fr", "pdx_ga", "pdx_hr", "pdx_hu", "pdx_it", "pdx_lt", "pdx_lv", "pdx_mt", "pdx_nl",
        "pdx_pl", "pdx_pt", "pdx_ro", "pdx_sk", "pdx_sl", "pdx_sv", "pdx_und",
    ];
    NAMES.get(lang.index()).copied().unwrap_or("pdx_und")
}

/// Registers every analyzer with an index's tokenizer manager.
pub fn register(manager: &TokenizerManager) {
    manager.register(EXACT, TextAnalyzer::from(Analyzer::exact()));
    for lang in ALL {
        manager.register(
            stemmed_name(lang),
            TextAnalyzer::from(Analyzer::stemmed(lang)),
        );
    }
}

/// A word found in text: its byte span and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
}

/// Splits text into words: maximal runs of letters, digits and combining marks.
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// The words of a text, in order (see [`words`]).
pub struct Words<'a> {
    text: &'a str,
    /// Byte offset where the search for the next word starts (a character boundary).
    at: usize,
}

impl Words<'_> {
    /// The byte offset of the first character at or after `at` that is (`word` true) or
    /// is not (`word` false) a word character; runs of ASCII, most of the text in most
    /// languages, are crossed a byte at a time without decoding.
    fn seek(&self, mut at: usize, word: bool) -> usize {
        let bytes = self.text.as_bytes();
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii() {
                if byte.is_ascii_alphanumeric() == word {
                    return at;
                }
                at += 1;
                continue;
            }
            match self.text.get(at..).and_then(|rest| rest.chars().next()) {
                Some(c) if is_word_char(c) == word => return at,
                Some(c) => at += c.len_utf8(),
                None => at += 1,
            }
        }
        bytes.len()
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let start = self.seek(self.at, true);
        if start >= self.text.len() {
            self.at = start;
            return None;
        }
        let end = self.seek(start, false);
        self.at = end;
        let text = self.text.get(start..end)?;
        Some(Word { start, end, text })
    }
}

/// The words of `text` whose first byte is marked in `first`, as [`words`] finds them,
/// reached by scanning blocks of bytes rather than word by word: a snippet looks for a few
/// query words among many, and most words cannot be one of them.
pub fn words_starting_with<'a>(text: &'a str, first: &'a FirstBytes) -> WordsStartingWith<'a> {
    WordsStartingWith {
        words: Words { text, at: 0 },
        starts: Starts::new(text, first),
    }
}

/// The words of a text that start with marked bytes (see [`words_starting_with`]).
pub struct WordsStartingWith<'a> {
    words: Words<'a>,
    starts: Starts<'a>,
}

impl<'a> Iterator for WordsStartingWith<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.words.text;
        // A candidate follows no ASCII letter or digit; beyond ASCII, the characters
        // around it are decoded to be sure it starts a word.
        while let Some(at) = self.starts.next_from(self.words.at) {
            self.words.at = at + 1;
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            let after_word = text
                .get(..at)
                .and_then(|head| head.chars().next_back())
                .is_some_and(is_word_char);
            if is_word_char(c) && !after_word {
                let end = match self.starts.ascii_run_end(at) {
                    Some(end) if text.as_bytes().get(end).is_none_or(u8::is_ascii) => end,
                    Some(end) => self.words.seek(end, false),
                    None => self.words.seek(at, false),
                };
                self.words.at = end;
                return Some(Word {
                    start: at,
                    end,
                    text: text.get(at..end)?,
                });
            }
        }
        self.words.at = text.len();
        None
    }
}

/// Letters, digits and combining marks. The blocks most EU text uses beyond ASCII are
/// settled without a table search: Latin-1 (`«`, `°`, no-break space; its few letters and
/// digits), Latin Extended letters (all but `×` and `÷`), the Greek alphabet, Cyrillic (all
/// but the thousands sign `҂`), General Punctuation (quotes, dashes, spaces) and currency
/// signs.
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\x7f' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{bf}' => matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾'),
        '×' | '÷' | '\u{482}' => false,
        '\u{c0}'..='\u{24f}' | 'Α'..='Ρ' | 'Σ'..='ώ' | '\u{400}'..='\u{4ff}' => true,
        '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}' => false,
        _ => c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c),
    }
}

/// What stemming may do to the start of a word, for cheap pre-tests (snippets skip the words
/// that cannot match without stemming them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordStart {
    /// Terms start with the word's folded first letter: stemmers change a word's end. The
    /// exception is a word starting with `dropped`, a prefix the stemmer removes (Dutch
    /// `gebruiksrechten` → `bruiksrecht`).
    Kept {
        /// The prefix the stemmer removes, if any.
        dropped: Option<&'static str>,
    },
    /// Terms may start anywhere in the word (Irish drops initial mutations: `bhfuil` → `fuil`).
    Changed,
}

/// Most distinct words whose terms one analyzer instance remembers while indexing.
const MEMO_WORDS: usize = 50_000;

/// Most distinct words whose terms a thread remembers per language for searches.
const THREAD_MEMO_WORDS: usize = 20_000;

/// One analyzer: the unstemmed one, or a language's stemmed one.
///
/// While indexing, each instance (tantivy keeps one per field and indexing thread) remembers
/// the terms of the words it has stemmed: a corpus repeats a small vocabulary, and a lookup
/// costs a fraction of a Snowball run.
pub struct Analyzer {
    lang: Option<Lang>,
    stemmer: LangStemmer,
    /// Words met and their terms.
    memo: Memo,
    /// Terms of the last word analysed outside the memo.
    scratch: Vec<String>,
}

impl Clone for Analyzer {
    /// A copy with an empty memo.
    fn clone(&self) -> Analyzer {
        Analyzer::with(self.lang, self.stemmer, self.memo.cap())
    }
}

impl Analyzer {
    /// The unstemmed, case- and accent-folded analyzer.
    pub fn exact() -> Analyzer {
        Analyzer::with(None, LangStemmer::None, MEMO_WORDS)
    }

    /// The stemmed analyzer of `lang`.
    pub fn stemmed(lang: Lang) -> Analyzer {
        Analyzer::with(Some(lang), LangStemmer::for_lang(lang), MEMO_WORDS)
    }

    fn with(lang: Option<Lang>, stemmer: LangStemmer, memo_words: usize) -> Analyzer {
        Analyzer {
            lang,
            stemmer,
            memo: Memo::with_cap(memo_words),
            scratch: Vec::new(),
        }
    }

    /// What stemming may do to the start of a word.
    pub fn word_start(&self) -> WordStart {
        match self.lang {
            Some(Lang::Ga) => WordStart::Changed,
            Some(Lang::Nl) => WordStart::Kept {
                dropped: Some("ge"),
            },
            _ => WordStart::Kept { dropped: None },
        }
    }

    /// The terms one word is indexed under (one or two; none for an over-long word).
    pub fn terms(&self, word: &str) -> Vec<String> {
        let mut terms = Vec::with_capacity(2);
        self.push_terms(word, &mut terms);
        terms
    }

    fn push_terms(&self, word: &str, out: &mut Vec<String>) {
        if word.len() > MAX_WORD_BYTES {
            return;
        }
        if self.lang.is_none() {
            out.push(fold(word).into_owned());
            return;
        }
        let word = if self.lang == Some(Lang::Ga) {
            irish::without_prefixed_letter(word)
        } else {
            word
        };
        let lower = lowercase(word);
        let stem_then_fold = fold(&self.stemmer.stem(&lower)).into_owned();
        if !lower.is_ascii() {
            let folded = fold(&lower);
            let fold_then_stem = self.stemmer.stem(&folded).into_owned();
            if fold_then_stem != stem_then_fold {
                out.push(fold_then_stem);
            }
        }
        out.push(stem_then_fold);
    }

    /// True when `word`, at byte `end` of `text`, is an elided article to drop (`l'`, `dell'`).
    fn is_elided(&self, text: &str, word: &Word<'_>) -> bool {
        let Some(lang) = self.lang else {
            return false;
        };
        let followed_by_apostrophe = text
            .get(word.end..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| matches!(c, '\'' | '’'));
        followed_by_apostrophe && is_elision(lang, &lowercase(word.text))
    }

    /// Every token of `text`, with positions and byte offsets, as tantivy indexes them.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut analyzer = self.clone();
        let mut stream = analyzer.token_stream(text);
        let mut tokens = Vec::new();
        while stream.advance() {
            tokens.push(stream.token().clone());
        }
        tokens
    }

    /// The terms of `word`, from the memo when it was met before (stemmed analyzers only:
    /// folding alone is cheaper than a lookup).
    pub fn memo_terms(&mut self, word: &str) -> WordTerms<'_> {
        if word.len() > MAX_WORD_BYTES {
            // No terms, and not remembered: the memo's size stays bounded by its words'.
            return WordTerms::NONE;
        }
        if self.lang.is_none() {
            return self.folded(word);
        }
        if let Some(known) = self.memo.find(word) {
            return self.memo.terms(known);
        }
        let mut terms = std::mem::take(&mut self.scratch);
        terms.clear();
        self.push_terms(word, &mut terms);
        let entry = self.memo.insert(word, &terms);
        self.scratch = terms;
        match entry {
            Some(entry) => self.memo.terms(entry),
            None => WordTerms::from(&self.scratch[..]),
        }
    }

    /// The unstemmed analyzer's one term of `word` (not over-long), folded into a reused
    /// buffer.
    fn folded(&mut self, word: &str) -> WordTerms<'_> {
        self.scratch.resize_with(1, String::new);
        let term = &mut self.scratch[0];
        term.clear();
        fold_into(word, term);
        WordTerms::one(term)
    }
}

thread_local! {
    /// This thread's stemmed analyzers for searches, by language.
    static THREAD_ANALYZERS: RefCell<FxHashMap<Lang, Analyzer>> = RefCell::default();
}

/// This thread's stemmed analyzer of `lang`, whose memo carries over from one search to the
/// next (snippets analyse the words of every hit, and queries meet the same vocabulary
/// again and again), held until dropped; a second holder on the thread gets a fresh one.
pub struct ThreadAnalyzer {
    analyzer: Option<Analyzer>,
    lang: Lang,
}

impl ThreadAnalyzer {
    /// Takes this thread's analyzer of `lang`.
    pub fn take(lang: Lang) -> ThreadAnalyzer {
        let held = THREAD_ANALYZERS.with(|analyzers| analyzers.borrow_mut().remove(&lang));
        let analyzer = held.unwrap_or_else(|| {
            Analyzer::with(Some(lang), LangStemmer::for_lang(lang), THREAD_MEMO_WORDS)
        });
        ThreadAnalyzer {
            analyzer: Some(analyzer),
            lang,
        }
    }

    /// What stemming may do to the start of a word (see [`Analyzer::word_start`]).
    pub fn word_start(&self) -> WordStart {
        self.analyzer
            .as_ref()
            .map_or(WordStart::Changed, Analyzer::word_start)
    }

    /// The terms of `word` (see [`Analyzer::memo_terms`]).
    pub fn memo_terms(&mut self, word: &str) -> WordTerms<'_> {
        match self.analyzer.as_mut() {
            Some(analyzer) => analyzer.memo_terms(word),
            None => WordTerms::NONE,
        }
    }
}

impl Drop for ThreadAnalyzer {
    fn drop(&mut self) {
        if let Some(analyzer) = self.analyzer.take() {
            // A thread being torn down has no map left to give it back to.
            let _ = THREAD_ANALYZERS.try_with(|analyzers| {
                analyzers.borrow_mut().insert(self.lang, analyzer);
            });
        }
    }
}

/// Articles and pronouns written elided before an apostrophe, per language.
fn is_elision(lang: Lang, word: &str) -> bool {
    const FR: &[&str] = &[
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu",
    ];
    const IT: &[&str] = &[
        "l", "dell", "all", "dall", "nell", "sull", "coll", "pell", "un", "d", "c", "quest",
        "quell", "nessun",
    ];
    const GA: &[&str] = &["d", "b", "m"];
    let list = match lang {
        Lang::Fr => FR,
        Lang::It => IT,
        Lang::Ga => GA,
        _ => return false,
    };
    list.contains(&word)
}

impl Tokenizer for Analyzer {
    type TokenStream<'a> = AnalyzerStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzerStream<'a> {
        AnalyzerStream {
            analyzer: self,
            text,
            words: words(text),
            next_position: 0,
            second: String::new(),
            has_second: false,
            token: Token::default(),
        }
    }
}

impl AnalyzerStream<'_> {
    /// Puts the first term of `word` in the token and keeps its second, if any, for the
    /// next call; false when the word has no term. The unstemmed analyzer folds the word
    /// straight into the token.
    fn set_terms(&mut self, word: &str) -> bool {
        self.token.text.clear();
        if self.analyzer.lang.is_none() && word.len() <= MAX_WORD_BYTES {
            fold_into(word, &mut self.token.text);
            return true;
        }
        let terms = self.analyzer.memo_terms(word);
        let Some(first) = terms.first() else {
            return false;
        };
        self.token.text.push_str(first);
        if let Some(second) = terms.second() {
            self.second.clear();
            self.second.push_str(second);
            self.has_second = true;
        }
        true
    }
}

/// The tokens of one text, produced word by word into one reused token.
pub struct AnalyzerStream<'a> {
    analyzer: &'a mut Analyzer,
    text: &'a str,
    words: Words<'a>,
    next_position: usize,
    /// The second term of the current word, when it has one still to be produced (at the
    /// same position).
    second: String,
    has_second: bool,
    token: Token,
}

impl TokenStream for AnalyzerStream<'_> {
    fn advance(&mut self) -> bool {
        if self.has_second {
            self.has_second = false;
            std::mem::swap(&mut self.token.text, &mut self.second);
            return true;
        }
        while let Some(word) = self.words.next() {
            if self.analyzer.is_elided(self.text, &word) {
                continue;
            }
            let position = self.next_position;
            self.next_position += 1;
            if !self.set_terms(word.text) {
                continue;
            }
            self.token.offset_from = word.start;
            self.token.offset_to = word.end;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Jumping to marked first bytes finds exactly the words that start with one, in
        /// either case, across blocks and with too many marked bytes to compare block-wise.
        #[test]
        fn words_starting_with_finds_the_words_starting_so(
            text in "[a-dA-D0-9 ,.'’éÉçœαβЖж\u{301}\u{a0}-]{0,300}",
            marked in "[a-dA-D0-9]{0,16}",
            beyond_ascii in any::<bool>(),
        ) {
            let first = FirstBytes::new(marked.bytes(), beyond_ascii);
            let is_marked = |byte: u8| {
                if byte.is_ascii() {
                    marked.bytes().any(|m| m.eq_ignore_ascii_case(&byte))
                } else {
                    beyond_ascii
                }
            };
            let expected: Vec<Word<'_>> = words(&text)
                .filter(|w| is_marked(w.text.as_bytes()[0]))
                .collect();
            let found: Vec<Word<'_>> = words_starting_with(&text, &first).collect();
            prop_assert_eq!(found, expected);
        }

        /// A token stream gives each word's terms (from the memo or not: the text is
        /// analysed twice by one analyzer) at the word's position and offsets.
        #[test]
        fn streams_give_each_words_terms(
            text in "[a-cA-C0-9 ,.'’éÉÀçœßαΆЖж\u{301}-]{0,200}",
            lang in prop::sample::select(&ALL[..]),
            stemmed in any::<bool>(),
        ) {
            let mut analyzer = if stemmed { Analyzer::stemmed(lang) } else { Analyzer::exact() };
            let mut expected = Vec::new();
            let kept = words(&text).filter(|w| !analyzer.is_elided(&text, w));
            for (position, word) in kept.enumerate() {
                for term in analyzer.terms(word.text) {
                    expected.push((term, position, word.start, word.end));
                }
            }
            for _ in 0..2 {
                let mut stream = analyzer.token_stream(&text);
                let mut found = Vec::new();
                while stream.advance() {
                    let t = stream.token();
                    found.push((t.text.clone(), t.position, t.offset_from, t.offset_to));
                }
                prop_assert_eq!(&found, &expected);
            }
        }
    }

    fn texts(analyzer: &Analyzer, text: &str) -> Vec<String> {
        analyzer.tokens(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_split_on_punctuation_in_any_script() {
        let found: Vec<&str> = words("Article 6(1)(a) — Άρθρο 6, «données» l’enfant")
            .map(|w| w.text)
            .collect();
        assert_eq!(
            found,
            [
                "Article",
                "6",
                "1",
                "a",
                "Άρθρο",
                "6",
                "données",
                "l",
                "enfant"
            ]
        );
    }

    #[test]
    fn words_match_a_char_by_char_split() {
        fn reference(text: &str) -> Vec<(usize, usize)> {
            let mut spans = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices() {
                match (is_word_char(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        spans.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            if let Some(s) = start {
                spans.push((s, text.len()));
            }
            spans
        }
        for text in [
            "",
            "  ",
            "a",
            "Été 2021/1232, l’enfant — ÄÖÜ ß",
            "cafe\u{301} naïve 🇪🇺x 中文 Ωμέγα\u{0}end",
            "Член 6(1)(a)…",
        ] {
            let spans: Vec<(usize, usize)> = words(text).map(|w| (w.start, w.end)).collect();
            assert_eq!(spans, reference(text), "{text:?}");
        }
    }

    #[test]
    fn word_chars_are_letters_digits_and_combining_marks() {
        let reference =
            |c: char| c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
        let differing: Vec<char> = (0..=0x2fffu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_word_char(c) != reference(c))
            .collect();
        assert!(differing.is_empty(), "{differing:?}");
    }

    #[test]
    fn accented_and_unaccented_forms_meet() {
        let fr = Analyzer::stemmed(Lang::Fr);
        let accented = fr.terms("données");
        let plain = fr.terms("donnees");
        assert!(
            plain.iter().any(|t| accented.contains(t)),
            "{accented:?} vs {plain:?}"
        );
    }

    #[test]
    fn elided_articles_are_dropped_only_before_an_apostrophe() {
        let fr = Analyzer::stemmed(Lang::Fr);
        assert_eq!(texts(&fr, "l'enfant"), texts(&fr, "enfant"));
        assert_eq!(texts(&fr, "point l").len(), 2);
    }

    #[test]
    fn variants_share_a_position() {
        let de = Analyzer::stemmed(Lang::De);
        let tokens = de.tokens("Rechtmäßigkeit der Verarbeitung");
        let positions: Vec<usize> = tokens.iter().map(|t| t.position).collect();
        assert_eq!(positions.last(), Some(&2));
        assert!(tokens.iter().all(|t| t.text.is_ascii()));
    }

    #[test]
    fn exact_only_folds() {
        let exact = Analyzer::exact();
        assert_eq!(
            texts(&exact, "Processing of DONNÉES"),
            ["processing", "of", "donnees"]
        );
    }

    #[test]
    fn stemming_conflates_inflections_in_every_language() {
        let cases = [
            (Lang::En, "processing", "processed"),
            (Lang::Nl, "verordeningen", "verordening"),
            (Lang::Pl, "przetwarzania", "przetwarzanie"),
            (Lang::Hu, "adatkezelés", "adatkezelést"),
        ];
        for (lang, a, b) in cases {
            let analyzer = Analyzer::stemmed(lang);
            let (ta, tb) = (analyzer.terms(a), analyzer.terms(b));
            assert!(
                ta.iter().any(|t| tb.contains(t)),
                "{lang}: {ta:?} vs {tb:?}"
            );
        }
    }

    /// Inflected forms of EU legal vocabulary that must meet, one pair per language.
    const PAIRS: [(Lang, &str, &str); 24] = [
        (Lang::Bg, "регламента", "регламент"),
        (Lang::Cs, "zpracování", "zpracováním"),
        (Lang::Da, "behandlingen", "behandling"),
        (Lang::De, "Verarbeitungen", "Verarbeitung"),
        (Lang::El, "δεδομένων", "δεδομένα"),
        (Lang::En, "processing", "processed"),
        (Lang::Es, "tratamientos", "tratamiento"),
        (Lang::Et, "töötlemise", "töötlemine"),
        (Lang::Fi, "käsittelyn", "käsittely"),
        (Lang::Fr, "données", "donnée"),
        (Lang::Ga, "dtréimhse", "tréimhse"),
        (Lang::Hr, "uredbe", "uredba"),
        (Lang::Hu, "adatkezelést", "adatkezelés"),
        (Lang::It, "trattamenti", "trattamento"),
        (Lang::Lt, "reglamento", "reglamentas"),
        (Lang::Lv, "datiem", "dati"),
        (Lang::Mt, "regolamenti", "regolament"),
        (Lang::Nl, "verordeningen", "verordening"),
        (Lang::Pl, "przetwarzania", "przetwarzanie"),
        (Lang::Pt, "tratamentos", "tratamento"),
        (Lang::Ro, "regulamentului", "regulamentul"),
        (Lang::Sk, "spracúvania", "spracúvanie"),
        (Lang::Sl, "podatkov", "podatki"),
        (Lang::Sv, "behandlingen", "behandling"),
    ];

    #[test]
    fn every_language_conflates_its_inflections() {
        for (lang, a, b) in PAIRS {
            let analyzer = Analyzer::stemmed(lang);
            let (ta, tb) = (analyzer.terms(a), analyzer.terms(b));
            assert!(
                ta.iter().any(|t| tb.contains(t)),
                "{lang}: {a} {ta:?} vs {b} {tb:?}"
            );
        }
    }

    /// Forms of one noun that must meet, in the languages whose stemmers needed help.
    const NOUN_FORMS: [(Lang, &[&str]); 7] = [
        (Lang::Et, &["siil", "siili", "siilid", "siilide", "siiliga"]),
        (Lang::Lv, &["ezis", "eži", "ežu", "ežus", "ežiem", "ezim"]),
        (
            Lang::Hr,
            &["jež", "ježa", "ježeva", "ježevi", "ježovi", "ježem"],
        ),
        (Lang::Sk, &["jež", "ježa", "ježov", "ježom", "ježoch"]),
        (Lang::Ga, &["Airteagal", "hAirteagal", "HAIRTEAGAL"]),
        (Lang::Ga, &["oibleagáidí", "hoibleagáidí"]),
        (Lang::Ga, &["Aire", "tAire", "aire"]),
    ];

    #[test]
    fn forms_of_short_and_mutated_nouns_meet() {
        for (lang, forms) in NOUN_FORMS {
            let analyzer = Analyzer::stemmed(lang);
            let first = analyzer.terms(forms[0]);
            for form in &forms[1..] {
                let terms = analyzer.terms(form);
                assert!(
                    terms.iter().any(|t| first.contains(t)),
                    "{lang}: {} {first:?} vs {form} {terms:?}",
                    forms[0]
                );
            }
        }
    }

    #[test]
    fn irish_t_and_n_before_a_small_vowel_are_kept() {
        let ga = Analyzer::stemmed(Lang::Ga);
        assert_ne!(ga.terms("tuairisc"), ga.terms("uairisc"));
        assert_ne!(ga.terms("nua"), ga.terms("ua"));
    }

    #[test]
    fn over_long_words_are_not_indexed() {
        let exact = Analyzer::exact();
        assert!(exact.terms(&"x".repeat(500)).is_empty());
    }

    #[test]
    fn over_long_words_are_not_remembered() {
        let mut stemmed = Analyzer::stemmed(Lang::En);
        for i in 0..100 {
            let word = format!("{}{i}", "x".repeat(5_000));
            assert_eq!(stemmed.memo_terms(&word), WordTerms::NONE);
        }
        stemmed.memo_terms("children");
        assert_eq!(stemmed.memo.len(), 1);
    }
}
