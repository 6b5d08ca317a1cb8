"""The account page /hesab/, its sessions list and "download my data"."""

import json

import pytest
from allauth.usersessions.models import UserSession
from django.core import mail
from django.test import Client

from cms.organizations.choices import Role
from cms.organizations.models import Membership
from tests.accounts.people import link_path, make_organization, make_person, sign_in, signed_in_user_id

pytestmark = pytest.mark.django_db

ACCOUNT_URL = "/hesab/"
DATA_URL = "/hesab/melumatlarim/"
SESSIONS_URL = "/hesab/sessions/"


def sign_in_client(email) -> Client:
    browser = Client()
    sign_in(browser, email)
    return browser


@pytest.fixture
def aynur():
    return make_person("aynur@example.az")


@pytest.fixture
def signed_in(client, aynur):
    client.force_login(aynur)
    return client


# --- Sign-in required ----------------------------------------------------------


@pytest.mark.parametrize("path", [ACCOUNT_URL, DATA_URL, SESSIONS_URL])
def test_page_needs_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/hesab/login/?next={path}"


def test_english_page_needs_sign_in(client):
    response = client.get("/en/hesab/")

    assert response.status_code == 302
    assert response["Location"] == "/en/hesab/login/?next=/en/hesab/"


# --- Organizations -------------------------------------------------------------


def test_page_lists_own_organizations_only(signed_in, aynur):
    own = make_organization(aynur, name="Aynurun Birliyi", voen="1400057421")
    other_owner = make_person("rauf@example.az")
    other = make_organization(other_owner, name="Raufun Fondu", voen="1700000022")

    response = signed_in.get(ACCOUNT_URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Aynurun Birliyi" in body
    assert f'href="/teskilatlar/{own.pk}/"' in body
    assert "Raufun Fondu" not in body
    assert f'href="/teskilatlar/{other.pk}/"' not in body


def test_page_lists_organization_joined_as_member(signed_in, aynur):
    owner = make_person("rauf@example.az")
    organization = make_organization(owner, name="Raufun Fondu", voen="1700000022")
    Membership.objects.create(organization=organization, user=aynur, role=Role.MEMBER)

    response = signed_in.get("/en/hesab/")

    body = response.content.decode()
    assert "Raufun Fondu" in body
    assert "1700000022 · Member" in body


def test_page_without_organizations_suggests_adding(signed_in):
    response = signed_in.get("/en/hesab/")

    body = response.content.decode()
    assert "You do not act for any organization yet." in body
    assert 'href="/en/teskilatlar/yeni/"' in body


def test_organization_name_is_escaped(signed_in, aynur):
    make_organization(aynur, name="<script>alert(1)</script>")

    response = signed_in.get(ACCOUNT_URL)

    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


# --- Language ------------------------------------------------------------------


def test_page_in_azerbaijani_at_root(signed_in):
    response = signed_in.get(ACCOUNT_URL)

    body = response.content.decode()
    assert '<html lang="az">' in body
    assert "Ana səhifə" in body


def test_page_in_english_under_en(signed_in):
    response = signed_in.get("/en/hesab/")

    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "<h1>Your account</h1>" in body
    assert "Your organizations" in body


# --- E-mail addresses ---------------------------------------------------------


def test_added_address_is_folded(aynur):
    browser = Client()
    sign_in(browser, "aynur@example.az")

    response = browser.post("/hesab/email/", {"action_add": "", "email": " İkinci@Example.AZ "})

    assert response.status_code == 302
    assert list(aynur.emailaddress_set.order_by("email").values_list("email", "verified")) == [
        ("aynur@example.az", True),
        ("ikinci@example.az", False),
    ]
    assert [message.to for message in mail.outbox] == [["ikinci@example.az"]]


def test_address_of_another_account_stays_with_it(aynur):
    rauf = make_person("rauf@example.az")
    browser = Client()
    sign_in(browser, "aynur@example.az")

    # ACCOUNT_PREVENT_ENUMERATION: allauth adds the taken address unverified
    # instead of saying it is taken, and mails a confirmation link to it.
    browser.post("/hesab/email/", {"action_add": "", "email": "RAUF@example.az"})
    Client().post(link_path(mail.outbox[-1]))
    mail.outbox.clear()
    Client().post("/hesab/password/reset/", {"email": "rauf@example.az"})

    assert list(aynur.emailaddress_set.filter(verified=True).values_list("email", flat=True)) == [
        "aynur@example.az"
    ]
    assert [message.to for message in mail.outbox] == [["rauf@example.az"]]
    assert signed_in_user_id(sign_in_client("rauf@example.az")) == str(rauf.pk)


# --- Sessions ------------------------------------------------------------------


def test_sessions_page_lists_sessions(aynur):
    laptop = Client(HTTP_USER_AGENT="Laptop browser")
    phone = Client(HTTP_USER_AGENT="Phone browser")
    sign_in(laptop, "aynur@example.az")
    sign_in(phone, "aynur@example.az")

    response = laptop.get(SESSIONS_URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert UserSession.objects.filter(user=aynur).count() == 2
    assert "Laptop browser" in body
    assert "Phone browser" in body


def test_sign_out_other_sessions(aynur):
    laptop, phone = Client(), Client()
    sign_in(laptop, "aynur@example.az")
    sign_in(phone, "aynur@example.az")
    assert phone.get(ACCOUNT_URL).status_code == 200

    response = laptop.post(SESSIONS_URL)

    assert response.status_code == 302
    assert response["Location"] == SESSIONS_URL
    assert laptop.get(ACCOUNT_URL).status_code == 200
    assert signed_in_user_id(laptop) == str(aynur.pk)
    signed_out = phone.get(ACCOUNT_URL)
    assert signed_out.status_code == 302
    assert signed_out["Location"] == "/hesab/login/?next=/hesab/"
    assert UserSession.objects.filter(user=aynur).count() == 1


def test_account_page_counts_sessions(aynur):
    laptop, phone = Client(), Client()
    sign_in(laptop, "aynur@example.az")
    sign_in(phone, "aynur@example.az")

    response = laptop.get("/en/hesab/")

    assert "You are signed in on 2 devices or browsers." in response.content.decode()


# --- Download my data ----------------------------------------------------------


def test_download_is_json_attachment(signed_in):
    response = signed_in.get(DATA_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')


def test_download_holds_own_data(signed_in, aynur):
    make_organization(aynur, name="Aynurun Birliyi", voen="1400057421")

    data = json.loads(signed_in.get(DATA_URL).content)

    assert data["person"]["email"] == "aynur@example.az"
    assert data["person"]["language"] == "az"
    assert data["email_addresses"] == [{"email": "aynur@example.az", "verified": True, "primary": True}]
    assert [(o["name"], o["voen"], o["role"]) for o in data["organizations"]] == [
        ("Aynurun Birliyi", "1400057421", "owner")
    ]
    assert [entry["action"] for entry in data["actions_logged"]] == ["organizations.created"]


def test_download_leaves_out_other_people(signed_in, aynur):
    rauf = make_person("rauf@example.az")
    make_organization(rauf, name="Raufun Fondu", voen="1700000022")
    shared = make_organization(rauf, name="Ortaq Birlik", voen="1700000011")
    Membership.objects.create(organization=shared, user=aynur, role=Role.MEMBER)

    raw = signed_in.get(DATA_URL).content.decode()
    data = json.loads(raw)

    assert "rauf@example.az" not in raw
    assert "Raufun Fondu" not in raw
    assert [o["name"] for o in data["organizations"]] == ["Ortaq Birlik"]
    assert data["actions_logged"] == []


def test_download_keeps_azerbaijani_letters(signed_in, aynur):
    make_organization(aynur, name="Şəki Regional İnkişaf Fondu")

    raw = signed_in.get(DATA_URL).content.decode()

    assert "Şəki Regional İnkişaf Fondu" in raw
