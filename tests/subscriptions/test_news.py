"""News subscriptions end to end: subscribe, confirm by POST, one e-mail per item, one-click unsubscribe."""

import re

import pytest
from django.conf import settings

from cms.subscriptions.models import Delivery, Subscription, SubscriptionKind

from .conftest import link_path, mails_to, news_page, publish_news, unsubscribe_path

pytestmark = pytest.mark.django_db

NEWS_URL = "/abune/xeberler/"
# Azerbaijani Caps Lock types İ for i; the folded address is what is stored and compared.
TYPED = "ELİ.MAMMADOV@Example.AZ"
ADDRESS = "eli.mammadov@example.az"


def subscribe(client, email=TYPED, **extra):
    return client.post(NEWS_URL, {"email": email, "website": "", **extra})


def confirmed_subscriber(client, deliver, email=TYPED):
    deliver(subscribe, client, email)
    path = link_path(mails_to(ADDRESS if email == TYPED else email)[-1])
    assert client.post(path).status_code == 200
    return Subscription.objects.get(email=ADDRESS if email == TYPED else email)


def test_news_form_page_in_three_languages(client):
    for prefix in ("", "/en", "/ru"):
        response = client.get(prefix + NEWS_URL)
        assert response.status_code == 200
        assert b'name="website"' in response.content


def test_news_flow_subscribe_confirm_send_unsubscribe(client, csrf_client, deliver, mailoutbox):
    response = deliver(subscribe, client)
    assert response.status_code == 200
    subscription = Subscription.objects.get(email=ADDRESS)
    assert subscription.kind == SubscriptionKind.NEWS
    assert subscription.language == "az"
    assert subscription.confirmed_at is None

    confirmations = mails_to(ADDRESS)
    assert len(confirmations) == 1
    confirm_path = link_path(confirmations[0])
    assert confirm_path.startswith("/abune/tesdiq/")

    # A mail scanner opening the link confirms nothing.
    assert client.get(confirm_path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    response = client.post(confirm_path)
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None

    deliver(publish_news, news_page(pk=101))
    items = mails_to(ADDRESS)[1:]
    assert len(items) == 1
    message = items[0]
    assert "Qeydiyyat qaydaları dəyişdi" in message.subject
    assert f"{settings.SITE_BASE_URL}/xeberler/xeber-101/" in message.body
    assert "localhost" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = unsubscribe_path(message)
    assert unsubscribe.startswith("/abune/imtina/")
    assert unsubscribe in message.body

    # RFC 8058: the mail program POSTs without cookies or CSRF token.
    response = csrf_client.post(unsubscribe, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.filter(email=ADDRESS).exists()

    deliver(publish_news, news_page(pk=102, title="Yeni video təlimat"))
    assert len(mails_to(ADDRESS)) == 2


def test_news_goes_only_to_subscribers_of_its_language(client, deliver, mailoutbox):
    confirmed_subscriber(client, deliver)
    english = client.post("/en" + NEWS_URL, {"email": "anna@example.com", "website": ""})
    assert english.status_code == 200
    Subscription.objects.filter(email="anna@example.com").update(confirmed_at=Subscription.objects.get(email=ADDRESS).confirmed_at)
    mailoutbox.clear()

    deliver(publish_news, news_page(pk=201, language="en", title="Registration rules changed"))
    assert mails_to(ADDRESS) == []
    english_mails = mails_to("anna@example.com")
    assert len(english_mails) == 1
    assert "/en/abune/imtina/" in english_mails[0].extra_headers["List-Unsubscribe"]


def test_duplicate_news_signal_sends_once(client, deliver, mailoutbox):
    confirmed_subscriber(client, deliver)
    mailoutbox.clear()
    page = news_page(pk=301)

    deliver(publish_news, page)
    deliver(publish_news, page)

    assert len(mails_to(ADDRESS)) == 1
    assert Delivery.objects.filter(subscription__email=ADDRESS).count() == 1


def test_subscription_confirmed_after_item_gets_nothing_of_it(client, deliver, mailoutbox):
    deliver(subscribe, client)
    confirm_path = link_path(mails_to(ADDRESS)[0])
    deliver(publish_news, news_page(pk=401))
    client.post(confirm_path)
    assert len(mails_to(ADDRESS)) == 1


def test_unconfirmed_subscriber_gets_no_news(client, deliver, mailoutbox):
    deliver(subscribe, client)
    mailoutbox.clear()
    deliver(publish_news, news_page(pk=501))
    assert mails_to(ADDRESS) == []


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def test_response_same_for_new_pending_and_confirmed(client, deliver, mailoutbox):
    new = subscribe(client, "yeni@example.az")
    confirmed_subscriber(client, deliver)
    confirmed = subscribe(client)
    pending = subscribe(client, "yeni@example.az")

    assert new.status_code == confirmed.status_code == pending.status_code == 200
    assert without_csrf(new.content) == without_csrf(confirmed.content) == without_csrf(pending.content)


def test_confirmed_address_gets_no_new_confirmation(client, deliver, mailoutbox):
    subscription = confirmed_subscriber(client, deliver)
    mailoutbox.clear()
    deliver(subscribe, client, "Eli.Mammadov@EXAMPLE.az")
    assert mailoutbox == []
    assert Subscription.objects.filter(email=ADDRESS).count() == 1
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_pending_address_gets_a_fresh_link(client, deliver, mailoutbox):
    deliver(subscribe, client)
    deliver(subscribe, client, "eli.mammadov@example.az")
    assert len(mails_to(ADDRESS)) == 2
    assert Subscription.objects.filter(email=ADDRESS).count() == 1


def test_dotless_i_is_a_different_address(client, deliver, mailoutbox):
    confirmed_subscriber(client, deliver)
    response = subscribe(client, "elı.mammadov@example.az")
    assert response.status_code == 400
    assert response.context["form"].errors.as_data()["email"][0].code == "undeliverable"
    assert Subscription.objects.count() == 1


def test_invalid_address_is_400_with_message(client):
    response = subscribe(client, "müqavilə")
    assert response.status_code == 400
    assert "name@example.com" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_honeypot_pretends_and_saves_nothing(client, deliver, mailoutbox):
    response = deliver(subscribe, client, website="http://spam.example")
    assert response.status_code == 200
    assert Subscription.objects.count() == 0
    assert mailoutbox == []


def test_rate_limit_per_address(client, deliver, mailoutbox):
    for _ in range(3):
        assert subscribe(client).status_code == 200
    response = subscribe(client, "Eli.Mammadov@example.az")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.context["form"].non_field_errors()
    assert subscribe(client, "diger@example.az").status_code == 200


def test_rate_limit_per_client_address(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for number in range(30):
        assert subscribe(client, f"oxucu{number}@example.az").status_code == 200
    assert subscribe(client, "oxucu-son@example.az").status_code == 429
    other_client = client.post(NEWS_URL, {"email": "oxucu-son@example.az", "website": ""}, REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 200


def test_csrf_is_required_on_the_form(csrf_client):
    response = csrf_client.post(NEWS_URL, {"email": ADDRESS, "website": ""})
    assert response.status_code == 403
    assert Subscription.objects.count() == 0


def test_category_choice_limits_the_news(client, deliver, mailoutbox):
    form_page = client.get(NEWS_URL)
    assert b'name="category"' in form_page.content

    deliver(client.post, NEWS_URL, {"email": "qrant@example.az", "category": "qrantlar", "website": ""})
    client.post(link_path(mails_to("qrant@example.az")[0]))
    confirmed_subscriber(client, deliver)
    mailoutbox.clear()

    deliver(publish_news, news_page(pk=601, category="tedbirler"))
    deliver(publish_news, news_page(pk=602, category="qrantlar"))

    assert [message.subject for message in mails_to("qrant@example.az")] == [mails_to(ADDRESS)[1].subject]
    assert len(mails_to(ADDRESS)) == 2


def test_unknown_category_is_400(client):
    response = client.post(NEWS_URL, {"email": ADDRESS, "category": "yoxdur", "website": ""})
    assert response.status_code == 400
    assert Subscription.objects.count() == 0


def test_rate_limit_counts_client_behind_trusted_proxy(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for number in range(30):
        response = client.post(
            NEWS_URL, {"email": f"oxucu{number}@example.az", "website": ""}, HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
        assert response.status_code == 200
    blocked = client.post(NEWS_URL, {"email": "son@example.az", "website": ""}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert blocked.status_code == 429
    other = client.post(NEWS_URL, {"email": "son@example.az", "website": ""}, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other.status_code == 200
