"""A small HTTP load generator for the benchmarks: a gunicorn server on loopback, clients
as threads of this process, a closed loop (back to back) and a paced loop (think time), and
where the machine's CPU went while they ran.

    with gunicorn(workers=3, threads=4) as server:
        result = closed_loop(server.port, clients, send)
        result = paced_loop(server.port, clients, send, interval=2.0, per_client=15)

`send(conn, item)` makes one request on an `http.client.HTTPConnection` and returns True when
the response is the expected one. Latencies are in milliseconds.
"""

from __future__ import annotations

import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
Send = Callable[[http.client.HTTPConnection, object], bool]


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    database: str  # its PostgreSQL database's name

    def pids(self) -> list[int]:
        """The master and its workers."""
        return [self.process.pid, *_children(self.process.pid)]


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0  # seconds
    late_starts: int = 0  # paced loop: requests sent after their scheduled time
    reconnects: int = 0  # requests resent because the server closed an idle connection
    cpu: dict[str, float] = field(default_factory=dict)  # group -> CPU seconds
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _wait_for(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


@contextmanager
def gunicorn(
    *, workers: int, threads: int, env: dict[str, str], database: str, warm_path: str = "/"
) -> Iterator[Server]:
    """`config.wsgi` under gunicorn on a free loopback port; every worker warmed (imports,
    database connection) before the block runs."""
    port = free_port()
    args = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if threads > 1:
        args += ["--worker-class", "gthread", "--threads", str(threads)]
    process = subprocess.Popen(args, cwd=REPO_ROOT, env={**os.environ, **env})
    try:
        _wait_for(port)
        for _ in range(workers * max(threads, 1) * 2):
            warm = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            warm.request("GET", warm_path, headers={"Host": "127.0.0.1"})
            warm.getresponse().read()
            warm.close()
        yield Server(port=port, process=process, database=database)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- CPU accounting ---------------------------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK")


def _proc_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def _postgres_pids(database: str) -> list[int]:
    """PostgreSQL backends connected to `database` (their title names it)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() != "postgres":
                    continue
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, UnicodeDecodeError):
                continue
            if f" {database} " in title:
                pids.append(int(entry.name))
    return pids


def _machine_busy() -> float:
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    values = [int(v) for v in fields]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / _TICK


def cpu_snapshot(server: Server) -> dict:
    """CPU seconds so far of each server process, of each backend of the server's database,
    of this process and of the whole machine."""
    return {
        "server": {pid: _proc_cpu(pid) for pid in server.pids()},
        "database": {pid: _proc_cpu(pid) for pid in _postgres_pids(server.database)},
        "clients": sum(os.times()[:2]),
        "machine": _machine_busy(),
    }


def _cpu_delta(before: dict, after: dict) -> dict[str, float]:
    """CPU seconds spent between the snapshots. A process started meanwhile counts whole;
    one that ended meanwhile (a database connection past its CONN_MAX_AGE) is lost."""
    delta = {key: max(after[key] - before[key], 0.0) for key in ("clients", "machine")}
    for key in ("server", "database"):
        delta[key] = sum(
            max(cpu - before[key].get(pid, 0.0), 0.0) for pid, cpu in after[key].items()
        )
    # Whatever else ran on the machine meanwhile (other jobs skew the figures when large).
    delta["other"] = max(
        delta["machine"] - delta["server"] - delta["database"] - delta["clients"], 0.0
    )
    return delta


# --- The loops --------------------------------------------------------------------------


def _connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=30)


_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


def _one(conn, port, send, item, result) -> tuple[http.client.HTTPConnection, bool]:
    """Send `item`; like a browser, resend once on a fresh connection when the server had
    closed the idle keep-alive connection before reading the request (gunicorn's
    keep-alive is 2 s, about a paced client's think time). Other failures are errors."""
    reused = conn.sock is not None
    try:
        return conn, send(conn, item)
    except _STALE:
        conn.close()
        if not reused:
            return _connect(port), False
    except (OSError, http.client.HTTPException):
        conn.close()
        return _connect(port), False
    conn = _connect(port)
    with result.lock:
        result.reconnects += 1
    try:
        return conn, send(conn, item)
    except (OSError, http.client.HTTPException):
        conn.close()
        return _connect(port), False


def closed_loop(server: Server, clients: Sequence[Sequence[object]], send: Send) -> Result:
    """Each client sends its items back to back on one keep-alive connection, all clients
    starting together: the worst case (no think time, every client always waiting)."""
    result = Result()
    barrier = threading.Barrier(len(clients))

    def run(items: Sequence[object]) -> None:
        conn = _connect(server.port)
        barrier.wait()
        for item in items:
            began = time.perf_counter()
            conn, ok = _one(conn, server.port, send, item, result)
            elapsed = (time.perf_counter() - began) * 1000
            with result.lock:
                result.latencies.append(elapsed)
                result.errors += not ok
        conn.close()

    return _drive(server, [(items,) for items in clients], run, result)


def paced_loop(
    server: Server,
    clients: Sequence[Sequence[object]],
    send: Send,
    *,
    interval: float,
    seed: int = 6,
) -> Result:
    """Each client starts at a random moment within the first `interval` seconds, then sends
    one item every `interval` seconds on average (think time drawn uniformly from 0.5x to
    1.5x). The schedule does not wait for the server: a request due while the previous one
    is still running is sent as soon as that one ends, and its latency counts from when it
    was due (no coordinated omission), so a slow server shows up in the figures."""
    result = Result()
    barrier = threading.Barrier(len(clients))
    rngs = [random.Random(seed * 1000 + index) for index in range(len(clients))]

    def run(items: Sequence[object], rng: random.Random) -> None:
        conn = _connect(server.port)
        barrier.wait()
        due = time.perf_counter() + rng.uniform(0, interval)
        for item in items:
            wait = due - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            late = wait < -0.001
            conn, ok = _one(conn, server.port, send, item, result)
            elapsed = (time.perf_counter() - due) * 1000
            with result.lock:
                result.latencies.append(elapsed)
                result.errors += not ok
                result.late_starts += late
            due += interval * rng.uniform(0.5, 1.5)
        conn.close()

    return _drive(server, [(items, rngs[i]) for i, items in enumerate(clients)], run, result)


def _drive(server: Server, jobs, run, result: Result) -> Result:
    threads = [threading.Thread(target=run, args=job) for job in jobs]
    before = cpu_snapshot(server)
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.wall = time.perf_counter() - began
    result.cpu = _cpu_delta(before, cpu_snapshot(server))
    return result


def report_result(report, prefix: str, result: Result) -> None:
    """BENCH lines of a loop: p50, p95, errors, reconnects, throughput and CPU per request."""
    from bench.common import percentile

    n = len(result.latencies)
    report(f"{prefix}_p50", round(percentile(result.latencies, 50), 1), "ms")
    report(f"{prefix}_p95", round(percentile(result.latencies, 95), 1), "ms")
    report(f"{prefix}_errors", result.errors, "requests")
    report(f"{prefix}_reconnects", result.reconnects, "requests")
    report(f"{prefix}_throughput", round(result.throughput, 1), "req/s")
    for group in ("machine", "server", "database", "clients", "other"):
        report(f"{prefix}_cpu_{group}", round(result.cpu[group] * 1000 / n, 2), "ms/req")
    print(f"# {prefix}: {n} requests in {result.wall:.1f} s", file=sys.stderr)
