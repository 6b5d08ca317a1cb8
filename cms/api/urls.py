"""API addresses.

Each address of our own endpoints also answers without its trailing slash: an
app that POSTs to /auth/token would otherwise get a redirect that drops its
request body. The schema lists only the canonical form, with the slash.

Wagtail's content API (pages, images, documents) sits beside them under the
same prefix, so one schema, one error shape and one throttle cover both.
Every view runs in the language the request chooses (cms.api.language).
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .auth import MeView, PasswordResetView, RevokeTokenView, TokenView
from .docs import APIDocsView
from .errors import not_found
from .filings import FilingViewSet
from .language import with_request_language
from .legal import LegalActViewSet
from .notifications import NotificationViewSet
from .organizations import OrganizationViewSet
from .search import SearchView
from .wagtail import api_router

router = SimpleRouter()
router.register("legal-acts", LegalActViewSet, basename="legal-act")
router.register("filings", FilingViewSet, basename="filing")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("organizations", OrganizationViewSet, basename="organization")
slashless_router = SimpleRouter(trailing_slash="")
slashless_router.register("legal-acts", LegalActViewSet, basename="legal-act-slashless")
slashless_router.register("filings", FilingViewSet, basename="filing-slashless")
slashless_router.register("notifications", NotificationViewSet, basename="notification-slashless")
slashless_router.register("organizations", OrganizationViewSet, basename="organization-slashless")

ENDPOINTS = [
    ("search", SearchView, "api-search"),
    ("auth/token", TokenView, "api-auth-token"),
    ("auth/token/revoke", RevokeTokenView, "api-auth-token-revoke"),
    ("auth/password-reset", PasswordResetView, "api-auth-password-reset"),
    ("me", MeView, "api-me"),
]

urlpatterns = [
    path("", include(router.urls)),
    *[path(f"{route}/", view.as_view(), name=name) for route, view, name in ENDPOINTS],
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", APIDocsView.as_view(), name="api-docs"),
    path("", include((api_router.get_urlpatterns(), api_router.url_namespace), namespace=api_router.url_namespace)),
    path("", include(slashless_router.urls)),
    *[re_path(rf"^{route}$", view.as_view()) for route, view, _name in ENDPOINTS],
    # Last: any other address ending in a slash, such as /api/v1/pages/abc/, gets a JSON 404.
    # Without the slash, CommonMiddleware first redirects to the address with it.
    re_path(r"^.*/$", not_found),
]

decorate_urlpatterns(urlpatterns, with_request_language)
