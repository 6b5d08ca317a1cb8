"""Publishing a version (its structure rows, then the act's current version) and starting a draft from one."""

import datetime
import logging

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from cms.pagecache import bump_generation

from . import changes
from .building import build_structure, structure_is_current
from .models import ActVersion, LegalAct
from .parsing import parse_text

logger = logging.getLogger(__name__)


def refresh_current_version(act: LegalAct, today: datetime.date | None = None, *, by_editor: bool = False) -> None:
    """Make the published version in force today, with the latest effective date, the act's current one.

    A version that takes effect later waits; if every version is in the
    future, the earliest of them is shown until then. A move to a newer
    version is recorded as a change to legislation (``changes.py``).
    """
    today = today or timezone.localdate()
    published = act.versions.filter(live=True)
    latest = (
        published.filter(Q(effective_date__lte=today) | Q(effective_date__isnull=True))
        .order_by(F("effective_date").desc(nulls_last=True), "-pk")
        .only("pk")
        .first()
    ) or published.order_by("effective_date", "pk").only("pk").first()
    latest_id = latest.pk if latest else None
    if act.current_version_id != latest_id:
        old_id = act.current_version_id
        LegalAct.objects.filter(pk=act.pk).update(current_version_id=latest_id)
        act.current_version_id = latest_id
        transaction.on_commit(bump_generation)
        changes.current_version_changed(act, old_id, latest_id, by_editor=by_editor)


@transaction.atomic
def on_version_published(version: ActVersion) -> None:
    version = ActVersion.objects.select_related("act").get(pk=version.pk)
    if not structure_is_current(version):
        parsed = parse_text(version.source_text, source=version.source_name or version.act.slug)
        build_structure(version, parsed)
        logger.info("Built the structure of version %s of act %s", version.pk, version.act_id)
    refresh_current_version(version.act, by_editor=True)


def on_version_unpublished(version: ActVersion) -> None:
    """Pick the current version again after ``version`` was unpublished or deleted."""
    act = LegalAct.objects.filter(pk=version.act_id).first()
    if act is not None:
        refresh_current_version(act)


@transaction.atomic
def copy_as_draft(version: ActVersion, user=None) -> ActVersion:
    """Start a new draft version from ``version``: same text and structure, ready for amendment."""
    from .models import Division, Provision

    draft = ActVersion.objects.create(
        act=version.act,
        effective_date=None,
        amendment_note="",
        source_text=version.source_text,
        source_name=version.source_name,
        structure_sha256=version.structure_sha256,
        preamble=version.preamble,
        closing_text=version.closing_text,
        source_documents=version.source_documents,
        parse_report=version.parse_report,
        live=False,
        has_unpublished_changes=True,
    )

    old_divisions = list(version.divisions.order_by("depth", "position"))
    division_map = {}
    for division in old_divisions:
        division_map[division.pk] = Division.objects.create(
            version=draft,
            parent=division_map.get(division.parent_id),
            kind=division.kind,
            number=division.number,
            title=division.title,
            text=division.text,
            slug=division.slug,
            position=division.position,
            depth=division.depth,
        )

    note_map = {}
    for note in version.notes.all():
        old_pk = note.pk
        note.pk = None
        note.version = draft
        note.save()
        note_map[old_pk] = note

    provisions = list(version.provisions.all())
    links = list(Provision.notes.through.objects.filter(provision__version=version).values_list("provision_id", "amendmentnote_id"))
    old_ids = [provision.pk for provision in provisions]
    for provision in provisions:
        provision.pk = None
        provision.version = draft
        provision.division = division_map.get(provision.division_id)
        provision.latest_revision = None
        provision.locked = False
        provision.locked_at = None
        provision.locked_by = None
    Provision.objects.bulk_create(provisions, batch_size=500)

    new_ids = dict(zip(old_ids, (provision.pk for provision in provisions)))
    Provision.notes.through.objects.bulk_create(
        [
            Provision.notes.through(provision_id=new_ids[provision_id], amendmentnote_id=note_map[note_id].pk)
            for provision_id, note_id in links
            if note_id in note_map
        ],
        batch_size=1000,
    )
    Division.notes.through.objects.bulk_create(
        [
            Division.notes.through(division_id=division_map[division_id].pk, amendmentnote_id=note_map[note_id].pk)
            for division_id, note_id in Division.notes.through.objects.filter(
                division__version=version
            ).values_list("division_id", "amendmentnote_id")
            if note_id in note_map
        ]
    )
    draft.act_notes.set([note_map[note.pk] for note in version.act_notes.all() if note.pk in note_map])
    draft.save_revision(user=user, log_action=True)
    return draft
