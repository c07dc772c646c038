//! Snippets: the best window of a unit's text around the query's words, with the matched
//! words' offsets in characters.
//!
//! Matching uses the same analyzers as indexing, so a highlighted word is exactly a word
//! that made the unit match: `children` lights up for the query `child`, `données` for
//! `donnees`. A word's stems come from the thread's analyzer, which remembers them from one
//! search to the next. The scan jumps from one word that may match (by its first letter) to
//! the next, and stops once a window holds every query word and the snippet around it is
//! complete, so long units cost little more than short ones.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::query::Highlight;
use crate::lang::analyzers::{ThreadAnalyzer, Word, WordStart, words, words_starting_with};
use crate::lang::fold::fold;
use crate::lang::starts::FirstBytes;
use crate::lang::{Lang, detect};
use crate::limits;

/// Highlighting state for one query: its words analysed once per language met.
pub struct Highlighter<'a> {
    query: &'a Highlight,
    matchers: FxHashMap<Lang, Matcher>,
}

/// What a word of the text must be to match the query in one language.
///
/// Every query word, quoted word and prefix is a *key*; a window's quality is the number
/// of distinct keys it holds.
struct Matcher {
    /// Stemmed terms of the bare query words, each with the key of its word.
    terms: FxHashMap<String, u32>,
    /// Keys a window can hold at most.
    reachable: usize,
    /// Keys in use (exact words, prefixes, then bare words).
    keys: usize,
    /// Folded first letters a matching word may start with, and the prefix the stemmer
    /// drops (words starting with it may match whatever their first letter); `None` where
    /// stemming may change any word's start, so every word is analysed.
    initials: Option<(FxHashSet<char>, Option<&'static str>)>,
    /// With `initials`, the bytes a word that may match can start with: the initials in
    /// either case, the dropped prefix's first letter, and any byte beyond ASCII (`É` folds
    /// to `e`). The scan jumps from one such word to the next.
    first_bytes: Option<Arc<FirstBytes>>,
    /// Non-ASCII letters met, each with the first letter of its folded form.
    folded_letters: FxHashMap<char, char>,
    /// The thread's analyzer of the language, which remembers the terms of words met.
    analyzer: ThreadAnalyzer,
}

impl Matcher {
    fn new(query: &Highlight, lang: Lang) -> Matcher {
        let mut analyzer = ThreadAnalyzer::take(lang);
        let first_word_key = query.exact.len() + query.prefixes.len();
        let mut terms = FxHashMap::default();
        for (i, word) in query.words.iter().enumerate() {
            for term in analyzer.memo_terms(word).iter() {
                terms
                    .entry(term.to_string())
                    .or_insert((first_word_key + i) as u32);
            }
        }
        let initials = match analyzer.word_start() {
            WordStart::Changed => None,
            WordStart::Kept { dropped } => {
                let starts = query
                    .exact
                    .iter()
                    .chain(&query.prefixes)
                    .chain(terms.keys());
                let letters: FxHashSet<char> = starts.filter_map(|s| s.chars().next()).collect();
                Some((letters, dropped))
            }
        };
        let first_bytes = initials.as_ref().map(|(letters, dropped)| {
            let starts = letters
                .iter()
                .copied()
                .chain(dropped.and_then(|d| d.chars().next()))
                .filter(char::is_ascii)
                .map(|c| c as u8);
            Arc::new(FirstBytes::new(starts, true))
        });
        let mut word_keys: Vec<u32> = terms.values().copied().collect();
        word_keys.sort_unstable();
        word_keys.dedup();
        Matcher {
            terms,
            reachable: first_word_key + word_keys.len(),
            keys: first_word_key + query.words.len(),
            initials,
            first_bytes,
            folded_letters: FxHashMap::default(),
            analyzer,
        }
    }

    /// The key `word` matches, if any (quoted words first, then prefixes, then stems).
    fn key_of(&mut self, query: &Highlight, word: &str) -> Option<u32> {
        if !self.may_match(word) {
            return None;
        }
        if !query.exact.is_empty() || !query.prefixes.is_empty() {
            let folded = fold(word);
            if let Some(i) = query.exact.iter().position(|e| *e == folded) {
                return Some(i as u32);
            }
            if let Some(i) = query
                .prefixes
                .iter()
                .position(|p| folded.starts_with(p.as_str()))
            {
                return Some((query.exact.len() + i) as u32);
            }
        }
        let terms = &self.terms;
        self.analyzer
            .memo_terms(word)
            .iter()
            .find_map(|t| terms.get(t).copied())
    }

    /// Whether `word` starts with a letter some key starts with (stemmers keep it, but for
    /// the prefixes they drop).
    fn may_match(&mut self, word: &str) -> bool {
        let Some((initials, dropped)) = &self.initials else {
            return true;
        };
        let mut letters = word
            .chars()
            .map(|c| fold_letter(c, &mut self.folded_letters));
        let Some(first) = letters.next() else {
            return false;
        };
        initials.contains(&first)
            || dropped.is_some_and(|prefix| {
                let mut prefix = prefix.chars();
                prefix.next() == Some(first)
                    && prefix.zip(letters.by_ref()).all(|(p, l)| p == l)
                    && letters.next().is_some()
            })
    }
}

/// The first letter of `c` folded (`É` → `e`), remembered for letters beyond ASCII.
fn fold_letter(c: char, known: &mut FxHashMap<char, char>) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    *known.entry(c).or_insert_with(|| {
        let mut buffer = [0u8; 4];
        fold(c.encode_utf8(&mut buffer)).chars().next().unwrap_or(c)
    })
}

/// A snippet and the `[start, end)` character offsets of its highlighted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The excerpt.
    pub text: String,
    /// Highlights, in characters.
    pub highlights: Vec<[usize; 2]>,
}

impl<'a> Highlighter<'a> {
    /// A highlighter for the words of `query`.
    pub fn new(query: &'a Highlight) -> Highlighter<'a> {
        Highlighter {
            query,
            matchers: FxHashMap::default(),
        }
    }

    /// The snippet of `text`, a paragraph of a version in `lang` that may be written in
    /// another language (a translation in a letter: its words were stemmed in their own
    /// language, see `ingest::text_lang`), where the version's language highlights nothing.
    pub fn paragraph_snippet(&mut self, text: &str, lang: Lang) -> Snippet {
        let snippet = self.snippet(text, lang);
        if !snippet.highlights.is_empty() || self.query.words.is_empty() {
            return snippet;
        }
        match detect::detect(text) {
            Some(own) if own != lang => {
                let in_own = self.snippet(text, own);
                if in_own.highlights.is_empty() {
                    snippet
                } else {
                    in_own
                }
            }
            _ => snippet,
        }
    }

    /// The snippet of `text`, a unit in `lang`.
    pub fn snippet(&mut self, text: &str, lang: Lang) -> Snippet {
        let query = self.query;
        let matcher = self
            .matchers
            .entry(lang)
            .or_insert_with(|| Matcher::new(query, lang));
        let scan = Scan::run(text, query, matcher);
        let (start, end) = scan.bounds;
        let prefix = if start > 0 { "… " } else { "" };
        let suffix = if end < text.len() { " …" } else { "" };
        let body = text.get(start..end).unwrap_or("");
        // Match offsets count characters from the first match (the text before it may be
        // long, and only distances between matches matter while scanning).
        let origin = scan.matches.first().map_or(0, |m| m.start);
        let start_char = if start <= origin {
            -(char_count(text, start, origin) as isize)
        } else {
            char_count(text, origin, start) as isize
        };
        let first_char = prefix.chars().count() as isize - start_char;
        let highlights = scan
            .matches
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| {
                let from = (first_char + m.first_char as isize).max(0) as usize;
                [from, from + m.chars]
            })
            .collect();
        Snippet {
            text: format!("{prefix}{body}{suffix}"),
            highlights,
        }
    }
}

/// A matched word: its byte span, its first character's offset from the first match, its
/// length in characters, and the key it holds.
struct Match {
    start: usize,
    end: usize,
    first_char: usize,
    chars: usize,
    key: u32,
}

/// One pass over a unit's words: the matches, and the byte bounds of the snippet.
struct Scan {
    matches: Vec<Match>,
    bounds: (usize, usize),
}

impl Scan {
    /// Finds matches word by word, sliding a window of `SNIPPET_CHARS` characters over them
    /// and keeping the first best one (most distinct keys, then most matches). The scan ends
    /// where the snippet of the best window ends once that window holds every key it can, or
    /// once `SNIPPET_SCAN_BYTES` of text are read and some word matched (like a search
    /// engine's "max analysed chars", this bounds the time a huge unit costs).
    fn run(text: &str, query: &Highlight, matcher: &mut Matcher) -> Scan {
        match matcher.first_bytes.clone() {
            Some(first) => Scan::over(words_starting_with(text, &first), text, query, matcher),
            None => Scan::over(words(text), text, query, matcher),
        }
    }

    /// [`Scan::run`] over the words of `text` that may match (all, or those `candidates`
    /// yields).
    fn over<'a>(
        candidates: impl Iterator<Item = Word<'a>>,
        text: &'a str,
        query: &Highlight,
        matcher: &mut Matcher,
    ) -> Scan {
        // A character is at most four bytes: longer texts are not counted.
        let short = text.len() <= limits::SNIPPET_CHARS
            || (text.len() <= 4 * limits::SNIPPET_CHARS
                && text.chars().count() <= limits::SNIPPET_CHARS);
        let mut window = Window::new(matcher.keys);
        let mut matches: Vec<Match> = Vec::new();
        // The last match's byte offset and character offset from the first match.
        let mut counted = (0usize, 0usize);
        // The snippet's bounds, once the best window is settled; matches are then collected
        // up to its end only.
        let mut settled: Option<(usize, usize)> = short.then_some((0, text.len()));
        for word in candidates {
            // The words skipped on the way here may have crossed the scan's limit.
            if settled.is_none() && !matches.is_empty() && word.start >= limits::SNIPPET_SCAN_BYTES
            {
                settled = Some(window.snippet_bounds(text, &matches));
            }
            if settled.is_some_and(|(_, end)| word.start >= end) {
                break;
            }
            if let Some(key) = matcher.key_of(query, word.text) {
                let first_char = if matches.is_empty() {
                    0
                } else {
                    counted.1 + char_count(text, counted.0, word.start)
                };
                counted = (word.start, first_char);
                matches.push(Match {
                    start: word.start,
                    end: word.end,
                    first_char,
                    chars: word.text.chars().count(),
                    key,
                });
                if settled.is_none() && window.push(&matches) >= matcher.reachable {
                    settled = Some(window.snippet_bounds(text, &matches));
                }
            }
            if settled.is_none() && !matches.is_empty() && word.end > limits::SNIPPET_SCAN_BYTES {
                settled = Some(window.snippet_bounds(text, &matches));
            }
        }
        let bounds = settled.unwrap_or_else(|| window.snippet_bounds(text, &matches));
        Scan { matches, bounds }
    }
}

/// The sliding window of matches no wider than `SNIPPET_CHARS` characters.
struct Window {
    /// Index of the window's first match.
    first: usize,
    /// Matches of each key in the window.
    counts: Vec<u32>,
    distinct: usize,
    best: (usize, usize),
    /// Index of the first match of the best window so far.
    best_anchor: usize,
}

impl Window {
    fn new(keys: usize) -> Window {
        Window {
            first: 0,
            counts: vec![0; keys],
            distinct: 0,
            best: (0, 0),
            best_anchor: 0,
        }
    }

    /// Takes the last of `matches` into the window, drops the ones too far before it, and
    /// returns the number of distinct keys in the window.
    fn push(&mut self, matches: &[Match]) -> usize {
        let Some(last) = matches.last() else {
            return self.distinct;
        };
        self.add(last.key);
        let window_end = last.first_char + last.chars;
        while window_end - matches[self.first].first_char > limits::SNIPPET_CHARS
            && self.first + 1 < matches.len()
        {
            self.remove(matches[self.first].key);
            self.first += 1;
        }
        let score = (self.distinct, matches.len() - self.first);
        if score > self.best {
            self.best = score;
            self.best_anchor = self.first;
        }
        self.distinct
    }

    /// The byte bounds of the snippet of the best window so far.
    fn snippet_bounds(&self, text: &str, matches: &[Match]) -> (usize, usize) {
        let anchor = matches.get(self.best_anchor).map_or(0, |m| m.start);
        snippet_bounds(text, anchor)
    }

    fn add(&mut self, key: u32) {
        if let Some(count) = self.counts.get_mut(key as usize) {
            if *count == 0 {
                self.distinct += 1;
            }
            *count += 1;
        }
    }

    fn remove(&mut self, key: u32) {
        if let Some(count) = self.counts.get_mut(key as usize) {
            *count -= 1;
            if *count == 0 {
                self.distinct -= 1;
            }
        }
    }
}

fn char_count(text: &str, from: usize, to: usize) -> usize {
    text.get(from..to).map(|s| s.chars().count()).unwrap_or(0)
}

/// The byte bounds of a snippet of about `SNIPPET_CHARS` characters whose first match
/// starts at byte `anchor`, cut at word boundaries.
fn snippet_bounds(text: &str, anchor: usize) -> (usize, usize) {
    let start = back_to_word_start(text, anchor, limits::SNIPPET_CHARS / 6);
    (start, forward_chars(text, start, limits::SNIPPET_CHARS))
}

/// A byte offset up to `chars` characters before `at`, at the start of a word.
fn back_to_word_start(text: &str, at: usize, chars: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    let mut start = at;
    for (count, (i, _)) in before.char_indices().rev().enumerate() {
        start = i;
        if count >= chars {
            break;
        }
    }
    if start == 0 {
        return 0;
    }
    match text.get(start..at).and_then(|s| s.find(' ')) {
        Some(space) => start + space + 1,
        None => start,
    }
}

/// A byte offset `chars` characters after `from`, moved back to the end of a word.
fn forward_chars(text: &str, from: usize, chars: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    let Some((cut, _)) = rest.char_indices().nth(chars) else {
        return text.len();
    };
    match rest.get(..cut).and_then(|s| s.rfind(' ')) {
        Some(space) if space > cut / 2 => from + space,
        _ => from + cut,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlight(words: &[&str]) -> Highlight {
        Highlight {
            words: words.iter().map(|w| w.to_string()).collect(),
            ..Highlight::default()
        }
    }

    /// The snippet of `text` for a query of bare `words`.
    fn snippet_of(words: &[&str], text: &str, lang: Lang) -> Snippet {
        Highlighter::new(&highlight(words)).snippet(text, lang)
    }

    /// The highlighted words of a snippet.
    fn marked(s: &Snippet) -> Vec<String> {
        s.highlights
            .iter()
            .map(|[a, b]| s.text.chars().skip(*a).take(b - a).collect())
            .collect()
    }

    #[test]
    fn stemmed_matches_are_highlighted_in_characters() {
        let s = snippet_of(
            &["process"],
            "Données are processed; processing goes on.",
            Lang::En,
        );
        assert_eq!(s.text, "Données are processed; processing goes on.");
        assert_eq!(marked(&s), ["processed", "processing"]);
    }

    #[test]
    fn long_text_is_cut_around_the_match() {
        let text = format!(
            "{} the consent of a child {}",
            "lorem ipsum ".repeat(100),
            "dolor sit ".repeat(100)
        );
        let s = snippet_of(&["consent"], &text, Lang::En);
        assert!(s.text.starts_with("… ") && s.text.ends_with(" …"));
        assert!(s.text.chars().count() <= limits::SNIPPET_CHARS + 4);
        assert_eq!(marked(&s)[0], "consent");
    }

    #[test]
    fn stemmers_that_change_a_word_start_still_highlight() {
        // The Dutch stemmer drops `ge-`: `gebruiksrechten` stems to `bruiksrecht`.
        let s = snippet_of(
            &["gebruiksrechten"],
            "De GEBRUIKSRECHTEN en gebruiksrechten.",
            Lang::Nl,
        );
        assert_eq!(marked(&s), ["GEBRUIKSRECHTEN", "gebruiksrechten"]);
    }

    #[test]
    fn the_window_holding_every_word_wins_even_late_in_a_long_unit() {
        let text = format!(
            "{} consent here {} consent of a child, données {} child",
            "lorem ipsum ".repeat(100),
            "dolor sit ".repeat(100),
            "amet ".repeat(10_000)
        );
        let s = snippet_of(&["consent", "child"], &text, Lang::En);
        assert!(s.text.contains("consent of a child, données"), "{}", s.text);
        assert_eq!(marked(&s), ["consent", "child"]);
    }

    #[test]
    fn offsets_count_characters_after_accented_text() {
        let text = format!(
            "{} Règlement général {}",
            "é ".repeat(300),
            "ü ".repeat(300)
        );
        let s = snippet_of(&["général"], &text, Lang::Fr);
        assert_eq!(marked(&s), ["général"]);
    }

    proptest::proptest! {
        /// Highlights mark the matched words wherever the snippet starts: before the first
        /// match, or past it at a better window, with accented text anywhere between.
        #[test]
        fn highlights_mark_matched_words_in_any_text(
            fillers in proptest::array::uniform3(proptest::collection::vec(0usize..5, 0..300))
        ) {
            const FILLER: [&str; 5] = ["é", "ü", "lorem", "Ärger", "données"];
            let [before, between, after] = fillers.map(|picks| {
                picks.iter().map(|&i| FILLER[i]).collect::<Vec<_>>().join(" ")
            });
            let text = format!("{before} consent {between} consent of a child {after}");
            let s = snippet_of(&["consent", "child"], &text, Lang::En);
            let marked = marked(&s);
            proptest::prop_assert!(!marked.is_empty(), "{:?}", s.text);
            for word in marked {
                let matched = word == "consent" || word == "child";
                proptest::prop_assert!(matched, "{word:?} in {:?}", s.text);
            }
        }
    }

    #[test]
    fn phrase_words_and_prefixes_match_folded() {
        let query = Highlight {
            exact: ["donnees".to_string()].into(),
            prefixes: vec!["priv".into()],
            ..Highlight::default()
        };
        let mut h = Highlighter::new(&query);
        let s = h.snippet("Les données et la vie privée", Lang::Fr);
        assert_eq!(s.highlights.len(), 2);
    }
}
