"""Fixtures of the subscription tests: public acts from the session database, a stand-in news page,
and helpers that run the worker and read the e-mails it sent."""

import re
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import Client

from cms.legal.models import LegalAct
from cms.news.signals import news_published

# The site's own e-mails build links from SITE_BASE_URL.
URL = re.compile(r"https?://[^/\s>]+(/[^\s>]+)")


@pytest.fixture
def act(db):
    return LegalAct.objects.public().get(slug="aile-mecellesi")


@pytest.fixture
def other_act(db, act):
    return LegalAct.objects.public().exclude(pk=act.pk).order_by("pk").first()


@pytest.fixture
def csrf_client():
    """A client that enforces CSRF checks, as a browser or a mail program meets them."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def deliver(django_capture_on_commit_callbacks, run_queued_tasks):
    """Run ``action`` with its on-commit callbacks executed, then the worker until the queue is empty."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            result = action(*args, **kwargs)
        run_queued_tasks()
        return result

    return run


def news_page(pk: int = 9001, language: str = "az", title: str = "Qeydiyyat qaydaları dəyişdi", category: str = ""):
    """A stand-in for cms.news's NewsPage with the attributes the signal's receivers read.

    A stand-in, because the signal is the only contract between the two apps:
    these tests must not depend on how the news app builds and publishes pages.
    """
    prefix = "" if language == "az" else f"/{language}"
    path = f"{prefix}/xeberler/xeber-{pk}/"
    page = SimpleNamespace(
        pk=pk,
        title=title,
        url=path,
        # The Site record's host, which e-mails must not use.
        full_url=f"http://localhost{path}",
        get_url_parts=lambda: (1, "http://localhost", path),
        locale=SimpleNamespace(language_code=language),
        summary="Müqavilə nümunəsi yeniləndi.",
        category=category,
    )
    page.specific = page
    return page


def publish_news(page) -> None:
    news_published.send(sender=None, page=page)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_path(message) -> str:
    """The path of the only link in an e-mail's body."""
    paths = URL.findall(message.body)
    assert len(paths) == 1, message.body
    return paths[0]


def unsubscribe_path(message) -> str:
    return URL.search(message.extra_headers["List-Unsubscribe"]).group(1)
