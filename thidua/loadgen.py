"""A small HTTP load generator and a gunicorn launcher, for `bench` and `loadtest`.

Traffic only ever goes to a gunicorn this module starts on the loopback interface; every run is
bounded in time and in request count, and stops by itself.
"""

import contextlib
import http.client
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from django.conf import settings

LOOPBACK = "127.0.0.1"


def free_port():
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def _get(conn, path, host):
    conn.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https"})
    response = conn.getresponse()
    response.read()
    return response.status


@contextlib.contextmanager
def gunicorn(workers=3, threads=4, startup_timeout=60):
    """Runs `gunicorn thidua.wsgi` with this process's settings on a free loopback port."""
    port = free_port()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=os.environ.get("DJANGO_SETTINGS_MODULE", "thidua.settings"),
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "thidua.wsgi:application",
        f"--bind={LOOPBACK}:{port}",
        f"--workers={workers}",
        "--worker-class=gthread",
        f"--threads={threads}",
        "--keep-alive=30",
        "--log-level=warning",
        f"--chdir={settings.BASE_DIR}",
    ]
    process = subprocess.Popen(command, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with code {process.returncode}")
            try:
                conn = http.client.HTTPConnection(LOOPBACK, port, timeout=2)
                if _get(conn, "/suc-khoe/", host_header()) == 200:
                    conn.close()
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer /suc-khoe/ in time")
            time.sleep(0.2)
        yield port
    finally:
        # Only the process group this function started.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def host_header():
    hosts = [h for h in settings.ALLOWED_HOSTS if h and not h.startswith(".") and h != "*"]
    return hosts[0] if hosts else "localhost"


@dataclass
class LoadResult:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    by_path: dict = field(default_factory=dict)

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q):
        return percentile(self.latencies, q)

    @classmethod
    def combined(cls, results):
        """Runs made one after the other as one run (their times and requests added up)."""
        total = cls()
        for result in results:
            total.requests += result.requests
            total.errors += result.errors
            total.seconds += result.seconds
            total.latencies += result.latencies
            _merge(total.statuses, result.statuses)
        return total


def percentile(values, q):
    """q-th percentile (1-99) of `values`, interpolated, in the same unit."""
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def run_load(port, paths, concurrency=20, seconds=10.0, processes=2, max_requests=2_000_000):
    """GETs `paths` round robin from `concurrency` keep-alive connections until time runs out.

    `port` is one port, or a list of ports (several app servers) that the connections share.

    The connections are shared out among `processes` processes, so the client's own interpreter
    lock does not cap the rate. A response that is not 2xx/3xx, a timeout or a connection error
    counts as an error.
    """
    processes = max(1, min(processes, concurrency))
    if processes == 1:
        return _run_threads(port, paths, concurrency, seconds, max_requests, host_header())
    shares = [concurrency // processes + (i < concurrency % processes) for i in range(processes)]
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        parts = pool.starmap(
            _run_threads,
            [
                (port, paths, share, seconds, max_requests // processes, host_header(), i)
                for i, share in enumerate(shares)
            ],
        )
    result = LoadResult(seconds=max(part.seconds for part in parts))
    for part in parts:
        result.latencies.extend(part.latencies)
        result.errors += part.errors
        _merge(result.statuses, part.statuses)
        for path, counts in part.by_path.items():
            _merge(result.by_path.setdefault(path, {}), counts)
    result.requests = len(result.latencies)
    return result


def _merge(into, counts):
    for key, count in counts.items():
        into[key] = into.get(key, 0) + count


def _run_threads(port, paths, concurrency, seconds, max_requests, host, offset=0, timeout=10.0):
    result = LoadResult()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [max_requests]
    sent = [0]

    ports = list(port) if isinstance(port, (list, tuple)) else [port]
    counter = iter(range(concurrency))

    def worker():
        # Connections are spread over the servers (several app servers: one port each).
        with lock:
            own_port = ports[(next(counter) + offset) % len(ports)]
        conn = http.client.HTTPConnection(LOOPBACK, own_port, timeout=timeout)
        latencies, statuses, by_path, errors = [], {}, {}, 0
        while time.monotonic() < deadline:
            # The path comes from the shared request sequence, so the pages get equal shares
            # however unevenly the threads are scheduled.
            with lock:
                if budget[0] <= 0:
                    break
                sequence = sent[0]
                sent[0] += 1
                budget[0] -= 1
            path = paths[(sequence + offset) % len(paths)]
            started = time.perf_counter()
            try:
                status = _get(conn, path, host)
            except (OSError, http.client.HTTPException):
                status = "connexion"
                conn.close()
                conn = http.client.HTTPConnection(LOOPBACK, own_port, timeout=timeout)
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            by_path.setdefault(path, {}).setdefault(status, 0)
            by_path[path][status] += 1
            if not (isinstance(status, int) and status < 400):
                errors += 1
        conn.close()
        with lock:
            result.latencies.extend(latencies)
            result.errors += errors
            _merge(result.statuses, statuses)
            for path, counts in by_path.items():
                _merge(result.by_path.setdefault(path, {}), counts)

    started = time.monotonic()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout + 30)
    result.seconds = time.monotonic() - started
    result.requests = len(result.latencies)
    return result
