"""The call-back form: checks, spam protection, limits, the confirmation, and the queue staff work from."""

import re
import time

import pytest
from django.core import signing
from django.test import Client
from django.utils.html import escape

from help import callbacks
from help.models import CallbackRequest, CallbackStatus
from help.ratelimit import RateLimit

from .conftest import CONTACT_PATH, client_for

CONFIRMATION_PATH = CONTACT_PATH + "qebul/"
QUEUE_URL = "/admin/callback-requests/"
NAME = "Gülnarə İsmayılova"
MESSAGE = "QR-2026-000123 nömrəli müraciət barədə sual"


def served(seconds_ago: float = 10) -> str:
    """A form timestamp signed by the site, issued ``seconds_ago`` seconds ago."""
    return signing.dumps(time.time() - seconds_ago, salt=callbacks.SIGNING_SALT)


def form_data(**overrides) -> dict:
    data = {
        "name": NAME,
        "phone": "050 123 45 67",
        "topic": "eservice",
        "message": MESSAGE,
        "website": "",
        "served": served(),
    }
    data.update(overrides)
    return data


def error_text(response) -> str:
    return response.content.decode()


def test_form_served_with_fresh_timestamp(client, contact):
    response = client.get(CONTACT_PATH)

    token = response.context["served"]
    assert response.status_code == 200
    assert time.time() - callbacks.read_timestamp(token) < 5
    assert f'name="served" value="{token}"' in response.content.decode()


def test_request_saved_once(client, contact):
    response = client.post(CONTACT_PATH, form_data())

    callback = CallbackRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == CONFIRMATION_PATH
    assert CallbackRequest.objects.count() == 1
    assert callback.name == NAME
    assert callback.phone == "+994501234567"
    assert callback.topic == "eservice"
    assert callback.message == MESSAGE
    assert callback.language == "az"
    assert callback.status == CallbackStatus.NEW
    assert re.fullmatch(r"ZS-\d{4}-\d{6}", callback.reference)
    assert callback.reference.endswith(f"{callback.pk:06d}")


def test_confirmation_shows_reference_only(client, contact):
    client.post(CONTACT_PATH, form_data())
    callback = CallbackRequest.objects.get()

    response = client.get(CONFIRMATION_PATH)
    text = response.content.decode()

    assert response.status_code == 200
    assert callback.reference in text
    assert NAME not in text
    assert "123 45 67" not in text
    assert "+994501234567" not in text
    assert MESSAGE not in text


def test_confirmation_without_request_goes_to_form(client, contact):
    response = client.get(CONFIRMATION_PATH)

    assert response.status_code == 302
    assert response["Location"] == CONTACT_PATH


def test_english_request_records_language(client, contact, help_index):
    from .conftest import translate

    translate(help_index, "en", title="Help")
    translate(contact, "en", title="Contact and hotline")

    response = client.post("/en/komek/elaqe/", form_data())

    assert response["Location"] == "/en/komek/elaqe/qebul/"
    assert CallbackRequest.objects.get().language == "en"


@pytest.mark.parametrize("phone", ["+994 12 000 00 00", "0121234567", "994 55 123 45 67", "(050) 123-45-67"])
def test_phone_forms_accepted(client, contact, phone):
    client.post(CONTACT_PATH, form_data(phone=phone))

    assert re.fullmatch(r"\+994[0-9]{9}", CallbackRequest.objects.get().phone)


@pytest.mark.parametrize("phone", ["12345", "+7 495 123 45 67", "050 123 45 6", "٠٥٠١٢٣٤٥٦٧", "telefon"])
def test_bad_phone_rejected_and_input_kept(client, contact, phone):
    response = client.post(CONTACT_PATH, form_data(phone=phone))
    text = error_text(response)

    assert response.status_code == 400
    assert not CallbackRequest.objects.exists()
    assert 'class="error-summary"' in text
    assert 'id="id_phone_error"' in text or "error-message" in text
    assert escape(NAME) in text
    assert escape(MESSAGE) in text


@pytest.mark.parametrize(
    "overrides",
    [
        {"name": ""},
        {"name": "Ad\x00Soyad"},
        {"name": "ə" * 151},
        {"topic": ""},
        {"topic": "qrant"},
        {"message": "ş" * 1001},
    ],
    ids=["no-name", "null-character", "long-name", "no-topic", "unknown-topic", "long-message"],
)
def test_bad_input_rejected(client, contact, overrides):
    response = client.post(CONTACT_PATH, form_data(**overrides))

    assert response.status_code == 400
    assert 'class="error-summary"' in error_text(response)
    assert not CallbackRequest.objects.exists()


def test_honeypot_rejected(client, contact):
    response = client.post(CONTACT_PATH, form_data(website="https://spam.example"))

    assert response.status_code == 400
    assert escape(str(callbacks.REJECTED)) in error_text(response)
    assert not CallbackRequest.objects.exists()


def test_too_fast_rejected_and_timestamp_kept(client, contact):
    token = served(seconds_ago=0.5)

    response = client.post(CONTACT_PATH, form_data(served=token))

    assert response.status_code == 400
    assert escape(str(callbacks.TOO_FAST)) in error_text(response)
    assert response.context["served"] == token
    assert escape(NAME) in error_text(response)
    assert not CallbackRequest.objects.exists()


def test_resent_after_too_fast_accepted(client, contact, monkeypatch):
    token = served(seconds_ago=0.5)
    client.post(CONTACT_PATH, form_data(served=token))
    monkeypatch.setattr(callbacks, "MIN_FILL_SECONDS", 0.1)

    response = client.post(CONTACT_PATH, form_data(served=token))

    assert response.status_code == 302
    assert CallbackRequest.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        "",
        "1700000000",
        served()[:-2] + "xx",
        signing.dumps(time.time() - 60, salt="another.salt"),
        signing.dumps("sixty seconds ago", salt=callbacks.SIGNING_SALT),
        "ə" * 5000,
    ],
    ids=["missing", "unsigned", "altered", "wrong-salt", "not-a-number", "garbage"],
)
def test_tampered_timestamp_rejected(client, contact, token):
    response = client.post(CONTACT_PATH, form_data(served=token))

    assert response.status_code == 400
    assert escape(str(callbacks.REJECTED)) in error_text(response)
    assert response.context["served"] != token
    assert not CallbackRequest.objects.exists()


def test_expired_form_rejected_with_fresh_timestamp(client, contact):
    token = served(seconds_ago=callbacks.MAX_FORM_AGE_SECONDS + 60)

    response = client.post(CONTACT_PATH, form_data(served=token))

    assert response.status_code == 400
    assert escape(str(callbacks.EXPIRED)) in error_text(response)
    assert time.time() - callbacks.read_timestamp(response.context["served"]) < 5
    assert not CallbackRequest.objects.exists()


def test_rate_limited_per_session(client, contact):
    for _ in range(callbacks.CALLBACK_LIMIT.per_session):
        assert client.post(CONTACT_PATH, form_data()).status_code == 302

    response = client.post(CONTACT_PATH, form_data())

    assert response.status_code == 429
    assert escape(str(callbacks.TOO_MANY)) in error_text(response)
    assert escape(NAME) in error_text(response)
    assert CallbackRequest.objects.count() == callbacks.CALLBACK_LIMIT.per_session


def test_rate_limited_per_address(contact, monkeypatch):
    monkeypatch.setattr(callbacks, "CALLBACK_LIMIT", RateLimit("callback-test", per_address=2, per_session=3, seconds=3600))
    for _ in range(2):
        assert Client().post(CONTACT_PATH, form_data()).status_code == 302

    response = Client().post(CONTACT_PATH, form_data())

    assert response.status_code == 429
    assert CallbackRequest.objects.count() == 2


def test_rejected_forms_do_not_use_up_limit(client, contact):
    for _ in range(callbacks.CALLBACK_LIMIT.per_session + 2):
        client.post(CONTACT_PATH, form_data(phone="12345"))

    response = client.post(CONTACT_PATH, form_data())

    assert response.status_code == 302


def test_request_without_csrf_token_refused(contact):
    client = Client(enforce_csrf_checks=True)
    client.get(CONTACT_PATH)

    response = client.post(CONTACT_PATH, form_data())

    assert response.status_code == 403
    assert not CallbackRequest.objects.exists()


# --- The queue in the admin ------------------------------------------------------------


@pytest.fixture
def callback(client, contact):
    client.post(CONTACT_PATH, form_data(message="<script>alert('zəng')</script>"))
    return CallbackRequest.objects.get()


def test_queue_lists_requests(operator, callback):
    response = client_for(operator).get(QUEUE_URL)
    text = response.content.decode()

    assert response.status_code == 200
    assert callback.reference in text
    assert escape(NAME) in text
    assert "+994 50 123 45 67" in text


def test_queue_hidden_from_other_staff(plain_staff, editor, callback):
    for user in (plain_staff, editor):
        response = client_for(user).get(QUEUE_URL)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_queue_has_no_add_view(operator, help_groups):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("baş-operator", "bas@example.az", "superuser-password-2026")

    for user in (operator, admin):
        assert client_for(user).get(QUEUE_URL + "new/").status_code in (302, 403, 404)
    assert not CallbackRequest.objects.exists()


def test_request_page_escapes_message(operator, callback):
    text = client_for(operator).get(f"{QUEUE_URL}edit/{callback.pk}/").content.decode()

    assert "<script>alert('zəng')</script>" not in text
    assert "&lt;script&gt;alert(&#x27;zəng&#x27;)&lt;/script&gt;" in text


def test_done_needs_a_note(operator, callback):
    response = client_for(operator).post(f"{QUEUE_URL}edit/{callback.pk}/", {"status": "done", "staff_note": "  "})

    callback.refresh_from_db()
    assert response.status_code == 200
    assert callback.status == CallbackStatus.NEW
    assert callback.handled_at is None


def test_mark_done_records_who_and_when(operator, callback):
    response = client_for(operator).post(
        f"{QUEUE_URL}edit/{callback.pk}/",
        {"status": "done", "staff_note": "Zəng edildi, sual cavablandı.", "name": "Dəyişdirilmiş ad", "phone": "+994551112233"},
    )

    callback.refresh_from_db()
    assert response.status_code == 302
    assert callback.status == CallbackStatus.DONE
    assert callback.staff_note == "Zəng edildi, sual cavablandı."
    assert callback.handled_by == operator
    assert callback.handled_at is not None
    # The person's details are read-only in the admin.
    assert callback.name == NAME
    assert callback.phone == "+994501234567"


def test_reopening_clears_handler(operator, callback):
    url = f"{QUEUE_URL}edit/{callback.pk}/"
    client_for(operator).post(url, {"status": "done", "staff_note": "Zəng edildi."})

    client_for(operator).post(url, {"status": "new", "staff_note": "Yenidən zəng etmək lazımdır."})

    callback.refresh_from_db()
    assert callback.status == CallbackStatus.NEW
    assert callback.handled_by is None
    assert callback.handled_at is None
