"""Reference rows (vocabularies, the catalogue, regions) kept in the shared cache until they change.

Every directory page lists them, so they are read from Django's cache (Redis when REDIS_URL is
set, so shared by all workers). Each model has a generation token in the cache, part of every key
its rows are stored under; `reference_changed` (directory/changes.py) gives the model a new token
after the change commits, so every worker reads the new rows on its next request and the old
entries are never read again (they expire by their timeout). A token rather than a counter: a
counter lost to eviction would start again at a number whose entries may still be stored.
"""

import secrets

from django.conf import settings
from django.core.cache import cache

ROWS_TIMEOUT = 300  # bounds staleness where the cache is per process (local memory)
_GENERATION = "directory:ref-gen:"


def _generation_key(model) -> str:
    return f"{_GENERATION}{model._meta.label}"


def generations(*models) -> tuple[str, ...]:
    """The current generation token of each model, in one round trip when all are set."""
    keys = [_generation_key(model) for model in models]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # add() is atomic: of two workers starting together, one token wins.
            cache.add(key, secrets.token_hex(6), timeout=None)
            found[key] = cache.get(key)
    return tuple(found[key] for key in keys)


def bump(model) -> None:
    cache.set(_generation_key(model), secrets.token_hex(6), timeout=None)


def forget(sender=None, model=None, **_kwargs) -> None:
    """Receiver of `reference_changed`: the model's cached rows are read again."""
    bump(model or sender)


def reference_rows(model, **filters) -> list:
    """Rows of `model` in the default language matching `filters`, in the model's order."""
    return localized_rows(model, settings.LANGUAGE_CODE, **filters)


def localized_rows(model, language: str, **filters) -> list:
    """Rows of `model` in `language` (a Wagtail locale's code) matching `filters`."""
    flat = ",".join(f"{k}={getattr(v, 'pk', v)}" for k, v in sorted(filters.items()))
    (generation,) = generations(model)
    key = f"directory:ref:{model._meta.label}:{generation}:{language}:{flat}"
    rows = cache.get(key)
    if rows is None:
        rows = list(model.objects.filter(locale__language_code=language, **filters))
        cache.set(key, rows, ROWS_TIMEOUT)
    return rows
