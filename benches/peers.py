#!/usr/bin/env python3
# The benchmark of polidex against its peers, in one command:
#
#     python3 benches/peers.py            # full: 7,000 acts, 3 runs per figure (about 1-2 h)
#     python3 benches/peers.py --quick    # smoke run: 500 documents, 1 run (a few minutes)
#
# It builds polidex (release), installs tantivy-cli outside the repository if needed,
# unpacks the benchmark corpus (../shared/corpus/bench) into a temporary folder, then
# measures, in the same run and on the same text: polidex, SQLite FTS5, tantivy-cli and
# ripgrep. It prints each figure (the median of the runs) with every peer's ratio to polidex
# and the targets, and writes the raw numbers to /tmp/polidex-bench/results.json.
# Nothing is written into the repository; compare ratios, not absolute times.

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

from peerbench import corpus, fts5, loadgen, polidex, queries, report, ripgrep, tantivy_cli
from peerbench.measure import BenchError, latency_summary, median, run_measured, run_timed, tree_bytes

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MB = 1_000_000
MIB = 1024 * 1024
REQUIRED_TOOLS = {
    "zstd": "zstd",
    "tar": "tar",
    "rg": "ripgrep",
    "sqlite3": "sqlite3",
    "/usr/bin/time": "time",
}


@dataclass
class Bench:
    """Everything the phases share: options, binaries, folders, and the figures so far."""

    args: argparse.Namespace
    work: str
    polidex_bin: str = ""
    warm_bin: str = ""
    tantivy_bin: str | None = None
    raw: str = ""
    raw_bytes: int = 0
    text: corpus.PeerText | None = None
    systems: dict = field(default_factory=lambda: {"polidex": {}, "fts5": {}, "tantivy": {}, "ripgrep": {}})
    corpus_info: dict = field(default_factory=dict)

    def path(self, name):
        return os.path.join(self.work, name)

    @property
    def runs(self):
        return self.args.runs


def log(message):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def figure(values):
    """A figure: the median of the runs, and every run."""
    return {"median": median(values), "runs": values}


def parse_args():
    parser = argparse.ArgumentParser(
        description="Benchmark polidex against SQLite FTS5, tantivy-cli and ripgrep."
    )
    parser.add_argument("--quick", action="store_true", help="smoke run: a 500-document subset, 1 run")
    parser.add_argument("--runs", type=int, help="runs per figure (default 3, 1 with --quick)")
    parser.add_argument("--documents", type=int, default=500, help="documents in the --quick subset")
    parser.add_argument(
        "--corpus",
        default=os.path.join(REPO, "..", "shared", "corpus", "bench"),
        help="folder holding the benchmark archives (*.tar.zst)",
    )
    parser.add_argument("--out", default="/tmp/polidex-bench/results.json", help="where the raw numbers go")
    parser.add_argument(
        "--workdir", default=tempfile.gettempdir(), help="parent of the temporary work folder"
    )
    parser.add_argument(
        "--peers-root",
        default=os.path.expanduser("~/.cache/polidex-peers"),
        help="install folder of tantivy-cli (reused when present)",
    )
    parser.add_argument("--requests", type=int, help="API requests per run (default 5000, 1000 with --quick)")
    parser.add_argument("--connections", type=int, default=64, help="concurrent API connections")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (its path is printed)")
    args = parser.parse_args()
    args.runs = args.runs or (1 if args.quick else 3)
    args.requests = args.requests or (1000 if args.quick else 5000)
    for name in ("out", "workdir"):
        if _inside_repo(getattr(args, name)):
            parser.error(f"--{name} {getattr(args, name)}: benchmark data never goes into the repository")
    return args


def _inside_repo(path):
    return os.path.commonpath([os.path.abspath(path), REPO]) == REPO


def check_tools():
    """Every external tool the run needs; a missing Debian package is installed when we are
    root, otherwise named."""
    for tool, package in REQUIRED_TOOLS.items():
        if shutil.which(tool):
            continue
        if os.geteuid() == 0 and shutil.which("apt-get"):
            log(f"{tool} missing: apt-get install -y {package}")
            subprocess.run(["apt-get", "install", "-y", package], stdout=subprocess.DEVNULL, check=False)
        if not shutil.which(tool):
            raise BenchError(f"{tool} not found: install the Debian package {package}")
    if not shutil.which("cargo"):
        raise BenchError("cargo not found: install the Rust toolchain")


def prepare_binaries(bench):
    log("building polidex (cargo build --release)")
    bench.polidex_bin, bench.warm_bin = polidex.build(REPO)
    bench.tantivy_bin = tantivy_cli.ensure_installed(bench.args.peers_root)
    if not bench.tantivy_bin:
        bench.systems["tantivy"] = {"skipped": "tantivy-cli did not install"}


def prepare_corpus(bench):
    unpacked = bench.path("unpacked")
    log(f"unpacking {bench.args.corpus} into {unpacked}")
    archives = corpus.unpack(bench.args.corpus, unpacked)
    bench.raw = unpacked
    if bench.args.quick:
        bench.raw = bench.path("subset")
        chosen = corpus.subset(unpacked, bench.raw, bench.args.documents)
        log(f"--quick: {chosen} documents hard-linked into {bench.raw}")
    bench.raw_bytes = corpus.raw_bytes(bench.raw)
    bench.corpus_info.update(archives=archives, raw_bytes=bench.raw_bytes)


def index_figures(runs, index_bytes, documents):
    seconds = [run.seconds for run in runs]
    return {
        "seconds": figure(seconds),
        "docs_per_s": figure([documents / s for s in seconds]),
        "cores_busy": figure([run.cpu_seconds / run.seconds for run in runs]),
        "peak_rss_mib": figure([run.peak_rss_bytes / MIB for run in runs]),
        "index_mib": figure([size / MIB for size in index_bytes]),
    }


def add_throughput(figures, name, volume_bytes):
    """Adds MB/s of `volume_bytes` to index figures, run by run."""
    figures[name] = figure([volume_bytes / MB / s for s in figures["seconds"]["runs"]])


def repeat(bench, label, measure_once):
    """Runs `measure_once(run_number)` once per run, logging each run's time."""
    results = []
    for number in range(1, bench.runs + 1):
        result = measure_once(number)
        run = result[0] if isinstance(result, tuple) else result
        log(
            f"{label} run {number}/{bench.runs}: {run.seconds:.2f} s, peak {run.peak_rss_bytes / MIB:.0f} MiB"
        )
        results.append(result)
    return results


def measure_pipeline(bench):
    index_dir = bench.path("polidex-index")
    sizes = []

    def once(_):
        run, counts = polidex.index(bench.polidex_bin, bench.raw, index_dir)
        sizes.append(tree_bytes(index_dir))
        return run, counts

    results = repeat(bench, "polidex index (raw files)", once)
    counts = results[-1][1]
    bench.corpus_info["polidex_index"] = counts
    pipeline = index_figures([run for run, _ in results], sizes, counts["documents"])
    add_throughput(pipeline, "raw_mb_per_s", bench.raw_bytes)
    bench.systems["polidex"]["pipeline"] = pipeline
    return index_dir


def export_text(bench, index_dir):
    export = bench.path("export.jsonl")
    polidex.export(bench.polidex_bin, index_dir, export)
    bench.text = corpus.write_peer_text(export, bench.work)
    os.remove(export)
    text = bench.text
    bench.corpus_info.update(units=text.units, documents=text.documents, text_bytes=text.text_bytes)
    log(f"extracted text: {text.documents} documents, {text.units} units, {text.text_bytes / MB:.1f} MB")
    add_throughput(bench.systems["polidex"]["pipeline"], "mb_per_s", text.text_bytes)


def measure_text_indexing(bench):
    """Indexes the extracted text with polidex (one .txt per document), FTS5 and
    tantivy-cli (one row or document per unit)."""
    text = bench.text
    polidex_dir = bench.path("polidex-text-index")
    fts5_db = bench.path("fts5.db")
    tantivy_dir = bench.path("tantivy-index")
    _measure_index(
        bench, "polidex", polidex_dir, lambda: polidex.index(bench.polidex_bin, text.text_dir, polidex_dir)[0]
    )
    _measure_index(bench, "fts5", fts5_db, lambda: _fts5_index(fts5_db, text.units_jsonl))
    if bench.tantivy_bin:
        _measure_index(
            bench,
            "tantivy",
            tantivy_dir,
            lambda: _tantivy_index(bench.tantivy_bin, tantivy_dir, text.units_jsonl),
        )
    shutil.rmtree(polidex_dir, ignore_errors=True)
    return fts5_db, tantivy_dir


def _measure_index(bench, system, place, index_once):
    sizes = []

    def once(_):
        run = index_once()
        sizes.append(tree_bytes(place))
        return run

    runs = repeat(bench, f"{system} index (extracted text)", once)
    figures = index_figures(runs, sizes, bench.text.documents)
    add_throughput(figures, "mb_per_s", bench.text.text_bytes)
    bench.systems[system]["index"] = figures


def _fts5_index(db, units_jsonl):
    if os.path.exists(db):
        os.remove(db)
    return run_measured(fts5.child_command("index", db, units_jsonl), env=fts5.child_env())


def _tantivy_index(binary, index_dir, units_jsonl):
    shutil.rmtree(index_dir, ignore_errors=True)
    return tantivy_cli.index(binary, index_dir, units_jsonl, os.cpu_count() or 1)


def latency_figures(passes_us, outcome):
    summaries = [latency_summary([us / 1e6 for us in run]) for run in passes_us]
    figures = {key: figure([s[key] for s in summaries]) for key in summaries[0]}
    figures.update({key: outcome[key] for key in ("queries", "errors", "with_hits")})
    return figures


def measure_warm(bench, index_dir, fts5_db, tantivy_dir):
    """Warm latency, the systems taking turns run by run (each run its own process, warmed
    up by a first pass), so that a change in machine load meets all of them alike."""
    warm_set = queries.warm_set()
    warm_file = queries.write(bench.path("warm-queries.txt"), warm_set)
    tantivy_file = None
    if bench.tantivy_bin:
        tantivy_file = tantivy_cli.write_queries(bench.path("warm-tantivy.txt"), warm_set)
    log(f"warm latency: {len(warm_set)} queries, {bench.runs} timed passes each, systems in turn")
    passes = {"polidex": [], "fts5": [], "tantivy": []}
    outcomes = {}
    for _ in range(bench.runs):
        outcome = polidex.warm(bench.warm_bin, index_dir, warm_file, 1)
        passes["polidex"] += outcome["runs"]
        outcomes["polidex"] = outcome
        run = run_measured(fts5.child_command("warm", fts5_db, warm_file, 1), env=fts5.child_env())
        outcome = json.loads(run.stdout)
        passes["fts5"] += outcome["runs"]
        outcomes["fts5"] = outcome
        if tantivy_file:
            _, timed, hits = tantivy_cli.bench(bench.tantivy_bin, tantivy_dir, tantivy_file, 2)
            passes["tantivy"] += timed[1:]
            outcomes["tantivy"] = {"queries": len(hits), "errors": 0, "with_hits": sum(1 for h in hits if h)}
    for system, outcome in outcomes.items():
        warm = latency_figures(passes[system], outcome)
        bench.systems[system]["warm"] = warm
        log(f"{system} warm p50 {warm['p50_ms']['median']:.2f} ms, p99 {warm['p99_ms']['median']:.2f} ms")


def measure_one_shot(bench, index_dir, fts5_db):
    warm_set = queries.warm_set()
    sample = warm_set[:: max(1, len(warm_set) // (10 if bench.args.quick else 30))]
    log(f"one-shot: {len(sample)} queries, one process each, {bench.runs} runs")
    ours, sqlite = [], []
    for _ in range(bench.runs):
        polidex_ms, sqlite_ms = [], []
        for query in sample:
            polidex_ms.append(polidex.one_shot(bench.polidex_bin, index_dir, query)[0] * 1000)
            sqlite_ms.append(run_timed(fts5.one_shot_command(fts5_db, query))[0] * 1000)
        ours.append(median(polidex_ms))
        sqlite.append(median(sqlite_ms))
    bench.systems["polidex"]["one_shot"] = {"ms": figure(ours), "queries": len(sample)}
    bench.systems["fts5"]["one_shot"] = {"ms": figure(sqlite), "queries": len(sample)}


def batch_figures(seconds, outcome):
    return {
        "seconds": figure(seconds),
        "qps": figure([outcome["queries"] / s for s in seconds]),
        **{key: outcome[key] for key in ("queries", "errors", "with_hits")},
    }


def measure_batch(bench, index_dir, fts5_db, tantivy_dir):
    batch_set = queries.read("batch-1000")
    batch_file = queries.write(bench.path("batch-queries.txt"), batch_set)
    log(f"batch: {len(batch_set)} queries per run")
    out = bench.path("batch-answers.jsonl")
    results = repeat(
        bench, "polidex batch", lambda _: polidex.batch(bench.polidex_bin, index_dir, batch_file, out)
    )
    bench.systems["polidex"]["batch"] = batch_figures([r.seconds for r, _ in results], results[-1][1])
    command = fts5.child_command("batch", fts5_db, batch_file)
    runs = repeat(bench, "fts5 batch", lambda _: run_measured(command, env=fts5.child_env()))
    bench.systems["fts5"]["batch"] = batch_figures([r.seconds for r in runs], json.loads(runs[-1].stdout))
    if bench.tantivy_bin:
        _tantivy_batch(bench, tantivy_dir, batch_set)
    _ripgrep_batch(bench, batch_set)


def _tantivy_batch(bench, tantivy_dir, batch_set):
    tantivy_file = tantivy_cli.write_queries(bench.path("batch-tantivy.txt"), batch_set)
    results = repeat(
        bench,
        "tantivy bench -n 1",
        lambda _: tantivy_cli.bench(bench.tantivy_bin, tantivy_dir, tantivy_file, 1),
    )
    hits = results[-1][2]
    outcome = {"queries": len(hits), "errors": 0, "with_hits": sum(1 for h in hits if h)}
    bench.systems["tantivy"]["batch"] = batch_figures([r.seconds for r, _, _ in results], outcome)


def _ripgrep_batch(bench, batch_set):
    totals, per_query_ms = [], []
    for number in range(1, bench.runs + 1):
        answers = [ripgrep.count(bench.text.lines_dir, query) for query in batch_set]
        totals.append(sum(seconds for seconds, _ in answers))
        per_query_ms.append(median([seconds * 1000 for seconds, _ in answers]))
        log(f"ripgrep batch run {number}/{bench.runs}: {totals[-1]:.1f} s")
    outcome = {"queries": len(answers), "errors": 0, "with_hits": sum(1 for _, n in answers if n)}
    bench.systems["ripgrep"]["batch"] = batch_figures(totals, outcome)
    bench.systems["ripgrep"]["one_shot"] = {"ms": figure(per_query_ms), "queries": len(batch_set)}


def api_figures(loads):
    figures = {
        key: figure([load[key] for load in loads]) for key in ("rps", "p50_ms", "p95_ms", "p99_ms", "errors")
    }
    figures["requests"] = loads[0]["requests"]
    return figures


def measure_api(bench, label, command, paths, port):
    """Loads a server: a warm-up of up to 500 requests, then one load per run."""
    with loadgen.running_server(command, port):
        loadgen.load(port, paths[:500], bench.args.connections)
        loads = []
        for number in range(1, bench.runs + 1):
            load = loadgen.load(port, paths, bench.args.connections)
            log(
                f"{label} API run {number}/{bench.runs}: {load['rps']:.0f} req/s, "
                f"p99 {load['p99_ms']:.1f} ms, {load['errors']} errors"
            )
            loads.append(load)
    return api_figures(loads)


def measure_apis(bench, index_dir, tantivy_dir):
    warm_set = queries.warm_set()
    chosen = [warm_set[i % len(warm_set)] for i in range(bench.args.requests)]
    log(f"API: {len(chosen)} requests over {bench.args.connections} connections per run")
    port = loadgen.free_port()
    command = polidex.serve_command(bench.polidex_bin, index_dir, port)
    paths = [polidex.search_path(q) for q in chosen]
    bench.systems["polidex"]["api"] = measure_api(bench, "polidex", command, paths, port)
    if bench.tantivy_bin:
        port = loadgen.free_port()
        command = tantivy_cli.serve_command(bench.tantivy_bin, tantivy_dir, port)
        paths = [tantivy_cli.search_path(q) for q in chosen]
        bench.systems["tantivy"]["api"] = measure_api(bench, "tantivy", command, paths, port)


def _output_of(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False).stdout.strip()
    except OSError:
        return None


def run_info(bench, started):
    return {
        "date": started.isoformat(timespec="seconds"),
        "seconds": round(time.time() - started.timestamp()),
        "commit": _output_of(["git", "rev-parse", "HEAD"]),
        "dirty": bool(_output_of(["git", "status", "--porcelain"])),
        "quick": bench.args.quick,
        "runs": bench.runs,
        "cpus": os.cpu_count(),
        "load_average_end": os.getloadavg(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "ripgrep": (_output_of(["rg", "--version"]) or "").split("\n")[0],
        "tantivy_cli": _output_of([bench.tantivy_bin, "--version"]) if bench.tantivy_bin else None,
    }


def run_all(bench):
    check_tools()
    prepare_binaries(bench)
    prepare_corpus(bench)
    index_dir = measure_pipeline(bench)
    export_text(bench, index_dir)
    fts5_db, tantivy_dir = measure_text_indexing(bench)
    measure_warm(bench, index_dir, fts5_db, tantivy_dir)
    measure_one_shot(bench, index_dir, fts5_db)
    measure_batch(bench, index_dir, fts5_db, tantivy_dir)
    measure_apis(bench, index_dir, tantivy_dir)


def write_results(bench, started):
    verdicts = report.targets(bench.systems)
    results = {
        "run": run_info(bench, started),
        "corpus": bench.corpus_info,
        "systems": bench.systems,
        "targets": verdicts,
    }
    os.makedirs(os.path.dirname(os.path.abspath(bench.args.out)), exist_ok=True)
    with open(bench.args.out, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=2)
    print()
    print(report.table(bench.systems))
    print()
    print(report.target_lines(verdicts))
    print(f"\nraw numbers: {bench.args.out}")


def main():
    args = parse_args()
    started = datetime.datetime.now().astimezone()
    if args.workdir:
        os.makedirs(args.workdir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="polidex-bench-", dir=args.workdir)
    bench = Bench(args=args, work=work)
    log(f"work folder {work} ({'quick' if args.quick else 'full'} run, {args.runs} run(s) per figure)")
    try:
        run_all(bench)
        write_results(bench, started)
    except BenchError as error:
        sys.exit(f"peers.py: {error}")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
