"""Turn a parsed act into the rows of one version: divisions, provisions, notes."""

import hashlib
import re

from django.db import transaction

from cms.aztext import ordinal_to_number, slugify
from cms.pagecache import bump_generation

from .hashing import text_sha256
from .models import ActVersion, AmendmentNote, Division, Provision
from .parsing import ParsedAct

# Bump when the parser's output changes, so existing versions are rebuilt
# from their stored text on the next import.
PARSER_VERSION = "5"

DIVISION_SLUG_PREFIX = {"part": "bolme", "chapter": "fesil", "section": "hisse"}

# The sentence that introduces the previous wording inside a note ("Əvvəlki
# redaksiyada deyilirdi:", often misspelt in the sources); the wording itself
# is stored apart, so the note's text ends before that sentence.
PREVIOUS_WORDING_MARKER = re.compile(r"(?:^|(?<=[.;] ))[^\n.;]*deyilirdi\s*:", re.IGNORECASE | re.MULTILINE)


def division_number(printed: str) -> str:
    """Show parts numbered in words (``Birinci bölmə``) with digits, like the other divisions."""
    number = ordinal_to_number(printed)
    return str(number) if number is not None else printed


def note_text_without_previous_wording(text: str, previous_wording: str) -> str:
    if not previous_wording:
        return text
    match = PREVIOUS_WORDING_MARKER.search(text)
    if match is None:
        return text
    before = text[: match.start()].rstrip()
    # A note that is nothing but the previous wording keeps its introducing sentence.
    return before or match.group(0).strip()


def structure_key(text_hash: str) -> str:
    return hashlib.sha256(f"{text_hash}:{PARSER_VERSION}".encode()).hexdigest()


def structure_is_current(version: ActVersion) -> bool:
    return version.structure_sha256 == structure_key(version.text_sha256)


@transaction.atomic
def build_structure(version: ActVersion, parsed: ParsedAct) -> None:
    """Replace the structure rows of ``version`` with those of ``parsed``."""
    version.provisions.all().delete()
    version.notes.all().delete()
    version.divisions.all().delete()

    divisions = _create_divisions(version, parsed)
    notes = _create_notes(version, parsed)
    _create_provisions(version, parsed, divisions, notes)
    _link_division_notes(parsed, divisions, notes)
    version.act_notes.set([notes[number] for number in dict.fromkeys(parsed.act_note_numbers) if number in notes])

    version.preamble = parsed.preamble
    version.closing_text = parsed.closing_text
    version.source_documents = parsed.source_documents
    version.parse_report = {
        "repairs": [{"line": message.line, "message": message.message} for message in parsed.repairs],
        "warnings": [{"line": message.line, "message": message.message} for message in parsed.warnings],
        "provisions": len(parsed.provisions),
        "notes": len(parsed.notes),
        "divisions": len(parsed.divisions),
        "parser_version": PARSER_VERSION,
    }
    version.text_sha256 = text_sha256(version.source_text)
    version.structure_sha256 = structure_key(version.text_sha256)
    ActVersion.objects.filter(pk=version.pk).update(
        preamble=version.preamble,
        closing_text=version.closing_text,
        source_documents=version.source_documents,
        parse_report=version.parse_report,
        text_sha256=version.text_sha256,
        text_length=len(version.source_text),
        structure_sha256=version.structure_sha256,
    )
    # Bulk writes send no signals, so tell the page cache here.
    transaction.on_commit(bump_generation)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, counter = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def _create_divisions(version, parsed) -> list[Division]:
    taken: set[str] = set()
    rows = []
    for position, division in enumerate(parsed.divisions):
        depth = 0
        parent = division.parent
        while parent is not None:
            depth += 1
            parent = parsed.divisions[parent].parent
        number = division_number(division.number)
        number_slug = slugify(number, max_length=20) or str(position + 1)
        slug = _unique(f"{DIVISION_SLUG_PREFIX[division.kind]}-{number_slug}", taken)
        rows.append(
            Division(
                version=version,
                kind=division.kind,
                number=number[:32],
                title=division.title[:1000],
                text=division.text,
                slug=slug,
                position=position,
                depth=depth,
            )
        )
    Division.objects.bulk_create(rows)

    for row, division in zip(rows, parsed.divisions):
        if division.parent is not None:
            row.parent_id = rows[division.parent].pk
    Division.objects.bulk_update([row for row in rows if row.parent_id], ["parent"])
    return rows


def _create_notes(version, parsed) -> dict[int, AmendmentNote]:
    rows = {}
    for note in parsed.notes:
        if note.number in rows:
            continue
        rows[note.number] = AmendmentNote(
            version=version,
            number=note.number,
            text=note_text_without_previous_wording(note.text, note.previous_wording),
            amending_act_date=note.amending_act_date,
            amending_act_number=note.amending_act_number[:64],
            previous_wording=note.previous_wording,
        )
    AmendmentNote.objects.bulk_create(rows.values())
    return rows


def _link_division_notes(parsed, divisions, notes) -> None:
    through = Division.notes.through
    links = [
        through(division_id=row.pk, amendmentnote_id=notes[number].pk)
        for row, division in zip(divisions, parsed.divisions)
        for number in dict.fromkeys(division.note_numbers)
        if number in notes
    ]
    through.objects.bulk_create(links)


def _create_provisions(version, parsed, divisions, notes) -> None:
    taken: set[str] = set()
    rows = []
    for position, provision in enumerate(parsed.provisions):
        division = divisions[provision.division_path[-1]] if provision.division_path else None
        rows.append(
            Provision(
                version=version,
                division=division,
                kind=provision.kind,
                number=provision.number[:32],
                slug=_unique(Provision.slug_for(provision.kind, provision.number), taken),
                title=provision.title[:1000],
                text=provision.text,
                position=position,
            )
        )
    Provision.objects.bulk_create(rows, batch_size=500)

    through = Provision.notes.through
    links = []
    for row, provision in zip(rows, parsed.provisions):
        for number in dict.fromkeys(provision.note_numbers):
            note = notes.get(number)
            if note is not None:
                links.append(through(provision_id=row.pk, amendmentnote_id=note.pk))
    through.objects.bulk_create(links, batch_size=1000)
