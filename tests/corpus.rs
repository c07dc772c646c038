//! The reference corpus (`../shared/corpus`), indexed once: every file is indexed or
//! reported, searches in nine languages find what they must, acts are cut into the same
//! units in every language, citations in thirteen languages resolve, definitions and
//! cited-by work on real law.

mod util;

use std::collections::BTreeSet;

use serde_json::Value;
use util::{corpus_index, polidex, reference_corpus, run, search_json};

fn first_doc_ids(response: &Value, n: usize) -> Vec<String> {
    response["hits"]
        .as_array()
        .map(|h| {
            h.iter()
                .take(n)
                .map(|h| h["doc_id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_file_is_indexed_or_reported_by_name() {
    let Some(corpus) = reference_corpus() else {
        return;
    };
    let index = tempfile::tempdir().expect("temp dir");
    let output = polidex()
        .arg("index")
        .arg(&corpus)
        .arg("--index")
        .arg(index.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("failed 1 "), "{stdout}");
    assert!(
        stderr.contains("pdf/xx_pypdf-image-only-ccitt.pdf: no text layer"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

/// (query, language filter, documents of which one must be among the first three hits)
const DEV_SET: &[(&str, &str, &[&str])] = &[
    (
        "consent of a child",
        "en",
        &["32016R0679", "02016R0679-20160504"],
    ),
    (
        "hosting liability information",
        "en",
        &["32000L0031", "32022R2065", "02022R2065-20221027"],
    ),
    (
        "temporary derogation",
        "en",
        &["seeds/000_5e338946b129914d", "seeds/003_374b831b35e49dde"],
    ),
    ("Einwilligung", "de", &["32016R0679"]),
    (
        "Chatkontrolle",
        "de",
        &[
            "statements/de_gknirps-blog_2023-07-26_chatkontrolle-droht",
            "statements/de_gknirps-blog_2024-06-20_chatkontrolle-wieder-gescheitert",
        ],
    ),
    (
        "données à caractère personnel",
        "fr",
        &["32016R0679", "02016R0679-20160504"],
    ),
    (
        "plateformes en ligne",
        "fr",
        &["32022R2065", "02022R2065-20221027"],
    ),
    (
        "persoonsgegevens verwerking",
        "nl",
        &["32016R0679", "32021R1232"],
    ),
    (
        "chatcontrole",
        "nl",
        &[
            "statements/nl_chatcontrole-nl_breyer-dossier-chat-control-translation",
            "statements/nl_chatcontrole-nl_homepage",
            "statements/nl_chatcontrole-nl_matthew-green-remarks-translation",
        ],
    ),
    (
        "soukromé komunikace",
        "cs",
        &[
            "statements/cs_pirati_2021-07-09_ep-vote-interim-derogation",
            "statements/cs_pirati_2020-12-08_ep-libe-eprivacy-derogation",
            "statements/cs_pirati_2022-05-12_commission-csa-proposal",
        ],
    ),
    (
        "przetwarzanie danych osobowych",
        "pl",
        &["32016R0679", "pdf/europass-cv-template"],
    ),
    (
        "adatkezelés",
        "hu",
        &["32016R0679", "pdf/hu_gdpr-lecture-slides-2023"],
    ),
    ("henkilötietojen käsittely", "fi", &["32016R0679"]),
    ("obdelava osebnih podatkov", "sl", &["32016R0679"]),
];

#[test]
fn development_queries_find_their_documents_in_nine_languages() {
    let Some(index) = corpus_index() else { return };
    for (query, lang, expected) in DEV_SET {
        let response = search_json(index, &[query, "--lang", lang]);
        let found = first_doc_ids(&response, 3);
        assert!(
            found.iter().any(|d| expected.contains(&d.as_str())),
            "{query} [{lang}]: got {found:?}, expected one of {expected:?}"
        );
    }
}

#[test]
fn the_language_of_every_document_is_right() {
    let Some(index) = corpus_index() else { return };
    for (path, lang) in [
        ("legislation/32016R0679/toc-24lang/ga.toc.html", "ga"),
        ("legislation/32016R0679/toc-24lang/mt.toc.html", "mt"),
        ("legislation/32016R0679/toc-24lang/sl.toc.html", "sl"),
        ("legislation/32016R0679/toc-24lang/hr.toc.html", "hr"),
        ("legislation/52021PC0206/de.eurlex.html", "de"),
        ("seeds/000_5e338946b129914d.txt", "en"),
        ("statements/campaign-copyandshare-2025/pl.html", "pl"),
        ("pdf/sl_lshort-slovenian.pdf", "sl"),
    ] {
        let (_, stdout, _) = run(
            index,
            &[
                "search",
                &format!("lang:{lang}"),
                "--group",
                "unit",
                "--all",
                "--format",
                "jsonl",
            ],
        );
        let paths: BTreeSet<String> = stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|h| h["path"].as_str().map(str::to_string))
            .collect();
        assert!(paths.contains(path), "{path} is not in {lang}");
    }
}

fn unit_ids(index: &std::path::Path, doc: &str, lang: &str) -> Vec<String> {
    let (code, stdout, stderr) = run(index, &["show", doc, "--lang", lang, "--format", "json"]);
    assert_eq!(code, 0, "{doc} {lang}: {stderr}");
    let shown: Value = serde_json::from_str(&stdout).expect("json");
    shown["versions"][0]["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["unit"].as_str().map(str::to_string))
        .collect()
}

fn articles(ids: &[String]) -> BTreeSet<&str> {
    ids.iter()
        .filter(|i| i.starts_with("art_") || i.starts_with("rct_") || i.starts_with("cit_"))
        .map(String::as_str)
        .collect()
}

#[test]
fn acts_have_the_same_units_in_every_language() {
    let Some(index) = corpus_index() else { return };
    let gdpr_en = unit_ids(index, "32016R0679", "en");
    assert_eq!(
        articles(&gdpr_en)
            .iter()
            .filter(|i| i.starts_with("art_") && !i.contains('.'))
            .count(),
        99
    );
    assert_eq!(
        articles(&gdpr_en)
            .iter()
            .filter(|i| i.starts_with("rct_"))
            .count(),
        173
    );
    for lang in ["fr", "hu"] {
        assert_eq!(
            articles(&unit_ids(index, "32016R0679", lang)),
            articles(&gdpr_en),
            "GDPR {lang}"
        );
    }
    let gdpr_nl = unit_ids(index, "32016R0679", "nl");
    let shared = articles(&gdpr_nl).intersection(&articles(&gdpr_en)).count();
    assert!(
        shared * 100 >= articles(&gdpr_en).len() * 95,
        "GDPR nl (flattened crawl) shares {shared} of {}",
        articles(&gdpr_en).len()
    );
    assert_eq!(
        articles(&unit_ids(index, "32022R2065", "fr")),
        articles(&unit_ids(index, "32022R2065", "en")),
        "DSA"
    );
    assert_eq!(
        articles(&unit_ids(index, "32018L1972", "fr")),
        articles(&unit_ids(index, "32018L1972", "en")),
        "EECC"
    );
    let toc_de = unit_ids(index, "32016R0679", "de");
    assert_eq!(
        toc_de.iter().filter(|i| i.starts_with("art_")).count(),
        99,
        "the German table of contents lists every article"
    );
}

#[test]
fn parallel_texts_align_unit_by_unit() {
    let Some(index) = corpus_index() else { return };
    let (code, stdout, _) = run(
        index,
        &[
            "show",
            "32016R0679#art_6.par_1",
            "--parallel",
            "en,fr,nl",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let shown: Value = serde_json::from_str(&stdout).expect("json");
    let versions = shown["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 3);
    for version in versions {
        let ids: Vec<&str> = version["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|u| u["unit"].as_str())
            .collect();
        assert_eq!(
            ids[..3],
            ["art_6.par_1", "art_6.par_1.pnt_a", "art_6.par_1.pnt_b"],
            "{}",
            version["lang"]
        );
    }
    assert!(
        versions[1]["text"]
            .as_str()
            .unwrap_or("")
            .contains("consenti")
    );
    assert!(
        versions[2]["text"]
            .as_str()
            .unwrap_or("")
            .contains("toestemming")
    );
}

/// (citation, expected ids) in thirteen languages.
const CITATIONS: &[(&str, &[&str])] = &[
    ("Article 6(1)(a) GDPR", &["32016R0679#art_6.par_1.pnt_a"]),
    (
        "Art. 6 Abs. 1 lit. a DSGVO",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "article 6, paragraphe 1, point a), du RGPD",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artikel 6, lid 1, onder a, AVG",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "art. 6 ust. 1 lit. a RODO",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "čl. 6 odst. 1 písm. a) GDPR",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "articolo 6, paragrafo 1, lettera a), del GDPR",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artículo 6, apartado 1, letra a), del RGPD",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "artikel 6.1 a i dataskyddsförordningen",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "άρθρο 6 παράγραφος 1 στοιχείο α) του ΓΚΠΔ",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "член 6, параграф 1, буква а) от ОРЗД",
        &["32016R0679#art_6.par_1.pnt_a"],
    ),
    (
        "Article 16 of Regulation (EU) 2022/2065",
        &["32022R2065#art_16"],
    ),
    ("recital 38 GDPR", &["32016R0679#rct_38"]),
    (
        "Articles 5 to 7 GDPR",
        &["32016R0679#art_5", "32016R0679#art_6", "32016R0679#art_7"],
    ),
    ("Article 4(11) GDPR", &["32016R0679#art_4.pnt_11"]),
    ("OJ L 119, 4.5.2016, p. 1", &["32016R0679"]),
    ("COM(2022) 209 final", &["52022PC0209"]),
    (
        "Article 3(1)(a) of Regulation (EU) 2021/1232",
        &["32021R1232#art_3.par_1.pnt_a"],
    ),
];

#[test]
fn citations_in_thirteen_languages_resolve_against_the_index() {
    let Some(index) = corpus_index() else { return };
    for (text, expected) in CITATIONS {
        let (code, stdout, stderr) = run(index, &["cite", text, "--format", "json"]);
        assert_eq!(code, 0, "{text}: {stderr}");
        let found: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        let ids: Vec<&str> = found
            .iter()
            .map(|c| c["id"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(ids, *expected, "{text}");
        assert!(found.iter().all(|c| c["in_index"] == true), "{text}");
    }
    let (_, stdout, _) = run(index, &["cite", "Directive 2002/58/EC", "--format", "json"]);
    assert!(stdout.contains("\"in_index\":false"), "{stdout}");
}

#[test]
fn a_citation_typed_as_a_query_comes_first_in_its_language() {
    let Some(index) = corpus_index() else { return };
    let german = search_json(index, &["Art. 6 Abs. 1 lit. a DSGVO"]);
    assert_eq!(german["hits"][0]["id"], "32016R0679#art_6.par_1.pnt_a");
    let french = search_json(index, &["article 6, paragraphe 1, point a), du RGPD"]);
    assert_eq!(french["hits"][0]["id"], "32016R0679#art_6.par_1.pnt_a");
    assert_eq!(french["hits"][0]["lang"], "fr");
    let english = search_json(index, &["Article 6(1)(a) GDPR"]);
    assert_eq!(english["hits"][0]["lang"], "en");
}

#[test]
fn definitions_of_five_terms_in_three_languages() {
    let Some(index) = corpus_index() else { return };
    for (term, lang, id) in [
        ("personal data", "en", "32016R0679#art_4.pnt_1"),
        ("consent", "en", "32016R0679#art_4.pnt_11"),
        ("online platform", "en", "32022R2065#art_3.pnt_i"),
        (
            "interpersonal communications service",
            "en",
            "32018L1972#art_2.pnt_5",
        ),
        ("hosting service", "en", "52022PC0209#art_2.pnt_a"),
        (
            "données à caractère personnel",
            "fr",
            "32016R0679#art_4.pnt_1",
        ),
        ("plateforme en ligne", "fr", "32022R2065#art_3.pnt_i"),
        ("persoonsgegevens", "nl", "32016R0679#art_4.pnt_1"),
    ] {
        let (code, stdout, stderr) =
            run(index, &["define", term, "--lang", lang, "--format", "json"]);
        assert_eq!(code, 0, "{term}: {stderr}");
        let ids: Vec<String> = stdout
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).expect("json")["id"]
                    .as_str()
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        assert!(ids.contains(&id.to_string()), "{term} [{lang}]: {ids:?}");
    }
}

#[test]
fn cited_by_joins_law_and_commentary() {
    let Some(index) = corpus_index() else { return };
    let (code, stdout, _) = run(
        index,
        &[
            "cited-by",
            "32016R0679#art_6",
            "--format",
            "json",
            "--limit",
            "1000",
        ],
    );
    assert_eq!(code, 0);
    let response: Value = serde_json::from_str(&stdout).expect("json");
    let docs: BTreeSet<&str> = response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["doc_id"].as_str())
        .collect();
    assert!(
        docs.contains("52022PC0209"),
        "the CSA proposal cites Article 6(1)(c) GDPR: {docs:?}"
    );
    assert!(
        docs.iter().any(|d| d.starts_with("pdf/en_edpb")),
        "{docs:?}"
    );
    let (_, stdout, _) = run(
        index,
        &[
            "cited-by",
            "52022PC0209",
            "--kind",
            "statement,blog",
            "--format",
            "json",
            "--limit",
            "1000",
        ],
    );
    let response: Value = serde_json::from_str(&stdout).expect("json");
    let docs: BTreeSet<&str> = response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["doc_id"].as_str())
        .collect();
    assert!(
        docs.len() >= 3,
        "statements discussing the CSA proposal: {docs:?}"
    );
}

#[test]
fn versions_are_shown_once_per_language() {
    let Some(index) = corpus_index() else { return };
    let response = search_json(
        index,
        &[
            "\"lawfulness of processing\"",
            "--doc",
            "32016R0679",
            "--group",
            "unit",
            "--limit",
            "100",
        ],
    );
    let hits = response["hits"].as_array().unwrap();
    let en_art6: Vec<&Value> = hits
        .iter()
        .filter(|h| h["id"] == "32016R0679#art_6" && h["lang"] == "en")
        .collect();
    assert_eq!(
        en_art6.len(),
        1,
        "one English Article 6, from the primary version"
    );
}
