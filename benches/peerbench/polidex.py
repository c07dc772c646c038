# Driving polidex: building the release binary and the `warm` latency bench, indexing,
# exporting the extracted text, one-shot `search`, `batch`, and `serve` for the HTTP load.

import json
import re
import shutil
import subprocess
from urllib.parse import urlencode

from .measure import BenchError, describe, run_measured, run_timed

SUMMARY = re.compile(r"indexed (\d+) files \((\d+) versions, (\d+) units\).*?failed (\d+)")


def build(repo):
    """Builds `polidex` and the `warm` bench with the release profile; returns both paths."""
    cmd = [
        "cargo",
        "build",
        "--release",
        "--bin",
        "polidex",
        "--bench",
        "warm",
        "--message-format=json-render-diagnostics",
    ]
    proc = subprocess.run(cmd, cwd=repo, stdout=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        raise BenchError(f"{describe(cmd)} (in {repo}): exit status {proc.returncode}")
    executables = {}
    for line in proc.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            executables[message["target"]["name"]] = message["executable"]
    missing = {"polidex", "warm"} - executables.keys()
    if missing:
        raise BenchError(f"{describe(cmd)}: no executable built for {', '.join(sorted(missing))}")
    return executables["polidex"], executables["warm"]


def index(binary, corpus, index_dir):
    """Indexes `corpus` afresh into `index_dir`; returns the run and the summary's counts."""
    shutil.rmtree(index_dir, ignore_errors=True)
    run = run_measured([binary, "index", corpus, "--index", index_dir, "--rebuild"])
    match = SUMMARY.search(run.stdout)
    if not match:
        raise BenchError(f"polidex index {corpus}: unexpected summary: {run.stdout.strip()!r}")
    files, documents, units, failed = map(int, match.groups())
    return run, {"files": files, "documents": documents, "units": units, "failed": failed}


def export(binary, index_dir, out_path):
    run_measured([binary, "export", "--index", index_dir], stdout_path=out_path)


def warm(warm_binary, index_dir, query_file, runs):
    """Per-query latencies in microseconds of `runs` warm passes, through the library."""
    run = run_measured([warm_binary, "--index", index_dir, "--queries", query_file, "--runs", runs])
    return json.loads(run.stdout)


def one_shot(binary, index_dir, query):
    """Seconds for one `polidex search` process answering `query`, and its hit count."""
    cmd = [binary, "search", query, "--index", index_dir, "--limit", "10", "--format", "json"]
    seconds, stdout = run_timed(cmd, ok_codes=(0, 1))
    return seconds, len(json.loads(stdout)["hits"]) if stdout.strip() else 0


def batch(binary, index_dir, query_file, out_path):
    """Runs `polidex batch` on `query_file`; returns the run and {queries, errors, with_hits}."""
    cmd = [binary, "batch", query_file, "--index", index_dir, "--format", "jsonl", "--limit", "10"]
    run = run_measured(cmd, stdout_path=out_path, ok_codes=(0, 1))
    with open(out_path, encoding="utf-8") as lines:
        answers = [json.loads(line) for line in lines]
    return run, {
        "queries": len(answers),
        "errors": sum(1 for a in answers if a.get("error")),
        "with_hits": sum(1 for a in answers if a.get("total")),
    }


def search_path(query):
    """The API request for `query`, top 10."""
    return "/api/search?" + urlencode({"q": query, "limit": 10})


def serve_command(binary, index_dir, port):
    """`polidex serve` on 127.0.0.1:`port`."""
    return [binary, "serve", "--index", index_dir, "--addr", f"127.0.0.1:{port}"]
