"""Ministry staff in the Wagtail admin: the organization register, verification, restoring access."""

import re
import socket

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.organizations import membership
from cms.organizations.choices import Role
from cms.organizations.forms import OrganizationForm
from cms.organizations.models import Invitation, Organization
from cms.organizations.setup import OFFICER_GROUP, ensure_officer_group

@pytest.fixture(autouse=True)
def english():
    """These tests read messages in English, the source language."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

NAMESPACE = "organization_admin"


def admin_url(view_name, organization=None):
    args = [organization.pk] if organization else []
    return reverse(f"{NAMESPACE}:{view_name}", args=args)


def staff_user(django_user_model, username, **names):
    """A user who reads the admin in English, so assertions do not depend on the translations."""
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@justice.example.az", password="x", **names
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def applicant(django_user_model, email):
    user = django_user_model.objects.create_user(username=email.split("@")[0], email=email, password="x")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def create_organization(user, **fields):
    """Create an organization the way applicants do, through the public form."""
    form = OrganizationForm({"registration_number": "", "registration_date": "", **fields})
    assert form.is_valid(), form.errors
    return membership.create_organization(form, user)


@pytest.fixture
def officer(django_user_model):
    user = staff_user(django_user_model, "officer", first_name="Nigar", last_name="Məmmədova")
    user.groups.add(ensure_officer_group())
    return user


@pytest.fixture
def viewer(django_user_model):
    """Staff who may open the register but not change it."""
    user = staff_user(django_user_model, "viewer")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="organizations", codename="view_organization"),
    )
    return user


@pytest.fixture
def owner(django_user_model):
    return applicant(django_user_model, "sahib@example.az")


@pytest.fixture
def association(owner):
    return create_organization(
        owner,
        name="İctimai Birlik Nümunə",
        legal_form="public_association",
        voen="1400057421",
        registration_number="1400057421-QR",
        legal_address="Bakı, Nizami küçəsi 10",
        region="baki",
        phone="+994501234567",
        email="info@numune.example.az",
    )


@pytest.fixture
def foundation(django_user_model):
    founder = applicant(django_user_model, "fond@example.az")
    organization = create_organization(
        founder,
        name="Yaşıl Gələcək Fondu",
        legal_form="foundation",
        voen="2200112233",
        legal_address="Gəncə, Atatürk prospekti 5",
        region="gence",
        phone="+994223456789",
        email="info@yasil.example.az",
    )
    membership.set_verified(organization, None, "Çıxarış 77", verified=True)
    return organization


def listed_names(response):
    # The order of names starting with İ depends on the database's collation.
    return sorted(organization.name for organization in response.context["object_list"])


def edit_form(organization, **changes):
    data = {
        "name": organization.name,
        "legal_form": organization.legal_form,
        "voen": organization.voen,
        "registration_number": organization.registration_number,
        "registration_date": "",
        "legal_address": organization.legal_address,
        "region": organization.region,
        "phone": organization.phone,
        "email": organization.email,
    }
    data.update(changes)
    return data


def form_errors(response) -> dict:
    """The form's errors in English; outside a request Django would use the site's default, Azerbaijani."""
    errors = response.context["form"].errors
    with translation.override("en"):
        return {field: [str(message) for message in field_errors] for field, field_errors in errors.items()}


def log_entries(organization, action):
    return list(ModelLogEntry.objects.for_instance(organization).filter(action=action))


# --- Listing, search and filters ---------------------------------------------


def test_list_shows_register_columns(client, officer, association, foundation):
    client.force_login(officer)

    response = client.get(admin_url("index"))

    content = response.content.decode()
    member_counts = {organization.name: organization.member_count for organization in response.context["object_list"]}
    assert response.status_code == 200
    assert member_counts == {"İctimai Birlik Nümunə": 1, "Yaşıl Gələcək Fondu": 1}
    assert "1400057421" in content
    assert "Public association" in content
    assert "Bakı şəhəri" in content
    assert "Gəncə şəhəri" in content


def test_list_shows_who_verified_and_when(client, officer, association):
    membership.set_verified(association, officer, "Çıxarış 1234", verified=True)
    client.force_login(officer)

    response = client.get(admin_url("index"))

    with translation.override("en"):
        day = date_format(timezone.localtime(association.verified_at), "SHORT_DATE_FORMAT")
    assert f"Yes, on {day} by Nigar Məmmədova" in response.content.decode()


@pytest.mark.parametrize("query", ["İctimai", "ictimai", "İCTİMAİ", "ICTIMAI", "nümunə birlik", "numune", "NÜMUNƏ"])
def test_search_ignores_azerbaijani_case(client, officer, association, foundation, query):
    client.force_login(officer)

    response = client.get(admin_url("index"), {"q": query})

    assert response.status_code == 200
    assert listed_names(response) == ["İctimai Birlik Nümunə"]


@pytest.mark.parametrize("query", ["1400057421", "1400 057 421", "1400057421-QR", "qr"])
def test_search_by_voen_and_registration_number(client, officer, association, foundation, query):
    client.force_login(officer)

    response = client.get(admin_url("index"), {"q": query})

    assert listed_names(response) == ["İctimai Birlik Nümunə"]


def test_search_without_match_lists_nothing(client, officer, association, foundation):
    client.force_login(officer)

    response = client.get(admin_url("index"), {"q": "Qartal"})

    assert listed_names(response) == []


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"legal_form": "foundation"}, ["Yaşıl Gələcək Fondu"]),
        ({"legal_form": "public_association"}, ["İctimai Birlik Nümunə"]),
        ({"region": "baki"}, ["İctimai Birlik Nümunə"]),
        ({"region": "gence"}, ["Yaşıl Gələcək Fondu"]),
        ({"verified": "true"}, ["Yaşıl Gələcək Fondu"]),
        ({"verified": "false"}, ["İctimai Birlik Nümunə"]),
        ({"legal_form": "foundation", "verified": "false"}, []),
    ],
)
def test_filters(client, officer, association, foundation, filters, expected):
    client.force_login(officer)

    response = client.get(admin_url("index"), filters)

    assert listed_names(response) == expected


def test_menu_item_needs_organization_permission(client, django_user_model, officer):
    editor = staff_user(django_user_model, "editor")
    editor.groups.add(Group.objects.get(name="Editors"))

    client.force_login(editor)
    editor_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(officer)
    officer_dashboard = client.get(reverse("wagtailadmin_home")).content.decode()

    assert admin_url("index") not in editor_dashboard
    assert admin_url("index") in officer_dashboard
    assert client.get(admin_url("index")).status_code == 200


# --- Inspect page --------------------------------------------------------------


def test_inspect_shows_members_invitations_and_audit(client, django_user_model, officer, owner, association):
    colleague = applicant(django_user_model, "uzv@example.az")
    invitation, _secret = membership.invite(association, "uzv@example.az", Role.MEMBER, owner)
    membership.accept_invitation(invitation, colleague)
    membership.change_role(association.memberships.get(user=colleague), Role.OWNER, owner)
    membership.invite(association, "gozleyen@example.az", Role.MEMBER, owner)
    client.force_login(officer)

    response = client.get(admin_url("inspect", association))

    content = response.content.decode()
    with translation.override("en"):
        # The labels are lazy; read them in the officer's language.
        rows = [{key: str(value) for key, value in row.items()} for row in response.context["audit_rows"]]
    assert response.status_code == 200
    assert [member.user.email for member in response.context["members"]] == ["sahib@example.az", "uzv@example.az"]
    assert [invitation.email for invitation in response.context["invitations"]] == ["gozleyen@example.az"]
    assert "gozleyen@example.az" in content
    assert [row["action"] for row in rows] == [
        "Invite member",
        "Change role",
        "Join organization",
        "Invite member",
        "Create organization",
    ]
    assert rows[1]["details"] == "uzv@example.az; Member → Owner"
    assert rows[1]["user"] == "sahib@example.az"
    assert rows[4]["details"] == "VÖEN 1400057421"
    assert "uzv@example.az; Member → Owner" in content


def test_inspect_shows_actions_only_to_permitted_staff(client, officer, viewer, association):
    client.force_login(viewer)
    viewer_page = client.get(admin_url("inspect", association))
    client.force_login(officer)
    officer_page = client.get(admin_url("inspect", association))

    assert viewer_page.status_code == 200
    assert admin_url("verify", association) not in viewer_page.content.decode()
    assert admin_url("restore_access", association) not in viewer_page.content.decode()
    assert admin_url("verify", association) in officer_page.content.decode()
    assert admin_url("restore_access", association) in officer_page.content.decode()


def test_history_view_shows_log_details(client, officer, association):
    membership.set_verified(association, officer, "Çıxarış 1234", verified=True)
    client.force_login(officer)

    response = client.get(admin_url("history", association))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Verified against the state register: note: Çıxarış 1234" in content
    assert "Organization created: VÖEN 1400057421" in content


# --- Verification --------------------------------------------------------------


def test_verify_records_officer_and_note(client, officer, association):
    client.force_login(officer)

    response = client.post(admin_url("verify", association), {"note": "Dövlət reyestrindən çıxarış № 1234, 01.12.2026"})

    association.refresh_from_db()
    entries = log_entries(association, "organizations.verified")
    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", association)
    assert association.verified_by == officer
    assert association.verification_note == "Dövlət reyestrindən çıxarış № 1234, 01.12.2026"
    assert len(entries) == 1
    assert entries[0].user == officer
    assert entries[0].data == {"note": "Dövlət reyestrindən çıxarış № 1234, 01.12.2026"}
    assert [str(message).strip() for message in get_messages(response.wsgi_request)] == [
        "İctimai Birlik Nümunə is marked as verified against the state register."
    ]


def test_verify_requires_note(client, officer, association):
    client.force_login(officer)

    response = client.post(admin_url("verify", association), {"note": "   "})

    association.refresh_from_db()
    assert response.status_code == 200
    assert form_errors(response) == {"note": ["This field is required."]}
    assert association.verified_at is None
    assert log_entries(association, "organizations.verified") == []


def test_withdraw_verification_logs_reason(client, officer, foundation):
    client.force_login(officer)

    response = client.post(admin_url("withdraw_verification", foundation), {"reason": "Məhkəmə qərarı ilə ləğv edilib"})

    foundation.refresh_from_db()
    entries = log_entries(foundation, "organizations.unverified")
    assert response.status_code == 302
    assert foundation.verified_at is None
    assert foundation.verified_by is None
    assert len(entries) == 1
    assert entries[0].user == officer
    assert entries[0].data == {"note": "Məhkəmə qərarı ilə ləğv edilib"}


def test_withdraw_on_unverified_organization_changes_nothing(client, officer, association):
    client.force_login(officer)

    response = client.post(admin_url("withdraw_verification", association), {"reason": "Səhv"})

    assert response.status_code == 302
    assert log_entries(association, "organizations.unverified") == []


@pytest.mark.parametrize(
    "view_name, field_names",
    [
        ("verify", ["note"]),
        ("withdraw_verification", ["reason"]),
        ("restore_access", ["email", "identity_check"]),
    ],
)
def test_action_forms_show_record_and_fields(client, officer, foundation, view_name, field_names):
    client.force_login(officer)

    response = client.get(admin_url(view_name, foundation))

    content = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["form"].fields) == field_names
    assert "Yaşıl Gələcək Fondu" in content
    for name in field_names:
        assert f'name="{name}"' in content


@pytest.mark.parametrize(
    "view_name, data",
    [
        ("verify", {"note": "Çıxarış 1"}),
        ("withdraw_verification", {"reason": "Səbəb"}),
        ("restore_access", {"email": "yeni@example.az", "identity_check": "Şəxsiyyət vəsiqəsi AZE12345678"}),
    ],
)
def test_actions_forbidden_without_change_permission(client, viewer, foundation, view_name, data):
    client.force_login(viewer)

    get_response = client.get(admin_url(view_name, foundation))
    post_response = client.post(admin_url(view_name, foundation), data)

    foundation.refresh_from_db()
    assert get_response.status_code == 403
    assert post_response.status_code == 403
    assert foundation.is_verified
    assert not Invitation.objects.filter(organization=foundation, by_ministry=True).exists()
    assert mail.outbox == []


# --- Restoring access ----------------------------------------------------------

IDENTITY_CHECK = "Şəxsiyyət vəsiqəsi AZE12345678; nizamnamə və 30.11.2026 tarixli ümumi yığıncaq protokolu"


def test_restore_access_invites_new_owner(client, officer, association):
    client.force_login(officer)

    response = client.post(
        admin_url("restore_access", association),
        # Caps Lock on an Azerbaijani keyboard types İ for i.
        {"email": "YENİ.SEDR@EXAMPLE.AZ", "identity_check": IDENTITY_CHECK},
    )

    invitation = Invitation.objects.get(organization=association, by_ministry=True)
    entries = log_entries(association, "organizations.access_restored")
    assert response.status_code == 302
    assert invitation.email == "yeni.sedr@example.az"
    assert invitation.role == Role.OWNER
    assert invitation.invited_by == officer
    assert invitation.is_pending
    assert len(entries) == 1
    assert entries[0].user == officer
    assert entries[0].data == {"email": "yeni.sedr@example.az", "identity_check": IDENTITY_CHECK}
    assert [str(message).strip() for message in get_messages(response.wsgi_request)] == [
        "An invitation to become an owner of İctimai Birlik Nümunə has been sent to yeni.sedr@example.az."
    ]


def test_restore_access_emails_working_link(client, officer, association):
    client.force_login(officer)

    client.post(
        admin_url("restore_access", association),
        {"email": "yeni@example.az", "identity_check": IDENTITY_CHECK},
    )

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["yeni@example.az"]
    link = re.search(re.escape(settings.SITE_BASE_URL) + r"/teskilatlar/devet/([\w-]+)/", mail.outbox[0].body)
    assert link is not None
    invitation = membership.find_invitation(link.group(1))
    assert invitation == Invitation.objects.get(organization=association, by_ministry=True)


def test_restore_access_reports_mail_failure(client, officer, association, settings):
    # A port on this machine that nothing listens on: the SMTP connection is refused.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    settings.EMAIL_USE_TLS = False
    client.force_login(officer)

    response = client.post(
        admin_url("restore_access", association),
        {"email": "yeni@example.az", "identity_check": IDENTITY_CHECK},
    )

    assert response.status_code == 200
    assert form_errors(response) == {
        "email": [
            "The invitation was recorded, but the e-mail to yeni@example.az could not be sent. "
            "Try again later: a new invitation replaces this one."
        ]
    }
    assert Invitation.objects.filter(organization=association, email="yeni@example.az", by_ministry=True).count() == 1


def test_restore_access_requires_identity_check(client, officer, association):
    client.force_login(officer)

    response = client.post(admin_url("restore_access", association), {"email": "yeni@example.az", "identity_check": ""})

    assert response.status_code == 200
    assert form_errors(response) == {"identity_check": ["This field is required."]}
    assert not Invitation.objects.filter(organization=association, by_ministry=True).exists()
    assert log_entries(association, "organizations.access_restored") == []
    assert mail.outbox == []


def test_restore_access_rejects_existing_member(client, officer, association):
    client.force_login(officer)

    response = client.post(
        admin_url("restore_access", association),
        {"email": "SAHİB@example.az", "identity_check": IDENTITY_CHECK},
    )

    assert response.status_code == 200
    assert form_errors(response) == {"email": ["This person is already a member of the organization."]}
    assert not Invitation.objects.filter(organization=association).exists()
    assert log_entries(association, "organizations.access_restored") == []
    assert mail.outbox == []


# --- Editing the register record -------------------------------------------------


def test_staff_edit_form_offers_register_fields(client, officer, association):
    client.force_login(officer)

    response = client.get(admin_url("edit", association))

    form = response.context["form"]
    assert response.status_code == 200
    assert list(form.fields) == [
        "name",
        "legal_form",
        "voen",
        "registration_number",
        "registration_date",
        "legal_address",
        "region",
        "phone",
        "email",
    ]
    assert [value for value, _label in form.fields["legal_form"].choices] == [
        "public_association",
        "foundation",
        "union",
        "foreign_branch",
    ]


def test_staff_edit_normalises_and_logs_changes(client, officer, association):
    client.force_login(officer)

    response = client.post(
        admin_url("edit", association),
        edit_form(association, phone="050 765 43 21", voen="1400 057 421", region="sumqayit"),
    )

    association.refresh_from_db()
    entries = log_entries(association, "organizations.edited")
    assert response.status_code == 302
    assert response["Location"] == admin_url("inspect", association)
    assert association.phone == "+994507654321"
    assert association.voen == "1400057421"
    assert association.region == "sumqayit"
    assert len(entries) == 1
    assert entries[0].user == officer
    assert entries[0].data == {
        "changes": {
            "phone": {"before": "+994501234567", "after": "+994507654321"},
            "region": {"before": "baki", "after": "sumqayit"},
        }
    }
    assert log_entries(association, "wagtail.edit") == []


def test_staff_edit_log_reads_as_labels(client, officer, association):
    client.force_login(officer)
    client.post(admin_url("edit", association), edit_form(association, region="sumqayit"))

    response = client.get(admin_url("inspect", association))

    with translation.override("en"):
        # The labels are lazy; read them in the officer's language.
        rows = [{key: str(value) for key, value in row.items()} for row in response.context["audit_rows"]]
    assert rows[0]["action"] == "Edit organization"
    assert rows[0]["details"] == "Region: “Bakı şəhəri” → “Sumqayıt şəhəri”"


def test_staff_edit_rejects_bad_voen_and_phone(client, officer, association):
    client.force_login(officer)

    response = client.post(admin_url("edit", association), edit_form(association, voen="14000574", phone="12345"))

    association.refresh_from_db()
    errors = form_errors(response)
    assert response.status_code == 200
    assert errors["voen"] == ["Enter the VÖEN as 10 digits, for example 1400057421."]
    assert errors["phone"] == ["Enter an Azerbaijani phone number, for example +994 12 345 67 89 or 050 123 45 67."]
    assert association.voen == "1400057421"
    assert association.phone == "+994501234567"
    assert log_entries(association, "organizations.edited") == []


def test_staff_edit_rejects_taken_registration_number(client, officer, association, foundation):
    client.force_login(officer)

    response = client.post(admin_url("edit", foundation), edit_form(foundation, registration_number="1400057421-QR"))

    foundation.refresh_from_db()
    assert response.status_code == 200
    assert form_errors(response) == {
        "registration_number": ["Another organization already has this state registration number."]
    }
    assert foundation.registration_number == ""


def test_staff_edit_forbidden_without_change_permission(client, viewer, association):
    client.force_login(viewer)

    response = client.post(admin_url("edit", association), edit_form(association, name="Başqa ad"))

    association.refresh_from_db()
    # Wagtail's own views respond to a missing permission with a redirect to the dashboard.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert association.name == "İctimai Birlik Nümunə"


def test_add_and_delete_closed_even_to_superusers(client, django_user_model, association):
    superuser = django_user_model.objects.create_superuser(username="root", email="root@example.az", password="x")
    client.force_login(superuser)

    add_response = client.post(admin_url("add"), edit_form(association, voen="3300112233", registration_number=""))
    delete_response = client.post(admin_url("delete", association))

    assert add_response.status_code == 302
    assert add_response["Location"] == reverse("wagtailadmin_home")
    assert delete_response.status_code == 302
    assert delete_response["Location"] == reverse("wagtailadmin_home")
    assert list(Organization.objects.values_list("voen", flat=True)) == ["1400057421"]


# --- Officer group ---------------------------------------------------------------


def test_officer_group_is_idempotent():
    first = ensure_officer_group()
    second = ensure_officer_group()

    codenames = sorted(second.permissions.values_list("codename", flat=True))
    assert first.pk == second.pk
    assert Group.objects.filter(name=OFFICER_GROUP).count() == 1
    assert codenames == ["access_admin", "change_organization", "view_organization"]


def test_spreadsheet_export_parameter_ignored(client, officer, association):
    client.force_login(officer)

    response = client.get(admin_url("index"), {"export": "csv"})

    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert association.name in response.content.decode()


def test_staff_edit_imported_organization_without_contacts(client, officer, association):
    """Organizations imported from the register have no phone or e-mail until claimed."""
    Organization.objects.filter(pk=association.pk).update(phone="", email="")
    association.refresh_from_db()
    client.force_login(officer)

    response = client.post(admin_url("edit", association), edit_form(association, phone="", email="", region="seki-seheri"))

    association.refresh_from_db()
    assert response.status_code == 302
    assert association.region == "seki-seheri"
    assert association.phone == ""
