# Running the commands being measured: wall time of a child process, its peak RSS through
# GNU time (`/usr/bin/time -v`), and the statistics the report uses (median, percentiles).

import contextlib
import math
import os
import shlex
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass

GNU_TIME = "/usr/bin/time"


class BenchError(Exception):
    """A step of the benchmark failed; the message names the command or file at fault."""


@dataclass
class Run:
    """One finished command: wall seconds, CPU seconds (user + system), peak resident
    memory, and its output."""

    seconds: float
    cpu_seconds: float
    peak_rss_bytes: int
    stdout: str


def describe(cmd):
    return shlex.join(str(part) for part in cmd)


def _fail(cmd, returncode, stderr):
    tail = " | ".join(stderr.strip().splitlines()[-3:])
    raise BenchError(f"{describe(cmd)}: exit status {returncode}: {tail or 'no message'}")


def _time_field(report, name, cmd):
    """The value of the line `name: value` of a `time -v` report."""
    for line in report.splitlines():
        if line.strip().startswith(name):
            return float(line.rsplit(":", 1)[1])
    raise BenchError(f"{GNU_TIME} -v gave no '{name}' for {describe(cmd)}")


def _max_rss_bytes(report, cmd):
    return int(_time_field(report, "Maximum resident set size", cmd)) * 1024


def _cpu_seconds(report, cmd):
    return _time_field(report, "User time (seconds)", cmd) + _time_field(report, "System time (seconds)", cmd)


def run_measured(cmd, *, stdin_path=None, stdout_path=None, ok_codes=(0,), env=None):
    """Runs `cmd` under GNU time; returns its wall time and peak RSS (and stdout when it
    is not redirected to `stdout_path`)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        full = [GNU_TIME, "-v", "-o", report.name, *map(str, cmd)]
        with contextlib.ExitStack() as files:
            stdin = files.enter_context(open(stdin_path, "rb")) if stdin_path else subprocess.DEVNULL
            stdout = files.enter_context(open(stdout_path, "wb")) if stdout_path else subprocess.PIPE
            started = time.perf_counter()
            proc = subprocess.run(
                full, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, check=False
            )
            seconds = time.perf_counter() - started
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode not in ok_codes:
            _fail(cmd, proc.returncode, stderr)
        output = proc.stdout.decode("utf-8", "replace") if proc.stdout else ""
        text = report.read()
        return Run(seconds, _cpu_seconds(text, cmd), _max_rss_bytes(text, cmd), output)


def run_timed(cmd, *, ok_codes=(0,)):
    """Runs `cmd` without GNU time (for millisecond-scale commands); returns wall seconds and
    stdout."""
    started = time.perf_counter()
    proc = subprocess.run(list(map(str, cmd)), stdin=subprocess.DEVNULL, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode not in ok_codes:
        _fail(cmd, proc.returncode, proc.stderr.decode("utf-8", "replace"))
    return seconds, proc.stdout.decode("utf-8", "replace")


def percentile(values, fraction):
    """Nearest-rank percentile of `values` (`fraction` in 0..1)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def latency_summary(seconds):
    """p50, p95 and p99 of one run's latencies, in milliseconds."""
    return {f"p{int(p * 100)}_ms": percentile(seconds, p) * 1000 for p in (0.50, 0.95, 0.99)}


def median(values):
    return statistics.median(values)


def median_of_dicts(runs):
    """Per-key median of several runs' summaries (all with the same keys)."""
    return {key: median([run[key] for run in runs]) for key in runs[0]}


def tree_bytes(path):
    """Total size of the files under `path` (or of the file `path`)."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, name)) for name in files)
    return total
