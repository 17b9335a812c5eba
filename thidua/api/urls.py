from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("units", views.UnitViewSet, basename="unit")
router.register("blocs", views.BlocViewSet, basename="bloc")
router.register("bloc-years", views.BlocYearViewSet, basename="blocyear")
router.register("events", views.EventViewSet, basename="event")
router.register("decisions", views.DecisionViewSet, basename="decision")
router.register("awards", views.AwardViewSet, basename="award")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The Swagger UI from this site's static files (drf-spectacular-sidecar), its start-up
    # script a separate request: nothing inline, nothing from a CDN.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("", include(router.urls)),
]
