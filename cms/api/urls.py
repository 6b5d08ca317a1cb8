from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .auth import MeView, PasswordResetView, RevokeTokenView, TokenView
from .filings import FilingViewSet
from .legal import LegalActViewSet
from .search import SearchView

router = SimpleRouter()
router.register("legal-acts", LegalActViewSet, basename="legal-act")
router.register("filings", FilingViewSet, basename="filing")

urlpatterns = [
    path("", include(router.urls)),
    path("search/", SearchView.as_view(), name="api-search"),
    path("auth/token/", TokenView.as_view(), name="api-auth-token"),
    path("auth/token/revoke/", RevokeTokenView.as_view(), name="api-auth-token-revoke"),
    path("auth/password-reset/", PasswordResetView.as_view(), name="api-auth-password-reset"),
    path("me/", MeView.as_view(), name="api-me"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
]
