# Every award gets a random verification code (its public page's address): added nullable and
# backfilled for the existing awards here, made required and unique in the next migration (apart,
# so that PostgreSQL alters the table after the updates' transaction has committed).

from django.db import migrations, models

import thidua.codes


def backfill(apps, schema_editor):
    Award = apps.get_model("awards", "Award")
    used = set()
    batch = []
    for award in Award.objects.filter(verification_code__isnull=True).only("pk").iterator(2000):
        code = thidua.codes.random_code()
        while code in used:
            code = thidua.codes.random_code()
        used.add(code)
        award.verification_code = code
        batch.append(award)
        if len(batch) >= 2000:
            Award.objects.bulk_update(batch, ["verification_code"])
            batch = []
    if batch:
        Award.objects.bulk_update(batch, ["verification_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0016_dossier_log_protected"),
    ]

    operations = [
        migrations.AddField(
            model_name="award",
            name="verification_code",
            field=models.CharField(
                editable=False, max_length=16, null=True, verbose_name="mã xác minh"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
        migrations.AddField(
            model_name="historicalaward",
            name="verification_code",
            field=models.CharField(
                db_index=True,
                default=thidua.codes.random_code,
                editable=False,
                max_length=16,
                verbose_name="mã xác minh",
            ),
        ),
    ]
