"""``python -m tocsin.geo``: build the gazetteer index ahead of time (``make setup`` runs it once per machine)."""

from __future__ import annotations

import logging

from tocsin.geo.gazetteer import ensure_index

logging.basicConfig(level=logging.INFO, format="%(message)s")
logging.getLogger(__name__).info("gazetteer index ready: %s", ensure_index())
