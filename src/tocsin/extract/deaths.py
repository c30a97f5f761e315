"""Fatalities by ACLED's conservative rules: the lowest reported count, vague words as fixed numbers, no injuries.

The rules (``deaths.rules.v3``):

- a number next to a word of dying ("14 people were killed", "killing 3 soldiers", "a death toll of 20") counts;
  "left" and "claimed" count only with a word of dying ("left 5 dead", "claimed 12 lives");
- a number after "including" is part of the toll, not the toll ("20 people, including three children");
- an age, a length or a share ("a 19-year-old", "a three-day siege", "25 per cent") is no count;
- a number of wounded or injured never counts, nor a number of killers ("a mob of 500 killed 12" gives 12), nor
  a threatened, negated or hypothetical killing ("threatened to kill 17");
- with the parse, one singular victim and no number counts 1 ("police shot dead a shopkeeper"), and coordinated
  victims add up ("two soldiers and three militants were killed" gives 5);
- vague words take the codebook's fixed values (``taxonomy.FATALITY_WORDS``: "dozens" is 12, "several" is 3, or
  10 for a large-scale event such as an air campaign);
- a range counts its lower end ("between 10 and 15" gives 10, with 15 as the high figure);
- "no one was killed" and "there were no casualties" give 0 (which is not the same as ``None``, "not reported"),
  also in the sentence after the event's;
- a total spread over several days is split evenly ("30 killed over three days" gives 10 a day);
- among several reports of one event the lowest count wins, and the highest is kept as ``high``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tocsin.extract.roles import DYING, KILLING
from tocsin.nlp import span_of
from tocsin.taxonomy import FATALITY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["RULES_VERSION", "Deaths", "combine", "died_in_custody", "find_deaths", "none_after", "parse_count", "vague_count"]

RULES_VERSION = "deaths.rules.v3"

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_VAGUE = sorted(FATALITY_WORDS, key=len, reverse=True)
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+|\d+"
    rf"|(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(list(_UNITS)[:9])}))?"
    rf"|(?:{'|'.join(sorted(_UNITS, key=len, reverse=True))})\b"
    rf"|(?:{'|'.join(re.escape(w) for w in _VAGUE)})\b"
)
# A figure glued to a name ("AK-47", "MiG-29", "COVID-19") is part of the name, not a count.
_TOKEN = re.compile(rf"(?P<name>[A-Za-z]+-?\d+\w*)|(?P<num>{_NUMBER})|(?P<word>[A-Za-z]+(?:'[a-z]+)?)|(?P<punct>[^\sA-Za-z\d])", re.I)
_DEATH_WORDS = frozenset(
    "killed dead died die dies slain murdered massacred executed perished deaths death fatalities bodies "
    "beheaded lynched lives corpses casualties fatally".split()
)
_FORWARD_WORDS = frozenset(
    "killed killing kills kill toll claimed left leaving massacred executed slaughtered dead".split()
)
_HURT_WORDS = frozenset("wounded injured injuring wounding hurt hospitalised hospitalized injuries wounds".split())
_STOP_PUNCT = frozenset(";:.()")
_PERSON = frozenset(
    "person man woman boy girl child soldier policeman officer civilian villager farmer student worker "
    "trader driver militant fighter member resident protester demonstrator journalist teacher guard "
    "pilgrim official doctor nurse herder rebel trooper gunman assailant attacker suspect".split()
)
_NONE_RE = re.compile(
    r"\b(?:no(?:body| one|-one)\s+(?:was|were|has been|had been|is)\s+(?:reported\s+)?(?:killed|hurt|injured|harmed|wounded)"
    r"|no(?:body| one|-one)\s+(?:died|was reported dead)|no (?:immediate )?(?:deaths|casualties|fatalities|injuries|loss of life|lives were lost)"
    r"|no (?:reports? of |reported )(?:any )?(?:deaths|casualties|fatalities|injuries)"
    r"|without (?:any )?(?:casualties|loss of life|fatalities)|(?:did not|didn't) (?:cause|result in|claim) any (?:casualties|deaths|lives))",
    re.I,
)
_NONE_LEAD = re.compile(
    r"\s*(?:(?:but|however|and|fortunately|luckily|officials said|police said)\s*,?\s+)?"
    # a source reporting it: "The governor said on Telegram that no one was killed"
    r"(?:[^.!?]{0,160}?\b(?:said|says|told reporters|reported|confirmed|added|stated)\b(?:\s+(?:on|in)\s+[\w-]+)?"
    r"\s+that\s+)?"
    r"(?:there (?:were|was|have been|has been)\s+)?",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_DAYS_RE = re.compile(
    rf"\b(?:over|during|in|across|within)\s+(?:the\s+(?:past|last)\s+)?(?P<n>{_NUMBER})\s+days\b", re.I
)
# Verbs of killing (``roles.KILLING``) have the killer as subject ("a mob of 500 killed 12": 500 is not a count of
# dead) and the one killed as object or passive subject; verbs of dying (``roles.DYING``) have the dead as subject.
_MANNER_LEMMAS = frozenset("shoot stab hack beat burn bludgeon club".split())  # only with "dead" / "to death"
_ONE_PRONOUNS = frozenset("he she him her".split())
# Forward words that need a word of dying after the count: "left 5 dead", "claimed 12 lives".
_RESULT_WORDS = frozenset({"left", "leaving", "claimed"})
_RESULT_GAP = 3
_SUBSET_WORDS = frozenset({"including", "includes", "include", "among"})
# "The death toll from Sunday's bombing rose to 32": the figure comes after the news of the toll.
_TOLL_RE = re.compile(
    rf"\b(?:death|casualty) tolls?\b[^.;:]{{0,80}}?\b(?:rose|risen|climbed|jumped|increased|reached|stands|stood|hit)"
    rf"\s+(?:to\s+|at\s+)?(?:at least\s+)?(?P<n>{_NUMBER})",
    re.I,
)
_RANGE_JOIN = frozenset({"to", "and", "-", "or"})
_SPAN_UNITS = frozenset("year years month months week weeks day days hour hours minute minutes km metre meter".split())
_BACK_WINDOW = 8
_FORWARD_WINDOW = 7


@dataclasses.dataclass(frozen=True, slots=True)
class Deaths:
    """One reported death count: ACLED's ``count``, the ``low``/``high`` figures and the span they came from."""

    count: int
    low: int
    high: int
    start: int
    end: int
    rule: str


@dataclasses.dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int


def vague_count(word: str, *, large: bool = False) -> int | None:
    """Return the codebook's count for a vague word ("dozens", "several"), by scale; ``None`` if not vague.

    >>> vague_count("dozens"), vague_count("several"), vague_count("several", large=True)
    (12, 3, 10)
    """
    pair = FATALITY_WORDS.get(word.lower().strip())
    if pair is None:
        return None
    return pair[1] if large else pair[0]


def parse_count(text: str, *, large: bool = False) -> int | None:
    """Return the number a word or figure names ("14", "fourteen", "twenty-one", "1,200", "dozens").

    >>> parse_count("1,200"), parse_count("twenty-one"), parse_count("Fourteen"), parse_count("dozens")
    (1200, 21, 14, 12)
    """
    text = text.lower().strip()
    if text.replace(",", "").isdigit():
        return int(text.replace(",", ""))
    if text in _UNITS:
        return _UNITS[text]
    parts = re.split(r"[- ]", text)
    if parts[0] in _TENS:
        return _TENS[parts[0]] + (_UNITS.get(parts[1], 0) if len(parts) > 1 else 0)
    return vague_count(text, large=large)


def find_deaths(
    text: str, start: int = 0, end: int | None = None, *, large: bool = False, doc: Doc | None = None
) -> list[Deaths]:
    """Return every death count reported in ``text[start:end]``, with offsets into ``text``.

    ``large`` picks the large-scale value of "several" and "many" (10 instead of 3). With ``doc``, the parse of
    ``text``, a number in the killers' subject is not a count of dead ("a mob of 500 killed 12" gives 12), and
    one named or singular victim with no number counts 1 ("police shot dead a shopkeeper").

    >>> [d.count for d in find_deaths("At least 14 people have been killed, the UN said.")]
    [14]
    >>> [d.count for d in find_deaths("Five soldiers were wounded and two were killed.")]
    [2]
    >>> [d.count for d in find_deaths("Dozens died in the attack.")]
    [12]
    """
    end = len(text) if end is None else end
    segment = text[start:end]
    found = [Deaths(0, 0, 0, start + m.start(), start + m.end(), "none") for m in _NONE_RE.finditer(segment)]
    tokens = [
        _Tok(str(m.lastgroup), m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(segment)
    ]
    for index, tok in enumerate(tokens):
        if tok.kind == "word" and tok.text.lower() in _DEATH_WORDS | _FORWARD_WORDS:
            if doc is not None and _unreal(doc, tok.start):
                continue
            report = _count_near(tokens, index, large=large, doc=doc)
            if report is not None and not _overlaps(report, found):
                found.append(report)
    for match in _TOLL_RE.finditer(segment):
        value = parse_count(match.group("n"), large=large)
        toll = Deaths(value or 0, value or 0, value or 0, start + match.start("n"), start + match.end("n"), "toll")
        if value is not None and not _overlaps(toll, found):
            found.append(toll)
    if doc is not None and doc.has_annotation("DEP"):
        found = [_with_conjuncts(doc, r, large=large) for r in found] or _single_victims(doc, start, end)
    return [_split_days(report, segment, large=large) for report in found]


def none_after(text: str, start: int) -> list[Deaths]:
    """Return a report that nobody died in the sentence that starts at ``start`` ("No one was killed.").

    Such a sentence names no event of its own (its trigger is negated), so it reports on the event just told:
    that event has 0 fatalities, which is not the same as ``None`` (not reported). The sentence must open with
    the report; one that tells another event first ("Gunmen attacked a bus, but no one was hurt") speaks of that.

    >>> text = "A bomb went off at the market. No one was killed, police said."
    >>> [(d.count, text[d.start:d.end]) for d in none_after(text, 30)]
    [(0, 'No one was killed')]
    >>> none_after(text, 0)
    []
    >>> none_after("Gunmen attacked a bus in Zaria, but no one was hurt.", 0)
    []
    >>> [d.count for d in none_after("The mayor said on Facebook that nobody was hurt.", 0)]
    [0]
    """
    stop = _SENTENCE_END.search(text, start + 1)
    end = stop.end() if stop else len(text)
    lead = _NONE_LEAD.match(text, start, end)
    found = _NONE_RE.match(text, lead.end() if lead else start, end)
    return [Deaths(0, 0, 0, found.start(), found.end(), "none")] if found else []


def died_in_custody(doc: Doc | None, start: int, end: int) -> bool:
    """Return whether the custody phrase at ``[start, end)`` says where someone died ("died in police custody").

    A death in custody is violence by the state that held the victim, not an arrest.

    >>> from tocsin import nlp
    >>> text = "A student died in police custody in Lahore."
    >>> died_in_custody(nlp.parse(text), 18, 35)
    True
    >>> text = "Police took a student into custody in Lahore."
    >>> died_in_custody(nlp.parse(text), 26, 38)
    False
    """
    if doc is None or not doc.has_annotation("DEP"):
        return False
    for token in span_of(doc, start, end) or ():
        if token.lower_ == "custody" and token.dep_ == "pobj" and token.head.lower_ == "in":
            owner = token.head.head
            return owner.lemma_.lower() in DYING | KILLING | {"death", "torture"} or _victim(owner) is not None
    return False


def combine(reports: Iterable[Deaths]) -> tuple[int | None, int | None, int | None]:
    """Return (fatalities, low, high) over several reports of one event: the lowest count wins.

    >>> combine([Deaths(14, 14, 14, 0, 2, "number"), Deaths(20, 20, 25, 5, 7, "range")])
    (14, 14, 25)
    >>> combine([])
    (None, None, None)
    """
    reports = list(reports)
    if not reports:
        return None, None, None
    return min(r.count for r in reports), min(r.low for r in reports), max(r.high for r in reports)


def _overlaps(report: Deaths, others: list[Deaths]) -> bool:
    return any(report.start < o.end and o.start < report.end for o in others)


def _count_near(tokens: list[_Tok], index: int, *, large: bool, doc: Doc | None = None) -> Deaths | None:
    word = tokens[index].text.lower()
    if word in _DEATH_WORDS:
        back = _scan(tokens, range(index - 1, max(-1, index - 1 - _BACK_WINDOW), -1), large=large)
        if back is not None and not (doc is not None and _counts_killers(doc, back.start, tokens[index].start)):
            return back
    if word in _FORWARD_WORDS or word in {"deaths", "death", "casualties", "fatalities"}:
        ahead = _scan(tokens, range(index + 1, min(len(tokens), index + 1 + _FORWARD_WINDOW)), large=large)
        if ahead is None or doc is not None and _in_agent_phrase(doc, ahead.start):
            return None  # "beaten to death by three officers" counts the killers
        if _hurt_after(tokens, ahead.end):
            return None  # "one was killed and two protesters wounded": the two are the wounded
        if word in _RESULT_WORDS and not _dead_near(tokens, tokens[index].end, ahead.end):
            return None  # "claimed three bloggers", "left five people" say nothing of deaths
        return ahead
    return None


def _hurt_after(tokens: list[_Tok], offset: int) -> bool:
    """Whether a word of injury closely follows the count that ends at ``offset`` ("two protesters wounded")."""
    for tok in [t for t in tokens if t.start >= offset][:_RESULT_GAP]:
        low = tok.text.lower()
        if low in _HURT_WORDS:
            return True
        if low in _DEATH_WORDS or low in ("and", "or", "but", "while", "as", "with") or tok.kind == "punct":
            return False
    return False


def _dead_near(tokens: list[_Tok], start: int, offset: int) -> bool:
    """Whether a word of dying stands before the count ("claimed the lives of 14") or closely after it, which
    ends at ``offset`` ("left 5 people dead")."""
    near = [t for t in tokens if start <= t.start < offset] + [t for t in tokens if t.start >= offset][:_RESULT_GAP]
    return any(t.text.lower() in _DEATH_WORDS for t in near)


def _in_agent_phrase(doc: Doc, offset: int) -> bool:
    number = _token_at(doc, offset)
    if number is None:
        return False
    noun = number.head if number.dep_ == "nummod" else number
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def _counts_killers(doc: Doc, count_at: int, verb_at: int) -> bool:
    """Whether the count at ``count_at`` sits in the subject of the active killing verb at ``verb_at``."""
    number, verb = _token_at(doc, count_at), _token_at(doc, verb_at)
    if number is None or verb is None or verb.lemma_.lower() not in KILLING:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or not any(c.dep_ == "dobj" for c in verb.children):
        return False  # a passive, or a headline's short one ("4 policemen killed"), counts the dead
    return any(c.dep_ == "nsubj" and number in c.subtree for c in verb.children)


def _with_conjuncts(doc: Doc, report: Deaths, *, large: bool) -> Deaths:
    """Add the counts of coordinated victims: "two soldiers and three militants were killed" gives 5."""
    number = _token_at(doc, report.start)
    if number is None or report.rule not in ("number", "word") or number.dep_ != "nummod":
        return report
    nouns = [number.head, *number.head.conjuncts]
    if len(nouns) < 2:
        return report
    counts = [_noun_count(noun, large=large) for noun in nouns]
    total = sum(c for c in counts if c is not None)
    if total <= report.count:
        return report
    first, last = min(n.left_edge.idx for n in nouns), max(n.idx + len(n.text) for n in nouns)
    return Deaths(total, total, total, min(first, report.start), max(last, report.end), "sum")


def _noun_count(noun: Token, *, large: bool) -> int | None:
    """The number a victim noun phrase gives: its numeral, 1 for "a policeman", else None."""
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_count(child.text, large=large)
    if noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in noun.children):
        return 1
    return None


def _unreal(doc: Doc, offset: int) -> bool:
    """Whether the verb of dying at ``offset`` is negated, modal or an infinitive ("threatened to kill 17")."""
    verb = _token_at(doc, offset)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
        return True
    # an infinitive is an aim or a threat ("sent to kill", "threatened to kill"), unless perfect ("is believed to
    # have killed 12")
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "to" in auxes and "have" not in auxes


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = span_of(doc, offset, offset + 1)
    return span[0] if span is not None else None


def _single_victims(doc: Doc, start: int, end: int) -> list[Deaths]:
    """Return a count of 1 for each singular victim of a killing verb in ``[start, end)``, given no number."""
    found = []
    for verb in span_of(doc, start, end) or ():
        victim = _victim(verb)
        if victim is not None and not _unreal(doc, verb.idx):
            found.append(Deaths(1, 1, 1, victim.idx, victim.idx + len(victim.text), "single"))
    return found[:1]


def _victim(verb: Token) -> Token | None:
    """Return the singular noun or pronoun that a killing verb kills, or None."""
    lemma = verb.lemma_.lower()
    manner = lemma in _MANNER_LEMMAS and any(
        c.lower_ == "dead" or c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in verb.children
    )
    if verb.pos_ != "VERB" or not (lemma in KILLING or lemma in DYING or manner):
        return None
    roles = ("nsubj",) if lemma in DYING else ("nsubjpass", "dobj")
    victim = next((c for c in verb.children if c.dep_ in roles), None)
    if victim is not None and victim.lower_ in ("who", "that") and verb.dep_ == "relcl":
        victim = verb.head
    if victim is None or any(c.dep_ == "nummod" for c in victim.children):
        return None
    if victim.tag_ in ("NN", "NNP") or victim.lower_ in _ONE_PRONOUNS:
        return victim
    return None


def _scan(tokens: list[_Tok], positions: range, *, large: bool) -> Deaths | None:
    """Return the nearest count among ``positions``, stopping at injuries, clause ends and other numbers."""
    for pos in positions:
        tok = tokens[pos]
        low = tok.text.lower()
        if low in _HURT_WORDS or (tok.kind == "punct" and low in _STOP_PUNCT):
            return None
        if tok.kind == "num" and pos > 0 and tokens[pos - 1].text.lower() == "how":
            return None  # "how many people died" asks; it does not count
        if tok.kind == "num" and pos > 0 and tokens[pos - 1].text.lower() in _SUBSET_WORDS:
            continue  # "20 people, including three children": the three are part of the toll
        if tok.kind == "num" and not _is_year_or_time(tokens, pos):
            return _number_at(tokens, pos, large=large)
        if low in {"a", "an", "one"} and pos + 1 < len(tokens) and _is_person(tokens[pos + 1].text):
            return Deaths(1, 1, 1, tok.start, tokens[pos + 1].end, "single")
        if _is_person(low) and low.endswith(("man", "person")) and pos > 0 and tokens[pos - 1].text.lower() == "the":
            return Deaths(1, 1, 1, tokens[pos - 1].start, tok.end, "single")
    return None


def _is_person(word: str) -> bool:
    return word.lower() in _PERSON


def _is_year_or_time(tokens: list[_Tok], pos: int) -> bool:
    text = tokens[pos].text
    if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2100:
        return True
    following = tokens[pos + 1].text.lower() if pos + 1 < len(tokens) else ""
    if following == "-" and pos + 2 < len(tokens) and tokens[pos + 2].text.lower() in _SPAN_UNITS:
        return True  # an age or a length ("a 19-year-old", "a three-day siege"), not a count
    return following in {"km", "kilometres", "kilometers", "miles", "am", "pm", "hours", "days", "years", "percent",
                         "per", "%"}


def _number_at(tokens: list[_Tok], pos: int, *, large: bool) -> Deaths | None:
    """Return the count at ``pos``, reading a range ("10 to 15") that ends or starts there."""
    value = parse_count(tokens[pos].text, large=large)
    if value is None:
        return None
    low = high = value
    first, last = pos, pos
    if pos >= 2 and tokens[pos - 1].text.lower() in _RANGE_JOIN and tokens[pos - 2].kind == "num":
        other = parse_count(tokens[pos - 2].text, large=large)
        if other is not None and other < value:
            low, first = other, pos - 2
    elif pos + 2 < len(tokens) and tokens[pos + 1].text.lower() in _RANGE_JOIN and tokens[pos + 2].kind == "num":
        other = parse_count(tokens[pos + 2].text, large=large)
        if other is not None and other > value:
            high, last = other, pos + 2
    rule = "range" if low != high else ("word" if not tokens[pos].text[0].isdigit() else "number")
    return Deaths(low, low, high, tokens[first].start, tokens[last].end, rule)


def _split_days(report: Deaths, segment: str, *, large: bool) -> Deaths:
    """Split a total reported over several days evenly (the codebook's rule for multi-day totals)."""
    match = _DAYS_RE.search(segment)
    days = parse_count(match.group("n"), large=large) if match else None
    if not days or days < 2 or report.count == 0:
        return report
    return dataclasses.replace(
        report, count=report.count // days, low=report.low // days, high=report.high // days, rule="split"
    )
