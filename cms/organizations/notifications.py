"""E-mails about membership, in the recipient's language where it is known."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from cms.accounts.adapter import recipient_language
from cms.accounts.mail import absolute_url, send_templated_mail

from .models import Invitation


def send_invitation(invitation: Invitation, secret: str) -> None:
    """E-mail the invitation link; an existing account's language wins."""
    # An unverified copy of the address may sit on a stranger's account.
    invitee = (
        get_user_model()
        .objects.filter(emailaddress__email=invitation.email, emailaddress__verified=True)
        .first()
    )
    language = recipient_language(invitee)
    with translation.override(language):
        path = reverse("organizations:accept_invitation", kwargs={"secret": secret})
    send_templated_mail(
        "organizations/email/invitation",
        invitation.email,
        {
            "invitation": invitation,
            "organization": invitation.organization,
            "url": absolute_url(path),
            "inviter": invitation.invited_by,
        },
        language=language,
    )
