# Separate from 0009 so that PostgreSQL adds the check after the data migration has committed.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0014_award_source"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="award",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("nomination__isnull", False),
                    models.Q(("is_historical", True), models.Q(("source", ""), _negated=True)),
                    _connector="OR",
                ),
                name="award_outside_workflow_is_historical",
                violation_error_message="Khen thưởng không qua hồ sơ đề nghị chỉ được nhập như khen thưởng lịch sử: đánh dấu «nhập từ quyết định cũ» và ghi nguồn tư liệu.",
            ),
        ),
    ]
