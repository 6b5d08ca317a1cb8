"""Rate limits for the help centre's public forms, counted in Django's cache.

Each limit counts per client address and per session in fixed windows, so
a burst across a window's edge can reach twice the count. That is enough to
stop scripts, which is the aim. Many people in Azerbaijan reach the site
through a mobile operator's shared address, so the per-address counts are
generous and the per-session counts are tight. The client address comes
from django-allauth's adapter, which trusts ``X-Forwarded-For`` only from
``TRUSTED_PROXY_COUNT`` proxies, as the sign-in limits do.

With the per-process memory cache, each process counts on its own; set
``REDIS_URL`` to share the counts.
"""

import hashlib
import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class RateLimit:
    """At most ``per_address`` actions from one client address and ``per_session`` from one session in ``seconds``."""

    action: str
    per_address: int
    per_session: int
    seconds: int

    def _keys(self, request) -> list[tuple[str, int]]:
        window = int(time.time() // self.seconds)
        keys = []
        address = _client_address(request)
        if address:
            keys.append((self._key("address", address, window), self.per_address))
        if request.session.session_key is None:
            # A first POST has no session yet; without one, the per-session count could not start.
            request.session.save()
            request.session.modified = True
        keys.append((self._key("session", request.session.session_key, window), self.per_session))
        return keys

    def _key(self, scope: str, identity: str, window: int) -> str:
        digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
        return f"help:ratelimit:{self.action}:{scope}:{digest}:{window}"

    def is_exceeded(self, request) -> bool:
        """Return True when the client or its session has used up this limit in the current window."""
        return any((cache.get(key) or 0) >= limit for key, limit in self._keys(request))

    def record(self, request) -> None:
        """Count one action for the client address and the session."""
        for key, _limit in self._keys(request):
            # add() is a no-op when the key exists; incr() is atomic on Redis and locmem.
            cache.add(key, 0, self.seconds)
            try:
                cache.incr(key)
            except ValueError:
                # The window expired between add() and incr().
                cache.set(key, 1, self.seconds)


def _client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        # allauth raises when no address can be read; the session limit still applies.
        return ""
