"""tocsin: news reports to verified, geolocated security events, merged across reports, and alerts."""

from tocsin.model import Analysis, Article, Claim, Event, Evidence, Flag, Place, Rejection, TextSpan, TimeExpr

__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "Event",
    "Evidence",
    "Flag",
    "Place",
    "Rejection",
    "TextSpan",
    "TimeExpr",
    "__version__",
]

__version__ = "0.1.0"
