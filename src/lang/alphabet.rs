//! The letters each language writes beyond the plain Latin ones: a word with a letter its
//! language never writes (Lithuanian `ų` in a Latvian text) is no word of that language.

use super::Lang;

/// The lowercase letters beyond `a`–`z` each language writes, indexed like [`super::ALL`];
/// Bulgarian and Greek write their own scripts, checked apart.
#[rustfmt::skip]
const EXTRA_LETTERS: [&str; 25] = [
    "", "áčďéěíňóřšťúůýž", "æøåé", "äöüß", "", "", "áéíñóúü", "äöõüšž", "äöåšž",
    "àâæçéèêëîïôœùûüÿ", "áéíóú", "čćđšž", "áéíóöőúüű", "àèéìíîòóùú", "ąčęėįšųūž",
    "āčēģīķļņšūž", "ċġħżàèìòù", "áéíóúëïöüè", "ąćęłńóśźż", "áâãàçéêíóôõú", "ăâîșşțţ",
    "áäčďéíĺľňóôŕšťúýž", "čšžćđ", "åäöé", "",
];

/// Whether `lang` writes every letter of `word` (digits and marks pass; `und` writes all).
pub fn writes(lang: Lang, word: &str) -> bool {
    word.chars()
        .flat_map(char::to_lowercase)
        .all(|c| writes_letter(lang, c))
}

/// Whether `lang` writes the lowercase letter `c`.
fn writes_letter(lang: Lang, c: char) -> bool {
    if c.is_ascii() || !c.is_alphabetic() {
        return true;
    }
    match lang {
        Lang::Und => true,
        Lang::Bg => ('\u{400}'..='\u{4ff}').contains(&c),
        Lang::El => ('\u{370}'..='\u{3ff}').contains(&c) || ('\u{1f00}'..='\u{1fff}').contains(&c),
        _ => EXTRA_LETTERS
            .get(lang.index())
            .is_some_and(|letters| letters.contains(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_letters_only() {
        assert!(writes(Lang::Lt, "ežių"));
        assert!(!writes(Lang::Lv, "ežių"));
        assert!(writes(Lang::Lv, "Ežus"));
        assert!(writes(Lang::Lv, "eziu"));
        assert!(writes(Lang::Bg, "регламент"));
        assert!(!writes(Lang::Bg, "ежове€ü"));
        assert!(writes(Lang::Und, "ħ"));
        assert!(writes(Lang::Sk, "mestskej"));
    }
}
