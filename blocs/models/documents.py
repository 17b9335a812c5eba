"""Legal and administrative documents, cited by number and date."""

from django.db import models
from simple_history.models import HistoricalRecords

from thidua.models import Searchable
from thidua.text import strip_diacritics
from thidua.uploads import FILE_NAME_MAX_LENGTH, UploadTo, validate_document_file
from thidua.years import date_range_constraints, date_validators


class DocumentKind(models.TextChoices):
    LAW = "luat", "Luật"
    DECREE = "nghi_dinh", "Nghị định"
    RESOLUTION = "nghi_quyet", "Nghị quyết"
    DECISION = "quyet_dinh", "Quyết định"
    CIRCULAR = "thong_tu", "Thông tư"
    DIRECTIVE = "chi_thi", "Chỉ thị"
    OFFICIAL_LETTER = "cong_van", "Công văn"
    GUIDANCE = "huong_dan", "Hướng dẫn"
    SUBMISSION = "to_trinh", "Tờ trình"
    MINUTES = "bien_ban", "Biên bản"
    REPORT = "bao_cao", "Báo cáo"
    OTHER = "khac", "Khác"


def document_number_key(number: str) -> str:
    """The number as compared for duplicates: case, spaces and diacritics ignored.

    Computed in Python (not with SQL LOWER) so that SQLite and PostgreSQL agree on "Đ"/"đ".
    """
    return "".join(strip_diacritics(number or "").lower().split())


class Document(Searchable):
    """A legal or administrative document, cited by its number and date."""

    kind = models.CharField("loại văn bản", max_length=20, choices=DocumentKind.choices)
    number = models.CharField(
        "số, ký hiệu", max_length=60, help_text="Ví dụ: 3395/BKHCN-TĐKT hoặc 11/NQ-CP."
    )
    issued_on = models.DateField("ngày ban hành", validators=date_validators)
    number_key = models.CharField(
        "khóa số hiệu", max_length=60, editable=False, default="", db_index=False
    )
    issuer = models.CharField("cơ quan ban hành", max_length=255)
    title = models.CharField("trích yếu", max_length=500, blank=True)
    file = models.FileField(
        "tệp",
        max_length=FILE_NAME_MAX_LENGTH,
        upload_to=UploadTo("documents/%Y/"),
        blank=True,
        validators=[validate_document_file],
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        ordering = ["-issued_on", "number"]
        constraints = [
            *date_range_constraints("document", "issued_on"),
            models.UniqueConstraint(
                fields=["number_key", "issued_on"],
                name="document_number_key_date_unique",
                violation_error_message="Văn bản có cùng số, ký hiệu và ngày ban hành đã được nhập.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} số {self.number} ngày {self.issued_on:%d/%m/%Y}"

    def search_source(self):
        return [self.get_kind_display(), self.number, self.issuer, self.title]

    def save(self, *args, **kwargs):
        self.number_key = document_number_key(self.number)
        super().save(*args, **kwargs)

    def file_is_public(self) -> bool:
        """Public once cited by a published event or a published award decision."""
        if self.events.published().exists():
            return True
        decision = getattr(self, "award_decision", None)  # awards.Decision.document
        return bool(decision and decision.is_published)

    def clean(self):
        self.number = " ".join((self.number or "").split())
        self.number_key = document_number_key(self.number)

    def validate_constraints(self, exclude=None):
        # number_key is not on the form, but follows `number`: check it whenever number is checked.
        if exclude and "number" not in exclude:
            exclude = {name for name in exclude if name != "number_key"}
        super().validate_constraints(exclude)
