from __future__ import annotations

from pathlib import Path

import feedparser
from alert_support import TODAY, engine_at, make_event, store_article, subscribe
from lxml import etree

from tocsin.alert.atom import ATOM_NS, to_atom
from tocsin.alert.cap import CAP_NS, validate
from tocsin.alert.outbox import list_alerts


def test_atom_feed_entries_link_and_embed_valid_cap(tmp_path: Path) -> None:
    engine = engine_at(tmp_path)
    sub = subscribe(engine)
    other = subscribe(engine, "elsewhere", area={"kind": "country", "iso2": "NE"})
    for n in range(3):
        store_article(engine, f"KATI - report {n} on {TODAY}.", [make_event(location=f"Kati {n}",
                                                          latitude=12.6392 + 0.11 * (n % 7 - 3),
                                                          longitude=-8.0029 + 0.11 * (n // 7 - 2.5))])
    with engine.connect() as conn:
        records = [r for r, _ in list_alerts(conn, subscription_id=sub.id)]
        assert list_alerts(conn, subscription_id=other.id) == []
    feed = to_atom(sub, records, sender="tocsin@example.org", base_url="https://tocsin.example/", updated=TODAY)
    parsed = feedparser.parse(feed)
    assert not parsed.bozo and len(parsed.entries) == 3
    for entry in parsed.entries:
        cap_links = [link for link in entry.links if link.type == "application/cap+xml"]
        assert cap_links and cap_links[0].href.startswith("https://tocsin.example/alerts/tocsin-")
    root = etree.fromstring(feed)
    embedded = root.findall(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}content/{{{CAP_NS}}}alert")
    assert len(embedded) == 3
    for alert in embedded:
        validate(etree.tostring(alert))
