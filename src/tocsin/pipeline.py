"""The analysis flow for one article and for a stream: language pipeline, then each extraction stage in turn.

Each stage is a plain function over plain data (see DESIGN.md); this module only wires them in order, so any
stage can be run, tested and timed alone. The same generator serves the CLI, the server and the batch path.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from tocsin import geo, nlp, resolve
from tocsin.extract import certainty, checks, claims, events, time
from tocsin.model import Analysis, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["analyze", "analyze_doc", "analyze_stream"]

_C = TypeVar("_C")
logger = logging.getLogger(__name__)


def analyze(article: Article) -> Analysis:
    """Read one article end to end and return everything found in it."""
    return analyze_doc(nlp.parse(article.text), article)


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """Run every extraction stage over an already annotated document."""
    article = time.infer_published(article)
    found_times = time.find_times(doc, article)
    places = geo.find_places(doc, article)
    found_claims = claims.find_claims(doc, article)
    mentions = events.find_events(doc, article, places=places, times=found_times, claims=found_claims)
    mentions = time.date_events(mentions, doc, article, found_times)
    mentions = geo.locate_events(mentions, doc, article, places)
    mentions = certainty.assess_certainty(mentions, found_claims, article)
    found_events = resolve.merge_mentions(mentions)
    flags = checks.find_flags(doc, article, places=places, times=found_times, events=found_events)
    return Analysis(
        article=article,
        places=tuple(places),
        times=tuple(found_times),
        claims=tuple(found_claims),
        events=tuple(found_events),
        flags=tuple(flags),
    )


def analyze_stream(items: Iterable[tuple[Article, _C]], *, batch_size: int = 16) -> Iterator[tuple[Analysis, _C]]:
    """Analyse a stream of ``(article, context)`` pairs, yielding ``(analysis, context)`` in input order."""
    pairs = ((article.text, (article, context)) for article, context in items)
    for doc, (article, context) in nlp.pipe(pairs, batch_size=batch_size):
        yield analyze_doc(doc, article), context
