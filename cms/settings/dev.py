"""Local demo settings, used by ``make run``.

Debug pages and the demo editor account are always on here; these settings
never serve the public.
"""

from .base import *  # noqa: F403

# A fixed key is acceptable only because these settings never serve the public.
SECRET_KEY = SECRET_KEY or "local-demo-key-not-for-production"  # noqa: F405
DEBUG = True
DEMO_MODE = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
