from __future__ import annotations

from pathlib import Path

import pytest
from alert_support import TODAY, change_event, engine_at, make_event, store_article, subscribe
from lxml import etree

from tocsin.alert.cap import CAP_NS, to_cap, validate
from tocsin.alert.outbox import list_alerts
from tocsin.errors import DeliveryError

SHIPPED_XSD = Path(__file__).resolve().parents[2].parent / "shared" / "standards" / "CAP-v1.2.xsd"
NS = {"cap": CAP_NS}


@pytest.fixture
def documents(tmp_path: Path) -> list[bytes]:
    """CAP documents for an Alert, an Update (with advice) and a Cancel about one incident."""
    engine = engine_at(tmp_path)
    subscribe(engine)
    [event_id] = store_article(engine, f"KATI, Mali - Gunfire at the base on {TODAY}.", [make_event()])
    change_event(engine, event_id, article_text="The embassy said: stay at home.", advice="stay at home",
                 certainty="Likely")
    change_event(engine, event_id, certainty="Unlikely", changes={"denied": True})
    with engine.connect() as conn:
        records = [r for r, _ in reversed(list_alerts(conn))]
    return [to_cap(r, sender="alerts@tocsin.example") for r in records]


def _official_schema() -> etree.XMLSchema:
    source = SHIPPED_XSD if SHIPPED_XSD.exists() else None
    if source is None:
        pytest.skip("../shared/standards is absent")
    return etree.XMLSchema(etree.parse(str(source)))


def test_cap_every_document_valid_against_the_official_schema(documents: list[bytes]) -> None:
    schema = _official_schema()
    assert len(documents) == 3
    for document in documents:
        assert schema.validate(etree.fromstring(document)), schema.error_log


def test_cap_lifecycle_types_and_references(documents: list[bytes]) -> None:
    roots = [etree.fromstring(d) for d in documents]
    assert [r.findtext("cap:msgType", namespaces=NS) for r in roots] == ["Alert", "Update", "Cancel"]
    first = roots[0]
    ref = ",".join(first.findtext(f"cap:{k}", namespaces=NS) or "" for k in ("sender", "identifier", "sent"))
    assert roots[1].findtext("cap:references", namespaces=NS) == ref
    assert roots[2].findtext("cap:references", namespaces=NS).split(" ")[0] == ref  # type: ignore[union-attr]


def test_cap_carries_category_certainty_instruction_and_area(documents: list[bytes]) -> None:
    update = etree.fromstring(documents[1])
    info = update.find("cap:info", namespaces=NS)
    assert info is not None
    assert info.findtext("cap:category", namespaces=NS) == "Security"
    assert info.findtext("cap:certainty", namespaces=NS) == "Likely"
    assert info.findtext("cap:urgency", namespaces=NS) == "Immediate"
    assert info.findtext("cap:instruction", namespaces=NS) == "Embassy: stay at home"
    assert info.findtext("cap:area/cap:circle", namespaces=NS) == "12.7441,-8.0733 5"
    assert "certainty Possible -> Likely" in (update.findtext("cap:note", namespaces=NS) or "")


def test_cap_invalid_document_is_refused() -> None:
    bad = f'<alert xmlns="{CAP_NS}"><identifier>x</identifier></alert>'.encode()
    with pytest.raises(DeliveryError) as info:
        validate(bad)
    assert info.value.code == "E501"

