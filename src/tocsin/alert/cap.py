"""CAP 1.2 documents for alerts, each validated against the official OASIS schema shipped with the package.

Nothing leaves tocsin as CAP without passing ``validate``: a document that fails is a bug, raised as
``DeliveryError`` (E501) rather than sent.
"""

from __future__ import annotations

import functools
import threading
from importlib import resources

from lxml import etree

from tocsin import taxonomy
from tocsin.alert.record import AlertRecord, cap_time
from tocsin.errors import DeliveryError

__all__ = ["CAP_NS", "CAP_SCHEMA", "RADIUS_KM", "to_cap", "validate"]

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_SCHEMA = "CAP-v1.2.xsd"
# The radius of the CAP circle around an event, by ACLED geo_precision (town, near a town, region).
RADIUS_KM = {1: 5.0, 2: 25.0, 3: 100.0}
_DEFAULT_RADIUS_KM = 10.0
# libxml2's schema code is not safe to build or run from several threads at once (the dispatcher's workers
# render CAP in parallel): concurrent first use corrupts its built-in types ("the given type is not a built-in
# type") for the life of the process. One lock around the schema makes validation serial and safe.
_SCHEMA_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    source = resources.files("tocsin.alert").joinpath(CAP_SCHEMA).read_bytes()
    return etree.XMLSchema(etree.fromstring(source))


def validate(document: bytes) -> None:
    """Raise ``DeliveryError`` (E501) unless ``document`` is valid CAP 1.2."""
    try:
        root = etree.fromstring(document)
    except etree.XMLSyntaxError as exc:
        raise DeliveryError(f"[E501] the CAP document is not well-formed XML ({exc})") from exc
    with _SCHEMA_LOCK:
        schema = _schema()
        valid = schema.validate(root)
        error = schema.error_log.last_error
    if not valid:
        raise DeliveryError(f"[E501] the CAP document is not valid CAP 1.2: {error}")


def _add(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{CAP_NS}}}{tag}")
    if text is not None:
        child.text = text
    return child


def to_cap(alert: AlertRecord, *, sender: str) -> bytes:
    """Return the alert as a validated CAP 1.2 document (UTF-8 bytes)."""
    root = etree.Element(f"{{{CAP_NS}}}alert", nsmap={None: CAP_NS})
    _add(root, "identifier", alert.id)
    _add(root, "sender", sender)
    _add(root, "sent", cap_time(alert.created_at))
    _add(root, "status", "Actual")
    _add(root, "msgType", alert.msg_type)
    _add(root, "source", "tocsin (automated reading of news reports)")
    _add(root, "scope", "Public")
    _add(root, "note", _note(alert))
    if alert.references:
        _add(root, "references", " ".join(f"{sender},{ref_id},{cap_time(sent)}" for ref_id, sent in alert.references))
    _add(root, "incidents", alert.event_id)
    _info(root, alert)
    document: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    validate(document)
    return document


def _note(alert: AlertRecord) -> str:
    changed = alert.change_text()
    why = "Why you got this: " + "; ".join(alert.why)
    return f"Changed: {changed}. {why}" if changed else why


def _info(root: etree._Element, alert: AlertRecord) -> None:
    event, state = alert.event, alert.state
    info = _add(root, "info")
    _add(info, "language", "en-US")
    _add(info, "category", taxonomy.CAP_CATEGORY)
    _add(info, "event", event.sub_event_type)
    _add(info, "responseType", "None" if alert.msg_type == "Cancel" else "Monitor")
    _add(info, "urgency", state.urgency)
    _add(info, "severity", state.severity)
    _add(info, "certainty", state.certainty)
    code = _add(info, "eventCode")
    _add(code, "valueName", "ACLED")
    _add(code, "value", f"{event.event_type}/{event.sub_event_type}")
    if event.event_date and len(event.event_date) == 10:
        _add(info, "onset", f"{event.event_date}T00:00:00+00:00")
    _add(info, "senderName", "tocsin")
    _add(info, "headline", alert.headline)
    _add(info, "description", _description(alert))
    if state.advice:
        _add(info, "instruction", "\n".join(state.advice))
    for name, value in (("fatalities", state.fatalities), ("reports", len(event.reports)),
                        ("actor1", event.actor1), ("actor2", event.actor2)):
        if value is not None:
            param = _add(info, "parameter")
            _add(param, "valueName", name)
            _add(param, "value", str(value))
    _area(info, alert)


def _description(alert: AlertRecord) -> str:
    event = alert.event
    parts = [event.notes or alert.headline]
    if event.reports:
        parts.append(f"Reported by {len(event.reports)} article(s); source: {event.source or 'unknown'}.")
    return " ".join(parts)


def _area(info: etree._Element, alert: AlertRecord) -> None:
    event = alert.event
    area = _add(info, "area")
    desc = ", ".join(p for p in (event.location, event.admin1, event.country) if p)
    _add(area, "areaDesc", desc or "unknown area")
    if event.latitude is not None and event.longitude is not None:
        radius = RADIUS_KM.get(event.geo_precision or 0, _DEFAULT_RADIUS_KM)
        _add(area, "circle", f"{event.latitude:.4f},{event.longitude:.4f} {radius:g}")
    if event.iso2:
        geocode = _add(area, "geocode")
        _add(geocode, "valueName", "ISO3166-1")
        _add(geocode, "value", event.iso2)
