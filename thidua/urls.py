from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from blocs.views import home

from . import views
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
    path("", include("units.urls")),
    path("", include("awards.urls")),
    path("", include("blocs.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
