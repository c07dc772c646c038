#!/usr/bin/env python3
# A bounded HTTP load on a polidex index, on 127.0.0.1 only:
#
#     python3 benches/load.py --index index/ [--requests 5000] [--connections 64]
#
# Starts `polidex serve` (release build) on a free local port, sends the benchmark queries
# (benches/queries/{en,fr,nl}.txt, cycled) as GET /api/search over many keep-alive
# connections, and prints requests per second, p50/p95/p99 latency, errors and the server's
# peak memory. Not a test: figures vary with the machine's load. `benches/peers.py` runs the
# same load against tantivy-cli's `serve` for a ratio.

import argparse
import os
import subprocess
import sys

from peerbench import loadgen, polidex, queries
from peerbench.measure import BenchError

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args():
    parser = argparse.ArgumentParser(description="A bounded HTTP load on polidex serve (127.0.0.1).")
    parser.add_argument("--index", default=os.path.join(REPO, "index"), help="the index to serve")
    parser.add_argument("--requests", type=int, default=5000, help="requests in the timed load")
    parser.add_argument("--connections", type=int, default=64, help="concurrent connections")
    args = parser.parse_args()
    if not 1 <= args.requests <= 1_000_000 or not 1 <= args.connections <= 10_000:
        parser.error("--requests must be 1..1000000 and --connections 1..10000")
    return args


def peak_rss_kib(pid):
    """The server's peak resident memory (VmHWM), in KiB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def main():
    args = parse_args()
    if not os.path.exists(os.path.join(args.index, "meta.json")):
        sys.exit(f"load.py: {args.index}: no index here; run `polidex index` first")
    binary, _ = polidex.build(REPO)
    chosen = queries.warm_set()
    paths = [polidex.search_path(chosen[i % len(chosen)]) for i in range(args.requests)]
    port = loadgen.free_port()
    command = polidex.serve_command(binary, args.index, port)
    try:
        with loadgen.running_server(command, port) as server:
            loadgen.load(port, paths[:500], args.connections)
            report = loadgen.load(port, paths, args.connections)
            peak = peak_rss_kib(server.pid)
    except (BenchError, subprocess.SubprocessError) as error:
        sys.exit(f"load.py: {error}")
    print(
        f"{report['requests']} requests over {args.connections} connections: "
        f"{report['rps']:.0f} req/s, p50 {report['p50_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, "
        f"p99 {report['p99_ms']:.1f} ms, {report['errors']} errors"
        + (f", server peak RSS {peak / 1024:.0f} MiB" if peak else "")
    )
    sys.exit(1 if report["errors"] else 0)


if __name__ == "__main__":
    main()
