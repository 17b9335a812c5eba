from django.db import migrations

# Frozen copy of thidua.roles.ALL at the time of this migration.
ROLE_GROUPS = [
    "Quản trị hệ thống",
    "Thư ký Bộ",
    "Thư ký khối",
    "Cán bộ đơn vị khối trưởng",
    "Chuyên viên Vụ Thi đua - Khen thưởng",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("units", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
