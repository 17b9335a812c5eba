"""Abstract pieces shared by the apps' models. Imports no app."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .text import fold, search_terms
from .uploads import FILE_NAME_MAX_LENGTH, UploadTo, UploadValidator
from .years import date_validators, year_validators


class SearchQuerySet(models.QuerySet):
    def search(self, query: str):
        """Records whose folded text holds every folded word of `query` (diacritics ignored)."""
        terms = search_terms(query)
        if not terms:
            return self.none()
        qs = self
        for term in terms:
            qs = qs.filter(search_text__contains=term)
        return qs


class Searchable(models.Model):
    """A model with a folded `search_text` column, kept in step on every save.

    On PostgreSQL the column carries a trigram index (see thidua.db.trigram_index), so a
    substring search stays fast at hundreds of thousands of rows.
    """

    search_text = models.TextField("văn bản tìm kiếm", editable=False, default="")

    objects = SearchQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "search_text" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "search_text"]
        super().save(*args, **kwargs)

    def search_source(self) -> list:
        raise NotImplementedError

    def refresh_search_text(self) -> None:
        self.search_text = fold(*self.search_source())


class NameSpan(models.Model):
    """A name a record bore for a span of years (a unit's or a bloc's former name)."""

    name = models.CharField("tên", max_length=255)
    valid_from = models.PositiveSmallIntegerField(
        "dùng từ năm", null=True, blank=True, validators=year_validators
    )
    valid_until = models.PositiveSmallIntegerField(
        "dùng đến năm", null=True, blank=True, validators=year_validators
    )

    class Meta:
        abstract = True

    def covers(self, year: int) -> bool:
        return (self.valid_from is None or year >= self.valid_from) and (
            self.valid_until is None or year <= self.valid_until
        )


def name_in(current: str, names, year: int | None) -> str:
    """The name of the NameSpan in `names` covering `year`, else `current`."""
    if year is not None:
        for former in names:
            if former.covers(year):
                return former.name
    return current


class DocumentTemplate(models.Model):
    """An administrator's replacement for the shipped Word template of one kind of document
    (thidua.paper.kinds). Refused at upload unless it renders the kind's sample data; deleting
    it brings back the shipped template."""

    kind = models.CharField("loại văn bản", max_length=60, unique=True)
    file = models.FileField(
        "tệp mẫu (.docx)",
        max_length=FILE_NAME_MAX_LENGTH,
        upload_to=UploadTo("document-templates/"),
        validators=[UploadValidator(["docx"])],
        help_text="Tệp Word có các trường trộn {{ … }}; tải mẫu gốc về, sửa, rồi tải lên.",
    )
    note = models.TextField("ghi chú", blank=True)
    uploaded_at = models.DateTimeField("cập nhật lúc", auto_now=True, validators=date_validators)

    history = HistoricalRecords()  # who replaced which template, and the file before

    class Meta:
        verbose_name = "mẫu văn bản Word"
        verbose_name_plural = "mẫu văn bản Word"
        ordering = ["kind"]

    def __str__(self):
        return self.kind_label

    @property
    def kind_label(self) -> str:
        from .paper import kinds

        try:
            return kinds.get(self.kind).label
        except KeyError:
            return self.kind

    def clean(self):
        from .paper import kinds
        from .paper.docx import TemplateProblem, check_template

        try:
            kind = kinds.get(self.kind)
        except KeyError:
            raise ValidationError({"kind": "Loại văn bản không có trong hệ thống."}) from None
        if not self.file:
            return
        upload = self.file.file if hasattr(self.file, "file") else self.file
        upload.seek(0)
        try:
            check_template(upload, kinds.sample_context(kind.key), kind.required)
        except TemplateProblem as problem:
            raise ValidationError({"file": f"Mẫu không dùng được: {problem}"}) from None
        finally:
            upload.seek(0)
