//! `polidex stats`: counts per language, kind and year, and the fingerprint.

use anyhow::Result;
use clap::Args;

use super::output::print_out;
use super::{IndexDir, ObjectFormat};
use crate::index::reader::IndexHandle;
use crate::model::Stats;
use crate::search::lookup;

/// Arguments of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    index: IndexDir,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: ObjectFormat,
}

/// Runs `stats`.
pub fn run(args: StatsArgs) -> Result<bool> {
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let stats = lookup::stats(&handle.snapshot()?);
    match args.format {
        ObjectFormat::Json => print_out(format_args!("{}\n", serde_json::to_string(&stats)?))?,
        ObjectFormat::Text => print_out(format_args!("{}", as_text(&stats)))?,
    }
    Ok(stats.documents > 0)
}

fn as_text(stats: &Stats) -> String {
    let list = |map: &std::collections::BTreeMap<String, u64>| {
        map.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "documents   {}\nunits       {}\nfiles       {}\nlanguages   {}\nkinds       {}\nyears       {}\nfingerprint {}\nversion     {}\n",
        stats.documents,
        stats.units,
        stats.files,
        list(&stats.lang),
        list(&stats.kind),
        list(&stats.year),
        stats.fingerprint,
        stats.version
    )
}
