"""Certificate layouts: where each element of a certificate is printed, in millimetres, as data
an administrator calibrates in the admin (like pretix's ticket layouts)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from .catalogue import AwardType


class CertificateMode(models.TextChoices):
    DESIGN = "design", "Thiết kế đầy đủ (in trên giấy trắng)"
    BLANK_FORM = "blank_form", "In trên phôi (chỉ in phần thay đổi)"


class CertificateElement(models.TextChoices):
    """What a certificate holds. The variable ones are printed in both modes; the fixed ones
    only in the full design (a pre-printed form carries them)."""

    NATIONAL_TITLE = "national_title", "Quốc hiệu"
    MOTTO = "motto", "Tiêu ngữ"
    ISSUER_TITLE = "issuer_title", "Chức danh người tặng"
    GIVES = "gives", "Chữ «TẶNG»"
    RECIPIENT = "recipient", "Tên tập thể, cá nhân"
    RECIPIENT_DETAIL = "recipient_detail", "Chức vụ, đơn vị của cá nhân"
    AWARD = "award", "Tên danh hiệu, hình thức khen thưởng"
    ACHIEVEMENT = "achievement", "Dòng thành tích"
    PLACE_DATE = "place_date", "Địa danh, ngày tháng"
    SIGNER_TITLE = "signer_title", "Chức vụ người ký"
    SIGNER_NAME = "signer_name", "Họ tên người ký"
    DECISION_LINE = "decision_line", "Số quyết định, ngày"
    LEDGER_LINE = "ledger_line", "Số sổ vàng"
    QR = "qr", "Mã QR trang xác minh"
    VERIFY_LINE = "verify_line", "Địa chỉ trang xác minh"

    @classmethod
    def fixed(cls):
        return {cls.NATIONAL_TITLE, cls.MOTTO, cls.ISSUER_TITLE, cls.GIVES, cls.SIGNER_TITLE}


class Align(models.TextChoices):
    LEFT = "left", "Trái (x là điểm đầu dòng)"
    CENTER = "center", "Giữa (x là tâm dòng)"
    RIGHT = "right", "Phải (x là điểm cuối dòng)"


class CertificateLayout(models.Model):
    """A certificate template: a mode and the positions of its elements."""

    name = models.CharField("tên mẫu", max_length=150)
    mode = models.CharField(
        "cách in", max_length=20, choices=CertificateMode.choices, default=CertificateMode.DESIGN
    )
    award_types = models.ManyToManyField(
        AwardType,
        verbose_name="dùng cho loại khen thưởng",
        blank=True,
        related_name="certificate_layouts",
        help_text="Để trống nếu là mẫu mặc định của cách in này.",
    )
    is_default = models.BooleanField(
        "mẫu mặc định",
        default=False,
        help_text="Dùng cho các loại khen thưởng chưa có mẫu riêng (mỗi cách in một mẫu mặc định).",
    )
    issuer_title = models.CharField(
        "chức danh người tặng",
        max_length=200,
        blank=True,
        help_text="Ví dụ: BỘ TRƯỞNG BỘ KHOA HỌC VÀ CÔNG NGHỆ. Để trống: thẩm quyền quyết định của "
        "loại khen thưởng.",
    )
    note = models.TextField("ghi chú", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "mẫu in bằng khen, giấy khen"
        verbose_name_plural = "mẫu in bằng khen, giấy khen"
        ordering = ["mode", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["mode"],
                condition=Q(is_default=True),
                name="certificate_layout_one_default_per_mode",
                violation_error_message="Mỗi cách in chỉ có một mẫu mặc định.",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_mode_display()})"


class CertificateField(models.Model):
    """Where one element is printed: x, y in millimetres from the sheet's top-left corner (y is
    the text's baseline; for the QR code, its top-left corner)."""

    layout = models.ForeignKey(
        CertificateLayout, verbose_name="mẫu", on_delete=models.CASCADE, related_name="fields"
    )
    element = models.CharField("thành phần", max_length=30, choices=CertificateElement.choices)
    x_mm = models.DecimalField(
        "x (mm)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(297)],
    )
    y_mm = models.DecimalField(
        "y (mm)",
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(297)],
    )
    font_size = models.DecimalField(
        "cỡ chữ (pt) / cạnh mã QR (mm)",
        max_digits=4,
        decimal_places=1,
        default=14,
        validators=[MinValueValidator(6), MaxValueValidator(80)],
    )
    max_width_mm = models.DecimalField(
        "rộng tối đa (mm)",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Dòng dài hơn được thu nhỏ chữ cho vừa.",
    )
    align = models.CharField("căn lề", max_length=10, choices=Align.choices, default=Align.CENTER)
    bold = models.BooleanField("đậm", default=False)
    italic = models.BooleanField("nghiêng", default=False)
    color = models.CharField(
        "màu",
        max_length=7,
        default="#000000",
        help_text="Mã màu dạng #RRGGBB, ví dụ #C00000 (đỏ).",
    )
    is_printed = models.BooleanField("có in", default=True)

    class Meta:
        verbose_name = "vị trí thành phần"
        verbose_name_plural = "vị trí các thành phần"
        ordering = ["layout", "y_mm", "x_mm"]
        constraints = [
            models.UniqueConstraint(
                fields=["layout", "element"],
                name="certificate_field_once_per_layout",
                violation_error_message="Mỗi thành phần chỉ đặt một vị trí trong một mẫu.",
            ),
            models.CheckConstraint(
                condition=Q(color__regex=r"^#[0-9A-Fa-f]{6}$"),
                name="certificate_field_color_hex",
                violation_error_message="Màu phải có dạng #RRGGBB, ví dụ #C00000.",
            ),
        ]

    def __str__(self):
        return f"{self.get_element_display()} ({self.x_mm}; {self.y_mm} mm)"

    def clean(self):
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", self.color or ""):
            raise ValidationError({"color": "Màu phải có dạng #RRGGBB, ví dụ #C00000 (đỏ)."})
