"""Abstract pieces shared by the apps' models. Imports no app."""

from django.db import models

from .text import fold, search_terms


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
