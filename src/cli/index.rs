//! `polidex index [PATH...]`: build or update the index, with a progress bar and a summary.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::IndexDir;
use super::output::print_out;
use crate::ingest::{self, Event, IngestOptions, Report};

/// Arguments of `index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files and folders to index.
    #[arg(default_value = "corpus", value_name = "PATH")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    index: IndexDir,
    /// Extraction workers (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    jobs: Option<u16>,
    /// Drop everything indexed before and start afresh.
    #[arg(long)]
    rebuild: bool,
    /// Follow symbolic links that stay inside the indexed folders.
    #[arg(long)]
    follow_symlinks: bool,
}

/// Runs `index`.
pub fn run(args: IndexArgs) -> Result<bool> {
    // A path that is not there is a bad argument, not a file that failed: the run would
    // index nothing of what was asked for.
    if let Some(missing) = args.paths.iter().find(|p| p.symlink_metadata().is_err()) {
        anyhow::bail!("{}: no such file or directory", missing.display());
    }
    let options = IngestOptions {
        roots: args.paths,
        index_dir: args.index.dir,
        jobs: args
            .jobs
            .map(usize::from)
            .unwrap_or_else(ingest::default_jobs),
        rebuild: args.rebuild,
        follow_symlinks: args.follow_symlinks,
        isolate_with: std::env::current_exe().ok(),
    };
    let bar = progress_bar();
    let report = ingest::run(&options, &mut |event| show_event(&bar, event))?;
    bar.finish_and_clear();
    print_out(format_args!("{}\n", summary(&report)))?;
    Ok(true)
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} files {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}

fn show_event(bar: &ProgressBar, event: Event) {
    match event {
        Event::Found(n) => bar.set_length(n),
        Event::Done(_) => bar.inc(1),
        Event::Cut { path, reason } | Event::Failed { path, reason } => {
            let line = format!("{path}: {reason}");
            if bar.is_hidden() {
                eprintln!("{line}");
            } else {
                bar.println(line);
            }
        }
    }
}

/// One line: what happened to how many files, and how fast.
pub fn summary(report: &Report) -> String {
    let seconds = report.elapsed.as_secs_f64().max(1e-6);
    format!(
        "indexed {} files ({} versions, {} units), unchanged {}, removed {}, skipped {}, failed {} in {:.2} s ({:.1} files/s, {:.2} MB/s); fingerprint {}",
        report.indexed,
        report.versions,
        report.units,
        report.unchanged,
        report.removed,
        report.skipped,
        report.failed,
        seconds,
        report.indexed as f64 / seconds,
        report.bytes as f64 / 1e6 / seconds,
        report.fingerprint,
    )
}
