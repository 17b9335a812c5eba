"""Benchmark of the Excel imports: preview and confirm of a bloc's proposals file and of a past
decision, with times and peak memory (tracemalloc), against a floor measured in the same run
(reading the same file with openpyxl alone). Everything it writes is rolled back."""

import io
import time
import tracemalloc

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from openpyxl import Workbook

from awards.imports import DecisionImporter, ProposalImporter
from awards.models import AwardType
from blocs.models import Bloc, BlocYear, Membership
from thidua import roles
from thidua.imports import run
from thidua.imports.reader import read_rows
from units.models import Unit, UnitKind, User

PREFIX = "bench-nhap-"


class _Rollback(Exception):
    pass


def _workbook(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Dữ liệu")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _measure(action, *, twice=True):
    """(seconds, peak MB). `twice`: timed without tracemalloc, then run again under it for the
    memory; otherwise one run under tracemalloc (its overhead is then in the time)."""
    seconds = None
    if twice:
        started = time.perf_counter()
        action()
        seconds = time.perf_counter() - started
    tracemalloc.start()
    try:
        started = time.perf_counter()
        action()
        seconds = seconds if seconds is not None else time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1048576
    finally:
        tracemalloc.stop()
    return seconds, peak


class Command(BaseCommand):
    help = (
        "Đo thời gian và bộ nhớ của nhập từ Excel: xem trước và ghi một tệp đề nghị của khối "
        "(mặc định 10.000 dòng) và một quyết định (mặc định 2.000 dòng). Không để lại dữ liệu."
    )

    def add_arguments(self, parser):
        parser.add_argument("--proposals", type=int, default=10_000)
        parser.add_argument("--decision", type=int, default=2_000)

    def handle(self, *args, **options):
        results = []
        try:
            with transaction.atomic():
                clerk, bloc, year, units, types = self._world(options["proposals"])
                results.append(self._proposals(clerk, bloc, year, units, types, options))
                results.append(self._decision(clerk, options["decision"]))
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write(
            f"{'tệp':<28}{'dòng':>8}{'đọc (s)':>10}{'xem trước (s)':>15}{'ghi (s)':>10}"
            f"{'đỉnh xem trước (MB)':>21}{'đỉnh ghi (MB)':>15}"
        )
        for r in results:
            self.stdout.write(
                f"{r['label']:<28}{r['rows']:>8}{r['read']:>10.2f}{r['preview']:>15.2f}"
                f"{r['confirm']:>10.2f}{r['preview_mb']:>21.1f}{r['confirm_mb']:>15.1f}"
            )
        summary = " ".join(
            f"{r['key']}_rows={r['rows']} {r['key']}_preview_s={r['preview']:.2f} "
            f"{r['key']}_confirm_s={r['confirm']:.2f} "
            f"{r['key']}_preview_vs_read={r['preview'] / max(r['read'], 1e-6):.1f} "
            f"{r['key']}_peak_mb={max(r['preview_mb'], r['confirm_mb']):.1f}"
            for r in results
        )
        self.stdout.write(f"bench_imports: {summary}")

    def _world(self, rows):
        ministry = Unit.objects.create(
            name="Bộ thử nghiệm nhập", kind=UnitKind.MINISTRY, slug=f"{PREFIX}bo"
        )
        bloc = Bloc.objects.create(
            name="Khối thử nghiệm nhập", slug=f"{PREFIX}khoi", organiser=ministry
        )
        year = 2025
        bloc_year = BlocYear.objects.create(bloc=bloc, year=year)
        types = [t for t in AwardType.objects.order_by("order") if t.accepts_unit()][:5]
        count = -(-rows // len(types))
        units = Unit.objects.bulk_create(
            Unit(name=f"Đơn vị thử nghiệm nhập {i}", kind=UnitKind.CENTRE, slug=f"{PREFIX}{i}")
            for i in range(count)
        )
        # A bloc proposes only its member units that year (the rule typed-in dossiers follow).
        Membership.objects.bulk_create(
            Membership(bloc_year=bloc_year, unit=unit, year=year, organiser=ministry, order=i)
            for i, unit in enumerate(units, start=1)
        )
        clerk = User.objects.create(username=f"{PREFIX}thu-ky")
        clerk.groups.add(Group.objects.get_or_create(name=roles.SECRETARIAT)[0])
        return clerk, bloc, year, units, types

    def _run(self, key, label, importer, data, options, clerk):
        filename = f"{key}.xlsx"
        read, _ = _measure(lambda: read_rows(data, filename, importer.columns))
        preview, preview_mb = _measure(
            lambda: run.preview(importer, data, filename, options, clerk)
        )

        def confirm():
            with transaction.atomic():
                plan = run.confirm(importer, data, filename, options, clerk)
                assert not plan.blocked
                transaction.set_rollback(True)

        # The write is the slow step (a service call per row): measured once, under tracemalloc.
        seconds, confirm_mb = _measure(confirm, twice=False)
        rows = len(read_rows(data, filename, importer.columns))
        return {
            "key": key,
            "label": label,
            "rows": rows,
            "read": read,
            "preview": preview,
            "confirm": seconds,
            "preview_mb": preview_mb,
            "confirm_mb": confirm_mb,
        }

    def _proposals(self, clerk, bloc, year, units, types, options):
        header = [c.header for c in ProposalImporter.columns[:2]]
        rows = [header] + [
            [types[i % len(types)].name, units[i // len(types)].name]
            for i in range(options["proposals"])
        ]
        return self._run(
            "proposals",
            "đề nghị của khối",
            ProposalImporter(),
            _workbook(rows),
            {"bloc": bloc, "year": year},
            clerk,
        )

    def _decision(self, clerk, count):
        header = [
            "Số quyết định",
            "Ngày quyết định",
            "Loại khen thưởng",
            "Cá nhân",
            "Năm thành tích",
        ]
        award = AwardType.objects.get(slug="bang-khen-bo-truong").name
        rows = [header] + [
            ["99/QĐ-THU-NGHIEM", "31/12/2015", award, f"Cá nhân thử nghiệm nhập {i}", 2015]
            for i in range(count)
        ]
        return self._run(
            "decision", "quyết định cũ", DecisionImporter(), _workbook(rows), {}, clerk
        )
