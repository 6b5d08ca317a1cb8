"""Idempotent set-up of the site: languages, page tree, workflow, editor groups, demo accounts.

``manage.py load_content`` calls these in order; each one checks what exists
and creates only what is missing, so running it twice changes nothing.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site, Workflow, WorkflowContentType

from cms.legal.models import ActVersion, LegalAct, LegalActIndexPage, Provision, Topic

from .models import HomePage

logger = logging.getLogger(__name__)

# Page titles per language. The library keeps the slug "qanunlar" in every
# language so an article's address differs between languages only in the
# language prefix (/en/, /ru/).
HOME_TITLES = {"az": "Fərdi Elektron Pəncərə", "en": "Individual Electronic Window", "ru": "Индивидуальное электронное окно"}
HOME_INTROS = {
    "az": "<p>Vətəndaş cəmiyyəti təşkilatları üçün qanunvericilik, elektron xidmətlər və yardım.</p>",
    "en": "<p>Legislation, e-services and help for civil society organisations.</p>",
    "ru": "<p>Законодательство, электронные услуги и помощь для организаций гражданского общества.</p>",
}
LIBRARY_TITLES = {"az": "Qanunvericilik", "en": "Legislation", "ru": "Законодательство"}
LIBRARY_INTROS = {
    "az": "<p>Konstitusiya, məcəllələr, qanunlar, fərmanlar və qərarlar — rəsmi mətnlər, maddə-maddə.</p>",
    "en": "<p>The Constitution, codes, laws, decrees and decisions — official texts, article by article.</p>",
    "ru": "<p>Конституция, кодексы, законы, указы и решения — официальные тексты, постатейно.</p>",
}
LIBRARY_SLUG = "qanunlar"

DEMO_EDITOR = ("redaktor", "redaktor-demo-2026")
DEMO_MODERATOR = ("moderator", "moderator-demo-2026")


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


WAGTAIL_DEFAULT_ADDRESS = ("localhost", 80)


def site_address() -> tuple[str, int]:
    """Return the host name and port of SITE_BASE_URL, for the Wagtail site."""
    address = urlsplit(settings.SITE_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    return address.hostname or "localhost", address.port or default_port


@transaction.atomic
def ensure_site_tree(locales: dict[str, Locale]) -> HomePage:
    """Create the home page and the library in every language, and point the site at them."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales["az"]).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLES["az"], slug="esas", intro=HOME_INTROS["az"], locale=locales["az"]
            )
        )
        logger.info("Created the Azerbaijani home page %s", home.pk)

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name=HOME_TITLES["az"])
    elif (site.hostname, site.port) == WAGTAIL_DEFAULT_ADDRESS:
        # Wagtail's migrations name the site localhost:80, which would end up in
        # full page addresses. An address an editor has set stays as it is.
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    if site is not None and site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = HOME_TITLES["az"]
        site.save()
        # The welcome page Wagtail's migrations create is not ours to keep.
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()

    library = LegalActIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(
            instance=LegalActIndexPage(
                title=LIBRARY_TITLES["az"], slug=LIBRARY_SLUG, intro=LIBRARY_INTROS["az"], locale=locales["az"]
            )
        )

    for code, locale in locales.items():
        if code == "az":
            continue
        translated_home = _ensure_translation(home, locale, HOME_TITLES[code], {"intro": HOME_INTROS[code]})
        _ensure_translation(library, locale, LIBRARY_TITLES[code], {"intro": LIBRARY_INTROS[code]}, slug=LIBRARY_SLUG)
        assert translated_home.locale_id == locale.pk
    return home


def _ensure_translation(page: Page, locale: Locale, title: str, fields: dict, slug: str | None = None) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific

    translation = page.specific.copy_for_translation(locale)
    translation.title = title
    if slug:
        translation.slug = slug
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def ensure_moderation_workflow() -> None:
    """Send edits of acts, versions and articles through Wagtail's default moderation workflow."""
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is None:
        logger.warning("No active workflow exists; legal acts are published without moderation.")
        return
    for model in (LegalAct, ActVersion):
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.get_or_create(content_type=content_type, defaults={"workflow": workflow})


# Editors draft changes to the library; moderators approve and publish them.
GROUP_PERMISSIONS = {
    "Editors": {
        LegalAct: ["add", "change", "view"],
        ActVersion: ["add", "change", "delete", "view"],
        Provision: ["add", "change", "delete", "view"],
        Topic: ["add", "change", "view"],
    },
    "Moderators": {
        LegalAct: ["add", "change", "view", "publish", "lock", "unlock"],
        ActVersion: ["add", "change", "delete", "view", "publish", "lock", "unlock"],
        Provision: ["add", "change", "delete", "view", "lock", "unlock"],
        Topic: ["add", "change", "delete", "view"],
    },
}


def ensure_editor_groups() -> None:
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for group_name, models in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.add(admin_access)
        for model, actions in models.items():
            content_type = ContentType.objects.get_for_model(model)
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__in=codenames))


def ensure_demo_accounts() -> list[tuple[str, str, str]]:
    """Create the demo editor and moderator. Only ever called in demo mode."""
    if not settings.DEMO_MODE:
        raise RuntimeError("Demo accounts exist only when DEMO_MODE is on.")

    User = get_user_model()
    accounts = []
    for (username, password), group_name in ((DEMO_EDITOR, "Editors"), (DEMO_MODERATOR, "Moderators")):
        user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.invalid"})
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        accounts.append((username, password, group_name))
    return accounts
