"""Helpers every feature's demo loader uses: idempotent pages found by slug."""


def child(parent, model, slug):
    """The `model` page under `parent` with this slug, or None."""
    return model.objects.child_of(parent).filter(slug=slug).first()


def publish_child(parent, page):
    """Add `page` under `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
