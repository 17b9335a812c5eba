"""Blocs and their members year by year."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from thidua import batch
from thidua.collation import vi_order
from thidua.models import NameSpan, Searchable, name_in
from thidua.slugs import unique_slug
from thidua.text import identity_key
from thidua.years import (
    FIRST_YEAR,
    LAST_YEAR,
    check_within,
    in_period,
    period_label,
    year_validators,
)
from units.models import Person, Position, Unit

# The largest number of units a bloc (or a group of its attendees, or its signatories) may count:
# blocs have a dozen or two; without a bound SQLite kept 999999 where PostgreSQL refused it.
MAX_UNITS = 999
UNIT_COUNT_MESSAGE = f"Số đơn vị phải từ 1 đến {MAX_UNITS}."
YEAR_MESSAGE = f"Năm phải từ {FIRST_YEAR} đến {LAST_YEAR}."


class YearField(models.PositiveSmallIntegerField):
    """A year from FIRST_YEAR to LAST_YEAR (thidua.years.year_validators). The form says so too:
    a plain PositiveSmallIntegerField's form answers -1 with Django's «≥ 0»."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", year_validators)
        kwargs.setdefault("error_messages", {"min_value": YEAR_MESSAGE, "max_value": YEAR_MESSAGE})
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "min_value": FIRST_YEAR,
                "max_value": LAST_YEAR,
                "error_messages": {"min_value": YEAR_MESSAGE, "max_value": YEAR_MESSAGE},
                **kwargs,
            }
        )


class UnitCountField(models.PositiveSmallIntegerField):
    """A number of units, from 1 to MAX_UNITS, on every database (see unit_count_constraint)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "validators",
            [
                MinValueValidator(1, UNIT_COUNT_MESSAGE),
                MaxValueValidator(MAX_UNITS, UNIT_COUNT_MESSAGE),
            ],
        )
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        messages = {"min_value": UNIT_COUNT_MESSAGE, "max_value": UNIT_COUNT_MESSAGE}
        return super().formfield(
            **{"min_value": 1, "max_value": MAX_UNITS, "error_messages": messages, **kwargs}
        )


def unit_count_constraint(prefix: str, field: str):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": 1, f"{field}__lte": MAX_UNITS}),
        name=f"{prefix}_{field}_in_range",
        violation_error_message=UNIT_COUNT_MESSAGE,
    )


def year_constraint(prefix: str, field: str = "year"):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": FIRST_YEAR, f"{field}__lte": LAST_YEAR}),
        name=f"{prefix}_{field}_in_range",
        violation_error_message=YEAR_MESSAGE,
    )


def check_member_count(bloc_year, named: int, *, field: str):
    """A bloc-year's declared member count cannot be below the members recorded by name."""
    declared = bloc_year.member_count
    if declared is not None and named > declared:
        raise ValidationError(
            {
                field: f"{bloc_year} ghi {declared} đơn vị thành viên nhưng danh sách có {named} "
                "đơn vị; số đơn vị thành viên không được nhỏ hơn số đơn vị đã ghi tên."
            }
        )


DUPLICATE_BLOC_NAME = (
    "Tên khối trùng với một khối đã có (không kể chữ hoa/thường, khoảng trắng, bảng mã Unicode "
    "và vị trí dấu thanh)."
)


class Bloc(Searchable):
    name = models.CharField(
        "tên khối (hiện nay)",
        max_length=255,
        help_text="Tên trước đây (khi khối đổi tên) ghi ở mục «Tên của khối theo năm».",
    )
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        unique=True,
        editable=False,
        help_text="Tự tạo từ tên khi lưu lần đầu; không đổi khi đổi tên.",
    )
    organiser = models.ForeignKey(
        Unit,
        verbose_name="cơ quan tổ chức",
        help_text="Hệ thống thi đua mà khối thuộc về: Bộ, hoặc Hội đồng Thi đua - Khen thưởng Trung ương.",
        on_delete=models.PROTECT,
        related_name="organised_blocs",
    )
    description = models.TextField("giới thiệu", blank=True)
    first_year = models.PositiveSmallIntegerField(
        "hoạt động từ năm", null=True, blank=True, validators=year_validators
    )
    last_year = models.PositiveSmallIntegerField(
        "hoạt động đến năm", null=True, blank=True, validators=year_validators
    )
    # The name as a reader compares it (thidua.text.identity_key): unique, so one bloc entered
    # twice under spellings differing only in case, spacing or Unicode form cannot both exist.
    name_key = models.CharField("khóa so tên", max_length=255, editable=False, default="")

    history = HistoricalRecords()

    class Meta:
        verbose_name = "khối thi đua"
        verbose_name_plural = "khối thi đua"
        ordering = [vi_order("name")]
        constraints = [
            models.UniqueConstraint(
                fields=["name_key"],
                name="bloc_name_key_unique",
                violation_error_message=DUPLICATE_BLOC_NAME,
            ),
            models.CheckConstraint(
                condition=Q(last_year__isnull=True)
                | Q(first_year__isnull=True)
                | Q(last_year__gte=F("first_year")),
                name="bloc_years_ordered",
                violation_error_message="Năm cuối hoạt động của khối phải sau năm đầu.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, "khoi")
        self.name_key = identity_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = [*kwargs["update_fields"], "name_key"]
        super().save(*args, **kwargs)
        # Keep the members' copy of the organiser (used by a database constraint) in step.
        Membership.objects.filter(bloc_year__bloc=self).exclude(
            organiser_id=self.organiser_id
        ).update(organiser_id=self.organiser_id)

    def get_absolute_url(self):
        return reverse("blocs:bloc", args=[self.slug])

    def search_source(self):
        return [self.name, self.description]

    @property
    def active_label(self):
        return period_label(self.first_year, self.last_year)

    def name_in(self, year: int | None, names=None) -> str:
        """The name the bloc bore in `year` (see BlocName); `names`: its prefetched names."""
        return name_in(self.name, self.names.all() if names is None else names, year)

    def check_name_unique(self):
        if not self.name:
            return
        twin = Bloc.objects.exclude(pk=self.pk).filter(name_key=identity_key(self.name)).first()
        if twin is not None:
            raise ValidationError({"name": f"{DUPLICATE_BLOC_NAME} Khối đã có: «{twin.name}»."})

    def check_year(self, year, field="year"):
        check_within(year, self.first_year, self.last_year, field=field, label=f"khối «{self}»")

    def member_unit_ids(self, year):
        """The member units of the bloc in `year` (a subquery)."""
        return Membership.objects.filter(bloc_year__bloc=self, year=year).values("unit_id")

    def staff_of_members(self, year):
        """People holding a position in a member unit during `year`."""
        return Person.objects.filter(
            pk__in=Position.objects.filter(
                Q(started_on__isnull=True) | Q(started_on__year__lte=year),
                Q(ended_on__isnull=True) | Q(ended_on__year__gte=year),
                unit__in=self.member_unit_ids(year),
            ).values("person_id")
        )

    def check_recipient(self, year, *, unit_id=None, person_id=None):
        """A bloc proposes only its member units of `year` or people working in one that year."""
        # In an import (thidua.batch) the members are read once, not a query per row.
        if unit_id and not batch.contains(
            ("bloc-members", self.pk, year),
            lambda: self.member_unit_ids(year),
            "unit_id",
            unit_id,
        ):
            raise ValidationError(
                {"unit": f"Tập thể không phải đơn vị thành viên của khối «{self}» năm {year}."}
            )
        if person_id and not batch.contains(
            ("bloc-staff", self.pk, year), lambda: self.staff_of_members(year), "pk", person_id
        ):
            raise ValidationError(
                {
                    "person": f"Cá nhân không công tác tại đơn vị thành viên nào của khối "
                    f"«{self}» trong năm {year}."
                }
            )

    def clean(self):
        self.check_name_unique()
        if not self.pk:
            return
        recorded = self.years.order_by("year").values_list("year", flat=True)
        outside = [
            year for year in recorded if not in_period(year, self.first_year, self.last_year)
        ]
        if outside:
            field = (
                "first_year" if self.first_year and outside[0] < self.first_year else "last_year"
            )
            raise ValidationError(
                {
                    field: f"Khối đã có hồ sơ năm {', '.join(map(str, outside))}, nằm ngoài thời "
                    f"gian hoạt động {period_label(self.first_year, self.last_year)}."
                }
            )
        if self.organiser_id:
            check_members_elsewhere(
                Membership.objects.filter(bloc_year__bloc=self.pk),
                organiser_id=self.organiser_id,
                field="organiser",
            )


class BlocName(NameSpan):
    """A name the bloc bore for a span of years (blocs are renamed); pages show the name of the
    year they are about."""

    bloc = models.ForeignKey(
        Bloc, verbose_name="khối", on_delete=models.CASCADE, related_name="names"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tên của khối theo năm"
        verbose_name_plural = "tên của khối theo năm"
        ordering = ["bloc", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="bloc_name_years_ordered",
                violation_error_message="Năm cuối dùng tên phải sau năm bắt đầu dùng tên.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({period_label(self.valid_from, self.valid_until) or 'chưa rõ năm'})"

    def clean(self):
        if self.valid_from is None and self.valid_until is None:
            raise ValidationError({"valid_from": "Hãy ghi năm bắt đầu hoặc năm cuối dùng tên này."})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {
                    "valid_until": f"Năm cuối dùng tên ({self.valid_until}) phải sau hoặc bằng "
                    f"năm bắt đầu ({self.valid_from})."
                }
            )


class BlocYear(models.Model):
    """A bloc in one year: the roster of members and, where sources give only that, a count."""

    bloc = models.ForeignKey(
        Bloc, verbose_name="khối", on_delete=models.PROTECT, related_name="years"
    )
    year = models.PositiveSmallIntegerField("năm", validators=year_validators)
    member_count = UnitCountField(
        "số đơn vị thành viên",
        null=True,
        blank=True,
        help_text="Số đơn vị theo nguồn (ví dụ «14 đơn vị»), kể cả khi chưa biết tên từng đơn vị.",
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "khối theo năm"
        verbose_name_plural = "khối theo năm"
        ordering = ["-year", "bloc__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc", "year"],
                name="bloc_year_unique",
                violation_error_message="Khối này đã có hồ sơ cho năm đó.",
            ),
            unit_count_constraint("bloc_year", "member_count"),
        ]

    def __str__(self):
        return f"{self.bloc} – năm {self.year}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Keep the members' copies of the year and organiser in step when either changes.
        organiser_id = self.bloc.organiser_id
        self.memberships.exclude(year=self.year, organiser_id=organiser_id).update(
            year=self.year, organiser_id=organiser_id
        )

    def clean(self):
        if self.bloc_id:
            self.bloc.check_year(self.year)
            if self.pk:
                check_member_count(self, self.memberships.count(), field="member_count")
            if self.pk and self.year:
                self.check_members_active()
                check_members_elsewhere(
                    self.memberships.all(),
                    organiser_id=self.bloc.organiser_id,
                    year=self.year,
                    field="year",
                )

    def check_members_active(self):
        """Moving the bloc-year to another year: every member unit must be active that year."""
        inactive = self.memberships.filter(
            Q(unit__active_from__gt=self.year) | Q(unit__active_until__lt=self.year)
        ).select_related("unit")
        names = [f"«{m.unit}» (hoạt động {m.unit.active_label})" for m in inactive]
        if names:
            raise ValidationError(
                {
                    "year": f"Năm {self.year} nằm ngoài thời gian hoạt động của đơn vị thành viên: "
                    f"{', '.join(names)}."
                }
            )


def member_count(declared: int | None, named: int) -> int:
    """A bloc-year's member count: the count its source declared (e.g. «14 đơn vị»), else the
    number of members recorded by name."""
    return declared if declared is not None else named


class Role(models.TextChoices):
    LEADER = "leader", "Khối trưởng"
    DEPUTY = "deputy", "Khối phó"
    MEMBER = "member", "Thành viên"


ROLE_ORDER = {Role.LEADER: 0, Role.DEPUTY: 1, Role.MEMBER: 2}


def check_roster(rows):
    """Validate a bloc-year's roster as a whole: `rows` is an iterable of (unit_id, role, label).

    Used by Membership.clean() (one row against the saved roster) and by the admin inline formset
    (all rows of the screen at once), so the rule is written once.
    """
    seen_units, leaders, deputies = set(), [], []
    for unit_id, role, label in rows:
        if unit_id in seen_units:
            raise ValidationError(
                {"unit": f"Đơn vị «{label}» đã có trong danh sách thành viên của khối năm này."}
            )
        seen_units.add(unit_id)
        if role == Role.LEADER:
            leaders.append(label)
        elif role == Role.DEPUTY:
            deputies.append(label)
    if len(leaders) > 1:
        raise ValidationError(
            {
                "role": f"Mỗi khối chỉ có một khối trưởng trong một năm (đang có: {', '.join(leaders)})."
            }
        )
    if len(deputies) > 1:
        raise ValidationError(
            {
                "role": f"Mỗi khối có nhiều nhất một khối phó trong một năm (đang có: {', '.join(deputies)})."
            }
        )


def check_members_elsewhere(memberships, *, organiser_id, field, year=None):
    """Refuse moving `memberships` (a bloc-year's, or a whole bloc's) to another organiser or
    year when one of their units is already in another bloc of that organiser that year."""
    others = Membership.objects.filter(organiser=organiser_id).exclude(
        bloc_year__in=memberships.values("bloc_year")
    )
    if year is not None:
        others = others.filter(year=year, unit__in=memberships.values("unit"))
    else:
        others = others.filter(
            models.Exists(
                memberships.filter(unit=models.OuterRef("unit"), year=models.OuterRef("year"))
            )
        )
    clash = others.select_related("unit", "bloc_year__bloc").order_by("year").first()
    if clash:
        raise ValidationError(
            {
                field: f"Năm {clash.year}, đơn vị «{clash.unit}» đã thuộc khối "
                f"«{clash.bloc_year.bloc}» của cùng cơ quan tổ chức; "
                "một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức trong một năm."
            }
        )


class MembershipQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("bloc_year__bloc", "unit", "representative").prefetch_related(
            "unit__names"
        )


class Membership(models.Model):
    bloc_year = models.ForeignKey(
        BlocYear, verbose_name="khối – năm", on_delete=models.PROTECT, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("vai trò", max_length=10, choices=Role.choices, default=Role.MEMBER)
    representative = models.ForeignKey(
        Person,
        verbose_name="người đại diện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="represented_memberships",
        help_text="Người đại diện đơn vị trong khối, ví dụ khi thành viên là một bộ, ngành.",
    )
    representative_title = models.CharField(
        "chức vụ người đại diện (lúc đó)", max_length=255, blank=True
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự",
        default=0,
        blank=True,
        help_text="Thứ tự của đơn vị trong danh sách theo nguồn; để trống khi nguồn không nêu.",
    )
    # Copies of bloc_year.year and bloc_year.bloc.organiser, kept only so that the database itself
    # can enforce "one bloc of the same organiser per unit and year" with a unique constraint.
    year = models.PositiveSmallIntegerField("năm", editable=False)
    organiser = models.ForeignKey(
        Unit,
        verbose_name="cơ quan tổ chức",
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "thành viên khối"
        verbose_name_plural = "thành viên khối"
        ordering = ["bloc_year", "order", "role", vi_order("unit__name")]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc_year", "unit"],
                name="membership_unit_once_per_bloc_year",
                violation_error_message="Đơn vị đã có trong danh sách thành viên của khối năm này.",
            ),
            models.UniqueConstraint(
                fields=["bloc_year"],
                condition=Q(role="leader"),
                name="membership_one_leader",
                violation_error_message="Mỗi khối chỉ có một khối trưởng trong một năm.",
            ),
            models.UniqueConstraint(
                fields=["bloc_year"],
                condition=Q(role="deputy"),
                name="membership_one_deputy",
                violation_error_message="Mỗi khối có nhiều nhất một khối phó trong một năm.",
            ),
            models.UniqueConstraint(
                fields=["unit", "organiser", "year"],
                name="membership_one_bloc_per_organiser_year",
                violation_error_message=(
                    "Trong một năm, một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["year", "role"], name="membership_year_role"),
            models.Index(
                fields=["-year", "bloc_year", "role", "id"], name="membership_admin_order"
            ),
        ]

    def __str__(self):
        return f"{self.unit} – {self.get_role_display()} – {self.bloc_year}"

    def save(self, *args, **kwargs):
        self.sync_copies()
        super().save(*args, **kwargs)

    def sync_copies(self):
        if self.order is None:  # left blank on the form
            self.order = 0
        self.year = self.bloc_year.year
        self.organiser_id = self.bloc_year.bloc.organiser_id

    def clean(self):
        try:
            # On the bloc-year's add page the parent is not saved yet: bloc_year_id is None but
            # the inline has set the object, and the rules below apply all the same.
            bloc_year = self.bloc_year
        except ObjectDoesNotExist:
            return
        if not self.unit_id or not bloc_year.bloc_id or not bloc_year.year:
            return  # the parent form reports its own missing fields
        self.sync_copies()
        self.bloc_year.bloc.check_year(self.year, field="bloc_year")
        if not self.unit.is_active_in(self.year):
            raise ValidationError(
                {
                    "unit": f"Đơn vị «{self.unit}» không hoạt động trong năm {self.year} "
                    f"(hoạt động {self.unit.active_label})."
                }
            )
        if not getattr(self, "roster_checked_by_formset", False) and bloc_year.pk:
            self.check_roster_against_saved()
        self.check_one_bloc_per_organiser()

    def check_roster_against_saved(self):
        others = Membership.objects.filter(bloc_year=self.bloc_year).exclude(pk=self.pk)
        check_member_count(self.bloc_year, others.count() + 1, field="bloc_year")
        check_roster(
            [(self.unit_id, self.role, str(self.unit))]
            + [(m.unit_id, m.role, str(m.unit)) for m in others.select_related("unit")]
        )

    def check_one_bloc_per_organiser(self):
        clash = (
            Membership.objects.filter(
                unit=self.unit_id, organiser=self.organiser_id, year=self.year
            )
            .exclude(pk=self.pk)
            .exclude(bloc_year=self.bloc_year_id)
            .select_related("bloc_year__bloc")
            .first()
        )
        if clash:
            raise ValidationError(
                {
                    "unit": f"Năm {self.year}, đơn vị «{self.unit}» đã thuộc khối "
                    f"«{clash.bloc_year.bloc}» của cùng cơ quan tổ chức; "
                    "một đơn vị chỉ thuộc một khối của cùng cơ quan tổ chức trong một năm."
                }
            )


class LeadingUnit(models.Model):
    """A collective that led the bloc's emulation in a year (ranked first in its assessment):
    what the flag rules test, which is not the chair (khối trưởng). Filled by hand with its
    source until the bloc assessment records it."""

    bloc_year = models.ForeignKey(
        BlocYear,
        verbose_name="khối – năm",
        on_delete=models.CASCADE,
        related_name="leading_units",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="tập thể dẫn đầu", on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(
        "nguồn",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Biên bản bình xét của khối ngày …; kết quả chấm điểm.",
    )
    note = models.TextField("ghi chú", blank=True)
    # Set when the row was written by a confirmed bloc assessment (blocs.assessment.confirm).
    assessment = models.ForeignKey(
        "blocs.Assessment",
        verbose_name="theo kết quả bình xét",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="leading_units",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tập thể dẫn đầu khối"
        verbose_name_plural = "tập thể dẫn đầu khối"
        ordering = ["bloc_year", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc_year", "unit"],
                name="leading_unit_once_per_bloc_year",
                violation_error_message="Tập thể này đã được ghi dẫn đầu khối năm đó.",
            ),
        ]

    def __str__(self):
        return f"{self.unit} – dẫn đầu {self.bloc_year}"

    def clean(self):
        if not self.bloc_year_id or not self.unit_id:
            return
        if not self.bloc_year.memberships.filter(unit_id=self.unit_id).exists():
            raise ValidationError(
                {"unit": f"Tập thể dẫn đầu phải là đơn vị thành viên của {self.bloc_year}."}
            )
