"""Fixtures of the notification tests: a real SMTP server on 127.0.0.1 that
Django's SMTP backend sends to, and the e-service fixtures for filings."""

import pytest
from django.core.mail.utils import DNS_NAME

from tests.eservices.conftest import (  # noqa: F401  (fixtures used by these tests)
    colleague,
    colleague_client,
    english_service_page,
    member,
    member_client,
    organization,
    outsider,
    outsider_client,
    private_media_root,
    service_page,
)

from .smtp import HOST, LocalSMTPServer


@pytest.fixture
def smtp_server(settings, monkeypatch):
    """A running SMTP server that Django sends to; stop() and start() it to stage an outage."""
    server = LocalSMTPServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = HOST
    settings.EMAIL_PORT = server.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    # The EHLO greeting names this machine; a fixed name spares a DNS lookup.
    monkeypatch.setattr(DNS_NAME, "_fqdn", "localhost", raising=False)

    server.start()
    yield server
    server.stop()
