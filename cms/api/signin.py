"""Checks behind ``POST /api/v1/auth/token/``, made the way the website's
sign-in makes them so that both count attempts against the same limits.

django-allauth keeps the rate limits in the cache, keyed by action
("login_failed", "reset_password"), by client address and by e-mail address.
The client address comes from allauth's ``get_client_ip``, which reads
X-Forwarded-For only when ``ALLAUTH_TRUSTED_PROXY_COUNT`` is above 0, and then
takes the entry that the outermost trusted proxy added.
"""

import math

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.account.utils import has_verified_email
from allauth.core.internal.ratelimit import get_rates
from allauth.mfa.base.forms import AuthenticateForm
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from wagtail.models import APIToken

WRONG_CREDENTIALS = _("The e-mail address or password is incorrect.")
INACTIVE_ACCOUNT = _("This account is inactive.")
UNVERIFIED_EMAIL = _(
    "Confirm your e-mail address first: open the link in the e-mail we sent you. "
    "If the link has expired, sign in on the website to get a new one."
)
CODE_REQUIRED = _("Enter the code from your authenticator app, or one of your recovery codes.")
CODE_INCORRECT = _(
    "The code is incorrect or has already been used. "
    "Enter the current code from your authenticator app, or an unused recovery code."
)
TOO_MANY_ATTEMPTS = _("Too many attempts. Try again in a few minutes.")

# Used when allauth has no limit configured for an action, which should not happen.
DEFAULT_RETRY_AFTER = 60


class InvalidRequest(exceptions.APIException):
    """400 in the API's error shape, with a message of our own for ``detail``.

    It is not a DRF ValidationError, whose ``detail`` the project's exception
    handler replaces with a message about query parameters.
    """

    status_code = 400
    default_code = "invalid"

    def __init__(self, detail, errors: dict | None = None):
        super().__init__({"detail": detail, "errors": errors or {}})


class TooManyAttempts(exceptions.Throttled):
    """429 with a Retry-After header, which DRF adds for Throttled."""

    def __init__(self, action: str):
        # DRF would append an untranslatable "Expected available in N seconds."
        # to the message if ``wait`` went through its constructor.
        super().__init__(detail=TOO_MANY_ATTEMPTS)
        self.wait = longest_window(action)


def longest_window(action: str) -> int:
    """Return the seconds after which every attempt counted so far has left every limit on ``action``.

    allauth does not say which of its limits (per client address, per e-mail
    address) was reached, so this is an upper bound: the longest window.
    """
    # NOTE: get_rates is internal to allauth (checked against 65.22).
    rates = get_rates(app="allauth.account", action=action)
    return max((math.ceil(rate.duration) for rate in rates), default=DEFAULT_RETRY_AFTER)


def authenticate_password(request: HttpRequest, email: str, password: str):
    """Return the person whose folded ``email`` and ``password`` match.

    allauth's adapter counts the attempt in the "login_failed" limits under the
    same key as the website's sign-in form, calls
    ``django.contrib.auth.authenticate``, and takes the attempt back when the
    password is right. A password reset clears the count for the address.
    """
    adapter = get_account_adapter(request)
    try:
        user = adapter.authenticate(request, email=email, password=password)
    except ValidationError as error:
        if error.code == "too_many_login_attempts":
            raise TooManyAttempts("login_failed") from None
        raise InvalidRequest(" ".join(error.messages)) from None

    if user is None:
        raise InvalidRequest(WRONG_CREDENTIALS)
    # The adapter also returns a deactivated person whose password is right,
    # so that the website can show why the sign-in failed. The API does the same.
    if not user.is_active:
        raise InvalidRequest(INACTIVE_ACCOUNT)
    return user


def require_verified_email(user, email: str) -> None:
    if not has_verified_email(user, email):
        raise InvalidRequest(UNVERIFIED_EMAIL)


def require_second_factor(user, code: str) -> None:
    """Check ``code`` when the person has turned on two-factor sign-in.

    allauth's own form accepts a current TOTP code once, or an unused recovery
    code, and counts failures in the "login_failed" limits like the website.
    """
    if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
        return
    if not code:
        raise InvalidRequest(CODE_REQUIRED, {"code": [CODE_REQUIRED]})

    form = AuthenticateForm(user=user, data={"code": code})
    if not form.is_valid():
        if form.has_error("code", "too_many_login_attempts"):
            raise TooManyAttempts("login_failed")
        raise InvalidRequest(CODE_INCORRECT, {"code": [CODE_INCORRECT]})

    # Not form.save(): it records the step in the browser session, and a
    # token request has no session to keep.
    form.authenticator.record_usage()


def token_name(request: HttpRequest) -> str:
    """Name a new token after the app that asked for it, as the account page lists it."""
    agent = "".join(char for char in request.headers.get("User-Agent", "") if char.isprintable()).strip()
    if not agent:
        return "API"
    max_length = APIToken._meta.get_field("name").max_length
    return Truncator(f"API: {agent}").chars(max_length)
