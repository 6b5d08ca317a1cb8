"""``Authorization: Bearer <token>`` for API clients, with Wagtail's API tokens.

Only a keyed hash of each token is stored (``wagtail.models.APIToken``). A
token stops working when it is revoked or when its owner's account is made
inactive.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from wagtail.models import APIToken

KEYWORD = "Bearer"

# The account page shows last use to the minute, so a write on every
# request would cost a database write per read for nothing.
LAST_USED_INTERVAL = timedelta(minutes=1)

MALFORMED_HEADER = _("Send the token in the header as: Authorization: Bearer <token>.")
INVALID_TOKEN = _("The token is invalid or has been revoked. Sign in again to get a new one.")


def find_active_token(token: str) -> APIToken | None:
    """Return the unrevoked token of an active person matching ``token``, or None."""
    if not APIToken.validate_token_format(token):
        return None

    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    if api_token is None or not api_token.user.is_active:
        return None
    return api_token


def record_use(api_token: APIToken) -> None:
    now = timezone.now()
    if api_token.last_used_at is not None and now - api_token.last_used_at < LAST_USED_INTERVAL:
        return
    APIToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
    api_token.last_used_at = now


class BearerTokenAuthentication(BaseAuthentication):
    """Authenticate ``Authorization: Bearer <token>`` and set ``request.auth`` to the APIToken.

    A request without a Bearer header is left to the next authentication
    class. A Bearer header with a bad token fails with 401 at once, so a
    session cookie sent alongside it is not used instead.
    """

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != KEYWORD.lower().encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(MALFORMED_HEADER)

        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(INVALID_TOKEN) from None

        api_token = find_active_token(token)
        if api_token is None:
            raise AuthenticationFailed(INVALID_TOKEN)

        record_use(api_token)
        return api_token.user, api_token

    def authenticate_header(self, request) -> str:
        # Makes DRF return 401 (not 403) when authentication is missing or fails.
        return f'{KEYWORD} realm="api"'


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = BearerTokenAuthentication
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from POST /api/v1/auth/token/, sent as `Authorization: Bearer <token>`.",
        }
