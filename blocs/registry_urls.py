from django.urls import path

from . import views

urlpatterns = [
    path("nam/<int:year>/", views.year, name="year"),
    path("khoi/", views.bloc_list, name="bloc_list"),
    path("khoi/<slug:slug>/", views.bloc_detail, name="bloc"),
]
