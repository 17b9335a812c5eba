"""blocs 0001–0013 squashed (Django's `replaces`): a fresh database gets the schema as it stands,
model by model in the order the replaced migrations created them (a column added later is added
here after the model it points to, so PostgreSQL's column order is the same), then, as one
RunPython, the PostgreSQL-only trigram indexes (0002, 0003) and the name 0003 gave the event
slug's unique constraint. The replaced data steps only fill or copy values of existing rows
(event slugs 0003, number and name keys 0004, bloc name keys and elections' blocs 0013): a fresh
database has none, so they are left out. A database part-way through 0001–0013 goes on with the
replaced migrations, kept as they are.

`blocs_event_documents` was the automatic many-to-many table of Event.documents until 0005 made
it the table of EventDocument: created here as that model, with the automatic table's columns in
the automatic table's order (id, event_id, document_id).
"""

import blocs.models.registry
import datetime
import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
import django.db.models.functions.comparison
import simple_history.models
import thidua.uploads
import thidua.years
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from thidua.db import trigram_index


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


def postgresql_unique_name(table: str, column: str, name: str) -> migrations.RunPython:
    """`column`'s unique constraint, made with the table here, renamed on PostgreSQL (which calls
    it `<table>_<column>_key`) to the name Django gave it when a replaced migration made the
    existing column unique; nothing on SQLite (an unnamed UNIQUE in the table's definition)."""
    created = f"{table}_{column}_key"

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" RENAME CONSTRAINT "{created}" TO "{name}"'
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f'ALTER TABLE "{table}" RENAME CONSTRAINT "{name}" TO "{created}"'
            )

    return migrations.RunPython(forwards, backwards, elidable=False)


class Migration(migrations.Migration):
    replaces = [
        ("blocs", "0001_initial"),
        ("blocs", "0002_search_indexes"),
        ("blocs", "0003_event_records"),
        ("blocs", "0004_number_and_name_keys"),
        ("blocs", "0005_event_document_protected"),
        ("blocs", "0006_membership_admin_order"),
        ("blocs", "0007_event_admin_order_index"),
        ("blocs", "0008_theme_honours_bloc_names_member_order"),
        ("blocs", "0009_leading_collective"),
        ("blocs", "0010_dates_within_range"),
        ("blocs", "0011_event_records_protected"),
        ("blocs", "0012_assessment"),
        ("blocs", "0013_event_entry_rules"),
    ]

    initial = True

    dependencies = [
        ("units", "0008_unit_name_vietnamese_order_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Bloc",
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
                (
                    "name",
                    models.CharField(
                        help_text="Tên trước đây (khi khối đổi tên) ghi ở mục «Tên của khối theo năm».",
                        max_length=255,
                        verbose_name="tên khối (hiện nay)",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ tên khi lưu lần đầu; không đổi khi đổi tên.",
                        max_length=120,
                        unique=True,
                        verbose_name="đường dẫn",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="giới thiệu")),
                (
                    "first_year",
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
                    "last_year",
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
                (
                    "organiser",
                    models.ForeignKey(
                        help_text="Hệ thống thi đua mà khối thuộc về: Bộ, hoặc Hội đồng Thi đua - Khen thưởng Trung ương.",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="organised_blocs",
                        to="units.unit",
                        verbose_name="cơ quan tổ chức",
                    ),
                ),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=255, verbose_name="khóa so tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "khối thi đua",
                "verbose_name_plural": "khối thi đua",
                "ordering": [
                    models.OrderBy(django.db.models.functions.comparison.Collate("name", "vi"))
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("last_year__isnull", True),
                            ("first_year__isnull", True),
                            ("last_year__gte", models.F("first_year")),
                            _connector="OR",
                        ),
                        name="bloc_years_ordered",
                        violation_error_message="Năm cuối hoạt động của khối phải sau năm đầu.",
                    ),
                    models.UniqueConstraint(
                        fields=("name_key",),
                        name="bloc_name_key_unique",
                        violation_error_message="Tên khối trùng với một khối đã có (không kể chữ hoa/thường, khoảng trắng, bảng mã Unicode và vị trí dấu thanh).",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="BlocYear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm",
                    ),
                ),
                (
                    "member_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Số đơn vị theo nguồn (ví dụ «14 đơn vị»), kể cả khi chưa biết tên từng đơn vị.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị thành viên",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "bloc",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="years",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
            ],
            options={
                "verbose_name": "khối theo năm",
                "verbose_name_plural": "khối theo năm",
                "ordering": ["-year", "bloc__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bloc", "year"),
                        name="bloc_year_unique",
                        violation_error_message="Khối này đã có hồ sơ cho năm đó.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("member_count__isnull", True),
                            models.Q(("member_count__gte", 1), ("member_count__lte", 999)),
                            _connector="OR",
                        ),
                        name="bloc_year_member_count_in_range",
                        violation_error_message="Số đơn vị phải từ 1 đến 999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Document",
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
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("luat", "Luật"),
                            ("nghi_dinh", "Nghị định"),
                            ("nghi_quyet", "Nghị quyết"),
                            ("quyet_dinh", "Quyết định"),
                            ("thong_tu", "Thông tư"),
                            ("chi_thi", "Chỉ thị"),
                            ("cong_van", "Công văn"),
                            ("huong_dan", "Hướng dẫn"),
                            ("to_trinh", "Tờ trình"),
                            ("bien_ban", "Biên bản"),
                            ("bao_cao", "Báo cáo"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="loại văn bản",
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        help_text="Ví dụ: 3395/BKHCN-TĐKT hoặc 11/NQ-CP.",
                        max_length=60,
                        verbose_name="số, ký hiệu",
                    ),
                ),
                (
                    "issued_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày ban hành"
                    ),
                ),
                ("issuer", models.CharField(max_length=255, verbose_name="cơ quan ban hành")),
                ("title", models.CharField(blank=True, max_length=500, verbose_name="trích yếu")),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        upload_to="documents/%Y/",
                        validators=[
                            thidua.uploads.UploadValidator(
                                ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
                            )
                        ],
                        verbose_name="tệp",
                    ),
                ),
                (
                    "number_key",
                    models.CharField(
                        default="", editable=False, max_length=60, verbose_name="khóa số hiệu"
                    ),
                ),
            ],
            options={
                "verbose_name": "văn bản",
                "verbose_name_plural": "văn bản",
                "ordering": ["-issued_on", "number"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("number_key", "issued_on"),
                        name="document_number_key_date_unique",
                        violation_error_message="Văn bản có cùng số, ký hiệu và ngày ban hành đã được nhập.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("issued_on__isnull", True),
                            models.Q(
                                ("issued_on__gte", datetime.date(1945, 1, 1)),
                                ("issued_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="document_issued_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Event",
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
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("tong_ket", "Hội nghị tổng kết năm"),
                            ("so_ket", "Hội nghị sơ kết 6 tháng"),
                            ("dien_hinh", "Hội nghị điển hình tiên tiến"),
                            ("ky_giao_uoc", "Lễ ký kết giao ước thi đua"),
                            ("khac", "Sự kiện khác"),
                        ],
                        max_length=20,
                        verbose_name="loại sự kiện",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="tiêu đề")),
                (
                    "period_start",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="kỳ thi đua từ năm",
                    ),
                ),
                (
                    "period_end",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="kỳ thi đua đến năm",
                    ),
                ),
                (
                    "held_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày tổ chức"
                    ),
                ),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="địa điểm")),
                ("is_published", models.BooleanField(default=False, verbose_name="công khai")),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="thời điểm đăng",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Hiển thị sau chữ «Nguồn:».",
                        max_length=255,
                        verbose_name="nguồn tin",
                    ),
                ),
                (
                    "view_count",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="lượt xem"),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
                (
                    "chair",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="chaired_events",
                        to="units.person",
                        verbose_name="người chủ trì",
                    ),
                ),
                (
                    "chair_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người chủ trì (lúc đó)"
                    ),
                ),
                (
                    "member_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Số đơn vị nêu tại sự kiện; để trống để lấy từ hồ sơ khối theo năm.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị của khối (theo sự kiện)",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        editable=False,
                        help_text="Tự tạo từ tiêu đề và ngày tổ chức; dùng trong địa chỉ /su-kien/….",
                        max_length=160,
                        unique=True,
                        verbose_name="đường dẫn",
                    ),
                ),
                (
                    "summary_title",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: «tổng kết công tác thi đua - khen thưởng năm 2015 và phương hướng nhiệm vụ công tác thi đua năm 2016».",
                        max_length=400,
                        verbose_name="nội dung hội nghị",
                    ),
                ),
                (
                    "theme",
                    models.CharField(
                        blank=True,
                        help_text="Chủ đề riêng của hội nghị (ví dụ «Đoàn kết, sáng tạo…»), khác với các phong trào thi đua được triển khai. Hiển thị công khai dưới tiêu đề.",
                        max_length=400,
                        verbose_name="chủ đề, khẩu hiệu của sự kiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "sự kiện",
                "verbose_name_plural": "sự kiện",
                "ordering": ["-held_on", "-pk"],
                "indexes": [
                    models.Index(fields=["is_published", "-held_on"], name="event_public_date"),
                    models.Index(fields=["bloc", "-held_on"], name="event_bloc_date"),
                    models.Index(fields=["-held_on", "-id"], name="event_held_on_id"),
                ],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("period_end__gte", models.F("period_start"))),
                        name="event_period_ordered",
                        violation_error_message="Năm cuối của kỳ thi đua phải sau năm đầu.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("is_published", False),
                            ("published_at__isnull", False),
                            _connector="OR",
                        ),
                        name="event_published_has_time",
                        violation_error_message="Sự kiện công khai phải có thời điểm đăng.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("held_on__isnull", True),
                            models.Q(
                                ("held_on__gte", datetime.date(1945, 1, 1)),
                                ("held_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="event_held_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("published_at__isnull", True),
                            models.Q(
                                (
                                    "published_at__gte",
                                    datetime.datetime(1945, 1, 1, 0, 0, tzinfo=datetime.UTC),
                                ),
                                (
                                    "published_at__lte",
                                    datetime.datetime(
                                        2100, 12, 31, 23, 59, 59, tzinfo=datetime.UTC
                                    ),
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="event_published_at_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("member_count__isnull", True),
                            models.Q(("member_count__gte", 1), ("member_count__lte", 999)),
                            _connector="OR",
                        ),
                        name="event_member_count_in_range",
                        violation_error_message="Số đơn vị phải từ 1 đến 999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBloc",
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
                (
                    "name",
                    models.CharField(
                        help_text="Tên trước đây (khi khối đổi tên) ghi ở mục «Tên của khối theo năm».",
                        max_length=255,
                        verbose_name="tên khối (hiện nay)",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        editable=False,
                        help_text="Tự tạo từ tên khi lưu lần đầu; không đổi khi đổi tên.",
                        max_length=120,
                        verbose_name="đường dẫn",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="giới thiệu")),
                (
                    "first_year",
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
                    "last_year",
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
                    "organiser",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Hệ thống thi đua mà khối thuộc về: Bộ, hoặc Hội đồng Thi đua - Khen thưởng Trung ương.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="cơ quan tổ chức",
                    ),
                ),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=255, verbose_name="khóa so tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical khối thi đua",
                "verbose_name_plural": "historical khối thi đua",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBlocYear",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm",
                    ),
                ),
                (
                    "member_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Số đơn vị theo nguồn (ví dụ «14 đơn vị»), kể cả khi chưa biết tên từng đơn vị.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị thành viên",
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
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối",
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
                "verbose_name": "historical khối theo năm",
                "verbose_name_plural": "historical khối theo năm",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDocument",
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
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("luat", "Luật"),
                            ("nghi_dinh", "Nghị định"),
                            ("nghi_quyet", "Nghị quyết"),
                            ("quyet_dinh", "Quyết định"),
                            ("thong_tu", "Thông tư"),
                            ("chi_thi", "Chỉ thị"),
                            ("cong_van", "Công văn"),
                            ("huong_dan", "Hướng dẫn"),
                            ("to_trinh", "Tờ trình"),
                            ("bien_ban", "Biên bản"),
                            ("bao_cao", "Báo cáo"),
                            ("khac", "Khác"),
                        ],
                        max_length=20,
                        verbose_name="loại văn bản",
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        help_text="Ví dụ: 3395/BKHCN-TĐKT hoặc 11/NQ-CP.",
                        max_length=60,
                        verbose_name="số, ký hiệu",
                    ),
                ),
                (
                    "issued_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày ban hành"
                    ),
                ),
                ("issuer", models.CharField(max_length=255, verbose_name="cơ quan ban hành")),
                ("title", models.CharField(blank=True, max_length=500, verbose_name="trích yếu")),
                (
                    "file",
                    models.TextField(
                        blank=True,
                        max_length=100,
                        validators=[
                            thidua.uploads.UploadValidator(
                                ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods"]
                            )
                        ],
                        verbose_name="tệp",
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
                    "number_key",
                    models.CharField(
                        default="", editable=False, max_length=60, verbose_name="khóa số hiệu"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical văn bản",
                "verbose_name_plural": "historical văn bản",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvent",
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
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("tong_ket", "Hội nghị tổng kết năm"),
                            ("so_ket", "Hội nghị sơ kết 6 tháng"),
                            ("dien_hinh", "Hội nghị điển hình tiên tiến"),
                            ("ky_giao_uoc", "Lễ ký kết giao ước thi đua"),
                            ("khac", "Sự kiện khác"),
                        ],
                        max_length=20,
                        verbose_name="loại sự kiện",
                    ),
                ),
                ("title", models.CharField(max_length=300, verbose_name="tiêu đề")),
                (
                    "period_start",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="kỳ thi đua từ năm",
                    ),
                ),
                (
                    "period_end",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="kỳ thi đua đến năm",
                    ),
                ),
                (
                    "held_on",
                    models.DateField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="ngày tổ chức"
                    ),
                ),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="địa điểm")),
                ("is_published", models.BooleanField(default=False, verbose_name="công khai")),
                (
                    "published_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="thời điểm đăng",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Hiển thị sau chữ «Nguồn:».",
                        max_length=255,
                        verbose_name="nguồn tin",
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
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối",
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
                    "chair",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="người chủ trì",
                    ),
                ),
                (
                    "chair_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người chủ trì (lúc đó)"
                    ),
                ),
                (
                    "member_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Số đơn vị nêu tại sự kiện; để trống để lấy từ hồ sơ khối theo năm.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị của khối (theo sự kiện)",
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        editable=False,
                        help_text="Tự tạo từ tiêu đề và ngày tổ chức; dùng trong địa chỉ /su-kien/….",
                        max_length=160,
                        verbose_name="đường dẫn",
                    ),
                ),
                (
                    "summary_title",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: «tổng kết công tác thi đua - khen thưởng năm 2015 và phương hướng nhiệm vụ công tác thi đua năm 2016».",
                        max_length=400,
                        verbose_name="nội dung hội nghị",
                    ),
                ),
                (
                    "theme",
                    models.CharField(
                        blank=True,
                        help_text="Chủ đề riêng của hội nghị (ví dụ «Đoàn kết, sáng tạo…»), khác với các phong trào thi đua được triển khai. Hiển thị công khai dưới tiêu đề.",
                        max_length=400,
                        verbose_name="chủ đề, khẩu hiệu của sự kiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical sự kiện",
                "verbose_name_plural": "historical sự kiện",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMembership",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("leader", "Khối trưởng"),
                            ("deputy", "Khối phó"),
                            ("member", "Thành viên"),
                        ],
                        default="member",
                        max_length=10,
                        verbose_name="vai trò",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(editable=False, verbose_name="năm")),
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
                    "bloc_year",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
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
                    "organiser",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="cơ quan tổ chức",
                    ),
                ),
                (
                    "representative",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Người đại diện đơn vị trong khối, ví dụ khi thành viên là một bộ, ngành.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="người đại diện",
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
                    "order",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        default=0,
                        help_text="Thứ tự của đơn vị trong danh sách theo nguồn; để trống khi nguồn không nêu.",
                        verbose_name="thứ tự",
                    ),
                ),
                (
                    "representative_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người đại diện (lúc đó)"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical thành viên khối",
                "verbose_name_plural": "historical thành viên khối",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Membership",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("leader", "Khối trưởng"),
                            ("deputy", "Khối phó"),
                            ("member", "Thành viên"),
                        ],
                        default="member",
                        max_length=10,
                        verbose_name="vai trò",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(editable=False, verbose_name="năm")),
                (
                    "bloc_year",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
                    ),
                ),
                (
                    "organiser",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="cơ quan tổ chức",
                    ),
                ),
                (
                    "representative",
                    models.ForeignKey(
                        blank=True,
                        help_text="Người đại diện đơn vị trong khối, ví dụ khi thành viên là một bộ, ngành.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="represented_memberships",
                        to="units.person",
                        verbose_name="người đại diện",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="memberships",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        default=0,
                        help_text="Thứ tự của đơn vị trong danh sách theo nguồn; để trống khi nguồn không nêu.",
                        verbose_name="thứ tự",
                    ),
                ),
                (
                    "representative_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người đại diện (lúc đó)"
                    ),
                ),
            ],
            options={
                "verbose_name": "thành viên khối",
                "verbose_name_plural": "thành viên khối",
                "ordering": [
                    "bloc_year",
                    "order",
                    "role",
                    models.OrderBy(
                        django.db.models.functions.comparison.Collate("unit__name", "vi")
                    ),
                ],
                "indexes": [
                    models.Index(fields=["year", "role"], name="membership_year_role"),
                    models.Index(
                        fields=["-year", "bloc_year", "role", "id"], name="membership_admin_order"
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bloc_year", "unit"),
                        name="membership_unit_once_per_bloc_year",
                        violation_error_message="Đơn vị đã có trong danh sách thành viên của khối năm này.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("role", "leader")),
                        fields=("bloc_year",),
                        name="membership_one_leader",
                        violation_error_message="Mỗi khối chỉ có một khối trưởng trong một năm.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("role", "deputy")),
                        fields=("bloc_year",),
                        name="membership_one_deputy",
                        violation_error_message="Mỗi khối có nhiều nhất một khối phó trong một năm.",
                    ),
                    models.UniqueConstraint(
                        fields=("unit", "organiser", "year"),
                        name="membership_one_bloc_per_organiser_year",
                        violation_error_message="Trong một năm, một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[("guest", "Khách mời"), ("representative", "Đại diện đơn vị")],
                        default="guest",
                        max_length=20,
                        verbose_name="tư cách",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="Như nêu tại sự kiện, ví dụ «Phó Vụ trưởng Vụ Thi đua - Khen thưởng».",
                        max_length=255,
                        verbose_name="chức vụ (lúc đó)",
                    ),
                ),
                (
                    "group_description",
                    models.CharField(
                        blank=True,
                        help_text="Khi không nêu tên: ví dụ «đại diện lãnh đạo và chuyên viên».",
                        max_length=255,
                        verbose_name="nhóm tham dự",
                    ),
                ),
                (
                    "unit_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendances",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="attendances",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "người tham dự",
                "verbose_name_plural": "thành phần tham dự",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "attendances",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("unit_count__isnull", True),
                            models.Q(("unit_count__gte", 1), ("unit_count__lte", 999)),
                            _connector="OR",
                        ),
                        name="attendance_unit_count_in_range",
                        violation_error_message="Số đơn vị phải từ 1 đến 999.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="EventAttachment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        help_text="Ảnh (jpg, png, webp) hoặc văn bản (pdf, doc, docx, xls, xlsx, odt, ods).",
                        upload_to="events/%Y/",
                        validators=[
                            thidua.uploads.UploadValidator(
                                [
                                    "pdf",
                                    "doc",
                                    "docx",
                                    "xls",
                                    "xlsx",
                                    "odt",
                                    "ods",
                                    "jpg",
                                    "jpeg",
                                    "png",
                                    "webp",
                                ]
                            )
                        ],
                        verbose_name="tệp",
                    ),
                ),
                ("is_photo", models.BooleanField(default=True, verbose_name="là ảnh")),
                ("caption", models.CharField(max_length=400, verbose_name="chú thích")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "ảnh, tệp đính kèm",
                "verbose_name_plural": "ảnh, tệp đính kèm",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "attachments",
            },
        ),
        migrations.CreateModel(
            name="Figure",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("label", models.CharField(max_length=255, verbose_name="nội dung")),
                (
                    "value",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="số lượng"),
                ),
                (
                    "unit_label",
                    models.CharField(blank=True, max_length=60, verbose_name="đơn vị tính"),
                ),
                ("note", models.CharField(blank=True, max_length=400, verbose_name="ghi chú")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="children",
                        to="blocs.figure",
                        verbose_name="thuộc số liệu",
                    ),
                ),
            ],
            options={
                "verbose_name": "số liệu",
                "verbose_name_plural": "số liệu",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "figures",
            },
        ),
        migrations.CreateModel(
            name="HistoricalAttendance",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[("guest", "Khách mời"), ("representative", "Đại diện đơn vị")],
                        default="guest",
                        max_length=20,
                        verbose_name="tư cách",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="Như nêu tại sự kiện, ví dụ «Phó Vụ trưởng Vụ Thi đua - Khen thưởng».",
                        max_length=255,
                        verbose_name="chức vụ (lúc đó)",
                    ),
                ),
                (
                    "group_description",
                    models.CharField(
                        blank=True,
                        help_text="Khi không nêu tên: ví dụ «đại diện lãnh đạo và chuyên viên».",
                        max_length=255,
                        verbose_name="nhóm tham dự",
                    ),
                ),
                (
                    "unit_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị",
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
            ],
            options={
                "verbose_name": "historical người tham dự",
                "verbose_name_plural": "historical thành phần tham dự",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalElection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "year",
                    blocs.models.registry.YearField(
                        error_messages={
                            "max_value": "Năm phải từ 1945 đến 2100.",
                            "min_value": "Năm phải từ 1945 đến 2100.",
                        },
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="bầu cho năm",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("leader", "Khối trưởng"), ("deputy", "Khối phó")],
                        max_length=10,
                        verbose_name="vai trò",
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                        verbose_name="đơn vị được bầu",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kết quả bầu",
                "verbose_name_plural": "historical bầu khối trưởng, khối phó",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEventAttachment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "file",
                    models.TextField(
                        blank=True,
                        help_text="Ảnh (jpg, png, webp) hoặc văn bản (pdf, doc, docx, xls, xlsx, odt, ods).",
                        max_length=100,
                        validators=[
                            thidua.uploads.UploadValidator(
                                [
                                    "pdf",
                                    "doc",
                                    "docx",
                                    "xls",
                                    "xlsx",
                                    "odt",
                                    "ods",
                                    "jpg",
                                    "jpeg",
                                    "png",
                                    "webp",
                                ]
                            )
                        ],
                        verbose_name="tệp",
                    ),
                ),
                ("is_photo", models.BooleanField(default=True, verbose_name="là ảnh")),
                ("caption", models.CharField(max_length=400, verbose_name="chú thích")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                "verbose_name": "historical ảnh, tệp đính kèm",
                "verbose_name_plural": "historical ảnh, tệp đính kèm",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalFigure",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("label", models.CharField(max_length=255, verbose_name="nội dung")),
                (
                    "value",
                    models.DecimalField(decimal_places=2, max_digits=14, verbose_name="số lượng"),
                ),
                (
                    "unit_label",
                    models.CharField(blank=True, max_length=60, verbose_name="đơn vị tính"),
                ),
                ("note", models.CharField(blank=True, max_length=400, verbose_name="ghi chú")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                        to="blocs.figure",
                        verbose_name="thuộc số liệu",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical số liệu",
                "verbose_name_plural": "historical số liệu",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMovement",
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
                ("name", models.CharField(max_length=300, verbose_name="tên")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("phong_trao", "Phong trào thi đua"),
                            ("chu_de", "Chủ đề thi đua"),
                            ("khau_hieu", "Khẩu hiệu"),
                            ("cuoc_van_dong", "Cuộc vận động"),
                        ],
                        max_length=20,
                        verbose_name="loại",
                    ),
                ),
                (
                    "launched_by_text",
                    models.CharField(
                        blank=True,
                        help_text="Khi cơ quan không có trong danh mục đơn vị.",
                        max_length=255,
                        verbose_name="cơ quan phát động (ghi tên)",
                    ),
                ),
                (
                    "first_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="từ năm",
                    ),
                ),
                (
                    "last_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="đến năm",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="mô tả")),
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
                    "basis",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.document",
                        verbose_name="theo tinh thần văn bản",
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
                    "launched_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.unit",
                        verbose_name="cơ quan phát động",
                    ),
                ),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=300, verbose_name="khóa tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "historical phong trào, chủ đề, khẩu hiệu",
                "verbose_name_plural": "historical phong trào, chủ đề, khẩu hiệu",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPledge",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    blocs.models.registry.YearField(
                        error_messages={
                            "max_value": "Năm phải từ 1945 đến 2100.",
                            "min_value": "Năm phải từ 1945 đến 2100.",
                        },
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm giao ước",
                    ),
                ),
                (
                    "signed_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày ký",
                    ),
                ),
                (
                    "signatory_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Khi nguồn chỉ nêu số đơn vị.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị ký",
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
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="ký tại sự kiện",
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
                "verbose_name": "historical giao ước thi đua",
                "verbose_name_plural": "historical giao ước thi đua",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReport",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "presenter_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người trình bày (lúc đó)"
                    ),
                ),
                (
                    "behalf",
                    models.CharField(
                        choices=[("bloc", "Thay mặt cả khối"), ("unit", "Thay mặt một đơn vị")],
                        default="bloc",
                        max_length=10,
                        verbose_name="thay mặt",
                    ),
                ),
                (
                    "behalf_role",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «Khối trưởng Khối thi đua Tổng cục, Cục, Ban và Quỹ năm 2015».",
                        max_length=255,
                        verbose_name="cương vị trong khối",
                    ),
                ),
                ("title", models.CharField(max_length=400, verbose_name="tên báo cáo")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                    "presenter",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Để trống khi nguồn không nêu tên người trình bày.",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="người trình bày",
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
                        verbose_name="đơn vị được thay mặt",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical báo cáo",
                "verbose_name_plural": "historical báo cáo trình bày",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSection",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("results", "Kết quả đạt được"),
                            ("shortcomings", "Tồn tại, hạn chế"),
                            ("causes", "Nguyên nhân"),
                            ("directions", "Phương hướng năm tới"),
                            ("recommendations", "Kiến nghị, đề xuất"),
                            ("other", "Hoạt động khác"),
                        ],
                        max_length=20,
                        verbose_name="phần",
                    ),
                ),
                (
                    "heading",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «Về công tác chuyên môn».",
                        max_length=255,
                        verbose_name="tiêu đề",
                    ),
                ),
                (
                    "addressee",
                    models.CharField(
                        blank=True,
                        help_text="Với kiến nghị: cơ quan được đề nghị, ví dụ «Vụ Thi đua - Khen thưởng».",
                        max_length=255,
                        verbose_name="gửi tới",
                    ),
                ),
                ("text", models.TextField(help_text="Mỗi ý một dòng.", verbose_name="nội dung")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                "verbose_name": "historical nội dung",
                "verbose_name_plural": "historical nội dung tổng kết",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSpeech",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "speaker_title",
                    models.CharField(max_length=255, verbose_name="chức vụ (lúc đó)"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("remarks", "Phát biểu"), ("conclusion", "Kết luận")],
                        default="remarks",
                        max_length=12,
                        verbose_name="loại",
                    ),
                ),
                ("points", models.TextField(help_text="Mỗi ý một dòng.", verbose_name="ý chính")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                    "speaker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="units.person",
                        verbose_name="người phát biểu",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical phát biểu",
                "verbose_name_plural": "historical phát biểu, kết luận",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Movement",
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
                ("name", models.CharField(max_length=300, verbose_name="tên")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("phong_trao", "Phong trào thi đua"),
                            ("chu_de", "Chủ đề thi đua"),
                            ("khau_hieu", "Khẩu hiệu"),
                            ("cuoc_van_dong", "Cuộc vận động"),
                        ],
                        max_length=20,
                        verbose_name="loại",
                    ),
                ),
                (
                    "launched_by_text",
                    models.CharField(
                        blank=True,
                        help_text="Khi cơ quan không có trong danh mục đơn vị.",
                        max_length=255,
                        verbose_name="cơ quan phát động (ghi tên)",
                    ),
                ),
                (
                    "first_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="từ năm",
                    ),
                ),
                (
                    "last_year",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="đến năm",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="mô tả")),
                (
                    "basis",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="movements",
                        to="blocs.document",
                        verbose_name="theo tinh thần văn bản",
                    ),
                ),
                (
                    "launched_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="launched_movements",
                        to="units.unit",
                        verbose_name="cơ quan phát động",
                    ),
                ),
                (
                    "name_key",
                    models.CharField(
                        default="", editable=False, max_length=300, verbose_name="khóa tên"
                    ),
                ),
            ],
            options={
                "verbose_name": "phong trào, chủ đề, khẩu hiệu",
                "verbose_name_plural": "phong trào, chủ đề, khẩu hiệu",
                "ordering": ["name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("last_year__isnull", True),
                            ("first_year__isnull", True),
                            ("last_year__gte", models.F("first_year")),
                            _connector="OR",
                        ),
                        name="movement_years_ordered",
                        violation_error_message="Năm kết thúc phải sau năm bắt đầu.",
                    ),
                    models.UniqueConstraint(
                        fields=("kind", "name_key"),
                        name="movement_kind_name_key_unique",
                        violation_error_message="Đã có phong trào, chủ đề hoặc khẩu hiệu cùng loại và tên.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEventMovement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("carried_out", "Đã triển khai trong kỳ"),
                            ("adopted", "Triển khai năm tới"),
                        ],
                        default="carried_out",
                        max_length=20,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «tiếp tục triển khai».",
                        max_length=400,
                        verbose_name="ghi chú",
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                    "movement",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.movement",
                        verbose_name="phong trào, chủ đề",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical phong trào tại sự kiện",
                "verbose_name_plural": "historical phong trào, chủ đề, khẩu hiệu",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="EventMovement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("carried_out", "Đã triển khai trong kỳ"),
                            ("adopted", "Triển khai năm tới"),
                        ],
                        default="carried_out",
                        max_length=20,
                        verbose_name="trạng thái",
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «tiếp tục triển khai».",
                        max_length=400,
                        verbose_name="ghi chú",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "movement",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="event_links",
                        to="blocs.movement",
                        verbose_name="phong trào, chủ đề",
                    ),
                ),
            ],
            options={
                "verbose_name": "phong trào tại sự kiện",
                "verbose_name_plural": "phong trào, chủ đề, khẩu hiệu",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "movement_links",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("event", "movement", "status"),
                        name="event_movement_once",
                        violation_error_message="Phong trào này đã được ghi cho sự kiện với cùng trạng thái.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Pledge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "year",
                    blocs.models.registry.YearField(
                        error_messages={
                            "max_value": "Năm phải từ 1945 đến 2100.",
                            "min_value": "Năm phải từ 1945 đến 2100.",
                        },
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="năm giao ước",
                    ),
                ),
                (
                    "signed_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày ký",
                    ),
                ),
                (
                    "signatory_count",
                    blocs.models.registry.UnitCountField(
                        blank=True,
                        help_text="Khi nguồn chỉ nêu số đơn vị.",
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                1, "Số đơn vị phải từ 1 đến 999."
                            ),
                            django.core.validators.MaxValueValidator(
                                999, "Số đơn vị phải từ 1 đến 999."
                            ),
                        ],
                        verbose_name="số đơn vị ký",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="pledges",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="pledges",
                        to="blocs.event",
                        verbose_name="ký tại sự kiện",
                    ),
                ),
                (
                    "signatories",
                    models.ManyToManyField(
                        blank=True,
                        related_name="pledges",
                        to="units.unit",
                        verbose_name="đơn vị ký",
                    ),
                ),
            ],
            options={
                "verbose_name": "giao ước thi đua",
                "verbose_name_plural": "giao ước thi đua",
                "ordering": ["-year", "bloc__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bloc", "year"),
                        name="pledge_once_per_bloc_year",
                        violation_error_message="Khối này đã có giao ước thi đua cho năm đó.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("signed_on__isnull", True),
                            models.Q(
                                ("signed_on__gte", datetime.date(1945, 1, 1)),
                                ("signed_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="pledge_signed_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("year__gte", 1945), ("year__lte", 2100)),
                        name="pledge_year_in_range",
                        violation_error_message="Năm phải từ 1945 đến 2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("signatory_count__isnull", True),
                            models.Q(("signatory_count__gte", 1), ("signatory_count__lte", 999)),
                            _connector="OR",
                        ),
                        name="pledge_signatory_count_in_range",
                        violation_error_message="Số đơn vị phải từ 1 đến 999.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalCommitment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("text", models.TextField(verbose_name="nội dung cam kết")),
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
                    "pledge",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.pledge",
                        verbose_name="giao ước",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical cam kết",
                "verbose_name_plural": "historical nội dung cam kết",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Commitment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("text", models.TextField(verbose_name="nội dung cam kết")),
                (
                    "pledge",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="commitments",
                        to="blocs.pledge",
                        verbose_name="giao ước",
                    ),
                ),
            ],
            options={
                "verbose_name": "cam kết",
                "verbose_name_plural": "nội dung cam kết",
                "ordering": ["pledge", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Report",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "presenter_title",
                    models.CharField(
                        blank=True, max_length=255, verbose_name="chức vụ người trình bày (lúc đó)"
                    ),
                ),
                (
                    "behalf",
                    models.CharField(
                        choices=[("bloc", "Thay mặt cả khối"), ("unit", "Thay mặt một đơn vị")],
                        default="bloc",
                        max_length=10,
                        verbose_name="thay mặt",
                    ),
                ),
                (
                    "behalf_role",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «Khối trưởng Khối thi đua Tổng cục, Cục, Ban và Quỹ năm 2015».",
                        max_length=255,
                        verbose_name="cương vị trong khối",
                    ),
                ),
                ("title", models.CharField(max_length=400, verbose_name="tên báo cáo")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "presenter",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống khi nguồn không nêu tên người trình bày.",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reports",
                        to="units.person",
                        verbose_name="người trình bày",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reports",
                        to="units.unit",
                        verbose_name="đơn vị được thay mặt",
                    ),
                ),
            ],
            options={
                "verbose_name": "báo cáo",
                "verbose_name_plural": "báo cáo trình bày",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "reports",
            },
        ),
        migrations.CreateModel(
            name="Section",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("results", "Kết quả đạt được"),
                            ("shortcomings", "Tồn tại, hạn chế"),
                            ("causes", "Nguyên nhân"),
                            ("directions", "Phương hướng năm tới"),
                            ("recommendations", "Kiến nghị, đề xuất"),
                            ("other", "Hoạt động khác"),
                        ],
                        max_length=20,
                        verbose_name="phần",
                    ),
                ),
                (
                    "heading",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ «Về công tác chuyên môn».",
                        max_length=255,
                        verbose_name="tiêu đề",
                    ),
                ),
                (
                    "addressee",
                    models.CharField(
                        blank=True,
                        help_text="Với kiến nghị: cơ quan được đề nghị, ví dụ «Vụ Thi đua - Khen thưởng».",
                        max_length=255,
                        verbose_name="gửi tới",
                    ),
                ),
                ("text", models.TextField(help_text="Mỗi ý một dòng.", verbose_name="nội dung")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "nội dung",
                "verbose_name_plural": "nội dung tổng kết",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "sections",
            },
        ),
        migrations.CreateModel(
            name="Speech",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "speaker_title",
                    models.CharField(max_length=255, verbose_name="chức vụ (lúc đó)"),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("remarks", "Phát biểu"), ("conclusion", "Kết luận")],
                        default="remarks",
                        max_length=12,
                        verbose_name="loại",
                    ),
                ),
                ("points", models.TextField(help_text="Mỗi ý một dòng.", verbose_name="ý chính")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "speaker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="speeches",
                        to="units.person",
                        verbose_name="người phát biểu",
                    ),
                ),
            ],
            options={
                "verbose_name": "phát biểu",
                "verbose_name_plural": "phát biểu, kết luận",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "speeches",
            },
        ),
        migrations.CreateModel(
            name="Election",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "year",
                    blocs.models.registry.YearField(
                        error_messages={
                            "max_value": "Năm phải từ 1945 đến 2100.",
                            "min_value": "Năm phải từ 1945 đến 2100.",
                        },
                        validators=[
                            django.core.validators.MinValueValidator(1945),
                            django.core.validators.MaxValueValidator(2100),
                        ],
                        verbose_name="bầu cho năm",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[("leader", "Khối trưởng"), ("deputy", "Khối phó")],
                        max_length=10,
                        verbose_name="vai trò",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="elections",
                        to="units.unit",
                        verbose_name="đơn vị được bầu",
                    ),
                ),
                (
                    "bloc",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="elections",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
            ],
            options={
                "verbose_name": "kết quả bầu",
                "verbose_name_plural": "bầu khối trưởng, khối phó",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "elections",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("event", "year", "role"),
                        name="election_one_per_role",
                        violation_error_message="Sự kiện đã ghi một đơn vị được bầu cho vai trò này trong năm đó.",
                    ),
                    models.UniqueConstraint(
                        fields=("bloc", "year", "role"),
                        name="election_one_holder_per_bloc_year",
                        violation_error_message="Khối đã có một đơn vị được bầu cho vai trò này trong năm đó; mỗi khối chỉ có một khối trưởng và một khối phó trong một năm.",
                    ),
                    models.UniqueConstraint(
                        fields=("bloc", "year", "unit"),
                        name="election_one_role_per_unit",
                        violation_error_message="Đơn vị đã được bầu một vai trò của khối trong năm đó; một đơn vị không thể vừa là khối trưởng vừa là khối phó.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("year__gte", 1945), ("year__lte", 2100)),
                        name="election_year_in_range",
                        violation_error_message="Năm phải từ 1945 đến 2100.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="EventDocument",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="document_links",
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="event_links",
                        to="blocs.document",
                        verbose_name="văn bản",
                    ),
                ),
            ],
            options={
                "verbose_name": "căn cứ tổ chức",
                "verbose_name_plural": "căn cứ tổ chức",
                "db_table": "blocs_event_documents",
                "unique_together": {("event", "document")},
            },
        ),
        migrations.AddField(
            model_name="event",
            name="documents",
            field=models.ManyToManyField(
                blank=True,
                help_text="Các văn bản mà sự kiện được tổ chức theo (ví dụ công văn hướng dẫn tổng kết).",
                related_name="events",
                through="blocs.EventDocument",
                to="blocs.document",
                verbose_name="căn cứ tổ chức",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalEventDocument",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
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
                    "document",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.document",
                        verbose_name="văn bản",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                "verbose_name": "historical căn cứ tổ chức",
                "verbose_name_plural": "historical căn cứ tổ chức",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBlocName",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
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
                    "bloc",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.bloc",
                        verbose_name="khối",
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
                "verbose_name": "historical tên của khối theo năm",
                "verbose_name_plural": "historical tên của khối theo năm",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalHonour",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[("ton_vinh", "Tôn vinh"), ("bieu_duong", "Biểu dương")],
                        default="ton_vinh",
                        max_length=12,
                        verbose_name="hình thức",
                    ),
                ),
                (
                    "person_title",
                    models.CharField(
                        blank=True,
                        max_length=255,
                        verbose_name="chức vụ, đơn vị của cá nhân (lúc đó)",
                    ),
                ),
                (
                    "award_text",
                    models.CharField(
                        blank=True,
                        help_text="Như nêu tại sự kiện, ví dụ «Bằng khen của Bộ trưởng». Khen thưởng đã nhập có thể gắn với dòng này (mục «tôn vinh tại sự kiện» của khen thưởng).",
                        max_length=255,
                        verbose_name="hình thức khen thưởng",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=400, verbose_name="ghi chú")),
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
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.event",
                        verbose_name="sự kiện",
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
                        verbose_name="tập thể",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tập thể, cá nhân được tôn vinh",
                "verbose_name_plural": "historical tập thể, cá nhân được tôn vinh, biểu dương",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="BlocName",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="tên")),
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
                    "bloc",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="names",
                        to="blocs.bloc",
                        verbose_name="khối",
                    ),
                ),
            ],
            options={
                "verbose_name": "tên của khối theo năm",
                "verbose_name_plural": "tên của khối theo năm",
                "ordering": ["bloc", "valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_until__isnull", True),
                            ("valid_from__isnull", True),
                            ("valid_until__gte", models.F("valid_from")),
                            _connector="OR",
                        ),
                        name="bloc_name_years_ordered",
                        violation_error_message="Năm cuối dùng tên phải sau năm bắt đầu dùng tên.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="Honour",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "kind",
                    models.CharField(
                        choices=[("ton_vinh", "Tôn vinh"), ("bieu_duong", "Biểu dương")],
                        default="ton_vinh",
                        max_length=12,
                        verbose_name="hình thức",
                    ),
                ),
                (
                    "person_title",
                    models.CharField(
                        blank=True,
                        max_length=255,
                        verbose_name="chức vụ, đơn vị của cá nhân (lúc đó)",
                    ),
                ),
                (
                    "award_text",
                    models.CharField(
                        blank=True,
                        help_text="Như nêu tại sự kiện, ví dụ «Bằng khen của Bộ trưởng». Khen thưởng đã nhập có thể gắn với dòng này (mục «tôn vinh tại sự kiện» của khen thưởng).",
                        max_length=255,
                        verbose_name="hình thức khen thưởng",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=400, verbose_name="ghi chú")),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to="blocs.event",
                        verbose_name="sự kiện",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="honours",
                        to="units.person",
                        verbose_name="cá nhân",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="honours",
                        to="units.unit",
                        verbose_name="tập thể",
                    ),
                ),
            ],
            options={
                "verbose_name": "tập thể, cá nhân được tôn vinh",
                "verbose_name_plural": "tập thể, cá nhân được tôn vinh, biểu dương",
                "ordering": ["event", "order", "pk"],
                "abstract": False,
                "default_related_name": "honours",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(("person__isnull", True), ("unit__isnull", False)),
                            models.Q(("person__isnull", False), ("unit__isnull", True)),
                            _connector="OR",
                        ),
                        name="honour_unit_xor_person",
                        violation_error_message="Mỗi dòng tôn vinh ghi một tập thể hoặc một cá nhân.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalLeadingUnit",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Biên bản bình xét của khối ngày …; kết quả chấm điểm.",
                        max_length=255,
                        verbose_name="nguồn",
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
                    "bloc_year",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
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
                        verbose_name="tập thể dẫn đầu",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tập thể dẫn đầu khối",
                "verbose_name_plural": "historical tập thể dẫn đầu khối",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="LeadingUnit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Biên bản bình xét của khối ngày …; kết quả chấm điểm.",
                        max_length=255,
                        verbose_name="nguồn",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "bloc_year",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="leading_units",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="tập thể dẫn đầu",
                    ),
                ),
            ],
            options={
                "verbose_name": "tập thể dẫn đầu khối",
                "verbose_name_plural": "tập thể dẫn đầu khối",
                "ordering": ["bloc_year", "unit__name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bloc_year", "unit"),
                        name="leading_unit_once_per_bloc_year",
                        violation_error_message="Tập thể này đã được ghi dẫn đầu khối năm đó.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CriteriaGroup",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("name", models.CharField(max_length=255, verbose_name="nhóm tiêu chí")),
            ],
            options={
                "verbose_name": "nhóm tiêu chí",
                "verbose_name_plural": "nhóm tiêu chí",
                "ordering": ["sheet", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="Assessment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveSmallIntegerField(editable=False, verbose_name="phiên bản"),
                ),
                (
                    "held_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày họp bình xét",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Biên bản họp bình xét, biên bản kiểm phiếu ngày …",
                        max_length=255,
                        verbose_name="căn cứ",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "ballots_issued",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu phát ra"
                    ),
                ),
                (
                    "ballots_returned",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu thu về"
                    ),
                ),
                (
                    "ballots_valid",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu hợp lệ"
                    ),
                ),
                (
                    "ballots_invalid",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu không hợp lệ"
                    ),
                ),
                (
                    "entered_at",
                    models.DateTimeField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="nhập lúc"
                    ),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="xác nhận lúc",
                    ),
                ),
                (
                    "released_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="công bố lúc",
                    ),
                ),
                (
                    "bloc_year",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assessments",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
                    ),
                ),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người xác nhận",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người nhập",
                    ),
                ),
                (
                    "released_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người công bố",
                    ),
                ),
            ],
            options={
                "verbose_name": "kết quả bình xét của khối",
                "verbose_name_plural": "kết quả bình xét của khối",
                "ordering": ["-bloc_year__year", "bloc_year", "-version"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("bloc_year", "version"),
                        name="assessment_version_unique",
                        violation_error_message="Phiên bản này của kết quả bình xét đã có.",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("confirmed_by__isnull", False)),
                        fields=("bloc_year",),
                        name="assessment_one_confirmed",
                        violation_error_message="Khối – năm này đã có một kết quả bình xét được xác nhận; chỉ một phiên bản được xác nhận",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("confirmed_by__isnull", True),
                            models.Q(("confirmed_by", models.F("entered_by")), _negated=True),
                            _connector="OR",
                        ),
                        name="assessment_confirmer_not_enterer",
                        violation_error_message="Người xác nhận phải khác người nhập kết quả bình xét.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("confirmed_at__isnull", True), ("confirmed_by__isnull", True)
                            ),
                            models.Q(
                                ("confirmed_at__isnull", False), ("confirmed_by__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="assessment_confirmed_has_time",
                        violation_error_message="Kết quả đã xác nhận phải có người và thời điểm xác nhận.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("released_at__isnull", True),
                            models.Q(
                                ("confirmed_by__isnull", False), ("released_by__isnull", False)
                            ),
                            _connector="OR",
                        ),
                        name="assessment_released_after_confirmed",
                        violation_error_message="Chỉ công bố kết quả bình xét đã được xác nhận.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ballots_returned__isnull", True),
                            ("ballots_issued__isnull", True),
                            ("ballots_returned__lte", models.F("ballots_issued")),
                            _connector="OR",
                        ),
                        name="assessment_returned_within_issued",
                        violation_error_message="Số phiếu thu về không được lớn hơn số phiếu phát ra.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ballots_returned__isnull", True),
                            ("ballots_valid__isnull", True),
                            ("ballots_invalid__isnull", True),
                            (
                                "ballots_returned",
                                django.db.models.expressions.CombinedExpression(
                                    models.F("ballots_valid"), "+", models.F("ballots_invalid")
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="assessment_ballots_add_up",
                        violation_error_message="Số phiếu hợp lệ cộng số phiếu không hợp lệ phải bằng số phiếu thu về.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("held_on__isnull", True),
                            models.Q(
                                ("held_on__gte", datetime.date(1945, 1, 1)),
                                ("held_on__lte", datetime.date(2100, 12, 31)),
                            ),
                            _connector="OR",
                        ),
                        name="assessment_held_on_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("entered_at__isnull", True),
                            models.Q(
                                (
                                    "entered_at__gte",
                                    datetime.datetime(1945, 1, 1, 0, 0, tzinfo=datetime.UTC),
                                ),
                                (
                                    "entered_at__lte",
                                    datetime.datetime(
                                        2100, 12, 31, 23, 59, 59, tzinfo=datetime.UTC
                                    ),
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="assessment_entered_at_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("confirmed_at__isnull", True),
                            models.Q(
                                (
                                    "confirmed_at__gte",
                                    datetime.datetime(1945, 1, 1, 0, 0, tzinfo=datetime.UTC),
                                ),
                                (
                                    "confirmed_at__lte",
                                    datetime.datetime(
                                        2100, 12, 31, 23, 59, 59, tzinfo=datetime.UTC
                                    ),
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="assessment_confirmed_at_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("released_at__isnull", True),
                            models.Q(
                                (
                                    "released_at__gte",
                                    datetime.datetime(1945, 1, 1, 0, 0, tzinfo=datetime.UTC),
                                ),
                                (
                                    "released_at__lte",
                                    datetime.datetime(
                                        2100, 12, 31, 23, 59, 59, tzinfo=datetime.UTC
                                    ),
                                ),
                            ),
                            _connector="OR",
                        ),
                        name="assessment_released_at_in_range",
                        violation_error_message="Ngày phải trong khoảng 01/01/1945 – 31/12/2100.",
                    ),
                ],
            },
        ),
        migrations.AddField(
            model_name="historicalleadingunit",
            name="assessment",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="blocs.assessment",
                verbose_name="theo kết quả bình xét",
            ),
        ),
        migrations.AddField(
            model_name="leadingunit",
            name="assessment",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="leading_units",
                to="blocs.assessment",
                verbose_name="theo kết quả bình xét",
            ),
        ),
        migrations.CreateModel(
            name="BallotCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "subject",
                    models.CharField(
                        choices=[
                            ("dan_dau", "Tập thể dẫn đầu khối"),
                            ("co_bo", "Cờ thi đua của Bộ"),
                            ("co_chinh_phu", "Cờ thi đua của Chính phủ"),
                        ],
                        max_length=20,
                        verbose_name="nội dung bỏ phiếu",
                    ),
                ),
                (
                    "votes",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Để trống khi nguồn chỉ nêu khối thống nhất đề xuất, không nêu số phiếu.",
                        null=True,
                        verbose_name="số phiếu đồng ý",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                (
                    "assessment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="ballot_counts",
                        to="blocs.assessment",
                        verbose_name="kết quả bình xét",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị được bầu",
                    ),
                ),
            ],
            options={
                "verbose_name": "kết quả kiểm phiếu",
                "verbose_name_plural": "kết quả kiểm phiếu",
                "ordering": ["assessment", "subject", "order", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("assessment", "subject", "unit"),
                        name="ballot_count_once_per_subject_unit",
                        violation_error_message="Đơn vị đã có kết quả kiểm phiếu cho nội dung này.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="CriteriaSheet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "copied_from",
                    models.CharField(
                        blank=True,
                        help_text="Bảng tiêu chí gốc khi sao chép (năm trước của khối, hoặc bảng mẫu).",
                        max_length=255,
                        verbose_name="sao chép từ",
                    ),
                ),
                (
                    "tie_break",
                    models.CharField(
                        choices=[
                            ("phieu_dan_dau", "Số phiếu bầu dẫn đầu khối nhiều hơn xếp trên"),
                            ("tu_cham", "Tổng điểm tự chấm cao hơn xếp trên"),
                            ("dong_hang", "Đồng hạng (không phân định)"),
                        ],
                        default="phieu_dan_dau",
                        max_length=20,
                        verbose_name="quy tắc phân định khi bằng điểm",
                    ),
                ),
                (
                    "ballot_threshold",
                    models.PositiveSmallIntegerField(
                        default=50,
                        help_text="Tỷ lệ phiếu đồng ý trên tổng số phiếu hợp lệ mà một đơn vị phải đạt (ví dụ 50: trên một nửa… theo quy chế của khối: đạt từ 50% trở lên).",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="ngưỡng phiếu bầu (%)",
                    ),
                ),
                (
                    "show_score_details",
                    models.BooleanField(
                        default=False,
                        help_text="Khi bật, trang công khai của khối hiện điểm từng nhóm tiêu chí sau khi kết quả được công bố; mặc định chỉ hiện xếp hạng và tổng điểm.",
                        verbose_name="công khai điểm chi tiết",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "bloc_year",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="criteria_sheet",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
                    ),
                ),
            ],
            options={
                "verbose_name": "tiêu chí bình xét của khối – năm",
                "verbose_name_plural": "tiêu chí bình xét của khối – năm",
                "ordering": ["-bloc_year__year", "bloc_year__bloc__name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("ballot_threshold__gte", 1), ("ballot_threshold__lte", 100)
                        ),
                        name="criteria_threshold_percent",
                        violation_error_message="Ngưỡng phiếu bầu phải từ 1% đến 100%.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="criteriagroup",
            name="sheet",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="groups",
                to="blocs.criteriasheet",
                verbose_name="bảng tiêu chí",
            ),
        ),
        migrations.CreateModel(
            name="CriteriaItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("name", models.CharField(max_length=500, verbose_name="tiêu chí")),
                (
                    "max_points",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=6,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="điểm tối đa",
                    ),
                ),
                (
                    "weight",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Để trống khi tiêu chí không nhân hệ số (hệ số 1).",
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="hệ số",
                    ),
                ),
                (
                    "group",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="items",
                        to="blocs.criteriagroup",
                        verbose_name="nhóm tiêu chí",
                    ),
                ),
                (
                    "sheet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="items",
                        to="blocs.criteriasheet",
                        verbose_name="bảng tiêu chí",
                    ),
                ),
            ],
            options={
                "verbose_name": "tiêu chí chấm điểm",
                "verbose_name_plural": "tiêu chí chấm điểm",
                "ordering": ["sheet", "group__order", "group", "order", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("max_points__gt", 0)),
                        name="criteria_item_max_positive",
                        violation_error_message="Điểm tối đa của tiêu chí phải lớn hơn 0.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("weight__isnull", True), ("weight__gt", 0), _connector="OR"
                        ),
                        name="criteria_item_weight_positive",
                        violation_error_message="Hệ số của tiêu chí phải lớn hơn 0.",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAssessment",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "version",
                    models.PositiveSmallIntegerField(editable=False, verbose_name="phiên bản"),
                ),
                (
                    "held_on",
                    models.DateField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="ngày họp bình xét",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Biên bản họp bình xét, biên bản kiểm phiếu ngày …",
                        max_length=255,
                        verbose_name="căn cứ",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                (
                    "ballots_issued",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu phát ra"
                    ),
                ),
                (
                    "ballots_returned",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu thu về"
                    ),
                ),
                (
                    "ballots_valid",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu hợp lệ"
                    ),
                ),
                (
                    "ballots_invalid",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="số phiếu không hợp lệ"
                    ),
                ),
                (
                    "entered_at",
                    models.DateTimeField(
                        validators=[thidua.years.DateRangeValidator()], verbose_name="nhập lúc"
                    ),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="xác nhận lúc",
                    ),
                ),
                (
                    "released_at",
                    models.DateTimeField(
                        blank=True,
                        null=True,
                        validators=[thidua.years.DateRangeValidator()],
                        verbose_name="công bố lúc",
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
                    "bloc_year",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
                    ),
                ),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người xác nhận",
                    ),
                ),
                (
                    "entered_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người nhập",
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
                    "released_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người công bố",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kết quả bình xét của khối",
                "verbose_name_plural": "historical kết quả bình xét của khối",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBallotCount",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "subject",
                    models.CharField(
                        choices=[
                            ("dan_dau", "Tập thể dẫn đầu khối"),
                            ("co_bo", "Cờ thi đua của Bộ"),
                            ("co_chinh_phu", "Cờ thi đua của Chính phủ"),
                        ],
                        max_length=20,
                        verbose_name="nội dung bỏ phiếu",
                    ),
                ),
                (
                    "votes",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Để trống khi nguồn chỉ nêu khối thống nhất đề xuất, không nêu số phiếu.",
                        null=True,
                        verbose_name="số phiếu đồng ý",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
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
                    "assessment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.assessment",
                        verbose_name="kết quả bình xét",
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
                        verbose_name="đơn vị được bầu",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical kết quả kiểm phiếu",
                "verbose_name_plural": "historical kết quả kiểm phiếu",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCriteriaGroup",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("name", models.CharField(max_length=255, verbose_name="nhóm tiêu chí")),
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
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.criteriasheet",
                        verbose_name="bảng tiêu chí",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical nhóm tiêu chí",
                "verbose_name_plural": "historical nhóm tiêu chí",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCriteriaItem",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="thứ tự")),
                ("name", models.CharField(max_length=500, verbose_name="tiêu chí")),
                (
                    "max_points",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=6,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="điểm tối đa",
                    ),
                ),
                (
                    "weight",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Để trống khi tiêu chí không nhân hệ số (hệ số 1).",
                        max_digits=5,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="hệ số",
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
                    "group",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.criteriagroup",
                        verbose_name="nhóm tiêu chí",
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
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.criteriasheet",
                        verbose_name="bảng tiêu chí",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical tiêu chí chấm điểm",
                "verbose_name_plural": "historical tiêu chí chấm điểm",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCriteriaSheet",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "copied_from",
                    models.CharField(
                        blank=True,
                        help_text="Bảng tiêu chí gốc khi sao chép (năm trước của khối, hoặc bảng mẫu).",
                        max_length=255,
                        verbose_name="sao chép từ",
                    ),
                ),
                (
                    "tie_break",
                    models.CharField(
                        choices=[
                            ("phieu_dan_dau", "Số phiếu bầu dẫn đầu khối nhiều hơn xếp trên"),
                            ("tu_cham", "Tổng điểm tự chấm cao hơn xếp trên"),
                            ("dong_hang", "Đồng hạng (không phân định)"),
                        ],
                        default="phieu_dan_dau",
                        max_length=20,
                        verbose_name="quy tắc phân định khi bằng điểm",
                    ),
                ),
                (
                    "ballot_threshold",
                    models.PositiveSmallIntegerField(
                        default=50,
                        help_text="Tỷ lệ phiếu đồng ý trên tổng số phiếu hợp lệ mà một đơn vị phải đạt (ví dụ 50: trên một nửa… theo quy chế của khối: đạt từ 50% trở lên).",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(100),
                        ],
                        verbose_name="ngưỡng phiếu bầu (%)",
                    ),
                ),
                (
                    "show_score_details",
                    models.BooleanField(
                        default=False,
                        help_text="Khi bật, trang công khai của khối hiện điểm từng nhóm tiêu chí sau khi kết quả được công bố; mặc định chỉ hiện xếp hạng và tổng điểm.",
                        verbose_name="công khai điểm chi tiết",
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
                    "bloc_year",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.blocyear",
                        verbose_name="khối – năm",
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
                "verbose_name": "historical tiêu chí bình xét của khối – năm",
                "verbose_name_plural": "historical tiêu chí bình xét của khối – năm",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalScore",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "self_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=6,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="điểm tự chấm",
                    ),
                ),
                (
                    "agreed_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=6,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="điểm khối thống nhất",
                    ),
                ),
                ("comment", models.CharField(blank=True, max_length=500, verbose_name="nhận xét")),
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
                    "assessment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.assessment",
                        verbose_name="kết quả bình xét",
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
                    "item",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="blocs.criteriaitem",
                        verbose_name="tiêu chí",
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
                "verbose_name": "historical điểm bình xét",
                "verbose_name_plural": "historical điểm bình xét",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Score",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "self_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=6,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="điểm tự chấm",
                    ),
                ),
                (
                    "agreed_score",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=6,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(Decimal("0"))],
                        verbose_name="điểm khối thống nhất",
                    ),
                ),
                ("comment", models.CharField(blank=True, max_length=500, verbose_name="nhận xét")),
                (
                    "assessment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="scores",
                        to="blocs.assessment",
                        verbose_name="kết quả bình xét",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="scores",
                        to="blocs.criteriaitem",
                        verbose_name="tiêu chí",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="units.unit",
                        verbose_name="đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "điểm bình xét",
                "verbose_name_plural": "điểm bình xét",
                "ordering": ["assessment", "unit", "item"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("assessment", "unit", "item"),
                        name="score_once_per_unit_item",
                        violation_error_message="Đơn vị đã có điểm ở tiêu chí này trong phiên bản này.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("self_score__isnull", True),
                                ("self_score__gte", 0),
                                _connector="OR",
                            ),
                            models.Q(
                                ("agreed_score__isnull", True),
                                ("agreed_score__gte", 0),
                                _connector="OR",
                            ),
                        ),
                        name="score_not_negative",
                        violation_error_message="Điểm không được âm.",
                    ),
                ],
            },
        ),
        in_one_step(
            # 0002_search_indexes
            trigram_index("blocs_bloc"),
            trigram_index("blocs_document"),
            trigram_index("blocs_event"),
            # 0003_event_records: the event slug made unique after the column was added
            postgresql_unique_name("blocs_event", "slug", "blocs_event_slug_159a124c_uniq"),
            trigram_index("blocs_movement"),
        ),
    ]
