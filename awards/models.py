"""Award catalogue, legal regimes and rules (as data), proposals, nominations and their workflow,
council votes, decisions and granted awards.

Workflow changes go through awards.services (one `_transition()`); the legal rules are evaluated by
awards.eligibility; who may act is in awards.permissions.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from blocs.models import Bloc, Document, Event
from thidua.uploads import validate_document_file
from thidua.years import year_validators
from units.models import Person, Unit

# ---------------------------------------------------------------------------------------------
# Catalogue
# ---------------------------------------------------------------------------------------------


class AwardCategory(models.TextChoices):
    TITLE = "danh_hieu", "Danh hiệu thi đua"
    FORM = "hinh_thuc", "Hình thức khen thưởng"


class AwardLevel(models.TextChoices):
    STATE = "nha_nuoc", "Nhà nước"
    GOVERNMENT = "chinh_phu", "Chính phủ"
    MINISTRY = "bo", "Bộ"
    GRASSROOTS = "co_so", "Cơ sở"


class RecipientKind(models.TextChoices):
    UNIT = "unit", "Tập thể"
    PERSON = "person", "Cá nhân"
    BOTH = "both", "Tập thể hoặc cá nhân"


class AwardType(models.Model):
    """One emulation title or form of commendation (e.g. Cờ thi đua của Bộ KH&CN)."""

    name = models.CharField("tên", max_length=255, unique=True)
    short_name = models.CharField("tên ngắn", max_length=100, blank=True)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True)
    category = models.CharField("nhóm", max_length=20, choices=AwardCategory.choices)
    level = models.CharField("cấp", max_length=20, choices=AwardLevel.choices)
    recipient_kind = models.CharField(
        "đối tượng", max_length=10, choices=RecipientKind.choices, default=RecipientKind.UNIT
    )
    conferrer = models.CharField(
        "thẩm quyền quyết định", max_length=255, help_text="Ví dụ: Bộ trưởng Bộ KH&CN."
    )
    government_level = models.BooleanField(
        "trình cấp trên",
        default=False,
        help_text="Bộ chỉ đề nghị; hồ sơ được chuyển lên Thủ tướng/Chủ tịch nước quyết định.",
    )
    exclusive_group = models.SlugField(
        "nhóm loại trừ trong năm",
        max_length=60,
        blank=True,
        help_text="Các loại khen thưởng cùng nhóm không được trao cho cùng đối tượng trong một năm "
        "(ví dụ danh hiệu tập thể hằng năm).",
    )
    order = models.PositiveSmallIntegerField("thứ tự hiển thị", default=100)
    description = models.TextField("ghi chú", blank=True)
    is_active = models.BooleanField("đang sử dụng", default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "loại khen thưởng"
        verbose_name_plural = "danh mục khen thưởng"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        old_order = (
            AwardType.objects.filter(pk=self.pk).values_list("order", flat=True).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if old_order is not None and old_order != self.order:
            # The records copy the order to be read sorted from an index (AwardRecord). A
            # derived copy: the award type's own history records the change, not every record.
            for model in (Nomination, Award):
                model.objects.filter(award_type=self).update(type_order=self.order)

    def accepts_unit(self):
        return self.recipient_kind in (RecipientKind.UNIT, RecipientKind.BOTH)

    def accepts_person(self):
        return self.recipient_kind in (RecipientKind.PERSON, RecipientKind.BOTH)


# ---------------------------------------------------------------------------------------------
# Legal regimes and rules (data, editable in admin)
# ---------------------------------------------------------------------------------------------


def year_reference_date(year: int) -> datetime.date:
    """The day on which a year's records are judged: the year's end (its summary and review)."""
    return datetime.date(year, 12, 31)


class InForceQuerySet(models.QuerySet):
    def in_force_on(self, day):
        return self.filter(
            Q(valid_from__lte=day), Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )

    def in_force_for_year(self, year):
        return self.in_force_on(year_reference_date(year))


class LegalRegime(models.Model):
    """A period governed by one law and decree (e.g. Luật 2022 + NĐ 98/2023 from 01/01/2024)."""

    name = models.CharField("tên", max_length=255)
    code = models.SlugField("mã", max_length=60, unique=True)
    law = models.CharField("luật", max_length=255)
    decree = models.CharField("nghị định hướng dẫn", max_length=255, blank=True)
    valid_from = models.DateField("có hiệu lực từ")
    valid_until = models.DateField("hết hiệu lực", null=True, blank=True)
    note = models.TextField("ghi chú (cần kiểm tra)", blank=True)

    history = HistoricalRecords()
    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = "chế độ pháp lý"
        verbose_name_plural = "chế độ pháp lý"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="regime_dates_ordered",
                violation_error_message="Ngày hết hiệu lực phải sau ngày có hiệu lực.",
            ),
        ]

    def __str__(self):
        return self.name

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


class RuleKind(models.TextChoices):
    PREREQUISITE_AWARD = "prerequisite_award", "Điều kiện: đã có khen thưởng khác"
    BLOC_LEADER = "bloc_leader", "Điều kiện: dẫn đầu (khối trưởng) khối thi đua"
    QUOTA_PER_BLOC = "quota_per_bloc", "Số lượng tối đa mỗi khối trong năm"
    QUOTA_SHARE = "quota_share", "Tỷ lệ tối đa"
    CONSECUTIVE = "consecutive", "Thành tích liên tục nhiều năm"
    COUNCIL_VOTE = "council_vote", "Tỷ lệ phiếu Hội đồng"
    NO_DOUBLE_REWARD = "no_double_reward", "Không khen thưởng trùng"


class ShareBase(models.TextChoices):
    REQUIRED_TYPES = (
        "required_types",
        "Số đối tượng được đề nghị/tặng các loại khen thưởng điều kiện",
    )
    BLOC_LEADERS = "bloc_leaders", "Số tập thể dẫn đầu (khối trưởng) các khối thi đua"


class VoteBase(models.TextChoices):
    COUNCIL_SIZE = "council_size", "Tổng số thành viên Hội đồng"
    PRESENT = "present", "Số thành viên có mặt"


class Rule(models.Model):
    """One legal rule on an award type, with its legal basis and the dates it is in force.

    The numbers (count, share, threshold) are data: an administrator corrects a value and its basis
    without a release. `note` says what still needs checking against the official text (VERIFY).
    """

    code = models.SlugField("mã", max_length=80, unique=True)
    name = models.CharField("tên quy định", max_length=300)
    kind = models.CharField("loại quy định", max_length=30, choices=RuleKind.choices)
    regime = models.ForeignKey(
        LegalRegime,
        verbose_name="chế độ pháp lý",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rules",
    )
    award_type = models.ForeignKey(
        AwardType,
        verbose_name="áp dụng cho loại khen thưởng",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rules",
        help_text="Để trống: áp dụng cho mọi loại khen thưởng.",
    )
    recipient_kind = models.CharField(
        "áp dụng cho đối tượng",
        max_length=10,
        choices=RecipientKind.choices,
        default=RecipientKind.BOTH,
        help_text="Ví dụ: điều kiện Huân chương cho tập thể khác điều kiện cho cá nhân.",
    )
    required_award_types = models.ManyToManyField(
        AwardType,
        verbose_name="loại khen thưởng điều kiện",
        blank=True,
        related_name="required_by_rules",
        help_text="Điều kiện/liên tục: một trong các loại này; tỷ lệ: mẫu số tính theo các loại này.",
    )
    count = models.PositiveSmallIntegerField(
        "số lượng / số năm",
        null=True,
        blank=True,
        help_text="Số tối đa mỗi khối; số năm liên tục; số lần tối thiểu đã được khen.",
    )
    window_years = models.PositiveSmallIntegerField(
        "trong số năm trước",
        default=0,
        help_text="Điều kiện đã có khen thưởng: 0 = cùng năm (cùng đợt); n = trong n năm trước đó.",
    )
    include_current_year = models.BooleanField(
        "tính cả năm xét",
        default=True,
        help_text="Thành tích liên tục: chuỗi năm kết thúc ở năm xét (có) hay năm trước đó (không).",
    )
    share_percent = models.DecimalField(
        "tỷ lệ tối đa (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    share_base = models.CharField(
        "mẫu số của tỷ lệ", max_length=20, choices=ShareBase.choices, blank=True
    )
    threshold_percent = models.DecimalField(
        "tỷ lệ phiếu tối thiểu (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    vote_base = models.CharField("tính trên", max_length=20, choices=VoteBase.choices, blank=True)
    legal_document = models.CharField(
        "văn bản căn cứ", max_length=255, help_text="Ví dụ: Nghị định 91/2017/NĐ-CP."
    )
    article = models.CharField("điều", max_length=60, blank=True)
    clause = models.CharField("khoản", max_length=60, blank=True)
    valid_from = models.DateField("có hiệu lực từ")
    valid_until = models.DateField("hết hiệu lực", null=True, blank=True)
    blocking = models.BooleanField(
        "chặn khi nộp hồ sơ",
        default=True,
        help_text="Không đạt thì không nộp được. Bỏ chọn: chỉ cảnh báo cho chuyên viên thẩm định "
        "(vẫn chặn khi đề nghị khen thưởng).",
    )
    is_active = models.BooleanField("đang áp dụng", default=True)
    note = models.TextField("ghi chú (cần kiểm tra - VERIFY)", blank=True)

    history = HistoricalRecords(m2m_fields=[required_award_types])
    objects = InForceQuerySet.as_manager()

    class Meta:
        verbose_name = "quy định khen thưởng"
        verbose_name_plural = "quy định khen thưởng"
        ordering = ["award_type__order", "kind", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="rule_dates_ordered",
                violation_error_message="Ngày hết hiệu lực phải sau ngày có hiệu lực.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def basis(self) -> str:
        return ", ".join(p for p in [self.legal_document, self.article, self.clause] if p)

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def in_force_for_year(self, year: int) -> bool:
        return self.is_active and self.covers(year_reference_date(year))

    def applies_to(self, award_type_id, is_unit: bool) -> bool:
        if self.award_type_id is not None and self.award_type_id != award_type_id:
            return False
        if self.kind == RuleKind.BLOC_LEADER and not is_unit:
            return False  # only a collective leads a bloc
        if self.recipient_kind == RecipientKind.UNIT:
            return is_unit
        if self.recipient_kind == RecipientKind.PERSON:
            return not is_unit
        return True

    def clean(self):
        needs = {
            RuleKind.QUOTA_PER_BLOC: ("count", "Số lượng tối đa mỗi khối"),
            RuleKind.CONSECUTIVE: ("count", "Số năm liên tục"),
            RuleKind.QUOTA_SHARE: ("share_percent", "Tỷ lệ tối đa"),
            RuleKind.COUNCIL_VOTE: ("threshold_percent", "Tỷ lệ phiếu tối thiểu"),
        }
        if self.kind in needs:
            field, label = needs[self.kind]
            if getattr(self, field) is None:
                raise ValidationError(
                    {field: f"Quy định loại «{self.get_kind_display()}» cần «{label}»."}
                )
        if self.kind == RuleKind.QUOTA_SHARE and not self.share_base:
            raise ValidationError({"share_base": "Quy định tỷ lệ cần chọn mẫu số."})
        if self.kind == RuleKind.COUNCIL_VOTE and not self.vote_base:
            raise ValidationError({"vote_base": "Quy định tỷ lệ phiếu cần chọn cách tính."})
        for field in ["share_percent", "threshold_percent"]:
            value = getattr(self, field)
            if value is not None and not 0 <= value <= 100:
                raise ValidationError({field: "Tỷ lệ phải trong khoảng 0–100 %."})


# ---------------------------------------------------------------------------------------------
# Proposals (made at a bloc event) and nominations
# ---------------------------------------------------------------------------------------------

RECIPIENT_XOR = Q(unit__isnull=False, person__isnull=True) | Q(
    unit__isnull=True, person__isnull=False
)
RECIPIENT_XOR_MESSAGE = "Đối tượng khen thưởng là một tập thể hoặc một cá nhân (chọn đúng một)."


class RecipientMixin(models.Model):
    """A unit XOR a person, with the checks against the award type's recipient kind."""

    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.award_type} năm {self.year} – {self.recipient_name}"

    @property
    def recipient(self):
        return self.unit if self.unit_id else self.person

    @property
    def recipient_name(self) -> str:
        if self.unit_id:
            year = getattr(self, "year", None)
            return self.unit.name_in(year) if year else self.unit.name
        return str(self.person) if self.person_id else ""

    def clean_recipient(self):
        if bool(self.unit_id) == bool(self.person_id):
            raise ValidationError({"unit": RECIPIENT_XOR_MESSAGE})
        if self.award_type_id:
            kind = self.award_type
            if self.unit_id and not kind.accepts_unit():
                raise ValidationError(
                    {"unit": f"«{kind}» chỉ dành cho cá nhân, không tặng cho tập thể."}
                )
            if self.person_id and not kind.accepts_person():
                raise ValidationError(
                    {"person": f"«{kind}» chỉ dành cho tập thể, không tặng cho cá nhân."}
                )


class AwardRecord(RecipientMixin):
    """What a nomination and a granted award both record: an award type for a recipient, a year
    and the proposing bloc — with a copy of the award type's display order, so that a year's
    records can be read in display order straight from an index (a million-row table cannot be
    sorted by another table's column for every page). The copy is set on save;
    AwardType.save updates the copies when the order changes."""

    award_type = models.ForeignKey(
        AwardType,
        verbose_name="loại khen thưởng",
        on_delete=models.PROTECT,
        related_name="%(class)ss",
    )
    year = models.PositiveSmallIntegerField("năm thành tích", validators=year_validators)
    bloc = models.ForeignKey(
        Bloc,
        verbose_name="khối đề nghị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    type_order = models.PositiveSmallIntegerField(
        "thứ tự loại khen thưởng", default=100, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.award_type_id:
            self.type_order = self.award_type.order
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "award_type" in update_fields:
                kwargs["update_fields"] = {*update_fields, "type_order"}
        super().save(*args, **kwargs)


class Proposal(RecipientMixin):
    """An award the bloc agreed to propose at one of its events (e.g. a year-end conference)."""

    event = models.ForeignKey(
        Event, verbose_name="sự kiện", on_delete=models.PROTECT, related_name="proposals"
    )
    award_type = models.ForeignKey(
        AwardType,
        verbose_name="loại khen thưởng",
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề xuất khen thưởng tại sự kiện"
        verbose_name_plural = "đề xuất khen thưởng tại sự kiện"
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=RECIPIENT_XOR,
                name="proposal_recipient_unit_xor_person",
                violation_error_message=RECIPIENT_XOR_MESSAGE,
            ),
        ]

    def __str__(self):
        return f"{self.award_type} – {self.recipient_name}"

    @property
    def year(self):
        return self.event.period_end if self.event_id else None

    def clean(self):
        self.clean_recipient()


class Status(models.TextChoices):
    DRAFT = "draft", "Dự thảo"
    SUBMITTED = "submitted", "Đã gửi"
    IN_REVIEW = "in_review", "Đang thẩm định"
    RETURNED = "returned", "Trả lại để bổ sung"
    RECOMMENDED = "recommended", "Hội đồng đề nghị khen thưởng"
    FORWARDED = "forwarded", "Đã trình cấp trên"
    GRANTED = "granted", "Đã được khen thưởng"
    REJECTED = "rejected", "Không đề nghị"
    WITHDRAWN = "withdrawn", "Đã rút"
    REVOKED = "revoked", "Đã bị thu hồi"

    @classmethod
    def open_states(cls):
        """Still moving through the workflow."""
        return [
            cls.DRAFT,
            cls.SUBMITTED,
            cls.IN_REVIEW,
            cls.RETURNED,
            cls.RECOMMENDED,
            cls.FORWARDED,
        ]

    @classmethod
    def final_states(cls):
        return [cls.GRANTED, cls.REJECTED, cls.WITHDRAWN, cls.REVOKED]

    @classmethod
    def pending_states(cls):
        """Sent by the bloc and not yet decided: these count toward quotas and prerequisites."""
        return [cls.SUBMITTED, cls.IN_REVIEW, cls.RETURNED, cls.RECOMMENDED, cls.FORWARDED]

    @classmethod
    def review_states(cls):
        """What the reviewer's queue shows."""
        return [cls.SUBMITTED, cls.IN_REVIEW, cls.RECOMMENDED, cls.FORWARDED]

    @classmethod
    def editable_states(cls):
        """The bloc may still edit the dossier."""
        return [cls.DRAFT, cls.RETURNED]


class NominationQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related(
            "award_type", "unit", "person", "bloc", "event", "award"
        ).prefetch_related("unit__names")

    def pending(self):
        return self.filter(status__in=Status.pending_states())

    def for_review(self):
        return self.filter(status__in=Status.review_states())


class Nomination(AwardRecord):
    """A dossier proposing one award for one recipient and year, moving through the workflow."""

    event = models.ForeignKey(
        Event,
        verbose_name="tại sự kiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominations",
    )
    proposal = models.OneToOneField(
        Proposal,
        verbose_name="đề xuất tại sự kiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nomination",
    )
    achievements = models.TextField("tóm tắt thành tích", blank=True)
    achievement_report = models.FileField(
        "báo cáo thành tích",
        upload_to="awards/reports/%Y/",
        blank=True,
        validators=[validate_document_file],
    )
    bloc_votes_for = models.PositiveSmallIntegerField(
        "số phiếu đồng ý của khối", null=True, blank=True
    )
    bloc_votes_total = models.PositiveSmallIntegerField(
        "tổng số phiếu của khối", null=True, blank=True
    )
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    is_historical = models.BooleanField(
        "hồ sơ lịch sử",
        default=False,
        help_text="Hồ sơ của năm trước chế độ pháp lý hiện hành hoặc nhập từ quyết định cũ: "
        "được chấp nhận, quy định hiện hành chỉ ghi chú.",
    )
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    history = HistoricalRecords()
    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = "hồ sơ đề nghị khen thưởng"
        verbose_name_plural = "hồ sơ đề nghị khen thưởng"
        ordering = ["-year", "type_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=RECIPIENT_XOR,
                name="nomination_recipient_unit_xor_person",
                violation_error_message=RECIPIENT_XOR_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(bloc_votes_for__isnull=True)
                | Q(bloc_votes_total__isnull=True)
                | Q(bloc_votes_for__lte=F("bloc_votes_total")),
                name="nomination_bloc_votes_within_total",
                violation_error_message="Số phiếu đồng ý không được lớn hơn tổng số phiếu.",
            ),
        ]
        indexes = [
            models.Index(fields=["year", "status"], name="nomination_year_status"),
            models.Index(fields=["status", "year"], name="nomination_status_year"),
            models.Index(fields=["award_type", "year"], name="nomination_type_year"),
            models.Index(fields=["bloc", "year"], name="nomination_bloc_year"),
            models.Index(fields=["unit", "year"], name="nomination_unit_year"),
            models.Index(fields=["person", "year"], name="nomination_person_year"),
            # The admin list's newest-first order (-year, -id).
            models.Index(fields=["year", "id"], name="nomination_year_id"),
            # The reviewer queue: by default the review states, newest year first, display order.
            models.Index(
                F("year").desc(),
                "type_order",
                "id",
                condition=Q(status__in=Status.review_states()),
                name="nomination_queue_order",
            ),
            models.Index(
                "status", F("year").desc(), "type_order", "id", name="nomination_status_order"
            ),
        ]

    def clean(self):
        self.clean_recipient()
        if (
            self.bloc_votes_for is not None
            and self.bloc_votes_total is not None
            and self.bloc_votes_for > self.bloc_votes_total
        ):
            raise ValidationError(
                {"bloc_votes_for": "Số phiếu đồng ý không được lớn hơn tổng số phiếu của khối."}
            )
        if self.event_id and self.bloc_id and self.event.bloc_id != self.bloc_id:
            raise ValidationError({"event": "Sự kiện phải là sự kiện của khối đề nghị."})
        if self.bloc_id:
            self.bloc.check_year(self.year)

    @property
    def is_editable(self) -> bool:
        return self.status in Status.editable_states()

    @property
    def is_final(self) -> bool:
        return self.status in Status.final_states()


class Action(models.TextChoices):
    """The steps a nomination's log records (awards.services)."""

    CREATE = "create", "Tạo hồ sơ"
    SUBMIT = "submit", "Gửi hồ sơ"
    WITHDRAW = "withdraw", "Rút hồ sơ"
    START_REVIEW = "start_review", "Bắt đầu thẩm định"
    RETURN = "return", "Trả lại"
    RECOMMEND = "recommend", "Đề nghị khen thưởng"
    REJECT = "reject", "Không đề nghị"
    FORWARD = "forward", "Trình cấp trên"
    GRANT = "grant", "Khen thưởng theo quyết định"
    REVOKE = "revoke", "Thu hồi khen thưởng"
    COUNCIL_VOTE = "council_vote", "Ghi kết quả bỏ phiếu Hội đồng"
    OVERRIDE = "override", "Cho phép ngoại lệ quy định"
    IMPORT = "import", "Nhập hồ sơ lịch sử"


class Transition(models.Model):
    """The action log of a nomination: every workflow step with who, when and why."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField("thao tác", max_length=30, choices=Action.choices)
    from_status = models.CharField(
        "từ trạng thái", max_length=20, choices=Status.choices, blank=True
    )
    to_status = models.CharField("sang trạng thái", max_length=20, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField("thời điểm")
    reason = models.TextField("lý do / ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "bước xử lý hồ sơ"
        verbose_name_plural = "nhật ký xử lý hồ sơ"
        ordering = ["nomination", "at", "pk"]
        indexes = [
            models.Index(fields=["nomination", "at"], name="transition_nomination_at"),
            # The admin's newest-first list of every workflow step.
            models.Index(fields=["-at", "-id"], name="transition_at_order"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display() or '–'} → {self.get_to_status_display()}"


class Override(models.Model):
    """An administrator's recorded exception to one rule for one nomination, shown on the record."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.CASCADE, related_name="overrides"
    )
    rule = models.ForeignKey(
        Rule, verbose_name="quy định", on_delete=models.PROTECT, related_name="overrides"
    )
    reason = models.TextField("lý do")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người quyết định",
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("thời điểm", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "ngoại lệ quy định"
        verbose_name_plural = "ngoại lệ quy định"
        ordering = ["nomination", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "rule"],
                name="override_once_per_rule",
                violation_error_message="Hồ sơ này đã có ngoại lệ cho quy định đó.",
            ),
        ]

    def __str__(self):
        return f"Ngoại lệ «{self.rule}» – {self.nomination}"


class CouncilVote(models.Model):
    """The secret ballot of the ministry's Emulation and Commendation Council on a nomination."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="council_votes"
    )
    held_on = models.DateField("ngày họp")
    votes_for = models.PositiveSmallIntegerField("số phiếu đồng ý")
    votes_against = models.PositiveSmallIntegerField("số phiếu không đồng ý", default=0)
    present = models.PositiveSmallIntegerField("số thành viên có mặt")
    council_size = models.PositiveSmallIntegerField("tổng số thành viên Hội đồng")
    note = models.TextField("ghi chú", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField("ghi lúc", auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả bỏ phiếu Hội đồng"
        verbose_name_plural = "kết quả bỏ phiếu Hội đồng"
        ordering = ["nomination", "-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(present__lte=F("council_size")),
                name="council_vote_present_within_size",
                violation_error_message="Số thành viên có mặt không được lớn hơn tổng số thành viên.",
            ),
            models.CheckConstraint(
                condition=Q(present__gte=F("votes_for") + F("votes_against")),
                name="council_vote_ballots_within_present",
                violation_error_message="Tổng số phiếu không được lớn hơn số thành viên có mặt.",
            ),
            models.CheckConstraint(
                condition=Q(council_size__gt=0),
                name="council_vote_size_positive",
                violation_error_message="Hội đồng phải có ít nhất một thành viên.",
            ),
        ]

    def __str__(self):
        return f"{self.votes_for}/{self.council_size} phiếu đồng ý ({self.held_on:%d/%m/%Y})"

    def clean(self):
        if (
            self.council_size is not None
            and self.present is not None
            and self.present > self.council_size
        ):
            raise ValidationError(
                {"present": "Số thành viên có mặt không được lớn hơn tổng số thành viên Hội đồng."}
            )
        if None not in (self.votes_for, self.votes_against, self.present) and (
            self.votes_for + self.votes_against > self.present
        ):
            raise ValidationError(
                {"votes_for": "Tổng số phiếu đồng ý và không đồng ý vượt số thành viên có mặt."}
            )
        if self.council_size == 0:
            raise ValidationError({"council_size": "Hội đồng phải có ít nhất một thành viên."})

    def base(self, vote_base) -> int:
        return self.present if vote_base == VoteBase.PRESENT else self.council_size

    def percent(self, vote_base=VoteBase.COUNCIL_SIZE):
        base = self.base(vote_base)
        return (self.votes_for * 100 / base) if base else 0

    def passes(self, threshold_percent, vote_base=VoteBase.COUNCIL_SIZE) -> bool:
        """At least `threshold_percent` % of the base voted for (exact arithmetic, no rounding)."""
        return self.votes_for * 100 >= threshold_percent * self.base(vote_base)


# ---------------------------------------------------------------------------------------------
# Decisions and granted awards
# ---------------------------------------------------------------------------------------------


class DecisionKind(models.TextChoices):
    GRANT = "grant", "Quyết định khen thưởng"
    REVOKE = "revoke", "Quyết định thu hồi, hủy bỏ khen thưởng"


class DecisionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)


class Decision(models.Model):
    """A decision (a blocs.Document) that grants awards to many recipients, or revokes some."""

    document = models.OneToOneField(
        Document, verbose_name="văn bản", on_delete=models.PROTECT, related_name="award_decision"
    )
    kind = models.CharField(
        "loại quyết định", max_length=10, choices=DecisionKind.choices, default=DecisionKind.GRANT
    )
    signer_name = models.CharField("người ký", max_length=150, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=150, blank=True)
    signer = models.ForeignKey(
        Person,
        verbose_name="người ký (hồ sơ cá nhân)",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_award_decisions",
    )
    is_published = models.BooleanField("công khai", default=True)
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["-document__issued_on", "pk"]

    def __str__(self):
        return str(self.document)

    @property
    def signer_label(self) -> str:
        name = self.signer_name or (str(self.signer) if self.signer_id else "")
        return ", ".join(p for p in [self.signer_title, name] if p)


class AwardQuerySet(models.QuerySet):
    def public(self):
        return self.filter(decision__is_published=True)

    def in_effect(self):
        return self.filter(revoked_by__isnull=True)

    def with_related(self):
        # Joining ten tables costs PostgreSQL ~20 ms of planning on every page; the revoking
        # decision (rare) comes in its own query, only when the page holds a revoked award.
        revoking = models.Prefetch("revoked_by", Decision.objects.select_related("document"))
        return self.select_related(
            "award_type", "unit", "person", "bloc", "decision__document"
        ).prefetch_related("unit__names", revoking)


class Award(AwardRecord):
    """A granted award: from a nomination through the workflow, or entered from a past decision."""

    decision = models.ForeignKey(
        Decision,
        verbose_name="quyết định",
        on_delete=models.PROTECT,
        related_name="awards",
        db_index=False,  # award_decision_order leads with it
    )
    nomination = models.OneToOneField(
        Nomination,
        verbose_name="hồ sơ đề nghị",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="award",
    )
    prize_rank = models.CharField(
        "hạng, mức (nếu có)", max_length=100, blank=True, help_text="Chi tiết cũ, ví dụ hạng giải."
    )
    is_historical = models.BooleanField("nhập từ quyết định cũ", default=False)
    note = models.TextField("ghi chú", blank=True)
    revoked_by = models.ForeignKey(
        Decision,
        verbose_name="bị thu hồi theo quyết định",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="revoked_awards",
    )
    revocation_reason = models.TextField("lý do thu hồi", blank=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)

    history = HistoricalRecords()
    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = "khen thưởng đã quyết định"
        verbose_name_plural = "khen thưởng đã quyết định"
        ordering = ["-year", "type_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=RECIPIENT_XOR,
                name="award_recipient_unit_xor_person",
                violation_error_message=RECIPIENT_XOR_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(revoked_by__isnull=True) | ~Q(revocation_reason=""),
                name="award_revocation_has_reason",
                violation_error_message="Thu hồi khen thưởng phải ghi lý do.",
            ),
        ]
        indexes = [
            models.Index(fields=["year", "award_type"], name="award_year_type"),
            models.Index(fields=["award_type", "year"], name="award_type_year"),
            models.Index(fields=["unit", "year"], name="award_unit_year"),
            models.Index(fields=["person", "year"], name="award_person_year"),
            models.Index(fields=["bloc", "year"], name="award_bloc_year"),
            models.Index(fields=["year", "id"], name="award_year_id"),
            # A decision's awards in order (its page, and the admin list filtered by it).
            models.Index(fields=["decision", "year", "id"], name="award_decision_order"),
            # The public list: newest year first, in display order.
            models.Index(F("year").desc(), "type_order", "id", name="award_public_order"),
        ]

    @property
    def is_revoked(self) -> bool:
        return self.revoked_by_id is not None

    def clean(self):
        self.clean_recipient()
        if self.revoked_by_id and not self.revocation_reason.strip():
            raise ValidationError({"revocation_reason": "Thu hồi khen thưởng phải ghi lý do."})
        if self.revoked_by_id and self.revoked_by_id == self.decision_id:
            raise ValidationError(
                {"revoked_by": "Quyết định thu hồi phải khác quyết định khen thưởng."}
            )
