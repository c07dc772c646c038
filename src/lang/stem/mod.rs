//! Stemmers for all 24 EU languages.
//!
//! Snowball (through `frostem`) covers 18 of them; Croatian uses the Serbian rules and Slovak
//! the Czech ones (close relatives). Bulgarian, Latvian, Slovenian and Maltese have no
//! Snowball stemmer: they get light suffix strippers written here from published algorithms.
//! Input is one lowercased word; output its stem.

pub mod bulgarian;
pub mod latvian;
pub mod maltese;
pub mod slovene;

use std::borrow::Cow;

use frostem::{Algorithm, Stemmer};

use super::Lang;

/// How one language's words are stemmed.
#[derive(Clone, Copy)]
pub enum LangStemmer {
    /// A Snowball algorithm.
    Snowball(Stemmer),
    /// A light stemmer implemented in this crate.
    Light(fn(&str) -> String),
    /// No stemming (`und`).
    None,
}

impl LangStemmer {
    /// The stemmer for `lang`.
    pub fn for_lang(lang: Lang) -> LangStemmer {
        let snowball = |algorithm| LangStemmer::Snowball(Stemmer::new(algorithm));
        match lang {
            Lang::Bg => LangStemmer::Light(bulgarian::stem),
            Lang::Cs | Lang::Sk => snowball(Algorithm::Czech),
            Lang::Da => snowball(Algorithm::Danish),
            Lang::De => snowball(Algorithm::German),
            Lang::El => snowball(Algorithm::Greek),
            Lang::En => snowball(Algorithm::English),
            Lang::Es => snowball(Algorithm::Spanish),
            Lang::Et => snowball(Algorithm::Estonian),
            Lang::Fi => snowball(Algorithm::Finnish),
            Lang::Fr => snowball(Algorithm::French),
            Lang::Ga => snowball(Algorithm::Irish),
            Lang::Hr => snowball(Algorithm::Serbian),
            Lang::Hu => snowball(Algorithm::Hungarian),
            Lang::It => snowball(Algorithm::Italian),
            Lang::Lt => snowball(Algorithm::Lithuanian),
            Lang::Lv => LangStemmer::Light(latvian::stem),
            Lang::Mt => LangStemmer::Light(maltese::stem),
            Lang::Nl => snowball(Algorithm::Dutch),
            Lang::Pl => snowball(Algorithm::Polish),
            Lang::Pt => snowball(Algorithm::Portuguese),
            Lang::Ro => snowball(Algorithm::Romanian),
            Lang::Sl => LangStemmer::Light(slovene::stem),
            Lang::Sv => snowball(Algorithm::Swedish),
            Lang::Und => LangStemmer::None,
        }
    }

    /// The stem of one lowercased word.
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match self {
            LangStemmer::Snowball(stemmer) => stemmer.stem(word),
            LangStemmer::Light(stem) => Cow::Owned(stem(word)),
            LangStemmer::None => Cow::Borrowed(word),
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
    fn und_is_not_stemmed() {
        assert_eq!(stem(Lang::Und, "processing"), "processing");
    }
}
