"""Tests for process.py's model tag: what a stored analysis was made with, so reprocessing knows what is stale."""

from __future__ import annotations

import pytest

from tocsin import process


def test_model_tag_names_the_rules_and_data_not_only_the_version() -> None:
    digest = process._analysis_digest()
    assert len(digest) == 10 and digest == process._analysis_digest()  # stable within one installation
    assert process.MODEL_TAG.endswith(f"+{digest}")


def test_model_tag_digest_covers_the_extraction_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    full = process._analysis_digest()
    monkeypatch.setattr(process, "_ANALYSIS_SOURCES", ("pipeline.py", "taxonomy.py", "geo"))
    assert process._analysis_digest() != full  # leaving out extract/ changes the tag: its rules are hashed
