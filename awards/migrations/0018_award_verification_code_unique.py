# The verification code, backfilled by 0009, is now required and unique.

from django.db import migrations, models

import thidua.codes


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0017_award_verification_code"),
    ]

    operations = [
        migrations.AlterField(
            model_name="award",
            name="verification_code",
            field=models.CharField(
                default=thidua.codes.random_code,
                editable=False,
                max_length=16,
                unique=True,
                verbose_name="mã xác minh",
            ),
        ),
    ]
