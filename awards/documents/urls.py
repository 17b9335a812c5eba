"""Addresses of the award documents (staff, under /khen-thuong/…) and of the public verification
page (/xac-minh/<mã>/), included in awards.urls."""

from django.urls import path

from .. import verification
from . import views

urlpatterns = [
    path("xac-minh/", verification.lookup, name="verify_lookup"),
    path("xac-minh/<str:code>/", verification.verify, name="verify"),
    path("khen-thuong/tham-dinh/van-ban/", views.documents, name="documents"),
    path(
        "khen-thuong/tham-dinh/to-trinh.docx",
        views.review_submission,
        name="review_submission",
    ),
    path(
        "khen-thuong/tham-dinh/hoi-dong/<str:held_on>/bien-ban.docx",
        views.council_minutes,
        name="council_minutes",
    ),
    path(
        "khen-thuong/tham-dinh/quyet-dinh/<int:pk>/danh-sach.docx",
        views.decision_annex,
        name="decision_annex",
    ),
    path(
        "khen-thuong/tham-dinh/quyet-dinh/<int:pk>/bang-khen.pdf",
        views.decision_certificates,
        name="decision_certificates",
    ),
    path(
        "khen-thuong/tham-dinh/khen-thuong/<int:pk>/bang-khen.pdf",
        views.award_certificate,
        name="award_certificate",
    ),
    path(
        "khen-thuong/tham-dinh/ho-so/<int:pk>/bao-cao-thanh-tich.docx",
        views.achievement_report,
        name="achievement_report",
    ),
    path(
        "khen-thuong/khoi/<slug:bloc_slug>/<int:year>/to-trinh.docx",
        views.bloc_submission,
        name="bloc_submission",
    ),
]
