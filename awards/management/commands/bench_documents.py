"""Benchmark of the heavy documents (part of `make bench`): the annex list of a decision of a
thousand recipients (Word) and one batch PDF of 500 certificates — time, peak Python memory
(tracemalloc) and size. Runs on the configured database inside a transaction that is rolled
back: the decision and its awards made for the measure never stay."""

import datetime
import statistics
import time
import tracemalloc

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from awards.models import Award, AwardType, Decision
from blocs.models import Document, DocumentKind
from thidua import roles
from units.models import Unit


class Command(BaseCommand):
    help = (
        "Đo thời gian và bộ nhớ khi lập danh sách kèm quyết định 1.000 người và in 500 bằng khen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--recipients", type=int, default=1000)
        parser.add_argument("--certificates", type=int, default=500)
        parser.add_argument("--repeat", type=int, default=3, help="timed runs of each document")

    def handle(self, *args, **options):
        reviewer = (
            get_user_model()
            .objects.filter(is_active=True, groups__name=roles.REVIEWER)
            .order_by("pk")
            .first()
        )
        if reviewer is None:
            raise CommandError("Không có tài khoản chuyên viên thẩm định: chạy `load_demo` trước.")
        client = Client()
        client.force_login(reviewer)
        with transaction.atomic(), override_settings(ALLOWED_HOSTS=["*"]):
            decision = self.decision(options["recipients"])
            rows = [
                self.measure(
                    client,
                    f"Danh sách kèm QĐ ({options['recipients']} người), Word",
                    reverse("awards:decision_annex", args=[decision.pk]),
                    options["repeat"],
                ),
                self.measure(
                    client,
                    f"In {options['certificates']} bằng khen một lần, PDF",
                    reverse("awards:decision_certificates", args=[decision.pk])
                    + f"?tu=1&den={options['certificates']}",
                    options["repeat"],
                ),
            ]
            transaction.set_rollback(True)
        for row in rows:
            self.stdout.write(
                f"{row['label']:<44} {row['status']:>4} truy vấn {row['queries']:>3}  "
                f"p50 {row['p50']:>8.0f} ms  max {row['max']:>8.0f} ms  "
                f"bộ nhớ đỉnh {row['peak_mb']:>6.1f} MB  tệp {row['bytes'] / 1048576:>6.2f} MB"
            )
        annex, batch = rows
        self.stdout.write(
            f"bench_documents: annex_{options['recipients']}_ms={annex['p50']:.0f} "
            f"annex_peak_mb={annex['peak_mb']:.1f} certificates_{options['certificates']}_ms="
            f"{batch['p50']:.0f} certificates_peak_mb={batch['peak_mb']:.1f}"
        )
        if any(row["status"] != 200 for row in rows):
            raise CommandError("Một văn bản không lập được (mã khác 200).")

    def decision(self, count):
        """A decision granting `count` awards to existing units (rolled back afterwards)."""
        units = list(Unit.objects.order_by("pk").values_list("pk", flat=True)[:count])
        if len(units) < count:
            raise CommandError(f"Cần ít nhất {count} đơn vị: chạy `generate_data` trước.")
        award_type = AwardType.objects.order_by("order", "pk").first()
        document = Document.objects.create(
            kind=DocumentKind.DECISION,
            number="BENCH-1/QĐ-BKHCN",
            issued_on=datetime.date(2026, 1, 20),
            issuer="Bộ Khoa học và Công nghệ",
            title="Đo hiệu năng",
        )
        decision = Decision.objects.create(
            document=document, signer_title="Bộ trưởng", signer_name="Người ký đo hiệu năng"
        )
        Award.objects.bulk_create(
            Award(
                decision=decision,
                unit_id=unit_id,
                award_type=award_type,
                type_order=award_type.order,
                year=2025,
                is_historical=True,  # entered outside the workflow: must carry its source
                source="Dữ liệu đo hiệu năng (rút lại sau khi đo)",
            )
            for unit_id in units
        )
        return decision

    def fetch(self, client, path):
        response = client.get(path, secure=True)  # production settings redirect plain HTTP
        size = 0
        for chunk in response.streaming_content if response.streaming else [response.content]:
            size += len(chunk)
        return response.status_code, size

    def measure(self, client, label, path, repeat):
        reset_queries()  # a full query log would make the count read 0
        with CaptureQueriesContext(connection) as queries:
            status, size = self.fetch(client, path)  # also the warm-up
        query_count = len(queries)  # read now: the next request clears the log
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            self.fetch(client, path)
            timings.append((time.perf_counter() - started) * 1000)
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            self.fetch(client, path)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return {
            "label": label,
            "status": status,
            "queries": query_count,
            "p50": statistics.median(timings),
            "max": max(timings),
            "peak_mb": peak / 1048576,
            "bytes": size,
        }
