//! The letters Irish prefixes to a word starting with a vowel, removed before stemming.
//!
//! Snowball Irish undoes eclipsis (`ngairdíní` → `gairdíní`) and hyphenated prefixes
//! (`t-údarás`), but not the `h` prefixed after `le`, `na`, `a` (hers): `hoibleagáidí`,
//! `le hAirteagal`, nor the `t` and `n` written against a capital: `an tAire`, `na nAontas`.
//! No native Irish word starts with `h` but by this mutation, so `h` before a vowel is
//! always dropped; `t` and `n` only before a capital vowel, as they start many words.

/// `word` without a prefixed `h` before a vowel (`hoibleagáidí`, `hAirteagal`,
/// `HAIRTEAGAL`) or a `t` or `n` before a capital vowel (`tAire`, `nAontas`).
pub fn without_prefixed_letter(word: &str) -> &str {
    let mut chars = word.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return word;
    };
    let prefixed =
        matches!(first, 'h' | 'H') && is_vowel(second) || is_prefix_before_capital(first, second);
    match word.get(first.len_utf8()..) {
        Some(rest) if prefixed => rest,
        _ => word,
    }
}

/// Whether `first` and `second`, a word's first two letters, are a prefixed `t`, `n` or `h`
/// written against a capital vowel: `tAire`, `nAontas`, `hÉireann`.
pub fn is_prefix_before_capital(first: char, second: char) -> bool {
    matches!(first, 't' | 'n' | 'h') && second.is_uppercase() && is_vowel(second)
}

/// The Irish vowels, with or without a fada, in either case.
pub fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'A'
            | 'E'
            | 'I'
            | 'O'
            | 'U'
            | 'Á'
            | 'É'
            | 'Í'
            | 'Ó'
            | 'Ú'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixed_letters_are_dropped() {
        assert_eq!(without_prefixed_letter("hAirteagal"), "Airteagal");
        assert_eq!(without_prefixed_letter("hoibleagáidí"), "oibleagáidí");
        assert_eq!(without_prefixed_letter("HAIRTEAGAL"), "AIRTEAGAL");
        assert_eq!(without_prefixed_letter("tAire"), "Aire");
        assert_eq!(without_prefixed_letter("nÚdarás"), "Údarás");
    }

    #[test]
    fn words_starting_with_t_or_n_are_kept() {
        for word in [
            "tuairisc",
            "nua",
            "nó",
            "Tuairisc",
            "TAIRE",
            "h",
            "",
            "rialachán",
        ] {
            assert_eq!(without_prefixed_letter(word), word);
        }
    }
}
