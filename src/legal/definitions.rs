//! Definitions: the terms an act defines, in any language.
//!
//! EU acts define terms in points that open with the quoted term: `‘personal data’ means…`,
//! `« données à caractère personnel », toute information…`, `„personenbezogene Daten“ alle
//! Informationen…`, `’henkilötiedoilla’ tarkoitetaan…`, and name a second term in
//! parentheses: `(‘data subject’)`. The quotes differ by language; the shape does not. Swedish
//! writes the term unquoted before a colon: `1. personuppgifter: varje upplysning…`, Lithuanian
//! before a dash: `1) asmens duomenys – bet kokia informacija…`. Irish puts its verb first:
//! `(1) ciallaíonn ‘sonraí pearsanta’ aon fhaisnéis…`. Dutch may quote only the head of a
//! term the words up to the colon complete: `„toestemming” van de betrokkene: elke…`.
//!
//! Several languages define a term in an inflected case (Czech `„osobními údaji“ se rozumí`,
//! instrumental; Finnish `’henkilötiedoilla’ tarkoitetaan`, adessive): [`same_term`] tells
//! a term asked for in its dictionary form from the form defined, word by word through the
//! language's stemmer, and only where the term asked for could be a word of that language
//! (Lithuanian `ežių` is no Latvian word: Latvian has no `ų`).

use super::labels;
use crate::lang::analyzers::{self, Analyzer};
use crate::lang::fold::fold;
use crate::lang::{Lang, alphabet};

/// Longest defined term, in characters.
const MAX_TERM_CHARS: usize = 120;

/// Most words of a term written without quotes before a colon (`personuppgifter:`): longer
/// runs before a colon are sentences introducing a list.
const MAX_UNQUOTED_WORDS: usize = 5;

/// Pairs of opening and closing quotes used across the EU languages.
const QUOTES: &[(char, &[char])] = &[
    ('‘', &['’', '‘']),
    ('“', &['”', '“']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‚', &['‘', '’']),
    // Finnish and Swedish quote with the closing marks on both sides.
    ('’', &['’']),
    ('”', &['”']),
    ('"', &['"']),
    ('\'', &['\'']),
];

/// The terms a unit's text defines: the quoted term it opens with (after its label), and
/// quoted terms in parentheses in the same sentence. Empty when the text defines nothing.
pub fn defined_terms(text: &str) -> Vec<String> {
    let label = labels::parse(text);
    let body = label.as_ref().map_or(text, |(_, rest)| *rest).trim_start();
    let body = without_leading_verb(body);
    let quoted = quoted_at_start(body).map(|(term, after)| completed_up_to_colon(term, after));
    // Definitions are numbered points (`1.`, `(1)`); a lettered point ending in a colon
    // introduces a list (`(b) for controllers:`).
    let numbered = matches!(label, Some((labels::Label::Number(..), _)));
    let unquoted = || numbered.then(|| unquoted_at_start(body)).flatten();
    let Some((first, after)) = quoted.or_else(unquoted) else {
        return Vec::new();
    };
    let mut terms = vec![first];
    let sentence_end = after.find(['.', ';']).unwrap_or(after.len());
    let sentence = after.get(..sentence_end).unwrap_or(after);
    terms.extend(parenthesised_terms(sentence));
    terms.dedup();
    terms
}

/// Verbs Irish puts before the quoted term (`ciallaíonn`, means; `ciallóidh`, shall mean).
const LEADING_VERBS: &[&str] = &["ciallaíonn", "ciallóidh"];

/// `text` after a verb of [`LEADING_VERBS`] that opens it, else `text`.
fn without_leading_verb(text: &str) -> &str {
    LEADING_VERBS
        .iter()
        .find_map(|verb| text.strip_prefix(verb))
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map_or(text, str::trim_start)
}

/// Most words a quoted term's head is completed with before a colon.
const MAX_COMPLETING_WORDS: usize = 4;

/// A quoted `term` and the text `after` it, the term completed with the few lowercase words
/// between its closing quote and a colon: `„toestemming” van de betrokkene: elke…` defines
/// `toestemming van de betrokkene`.
fn completed_up_to_colon(term: String, after: &str) -> (String, &str) {
    let Some((words, rest)) = after.split_once(':') else {
        return (term, after);
    };
    let words = words.trim();
    let count = words
        .split_whitespace()
        .take(MAX_COMPLETING_WORDS + 1)
        .count();
    let plain = words
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace());
    let lowercase = words.chars().next().is_some_and(char::is_lowercase);
    let complement = words
        .split_whitespace()
        .next()
        .is_some_and(opens_complement);
    if (1..=MAX_COMPLETING_WORDS).contains(&count) && plain && lowercase && complement {
        let joined = words.split_whitespace().collect::<Vec<_>>().join(" ");
        (format!("{term} {joined}"), rest)
    } else {
        (term, after)
    }
}

/// Short verbs that may follow a quoted term: `je`, `ir`, `is`, `ist`, `on`, `är`…
const SHORT_VERBS: &[&str] = &[
    "je", "ir", "is", "ist", "est", "es", "er", "är", "on", "é", "è", "su", "sú", "so",
];

/// Whether `word`, the first after a quoted term, may open its complement: a preposition or
/// an article (`van`, `of`, `de`, `der`) is short and no verb; `means`, `betekent` are longer.
fn opens_complement(word: &str) -> bool {
    word.chars().count() <= 3 && !SHORT_VERBS.contains(&word)
}

/// A quoted term at the very start of `text`, and the text after its closing quote.
fn quoted_at_start(text: &str) -> Option<(String, &str)> {
    let open = text.chars().next()?;
    let closers = QUOTES.iter().find(|(o, _)| *o == open)?.1;
    let inner_start = open.len_utf8();
    let inner = text.get(inner_start..)?;
    let close = inner
        .char_indices()
        .take(MAX_TERM_CHARS + 1)
        .find(|(_, c)| closers.contains(c))?;
    let term = inner
        .get(..close.0)?
        .trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace());
    let after = inner.get(close.0 + close.1.len_utf8()..)?;
    is_term(term).then(|| (term.to_string(), after))
}

/// What separates an unquoted term from its definition: a colon (Swedish), a dash with
/// spaces around it (Lithuanian).
const UNQUOTED_SEPARATORS: &[&str] = &[":", " – ", " — ", " - "];

/// `personuppgifter: varje upplysning…` (Swedish), `asmens duomenys – bet kokia…`
/// (Lithuanian): a few words starting lowercase (a paragraph starts with a capital),
/// nothing but letters, spaces and hyphens, then a separator of [`UNQUOTED_SEPARATORS`] and
/// the definition.
fn unquoted_at_start(text: &str) -> Option<(String, &str)> {
    // A separator past the first character no term has (its own `:` or `–`, and the space
    // after) would leave a term that is not plain: the search stops there.
    let reach = text
        .find(|c| !is_unquoted_term_char(c))
        .map_or(text.len(), |at| {
            text[at..]
                .char_indices()
                .nth(2)
                .map_or(text.len(), |(i, _)| at + i)
        });
    let window = &text[..reach];
    let (term, after) = UNQUOTED_SEPARATORS
        .iter()
        .filter_map(|sep| window.find(sep).map(|at| (at, sep.trim_end().len())))
        .min()
        .and_then(|(at, len)| Some((text.get(..at)?, text.get(at + len..)?)))?;
    let starts_lowercase = term.chars().next().is_some_and(char::is_lowercase);
    let plain = term.chars().all(is_unquoted_term_char);
    let words = term.split_whitespace().take(MAX_UNQUOTED_WORDS + 1).count();
    let defined = after.starts_with(char::is_whitespace) && !after.trim().is_empty();
    (starts_lowercase && plain && (1..=MAX_UNQUOTED_WORDS).contains(&words) && defined)
        .then(|| (term.trim().to_string(), after))
}

/// Letters, spaces and hyphens: what an unquoted term is written with.
fn is_unquoted_term_char(c: char) -> bool {
    c.is_alphabetic() || c == ' ' || c == '-' || c == '\u{a0}'
}

/// Whether `defined`, a term as a definition writes it, is `wanted` in `lang`: the same
/// words once folded, or the same stems (`ježek` is `ježkem`, `siili` is `siilillä`).
pub fn same_term(defined: &str, wanted: &str, lang: Lang) -> bool {
    let defined_words: Vec<&str> = analyzers::words(defined).map(|w| w.text).collect();
    let wanted_words: Vec<&str> = analyzers::words(wanted).map(|w| w.text).collect();
    if defined_words.is_empty() || defined_words.len() != wanted_words.len() {
        return false;
    }
    let analyzer = Analyzer::stemmed(lang);
    defined_words.iter().zip(&wanted_words).all(|(d, w)| {
        if fold(d) == fold(w) {
            return true;
        }
        if !alphabet::writes(lang, w) {
            return false;
        }
        let stems = analyzer.terms(d);
        analyzer
            .terms(w)
            .iter()
            .any(|stem| stems.iter().any(|other| same_stem(stem, other)))
    })
}

/// Equal stems, or one the other and a letter: Snowball leaves a base form's final vowel
/// that it strips with a case ending (Finnish `siili` → `siili`, `siilillä` → `siil`).
fn same_stem(one: &str, other: &str) -> bool {
    if one == other {
        return true;
    }
    let (short, long) = if one.len() <= other.len() {
        (one, other)
    } else {
        (other, one)
    };
    long.strip_prefix(short)
        .is_some_and(|rest| rest.chars().count() <= 1 && short.chars().count() >= 3)
}

/// `(‘data subject’)`, `(« personne concernée »)`.
fn parenthesised_terms(sentence: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut rest = sentence;
    while let Some(open) = rest.find('(') {
        let inside = rest.get(open + 1..).unwrap_or("").trim_start();
        if let Some((term, after)) = quoted_at_start(inside)
            && after.trim_start().starts_with(')')
        {
            terms.push(term);
        }
        rest = rest.get(open + 1..).unwrap_or("");
    }
    terms
}

/// A term is a few words with letters, not a sentence.
fn is_term(term: &str) -> bool {
    let words = term.split_whitespace().count();
    (1..=12).contains(&words)
        && term.chars().any(char::is_alphabetic)
        && !term.ends_with(['.', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_in_several_languages() {
        assert_eq!(
            defined_terms(
                "(1) ‘personal data’ means any information relating to an identified or identifiable natural person (‘data subject’); an identifiable…"
            ),
            ["personal data", "data subject"]
        );
        assert_eq!(
            defined_terms(
                "1) « données à caractère personnel », toute information se rapportant à une personne physique identifiée ou identifiable (ci-après dénommée « personne concernée »);"
            ),
            ["données à caractère personnel"]
        );
        assert_eq!(
            defined_terms(
                "1. „personenbezogene Daten“ alle Informationen, die sich auf eine identifizierte Person („betroffene Person“) beziehen;"
            ),
            ["personenbezogene Daten", "betroffene Person"]
        );
        assert_eq!(
            defined_terms("1) „dane osobowe” oznaczają wszelkie informacje"),
            ["dane osobowe"]
        );
        assert_eq!(
            defined_terms("«δεδομένα προσωπικού χαρακτήρα»: κάθε πληροφορία"),
            ["δεδομένα προσωπικού χαρακτήρα"]
        );
    }

    #[test]
    fn ordinary_text_defines_nothing() {
        assert!(defined_terms("Processing shall be lawful only if").is_empty());
        assert!(defined_terms("(a) the data subject has given consent").is_empty());
        assert!(defined_terms("‘unterminated quote and a long sentence that goes on").is_empty());
    }

    #[test]
    fn finnish_swedish_and_czech_forms() {
        assert_eq!(
            defined_terms("1) ’siilillä’ tarkoitetaan kaikkia Erinaceus-suvun eläimiä;"),
            ["siilillä"]
        );
        assert_eq!(
            defined_terms("1) ”henkilötiedoilla” tarkoitetaan kaikkia tietoja"),
            ["henkilötiedoilla"]
        );
        assert_eq!(
            defined_terms("1. igelkott: varje djur av släktet Erinaceus;"),
            ["igelkott"]
        );
        assert_eq!(
            defined_terms(
                "1. personuppgifter: varje upplysning som avser en identifierad eller identifierbar fysisk person (nedan kallad en registrerad),"
            ),
            ["personuppgifter"]
        );
        assert_eq!(
            defined_terms("1) „ježkem“ jakékoli zvíře rodu Erinaceus;"),
            ["ježkem"]
        );
    }

    #[test]
    fn a_colon_after_a_sentence_or_without_a_label_defines_nothing() {
        assert!(defined_terms("1. Member States shall ensure the following:  a list").is_empty());
        assert!(defined_terms("igelkott: varje djur").is_empty());
        assert!(defined_terms("2. Punkt 1 gäller inte i följande fall: a)").is_empty());
        assert!(defined_terms("(a) where the processing is necessary for: the").is_empty());
        assert!(defined_terms("(b) for controllers: the list").is_empty());
        assert!(defined_terms("1. igelkott:").is_empty());
    }

    #[test]
    fn lithuanian_irish_and_dutch_forms() {
        assert_eq!(
            defined_terms("1) ežys – bet kuris Erinaceidae šeimos gyvūnas;"),
            ["ežys"]
        );
        assert_eq!(
            defined_terms(
                "1) asmens duomenys – bet kokia informacija apie fizinį asmenį, kurio tapatybė nustatyta;"
            ),
            ["asmens duomenys"]
        );
        assert_eq!(
            defined_terms("(1) ciallaíonn ‘gráinneog’ aon ainmhí den teaghlach Erinaceidae;"),
            ["gráinneog"]
        );
        assert_eq!(
            defined_terms(
                "(2) ciallaíonn ‘gairdín uirbeach’ gairdín atá suite i mbardas ina bhfuil níos mó ná 10 000 áitritheoir;"
            ),
            ["gairdín uirbeach"]
        );
        assert_eq!(
            defined_terms(
                "11) „toestemming” van de betrokkene : elke vrije, specifieke, geïnformeerde en ondubbelzinnige wilsuiting"
            ),
            ["toestemming van de betrokkene"]
        );
        assert_eq!(
            defined_terms("1) „siil“ – iga sugukonda Erinaceidae kuuluv loom;"),
            ["siil"]
        );
    }

    #[test]
    fn a_verb_before_a_colon_completes_no_term() {
        assert_eq!(
            defined_terms("(16) ‘main establishment’ means: (a) as regards a controller"),
            ["main establishment"]
        );
        assert_eq!(
            defined_terms("(23) ‘cross-border processing’ means either: (a) processing"),
            ["cross-border processing"]
        );
        assert_eq!(defined_terms("1. „údaje“ je: a) každá"), ["údaje"]);
    }

    #[test]
    fn a_dash_in_a_sentence_defines_nothing() {
        assert!(defined_terms("1) Valstybės narės užtikrina, kad – be kita ko").is_empty());
        assert!(defined_terms("a) ežys – bet kuris gyvūnas").is_empty());
    }

    #[test]
    fn a_term_is_matched_only_in_a_language_that_writes_it() {
        assert!(same_term("ežys", "ežių", Lang::Lt));
        assert!(!same_term("ezis", "ežių", Lang::Lv));
        assert!(same_term("ezis", "ežu", Lang::Lv));
    }

    #[test]
    fn inflected_terms_of_several_words() {
        assert!(same_term("mestská záhrada", "mestskej záhrade", Lang::Sk));
        assert!(same_term("mestni vrt", "mestnih vrtovih", Lang::Sl));
        assert!(same_term("gradski vrt", "gradskim vrtovima", Lang::Hr));
        assert!(same_term("linnaaed", "linnaaias", Lang::Et));
        assert!(same_term("jež", "ježeva", Lang::Hr));
        assert!(same_term("miesto sodas", "miesto sodo", Lang::Lt));
    }

    #[test]
    fn terms_match_in_their_dictionary_form() {
        assert!(same_term("ježkem", "ježek", Lang::Cs));
        assert!(same_term("osobními údaji", "osobní údaje", Lang::Cs));
        assert!(same_term("siilillä", "siili", Lang::Fi));
        assert!(same_term(
            "kaupunkipuutarhalla",
            "kaupunkipuutarha",
            Lang::Fi
        ));
        assert!(same_term("henkilötiedoilla", "henkilötiedot", Lang::Fi));
        assert!(same_term("personal data", "Personal Data", Lang::En));
        assert!(!same_term("processor", "processing", Lang::En));
        assert!(!same_term("personal data", "personal", Lang::En));
        assert!(!same_term("ježkem", "zvíře", Lang::Cs));
        assert!(!same_term("osobními údaji", "údaje", Lang::Cs));
    }
}
