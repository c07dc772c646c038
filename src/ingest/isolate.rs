//! Extraction in a child process, for formats whose parser we do not trust with hostile
//! input (PDF): a crash, a stack overflow or a runaway allocation kills the child, not the
//! run, and a child over its time budget is killed and reported.
//!
//! The child is polidex itself (`polidex __extract FORMAT PATH`), which caps its own address
//! space, extracts, and prints the result as JSON on stdout.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::extract::{self, ExtractError, Extracted};
use super::format::Format;
use crate::limits;

/// What the child prints.
#[derive(Debug, Serialize, Deserialize)]
pub enum ChildOutput {
    /// The extracted documents.
    Ok(Vec<Extracted>),
    /// Why extraction failed (the error's message).
    Err(String),
}

/// Runs in the child: caps memory, extracts `path`, prints the outcome as JSON.
pub fn child_main(format: Format, path: &Path) -> ChildOutput {
    let cap = limits::PDF_EXTRACT_MEMORY_BYTES;
    // The cap is best effort: where setrlimit is refused, the time budget still applies.
    let _ = rlimit::Resource::AS.set(cap, cap);
    let bytes = match read_capped(path) {
        Ok(bytes) => bytes,
        Err(error) => return ChildOutput::Err(error.to_string()),
    };
    match extract::extract(format, &bytes) {
        Ok(documents) => ChildOutput::Ok(documents),
        Err(error) => ChildOutput::Err(error.to_string()),
    }
}

/// Reads at most `MAX_FILE_BYTES` of a file; a bigger file is an error.
pub fn read_capped(path: &Path) -> Result<Vec<u8>, ExtractError> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(ExtractError::TooLarge(format!(
            "file is over {} MiB",
            limits::MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// Extracts `path` in a child process running `exe`, within the time budget.
pub fn extract_in_child(
    exe: &Path,
    format: Format,
    path: &Path,
) -> Result<Vec<Extracted>, ExtractError> {
    let mut child = Command::new(exe)
        .arg("__extract")
        .arg(format.name())
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let mut stdout = child
        .stdout
        .take()
        .ok_or_else(|| ExtractError::Crashed("no output pipe".into()))?;
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let result = (&mut stdout)
            .take(4 * limits::MAX_FILE_BYTES)
            .read_to_end(&mut out);
        result.map(|_| out)
    });
    let status = wait_with_timeout(&mut child, limits::EXTRACT_TIMEOUT)?;
    let output = reader
        .join()
        .map_err(|_| ExtractError::Crashed("output reader failed".into()))??;
    let Some(status) = status else {
        return Err(ExtractError::Timeout(limits::EXTRACT_TIMEOUT.as_secs()));
    };
    if !status.success() {
        return Err(ExtractError::Crashed(format!(
            "{status} (malformed file, or over the {} MiB memory cap)",
            limits::PDF_EXTRACT_MEMORY_BYTES / (1024 * 1024)
        )));
    }
    match serde_json::from_slice::<ChildOutput>(&output) {
        Ok(ChildOutput::Ok(documents)) => Ok(documents),
        Ok(ChildOutput::Err(message)) => Err(ExtractError::Reported(message)),
        Err(error) => Err(ExtractError::Crashed(format!("unreadable output: {error}"))),
    }
}

/// Waits for the child; kills it and returns `None` when the budget runs out.
fn wait_with_timeout(
    child: &mut std::process::Child,
    budget: Duration,
) -> Result<Option<std::process::ExitStatus>, ExtractError> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if start.elapsed() > budget {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}
