"""units 0001–0008 squashed (Django's `replaces`): a fresh database gets the schema as it stands,
model by model in the order the replaced migrations created them, then, as one RunPython, what
it needs of their other steps: the role groups (0002), the PostgreSQL-only trigram indexes
(0003), Vietnamese collation (0005) and name index (0008). 0005's backfill of position years
from dates has no rows to fill on a fresh database and is left out. A database part-way through
0001–0008 goes on with the replaced migrations, kept as they are.
"""

import datetime
import django.contrib.auth.models
import django.contrib.auth.validators
import django.core.validators
import django.db.models.deletion
import django.db.models.functions.comparison
import django.utils.timezone
import simple_history.models
import thidua.years
from django.conf import settings
from django.db import migrations, models

from thidua.collation import create_collation
from thidua.db import trigram_index, vietnamese_order_index


def in_one_step(*steps: migrations.RunPython) -> migrations.RunPython:
    """The replaced migrations' RunPython steps, in their order, as one: Django renders the state
    of every model before each RunPython, which is most of the cost of a step here."""

    def forwards(apps, schema_editor):
        for step in steps:
            step.code(apps, schema_editor)

    def backwards(apps, schema_editor):
        for step in reversed(steps):
            if step.reverse_code is not None:
                step.reverse_code(apps, schema_editor)
        if schema_editor.connection.vendor == "postgresql":
            # Check the deletions' deferred foreign keys now: PostgreSQL cannot drop the tables
            # next, in the same transaction, with checks still pending.
            schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")

    return migrations.RunPython(forwards, backwards, elidable=False)


# 0002_role_groups: a frozen copy of thidua.roles.ALL at the time of that migration.
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
    replaces = [
        ("units", "0001_initial"),
        ("units", "0002_role_groups"),
        ("units", "0003_search_indexes"),
        ("units", "0004_person_admin_order"),
        ("units", "0005_vietnamese_order_server_slugs_position_years"),
        ("units", "0006_dates_within_range"),
        ("units", "0007_unit_names_protected"),
        ("units", "0008_unit_name_vietnamese_order_index"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.CreateModel(
            name="Person",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "search_text",
                    models.TextField(default="", editable=False, verbose_name="văn bản tìm kiếm"),
                ),
                ("full_name", models.CharField(max_length=150, verbose_name="họ và tên")),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ họ tên; hai người trùng tên có địa chỉ khác nhau (…-2).",
                        max_length=160,
                        unique=True,
                        verbose_name="đường dẫn",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
            ],
            options={
                "verbose_name": "cá nhân",
                "verbose_name_plural": "cá nhân",
                "ordering": [
                    models.OrderBy(django.db.models.functions.comparison.Collate("full_name", "vi"))
                ],
                "indexes": [models.Index(fields=["full_name", "id"], name="person_name_order")],
            },
        ),
        migrations.CreateModel(
            name="User",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                (
                    "last_login",
                    models.DateTimeField(blank=True, null=True, verbose_name="last login"),
                ),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        error_messages={"unique": "A user with that username already exists."},
                        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        unique=True,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
                        verbose_name="username",
                    ),
                ),
                (
                    "first_name",
                    models.CharField(blank=True, max_length=150, verbose_name="first name"),
                ),
                (
                    "last_name",
                    models.CharField(blank=True, max_length=150, verbose_name="last name"),
                ),
                (
                    "email",
                    models.EmailField(blank=True, max_length=254, verbose_name="email address"),
                ),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into this admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Designates whether this user should be treated as active. Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                (
                    "date_joined",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date joined"
                    ),
                ),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
                (
                    "person",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="user",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
            ],
            options={
                "verbose_name": "tài khoản",
                "verbose_name_plural": "tài khoản",
                "abstract": False,
            },
            managers=[
                ("objects", django.contrib.auth.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name="HistoricalPerson",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "search_text",
                    models.TextField(default="", editable=False, verbose_name="văn bản tìm kiếm"),
                ),
                ("full_name", models.CharField(max_length=150, verbose_name="họ và tên")),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ họ tên; hai người trùng tên có địa chỉ khác nhau (…-2).",
                        max_length=160,
                        verbose_name="đường dẫn",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical cá nhân",
                "verbose_name_plural": "historical cá nhân",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Unit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "search_text",
                    models.TextField(default="", editable=False, verbose_name="văn bản tìm kiếm"),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên đầy đủ (hiện nay)")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên viết tắt"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("bo", "Bộ, ngành"),
                            ("hoi_dong", "Hội đồng"),
                            ("co_quan_cp", "Cơ quan thuộc Chính phủ"),
                            ("su_nghiep", "Đơn vị sự nghiệp công lập"),
                            ("dai_hoc", "Đại học"),
                            ("tong_cuc", "Tổng cục"),
                            ("cuc", "Cục"),
                            ("vu", "Vụ"),
                            ("van_phong", "Văn phòng"),
                            ("thanh_tra", "Thanh tra"),
                            ("vien", "Viện"),
                            ("trung_tam", "Trung tâm"),
                            ("ban", "Ban"),
                            ("quy", "Quỹ"),
                            ("bao", "Báo"),
                            ("tap_chi", "Tạp chí"),
                            ("truong", "Trường"),
                            ("hoc_vien", "Học viện"),
                            ("phong", "Phòng"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="loại đơn vị",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ tên khi lưu lần đầu (Bộ Y tế → bo-y-te); không đổi khi đổi tên.",
                        max_length=120,
                        unique=True,
                        verbose_name="đường dẫn",
                    ),
                ),
                (
                    "active_from",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="hoạt động từ năm",
                    ),
                ),
                (
                    "active_until",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="hoạt động đến năm",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="units.unit",
                        verbose_name="đơn vị cấp trên",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="predecessors",
                        to="units.unit",
                        verbose_name="đơn vị kế thừa (khi sáp nhập)",
                    ),
                ),
            ],
            options={
                "verbose_name": "đơn vị",
                "verbose_name_plural": "đơn vị",
                "ordering": [
                    models.OrderBy(django.db.models.functions.comparison.Collate("name", "vi"))
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("active_until__isnull", True),
                            ("active_from__isnull", True),
                            ("active_until__gte", models.F("active_from")),
                            _connector="OR",
                        ),
                        name="unit_active_years_ordered",
                        violation_error_message="Năm kết thúc hoạt động phải sau năm bắt đầu.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("parent", models.F("id")), _negated=True),
                        name="unit_not_own_parent",
                        violation_error_message="Đơn vị không thể là cấp trên của chính nó.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="user",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="users",
                to="units.unit",
                verbose_name="đơn vị công tác",
            ),
        ),
        migrations.CreateModel(
            name="Position",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=150, verbose_name="chức vụ")),
                (
                    "started_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="từ ngày",
                    ),
                ),
                (
                    "ended_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="đến ngày",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="positions",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="positions",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
                (
                    "from_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Năm sớm nhất biết người này giữ chức vụ (tự lấy từ «từ ngày» nếu có).",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="từ năm",
                    ),
                ),
                (
                    "until_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Năm muộn nhất biết người này giữ chức vụ (tự lấy từ «đến ngày» nếu có). Trang công khai ghi chức vụ kèm năm, không bao giờ ghi là chức vụ hiện nay.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="đến năm",
                    ),
                ),
            ],
            options={
                "verbose_name": "chức vụ",
                "verbose_name_plural": "chức vụ",
                "ordering": ["person", "-from_year", "-started_on"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ended_on__isnull", True),
                            ("started_on__isnull", True),
                            ("ended_on__gte", models.F("started_on")),
                            _connector="OR",
                        ),
                        name="position_dates_ordered",
                        violation_error_message="Ngày kết thúc chức vụ phải sau ngày bắt đầu.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("until_year__isnull", True),
                            ("from_year__isnull", True),
                            ("until_year__gte", models.F("from_year")),
                            _connector="OR",
                        ),
                        name="position_years_ordered",
                        violation_error_message="Năm cuối giữ chức vụ phải sau năm bắt đầu.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("started_on__isnull", True),
                            models.Q(
                                ("started_on__gte", datetime.date(1945, 1, 1)),
                                ("started_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="position_started_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ended_on__isnull", True),
                            models.Q(
                                ("ended_on__gte", datetime.date(1945, 1, 1)),
                                ("ended_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="position_ended_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUser",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        db_index=True,
                        error_messages={"unique": "A user with that username already exists."},
                        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
                        verbose_name="username",
                    ),
                ),
                (
                    "first_name",
                    models.CharField(blank=True, max_length=150, verbose_name="first name"),
                ),
                (
                    "last_name",
                    models.CharField(blank=True, max_length=150, verbose_name="last name"),
                ),
                (
                    "email",
                    models.EmailField(blank=True, max_length=254, verbose_name="email address"),
                ),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into this admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Designates whether this user should be treated as active. Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                (
                    "date_joined",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date joined"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị công tác",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tài khoản",
                "verbose_name_plural": "historical tài khoản",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalUnitName",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên viết tắt"),
                ),
                (
                    "valid_from",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="dùng từ năm",
                    ),
                ),
                (
                    "valid_until",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="dùng đến năm",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tên cũ của đơn vị",
                "verbose_name_plural": "historical tên cũ của đơn vị",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalUnit",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "search_text",
                    models.TextField(default="", editable=False, verbose_name="văn bản tìm kiếm"),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên đầy đủ (hiện nay)")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên viết tắt"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("bo", "Bộ, ngành"),
                            ("hoi_dong", "Hội đồng"),
                            ("co_quan_cp", "Cơ quan thuộc Chính phủ"),
                            ("su_nghiep", "Đơn vị sự nghiệp công lập"),
                            ("dai_hoc", "Đại học"),
                            ("tong_cuc", "Tổng cục"),
                            ("cuc", "Cục"),
                            ("vu", "Vụ"),
                            ("van_phong", "Văn phòng"),
                            ("thanh_tra", "Thanh tra"),
                            ("vien", "Viện"),
                            ("trung_tam", "Trung tâm"),
                            ("ban", "Ban"),
                            ("quy", "Quỹ"),
                            ("bao", "Báo"),
                            ("tap_chi", "Tạp chí"),
                            ("truong", "Trường"),
                            ("hoc_vien", "Học viện"),
                            ("phong", "Phòng"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="loại đơn vị",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ tên khi lưu lần đầu (Bộ Y tế → bo-y-te); không đổi khi đổi tên.",
                        max_length=120,
                        verbose_name="đường dẫn",
                    ),
                ),
                (
                    "active_from",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="hoạt động từ năm",
                    ),
                ),
                (
                    "active_until",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="hoạt động đến năm",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị cấp trên",
                    ),
                ),
                (
                    "successor",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị kế thừa (khi sáp nhập)",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical đơn vị",
                "verbose_name_plural": "historical đơn vị",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPosition",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=150, verbose_name="chức vụ")),
                (
                    "started_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="từ ngày",
                    ),
                ),
                (
                    "ended_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="đến ngày",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
                (
                    "from_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Năm sớm nhất biết người này giữ chức vụ (tự lấy từ «từ ngày» nếu có).",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="từ năm",
                    ),
                ),
                (
                    "until_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Năm muộn nhất biết người này giữ chức vụ (tự lấy từ «đến ngày» nếu có). Trang công khai ghi chức vụ kèm năm, không bao giờ ghi là chức vụ hiện nay.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="đến năm",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical chức vụ",
                "verbose_name_plural": "historical chức vụ",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="UnitName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
                (
                    "short_name",
                    models.CharField(blank=True, max_length=100, verbose_name="tên viết tắt"),
                ),
                (
                    "valid_from",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="dùng từ năm",
                    ),
                ),
                (
                    "valid_until",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="dùng đến năm",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="names",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "tên cũ của đơn vị",
                "verbose_name_plural": "tên cũ của đơn vị",
                "ordering": ["unit", "valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            ("valid_from__isnull", True),
                            ("valid_until__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="unit_name_years_ordered",
                        violation_error_message="Năm cuối dùng tên phải sau năm bắt đầu dùng tên.",
                    )
                ],
            },
        ),
        in_one_step(
            # 0002_role_groups
            migrations.RunPython(create_groups, remove_groups),
            # 0003_search_indexes
            trigram_index("units_unit"),
            trigram_index("units_person"),
            # 0005_vietnamese_order_server_slugs_position_years
            create_collation(),
            # 0008_unit_name_vietnamese_order_index
            vietnamese_order_index("units_unit", "name"),
        ),
    ]
