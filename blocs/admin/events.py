"""Admin of documents, movements, pledges and events: one event on one screen."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from thidua.admin import (
    BaseAdmin,
    FoldedSearchMixin,
    JoinedInlineMixin,
)
from thidua.admin_filters import year_filter
from thidua.admin_forms import AdminModelForm, KeepContextOnAddAnotherMixin
from thidua.form_fields import WholeNumberField
from thidua.integrity import IntegrityErrorAdminMixin

from ..models import (
    Attendance,
    Commitment,
    Document,
    Election,
    Event,
    EventAttachment,
    EventDocument,
    EventMovement,
    Figure,
    Honour,
    Movement,
    Pledge,
    Report,
    Section,
    Speech,
    check_elections,
)
from ..models.event_parts import figure_parent_error
from ..services import apply_elections


@admin.register(Document)
class DocumentAdmin(KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin):
    add_another_context = ["kind", "issuer", "issued_on"]
    list_display = ["number", "kind", "issued_on", "issuer", "title"]
    list_filter = ["kind", year_filter("issued_on", "năm ban hành")]


@admin.register(Movement)
class MovementAdmin(FoldedSearchMixin, BaseAdmin):
    list_display = ["name", "kind", "launcher", "years_label"]
    list_filter = ["kind"]
    list_select_related = ["launched_by"]
    autocomplete_fields = ["launched_by", "basis"]

    @admin.display(description="cơ quan phát động")
    def launcher(self, obj):
        return obj.launcher

    @admin.display(description="thời gian")
    def years_label(self, obj):
        return obj.years_label


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 1
    fields = ["order", "text"]
    # A commitment is a sentence or two: a short textarea keeps the table readable.
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}


@admin.register(Pledge)
class PledgeAdmin(KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin):
    add_another_context = ["bloc", "year", "event"]
    folded_search_field = "bloc__search_text"
    list_display = ["bloc", "year", "signed_on", "event", "signatory_count"]
    list_filter = ["year", "bloc"]
    list_select_related = ["bloc", "event"]
    autocomplete_fields = ["bloc", "event", "signatories"]
    inlines = [CommitmentInline]


class EventRowForm(AdminModelForm):
    """A row of an event's inline. A model rule may name a field this row does not show: one
    left out (AdminModelForm), or the hidden link to the event — whose error Django keeps on the
    hidden input, so the page said only «Vui lòng sửa các lỗi…». Both are shown on the row."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            hidden = {
                name for name in errors.error_dict if name in self.fields and self[name].is_hidden
            }
            if hidden:
                kept = {k: v for k, v in errors.error_dict.items() if k not in hidden}
                moved = []
                for name in hidden:
                    label = (
                        self.fields[name].label
                        or self._meta.model._meta.get_field(name).verbose_name
                    )
                    moved += [
                        ValidationError(f"«{label}»: {message}")
                        for message in ValidationError(errors.error_dict[name]).messages
                    ]
                kept[NON_FIELD_ERRORS] = [*kept.get(NON_FIELD_ERRORS, []), *moved]
                errors = ValidationError(kept)
        super()._update_errors(errors)


class EventInline(JoinedInlineMixin):
    extra = 0
    form = EventRowForm


class EventDocumentInline(EventInline, admin.TabularInline):
    model = EventDocument
    fields = ["document"]
    autocomplete_fields = ["document"]
    verbose_name = "văn bản căn cứ"
    verbose_name_plural = "căn cứ tổ chức (công văn, kế hoạch…)"


class AttendanceInline(EventInline, admin.TabularInline):
    model = Attendance
    fields = ["order", "kind", "person", "title", "unit", "group_description", "unit_count"]
    autocomplete_fields = ["person", "unit"]


class ReportInline(EventInline, admin.TabularInline):
    model = Report
    fields = ["order", "title", "behalf", "unit", "presenter", "presenter_title", "behalf_role"]
    autocomplete_fields = ["presenter", "unit"]


class HonourInline(EventInline, admin.TabularInline):
    model = Honour
    fields = ["order", "kind", "unit", "person", "person_title", "award_text", "note"]
    autocomplete_fields = ["unit", "person"]


class SpeechInline(EventInline, admin.StackedInline):
    model = Speech
    fields = [("order", "kind"), ("speaker", "speaker_title"), "points"]
    autocomplete_fields = ["speaker"]


class SectionInline(EventInline, admin.StackedInline):
    model = Section
    fields = [("order", "kind"), ("heading", "addressee"), "text"]


class FigureRowForm(EventRowForm):
    """A figure's row. A sub-figure names its total by the total's «thứ tự» in the same table,
    a row saved before or one typed in the same submission (FigureFormSet resolves the numbers):
    a total and its sub-figures are entered on one screen and saved at once, without a list of
    saved figures to choose from. A saved sub-figure's row shows its total's number."""

    PARENT_HELP = (
        "Chỉ với số liệu chi tiết: ghi «thứ tự» của số liệu tổng mà nó thuộc về, ví dụ dòng "
        "«1 Nghị định» ghi 1 khi dòng «8 văn bản cấp Chính phủ» có thứ tự 1. Số liệu tổng có "
        "thể là dòng đã lưu hoặc dòng đang nhập: nhập số liệu tổng cùng các số liệu chi tiết "
        "rồi lưu một lần. Để trống ở số liệu tổng. Trang sự kiện hiển thị hai cấp: số liệu "
        "tổng và các số liệu chi tiết của nó."
    )

    parent_order = WholeNumberField(
        label="thuộc số liệu thứ tự",
        required=False,
        min_value=0,
        help_text=PARENT_HELP,
        widget=forms.TextInput(attrs={"class": "vIntegerField"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The parent is read with the row (JoinedInlineMixin): no query of its own.
        if self.instance.parent_id:
            self.initial.setdefault("parent_order", self.instance.parent.order)


class FigureFormSet(BaseInlineFormSet):
    """The figures of one event, their parents judged as a whole: a sub-figure names its total
    by the total's «thứ tự» among the rows kept (saved rows not marked for deletion, new rows
    filled in), resolved as submitted, so that a total typed in the same submission can be
    named, and then by the two-level rule of the model (figure_parent_error). A saved row
    whose number is left as it was keeps its total, even if the total's «thứ tự» was changed
    on the same screen. save() writes the totals before their sub-figures."""

    PARENT_LABEL = FigureRowForm.base_fields["parent_order"].label

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Row by row, the model would judge the parent as saved, not as submitted.
        form.instance.parent_checked_by_formset = True
        return form

    def _is_deleted(self, form):
        return self.can_delete and self._should_delete_form(form)

    def _kept_forms(self):
        return [
            form
            for form in self.forms
            if not self._is_deleted(form) and (form in self.initial_forms or form.has_changed())
        ]

    def _error(self, number, text):
        return f"«{self.PARENT_LABEL}» {number}: {text}"

    def _resolve(self, form, number, kept_by_order, kept_by_pk):
        """The kept row `number` names for `form`, or the message saying why there is none."""
        saved = form.instance.parent_id
        if saved in kept_by_pk and "parent_order" not in form.changed_data:
            return kept_by_pk[saved], None
        found = kept_by_order.get(number, [])
        if len(found) == 1:
            return found[0], None
        if found:
            labels = ", ".join(f"«{row.instance}»" for row in found)
            return None, self._error(
                number,
                f"Có {len(found)} số liệu cùng mang thứ tự {number} ({labels}) nên không rõ "
                "số liệu này thuộc số liệu nào. Hãy đánh cho mỗi số liệu một thứ tự riêng.",
            )
        deleted = [
            row
            for row in self.initial_forms
            if self._is_deleted(row) and row.cleaned_data.get("order") == number
        ]
        if deleted:
            return None, self._error(
                number,
                f"Số liệu thứ tự {number} («{deleted[0].instance}») đang được đánh dấu xóa. Hãy "
                "xóa cả số liệu chi tiết này, ghi thứ tự của một số liệu tổng khác, hoặc để "
                "trống nếu nó là số liệu tổng.",
            )
        return None, self._error(
            number,
            f"Không có số liệu nào của sự kiện mang thứ tự {number}. Hãy ghi thứ tự của một "
            "số liệu tổng trong bảng này, hoặc để trống nếu đây là số liệu tổng.",
        )

    def clean(self):
        super().clean()
        self._parents = {}
        kept = self._kept_forms()
        if any(not {"order", "parent_order"} <= set(form.cleaned_data) for form in kept):
            return  # a row whose numbers cannot be read says so already
        kept_by_order, kept_by_pk = {}, {}
        for form in kept:
            kept_by_order.setdefault(form.cleaned_data["order"], []).append(form)
            if form.instance.pk is not None:
                kept_by_pk[form.instance.pk] = form
        parents, numbers = {}, {}
        for form in kept:
            number = form.cleaned_data["parent_order"]
            if number is None:
                parents[form] = None
                continue
            parent, error = self._resolve(form, number, kept_by_order, kept_by_pk)
            if error:
                form.add_error("parent_order", error)
            else:
                parents[form], numbers[form] = parent, number
        children = {}
        for form, parent in parents.items():
            if parent is not None and parent is not form:
                children.setdefault(parent, []).append(form)
        for form, parent in parents.items():
            if parent is None:
                continue
            grandparent = parents.get(parent)
            error = figure_parent_error(
                form.instance,
                parent.instance,
                grandparent=grandparent.instance
                if grandparent is not None and grandparent is not parent
                else None,
                has_children=lambda form=form: form in children,
            )
            if error:
                form.add_error("parent_order", self._error(numbers[form], error))
        if any(form.errors for form in kept):
            return
        self._moved = set()
        for form, parent in parents.items():
            new_parent = parent.instance if parent is not None else None
            # A saved row put under another total without its own number changing (its total
            # deleted and the number given to another row): saved although its fields are not.
            new_pk = new_parent.pk if new_parent is not None else None
            if new_pk != form.instance.parent_id or (new_parent is not None and new_pk is None):
                self._moved.add(form)
            form.instance.parent = new_parent
        self._parents = parents

    def save(self, commit=True):
        """Totals first, then the sub-figures (a new total has its id before a sub-figure names
        it), then the rows marked for deletion, sub-figures first: no row kept is left under a
        deleted one (clean), so the database's cascade takes nothing along. The admin runs it
        in the page's transaction."""
        if not commit:
            return super().save(commit)
        self.changed_objects, self.deleted_objects, self.new_objects = [], [], []
        saved = []
        parents, moved = getattr(self, "_parents", {}), getattr(self, "_moved", set())
        for form in sorted(self._kept_forms(), key=lambda form: parents.get(form) is not None):
            if form in self.initial_forms:
                if form.instance.pk is None or not (form.has_changed() or form in moved):
                    continue
                changed = form.changed_data
                if form in moved and "parent_order" not in changed:
                    changed = [*changed, "parent_order"]
                self.changed_objects.append((form.instance, changed))
                saved.append(self.save_existing(form, form.instance))
            else:
                self.new_objects.append(self.save_new(form))
                saved.append(self.new_objects[-1])
        deleted = [f for f in self.initial_forms if f.instance.pk and self._is_deleted(f)]
        for form in sorted(deleted, key=lambda form: form.instance.parent_id is None):
            self.deleted_objects.append(form.instance)
            self.delete_existing(form.instance)
        return saved


class FigureInline(EventInline, admin.TabularInline):
    model = Figure
    form = FigureRowForm
    formset = FigureFormSet
    fk_name = "event"
    fields = ["order", "parent_order", "value", "unit_label", "label", "note"]

    @admin.display(description=FigureFormSet.PARENT_LABEL)
    def parent_order(self, obj):
        """The column as shown read-only (to whoever may only view the event)."""
        return obj.parent.order if obj.parent_id else None


class EventMovementInline(EventInline, admin.TabularInline):
    model = EventMovement
    fields = ["order", "movement", "status", "note"]
    autocomplete_fields = ["movement"]


class ElectionFormSet(BaseInlineFormSet):
    """The elections of one event, checked as a whole against the bloc's other events and roster
    (blocs.models.check_elections): row by row against the saved rows would refuse a swap of
    leader and deputy typed on one screen, and would miss two new rows naming one unit."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.checked_by_formset = True
        return form

    def clean(self):
        super().clean()
        event = self.instance
        if not event.bloc_id or any(form.errors for form in self.forms):
            return  # the event's form, or a row, already says what to correct
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("unit"):
                continue
            rows.append((data["year"], data["role"], data["unit"]))
        others = Election.objects.filter(bloc=event.bloc_id)
        if event.pk:
            others = others.exclude(event=event.pk)
        try:
            check_elections(event.bloc, rows, others)
        except ValidationError as error:
            raise ValidationError(error.messages) from error

    def save_existing_objects(self, commit=True):
        """The database checks one leader, one deputy and one role per unit row by row, so a
        change that is valid as a whole (clean() above) could trip it half-way: a row taking
        the role of a deleted row saved after it, or a swap of leader and deputy. Deleted rows
        go first; when several rows change, they are removed and written again under their
        ids, their history recording both."""
        if not commit:
            return super().save_existing_objects(commit)
        # Fresh copies are deleted: the forms' instances keep their ids, for the admin's
        # change message (deleted rows) and for writing the moved rows again.
        self._deleted_first = {
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk and self._should_delete_form(form)
        }
        moved = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk
            and form.instance.pk not in self._deleted_first
            and {"year", "role", "unit"} & set(form.changed_data)
        ]
        gone = self._deleted_first | (set(moved) if len(moved) > 1 else set())
        for election in Election.objects.filter(pk__in=gone):
            election.delete()
        return super().save_existing_objects(commit)

    def delete_existing(self, obj, commit=True):
        if obj.pk not in getattr(self, "_deleted_first", ()):
            super().delete_existing(obj, commit=commit)


class ElectionInline(EventInline, admin.TabularInline):
    model = Election
    formset = ElectionFormSet
    fields = ["order", "year", "role", "unit"]
    autocomplete_fields = ["unit"]


class PledgeInline(EventInline, admin.StackedInline):
    model = Pledge
    fk_name = "event"
    fields = [("year", "signed_on", "signatory_count"), "signatories", "note", "commitments_link"]
    readonly_fields = ["commitments_link"]
    autocomplete_fields = ["signatories"]
    show_change_link = True
    verbose_name_plural = "giao ước thi đua ký tại sự kiện"

    @admin.display(description="nội dung cam kết")
    def commitments_link(self, obj):
        if not obj or not obj.pk:
            return "Lưu sự kiện trước, rồi mở giao ước để nhập từng cam kết."
        url = reverse("admin:blocs_pledge_change", args=[obj.pk])
        return format_html('<a href="{}">Nhập, sửa các cam kết của giao ước</a>', url)


class AttachmentInline(EventInline, admin.TabularInline):
    model = EventAttachment
    fields = ["order", "is_photo", "caption", "file"]


@admin.register(Honour)
class HonourAdmin(FoldedSearchMixin, BaseAdmin):
    """The honours are entered on their event's screen; this list lets an award find its
    honour (search by the unit, the person or the event)."""

    folded_search_field = ("unit__search_text", "person__search_text", "event__search_text")
    list_display = ["__str__", "kind", "award_text", "event"]
    list_filter = ["kind"]
    list_select_related = ["unit", "person", "event"]
    autocomplete_fields = ["event", "unit", "person"]
    ordering = ["-pk"]


@admin.register(Event)
class EventAdmin(
    IntegrityErrorAdminMixin, KeepContextOnAddAnotherMixin, FoldedSearchMixin, BaseAdmin
):
    add_another_context = ["bloc", "kind", "period_start", "period_end"]
    list_display = ["title", "bloc", "kind", "held_on", "is_published", "view_count"]
    list_filter = [
        "kind",
        "is_published",
        "bloc",
        year_filter("period_start", "kỳ thi đua từ năm"),
        year_filter("held_on", "năm tổ chức"),
    ]
    list_select_related = ["bloc"]
    autocomplete_fields = ["bloc", "chair"]
    # No date_hierarchy on held_on: its two extra queries (bounds, distinct years) duplicate the
    # year filter (period_start) and the sortable "held_on" column.
    readonly_fields = ["view_count"]
    fieldsets = [
        (
            None,
            {
                "fields": ["bloc", "kind", "title", "summary_title", "theme"],
                "description": "Mọi nội dung của sự kiện (kể cả các mục bên dưới) hiển thị công "
                "khai khi sự kiện được đánh dấu «công khai». Đường dẫn được tạo tự động.",
            },
        ),
        (
            "Thời gian, địa điểm",
            {
                "fields": [
                    ("period_start", "period_end"),
                    ("held_on", "time_of_day"),
                    "place",
                    "member_count",
                ]
            },
        ),
        ("Chủ trì", {"fields": [("chair", "chair_title")]}),
        (
            "Công khai",
            {
                "fields": [("is_published", "published_at"), "source", "view_count"],
                "description": "«Thời điểm đăng» hiển thị trên trang là thời điểm đăng tin, "
                "khác với ngày tổ chức.",
            },
        ),
    ]
    inlines = [
        EventDocumentInline,
        AttendanceInline,
        ReportInline,
        HonourInline,
        SpeechInline,
        SectionInline,
        FigureInline,
        EventMovementInline,
        ElectionInline,
        PledgeInline,
        AttachmentInline,
    ]
    actions = ["apply_election_results"]

    def delete_refusal(self, request, obj):
        if obj.is_published:
            return (
                "sự kiện đã công khai là hồ sơ lịch sử của khối; hãy bỏ chọn «công khai» để "
                "ẩn sự kiện thay vì xóa."
            )
        return None

    @admin.action(description="Áp dụng kết quả bầu", permissions=["change"])
    def apply_election_results(self, request, queryset):
        for event in queryset.select_related("bloc"):
            try:
                outcome = apply_elections(event, request.user)
            except (ValidationError, PermissionDenied) as error:
                text = " ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"«{event}»: {text}", messages.ERROR)
                continue
            self.message_user(
                request, f"«{event}»: đã áp dụng kết quả bầu. {outcome.summary()}", messages.SUCCESS
            )
