"""A sent alert as stored in the outbox: the value every wire format (CAP, Atom, webhook, e-mail) renders."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from tocsin.alert.lifecycle import AlertState
from tocsin.model import JSON, Event

__all__ = ["AlertRecord", "cap_time"]


def cap_time(stamp: str) -> str:
    """Return a stored ISO timestamp in CAP's form: seconds and an explicit offset, never ``Z``.

    >>> cap_time("2020-08-18T09:30:00.123+00:00")
    '2020-08-18T09:30:00+00:00'
    """
    when = dt.datetime.fromisoformat(stamp)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.replace(microsecond=0).isoformat()


@dataclasses.dataclass(frozen=True, slots=True)
class AlertRecord:
    """One alert to one subscriber: its CAP message type, the alerts it references, the state and the reasons.

    ``references`` holds ``(alert id, created_at)`` pairs of the earlier alerts about the same incident.
    """

    id: str
    subscription_id: int
    event_id: str
    msg_type: str
    state: AlertState
    event: Event
    why: tuple[str, ...]
    changes: JSON
    headline: str
    created_at: str
    references: tuple[tuple[str, str], ...] = ()
    article_id: str | None = None
    held: str | None = None

    @classmethod
    def from_row(cls, row: Any) -> AlertRecord:
        """Build a record from an ``alerts`` row."""
        return cls(id=row.id, subscription_id=row.subscription_id, event_id=row.event_id, msg_type=row.msg_type,
                   state=AlertState.from_dict(row.state), event=Event.from_dict(row.event),
                   why=tuple(row.why), changes=dict(row.changes), headline=row.headline,
                   created_at=row.created_at, references=tuple((r[0], r[1]) for r in row.references),
                   article_id=row.article_id, held=row.held)

    def to_json(self) -> JSON:
        """Return the alert as the JSON payload a webhook receives under ``data``."""
        return {
            "id": self.id,
            "msg_type": self.msg_type,
            "subscription_id": self.subscription_id,
            "event_id": self.event_id,
            "sent": cap_time(self.created_at),
            "references": [ref[0] for ref in self.references],
            "headline": self.headline,
            "severity": self.state.severity,
            "urgency": self.state.urgency,
            "certainty": self.state.certainty,
            "fatalities": self.state.fatalities,
            "location": self.state.location,
            "latitude": self.state.latitude,
            "longitude": self.state.longitude,
            "instruction": list(self.state.advice),
            "changes": self.changes,
            "why": list(self.why),
            "event": self.event.to_dict(),
        }

    def change_text(self) -> str:
        """Return what changed since the last alert, in words (empty for a first alert)."""
        parts = []
        for key, value in self.changes.items():
            if key == "created":
                continue
            if isinstance(value, list) and len(value) == 2 and key != "advice":
                parts.append(f"{key} {value[0]} -> {value[1]}")
            elif key == "advice":
                parts.append("new official advice: " + "; ".join(map(str, value)))
            else:
                parts.append(f"{key}: {value}")
        return "; ".join(parts)
