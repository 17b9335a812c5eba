"""The health view, the load generator and the benchmark command."""

import http.server
import subprocess
import sys
import threading

import pytest
from django.core.management import call_command

from tests.factories import synthetic_dataset
from thidua import loadgen


def test_health_answers_ok_without_the_database(client):
    # No db fixture: a query would fail the test.
    response = client.get("/suc-khoe/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status = 200 if self.path == "/co/" else 404
        body = b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    server = http.server.ThreadingHTTPServer((loadgen.LOOPBACK, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("processes", [1, 2])
def test_load_generator_counts_requests_and_errors_per_page(loopback_server, processes):
    result = loadgen.run_load(
        loopback_server,
        ["/co/", "/khong/"],
        concurrency=4,
        seconds=30,
        processes=processes,
        max_requests=200,
    )
    assert result.requests == 200
    assert result.by_path["/co/"] == {200: 100}
    assert result.by_path["/khong/"] == {404: 100}
    assert result.errors == 100
    assert 0 < result.percentile(50) <= result.percentile(95)


def test_load_is_spread_over_several_servers(loopback_server):
    second = http.server.ThreadingHTTPServer((loadgen.LOOPBACK, 0), CountingHandler)
    thread = threading.Thread(target=second.serve_forever, daemon=True)
    thread.start()
    try:
        result = loadgen.run_load(
            [loopback_server, second.server_address[1]],
            ["/co/"],
            concurrency=4,
            seconds=30,
            processes=1,
            max_requests=100,
        )
    finally:
        second.shutdown()
        second.server_close()
    assert result.requests == 100 and result.errors == 0
    assert 0 < CountingHandler.served < 100  # the other server answered the rest


class CountingHandler(Handler):
    served = 0

    def do_GET(self):
        CountingHandler.served += 1
        super().do_GET()


def test_bench_measures_pages_and_ends_with_the_summary_line(db, capsys):
    synthetic_dataset(10, units=12, blocs=2, years=2, events=4, people=5)
    call_command("bench", "--scale=10", "--repeat=2", "--warmup=1", "--no-load")
    lines = capsys.readouterr().out.strip().splitlines()
    home = next(line.split() for line in lines if line.startswith("Trang chủ"))
    assert home[3] == "200"  # status
    assert int(home[4]) > 0  # queries of an uncached render
    assert lines[-1].startswith("bench: scale=10 p95_max_ms=")
    assert "queries_max=" in lines[-1] and "cached_vs_floor=0.00" in lines[-1]
    # Every page within its declared query bound (thidua/query_bounds.py), the year page too.
    assert "queries_over_bound=0" in lines[-1]
    assert next(line.split() for line in lines if line.startswith("Trang năm"))[3] == "200"
    # Every page is judged against the empty view measured in the same run.
    floor = next(line.split() for line in lines if line.startswith("Sàn: /suc-khoe/"))
    figures = dict(item.split("=") for item in lines[-1].split()[1:])
    assert float(figures["floor_p50_ms"]) > 0
    assert float(figures["p95_max_over_floor"]) >= 1.0
    assert floor[4] == "0"  # the floor reads no database
    assert any(line.startswith("Trang hồ sơ (thẩm định)") for line in lines)
    assert any(line.startswith("Quản trị: trang quyết định") for line in lines)
    assert any(line.startswith("Quản trị: sự kiện và các mục") for line in lines)
    stats = next(line.split() for line in lines if line.startswith("Thống kê (công khai)"))
    assert stats[5] == "200" and int(stats[6]) <= 10  # status, queries
    api = next(line for line in lines if line.startswith("API awards "))
    assert " 200 " in api


@pytest.mark.parametrize("module", ["thidua.wsgi", "thidua.asgi"])
def test_an_app_server_process_freezes_what_startup_loaded(module):
    # A process of its own: this one's collector state is the test runner's.
    code = f"import gc, {module}; print(gc.get_freeze_count())"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert int(result.stdout) > 10_000


def test_a_burst_of_load_during_one_round_does_not_move_the_cached_ratio():
    from thidua.loadgen import LoadResult
    from thidua.management.commands.bench import interleaved_ratio

    def runs(*rates):
        return [LoadResult(requests=rate, seconds=1.0) for rate in rates]

    # Round 3: a burst of other work on the machine slowed the floor's turn down.
    floor = runs(1000, 1000, 300, 1000, 1000)
    page = runs(950, 950, 950, 950, 950)
    assert interleaved_ratio(page, floor) == 0.95
    combined = LoadResult.combined(floor)
    assert (combined.requests, combined.seconds, combined.rate) == (4300, 5.0, 860.0)
    assert LoadResult.combined(page).rate / combined.rate > 1.1  # what the totals would say
