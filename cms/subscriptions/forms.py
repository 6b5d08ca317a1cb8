"""The subscribe form: an e-mail address, an optional news category and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.accounts.emails import fold_email, validate_deliverable

HONEYPOT_FIELD = "website"


def news_category_choices() -> list[tuple[str, str]]:
    """Return the news categories a subscriber may choose, or [] when the news app defines none.

    Read from the ``category`` field of cms.news's NewsPage, so this app needs
    no change when categories are added or renamed.
    """
    try:
        from cms.news.models import NewsPage
    except ImportError:
        return []
    try:
        field = NewsPage._meta.get_field("category")
    except Exception:  # FieldDoesNotExist: the news items have no categories.
        return []
    return [(str(value), str(label)) for value, label in field.choices or [] if value]


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the correct format, like name@example.com."),
        },
    )
    # The honeypot: hidden from people, filled in by form-filling programs. Its label asks anyone who sees it to leave it empty.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if categories:
            self.fields["category"] = forms.ChoiceField(
                label=_("Which news?"),
                choices=[("", _("All news")), *categories],
                required=False,
                widget=forms.RadioSelect,
                initial="",
                error_messages={"invalid_choice": _("Choose one of the listed kinds of news.")},
            )

    def clean_email(self) -> str:
        email = fold_email(self.cleaned_data["email"])
        validate_deliverable(email)
        return email

    @property
    def is_bot(self) -> bool:
        """True when the honeypot was filled in; the view then pretends to accept the form."""
        return bool(self.is_valid() and self.cleaned_data.get(HONEYPOT_FIELD))
