"""Admin pieces shared by every app: diacritics-blind search and the site's Vietnamese titles."""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.html import strip_tags

from .text import search_terms

admin.site.site_header = "Hệ thống Thi đua - Khen thưởng Bộ Khoa học và Công nghệ"
admin.site.site_title = "Quản trị Thi đua - Khen thưởng"
admin.site.index_title = "Nhập liệu và quản trị"


class FoldedSearchMixin:
    """Admin search (and autocomplete) that ignores diacritics and folds abbreviations.

    `folded_search_field` names the folded column to search: the model's own `search_text`, a
    related one such as "unit__search_text", or a tuple of them (a term may match any of them,
    e.g. a recipient that is a unit or a person).
    """

    folded_search_field = "search_text"
    search_fields = ["search_text"]

    def get_search_results(self, request, queryset, search_term):
        terms = search_terms(search_term)
        if not terms:
            return queryset, False
        fields = self.folded_search_field
        fields = (fields,) if isinstance(fields, str) else tuple(fields)
        for term in terms:
            match = Q()
            for field in fields:
                match |= Q(**{f"{field}__contains": term})
            queryset = queryset.filter(match)
        return queryset, any("__" in field for field in fields)


class ProtectedDeleteMixin:
    """Explains, in Vietnamese, why deleting a record that other records depend on is refused.

    The models protect their history with on_delete=PROTECT; Django's admin then lists the
    dependent records and does not delete. This adds a clear message naming the rule.
    """

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            names = ", ".join(f"«{obj}»" for obj in list(objs)[:5])
            examples = "; ".join(strip_tags(str(item)) for item in protected[:3])
            more = f"; và {len(protected) - 3} hồ sơ khác" if len(protected) > 3 else ""
            messages.error(
                request,
                f"Không thể xóa {names}: còn {len(protected)} hồ sơ khác đang tham chiếu "
                f"({examples}{more}). Hồ sơ lịch sử được bảo vệ; hãy xóa hoặc chuyển các hồ sơ "
                "phụ thuộc trước, hoặc ghi năm kết thúc hoạt động thay vì xóa.",
            )
        return deleted, model_count, perms_needed, protected
