"""E-service pages. Editors build each service's form in the admin; the
applicant's steps, check-answers page and submission are routes of the page,
served by forms.flow."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ..builder import ServiceFormBuilder
from ..clean_names import unique_name

RICH_TEXT = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class ServiceIndexPage(Page):
    """The list of e-services."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["eservices.ServicePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("e-services list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = ServicePage.objects.child_of(self).live().specific()
        return context


class ServicePageForm(WagtailAdminFormPageForm):
    """The admin form of a service page.

    Wagtail refuses two fields whose labels make the same name (``Şəhər`` and
    ``Səhər`` both give ``seher``); here every new field gets a unique name
    instead, and a field that already has a name keeps it, because filings
    store answers under it.
    """

    def clean(self):
        # Skip Wagtail's duplicate-label check, which compares generated names.
        cleaned_data = super(WagtailAdminFormPageForm, self).clean()
        forms = [form for form in self.formsets["form_fields"].forms if form.is_valid() and form.cleaned_data]
        assign_clean_names([form.instance for form in forms if not form.cleaned_data.get("DELETE")])
        return cleaned_data


def assign_clean_names(fields) -> None:
    """Give each field without a name a unique one; named fields keep theirs."""
    taken = {field.clean_name for field in fields if field.clean_name}
    for field in fields:
        if not field.clean_name:
            field.clean_name = unique_name(field.label, taken)
            taken.add(field.clean_name)


class ServicePage(RoutablePageMixin, FormMixin, Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One sentence shown in the list of services.")
    )
    who_must_file = RichTextField(_("who must file"), features=RICH_TEXT)
    deadline = RichTextField(_("deadline"), features=RICH_TEXT)
    legal_basis = RichTextField(
        _("legal basis"), features=RICH_TEXT, help_text=_("Link each act or article in the legal-acts library.")
    )
    documents_needed = RichTextField(
        _("documents needed"), features=RICH_TEXT, help_text=_("List the documents, with links to samples.")
    )
    what_happens_next = RichTextField(_("what happens next"), features=RICH_TEXT)
    declaration_text = models.TextField(
        _("declaration on the check-your-answers page"),
        default=_("I confirm that the information I have given is correct and complete."),
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=4,
        validators=[RegexValidator(r"^[A-Z]{2,4}$", _("Two to four capital Latin letters, for example QR."))],
        help_text=_("Starts every reference number of this service, for example QR in QR-2026-000123."),
    )
    decision_days = models.PositiveSmallIntegerField(
        _("days for the ministry's decision"),
        null=True,
        blank=True,
        help_text=_("The statutory time for a decision, in days, if the law sets one."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("who_must_file"),
                FieldPanel("deadline"),
                FieldPanel("legal_basis"),
                FieldPanel("documents_needed"),
                FieldPanel("what_happens_next"),
            ],
            heading=_("Guidance"),
        ),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("declaration_text"),
        MultiFieldPanel([FieldPanel("reference_prefix"), FieldPanel("decision_days")], heading=_("Processing")),
    ]

    # The guidance a reader needs before filing; the form itself is filled in on the site.
    api_fields = [
        APIField("summary"),
        APIField("who_must_file"),
        APIField("deadline"),
        APIField("legal_basis"),
        APIField("documents_needed"),
        APIField("what_happens_next"),
        APIField("decision_days"),
    ]
    base_form_class = ServicePageForm
    form_builder = ServiceFormBuilder
    parent_page_types = ["eservices.ServiceIndexPage"]
    subpage_types = []
    template = "eservices/service_page.html"

    class Meta:
        verbose_name = _("e-service")

    def save(self, *args, **kwargs):
        # Pages built in code (or by an import) get unique names as the admin's do.
        assign_clean_names(list(self.form_fields.all()))
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.reference_prefix:
            clash = (
                ServicePage.objects.filter(reference_prefix=self.reference_prefix)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if clash:
                raise ValidationError({"reference_prefix": _("Another e-service already uses this prefix.")})

    # --- Steps ----------------------------------------------------------------

    def get_steps(self):
        """Split the form at its section breaks into a list of ``forms.steps.Step``."""
        from ..steps import split_into_steps

        return split_into_steps(self.get_form_fields())

    # --- Routes ---------------------------------------------------------------
    # The applicant's flow lives in forms.flow; the page only routes to it.

    def serve(self, request, *args, **kwargs):
        # FormMixin.serve would handle a POST as a one-page form; the routes do.
        return RoutablePageMixin.serve(self, request, *args, **kwargs)

    @path("")
    def landing(self, request):
        from .. import flow

        return flow.landing(self, request)

    @path("basla/")
    def start(self, request):
        from .. import flow

        return flow.start(self, request)

    @path("<int:filing_id>/addim-<int:step>/")
    def step(self, request, filing_id, step):
        from .. import flow

        return flow.step(self, request, filing_id, step)

    @path("<int:filing_id>/yoxla/")
    def check_answers(self, request, filing_id):
        from .. import flow

        return flow.check_answers(self, request, filing_id)

    @path("<int:filing_id>/duzelis/")
    def correct(self, request, filing_id):
        from .. import correction

        return correction.correct(self, request, filing_id)

    @path("<int:filing_id>/qebul/")
    def confirmation(self, request, filing_id):
        from .. import flow

        return flow.confirmation(self, request, filing_id)

    @path("<int:filing_id>/cap/")
    def print_view(self, request, filing_id):
        from .. import flow

        return flow.print_view(self, request, filing_id)

    def render_page(self, request, template: str, context: dict, status: int = 200) -> TemplateResponse:
        return TemplateResponse(request, template, {**self.get_context(request), **context}, status=status)
