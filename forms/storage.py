"""Where applicants' documents are kept: outside MEDIA_ROOT, so no web server
or debug view ever serves them directly; forms.downloads checks who asks."""

from functools import cache

from django.conf import settings
from django.core.files.storage import FileSystemStorage


@cache
def _storage_for(location: str) -> FileSystemStorage:
    return FileSystemStorage(location=location, base_url=None)


def private_storage() -> FileSystemStorage:
    # Read the setting on each call so tests can point it at a temporary folder.
    return _storage_for(str(settings.PRIVATE_MEDIA_ROOT))
