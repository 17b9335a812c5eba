from django.urls import path

from . import documents, event_views

urlpatterns = [
    path("su-kien/", event_views.event_list, name="events"),
    path("su-kien/<slug:slug>/", event_views.event_detail, name="event"),
    path("su-kien/<slug:slug>/luot-xem/", event_views.count_view, name="event_view_count"),
    path("su-kien/<slug:slug>/bien-ban.docx", documents.event_minutes, name="event_minutes"),
]
