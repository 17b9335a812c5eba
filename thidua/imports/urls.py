from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("nhap-excel/", views.hub, name="hub"),
    path("nhap-excel/<slug:kind>/", views.upload, name="upload"),
    path("nhap-excel/<slug:kind>/mau.xlsx", views.template, name="template"),
    path("nhap-excel/<slug:kind>/vi-du.xlsx", views.example, name="example"),
    path("nhap-excel/<slug:kind>/xem-truoc/<str:token>/", views.preview, name="preview"),
]
