"""Subscriptions, matching, CAP 1.2, Atom, webhooks, e-mail, and the outbox that delivers them.

``on_events_changed`` is the one entry point the ingest path calls (inside its transaction); ``dispatch`` delivers
what it wrote.
"""

from tocsin.alert.outbox import on_events_changed

__all__ = ["on_events_changed"]
