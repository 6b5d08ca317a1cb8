from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .legal import LegalActViewSet
from .search import SearchView

router = SimpleRouter()
router.register("legal-acts", LegalActViewSet, basename="legal-act")

urlpatterns = [
    path("", include(router.urls)),
    path("search/", SearchView.as_view(), name="api-search"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
