"""Events of a bloc (conferences, pledge signings) and the documents they were held under."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from thidua.models import Searchable, SearchQuerySet
from thidua.slugs import unique_slug
from thidua.years import date_range_constraints, date_validators, period_label, year_validators
from units.models import Person

from .documents import Document
from .registry import Bloc, UnitCountField, unit_count_constraint


class EventKind(models.TextChoices):
    SUMMARY = "tong_ket", "Hội nghị tổng kết năm"
    MID_YEAR = "so_ket", "Hội nghị sơ kết 6 tháng"
    ADVANCED_MODEL = "dien_hinh", "Hội nghị điển hình tiên tiến"
    PLEDGE_SIGNING = "ky_giao_uoc", "Lễ ký kết giao ước thi đua"
    OTHER = "khac", "Sự kiện khác"


class TimeOfDay(models.TextChoices):
    """The part of the day a source gives («Sáng ngày 18/12/2015»), when it gives no hour."""

    MORNING = "sang", "Sáng"
    AFTERNOON = "chieu", "Chiều"
    EVENING = "toi", "Tối"


# One event of a given kind per bloc per day (except «Sự kiện khác»): a second one is a double
# submission or the same conference typed again. Event.check_one_per_day() names the event
# already there; the database constraint catches two saves that both passed that check.
ONE_PER_DAY_CONSTRAINT = "event_one_per_kind_bloc_day"
ONE_PER_DAY_MESSAGE = (
    "Khối này đã có một sự kiện cùng loại trong cùng ngày tổ chức: mỗi khối chỉ có một sự kiện "
    "mỗi loại (trừ «Sự kiện khác») trong một ngày. Mở sự kiện đó để sửa thay vì nhập lại."
)


class EventQuerySet(SearchQuerySet):
    def published(self):
        return self.filter(is_published=True, published_at__lte=timezone.now())


class Event(Searchable):
    """A meeting of a bloc: a conference of any kind, with its published summary."""

    bloc = models.ForeignKey(
        Bloc, verbose_name="khối", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField("loại sự kiện", max_length=20, choices=EventKind.choices)
    title = models.CharField("tiêu đề", max_length=300)
    period_start = models.PositiveSmallIntegerField("kỳ thi đua từ năm", validators=year_validators)
    period_end = models.PositiveSmallIntegerField("kỳ thi đua đến năm", validators=year_validators)
    held_on = models.DateField("ngày tổ chức", validators=date_validators)
    time_of_day = models.CharField(
        "buổi",
        max_length=5,
        choices=TimeOfDay.choices,
        blank=True,
        help_text="Buổi tổ chức, khi nguồn tin ghi (ví dụ «Sáng ngày 18/12/2015»).",
    )
    place = models.CharField("địa điểm", max_length=255, blank=True)
    slug = models.SlugField(
        "đường dẫn",
        max_length=160,
        unique=True,
        blank=True,
        editable=False,
        help_text="Tự tạo từ tiêu đề và ngày tổ chức; dùng trong địa chỉ /su-kien/….",
    )
    summary_title = models.CharField(
        "nội dung hội nghị",
        max_length=400,
        blank=True,
        help_text="Ví dụ: «tổng kết công tác thi đua - khen thưởng năm 2015 và phương hướng "
        "nhiệm vụ công tác thi đua năm 2016».",
    )
    theme = models.CharField(
        "chủ đề, khẩu hiệu của sự kiện",
        max_length=400,
        blank=True,
        help_text="Chủ đề riêng của hội nghị (ví dụ «Đoàn kết, sáng tạo…»), khác với các phong "
        "trào thi đua được triển khai. Hiển thị công khai dưới tiêu đề.",
    )
    chair = models.ForeignKey(
        Person,
        verbose_name="người chủ trì",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_events",
    )
    chair_title = models.CharField("chức vụ người chủ trì (lúc đó)", max_length=255, blank=True)
    member_count = UnitCountField(
        "số đơn vị của khối (theo sự kiện)",
        null=True,
        blank=True,
        help_text="Số đơn vị nêu tại sự kiện; để trống để lấy từ hồ sơ khối theo năm.",
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name="căn cứ tổ chức",
        blank=True,
        related_name="events",
        through="EventDocument",
        help_text="Các văn bản mà sự kiện được tổ chức theo (ví dụ công văn hướng dẫn tổng kết).",
    )
    is_published = models.BooleanField("công khai", default=False)
    published_at = models.DateTimeField(
        "thời điểm đăng", null=True, blank=True, validators=date_validators
    )
    source = models.CharField(
        "nguồn tin", max_length=255, blank=True, help_text="Hiển thị sau chữ «Nguồn:»."
    )
    view_count = models.PositiveIntegerField("lượt xem", default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["view_count"])
    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "sự kiện"
        verbose_name_plural = "sự kiện"
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="event_period_ordered",
                violation_error_message="Năm cuối của kỳ thi đua phải sau năm đầu.",
            ),
            models.CheckConstraint(
                condition=Q(is_published=False) | Q(published_at__isnull=False),
                name="event_published_has_time",
                violation_error_message="Sự kiện công khai phải có thời điểm đăng.",
            ),
            *date_range_constraints("event", "held_on", times=("published_at",)),
            unit_count_constraint("event", "member_count"),
            models.UniqueConstraint(
                fields=["bloc", "kind", "held_on"],
                condition=~Q(kind=EventKind.OTHER),
                name=ONE_PER_DAY_CONSTRAINT,
                violation_error_message=ONE_PER_DAY_MESSAGE,
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "-held_on"], name="event_public_date"),
            models.Index(fields=["bloc", "-held_on"], name="event_bloc_date"),
            # The admin list's order (newest first, every event).
            models.Index(fields=["-held_on", "-id"], name="event_held_on_id"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("blocs:event", args=[self.slug])

    def search_source(self):
        return [
            *[self.title, self.summary_title, self.theme, self.place],
            *[self.get_kind_display(), self.bloc],
        ]

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)
        # The elections' copy of the bloc (behind a database constraint) follows the event.
        self.elections.exclude(bloc_id=self.bloc_id).update(bloc_id=self.bloc_id)

    def unique_slug(self):
        return unique_slug(self, f"{self.title} {self.held_on or ''}", "su-kien")

    def get_constraints(self):
        """The constraints full_clean validates: not the one-per-day one, which clean() checks
        with a message naming the event already there (validated here too, its message would
        follow clean()'s, saying the same thing less clearly)."""
        return [
            (model, [c for c in constraints if c.name != ONE_PER_DAY_CONSTRAINT])
            for model, constraints in super().get_constraints()
        ]

    def same_day_event(self):
        """The other event of this bloc, of this kind, held the same day, or None (always None
        for «Sự kiện khác», of which a bloc may hold several a day)."""
        if not (self.bloc_id and self.kind and self.held_on) or self.kind == EventKind.OTHER:
            return None
        return (
            Event.objects.filter(bloc_id=self.bloc_id, kind=self.kind, held_on=self.held_on)
            .exclude(pk=self.pk)
            .select_related("bloc")
            .order_by("pk")
            .first()
        )

    def check_one_per_day(self):
        other = self.same_day_event()
        if other is not None:
            raise ValidationError(
                {
                    "held_on": f"Khối «{other.bloc}» đã có «{other.get_kind_display()}» ngày "
                    f"{other.held_on:%d/%m/%Y}: «{other.title}». Mở sự kiện đó để sửa thay vì "
                    "nhập lại."
                },
                code="event_one_per_day",
            )

    @property
    def period_label(self):
        return period_label(self.period_start, self.period_end)

    @property
    def is_public(self):
        return (
            self.is_published
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def clean(self):
        if self.is_published and self.published_at is None:
            self.published_at = timezone.now()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {
                    "period_end": f"Năm cuối của kỳ thi đua ({self.period_end}) phải sau "
                    f"hoặc bằng năm đầu ({self.period_start})."
                }
            )
        if self.held_on and self.period_start and self.held_on.year < self.period_start:
            raise ValidationError(
                {
                    "held_on": f"Ngày tổ chức ({self.held_on:%d/%m/%Y}) không thể trước kỳ thi đua "
                    f"mà sự kiện tổng kết ({self.period_label})."
                }
            )
        self.check_one_per_day()
        if self.bloc_id:
            self.bloc.check_year(self.period_start, field="period_start")
            self.check_pledges_stay()

    def check_pledges_stay(self):
        """A pledge signed at the event is the bloc's pledge: the event cannot move to another
        bloc under it (the pledge would belong to one bloc and be signed at another's event)."""
        if not self.pk:
            return
        pledge = (
            self.pledges.exclude(bloc_id=self.bloc_id)
            .select_related("bloc")
            .order_by("year")
            .first()
        )
        if pledge is not None:
            raise ValidationError(
                {
                    "bloc": f"Không chuyển được sự kiện sang khối «{self.bloc}»: giao ước thi đua "
                    f"năm {pledge.year} của khối «{pledge.bloc}» được ký tại sự kiện này, mà giao "
                    "ước ký tại sự kiện phải thuộc khối của sự kiện. Hãy bỏ chọn «ký tại sự "
                    "kiện» của giao ước đó trước khi đổi khối."
                }
            )

    @property
    def next_year(self):
        return self.period_end + 1


def event_of(row):
    """The event a row belongs to, or None while an admin inline's parent is still unsaved."""
    try:
        return row.event
    except ObjectDoesNotExist:
        return None


class EventPart(models.Model):
    """A row that belongs to one event, shown in a fixed order."""

    # PROTECT: an event's records are its history; deleting the event never takes them along.
    event = models.ForeignKey(Event, verbose_name="sự kiện", on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["event", "order", "pk"]


class EventDocument(models.Model):
    """A document an event was held under. A cited document cannot be deleted (PROTECT)."""

    event = models.ForeignKey(
        Event, verbose_name="sự kiện", on_delete=models.PROTECT, related_name="document_links"
    )
    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.PROTECT, related_name="event_links"
    )

    history = HistoricalRecords()

    class Meta:
        db_table = "blocs_event_documents"  # the table of the former automatic many-to-many
        verbose_name = "căn cứ tổ chức"
        verbose_name_plural = "căn cứ tổ chức"
        unique_together = [("event", "document")]

    def __str__(self):
        return f"{self.document}, căn cứ của sự kiện «{self.event}»"
