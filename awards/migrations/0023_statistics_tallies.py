import datetime
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Min, Q, Sum


def fill_award_sums(apps, schema_editor):
    """The sums of the award tallies already kept (awards.tallies keeps them current after)."""
    AwardTally = apps.get_model("awards", "AwardTally")
    AwardTypeTally = apps.get_model("awards", "AwardTypeTally")
    AwardBlocTally = apps.get_model("awards", "AwardBlocTally")
    by_type = (
        AwardTally.objects.order_by()
        .values("year", "award_type_id", "collective", "unit_kind")
        .annotate(n=Sum("count"))
    )
    AwardTypeTally.objects.bulk_create(
        [
            AwardTypeTally(
                year=row["year"],
                award_type_id=row["award_type_id"],
                collective=row["collective"],
                unit_kind=row["unit_kind"],
                count=row["n"],
            )
            for row in by_type
        ],
        batch_size=2000,
    )
    by_bloc = (
        AwardTally.objects.filter(bloc__isnull=False)
        .order_by()
        .values(
            "year",
            "bloc_id",
            "collective",
            flag=Q(award_type__slug__startswith="co-thi-dua"),
        )
        .annotate(n=Sum("count"))
    )
    AwardBlocTally.objects.bulk_create(
        [
            AwardBlocTally(
                year=row["year"],
                bloc_id=row["bloc_id"],
                collective=row["collective"],
                flag=row["flag"],
                count=row["n"],
            )
            for row in by_bloc
        ],
        batch_size=2000,
    )


def fill_nomination_tallies(apps, schema_editor):
    """The staff statistics' counts of the nominations already recorded (as awards.tallies)."""
    Nomination = apps.get_model("awards", "Nomination")
    Transition = apps.get_model("awards", "Transition")
    NominationTally = apps.get_model("awards", "NominationTally")
    DecisionTimeTally = apps.get_model("awards", "DecisionTimeTally")
    counts = Nomination.objects.order_by().values_list("year", "status").annotate(n=Count("*"))
    NominationTally.objects.bulk_create(
        [NominationTally(year=y, status=s, count=n) for y, s, n in counts], batch_size=2000
    )
    first = dict(
        Transition.objects.filter(action="submit")
        .order_by()
        .values("nomination_id")
        .annotate(first=Min("at"))
        .values_list("nomination_id", "first")
    )
    per_year = defaultdict(list)
    decided = (
        Transition.objects.filter(action__in=["grant", "reject"])
        .order_by()
        .values_list("nomination_id", "nomination__year", "at")
    )
    for nomination_id, year, at in decided.iterator(chunk_size=5000):
        if nomination_id in first:
            per_year[year].append(at - first[nomination_id])
    DecisionTimeTally.objects.bulk_create(
        [
            DecisionTimeTally(
                year=year,
                count=len(times),
                mean=sum(times, datetime.timedelta()) / len(times),
                longest=max(times),
            )
            for year, times in per_year.items()
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0022_award_tallies"),
        ("blocs", "0012_assessment"),
    ]

    operations = [
        migrations.CreateModel(
            name="DecisionTimeTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(unique=True, verbose_name="năm")),
                ("count", models.PositiveIntegerField(verbose_name="số hồ sơ có kết quả")),
                ("mean", models.DurationField(verbose_name="thời gian trung bình")),
                ("longest", models.DurationField(verbose_name="thời gian lâu nhất")),
            ],
            options={
                "verbose_name": "thời gian xử lý hồ sơ (thống kê)",
                "verbose_name_plural": "thời gian xử lý hồ sơ (thống kê)",
            },
        ),
        migrations.CreateModel(
            name="NominationTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("status", models.CharField(max_length=20, verbose_name="trạng thái")),
                ("count", models.PositiveIntegerField(verbose_name="số hồ sơ")),
            ],
            options={
                "verbose_name": "số hồ sơ theo trạng thái (thống kê)",
                "verbose_name_plural": "số hồ sơ theo trạng thái (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("status"), name="nomination_tally_year_status"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AwardBlocTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("collective", models.BooleanField(verbose_name="tập thể")),
                ("flag", models.BooleanField(verbose_name="cờ thi đua")),
                ("count", models.PositiveIntegerField(verbose_name="số khen thưởng")),
                (
                    "bloc",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="blocs.bloc",
                    ),
                ),
            ],
            options={
                "verbose_name": "số khen thưởng theo khối (thống kê)",
                "verbose_name_plural": "số khen thưởng theo khối (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("bloc"), name="award_bloc_tally_year_bloc"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="AwardTypeTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="năm")),
                ("collective", models.BooleanField(verbose_name="tập thể")),
                (
                    "unit_kind",
                    models.CharField(blank=True, max_length=20, verbose_name="loại đơn vị"),
                ),
                ("count", models.PositiveIntegerField(verbose_name="số khen thưởng")),
                (
                    "award_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="awards.awardtype",
                    ),
                ),
            ],
            options={
                "verbose_name": "số khen thưởng theo loại (thống kê)",
                "verbose_name_plural": "số khen thưởng theo loại (thống kê)",
                "indexes": [
                    models.Index(
                        models.F("year"), models.F("award_type"), name="award_type_tally_year_type"
                    )
                ],
            },
        ),
        migrations.RunPython(fill_award_sums, migrations.RunPython.noop),
        migrations.RunPython(fill_nomination_tallies, migrations.RunPython.noop),
    ]
