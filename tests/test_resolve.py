"""Tests for resolve.py: within-article merging, incident matching, syndication, corroboration, changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from tocsin import resolve, syndication, wording
from tocsin.model import Claim, Event, TextSpan
from tocsin.resolve import Report

KATI = {"location": "Kati", "latitude": 12.744, "longitude": -8.072, "geonameid": 2455558}
BAMAKO = {"location": "Bamako", "latitude": 12.650, "longitude": -8.000, "geonameid": 2460596}
KOULIKORO_TOWN = {"location": "Koulikoro", "latitude": 12.862, "longitude": -7.560, "geonameid": 2454532}

WIRE = ("Gunfire erupted at the Soundiata Keita army base in Kati, about 15 km from Bamako, on Tuesday morning, "
        "two security sources said, in what appeared to be a mutiny by soldiers. A military spokesman said he "
        "could not confirm the reports. Residents of the town said they heard shooting for several hours and saw "
        "armed soldiers in the streets, and the Norwegian embassy told its citizens to stay at home.")


def ev(**changes: Any) -> Event:
    """A mutiny-style clash at Kati on 2020-08-18, changed by keyword."""
    base = Event("Battles", "Armed clash", event_date="2020-08-18", time_precision=1,
                 actor1="Mutiny of Military Forces of Mali (2020-)", actor2="Military Forces of Mali (2020-)",
                 country="Mali", iso2="ML", admin1="Koulikoro", geo_precision=1, certainty="Possible",
                 notes="Gunfire at the army base in Kati in an apparent mutiny by soldiers.", **KATI)
    return dataclasses.replace(base, **changes)


def report(event: Event, article: str, *, outlet: str | None = None, text: str | None = None,
           published: str = "2020-08-18", denied: bool = False) -> Report:
    sig = syndication.signature(text) if text else None
    return Report(event=event, article_id=article, outlet=outlet, published=published, signature=sig,
                  denied=denied)


# --- within one article --------------------------------------------------------------------------------------

def test_resolve_merge_mentions_joins_mentions_of_one_event() -> None:
    first = ev(sentence_start=0, fatalities=None)
    second = ev(sentence_start=200, sub_event_type="Armed clash", fatalities=2, geo_precision=2)
    merged = resolve.merge_mentions([first, second])
    assert len(merged) == 1
    assert merged[0].sentence_start == 0
    assert merged[0].fatalities == 2
    assert merged[0].geo_precision == 1


def test_resolve_merge_mentions_keeps_kati_and_bamako_gunfire_apart() -> None:
    kati = ev(sentence_start=0)
    bamako = ev(sentence_start=300, actor1=None, actor2=None, **BAMAKO)
    merged = resolve.merge_mentions([kati, bamako])
    assert [e.location for e in merged] == ["Kati", "Bamako"]


@pytest.mark.parametrize(
    "other",
    [
        ev(historical=True, event_date="2012", time_precision=3),
        ev(event_type="Protests", sub_event_type="Peaceful protest"),
        ev(event_date="2020-08-17"),
        ev(actor1="Jama'at Nasr al-Islam wal Muslimin", actor2="Civilians (Mali)"),
    ],
    ids=["historical", "other-family", "other-day", "other-actors"],
)
def test_resolve_merge_mentions_keeps_distinct_events_apart(other: Event) -> None:
    assert len(resolve.merge_mentions([ev(), other])) == 2


def test_resolve_merge_mentions_joins_placeless_mention_of_same_subtype() -> None:
    placeless = ev(sentence_start=90, latitude=None, longitude=None, location=None, geo_precision=None,
                   geonameid=None, fatalities=4)
    merged = resolve.merge_mentions([ev(), placeless])
    assert len(merged) == 1
    assert merged[0].location == "Kati"
    assert merged[0].fatalities == 4


def test_resolve_merge_mentions_takes_precedence_subtype() -> None:
    shelling = ev(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    merged = resolve.merge_mentions([shelling, ev()])
    assert merged[0].sub_event_type == "Armed clash"


# --- matching across articles --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("event", "candidate", "expected"),
    [
        (ev(), ev(), True),
        (ev(actor1=None, actor2=None, notes="Soldiers fired in the air in Kati."), ev(), True),
        (ev(geo_precision=3, latitude=13.0, longitude=-7.5, location="Koulikoro region", geonameid=None), ev(),
         True),
        (ev(time_precision=2, event_date="2020-08-20"), ev(), True),
        (ev(geo_precision=2, latitude=12.744, longitude=-7.70, geonameid=None), ev(), True),
        (ev(**KOULIKORO_TOWN), ev(), False),
        (ev(event_date="2020-08-19"), ev(), False),
        (ev(event_type="Protests", sub_event_type="Peaceful protest"), ev(), False),
        (ev(iso2="SN", country="Senegal"), ev(), False),
        (ev(historical=True), ev(), False),
        (ev(actor1="Dozo Communal Militia (Mali)", actor2="Civilians (Mali)",
            event_type="Violence against civilians", sub_event_type="Attack", notes="Dozo hunters attacked herders."),
         ev(), False),
        (ev(geo_precision=3, admin1="Segou", latitude=13.4, longitude=-6.2, geonameid=None), ev(), False),
        (ev(latitude=None, longitude=None, geo_precision=None, geonameid=None, location=None), ev(), True),
        (ev(actor1="Unidentified Armed Group (Mali)", actor2="Civilians (Mali)", event_type="Violence against "
            "civilians", sub_event_type="Attack", notes=None), ev(notes=None), False),
        (ev(actor1="Unidentified Armed Group (Mali)"), ev(), True),
        (ev(actor1="Unidentified Armed Group (Mali)", actor2=None), ev(), True),
    ],
    ids=["identical", "paraphrase-no-actors", "region-level", "week-precision", "near-town-40km", "other-town",
         "next-day", "other-family", "other-country", "historical", "other-actors", "other-region",
         "place-unknown-same-country", "unnamed-attack-on-civilians-vs-clash-with-army", "unnamed-perpetrator",
         "victim-unnamed"],
)
def test_resolve_same_incident_rules(event: Event, candidate: Event, expected: bool) -> None:
    assert resolve.same_incident(event, candidate) is expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Military Forces of Mali (2020-)", "state"), ("Police Forces of Kenya", "state"),
     ("Mutiny of Military Forces of Mali (2020-)", "armed"), ("Civilians (Mali)", "civilians"),
     ("Protesters (Mali)", "protesters"), ("Rioters (Chile)", "rioters"), ("Unidentified Armed Group (Mali)", None),
     ("Al Shabaab", None), (None, None)],
    ids=["military", "police", "mutiny", "civilians", "protesters", "rioters", "unidentified", "named-group",
         "none"],
)
def test_resolve_actor_kind_from_the_name(name: str | None, kind: str | None) -> None:
    assert resolve.actor_kind(name) == kind


def test_resolve_actor_kinds_conflict_either_way_round() -> None:
    clash = ev(actor1="Military Forces of Mali (2020-)", actor2="Mutiny of Military Forces of Mali (2020-)")
    attack = ev(actor1="Unidentified Armed Group (Mali)", actor2="Protesters (Mali)")
    assert resolve.match_score(clash, ev()) > 0.6
    assert resolve.match_score(attack, ev()) < resolve.match_score(clash, ev()) / 1.5


COUNTRY_ONLY = {"location": "Mali", "latitude": 17.0, "longitude": -4.0, "geo_precision": 3, "geonameid": 2453866,
                "admin1": None}


@pytest.mark.parametrize(
    ("event", "candidate", "expected"),
    [
        (ev(**COUNTRY_ONLY, actor1=None, actor2=None), ev(**COUNTRY_ONLY, actor1=None, actor2=None), False),
        (ev(**COUNTRY_ONLY, actor1="Military Forces of Mali (2020-)", actor2=None),
         ev(**COUNTRY_ONLY, actor1="Police Forces of Mali (2020-)", actor2=None), False),
        (ev(**COUNTRY_ONLY), ev(**COUNTRY_ONLY), True),
        (ev(**COUNTRY_ONLY), ev(), True),
    ],
    ids=["no-actors", "only-the-country-in-common", "common-actor", "country-vs-town-common-actor"],
)
def test_resolve_country_level_reports_need_a_common_actor(event: Event, candidate: Event, expected: bool) -> None:
    assert resolve.same_incident(event, candidate) is expected


def test_resolve_same_kind_actors_of_other_countries_conflict() -> None:
    syrian = ev(actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)", notes=None,
                event_type="Violence against civilians", sub_event_type="Attack")
    assert not resolve.same_incident(syrian, dataclasses.replace(syrian, actor2="Civilians (Ukraine)"))
    assert resolve.same_incident(syrian, dataclasses.replace(syrian, actor1="Military Forces of Mali (2020-)"))


def test_resolve_match_score_prefers_the_closer_place() -> None:
    report_event = ev(geo_precision=2, latitude=12.70, longitude=-8.05, geonameid=None)
    assert resolve.match_score(report_event, ev()) > resolve.match_score(report_event, ev(**BAMAKO))


def test_resolve_match_score_is_symmetric() -> None:
    first = ev(geo_precision=2, latitude=12.9, longitude=-8.1, geonameid=None, actor1=None)
    assert resolve.match_score(first, ev()) == pytest.approx(resolve.match_score(ev(), first))


# --- wording: details two vague reports must share ------------------------------------------------------------

# A report whose date is only the week it was published and whose place is only a region.
VAGUE = {"time_precision": 2, "event_date": "2020-08-19", "geo_precision": 3, "latitude": 13.0, "longitude": -7.5,
         "location": "Koulikoro", "geonameid": None}


def vague(notes: str, **changes: Any) -> Event:
    return ev(notes=notes, **{**VAGUE, **changes})


def test_resolve_note_details_keep_counts_targets_and_days() -> None:
    details = wording.note_details("Gunmen killed eleven traders at the cattle market on Aug. 17, police said.")
    assert details == {"#11", "traders", "cattle", "market", "@17-august"}


def test_resolve_note_details_skip_times_years_and_vague_amounts() -> None:
    assert wording.note_details("Several shells fell on the depot at 10:45 in 2019") == {"fell", "depot"}


@pytest.mark.parametrize(
    ("event", "needed"),
    [(ev(), 0), (ev(time_precision=2), 1), (ev(geo_precision=3, geonameid=None), 1),
     (ev(latitude=12.744, longitude=-7.80, geonameid=None, geo_precision=2), 1), (vague("x"), 2)],
    ids=["same-day-same-town", "week-only", "region-only", "30km-away", "week-and-region"],
)
def test_resolve_details_needed_by_sharpness(event: Event, needed: int) -> None:
    assert resolve.details_needed(event, ev()) == needed


def test_resolve_vague_reports_without_common_details_stay_apart() -> None:
    first = vague("Armed men raided a gold mine in the south, a miner said.")
    second = vague("An ambush on a fuel convoy was reported in the region.")
    assert not resolve.same_incident(first, second)


def test_resolve_vague_reports_sharing_count_and_target_are_one_incident() -> None:
    first = vague("Armed men raided a gold mine in the south, killing 9 miners.")
    second = vague("Nine miners died when gunmen stormed a gold mine, a trade union said.")
    assert resolve.shared_details(first, second) >= 2
    assert resolve.same_incident(first, second)


def test_resolve_a_shared_small_toll_is_half_a_detail() -> None:
    first = ev(notes="Two herders were shot dead at a well.", time_precision=2, fatalities=2)
    second = ev(notes="Gunmen killed 2 traders on the road to the fair.", time_precision=2, fatalities=2)
    assert resolve.shared_details(first, second) == 0.5
    assert not resolve.same_incident(first, second)


def test_resolve_one_sentence_barely_edited_is_enough_for_vague_reports() -> None:
    first = vague("Gunmen struck the market, killing 2 people.")
    copy = vague("Gunmen struck the market, killing 2 people, police said.")
    assert resolve.shared_details(first, copy) == 2
    assert resolve.same_incident(first, copy)


def test_resolve_shared_details_count_a_named_actor_once_and_skip_place_names() -> None:
    first = vague("Ansar Dine fighters ambushed a patrol near Koulikoro.", actor1="Ansar Dine")
    second = vague("A patrol came under fire from Ansar Dine outside Koulikoro.", actor1="Ansar Dine")
    assert resolve.shared_details(first, second) == 2  # "patrol" and the group


def test_resolve_wording_naming_other_weekdays_keeps_vague_reports_apart() -> None:
    first = vague("Gunmen burned the Sirakoro health centre on Monday, killing 4 nurses.")
    second = vague("Gunmen burned the Sirakoro health centre on Wednesday, killing 4 nurses.")
    assert resolve.shared_details(first, second) == -1
    assert not resolve.same_incident(first, second)


def test_resolve_wording_date_and_weekday_agree() -> None:
    first = vague("Gunmen burned the Sirakoro health centre on 18 August.")  # a Tuesday in 2020
    second = vague("Tuesday's arson at the Sirakoro health centre left staff homeless.")
    assert resolve.shared_details(first, second) == 4  # sirakoro, health, centre and the day


def test_resolve_wording_naming_two_other_towns_keeps_reports_apart() -> None:
    kati = ev(notes="Mutineers looted the armoury in Kati on Tuesday.", time_precision=2)
    bamako = ev(notes="Mutineers looted the armoury in Bamako on Tuesday.", **BAMAKO)
    assert resolve.shared_details(kati, bamako) == -1
    assert not resolve.same_incident(kati, bamako)
    both = dataclasses.replace(bamako, notes="Mutineers from Kati looted the armoury in Bamako on Tuesday.")
    assert resolve.shared_details(kati, both) > 0


def test_resolve_region_coded_report_naming_the_town_prefers_that_town() -> None:
    report_event = vague("Mutineers looted the armoury in Kati before dawn.", time_precision=1,
                         event_date="2020-08-18")
    kati = ev(notes="Mutineers looted the armoury.")
    koulikoro = ev(notes="Mutineers looted the armoury.", **KOULIKORO_TOWN)
    assert resolve.details_needed(report_event, kati) == 0
    assert resolve.match_score(report_event, kati) > resolve.match_score(report_event, koulikoro)


def test_resolve_region_named_after_its_capital_does_not_name_the_town() -> None:
    region = vague("Shelling hit the Koulikoro region.")  # the region's own name, not the town
    assert resolve.details_needed(region, ev(**KOULIKORO_TOWN)) == 2


def test_resolve_different_tolls_count_against_vague_reports_unless_one_updates() -> None:
    first = vague("A bomb at the bus station killed 28 passengers.", fatalities=28)
    second = vague("A bomb at the bus station killed 3 passengers.", fatalities=3)
    update = vague("The toll from the bomb at the bus station has risen to 31 passengers.", fatalities=31)
    assert resolve.shared_details(first, dataclasses.replace(second, fatalities=None)) == 3  # bus, station, ...
    assert resolve.shared_details(first, second) == 2
    assert resolve.shared_details(first, update) == 3


def test_resolve_build_incident_keeps_every_reports_details() -> None:
    first = ev(notes="Mutinous soldiers seized the Kati barracks.")
    second = ev(notes="Soldiers held the finance minister at the Kati barracks.", geo_precision=2)
    incident = resolve.build_incident([report(first, "a1"), report(second, "a2")], event_id="ev-1")
    assert {"barracks", "finance", "minister"} <= set((incident.versions or {})["details"])
    later = vague("The finance minister was freed from the barracks.")
    assert resolve.shared_details(later, incident) >= 2


# --- blocking keys -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("date", "precision", "first", "last"),
    [("2020-08-18", 1, "2020-08-18", "2020-08-18"), ("2020-08-18", 2, "2020-08-15", "2020-08-21"),
     ("2020-02-10", 3, "2020-02-01", "2020-02-29"), ("2020-06", None, "2020-06-01", "2020-06-30"),
     ("2012", 3, "2012-01-01", "2012-12-31")],
    ids=["day", "week", "month", "month-only", "year"],
)
def test_resolve_day_range_by_precision(date: str, precision: int | None, first: str, last: str) -> None:
    found = resolve.day_range(ev(event_date=date, time_precision=precision))
    assert found == (dt.date.fromisoformat(first).toordinal(), dt.date.fromisoformat(last).toordinal())


def test_resolve_day_range_unknown_date_is_none() -> None:
    assert resolve.day_range(ev(event_date=None)) is None


def test_resolve_nearby_cells_cover_the_search_radius_across_cell_borders() -> None:
    cells = resolve.nearby_cells(12.02, -8.97)
    for lat, lon in [(11.8, -9.2), (12.3, -8.6), (11.99, -9.01)]:
        assert resolve.cell_of(lat, lon) in cells
    assert resolve.cell_of(14.0, -8.97) not in cells


# --- syndication and sources ---------------------------------------------------------------------------------

def test_resolve_syndicated_copy_with_small_edits() -> None:
    copy = "BAMAKO (AFP) - " + WIRE.replace("Tuesday morning", "Tuesday").replace("several", "three")
    assert syndication.syndicated(syndication.signature(WIRE), syndication.signature(copy))


def test_resolve_syndicated_truncated_copy() -> None:
    cut = WIRE[: len(WIRE) // 2]
    assert syndication.syndicated(syndication.signature(WIRE), syndication.signature(cut))


def test_resolve_paraphrase_is_not_syndicated() -> None:
    paraphrase = ("Soldiers at a military camp outside the Malian capital seized weapons and fired into the air "
                  "on Tuesday, according to residents and a diplomat, raising fears of a coup. The army did not "
                  "comment, and embassies advised their nationals to remain indoors.")
    assert not syndication.syndicated(syndication.signature(WIRE), syndication.signature(paraphrase))


def test_resolve_signature_round_trips_through_hex() -> None:
    sig = syndication.signature(WIRE)
    assert syndication.Signature.from_hex(sig.to_hex(), sig.size) == sig


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ([report(ev(), "a", outlet="Reuters"), report(ev(), "b", outlet="Reuters")], 1),
        ([report(ev(), "a", outlet="Reuters", text=WIRE), report(ev(), "b", outlet="Daily Star", text=WIRE)], 1),
        ([report(ev(), "a", outlet="Reuters", text=WIRE), report(ev(), "b", outlet="BBC", text="Other words.")], 2),
        ([report(ev(), "a"), report(ev(), "b"), report(ev(), "c", outlet="RFI")], 3),
    ],
    ids=["same-outlet", "wire-copy", "independent", "unknown-outlets"],
)
def test_resolve_independent_sources(reports: list[Report], expected: int) -> None:
    assert resolve.independent_sources(reports) == expected


# --- corroboration and incidents -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("certainties", "sources", "denied", "expected"),
    [
        (["Possible"], 1, False, ("Possible", False)),
        (["Possible", "Possible"], 2, False, ("Likely", False)),
        (["Observed"], 2, False, ("Observed", False)),
        ([None], 1, False, ("Possible", False)),
        (["Likely", "Likely"], 3, True, ("Unlikely", True)),
    ],
    ids=["one-source", "two-sources", "observed-stays", "unknown-is-possible", "denied"],
)
def test_resolve_corroborate(certainties: list[str | None], sources: int, denied: bool,
                             expected: tuple[str, bool]) -> None:
    assert resolve.corroborate(certainties, sources, denied=denied) == expected


def test_resolve_is_denied_needs_an_official_denial() -> None:
    span = TextSpan("x", 0, 1)
    claims = [Claim(content=span, stance="deny", source_kind="witness"),
              Claim(content=span, stance="deny", source_kind="official")]
    assert not resolve.is_denied(ev(claims=(0,)), claims)
    assert resolve.is_denied(ev(claims=(0, 1)), claims)


def test_resolve_build_incident_follow_up_raises_toll_and_refines_place() -> None:
    first = report(ev(fatalities=3, geo_precision=3, latitude=13.0, longitude=-7.5, location="Koulikoro"), "a",
                   outlet="Reuters", published="2020-08-18")
    later = report(ev(fatalities=7), "b", outlet="AFP", published="2020-08-19")
    incident = resolve.build_incident([later, first], event_id="ev-1")
    assert (incident.fatalities, incident.location, incident.geo_precision) == (7, "Kati", 1)
    assert incident.certainty == "Likely"
    assert incident.reports == ("a", "b")
    assert incident.event_id == "ev-1"
    assert incident.source == "Reuters; AFP"


def test_resolve_build_incident_denial_contests() -> None:
    reports = [report(ev(), "a", outlet="Reuters"), report(ev(), "b", outlet="ORTM", denied=True)]
    incident = resolve.build_incident(reports, event_id="ev-1")
    assert incident.certainty == "Unlikely"
    assert incident.versions is not None and incident.versions["contested"] is True


def test_resolve_build_incident_is_order_independent() -> None:
    reports = [report(ev(fatalities=n), f"a{n}", outlet=f"o{n}", published=f"2020-08-{18 + n}") for n in range(3)]
    assert resolve.build_incident(reports, event_id="x") == resolve.build_incident(reports[::-1], event_id="x")


def test_resolve_changes_between_lists_changed_fields() -> None:
    old = resolve.build_incident([report(ev(fatalities=3), "a", outlet="Reuters")], event_id="x")
    new = resolve.build_incident([report(ev(fatalities=3), "a", outlet="Reuters"),
                                  report(ev(fatalities=7), "b", outlet="AFP")], event_id="x")
    changes = resolve.changes_between(old, new)
    assert changes["fatalities"] == [3, 7]
    assert changes["certainty"] == ["Possible", "Likely"]
    assert changes["reports"] == [1, 2]
    assert changes["independent_sources"] == [1, 2]
    assert resolve.changes_between(new, new) == {}
