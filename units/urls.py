from django.urls import path

from . import views

app_name = "units"
urlpatterns = [
    path("don-vi/", views.unit_list, name="list"),
    path("don-vi/<slug:slug>/", views.unit_detail, name="detail"),
    path("ca-nhan/", views.person_list, name="people"),
    path("ca-nhan/<slug:slug>/", views.person_detail, name="person"),
]
