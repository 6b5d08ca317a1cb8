"""The account page, sign-in links and "download my data"."""

import json

from allauth.account.utils import perform_login
from allauth.core import ratelimit
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import APIToken

from cms.organizations.models import Membership

from . import signin_links
from .data_export import personal_data
from .models import SIGN_IN_LINK_LIFETIME

LINK_MINUTES = int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60)


class SignInLinkForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


@login_required
@require_safe
def account_home(request):
    user = request.user
    memberships = Membership.objects.filter(user=user).select_related("organization").order_by("organization__name")
    context = {
        "memberships": memberships,
        "emails": user.emailaddress_set.order_by("-primary", "email"),
        "has_password": user.has_usable_password(),
        "authenticators": {a.type for a in Authenticator.objects.filter(user=user)},
        "social_accounts": SocialAccount.objects.filter(user=user),
        "session_count": UserSession.objects.filter(user=user).count(),
        "api_tokens": APIToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created"),
    }
    return render(request, "accounts/home.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_link_request(request):
    """Ask for a one-time sign-in link. The answer never says whether the
    address has an account."""
    form = SignInLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        limited = ratelimit.consume_or_429(request, action="sign_in_link", key=signin_links.fold_email(email))
        if limited:
            return limited
        signin_links.send_sign_in_link(email)
        return render(request, "accounts/sign_in_link_sent.html", {"email": email, "minutes": LINK_MINUTES})
    return render(request, "accounts/sign_in_link_request.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_link_confirm(request, secret: str):
    """Show a button on GET; spend the link and sign in on POST."""
    if request.method != "POST":
        link = signin_links.usable_link(secret)
        return render(request, "accounts/sign_in_link_confirm.html", {"link": link, "minutes": LINK_MINUTES}, status=200 if link else 410)

    link = signin_links.spend_link(secret)
    if link is None:
        return render(request, "accounts/sign_in_link_confirm.html", {"link": None, "minutes": LINK_MINUTES}, status=410)
    # The address received the link, so it is verified; the second factor,
    # when turned on, is still asked for by django-allauth's login stages.
    return perform_login(request, link.user, email_verification="none", redirect_url=None)


@login_required
@require_safe
def download_my_data(request):
    data = personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    token = get_object_or_404(APIToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    token.revoke()
    messages.success(request, _("The app's access has been revoked."))
    return redirect("accounts:home")
