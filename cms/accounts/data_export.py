"""Everything the site holds about a person, for "download my data"."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from wagtail.models import APIToken, ModelLogEntry

from cms.organizations.models import Membership


def personal_data(user) -> dict:
    memberships = Membership.objects.filter(user=user).select_related("organization")
    return {
        "person": {
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "language": getattr(getattr(user, "profile", None), "language", None),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in user.emailaddress_set.all()
        ],
        "organizations": [
            {
                "name": membership.organization.name,
                "voen": membership.organization.voen,
                "role": membership.role,
                "joined_at": membership.joined_at,
            }
            for membership in memberships
        ],
        "sign_in_methods": {
            "password": user.has_usable_password(),
            "two_factor": sorted({a.type for a in Authenticator.objects.filter(user=user)}),
            "external_providers": [
                {"provider": account.provider, "uid": account.uid, "date_joined": account.date_joined}
                for account in SocialAccount.objects.filter(user=user)
            ],
            "api_tokens": [
                {"prefix": token.prefix, "created": token.created, "last_used_at": token.last_used_at}
                for token in APIToken.objects.filter(user=user, revoked_at__isnull=True)
            ],
        },
        "sessions": [
            {"ip": session.ip, "user_agent": session.user_agent, "created_at": session.created_at,
             "last_seen_at": session.last_seen_at}
            for session in UserSession.objects.filter(user=user)
        ],
        "actions_logged": [
            {"time": entry.timestamp, "action": entry.action, "data": entry.data}
            for entry in ModelLogEntry.objects.filter(user=user).order_by("timestamp")
        ],
    }
