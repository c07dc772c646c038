//! `polidex batch FILE|-`: many queries, one answer per query, streamed in input order.
//!
//! Lines are read in chunks; each chunk's queries run in parallel and are written in input
//! order before the next chunk is read, so memory stays flat for a million queries.

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use super::IndexDir;
use super::output::{self, CSV_HEADER};
use crate::index::reader::{IndexHandle, Snapshot};
use crate::limits;
use crate::model::BatchLine;
use crate::search::batch::{self, BatchQuery};

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// File of queries (one per line, `id<TAB>query`, or JSON lines); `-` for stdin.
    input: String,
    #[command(flatten)]
    index: IndexDir,
    /// Hits per query (at most 1000).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(0..=1000))]
    limit: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: BatchFormat,
    /// Queries run in parallel (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// `--format` of `batch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// One JSON line per query.
    Jsonl,
    /// One CSV row per hit.
    Csv,
}

/// Queries read and answered per round.
const CHUNK: usize = 256;

/// Counts over the whole run, for the exit code.
#[derive(Default)]
struct Tally {
    found: bool,
    errors: bool,
}

/// Runs `batch`.
pub fn run(args: BatchArgs) -> Result<bool> {
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let snapshot = handle.snapshot()?;
    let input: Box<dyn Read> = if args.input == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(&args.input).with_context(|| format!("{}: cannot open", args.input))?)
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let jobs = args
        .jobs
        .map(usize::from)
        .unwrap_or_else(crate::ingest::default_jobs);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    let mut sink = match args.format {
        BatchFormat::Jsonl => Sink::Jsonl(io::BufWriter::new(out)),
        BatchFormat::Csv => {
            let mut writer = csv::Writer::from_writer(io::BufWriter::new(out));
            writer.write_record(CSV_HEADER)?;
            Sink::Csv(Box::new(writer))
        }
    };
    let tally = stream(
        &snapshot,
        &pool,
        BufReader::new(input),
        &mut sink,
        args.limit,
    )?;
    sink.flush()?;
    if tally.errors {
        let see = match args.format {
            BatchFormat::Csv => "above",
            BatchFormat::Jsonl => "their \"error\"",
        };
        anyhow::bail!("some queries failed (see {see})");
    }
    Ok(tally.found)
}

/// Where answers go.
enum Sink<W: Write> {
    Jsonl(W),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> Sink<W> {
    fn write(&mut self, answer: &BatchLine) -> Result<()> {
        match self {
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, answer)?;
                writeln!(out)?;
            }
            Sink::Csv(writer) => {
                // CSV rows are hits: a failed query's reason goes to stderr.
                if let Some(error) = &answer.error {
                    eprintln!("polidex: query {}: {error}", answer.query_id);
                }
                for (rank, hit) in answer.hits.iter().enumerate() {
                    writer.write_record(output::csv_row(&answer.query_id, rank as u64 + 1, hit))?;
                }
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Jsonl(out) => out.flush(),
            Sink::Csv(writer) => writer.flush(),
        }
    }
}

fn stream<W: Write>(
    snapshot: &Snapshot,
    pool: &rayon::ThreadPool,
    mut input: impl BufRead,
    sink: &mut Sink<W>,
    limit: u64,
) -> Result<Tally> {
    let bar = progress();
    let mut tally = Tally::default();
    let mut number = 0usize;
    loop {
        let chunk = read_chunk(&mut input, &mut number, limit)?;
        if chunk.is_empty() {
            break;
        }
        let answers: Vec<BatchLine> = pool.install(|| {
            chunk
                .par_iter()
                .map(|q| batch::run_one(snapshot, q))
                .collect()
        });
        for answer in &answers {
            tally.found |= answer.total > 0;
            tally.errors |= answer.error.is_some();
            sink.write(answer)?;
        }
        bar.inc(answers.len() as u64);
    }
    bar.finish_and_clear();
    Ok(tally)
}

/// Reads up to `CHUNK` queries; a line over the cap becomes an error for that line only.
fn read_chunk(input: &mut impl BufRead, number: &mut usize, limit: u64) -> Result<Vec<BatchQuery>> {
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut line = Vec::new();
    while chunk.len() < CHUNK {
        line.clear();
        let (read, truncated) = read_capped_line(input, &mut line)?;
        if read == 0 {
            break;
        }
        *number += 1;
        let text = String::from_utf8_lossy(&line);
        let query = if truncated {
            Some(BatchQuery {
                id: number.to_string(),
                query: String::new(),
                request: Err(format!(
                    "line {number} is longer than {} bytes",
                    limits::MAX_BATCH_LINE_BYTES
                )),
            })
        } else {
            batch::parse_line(&text, *number, limit)
        };
        chunk.extend(query);
    }
    Ok(chunk)
}

/// Reads one line, keeping at most the cap of its bytes; returns bytes read and whether
/// the line was cut.
fn read_capped_line(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<(usize, bool)> {
    let mut total = 0;
    let mut truncated = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            return Ok((total, truncated));
        }
        let (take, done) = match available.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = limits::MAX_BATCH_LINE_BYTES.saturating_sub(line.len());
        line.extend_from_slice(&available[..take.min(room)]);
        truncated |= take > room;
        total += take;
        input.consume(take);
        if done {
            return Ok((total, truncated));
        }
    }
}

fn progress() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} queries {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}
