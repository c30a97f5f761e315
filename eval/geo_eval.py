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
from tocsin.geo.rank import distance_km  # noqa: E402
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
        "Changes in this round (all general, none fitted on these sets): the gazetteer keeps one synthesized",
        "county per US state (same-name counties were merged, so 19 of 20 Madison Counties were missing);",
        "first-level regions also go by their bare name (Anhui for Anhui Sheng), countries without a leading",
        "'The' (Netherlands), and England, Scotland and Wales are regions, no longer names of the UK; region",
        "abbreviations beside AP states (NSW, B.C., Ont.). The ranker rescores mentions one at a time (two names",
        "no longer see-saw between each other's previous readings); rewards readings in a region where other",
        "names of the article could also lie (Columbus, Platte County and Norfolk together mean Nebraska); gives",
        "a parent bonus to a town whose county the article names; reads a name among a country's regions as one",
        "more region (Georgia among Alabama and Texas); and lets a region keep its name unless a main-named town",
        "of 10,000+ people shares it. Before: LGL gold 0.775, GeoVirus gold 0.786.",
        "",
        "Still behind target where the figures above are below it. Causes seen in the errors: GeoVirus takes",
        "Wikipedia's point for a country or region (China 35N 103E, Queensland 23S 143E) where the gazetteer has",
        "GeoNames' or the Factbook's (35N 105E), and large areas fall outside 161 km (see the share above);",
        "first-level regions outside the US and the 36 WOF countries have no GeoNames point and get the centre of",
        "their towns' extent (Ontario 46N, GeoNames 49N); names the gazetteer lacks (rivers, lakes, townships,",
        "Darfur, South Ossetia, world regions such as the Middle East, the EU); same-name places in local news",
        "with no context in the text (Paris, Dublin, Athens: the paper's home town). The ranker is hand-set",
        "(population, feature class, country/region focus, nearness, parents, siblings, distance phrases).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
