# Each section registers its own admin hooks; importing the modules registers them.
from .hooks import cases, events, notices  # noqa: F401
