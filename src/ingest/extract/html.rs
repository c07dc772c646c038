//! HTML and XHTML: EU acts in every EUR-Lex generation, Commission proposals, web pages.
//!
//! The page is parsed by html5ever (which copes with the invalid HTML of Word-derived
//! proposals) and walked without recursion. Block-level elements delimit blocks; scripts,
//! styles, navigation and footnote markers are dropped; class names and ELI ids of the
//! Official Journal converters (`oj-ti-art`, `ti-art`, `title-article-norm`, `cit_1`,
//! `rct_12`…) give blocks their [`Role`]. A block that is only a number or letter (`(a)`,
//! `1.`), as in the two-cell tables of the OJ, is glued to the block after it.

use std::borrow::Cow;
use std::sync::LazyLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use regex::Regex;
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

use super::clean::{decode, normalize, written_date};
use super::jsonld::{self, LinkedData};
use super::layout::{Layout, is_boilerplate};
use super::sink::BlockSink;
use super::{ExtractError, Extracted, Metadata, Role};
use crate::lang::Lang;
use crate::limits;
use crate::model::Date;

/// Extracts an HTML or XHTML file.
pub fn extract(bytes: &[u8]) -> Result<Vec<Extracted>, ExtractError> {
    let declared = declared_charset(bytes);
    let (document, cut) = {
        let text = decode(bytes, declared.as_deref())?;
        let (text, cut) = cap_markup(&text);
        (Html::parse_document(&tame_tags(text)), cut)
    };
    let layout = Layout::of(&document);
    let page = read_page(&document, &layout);
    let mut walker = Walker {
        layout,
        ..Walker::default()
    };
    walker.walk(&document);
    let mut meta = read_head(&document, &page);
    drop(document);
    let blocks = walker.sink.finish();
    if walker.found.consolidated.is_none() {
        walker.found.consolidated_from(
            blocks
                .iter()
                .take(5)
                .map(|b| b.text.as_str())
                .chain(meta.title.as_deref()),
        );
    }
    merge_body_meta(&mut meta, &walker.found);
    Ok(vec![Extracted {
        meta,
        blocks,
        flattened: false,
        cut,
    }])
}

/// Elements without an end tag: they never deepen the nesting.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The page up to where its tags and their attributes number [`limits::MAX_HTML_MARKUP`],
/// and why it was cut if it was: the parsed tree costs tens of bytes per attribute and a
/// few hundred per element, whatever they hold.
fn cap_markup(text: &str) -> (&str, Option<String>) {
    let mut markup = 0;
    for (at, tag) in tags(text) {
        // A tag with too many attributes is dropped whole by `tame_tags`.
        let attributes = attribute_count(tag);
        markup += 1 + if attributes > limits::MAX_HTML_ATTRIBUTES {
            0
        } else {
            attributes
        };
        if markup > limits::MAX_HTML_MARKUP {
            let reason = format!(
                "read its first {} tags and attributes only; the rest is left out",
                limits::MAX_HTML_MARKUP
            );
            return (&text[..at], Some(reason));
        }
    }
    (text, None)
}

/// Drops the tags html5ever would choke on, keeping their text: those nesting deeper than
/// the cap (its tree builder scans the stack of open elements, so 200,000 nested or
/// unclosed tags would take quadratic time) and those with too many attributes (it
/// compares each attribute with the ones before it).
fn tame_tags(text: &str) -> Cow<'_, str> {
    // Copied only from the first tag dropped: most pages have none.
    let mut out: Option<String> = None;
    let mut depth = 0usize;
    let mut copied = 0;
    for (at, tag) in tags(text) {
        let keep = match tag_kind(tag) {
            TagKind::Start => {
                depth += 1;
                depth <= limits::MAX_MARKUP_DEPTH
            }
            TagKind::End => {
                let keep = depth <= limits::MAX_MARKUP_DEPTH;
                depth = depth.saturating_sub(1);
                keep
            }
            TagKind::Other => true,
        };
        if keep && attribute_count(tag) <= limits::MAX_HTML_ATTRIBUTES {
            continue;
        }
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..at]);
        out.push(' ');
        copied = at + tag.len();
    }
    match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// About how many attributes a tag has: the words after its name, outside quoted values.
fn attribute_count(tag: &str) -> usize {
    let mut count = 0;
    let mut quote = None;
    let mut in_space = false;
    for c in tag.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_whitespace() => in_space = true,
            None => {
                if in_space && c != '=' && c != '/' && c != '>' {
                    count += 1;
                }
                in_space = false;
            }
        }
    }
    count
}

/// The `<…>` tokens of `text` with their byte offsets (a `<` without its `>` runs to the
/// end).
fn tags(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + text.get(from..)?.find('<')?;
        let end = text[open..]
            .find('>')
            .map(|e| open + e + 1)
            .unwrap_or(text.len());
        from = end;
        Some((open, &text[open..end]))
    })
}

enum TagKind {
    Start,
    End,
    Other,
}

/// Whether a `<…>` token opens an element that nests, closes one, or neither (comments,
/// doctype, void and self-closing elements).
fn tag_kind(tag: &str) -> TagKind {
    let inner = tag.trim_start_matches('<');
    if let Some(name) = inner.strip_prefix('/') {
        return if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            TagKind::End
        } else {
            TagKind::Other
        };
    }
    if !inner.starts_with(|c: char| c.is_ascii_alphabetic()) || tag.ends_with("/>") {
        return TagKind::Other;
    }
    let name_end = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    if VOID_ELEMENTS.iter().any(|v| v.eq_ignore_ascii_case(name)) {
        TagKind::Other
    } else {
        TagKind::Start
    }
}

/// The charset a page declares in its first bytes (`<meta charset>`, `http-equiv`, or the
/// XML declaration), used only when the bytes are not valid UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    static CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9._:-]{1,40})"#)
            .expect("literal regex")
    });
    let head = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes));
    CHARSET
        .captures(&head)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

/// Metadata seen while walking the body (OJ header, consolidated reference line).
#[derive(Default)]
struct BodyMeta {
    lang: Option<Lang>,
    celex: Option<String>,
    consolidated: Option<Date>,
}

impl BodyMeta {
    /// Reads the consolidated-text reference (`2009L0065 — EN — 20.06.2013`) from the
    /// first lines that have one.
    fn consolidated_from<'a>(&mut self, lines: impl Iterator<Item = &'a str>) {
        if let Some((celex, date)) = lines.filter_map(consolidated_reference).next() {
            self.celex = Some(celex);
            self.consolidated = Some(date);
        }
    }
}

/// Walks the element tree once, producing blocks.
#[derive(Default)]
struct Walker {
    sink: BlockSink,
    current: String,
    /// Roles of the open elements that carry one, innermost last, with their depth.
    roles: Vec<(usize, Role)>,
    /// Depth of the skipped element we are inside, if any.
    skipping: Option<usize>,
    depth: usize,
    /// Class of the innermost element with a class we read metadata from.
    meta_class: Option<(usize, MetaClass)>,
    found: BodyMeta,
    /// Where the page's text is.
    layout: Layout,
    /// Depth of the content root (or heading outside it) we are inside, if any.
    scope: Option<usize>,
    /// Depth of the outermost `<main>` or `<article>` we are inside, if any.
    content: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MetaClass {
    OjLanguage,
    ConsolidatedReference,
}

impl Walker {
    fn walk(&mut self, document: &Html) {
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(element) => self.open(node.id(), element),
                    Node::Text(text) if self.skipping.is_none() && self.in_scope() => {
                        self.current.push_str(text)
                    }
                    _ => {}
                },
                Edge::Close(node) => {
                    if let Node::Element(element) = node.value() {
                        self.close(element);
                    }
                }
            }
        }
        self.flush();
    }

    fn open(&mut self, id: NodeId, element: &Element) {
        self.depth += 1;
        if self.skipping.is_some() {
            return;
        }
        let place = Place {
            holds_content: self.layout.holders.contains(&id),
            in_content: self.content.is_some(),
        };
        if self.is_off_path(id) || is_skipped(element, place) {
            self.skipping = Some(self.depth);
            return;
        }
        if self.scope.is_none() && self.layout.opens_scope(id) {
            self.scope = Some(self.depth);
        }
        if self.content.is_none() && matches!(element.name(), "main" | "article") {
            self.content = Some(self.depth);
        }
        let structural = self.depth <= limits::MAX_MARKUP_DEPTH;
        if structural && is_block(element.name()) {
            self.flush();
        }
        if structural {
            if let Some(role) = role_of(element) {
                self.roles.push((self.depth, role));
            }
            if let Some(class) = meta_class_of(element) {
                self.meta_class = Some((self.depth, class));
            }
        }
    }

    fn close(&mut self, element: &Element) {
        let depth = self.depth;
        self.depth = self.depth.saturating_sub(1);
        if let Some(skip_depth) = self.skipping {
            if depth == skip_depth {
                self.skipping = None;
            }
            return;
        }
        if self.scope == Some(depth) {
            self.flush();
            self.scope = None;
        }
        if self.content == Some(depth) {
            self.content = None;
        }
        if depth > limits::MAX_MARKUP_DEPTH {
            return;
        }
        if let Some((meta_depth, class)) = self.meta_class
            && meta_depth == depth
        {
            self.read_meta_text(class);
            self.meta_class = None;
        }
        if is_block(element.name()) {
            self.flush();
        } else if is_label(element) {
            // Commission documents write `<span class="num">–</span><span>measures`: the
            // label is a word of its own.
            self.current.push(' ');
        }
        if self.roles.last().is_some_and(|(d, _)| *d == depth) {
            self.roles.pop();
        }
    }

    /// Whether text is read here: everywhere, or inside the content root when the page
    /// has one.
    fn in_scope(&self) -> bool {
        !self.layout.is_scoped() || self.scope.is_some()
    }

    /// Whether an element lies outside the content root and off the path to it: all of
    /// it is left out.
    fn is_off_path(&self, id: NodeId) -> bool {
        self.layout.is_scoped() && self.scope.is_none() && !self.layout.path.contains(&id)
    }

    fn read_meta_text(&mut self, class: MetaClass) {
        let text = normalize(&self.current);
        match class {
            MetaClass::OjLanguage => self.found.lang = Lang::from_metadata(&text),
            MetaClass::ConsolidatedReference => {
                if let Some((celex, date)) = consolidated_reference(&text) {
                    self.found.celex = Some(celex);
                    self.found.consolidated = Some(date);
                }
            }
        }
    }

    fn role(&self) -> Role {
        self.roles.last().map(|(_, r)| *r).unwrap_or(Role::Body)
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            let role = self.role();
            self.sink.push(&self.current, role);
            self.current.clear();
        }
    }
}

/// Where an element stands relative to the page's content.
#[derive(Clone, Copy)]
struct Place {
    /// It is or holds a `<main>`, `<article>` or `<h1>`.
    holds_content: bool,
    /// It lies inside a `<main>` or `<article>`.
    in_content: bool,
}

/// Elements whose content is not visible text, or is site navigation and other
/// boilerplate; an element holding the page's content is never boilerplate.
fn is_skipped(element: &Element, place: Place) -> bool {
    const INVISIBLE: &[&str] = &[
        "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "button",
        "select", "option", "svg", "canvas", "iframe", "object", "embed", "map", "audio", "video",
        "input", "textarea", "math",
    ];
    let name = element.name();
    if INVISIBLE.contains(&name) || element.attr("hidden").is_some() {
        return true;
    }
    if place.holds_content || matches!(name, "html" | "body") {
        return false;
    }
    // A site-wide form (ASP.NET wraps whole pages in one) holds content, a search box not.
    if name == "form" || (name == "header" && !place.in_content) {
        return true;
    }
    let style = element
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    is_boilerplate(element) || is_footnote_marker(element)
}

/// Footnote reference markers inside the text (`(1)` links to the notes).
fn is_footnote_marker(element: &Element) -> bool {
    let marker_class = element.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        c.contains("note-tag") || c.contains("footnoteref") || c.contains("footnotereference")
    });
    let href = element.attr("href").unwrap_or("");
    let note_link = element.name() == "a"
        && ["#ntr", "#footnote", "#fn", "#ftn", "#_ftn", "#note"]
            .iter()
            .any(|p| href.starts_with(p));
    marker_class || note_link
}

/// An inline element that holds a point's label or an indent's dash.
fn is_label(element: &Element) -> bool {
    element.classes().any(|c| c == "num")
}

fn is_block(name: &str) -> bool {
    const BLOCKS: &[&str] = &[
        "address",
        "article",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ];
    BLOCKS.contains(&name)
}

/// The role an element gives the blocks inside it, from ELI ids and converter class names.
fn role_of(element: &Element) -> Option<Role> {
    if let Some(role) = element.id().and_then(role_of_eli_id) {
        return Some(role);
    }
    if let Some(role) = element.classes().find_map(role_of_class) {
        return Some(role);
    }
    matches!(element.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6").then_some(Role::Heading)
}

fn role_of_eli_id(id: &str) -> Option<Role> {
    let numbered = |prefix: &str| {
        id.strip_prefix(prefix)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if numbered("cit_") {
        Some(Role::Citation)
    } else if numbered("rct_") {
        Some(Role::Recital)
    } else {
        None
    }
}

fn role_of_class(class: &str) -> Option<Role> {
    let lower = class.to_ascii_lowercase();
    let class = lower.strip_prefix("oj-").unwrap_or(&lower);
    let role = match class {
        "doc-ti" | "title-doc-first" | "title-doc-last" | "typedudocument" | "titreobjet" => {
            Role::Title
        }
        "ti-art" | "title-article-norm" => Role::ArticleHeading,
        "sti-art" | "stitle-article-norm" => Role::ArticleTitle,
        "note" | "footnote" | "footnotes" => Role::Note,
        "final"
        | "signatory"
        | "signature"
        | "fait"
        | "personnequisigne"
        | "institutionquisigne" => Role::Final,
        "formuledadoption" => Role::Enacting,
        "annexetitre" => Role::AnnexHeading,
        "manualconsidrant" => Role::Recital,
        c if c.starts_with("ti-section")
            || c.starts_with("title-division")
            || c.starts_with("manualheading") =>
        {
            Role::Heading
        }
        _ => return None,
    };
    Some(role)
}

fn meta_class_of(element: &Element) -> Option<MetaClass> {
    element.classes().find_map(|c| match c {
        "hd-lg" | "oj-hd-lg" => Some(MetaClass::OjLanguage),
        "reference" => Some(MetaClass::ConsolidatedReference),
        _ => None,
    })
}

/// `02016R0679 — EN — 04.05.2016 — 000.002` → the base CELEX and the version date.
fn consolidated_reference(text: &str) -> Option<(String, Date)> {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b[03]?(\d{4}[A-Z]{1,2}\d{4})\s*[—–-]\s*[A-Z]{2}\s*[—–-]\s*(\d{2})\.(\d{2})\.(\d{4})\b").expect("literal regex")
    });
    let caps = REFERENCE.captures(text)?;
    let date = Date::new(
        caps[4].parse().ok()?,
        caps[3].parse().ok()?,
        caps[2].parse().ok()?,
    )?;
    Some((format!("3{}", &caps[1]), date))
}

/// What a web page says about itself outside its `<meta>` tags: JSON-LD, its `<h1>`, and
/// the dates of `<time>` and `itemprop="datePublished"` elements.
#[derive(Default)]
struct PageFacts {
    /// What its JSON-LD says.
    linked: LinkedData,
    /// Text of the page's main `<h1>`.
    heading: Option<String>,
    /// `itemprop="datePublished"` (its `content` or `datetime`).
    itemprop_date: Option<String>,
    /// The `datetime` of the publication `<time>`.
    time: Option<String>,
}

/// Most JSON-LD scripts and `<time>` elements of a page looked at.
const MAX_PAGE_FACT_ELEMENTS: usize = 50;

/// Reads the JSON-LD, main heading and publication dates of a page.
fn read_page(document: &Html, layout: &Layout) -> PageFacts {
    let elements = || {
        document
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
    };
    let scripts: Vec<String> = elements()
        .filter(|e| {
            e.value().name() == "script"
                && e.value()
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .take(MAX_PAGE_FACT_ELEMENTS)
        .map(|e| bounded_text(e, jsonld::MAX_JSONLD_BYTES + 1))
        .collect();
    let itemprop_date = elements()
        .find(|e| e.value().attr("itemprop") == Some("datePublished"))
        .and_then(|e| {
            let attrs = ["content", "datetime"];
            attrs.iter().find_map(|a| e.value().attr(a)).map(normalize)
        });
    PageFacts {
        linked: jsonld::read(scripts.iter().map(String::as_str)),
        heading: main_heading(document, layout),
        itemprop_date,
        time: publication_time(document),
    }
}

/// An element's text up to about `max` bytes.
fn bounded_text(element: ElementRef, max: usize) -> String {
    let mut text = String::new();
    for piece in element.text() {
        if text.len() > max {
            break;
        }
        text.push_str(piece);
    }
    text
}

/// The page's `<h1>`: the first in its content root, the one outside it, or the only one.
fn main_heading(document: &Html, layout: &Layout) -> Option<String> {
    let h1_under = |id: NodeId| {
        let node = document.tree.get(id)?;
        let element = ElementRef::wrap(node)?;
        if element.value().name() == "h1" {
            return Some(element);
        }
        element
            .descendants()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "h1")
    };
    let h1 = match (layout.root, layout.heading) {
        (_, Some(heading)) => h1_under(heading),
        (Some(root), None) => h1_under(root),
        (None, None) => {
            let mut h1s = document
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "h1");
            h1s.next().filter(|_| h1s.next().is_none())
        }
    }?;
    let text = normalize(&bounded_text(h1, 2_000));
    (!text.is_empty()).then_some(text)
}

/// The `datetime` of the `<time>` marked as the publication date (`itemprop`, a class
/// with `published`), else of the first `<time>` inside a `<main>` or `<article>`.
fn publication_time(document: &Html) -> Option<String> {
    let times: Vec<ElementRef> = document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "time" && e.value().attr("datetime").is_some())
        .take(MAX_PAGE_FACT_ELEMENTS)
        .collect();
    let marked = times.iter().find(|t| {
        t.value().attr("itemprop") == Some("datePublished")
            || t.value()
                .classes()
                .any(|c| c.to_ascii_lowercase().contains("published"))
    });
    let in_content = || {
        times.iter().find(|t| {
            t.ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "main" | "article"))
        })
    };
    marked
        .or_else(in_content)
        .and_then(|t| t.value().attr("datetime"))
        .map(normalize)
}

/// The names a page's head gives itself and its publisher, kept apart until all are read.
#[derive(Default)]
struct HeadNames {
    /// `<title>`.
    title_tag: Option<String>,
    /// `og:title`.
    og_title: Option<String>,
    /// `og:site_name`.
    site_name: Option<String>,
    /// `application-name`.
    application_name: Option<String>,
    /// `DC.publisher` or `dcterms.publisher`.
    dc_publisher: Option<String>,
    /// `<meta name="publisher">`.
    publisher: Option<String>,
    /// `DC.creator`.
    creator: Option<String>,
    /// `<meta name="author">`, usually a person.
    author: Option<String>,
}

/// Reads `<html lang>`, `<title>` and the `<meta>` tags of the head, completed by what
/// the page's JSON-LD, `<h1>` and `<time>` say.
fn read_head(document: &Html, page: &PageFacts) -> Metadata {
    let mut meta = Metadata::default();
    let mut names = HeadNames::default();
    for node in document.tree.root().descendants().take(20_000) {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "html" => {
                let lang = element.attr("lang").or_else(|| element.attr("xml:lang"));
                meta.lang = meta.lang.or_else(|| lang.and_then(Lang::from_metadata));
            }
            "title" if names.title_tag.is_none() => {
                let text: String = node
                    .descendants()
                    .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
                    .collect();
                names.title_tag = Some(normalize(&text));
            }
            "meta" => read_meta_tag(element, &mut meta, &mut names),
            "body" => break,
            _ => {}
        }
    }
    apply_page_title(&names, page, &mut meta);
    meta.publisher = publisher_of(&names, &page.linked);
    meta.date = meta.date.or_else(|| page_date(page));
    meta
}

/// Reads one `<meta>` tag: language, CELEX, title, date and address go to `meta`; the
/// names of the page and its publisher to `names`, weighed once all are read.
fn read_meta_tag(element: &Element, meta: &mut Metadata, names: &mut HeadNames) {
    let name = element
        .attr("name")
        .or_else(|| element.attr("property"))
        .or_else(|| element.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = element
        .attr("content")
        .map(normalize)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    let keep_first = |slot: &mut Option<String>| {
        slot.get_or_insert_with(|| content.clone());
    };
    match name.as_str() {
        "dc.language" | "language" | "og:locale" | "content-language" => {
            meta.lang = meta.lang.or_else(|| Lang::from_metadata(&content));
        }
        "dc.identifier" => meta.celex = meta.celex.take().or_else(|| celex_in(&content)),
        "dc.description" if meta.title.is_none() && looks_like_act_title(&content) => {
            meta.title = Some(content);
        }
        "dc.title" | "citation_title" | "dcterms.title" if !is_file_name_title(&content) => {
            meta.title = meta.title.take().or(Some(content));
        }
        "og:title" if !is_file_name_title(&content) => keep_first(&mut names.og_title),
        "dc.date"
        | "dcterms.created"
        | "dcterms.issued"
        | "article:published_time"
        | "date"
        | "citation_date"
        | "datepublished" => {
            meta.date = meta.date.or_else(|| written_date(&content));
        }
        "dc.publisher" | "dcterms.publisher" => keep_first(&mut names.dc_publisher),
        "publisher" => keep_first(&mut names.publisher),
        "og:site_name" => keep_first(&mut names.site_name),
        "application-name" => keep_first(&mut names.application_name),
        "dc.creator" => keep_first(&mut names.creator),
        "author" => keep_first(&mut names.author),
        "og:url" | "dc.source.uri" => meta.url = meta.url.take().or(Some(content)),
        _ => {}
    }
}

/// The publisher: a declared publisher first, then the organisation of the JSON-LD and
/// the site's name, and only then a creator or author (often a person).
fn publisher_of(names: &HeadNames, linked: &LinkedData) -> Option<String> {
    [
        &names.dc_publisher,
        &names.publisher,
        &linked.publisher,
        &names.site_name,
        &linked.site_name,
        &names.application_name,
        &names.creator,
        &names.author,
    ]
    .into_iter()
    .find_map(|name| name.clone())
}

/// The publication date of a web page from its JSON-LD, `itemprop` or `<time>`.
fn page_date(page: &PageFacts) -> Option<Date> {
    [
        &page.linked.published,
        &page.itemprop_date,
        &page.linked.created,
        &page.time,
    ]
    .into_iter()
    .flatten()
    .find_map(|text| written_date(text))
}

/// Sets the title: a Dublin Core title first, then `og:title`, then `<title>`, each without
/// the site's name around it; a generic `<title>` (`Nieuws | Bits of Freedom`) gives way to
/// the JSON-LD headline or the `<h1>`. A consolidated-text `<title>` also gives the CELEX
/// and version date.
fn apply_page_title(names: &HeadNames, page: &PageFacts, meta: &mut Metadata) {
    if let Some(title) = &names.title_tag
        && let Some((celex, date)) = consolidated_reference(title)
    {
        meta.celex = Some(celex);
        meta.consolidated = Some(date);
        return;
    }
    if meta.title.is_some() {
        return;
    }
    let sites = site_names(names, &page.linked);
    let og_title = names
        .og_title
        .as_deref()
        .map(|t| without_site_name(t, &sites))
        .filter(|t| !t.is_empty() && !is_site_name(t, &sites));
    if let Some(title) = og_title {
        meta.title = Some(title.to_string());
        return;
    }
    let Some(title) = names
        .title_tag
        .as_deref()
        .filter(|t| !is_file_name_title(t))
    else {
        return;
    };
    let title = without_site_name(title, &sites);
    let headings = [&page.linked.headline, &page.heading];
    let heading = headings.into_iter().flatten().find(|h| !h.is_empty());
    meta.title = match heading {
        Some(heading) => Some(title_or_heading(title, heading, &headings)),
        None => Some(title.to_string()).filter(|t| !t.is_empty()),
    };
}

/// The names a site goes by: `og:site_name`, the JSON-LD publisher and site, and the
/// `application-name`.
fn site_names<'a>(names: &'a HeadNames, linked: &'a LinkedData) -> Vec<&'a str> {
    [
        &names.site_name,
        &linked.publisher,
        &linked.site_name,
        &names.application_name,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .filter(|s| !s.is_empty())
    .collect()
}

/// What separates a page's title from its site's name (`Title | Site`, `Site – Title`).
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " - ", " — ", " :: ", " · ", " » "];

/// `title` without a site name written before or after it with a separator.
fn without_site_name<'a>(title: &'a str, sites: &[&str]) -> &'a str {
    for site in sites {
        for separator in TITLE_SEPARATORS {
            let suffix = title
                .len()
                .checked_sub(site.len() + separator.len())
                .and_then(|cut| Some((cut, title.get(cut..)?)));
            if let Some((cut, tail)) = suffix
                && tail
                    .get(separator.len()..)
                    .is_some_and(|s| s.eq_ignore_ascii_case(site))
                && tail.starts_with(separator)
            {
                return title[..cut].trim();
            }
            let prefix_len = site.len() + separator.len();
            if let Some(head) = title.get(..prefix_len)
                && head.ends_with(separator)
                && head[..site.len()].eq_ignore_ascii_case(site)
            {
                return title[prefix_len..].trim();
            }
        }
    }
    title
}

/// Whether `title` is only the site's name.
fn is_site_name(title: &str, sites: &[&str]) -> bool {
    sites.iter().any(|s| s.eq_ignore_ascii_case(title))
}

/// Most words of a `<title>` that names a section (`Nieuws`, `Press releases`) rather
/// than the page.
const GENERIC_TITLE_WORDS: usize = 2;

/// The `<title>` unless it is generic: a heading followed or preceded by an unknown
/// site's name gives the heading; a title that does not contain the heading and is short
/// or still has a separator (`Otevřený dopis / Open letter – Iuridicum`) gives the first
/// of `headings` (JSON-LD headline, then `<h1>`).
fn title_or_heading(title: &str, heading: &str, headings: &[&Option<String>]) -> String {
    let lower_title = title.to_lowercase();
    let matches_heading = |h: &str| {
        let h = h.to_lowercase();
        TITLE_SEPARATORS.iter().any(|sep| {
            lower_title.starts_with(&format!("{h}{sep}"))
                || lower_title.ends_with(&format!("{sep}{h}"))
        })
    };
    if let Some(h) = headings
        .iter()
        .copied()
        .flatten()
        .find(|h| matches_heading(h))
    {
        return h.clone();
    }
    let contains_heading = headings
        .iter()
        .copied()
        .flatten()
        .any(|h| lower_title.contains(&h.to_lowercase()));
    let short = title.split_whitespace().count() <= GENERIC_TITLE_WORDS;
    let separated = TITLE_SEPARATORS.iter().any(|sep| title.contains(sep));
    if !contains_heading && (short || separated) {
        heading.to_string()
    } else {
        title.to_string()
    }
}

fn merge_body_meta(meta: &mut Metadata, found: &BodyMeta) {
    meta.lang = meta.lang.or(found.lang);
    if found.consolidated.is_some() && meta.consolidated.is_none() {
        meta.celex = found.celex.clone().or(meta.celex.take());
        meta.consolidated = found.consolidated;
    }
}

/// `L_2016119EN.01000101.xml`, `EUR-Lex - 32000L0031 - EN`: names, not titles.
fn is_file_name_title(title: &str) -> bool {
    static FILE_NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[\w.-]+\.(?:xml|html?|xhtml|pdf|docx?)|eur-lex\s*-.*|\d{5}[a-z]{1,2}\d{4}.*)$").expect("literal regex")
    });
    title.is_empty() || FILE_NAME.is_match(title)
}

fn looks_like_act_title(text: &str) -> bool {
    text.chars().count() > 20 && celex_in(text).is_none()
}

/// A CELEX number inside a URI or text (`…?uri=CELEX:32000L0031:EN:HTML`).
pub fn celex_in(text: &str) -> Option<String> {
    static CELEX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:CELEX[:=%3A]*|\b)([0-9]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?)\b")
            .expect("literal regex")
    });
    CELEX
        .captures(text)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, Role)> {
        let out = extract(html.as_bytes()).unwrap();
        out[0]
            .blocks
            .iter()
            .map(|b| (b.text.clone(), b.role))
            .collect()
    }

    #[test]
    fn oj_point_tables_become_labelled_blocks() {
        let html = r#"<html><body><div class="eli-subdivision" id="art_6"><p class="oj-ti-art">Article 6</p>
            <p class="oj-sti-art">Lawfulness</p><p class="oj-normal">1.   Processing shall be lawful:</p>
            <table><tr><td><p class="oj-normal">(a)</p></td><td><p class="oj-normal">consent;</p></td></tr></table></div></body></html>"#;
        let b = blocks(html);
        assert_eq!(b[0], ("Article 6".into(), Role::ArticleHeading));
        assert_eq!(b[1], ("Lawfulness".into(), Role::ArticleTitle));
        assert_eq!(b[2].0, "1. Processing shall be lawful:");
        assert_eq!(b[3].0, "(a) consent;");
    }

    #[test]
    fn a_label_in_its_own_span_is_a_word_of_its_own() {
        let html = r#"<html><body><p class="li Point1"><span class="num"><span>(b)</span></span><span>a policy, including the following:</span></p>
            <p class="li Tiret2"><span><span class="num">–</span></span><span>prohibitions of otters;</span></p></body></html>"#;
        let b = blocks(html);
        assert_eq!(b[0].0, "(b) a policy, including the following:");
        assert_eq!(b[1].0, "– prohibitions of otters;");
    }

    #[test]
    fn eli_ids_give_citation_and_recital_roles() {
        let html = r#"<body><div id="cit_1"><p>Having regard to the Treaty,</p></div><div id="rct_1"><table><tr><td><p>(1)</p></td><td><p>The protection.</p></td></tr></table></div></body>"#;
        let b = blocks(html);
        assert_eq!(b[0].1, Role::Citation);
        assert_eq!(b[1], ("(1) The protection.".into(), Role::Recital));
    }

    #[test]
    fn scripts_navigation_and_note_markers_are_dropped() {
        let html = r##"<html lang="en"><head><title>Against mass surveillance</title><script>var x=1;</script></head>
            <body><nav><a href="/">Home</a></nav><p>Visible<a href="#ntr1">(1)</a> text.</p><footer>© x</footer></body></html>"##;
        let out = &extract(html.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.lang, Some(Lang::En));
        assert_eq!(out.meta.title.as_deref(), Some("Against mass surveillance"));
        let texts: Vec<&str> = out.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Visible text."]);
    }

    #[test]
    fn old_eurlex_dublin_core_is_read_and_unicode_label_ignored() {
        let html = "<html><head><meta name=\"DC.language\" content=\"EN\"><meta name=\"DC.identifier\" scheme=\"URI\" content=\"http://x/LexUriServ.do?uri=CELEX:32000L0031:EN:HTML\"><meta name=\"DC.type\" http-equiv=\"Content-Type\" content=\"text/html; charset=UNICODE-1-1-UTF-8\"><title>EUR-Lex - 32000L0031 - EN</title></head><body><p>Données</p></body></html>";
        let out = &extract(html.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.celex.as_deref(), Some("32000L0031"));
        assert_eq!(out.meta.lang, Some(Lang::En));
        assert!(out.meta.title.is_none());
        assert_eq!(out.blocks[0].text, "Données");
    }

    #[test]
    fn consolidated_reference_gives_celex_and_date() {
        let html = r#"<body><p class="reference">02016R0679 — EN — 04.05.2016 — 000.002</p><p>Text</p></body>"#;
        let out = &extract(html.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.celex.as_deref(), Some("32016R0679"));
        assert_eq!(
            out.meta.consolidated.map(|d| d.to_string()).as_deref(),
            Some("2016-05-04")
        );
        let old = r#"<html><head><title>Konsolidierter TEXT: 31998F0699 — DE — 05.07.2001</title></head><body><p style="x">1998F0699 — DE — 05.07.2001 — 001.001</p></body></html>"#;
        let out = &extract(old.as_bytes()).unwrap()[0];
        assert_eq!(out.meta.celex.as_deref(), Some("31998F0699"));
        assert_eq!(
            out.meta.consolidated.map(|d| d.to_string()).as_deref(),
            Some("2001-07-05")
        );
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_dropped_and_its_text_kept() {
        let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"x y\"")).collect();
        let html = format!("<p{attributes}>kept text</p><p class=\"x\">after</p>");
        assert_eq!(attribute_count(&format!("<p{attributes}>")), 100_000);
        assert_eq!(attribute_count(r#"<p class="a b" id=x hidden>"#), 3);
        let b = blocks(&html);
        let texts: Vec<&str> = b.iter().map(|(text, _)| text.as_str()).collect();
        assert_eq!(texts, ["kept text", "after"]);
    }

    #[test]
    fn a_page_is_read_up_to_the_markup_cap() {
        let page = "<b>".repeat(limits::MAX_HTML_MARKUP) + "<i>end";
        let (kept, cut) = cap_markup(&page);
        assert_eq!(kept.len(), 3 * limits::MAX_HTML_MARKUP);
        assert!(cut.unwrap().contains("the rest is left out"));
        assert_eq!(cap_markup("<p>short</p>"), ("<p>short</p>", None));
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let depth = 200_000;
        let html = format!(
            "{}deep text{}<p>after</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let b = blocks(&html);
        assert_eq!(
            b,
            [
                ("deep text".to_string(), Role::Body),
                ("after".to_string(), Role::Body)
            ]
        );
    }

    #[test]
    fn unclosed_tags_stay_linear() {
        let html = format!("<p>{}text", "<b><i><span>".repeat(50_000));
        let b = blocks(&html);
        assert_eq!(b[0].0, "text");
    }
}

#[cfg(test)]
mod web_page_tests {
    use super::*;

    /// A blog page with the usual site furniture around `article`.
    fn page(head: &str, body_class: &str, article: &str) -> String {
        format!(
            r##"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head>
            <body class="{body_class}"><a class="skip-link" href="#main">Skip</a>
            <div id="onetrust-banner-sdk"><p>We use cookies.</p></div>
            <div class="cc-window cc-banner"><span>This website uses tracking.</span></div>
            <div role="dialog" aria-modal="true"><p>Consent dialog</p></div>
            <header class="masthead"><div class="logo">Site name</div><p>Tagline</p></header>
            <main id="main"><article class="post">{article}</article></main>
            <div class="share-buttons"><span>Share this</span></div>
            <div class="related-posts"><h3>Related</h3></div>
            <div class="newsletter-signup"><p>Subscribe</p></div>
            <section id="comments" class="comments-area"><div class="comment"><p>A reader's comment</p></div></section>
            <footer><p>© Site</p></footer></body></html>"##
        )
    }

    fn texts(html: &str) -> Vec<String> {
        let out = extract(html.as_bytes()).unwrap();
        out[0].blocks.iter().map(|b| b.text.clone()).collect()
    }

    fn meta(html: &str) -> Metadata {
        extract(html.as_bytes()).unwrap().remove(0).meta
    }

    const ARTICLE: &str = "<h1>The headline</h1><p>First paragraph.</p><p>Second paragraph.</p>";

    #[test]
    fn only_the_article_of_a_page_is_read() {
        let texts = texts(&page("", "single-post", ARTICLE));
        assert_eq!(
            texts,
            ["The headline", "First paragraph.", "Second paragraph."]
        );
    }

    #[test]
    fn layout_classes_do_not_drop_the_page_or_its_article() {
        let body = texts(&page("", "single single-post has-sidebar", ARTICLE));
        assert_eq!(
            body,
            ["The headline", "First paragraph.", "Second paragraph."]
        );
        let wrapped = format!(r#"<div class="entry-content main-menu-offset">{ARTICLE}</div>"#);
        let article = texts(&page("", "single-post", &wrapped));
        assert_eq!(
            article,
            ["The headline", "First paragraph.", "Second paragraph."]
        );
    }

    #[test]
    fn without_main_or_article_the_body_is_read_without_boilerplate() {
        let html = r#"<body class="has-sidebar"><header><p>Site tagline</p></header>
            <div class="menu-primary"><a>Home</a></div><div class="content no-sidebar"><h1>Title</h1><p>Text.</p></div>
            <div class="social-share">Tweet</div><div id="comments"><p>Comment</p></div></body>"#;
        assert_eq!(texts(html), ["Title", "Text."]);
    }

    #[test]
    fn a_heading_above_main_is_kept() {
        let html = r#"<body><div class="entry-header"><h1>Press release title</h1></div>
            <nav>Menu</nav><main><p>The release says something long enough to count.</p></main>
            <div class="related">Other</div></body>"#;
        assert_eq!(
            texts(html),
            [
                "Press release title",
                "The release says something long enough to count."
            ]
        );
    }

    #[test]
    fn json_ld_time_and_itemprop_date_a_page() {
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","datePublished":"2024-02-14T23:30:00-05:00"}]}</script>"#;
        let date = |html: &str| meta(html).date.map(|d| d.to_string());
        assert_eq!(date(&page(ld, "", ARTICLE)).as_deref(), Some("2024-02-14"));
        let time = r#"<h1>T</h1><p><time datetime="2023-11-20T10:00:00Z">20 nov</time></p>"#;
        assert_eq!(date(&page("", "", time)).as_deref(), Some("2023-11-20"));
        let itemprop = r#"<meta itemprop="datePublished" content="2021-03">"#;
        assert_eq!(
            date(&page(itemprop, "", ARTICLE)).as_deref(),
            Some("2021-03-01")
        );
        let outside = r#"<body><div class="widget"><time datetime="2020-01-01">x</time></div><p>Text</p></body>"#;
        assert_eq!(
            date(outside),
            None,
            "a time outside the article is not its date"
        );
    }

    #[test]
    fn titles_lose_the_site_name() {
        let title = |head: &str| meta(&page(head, "", ARTICLE)).title;
        let edri =
            r#"<title>The headline | EDRi</title><meta property="og:site_name" content="EDRi">"#;
        assert_eq!(title(edri).as_deref(), Some("The headline"));
        let prefix = r#"<title>EDRi :: A statement on the proposal for chat control</title><meta property="og:site_name" content="EDRi">"#;
        assert_eq!(
            title(prefix).as_deref(),
            Some("A statement on the proposal for chat control")
        );
        let og_is_site = r#"<title>The headline | Xnet</title><meta property="og:title" content="Xnet"><meta property="og:site_name" content="Xnet">"#;
        assert_eq!(title(og_is_site).as_deref(), Some("The headline"));
        let unknown_site = "<title>The headline | Dataskydd.net</title>";
        assert_eq!(title(unknown_site).as_deref(), Some("The headline"));
    }

    #[test]
    fn a_generic_title_gives_way_to_the_headline() {
        let title = |head: &str| meta(&page(head, "", ARTICLE)).title;
        let ld = r#"<title>Nieuws | Bits of Freedom</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Encryptie onder vuur","publisher":{"@type":"Organization","name":"Bits of Freedom"}}</script>"#;
        assert_eq!(title(ld).as_deref(), Some("Encryptie onder vuur"));
        assert_eq!(
            title("<title>News</title>").as_deref(),
            Some("The headline")
        );
        let campaign = "<title>Gegen Massenüberwachung in Europa</title>";
        assert_eq!(
            title(campaign).as_deref(),
            Some("Gegen Massenüberwachung in Europa")
        );
    }

    #[test]
    fn the_publisher_is_the_organisation_not_the_author() {
        let publisher = |head: &str| meta(&page(head, "", ARTICLE)).publisher;
        let site = r#"<meta name="author" content="Jane Doe"><meta property="og:site_name" content="EDRi">"#;
        assert_eq!(publisher(site).as_deref(), Some("EDRi"));
        let ld = r#"<meta name="author" content="Jane Doe"><script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Jane"},"publisher":{"name":"Bits of Freedom"}}</script>"#;
        assert_eq!(publisher(ld).as_deref(), Some("Bits of Freedom"));
        let dc = r#"<meta property="og:site_name" content="EDRi"><meta name="DC.publisher" content="European Digital Rights">"#;
        assert_eq!(publisher(dc).as_deref(), Some("European Digital Rights"));
        assert_eq!(
            publisher(r#"<meta name="author" content="Jane Doe">"#).as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn nested_articles_times_and_scripts_stay_bounded() {
        let inner = r#"<article><time datetime="2020-01-01">t</time><p>c</p></article>"#;
        let script =
            r#"<script type="application/ld+json">{"datePublished":"2021-01-01"}</script>"#;
        let html = format!(
            "<article>{}{}{}</article>{}",
            "<div>".repeat(200),
            inner.repeat(100_000),
            "</div>".repeat(200),
            script.repeat(10_000)
        );
        let started = std::time::Instant::now();
        let out = extract(html.as_bytes()).unwrap().remove(0);
        assert_eq!(
            out.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2021-01-01")
        );
        assert!(started.elapsed().as_secs() < 20);
    }

    #[test]
    fn many_articles_and_headings_stay_linear() {
        let html = "<article><h1>x</h1><p>y</p></article>".repeat(50_000);
        let started = std::time::Instant::now();
        assert_eq!(texts(&html).len(), 100_000);
        assert!(started.elapsed().as_secs() < 20);
    }
}
