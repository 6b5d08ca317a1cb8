"""Readers' feedback on answers in the admin: the report of every answer and one answer's comments.

Both need the ``help.view_answervote`` permission, which the set-up gives
the Editors and Moderators groups.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import AnswerVote, FaqQuestionPage
from ..stats import least_helpful_ordering, most_viewed_ordering, percent, summarise, with_feedback

URL_NAMESPACE = "help_feedback"
COMMENTS_PER_PAGE = 50
VIEW_PERMISSION = "help.view_answervote"

MOST_VIEWED = "-views"
LEAST_HELPFUL = "helpful"


def can_view_feedback(user) -> bool:
    return user.is_active and user.has_perm(VIEW_PERMISSION)


def language_name(page: FaqQuestionPage) -> str:
    return dict(settings.LANGUAGES).get(page.locale.language_code, page.locale.language_code)


class AnswerFeedbackFilterSet(WagtailFilterSet):
    language = ChoiceFilter(field_name="locale__language_code", label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = FaqQuestionPage
        fields = ["language"]


class AnswerFeedbackReportView(ReportView):
    """Every answer with its views, votes and helpful share; sorted by views or by the helpful share."""

    page_title = _("Answers: views and feedback")
    header_icon = "help"
    index_url_name = f"{URL_NAMESPACE}:index"
    index_results_url_name = f"{URL_NAMESPACE}:results"
    filterset_class = AnswerFeedbackFilterSet
    permission_policy = ModelPermissionPolicy(AnswerVote)
    permission_required = "view"
    default_ordering = MOST_VIEWED
    list_export = ["title", "language", "view_total", "yes_total", "no_total", "helpful_percent", "comment_total"]
    export_headings = {
        "title": _("Question"),
        "language": _("Language"),
        "view_total": _("Views"),
        "yes_total": _("Yes"),
        "no_total": _("No"),
        "helpful_percent": _("Helpful"),
        "comment_total": _("Comments"),
    }

    # Each sort key of the columns, and the ordering it stands for; tie-breakers keep pages stable.
    ORDERINGS = {
        "views": [F("view_total").asc(), "pk"],
        "-views": most_viewed_ordering(),
        "helpful": least_helpful_ordering(),
        "-helpful": [F("helpful_share").desc(nulls_last=True), F("yes_total").desc(), "pk"],
        "yes": [F("yes_total").asc(), "pk"],
        "-yes": [F("yes_total").desc(), "pk"],
        "no": [F("no_total").asc(), "pk"],
        "-no": [F("no_total").desc(), "pk"],
    }

    @property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Question"),
                get_url=lambda page: reverse(f"{URL_NAMESPACE}:answer", args=[page.pk]),
            ),
            Column("language", label=_("Language"), accessor=language_name),
            Column("view_total", label=_("Views"), sort_key="views"),
            Column("yes_total", label=_("Yes"), sort_key="yes"),
            Column("no_total", label=_("No"), sort_key="no"),
            Column("helpful_percent", label=_("Helpful"), accessor=lambda page: percent(page.helpful_share), sort_key="helpful"),
            Column("comment_total", label=_("Comments")),
        ]

    def get_base_queryset(self):
        return with_feedback(FaqQuestionPage.objects.select_related("locale"))

    def order_queryset(self, queryset):
        return queryset.order_by(*self.ORDERINGS.get(self.ordering, most_viewed_ordering()))

    def decorate_paginated_queryset(self, object_list):
        for page in object_list:
            page.language = language_name(page)
            page.helpful_percent = percent(page.helpful_share)
        return object_list


class AnswerFeedbackView(WagtailAdminTemplateMixin, TemplateView):
    """One answer's figures and every comment on it, newest first. Comments are shown as plain text."""

    template_name = "help/admin/answer_feedback.html"
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_feedback(request.user):
            raise PermissionDenied
        self.page = get_object_or_404(FaqQuestionPage.objects.select_related("locale"), pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Feedback on an answer")

    def get_page_subtitle(self):
        return self.page.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": AnswerFeedbackReportView.page_title},
            {"url": "", "label": self.page.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comments = AnswerVote.objects.filter(page=self.page).exclude(comment="").order_by("-commented_at", "-pk")
        paginator = Paginator(comments, COMMENTS_PER_PAGE)
        context.update(
            {
                "question": self.page,
                "language": language_name(self.page),
                "summary": summarise(self.page),
                "comments": paginator.get_page(self.request.GET.get("p")),
                "edit_url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "live_url": self.page.get_url(self.request) if self.page.live else "",
            }
        )
        return context
