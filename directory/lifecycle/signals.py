"""Signals of a point's life, for the layers above the directory to act on.

The directory cannot import consultations (rerouting a revoked point's open questions), cases
(turning an application's typical cases into case pages) or notices (a public notice of a
decision); each of them connects to these signals from its AppConfig.ready().
"""

import logging

from django.dispatch import Signal

logger = logging.getLogger(__name__)

# A point was created from an approved application. Sent with `point` (the new, published
# ServicePoint), `application` (directory.applications.models.Application) and `user` (the
# office reviewer who approved it), after the transaction that created it has committed.
point_recognised = Signal()

# A point's status changed by a decision (revoked, suspended, reinstated). Sent with `point`,
# `old_status`, `new_status` (ServicePoint.Status values) and `decision` (the record), after the
# transaction has committed.
point_status_changed = Signal()


def log_failed_receivers(results, name: str) -> None:
    """Log each receiver that raised in a `send_robust` of signal `name`."""
    for receiver, outcome in results:
        if isinstance(outcome, Exception):
            logger.error(
                "Receiver %r of %s failed",
                receiver,
                name,
                exc_info=(type(outcome), outcome, outcome.__traceback__),
            )
