//! `polidex cite TEXT`: the citations in a text, resolved to ids.

use std::io::Read;

use anyhow::Result;
use clap::Args;

use super::output::print_out;
use super::{IndexDir, ObjectFormat};
use crate::index::reader::IndexHandle;
use crate::legal::citation::{Context, find_citations};
use crate::limits;
use crate::model::{Citation, unit_id};
use crate::search::lookup;

/// Arguments of `cite`.
#[derive(Debug, Args)]
pub struct CiteArgs {
    /// Text with citations (`-` reads stdin).
    text: String,
    #[command(flatten)]
    index: IndexDir,
    /// Output format: text, or one JSON line per citation.
    #[arg(long, value_enum, default_value = "text")]
    format: ObjectFormat,
}

/// Runs `cite`; works without an index (then nothing is `in_index`).
pub fn run(args: CiteArgs) -> Result<bool> {
    let text = if args.text == "-" {
        read_stdin()?
    } else {
        args.text
    };
    let citations = match IndexHandle::open(&args.index.dir, false) {
        Ok(handle) => lookup::cite(&handle.snapshot()?, &text),
        Err(_) => without_index(&text),
    };
    for citation in &citations {
        match args.format {
            ObjectFormat::Json => {
                print_out(format_args!("{}\n", serde_json::to_string(citation)?))?
            }
            ObjectFormat::Text => print_out(format_args!(
                "{}\t{}\t{}\n",
                citation.id,
                if citation.in_index {
                    "indexed"
                } else {
                    "not indexed"
                },
                citation.text
            ))?,
        }
    }
    Ok(!citations.is_empty())
}

fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(limits::MAX_CITE_CHARS as u64)
        .read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn without_index(text: &str) -> Vec<Citation> {
    find_citations(text, &Context::default())
        .into_iter()
        .map(|f| Citation {
            text: text.get(f.start..f.end).unwrap_or("").to_string(),
            id: unit_id(&f.celex, f.unit.as_deref()),
            celex: f.celex,
            unit: f.unit,
            in_index: false,
        })
        .collect()
}
