"""The kinds of field an editor can put on an e-service form."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

# Wagtail's types minus "hidden" (an applicant could not see or correct it)
# and "datetime" (no filing asks for a time of day), plus ours.
WAGTAIL_TYPES = [choice for choice in FORM_FIELD_CHOICES if choice[0] not in ("hidden", "datetime")]
OUR_TYPES = [
    ("file", _("File upload")),
    ("voen", _("VÖEN")),
    ("phone", _("Phone number")),
    ("money", _("Amount and currency")),
    ("country", _("Country")),
    ("daterange", _("Date range (from – to)")),
    ("declaration", _("Declaration (must be ticked)")),
    ("section", _("Section break: starts a new step")),
]
FIELD_TYPE_CHOICES = WAGTAIL_TYPES + OUR_TYPES

# Types that hold no answer.
LAYOUT_TYPES = {"section"}
# Types whose choices come from the editor's "choices" box.
CHOICE_TYPES = {"checkboxes", "dropdown", "multiselect", "radio"}

CURRENCIES = ["AZN", "USD", "EUR", "GBP", "RUB", "TRY", "CHF", "JPY", "CNY"]
DEFAULT_FILE_TYPES = "pdf,jpg,png"
FILE_TYPE_CHOICES = ["pdf", "jpg", "png", "docx", "xlsx"]
