from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Left, StrIndex
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from simple_history.models import HistoricalRecords

from thidua.collation import vi_order
from thidua.models import NameSpan, Searchable, name_in
from thidua.search import SEPARATOR
from thidua.slugs import unique_slug
from thidua.text import fold, identity_key
from thidua.years import (
    date_range_constraints,
    date_validators,
    in_period,
    period_label,
    year_validators,
)


class UnitKind(models.TextChoices):
    MINISTRY = "bo", "Bộ, ngành"
    COUNCIL = "hoi_dong", "Hội đồng"
    GOVERNMENT_AGENCY = "co_quan_cp", "Cơ quan thuộc Chính phủ"
    PUBLIC_SERVICE = "su_nghiep", "Đơn vị sự nghiệp công lập"
    UNIVERSITY = "dai_hoc", "Đại học"
    GENERAL_DEPARTMENT = "tong_cuc", "Tổng cục"
    DEPARTMENT = "cuc", "Cục"
    DEPARTMENT_VU = "vu", "Vụ"
    OFFICE = "van_phong", "Văn phòng"
    INSPECTORATE = "thanh_tra", "Thanh tra"
    INSTITUTE = "vien", "Viện"
    CENTRE = "trung_tam", "Trung tâm"
    BOARD = "ban", "Ban"
    FUND = "quy", "Quỹ"
    NEWSPAPER = "bao", "Báo"
    MAGAZINE = "tap_chi", "Tạp chí"
    SCHOOL = "truong", "Trường"
    ACADEMY = "hoc_vien", "Học viện"
    DIVISION = "phong", "Phòng"
    OTHER = "khac", "Khác"


ACTIVE_YEARS_ORDER = "Năm kết thúc hoạt động phải sau năm bắt đầu."


class Unit(Searchable):
    """An organisation that can belong to a bloc or receive a collective award."""

    name = models.CharField("tên đầy đủ (hiện nay)", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    kind = models.CharField("loại đơn vị", max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    slug = models.SlugField(
        "đường dẫn",
        max_length=120,
        unique=True,
        editable=False,
        help_text="Tự tạo từ tên khi lưu lần đầu (Bộ Y tế → bo-y-te); không đổi khi đổi tên.",
    )
    active_from = models.PositiveSmallIntegerField(
        "hoạt động từ năm", null=True, blank=True, validators=year_validators
    )
    active_until = models.PositiveSmallIntegerField(
        "hoạt động đến năm", null=True, blank=True, validators=year_validators
    )
    successor = models.ForeignKey(
        "self",
        verbose_name="đơn vị kế thừa (khi sáp nhập)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )
    description = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = [vi_order("name")]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_until__gte=F("active_from")),
                name="unit_active_years_ordered",
                violation_error_message=ACTIVE_YEARS_ORDER,
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")),
                name="unit_not_own_parent",
                violation_error_message="Đơn vị không thể là cấp trên của chính nó.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.name, "don-vi")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("units:detail", args=[self.slug])

    def search_source(self):
        return [self.name, self.short_name]

    def clean(self):
        if (
            self.active_from is not None
            and self.active_until is not None
            and self.active_until < self.active_from
        ):
            # Said under the end year (admin, imports), not as an error of the whole unit; the
            # check constraint, skipped by full_clean once the field has an error, stays as guard.
            raise ValidationError({"active_until": ACTIVE_YEARS_ORDER})
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "Đơn vị không thể là cấp trên của chính nó."})
        if self.pk and self.successor_id == self.pk:
            raise ValidationError({"successor": "Đơn vị không thể kế thừa chính nó."})
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "Cây đơn vị không được tạo vòng lặp."})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
        if self.pk:
            self.check_memberships_within_active_years()
        self.check_not_a_twin()

    def check_not_a_twin(self):
        """Two units under the same parent, active at the same time, whose names a reader cannot
        tell apart (thidua.text.identity_key) are one unit entered twice. Same names in different
        parents or periods stay allowed: they are different units."""
        if not self.name:
            return
        key = identity_key(self.name)
        candidates = Unit.objects.filter(
            parent_id=self.parent_id, search_text__startswith=fold(self.name)
        ).only("name", "active_from", "active_until")
        if self.pk:
            candidates = candidates.exclude(pk=self.pk)
        for other in candidates:
            overlaps = (
                (self.active_until is None or other.active_from is None)
                or self.active_until >= other.active_from
            ) and (
                (self.active_from is None or other.active_until is None)
                or self.active_from <= other.active_until
            )
            if overlaps and identity_key(other.name) == key:
                period = f", hoạt động {other.active_label}" if other.active_label else ""
                raise ValidationError(
                    {
                        "name": f"Đã có đơn vị «{other.name}» cùng đơn vị cấp trên{period}: "
                        "tên trùng (không kể bảng mã Unicode, vị trí dấu "
                        "thanh, chữ hoa/thường và khoảng trắng). Hãy dùng đơn vị đã có, hoặc ghi "
                        "năm hoạt động để phân biệt."
                    }
                )

    def check_memberships_within_active_years(self):
        """The active years must still cover every year the unit was a bloc member."""
        outside = Q()
        if self.active_from is not None:
            outside |= Q(year__lt=self.active_from)
        if self.active_until is not None:
            outside |= Q(year__gt=self.active_until)
        if not outside:
            return
        # `memberships`: blocs.Membership.unit (units does not import blocs).
        years = sorted(set(self.memberships.filter(outside).values_list("year", flat=True)))
        if years:
            early = self.active_from is not None and years[0] < self.active_from
            raise ValidationError(
                {
                    "active_from" if early else "active_until": (
                        f"Đơn vị là thành viên khối trong năm {', '.join(map(str, years))}, "
                        f"ngoài thời gian hoạt động {self.active_label}."
                    )
                }
            )

    @property
    def active_label(self):
        return period_label(self.active_from, self.active_until)

    def is_active_in(self, year: int) -> bool:
        return in_period(year, self.active_from, self.active_until)

    def name_in(self, year: int | None, names=None) -> str:
        """The name the unit bore in `year`. Reads `names` (prefetch it in lists), or the given
        former names of this unit (see units.queries.former_names for long lists)."""
        return name_in(self.name, self.names.all() if names is None else names, year)


class UnitName(NameSpan):
    """A name the unit bore for a span of years, before a renaming."""

    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="names"
    )
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tên cũ của đơn vị"
        verbose_name_plural = "tên cũ của đơn vị"
        ordering = ["unit", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="unit_name_years_ordered",
                violation_error_message="Năm cuối dùng tên phải sau năm bắt đầu dùng tên.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({period_label(self.valid_from, self.valid_until)})"


class Person(Searchable):
    full_name = models.CharField("họ và tên", max_length=150)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        editable=False,
        help_text="Tự tạo từ họ tên; hai người trùng tên có địa chỉ khác nhau (…-2).",
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"
        ordering = [vi_order("full_name")]
        indexes = [models.Index(fields=["full_name", "id"], name="person_name_order")]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.full_name, "ca-nhan")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("units:person", args=[self.slug])

    def search_source(self):
        return [self.full_name]

    def refresh_search_text(self) -> None:
        # The name, then the titles the person held: a search for «Thứ trưởng» finds them, and
        # the name still ranks first (thidua.search.leading_part_rank). Imports compare names
        # with the part before the separator only (name_key).
        super().refresh_search_text()
        if self.pk:
            titles = fold(*self.positions.order_by("pk").values_list("title", flat=True))
            if titles:
                self.search_text = f"{self.search_text}{SEPARATOR}{titles}"

    def reindex(self) -> None:
        """Store the search text again after a change to the person's positions (no history
        row: the person did not change)."""
        self.refresh_search_text()
        Person.objects.filter(pk=self.pk).update(search_text=self.search_text)


class Position(models.Model):
    """A person's title at a unit for a span of time (e.g. Phó Vụ trưởng, from ... to ...)."""

    person = models.ForeignKey(
        Person, verbose_name="cá nhân", on_delete=models.PROTECT, related_name="positions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="positions"
    )
    title = models.CharField("chức vụ", max_length=150)
    started_on = models.DateField("từ ngày", null=True, blank=True, validators=date_validators)
    ended_on = models.DateField("đến ngày", null=True, blank=True, validators=date_validators)
    from_year = models.PositiveSmallIntegerField(
        "từ năm",
        null=True,
        blank=True,
        validators=year_validators,
        help_text="Năm sớm nhất biết người này giữ chức vụ (tự lấy từ «từ ngày» nếu có).",
    )
    until_year = models.PositiveSmallIntegerField(
        "đến năm",
        null=True,
        blank=True,
        validators=year_validators,
        help_text="Năm muộn nhất biết người này giữ chức vụ (tự lấy từ «đến ngày» nếu có). "
        "Trang công khai ghi chức vụ kèm năm, không bao giờ ghi là chức vụ hiện nay.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        ordering = ["person", "-from_year", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(until_year__isnull=True)
                | Q(from_year__isnull=True)
                | Q(until_year__gte=F("from_year")),
                name="position_years_ordered",
                violation_error_message="Năm cuối giữ chức vụ phải sau năm bắt đầu.",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=F("started_on")),
                name="position_dates_ordered",
                violation_error_message="Ngày kết thúc chức vụ phải sau ngày bắt đầu.",
            ),
            *date_range_constraints("position", "started_on", "ended_on"),
        ]

    def __str__(self):
        return f"{self.person} – {self.title} {self.unit}"

    def save(self, *args, **kwargs):
        # Dates entered without years (imports, factories) still give the years shown.
        self.fill_years_from_dates()
        super().save(*args, **kwargs)

    def fill_years_from_dates(self):
        if self.started_on and self.from_year is None:
            self.from_year = self.started_on.year
        if self.ended_on and self.until_year is None:
            self.until_year = self.ended_on.year

    def clean(self):
        self.fill_years_from_dates()
        if self.started_on and self.from_year and self.started_on.year != self.from_year:
            raise ValidationError(
                {"from_year": f"«Từ năm» phải là năm của «từ ngày» ({self.started_on.year})."}
            )
        if self.ended_on and self.until_year and self.ended_on.year != self.until_year:
            raise ValidationError(
                {"until_year": f"«Đến năm» phải là năm của «đến ngày» ({self.ended_on.year})."}
            )
        if self.from_year and self.until_year and self.until_year < self.from_year:
            raise ValidationError(
                {
                    "until_year": f"Năm cuối giữ chức vụ ({self.until_year}) phải sau hoặc bằng "
                    f"năm bắt đầu ({self.from_year})."
                }
            )

    @property
    def years_label(self) -> str:
        """«2015–2021», «từ 2015», «đến 2019» or «chưa rõ thời gian»: a title is always shown
        with the years it is known for, never as the current one."""
        return period_label(self.from_year, self.until_year) or "chưa rõ thời gian"


class User(AbstractUser):
    """A staff account. Its unit scopes what a bloc leader or reviewer may do."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị công tác",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    person = models.OneToOneField(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user",
    )

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta(AbstractUser.Meta):
        verbose_name = "tài khoản"
        verbose_name_plural = "tài khoản"


def name_part():
    """An expression: a person's folded name, the search text before the titles (see
    Person.refresh_search_text)."""
    text = models.F("search_text")
    start = StrIndex(text, models.Value(SEPARATOR))
    return models.Case(
        models.When(GreaterThan(start, 0), then=Left(text, start - 1)),
        default=text,
        output_field=models.TextField(),
    )
