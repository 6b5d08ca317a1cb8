"""The subscription pages under /abune/: subscribe to the news, follow an act, confirm, unsubscribe, and a person's list.

Confirmation and unsubscribe links open a page with a button, and only the
button's POST changes anything, because mail scanners open links.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from cms.legal.models import LegalAct

from . import limits, subscribing, tokens
from .forms import SubscribeForm, news_category_choices
from .models import SubscriptionKind

logger = logging.getLogger(__name__)


def current_language() -> str:
    return (translation.get_language() or "az").split("-")[0]


def _check_email_page(request, kind: str, act=None):
    return render(request, "subscriptions/check_email.html", {"kind": kind, "act": act})


def _handle_subscribe(request, form: SubscribeForm, kind: str, template: str, context: dict, act=None):
    """Validate the form, apply the limits and ask for the subscription; the same page follows whatever the address."""
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    if form.is_bot:
        logger.info("Subscribe form ignored: the honeypot field was filled in")
        return _check_email_page(request, kind, act)
    email = form.cleaned_data["email"]
    if not limits.consume(request, email):
        form.add_error(None, _("Too many requests for this address or from your network. Wait an hour and try again."))
        response = render(request, template, {**context, "form": form}, status=429)
        # The window is fixed from the first request, so a whole window is the longest wait.
        response["Retry-After"] = str(limits.WINDOW_SECONDS)
        return response
    subscribing.request_subscription(
        email, kind, current_language(), act=act, category=form.cleaned_data.get("category", "")
    )
    return _check_email_page(request, kind, act)


@require_http_methods(["GET", "HEAD", "POST"])
def news_subscribe(request):
    categories = news_category_choices()
    form = SubscribeForm(request.POST or None, categories=categories)
    template = "subscriptions/news_subscribe.html"
    if request.method == "POST":
        return _handle_subscribe(request, form, SubscriptionKind.NEWS, template, {})
    return render(request, template, {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def follow_act(request, act_slug: str):
    """Anonymous readers give an address and confirm it; signed-in people follow with one button."""
    act = get_object_or_404(LegalAct.objects.public(), slug=act_slug)
    template = "subscriptions/follow_act.html"
    context = {"act": act}

    if request.user.is_authenticated:
        if request.method == "POST":
            subscription = subscribing.follow_as_user(request.user, act, current_language())
            if subscription is None:
                messages.error(request, _("Your account has no confirmed e-mail address. Confirm one first."))
            else:
                messages.success(request, _("You now follow this act. We will e-mail you when it changes."))
            return redirect("subscriptions:follow_act", act_slug=act.slug)
        context["following"] = subscribing.following(request.user, act)
        return render(request, template, context)

    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        return _handle_subscribe(request, form, SubscriptionKind.ACT, template, context, act=act)
    return render(request, template, {**context, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token: str):
    template = "subscriptions/confirm.html"
    try:
        subscription = tokens.find(tokens.read_confirm_token(token))
    except tokens.ExpiredToken:
        return render(request, template, {"problem": "expired"}, status=410)
    except tokens.InvalidToken:
        return render(request, template, {"problem": "invalid"}, status=404)
    if subscription is None:
        # Signed by us, but deleted since: unsubscribed, or never confirmed in time.
        return render(request, template, {"problem": "expired"}, status=410)

    if request.method == "POST":
        subscribing.confirm(subscription)
        subscription.refresh_from_db()
        return render(request, template, {"subscription": subscription, "confirmed_now": True})
    return render(request, template, {"subscription": subscription})


# RFC 8058 one-click unsubscribing: mail programs POST to the link without a
# cookie or CSRF token. The signed token in the address is what authorises the
# POST, and unsubscribing is all it can do.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token: str):
    template = "subscriptions/unsubscribe.html"
    try:
        subscription = tokens.find(tokens.read_unsubscribe_token(token))
    except tokens.InvalidToken:
        return render(request, template, {"problem": "invalid"}, status=404)

    if request.method == "POST":
        subscribing.unsubscribe(subscription)
        return render(request, template, {"done": True, "act": subscription.act if subscription else None})
    # A second visit finds nothing to stop and shows "You are unsubscribed", not an error.
    return render(request, template, {"subscription": subscription, "token": token})


@require_http_methods(["GET", "HEAD"])
def manage(request):
    """Show the news offer to everyone and, to a signed-in person, what they follow."""
    context = {"subscriptions": None}
    if request.user.is_authenticated:
        context["subscriptions"] = subscribing.subscriptions_of(request.user).order_by("kind", "act__title", "pk")
    return render(request, "subscriptions/manage.html", context)


@login_required
@require_POST
def stop(request, subscription_id: int):
    subscription = get_object_or_404(subscribing.subscriptions_of(request.user), pk=subscription_id)
    subscribing.unsubscribe(subscription)
    messages.success(request, _("The subscription is stopped. We will not e-mail you about it again."))
    return redirect("subscriptions:manage")
