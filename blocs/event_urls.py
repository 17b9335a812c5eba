from django.urls import path

from . import event_views

urlpatterns = [
    path("su-kien/", event_views.event_list, name="events"),
    path("su-kien/<slug:slug>/", event_views.event_detail, name="event"),
]
