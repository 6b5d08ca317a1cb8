"""Local demo settings, used by ``make run``.

Debug pages and the demo editor account are always on here; these settings
never serve the public.
"""

import warnings

from .base import *  # noqa: F403

# Static files come from the app folders here; STATIC_ROOT is filled only by
# collectstatic for production, so whitenoise's warning about it is noise.
warnings.filterwarnings("ignore", message="No directory at")

# A fixed key is acceptable only because these settings never serve the public.
SECRET_KEY = SECRET_KEY or "local-demo-key-not-for-production"  # noqa: F405
DEBUG = True
DEMO_MODE = True
