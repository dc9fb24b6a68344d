"""The base of the home features' page factories (tests/home/<feature>/factories.py)."""

import wagtail_factories
from wagtail.rich_text import RichText


def rich_body(blocks) -> list:
    """StreamField content from (block name, value) pairs; paragraphs' HTML as rich text."""
    return [(name, RichText(value) if name == "paragraph" else value) for name, value in blocks]


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent`, saved as a revision and published unless `live=False` (as an
    editor's Publish button does); returned as read back from the database.

    `body`, where a page has one, is given as (block name, value) pairs (see `rich_body`).
    """

    live = True

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if "body" in kwargs:
            kwargs["body"] = rich_body(kwargs["body"])
        return kwargs

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        return model_class.objects.get(pk=page.pk)
