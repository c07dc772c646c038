//! Endings trimmed from a Snowball stem where the algorithm stops short of the stem that
//! the other forms of a word reach.
//!
//! Estonian Snowball keeps a base form's final vowel that case endings drop (`siili` vs
//! `siil`); the Serbian rules used for Croatian keep the plural infix of short nouns
//! (`ježevi`, `vrtovi` vs `jež`, `vrt`); the Czech rules used for Slovak do not know the
//! Slovak endings `-om`, `-och` and `-ej` (`ježom`, `ježoch`, `mestskej`). Each trim returns a
//! prefix of its stem, so the stemmer can cut its output in place without allocating.

/// Letters a trimmed stem keeps at least: shorter stems stay as Snowball left them.
const MIN_STEM_CHARS: usize = 3;

/// `stem` without `suffix` when it ends so and keeps [`MIN_STEM_CHARS`] letters.
fn without<'a>(stem: &'a str, suffix: &str) -> Option<&'a str> {
    stem.strip_suffix(suffix)
        .filter(|rest| rest.chars().count() >= MIN_STEM_CHARS)
}

/// `stem` without one final vowel (`a`, `e`, `i`, `o`, `u`, accented or not), when long
/// enough.
fn without_final_vowel(stem: &str) -> Option<&str> {
    let last = stem.chars().next_back()?;
    let vowel = matches!(
        last,
        'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ä' | 'õ' | 'ö' | 'ü'
    );
    vowel
        .then(|| without(stem, last.encode_utf8(&mut [0; 4])))
        .flatten()
}

/// An Estonian stem without its final vowel: `siili` (`siili`, `siilid`, `siilide`) meets
/// `siil`.
pub fn estonian(stem: &str) -> &str {
    without_final_vowel(stem).unwrap_or(stem)
}

/// A Croatian stem without a final vowel and without the plural infix `-ov-`/`-ev-` of
/// short nouns: `jezev` (`ježevi`, `ježeva`), `jezov` (`ježovi`) and `jeze` (`ježem`) meet
/// `jez` (`jež`, `ježa`), `vrtov` meets `vrt`.
pub fn croatian(stem: &str) -> &str {
    without_plural_infix(without_final_vowel(stem).unwrap_or(stem))
}

/// `stem` without the `-ov-`/`-ev-` that Croatian short masculine nouns insert in the
/// plural (`vrtovi`, `ježevi`), when long enough (Slovene has its own rule, in `slovene.rs`).
fn without_plural_infix(stem: &str) -> &str {
    without(stem, "ov")
        .or_else(|| without(stem, "ev"))
        .unwrap_or(stem)
}

/// A Slovak stem without the endings Czech lacks: `-och` (locative plural), `-om`
/// (instrumental and locative singular) and `-ej` (feminine adjectives): `ježom`, `ježoch`
/// meet `jež`, `mestskej` meets `mestská`.
pub fn slovak(stem: &str) -> &str {
    ["och", "om", "ej"]
        .iter()
        .find_map(|suffix| without(stem, suffix))
        .unwrap_or(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estonian_drops_a_final_vowel_of_a_long_enough_stem() {
        assert_eq!(estonian("siili"), "siil");
        assert_eq!(estonian("siil"), "siil");
        assert_eq!(estonian("ja"), "ja");
    }

    #[test]
    fn croatian_drops_the_plural_infix() {
        assert_eq!(croatian("jezev"), "jez");
        assert_eq!(croatian("jezov"), "jez");
        assert_eq!(croatian("jeze"), "jez");
        assert_eq!(croatian("vrtov"), "vrt");
        assert_eq!(croatian("krov"), "krov");
    }

    #[test]
    fn slovak_drops_its_own_endings() {
        assert_eq!(slovak("jezom"), "jez");
        assert_eq!(slovak("jezoch"), "jez");
        assert_eq!(slovak("mestskej"), "mestsk");
        assert_eq!(slovak("dom"), "dom");
    }
}
