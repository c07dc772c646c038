//! The binary on a small corpus the tests write: indexing, every output format, exit codes,
//! the JSON shapes (snapshots), incremental runs and the commands around legal units.

mod fixtures;
mod util;

use serde_json::Value;
use util::{corpus_of, index_fresh, index_into, index_output, polidex, run, search_json};

/// A fresh index of the small corpus.
fn small_index() -> (tempfile::TempDir, tempfile::TempDir) {
    let corpus = corpus_of(&fixtures::small_corpus());
    let index = tempfile::tempdir().expect("temp dir");
    index_into(corpus.path(), index.path());
    (corpus, index)
}

fn ids(response: &Value) -> Vec<String> {
    response["hits"]
        .as_array()
        .map(|hits| {
            hits.iter()
                .map(|h| h["id"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn search_json_has_the_contract_shape() {
    let (_corpus, index) = small_index();
    let response = search_json(
        index.path(),
        &["consent keeper", "--lang", "en", "--group", "unit"],
    );
    insta::assert_json_snapshot!("search_consent_keeper", response, {".took_ms" => "[took]", ".fingerprint" => "[fingerprint]", ".hits[].score" => insta::rounded_redaction(2)});
}

#[test]
fn acts_get_their_celex_units_title_and_date() {
    let (_corpus, index) = small_index();
    let response = search_json(index.path(), &["copying lawful", "--group", "unit"]);
    let hit = &response["hits"][0];
    assert_eq!(hit["doc_id"], "32099R0001");
    assert_eq!(hit["kind"], "legislation");
    assert_eq!(hit["date"], "2099-01-03");
    assert!(
        hit["title"]
            .as_str()
            .unwrap_or("")
            .starts_with("REGULATION (EU) 2099/1")
    );
    assert!(
        ids(&response).contains(&"32099R0001#art_2".to_string()),
        "{:?}",
        ids(&response)
    );
}

/// `show ID --parallel LANGS --format json`, which must succeed: its object and stderr.
fn shown_in_parallel(index: &std::path::Path, id: &str, langs: &str) -> (Value, String) {
    let (code, stdout, stderr) = run(
        index,
        &["show", id, "--parallel", langs, "--format", "json"],
    );
    assert_eq!(code, 0, "{stderr}");
    (serde_json::from_str(&stdout).expect("json"), stderr)
}

#[test]
fn a_parallel_language_without_a_version_is_named_on_stderr() {
    let (_corpus, index) = small_index();
    let (shown, stderr) = shown_in_parallel(index.path(), "32099R0001", "en,de,fr");
    let langs: Vec<&str> = shown["versions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v["lang"].as_str())
        .collect();
    assert_eq!(langs, ["en", "fr"]);
    assert_eq!(stderr.trim(), "polidex: 32099R0001: no version in de");
}

#[test]
fn the_same_units_exist_in_both_languages() {
    let (_corpus, index) = small_index();
    let (shown, _) = shown_in_parallel(index.path(), "32099R0001", "en,fr");
    let unit_ids = |v: &Value| -> Vec<String> {
        v["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|u| u["unit"].as_str().map(str::to_string))
            .collect()
    };
    let en = unit_ids(&shown["versions"][0]);
    let fr = unit_ids(&shown["versions"][1]);
    assert_eq!(en, fr);
    assert_eq!(
        en,
        [
            "cit_1",
            "cit_2",
            "rct_1",
            "rct_2",
            "art_1",
            "art_1.pnt_1",
            "art_1.pnt_2",
            "art_2",
            "art_2.par_1",
            "art_2.par_1.pnt_a",
            "art_2.par_1.pnt_b",
            "art_2.par_2",
            "art_3"
        ]
    );
}

#[test]
fn words_are_stemmed_per_language_and_accents_fold() {
    let (_corpus, index) = small_index();
    for (query, lang, doc) in [
        ("keepers", "en", "32099R0001"),
        ("gardiens", "fr", "32099R0001"),
        ("consentement", "fr", "32099R0001"),
        ("logboek", "nl", "blog/nl_vuurtorens"),
        ("licite", "fr", "32099R0001"),
    ] {
        let response = search_json(index.path(), &[query, "--lang", lang]);
        let hits = response["hits"].as_array().cloned().unwrap_or_default();
        assert!(
            hits.iter().any(|hit| hit["doc_id"] == doc),
            "{query} does not find {doc}: {response}"
        );
    }
    let folded = search_json(index.path(), &["licite", "--lang", "fr"]);
    let accented = search_json(index.path(), &["licité", "--lang", "fr"]);
    assert_eq!(folded["total"], accented["total"]);
}

#[test]
fn phrases_prefixes_fields_and_booleans() {
    let (_corpus, index) = small_index();
    let total = |q: &str| {
        search_json(index.path(), &[q, "--group", "unit"])["total"]
            .as_u64()
            .unwrap_or(0)
    };
    assert!(total("\"consent of a keeper\"") >= 1);
    assert_eq!(total("\"keeper of a consent\""), 0);
    assert!(total("\"keeper consent\"~3") >= 1);
    assert!(total("lighth*") >= 2);
    assert!(total("keeper AND lang:fr") == 0);
    assert!(total("gardien AND lang:fr") >= 1);
    assert!(total("storms -children") < total("storms"));
    assert!(total("kind:statement") >= 1);
    assert!(total("date:[2099-02 TO 2099-12]") >= 2);
    assert_eq!(total("date:2010"), 0);
}

#[test]
fn title_queries_match_the_units_of_the_versions_so_titled() {
    let (_corpus, index) = small_index();
    let found = |q: &str| search_json(index.path(), &[q, "--group", "unit", "--limit", "100"]);
    let hits = |response: &Value| response["hits"].as_array().cloned().unwrap_or_default();
    // Every unit of the statement, and nothing else.
    let statement = found("title:\"welcome the logbook\"");
    assert!(statement["total"].as_u64().unwrap_or(0) >= 2, "{statement}");
    for hit in hits(&statement) {
        assert_eq!(hit["title"], "Keepers welcome the logbook rules", "{hit}");
    }
    assert_eq!(found("title:\"logbook welcome\"")["total"], 0);
    // A title is a version's: the French title finds the French units of the act only.
    let french = found("title:règlement");
    assert!(french["total"].as_u64().unwrap_or(0) >= 2, "{french}");
    for hit in hits(&french) {
        assert_eq!(
            (&hit["doc_id"], &hit["lang"]),
            (&"32099R0001".into(), &"fr".into())
        );
    }
    // Combined with words and other filters.
    assert!(
        found("storms AND title:keepers")["total"]
            .as_u64()
            .unwrap_or(0)
            >= 1
    );
    assert_eq!(found("title:keepers AND lang:fr")["total"], 0);
}

#[test]
fn every_output_format() {
    let (_corpus, index) = small_index();
    let (code, jsonl, _) = run(
        index.path(),
        &["search", "keeper", "--format", "jsonl", "--group", "unit"],
    );
    assert_eq!(code, 0);
    for line in jsonl.lines() {
        let hit: Value = serde_json::from_str(line).expect("jsonl line");
        assert!(hit["id"].is_string() && hit["highlights"].is_array());
    }
    let (_, csv, _) = run(
        index.path(),
        &["search", "keeper", "--format", "csv", "--group", "unit"],
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "query_id", "rank", "id", "doc_id", "unit", "lang", "kind", "date", "score", "title",
            "path", "snippet"
        ]
    );
    assert_eq!(reader.records().count(), jsonl.lines().count());
    let (_, text, _) = run(index.path(), &["search", "keeper"]);
    assert!(text.contains("hits"));
    assert!(!text.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn exit_codes_follow_grep() {
    let (_corpus, index) = small_index();
    assert_eq!(run(index.path(), &["search", "keeper"]).0, 0);
    assert_eq!(run(index.path(), &["search", "zeppelin"]).0, 1);
    let (code, _, stderr) = run(index.path(), &["search", "keeper AND (storm"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr.trim(),
        "polidex: invalid query: unclosed '(' at position 11"
    );
    let (code, _, stderr) = run(index.path(), &["search", "x", "--lang", "xx"]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("polidex: ")
            && stderr.contains("unknown language 'xx'")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    // A page holds at most 1,000 hits, as the API gives; a far offset is an error.
    let (code, stdout, stderr) = run(
        index.path(),
        &[
            "search",
            "keeper",
            "--limit",
            "1000000000",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let page: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(page["limit"], 1000);
    let (code, _, stderr) = run(index.path(), &["search", "x", "--offset", "1000000000"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("offset") && stderr.lines().count() == 1,
        "{stderr}"
    );
    // An id that is not indexed is nothing found; one that names no document is an error.
    let (code, _, stderr) = run(index.path(), &["show", "32099R0001#art_99"]);
    assert_eq!(
        (code, stderr.trim()),
        (1, "polidex: not found: unit 'art_99' of 32099R0001")
    );
    assert_eq!(run(index.path(), &["cited-by", "no-such-doc"]).0, 1);
    let (code, _, stderr) = run(index.path(), &["show", "#art_1"]);
    assert!(code == 2 && stderr.contains("invalid id"), "{stderr}");
    let (code, stdout, _) = run(
        index.path(),
        &["search", "keeper", "--limit", "0", "--format", "json"],
    );
    assert_eq!(code, 0);
    let zero: Value = serde_json::from_str(&stdout).expect("json");
    assert!(
        zero["total"].as_u64().unwrap_or(0) > 0
            && zero["hits"].as_array().is_some_and(Vec::is_empty)
    );
}

#[test]
fn a_reader_that_goes_away_ends_every_command_quietly() {
    let (_corpus, index) = small_index();
    let dir = index.path().to_str().unwrap_or_default();
    let commands: [&[&str]; 5] = [
        &["search", "keeper"],
        &["show", "32099R0001"],
        &["stats"],
        &["cite", "Article 6(1)(a) of Regulation (EU) 2016/679"],
        &["export"],
    ];
    for command in commands {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_polidex"))
            .env_remove("POLIDEX_INDEX")
            .args(command)
            .args(["--index", dir])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("polidex starts");
        // Closing the pipe before polidex has opened its index: its first write fails.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("polidex ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{command:?}: {stderr}");
        assert!(
            output.status.code().is_some_and(|c| c < 2),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn words_anded_in_each_language_match_and_score_as_words_anded_in_any() {
    let (_corpus, index) = small_index();
    // `(w OR absentword)` keeps a word out of the per-language conjunction of bare words.
    let apart = |query: &str| {
        query
            .split(' ')
            .map(|w| format!("({w} OR zzqxj)"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let hits = |response: &Value| -> Vec<(String, i64)> {
        response["hits"]
            .as_array()
            .map(|hits| {
                hits.iter()
                    .map(|h| {
                        let score = h["score"].as_f64().unwrap_or(0.0);
                        (h["id"].to_string(), (score * 1000.0).round() as i64)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    for query in [
        "protection journaux",
        "consent keeper",
        "copie journal gardien",
        "logboek wachter",
        "keeper gardien",
        "the keeper logbook consent",
    ] {
        let args = ["--group", "unit", "--limit", "50"];
        let together = search_json(index.path(), &[&[query][..], &args].concat());
        let apart = search_json(
            index.path(),
            &[&[apart(query).as_str()][..], &args].concat(),
        );
        assert_eq!(together["total"], apart["total"], "{query}");
        assert_eq!(hits(&together), hits(&apart), "{query}");
    }
    let found = search_json(index.path(), &["protection journaux", "--group", "unit"]);
    assert_eq!(ids(&found), ["32099R0001#rct_1"]);
    assert_eq!(found["hits"][0]["lang"], "fr");
}

#[test]
fn a_missing_or_corrupt_index_is_a_one_line_error() {
    let empty = tempfile::tempdir().expect("temp dir");
    let (code, _, stderr) = run(&empty.path().join("nope"), &["search", "x"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("no index here") && stderr.lines().count() == 1,
        "{stderr}"
    );
    std::fs::write(empty.path().join("meta.json"), b"{ not json").expect("write");
    let (code, _, stderr) = run(empty.path(), &["stats"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unreadable index") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn paging_is_stable_and_total_is_exact() {
    let (_corpus, index) = small_index();
    let all = search_json(
        index.path(),
        &[
            "keeper OR gardien OR storms",
            "--group",
            "unit",
            "--limit",
            "100",
        ],
    );
    let total = all["total"].as_u64().unwrap_or(0) as usize;
    assert_eq!(ids(&all).len(), total);
    let mut paged = Vec::new();
    for offset in (0..total).step_by(2) {
        let page = search_json(
            index.path(),
            &[
                "keeper OR gardien OR storms",
                "--group",
                "unit",
                "--limit",
                "2",
                "--offset",
                &offset.to_string(),
            ],
        );
        paged.extend(ids(&page));
    }
    assert_eq!(paged, ids(&all));
}

#[test]
fn sorting_by_date_puts_undated_last() {
    let (_corpus, index) = small_index();
    let newest = search_json(
        index.path(),
        &[
            "weather OR storms OR keeper",
            "--sort",
            "newest",
            "--limit",
            "50",
        ],
    );
    let dates: Vec<Option<String>> = newest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().map(str::to_string))
        .collect();
    let dated: Vec<&String> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let first_undated = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(
        dates[first_undated..].iter().all(Option::is_none),
        "{dates:?}"
    );
}

#[test]
fn facets_count_the_whole_result_set() {
    let (_corpus, index) = small_index();
    let response = search_json(
        index.path(),
        &["keeper OR gardien OR wachter", "--facets", "--limit", "1"],
    );
    let total = response["total"].as_u64().unwrap_or(0);
    let kinds: u64 = response["facets"]["kind"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(Value::as_u64)
        .sum();
    assert_eq!(kinds, total);
    let langs: u64 = response["facets"]["lang"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(Value::as_u64)
        .sum();
    assert_eq!(
        langs, total,
        "a document counts under its best unit's language"
    );
    let units = search_json(
        index.path(),
        &[
            "keeper OR gardien OR wachter",
            "--group",
            "unit",
            "--facets",
        ],
    );
    assert!(units["facets"]["lang"]["fr"].as_u64().unwrap_or(0) >= 1);
    assert!(response["facets"]["year"]["2099"].as_u64().unwrap_or(0) >= 1);
}

#[test]
fn all_streams_every_hit() {
    let (_corpus, index) = small_index();
    let (code, stdout, _) = run(
        index.path(),
        &[
            "search",
            "keeper OR gardien OR storms",
            "--all",
            "--group",
            "unit",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(code, 0);
    let counted = search_json(
        index.path(),
        &["keeper OR gardien OR storms", "--group", "unit"],
    )["total"]
        .as_u64()
        .unwrap_or(0);
    assert_eq!(stdout.lines().count() as u64, counted);
}

#[test]
fn usage_errors_are_one_line_naming_the_argument_at_fault() {
    let (_corpus, index) = small_index();
    for (args, named) in [
        (&["search"][..], "<QUERY>"),
        (
            &["search", "keeper", "--all", "--offset", "5"][..],
            "--offset",
        ),
        (&["search", "keeper", "--limit", "many"][..], "many"),
    ] {
        let (code, stdout, stderr) = run(index.path(), args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty(), "{args:?}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}

#[test]
fn indexing_a_path_that_is_not_there_is_a_usage_error() {
    let index = tempfile::tempdir().expect("temp dir");
    let missing = index.path().join("no-such-folder");
    let output = polidex()
        .arg("index")
        .arg(&missing)
        .arg("--index")
        .arg(index.path().join("ix"))
        .output()
        .expect("polidex runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-folder: no such file"), "{stderr}");
    assert!(!index.path().join("ix").exists(), "nothing written");
}

#[test]
fn incremental_runs_skip_replace_and_remove() {
    let corpus = corpus_of(&fixtures::small_corpus());
    let index = tempfile::tempdir().expect("temp dir");
    let index_run = || {
        polidex()
            .arg("index")
            .arg(corpus.path())
            .arg("--index")
            .arg(index.path())
            .output()
            .expect("runs")
    };
    let first = String::from_utf8_lossy(&index_run().stdout).into_owned();
    assert!(first.starts_with("indexed 5 files"), "{first}");
    let second = String::from_utf8_lossy(&index_run().stdout).into_owned();
    assert!(
        second.starts_with("indexed 0 files") && second.contains("unchanged 5"),
        "{second}"
    );
    std::fs::write(
        corpus.path().join("notes/weather.txt"),
        b"Now about zeppelins.",
    )
    .expect("write");
    std::fs::remove_file(corpus.path().join("blog/nl_vuurtorens.md")).expect("remove");
    let third = String::from_utf8_lossy(&index_run().stdout).into_owned();
    assert!(
        third.starts_with("indexed 1 files") && third.contains("removed 1"),
        "{third}"
    );
    assert_eq!(run(index.path(), &["search", "zeppelins"]).0, 0);
    assert_eq!(run(index.path(), &["search", "vuurtorenwachters"]).0, 1);
}

#[test]
fn stats_reports_counts_and_a_stable_fingerprint() {
    let (corpus, index) = small_index();
    let (code, stdout, _) = run(index.path(), &["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let stats: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(stats["documents"], 4);
    assert_eq!(stats["lang"]["fr"], 1);
    let other = tempfile::tempdir().expect("temp dir");
    polidex()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(other.path())
        .assert()
        .success();
    let (_, again, _) = run(other.path(), &["stats", "--format", "json"]);
    let again: Value = serde_json::from_str(&again).expect("json");
    assert_eq!(stats["fingerprint"], again["fingerprint"]);
    let response = search_json(index.path(), &["keeper"]);
    assert_eq!(response["fingerprint"], stats["fingerprint"]);
}

#[test]
fn a_citation_query_pins_the_cited_unit() {
    let (_corpus, index) = small_index();
    let response = search_json(index.path(), &["Article 2(1)(a) of Regulation (EU) 2099/1"]);
    assert_eq!(response["hits"][0]["id"], "32099R0001#art_2.par_1.pnt_a");
    assert_eq!(response["hits"][0]["lang"], "en");
    let french = search_json(
        index.path(),
        &["article 2, paragraphe 1, point a), du règlement (UE) 2099/1"],
    );
    assert_eq!(french["hits"][0]["id"], "32099R0001#art_2.par_1.pnt_a");
    assert_eq!(french["hits"][0]["lang"], "fr");
    let eli = search_json(index.path(), &["http://data.europa.eu/eli/reg/2099/1/oj"]);
    assert_eq!(
        eli["hits"][0]["id"], "32099R0001",
        "the URI's ':' is the citation's"
    );
    let (code, _, stderr) = run(
        index.path(),
        &["search", "Article 2(1)(a) of Regulation (EU) 2099/1)"],
    );
    assert_eq!(code, 2, "a ')' beyond the citation is malformed: {stderr}");
    assert!(stderr.contains("position 41"), "{stderr}");
}

#[test]
fn cite_define_and_cited_by() {
    let (_corpus, index) = small_index();
    let (code, stdout, _) = run(
        index.path(),
        &[
            "cite",
            "See Article 2(1)(a) of Regulation (EU) 2099/1 and Directive 2002/58/EC.",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0);
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines[0]["id"], "32099R0001#art_2.par_1.pnt_a");
    assert_eq!(lines[0]["in_index"], true);
    assert_eq!(lines[1]["id"], "32002L0058");
    assert_eq!(lines[1]["in_index"], false);
    assert_eq!(run(index.path(), &["cite", "page 6, line 1"]).0, 1);

    let (code, stdout, _) = run(index.path(), &["define", "logbook", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let definition: Value =
        serde_json::from_str(stdout.lines().next().unwrap_or("")).expect("json");
    assert_eq!(definition["id"], "32099R0001#art_1.pnt_1");
    let (_, french, _) = run(
        index.path(),
        &["define", "journal", "--lang", "fr", "--format", "json"],
    );
    assert!(french.contains("32099R0001#art_1.pnt_1"), "{french}");

    let (code, stdout, _) = run(
        index.path(),
        &["cited-by", "32099R0001#art_2", "--format", "json"],
    );
    assert_eq!(code, 0);
    let cited: Value = serde_json::from_str(&stdout).expect("json");
    assert!(
        ids(&cited)
            .iter()
            .any(|id| id.starts_with("statements/keepers-union#")),
        "{:?}",
        ids(&cited)
    );
}

#[test]
fn batch_answers_every_line_in_order() {
    let (_corpus, index) = small_index();
    let input = "keeper\nq2\tgardien\n{\"id\": \"j\", \"q\": \"storms\", \"lang\": \"en\"}\nbroken (query\n\n{\"q\": 1}\n";
    let output = polidex()
        .args(["batch", "-", "--index"])
        .arg(index.path())
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(2),
        "a bad line makes the run exit 2"
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let query_ids: Vec<&str> = lines
        .iter()
        .map(|l| l["query_id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(query_ids, ["1", "q2", "j", "4", "6"]);
    assert!(lines[0]["total"].as_u64().unwrap_or(0) > 0 && lines[0]["error"].is_null());
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap_or("")
            .contains("position")
    );
    let single = search_json(index.path(), &["keeper"]);
    assert_eq!(lines[0]["hits"], single["hits"]);

    let csv = polidex()
        .args(["batch", "-", "--format", "csv", "--index"])
        .arg(index.path())
        .write_stdin(input)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&csv.stderr);
    assert_eq!(csv.status.code(), Some(2));
    assert!(
        stderr.contains("query 4: invalid query:"),
        "CSV has no error column: the reason is on stderr: {stderr}"
    );
}

#[test]
fn a_second_index_run_on_a_locked_index_is_refused() {
    let (corpus, index) = small_index();
    let lock = index.path().join(".tantivy-writer.lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock)
        .expect("lock file");
    file.lock().expect("take the writer lock");
    let output = polidex()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("locked by another"), "{stderr}");
    file.unlock().expect("unlock");
    assert_eq!(
        run(index.path(), &["search", "keeper"]).0,
        0,
        "searching works while locked"
    );
}

#[test]
fn the_sidecar_catalogue_overrides_metadata_and_skips_files() {
    let corpus = corpus_of(&[
        (
            "notes/memo.txt",
            b"The lighthouse keeper wrote a memo on encrypted messaging.\n",
        ),
        (
            "notes/other.txt",
            b"Another lighthouse note about storms and harbours.\n",
        ),
        ("drafts/secret.txt", b"A lighthouse draft nobody may find.\n"),
        (
            "polidex.catalog.jsonl",
            br#"{"path": "notes/", "kind": "statement", "publisher": "Harbour Board"}
{"path": "notes/memo.txt", "title": "Memo of the keeper", "date": "2023-05-17", "kind": "blog", "lang": "fr", "doc_id": "memo-2023"}
{"path": "drafts/", "skip": true}
this line is not JSON
"#,
        ),
    ]);
    let index = tempfile::tempdir().expect("temp dir");
    let output = index_output(corpus.path(), index.path());
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("polidex.catalog.jsonl: line 4, column 2: "),
        "a malformed line is reported with its number: {stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(", failed 0 in "),
        "a catalogue line left out is no failed file: {stdout}"
    );
    let response = search_json(index.path(), &["lighthouse", "--facets"]);
    assert_eq!(response["total"], 2, "the skipped folder is left out");
    let memo = &response["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["path"] == "notes/memo.txt")
        .expect("the memo is found")
        .clone();
    assert_eq!(memo["doc_id"], "memo-2023");
    assert_eq!(memo["title"], "Memo of the keeper");
    assert_eq!(memo["date"], "2023-05-17");
    assert_eq!(memo["kind"], "blog", "a file's entry beats its folder's");
    assert_eq!(memo["lang"], "fr");
    assert_eq!(
        response["facets"]["kind"]["statement"], 1,
        "the folder's kind"
    );
    assert_eq!(response["facets"]["publisher"]["Harbour Board"], 2);

    // Skipping a file indexed before removes it.
    let catalogue = corpus.path().join("polidex.catalog.jsonl");
    let mut lines = std::fs::read_to_string(&catalogue).expect("catalogue");
    lines.push_str("{\"path\": \"notes/other.txt\", \"skip\": true}\n");
    std::fs::write(&catalogue, lines).expect("catalogue written");
    let output = index_output(corpus.path(), index.path());
    let summary = String::from_utf8_lossy(&output.stdout);
    assert!(summary.contains("removed 1"), "{summary}");
    let response = search_json(index.path(), &["lighthouse"]);
    assert_eq!(response["total"], 1, "the newly skipped file is gone");
}

#[test]
fn a_version_record_beside_a_crawled_act_gives_its_metadata_and_is_not_indexed() {
    // A EUR-Lex crawl: the page says neither the act nor its language (its `<title>` and
    // `lang` are the interface's); `meta.json` beside it does.
    let page = br#"<html lang="en"><head><title>Implementing regulation - 2017/1486 - EN - EUR-Lex</title></head>
<body><p>La Commission adopte des portefeuilles de reference pour le phare de la mer.</p></body></html>"#;
    let record = br#"{
  "work_identifier": "http://publications.europa.eu/resource/celex/32017R1486",
  "publisher_version_identifier": "http://publications.europa.eu/resource/celex/32017R1486",
  "publication_date": "2017-07-10",
  "expressions": [
    {"language": "fr", "title": "Reglement d'execution (UE) 2017/1486 de la Commission du 10 juillet 2017",
     "observations": [{"file": "fr.html"}]}
  ]
}"#;
    let corpus = corpus_of(&[
        ("works/32017r1486/versions/2017-07-10--2b3c/fr.html", page),
        (
            "works/32017r1486/versions/2017-07-10--2b3c/meta.json",
            record,
        ),
    ]);
    let (index, code, stdout, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.contains("skipped 1, failed 0") && !stderr.contains("meta.json"),
        "the record is no failed document: {stdout} {stderr}"
    );
    let response = search_json(index.path(), &["phare"]);
    assert_eq!(response["total"], 1, "only the page is indexed");
    let hit = &response["hits"][0];
    assert_eq!(hit["doc_id"], "32017R1486");
    assert_eq!(hit["kind"], "legislation");
    assert_eq!(hit["lang"], "fr");
    assert_eq!(hit["date"], "2017-07-10");
    assert!(
        hit["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Reglement d'execution (UE) 2017/1486")),
        "{}",
        hit["title"]
    );
}

#[test]
fn an_endless_catalogue_title_is_cut() {
    let catalogue = format!(
        "{{\"path\": \"memo.txt\", \"title\": \"Keeper {}\", \"publisher\": \"{}\"}}\n",
        "é".repeat(100_000),
        "Harbour ".repeat(20_000)
    );
    let corpus = corpus_of(&[
        ("memo.txt", b"The lighthouse keeper wrote a memo.\n"),
        ("polidex.catalog.jsonl", catalogue.as_bytes()),
    ]);
    let index = tempfile::tempdir().expect("temp dir");
    index_into(corpus.path(), index.path());
    let response = search_json(index.path(), &["title:keeper"]);
    let title = response["hits"][0]["title"].as_str().unwrap_or("");
    assert!(
        title.starts_with("Keeper éé") && title.ends_with('…'),
        "{title:.40}"
    );
    assert_eq!(title.chars().count(), 501);
}

#[test]
fn a_file_of_too_many_paragraphs_is_cut_and_says_so() {
    let many = "word\n\n".repeat(polidex::limits::MAX_UNITS_PER_FILE + 10);
    let corpus = corpus_of(&[("many.txt", many.as_bytes())]);
    let (_index, code, stdout, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("many.txt: indexed its first 200000 units only"),
        "{stderr}"
    );
    assert!(stdout.contains("200000 units"), "{stdout}");
    assert!(stdout.contains("failed 0"), "indexed, not failed: {stdout}");
}

#[test]
fn a_page_of_too_much_markup_is_cut_and_says_so() {
    let paragraphs = "<p>word</p>".repeat(polidex::limits::MAX_HTML_MARKUP / 2 + 10);
    let page = format!("<html><body><p>lighthouse</p>{paragraphs}</body></html>");
    let corpus = corpus_of(&[("big.html", page.as_bytes())]);
    let (index, code, stdout, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("big.html: read its first 2000000 tags and attributes only"),
        "{stderr}"
    );
    assert!(stdout.contains("failed 0"), "indexed, not failed: {stdout}");
    assert_eq!(search_json(index.path(), &["lighthouse"])["total"], 1);
}

#[test]
fn filters_do_not_change_scores() {
    let (_corpus, index) = small_index();
    let scores = |args: &[&str]| -> Vec<(String, f64)> {
        let response = search_json(index.path(), args);
        let hits = response["hits"].as_array().cloned().unwrap_or_default();
        hits.iter()
            .map(|h| (h["id"].to_string(), h["score"].as_f64().unwrap_or(-1.0)))
            .collect()
    };
    let plain = scores(&["keeper", "--limit", "100"]);
    for filtered in [
        scores(&["keeper", "--lang", "en"]),
        scores(&["keeper lang:en"]),
        scores(&["keeper", "--kind", "statement", "--kind", "blog"]),
        scores(&["keeper", "--from", "2099-01", "--to", "2099-12"]),
    ] {
        assert!(!filtered.is_empty());
        for hit in &filtered {
            assert!(plain.contains(hit), "{hit:?} not in {plain:?}");
        }
    }
}

#[test]
fn a_plain_text_act_is_known_by_the_number_in_its_title() {
    let act = "REGULATION (EU) 2099/7 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\n\
               of 3 January 2099\n\non lighthouse logs\n\n\
               THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,\n\n\
               Having regard to the Treaty,\n\nHAVE ADOPTED THIS REGULATION:\n\n\
               Article 1\n\nKeepers shall keep a logbook.\n\n\
               Article 2\n\nThis Regulation shall enter into force tomorrow.\n";
    let corpus = corpus_of(&[("acts/logs.txt", act.as_bytes())]);
    let (index, code, _, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    let hit = &search_json(index.path(), &["logbook"])["hits"][0];
    assert_eq!(hit["id"], "32099R0007#art_1");
    assert_eq!(hit["kind"], "legislation");
    assert_eq!(hit["date"], "2099-01-03");
    assert_eq!(
        hit["title"],
        "REGULATION (EU) 2099/7 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL of 3 January 2099 on lighthouse logs"
    );
}

#[test]
fn a_declared_title_is_searchable_text() {
    let note = "---\ntitle: Hedgehog corridors explained\n---\n\nGardens need gaps in fences.\n";
    let corpus = corpus_of(&[
        ("notes/n01.md", note.as_bytes()),
        ("notes/n02.md", b"Gaps in the hedge.\n\nNo title here.\n"),
    ]);
    let (index, code, _, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    let response = search_json(index.path(), &["corridors", "--group", "unit"]);
    assert_eq!(ids(&response), ["notes/n01"]);
    // A file's first paragraph, standing in for a title it lacks, is not indexed twice.
    let response = search_json(index.path(), &["gaps", "--group", "unit"]);
    assert_eq!(ids(&response).len(), 2, "{response}");
}

#[test]
fn define_finds_a_term_defined_in_an_inflected_form() {
    let act = "NAŘÍZENÍ EVROPSKÉHO PARLAMENTU A RADY (EU) 2099/8\n\n\
               ze dne 3. ledna 2099\n\no ochraně ježků\n\n\
               Článek 1\n\nToto nařízení chrání ježky.\n\n\
               Článek 2\n\nPro účely tohoto nařízení se rozumí:\n\n\
               1) „ježkem“ jakékoli zvíře z čeledi Erinaceidae;\n\n\
               2) „městskou zahradou“ zahrada v obci.\n";
    let corpus = corpus_of(&[("acts/cs.txt", act.as_bytes())]);
    let (index, code, _, stderr) = index_fresh(corpus.path());
    assert_eq!(code, Some(0), "{stderr}");
    for (wanted, defined) in [
        ("ježkem", "ježkem"),
        ("ježek", "ježkem"),
        ("Městská zahrada", "městskou zahradou"),
    ] {
        let (code, stdout, stderr) = run(index.path(), &["define", wanted, "--format", "json"]);
        assert_eq!(code, 0, "{wanted}: {stderr}");
        let first: Value = serde_json::from_str(stdout.lines().next().unwrap_or("")).expect("json");
        assert_eq!(first["term"], defined, "{wanted}");
    }
    assert_eq!(run(index.path(), &["define", "jezevec"]).0, 1);
}

#[test]
fn an_edited_corpus_scores_as_a_fresh_index_of_it() {
    let corpus = corpus_of(&[
        (
            "a.txt",
            b"The lighthouse keeper keeps the lighthouse log.\n",
        ),
        (
            "b.txt",
            b"A lighthouse stands on the rock.\n\nStorms pass.\n",
        ),
        ("c.txt", b"Keepers write logs every night.\n"),
    ]);
    let incremental = tempfile::tempdir().expect("temp dir");
    index_into(corpus.path(), incremental.path());
    std::fs::write(corpus.path().join("b.txt"), "Storms pass the lighthouse.\n").expect("edit");
    std::fs::remove_file(corpus.path().join("c.txt")).expect("delete");
    index_into(corpus.path(), incremental.path());
    let fresh = tempfile::tempdir().expect("temp dir");
    index_into(corpus.path(), fresh.path());
    let hits = |index: &std::path::Path| {
        let response = search_json(index, &["lighthouse", "--group", "unit"]);
        response["hits"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|h| format!("{} {:.5}", h["id"], h["score"].as_f64().unwrap_or(0.0)))
            .collect::<Vec<_>>()
    };
    assert_eq!(hits(incremental.path()), hits(fresh.path()));
}

#[test]
fn a_translated_paragraph_is_a_unit_of_its_letter_stemmed_in_its_own_language() {
    let letter = "---\nlang: cs\n---\n\nOtevřený dopis vládě České republiky o ochraně soukromé komunikace. \
Vážený pane premiére, obracíme se na vás jménem organizací občanské společnosti, které \
dlouhodobě hájí základní práva a svobody občanů v digitálním prostředí. Navrhované nařízení \
by zavedlo plošné skenování soukromých zpráv, což považujeme za nepřiměřený zásah do \
soukromí všech uživatelů.\n\n\
Žádáme proto vládu, aby v Radě Evropské unie hlasovala proti návrhu, který by oslabil \
šifrování a ohrozil bezpečnost komunikace novinářů, lékařů, advokátů i běžných občanů. \
Ochrana dětí je důležitá, ale musí být prosazována přiměřenými a účinnými prostředky.\n\n\
Open letter to the Government of the Czech Republic. Dear Prime Minister, we are writing \
on behalf of civil society organisations which have long defended the fundamental rights \
and freedoms of citizens online. The proposed regulation would introduce the scanning of \
all private messages, which we consider a disproportionate interference with the privacy \
of every user and with the encryption that protects journalists.\n";
    let corpus = corpus_of(&[("letters/dopis.md", letter.as_bytes())]);
    let index = tempfile::tempdir().expect("temp dir");
    index_into(corpus.path(), index.path());
    // `journalist` meets `journalists` only through the English stemmer.
    let response = search_json(index.path(), &["journalist", "--group", "unit"]);
    assert_eq!(response["total"], 1, "{response}");
    let hit = &response["hits"][0];
    assert_eq!(hit["id"], "letters/dopis#p_3");
    assert_eq!(hit["lang"], "cs", "a unit of the letter's only version");
    assert_ne!(hit["highlights"], serde_json::json!([]), "{hit}");
    let (code, _, stderr) = run(index.path(), &["show", "letters/dopis#p_3", "--lang", "cs"]);
    assert_eq!(code, 0, "the hit opens: {stderr}");
    let stats: Value = serde_json::from_str(&run(index.path(), &["stats", "--format", "json"]).1)
        .expect("stats json");
    assert_eq!(stats["lang"], serde_json::json!({"cs": 1}));
}
