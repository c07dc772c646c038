//! Light stemmer for Latvian.
//!
//! Follows the light version of K. Kreslins' algorithm (*A stemming algorithm for Latvian*,
//! PhD thesis, Loughborough University, 1996) that Lucene's `LatvianStemmer` implements:
//!
//! * only noun and adjective inflection is removed: case and number, and for adjectives gender
//!   and definiteness (`-ajiem`, `-ajai`, `-iem`, `-ais`, `-ām`, `-as`, `-us`, `-u`, `-a`, `-s`...);
//! * exactly one ending is removed, the first of a fixed list (longer endings first) that ends
//!   the word, leaves at least three letters, and leaves the word with more vowels than the
//!   ending demands (one to three, so that short stems are never cut further);
//! * when the ending removed is one that palatalises the stem consonant (declensions II, V
//!   and VI: `-a`, `-u`, `-i`, `-us`, `-os`, `-iem`), the consonant change is undone:
//!   `ļ` → `l`, `ņ` → `n`, `č` → `c`, `šļ` → `sl`, `žņ` → `zn`, `ļņ` → `ln`, labial + `j` → labial,
//!   and before `-u` also `kš` → `kst` and `ņņ` → `nn` (`pārziņa` → `pārzin`, like `pārzinis`).

/// One inflectional ending of the list.
struct Ending {
    /// The ending itself.
    suffix: &'static str,
    /// The word must have more vowels than this for the ending to be removed.
    min_vowels: usize,
    /// Whether removing the ending calls for undoing palatalisation of the stem.
    palatalises: bool,
}

/// Shorthand constructor for the table below.
const fn ending(suffix: &'static str, min_vowels: usize, palatalises: bool) -> Ending {
    Ending {
        suffix,
        min_vowels,
        palatalises,
    }
}

/// The endings, tried in this order; the first that applies is removed.
const ENDINGS: [Ending; 38] = [
    ending("ajiem", 3, false),
    ending("ajai", 3, false),
    ending("ajam", 2, false),
    ending("ajām", 2, false),
    ending("ajos", 2, false),
    ending("ajās", 2, false),
    ending("iem", 2, true),
    ending("ajā", 2, false),
    ending("ais", 2, false),
    ending("ai", 2, false),
    ending("ei", 2, false),
    ending("ām", 1, false),
    ending("am", 1, false),
    ending("ēm", 1, false),
    ending("īm", 1, false),
    ending("im", 1, false),
    ending("um", 1, false),
    ending("us", 1, true),
    ending("as", 1, false),
    ending("ās", 1, false),
    ending("es", 1, false),
    ending("os", 1, true),
    ending("ij", 1, false),
    ending("īs", 1, false),
    ending("ēs", 1, false),
    ending("is", 1, false),
    ending("ie", 1, false),
    ending("u", 1, true),
    ending("a", 1, true),
    ending("i", 1, true),
    ending("e", 1, false),
    ending("ā", 1, false),
    ending("ē", 1, false),
    ending("ī", 1, false),
    ending("ū", 1, false),
    ending("o", 1, false),
    ending("s", 0, false),
    ending("š", 0, false),
];

/// Letters a stem must keep beyond the ending.
const MIN_STEM_LETTERS: usize = 3;

/// Two-letter stem endings rewritten after a palatalising ending, in order of precedence.
const PALATAL_PAIRS: [(&str, &str); 6] = [
    ("šņ", "sn"),
    ("žņ", "zn"),
    ("šļ", "sl"),
    ("žļ", "zl"),
    ("ļņ", "ln"),
    ("ļļ", "ll"),
];

/// The stem of one lowercased Latvian word.
///
/// Never panics; words without a Latvian ending (numbers, `pret`) or too short to lose one
/// (`un`, `ir`, `par`) are returned as they are.
#[must_use]
pub fn stem(word: &str) -> String {
    let vowels = vowel_count(word);
    for ending in &ENDINGS {
        if vowels <= ending.min_vowels {
            continue;
        }
        let Some(stem) = word.strip_suffix(ending.suffix) else {
            continue;
        };
        if !long_enough(stem, word) {
            continue;
        }
        return if ending.palatalises {
            unpalatalise(stem, ending.suffix)
        } else {
            String::from(stem)
        };
    }
    String::from(word)
}

/// Words whose short stem would meet another word's: `arī` (also) is not `ar` (with).
const KEPT_WHOLE: &[&str] = &["arī"];

/// Whether `stem`, what an ending leaves of `word`, may stand: [`MIN_STEM_LETTERS`], or two
/// letters, a vowel then a consonant, for the short nouns (`ezis`, `eža`, `ežu` → `ez`,
/// `ež`; `acs` → `ac`), unless `word` is in [`KEPT_WHOLE`].
fn long_enough(stem: &str, word: &str) -> bool {
    if stem.chars().count() >= MIN_STEM_LETTERS {
        return true;
    }
    let mut letters = stem.chars();
    match (letters.next(), letters.next(), letters.next()) {
        (Some(first), Some(second), None) => {
            is_vowel(first)
                && second.is_alphabetic()
                && !is_vowel(second)
                && !KEPT_WHOLE.contains(&word)
        }
        _ => false,
    }
}

/// Undoes the consonant change that the palatalising ending `removed` caused at the end of `stem`.
fn unpalatalise(stem: &str, removed: &str) -> String {
    // Only the genitive plural in -u shows kš (for kst) and ņņ (for nn).
    if removed.starts_with('u') {
        if let Some(rest) = stem.strip_suffix("kš") {
            return concat(rest, "kst");
        }
        if let Some(rest) = stem.strip_suffix("ņņ") {
            return concat(rest, "nn");
        }
    }
    // A labial consonant takes an epenthetic j: zeme, zemju.
    if let Some(rest) = stem.strip_suffix('j')
        && rest.ends_with(['p', 'b', 'm', 'v'])
    {
        return String::from(rest);
    }
    for (palatal, plain) in PALATAL_PAIRS {
        if let Some(rest) = stem.strip_suffix(palatal) {
            return concat(rest, plain);
        }
    }
    for (palatal, plain) in [('č', "c"), ('ļ', "l"), ('ņ', "n")] {
        if let Some(rest) = stem.strip_suffix(palatal) {
            return concat(rest, plain);
        }
    }
    String::from(stem)
}

/// `head` followed by `tail`, in one allocation.
fn concat(head: &str, tail: &str) -> String {
    let mut joined = String::with_capacity(head.len() + tail.len());
    joined.push_str(head);
    joined.push_str(tail);
    joined
}

/// Number of Latvian vowels (short and long) in `word`.
fn vowel_count(word: &str) -> usize {
    word.chars().filter(|c| is_vowel(*c)).count()
}

/// A Latvian vowel, short or long.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ā' | 'ē' | 'ī' | 'ū')
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
    fn data_conflates() {
        // dati (data): plural nouns of the first declension.
        assert_group("dat", &["dati", "datu", "datiem", "datus", "datos"]);
    }

    #[test]
    fn personal_conflates() {
        // persona (person), as in "personas dati".
        assert_group(
            "person",
            &[
                "persona",
                "personas",
                "personai",
                "personu",
                "personām",
                "personā",
            ],
        );
    }

    #[test]
    fn processing_conflates() {
        // apstrāde (processing).
        assert_group(
            "apstrād",
            &[
                "apstrāde",
                "apstrādes",
                "apstrādei",
                "apstrādi",
                "apstrādē",
                "apstrādēm",
            ],
        );
    }

    #[test]
    fn regulation_conflates() {
        // regula (regulation).
        assert_group(
            "regul",
            &[
                "regula", "regulas", "regulai", "regulu", "regulā", "regulām",
            ],
        );
    }

    #[test]
    fn article_conflates() {
        // pants (article).
        assert_group(
            "pant",
            &[
                "pants", "panta", "pantam", "pantu", "pantā", "panti", "pantiem",
            ],
        );
    }

    #[test]
    fn consent_conflates() {
        // piekrišana (consent).
        assert_group(
            "piekrišan",
            &[
                "piekrišana",
                "piekrišanas",
                "piekrišanai",
                "piekrišanu",
                "piekrišanā",
            ],
        );
    }

    #[test]
    fn child_conflates() {
        // bērns (child).
        assert_group(
            "bērn",
            &[
                "bērns", "bērna", "bērnam", "bērnu", "bērni", "bērniem", "bērnus",
            ],
        );
    }

    #[test]
    fn controller_conflates_through_palatalisation() {
        // pārzinis (controller): ņ in the oblique cases.
        assert_group(
            "pārzin",
            &[
                "pārzinis",
                "pārziņa",
                "pārzinim",
                "pārzini",
                "pārziņi",
                "pārziņu",
                "pārziņiem",
            ],
        );
        // līdzeklis (remedy, means): ļ in the oblique cases.
        assert_group(
            "līdzekl",
            &[
                "līdzeklis",
                "līdzekļa",
                "līdzekļi",
                "līdzekļu",
                "līdzekļiem",
            ],
        );
    }

    #[test]
    fn provider_and_authority_conflate() {
        // sniedzējs (provider), iestāde (authority), tiesības (rights).
        assert_group(
            "sniedzēj",
            &[
                "sniedzējs",
                "sniedzēja",
                "sniedzējam",
                "sniedzēji",
                "sniedzēju",
            ],
        );
        assert_group(
            "iestād",
            &["iestāde", "iestādes", "iestādei", "iestādi", "iestādē"],
        );
        assert_group("tiesīb", &["tiesības", "tiesību", "tiesībām", "tiesībās"]);
    }

    #[test]
    fn adjectives_conflate() {
        // vispārīgs (general), definite and indefinite forms.
        assert_group(
            "vispārīg",
            &[
                "vispārīgs",
                "vispārīgi",
                "vispārīgie",
                "vispārīgais",
                "vispārīgajiem",
                "vispārīgā",
            ],
        );
    }

    #[test]
    fn palatalisation_rules() {
        assert_eq!(stem("kšu"), "kšu"); // too short to lose its ending
        assert_eq!(stem("zirņu"), "zirn"); // ņ → n
        assert_eq!(stem("brāļa"), "brāl"); // ļ → l
        assert_eq!(stem("lāča"), "lāc"); // č → c
        assert_eq!(stem("zemju"), "zem"); // labial + j
        assert_eq!(stem("asmeņu"), "asmen"); // ņ → n after -u
    }

    #[test]
    fn distinct_words_stay_apart() {
        let pairs = [
            ("tiesa", "tiesības"),     // court / rights
            ("dati", "dators"),        // data / computer
            ("pants", "punkts"),       // article / point
            ("iestāde", "iestāšanās"), // authority / accession
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_nouns_conflate() {
        // ezis (hedgehog): a stem of two letters, palatalised in some forms (`ž`).
        assert_group("ez", &["ezis", "ezim", "ezī", "ezi"]);
        assert_group("ež", &["eža", "ežu", "eži", "ežus", "ežiem", "ežos"]);
    }

    #[test]
    fn short_words_are_unchanged() {
        for word in ["", "a", "un", "uz", "par", "ar", "arī"] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn robust_on_odd_input() {
        assert_eq!(stem("2016"), "2016");
        assert_eq!(stem("679s"), "679s");
        assert_eq!(stem("ā"), "ā");
        assert_eq!(stem("ņņu"), "ņņu");
        let _ = stem("€ņņu");
        let long = "apstrāde".repeat(1_250);
        assert_eq!(stem(&long).chars().count(), 9_999);
        let _ = stem(&"ļš".repeat(5_000));
    }
}
