//! Property tests of the code that reads hostile input: the query parser, the citation
//! finder and every extractor, over arbitrary input and over mutations of valid documents.
//!
//! The default number of cases keeps the run short; set `POLIDEX_PROPTEST_CASES` for a
//! longer one (every property then runs that many cases).

mod fixtures;
mod generate;

use std::cell::Cell;
use std::sync::Once;

use polidex::ingest::extract::extract;
use polidex::ingest::format::Format;
use polidex::legal::citation::{Context, find_citations};
use polidex::search::query::parse;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;

/// `default` cases, or `$POLIDEX_PROPTEST_CASES`.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("POLIDEX_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const QUERY_TOKENS: &[&str] = &[
    "keeper",
    "consent",
    "data",
    "AND",
    "OR",
    "NOT",
    "and",
    "or",
    "(",
    ")",
    "\"",
    "\"",
    "~",
    "~5",
    "~100000",
    "*",
    "priv*",
    "+",
    "-",
    "+a",
    "-b",
    ":",
    "lang:",
    "lang:fr",
    "kind:",
    "kind:blog",
    "doc_id:",
    "doc_id:32016R0679",
    "title:",
    "date:",
    "date:2021",
    "date:[",
    "TO",
    "]",
    "[",
    "{",
    "}",
    "2020",
    "2022-06",
    "2022-13-45",
    "*]",
    "\\",
    "'",
    "Article",
    "6(1)(a)",
    "GDPR",
    "COM(2022)",
    "209",
    "Art.",
    "Abs.",
    "lit.",
    "DSGVO",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "\u{301}",
    "\u{200b}",
    "\u{0}",
    "\u{feff}",
    "𝔘",
    "😀",
    "日本語",
    "ǅ",
    "\t",
    "\n",
    "  ",
];

const CITATION_TOKENS: &[&str] = &[
    "Article",
    "Articles",
    "article",
    "Art.",
    "Arts",
    "6",
    "6(1)",
    "6(1)(a)",
    "(1)",
    "(a)",
    "(iv)",
    "5",
    "to",
    "7",
    "and",
    "of",
    "Regulation",
    "(EU)",
    "2016/679",
    "Directive",
    "2002/58/EC",
    "GDPR",
    "DSGVO",
    "RGPD",
    "Abs.",
    "lit.",
    "Satz",
    "Nr.",
    "point",
    "paragraph",
    "subparagraph",
    "Annex",
    "I",
    "II",
    "recital",
    "Recital",
    "COM(2022)",
    "209",
    "COM(2022) 209 final",
    "SWD(2021)",
    "32016R0679",
    "OJ",
    "L",
    "119,",
    "4.5.2016,",
    "p.",
    "1",
    "ELI:",
    "http://data.europa.eu/eli/reg/2016/679/oj",
    "článek",
    "članak",
    "άρθρο",
    "στοιχείο",
    "α)",
    "στ)",
    "статия",
    "член",
    "artikel",
    "artículo",
    "apartado",
    "letra",
    "cikk",
    "straipsnis",
    "pants",
    "artikla",
    "bis",
    "3a",
    "(",
    ")",
    ",",
    ";",
    "—",
    "–",
    "§",
    "§§",
    "nº",
    "n.º",
    "°",
    "\u{a0}",
    "\u{202f}",
    "\u{301}",
    "\u{200b}",
    "😀",
    "日本",
    "\n",
    "  ",
];

/// Text made of tokens from `vocabulary`, joined by spaces or nothing.
fn token_soup(vocabulary: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((select(vocabulary), any::<bool>()), 0..max).prop_map(|tokens| {
        let mut text = String::new();
        for (token, spaced) in tokens {
            text.push_str(token);
            if spaced {
                text.push(' ');
            }
        }
        text
    })
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => token_soup(QUERY_TOKENS, 40),
        2 => any::<String>(),
        1 => "[a-z*()\" ~:\\[\\]]{0,80}",
        1 => "[a-z ]{4090,4100}",
    ]
}

fn citation_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => token_soup(CITATION_TOKENS, 60),
        2 => any::<String>(),
        1 => (token_soup(CITATION_TOKENS, 20), any::<String>(), token_soup(CITATION_TOKENS, 20))
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
    ]
}

proptest! {
    #![proptest_config(config(3000))]

    #[test]
    fn the_query_parser_never_panics_and_points_inside_the_query(query in query_text()) {
        if let Err(error) = parse(&query) {
            let length = query.chars().count();
            prop_assert!(
                error.position <= length,
                "position {} in a query of {length} characters: {error}",
                error.position
            );
            prop_assert!(!error.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn citations_have_valid_spans(text in citation_text(), legal in any::<bool>()) {
        let context = Context {
            celex: legal.then_some("32016R0679"),
            unit: legal.then_some("art_6.par_1"),
        };
        let mut previous = 0;
        for found in find_citations(&text, &context) {
            prop_assert!(found.start <= found.end && found.end <= text.len(), "{found:?}");
            prop_assert!(
                text.is_char_boundary(found.start) && text.is_char_boundary(found.end),
                "{found:?} in {text:?}"
            );
            prop_assert!(found.start >= previous, "citations out of order: {found:?}");
            previous = found.start;
            prop_assert!(!found.celex.is_empty(), "{found:?}");
            prop_assert!(found.unit.as_deref().is_none_or(|u| !u.is_empty() && !u.contains(' ')), "{found:?}");
        }
    }
}

const FORMATS: [Format; 6] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Xml,
    Format::CrawlJson,
    Format::Pdf,
];

thread_local! {
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
    /// Panics raised (and caught) inside an extractor on this thread: lopdf's, which
    /// `pdf::extract` turns into a "malformed" error by design.
    static CAUGHT_PANICS: Cell<usize> = const { Cell::new(0) };
}

/// Counts panics raised while an extractor runs, then hands them to the default hook.
fn count_caught_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if EXTRACTING.with(Cell::get) {
                CAUGHT_PANICS.with(|c| c.set(c.get() + 1));
            }
            default(info);
        }));
    });
}

/// Extracts `bytes` as `format`; a panic escaping the extractor fails the property. On
/// success the documented promises hold: some text, no NUL character.
fn check_extract(format: Format, bytes: &[u8]) -> Result<(), TestCaseError> {
    count_caught_panics();
    EXTRACTING.with(|e| e.set(true));
    let outcome = std::panic::catch_unwind(|| extract(format, bytes));
    EXTRACTING.with(|e| e.set(false));
    let Ok(result) = outcome else {
        return Err(TestCaseError::fail(format!(
            "the {} extractor panicked on {} bytes",
            format.name(),
            bytes.len()
        )));
    };
    if let Ok(documents) = result {
        prop_assert!(!documents.is_empty());
        for document in &documents {
            prop_assert!(
                document.blocks.iter().any(|b| !b.text.trim().is_empty()),
                "{}: a document without text",
                format.name()
            );
            for block in &document.blocks {
                prop_assert!(
                    !block.text.contains('\0'),
                    "{}: NUL in {:?}",
                    format.name(),
                    block.text
                );
            }
        }
    }
    Ok(())
}

/// A valid document of each format, to mutate.
fn seeds() -> Vec<(Format, Vec<u8>)> {
    let crawl = serde_json::json!({
        "url": "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32099R0001",
        "title": "Regulation (EU) 2099/1",
        "date": "2099-01-03",
        "lang": "en",
        "text": "Article 1\nDefinitions\n1. 'logbook' means a record.\n(a) the keeper has given consent;",
    });
    vec![
        (Format::Html, fixtures::ACT_EN.as_bytes().to_vec()),
        (Format::Xml, fixtures::ACT_FR.as_bytes().to_vec()),
        (Format::Markdown, fixtures::STATEMENT.as_bytes().to_vec()),
        (Format::Markdown, fixtures::BLOG_NL.as_bytes().to_vec()),
        (Format::CrawlJson, crawl.to_string().into_bytes()),
        (Format::Text, generate::prose("seed").into_bytes()),
        (Format::Pdf, generate::good_pdf("seedword")),
    ]
}

const SPLICES: &[&[u8]] = &[
    b"<",
    b">",
    b"</",
    b"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
    b"&e;",
    b"&",
    b"&#0;",
    b"&#x110000;",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"\"",
    b"'",
    b"=",
    b"\xff",
    b"\xc3",
    b"\0",
    b"\r",
    b"\n\n",
    b"---\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\u0000",
    b"\\ud800",
    b"obj",
    b"endobj",
    b"stream\n",
    b"endstream",
    b"<<",
    b">>",
    b"R",
    b" 0 R",
    b"/Length 99999999",
    b"/Filter /FlateDecode",
    b"xref",
    b"trailer",
    b"%%EOF",
    b"/Kids [1 0 R]",
    b"999999999",
    b"-1",
    b"(",
    b")",
    b"Article 6(1)(a)",
    b"<ARTICLE>",
    b"<P>",
    b"<html>",
    b"<script>",
];

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Splice(usize, &'static [u8]),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Flip(at, b)),
        2 => (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(at, b)| Mutation::Insert(at, b)),
        3 => (any::<usize>(), select(SPLICES)).prop_map(|(at, s)| Mutation::Splice(at, s)),
        2 => (any::<usize>(), 1..200usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        1 => (any::<usize>(), 1..400usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        1 => any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len().max(1);
        match mutation {
            Mutation::Flip(at, b) => {
                if let Some(byte) = bytes.get_mut(at % len) {
                    *byte ^= b | 1;
                }
            }
            Mutation::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Splice(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Delete(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Duplicate(at, n) => {
                let at = at % len;
                let end = (at + n).min(bytes.len());
                let copy: Vec<u8> = bytes.get(at..end).unwrap_or_default().to_vec();
                bytes.splice(end..end, copy);
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

/// Runs `test` over `strategy` and prints how many panics the extractors caught.
fn run_extract_property<S: Strategy>(
    what: &str,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let config = config(400);
    let cases = config.cases;
    let mut runner = TestRunner::new(config);
    let started = std::time::Instant::now();
    if let Err(error) = runner.run(&strategy, test) {
        panic!("{what}: {error}");
    }
    println!(
        "{what}: {cases} cases in {:?}; panics caught inside extractors: {}",
        started.elapsed(),
        CAUGHT_PANICS.with(Cell::get)
    );
}

#[test]
fn every_extractor_survives_arbitrary_bytes() {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2048),
        "\\PC{0,400}".prop_map(String::into_bytes),
    ];
    run_extract_property("arbitrary bytes × 6 extractors", bytes, |bytes| {
        for format in FORMATS {
            check_extract(format, &bytes)?;
        }
        Ok(())
    });
}

#[test]
fn every_extractor_survives_mutated_documents() {
    let seeds = seeds();
    let cases = (
        0..seeds.len(),
        prop::collection::vec(mutation(), 1..12),
        0..8usize,
    );
    run_extract_property("mutated documents", cases, |(seed, mutations, as_other)| {
        let (format, bytes) = seeds[seed].clone();
        let mutated = mutate(bytes, &mutations);
        check_extract(format, &mutated)?;
        // Mislabelled files reach the wrong extractor too.
        if let Some(other) = FORMATS.get(as_other) {
            check_extract(*other, &mutated)?;
        }
        Ok(())
    });
}
