"""django-allauth's forms with every e-mail address folded the same way
(cms.accounts.emails) before it is looked up or stored."""

from allauth.account import forms as allauth_forms

from .emails import fold_email, validate_deliverable


class _LabelledNotPlaceheld:
    """Labels stay visible above the fields; a placeholder that repeats the
    label vanishes as soon as a person types, so the forms drop them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)


class LoginForm(_LabelledNotPlaceheld, allauth_forms.LoginForm):
    def clean_login(self) -> str:
        return fold_email(super().clean_login())


class _FoldedEmailMixin:
    def clean_email(self) -> str:
        self.cleaned_data["email"] = fold_email(self.cleaned_data["email"])
        return super().clean_email()


class _DeliverableEmailMixin:
    """New addresses must be ones our e-mails can reach."""

    def clean_email(self) -> str:
        email = super().clean_email()
        validate_deliverable(email)
        return email


class SignupForm(_LabelledNotPlaceheld, _DeliverableEmailMixin, _FoldedEmailMixin, allauth_forms.SignupForm):
    pass


class ResetPasswordForm(_LabelledNotPlaceheld, _FoldedEmailMixin, allauth_forms.ResetPasswordForm):
    pass


class AddEmailForm(_LabelledNotPlaceheld, _DeliverableEmailMixin, _FoldedEmailMixin, allauth_forms.AddEmailForm):
    pass
