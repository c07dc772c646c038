//! Labels that number paragraphs and points: `1.`, `(1)`, `1)`, `(a)`, `a)`, `(iv)`, `α)`,
//! `а)`, and the dashes of indents.
//!
//! A label is written in its language's script; its id is the Latin letter or the number of
//! its position (`α)` → `a`, `στ)` → `f`, `а)` → `a`, `ii)` → `ii`), so the same point has
//! the same id in every language.

use std::sync::LazyLock;

use regex::Regex;

/// How a label is punctuated; a paragraph style is one of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `1.`, and the Hungarian sub-points `i.`, `ii.`
    Dot,
    /// `(1)`, `(a)`
    Paren,
    /// `1)`, `a)`
    Right,
}

/// What a label counts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// Arabic numbers.
    Number(u32, Style),
    /// Letters of any script, as their Latin id (`a`, `f`, `aa`).
    Letter(String, Style),
    /// Roman numerals, lowercased (`iv`).
    Roman(String, Style),
    /// An indent dash: not numbered.
    Dash,
}

impl Label {
    /// The id part this label gives a point (`a`, `iv`, `11`).
    pub fn id_part(&self) -> Option<String> {
        match self {
            Label::Number(n, _) => Some(n.to_string()),
            Label::Letter(s, _) | Label::Roman(s, _) => Some(s.clone()),
            Label::Dash => None,
        }
    }

    /// A label of the same kind and punctuation with the id `id` (`(c)` for `c` after `(a)`).
    pub fn with_id(&self, id: &str) -> Option<Label> {
        match self {
            Label::Number(_, style) => Some(Label::Number(id.parse().ok()?, *style)),
            Label::Letter(_, style) => Some(Label::Letter(id.to_string(), *style)),
            Label::Roman(_, style) => Some(Label::Roman(id.to_string(), *style)),
            Label::Dash => None,
        }
    }

    /// Labels of the same kind and punctuation belong to the same list.
    pub fn same_list(&self, other: &Label) -> bool {
        match (self, other) {
            (Label::Number(_, a), Label::Number(_, b)) => a == b,
            (Label::Letter(_, a), Label::Letter(_, b)) => a == b,
            (Label::Roman(_, a), Label::Roman(_, b)) => a == b,
            (Label::Dash, Label::Dash) => true,
            _ => false,
        }
    }
}

/// The Latin letters a point label is written with: one or two letters (`a`, `aa`), or a
/// roman numeral of three letters or more (`iii`, `viii`, `xxxviii`), which [`parse`] only
/// accepts when it is a real numeral. Other patterns that find labels build on this one.
pub const LATIN_LABEL: &str = "[a-z]{1,2}|[ivx]{3,7}";

impl Label {
    /// True when this label comes right after `previous` in the same list: `3)` after `2)`,
    /// `(c)` after `(b)`, `v)` after `iv)` (a `v` after a roman numeral is five).
    pub fn follows(&self, previous: &Label) -> bool {
        if !self.same_style(previous) {
            return false;
        }
        if let (Label::Number(n, _), Label::Number(before, _)) = (self, previous) {
            return *n == before + 1;
        }
        let (Some(id), Some(before)) = (self.id_part(), previous.id_part()) else {
            return false;
        };
        is_next_roman(&id, &before) || is_next_letter(&id, &before)
    }

    /// Both labels are punctuated alike, and both count with numbers or both with letters.
    fn same_style(&self, other: &Label) -> bool {
        match (self, other) {
            (Label::Number(_, a), Label::Number(_, b)) => a == b,
            (
                Label::Letter(_, a) | Label::Roman(_, a),
                Label::Letter(_, b) | Label::Roman(_, b),
            ) => a == b,
            _ => false,
        }
    }
}

/// True when `id` is the roman numeral right after `before` (`iv` after `iii`).
pub fn is_next_roman(id: &str, before: &str) -> bool {
    let next = roman_value(before).map(|n| n + 1);
    next.is_some() && next == roman_value(id)
}

/// True when `id` is the one letter right after the one letter `before` (`i` after `h`).
pub fn is_next_letter(id: &str, before: &str) -> bool {
    let next = single_letter(before).and_then(|c| char::from_u32(c as u32 + 1));
    next.is_some() && next == single_letter(id)
}

/// The letter of a one-letter id.
fn single_letter(id: &str) -> Option<char> {
    let mut chars = id.chars();
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)^(?:
            \(\s?(?P<pn>\d{{1,3}})\s?\)                       # (1)
          | (?P<dn>\d{{1,3}})\.(?P<after>\s+|\p{{Lu}}|[„“‘«\x22'])   # 1.  or 1.This
          | (?P<rn>\d{{1,3}})\)                               # 1)
          | (?P<dr>[ivx]{{1,7}})\.(?:\s+|$)                   # i.  ii.  (Hungarian sub-points)
          | \(\s?(?P<pl>{LATIN_LABEL}|\p{{Greek}}{{1,2}}|\p{{Cyrillic}}{{1,2}})\s?\)   # (a) (iii) (α) (а)
          | (?P<rl>{LATIN_LABEL}|\p{{Greek}}{{1,2}}|\p{{Cyrillic}}{{1,2}})\)           # a) iii) α) а)
          | (?P<dash>[—–-])\s
        )\s*"
    ))
    .expect("literal regex")
});

/// The label at the start of `text`, and the text after it.
pub fn parse(text: &str) -> Option<(Label, &str)> {
    let caps = LABEL.captures(text)?;
    // `1.This`: the letter after the dot belongs to the text, not to the label.
    let end = match caps.name("after") {
        Some(after) if !after.as_str().starts_with(char::is_whitespace) => after.start(),
        _ => caps.get(0)?.end(),
    };
    let rest = text.get(end..)?.trim_start();
    let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let label = if let Some(n) = number("pn") {
        Label::Number(n, Style::Paren)
    } else if let Some(n) = number("dn") {
        Label::Number(n, Style::Dot)
    } else if let Some(n) = number("rn") {
        Label::Number(n, Style::Right)
    } else if let Some(m) = caps.name("dr") {
        dotted_roman(m.as_str())?
    } else if let Some(m) = caps.name("pl") {
        letter_label(m.as_str(), Style::Paren)?
    } else if let Some(m) = caps.name("rl") {
        letter_label(m.as_str(), Style::Right)?
    } else {
        Label::Dash
    };
    Some((label, rest))
}

/// `i.`, `ii.`, `iv.`: Hungarian numbers the sub-points of a point `a)` with roman numerals
/// and a dot. Only a real numeral counts (`iv.`, not `iiii.`); no letter list is written with a
/// dot, so `i`, `v` and `x` are numerals here.
fn dotted_roman(raw: &str) -> Option<Label> {
    is_roman(raw).then(|| Label::Roman(raw.to_string(), Style::Dot))
}

/// A letter label: Latin, roman numeral, Greek numeral or Cyrillic letter.
fn letter_label(raw: &str, style: Style) -> Option<Label> {
    let lower = raw.to_lowercase();
    // The pattern admits any run of `i`, `v`, `x`, `l` past two letters: only numerals count.
    if lower.len() > 2 && lower.is_ascii() && !is_roman(&lower) {
        return None;
    }
    if is_roman(&lower)
        && lower != "i"
        && lower != "v"
        && lower != "x"
        && lower != "l"
        && lower != "c"
    {
        return Some(Label::Roman(lower, style));
    }
    if lower.chars().all(|c| c.is_ascii_lowercase()) {
        return Some(Label::Letter(lower, style));
    }
    let position = greek_numeral(&lower).or_else(|| cyrillic_position(&lower))?;
    Some(Label::Letter(latin_letters(position), style))
}

/// True for a lowercase roman numeral up to 39 (`i` … `xxxix`).
pub fn is_roman(s: &str) -> bool {
    roman_value(s).is_some()
}

/// The value of a lowercase roman numeral from 1 to 39.
pub fn roman_value(s: &str) -> Option<u32> {
    const ROMANS: [&str; 40] = [
        "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
        "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv",
        "xxvi", "xxvii", "xxviii", "xxix", "xxx", "xxxi", "xxxii", "xxxiii", "xxxiv", "xxxv",
        "xxxvi", "xxxvii", "xxxviii", "xxxix",
    ];
    ROMANS
        .iter()
        .position(|r| !r.is_empty() && *r == s)
        .map(|p| p as u32)
}

/// The lowercase roman numeral of `n` (1 to 39), for position-based point ids.
pub fn roman(n: u32) -> String {
    let tens = "x".repeat((n / 10) as usize);
    const UNITS: [&str; 10] = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    format!(
        "{tens}{}",
        UNITS.get((n % 10) as usize).copied().unwrap_or("")
    )
}

/// The Latin letter id of position `n` (1 → `a`, 26 → `z`, 27 → `aa`).
pub fn latin_letters(n: u32) -> String {
    let n = n.max(1);
    let letter = |i: u32| char::from(b'a' + ((i - 1) % 26) as u8);
    if n <= 26 {
        letter(n).to_string()
    } else {
        let first = letter((n - 1) / 26);
        format!("{first}{}", letter(n))
    }
}

/// The value of a Greek numeral as used to number points: α=1 … ε=5, στ=6, ζ=7 … ι=10,
/// ια=11, κ=20, κα=21.
pub fn greek_numeral(s: &str) -> Option<u32> {
    const UNITS: [&str; 9] = ["α", "β", "γ", "δ", "ε", "στ", "ζ", "η", "θ"];
    const TENS: [&str; 3] = ["ι", "κ", "λ"];
    let s = s.replace(['ϛ', 'ς'], "στ");
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|p| p as u32 + 1);
    if let Some(value) = unit(&s) {
        return Some(value);
    }
    for (i, ten) in TENS.iter().enumerate() {
        let base = (i as u32 + 1) * 10;
        if s == *ten {
            return Some(base);
        }
        if let Some(rest) = s.strip_prefix(ten) {
            return unit(rest).map(|u| base + u);
        }
    }
    None
}

/// The position of a Bulgarian letter in the alphabet used to number points.
pub fn cyrillic_position(s: &str) -> Option<u32> {
    const ALPHABET: &str = "абвгдежзийклмнопрстуфхцчшщъьюя";
    let mut chars = s.chars();
    let first = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    ALPHABET
        .chars()
        .position(|c| c == first)
        .map(|p| p as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(text: &str) -> Option<Label> {
        parse(text).map(|(l, _)| l)
    }

    #[test]
    fn numbers_in_three_styles() {
        assert_eq!(
            label("1.   Processing shall"),
            Some(Label::Number(1, Style::Dot))
        );
        assert_eq!(
            label("1.This Regulation"),
            Some(Label::Number(1, Style::Dot))
        );
        assert_eq!(
            label("(12) The protection"),
            Some(Label::Number(12, Style::Paren))
        );
        assert_eq!(label("3) „dane”"), Some(Label::Number(3, Style::Right)));
        assert_eq!(label("2016. április"), None);
        assert_eq!(label("3.5 million"), None);
    }

    #[test]
    fn letters_of_every_script_map_to_latin() {
        assert_eq!(
            label("(a) the data"),
            Some(Label::Letter("a".into(), Style::Paren))
        );
        assert_eq!(
            label("b) de betrokkene"),
            Some(Label::Letter("b".into(), Style::Right))
        );
        assert_eq!(
            label("στ) η"),
            Some(Label::Letter("f".into(), Style::Right))
        );
        assert_eq!(
            label("ια) x"),
            Some(Label::Letter("k".into(), Style::Right))
        );
        assert_eq!(
            label("в) съгласие"),
            Some(Label::Letter("c".into(), Style::Right))
        );
    }

    #[test]
    fn romans_and_dashes() {
        assert_eq!(
            label("(iv) where"),
            Some(Label::Roman("iv".into(), Style::Paren))
        );
        assert_eq!(
            label("(i) where"),
            Some(Label::Letter("i".into(), Style::Paren))
        );
        assert_eq!(
            label("(iii) a 'hosting' service"),
            Some(Label::Roman("iii".into(), Style::Paren))
        );
        assert_eq!(
            label("viii) het beleid"),
            Some(Label::Roman("viii".into(), Style::Right))
        );
        assert_eq!(
            label("(xxxviii) last"),
            Some(Label::Roman("xxxviii".into(), Style::Paren))
        );
        assert_eq!(label("(iiii) not a numeral"), None);
        assert_eq!(label("vi. x"), Some(Label::Roman("vi".into(), Style::Dot)));
        assert_eq!(label("iiii. x"), None);
        assert_eq!(label("(abc) not a label"), None);
        assert_eq!(label("— copyright"), Some(Label::Dash));
        assert!(label("Article 6").is_none());
    }

    #[test]
    fn hungarian_sub_points_are_dotted_romans() {
        assert_eq!(
            label("i. egy rámpát;"),
            Some(Label::Roman("i".into(), Style::Dot))
        );
        assert_eq!(
            label("ii. köveket;"),
            Some(Label::Roman("ii".into(), Style::Dot))
        );
        assert_eq!(
            parse("iv."),
            Some((Label::Roman("iv".into(), Style::Dot), ""))
        );
        assert_eq!(label("i.e. the data"), None);
        assert_eq!(label("a. not a point"), None);
        assert_eq!(label("I. FEJEZET"), None);
        let second = label("ii. x").expect("a label");
        assert!(second.follows(&label("i. x").expect("a label")));
    }

    #[test]
    fn the_next_label_of_a_list_follows_the_previous_one() {
        let follows = |next: &str, previous: &str| {
            let next = label(&format!("{next} x")).expect("a label");
            next.follows(&label(&format!("{previous} x")).expect("a label"))
        };
        assert!(follows("3)", "2)"));
        assert!(follows("c)", "b)"));
        assert!(follows("v)", "iv)"));
        assert!(follows("i)", "h)"));
        assert!(follows("(iii)", "(ii)"));
        assert!(!follows("(3)", "2)"));
        assert!(!follows("d)", "b)"));
        assert!(!follows("3)", "b)"));
    }

    #[test]
    fn position_ids() {
        assert_eq!(latin_letters(1), "a");
        assert_eq!(latin_letters(26), "z");
        assert_eq!(latin_letters(27), "aa");
        assert_eq!(roman(14), "xiv");
        assert_eq!(roman_value("xiv"), Some(14));
    }
}
