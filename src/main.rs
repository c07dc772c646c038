//! The `polidex` binary: parse arguments, run, print `polidex: {error}`, exit 0/1/2.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use polidex::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    match cli::run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("polidex: {}", one_line(&format!("{error:#}")));
            ExitCode::from(2)
        }
    }
}

/// `--help` and `--version` print and succeed; anything else is one line and exit code 2.
fn usage_error(error: clap::Error) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rendered = error
        .kind()
        .as_str()
        .map(str::to_string)
        .unwrap_or_default();
    // clap's message is a paragraph (what is wrong, and what it is about on the lines
    // below) and then the usage: the paragraph, on one line.
    let message = error.to_string();
    let paragraph = message
        .split("\n\n")
        .next()
        .map(one_line)
        .unwrap_or_default();
    let line = if paragraph.is_empty() {
        rendered
    } else {
        paragraph
    };
    eprintln!("polidex: {}", line.trim_start_matches("error: "));
    ExitCode::from(2)
}

/// The reader of our output went away (`polidex search … | head`): stop quietly, as grep does.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let io_broken = error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    io_broken || format!("{error:#}").contains("Broken pipe")
}

/// Errors are printed on one line, whatever their sources contain.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
