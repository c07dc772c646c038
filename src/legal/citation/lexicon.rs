//! The lexicon: every word that can start or anchor a citation, found in one pass over the
//! text, and the roles of the small words read around them.
//!
//! Anchors (unit words, act words, popular names, OJ names, `COM`, `eli/`, `CELEX`) are
//! searched with one Aho-Corasick automaton over plain literals, longest first (built directly,
//! not through a regex, which would parse and translate a pattern of thousands of literals). Case-insensitivity comes from listing each form in
//! lowercase, capitalised and uppercase; abbreviations (`DO`, `GDPR`) are matched as written.
//! Word boundaries are checked by hand, so the automaton stays literal-only.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::words::{self, ActWords, Role, Side, SmallWords, UnitWords};
use crate::lang::Lang;
use crate::lang::fold::fold;
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
    anchors: AhoCorasick,
    by_literal: HashMap<String, Vec<Entry>>,
    small: HashMap<String, Vec<(Option<Lang>, Role)>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

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
        "eli/".to_string(),
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

/// One regex of plain literals, longest first so that leftmost-first finds the longest.
/// An automaton finding the leftmost literal, the longest where several start there.
fn alternation<'a>(literals: impl Iterator<Item = &'a String>) -> AhoCorasick {
    let mut sorted: Vec<&String> = literals.collect();
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
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
pub fn find_anchors(text: &str) -> Vec<AnchorAt> {
    let lexicon = &*LEXICON;
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(m) = lexicon.anchors.find(Input::new(text).span(at..text.len())) {
        let Some(entries) = text
            .get(m.start()..m.end())
            .and_then(|literal| lexicon.by_literal.get(literal))
        else {
            at = next_char(text, m.start());
            continue;
        };
        match bounded(text, m.start(), m.end(), entries) {
            Some(anchor) => {
                at = anchor.end;
                found.push(anchor);
            }
            None => at = next_char(text, m.start()),
        }
    }
    found
}

fn next_char(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(text.len(), |c| at + c.len_utf8())
}

/// The anchor a literal match makes once word boundaries are checked: a whole word, or the
/// whole word a stem starts; `None` inside a word, a URL or a hashtag.
fn bounded(text: &str, start: usize, end: usize, entries: &'static [Entry]) -> Option<AnchorAt> {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_eli = entries.iter().any(|e| matches!(e.anchor, Anchor::Eli));
    if !is_eli
        && before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '@' | '#' | '_' | '.'))
    {
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
