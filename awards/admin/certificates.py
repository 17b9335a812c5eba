"""Admin of the certificate layouts: positions in millimetres, calibrated on a printed sheet."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from thidua.admin import BaseAdmin

from ..certificates import default_fields
from ..models import CertificateField, CertificateLayout


class CertificateFieldInline(admin.TabularInline):
    model = CertificateField
    extra = 0
    fields = [
        "element",
        "is_printed",
        "x_mm",
        "y_mm",
        "font_size",
        "max_width_mm",
        "align",
        "bold",
        "italic",
        "color",
    ]


@admin.register(CertificateLayout)
class CertificateLayoutAdmin(BaseAdmin):
    list_display = ["name", "mode", "is_default", "issuer_title"]
    list_filter = ["mode", "is_default"]
    filter_horizontal = ["award_types"]
    inlines = [CertificateFieldInline]
    readonly_fields = ["how_to_calibrate"]
    fields = [
        "name",
        "mode",
        "is_default",
        "award_types",
        "issuer_title",
        "note",
        "how_to_calibrate",
    ]

    @admin.display(description="cách chỉnh vị trí")
    def how_to_calibrate(self, obj):
        return format_html(
            "Toạ độ tính bằng mm từ góc trên bên trái tờ A4 ngang (297 × 210 mm); y là chân dòng "
            "chữ, với mã QR là góc trên bên trái và «cỡ chữ» là cạnh mã. In thử một bằng từ "
            '<a href="{}">trang Văn bản và bằng khen</a>, đặt lên phôi, đo lệch rồi sửa.',
            reverse("awards:documents"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        layout = form.instance
        # A new layout starts from the built-in positions of every element not yet placed.
        placed = set(layout.fields.values_list("element", flat=True))
        CertificateField.objects.bulk_create(
            [f for f in default_fields(layout) if f.element not in placed]
        )
