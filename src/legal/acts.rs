//! The table of acts: CELEX numbers, short titles, Official Journal references and popular
//! names, read from `corpus/acts.tsv` (compiled in).
//!
//! The citation parser uses it to turn `GDPR`, `DSGVO`, `the interim Regulation` or
//! `OJ L 119, 4.5.2016, p. 1` into a CELEX number; the CLI and the search use it for titles.
//!
//! # The file
//! One act per line, seven tab-separated columns; lines starting with `#` are comments.
//!
//! | column | example | meaning |
//! |---|---|---|
//! | celex | `32016R0679` | the act's CELEX number (its `doc_id`) |
//! | type | `regulation` | one of [`ACT_TYPES`] |
//! | year | `2016` | year of the act's number, empty when it has none |
//! | number | `679` | number within the year, empty when it has none |
//! | oj | `L 119, 4.5.2016, p. 1` | OJ references separated by `;`: `SERIES NUMBER, D.M.YYYY, p. PAGE`, or `SERIES YYYY/NNNN, D.M.YYYY` for acts published one by one (since October 2023) |
//! | title | `General Data Protection Regulation` | English short title |
//! | names | `en:GDPR \| de:DSGVO` | popular names separated by ` \| `, each `LANG:NAME` (`*` for any language); a name starting with `~` is *weak*: a generic word (`Charter`) that names the act only when a unit of it is cited (`Article 8 of the Charter`) |

use std::sync::LazyLock;

use crate::lang::Lang;
use crate::lang::fold::fold;

/// The values the type column may take.
pub const ACT_TYPES: [&str; 9] = [
    "regulation",
    "directive",
    "decision",
    "framework-decision",
    "joint-action",
    "proposal",
    "treaty",
    "charter",
    "other",
];

/// The table, as compiled in.
const TABLE: &str = include_str!("../../corpus/acts.tsv");

/// One act of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Act {
    /// CELEX number.
    pub celex: &'static str,
    /// One of [`ACT_TYPES`].
    pub kind: &'static str,
    /// Year of the act's number.
    pub year: Option<u32>,
    /// Number within the year.
    pub number: Option<u32>,
    /// Where the Official Journal published it.
    pub oj: Vec<OjRef>,
    /// English short title.
    pub title: &'static str,
    /// Popular names and abbreviations.
    pub names: Vec<Name>,
}

/// An Official Journal reference: `OJ L 119, 4.5.2016, p. 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OjRef {
    /// Series: `L`, `C`, `LI`, `CA`…
    pub series: &'static str,
    /// Issue number, or the act's number for acts published one by one (`L 2024/1689`).
    pub number: u32,
    /// Year of publication.
    pub year: u32,
    /// First page, `None` for acts published one by one.
    pub page: Option<u32>,
}

/// A popular name of an act in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// The language it is used in, `None` for any.
    pub lang: Option<Lang>,
    /// The name as written (`DSGVO`, `the interim Regulation` without the article).
    pub text: &'static str,
    /// A generic word that names the act only in a unit citation (`Article 8 of the Charter`).
    pub weak: bool,
}

static ACTS: LazyLock<Vec<Act>> = LazyLock::new(|| parse_table(TABLE).0);

/// Every act of the table, in file order.
pub fn all() -> &'static [Act] {
    &ACTS
}

/// The act with this CELEX number.
pub fn get(celex: &str) -> Option<&'static Act> {
    ACTS.iter().find(|act| act.celex == celex)
}

/// The English short title of an act.
pub fn title(celex: &str) -> Option<&'static str> {
    get(celex).map(|act| act.title)
}

/// The CELEX number a popular name or abbreviation stands for, in any language, ignoring
/// case and accents (`dsgvo`, `Règlement général sur la protection des données`).
pub fn lookup_name(name: &str) -> Option<&'static str> {
    let wanted = fold(name.trim());
    ACTS.iter()
        .find(|act| act.names.iter().any(|n| fold(n.text) == wanted))
        .map(|act| act.celex)
}

/// The act an Official Journal reference points at: series, year, issue (or act) number and
/// first page (`None` for acts published one by one, `OJ L, 2024/1689`).
pub fn lookup_oj(series: &str, year: u32, number: u32, page: Option<u32>) -> Option<&'static str> {
    let matches = |oj: &OjRef| {
        oj.series.eq_ignore_ascii_case(series)
            && oj.year == year
            && oj.number == number
            && oj.page == page
    };
    ACTS.iter()
        .find(|act| act.oj.iter().any(matches))
        .map(|act| act.celex)
}

/// Parses the table: the acts of the well-formed rows, and one message per malformed row.
fn parse_table(text: &'static str) -> (Vec<Act>, Vec<String>) {
    let mut acts = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_row(line) {
            Ok(act) => acts.push(act),
            Err(reason) => errors.push(format!("acts.tsv: line {}: {reason}", index + 1)),
        }
    }
    (acts, errors)
}

fn parse_row(line: &'static str) -> Result<Act, String> {
    let columns: Vec<&'static str> = line.split('\t').collect();
    let [celex, kind, year, number, oj, title, names] = columns[..] else {
        return Err(format!("{} columns instead of 7", columns.len()));
    };
    if !ACT_TYPES.contains(&kind) {
        return Err(format!("unknown type '{kind}'"));
    }
    if title.trim().is_empty() {
        return Err("empty title".into());
    }
    Ok(Act {
        celex: celex.trim(),
        kind,
        year: optional_number(year, "year")?,
        number: optional_number(number, "number")?,
        oj: parse_oj_list(oj)?,
        title: title.trim(),
        names: parse_names(names)?,
    })
}

fn optional_number(text: &str, what: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| format!("bad {what} '{text}'"))
}

fn parse_oj_list(text: &'static str) -> Result<Vec<OjRef>, String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_oj)
        .collect()
}

/// `L 119, 4.5.2016, p. 1` or `L 2024/1689, 12.7.2024`.
fn parse_oj(text: &'static str) -> Result<OjRef, String> {
    let bad = || format!("bad OJ reference '{text}'");
    let parts: Vec<&'static str> = text.split(',').map(str::trim).collect();
    let (series, issue) = parts
        .first()
        .and_then(|p| p.split_once(' '))
        .ok_or_else(bad)?;
    let date_year = parts
        .get(1)
        .and_then(|d| d.rsplit('.').next())
        .and_then(|y| y.parse::<u32>().ok())
        .ok_or_else(bad)?;
    let (year, number, page) = match issue.split_once('/') {
        Some((year, number)) if parts.len() == 2 => (
            year.parse().map_err(|_| bad())?,
            number.parse().map_err(|_| bad())?,
            None,
        ),
        None if parts.len() == 3 => {
            let page = parts
                .get(2)
                .and_then(|p| p.strip_prefix("p. "))
                .and_then(|p| p.parse().ok())
                .ok_or_else(bad)?;
            (date_year, issue.parse().map_err(|_| bad())?, Some(page))
        }
        _ => return Err(bad()),
    };
    Ok(OjRef {
        series,
        number,
        year,
        page,
    })
}

fn parse_names(text: &'static str) -> Result<Vec<Name>, String> {
    text.split(" | ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_name)
        .collect()
}

fn parse_name(item: &'static str) -> Result<Name, String> {
    let (code, name) = item
        .split_once(':')
        .ok_or_else(|| format!("name '{item}' lacks its language"))?;
    let lang = match code {
        "*" => None,
        code => Some(
            Lang::from_metadata(code)
                .ok_or_else(|| format!("unknown language '{code}' in '{item}'"))?,
        ),
    };
    let (text, weak) = match name.strip_prefix('~') {
        Some(rest) => (rest, true),
        None => (name, false),
    };
    if text.trim().is_empty() {
        return Err(format!("empty name in '{item}'"));
    }
    Ok(Name {
        lang,
        text: text.trim(),
        weak,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The CELEX number the type, year and number columns spell, for numbered acts.
    fn expected_celex(act: &Act) -> Option<String> {
        let (year, number) = (act.year?, act.number?);
        let (sector, letters) = match act.kind {
            "regulation" => ('3', "R"),
            "directive" => ('3', "L"),
            "decision" => ('3', "D"),
            "framework-decision" | "joint-action" => ('3', "F"),
            "proposal" => ('5', "PC"),
            _ => return None,
        };
        Some(format!("{sector}{year}{letters}{number:04}"))
    }

    #[test]
    fn every_row_parses() {
        let (acts, errors) = parse_table(TABLE);
        assert!(errors.is_empty(), "{errors:#?}");
        assert!(acts.len() >= 30, "{} acts", acts.len());
        assert_eq!(acts.len(), all().len());
    }

    #[test]
    fn every_celex_agrees_with_its_columns() {
        for act in all() {
            match expected_celex(act) {
                Some(expected) => assert_eq!(act.celex, expected, "{}", act.title),
                None => assert!(
                    act.celex.len() == 10
                        && act.celex.starts_with('1')
                        && act.celex.ends_with("/TXT"),
                    "{}",
                    act.celex
                ),
            }
        }
    }

    #[test]
    fn celex_numbers_are_unique() {
        let mut seen: Vec<&str> = all().iter().map(|a| a.celex).collect();
        seen.sort_unstable();
        let before = seen.len();
        seen.dedup();
        assert_eq!(before, seen.len());
    }

    #[test]
    fn names_are_unique_across_acts() {
        let mut names: Vec<(String, &str)> = all()
            .iter()
            .flat_map(|a| a.names.iter().map(|n| (fold(n.text).into_owned(), a.celex)))
            .collect();
        names.sort();
        names.dedup();
        for pair in names.windows(2) {
            assert_ne!(
                pair[0].0, pair[1].0,
                "{} names {} and {}",
                pair[0].0, pair[0].1, pair[1].1
            );
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            title("32016R0679"),
            Some("General Data Protection Regulation")
        );
        assert_eq!(title("32022R2065"), Some("Digital Services Act"));
        assert_eq!(title("39999R9999"), None);
    }

    #[test]
    fn names_in_many_languages() {
        for (name, celex) in [
            ("GDPR", "32016R0679"),
            ("dsgvo", "32016R0679"),
            ("RGPD", "32016R0679"),
            ("avg", "32016R0679"),
            ("RODO", "32016R0679"),
            ("ΓΚΠΔ", "32016R0679"),
            ("орзд", "32016R0679"),
            (
                "Regolamento generale sulla protezione dei dati",
                "32016R0679",
            ),
            (
                "reglement general sur la protection des donnees",
                "32016R0679",
            ),
            ("dataskyddsförordningen", "32016R0679"),
            ("ePrivacy Directive", "32002L0058"),
            ("EECC", "32018L1972"),
            ("interim regulation", "32021R1232"),
            ("CSA proposal", "52022PC0209"),
            ("Chatkontrolle", "52022PC0209"),
            ("chatcontrole", "52022PC0209"),
            ("DSA", "32022R2065"),
            ("TFEU", "12012E/TXT"),
            ("AEUV", "12012E/TXT"),
        ] {
            assert_eq!(lookup_name(name), Some(celex), "{name}");
        }
        assert_eq!(lookup_name("Regulation"), None);
    }

    #[test]
    fn official_journal_references() {
        assert_eq!(lookup_oj("L", 2016, 119, Some(1)), Some("32016R0679"));
        assert_eq!(lookup_oj("L", 2016, 119, Some(89)), Some("32016L0680"));
        assert_eq!(lookup_oj("L", 2002, 201, Some(37)), Some("32002L0058"));
        assert_eq!(lookup_oj("L", 2024, 1689, None), Some("32024R1689"));
        assert_eq!(lookup_oj("C", 2012, 326, Some(391)), Some("12012P/TXT"));
        assert_eq!(lookup_oj("L", 2017, 119, Some(1)), None);
    }

    #[test]
    fn malformed_rows_are_reported() {
        let (acts, errors) =
            parse_table("32016R0679\tregulation\t2016\t679\tL 119\tGDPR\t\nbad row\n");
        assert!(acts.is_empty());
        assert_eq!(errors.len(), 2, "{errors:?}");
    }
}
