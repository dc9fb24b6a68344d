"""An uploaded file waiting between its dry run and "Import now".

The file is kept in private storage (never served) under a random name; the form carries a
signed token naming it and the editor, so a token cannot be replayed by someone else or
pointed at another file. Files older than a day are removed whenever a new one is stored.
"""

import datetime
import uuid
from pathlib import Path

from django.core import signing
from django.utils import timezone

from home.core.storage import private_storage

FOLDER = "point-imports"
SALT = "directory.admin_io.pending"
MAX_AGE = datetime.timedelta(hours=1)
KEEP = datetime.timedelta(days=1)


def store(upload, user, suffix: str) -> str:
    """Keep `upload`; the token that names it for `user`."""
    storage = private_storage()
    _prune(storage)
    name = storage.save(f"{FOLDER}/{uuid.uuid4().hex}.{suffix}", upload)
    return signing.dumps({"file": name, "user": user.pk, "original": upload.name}, salt=SALT)


def load(token: str, user) -> tuple[Path, str] | None:
    """The stored file's path and its original name, or None for a stale or foreign token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    storage = private_storage()
    if data.get("user") != user.pk or not storage.exists(data["file"]):
        return None
    return Path(storage.path(data["file"])), data.get("original", "")


def discard(token: str) -> None:
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return
    private_storage().delete(data["file"])


def _prune(storage) -> None:
    try:
        _folders, files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - KEEP
    for name in files:
        path = f"{FOLDER}/{name}"
        if storage.get_modified_time(path) < cutoff:
            storage.delete(path)
