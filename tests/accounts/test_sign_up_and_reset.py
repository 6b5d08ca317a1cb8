"""Sign-up, e-mail confirmation, password sign-in and reset through
django-allauth as this site configures it (cms.settings.base, "Accounts")."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.accounts.people import PASSWORD, link_path, mail_to, make_person, sign_in, signed_in_user_id, translated

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/hesab/signup/"
RESET_URL = "/hesab/password/reset/"
NEW_PASSWORD = "Yaşıl-Çay-Fincanı-77"
# allauth's own Azerbaijani message for "Too many failed login attempts."
TOO_MANY_FAILURES = "Həddindən artıq uğursuz giriş cəhdi. Biraz sonra yenidən cəhd edin."


def sign_up(client, email, password=PASSWORD, prefix=""):
    return client.post(f"{prefix}{SIGNUP_URL}", {"email": email, "password1": password, "password2": password})


def request_reset(client, email):
    return client.post(RESET_URL, {"email": email})


def set_password_from_link(client, message, password):
    """Follow the reset link from ``message`` and choose ``password``."""
    form_page = client.get(link_path(message))
    assert form_page.status_code == 302
    return client.post(form_page["Location"], {"password1": password, "password2": password})


# --- Sign-up and confirmation --------------------------------------------------


def test_sign_up_sends_confirmation_to_folded_address(client):
    response = sign_up(client, "  Aynur@Example.AZ ")

    assert response.status_code == 302
    assert response["Location"] == "/hesab/confirm-email/"
    user = get_user_model().objects.get()
    assert user.email == "aynur@example.az"
    assert list(EmailAddress.objects.values_list("email", "verified")) == [("aynur@example.az", False)]
    assert [message.to for message in mail.outbox] == [["aynur@example.az"]]
    assert mail.outbox[0].subject == translated("Confirm your e-mail address")
    assert "/hesab/confirm-email/" in link_path(mail.outbox[0])


def test_sign_up_stores_profile_language(client):
    sign_up(client, "aynur@example.az", prefix="/en")

    user = get_user_model().objects.get(email="aynur@example.az")
    assert user.profile.language == "en"


def test_confirmation_link_get_does_not_confirm(client):
    sign_up(client, "aynur@example.az")
    scanner = Client()

    response = scanner.get(link_path(mail.outbox[0]))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert EmailAddress.objects.get(email="aynur@example.az").verified is False
    assert signed_in_user_id(scanner) is None


def test_confirmation_link_post_confirms_and_signs_in(client):
    sign_up(client, "aynur@example.az")
    path = link_path(mail.outbox[0])

    response = client.post(path)

    user = get_user_model().objects.get(email="aynur@example.az")
    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert EmailAddress.objects.get(email="aynur@example.az").verified is True
    assert signed_in_user_id(client) == str(user.pk)
    assert client.get("/hesab/").status_code == 200


def test_unconfirmed_person_cannot_sign_in(client):
    make_person("nigar@example.az", verified=False)

    response = sign_in(client, "nigar@example.az")

    assert response.status_code == 302
    assert response["Location"] == "/hesab/confirm-email/"
    assert signed_in_user_id(client) is None
    assert client.get("/hesab/").status_code == 302
    # allauth sends a fresh confirmation instead of signing in.
    assert [message.subject for message in mail_to("nigar@example.az")] == [translated("Confirm your e-mail address")]


def test_duplicate_sign_up_in_other_case_creates_no_account(client):
    existing = make_person("aynur@example.az")

    response = sign_up(client, "AYNUR@Example.az")

    # The page is the one a new sign-up gets, so only the mailbox learns more.
    assert response.status_code == 302
    assert response["Location"] == "/hesab/confirm-email/"
    assert list(get_user_model().objects.values_list("pk", flat=True)) == [existing.pk]
    assert EmailAddress.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["aynur@example.az"]]
    # allauth's "account already exists" e-mail, in its Azerbaijani wording.
    assert mail.outbox[0].subject == "Hesab Artıq Mövcuddur"
    assert "/hesab/password/reset/" in mail.outbox[0].body
    assert "/hesab/confirm-email/" not in mail.outbox[0].body


def test_duplicate_sign_up_with_capital_dotted_i(client):
    existing = make_person("mike@example.com")

    sign_up(client, "MİKE@EXAMPLE.COM")

    assert list(get_user_model().objects.values_list("pk", flat=True)) == [existing.pk]
    assert [message.to for message in mail.outbox] == [["mike@example.com"]]


# --- Passwords -----------------------------------------------------------------


def test_sign_up_rejects_numeric_common_password(client):
    response = sign_up(client, "aynur@example.az", password="12345678", prefix="/en")

    body = response.content.decode()
    assert response.status_code == 200
    assert "This password is too common." in body
    assert "This password is entirely numeric." in body
    assert 'class="error-summary"' in body
    assert get_user_model().objects.count() == 0
    assert mail.outbox == []


def test_sign_up_rejects_password_like_address(client):
    response = sign_up(client, "aynur.mammadova@example.az", password="aynur.mammadova", prefix="/en")

    assert response.status_code == 200
    assert "The password is too similar to the email address." in response.content.decode()
    assert get_user_model().objects.count() == 0


# --- Signing in ----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["  Aynur@Example.AZ ", "AYNUR@EXAMPLE.AZ", "aynur@example.az"])
def test_sign_in_folds_typed_address(client, typed):
    user = make_person("aynur@example.az")

    response = sign_in(client, typed)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_with_capital_dotted_i(client):
    user = make_person("mike@example.com")

    sign_in(client, "MİKE@EXAMPLE.COM")

    assert signed_in_user_id(client) == str(user.pk)


def test_sign_in_with_dotless_i_look_alike_fails(client):
    make_person("mike@example.com")

    response = sign_in(client, "mıke@example.com")

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_sign_in_with_wrong_password_fails(client):
    make_person("aynur@example.az")

    response = sign_in(client, "aynur@example.az", "not-the-password")

    assert response.status_code == 200
    assert "Göstərdiyiniz e-poçt ünvanı və ya şifrə düzgün deyil." in response.content.decode()
    assert signed_in_user_id(client) is None


# --- Password reset ------------------------------------------------------------


def test_reset_response_is_identical_for_known_and_unknown(client):
    make_person("aynur@example.az")
    known_client, unknown_client = Client(), Client()

    known = request_reset(known_client, "aynur@example.az")
    unknown = request_reset(unknown_client, "nobody@example.az")

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/hesab/password/reset/done/"
    known_page = known_client.get(known["Location"])
    unknown_page = unknown_client.get(unknown["Location"])
    assert known_page.status_code == unknown_page.status_code == 200
    assert known_page.content == unknown_page.content


def test_reset_sends_one_mail_to_known_address(client):
    make_person("aynur@example.az")

    request_reset(client, "aynur@example.az")

    assert [message.to for message in mail.outbox] == [["aynur@example.az"]]
    assert mail.outbox[0].subject == translated("Reset your password")
    assert "/hesab/password/reset/key/" in link_path(mail.outbox[0])


def test_reset_for_unknown_address_sends_no_reset_link(client):
    make_person("aynur@example.az")

    request_reset(client, "nobody@example.az")

    # ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS (allauth's default) tells the unknown
    # address that it has no account, and no reset link goes anywhere.
    assert [message.to for message in mail.outbox] == [["nobody@example.az"]]
    assert "/hesab/password/reset/key/" not in mail.outbox[0].body
    assert "/hesab/signup/" in mail.outbox[0].body


def test_reset_for_dotless_look_alike_reaches_nobody_else(client):
    make_person("mike@example.com")

    request_reset(client, "mıke@example.com")

    assert mail_to("mike@example.com") == []
    assert all("/hesab/password/reset/key/" not in message.body for message in mail.outbox)


def test_reset_for_capital_dotted_i_reaches_owner(client):
    make_person("mike@example.com")

    request_reset(client, "MİKE@EXAMPLE.COM")

    assert [message.to for message in mail.outbox] == [["mike@example.com"]]
    assert "/hesab/password/reset/key/" in link_path(mail.outbox[0])


def test_reset_link_sets_new_password(client):
    make_person("aynur@example.az")
    request_reset(client, "aynur@example.az")

    response = set_password_from_link(client, mail.outbox[0], NEW_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/password/reset/key/done/"
    assert sign_in(Client(), "aynur@example.az", PASSWORD).status_code == 200
    fresh = Client()
    assert sign_in(fresh, "aynur@example.az", NEW_PASSWORD).status_code == 302
    assert signed_in_user_id(fresh) is not None


def test_reset_link_works_once(client):
    make_person("aynur@example.az")
    request_reset(client, "aynur@example.az")
    set_password_from_link(client, mail.outbox[0], NEW_PASSWORD)

    second = Client().get(link_path(mail.outbox[0]), follow=True)

    assert second.status_code == 200
    assert 'name="password1"' not in second.content.decode()


# --- Rate limits ---------------------------------------------------------------


def fail_sign_in(client, email, times):
    for _ in range(times):
        response = sign_in(client, email, "not-the-password")
        assert response.status_code == 200


def test_failed_sign_ins_block_the_address(client):
    make_person("aynur@example.az")
    fail_sign_in(client, "aynur@example.az", 5)

    # ACCOUNT_RATE_LIMITS "login_failed": 5 per 5 minutes per address. allauth
    # rejects further tries, the right password too, with a form error.
    response = sign_in(client, "aynur@example.az")

    assert response.status_code == 200
    assert TOO_MANY_FAILURES in response.content.decode()
    assert signed_in_user_id(client) is None


def test_failed_sign_ins_leave_other_addresses_alone(client):
    make_person("aynur@example.az")
    other = make_person("rauf@example.az")
    fail_sign_in(client, "aynur@example.az", 5)

    sign_in(client, "rauf@example.az")

    assert signed_in_user_id(client) == str(other.pk)


def test_too_many_sign_in_posts_get_429_page(client):
    # "login": 30 per minute per IP address, counted before the form is read.
    for _ in range(30):
        sign_in(client, "nobody@example.az", "not-the-password")

    response = client.post("/en/hesab/login/", {"login": "nobody@example.az", "password": "x"})

    body = response.content.decode()
    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in body
    assert 'href="/en/hesab/password/reset/"' in body


def test_reset_after_lockout_lets_owner_in_at_once(client):
    make_person("aynur@example.az")
    fail_sign_in(client, "aynur@example.az", 5)
    assert TOO_MANY_FAILURES in sign_in(client, "aynur@example.az").content.decode()

    reset = request_reset(client, "aynur@example.az")
    set_password_from_link(client, mail.outbox[-1], NEW_PASSWORD)
    response = sign_in(Client(), "aynur@example.az", NEW_PASSWORD)

    assert reset.status_code == 302
    assert response.status_code == 302
    assert response["Location"] == "/hesab/"


@pytest.mark.parametrize("address", ["mıke@example.com", "şəhla@example.az", "Ümid@example.az", "aysel@localhost"])
def test_sign_up_refuses_addresses_mail_cannot_reach(client, address):
    response = sign_up(client, address)

    # Django's validator already refuses most letters; the dotless ı slips
    # through it (Python's case-insensitive match treats ı as i), and ours stops it.
    assert response.status_code == 200
    assert response.context["form"].has_error("email")
    assert not get_user_model().objects.exists()
    assert mail.outbox == []
