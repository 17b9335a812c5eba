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

from django.contrib import messages
from django.contrib.admin.utils import NestedObjects, quote, unquote
from django.db import router
from django.shortcuts import redirect
from django.utils.html import strip_tags


def keeps_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


class DeleteGuardMixin:
    """Mixed into BaseAdmin."""

    # Set on models whose rows are never deleted: why, and what to do instead.
    delete_refusal_message = None

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
                "nên không khôi phục được. Hãy gỡ các liên kết đó trước, hoặc ghi năm kết thúc "
                "hoạt động (khóa tài khoản) thay vì xóa.",
            )
            protected = [*(f"{name}: {count}" for name, count in unrecorded), *protected]
        elif protected:
            examples = "; ".join(strip_tags(str(item)) for item in protected[:3])
            more = f"; và {len(protected) - 3} hồ sơ khác" if len(protected) > 3 else ""
            messages.error(
                request,
                f"Không thể xóa {names}: còn {len(protected)} hồ sơ khác đang tham chiếu "
                f"({examples}{more}). Hồ sơ lịch sử được bảo vệ; hãy xóa hoặc chuyển các hồ sơ "
                "phụ thuộc trước, hoặc ghi năm kết thúc hoạt động thay vì xóa.",
            )
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
