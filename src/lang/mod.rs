//! Languages: the 24 official EU languages plus `und`, their detection and their analyzers.
//!
//! This is the one place the language list is spelled. Every other stage refers to a [`Lang`].

pub mod alphabet;
pub mod analyzers;
pub mod detect;
pub mod fold;
pub mod memo;
pub mod starts;
pub mod stem;

use std::fmt;
use std::str::FromStr;

/// One of the 24 official EU languages, or `Und` when the language is undetermined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Bg,
    Cs,
    Da,
    De,
    El,
    En,
    Es,
    Et,
    Fi,
    Fr,
    Ga,
    Hr,
    Hu,
    It,
    Lt,
    Lv,
    Mt,
    Nl,
    Pl,
    Pt,
    Ro,
    Sk,
    Sl,
    Sv,
    Und,
}

/// Every language, the 24 EU languages in code order, then `Und`.
pub const ALL: [Lang; 25] = [
    Lang::Bg,
    Lang::Cs,
    Lang::Da,
    Lang::De,
    Lang::El,
    Lang::En,
    Lang::Es,
    Lang::Et,
    Lang::Fi,
    Lang::Fr,
    Lang::Ga,
    Lang::Hr,
    Lang::Hu,
    Lang::It,
    Lang::Lt,
    Lang::Lv,
    Lang::Mt,
    Lang::Nl,
    Lang::Pl,
    Lang::Pt,
    Lang::Ro,
    Lang::Sk,
    Lang::Sl,
    Lang::Sv,
    Lang::Und,
];

/// The error for a language code that is not one of the 24 EU languages or `und`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown language '{0}': expected one of {codes} or und", codes = codes_list())]
pub struct UnknownLang(pub String);

fn codes_list() -> String {
    ALL.iter()
        .filter(|l| **l != Lang::Und)
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(" ")
}

impl Lang {
    /// The ISO 639-1 code (`und` for undetermined).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::Cs => "cs",
            Lang::Da => "da",
            Lang::De => "de",
            Lang::El => "el",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Et => "et",
            Lang::Fi => "fi",
            Lang::Fr => "fr",
            Lang::Ga => "ga",
            Lang::Hr => "hr",
            Lang::Hu => "hu",
            Lang::It => "it",
            Lang::Lt => "lt",
            Lang::Lv => "lv",
            Lang::Mt => "mt",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Pt => "pt",
            Lang::Ro => "ro",
            Lang::Sk => "sk",
            Lang::Sl => "sl",
            Lang::Sv => "sv",
            Lang::Und => "und",
        }
    }

    /// Position in [`ALL`]; stable, used as a compact fast-field value.
    pub fn index(self) -> usize {
        ALL.iter().position(|l| *l == self).unwrap_or(ALL.len() - 1)
    }

    /// The language at position `index` in [`ALL`], `Und` when out of range.
    pub fn from_index(index: u64) -> Lang {
        usize::try_from(index)
            .ok()
            .and_then(|i| ALL.get(i).copied())
            .unwrap_or(Lang::Und)
    }

    /// Parses a code as found in metadata: case-insensitive, accepting regional
    /// variants (`en-GB`, `pt_PT`) and the three-letter codes EUR-Lex uses (`ENG`, `FRA`).
    pub fn from_metadata(value: &str) -> Option<Lang> {
        let value = value.trim();
        let primary = value
            .split(['-', '_'])
            .next()
            .unwrap_or(value)
            .to_ascii_lowercase();
        if let Ok(lang) = primary.parse::<Lang>() {
            return (lang != Lang::Und).then_some(lang);
        }
        from_iso639_3(&primary)
    }
}

/// Maps the ISO 639-3 / 639-2 codes used by EUR-Lex and whatlang to a [`Lang`].
pub fn from_iso639_3(code: &str) -> Option<Lang> {
    let lang = match code {
        "bul" => Lang::Bg,
        "ces" | "cze" => Lang::Cs,
        "dan" => Lang::Da,
        "deu" | "ger" => Lang::De,
        "ell" | "gre" => Lang::El,
        "eng" => Lang::En,
        "spa" => Lang::Es,
        "est" => Lang::Et,
        "fin" => Lang::Fi,
        "fra" | "fre" => Lang::Fr,
        "gle" => Lang::Ga,
        "hrv" => Lang::Hr,
        "hun" => Lang::Hu,
        "ita" => Lang::It,
        "lit" => Lang::Lt,
        "lav" | "lvs" => Lang::Lv,
        "mlt" => Lang::Mt,
        "nld" | "dut" => Lang::Nl,
        "pol" => Lang::Pl,
        "por" => Lang::Pt,
        "ron" | "rum" => Lang::Ro,
        "slk" | "slo" => Lang::Sk,
        "slv" => Lang::Sl,
        "swe" => Lang::Sv,
        _ => return None,
    };
    Some(lang)
}

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        ALL.iter()
            .copied()
            .find(|l| l.code() == lower)
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A set of languages (which grammar a citation follows, which languages a segment holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangSet(u32);

impl LangSet {
    /// Every language.
    pub const ALL: LangSet = LangSet(u32::MAX);

    /// No language.
    pub const NONE: LangSet = LangSet(0);

    /// Just `lang`.
    pub fn of(lang: Lang) -> LangSet {
        LangSet(1 << lang.index())
    }

    /// Whether `lang` is in the set.
    pub fn contains(self, lang: Lang) -> bool {
        self.0 & (1 << lang.index()) != 0
    }

    /// The languages of both, or `self` when they have none in common (mixed text:
    /// `Article 6 DSGVO`).
    pub fn narrow(self, other: LangSet) -> LangSet {
        let both = self.0 & other.0;
        if both == 0 { self } else { LangSet(both) }
    }

    /// The union of both.
    pub fn with(self, other: LangSet) -> LangSet {
        LangSet(self.0 | other.0)
    }

    /// How many languages the set holds.
    pub fn len(self) -> usize {
        (self.0 & ((1 << ALL.len()) - 1)).count_ones() as usize
    }

    /// Whether the set holds no language.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The languages of the set, in [`ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Lang> {
        ALL.into_iter().filter(move |lang| self.contains(*lang))
    }

    /// The one language of the set, if it has exactly one.
    pub fn single(self) -> Option<Lang> {
        (self.0.count_ones() == 1).then(|| Lang::from_index(u64::from(self.0.trailing_zeros())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in ALL {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
            assert_eq!(Lang::from_index(lang.index() as u64), lang);
        }
    }

    #[test]
    fn metadata_codes_accept_variants() {
        assert_eq!(Lang::from_metadata("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_metadata("FRA"), Some(Lang::Fr));
        assert_eq!(Lang::from_metadata("pt_PT"), Some(Lang::Pt));
        assert_eq!(Lang::from_metadata("xx"), None);
        assert_eq!(Lang::from_metadata("und"), None);
    }

    #[test]
    fn unknown_code_is_an_error_naming_it() {
        let err = "zz".parse::<Lang>().unwrap_err();
        assert!(err.to_string().starts_with("unknown language 'zz'"));
    }
}
