# SQLite FTS5, the peer for indexing speed and warm query latency: Python's built-in sqlite3,
# tokenizer `unicode61 remove_diacritics 2`, bm25 top 10 with a snippet of each hit.
#
# The measured work runs in a child process (`python3 -m peerbench.fts5 index|warm|batch`)
# so that its wall time and peak RSS are taken like every other system's. One-shot queries
# go through the `sqlite3` command-line shell, one invocation per query.

import json
import os
import sqlite3
import sys
import time

from . import queries as query_sets
from .measure import BenchError

SCHEMA = (
    "CREATE VIRTUAL TABLE units USING fts5(id UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2')"
)
SEARCH = (
    "SELECT id, snippet(units, 1, '[', ']', '…', 16) FROM units WHERE units MATCH ? ORDER BY rank LIMIT 10"
)


def build_index(db, units_jsonl):
    """Indexes every unit of `units_jsonl` ({id, text} lines) in one transaction."""
    connection = sqlite3.connect(db)
    connection.execute(SCHEMA)
    with connection, open(units_jsonl, encoding="utf-8") as lines:
        rows = ((unit["id"], unit["text"]) for unit in map(json.loads, lines))
        connection.executemany("INSERT INTO units(id, text) VALUES (?, ?)", rows)
    connection.close()


def _search(connection, query):
    """Seconds taken and hits found, or `None` hits when FTS5 rejects the query."""
    started = time.perf_counter()
    try:
        hits = len(connection.execute(SEARCH, (query_sets.fts5_match(query),)).fetchall())
    except sqlite3.Error:
        hits = None
    return time.perf_counter() - started, hits


def _outcomes(last):
    return {
        "queries": len(last),
        "errors": sum(1 for _, hits in last if hits is None),
        "with_hits": sum(1 for _, hits in last if hits),
    }


def warm(db, query_file, runs):
    """Runs every query once to warm up, then `runs` timed passes."""
    connection = sqlite3.connect(db)
    queries = _read_queries(query_file)
    for query in queries:
        _search(connection, query)
    timed = [[_search(connection, query) for query in queries] for _ in range(runs)]
    report = _outcomes(timed[-1])
    report["runs"] = [[round(seconds * 1e6) for seconds, _ in run] for run in timed]
    return report


def batch(db, query_file):
    """Runs every query once, as a cold process would."""
    connection = sqlite3.connect(db)
    return _outcomes([_search(connection, query) for query in _read_queries(query_file)])


def _read_queries(path):
    with open(path, encoding="utf-8") as lines:
        return [line.strip() for line in lines if line.strip()]


def one_shot_command(db, query):
    """One `sqlite3` shell invocation answering `query`."""
    literal = query_sets.fts5_match(query).replace("'", "''")
    return ["sqlite3", db, SEARCH.replace("?", f"'{literal}'") + ";"]


def child_command(*args):
    """The command line running this module's `main` with `args` (run it with
    `child_env()`)."""
    return [sys.executable, "-m", "peerbench.fts5", *map(str, args)]


def child_env():
    """The environment in which `python3 -m peerbench.fts5` finds this package."""
    benches_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return {**os.environ, "PYTHONPATH": benches_dir}


def main(argv):
    usage = "usage: python3 -m peerbench.fts5 index DB UNITS_JSONL | warm DB QUERIES RUNS | batch DB QUERIES"
    if len(argv) < 3:
        raise BenchError(usage)
    command, db = argv[0], argv[1]
    if command == "index" and len(argv) == 3:
        build_index(db, argv[2])
        return
    if command == "warm" and len(argv) == 4:
        print(json.dumps(warm(db, argv[2], int(argv[3]))))
        return
    if command == "batch" and len(argv) == 3:
        print(json.dumps(batch(db, argv[2])))
        return
    raise BenchError(usage)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (BenchError, OSError, sqlite3.Error, ValueError) as error:
        sys.exit(f"peerbench.fts5: {error}")
