"""\"Was this helpful?\" under every answer, and the answer's view count.

A reader presses "Yes" or "No" (a POST with a CSRF token, so it works
without JavaScript). The vote is saved at once and the page reloads at the
feedback block. After "No", the block offers one optional comment. Each
session votes once per page: the session remembers its votes, and a unique
constraint on the page and a keyed hash of the session key stops a second
one arriving at the same moment. Votes and comments share one rate limit.
"""

import logging

from django import forms
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .models import AnswerViews, AnswerVote, FaqQuestionPage
from .models.feedback import MAX_COMMENT_LENGTH
from .ratelimit import RateLimit

logger = logging.getLogger(__name__)

# The session's votes: {page id: vote id}.
SESSION_KEY = "help_answer_votes"
HASH_SALT = "help.feedback.session"
FEEDBACK_ANCHOR = "feedback"

VOTE_LIMIT = RateLimit("answer-feedback", per_address=60, per_session=20, seconds=600)

CHOICE_ERROR = _("Choose “Yes” or “No”.")
TOO_MANY = _("You have sent a lot of feedback in a short time. Wait ten minutes and try again.")


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={"required": CHOICE_ERROR, "invalid_choice": CHOICE_ERROR},
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("What was missing or wrong?"),
        help_text=_(
            "Do not include personal details such as your name, phone number or e-mail address. "
            "We read every comment to improve the answers, but we cannot reply to it."
        ),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Enter your comment. Your “No” has already been counted, so you can also just leave this page."),
            "max_length": _("Keep your comment to %(limit_value)d characters or fewer (it has %(show_value)d)."),
        },
    )


# --- Views ---------------------------------------------------------------------


def count_view(page: FaqQuestionPage) -> None:
    """Add one view to the page's count with a single UPDATE, creating the row on the first view."""
    if AnswerViews.objects.filter(page_id=page.pk).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            AnswerViews.objects.create(page_id=page.pk, views=1)
    except IntegrityError:
        # Another request created the row a moment ago.
        AnswerViews.objects.filter(page_id=page.pk).update(views=F("views") + 1)


# --- Votes ---------------------------------------------------------------------


def session_hash(request) -> str:
    """Return a keyed hash of the request's session key, creating the session when there is none yet."""
    if request.session.session_key is None:
        request.session.save()
        request.session.modified = True
    return salted_hmac(HASH_SALT, request.session.session_key).hexdigest()


def current_vote(page: FaqQuestionPage, request) -> AnswerVote | None:
    """Return this session's vote on ``page``, or None. Costs no query for a session that never voted."""
    vote_id = request.session.get(SESSION_KEY, {}).get(str(page.pk))
    if vote_id is None:
        return None
    return AnswerVote.objects.filter(pk=vote_id, page=page).first()


def _remember(request, page: FaqQuestionPage, vote: AnswerVote) -> None:
    votes = dict(request.session.get(SESSION_KEY, {}))
    votes[str(page.pk)] = vote.pk
    request.session[SESSION_KEY] = votes


def record_vote(page: FaqQuestionPage, request, helpful: bool) -> tuple[AnswerVote, bool]:
    """Save the session's vote on ``page``; return it and whether it is new.

    A session that has voted gets its first vote back, unchanged.
    """
    digest = session_hash(request)
    user = request.user if request.user.is_authenticated else None
    language = (translation.get_language() or page.locale.language_code).split("-")[0]
    try:
        with transaction.atomic():
            vote, created = AnswerVote.objects.get_or_create(
                page=page, session_hash=digest, defaults={"helpful": helpful, "language": language, "user": user}
            )
    except IntegrityError:
        # Two requests of one session at once (a double click): the other one inserted the row.
        vote, created = AnswerVote.objects.get(page=page, session_hash=digest), False
    _remember(request, page, vote)
    return vote, created


def add_comment(vote: AnswerVote, text: str) -> bool:
    """Store ``text`` on a "no" vote that has no comment yet; return False when there was one or the vote was "yes"."""
    updated = AnswerVote.objects.filter(pk=vote.pk, helpful=False, comment="").update(
        comment=text, commented_at=timezone.now()
    )
    return bool(updated)


def feedback_context(page: FaqQuestionPage, request, **overrides) -> dict:
    """Return what the feedback block needs: the vote form, the comment form or a thank-you."""
    vote = current_vote(page, request)
    # A preview of a page that was never saved has no address; its buttons then post nowhere useful.
    page_url = page.get_url(request) or ""
    context = {
        "vote": vote,
        "vote_url": page_url + page.reverse_subpage("vote_view"),
        "comment_url": page_url + page.reverse_subpage("comment_view"),
        "vote_form": None,
        "comment_form": None,
        "feedback_error": None,
    }
    if vote is None:
        context["vote_form"] = VoteForm()
    elif not vote.helpful and not vote.comment:
        context["comment_form"] = CommentForm()
    context.update(overrides)
    return context


def _back_to_feedback(page: FaqQuestionPage, request):
    return redirect(f"{page.get_url(request)}#{FEEDBACK_ANCHOR}")


def _render_with_feedback(page: FaqQuestionPage, request, status: int, **overrides):
    response = page.render(request, context_overrides=feedback_context(page, request, **overrides))
    response.status_code = status
    return response


def vote(page: FaqQuestionPage, request):
    """Take a "Yes" or "No" for ``page`` and show the page again at the feedback block."""
    if request.method != "POST":
        return _back_to_feedback(page, request)

    form = VoteForm(request.POST)
    if not form.is_valid():
        return _render_with_feedback(page, request, 400, feedback_error=CHOICE_ERROR)
    if current_vote(page, request) is not None:
        return _back_to_feedback(page, request)
    if VOTE_LIMIT.is_exceeded(request):
        logger.info("Rate limit reached for answer feedback on page %s", page.pk)
        return _render_with_feedback(page, request, 429, feedback_error=TOO_MANY)

    _vote, created = record_vote(page, request, form.cleaned_data["helpful"])
    if created:
        VOTE_LIMIT.record(request)
    return _back_to_feedback(page, request)


def comment(page: FaqQuestionPage, request):
    """Add the reader's comment to their "No" on ``page``."""
    if request.method != "POST":
        return _back_to_feedback(page, request)

    existing = current_vote(page, request)
    if existing is None or existing.helpful or existing.comment:
        # Nothing to comment on: no vote in this session, a "yes", or a comment already sent.
        return _back_to_feedback(page, request)

    form = CommentForm(request.POST)
    if not form.is_valid():
        return _render_with_feedback(page, request, 400, comment_form=form)
    if VOTE_LIMIT.is_exceeded(request):
        logger.info("Rate limit reached for answer comments on page %s", page.pk)
        return _render_with_feedback(page, request, 429, comment_form=form, feedback_error=TOO_MANY)

    if add_comment(existing, form.cleaned_data["comment"]):
        VOTE_LIMIT.record(request)
    return _back_to_feedback(page, request)
