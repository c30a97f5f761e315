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
        "by category only; before: LGL gold 0.887, e2e recall 0.882, e2e 0.817; GeoVirus gold 0.862, e2e recall",
        "0.970, e2e 0.840). Ranking: a plural kind word before or after a list names the kind of each of its names",
        "('Floyd, Carroll and Pulaski counties', 'the provinces of Kandahar and Kunduz', 'the communities of Santa",
        "Rosa, La Paz and Trinidad'; not 'departments', which are as often a town's fire departments); a township",
        "the gazetteer lacks reads as its namesake town if that fits the article ('Sycamore Twp., Ohio'); a",
        "first-level region gives way to a bigger town of its name anywhere (the parish of Charlotte in Saint",
        "Vincent to Charlotte, North Carolina; a Philippine region reached by an alternate name to a capital of",
        "that name) and to a sea or lake of its name (Red Sea State). Recognition (end to end): a county, or a town",
        "before one of its offices or its people, stays a place inside a person or organisation entity ('according",
        "to Bexar County Sheriff Tom Ruiz', 'Early Tuesday Medford Police', 'a Lufkin woman', 'Mary Cole, of",
        "Waycross,'); the names of a list that 'counties' ends ('Pike, Lamar and Ralls counties'); a name the filter",
        "dropped comes back in a list with a name the parser tags as a place ('Gilmer and Kilgore'; not a person's",
        "first name, and after a lone comma only where the list goes on); whole names before their parts ('Cote",
        "d'Ivoire', 'St. Kitts and Nevis', 'Sri Lankan', not 'Sri'); a feature word alone ('Reservoir' of 'the Oak",
        "Ridge Reservoir') is no place; 'island of' is a cue; a lawmaker's home after 'D-' is a place. Names:",
        "letters that Unicode does not decompose (Ø, Ł, Æ, ß, Đ, Þ) fold to ASCII letters instead of vanishing",
        "('Østfold' was 'stfold'; gazetteer index schema 7). Located places that overlap no gold toponym went from",
        "29.0 % to 28.9 % of all located places on LGL (the new recognition rules are guarded against common words",
        "and people's names). Code: the ranker's sentence peers use `nlp.sentence_spans`, the splitter the time",
        "extractor uses, so 'St. Louis' or 'Gov.' ends no sentence (no change in these figures).",
        "",
        "What is behind, by category (gold regime). GeoVirus, 300 wrong toponyms: 209 are areas read right whose",
        "point follows another convention (170 countries, 39 continents and world regions; see below); 77 are names",
        "the gazetteer lacks or holds at another point (33 with no candidate: military bases, city squares,",
        "lakes, islands, Norwegian counties merged in 2020 and Vietnamese provinces missing from the",
        "first-level table; 14 left unresolved for want of a fitting reading; 30 read as some namesake or a region",
        "that GeoVirus places at its capital); 13 are ranking errors where the right reading was a candidate (a",
        "state named in the article pulls a small namesake over the famous city: Boston, New York). LGL, 510",
        "wrong: 240 are gazetteer gaps (neighbourhoods, townships, rivers, small villages) and 238 ranking errors,",
        "of which 103 pick a namesake in the wrong country, nearly all in local stories that name no other place",
        "(Athens, Dublin, Paris, London: the paper's home town, known only from its masthead).",
        "",
        "Earlier rounds added centre-of-area points for first-level regions, a hand-written table of 96 areas",
        "GeoNames cities lack (world regions, seas, disputed regions), area adjectives, bare county names, one sense",
        "per article, capitals over namesake regions, ISO codes as no names (LGL gold 0.846 to 0.879, GeoVirus 0.797",
        "to 0.849), then counties in offices, dateline capitals, region abbreviations, written-out abbreviations,",
        "parts and features of places, initialisms, list kinds and peers, alternate names as no evidence for",
        "themselves, sentence countries, capital cues and variant readings that must fit the article (LGL gold 0.879",
        "to 0.887, GeoVirus 0.849 to 0.862).",
        "",
        "Tried and left out: country points at the centre of area of a country's home territory (parts more than",
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
