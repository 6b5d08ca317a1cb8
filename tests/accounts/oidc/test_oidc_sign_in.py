"""Signing in through an OpenID Connect provider added by configuration only.

Every test here talks to a real provider (``provider.mjs``) over HTTP: the
site discovers it, redirects the person to it, and exchanges the code and
fetches the claims itself.
"""

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from cms.accounts.emails import fold_email
from cms.accounts.models import Profile

from .flow import finish_sign_in, sign_in, sign_in_at_provider, sign_in_path, start_sign_in
from .provider_data import PROVIDER_NAME, UNVERIFIED_PERSON, VERIFIED_PERSON

pytestmark = pytest.mark.django_db

User = get_user_model()


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def test_login_page_offers_provider(client, oidc_settings):
    response = client.get("/hesab/login/")

    html = response.content.decode()
    assert response.status_code == 200
    assert PROVIDER_NAME in html


def test_login_page_without_providers(client, no_oidc_settings):
    response = client.get("/hesab/login/")

    html = response.content.decode()
    assert response.status_code == 200
    assert PROVIDER_NAME not in html
    assert "/hesab/oidc/" not in html


def test_sign_in_by_get_does_not_leave_site(client, oidc_settings):
    # A link alone must not start a sign-in: SOCIALACCOUNT_LOGIN_ON_GET is off,
    # so a GET shows a page with a button that posts.
    response = client.get(sign_in_path(oidc_settings.provider_id))

    assert response.status_code == 200
    assert "Location" not in response.headers
    assert 'method="post"' in response.content.decode()


def test_unknown_provider_is_404(client, oidc_settings):
    response = client.post(sign_in_path("no-such-provider"))

    assert response.status_code == 404


def test_authorization_request_uses_pkce(client, oidc_settings):
    authorization_url = start_sign_in(client, oidc_settings.provider_id)

    parts = urlsplit(authorization_url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{oidc_settings.issuer}/auth"
    assert query["client_id"] == oidc_settings.client_id
    assert query["response_type"] == "code"
    assert query["redirect_uri"] == f"http://testserver/hesab/oidc/{oidc_settings.provider_id}/login/callback/"
    assert set(query["scope"].split()) == {"openid", "profile", "email"}
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["state"]


def test_sign_in_creates_person(client, browser, oidc_settings):
    response = sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    user = User.objects.get()
    folded_email = fold_email(VERIFIED_PERSON.claims["email"])
    assert signed_in_user_id(client) == str(user.pk)
    assert folded_email == "leyla.ismayilova@example.az"
    assert user.email == folded_email
    assert (user.first_name, user.last_name) == ("Leyla", "İsmayılova")
    assert user.has_usable_password() is False


def test_sign_in_stores_account_and_profile(client, browser, oidc_settings):
    sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)

    user = User.objects.get()
    social_account = SocialAccount.objects.get()
    address = EmailAddress.objects.get()
    assert (social_account.user, social_account.provider, social_account.uid) == (
        user,
        oidc_settings.provider_id,
        VERIFIED_PERSON.claims["sub"],
    )
    assert (address.user, address.email, address.verified, address.primary) == (
        user,
        "leyla.ismayilova@example.az",
        True,
        True,
    )
    assert Profile.objects.get(user=user).language == "az"


def test_signed_in_person_reaches_account_page(client, browser, oidc_settings):
    sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)

    response = client.get("/hesab/")

    assert response.status_code == 200


def test_second_sign_in_reuses_user(client, browser, oidc_settings):
    sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)
    first_user = User.objects.get()

    # A new visit to the site. The provider still remembers the person and
    # the consent, so it redirects back at once.
    second_visit = Client()
    response = sign_in(second_visit, browser, oidc_settings.provider_id, VERIFIED_PERSON)

    assert response.status_code == 302
    assert signed_in_user_id(second_visit) == str(first_user.pk)
    assert User.objects.count() == 1
    assert SocialAccount.objects.count() == 1
    assert Profile.objects.count() == 1


def test_second_sign_in_with_new_provider_session(client, browser, oidc_settings):
    sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)
    first_user = User.objects.get()

    second_visit = Client()
    with requests.Session() as other_browser:
        response = sign_in(second_visit, other_browser, oidc_settings.provider_id, VERIFIED_PERSON)

    assert response.status_code == 302
    assert signed_in_user_id(second_visit) == str(first_user.pk)
    assert User.objects.count() == 1


def test_sign_in_from_english_page(client, browser, oidc_settings):
    authorization_url = start_sign_in(client, oidc_settings.provider_id, language_prefix="/en")
    redirect_uri = parse_qs(urlsplit(authorization_url).query)["redirect_uri"][0]
    callback_url = sign_in_at_provider(browser, authorization_url, VERIFIED_PERSON.username, VERIFIED_PERSON.password)
    response = finish_sign_in(client, callback_url)

    assert redirect_uri == f"http://testserver/en/hesab/oidc/{oidc_settings.provider_id}/login/callback/"
    assert response.status_code == 302
    assert response["Location"] == "/en/hesab/"
    user = User.objects.get()
    assert signed_in_user_id(client) == str(user.pk)
    assert Profile.objects.get(user=user).language == "en"


def test_unverified_email_needs_confirmation(client, browser, oidc_settings):
    response = sign_in(client, browser, oidc_settings.provider_id, UNVERIFIED_PERSON)

    address = EmailAddress.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/hesab/confirm-email/"
    assert signed_in_user_id(client) is None
    assert (address.email, address.verified) == ("rauf.aliyev@example.az", False)
    assert [message.to for message in mail.outbox] == [["rauf.aliyev@example.az"]]


def test_existing_email_is_not_taken_over(client, browser, oidc_settings):
    # Someone already registered this address with a password. A provider
    # that asserts the same address must not sign its holder in as them.
    # With ACCOUNT_PREVENT_ENUMERATION the page looks as for a new address,
    # and the owner gets an "account already exists" e-mail.
    owner = User.objects.create_user(username="leyla-local", email="leyla.ismayilova@example.az", password="x" * 12)
    EmailAddress.objects.create(user=owner, email=owner.email, verified=True, primary=True)

    response = sign_in(client, browser, oidc_settings.provider_id, VERIFIED_PERSON)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/confirm-email/"
    assert signed_in_user_id(client) is None
    assert SocialAccount.objects.count() == 0
    assert list(User.objects.all()) == [owner]
    assert [message.to for message in mail.outbox] == [["leyla.ismayilova@example.az"]]


def replace_query_value(url: str, key: str, value: str | None) -> str:
    parts = urlsplit(url)
    query = {name: values[0] for name, values in parse_qs(parts.query).items()}
    if value is None:
        del query[key]
    else:
        query[key] = value
    return parts._replace(query=urlencode(query)).geturl()


@pytest.mark.parametrize(
    ("key", "value"),
    [("state", "forged-state"), ("state", None), ("code", "forged-code"), ("code", None)],
)
def test_tampered_callback_is_rejected(client, browser, oidc_settings, key, value):
    authorization_url = start_sign_in(client, oidc_settings.provider_id)
    callback_url = sign_in_at_provider(browser, authorization_url, VERIFIED_PERSON.username, VERIFIED_PERSON.password)

    response = finish_sign_in(client, replace_query_value(callback_url, key, value))

    template_names = [template.name for template in response.templates]
    assert response.status_code == 401
    assert "socialaccount/authentication_error.html" in template_names
    assert signed_in_user_id(client) is None
    assert User.objects.count() == 0


def test_replayed_callback_is_rejected(client, browser, oidc_settings):
    authorization_url = start_sign_in(client, oidc_settings.provider_id)
    callback_url = sign_in_at_provider(browser, authorization_url, VERIFIED_PERSON.username, VERIFIED_PERSON.password)
    finish_sign_in(client, callback_url)

    # Someone who captured the redirect opens it in their own browser.
    attacker = Client()
    response = finish_sign_in(attacker, callback_url)

    assert response.status_code == 401
    assert signed_in_user_id(attacker) is None
    assert User.objects.count() == 1


def test_cancel_at_provider(client, browser, oidc_settings):
    authorization_url = start_sign_in(client, oidc_settings.provider_id)
    callback_url = sign_in_at_provider(
        browser, authorization_url, VERIFIED_PERSON.username, VERIFIED_PERSON.password, cancel=True
    )

    response = finish_sign_in(client, callback_url)

    assert parse_qs(urlsplit(callback_url).query)["error"] == ["access_denied"]
    assert response.status_code == 302
    assert response["Location"] == "/hesab/3rdparty/login/cancelled/"
    assert signed_in_user_id(client) is None
    assert User.objects.count() == 0
