"""One signal for "the directory's reference data changed", sent once the change is committed.

Vocabularies, the service catalogue and regions are read on nearly every page and cached in
several places: the directory's facet names (listing.py), the question form's city picker
(services/forms.py), the home page's figures and the anonymous page cache. Each of those
listens to `reference_changed` instead of to the models, so a model added to the reference data
is added here once and every cache follows.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

# Sent with `model` (the class whose rows changed), after the transaction commits, so a
# listener that rebuilds its cache reads the new rows, not the old ones.
reference_changed = Signal()


def _send(sender, **_kwargs) -> None:
    transaction.on_commit(lambda: reference_changed.send(sender=sender, model=sender))


def connect() -> None:
    """Called from DirectoryConfig.ready()."""
    from .models import Audience, NodeLevel, PointCategory, Qualification, Region, ServiceItem

    for model in (PointCategory, Qualification, Audience, NodeLevel, ServiceItem, Region):
        for signal in (post_save, post_delete):
            signal.connect(
                _send, sender=model, dispatch_uid=f"reference-changed-{model.__name__}-{id(signal)}"
            )
