//! Researchers' workflows on the reference corpus: a batch of a few hundred queries in all
//! three input forms (from stdin and from a file), equal to `search`; CSV that Python's csv
//! module reads back; facet counts equal to counts over the `--all` export; date sorting.

mod util;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};
use util::{corpus_index, polidex, run, search_json};

/// Words and phrases researchers type, in the corpus's languages.
const TERMS: &[&str] = &[
    "child sexual abuse",
    "consent of a child",
    "personal data",
    "hosting service",
    "detection order",
    "end-to-end encryption",
    "interpersonal communications",
    "\"electronic communications\"",
    "hash* AND detection",
    "PhotoDNA",
    "grooming",
    "client-side scanning",
    "privacy NOT encryption",
    "\"data protection\"~3",
    "supervisory authority",
    "risk assessment",
    "EU Centre",
    "voluntary detection",
    "derogation",
    "Europol",
    "données à caractère personnel",
    "abus sexuels",
    "chiffrement",
    "fournisseurs de services",
    "consentement",
    "persoonsgegevens",
    "kinderpornografie",
    "versleuteling",
    "toezichthoudende autoriteit",
    "Einwilligung",
    "Chatkontrolle",
    "Verschlüsselung",
    "personenbezogene Daten",
    "osobní údaje",
    "dane osobowe",
    "személyes adatok",
    "henkilötiedot",
    "osebni podatki",
    "title:regulation",
    "lang:fr AND protection",
    "kind:statement",
    "date:[2022 TO 2023]",
    "Article 6(1)(a) GDPR",
    "Regulation (EU) 2021/1232",
    "COM(2022) 209",
    "zzzunfindableword",
];

/// The batch input: every term as a plain line, as `id<TAB>query` and as a JSON line with
/// filters, with one malformed line in the middle. Returns the input and the expected ids.
fn batch_input() -> (String, Vec<String>) {
    let filters = [
        json!({}),
        json!({"lang": "en"}),
        json!({"kind": "legislation"}),
        json!({"from": "2020", "to": "2024-06"}),
        json!({"lang": "fr", "limit": 3}),
    ];
    let mut lines = Vec::new();
    let mut ids = Vec::new();
    for (n, term) in TERMS.iter().enumerate() {
        lines.push(term.to_string());
        ids.push((lines.len()).to_string());
        lines.push(format!("t{n}\t{term}"));
        ids.push(format!("t{n}"));
        for (f, filter) in filters.iter().enumerate() {
            let mut object = filter.clone();
            object["id"] = json!(format!("j{n}.{f}"));
            object["q"] = json!(term);
            lines.push(object.to_string());
            ids.push(format!("j{n}.{f}"));
        }
        if n == TERMS.len() / 2 {
            lines.push("broken (query".to_string());
            ids.push(lines.len().to_string());
        }
    }
    (lines.join("\n") + "\n", ids)
}

fn batch(index: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    let output = polidex()
        .arg("batch")
        .args(args)
        .arg("--index")
        .arg(index)
        .write_stdin(stdin)
        .output()
        .expect("polidex runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn hit_ids(hits: &Value) -> Vec<&str> {
    hits.as_array()
        .map(|h| h.iter().filter_map(|h| h["id"].as_str()).collect())
        .unwrap_or_default()
}

/// The `search` arguments that a batch JSON line's filters stand for.
fn search_args(line: &Value) -> Vec<String> {
    let mut args = vec![line["q"].as_str().unwrap_or("").to_string()];
    for (key, flag) in [
        ("lang", "--lang"),
        ("kind", "--kind"),
        ("from", "--from"),
        ("to", "--to"),
    ] {
        if let Some(value) = line[key].as_str() {
            args.extend([flag.to_string(), value.to_string()]);
        }
    }
    if let Some(limit) = line["limit"].as_u64() {
        args.extend(["--limit".to_string(), limit.to_string()]);
    }
    args
}

#[test]
fn a_batch_of_hundreds_of_queries_answers_in_order_like_search() {
    let Some(index) = corpus_index() else {
        return;
    };
    let (input, ids) = batch_input();
    assert!(ids.len() >= 300, "{} queries", ids.len());
    let (code, stdout, stderr) = batch(index, &["-", "--jobs", "2"], &input);
    assert_eq!(code, 2, "one malformed line makes the run exit 2: {stderr}");
    let answers: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let answered: Vec<&str> = answers
        .iter()
        .map(|a| a["query_id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(answered, ids, "one line per query, in input order");

    let errors: Vec<&Value> = answers.iter().filter(|a| !a["error"].is_null()).collect();
    assert_eq!(errors.len(), 1, "only the malformed line fails: {errors:?}");
    assert_eq!(errors[0]["query"], "broken (query");
    let found = answers
        .iter()
        .filter(|a| a["total"].as_u64().unwrap_or(0) > 0)
        .count();
    assert!(
        found * 10 >= answers.len() * 7,
        "{found} of {} found something",
        answers.len()
    );

    // Every fifth answer (all forms and filters among them) equals `search` on the same query.
    let inputs: Vec<&str> = input.lines().collect();
    for (line, answer) in inputs.iter().zip(&answers).step_by(5) {
        if !answer["error"].is_null() {
            continue;
        }
        let parsed: Value = serde_json::from_str(line).unwrap_or_else(|_| {
            let query = line.split_once('\t').map_or(*line, |(_, q)| q);
            json!({ "q": query })
        });
        let args = search_args(&parsed);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let single = search_json(index, &args);
        assert_eq!(answer["total"], single["total"], "{line}");
        assert_eq!(hit_ids(&answer["hits"]), hit_ids(&single["hits"]), "{line}");
    }

    // The same batch from a file gives the same lines, whatever the number of jobs.
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), &input).expect("write the batch");
    let path = file.path().to_string_lossy().into_owned();
    let (code, from_file, _) = batch(index, &[&path, "--jobs", "1"], "");
    assert_eq!(code, 2);
    let without_timing = |text: &str| -> Vec<Value> {
        text.lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).expect("json");
                v.as_object_mut().map(|o| o.remove("took_ms"));
                v
            })
            .collect()
    };
    assert_eq!(without_timing(&from_file), without_timing(&stdout));
}

#[test]
fn batch_csv_reads_back_with_pythons_csv_module() {
    let Some(index) = corpus_index() else {
        return;
    };
    let (input, _) = batch_input();
    let out = tempfile::tempdir().expect("temp dir");
    let csv_path = out.path().join("hits.csv");
    let csv_arg = csv_path.to_string_lossy().into_owned();
    let (code, stdout, stderr) = batch(
        index,
        &["-", "--format", "csv", "--output", &csv_arg],
        &input,
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty(), "--output takes the rows: {stdout}");
    let (_, jsonl, _) = batch(index, &["-"], &input);
    let expected_rows: usize = jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| v["hits"].as_array().map_or(0, Vec::len))
        .sum();

    let Some(python) = ["python3", "python"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    }) else {
        assert!(std::env::var("CI").is_err(), "python3 is needed under CI");
        eprintln!("skipped: no python3 to read the CSV back");
        return;
    };
    let script = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
bad = [r for r in rows if len(r) != len(header)]
print(json.dumps({"header": header, "rows": len(rows), "bad": len(bad),
                  "snippets_with_newline_or_quote": sum(1 for r in rows if '"' in r[-1] or ',' in r[-1]),
                  "first": rows[0] if rows else None}))
"#;
    let output = std::process::Command::new(python)
        .args(["-c", script, &csv_arg])
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).expect("python's summary");
    assert_eq!(
        read["header"],
        json!([
            "query_id", "rank", "id", "doc_id", "unit", "lang", "kind", "date", "score", "title",
            "path", "snippet"
        ])
    );
    assert_eq!(read["bad"], 0, "every row has every column");
    assert_eq!(
        read["rows"].as_u64(),
        Some(expected_rows as u64),
        "one row per hit"
    );
    assert!(
        read["snippets_with_newline_or_quote"].as_u64().unwrap_or(0) > 0,
        "quoting was exercised"
    );
    assert_eq!(read["first"][1], "1", "ranks start at 1");
}

/// Counts of `key` (or of the year of `date`) over the hits of an `--all` export.
fn counted(hits: &[Value], key: &str) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for hit in hits {
        let value = match key {
            "year" => hit["date"].as_str().map(|d| d[..4].to_string()),
            _ => hit[key].as_str().map(str::to_string),
        };
        if let Some(value) = value {
            *counts.entry(value).or_default() += 1;
        }
    }
    counts
}

fn exported(index: &Path, query: &str, group: &str) -> Vec<Value> {
    let (code, stdout, stderr) = run(
        index,
        &[
            "search", query, "--all", "--group", group, "--format", "jsonl",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON hit"))
        .collect()
}

#[test]
fn facet_counts_equal_counts_over_the_full_export() {
    let Some(index) = corpus_index() else {
        return;
    };
    for query in [
        "child",
        "personal data OR données",
        "encryption OR chiffrement OR versleuteling",
    ] {
        for group in ["doc", "unit"] {
            let faceted = search_json(
                index,
                &[query, "--group", group, "--facets", "--limit", "1"],
            );
            let hits = exported(index, query, group);
            assert_eq!(
                faceted["total"].as_u64(),
                Some(hits.len() as u64),
                "{query} {group}"
            );
            for (facet, key) in [
                ("lang", "lang"),
                ("kind", "kind"),
                ("year", "year"),
                ("doc", "doc_id"),
            ] {
                let facets: BTreeMap<String, u64> =
                    serde_json::from_value(faceted["facets"][facet].clone()).unwrap_or_default();
                assert_eq!(
                    facets,
                    counted(&hits, key),
                    "{query} --group {group}: facet {facet}"
                );
            }
        }
    }
}

#[test]
fn sorting_by_date_is_monotonic_stable_and_puts_undated_last() {
    let Some(index) = corpus_index() else {
        return;
    };
    let query = "child OR enfant OR kind OR Kind";
    for (sort, newest_first) in [("newest", true), ("oldest", false)] {
        let (code, stdout, _) = run(
            index,
            &[
                "search", query, "--all", "--sort", sort, "--group", "unit", "--format", "jsonl",
            ],
        );
        assert_eq!(code, 0);
        let keys: Vec<(Option<String>, String)> = stdout
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .map(|h| {
                (
                    h["date"].as_str().map(str::to_string),
                    h["id"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        assert!(keys.len() > 100, "{} hits", keys.len());
        let first_undated = keys
            .iter()
            .position(|(d, _)| d.is_none())
            .unwrap_or(keys.len());
        assert!(
            keys[first_undated..].iter().all(|(d, _)| d.is_none()),
            "undated last"
        );
        for pair in keys.windows(2) {
            let ((d1, id1), (d2, id2)) = (&pair[0], &pair[1]);
            match (d1, d2) {
                (Some(a), Some(b)) if a == b => assert!(id1 <= id2, "ties by id: {id1} {id2}"),
                (Some(a), Some(b)) => {
                    assert_eq!(a > b, newest_first, "--sort {sort}: {a} then {b}")
                }
                (None, None) => assert!(id1 <= id2, "undated ties by id: {id1} {id2}"),
                _ => {}
            }
        }
        // Paging the sorted list gives the same order as the export.
        let page = search_json(
            index,
            &[
                query, "--sort", sort, "--group", "unit", "--offset", "7", "--limit", "5",
            ],
        );
        let ids: Vec<&str> = hit_ids(&page["hits"]);
        let expected: Vec<&str> = keys[7..12].iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, expected, "--sort {sort} pages like the export");
    }
}
