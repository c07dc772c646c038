//! PDF extractor: PDF bytes in, paragraphs of body text and the Info metadata out.
//!
//! A PDF has no paragraphs, only glyphs placed on pages. This module loads the file with
//! lopdf (bounded, lenient, decrypting files whose user or owner password is empty, as
//! poppler's readers do without asking), walks each
//! page's content stream itself to place every shown string on the page, rebuilds lines and
//! word spaces from those positions, drops running headers, footers and page numbers, and joins the lines
//! into paragraphs in reading order, which `legal::units` then cuts into units. Scanned files
//! without a text layer and files that need a password are refused with their own errors.

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object, ObjectId, Stream};
use regex::Regex;

use super::clean::normalize_compat;
use super::{Block, ExtractError, Extracted, Metadata, Role};
use crate::lang::Lang;
use crate::limits;
use crate::model::Date;

/// Fewer letters than this in the whole file means there is no text layer to index.
const MIN_LETTERS: usize = 20;

/// Deepest nesting of form XObjects followed on a page. Real files nest two or three levels;
/// the bound keeps a hostile chain of forms from recursing without end.
const MAX_FORM_DEPTH: usize = 12;

/// Extracts the paragraphs and metadata of a PDF file.
///
/// Every page's text becomes paragraphs ([`Role::Body`] blocks) in reading order. A file
/// that needs a password gives [`ExtractError::Encrypted`], one without text
/// [`ExtractError::NoTextLayer`], one lopdf cannot read [`ExtractError::Malformed`].
pub fn extract(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    // lopdf is a large parser of hostile input; a panic inside it must cost this one file,
    // not the worker. Nothing here holds state that a panic could leave half-updated.
    catch_unwind(AssertUnwindSafe(|| extract_document(bytes)))
        .unwrap_or_else(|_| Err(malformed("the PDF parser failed on this file")))
}

fn extract_document(bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let doc = load(bytes)?;
    if needs_password(&doc) {
        return Err(ExtractError::Encrypted);
    }
    let pages = read_pages(&doc)?;
    let letters: usize = pages
        .iter()
        .flatten()
        .map(|line| letter_count(&line.text))
        .sum();
    if letters < MIN_LETTERS {
        return Err(ExtractError::NoTextLayer);
    }
    let pages = drop_running_lines(pages);
    let blocks = paragraphs(&pages)
        .into_iter()
        .map(|text| Block::new(text, Role::Body))
        .collect();
    Ok(Extracted {
        meta: metadata(&doc),
        blocks,
        flattened: false,
        cut: None,
    })
}

fn malformed(reason: impl Into<String>) -> ExtractError {
    ExtractError::Malformed {
        format: "pdf",
        reason: reason.into(),
    }
}

fn letter_count(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

// ---------------------------------------------------------------------------------------
// Loading and encryption

fn load(bytes: &[u8]) -> Result<Document, ExtractError> {
    let options = LoadOptions {
        strict: false,
        max_decompressed_size: Some(limits::MAX_PDF_STREAM),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(load_error)
}

fn load_error(error: lopdf::Error) -> ExtractError {
    match error {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ExtractError::TooLarge(format!(
                "a PDF stream decompresses to more than {} bytes",
                limits::MAX_PDF_STREAM
            ))
        }
        lopdf::Error::InvalidPassword
        | lopdf::Error::Decryption(_)
        | lopdf::Error::UnsupportedSecurityHandler(_) => ExtractError::Encrypted,
        other => malformed(one_line(&other.to_string())),
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when the file can only be read with a password someone has to type.
///
/// lopdf opens a file with either the empty user or the empty owner password (either
/// decrypts it, as in poppler's readers, which open such files without asking) and yields
/// no pages when neither works; the `/Encrypt` entry is then still in the trailer.
fn needs_password(doc: &Document) -> bool {
    doc.trailer.has(b"Encrypt")
}

// ---------------------------------------------------------------------------------------
// Pages

/// One line of a page, after clean-up.
#[derive(Debug, Clone)]
struct TextLine {
    /// The text, NFKC and whitespace-normalised.
    text: String,
    /// Baseline height on the page (PDF user space: larger is higher).
    y: f32,
    /// Horizontal extent.
    width: f32,
    /// A blank line, a jump or a change of type size comes before this line.
    gap_before: bool,
}

/// The text lines of every readable page, in page order.
fn read_pages(doc: &Document) -> Result<Vec<Vec<TextLine>>, ExtractError> {
    let page_ids = page_ids(doc);
    if page_ids.is_empty() {
        return Err(malformed("the file has no readable page"));
    }
    let composites = composite_fonts_without_encoding(doc);
    let mut cache = FontCache::new(doc, &composites);
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut first_error = None;
    for page_id in page_ids {
        match page_lines(doc, &mut cache, page_id) {
            Ok(lines) => pages.push(lines),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    match first_error {
        Some(error) if pages.is_empty() => Err(unreadable_pages(error)),
        _ => Ok(pages),
    }
}

/// The error for a file none of whose pages could be read, from the first page's error.
fn unreadable_pages(error: lopdf::Error) -> ExtractError {
    match error {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            ExtractError::TooLarge(format!(
                "page content decompresses to more than {} bytes",
                limits::MAX_PDF_PAGE_CONTENT
            ))
        }
        other => malformed(format!(
            "no page could be read: {}",
            one_line(&other.to_string())
        )),
    }
}

/// The page objects in order, each once (a page tree with a cycle lists pages again), at
/// most `MAX_PDF_PAGES`.
fn page_ids(doc: &Document) -> Vec<ObjectId> {
    let mut seen = HashSet::new();
    doc.page_iter()
        .filter(|id| seen.insert(*id))
        .take(limits::MAX_PDF_PAGES)
        .collect()
}

fn page_lines<'a>(
    doc: &'a Document,
    fonts: &mut FontCache<'a>,
    page_id: ObjectId,
) -> Result<Vec<TextLine>, lopdf::Error> {
    doc.get_dictionary(page_id)?;
    let content = doc.get_page_content_with_limit(page_id, limits::MAX_PDF_PAGE_CONTENT)?;
    let budget = limits::MAX_PDF_PAGE_CONTENT.saturating_sub(content.len());
    let mut walker = Walker {
        doc,
        fonts,
        budget,
        forms: Vec::new(),
        fragments: Vec::new(),
    };
    let mut scope = Scope::new(page_resources(doc, page_id));
    walker.run(&content, &mut scope, GraphicsState::default())?;
    let lines = assemble_lines(walker.fragments);
    let gaps = mark_gaps(&lines);
    Ok(clean_lines(lines, gaps))
}

/// The resource dictionaries of a page, nearest first (the page's own, then inherited).
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((direct, ids)) = doc.get_page_resources(page_id) else {
        return Vec::new();
    };
    direct
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Fonts

/// Composite (Type0) fonts that carry a `/ToUnicode` map, copied without `/Encoding`.
///
/// lopdf decodes a composite font through its `/ToUnicode` map only when `/Encoding` is
/// `Identity-H`/`-V`; with an embedded CMap it falls back to a one-byte encoding and the
/// text is lost. Without `/Encoding` lopdf goes straight to the map.
fn composite_fonts_without_encoding(doc: &Document) -> HashMap<ObjectId, Dictionary> {
    doc.objects
        .iter()
        .filter_map(|(id, object)| {
            let font = object.as_dict().ok().filter(|d| d.has_type(b"Font"))?;
            if !font.has(b"ToUnicode") || !has_subtype(font, b"Type0") {
                return None;
            }
            let mut copy = font.clone();
            copy.remove(b"Encoding");
            Some((*id, copy))
        })
        .collect()
}

fn has_subtype(dict: &Dictionary, subtype: &[u8]) -> bool {
    dict.get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == subtype)
}

/// How the character codes of a font become text.
enum CodeText<'a> {
    /// A simple font: the text of each of the 256 one-byte codes.
    Table(Vec<String>),
    /// A composite font: two-byte codes through its `/ToUnicode` map (or a predefined
    /// Unicode CMap), decoded on first use.
    Lookup {
        encoding: Option<Encoding<'a>>,
        cache: HashMap<u32, String>,
    },
}

/// What the walker needs of a font: how to decode its strings and how wide they are.
struct FontInfo<'a> {
    text: CodeText<'a>,
    /// Bytes per character code: 2 for composite (Type0) fonts, 1 otherwise.
    code_bytes: usize,
    /// Glyph widths by character code, in glyph space.
    widths: HashMap<u32, f32>,
    /// Width of codes missing from `widths`.
    default_width: f32,
    /// Glyph space to text space (1/1000, or a Type3 font's matrix).
    scale: f32,
}

impl<'a> FontInfo<'a> {
    fn simple(doc: &'a Document, font: &'a Dictionary, names: &mut GlyphNames) -> FontInfo<'a> {
        let (widths, default_width) = simple_widths(doc, font);
        FontInfo {
            text: CodeText::Table(simple_code_table(doc, font, names)),
            code_bytes: 1,
            widths,
            default_width,
            scale: glyph_scale(doc, font),
        }
    }

    /// `font` is the composite font as lopdf should decode it (see
    /// [`composite_fonts_without_encoding`]).
    fn composite(doc: &'a Document, font: &'a Dictionary) -> FontInfo<'a> {
        let encoding = font
            .get_font_encoding_with_limit(doc, limits::MAX_PDF_PAGE_CONTENT)
            .ok()
            .filter(|e| {
                matches!(
                    e,
                    Encoding::UnicodeMapEncoding(_) | Encoding::SimpleEncoding(_)
                )
            });
        let (widths, default_width) = cid_widths(doc, font);
        FontInfo {
            text: CodeText::Lookup {
                encoding,
                cache: HashMap::new(),
            },
            code_bytes: 2,
            widths,
            default_width,
            scale: 0.001,
        }
    }

    fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = u32> + 'b {
        bytes
            .chunks(self.code_bytes)
            .map(|chunk| chunk.iter().fold(0u32, |code, b| code << 8 | u32::from(*b)))
    }

    fn decode(&mut self, bytes: &[u8]) -> String {
        let codes: Vec<u32> = self.codes(bytes).collect();
        let mut text = String::new();
        for code in codes {
            match &mut self.text {
                CodeText::Table(table) => {
                    if let Some(entry) = usize::try_from(code).ok().and_then(|c| table.get(c)) {
                        text.push_str(entry);
                    }
                }
                CodeText::Lookup { encoding, cache } => {
                    let entry = cache.entry(code).or_insert_with(|| match encoding {
                        Some(Encoding::SimpleEncoding(name)) if is_unicode_cmap(name) => {
                            char::from_u32(code).map(String::from).unwrap_or_default()
                        }
                        Some(encoding) => decode_code(encoding, code, 2),
                        None => String::new(),
                    });
                    text.push_str(entry);
                }
            }
        }
        text
    }

    /// Horizontal advance of `bytes` in text space (PDF 32000-1, 9.4.4).
    fn advance(&self, bytes: &[u8], state: &GraphicsState) -> f32 {
        self.codes(bytes)
            .map(|code| {
                let width = self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width);
                let word_spacing = if self.code_bytes == 1 && code == 32 {
                    state.word_spacing
                } else {
                    0.0
                };
                (width * self.scale * state.font_size + state.char_spacing + word_spacing)
                    * state.h_scale
            })
            .sum()
    }
}

/// A predefined CMap whose codes are UTF-16 code units (`UniJIS-UCS2-H`, `UniGB-UTF16-V`).
fn is_unicode_cmap(name: &[u8]) -> bool {
    name.windows(4).any(|w| w == b"UCS2") || name.windows(5).any(|w| w == b"UTF16")
}

/// The text of one code, empty when the encoding does not know it.
fn decode_code(encoding: &Encoding<'_>, code: u32, bytes: usize) -> String {
    let code_bytes = code.to_be_bytes();
    let Some(code_bytes) = code_bytes.get(4usize.saturating_sub(bytes)..) else {
        return String::new();
    };
    let text = encoding.bytes_to_string(code_bytes).unwrap_or_default();
    text.replace('\u{FFFD}', "")
}

/// The text of the 256 codes of a simple font, in the order of precedence readers use:
/// the `/ToUnicode` map, then `/Differences`, then the base encoding (named, or built into
/// the embedded font program, or Standard).
fn simple_code_table(doc: &Document, font: &Dictionary, names: &mut GlyphNames) -> Vec<String> {
    let mut table = base_code_table(doc, font, names);
    for (code, name) in differences(doc, font) {
        let Some(entry) = table.get_mut(usize::from(code)) else {
            continue;
        };
        match names.text(doc, &name) {
            Some(text) => *entry = text,
            // dvips names bitmap glyphs after their code (`/a97` at 97): the code is the
            // character in the base encoding.
            None if numbered_after_code(&name, code) => {}
            None => entry.clear(),
        }
    }
    if let Some(map) = to_unicode_map(doc, font) {
        for (code, entry) in table.iter_mut().enumerate() {
            let text = decode_code(&map, code as u32, 1);
            if !text.is_empty() {
                *entry = text;
            }
        }
    }
    table
}

/// A glyph name made of a letter or two and the code it sits at (`a97` at 97).
fn numbered_after_code(name: &[u8], code: u8) -> bool {
    let digits = name
        .iter()
        .position(u8::is_ascii_digit)
        .unwrap_or(name.len());
    let (prefix, number) = name.split_at(digits);
    (1..=2).contains(&prefix.len())
        && prefix.iter().all(u8::is_ascii_alphabetic)
        && std::str::from_utf8(number)
            .ok()
            .and_then(|n| n.parse::<u8>().ok())
            == Some(code)
}

/// The font's `/ToUnicode` map, read by lopdf from a font dictionary holding nothing else.
fn to_unicode_map<'a>(doc: &'a Document, font: &Dictionary) -> Option<Encoding<'a>> {
    let map = font.get(b"ToUnicode").ok()?;
    let mut bare = Dictionary::new();
    bare.set("Type", Object::Name(b"Font".to_vec()));
    bare.set("ToUnicode", map.clone());
    match bare.get_font_encoding_with_limit(doc, limits::MAX_PDF_PAGE_CONTENT) {
        Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
        _ => None,
    }
}

/// The font's `/Encoding` dictionary, if it is one.
fn encoding_dict<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    font.get_deref(b"Encoding", doc)
        .and_then(Object::as_dict)
        .ok()
}

/// The base encoding's name: `/Encoding` itself or its `/BaseEncoding`.
fn base_encoding_name<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a [u8]> {
    match font.get_deref(b"Encoding", doc) {
        Ok(Object::Name(name)) => Some(name),
        Ok(Object::Dictionary(dict)) => dict.get(b"BaseEncoding").and_then(Object::as_name).ok(),
        _ => None,
    }
}

fn base_code_table(doc: &Document, font: &Dictionary, names: &mut GlyphNames) -> Vec<String> {
    let named = base_encoding_name(doc, font);
    if named.is_none()
        && let Some(builtin) = builtin_encoding(doc, font)
    {
        let mut table = vec![String::new(); 256];
        for (code, name) in builtin {
            if let Some(entry) = table.get_mut(usize::from(code)) {
                *entry = names.text(doc, &name).unwrap_or_default();
            }
        }
        return table;
    }
    named_code_table(doc, named.unwrap_or(b"StandardEncoding"))
}

/// The 256 codes of one of the encodings lopdf knows by name; Standard for the others.
fn named_code_table(doc: &Document, name: &[u8]) -> Vec<String> {
    let known = [
        &b"WinAnsiEncoding"[..],
        b"MacRomanEncoding",
        b"MacExpertEncoding",
    ];
    let name = if known.contains(&name) {
        name
    } else {
        b"StandardEncoding"
    };
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Name(name.to_vec()));
    match font.get_font_encoding(doc) {
        Ok(encoding) => (0..256)
            .map(|code| decode_code(&encoding, code, 1))
            .collect(),
        Err(_) => vec![String::new(); 256],
    }
}

/// The `/Differences` of the font's encoding: code and glyph name pairs.
fn differences(doc: &Document, font: &Dictionary) -> Vec<(u8, Vec<u8>)> {
    let Some(list) = encoding_dict(doc, font).map(|e| deref_array(doc, e, b"Differences")) else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    let mut code: Option<u8> = None;
    for item in list {
        match item {
            Object::Integer(n) => code = u8::try_from(*n).ok(),
            Object::Name(name) => {
                if let Some(c) = code {
                    pairs.push((c, name.clone()));
                }
                code = code.and_then(|c| c.checked_add(1));
            }
            _ => {}
        }
    }
    pairs
}

/// The encoding built into an embedded Type 1 font program (`dup 65 /A put` in its clear
/// text part), which TeX fonts rely on instead of an `/Encoding` entry.
fn builtin_encoding(doc: &Document, font: &Dictionary) -> Option<Vec<(u8, Vec<u8>)>> {
    let descriptor = font
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .ok()?;
    let file = descriptor
        .get_deref(b"FontFile", doc)
        .and_then(Object::as_stream)
        .ok()?;
    let program = file
        .get_plain_content_with_limit(limits::MAX_PDF_PAGE_CONTENT)
        .ok()?;
    let clear_end = find(&program, b"eexec").unwrap_or(program.len());
    let clear = program.get(..clear_end)?;
    let start = find(clear, b"/Encoding")?;
    let tokens: Vec<&[u8]> = clear
        .get(start..)?
        .split(|b| b.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let pairs: Vec<(u8, Vec<u8>)> = tokens
        .windows(4)
        .filter_map(|window| match window {
            [b"dup", code, name, b"put"] => {
                let code = std::str::from_utf8(code).ok()?.parse::<u8>().ok()?;
                Some((code, name.strip_prefix(b"/")?.to_vec()))
            }
            _ => None,
        })
        .collect();
    (!pairs.is_empty()).then_some(pairs)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Glyph names to text, through lopdf's glyph list and the Unicode naming conventions
/// (`uni00E9`, `u1F600`, `a.sc`, `f_f_i`); remembered per document.
#[derive(Default)]
struct GlyphNames {
    known: HashMap<Vec<u8>, Option<String>>,
}

impl GlyphNames {
    fn text(&mut self, doc: &Document, name: &[u8]) -> Option<String> {
        if let Some(text) = self.known.get(name) {
            return text.clone();
        }
        let text = std::str::from_utf8(name)
            .ok()
            .and_then(|name| self.resolve(doc, name));
        self.known.insert(name.to_vec(), text.clone());
        text
    }

    fn resolve(&mut self, doc: &Document, name: &str) -> Option<String> {
        if let Some((base, _suffix)) = name.split_once('.').filter(|(base, _)| !base.is_empty()) {
            return self.text(doc, base.as_bytes());
        }
        if name.contains('_') {
            let parts: Option<Vec<String>> = name
                .split('_')
                .map(|part| self.text(doc, part.as_bytes()))
                .collect();
            return parts.map(|parts| parts.concat());
        }
        unicode_glyph_name(name).or_else(|| listed_glyph(doc, name))
    }
}

/// `uni00E90301` (groups of four hex digits) or `u1F600` (four to six).
fn unicode_glyph_name(name: &str) -> Option<String> {
    let hex = |digits: &str| {
        u32::from_str_radix(digits, 16)
            .ok()
            .and_then(char::from_u32)
    };
    if let Some(groups) = name
        .strip_prefix("uni")
        .filter(|g| g.len() % 4 == 0 && !g.is_empty())
    {
        let chunks: Option<Vec<char>> = (0..groups.len() / 4)
            .map(|i| groups.get(i * 4..i * 4 + 4).and_then(hex))
            .collect();
        return chunks.map(|chars| chars.into_iter().collect());
    }
    let digits = name
        .strip_prefix('u')
        .filter(|d| (4..=6).contains(&d.len()))?;
    hex(digits).map(String::from)
}

/// A name from the Adobe Glyph List, looked up through lopdf. Names that are clearly
/// producer-made (`g12`, `a7`, `cid42`) are not asked: lopdf logs every failed lookup.
fn listed_glyph(doc: &Document, name: &str) -> Option<String> {
    let letters = name.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = name.get(letters..).unwrap_or("");
    let made_up = letters <= 3 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit());
    if name.is_empty() || name == ".notdef" || made_up {
        return None;
    }
    let mut encoding = Dictionary::new();
    let differences = vec![Object::Integer(0), Object::Name(name.as_bytes().to_vec())];
    encoding.set("Differences", Object::Array(differences));
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Encoding", Object::Dictionary(encoding));
    match font.get_font_encoding(doc) {
        Ok(encoding @ Encoding::Differences(_)) => {
            Some(decode_code(&encoding, 0, 1)).filter(|t| !t.is_empty())
        }
        _ => None,
    }
}

fn number(object: &Object) -> Option<f32> {
    object.as_float().ok().filter(|n| n.is_finite())
}

fn deref_array<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> &'a [Object] {
    dict.get_deref(key, doc)
        .and_then(Object::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// `/Widths` from `/FirstChar` of a simple font, and a default for the other codes.
fn simple_widths(doc: &Document, font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let first = font
        .get_deref(b"FirstChar", doc)
        .ok()
        .and_then(number)
        .filter(|n| (0.0..=255.0).contains(n))
        .map_or(0, |n| n as u32);
    let widths: HashMap<u32, f32> = deref_array(doc, font, b"Widths")
        .iter()
        .take(256)
        .zip(first..)
        .filter_map(|(width, code)| Some((code, number(doc.dereference(width).ok()?.1)?)))
        .collect();
    let missing = font
        .get_deref(b"FontDescriptor", doc)
        .and_then(Object::as_dict)
        .and_then(|d| d.get_deref(b"MissingWidth", doc))
        .ok()
        .and_then(number)
        .filter(|w| *w > 0.0);
    (widths, missing.unwrap_or_else(|| standard_font_width(font)))
}

/// Average glyph width of a font without metrics (one of the standard 14): fixed-pitch
/// Courier is 600 units, proportional faces average about 500.
fn standard_font_width(font: &Dictionary) -> f32 {
    let base = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    if base.windows(7).any(|w| w.eq_ignore_ascii_case(b"courier")) {
        600.0
    } else {
        500.0
    }
}

/// Most width entries read from one font's `/W` array: every two-byte code once.
const MAX_CID_WIDTHS: usize = 1 << 16;

/// `/W` and `/DW` of a composite font's descendant.
fn cid_widths(doc: &Document, font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let Some(descendant) = deref_array(doc, font, b"DescendantFonts")
        .first()
        .and_then(|d| doc.dereference(d).ok())
        .and_then(|(_, d)| d.as_dict().ok())
    else {
        return (HashMap::new(), 1000.0);
    };
    let default = descendant
        .get_deref(b"DW", doc)
        .ok()
        .and_then(number)
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let mut entries = deref_array(doc, descendant, b"W").iter();
    while let Some(first) = entries.next().and_then(number) {
        match entries.next() {
            Some(Object::Array(list)) => {
                let values = list.iter().map(|w| number(w).unwrap_or(default));
                insert_widths(&mut widths, first, values);
            }
            Some(last) => {
                let (Some(last), Some(width)) = (number(last), entries.next().and_then(number))
                else {
                    break;
                };
                let count = (last - first + 1.0).clamp(0.0, MAX_CID_WIDTHS as f32) as usize;
                insert_widths(&mut widths, first, std::iter::repeat_n(width, count));
            }
            None => break,
        }
        if widths.len() >= MAX_CID_WIDTHS {
            break;
        }
    }
    (widths, default)
}

fn insert_widths(widths: &mut HashMap<u32, f32>, first: f32, values: impl Iterator<Item = f32>) {
    if !(0.0..=u32::MAX as f32).contains(&first) {
        return;
    }
    let room = MAX_CID_WIDTHS.saturating_sub(widths.len());
    for (code, width) in (first as u32..).zip(values).take(room) {
        widths.insert(code, width);
    }
}

/// Type3 glyphs are measured in their own `/FontMatrix`; every other font in 1/1000 em.
fn glyph_scale(doc: &Document, font: &Dictionary) -> f32 {
    if !has_subtype(font, b"Type3") {
        return 0.001;
    }
    deref_array(doc, font, b"FontMatrix")
        .first()
        .and_then(number)
        .filter(|s| s.abs() > 0.0)
        .unwrap_or(0.001)
}

/// Every font used while reading a document, decoded once however many pages use it.
struct FontCache<'a> {
    doc: &'a Document,
    composites: &'a HashMap<ObjectId, Dictionary>,
    names: GlyphNames,
    fonts: Vec<FontInfo<'a>>,
    by_id: HashMap<ObjectId, usize>,
}

impl<'a> FontCache<'a> {
    fn new(doc: &'a Document, composites: &'a HashMap<ObjectId, Dictionary>) -> FontCache<'a> {
        FontCache {
            doc,
            composites,
            names: GlyphNames::default(),
            fonts: Vec::new(),
            by_id: HashMap::new(),
        }
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut FontInfo<'a>> {
        self.fonts.get_mut(index)
    }

    /// The index of the font a resource entry names, reading it on first use.
    fn index_of(&mut self, entry: &'a Object) -> Option<usize> {
        let (id, object) = self.doc.dereference(entry).ok()?;
        if let Some(index) = id.and_then(|id| self.by_id.get(&id)) {
            return Some(*index);
        }
        let dict = object.as_dict().ok()?;
        let font = if has_subtype(dict, b"Type0") {
            let prepared = id.and_then(|id| self.composites.get(&id)).unwrap_or(dict);
            FontInfo::composite(self.doc, prepared)
        } else {
            FontInfo::simple(self.doc, dict, &mut self.names)
        };
        self.fonts.push(font);
        let index = self.fonts.len() - 1;
        if let Some(id) = id {
            self.by_id.insert(id, index);
        }
        Some(index)
    }
}

// ---------------------------------------------------------------------------------------
// Content stream walk

type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `first` then `second`: the PDF product `first × second`.
fn multiply(first: &Matrix, second: &Matrix) -> Matrix {
    let [a, b, c, d, e, f] = *first;
    let [p, q, r, s, t, u] = *second;
    [
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    ]
}

fn translation(x: f32, y: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

fn matrix_from(objects: &[Object]) -> Option<Matrix> {
    let values: Vec<f32> = objects.iter().map(number).collect::<Option<_>>()?;
    values.try_into().ok()
}

/// The part of the graphics state that places text (PDF 32000-1, 8.4 and 9.3).
#[derive(Debug, Clone, Copy)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<usize>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
        }
    }
}

/// The text matrix and the text line matrix of the current text object.
#[derive(Debug, Clone, Copy)]
struct TextCursor {
    matrix: Matrix,
    line: Matrix,
}

impl TextCursor {
    fn new() -> TextCursor {
        TextCursor {
            matrix: IDENTITY,
            line: IDENTITY,
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.line = multiply(&translation(x, y), &self.line);
        self.matrix = self.line;
    }

    fn set(&mut self, matrix: Matrix) {
        self.line = matrix;
        self.matrix = matrix;
    }
}

/// A string shown on the page, placed along its own baseline: `x` runs with the text and
/// `y` across it (user space for horizontal text, turned with the text otherwise), so that
/// a table set sideways still reads line by line.
#[derive(Debug, Clone)]
struct Fragment {
    text: String,
    x: f32,
    y: f32,
    end_x: f32,
    size: f32,
    /// The direction of the text in quarter turns (0 for horizontal text).
    quadrant: u8,
}

/// The direction of the text a matrix places.
struct Baseline {
    cos: f32,
    sin: f32,
    quadrant: u8,
}

impl Baseline {
    fn of(matrix: &Matrix) -> Baseline {
        let length = matrix[0].hypot(matrix[1]);
        if !(length > 0.0 && length.is_finite()) {
            return Baseline {
                cos: 1.0,
                sin: 0.0,
                quadrant: 0,
            };
        }
        let (cos, sin) = (matrix[0] / length, matrix[1] / length);
        let turns = (sin.atan2(cos) / std::f32::consts::FRAC_PI_2)
            .round()
            .rem_euclid(4.0);
        Baseline {
            cos,
            sin,
            quadrant: turns as u8,
        }
    }

    fn along(&self, matrix: &Matrix) -> f32 {
        matrix[4] * self.cos + matrix[5] * self.sin
    }

    fn across(&self, matrix: &Matrix) -> f32 {
        matrix[5] * self.cos - matrix[4] * self.sin
    }
}

/// The resources a content stream draws from, and the fonts it has named so far.
struct Scope<'a> {
    dicts: Vec<&'a Dictionary>,
    font_names: HashMap<Vec<u8>, Option<usize>>,
}

impl<'a> Scope<'a> {
    fn new(dicts: Vec<&'a Dictionary>) -> Scope<'a> {
        Scope {
            dicts,
            font_names: HashMap::new(),
        }
    }

    /// The entry `name` of the resource category `category`, nearest dictionary first.
    fn entry(&self, doc: &'a Document, category: &[u8], name: &[u8]) -> Option<&'a Object> {
        self.dicts.iter().find_map(|resources| {
            resources
                .get_deref(category, doc)
                .and_then(Object::as_dict)
                .ok()?
                .get(name)
                .ok()
        })
    }
}

/// Runs the content streams of one page and collects the text it shows.
struct Walker<'a, 'c> {
    doc: &'a Document,
    fonts: &'c mut FontCache<'a>,
    /// Decompressed bytes the page's forms may still use, after the page content itself.
    budget: usize,
    /// The forms being run, innermost last (a form that draws itself is skipped).
    forms: Vec<ObjectId>,
    fragments: Vec<Fragment>,
}

impl<'a> Walker<'a, '_> {
    fn run(
        &mut self,
        content: &[u8],
        scope: &mut Scope<'a>,
        state: GraphicsState,
    ) -> Result<(), lopdf::Error> {
        let mut state = state;
        let mut saved = Vec::new();
        let mut cursor = TextCursor::new();
        for (index, operation) in Content::decode_iter(content).enumerate() {
            match operation {
                Ok(operation) => {
                    self.apply(&operation, scope, &mut state, &mut saved, &mut cursor);
                }
                // Nothing parses: not a content stream. Later damage keeps what came before.
                Err(error) if index == 0 && !content.trim_ascii().is_empty() => return Err(error),
                Err(_) => break,
            }
        }
        Ok(())
    }

    fn apply(
        &mut self,
        operation: &Operation,
        scope: &mut Scope<'a>,
        state: &mut GraphicsState,
        saved: &mut Vec<GraphicsState>,
        cursor: &mut TextCursor,
    ) {
        let operands = operation.operands.as_slice();
        match operation.operator.as_str() {
            "q" => saved.push(*state),
            "Q" => *state = saved.pop().unwrap_or(*state),
            "cm" => {
                if let Some(matrix) = matrix_from(operands) {
                    state.ctm = multiply(&matrix, &state.ctm);
                }
            }
            "BT" => *cursor = TextCursor::new(),
            "Tf" => self.set_font(operands, scope, state),
            "Do" => {
                if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                    self.draw_form(name, scope, state);
                }
            }
            operator => {
                set_text_state(operator, operands, state);
                move_cursor(operator, operands, state, cursor);
                self.show(operator, operands, state, cursor);
            }
        }
    }

    fn set_font(&mut self, operands: &[Object], scope: &mut Scope<'a>, state: &mut GraphicsState) {
        let [name, size] = operands else {
            return;
        };
        state.font_size = number(size).unwrap_or(state.font_size);
        let Ok(name) = name.as_name() else {
            state.font = None;
            return;
        };
        if let Some(index) = scope.font_names.get(name) {
            state.font = *index;
            return;
        }
        let index = scope
            .entry(self.doc, b"Font", name)
            .and_then(|f| self.fonts.index_of(f));
        scope.font_names.insert(name.to_vec(), index);
        state.font = index;
    }

    fn show(
        &mut self,
        operator: &str,
        operands: &[Object],
        state: &GraphicsState,
        cursor: &mut TextCursor,
    ) {
        match operator {
            "Tj" | "'" => {
                if let Some(Ok(bytes)) = operands.first().map(Object::as_str) {
                    self.show_string(bytes, state, cursor);
                }
            }
            "\"" => {
                if let Some(Ok(bytes)) = operands.get(2).map(Object::as_str) {
                    self.show_string(bytes, state, cursor);
                }
            }
            "TJ" => {
                let Some(Ok(items)) = operands.first().map(Object::as_array) else {
                    return;
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => self.show_string(bytes, state, cursor),
                        other => {
                            let shift = number(other).unwrap_or(0.0) / -1000.0;
                            let tx = shift * state.font_size * state.h_scale;
                            cursor.matrix = multiply(&translation(tx, 0.0), &cursor.matrix);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn show_string(&mut self, bytes: &[u8], state: &GraphicsState, cursor: &mut TextCursor) {
        let Some(font) = state.font.and_then(|index| self.fonts.get_mut(index)) else {
            return;
        };
        let start = multiply(&cursor.matrix, &state.ctm);
        let advance = font.advance(bytes, state);
        let text = font.decode(bytes);
        cursor.matrix = multiply(&translation(advance, 0.0), &cursor.matrix);
        let end = multiply(&cursor.matrix, &state.ctm);
        if text.is_empty() {
            return;
        }
        let baseline = Baseline::of(&start);
        self.fragments.push(Fragment {
            text,
            x: baseline.along(&start),
            y: baseline.across(&start),
            end_x: baseline.along(&end),
            size: state.font_size.abs() * start[2].hypot(start[3]),
            quadrant: baseline.quadrant,
        });
    }

    /// Runs a form XObject, which may hold text (headers, stamps, whole pages of some
    /// producers), in its own resources and coordinate system.
    fn draw_form(&mut self, name: &[u8], scope: &Scope<'a>, state: &GraphicsState) {
        if self.forms.len() >= MAX_FORM_DEPTH {
            return;
        }
        let Some(entry) = scope.entry(self.doc, b"XObject", name) else {
            return;
        };
        let Ok((Some(id), object)) = self.doc.dereference(entry) else {
            return;
        };
        let Ok(stream) = object.as_stream() else {
            return;
        };
        if self.forms.contains(&id) || !is_form(stream) {
            return;
        }
        let Ok(content) = stream.get_plain_content_with_limit(self.budget) else {
            return;
        };
        self.budget = self.budget.saturating_sub(content.len());
        let inner = form_state(stream, state);
        let mut form_scope = match stream.dict.get_deref(b"Resources", self.doc) {
            Ok(Object::Dictionary(resources)) => Scope::new(vec![resources]),
            _ => Scope::new(scope.dicts.clone()),
        };
        self.forms.push(id);
        // A form whose content does not parse simply shows nothing.
        let _ = self.run(&content, &mut form_scope, inner);
        self.forms.pop();
    }
}

fn is_form(stream: &Stream) -> bool {
    stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|s| s == b"Form")
}

fn form_state(stream: &Stream, state: &GraphicsState) -> GraphicsState {
    let matrix = stream
        .dict
        .get(b"Matrix")
        .and_then(Object::as_array)
        .ok()
        .and_then(|m| matrix_from(m))
        .unwrap_or(IDENTITY);
    GraphicsState {
        ctm: multiply(&matrix, &state.ctm),
        ..*state
    }
}

fn set_text_state(operator: &str, operands: &[Object], state: &mut GraphicsState) {
    let value = operands.first().and_then(number);
    match (operator, value) {
        ("Tc", Some(v)) => state.char_spacing = v,
        ("Tw", Some(v)) => state.word_spacing = v,
        ("Tz", Some(v)) => state.h_scale = v / 100.0,
        ("TL", Some(v)) => state.leading = v,
        ("\"", _) => {
            state.word_spacing = value.unwrap_or(state.word_spacing);
            state.char_spacing = operands
                .get(1)
                .and_then(number)
                .unwrap_or(state.char_spacing);
        }
        _ => {}
    }
}

fn move_cursor(
    operator: &str,
    operands: &[Object],
    state: &mut GraphicsState,
    cursor: &mut TextCursor,
) {
    let x = operands.first().and_then(number).unwrap_or(0.0);
    let y = operands.get(1).and_then(number).unwrap_or(0.0);
    match operator {
        "Td" => cursor.next_line(x, y),
        "TD" => {
            state.leading = -y;
            cursor.next_line(x, y);
        }
        "Tm" => {
            if let Some(matrix) = matrix_from(operands) {
                cursor.set(matrix);
            }
        }
        "T*" | "'" | "\"" => cursor.next_line(0.0, -state.leading),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Lines

/// A line being built from fragments, in the coordinates of [`Fragment`].
#[derive(Debug, Clone)]
struct RawLine {
    text: String,
    quadrant: u8,
    x0: f32,
    x1: f32,
    y: f32,
    /// The largest type size on the line.
    size: f32,
    /// The type size of the last fragment.
    last_size: f32,
}

/// Groups fragments, in drawing order, into lines: a fragment continues the current line
/// when it sits on about the same baseline (superscripts included) and does not jump back
/// to the left. A gap wider than a thin space between fragments is a word space.
fn assemble_lines(fragments: Vec<Fragment>) -> Vec<RawLine> {
    let mut lines: Vec<RawLine> = Vec::new();
    for fragment in fragments {
        match lines.last_mut() {
            Some(line) if continues_line(line, &fragment) => append_fragment(line, fragment),
            _ => lines.push(RawLine {
                quadrant: fragment.quadrant,
                x0: fragment.x,
                x1: fragment.end_x.max(fragment.x),
                y: fragment.y,
                size: fragment.size,
                last_size: fragment.size,
                text: fragment.text,
            }),
        }
    }
    lines
}

fn continues_line(line: &RawLine, fragment: &Fragment) -> bool {
    let size = line.size.max(fragment.size).max(1.0);
    line.quadrant == fragment.quadrant
        && (fragment.y - line.y).abs() < 0.5 * size
        && fragment.x > line.x1 - size
}

fn append_fragment(line: &mut RawLine, fragment: Fragment) {
    let gap = fragment.x - line.x1;
    // An accent drawn before the letter it goes on is no word boundary either.
    let spaced = line.text.ends_with(char::is_whitespace)
        || fragment
            .text
            .starts_with(|c: char| c.is_whitespace() || combining_accent(c).is_some());
    // The smaller size decides: the space after a footnote mark is set in the mark's size.
    if gap > 0.15 * fragment.size.min(line.last_size).max(0.5) && !spaced {
        line.text.push(' ');
    }
    line.text.push_str(&fragment.text);
    line.x1 = line.x1.max(fragment.end_x);
    line.size = line.size.max(fragment.size);
    line.last_size = fragment.size;
}

/// The usual distance between consecutive baselines on a page, as a multiple of the type
/// size (the median leading), so that headings set larger get their larger share.
fn usual_leading(lines: &[RawLine]) -> Option<f32> {
    let mut ratios: Vec<f32> = lines
        .windows(2)
        .filter_map(|pair| match pair {
            [above, below] => Some((above.y - below.y) / above.size.max(below.size).max(0.5)),
            _ => None,
        })
        .filter(|ratio| *ratio > 0.0 && *ratio < 3.0)
        .collect();
    ratios.sort_by(f32::total_cmp);
    ratios.get(ratios.len() / 2).copied()
}

/// Marks the lines that follow vertical white space, a move up the page (a new column or
/// block) or a change of type size: the PDF form of an empty line.
fn mark_gaps(lines: &[RawLine]) -> Vec<bool> {
    let leading = usual_leading(lines).unwrap_or(1.45);
    let mut gaps = vec![false; lines.len()];
    for (index, pair) in lines.windows(2).enumerate() {
        let [above, below] = pair else { continue };
        let size = above.size.max(below.size);
        let step = above.y - below.y;
        let resized = (above.size - below.size).abs() > 0.2 * size;
        if let Some(gap) = gaps.get_mut(index + 1) {
            *gap = step <= 0.0 || step > 1.4 * leading * size || resized;
        }
    }
    gaps
}

/// Normalises the lines, splits the ones that hold several bullet items (slides, columns
/// of short items) and drops the empty ones, keeping their gap.
fn clean_lines(lines: Vec<RawLine>, gaps: Vec<bool>) -> Vec<TextLine> {
    let mut cleaned = Vec::with_capacity(lines.len());
    let mut pending_gap = false;
    for (line, gap) in lines.into_iter().zip(gaps) {
        let text = normalize_line(&line.text);
        if text.is_empty() {
            pending_gap = true;
            continue;
        }
        let chars = text.chars().count().max(1) as f32;
        let width = line.x1 - line.x0;
        for (index, item) in split_bullet_items(&text).into_iter().enumerate() {
            cleaned.push(TextLine {
                width: width * item.chars().count() as f32 / chars,
                text: item.to_string(),
                y: line.y,
                gap_before: index == 0 && (gap || pending_gap),
            });
        }
        pending_gap = false;
    }
    cleaned
}

/// Bullets that start a new item even in the middle of a line.
const ITEM_BULLETS: [char; 5] = ['•', '▪', '●', '◦', '■'];

/// `a • b • c` as `a`, `• b`, `• c`.
fn split_bullet_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = 0;
    for (position, c) in text.char_indices() {
        let after_space = text
            .get(..position)
            .is_some_and(|before| before.ends_with(' '));
        if position > start && after_space && ITEM_BULLETS.contains(&c) {
            items.push(text.get(start..position).unwrap_or("").trim_end());
            start = position;
        }
    }
    items.push(text.get(start..).unwrap_or(""));
    items.retain(|item| !item.is_empty());
    items
}

/// NFKC and whitespace clean-up; a soft hyphen ending the line is the hyphen it shows
/// (normalising would drop it and glue or split the word wrongly).
fn normalize_line(text: &str) -> String {
    let composed = compose_accents(text.trim_end()).replace(SYMBOL_BULLETS, "•");
    match composed.strip_suffix('\u{AD}') {
        Some(stem) => normalize_compat(&format!("{stem}-")),
        None => normalize_compat(&composed),
    }
}

/// Bullets of the Symbol and Wingdings fonts, which office producers map to the private
/// use area.
const SYMBOL_BULLETS: [char; 5] = ['\u{F0B7}', '\u{F0A7}', '\u{F0D8}', '\u{F076}', '\u{F0FC}'];

/// The combining mark of a spacing accent glyph. ASCII `` ` ``, `^` and `~` are left
/// alone: in code and quotes they are characters of their own.
fn combining_accent(accent: char) -> Option<char> {
    let mark = match accent {
        '\u{B4}' => '\u{301}',
        '\u{2C7}' => '\u{30C}',
        '\u{2DD}' => '\u{30B}',
        '\u{2D8}' => '\u{306}',
        '\u{2D9}' => '\u{307}',
        '\u{2DA}' => '\u{30A}',
        '\u{A8}' => '\u{308}',
        '\u{AF}' => '\u{304}',
        '\u{2C6}' => '\u{302}',
        '\u{2DC}' => '\u{303}',
        '\u{B8}' => '\u{327}',
        '\u{2DB}' => '\u{328}',
        _ => return None,
    };
    Some(mark)
}

/// Puts accents drawn as glyphs of their own (TeX's `\accent`: `ˇc`, `e˛`) on their
/// letter as combining marks, which NFC then composes (`č`, `ę`). An accent goes on the
/// letter after it, or else on the letter before it. A dotless `ı` under an accent is `i`.
fn compose_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(mark) = combining_accent(c) else {
            out.push(c);
            continue;
        };
        match chars.peek().copied() {
            Some(next) if next.is_alphabetic() => {
                chars.next();
                out.push(if next == 'ı' { 'i' } else { next });
                out.push(mark);
            }
            _ if out.ends_with(char::is_alphabetic) => {
                if out.ends_with('ı') {
                    out.pop();
                    out.push('i');
                }
                out.push(mark);
            }
            _ => out.push(c),
        }
    }
    out.replace("ı\u{308}", "i\u{308}")
}

// ---------------------------------------------------------------------------------------
// Running headers and footers

/// Lines among the first or last three of a page, by drawing order or by height: where
/// running headers, footers and page numbers are.
fn edge_lines(page: &[TextLine]) -> HashSet<usize> {
    let count = page.len();
    let mut by_height: Vec<usize> = (0..count).collect();
    by_height.sort_by(|a, b| {
        let y = |i: &usize| page.get(*i).map_or(0.0, |line| line.y);
        y(b).total_cmp(&y(a))
    });
    let ends = |order: Vec<usize>| {
        let tail = order.len().saturating_sub(3);
        order
            .iter()
            .take(3)
            .chain(order.iter().skip(tail))
            .copied()
            .collect::<Vec<_>>()
    };
    let mut edges: HashSet<usize> = ends((0..count).collect()).into_iter().collect();
    edges.extend(ends(by_height));
    edges
}

/// What stays the same in a running line from page to page: digit runs (page numbers,
/// document numbers) become `#`, and so does a bare Roman page number.
fn running_key(text: &str) -> String {
    if is_roman_numeral(text) {
        return "#".to_string();
    }
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii_digit() {
            key.push(c);
        } else if !key.ends_with('#') {
            key.push('#');
        }
    }
    key
}

fn is_roman_numeral(text: &str) -> bool {
    !text.is_empty() && text.len() <= 8 && text.chars().all(|c| "ivxlcdmIVXLCDM".contains(c))
}

/// Drops running headers and footers, and page numbers: edge lines whose key repeats at
/// the edge of more than half of the pages (three pages or more), edge lines repeated at
/// the very same height on both pages of a two-page document, and page-number lines
/// ([`is_page_number`]) whatever the page count.
fn drop_running_lines(pages: Vec<Vec<TextLine>>) -> Vec<Vec<TextLine>> {
    let edges: Vec<HashSet<usize>> = pages.iter().map(|page| edge_lines(page)).collect();
    let repeated = match pages.as_slice() {
        [first, second] => same_place_lines(first, second, &edges),
        _ => repeated_keys(&pages, &edges),
    };
    pages
        .into_iter()
        .zip(edges)
        .map(|(page, page_edges)| {
            let outermost = outermost_lines(&page);
            page.into_iter()
                .enumerate()
                .filter(|(index, line)| {
                    let on_edge = page_edges.contains(index);
                    let running = on_edge && repeated.contains(&running_key(&line.text));
                    let numbered = on_edge && is_page_number(&line.text, outermost.contains(index));
                    !((running || numbered) && !is_article_heading(&line.text))
                })
                .map(|(_, line)| line)
                .collect()
        })
        .collect()
}

/// Keys of edge lines found at the edge of more than half of the pages, for documents of
/// three pages or more (none for fewer: twice is no pattern by count alone).
fn repeated_keys(pages: &[Vec<TextLine>], edges: &[HashSet<usize>]) -> HashSet<String> {
    if pages.len() < 3 {
        return HashSet::new();
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (page, page_edges) in pages.iter().zip(edges) {
        let keys: HashSet<String> = page_edges
            .iter()
            .filter_map(|index| page.get(*index))
            .map(|line| running_key(&line.text))
            .collect();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| n * 2 > pages.len())
        .map(|(key, _)| key)
        .collect()
}

/// Most a running line's height may differ between two pages (in points).
const SAME_PLACE_TOLERANCE: f32 = 1.0;

/// Keys of edge lines that both pages of a two-page document have at the same height: a
/// running header or footer. A heading repeated in the body stands elsewhere on the page.
fn same_place_lines(
    first: &[TextLine],
    second: &[TextLine],
    edges: &[HashSet<usize>],
) -> HashSet<String> {
    let edge_of = |page: &'_ [TextLine], at: usize| -> Vec<(String, f32)> {
        edges.get(at).map_or_else(Vec::new, |page_edges| {
            page_edges
                .iter()
                .filter_map(|index| page.get(*index))
                .map(|line| (running_key(&line.text), line.y))
                .collect()
        })
    };
    let first_edges = edge_of(first, 0);
    edge_of(second, 1)
        .into_iter()
        .filter(|(key, y)| {
            first_edges
                .iter()
                .any(|(k, fy)| k == key && (fy - y).abs() <= SAME_PLACE_TOLERANCE)
        })
        .map(|(key, _)| key)
        .collect()
}

/// The highest and the lowest line of a page: where a bare page number (`3`, `- 3 -`,
/// `3/12`) stands.
fn outermost_lines(page: &[TextLine]) -> HashSet<usize> {
    let by_height = |a: &(usize, &TextLine), b: &(usize, &TextLine)| a.1.y.total_cmp(&b.1.y);
    let lowest = page.iter().enumerate().min_by(by_height).map(|(i, _)| i);
    let highest = page.iter().enumerate().max_by(by_height).map(|(i, _)| i);
    lowest.into_iter().chain(highest).collect()
}

/// A page-number line: `Page 3 of 12` and its forms in the EU languages (`Seite 3 von 12`,
/// `Página 3 de 12`, `Strona 3 z 12`, `3. oldal`…) anywhere on a page's edge, and a bare
/// `3`, `- 3 -` or `3/12` only as the page's highest or lowest line (`outermost`).
fn is_page_number(text: &str, outermost: bool) -> bool {
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^(?:
                (?:page|seite|p\.|pg\.?|s\.|página|pagina|pagină|strona|str\.|strana|stran|stranica|sida|side|sivu|lehekülg|lk\.?|lapa|puslapis|psl\.|paġna|leathanach|σελίδα|σελ\.|страница|стр\.)
                \s*\d{1,4}(?:\s*(?:of|von|sur|de|di|van|z|ze|zo|od|din|από|от|av|af|iš|no|minn|/|\|)\s*\d{1,4})?
              | \d{1,4}(?:\s*/\s*\d{1,4})?\.?\s*(?:oldal|lapa|psl\.|lk\.?)(?:\s*no\s*\d{1,4})?
              | sivu\s*\d{1,4}\s*\(\d{1,4}\)
            )$",
        )
        .expect("literal regex")
    });
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}|[-–—]\s*\d{1,3}\s*[-–—]|(\d{1,4})\s*/\s*(\d{1,4}))$")
            .expect("literal regex")
    });
    let text = text.trim();
    if LABELLED.is_match(text) {
        return true;
    }
    let Some(bare) = BARE.captures(text).filter(|_| outermost) else {
        return false;
    };
    let number = |at: usize| bare.get(at).and_then(|m| m.as_str().parse::<u32>().ok());
    match (number(1), number(2)) {
        (Some(page), Some(of)) => (1..=of).contains(&page),
        // Pages count from 1: a lone `0` is a formula's bound or a table's cell.
        _ => text.contains(|c: char| matches!(c, '1'..='9')),
    }
}

// ---------------------------------------------------------------------------------------
// Paragraphs

/// Joins the lines of every page into paragraphs, in order.
fn paragraphs(pages: &[Vec<TextLine>]) -> Vec<String> {
    // Only a line ending in a hyphen asks the document's words.
    let hyphenated = pages
        .iter()
        .flatten()
        .any(|line| hyphen_position(&line.text).is_some());
    let vocabulary = if hyphenated {
        Vocabulary::of(pages)
    } else {
        Vocabulary::default()
    };
    let fallback = usual_width(pages.iter().flatten());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for page in pages {
        let page_width = usual_width(page.iter());
        let typical = if page_width > 0.0 {
            page_width
        } else {
            fallback
        };
        let mut previous: Option<&TextLine> = None;
        for line in page {
            let continues = match previous {
                Some(previous) => continues_paragraph(previous, line, typical),
                None => {
                    open && paragraphs
                        .last()
                        .is_some_and(|p| continues_across_pages(p, line))
                }
            };
            match paragraphs.last_mut() {
                Some(paragraph) if continues => join_line(paragraph, &line.text, &vocabulary),
                _ => paragraphs.push(line.text.clone()),
            }
            previous = Some(line);
        }
        open = open || previous.is_some();
    }
    paragraphs
}

/// The width of a full line of text: the 80th percentile of the lines' widths (most lines
/// of running text are full; titles, last lines and list items are shorter). Zero when
/// fewer than three lines have ten characters.
fn usual_width<'l>(lines: impl Iterator<Item = &'l TextLine>) -> f32 {
    let mut widths: Vec<f32> = lines
        .filter(|line| line.text.chars().count() >= 10 && line.width.is_finite())
        .map(|line| line.width)
        .collect();
    if widths.len() < 3 {
        return 0.0;
    }
    widths.sort_by(f32::total_cmp);
    widths.get(widths.len() * 4 / 5).copied().unwrap_or(0.0)
}

fn continues_paragraph(previous: &TextLine, line: &TextLine, typical: f32) -> bool {
    if is_article_heading(&previous.text) || is_article_heading(&line.text) {
        return false;
    }
    if line.text.starts_with(ITEM_BULLETS) {
        return false;
    }
    // A bare number or marker goes with the text after it, unless that is a numbered point
    // of its own (`6` then `6.`: a page number, then a paragraph).
    if is_bare_marker(&previous.text) {
        return !starts_with_marker_token(&line.text);
    }
    let early = ended_early(previous, line, typical);
    if line.gap_before || ends_with_leader(&previous.text) {
        return false;
    }
    if starts_with_marker(&line.text) {
        return !(ends_clause(&previous.text) || early);
    }
    !(ends_sentence(&previous.text) && starts_like_sentence(&line.text) && early)
}

/// A page's first line continues the last paragraph of the page before only when that
/// paragraph stopped mid-sentence and the line goes on in lower case (or with a number
/// that is no numbered point: `Article` / `6(1) and…`).
fn continues_across_pages(paragraph: &str, line: &TextLine) -> bool {
    let goes_on = starts_lowercase(&line.text)
        || (line.text.starts_with(|c: char| c.is_ascii_digit()) && !starts_with_marker(&line.text));
    !ends_sentence(paragraph) && !is_article_heading(paragraph) && goes_on
}

/// True when the first word of `line` would have fitted at the end of `previous`: the
/// writer ended `previous` on purpose.
fn ended_early(previous: &TextLine, line: &TextLine, typical: f32) -> bool {
    if typical <= 0.0 {
        return false;
    }
    let chars = line.text.chars().count().max(1) as f32;
    let first_word = line
        .text
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let needed = line.width / chars * (first_word as f32 + 1.0);
    previous.width + needed < 0.97 * typical
}

/// Appends a line to a paragraph, rejoining a word hyphenated across the line end
/// (`regu-` + `lation`) unless the hyphen is a real one ([`line_end_hyphen`]).
fn join_line(paragraph: &mut String, line: &str, vocabulary: &Vocabulary) {
    match hyphen_position(paragraph) {
        None => paragraph.push(' '),
        Some(position) => {
            let before = last_word(&paragraph[..position]);
            match line_end_hyphen(before, line, vocabulary) {
                LineEndHyphen::Break => paragraph.truncate(position),
                LineEndHyphen::Compound => {}
                LineEndHyphen::Suspended => paragraph.push(' '),
            }
        }
    }
    paragraph.push_str(line);
}

/// What a hyphen at a line's end is.
#[derive(Debug, PartialEq)]
enum LineEndHyphen {
    /// A word broken across the line end: the hyphen goes (`regu-` `lation`).
    Break,
    /// A hyphenated compound: the hyphen stays (`end-to-` `end`, `EU-` `Kommission`).
    Compound,
    /// A suspended hyphen before a conjunction: hyphen and space stay (`Kinder-` `und`).
    Suspended,
}

/// Whole words after which a line-end hyphen is a suspended one (`Kinder- und
/// Jugendschutz`, `pre- and post-`): conjunctions of the EU languages.
const CONJUNCTIONS: [&str; 30] = [
    "und", "oder", "bzw.", "sowie", "and", "or", "nor", "et", "ou", "en", "of", "e", "o", "i", "y",
    "a", "u", "och", "eller", "og", "ja", "tai", "vagy", "és", "ir", "ar", "un", "lub", "oraz",
    "și",
];

/// Short words inside hyphenated phrases (`end-to-end`, `state-of-the-art`,
/// `Ende-zu-Ende`): a line ending in `…-to-` goes on with the phrase's last word.
const LINKING_WORDS: [&str; 12] = [
    "to", "of", "by", "in", "on", "the", "and", "for", "zu", "à", "de", "di",
];

/// English first parts written with a hyphen before a word (`long-term`, `cross-border`,
/// `self-regulation`, `non-discrimination`), kept when what follows is a word of its own.
const HYPHENATED_PREFIXES: [&str; 8] = [
    "long", "short", "medium", "self", "cross", "well", "non", "low",
];

/// Second parts of the usual compounds with those prefixes, words even when the document
/// has them nowhere else.
const COMMON_SECOND_PARTS: [&str; 12] = [
    "term",
    "standing",
    "lasting",
    "based",
    "being",
    "border",
    "regulation",
    "assessment",
    "discrimination",
    "binding",
    "profit",
    "income",
];

/// Decides a hyphen ending a line after the word `before` (without the hyphen), with
/// `line` the next line. Capitals after it make a compound (`EU-Kommission`), a conjunction
/// a suspended hyphen, and a `before` that ends a phrase's linking word (`end-to-`), is
/// one letter (`e-`) or a web address a compound too (`PDF-doku-` / `mentissa` is a
/// broken word). Between lower-case parts the document's own spelling decides
/// (`long-term` or `regulation` written elsewhere), then the usual English compounds;
/// otherwise the word was broken.
fn line_end_hyphen(before: &str, line: &str, vocabulary: &Vocabulary) -> LineEndHyphen {
    let next = line.split_whitespace().next().unwrap_or("");
    if !starts_lowercase(line) {
        return LineEndHyphen::Compound;
    }
    if CONJUNCTIONS.contains(&next.trim_end_matches(',')) {
        return LineEndHyphen::Suspended;
    }
    let letters = letter_count(before);
    let last_part = before.rsplit(is_hyphen).next().unwrap_or(before);
    let linked = before.contains(is_hyphen) && LINKING_WORDS.contains(&last_part);
    let address = before.contains("://") || before.starts_with("www.");
    if linked || address || letters < 2 {
        return LineEndHyphen::Compound;
    }
    let after: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    let before = before.to_lowercase();
    if vocabulary.contains(&format!("{before}-{after}")) {
        return LineEndHyphen::Compound;
    }
    if vocabulary.contains(&format!("{before}{after}")) {
        return LineEndHyphen::Break;
    }
    let usual_compound = HYPHENATED_PREFIXES.contains(&before.as_str())
        && (COMMON_SECOND_PARTS.contains(&after.as_str()) || vocabulary.contains(&after));
    if usual_compound {
        LineEndHyphen::Compound
    } else {
        LineEndHyphen::Break
    }
}

/// The last whitespace-separated word of `text`, without opening brackets and quotes.
fn last_word(text: &str) -> &str {
    let word = text.rsplit(char::is_whitespace).next().unwrap_or(text);
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// A hyphen: ASCII, Unicode hyphen or non-breaking hyphen.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The lower-cased words a document writes whole, for deciding line-end hyphens: every
/// word of every line but a line's last when it ends in a hyphen and the next line's
/// first after it (the two halves of a broken word).
#[derive(Default)]
struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    /// Collects the words of every page, in one pass.
    fn of(pages: &[Vec<TextLine>]) -> Vocabulary {
        let mut words = HashSet::new();
        let mut after_hyphen = false;
        for line in pages.iter().flatten() {
            let ends_hyphenated = hyphen_position(&line.text).is_some();
            let mut tokens = line.text.split_whitespace().enumerate().peekable();
            while let Some((at, token)) = tokens.next() {
                let is_last = tokens.peek().is_none();
                let fragment = (at == 0 && after_hyphen) || (is_last && ends_hyphenated);
                let word = token.trim_matches(|c: char| !c.is_alphanumeric());
                if !fragment && !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
            after_hyphen = ends_hyphenated;
        }
        Vocabulary { words }
    }

    /// Whether the document writes `word` (lower case) whole somewhere.
    fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

/// Byte position of a hyphen ending `text` right after a letter.
fn hyphen_position(text: &str) -> Option<usize> {
    let mut chars = text.char_indices().rev();
    let (position, hyphen) = chars.next()?;
    let (_, before) = chars.next()?;
    (is_hyphen(hyphen) && before.is_alphabetic()).then_some(position)
}

fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}

/// The text without closing quotes and brackets at its end.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']'])
}

fn ends_sentence(text: &str) -> bool {
    without_closers(text).ends_with(['.', '!', '?', ':', ';', '\u{2026}'])
}

/// A table of contents entry: dot leaders and a page number (`Scope . . . . 12`).
fn ends_with_leader(text: &str) -> bool {
    let rest = text.trim_end_matches(|c: char| c.is_ascii_digit() || "ivxlcdm".contains(c));
    let rest = rest.trim_end();
    rest.len() < text.len() && (rest.ends_with("...") || rest.ends_with(". . ."))
}

/// Ends a sentence or a list item (`…;`, `…,`, `…; and`, `…, or`).
fn ends_clause(text: &str) -> bool {
    let text = without_closers(text);
    let before_conjunction = [" and", " or", " und", " oder", " et", " ou", " en", " of"]
        .iter()
        .find_map(|word| text.strip_suffix(word));
    ends_sentence(text)
        || text.ends_with(',')
        || before_conjunction.is_some_and(|rest| rest.ends_with([',', ';']))
}

fn starts_like_sentence(text: &str) -> bool {
    let text = text.trim_start_matches(['"', '\'', '\u{201C}', '\u{201E}', '\u{2018}', '\u{AB}']);
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        || starts_with_marker(text)
}

// ---------------------------------------------------------------------------------------
// Markers

/// Words for "article" in the EU languages, written before the number.
const ARTICLE_BEFORE: [&str; 18] = [
    "article",
    "artikel",
    "artículo",
    "articolo",
    "artigo",
    "artykuł",
    "článek",
    "článok",
    "člen",
    "članak",
    "artikkel",
    "άρθρο",
    "член",
    "articolul",
    "artikolu",
    "airteagal",
    "art.",
    "artiklan",
];

/// Words for "article" written after the number (`6 artikla`, `6. cikk`, `6 straipsnis`,
/// `6. pants`).
const ARTICLE_AFTER: [&str; 4] = ["artikla", "cikk", "straipsnis", "pants"];

/// An article number: digits, maybe a letter (`6a`), maybe a final dot.
fn is_article_number(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let rest = word.chars().skip(digits).count();
    (1..=4).contains(&digits) && rest <= 1 && word.chars().skip(digits).all(char::is_alphabetic)
}

/// The line opens with `Article 6` in one of the EU languages.
fn starts_with_article(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first_lower = first.to_lowercase();
    let second_lower = second.to_lowercase();
    (ARTICLE_BEFORE.contains(&first_lower.as_str()) && is_article_number(second))
        || (is_article_number(first) && ARTICLE_AFTER.contains(&second_lower.as_str()))
}

/// The whole line is an article heading such as `Article 6` or `Artikel 6a`.
fn is_article_heading(text: &str) -> bool {
    starts_with_article(text) && text.split_whitespace().count() == 2
}

/// The line opens with an article heading, alone or followed by its title (`Article 5
/// Principles relating to…`); `Article 7 and recital 32…` goes on with a sentence.
fn starts_with_article_heading(text: &str) -> bool {
    let third = text.split_whitespace().nth(2);
    starts_with_article(text) && third.is_none_or(|word| !starts_lowercase(word))
}

/// Bullets that open list items.
const BULLETS: &str = "•◦▪▫■□●○‣⁃–—-*·►➢✓";

/// A list or heading marker token: `1.`, `1)`, `1.2`, `2.1.3.`, `(a)`, `(12)`, `(iv)`,
/// `a)`, or a bullet.
fn is_marker_token(token: &str) -> bool {
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return BULLETS.contains(c);
    }
    if let Some(inner) = token.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return is_list_label(inner);
    }
    let lettered = token.strip_suffix(')').is_some_and(|label| {
        (1..=2).contains(&label.len()) && label.chars().all(|c| c.is_ascii_lowercase())
    });
    lettered || is_section_number(token)
}

/// `12`, `a`, `aa`, `iv`: what stands between the brackets of a list label.
fn is_list_label(label: &str) -> bool {
    let count = label.chars().count();
    let digits = label.chars().all(|c| c.is_ascii_digit());
    let letters = label.chars().all(|c| c.is_ascii_lowercase());
    (digits && (1..=3).contains(&count))
        || (letters && (1..=2).contains(&count))
        || (letters && count <= 6 && is_roman_numeral(label))
}

/// `1.`, `1)`, `1.2`, `1.2.3.`: numbered paragraphs and headings (a bare `12` is not).
fn is_section_number(token: &str) -> bool {
    let (body, closed) = match token.strip_suffix(['.', ')']) {
        Some(body) => (body, true),
        None => (token, false),
    };
    let parts: Vec<&str> = body.split('.').collect();
    let numeric = parts
        .iter()
        .all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    numeric && (closed || parts.len() > 1)
}

fn starts_with_marker(text: &str) -> bool {
    starts_with_marker_token(text) || starts_with_article_heading(text)
}

fn starts_with_marker_token(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(is_marker_token)
}

/// The whole line is one marker (`(6)`, `1.`, `•`) or a footnote number: its text is on
/// the next line.
fn is_bare_marker(text: &str) -> bool {
    let footnote = (1..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    footnote || (!text.contains(char::is_whitespace) && is_marker_token(text))
}

// ---------------------------------------------------------------------------------------
// Metadata

/// Title, author, creation date and language from the Info dictionary and the catalog.
fn metadata(doc: &Document) -> Metadata {
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|info| doc.dereference(info).ok())
        .and_then(|(_, info)| info.as_dict().ok());
    let text = |key: &[u8]| info.and_then(|info| text_entry(doc, info, key));
    let lang = doc
        .catalog()
        .ok()
        .and_then(|catalog| text_entry(doc, catalog, b"Lang"));
    Metadata {
        title: text(b"Title").and_then(|title| clean_title(&title)),
        date: text(b"CreationDate").and_then(|date| parse_pdf_date(&date)),
        lang: lang.and_then(|lang| Lang::from_metadata(&lang)),
        publisher: text(b"Author").filter(|author| letter_count(author) > 0),
        ..Metadata::default()
    }
}

/// A text string entry (UTF-16BE with BOM, UTF-8 with BOM or PDFDocEncoding), normalised;
/// `None` when absent or empty.
fn text_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    let object = dict.get_deref(key, doc).ok()?;
    let text = lopdf::decode_text_string(object).ok()?;
    Some(normalize_compat(&text)).filter(|t| !t.is_empty())
}

/// `D:20160406102513+02'00'` → 2016-04-06.
fn parse_pdf_date(text: &str) -> Option<Date> {
    let digits = text.trim().strip_prefix("D:").unwrap_or(text.trim());
    let field = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u16>().ok();
    if !digits.get(..8)?.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let month = u8::try_from(field(4..6)?).ok()?;
    let day = u8::try_from(field(6..8)?).ok()?;
    Date::new(field(0..4)?, month, day)
}

/// File extensions that make a title a file name.
const FILE_EXTENSIONS: [&str; 18] = [
    "doc", "docx", "dot", "dotx", "rtf", "odt", "pdf", "ppt", "pptx", "xls", "xlsx", "txt", "tex",
    "dvi", "ps", "indd", "htm", "html",
];

/// Titles that say nothing, also with a number (`Document1`, `Untitled-3`).
const PLACEHOLDER_TITLES: [&str; 9] = [
    "untitled",
    "title",
    "document",
    "dokument",
    "documento",
    "doc",
    "no title",
    "unknown",
    "microsoft word",
];

/// The Info title, or `None` when it is empty, a placeholder or a file name. Office
/// producers write `Microsoft Word - name.docx`: the application and the extension go, and
/// what remains counts only when it is not a file name itself (`EDRi_position_final_v3`).
fn clean_title(title: &str) -> Option<String> {
    let (title, from_office) = match strip_office_prefix(title) {
        Some(rest) => (rest, true),
        None => (title, false),
    };
    let stem = strip_file_extension(title);
    let is_path = title.contains('\\') || (title.contains('/') && !title.contains(' '));
    let is_file_name = stem.len() < title.len() || is_path;
    if is_file_name && !from_office {
        return None;
    }
    let stem = stem.trim();
    let usable = letter_count(stem) >= 2 && !is_placeholder(stem) && !is_file_stem(stem);
    usable.then(|| stem.to_string())
}

/// `untitled`, `Document1`, `Untitled-3`: a placeholder, with or without a number.
fn is_placeholder(title: &str) -> bool {
    let lower = title.to_lowercase();
    let word = lower.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '_'));
    PLACEHOLDER_TITLES.contains(&word)
}

/// A file name without its extension: words joined by underscores, no space
/// (`EDRi_position_CSAR_final_v3`).
fn is_file_stem(title: &str) -> bool {
    title.contains('_') && !title.contains(char::is_whitespace)
}

/// The rest of `Microsoft Word - …`, `Microsoft PowerPoint - …` and the like.
fn strip_office_prefix(title: &str) -> Option<&str> {
    let rest = title.strip_prefix("Microsoft ")?;
    let (application, name) = rest.split_once(" - ")?;
    (!application.contains(char::is_whitespace)).then_some(name)
}

fn strip_file_extension(title: &str) -> &str {
    match title.rsplit_once('.') {
        Some((stem, extension))
            if FILE_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => title,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use lopdf::encryption::crypt_filters::{Aes128CryptFilter, Aes256CryptFilter, CryptFilter};
    use lopdf::{EncryptionState, EncryptionVersion, Permissions, StringFormat, dictionary};

    use super::*;

    /// A content stream showing `lines` in 11 pt Helvetica (`/F1`) from the top of the page.
    fn text_page(lines: &[&str]) -> String {
        let mut content = String::from("BT /F1 11 Tf 14 TL 72 760 Td");
        for line in lines {
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!(" ({escaped}) Tj T*"));
        }
        content.push_str(" ET");
        content
    }

    /// A document with one page per content stream, all using Helvetica as `/F1`, and the
    /// id of its page tree root.
    fn document(contents: &[String]) -> (Document, ObjectId) {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let kids: Vec<Object> = contents
            .iter()
            .map(|content| {
                let stream = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
                let page = doc.add_object(dictionary! {
                    "Type" => "Page", "Parent" => pages_id, "Contents" => stream,
                    "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                });
                Object::Reference(page)
            })
            .collect();
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        (doc, pages_id)
    }

    fn save(mut doc: Document) -> Vec<u8> {
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes)
            .expect("an in-memory document saves");
        bytes
    }

    fn pdf(contents: &[String]) -> Vec<u8> {
        save(document(contents).0)
    }

    fn texts(bytes: &[u8]) -> Vec<String> {
        let extracted = extract(bytes).expect("the test document is readable");
        assert!(!extracted.flattened);
        assert!(extracted.blocks.iter().all(|b| b.role == Role::Body));
        extracted.blocks.into_iter().map(|b| b.text).collect()
    }

    /// A page with a running header at the top and a page number at the bottom.
    fn page_with_furniture(number: usize, body: &[&str]) -> String {
        format!(
            "BT /F1 9 Tf 72 800 Td (5419/16 AV/NT/sr {number}) Tj ET {} BT /F1 9 Tf 290 40 Td ({number}) Tj ET",
            text_page(body)
        )
    }

    #[test]
    fn running_headers_go_and_hyphenated_words_are_rejoined() {
        let pages = [
            page_with_furniture(
                1,
                &[
                    "The new data protection regu-",
                    "lation applies to all e-",
                    "Commerce services offered in the Union.",
                ],
            ),
            page_with_furniture(2, &["Article 5", "Principles relating to processing"]),
            page_with_furniture(
                3,
                &["Personal data shall be processed lawfully and fairly."],
            ),
        ];
        assert_eq!(
            texts(&pdf(&pages)),
            [
                "The new data protection regulation applies to all e-Commerce services offered in the Union.",
                "Article 5",
                "Principles relating to processing",
                "Personal data shall be processed lawfully and fairly.",
            ]
        );
    }

    /// A page of a two-page position paper: running header on top, page number and
    /// address at the bottom, all at fixed heights.
    fn position_paper_page(number: usize, body: &[&str]) -> String {
        format!(
            "BT /F1 8 Tf 50 812 Td (Stellungnahme Digitalcourage - März 2023) Tj ET {} \
             BT /F1 8 Tf 475 25 Td (Page {number} of 2) Tj ET BT /F1 8 Tf 50 25 Td (www.example-ngo.eu) Tj ET",
            text_page(body)
        )
    }

    #[test]
    fn running_lines_of_two_pages_and_page_numbers_go() {
        let pages = [
            position_paper_page(1, &["Summary", "The proposal is disproportionate."]),
            position_paper_page(
                2,
                &[
                    "It must be withdrawn.",
                    "Summary",
                    "We ask the Council to act.",
                ],
            ),
        ];
        assert_eq!(
            texts(&pdf(&pages)),
            [
                "Summary The proposal is disproportionate.",
                "It must be withdrawn.",
                "Summary We ask the Council to act.",
            ]
        );
        let single = format!(
            "{} BT /F1 8 Tf 280 30 Td (Seite 1 von 1) Tj ET",
            text_page(&["Eine kurze Stellungnahme zum Entwurf."])
        );
        assert_eq!(
            texts(&pdf(&[single])),
            ["Eine kurze Stellungnahme zum Entwurf."]
        );
    }

    #[test]
    fn page_number_forms() {
        for line in [
            "Page 1 of 2",
            "Seite 3 von 12",
            "Página 2 de 5",
            "Pagina 2 di 5",
            "Strona 1 z 3",
            "Sida 2 av 4",
            "Side 2 af 4",
            "Σελίδα 1 από 2",
            "Страница 1 от 2",
            "3. oldal",
            "Sivu 2 / 4",
            "Puslapis 1 iš 2",
            "page 4",
        ] {
            assert!(is_page_number(line, false), "{line}");
        }
        for line in ["3", "- 3 -", "– 12 –", "2/7"] {
            assert!(is_page_number(line, true), "{line}");
            assert!(!is_page_number(line, false), "{line}");
        }
        for line in ["2016/679", "7/2", "0", "Page one", "Article 3", "Summary"] {
            assert!(!is_page_number(line, true), "{line}");
        }
    }

    #[test]
    fn numbered_points_start_paragraphs_and_sentences_continue_across_pages() {
        let pages = [
            text_page(&[
                "1. Processing shall be lawful only if and to the extent that at least one of",
                "the following applies:",
                "(a) the data subject has given consent to the processing of his or her",
                "personal data for one or more specific purposes;",
                "(b) processing is necessary for the performance of a contract to which the",
            ]),
            text_page(&["data subject is party."]),
        ];
        assert_eq!(
            texts(&pdf(&pages)),
            [
                "1. Processing shall be lawful only if and to the extent that at least one of the following applies:",
                "(a) the data subject has given consent to the processing of his or her personal data for one or more specific purposes;",
                "(b) processing is necessary for the performance of a contract to which the data subject is party.",
            ]
        );
    }

    #[test]
    fn a_short_line_ending_a_sentence_ends_the_paragraph() {
        let page = text_page(&[
            "Consent remains one of six lawful bases to process personal data, as listed",
            "in Article 6 of the GDPR. It must always be given freely by the person.",
            "It is short.",
            "When initiating activities that involve processing of personal data, a",
            "controller must always take time to consider the lawful ground.",
        ]);
        assert_eq!(
            texts(&pdf(&[page])),
            [
                "Consent remains one of six lawful bases to process personal data, as listed in Article 6 of the GDPR. It must always be given freely by the person. It is short.",
                "When initiating activities that involve processing of personal data, a controller must always take time to consider the lawful ground.",
            ]
        );
    }

    #[test]
    fn vertical_white_space_separates_paragraphs() {
        let page = "BT /F1 11 Tf 72 760 Td (Introduction) Tj 0 -40 Td (The text of the guidelines follows here) Tj ET";
        assert_eq!(
            texts(&pdf(&[page.to_string()])),
            ["Introduction", "The text of the guidelines follows here",]
        );
    }

    #[test]
    fn word_spaces_come_from_positions() {
        // TJ offsets, a move to the next line, a jump along the line, a ligature (`\256` is
        // `fi` in the Standard encoding).
        let page = "BT /F1 11 Tf 72 760 Td [(Lawfulness)-300(of)-300(pro)10(cessing)] TJ \
                    0 -14 Td (personal) Tj 50 0 Td (data and ligatures like \\256nal) Tj ET";
        assert_eq!(
            texts(&pdf(&[page.to_string()])),
            ["Lawfulness of processing personal data and ligatures like final",]
        );
    }

    #[test]
    fn sideways_text_reads_along_its_baseline() {
        let page = "BT /F1 11 Tf 0 1 -1 0 300 100 Tm [(Ro)25(w)-250(1)] TJ \
                    0 -14 Td (Row 2 of a table set sideways) Tj ET";
        assert_eq!(
            texts(&pdf(&[page.to_string()])),
            ["Row 1 Row 2 of a table set sideways"]
        );
    }

    #[test]
    fn differences_with_unknown_glyph_names_keep_the_known_ones() {
        let (mut doc, _) = document(&[text_page(&["\u{1e}nal text of the Regulation applies"])]);
        for object in doc.objects.values_mut() {
            if let Object::Dictionary(dict) = object
                && dict.has_type(b"Font")
            {
                let differences: Vec<Object> = vec![
                    30.into(),
                    Object::Name(b"fi".to_vec()),
                    Object::Name(b"g77".to_vec()),
                ];
                dict.set(
                    "Encoding",
                    dictionary! {
                        "BaseEncoding" => "WinAnsiEncoding", "Differences" => differences,
                    },
                );
            }
        }
        assert_eq!(texts(&save(doc)), ["final text of the Regulation applies"]);
    }

    /// Adds an XObject to the resources the pages of [`document`] share.
    fn add_xobject(doc: &mut Document, name: &str, id: ObjectId) {
        for object in doc.objects.values_mut() {
            if let Object::Dictionary(dict) = object
                && dict.has(b"Font")
                && !dict.has_type(b"Font")
            {
                dict.set("XObject", dictionary! { name => id });
            }
        }
    }

    /// The Helvetica font of [`document`].
    fn helvetica(doc: &Document) -> Option<ObjectId> {
        doc.objects.iter().find_map(|(id, object)| {
            object
                .as_dict()
                .ok()
                .filter(|d| d.has_type(b"Font"))
                .map(|_| *id)
        })
    }

    #[test]
    fn text_in_form_xobjects_is_read() {
        let (mut doc, _) = document(&["q 1 0 0 1 0 -100 cm /Fm1 Do Q".to_string()]);
        let form = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form" },
            text_page(&["Text drawn inside a form of the page"]).into_bytes(),
        ));
        add_xobject(&mut doc, "Fm1", form);
        assert_eq!(texts(&save(doc)), ["Text drawn inside a form of the page"]);
    }

    #[test]
    fn a_form_that_draws_itself_is_drawn_once() {
        let (mut doc, _) = document(&["/Fm1 Do".to_string()]);
        let font = helvetica(&doc).expect("the document has a font");
        let form = doc.new_object_id();
        let mut content = text_page(&["Text drawn inside a recursive form"]);
        content.push_str(" /Fm1 Do");
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font },
            "XObject" => dictionary! { "Fm1" => form },
        };
        let dict = dictionary! { "Subtype" => "Form", "Resources" => resources };
        doc.objects.insert(
            form,
            Object::Stream(Stream::new(dict, content.into_bytes())),
        );
        add_xobject(&mut doc, "Fm1", form);
        assert_eq!(texts(&save(doc)), ["Text drawn inside a recursive form"]);
    }

    #[test]
    fn pages_without_text_have_no_text_layer() {
        let contents = [
            "q 500 0 0 700 40 60 cm /Im1 Do Q".to_string(),
            String::new(),
        ];
        let (mut doc, _) = document(&contents);
        let image = doc.add_object(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0],
        ));
        add_xobject(&mut doc, "Im1", image);
        assert!(matches!(
            extract(&save(doc)),
            Err(ExtractError::NoTextLayer)
        ));
    }

    /// The security handlers tested: RC4 128-bit (V2), AES-128 (V4), AES-256 (V5, R6).
    #[derive(Debug, Clone, Copy)]
    enum Cipher {
        Rc4,
        Aes128,
        Aes256,
    }

    fn encryption_state(
        doc: &Document,
        cipher: Cipher,
        user: &str,
        owner: &str,
    ) -> EncryptionState {
        let permissions = Permissions::PRINTABLE | Permissions::COPYABLE;
        let filter: Arc<dyn CryptFilter> = match cipher {
            Cipher::Aes256 => Arc::new(Aes256CryptFilter),
            _ => Arc::new(Aes128CryptFilter),
        };
        let crypt_filters = BTreeMap::from([(b"StdCF".to_vec(), filter)]);
        let (stream_filter, string_filter) = (b"StdCF".to_vec(), b"StdCF".to_vec());
        let (owner_password, user_password) = (owner, user);
        let version = match cipher {
            Cipher::Rc4 => EncryptionVersion::V2 {
                document: doc,
                owner_password,
                user_password,
                key_length: 128,
                permissions,
            },
            Cipher::Aes128 => EncryptionVersion::V4 {
                document: doc,
                encrypt_metadata: true,
                crypt_filters,
                stream_filter,
                string_filter,
                owner_password,
                user_password,
                permissions,
            },
            Cipher::Aes256 => EncryptionVersion::V5 {
                encrypt_metadata: true,
                crypt_filters,
                file_encryption_key: &[7u8; 32],
                stream_filter,
                string_filter,
                owner_password,
                user_password,
                permissions,
            },
        };
        EncryptionState::try_from(version).expect("valid encryption settings")
    }

    fn encrypted(cipher: Cipher, user: &str, owner: &str) -> Vec<u8> {
        let (mut doc, _) = document(&[text_page(&["Confidential text of the draft regulation"])]);
        let id = Object::String(b"0123456789abcdef".to_vec(), StringFormat::Hexadecimal);
        doc.trailer.set("ID", vec![id.clone(), id]);
        let state = encryption_state(&doc, cipher, user, owner);
        doc.encrypt(&state).expect("the document encrypts");
        save(doc)
    }

    #[test]
    fn a_user_password_is_refused_and_an_owner_password_alone_is_not() {
        for cipher in [Cipher::Rc4, Cipher::Aes128, Cipher::Aes256] {
            let locked = encrypted(cipher, "secret", "owner");
            assert!(
                matches!(extract(&locked), Err(ExtractError::Encrypted)),
                "{cipher:?}"
            );
            let open = encrypted(cipher, "", "owner");
            assert_eq!(
                texts(&open),
                ["Confidential text of the draft regulation"],
                "{cipher:?}"
            );
        }
    }

    #[test]
    fn an_empty_owner_password_opens_a_file_as_poppler_does() {
        for cipher in [Cipher::Rc4, Cipher::Aes128, Cipher::Aes256] {
            let open = encrypted(cipher, "secret", "");
            assert_eq!(
                texts(&open),
                ["Confidential text of the draft regulation"],
                "{cipher:?}"
            );
        }
    }

    #[test]
    fn garbage_is_malformed() {
        let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(
            extract(&garbage),
            Err(ExtractError::Malformed { .. })
        ));
        assert!(matches!(extract(b""), Err(ExtractError::Malformed { .. })));
        assert!(matches!(
            extract(b"%PDF-1.7\n%%EOF"),
            Err(ExtractError::Malformed { .. })
        ));
    }

    #[test]
    fn truncated_files_end_quickly_without_panicking() {
        let body = ["Text of a page that will be cut off in the middle of the file"];
        let pages: Vec<String> = (0..20).map(|_| text_page(&body)).collect();
        let bytes = pdf(&pages);
        for cut in [bytes.len() / 2, bytes.len() / 3, bytes.len() - 10, 20] {
            let start = Instant::now();
            let result = extract(bytes.get(..cut).unwrap_or_default());
            assert!(start.elapsed() < Duration::from_secs(5));
            if let Ok(extracted) = result {
                assert!(extracted.blocks.iter().all(|b| !b.text.is_empty()));
            }
        }
    }

    #[test]
    fn a_page_tree_with_a_cycle_reads_each_page_once() {
        let (mut doc, pages_id) = document(&[text_page(&["The only page of this document"])]);
        if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(pages_id)
            && let Ok(Object::Array(kids)) = pages.get_mut(b"Kids")
        {
            kids.push(Object::Reference(pages_id));
        }
        assert_eq!(texts(&save(doc)), ["The only page of this document"]);
    }

    #[test]
    fn a_huge_claimed_page_count_is_ignored_and_pages_are_capped() {
        let (mut doc, pages_id) = document(&[text_page(&["The only page of this document"])]);
        if let Ok(Object::Dictionary(pages)) = doc.get_object_mut(pages_id) {
            pages.set("Count", 1i64 << 40);
        }
        assert_eq!(texts(&save(doc)), ["The only page of this document"]);

        let mut contents = vec![String::new(); limits::MAX_PDF_PAGES];
        contents.push(text_page(&["Text on a page past the cap on pages read"]));
        assert!(matches!(
            extract(&pdf(&contents)),
            Err(ExtractError::NoTextLayer)
        ));
    }

    /// A content stream that inflates to 1 MiB of spaces, drawn `copies` times by one page.
    fn page_drawing(copies: usize) -> Document {
        let (mut doc, _) = document(&[text_page(&["A page with a reasonable amount of text"])]);
        let mut bomb = Stream::new(dictionary! {}, vec![b' '; 1 << 20]);
        bomb.compress().expect("spaces compress");
        let bomb = doc.add_object(bomb);
        let first_page = doc.page_iter().next();
        if let Some(page) = first_page
            && let Ok(page) = doc.get_dictionary_mut(page)
        {
            page.set("Contents", vec![Object::Reference(bomb); copies]);
        }
        doc
    }

    #[test]
    fn page_content_over_the_cap_is_too_large() {
        let copies = limits::MAX_PDF_PAGE_CONTENT / (1 << 20) + 2;
        let result = extract(&save(page_drawing(copies)));
        assert!(
            matches!(result, Err(ExtractError::TooLarge(_))),
            "{result:?}"
        );
    }

    /// zlib data that inflates to `size` zero bytes: one literal, then copies of 258 bytes
    /// at distance 1, in a single fixed-Huffman block (RFC 1951, 3.2.6).
    fn deflate_bomb(size: usize) -> Vec<u8> {
        let mut bytes = vec![0x78, 0x9C];
        let mut bits: Vec<bool> = vec![true, true, false];
        let code = |value: u32, length: u32, bits: &mut Vec<bool>| {
            bits.extend((0..length).rev().map(|i| value >> i & 1 == 1));
        };
        code(0x30, 8, &mut bits);
        for _ in 0..size / 258 {
            code(0xC5, 8, &mut bits);
            code(0, 5, &mut bits);
        }
        code(0, 7, &mut bits);
        for chunk in bits.chunks(8) {
            bytes.push(
                chunk
                    .iter()
                    .enumerate()
                    .map(|(i, bit)| u8::from(*bit) << i)
                    .sum(),
            );
        }
        bytes
    }

    #[test]
    fn an_object_stream_bomb_is_too_large() {
        let (mut doc, _) = document(&[text_page(&["A page with a reasonable amount of text"])]);
        // lopdf's writer drops object streams (it writes its own), so the type is set after
        // saving, in place: `Bombed` and `ObjStm` have the same length.
        let dict = dictionary! {
            "Type" => "Bombed", "N" => 1, "First" => 4, "Filter" => "FlateDecode",
        };
        let bomb = Stream::new(dict, deflate_bomb(limits::MAX_PDF_STREAM + (1 << 20)));
        doc.add_object(bomb.with_compression(false));
        let mut bytes = save(doc);
        let at = bytes
            .windows(6)
            .position(|w| w == b"Bombed")
            .expect("the stream was written");
        bytes.splice(at..at + 6, b"ObjStm".iter().copied());
        let start = Instant::now();
        let result = extract(&bytes);
        assert!(
            matches!(result, Err(ExtractError::TooLarge(_))),
            "{result:?}"
        );
        assert!(start.elapsed() < Duration::from_secs(30));
    }

    #[test]
    fn info_metadata_is_read_and_cleaned() {
        let (mut doc, _) = document(&[text_page(&["Body text of a document with metadata"])]);
        let mut title = vec![0xFE, 0xFF];
        title.extend(
            "Microsoft Word - Leitlinien Ä.docx"
                .encode_utf16()
                .flat_map(u16::to_be_bytes),
        );
        let info = doc.add_object(dictionary! {
            "Title" => Object::String(title, StringFormat::Hexadecimal),
            "Author" => Object::string_literal("EDPB"),
            "CreationDate" => Object::string_literal("D:20160406102513+02'00'"),
        });
        doc.trailer.set("Info", info);
        if let Ok(Object::Reference(root)) = doc.trailer.get(b"Root").cloned()
            && let Ok(catalog) = doc.get_dictionary_mut(root)
        {
            catalog.set("Lang", Object::string_literal("de-DE"));
        }
        let meta = extract(&save(doc)).expect("readable").meta;
        assert_eq!(meta.title.as_deref(), Some("Leitlinien Ä"));
        assert_eq!(meta.publisher.as_deref(), Some("EDPB"));
        assert_eq!(meta.date, Date::new(2016, 4, 6));
        assert_eq!(meta.lang, Some(Lang::De));
    }

    #[test]
    fn titles_that_are_file_names_or_placeholders_are_dropped() {
        assert_eq!(
            clean_title("Microsoft Word - foo.docx").as_deref(),
            Some("foo")
        );
        assert_eq!(
            clean_title("Microsoft PowerPoint - GDPR.pptx").as_deref(),
            Some("GDPR")
        );
        assert_eq!(clean_title("Binder1.pdf"), None);
        assert_eq!(clean_title("C:\\Users\\me\\draft"), None);
        assert_eq!(clean_title("untitled"), None);
        assert_eq!(
            clean_title("Microsoft Word - EDRi_position_CSAR_final_v3.docx"),
            None
        );
        assert_eq!(clean_title("Microsoft Word - Document1"), None);
        assert_eq!(clean_title("Untitled-3"), None);
        assert_eq!(clean_title("position_paper_2023"), None);
        assert_eq!(
            clean_title("Microsoft Word - Position paper on CSA.docx").as_deref(),
            Some("Position paper on CSA")
        );
        assert_eq!(clean_title("--"), None);
        assert_eq!(
            clean_title("Guidelines 05/2020 on consent").as_deref(),
            Some("Guidelines 05/2020 on consent")
        );
    }

    #[test]
    fn pdf_dates_parse() {
        assert_eq!(
            parse_pdf_date("D:20160406102513+02'00'"),
            Date::new(2016, 4, 6)
        );
        assert_eq!(parse_pdf_date("20210518"), Date::new(2021, 5, 18));
        assert_eq!(parse_pdf_date("D:2016"), None);
        assert_eq!(parse_pdf_date("D:20161345"), None);
        assert_eq!(parse_pdf_date("D:2016é406"), None);
    }

    #[test]
    fn markers_and_article_headings() {
        for marker in [
            "1.", "12)", "1.2", "2.1.3.", "(a)", "(12)", "(iv)", "a)", "•", "–",
        ] {
            assert!(is_marker_token(marker), "{marker}");
        }
        for word in ["12", "2016", "(EU)", "e.g.", "1234.", "Article"] {
            assert!(!is_marker_token(word), "{word}");
        }
        for heading in ["Article 6", "Artikel 6a", "6 artikla", "6. cikk", "Άρθρο 5"] {
            assert!(is_article_heading(heading), "{heading}");
        }
        assert!(!is_article_heading("Article 6(1) applies"));
        assert!(starts_with_marker(
            "Article 5 Principles relating to processing"
        ));
        assert!(!starts_with_marker("Article 6(1)(a) of Regulation"));
        assert!(!starts_with_marker(
            "Article 7 and in recitals 32, 33, 42, and 43"
        ));
    }

    #[test]
    fn spacing_accents_compose_with_their_letter() {
        assert_eq!(normalize_line("Sedmite\u{2C7}cn\u{B4}a"), "Sedmitečná");
        assert_eq!(
            normalize_line("Imi\u{2DB}e miejscowo\u{B4}s\u{B4}c"),
            "Imię miejscowość"
        );
        assert_eq!(
            normalize_line("ge\u{131}\u{308}nterpreteerd"),
            "geïnterpreteerd"
        );
        assert_eq!(normalize_line("regu\u{AD}"), "regu-");
        assert_eq!(normalize_line("\u{F0B7} item"), "• item");
        assert_eq!(normalize_line("`code` ^x"), "`code` ^x");
    }

    #[test]
    fn running_keys_ignore_numbers() {
        assert_eq!(
            running_key("5419/16 AV/NT/sr 12"),
            running_key("5419/16 AV/NT/sr 4")
        );
        assert_eq!(running_key("xiv"), "#");
        assert_ne!(running_key("Article 5"), running_key("Recital 5"));
    }

    #[test]
    fn bullet_items_in_one_line_are_split() {
        assert_eq!(split_bullet_items("• a • b • c"), ["• a", "• b", "• c"]);
        assert_eq!(split_bullet_items("a•b"), ["a•b"]);
    }

    #[test]
    fn table_of_contents_entries_stay_apart() {
        assert!(ends_with_leader("1. Executive summary ........ 3"));
        assert!(ends_with_leader("Dokumendiklassid . . . . . . 9"));
        assert!(!ends_with_leader("as listed in Article 6"));
        let page = text_page(&[
            "1. Executive summary ...................................... 3",
            "Background and rationale ................................... 6",
        ]);
        assert_eq!(texts(&pdf(&[page])).len(), 2);
    }

    #[test]
    fn hyphens_join_words_only_before_lower_case() {
        let join = |first: &str, second: &str, elsewhere: &str| {
            let line = |text: &str| TextLine {
                text: text.to_string(),
                y: 0.0,
                width: 0.0,
                gap_before: false,
            };
            let vocabulary = Vocabulary::of(&[vec![line(elsewhere)]]);
            let mut text = first.to_string();
            join_line(&mut text, second, &vocabulary);
            text
        };
        assert_eq!(join("regu-", "lation", ""), "regulation");
        assert_eq!(join("all e-", "Commerce", ""), "all e-Commerce");
        assert_eq!(join("2016 -", "see", ""), "2016 - see");
        assert_eq!(
            join("undermine end-to-", "end encryption", ""),
            "undermine end-to-end encryption"
        );
        assert_eq!(
            join("a long-", "term evaluation", ""),
            "a long-term evaluation"
        );
        assert_eq!(
            join("den Kinder-", "und Jugendschutz", ""),
            "den Kinder- und Jugendschutz"
        );
        assert_eq!(join("die EU-", "Kommission", ""), "die EU-Kommission");
        assert_eq!(join("Daten-", "schutzrecht", ""), "Datenschutzrecht");
        assert_eq!(join("the e-", "mail", ""), "the e-mail");
        assert_eq!(join("data-", "driven", "data-driven policy"), "data-driven");
        assert_eq!(join("short-", "comings", ""), "shortcomings");
        assert_eq!(join("cross-", "ing", ""), "crossing");
        assert_eq!(join("with-", "out", "without doubt"), "without");
        assert_eq!(join("PDF-doku-", "mentissa", ""), "PDF-dokumentissa");
        assert_eq!(join("machine-re-", "adable", ""), "machine-readable");
        assert_eq!(
            join("https://x.eu/when-is-", "it-unlawful/", ""),
            "https://x.eu/when-is-it-unlawful/"
        );
        assert_eq!(
            join("horisontaal-", "ja vertikaal", ""),
            "horisontaal- ja vertikaal"
        );
    }
}
