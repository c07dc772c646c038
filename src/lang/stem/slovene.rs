//! Light stemmer for Slovene.
//!
//! A light inflectional suffix stripper in the spirit of the Slovene stemmer of J. Popovič and
//! P. Willett, "The effectiveness of stemming for natural-language access to Slovene textual
//! data", *Journal of the American Society for Information Science* 43(5), 1992, reduced (as
//! light stemmers used in IR evaluations are) to inflection only:
//!
//! 1. the longest ending of a list of noun, adjective and verb inflections is removed
//!    (`-ega`, `-emu`, `-ami`, `-imi`, `-ih`, `-om`, `-em`, `-ov`, `-a`, `-e`, `-i`, `-o`, `-u`...)
//!    provided at least three letters, one of them a vowel (or syllabic `r`), stay;
//! 2. four endings are taken only where they really are endings: `-ev` (genitive plural) after
//!    a soft consonant (`upravljavcev`); `-jo` and `-mi` (instrumental of the i-declension) after
//!    `t`, `č`, `s`, `š`, `ž` (`odgovornostjo`, `odgovornostmi`, `pomočjo`); and `-ijo` after `v`
//!    (`privolitvijo`); so that nouns in `-ija` (`informacijo`), `-ev` (`zahtev`) and `-m`
//!    (`sporazumi`, `normi`) are not cut too short;
//! 3. the fleeting `e` of the last syllable is dropped from stems in `-ec`, `-ek`, `-en` and
//!    `-tev` of five letters or more, so that `podatek` meets `podatki` (`podatk`),
//!    `upravljavec` meets `upravljavca` (`upravljavc`), `oseben` meets `osebni` (`osebn`),
//!    `privolitev` meets `privolitve` (`privolitv`) and `varstev` meets `varstvo` (`varstv`);
//!    nouns in `-izem` (`mehanizem`, `mehanizma`) likewise become `-izm` before step 1.

/// Inflectional endings, longest first; the first one that may be removed is.
const ENDINGS: [&str; 24] = [
    "ega", "emu", "ama", "ami", "ema", "oma", "imi", "ima", "ijo", // three letters
    "ih", "ah", "om", "em", "im", "am", "ov", "ev", "mi", "jo", // two letters
    "a", "e", "i", "o", "u", // one letter
];

/// Letters a stem must keep.
const MIN_STEM_LETTERS: usize = 3;

/// Letters a stem must have for its fleeting `e` to be dropped.
const MIN_FLEETING_LETTERS: usize = 5;

/// Consonants after which the genitive plural is `-ev` rather than `-ov`.
const SOFT_CONSONANTS: &[char] = &['c', 'č', 'j', 'š', 'ž'];

/// Consonants after which `-jo` and `-mi` are endings of the i-declension (`-ost`, `-oč`...).
const I_DECLENSION_CONSONANTS: &[char] = &['t', 'č', 's', 'š', 'ž'];

/// The stem of one lowercased Slovene word.
///
/// Never panics; words too short to lose an ending (`je`, `ki`, `ali`) and words without one
/// (numbers, `člen`, `organ`) are returned as they are.
#[must_use]
pub fn stem(word: &str) -> String {
    if let Some(head) = word.strip_suffix("izem") {
        return concat(head, "izm");
    }
    let stem = remove_ending(word);
    let stem = if stem.len() < word.len() {
        without_plural_infix(stem)
    } else {
        stem
    };
    drop_fleeting_e(stem)
}

/// An inflected stem without the plural infix of short masculine nouns: `-ov-`
/// (`vrtovih` → `vrt`), or `-ev-` after a soft consonant (`ježevi` → `jež`); `zahtev` keeps
/// its `-ev`.
fn without_plural_infix(stem: &str) -> &str {
    for infix in ["ov", "ev"] {
        if let Some(shorter) = stem.strip_suffix(infix)
            && ending_fits(shorter, infix)
            && is_long_enough(shorter)
        {
            return shorter;
        }
    }
    stem
}

/// Step 1 and 2: `word` without its longest removable ending.
fn remove_ending(word: &str) -> &str {
    for ending in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending)
            && ending_fits(stem, ending)
            && is_long_enough(stem)
        {
            return stem;
        }
    }
    word
}

/// Whether `ending` may be removed from what precedes it, `stem` (step 2).
fn ending_fits(stem: &str, ending: &str) -> bool {
    let before = stem.chars().next_back();
    match ending {
        "ev" => before.is_some_and(|c| SOFT_CONSONANTS.contains(&c)),
        "jo" | "mi" => before.is_some_and(|c| I_DECLENSION_CONSONANTS.contains(&c)),
        "ijo" => before == Some('v'),
        _ => true,
    }
}

/// Whether `stem` keeps enough letters, one of them a vowel or a syllabic `r`.
fn is_long_enough(stem: &str) -> bool {
    stem.chars().count() >= MIN_STEM_LETTERS
        && stem
            .chars()
            .any(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'r'))
}

/// Step 3: drops the fleeting `e` of a final `-ec`, `-ek`, `-en` or `-tev`.
fn drop_fleeting_e(stem: &str) -> String {
    if stem.chars().count() >= MIN_FLEETING_LETTERS {
        for (with_e, without_e) in [("ec", "c"), ("ek", "k"), ("en", "n"), ("tev", "tv")] {
            if let Some(head) = stem.strip_suffix(with_e) {
                return concat(head, without_e);
            }
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
    fn short_nouns_lose_their_plural_infix() {
        for form in ["vrt", "vrtovi", "vrtovih", "vrtov", "vrtovom"] {
            assert_eq!(stem(form), "vrt", "{form}");
        }
        for form in ["jež", "ježa", "ježevi", "ježevih"] {
            assert_eq!(stem(form), "jež", "{form}");
        }
        assert_eq!(stem("zahteva"), stem("zahtev"));
    }

    #[test]
    fn processing_conflates() {
        // obdelava (processing): all cases, singular and plural.
        assert_group(
            "obdelav",
            &[
                "obdelava",
                "obdelave",
                "obdelavi",
                "obdelavo",
                "obdelav",
                "obdelavam",
                "obdelavah",
                "obdelavami",
            ],
        );
    }

    #[test]
    fn data_conflates() {
        // podatek (datum): fleeting e in the nominative.
        assert_group(
            "podatk",
            &[
                "podatek",
                "podatka",
                "podatku",
                "podatkom",
                "podatki",
                "podatkov",
                "podatke",
                "podatkih",
                "podatkoma",
            ],
        );
    }

    #[test]
    fn personal_conflates() {
        // oseben / osebni (personal), all genders and cases.
        assert_group(
            "osebn",
            &[
                "oseben", "osebni", "osebnega", "osebnemu", "osebnem", "osebnim", "osebna",
                "osebne", "osebno", "osebnih", "osebnimi",
            ],
        );
        // oseba (person).
        assert_group(
            "oseb",
            &[
                "oseba", "osebe", "osebi", "osebo", "oseb", "osebam", "osebah",
            ],
        );
    }

    #[test]
    fn protection_conflates() {
        // varstvo (protection), with the genitive plural varstev.
        assert_group(
            "varstv",
            &["varstvo", "varstva", "varstvu", "varstvom", "varstev"],
        );
    }

    #[test]
    fn controller_conflates() {
        // upravljavec (controller), obdelovalec (processor): fleeting e, soft -ev, -em.
        assert_group(
            "upravljavc",
            &[
                "upravljavec",
                "upravljavca",
                "upravljavcu",
                "upravljavcem",
                "upravljavci",
                "upravljavcev",
                "upravljavce",
            ],
        );
        assert_group(
            "obdelovalc",
            &["obdelovalec", "obdelovalca", "obdelovalci", "obdelovalcev"],
        );
    }

    #[test]
    fn consent_conflates() {
        // privolitev (consent), omejitev (restriction): fleeting e, instrumental -ijo.
        assert_group(
            "privolitv",
            &[
                "privolitev",
                "privolitve",
                "privolitvi",
                "privolitvijo",
                "privolitvam",
            ],
        );
        assert_group(
            "omejitv",
            &["omejitev", "omejitve", "omejitvi", "omejitvijo"],
        );
    }

    #[test]
    fn child_conflates() {
        // otrok (child).
        assert_group("otrok", &["otrok", "otroka", "otroku", "otrokom", "otroke"]);
    }

    #[test]
    fn right_and_regulation_conflate() {
        // pravica (right), uredba (regulation), člen (article).
        assert_group(
            "pravic",
            &[
                "pravica",
                "pravice",
                "pravici",
                "pravico",
                "pravic",
                "pravicam",
                "pravicami",
            ],
        );
        assert_group("uredb", &["uredba", "uredbe", "uredbi", "uredbo", "uredb"]);
        assert_group(
            "člen",
            &["člen", "člena", "členu", "členom", "členi", "členov"],
        );
    }

    #[test]
    fn authority_and_provider_conflate() {
        // organ (authority), ponudnik (provider).
        assert_group(
            "organ",
            &["organ", "organa", "organu", "organom", "organi", "organov"],
        );
        assert_group(
            "ponudnik",
            &[
                "ponudnik",
                "ponudnika",
                "ponudniku",
                "ponudniki",
                "ponudnikov",
                "ponudnikom",
            ],
        );
    }

    #[test]
    fn i_declension_and_ija_nouns_conflate() {
        // odgovornost (responsibility): instrumental -jo; informacija (information): -ijo kept.
        assert_group(
            "odgovornost",
            &[
                "odgovornost",
                "odgovornosti",
                "odgovornostjo",
                "odgovornostmi",
                "odgovornostih",
            ],
        );
        assert_group(
            "informacij",
            &[
                "informacija",
                "informacije",
                "informaciji",
                "informacijo",
                "informacij",
            ],
        );
        // zahteva (request): the genitive plural zahtev keeps its -ev.
        assert_group("zahtv", &["zahteva", "zahteve", "zahtevo", "zahtev"]);
    }

    #[test]
    fn stems_in_m_conflate() {
        // mehanizem (mechanism): fleeting e; sporazum (agreement), norma (norm): -mi kept.
        assert_group(
            "mehanizm",
            &[
                "mehanizem",
                "mehanizma",
                "mehanizmu",
                "mehanizmi",
                "mehanizmov",
            ],
        );
        assert_group(
            "sporazum",
            &["sporazum", "sporazuma", "sporazumi", "sporazumov"],
        );
        assert_group("norm", &["norma", "norme", "normi", "normo", "norm"]);
    }

    #[test]
    fn distinct_words_stay_apart() {
        let pairs = [
            ("pravica", "pravo"),           // right / law
            ("oseba", "osebni"),            // person / personal
            ("obdelava", "obdelovalec"),    // processing / processor
            ("organ", "organizacija"),      // authority / organisation
            ("podatek", "podatkovni"),      // datum / data (adjective)
            ("upravljavec", "upravljanje"), // controller / management
        ];
        for (a, b) in pairs {
            assert_ne!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_words_are_unchanged() {
        for word in ["", "a", "in", "je", "za", "ali", "ki"] {
            assert_eq!(stem(word), word);
        }
    }

    #[test]
    fn robust_on_odd_input() {
        assert_eq!(stem("2016"), "2016");
        assert_eq!(stem("679a"), "679a");
        assert_eq!(stem("č"), "č");
        assert_eq!(stem("čev"), "čev");
        let _ = stem("žžjo");
        let long = "obdelava".repeat(1_250);
        assert_eq!(stem(&long).chars().count(), 9_999);
        let _ = stem(&"čšž".repeat(3_400));
    }
}
