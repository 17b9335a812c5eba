import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch
from django.utils.module_loading import autodiscover_modules

from thidua import loadgen, page_audit, synthetic
from thidua.cache import bump_public_version
from thidua.process import settle_after_startup

# The throughput runs: the floor and the cached page alternate in this many rounds.
ROUNDS = 5


class Command(BaseCommand):
    help = (
        "Measures every registered benchmark page (query count, p50 and p95 through the test "
        "client, rendered without the page cache, then served from it), and the throughput of the "
        "home page against /suc-khoe/ on a gunicorn started on the loopback interface. "
        "Needs `generate_data` (and `load_demo` for the staff accounts) first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=int, default=0, help="scale reported in the summary")
        parser.add_argument("--repeat", type=int, default=20, help="measured requests per page")
        parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests first")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
        parser.add_argument("--concurrency", type=int, default=20)
        parser.add_argument("--seconds", type=float, default=10.0, help="per throughput run")
        parser.add_argument(
            "--page",
            action="append",
            default=[],
            metavar="PATH[@USERNAME]",
            help="an extra page to measure (repeatable), e.g. /admin/units/unit/@admin",
        )
        parser.add_argument("--no-load", action="store_true", help="skip the gunicorn part")
        parser.add_argument(
            "--only-load", action="store_true", help="only the gunicorn part (no page renders)"
        )

    def handle(self, *args, **options):
        autodiscover_modules("synthetic")
        if not synthetic.exists():
            raise CommandError("Chưa có dữ liệu tổng hợp: hãy chạy `manage.py generate_data`.")
        settle_after_startup()  # as every gunicorn worker does (thidua.wsgi)
        pages = [] if options["only_load"] else self.pages(options["page"])
        rows = []
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        floor_p50 = 0.0
        with override_settings(ALLOWED_HOSTS=hosts):
            if pages:
                # The floor: an empty view through the full middleware stack, same client, same
                # run. Pages are judged as multiples of it, which travels between machines.
                floor = self.measure("Sàn: /suc-khoe/", "/suc-khoe/", None, options)
                floor_p50 = floor["p50"]
                rows.append(floor)
            for label, path, username in pages:
                rows.append(self.measure(label, path, username, options))
        self.print_table(rows)

        ratio = 0.0
        if not options["no_load"]:
            ratio = self.throughput(options)
        measured = [row for row in rows if row["status"] == 200]
        p95_max = max((row["p95"] for row in measured), default=0.0)
        queries_max = max((row["queries"] for row in measured), default=0)
        over_bound = sum(row["queries"] > row["bound"] for row in measured)
        over_floor = p95_max / floor_p50 if floor_p50 else 0.0
        self.stdout.write(
            f"bench: scale={options['scale']} p95_max_ms={round(p95_max)} "
            f"queries_max={queries_max} queries_over_bound={over_bound} "
            f"cached_vs_floor={ratio:.2f} "
            f"floor_p50_ms={floor_p50:.2f} p95_max_over_floor={over_floor:.1f}"
        )

    def pages(self, extra):
        pages = []
        for provider in synthetic.bench_page_providers():
            try:
                pages.extend(provider())
            except NoReverseMatch as error:
                self.stderr.write(f"Bỏ qua {provider.__module__}.{provider.__name__}: {error}")
        pages.extend(synthetic.admin_changelists())
        for item in extra:
            path, _, username = item.partition("@")
            pages.append((path, path, username or None))
        if not any(path == "/" for _, path, _ in pages):
            pages.insert(0, ("Trang chủ", "/", None))
        return pages

    def client_for(self, username):
        client = Client()
        if username:
            # A bench page names an account, or a role (thidua.roles) held by some active user.
            users = get_user_model().objects.filter(is_active=True).order_by("pk")
            user = (
                users.filter(username=username).first()
                or users.filter(groups__name=username).first()
            )
            if user is None:
                raise CommandError(
                    f"Không có tài khoản hay vai trò «{username}»: hãy chạy "
                    "`manage.py load_demo` trước."
                )
            client.force_login(user)
        return client

    def timed(self, client, path, count):
        timings, status = [], None
        for _ in range(count):
            started = time.perf_counter()
            response = client.get(path, secure=True)
            if response.streaming:  # an export: the work happens while the body is read
                for _chunk in response.streaming_content:
                    pass
            timings.append((time.perf_counter() - started) * 1000)
            status = response.status_code
        return timings, status

    def measure(self, label, path, username, options):
        client = self.client_for(username)
        # Rendered every time: what a page costs when its cache entry is missing.
        with override_settings(PAGE_CACHE_ENABLED=False):
            self.timed(client, path, options["warmup"])
            reset_queries()  # a full query log would make the count read 0
            with CaptureQueriesContext(connection) as queries:
                client.get(path, secure=True)
            query_count = len(queries)  # read now: the next request clears the log
            timings, status = self.timed(client, path, options["repeat"])
        row = {
            "label": label,
            "path": path,
            "role": username or "khách",
            "status": status,
            "queries": query_count,
            "bound": page_audit.Visit(path, page_audit.url_name(path), status, 0).bound,
            "p50": loadgen.percentile(timings, 50),
            "p95": loadgen.percentile(timings, 95),
            "cached_p50": None,
        }
        if not username and path != "/suc-khoe/":
            bump_public_version()
            with override_settings(PAGE_CACHE_ENABLED=True):
                self.timed(client, path, 1)
                cached, _ = self.timed(client, path, options["repeat"])
            row["cached_p50"] = loadgen.percentile(cached, 50)
        return row

    def print_table(self, rows):
        header = (
            f"{'trang':<34} {'vai trò':<10} {'mã':>4} {'truy vấn':>8} {'giới hạn':>8} "
            f"{'p50 ms':>8} {'p95 ms':>8} {'cache p50':>10}  đường dẫn"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            cached = "" if row["cached_p50"] is None else f"{row['cached_p50']:.2f}"
            self.stdout.write(
                f"{row['label'][:34]:<34} {row['role'][:10]:<10} {row['status']:>4} "
                f"{row['queries']:>8} {row['bound']:>8} {row['p50']:>8.1f} {row['p95']:>8.1f} {cached:>10}  "
                f"{row['path']}"
            )
        failing = [row for row in rows if row["status"] != 200]
        for row in failing:
            self.stderr.write(f"Cảnh báo: {row['path']} trả mã {row['status']}, không tính.")

    def throughput(self, options):
        self.stdout.write(
            f"\nThông lượng qua gunicorn ({options['workers']} worker, đồng thời "
            f"{options['concurrency']}, {options['seconds']:g} s mỗi trang, chia {ROUNDS} lượt xen "
            "kẽ):"
        )
        pages = [("sàn /suc-khoe/", "/suc-khoe/"), ("trang chủ (cache)", "/")]
        runs = {path: [] for _, path in pages}
        with loadgen.gunicorn(workers=options["workers"]) as port:
            for _, path in pages:
                loadgen.run_load(port, [path], concurrency=2, seconds=1.0)  # warm-up
            # The floor and the page take turns, so that a burst of load on the machine falls on
            # both rather than on one of them.
            for _ in range(ROUNDS):
                for _, path in pages:
                    runs[path].append(
                        loadgen.run_load(
                            port,
                            [path],
                            concurrency=options["concurrency"],
                            seconds=options["seconds"] / ROUNDS,
                        )
                    )
        for label, path in pages:
            result = loadgen.LoadResult.combined(runs[path])
            self.stdout.write(
                f"  {label:<20} {result.rate:>9.0f} req/s  p50 "
                f"{result.percentile(50) * 1000:.1f} ms  p95 "
                f"{result.percentile(95) * 1000:.1f} ms  lỗi {result.errors}"
            )
            if result.errors:
                raise CommandError(f"{path}: {result.errors} lỗi {result.statuses}")
        return interleaved_ratio(runs["/"], runs["/suc-khoe/"])


def interleaved_ratio(page_runs, floor_runs) -> float:
    """The page's rate over the floor's, the median of the rounds measured side by side."""
    ratios = [
        page.rate / floor.rate
        for page, floor in zip(page_runs, floor_runs, strict=True)
        if floor.rate
    ]
    return statistics.median(ratios) if ratios else 0.0
