"""Subscriptions in the Wagtail admin: a read-only list with counts per kind, for staff allowed to view it."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from cms.subscriptions.models import Subscription, SubscriptionKind
from tests.accounts.people import make_person, translated

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/subscriptions/"


def staff(email: str, *codenames: str) -> Client:
    person = make_person(email)
    person.is_staff = True
    person.save()
    person.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in codenames:
        person.user_permissions.add(Permission.objects.get(content_type__app_label="subscriptions", codename=codename))
    client = Client()
    client.force_login(person)
    return client


@pytest.fixture
def subscriptions(act):
    now = timezone.now()
    Subscription.objects.create(kind=SubscriptionKind.NEWS, email="a@example.az", language="az", confirmed_at=now)
    Subscription.objects.create(kind=SubscriptionKind.NEWS, email="b@example.az", language="az")
    Subscription.objects.create(kind=SubscriptionKind.NEWS, email="c@example.az", language="ru")
    Subscription.objects.create(kind=SubscriptionKind.ACT, email="a@example.az", language="az", act=act, confirmed_at=now)


def test_list_shows_counts_per_kind(subscriptions):
    client = staff("baxan@example.az", "view_subscription")
    response = client.get(LIST_URL)
    assert response.status_code == 200
    counts = {str(row["label"]): (row["confirmed"], row["unconfirmed"]) for row in response.context["counts"]}
    assert counts == {translated("News"): (1, 2), translated("Changes to a legal act"): (1, 0)}
    assert "b@example.az" in response.content.decode()


def test_filter_by_kind_and_confirmation(subscriptions):
    client = staff("baxan@example.az", "view_subscription")
    response = client.get(LIST_URL, {"kind": "news", "confirmed": "false"})
    emails = sorted(item.email for item in response.context["object_list"])
    assert emails == ["b@example.az", "c@example.az"]


def test_list_is_read_only(subscriptions):
    client = staff("baxan@example.az", "view_subscription")
    subscription = Subscription.objects.first()
    assert client.get(f"{LIST_URL}new/").status_code in (302, 403)
    assert client.get(f"{LIST_URL}edit/{subscription.pk}/").status_code in (302, 403)
    assert client.post(f"{LIST_URL}delete/{subscription.pk}/").status_code in (302, 403)
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.get(f"{LIST_URL}inspect/{subscription.pk}/").status_code == 200


def test_staff_without_permission_see_nothing(subscriptions):
    client = staff("redaktor@example.az")
    response = client.get(LIST_URL)
    assert response.status_code in (302, 403)
    assert b"a@example.az" not in response.content
