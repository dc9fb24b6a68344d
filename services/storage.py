"""Attachments of consultation requests live outside MEDIA_ROOT (home/core/storage.py).

They are streamed by the inbox's attachment view, after its permission check. The name stays
here because migrations refer to `services.storage.private_storage`.
"""

from home.core.storage import private_storage

__all__ = ["private_storage"]
