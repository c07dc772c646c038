//! The command line: argument definitions (clap) and one module per subcommand.
//!
//! Every command returns whether it found something; `main` turns that into the exit code
//! (0 found, 1 nothing found) and any error into one line on stderr and exit code 2.

pub mod batch;
pub mod cite;
pub mod cited_by;
pub mod define;
pub mod export;
pub mod index;
pub mod output;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ingest::format::Format;
use crate::ingest::isolate;
use crate::lang::Lang;
use crate::model::{DateSpan, Kind};
use crate::search::SearchError;

/// Search engine for EU policy documents.
#[derive(Debug, Parser)]
#[command(name = "polidex", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Index files and folders (incremental: unchanged files are skipped).
    Index(index::IndexArgs),
    /// Search the index.
    Search(search::SearchArgs),
    /// Run a file of queries; one answer per query (JSON Lines or CSV).
    Batch(batch::BatchArgs),
    /// Show a document or unit, in one language or several side by side.
    Show(show::ShowArgs),
    /// Recognise the citations in a text.
    Cite(cite::CiteArgs),
    /// Find the definitions of a term in the acts.
    Define(define::DefineArgs),
    /// List the units citing a document or unit.
    CitedBy(cited_by::CitedByArgs),
    /// Print every unit with its full text as JSON Lines.
    Export(export::ExportArgs),
    /// Print counts and the fingerprint of the index.
    Stats(stats::StatsArgs),
    /// Serve the HTTP API and the search page.
    Serve(serve::ServeArgs),
    /// Extract one file in an isolated process (used by `index`).
    #[command(name = "__extract", hide = true)]
    Extract {
        /// Format name.
        format: String,
        /// File to extract.
        path: PathBuf,
    },
}

/// The `--lang` and `--kind` filters of `search` and `export`.
#[derive(Debug, Clone, Args)]
pub struct LangKindFilters {
    /// Only these languages (repeatable, or comma-separated).
    #[arg(long, value_parser = parse_lang, value_delimiter = ',')]
    pub lang: Vec<crate::lang::Lang>,
    /// Only these kinds: legislation, proposal, statement, blog, other.
    #[arg(long, value_parser = parse_kind, value_delimiter = ',')]
    pub kind: Vec<crate::model::Kind>,
}

/// The `--index` option shared by every command.
#[derive(Debug, Clone, Args)]
pub struct IndexDir {
    /// Index directory.
    #[arg(
        long = "index",
        env = "POLIDEX_INDEX",
        default_value = "index",
        value_name = "DIR"
    )]
    pub dir: PathBuf,
}

/// Output formats of commands that print hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HitFormat {
    /// For people.
    Text,
    /// One JSON object.
    Json,
    /// One JSON object per hit.
    Jsonl,
    /// One CSV row per hit, with a header.
    Csv,
}

/// `--format text|json` for commands printing one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ObjectFormat {
    /// For people.
    Text,
    /// JSON.
    Json,
}

/// Parses `--lang`.
pub fn parse_lang(value: &str) -> Result<Lang, String> {
    value.parse::<Lang>().map_err(|e| e.to_string())
}

/// Parses `--kind`.
pub fn parse_kind(value: &str) -> Result<Kind, String> {
    value.parse::<Kind>().map_err(|e| e.to_string())
}

/// Parses `--from`/`--to`.
pub fn parse_date(value: &str) -> Result<DateSpan, String> {
    value.parse::<DateSpan>().map_err(|e| e.to_string())
}

/// The value of a lookup, or `None` after saying on stderr that the id asked for is not
/// indexed: like grep finding nothing, that is exit 1, not an error.
pub fn found<T>(result: Result<T, SearchError>) -> Result<Option<T>, SearchError> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(error @ SearchError::NotFound(_)) => {
            eprintln!("polidex: {error}");
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// Runs the parsed command line; `Ok(true)` when something was found or done.
pub fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Index(args) => index::run(args),
        Command::Search(args) => search::run(args),
        Command::Batch(args) => batch::run(args),
        Command::Show(args) => show::run(args),
        Command::Cite(args) => cite::run(args),
        Command::Define(args) => define::run(args),
        Command::CitedBy(args) => cited_by::run(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Extract { format, path } => extract_child(&format, &path),
    }
}

/// The isolated extraction child: prints its outcome as JSON on stdout.
fn extract_child(format: &str, path: &std::path::Path) -> Result<bool> {
    let format = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Xml,
        Format::CrawlJson,
        Format::Pdf,
    ]
    .into_iter()
    .find(|f| f.name() == format)
    .ok_or_else(|| anyhow::anyhow!("unknown format '{format}'"))?;
    let outcome = isolate::child_main(format, path);
    serde_json::to_writer(std::io::stdout().lock(), &outcome)?;
    Ok(true)
}
