//! The grammar of act references: `Regulation (EU) 2016/679`, `Richtlinie 2002/58/EG`,
//! `Council Regulation (EC) No 6/2002`, `a 2016/679/EU rendelet`, popular names (`GDPR`),
//! Official Journal references, and the act numbers read whole before tokenising: CELEX
//! numbers, ELI URIs and Commission documents (`COM(2022) 209 final`).

use std::sync::LazyLock;

use regex::Regex;

use super::lexer::{Kind, Special, Tokens};
use super::lexicon::{self, Anchor};
use super::words::{ActKind, ActWords, Role, Side};
use crate::lang::LangSet;
use crate::legal::acts;

/// How many tokens an OJ reference may run from its series to its page
/// (`OJ L 119 of 4.5.2016, p. 1` has ten).
const MAX_JOURNAL_TOKENS: usize = 16;

/// What an act reference points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The act with this CELEX number.
    Celex(String),
    /// A generic name (`the Charter`) that names this act only in a unit citation.
    Weak(&'static str),
    /// The act the text is in (`this Regulation`).
    ThisAct,
    /// The unit the text is in (`this Article`).
    ThisUnit,
    /// An act named without its number (`the Directive`): not resolvable.
    Unknown,
    /// A unit of the act with this CELEX number (an ELI URI's `art_6/par_1`).
    Unit(String, String),
}

impl Target {
    /// The act it names, with `this Regulation` the context's act; `None` when unknown.
    pub fn celex(&self, ctx: &super::Context) -> Option<String> {
        match self {
            Target::Celex(celex) | Target::Unit(celex, _) => Some(celex.clone()),
            Target::Weak(celex) => Some(celex.to_string()),
            Target::ThisAct => ctx.celex.map(str::to_string),
            Target::ThisUnit | Target::Unknown => None,
        }
    }
}

/// An act reference and where it ends.
#[derive(Debug, Clone)]
pub struct ActRef {
    /// What it points at.
    pub target: Target,
    /// Index of the token after it.
    pub next: usize,
    /// The languages whose words it used.
    pub langs: LangSet,
}

/// The act reference starting at token `i`.
pub fn act_ref(t: &mut Tokens, i: usize, langs: LangSet) -> Option<ActRef> {
    let token = t.get(i)?;
    if let Kind::Special(index) = token.kind {
        let special = t.special(index)?;
        let target = match &special.unit {
            Some(unit) => Target::Unit(special.celex.clone(), unit.clone()),
            None => Target::Celex(special.celex.clone()),
        };
        return Some(ActRef {
            target,
            next: i + 1,
            langs: LangSet::ALL,
        });
    }
    if t.has_role(i, Role::This) {
        return this_ref(t, i, langs);
    }
    let entries = t.entries(i);
    if let Some(reference) = entries.iter().find_map(|e| name_ref(e.anchor, i)) {
        return Some(reference);
    }
    if entries.iter().any(|e| matches!(e.anchor, Anchor::Journal)) {
        return journal(t, i);
    }
    let words: Vec<&ActWords> = t
        .act_words(i, langs)
        .into_iter()
        .filter(|w| w.side == Side::Before)
        .collect();
    if let Some(first) = words.first() {
        return Some(numbered_act(t, i, first, &words));
    }
    number_first_act(t, i, langs)
}

fn name_ref(anchor: Anchor, i: usize) -> Option<ActRef> {
    let Anchor::Name(act, name) = anchor else {
        return None;
    };
    let target = if name.weak {
        Target::Weak(act.celex)
    } else {
        Target::Celex(act.celex.to_string())
    };
    let langs = name.lang.map_or(LangSet::ALL, LangSet::of);
    Some(ActRef {
        target,
        next: i + 1,
        langs,
    })
}

/// `this Regulation`, `dieser Verordnung`, `e rendelet`, `dan ir-Regolament`, `this
/// Article`; a numbered act after the word is that act (Romanian `din` is `of`, Maltese
/// `din` is `this`).
fn this_ref(t: &mut Tokens, i: usize, langs: LangSet) -> Option<ActRef> {
    let word_at = skip_articles(t, i + 1);
    // `din RGPD`: a popular name after the word is that act.
    if let Some(named) = t
        .entries(word_at)
        .iter()
        .find_map(|e| name_ref(e.anchor, word_at))
    {
        return Some(named);
    }
    let acts = t.act_words(word_at, langs);
    if let Some(word) = acts.first() {
        if word.side == Side::Before {
            let numbered = numbered_act(t, word_at, word, &acts);
            if matches!(numbered.target, Target::Celex(_)) {
                return Some(numbered);
            }
        }
        return Some(ActRef {
            target: Target::ThisAct,
            next: word_at + 1,
            langs: LangSet::of(word.lang),
        });
    }
    let units = t.unit_words(word_at, langs);
    let word = units.first()?;
    Some(ActRef {
        target: Target::ThisUnit,
        next: word_at + 1,
        langs: LangSet::of(word.lang),
    })
}

/// Articles glued by a hyphen or apostrophe (`ir-`, `l'`) before a word.
fn skip_articles(t: &mut Tokens, i: usize) -> usize {
    let glued = |t: &mut Tokens, k: usize| {
        t.get(k + 1)
            .is_some_and(|tok| matches!(tok.kind, Kind::Punct('-' | '\'' | '’')) && !tok.spaced)
    };
    if t.has_role(i, Role::Link) && glued(t, i) {
        i + 2
    } else {
        i
    }
}

/// `Regulation (EU) 2016/679`, `Richtlinie 2002/58/EG`, `Decision No 1247/2002/EC`,
/// `règlement d'exécution (UE) 2019/1`, `Rialachán seo`; an act word without a number is
/// [`Target::Unknown`].
fn numbered_act(t: &mut Tokens, i: usize, first: &ActWords, words: &[&ActWords]) -> ActRef {
    let langs = words.iter().fold(LangSet::of(first.lang), |set, w| {
        set.with(LangSet::of(w.lang))
    });
    let kind = first.kind;
    if t.has_role(i + 1, Role::This) {
        return ActRef {
            target: Target::ThisAct,
            next: i + 2,
            langs,
        };
    }
    let found = (i + 1..=i + 6).find_map(|start| act_number(t, start, kind).map(|n| (start, n)));
    match found {
        Some((start, (celex, next))) if qualifiers_only(t, i + 1, start) => ActRef {
            target: Target::Celex(celex),
            next,
            langs,
        },
        _ => ActRef {
            target: Target::Unknown,
            next: i + 1,
            langs,
        },
    }
}

/// Whether the tokens between an act word and its number only qualify it
/// (`d'exécution`, `délégué`, `(EU)`, the authors in `NAŘÍZENÍ EVROPSKÉHO PARLAMENTU A
/// RADY (EU) 2016/679`), and hold no other anchor or number; `and` only between two of
/// them (`Regulation and (EU) 2016/679` is no act).
fn qualifiers_only(t: &mut Tokens, from: usize, to: usize) -> bool {
    (from..to).all(|k| {
        let qualifier = t
            .get(k)
            .is_some_and(|tok| matches!(tok.kind, Kind::Word | Kind::Punct('\'' | '’' | '-')));
        let joins_two = k > from && k + 1 < to;
        qualifier && (joins_two || !t.has_role(k, Role::List))
    })
}

/// `a 2016/679/EU rendelet`, `az (EU) 2016/679 rendelet`: the number before its act word.
fn number_first_act(t: &mut Tokens, i: usize, langs: LangSet) -> Option<ActRef> {
    let token = t.get(i)?;
    if !matches!(token.kind, Kind::Number(_) | Kind::Punct('(')) {
        return None;
    }
    let (_, next) = act_number(t, i, ActKind::Directive)?;
    let words: Vec<&ActWords> = t
        .act_words(next, langs)
        .into_iter()
        .filter(|w| w.side == Side::After)
        .collect();
    let word = words.first()?;
    let (celex, _) = act_number(t, i, word.kind)?;
    Some(ActRef {
        target: Target::Celex(celex),
        next: next + 1,
        langs: LangSet::of(word.lang),
    })
}

/// `(EU) No 2016/679/EU` from token `i`: the institutions, the number sign and the number;
/// the CELEX it makes for an act of `kind`, and the index after it.
fn act_number(t: &mut Tokens, i: usize, kind: ActKind) -> Option<(String, usize)> {
    let mut next = skip_institutions(t, i);
    let signed = t.has_role(next, Role::NumberSign);
    if signed {
        next = skip_sign_marks(t, next + 1);
    }
    let (first, first_digits) = number_at(t, next)?;
    if !slash_at(t, next + 1) {
        return None;
    }
    let (second, second_digits) = number_at(t, next + 2)?;
    next += 3;
    let suffixed = slash_at(t, next)
        && t.get(next + 1)
            .is_some_and(|tok| matches!(tok.kind, Kind::Word) && !tok.spaced);
    if suffixed {
        next += 2;
    }
    let year_first = match kind {
        ActKind::Regulation => !signed && is_year(first, first_digits),
        _ => !signed,
    };
    let (year, number) = if year_first {
        ((first, first_digits), second)
    } else {
        ((second, second_digits), first)
    };
    let celex = celex_for(kind, year, number)?;
    Some((celex, next))
}

/// `(EU)`, `(EU, Euratom)`, `(ЕС)`.
fn skip_institutions(t: &mut Tokens, i: usize) -> usize {
    if !t
        .get(i)
        .is_some_and(|tok| matches!(tok.kind, Kind::Punct('(')))
    {
        return i;
    }
    for k in i + 1..i + 8 {
        match t.get(k).map(|tok| tok.kind) {
            Some(Kind::Punct(')')) => return k + 1,
            Some(Kind::Word | Kind::Anchor(_) | Kind::Punct(',')) => {}
            _ => return i,
        }
    }
    i
}

/// The `.`, `°` or `º` after `No`, `n`, `Nr`.
fn skip_sign_marks(t: &mut Tokens, i: usize) -> usize {
    let mut next = i;
    while let Some(token) = t.get(next) {
        let mark = match token.kind {
            Kind::Punct(c) => matches!(c, '.' | '°' | 'º'),
            Kind::Word => matches!(t.slice(&token), "º" | "o" | "os"),
            _ => false,
        };
        if !mark || token.spaced || next > i + 2 {
            break;
        }
        next += 1;
    }
    next
}

fn number_at(t: &mut Tokens, i: usize) -> Option<(u32, usize)> {
    let token = t.get(i)?;
    match token.kind {
        Kind::Number(value) => Some((value, token.end - token.start)),
        _ => None,
    }
}

fn slash_at(t: &mut Tokens, i: usize) -> bool {
    t.get(i)
        .is_some_and(|tok| matches!(tok.kind, Kind::Punct('/')) && !tok.spaced)
}

fn is_year(value: u32, digits: usize) -> bool {
    digits == 4 && (1950..=2100).contains(&value)
}

/// `3` + year + type letter + number on four digits; two-digit years are of the 1900s from
/// 50 on (`95/46/EC`), of the 2000s below.
fn celex_for(kind: ActKind, (year, digits): (u32, usize), number: u32) -> Option<String> {
    let year = match digits {
        4 if (1950..=2100).contains(&year) => year,
        2 if year >= 50 => 1900 + year,
        2 => 2000 + year,
        _ => return None,
    };
    (1..=9999)
        .contains(&number)
        .then(|| format!("3{year}{}{number:04}", kind.letter()))
}

/// `OJ L 119, 4.5.2016, p. 1`, `ABl. L 119 vom 4.5.2016, S. 1`, `HL L 119., 2016.5.4., 1. o.`,
/// `OJ L, 2024/1689, 12.7.2024`: the act the table knows at that place.
fn journal(t: &mut Tokens, i: usize) -> Option<ActRef> {
    let series_token = t.get(i + 1)?;
    let series = t.slice(&series_token);
    let is_series = matches!(series_token.kind, Kind::Word)
        && series.len() <= 2
        && series.chars().all(|c| c.is_ascii_uppercase());
    if !is_series {
        return None;
    }
    let mut next = i + 2;
    if matches!(t.get(next).map(|tok| tok.kind), Some(Kind::Punct(','))) {
        next += 1;
    }
    let (issue, _) = number_at(t, next)?;
    if slash_at(t, next + 1) {
        let (number, _) = number_at(t, next + 2)?;
        let celex = acts::lookup_oj(series, issue, number, None)?;
        return Some(ActRef {
            target: Target::Celex(celex.to_string()),
            next: next + 3,
            langs: LangSet::ALL,
        });
    }
    let (year, page, end) = year_and_page(t, next + 1)?;
    let celex = acts::lookup_oj(series, year, issue, Some(page))?;
    Some(ActRef {
        target: Target::Celex(celex.to_string()),
        next: end,
        langs: LangSet::ALL,
    })
}

/// The year of the date and the page that follow an OJ issue number, and the index after
/// the page.
fn year_and_page(t: &mut Tokens, i: usize) -> Option<(u32, u32, usize)> {
    let mut year = None;
    for k in i..i + MAX_JOURNAL_TOKENS {
        let token = t.get(k)?;
        match token.kind {
            Kind::Number(value) if year.is_none() && is_year(value, token.end - token.start) => {
                year = Some(value)
            }
            Kind::Number(value) if year.is_some() && is_page_number(t, k) => {
                return Some((year?, value, k + 1));
            }
            Kind::Word | Kind::Anchor(_) if year.is_some() && t.has_role(k, Role::Page) => {
                let page_at = if matches!(t.get(k + 1).map(|n| n.kind), Some(Kind::Punct('.'))) {
                    k + 2
                } else {
                    k + 1
                };
                let (page, _) = number_at(t, page_at)?;
                return Some((year?, page, page_at + 1));
            }
            Kind::Punct(';' | ')') | Kind::Special(_) => return None,
            _ => {}
        }
    }
    None
}

/// `1. o.`, `1. lpp.`: a page number written before its word (Hungarian, Latvian).
fn is_page_number(t: &mut Tokens, k: usize) -> bool {
    let dot = matches!(t.get(k + 1).map(|n| n.kind), Some(Kind::Punct('.')));
    dot && t.has_role(k + 2, Role::Page)
}

/// Act numbers recognised whole in `text`: CELEX numbers (bare, after `CELEX:`, consolidated),
/// ELI URIs and Commission documents, in order, from the anchors that announce them and
/// from a scan for bare CELEX numbers.
pub fn specials(text: &str, anchors: &[lexicon::AnchorAt]) -> Vec<Special> {
    let mut found: Vec<Special> = anchors
        .iter()
        .filter_map(|a| special_at_anchor(text, a))
        .collect();
    if text.bytes().any(|b| b.is_ascii_digit()) {
        found.extend(bare_celex(text));
    }
    found.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Special> = Vec::with_capacity(found.len());
    for special in found {
        if kept.last().is_none_or(|last| special.start >= last.end) {
            kept.push(special);
        }
    }
    kept
}

fn special_at_anchor(text: &str, anchor: &lexicon::AnchorAt) -> Option<Special> {
    let rest = text.get(anchor.start..)?;
    let entry = anchor.entries.first()?;
    match entry.anchor {
        Anchor::Commission(letters) => commission(rest, letters).map(|(len, celex)| Special {
            start: anchor.start,
            end: anchor.start + len,
            celex,
            unit: None,
        }),
        Anchor::Eli => eli(rest).map(|(len, celex, unit)| Special {
            start: url_start(text, anchor.start),
            end: anchor.start + len,
            celex,
            unit,
        }),
        Anchor::CelexPrefix => prefixed_celex(rest).map(|(len, celex)| Special {
            start: anchor.start,
            end: anchor.start + len,
            celex,
            unit: None,
        }),
        _ => None,
    }
}

/// `COM(2022) 209 final`, `COM/2022/209`, `SWD(2022) 209`.
fn commission(rest: &str, letters: &str) -> Option<(usize, String)> {
    static COMMISSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:COM|JOIN|SWD|SEC)\s?(?:\(\s?(\d{4})\s?\)|/(\d{4})/)\s?(\d{1,4})\b(?:\s(?:final|def|endg|lopullinen|végleges|galutinis|galīgā|lõplik|končno|konačna|finale))?")
            .expect("literal regex")
    });
    let caps = COMMISSION.captures(rest)?;
    let year: u32 = caps.get(1).or_else(|| caps.get(2))?.as_str().parse().ok()?;
    let number: u32 = caps.get(3)?.as_str().parse().ok()?;
    let plausible = (1990..=2100).contains(&year) && number > 0;
    plausible.then(|| {
        (
            caps.get(0).map_or(0, |m| m.end()),
            format!("5{year}{letters}{number:04}"),
        )
    })
}

/// `eli/reg/2016/679/oj`, `eli/dir/2002/58/oj`, `eli/dec_framw/2002/584/oj`, and a unit of
/// the act: `eli/reg/2016/679/art_6/par_1/pnt_a/oj` (chapters, sections and titles, which
/// unit ids leave out, are skipped: `cpt_II/sct_1/art_5` is `art_5`).
fn eli(rest: &str) -> Option<(usize, String, Option<String>)> {
    static ELI: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^eli/(reg|dir|dec)(_impl|_del|_framw)?/(\d{4})/(\d{1,4})((?:/[a-z]{3}_[0-9A-Za-z]{1,8})*)(?:/oj)?",
        )
        .expect("literal regex")
    });
    let caps = ELI.captures(rest)?;
    let letter = match (caps.get(1)?.as_str(), caps.get(2).map(|m| m.as_str())) {
        ("dec", Some("_framw")) => 'F',
        ("reg", _) => 'R',
        ("dir", _) => 'L',
        _ => 'D',
    };
    let year: u32 = caps.get(3)?.as_str().parse().ok()?;
    let number: u32 = caps.get(4)?.as_str().parse().ok()?;
    let unit = caps.get(5).and_then(|m| eli_unit(m.as_str()));
    (number > 0).then(|| {
        (
            caps.get(0).map_or(0, |m| m.end()),
            format!("3{year}{letter}{number:04}"),
            unit,
        )
    })
}

/// The unit id of an ELI subdivision path (`/art_6/par_1` → `art_6.par_1`): the steps unit
/// ids have, in order; `None` when there are none.
fn eli_unit(path: &str) -> Option<String> {
    const STEPS: [&str; 6] = ["art", "par", "pnt", "rct", "anx", "cit"];
    let steps: Vec<&str> = path
        .split('/')
        .filter(|step| step.get(..3).is_some_and(|kind| STEPS.contains(&kind)))
        .collect();
    (!steps.is_empty()).then(|| steps.join("."))
}

/// The start of the URL an `eli/` sits in (`http://data.europa.eu/eli/…`).
fn url_start(text: &str, eli_start: usize) -> usize {
    let before = text.get(..eli_start).unwrap_or("");
    before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '<' | '"' | '['))
        .map_or(0, |p| p + 1)
}

const CELEX_PATTERN: &str =
    r"(?:[0-9]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?(?:-\d{8})?|1\d{4}[A-Z]/TXT)";

/// `CELEX:32016R0679`, `CELEX 32016R0679`.
fn prefixed_celex(rest: &str) -> Option<(usize, String)> {
    static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?i:celex)\s?(?:number\s|nr\.?\s?)?[:=]?\s?({CELEX_PATTERN})\b"
        ))
        .expect("literal regex")
    });
    let caps = PREFIXED.captures(rest)?;
    Some((caps.get(0)?.end(), caps.get(1)?.as_str().to_string()))
}

/// `32016R0679`, `02016R0679-20160504`, standing alone, or a polidex id of a unit of it
/// (`32016R0679#art_6.par_1`).
fn bare_celex(text: &str) -> Vec<Special> {
    static BARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(CELEX_PATTERN).expect("literal regex"));
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^#((?:rct|cit|art|par|pnt|anx|p)_[0-9A-Za-z]+(?:\.(?:par|pnt|prt|p)_[0-9A-Za-z]+)*)\b",
        )
        .expect("literal regex")
    });
    BARE.find_iter(text)
        .filter(|m| {
            let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
            let after = text.get(m.end()..).and_then(|s| s.chars().next());
            !before.is_some_and(|c| c.is_alphanumeric() || c == '/')
                && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|m| {
            let unit = text.get(m.end()..).and_then(|rest| UNIT.captures(rest));
            Special {
                unit: unit
                    .as_ref()
                    .and_then(|c| Some(c.get(1)?.as_str().to_string())),
                start: m.start(),
                end: m.end() + unit.and_then(|c| c.get(0)).map_or(0, |u| u.end()),
                celex: m.as_str().to_string(),
            }
        })
        .collect()
}
