"""Readers: datelines, dates, idempotent ids, HTML, JSON Lines, feeds, folders, and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tocsin.errors import InputRejected
from tocsin.ingest import read_bytes, read_html, read_jsonl, read_path, read_text
from tocsin.ingest.dateline import parse_dateline
from tocsin.model import Article, Rejection

ENGLISH = ("Police said two people were killed when gunmen attacked a bus near the town on Monday, and the army "
           "sent troops to the area after the attack.")


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        ("BAMAKO (Reuters) \u2013 Gunfire was heard", "BAMAKO", "Reuters"),
        ("PORT-AU-PRINCE, Haiti (AP) \u2014 Gangs", "PORT-AU-PRINCE", "AP"),
        ("N'DJAMENA, Aug 18 (AFP) - Troops", "N'DJAMENA", "AFP"),
        ("KATI, Mali -- Soldiers", "KATI", None),
        ("HARARE, June 2, 2025 (Xinhua) -- Vendors", "HARARE", "Xinhua"),
        ("DURBAN, May 5, 2026 - Hundreds", "DURBAN", None),
    ],
    ids=["reuters", "ap-with-country", "afp-with-date", "no-outlet", "date-with-year", "date-with-year-no-outlet"],
)
def test_dateline_parses_place_and_outlet(text: str, place: str, outlet: str | None) -> None:
    dateline = parse_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.outlet) == (place, outlet)
    assert text[dateline.start:dateline.end] == place


def test_dateline_absent_in_plain_prose() -> None:
    assert parse_dateline("Police said two people were killed.") is None


def test_ingest_seed_reads_dateline_and_keeps_text(seed_text: str) -> None:
    article = read_text(seed_text, source="seed")
    assert article.text == seed_text
    assert (article.dateline, article.outlet) == ("BAMAKO", "Reuters")
    assert seed_text[article.dateline_start:article.dateline_end] == "BAMAKO"  # type: ignore[misc]


def test_ingest_without_date_is_never_today(seed_text: str) -> None:
    article = read_text(seed_text, source="seed")
    assert article.published is None and article.published_source == "unknown"


def test_ingest_given_date_is_recorded_as_given(seed_article: Article) -> None:
    assert (seed_article.published, seed_article.published_source) == ("2020-08-18", "given")


def test_ingest_bad_date_is_rejected_with_code() -> None:
    with pytest.raises(InputRejected) as info:
        read_text(ENGLISH, published="18/08/2020")
    assert info.value.code == "E110"


def test_ingest_same_text_twice_has_one_id() -> None:
    assert read_text(ENGLISH).id == read_text(ENGLISH + "\n").id


def _only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("fixture", "code"),
    [("empty_file", "E101"), ("binary_file", "E103"), ("latin1_file", "E104"), ("french_file", "E105")],
    ids=["empty", "binary", "invalid-utf8", "not-english"],
)
def test_ingest_bad_file_is_rejected_with_reason(fixture: str, code: str, request: pytest.FixtureRequest) -> None:
    path: Path = request.getfixturevalue(fixture)
    rejection = _only(list(read_path(path)))
    assert isinstance(rejection, Rejection)
    assert rejection.code == code and str(path) in rejection.message


def test_ingest_huge_file_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    rejection = _only(list(read_path(path)))
    assert isinstance(rejection, Rejection) and rejection.code == "E102"


def test_ingest_folder_reads_good_files_and_records_bad(tmp_path: Path, empty_file: Path) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    items = list(read_path(tmp_path))
    assert sorted(type(i).__name__ for i in items) == ["Article", "Rejection"]


def test_ingest_html_extracts_main_text_and_drops_script() -> None:
    html = (f"<html><head><title>Bus attack</title><meta property='article:published_time' "
            f"content='2021-03-01'><script>alert(1)</script></head><body><nav>Home | World</nav>"
            f"<article><h1>Bus attack</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>")
    article = read_html(html, source="page.html")
    assert "gunmen attacked a bus" in article.text and "alert(1)" not in article.text
    assert article.published == "2021-03-01" and article.published_source == "metadata"


def test_ingest_malformed_html_without_text_is_rejected() -> None:
    items = list(read_bytes(b"<html><body><div><<<</div></body>", source="bad.html", kind="html"))
    rejection = _only(items)  # type: ignore[arg-type]
    assert isinstance(rejection, Rejection) and rejection.code in {"E101", "E106"}


def test_ingest_jsonl_keeps_order_ids_and_rejects_bad_lines() -> None:
    lines = [json.dumps({"id": "a", "text": ENGLISH, "published": "2020-01-02"}), "{oops",
             json.dumps({"id": "c", "title": "no text"})]
    results = list(read_jsonl(lines, source="in.jsonl"))
    assert [rid for _, rid in results] == ["a", None, "c"]
    assert isinstance(results[0][0], Article) and results[0][0].published == "2020-01-02"
    assert [r.code for r, _ in results[1:]] == ["E107", "E107"]  # type: ignore[union-attr]


RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Attack</title><link>https://example.org/a</link><pubDate>Tue, 18 Aug 2020 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{ENGLISH}&lt;/p&gt;</description></item></channel></rss>""".encode()


def test_ingest_feed_entry_becomes_article() -> None:
    article = _only(list(read_bytes(RSS, source="feed.xml")))
    assert isinstance(article, Article)
    assert (article.url, article.published, article.outlet) == ("https://example.org/a", "2020-08-18", "Wire")
    assert "<p>" not in article.text


def test_ingest_malformed_feed_is_rejected() -> None:
    rejection = _only(list(read_bytes(b"<?xml version='1.0'?><rss><channel><item>", source="f.xml", kind="feed")))
    assert isinstance(rejection, Rejection) and rejection.code == "E108"
