"""What an event records: attendance, reports, speeches, narrative, figures, movements,
elections, pledges and attachments."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from thidua.models import Searchable
from thidua.text import fold
from thidua.uploads import (
    FILE_NAME_MAX_LENGTH,
    UploadTo,
    validate_attachment,
    validate_image_file,
)
from thidua.years import date_range_constraints, date_validators, period_label, year_validators
from units.models import Person, Unit

from .documents import Document
from .events import Event, EventPart, event_of
from .registry import (
    Bloc,
    Membership,
    Role,
    UnitCountField,
    YearField,
    unit_count_constraint,
    year_constraint,
)


class AttendanceKind(models.TextChoices):
    GUEST = "guest", "Khách mời"
    REPRESENTATIVE = "representative", "Đại diện đơn vị"


class Attendance(EventPart):
    """Who attended: a named person with the title said at the time, or a group given by a count
    ("đại diện lãnh đạo và chuyên viên của 9 đơn vị")."""

    kind = models.CharField(
        "tư cách", max_length=20, choices=AttendanceKind.choices, default=AttendanceKind.GUEST
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    title = models.CharField(
        "chức vụ (lúc đó)",
        max_length=255,
        blank=True,
        help_text="Như nêu tại sự kiện, ví dụ «Phó Vụ trưởng Vụ Thi đua - Khen thưởng».",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    group_description = models.CharField(
        "nhóm tham dự",
        max_length=255,
        blank=True,
        help_text="Khi không nêu tên: ví dụ «đại diện lãnh đạo và chuyên viên».",
    )
    unit_count = UnitCountField("số đơn vị", null=True, blank=True)

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "người tham dự"
        verbose_name_plural = "thành phần tham dự"
        default_related_name = "attendances"
        constraints = [unit_count_constraint("attendance", "unit_count")]

    def __str__(self):
        if self.person_id:
            return f"{self.person}{', ' + self.title if self.title else ''}"
        return self.group_label

    @property
    def group_label(self):
        who = self.group_description or "đại diện"
        return f"{who} của {self.unit_count} đơn vị" if self.unit_count else who

    def clean(self):
        if not self.person_id and not self.unit_count and not self.group_description:
            raise ValidationError(
                {
                    "person": "Hãy chọn cá nhân tham dự, hoặc ghi nhóm tham dự và số đơn vị "
                    "(ví dụ «đại diện lãnh đạo của 9 đơn vị»)."
                }
            )
        if self.person_id and (self.unit_count or self.group_description):
            raise ValidationError(
                {
                    "unit_count": "Một dòng chỉ ghi một cá nhân hoặc một nhóm tham dự, "
                    "không ghi cả hai."
                }
            )
        if self.unit_count == 0:
            raise ValidationError({"unit_count": "Số đơn vị tham dự phải lớn hơn 0."})
        self.check_within_bloc()

    def check_within_bloc(self):
        """Representatives of more units than the bloc counts at the event are a typing error
        (guests may come from anywhere: no bound but MAX_UNITS)."""
        event = event_of(self)
        if (
            self.kind != AttendanceKind.REPRESENTATIVE
            or not self.unit_count
            or event is None
            or not event.bloc_id
            or not event.period_end
        ):
            return
        from ..event_queries import stated_member_count  # the count the event page shows

        total = stated_member_count(event)
        if total is not None and self.unit_count > total:
            raise ValidationError(
                {
                    "unit_count": f"Số đơn vị tham dự ({self.unit_count}) lớn hơn số đơn vị của "
                    f"khối tại sự kiện ({total}); đại diện tham dự chỉ đến từ các đơn vị của khối."
                }
            )


class ReportBehalf(models.TextChoices):
    BLOC = "bloc", "Thay mặt cả khối"
    UNIT = "unit", "Thay mặt một đơn vị"


class Report(EventPart):
    """A report presented at the event; sources may give only its title and unit ("three
    advanced-model reports were presented"), so the presenter is optional."""

    presenter = models.ForeignKey(
        Person,
        verbose_name="người trình bày",
        on_delete=models.PROTECT,
        related_name="reports",
        null=True,
        blank=True,
        help_text="Để trống khi nguồn không nêu tên người trình bày.",
    )
    presenter_title = models.CharField(
        "chức vụ người trình bày (lúc đó)", max_length=255, blank=True
    )
    behalf = models.CharField(
        "thay mặt", max_length=10, choices=ReportBehalf.choices, default=ReportBehalf.BLOC
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị được thay mặt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    behalf_role = models.CharField(
        "cương vị trong khối",
        max_length=255,
        blank=True,
        help_text="Ví dụ «Khối trưởng Khối thi đua Tổng cục, Cục, Ban và Quỹ năm 2015».",
    )
    title = models.CharField("tên báo cáo", max_length=400)

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo trình bày"
        default_related_name = "reports"

    def __str__(self):
        return self.title

    def clean(self):
        if self.presenter_title.strip() and not self.presenter_id:
            raise ValidationError(
                {"presenter": "Đã ghi chức vụ người trình bày: hãy chọn người trình bày."}
            )
        if self.behalf == ReportBehalf.UNIT and not self.unit_id:
            raise ValidationError(
                {"unit": "Báo cáo thay mặt một đơn vị: hãy chọn đơn vị được thay mặt."}
            )
        if self.behalf == ReportBehalf.BLOC and self.unit_id:
            raise ValidationError(
                {
                    "unit": "Báo cáo thay mặt cả khối không ghi đơn vị được thay mặt; "
                    "hãy chọn «Thay mặt một đơn vị» hoặc bỏ trống đơn vị."
                }
            )


class HonourKind(models.TextChoices):
    HONOURED = "ton_vinh", "Tôn vinh"
    COMMENDED = "bieu_duong", "Biểu dương"


class Honour(EventPart):
    """A collective or an individual honoured at the event (tôn vinh, biểu dương at an
    advanced-model conference). awards.Award may point at it (Award.honour): blocs never reads
    awards, the award side links to the honour."""

    kind = models.CharField(
        "hình thức", max_length=12, choices=HonourKind.choices, default=HonourKind.HONOURED
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honours",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="honours",
    )
    person_title = models.CharField(
        "chức vụ, đơn vị của cá nhân (lúc đó)", max_length=255, blank=True
    )
    award_text = models.CharField(
        "hình thức khen thưởng",
        max_length=255,
        blank=True,
        help_text="Như nêu tại sự kiện, ví dụ «Bằng khen của Bộ trưởng». Khen thưởng đã nhập "
        "có thể gắn với dòng này (mục «tôn vinh tại sự kiện» của khen thưởng).",
    )
    note = models.CharField("ghi chú", max_length=400, blank=True)

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "tập thể, cá nhân được tôn vinh"
        verbose_name_plural = "tập thể, cá nhân được tôn vinh, biểu dương"
        default_related_name = "honours"
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, person__isnull=True)
                | Q(unit__isnull=True, person__isnull=False),
                name="honour_unit_xor_person",
                violation_error_message="Mỗi dòng tôn vinh ghi một tập thể hoặc một cá nhân.",
            ),
        ]

    def __str__(self):
        who = self.unit or self.person
        event = event_of(self)
        return f"{self.get_kind_display()} {who}" + (f" – {event}" if event else "")

    def clean(self):
        if bool(self.unit_id) == bool(self.person_id):
            raise ValidationError(
                {"unit": "Hãy chọn đúng một tập thể hoặc một cá nhân được tôn vinh, biểu dương."}
            )


class SpeechKind(models.TextChoices):
    REMARKS = "remarks", "Phát biểu"
    CONCLUSION = "conclusion", "Kết luận"


class Speech(EventPart):
    speaker = models.ForeignKey(
        Person, verbose_name="người phát biểu", on_delete=models.PROTECT, related_name="speeches"
    )
    speaker_title = models.CharField("chức vụ (lúc đó)", max_length=255)
    kind = models.CharField(
        "loại", max_length=12, choices=SpeechKind.choices, default=SpeechKind.REMARKS
    )
    points = models.TextField("ý chính", help_text="Mỗi ý một dòng.")

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "phát biểu"
        verbose_name_plural = "phát biểu, kết luận"
        default_related_name = "speeches"

    def __str__(self):
        return f"{self.get_kind_display()} của {self.speaker}"

    @property
    def point_list(self):
        return [line.strip() for line in self.points.splitlines() if line.strip()]


class SectionKind(models.TextChoices):
    RESULTS = "results", "Kết quả đạt được"
    SHORTCOMINGS = "shortcomings", "Tồn tại, hạn chế"
    CAUSES = "causes", "Nguyên nhân"
    DIRECTIONS = "directions", "Phương hướng năm tới"
    RECOMMENDATIONS = "recommendations", "Kiến nghị, đề xuất"
    OTHER_ACTIVITIES = "other", "Hoạt động khác"


class Section(EventPart):
    kind = models.CharField("phần", max_length=20, choices=SectionKind.choices)
    heading = models.CharField(
        "tiêu đề", max_length=255, blank=True, help_text="Ví dụ «Về công tác chuyên môn»."
    )
    addressee = models.CharField(
        "gửi tới",
        max_length=255,
        blank=True,
        help_text="Với kiến nghị: cơ quan được đề nghị, ví dụ «Vụ Thi đua - Khen thưởng».",
    )
    text = models.TextField("nội dung", help_text="Mỗi ý một dòng.")

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "nội dung"
        verbose_name_plural = "nội dung tổng kết"
        default_related_name = "sections"

    def __str__(self):
        return self.heading or self.get_kind_display()

    @property
    def paragraphs(self):
        return [line.strip() for line in self.text.splitlines() if line.strip()]


class Figure(EventPart):
    """A number stated at the event ("08 văn bản cấp Chính phủ"), optionally under a parent."""

    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc số liệu",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    label = models.CharField("nội dung", max_length=255)
    value = models.DecimalField("số lượng", max_digits=14, decimal_places=2)
    unit_label = models.CharField("đơn vị tính", max_length=60, blank=True)
    note = models.CharField("ghi chú", max_length=400, blank=True)

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "số liệu"
        verbose_name_plural = "số liệu"
        default_related_name = "figures"

    def __str__(self):
        return f"{self.display_value} {self.unit_label} {self.label}".replace("  ", " ")

    @property
    def display_value(self):
        value = self.value.normalize() if self.value is not None else ""
        text = f"{value:f}" if value != "" else ""
        return text.replace(".", ",")

    def clean(self):
        if self.value is not None and self.value < 0:
            raise ValidationError({"value": "Số lượng không được âm."})
        # The event's form judges the parents of all its rows at once, as submitted
        # (blocs.admin.events.FigureFormSet, with figure_parent_error below).
        if self.parent_id and not getattr(self, "parent_checked_by_formset", False):
            parent = self.parent
            error = figure_parent_error(
                self,
                parent,
                grandparent=parent.parent if parent.parent_id else None,
                has_children=lambda: (
                    bool(self.pk)
                    and Figure.objects.filter(parent=self.pk).exclude(pk=self.pk).exists()
                ),
            )
            if error:
                raise ValidationError({"parent": error})


def figure_parent_error(figure, parent, *, grandparent, has_children):
    """Why `figure` may not be put under `parent`, or None: the figures of an event are shown on
    two levels, a figure and its sub-figures. Judged on the state given, the saved rows
    (Figure.clean) or the rows of the event's form as submitted, which may not be saved yet (the
    admin's FigureFormSet): `grandparent` is the parent's own parent (or None) and
    `has_children()` says whether figures are put under `figure`."""
    if parent is figure or (figure.pk is not None and parent.pk == figure.pk):
        return "Số liệu không thể thuộc chính nó."
    if figure.event_id and parent.event_id != figure.event_id:
        return "Số liệu cha phải thuộc cùng sự kiện với số liệu này."
    # The event page shows a figure and its sub-figures, two levels: a third level would be
    # saved and never shown.
    if grandparent is not None:
        return (
            f"«{parent}» đã là số liệu chi tiết của «{grandparent}»: hãy chọn một số liệu tổng "
            "(trang sự kiện hiển thị hai cấp số liệu)."
        )
    if has_children():
        return (
            "Số liệu này đang có số liệu chi tiết nên không thể thuộc số liệu khác: trang sự "
            "kiện hiển thị hai cấp số liệu."
        )
    return None


class MovementKind(models.TextChoices):
    MOVEMENT = "phong_trao", "Phong trào thi đua"
    THEME = "chu_de", "Chủ đề thi đua"
    SLOGAN = "khau_hieu", "Khẩu hiệu"
    CAMPAIGN = "cuoc_van_dong", "Cuộc vận động"
    # A line of the Party's or the State's policy the units carry out, not a campaign of its
    # own: «thực hành tiết kiệm, chống lãng phí» under Nghị quyết 11/NQ-CP.
    POLICY = "chu_truong", "Chủ trương"


class Movement(Searchable):
    name = models.CharField("tên", max_length=300)
    kind = models.CharField("loại", max_length=20, choices=MovementKind.choices)
    launched_by = models.ForeignKey(
        Unit,
        verbose_name="cơ quan phát động",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="launched_movements",
    )
    launched_by_text = models.CharField(
        "cơ quan phát động (ghi tên)",
        max_length=255,
        blank=True,
        help_text="Khi cơ quan không có trong danh mục đơn vị.",
    )
    basis = models.ForeignKey(
        Document,
        verbose_name="theo tinh thần văn bản",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="movements",
    )
    first_year = models.PositiveSmallIntegerField(
        "từ năm", null=True, blank=True, validators=year_validators
    )
    last_year = models.PositiveSmallIntegerField(
        "đến năm", null=True, blank=True, validators=year_validators
    )
    description = models.TextField("mô tả", blank=True)
    name_key = models.CharField("khóa tên", max_length=300, editable=False, default="")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "phong trào, chủ đề, khẩu hiệu"
        verbose_name_plural = "phong trào, chủ đề, khẩu hiệu"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "name_key"],
                name="movement_kind_name_key_unique",
                violation_error_message="Đã có phong trào, chủ đề hoặc khẩu hiệu cùng loại và tên.",
            ),
            models.CheckConstraint(
                condition=Q(last_year__isnull=True)
                | Q(first_year__isnull=True)
                | Q(last_year__gte=F("first_year")),
                name="movement_years_ordered",
                violation_error_message="Năm kết thúc phải sau năm bắt đầu.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} «{self.name}»"

    def search_source(self):
        return [self.name, self.get_kind_display(), self.launched_by_text, self.description]

    @property
    def years_label(self):
        return period_label(self.first_year, self.last_year)

    @property
    def launcher(self):
        return str(self.launched_by) if self.launched_by_id else self.launched_by_text

    def save(self, *args, **kwargs):
        self.name_key = fold(self.name)
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        if exclude and "name" not in exclude:
            exclude = {field for field in exclude if field != "name_key"}
        super().validate_constraints(exclude)

    def clean(self):
        self.name = " ".join((self.name or "").split())
        self.name_key = fold(self.name)
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError(
                {
                    "last_year": f"Năm kết thúc ({self.last_year}) phải sau năm bắt đầu ({self.first_year})."
                }
            )


class MovementStatus(models.TextChoices):
    CARRIED_OUT = "carried_out", "Đã triển khai trong kỳ"
    ADOPTED = "adopted", "Triển khai năm tới"


class EventMovement(EventPart):
    movement = models.ForeignKey(
        Movement,
        verbose_name="phong trào, chủ đề",
        on_delete=models.PROTECT,
        related_name="event_links",
    )
    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=MovementStatus.choices,
        default=MovementStatus.CARRIED_OUT,
    )
    note = models.CharField(
        "ghi chú", max_length=400, blank=True, help_text="Ví dụ «tiếp tục triển khai»."
    )

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "phong trào tại sự kiện"
        verbose_name_plural = "phong trào, chủ đề, khẩu hiệu"
        default_related_name = "movement_links"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "movement", "status"],
                name="event_movement_once",
                violation_error_message="Phong trào này đã được ghi cho sự kiện với cùng trạng thái.",
            ),
        ]

    def __str__(self):
        return f"{self.movement} – {self.get_status_display()}"


def check_elected_member(bloc, unit, *, event_year, year):
    """Members elect their leader and deputy among themselves (Hướng dẫn 1122/BTĐKT-VI): the
    elected unit is a member of the bloc in the event's year or in the year it is elected for
    (sources often give next year's roster only as its leader and deputy: seed 001's 2016)."""
    if not Membership.objects.filter(
        bloc_year__bloc=bloc, unit=unit, year__in={event_year, year}
    ).exists():
        raise ValidationError(
            {
                "unit": f"Đơn vị «{unit}» không là thành viên của khối «{bloc}» năm {event_year} "
                f"(năm của sự kiện) hay năm {year} (năm được bầu): chỉ đơn vị thành viên của khối "
                "mới được bầu làm khối trưởng, khối phó."
            }
        )


def check_elections(bloc, rows, others):
    """One leader and at most one deputy per bloc-year, and one role per unit, across the bloc's
    events and its recorded roster. `rows`: the elections being entered, (year, role, unit);
    `others`: the saved elections to check them against. Used by Election.clean() (one row) and
    by the event admin's formset (every row of the screen at once), so the rule is written once.
    """
    years = {year for year, _, _ in rows}
    saved = [
        (e.year, e.role, e.unit, f"tại sự kiện «{e.event}»")
        for e in others.filter(year__in=years).select_related("unit", "event")
    ]
    recorded = [
        (m.year, m.role, m.unit, f"theo hồ sơ thành viên của khối năm {m.year}")
        for m in Membership.objects.filter(
            bloc_year__bloc=bloc, year__in=years, role__in=[Role.LEADER, Role.DEPUTY]
        ).select_related("unit")
    ]
    entered = []
    for year, role, unit in rows:
        label = Role(role).label.lower()
        for other_year, other_role, other_unit, where in [*saved, *entered]:
            if other_year != year:
                continue
            if other_role == role:
                raise ValidationError(
                    {
                        "unit": f"Năm {year}, khối «{bloc}» đã có «{other_unit}» được bầu làm "
                        f"{label} ({where}): mỗi khối chỉ có một {label} trong một năm."
                    }
                )
            if other_unit.pk == unit.pk:
                raise ValidationError(
                    {
                        "unit": f"Năm {year}, «{unit}» đã được bầu làm "
                        f"{Role(other_role).label.lower()} của khối «{bloc}» ({where}): một đơn "
                        "vị không thể vừa là khối trưởng vừa là khối phó trong một năm."
                    }
                )
        for other_year, other_role, other_unit, where in recorded:
            if other_year != year:
                continue
            if other_role == role and other_unit.pk != unit.pk:
                raise ValidationError(
                    {
                        "unit": f"Năm {year}, khối «{bloc}» đã có {label} là «{other_unit}» "
                        f"({where}), khác với «{unit}»: mỗi khối chỉ có một {label} trong một năm."
                    }
                )
            if other_unit.pk == unit.pk and other_role != role:
                raise ValidationError(
                    {
                        "unit": f"Năm {year}, «{unit}» là {Role(other_role).label.lower()} của "
                        f"khối «{bloc}» ({where}), không thể đồng thời là {label}."
                    }
                )
        entered.append((year, role, unit, "trong các dòng đang nhập"))


class Election(EventPart):
    """A unit elected at the event as the bloc's leader or deputy for a later year."""

    # A copy of event.bloc (set on save; Event.save keeps it in step), kept only so that the
    # database itself enforces one leader, one deputy and one role per unit for each bloc-year
    # across the bloc's events.
    bloc = models.ForeignKey(
        Bloc,
        verbose_name="khối",
        on_delete=models.PROTECT,
        editable=False,
        related_name="elections",
    )
    year = YearField("bầu cho năm")
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị được bầu", on_delete=models.PROTECT, related_name="elections"
    )
    role = models.CharField(
        "vai trò",
        max_length=10,
        choices=[(Role.LEADER.value, Role.LEADER.label), (Role.DEPUTY.value, Role.DEPUTY.label)],
    )

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "kết quả bầu"
        verbose_name_plural = "bầu khối trưởng, khối phó"
        default_related_name = "elections"
        constraints = [
            models.UniqueConstraint(
                fields=["event", "year", "role"],
                name="election_one_per_role",
                violation_error_message="Sự kiện đã ghi một đơn vị được bầu cho vai trò này trong năm đó.",
            ),
            models.UniqueConstraint(
                fields=["bloc", "year", "role"],
                name="election_one_holder_per_bloc_year",
                violation_error_message=(
                    "Khối đã có một đơn vị được bầu cho vai trò này trong năm đó; mỗi khối chỉ có "
                    "một khối trưởng và một khối phó trong một năm."
                ),
            ),
            models.UniqueConstraint(
                fields=["bloc", "year", "unit"],
                name="election_one_role_per_unit",
                violation_error_message=(
                    "Đơn vị đã được bầu một vai trò của khối trong năm đó; một đơn vị không thể "
                    "vừa là khối trưởng vừa là khối phó."
                ),
            ),
            year_constraint("election"),
        ]

    def __str__(self):
        return f"{self.unit} – {self.get_role_display()} năm {self.year}"

    def save(self, *args, **kwargs):
        self.bloc_id = self.event.bloc_id
        super().save(*args, **kwargs)

    def clean(self):
        event = event_of(self)
        if event is not None and self.year and event.period_end and self.year <= event.period_end:
            raise ValidationError(
                {
                    "year": f"Năm được bầu ({self.year}) phải sau kỳ thi đua của sự kiện "
                    f"({event.period_label})."
                }
            )
        if self.unit_id and self.year and not self.unit.is_active_in(self.year):
            raise ValidationError(
                {"unit": f"Đơn vị «{self.unit}» không hoạt động trong năm {self.year}."}
            )
        if event is None or not event.bloc_id or not event.period_end:
            return  # the event's form reports its own missing fields
        if not (self.unit_id and self.year and self.role):
            return
        self.bloc_id = event.bloc_id
        check_elected_member(event.bloc, self.unit, event_year=event.period_end, year=self.year)
        if not getattr(self, "checked_by_formset", False):
            others = Election.objects.filter(bloc=event.bloc_id).exclude(pk=self.pk)
            check_elections(event.bloc, [(self.year, self.role, self.unit)], others)


class Pledge(models.Model):
    """A bloc's emulation pledge (giao ước thi đua) for one year."""

    bloc = models.ForeignKey(
        Bloc, verbose_name="khối", on_delete=models.PROTECT, related_name="pledges", blank=True
    )
    year = YearField("năm giao ước")
    signed_on = models.DateField("ngày ký", null=True, blank=True, validators=date_validators)
    event = models.ForeignKey(
        Event,
        verbose_name="ký tại sự kiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pledges",
    )
    signatories = models.ManyToManyField(
        Unit, verbose_name="đơn vị ký", blank=True, related_name="pledges"
    )
    signatory_count = UnitCountField(
        "số đơn vị ký", null=True, blank=True, help_text="Khi nguồn chỉ nêu số đơn vị."
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "giao ước thi đua"
        verbose_name_plural = "giao ước thi đua"
        ordering = ["-year", "bloc__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year"],
                name="pledge_once_per_bloc_year",
                violation_error_message="Khối này đã có giao ước thi đua cho năm đó.",
            ),
            *date_range_constraints("pledge", "signed_on"),
            year_constraint("pledge"),
            unit_count_constraint("pledge", "signatory_count"),
        ]

    def __str__(self):
        return f"Giao ước thi đua năm {self.year} – {self.bloc}"

    def clean(self):
        event = event_of(self)
        if event is not None and not event.bloc_id and not self.bloc_id:
            # Entered on an event's page without the event's bloc: the event's form says the bloc
            # is required (this form has no bloc field to carry an error).
            return
        if event is not None and event.bloc_id:
            if not self.bloc_id:
                self.bloc_id = event.bloc_id
            elif self.bloc_id != event.bloc_id:
                raise ValidationError(
                    {
                        "event": f"Sự kiện «{event}» thuộc khối «{event.bloc}», khác với khối "
                        f"«{self.bloc}» của giao ước năm {self.year}: giao ước ký tại sự kiện "
                        "phải thuộc khối của sự kiện."
                    }
                )
        if not self.bloc_id:
            raise ValidationError({"bloc": "Hãy chọn khối ký giao ước."})
        if self.signed_on and self.year and self.signed_on.year > self.year:
            raise ValidationError(
                {"signed_on": f"Giao ước năm {self.year} không thể ký sau năm đó."}
            )
        self.bloc.check_year(self.year)

    def validate_unique(self, exclude=None):
        # bloc may have been filled in from the event by clean(): check it too.
        if exclude and "bloc" in exclude:
            exclude = [name for name in exclude if name != "bloc"]
        super().validate_unique(exclude)

    def validate_constraints(self, exclude=None):
        if exclude and "bloc" in exclude:
            exclude = [name for name in exclude if name != "bloc"]
        super().validate_constraints(exclude)


class Commitment(models.Model):
    pledge = models.ForeignKey(
        Pledge, verbose_name="giao ước", on_delete=models.PROTECT, related_name="commitments"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    text = models.TextField("nội dung cam kết")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "cam kết"
        verbose_name_plural = "nội dung cam kết"
        ordering = ["pledge", "order", "pk"]

    def __str__(self):
        return self.text[:80]


class EventAttachment(EventPart):
    file = models.FileField(
        "tệp",
        max_length=FILE_NAME_MAX_LENGTH,
        upload_to=UploadTo("events/%Y/"),
        blank=True,
        validators=[validate_attachment],
        help_text="Ảnh (jpg, png, webp) hoặc văn bản (pdf, doc, docx, xls, xlsx, odt, ods).",
    )
    is_photo = models.BooleanField("là ảnh", default=True)

    def file_is_public(self) -> bool:
        return self.event.is_public

    caption = models.CharField("chú thích", max_length=400)

    history = HistoricalRecords()

    class Meta(EventPart.Meta):
        verbose_name = "ảnh, tệp đính kèm"
        verbose_name_plural = "ảnh, tệp đính kèm"
        default_related_name = "attachments"

    def __str__(self):
        return self.caption

    def clean(self):
        if self.is_photo and self.file and not getattr(self.file, "_committed", True):
            try:
                validate_image_file(self.file)
            except ValidationError as error:
                raise ValidationError(
                    {
                        "file": f"Đã đánh dấu «là ảnh» nên tệp phải là ảnh. {' '.join(error.messages)}"
                    }
                ) from error
