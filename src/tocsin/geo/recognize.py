"""Toponym recognition: gazetteer matches, named entities, cue words and the dateline, minus accidental places.

The small English model tags many African towns as people (Bamako as PERSON), so recognition starts from the
gazetteer: the longest run of capitalised tokens whose folded name is a known place. Named entities (GPE, LOC,
FAC) add names the gazetteer spells differently, and so do words that call a name a place ("the port city of
Hodeidah"). A filter drops names that are places only by accident: common words capitalised at the start of a
sentence or of the story after its dateline, months, titles, initials and currencies, parts of a person's name and
the bare surname of a person named in full, and small places at either end of a longer name ("Boko Haram", "Cite
Soleil"). A county, or a town
before one of its offices or its people ("Medford Police", "a Lufkin woman"), stays a place when the parser puts it inside a person's or an
organisation's name, and a name the filter dropped comes back when it stands in a list with a place ("Gilmer and
Kilgore").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from tocsin.geo.gazetteer import Gazetteer
from tocsin.geo.names import adjective_bases, expanded, fold, is_part_word
from tocsin.geo.states import AP_STATES, REGION_ABBREVIATIONS, STANDALONE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CUE_WORDS", "LIST_GAP", "Mention", "find_mentions"]

MAX_TOKENS = 5
CUE_WORDS = frozenset({
    "in", "near", "outside", "at", "from", "to", "into", "across", "around", "towards", "toward", "of", "between",
    "district", "region", "province", "town", "village", "city", "county", "state", "capital", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "via", "through", "nearby",
})
STRONG_CUES = frozenset({"in", "near", "outside", "town", "village", "city", "district", "region", "province",
                         "capital", "county", "into", "across", "around", "towards", "toward", "island"})
CONNECTORS = frozenset({"of", "de", "du", "des", "la", "le", "al", "el", "upon", "on", "the", "and", "-", "'s"})
TITLES = frozenset({"mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "president", "judge",
                    "mayor", "minister", "prof", "rev", "capt", "cpl", "pvt", "maj", "officer", "coach", "sheriff",
                    "deputy", "chief", "saint", "st", "lord", "sir", "king", "queen", "prince", "pope"})
MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
# Offices of a town or county written after its name ("Medford Police", "Tulsa Fire Chief", "the Tyler
# City Council"): the name is the place they serve, whatever entity the parser makes of the whole.
OFFICE_WORDS = frozenset({"police", "fire", "sheriff", "sheriff's", "sheriff’s", "mayor", "council", "selectmen",
                          "aldermen", "township", "borough", "firefighters", "firefighter", "detectives"})
# Capitalised words that name a place somewhere but almost never do in English news.
# Months and weekdays: capitalised, and the names of some hamlet or other.
_CALENDAR = """
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday
""".split()
NOT_PLACES = frozenset(_CALENDAR + """
today tomorrow yesterday god christ christmas easter police army court government
president minister mayor congress senate parliament university college school hospital church center centre union
security justice liberty independence mission office department ministry national republic republican democrat
democratic party news reuters associated press media council committee commission agency company bank city county
state district street road avenue north south east west central northern southern eastern western the a an this that
these those he she it they we you i his her its their our my your mr mrs ms dr st new old great little big
health police fire water power energy victory hope unity freedom peace love faith grace joy paradise eden wednesday
people man woman men women officials official sources source spokesman military troops soldiers forces
""".split())
# Capitalised words that begin sentences or titles more often than they name a town's office.
GENERIC_WORDS = frozenset({"town", "area", "one", "no", "some", "both", "but", "young", "all", "two", "many", "most",
                           "other", "local", "as", "still", "chief", "press", "deputy", "assistant", "federation"})
# The first word of an institution named after the town it serves ("Litchfield Superior Court", "St. Cloud
# Hospital", "Shelbyville Recreation Center"): the town is where it is, unlike "Cite Soleil" or "Rapid Support".
INSTITUTION_WORDS = frozenset({"court", "superior", "circuit", "municipal", "hospital", "medical", "memorial",
                               "clinic", "church", "christian", "baptist", "methodist", "catholic", "school", "schools",
                               "high", "middle", "elementary", "college", "university", "academy", "library",
                               "museum", "center", "centre", "recreation", "community", "public", "volunteer",
                               "regional", "airport", "station", "prison", "jail", "market", "chamber"})
# The people of a town, after its name ("a Lufkin woman", "Chester firefighters").
RESIDENT_WORDS = frozenset({"man", "woman", "men", "women", "resident", "residents", "native", "teen", "teenager",
                            "boy", "girl", "couple"})
# Weekdays, months and articles: before a capitalised name they end no longer name ("Early Tuesday Medford Police").
CALENDAR_WORDS = frozenset([*_CALENDAR, "a", "an", "the"])
# Words for a kind of natural or built feature, which alone name a place only by accident: "Lake" in "Lake
# Hartwell", "Reservoir" in "the Oak Ridge Reservoir".
FEATURE_WORDS = frozenset({"lake", "lakes", "river", "reservoir", "bay", "island", "islands", "valley", "creek",
                           "mountain", "mount", "park", "beach", "harbor", "harbour", "canyon", "falls", "springs",
                           "forest", "hill", "hills", "point", "rock", "sound", "gulf", "sea", "ocean"})
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.\-]*")


@dataclasses.dataclass(frozen=True, slots=True)
class Mention:
    """A candidate toponym: its span, folded key, and the signals that found it."""

    start: int
    end: int
    text: str
    key: str
    ner: str | None = None
    cue: bool = False
    dateline: bool = False
    in_gazetteer: bool = True


@dataclasses.dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    ent: str
    ent_start: int
    ent_end: int
    pos: str
    sent_start: bool


def _tokens(doc: Doc) -> list[_Tok]:
    bounds: dict[int, tuple[int, int]] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            bounds[k] = (ent.start_char, ent.end_char)
    return [_tok(t, bounds.get(t.i, (t.idx, t.idx + len(t)))) for t in doc]


def _tok(t: Token, bounds: tuple[int, int]) -> _Tok:
    return _Tok(t.text, t.idx, t.idx + len(t), t.ent_type_ or "", bounds[0], bounds[1], t.pos_, bool(t.is_sent_start))


def _capitalised(text: str) -> bool:
    """Capitalised, or a capitalised word after an elided article ("d'Ivoire" in "Côte d'Ivoire")."""
    return text[:1].isupper() or bool(_ELIDED.match(text))


_ELIDED = re.compile(r"[dl]['’][A-ZÀ-Þ]")


@dataclasses.dataclass(frozen=True, slots=True)
class _Words:
    """What the whole article says about its words: those it writes in lower case ("the rapid response") and the
    surnames of the people it names in full ("Barack Obama" makes a later "Obama" the man, not the Japanese town)."""

    lower: frozenset[str]
    surnames: frozenset[str]


def _article_words(doc: Doc) -> _Words:
    lower = frozenset(m.group(0).lower() for m in _WORD.finditer(doc.text) if m.group(0).islower())
    return _Words(lower, frozenset(ent[-1].text for ent in doc.ents if _full_name(ent)))


def _full_name(ent: Span) -> bool:
    """A person named in full: two or three capitalised proper nouns of letters only, none of them a word that
    says what a place is ("Village Malakal" and "N.W. Rochester" are places the parser took for people)."""
    return (ent.label_ == "PERSON" and 2 <= len(ent) <= 3
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha()
                    and t.lower_ not in CUE_WORDS and t.lower_ not in FEATURE_WORDS for t in ent))


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, dateline: tuple[int, int] | None = None) -> list[Mention]:
    """Return the toponym candidates in ``doc``: longest gazetteer matches and place entities, filtered."""
    toks = _tokens(doc)
    text = doc.text
    words = _article_words(doc)
    found: list[Mention] = []
    dropped: list[Mention] = []
    i = 0
    while i < len(toks):
        demonym = _demonym_at(toks, i, text, gazetteer)
        if demonym is not None:  # "Sri Lankan" before the village called Sri
            found.append(demonym)
            i += 2
            continue
        mention, width = _match_at(toks, i, text, gazetteer, dateline)
        if mention is not None and _keep(mention, toks, i, width, words, gazetteer):
            found.append(mention)
            i += width
        else:
            if mention is not None and _may_be_listed(mention, toks, i, width, words.lower):
                dropped.append(mention)
            i += 1
    found.extend(_list_peers(text, found, dropped))
    found.extend(_listed_counties(toks, text, found, gazetteer))
    found.extend(_entity_mentions(doc, found, gazetteer, words))
    found.extend(_kind_named(toks, text, found))
    found.extend(_demonyms_and_abbreviations(toks, found, gazetteer))
    return sorted(found, key=lambda m: m.start)


def _demonyms_and_abbreviations(toks: list[_Tok], found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Demonyms ("Malian", "Iowans": toponyms in adjectival form), AP state abbreviations after a comma, and
    states written as dotted initials or an unambiguous abbreviation anywhere ("in S.C.", "in NSW")."""
    covered = {m.start for m in found}
    extra = []
    for i, tok in enumerate(toks):
        if tok.start in covered or not _capitalised(tok.text):
            continue
        key = fold(tok.text)
        if key and gazetteer.demonym(key):
            extra.append(Mention(tok.start, tok.end, tok.text, key, ner=tok.ent or None))
        elif tok.text in REGION_ABBREVIATIONS and ((i > 0 and toks[i - 1].text == ",") or _initials(tok.text)
                                                   or tok.text in STANDALONE_ABBREVIATIONS):
            extra.append(Mention(tok.start, tok.end, tok.text, key, cue=True))
    return extra


# What joins two names of a list: a comma, "and" or "or" ("Tyler, Lindale and Kilgore"); the ranker reads lists too.
LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.I)
_LIST_CONTINUES = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?[A-Z]|\s+(?:and|or)\s+[A-Z]")


def _listed(gap: str, goes_on: bool) -> bool:
    """``gap`` joins two names of a list: "and" or "or", or a comma where the list goes on after the name."""
    return bool(LIST_GAP.fullmatch(gap)) and (goes_on or "and" in gap or "or" in gap)


def _may_be_listed(mention: Mention, toks: list[_Tok], i: int, width: int, lower_words: frozenset[str]) -> bool:
    """A dropped match that a list of places may bring back: no common word, not inside a longer person's name,
    and no capitalised word after it ("Bob" of "Tyler, and Bob Hale")."""
    first, after = toks[i], i + width
    return (mention.key not in NOT_PLACES and mention.key not in lower_words
            and not (first.ent == "PERSON" and (first.ent_start < mention.start or first.ent_end > mention.end))
            and not (after < len(toks) and _capitalised(toks[after].text)))


def _list_peers(text: str, found: list[Mention], dropped: list[Mention]) -> list[Mention]:
    """Gazetteer names that the filter dropped but that stand in a list with a place ("Gilmer and Kilgore",
    "Tyler, Lindale and Kilgore"): the parser makes people of small towns, a list of places does not."""
    # only a name the parser or a cue word calls a place vouches for its neighbours ("Bush" may be kept as a town)
    kept = [m for m in found if m.ner in ("GPE", "LOC", "FAC") or m.cue or m.dateline]
    out: list[Mention] = []
    pending = [m for m in dropped if not any(k.start < m.end and m.start < k.end for k in kept)]
    changed = True
    while changed and pending:
        changed = False
        for m in list(pending):
            # a comma alone may set off an apposition ("Oslo, Hansen said"): the name must go on as a list
            goes_on = bool(_LIST_CONTINUES.match(text, m.end))
            if any(_listed(text[m.end : k.start], goes_on) or _listed(text[k.end : m.start], goes_on)
                   for k in kept + out if k.end <= m.start + 1 or m.end <= k.start + 1):
                out.append(m)
                pending.remove(m)
                changed = True
    return out


def _listed_counties(toks: list[_Tok], text: str, found: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The names of a list that "counties" or "parishes" ends ("Pike, Lamar and Ralls counties"): local news
    names counties without the word, and the parser makes people and works of art of them."""
    covered = [(m.start, m.end) for m in found]
    extra = []
    for k, tok in enumerate(toks):
        kind = {"counties": " county", "parishes": " parish"}.get(tok.text.lower())
        if kind is None:
            continue
        j = k - 1
        while j >= 0:
            end = j
            while j >= 0 and _capitalised(toks[j].text) and end - j < 3:
                j -= 1
            if j == end:
                break
            start, stop = toks[j + 1].start, toks[end].end
            key = fold(text[start:stop])
            if not any(s < stop and start < e for s, e in covered) and gazetteer.has(key + kind):
                extra.append(Mention(start, stop, text[start:stop], key, ner=toks[j + 1].ent or None, cue=True))
            if j >= 0 and toks[j].text.lower() in ("and", "or"):
                j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            elif j < 0 or toks[j + 1].text.lower() not in ("and", "or"):
                break
    return extra


def _demonym_at(toks: list[_Tok], i: int, text: str, gazetteer: Gazetteer) -> Mention | None:
    """A two-word demonym starting at token ``i`` ("Sri Lankan", "South African")."""
    if i + 1 >= len(toks) or not (_capitalised(toks[i].text) and _capitalised(toks[i + 1].text)):
        return None
    surface = text[toks[i].start : toks[i + 1].end]
    key = fold(surface)
    if " " not in key or not gazetteer.demonym(key):
        return None
    return Mention(toks[i].start, toks[i + 1].end, surface, key, ner=toks[i].ent or None)


def _initials(text: str) -> bool:
    """A US state written as dotted initials ("S.C.", "N.Y.", "W.Va."): no word or other name looks like it."""
    return text in AP_STATES and text.count(".") >= 2


def _match_at(
    toks: list[_Tok], i: int, text: str, gazetteer: Gazetteer, dateline: tuple[int, int] | None
) -> tuple[Mention | None, int]:
    """The longest gazetteer name that starts at token ``i`` (capitalised first and last tokens)."""
    if not _capitalised(toks[i].text):
        return None, 0
    for width in range(min(MAX_TOKENS, len(toks) - i), 0, -1):
        last = toks[i + width - 1]
        if not _capitalised(last.text) or toks[i + width - 1].text.lower() in CONNECTORS:
            continue
        if any(t.text in {",", ";", "(", ")", '"'} for t in toks[i : i + width]):
            continue
        start, end = toks[i].start, last.end
        surface = text[start:end]
        key = fold(surface)
        if not key or not (gazetteer.has(key) or (width > 2 and gazetteer.has(expanded(key) or ""))):
            continue  # "St. Kitts and Nevis": an abbreviated word written out (not "St. Patrick" of a holiday)
        in_dateline = dateline is not None and dateline[0] <= start and end <= dateline[1]
        ner = toks[i].ent or None
        return Mention(start, end, surface, key, ner=ner, cue=_cue_before(toks, i), dateline=in_dateline), width
    return None, 0


def _cue_before(toks: list[_Tok], i: int) -> bool:
    for j in (i - 1, i - 2):
        if j >= 0 and toks[j].text.lower() in STRONG_CUES:
            return True
    # "Amy Byrd, D-Monroe": a lawmaker's party and home
    return i >= 3 and toks[i - 1].text == "-" and toks[i - 2].text in ("D", "R", "I") and toks[i - 3].text == ","


def _keep(mention: Mention, toks: list[_Tok], i: int, width: int, words: _Words, gazetteer: Gazetteer) -> bool:
    """The accident filter: False for names that are places only by accident in this text."""
    if mention.dateline or _dateline_like(mention, toks, i + width):
        return True
    first = toks[i]
    initials = mention.text.replace(".", "")
    if initials.isupper() and len(initials) <= 3 and not _is_country_alias(mention.key, gazetteer):
        return False  # "UN", "U.N.": an organisation's initials, not the village of Un
    if "$" in mention.text or (i + width < len(toks) and toks[i + width].text.startswith("$")):
        return False  # "US$ 5 million", "US $5": a currency
    if width == 1 and (mention.key in NOT_PLACES or mention.key.lower() in words.lower):
        return False
    if width == 1 and mention.key in MONTH_ABBREVIATIONS and i + 1 < len(toks) and toks[i + 1].text.isdigit():
        return False  # "Jan 5": a date
    if width == 1 and mention.key in FEATURE_WORDS and any(
            0 <= j < len(toks) and _capitalised(toks[j].text) and not toks[j].sent_start for j in (i - 1, i + 1)):
        return False  # "Lake" of "Lake Hartwell": part of a feature's name
    if width == 1 and mention.text.endswith(".") and (mention.key in TITLES or mention.key in MONTH_ABBREVIATIONS):
        return False  # "Gov.", "Rep.", "Jan.": a title or a month, whatever town shares the letters
    if i > 0 and fold(toks[i - 1].text) in TITLES:
        return False
    if _county(mention, gazetteer) or _local_cue(toks, i, i + width):
        return True  # "according to Bexar County Sheriff Tom Ruiz", "Early Tuesday Medford Police closed"
    after = toks[i + width : i + width + 2]
    if len(after) == 2 and after[0].text in ("'s", "\u2019s") and after[1].text.lower() == "capital":
        return _is_country_alias(mention.key, gazetteer) or _strong_key(mention.key, gazetteer)
    if first.ent == "PERSON" and (first.ent_start < mention.start or first.ent_end > mention.end):
        return False  # part of a person's name: "Henry" in "Chiquita Raquel Henry"
    if width == 1 and mention.text in words.surnames and not mention.cue:
        return False  # "Obama" after "Barack Obama": the person, wherever the parser leaves the bare name
    if first.ent in _NAME_ENTITIES and first.ent_start < mention.start and _name_word(toks[i - 1]):
        return False  # "Boko Haram", "Islamic State West Africa Province": the end of an organisation's name
    if (width == 1 and (first.sent_start or _after_dateline(toks, i)) and first.pos not in ("PROPN", "")
            and not mention.cue):
        return False
    if width == 1 and i > 0 and _name_before(toks[i - 1], gazetteer):
        return False  # "Amadou Toumani Toure": the end of a longer proper name
    if width == 1 and i + 1 < len(toks) and _name_after(toks[i + 1]) and not _strong_key(mention.key, gazetteer):
        return False  # "Cite Soleil", "the Baron Hotel": a small place's name begins a longer name
    if first.ent in ("GPE", "LOC", "FAC") or mention.cue:
        return True
    # a people or a faith that some hamlet is named after ("Christians", an alternate name of Christiansø)
    if first.ent in ("PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"):
        return _strong_key(mention.key, gazetteer)
    return True


# Entities whose words name something other than a place, though a place may begin them ("Medford Police").
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _name_word(tok: _Tok) -> bool:
    """A capitalised word of a longer name, before a place's name in the same entity: not a word that joins or
    cues a place ("University of Kansas"), a feature's kind ("Lake Robinson") or a part of a place ("Metro
    Vancouver", "Northeast Georgia")."""
    word = tok.text.lower()
    return (_capitalised(tok.text) and word not in CONNECTORS and word not in CUE_WORDS and word not in CALENDAR_WORDS
            and word not in FEATURE_WORDS and not is_part_word(word))


def _after_dateline(toks: list[_Tok], i: int) -> bool:
    """Token ``i`` opens the story after a wire dateline ("BAMAKO, Jan 5 (Reuters) - Gang members ..."): the
    parser runs the dateline into the first sentence, so the first word is not seen as a sentence's start."""
    return (i >= 2 and toks[i - 1].text in _DASHES
            and (toks[i - 2].text == ")" or toks[i - 2].text.isdigit() or toks[i - 2].text.isupper()))


def _local_cue(toks: list[_Tok], i: int, after: int) -> bool:
    """Local news says a name is a town: an office or the people of the place follow it ("Medford Police",
    "Chester firefighters", "a Lufkin woman"), or it is where a named person lives ("Mary Cole, of
    Waycross,")."""
    if any(fold(t.text) in NOT_PLACES or fold(t.text) in GENERIC_WORDS for t in toks[i:after]):
        return False  # "The City Council", "Town Council", "Health Secretary"
    if after < len(toks):
        word = toks[after].text.lower()
        if word in OFFICE_WORDS:
            return True
        if toks[after].text in RESIDENT_WORDS and not toks[i].sent_start and toks[i].ent != "NORP":
            return True  # "a Lufkin woman" (not "One man was arrested", "an Arab woman")
        if word == "city" and after + 1 < len(toks) and toks[after + 1].text.lower() in ("council", "hall", "manager"):
            return True
    return (i >= 3 and toks[i - 1].text.lower() == "of" and toks[i - 2].text == ","
            and _capitalised(toks[i - 3].text) and after < len(toks) and toks[after].text in (",", "."))


def _county(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A name written with its kind word, "County" or "Parish", that names a county of the gazetteer: a county's
    office ("the Douglas County Sheriff's Office"), fair or sheriff, whatever entity the parser makes of it,
    names where it serves."""
    return mention.key.endswith((" county", " parish")) and any(
        e.fcode == "ADM2" for e in gazetteer.lookup(mention.key, limit=20))


def _dateline_like(mention: Mention, toks: list[_Tok], after: int) -> bool:
    """A name in capitals before a colon or dash, as a story's dateline is written ("BEIRUT: ...")."""
    return (len(mention.text) > 3 and mention.text.isupper() and after < len(toks)
            and (toks[after].text == ":" or toks[after].text in _DASHES))


def _name_before(prev: _Tok, gazetteer: Gazetteer) -> bool:
    """A capitalised word before the match that is no place, cue or title word: the match ends a longer name."""
    word = prev.text.lower()
    if (not _capitalised(prev.text) or prev.sent_start or word in CUE_WORDS or word in CONNECTORS
            or word in CALENDAR_WORDS):  # "Early Tuesday Medford Police", "A Dalton mason"
        return False
    if prev.ent == "PERSON":
        return True  # "Amadou Toumani Toure": the parser ends the person one word early
    return not _strong_key(fold(prev.text), gazetteer)  # "Boko Haram": Boko is a hamlet, no place to list


def _name_after(nxt: _Tok) -> bool:
    """A capitalised word after a one-word match that goes on a longer name: not a kind of place or feature, an
    office or institution, a people's word, a date or a part word ("Kati Monday", "Diabaly district", "Medford
    Police", "Litchfield Superior Court")."""
    word = nxt.text.lower()
    return (_capitalised(nxt.text) and not nxt.sent_start and word not in CUE_WORDS and word not in OFFICE_WORDS
            and word not in INSTITUTION_WORDS and word not in FEATURE_WORDS and word not in CALENDAR_WORDS
            and word not in CONNECTORS            and nxt.text not in RESIDENT_WORDS and not is_part_word(word))


def _strong_key(key: str, gazetteer: Gazetteer) -> bool:
    """A folded name whose best reading is a continent, a union or region of countries, a country, a first-level
    region, a capital or a town of some size by its own name ("Rapid" is a short name of Rapid City, not a town
    that makes "the Rapid Support Forces" a place)."""
    best = gazetteer.lookup(key, limit=1)
    return bool(best) and (best[0].fcode in ("CONT", "RGN", "PCLI", "ADM1", "PPLC")
                           or (best[0].pop >= 20_000 and best[0].main) or _is_country_alias(key, gazetteer))


def _is_country_alias(key: str, gazetteer: Gazetteer) -> bool:
    """A short code that names a country or a union of countries ("UK", "EU")."""
    return any(e.fcode in ("PCLI", "RGN") for e in gazetteer.lookup(key, limit=10))


def _area_adjective(key: str, gazetteer: Gazetteer) -> bool:
    """An adjective or people's name of a country, region or large area that no place is named ("Abkhaz")."""
    if gazetteer.has(key):
        return False
    return any(e.fcode in ("PCLI", "ADM1", "CONT") or e.area
               for base in adjective_bases(key) for e in gazetteer.lookup(base, limit=20))


# "the port city of Hodeidah", "the village of Zabarmari": the words before a name say it is a place.
_KIND_OF = frozenset({"city", "town", "village", "port", "district", "province", "region", "governorate", "county",
                      "state", "locality", "commune", "municipality", "prefecture", "department"})


def _kind_named(toks: list[_Tok], text: str, found: list[Mention]) -> list[Mention]:
    """Names the gazetteer lacks (or spells otherwise) that the text calls a place: a run of up to three
    capitalised words after "city of", "village of" and the like, kept for variant spellings in resolution."""
    covered = [(m.start, m.end) for m in found]
    extra = []
    for k in range(2, len(toks)):
        if toks[k - 1].text.lower() != "of" or toks[k - 2].text.lower() not in _KIND_OF:
            continue
        end = k
        while end < len(toks) and end - k < 3 and _capitalised(toks[end].text) and toks[end].text.isalpha():
            end += 1
        if end == k:
            continue
        start_c, end_c = toks[k].start, toks[end - 1].end
        surface = text[start_c:end_c]
        key = fold(surface)
        if key in NOT_PLACES or any(s < end_c and start_c < e for s, e in covered):
            continue
        extra.append(Mention(start_c, end_c, surface, key, cue=True, in_gazetteer=False))
    return extra


def _entity_mentions(doc: Doc, found: list[Mention], gazetteer: Gazetteer, words: _Words) -> list[Mention]:
    """GPE/LOC entities that no gazetteer match covers, kept for fuzzy resolution; NORP entities that are the
    adjective of an area (single-word country demonyms are found with the tokens)."""
    covered = [(m.start, m.end) for m in found]
    extra = []
    for ent in doc.ents:
        if any(s < ent.end_char and ent.start_char < e for s, e in covered):
            continue
        key = fold(ent.text)
        if ent.label_ not in ("GPE", "LOC", "NORP"):
            if " " in key and gazetteer.demonym(key):  # "Sri Lankan" tagged as a person
                extra.append(Mention(ent.start_char, ent.end_char, ent.text, key, ner=ent.label_))
            continue
        if ent.label_ == "NORP":  # "Sri Lankan", "South Ossetians", "Abkhaz": a people's or area's adjective
            if " " in key and gazetteer.demonym(key) or _area_adjective(key, gazetteer):
                extra.append(Mention(ent.start_char, ent.end_char, ent.text, key, ner=ent.label_))
            continue
        if not key or key in NOT_PLACES or gazetteer.demonym(key) or ent.text in words.surnames:
            continue
        cue = ent.start > 0 and doc[ent.start - 1].lower_ in STRONG_CUES
        extra.append(Mention(ent.start_char, ent.end_char, ent.text, key, ner=ent.label_, cue=cue, in_gazetteer=False))
    return extra
