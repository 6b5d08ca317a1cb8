"""People with accounts, their organizations, and the steps of signing in,
shared by the account and organization tests."""

import re
import uuid

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from cms.accounts.models import Profile
from cms.organizations import membership
from cms.organizations.choices import LegalForm
from cms.organizations.models import Organization

# Long and unrelated to any test address, so every password validator passes.
PASSWORD = "Qırmızı-Alma-2026"
LOGIN_URL = "/hesab/login/"

# allauth builds links from the request's host (testserver), and the site's
# own e-mails build them from SITE_BASE_URL.
_URL = re.compile(r"https?://[^/\s]+(/\S+)")


def make_person(email: str, *, verified: bool = True, password: str = PASSWORD, language: str = "az"):
    """Create an active account whose primary address is ``email``."""
    user = get_user_model().objects.create_user(
        username=f"person-{uuid.uuid4().hex[:12]}", email=email, password=password
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    Profile.objects.create(user=user, language=language)
    return user


def sign_in(client, email: str, password: str = PASSWORD, **data):
    """Post the sign-in form and return the response."""
    return client.post(LOGIN_URL, {"login": email, "password": password, **data})


def mail_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_path(message) -> str:
    """The path of the only link in an e-mail."""
    paths = _URL.findall(message.body)
    assert len(paths) == 1, message.body
    return paths[0]


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def make_organization(owner, *, name: str = "“Gənc Hüquqşünaslar” İctimai Birliyi", voen: str = "1400057421"):
    """Create an organization through the membership service, ``owner`` first."""
    organization = Organization(
        name=name,
        legal_form=LegalForm.PUBLIC_ASSOCIATION,
        voen=voen,
        legal_address="Bakı şəhəri, Nizami küçəsi 10",
        region="baki",
        phone="+994501234567",
        email="info@example.org",
    )
    return membership.create_organization(organization, owner)


def translated(message: str, language: str = "az", **values) -> str:
    """``message`` as the catalogue of ``language`` has it today, with ``values`` filled in."""
    from django.utils import translation
    from django.utils.translation import gettext

    with translation.override(language):
        text = gettext(message)
    return text % values if values else text


def translated_plural(singular: str, plural: str, number: int, language: str = "az", **values) -> str:
    """The plural message for ``number`` as the catalogue of ``language`` has it today, with ``values`` filled in."""
    from django.utils import translation
    from django.utils.translation import ngettext

    with translation.override(language):
        text = ngettext(singular, plural, number)
    return text % values if values else text
