"""Prize money as dated data: the base salary (mức lương cơ sở) and each award's coefficient.

A prize is the coefficient in force on the decision's date × the base salary in force that day,
rounded up to the ten thousand đồng (NĐ 98/2023 Điều 54; NĐ 152/2025 Điều 50, 54)."""

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from simple_history.models import HistoricalRecords

from thidua.years import date_range_constraints, date_validators

from .catalogue import AwardType
from .enums import RecipientKind

ROUND_TO = 10_000


class BaseSalary(models.Model):
    """The base salary in force from a date until the next row."""

    amount = models.PositiveIntegerField("mức lương cơ sở (đồng/tháng)")
    valid_from = models.DateField("áp dụng từ ngày", unique=True, validators=date_validators)
    legal_document = models.CharField("văn bản căn cứ", max_length=255)
    note = models.TextField("ghi chú (cần kiểm tra - VERIFY)", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mức lương cơ sở"
        verbose_name_plural = "mức lương cơ sở"
        ordering = ["-valid_from"]
        constraints = [*date_range_constraints("base_salary", "valid_from")]

    def __str__(self):
        return f"{self.amount:,} đồng từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class PrizeCoefficient(models.Model):
    """How many base salaries an award type's prize is, for a recipient kind, in a period."""

    award_type = models.ForeignKey(
        AwardType,
        verbose_name="loại khen thưởng",
        on_delete=models.PROTECT,
        related_name="prize_coefficients",
    )
    recipient_kind = models.CharField(
        "đối tượng", max_length=10, choices=RecipientKind.choices, default=RecipientKind.BOTH
    )
    coefficient = models.DecimalField("hệ số (× mức lương cơ sở)", max_digits=5, decimal_places=2)
    valid_from = models.DateField("áp dụng từ ngày", validators=date_validators)
    valid_until = models.DateField("đến ngày", null=True, blank=True, validators=date_validators)
    legal_document = models.CharField("văn bản căn cứ", max_length=255)
    article = models.CharField("điều", max_length=60, blank=True)
    note = models.TextField("ghi chú (cần kiểm tra - VERIFY)", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "hệ số tiền thưởng"
        verbose_name_plural = "hệ số tiền thưởng"
        ordering = ["award_type__order", "recipient_kind", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("valid_from")),
                name="prize_coefficient_dates_ordered",
                violation_error_message="Ngày kết thúc phải sau ngày áp dụng.",
            ),
            models.CheckConstraint(
                condition=Q(coefficient__gt=0),
                name="prize_coefficient_positive",
                violation_error_message="Hệ số tiền thưởng phải lớn hơn 0.",
            ),
            *date_range_constraints("prize_coefficient", "valid_from", "valid_until"),
        ]

    def __str__(self):
        return f"{self.award_type} ({self.get_recipient_kind_display()}): {self.coefficient}"

    @property
    def basis(self) -> str:
        return ", ".join(p for p in [self.legal_document, self.article] if p)

    def clean(self):
        if self.coefficient is not None and self.coefficient <= 0:
            raise ValidationError({"coefficient": "Hệ số tiền thưởng phải lớn hơn 0."})
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": "Ngày kết thúc phải sau ngày áp dụng."})


def prize_amount(coefficient, base_salary) -> int | None:
    """coefficient × base salary, rounded up to the ten thousand đồng."""
    if coefficient is None or base_salary is None:
        return None
    exact = Decimal(coefficient) * Decimal(base_salary)
    return math.ceil(exact / ROUND_TO) * ROUND_TO


def prize_annotations(day="decision__document__issued_on"):
    """The coefficients (for a collective, for a person) and the base salary in force on the
    record's decision date, read in the record's own query: correlated subqueries, no query per
    row. Award.prize picks the coefficient of its recipient."""
    coefficients = PrizeCoefficient.objects.filter(
        award_type=OuterRef("award_type"), valid_from__lte=OuterRef(day)
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=OuterRef(day)))
    salaries = BaseSalary.objects.filter(valid_from__lte=OuterRef(day)).order_by("-valid_from")
    unit_kind = coefficients.exclude(recipient_kind=RecipientKind.PERSON)
    person_kind = coefficients.exclude(recipient_kind=RecipientKind.UNIT)
    return {
        "prize_coefficient_unit": Subquery(
            unit_kind.order_by("-valid_from").values("coefficient")[:1]
        ),
        "prize_coefficient_person": Subquery(
            person_kind.order_by("-valid_from").values("coefficient")[:1]
        ),
        "base_salary": Subquery(salaries.values("amount")[:1]),
    }
