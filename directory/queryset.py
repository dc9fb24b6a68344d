from wagtail.models import PageQuerySet


class ServicePointQuerySet(PageQuerySet):
    """SQL for the rows a page shows. Which points the directory lists, and how it filters,
    counts and orders them, is decided once, on the in-memory facts (directory/facts.py)."""

    def listed(self):
        """What the public directory shows: live and active (the facts' population). Suspended
        and revoked points keep their profile, which shows the status, out of the listing."""
        return self.live().filter(status="active")

    def for_listing(self):
        """Everything a result card shows, in a fixed number of queries."""
        return self.select_related("category", "province", "city", "logo").prefetch_related(
            "qualifications", "offerings__service"
        )
