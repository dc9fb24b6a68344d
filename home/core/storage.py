"""Private files (consultation attachments, application proofs, summary attachments) live
outside MEDIA_ROOT: no URL serves them directly.

They are streamed by a view of the app that owns them, after its permission check.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage() -> FileSystemStorage:
    # A callable, so migrations do not freeze the path and tests can point it elsewhere.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
