"""Responses in the language the API client requests.

Every ``/api/v1/`` view is wrapped by ``with_request_language`` (see
cms.api.urls), which picks the language in this order:

1. the ``lang`` query parameter (``az``, ``en`` or ``ru``);
2. the Accept-Language header (or, first, Django's language cookie, which
   only the site's own pages set in a browser);
3. Azerbaijani, the site's default.

LocaleMiddleware gives every path outside ``i18n_patterns``, ``/api/``
included, the default language, so the API has to choose on its own.
"""

import functools

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

LANGUAGE_PARAMETER = "lang"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def header_language(request) -> str:
    """Return the Accept-Language header's best supported language, or the default."""
    return translation.get_language_from_request(request)


def invalid_language_response(parameter: str) -> JsonResponse:
    """Build the 400 response for an unsupported language, in the header's language."""
    message = _("Choose one of these languages: %(languages)s.") % {"languages": ", ".join(language_codes())}
    return JsonResponse(
        {"detail": _("Some query parameters are invalid."), "errors": {parameter: [message]}},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def null_character_response(names: list[str]) -> JsonResponse:
    message = _("Remove the null character from this value.")
    return JsonResponse(
        {"detail": _("Some query parameters are invalid."), "errors": {name: [message] for name in names}},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def activate_request_language(request) -> str:
    """Activate and return the language chosen for ``request`` by ``with_request_language``.

    Views reached without the wrapper (tests that call a view directly) fall
    back to the Accept-Language header.
    """
    language = getattr(request, "api_language", None) or header_language(request)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language


def with_request_language(view):
    """Wrap an API view so that it runs in the requested language.

    The wrapper removes ``lang`` from ``request.GET``, so each view's check
    for unknown parameters never sees it, and records on the request:

    - ``api_language``: the chosen language code;
    - ``api_language_explicit``: whether the client chose it (parameter or
      header) rather than getting the default;
    - ``api_language_from_parameter``: whether it came from ``lang``.

    A value with a null character in any query parameter is rejected here,
    once for every endpoint, because PostgreSQL cannot store or compare it.
    """

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        translation.activate(header_language(request))

        with_null = sorted(
            name for name, values in request.GET.lists() if "\x00" in name or any("\x00" in value for value in values)
        )
        if with_null:
            return null_character_response(with_null)

        requested = request.GET.get(LANGUAGE_PARAMETER)
        if requested is not None:
            if requested not in language_codes():
                return invalid_language_response(LANGUAGE_PARAMETER)
            request.GET = request.GET.copy()
            del request.GET[LANGUAGE_PARAMETER]
            request.api_language = requested
            request.api_language_explicit = True
            request.api_language_from_parameter = True
        else:
            request.api_language = header_language(request)
            request.api_language_explicit = "HTTP_ACCEPT_LANGUAGE" in request.META
            request.api_language_from_parameter = False

        activate_request_language(request)
        return view(request, *args, **kwargs)

    return wrapped


class RequestLanguageMixin:
    """Activate the language chosen for the request when a DRF view starts.

    DRF wraps the Django request, and a test may call a view without the URL
    wrapper, so the view activates the choice again here.
    """

    def initial(self, request, *args, **kwargs):
        activate_request_language(request._request)
        super().initial(request, *args, **kwargs)
