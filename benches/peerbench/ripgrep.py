# ripgrep, the peer without an index: every query scans the extracted text, one unit per
# line, one file per document.
#
# A query asks for the lines holding every word as the start of a word, case-insensitively,
# which is the closest a scan comes to polidex's stemmed AND. It runs as a pipeline: the
# first rg finds the lines containing the first word as a literal (its fastest search, on
# both cores), and one rg per word then keeps the lines where that word starts a word
# (`\bword`). The answer is the number of matching lines (units).

import re
import subprocess
import time

from . import queries as query_sets
from .measure import BenchError, describe


def pipeline(lines_dir, query):
    """The rg commands answering `query`, to be piped one into the next."""
    words = query_sets.words(query)
    if not words:
        raise BenchError(f"ripgrep: empty query {query!r}")
    scan = ["rg", "-i", "-F", "-N", "--no-filename", "--no-messages", "-e", words[0], lines_dir]
    filters = [["rg", "-i", "-N", "-e", r"\b" + re.escape(word)] for word in words]
    return [scan, *filters]


def count(lines_dir, query):
    """Seconds taken and matching lines for one query."""
    commands = pipeline(lines_dir, query)
    started = time.perf_counter()
    processes = []
    upstream = subprocess.DEVNULL
    for cmd in commands:
        process = subprocess.Popen(cmd, stdin=upstream, stdout=subprocess.PIPE)
        if processes:
            processes[-1].stdout.close()
        processes.append(process)
        upstream = process.stdout
    matches = sum(chunk.count(b"\n") for chunk in iter(lambda: upstream.read(1 << 16), b""))
    for process, cmd in zip(processes, commands, strict=True):
        # rg exits 1 when nothing matched; 2 is an error.
        if process.wait() > 1:
            raise BenchError(f"{describe(cmd)}: exit status {process.returncode}")
    return time.perf_counter() - started, matches
