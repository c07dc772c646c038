//! Snippets: the best window of a unit's text around the query's words, with the matched
//! words' offsets in characters.
//!
//! Matching uses the same analyzers as indexing, so a highlighted word is exactly a word
//! that made the unit match: `children` lights up for the query `child`, `données` for
//! `donnees`.

use std::collections::{HashMap, HashSet};

use super::query::Highlight;
use crate::lang::Lang;
use crate::lang::analyzers::{Analyzer, words};
use crate::lang::fold::fold;
use crate::limits;

/// Highlighting state for one query: its words analysed once per language met.
pub struct Highlighter<'a> {
    query: &'a Highlight,
    stems: HashMap<Lang, Stems>,
}

/// The query's terms in one language, and the letters they start with.
struct Stems {
    terms: HashSet<String>,
    /// First letters of the terms; `None` where a stemmer may change a word's first letter
    /// (Irish drops initial mutations: `dtréimhse` → `tréimhse`), so every word is stemmed.
    initials: Option<HashSet<char>>,
}

impl Stems {
    fn of(query: &Highlight, lang: Lang, analyzer: &Analyzer) -> Stems {
        let terms: HashSet<String> = query.words.iter().flat_map(|w| analyzer.terms(w)).collect();
        let initials =
            (lang != Lang::Ga).then(|| terms.iter().filter_map(|t| t.chars().next()).collect());
        Stems { terms, initials }
    }

    /// Whether a word (folded) may stem to one of the terms: stems keep the first letter.
    fn may_match(&self, folded: &str) -> bool {
        match (&self.initials, folded.chars().next()) {
            (Some(initials), Some(first)) => initials.contains(&first),
            _ => true,
        }
    }
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
            stems: HashMap::new(),
        }
    }

    /// The snippet of `text`, a unit in `lang`.
    pub fn snippet(&mut self, text: &str, lang: Lang) -> Snippet {
        let matches = self.matches(text, lang);
        let (start, end) = window(text, &matches);
        let prefix = if start > 0 { "… " } else { "" };
        let suffix = if end < text.len() { " …" } else { "" };
        let body = text.get(start..end).unwrap_or("");
        let offset = prefix.chars().count();
        let highlights = matches
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .map(|m| {
                let from = offset + char_count(text, start, m.start);
                [from, from + char_count(text, m.start, m.end)]
            })
            .collect();
        Snippet {
            text: format!("{prefix}{body}{suffix}"),
            highlights,
        }
    }

    /// Byte spans of the words of `text` that match the query, with the term they match.
    fn matches(&mut self, text: &str, lang: Lang) -> Vec<Match> {
        let analyzer = Analyzer::stemmed(lang);
        let query = self.query;
        let stems = self
            .stems
            .entry(lang)
            .or_insert_with(|| Stems::of(query, lang, &analyzer));
        let mut found = Vec::new();
        for word in words(text) {
            let folded = fold(word.text);
            let term = if query.exact.contains(folded.as_ref())
                || query
                    .prefixes
                    .iter()
                    .any(|p| folded.starts_with(p.as_str()))
            {
                Some(folded.into_owned())
            } else if stems.may_match(&folded) {
                analyzer
                    .terms(word.text)
                    .into_iter()
                    .find(|t| stems.terms.contains(t))
            } else {
                None
            };
            if let Some(term) = term {
                found.push(Match {
                    start: word.start,
                    end: word.end,
                    term,
                });
            }
        }
        found
    }
}

struct Match {
    start: usize,
    end: usize,
    term: String,
}

fn char_count(text: &str, from: usize, to: usize) -> usize {
    text.get(from..to).map(|s| s.chars().count()).unwrap_or(0)
}

/// The byte window of about `SNIPPET_CHARS` characters holding the most distinct matched
/// terms (then the most matches), cut at word boundaries.
fn window(text: &str, matches: &[Match]) -> (usize, usize) {
    let budget = limits::SNIPPET_CHARS * 4;
    if text.chars().count() <= limits::SNIPPET_CHARS {
        return (0, text.len());
    }
    let mut best = (0usize, 0usize, 0usize);
    for (i, first) in matches.iter().enumerate() {
        let in_window: Vec<&Match> = matches[i..]
            .iter()
            .take_while(|m| {
                char_count(text, first.start, m.end) <= limits::SNIPPET_CHARS.min(budget)
            })
            .collect();
        let distinct: HashSet<&str> = in_window.iter().map(|m| m.term.as_str()).collect();
        let score = (distinct.len(), in_window.len());
        if score > (best.0, best.1) {
            best = (score.0, score.1, i);
        }
    }
    let anchor = matches.get(best.2).map(|m| m.start).unwrap_or(0);
    let start = back_to_word_start(text, anchor, limits::SNIPPET_CHARS / 6);
    let end = forward_chars(text, start, limits::SNIPPET_CHARS);
    (start, end)
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

    #[test]
    fn stemmed_matches_are_highlighted_in_characters() {
        let query = highlight(&["process"]);
        let mut h = Highlighter::new(&query);
        let s = h.snippet("Données are processed; processing goes on.", Lang::En);
        assert_eq!(s.text, "Données are processed; processing goes on.");
        let marked: Vec<String> = s
            .highlights
            .iter()
            .map(|[a, b]| s.text.chars().skip(*a).take(b - a).collect())
            .collect();
        assert_eq!(marked, ["processed", "processing"]);
    }

    #[test]
    fn long_text_is_cut_around_the_match() {
        let text = format!(
            "{} the consent of a child {}",
            "lorem ipsum ".repeat(100),
            "dolor sit ".repeat(100)
        );
        let query = highlight(&["consent"]);
        let mut h = Highlighter::new(&query);
        let s = h.snippet(&text, Lang::En);
        assert!(s.text.starts_with("… ") && s.text.ends_with(" …"));
        assert!(s.text.chars().count() <= limits::SNIPPET_CHARS + 4);
        let [a, b] = s.highlights[0];
        assert_eq!(
            s.text.chars().skip(a).take(b - a).collect::<String>(),
            "consent"
        );
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
