"""Geoparsing quality on LGL and GeoVirus, in two regimes, written to docs/quality.md section "geo".

- gold toponyms: ``tocsin.geo.resolve(text, gold_spans)``; accuracy within 161 km (unresolved counts as wrong),
  median and mean error, and resolution throughput in toponyms per second;
- end to end: ``tocsin.geo.find_places`` over the parsed article; recall of the gold toponyms (a predicted place
  overlapping the gold span) and accuracy within 161 km counting missed toponyms as wrong.

Usage: ``python eval/geo_eval.py [--limit N] [--no-e2e] [--no-write]``. Skips cleanly when the data is absent.
The data sets are for measuring only; nothing here is fitted on them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _quality import DATA, write_section  # noqa: E402

from tocsin import geo  # noqa: E402
from tocsin.geo.distance import distance_km  # noqa: E402
from tocsin.model import Article, article_id  # noqa: E402

LGL = DATA / "geoparsing" / "lgl" / "lgl.xml"
GEOVIRUS = DATA / "geoparsing" / "geovirus" / "GeoVirus.xml"
KM = 161.0
MISS_KM = 20038.0
AREA_CODES = ("CONT", "PCLI", "ADM1")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Doc:
    text: str
    gold: list[Gold]


def read_lgl(path: Path) -> list[Doc]:
    """LGL: exact 0-based offsets; toponyms without a gaztag have no coordinates."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            lat = float(tag.findtext("lat") or "nan") if tag is not None else None
            lon = float(tag.findtext("lon") or "nan") if tag is not None else None
            gold.append(Gold(int(top.findtext("start") or 0), int(top.findtext("end") or 0), lat, lon))
        docs.append(Doc(text, gold))
    return docs


def read_geovirus(path: Path) -> list[Doc]:
    """GeoVirus: offsets are one too high (``start-1``)."""
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = [
            Gold(int(loc.findtext("start") or 1) - 1, int(loc.findtext("end") or 1) - 1,
                 float(loc.findtext("lat") or 0), float(loc.findtext("lon") or 0))
            for loc in art.iter("location")
        ]
        docs.append(Doc(text, gold))
    return docs


def _errors(pred: list[tuple[float, float] | None], gold: list[Gold]) -> list[float]:
    out = []
    for p, g in zip(pred, gold, strict=True):
        if g.lat is None or g.lon is None or g.lat != g.lat:
            continue
        out.append(MISS_KM if p is None else distance_km(p[0], p[1], g.lat, g.lon))
    return out


def gold_regime(docs: list[Doc]) -> dict[str, float]:
    """Resolve the gold spans; return acc@161, median/mean error (km), count and toponyms per second."""
    errors: list[float] = []
    n = 0
    t0 = time.process_time()  # CPU time of this process: toponyms per second on one core, whatever else runs
    preds_all = []
    codes_all = []
    for doc in docs:
        res = geo.resolve(doc.text, [(g.start, g.end) for g in doc.gold])
        n += len(doc.gold)
        preds_all.append([(r["lat"], r["lon"]) if r else None for r in res])
        codes_all.append([r["feature_code"] if r else "" for r in res])
    elapsed = time.process_time() - t0
    area_wrong = 0
    for doc, preds, codes in zip(docs, preds_all, codes_all, strict=True):
        errs = _errors(preds, doc.gold)
        kept = [c for c, g in zip(codes, doc.gold, strict=True) if g.lat is not None and g.lat == g.lat]
        area_wrong += sum(e > KM and c in AREA_CODES for e, c in zip(errs, kept, strict=True))
        errors.extend(errs)
    return {
        "n": len(errors), "acc161": sum(e <= KM for e in errors) / len(errors),
        "median_km": statistics.median(errors), "mean_km": statistics.fmean(errors), "per_s": n / elapsed,
        "area_wrong": area_wrong / len(errors),
    }


def e2e_regime(docs: list[Doc]) -> dict[str, float]:
    """Find places in parsed text; recall of gold spans, acc@161 counting misses as wrong, and precision: the share
    of the places given a point that overlap a gold toponym (a place read where the annotators saw none sends an
    alert to the wrong town; demonyms, which neither set annotates, count against it)."""
    from tocsin import nlp

    found = total = right = with_coords = placed = stray = 0
    for doc in docs:
        article = Article(id=article_id(doc.text), text=doc.text, language="en")
        places = geo.find_places(nlp.parse(doc.text), article)
        for p in places:
            if p.lat is not None:
                placed += 1
                stray += not any(p.start < g.end and g.start < p.end for g in doc.gold)
        for g in doc.gold:
            total += 1
            hit = next((p for p in places if p.start < g.end and g.start < p.end), None)
            found += hit is not None
            if g.lat is None or g.lon is None or g.lat != g.lat:
                continue
            with_coords += 1
            if hit is not None and hit.lat is not None and hit.lon is not None:
                right += distance_km(hit.lat, hit.lon, g.lat, g.lon) <= KM
    return {"n": total, "recall": found / total, "acc161": right / with_coords,
            "precision": 1.0 - stray / placed if placed else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description="geoparsing evaluation")
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    parser.add_argument("--no-e2e", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not LGL.exists() or not GEOVIRUS.exists():
        print(f"geo_eval: {DATA / 'geoparsing'} is absent; skipped")
        return
    geo.resolve("warm up", [(0, 4)])
    rows = []
    for name, docs in (("LGL", read_lgl(LGL)), ("GeoVirus", read_geovirus(GEOVIRUS))):
        docs = docs[: args.limit] if args.limit else docs
        g = gold_regime(docs)
        e = None if args.no_e2e else e2e_regime(docs)
        rows.append((name, len(docs), g, e))
        print(name, len(docs), g, e, flush=True)
    if not args.no_write and not args.limit:
        write_section("geo", _markdown(rows))


def _markdown(rows: list[tuple[str, int, dict[str, float], dict[str, float] | None]]) -> str:
    lines = [
        "## geo: toponym resolution (issue 4)",
        "",
        "Data: LGL (Lieberman et al. 2010, US local news) and GeoVirus (Gritta et al. 2018, WikiNews, CC BY 2.5),",
        "from `../shared/data/geoparsing/`. Gold regime: gold spans given to `tocsin.geo.resolve`; end to end:",
        "`tocsin.geo.find_places` on the spaCy-parsed text. Accuracy within 161 km; unresolved or missed toponyms",
        "count as wrong. Targets: LGL gold ≥ 0.85 (Mordecai3: 0.827), GeoVirus gold ≥ 0.92, recall ≥ 0.80,",
        "≥ 1,000 toponyms/s.",
        "",
        "| corpus | articles | toponyms (coords) | gold acc@161 | median km | mean km | toponyms/s (1 core, CPU time) | e2e recall | e2e acc@161 | e2e precision |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, n, g, e in rows:
        rec = f"{e['recall']:.3f}" if e else "–"
        acc = f"{e['acc161']:.3f}" if e else "–"
        prec = f"{e['precision']:.3f}" if e else "–"
        lines.append(f"| {name} | {n} | {g['n']} | {g['acc161']:.3f} | {g['median_km']:.1f} | {g['mean_km']:.0f} "
                     f"| {g['per_s']:.0f} | {rec} | {acc} | {prec} |")
    lines += ["", "e2e precision: the share of the places found and given a point that overlap a gold toponym. Neither",
              "set annotates demonyms ('Malian'), which tocsin reads as their country (most of GeoVirus' remainder), and",
              "LGL annotates streets and buildings as whole names, so the figure is a lower bound; it was first measured",
              "this round, to weigh recall against places read where there is none (before this round's recognition",
              "changes: LGL 0.710, GeoVirus 0.748)."]
    lines += ["", "Share of toponyms read as a continent, country or first-level region whose point lies over 161 km",
              "from the gold point (most are the right area with another convention for its point): "
              + ", ".join(f"{name} {g['area_wrong']:.3f}" for name, _, g, _ in rows) + "."]
    lines += [
        "",
        "Changes in this round, for conflict reports, where a place read where there is none moves an alert to",
        "another country (spot checks on self-written wire dispatches: 'Boko Haram' read as Haram in Norway, the",
        "'Rapid Support Forces' as Rapid City, 'Gang members' as a village in the Philippines, 'Jan 5' as Dschang).",
        "Recognition: the bare surname of a person the article names in full ('Obama' after 'Barack Obama') is the",
        "person; a one-word name ending a longer name ('Boko Haram', where Boko is no town of note, or inside an",
        "organisation after a capitalised word) or beginning one ('Cite Soleil', 'the Baron Hotel', unless the next",
        "word is an office, an institution, a kind of place or a part word, or the name is a country, region, capital",
        "or a town of 20,000 by its own name) is no place; nor are initials ('U.N.'), currencies ('US$'), a month's",
        "short name before a day, or a common word opening the story after a wire dateline. 'The port city of",
        "Hodeidah' makes a name the gazetteer lacks a place, resolved by its spelling (Hodaidah). Resolution: a",
        "reading in another country than the one the text puts the place in ('the town of Rubaya in North Kivu',",
        "where the gazetteer knows only Rubaya in Uganda) is dropped. Effect (end to end; none of it fitted on",
        "these sets, which served for error analysis by category): precision LGL 0.710 to 0.807, GeoVirus 0.748 to",
        "0.790; recall LGL 0.896 to 0.866 and GeoVirus 0.975 to 0.971; e2e accuracy LGL 0.840 to 0.826, GeoVirus",
        "0.849 to 0.846; gold regime unchanged but for one LGL toponym. Most of LGL's lost recall is streets and",
        "buildings ('Main Street', 'Darby Street', 'Rodeo Gainesville') that used to be 'found' as a town of the",
        "name, mostly far away; the rest is names inside institutions, and readings that a surname's namesake town",
        "had pulled to the right state by chance. Gazetteer: a district whose source gives it the first-level code",
        "of a region it no longer lies in takes the code of the towns around its point, where they agree (4 of the",
        "5 nearest within 50 km, and the nearest town with the old code more than twice as far): 56 districts,",
        "among them Tillaberi (coded to Niamey, of which it was part until 1992, so that 'near Tillaberi' under a",
        "NIAMEY dateline landed in Niamey); a region or district named after its own town keeps its prior below the",
        "town's. Lakes and islands of the GeoNames dumps (529, 7 West African countries) are now minor features",
        "(precision 2, a small malus so that a village named like a pond stays the village); only the hand-written",
        "areas count as large well-known areas, and Lakes Kivu, Albert, Edward, Malawi, Turkana and Tana and",
        "Idjwi island joined that table. Neither set's figures changed with the data.",
        "",
        "What is behind, by category (gold regime). GeoVirus, 294 wrong toponyms: 211 are areas read",
        "right whose point follows another convention (countries, continents and world regions; see below); 44",
        "are left without a reading, nearly all features that no shipped source holds worldwide (military bases,",
        "city squares, lakes, islands, peninsulas, mountain ranges, suburbs outside the 36 countries: Fort Hood,",
        "Lake Titicaca, Jutland, Waiheke Island); the rest read some namesake, a region that GeoVirus places at its",
        "capital, or a small namesake over the famous city that a state named in the article pulls (Boston, New",
        "York). LGL, 495",
        "wrong: most gazetteer gaps are villages under cities500's 500 inhabitants, townships, neighbourhoods and",
        "rivers of the US, UK and Georgia, outside the shipped sources; about half the errors are ranking errors,",
        "most picking a namesake in the wrong country in local stories that name no other place (Athens, Dublin,",
        "Paris, London: the paper's home town, known only from its masthead).",
        "",
        "Previous round: gazetteer data from the shipped sources (first-level region names matched across",
        "GeoNames exports, 103 former regions, Who's On First neighbourhoods and airports, GeoNames bases, airfields",
        "and forests; GeoVirus gold 0.862 to 0.865); before it, list kind words, townships, regions giving way to",
        "bigger namesake towns and seas, places inside person and organisation entities, list peers, whole names",
        "before their parts (LGL gold 0.887 to 0.889, e2e 0.817 to 0.840; GeoVirus e2e 0.840 to 0.847).",
        "",
        "Earlier rounds added centre-of-area points for first-level regions, a hand-written table of 96 areas",
        "GeoNames cities lack (world regions, seas, disputed regions), area adjectives, bare county names, one sense",
        "per article, capitals over namesake regions, ISO codes as no names (LGL gold 0.846 to 0.879, GeoVirus 0.797",
        "to 0.849), then counties in offices, dateline capitals, region abbreviations, written-out abbreviations,",
        "parts and features of places, initialisms, list kinds and peers, alternate names as no evidence for",
        "themselves, sentence countries, capital cues and variant readings that must fit the article (LGL gold 0.879",
        "to 0.887, GeoVirus 0.849 to 0.862).",
        "",
        "Tried and left out: a district's first-level code from its single nearest town (158 districts changed,",
        "many wrongly near borders and on islands). A large city over a small namesake that a state named in the",
        "article pulls (Boston, New York): LGL names New York the state 21 times and never the city, so no such",
        "rule was kept. "
        "Country points at the centre of area of a country's home territory (parts more than",
        "300 km from it, like Alaska or French Guiana, left out). It is the point nearest, on average, to all of the",
        "country, but both sets give countries a conventional point, and accuracy fell on both (LGL 0.879 to 0.870,",
        "GeoVirus 0.849 to 0.841); the Factbook points stay. A country share over a 250-character window instead",
        "of the sentence: as good on GeoVirus, but it pulled foreign names into US local passages. An alternate",
        "name of a town counting for less where another town bears it as its own: 'St. Paul' is an alternate name",
        "of Saint Paul, and LGL fell; limited to towns smaller than the main-name one it gained one toponym, too",
        "little to keep.",
        "",
        "Country points, and why GeoVirus stays below its target. GeoVirus places a country at its Wikipedia",
        "article's coordinates (Wikidata P625): China 35N 103E, Australia 25S 133E, DR Congo 2.9S 23.7E, Sudan",
        "15N 32E, Russia 60N 90E. The gazetteer has the World Factbook's (35N 105E, 27S 133E, 0N 25E, 15N 30E, 60N",
        "100E), the convention LGL's GeoNames gold agrees with (0.8 % of LGL toponyms are areas read over 161 km",
        "from gold). 170 of GeoVirus' 2170 toponyms (7.8 %) are countries read right whose two points lie more",
        "than 161 km apart, and 39 more are continents and world regions (Europe, the Americas, the Middle East)",
        "with the same kind of difference. With every other error fixed GeoVirus would reach 0.922; with only",
        "these fixed, 0.94. The Factbook points stay, by design: a country-level event has no true point, and the",
        "product should give a country one stable point, the one that goes with the GeoNames id it reports and",
        "that GeoNames-based data (LGL, most gazetteers) use, whatever the source; Wikipedia's points are an",
        "editorial choice per article. No package in the PyPI or npm registries was found that ships Wikidata's",
        "country coordinates (the country tables with coordinates, such as world-countries, country-coords and",
        "countryinfo, carry the Factbook's), and taking GeoVirus' own points would fit the product to one dev",
        "set's annotation. The ranker is hand-set (population, feature class, country/region/sentence focus,",
        "nearness, parents, lists and their kind words, siblings, distance phrases).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
