"""An Atom feed per subscription: one entry per alert, linking (and carrying) its CAP document."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from tocsin.alert.cap import to_cap
from tocsin.alert.record import AlertRecord, cap_time
from tocsin.alert.subscriptions import Subscription

__all__ = ["ATOM_NS", "to_atom"]

ATOM_NS = "http://www.w3.org/2005/Atom"


def _add(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        child.text = text
    return child


def to_atom(sub: Subscription, records: Sequence[AlertRecord], *, sender: str, base_url: str,
            updated: str) -> bytes:
    """Return the subscription's Atom feed (newest first); each entry links its CAP document and embeds it."""
    base = base_url.rstrip("/")
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    _add(feed, "id", f"{base}/subscriptions/{sub.id}/alerts.atom")
    _add(feed, "title", f"tocsin alerts: {sub.name}")
    _add(feed, "updated", cap_time(records[0].created_at) if records else cap_time(updated))
    author = _add(feed, "author")
    _add(author, "name", sender)
    _add(feed, "link", rel="self", type="application/atom+xml", href=f"{base}/subscriptions/{sub.id}/alerts.atom")
    for record in records:
        _entry(feed, record, sender=sender, base=base)
    document: bytes = etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return document


def _entry(feed: etree._Element, record: AlertRecord, *, sender: str, base: str) -> None:
    entry = _add(feed, "entry")
    _add(entry, "id", f"{base}/alerts/{record.id}")
    _add(entry, "title", record.headline)
    _add(entry, "updated", cap_time(record.created_at))
    _add(entry, "published", cap_time(record.created_at))
    _add(entry, "link", rel="alternate", type="application/cap+xml", href=f"{base}/alerts/{record.id}.cap")
    _add(entry, "category", term=record.msg_type, label=f"CAP {record.msg_type}")
    summary = record.change_text() or "; ".join(record.why)
    _add(entry, "summary", summary)
    content = _add(entry, "content", type="application/cap+xml")
    content.append(etree.fromstring(to_cap(record, sender=sender)))
