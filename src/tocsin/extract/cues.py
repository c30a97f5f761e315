"""The lexicons of attribution: words that report speech, thought, opinion, knowledge and perception (verbs, nouns,
adjectives), stances (confirm, deny, hedge), official advice to the public, and the patterns that say what kind
of body a source is. ``attribution`` reads the parse with them; ``claims`` assembles claims.
"""

from __future__ import annotations

import re

__all__ = [
    "ADJ_CUES",
    "ADJ_PREPS",
    "ADVICE",
    "ANONYMOUS",
    "ANSWERS",
    "ARGUMENT_PREPS",
    "ATTITUDE_CUES",
    "CONFIRM_CUES",
    "CONTINUERS",
    "COORDINATORS",
    "CORE_CUT",
    "CUE_LEXICONS",
    "DENY_CUES",
    "EVALUATION_CUES",
    "HEDGE_CLAUSE",
    "HEDGE_CLAUSE_TAIL",
    "HEDGE_CUES",
    "HEDGE_WORDS",
    "HEARSAY",
    "IDIOM_CUES",
    "IRREGULAR",
    "KNOWLEDGE_CUES",
    "LIGHT_VERBS",
    "MEDIA",
    "NAMING_CUES",
    "NOUN_CUES",
    "NO_SOURCE_CUES",
    "OBJECT_COMPLEMENTS",
    "OBJECT_CUES",
    "OFFICIAL",
    "OPINION_CUES",
    "ORGANISATION",
    "PEOPLE",
    "PERCEPTION_CUES",
    "PERSONAL",
    "PREP_CUES",
    "QUESTION_CUES",
    "QUOTATION",
    "QUOTE_CUES",
    "RELATIVE",
    "SHARES",
    "SIDING_CUES",
    "SPEECH_CUES",
    "SPOKES",
    "STOP",
    "THOUGHT_CUES",
    "WITNESS",
    "XCOMP_CUES",
]

SPEECH_CUES = frozenset(
    """say tell add state announce report confirm deny claim warn explain note write insist argue acknowledge admit
    reply respond declare allege assert maintain stress emphasise emphasize recall reiterate repeat concede contend
    indicate disclose reveal testify comment complain quote ask answer tweet post describe predict promise pledge
    vow urge advise recommend order instruct call demand dismiss reject refute dispute rebut caution inform
    notify brief estimate accuse blame criticise criticize condemn praise welcome cite announce remind assure
    reassure proclaim affirm remark voice signal reference outline confess divulge reaffirm concur attest preach
    opine""".split()
)
THOUGHT_CUES = frozenset(
    """believe think fear hope expect feel doubt suspect worry suggest show find agree disagree
    assume consider conclude guess imagine reckon speculate acknowledge worry want imply insinuate foresee
    anticipate envision envisage forecast presume surmise wonder demonstrate prove""".split()
)
OPINION_CUES = frozenset(
    """promise pledge vow want plan seek refuse threaten offer decide intend express mention tout hail applaud
    endorse oppose highlight propose demand request characterize characterise mock ridicule thank discuss decline""".split()
)
XCOMP_CUES = frozenset(
    """urge advise recommend order instruct call ask tell warn promise pledge vow want plan seek refuse threaten
    agree offer decide intend hope expect demand decline""".split()
)
# knowing takes a clause ("knew that ..."), never an object ("knew him"); perceiving states an opinion only with
# what the object is seen as ("sees him as a threat"); evaluating takes its object ("defended the decision")
KNOWLEDGE_CUES = frozenset(
    "know learn understand realize realise recognize recognise remember notice discover forget sense".split()
)
PERCEPTION_CUES = frozenset("see view regard perceive portray depict paint cast deem interpret".split())
# judging someone or something (VerbNet's judgement verbs): the object is what is judged
EVALUATION_CUES = frozenset(
    """denounce decry prefer favor favour commend laud congratulate compliment salute extol lambast lambaste
    excoriate castigate chastise berate rebuke reprimand scold chide deride disparage belittle vilify censure
    bemoan downplay echo credit fault admire champion deplore regret compare liken question forgive excuse absolve
    exonerate vindicate pillory skewer scorn parody lampoon satirize tease taunt insult smear malign slander
    needle""".split()
)
# siding with someone or something: an attitude when a person or body does it ("the senator backs the plan"), an
# act when a force does ("helicopters supported the troops")
SIDING_CUES = frozenset("support back".split())
# nouns that name a claim, with the verb whose stance they share: "his denial that ..." denies
NOUN_CUES = {
    "claim": "claim", "belief": "believe", "assertion": "assert", "promise": "promise", "pledge": "pledge",
    "vow": "vow", "accusation": "accuse", "allegation": "allege", "argument": "argue", "suggestion": "suggest",
    "warning": "warn", "fear": "fear", "hope": "hope", "concern": "fear", "criticism": "criticize",
    "opposition": "oppose", "endorsement": "endorse", "call": "call", "demand": "demand", "question": "doubt", "complaint": "complain", "insistence": "insist",
    "denial": "deny", "admission": "admit", "announcement": "announce", "proposal": "propose", "threat": "threaten",
    "praise": "praise", "condemnation": "condemn", "doubt": "doubt", "assurance": "assure", "prediction": "predict",
    "opinion": "think", "conviction": "believe", "skepticism": "doubt", "scepticism": "doubt", "misgiving": "doubt",
    "worry": "fear", "suspicion": "suspect", "assessment": "estimate", "testimony": "testify", "plea": "urge",
    "request": "request", "decision": "decide", "explanation": "explain", "observation": "observe",
    "conclusion": "conclude", "finding": "find", "contention": "contend", "assumption": "assume",
    "expectation": "expect", "estimate": "estimate", "forecast": "predict", "judgment": "think",
    "judgement": "think", "advice": "advise",
}  # fmt: skip
# verbs that make a noun cue their subject's: "X voiced concern that ...", "X made comments about ..."
LIGHT_VERBS = frozenset("make issue raise express voice have give offer repeat reiterate renew deliver level lodge file".split())
# adjectives of belief and feeling with the verb whose stance they share ("sure that ..." believes)
ADJ_CUES = {
    "worried": "fear", "concerned": "fear", "afraid": "fear", "anxious": "fear", "nervous": "fear",
    "confident": "believe", "convinced": "believe", "certain": "believe", "sure": "believe", "hopeful": "hope",
    "optimistic": "hope", "pessimistic": "fear", "aware": "know", "unsure": "doubt", "doubtful": "doubt",
    "skeptical": "doubt", "sceptical": "doubt", "wary": "doubt", "suspicious": "suspect", "adamant": "insist",
    "critical": "criticize", "proud": "feel", "eager": "want", "keen": "want", "willing": "want",
    "reluctant": "refuse", "fond": "feel", "furious": "feel", "angry": "feel", "upset": "feel", "happy": "feel",
    "pleased": "feel", "disappointed": "feel", "frustrated": "feel", "unhappy": "feel", "supportive": "feel",
    "determined": "want", "enthusiastic": "feel", "grateful": "feel", "thankful": "feel", "glad": "feel",
    "sorry": "feel", "ashamed": "feel", "outraged": "feel", "appalled": "feel", "dismayed": "feel",
    "horrified": "feel", "alarmed": "fear", "fearful": "fear", "uncertain": "doubt", "unconvinced": "doubt",
    "hesitant": "refuse", "outspoken": "say", "vocal": "say",
    # the adjectives of Levin's amuse and admire classes and of candour
    "impressed": "feel", "unimpressed": "feel", "interested": "want", "excited": "feel", "thrilled": "feel",
    "delighted": "feel", "elated": "feel", "ecstatic": "feel", "relieved": "feel", "satisfied": "feel",
    "dissatisfied": "feel", "content": "feel", "comfortable": "feel", "uncomfortable": "feel",
    "appreciative": "feel", "sympathetic": "feel", "receptive": "feel", "opposed": "oppose", "hostile": "oppose",
    "tired": "feel", "impatient": "feel", "disgusted": "feel", "offended": "feel", "irritated": "feel",
    "annoyed": "feel", "shocked": "feel", "surprised": "feel", "stunned": "feel", "amazed": "feel",
    "astonished": "feel", "embarrassed": "feel", "humbled": "feel", "honored": "feel", "honoured": "feel",
    "resentful": "feel", "jealous": "feel", "envious": "feel", "bitter": "feel", "sad": "feel",
    "saddened": "feel", "heartbroken": "feel", "hopeless": "feel", "troubled": "fear", "disturbed": "fear",
    "scared": "fear", "terrified": "fear", "dubious": "doubt", "confused": "doubt", "puzzled": "doubt",
    "perplexed": "doubt", "baffled": "doubt", "bullish": "believe", "bearish": "doubt", "upbeat": "hope",
    "insistent": "insist", "emphatic": "insist", "unequivocal": "say", "candid": "say", "blunt": "say",
    "frank": "say",
}  # fmt: skip
ADJ_PREPS = frozenset({"of", "about", "at", "with", "over", "toward", "towards", "on", "in", "for"})
CONFIRM_CUES = frozenset("confirm acknowledge admit verify corroborate concede".split())
DENY_CUES = frozenset("deny reject dismiss refute dispute rebut".split())
HEDGE_CUES = frozenset("suggest believe think suspect speculate guess fear doubt allege unclear".split())
OBJECT_CUES = frozenset(
    """confirm deny announce report claim describe criticise criticize accuse blame praise support oppose
    predict cite show reveal acknowledge admit dismiss reject condemn welcome disclose rebut refute dispute reiterate
    repeat emphasise emphasize stress tweet note signal outline reference explain""".split()
) | OPINION_CUES | SIDING_CUES
QUOTE_CUES = frozenset(
    """continue joke quip exclaim shout yell chant scream interrupt recount conclude observe muse boast brag lament
    marvel joke laugh sigh retort counter read""".split()
)
NAMING_CUES = frozenset({"call", "label", "brand", "dub", "term"})
CUE_LEXICONS = (SPEECH_CUES, THOUGHT_CUES, OPINION_CUES, QUOTE_CUES, KNOWLEDGE_CUES, PERCEPTION_CUES, EVALUATION_CUES, SIDING_CUES)
# cues whose content is the object of a preposition ("talked about the economy", "voted for Smith")
PREP_CUES = {
    "call": ("for",), "warn": ("of", "about", "against"), "complain": ("about", "of"), "talk": ("about", "of"),
    "speak": ("about", "of", "out"), "refer": ("to",), "point": ("to",), "focus": ("on",),
    "rail": ("against",), "agree": ("with",), "boast": ("about", "of"), "think": ("of", "about"), "ask": ("about",),
    "comment": ("on",), "argue": ("for", "against", "about"), "worry": ("about",), "hope": ("for",),
    "hint": ("at",), "apologize": ("for",), "apologise": ("for",), "appeal": ("for",), "plead": ("for",),
    "advocate": ("for",), "push": ("for",), "press": ("for",), "lobby": ("for", "against"),
    "campaign": ("for", "against"),
}  # fmt: skip
# idioms of saying and judging: a verb with a particle or a fixed object, the prepositions (or "that", or "obj"
# for the particle verb's own object) that take the content, and the verb whose stance the idiom shares;
# "took aim at the plan" criticises the plan. Left out: idioms that conflict news uses for acts ("took a shot
# at", "went after", "fired back at", "called out the army", "signed off on").
IDIOM_CUES = {
    ("take", "aim"): (("at",), "criticize"), ("take", "swipe"): (("at",), "criticize"),
    ("take", "jab"): (("at",), "criticize"), ("take", "issue"): (("with",), "dispute"),
    ("take", "exception"): (("to",), "dispute"), ("take", "stand"): (("on", "against"), "argue"),
    ("lash", "out"): (("at", "against"), "criticize"), ("hit", "out"): (("at", "against"), "criticize"),
    ("weigh", "in"): (("on",), "comment"), ("chime", "in"): (("on",), "comment"),
    ("open", "up"): (("about", "on"), "say"), ("speak", "up"): (("for", "about", "against"), "say"),
    ("hold", "forth"): (("on", "about"), "say"), ("push", "back"): (("on", "against"), "dispute"),
    ("come", "out"): (("for", "against"), "argue"), ("make", "case"): (("for", "against", "that"), "argue"),
    ("make", "point"): (("that",), "argue"), ("make", "mention"): (("of",), "mention"),
    ("make", "reference"): (("to",), "refer"), ("sound", "alarm"): (("about", "over", "on"), "warn"),
    ("raise", "alarm"): (("about", "over"), "warn"), ("cast", "doubt"): (("on", "over", "upon"), "doubt"),
    ("pour", "scorn"): (("on",), "criticize"), ("heap", "praise"): (("on",), "praise"),
    ("talk", "up"): (("obj",), "tout"), ("play", "down"): (("obj",), "downplay"),
    ("shrug", "off"): (("obj",), "dismiss"), ("brush", "off"): (("obj",), "dismiss"),
    ("brush", "aside"): (("obj",), "dismiss"), ("wave", "off"): (("obj",), "dismiss"),
    ("walk", "back"): (("obj",), "deny"), ("rule", "out"): (("obj", "that"), "deny"),
    ("point", "out"): (("obj",), "note"), ("lay", "out"): (("obj",), "outline"),
    ("set", "out"): (("obj",), "outline"), ("spell", "out"): (("obj",), "explain"),
    ("put", "forward"): (("obj",), "propose"), ("sound", "off"): (("on", "about", "against"), "criticize"),
    ("draw", "contrast"): (("with", "between"), "compare"), ("call", "attention"): (("to",), "note"),
    ("draw", "attention"): (("to",), "note"),
}  # fmt: skip
# cues of an attitude towards the content, not of its truth: no evidence that an event happened
ATTITUDE_CUES = (
    EVALUATION_CUES
    | SIDING_CUES
    | PERCEPTION_CUES
    | frozenset("""want plan seek refuse threaten offer decide intend tout hail applaud endorse oppose thank mock
    ridicule talk refer point focus rail agree propose request proud fond furious angry upset happy pleased
    disappointed frustrated unhappy supportive enthusiastic eager keen willing reluctant determined decline
    grateful thankful glad sorry ashamed outraged appalled dismayed horrified hesitant apologize apologise appeal
    plead advocate push press lobby campaign""".split())
    | frozenset({"for", "to"})  # a viewpoint: "For most residents, the curfew is a relief"
    | frozenset(adj for adj, verb in ADJ_CUES.items() if verb in ("feel", "want", "oppose"))  # "thrilled", "tired of"
)
IRREGULAR = {"saw": "see", "seen": "see", "spoke": "speak", "spoken": "speak", "sought": "seek", "thought": "think"}
OBJECT_COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp"})
ARGUMENT_PREPS = frozenset({"of", "for", "as", "to", "with", "about", "over", "against", "on"})
ANSWERS = frozenset({"so", "yes", "no", "same", "otherwise", "nothing"})
QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
NO_SOURCE_CUES = frozenset("report say believe allege claim understand think expect estimate fear".split())
RELATIVE = frozenset({"who", "that", "which"})
PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "who"})
# nouns for people who hold views, beyond the kinds of source: "most voters back the plan", "critics fear that ..."
PEOPLE = frozenset(
    """people person voter critic supporter opponent expert analyst economist observer leader member delegate
    candidate citizen respondent participant scholar historian scientist researcher advocate activist lawmaker
    politician adviser advisor aide strategist commentator pundit donor fan worker parent student veteran man
    woman men women youth adult senior retiree farmer immigrant conservative liberal progressive moderate
    independent evangelical republican democrat millennial follower backer""".split()
)
# words for a share of a group of people, which holds the views of its members: "most voters", "a majority of
# Republicans", "three-quarters support the ban", "those who ..."
SHARES = frozenset(
    """percent majority minority plurality half third quarter fifth tenth most many some few those all none
    both each""".split()
)
COORDINATORS = frozenset({"as", "while", "because", "after", "when", "since", "though", "although", "where"})
# words that carry a content on after a cue set inside it: "The plan would help, she said, by cutting costs"
CONTINUERS = frozenset(
    "but and or yet because although though unless whereas by including than if while".split()
)

# Adverbs by which the reporter marks a clause as hearsay, with no source: "rebels reportedly fired first".
HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "reputedly", "supposedly", "seemingly"})

HEDGE_WORDS = re.compile(
    r"\b(possible|possibly|probably|perhaps|apparent(ly)?|reportedly|allegedly|alleged|unconfirmed|unverified|"
    r"unclear|not (immediately |yet )?(clear|known)|unknown|may have|might have|could have|suspected|"
    r"believed to|appears? to|seem(s|ed)? to|not have any (further |more )?(information|details)|"
    r"no (further|more) (information|details)|rumou?red|rumou?rs?)\b",
    re.IGNORECASE,
)
HEDGE_CLAUSE = re.compile(
    r"\bit\s+(?:was|is|remains|remained|has not been|had not been)\s+"
    r"(?P<cue>not\s+(?:immediately\s+|yet\s+|entirely\s+)?(?:clear|known|possible to (?:confirm|verify))|unclear|"
    r"unknown|(?:not\s+)?(?:immediately\s+)?(?:confirmed|verified))\b",
    re.IGNORECASE,
)
HEDGE_CLAUSE_TAIL = re.compile(r"(?:,\s*)?(?:although|though|but|and)?\s*" + HEDGE_CLAUSE.pattern + r".*", re.I | re.S)
ADVICE = re.compile(
    r"\b(stay(?:ing)?\s+(?:at\s+)?home|stay(?:ing)?\s+(?:indoors|inside)|remain(?:ing)?\s+(?:at\s+home|indoors|"
    r"inside)|shelter(?:ing)?\s+in\s+place|exercise\s+(?:extreme\s+|increased\s+|great\s+|a\s+high\s+degree\s+of\s+)?"
    r"caution|avoid\s+(?:all\s+|non-?essential\s+)?(?:travel|the\s+area|going|gatherings|crowds|demonstrations)|"
    r"(?:do\s+not|don't|should\s+not)\s+travel|reconsider\s+(?:your\s+)?travel|leave\s+the\s+country|"
    r"leave\s+(?:the\s+area\s+)?immediately|limit\s+(?:their\s+|your\s+)?movements?|keep\s+a\s+low\s+profile|"
    r"stay\s+away\s+from)\b",
    re.IGNORECASE,
)

ANONYMOUS = re.compile(
    r"\b(sources?|unnamed|anonymous|anonymity|not\s+to\s+be\s+(named|identified)|declined\s+to\s+be\s+(named|"
    r"identified)|(asked|requested)\s+not\s+to\s+be)\b",
    re.IGNORECASE,
)
WITNESS = re.compile(
    r"\b(residents?|witness(es)?|eyewitness(es)?|eye-witness(es)?|villagers?|locals?|inhabitants?|survivors?|"
    r"passers?-by|bystanders?|shopkeepers?|traders?|neighbou?rs?|onlookers?|motorists?)\b",
    re.IGNORECASE,
)
ORGANISATION = re.compile(
    r"\b(ngos?|non-governmental|charit(y|ies)|rights\s+groups?|human\s+rights|activists?|amnesty|red\s+cross|"
    r"red\s+crescent|icrc|msf|doctors\s+without\s+borders|save\s+the\s+children|oxfam|organi[sz]ations?|groups?|"
    r"associations?|unions?|foundations?|observatory|monitors?|watchdogs?|institutes?|think\s+tanks?|"
    r"campaigners?|aid\s+(agenc(y|ies)|workers?)|humanitarian|parties|party|movements?|coalitions?)\b",
    re.IGNORECASE,
)
OFFICIAL = re.compile(
    r"\b(government|governments|ministry|ministries|minister|military|army|armed\s+forces|police|gendarmerie|"
    r"embass(y|ies)|consulates?|spokes(man|woman|person|men|women|people)|united\s+nations|un|u\.n\.|"
    r"president|presidency|governor|mayor|officials?|authorit(y|ies)|commanders?|general|colonel|lieutenant|"
    r"officers?|ambassadors?|department|white\s+house|kremlin|pentagon|mission|minusma|monusco|african\s+union|"
    r"ecowas|nato|european\s+union|eu|world\s+health\s+organi[sz]ation|unicef|unhcr|ocha|wfp|council|"
    r"prosecutors?|court|judges?|commission|senators?|lawmakers?|parliament|troops|soldiers?|security\s+forces|"
    r"junta|cabinet|state\s+department|foreign\s+office|interior|defen[cs]e|navy|air\s+force|coast\s+guard|"
    r"administration|agency)\b",
    re.IGNORECASE,
)
MEDIA = re.compile(
    r"\b(reuters|afp|agence\s+france|associated\s+press|ap|bbc|cnn|al\s+jazeera|television|tv|radio|newspapers?|"
    r"news\s+agency|media|reporters?|journalists?|correspondents?|daily|times|post|journal|herald|tribune|"
    r"guardian|news|magazine|broadcaster)\b",
    re.IGNORECASE,
)
# straight marks open before a word and close after one, so that a stray mark does not pair every quotation after
# it with the text between two quotations ('said. "B."' is no quotation)
QUOTATION = re.compile(
    r"“[^“”]{1,3000}?”"
    r"|(?<![\w\"])\"(?=[^\s\"])[^\"\n]{1,3000}?(?<=\S)\"(?![\w\"])"
    r"|(?<![\w'])''(?=[^\s'])[^\n]{1,3000}?(?<=\S)''(?![\w'])"
)
SPOKES = re.compile(r"\bspokes(man|woman|person|men|women|people)\b", re.IGNORECASE)
CORE_CUT = re.compile(r"\s+(?:of|who|which|that|for|from|in|at|with|on)\s+|,|\(|—|–")
STOP = frozenset(
    """that this there these those their with from have been were will would could should about after before
    which while where when what said says also into than then them they other more most some such only over
    under again because being other""".split()
)
