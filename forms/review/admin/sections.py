"""What a reviewer reads about a filing: its answers by step, its documents
and the organization's other filings, worded in the reader's language
where the service is translated.

Answers and documents are those of the latest submission. While a filing is
returned, the applicant's unsent corrections stay theirs, like a draft.
"""

import copy
from dataclasses import dataclass

from django.utils import translation

from ...downloads import download_url
from ...field_types import LAYOUT_TYPES
from ...flow import answer_sections
from ...flow_submit import page_in_language
from ...models import Filing, FilingFile
from ...uploads import referenced_file_ids, submitted_file_ids
from .. import access
from .previews import IMAGE_TYPES, PDF_TYPE, can_preview
from .common import admin_url


def reading_page(filing: Filing):
    """Return the service page in the reader's language when published, else the page the filing was made on."""
    return page_in_language(filing.page.specific, translation.get_language())


def as_submitted(filing: Filing) -> Filing:
    """Return a copy of ``filing`` whose answers are those of its latest submission, for reading only."""
    latest = filing.submissions.order_by("-number").first()
    if latest is None:
        return filing
    submitted = copy.copy(filing)
    submitted.form_data = latest.form_data
    return submitted


def review_sections(filing: Filing, page=None) -> list[dict]:
    """The submitted answers step by step, as the applicant's check-answers page shows them, without change links."""
    page = page or reading_page(filing)
    return answer_sections(page, as_submitted(filing), page.get_steps(), change_links=False)


def answer_fields(filing: Filing, page=None) -> list:
    """Return the form's answer fields in order, as defined on the reading page."""
    page = page or reading_page(filing)
    return [definition for definition in page.get_form_fields() if definition.field_type not in LAYOUT_TYPES]


@dataclass
class Document:
    row: FilingFile
    field_label: str
    download_url: str
    preview_url: str = ""
    is_image: bool = False
    is_pdf: bool = False
    # False for a file that a later submission replaced.
    is_current: bool = True


def documents(filing: Filing, page=None) -> list[Document]:
    """Return the files the applicant sent, those of the latest submission first."""
    labels = {definition.clean_name: definition.label for definition in answer_fields(filing, page)}
    current_ids = referenced_file_ids(as_submitted(filing).form_data)
    rows = filing.files.filter(pk__in=submitted_file_ids(filing))
    result = [
        Document(
            row=row,
            field_label=labels.get(row.field_name, row.field_name),
            download_url=download_url(row),
            preview_url=admin_url("file_preview", row) if can_preview(row) else "",
            is_image=row.content_type in IMAGE_TYPES,
            is_pdf=row.content_type == PDF_TYPE,
            is_current=row.pk in current_ids,
        )
        for row in rows
    ]
    return sorted(result, key=lambda document: not document.is_current)


def other_filings(filing: Filing, user):
    """Return the organization's other filings that ``user`` may see, newest first."""
    return (
        access.reviewable_filings(user)
        .filter(organization=filing.organization)
        .exclude(pk=filing.pk)
        .select_related("page")
        .order_by("-submitted_at", "-pk")
    )
