from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from blocs.feeds import PublishedEventsFeed
from blocs.views import home

from . import media, open_data_views, views
from .login_attempts import LoginForm
from .sitemaps import sitemaps

SITEMAPS = sitemaps()

urlpatterns = [
    path("", home, name="home"),
    path("admin/", admin.site.urls),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    # Only the logout: passwords are changed on the admin's page, and reset by an administrator
    # (no e-mail leaves this system).
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("suc-khoe/", views.health, name="health"),
    path("robots.txt", views.robots, name="robots"),
    path("tim-kiem/", views.search, name="search"),
    path("api/v1/", include("thidua.api.urls")),
    path("du-lieu-mo/", open_data_views.open_data_page, name="open_data"),
    path(
        "du-lieu-mo/<slug:slug>.<str:fmt>",
        open_data_views.open_data_download,
        name="open_data_download",
    ),
    path("su-kien-atom.xml", PublishedEventsFeed(), name="events_feed"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("", include("thidua.imports.urls")),
    path("", include("units.urls")),
    path("", include("awards.urls")),
    path("", include("blocs.urls")),
]

# Uploads go through a view that checks who may see the record (thidua.media), in production too.
urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.serve_upload))
