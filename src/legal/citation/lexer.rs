//! Tokens of the text around anchors: numbers, words, punctuation, anchors and act
//! numbers already resolved (CELEX, ELI, `COM(2022) 209`), produced lazily so a citation
//! may run as far as it goes and no further text is read.

use super::lexicon::{self, Anchor, Entry};
use super::words::{ActWords, Role, UnitWords};
use crate::lang::{Lang, LangSet};

/// An act number recognised whole before tokenising (CELEX, ELI, Commission document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Special {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset after its end.
    pub end: usize,
    /// The CELEX it names.
    pub celex: String,
    /// The unit of that act it names (an ELI URI's `art_6/par_1`), if any.
    pub unit: Option<String>,
}

/// What a token is.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits and its value (`u32::MAX` when too long).
    Number(u32),
    /// Any other character.
    Punct(char),
    /// A lexicon anchor with its readings.
    Anchor(&'static [Entry]),
    /// A [`Special`], by index.
    Special(usize),
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset after its end.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Whether white space precedes it.
    pub spaced: bool,
}

/// Tokens from a starting offset on, read on demand and kept for look-back.
pub struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    anchors: &'t [lexicon::AnchorAt],
    next_anchor: usize,
    specials: &'t [Special],
    next_special: usize,
    read: Vec<Token>,
}

impl<'t> Tokens<'t> {
    /// Tokens of `text` from byte `from` (a character boundary).
    pub fn new(
        text: &'t str,
        from: usize,
        anchors: &'t [lexicon::AnchorAt],
        specials: &'t [Special],
    ) -> Self {
        let next_anchor = anchors.partition_point(|a| a.start < from);
        let next_special = specials.partition_point(|s| s.start < from);
        Tokens {
            text,
            pos: from,
            anchors,
            next_anchor,
            specials,
            next_special,
            read: Vec::new(),
        }
    }

    /// The `i`-th token, reading on as needed.
    pub fn get(&mut self, i: usize) -> Option<Token> {
        while self.read.len() <= i {
            let token = self.lex()?;
            self.read.push(token);
        }
        self.read.get(i).copied()
    }

    /// The text of a token.
    pub fn slice(&self, token: &Token) -> &'t str {
        self.text.get(token.start..token.end).unwrap_or("")
    }

    /// The whole text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The word right before byte `at`, across white space only (`son` in `son article
    /// 16`); `None` when something else stands there.
    pub fn word_before(&self, at: usize) -> Option<&'t str> {
        let head = self.text.get(..at)?.trim_end();
        let start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic() || is_mark(*c))
            .last()
            .map(|(i, _)| i)?;
        head.get(start..)
    }

    /// The special a token stands for.
    pub fn special(&self, index: usize) -> Option<&'t Special> {
        self.specials.get(index)
    }

    /// The roles token `i` has as a small word (`and`, `of`, `No`), in table order.
    pub fn roles(&mut self, i: usize) -> &'static [(Option<Lang>, Role)] {
        match self.get(i) {
            Some(token) if matches!(token.kind, Kind::Word | Kind::Anchor(_)) => {
                lexicon::small_roles(self.slice(&token).trim_end_matches('.'))
            }
            _ => &[],
        }
    }

    /// Whether token `i` has `role` as a small word.
    pub fn has_role(&mut self, i: usize, role: Role) -> bool {
        self.roles(i).iter().any(|(_, r)| *r == role)
    }

    /// The unit words token `i` reads as, those of `langs` when it has any.
    pub fn unit_words(&mut self, i: usize, langs: LangSet) -> Vec<&'static UnitWords> {
        let all: Vec<&'static UnitWords> = self
            .entries(i)
            .iter()
            .filter_map(|e| match e.anchor {
                Anchor::Unit(words) => Some(words),
                _ => None,
            })
            .collect();
        prefer_langs(all, langs, |w| w.lang)
    }

    /// The act words token `i` reads as, those of `langs` when it has any.
    pub fn act_words(&mut self, i: usize, langs: LangSet) -> Vec<&'static ActWords> {
        let all: Vec<&'static ActWords> = self
            .entries(i)
            .iter()
            .filter_map(|e| match e.anchor {
                Anchor::Act(words) => Some(words),
                _ => None,
            })
            .collect();
        prefer_langs(all, langs, |w| w.lang)
    }

    /// The anchor readings of token `i` (none for other tokens).
    pub fn entries(&mut self, i: usize) -> &'static [Entry] {
        match self.get(i).map(|t| t.kind) {
            Some(Kind::Anchor(entries)) => entries,
            _ => &[],
        }
    }

    fn lex(&mut self) -> Option<Token> {
        let rest = self.text.get(self.pos..)?;
        let trimmed = rest.trim_start();
        let spaced = trimmed.len() < rest.len();
        let start = self.pos + (rest.len() - trimmed.len());
        let first = trimmed.chars().next()?;
        self.skip_passed(start);
        let (end, kind) = if let Some(special) = self.special_at(start) {
            special
        } else if let Some(anchor) = self
            .anchors
            .get(self.next_anchor)
            .filter(|a| a.start == start)
        {
            self.next_anchor += 1;
            (anchor.end, Kind::Anchor(anchor.entries))
        } else if first.is_ascii_digit() {
            let len = trimmed
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(trimmed.len());
            let digits = trimmed.get(..len).unwrap_or("");
            (
                start + len,
                Kind::Number(digits.parse().unwrap_or(u32::MAX)),
            )
        } else if first.is_alphabetic() {
            let len = trimmed
                .find(|c: char| !(c.is_alphabetic() || is_mark(c)))
                .unwrap_or(trimmed.len());
            (start + len, Kind::Word)
        } else {
            (start + first.len_utf8(), Kind::Punct(first))
        };
        self.pos = end;
        Some(Token {
            start,
            end,
            kind,
            spaced,
        })
    }

    fn special_at(&mut self, start: usize) -> Option<(usize, Kind)> {
        let special = self
            .specials
            .get(self.next_special)
            .filter(|s| s.start == start)?;
        let index = self.next_special;
        self.next_special += 1;
        Some((special.end, Kind::Special(index)))
    }

    /// Drops anchors and specials that start before `start`: the token before swallowed them.
    fn skip_passed(&mut self, start: usize) {
        while self
            .anchors
            .get(self.next_anchor)
            .is_some_and(|a| a.start < start)
        {
            self.next_anchor += 1;
        }
        while self
            .specials
            .get(self.next_special)
            .is_some_and(|s| s.start < start)
        {
            self.next_special += 1;
        }
    }
}

/// The items whose language is in `langs`, or all of them when none is.
fn prefer_langs<T: Copy>(items: Vec<T>, langs: LangSet, lang: impl Fn(T) -> Lang) -> Vec<T> {
    let preferred: Vec<T> = items
        .iter()
        .copied()
        .filter(|&item| langs.contains(lang(item)))
        .collect();
    if preferred.is_empty() {
        items
    } else {
        preferred
    }
}

/// Combining marks stay inside the word they accent (text in decomposed form).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}
