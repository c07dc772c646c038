//! Cutting a document into units: citations, recitals, articles, paragraphs, points,
//! annexes; or paragraphs `p_n` for non-legal text.
//!
//! The segmenter reads the blocks of any extractor in order. Roles the markup gave (article
//! heading, recital, footnote…) are trusted; otherwise the text decides: `Article 6`,
//! `(12)` in the preamble, `1.`, `(a)`. The same rules apply in every language, so a unit has
//! the same id in every language version. Numbering style is learnt per article: English
//! numbers paragraphs `1.` and points `(1)`, German the other way round, and a list after a
//! sentence ending in `:` is always points.

use std::collections::HashSet;

use super::annex_parts;
use super::labels::{self, Label, Style};
use super::preamble;
use super::vocab;
use crate::ingest::extract::{Block, Role};
use crate::limits;

/// One unit of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// `art_6.par_1`, `p_3`, or `None` for the document as a whole.
    pub id: Option<String>,
    /// Chapter, section and article headings above the unit.
    pub heading: Option<String>,
    /// The unit's own text (not that of the units inside it).
    pub text: String,
}

/// Cuts `blocks` into units: legal structure when `legal`, paragraphs otherwise. The first
/// unit is always the whole-document unit (`id` `None`).
pub fn segment(blocks: &[Block], legal: bool) -> Vec<Unit> {
    if legal {
        let mut segmenter = Segmenter::default();
        for block in blocks {
            segmenter.add(block);
        }
        segmenter.finish()
    } else {
        paragraphs(blocks)
    }
}

/// Non-legal text: the title in the document unit, every other block a paragraph `p_n`
/// under the last heading seen.
fn paragraphs(blocks: &[Block]) -> Vec<Unit> {
    let mut units = vec![document_unit()];
    let mut heading: Option<String> = None;
    let mut number = 0;
    for block in blocks {
        match block.role {
            Role::Title => append(&mut units[0].text, &block.text),
            Role::Heading | Role::ArticleHeading | Role::AnnexHeading => {
                heading = Some(block.text.clone())
            }
            _ => {}
        }
        if block.role == Role::Title {
            continue;
        }
        for piece in split_at_most(&block.text, limits::MAX_UNIT_CHARS) {
            if units.len() >= limits::MAX_UNITS_PER_FILE {
                return units;
            }
            number += 1;
            units.push(Unit {
                id: Some(format!("p_{number}")),
                heading: heading.clone(),
                text: piece.to_string(),
            });
        }
    }
    units
}

fn document_unit() -> Unit {
    Unit {
        id: None,
        heading: None,
        text: String::new(),
    }
}

/// Cuts text into pieces of at most `max` bytes, at spaces where it can.
fn split_at_most(text: &str, max: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while rest.len() > max {
        let (head, tail) = rest.split_at(space_before(rest, max));
        pieces.push(head.trim());
        rest = tail.trim_start();
    }
    if !rest.is_empty() {
        pieces.push(rest);
    }
    pieces
}

/// Where to cut `text` to keep at most `max` bytes: at its last space in the second half,
/// else at the character boundary.
fn space_before(text: &str, max: usize) -> usize {
    if text.len() <= max {
        return text.len();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(..cut)
        .and_then(|head| head.rfind(' '))
        .filter(|i| *i > cut / 2)
        .unwrap_or(cut)
}

fn append(target: &mut String, text: &str) {
    if target.len() >= limits::MAX_UNIT_CHARS {
        return;
    }
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text);
}

/// Where in an act the segmenter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    /// Title and anything before the preamble (explanatory memorandum).
    #[default]
    Head,
    /// Citations, after the institution line.
    Citations,
    /// Recitals, after `Whereas:`.
    Recitals,
    /// Articles.
    Body,
    /// After `Done at`: signatures, footnotes, financial statements.
    End,
    /// Inside an annex.
    Annex,
}

/// One open list of points: its label kind and the unit it belongs to.
#[derive(Debug, Clone)]
struct List {
    label: Label,
    parent: String,
    count: u32,
    last: String,
}

#[derive(Default)]
struct Segmenter {
    units: Vec<Unit>,
    part: Part,
    citations: u32,
    recitals: u32,
    /// Paragraphs `p_n` of text outside the act's structure.
    loose: u32,
    /// Index of the unit that receives unlabelled text.
    current: usize,
    /// Open division headings, outermost first, with their level.
    division: Vec<(usize, String)>,
    /// True right after a division heading: the next short block is its title.
    division_title_due: bool,
    article: Option<ArticleState>,
    /// Ids of the articles opened so far: none opens twice.
    article_ids: HashSet<String>,
    /// The last block of the head, when it is a line in capitals: the institution line, if a
    /// citation follows.
    head_line_in_capitals: Option<String>,
    /// The article before the last jump in numbering (`6` when `Article 52` followed it):
    /// the article after it (`7`) may still come, the jump being a stray line.
    before_jump: Option<u32>,
    annex: Option<String>,
    /// The part of the annex the segmenter is in (`A`, `II`), if the annex has parts.
    annex_part: Option<String>,
    lists: Vec<List>,
    /// The outermost list that unlabelled text closed last: its next label resumes it.
    closed: Option<List>,
    /// A label that came as a block of its own (`i.` in a table cell, `(a)` on its own
    /// line): it numbers the next block.
    pending_label: Option<String>,
}

#[derive(Debug, Clone)]
struct ArticleState {
    id: String,
    number: u32,
    heading: String,
    title_due: bool,
    paragraph_style: Option<Style>,
    paragraphs: u32,
    /// The last unlabelled text of the article ended with `:`: numbers that follow are points.
    colon: bool,
}

impl Segmenter {
    fn add(&mut self, block: &Block) {
        if self.units.is_empty() {
            self.units.push(document_unit());
        }
        if self.units.len() >= limits::MAX_UNITS_PER_FILE {
            return;
        }
        let text = strip_amendment_markers(&block.text);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let bare = is_bare_label(text) && matches!(block.role, Role::Body | Role::Recital);
        if let Some(label) = self.pending_label.take() {
            // `(a)` then `(i)`: both number the next block, as extractors glue them.
            if bare && label.len() < MAX_BARE_LABELS_BYTES {
                self.pending_label = Some(format!("{label} {text}"));
                return;
            }
            if !bare && may_follow_bare_label(text, block.role) {
                return self.add_block(&format!("{label} {text}"), block.role);
            }
            self.add_block(&label, Role::Body);
        }
        if bare {
            self.pending_label = Some(text.to_string());
            return;
        }
        self.add_block(text, block.role);
    }

    fn add_block(&mut self, text: &str, role: Role) {
        match role {
            // Annexes of OJ documents reuse the title style for their own headings.
            Role::Title if self.part != Part::Head => self.add_text(text, Role::Heading),
            Role::Title | Role::Note => append(&mut self.units[0].text, text),
            _ => self.add_text(text, role),
        }
    }

    fn add_text(&mut self, text: &str, role: Role) {
        if self.starts_annex(text, role)
            || self.starts_article(text, role)
            || self.starts_annex_part(text)
            || self.starts_division(text)
        {
            return;
        }
        if self.part == Part::End || role == Role::Final {
            return self.add_end_matter(text, role);
        }
        match self.part {
            Part::Head | Part::Citations | Part::Recitals => self.add_preamble(text, role),
            Part::Body | Part::Annex => self.add_body(text, role),
            Part::End => {}
        }
    }

    // ----- preamble -------------------------------------------------------------------

    fn add_preamble(&mut self, text: &str, role: Role) {
        let line_in_capitals = self.head_line_in_capitals.take();
        if let Some(number) = self.recital_number(text, role) {
            self.recitals = number;
            self.part = Part::Recitals;
            self.push_unit(format!("rct_{number}"), None, text);
            return;
        }
        let in_preamble = matches!(self.part, Part::Citations | Part::Recitals);
        if role == Role::Enacting || (in_preamble && is_enacting_formula(text)) {
            self.part = Part::Body;
            return append(&mut self.units[0].text, text);
        }
        if vocab::is_whereas(text) {
            self.part = Part::Recitals;
            return append(&mut self.units[0].text, text);
        }
        if self.part == Part::Head {
            if is_institution_line(text) {
                self.part = Part::Citations;
                return append(&mut self.units[0].text, text);
            }
            if let Some(line) = line_in_capitals
                && preamble::opens_citation(text)
            {
                self.reclaim_institution_line(&line);
                self.part = Part::Citations;
            }
        }
        if role == Role::Citation || (self.part == Part::Citations && role != Role::Recital) {
            self.citations += 1;
            self.part = Part::Citations;
            let id = format!("cit_{}", self.citations);
            return self.push_unit(id, None, text);
        }
        if self.part == Part::Recitals && self.recitals > 0 {
            return self.append_current(text);
        }
        if self.part == Part::Head && is_capitals_line(text) {
            self.head_line_in_capitals = Some(text.to_string());
        }
        self.add_loose(text);
    }

    /// A line in capitals that the first citation shows was the institution line (`…
    /// NEUVOSTO, jotka`, `… RÅD HAR ANTAGIT DENNA FÖRORDNING`) stays with the document, as
    /// institution lines do, even where it was long enough to become a loose unit.
    fn reclaim_institution_line(&mut self, line: &str) {
        let Some(last) = self.units.last() else {
            return;
        };
        let is_loose_line =
            last.id.as_deref() == Some(format!("p_{}", self.loose).as_str()) && last.text == line;
        if self.loose == 0 || !is_loose_line {
            return;
        }
        self.units.pop();
        self.loose -= 1;
        self.current = self.units.len() - 1;
        append(&mut self.units[0].text, line);
    }

    /// `(n)` with the next recital number, in the preamble, or a block marked a recital.
    fn recital_number(&self, text: &str, role: Role) -> Option<u32> {
        let next = self.recitals + 1;
        match labels::parse(text) {
            Some((Label::Number(n, Style::Paren | Style::Right), _)) if n == next => Some(n),
            Some((Label::Number(n, _), _)) if role == Role::Recital && n == next => Some(n),
            _ if role == Role::Recital && self.part == Part::Recitals => None,
            _ => None,
        }
    }

    /// Text outside the act's structure (explanatory memorandum, financial statement):
    /// short lines stay with the document, paragraphs become `p_n`.
    fn add_loose(&mut self, text: &str) {
        if text.chars().count() < 80 && self.loose == 0 {
            return append(&mut self.units[0].text, text);
        }
        self.push_loose(text, limits::MAX_UNIT_CHARS);
    }

    /// `text` as the next loose units `p_n`, in pieces of at most `max` bytes.
    fn push_loose(&mut self, text: &str, max: usize) {
        for piece in split_at_most(text, max) {
            self.loose += 1;
            let id = format!("p_{}", self.loose);
            self.push_unit(id, self.division_heading(), piece);
        }
    }

    /// Signatures and footnotes stay with the document; longer end matter (a financial
    /// statement, an annex a flattened act runs into its signatures) becomes `p_n`.
    fn add_end_matter(&mut self, text: &str, role: Role) {
        self.part = Part::End;
        self.lists.clear();
        let fits = self.units[0].text.len() + text.len() < limits::MAX_UNIT_CHARS;
        if fits && (role == Role::Final || text.chars().count() < 200) {
            return append(&mut self.units[0].text, text);
        }
        self.add_loose(text);
    }

    // ----- headings -------------------------------------------------------------------

    fn starts_article(&mut self, text: &str, role: Role) -> bool {
        if let Some((title, heading_text)) = toc_entry(text) {
            return self.open_toc_article(title, heading_text);
        }
        let Some(heading) = vocab::article_heading(text) else {
            return false;
        };
        let number = leading_number(&heading.number);
        if !self.may_open_article(&heading.number) {
            return false;
        }
        let trusted = role == Role::ArticleHeading;
        if !trusted && !self.plausible_article(number, heading.rest) {
            return false;
        }
        let label = text
            .get(..text.len() - heading.rest.len())
            .unwrap_or(text)
            .trim();
        self.open_article(&heading.number, number, label);
        if !heading.rest.is_empty() {
            self.set_article_title(heading.rest);
        }
        true
    }

    /// No heading, whatever the markup says, opens a second article with an id already used,
    /// or an article inside an annex that follows articles: the rows of a correlation table
    /// and the articles of an annexed agreement are annex content. (Annexes before any
    /// article are the entries of a table of contents.)
    fn may_open_article(&self, number_id: &str) -> bool {
        let id = format!("art_{number_id}");
        let after_articles_in_annex = self.part == Part::Annex && !self.article_ids.is_empty();
        !after_articles_in_annex && !self.article_ids.contains(&id)
    }

    /// An article heading in running text is a heading only when it stands alone (or with a
    /// short title), its number is above the previous article's, and the text before it does
    /// not announce a quotation with `:` (`the following Article is inserted:`). Numbers may
    /// jump (an excerpt, deleted articles), but never go back.
    fn plausible_article(&self, number: u32, rest: &str) -> bool {
        let in_sequence = match &self.article {
            Some(article) => {
                number >= article.number || self.before_jump.is_some_and(|n| number == n + 1)
            }
            // The first article of an act is 1; an excerpt may start anywhere after the
            // enacting formula.
            None => number == 1 || self.part == Part::Body,
        };
        let may_start =
            matches!(self.part, Part::Body | Part::Recitals | Part::Annex) || number == 1;
        stands_alone(rest)
            && in_sequence
            && may_start
            && self.part != Part::End
            && !self.current_announces_list()
    }

    fn open_article(&mut self, number_id: &str, number: u32, label: &str) {
        if self.part == Part::Annex {
            self.annex = None;
        }
        let previous = self.article.as_ref().map(|a| a.number);
        self.before_jump = match previous {
            Some(previous) if number > previous + 1 => Some(previous),
            _ => None,
        };
        self.part = Part::Body;
        self.lists.clear();
        self.closed = None;
        let id = format!("art_{number_id}");
        self.article_ids.insert(id.clone());
        let heading = join_heading(&self.division, label);
        self.article = Some(ArticleState {
            id: id.clone(),
            number,
            heading: heading.clone(),
            title_due: true,
            paragraph_style: None,
            paragraphs: 0,
            colon: false,
        });
        self.push_unit(id, Some(heading), "");
    }

    fn set_article_title(&mut self, title: &str) {
        let Some(article) = self.article.as_mut() else {
            return;
        };
        article.title_due = false;
        article.heading = format!("{} {}", article.heading, title.trim());
        let heading = article.heading.clone();
        if let Some(unit) = self.units.get_mut(self.current) {
            unit.heading = Some(heading);
        }
    }

    /// `Gegenstand und Ziele - (Artikel 1)`: an entry of a table of contents.
    fn open_toc_article(&mut self, title: &str, heading_text: &str) -> bool {
        let Some(heading) = vocab::article_heading(heading_text) else {
            return false;
        };
        let number = leading_number(&heading.number);
        self.open_article(&heading.number, number, heading_text);
        self.set_article_title(title);
        self.append_current(title);
        true
    }

    fn starts_annex(&mut self, text: &str, role: Role) -> bool {
        let Some(heading) = vocab::annex_heading(text) else {
            return false;
        };
        let short = text.chars().count() < 200;
        let trusted = role == Role::AnnexHeading
            || (short
                && text.chars().filter(|c| c.is_lowercase()).count() * 2 < text.chars().count());
        if !trusted || self.part == Part::Head {
            return false;
        }
        self.part = Part::Annex;
        self.article = None;
        self.lists.clear();
        self.division.clear();
        let id = if heading.number.is_empty() {
            "anx".to_string()
        } else {
            format!("anx_{}", heading.number)
        };
        let unit_heading = text.trim().to_string();
        self.annex = Some(id.clone());
        self.annex_part = None;
        self.closed = None;
        self.division_title_due = true;
        self.push_unit(id, Some(unit_heading), "");
        true
    }

    /// `Part A`, `PART II`, `A. General conditions` inside an annex: the points after it
    /// restart their numbering, so the part is a step of their ids (`anx_I.prt_A.pnt_1`).
    fn starts_annex_part(&mut self, text: &str) -> bool {
        if self.part != Part::Annex {
            return false;
        }
        let Some(annex) = self.annex.clone() else {
            return false;
        };
        let Some((part, title)) = annex_part(text, self.annex_part.as_deref()) else {
            return false;
        };
        let heading = self
            .units
            .iter()
            .rev()
            .find(|u| u.id.as_deref() == Some(annex.as_str()))
            .and_then(|u| u.heading.clone())
            .map_or_else(|| text.to_string(), |h| format!("{h} › {text}"));
        self.lists.clear();
        self.closed = None;
        self.division_title_due = title.is_empty();
        self.annex_part = Some(part.clone());
        self.push_unit(format!("{annex}.prt_{part}"), Some(heading), "");
        true
    }

    fn starts_division(&mut self, text: &str) -> bool {
        if self.division_title_due {
            self.division_title_due = false;
            if is_short_title(text) && labels::parse(text).is_none() && !is_sentence(text) {
                self.extend_division_heading(text);
                return true;
            }
        }
        if !matches!(self.part, Part::Body | Part::Annex | Part::Recitals) {
            return false;
        }
        let Some(heading) = vocab::division_heading(text) else {
            return false;
        };
        if text.chars().count() > 200 {
            return false;
        }
        let level = division_level(text);
        self.division.retain(|(open, _)| *open < level);
        self.division.push((level, text.trim().to_string()));
        self.division_title_due = heading.rest.is_empty();
        self.part = if self.part == Part::Annex {
            Part::Annex
        } else {
            Part::Body
        };
        true
    }

    fn extend_division_heading(&mut self, text: &str) {
        if self.part == Part::Annex && self.division.is_empty() {
            if let Some(unit) = self.units.get_mut(self.current) {
                let heading = unit.heading.get_or_insert_with(String::new);
                heading.push(' ');
                heading.push_str(text);
            }
            return;
        }
        if let Some((_, last)) = self.division.last_mut() {
            last.push(' ');
            last.push_str(text.trim());
        }
    }

    fn division_heading(&self) -> Option<String> {
        (!self.division.is_empty()).then(|| join_heading(&self.division, ""))
    }

    // ----- articles and annexes ---------------------------------------------------------

    fn add_body(&mut self, text: &str, role: Role) {
        if vocab::is_done_at(text) {
            return self.add_end_matter(text, Role::Final);
        }
        // `This Directive is addressed to the Member States.` right under `Article 119` is
        // that article's text, not the act's closing formula.
        let article_is_empty = self.article.as_ref().is_some_and(|article| {
            self.units
                .get(self.current)
                .is_some_and(|u| u.id.as_deref() == Some(article.id.as_str()) && u.text.is_empty())
        });
        if let Some(article) = &self.article
            && article.title_due
        {
            let is_title = role == Role::ArticleTitle
                || (is_short_title(text) && labels::parse(text).is_none() && !is_sentence(text));
            if is_title {
                return self.set_article_title(text);
            }
        }
        if let Some(article) = self.article.as_mut() {
            article.title_due = false;
        }
        if vocab::is_binding_formula(text) && !article_is_empty {
            self.lists.clear();
            return append(&mut self.units[0].text, text);
        }
        match labels::parse(text) {
            Some((Label::Dash, _)) => self.add_indent(text),
            Some((label, _)) => self.add_labelled(label, text),
            None => self.add_unlabelled(text),
        }
    }

    /// An indent (`— public policy`) belongs to the point that announced it: it leaves the
    /// open lists open, so the point after it (`(ii)` after the indents of `(i)`) stays in
    /// its list. Outside a list it is text like any other.
    fn add_indent(&mut self, text: &str) {
        if self.lists.is_empty() {
            return self.add_unlabelled(text);
        }
        self.append_current(text);
    }

    fn add_labelled(&mut self, label: Label, text: &str) {
        let label = self.disambiguate_roman(&label);
        self.reread_letter_i_as_roman(&label);
        if self.is_next_paragraph(&label) {
            return self.open_paragraph(&label, text);
        }
        let Some(parent) = self.list_parent(&label) else {
            return self.append_current(text);
        };
        self.open_point(label, parent, text);
    }

    /// A number in the article's paragraph style, following the last paragraph, and not
    /// inside a list announced by a colon.
    fn is_next_paragraph(&self, label: &Label) -> bool {
        let (Some(article), Label::Number(n, style)) = (&self.article, label) else {
            return false;
        };
        if self.part != Part::Body || *n <= article.paragraphs {
            return false;
        }
        // `(2)` right after the point `(1)` of a list in the paragraphs' own style (German
        // CRR: paragraph `(1)` lists the definitions `(1)`, `(2)`…) goes on with the list.
        let continues_a_list = self.lists.iter().any(|list| {
            list.label
                .with_id(&list.last)
                .is_some_and(|last| label.follows(&last))
        });
        if continues_a_list {
            return false;
        }
        // A consolidation leaves out deleted paragraphs: `(3)` may follow `(1)`, but only
        // in the paragraphs' style and outside any list, where it cannot be a point.
        let skips = *n - article.paragraphs - 1;
        match article.paragraph_style {
            Some(paragraph_style) if skips > 0 => {
                paragraph_style == *style && skips <= 2 && self.lists.is_empty() && !article.colon
            }
            Some(paragraph_style) => paragraph_style == *style,
            None => skips == 0 && !article.colon && self.lists.is_empty(),
        }
    }

    fn open_paragraph(&mut self, label: &Label, text: &str) {
        let Some(article) = self.article.as_mut() else {
            return;
        };
        if let Label::Number(n, style) = label {
            article.paragraphs = *n;
            article.paragraph_style = Some(*style);
        }
        article.colon = text.trim_end().ends_with(':');
        let id = format!("{}.par_{}", article.id, article.paragraphs);
        let heading = article.heading.clone();
        self.lists.clear();
        self.closed = None;
        self.push_unit(id, Some(heading), text);
    }

    /// The unit a point with `label` belongs to: the list it continues (closing deeper
    /// lists), or the current unit when it opens a new list.
    fn list_parent(&mut self, label: &Label) -> Option<String> {
        if let Some(depth) = self.lists.iter().rposition(|l| l.label.same_list(label)) {
            self.lists.truncate(depth + 1);
            return self.lists.last().map(|l| l.parent.clone());
        }
        let parent = self.units.get(self.current)?.id.clone()?;
        if let Some(resumed) = self.resume_closed_list(label, &parent) {
            return Some(resumed);
        }
        let opens_here = parent.starts_with("art_")
            || parent.starts_with("anx")
            || parent.starts_with("p_")
            || parent.contains(".pnt_");
        opens_here.then_some(parent)
    }

    /// `2.` after the text and the `(a)`, `(b)` that followed point `1.`: the closed list of
    /// `1.` goes on, where it was, rather than a new list opening under `(b)`.
    fn resume_closed_list(&mut self, label: &Label, current: &str) -> Option<String> {
        let closed = self.closed.as_ref()?;
        let last = closed.label.with_id(&closed.last)?;
        let inside =
            current == closed.parent || current.starts_with(&format!("{}.", closed.parent));
        if !label.follows(&last) || !inside {
            return None;
        }
        let parent = closed.parent.clone();
        self.lists = vec![closed.clone()];
        self.closed = None;
        Some(parent)
    }

    fn open_point(&mut self, label: Label, parent: String, text: &str) {
        let continues = self
            .lists
            .last()
            .is_some_and(|l| l.label.same_list(&label) && l.parent == parent);
        if !continues {
            self.lists.push(List {
                label: label.clone(),
                parent: parent.clone(),
                count: 0,
                last: String::new(),
            });
        }
        let Some(list) = self.lists.last_mut() else {
            return;
        };
        list.count += 1;
        let written = label.id_part().unwrap_or_default();
        let id_part = if written == list.last || written.is_empty() {
            position_id(&label, list.count)
        } else {
            written
        };
        list.last = id_part.clone();
        let id = format!("{parent}.pnt_{id_part}");
        let heading = self
            .units
            .iter()
            .rev()
            .find(|u| u.id.as_deref() == Some(parent.as_str()))
            .and_then(|u| u.heading.clone());
        if let Some(article) = self.article.as_mut() {
            article.colon = false;
        }
        self.push_unit(id, heading, text);
    }

    /// `(i)`, `(v)` and `(x)` are letters or roman numerals: the innermost open list they
    /// continue decides (`(v)` after `(iv)` is five, after `(u)` a letter). `(i)` after a
    /// point that announces a list with `:` opens its roman sub-points, even after `(h)`;
    /// a label that continues no list starts a roman one.
    fn disambiguate_roman(&self, label: &Label) -> Label {
        let Label::Letter(letter, style) = label else {
            return label.clone();
        };
        if !matches!(letter.as_str(), "i" | "v" | "x") {
            return label.clone();
        }
        let roman = Label::Roman(letter.clone(), *style);
        let innermost = self.lists.len().checked_sub(1);
        for (depth, list) in self.lists.iter().enumerate().rev() {
            if continues_romans(list, letter, *style) {
                return roman;
            }
            if continues_letters(list, letter, *style) {
                let opens_sub_points =
                    letter == "i" && Some(depth) == innermost && self.current_announces_list();
                return if opens_sub_points {
                    roman
                } else {
                    label.clone()
                };
            }
        }
        roman
    }

    /// `(ii)` right after a point `(i)` that was read as the letter after `(h)` shows that
    /// `(i)` was the first roman sub-point of `(h)`: its unit moves under `(h)` and a roman
    /// list opens there, so `(ii)` continues it.
    fn reread_letter_i_as_roman(&mut self, label: &Label) {
        let Label::Roman(numeral, style) = label else {
            return;
        };
        let Some(list) = self.lists.last() else {
            return;
        };
        let is_letter_i =
            matches!(&list.label, Label::Letter(_, s) if s == style) && list.last == "i";
        if numeral != "ii" || !is_letter_i {
            return;
        }
        let point_i = format!("{}.pnt_i", list.parent);
        let parent = format!("{}.pnt_h", list.parent);
        let last_is_point_i =
            self.units.last().and_then(|u| u.id.as_deref()) == Some(point_i.as_str());
        let has_h = self
            .units
            .iter()
            .any(|u| u.id.as_deref() == Some(parent.as_str()));
        if !last_is_point_i || !has_h {
            return;
        }
        if let Some(unit) = self.units.last_mut() {
            unit.id = Some(format!("{parent}.pnt_i"));
        }
        if let Some(letters) = self.lists.last_mut() {
            letters.last = "h".to_string();
            letters.count = letters.count.saturating_sub(1);
        }
        self.lists.push(List {
            label: Label::Roman("i".to_string(), *style),
            parent,
            count: 1,
            last: "i".to_string(),
        });
    }

    /// The current unit ends with `:`, so what follows is its own list.
    fn current_announces_list(&self) -> bool {
        self.units
            .get(self.current)
            .is_some_and(|unit| unit.text.trim_end().ends_with(':'))
    }

    /// Unlabelled text after points closes the lists and belongs to their paragraph; other
    /// unlabelled text continues the current unit.
    fn add_unlabelled(&mut self, text: &str) {
        if let Some(first) = self.lists.first() {
            let parent = first.parent.clone();
            self.closed = Some(first.clone());
            self.lists.clear();
            if let Some(index) = self
                .units
                .iter()
                .rposition(|u| u.id.as_deref() == Some(parent.as_str()))
            {
                self.current = index;
            }
        }
        if let Some(article) = self.article.as_mut() {
            article.colon = announces_list(text);
        }
        if self.part == Part::Body && self.article.is_none() {
            return self.add_loose(text);
        }
        self.append_current(text);
    }

    // ----- units ----------------------------------------------------------------------

    fn push_unit(&mut self, id: String, heading: Option<String>, text: &str) {
        if let Some(index) = self
            .units
            .iter()
            .rposition(|u| u.id.as_deref() == Some(id.as_str()))
        {
            self.current = index;
            return self.append_current(text);
        }
        self.units.push(Unit {
            id: Some(id),
            heading,
            text: String::new(),
        });
        self.current = self.units.len() - 1;
        self.append_current(text);
    }

    /// Appends `text` to the current unit; what would take it past [`limits::LONG_UNIT_BYTES`]
    /// (a flattened annex can be one block of half a megabyte) goes on in loose `p_n` units,
    /// so no unit grows without bound and no text is lost.
    fn append_current(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let Some(unit) = self.units.get_mut(self.current) else {
            return;
        };
        let room = limits::LONG_UNIT_BYTES.saturating_sub(unit.text.len() + 1);
        if text.len() <= room {
            return append(&mut unit.text, text);
        }
        let (head, rest) = text.split_at(space_before(text, room));
        if !head.trim().is_empty() {
            append(&mut unit.text, head.trim_end());
        }
        self.push_loose(rest.trim_start(), limits::LONG_UNIT_BYTES);
    }

    fn finish(mut self) -> Vec<Unit> {
        if self.units.is_empty() {
            self.units.push(document_unit());
        }
        if let Some(label) = self.pending_label.take()
            && self.units.len() < limits::MAX_UNITS_PER_FILE
        {
            self.add_block(&label, Role::Body);
        }
        self.units
    }
}

/// A block that is only a label (`(a)`, `ii)`, `i.`), which numbers the block after it.
/// Extractors glue the labels they know of to their text; this catches the rest (the
/// Hungarian `i.` in a table cell, a label on a line of its own in plain text).
fn is_bare_label(text: &str) -> bool {
    labels::parse(text).is_some_and(|(label, rest)| rest.is_empty() && label != Label::Dash)
}

/// Longest run of bare labels glued together (`(a) (i)`): a file of nothing but labels is
/// kept as text, not gathered into one ever-growing label.
const MAX_BARE_LABELS_BYTES: usize = 64;

/// Whether the block after a bare label is the text it numbers: not a heading of its own.
fn may_follow_bare_label(text: &str, role: Role) -> bool {
    let is_heading = matches!(
        role,
        Role::Heading | Role::ArticleHeading | Role::AnnexHeading | Role::Title | Role::Note
    ) || vocab::article_heading(text).is_some()
        || vocab::annex_heading(text).is_some()
        || vocab::division_heading(text).is_some();
    !is_heading
}

/// `letter` read as a roman numeral is the next one of `list`, a roman list in `style`.
fn continues_romans(list: &List, letter: &str, style: Style) -> bool {
    let Label::Roman(_, list_style) = &list.label else {
        return false;
    };
    *list_style == style && labels::is_next_roman(letter, &list.last)
}

/// `letter` is the next letter of `list`, a letter list in `style` (`i` after `h`).
fn continues_letters(list: &List, letter: &str, style: Style) -> bool {
    let Label::Letter(_, list_style) = &list.label else {
        return false;
    };
    *list_style == style && labels::is_next_letter(letter, &list.last)
}

/// The id of the `n`th point of a list whose labels do not say it (repeated or unnumbered).
fn position_id(label: &Label, n: u32) -> String {
    match label {
        Label::Number(..) | Label::Dash => n.to_string(),
        Label::Roman(..) => labels::roman(n),
        Label::Letter(..) => labels::latin_letters(n),
    }
}

/// `THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,`: capitals ending in a
/// comma, or in a dash in older acts (`DER RAT DER EUROPÄISCHEN UNION —`). It names
/// institutions, never a number: a title line in capitals that ends with a comma, as Finnish
/// titles do (`… ASETUS (EU) 2023/9999,`), is no institution line.
fn is_institution_line(text: &str) -> bool {
    text.ends_with([',', '—', '–', '-'])
        && is_capitals_line(text)
        && !text.contains(|c: char| c.is_ascii_digit())
}

/// A line of the head in capitals, short enough to be a title or an institution line.
fn is_capitals_line(text: &str) -> bool {
    vocab::in_capitals(text) && text.chars().count() < 300
}

/// `HAVE ADOPTED THIS REGULATION:`: capitals ending in a colon, or in a full stop where the
/// formula is a sentence (`HÄRIGENOM FÖRESKRIVS FÖLJANDE.`, Swedish).
fn is_enacting_formula(text: &str) -> bool {
    text.ends_with([':', '.']) && is_capitals_line(text)
}

/// The part an annex heading opens, and its title when on the same line: `Part A` → `A`,
/// `PART II Title` → `II`, `ΜΕΡΟΣ Β` → `B`, `A. RÉSZ` → `A`, `A. General conditions` → `A`.
/// A letter alone with a dot must be the first (`A.`) or follow the part before it, so an
/// initial (`A. Smith`) is no part.
fn annex_part<'a>(text: &'a str, previous: Option<&str>) -> Option<(String, &'a str)> {
    if text.chars().count() > 300 {
        return None;
    }
    if let Some(heading) = annex_parts::part_heading(text) {
        return Some((heading.id, heading.title));
    }
    if let Some(heading) = vocab::division_heading(text)
        && division_level(text) == 0
        && !heading.number.is_empty()
    {
        return Some((heading.number.to_uppercase(), heading.rest));
    }
    if let Some(part) = ordinal_part(text) {
        return Some(part);
    }
    let (letter, title) = lettered_part(text)?;
    let expected = previous.map_or(Some('A'), next_part_letter)?;
    (letter == expected).then(|| (letter.to_string(), title))
}

/// French numbers the parts of an annex with words (`Première partie`, where English writes
/// `Part I`): the part as a roman numeral, and the title after it.
fn ordinal_part(text: &str) -> Option<(String, &str)> {
    const ORDINALS: [&str; 6] = [
        "première",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
    ];
    let (word, rest) = text.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let after = rest.get(..6).filter(|w| w.eq_ignore_ascii_case("partie"))?;
    let title = rest.get(after.len()..)?;
    if title.starts_with(char::is_alphanumeric) {
        return None;
    }
    let position = ORDINALS.iter().position(|o| *o == word.to_lowercase())?;
    let number = u32::try_from(position).ok()? + 1;
    Some((labels::roman(number).to_uppercase(), title.trim_start()))
}

/// `A.` alone or followed by a capitalised title without final punctuation; a Greek or
/// Cyrillic letter (`Β.`, `Б.`) as the Latin letter of its position.
fn lettered_part(text: &str) -> Option<(char, &str)> {
    let mut chars = text.chars();
    let letter = chars.next().and_then(annex_parts::letter_id)?;
    let rest = chars.as_str().strip_prefix('.')?;
    let title = rest.trim_start();
    let is_title = title.is_empty()
        || (rest.starts_with(char::is_whitespace)
            && title.starts_with(char::is_uppercase)
            && !title.ends_with(['.', ';', ':', ',']));
    is_title.then_some((letter, title))
}

/// The letter after a one-letter part id (`B` after `A`).
fn next_part_letter(previous: &str) -> Option<char> {
    let mut chars = previous.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    if chars.next().is_some() {
        return None;
    }
    char::from_u32(letter as u32 + 1)
}

/// The text after an article number is a heading's title, not a sentence citing the
/// article: short, capitalised, without the punctuation that ends a clause.
fn stands_alone(rest: &str) -> bool {
    rest.chars().count() < 150
        && !rest.ends_with(['.', ';', ','])
        && !rest.starts_with(|c: char| c.is_lowercase() || c == '(')
}

/// Text that ends with `:`, or stops mid-sentence on a word (`im Sinne dieser Verordnung
/// bezeichnet der Ausdruck`), is completed by the numbered items after it: they are points.
fn announces_list(text: &str) -> bool {
    let text = text.trim_end();
    text.ends_with(':') || text.ends_with(char::is_alphabetic)
}

/// A block that ends like a sentence (`… in the Annex.`) is an article's text, not its
/// title: titles carry no final full stop, however short the sentence.
fn is_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || "\"'»”’)]".contains(c))
        .ends_with(['.', '!', '?'])
}

fn is_short_title(text: &str) -> bool {
    let count = text.chars().count();
    count > 0 && count < 250 && !text.ends_with([';', ':']) && !(text.ends_with('.') && count > 120)
}

/// Nesting level of a division heading: parts and titles above chapters above sections.
fn division_level(text: &str) -> usize {
    let lower = text.to_lowercase();
    let is = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if is(&[
        "section",
        "abschnitt",
        "afdeling",
        "sezione",
        "sección",
        "secção",
        "secțiunea",
        "sekcja",
        "oddíl",
        "oddiel",
        "oddelek",
        "odjeljak",
        "szakasz",
        "jakso",
        "jagu",
        "iedaļa",
        "skirsnis",
        "τμημα",
        "τμήμα",
        "раздел",
        "taqsima",
        "roinn",
        "avsnitt",
    ]) {
        2
    } else if is(&[
        "chap",
        "kapit",
        "hoofdstuk",
        "capo",
        "capít",
        "capitol",
        "rozdział",
        "poglav",
        "fejezet",
        "luku",
        "peatükk",
        "nodaļa",
        "skyrius",
        "κεφάλαιο",
        "κεφαλαιο",
        "глава",
        "caibidil",
    ]) {
        1
    } else {
        0
    }
}

/// `CHAPTER II Principles › Section 1 … › Article 6`.
fn join_heading(division: &[(usize, String)], label: &str) -> String {
    let mut parts: Vec<&str> = division.iter().map(|(_, text)| text.as_str()).collect();
    if !label.is_empty() {
        parts.push(label);
    }
    parts.join(" › ")
}

/// `Title - (Article 1)` → (`Title`, `Article 1`): an entry of a table of contents, which
/// always separates the title from the parenthesised heading with a dash.
fn toc_entry(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let heading_text = inner.get(open + 1..)?;
    let before = inner.get(..open)?.trim_end();
    let title = before.strip_suffix(['-', '–', '—'])?.trim();
    let plausible =
        !title.is_empty() && title.chars().count() < 250 && heading_text.chars().count() < 40;
    plausible.then_some((title, heading_text))
}

fn leading_number(id: &str) -> u32 {
    id.chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

/// Consolidated texts mark amendments with `►M1`, `▼B`, `◄`: not text.
fn strip_amendment_markers(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['►', '▼', '◄']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '►' | '▼') {
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                chars.next();
            }
            continue;
        }
        if c != '◄' {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str) -> Block {
        Block::body(text)
    }

    fn ids(units: &[Unit]) -> Vec<String> {
        units
            .iter()
            .map(|u| u.id.clone().unwrap_or_else(|| "-".into()))
            .collect()
    }

    fn gdpr_like(article_word: &str, par: [&str; 2], pnt: [&str; 2], def: [&str; 2]) -> Vec<Block> {
        vec![
            Block::new("REGULATION (EU) 2016/679", Role::Title),
            b("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"),
            b("Having regard to the Treaty,"),
            b("Having regard to the proposal,"),
            b("Whereas:"),
            b("(1) The protection of natural persons is a fundamental right."),
            b("(2) The principles should respect."),
            b("HAVE ADOPTED THIS REGULATION:"),
            b("CHAPTER I"),
            b("General provisions"),
            b(&format!("{article_word} 4")),
            b("Definitions"),
            b("For the purposes of this Regulation:"),
            b(&format!(
                "{} 'personal data' means any information;",
                def[0]
            )),
            b(&format!("{} 'processing' means any operation;", def[1])),
            b(&format!("{article_word} 6")),
            b("Lawfulness of processing"),
            b(&format!("{} Processing shall be lawful only if:", par[0])),
            b(&format!("{} the data subject has given consent;", pnt[0])),
            b(&format!("{} processing is necessary;", pnt[1])),
            b("Point (f) shall not apply to public authorities."),
            b(&format!("{} Member States may maintain.", par[1])),
            b("Done at Brussels, 27 April 2016."),
            b("(1) OJ C 229, 31.7.2012, p. 90."),
        ]
    }

    const EXPECTED: [&str; 12] = [
        "-",
        "cit_1",
        "cit_2",
        "rct_1",
        "rct_2",
        "art_4",
        "art_4.pnt_1",
        "art_4.pnt_2",
        "art_6",
        "art_6.par_1",
        "art_6.par_1.pnt_a",
        "art_6.par_1.pnt_b",
    ];

    #[test]
    fn english_numbering() {
        let units = segment(
            &gdpr_like("Article", ["1.", "2."], ["(a)", "(b)"], ["(1)", "(2)"]),
            true,
        );
        let mut expected: Vec<String> = EXPECTED.iter().map(|s| s.to_string()).collect();
        expected.push("art_6.par_2".into());
        assert_eq!(ids(&units), expected);
        let par1 = units
            .iter()
            .find(|u| u.id.as_deref() == Some("art_6.par_1"))
            .unwrap();
        assert!(
            par1.text
                .ends_with("Point (f) shall not apply to public authorities.")
        );
        assert_eq!(
            par1.heading.as_deref(),
            Some("CHAPTER I General provisions › Article 6 Lawfulness of processing")
        );
    }

    #[test]
    fn a_new_chapter_replaces_the_previous_one_in_headings() {
        let blocks = vec![
            b("HAVE ADOPTED THIS REGULATION:"),
            b("CHAPTER I"),
            b("General"),
            b("Article 1"),
            b("One"),
            b("Text."),
            b("CHAPTER II"),
            b("Principles"),
            b("Section 1"),
            b("Rules"),
            b("Article 2"),
            b("Two"),
            b("Text."),
        ];
        let units = segment(&blocks, true);
        assert_eq!(
            units.last().and_then(|u| u.heading.as_deref()),
            Some("CHAPTER II Principles › Section 1 Rules › Article 2 Two")
        );
    }

    #[test]
    fn german_numbering_gives_the_same_ids() {
        let units = segment(
            &gdpr_like("Article", ["(1)", "(2)"], ["a)", "b)"], ["1.", "2."]),
            true,
        );
        let english = segment(
            &gdpr_like("Article", ["1.", "2."], ["(a)", "(b)"], ["(1)", "(2)"]),
            true,
        );
        assert_eq!(ids(&units), ids(&english));
    }

    #[test]
    fn footnotes_after_done_at_are_not_recitals() {
        let units = segment(
            &gdpr_like("Article", ["1.", "2."], ["(a)", "(b)"], ["(1)", "(2)"]),
            true,
        );
        assert!(units[0].text.contains("OJ C 229"));
    }

    #[test]
    fn mid_sentence_article_references_are_not_headings() {
        let blocks = vec![
            b("Article 1"),
            b("Subject matter"),
            b("Article 5 of Regulation (EU) No 182/2011 shall apply."),
            b("Article 2"),
        ];
        assert_eq!(ids(&segment(&blocks, true)), ["-", "art_1", "art_2"]);
    }

    #[test]
    fn greek_and_repeated_labels_use_positions() {
        let blocks = vec![
            b("Article 1"),
            b("Title"),
            b("1. Text:"),
            b("α) one;"),
            b("β) two;"),
            b("στ) six"),
        ];
        assert_eq!(
            ids(&segment(&blocks, true)),
            [
                "-",
                "art_1",
                "art_1.par_1",
                "art_1.par_1.pnt_a",
                "art_1.par_1.pnt_b",
                "art_1.par_1.pnt_f"
            ]
        );
        let repeated = vec![
            b("Article 1"),
            b("Title"),
            b("1. Text:"),
            b("(a) one;"),
            b("(a) two;"),
        ];
        assert_eq!(ids(&segment(&repeated, true))[4], "art_1.par_1.pnt_b");
    }

    #[test]
    fn nested_roman_points() {
        let blocks = vec![
            b("Article 1"),
            b("T"),
            b("1. Text:"),
            b("(a) where:"),
            b("(i) first;"),
            b("(ii) second;"),
            b("(b) other;"),
        ];
        assert_eq!(
            ids(&segment(&blocks, true))[3..],
            [
                "art_1.par_1.pnt_a",
                "art_1.par_1.pnt_a.pnt_i",
                "art_1.par_1.pnt_a.pnt_ii",
                "art_1.par_1.pnt_b"
            ]
        );
    }

    /// Article 1, paragraph 1 with `points` as its blocks, and the ids of its points.
    fn point_ids(points: &[&str]) -> Vec<String> {
        let mut blocks = vec![b("Article 1"), b("T"), b("1. Text:")];
        blocks.extend(points.iter().map(|p| b(p)));
        ids(&segment(&blocks, true))[3..].to_vec()
    }

    #[test]
    fn three_letter_romans_are_points_and_the_letters_after_them_return() {
        assert_eq!(
            point_ids(&[
                "(a) that order contains:",
                "(i) a reference;",
                "(ii) a statement;",
                "(iii) information;",
                "(iv) clear information;",
                "(v) redress;",
                "(vi) where applicable;",
                "(vii) a report;",
                "(viii) the names;",
                "(b) the scope;",
                "(c) the language.",
            ]),
            [
                "art_1.par_1.pnt_a",
                "art_1.par_1.pnt_a.pnt_i",
                "art_1.par_1.pnt_a.pnt_ii",
                "art_1.par_1.pnt_a.pnt_iii",
                "art_1.par_1.pnt_a.pnt_iv",
                "art_1.par_1.pnt_a.pnt_v",
                "art_1.par_1.pnt_a.pnt_vi",
                "art_1.par_1.pnt_a.pnt_vii",
                "art_1.par_1.pnt_a.pnt_viii",
                "art_1.par_1.pnt_b",
                "art_1.par_1.pnt_c",
            ]
        );
    }

    #[test]
    fn i_and_v_are_letters_after_h_and_u_and_numerals_after_iv() {
        let letter = |c: char| format!("({c}) term;");
        let mut points: Vec<String> = ('a'..='e').map(letter).collect();
        points.push("(f) services:".into());
        for numeral in ["i", "ii", "iii", "iv", "v"] {
            points.push(format!("({numeral}) service;"));
        }
        points.extend(('g'..='w').map(letter));
        let points: Vec<&str> = points.iter().map(String::as_str).collect();
        let ids = point_ids(&points);
        assert_eq!(ids[5], "art_1.par_1.pnt_f");
        assert_eq!(ids[6], "art_1.par_1.pnt_f.pnt_i");
        assert_eq!(ids[10], "art_1.par_1.pnt_f.pnt_v");
        assert_eq!(ids[11], "art_1.par_1.pnt_g");
        assert_eq!(ids[13], "art_1.par_1.pnt_i");
        assert_eq!(ids[26], "art_1.par_1.pnt_v");
        assert_eq!(ids.last().map(String::as_str), Some("art_1.par_1.pnt_w"));
        assert!(ids.iter().all(|id| id.matches(".pnt_").count() <= 2));
    }

    #[test]
    fn i_after_a_point_h_that_announces_a_list_is_roman() {
        assert_eq!(
            point_ids(&[
                "(g) the providers inform;",
                "(h) data are stored only for the purposes of:",
                "(i) reporting;",
                "(ii) blocking;",
                "(i) the data are not stored longer;",
            ]),
            [
                "art_1.par_1.pnt_g",
                "art_1.par_1.pnt_h",
                "art_1.par_1.pnt_h.pnt_i",
                "art_1.par_1.pnt_h.pnt_ii",
                "art_1.par_1.pnt_i",
            ]
        );
    }

    #[test]
    fn ii_after_a_letter_i_makes_it_the_first_sub_point_of_h() {
        assert_eq!(
            point_ids(&[
                "(h) 'field' means requirements of a general nature.",
                "(i) The field concerns requirements on:",
                "- the taking up of the activity,",
                "(ii) The field does not cover requirements on goods.",
                "(i) 'other' means another thing.",
            ]),
            [
                "art_1.par_1.pnt_h",
                "art_1.par_1.pnt_h.pnt_i",
                "art_1.par_1.pnt_h.pnt_ii",
                "art_1.par_1.pnt_i",
            ]
        );
    }

    #[test]
    fn indents_keep_the_list_of_their_point_open() {
        assert_eq!(
            point_ids(&[
                "(a) the measures shall be:",
                "(i) necessary for one of the following reasons:",
                "— public policy,",
                "— public health,",
                "(ii) taken against a service;",
                "(iii) proportionate;",
                "(b) before taking the measures.",
            ]),
            [
                "art_1.par_1.pnt_a",
                "art_1.par_1.pnt_a.pnt_i",
                "art_1.par_1.pnt_a.pnt_ii",
                "art_1.par_1.pnt_a.pnt_iii",
                "art_1.par_1.pnt_b",
            ]
        );
    }

    #[test]
    fn a_skipped_roman_number_stays_in_its_list() {
        let blocks = vec![
            b("Article 1"),
            b("T"),
            b("1. Text."),
            b("2. Text:"),
            b("(a) that order:"),
            b("(i) one;"),
            b("(ii) two;"),
            b("(iv) four;"),
            b("(b) next"),
        ];
        assert_eq!(
            ids(&segment(&blocks, true))[4..],
            [
                "art_1.par_2.pnt_a",
                "art_1.par_2.pnt_a.pnt_i",
                "art_1.par_2.pnt_a.pnt_ii",
                "art_1.par_2.pnt_a.pnt_iv",
                "art_1.par_2.pnt_b"
            ]
        );
    }

    #[test]
    fn annexes_and_their_points() {
        let blocks = vec![
            b("Article 1"),
            b("T"),
            b("Text."),
            b("Done at Brussels, 1 May 2020."),
            b("ANNEX I"),
            b("LIST OF THINGS"),
            b("1. first"),
            b("2. second"),
            b("ANNEX II"),
            b("(a) x"),
        ];
        assert_eq!(
            ids(&segment(&blocks, true))[2..],
            [
                "anx_I",
                "anx_I.pnt_1",
                "anx_I.pnt_2",
                "anx_II",
                "anx_II.pnt_a"
            ]
        );
    }

    #[test]
    fn annex_headings_in_the_title_style_open_annexes() {
        let blocks = vec![
            Block::new("DIRECTIVE (EU) 2099/2", Role::Title),
            b("Article 1"),
            b("T"),
            b("Text."),
            b("Done at Brussels, 1 May 2020."),
            Block::new("ANNEX I", Role::Title),
            Block::new("LIST OF CONDITIONS", Role::Title),
            b("1. first"),
        ];
        let units = segment(&blocks, true);
        assert_eq!(ids(&units)[2..], ["anx_I", "anx_I.pnt_1"]);
        assert_eq!(
            units[2].heading.as_deref(),
            Some("ANNEX I LIST OF CONDITIONS")
        );
        assert_eq!(
            units[0].text,
            "DIRECTIVE (EU) 2099/2 Done at Brussels, 1 May 2020."
        );
    }

    #[test]
    fn table_of_contents_entries_become_articles() {
        let blocks = vec![
            b("KAPITEL I - Allgemeine Bestimmungen"),
            b("Gegenstand und Ziele - (Article 1)"),
            b("Sachlicher Anwendungsbereich - (Article 2)"),
        ];
        let units = segment(&blocks, true);
        assert_eq!(ids(&units), ["-", "art_1", "art_2"]);
        assert_eq!(units[1].text, "Gegenstand und Ziele");
    }

    #[test]
    fn plain_text_becomes_paragraphs() {
        let blocks = vec![
            Block::new("A title", Role::Title),
            b("First."),
            Block::new("Section", Role::Heading),
            b("Second."),
        ];
        let units = segment(&blocks, false);
        assert_eq!(ids(&units), ["-", "p_1", "p_2", "p_3"]);
        assert_eq!(units[0].text, "A title");
        assert_eq!(units[3].heading.as_deref(), Some("Section"));
    }

    #[test]
    fn over_long_paragraphs_are_cut() {
        let long = "word ".repeat(limits::MAX_UNIT_CHARS / 2);
        let units = segment(&[b(&long)], false);
        assert!(units.len() >= 3);
        assert!(units.iter().all(|u| u.text.len() <= limits::MAX_UNIT_CHARS));
    }

    #[test]
    fn an_over_long_annex_goes_on_in_loose_units_and_keeps_its_text() {
        let table = "0154010 Blauwe bessen 0,01 ".repeat(limits::MAX_UNIT_CHARS / 8);
        let mut blocks = gdpr_like("Article", ["1. A", "2. B"], ["(a) x", "(b) y"], ["a", "b"]);
        blocks.push(Block::new("ANNEX", Role::AnnexHeading));
        blocks.push(b(table.trim()));
        let units = segment(&blocks, true);
        assert!(
            units
                .iter()
                .all(|u| u.text.len() <= limits::LONG_UNIT_BYTES)
        );
        let annex = units.iter().position(|u| u.id.as_deref() == Some("anx"));
        let annex = annex.expect("the annex unit");
        let rest: Vec<&Unit> = units[annex..].iter().collect();
        assert!(
            rest[1..]
                .iter()
                .all(|u| u.id.as_deref().is_some_and(|id| id.starts_with("p_")))
        );
        let kept: usize = rest.iter().map(|u| u.text.split(' ').count()).sum();
        assert_eq!(kept, table.trim().split(' ').count(), "no word is lost");
    }

    fn unit<'a>(units: &'a [Unit], id: &str) -> &'a Unit {
        units
            .iter()
            .find(|u| u.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no unit {id} in {:?}", ids(units)))
    }

    #[test]
    fn a_sentence_after_an_untitled_article_or_annex_is_its_text_not_its_title() {
        let german = segment(
            &body(&[
                "Artikel 1",
                "Die Regeln über Wombats sind im Anhang festgelegt.",
                "Artikel 2",
                "Diese Verordnung tritt am Tag nach ihrer Veröffentlichung in Kraft.",
                "Artikel 3",
                "Adressaten",
                "Diese Richtlinie ist an die Mitgliedstaaten gerichtet.",
                "ANHANG",
                "Wombats sind täglich zu füttern.",
            ]),
            true,
        );
        let article_1 = unit(&german, "art_1");
        assert_eq!(article_1.heading.as_deref(), Some("Artikel 1"));
        assert_eq!(
            article_1.text,
            "Die Regeln über Wombats sind im Anhang festgelegt."
        );
        assert!(
            unit(&german, "art_2")
                .text
                .starts_with("Diese Verordnung tritt")
        );
        // A real title is still a title, and an article holding only the addressees formula
        // keeps it as its text.
        let article_3 = unit(&german, "art_3");
        let annex = unit(&german, "anx");
        assert_eq!(annex.heading.as_deref(), Some("ANHANG"));
        assert_eq!(annex.text, "Wombats sind täglich zu füttern.");
        assert_eq!(article_3.heading.as_deref(), Some("Artikel 3 Adressaten"));
        assert_eq!(
            article_3.text,
            "Diese Richtlinie ist an die Mitgliedstaaten gerichtet."
        );
    }

    #[test]
    fn numbers_after_an_unfinished_intro_are_points() {
        let units = segment(
            &body(&[
                "Artikel 2",
                "Begriffsbestimmungen",
                "Für die Zwecke dieser Verordnung bezeichnet der Ausdruck",
                "1. „Quokka“ ein kleines Beuteltier;",
                "2. „Wombat“ ein größeres Beuteltier.",
                "Artikel 3",
                "Anwendung",
                "(1) Diese Verordnung gilt für Beuteltiere.",
                "(2) Sie gilt nicht für Kängurus.",
            ]),
            true,
        );
        let ids = ids(&units);
        assert!(ids.contains(&"art_2.pnt_1".to_string()), "{ids:?}");
        assert!(ids.contains(&"art_2.pnt_2".to_string()), "{ids:?}");
        assert!(!ids.iter().any(|id| id.starts_with("art_2.par")), "{ids:?}");
        assert!(ids.contains(&"art_3.par_2".to_string()), "{ids:?}");
    }

    #[test]
    fn a_list_in_the_paragraphs_style_is_not_taken_for_paragraphs() {
        let units = segment(
            &body(&[
                "Artikel 4",
                "Begriffsbestimmungen",
                "(1) Für die Zwecke dieser Verordnung bezeichnet der Ausdruck",
                "(1) „Quokka“ ein Beuteltier;",
                "(2) „Wombat“ ein Beuteltier, das",
                "a) gräbt,",
                "b) schläft;",
                "(3) „Koala“ ein Beuteltier.",
                "(2) Bezugnahmen auf Beuteltiere umfassen Kängurus.",
                "(3) Absatz 2 gilt nicht für Koalas.",
            ]),
            true,
        );
        let ids = ids(&units);
        let expected = [
            "art_4.par_1",
            "art_4.par_1.pnt_1",
            "art_4.par_1.pnt_2",
            "art_4.par_1.pnt_2.pnt_a",
            "art_4.par_1.pnt_2.pnt_b",
            "art_4.par_1.pnt_3",
            "art_4.par_2",
            "art_4.par_3",
        ];
        assert_eq!(ids[ids.len() - expected.len()..], expected);
        assert!(
            unit(&units, "art_4.par_2")
                .text
                .starts_with("(2) Bezugnahmen")
        );
    }

    /// A preamble of one citation (`cit_1`), then `blocks`: the body of an act.
    fn body(blocks: &[&str]) -> Vec<Block> {
        let mut all = vec![
            b("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"),
            b("Having regard to the Treaty,"),
            b("HAVE ADOPTED THIS REGULATION:"),
        ];
        all.extend(blocks.iter().map(|text| b(text)));
        all
    }

    #[test]
    fn articles_after_a_numbering_gap_are_headings() {
        let blocks = body(&[
            "Article 1",
            "Scope",
            "Text.",
            "Article 3",
            "Text.",
            "Article 3a",
            "Text.",
            "Article 4",
            "1. Text.",
            "2. Text.",
            "Article 9",
            "Transmission",
            "1. Nine.",
            "Article 31",
            "1. Thirty-one.",
        ]);
        let ids = ids(&segment(&blocks, true));
        assert_eq!(
            ids[2..],
            [
                "art_1",
                "art_3",
                "art_3a",
                "art_4",
                "art_4.par_1",
                "art_4.par_2",
                "art_9",
                "art_9.par_1",
                "art_31",
                "art_31.par_1"
            ]
        );
    }

    #[test]
    fn a_stray_article_line_does_not_swallow_the_articles_after_it() {
        // A cross-reference broken onto a line of its own, in a PDF's text.
        let blocks = body(&[
            "Article 6",
            "1. Text.",
            "Article 52",
            "applies.",
            "Article 7",
            "Text.",
            "Article 8",
            "Text.",
        ]);
        let ids = ids(&segment(&blocks, true));
        assert!(ids.contains(&"art_7".to_string()), "{ids:?}");
        assert!(ids.contains(&"art_8".to_string()), "{ids:?}");
    }

    #[test]
    fn quoted_articles_and_lower_numbers_open_no_article() {
        let blocks = body(&[
            "Article 7",
            "Amendments",
            "1. The following Article is inserted:",
            "Article 25",
            "Conditions",
            "Article 2",
            "Article 8",
            "Entry into force",
        ]);
        assert_eq!(
            ids(&segment(&blocks, true))[2..],
            ["art_7", "art_7.par_1", "art_8"]
        );
    }

    #[test]
    fn finnish_title_lines_and_opening_formula_are_no_citations() {
        let blocks: Vec<Block> = [
            "EUROOPAN PARLAMENTIN JA NEUVOSTON ASETUS (EU) 2023/9999,",
            "annettu 15 päivänä maaliskuuta 2023,",
            "siilien suojelusta kaupunkipuutarhoissa",
            "EUROOPAN PARLAMENTTI JA EUROOPAN UNIONIN NEUVOSTO, jotka",
            "ottavat huomioon Euroopan unionin toiminnasta tehdyn sopimuksen,",
            "ottavat huomioon Euroopan komission ehdotuksen,",
            "sekä katsovat seuraavaa:",
            "(1) Siilien määrä vähenee.",
            "OVAT HYVÄKSYNEET TÄMÄN ASETUKSEN:",
            "1 artikla",
            "Kohde",
            "Tässä asetuksessa vahvistetaan säännöt.",
        ]
        .iter()
        .map(|text| b(text))
        .collect();
        let units = segment(&blocks, true);
        assert_eq!(ids(&units), ["-", "cit_1", "cit_2", "rct_1", "art_1"]);
        assert!(
            units[1]
                .text
                .starts_with("ottavat huomioon Euroopan unionin")
        );
        assert!(units[0].text.contains("NEUVOSTO, jotka"));
    }

    #[test]
    fn swedish_opening_and_enacting_formulas_frame_the_citations() {
        let institution = "EUROPAPARLAMENTET OCH EUROPEISKA UNIONENS RÅD HAR ANTAGIT DENNA \
                           FÖRORDNING OCH DESSA SÄRSKILT LÅNGA ORD";
        let blocks: Vec<Block> = [
            "EUROPAPARLAMENTETS OCH RÅDETS FÖRORDNING (EU) 2023/9999",
            "av den 15 mars 2023",
            "om skydd av igelkottar i stadsträdgårdar",
            institution,
            "med beaktande av fördraget om Europeiska unionens funktionssätt,",
            "med beaktande av Europeiska kommissionens förslag,",
            "av följande skäl:",
            "(1) Igelkottarna minskar.",
            "(2) Trädgårdsägare bör informeras.",
            "HÄRIGENOM FÖRESKRIVS FÖLJANDE.",
            "Artikel 1",
            "Innehåll",
            "I denna förordning fastställs regler.",
        ]
        .iter()
        .map(|text| b(text))
        .collect();
        let units = segment(&blocks, true);
        assert_eq!(
            ids(&units),
            ["-", "cit_1", "cit_2", "rct_1", "rct_2", "art_1"]
        );
        assert_eq!(units[4].text, "(2) Trädgårdsägare bör informeras.");
        assert!(units[0].text.contains(institution), "{}", units[0].text);
    }

    #[test]
    fn an_act_without_article_1_keeps_its_articles() {
        let blocks = vec![
            b("THE COUNCIL OF THE EUROPEAN UNION —"),
            b("having regard to the Treaty,"),
            b("considering that cooperation is needed,"),
            b("HAS ADOPTED THIS JOINT ACTION:"),
            b("—————"),
            b("Article 2"),
            b("(1) Each Member State shall draw up a guide."),
            b("(2) The guides shall be sent."),
        ];
        assert_eq!(
            ids(&segment(&blocks, true)),
            ["-", "cit_1", "cit_2", "art_2", "art_2.par_1", "art_2.par_2"]
        );
    }

    #[test]
    fn correlation_table_rows_are_annex_text() {
        let mut blocks = body(&["Article 1", "Scope", "Text.", "Article 2", "Text."]);
        blocks.extend([
            b("Done at Brussels, 1 May 2020."),
            b("ANNEX"),
            b("CORRELATION TABLE"),
            b("Article 1"),
            b("Article 1(4) and (5)"),
            b("Article 3"),
        ]);
        let units = segment(&blocks, true);
        assert_eq!(ids(&units)[2..], ["art_1", "art_2", "anx"]);
        assert_eq!(units[2].text, "Text.");
        assert_eq!(units[4].text, "Article 1 Article 1(4) and (5) Article 3");
    }

    #[test]
    fn a_trusted_heading_never_opens_an_article_twice() {
        let blocks = vec![
            Block::new("Article 1", Role::ArticleHeading),
            b("One."),
            Block::new("Article 1", Role::ArticleHeading),
            b("Again."),
        ];
        let units = segment(&blocks, true);
        assert_eq!(ids(&units), ["-", "art_1"]);
    }

    #[test]
    fn annex_parts_are_a_step_of_point_ids() {
        let annex = |part_a: &str, part_b: &str| {
            let mut blocks = body(&["Article 1", "Scope", "Text."]);
            blocks.extend([
                b("Done at Brussels, 1 May 2020."),
                b("ANNEX I"),
                b("CONDITIONS"),
                b(part_a),
                b("1. first;"),
                b("2. second."),
                b(part_b),
                b("1. other first."),
            ]);
            ids(&segment(&blocks, true))[3..].to_vec()
        };
        let lettered = annex("A. General conditions", "B. Specific conditions");
        assert_eq!(
            lettered,
            [
                "anx_I",
                "anx_I.prt_A",
                "anx_I.prt_A.pnt_1",
                "anx_I.prt_A.pnt_2",
                "anx_I.prt_B",
                "anx_I.prt_B.pnt_1"
            ]
        );
        assert_eq!(annex("Part A", "Part B"), lettered);
        let roman = annex("Première partie", "Deuxième partie");
        assert_eq!(roman, annex("Part I", "Part II"));
        assert_eq!(roman[1], "anx_I.prt_I");
        assert_eq!(annex("ΜΕΡΟΣ I", "ΜΕΡΟΣ II"), roman);
        assert_eq!(annex("PARTEA I", "PARTEA A II-A"), roman);
        for (part_a, part_b) in [
            ("ΜΕΡΟΣ Α", "ΜΕΡΟΣ Β"),
            ("ЧАСТ А", "ЧАСТ Б"),
            ("A. RÉSZ", "B. RÉSZ"),
            ("A DALIS", "B DALIS"),
            ("A DAĻA", "B DAĻA"),
            ("A OSA", "B OSA"),
            ("ČÁST A", "ČÁST B"),
            ("CUID A", "CUID B"),
            ("DIO A", "DIO B"),
        ] {
            assert_eq!(annex(part_a, part_b), lettered, "{part_a}");
        }
    }

    #[test]
    fn greek_and_cyrillic_part_letters_map_to_latin_by_position() {
        let mut blocks = body(&["Άρθρο 1", "Τίτλος", "Κείμενο."]);
        blocks.extend([
            b("Έγινε στις Βρυξέλλες, 1 Μαΐου 2020."),
            b("ΠΑΡΑΡΤΗΜΑ I"),
            b("ΜΕΡΟΣ Γ"),
            b("1. Ψάρια"),
            b("ΜΕΡΟΣ ΣΤ"),
            b("1. Βάτραχοι"),
            b("ПРИЛОЖЕНИЕ II"),
            b("ЧАСТ В"),
            b("1. Риби"),
        ]);
        assert_eq!(
            ids(&segment(&blocks, true))[3..],
            [
                "anx_I",
                "anx_I.prt_C",
                "anx_I.prt_C.pnt_1",
                "anx_I.prt_F",
                "anx_I.prt_F.pnt_1",
                "anx_II",
                "anx_II.prt_C",
                "anx_II.prt_C.pnt_1"
            ]
        );
    }

    #[test]
    fn greek_and_cyrillic_lettered_parts_map_to_latin() {
        let parts = |part_a: &str, part_b: &str| {
            let mut blocks = body(&["Article 1", "Scope", "Text."]);
            blocks.extend([
                b("Done at Brussels, 1 May 2020."),
                b("ANNEX"),
                b(part_a),
                b("1. first."),
                b(part_b),
                b("1. other first."),
            ]);
            ids(&segment(&blocks, true))[3..].to_vec()
        };
        let expected = [
            "anx",
            "anx.prt_A",
            "anx.prt_A.pnt_1",
            "anx.prt_B",
            "anx.prt_B.pnt_1",
        ];
        assert_eq!(parts("Α. Γενικοί όροι", "Β. Ειδικοί όροι"), expected);
        assert_eq!(parts("А. Общи условия", "Б. Специални условия"), expected);
        // An initial that does not follow the part before is a signature, as in Latin.
        let initials = parts("Β. Παπαδόπουλος", "Δ. Νικολάου");
        assert!(
            !initials.iter().any(|id| id.contains("prt_")),
            "{initials:?}"
        );
    }

    #[test]
    fn a_signature_initial_is_no_annex_part() {
        let mut blocks = body(&["Article 1", "Scope", "Text."]);
        blocks.extend([
            b("Done at Brussels, 1 May 2020."),
            b("ANNEX"),
            b("B. Smith shall sign."),
            b("C. Jones"),
        ]);
        assert_eq!(ids(&segment(&blocks, true))[3..], ["anx"]);
    }

    #[test]
    fn hungarian_dotted_sub_points_belong_to_their_point() {
        // As the HTML of the OJ gives them: each label in a cell of its own.
        let blocks = body(&[
            "1. cikk",
            "A tagállamok biztosítják, hogy a tavak:",
            "a)",
            "sekély parttal rendelkezzenek, ideértve:",
            "i.",
            "egy rámpát;",
            "ii.",
            "köveket;",
            "b) be legyenek kerítve.",
        ]);
        let units = segment(&blocks, true);
        assert_eq!(
            ids(&units)[2..],
            [
                "art_1",
                "art_1.pnt_a",
                "art_1.pnt_a.pnt_i",
                "art_1.pnt_a.pnt_ii",
                "art_1.pnt_b"
            ]
        );
        assert_eq!(
            unit(&units, "art_1").text,
            "A tagállamok biztosítják, hogy a tavak:"
        );
        assert_eq!(unit(&units, "art_1.pnt_a.pnt_i").text, "i. egy rámpát;");
    }

    #[test]
    fn a_bare_label_before_a_heading_or_at_the_end_is_kept_as_text() {
        let blocks = body(&["Article 1", "Scope", "Text:", "(a)", "Article 2", "(b)"]);
        let units = segment(&blocks, true);
        assert_eq!(
            ids(&units)[2..],
            ["art_1", "art_1.pnt_a", "art_2", "art_2.pnt_b"]
        );
        assert_eq!(unit(&units, "art_1.pnt_a").text, "(a)");
    }

    #[test]
    fn a_numbered_point_after_a_lettered_list_resumes_its_own_list() {
        let mut blocks = body(&["Article 1", "Scope", "Text."]);
        blocks.extend([
            b("Done at Brussels, 1 May 2020."),
            b("ANNEX XI"),
            b("1. Common algorithm"),
            b("All equipment shall:"),
            b("(a) allow descrambling;"),
            b("(b) display signals."),
            b("2. Interoperability"),
        ]);
        assert_eq!(
            ids(&segment(&blocks, true))[3..],
            [
                "anx_XI",
                "anx_XI.pnt_1",
                "anx_XI.pnt_a",
                "anx_XI.pnt_b",
                "anx_XI.pnt_2"
            ]
        );
    }

    #[test]
    fn a_paragraph_after_deleted_ones_stays_a_paragraph() {
        let blocks = body(&[
            "Article 5",
            "Title",
            "(1) First.",
            "(3) Third.",
            "(4) Fourth:",
            "1. point;",
            "3. point.",
        ]);
        assert_eq!(
            ids(&segment(&blocks, true))[2..],
            [
                "art_5",
                "art_5.par_1",
                "art_5.par_3",
                "art_5.par_4",
                "art_5.par_4.pnt_1",
                "art_5.par_4.pnt_3"
            ]
        );
    }

    #[test]
    fn amendment_markers_are_dropped() {
        assert_eq!(strip_amendment_markers("▼M1 Text ►B more ◄"), "Text more");
    }
}
