"""Abbreviations of first-level regions: US states in AP style ("Dalton, Ga."), Australian states ("NSW") and
Canadian provinces ("B.C."), each read as (country, GeoNames admin1 code)."""

from __future__ import annotations

__all__ = ["AP_STATES", "REGION_ABBREVIATIONS", "STANDALONE_ABBREVIATIONS"]

# AP-style US state abbreviations, as in "Dalton, Ga." (a parent that is not itself a gazetteer name).
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY", "La.": "LA",
    "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}

# Abbreviations that are not also common words or other places' names ("WA", "SA", "Man." are left out).
_OTHER = {
    "NSW": ("AU", "02"), "N.S.W.": ("AU", "02"), "Qld": ("AU", "04"), "Qld.": ("AU", "04"), "Vic.": ("AU", "07"),
    "Tas.": ("AU", "06"),
    "B.C.": ("CA", "02"), "Ont.": ("CA", "08"), "Que.": ("CA", "10"), "Alta.": ("CA", "01"), "Sask.": ("CA", "11"),
    "N.S.": ("CA", "07"), "N.B.": ("CA", "04"), "Nfld.": ("CA", "05"), "P.E.I.": ("CA", "09"),
}
REGION_ABBREVIATIONS: dict[str, tuple[str, str]] = {**{k: ("US", v) for k, v in AP_STATES.items()}, **_OTHER}
# Abbreviations that name their region wherever they stand ("bushfires in NSW"); the others are read only after a
# comma ("Sydney, N.S.W."), or as a US state's dotted initials ("B.C." is also a year's era).
STANDALONE_ABBREVIATIONS = frozenset({"NSW", "N.S.W.", "Qld", "Qld."})
