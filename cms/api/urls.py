from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .legal import LegalActViewSet

router = SimpleRouter()
router.register("legal-acts", LegalActViewSet, basename="legal-act")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
