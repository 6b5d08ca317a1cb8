"""Organizations (CSOs), the people who act for them, and invitations to join.

The organization owns its filings and history, not the person who created
it: members come and go, and an organization always keeps at least one owner
(cms.organizations.membership enforces that).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.directory import terms as directory_terms

from .choices import REGIONS, LegalForm, RegisterStatus, Role, Sphere
from .validators import format_phone, validate_phone, validate_voen

# Fields that search_terms and name_sort_key are made from.
SEARCHED_FIELDS = frozenset({"name", "voen", "registration_number"})


class Organization(models.Model):
    name = models.CharField(_("name"), max_length=255)
    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    voen = models.CharField(
        _("VÖEN"),
        max_length=10,
        blank=True,
        validators=[validate_voen],
        help_text=_(
            "Taxpayer identification number: 10 digits. Leave it empty only if the organization is "
            "applying for state registration and has no VÖEN yet."
        ),
    )
    registration_number = models.CharField(
        _("state registration number"),
        max_length=50,
        blank=True,
        help_text=_("As on the certificate of state registration. Leave empty if the organization is not registered yet."),
    )
    registration_date = models.DateField(_("state registration date"), null=True, blank=True)
    legal_address = models.CharField(_("legal address"), max_length=500)
    region = models.CharField(_("region"), max_length=40, choices=REGIONS)
    # Organizations imported from the state register have no contacts until
    # someone claims them; OrganizationForm still requires both from applicants.
    phone = models.CharField(_("contact phone"), max_length=13, blank=True, validators=[validate_phone])
    email = models.EmailField(_("contact e-mail"), blank=True)
    sphere = models.CharField(_("sphere of activity"), max_length=32, blank=True, choices=Sphere.choices)

    # Filled by the import of the ministry's register (cms.organizations.register_import).
    register_status = models.CharField(
        _("status in the state register"),
        max_length=16,
        blank=True,
        choices=RegisterStatus.choices,
        help_text=_("Empty for organizations that were not imported from the state register."),
    )
    imported_at = models.DateTimeField(_("imported from the register"), null=True, blank=True, editable=False)
    import_source = models.CharField(
        _("register file"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("Name of the register file that last created or changed this organization."),
    )

    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, editable=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    verification_note = models.TextField(_("verification note"), blank=True, editable=False)

    # Kept current by save() for the public directory (cms.directory.terms).
    search_terms = models.TextField(_("search terms"), blank=True, editable=False)
    name_sort_key = models.CharField(_("name sort key"), max_length=510, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        constraints = [
            # Founders applying for state registration have no VÖEN or
            # registration number yet; every organization that has one is unique.
            models.UniqueConstraint(
                fields=["voen"],
                condition=~Q(voen=""),
                name="organization_unique_voen",
                violation_error_message=_("An organization with this VÖEN already has an account on the site."),
            ),
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~Q(registration_number=""),
                name="organization_unique_registration_number",
                violation_error_message=_("Another organization already has this state registration number."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        """Save, refreshing the search terms and sort key, also when only ``update_fields`` are saved.

        NOTE: QuerySet.update() and bulk_update() bypass this; rows changed
        that way keep their old terms until they are saved again.
        """
        self.search_terms = directory_terms.search_terms(self.name, self.voen, self.registration_number)
        self.name_sort_key = directory_terms.name_sort_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and SEARCHED_FIELDS & set(update_fields):
            kwargs["update_fields"] = [*update_fields, "search_terms", "name_sort_key"]
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    def owners(self):
        return self.memberships.filter(role=Role.OWNER)


class Membership(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["organization", "-role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_one_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organization})"

    @property
    def is_owner(self) -> bool:
        return self.role == Role.OWNER


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An e-mail invitation to join an organization; the link holds a secret
    whose hash only is stored here."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    # Staff restoring access to an organization that lost all its members.
    by_ministry = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
