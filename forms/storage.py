"""Where applicants' documents are kept: outside MEDIA_ROOT, so no web server
or debug view ever serves them directly; forms.downloads checks who asks."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    # Django calls this once, when FilingFile is loaded: PRIVATE_MEDIA_ROOT
    # is fixed per process (the test settings point it at var/test-private).
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
