from django.urls import path

from . import stats_views, views
from .documents import urls as document_urls

app_name = "awards"
urlpatterns = [
    path("khen-thuong/", views.award_list, name="list"),
    path("khen-thuong/quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path("khen-thuong/xuat.csv", views.export_csv, name="export_csv"),
    path("khen-thuong/xuat.xlsx", views.export_xlsx, name="export_xlsx"),
    path("thong-ke/", stats_views.public_statistics, name="statistics"),
    path(
        "thong-ke/bang/<slug:key>.<str:fmt>",
        stats_views.public_table_download,
        name="statistics_table",
    ),
    # Staff pages live under /khen-thuong/khoi/ and /khen-thuong/tham-dinh/ (never cached).
    path("khen-thuong/khoi/", views.dashboard, name="dashboard"),
    path(
        "khen-thuong/khoi/<slug:bloc_slug>/<int:year>/ho-so-moi/",
        views.nomination_create,
        name="create",
    ),
    path("khen-thuong/khoi/ho-so/<int:pk>/sua/", views.nomination_edit, name="edit"),
    path(
        "khen-thuong/khoi/su-kien/<int:event_pk>/lap-ho-so/",
        views.nominations_from_event,
        name="from_event",
    ),
    path(
        "khen-thuong/khoi/binh-xet/<int:pk>/lap-ho-so/",
        views.nominations_from_assessment,
        name="from_assessment",
    ),
    path(
        "khen-thuong/khoi/ho-so/<int:pk>/<slug:slug>/",
        views.nomination_action,
        {"side": "bloc"},
        name="bloc_action",
    ),
    path("khen-thuong/tham-dinh/", views.queue, name="queue"),
    path("khen-thuong/tham-dinh/ho-so/<int:pk>/", views.detail, name="detail"),
    path(
        "khen-thuong/tham-dinh/ho-so/<int:pk>/<slug:slug>/",
        views.nomination_action,
        {"side": "review"},
        name="review_action",
    ),
    path(
        "khen-thuong/tham-dinh/thong-ke/",
        stats_views.staff_statistics_page,
        name="staff_statistics",
    ),
    path(
        "khen-thuong/tham-dinh/thong-ke/bang/<slug:key>.<str:fmt>",
        stats_views.staff_table_download,
        name="staff_statistics_table",
    ),
    path(
        "khen-thuong/tham-dinh/thong-ke/bao-cao-nam.xlsx",
        stats_views.annual_report_download,
        name="annual_report",
    ),
    *document_urls.urlpatterns,
]
