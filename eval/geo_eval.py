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
    """Find places in parsed text; recall of gold spans and acc@161 counting misses as wrong."""
    from tocsin import nlp

    found = total = right = with_coords = 0
    for doc in docs:
        article = Article(id=article_id(doc.text), text=doc.text, language="en")
        places = geo.find_places(nlp.parse(doc.text), article)
        for g in doc.gold:
            total += 1
            hit = next((p for p in places if p.start < g.end and g.start < p.end), None)
            found += hit is not None
            if g.lat is None or g.lon is None or g.lat != g.lat:
                continue
            with_coords += 1
            if hit is not None and hit.lat is not None and hit.lon is not None:
                right += distance_km(hit.lat, hit.lon, g.lat, g.lon) <= KM
    return {"n": total, "recall": found / total, "acc161": right / with_coords}


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
        "| corpus | articles | toponyms (coords) | gold acc@161 | median km | mean km | toponyms/s (1 core, CPU time) | e2e recall | e2e acc@161 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, n, g, e in rows:
        rec = f"{e['recall']:.3f}" if e else "–"
        acc = f"{e['acc161']:.3f}" if e else "–"
        lines.append(f"| {name} | {n} | {g['n']} | {g['acc161']:.3f} | {g['median_km']:.1f} | {g['mean_km']:.0f} "
                     f"| {g['per_s']:.0f} | {rec} | {acc} |")
    lines += ["", "Share of toponyms read as a continent, country or first-level region whose point lies over 161 km",
              "from the gold point (most are the right area with another convention for its point): "
              + ", ".join(f"{name} {g['area_wrong']:.3f}" for name, _, g, _ in rows) + "."]
    lines += [
        "",
        "Changes in this round (all general, none fitted on these sets; the dev sets were used for error analysis",
        "by category only). Recognition: a county named in an office is a place ('the Lexington County Coroner's",
        "Office'); an area's adjective tagged as a people is one ('South Ossetian'); unambiguous region",
        "abbreviations stand alone ('NSW'); a name in capitals before a colon or dash is a dateline ('BEIRUT:');",
        "'EU' counts; titles and months written short ('Gov.', 'Jan.') and a people or faith that only a hamlet is",
        "named after ('Christians') are no places. Names: abbreviations written out ('St. Kitts and Nevis', 'Platte",
        "Co.'); a part of a place ('North Dallas', 'Greater Mumbai', 'Jammu and Kashmir') or a feature named after",
        "a town ('Swat Valley', 'Lake Hartwell', 'Kanawha River'; never a whole state) reads as that place; an",
        "initialism reads as the place the story names in full ('L.A.'); 'Central and South America'. Ranking: a",
        "list of peers is no parent ('Georgia, Oklahoma, Pennsylvania and Ohio' has no Oklahoma in Pennsylvania)",
        "and a name in a list of three or more takes its list's kind ('Utah, Washington and Wyoming': the state);",
        "a place reached by an alternate name is no evidence for itself (Mecca and Medina both read as the Medina",
        "in Ohio that has Mecca for an alternate name); the countries of the other places in a mention's sentence",
        "count besides the article's ('In Chile, the ministry in Santiago'); a region named like its own country",
        "gives way to the country (Taiwan); 'the capital, Islamabad' picks the capital over namesake villages of",
        "the region the story names; a reading found only as a spelling variant or a part of the name must",
        "fit the article (its country and, for a town, its region or 300 km), else the name stays unresolved: no",
        "place beats a wrong one (a Kenyan village was read as a town in Ivory Coast). Data: countryinfo gives",
        "Myanmar its capital's point, so a country point equal to its capital's gives way to Who's On First's",
        "label point. Before this round: LGL gold 0.879, e2e recall 0.857, e2e 0.782; GeoVirus gold 0.849, e2e",
        "recall 0.965, e2e 0.827.",
        "",
        "An earlier round added centre-of-area points for first-level regions, a hand-written table of 96 areas",
        "GeoNames cities lack (world regions, seas, disputed regions), area adjectives ('Transnistrian'), bare",
        "county names, one sense per article, capitals over namesake regions and ISO codes as no names (LGL gold",
        "0.846 to 0.879, GeoVirus 0.797 to 0.849).",
        "",
        "Tried and left out: country points at the centre of area of a country's home territory (parts more than",
        "300 km from it, like Alaska or French Guiana, left out). It is the point nearest, on average, to all of the",
        "country, but both sets give countries a conventional point, and accuracy fell on both (LGL 0.879 to 0.870,",
        "GeoVirus 0.849 to 0.841); the Factbook points stay. A country share over a 250-character window instead",
        "of the sentence: as good on GeoVirus, but it pulled foreign names into US local passages.",
        "",
        "Country points, and why GeoVirus stays below its target. GeoVirus places a country at its Wikipedia",
        "article's coordinates (Wikidata P625): China 35N 103E, Australia 25S 133E, DR Congo 2.9S 23.7E, Sudan",
        "15N 32E, Russia 60N 90E. The gazetteer has the World Factbook's (35N 105E, 27S 133E, 0N 25E, 15N 30E, 60N",
        "100E), the convention LGL's GeoNames gold agrees with (0.8 % of LGL toponyms are areas read over 161 km",
        "from gold). 171 of GeoVirus' 2170 toponyms (7.9 %) are countries read right whose two points lie more",
        "than 161 km apart, and 40 more are continents and world regions (Europe, the Americas, the Middle East)",
        "with the same kind of difference. With every other error fixed GeoVirus would reach 0.921; with only",
        "these fixed, 0.94. The Factbook points stay, by design: a country-level event has no true point, and the",
        "product should give a country one stable point, the one that goes with the GeoNames id it reports and",
        "that GeoNames-based data (LGL, most gazetteers) use, whatever the source; Wikipedia's points are an",
        "editorial choice per article. No package in the PyPI or npm registries was found that ships Wikidata's",
        "country coordinates (the country tables with coordinates, such as world-countries, country-coords and",
        "countryinfo, carry the Factbook's), and taking GeoVirus' own points would fit the product to one dev",
        "set's annotation. Other causes of error: names the gazetteer lacks (military bases, neighbourhoods,",
        "townships, islands, lakes, rivers without a namesake town); same-name places in local news with no",
        "context in the text (Dublin, Athens, London: the paper's home town, known only from its masthead);",
        "first-level regions that GeoVirus places at their capital (Maharashtra at Mumbai). The ranker is hand-set",
        "(population, feature class, country/region/sentence focus, nearness, parents, lists, siblings, distance",
        "phrases).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
