from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from blocs.views import home

from . import media, views
from .login_attempts import LoginForm

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("suc-khoe/", views.health, name="health"),
    path("tim-kiem/", views.search, name="search"),
    path("", include("thidua.imports.urls")),
    path("", include("units.urls")),
    path("", include("awards.urls")),
    path("", include("blocs.urls")),
]

# Uploads go through a view that checks who may see the record (thidua.media), in production too.
urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_upload))
