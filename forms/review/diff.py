"""What a resubmission changed: the last two submissions of a filing, field by field.

Both sides are read from the FilingSubmission snapshots, never from the
filing itself, so the comparison shows what was sent each time. A file
answer counts as changed when its name or its SHA-256 differs.
"""

from dataclasses import dataclass

from django.utils.translation import gettext

from ..answers import format_value, is_file_answer
from ..choice_translation import in_page_language
from ..field_types import LAYOUT_TYPES
from ..models import Filing, FilingSubmission

# Digits of the SHA-256 shown when two files have the same name but not the same content.
SHORT_HASH_LENGTH = 12


@dataclass
class FieldChange:
    """One answer or document that differs between two submissions, as text people read."""

    name: str
    label: str
    before: str
    after: str
    # True when the reviewer marked this field for correction on the earlier submission.
    flagged: bool = False
    # For a document: the FilingFile ids sent each time, or None.
    before_file_id: int | None = None
    after_file_id: int | None = None


@dataclass(frozen=True)
class SentFile:
    id: int | None
    name: str
    sha256: str


def last_two_submissions(filing: Filing) -> tuple[FilingSubmission, FilingSubmission] | None:
    latest = list(filing.submissions.order_by("-number")[:2])
    if len(latest) < 2:
        return None
    return latest[1], latest[0]


def sent_file(submission: FilingSubmission, value) -> SentFile | None:
    """Find the file a file answer of ``submission`` pointed at, in the snapshot's list of files."""
    if not is_file_answer(value):
        return None
    for row in submission.files:
        if row.get("id") == value.get("file"):
            return SentFile(id=row.get("id"), name=row.get("name", ""), sha256=row.get("sha256", ""))
    # A snapshot without the row: the answer itself stores the file's name.
    return SentFile(id=value.get("file"), name=value.get("name", ""), sha256="")


def describe_files(before: SentFile | None, after: SentFile | None) -> tuple[str, str] | None:
    """Return the two sides as text, or None when the same file was sent both times."""
    if before == after:
        return None
    before_text = before.name if before else ""
    after_text = after.name if after else ""
    if before and after and before.name == after.name:
        # Same name, other content: the hashes tell the two apart.
        before_text = gettext("%(name)s (SHA-256 %(hash)s…)") % {
            "name": before.name, "hash": before.sha256[:SHORT_HASH_LENGTH]
        }
        after_text = gettext("%(name)s (SHA-256 %(hash)s…)") % {
            "name": after.name, "hash": after.sha256[:SHORT_HASH_LENGTH]
        }
    return before_text, after_text


def changes_between(page, earlier: FilingSubmission, later: FilingSubmission, flagged_names=frozenset()):
    """Compare two snapshots over the answer fields of ``page``, in its language and order."""
    before_data = in_page_language(page, earlier.form_data)
    after_data = in_page_language(page, later.form_data)

    changes = []
    for definition in page.get_form_fields():
        if definition.field_type in LAYOUT_TYPES:
            continue
        name = definition.clean_name
        change = FieldChange(name=name, label=definition.label, before="", after="", flagged=name in flagged_names)
        if definition.field_type == "file":
            before_file = sent_file(earlier, before_data.get(name))
            after_file = sent_file(later, after_data.get(name))
            texts = describe_files(before_file, after_file)
            if texts is None:
                continue
            change.before, change.after = texts
            change.before_file_id = before_file.id if before_file else None
            change.after_file_id = after_file.id if after_file else None
        else:
            change.before = format_value(definition.field_type, before_data.get(name))
            change.after = format_value(definition.field_type, after_data.get(name))
            if change.before == change.after:
                continue
        changes.append(change)
    return changes


def flagged_field_names(filing: Filing, submission_number: int) -> set[str]:
    """Names of the fields a reviewer flagged while reading submission ``submission_number``."""
    return set(filing.corrections.filter(submission_number=submission_number).values_list("field_name", flat=True))


def changes_since_previous(filing: Filing, page=None) -> list[FieldChange]:
    """Return what the latest submission changed since the one before; [] after a first submission.

    ``page`` gives the labels and the wording of choices; by default it is the
    page the filing was made on. Unchanged fields are left out.
    """
    pair = last_two_submissions(filing)
    if pair is None:
        return []
    earlier, later = pair
    page = page or filing.page.specific
    return changes_between(page, earlier, later, flagged_field_names(filing, earlier.number))


def flagged_but_unchanged(filing: Filing, changes: list[FieldChange]) -> list[str]:
    """Return the labels of fields flagged on the previous submission that the latest one left as they were."""
    pair = last_two_submissions(filing)
    if pair is None:
        return []
    changed = {change.name for change in changes}
    corrections = filing.corrections.filter(submission_number=pair[0].number).exclude(field_name__in=changed)
    return list(corrections.values_list("field_label", flat=True))
