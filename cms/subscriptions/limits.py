"""Rate limits of the subscribe form, per e-mail address and per client address, counted in Django's cache.

The per-e-mail count stops anyone using the form to flood one mailbox with
confirmation e-mails. The per-client count is generous because
many people share a mobile operator's address. The client address comes
from django-allauth's adapter, which trusts ``X-Forwarded-For`` only from
``TRUSTED_PROXY_COUNT`` proxies, as the sign-in limits do. Windows are
fixed, so a burst across a window's edge can reach twice a count.
"""

import hashlib
import time

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

WINDOW_SECONDS = 3600
PER_EMAIL = 3
PER_CLIENT = 30


def _key(scope: str, identity: str) -> str:
    window = int(time.time() // WINDOW_SECONDS)
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    return f"subscriptions:ratelimit:{scope}:{digest}:{window}"


def _client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        # allauth raises when no address can be read; the per-e-mail limit still applies.
        return ""


def _keys(request, email: str) -> list[tuple[str, int]]:
    keys = [(_key("email", email), PER_EMAIL)]
    address = _client_address(request)
    if address:
        keys.append((_key("client", address), PER_CLIENT))
    return keys


def consume(request, email: str) -> bool:
    """Count one subscribe request; return False, counting nothing, when a limit is used up."""
    keys = _keys(request, email)
    if any((cache.get(key) or 0) >= limit for key, limit in keys):
        return False
    for key, _limit in keys:
        # add() is a no-op when the key exists; incr() is atomic on Redis and locmem.
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            # The window expired between add() and incr().
            cache.set(key, 1, WINDOW_SECONDS)
    return True
