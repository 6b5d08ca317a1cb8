"""Confirmation and unsubscribe links: GET changes nothing, tampered or old links get a clear page, never a 500."""

import time
from unittest import mock

import pytest

from cms.subscriptions import tokens
from cms.subscriptions.models import Subscription, SubscriptionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription():
    return Subscription.objects.create(kind=SubscriptionKind.NEWS, email="aydan@example.az", language="az")


def test_get_on_confirm_link_changes_nothing(client, subscription):
    response = client.get(f"/abune/tesdiq/{tokens.confirm_token(subscription)}/")
    assert response.status_code == 200
    assert b'<form method="post">' in response.content
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_confirm_needs_csrf_token(csrf_client, subscription):
    response = csrf_client.post(f"/abune/tesdiq/{tokens.confirm_token(subscription)}/")
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_confirming_twice_is_fine(client, subscription):
    path = f"/abune/tesdiq/{tokens.confirm_token(subscription)}/"
    assert client.post(path).status_code == 200
    first = Subscription.objects.get(pk=subscription.pk).confirmed_at
    assert client.post(path).status_code == 200
    assert Subscription.objects.get(pk=subscription.pk).confirmed_at == first


def test_get_on_unsubscribe_link_changes_nothing(client, subscription):
    response = client.get(f"/abune/imtina/{tokens.unsubscribe_token(subscription)}/")
    assert response.status_code == 200
    assert b'<form method="post">' in response.content
    assert Subscription.objects.filter(pk=subscription.pk).exists()


@pytest.mark.parametrize(
    "make_path",
    [
        lambda token: f"/abune/tesdiq/{token[:-2]}xx/",
        lambda token: f"/abune/tesdiq/{token.replace(':', '9:', 1)}/",
        lambda token: "/abune/tesdiq/yox/",
        lambda token: "/abune/imtina/yox/",
        lambda token: "/abune/imtina/1.abc:ffff/",
    ],
    ids=["changed signature", "changed id", "garbage confirm", "garbage unsubscribe", "forged unsubscribe"],
)
def test_tampered_link_gets_clear_page(client, subscription, make_path):
    path = make_path(tokens.confirm_token(subscription))
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 404
        assert response.context["problem"] == "invalid"
    assert Subscription.objects.get(pk=subscription.pk).confirmed_at is None


def test_confirm_token_does_not_unsubscribe(client, subscription):
    """The two links are signed with different salts, so one cannot stand for the other."""
    response = client.post(f"/abune/imtina/{tokens.confirm_token(subscription)}/")
    assert response.status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_old_confirm_link_expires(client, subscription):
    path = f"/abune/tesdiq/{tokens.confirm_token(subscription)}/"
    eight_days_later = time.time() + 8 * 24 * 3600
    with mock.patch("time.time", return_value=eight_days_later):
        response = client.post(path)
    assert response.status_code == 410
    assert response.context["problem"] == "expired"
    assert Subscription.objects.get(pk=subscription.pk).confirmed_at is None


def test_deleted_rows_link_misses_new_row(client, subscription):
    """A database may reuse a deleted row's id; the nonce keeps old links away from the new row."""
    old_unsubscribe = tokens.unsubscribe_token(subscription)
    old_confirm = tokens.confirm_token(subscription)
    pk = subscription.pk
    subscription.delete()
    newcomer = Subscription.objects.create(pk=pk, kind=SubscriptionKind.NEWS, email="yeni@example.az", language="az")

    assert client.post(f"/abune/imtina/{old_unsubscribe}/").status_code == 200
    assert client.post(f"/abune/tesdiq/{old_confirm}/").status_code == 410
    newcomer.refresh_from_db()
    assert newcomer.confirmed_at is None


def test_unsubscribe_pages_in_english_and_russian(client, subscription):
    token = tokens.unsubscribe_token(subscription)
    for prefix in ("/en", "/ru"):
        assert client.get(f"{prefix}/abune/imtina/{token}/").status_code == 200
    assert client.post(f"/ru/abune/imtina/{token}/").status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
