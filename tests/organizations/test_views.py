"""Applicants' organization pages under /teskilatlar/ (cms.organizations.views)."""

import re

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import ModelLogEntry

from cms.organizations import membership
from cms.organizations.choices import Role
from cms.organizations.models import Invitation, Membership, Organization
from tests.accounts.people import PASSWORD, link_path, make_organization, make_person

pytestmark = pytest.mark.django_db

CREATE_URL = "/teskilatlar/yeni/"
DUPLICATE_VOEN = (
    "An organization with this VÖEN already has an account on the site. Ask one of its "
    "owners to invite you; if none of them can, the ministry can restore access."
)
LAST_OWNER = "An organization must keep at least one owner. Make another member an owner first."


def signed_in_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(**changes) -> dict:
    data = {
        "name": "“Şəki Regional İnkişaf” Fondu",
        "legal_form": "foundation",
        "voen": "1400 057 421",
        "registration_number": "1400000456",
        "registration_date": "2015-03-01",
        "legal_address": "Şəki şəhəri, M. F. Axundzadə prospekti 40",
        "region": "seki-seheri",
        "phone": "050 123 45 67",
        "email": "Fond@Seki-Inkisaf.example.org",
    }
    data.update(changes)
    return data


def error_summary_links(body: str) -> dict[str, str]:
    """The error summary's entries as {field anchor: message}."""
    summary = re.search(r'<div class="error-summary".*?</div>', body, re.S)
    assert summary, "no error summary on the page"
    return dict(re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', summary.group(0)))


def roles(organization) -> dict[str, str]:
    return dict(organization.memberships.values_list("user__email", "role"))


def member_action_url(organization, target, action) -> str:
    return f"/teskilatlar/{organization.pk}/uzvler/{target.pk}/{action}/"


# --- Creating ------------------------------------------------------------------


def test_create_page_needs_sign_in(client):
    response = client.get(CREATE_URL)

    assert response.status_code == 302
    assert response["Location"] == f"/hesab/login/?next={CREATE_URL}"


def test_create_stores_normal_forms(owner):
    client = signed_in_as(owner)

    response = client.post(CREATE_URL, form_data())

    organization = Organization.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/teskilatlar/{organization.pk}/"
    assert organization.voen == "1400057421"
    assert organization.phone == "+994501234567"
    assert organization.email == "fond@seki-inkisaf.example.org"
    assert organization.created_by == owner
    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    assert ModelLogEntry.objects.for_instance(organization).get().action == "organizations.created"


def test_created_organization_page_shows_details(owner):
    client = signed_in_as(owner)

    detail = client.post(f"/en{CREATE_URL}", form_data(), follow=True)

    body = detail.content.decode()
    assert detail.status_code == 200
    assert "has been created. You are its owner." in body
    assert "+994 50 123 45 67" in body
    assert 'href="tel:+994501234567"' in body
    assert "Şəki şəhəri" in body


def test_create_with_errors_lists_each_in_summary(owner):
    client = signed_in_as(owner)

    response = client.post(
        f"/en{CREATE_URL}", form_data(voen="12345", phone="+7 999 123 45 67", region="")
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert error_summary_links(body) == {
        "id_voen": "Enter the VÖEN as 10 digits, for example 1400057421.",
        "id_region": "This field is required.",
        "id_phone": "Enter an Azerbaijani phone number, for example +994 12 345 67 89 or 050 123 45 67.",
    }
    assert 'id="id_voen"' in body
    assert 'id="id_phone"' in body
    assert 'id="id_region"' in body
    assert Organization.objects.count() == 0


def test_create_error_summary_links_radio_to_first_choice(owner):
    client = signed_in_as(owner)

    response = client.post(f"/en{CREATE_URL}", form_data(legal_form=""))

    body = response.content.decode()
    assert error_summary_links(body) == {"id_legal_form_0": "This field is required."}
    assert 'id="id_legal_form_0"' in body


def test_create_error_page_title_says_error(owner):
    client = signed_in_as(owner)

    response = client.post(f"/en{CREATE_URL}", form_data(voen="12345"))

    assert "<title>Error: Add your organization" in response.content.decode()


def test_duplicate_voen_shows_clear_message(organization, owner):
    other = make_person("leyla@example.org")
    client = signed_in_as(other)

    # The existing organization has 1400057421, and the form types it with spaces.
    response = client.post(f"/en{CREATE_URL}", form_data(registration_number=""))

    assert response.status_code == 200
    assert error_summary_links(response.content.decode()) == {"id_voen": DUPLICATE_VOEN}
    assert Organization.objects.count() == 1
    assert not Membership.objects.filter(user=other).exists()


def test_founders_without_voen_can_add_an_unregistered_organization(owner):
    client = signed_in_as(owner)
    unregistered = form_data(voen="", registration_number="", registration_date="")

    first = client.post(f"/en{CREATE_URL}", unregistered)
    second = client.post(f"/en{CREATE_URL}", {**unregistered, "name": "“Yaşıl Gələcək” İctimai Birliyi"})

    assert first.status_code == 302
    assert second.status_code == 302
    assert list(Organization.objects.values_list("voen", flat=True)) == ["", ""]


def test_registered_organization_needs_its_voen(owner):
    client = signed_in_as(owner)

    response = client.post(f"/en{CREATE_URL}", form_data(voen=""))

    assert response.status_code == 200
    assert error_summary_links(response.content.decode()) == {
        "id_voen": "A registered organization has a VÖEN. Enter it."
    }
    assert not Organization.objects.exists()


# --- Who sees what -------------------------------------------------------------


def owner_only_urls(organization, target) -> list[str]:
    return [
        f"/teskilatlar/{organization.pk}/deyis/",
        f"/teskilatlar/{organization.pk}/devet-et/",
        member_action_url(organization, target, "remove"),
        member_action_url(organization, target, "make-owner"),
        member_action_url(organization, target, "make-member"),
        member_action_url(organization, target, "transfer"),
    ]


def test_outsider_gets_404_everywhere(organization, owner):
    outsider = signed_in_as(make_person("kenar@example.org"))
    target = Membership.objects.get(user=owner)
    urls = [
        f"/teskilatlar/{organization.pk}/",
        f"/teskilatlar/{organization.pk}/terk-et/",
        *owner_only_urls(organization, target),
    ]

    for url in urls:
        assert outsider.get(url).status_code == 404, url
        # The read-only page refuses POST for every id alike, which reveals nothing.
        expected = 405 if url == urls[0] else 404
        assert outsider.post(url, form_data()).status_code == expected, url

    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    assert Organization.objects.get().name == "“Gənc Hüquqşünaslar” İctimai Birliyi"


def test_outsider_cannot_revoke_invitation(organization, owner):
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    outsider = signed_in_as(make_person("kenar@example.org"))

    response = outsider.post(f"/teskilatlar/{organization.pk}/devetler/{invitation.pk}/legv-et/")

    invitation.refresh_from_db()
    assert response.status_code == 404
    assert invitation.is_pending


def test_unknown_organization_is_404(owner):
    assert signed_in_as(owner).get("/teskilatlar/999999/").status_code == 404


def test_member_gets_403_on_owner_pages(organization, owner, member):
    client = signed_in_as(member.user)
    target = Membership.objects.get(user=owner)

    for url in owner_only_urls(organization, target):
        assert client.get(url).status_code == 403, url
        assert client.post(url, form_data(name="Changed")).status_code == 403, url

    assert roles(organization) == {"aysel@example.org": Role.OWNER, "rauf@example.org": Role.MEMBER}
    assert Organization.objects.get().name == "“Gənc Hüquqşünaslar” İctimai Birliyi"
    assert Invitation.objects.count() == 0


def test_member_cannot_revoke_invitation(organization, owner, member):
    invitation, _ = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    response = signed_in_as(member.user).post(f"/teskilatlar/{organization.pk}/devetler/{invitation.pk}/legv-et/")

    invitation.refresh_from_db()
    assert response.status_code == 403
    assert invitation.is_pending


def test_member_sees_detail_without_owner_links(organization, member):
    response = signed_in_as(member.user).get(f"/en/teskilatlar/{organization.pk}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "rauf@example.org (you)" in body
    assert f"/teskilatlar/{organization.pk}/deyis/" not in body
    assert f"/teskilatlar/{organization.pk}/devet-et/" not in body
    assert "/uzvler/" not in body


def test_unknown_member_action_is_404(organization, owner, member):
    response = signed_in_as(owner).get(member_action_url(organization, member, "promote"))

    assert response.status_code == 404


def test_member_of_other_organization_is_404(organization, owner):
    other_owner = make_person("leyla@example.org")
    other = make_organization(other_owner, name="Başqa Birlik", voen="1700000022")
    stranger = Membership.objects.get(organization=other)

    response = signed_in_as(owner).post(member_action_url(organization, stranger, "remove"))

    assert response.status_code == 404
    assert roles(other) == {"leyla@example.org": Role.OWNER}


# --- Escaping and CSRF ---------------------------------------------------------


def test_script_name_escaped_on_detail_and_account_pages(owner):
    organization = make_organization(owner, name="<script>alert(1)</script>")
    client = signed_in_as(owner)

    for url in (f"/teskilatlar/{organization.pk}/", "/hesab/"):
        body = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in body, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body, url


def test_every_form_page_has_csrf_token(organization, owner, member):
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    client = signed_in_as(owner)
    urls = [
        CREATE_URL,
        f"/teskilatlar/{organization.pk}/",
        f"/teskilatlar/{organization.pk}/deyis/",
        f"/teskilatlar/{organization.pk}/devet-et/",
        f"/teskilatlar/{organization.pk}/terk-et/",
        member_action_url(organization, member, "remove"),
        f"/teskilatlar/devet/{secret}/",
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert body.count('<form method="post"') + body.count('<form class="form" method="post"') >= 1, url
        assert body.count('method="post"') == body.count('name="csrfmiddlewaretoken"'), url


def test_post_without_csrf_token_is_403(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)

    response = client.post(CREATE_URL, form_data())

    assert response.status_code == 403
    assert Organization.objects.count() == 0


def test_post_with_csrf_token_passes(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    form_page = client.get(CREATE_URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)

    response = client.post(CREATE_URL, form_data(csrfmiddlewaretoken=token))

    assert response.status_code == 302
    assert Organization.objects.count() == 1


# --- Editing -------------------------------------------------------------------


def test_owner_edits_and_change_is_logged(organization, owner):
    client = signed_in_as(owner)

    response = client.post(
        f"/teskilatlar/{organization.pk}/deyis/",
        form_data(voen="1400057421", phone="+994 12 345 67 89"),
    )

    organization.refresh_from_db()
    assert response.status_code == 302
    assert organization.phone == "+994123456789"
    edited = ModelLogEntry.objects.for_instance(organization).get(action="organizations.edited")
    assert edited.data["changes"]["phone"] == {"before": "+994501234567", "after": "+994123456789"}
    assert edited.user_id == owner.pk


def verified(organization):
    staff = make_person("yoxlayici@example.az")
    membership.set_verified(organization, staff, "Reyestrdən çıxarış № 17")
    organization.refresh_from_db()
    return organization


def test_changing_register_details_withdraws_verification(organization, owner):
    verified(organization)
    current = form_data(
        name=organization.name,
        legal_form=organization.legal_form,
        voen=organization.voen,
        registration_number=organization.registration_number,
        registration_date=organization.registration_date.isoformat() if organization.registration_date else "",
    )

    response = signed_in_as(owner).post(f"/teskilatlar/{organization.pk}/deyis/", {**current, "name": "Yeni ad"})

    organization.refresh_from_db()
    assert response.status_code == 302
    assert not organization.is_verified
    assert ModelLogEntry.objects.for_instance(organization).filter(action="organizations.unverified").count() == 1


def test_changing_contact_details_keeps_verification(organization, owner):
    verified(organization)
    current = form_data(
        name=organization.name,
        legal_form=organization.legal_form,
        voen=organization.voen,
        registration_number=organization.registration_number,
        registration_date=organization.registration_date.isoformat() if organization.registration_date else "",
    )

    signed_in_as(owner).post(f"/teskilatlar/{organization.pk}/deyis/", {**current, "phone": "+994 12 345 67 89"})

    organization.refresh_from_db()
    assert organization.phone == "+994123456789"
    assert organization.is_verified


# --- Leaving -------------------------------------------------------------------


def test_last_owner_leave_is_refused_with_400(organization, owner):
    client = signed_in_as(owner)

    response = client.post(f"/en/teskilatlar/{organization.pk}/terk-et/")

    body = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in body
    assert LAST_OWNER in body
    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_member_leaves(organization, member):
    client = signed_in_as(member.user)

    shown = client.get(f"/teskilatlar/{organization.pk}/terk-et/")
    response = client.post(f"/teskilatlar/{organization.pk}/terk-et/")

    assert shown.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    assert client.get(f"/teskilatlar/{organization.pk}/").status_code == 404


# --- Member actions through the confirm pages ----------------------------------


def test_remove_through_confirm_page(organization, owner, member):
    client = signed_in_as(owner)
    url = member_action_url(organization, member, "remove")

    confirm = client.get(f"/en{url}")
    response = client.post(url)

    assert confirm.status_code == 200
    assert "Remove rauf@example.org?" in confirm.content.decode()
    assert roles(organization) == {"aysel@example.org": Role.OWNER}
    assert response.status_code == 302
    assert response["Location"] == f"/teskilatlar/{organization.pk}/"


def test_make_owner_through_confirm_page(organization, owner, member):
    client = signed_in_as(owner)
    url = member_action_url(organization, member, "make-owner")

    confirm = client.get(f"/en{url}")
    response = client.post(url)

    assert "Make rauf@example.org an owner?" in confirm.content.decode()
    assert response.status_code == 302
    assert roles(organization) == {"aysel@example.org": Role.OWNER, "rauf@example.org": Role.OWNER}


def test_make_member_through_confirm_page(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)
    client = signed_in_as(owner)

    response = client.post(member_action_url(organization, member, "make-member"))

    assert response.status_code == 302
    assert roles(organization) == {"aysel@example.org": Role.OWNER, "rauf@example.org": Role.MEMBER}


def test_transfer_through_confirm_page(organization, owner, member):
    client = signed_in_as(owner)
    url = member_action_url(organization, member, "transfer")

    confirm = client.get(f"/en{url}")
    response = client.post(url)

    assert "Hand over ownership to rauf@example.org?" in confirm.content.decode()
    assert response.status_code == 302
    assert roles(organization) == {"aysel@example.org": Role.MEMBER, "rauf@example.org": Role.OWNER}
    assert client.get(f"/teskilatlar/{organization.pk}/deyis/").status_code == 403


def test_last_owner_demoting_self_is_refused_with_400(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)
    membership.remove_member(member, owner)
    own = Membership.objects.get(user=owner)
    client = signed_in_as(owner)

    response = client.post(f"/en{member_action_url(organization, own, 'make-member')}")

    assert response.status_code == 400
    assert LAST_OWNER in response.content.decode()
    assert roles(organization) == {"aysel@example.org": Role.OWNER}


def test_owner_removing_self_with_other_owner_goes_to_account(organization, owner, member):
    membership.change_role(member, Role.OWNER, owner)
    own = Membership.objects.get(user=owner)
    client = signed_in_as(owner)

    response = client.post(member_action_url(organization, own, "remove"))

    assert response.status_code == 302
    assert response["Location"] == "/hesab/"
    assert roles(organization) == {"rauf@example.org": Role.OWNER}


# --- Invitations ---------------------------------------------------------------


def test_owner_invites_and_mail_is_sent(organization, owner):
    client = signed_in_as(owner)

    response = client.post(
        f"/teskilatlar/{organization.pk}/devet-et/", {"email": " Leyla@Example.org ", "role": Role.MEMBER}
    )

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/teskilatlar/{organization.pk}/"
    assert invitation.email == "leyla@example.org"
    assert [message.to for message in mail.outbox] == [["leyla@example.org"]]
    assert link_path(mail.outbox[0]).startswith("/teskilatlar/devet/")


def test_invite_existing_member_shows_error(organization, owner, member):
    client = signed_in_as(owner)

    response = client.post(
        f"/en/teskilatlar/{organization.pk}/devet-et/", {"email": "rauf@example.org", "role": Role.MEMBER}
    )

    assert response.status_code == 200
    assert error_summary_links(response.content.decode()) == {
        "id_email": "This person is already a member of the organization."
    }
    assert mail.outbox == []


def test_owner_revokes_invitation(organization, owner):
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    client = signed_in_as(owner)

    response = client.post(f"/teskilatlar/{organization.pk}/devetler/{invitation.pk}/legv-et/")

    invitation.refresh_from_db()
    assert response.status_code == 302
    assert not invitation.is_pending
    assert Client().get(f"/teskilatlar/devet/{secret}/").status_code == 410


def test_signed_out_invitation_offers_sign_in_and_sign_up(organization, owner):
    _invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    path = f"/teskilatlar/devet/{secret}/"

    response = Client().get(path)

    body = response.content.decode()
    assert response.status_code == 200
    assert f'href="/hesab/login/?next={path}"' in body
    assert f'href="/hesab/signup/?next={path}"' in body
    assert "leyla@example.org" in body


def test_signed_out_post_does_not_accept(organization, owner):
    invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)

    response = Client().post(f"/teskilatlar/devet/{secret}/")

    invitation.refresh_from_db()
    assert response.status_code == 200
    assert invitation.is_pending


def test_invited_person_accepts_once(organization, owner):
    leyla = make_person("leyla@example.org")
    _invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    client = signed_in_as(leyla)

    shown = client.get(f"/teskilatlar/devet/{secret}/")
    accepted = client.post(f"/teskilatlar/devet/{secret}/")
    again = client.post(f"/teskilatlar/devet/{secret}/")

    assert shown.status_code == 200
    assert roles(organization)["leyla@example.org"] == Role.MEMBER
    assert accepted.status_code == 302
    assert accepted["Location"] == f"/teskilatlar/{organization.pk}/"
    assert again.status_code == 410


def test_wrong_account_cannot_accept(organization, owner):
    _invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    client = signed_in_as(make_person("kenar@example.org"))

    response = client.post(f"/en/teskilatlar/devet/{secret}/")

    assert response.status_code == 400
    assert "This invitation was sent to leyla@example.org." in response.content.decode()
    assert "kenar@example.org" not in roles(organization)


def test_unknown_invitation_is_410(client):
    response = client.get("/teskilatlar/devet/not-a-real-secret/")

    assert response.status_code == 410


def test_sign_up_from_invitation_comes_back(organization, owner):
    _invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    path = f"/teskilatlar/devet/{secret}/"
    client = Client()

    client.post(
        f"/hesab/signup/?next={path}",
        {"email": "leyla@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    confirmed = client.post(link_path(mail.outbox[-1]))

    assert confirmed.status_code == 302
    assert confirmed["Location"] == path
    assert client.post(path).status_code == 302
    assert roles(organization)["leyla@example.org"] == Role.MEMBER


def test_sign_in_from_invitation_comes_back(organization, owner):
    make_person("leyla@example.org")
    _invitation, secret = membership.invite(organization, "leyla@example.org", Role.MEMBER, owner)
    path = f"/teskilatlar/devet/{secret}/"
    client = Client()

    login_page = client.get(f"/hesab/login/?next={path}")
    response = client.post(
        "/hesab/login/", {"login": "leyla@example.org", "password": PASSWORD, "next": path}
    )

    assert f'name="next" value="{path}"' in login_page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == path


def test_organization_name_is_one_line_of_visible_text(owner):
    client = signed_in_as(owner)

    client.post(f"/en{CREATE_URL}", form_data(name="“Gənclər\nBirliyi”\u202e\u200b  İctimai"))

    assert Organization.objects.get().name == "“Gənclər Birliyi” İctimai"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_pages_refuse_methods_they_do_not_serve(organization, owner, method):
    client = signed_in_as(owner)

    for url in (f"/teskilatlar/{organization.pk}/", "/muracietler/", "/hesab/", f"/teskilatlar/{organization.pk}/deyis/"):
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
