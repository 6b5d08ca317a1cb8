"""A cache of whole public pages for anonymous visitors.

Reading laws is most of the traffic, and an article page is the same for
every anonymous reader, so its rendered response is stored and served
before sessions, authentication and Wagtail's routing run. A view opts in
by setting ``response.public_cache = True``.

Every stored page is keyed by a generation number. Any edit to legal data or
pages bumps it, so with a shared cache no reader sees a page older than the
last publish.
With several processes the cache must be shared (``REDIS_URL``); with the
per-process memory cache, entries also expire after ``PAGE_CACHE_SECONDS``
to bound how long another process can serve an old page.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_vary_headers

GENERATION_KEY = "pagecache:generation"
PAGE_CACHE_SECONDS = 300
SESSION_COOKIES = ("sessionid", "csrftoken")


def bump_generation(**kwargs) -> None:
    """Invalidate every cached page. Connected to the signals of content changes."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def bump_generation_after_commit(**kwargs) -> None:
    """Invalidate every cached page once the current transaction commits (at once outside one).

    Bumping before the commit would let a request in between cache the old content again.
    """
    transaction.on_commit(bump_generation)


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def _is_anonymous_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    return not any(name in request.COOKIES for name in SESSION_COOKIES)


def _key(request) -> str:
    # The language comes from the path prefix alone (LocaleMiddleware uses the
    # default language for unprefixed paths), so host and path identify the page.
    # get_host() rejects hosts outside ALLOWED_HOSTS before anything is served;
    # pages carry absolute links, so each host has its own copy. Hashed, because
    # a path can be longer than cache backends accept as a key.
    address = f"{request.get_host()}{request.get_full_path()}"
    path_hash = hashlib.sha256(address.encode()).hexdigest()
    return f"pagecache:{_generation()}:{path_hash}"


class PublicPageCacheMiddleware:
    """Serve and store opted-in pages; place it right after the security and static-file middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_PAGE_CACHE or not _is_anonymous_read(request):
            return self.get_response(request)

        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached

        response = self.get_response(request)
        if (
            getattr(response, "public_cache", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.render()
            patch_vary_headers(response, ("Cookie",))
            cache.set(key, response, PAGE_CACHE_SECONDS)
        return response
