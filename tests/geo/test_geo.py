"""Tests for tocsin.geo: recognition, resolution, event location and the resolve() API."""

from __future__ import annotations

import lzma
import re
from pathlib import Path

import pytest

from conftest import make_article, needs_model
from tocsin import geo, nlp
from tocsin.geo import gazetteer as gz
from tocsin.geo.distance import distance_km
from tocsin.model import Article, Event, Place

KATI = 2455558
BAMAKO = 2460596
KATI_POINT = (12.74409, -8.07257)


def _places(text: str, *, dateline: tuple[int, int] | None = None, model: bool = False) -> list[Place]:
    article = make_article(text)
    if dateline is not None:
        article = Article(**{**article.to_dict(), "dateline": text[dateline[0]:dateline[1]],
                             "dateline_start": dateline[0], "dateline_end": dateline[1]})
    doc = nlp.parse(text) if model else nlp.blank()(text)
    return geo.find_places(doc, article)


def _by_text(places: list[Place], text: str) -> Place:
    return next(p for p in places if p.text == text)


@needs_model
def test_geo_seed_kati_and_bamako_resolve(seed_text: str) -> None:
    seed_article = Article(**{**make_article(seed_text).to_dict(), "dateline": "BAMAKO", "dateline_start": 0,
                              "dateline_end": 6})
    places = geo.find_places(nlp.parse(seed_article.text), seed_article)
    kati = [p for p in places if p.text == "Kati"]
    bamako = [p for p in places if p.text.lower() == "bamako"]
    assert kati and all(p.geonameid == KATI for p in kati)
    assert distance_km(kati[0].lat or 0, kati[0].lon or 0, *KATI_POINT) < 5
    assert bamako and all(p.geonameid == BAMAKO for p in bamako)
    assert all(seed_article.text[p.start:p.end] == p.text for p in places)


def test_geo_places_offsets_slice_text() -> None:
    text = "Gunmen attacked a market in Konna and fled towards Mopti, officials in Bamako said."
    places = _places(text)
    assert places and all(text[p.start:p.end] == p.text for p in places)
    assert {p.country for p in places if p.lat is not None} == {"ML"}


@pytest.mark.parametrize(
    ("text", "name", "expected_id"),
    [
        ("Jihadists attacked the army camp in Diabaly on Monday.", "Diabaly", 2458187),
        ("Gunmen killed villagers in Ogossagou, in central Mali.", "Ogossagou", 2452421),
    ],
    ids=["diabaly-diabali", "ogossagou-ogossogou"],
)
def test_geo_spelling_variants_resolve(text: str, name: str, expected_id: int) -> None:
    spans = [(text.index(name), text.index(name) + len(name))]
    assert geo.resolve(text, spans)[0] is not None
    assert geo.resolve(text, spans)[0]["geonameid"] == expected_id  # type: ignore[index]


@pytest.mark.parametrize("gap", [" in ", " in northern ", ", "], ids=["in", "in-northern", "comma"])
def test_geo_country_parent_beats_bigger_namesake_abroad(gap: str) -> None:
    text = f"Gunmen raided the village of Solhan{gap}Burkina Faso, the government said."
    spans = [(text.index("Solhan"), text.index("Solhan") + 6), (text.index("Burkina"), text.index("Faso") + 4)]
    assert geo.resolve(text, spans)[0]["country"] == "BF"  # type: ignore[index]


def test_geo_distance_phrase_picks_candidate_near_anchor() -> None:
    text = "Soldiers mutinied at the army base in Kati, about 15 km (9 miles) outside Bamako."
    places = _places(text)
    kati = _by_text(places, "Kati")
    assert kati.geonameid == KATI
    assert _by_text(places, "Bamako").geonameid == BAMAKO


def test_geo_demonyms_map_to_countries() -> None:
    assert geo.demonym_countries("Malian soldiers and Turkish drones") == ["ML", "TR"]


def test_geo_demonym_focus_changes_resolution() -> None:
    text = "Malian troops clashed with militants near Gao."
    res = geo.resolve(text, [(text.index("Gao"), text.index("Gao") + 3)])[0]
    assert res is not None and res["country"] == "ML"


@pytest.mark.parametrize(
    "text",
    [
        "May was a difficult month, the president said.",
        "Mr. Paris told reporters he would resign.",
        "Gunfire was heard outside Mail's capital on Tuesday.",
    ],
    ids=["month", "title", "misspelt-country"],
)
def test_geo_accidental_places_are_filtered(text: str) -> None:
    assert _places(text) == []


@needs_model
def test_geo_person_name_is_not_a_place() -> None:
    text = "Police said the suspect, Chiquita Raquel Henry, 19, was arrested in Alexandria, Louisiana."
    places = _places(text, model=True)
    assert [p.text for p in places] == ["Alexandria", "Louisiana"]
    assert places[0].country == "US" and places[0].admin1 == "Louisiana"


@pytest.mark.parametrize(
    ("text", "target", "precision"),
    [
        ("Gunmen attacked a checkpoint in Kati on Tuesday.", "Kati", 1),
        ("Gunmen attacked a checkpoint near Kati on Tuesday.", "Kati", 2),
        ("Gunmen attacked checkpoints across Mali on Tuesday.", "Mali", 3),
    ],
    ids=["town", "near-town", "country"],
)
def test_geo_event_precision_codes(text: str, target: str, precision: int) -> None:
    article = make_article(text)
    places = geo.find_places(nlp.blank()(text), article)
    event = Event("Violence against civilians", "Attack", sentence_start=0, sentence_end=len(text))
    located = geo.locate_events([event], nlp.blank()(text), article, places)[0]
    assert located.geo_precision == precision
    assert located.country == "Mali" and located.iso == 466
    assert any(ev.field == "location" and text[ev.start:ev.end] == target for ev in located.evidence)


def test_geo_event_without_place_falls_back_to_dateline() -> None:
    text = "BAMAKO - Gunfire was heard. Soldiers fired in the air on Tuesday."
    article = Article(**{**make_article(text).to_dict(), "dateline": "BAMAKO", "dateline_start": 0,
                         "dateline_end": 6})
    places = geo.find_places(nlp.blank()(text), article)
    start = text.index("Soldiers")
    event = Event("Riots", "Violent demonstration", sentence_start=start, sentence_end=len(text))
    located = geo.locate_events([event], nlp.blank()(text), article, places)[0]
    assert located.location == "Bamako" and located.geo_precision == 2
    assert located.admin1 is not None


def test_geo_resolve_api_shape_and_none() -> None:
    text = "Flooding hit Paris, Texas, and Xqzwvvtt."
    spans = [(13, 18), (20, 25), (31, 39)]
    out = geo.resolve(text, spans)
    assert len(out) == 3
    paris, texas, nothing = out
    assert paris is not None and paris["country"] == "US"
    assert texas is not None and texas["feature_code"] == "ADM1"
    assert nothing is None
    assert set(paris) >= {"lat", "lon", "geonameid", "name", "country"}


def test_geo_likely_misspelling_mail_is_mali() -> None:
    bamako = Place("Bamako", 0, 6, geonameid=BAMAKO, name="Bamako", country="ML")
    found = geo.likely_misspelling("Mail's", [bamako])
    assert found is not None and found[0] == "Mali" and 0 < found[1] <= 1
    assert geo.likely_misspelling("Mali", [bamako]) is None
    assert geo.likely_misspelling("Bamako", [bamako]) is None


def _tiny_data(folder: Path, *, kati_pop: int = 42922) -> Path:
    """A three-place copy of the shipped file layout, so index building is tested in milliseconds."""
    folder.mkdir(parents=True, exist_ok=True)
    with lzma.open(folder / "places.tsv.xz", "wt", encoding="utf-8") as handle:
        handle.write("id\tname\talts\tfcode\tcc\tadmin1\tadmin2\tlat\tlon\tpop\tnalt\n")
        handle.write(f"2455558\tKati\tKati Ville\tPPL\tML\t07\tKati\t12.74409\t-8.07257\t{kati_pop}\t3\n")
        handle.write("2460596\tBamako\tBamaco\tPPLC\tML\t01\t\t12.65\t-8.0\t1297281\t40\n")
    (folder / "countries.tsv").write_text(
        "cc\tiso3\tisonum\tid\tname\tlat\tlon\tpop\tcontinent\tcapital\talts\tdemonyms\n"
        "ML\tMLI\t466\t2453866\tMali\t17.27\t-3.54\t19077690\tAF\tBamako\tRepublic of Mali\tMalian\n",
        encoding="utf-8")
    (folder / "admin1.tsv").write_text("cc\tcode\tid\tname\nML\t07\t2455379\tKoulikoro\n", encoding="utf-8")
    (folder / "areas.tsv").write_text(
        "kind\tkey\tname\talts\tfcode\tcc\tlat\tlon\n"
        "area\t\tSahel\tthe Sahel\tRGN\t\t17.0\t3.5\n", encoding="utf-8")
    return folder


def test_geo_gazetteer_index_built_once_and_reused(tmp_path: Path) -> None:
    data = _tiny_data(tmp_path / "data")
    first = gz.ensure_index(data, tmp_path / "cache")
    mtime = first.stat().st_mtime_ns
    assert gz.ensure_index(data, tmp_path / "cache") == first and first.stat().st_mtime_ns == mtime
    gaz = gz.Gazetteer(first)
    assert [e.id for e in gaz.lookup("kati ville")] == [2455558]
    assert gaz.demonym("malians") == "ML" and gaz.admin1_name("ML", "07") == "Koulikoro"
    sahel = gaz.lookup("the sahel")
    assert [e.fcode for e in sahel] == ["RGN"] and sahel[0].id < 0 and sahel[0].geonameid is None
    gaz.close()


def test_geo_gazetteer_changed_data_gets_new_index(tmp_path: Path) -> None:
    data = _tiny_data(tmp_path / "data")
    first = gz.ensure_index(data, tmp_path / "cache")
    _tiny_data(tmp_path / "data", kati_pop=50000)
    second = gz.ensure_index(data, tmp_path / "cache")
    assert second != first and second.exists()


def test_geo_gazetteer_missing_index_raises(tmp_path: Path) -> None:
    with pytest.raises(gz.GeoError) as info:
        gz.Gazetteer(tmp_path / "absent.sqlite")
    assert info.value.code == "E202"


def test_geo_attribution_ships() -> None:
    text = (gz.DATA_DIR / "ATTRIBUTION").read_text(encoding="utf-8")
    assert gz.ATTRIBUTION in text


def _resolve_names(text: str, names: list[str]) -> dict[str, dict[str, object] | None]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return dict(zip(names, geo.resolve(text, spans), strict=True))


def test_geo_gazetteer_keeps_same_named_counties_of_different_states() -> None:
    states = {e.admin1 for e in gz.load().lookup("madison county") if e.fcode == "ADM2" and e.cc == "US"}
    assert len(states) >= 10


def test_geo_county_and_town_agree_without_see_saw() -> None:
    text = ("Officials lifted the outdoor burning ban in Madison County on Friday, after the Huntsville fire "
            "marshal met the Madison County commissioners.")
    got = _resolve_names(text, ["Madison County", "Huntsville"])
    assert all(r is not None and r["country"] == "US" for r in got.values())
    county, town = got["Madison County"], got["Huntsville"]
    assert county is not None and town is not None
    assert distance_km(float(county["lat"]), float(county["lon"]), float(town["lat"]), float(town["lon"])) < 60  # type: ignore[arg-type]


def test_geo_small_places_that_only_fit_together_beat_big_namesakes() -> None:
    text = ("A Columbus woman was fined in Platte County court for falsely accusing a man from Norfolk, "
            "prosecutors said.")
    got = _resolve_names(text, ["Columbus", "Platte County", "Norfolk"])
    assert {r["country"] for r in got.values() if r} == {"US"}
    columbus = got["Columbus"]
    assert columbus is not None and float(columbus["lon"]) < -95  # type: ignore[arg-type]  # Nebraska, not Ohio


@pytest.mark.parametrize(
    ("text", "name", "country", "fcode"),
    [
        ("Floods hit towns across NSW on Sunday.", "NSW", "AU", "ADM1"),
        ("Fire crews in Kelowna, B.C. were stretched.", "B.C.", "CA", "ADM1"),
        ("Tulips from the Netherlands sold well.", "Netherlands", "NL", "PCLI"),
        ("Storms crossed England and Wales overnight.", "England", "GB", "ADM1"),
        ("Floods in Anhui displaced thousands.", "Anhui", "CN", "ADM1"),
    ],
    ids=["nsw", "bc-after-town", "netherlands-without-the", "england-is-a-region", "province-bare-name"],
)
def test_geo_region_names_and_abbreviations_resolve(text: str, name: str, country: str, fcode: str) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["country"] == country and got["feature_code"] == fcode


@pytest.mark.parametrize(
    ("text", "name", "fcode", "point"),
    [
        ("Shelling in Donbas went on overnight.", "Donbas", "RGN", (48.2, 38.6)),
        ("Ministers from the Horn of Africa met on Tuesday.", "Horn of Africa", "RGN", (8.5, 41.5)),
        ("A research ship sailed into the Arctic last week.", "Arctic", "OCN", (90.0, 0.0)),
        ("Separatist leaders in Transnistria rejected the offer.", "Transnistria", "RGN", (47.2, 29.4)),
        ("Leaders from across the Balkans met in Vienna.", "Balkans", "RGN", (43.5, 21.0)),
    ],
    ids=["conflict-region", "world-region", "ocean-over-town", "separatist-region", "region-of-countries"],
)
def test_geo_areas_missing_from_geonames_cities_resolve(
    text: str, name: str, fcode: str, point: tuple[float, float]
) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["feature_code"] == fcode
    assert distance_km(float(got["lat"]), float(got["lon"]), *point) < 250  # type: ignore[arg-type]


def test_geo_first_level_region_point_is_its_centre_of_area() -> None:
    # Western Australia's towns crowd along its south-western coast; the centre of the state lies near 25S 121.6E.
    text = "Bushfires burned across Western Australia this summer."
    got = _resolve_names(text, ["Western Australia"])["Western Australia"]
    assert got is not None and got["feature_code"] == "ADM1"
    assert distance_km(float(got["lat"]), float(got["lon"]), -25.0, 121.6) < 200  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "name", "fcode"),
    [
        ("Officials in Washington said the talks with Cairo would go on.", "Washington", "PPLC"),
        ("Apple growers in Washington state expect a record harvest.", "Washington", "ADM1"),
    ],
    ids=["capital-by-default", "state-with-cue"],
)
def test_geo_capital_outranks_namesake_region(text: str, name: str, fcode: str) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["country"] == "US" and got["feature_code"] == fcode


def test_geo_areas_are_region_precision() -> None:
    from tocsin.geo.locate import precision_of

    assert precision_of("RGN") == precision_of("OCN") == precision_of("CONT") == 3


@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Californians voted on the measure last week.", "Californians", "US"),
        ("Transnistrian officials closed the road.", "Transnistrian", "MD"),
        ("Darfuri refugees crossed into Chad.", "Darfuri", "SD"),
    ],
    ids=["state-people", "region-adjective", "region-people-i"],
)
def test_geo_adjective_of_an_area_resolves_to_the_area(text: str, name: str, cc: str) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["country"] == cc and got["feature_code"] != "PPL"


def test_geo_adjective_bases() -> None:
    from tocsin.geo.names import adjective_bases

    assert adjective_bases("transnistrian")[0] == "transnistria"
    assert "ohio" in adjective_bases("ohioans") and "texas" in adjective_bases("texans")
    assert "croatia" in adjective_bases("croat") and adjective_bases("serb") == []


def test_geo_adjective_of_a_town_is_no_place() -> None:
    assert _resolve_names("Parisians queued for bread.", ["Parisians"])["Parisians"] is None


def test_geo_one_sense_per_article() -> None:
    # The state after the first mention is evidence for every Vienna of the story, not only the first.
    text = ("Storms hit Vienna, Va., on Monday. Crews said Vienna would reopen roads by Friday, and schools in "
            "Vienna stayed open.")
    spans = [(m.start(), m.end()) for m in re.finditer("Vienna", text)]
    got = geo.resolve(text, spans)
    assert [r["country"] if r else None for r in got] == ["US", "US", "US"]


def test_geo_town_named_region_means_the_town_inside_it() -> None:
    got = _resolve_names("Traffic jams in Rio de Janeiro stretched for miles.", ["Rio de Janeiro"])["Rio de Janeiro"]
    assert got is not None and str(got["feature_code"]).startswith("PPL")


def test_geo_area_named_with_its_kind_word() -> None:
    text = "Snow closed roads in Akita Prefecture, and clashes were reported in Kunar Province."
    got = _resolve_names(text, ["Akita Prefecture", "Kunar Province"])
    assert [(r["country"], r["feature_code"]) for r in got.values() if r] == [("JP", "ADM1"), ("AF", "ADM1")]


def test_geo_counties_named_without_county() -> None:
    text = "Sheriffs from Story, Marshall and Hardin met in Ames on Tuesday to share radio towers."
    got = _resolve_names(text, ["Story", "Marshall", "Hardin", "Ames"])
    assert all(r is not None and r["country"] == "US" for r in got.values())
    assert [got[n]["feature_code"] for n in ("Story", "Marshall", "Hardin")] == ["ADM2"] * 3  # type: ignore[index]
    assert all(distance_km(float(r["lat"]), float(r["lon"]), 42.03, -93.62) < 80  # type: ignore[arg-type,index]
               for r in got.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [("Flights to Denver were delayed by snow.", "Denver"),
     ("Flooding closed roads across Houston on Tuesday, the Texas transport agency said.", "Houston")],
    ids=["denver", "houston-in-texas-not-houston-county"],
)
def test_geo_bare_county_name_keeps_a_big_town_reading(text: str, name: str) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["feature_code"].startswith("PPL")  # type: ignore[union-attr]


def test_geo_world_region_is_a_region_place_without_country() -> None:
    text = "Prices rose across the Horn of Africa this year, and aid flights into Darfur resumed."
    places = _places(text)
    region, darfur = _by_text(places, "Horn of Africa"), _by_text(places, "Darfur")
    assert region.feature_code == "RGN" and region.country is None and region.precision == 3
    assert darfur.country == "SD" and darfur.precision == 3


def test_geo_iso_codes_are_no_country_names() -> None:
    got = _resolve_names("Traffic in L.A. slowed to a crawl.", ["L.A."])["L.A."]
    assert got is None or got["country"] != "LA"
    us = _resolve_names("Talks between the US and Canada resumed.", ["US"])["US"]
    assert us is not None and us["country"] == "US" and us["feature_code"] == "PCLI"


def test_geo_one_capital_per_country() -> None:
    capitals = [e for e in gz.load().lookup("washington") if e.fcode == "PPLC"]
    assert [(e.cc, e.admin1) for e in capitals] == [("US", "DC")]


@needs_model
def test_geo_state_initials_without_a_comma_are_places() -> None:
    places = _places("Two men were arrested in S.C. on Monday, and a third in N.Y.", model=True)
    assert {(p.text, p.feature_code) for p in places} >= {("S.C.", "ADM1"), ("N.Y.", "ADM1")}


def test_geo_a_town_and_the_region_named_after_it_keep_their_kinds() -> None:
    text = "Rockets hit the city of Sumy on Monday. The governor of the Sumy region said power was cut across Sumy."
    spans = [(m.start(), m.end()) for m in re.finditer("Sumy", text)]
    kinds = [place["feature_code"] if place else None for place in geo.resolve(text, spans)]
    assert kinds[0] is not None and kinds[0].startswith("PPL")  # type: ignore[union-attr]
    assert kinds[1] == "ADM1"


@pytest.mark.parametrize(
    ("text", "names", "name", "cc", "fcode"),
    [
        ("Drought has hit farms in Georgia, Oklahoma, Pennsylvania and Ohio this summer.",
         ["Georgia", "Oklahoma", "Pennsylvania", "Ohio"], "Oklahoma", "US", "ADM1"),
        ("Aid convoys will go to Chad, Niger, Nigeria and Benin next month.",
         ["Chad", "Niger", "Nigeria", "Benin"], "Niger", "NE", "PCLI"),
    ],
    ids=["states", "countries"],
)
def test_geo_list_of_peers_is_no_parent(text: str, names: list[str], name: str, cc: str, fcode: str) -> None:
    # "Oklahoma, Pennsylvania" inside a list of states is two states, not a hamlet Oklahoma in Pennsylvania.
    got = _resolve_names(text, names)[name]
    assert got is not None and (got["country"], got["feature_code"]) == (cc, fcode)


def test_geo_town_state_pairs_in_a_list_keep_their_parents() -> None:
    text = "Flooding closed roads near Springfield, Illinois, and Columbus, Ohio, on Monday."
    got = _resolve_names(text, ["Springfield", "Illinois", "Columbus", "Ohio"])["Springfield"]
    assert got is not None and got["name"] == "Springfield" and got["feature_code"] == "PPL"
    assert gz.load().get(int(str(got["geonameid"]))).admin1 == "IL"  # type: ignore[union-attr]


def test_geo_a_place_is_no_evidence_for_itself() -> None:
    # An Ohio town has "Mecca" among its alternate names; read for both names, it backed itself.
    got = _resolve_names("Buses carried the pilgrims from Mecca to Medina after the prayers.", ["Mecca", "Medina"])
    assert [g["country"] if g else None for g in got.values()] == ["SA", "SA"]


@pytest.mark.parametrize(("village", "expected"), [("Silalei", None), ("Kapedoa", "KE")],
                         ids=["slip-abroad-dropped", "slip-at-home-kept"])
def test_geo_spelling_variant_must_fit_the_article(village: str, expected: str | None) -> None:
    # A village the gazetteer lacks is not read as a town one slip away in Lithuania when the story is in Kenya.
    text = f"Raiders burned homes in {village} and Marigat, in Kenya's Baringo County, police in Nairobi said."
    got = _resolve_names(text, [village, "Marigat", "Kenya", "Baringo County", "Nairobi"])[village]
    assert (got["country"] if got else None) == expected


def test_geo_the_sentence_says_which_country() -> None:
    # Chile is one country of eleven in the story, but the only other place in Santiago's sentence.
    text = ("Flu cases rose in Brazil, Argentina, Peru, the Philippines, Japan, Spain, Turkey and Canada last week. "
            "Mexico and the United States reported the most deaths. "
            "In Chile, the health ministry in Santiago said 400 cases had been confirmed.")
    names = ["Brazil", "Argentina", "Peru", "Philippines", "Japan", "Spain", "Turkey", "Canada", "Mexico",
             "United States", "Chile", "Santiago"]
    got = _resolve_names(text, names)["Santiago"]
    assert got is not None and got["country"] == "CL" and got["feature_code"] == "PPLC"


@pytest.mark.parametrize(("main", "support"), [(True, 3.0), (False, 0.0)], ids=["own-name", "alternate-name"])
def test_geo_county_support_needs_the_towns_own_name(main: bool, support: float) -> None:
    # A Maryland town that has "Jerusalem" for an alternate name lies in Washington County; a story naming
    # Washington and Jerusalem is no story about that county.
    from tocsin.geo import rank
    from tocsin.geo.recognize import Mention

    town = gz.Entry(1, "Funkstown", "PPL", "US", "MD", "Washington County", 39.6, -77.7, 900, 3, main=main)
    capital = gz.Entry(2, "Washington", "PPLC", "US", "DC", "", 38.9, -77.0, 700_000, 50)
    slots = [rank._Slot(Mention(0, 10, "Washington", "washington"), [capital], [0.0], {}, extra=[0.0]),
             rank._Slot(Mention(20, 29, "Jerusalem", "jerusalem"), [town], [0.0], {}, extra=[0.0])]
    rank._add_support(slots)
    assert slots[1].extra == [support]


@pytest.mark.parametrize(
    ("text", "names", "name", "expected"),
    [
        ("Floods swept through the Swat Valley, in northern Pakistan, on Tuesday.", ["Swat Valley", "Pakistan"],
         "Swat Valley", "PK"),
        ("Traffic in Greater Manila slowed to a crawl as the typhoon neared the Philippines.",
         ["Greater Manila", "Philippines"], "Greater Manila", "PH"),
        ("Crews in Akron, Ohio, cleared snow on the Upper Side overnight.", ["Akron", "Ohio", "Upper Side"],
         "Upper Side", None),
    ],
    ids=["valley", "greater", "part-abroad-dropped"],
)
def test_geo_part_or_feature_of_a_place(text: str, names: list[str], name: str, expected: str | None) -> None:
    # A name the gazetteer lacks may be a part of a place or a feature named after it; the place must fit the
    # story (Side is a town in Turkey).
    got = _resolve_names(text, names)[name]
    assert (got["country"] if got else None) == expected


@pytest.mark.parametrize(
    ("text", "names", "name", "cc", "near"),
    [
        ("Cruise ships returned to St. Kitts and Nevis this winter.", ["St. Kitts and Nevis"], "St. Kitts and Nevis",
         "KN", None),
        ("Deputies in Platte Co., Nebraska, closed the highway.", ["Platte Co.", "Nebraska"], "Platte Co.", "US",
         (41.43, -97.37)),  # Columbus, the county seat
        ("Boaters crowded Lake Hartwell, on the Georgia line, over the holiday.", ["Lake Hartwell", "Georgia"],
         "Lake Hartwell", "US", (34.35, -82.93)),  # Hartwell, Georgia
        ("Troops were sent to Jammu and Kashmir after clashes in Srinagar, India.",
         ["Jammu and Kashmir", "Srinagar", "India"], "Jammu and Kashmir", "IN", None),
    ],
    ids=["saint", "county-abbreviation", "lake-named-after-town", "two-parts"],
)
def test_geo_abbreviated_and_composite_names(text: str, names: list[str], name: str, cc: str,
                                             near: tuple[float, float] | None) -> None:
    got = _resolve_names(text, names)[name]
    assert got is not None and got["country"] == cc
    if near is not None:
        assert distance_km(float(str(got["lat"])), float(str(got["lon"])), *near) < 60


def test_geo_initialism_is_the_place_named_in_full() -> None:
    text = "Rain flooded freeways across Los Angeles on Monday, and L.A. schools closed early."
    got = _resolve_names(text, ["Los Angeles", "L.A."])
    assert got["L.A."] is not None and got["L.A."]["geonameid"] == got["Los Angeles"]["geonameid"]  # type: ignore[index]


def test_geo_country_outranks_its_namesake_region() -> None:
    text = "Farmers in Taiwan culled chickens after the outbreak spread from Taichung."
    got = _resolve_names(text, ["Taiwan", "Taichung"])["Taiwan"]
    assert got is not None and got["feature_code"] == "PCLI"


def test_geo_elided_noun_of_a_coordination() -> None:
    text = "Coffee prices rose across Central and South America this year."
    got = _resolve_names(text, ["Central", "South America"])["Central"]
    assert got is not None and got["name"] == "Central America"


def test_geo_a_name_in_a_list_takes_the_kind_of_its_list() -> None:
    text = "Salmonella cases were reported in Oregon, Utah, Washington and Idaho this spring."
    got = _resolve_names(text, ["Oregon", "Utah", "Washington", "Idaho"])["Washington"]
    assert got is not None and got["feature_code"] == "ADM1"


def test_geo_country_point_is_not_its_capital() -> None:
    myanmar = gz.load().country("MM")
    assert myanmar is not None and distance_km(myanmar.lat, myanmar.lon, 19.75, 96.1) > 100  # Naypyidaw


@needs_model
def test_geo_unambiguous_region_abbreviation_stands_alone() -> None:
    places = _places("Bushfires burned across NSW on Sunday, and crews from Sydney were sent west.", model=True)
    assert ("NSW", "AU", "ADM1") in {(p.text, p.country, p.feature_code) for p in places}


@needs_model
def test_geo_county_named_in_an_office_is_a_place() -> None:
    text = "The victim was named on Sunday by the Richland County Coroner's Office as a woman of 52."
    assert "Richland County" in {p.text for p in _places(text, model=True) if p.lat is not None}


@needs_model
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("South Ossetian leaders met envoys in Moscow on Monday.", "South Ossetian", None),
        ("Democrats and Republicans argued while Christians prayed.", None, "Christians"),
    ],
    ids=["area-adjective", "faith-is-no-hamlet"],
)
def test_geo_peoples_names(text: str, present: str | None, absent: str | None) -> None:
    found = {p.text for p in _places(text, model=True) if p.lat is not None}
    assert present is None or present in found
    assert absent is None or absent not in found


@needs_model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Vandals hit a church on Sunday. BEIRUT: Unknown men removed the doors of a shrine.", "BEIRUT"),
        ("The party wants Ukraine to join the EU within ten years.", "EU"),
    ],
    ids=["dateline-in-capitals", "union-code"],
)
def test_geo_short_or_capitalised_place_names_are_found(text: str, name: str) -> None:
    assert name in {p.text for p in _places(text, model=True) if p.lat is not None}


@needs_model
def test_geo_titles_and_months_written_short_are_no_places() -> None:
    found = {p.text for p in _places("Gov. Smith and Rep. Jones met on Jan. 5 in Lagos.", model=True)
             if p.lat is not None}
    assert found == {"Lagos"}


@pytest.mark.parametrize(
    "text",
    ["Lawyers marched from Lahore, in Punjab, to the capital, Islamabad, on Monday.",
     "Lawyers marched from Lahore, in Punjab, to Islamabad, the capital, on Monday."],
    ids=["capital-before", "capital-after"],
)
def test_geo_the_capital_cue_picks_the_capital(text: str) -> None:
    got = _resolve_names(text, ["Lahore", "Punjab", "Islamabad"])["Islamabad"]
    assert got is not None and got["feature_code"] == "PPLC"


@pytest.mark.parametrize(
    ("text", "names", "name", "fcode"),
    [
        ("Flood warnings were issued for Floyd, Carroll and Pulaski counties in Virginia.",
         ["Floyd", "Carroll", "Pulaski", "Virginia"], "Pulaski", "ADM2"),
        ("Fighting spread across Helmand and Kandahar provinces last week.", ["Helmand", "Kandahar"], "Kandahar",
         "ADM1"),
        ("Troops entered the provinces of Kandahar and Kunduz on Monday.", ["Kandahar", "Kunduz"], "Kandahar",
         "ADM1"),
        ("Voters in the communities of Santa Rosa, La Paz and Trinidad went to the polls.",
         ["Santa Rosa", "La Paz", "Trinidad"], "Santa Rosa", "PPL"),
    ],
    ids=["counties", "provinces", "provinces-of", "communities-of"],
)
def test_geo_plural_kind_word_by_a_list_names_the_kind_of_each(text: str, names: list[str], name: str,
                                                                  fcode: str) -> None:
    got = _resolve_names(text, names)[name]
    assert got is not None and str(got["feature_code"]).startswith(fcode)


@pytest.mark.parametrize("township", ["Sycamore Township", "Sycamore Twp."])
def test_geo_township_missing_from_the_gazetteer_reads_as_its_namesake_town(township: str) -> None:
    text = f"Deputies searched a field in {township}, Ohio, on Sunday after a boy went missing."
    got = _resolve_names(text, [township, "Ohio"])[township]
    assert got is not None and got["country"] == "US" and str(got["feature_code"]).startswith("PPL")
    assert distance_km(float(str(got["lat"])), float(str(got["lon"])), 40.95, -83.17) < 60  # Sycamore, Ohio


def test_geo_small_region_gives_way_to_a_bigger_namesake_town_abroad() -> None:
    # the parish of Charlotte in Saint Vincent is smaller than Charlotte, North Carolina: a bare "Charlotte" is the town
    got = _resolve_names("The parade in Charlotte drew thousands of cyclists on Sunday.", ["Charlotte"])["Charlotte"]
    assert got is not None and str(got["feature_code"]).startswith("PPL")


def test_geo_region_named_after_a_sea_gives_way_to_the_sea() -> None:
    got = _resolve_names("Pirates seized a tanker in the Red Sea last week.", ["Red Sea"])["Red Sea"]
    assert got is not None and got["feature_code"] == "SEA"
    text = "Police in Red Sea state arrested three smugglers near Port Sudan."
    assert _resolve_names(text, ["Red Sea"])["Red Sea"]["feature_code"] == "ADM1"  # type: ignore[index]


def test_geo_sentence_peers_do_not_end_a_sentence_at_an_abbreviation() -> None:
    from tocsin.geo import rank
    from tocsin.geo.recognize import Mention

    text = "Police in St. Louis and Kansas City searched a warehouse. Later Chicago police joined them."
    names = ["St. Louis", "Kansas City", "Chicago"]
    slots = [rank._Slot(Mention(text.index(n), text.index(n) + len(n), n, n.lower()), [], [], {}) for n in names]
    rank._sentence_peers(text, slots)
    assert [s.peers for s in slots] == [(1,), (0,), ()]


@needs_model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The deputy was hired, according to Bexar County Sheriff Tom Ruiz.", "Bexar County"),
        ("Early Tuesday Medford Police closed the bridge.", "Medford"),
        ("The blaze was out by noon, said Tulsa Fire Chief Ray Boone.", "Tulsa"),
        ("A New Zealander won the race in Oslo.", "New Zealander"),
        ("The suspect, Mary Cole, of Waycross, was held overnight.", "Waycross"),
        ("A Lufkin woman won the state lottery.", "Lufkin"),
        ("Chester firefighters saved the barn.", "Chester"),
        ("Girls from Pike, Lamar and Ralls counties will compete.", "Lamar"),
    ],
    ids=["county-in-a-title", "office-after-a-weekday", "office-in-a-title", "demonym-tagged-as-person",
         "residence", "resident", "town-people", "county-list"],
)
def test_geo_places_inside_other_entities_are_found(text: str, name: str) -> None:
    assert name in {p.text for p in _places(text, model=True) if p.lat is not None}


@needs_model
def test_geo_a_person_named_like_a_town_stays_a_person() -> None:
    assert not _places("Jordan Knight scored twice for the Celtics on Friday.", model=True)


@needs_model
@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        ("Cocoa from Cote d'Ivoire and Ghana sold well this year.", "Cote d'Ivoire", "CI"),
        ("Tourists flew to St. Kitts and Nevis in March.", "St. Kitts and Nevis", "KN"),
        ("The Sri Lankan navy rescued six fishermen.", "Sri Lankan", "LK"),
    ],
    ids=["elided-article", "abbreviated-word", "two-word-demonym"],
)
def test_geo_whole_names_are_found(text: str, name: str, cc: str) -> None:
    assert (name, cc) in {(p.text, p.country) for p in _places(text, model=True)}


@needs_model
def test_geo_a_feature_word_alone_is_no_place() -> None:
    found = {p.text for p in _places("Volunteers cleaned the Oak Ridge Reservoir area on Saturday.", model=True)}
    assert "Reservoir" not in found


@needs_model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sales rose in Gilmer and Kilgore this spring.", "Kilgore"),
        ("Snow fell on Tyler, Lindale and Kilgore overnight.", "Lindale"),
        ("Sen. Amy Byrd, D-Monroe, spoke first.", "Monroe"),
        ("A ferry sank off the island of Sumatra on Monday.", "Sumatra"),
    ],
    ids=["list-peer", "list-peers", "party-and-home", "island-of"],
)
def test_geo_names_a_place_vouches_for(text: str, name: str) -> None:
    assert name in {p.text for p in _places(text, model=True) if p.lat is not None}


@needs_model
def test_geo_list_peer_needs_a_name_tagged_as_a_place() -> None:
    assert "Cheney" not in {p.text for p in _places("Bush and Cheney met the press on Monday.", model=True)}


def test_geo_letters_without_a_decomposition_fold_to_ascii() -> None:
    from tocsin.geo.names import fold

    assert (fold("Østfold"), fold("Łódź"), fold("Straße")) == ("ostfold", "lodz", "strasse")
    text = "Protesters marched in Łódź and Warsaw on Saturday."
    got = _resolve_names(text, ["Łódź", "Warsaw"])["Łódź"]
    assert got is not None and got["country"] == "PL"


@needs_model
@pytest.mark.parametrize(
    "text",
    ["One man was arrested in Lagos on Friday.", "As police arrived in Lagos, the crowd left.",
     "Officials from Lagos, and Bob Gibbs of Ohio, spoke.", "The City Council of Lagos met on Friday."],
    ids=["resident-after-a-number", "office-after-a-conjunction", "person-after-a-listed-place", "the-city"],
)
def test_geo_local_cues_and_lists_keep_common_words_and_people_out(text: str) -> None:
    found = {p.text for p in _places(text, model=True)}
    assert not found & {"One", "As", "Bob", "The City", "City"}


@pytest.mark.parametrize(
    ("text", "name", "cc", "point"),
    [("Landslides closed two roads in Sogn og Fjordane on Monday.", "Sogn og Fjordane", "NO", (61.5, 6.6)),
     ("Farmers in Hedmark reported frost damage to the barley crop.", "Hedmark", "NO", (61.4, 11.4)),
     ("Heavy rain flooded rice fields across Quang Binh province.", "Quang Binh", "VN", (17.5, 106.3))],
    ids=["merged-norwegian-county", "merged-norwegian-county-inland", "merged-vietnamese-province"],
)
def test_geo_former_first_level_regions_keep_their_own_point(
    text: str, name: str, cc: str, point: tuple[float, float]
) -> None:
    # merged into a bigger region since (Vestland 2020, Innlandet 2020, Quang Tri 2025), still named in the news
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["country"] == cc and got["feature_code"] == "ADM1"
    assert distance_km(float(str(got["lat"])), float(str(got["lon"])), *point) < 100


@pytest.mark.parametrize(
    ("text", "name", "cc", "fcode"),
    [("Rockets struck near Bagram Airport on Tuesday.", "Bagram Airport", "AF", "AIRP"),
     ("Gunfire was heard overnight in Kamenge, Bujumbura.", "Kamenge", "BI", "PPLX")],
    ids=["airport", "neighbourhood"],
)
def test_geo_airports_and_neighbourhoods_of_the_shared_data_are_places(text: str, name: str, cc: str,
                                                                       fcode: str) -> None:
    got = _resolve_names(text, [name])[name]
    assert got is not None and got["country"] == cc and got["feature_code"] == fcode


def test_geo_first_level_codes_without_a_town_at_the_same_point_are_named() -> None:
    # none of these codes' towns sits at the same point in the older rg_cities1000, so no exact vote names them
    gazetteer = gz.load()
    assert gazetteer.admin1_name("AE", "02") == "Ajman"
    assert gazetteer.admin1_name("BN", "02") == "Brunei and Muara"
    region = gazetteer.get(gazetteer.admin1_id("BN", "02") or 0)
    assert region is not None and region.fcode == "ADM1" and region.cc == "BN"


def _wire_events(text: str) -> tuple[list[Place], list[Event]]:
    """Places and events of a self-written wire dispatch, read as an article (dateline included)."""
    from tocsin.ingest import read_text
    from tocsin.pipeline import analyze

    analysis = analyze(read_text(text, source="test.txt", published="2024-03-04"))
    return analysis.places, analysis.events


@needs_model
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("MAIDUGURI, Nigeria, March 3 (Reuters) - Suspected Boko Haram fighters killed 12 farmers in fields near "
         "Maiduguri on Sunday, a militia leader said.", "Maiduguri", "NG"),
        ("KHARTOUM, March 3 (Reuters) - Fighting between the army and the Rapid Support Forces spread to El Fasher "
         "on Sunday, killing 20 people, witnesses said.", "El Fasher", "SD"),
        ("PORT-AU-PRINCE, March 3 (Reuters) - Gang members killed at least 20 people in Cite Soleil, a slum of the "
         "capital, a rights group said on Sunday.", "Port-au-Prince", "HT"),
        ("BAMAKO, Mar 3 (Reuters) - Gunmen killed 31 people when they attacked a bus near Bandiagara on Sunday, the "
         "government said.", "Bandiagara", "ML"),
    ],
    ids=["armed-group", "armed-force", "slum-and-gang", "dateline-month"],
)
def test_geo_names_of_groups_and_dates_do_not_move_the_event(text: str, name: str, country: str) -> None:
    # "Haram" (Norway), "Rapid" (Rapid City), "Gang" (Philippines), "Cite" (Cyprus) and "Mar" are no places here
    places, events = _wire_events(text)
    assert all(p.country in (None, country) for p in places), [(p.text, p.country) for p in places]
    assert events and events[0].location == name and events[0].country is not None


@needs_model
def test_geo_surname_of_a_person_named_in_full_is_no_place() -> None:
    text = ("Fighting broke out in Goma on Sunday. Joseph Obama, a local official, said the army had retreated. "
            "Obama said 14 people were killed.")
    assert [p.text for p in _places(text, model=True)] == ["Goma"]


@needs_model
def test_geo_initials_and_currency_are_no_places() -> None:
    text = "The U.N. said aid worth US$ 5 million reached Goma on Sunday."
    assert [p.text for p in _places(text, model=True)] == ["Goma"]


@needs_model
def test_geo_name_the_text_calls_a_city_resolves_by_its_spelling() -> None:
    # "Hodeidah" is not among the gazetteer's names of Al Hudaydah; "the port city of" says it is a place
    text = "Air strikes hit the Yemeni port city of Hodeidah on Tuesday, residents said."
    place = _by_text(_places(text, model=True), "Hodeidah")
    assert place.country == "YE" and place.lat is not None and abs(place.lat - 14.8) < 0.2


@needs_model
def test_geo_reading_outside_the_named_country_is_dropped() -> None:
    # the only Rubaya the gazetteer has lies in Uganda; the text puts it in the Congo's North Kivu
    text = "Rebels seized the mining town of Rubaya in North Kivu province on Thursday, residents said."
    places = _places(text, model=True)
    assert _by_text(places, "Rubaya").lat is None
    assert _by_text(places, "North Kivu").country == "CD"


TILLABERI_TOWN = (14.20711, 1.45418)


@pytest.mark.parametrize("dateline", [True, False], ids=["niamey-dateline", "no-dateline"])
def test_geo_district_with_an_outdated_region_code_does_not_pull_a_town_to_the_dateline(dateline: bool) -> None:
    # GeoNames still codes Tillaberi department to Niamey, of which it was part until 1992; the town Tillabéri is meant,
    # not the Niamey dateline's region nor Tillabéri region, which has some 90 times its town's people.
    text = ("NIAMEY, March 3 (Reuters) - Gunmen attacked an army post near Tillaberi on Sunday, killing seven "
            "soldiers, the defence ministry said in a statement.")
    places = _places(text, dateline=(0, 6) if dateline else None)
    place = _by_text(places, "Tillaberi")
    assert place.country == "NE" and place.admin1 != "Niamey"
    assert distance_km(place.lat or 0, place.lon or 0, *TILLABERI_TOWN) < 20
    article = make_article(text)
    if dateline:
        article = Article(**{**article.to_dict(), "dateline": "NIAMEY", "dateline_start": 0, "dateline_end": 6})
    start = text.index("Gunmen")
    event = Event("Battles", "Armed clash", sentence_start=start, sentence_end=len(text))
    located = geo.locate_events([event], nlp.blank()(text), article, places)[0]
    assert located.location is not None and located.admin1 != "Niamey"
    assert distance_km(located.latitude or 0, located.longitude or 0, *TILLABERI_TOWN) < 20


def test_geo_region_named_after_a_much_smaller_town_is_meant_when_said_so() -> None:
    text = "Gunmen attacked an army post in the Tillaberi region on Sunday, the defence ministry said."
    place = _by_text(_places(text), "Tillaberi")
    assert place.feature_code == "ADM1" and place.country == "NE"


@pytest.mark.parametrize(
    ("text", "name", "expected_id"),
    [("Jihadists attacked Tanda in central Mali on Sunday, burning the market.", "Tanda", 2450229),
     ("Gunmen attacked Kati on Sunday, killing four people.", "Kati", KATI)],
    ids=["village-named-like-a-pond", "town-named-like-a-pond"],
)
def test_geo_village_named_like_a_small_lake_stays_the_village(text: str, name: str, expected_id: int) -> None:
    # the GeoNames dumps hold lakes of these names in Mali, which must not weigh like Lake Chad or Lake Victoria
    place = _by_text(_places(text), name)
    assert place.geonameid == expected_id and place.feature_code is not None
    assert place.feature_code.startswith("PPL")


def test_geo_lake_of_the_dumps_is_found_under_its_english_name() -> None:
    text = "Gunmen on motorbikes attacked fishermen on Lake Debo in central Mali on Tuesday."
    place = _by_text(_places(text), "Lake Debo")
    assert place.feature_code == "LK" and place.country == "ML" and place.precision == 2
    assert distance_km(place.lat or 0, place.lon or 0, 15.31, -4.10) < 10


def test_geo_island_in_a_lake_is_found() -> None:
    text = "Armed men kidnapped six fishermen on Idjwi island in Lake Kivu on Friday, local officials said."
    places = _places(text)
    island, lake = _by_text(places, "Idjwi"), _by_text(places, "Lake Kivu")
    assert island.feature_code == "ISL" and island.country == "CD"
    assert lake.feature_code == "LK" and distance_km(lake.lat or 0, lake.lon or 0, -2.0, 29.15) < 50
    assert distance_km(island.lat or 0, island.lon or 0, lake.lat or 0, lake.lon or 0) < 30


def test_geo_only_the_hand_written_lakes_and_islands_are_large_areas() -> None:
    gazetteer = gz.load()
    chad = [e for e in gazetteer.lookup("lake chad") if e.fcode == "LK"]
    debo = [e for e in gazetteer.lookup("lake debo") if e.fcode == "LK"]
    assert chad and all(e.area for e in chad)
    assert debo and not any(e.area for e in debo)


@needs_model
def test_geo_small_place_beginning_a_longer_name_is_no_place() -> None:
    # "Baron" is a short name of Barron, Wisconsin, and "Hotel" a hamlet in Colombia: the hotel is in Kabul
    text = "A second blast hit the nearby Baron Hotel in Kabul, officials said."
    assert [p.text for p in _places(text, model=True)] == ["Kabul"]
