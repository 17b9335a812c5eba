"""Admin for documents and events (imported by blocs.admin)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from thidua.admin import FoldedSearchMixin

from .models import Document, Event


@admin.register(Document)
class DocumentAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["number", "kind", "issued_on", "issuer", "title"]
    list_filter = ["kind", "issued_on"]
    date_hierarchy = "issued_on"


@admin.register(Event)
class EventAdmin(FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["title", "bloc", "kind", "held_on", "is_published", "view_count"]
    list_filter = ["kind", "is_published", "bloc", "period_start"]
    list_select_related = ["bloc"]
    autocomplete_fields = ["bloc", "documents"]
    date_hierarchy = "held_on"
    readonly_fields = ["view_count"]
