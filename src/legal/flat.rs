//! Finding the blocks of an act whose text lost its line breaks (EUR-Lex crawls flatten an
//! act to one line).
//!
//! The structure is still in the words, in a fixed order: an OJ header, the title in
//! capitals, the institution line (`THE EUROPEAN PARLIAMENT AND THE COUNCIL…,`), citations
//! separated by `, ` + capital, `Whereas:`, recitals `(1)`, `(2)`… in sequence, the enacting
//! formula in capitals ending with `:`, articles in sequence, paragraphs `1.`, `2.`… in
//! sequence, points after `:` and `;`, `Done at…`, footnotes `( 1 )`, annexes. Expecting the
//! *next* number at each step is what tells a heading from a reference in running text
//! (`artikel 6, lid 1` inside a recital is not a heading).

use std::sync::LazyLock;

use regex::Regex;

use super::annex_parts;
use super::citation;
use super::labels::{self, Label};
use super::preamble;
use super::vocab;
use crate::ingest::extract::{Block, Role};

/// Longest title accepted before the institution line, in bytes.
const MAX_TITLE_BYTES: usize = 3_000;

/// Cuts a flattened act into blocks. Text that does not read as an act comes back as one
/// body block per sentence group, so nothing is lost.
pub fn unflatten(text: &str) -> Vec<Block> {
    let text = strip_oj_header(text);
    let Some(institution) = institution_line(text) else {
        return sentence_groups(text).into_iter().map(Block::body).collect();
    };
    let mut blocks = Vec::new();
    let title = text.get(..institution.start).unwrap_or("").trim();
    if !title.is_empty() {
        blocks.push(Block::new(title, Role::Title));
    }
    blocks.push(Block::body(
        text.get(institution.clone()).unwrap_or("").trim(),
    ));
    let rest = text.get(institution.end..).unwrap_or("");
    let (preamble, enacting, body) = split_enacting(rest);
    blocks.extend(preamble_blocks(preamble));
    if let Some(formula) = enacting {
        blocks.push(Block::new(formula, Role::Enacting));
    }
    blocks.extend(body_blocks(body));
    blocks
}

/// Drops the OJ header a crawl keeps before the title (`L_2021274NL.01004101.xml 30.7.2021
/// NL Publicatieblad van de Europese Unie L 274/41`): everything before the first run of
/// capitalised words that is not the journal reference.
fn strip_oj_header(text: &str) -> &str {
    static FILE_NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*\S+\.xml\s").expect("literal regex"));
    static TITLE_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b\p{Lu}{3,}(?:[\s,]+(?:\(\p{Lu}\p{L}*(?:,\s*\p{Lu}\p{L}*)*\)|\p{Lu}{2,}|\d+/\d+|NR\.|No|Nr\.))*").expect("literal regex")
    });
    if !FILE_NAME.is_match(text) {
        return text;
    }
    let head = text.get(..text.len().min(600)).unwrap_or(text);
    let start = TITLE_START
        .find_iter(head)
        .find(|m| m.as_str().split_whitespace().count() >= 2 || m.as_str().chars().count() >= 8)
        .map(|m| m.start());
    match start {
        Some(start) => text.get(start..).unwrap_or(text),
        None => text,
    }
}

/// The institution line: the first run of at least three capitalised words ending with a
/// comma (`DE EUROPESE COMMISSIE,`, `THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN
/// UNION,`), within reach of the start.
fn institution_line(text: &str) -> Option<std::ops::Range<usize>> {
    static CAPS_RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b[\p{Lu}\-’']{2,}\s+){2,}[\p{Lu}\-’']{2,},").expect("literal regex")
    });
    let window = text
        .get(..floor_boundary(text, MAX_TITLE_BYTES + 400))
        .unwrap_or(text);
    let found = CAPS_RUN
        .find_iter(window)
        .find(|m| m.start() > 0 || !m.as_str().is_empty())?;
    Some(found.start()..found.end())
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Splits at the enacting formula (capitals ending with `:`, after the recitals): preamble,
/// formula, body. Without one, everything is preamble.
fn split_enacting(text: &str) -> (&str, Option<&str>, &str) {
    static FORMULA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b[\p{Lu}\-’']{2,}[\s,]+){2,}[\p{Lu}\-’']{2,}\s?:").expect("literal regex")
    });
    match FORMULA.find(text).or_else(|| one_word_formula(text)) {
        Some(m) => (
            text.get(..m.start()).unwrap_or(""),
            Some(m.as_str().trim()),
            text.get(m.end()..).unwrap_or(""),
        ),
        None => (text, None, ""),
    }
}

/// A formula of one word (`BESLUIT:`, `DÉCIDE :`, `BESCHLIESST:`, a Commission decision's),
/// told from any other capitalised word by the article heading right after it.
fn one_word_formula(text: &str) -> Option<regex::Match<'_>> {
    static ONE_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b\p{Lu}{4,}\s?:").expect("literal regex"));
    ONE_WORD.find_iter(text).find(|m| {
        let rest = text.get(m.end()..).unwrap_or("").trim_start();
        vocab::article_heading(prefix(rest, 80)).is_some()
    })
}

/// Citations (cut at `, ` + capital), the `Whereas:` line, and recitals in sequence.
fn preamble_blocks(text: &str) -> Vec<Block> {
    let first_recital = find_label_at_boundary(text, 0, "(1)");
    let (citations, recitals) = match first_recital {
        Some(at) => (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or("")),
        None => (text, ""),
    };
    let mut blocks: Vec<Block> = citation_pieces(citations)
        .into_iter()
        .map(|piece| {
            if vocab::is_whereas(piece) {
                Block::body(piece)
            } else {
                Block::new(piece, Role::Citation)
            }
        })
        .collect();
    blocks.extend(
        numbered_sequence(recitals, |n| format!("({n})"))
            .into_iter()
            .map(|r| Block::new(r, Role::Recital)),
    );
    blocks
}

/// `Having regard to A, Having regard to B, Whereas:` → its pieces: cut at `, ` and a
/// capital, or a citation opener or the recitals' opener in lower case (`…, ottavat huomioon
/// B, sekä katsovat seuraavaa:`, as Finnish, Hungarian and Swedish write them).
fn citation_pieces(text: &str) -> Vec<&str> {
    static BOUNDARY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r",\s+\p{L}").expect("literal regex"));
    let mut pieces = Vec::new();
    let mut start = 0;
    for m in BOUNDARY.find_iter(text) {
        let next = m.end() - m.as_str().chars().last().map(char::len_utf8).unwrap_or(1);
        let rest = text.get(next..).unwrap_or("");
        let opens_piece = rest.starts_with(char::is_uppercase)
            || preamble::opens_citation(rest)
            || vocab::is_whereas(rest);
        if !opens_piece {
            continue;
        }
        pieces.push(text.get(start..m.start() + 1).unwrap_or("").trim());
        start = next;
    }
    pieces.push(text.get(start..).unwrap_or("").trim());
    pieces.into_iter().filter(|p| !p.is_empty()).collect()
}

/// Cuts `text` at `label(1)`, `label(2)`, … found in sequence at sentence boundaries.
fn numbered_sequence(text: &str, label: impl Fn(u32) -> String) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut from = 0;
    let mut n = 1;
    while let Some(at) = find_label_at_boundary(text, from, &label(n)) {
        starts.push(at);
        from = at + 1;
        n += 1;
    }
    cut_at(text, &starts)
}

/// Pieces of `text` starting at each of `starts` (text before the first is kept too).
fn cut_at<'a>(text: &'a str, starts: &[usize]) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut previous = 0;
    for &at in starts {
        pieces.push(text.get(previous..at).unwrap_or("").trim());
        previous = at;
    }
    pieces.push(text.get(previous..).unwrap_or("").trim());
    pieces.into_iter().filter(|p| !p.is_empty()).collect()
}

/// How far into a piece its first label may follow a title without punctuation.
const MAX_TITLE_BEFORE_FIRST_LABEL: usize = 400;

/// The first position at or after `from` where `label` (followed by a space or a letter)
/// starts, at the start of the text or after sentence punctuation (the first label of a
/// sequence may also follow a short title after a plain space).
fn find_label_at_boundary(text: &str, from: usize, label: &str) -> Option<usize> {
    let first = label == "(1)" || label == "1.";
    let mut search = from;
    while let Some(offset) = text.get(search..)?.find(label) {
        let at = search + offset;
        let after = text.get(at + label.len()..).and_then(|r| r.chars().next());
        let followed = after.is_none_or(|c| c == ' ' || c.is_alphabetic() || c == '\u{a0}');
        let after_title = first
            && at <= MAX_TITLE_BEFORE_FIRST_LABEL
            && text.get(..at).is_some_and(|b| b.ends_with(' '));
        if followed && (at_boundary(text, at) || after_title) {
            return Some(at);
        }
        search = at + label.len();
    }
    None
}

/// True when `at` starts the text or follows `. `, `: `, `; ` or `) `.
fn at_boundary(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("").trim_end();
    before.is_empty() || before.ends_with(['.', ':', ';', ')', '»', '”', '"'])
}

/// Division headings, articles, `Done at`, footnotes and annexes of the body.
fn body_blocks(text: &str) -> Vec<Block> {
    let (articles, end) = match done_at_position(text) {
        Some(at) => (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or("")),
        None => (text, ""),
    };
    let mut blocks = Vec::new();
    for piece in body_pieces(articles) {
        if vocab::article_heading(prefix(piece, 80)).is_some() {
            blocks.extend(article_blocks(piece));
        } else if vocab::division_heading(prefix(piece, 80)).is_some() {
            blocks.push(Block::new(piece, Role::Heading));
        } else {
            blocks.extend(point_blocks(piece));
        }
    }
    split_off_binding_formula(&mut blocks);
    blocks.extend(end_blocks(end));
    blocks
}

/// The act's closing formula (`Deze verordening is verbindend in al haar onderdelen…`)
/// runs on from the last paragraph in a crawl (`2. Zij is van toepassing met ingang van 25
/// mei 2018. Deze verordening is verbindend…`): it becomes a block of its own, so the
/// paragraph keeps its text.
fn split_off_binding_formula(blocks: &mut Vec<Block>) {
    let Some(last) = blocks.last() else {
        return;
    };
    let text = last.text.clone();
    let formula_start = sentence_starts(&text)
        .into_iter()
        .skip(1)
        .rev()
        .find(|&at| text.get(at..).is_some_and(vocab::is_binding_formula));
    let Some(at) = formula_start else {
        return;
    };
    let (paragraph, formula) = text.split_at(at);
    let role = last.role;
    blocks.pop();
    blocks.push(Block::new(paragraph.trim(), role));
    blocks.push(Block::body(formula.trim()));
}

fn done_at_position(text: &str) -> Option<usize> {
    sentence_starts(text).into_iter().find(|&at| {
        text.get(at..)
            .is_some_and(|rest| vocab::is_done_at(prefix(rest, 200)))
    })
}

/// Every position that starts a sentence: 0 and after `. `, `: `, `; `.
fn sentence_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    for (i, window) in bytes.windows(2).enumerate() {
        if matches!(window[0], b'.' | b':' | b';' | b')') && window[1] == b' ' {
            starts.push(i + 2);
        }
    }
    starts
}

/// Every position that starts a word (0 and after a space).
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(
        text.char_indices()
            .filter(|(_, c)| *c == ' ')
            .map(|(i, _)| i + 1),
    )
}

fn prefix(text: &str, bytes: usize) -> &str {
    text.get(..floor_boundary(text, bytes)).unwrap_or(text)
}

/// Cuts before article headings found in sequence (Article 1, 2, 3…, inserted ones too) and
/// before division headings (`CHAPTER II`, `Section 1`), wherever they stand: in a
/// flattened act a heading follows the previous title without punctuation.
fn body_pieces(text: &str) -> Vec<&str> {
    let mut starts = Vec::new();
    let mut previous = 0u32;
    for at in word_starts(text) {
        let Some(rest) = text.get(at..) else { continue };
        if !rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let head = prefix(rest, 80);
        if let Some(heading) = vocab::article_heading(head) {
            let number: u32 = heading
                .number
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or(0);
            let inserted = number == previous && heading.number.len() > previous.to_string().len();
            if number == previous + 1 || inserted || (previous == 0 && number <= 2) {
                starts.push(at);
                previous = number;
            }
        } else if previous > 0
            && at_boundary_or_title(text, at)
            && vocab::division_heading(head).is_some_and(|h| !h.rest.is_empty())
        {
            starts.push(at);
        }
    }
    cut_at(text, &starts)
}

/// A division heading follows punctuation or the short title of the previous one.
fn at_boundary_or_title(text: &str, at: usize) -> bool {
    at_boundary(text, at)
        || text
            .get(..at)
            .is_some_and(|before| before.trim_end().ends_with(|c: char| c.is_alphabetic()))
}

/// One article: its heading, paragraphs `1.`, `2.`… in sequence, points at `:`/`;`.
fn article_blocks(text: &str) -> Vec<Block> {
    let head = prefix(text, 80);
    let Some(heading) = vocab::article_heading(head) else {
        return point_blocks(text);
    };
    let label_len = head.len() - heading.rest.len();
    let label = text.get(..label_len).unwrap_or("").trim();
    let rest = text.get(label_len..).unwrap_or("").trim();
    let mut blocks = vec![Block::new(label, Role::ArticleHeading)];
    let paragraphs = numbered_sequence(rest, |n| format!("{n}."));
    let has_paragraphs =
        paragraphs.len() > 1 || paragraphs.first().is_some_and(|p| p.starts_with("1."));
    if has_paragraphs
        && !paragraphs.first().is_some_and(|p| p.starts_with("1."))
        && let Some((title, others)) = paragraphs.split_first()
    {
        blocks.push(Block::new(*title, Role::ArticleTitle));
        for paragraph in others {
            blocks.extend(point_blocks(paragraph));
        }
        return blocks;
    }
    for paragraph in paragraphs {
        blocks.extend(point_blocks(paragraph));
    }
    blocks
}

/// A point label in flattened text: `a)`, `(a)`, `iii)`, `1)`, `α)`, `а)`.
fn point_label_pattern() -> String {
    format!(
        r"\(?(?:{}|\d{{1,3}}|\p{{Greek}}{{1,2}}|\p{{Cyrillic}})\)",
        labels::LATIN_LABEL
    )
}

/// Cuts a paragraph at points: a label (`a)`, `(a)`, `i)`, `1)`) right after `:` or `;`,
/// or after a list word (`, en 3)`, `; or (v)`) when it is the next label of the point it
/// would end.
fn point_blocks(text: &str) -> Vec<Block> {
    let mut starts = labels_after_punctuation(text);
    starts.extend(labels_after_list_words(text, &starts));
    starts.sort_unstable();
    starts.dedup();
    cut_at(text, &starts).into_iter().map(Block::body).collect()
}

/// The label at `at` in `text`, if one starts there.
fn label_at(text: &str, at: usize) -> Option<Label> {
    labels::parse(text.get(at..)?)
        .map(|(label, _)| label)
        .filter(|label| *label != Label::Dash)
}

/// Where a point label follows `:` or `;`.
fn labels_after_punctuation(text: &str) -> Vec<usize> {
    static POINT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"[:;]\s+({})\s", point_label_pattern())).expect("literal regex")
    });
    POINT
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .filter(|m| label_at(text, m.start()).is_some())
        .map(|m| m.start())
        .collect()
}

/// Where a point label follows a list word (`2) … autoriteit, en 3) het recht`, `gaan;
/// ofwel b)`: a crawl loses the line break and the Dutch text has no `;`), or a comma or
/// full stop (`a) de doeleinden, b) de categorieën`, `organisatie. t)`), kept only when the
/// label is the next of the point it would end (after `2)`, a `3)`) and the word does not
/// join two references (`punten a) en b)`, `onder a), b)`).
fn labels_after_list_words(text: &str, starts: &[usize]) -> Vec<usize> {
    static AFTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(\S+)[ \u{{a0}}]+(?:(\p{{Ll}}+)\s+)?({})\s",
            point_label_pattern()
        ))
        .expect("literal regex")
    });
    let mut found = Vec::new();
    for caps in AFTER_WORD.captures_iter(text) {
        let (Some(before), Some(label)) = (caps.get(1), caps.get(3)) else {
            continue;
        };
        let Some(next) = label_at(text, label.start()) else {
            continue;
        };
        let separates = match caps.get(2) {
            Some(word) => is_list_word(word.as_str()),
            None => before.as_str().ends_with([',', '.']),
        };
        let before = format!("{} x", before.as_str().trim_end_matches([',', '.', ';']));
        let joins_references =
            labels::parse(&before).is_some_and(|(label, _)| next.follows(&label));
        if joins_references || !separates {
            continue;
        }
        let previous = starts
            .iter()
            .chain(&found)
            .filter(|&&at| at < label.start())
            .max()
            .and_then(|&at| label_at(text, at));
        if previous.is_some_and(|previous| next.follows(&previous)) {
            found.push(label.start());
        }
    }
    found
}

/// `en`, `of` and the other words that join the last two items of a list; Dutch also
/// writes `ofwel` / `hetzij` before the last alternative.
fn is_list_word(word: &str) -> bool {
    matches!(word, "ofwel" | "hetzij") || citation::is_list_word(word)
}

/// `Done at …`, signatures, footnotes `( 1 ) …` and annexes.
fn end_blocks(text: &str) -> Vec<Block> {
    if text.is_empty() {
        return Vec::new();
    }
    let annex = sentence_starts(text).into_iter().skip(1).find(|&at| {
        text.get(at..)
            .and_then(|rest| vocab::annex_heading(prefix(rest, 60)))
            .is_some_and(|h| {
                !h.number.is_empty() || h.rest.is_empty() || h.rest.starts_with(char::is_uppercase)
            })
    });
    let (signatures, annexes) = match annex {
        Some(at) => (text.get(..at).unwrap_or(""), text.get(at..).unwrap_or("")),
        None => (text, ""),
    };
    let mut blocks: Vec<Block> = footnote_pieces(signatures)
        .into_iter()
        .map(|p| Block::new(p, Role::Final))
        .collect();
    for annex in cut_at(annexes, &later_annex_starts(annexes)) {
        blocks.extend(annex_blocks(annex));
    }
    blocks
}

/// One annex: its heading (`BIJLAGE II`, the first two words) and its points.
fn annex_blocks(annex: &str) -> Vec<Block> {
    // The first two words; `BIJLAGE\u{a0}XII` is two words.
    let heading_end = annex
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, _)| i)
        .find(|&i| {
            i > 0
                && annex
                    .get(..i)
                    .is_some_and(|h| h.split_whitespace().count() == 2)
        })
        .unwrap_or(annex.len());
    let (heading, content) = annex.split_at(floor_boundary(annex, heading_end));
    let mut blocks = vec![Block::new(heading.trim(), Role::AnnexHeading)];
    let content = content.trim();
    for piece in cut_at(content, &annex_part_starts(content)) {
        match part_heading(piece) {
            Some((len, _)) => {
                let (part, rest) = piece.split_at(len);
                blocks.push(Block::new(part.trim(), Role::Heading));
                for point in numbered_sequence(rest.trim(), |n| format!("{n}.")) {
                    blocks.extend(point_blocks(point));
                }
            }
            None => blocks.extend(point_blocks(piece)),
        }
    }
    blocks
}

/// Where the parts of an annex start: `Deel A`, `Deel B`… (or `Part I`, `Part II`…,
/// `ΜΕΡΟΣ Α`, `A. RÉSZ`) in sequence, capitalised, after punctuation or the title before
/// them. References are written in lower case (`deel A van bijlage VI`) and break the
/// sequence.
fn annex_part_starts(content: &str) -> Vec<usize> {
    let mut previous: Option<String> = None;
    let mut starts = Vec::new();
    for at in word_starts(content) {
        let Some(rest) = content.get(at..) else {
            continue;
        };
        let Some((_, number)) = part_heading(rest) else {
            continue;
        };
        let next = match &previous {
            None => number == "A" || number == "I",
            Some(before) => annex_follows(&number, before),
        };
        // A part follows punctuation or the title of the annex or of the part before, which
        // may end with a number (`… artikelen 89 en 90 Deel A`).
        let after_title = content
            .get(..at)
            .is_some_and(|before| before.trim_end().ends_with(char::is_alphanumeric));
        if next && (at_boundary(content, at) || after_title) {
            starts.push(at);
            previous = Some(number);
        }
    }
    starts
}

/// The part heading that starts `text` (`Deel A`, `ΜΕΡΟΣ Β`, `A. RÉSZ`, or a letter alone:
/// `A.`, `Β.`), if one does: its length and the part's id (`A`, `B`, `II`).
fn part_heading(text: &str) -> Option<(usize, String)> {
    static LETTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\p{Lu})\.[\s\u{a0}]+\p{Lu}\p{Ll}").expect("literal regex"));
    // Only the first letters: a later one is more likely an initial.
    let letter = LETTER.captures(text).and_then(|caps| caps.get(1));
    let id = letter
        .and_then(|m| m.as_str().chars().next())
        .and_then(annex_parts::letter_id)
        .filter(|id| ('A'..='H').contains(id));
    if let (Some(letter), Some(id)) = (letter, id) {
        return Some((letter.end() + 1, id.to_string()));
    }
    let head = prefix(text, 80);
    if let Some(heading) = annex_parts::part_heading(head) {
        return Some((head.len() - heading.title.len(), heading.id));
    }
    division_part_heading(head)
}

/// A part heading the division vocabulary knows and [`annex_parts`] does not (`Part IIa`).
fn division_part_heading(head: &str) -> Option<(usize, String)> {
    const PART_WORDS: [&str; 10] = [
        "deel", "part", "partie", "teil", "parte", "del", "osa", "część", "část", "časť",
    ];
    let word = head.split_whitespace().next()?;
    if !word.starts_with(char::is_uppercase) || !PART_WORDS.contains(&word.to_lowercase().as_str())
    {
        return None;
    }
    let heading = vocab::division_heading(head)?;
    let number = heading.number.trim_end_matches('.').to_uppercase();
    (!number.is_empty()).then(|| (head.len() - heading.rest.len(), number))
}

/// Where the annexes after the first start in `annexes` (which starts with the first): a
/// heading in capitals numbered next in sequence (`BIJLAGE II` after `BIJLAGE I`, `ANNEX
/// IIa` after `ANNEX II`). A crawl runs an annex into the next without punctuation (a
/// table's last cell, then `BIJLAGE XIII`); the sequence tells a heading from `Annex II`
/// cited in the text.
fn later_annex_starts(annexes: &str) -> Vec<usize> {
    let mut previous = vocab::annex_heading(prefix(annexes, 60)).map(|h| h.number);
    let mut starts = Vec::new();
    for at in word_starts(annexes).skip(1) {
        let Some(rest) = annexes.get(at..) else {
            continue;
        };
        // A heading word in capitals first: the cheap test, met by few words.
        let in_capitals = rest
            .split_whitespace()
            .next()
            .is_some_and(|word| word.chars().all(|c| !c.is_lowercase()));
        if !in_capitals {
            continue;
        }
        let Some(heading) = vocab::annex_heading(prefix(rest, 60)) else {
            continue;
        };
        let next = previous
            .as_deref()
            .is_some_and(|before| annex_follows(&heading.number, before));
        if next {
            starts.push(at);
            previous = Some(heading.number);
        }
    }
    starts
}

/// True when annex number `number` comes right after `before`: `II` after `I`, `3` after
/// `2`, `B` after `A`, or an inserted `IIa` after `II`.
fn annex_follows(number: &str, before: &str) -> bool {
    let inserted = number.len() == before.len() + 1
        && number.starts_with(before)
        && number.ends_with(|c: char| c.is_ascii_lowercase());
    let next = annex_ordinal(before).map(|n| n + 1);
    inserted || (next.is_some() && next == annex_ordinal(number))
}

/// The position of an annex number in its sequence: `IV` → 4, `12` → 12, `C` → 3.
fn annex_ordinal(number: &str) -> Option<u32> {
    if let Ok(n) = number.parse::<u32>() {
        return Some(n);
    }
    if let Some(n) = labels::roman_value(&number.to_ascii_lowercase()) {
        return Some(n);
    }
    let mut chars = number.chars();
    let letter = chars.next().filter(|c| c.is_ascii_uppercase())?;
    chars
        .next()
        .is_none()
        .then(|| u32::from(letter) - u32::from('A') + 1)
}

/// Footnotes are written `( 1 ) OJ …` in crawls: one block each.
fn footnote_pieces(text: &str) -> Vec<&str> {
    static NOTE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\s\d{1,3}\s\)\s").expect("literal regex"));
    let starts: Vec<usize> = NOTE.find_iter(text).map(|m| m.start()).collect();
    cut_at(text, &starts)
}

/// Text that is not an act: groups of sentences of about a paragraph's length.
fn sentence_groups(text: &str) -> Vec<&str> {
    const GROUP_BYTES: usize = 1_200;
    let mut starts = Vec::new();
    let mut last = 0;
    for at in sentence_starts(text) {
        if at - last >= GROUP_BYTES {
            starts.push(at);
            last = at;
        }
    }
    cut_at(text, &starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLAT: &str = "L_2021274NL.01004101.xml 30.7.2021 NL Publicatieblad van de Europese Unie L 274/41 \
        VERORDENING (EU) 2021/1232 VAN HET EUROPEES PARLEMENT EN DE RAAD van 14 juli 2021 betreffende een tijdelijke afwijking (Voor de EER relevante tekst) \
        HET EUROPEES PARLEMENT EN DE RAAD VAN DE EUROPESE UNIE, Gezien het Verdrag betreffende de werking van de Europese Unie, en met name artikel 16, \
        Gezien het voorstel van de Europese Commissie, Overwegende hetgeen volgt: (1) In Richtlijn 2002/58/EG zijn regels vastgesteld. Artikel 7 van het Handvest beschermt. \
        (2) Richtlijn 2002/58/EG is van toepassing. HEBBEN DE VOLGENDE VERORDENING VASTGESTELD: Artikel 1 Onderwerp en toepassingsgebied \
        1. In deze verordening worden voorschriften vastgesteld. 2. Deze verordening is niet van toepassing op: a) de eerste zaak; b) de tweede zaak. \
        Artikel 2 Definities Voor de toepassing van deze verordening wordt verstaan onder: 1) „dienst”: een dienst; 2) „gebruiker”: een persoon. \
        Gedaan te Brussel, 14 juli 2021. Voor het Europees Parlement De voorzitter D. M. SASSOLI ( 1 ) PB C 10 van 11.1.2021, blz. 63.";

    fn texts(blocks: &[Block]) -> Vec<(Role, &str)> {
        blocks.iter().map(|b| (b.role, b.text.as_str())).collect()
    }

    #[test]
    fn a_flattened_act_gets_its_blocks_back() {
        let blocks = unflatten(FLAT);
        let t = texts(&blocks);
        assert_eq!(t[0].0, Role::Title);
        assert!(
            t[0].1.starts_with("VERORDENING (EU) 2021/1232"),
            "{:?}",
            t[0]
        );
        assert_eq!(
            t[1].1,
            "HET EUROPEES PARLEMENT EN DE RAAD VAN DE EUROPESE UNIE,"
        );
        assert_eq!(
            t[2],
            (
                Role::Citation,
                "Gezien het Verdrag betreffende de werking van de Europese Unie, en met name artikel 16,"
            )
        );
        assert_eq!(t[4], (Role::Body, "Overwegende hetgeen volgt:"));
        assert_eq!(
            t[5],
            (
                Role::Recital,
                "(1) In Richtlijn 2002/58/EG zijn regels vastgesteld. Artikel 7 van het Handvest beschermt."
            )
        );
        assert_eq!(t[7].0, Role::Enacting);
        assert_eq!(t[8], (Role::ArticleHeading, "Artikel 1"));
        assert_eq!(t[9], (Role::ArticleTitle, "Onderwerp en toepassingsgebied"));
        assert_eq!(
            t[10].1,
            "1. In deze verordening worden voorschriften vastgesteld."
        );
        assert_eq!(t[11].1, "2. Deze verordening is niet van toepassing op:");
        assert_eq!(t[12].1, "a) de eerste zaak;");
        assert_eq!(t[14], (Role::ArticleHeading, "Artikel 2"));
        assert!(
            t.iter()
                .any(|(r, x)| *r == Role::Final && x.starts_with("Gedaan te Brussel"))
        );
        assert!(
            t.iter()
                .any(|(r, x)| *r == Role::Final && x.starts_with("( 1 ) PB C 10"))
        );
    }

    #[test]
    fn lower_case_citations_of_a_flattened_act_are_cut() {
        let flat = "EUROOPAN PARLAMENTIN JA NEUVOSTON ASETUS (EU) 2023/9999, annettu 15 \
                    päivänä maaliskuuta 2023, siilien suojelusta EUROOPAN PARLAMENTTI JA \
                    EUROOPAN UNIONIN NEUVOSTO, jotka ottavat huomioon Euroopan unionin \
                    toiminnasta tehdyn sopimuksen ja erityisesti sen 114 artiklan, ottavat \
                    huomioon Euroopan komission ehdotuksen, sekä katsovat seuraavaa: (1) \
                    Siilien määrä vähenee. (2) Puutarhoista tiedotetaan. OVAT HYVÄKSYNEET \
                    TÄMÄN ASETUKSEN: 1 artikla Kohde Tässä asetuksessa vahvistetaan säännöt.";
        let blocks = unflatten(flat);
        let t = texts(&blocks);
        let citations: Vec<&str> = t
            .iter()
            .filter(|(role, _)| *role == Role::Citation)
            .map(|(_, text)| *text)
            .collect();
        assert_eq!(
            citations,
            [
                "jotka ottavat huomioon Euroopan unionin toiminnasta tehdyn sopimuksen ja \
                 erityisesti sen 114 artiklan,",
                "ottavat huomioon Euroopan komission ehdotuksen,"
            ]
        );
        assert!(t.contains(&(Role::Body, "sekä katsovat seuraavaa:")));
    }

    #[test]
    fn segmented_ids_match_the_structured_version() {
        let units = super::super::units::segment(&unflatten(FLAT), true);
        let ids: Vec<String> = units
            .iter()
            .map(|u| u.id.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            ids,
            [
                "",
                "cit_1",
                "cit_2",
                "rct_1",
                "rct_2",
                "art_1",
                "art_1.par_1",
                "art_1.par_2",
                "art_1.par_2.pnt_a",
                "art_1.par_2.pnt_b",
                "art_2",
                "art_2.pnt_1",
                "art_2.pnt_2"
            ]
        );
    }

    #[test]
    fn a_commission_act_has_a_three_word_institution_line() {
        let flat = "L_2017009NL.01000401.xml 13.1.2017 NL Publicatieblad van de Europese Unie L 9/4 \
            UITVOERINGSVERORDENING (EU) 2017/68 VAN DE COMMISSIE van 9 januari 2017 tot wijziging van Verordening (EG) nr. 121/2008 \
            DE EUROPESE COMMISSIE, Gezien het Verdrag betreffende de werking van de Europese Unie, \
            Overwegende hetgeen volgt: (1) De indeling van goederen. HEEFT DE VOLGENDE VERORDENING VASTGESTELD: \
            Artikel 1 Bijlage I wordt gewijzigd. Artikel 2 Deze verordening treedt in werking.";
        let blocks = unflatten(flat);
        let t = texts(&blocks);
        assert_eq!(t[0].0, Role::Title);
        assert!(t[0].1.starts_with("UITVOERINGSVERORDENING (EU) 2017/68"));
        assert_eq!(t[1].1, "DE EUROPESE COMMISSIE,");
        assert!(t.contains(&(Role::ArticleHeading, "Artikel 2")), "{t:?}");
    }

    #[test]
    fn a_title_naming_euratom_keeps_its_first_word() {
        let flat = "L_2019304NL.01000101.xml 26.11.2019 NL Publicatieblad van de Europese Unie L 304/1 \
            BESLUIT (EU, Euratom) 2019/1945 VAN DE RAAD van 19 november 2018 houdende goedkeuring \
            DE RAAD VAN DE EUROPESE UNIE, Gezien het Verdrag, HEEFT HET VOLGENDE BESLUIT VASTGESTELD: \
            Enig artikel De sluiting wordt goedgekeurd.";
        let blocks = unflatten(flat);
        assert_eq!(blocks[0].role, Role::Title);
        assert!(
            blocks[0]
                .text
                .starts_with("BESLUIT (EU, Euratom) 2019/1945 VAN DE RAAD"),
            "{:?}",
            blocks[0]
        );
    }

    #[test]
    fn a_one_word_enacting_formula_before_article_1_is_found() {
        let flat = "CI2021457NL.01000101.xml 11.11.2021 NL Publicatieblad van de Europese Unie CI 457/1 \
            BESLUIT VAN DE COMMISSIE van 27 oktober 2021 tot oprichting van de deskundigengroep (2021/C 457 I/01) \
            DE EUROPESE COMMISSIE, Gezien het Verdrag betreffende de werking van de Europese Unie, \
            Overwegende hetgeen volgt: (1) Een groep moet worden opgericht. (2) Zie BIJLAGE: tabel. BESLUIT: \
            Artikel 1 Onderwerp De groep wordt opgericht. Artikel 2 Taken De groep adviseert.";
        let t = texts(&unflatten(flat))
            .into_iter()
            .map(|(r, x)| (r, x.to_string()))
            .collect::<Vec<_>>();
        assert!(
            t.contains(&(Role::Enacting, "BESLUIT:".to_string())),
            "{t:?}"
        );
        assert!(
            t.contains(&(Role::ArticleHeading, "Artikel 2".to_string())),
            "{t:?}"
        );
        let units = super::super::units::segment(&unflatten(flat), true);
        assert!(units.iter().any(|u| u.id.as_deref() == Some("art_2")));
    }

    /// The ids of the units of `FLAT` with `body` in place of its articles.
    fn ids_with_body(body: &str) -> Vec<String> {
        let (head, _) = FLAT.split_at(FLAT.find("Artikel 1 Onderwerp").unwrap_or(0));
        let flat = format!("{head}{body}");
        super::super::units::segment(&unflatten(&flat), true)
            .into_iter()
            .filter_map(|u| u.id)
            .filter(|id| id.starts_with("art_3") || id.starts_with("anx"))
            .collect()
    }

    #[test]
    fn points_joined_by_a_list_word_and_long_romans_are_cut() {
        let ids = ids_with_body(
            "Artikel 1 Onderwerp Tekst. Artikel 2 Definities Tekst. Artikel 3 Voorwaarden \
             1. De aanbieders: a) de eerste; b) de aanbieders: i) een; ii) twee; iii) drie; \
             iv) vier; v) vijf; vi) de gebruikers inlichten over: 1) de mogelijkheden; \
             2) de klacht, en 3) het recht; vii) een verslag publiceren over: 1) het type; \
             2) de reden, zoals bedoeld in de punten a) en b), en 3) de namen; \
             c) de gegevens voor de doeleinden: i) melden; ii) blokkeren; of iii) reageren; \
             d) het einde. Gedaan te Brussel, 14 juli 2021.",
        );
        let expected = [
            "art_3",
            "art_3.par_1",
            "art_3.par_1.pnt_a",
            "art_3.par_1.pnt_b",
            "art_3.par_1.pnt_b.pnt_i",
            "art_3.par_1.pnt_b.pnt_ii",
            "art_3.par_1.pnt_b.pnt_iii",
            "art_3.par_1.pnt_b.pnt_iv",
            "art_3.par_1.pnt_b.pnt_v",
            "art_3.par_1.pnt_b.pnt_vi",
            "art_3.par_1.pnt_b.pnt_vi.pnt_1",
            "art_3.par_1.pnt_b.pnt_vi.pnt_2",
            "art_3.par_1.pnt_b.pnt_vi.pnt_3",
            "art_3.par_1.pnt_b.pnt_vii",
            "art_3.par_1.pnt_b.pnt_vii.pnt_1",
            "art_3.par_1.pnt_b.pnt_vii.pnt_2",
            "art_3.par_1.pnt_b.pnt_vii.pnt_3",
            "art_3.par_1.pnt_c",
            "art_3.par_1.pnt_c.pnt_i",
            "art_3.par_1.pnt_c.pnt_ii",
            "art_3.par_1.pnt_c.pnt_iii",
            "art_3.par_1.pnt_d",
        ];
        assert_eq!(ids, expected);
    }

    #[test]
    fn points_after_a_comma_a_full_stop_or_ofwel_are_cut() {
        let ids = ids_with_body(
            "Artikel 1 Onderwerp Tekst. Artikel 2 Definities Tekst. Artikel 3 Voorwaarden \
             1. De maatregelen bevatten ten minste: a) de doeleinden, b) de categorieën, \
             c) de waarborgen, en d) de termijnen. 2. De verwerker mag ofwel: a) een \
             vergoeding aanrekenen; ofwel b) weigeren. Onder a), b) en c) van lid 1 valt dit \
             niet. 3. Het Comité: a) adviseert over de organisatie. b) brengt verslag uit. \
             Gedaan te Brussel, 14 juli 2021.",
        );
        let expected = [
            "art_3",
            "art_3.par_1",
            "art_3.par_1.pnt_a",
            "art_3.par_1.pnt_b",
            "art_3.par_1.pnt_c",
            "art_3.par_1.pnt_d",
            "art_3.par_2",
            "art_3.par_2.pnt_a",
            "art_3.par_2.pnt_b",
            "art_3.par_3",
            "art_3.par_3.pnt_a",
            "art_3.par_3.pnt_b",
        ];
        assert_eq!(ids, expected);
    }

    #[test]
    fn the_closing_formula_leaves_the_last_paragraph() {
        let (head, _) = FLAT.split_at(FLAT.find("Artikel 1 Onderwerp").unwrap_or(0));
        let flat = format!(
            "{head}Artikel 1 Onderwerp Tekst. Artikel 2 Inwerkingtreding 1. Deze verordening \
             treedt in werking op de twintigste dag na die van de bekendmaking . 2. Zij is van \
             toepassing met ingang van 25 mei 2018. Deze verordening is verbindend in al haar \
             onderdelen en is rechtstreeks toepasselijk in elke lidstaat. Gedaan te Brussel, \
             14 juli 2021."
        );
        let units = super::super::units::segment(&unflatten(&flat), true);
        let paragraph_2 = units
            .iter()
            .find(|u| u.id.as_deref() == Some("art_2.par_2"))
            .expect("art_2.par_2");
        assert_eq!(
            paragraph_2.text,
            "2. Zij is van toepassing met ingang van 25 mei 2018."
        );
        assert!(
            units[0]
                .text
                .contains("is verbindend in al haar onderdelen")
        );
    }

    #[test]
    fn every_annex_of_a_flattened_act_is_its_own_unit() {
        let ids = ids_with_body(
            "Artikel 1 Onderwerp Tekst. Artikel 2 Definities Tekst. Artikel 3 Bijlagen \
             De in bijlage II bedoelde diensten. Gedaan te Brussel, 14 juli 2021. \
             BIJLAGE I LIJST VAN VOORWAARDEN De voorwaarden: a) eerste; b) zie Bijlage II. \
             BIJLAGE II CRITERIA Tabel 2003/21/EG 25 juli 2003 BIJLAGE III CONCORDANTIETABEL \
             Richtlijn 2002/21/EG artikel 1",
        );
        assert_eq!(
            ids,
            [
                "art_3",
                "anx_I",
                "anx_I.pnt_a",
                "anx_I.pnt_b",
                "anx_II",
                "anx_III"
            ]
        );
    }

    #[test]
    fn parts_of_a_flattened_annex_are_their_own_units() {
        let ids = ids_with_body(
            "Artikel 1 Onderwerp Tekst. Artikel 2 Definities Tekst. Artikel 3 Bijlagen \
             De in deel B van bijlage I bedoelde voorwaarden. Gedaan te Brussel, 14 juli 2021. \
             BIJLAGE I LIJST VAN VOORWAARDEN Deel A Algemene voorwaarden 1. Vergoedingen. \
             2. Interconnectie zoals bedoeld in deel B van bijlage II. Deel B Specifieke \
             voorwaarden 1. Aanwijzing. BIJLAGE\u{a0}II Deel A Ingetrokken richtlijnen \
             Richtlijn 2002/21/EG artikel 8 Deel B Termijnen 25 juli 2003 BIJLAGE III \
             INFORMATIE A. Informatie voor aanbieders: 1) de kenmerken; 2) de prijzen. \
             B.\u{a0}\u{a0}Informatie voor consumenten De aanbieders vermelden: 1) de duur.",
        );
        assert_eq!(
            ids,
            [
                "art_3",
                "anx_I",
                "anx_I.prt_A",
                "anx_I.prt_A.pnt_1",
                "anx_I.prt_A.pnt_2",
                "anx_I.prt_B",
                "anx_I.prt_B.pnt_1",
                "anx_II",
                "anx_II.prt_A",
                "anx_II.prt_B",
                "anx_III",
                "anx_III.prt_A",
                "anx_III.prt_A.pnt_1",
                "anx_III.prt_A.pnt_2",
                "anx_III.prt_B",
                "anx_III.prt_B.pnt_1"
            ]
        );
    }

    #[test]
    fn greek_bulgarian_and_hungarian_parts_of_a_flattened_annex_are_found() {
        let ids = ids_with_body(
            "Artikel 1 Onderwerp Tekst. Artikel 2 Definities Tekst. Artikel 3 Bijlagen \
             Tekst. Gedaan te Brussel, 14 juli 2021. \
             BIJLAGE I ΚΑΤΑΛΟΓΟΣ ΜΕΡΟΣ Α Γενικοί όροι 1. Αμοιβές. 2. Διασύνδεση. \
             ΜΕΡΟΣ Β Ειδικοί όροι 1. Ορισμός. BIJLAGE II СПИСЪК ЧАСТ А Общи условия \
             1. Такси. ЧАСТ Б Специални условия 1. Срокове. BIJLAGE III JEGYZÉK \
             A. RÉSZ Általános feltételek 1. Díjak. B. RÉSZ Különös feltételek 1. Határidők.",
        );
        assert_eq!(
            ids[1..],
            [
                "anx_I",
                "anx_I.prt_A",
                "anx_I.prt_A.pnt_1",
                "anx_I.prt_A.pnt_2",
                "anx_I.prt_B",
                "anx_I.prt_B.pnt_1",
                "anx_II",
                "anx_II.prt_A",
                "anx_II.prt_A.pnt_1",
                "anx_II.prt_B",
                "anx_II.prt_B.pnt_1",
                "anx_III",
                "anx_III.prt_A",
                "anx_III.prt_A.pnt_1",
                "anx_III.prt_B",
                "anx_III.prt_B.pnt_1"
            ]
        );
    }

    #[test]
    fn text_that_is_not_an_act_is_kept() {
        let text = "Just a long note. ".repeat(200);
        let blocks = unflatten(&text);
        assert!(blocks.len() > 1);
        let total: usize = blocks.iter().map(|b| b.text.len()).sum();
        assert!(total + blocks.len() >= text.trim().len());
    }
}
