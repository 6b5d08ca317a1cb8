"""Request and response bodies of the accounts API (cms.api.auth)."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.organizations.choices import REGIONS, LegalForm, Role
from cms.organizations.models import Membership

# RFC 5321 limits an address to 254 characters, which is also Django's EmailField default.
MAX_EMAIL_LENGTH = 254
# Far above any typed or generated password, and short enough that a request
# cannot make the server hash megabytes.
MAX_PASSWORD_LENGTH = 4096
# allauth's TOTP codes have 6 digits and its recovery codes 8, so this leaves room for spaces.
MAX_CODE_LENGTH = 64


class TokenRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=MAX_EMAIL_LENGTH)
    password = serializers.CharField(max_length=MAX_PASSWORD_LENGTH, trim_whitespace=False)
    code = serializers.CharField(
        max_length=MAX_CODE_LENGTH,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required when the person has turned on two-factor sign-in: "
        "the current code from the authenticator app, or an unused recovery code.",
    )


class PasswordResetRequestSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=MAX_EMAIL_LENGTH)


class MembershipSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="organization.id")
    name = serializers.CharField(source="organization.name")
    voen = serializers.CharField(source="organization.voen", help_text="Taxpayer identification number, 10 digits.")
    legal_form = serializers.ChoiceField(source="organization.legal_form", choices=LegalForm.choices)
    region = serializers.ChoiceField(source="organization.region", choices=REGIONS)
    role = serializers.ChoiceField(choices=Role.choices)
    verified = serializers.BooleanField(
        source="organization.is_verified", help_text="Whether the Ministry has checked it against the state register."
    )


class AccountSerializer(serializers.Serializer):
    email = serializers.EmailField()
    language = serializers.SerializerMethodField(help_text="Language of the e-mails the site sends this person.")
    date_joined = serializers.DateTimeField()
    two_factor = serializers.SerializerMethodField(help_text="Whether signing in needs an authenticator code.")
    organizations = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ChoiceField(choices=settings.LANGUAGES))
    def get_language(self, user) -> str:
        profile = getattr(user, "profile", None)
        return profile.language if profile is not None else settings.LANGUAGE_CODE

    def get_two_factor(self, user) -> bool:
        return is_mfa_enabled(user, [Authenticator.Type.TOTP])

    @extend_schema_field(MembershipSerializer(many=True))
    def get_organizations(self, user) -> list[dict]:
        memberships = Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")
        return MembershipSerializer(memberships, many=True).data


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Shown only in this response; only a hash of it is stored.")
    token_type = serializers.ChoiceField(choices=["Bearer"])
    user = AccountSerializer()


class MessageSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Messages per request field; absent on authentication errors.",
    )
