"""Accounts API for apps: sign in for a token, sign out, reset a password, read the account.

``POST /api/v1/auth/token/``           e-mail + password (+ code) → bearer token
``POST /api/v1/auth/token/revoke/``    revokes the token sent with the request
``POST /api/v1/auth/password-reset/``  e-mails a reset link if the address has an account
``GET  /api/v1/me/``                   the signed-in person and their organizations
"""

from allauth.core import ratelimit
from django.contrib.auth.models import update_last_login
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import parsers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import ParseError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import APIToken

from cms.accounts.emails import fold_email
from cms.accounts.forms import ResetPasswordForm

from . import signin
from .auth_serializers import (
    AccountSerializer,
    ErrorSerializer,
    MessageSerializer,
    PasswordResetRequestSerializer,
    TokenRequestSerializer,
    TokenResponseSerializer,
)
from .authentication import BearerTokenAuthentication
from .errors import form_errors
from .language import activate_request_language
from .signin import InvalidRequest, TooManyAttempts

INVALID_JSON = _("The request body is not valid JSON.")
INVALID_FIELDS = _("Some fields are missing or invalid.")
RESET_LINK_SENT = _("If an account uses this e-mail address, we have sent a link to set a new password to it.")

ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="Invalid JSON, missing or invalid fields, or a rejected sign-in."),
    415: OpenApiResponse(ErrorSerializer, description="The body is not application/json."),
    429: OpenApiResponse(ErrorSerializer, description="Too many attempts; the Retry-After header gives seconds."),
}
UNAUTHENTICATED_RESPONSE = {
    401: OpenApiResponse(ErrorSerializer, description="No token, or an invalid or revoked one."),
}


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, which also rejects nesting too deep for Python's decoder."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(INVALID_JSON) from None


class AccountsView(APIView):
    """Base view that responds in the language the client requests.

    LocaleMiddleware gives every path outside ``i18n_patterns``, ``/api/``
    included, the default language (az), so an app's ``lang`` parameter or
    Accept-Language header would have no effect without this.
    """

    def initial(self, request, *args, **kwargs):
        activate_request_language(request._request)
        super().initial(request, *args, **kwargs)


class JSONBodyView(AccountsView):
    """Base view that reads a JSON object and returns errors in the API's shape."""

    parser_classes = [JSONParser]

    def handle_exception(self, exc):
        if isinstance(exc, ParseError):
            exc = InvalidRequest(INVALID_JSON)
        return super().handle_exception(exc)

    def validated_data(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        if not serializer.is_valid():
            raise InvalidRequest(INVALID_FIELDS, serializer.errors)
        return serializer.validated_data


def account_data(user) -> dict:
    return AccountSerializer(user).data


class TokenView(JSONBodyView):
    # No authentication: a session cookie sent along would make DRF demand a CSRF token.
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Sign in and get a bearer token",
        description="Wrong e-mail address and wrong password get the same response. "
        "When two-factor sign-in is on, a request without `code` gets 400 with `errors.code`.",
        request=TokenRequestSerializer,
        responses={200: TokenResponseSerializer, **ERROR_RESPONSES},
        auth=[],
    )
    def post(self, request):
        data = self.validated_data(TokenRequestSerializer)
        email = fold_email(data["email"])

        user = signin.authenticate_password(request._request, email, data["password"])
        signin.require_verified_email(user, email)
        signin.require_second_factor(user, data["code"])

        _api_token, plaintext = APIToken.create_token(user=user, name=signin.token_name(request))
        update_last_login(None, user)
        return Response({"token": plaintext, "token_type": "Bearer", "user": account_data(user)})


class RevokeTokenView(AccountsView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Revoke the token sent with this request",
        request=None,
        responses={204: OpenApiResponse(description="Revoked."), **UNAUTHENTICATED_RESPONSE},
    )
    def post(self, request):
        request.auth.revoke()
        return Response(status=status.HTTP_204_NO_CONTENT)


class PasswordResetView(JSONBodyView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        summary="E-mail a link to set a new password",
        description="The response is the same whether or not an account uses the address.",
        request=PasswordResetRequestSerializer,
        responses={202: MessageSerializer, **ERROR_RESPONSES},
        auth=[],
    )
    def post(self, request):
        data = self.validated_data(PasswordResetRequestSerializer)

        # The site's reset form folds the address and finds its account exactly
        # as the web page does, so "mıke@…" never reaches mike@….
        form = ResetPasswordForm(data={"email": data["email"]})
        if not form.is_valid():
            raise InvalidRequest(INVALID_FIELDS, form_errors(form))

        # Same action and key as allauth's reset page, so both share one limit.
        if not ratelimit.consume(request._request, action="reset_password", key=form.cleaned_data["email"].lower()):
            raise TooManyAttempts("reset_password")

        form.save(request._request)
        return Response({"detail": RESET_LINK_SENT}, status=status.HTTP_202_ACCEPTED)


class MeView(AccountsView):
    # Bearer first: its WWW-Authenticate header makes a missing login 401, not 403.
    authentication_classes = [BearerTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(summary="The signed-in person", responses={200: AccountSerializer, **UNAUTHENTICATED_RESPONSE})
    def get(self, request):
        return Response(account_data(request.user))
