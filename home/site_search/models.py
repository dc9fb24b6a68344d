"""The query log: how often a query was searched, per day and language, and how often in vain.

Counts only: no IP address, no user, no session, no time of day. Queries that look like
personal data (a phone, an e-mail address, an ID number) are never written (querylog.py), and
rows older than SEARCH_QUERY_LOG_DAYS are deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoggedQuery(models.Model):
    query_string = models.CharField(_("query"), max_length=100)
    language = models.CharField(_("language"), max_length=10)
    date = models.DateField(_("date"), db_index=True)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    empty = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        verbose_name = _("logged search query")
        verbose_name_plural = _("logged search queries")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language", "date"], name="one_logged_query_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query_string} ({self.language}, {self.date})"
