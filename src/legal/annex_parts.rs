//! Headings of the parts of an annex in the 24 languages: `PART A`, `ΜΕΡΟΣ Β`, `ЧАСТ А`,
//! `A. RÉSZ`, `B DALIS`, `PARTEA A II-A`.
//!
//! The segmenter (`units.rs`) and the reader of flattened acts (`flat.rs`) ask [`part_heading`]
//! of the blocks of an annex: the points after a part heading restart their numbering, so the
//! part is a step of their ids (`anx_I.prt_A.pnt_1`). A part is numbered with a roman
//! numeral, a number or a capital letter of any script; its id is the numeral, the number, or
//! the Latin capital of the letter's position (`Β` → `B`, `ΣΤ` → `F`, `Б` → `B`, `В` → `C`),
//! as point labels are (see `labels.rs`).

use std::sync::LazyLock;

use regex::Regex;

use super::labels;
use super::vocab::alternation;

/// Words written before a part's number: `PART A`, `TEIL B`, `ΜΕΡΟΣ Α`, `ЧАСТ Б`. Greek
/// capitals drop the accent, so both spellings are listed.
// Laid out by hand, a language or two together: rustfmt would give each word a line.
#[rustfmt::skip]
const PART_WORDS: &[&str] = &[
    "Part",                 // en
    "Partie",               // fr
    "Teil",                 // de
    "Deel",                 // nl
    "Parte",                // es, it, pt
    "Partea",               // ro
    "Część",                // pl
    "Část", "Časť",         // cs, sk
    "Del",                  // da, sv, sl
    "Dio",                  // hr
    "Μέρος", "Μερος",       // el
    "Част",                 // bg
    "Parti",                // mt
    "Cuid",                 // ga
];

/// Words written after a part's number: `A. RÉSZ`, `A OSA`, `A DAĻA`, `A DALIS`. These
/// languages are also found with the word first (`OSA A`), which is accepted too.
#[rustfmt::skip]
const PART_WORDS_AFTER: &[&str] = &[
    "Rész",                 // hu
    "Osa",                  // fi, et
    "Daļa",                 // lv
    "Dalis",                // lt
];

/// A part's number as written: a number, or a run of capitals (a roman numeral, a letter of
/// any script, the Greek `ΣΤ`), checked by [`part_id`].
const NUMBER: &str = r"\d{1,2}|\p{Lu}{1,7}";

/// `PART A`, `ΜΕΡΟΣ ΣΤ`, `OSA B`, and the Romanian ordinal `PARTEA A II-A` (the second part,
/// group `ord`).
static WORD_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(&[PART_WORDS, PART_WORDS_AFTER].concat());
    Regex::new(&format!(
        r"^(?i:{words})[\s\u{{a0}}]+(?:(?i:a)\s+(?P<ord>[IVXLC]{{1,7}})-(?i:a)|(?P<n>{NUMBER}))"
    ))
    .expect("regex built from the constant tables")
});

/// `A. RÉSZ`, `II OSA`, `B DAĻA`.
static NUMBER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(PART_WORDS_AFTER);
    Regex::new(&format!(r"^(?P<n>{NUMBER})\.?[\s\u{{a0}}]+(?i:{words})"))
        .expect("regex built from the constant tables")
});

/// A part heading found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartHeading<'a> {
    /// The part's id: `A`, `F`, `II`, `3`.
    pub id: String,
    /// The title after the heading on the same line, without separators; may be empty. A
    /// suffix of the text.
    pub title: &'a str,
}

/// The part heading that starts `text`, if it is one: the heading alone, or followed by a
/// separator (`.`, `:`, a dash) or a capitalised title. `Part A of Annex I` and `A RÉSZEK`
/// are not headings.
pub fn part_heading(text: &str) -> Option<PartHeading<'_>> {
    // Cheap checks first: flat.rs asks this at every word of a flattened annex.
    let first = text.chars().next()?;
    if text.len() > 600 || !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    let caps = WORD_FIRST
        .captures(text)
        .or_else(|| NUMBER_FIRST.captures(text))?;
    let end = caps.get(0)?.end();
    let id = match caps.name("ord") {
        Some(ordinal) => roman_id(ordinal.as_str())?,
        None => part_id(caps.name("n")?.as_str())?,
    };
    let title = title_after(text.get(end..)?)?;
    Some(PartHeading { id, title })
}

/// The id of a part's number: a roman numeral or a number as written, a letter as the Latin
/// capital of its position in its alphabet.
fn part_id(number: &str) -> Option<String> {
    if number.bytes().all(|b| b.is_ascii_digit()) {
        return Some(number.to_string());
    }
    if let Some(roman) = roman_id(number) {
        return Some(roman);
    }
    let mut chars = number.chars();
    if let (Some(letter), None) = (chars.next(), chars.next()) {
        return letter_id(letter).map(String::from);
    }
    let lower = number.to_lowercase();
    let position = labels::greek_numeral(&lower).or_else(|| labels::cyrillic_position(&lower))?;
    Some(labels::latin_letters(position).to_uppercase())
}

/// The Latin capital of a part letter of any script: `B` for `B`, `Β` (Greek) and `Б`
/// (Cyrillic), `C` for `Γ` and `В`.
pub fn letter_id(letter: char) -> Option<char> {
    if letter.is_ascii_uppercase() {
        return Some(letter);
    }
    if !letter.is_uppercase() {
        return None;
    }
    let lower = letter.to_lowercase().to_string();
    let position = labels::greek_numeral(&lower).or_else(|| labels::cyrillic_position(&lower))?;
    let offset = u8::try_from(position.checked_sub(1)?)
        .ok()
        .filter(|offset| *offset < 26)?;
    Some(char::from(b'A' + offset))
}

/// A roman numeral in capitals of more than one letter (`II`, `IV`), or `I`: a single `V`,
/// `X`, `L` or `C` is read as a letter, as parts lettered `A` to `Z` reach them first.
fn roman_id(number: &str) -> Option<String> {
    let is_numeral = labels::is_roman(&number.to_lowercase());
    let is_letter = matches!(number, "V" | "X" | "L" | "C");
    (is_numeral && !is_letter).then(|| number.to_string())
}

/// The title after a part's number: nothing, or a capitalised title after white space or a
/// separator. `None` when the heading is not one (`Part A of`, `RÉSZEK`).
fn title_after(after: &str) -> Option<&str> {
    // The Greek numeral sign (`Α΄`) and a full stop close the number.
    let after = after.trim_start_matches(['.', '\u{374}', '\u{384}', '\u{2b9}', '\'']);
    let trimmed = after.trim_start();
    let title = trimmed
        .trim_start_matches(['-', '–', '—', ':', '.'])
        .trim_start();
    match trimmed.chars().next() {
        None => Some(""),
        Some('-' | '–' | '—' | ':' | '.') => Some(title),
        Some(c) if c.is_uppercase() && trimmed.len() < after.len() => Some(title),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str) -> Option<(String, &str)> {
        part_heading(text).map(|h| (h.id, h.title))
    }

    #[test]
    fn parts_in_every_language() {
        let cases = [
            ("PART A", "A"),
            ("Part B", "B"),
            ("PARTIE A", "A"),
            ("TEIL B", "B"),
            ("DEEL A", "A"),
            ("PARTE B", "B"),
            ("PARTEA A", "A"),
            ("CZĘŚĆ B", "B"),
            ("ČÁST A", "A"),
            ("ČASŤ B", "B"),
            ("DEL A", "A"),
            ("DIO B", "B"),
            ("ΜΕΡΟΣ Α", "A"),
            ("ΜΕΡΟΣ Β", "B"),
            ("Μέρος Γ", "C"),
            ("ΜΕΡΟΣ ΣΤ", "F"),
            ("ΜΕΡΟΣ Α΄", "A"),
            ("ЧАСТ А", "A"),
            ("ЧАСТ Б", "B"),
            ("Част В", "C"),
            ("PARTI A", "A"),
            ("CUID B", "B"),
            ("A. RÉSZ", "A"),
            ("B. rész", "B"),
            ("A OSA", "A"),
            ("OSA B", "B"),
            ("A DAĻA", "A"),
            ("B DALIS", "B"),
        ];
        for (text, id) in cases {
            assert_eq!(part(text), Some((id.to_string(), "")), "{text}");
        }
    }

    #[test]
    fn roman_and_numbered_parts() {
        let cases = [
            ("PART I", "I"),
            ("PART II", "II"),
            ("ΜΕΡΟΣ I", "I"),
            ("ΜΕΡΟΣ IV", "IV"),
            ("ЧАСТ II", "II"),
            ("II. RÉSZ", "II"),
            ("III DAĻA", "III"),
            ("PARTEA I", "I"),
            ("PARTEA A II-A", "II"),
            ("Partea a III-a", "III"),
            ("TEIL 2", "2"),
            ("PART V", "V"),
        ];
        for (text, id) in cases {
            assert_eq!(part(text), Some((id.to_string(), "")), "{text}");
        }
    }

    #[test]
    fn titles_on_the_heading_line() {
        assert_eq!(
            part("PART A - General conditions"),
            Some(("A".into(), "General conditions"))
        );
        assert_eq!(
            part("ΜΕΡΟΣ Β: Ειδικοί όροι"),
            Some(("B".into(), "Ειδικοί όροι"))
        );
        assert_eq!(
            part("A. RÉSZ Általános feltételek"),
            Some(("A".into(), "Általános feltételek"))
        );
    }

    #[test]
    fn letters_of_every_script_map_to_latin_capitals() {
        let cases = [
            ('A', 'A'),
            ('Β', 'B'),
            ('Γ', 'C'),
            ('Ζ', 'G'),
            ('Б', 'B'),
            ('В', 'C'),
        ];
        for (letter, id) in cases {
            assert_eq!(letter_id(letter), Some(id), "{letter}");
        }
        assert_eq!(letter_id('b'), None);
        assert_eq!(letter_id('Ω'), None);
    }

    #[test]
    fn references_and_other_words_are_no_parts() {
        for text in [
            "Part A of Annex I shall apply",
            "ΜΕΡΟΣ Α του παραρτήματος",
            "Del 1 de enero",
            "A részletes szabályok",
            "A RÉSZEK",
            "Partial results",
            "Particular B",
            "PART",
            "PART AB",
            "",
        ] {
            assert_eq!(part(text), None, "{text}");
        }
    }
}
