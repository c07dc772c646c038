//! The memo of an analyzer: the terms of the words it has met, so a word stemmed once is
//! looked up ever after.
//!
//! A corpus repeats a small vocabulary, and indexing asks for the terms of every word of
//! every unit, so a lookup must cost little: words and their terms live back to back in one
//! string, and a table of small entries points into it. A hit reads the table and one spot
//! of the string; nothing is allocated per word, and dropping the memo frees three buffers.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

/// The terms of one word: none (an over-long word), one, or two at the same position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordTerms<'a> {
    terms: [&'a str; 2],
    len: usize,
}

impl<'a> WordTerms<'a> {
    /// No terms.
    pub const NONE: WordTerms<'static> = WordTerms {
        terms: ["", ""],
        len: 0,
    };

    /// One term.
    pub fn one(term: &'a str) -> WordTerms<'a> {
        WordTerms {
            terms: [term, ""],
            len: 1,
        }
    }

    /// The terms of `terms` (at most two are kept).
    pub fn of(terms: &[&'a str]) -> WordTerms<'a> {
        let mut out = WordTerms::NONE;
        for term in terms.iter().take(2) {
            out.terms[out.len] = term;
            out.len += 1;
        }
        out
    }

    /// The first term.
    pub fn first(&self) -> Option<&'a str> {
        self.get(0)
    }

    /// The second term, when the word has two.
    pub fn second(&self) -> Option<&'a str> {
        self.get(1)
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        self.terms.get(..self.len)?.get(i).copied()
    }

    /// Every term, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let terms = *self;
        (0..terms.len).filter_map(move |i| terms.get(i))
    }
}

impl<'a> From<&'a [String]> for WordTerms<'a> {
    /// The first two of `terms`.
    fn from(terms: &'a [String]) -> WordTerms<'a> {
        match terms {
            [] => WordTerms::NONE,
            [one] => WordTerms::one(one),
            [one, two, ..] => WordTerms::of(&[one, two]),
        }
    }
}

/// Where one word and its terms are in the memo's string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    hash: u64,
    /// Byte offset of the word; its terms follow it.
    at: u32,
    word: u16,
    first: u16,
    second: u16,
    /// How many terms the word has (0, 1 or 2).
    terms: u8,
}

/// Words met and their terms, up to a number of words.
#[derive(Debug, Default)]
pub struct Memo {
    table: HashTable<Entry>,
    text: String,
    /// Most words held; past it, words are analysed again each time.
    cap: usize,
}

impl Memo {
    /// An empty memo that holds at most `cap` words.
    pub fn with_cap(cap: usize) -> Memo {
        Memo {
            cap,
            ..Memo::default()
        }
    }

    /// Most words held.
    pub fn cap(&self) -> usize {
        self.cap
    }

    /// Words held.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether no word is held.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The entry of `word`, if it was met before.
    pub fn find(&self, word: &str) -> Option<Entry> {
        let hash = FxBuildHasher.hash_one(word);
        self.table.find(hash, |e| self.word_of(e) == word).copied()
    }

    /// The terms of `word`, if it was met before.
    pub fn get(&self, word: &str) -> Option<WordTerms<'_>> {
        self.find(word).map(|e| self.terms(e))
    }

    /// Remembers the terms of `word` (a full memo, or a word or term of more than 64 KiB,
    /// is not remembered) and returns its entry.
    pub fn insert(&mut self, word: &str, terms: &[impl AsRef<str>]) -> Option<Entry> {
        let [first, second] = match terms {
            [] => ["", ""],
            [first] => [first.as_ref(), ""],
            [first, second, ..] => [first.as_ref(), second.as_ref()],
        };
        let at = u32::try_from(self.text.len()).ok()?;
        let length = |s: &str| u16::try_from(s.len()).ok();
        let entry = Entry {
            hash: FxBuildHasher.hash_one(word),
            at,
            word: length(word)?,
            first: length(first)?,
            second: length(second)?,
            terms: terms.len().min(2) as u8,
        };
        let end = self.text.len() + word.len() + first.len() + second.len();
        if self.table.len() >= self.cap || u32::try_from(end).is_err() {
            return None;
        }
        self.text.push_str(word);
        self.text.push_str(first);
        self.text.push_str(second);
        self.table.insert_unique(entry.hash, entry, |e| e.hash);
        Some(entry)
    }

    fn word_of(&self, e: &Entry) -> &str {
        let at = e.at as usize;
        self.text.get(at..at + usize::from(e.word)).unwrap_or("")
    }

    /// The terms of an entry of this memo.
    pub fn terms(&self, e: Entry) -> WordTerms<'_> {
        let first_at = e.at as usize + usize::from(e.word);
        let second_at = first_at + usize::from(e.first);
        let first = self.text.get(first_at..second_at).unwrap_or("");
        let second = self
            .text
            .get(second_at..second_at + usize::from(e.second))
            .unwrap_or("");
        WordTerms::of(&[first, second][..usize::from(e.terms)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_gets_back_the_terms_it_was_given() {
        let mut memo = Memo::with_cap(10);
        assert_eq!(memo.get("données"), None);
        memo.insert("données", &["donne", "don"]);
        memo.insert("data", &["data"]);
        memo.insert("x".repeat(200).as_str(), &[] as &[&str]);
        memo.insert("\u{301}", &[""]);
        let terms = memo.get("données").unwrap();
        assert_eq!(terms.iter().collect::<Vec<_>>(), ["donne", "don"]);
        assert_eq!(memo.get("data").unwrap().first(), Some("data"));
        assert_eq!(memo.get("data").unwrap().second(), None);
        assert_eq!(memo.get(&"x".repeat(200)), Some(WordTerms::NONE));
        assert_eq!(memo.get("\u{301}").unwrap().first(), Some(""));
        assert_eq!(memo.get("donnée"), None);
    }

    #[test]
    fn a_full_memo_remembers_no_more_words() {
        let mut memo = Memo::with_cap(2);
        for word in ["a", "b", "c"] {
            memo.insert(word, &[word]);
        }
        assert_eq!(memo.len(), 2);
        assert_eq!(memo.get("c"), None);
        assert_eq!(memo.get("b").unwrap().first(), Some("b"));
    }
}
