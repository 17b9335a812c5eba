"""Legal regimes and the rules (as data) they set on award types."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from thidua.years import date_range_constraints, date_validators

from .catalogue import AwardType
from .enums import RecipientKind, RuleKind, ShareBase, VoteBase


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

    def current(self, today=None):
        """The row in force today (the latest to start, where two overlap), or None."""
        return self.in_force_on(today or timezone.localdate()).order_by("-valid_from").first()


class LegalRegime(models.Model):
    """A period governed by one law and decree (e.g. Luật 2022 + NĐ 98/2023 from 01/01/2024)."""

    name = models.CharField("tên", max_length=255)
    code = models.SlugField("mã", max_length=60, unique=True)
    law = models.CharField("luật", max_length=255)
    decree = models.CharField("nghị định hướng dẫn", max_length=255, blank=True)
    valid_from = models.DateField("có hiệu lực từ", validators=date_validators)
    valid_until = models.DateField(
        "hết hiệu lực", null=True, blank=True, validators=date_validators
    )
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
            *date_range_constraints("regime", "valid_from", "valid_until"),
        ]

    def __str__(self):
        return self.name

    def covers(self, day) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)


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
    quorum_numerator = models.PositiveSmallIntegerField(
        "có mặt tối thiểu: tử số",
        null=True,
        blank=True,
        help_text="Ví dụ 2 trong «2/3 tổng số thành viên Hội đồng» (phân số, tính chính xác).",
    )
    quorum_denominator = models.PositiveSmallIntegerField(
        "có mặt tối thiểu: mẫu số", null=True, blank=True
    )
    legal_document = models.CharField(
        "văn bản căn cứ", max_length=255, help_text="Ví dụ: Nghị định 91/2017/NĐ-CP."
    )
    article = models.CharField("điều", max_length=60, blank=True)
    clause = models.CharField("khoản", max_length=60, blank=True)
    valid_from = models.DateField("có hiệu lực từ", validators=date_validators)
    valid_until = models.DateField(
        "hết hiệu lực", null=True, blank=True, validators=date_validators
    )
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
            *date_range_constraints("rule", "valid_from", "valid_until"),
        ]

    def __str__(self):
        return self.name

    @property
    def basis(self) -> str:
        return ", ".join(p for p in [self.legal_document, self.article, self.clause] if p)

    @property
    def is_quota(self) -> bool:
        return self.kind in (RuleKind.QUOTA_PER_BLOC, RuleKind.QUOTA_SHARE)

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
        if self.kind == RuleKind.COUNCIL_QUORUM:
            top, bottom = self.quorum_numerator, self.quorum_denominator
            if not top or not bottom or top > bottom:
                raise ValidationError(
                    {
                        "quorum_denominator": "Quy định số thành viên có mặt cần một phân số "
                        "từ 0 đến 1 (ví dụ 2/3): tử số và mẫu số lớn hơn 0, tử số không lớn "
                        "hơn mẫu số."
                    }
                )
        if self.kind == RuleKind.QUOTA_SHARE and not self.share_base:
            raise ValidationError({"share_base": "Quy định tỷ lệ cần chọn mẫu số."})
        if self.kind == RuleKind.COUNCIL_VOTE and not self.vote_base:
            raise ValidationError({"vote_base": "Quy định tỷ lệ phiếu cần chọn cách tính."})
        for field in ["share_percent", "threshold_percent"]:
            value = getattr(self, field)
            if value is not None and not 0 <= value <= 100:
                raise ValidationError({field: "Tỷ lệ phải trong khoảng 0–100 %."})
