"""Responses in the language the API client requests."""

from django.utils import translation


class RequestLanguageMixin:
    """Respond in the language of the request's Accept-Language header.

    LocaleMiddleware gives every path outside ``i18n_patterns``, ``/api/``
    included, the default language (az), so labels and titles would ignore
    the header without this.
    """

    def initial(self, request, *args, **kwargs):
        language = translation.get_language_from_request(request._request)
        translation.activate(language)
        request._request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)
