"""Two-factor sign-in with an authenticator app (TOTP) and recovery codes,
turned on through django-allauth's pages under /hesab/2fa/."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, format_hotp_value, hotp_value
from django.core import mail
from django.test import Client

from tests.accounts.people import PASSWORD, link_path, make_person, sign_in, signed_in_user_id

pytestmark = pytest.mark.django_db

ACTIVATE_URL = "/hesab/2fa/totp/activate/"
AUTHENTICATE_URL = "/hesab/2fa/authenticate/"
RECOVERY_CODES_URL = "/hesab/2fa/recovery-codes/"


def current_code(secret: str) -> str:
    """The code an authenticator app shows now for ``secret``."""
    # With MFA_TOTP_TOLERANCE 0 only the current period's code is accepted,
    # so wait out a period that is about to end rather than race it.
    period = mfa_settings.TOTP_PERIOD
    remaining = period - time.time() % period
    if remaining < 2:
        time.sleep(remaining)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def confirm_password(client):
    """Enter the password again, as allauth asks before changing sign-in methods."""
    page = client.get(ACTIVATE_URL)
    assert page.status_code == 302
    assert page["Location"] == "/hesab/reauthenticate/?next=%2Fhesab%2F2fa%2Ftotp%2Factivate%2F"
    response = client.post(page["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL


def turn_on_totp(client) -> str:
    """Drive the activation page as a person would and return the TOTP secret."""
    confirm_password(client)
    page = client.get(ACTIVATE_URL)
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(ACTIVATE_URL, {"code": current_code(secret)})
    assert response.status_code == 302, response.content.decode()
    return secret


@pytest.fixture
def person_with_totp():
    """A person who turned TOTP on, as (user, secret)."""
    user = make_person("aynur@example.az")
    owner = Client()
    sign_in(owner, "aynur@example.az")
    secret = turn_on_totp(owner)
    return user, secret


def unused_recovery_codes(user) -> list[str]:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(authenticator).get_unused_codes()


# --- Turning it on -------------------------------------------------------------


def test_activation_asks_for_password_again(client):
    make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")

    response = client.get(ACTIVATE_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/reauthenticate/")


def test_activation_page_shows_secret(client):
    make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")
    confirm_password(client)

    response = client.get(ACTIVATE_URL)

    secret = client.session[SECRET_SESSION_KEY]
    assert response.status_code == 200
    assert secret in response.content.decode()


def test_activation_with_wrong_code_is_refused(client):
    user = make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")
    confirm_password(client)
    client.get(ACTIVATE_URL)

    response = client.post(ACTIVATE_URL, {"code": "000000"})

    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not Authenticator.objects.filter(user=user).exists()


def test_activation_creates_totp_and_recovery_codes(client):
    user = make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")
    confirm_password(client)
    client.get(ACTIVATE_URL)
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(ACTIVATE_URL, {"code": current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == RECOVERY_CODES_URL
    types = set(Authenticator.objects.filter(user=user).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    assert len(unused_recovery_codes(user)) == 10


def test_account_page_shows_two_factor_on(person_with_totp):
    browser = Client()
    sign_in(browser, "aynur@example.az")
    browser.post(AUTHENTICATE_URL, {"code": current_code(person_with_totp[1])})

    response = browser.get("/en/hesab/")

    assert "On (authenticator app)" in response.content.decode()


# --- Signing in ----------------------------------------------------------------


def test_password_sign_in_asks_for_code(person_with_totp):
    browser = Client()

    response = sign_in(browser, "aynur@example.az")

    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE_URL
    assert signed_in_user_id(browser) is None
    assert browser.get("/hesab/")["Location"] == "/hesab/login/?next=/hesab/"


def test_wrong_code_is_refused(person_with_totp):
    browser = Client()
    sign_in(browser, "aynur@example.az")

    response = browser.post(AUTHENTICATE_URL, {"code": "000000"})

    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert signed_in_user_id(browser) is None


def test_right_code_signs_in(person_with_totp):
    user, secret = person_with_totp
    browser = Client()
    sign_in(browser, "aynur@example.az")

    response = browser.post(AUTHENTICATE_URL, {"code": current_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert signed_in_user_id(browser) == str(user.pk)
    assert browser.get("/hesab/").status_code == 200


def test_code_works_once(person_with_totp):
    _user, secret = person_with_totp
    first, second = Client(), Client()
    sign_in(first, "aynur@example.az")
    sign_in(second, "aynur@example.az")
    code = current_code(secret)
    first.post(AUTHENTICATE_URL, {"code": code})

    response = second.post(AUTHENTICATE_URL, {"code": code})

    assert response.status_code == 200
    assert signed_in_user_id(second) is None


def test_recovery_code_works_once(person_with_totp):
    user, _secret = person_with_totp
    code = unused_recovery_codes(user)[0]
    first, second = Client(), Client()

    sign_in(first, "aynur@example.az")
    used = first.post(AUTHENTICATE_URL, {"code": code})
    sign_in(second, "aynur@example.az")
    reused = second.post(AUTHENTICATE_URL, {"code": code})

    assert used.status_code == 302
    assert signed_in_user_id(first) == str(user.pk)
    assert reused.status_code == 200
    assert signed_in_user_id(second) is None
    assert code not in unused_recovery_codes(user)
    assert len(unused_recovery_codes(user)) == 9


def test_sign_in_link_then_code_signs_in(person_with_totp):
    user, secret = person_with_totp
    browser = Client()
    browser.post("/hesab/giris-linki/", {"email": "aynur@example.az"})
    browser.post(link_path(mail.outbox[-1]))

    response = browser.post(AUTHENTICATE_URL, {"code": current_code(secret)})

    assert response.status_code == 302
    assert signed_in_user_id(browser) == str(user.pk)


# --- Recovery codes page -------------------------------------------------------


def test_recovery_codes_page_lists_codes(client):
    user = make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")
    turn_on_totp(client)

    # Activation leads here, while the password entered again is fresh.
    response = client.get(RECOVERY_CODES_URL)

    body = response.content.decode()
    codes = unused_recovery_codes(user)
    assert response.status_code == 200
    assert len(codes) == 10
    for code in codes:
        assert code in body
    assert 'media="print"' in body


def test_recovery_codes_later_need_password_again(person_with_totp):
    user, secret = person_with_totp
    browser = Client()
    sign_in(browser, "aynur@example.az")
    browser.post(AUTHENTICATE_URL, {"code": current_code(secret)})

    asked = browser.get(RECOVERY_CODES_URL)
    browser.post(asked["Location"], {"password": PASSWORD})
    response = browser.get(RECOVERY_CODES_URL)

    assert asked.status_code == 302
    assert asked["Location"].startswith("/hesab/reauthenticate/")
    assert response.status_code == 200
    for code in unused_recovery_codes(user):
        assert code in response.content.decode()


def test_recovery_codes_download_lists_codes(client):
    user = make_person("aynur@example.az")
    sign_in(client, "aynur@example.az")
    turn_on_totp(client)

    response = client.get(f"{RECOVERY_CODES_URL}download/")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    for code in unused_recovery_codes(user):
        assert code in body


def test_recovery_codes_page_needs_sign_in(client):
    response = client.get(RECOVERY_CODES_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/hesab/login/")
