"""Settings for the test suite: fast password hashing, memory e-mail, no throttling surprises."""

import os
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
# Each test process (a pytest-xdist worker, or a second run in the same
# checkout) has folders of its own, because fixtures empty them after a test.
# tests/conftest.py removes them when the session ends.
TEST_FILES_ROOT = BASE_DIR / "var" / f"test-files-{os.getpid()}"  # noqa: F405
MEDIA_ROOT = TEST_FILES_ROOT / "media"
PRIVATE_MEDIA_ROOT = TEST_FILES_ROOT / "private"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "10000/minute"}  # noqa: F405
