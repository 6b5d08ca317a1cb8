"""Wagtail's content API (``wagtail.api.v2``) under ``/api/v1/``: pages, images and documents.

Wagtail's viewsets keep their response shapes (``{"meta": {"total_count"},
"items": [...]}``) and query parameters (``fields``, ``type``, ``child_of``,
``order``, ``search``…), and the subclasses here add what the rest of the API
has:

- only what an anonymous reader may see: live pages outside any view
  restriction, images and documents outside restricted collections, whoever
  sends the request (no authentication classes, so every client is throttled
  as anonymous);
- the language of ``cms.api.language``: a page listing holds the chosen
  language's pages, and a page's detail answers with its translation in the
  requested language, else the Azerbaijani one, else the page itself;
- the API's error shape and translated messages for every bad parameter, in
  place of Wagtail's ``{"message": "..."}`` in English;
- ``limit`` capped at 50 (``cms.api.pagination.LimitOffsetPagination``).

Page types need no change here: each model's ``api_fields`` decide its fields.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView
from taggit.managers import TaggableManager
from wagtail.api import APIField
from wagtail.api.rich_text import APIRichText, RichTextFormatError
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction, Site

from .language import LANGUAGE_PARAMETER, activate_request_language, language_codes
from .pagination import LimitOffsetPagination, is_whole_number

# Fields a client may filter by with ``?name=value``: plain values only.
# A StreamField or JSON value has no meaningful equality filter.
FILTERABLE_FIELD_TYPES = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,
    models.DateTimeField,
    models.UUIDField,
)

# Image renditions in the API, by field name. The original file is never
# linked: it can weigh megabytes, too much for a phone on a weak network.
IMAGE_RENDITIONS = {"thumbnail": "max-320x320", "large": "max-1280x1280"}

SEARCH_OPERATORS = {"and", "or"}
RICH_TEXT_FORMATS = ("html", "db_html", "markdown", "db_markdown")


def invalid(parameter: str, message: str) -> ValidationError:
    return ValidationError({parameter: [message]})


def requested_language(request) -> tuple[str, bool]:
    """Return the language chosen for the request and whether the client chose it."""
    language = getattr(request, "api_language", None) or settings.LANGUAGE_CODE
    return language, bool(getattr(request, "api_language_explicit", False))


def restricted_collection_ids() -> set[int]:
    """Return the ids of collections with a view restriction, and of every collection below them."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    restricted = models.Q(pk__in=[])
    for path in paths:
        restricted |= models.Q(path__startswith=path)
    return set(Collection.objects.filter(restricted).values_list("pk", flat=True))


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's ``?field=value`` filter, with each value checked by its model field first.

    Wagtail converts only booleans, integers and foreign keys, so a bad date or
    a many-to-many value would otherwise fail inside the database query.
    """

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        errors = {}
        for name, value in request.GET.items():
            if name not in names:
                continue
            message = self.check_value(queryset.model, name, value)
            if message:
                errors[name] = [message]
        if errors:
            raise ValidationError(errors)
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def check_value(model, name: str, value: str) -> str | None:
        """Return why ``value`` cannot filter ``model`` by ``name``, or None."""
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None
        if isinstance(field, TaggableManager):
            return None
        if field.is_relation:
            field = field.related_model._meta.pk
        elif not isinstance(field, FILTERABLE_FIELD_TYPES):
            return _("This field cannot be used as a filter.")

        try:
            python_value = field.to_python(value)
            if not isinstance(field, (models.CharField, models.TextField)):
                # Range validators keep an integer the database cannot hold out of the query.
                field.run_validators(python_value)
        except (DjangoValidationError, ValueError, TypeError):
            return _("Enter a valid value for this field.")
        if field.choices and python_value not in {choice for choice, _label in field.flatchoices}:
            # A value outside the choices would only give an empty list, which looks like "no results".
            return _("Choose one of these values: %(values)s.") % {
                "values": ", ".join(str(choice) for choice, _label in field.flatchoices if choice not in ("", None))
            }
        return None


class PublicContentMixin:
    """Behaviour shared by the Wagtail endpoints here: errors, pagination, throttling, language."""

    renderer_classes = [JSONRenderer]
    pagination_class = LimitOffsetPagination
    # Anonymous for everyone: the content API shows only public content, and
    # AnonRateThrottle (the project's default throttle) then counts every client.
    authentication_classes = []
    permission_classes = [AllowAny]
    # Described by hand in cms.api.wagtail_schema: drf-spectacular cannot read these viewsets.
    schema = None

    detail_parameters = frozenset(["fields", "rich_text_format", "format"])
    # Which request parameter each Wagtail filter reads, to name it in errors.
    filter_parameters = {}

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            # A case that the checks below miss. Wagtail's message is in English only, so it is replaced.
            exc = ValidationError({"non_field_errors": [_("Check the query parameters in the API documentation.")]})
        # Wagtail's own handler would return 404 and 400 as {"message": ...}.
        return APIView.handle_exception(self, exc)

    def check_query_parameters(self, queryset):
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True)) | self.known_query_parameters
        self.reject_unknown(allowed)
        if self.request.GET.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise invalid("search_operator", _("Enter “and” or “or”."))

    def reject_unknown(self, allowed) -> None:
        unknown = sorted(set(self.request.GET) - set(allowed))
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})

    def detail_view(self, request, pk):
        self.reject_unknown(self.detail_parameters)
        return super().detail_view(request, pk)

    def find_view(self, request):
        self.reject_unknown(self.detail_parameters | self.find_query_parameters)
        raw_id = request.GET.get("id")
        if raw_id is not None and not is_whole_number(raw_id):
            raise invalid("id", _("Enter a whole number, 0 or more."))
        response = super().find_view(request)
        # Wagtail copies request.GET into the redirect, and with_request_language took ``lang`` out of it.
        language = request.api_language if request.api_language_from_parameter else None
        if language:
            separator = "&" if "?" in response["Location"] else "?"
            response["Location"] += f"{separator}{urlencode({LANGUAGE_PARAMETER: language})}"
        return response

    def get_serializer_class(self):
        try:
            return super().get_serializer_class()
        except BadRequestError:
            raise invalid(
                "fields",
                _("Unknown field or invalid list. Give field names separated by commas, for example “title,slug”."),
            ) from None

    def resolve_rich_text_format(self):
        """Return the requested rich-text format, by default display HTML with links resolved.

        Wagtail's default, database HTML, holds internal references such as
        ``<a linktype="page" id="3">`` that mean nothing to an API client.
        """
        raw = self.request.GET.get("rich_text_format", APIRichText.FORMAT_HTML)
        try:
            return APIRichText.resolve_format(raw)
        except RichTextFormatError:
            raise invalid(
                "rich_text_format",
                _("Choose one of these formats: %(formats)s.") % {"formats": ", ".join(RICH_TEXT_FORMATS)},
            ) from None

    def filter_queryset(self, queryset):
        for backend in self.filter_backends:
            try:
                queryset = backend().filter_queryset(self.request, queryset, self)
            except BadRequestError:
                raise self.filter_error(backend) from None
        return queryset

    def filter_error(self, backend) -> ValidationError:
        if backend is OrderingFilter:
            return invalid(
                "order",
                _(
                    "Order by a field of the listed type, for example “title” or “-id”, "
                    "or by “random” alone and without offset."
                ),
            )
        if backend is SearchFilter:
            return invalid("search", _("A search cannot be combined with this filter or order."))
        parameter = self.filter_parameters.get(backend)
        if parameter:
            return invalid(parameter, _("No live, public page has this id."))
        return ValidationError({"non_field_errors": [_("Check the query parameters in the API documentation.")]})


class PublicPagesViewSet(PublicContentMixin, PagesAPIViewSet):
    """Live pages without view restrictions, in the requested language."""

    # LocaleFilter is left out: the language choice filters the listing (see get_queryset).
    filter_backends = [
        CheckedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        SearchFilter,  # Wagtail's search results cannot be filtered further, so it comes last.
    ]
    filter_parameters = {
        ChildOfFilter: "child_of",
        AncestorOfFilter: "ancestor_of",
        DescendantOfFilter: "descendant_of",
        TranslationOfFilter: "translation_of",
    }
    page_id_parameters = ("child_of", "ancestor_of", "descendant_of", "translation_of")
    detail_parameters = PublicContentMixin.detail_parameters | {"locale", "site"}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.apply_locale_parameter(request)
        self.check_page_id_parameters(request)

    def apply_locale_parameter(self, request) -> None:
        """Treat Wagtail's ``locale`` parameter as a synonym of ``lang``."""
        locale = request.GET.get("locale")
        if locale is None:
            return
        codes = [code for code, _name in settings.LANGUAGES]
        if locale not in codes:
            raise invalid("locale", _("Choose one of these languages: %(languages)s.") % {"languages": ", ".join(codes)})
        language, _explicit = requested_language(request)
        if getattr(request, "api_language_from_parameter", False) and language != locale:
            raise invalid("locale", _("The lang and locale parameters name different languages."))
        request._request.api_language = locale
        request._request.api_language_explicit = True
        activate_request_language(request._request)

    def check_page_id_parameters(self, request) -> None:
        for name in self.page_id_parameters:
            value = request.GET.get(name)
            if value is None:
                continue
            root_allowed = name != "ancestor_of"
            if not (is_whole_number(value) or (root_allowed and value == "root")):
                message = _("Enter a page id, or “root”.") if root_allowed else _("Enter a page id.")
                raise invalid(name, message)
        if "child_of" in request.GET and "descendant_of" in request.GET:
            raise invalid("descendant_of", _("Use either child_of or descendant_of, not both."))

    def get_base_queryset(self):
        """Return live pages outside every view restriction, in the requested site's language trees.

        Unlike Wagtail's ``get_public_pages_queryset``, a restriction hides its
        pages from every client, signed in or not: the API is the public view.
        """
        queryset = Page.objects.live()
        for restricted in Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id")):
            queryset = queryset.not_descendant_of(restricted, inclusive=True)

        site = self.requested_site()
        if site is None:
            return queryset.none()
        in_site = models.Q(path__startswith=site.root_page.path)
        for translation in site.root_page.get_translations():
            in_site |= models.Q(path__startswith=translation.path)
        return queryset.filter(in_site)

    def requested_site(self) -> Site | None:
        raw = self.request.GET.get("site")
        if raw is None:
            return Site.find_for_request(self.request)

        hostname, _colon, port = raw.partition(":")
        sites = Site.objects.filter(hostname=hostname)
        if port:
            if not is_whole_number(port):
                raise invalid("site", _("Enter a site's hostname, optionally followed by a colon and its port."))
            sites = sites.filter(port=int(port))
        site = sites.select_related("root_page").first()
        if site is None:
            raise invalid("site", _("No site has this hostname and port."))
        return site

    def get_queryset(self):
        try:
            queryset = super().get_queryset()
        except BadRequestError:
            raise invalid("type", _("Unknown page type. Give it as app_label.ModelName, for example “help.FaqQuestionPage”.")) from None

        if self.action != "listing_view":
            return queryset
        language, explicit = requested_language(self.request)
        # translation_of requests every language unless the client names one.
        if "translation_of" in self.request.GET and not explicit:
            return queryset
        # By locale id: the search backend can filter on "locale" but not on its language code.
        locale = Locale.objects.filter(language_code=language).first()
        return queryset.filter(locale=locale) if locale else queryset.none()

    def find_object(self, queryset, request):
        """Find the page at ``html_path`` in any language tree, or by ``id``.

        Wagtail routes ``html_path`` from the site's root page only, the
        Azerbaijani home, so an ``/en/`` or ``/ru/`` prefix picks that
        language's home to route from.
        """
        path = request.GET.get("html_path")
        if path is None:
            return super().find_object(queryset, request)

        site = self.requested_site()
        if site is None:
            return None
        components = [component for component in path.split("/") if component]
        root = site.root_page
        if components and components[0] in language_codes() and components[0] != settings.LANGUAGE_CODE:
            root = root.get_translations().filter(locale__language_code=components[0]).first()
            components = components[1:]
        if root is None:
            return None

        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return page if self.get_base_queryset().filter(pk=page.pk).exists() else None

    def get_object(self):
        if not hasattr(self, "_page_in_language"):
            self._page_in_language = self.page_in_requested_language(super().get_object())
        return self._page_in_language

    def page_in_requested_language(self, page):
        """Return ``page``'s translation in the requested language, else in Azerbaijani, else ``page``.

        Only a client that chose a language gets a translation, so following a
        listing's ``detail_url`` without one returns the page that was listed.
        """
        language, explicit = requested_language(self.request)
        if not explicit or page.locale.language_code == language:
            return page

        translations = self.get_base_queryset().filter(translation_key=page.translation_key)
        for code in (language, settings.LANGUAGE_CODE):
            translation = translations.filter(locale__language_code=code).first()
            if translation is not None:
                return translation.specific
        return page

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        response["Content-Language"] = self.get_object().locale.language_code
        return response


class PublicImagesViewSet(PublicContentMixin, ImagesAPIViewSet):
    """Images outside restricted collections, as renditions: never the original file."""

    filter_backends = [CheckedFieldsFilter, OrderingFilter, SearchFilter]
    meta_fields = ["type", "detail_url", "tags"]
    body_fields = ["id", "title", "width", "height"] + [
        APIField(name, serializer=ImageRenditionField(spec, source="*")) for name, spec in IMAGE_RENDITIONS.items()
    ]
    listing_default_fields = ["id", "type", "detail_url", "title", "tags", "thumbnail"]
    nested_default_fields = ["id", "type", "detail_url", "title", "thumbnail"]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


class PublicDocumentsViewSet(PublicContentMixin, DocumentsAPIViewSet):
    """Documents outside restricted collections.

    Applicants' files are ``FilingFile`` rows in private storage, not Wagtail
    documents, so they can never appear here.
    """

    filter_backends = [CheckedFieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


def build_router() -> WagtailAPIRouter:
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", PublicPagesViewSet)
    router.register_endpoint("images", PublicImagesViewSet)
    router.register_endpoint("documents", PublicDocumentsViewSet)
    return router


api_router = build_router()
