"""The background build, so that no request ever waits for an export."""

from django_tasks import task

from search.tasks import BACKGROUND


@task(backend=BACKGROUND)
def build_export() -> int:
    from .jobs import build

    return build().points
