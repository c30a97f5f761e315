"""Writes one evaluation's section of docs/quality.md, leaving the other sections as they are."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

__all__ = ["DATA", "QUALITY", "publish", "write_section"]

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
QUALITY = ROOT / "docs" / "quality.md"
_HEADER = (
    "# Quality\n\n"
    "Every figure on this page is written by a script in `eval/` run on externally annotated data in\n"
    "`../shared/data/` (never used for training). Rerun with `make eval`; each script rewrites only its section.\n"
)


def write_section(name: str, markdown: str) -> None:
    """Replace (or append) the section called ``name`` in docs/quality.md with ``markdown``."""
    QUALITY.parent.mkdir(parents=True, exist_ok=True)
    text = QUALITY.read_text(encoding="utf-8") if QUALITY.exists() else _HEADER
    stamp = dt.date.today().isoformat()
    block = f"<!-- BEGIN {name} -->\n{markdown.rstrip()}\n\n_Measured {stamp} by `eval/`._\n<!-- END {name} -->"
    pattern = re.compile(rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    QUALITY.write_text(text, encoding="utf-8")


def publish(name: str, markdown: str, *, write: bool, errors: Iterable[str] = (), errors_path: Path | None = None) -> None:
    """Print an evaluation's section, write its error list where one was asked for, and the section when ``write``.

    ``write`` is for whole runs only: a run over part of the data (``--limit``, one split) prints its figures but
    leaves the page as the last whole run wrote it.
    """
    print(markdown)
    if errors_path is not None:
        errors_path.write_text("\n".join(errors) + "\n", encoding="utf-8")
    if write:
        write_section(name, markdown)
