//! Labels as citations write them: `6`, `3a`, `3 bis`, `6.`, `6.º`, `(1)`, `1)`, `(a)`, `a)`,
//! `a`, `(iv)`, `α)`, `а)`, `I`, `IIa`; and the ranges between two of them.

use super::lexer::{Kind, Token, Tokens};
use super::words::INSERTED;
use crate::legal::labels;

/// How many units a range may expand to: `Articles 1 to 99` is real, a range of thousands
/// is a misreading (a year, a page), so it keeps its two ends only.
pub const MAX_RANGE_UNITS: usize = 200;

/// What a label counts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `6`, `3a` (with an inserted-article suffix).
    Number { value: u32, suffixed: bool },
    /// `a`, `aa`, and Greek or Cyrillic letters by position.
    Letter,
    /// `iv` (lowercase roman, as points use).
    Roman,
    /// `II`, `IIa` (uppercase roman, as annexes use).
    UpperRoman,
}

/// A label read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Its id part (`6`, `3a`, `a`, `iv`, `II`).
    pub id: String,
    /// What it counts with.
    pub form: Form,
    /// Written in parentheses.
    pub paren: bool,
    /// A letter written bare (`lit. a`), not `a)` or `(a)`.
    pub bare: bool,
}

/// Which shapes of label a place in the grammar admits.
#[derive(Debug, Clone, Copy)]
pub struct Admit {
    /// A bare letter (`lit. a`, `a alakohta`), not only `a)` or `(a)`.
    pub bare_letter: bool,
    /// A label in parentheses (`(1)`).
    pub paren: bool,
}

/// The label starting at token `i`, and the index after it.
pub fn label(t: &mut Tokens, i: usize, admit: Admit) -> Option<(Label, usize)> {
    let token = t.get(i)?;
    match token.kind {
        Kind::Number(value) => number_label(t, i, value, false),
        Kind::Punct('(') if admit.paren => paren_label(t, i),
        Kind::Word => word_label(t, i, admit.bare_letter),
        _ => None,
    }
}

fn number_label(t: &mut Tokens, i: usize, value: u32, in_paren: bool) -> Option<(Label, usize)> {
    if !(1..=9999).contains(&value) {
        return None;
    }
    let mut id = value.to_string();
    let mut next = i + 1;
    let suffix = inserted_suffix(t, next);
    if let Some((letters, after)) = &suffix {
        id.push_str(letters);
        next = *after;
    }
    next = skip_ordinal_dot(t, next);
    if suffix.is_none()
        && let Some((letter, after)) = hyphen_suffix(t, next)
    {
        id.push_str(&letter);
        next = after;
    }
    if !in_paren && is_punct(t, next, ')', false) {
        next += 1;
    }
    let suffixed = id.len() > value.to_string().len();
    Some((
        Label {
            id,
            form: Form::Number { value, suffixed },
            paren: false,
            bare: false,
        },
        next,
    ))
}

/// `3a` (letters glued to the number), `3.a` (Croatian, Latvian) or `3 bis` (a Latin ordinal
/// not followed by a number: `Artikel 12 bis 15` is a German range).
fn inserted_suffix(t: &mut Tokens, i: usize) -> Option<(String, usize)> {
    if let Some(dotted) = dotted_suffix(t, i) {
        return Some(dotted);
    }
    let token = t.get(i)?;
    if !matches!(token.kind, Kind::Word) {
        return None;
    }
    let word = t.slice(&token);
    if !token.spaced && word.len() <= 2 && word.chars().all(|c| c.is_ascii_lowercase()) {
        return Some((word.to_string(), i + 1));
    }
    if !token.spaced && word.chars().count() <= 2 {
        // `3α`, `3а`: the letter of its position, as in ids (`art_3a`).
        let lower = word.to_lowercase();
        let position = labels::greek_numeral(&lower).or_else(|| labels::cyrillic_position(&lower));
        return position.map(|n| (labels::latin_letters(n), i + 1));
    }
    let position = INSERTED.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    let followed_by_number = t
        .get(i + 1)
        .is_some_and(|n| matches!(n.kind, Kind::Number(_)));
    (token.spaced && !followed_by_number)
        .then(|| (labels::latin_letters(position as u32 + 1), i + 1))
}

/// `3.a`: the letter of an inserted article after a dot, as Croatian and Latvian acts head
/// it (`Članak 3.a`, `3.a pants`; the segmenter reads those headings as `art_3a`), when no
/// letter or digit is glued after it.
fn dotted_suffix(t: &mut Tokens, i: usize) -> Option<(String, usize)> {
    if !is_punct(t, i, '.', false) {
        return None;
    }
    let letter = t
        .get(i + 1)
        .filter(|tok| !tok.spaced && matches!(tok.kind, Kind::Word))?;
    let text = t.slice(&letter);
    let single = text.len() == 1 && text.chars().all(|c| c.is_ascii_lowercase());
    let glued = t
        .get(i + 2)
        .is_some_and(|tok| !tok.spaced && matches!(tok.kind, Kind::Word | Kind::Number(_)));
    (single && !glued).then(|| (text.to_string(), i + 2))
}

/// `3.º-A` (Portuguese): an inserted article's letter after a hyphen.
fn hyphen_suffix(t: &mut Tokens, i: usize) -> Option<(String, usize)> {
    let letter = t
        .get(i + 1)
        .filter(|tok| !tok.spaced && matches!(tok.kind, Kind::Word))?;
    let text = t.slice(&letter);
    let single = text.len() == 1 && text.chars().all(|c| c.is_ascii_uppercase());
    (is_punct(t, i, '-', false) && single).then(|| (text.to_ascii_lowercase(), i + 2))
}

/// The dot of `6.` (Hungarian, Latvian, Croatian) or `6.º` (Portuguese), unless a number
/// follows it closely (`6.1`, a Swedish paragraph).
fn skip_ordinal_dot(t: &mut Tokens, i: usize) -> usize {
    let mut next = i;
    if is_punct(t, next, '.', false)
        && !t
            .get(next + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Number(_)) && !n.spaced)
    {
        next += 1;
    }
    let ordinal_sign = t
        .get(next)
        .filter(|tok| !tok.spaced && matches!(tok.kind, Kind::Word))
        .map(|tok| t.slice(&tok));
    if matches!(ordinal_sign, Some("º" | "o" | "°")) || is_punct(t, next, '°', false) {
        next += 1;
    }
    next
}

fn paren_label(t: &mut Tokens, i: usize) -> Option<(Label, usize)> {
    let inner = t.get(i + 1)?;
    let (mut label, after) = match inner.kind {
        Kind::Number(value) => number_label(t, i + 1, value, true)?,
        Kind::Word => letter_label(t, &inner).map(|l| (l, i + 2))?,
        _ => return None,
    };
    if !is_punct(t, after, ')', true) {
        return None;
    }
    label.paren = true;
    Some((label, after + 1))
}

fn word_label(t: &mut Tokens, i: usize, bare_letter: bool) -> Option<(Label, usize)> {
    let token = t.get(i)?;
    let word = t.slice(&token);
    if let Some(label) = upper_roman(word) {
        let next = if is_punct(t, i + 1, '.', false) {
            i + 2
        } else {
            i + 1
        };
        return Some((label, next));
    }
    let label = letter_label(t, &token)?;
    if is_punct(t, i + 1, ')', false) {
        return Some((label, i + 2));
    }
    let followed_by_word = t
        .get(i + 1)
        .is_some_and(|n| !n.spaced && matches!(n.kind, Kind::Word | Kind::Number(_)));
    (bare_letter && !followed_by_word).then_some((
        Label {
            bare: true,
            ..label
        },
        i + 1,
    ))
}

/// An uppercase roman numeral with an optional lowercase suffix (`IV`, `IIa`): an annex.
fn upper_roman(word: &str) -> Option<Label> {
    let split = word
        .find(|c: char| c.is_ascii_lowercase())
        .unwrap_or(word.len());
    let (numeral, suffix) = word.split_at(split);
    let valid_suffix = suffix.len() <= 1;
    (valid_suffix && upper_roman_value(numeral).is_some()).then(|| Label {
        id: word.to_string(),
        form: Form::UpperRoman,
        paren: false,
        bare: false,
    })
}

/// The value of a roman numeral written in capitals (`IV` is 4), as annexes and German
/// shorthand paragraphs (`Art. 6 I`) number.
pub fn upper_roman_value(numeral: &str) -> Option<u32> {
    let is_numeral = !numeral.is_empty() && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    is_numeral
        .then(|| labels::roman_value(&numeral.to_ascii_lowercase()))
        .flatten()
}

/// A point letter: Latin (`a`, `aa`), roman (`iv`), Greek or Cyrillic (by position).
fn letter_label(t: &Tokens, token: &Token) -> Option<Label> {
    let word = t.slice(token);
    if word.chars().count() > 5 {
        return None;
    }
    let lower = word.to_lowercase();
    if lower.chars().all(|c| c.is_ascii_lowercase()) {
        let form = if lower.len() > 1 && labels::is_roman(&lower) {
            Form::Roman
        } else {
            Form::Letter
        };
        let mut letters = lower.chars();
        let doubled = lower.len() == 2 && letters.next() == letters.next();
        let plausible = form == Form::Roman || lower.len() == 1 || doubled;
        return plausible.then_some(Label {
            id: lower,
            form,
            paren: false,
            bare: false,
        });
    }
    let position = greek_numeral(&lower).or_else(|| cyrillic_position(&lower))?;
    Some(Label {
        id: labels::latin_letters(position),
        form: Form::Letter,
        paren: false,
        bare: false,
    })
}

/// The position a Greek numeral numbers a point with: α=1 … ε=5, στ=6, ζ=7 … θ=9, ι=10,
/// ια=11, κ=20. (`labels` has the same table privately; its `parse` cannot be called on
/// citation text because it reads a whole line.)
fn greek_numeral(s: &str) -> Option<u32> {
    const UNITS: [&str; 9] = ["α", "β", "γ", "δ", "ε", "στ", "ζ", "η", "θ"];
    const TENS: [&str; 3] = ["ι", "κ", "λ"];
    let s = s.replace(['ϛ', 'ς'], "στ");
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|p| p as u32 + 1);
    if let Some(value) = unit(&s) {
        return Some(value);
    }
    TENS.iter().enumerate().find_map(|(i, ten)| {
        let base = (i as u32 + 1) * 10;
        let rest = s.strip_prefix(ten)?;
        if rest.is_empty() {
            Some(base)
        } else {
            unit(rest).map(|u| base + u)
        }
    })
}

/// The position of a Bulgarian letter in the alphabet points are numbered with.
fn cyrillic_position(s: &str) -> Option<u32> {
    const ALPHABET: &str = "абвгдежзийклмнопрстуфхцчшщъьюя";
    let mut chars = s.chars();
    let (Some(first), None) = (chars.next(), chars.next()) else {
        return None;
    };
    ALPHABET
        .chars()
        .position(|c| c == first)
        .map(|p| p as u32 + 1)
}

/// Whether token `i` is the punctuation `c`, with white space before it allowed or not.
pub fn is_punct(t: &mut Tokens, i: usize, c: char, spaced_ok: bool) -> bool {
    t.get(i).is_some_and(|tok| {
        matches!(tok.kind, Kind::Punct(p) if p == c) && (spaced_ok || !tok.spaced)
    })
}

/// The ids strictly between two labels of the same form, or `None` when they cannot make
/// a range (different forms, wrong order, too long).
pub fn between(from: &Label, to: &Label) -> Option<Vec<String>> {
    let (low, high, form) = match (from.form, to.form) {
        (
            Form::Number {
                value: a,
                suffixed: false,
            },
            Form::Number {
                value: b,
                suffixed: false,
            },
        ) => (a, b, from.form),
        _ if is_roman_range(from, to) => (
            labels::roman_value(&from.id)?,
            labels::roman_value(&to.id)?,
            Form::Roman,
        ),
        (Form::Letter, Form::Letter) => {
            (letter_value(&from.id)?, letter_value(&to.id)?, Form::Letter)
        }
        (Form::UpperRoman, Form::UpperRoman) => (
            upper_value(&from.id)?,
            upper_value(&to.id)?,
            Form::UpperRoman,
        ),
        _ => return None,
    };
    if low >= high || (high - low) as usize > MAX_RANGE_UNITS {
        return None;
    }
    let render = |n: u32| match form {
        Form::Number { .. } => n.to_string(),
        Form::Letter => labels::latin_letters(n),
        Form::Roman => labels::roman(n),
        Form::UpperRoman => labels::roman(n).to_ascii_uppercase(),
    };
    Some((low + 1..high).map(render).collect())
}

/// `(i) to (iv)` and `(i) to (v)` count in roman numerals; `(a) to (i)` in letters.
fn is_roman_range(from: &Label, to: &Label) -> bool {
    let lowercase = |l: &Label| matches!(l.form, Form::Letter | Form::Roman);
    let both_roman = labels::is_roman(&from.id) && labels::is_roman(&to.id);
    let numeral_letters = |l: &Label| l.id.len() > 1 || matches!(l.id.as_str(), "i" | "v" | "x");
    lowercase(from) && lowercase(to) && both_roman && numeral_letters(from) && numeral_letters(to)
}

fn letter_value(id: &str) -> Option<u32> {
    (1..=MAX_RANGE_UNITS as u32 * 2).find(|&n| labels::latin_letters(n) == id)
}

fn upper_value(id: &str) -> Option<u32> {
    labels::roman_value(&id.to_ascii_lowercase())
}
