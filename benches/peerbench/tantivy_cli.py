# tantivy-cli, the peer for raw-text indexing and the HTTP API: installed once with
# `cargo install tantivy-cli` (without --locked: its lock file pins a crate that no longer
# builds) into a folder outside the repository, then `new`, `index`, `bench` and `serve`.

import os
import re
import subprocess
from urllib.parse import urlencode

from . import queries as query_sets
from .measure import BenchError, describe, run_measured

# Answers to `tantivy new`'s prompts: `id` stored only; `text` stored and indexed, tokenized
# (which gives it tantivy-cli's `en_stem` tokenizer) with frequencies and positions.
NEW_INDEX_ANSWERS = (
    "\n".join(
        [
            "id",
            "Text",
            "Y",
            "N",
            "N",
            "Y",
            "text",
            "Text",
            "Y",
            "N",
            "Y",
            "Y",
            "Y",
            "Y",
            "N",
        ]
    )
    + "\n"
)

BENCH_LINE = re.compile(r"^(.*)\t(\d+)\t(\d+)$")
FETCH_LINE = re.compile(r"^(.*)\t(\d+)$")


def ensure_installed(root):
    """The `tantivy` binary under `root`, installing it first if needed (≈ 8 min on 2
    cores); `None`, with the reason printed, when it does not build."""
    binary = os.path.join(root, "bin", "tantivy")
    if os.access(binary, os.X_OK):
        return binary
    cmd = ["cargo", "install", "tantivy-cli", "--root", root]
    print(f"installing tantivy-cli: {describe(cmd)} (about 8 minutes on 2 cores)", flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0 or not os.access(binary, os.X_OK):
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        print(f"tantivy-cli left out: {describe(cmd)} failed: {tail}", flush=True)
        return None
    return binary


def create(binary, index_dir):
    cmd = [binary, "new", "-i", index_dir]
    proc = subprocess.run(cmd, input=NEW_INDEX_ANSWERS, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not os.path.exists(os.path.join(index_dir, "meta.json")):
        raise BenchError(f"{describe(cmd)}: exit status {proc.returncode}: {proc.stderr.strip()}")


def index(binary, index_dir, units_jsonl, threads):
    """Indexes `units_jsonl` ({id, text} lines) into a fresh index; returns the run."""
    create(binary, index_dir)
    return run_measured([binary, "index", "-i", index_dir, "-f", units_jsonl, "-t", threads])


def bench(binary, index_dir, query_file, repeats):
    """Runs `tantivy bench` (`repeats` passes); returns per pass the microseconds of each
    query (top 10 with count, then fetching the 10 stored documents) and the hit counts of
    the last pass."""
    run = run_measured([binary, "bench", "-i", index_dir, "-q", query_file, "-n", repeats])
    searches, fetches = _bench_sections(run.stdout, query_file)
    count = len(searches) // repeats
    passes = [
        [searches[i][1] + fetches[i] for i in range(start, start + count)]
        for start in range(0, count * repeats, count)
    ]
    return run, passes, [hits for hits, _ in searches[-count:]]


def _bench_sections(stdout, query_file):
    searches, fetches = [], []
    section = None
    for line in stdout.splitlines():
        if line.startswith(("SEARCH", "FETCH STORE")):
            section = line
        elif section and section.startswith("SEARCH") and (match := BENCH_LINE.match(line)):
            searches.append((int(match.group(2)), int(match.group(3))))
        elif section and section.startswith("FETCH") and (match := FETCH_LINE.match(line)):
            fetches.append(int(match.group(2)))
    if not searches or len(searches) != len(fetches):
        found = f"{len(searches)} searches, {len(fetches)} fetches"
        raise BenchError(f"tantivy bench -q {query_file}: unexpected output ({found})")
    return searches, fetches


def write_queries(path, queries):
    """Writes `queries` in tantivy's syntax, every word required, one per line."""
    return query_sets.write(path, [query_sets.tantivy_query(q) for q in queries])


def serve_command(binary, index_dir, port):
    return [binary, "serve", "-i", index_dir, "--host", "127.0.0.1", "-p", port]


def search_path(query):
    """The API request for `query`, top 10."""
    return "/api/?" + urlencode({"q": query_sets.tantivy_query(query), "nhits": 10})
