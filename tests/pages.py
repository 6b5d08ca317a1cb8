"""Helpers that build Wagtail pages through the real publishing path, so Wagtail's signals run as in the admin."""

from wagtail.models import Locale


def publish_child(parent, page):
    """Add ``page`` under ``parent`` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language: str, **fields):
    """Publish a translation of ``page`` in ``language`` with the same slug; its parent must be translated."""
    translated = page.specific.copy_for_translation(Locale.objects.get(language_code=language))
    translated.slug = page.slug
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(page).objects.get(pk=translated.pk)
