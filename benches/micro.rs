//! Micro-benchmarks of polidex's hot paths, through the library API: extraction (XHTML,
//! Formex, crawl JSON, PDF), language detection, each language's analyzer, cutting into
//! units, citation parsing and query parsing.
//!
//! Inputs are real files read at run time from the reference corpus (`$POLIDEX_REFERENCE_CORPUS`
//! or `../shared/corpus`), never copied; without it the corpus groups are skipped with a
//! message. Queries come from `benches/queries/`. Run `cargo bench --bench micro`, or
//! `cargo bench --bench micro -- analyzer` for one group. Whole-system figures and peers are
//! in `benches/peers.py`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use polidex::ingest::extract::{self, Block, Extracted, html, pdf};
use polidex::ingest::format::Format;
use polidex::lang::analyzers::Analyzer;
use polidex::lang::detect::detect;
use polidex::lang::{ALL, Lang};
use polidex::legal::citation::{Context, find_citations};
use polidex::legal::units::segment;
use polidex::search::query::parse;

/// The GDPR as published in the Official Journal, English and French XHTML.
const GDPR_EN_XHTML: &str = "legislation/32016R0679/en.oj.xhtml";
const GDPR_FR_XHTML: &str = "legislation/32016R0679/fr.oj.xhtml";
/// The GDPR consolidated text in Formex 4.
const GDPR_EN_FORMEX: &str = "legislation/32016R0679/en.consolidated-2016-05-04.fmx.xml";
/// The GDPR as a Dutch crawl record (text flattened to one line).
const GDPR_NL_CRAWL: &str = "legislation/32016R0679/nl.eurlex-crawl.json";
/// The GDPR table of contents in the 24 official languages, `<lang>.toc.html`.
const GDPR_TOC_DIR: &str = "legislation/32016R0679/toc-24lang";
/// A 1.3 MB text PDF: the Council's first-reading position on the GDPR.
const COUNCIL_PDF: &str = "pdf/en_council-st5419-16_gdpr-council-position-first-reading.pdf";

/// Queries in the syntax beyond plain words: phrases, proximity, boolean, prefix, filters,
/// citations.
const SYNTAX_QUERIES: &[&str] = &[
    "\"personal data\"",
    "\"data child\"~5",
    "consent OR toestemming",
    "(consent OR toestemming) child -parental",
    "+controller -processor",
    "priv*",
    "lang:fr kind:legislation données",
    "date:[2020 TO 2022-06] liquidity",
    "title:\"data protection\" doc_id:32016R0679",
    "Article 6(1)(a) GDPR",
    "Art. 6 Abs. 1 lit. a DSGVO",
    "COM(2022) 209",
    "Regulation (EU) 2021/1232",
];

/// The reference corpus, or `None` (with a printed reason) when it is not there.
fn reference_corpus() -> Option<PathBuf> {
    let candidate = std::env::var_os("POLIDEX_REFERENCE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if candidate.join("legislation").is_dir() {
        return Some(candidate);
    }
    eprintln!(
        "micro: skipped corpus benchmarks: reference corpus not found at {} (set POLIDEX_REFERENCE_CORPUS)",
        candidate.display()
    );
    None
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn extracted(corpus: &Path, rel: &str, format: Format) -> Vec<Extracted> {
    let path = corpus.join(rel);
    extract::extract(format, &read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn blocks(corpus: &Path, rel: &str, format: Format) -> Vec<Block> {
    extracted(corpus, rel, format)
        .into_iter()
        .flat_map(|document| document.blocks)
        .collect()
}

/// The text of a document: its blocks, one per line.
fn plain_text(blocks: &[Block]) -> String {
    let lines: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    lines.join("\n")
}

/// The GDPR table of contents of each language that has one, as plain text.
fn toc_texts(corpus: &Path) -> Vec<(Lang, String)> {
    ALL.iter()
        .filter(|&&lang| lang != Lang::Und)
        .filter_map(|&lang| {
            let rel = format!("{GDPR_TOC_DIR}/{}.toc.html", lang.code());
            corpus
                .join(&rel)
                .is_file()
                .then(|| (lang, plain_text(&blocks(corpus, &rel, Format::Html))))
        })
        .collect()
}

fn bench_extraction(c: &mut Criterion, corpus: &Path) {
    let mut group = c.benchmark_group("extract");
    let inputs = [
        ("html/gdpr-en-oj", GDPR_EN_XHTML, Format::Html),
        ("formex/gdpr-en-consolidated", GDPR_EN_FORMEX, Format::Xml),
        ("crawl-json/gdpr-nl", GDPR_NL_CRAWL, Format::CrawlJson),
    ];
    for (name, rel, format) in inputs {
        let bytes = read(&corpus.join(rel));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| extract::extract(format, black_box(&bytes)))
        });
    }
    let xhtml = read(&corpus.join(GDPR_FR_XHTML));
    group.throughput(Throughput::Bytes(xhtml.len() as u64));
    group.bench_function("html-module/gdpr-fr-oj", |b| {
        b.iter(|| html::extract(black_box(&xhtml)))
    });
    let pdf_bytes = read(&corpus.join(COUNCIL_PDF));
    group.throughput(Throughput::Bytes(pdf_bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("pdf/council-gdpr-position", |b| {
        b.iter(|| pdf::extract(black_box(&pdf_bytes)))
    });
    group.finish();
}

fn bench_detection(c: &mut Criterion, tocs: &[(Lang, String)]) {
    let mut group = c.benchmark_group("detect");
    for (lang, text) in tocs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("gdpr-toc", lang.code()),
            text,
            |b, text| b.iter(|| detect(black_box(text))),
        );
    }
    group.finish();
}

fn bench_analyzers(c: &mut Criterion, tocs: &[(Lang, String)]) {
    let mut group = c.benchmark_group("analyzer");
    for (lang, text) in tocs {
        let analyzer = Analyzer::stemmed(*lang);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("stemmed", lang.code()), text, |b, text| {
            b.iter(|| analyzer.tokens(black_box(text)))
        });
    }
    if let Some((_, english)) = tocs.iter().find(|(lang, _)| *lang == Lang::En) {
        let exact = Analyzer::exact();
        group.throughput(Throughput::Bytes(english.len() as u64));
        group.bench_function("exact/en", |b| b.iter(|| exact.tokens(black_box(english))));
    }
    group.finish();
}

fn bench_segmentation(c: &mut Criterion, corpus: &Path) {
    let mut group = c.benchmark_group("segment");
    let inputs = [
        ("gdpr-en-oj", GDPR_EN_XHTML, Format::Html),
        ("gdpr-fr-oj", GDPR_FR_XHTML, Format::Html),
        ("gdpr-en-formex", GDPR_EN_FORMEX, Format::Xml),
    ];
    for (name, rel, format) in inputs {
        let blocks = blocks(corpus, rel, format);
        let bytes: usize = blocks.iter().map(|b| b.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| b.iter(|| segment(black_box(&blocks), true)));
    }
    group.finish();
}

fn bench_citations(c: &mut Criterion, corpus: &Path) {
    let mut group = c.benchmark_group("citations");
    let context = Context {
        celex: Some("32016R0679"),
        unit: None,
    };
    for (name, rel) in [("gdpr-en", GDPR_EN_XHTML), ("gdpr-fr", GDPR_FR_XHTML)] {
        let text = plain_text(&blocks(corpus, rel, Format::Html));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| find_citations(black_box(&text), &context))
        });
    }
    group.finish();
}

/// The plain-word queries of `benches/queries/{en,fr,nl}.txt`.
fn query_set() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/queries");
    ["en", "fr", "nl"]
        .iter()
        .flat_map(|lang| {
            let path = dir.join(format!("{lang}.txt"));
            let text = String::from_utf8(read(&path))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            text.lines()
                .map(str::trim)
                .filter(|q| !q.is_empty())
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn bench_query_parsing(c: &mut Criterion) {
    let mut group = c.benchmark_group("query-parse");
    let words = query_set();
    group.throughput(Throughput::Elements(words.len() as u64));
    group.bench_function("plain-word-set", |b| {
        b.iter(|| words.iter().filter(|q| parse(black_box(q)).is_ok()).count())
    });
    group.throughput(Throughput::Elements(SYNTAX_QUERIES.len() as u64));
    group.bench_function("syntax-set", |b| {
        b.iter(|| {
            SYNTAX_QUERIES
                .iter()
                .filter(|q| parse(black_box(q)).is_ok())
                .count()
        })
    });
    group.finish();
}

fn hot_paths(c: &mut Criterion) {
    bench_query_parsing(c);
    let Some(corpus) = reference_corpus() else {
        return;
    };
    let tocs = toc_texts(&corpus);
    bench_extraction(c, &corpus);
    bench_detection(c, &tocs);
    bench_analyzers(c, &tocs);
    bench_segmentation(c, &corpus);
    bench_citations(c, &corpus);
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = micro;
    config = config();
    targets = hot_paths
}
criterion_main!(micro);
