"""Settings for the test suite: fast password hashing, memory e-mail, no throttling surprises."""

import warnings

from .base import *  # noqa: F403

# Static files come from the app folders here; STATIC_ROOT is filled only by
# collectstatic for production, so whitenoise's warning about it is noise.
warnings.filterwarnings("ignore", message="No directory at")

SECRET_KEY = "test-key-not-for-production"
DEBUG = False
DEMO_MODE = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "10000/minute"}  # noqa: F405
