"""Accounts API: bearer tokens, two-factor sign-in, rate limits shared with the
website, password reset, ``/me/``, token revocation, bad input and the schema."""

import json
import re
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from drf_spectacular.drainage import GENERATOR_STATS
from wagtail.models import APIToken

from cms.accounts.models import Profile
from cms.api import auth, authentication, signin
from cms.organizations import membership
from cms.organizations.choices import LegalForm, Role
from cms.organizations.forms import OrganizationForm
from cms.organizations.models import Organization

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
REVOKE_URL = "/api/v1/auth/token/revoke/"
RESET_URL = "/api/v1/auth/password-reset/"
ME_URL = "/api/v1/me/"
PASSWORD = "correct horse battery staple"
APP_AGENT = "FEP-mobile/1.0 (Android 14)"


def wrong_credentials() -> dict:
    # Built inside a test, so the message is in the language the test activated.
    return {"detail": str(signin.WRONG_CREDENTIALS), "errors": {}}


def too_many_attempts() -> dict:
    return {"detail": str(signin.TOO_MANY_ATTEMPTS)}


def reset_link_sent() -> dict:
    return {"detail": str(auth.RESET_LINK_SENT)}


@pytest.fixture(autouse=True)
def english():
    # Messages are compared with their English source text.
    with translation.override("en"):
        yield


@pytest.fixture
def client():
    return Client(headers={"Accept-Language": "en", "User-Agent": APP_AGENT})


def make_person(email="mike@example.com", *, verified=True, active=True, password=PASSWORD):
    user = get_user_model().objects.create_user(
        username=email.split("@")[0], email=email, password=password, is_active=active
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def post_json(client, url, body, headers=None):
    return client.post(url, data=json.dumps(body), content_type="application/json", headers=headers)


def request_token(client, email="mike@example.com", password=PASSWORD, *, headers=None, **fields):
    return post_json(client, TOKEN_URL, {"email": email, "password": password, **fields}, headers=headers)


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def issue_token(user, name="API: test") -> str:
    _api_token, plaintext = APIToken.create_token(user=user, name=name)
    return plaintext


def current_totp_code(secret: str) -> str:
    """The code an authenticator app shows now, never one about to expire mid-request."""
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 2:
        time.sleep(2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def make_organization(owner, name, voen, legal_form=LegalForm.PUBLIC_ASSOCIATION, region="baki") -> Organization:
    form = OrganizationForm(
        data={
            "name": name,
            "voen": voen,
            "legal_form": legal_form,
            "legal_address": "Bakı, Nizami küçəsi 1",
            "region": region,
            "phone": "050 123 45 67",
            "email": "office@example.org",
        }
    )
    assert form.is_valid(), form.errors
    return membership.create_organization(form, owner)


# --- POST /auth/token/ ---------------------------------------------------------


def test_token_for_right_password(client):
    user = make_person()

    response = request_token(client)

    body = response.json()
    stored = APIToken.objects.get(user=user)
    user.refresh_from_db()
    assert response.status_code == 200
    assert body["token_type"] == "Bearer"
    assert body["token"].startswith("wagtail_")
    assert stored.key_hash == APIToken.hash_token(body["token"])
    assert stored.name == f"API: {APP_AGENT}"
    assert stored.revoked_at is None
    assert body["user"]["email"] == "mike@example.com"
    assert body["user"]["two_factor"] is False
    assert body["user"]["organizations"] == []
    assert user.last_login is not None


def test_token_works_on_me(client):
    make_person()
    token = request_token(client).json()["token"]

    response = client.get(ME_URL, **bearer(token))

    assert response.status_code == 200
    assert response.json()["email"] == "mike@example.com"


@pytest.mark.parametrize("typed", ["MIKE@EXAMPLE.COM", "MİKE@EXAMPLE.COM", " Mike@Example.com "])
def test_token_folds_email(client, typed):
    make_person()

    response = request_token(client, email=typed)

    assert response.status_code == 200


def test_token_refuses_dotless_i_lookalike(client):
    make_person()

    response = request_token(client, email="mıke@example.com")

    assert response.status_code == 400
    assert response.json() == wrong_credentials()
    assert APIToken.objects.count() == 0


def test_token_same_answer_for_unknown_email(client):
    make_person()

    wrong_password = request_token(client, password="not the password")
    unknown_email = request_token(client, email="nobody@example.com")

    assert wrong_password.status_code == 400
    assert unknown_email.status_code == 400
    assert wrong_password.json() == wrong_credentials()
    assert unknown_email.json() == wrong_credentials()
    assert APIToken.objects.count() == 0


def test_token_message_in_request_language():
    make_person()
    client = Client(headers={"Accept-Language": "az", "User-Agent": APP_AGENT})

    response = request_token(client, password="not the password")

    with translation.override("az"):
        expected = str(signin.WRONG_CREDENTIALS)
    assert response["Content-Language"] == "az"
    assert response.json()["detail"] == expected


def test_token_refuses_unverified_email(client):
    make_person(verified=False)

    right_password = request_token(client)
    wrong_password = request_token(client, password="not the password")

    assert right_password.status_code == 400
    assert right_password.json() == {"detail": str(signin.UNVERIFIED_EMAIL), "errors": {}}
    assert wrong_password.json() == wrong_credentials()
    assert APIToken.objects.count() == 0


def test_token_refuses_inactive_account(client):
    make_person(active=False)

    right_password = request_token(client)
    wrong_password = request_token(client, password="not the password")

    assert right_password.status_code == 400
    assert right_password.json() == {"detail": str(signin.INACTIVE_ACCOUNT), "errors": {}}
    assert wrong_password.json() == wrong_credentials()
    assert APIToken.objects.count() == 0


def test_token_name_truncated_to_field_length():
    make_person()
    client = Client(headers={"Accept-Language": "en", "User-Agent": "A" * 1000})

    request_token(client)

    name = APIToken.objects.get().name
    assert len(name) == 255
    assert name.startswith("API: AAAA")
    assert name.endswith("…")


def test_token_name_without_user_agent():
    make_person()
    client = Client(headers={"Accept-Language": "en"})

    request_token(client)

    assert APIToken.objects.get().name == "API"


# --- Two-factor sign-in ----------------------------------------------------------


@pytest.fixture
def person_with_totp():
    user = make_person()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    recovery_codes = RecoveryCodes.activate(user).get_unused_codes()
    return user, secret, recovery_codes


def test_totp_code_required(client, person_with_totp):
    response = request_token(client)

    message = str(signin.CODE_REQUIRED)
    assert response.status_code == 400
    assert response.json() == {"detail": message, "errors": {"code": [message]}}
    assert APIToken.objects.count() == 0


def test_totp_wrong_password_before_code(client, person_with_totp):
    response = request_token(client, password="not the password")

    assert response.json() == wrong_credentials()


def test_totp_valid_code_gives_token(client, person_with_totp):
    user, secret, _codes = person_with_totp

    response = request_token(client, code=current_totp_code(secret))

    assert response.status_code == 200
    assert response.json()["user"]["two_factor"] is True
    assert APIToken.objects.filter(user=user).count() == 1


def test_totp_code_works_once(client, person_with_totp):
    _user, secret, _codes = person_with_totp
    code = current_totp_code(secret)

    first = request_token(client, code=code)
    second = request_token(client, code=code)

    message = str(signin.CODE_INCORRECT)
    assert first.status_code == 200
    assert second.status_code == 400
    assert second.json() == {"detail": message, "errors": {"code": [message]}}


def test_totp_wrong_code_refused(client, person_with_totp):
    _user, secret, _codes = person_with_totp
    wrong = format_hotp_value((int(current_totp_code(secret)) + 1) % 10**6)

    response = request_token(client, code=wrong)

    assert response.status_code == 400
    assert response.json()["errors"] == {"code": [str(signin.CODE_INCORRECT)]}
    assert APIToken.objects.count() == 0


def test_recovery_code_works_once(client, person_with_totp):
    user, _secret, codes = person_with_totp

    first = request_token(client, code=codes[0])
    second = request_token(client, code=codes[0])

    assert first.status_code == 200
    assert second.status_code == 400
    assert codes[0] not in RecoveryCodes(user.authenticator_set.get(type="recovery_codes")).get_unused_codes()


def test_totp_wrong_codes_rate_limited(client, person_with_totp):
    _user, secret, _codes = person_with_totp

    # ACCOUNT_RATE_LIMITS["login_failed"] allows 5 failures per key in 5 minutes.
    for _attempt in range(5):
        assert request_token(client, code="00000000").status_code == 400
    response = request_token(client, code=current_totp_code(secret))

    assert response.status_code == 429
    assert response.json() == too_many_attempts()
    assert response["Retry-After"] == "300"


# --- Rate limits -------------------------------------------------------------------


def test_token_limited_per_email(client):
    make_person()
    make_person("anna@example.com")

    for _attempt in range(5):
        assert request_token(client, password="not the password").status_code == 400
    right_password = request_token(client)
    other_person = request_token(client, email="anna@example.com")

    assert right_password.status_code == 429
    assert right_password.json() == too_many_attempts()
    assert right_password["Retry-After"] == "300"
    assert other_person.status_code == 200


def test_token_limit_counts_folded_email(client):
    make_person()

    for typed in ["mike@example.com", "MIKE@EXAMPLE.COM", "MİKE@example.com", "Mike@Example.com", "mike@EXAMPLE.com"]:
        assert request_token(client, email=typed, password="not the password").status_code == 400
    response = request_token(client)

    assert response.status_code == 429


def test_success_does_not_reset_failures(client):
    make_person()

    for _attempt in range(4):
        request_token(client, password="not the password")
    assert request_token(client).status_code == 200
    request_token(client, password="not the password")
    response = request_token(client)

    assert response.status_code == 429


def test_web_and_api_failures_count_together(client):
    make_person()
    browser = Client(headers={"Accept-Language": "en"})

    for _attempt in range(3):
        page = browser.post("/hesab/login/", {"login": "mike@example.com", "password": "not the password"})
        assert page.status_code == 200
    for _attempt in range(2):
        assert request_token(client, password="not the password").status_code == 400
    response = request_token(client)

    assert response.status_code == 429


def test_password_reset_clears_failures(client):
    user = make_person()
    for _attempt in range(5):
        request_token(client, password="not the password")
    assert request_token(client).status_code == 429

    post_json(client, RESET_URL, {"email": "mike@example.com"})
    link = re.search(r"https?://testserver(/\S*/password/reset/key/\S+/)", mail.outbox[-1].body).group(1)
    browser = Client(headers={"Accept-Language": "en"})
    form_page = browser.get(link, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    browser.post(set_password_url, {"password1": "a new long passphrase", "password2": "a new long passphrase"})
    user.refresh_from_db()

    assert user.check_password("a new long passphrase")
    assert request_token(client, password="a new long passphrase").status_code == 200


def test_limit_per_forwarded_address_behind_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    # ACCOUNT_RATE_LIMITS["login_failed"] allows 10 failures per client address a minute;
    # each attempt names another address so that the per-address limit is what is reached.
    for number in range(10):
        response = request_token(
            client, email=f"guess{number}@example.com", password="x", headers={"X-Forwarded-For": "203.0.113.7"}
        )
        assert response.status_code == 400
    same_client = request_token(client, email="next@example.com", password="x", headers={"X-Forwarded-For": "203.0.113.7"})
    other_client = request_token(client, email="next@example.com", password="x", headers={"X-Forwarded-For": "203.0.113.8"})

    assert same_client.status_code == 429
    assert same_client["Retry-After"] == "300"
    assert other_client.status_code == 400


def test_forwarded_header_ignored_without_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0

    for number in range(10):
        response = request_token(
            client, email=f"guess{number}@example.com", password="x", headers={"X-Forwarded-For": f"198.51.100.{number}"}
        )
        assert response.status_code == 400
    response = request_token(client, email="next@example.com", password="x", headers={"X-Forwarded-For": "198.51.100.99"})

    assert response.status_code == 429


# --- POST /auth/password-reset/ --------------------------------------------------------


def recipients() -> list[list[str]]:
    return [message.to for message in mail.outbox]


def test_reset_sends_link_to_account(client):
    make_person()

    response = post_json(client, RESET_URL, {"email": "mike@example.com"})

    assert response.status_code == 202
    assert response.json() == reset_link_sent()
    assert recipients() == [["mike@example.com"]]
    assert "/password/reset/key/" in mail.outbox[0].body


def test_reset_same_answer_for_unknown_email(client):
    make_person()

    response = post_json(client, RESET_URL, {"email": "nobody@example.com"})

    # allauth e-mails the unknown address a notice that it has no account.
    assert response.status_code == 202
    assert response.json() == reset_link_sent()
    assert recipients() == [["nobody@example.com"]]
    assert all("/password/reset/key/" not in message.body for message in mail.outbox)


def test_reset_lookalike_reaches_nobody(client):
    make_person()

    response = post_json(client, RESET_URL, {"email": "mıke@example.com"})

    assert response.status_code == 202
    assert response.json() == reset_link_sent()
    assert recipients() == [["mıke@example.com"]]
    assert all("/password/reset/key/" not in message.body for message in mail.outbox)


@pytest.mark.parametrize("typed", ["MIKE@EXAMPLE.COM", "MİKE@EXAMPLE.COM"])
def test_reset_folds_capitals(client, typed):
    make_person()

    response = post_json(client, RESET_URL, {"email": typed})

    assert response.status_code == 202
    assert recipients() == [["mike@example.com"]]


def test_reset_invalid_email_is_400(client):
    response = post_json(client, RESET_URL, {"email": "not an address"})

    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == str(auth.INVALID_FIELDS)
    assert body["errors"] == {"email": ["Enter a valid email address."]}
    assert mail.outbox == []


def test_reset_rate_limited_per_email(client):
    make_person()

    # ACCOUNT_RATE_LIMITS["reset_password"] allows 5 requests per address in 5 minutes.
    for _attempt in range(5):
        assert post_json(client, RESET_URL, {"email": "mike@example.com"}).status_code == 202
    response = post_json(client, RESET_URL, {"email": "MIKE@example.com"})

    assert response.status_code == 429
    assert response.json() == too_many_attempts()
    assert response["Retry-After"] == "300"
    assert len(mail.outbox) == 5


# --- GET /me/ -------------------------------------------------------------------------


def test_me_lists_organizations(client):
    user = make_person()
    Profile.objects.create(user=user, language="ru")
    owned = make_organization(user, "Zəfər İctimai Birliyi", "1400057421", region="gence")
    other_owner = make_person("anna@example.com")
    joined = make_organization(other_owner, "Açıq Cəmiyyət Fondu", "1700123451", legal_form=LegalForm.FOUNDATION)
    invitation, _secret = membership.invite(joined, "mike@example.com", Role.MEMBER, other_owner)
    membership.accept_invitation(invitation, user)
    membership.set_verified(joined, other_owner, "Checked against the register.")

    response = client.get(ME_URL, **bearer(issue_token(user)))

    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"email", "language", "date_joined", "two_factor", "organizations"}
    assert body["email"] == "mike@example.com"
    assert body["language"] == "ru"
    assert body["two_factor"] is False
    assert body["date_joined"].startswith(timezone.localtime(user.date_joined).date().isoformat())
    assert body["organizations"] == [
        {
            "id": joined.pk,
            "name": "Açıq Cəmiyyət Fondu",
            "voen": "1700123451",
            "legal_form": "foundation",
            "region": "baki",
            "role": "member",
            "verified": True,
        },
        {
            "id": owned.pk,
            "name": "Zəfər İctimai Birliyi",
            "voen": "1400057421",
            "legal_form": "public_association",
            "region": "gence",
            "role": "owner",
            "verified": False,
        },
    ]


def test_me_language_defaults_to_azerbaijani(client):
    user = make_person()

    response = client.get(ME_URL, **bearer(issue_token(user)))

    assert response.json()["language"] == "az"


def test_me_with_session(client):
    user = make_person()
    client.force_login(user)

    response = client.get(ME_URL)

    assert response.status_code == 200
    assert response.json()["email"] == "mike@example.com"


def test_me_without_credentials_is_401(client):
    response = client.get(ME_URL)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer two parts",
        "Bearer not-a-token",
        "Bearer wagtail_" + "A" * 34,
        "Bearer " + "x" * 10_000,
    ],
)
def test_me_bad_token_is_401(client, header):
    make_person()

    response = client.get(ME_URL, HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_me_unknown_wellformed_token_is_401(client):
    response = client.get(ME_URL, **bearer(APIToken.generate_token()))

    assert response.status_code == 401
    assert response.json() == {"detail": str(authentication.INVALID_TOKEN)}


def test_me_revoked_token_is_401(client):
    user = make_person()
    api_token, plaintext = APIToken.create_token(user=user, name="API: test")
    api_token.revoke()

    response = client.get(ME_URL, **bearer(plaintext))

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_me_inactive_person_is_401(client):
    user = make_person()
    token = issue_token(user)
    user.is_active = False
    user.save(update_fields=["is_active"])

    response = client.get(ME_URL, **bearer(token))

    assert response.status_code == 401


def test_bad_token_not_rescued_by_session(client):
    user = make_person()
    client.force_login(user)

    response = client.get(ME_URL, **bearer(APIToken.generate_token()))

    assert response.status_code == 401


def test_me_records_last_use_once_a_minute(client):
    user = make_person()
    api_token, plaintext = APIToken.create_token(user=user, name="API: test")

    client.get(ME_URL, **bearer(plaintext))
    api_token.refresh_from_db()
    first_use = api_token.last_used_at
    client.get(ME_URL, **bearer(plaintext))
    api_token.refresh_from_db()
    unchanged = api_token.last_used_at
    APIToken.objects.filter(pk=api_token.pk).update(last_used_at=first_use - timedelta(minutes=2))
    client.get(ME_URL, **bearer(plaintext))
    api_token.refresh_from_db()

    assert first_use is not None
    assert unchanged == first_use
    assert api_token.last_used_at > first_use - timedelta(minutes=2)


# --- POST /auth/token/revoke/ ------------------------------------------------------------


def test_revoke_signs_the_app_out(client):
    user = make_person()
    api_token, plaintext = APIToken.create_token(user=user, name="API: phone")
    other_token = issue_token(user, name="API: tablet")

    response = client.post(REVOKE_URL, **bearer(plaintext))

    api_token.refresh_from_db()
    assert response.status_code == 204
    assert api_token.revoked_at is not None
    assert client.get(ME_URL, **bearer(plaintext)).status_code == 401
    assert client.get(ME_URL, **bearer(other_token)).status_code == 200


def test_revoke_without_token_is_401(client):
    user = make_person()
    client.force_login(user)

    response = client.post(REVOKE_URL)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


# --- Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("url", [TOKEN_URL, RESET_URL])
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ([1, 2], "non_field_errors"),
        ("mike@example.com", "non_field_errors"),
        (None, "non_field_errors"),
        ({}, "email"),
        ({"email": 5, "password": PASSWORD}, "email"),
        ({"email": {"a": 1}, "password": PASSWORD}, "email"),
        ({"email": "mike\x00@example.com", "password": PASSWORD}, "email"),
        ({"email": "m" * 10_000 + "@example.com", "password": PASSWORD}, "email"),
    ],
)
def test_bad_body_is_400(client, url, body, field):
    make_person()

    response = post_json(client, url, body)

    payload = response.json()
    assert response.status_code == 400
    assert payload["detail"] == str(auth.INVALID_FIELDS)
    assert field in payload["errors"]
    assert payload["errors"][field][0]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "mike@example.com"}, "password"),
        ({"email": "mike@example.com", "password": "pass\x00word"}, "password"),
        ({"email": "mike@example.com", "password": "p" * 10_000}, "password"),
        ({"email": "mike@example.com", "password": PASSWORD, "code": "1" * 10_000}, "code"),
        ({"email": "mike@example.com", "password": PASSWORD, "code": "12\x003456"}, "code"),
    ],
)
def test_bad_token_fields_are_400(client, body, field):
    make_person()

    response = post_json(client, TOKEN_URL, body)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert APIToken.objects.count() == 0


@pytest.mark.parametrize("url", [TOKEN_URL, RESET_URL])
@pytest.mark.parametrize("raw", [b"{", b'{"email": "a@example.com",}', b"[" * 100_000, b'{"email": "\xff"}'])
def test_invalid_json_is_400(client, url, raw):
    response = client.post(url, data=raw, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"detail": str(auth.INVALID_JSON), "errors": {}}


@pytest.mark.parametrize("url", [TOKEN_URL, RESET_URL])
def test_form_body_is_415(client, url):
    make_person()

    response = client.post(url, {"email": "mike@example.com", "password": PASSWORD})

    assert response.status_code == 415
    assert response.json()["detail"]
    assert APIToken.objects.count() == 0


# --- OpenAPI ---------------------------------------------------------------------------


def test_schema_generates_without_warnings(tmp_path):
    schema_file = tmp_path / "schema.json"
    GENERATOR_STATS.reset()

    call_command("spectacular", "--fail-on-warn", "--validate", "--format", "openapi-json", "--file", str(schema_file))

    schema = json.loads(schema_file.read_text())
    paths = schema["paths"]
    assert {"/api/v1/auth/token/", "/api/v1/auth/token/revoke/", "/api/v1/auth/password-reset/", "/api/v1/me/"} <= set(
        paths
    )
    assert schema["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert {"bearerAuth": []} in paths["/api/v1/me/"]["get"]["security"]
    assert paths["/api/v1/auth/token/revoke/"]["post"]["security"] == [{"bearerAuth": []}]
    assert paths["/api/v1/auth/token/"]["post"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TokenRequest"
    }
    assert set(paths["/api/v1/auth/token/"]["post"]["responses"]) == {"200", "400", "415", "429"}
    assert set(schema["components"]["schemas"]["Account"]["properties"]) == {
        "email", "language", "date_joined", "two_factor", "organizations",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/auth/token", "/api/v1/auth/password-reset", "/api/v1/legal-acts"])
def test_addresses_without_trailing_slash_answer_directly(client, url):
    response = client.post(url, data="{}", content_type="application/json")

    assert response.status_code in (400, 405)
    assert response.status_code != 301
