"""One error shape for the whole API: ``{"detail": "...", "errors": {"field": ["..."]}}``."""

import math

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rest_framework.exceptions import NotFound, Throttled, ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


def form_errors(form) -> dict[str, list[str]]:
    """Return a Django form's errors as the API's ``errors`` mapping."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def throttled_message(wait: float | None) -> str:
    if wait is None:
        return _("Too many requests. Try again later.")
    seconds = max(1, math.ceil(wait))
    return ngettext(
        "Too many requests. Try again in %(seconds)d second.",
        "Too many requests. Try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, (Http404, NotFound)):
        # Django's message names the model ("No Filing matches…"), so every missing
        # or hidden object gets the same message, in the reader's language.
        response.data = {"detail": _("Not found.")}
        return response
    if response is not None and type(exc) is Throttled:
        # DRF's own message is not in Azerbaijani. Subclasses such as the sign-in
        # limit (cms.api.signin.TooManyAttempts) carry a message of their own.
        response.data = {"detail": throttled_message(exc.wait)}
        return response
    if response is None or not isinstance(exc, ValidationError):
        return response

    errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
    response.data = {"detail": _("Some query parameters are invalid."), "errors": errors}
    return response


def not_found(request, *args, **kwargs) -> JsonResponse:
    """Return the API's JSON 404 for an address under /api/v1/ that no endpoint matches, in place of Django's HTML page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
