from django.urls import path

from .assessments import views

# Staff pages (login required, never cached).
urlpatterns = [
    path("binh-xet/", views.index, name="assessments"),
    path("binh-xet/phien-ban/<int:pk>/", views.detail, name="assessment"),
    path("binh-xet/phien-ban/<int:pk>/<slug:slug>/", views.action, name="assessment_action"),
    path("binh-xet/<slug:slug>/<int:year>/", views.bloc_year, name="assessment_bloc_year"),
    path("binh-xet/<slug:slug>/<int:year>/nhap/", views.enter, name="assessment_enter"),
]
