"""E-mail from any layer, through the outbox a higher layer provides.

The outbox (services/outbox.py: stored, sent by the background worker, retried) lives above the
directory, yet the directory's point lifecycle (applications, reminders, decisions) sends mail.
Lower layers call `queue_mail`; the services app registers the outbox as the sender when it is
ready. Without a registered sender (an app set-up without services) the mail is sent at once.
"""

from collections.abc import Callable

from django.core.mail import send_mail

_sender: Callable | None = None


def register_mail_sender(sender: Callable) -> None:
    """`sender(kind=, to=, subject=, body=)` stores or sends one e-mail."""
    global _sender
    _sender = sender


def queue_mail(*, kind: str, to: str, subject: str, body: str):
    """Send `body` to `to` after the current transaction commits (through the outbox)."""
    if _sender is not None:
        return _sender(kind=kind, to=to, subject=" ".join(subject.split()), body=body)
    send_mail(" ".join(subject.split()), body, None, [to])
    return None
