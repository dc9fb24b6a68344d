"""Index a model's objects in batches through the configured backend."""

from wagtail.search.backends import get_search_backend


def index_in_batches(model, batch_size: int = 500) -> int:
    """Add every indexable object of `model` to the index; returns how many."""
    backend = get_search_backend()
    objects = model.get_indexed_objects().order_by("pk")
    pks = list(objects.values_list("pk", flat=True))
    for start in range(0, len(pks), batch_size):
        backend.add_bulk(model, list(objects.filter(pk__in=pks[start : start + batch_size])))
    return len(pks)
