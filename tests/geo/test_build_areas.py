"""Tests for the area points that scripts/build_gazetteer.py computes (centre of area, Voronoi regions)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_raster_fills_a_square_with_a_hole(build: ModuleType) -> None:
    outer = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    hole = [(0.5, 0.5), (1.5, 0.5), (1.5, 1.5), (0.5, 1.5), (0.5, 0.5)]
    assert len(build.raster([outer], 0.25)) == 64
    assert len(build.raster([outer, hole], 0.25)) == 64 - 16


def test_build_centre_of_area_across_the_antimeridian(build: ModuleType) -> None:
    cells = np.array([(-17.0, 179.5), (-17.0, -179.5), (-18.0, 179.5), (-18.0, -179.5)])
    lat, lon = build.centre_of_area(cells)
    assert lat == pytest.approx(-17.5, abs=0.01) and abs(lon) > 179.9


def test_build_home_territory_leaves_out_far_parts(build: ModuleType) -> None:
    def square(x: float, y: float, size: float) -> list[list[tuple[float, float]]]:
        return [[(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]]

    mainland, island, overseas = square(0, 40, 10), square(10.5, 40, 1), square(60, 10, 2)
    home, land = build.home_cells([mainland, island, overseas], 0.5)
    assert len(land) == len(home) + 16  # the overseas part counts as land, not as home
    assert home[:, 1].max() < 12


def test_build_voronoi_gives_empty_land_to_the_nearest_region(build: ModuleType) -> None:
    # A region whose towns crowd in its south still owns the empty north nearer to it than to the other region.
    cells = np.array([(lat + 0.5, lon + 0.5) for lat in range(10) for lon in range(10)], dtype=float)
    towns = [(0.5, 1.0, "A"), (1.0, 2.0, "A"), (0.5, 8.0, "B")]
    regions = build.voronoi_regions(cells, towns)
    lat, _ = build.centre_of_area(regions["A"])
    assert set(regions) == {"A", "B"} and lat > 4


def test_build_a_town_coded_to_a_far_region_is_left_out(build: ModuleType) -> None:
    towns = [(40.0 + k * 0.1, 116.0, "10") for k in range(10)] + [(31.0, 94.0, "10")]
    towns += [(31.0 + k * 0.1, 92.0, "14") for k in range(10)]
    assert build._strays(towns) == {10}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"latlng": [20.0, 96.0], "capital_latlng": [20.0, 96.0], "area": 600_000}, None),
        ({"latlng": [22.0, 98.0], "capital_latlng": [20.0, 96.0], "area": 600_000}, (22.0, 98.0)),
        ({"latlng": [1.3, 103.8], "capital_latlng": [1.3, 103.8], "area": 700}, (1.3, 103.8)),
    ],
    ids=["capital-given-for-country", "centre", "city-state"],
)
def test_build_country_point_is_not_its_capitals(build: ModuleType, data: dict[str, object],
                                                 expected: tuple[float, float] | None) -> None:
    assert build._factbook_point(data) == expected


def test_build_former_region_gets_its_own_point_and_its_successors_code(build: ModuleType) -> None:
    builder = build.Builder()
    builder.add(-1, {"name": "Upland", "fcode": "ADM1", "cc": "XX", "admin1": "07", "admin2": "", "lat": 10.0,
                     "lon": 10.0, "pop": 0}, ["Upland Province"], 0)
    towns = [(20.0, 30.0, 0), (20.5, 30.5, 0), (21.0, 31.0, 0)]
    builder.former = [("XX", "07", "Old Marsh", towns), ("XX", "07", "Upland Province", towns),
                      ("XX", "07", "East", towns), ("XX", "07", "Two Towns", towns[:2])]
    build.add_former_regions(builder)
    new = [p for pid, p in builder.places.items() if pid != -1]
    assert [(p["name"], p["admin1"], p["fcode"]) for p in new] == [("Old Marsh", "07", "ADM1")]
    assert (new[0]["lat"], new[0]["lon"]) == (20.5, 30.5)


def _region_index(build: ModuleType) -> dict[str, object]:
    # Region "09" has towns all along latitude 14; region "08" only a capital at its south-east corner.
    towns = [(14.0 + 0.1 * (k % 3), 0.5 + 0.25 * k, "09") for k in range(8)] + [(13.5, 2.1, "08")]
    return build.region_index({"XX": towns})  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("point", "code", "expected"),
    [((14.3, 1.2), "08", "09"), ((13.6, 2.0), "08", "08"), ((14.3, 1.2), "07", "07"), ((19.0, 1.2), "08", "08")],
    ids=["outdated-code", "near-its-own-region", "code-no-town-has", "too-far-from-any-town"],
)
def test_build_area_takes_the_region_it_lies_in(build: ModuleType, point: tuple[float, float], code: str,
                                                expected: str) -> None:
    assert build.region_of_point(_region_index(build), "XX", *point, code) == expected


def test_build_towns_with_an_outdated_code_make_no_second_district(build: ModuleType) -> None:
    builder = build.Builder()
    builder.add(1, {"name": "Riverside", "fcode": "ADM2", "cc": "XX", "admin1": "09", "admin2": "", "lat": 14.3,
                    "lon": 1.2, "pop": 0}, [], 0)
    for k, (lat, lon, code) in enumerate([(14.2, 1.3, "08"), (14.1, 1.1, "08"), (14.25, 1.2, "09")]):
        builder.add(10 + k, {"name": f"Village {k}", "fcode": "PPL", "cc": "XX", "admin1": code,
                             "admin2": "Riverside", "lat": lat, "lon": lon, "pop": 0}, [], 0)
    build.synthesize_admin(builder, _region_index(build))
    districts = [p for p in builder.places.values() if p["fcode"] == "ADM2"]
    assert [(p["name"], p["admin1"]) for p in districts] == [("Riverside", "09")]


def test_build_district_with_an_outdated_code_is_corrected(build: ModuleType) -> None:
    builder = build.Builder()
    builder.add(1, {"name": "Riverside Department", "fcode": "ADM2", "cc": "XX", "admin1": "08", "admin2": "",
                    "lat": 14.3, "lon": 1.2, "pop": 0}, [], 0)
    builder.add(2, {"name": "Capital District", "fcode": "ADM2", "cc": "XX", "admin1": "08", "admin2": "",
                    "lat": 13.55, "lon": 2.05, "pop": 0}, [], 0)
    build.correct_area_admin1(builder, _region_index(build))
    assert [builder.places[k]["admin1"] for k in (1, 2)] == ["09", "08"]
