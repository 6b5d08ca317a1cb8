"""One-time sign-in links at /hesab/giris-linki/ (cms.accounts.signin_links)."""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.test import Client
from django.utils import timezone

from cms.accounts.models import SignInLink
from cms.accounts.tokens import hash_secret
from tests.accounts.people import link_path, make_person, signed_in_user_id, translated

pytestmark = pytest.mark.django_db

REQUEST_URL = "/hesab/giris-linki/"


def request_link(client, email):
    return client.post(REQUEST_URL, {"email": email})


def emailed_link(client, email) -> str:
    request_link(client, email)
    return link_path(mail.outbox[-1])


# --- Asking for a link ---------------------------------------------------------


def test_request_page_has_form(client):
    response = client.get(REQUEST_URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="email"' in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_response_same_for_known_and_unknown(client):
    make_person("aynur@example.az")

    known = request_link(Client(), "aynur@example.az")
    unknown = request_link(Client(), "nobody@example.az")

    # The page repeats the typed address, and apart from it nothing differs.
    assert known.status_code == unknown.status_code == 200
    known_body = known.content.decode().replace("aynur@example.az", "ADDRESS")
    unknown_body = unknown.content.decode().replace("nobody@example.az", "ADDRESS")
    assert known_body == unknown_body


def test_link_sent_to_verified_address_only(client):
    make_person("aynur@example.az")

    request_link(client, "aynur@example.az")
    request_link(client, "nobody@example.az")

    assert [message.to for message in mail.outbox] == [["aynur@example.az"]]
    assert mail.outbox[0].subject == translated("Your link to sign in")
    assert link_path(mail.outbox[0]).startswith("/hesab/giris-linki/")
    assert SignInLink.objects.count() == 1


def test_link_request_folds_typed_address(client):
    make_person("mike@example.com")

    request_link(client, "  MİKE@Example.COM ")

    assert [message.to for message in mail.outbox] == [["mike@example.com"]]


def test_unverified_address_gets_no_link(client):
    make_person("nigar@example.az", verified=False)

    response = request_link(client, "nigar@example.az")

    assert response.status_code == 200
    assert mail.outbox == []
    assert SignInLink.objects.count() == 0


def test_inactive_person_gets_no_link(client):
    person = make_person("aynur@example.az")
    person.is_active = False
    person.save()

    request_link(client, "aynur@example.az")

    assert mail.outbox == []


def test_link_stored_only_as_hash(client):
    make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    secret = path.rstrip("/").rsplit("/", 1)[1]

    link = SignInLink.objects.get()
    assert link.token_hash == hash_secret(secret)
    assert secret not in link.token_hash


def test_link_in_english_for_english_reader(client):
    make_person("aynur@example.az", language="en")

    request_link(client, "aynur@example.az")

    assert link_path(mail.outbox[0]).startswith("/en/hesab/giris-linki/")


# --- Using the link ------------------------------------------------------------


def test_get_shows_button_and_keeps_link(client):
    make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    scanner = Client()

    response = scanner.get(path)

    body = response.content.decode()
    assert response.status_code == 200
    assert '<form method="post">' in body
    assert "aynur@example.az" in body
    assert signed_in_user_id(scanner) is None
    assert SignInLink.objects.get().used_at is None


def test_post_signs_in(client):
    user = make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    browser = Client()

    response = browser.post(path)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert signed_in_user_id(browser) == str(user.pk)
    assert browser.get("/hesab/").status_code == 200
    assert SignInLink.objects.get().used_at is not None


def test_second_post_is_410(client):
    make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    Client().post(path)
    second = Client()

    response = second.post(path)

    assert response.status_code == 410
    assert signed_in_user_id(second) is None
    assert 'href="/hesab/giris-linki/"' in response.content.decode()


def test_used_link_get_is_410(client):
    make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    Client().post(path)

    assert Client().get(path).status_code == 410


def test_expired_link_is_410(client):
    make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    SignInLink.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    browser = Client()

    shown = browser.get(path)
    pressed = browser.post(path)

    assert shown.status_code == 410
    assert pressed.status_code == 410
    assert signed_in_user_id(browser) is None
    assert SignInLink.objects.get().used_at is None


def test_unknown_secret_is_410(client):
    response = client.post("/hesab/giris-linki/not-a-real-secret/")

    assert response.status_code == 410
    assert signed_in_user_id(client) is None


def test_link_expires_after_twenty_minutes(client):
    make_person("aynur@example.az")
    before = timezone.now()

    request_link(client, "aynur@example.az")

    link = SignInLink.objects.get()
    assert before + timedelta(minutes=20) <= link.expires_at <= timezone.now() + timedelta(minutes=20)


def test_link_of_deactivated_person_is_410(client):
    person = make_person("aynur@example.az")
    path = emailed_link(client, "aynur@example.az")
    person.is_active = False
    person.save()
    browser = Client()

    response = browser.post(path)

    assert response.status_code == 410
    assert signed_in_user_id(browser) is None


# --- Two-factor sign-in --------------------------------------------------------


def test_link_asks_for_second_factor(client):
    user = make_person("aynur@example.az")
    TOTP.activate(user, generate_totp_secret())
    path = emailed_link(client, "aynur@example.az")
    browser = Client()

    response = browser.post(path)

    assert response.status_code == 302
    assert response["Location"] == "/hesab/2fa/authenticate/"
    assert signed_in_user_id(browser) is None
    account_page = browser.get("/hesab/")
    assert account_page.status_code == 302
    assert account_page["Location"] == "/hesab/login/?next=/hesab/"


# --- Rate limit ----------------------------------------------------------------


def test_fourth_request_within_five_minutes_is_429(client):
    make_person("aynur@example.az")
    for _ in range(3):
        assert request_link(client, "aynur@example.az").status_code == 200

    response = request_link(client, "aynur@example.az")

    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_rate_limit_counts_folded_address(client):
    make_person("aynur@example.az")
    for typed in ("aynur@example.az", "AYNUR@example.az", " Aynur@Example.AZ"):
        request_link(client, typed)

    response = request_link(client, "aynur@EXAMPLE.az")

    assert response.status_code == 429


def test_rate_limit_is_per_address(client):
    make_person("aynur@example.az")
    make_person("rauf@example.az")
    for _ in range(3):
        request_link(client, "aynur@example.az")

    response = request_link(client, "rauf@example.az")

    assert response.status_code == 200
    assert mail.outbox[-1].to == ["rauf@example.az"]


def test_rate_limited_page_in_english(client):
    for _ in range(3):
        request_link(client, "nobody@example.az")

    response = client.post(f"/en{REQUEST_URL}", {"email": "nobody@example.az"})

    assert response.status_code == 429
    assert "<h1>Too many attempts</h1>" in response.content.decode()
