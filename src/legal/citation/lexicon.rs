//! The lexicon: every word that can start or anchor a citation, found in one pass over the
//! text, and the roles of the small words read around them.
//!
//! Anchors (unit words, act words, popular names, OJ names, `COM`, `eli/`, `CELEX`) are
//! matched with one Aho-Corasick automaton over plain literals, longest first (built directly,
//! not through a regex, which would parse and translate a pattern of thousands of literals),
//! run anchored at the positions an anchor may start at. Case-insensitivity comes from
//! listing each form in lowercase, capitalised and uppercase; abbreviations (`DO`, `GDPR`)
//! are matched as written. Word boundaries are checked by hand, so the automaton stays
//! literal-only.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::words::{self, ActWords, Role, Side, SmallWords, UnitWords};
use crate::lang::Lang;
use crate::lang::fold::fold;
use crate::lang::starts::{FirstBytes, Starts};
use crate::legal::acts::{self, Act, Name};

/// What an anchor found in the text is.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    /// A unit word (`Article`, `Abs.`, `cikk`).
    Unit(&'static UnitWords),
    /// An act word (`Regulation`, `Richtlinie`).
    Act(&'static ActWords),
    /// A popular name of an act (`GDPR`).
    Name(&'static Act, &'static Name),
    /// An Official Journal abbreviation or name.
    Journal,
    /// A Commission document series (`COM`) and the CELEX letters it takes.
    Commission(&'static str),
    /// The `eli/` of an ELI URI.
    Eli,
    /// The `CELEX` prefix of a CELEX number.
    CelexPrefix,
}

/// One reading of a literal: its anchor, and whether it is a stem (matches longer words).
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// What it is.
    pub anchor: Anchor,
    /// Whether it also matches words it starts.
    pub stem: bool,
}

/// An anchor found in the text, with every reading it has (`artikel` is German, Dutch,
/// Danish and Swedish).
#[derive(Debug, Clone, Copy)]
pub struct AnchorAt {
    /// Byte offset of its start.
    pub start: usize,
    /// Byte offset after its end.
    pub end: usize,
    /// Its readings.
    pub entries: &'static [Entry],
}

struct Lexicon {
    /// Every literal, matched anchored at one position (the longest that starts there).
    anchors: AhoCorasick,
    /// The first two bytes literals start with.
    starts: LiteralStarts,
    by_literal: HashMap<String, Vec<Entry>>,
    small: HashMap<String, Vec<(Option<Lang>, Role)>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// The literal of an ELI URI's anchor, the one anchor that may start inside a word.
const ELI: &str = "eli/";

fn build() -> Lexicon {
    let mut by_literal: HashMap<String, Vec<Entry>> = HashMap::new();
    let mut add =
        |literal: String, entry: Entry| by_literal.entry(literal).or_default().push(entry);
    for words in words::UNIT_WORDS {
        add_forms(words.forms, Anchor::Unit(words), &mut add);
    }
    for words in words::ACT_WORDS {
        add_forms(words.forms, Anchor::Act(words), &mut add);
    }
    for act in acts::all() {
        for name in &act.names {
            for literal in variants(name.text, is_abbreviation(name.text)) {
                add(
                    literal,
                    Entry {
                        anchor: Anchor::Name(act, name),
                        stem: false,
                    },
                );
            }
        }
    }
    for name in words::OJ_NAMES {
        for literal in variants(name, is_abbreviation(name)) {
            add(
                literal,
                Entry {
                    anchor: Anchor::Journal,
                    stem: false,
                },
            );
        }
    }
    for (series, letters) in words::COMMISSION_SERIES {
        add(
            series.to_string(),
            Entry {
                anchor: Anchor::Commission(letters),
                stem: false,
            },
        );
    }
    add(
        ELI.to_string(),
        Entry {
            anchor: Anchor::Eli,
            stem: false,
        },
    );
    for literal in variants("celex", false) {
        add(
            literal,
            Entry {
                anchor: Anchor::CelexPrefix,
                stem: false,
            },
        );
    }
    for entries in by_literal.values_mut() {
        entries.sort_by_key(|e| !e.stem);
    }
    Lexicon {
        anchors: alternation(by_literal.keys()),
        starts: LiteralStarts::of(by_literal.keys()),
        by_literal,
        small: small_words(),
    }
}

fn add_forms(forms: &[&str], anchor: Anchor, add: &mut impl FnMut(String, Entry)) {
    for form in forms {
        let (text, stem) = match form.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*form, false),
        };
        for literal in variants(text, is_abbreviation(text)) {
            add(literal, Entry { anchor, stem });
        }
    }
}

/// All capitals (`GDPR`, `VO`, `DO`): matched only as written.
fn is_abbreviation(text: &str) -> bool {
    text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase)
}

/// The spellings of `text` to search for: as written, lowercase, capitalised, title case,
/// uppercase
/// (and uppercase without Greek accents, as headings write it), each also with no-break
/// spaces where it has spaces.
fn variants(text: &str, exact: bool) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if !exact {
        let lower = text.to_lowercase();
        let upper = text.to_uppercase();
        let title_case = lower
            .split(' ')
            .map(capitalised)
            .collect::<Vec<_>>()
            .join(" ");
        out.extend([
            capitalised(&lower),
            capitalised(text),
            title_case,
            fold_greek_accents(&upper),
            upper,
            lower,
        ]);
    }
    let with_nbsp: Vec<String> = out
        .iter()
        .filter(|v| v.contains(' '))
        .map(|v| v.replace(' ', "\u{a0}"))
        .collect();
    out.extend(with_nbsp);
    out.sort();
    out.dedup();
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn fold_greek_accents(text: &str) -> String {
    const ACCENTED: [(char, char); 7] = [
        ('Ά', 'Α'),
        ('Έ', 'Ε'),
        ('Ή', 'Η'),
        ('Ί', 'Ι'),
        ('Ό', 'Ο'),
        ('Ύ', 'Υ'),
        ('Ώ', 'Ω'),
    ];
    text.chars()
        .map(|c| {
            ACCENTED
                .iter()
                .find(|(a, _)| *a == c)
                .map_or(c, |(_, plain)| *plain)
        })
        .collect()
}

/// The pairs of bytes literals start with: a cheap test that rules out most positions
/// before the automaton runs (`th`, `of`, `an` start no anchor; `ar`, `re`, `di` may).
struct LiteralStarts {
    /// One bit per pair of bytes (first byte × 256 + second byte).
    pairs: Box<[u64; 1024]>,
    /// The bytes literals start with (and their other case), for finding word starts.
    words: FirstBytes,
}

impl LiteralStarts {
    fn of<'a>(literals: impl Iterator<Item = &'a String>) -> LiteralStarts {
        let mut pairs = Box::new([0; 1024]);
        let mut add = |one: u8, two: u8| {
            let pair = usize::from(one) << 8 | usize::from(two);
            pairs[pair / 64] |= 1 << (pair % 64);
        };
        for literal in literals {
            match *literal.as_bytes() {
                [one, two, ..] => add(one, two),
                // A one-byte literal may be followed by any byte.
                [one] => (0..=u8::MAX).for_each(|two| add(one, two)),
                [] => {}
            }
        }
        // Literals start with ASCII letters and digits or characters beyond ASCII.
        let ascii = (0..0x80u8).filter(|&b| starts_with(&pairs, b));
        let beyond_ascii = (0xC0..=u8::MAX).any(|b| starts_with(&pairs, b));
        let words = FirstBytes::new(ascii, beyond_ascii);
        LiteralStarts { pairs, words }
    }

    /// Whether a literal may start at byte `at` of `bytes`.
    fn may_start(&self, bytes: &[u8], at: usize) -> bool {
        let Some(&first) = bytes.get(at) else {
            return false;
        };
        let Some(&second) = bytes.get(at + 1) else {
            // The last byte: any literal starting with it (only one-byte literals fit).
            return starts_with(&self.pairs, first);
        };
        let pair = usize::from(first) << 8 | usize::from(second);
        self.pairs[pair / 64] & (1 << (pair % 64)) != 0
    }
}

/// Whether some pair of `pairs` starts with `first`.
fn starts_with(pairs: &[u64; 1024], first: u8) -> bool {
    let at = usize::from(first) * 4;
    pairs[at..at + 4].iter().any(|bits| *bits != 0)
}

/// An automaton finding the longest literal that starts at a given position: the literals
/// go in longest first, so leftmost-first prefers the longest.
fn alternation<'a>(literals: impl Iterator<Item = &'a String>) -> AhoCorasick {
    let mut sorted: Vec<&String> = literals.collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Anchored)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(sorted)
        .expect("a literal automaton within aho-corasick's limits")
}

fn small_words() -> HashMap<String, Vec<(Option<Lang>, Role)>> {
    let mut map: HashMap<String, Vec<(Option<Lang>, Role)>> = HashMap::new();
    for SmallWords { lang, role, forms } in words::SMALL_WORDS {
        for form in *forms {
            map.entry(fold(form).into_owned())
                .or_default()
                .push((*lang, *role));
        }
    }
    map
}

/// Every anchor in `text`, in order, not overlapping.
///
/// Only a position an anchor may start at is tried (a literal's first byte, after a word
/// boundary, or `eli/` anywhere), with one anchored match there: the longest literal
/// starting at the leftmost such position, as an unanchored leftmost-first search would
/// find, without running the automaton through the middle of every word.
pub fn find_anchors(text: &str) -> Vec<AnchorAt> {
    let lexicon = &*LEXICON;
    let mut found = Vec::new();
    let mut at = 0;
    let mut starts = AnchorStarts::new(lexicon, text);
    while let Some(start) = starts.next_from(at) {
        match lexicon.anchor_at(text, start) {
            Some(anchor) => {
                at = anchor.end;
                found.push(anchor);
            }
            None => at = next_char(text, start),
        }
    }
    found
}

/// The positions of a text where [`bounded`] may accept an anchor, in order.
struct AnchorStarts<'a> {
    lexicon: &'a Lexicon,
    text: &'a str,
    /// The text's word starts; `None` when it holds an ELI URI, the one anchor that may
    /// start inside a word, so every byte is tried.
    words: Option<Starts<'a>>,
}

impl<'a> AnchorStarts<'a> {
    fn new(lexicon: &'a Lexicon, text: &'a str) -> AnchorStarts<'a> {
        let words = (!text.contains(ELI)).then(|| Starts::new(text, &lexicon.starts.words));
        AnchorStarts {
            lexicon,
            text,
            words,
        }
    }

    /// The first position at or after byte `at`.
    fn next_from(&mut self, mut at: usize) -> Option<usize> {
        let (lexicon, text) = (self.lexicon, self.text);
        let Some(words) = &mut self.words else {
            return (at..text.len()).find(|&p| lexicon.may_start_at(text, p));
        };
        while let Some(p) = words.next_from(at) {
            if lexicon.may_start_at(text, p) {
                return Some(p);
            }
            at = p + 1;
        }
        None
    }
}

impl Lexicon {
    /// Whether [`bounded`] may accept an anchor starting at byte `p` of `text`.
    fn may_start_at(&self, text: &str, p: usize) -> bool {
        let bytes = text.as_bytes();
        self.starts.may_start(bytes, p)
            && text.is_char_boundary(p)
            && (starts_after_boundary(text, p) || bytes[p..].starts_with(ELI.as_bytes()))
    }

    /// The anchor the longest literal starting at `start` makes, if any.
    fn anchor_at(&'static self, text: &str, start: usize) -> Option<AnchorAt> {
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        let m = self.anchors.find(input)?;
        let entries = self.by_literal.get(text.get(m.start()..m.end())?)?;
        bounded(text, m.start(), m.end(), entries)
    }
}

/// Whether the character before byte `at` lets an anchor start there: none, or one that is
/// neither part of a word nor of a URL, an e-mail address or a hashtag.
fn starts_after_boundary(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    !before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '@' | '#' | '_' | '.'))
}

fn next_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(text.len(), |c| at + c.len_utf8())
}

/// The anchor a literal match makes once word boundaries are checked: a whole word, or the
/// whole word a stem starts; `None` inside a word, a URL or a hashtag.
fn bounded(text: &str, start: usize, end: usize, entries: &'static [Entry]) -> Option<AnchorAt> {
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_eli = entries.iter().any(|e| matches!(e.anchor, Anchor::Eli));
    if !is_eli && !starts_after_boundary(text, start) {
        return None;
    }
    let literal_ends_in_letter = text
        .get(..end)
        .and_then(|s| s.chars().next_back())
        .is_some_and(char::is_alphanumeric);
    if !literal_ends_in_letter || !after.is_some_and(char::is_alphanumeric) {
        return (!is_domain(text, end, entries)).then_some(AnchorAt {
            start,
            end,
            entries,
        });
    }
    let stem_entries = stems_of(entries)?;
    let rest = text.get(end..)?;
    let word_end = end
        + rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
    Some(AnchorAt {
        start,
        end: word_end,
        entries: stem_entries,
    })
}

/// A name followed by `.eu` or `.org`: a web address, not a citation.
fn is_domain(text: &str, end: usize, entries: &[Entry]) -> bool {
    let is_name = entries.iter().any(|e| matches!(e.anchor, Anchor::Name(..)));
    let mut rest = text.get(end..).unwrap_or("").chars();
    is_name && rest.next() == Some('.') && rest.next().is_some_and(char::is_alphanumeric)
}

/// The stem readings of a literal: [`build`] puts them first.
fn stems_of(entries: &'static [Entry]) -> Option<&'static [Entry]> {
    let stems = entries.iter().take_while(|e| e.stem).count();
    entries.get(..stems).filter(|s| !s.is_empty())
}

/// Whether an anchor may follow its number (`6. cikk`, `a 2016/679/EU rendelet`), so
/// reading must start before it.
pub fn follows_its_number(anchor: &AnchorAt) -> bool {
    anchor.entries.iter().any(|e| match e.anchor {
        Anchor::Unit(words) => words.side == Side::After,
        Anchor::Act(words) => words.side == Side::After,
        _ => false,
    })
}

/// The roles a small word has, in table order.
pub fn small_roles(word: &str) -> &'static [(Option<Lang>, Role)] {
    LEXICON
        .small
        .get(fold(word).as_ref())
        .map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The anchors of `text` found the slow way: at each character in turn, the longest
    /// literal starting there, kept if its boundaries allow it.
    fn anchors_by_trying_every_position(text: &str) -> Vec<(usize, usize)> {
        let lexicon = &*LEXICON;
        let longest = lexicon
            .by_literal
            .keys()
            .map(String::len)
            .max()
            .unwrap_or(0);
        let mut found = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let literal_end = (at + 1..=text.len().min(at + longest)).rev().find(|&end| {
                text.get(at..end)
                    .is_some_and(|l| lexicon.by_literal.contains_key(l))
            });
            let anchor = literal_end
                .and_then(|end| bounded(text, at, end, &lexicon.by_literal[&text[at..end]]));
            match anchor {
                Some(anchor) => {
                    found.push((anchor.start, anchor.end));
                    at = anchor.end;
                }
                None => at = next_char(text, at),
            }
        }
        found
    }

    const PIECES: &[&str] = &[
        "Article",
        "article",
        "Artikel",
        "art",
        "Art.",
        "Regulation",
        "Verordening",
        "règlement",
        "GDPR",
        "DSA",
        "COM",
        "CELEX",
        "eli/",
        "eli/reg/2016/679",
        "OJ",
        "L",
        "1",
        "2016/679",
        " ",
        "  ",
        "/",
        ".",
        "#",
        "@",
        "_",
        "(",
        ")",
        ",",
        "é",
        "x",
        "ab",
        "s",
        "Δ",
        "Ά",
        "ß",
        "Άρθρο",
        "член",
        "článku",
    ];

    proptest! {
        #[test]
        fn anchors_are_the_longest_literals_at_the_leftmost_allowed_positions(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let text = pieces.concat();
            let found: Vec<(usize, usize)> =
                find_anchors(&text).iter().map(|a| (a.start, a.end)).collect();
            prop_assert_eq!(found, anchors_by_trying_every_position(&text));
        }

        /// Without an ELI URI, anchors are sought word start by word start, in windows of
        /// sixty-four bytes: long texts cross many windows.
        #[test]
        fn anchors_found_by_word_starts_are_those_of_every_position(
            pieces in prop::collection::vec(
                prop::sample::select(PIECES).prop_filter("no ELI", |p| !p.contains("eli")),
                0..120,
            )
        ) {
            let text = pieces.concat();
            prop_assume!(!text.contains(ELI));
            let found: Vec<(usize, usize)> =
                find_anchors(&text).iter().map(|a| (a.start, a.end)).collect();
            prop_assert_eq!(found, anchors_by_trying_every_position(&text));
        }
    }
}
