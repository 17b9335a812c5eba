"""Deletes through the admin never lose history.

Three layers, all shown as a Vietnamese message naming the reason, nothing deleted:
- records that history depends on (a dossier, its log, an award) set `delete_refusal_message`
  (or answer `delete_refusal(request, obj)` for some rows only, e.g. a published event): no
  delete button, no bulk action, and the delete page refuses with the reason and the alternative;
- rows other records refer to are protected by on_delete=PROTECT in the models; the delete page
  lists the dependent rows with the reason;
- a delete that would cascade to rows that keep no history of their own (many-to-many links, the
  admin's log) is refused: nothing deleted here is beyond restoring from its history.
"""

import html

from django.contrib import messages
from django.contrib.admin.utils import NestedObjects, quote, unquote
from django.db import router
from django.shortcuts import redirect
from django.utils.html import strip_tags

# What to do instead of deleting, for models that have no end-of-activity field to record
# (see `DeleteGuardMixin.get_delete_advice`).
DELETE_ADVICE = {
    "units.person": (
        "Nếu đây là cá nhân nhập trùng, hãy chuyển các hồ sơ đó sang cá nhân còn giữ rồi mới xóa; "
        "hồ sơ của người đã nghỉ hưu hoặc chuyển công tác được giữ nguyên."
    ),
}
# Fields that mark the end of a record's activity: recording one is the alternative to a delete.
END_FIELDS = ["active_until", "last_year", "valid_until"]


def keeps_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


class DeleteGuardMixin:
    """Mixed into BaseAdmin."""

    # Set on models whose rows are never deleted: why, and what to do instead.
    delete_refusal_message = None
    # What to do instead of a delete the dependent records prevent; None: found from the model.
    delete_advice = None

    def get_delete_advice(self) -> str:
        """One sentence for this model: the alternative to deleting a row others depend on."""
        if self.delete_advice is not None:
            return self.delete_advice
        opts = self.model._meta
        if opts.label_lower in DELETE_ADVICE:
            return DELETE_ADVICE[opts.label_lower]
        names = {field.name: field for field in opts.concrete_fields}
        for name in END_FIELDS:
            if name in names:
                return (
                    f"Nếu {opts.verbose_name} đã thôi hoạt động, hãy ghi "
                    f"«{names[name].verbose_name}» thay vì xóa."
                )
        if "is_active" in names:
            return (
                f"Nếu không dùng nữa, hãy bỏ chọn «{names['is_active'].verbose_name}» thay vì xóa."
            )
        return ""

    def delete_refusal(self, request, obj):
        """Why `obj` may not be deleted, or None."""
        return self.delete_refusal_message

    def has_delete_permission(self, request, obj=None):
        if self.delete_refusal_message is not None:
            return False
        if obj is not None and self.delete_refusal(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        reason = obj is not None and self.delete_refusal(request, obj)
        if reason and self.has_view_or_change_permission(request, obj):
            messages.error(request, f"Không thể xóa «{obj}»: {reason}")
            opts = self.model._meta
            return redirect(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                quote(obj.pk),
            )
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        """Adds to Django's "protected" list (which blocks the delete) the rows refused here,
        and says why in a message."""
        objs = list(objs)
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        refused = [(obj, r) for obj in objs if (r := self.delete_refusal(request, obj))]
        unrecorded = self._unrecorded_cascade(objs)
        names = ", ".join(f"«{obj}»" for obj in objs[:5])
        advice = self.get_delete_advice()
        if refused:
            messages.error(
                request, "Không thể xóa: " + "; ".join(f"«{o}»: {r}" for o, r in refused[:5])
            )
            protected = [*(f"{o}: {r}" for o, r in refused), *protected]
        elif unrecorded:
            labels = ", ".join(f"{count} {name}" for name, count in unrecorded)
            messages.error(
                request,
                f"Không thể xóa {names}: việc xóa sẽ xóa theo {labels} không được lưu lịch sử "
                f"nên không khôi phục được. Hãy gỡ các liên kết đó trước. {advice}".rstrip(),
            )
            protected = [*(f"{name}: {count}" for name, count in unrecorded), *protected]
        elif protected:
            examples = "; ".join(_plain_text(item) for item in protected[:3])
            more = f"; và {len(protected) - 3} hồ sơ khác" if len(protected) > 3 else ""
            messages.error(
                request,
                f"Không thể xóa {names}: còn {len(protected)} hồ sơ khác đang tham chiếu "
                f"({examples}{more}). Hồ sơ lịch sử được bảo vệ; hãy xóa hoặc chuyển các hồ sơ "
                f"phụ thuộc trước. {advice}".rstrip(),
            )
        if protected:
            # The delete is refused for the rows listed: the page says so (Django's page would
            # otherwise show first the types of the rows it would take along, as a lack of
            # permission, even to a superuser).
            perms_needed = set()
        return deleted, model_count, perms_needed, protected

    def _unrecorded_cascade(self, objs):
        """[(verbose name, count)] of the rows without history that deleting `objs` removes."""
        if not objs:
            return []
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        found = []
        for model, rows in collector.model_objs.items():
            if model is not self.model and not keeps_history(model) and rows:
                found.append((str(model._meta.verbose_name_plural), len(rows)))
        return found


def _plain_text(item) -> str:
    """A row of Django's "protected" list as plain text for a message (which is escaped when
    shown): a link built by the admin is HTML, whose entities (KH&amp;CN) are decoded here."""
    text = str(item)
    if hasattr(item, "__html__"):
        return html.unescape(strip_tags(text))
    return text
