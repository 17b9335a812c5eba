"""Benchmark of the bloc assessment (part of `make bench`): the scoring page of a 40-unit bloc
with 60 criteria items and the ranking page of its result, against a floor (/suc-khoe/) measured
in the same run. Runs inside a transaction that is rolled back: nothing made here stays."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from blocs.assessments import services
from blocs.models import (
    Bloc,
    BlocYear,
    CriteriaGroup,
    CriteriaItem,
    CriteriaSheet,
    Membership,
    Role,
)
from thidua import loadgen
from units.models import Unit, UnitKind, User


class Command(BaseCommand):
    help = (
        "Đo trang chấm điểm của một khối 40 đơn vị với 60 tiêu chí và trang xếp hạng, so với "
        "sàn /suc-khoe/ đo cùng lần chạy."
    )

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=40)
        parser.add_argument("--items", type=int, default=60)
        parser.add_argument("--repeat", type=int, default=10)
        parser.add_argument("--warmup", type=int, default=2)

    def handle(self, *args, **options):
        with transaction.atomic(), override_settings(ALLOWED_HOSTS=["*"], PAGE_CACHE_ENABLED=False):
            clerk, assessment = self.world(options["units"], options["items"])
            client = Client()
            floor = self.measure(client, "/suc-khoe/", options)
            client.force_login(clerk)
            by = assessment.bloc_year
            rows = [
                (
                    f"Chấm điểm ({options['units']} đơn vị × {options['items']} tiêu chí)",
                    self.measure(
                        client,
                        reverse("blocs:assessment_enter", args=[by.bloc.slug, by.year]),
                        options,
                    ),
                ),
                (
                    "Xếp hạng (phiên bản)",
                    self.measure(
                        client, reverse("blocs:assessment", args=[assessment.pk]), options
                    ),
                ),
            ]
            transaction.set_rollback(True)
        self.stdout.write(f"{'Sàn /suc-khoe/':<44} p50 {floor['p50']:>8.2f} ms")
        for label, row in rows:
            self.stdout.write(
                f"{label:<44} {row['status']:>4} truy vấn {row['queries']:>3}  p50 "
                f"{row['p50']:>8.1f} ms  p95 {row['p95']:>8.1f} ms  ×sàn {row['p50'] / floor['p50']:>7.1f}"
            )
        scoring, ranking = (row for _, row in rows)
        self.stdout.write(
            f"bench_assessment: floor_p50_ms={floor['p50']:.2f} scoring_p50_ms={scoring['p50']:.0f} "
            f"scoring_over_floor={scoring['p50'] / floor['p50']:.1f} ranking_p50_ms="
            f"{ranking['p50']:.0f} ranking_over_floor={ranking['p50'] / floor['p50']:.1f} "
            f"scoring_queries={scoring['queries']} ranking_queries={ranking['queries']}"
        )
        if any(row["status"] != 200 for _, row in rows):
            raise CommandError("Một trang bình xét không mở được (mã khác 200).")

    def world(self, units, items):
        """A bloc-year of `units` members and `items` criteria with a full entered result."""
        organiser = Unit.objects.create(
            name="Bộ đo hiệu năng bình xét", slug="bench-bo-binh-xet", kind=UnitKind.MINISTRY
        )
        bloc = Bloc.objects.create(name="Khối đo hiệu năng bình xét", organiser=organiser)
        by = BlocYear.objects.create(bloc=bloc, year=timezone.localdate().year - 1)
        members = Unit.objects.bulk_create(
            Unit(
                name=f"Đơn vị đo bình xét {n}", slug=f"bench-binh-xet-{n}", kind=UnitKind.DEPARTMENT
            )
            for n in range(units)
        )
        Membership.objects.bulk_create(
            Membership(
                bloc_year=by,
                unit=u,
                role=Role.LEADER if n == 0 else Role.MEMBER,
                order=n,
                year=by.year,
                organiser=organiser,
            )
            for n, u in enumerate(members)
        )
        sheet = CriteriaSheet.objects.create(bloc_year=by)
        groups = [
            CriteriaGroup.objects.create(sheet=sheet, order=g, name=f"Nhóm {g}") for g in range(6)
        ]
        criteria = bulk_create_with_history(
            [
                CriteriaItem(
                    sheet=sheet, group=groups[i % 6], order=i, name=f"Tiêu chí {i}", max_points=10
                )
                for i in range(items)
            ],
            CriteriaItem,
        )
        clerk = User.objects.create(username="bench-binh-xet-thu-ky", is_staff=True)
        from django.contrib.auth.models import Group

        from thidua import roles

        clerk.groups.add(Group.objects.get_or_create(name=roles.SECRETARIAT)[0])
        criteria = list(CriteriaItem.objects.filter(sheet=sheet))
        entry = services.Entry(
            scores={
                (u.pk, i.pk): (str((n + k) % 10), str((n * k) % 11 % 10), "")
                for n, u in enumerate(members)
                for k, i in enumerate(criteria)
            },
            ballots={
                "issued": str(units),
                "returned": str(units),
                "valid": str(units),
                "invalid": "0",
            },
        )
        if not criteria:
            raise CommandError("Không tạo được tiêu chí.")
        return clerk, services.enter(by, clerk, entry)

    def measure(self, client, path, options):
        for _ in range(options["warmup"]):
            client.get(path, secure=True)
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
        count = len(queries)
        timings = []
        for _ in range(options["repeat"]):
            started = time.perf_counter()
            response = client.get(path, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
        return {
            "status": response.status_code,
            "queries": count,
            "p50": loadgen.percentile(timings, 50),
            "p95": loadgen.percentile(timings, 95),
        }
