//! Definitions: the terms an act defines, in any language.
//!
//! EU acts define terms in points that open with the quoted term: `‘personal data’ means…`,
//! `« données à caractère personnel », toute information…`, `„personenbezogene Daten“ alle
//! Informationen…`, and name a second term in parentheses: `(‘data subject’)`. The quotes
//! differ by language; the shape does not.

use super::labels;

/// Longest defined term, in characters.
const MAX_TERM_CHARS: usize = 120;

/// Pairs of opening and closing quotes used across the EU languages.
const QUOTES: &[(char, &[char])] = &[
    ('‘', &['’', '‘']),
    ('“', &['”', '“']),
    ('„', &['“', '”']),
    ('«', &['»']),
    ('»', &['«']),
    ('‚', &['‘', '’']),
    ('"', &['"']),
    ('\'', &['\'']),
];

/// The terms a unit's text defines: the quoted term it opens with (after its label), and
/// quoted terms in parentheses in the same sentence. Empty when the text defines nothing.
pub fn defined_terms(text: &str) -> Vec<String> {
    let body = labels::parse(text)
        .map(|(_, rest)| rest)
        .unwrap_or(text)
        .trim_start();
    let Some((first, after)) = quoted_at_start(body) else {
        return Vec::new();
    };
    let mut terms = vec![first];
    let sentence_end = after.find(['.', ';']).unwrap_or(after.len());
    let sentence = after.get(..sentence_end).unwrap_or(after);
    terms.extend(parenthesised_terms(sentence));
    terms.dedup();
    terms
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
}
