//! `polidex cited-by ID`: every unit, of any document and language, citing ID or a unit
//! inside it.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use clap::Args;

use super::output;
use super::{HitFormat, IndexDir, found, parse_kind};
use crate::index::reader::IndexHandle;
use crate::model::Kind;
use crate::search::{execute, lookup};

/// Arguments of `cited-by`.
#[derive(Debug, Args)]
pub struct CitedByArgs {
    /// `doc_id` or `doc_id#unit`.
    id: String,
    #[command(flatten)]
    index: IndexDir,
    /// Only citing documents of these kinds.
    #[arg(long, value_parser = parse_kind, value_delimiter = ',')]
    kind: Vec<Kind>,
    /// Hits per page (at most 1000).
    #[arg(long, default_value_t = 10)]
    limit: u64,
    /// Hits to skip.
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: HitFormat,
}

/// Runs `cited-by`.
pub fn run(args: CitedByArgs) -> Result<bool> {
    let (limit, offset) = execute::checked_paging(args.limit, args.offset)?;
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let snapshot = handle.snapshot()?;
    let cited = lookup::cited_by(&snapshot, &args.id, &args.kind, limit, offset);
    let Some(response) = found(cited)? else {
        return Ok(false);
    };
    let stdout = io::stdout();
    let color = stdout.is_terminal() && args.format == HitFormat::Text;
    let mut out = io::BufWriter::new(stdout.lock());
    output::write_response(&mut out, &response, args.format, color)?;
    out.flush()?;
    Ok(response.total > 0)
}
