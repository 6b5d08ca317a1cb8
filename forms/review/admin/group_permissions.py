"""The "E-service filings" panel of the group edit page: which services'
filings the group's members may see, or see and decide on.

Each row is one ServiceReviewPermission. A row names one page of the
service and holds for all its translations, so the list offers one page
per service and two rows for translations of one service are an error.
"""

from django import forms
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.formsets import BaseFormSetMixin
from wagtail.models import Locale

from ...models import ReviewAccess, ServicePage, ServiceReviewPermission

FORMSET_PREFIX = "service_review_permissions"


def service_pages(extra_page_ids=()):
    """One page per service, in the default language where it exists, plus the pages ``extra_page_ids`` name."""
    default_locale = Locale.get_default()
    pages = ServicePage.objects.order_by("pk").values_list("pk", "translation_key", "locale_id")
    chosen = {}
    for pk, key, locale_id in pages:
        if key not in chosen or locale_id == default_locale.pk:
            chosen[key] = pk
    return ServicePage.objects.filter(Q(pk__in=chosen.values()) | Q(pk__in=extra_page_ids)).order_by("title")


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ServiceReviewPermissionForm(forms.Form):
    service = ServiceChoiceField(label=_("E-service"), queryset=ServicePage.objects.none())
    access = forms.ChoiceField(
        label=_("Access"), choices=ReviewAccess.choices, initial=ReviewAccess.DECIDE, widget=forms.RadioSelect
    )

    def __init__(self, *args, service_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = service_queryset


class BaseServiceReviewPermissionFormSet(BaseFormSetMixin, forms.BaseFormSet):
    # A visible box, unlike Wagtail's hidden input that its JavaScript sets.
    deletion_widget = forms.CheckboxInput

    def __init__(self, data=None, files=None, instance=None, prefix=FORMSET_PREFIX):
        self.instance = instance if instance is not None else Group()
        permissions = []
        if self.instance.pk is not None:
            permissions = list(
                ServiceReviewPermission.objects.filter(group=self.instance).select_related("service").order_by("pk")
            )
        self.service_queryset = service_pages(extra_page_ids=[permission.service_id for permission in permissions])
        initial = [{"service": permission.service, "access": permission.access} for permission in permissions]
        super().__init__(data, files, initial=initial, prefix=prefix)

    def get_form_kwargs(self, index):
        return {"service_queryset": self.service_queryset}

    @property
    def rows(self) -> list[forms.Form]:
        return [form for form in self.forms if form not in self.deleted_forms and "service" in form.cleaned_data]

    def clean(self):
        if any(self.errors):
            return
        keys = [form.cleaned_data["service"].translation_key for form in self.rows]
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("An e-service can have only one row: remove the duplicate."))

    @transaction.atomic
    def save(self):
        if self.instance.pk is None:
            raise ValueError("Save the group before its e-service review permissions.")

        requested = {form.cleaned_data["service"].pk: form.cleaned_data["access"] for form in self.rows}
        existing = ServiceReviewPermission.objects.filter(group=self.instance)
        existing.exclude(service_id__in=requested).delete()
        for service_id, access in requested.items():
            ServiceReviewPermission.objects.update_or_create(
                group=self.instance, service_id=service_id, defaults={"access": access}
            )

    def as_admin_panel(self):
        return render_to_string("eservices/admin/review/group_permissions_formset.html", {"formset": self})


# Without JavaScript, the blank row at the end (extra=1) is how a permission is added.
ServiceReviewPermissionFormSet = forms.formset_factory(
    ServiceReviewPermissionForm, formset=BaseServiceReviewPermissionFormSet, extra=1, can_delete=True
)
