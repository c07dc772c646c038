//! Warm query latency of polidex through the library, for `benches/peers.py`.
//!
//! Opens an index once, runs every query of a file once to warm the caches, then times each
//! query `--runs` times (a snapshot and a search per query, as the HTTP API does per
//! request: top 10, grouped by document, exact total, snippets) and prints one JSON object:
//! `{"queries", "errors", "with_hits", "runs": [[microseconds per query], ...]}`.
//!
//! `cargo bench` runs it without arguments; it then says it is skipped and exits 0.
//! Usage: `warm --index DIR --queries FILE [--runs N]`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use polidex::index::reader::IndexHandle;
use polidex::search::execute::{SearchRequest, search};

const USAGE: &str = "usage: warm --index DIR --queries FILE [--runs N]";

/// What to measure, from the command line.
struct Args {
    index: PathBuf,
    queries: PathBuf,
    runs: usize,
}

/// What one query gave on its last run.
struct Outcome {
    micros: u64,
    total: Option<u64>,
}

/// Reads the arguments; `Ok(None)` when there is nothing to do (a bare `cargo bench`).
fn parse_args() -> Result<Option<Args>, String> {
    let mut index = None;
    let mut queries = None;
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--index" => index = args.next().map(PathBuf::from),
            "--queries" => queries = args.next().map(PathBuf::from),
            "--runs" => {
                let value = args.next().unwrap_or_default();
                runs = value
                    .parse()
                    .map_err(|_| format!("--runs: not a number: {value:?}"))?;
            }
            // `cargo bench` passes `--bench` to every benchmark binary.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}; {USAGE}")),
        }
    }
    match (index, queries) {
        (None, None) => Ok(None),
        (Some(index), Some(queries)) => Ok(Some(Args {
            index,
            queries,
            runs,
        })),
        _ => Err(format!("--index and --queries go together; {USAGE}")),
    }
}

fn read_queries(args: &Args) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(&args.queries)
        .map_err(|e| format!("{}: {e}", args.queries.display()))?;
    let queries: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(String::from)
        .collect();
    if queries.is_empty() {
        return Err(format!("{}: no queries", args.queries.display()));
    }
    Ok(queries)
}

/// Runs one query as the API would and times it; `total` is `None` on an error.
fn run_query(handle: &IndexHandle, query: &str) -> Result<Outcome, String> {
    let request = SearchRequest {
        query: query.to_string(),
        limit: 10,
        ..Default::default()
    };
    let started = Instant::now();
    let snapshot = handle
        .snapshot()
        .map_err(|e| format!("{}: {e}", handle.dir().display()))?;
    let total = search(&snapshot, &request).ok().map(|r| r.total);
    let micros = started.elapsed().as_micros() as u64;
    Ok(Outcome { micros, total })
}

fn measure(args: &Args) -> Result<serde_json::Value, String> {
    let queries = read_queries(args)?;
    let handle = IndexHandle::open(&args.index, false)
        .map_err(|e| format!("{}: {e}", args.index.display()))?;
    for query in &queries {
        run_query(&handle, query)?;
    }
    let mut last = Vec::new();
    let mut runs = Vec::with_capacity(args.runs);
    for _ in 0..args.runs {
        last = queries
            .iter()
            .map(|query| run_query(&handle, query))
            .collect::<Result<_, _>>()?;
        runs.push(last.iter().map(|o| o.micros).collect::<Vec<_>>());
    }
    let errors = last.iter().filter(|o| o.total.is_none()).count();
    let with_hits = last
        .iter()
        .filter(|o| o.total.is_some_and(|t| t > 0))
        .count();
    Ok(serde_json::json!({
        "queries": queries.len(),
        "errors": errors,
        "with_hits": with_hits,
        "runs": runs,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            eprintln!("warm: skipped: benches/peers.py runs it with --index DIR --queries FILE");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("warm: {message}");
            return ExitCode::from(2);
        }
    };
    match measure(&args) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("warm: {message}");
            ExitCode::from(2)
        }
    }
}
