from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import urls as api_urls
from search.views import search_view

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include(api_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.views.static import serve

    # Uploads for the development server, apart from documents: Wagtail's
    # /documents/ view checks their collection's view restrictions, and a
    # direct /media/documents/ address would not.
    urlpatterns += [
        re_path(r"^media/(?!documents/)(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Azerbaijani pages live at the root, English under /en/ and Russian under /ru/.
urlpatterns += i18n_patterns(
    path("axtaris/", search_view, name="search"),
    path("hesab/", include("cms.accounts.urls")),
    path("hesab/bildirisler/", include("cms.notifications.urls")),
    path("hesab/", include("allauth.urls")),
    path("teskilatlar/sahiblik/", include("cms.claims.urls")),
    path("teskilatlar/", include("cms.corrections.urls")),
    path("teskilatlar/", include("cms.organizations.urls")),
    path("reyestr/", include("cms.directory.urls")),
    path("abune/", include("cms.subscriptions.urls")),
    path("muracietler/", include("forms.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
