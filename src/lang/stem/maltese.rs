//! Light stemmer for Maltese.
//!
//! No published stemmer for Maltese is in common use, so this is a conservative light stemmer
//! built the way Savoy's light stemmers for other languages are (J. Savoy, "Light stemming
//! approaches for the French, Portuguese, German and Hungarian languages", *ACM SAC* 2006):
//! remove only the most frequent inflectional suffixes, and only when a stem of reasonable
//! length remains. It covers the sound (suffixed) plurals and the gender endings described in
//! A. Borg and M. Azzopardi-Alexander, *Maltese* (Routledge, 1997); broken (internal) plurals
//! and verb inflection are out of reach of suffix stripping and left alone.
//!
//! Exactly one suffix is removed, the longest of the list that leaves at least four letters
//! with a vowel among them:
//!
//! * plurals `-ijiet`, `-ajiet` (of nouns in `-à`: `awtoritajiet`), `-jiet`, `-iet`, `-ien`;
//! * `-ija`, `-iji`, `-iju` (nouns and adjectives in `-ija`: `kategorija`, `kategoriji`);
//! * `-in`, the plural of passive participles, only after a consonant that follows `u` or `e`
//!   (`maħturin`, `miżmumin`, `meħtieġin`), never in loans such as `ċittadin`;
//! * the final vowels `-i` (plural), `-a` (feminine), `-u` (masculine), `-à`.
//!
//! Then a final `ċ` left by the plural of Italian adjectives and nouns in `-ku`/`-ka` becomes `k`
//! (`speċifiċi` → `speċifik`, like `speċifiku`). Short words are kept whole (`data`, `dati`,
//! `liġi`), and the definite article is not handled here: the tokenizer splits it off at its
//! hyphen (`il-`, `l-`, `id-`, `tad-`...).

/// Suffixes, longest first; the first that may be removed is.
const SUFFIXES: [&str; 13] = [
    "ijiet", "ajiet", "jiet", "iet", "ien", "ija", "iji", "iju", "in", "i", "a", "u", "à",
];

/// Letters a stem must keep.
const MIN_STEM_LETTERS: usize = 4;

/// The stem of one lowercased Maltese word.
///
/// Never panics; words too short to lose a suffix (`data`, `dati`, `liġi`) or without one
/// (numbers, `dritt`, `regolament`) are returned as they are.
#[must_use]
pub fn stem(word: &str) -> String {
    let stem = remove_suffix(word);
    match stem.strip_suffix('ċ') {
        Some(head) if stem.len() < word.len() => {
            let mut out = String::with_capacity(head.len() + 1);
            out.push_str(head);
            out.push('k');
            out
        }
        _ => String::from(stem),
    }
}

/// `word` without its longest removable suffix.
fn remove_suffix(word: &str) -> &str {
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix)
            && suffix_fits(stem, suffix)
            && is_long_enough(stem)
        {
            return stem;
        }
    }
    word
}

/// Whether `suffix` may be removed from what precedes it, `stem`.
fn suffix_fits(stem: &str, suffix: &str) -> bool {
    if suffix != "in" {
        return true;
    }
    // Passive participles: maħtur-in, miżmum-in, meħtieġ-in.
    let mut tail = stem.chars().rev();
    match (tail.next(), tail.next()) {
        (Some(consonant), Some(vowel)) => !is_vowel(consonant) && matches!(vowel, 'u' | 'e'),
        _ => false,
    }
}

/// Whether `stem` keeps enough letters, one of them a vowel.
fn is_long_enough(stem: &str) -> bool {
    stem.chars().count() >= MIN_STEM_LETTERS && stem.chars().any(is_vowel)
}

/// Whether `c` is a Maltese vowel letter.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'à' | 'è' | 'ì' | 'ò' | 'ù')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that every form in `forms` stems to `expected`.
    fn assert_group(expected: &str, forms: &[&str]) {
        for form in forms {
            assert_eq!(stem(form), expected, "stem({form})");
        }
    }

    #[test]
    fn regulation_conflates() {
        // regolament (regulation).
        assert_group("regolament", &["regolament", "regolamenti"]);
    }

    #[test]
    fn person_conflates() {
        // persuna (person), personali (personal).
        assert_group("persun", &["persuna", "persuni"]);
        assert_group("personal", &["personali"]);
    }

    #[test]
    fn right_conflates() {
        // dritt (right), with the plural drittijiet.
        assert_group("dritt", &["dritt", "drittijiet"]);
    }

    #[test]
    fn information_is_stable() {
        // informazzjoni (information) and its plural; restrizzjoni, deċiżjoni likewise.
        assert_group("informazzjon", &["informazzjoni", "informazzjonijiet"]);
        assert_group("restrizzjon", &["restrizzjoni", "restrizzjonijiet"]);
        assert_group("deċiżjon", &["deċiżjoni", "deċiżjonijiet"]);
        assert_eq!(stem(&stem("informazzjoni")), stem("informazzjoni"));
    }

    #[test]
    fn controller_and_processor_conflate() {
        // kontrollur (controller), proċessur (processor).
        assert_group("kontrollur", &["kontrollur", "kontrolluri"]);
        assert_group("proċessur", &["proċessur", "proċessuri"]);
    }

    #[test]
    fn authority_conflates() {
        // awtorità (authority), with or without the accent; superviżorju (supervisory).
        assert_group("awtorit", &["awtorità", "awtorita", "awtoritajiet"]);
        assert_group(
            "superviżorj",
            &["superviżorja", "superviżorji", "superviżorju"],
        );
    }

    #[test]
    fn article_and_principle_conflate() {
        // artikolu (article), prinċipju (principle), obbligu (obligation).
        assert_group("artikol", &["artikolu", "artikoli"]);
        assert_group("prinċipj", &["prinċipju", "prinċipji"]);
        assert_group("obblig", &["obbligu", "obbligi"]);
    }

    #[test]
    fn category_and_law_conflate() {
        // kategorija (category), liġi (law: too short to lose -i, plural liġijiet).
        assert_group("kategor", &["kategorija", "kategoriji"]);
        assert_group("liġi", &["liġi", "liġijiet"]);
    }

    #[test]
    fn plurals_in_iet_and_in_conflate() {
        // taqsima (section), ħajja (life), maħtur (appointed), mitlub (requested).
        assert_group("taqsim", &["taqsima", "taqsimiet"]);
        assert_group("ħajj", &["ħajja", "ħajjiet"]);
        assert_group("maħtur", &["maħtur", "maħtura", "maħturin"]);
        assert_group("mitlub", &["mitlub", "mitluba", "mitlubin"]);
    }

    #[test]
    fn italian_adjectives_in_ku_conflate() {
        // speċifiku (specific), pubbliku (public).
        assert_group("speċifik", &["speċifiku", "speċifika", "speċifiċi"]);
        assert_group("pubblik", &["pubbliku", "pubblika", "pubbliċi"]);
    }

    #[test]
    fn provider_and_state_conflate() {
        // fornitur (provider), Stat Membru (Member State).
        assert_group("fornitur", &["fornitur", "fornituri"]);
        assert_group("stat", &["stat", "stati"]);
        assert_group("membr", &["membru", "membri"]);
    }

    #[test]
    fn short_and_foreign_words_are_not_overstemmed() {
        assert_eq!(stem("data"), "data");
        assert_eq!(stem("dati"), "dati");
        assert_eq!(stem("ċittadin"), "ċittadin");
        assert_eq!(stem("żmien"), "żmien");
        assert_eq!(stem("paċi"), "paċi");
    }

    #[test]
    fn distinct_words_stay_apart() {
        let pairs = [
            ("data", "dati"),              // data / dates
            ("proċess", "proċessur"),      // process / processor
            ("kunsens", "kunsill"),        // consent / council
            ("kontroll", "kontrollur"),    // control / controller
            ("organizzazzjoni", "organu"), // organisation / body
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn stemming_is_idempotent() {
        for word in [
            "informazzjoni",
            "drittijiet",
            "liġijiet",
            "awtoritajiet",
            "kategoriji",
            "speċifiċi",
            "maħturin",
            "persuni",
            "kodiċijiet",
        ] {
            let once = stem(word);
            assert_eq!(stem(&once), once, "{word}");
        }
    }

    #[test]
    fn short_words_are_unchanged() {
        for word in ["", "a", "u", "ta", "li", "fil", "minn"] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn robust_on_odd_input() {
        assert_eq!(stem("2016"), "2016");
        assert_eq!(stem("12345i"), "12345i");
        assert_eq!(stem("ċ"), "ċ");
        let _ = stem("ħħħċi");
        let long = "persuna".repeat(1_429);
        assert_eq!(stem(&long).chars().count(), 7 * 1_429 - 1);
        let _ = stem(&"għ".repeat(5_000));
    }
}
