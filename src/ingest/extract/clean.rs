//! Text hygiene shared by every extractor: decoding bytes to text and normalising whitespace.
//!
//! Real files declare wrong charsets (old EUR-Lex pages say `UNICODE-1-1-UTF-8`), carry BOMs,
//! NUL bytes, no-break spaces and combining accents; everything that leaves an extractor has
//! been through [`decode`] and [`normalize`].

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::ExtractError;
use crate::model::{Date, DateSpan};

/// Decodes file bytes to text.
///
/// Valid UTF-8 wins over any declaration (declarations lie more often than bytes do); a BOM
/// decides between UTF-8 and UTF-16; otherwise the declared charset is used when
/// encoding_rs knows it, and windows-1252 (a superset of latin-1) as the last resort.
/// Mostly-binary content is refused. Valid UTF-8 without a BOM is borrowed, not copied (a
/// 100 MB page is held once).
pub fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Result<Cow<'a, str>, ExtractError> {
    let text = decode_lossless(bytes, declared);
    if looks_binary(&text) {
        return Err(ExtractError::Encoding(
            "binary data, not text (too many control characters)".into(),
        ));
    }
    Ok(text)
}

fn decode_lossless<'a>(bytes: &'a [u8], declared: Option<&str>) -> Cow<'a, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return UTF_16LE.decode_without_bom_handling(rest).0;
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return UTF_16BE.decode_without_bom_handling(rest).0;
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0
}

/// True when more than a tenth of the first 64 KiB are control characters other than
/// whitespace: a binary file with a text extension.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(64 * 1024).collect();
    if sample.is_empty() {
        return false;
    }
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    sample.len() >= MIN_BINARY_SAMPLE && controls * 10 > sample.len()
}

/// Below this many characters a few stray control characters do not make a file binary.
const MIN_BINARY_SAMPLE: usize = 64;

/// Normalises one block of text: NFC (after NFKC for ligatures and compatibility forms
/// when `compat`), control characters dropped, every run of whitespace (including no-break
/// and zero-width spaces) collapsed to one space, trimmed.
pub fn normalize(text: &str) -> String {
    // Most text is already NFC; checking is several times cheaper than recomposing.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        collapse_spaces_in(text)
    } else {
        let mut out = Collapsed::with_capacity(text.len());
        text.nfc().for_each(|c| out.push(c));
        out.text
    }
}

/// [`Collapsed`] text of `text`, copying each run of printable ASCII at once.
fn collapse_spaces_in(text: &str) -> String {
    let mut out = Collapsed::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .position(|b| !b.is_ascii_graphic())
            .unwrap_or(bytes.len() - at);
        if run > 0 {
            out.push_str(&text[at..at + run]);
            at += run;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        out.push(c);
        at += c.len_utf8();
    }
    out.text
}

/// Text being built without control and invisible characters, its whitespace runs
/// collapsed to one space, trimmed.
struct Collapsed {
    text: String,
    pending_space: bool,
}

impl Collapsed {
    fn with_capacity(capacity: usize) -> Collapsed {
        Collapsed {
            text: String::with_capacity(capacity),
            pending_space: false,
        }
    }

    fn push(&mut self, c: char) {
        if is_space(c) {
            self.pending_space = !self.text.is_empty();
        } else if !c.is_control() && !is_invisible(c) {
            self.space_if_pending();
            self.text.push(c);
        }
    }

    /// Appends `run`, which holds no space, control or invisible character.
    fn push_str(&mut self, run: &str) {
        self.space_if_pending();
        self.text.push_str(run);
    }

    fn space_if_pending(&mut self) {
        if self.pending_space {
            self.text.push(' ');
            self.pending_space = false;
        }
    }
}

/// [`normalize`] after NFKC: ligatures (`ﬁ`) and compatibility forms become plain letters.
/// Used for PDF text.
pub fn normalize_compat(text: &str) -> String {
    let compat: String = text.nfkc().collect();
    normalize(&compat)
}

/// The first day of a date written in metadata (front matter, crawl records, web pages): `2023` →
/// 2023-01-01, `2021-03` → 2021-03-01, and a time or zone after the day is ignored
/// (`2024-03-02T23:30:00+01:00` → 2024-03-02: the written local date).
pub fn written_date(text: &str) -> Option<Date> {
    let text = text.trim().split(['T', ' ']).next().unwrap_or_default();
    let day = text.get(..10).unwrap_or(text);
    day.parse::<DateSpan>().ok().map(|span| span.first)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Format characters that carry no text: soft hyphens and bidi controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn normalize_keeps_every_visible_character_and_one_space_per_run(
            text in "[a-z .,\t\n\u{0}-\u{1f}\u{7f}\u{a0}\u{ad}\u{200b}\u{202a}é\u{301}ß€ ]{0,60}"
        ) {
            let composed: String = text.nfc().collect();
            let words: Vec<String> = composed
                .split(is_space)
                .map(|w| w.chars().filter(|c| !c.is_control() && !is_invisible(*c)).collect::<String>())
                .filter(|w: &String| !w.is_empty())
                .collect();
            prop_assert_eq!(normalize(&text), words.join(" "));
        }
    }

    #[test]
    fn decomposed_text_is_composed_and_spaces_collapse() {
        assert_eq!(
            normalize("  donne\u{301}es\u{00A0}\u{200B} a\tb \u{0007}"),
            "données a b"
        );
        assert_eq!(normalize("déjà  vu"), "déjà vu");
    }

    #[test]
    fn utf8_wins_over_a_wrong_declaration() {
        let bytes = "données".as_bytes();
        assert_eq!(decode(bytes, Some("UNICODE-1-1-UTF-8")).unwrap(), "données");
        assert_eq!(decode(bytes, Some("iso-8859-1")).unwrap(), "données");
    }

    #[test]
    fn latin1_bytes_decode_as_windows_1252() {
        let bytes = b"donn\xe9es";
        assert_eq!(decode(bytes, Some("utf-8")).unwrap(), "données");
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Artikel 6".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, None).unwrap(), "Artikel 6");
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i % 7) as u8).collect();
        assert!(decode(&bytes, None).is_err());
    }

    #[test]
    fn whitespace_collapses_and_controls_vanish() {
        assert_eq!(
            normalize("  4.5.2016\u{a0}\u{a0} L\u{0} 119\n\t/1 "),
            "4.5.2016 L 119 /1"
        );
        assert_eq!(normalize("e\u{301}te\u{301}"), "été");
    }

    #[test]
    fn written_dates_stand_for_their_first_day() {
        assert_eq!(written_date("2023"), Date::new(2023, 1, 1));
        assert_eq!(written_date("2021-03"), Date::new(2021, 3, 1));
        assert_eq!(
            written_date("2024-03-02T23:30:00+01:00"),
            Date::new(2024, 3, 2)
        );
        assert_eq!(
            written_date("2022-09-01 14:00:00 +0200"),
            Date::new(2022, 9, 1)
        );
        assert_eq!(written_date("last year"), None);
        assert_eq!(written_date("2023-1"), None);
    }

    #[test]
    fn compat_folds_ligatures() {
        assert_eq!(normalize_compat("ﬁnal ﬂow"), "final flow");
    }
}
