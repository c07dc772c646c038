//! Stemmers for all 24 EU languages.
//!
//! Snowball (through `frostem`) covers 18 of them; Croatian uses the Serbian rules and Slovak
//! the Czech ones (close relatives). Where Snowball stops short of the stem other forms reach
//! (Estonian, Croatian, Slovak), [`trim`] cuts its output further. Bulgarian, Latvian, Slovenian and Maltese have no
//! Snowball stemmer: they get light suffix strippers written here from published algorithms.
//! Input is one lowercased word; output its stem.

pub mod bulgarian;
pub mod irish;
pub mod latvian;
pub mod maltese;
pub mod slovene;
pub mod trim;

use std::borrow::Cow;

use frostem::{Algorithm, Stemmer};

use super::Lang;

/// How one language's words are stemmed.
#[derive(Clone, Copy)]
pub enum LangStemmer {
    /// A Snowball algorithm.
    Snowball(Stemmer),
    /// A Snowball algorithm whose stem is then cut to the prefix a [`trim`] function keeps.
    Trimmed(Stemmer, fn(&str) -> &str),
    /// A light stemmer implemented in this crate.
    Light(fn(&str) -> String),
    /// No stemming (`und`).
    None,
}

impl LangStemmer {
    /// The stemmer for `lang`.
    pub fn for_lang(lang: Lang) -> LangStemmer {
        let snowball = |algorithm| LangStemmer::Snowball(Stemmer::new(algorithm));
        let trimmed = |algorithm, trim| LangStemmer::Trimmed(Stemmer::new(algorithm), trim);
        match lang {
            Lang::Bg => LangStemmer::Light(bulgarian::stem),
            Lang::Cs => snowball(Algorithm::Czech),
            Lang::Da => snowball(Algorithm::Danish),
            Lang::De => snowball(Algorithm::German),
            Lang::El => snowball(Algorithm::Greek),
            Lang::En => snowball(Algorithm::English),
            Lang::Es => snowball(Algorithm::Spanish),
            Lang::Et => trimmed(Algorithm::Estonian, trim::estonian),
            Lang::Fi => snowball(Algorithm::Finnish),
            Lang::Fr => snowball(Algorithm::French),
            Lang::Ga => snowball(Algorithm::Irish),
            Lang::Hr => trimmed(Algorithm::Serbian, trim::croatian),
            Lang::Hu => snowball(Algorithm::Hungarian),
            Lang::It => snowball(Algorithm::Italian),
            Lang::Lt => snowball(Algorithm::Lithuanian),
            Lang::Lv => LangStemmer::Light(latvian::stem),
            Lang::Mt => LangStemmer::Light(maltese::stem),
            Lang::Nl => snowball(Algorithm::Dutch),
            Lang::Pl => snowball(Algorithm::Polish),
            Lang::Pt => snowball(Algorithm::Portuguese),
            Lang::Ro => snowball(Algorithm::Romanian),
            Lang::Sk => trimmed(Algorithm::Czech, trim::slovak),
            Lang::Sl => LangStemmer::Light(slovene::stem),
            Lang::Sv => snowball(Algorithm::Swedish),
            Lang::Und => LangStemmer::None,
        }
    }

    /// The stem of one lowercased word.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            LangStemmer::Snowball(stemmer) => stemmer.stem(word),
            LangStemmer::Trimmed(stemmer, trim) => cut_to(stemmer.stem(word), *trim),
            LangStemmer::Light(stem) => Cow::Owned(stem(word)),
            LangStemmer::None => Cow::Borrowed(word),
        }
    }
}

/// `stem` cut to the prefix `trim` keeps, in place.
fn cut_to<'a>(stem: Cow<'a, str>, trim: fn(&str) -> &str) -> Cow<'a, str> {
    match stem {
        Cow::Borrowed(stem) => Cow::Borrowed(trim(stem)),
        Cow::Owned(mut stem) => {
            let kept = trim(&stem).len();
            stem.truncate(kept);
            Cow::Owned(stem)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(lang: Lang, word: &str) -> String {
        LangStemmer::for_lang(lang).stem(word).into_owned()
    }

    #[test]
    fn inflected_forms_share_a_stem() {
        let pairs = [
            (Lang::En, "processing", "processed"),
            (Lang::Fr, "données", "donnée"),
            (Lang::De, "verarbeitung", "verarbeitungen"),
            (Lang::Nl, "verwerking", "verwerkingen"),
            (Lang::Cs, "zpracování", "zpracováním"),
            (Lang::Pl, "przetwarzanie", "przetwarzania"),
            (Lang::Hu, "adatkezelés", "adatkezelést"),
            (Lang::Fi, "käsittely", "käsittelyn"),
            (Lang::Sk, "spracúvanie", "spracúvania"),
            (Lang::Lt, "tvarkymas", "tvarkymo"),
            (Lang::Et, "töötlemine", "töötlemise"),
        ];
        for (lang, a, b) in pairs {
            assert_eq!(stem(lang, a), stem(lang, b), "{lang}: {a} / {b}");
        }
    }

    #[test]
    fn short_nouns_meet_their_inflected_forms() {
        let groups: [(Lang, &[&str]); 5] = [
            (Lang::Et, &["siil", "siili", "siilid", "siilide"]),
            (
                Lang::Hr,
                &["jež", "ježa", "ježeva", "ježevi", "ježovi", "ježem"],
            ),
            (Lang::Hr, &["vrt", "vrtovi", "vrtova", "vrtovima"]),
            (Lang::Sk, &["jež", "ježa", "ježov", "ježom", "ježoch"]),
            (Lang::Sk, &["mestská", "mestskej", "mestskom"]),
        ];
        for (lang, forms) in groups {
            let first = stem(lang, forms[0]);
            for form in &forms[1..] {
                assert_eq!(stem(lang, form), first, "{lang}: {} / {form}", forms[0]);
            }
        }
    }

    #[test]
    fn und_is_not_stemmed() {
        assert_eq!(stem(Lang::Und, "processing"), "processing");
    }
}
