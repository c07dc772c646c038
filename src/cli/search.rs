//! `polidex search QUERY`: one page of hits, or every hit with `--all`.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::{Args, ValueEnum};

use super::output::{self, CSV_HEADER};
use super::{HitFormat, IndexDir, LangKindFilters, parse_date};
use crate::index::reader::{IndexHandle, Snapshot};
use crate::model::DateSpan;
use crate::search::execute::{self, Group, SearchRequest, Sort};
use crate::search::{SearchError, query};

/// Arguments of `search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query (see README: words, "phrases", AND/OR/NOT, field:value, prefix*).
    query: String,
    #[command(flatten)]
    index: IndexDir,
    #[command(flatten)]
    filters: LangKindFilters,
    /// Dated on or after (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<DateSpan>,
    /// Dated on or before (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<DateSpan>,
    /// Only within this document.
    #[arg(long)]
    doc: Option<String>,
    /// Each document once (doc) or every matching unit (unit).
    #[arg(long, value_enum, default_value = "doc")]
    group: GroupArg,
    /// Order of hits.
    #[arg(long, value_enum, default_value = "relevance")]
    sort: SortArg,
    /// Hits per page (at most 1000; use --all to export everything).
    #[arg(long, default_value_t = 10)]
    limit: u64,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// Every hit, streamed (for jsonl/csv export); not with --limit or --offset.
    #[arg(long, conflicts_with_all = ["limit", "offset"])]
    all: bool,
    /// Count hits per language, kind, year, month, publisher and document.
    #[arg(long)]
    facets: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: HitFormat,
}

/// `--group`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GroupArg {
    /// Each document once.
    Doc,
    /// Every unit.
    Unit,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best first.
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

impl From<GroupArg> for Group {
    fn from(value: GroupArg) -> Self {
        match value {
            GroupArg::Doc => Group::Doc,
            GroupArg::Unit => Group::Unit,
        }
    }
}

impl From<SortArg> for Sort {
    fn from(value: SortArg) -> Self {
        match value {
            SortArg::Relevance => Sort::Relevance,
            SortArg::Newest => Sort::Newest,
            SortArg::Oldest => Sort::Oldest,
        }
    }
}

/// Runs `search`.
pub fn run(args: SearchArgs) -> Result<bool> {
    let mut request = SearchRequest {
        query: args.query.clone(),
        langs: args.filters.lang.clone(),
        kinds: args.filters.kind.clone(),
        from: args.from,
        to: args.to,
        doc: args.doc.clone(),
        group: args.group.into(),
        sort: args.sort.into(),
        limit: args.limit,
        offset: args.offset,
        facets: args.facets,
    };
    if !args.all {
        (request.limit, request.offset) = execute::checked_paging(args.limit, args.offset)?;
    }
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let snapshot = handle.snapshot()?;
    let stdout = io::stdout();
    let color = stdout.is_terminal() && args.format == HitFormat::Text;
    let mut out = io::BufWriter::new(stdout.lock());
    let total = if args.all {
        export_all(&snapshot, &request, args.format, &mut out)?
    } else {
        let response = execute::search(&snapshot, &request)?;
        output::write_response(&mut out, &response, args.format, color)?;
        response.total
    };
    out.flush()?;
    Ok(total > 0)
}

/// Streams every hit; returns the total.
fn export_all(
    snapshot: &Snapshot,
    request: &SearchRequest,
    format: HitFormat,
    out: &mut dyn Write,
) -> Result<u64> {
    let node = query::parse(&request.query).map_err(SearchError::from)?;
    let matches = execute::find(snapshot, request, &node)?;
    let total = matches.total();
    let mut rank = 0u64;
    match format {
        HitFormat::Csv => {
            let mut writer = output::csv_writer(out);
            writer.write_record(CSV_HEADER)?;
            execute::for_each_hit(snapshot, &matches, |hit| {
                rank += 1;
                writer
                    .write_record(output::csv_row("", rank, &hit))
                    .map_err(io::Error::other)
            })?;
            writer.flush()?;
        }
        HitFormat::Jsonl => {
            execute::for_each_hit(snapshot, &matches, |hit| output::write_jsonl(out, &hit))?
        }
        HitFormat::Text => {
            writeln!(out, "{total} hits")?;
            execute::for_each_hit(snapshot, &matches, |hit| {
                rank += 1;
                output::write_text_hit(out, rank, &hit, false)
            })?;
        }
        HitFormat::Json => write_json_stream(snapshot, request, &matches, out)?,
    }
    Ok(total)
}

/// The `search --format json` object with every hit, written hit by hit.
fn write_json_stream(
    snapshot: &Snapshot,
    request: &SearchRequest,
    matches: &execute::Matches,
    out: &mut dyn Write,
) -> Result<()> {
    let head = serde_json::json!({
        "query": request.query, "total": matches.total(), "offset": 0, "limit": matches.total(),
        "took_ms": 0, "fingerprint": snapshot.payload.fingerprint,
    });
    let head = serde_json::to_string(&head)?;
    write!(out, "{},\"hits\":[", head.trim_end_matches('}'))?;
    let mut first = true;
    execute::for_each_hit(snapshot, matches, |hit| {
        if !first {
            write!(out, ",")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &hit).map_err(io::Error::other)
    })?;
    writeln!(out, "]}}")?;
    Ok(())
}
