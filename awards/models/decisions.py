"""Decisions and the awards they grant or revoke."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from blocs.models import Document, DocumentKind, Honour
from thidua import batch
from thidua.codes import random_code
from thidua.years import date_range_constraints, date_validators
from units.models import Person

from .dossiers import RECIPIENT_XOR, RECIPIENT_XOR_MESSAGE, AwardRecord, Nomination
from .enums import DecisionKind
from .prizes import prize_amount, prize_annotations
from .rules import LegalRegime

# An award without a nomination was entered directly from a decision: only as a historical record
# (marked so, with the source it was taken from). Current awards come from the workflow.
AWARD_OUTSIDE_WORKFLOW_IS_HISTORICAL = Q(nomination__isnull=False) | (
    Q(is_historical=True) & ~Q(source="")
)
AWARD_OUTSIDE_WORKFLOW_MESSAGE = (
    "Khen thưởng không qua hồ sơ đề nghị chỉ được nhập như khen thưởng lịch sử: đánh dấu "
    "«nhập từ quyết định cũ» và ghi nguồn tư liệu."
)

# The public sees what published decisions say: a revocation takes effect for the public only once
# its revoking decision is published. Until then every public path (pages, exports, API, open
# data, statistics and their kept counts, the verification page) shows the award as it was before,
# with no trace of the revoking decision; staff pages show the revocation as it stands. Queries
# read this expression (AwardQuerySet.publicly_revoked, publicly_in_effect); a loaded award reads
# the same field of its revoking decision (Award.public_revocation).
REVOCATION_IS_PUBLIC = Q(revoked_by__is_published=True)


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

    def get_absolute_url(self):
        return reverse("awards:decision", args=[self.pk])

    @property
    def signer_label(self) -> str:
        name = self.signer_name or (str(self.signer) if self.signer_id else "")
        return ", ".join(p for p in [self.signer_title, name] if p)

    # --- «số sổ vàng»: the ledger numbers of the decision's awards ---------------------------------
    # An award's number is the số thứ tự entered from the decision (Award.ordinal); the awards
    # entered without one follow the highest number entered, in the order they were entered. So no
    # two awards of a decision share a number, even when the numbers entered leave gaps (a part
    # of a decision's list typed in: 15, 16, 17) or do not start at 1.

    @cached_property
    def ledger_figures(self) -> dict:
        """{"highest": the highest số thứ tự entered (0 if none), "numbered": how many awards
        have one, "unnumbered": how many have none}: one query, kept on the decision."""
        figures = self.awards.aggregate(
            highest=Max("ordinal"),
            numbered=Count("pk", filter=Q(ordinal__isnull=False)),
            unnumbered=Count("pk", filter=Q(ordinal__isnull=True)),
        )
        return {**figures, "highest": figures["highest"] or 0}

    @property
    def ledger_offset(self) -> int:
        """What turns an unnumbered award's position in the ledger order (the numbered awards
        by number, then the others as entered) into its number."""
        return self.ledger_figures["highest"] - self.ledger_figures["numbered"]

    @property
    def ledger_last(self) -> int:
        """The highest «số sổ vàng» of the decision (0 when it has no award)."""
        return self.ledger_figures["highest"] + self.ledger_figures["unnumbered"]

    def document_refusal(self) -> str | None:
        """Why this decision may not rest on its document, or None. An award is granted and
        revoked by a decision (Luật Thi đua, khen thưởng 2022): the document is of the kind
        «Quyết định», never a Công văn, a Nghị quyết or a Tờ trình. Asked by clean() (the
        admin, the imports, the services' new decisions) and by the services that use a
        decision already recorded (grant, revoke)."""
        if not self.document_id:
            return None
        document = self.document
        if document.kind == DocumentKind.DECISION:
            return None
        return (
            f"«{document}» không phải là quyết định: quyết định khen thưởng và quyết định thu "
            f"hồi khen thưởng phải là văn bản loại «{DocumentKind.DECISION.label}»."
        )

    def clean(self):
        refusal = self.document_refusal()
        if refusal:
            raise ValidationError({"document": refusal}, code="document_kind")


def revoking_prefetch():
    """The revoking decision (rare) of each award, with its document, in its own query."""
    return models.Prefetch("revoked_by", Decision.objects.select_related("document"))


class AwardQuerySet(models.QuerySet):
    def public(self):
        return self.filter(decision__is_published=True)

    def in_effect(self):
        """Not revoked, as recorded (staff pages, rules, quotas)."""
        return self.filter(revoked_by__isnull=True)

    def publicly_in_effect(self):
        """Not revoked as the public sees it: a revocation counts once its decision is published
        (REVOCATION_IS_PUBLIC)."""
        return self.exclude(REVOCATION_IS_PUBLIC)

    def publicly_revoked(self):
        """Revoked by a published decision (REVOCATION_IS_PUBLIC)."""
        return self.filter(REVOCATION_IS_PUBLIC)

    def with_related(self, *, recipient=True, bloc=True, prize=True):
        """With what a list of awards shows. PostgreSQL's planning time grows steeply with the
        tables joined (seven: ~7 ms on every page; six: ~3.5 ms; ten: ~20 ms), so a list leaves
        out what it does not show: `recipient` (one recipient's history knows it), `bloc`,
        `prize`. The revoking decision (rare) comes in its own query, only when the page holds a
        revoked award."""
        joined = ["award_type", "decision__document"]
        joined += ["unit", "person"] if recipient else []
        joined += ["bloc"] if bloc else []
        qs = self.select_related(*joined).prefetch_related(revoking_prefetch())
        if recipient:
            qs = qs.prefetch_related("unit__names")
        return qs.with_prize() if prize else qs

    def with_prize(self):
        return self.annotate(**prize_annotations())


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
    ordinal = models.PositiveIntegerField(
        "số thứ tự (số sổ vàng)",
        null=True,
        blank=True,
        help_text="Số thứ tự của đối tượng trong quyết định, in là «số sổ vàng». Hiển thị công khai.",
    )
    honour = models.ForeignKey(
        Honour,
        verbose_name="tôn vinh tại sự kiện",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        help_text="Dòng tôn vinh, biểu dương tại hội nghị ứng với khen thưởng này (nếu có).",
    )
    prize_rank = models.CharField(
        "hạng, mức (nếu có)", max_length=100, blank=True, help_text="Chi tiết cũ, ví dụ hạng giải."
    )
    is_historical = models.BooleanField(
        "nhập từ quyết định cũ",
        default=False,
        help_text="Khen thưởng lịch sử nhập trực tiếp từ quyết định, không qua hồ sơ đề nghị "
        "(tự đánh dấu với các năm trước chế độ pháp lý hiện hành).",
    )
    source = models.CharField(
        "nguồn tư liệu",
        max_length=500,
        blank=True,
        help_text="Bắt buộc với khen thưởng nhập trực tiếp: nơi lấy thông tin (bản lưu quyết "
        "định, báo cáo tổng kết, bài báo…).",
    )
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
    revoked_at = models.DateTimeField(
        "thu hồi lúc", null=True, blank=True, validators=date_validators
    )
    # The address of the award's public verification page (awards.verification), printed as a
    # QR code on the certificate: random, never a sequential id.
    verification_code = models.CharField(
        "mã xác minh", max_length=16, unique=True, default=random_code, editable=False
    )

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
            models.UniqueConstraint(
                fields=["decision", "ordinal"],
                condition=Q(ordinal__isnull=False),
                name="award_ordinal_once_per_decision",
                violation_error_message="Số thứ tự này đã có trong quyết định.",
            ),
            models.CheckConstraint(
                condition=Q(revoked_by__isnull=True) | ~Q(revocation_reason=""),
                name="award_revocation_has_reason",
                violation_error_message="Thu hồi khen thưởng phải ghi lý do.",
            ),
            *date_range_constraints("award", times=("revoked_at",)),
            models.CheckConstraint(
                condition=AWARD_OUTSIDE_WORKFLOW_IS_HISTORICAL,
                name="award_outside_workflow_is_historical",
                violation_error_message=AWARD_OUTSIDE_WORKFLOW_MESSAGE,
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
            # The decision's public page, in the decision's own order (số thứ tự).
            models.Index(fields=["decision", "ordinal", "id"], name="award_decision_ordinal"),
            # The public list: newest year first, in display order.
            models.Index(F("year").desc(), "type_order", "id", name="award_public_order"),
        ]

    @property
    def prize(self) -> int | None:
        """The prize in đồng (coefficient × base salary on the decision's date, rounded up to
        10.000), or None when either is not on record. Needs AwardQuerySet.with_prize()."""
        coefficient = getattr(
            self, "prize_coefficient_unit" if self.unit_id else "prize_coefficient_person", None
        )
        return prize_amount(coefficient, getattr(self, "base_salary", None))

    @property
    def prize_label(self) -> str:
        amount = self.prize
        return f"{amount:,} đồng".replace(",", ".") if amount is not None else ""

    @property
    def is_revoked(self) -> bool:
        """Revoked, as recorded (staff pages)."""
        return self.revoked_by_id is not None

    @property
    def public_revocation(self) -> Decision | None:
        """The revoking decision as the public sees it (REVOCATION_IS_PUBLIC on a loaded award):
        None until it is published. A public path shows the revocation (the decision, the reason,
        the date) only through this. Reads `revoked_by`: load it with the awards
        (revoking_prefetch, with_related) to spare a query per revoked award."""
        if self.revoked_by_id is None:
            return None
        revoking = self.revoked_by
        return revoking if revoking.is_published else None

    def clean(self):
        self.clean_recipient()
        self.check_honour()
        if not self.nomination_id:
            self.clean_direct_entry()
        if self.revoked_by_id and not self.revocation_reason.strip():
            raise ValidationError({"revocation_reason": "Thu hồi khen thưởng phải ghi lý do."})
        if self.revoked_by_id and self.revoked_by_id == self.decision_id:
            raise ValidationError(
                {"revoked_by": "Quyết định thu hồi phải khác quyết định khen thưởng."}
            )
        self.check_decision_after_year()

    def check_decision_after_year(self):
        """A decision rewards achievements already made: it is not dated before their year."""
        if not self.decision_id or self.year is None:
            return
        issued_on = self.decision.document.issued_on
        if issued_on and issued_on.year < self.year:
            raise ValidationError(
                {
                    "decision": f"Quyết định ban hành ngày {issued_on:%d/%m/%Y}, trước năm "
                    f"thành tích {self.year}: quyết định không thể có trước thành tích."
                }
            )

    def check_honour(self):
        """The honour must name the same recipient as the award."""
        if not self.honour_id:
            return
        honour = self.honour
        if (honour.unit_id, honour.person_id) != (self.unit_id, self.person_id):
            raise ValidationError(
                {
                    "honour": f"Dòng tôn vinh «{honour}» ghi đối tượng khác với đối tượng "
                    "của khen thưởng."
                }
            )

    def clean_direct_entry(self, today=None):
        """An award entered without a nomination is a historical record: of a past year, marked
        historical (automatically before today's legal regime) and with its source."""
        if self.year is None:
            return
        today = today or timezone.localdate()
        if self.year >= today.year:
            raise ValidationError(
                {
                    "year": f"Khen thưởng năm {self.year} chỉ được ghi từ quyết định trên hồ sơ "
                    "đề nghị đã thẩm định (thao tác «Ghi quyết định khen thưởng» ở danh sách hồ "
                    "sơ đề nghị); nhập trực tiếp chỉ dành cho khen thưởng lịch sử của các năm "
                    "trước."
                }
            )
        # Once per import batch (thidua.batch), not a query per row.
        regime = batch.memo(("regime", today), lambda: LegalRegime.objects.current(today))
        before_regime = regime is not None and self.year < regime.valid_from.year
        if not self.is_historical and not before_regime:
            raise ValidationError(
                {
                    "is_historical": f"Năm {self.year} thuộc chế độ pháp lý hiện hành: khen "
                    "thưởng không qua hồ sơ đề nghị chỉ được nhập khi đánh dấu «nhập từ quyết "
                    "định cũ» và ghi nguồn tư liệu."
                }
            )
        if not self.source.strip():
            raise ValidationError(
                {
                    "source": "Khen thưởng nhập trực tiếp (không qua hồ sơ đề nghị) phải ghi "
                    "nguồn tư liệu."
                }
            )
