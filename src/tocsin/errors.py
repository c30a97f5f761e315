"""The exception tree and the catalogue of coded messages.

::

    TocsinError                 every error tocsin raises
    ├── InputRejected           an input that cannot be read (E1xx); recorded as a rejection
    ├── GeoError                gazetteer or place resolution (E2xx)
    ├── TaxonomyError           a code outside the closed vocabularies (E3xx)
    ├── StoreError              the database (E4xx)
    ├── DeliveryError           alert delivery (E5xx)
    └── ConfigError             settings and set-up (E6xx)

Every message starts with its code in brackets (``[E101] ...``), names the input and says how to fix it, so a
stored rejection can be queried by code.
"""

from __future__ import annotations

import re

__all__ = [
    "ConfigError",
    "DeliveryError",
    "GeoError",
    "InputRejected",
    "StoreError",
    "TaxonomyError",
    "TocsinError",
    "error_code",
]

_CODE = re.compile(r"^\[(E\d{3})\]")


class TocsinError(Exception):
    """Base class of every error tocsin raises; ``exit_code`` is what the CLI exits with."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    @property
    def code(self) -> str:
        """The catalogue code (``E101``) at the start of the message, or ``E000`` when there is none."""
        return error_code(self.message)


class InputRejected(TocsinError):
    """An input that cannot be read: empty, binary, too large, badly encoded, malformed or not English."""


class GeoError(TocsinError):
    """The gazetteer is missing or broken, or a place cannot be resolved."""


class TaxonomyError(TocsinError, ValueError):
    """A value outside one of the closed vocabularies in ``taxonomy.py``."""


class StoreError(TocsinError):
    """The database cannot be opened, migrated or written."""


class DeliveryError(TocsinError):
    """An alert could not be delivered (the outbox retries it)."""


class ConfigError(TocsinError):
    """A setting is missing or wrong."""


def error_code(message: str) -> str:
    """Return the ``E123`` code at the start of ``message``, or ``E000``.

    >>> error_code("[E101] empty input")
    'E101'
    """
    match = _CODE.match(message)
    return match.group(1) if match else "E000"
