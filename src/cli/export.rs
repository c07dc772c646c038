//! `polidex export`: every unit with its full text, as JSON Lines (for other tools and for
//! the benchmark peers, which index the text polidex extracted).

use std::io::{self, Write};

use anyhow::Result;
use clap::Args;

use super::{IndexDir, LangKindFilters};
use crate::index::reader::IndexHandle;
use crate::search::lookup;

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    index: IndexDir,
    #[command(flatten)]
    filters: LangKindFilters,
    /// Also the files hidden from search as duplicates of another file of the same document
    /// and language (the Formex beside the XHTML of an act, say).
    #[arg(long)]
    all_versions: bool,
}

/// Runs `export`.
pub fn run(args: ExportArgs) -> Result<bool> {
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let filter = lookup::ExportFilter {
        langs: args.filters.lang,
        kinds: args.filters.kind,
        all_versions: args.all_versions,
    };
    let count = lookup::export(&handle.snapshot()?, &filter, |unit| {
        serde_json::to_writer(&mut out, &unit).map_err(io::Error::other)?;
        out.write_all(b"\n")
    })?;
    out.flush()?;
    Ok(count > 0)
}
