"""Load acts from the catalogue into the database, idempotently.

A text seen before, in any version of the act, changes nothing. A new text
becomes a new version; the act's current version is then the published one
with the latest effective date, so an editor's later version stays current.
Metadata comes from the catalogue only when an act is first created,
because editors own it after.
"""

import logging
from dataclasses import dataclass, field

from django.db import transaction

from .building import build_structure, structure_is_current
from .hashing import normalise_text, text_sha256
from .catalogue import CatalogueEntry, TopicEntry
from .models import ActVersion, LegalAct, Topic
from .parsing import ParsedAct
from .publishing import refresh_current_version
from .signals import act_text_imported

logger = logging.getLogger(__name__)

CREATED = "created"
NEW_VERSION = "new version"
REBUILT = "rebuilt"
UNCHANGED = "unchanged"


@dataclass
class ImportOutcome:
    slug: str
    action: str
    provisions: int = 0
    notes: int = 0
    repairs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _known_version(act: LegalAct, text: str) -> ActVersion | None:
    """Return the act's version with exactly this text, if it has one."""
    return act.versions.filter(text_sha256=text_sha256(text)).order_by("-pk").first()


def plan(entry: CatalogueEntry, text: str) -> str:
    """Return what importing ``text`` for ``entry`` would do, without writing.

    Any version with the same text counts, not only the current one: a text
    shipped long ago must not come back as a new version over the versions
    editors published since.
    """
    act = LegalAct.objects.filter(slug=entry.slug).first()
    if act is None:
        return CREATED
    known = _known_version(act, text)
    if known is None:
        return NEW_VERSION
    if not structure_is_current(known):
        return REBUILT
    return UNCHANGED


def sync_topics(topics: list[TopicEntry]) -> None:
    """Create missing topics; existing ones are the editors' to rename."""
    existing = set(Topic.objects.values_list("slug", flat=True))
    Topic.objects.bulk_create(
        [
            Topic(slug=topic.slug, name=topic.name_az, name_en=topic.name_en, name_ru=topic.name_ru)
            for topic in topics
            if topic.slug not in existing
        ]
    )


@transaction.atomic
def import_entry(entry: CatalogueEntry, text: str, parsed: ParsedAct | None) -> ImportOutcome:
    """Apply ``plan(entry, text)``. ``parsed`` may be None only when the plan is UNCHANGED."""
    action = plan(entry, text)
    outcome = ImportOutcome(slug=entry.slug, action=action)
    if action == UNCHANGED:
        return outcome

    act = LegalAct.objects.filter(slug=entry.slug).first()
    if act is None:
        act = _create_act(entry, parsed)

    if action == REBUILT:
        version = _known_version(act, text)
    else:
        version = ActVersion.objects.create(
            act=act,
            effective_date=entry.version_date or entry.effective_date,
            amendment_note="",
            source_text=normalise_text(text),
            source_name=entry.file,
            text_sha256=text_sha256(text),
            live=True,
            has_unpublished_changes=False,
        )

    build_structure(version, parsed)
    refresh_current_version(act)
    act_text_imported.send(sender=LegalAct, act_id=act.pk)

    outcome.provisions = len(parsed.provisions)
    outcome.notes = len(parsed.notes)
    outcome.repairs = [f"{entry.file}:{message.line}: {message.message}" for message in parsed.repairs]
    outcome.warnings = [f"{entry.file}:{message.line}: {message.message}" for message in parsed.warnings]
    logger.info("Imported %s (%s): %s provisions", entry.slug, action, outcome.provisions)
    return outcome


def _create_act(entry: CatalogueEntry, parsed: ParsedAct | None) -> LegalAct:
    act = LegalAct.objects.create(
        slug=entry.slug,
        act_type=entry.act_type,
        number=entry.number,
        title=entry.title or (parsed.title if parsed else entry.slug),
        title_en=entry.title_en,
        title_ru=entry.title_ru,
        adoption_date=entry.adoption_date,
        effective_date=entry.effective_date,
        issuing_body=entry.issuing_body,
        status=entry.status,
        source_reference=entry.source,
        completeness_note=entry.completeness_note_az,
        completeness_note_en=entry.completeness_note_en,
        completeness_note_ru=entry.completeness_note_ru,
        sort_order=entry.sort_order,
        live=True,
        has_unpublished_changes=False,
    )
    act.topics.set(Topic.objects.filter(slug__in=entry.topics))

    # The first revision records what was imported, so the admin's history
    # of the act starts with the import.
    revision = act.save_revision(log_action=True, clean=False)
    LegalAct.objects.filter(pk=act.pk).update(live_revision=revision, has_unpublished_changes=False)
    act.live_revision = revision
    act.has_unpublished_changes = False
    return act
