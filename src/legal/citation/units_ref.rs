//! The grammar of unit references: `Article 6(1)(a)`, `point (a) of Article 6(1)`,
//! `Art. 6 Abs. 1 lit. a`, `6 artiklan 1 kohdan a alakohta`, `Articles 5 to 7`,
//! `Article 5(1) and (3)`, `recital 38`, `point 2 of Annex I`.
//!
//! A reference is read as *groups* (a unit word with its labels: `Articles 5 and 6`,
//! `Abs. 1`, `6. cikk`) joined into *branches* (`point (a) of Article 6(1)`: one unit path
//! per combination), and branches joined into a *chain* by `and` (`Article 6(1)(a) and
//! Article 9(2)(a)`). The order of groups does not matter: steps are sorted by level, so
//! `point (a) of Article 6(1)` and `Article 6(1), point (a)` give the same id. Nothing here
//! backtracks more than a few tokens, so reading is linear in the text.

use super::labels_ref::{self, Admit, Form, Label};
use super::lexer::{Kind, Tokens};
use super::words::{Level, PARAGRAPH_ORDINALS, RANGE_TAILS, Role, Side, UnitWords};
use crate::lang::fold::fold;
use crate::lang::{Lang, LangSet};

/// How many unit ids one citation may name: lists and ranges multiply
/// (`points (a) to (c) of Articles 5 to 7`); past this the text is not a citation.
pub const MAX_UNITS: usize = 500;

/// How many groups one branch may join (`point (i) of point (a) of the first subparagraph
/// of paragraph 1 of Article 6` has five): points nest, so without a cap `point b, c point
/// b, c …` would nest without end, each path as long as the text.
const MAX_BRANCH_GROUPS: usize = 10;

/// How many parenthesised labels may follow an article number (`6(1)(a)(i)` has three).
const MAX_COMPACT_DEPTH: usize = 4;

/// One step of a unit path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Its level.
    pub level: Level,
    /// Its label, as in ids (`6`, `3a`, `a`, `iv`, `I`).
    pub label: String,
}

/// A unit path, outermost step first.
pub type Path = Vec<Step>;

/// A unit word with its labels.
#[derive(Debug, Clone)]
struct Group {
    level: Level,
    paths: Vec<Path>,
}

/// A parsed unit reference.
#[derive(Debug, Clone)]
pub struct Chain {
    /// The unit paths it names, each sorted outermost first.
    pub paths: Vec<Path>,
    /// Index of the token after it.
    pub next: usize,
    /// The languages whose words it used.
    pub langs: LangSet,
}

/// The unit reference starting at token `i`.
pub fn chain(t: &mut Tokens, i: usize, langs: LangSet) -> Option<Chain> {
    let (mut paths, mut next, mut langs) = branch(t, i, langs)?;
    while let Some(after) = list_connector(t, next, langs) {
        let Some((more, after_branch, more_langs)) = branch(t, after, langs) else {
            break;
        };
        paths.extend(more);
        next = after_branch;
        langs = langs.narrow(more_langs);
        paths.truncate(MAX_UNITS);
    }
    Some(Chain { paths, next, langs })
}

/// Groups joined by `of`, commas and nothing, as long as each adds a level.
fn branch(t: &mut Tokens, i: usize, langs: LangSet) -> Option<(Vec<Path>, usize, LangSet)> {
    let (first, mut next, mut langs) = group(t, i, langs)?;
    let mut groups = vec![first];
    while groups.len() < MAX_BRANCH_GROUPS
        && let Some((group, after_group, group_langs)) = next_group(t, next, langs, &groups)
    {
        groups.push(group);
        next = after_group;
        langs = langs.narrow(group_langs);
    }
    combine(groups).map(|paths| (paths, next, langs))
}

/// How many point groups one branch may nest (`point (i) of point (a) of point 1`): each
/// one multiplies the paths of a list, so deeper is no citation but a run of lists.
const MAX_POINT_GROUPS: usize = 3;

/// A group may join a branch when its level is new (points nest, so points may repeat, up
/// to [`MAX_POINT_GROUPS`]).
fn fits(groups: &[Group], group: &Group) -> bool {
    let is_top = |level: Level| matches!(level, Level::Article | Level::Recital | Level::Annex);
    let repeats = |g: &Group| g.level == group.level || (is_top(g.level) && is_top(group.level));
    match group.level {
        Level::Subdivision => true,
        Level::Point => {
            groups.iter().filter(|g| g.level == Level::Point).count() < MAX_POINT_GROUPS
        }
        _ => !groups.iter().any(repeats),
    }
}

/// The group that continues a branch at token `i`, after commas, `of`-words, determiners
/// and ordinals (`Article 7(3), first subparagraph`; `point (a) of the Article`); a word
/// that could be either (`a`: Hungarian `the`, or point a) is tried as a label first.
fn next_group(
    t: &mut Tokens,
    i: usize,
    langs: LangSet,
    groups: &[Group],
) -> Option<(Group, usize, LangSet)> {
    for at in i..i + 4 {
        if let Some(found) = group(t, at, langs).filter(|(g, _, _)| fits(groups, g)) {
            return Some(found);
        }
        let token = t.get(at)?;
        let joins = match token.kind {
            Kind::Punct(c) => matches!(c, ',' | '-' | '\'' | '’'),
            Kind::Word => [Role::Of, Role::Link, Role::Ordinal]
                .iter()
                .any(|r| t.has_role(at, *r)),
            _ => false,
        };
        if !joins {
            return None;
        }
    }
    None
}

/// `and`, `or` or a comma, when a unit word follows (a new branch: `Article 5 and Article 6`).
fn list_connector(t: &mut Tokens, i: usize, langs: LangSet) -> Option<usize> {
    let first = connector(t, i, langs)
        .filter(|(role, _)| *role == Role::List)?
        .1;
    let after = match connector(t, first, langs) {
        Some((Role::List, next)) => next,
        _ => first,
    };
    // An article (`et l'article 9`, `e dell'articolo 9`, `and the Article`) may stand
    // between the connector and the unit word.
    for at in after..after + 3 {
        if !t.unit_words(at, LangSet::ALL).is_empty() {
            return Some(at);
        }
        let skippable = match t.get(at)?.kind {
            Kind::Punct(c) => matches!(c, '\'' | '’'),
            Kind::Word => t.has_role(at, Role::Link) || t.has_role(at, Role::Of),
            _ => false,
        };
        if !skippable {
            return None;
        }
    }
    None
}

/// A list or range connector at token `i` and the index after it: a word joining in one of
/// `langs`, else in any language.
fn connector(t: &mut Tokens, i: usize, langs: LangSet) -> Option<(Role, usize)> {
    let role = role_in(t, i, langs).or_else(|| role_in(t, i, LangSet::ALL))?;
    let next = if role == Role::Range {
        skip_range_tail(t, i + 1)
    } else {
        i + 1
    };
    Some((role, next))
}

/// The words that may close a range connector (`en met` of Dutch `tot en met`), skipped.
fn skip_range_tail(t: &mut Tokens, i: usize) -> usize {
    for tail in RANGE_TAILS {
        let matches = (0..tail.len()).all(|k| {
            t.get(i + k)
                .is_some_and(|tok| matches!(tok.kind, Kind::Word) && fold(t.slice(&tok)) == tail[k])
        });
        if matches {
            return i + tail.len();
        }
    }
    i
}

/// The role of the connector at token `k` (`,`, `-`, or a word joining in one of `langs`).
fn role_in(t: &mut Tokens, k: usize, langs: LangSet) -> Option<Role> {
    match t.get(k)?.kind {
        Kind::Punct(',' | '&' | ';') => Some(Role::List),
        Kind::Punct('-' | '–' | '—' | '‑') => Some(Role::Range),
        // A capital letter alone is no connector (`Art. 6 I 1`: German paragraph I, not
        // Polish `i`, and) but in capitals (`ČLÁNEK 5 A 6`).
        Kind::Word if is_capital_letter(t, k) && !after_capitals(t, k) => None,
        Kind::Word => t
            .roles(k)
            .iter()
            .find(|(lang, role)| {
                matches!(role, Role::List | Role::Range) && lang.is_none_or(|l| langs.contains(l))
            })
            .map(|(_, role)| *role),
        _ => None,
    }
}

/// A paragraph named by its ordinal at token `i`, in a language that numbers paragraphs so
/// ([`PARAGRAPH_ORDINALS`]): `eerste lid`, `prvega odstavka` are `par_1`.
fn ordinal_paragraph(t: &mut Tokens, i: usize, langs: LangSet) -> Option<(Group, usize, LangSet)> {
    let token = t.get(i)?;
    if !matches!(token.kind, Kind::Word) {
        return None;
    }
    let words: Vec<&UnitWords> = t
        .unit_words(i + 1, langs)
        .into_iter()
        .filter(|w| w.level == Level::Paragraph && w.side == Side::Before)
        .collect();
    if words.is_empty() {
        return None;
    }
    let word_langs = langs_of(&words);
    let ordinal = fold(t.slice(&token));
    let number = PARAGRAPH_ORDINALS
        .iter()
        .filter(|(lang, _)| word_langs.contains(*lang))
        .find_map(|(_, numbers)| {
            numbers
                .iter()
                .position(|forms| forms.contains(&ordinal.as_ref()))
        })?
        + 1;
    let step = Step {
        level: Level::Paragraph,
        label: number.to_string(),
    };
    let group = Group {
        level: Level::Paragraph,
        paths: vec![vec![step]],
    };
    Some((group, i + 2, word_langs))
}

/// A subdivision named by its ordinal before its word (`pirmos pastraipos`, `pirmās daļas`):
/// read, to be dropped, so that the point after it still joins the branch.
fn ordinal_subdivision(
    t: &mut Tokens,
    i: usize,
    langs: LangSet,
) -> Option<(Group, usize, LangSet)> {
    if !t.has_role(i, Role::Ordinal) {
        return None;
    }
    let words: Vec<&UnitWords> = words_after(t, i + 1, langs)
        .into_iter()
        .filter(|w| w.level == Level::Subdivision)
        .collect();
    if words.is_empty() {
        return None;
    }
    let group = Group {
        level: Level::Subdivision,
        paths: Vec::new(),
    };
    Some((group, i + 2, langs_of(&words)))
}

/// Whether the token at `k` is one capital letter.
fn is_capital_letter(t: &mut Tokens, k: usize) -> bool {
    let Some(token) = t.get(k) else {
        return false;
    };
    let mut chars = t.slice(&token).chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether a word in capitals (`ČLÁNEK`) is among the three tokens before `k`.
fn after_capitals(t: &mut Tokens, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|j| {
        t.get(j).is_some_and(|token| {
            let text = t.slice(&token);
            !matches!(token.kind, Kind::Number(_) | Kind::Punct(_))
                && text.chars().count() > 1
                && text.chars().all(char::is_uppercase)
        })
    })
}

/// A group at token `i`: a unit word and its labels, or labels and their unit word. A word
/// of several levels (`led`: a Danish indent, a Swedish point; `punkt`: a Polish point, a
/// Swedish paragraph) takes the level whose reading goes furthest (`punkt 1 a` reads only
/// as Swedish), the first of those that go as far, subdivisions last.
fn group(t: &mut Tokens, i: usize, langs: LangSet) -> Option<(Group, usize, LangSet)> {
    if let Some(found) = ordinal_paragraph(t, i, langs) {
        return Some(found);
    }
    if let Some(found) = ordinal_subdivision(t, i, langs) {
        return Some(found);
    }
    let words = t.unit_words(i, langs);
    let mut before: Vec<&UnitWords> = words
        .iter()
        .copied()
        .filter(|w| w.side == Side::Before)
        .collect();
    if before.is_empty() {
        return after_group(t, i, langs);
    }
    before.sort_by_key(|w| w.level == Level::Subdivision);
    let mut levels: Vec<Level> = before.iter().map(|w| w.level).collect();
    levels.dedup();
    let mut best: Option<(Group, usize, LangSet)> = None;
    for level in levels {
        let same_level: Vec<&UnitWords> = before
            .iter()
            .copied()
            .filter(|w| w.level == level)
            .collect();
        let group_langs = langs_of(&same_level);
        if let Some((group, next)) = before_group(t, i, level, group_langs)
            && best
                .as_ref()
                .is_none_or(|(_, best_next, _)| next > *best_next)
        {
            best = Some((group, next, group_langs));
        }
    }
    best
}

fn langs_of(words: &[&UnitWords]) -> LangSet {
    words
        .iter()
        .fold(None, |set: Option<LangSet>, w| {
            Some(set.map_or(LangSet::of(w.lang), |s| s.with(LangSet::of(w.lang))))
        })
        .unwrap_or(LangSet::ALL)
}

/// `Article 6(1)`, `Abs. 1`, `points (a) to (c)`, `the first subparagraph`.
fn before_group(t: &mut Tokens, i: usize, level: Level, langs: LangSet) -> Option<(Group, usize)> {
    if level == Level::Subdivision {
        return Some((
            Group {
                level,
                paths: Vec::new(),
            },
            skip_subdivision_number(t, i + 1),
        ));
    }
    let (paths, next) = items(t, i + 1, level, langs)?;
    Some((Group { level, paths }, skip_closing_word(t, next, level)))
}

/// The word that closes some references after their number (`johdanto-osan 38 kappale`).
fn skip_closing_word(t: &mut Tokens, i: usize, level: Level) -> usize {
    let closes = t
        .unit_words(i, LangSet::ALL)
        .iter()
        .any(|w| w.side == Side::After && w.level == level);
    if closes { i + 1 } else { i }
}

/// `Unterabsatz 1`, `akapit pierwszy`: the number or ordinal after a subdivision word.
fn skip_subdivision_number(t: &mut Tokens, i: usize) -> usize {
    let is_number = t
        .get(i)
        .is_some_and(|tok| matches!(tok.kind, Kind::Number(1..=99)));
    if is_number || t.has_role(i, Role::Ordinal) {
        i + 1
    } else {
        i
    }
}

/// `6. cikk`, `5 ja 6 artiklan`, `a) pont`, `(38) preambulumbekezdés`: labels, then their word.
fn after_group(t: &mut Tokens, i: usize, langs: LangSet) -> Option<(Group, usize, LangSet)> {
    let admit = Admit {
        bare_letter: true,
        paren: true,
    };
    let (mut labels, joints, mut next) = label_list(t, i, admit, langs)?;
    let mut words = words_after(t, next, langs);
    if words.is_empty() {
        next = gap_before_word(t, next, langs, &mut labels)?;
        words = words_after(t, next, langs);
    }
    let word = words.first()?;
    let word_langs = langs_of(&words);
    // The connectors must join labels in the word's language: in `(1) A 3. cikk`, `a` is
    // Hungarian's `the`, not the range of French `1 à 3` (the citation is `3. cikk`).
    let mut ranges = vec![false];
    for &joint in &joints {
        ranges.push(role_in(t, joint, word_langs)? == Role::Range);
    }
    let paths = expand_list(&labels, &ranges, word.level)?;
    let level = word.level;
    Some((Group { level, paths }, next + 1, word_langs))
}

/// The unit words at token `i` that follow their number.
fn words_after(t: &mut Tokens, i: usize, langs: LangSet) -> Vec<&'static UnitWords> {
    t.unit_words(i, langs)
        .into_iter()
        .filter(|w| w.side == Side::After)
        .collect()
}

/// The one token that may stand between labels and the word after them, and the index of
/// that word: the dot of a lettered part (`A. részének`), or the letter of an inserted
/// article written apart (Finnish `3 a artikla`, as the act's own heading writes it), which
/// joins the last label (`3a`).
fn gap_before_word(
    t: &mut Tokens,
    i: usize,
    langs: LangSet,
    labels: &mut [Label],
) -> Option<usize> {
    let word_level = |t: &mut Tokens, level: Level| {
        words_after(t, i + 1, langs)
            .iter()
            .any(|w| w.level == level)
    };
    let last = labels.last_mut()?;
    if labels_ref::is_punct(t, i, '.', false)
        && last.form == Form::Letter
        && word_level(t, Level::Part)
    {
        return Some(i + 1);
    }
    let token = t.get(i)?;
    let letter = t.slice(&token);
    let lone_letter = matches!(token.kind, Kind::Word)
        && token.spaced
        && letter.len() == 1
        && letter.chars().all(|c| c.is_ascii_lowercase());
    let Form::Number {
        value,
        suffixed: false,
    } = last.form
    else {
        return None;
    };
    if !lone_letter || !word_level(t, Level::Article) {
        return None;
    }
    let article_langs = langs_of(&words_after(t, i + 1, langs));
    if role_in(t, i, article_langs).is_some() {
        return None;
    }
    last.id.push_str(letter);
    last.form = Form::Number {
        value,
        suffixed: true,
    };
    Some(i + 1)
}

/// Labels joined by list and range connectors, with the token of each connector.
fn label_list(
    t: &mut Tokens,
    i: usize,
    admit: Admit,
    langs: LangSet,
) -> Option<(Vec<Label>, Vec<usize>, usize)> {
    let (first, mut next) = labels_ref::label(t, i, admit)?;
    let mut labels = vec![first];
    let mut joints = Vec::new();
    while labels.len() < MAX_UNITS {
        let Some((_, after)) = connector(t, next, langs) else {
            break;
        };
        let Some((label, after_label)) = labels_ref::label(t, after, admit) else {
            break;
        };
        labels.push(label);
        joints.push(next);
        next = after_label;
    }
    Some((labels, joints, next))
}

fn expand_list(labels: &[Label], ranges: &[bool], level: Level) -> Option<Vec<Path>> {
    let mut paths = Vec::new();
    for (k, label) in labels.iter().enumerate() {
        let id = id_for(label, level)?;
        let previous = k.checked_sub(1).and_then(|p| labels.get(p));
        if let (Some(previous), true) = (previous, ranges.get(k) == Some(&true)) {
            let inner = labels_ref::between(previous, label).unwrap_or_default();
            paths.extend(inner.into_iter().map(|id| vec![Step { level, label: id }]));
        }
        paths.push(vec![Step { level, label: id }]);
    }
    paths.truncate(MAX_UNITS);
    Some(paths)
}

/// The id a label has at a level, or `None` when the level cannot be numbered so
/// (`Article (a)`, `Annex 2016`).
fn id_for(label: &Label, level: Level) -> Option<String> {
    let ok = match (level, label.form) {
        (Level::Article, Form::Number { value, .. }) => value <= 999,
        (
            Level::Recital,
            Form::Number {
                value,
                suffixed: false,
            },
        ) => value <= 999,
        (
            Level::Paragraph,
            Form::Number {
                value,
                suffixed: false,
            },
        ) => value <= 199,
        (
            Level::Point,
            Form::Number {
                value,
                suffixed: false,
            },
        ) => value <= 999,
        (Level::Point, Form::Letter | Form::Roman) => true,
        (Level::Annex, Form::UpperRoman) => true,
        (Level::Annex, Form::Number { value, .. }) => value <= 99,
        (Level::Part, Form::Letter | Form::Roman | Form::UpperRoman) => label.id.len() <= 4,
        (
            Level::Part,
            Form::Number {
                value,
                suffixed: false,
            },
        ) => value <= 99,
        _ => false,
    };
    // Parts are written as headed, in capitals (`prt_A`, `prt_II`).
    let id = if level == Level::Part {
        label.id.to_uppercase()
    } else {
        label.id.clone()
    };
    ok.then_some(id)
}

/// One list item of a group: its path, the label of its deepest step (for ranges) and the
/// index after it.
struct Item {
    path: Path,
    last: Label,
    next: usize,
}

/// `5, 6(1) and 7`, `5 to 7`, `5(1) and (3)`: the items after a unit word.
fn items(t: &mut Tokens, i: usize, level: Level, langs: LangSet) -> Option<(Vec<Path>, usize)> {
    let admit = Admit {
        bare_letter: matches!(level, Level::Point | Level::Part),
        paren: !matches!(level, Level::Article | Level::Annex),
    };
    let i = skip_range_opening(t, i, admit, langs);
    let first = item(t, i, level, admit, langs)?;
    // `litra a), i forordning`: a bare letter continues only a list of bare letters.
    let first_bare = first.last.bare;
    let mut next = first.next;
    let mut paths = vec![first.path.clone()];
    let mut last = first;
    while paths.len() < MAX_UNITS {
        let Some((role, after)) = connector(t, next, langs) else {
            break;
        };
        let after_comma = labels_ref::is_punct(t, next, ',', true);
        let next_item = item(t, after, level, admit, langs).filter(|item| {
            (!item.last.bare || first_bare) && !(after_comma && is_preposition(t, after, item))
        });
        let Some(item) = next_item.or_else(|| continuation(t, after, &last.path)) else {
            break;
        };
        if role == Role::Range {
            paths.extend(range_between(&last, &item));
        }
        paths.push(item.path.clone());
        next = item.next;
        last = item;
    }
    paths.truncate(MAX_UNITS);
    Some((paths, next))
}

/// `litra a, i forordning`, `písm. a, v nařízení`: a lone letter after a list's comma that
/// is a small word of some language and leads to an act (or any anchor) is a preposition
/// (`in`), not point (i) or (v). After `and` it stays a point (`litra h og i, GDPR`).
fn is_preposition(t: &mut Tokens, at: usize, item: &Item) -> bool {
    let small_word = t.has_role(at, Role::Of) || t.has_role(at, Role::Link);
    item.last.bare && item.next == at + 1 && small_word && anchor_follows(t, item.next)
}

/// Whether an act, a unit word or a popular name (any anchor), a CELEX number or a word
/// pointing at the act the text is in (`denne`, `tomto`) stands at token `i`.
fn anchor_follows(t: &mut Tokens, i: usize) -> bool {
    let anchor = t
        .get(i)
        .is_some_and(|tok| matches!(tok.kind, Kind::Anchor(_) | Kind::Special(_)));
    anchor || t.has_role(i, Role::This)
}

/// `da 15 a 17`, `dal 15 al 17`, `od 15. do 17.`: the word opening a range is skipped when
/// a label and a range connector follow it.
fn skip_range_opening(t: &mut Tokens, i: usize, admit: Admit, langs: LangSet) -> usize {
    let opens = t
        .roles(i)
        .iter()
        .any(|(lang, role)| *role == Role::RangeOpening && lang.is_none_or(|l| langs.contains(l)));
    if !opens {
        return i;
    }
    let closes = labels_ref::label(t, i + 1, admit)
        .and_then(|(_, next)| connector(t, next, langs))
        .is_some_and(|(role, _)| role == Role::Range);
    if closes { i + 1 } else { i }
}

/// Languages that write a point's letter bare after its paragraph's number (Swedish
/// `punkt 1 a`, as `artikel 3.1 a` after an article's).
const BARE_POINT_LANGS: [Lang; 1] = [Lang::Sv];

/// A label at `level` and the parenthesised labels glued to it (`6(1)(a)`, `6.1 a`).
fn item(t: &mut Tokens, i: usize, level: Level, admit: Admit, langs: LangSet) -> Option<Item> {
    let (label, next) = labels_ref::label(t, i, admit)?;
    let id = id_for(&label, level)?;
    let mut item = Item {
        path: vec![Step { level, label: id }],
        last: label,
        next,
    };
    if matches!(level, Level::Article | Level::Paragraph) {
        dotted_paragraph(t, &mut item);
    }
    if level == Level::Article && langs.contains(Lang::De) {
        roman_paragraph(t, &mut item);
    }
    let bare_points = !langs.is_empty() && langs.iter().all(|l| BARE_POINT_LANGS.contains(&l));
    if level == Level::Paragraph && item.path.len() == 1 && bare_points {
        bare_point(t, &mut item);
    }
    if matches!(level, Level::Article | Level::Paragraph | Level::Point) {
        compact_labels(t, &mut item);
    }
    Some(item)
}

/// `(1)(a)(i)` after a number: paragraph, point, point.
fn compact_labels(t: &mut Tokens, item: &mut Item) {
    let admit = Admit {
        bare_letter: false,
        paren: true,
    };
    for _ in 0..MAX_COMPACT_DEPTH {
        if !labels_ref::is_punct(t, item.next, '(', true) {
            return;
        }
        let Some((label, next)) = labels_ref::label(t, item.next, admit) else {
            return;
        };
        let has_paragraph = item.path.iter().any(|s| s.level == Level::Paragraph);
        let top_is_article = item.path.first().is_some_and(|s| s.level == Level::Article);
        let is_number = matches!(label.form, Form::Number { .. });
        let level = if is_number && top_is_article && !has_paragraph && item.path.len() == 1 {
            Level::Paragraph
        } else {
            Level::Point
        };
        let Some(id) = id_for(&label, level) else {
            return;
        };
        item.path.push(Step { level, label: id });
        item.last = label;
        item.next = next;
    }
}

/// `6.1` and `6.1 a` (Swedish, Danish): paragraph after a dot, then a bare point letter.
fn dotted_paragraph(t: &mut Tokens, item: &mut Item) {
    let glued_number = t.get(item.next + 1).and_then(|tok| match tok.kind {
        Kind::Number(n @ 1..=199) if !tok.spaced => Some(n),
        _ => None,
    });
    let (true, Some(paragraph)) = (
        labels_ref::is_punct(t, item.next, '.', false) && item.path.len() == 1,
        glued_number,
    ) else {
        return;
    };
    item.path.push(Step {
        level: Level::Paragraph,
        label: paragraph.to_string(),
    });
    item.next += 2;
    bare_point(t, item);
}

/// The most paragraphs German shorthand numbers in capital roman numerals.
const MAX_ROMAN_PARAGRAPH: u32 = 20;

/// German shorthand (`Art. 6 I 1 lit. f`): a capital roman numeral after an article's
/// number is its paragraph, and a number after that its sentence, which names no unit.
fn roman_paragraph(t: &mut Tokens, item: &mut Item) {
    let Some(token) = t.get(item.next) else {
        return;
    };
    let is_word = matches!(token.kind, Kind::Word) && token.spaced;
    let paragraph = is_word
        .then(|| labels_ref::upper_roman_value(t.slice(&token)))
        .flatten()
        .filter(|n| (1..=MAX_ROMAN_PARAGRAPH).contains(n));
    let (1, Some(paragraph)) = (item.path.len(), paragraph) else {
        return;
    };
    item.path.push(Step {
        level: Level::Paragraph,
        label: paragraph.to_string(),
    });
    item.next += 1;
    let sentence = t
        .get(item.next)
        .is_some_and(|tok| tok.spaced && matches!(tok.kind, Kind::Number(1..=30)));
    if sentence {
        item.next += 1;
    }
}

/// The point letter written bare after a paragraph's number (`6.1 a`, `punkt 1 a`), unless
/// an act's word follows it (`6.1 i förordning`: `i` is `in`).
fn bare_point(t: &mut Tokens, item: &mut Item) {
    let admit = Admit {
        bare_letter: true,
        paren: true,
    };
    let Some((label, next)) = labels_ref::label(t, item.next, admit) else {
        return;
    };
    if matches!(label.form, Form::Letter | Form::Roman) && !anchor_follows(t, next) {
        item.path.push(Step {
            level: Level::Point,
            label: label.id.clone(),
        });
        item.last = label;
        item.next = next;
    }
}

/// `(3)` in `Article 5(1) and (3)`: a label that replaces the deepest step of the previous
/// item at its level.
fn continuation(t: &mut Tokens, i: usize, previous: &Path) -> Option<Item> {
    if !labels_ref::is_punct(t, i, '(', true) {
        return None;
    }
    let (label, next) = labels_ref::label(
        t,
        i,
        Admit {
            bare_letter: false,
            paren: true,
        },
    )?;
    let level = if matches!(label.form, Form::Number { .. })
        && previous.iter().any(|s| s.level == Level::Paragraph)
    {
        Level::Paragraph
    } else {
        Level::Point
    };
    let keep = previous.iter().rposition(|s| s.level == level)?;
    let mut path: Path = previous.get(..keep)?.to_vec();
    path.push(Step {
        level,
        label: id_for(&label, level)?,
    });
    let mut item = Item {
        path,
        last: label,
        next,
    };
    compact_labels(t, &mut item);
    Some(item)
}

/// The paths strictly between two items that differ only in their deepest label.
fn range_between(from: &Item, to: &Item) -> Vec<Path> {
    let (Some((from_last, from_prefix)), Some((to_last, to_prefix))) =
        (from.path.split_last(), to.path.split_last())
    else {
        return Vec::new();
    };
    if from_prefix != to_prefix || from_last.level != to_last.level {
        return Vec::new();
    }
    let level = from_last.level;
    labels_ref::between(&from.last, &to.last)
        .unwrap_or_default()
        .into_iter()
        .map(|label| {
            let mut path = from_prefix.to_vec();
            path.push(Step { level, label });
            path
        })
        .collect()
}

/// The unit paths a branch names: its groups sorted outermost first, every combination.
fn combine(groups: Vec<Group>) -> Option<Vec<Path>> {
    let rank = |level: Level| match level {
        Level::Part => 1,
        Level::Paragraph => 2,
        Level::Point | Level::Subdivision => 3,
        _ => 0,
    };
    let mut groups: Vec<(usize, Group)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| g.level != Level::Subdivision)
        .collect();
    let first_rank = rank(groups.first()?.1.level);
    let reversed = groups.iter().any(|(_, g)| rank(g.level) < first_rank);
    groups.sort_by_key(|(index, g)| {
        (
            rank(g.level),
            if reversed { usize::MAX - index } else { *index },
        )
    });
    let mut groups = groups.into_iter().map(|(_, g)| g);
    let mut paths = groups.next()?.paths;
    for group in groups {
        paths = nest(&paths, &group.paths);
    }
    paths.dedup();
    Some(paths)
}

/// Every outer path followed by every inner path that goes deeper; an outer path no inner
/// path fits stays as it is.
fn nest(outer: &[Path], inner: &[Path]) -> Vec<Path> {
    let depth = |level: Level| match level {
        Level::Part => 1,
        Level::Paragraph => 2,
        Level::Point => 3,
        _ => 0,
    };
    let mut out = Vec::new();
    for path in outer {
        let last = path.last().map_or(0, |s| depth(s.level));
        let fitting: Vec<&Path> = inner
            .iter()
            .filter(|p| {
                p.first().is_some_and(|s| {
                    depth(s.level) > last || (s.level == Level::Point && last == 3)
                })
            })
            .collect();
        if fitting.is_empty() {
            out.push(path.clone());
        }
        for tail in fitting {
            if out.len() >= MAX_UNITS {
                return out;
            }
            out.push(path.iter().chain(tail.iter()).cloned().collect());
        }
    }
    out
}
