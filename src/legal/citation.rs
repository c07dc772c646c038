//! Citations in text, in the 24 official EU languages: which acts and units a text cites.
//!
//! Used by ingest on every unit's text (to record what it cites, for `cited-by`) and by
//! search (a query that is a citation returns the cited unit first).
//!
//! Reading goes in three passes, each linear in the text:
//! 1. [`lexicon`] finds *anchors* with one literal automaton: unit words (`Article`,
//!    `Abs.`, `cikk`), act words (`Regulation`, `Richtlinie`), popular names (`GDPR`), OJ
//!    names, `COM`, `eli/`; [`acts_ref::specials`] reads CELEX numbers, ELI URIs and
//!    Commission documents whole. Text without anchors costs nothing more.
//! 2. From each anchor, [`lexer`] cuts tokens lazily; from a few words before it when the
//!    anchor follows its number (Finnish, Hungarian: `6 artiklan`, `6. cikk`).
//! 3. [`units_ref`] reads the unit reference and [`acts_ref`] the act it belongs to, in
//!    either order (`Article 6 GDPR`, `asetuksen (EU) 2016/679 6 artiklan`); the reference
//!    is then resolved, relative ones against the [`Context`].
//!
//! Per-language words live in [`words`] as data. Ids follow DESIGN.md: `art_6.par_1.pnt_a`,
//! `rct_38`, `anx_I.pnt_2`; subparagraphs and sentences are read and dropped. A citation
//! the text does not pin down (`Article 19` with no act and no context, `Article 5 of the
//! proposal`) is skipped, never guessed.

mod acts_ref;
mod labels_ref;
mod lexer;
mod lexicon;
mod units_ref;
mod words;

use acts_ref::{ActRef, Target};
use lexer::{Kind, Tokens};
use units_ref::{Chain, Path};
use words::{Level, Role};

use crate::lang::fold::fold;
use crate::lang::{Lang, LangSet};

/// How far before an anchor reading may start, in bytes: far enough for the labels of
/// `5. és 6. cikk` or `(38) preambulumbekezdés`, short enough to keep reading linear.
const LOOK_BACK_BYTES: usize = 48;

/// Where a citation is read, for relative citations.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// CELEX of the document the text is in.
    pub celex: Option<&'a str>,
    /// Unit the text is in.
    pub unit: Option<&'a str>,
}

/// One unit (or whole act) named by a citation in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the citation's start.
    pub start: usize,
    /// Byte offset after its end.
    pub end: usize,
    /// CELEX of the cited act.
    pub celex: String,
    /// Cited unit, `None` for the whole act.
    pub unit: Option<String>,
    /// Language of the grammar that matched.
    pub lang: Option<Lang>,
}

/// True for a word that joins the last two items of a list (`and`, `en`, `oder`, `și`), in
/// any of the 24 languages: the segmenter of flattened text cuts a point after it.
pub fn is_list_word(word: &str) -> bool {
    lexicon::small_roles(word)
        .iter()
        .any(|(_, role)| *role == Role::List)
}

/// A cheap test, without the lexicon, of whether `text` may hold a citation at all: every
/// citation but a popular name (`GDPR`, `chat control`) has a number in it. False positives
/// only cost a call to [`find_citations`]; there are no false negatives.
pub fn may_hold_citation(text: &str) -> bool {
    /// Every popular name, folded, in one automaton (`None` if it cannot be built: then
    /// every text may hold one).
    static NAMES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            let names = crate::legal::acts::all()
                .iter()
                .flat_map(|act| &act.names)
                .map(|name| fold(name.text).replace('\u{a0}', " "));
            aho_corasick::AhoCorasick::new(names).ok()
        });
    if text.chars().any(|c| c.is_numeric()) {
        return true;
    }
    let folded = fold(text).replace('\u{a0}', " ");
    let Some(names) = NAMES.as_ref() else {
        return true;
    };
    // A name is cited as a whole word (`TEU`, not the `teu` of `staatssteun`).
    let letter_at = |at: Option<char>| at.is_some_and(char::is_alphanumeric);
    names.find_overlapping_iter(&folded).any(|m| {
        let before = folded.get(..m.start()).and_then(|s| s.chars().next_back());
        let after = folded.get(m.end()..).and_then(|s| s.chars().next());
        !letter_at(before) && !letter_at(after)
    })
}

/// Every citation in `text`, in order; a list or range gives one [`Found`] per unit, all
/// with the span of the whole citation.
pub fn find_citations(text: &str, ctx: &Context) -> Vec<Found> {
    let anchors = lexicon::find_anchors(text);
    let specials = acts_ref::specials(text, &anchors);
    let mut starts: Vec<(usize, bool)> = anchors
        .iter()
        .map(|a| (a.start, lexicon::follows_its_number(a)))
        .chain(specials.iter().map(|s| (s.start, false)))
        .collect();
    starts.sort_unstable();
    let mut found = Vec::new();
    let mut consumed = 0;
    let mut named = None;
    for (anchor_start, look_back) in starts {
        if anchor_start < consumed {
            continue;
        }
        let from = if look_back {
            reading_start(text, anchor_start, consumed)
        } else {
            anchor_start
        };
        let mut tokens = Tokens::new(text, from, &anchors, &specials);
        let read = read_around(&mut tokens, anchor_start, ctx, &mut named, &mut found);
        if let Some(end) = read {
            consumed = end;
        }
    }
    found
}

/// Where to start reading for an anchor that follows its number (`6. cikk`,
/// `2016/679/EU rendelet`): after the white space at most
/// [`LOOK_BACK_BYTES`] before it, never before what an earlier citation consumed.
fn reading_start(text: &str, anchor_start: usize, consumed: usize) -> usize {
    let earliest = anchor_start.saturating_sub(LOOK_BACK_BYTES).max(consumed);
    let window = text
        .get(earliest..anchor_start)
        .map(|_| earliest)
        .or_else(|| (earliest..anchor_start).find(|&b| text.is_char_boundary(b)));
    let Some(window_start) = window else {
        return anchor_start;
    };
    let before = text.get(window_start..anchor_start).unwrap_or("");
    match before.find(char::is_whitespace) {
        Some(space) if window_start > consumed => window_start + space,
        _ => window_start,
    }
}

/// Tries a citation at each token up to the anchor; the first that reads wins. Returns the
/// byte offset its reading consumed.
fn read_around(
    t: &mut Tokens,
    anchor_start: usize,
    ctx: &Context,
    named: &mut Option<Named>,
    found: &mut Vec<Found>,
) -> Option<usize> {
    let mut i = 0;
    while let Some(token) = t.get(i) {
        if token.start > anchor_start {
            return None;
        }
        if let Some(mut reading) = citation_at(t, i) {
            let before = named.take().filter(|n| n.in_sentence_of(t, token.start));
            let owner = owner(t, &mut reading, token.start, before.as_ref());
            let end = t
                .get(reading.next.saturating_sub(1))
                .map_or(token.end, |last| last.end);
            found.extend(resolve(&reading, token.start, end, ctx, owner));
            *named = reading
                .act
                .as_ref()
                .and_then(|act| act.target.celex(ctx))
                .map(|celex| Named { celex, end })
                .or(before);
            return Some(end);
        }
        i += 1;
    }
    None
}

/// The act a text named last, and where that reference ends.
struct Named {
    celex: String,
    end: usize,
}

/// Most bytes between an act and a unit pointing back at it: an act's title may stand
/// between (`Regulation (EU) No 182/2011 … laying down the rules …, and in particular
/// Article 5 thereof`).
const MAX_POINTING_BACK_BYTES: usize = 400;

impl Named {
    /// Whether the reference ends in the same sentence as byte `start` (no `;` and no `. `
    /// before a capital in between), not too far before it.
    fn in_sentence_of(&self, t: &Tokens, start: usize) -> bool {
        let Some(gap) = t.text().get(self.end..start) else {
            return false;
        };
        let sentence_ends = gap.match_indices(['.', ';', '\n']).any(|(at, mark)| {
            mark != "."
                || gap
                    .get(at + 1..)
                    .and_then(|rest| rest.trim_start().chars().next())
                    .is_some_and(char::is_uppercase)
        });
        gap.len() <= MAX_POINTING_BACK_BYTES && !sentence_ends
    }
}

/// Whose unit a reference without an act names.
enum Owner {
    /// The act the text is in, as the context says (`Article 6`).
    Context,
    /// The act the sentence named before, if any (`the Treaty…, and in particular Article
    /// 114 thereof`).
    NamedBefore(Option<String>),
}

/// Whose unit a reading without an act names. A word pointing back in the reference's
/// language makes it the act the sentence named before: after the unit (`Article 114
/// thereof`, which then joins the reading) always, so with no act named it names none; as
/// a possessive before it (`its`, `son`, `annak 16. cikkére`) when the sentence named one,
/// else the possessive is the text's own (`the proposed Regulation … in its Article 83`).
fn owner(t: &mut Tokens, reading: &mut Reading, start: usize, named: Option<&Named>) -> Owner {
    let Some(chain) = &reading.chain else {
        return Owner::Context;
    };
    if reading.act.is_some() {
        return Owner::Context;
    }
    let langs = chain.langs;
    let points_back = |roles: &[(Option<Lang>, Role)]| {
        roles
            .iter()
            .any(|(lang, role)| *role == Role::Its && lang.is_none_or(|l| langs.contains(l)))
    };
    let after = t
        .get(reading.next)
        .is_some_and(|tok| matches!(tok.kind, Kind::Word))
        && points_back(t.roles(reading.next));
    let before = t
        .word_before(start)
        .is_some_and(|word| points_back(lexicon::small_roles(word)));
    let named = named.map(|n| n.celex.clone());
    if after {
        reading.next += 1;
        return Owner::NamedBefore(named);
    }
    match named {
        Some(celex) if before => Owner::NamedBefore(Some(celex)),
        _ => Owner::Context,
    }
}

/// A citation as read: a unit reference, an act reference, or both.
struct Reading {
    chain: Option<Chain>,
    act: Option<ActRef>,
    /// Index of the token after it.
    next: usize,
}

/// Languages that put the act before the unit (`asetuksen (EU) 2016/679 6 artiklan`,
/// `az (EU) 2016/679 rendelet 6. cikke`).
const ACT_FIRST: [Lang; 5] = [Lang::Fi, Lang::Hu, Lang::Lt, Lang::Lv, Lang::Et];

/// The citation starting at token `i`, if one does.
fn citation_at(t: &mut Tokens, i: usize) -> Option<Reading> {
    if let Some(act) = acts_ref::act_ref(t, i, LangSet::ALL) {
        return Some(act_first(t, act));
    }
    let mut chain = units_ref::chain(t, i, LangSet::ALL)?;
    let mut act = act_after(t, chain.next, chain.langs);
    // A unit word of several languages reads in the first that fits (`punkt`: a Polish
    // point, a Swedish paragraph); an act word of another language after it tells which.
    if let Some(act_langs) = act.as_ref().map(|a| a.langs)
        && act_langs != LangSet::ALL
        && !chain.langs.iter().any(|l| act_langs.contains(l))
        && let Some(again) = units_ref::chain(t, i, act_langs)
        && again.langs.iter().any(|l| act_langs.contains(l))
        && let Some(again_act) = act_after(t, again.next, again.langs)
    {
        chain = again;
        act = Some(again_act);
    }
    let next = act.as_ref().map_or(chain.next, |a| a.next);
    Some(Reading {
        chain: Some(chain),
        act,
        next,
    })
}

/// An act, and the unit reference right after it when the act's language (or a name or
/// number standing alone) puts acts first or a unit word follows it, and no act of its own
/// follows that reference.
fn act_first(t: &mut Tokens, act: ActRef) -> Reading {
    let alone = |act: ActRef| Reading {
        next: act.next,
        chain: None,
        act: Some(act),
    };
    let puts_act_first =
        ACT_FIRST.iter().any(|l| act.langs.contains(*l)) || act.langs == LangSet::ALL;
    // In any language, a unit word may follow its act, straight or after a comma or colon
    // (`GDPR Article 17`, `Regulation (EU) 2016/679, Article 6(1)(a)`).
    let separated = t
        .get(act.next)
        .is_some_and(|tok| matches!(tok.kind, Kind::Punct(',' | ':')))
        && starts_unit(t, act.next + 1);
    // `az Európai Unió működéséről szóló szerződés (EUMSZ) 16. cikke`: an abbreviation in
    // parentheses after the act's full name, then the unit.
    let closed = puts_act_first
        && t.get(act.next)
            .is_some_and(|tok| matches!(tok.kind, Kind::Punct(')')));
    let unit_word_after = separated || starts_unit(t, act.next);
    let start = if separated || closed {
        act.next + 1
    } else {
        act.next
    };
    let unit_follows = t
        .get(start)
        .is_some_and(|tok| !matches!(tok.kind, Kind::Punct(c) if c != '('));
    // An ELI naming a unit is whole: what follows it is another citation.
    let stands_alone = matches!(act.target, Target::Unknown | Target::Unit(..));
    if !(puts_act_first || unit_word_after) || !unit_follows || stands_alone {
        return alone(act);
    }
    let Some(chain) = units_ref::chain(t, start, act.langs) else {
        return alone(act);
    };
    if act_after(t, chain.next, chain.langs).is_some() {
        return alone(act);
    }
    Reading {
        next: chain.next,
        chain: Some(chain),
        act: Some(act),
    }
}

/// The act a unit reference belongs to, after `of`, `du`, `der`, `the`, commas: `Article 6
/// of Regulation (EU) 2016/679`, `Artikel 6 DSGVO`, `article 5 du présent règlement`. An `of`
/// leading to no act is [`Target::Unknown`] (`Article 5 of the proposal`).
fn act_after(t: &mut Tokens, i: usize, langs: LangSet) -> Option<ActRef> {
    let mut next = i;
    let mut saw_of = false;
    for _ in 0..4 {
        let Some(token) = t.get(next) else { break };
        let is_of = matches!(token.kind, Kind::Word) && t.has_role(next, Role::Of);
        let joins = is_of
            || matches!(token.kind, Kind::Punct(',' | '-' | '\'' | '’'))
            || (matches!(token.kind, Kind::Word) && t.has_role(next, Role::Link));
        if !joins || t.has_role(next, Role::This) {
            break;
        }
        saw_of |= is_of;
        next += 1;
    }
    let act = acts_ref::act_ref(t, next, langs);
    match act {
        Some(act) => Some(act),
        None if saw_of && !starts_unit(t, next) => Some(ActRef {
            target: Target::Unknown,
            next: i,
            langs,
        }),
        None => None,
    }
}

/// Whether a unit word stands at token `i` (`of Article 6`, read by the chain already).
fn starts_unit(t: &mut Tokens, i: usize) -> bool {
    !t.unit_words(i, LangSet::ALL).is_empty()
}

/// The units a reading names, resolved against the context.
fn resolve(reading: &Reading, start: usize, end: usize, ctx: &Context, owner: Owner) -> Vec<Found> {
    let chain_langs = reading.chain.as_ref().map_or(LangSet::ALL, |c| c.langs);
    let act_langs = reading.act.as_ref().map_or(LangSet::ALL, |a| a.langs);
    let lang = chain_langs.narrow(act_langs).single();
    let found = |celex: &str, unit: Option<String>| Found {
        start,
        end,
        celex: celex.to_string(),
        unit,
        lang,
    };
    let target = reading.act.as_ref().map(|a| &a.target);
    let Some(chain) = &reading.chain else {
        return match target {
            Some(Target::Celex(celex)) => vec![found(celex, None)],
            Some(Target::Unit(celex, unit)) => vec![found(celex, Some(unit.clone()))],
            _ => Vec::new(),
        };
    };
    let celex = match (target, &owner) {
        (Some(Target::Celex(celex) | Target::Unit(celex, _)), _) => Some(celex.as_str()),
        (Some(Target::Weak(celex)), _) => Some(*celex),
        (Some(Target::Unknown), _) => None,
        (None, Owner::NamedBefore(named)) => named.as_deref(),
        // A citation of the preamble (`Having regard to the Treaty…, and in particular
        // Article 114`) cites other acts, never the act it opens.
        (None, Owner::Context) if ctx.unit.is_some_and(|u| u.starts_with("cit_")) => None,
        (Some(Target::ThisAct | Target::ThisUnit) | None, _) => ctx.celex,
    };
    let Some(celex) = celex else {
        return Vec::new();
    };
    let own_act = ctx.celex == Some(celex);
    chain
        .paths
        .iter()
        .filter_map(|path| unit_id(path, if own_act { ctx.unit } else { None }))
        .map(|unit| found(celex, Some(unit)))
        .collect()
}

/// The id of a unit path; a path without article, recital or annex (`paragraph 2`,
/// `point (b)`) continues the context's unit, or is dropped when there is none.
fn unit_id(path: &Path, context_unit: Option<&str>) -> Option<String> {
    let first = path.first()?;
    let is_top = matches!(first.level, Level::Article | Level::Recital | Level::Annex);
    let in_annex = if is_top {
        first.level == Level::Annex
    } else {
        context_unit.is_some_and(|u| u.starts_with("anx"))
    };
    // An annex numbers points only (Swedish `bilaga I punkt 2`, Finnish `liitteen I 2
    // kohta`: words that name paragraphs in articles); a part belongs to an annex only.
    let level_in_place = |level: Level| match level {
        Level::Paragraph if in_annex => Some(Level::Point),
        Level::Part if !in_annex => None,
        level => Some(level),
    };
    let first_level = level_in_place(first.level)?;
    let own: Vec<String> = path
        .iter()
        .filter_map(|step| {
            let level = level_in_place(step.level)?;
            Some(format!("{}_{}", level_prefix(level), step.label))
        })
        .collect();
    if is_top {
        return Some(own.join("."));
    }
    let stop = match first_level {
        Level::Paragraph => ["par_", "pnt_"].as_slice(),
        Level::Part => ["prt_", "pnt_"].as_slice(),
        _ => ["pnt_"].as_slice(),
    };
    let prefix: Vec<&str> = context_unit?
        .split('.')
        .take_while(|s| !stop.iter().any(|p| s.starts_with(p)))
        .collect();
    let anchored = prefix.first().is_some_and(|s| {
        (s.starts_with("art_") && first_level != Level::Part)
            || (s.starts_with("anx") && matches!(first_level, Level::Point | Level::Part))
    });
    anchored.then(|| {
        prefix
            .iter()
            .map(|s| s.to_string())
            .chain(own)
            .collect::<Vec<_>>()
            .join(".")
    })
}

fn level_prefix(level: Level) -> &'static str {
    match level {
        Level::Article => "art",
        Level::Recital => "rct",
        Level::Annex => "anx",
        Level::Part => "prt",
        Level::Paragraph => "par",
        Level::Point | Level::Subdivision => "pnt",
    }
}

#[cfg(test)]
mod tests;
