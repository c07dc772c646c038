//! How the citations of an act's preamble open, in the 24 languages: `Having regard to`,
//! `gestützt auf`, `ottavat huomioon`, `med beaktande av`, `Έχοντας υπόψη`.
//!
//! The segmenter (`units.rs`) knows the citations start after the institution line, a line in
//! capitals ending with a comma. Some languages end it otherwise: Finnish with the relative
//! pronoun of the verb the citations go on with (`… NEUVOSTO, jotka` / `ottavat huomioon …`),
//! Swedish with the enacting formula itself (`… RÅD HAR ANTAGIT DENNA FÖRORDNING` / `med
//! beaktande av …`). The first citation tells where the line in capitals before it was the
//! institution line.

use std::sync::LazyLock;

use crate::lang::fold::fold;

/// The words a citation opens with, as written in the OJ; compared folded (lowercase, no
/// accents), whole words, at the start of a block.
// Laid out by hand, a language or two together: rustfmt would give each word a line.
#[rustfmt::skip]
const CITATION_OPENERS: &[&str] = &[
    "Having regard to",                                         // en
    "Vu",                                                       // fr
    "Gestützt auf",                                             // de
    "Gelet op",                                                 // nl
    "Visto", "Vista", "Vistos", "Vistas",                       // es
    "Visti", "Viste",                                           // it (`Visto`, `Vista` above)
    "Tendo em conta",                                           // pt
    "Având în vedere",                                          // ro
    "Uwzględniając",                                            // pl
    "S ohledem na",                                             // cs
    "So zreteľom na",                                           // sk
    "Ob upoštevanju",                                           // sl
    "Uzimajući u obzir",                                        // hr
    "Tekintettel",                                              // hu
    "Ottavat huomioon", "Ottaa huomioon",                       // fi
    "Võttes arvesse",                                           // et
    "Ņemot vērā",                                               // lv
    "Atsižvelgdami į", "Atsižvelgdama į", "Atsižvelgdamas į",   // lt
    "Έχοντας υπόψη",                                            // el
    "Като взеха предвид", "Като взе предвид",                   // bg
    "Wara li kkunsidraw", "Wara li kkunsidra",                  // mt
    "Ag féachaint do", "Ag féachaint don",                      // ga
    "Under henvisning til",                                     // da
    "Med beaktande av",                                         // sv
];

/// The openers, folded, longest first.
static OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut folded: Vec<String> = CITATION_OPENERS
        .iter()
        .map(|opener| fold(opener).into_owned())
        .collect();
    folded.sort_by_key(|opener| std::cmp::Reverse(opener.len()));
    folded
});

/// How many characters of a block are enough to compare with the openers.
const OPENER_CHARS: usize = 40;

/// True when `text` opens like a citation of the preamble: `Having regard to the Treaty…`,
/// `ottavat huomioon …`, `med beaktande av …`, whatever the case.
pub fn opens_citation(text: &str) -> bool {
    let head: String = text.chars().take(OPENER_CHARS).collect();
    let folded = fold(&head);
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    OPENERS.iter().any(|opener| {
        words
            .strip_prefix(opener.as_str())
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_open_alike_in_every_language() {
        for text in [
            "Having regard to the Treaty on the Functioning of the European Union,",
            "vu le traité sur le fonctionnement de l'Union européenne,",
            "gestützt auf den Vertrag,",
            "Visto el Tratado,",
            "uwzględniając Traktat,",
            "ottavat huomioon Euroopan unionin toiminnasta tehdyn sopimuksen,",
            "med beaktande av fördraget om Europeiska unionens funktionssätt,",
            "Έχοντας υπόψη τη Συνθήκη,",
            "като взеха предвид Договора,",
            "tekintettel az Európai Unió működéséről szóló szerződésre,",
            "atsižvelgdami į Sutartį,",
            "ņemot vērā Līgumu,",
            "Ag féachaint don Chonradh,",
            "HAVING  REGARD TO the Treaty,",
        ] {
            assert!(opens_citation(text), "{text}");
        }
    }

    #[test]
    fn other_sentences_open_no_citation() {
        for text in [
            "Vulnerable persons",
            "Having regards",
            "Whereas:",
            "ottavat",
            "med beaktande",
            "EUROPAPARLAMENTET OCH EUROPEISKA UNIONENS RÅD HAR ANTAGIT DENNA FÖRORDNING",
            "",
        ] {
            assert!(!opens_citation(text), "{text}");
        }
    }
}
