"""Figures of readers' feedback per answer: views, "yes", "no", the helpful share and recent comments.

Each figure is a subquery per page, so a list of pages runs one query
however many votes there are, and no GROUP BY spans the page's columns.
"""

from dataclasses import dataclass

from django.db.models import Count, F, FloatField, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils.formats import number_format
from django.utils.translation import gettext

from .models import AnswerViews, AnswerVote, FaqQuestionPage

RECENT_COMMENTS = 5


def _vote_count(**filters) -> Coalesce:
    """COUNT(*) of the page's votes matching ``filters``, as a correlated subquery; 0 when there are none."""
    counted = (
        AnswerVote.objects.filter(page=OuterRef("pk"), **filters)
        .order_by()
        .values("page")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_feedback(queryset: QuerySet[FaqQuestionPage]) -> QuerySet[FaqQuestionPage]:
    """Annotate question pages with ``view_total``, ``yes_total``, ``no_total``, ``comment_total`` and ``helpful_share``.

    ``helpful_share`` is "yes" divided by all votes, from 0 to 1, and NULL for a page nobody has voted on.
    """
    views = AnswerViews.objects.filter(page=OuterRef("pk")).values("views")
    return queryset.annotate(
        view_total=Coalesce(Subquery(views, output_field=IntegerField()), Value(0)),
        yes_total=_vote_count(helpful=True),
        no_total=_vote_count(helpful=False),
        comment_total=_vote_count(helpful=False, comment__gt=""),
    ).annotate(
        helpful_share=Cast(F("yes_total"), FloatField())
        / NullIf(Cast(F("yes_total") + F("no_total"), FloatField()), Value(0.0)),
    )


def least_helpful_ordering() -> list:
    """Return the ordering that puts the least helpful answers first: lowest share, then most "no" votes.

    Answers nobody has voted on go last, on every database.
    """
    return [F("helpful_share").asc(nulls_last=True), F("no_total").desc(), F("view_total").desc(), "pk"]


def most_viewed_ordering() -> list:
    return [F("view_total").desc(), "pk"]


@dataclass(frozen=True)
class FeedbackSummary:
    views: int
    yes: int
    no: int
    share: float | None
    recent_comments: list[AnswerVote]
    comment_count: int

    @property
    def votes(self) -> int:
        return self.yes + self.no

    @property
    def share_display(self) -> str:
        return percent(self.share)


def summarise(page: FaqQuestionPage) -> FeedbackSummary:
    """Return the feedback figures of one question page and its latest comments."""
    figures = (
        with_feedback(FaqQuestionPage.objects.filter(pk=page.pk))
        .values("view_total", "yes_total", "no_total", "comment_total", "helpful_share")
        .first()
    ) or {"view_total": 0, "yes_total": 0, "no_total": 0, "comment_total": 0, "helpful_share": None}
    comments = list(
        AnswerVote.objects.filter(page_id=page.pk).exclude(comment="").order_by("-commented_at", "-pk")[:RECENT_COMMENTS]
    )
    return FeedbackSummary(
        views=figures["view_total"],
        yes=figures["yes_total"],
        no=figures["no_total"],
        share=figures["helpful_share"],
        recent_comments=comments,
        comment_count=figures["comment_total"],
    )


def percent(share: float | None) -> str:
    """Format a share from 0 to 1 as a whole percentage, or a dash when nobody has voted."""
    if share is None:
        return "—"
    return gettext("%(number)s%%") % {"number": number_format(round(share * 100))}
