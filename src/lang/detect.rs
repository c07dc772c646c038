//! Language detection for text whose metadata does not say its language.
//!
//! whatlang, restricted to the EU languages it knows, does most of the work. It knows neither
//! Irish nor Maltese and confuses Slovenian with Croatian, so those are settled first by
//! their characteristic letters and function words. Unsure answers are `None` (`und`).
//!
//! Function words come first, as they cost a hash lookup per word where whatlang scores
//! every trigram against every language: a text whose function words are one language's
//! beyond doubt is that language. A paragraph of a document of known language is only
//! confirmed in it: by its function words when they clearly are that language's, else by
//! whatlang on its first few hundred characters; only a paragraph neither confirms goes
//! through the full detection.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use whatlang::{Detector, Script};

use super::analyzers::{Word, words};
use super::fold::lowercase;
use super::stem::irish;
use super::{ALL, Lang, LangSet, from_iso639_3};

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
    if is_irish(sample) {
        return Some(Lang::Ga);
    }
    if let Some(lang) = function_word_majority(sample)
        && !matches!(lang, Lang::Ga | Lang::Mt | Lang::Hr | Lang::Sl)
    {
        return Some(lang);
    }
    let counts = function_word_counts(sample);
    if is_maltese(sample, &counts) {
        return Some(Lang::Mt);
    }
    let info = DETECTOR.detect(sample)?;
    if !info.is_reliable()
        && let Some(lang) = function_word_lead(sample, LEAD_MIN_VOTES)
        && !matches!(lang, Lang::Ga | Lang::Mt | Lang::Hr | Lang::Sl)
    {
        // A headline or a sentence: too short for trigrams, but its few function words
        // point one way.
        return Some(lang);
    }
    let lang = from_iso639_3(info.lang().code())?;
    if matches!(lang, Lang::Hr | Lang::Sl) {
        return Some(slovenian_or_croatian(sample, &counts));
    }
    (info.confidence() >= MIN_CONFIDENCE || info.is_reliable()).then_some(lang)
}

/// Irish function words.
const IRISH: &[&str] = &[
    "agus", "na", "an", "ar", "le", "leis", "chun", "atá", "bhfuil", "den", "don", "sa", "ag",
    "go", "nó", "faoi", "ó", "ina", "aon", "seo", "sin", "mar", "níl", "í", "é",
];

/// Maltese function words.
const MALTESE: &[&str] = &[
    "li", "tal", "ta", "fil", "għal", "huwa", "jew", "minn", "dwar", "biex", "mill", "bħala",
    "lil", "hija", "dan", "din", "kif", "skont", "tat", "tad", "u", "il", "l",
];

/// The commonest function words of each language, lowercase. A paragraph whose first words
/// are clearly its document's language is confirmed by them, without whatlang.
#[rustfmt::skip]
const FUNCTION_WORDS: [(Lang, &[&str]); 24] = [
    (Lang::Bg, &["и", "на", "за", "да", "от", "се", "в", "с", "по", "че", "е", "са", "не", "към", "която", "които", "който", "това"]),
    (Lang::Cs, &["a", "se", "na", "v", "je", "že", "s", "z", "o", "do", "k", "to", "pro", "jako", "které", "který", "nebo", "podle"]),
    (Lang::Da, &["og", "i", "at", "er", "det", "en", "til", "af", "på", "for", "med", "den", "de", "som", "ikke", "skal", "eller"]),
    (Lang::De, &["der", "die", "das", "und", "ist", "nicht", "mit", "von", "zu", "den", "für", "auf", "dem", "werden", "eine", "des", "im", "oder"]),
    (Lang::El, &["και", "το", "της", "την", "των", "του", "η", "ο", "στην", "για", "με", "από", "να", "που", "οι", "τα", "σε", "ή"]),
    (Lang::En, &["the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "by", "be", "as", "are", "this", "which", "or", "shall", "it", "its", "from", "has", "have", "was", "were", "will", "not", "their", "they", "been", "these", "must", "should"]),
    (Lang::Es, &["de", "la", "que", "el", "en", "y", "los", "se", "del", "las", "un", "por", "con", "no", "una", "para", "o", "al"]),
    (Lang::Et, &["ja", "on", "ei", "et", "see", "kui", "mis", "ka", "või", "oma", "selle", "mida", "nii", "kes", "ning", "seda"]),
    (Lang::Fi, &["ja", "on", "ei", "että", "se", "joka", "tai", "kuin", "ovat", "mukaan", "sekä", "jos", "myös", "tämä", "joiden", "sen"]),
    (Lang::Fr, &["le", "la", "les", "des", "du", "et", "est", "une", "pour", "dans", "que", "qui", "sur", "par", "au", "aux", "un", "de", "à", "en", "ou", "ce", "l", "d", "qu", "n"]),
    (Lang::Ga, IRISH),
    (Lang::Hr, &["i", "je", "u", "na", "za", "se", "da", "su", "koji", "s", "od", "te", "ili", "kao", "iz", "koja", "koje"]),
    (Lang::Hu, &["a", "az", "és", "hogy", "nem", "is", "egy", "van", "meg", "mint", "csak", "vagy", "el", "de", "által", "szerint"]),
    (Lang::It, &["di", "e", "il", "la", "che", "in", "per", "del", "della", "un", "è", "non", "sono", "le", "dei", "delle", "una", "con", "l"]),
    (Lang::Lt, &["ir", "į", "kad", "su", "iš", "tai", "kaip", "yra", "ar", "bet", "jo", "nuo", "dėl", "buvo", "arba", "pagal"]),
    (Lang::Lv, &["un", "ir", "ar", "par", "uz", "no", "kas", "vai", "lai", "to", "tā", "arī", "kā", "nav", "šo", "saskaņā"]),
    (Lang::Mt, MALTESE),
    (Lang::Nl, &["de", "het", "een", "van", "en", "die", "dat", "voor", "met", "zijn", "worden", "op", "niet", "door", "aan", "ook", "wordt", "te", "in", "dit", "deze", "bij", "naar", "tot", "uit", "als", "om", "er", "is", "of"]),
    (Lang::Pl, &["i", "w", "na", "z", "się", "do", "nie", "że", "o", "jest", "to", "przez", "oraz", "dla", "jak", "lub", "są"]),
    (Lang::Pt, &["de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "não", "uma", "os", "no", "dos", "das"]),
    (Lang::Ro, &["și", "şi", "de", "în", "la", "a", "cu", "care", "pe", "din", "să", "nu", "pentru", "este", "o", "un", "sau", "ale"]),
    (Lang::Sk, &["a", "sa", "na", "v", "je", "že", "s", "z", "o", "do", "k", "to", "pre", "ako", "ktoré", "ktorý", "alebo", "podľa"]),
    (Lang::Sl, &["in", "je", "v", "na", "za", "se", "da", "so", "ki", "z", "s", "ter", "tudi", "po", "kot", "ali", "lahko"]),
    (Lang::Sv, &["och", "i", "att", "det", "som", "en", "på", "är", "för", "med", "av", "till", "den", "inte", "har", "ska", "eller"]),
];

/// Each function word, with the languages it belongs to.
static FUNCTION_WORD_LANGS: LazyLock<FxHashMap<&'static str, LangSet>> = LazyLock::new(|| {
    let mut langs: FxHashMap<&'static str, LangSet> = FxHashMap::default();
    for (lang, words) in FUNCTION_WORDS {
        for word in words {
            let set = langs.entry(word).or_insert(LangSet::NONE);
            *set = set.with(LangSet::of(lang));
        }
    }
    langs
});

/// Fewest votes of function words a sample needs to be confirmed by them.
const CONFIRM_MIN_VOTES: f32 = 3.0;

/// Fewest votes of function words that decide a document's language without whatlang.
const MAJORITY_MIN_VOTES: f32 = 8.0;

/// Whether the first few hundred characters of `text` read as `lang`: a cheap check that
/// spares most paragraphs of a document the full [`detect`] (whatlang's cost grows with the
/// text it reads). A `false` says nothing; it only means the full detection must decide.
///
/// A sample with hardly any function words of any language (a list of place names, a table
/// row) is not prose: there is no language to tell, whatlang's answer on it is a guess, and
/// it keeps `lang`.
pub fn confirms(text: &str, lang: Lang) -> bool {
    let sample = first_chars(text, CONFIRM_CHARS);
    let votes = function_word_votes(sample, lang);
    votes.all.iter().sum::<f32>() < CONFIRM_MIN_VOTES
        || function_words_confirm(&votes, lang)
        || DETECTOR
            .detect_lang(sample)
            .and_then(|l| from_iso639_3(l.code()))
            == Some(lang)
}

/// Whether function-word `votes` clearly are `lang`'s: twice what any other language has
/// from words `lang` does not use (Dutch `de` and `van` are Hungarian words too, but no
/// evidence against Dutch), and [`CONFIRM_MIN_VOTES`] unless no word is foreign to `lang`
/// (Dutch shares most of its commonest words, so their split votes add up slowly).
fn function_words_confirm(votes: &Votes, lang: Lang) -> bool {
    let own = votes.all[lang.index()];
    let rival = ALL
        .iter()
        .filter(|other| **other != lang)
        .map(|other| votes.foreign[other.index()])
        .fold(0.0, f32::max);
    (own >= CONFIRM_MIN_VOTES || rival == 0.0) && own >= 2.0 * rival
}

/// Fewest votes of function words that decide when whatlang is unsure.
const LEAD_MIN_VOTES: f32 = 1.0;

/// The language whose function words dominate `sample`, if one does beyond doubt:
/// [`MAJORITY_MIN_VOTES`], and two and a half times the runner-up's votes.
fn function_word_majority(sample: &str) -> Option<Lang> {
    function_word_lead(sample, MAJORITY_MIN_VOTES)
}

/// The language whose function words lead in `sample` with at least `min_votes`, and two
/// and a half times the runner-up's votes.
fn function_word_lead(sample: &str, min_votes: f32) -> Option<Lang> {
    let votes = function_word_votes(sample, Lang::Und).all;
    let mut ranked: Vec<(f32, Lang)> = ALL.iter().map(|l| (votes[l.index()], *l)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (best, lang) = ranked[0];
    let runner_up = ranked[1].0;
    (best >= min_votes && best >= 2.5 * runner_up).then_some(lang)
}

/// The function-word votes of each language in a sample, indexed like [`ALL`].
struct Votes {
    /// Every function word's votes.
    all: [f32; ALL.len()],
    /// The votes of the words one language (the one asked about) does not use.
    foreign: [f32; ALL.len()],
}

/// The function-word votes of `sample`, the foreign ones as seen from `lang`. Each word
/// votes for its languages, a word of several languages splitting its vote (`de` is French,
/// Dutch, Spanish…). A hash lookup per word, where whatlang scores every trigram against
/// every language.
fn function_word_votes(sample: &str, lang: Lang) -> Votes {
    let mut votes = Votes {
        all: [0.0; ALL.len()],
        foreign: [0.0; ALL.len()],
    };
    for word in words(sample).filter(|word| !is_list_label(sample, word)) {
        if let Some(langs) = FUNCTION_WORD_LANGS.get(lowercase(word.text).as_ref()) {
            let share = 1.0 / langs.len() as f32;
            let foreign = !langs.contains(lang);
            for voter in langs.iter() {
                votes.all[voter.index()] += share;
                if foreign {
                    votes.foreign[voter.index()] += share;
                }
            }
        }
    }
    votes
}

/// Whether `word` labels a point of a list (`a)`, `d)`, `iv)`): a letter there is no word
/// of any language.
fn is_list_label(sample: &str, word: &Word<'_>) -> bool {
    sample.as_bytes().get(word.end) == Some(&b')')
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

/// Maltese by `ħ`, `ġ`, `ċ`, `ż` and its own function words.
fn is_maltese(sample: &str, counts: &HashMap<String, usize>) -> bool {
    let total = total_words(counts).max(1);
    let maltese_letters = sample
        .chars()
        .filter(|c| matches!(c, 'ħ' | 'Ħ' | 'ġ' | 'Ġ' | 'ċ' | 'Ċ' | 'ż' | 'Ż'))
        .count();
    let maltese_words = count_of(counts, MALTESE);
    maltese_letters * 100 >= total && maltese_words * 8 >= total
}

/// Words no other EU language writes, or hardly ever: Irish verbs, prepositions and
/// conjunctions (`nach`, `tar`, `dá`, `sí` are left out: German, Estonian, Portuguese and
/// Spanish words).
const IRISH_ONLY: &[&str] = &[
    "agus", "atá", "tá", "bhfuil", "chun", "faoi", "níl", "maidir", "seo", "aon", "ina", "beidh",
    "bhí", "gach", "idir", "éis", "féidir", "leis", "sé", "siad", "iad", "freisin", "ní", "cheart",
    "ag", "ón", "sna", "dúirt", "inniu", "ionas", "gur", "arna", "lena", "chomh", "atáthar",
    "déanfar",
];

/// Fewest Irish marks (own words and initial mutations) a sample needs.
const IRISH_MIN_MARKS: usize = 3;

/// Share of a sample's words, in percent, that must bear an Irish mark.
const IRISH_MIN_PERCENT: usize = 10;

/// Whether `sample` is Irish: whatlang has no Irish, so it goes by what no other EU
/// language has: words only Irish uses ([`IRISH_ONLY`]) and initial mutations
/// ([`is_mutated`]), at least [`IRISH_MIN_PERCENT`] of the words. Shared short words
/// (`an`, `na`, `ar`, `le`, `a`, `de`) do not count: they are English, Slavic, Baltic,
/// French and Portuguese too.
fn is_irish(sample: &str) -> bool {
    let mut total = 0;
    let mut marks = 0;
    for word in words(sample) {
        total += 1;
        let lower = lowercase(word.text);
        if IRISH_ONLY.contains(&lower.as_ref()) || is_mutated(sample, &word, &lower) {
            marks += 1;
        }
    }
    marks >= IRISH_MIN_MARKS && marks * 100 >= IRISH_MIN_PERCENT * total
}

/// Whether `word` (lowercased: `lower`) shows an Irish initial mutation: eclipsis
/// (`bhfuil`, `gcás`, `dtír`, `bpobal`, `mbeidh`, `ndáil`, `ngairdín`), lenition of a
/// consonant other languages never follow with `h` (`bhí`, `dhá`, `fhoirm`, `ghníomh`,
/// `mhaith`), or a prefixed `t`, `n`, `h` before a vowel, written `tAire`, `hAirteagal` or
/// with a hyphen (`t-údarás`, `n-údarás`).
fn is_mutated(sample: &str, word: &Word<'_>, lower: &str) -> bool {
    const ECLIPSED: &[&str] = &["bhf", "gc", "dt", "bp", "mb", "nd"];
    const LENITED: &[&str] = &["bh", "dh", "fh", "gh", "mh"];
    let followed_by_vowel = |rest: &str| rest.chars().next().is_some_and(irish::is_vowel);
    let eclipsed = ECLIPSED.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_alphabetic))
    }) || lower.strip_prefix("ng").is_some_and(followed_by_vowel);
    let lenited = LENITED.iter().any(|p| {
        lower
            .strip_prefix(p)
            .is_some_and(|rest| followed_by_vowel(rest) || rest.starts_with(['l', 'r', 'n']))
    });
    eclipsed || lenited || has_prefixed_letter(sample, word)
}

/// `tAire`, `nAontas`, `hÉireann`, or `t-údarás`: `t`, `n` or `h` before a vowel, the vowel
/// capitalised or after a hyphen.
fn has_prefixed_letter(sample: &str, word: &Word<'_>) -> bool {
    let mut chars = word.text.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    match second {
        Some(second) => irish::is_prefix_before_capital(first, second),
        None => {
            matches!(first, 't' | 'n' | 'h')
                && sample
                    .get(word.end..)
                    .and_then(|rest| rest.strip_prefix('-'))
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| irish::is_vowel(c) && c.is_lowercase())
        }
    }
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
    fn irish_prose_and_short_notes_are_irish() {
        check(
            Lang::Ga,
            "Tá an Rialtas ag iarraidh cosaint leanaí ar líne a neartú. Dúirt an tAire inniu nach féidir tacú leis an togra maidir le rialú comhrá ina fhoirm reatha, toisc go mbaineann sé an bonn den chriptiú.",
        );
        check(
            Lang::Ga,
            "Tá laghdú ag teacht ar ghráinneoga ar fud an Aontais, mar a luaitear in aithris 3 de Rialachán (AE) 2016/679. Ba cheart úinéirí gairdíní a chur ar an eolas faoi chonairí gráinneog. Leagtar síos leis an Rialachán seo rialacha maidir le gráinneoga a chosaint i ngairdíní uirbeacha. Déanfaidh na Ballstáit faireachán ar dhaonraí gráinneog i gcomhréir le hAirteagal 5(1)(b) de Rialachán (AE) 2016/679.",
        );
    }

    #[test]
    fn portuguese_english_and_german_are_not_irish() {
        check(
            Lang::Pt,
            "O tratamento de dados pessoais de uma criança é lícito se a criança tiver pelo menos 16 anos. Caso a criança tenha menos de 16 anos, o tratamento só é lícito se e na medida em que o consentimento seja dado pelos titulares das responsabilidades parentais da criança.",
        );
        check(
            Lang::En,
            "The Commission shall adopt an implementing act on the funding of the Ngorongoro conservation area, after consulting the Dhaka office and the Member States concerned.",
        );
        check(
            Lang::De,
            "Nach Artikel 6 ist die Verarbeitung nur rechtmäßig, wenn die betroffene Person ihre Einwilligung gegeben hat; nach Ablauf der Frist wird sie gelöscht.",
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
    fn function_words_confirm_only_a_clear_majority() {
        let confirmed = [
            (
                Lang::En,
                "The controller shall take appropriate measures to provide any information to the data subject in a concise and transparent form, in particular for any information addressed to a child.",
            ),
            (
                Lang::Fr,
                "Le responsable du traitement prend des mesures appropriées pour fournir toute information à la personne concernée, en particulier pour toute information destinée spécifiquement à un enfant.",
            ),
            (
                Lang::Nl,
                "De verwerkingsverantwoordelijke neemt passende maatregelen opdat de betrokkene de informatie ontvangt in een beknopte vorm, met name wanneer de informatie specifiek voor een kind bestemd is.",
            ),
            (
                Lang::De,
                "Der Verantwortliche trifft geeignete Maßnahmen, um der betroffenen Person alle Informationen in präziser und verständlicher Form zu übermitteln, und das gilt insbesondere für Informationen, die sich an Kinder richten.",
            ),
            (
                Lang::Sk,
                "Prevádzkovateľ prijme vhodné opatrenia, aby sa dotknutej osobe poskytli všetky informácie v stručnej a jasnej forme, a to najmä ak ide o informácie, ktoré sú určené pre dieťa, alebo ktoré sa týkajú jeho práv.",
            ),
        ];
        for (lang, text) in confirmed {
            assert!(
                function_words_confirm(&function_word_votes(text, lang), lang),
                "{lang:?}: {text}"
            );
            for other in [Lang::En, Lang::Fr, Lang::Nl, Lang::De, Lang::Cs] {
                if other != lang {
                    let votes = function_word_votes(text, other);
                    assert!(!function_words_confirm(&votes, other), "{other:?}: {text}");
                }
            }
        }
        // Too few function words of its own, against a foreign one, do not confirm.
        let few = function_word_votes("Regulation on the market und", Lang::En);
        assert!(!function_words_confirm(&few, Lang::En));
    }

    #[test]
    fn a_paragraph_without_foreign_function_words_is_confirmed() {
        // Every function word here is Dutch, though shared with other languages.
        let dutch = "Energie-efficiënte ruimte- en waterverwarmingstoestellen en warmtepompen die op de lijst staan";
        let votes = function_word_votes(dutch, Lang::Nl);
        assert!(votes.all[Lang::Nl.index()] < CONFIRM_MIN_VOTES);
        assert!(function_words_confirm(&votes, Lang::Nl));
        let as_english = function_word_votes(dutch, Lang::En);
        assert!(!function_words_confirm(&as_english, Lang::En));
    }

    #[test]
    fn elisions_and_list_labels_are_no_foreign_words() {
        // `l'`, `d'` are French (not only Maltese `l`); `d)` labels a point.
        let french = "d) l'organe d'exécution évalue l'éligibilité de chaque projet à l'article 5";
        assert!(function_words_confirm(
            &function_word_votes(french, Lang::Fr),
            Lang::Fr
        ));
        let dutch = "d) informeert hij, indien het vermoeden is onderbouwd of niet kan worden weggenomen, de autoriteit";
        assert!(function_words_confirm(
            &function_word_votes(dutch, Lang::Nl),
            Lang::Nl
        ));
    }

    #[test]
    fn words_a_language_shares_are_no_evidence_against_it() {
        // `de`, `van`, `a` are Hungarian words too: only words Dutch does not use count
        // against Dutch.
        let dutch = "Besluit van de Raad van 22 januari 2019 inzake de ondertekening van de overeenkomst met de Republiek";
        let votes = function_word_votes(dutch, Lang::Nl);
        assert!(votes.all[Lang::Hu.index()] * 2.0 > votes.all[Lang::Nl.index()]);
        assert!(function_words_confirm(&votes, Lang::Nl));
        assert!(!function_words_confirm(
            &function_word_votes(dutch, Lang::Hu),
            Lang::Hu
        ));
    }

    #[test]
    fn a_paragraph_that_is_not_prose_keeps_its_documents_language() {
        let places = "Dvořisko; Hemže; Choceň; Kosořín; Loučky; Nořín; Zálší u Chocně; Zářecká Lhota; Sorø; Kalundborg; Viana do Castelo; Barcelos; Esposende";
        let symbols =
            r"\leftarrow \longleftarrow \uparrow \Leftarrow \rightarrow \downarrow \Rightarrow";
        for lang in [Lang::Nl, Lang::De, Lang::Cs] {
            assert!(confirms(places, lang));
            assert!(confirms(symbols, lang));
        }
        let french = "Le responsable du traitement prend des mesures appropriées pour fournir toute information à la personne concernée, en particulier pour toute information destinée à un enfant.";
        assert!(!confirms(french, Lang::En));
    }

    #[test]
    fn a_clear_majority_of_function_words_decides_without_whatlang() {
        let texts = [
            (
                Lang::En,
                "The controller shall be responsible for, and be able to demonstrate compliance with, the principles. Where processing is to be carried out on behalf of a controller, the controller shall use only processors providing sufficient guarantees to implement appropriate measures in such a manner that processing will meet the requirements of this Regulation and ensure the protection of the rights of the data subject.",
            ),
            (
                Lang::Fr,
                "Le responsable du traitement est responsable du respect des principes et est en mesure de démontrer que celui-ci est respecté. Lorsqu'un traitement doit être effectué pour le compte d'un responsable du traitement, celui-ci fait uniquement appel à des sous-traitants qui présentent des garanties suffisantes quant à la mise en œuvre de mesures appropriées de manière à ce que le traitement réponde aux exigences du présent règlement et garantisse la protection des droits de la personne concernée.",
            ),
            (
                Lang::Nl,
                "De verwerkingsverantwoordelijke is verantwoordelijk voor de naleving van de beginselen en kan deze aantonen. Wanneer een verwerking namens een verwerkingsverantwoordelijke wordt verricht, doet deze uitsluitend een beroep op verwerkers die afdoende garanties met betrekking tot het toepassen van passende maatregelen bieden opdat de verwerking aan de vereisten van deze verordening voldoet en de bescherming van de rechten van de betrokkene is gewaarborgd.",
            ),
            (
                Lang::De,
                "Der Verantwortliche ist für die Einhaltung der Grundsätze verantwortlich und muss dessen Einhaltung nachweisen können. Erfolgt eine Verarbeitung im Auftrag eines Verantwortlichen, so arbeitet dieser nur mit Auftragsverarbeitern, die hinreichend Garantien dafür bieten, dass geeignete Maßnahmen so durchgeführt werden, dass die Verarbeitung im Einklang mit den Anforderungen dieser Verordnung erfolgt und den Schutz der Rechte der betroffenen Person gewährleistet.",
            ),
        ];
        for (lang, text) in texts {
            assert_eq!(function_word_majority(text), Some(lang), "{text}");
            assert_eq!(detect(text), Some(lang), "{text}");
        }
        // Too few function words, or two languages' in equal measure: whatlang decides.
        assert_eq!(
            function_word_majority("Regulation on the market in crypto-assets"),
            None
        );
        let mixed = format!("{} {}", texts[0].1, texts[1].1);
        assert_eq!(function_word_majority(&mixed), None);
    }

    #[test]
    fn headlines_go_by_their_function_words_when_whatlang_is_unsure() {
        for (lang, text) in [
            (
                Lang::En,
                "Press release: Parliament adopts its position on detection orders.",
            ),
            (
                Lang::En,
                "Privacy advocates criticise chat control proposal as disproportionate.",
            ),
            (Lang::En, "Statement by Commissioner Johansson."),
            (
                Lang::De,
                "Pressemitteilung: Parlament stimmt Chatkontrolle zu.",
            ),
            (
                Lang::Fr,
                "Communiqué de presse : le Parlement adopte sa position sur les ordres de détection.",
            ),
            (
                Lang::It,
                "Comunicato stampa: il Parlamento adotta la sua posizione sulla proposta.",
            ),
        ] {
            check(lang, text);
        }
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
