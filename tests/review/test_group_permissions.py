"""The "E-service filings" panel of the admin's group pages: giving a group
access to one service's filings, changing and removing it."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.users.views.groups import get_permission_panel_classes

from forms.models import ReviewAccess, ServiceReviewPermission
from forms.review import access
from forms.review.admin.group_permissions import FORMSET_PREFIX

from .conftest import admin_url, signed_in_client, staff_person

pytestmark = pytest.mark.django_db

PREFIX = FORMSET_PREFIX


@pytest.fixture
def admin_client(db):
    superuser = staff_person("admin", "Rəşad", "Bağırov")
    superuser.is_superuser = True
    superuser.save(update_fields=["is_superuser"])
    return signed_in_client(superuser)


@pytest.fixture
def clerks(db):
    group = Group.objects.create(name="Qeydiyyat şöbəsi")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group


def other_panels_data(group) -> dict:
    """The management forms and current rows of Wagtail's own permission panels, unchanged."""
    data = {}
    for panel_class in get_permission_panel_classes():
        formset = panel_class(instance=group)
        if formset.prefix == PREFIX:
            continue
        for field in formset.management_form:
            data[field.html_name] = field.value()
        for form in formset.forms:
            for field in form:
                value = field.value()
                if value not in (None, "", []):
                    data[field.html_name] = value
    return data


def group_data(group, rows, *, initial=0) -> dict:
    """POST data for the group page with ``rows`` as (service id, access, delete) in our panel."""
    data = {"name": group.name, **other_panels_data(group)}
    if group.pk:
        data["permissions"] = [str(permission.pk) for permission in group.permissions.all()]
    data.update(
        {
            f"{PREFIX}-TOTAL_FORMS": str(len(rows)),
            f"{PREFIX}-INITIAL_FORMS": str(initial),
            f"{PREFIX}-MIN_NUM_FORMS": "0",
            f"{PREFIX}-MAX_NUM_FORMS": "1000",
        }
    )
    for index, (service_id, access_value, delete) in enumerate(rows):
        data[f"{PREFIX}-{index}-service"] = str(service_id) if service_id else ""
        data[f"{PREFIX}-{index}-access"] = access_value
        if delete:
            data[f"{PREFIX}-{index}-DELETE"] = "on"
    return data


def edit_url(group) -> str:
    return reverse("wagtailusers_groups:edit", args=[group.pk])


def test_panel_lists_each_service_once(admin_client, clerks, service_page, english_service_page, donor_service):
    response = admin_client.get(edit_url(clerks))

    assert response.status_code == 200
    content = response.content.decode()
    assert "E-service filings" in content
    panel = next(panel for panel in response.context["permission_panels"] if panel.prefix == PREFIX)
    form = panel.forms[0]
    titles = [label for _value, label in form.fields["service"].choices][1:]
    assert titles == ["Qrant müqaviləsinin qeydiyyatı", "Xarici donorun qeydiyyatı"]


def test_adding_a_service_gives_access(admin_client, clerks, service_page, grant_filing):
    clerk = staff_person("nermin", "Nərmin", "Səfərova", clerks)

    response = admin_client.post(edit_url(clerks), group_data(clerks, [(service_page.pk, ReviewAccess.VIEW, False)]))

    assert response.status_code == 302
    permission = ServiceReviewPermission.objects.get(group=clerks)
    assert permission.service_id == service_page.pk
    assert permission.access == ReviewAccess.VIEW
    assert access.can_view(clerk, grant_filing)
    assert not access.can_decide(clerk, grant_filing)
    assert signed_in_client(clerk).get(admin_url("inspect", grant_filing)).status_code == 200


def test_blank_row_adds_nothing(admin_client, clerks, service_page):
    response = admin_client.post(edit_url(clerks), group_data(clerks, [(None, ReviewAccess.DECIDE, False)]))

    assert response.status_code == 302
    assert not ServiceReviewPermission.objects.filter(group=clerks).exists()


def test_changing_and_removing_rows(admin_client, clerks, service_page, donor_service):
    ServiceReviewPermission.objects.create(group=clerks, service=service_page, access=ReviewAccess.VIEW)
    ServiceReviewPermission.objects.create(group=clerks, service=donor_service, access=ReviewAccess.DECIDE)

    response = admin_client.post(
        edit_url(clerks),
        group_data(
            clerks,
            [(service_page.pk, ReviewAccess.DECIDE, False), (donor_service.pk, ReviewAccess.DECIDE, True)],
            initial=2,
        ),
    )

    assert response.status_code == 302
    assert list(ServiceReviewPermission.objects.filter(group=clerks).values_list("service_id", "access")) == [
        (service_page.pk, ReviewAccess.DECIDE)
    ]


def test_two_rows_for_one_service_are_refused(admin_client, clerks, service_page):
    response = admin_client.post(
        edit_url(clerks),
        group_data(
            clerks, [(service_page.pk, ReviewAccess.VIEW, False), (service_page.pk, ReviewAccess.DECIDE, False)]
        ),
    )

    assert response.status_code == 200
    assert "An e-service can have only one row: remove the duplicate." in response.content.decode()
    assert not ServiceReviewPermission.objects.filter(group=clerks).exists()


def test_row_for_a_translation_counts_as_its_service(admin_client, clerks, service_page, english_service_page):
    ServiceReviewPermission.objects.create(group=clerks, service=english_service_page, access=ReviewAccess.VIEW)

    response = admin_client.post(
        edit_url(clerks),
        group_data(
            clerks,
            [(english_service_page.pk, ReviewAccess.VIEW, False), (service_page.pk, ReviewAccess.DECIDE, False)],
            initial=1,
        ),
    )

    assert response.status_code == 200
    assert "An e-service can have only one row: remove the duplicate." in response.content.decode()
    assert ServiceReviewPermission.objects.get(group=clerks).service_id == english_service_page.pk


def test_unknown_access_value_is_refused(admin_client, clerks, service_page):
    response = admin_client.post(edit_url(clerks), group_data(clerks, [(service_page.pk, "everything", False)]))

    assert response.status_code == 200
    assert not ServiceReviewPermission.objects.filter(group=clerks).exists()


def test_new_group_with_a_service(admin_client, service_page):
    data = group_data(Group(name="Yeni şöbə"), [(service_page.pk, ReviewAccess.DECIDE, False)])

    response = admin_client.post(reverse("wagtailusers_groups:add"), data)

    assert response.status_code == 302
    group = Group.objects.get(name="Yeni şöbə")
    assert ServiceReviewPermission.objects.get(group=group).access == ReviewAccess.DECIDE


def test_group_member_becomes_reviewer_only_for_that_service(admin_client, clerks, service_page, donor_service):
    clerk = staff_person("nermin", "Nərmin", "Səfərova", clerks)
    admin_client.post(edit_url(clerks), group_data(clerks, [(donor_service.pk, ReviewAccess.DECIDE, False)]))

    assert access.service_keys(get_user_model().objects.get(pk=clerk.pk)) == {donor_service.translation_key}
