//! Language detection for text whose metadata does not say its language.
//!
//! whatlang, restricted to the EU languages it knows, does most of the work. It knows neither
//! Irish nor Maltese and confuses Slovenian with Croatian, so those are settled first by
//! their characteristic letters and function words. Unsure answers are `None` (`und`).

use std::collections::HashMap;
use std::sync::LazyLock;

use whatlang::{Detector, Script};

use super::analyzers::words;
use super::{Lang, from_iso639_3};

/// Characters of text looked at: enough for a confident answer, bounded for speed.
const SAMPLE_CHARS: usize = 8_000;

/// Characters of a paragraph looked at to confirm it is in its document's language.
const CONFIRM_CHARS: usize = 300;

/// Fewer letters than this and no answer is given.
const MIN_LETTERS: usize = 20;

/// Lowest whatlang confidence accepted.
const MIN_CONFIDENCE: f64 = 0.35;

/// whatlang restricted to the 22 EU languages it knows, so Bulgarian is never Russian.
static DETECTOR: LazyLock<Detector> = LazyLock::new(|| {
    let allow = whatlang::Lang::all()
        .iter()
        .copied()
        .filter(|l| from_iso639_3(l.code()).is_some())
        .collect();
    Detector::with_allowlist(allow)
});

/// The language of `text`, or `None` when it cannot be told with confidence.
pub fn detect(text: &str) -> Option<Lang> {
    let sample = first_chars(text, SAMPLE_CHARS);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let script = whatlang::detect_script(sample)?;
    if !matches!(script, Script::Latin | Script::Greek | Script::Cyrillic) {
        return None;
    }
    let counts = function_word_counts(sample);
    if let Some(lang) = irish_or_maltese(sample, &counts) {
        return Some(lang);
    }
    let info = DETECTOR.detect(sample)?;
    let lang = from_iso639_3(info.lang().code())?;
    if matches!(lang, Lang::Hr | Lang::Sl) {
        return Some(slovenian_or_croatian(sample, &counts));
    }
    (info.confidence() >= MIN_CONFIDENCE || info.is_reliable()).then_some(lang)
}

/// Whether the first few hundred characters of `text` read as `lang`: a cheap check that
/// spares most paragraphs of a document the full [`detect`] (whatlang's cost grows with the
/// text it reads). A `false` says nothing; it only means the full detection must decide.
pub fn confirms(text: &str, lang: Lang) -> bool {
    DETECTOR
        .detect_lang(first_chars(text, CONFIRM_CHARS))
        .and_then(|l| from_iso639_3(l.code()))
        == Some(lang)
}

/// The first `n` characters of `text`.
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((end, _)) => text.get(..end).unwrap_or(text),
        None => text,
    }
}

/// How often each lowercased word occurs in the sample.
fn function_word_counts(sample: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in words(sample) {
        *counts.entry(word.text.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

fn count_of(counts: &HashMap<String, usize>, list: &[&str]) -> usize {
    list.iter()
        .map(|w| counts.get(*w).copied().unwrap_or(0))
        .sum()
}

fn total_words(counts: &HashMap<String, usize>) -> usize {
    counts.values().sum()
}

/// Irish by its function words (`agus`, `na`, `an`, `ar`, `le`…) and initial mutations;
/// Maltese by `ħ`, `ġ`, `ċ`, `ż` and its own function words.
fn irish_or_maltese(sample: &str, counts: &HashMap<String, usize>) -> Option<Lang> {
    const IRISH: &[&str] = &[
        "agus", "na", "an", "ar", "le", "leis", "chun", "atá", "bhfuil", "den", "don", "sa", "ag",
        "go", "nó", "faoi", "ó", "ina", "aon", "seo", "sin", "mar", "níl", "í", "é",
    ];
    const MALTESE: &[&str] = &[
        "li", "tal", "ta", "fil", "għal", "huwa", "jew", "minn", "dwar", "biex", "mill", "bħala",
        "lil", "hija", "dan", "din", "kif", "skont", "tat", "tad", "u", "il", "l",
    ];
    let total = total_words(counts).max(1);
    let maltese_letters = sample
        .chars()
        .filter(|c| matches!(c, 'ħ' | 'Ħ' | 'ġ' | 'Ġ' | 'ċ' | 'Ċ' | 'ż' | 'Ż'))
        .count();
    let maltese_words = count_of(counts, MALTESE);
    if maltese_letters * 100 >= total && maltese_words * 8 >= total {
        return Some(Lang::Mt);
    }
    let irish_words = count_of(counts, IRISH);
    let mutations = counts
        .iter()
        .filter(|(w, _)| {
            ["bhf", "gc", "mb", "nd", "ng", "dt", "bp", "mh", "dh", "th"]
                .iter()
                .any(|p| w.starts_with(p))
        })
        .map(|(_, n)| *n)
        .sum::<usize>();
    (irish_words * 5 >= total && mutations * 20 >= total).then_some(Lang::Ga)
}

/// Slovenian has no `ć` or `đ` and says `in`, `ki`, `tudi`; Croatian says `i`, `u`, `koji`.
fn slovenian_or_croatian(sample: &str, counts: &HashMap<String, usize>) -> Lang {
    const SLOVENIAN: &[&str] = &[
        "in", "ki", "tudi", "če", "ter", "v", "so", "bo", "lahko", "kot",
    ];
    const CROATIAN: &[&str] = &[
        "i", "u", "koji", "koja", "koje", "što", "kao", "su", "te", "ili",
    ];
    let croatian_letters = sample
        .chars()
        .filter(|c| matches!(c, 'ć' | 'Ć' | 'đ' | 'Đ'))
        .count();
    let slovenian = count_of(counts, SLOVENIAN);
    let croatian = count_of(counts, CROATIAN) + croatian_letters;
    if slovenian > croatian {
        Lang::Sl
    } else {
        Lang::Hr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lang: Lang, text: &str) {
        assert_eq!(detect(text), Some(lang), "{text}");
    }

    #[test]
    fn major_languages() {
        check(
            Lang::En,
            "The processing of personal data of a child shall be lawful where the child is at least 16 years old.",
        );
        check(
            Lang::Fr,
            "Le traitement des données à caractère personnel relatives à un enfant est licite lorsque l'enfant est âgé d'au moins 16 ans.",
        );
        check(
            Lang::De,
            "Die Verarbeitung der personenbezogenen Daten eines Kindes ist rechtmäßig, wenn das Kind das sechzehnte Lebensjahr vollendet hat.",
        );
        check(
            Lang::Nl,
            "De verwerking van persoonsgegevens van een kind is rechtmatig wanneer het kind ten minste 16 jaar is.",
        );
        check(
            Lang::Pl,
            "Przetwarzanie danych osobowych dziecka jest zgodne z prawem, jeżeli dziecko ukończyło 16 lat.",
        );
        check(
            Lang::Bg,
            "Обработването на лични данни на дете е законосъобразно, ако детето е навършило 16 години.",
        );
        check(
            Lang::El,
            "Η επεξεργασία των δεσμών προσωπικών δεδομένων ενός παιδιού είναι σύννομη εφόσον το παιδί είναι τουλάχιστον 16 ετών.",
        );
    }

    #[test]
    fn maltese_is_not_italian() {
        check(
            Lang::Mt,
            "L-ipproċessar ta' data personali ta' tifel jew tifla għandu jkun legali meta t-tifel jew it-tifla jkollhom mill-inqas 16-il sena, u dan huwa skont ir-regolament.",
        );
    }

    #[test]
    fn irish_is_recognised() {
        check(
            Lang::Ga,
            "Beidh próiseáil sonraí pearsanta linbh dleathach i gcás ina bhfuil an leanbh 16 bliana d'aois ar a laghad agus go bhfuil toiliú tugtha aige don phróiseáil sin.",
        );
    }

    #[test]
    fn slovenian_is_not_croatian() {
        check(
            Lang::Sl,
            "Obdelava osebnih podatkov otroka je zakonita, če je otrok star najmanj 16 let, in če je privolitev dal nosilec starševske odgovornosti, ki je tudi odgovoren.",
        );
        check(
            Lang::Hr,
            "Obrada osobnih podataka djeteta zakonita je ako dijete ima najmanje 16 godina, i ako je privolu dao nositelj roditeljske odgovornosti koji je odgovoran.",
        );
    }

    #[test]
    fn a_paragraph_is_confirmed_in_its_language_only() {
        let dutch = "De verwerking van persoonsgegevens van een kind is rechtmatig wanneer het kind ten minste 16 jaar is.";
        assert!(confirms(dutch, Lang::Nl));
        assert!(!confirms(dutch, Lang::De));
        assert!(!confirms(dutch, Lang::En));
    }

    #[test]
    fn too_little_text_or_other_scripts_are_undetermined() {
        assert_eq!(detect("🇪🇺 https://x.eu"), None);
        assert_eq!(
            detect("العربية هي لغة رسمية في العديد من البلدان وهي لغة جميلة جدا"),
            None
        );
    }
}
