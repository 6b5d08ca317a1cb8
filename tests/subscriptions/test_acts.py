"""Following an act: anonymous readers with double opt-in, signed-in people in one click,
and act_changed e-mails only to the followers of that act, in each follower's language."""

import datetime

import pytest
from django.core import mail

from cms.legal.models.changes import ActChange, ChangeKind
from cms.legal.signals import act_changed
from cms.subscriptions.models import Delivery, Subscription, SubscriptionKind
from tests.accounts.people import make_person

from .conftest import link_path, mails_to, unsubscribe_path

pytestmark = pytest.mark.django_db

FOLLOWER = "sebine.quliyeva@example.az"


def follow_path(act, prefix=""):
    return f"{prefix}/abune/qanun/{act.slug}/"


def follow_anonymously(client, deliver, act, email, prefix=""):
    """Follow ``act`` through the form and the confirmation link; return the subscription."""
    response = deliver(client.post, follow_path(act, prefix), {"email": email, "website": ""})
    assert response.status_code == 200
    confirm_path = link_path(mails_to(email)[-1])
    assert client.post(confirm_path).status_code == 200
    return Subscription.objects.get(email=email, act=act)


def record_change(act, **fields) -> ActChange:
    fields = {"kind": ChangeKind.NEW_VERSION, "date": datetime.date(2026, 12, 1), "version": act.current_version, **fields}
    return ActChange.objects.create(act=act, **fields)


def announce(change):
    act_changed.send(sender=ActChange, change=change)


def test_act_page_offers_following(client, act):
    response = client.get(f"/qanunlar/{act.slug}/")
    assert response.status_code == 200
    assert f'href="{follow_path(act)}"'.encode() in response.content
    # The offer is a link, so the page stays the same for every anonymous reader and can be cached.
    assert b"csrfmiddlewaretoken" not in response.content
    assert "csrftoken" not in response.cookies


def test_anonymous_follow_needs_confirmation(client, deliver, act, mailoutbox):
    response = client.get(follow_path(act))
    assert response.status_code == 200
    assert act.title in response.content.decode()

    deliver(client.post, follow_path(act), {"email": "Sebine.Quliyeva@EXAMPLE.az", "website": ""})
    subscription = Subscription.objects.get(email=FOLLOWER)
    assert subscription.kind == SubscriptionKind.ACT
    assert subscription.act == act
    assert subscription.confirmed_at is None
    message = mails_to(FOLLOWER)[0]
    assert act.title in message.body

    client.post(link_path(message))
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_unknown_or_unpublished_act_is_404(client, act):
    assert client.get("/abune/qanun/yoxdur/").status_code == 404
    act.live = False
    act.save(update_fields=["live"])
    assert client.get(follow_path(act)).status_code == 404


def test_change_mails_only_followers_of_that_act(client, deliver, act, other_act, mailoutbox):
    follow_anonymously(client, deliver, act, FOLLOWER)
    follow_anonymously(client, deliver, other_act, "basqa@example.az")
    mail.outbox.clear()

    deliver(announce, record_change(act))

    assert len(mails_to(FOLLOWER)) == 1
    assert mails_to("basqa@example.az") == []
    message = mails_to(FOLLOWER)[0]
    assert act.title in message.subject
    assert f"/qanunlar/{act.slug}/" in message.body
    assert "1 dekabr 2026" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_change_mail_in_followers_language(client, deliver, act, mailoutbox):
    follow_anonymously(client, deliver, act, "olga@example.com", prefix="/ru")
    follow_anonymously(client, deliver, act, "john@example.com", prefix="/en")
    mail.outbox.clear()

    deliver(announce, record_change(act, kind=ChangeKind.STATUS, version=None, old_status="in_force", new_status="repealed"))

    russian = mails_to("olga@example.com")[0]
    english = mails_to("john@example.com")[0]
    assert f"/ru/qanunlar/{act.slug}/" in russian.body
    assert f"/en/qanunlar/{act.slug}/" in english.body
    assert "Status changed" in english.body
    assert "/en/abune/imtina/" in unsubscribe_path(english)
    assert english.body != russian.body


def test_duplicate_change_signal_sends_once(client, deliver, act, mailoutbox):
    follow_anonymously(client, deliver, act, FOLLOWER)
    mail.outbox.clear()
    change = record_change(act)

    deliver(announce, change)
    deliver(announce, change)

    assert len(mails_to(FOLLOWER)) == 1
    assert Delivery.objects.count() == 1


def test_unsubscribed_follower_gets_no_more_changes(client, csrf_client, deliver, act, mailoutbox):
    follow_anonymously(client, deliver, act, FOLLOWER)
    deliver(announce, record_change(act))
    path = unsubscribe_path(mails_to(FOLLOWER)[-1])

    assert csrf_client.post(path).status_code == 200
    assert csrf_client.post(path).status_code == 200  # twice is fine
    mail.outbox.clear()
    deliver(announce, record_change(act, date=datetime.date(2027, 1, 1)))
    assert mails_to(FOLLOWER) == []


def test_signed_in_person_follows_in_one_click(client, deliver, act, mailoutbox):
    person = make_person("Leyla.Hesenova@example.az".lower())
    client.force_login(person)

    page = client.get(f"/qanunlar/{act.slug}/")
    assert b'<button type="submit" class="button button--secondary">' in page.content

    response = deliver(client.post, follow_path(act))
    assert response.status_code == 302
    subscription = Subscription.objects.get(act=act)
    assert subscription.email == "leyla.hesenova@example.az"
    assert subscription.user == person
    assert subscription.confirmed_at is not None
    # The account's address is confirmed already: no confirmation e-mail.
    assert mailoutbox == []

    follow_page = client.get(follow_path(act))
    assert follow_page.context["following"] == subscription
    act_page = client.get(f"/qanunlar/{act.slug}/").content.decode()
    assert "leyla.hesenova@example.az" in act_page
    assert f'action="{follow_path(act)}"' not in act_page

    # A second press changes nothing.
    deliver(client.post, follow_path(act))
    assert Subscription.objects.filter(act=act).count() == 1

    deliver(announce, record_change(act))
    assert len(mails_to("leyla.hesenova@example.az")) == 1


def test_signed_in_person_sees_and_stops_follows(client, deliver, act, other_act):
    person = make_person("kamran@example.az")
    stranger = make_person("yad@example.az")
    client.force_login(person)
    client.post(follow_path(act))
    client.post(follow_path(other_act))
    theirs = Subscription.objects.create(
        kind=SubscriptionKind.ACT, email="yad@example.az", act=act, language="az", user=stranger
    )

    page = client.get("/abune/")
    assert page.status_code == 200
    assert act.title in page.content.decode()
    assert list(page.context["subscriptions"]) == list(Subscription.objects.filter(user=person).order_by("kind", "act__title", "pk"))

    # Another person's subscription is not found.
    assert client.post(f"/abune/{theirs.pk}/dayandir/").status_code == 404
    assert Subscription.objects.filter(pk=theirs.pk).exists()

    mine = Subscription.objects.get(user=person, act=act)
    response = client.post(f"/abune/{mine.pk}/dayandir/")
    assert response.status_code == 302
    assert not Subscription.objects.filter(pk=mine.pk).exists()
    assert Subscription.objects.filter(user=person).count() == 1


def test_stop_needs_sign_in_and_post(client, act):
    person = make_person("nigar@example.az")
    subscription = Subscription.objects.create(
        kind=SubscriptionKind.ACT, email="nigar@example.az", act=act, language="az", user=person
    )
    assert client.post(f"/abune/{subscription.pk}/dayandir/").status_code == 302
    client.force_login(person)
    assert client.get(f"/abune/{subscription.pk}/dayandir/").status_code == 405
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_anonymous_subscriptions_page_offers_sign_in(client):
    response = client.get("/abune/")
    assert response.status_code == 200
    assert b'href="/abune/xeberler/"' in response.content
    assert response.context["subscriptions"] is None


def test_change_of_unpublished_act_is_not_mailed(client, deliver, act, mailoutbox):
    follow_anonymously(client, deliver, act, FOLLOWER)
    mail.outbox.clear()
    act.live = False
    act.save(update_fields=["live"])

    deliver(announce, record_change(act))

    assert mails_to(FOLLOWER) == []
    assert Delivery.objects.count() == 0
