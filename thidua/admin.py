"""Admin pieces shared by every app: diacritics-blind search and the site's Vietnamese titles."""

from django.contrib import admin

from .text import search_terms

admin.site.site_header = "Hệ thống Thi đua - Khen thưởng Bộ Khoa học và Công nghệ"
admin.site.site_title = "Quản trị Thi đua - Khen thưởng"
admin.site.index_title = "Nhập liệu và quản trị"


class FoldedSearchMixin:
    """Admin search (and autocomplete) that ignores diacritics and folds abbreviations.

    `folded_search_field` names the folded column to search: the model's own `search_text`, or a
    related one such as "unit__search_text".
    """

    folded_search_field = "search_text"
    search_fields = ["search_text"]

    def get_search_results(self, request, queryset, search_term):
        terms = search_terms(search_term)
        if not terms:
            return queryset, False
        for term in terms:
            queryset = queryset.filter(**{f"{self.folded_search_field}__contains": term})
        return queryset, "__" in self.folded_search_field
