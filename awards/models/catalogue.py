"""The award catalogue: titles and forms of commendation."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from thidua.text import identity_key

from .enums import AwardCategory, AwardLevel, RecipientKind

DUPLICATE_NAME = (
    "Tên loại khen thưởng trùng với một loại đã có (không kể bảng mã Unicode, vị trí dấu thanh, "
    "chữ hoa/thường và khoảng trắng)."
)


class AwardType(models.Model):
    """One emulation title or form of commendation (e.g. Cờ thi đua của Bộ KH&CN)."""

    name = models.CharField("tên", max_length=255, unique=True)
    # The name as a reader compares it (thidua.text.identity_key): unique, so two entries of one
    # award differing only in Unicode form, tone placement, case or spacing cannot both exist.
    name_key = models.CharField("khóa so tên", max_length=255, editable=False, default="")
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
        constraints = [
            models.UniqueConstraint(
                fields=["name_key"],
                name="award_type_name_key_unique",
                violation_error_message=DUPLICATE_NAME,
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = identity_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = [*kwargs["update_fields"], "name_key"]
        old_order = (
            AwardType.objects.filter(pk=self.pk).values_list("order", flat=True).first()
            if self.pk
            else None
        )
        super().save(*args, **kwargs)
        if old_order is not None and old_order != self.order:
            # The records copy the order to be read sorted from an index (AwardRecord). A
            # derived copy: the award type's own history records the change, not every record.
            from .decisions import Award  # the records refer back to the catalogue
            from .dossiers import Nomination

            for model in (Nomination, Award):
                model.objects.filter(award_type=self).update(type_order=self.order)

    def clean(self):
        others = AwardType.objects.exclude(pk=self.pk) if self.pk else AwardType.objects.all()
        twin = others.filter(name_key=identity_key(self.name)).first() if self.name else None
        if twin is not None:
            raise ValidationError({"name": f"{DUPLICATE_NAME} Loại đã có: «{twin.name}»."})

    def accepts_unit(self):
        return self.recipient_kind in (RecipientKind.UNIT, RecipientKind.BOTH)

    def accepts_person(self):
        return self.recipient_kind in (RecipientKind.PERSON, RecipientKind.BOTH)
