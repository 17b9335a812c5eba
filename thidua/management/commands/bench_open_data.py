"""Benchmark of the bulk open data (part of `make bench`): each dataset's streamed CSV and JSON
download, read to the end — time, rows, size and peak Python memory — judged against the floor
(/suc-khoe/) measured in the same run, as `bench` does. tracemalloc slows Python several times, so
the time is taken on a plain read and the peak memory on a second read, also to the end. (A
second read stopped after a few chunks left its generator to the collector, which closed the
server-side cursor in the middle of a later fetch on the same connection: the full-scale run
hung, and on PostgreSQL the cursor's early close broke the test's transaction.)"""

import time
import tracemalloc

from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.test.utils import override_settings

from thidua import loadgen, open_data


class Command(BaseCommand):
    help = "Đo thời gian và bộ nhớ đỉnh khi tải toàn bộ dữ liệu mở (CSV, JSON)."

    def add_arguments(self, parser):
        parser.add_argument("--floor-repeat", type=int, default=30)
        parser.add_argument(
            "--dataset", action="append", default=[], help="only these datasets (repeatable)"
        )

    def handle(self, *args, **options):
        client = Client()
        with override_settings(ALLOWED_HOSTS=["*"], PAGE_CACHE_ENABLED=False):
            floor = []
            for _ in range(options["floor_repeat"]):
                started = time.perf_counter()
                client.get("/suc-khoe/", secure=True)
                floor.append((time.perf_counter() - started) * 1000)
            floor_p50 = loadgen.percentile(floor, 50)
            rows = []
            for slug in options["dataset"] or list(open_data.DATASETS):
                for fmt in ("csv", "json"):
                    rows.append(self.measure(client, slug, fmt))
        worst = max(rows, key=lambda row: row["ms"])
        for row in rows:
            self.stdout.write(
                f"{row['path']:<32} {row['status']:>4}  {row['ms']:>9.0f} ms  "
                f"{row['bytes'] / 1048576:>8.2f} MB  {row['chunks']:>9} khối  "
                f"bộ nhớ đỉnh {row['peak_mb']:>6.1f} MB"
            )
        peak = max(row["peak_mb"] for row in rows)
        self.stdout.write(
            f"bench_open_data: floor_p50_ms={floor_p50:.2f} slowest={worst['path']} "
            f"slowest_ms={worst['ms']:.0f} slowest_over_floor={worst['ms'] / floor_p50:.0f} "
            f"peak_mb_max={peak:.1f}"
        )
        if any(row["status"] != 200 for row in rows):
            raise CommandError("Một tệp dữ liệu mở không tải được (mã khác 200).")

    def measure(self, client, slug, fmt):
        path = f"/du-lieu-mo/{slug}.{fmt}"
        started = time.perf_counter()
        response = client.get(path, secure=True)
        size = chunks = 0
        for chunk in _body(response):
            size += len(chunk)
            chunks += 1
        elapsed = (time.perf_counter() - started) * 1000
        tracemalloc.start()
        for _chunk in _body(client.get(path, secure=True)):
            pass
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {
            "path": path,
            "status": response.status_code,
            "ms": elapsed,
            "bytes": size,
            "chunks": chunks,
            "peak_mb": peak / 1048576,
        }


def _body(response):
    return response.streaming_content if response.streaming else [response.content]
