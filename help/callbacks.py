"""The call-back form on the contact page: checks, spam protection and the confirmation.

No third-party service checks for spam. Three checks do:

* a honeypot field that people never see (the help centre's stylesheet hides
  it) but form-filling programs fill in;
* a signed timestamp in the form: a form sent less than ``MIN_FILL_SECONDS``
  after it was served, one older than ``MAX_FORM_AGE_SECONDS``, and one
  whose timestamp was changed are rejected with a message and nothing saved;
* ``CALLBACK_LIMIT``, per client address and per session.

A rejected form is shown again with what the person typed, so nothing is
lost. A saved request redirects to the confirmation page, which shows the
reference number from the session and nothing else the person typed.
"""

import logging
import time

from django import forms
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.organizations.validators import normalise_phone, validate_phone

from .models import CallbackRequest, CallbackTopic, ContactPage
from .models.callbacks import MAX_MESSAGE_LENGTH, MAX_NAME_LENGTH
from .ratelimit import RateLimit

logger = logging.getLogger(__name__)

SIGNING_SALT = "help.callback.form-served"
# People need more than this to read the form and type a name and a number.
MIN_FILL_SECONDS = 3
# A form left open longer is sent again with a fresh timestamp; what was typed stays.
MAX_FORM_AGE_SECONDS = 12 * 60 * 60
CALLBACK_LIMIT = RateLimit("callback-request", per_address=20, per_session=3, seconds=3600)
SESSION_REFERENCE = "help_callback_reference"
HONEYPOT_FIELD = "website"

REJECTED = _("We could not accept this request. Check your details and send the form again, or call the hotline.")
TOO_FAST = _(
    "The form was sent within a few seconds of opening, as automated programs do. "
    "Check your details and send it again."
)
EXPIRED = _("The form was open for too long. Check your details and send it again.")
TOO_MANY = _(
    "You have asked for several call backs in a short time. Wait an hour before you ask again, or call the hotline."
)


def issue_timestamp() -> str:
    """Return a signed token that records when the form was served."""
    return signing.dumps(time.time(), salt=SIGNING_SALT)


def read_timestamp(token: str) -> float:
    """Return the time a token was issued; raise ``signing.BadSignature`` (or its ``SignatureExpired``) when it cannot be trusted."""
    issued = signing.loads(token, salt=SIGNING_SALT, max_age=MAX_FORM_AGE_SECONDS)
    if not isinstance(issued, (int, float)) or isinstance(issued, bool):
        raise signing.BadSignature("The timestamp is not a number.")
    if time.time() - issued > MAX_FORM_AGE_SECONDS:
        raise signing.SignatureExpired("The form was served too long ago.")
    return float(issued)


class CallbackForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=MAX_NAME_LENGTH,
        error_messages={"required": _("Enter your name, so that we know whom to ask for.")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        help_text=_("The number we should call, for example 050 123 45 67 or +994 12 345 67 89."),
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("Enter the phone number we should call.")},
    )
    topic = forms.ChoiceField(
        label=_("What is your question about?"),
        choices=CallbackTopic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what your question is about."),
            "invalid_choice": _("Choose what your question is about."),
        },
    )
    message = forms.CharField(
        label=_("Anything we should know before we call"),
        help_text=_(
            "For example the e-service or the reference number of your application. Never write a password here."
        ),
        required=False,
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # The honeypot. Its label asks anyone who sees it (without the stylesheet) to leave it empty.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    served = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_phone(self) -> str:
        number = normalise_phone(self.cleaned_data["phone"])
        validate_phone(number)
        return number

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get(HONEYPOT_FIELD):
            logger.info("Call-back request rejected: the honeypot field was filled in")
            raise forms.ValidationError(REJECTED, code="honeypot")

        try:
            issued = read_timestamp(cleaned_data.get("served") or "")
        except signing.SignatureExpired:
            raise forms.ValidationError(EXPIRED, code="expired") from None
        except signing.BadSignature:
            logger.info("Call-back request rejected: missing or altered form timestamp")
            raise forms.ValidationError(REJECTED, code="tampered") from None
        if time.time() - issued < MIN_FILL_SECONDS:
            logger.info("Call-back request rejected: sent %.1f s after the form was served", time.time() - issued)
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned_data

    def timestamp_to_render(self) -> str:
        """Return the timestamp the form should carry: the one sent, while it is still valid, else a new one.

        Keeping the one sent lets the person's time on the page count, so a
        quick correction after an error is not rejected as too fast.
        """
        token = self.data.get("served", "") if self.is_bound else ""
        try:
            read_timestamp(token)
        except signing.BadSignature:
            return issue_timestamp()
        return token


@transaction.atomic
def save_request(data: dict, language: str) -> CallbackRequest:
    callback = CallbackRequest.objects.create(
        name=data["name"], phone=data["phone"], topic=data["topic"], message=data["message"], language=language
    )
    callback.assign_reference()
    return callback


def callback_form(page: ContactPage, request):
    """Show the contact page with the form (GET), or check and save a request (POST)."""
    status = 200
    if request.method == "POST":
        form = CallbackForm(request.POST)
        if form.is_valid() and CALLBACK_LIMIT.is_exceeded(request):
            logger.info("Rate limit reached for call-back requests")
            form.add_error(None, TOO_MANY)
            status = 429
        elif form.is_valid():
            language = (translation.get_language() or page.locale.language_code).split("-")[0]
            callback = save_request(form.cleaned_data, language)
            CALLBACK_LIMIT.record(request)
            request.session[SESSION_REFERENCE] = callback.reference
            logger.info("Call-back request %s saved", callback.pk)
            return redirect(page.get_url(request) + page.reverse_subpage("confirmation_view"))
        else:
            status = 400
    else:
        form = CallbackForm()

    response = page.render(request, context_overrides={"form": form, "served": form.timestamp_to_render()})
    response.status_code = status
    return response


def confirmation(page: ContactPage, request):
    """Show the reference of the session's latest request; without one, go back to the form."""
    reference = request.session.get(SESSION_REFERENCE)
    if not reference:
        return redirect(page.get_url(request))
    return page.render(request, template="help/callback_confirmation.html", context_overrides={"reference": reference})
