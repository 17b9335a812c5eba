from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import APIRootView, DefaultRouter

from . import views


class RootView(APIRootView):
    # What OPTIONS answers (DRF's defaults are "Api Root" and the class's English docstring).
    name = "Mục lục API"
    description = "Các danh sách của giao diện lập trình, mỗi danh sách một đường dẫn."


router = DefaultRouter()
router.APIRootView = RootView
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
