//! `polidex serve`: the HTTP API and the search page.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use clap::Args;

use super::IndexDir;
use crate::api::{self, AppState};
use crate::index::reader::IndexHandle;

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    index: IndexDir,
    /// Address to listen on (loopback unless told otherwise).
    #[arg(long, default_value = "127.0.0.1:7700")]
    addr: SocketAddr,
    /// Log every request (method, route, status, latency) on stderr.
    #[arg(long, short)]
    verbose: bool,
}

/// Runs `serve` until SIGINT or SIGTERM.
pub fn run(args: ServeArgs) -> Result<bool> {
    let level = if args.verbose { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("POLIDEX_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let handle = IndexHandle::open(&args.index.dir, true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime
        .block_on(api::serve(AppState::new(handle), args.addr, |bound| {
            eprintln!("polidex: listening on http://{bound}")
        }))
        .with_context(|| format!("{}: cannot serve", args.addr))?;
    Ok(true)
}
