//! Accent and case folding: the one definition of "the same letters" for every field.
//!
//! `données`, `DONNEES` and `donnees` fold to the same string; so do Greek words with and
//! without tonos. Letters that are not a base letter plus an accent (ß, æ, ø, ł, đ, ħ) are
//! spelled out the way a user without the key would type them.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercases `word` and strips its accents.
pub fn fold(word: &str) -> Cow<'_, str> {
    if is_folded_ascii(word) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    Cow::Owned(out)
}

/// Appends `word`, lowercased and without accents, to `out` (as [`fold`] gives it).
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    for c in word.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            push_folded(lower, out);
        }
    }
}

fn is_folded_ascii(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Lowercases `word` without touching its accents.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| !c.is_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

fn push_folded(c: char, out: &mut String) {
    match c {
        'ß' => out.push_str("ss"),
        'æ' => out.push_str("ae"),
        'œ' => out.push_str("oe"),
        'ø' => out.push('o'),
        'ł' => out.push('l'),
        'đ' => out.push('d'),
        'ħ' => out.push('h'),
        'ı' => out.push('i'),
        'þ' => out.push_str("th"),
        'ð' => out.push('d'),
        'ς' => out.push('σ'),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Données"), "donnees");
        assert_eq!(fold("RECHTMÄßIGKEIT"), "rechtmassigkeit");
        assert_eq!(fold("Νομιμότητα"), "νομιμοτητα");
        assert_eq!(fold("przetwarzanie"), "przetwarzanie");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("ħajja"), "hajja");
        assert_eq!(fold("článek"), "clanek");
    }

    #[test]
    fn folding_into_a_buffer_appends_the_folded_word() {
        let mut out = String::from("x:");
        fold_into("GDPR", &mut out);
        fold_into("-Données", &mut out);
        assert_eq!(out, "x:gdpr-donnees");
        assert_eq!(fold("Article"), "article");
    }

    #[test]
    fn final_sigma_matches_medial_sigma() {
        assert_eq!(fold("ΠΡΟΣΤΑΣΙΑΣ"), fold("προστασιας"));
    }

    #[test]
    fn lowercase_keeps_accents() {
        assert_eq!(lowercase("Données"), "données");
        assert!(matches!(lowercase("abc"), Cow::Borrowed(_)));
    }
}
