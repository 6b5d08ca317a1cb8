"""The django-allauth adapters of this site: folded e-mail addresses, a
profile for every new person, and e-mails in the recipient's language."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.utils import translation

from .emails import fold_email
from .models import Profile


def recipient_language(user) -> str:
    """Return the language a person reads e-mails in: chosen at sign-up, else the page's."""
    profile = getattr(user, "profile", None) if user is not None and user.pk else None
    if profile is not None:
        return profile.language
    return translation.get_language()


def user_display(user) -> str:
    """Return the name django-allauth shows for a person: the e-mail address,
    because usernames are generated and never shown."""
    return user.email


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        return fold_email(super().clean_email(email))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            Profile.objects.get_or_create(user=user, defaults={"language": translation.get_language()})
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        with translation.override(recipient_language(context.get("user"))):
            super().send_mail(template_prefix, email, context)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        if user.email:
            user.email = fold_email(user.email)
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form)
        Profile.objects.get_or_create(user=user, defaults={"language": translation.get_language()})
        return user
