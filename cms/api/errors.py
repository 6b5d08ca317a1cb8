"""One error shape for the whole API: ``{"detail": "...", "errors": {"field": ["..."]}}``."""

from django.utils.translation import gettext as _
from django.http import Http404
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


def form_errors(form) -> dict[str, list[str]]:
    """Return a Django form's errors as the API's ``errors`` mapping."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, (Http404, NotFound)):
        # Django's message names the model ("No Filing matches…"), so every missing
        # or hidden object gets the same message, in the reader's language.
        response.data = {"detail": _("Not found.")}
        return response
    if response is None or not isinstance(exc, ValidationError):
        return response

    errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
    response.data = {"detail": _("Some query parameters are invalid."), "errors": errors}
    return response
