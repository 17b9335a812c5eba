import random
import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import autodiscover_modules

from thidua import synthetic
from thidua.cache import bump_public_version


class Command(BaseCommand):
    help = (
        "Builds a large synthetic dataset for benchmarks on the configured database "
        "(units, blocs, memberships, people, events, nominations). Never run it on real data."
    )

    def add_arguments(self, parser):
        plan = synthetic.Plan()
        parser.add_argument(
            "--scale",
            type=int,
            default=plan.nominations,
            help="number of nominations and awards (default 1,000,000)",
        )
        for name in ["units", "organisers", "blocs", "years", "events", "people", "batch_size"]:
            parser.add_argument(
                f"--{name.replace('_', '-')}", type=int, default=getattr(plan, name)
            )
        parser.add_argument("--last-year", type=int, default=plan.last_year)

    def handle(self, *args, **options):
        plan = synthetic.Plan(
            nominations=options["scale"],
            **{
                name: options[name]
                for name in [
                    "units",
                    "organisers",
                    "blocs",
                    "years",
                    "events",
                    "people",
                    "batch_size",
                    "last_year",
                ]
            },
        )
        if plan.organisers > plan.units or plan.blocs < plan.organisers:
            raise CommandError("Cần ít nhất một khối cho mỗi cơ quan tổ chức và đủ đơn vị.")
        autodiscover_modules("synthetic")
        ctx = synthetic.Context(plan=plan, rng=random.Random(plan.seed), out=sys.stderr)
        if synthetic.exists():
            self.stdout.write("Dữ liệu tổng hợp đã có trong cơ sở dữ liệu này; không tạo thêm.")
            return
        started = time.monotonic()
        with transaction.atomic():
            for step in synthetic.generators():
                step(ctx)
        bump_public_version()  # bulk inserts send no signals
        if connection.vendor == "postgresql":
            # As autovacuum leaves a running database: statistics, and visibility maps so that
            # counts can read an index alone (a fresh bulk load would otherwise read the heap).
            # VACUUM cannot run inside a transaction (a test's): there, statistics only.
            vacuum = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(vacuum)
        self.stdout.write(
            f"generate_data: scale={plan.nominations} seconds={time.monotonic() - started:.1f}"
        )
