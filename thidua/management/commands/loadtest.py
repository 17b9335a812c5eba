import contextlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import NoReverseMatch
from django.utils.module_loading import autodiscover_modules

from thidua import loadgen, synthetic

# Public pages every dataset has; the apps' benchmark pages add the ones that need a record.
ALWAYS = ["/", "/su-kien/", "/khen-thuong/", "/tim-kiem/?q=hoa+lac"]


class Command(BaseCommand):
    help = (
        "Load test: starts gunicorn on a free loopback port with these settings and sends GETs "
        "to the public pages (home, year, bloc, unit, events, awards, search) from many "
        "connections for a fixed time, then reports requests, errors and p50/p95. "
        "Exits with an error when any request failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=float, default=60.0)
        parser.add_argument("--concurrency", type=int, default=50)
        parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
        parser.add_argument("--processes", type=int, default=2, help="load generator processes")
        parser.add_argument(
            "--servers",
            type=int,
            default=1,
            help="app servers (gunicorn instances on their own ports, sharing the database and "
            "DJANGO_CACHE_URL); the connections are spread over them",
        )
        parser.add_argument(
            "--path",
            action="append",
            default=[],
            help="load only these paths (repeatable) instead of the public benchmark pages",
        )

    def handle(self, *args, **options):
        paths = options["path"] or self.public_paths()
        self.stdout.write(
            f"loadtest: {len(paths)} trang, đồng thời {options['concurrency']}, "
            f"{options['seconds']:g} s, {options['servers']} máy chủ gunicorn × "
            f"{options['workers']} worker"
        )
        with contextlib.ExitStack() as stack:
            ports = [
                stack.enter_context(loadgen.gunicorn(workers=options["workers"]))
                for _ in range(options["servers"])
            ]
            result = loadgen.run_load(
                ports,
                paths,
                concurrency=options["concurrency"],
                seconds=options["seconds"],
                processes=options["processes"],
            )
        self.stdout.write(f"{'yêu cầu':>8} {'lỗi':>6}  mã trả về  đường dẫn")
        for path in paths:
            counts = result.by_path.get(path, {})
            failed = sum(n for status, n in counts.items() if not _ok(status))
            statuses = ", ".join(f"{status}×{n}" for status, n in sorted(counts.items(), key=str))
            self.stdout.write(f"{sum(counts.values()):>8} {failed:>6}  {statuses:<10} {path}")
        self.stdout.write(
            f"loadtest: servers={options['servers']} requests={result.requests} "
            f"errors={result.errors} "
            f"rate={result.rate:.0f}/s p50_ms={result.percentile(50) * 1000:.1f} "
            f"p95_ms={result.percentile(95) * 1000:.1f}"
        )
        if result.errors:
            raise CommandError(f"{result.errors} yêu cầu lỗi: {result.statuses}")

    def public_paths(self):
        autodiscover_modules("synthetic")
        paths = list(ALWAYS)
        for provider in synthetic.bench_page_providers():
            try:
                pages = provider()
            except NoReverseMatch as error:
                self.stderr.write(f"Bỏ qua {provider.__module__}.{provider.__name__}: {error}")
                continue
            paths += [path for _, path, username in pages if username is None]
        excluded = settings.PAGE_CACHE_EXCLUDED_PREFIXES
        paths = [p for p in dict.fromkeys(paths) if not any(p.startswith(x) for x in excluded)]
        return paths


def _ok(status):
    return isinstance(status, int) and status < 400
