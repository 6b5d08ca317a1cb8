"""The review queue in the admin: who may see which filings, the filters and
search staff use, and messages for bad filter values."""

import datetime
import html

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from forms.models import Filing, FilingStatus
from forms.review import actions
from forms.review.filters import FilingFilterSet
from tests.accounts.people import make_person

from .conftest import (
    admin_url,
    make_organization,
    signed_in_client,
    staff_person,
    submitted_donor_filing,
    submitted_grant_filing,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media_root")]


def listed(response) -> list[str]:
    return [filing.reference for filing in response.context["object_list"]]


@pytest.fixture
def azad_soz(db):
    """A second organization, in Ganja, whose name starts with a dotted capital İ once folded."""
    owner = make_person("leyla@example.az")
    organization = make_organization(owner, "“Azad Söz” İctimai Birliyi", "1700223344")
    organization.region = "gence"
    organization.save(update_fields=["region"])
    return organization


@pytest.fixture
def queue(service_page, donor_service, organization, member, azad_soz):
    """Three grant filings (two organizations) and one donor filing."""
    azad_owner = azad_soz.memberships.get().user
    return {
        "first": submitted_grant_filing(service_page, organization, member),
        "second": submitted_grant_filing(service_page, organization, member),
        "azad": submitted_grant_filing(service_page, azad_soz, azad_owner),
        "donor": submitted_donor_filing(donor_service, organization, member),
    }


# --- Menu and isolation ------------------------------------------------------------------------


def test_menu_shows_filings_to_reviewers(decider_client):
    response = decider_client.get("/admin/")

    assert response.status_code == 200
    assert admin_url("index") in response.content.decode()


def test_menu_hides_filings_from_other_staff(db):
    editor = staff_person("redaktor", "Kamal", "Nəsirli")
    editor.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client = signed_in_client(editor)

    dashboard = client.get("/admin/")
    queue_page = client.get(admin_url("index"))

    assert dashboard.status_code == 200
    assert admin_url("index") not in dashboard.content.decode()
    assert queue_page.status_code == 302
    assert queue_page["Location"] == "/admin/"


def test_applicant_cannot_open_queue(member_client, queue):
    response = member_client.get(admin_url("index"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_queue_lists_only_permitted_services(decider_client, queue, draft_filing):
    response = decider_client.get(admin_url("index"))

    assert response.status_code == 200
    expected = [queue["first"].reference, queue["second"].reference, queue["azad"].reference]
    assert sorted(listed(response)) == sorted(expected)
    assert queue["donor"].reference not in response.content.decode()


def test_other_service_reviewer_sees_own_service_only(donor_client, queue):
    response = donor_client.get(admin_url("index"))

    assert listed(response) == [queue["donor"].reference]


def test_chief_sees_every_service_but_no_drafts(chief, queue, draft_filing):
    response = signed_in_client(chief).get(admin_url("index"))

    assert len(listed(response)) == 4
    assert draft_filing.pk not in [filing.pk for filing in response.context["object_list"]]


def test_queue_columns(decider, decider_client, queue):
    actions.assign(queue["first"].pk, decider, by=decider)

    content = html.unescape(decider_client.get(admin_url("index")).content.decode())

    assert admin_url("inspect", queue["first"]) in content
    assert "Qrant müqaviləsinin qeydiyyatı" in content
    assert "“Azad Söz” İctimai Birliyi" in content
    assert "Under review" in content
    assert "Nigar Məmmədova" in content
    assert "15 days left" in content


def test_overdue_filing_is_highlighted_and_first(decider_client, queue):
    Filing.objects.filter(pk=queue["second"].pk).update(decision_due=timezone.localdate() - datetime.timedelta(days=2))

    response = decider_client.get(admin_url("index"))

    content = response.content.decode()
    assert listed(response)[0] == queue["second"].reference
    assert "Overdue by 2 days" in content
    assert content.count("data-overdue") == 1


# --- Filters ---------------------------------------------------------------------------------


def test_filter_by_status(decider, decider_client, queue):
    actions.reject(queue["azad"].pk, by=decider, reason="Rədd edildi.")

    response = decider_client.get(admin_url("index"), {"status": "rejected"})

    assert listed(response) == [queue["azad"].reference]


def test_filter_by_service_matches_translations(chief, service_page, english_service_page, organization, member, queue):
    english = submitted_grant_filing(english_service_page, organization, member)

    response = signed_in_client(chief).get(admin_url("index"), {"service": service_page.pk})

    references = listed(response)
    assert english.reference in references
    assert queue["first"].reference in references
    assert queue["donor"].reference not in references


def test_service_title_in_reader_language(chief, english_service_page, queue):
    content = signed_in_client(chief).get(admin_url("index")).content.decode()

    assert "Registering a grant agreement" in content
    assert "Xarici donorun qeydiyyatı" in content


def test_queue_in_azerbaijani(decider, decider_client, queue):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(decider)
    profile.preferred_language = "az"
    profile.save()

    response = decider_client.get(admin_url("index"))

    assert response.status_code == 200
    assert 'lang="az"' in response.content.decode()
    assert queue["first"].reference in response.content.decode()


def test_service_choices_are_the_permitted_services(decider, donor_service, queue):
    request = RequestFactory().get("/")
    request.user = decider

    filters = FilingFilterSet(request.GET, request=request)

    assert [label for _value, label in filters.form.fields["service"].choices][1:] == ["Qrant müqaviləsinin qeydiyyatı"]


def test_filter_by_region(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"region": "gence"})

    assert listed(response) == [queue["azad"].reference]


def test_filter_by_first_submission_date(decider_client, queue):
    Filing.objects.filter(pk=queue["first"].pk).update(first_submitted_at=timezone.now() - datetime.timedelta(days=40))
    since = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    until = (timezone.localdate() - datetime.timedelta(days=30)).isoformat()

    recent = decider_client.get(admin_url("index"), {"submitted_from": since})
    older = decider_client.get(admin_url("index"), {"submitted_to": until})

    assert queue["first"].reference not in listed(recent)
    assert len(listed(recent)) == 2
    assert listed(older) == [queue["first"].reference]


def test_filter_by_reviewer(decider, second_decider, decider_client, queue):
    actions.assign(queue["first"].pk, decider, by=decider)
    actions.assign(queue["second"].pk, second_decider, by=decider)

    mine = decider_client.get(admin_url("index"), {"reviewer": "me"})
    unassigned = decider_client.get(admin_url("index"), {"reviewer": "unassigned"})
    colleague = decider_client.get(admin_url("index"), {"reviewer": second_decider.pk})

    assert listed(mine) == [queue["first"].reference]
    assert listed(unassigned) == [queue["azad"].reference]
    assert listed(colleague) == [queue["second"].reference]


def test_filter_overdue(decider_client, queue):
    Filing.objects.filter(pk=queue["azad"].pk).update(decision_due=timezone.localdate() - datetime.timedelta(days=1))

    response = decider_client.get(admin_url("index"), {"overdue": "yes"})

    assert listed(response) == [queue["azad"].reference]


def test_decided_filing_is_never_overdue(decider, decider_client, queue):
    Filing.objects.filter(pk=queue["azad"].pk).update(decision_due=timezone.localdate() - datetime.timedelta(days=1))
    actions.accept(queue["azad"].pk, by=decider)

    response = decider_client.get(admin_url("index"), {"overdue": "yes"})

    assert listed(response) == []


# --- Search -----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["ictimai", "İCTİMAİ", "azad soz", "Söz"])
def test_search_folds_azerbaijani_letters(decider_client, queue, query):
    response = decider_client.get(admin_url("index"), {"q": query})

    assert listed(response) == [queue["azad"].reference]


def test_search_by_reference(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"q": queue["second"].reference.lower()})

    assert listed(response) == [queue["second"].reference]


def test_search_by_voen(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"q": "1700 223 344"})

    assert listed(response) == [queue["azad"].reference]


def test_search_and_filter_combine(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"q": "birliyi", "region": "baki"})

    assert sorted(listed(response)) == sorted([queue["first"].reference, queue["second"].reference])


def test_results_view_for_live_filtering(decider_client, queue):
    response = decider_client.get(admin_url("index_results"), {"q": "ictimai"})

    assert response.status_code == 200
    assert listed(response) == [queue["azad"].reference]


# --- Bad values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parameters",
    [
        {"submitted_from": "2026-13-45"},
        {"submitted_to": "dünən"},
        {"reviewer": "999999"},
        {"reviewer": "1 OR 1=1"},
        {"service": "abc"},
        {"status": "draft"},
        {"region": "mars"},
        {"overdue": "bəli"},
        {"q": "x" * 101},
    ],
)
def test_bad_filter_value_gives_message(decider_client, queue, parameters):
    response = decider_client.get(admin_url("index"), parameters)

    assert response.status_code == 200
    assert "data-filter-errors" in response.content.decode()
    assert len(listed(response)) == 3


def test_bad_value_keeps_the_other_filters(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"region": "gence", "submitted_from": "2026-02-31"})

    content = response.content.decode()
    assert "First submitted: Enter a valid date." in content
    assert listed(response) == [queue["azad"].reference]


@pytest.mark.parametrize("view_name", ["index", "index_results"])
@pytest.mark.parametrize(
    "parameters",
    [
        {"submitted_from": "0001-01-01"},
        {"submitted_to": "9999-12-31"},
        {"submitted_from": "1899-12-31"},
        {"submitted_to": "2101-01-01"},
    ],
)
def test_out_of_range_date_gives_message(decider_client, queue, view_name, parameters):
    response = decider_client.get(admin_url(view_name), parameters)

    with translation.override("en"):
        expected = "First submitted: Enter a date between {} and {}.".format(
            date_format(datetime.date(1900, 1, 1), "DATE_FORMAT"), date_format(datetime.date(2100, 12, 31), "DATE_FORMAT")
        )
    assert response.status_code == 200
    assert expected in html.unescape(response.content.decode())
    assert len(listed(response)) == 3


def test_dates_at_the_limits_are_accepted(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"submitted_from": "1900-01-01", "submitted_to": "2100-12-31"})

    assert response.status_code == 200
    assert "data-filter-errors" not in response.content.decode()
    assert len(listed(response)) == 3


def test_reversed_date_range_gives_message(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"submitted_from": "2026-05-01", "submitted_to": "2026-04-01"})

    assert "The start date is after the end date." in response.content.decode()


def test_hostile_search_text_is_not_an_error(decider_client, queue):
    response = decider_client.get(admin_url("index"), {"q": "QR\x00' OR 1=1 --"})

    assert response.status_code == 200
    assert listed(response) == []


def test_other_services_filing_id_is_not_a_service_choice(decider_client, donor_service, queue):
    response = decider_client.get(admin_url("index"), {"service": donor_service.pk})

    assert "data-filter-errors" in response.content.decode()
    assert queue["donor"].reference not in listed(response)


# --- Filter set for exports ---------------------------------------------------------------------


def test_filter_set_never_widens_the_queryset(decider, queue, draft_filing):
    request = RequestFactory().get("/", {"status": ""})
    request.user = decider

    filters = FilingFilterSet(request.GET, queryset=Filing.objects.all(), request=request)

    assert queue["donor"] not in filters.qs
    assert draft_filing not in filters.qs
    assert filters.qs.count() == 3


def test_filter_set_reports_errors(decider, queue):
    request = RequestFactory().get("/", {"reviewer": "nobody", "q": "ictimai"})
    request.user = decider

    filters = FilingFilterSet(request.GET, queryset=Filing.objects.all(), request=request)

    assert list(filters.qs) == [queue["azad"]]
    with translation.override("en"):
        messages = filters.error_messages()
    assert messages == [
        "Reviewer: Select a valid choice. nobody is not one of the available choices."
    ]


# --- Export links ------------------------------------------------------------------------------


@pytest.mark.parametrize("view_name", ["index", "index_results"])
@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_wagtail_listing_export_is_ignored(decider_client, queue, view_name, export_format):
    response = decider_client.get(admin_url(view_name), {"export": export_format})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    assert len(listed(response)) == 3


def test_export_links_carry_the_filters(decider_client, queue):
    export_url = reverse("filing_reports:export")

    content = decider_client.get(admin_url("index"), {"status": "submitted", "q": "ictimai", "p": "2"}).content.decode()

    assert f"{export_url}?status=submitted&amp;q=ictimai&amp;format=csv" in content
    assert f"{export_url}?status=submitted&amp;q=ictimai&amp;format=xlsx" in content


def test_queue_works_without_export_url(monkeypatch, decider_client, queue):
    def reverse_without_export(name, *args, **kwargs):
        if name == "filing_reports:export":
            raise NoReverseMatch(name)
        return reverse(name, *args, **kwargs)

    monkeypatch.setattr("forms.review.admin.common.reverse", reverse_without_export)

    response = decider_client.get(admin_url("index"))

    assert response.status_code == 200
    assert "format=csv" not in response.content.decode()


def test_unbound_filter_set_lists_everything_permitted(decider, queue):
    request = RequestFactory().get("/")
    request.user = decider

    filters = FilingFilterSet(queryset=Filing.objects.all(), request=request)

    assert filters.qs.count() == 3
    assert filters.error_messages() == []


def test_status_filter_offers_no_drafts(decider):
    request = RequestFactory().get("/")
    request.user = decider

    values = [value for value, _label in FilingFilterSet(request.GET, request=request).form.fields["status"].choices]

    assert FilingStatus.DRAFT not in values
    assert FilingStatus.SUBMITTED in values
