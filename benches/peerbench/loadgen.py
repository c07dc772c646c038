# HTTP load on 127.0.0.1 only: a bounded number of GET requests spread over many keep-alive
# connections (asyncio, raw sockets, HTTP/1.1), with the latency of every request, the
# throughput and the error count. Also starts and stops the servers under test.

import asyncio
import contextlib
import socket
import subprocess
import threading
import time

from .measure import BenchError, describe, latency_summary

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_server(cmd, port, timeout=120):
    """Runs the server `cmd` until the block ends, once it accepts connections on `port`."""
    server = subprocess.Popen(
        list(map(str, cmd)), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    # Keep reading stderr so that a chatty server never blocks on a full pipe; its last
    # lines explain a server that dies before listening.
    stderr = []
    reader = threading.Thread(target=lambda: stderr.extend(server.stderr), daemon=True)
    reader.start()
    try:
        _wait_for_port(server, cmd, port, timeout, lambda: _tail(reader, stderr))
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def _tail(reader, lines):
    reader.join(timeout=5)
    return " | ".join(line.decode("utf-8", "replace").strip() for line in lines[-3:])


def _wait_for_port(server, cmd, port, timeout, stderr_tail):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(
                f"{describe(cmd)}: exit status {server.returncode} before listening: {stderr_tail()}"
            )
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=1):
            return
        time.sleep(0.1)
    raise BenchError(f"{describe(cmd)}: not accepting connections on port {port} after {timeout} s")


async def _read_body(reader, headers):
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
        return True
    if headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                return True
    await reader.read()
    return False


class ClosedBeforeAnswer(ConnectionError):
    """A kept-alive connection the server had closed: the request is sent again once."""


async def _request(reader, writer, path):
    """Sends one GET and reads the whole answer; returns (status, connection reusable)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ClosedBeforeAnswer("connection closed by the server")
    version, status = status_line.split()[:2]
    headers = {}
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    delimited = await _read_body(reader, headers)
    keep_alive = version == b"HTTP/1.1" and headers.get("connection", "").lower() != "close"
    return int(status), delimited and keep_alive


async def _answer(streams, port, path):
    """Status of one request, reusing `streams` when given; returns (status, streams to
    reuse or None)."""
    fresh = streams is None
    try:
        streams = streams or await asyncio.open_connection(HOST, port)
        status, reusable = await _request(*streams, path)
    except ClosedBeforeAnswer:
        streams[1].close()
        if fresh:
            return None, None
        return await _answer(None, port, path)
    except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
        if streams:
            streams[1].close()
        return None, None
    if not reusable:
        streams[1].close()
        return status, None
    return status, streams


async def _connection(port, paths, results):
    """One client connection taking requests from the shared iterator until none is left."""
    streams = None
    for path in paths:
        started = time.perf_counter()
        status, streams = await _answer(streams, port, path)
        results.append((time.perf_counter() - started, status))
    if streams:
        streams[1].close()


async def _load(port, paths, connections):
    shared = iter(paths)
    results = []
    started = time.perf_counter()
    await asyncio.gather(*(_connection(port, shared, results) for _ in range(connections)))
    return results, time.perf_counter() - started


def load(port, paths, connections):
    """Sends every request of `paths` over `connections` connections; returns requests per
    second, latency percentiles (ms) and the number of errors (non-200 or failed)."""
    results, seconds = asyncio.run(_load(port, paths, connections))
    report = latency_summary([elapsed for elapsed, _ in results])
    report["rps"] = len(results) / seconds
    report["errors"] = sum(1 for _, status in results if status != 200)
    report["requests"] = len(results)
    return report
