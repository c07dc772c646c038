//! `polidex define TERM`: where acts define a term, in every language.

use anyhow::Result;
use clap::Args;

use super::output::print_out;
use super::{IndexDir, ObjectFormat, parse_lang};
use crate::index::reader::IndexHandle;
use crate::lang::Lang;
use crate::search::lookup;

/// Arguments of `define`.
#[derive(Debug, Args)]
pub struct DefineArgs {
    /// The term, e.g. `personal data`, `données à caractère personnel`.
    term: String,
    #[command(flatten)]
    index: IndexDir,
    /// Only in this document.
    #[arg(long)]
    doc: Option<String>,
    /// Only in this language.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Output format: text, or one JSON line per definition.
    #[arg(long, value_enum, default_value = "text")]
    format: ObjectFormat,
}

/// Runs `define`.
pub fn run(args: DefineArgs) -> Result<bool> {
    let handle = IndexHandle::open(&args.index.dir, false)?;
    let definitions = lookup::define(
        &handle.snapshot()?,
        &args.term,
        args.doc.as_deref(),
        args.lang,
    )?;
    for definition in &definitions {
        match args.format {
            ObjectFormat::Json => {
                print_out(format_args!("{}\n", serde_json::to_string(definition)?))?
            }
            ObjectFormat::Text => print_out(format_args!(
                "{} [{}] {}\n    {}\n\n",
                definition.id, definition.lang, definition.term, definition.text
            ))?,
        }
    }
    Ok(!definitions.is_empty())
}
