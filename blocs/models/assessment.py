"""The bloc assessment (bình xét) of a bloc-year: its criteria, and the versions of its result.

A bloc-year has one criteria sheet (groups and items with maximum points and optional weights,
and the bloc-year's rules: how ties are broken, the ballot threshold, whether score details are
public). Each entry of a result is a new Assessment version (scores per member and item, the
secret-ballot tally); a second person confirms one version, and only one per bloc-year may be
confirmed (database constraints); staff release it to the public. Totals and ranking are computed
(blocs.assessment), never stored. Individual votes are never stored — only the tally.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from thidua.years import date_range_constraints, date_validators
from units.models import Unit

from .registry import BlocYear

POINTS = {"max_digits": 6, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class TieBreak(models.TextChoices):
    BALLOT = "phieu_dan_dau", "Số phiếu bầu dẫn đầu khối nhiều hơn xếp trên"
    SELF_SCORE = "tu_cham", "Tổng điểm tự chấm cao hơn xếp trên"
    SHARED = "dong_hang", "Đồng hạng (không phân định)"


class BallotSubject(models.TextChoices):
    """What a secret ballot of the bloc decides: who leads the bloc, whom it proposes for a flag."""

    LEADING = "dan_dau", "Tập thể dẫn đầu khối"
    MINISTRY_FLAG = "co_bo", "Cờ thi đua của Bộ"
    GOVERNMENT_FLAG = "co_chinh_phu", "Cờ thi đua của Chính phủ"


class CriteriaSheet(models.Model):
    """The criteria (bảng tiêu chí chấm điểm) and assessment rules of one bloc-year. Fixed once a
    result has been entered (scoring started)."""

    bloc_year = models.OneToOneField(
        BlocYear,
        verbose_name="khối – năm",
        on_delete=models.PROTECT,
        related_name="criteria_sheet",
    )
    copied_from = models.CharField(
        "sao chép từ",
        max_length=255,
        blank=True,
        help_text="Bảng tiêu chí gốc khi sao chép (năm trước của khối, hoặc bảng mẫu).",
    )
    tie_break = models.CharField(
        "quy tắc phân định khi bằng điểm",
        max_length=20,
        choices=TieBreak.choices,
        default=TieBreak.BALLOT,
    )
    ballot_threshold = models.PositiveSmallIntegerField(
        "ngưỡng phiếu bầu (%)",
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Tỷ lệ phiếu đồng ý trên tổng số phiếu hợp lệ mà một đơn vị phải đạt "
        "(ví dụ 50: trên một nửa… theo quy chế của khối: đạt từ 50% trở lên).",
    )
    show_score_details = models.BooleanField(
        "công khai điểm chi tiết",
        default=False,
        help_text="Khi bật, trang công khai của khối hiện điểm từng nhóm tiêu chí sau khi kết "
        "quả được công bố; mặc định chỉ hiện xếp hạng và tổng điểm.",
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tiêu chí bình xét của khối – năm"
        verbose_name_plural = "tiêu chí bình xét của khối – năm"
        ordering = ["-bloc_year__year", "bloc_year__bloc__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ballot_threshold__gte=1, ballot_threshold__lte=100),
                name="criteria_threshold_percent",
                violation_error_message="Ngưỡng phiếu bầu phải từ 1% đến 100%.",
            ),
        ]

    def __str__(self):
        return f"Tiêu chí bình xét {self.bloc_year}"

    @property
    def is_frozen(self) -> bool:
        """Scoring has started: a result has been entered for the bloc-year."""
        return (
            bool(self.bloc_year_id)
            and Assessment.objects.filter(bloc_year_id=self.bloc_year_id).exists()
        )

    def check_not_frozen(self, field=None):
        if self.pk and self.is_frozen:
            message = (
                f"Không sửa được tiêu chí của {self.bloc_year}: khối đã bắt đầu chấm điểm (đã có "
                "kết quả bình xét được nhập). Tiêu chí được giữ nguyên để điểm đã chấm có nghĩa."
            )
            raise ValidationError({field: message} if field else message)

    def clean(self):
        if self.pk:
            saved = CriteriaSheet.objects.filter(pk=self.pk).values("bloc_year_id").first()
            if saved and saved["bloc_year_id"] != self.bloc_year_id:
                raise ValidationError(
                    {"bloc_year": "Không chuyển bảng tiêu chí sang khối – năm khác."}
                )
            self.check_not_frozen()


class CriteriaGroup(models.Model):
    sheet = models.ForeignKey(
        CriteriaSheet, verbose_name="bảng tiêu chí", on_delete=models.PROTECT, related_name="groups"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("nhóm tiêu chí", max_length=255)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "nhóm tiêu chí"
        verbose_name_plural = "nhóm tiêu chí"
        ordering = ["sheet", "order", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.sheet_id:
            self.sheet.check_not_frozen()


class CriteriaItem(models.Model):
    sheet = models.ForeignKey(
        CriteriaSheet, verbose_name="bảng tiêu chí", on_delete=models.PROTECT, related_name="items"
    )
    group = models.ForeignKey(
        CriteriaGroup, verbose_name="nhóm tiêu chí", on_delete=models.PROTECT, related_name="items"
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("tiêu chí", max_length=500)
    max_points = models.DecimalField(
        "điểm tối đa", **POINTS, validators=[MinValueValidator(Decimal("0.01"))]
    )
    weight = models.DecimalField(
        "hệ số",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="Để trống khi tiêu chí không nhân hệ số (hệ số 1).",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "tiêu chí chấm điểm"
        verbose_name_plural = "tiêu chí chấm điểm"
        ordering = ["sheet", "group__order", "group", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max_points__gt=0),
                name="criteria_item_max_positive",
                violation_error_message="Điểm tối đa của tiêu chí phải lớn hơn 0.",
            ),
            models.CheckConstraint(
                condition=Q(weight__isnull=True) | Q(weight__gt=0),
                name="criteria_item_weight_positive",
                violation_error_message="Hệ số của tiêu chí phải lớn hơn 0.",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def factor(self) -> Decimal:
        return self.weight if self.weight is not None else Decimal(1)

    def clean(self):
        if self.group_id and self.sheet_id and self.group.sheet_id != self.sheet_id:
            raise ValidationError({"group": "Nhóm tiêu chí phải thuộc cùng bảng tiêu chí."})
        if self.sheet_id:
            self.sheet.check_not_frozen()


class Assessment(models.Model):
    """One entered version of a bloc-year's assessment result. Never edited: a correction is a
    new version; one version is confirmed by a second person, then released."""

    bloc_year = models.ForeignKey(
        BlocYear, verbose_name="khối – năm", on_delete=models.PROTECT, related_name="assessments"
    )
    version = models.PositiveSmallIntegerField("phiên bản", editable=False)
    held_on = models.DateField(
        "ngày họp bình xét", null=True, blank=True, validators=date_validators
    )
    source = models.CharField(
        "căn cứ",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Biên bản họp bình xét, biên bản kiểm phiếu ngày …",
    )
    note = models.TextField("ghi chú", blank=True)
    ballots_issued = models.PositiveSmallIntegerField("số phiếu phát ra", null=True, blank=True)
    ballots_returned = models.PositiveSmallIntegerField("số phiếu thu về", null=True, blank=True)
    ballots_valid = models.PositiveSmallIntegerField("số phiếu hợp lệ", null=True, blank=True)
    ballots_invalid = models.PositiveSmallIntegerField(
        "số phiếu không hợp lệ", null=True, blank=True
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField("nhập lúc", validators=date_validators)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(
        "xác nhận lúc", null=True, blank=True, validators=date_validators
    )
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người công bố",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    released_at = models.DateTimeField(
        "công bố lúc", null=True, blank=True, validators=date_validators
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả bình xét của khối"
        verbose_name_plural = "kết quả bình xét của khối"
        ordering = ["-bloc_year__year", "bloc_year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["bloc_year", "version"],
                name="assessment_version_unique",
                violation_error_message="Phiên bản này của kết quả bình xét đã có.",
            ),
            models.UniqueConstraint(
                fields=["bloc_year"],
                condition=Q(confirmed_by__isnull=False),
                name="assessment_one_confirmed",
                violation_error_message=(
                    "Khối – năm này đã có một kết quả bình xét được xác nhận; chỉ một phiên bản "
                    "được xác nhận"
                ),
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("entered_by")),
                name="assessment_confirmer_not_enterer",
                violation_error_message=("Người xác nhận phải khác người nhập kết quả bình xét."),
            ),
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True, confirmed_at__isnull=True)
                | Q(confirmed_by__isnull=False, confirmed_at__isnull=False),
                name="assessment_confirmed_has_time",
                violation_error_message="Kết quả đã xác nhận phải có người và thời điểm xác nhận.",
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True)
                | Q(released_by__isnull=False, confirmed_by__isnull=False),
                name="assessment_released_after_confirmed",
                violation_error_message="Chỉ công bố kết quả bình xét đã được xác nhận.",
            ),
            models.CheckConstraint(
                condition=Q(ballots_returned__isnull=True)
                | Q(ballots_issued__isnull=True)
                | Q(ballots_returned__lte=F("ballots_issued")),
                name="assessment_returned_within_issued",
                violation_error_message="Số phiếu thu về không được lớn hơn số phiếu phát ra.",
            ),
            models.CheckConstraint(
                condition=Q(ballots_returned__isnull=True)
                | Q(ballots_valid__isnull=True)
                | Q(ballots_invalid__isnull=True)
                | Q(ballots_returned=F("ballots_valid") + F("ballots_invalid")),
                name="assessment_ballots_add_up",
                violation_error_message=(
                    "Số phiếu hợp lệ cộng số phiếu không hợp lệ phải bằng số phiếu thu về."
                ),
            ),
            *date_range_constraints(
                "assessment", "held_on", times=("entered_at", "confirmed_at", "released_at")
            ),
        ]

    def __str__(self):
        return f"Bình xét {self.bloc_year}, phiên bản {self.version}"

    @property
    def is_confirmed(self):
        return self.confirmed_by_id is not None

    @property
    def is_released(self):
        return self.released_at is not None

    @property
    def has_tally(self):
        return self.ballots_valid is not None

    @property
    def status_label(self):
        if self.is_released:
            return "Đã công bố"
        if self.is_confirmed:
            return "Đã xác nhận"
        return "Chờ xác nhận"


class Score(models.Model):
    """One member unit's points on one criteria item, in one version."""

    assessment = models.ForeignKey(
        Assessment, verbose_name="kết quả bình xét", on_delete=models.PROTECT, related_name="scores"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        CriteriaItem, verbose_name="tiêu chí", on_delete=models.PROTECT, related_name="scores"
    )
    self_score = models.DecimalField(
        "điểm tự chấm", **POINTS, null=True, blank=True, validators=NON_NEGATIVE
    )
    agreed_score = models.DecimalField(
        "điểm khối thống nhất", **POINTS, null=True, blank=True, validators=NON_NEGATIVE
    )
    comment = models.CharField("nhận xét", max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "điểm bình xét"
        verbose_name_plural = "điểm bình xét"
        ordering = ["assessment", "unit", "item"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "unit", "item"],
                name="score_once_per_unit_item",
                violation_error_message="Đơn vị đã có điểm ở tiêu chí này trong phiên bản này.",
            ),
            models.CheckConstraint(
                condition=(Q(self_score__isnull=True) | Q(self_score__gte=0))
                & (Q(agreed_score__isnull=True) | Q(agreed_score__gte=0)),
                name="score_not_negative",
                violation_error_message="Điểm không được âm.",
            ),
        ]

    def __str__(self):
        return f"{self.unit} – {self.item}"


class BallotCount(models.Model):
    """The tally of one candidate unit on one question of the secret ballot: votes only, never a
    voter. `votes` empty: the bloc agreed on the candidate and the source gives no count."""

    assessment = models.ForeignKey(
        Assessment,
        verbose_name="kết quả bình xét",
        on_delete=models.PROTECT,
        related_name="ballot_counts",
    )
    subject = models.CharField("nội dung bỏ phiếu", max_length=20, choices=BallotSubject.choices)
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị được bầu", on_delete=models.PROTECT, related_name="+"
    )
    votes = models.PositiveSmallIntegerField(
        "số phiếu đồng ý",
        null=True,
        blank=True,
        help_text="Để trống khi nguồn chỉ nêu khối thống nhất đề xuất, không nêu số phiếu.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả kiểm phiếu"
        verbose_name_plural = "kết quả kiểm phiếu"
        ordering = ["assessment", "subject", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "subject", "unit"],
                name="ballot_count_once_per_subject_unit",
                violation_error_message="Đơn vị đã có kết quả kiểm phiếu cho nội dung này.",
            ),
        ]

    def __str__(self):
        return f"{self.unit} – {self.get_subject_display()}"
