"""The codebook's event triggers: one pattern per ACLED (and hazard) sub-type, and the cheap relevance gate.

``RULES`` holds the trigger words of each sub-type (case-insensitive, whole words; a space matches any run of
white space). ``gate`` is one compiled pattern of them all, so that ``extract/events.py`` skips the sentences that
name no event; ``sentence_sub_types`` lists every trigger of a text, the longest where they overlap. Which trigger
wins, and whether it is news, is decided in ``events.py``.
"""

from __future__ import annotations

import functools
import re

from tocsin import taxonomy
from tocsin.taxonomy import SubEventType

__all__ = ["RULES", "gate", "rule_pattern", "sentence_sub_types"]

_S = SubEventType
_LOOKBEHIND = re.compile(r"\(\?<[!=][^)]*\)")
# Codebook triggers per sub-type (case-insensitive, whole words). Precedence decides between co-occurring ones.
RULES: dict[SubEventType, str] = {
    _S.CHEMICAL_WEAPON: r"chemical (?:weapons?|attacks?|agents?|munitions?|bombs?)|sarin|chlorine (?:gas|attacks?|bombs?|barrels?)(?! (?:leak\w*|spill\w*|tanks?|cylinders?|plant))"
    r"|mustard gas|nerve (?:agent|gas)|poison(?:ous)? gas(?:es)?(?! (?:leak\w*|spill\w*))|toxic gas attack",
    _S.AIR_DRONE_STRIKE: r"air ?strikes?|air ?raids?(?! (?:alerts?|alarms?|sirens?|warnings?|shelters?))|drone (?:strikes?|attacks?)|aerial (?:bombardments?|attacks?|bombings?|raids?)"
    r"|(?:warplanes|jets|fighter jets|aircraft|helicopters?|helicopter gunships?|choppers|drones?|gunships?) (?:\w+ )?"
    r"(?:bombed|struck|pounded|targeted|hit|fired|destroyed|attacked|shelled|raided|strafed)"
    r"|raids? by (?:[\w'’-]+ ){0,3}(?:warplanes|jets|aircraft|helicopters|choppers|drones|air force)"
    r"|bombing raids?|air-?dropped|barrel bombs?|air force (?:bombed|struck|jets)",
    _S.SUICIDE_BOMB: r"suicide (?:bomb(?:s|er|ers|ing|ings)?|attacks?|attackers?|car bombs?|vests?|blasts?|bombers?)"
    r"|blew (?:himself|herself|themselves) up|blown themselves up|explosives?-laden vest|SVBIED|kamikazes?",
    _S.SHELLING: r"(?<!gas )shell(?:ing|ed|s)|artillery|mortars?(?: rounds| shells| fire| bombs)?"
    r"|(?:rockets?|missiles?)(?! (?:tests?|launch(?:es|ed|ing)?|programmes?|programs?|development|technology|defen[cs]es?|systems?|shield|sites?))"
    r"|bombard(?:ed|ment|ing)|katyusha|howitzers?",
    _S.REMOTE_EXPLOSIVE: r"IEDs?|improvised explosive|roadside bombs?|land ?mines?|car bombs?|bombs? (?:exploded|went off|blast)"
    r"|explosive devices?|explosions?|blasts?|detonated|explosives? (?:\w+ ){0,3}(?:blew up|exploded|went off)|booby[- ]trap(?:ped)?|magnetic bombs?|sticky bombs?|bombings?|bombed",
    _S.GRENADE: r"(?:hand )?grenades?|grenade attacks?",
    _S.SEXUAL_VIOLENCE: r"rap(?:e|ed|es|ing|ist|ists)|gang-?raped?|sexual(?:ly)? (?:assault(?:ed)?|violence|abuse[ds]?|exploitation)"
    r"|molest(?:ed|ation)",
    _S.ATTACK: r"massacre[ds]?|shot dead|shot and killed|hacked to death|burn(?:ed|t) alive|behead(?:ed|ing)|executed"
    r"|stabbed|tortured|killed|killing|murder(?:ed|s)?|slaughtered|hacked|shot and wounded"
    r"|opened fire (?:on|at|in|inside) (?:a |an |the )?(?:\w+ )?(?:civilians|villagers|worshippers|crowd|mosque|church|school|market"
    r"|hospital|bus|restaurant|hotel|concert|nightclub|festival|wedding|funeral|village|shoppers|mall|cafe|students|passengers)"
    r"|attacked (?:a |the )?(?:\w+ ){0,2}(?:villages?|villagers|civilians|farmers|residents|worshippers|church|mosque|school|bus|market"
    r"|hospital|hotel|camp for displaced|displaced)"
    r"|assassinat(?:ed|ion)|gunned down|lynch(?:ed|ing)"
    # an attack named by its kind or its weapon: the codebook's default for an attack with no target named
    r"|(?:terror(?:ist)?|deadly|gun|knife|machete|rebel|militia|militant|insurgent|jihadist|extremist|revenge) attacks?"
    r"|attacks? by (?:suspected )?(?:[\w-]+ )?(?:militants|rebels|insurgents|jihadists|extremists|militiamen|militias?)",
    _S.ABDUCTION: r"abduct(?:ed|ion|ions|s|ing)|kidnap(?:ped|ping|pings|pers|s)?|hostages?|taken captive|forced disappearances?"
    r"|disappeared|went missing|held captive",
    _S.PEACEFUL_PROTEST: r"protest(?:s|ed|ing|ers|ors)?|demonstrat(?:ion|ions|ors)|demonstrat(?:ed|ing) (?:against|outside|in front of|for|in support)"
    r"|rall(?:y|ies) (?:against|in support of|outside|for|in front of|organi[sz]ed by|demanding|calling|to protest|to demand)"
    r"|(?:held|staged|attended|organi[sz]ed|joined|addressed) (?:a |an |the )?(?:\w+ ){0,2}rall(?:y|ies)|rallied (?:against|outside|in front of|to(?! (?:beat|win|victory|a \d|an? \w+ win|tie|draw|level)))"
    r"|marched (?:to|through|on|against|in)|protest marches"
    r"|protest march|sit-ins?|(?<!air )(?<!drone )(?<!hunger )strikes? (?:by|over|against|action)|went on strike|general strike"
    r"|hunger strike|pickets?|picketed|picketing|vigils?|chant(?:ed|ing) slogans|(?:shout|rais)(?:ed|ing) slogans|sloganeering"
    r"|gathered (?:outside|in front of)|dharnas?|bandhs?|hartals?|gherao(?:ed|ing)?|(?:rasta|rail) roko|chakka jam|boycott(?:ed)?"
    r"|on strike|strikers|striking (?:\w+ )?(?:workers|teachers|doctors|nurses|miners|employees|drivers|staff|students|members|unions?)"
    r"|(?:taxi|bus|truckers'?|transport|workers'?|teachers'?|doctors'?|nurses'?|miners'?|labour|labor|wage|nationwide|indefinite"
    r"|one-day|two-day|three-day|day-long|public sector|civil servants'?|students'?) strikes?"
    r"|marchers|(?:led|held|staged|organi[sz]ed|joined|leading) (?:a |an |the )?(?:\w+ ){0,2}march(?:es)?\b|a march (?:to|on|through|against|from)"
    r"|walk-?outs?|walked out (?:of|over|in protest)|work stoppages?|downed tools|stopped (?:reporting for duty|work(?:ing)? in protest)"
    r"|stayed away from work|go-slow|work-to-rule|industrial action|sympathy strikes?|wildcat strikes?"
    r"|(?:embarked on|began|started|declared|staged|observed|joined|continued|suspended|called off|ended) (?:a |an |the |their |its )?"
    r"(?:(?!air|drone|missile|military|aerial|precision|retaliatory|pre-emptive|nuclear)[\w-]+ )?strike"
    r"|(?<!air )(?<!drone )(?<!missile )(?<!hunger )(?<!military )(?:the|this|that|their|its|illegal|unprotected|protected|rail|commuter"
    r"|mine|wage|pay|week-long|month-long) strikes?\b|strike-related|(?:were|are|was|is|been|kept|keep) striking\b(?! (?:a|an|the|at|targets?)\b)"
    r"|(?:were|are|was|is|been) demonstrating\b|marching (?:to|through|on|against|in)\b|(?:the|a) march (?:by|was|were|of)\b"
    r"|gathered (?:in|at|for) (?:\w+ )?rall(?:y|ies)|block(?:ed|ing) (?:the |a |off )?(?:\w+ ){0,2}(?:roads?|railways?|railway lines?|highway|streets?"
    r"|entrance|gates?|traffic|access|N\d+)"
    r"|die-ins?|(?:poured|spilled|streamed) (?:into|onto) the streets|thronged the streets"
    r"|placards|toyi-?toyi(?:ing|ed)?|t(?:ook|ake|aking) to the streets?|stay-?aways?|sit-down protests?|agitation|agitating|agitators"
    r"|memorandum of (?:demands|grievances)|handed (?:over )?a memorandum"
    r"|blockad(?:ed|ing) (?:the )?(?:\w+ ){0,2}(?:roads?|entrance|streets?|highway|gates?|offices?|premises|railway|port)"
    # a petition carried to the authorities by the people behind it; one filed in court is a case, not a protest
    r"|(?:handed over|delivered|handed in) (?:a |an |the |their )?(?:\w+ ){0,2}petitions?"
    # one rally named by its purpose ("a campaign rally", "an anti-government rally"); a bare "rally" may be a market's,
    # and a bare plural ("the right to attend political rallies") names no particular one
    r"|(?:campaign|election|electoral|political|party|opposition|mass|solidarity|protest|anti-[\w-]+|pro-[\w-]+) (?:[\"“‘'][^\"”’'.]{1,40}[\"”’'] )?rally"
    r"|walked off the job|(?:total|complete) shutdown"
    # labour and civic protest as the Southern African press names it: a union's "(rolling) mass action", a strike
    # counted in days or weeks ("a five-week strike")
    # a crowd heard chanting is gathered; workers who "struck" went on strike
    r"|(?:crowds?|protesters|residents|supporters|marchers|workers|students|youths) (?:[\w'’-]+ ){0,3}chant(?:ed|ing)"
    r"|(?:workers|employees|miners|teachers|nurses|doctors|drivers|staff) (?:[\w'’-]+ ){0,5}struck (?:on |to |over |for |in protest|\w+day)"
    r"|(?:rolling )?mass action|refus(?:ed|ing) to (?:return to|go back to|resume) (?:work|their jobs|duty)|(?:[\w]+-)(?:day|week|month)(?:-long)? strikes?"
    # occupations and land invasions: a protest only with a crowd and no troops in the sentence (_WEAK_PROTEST)
    r"|land invasions?|invad(?:ed|ing) (?:\w+ ){0,2}(?:land|farms?|plots?)"
    r"|occup(?:ied|ying) (?:the )?(?:\w+ ){0,2}(?:offices?|premises|buildings?|land|farms?|campus|council chambers?|hall)",
    _S.PROTEST_WITH_INTERVENTION: r"tear[- ]?gas|water cannons?|rubber bullets|dispers(?:ed|ing|e)|broke up the|baton[- ]charged?|lathi-?charged?"
    r"|pepper[- ]spray(?:ed)?|(?:stun|smoke) grenades|flash-?bangs?|suppress(?:ed)?|crack(?:ed)? down|(?:prevented|blocked|stopped|foiled|halted) (?:\w+ ){0,2}(?:march|protest|rally|demonstration)|cordoned off|forcibly removed"
    r"|(?:dragged|drag|carried|hauled|pulled) (?:\w+ ){0,3}(?:away|off the road|off the street|out of the way|into (?:police )?vans)",
    _S.EXCESSIVE_FORCE: r"excessive force|violently (?:suppressed|dispersed|broke up|cracked down)|brutally (?:suppressed|dispersed|beat|beaten)"
    r"|(?:opened fire|fired live (?:rounds|ammunition|bullets)|shot|killed|fired) (?:on |at |into )?(?:the )?"
    r"(?:peaceful )?(?:protesters|demonstrators|marchers|protestors)|(?:fired|used|firing|using) live (?:ammunition|rounds|bullets)",
    _S.VIOLENT_DEMONSTRATION: r"riot(?:s|ing|ed|ers|ous)?|(?:threw|hurled|pelted) (?:stones|rocks|petrol bombs|molotov)|stone-?(?:pelting|throwing)|stone throwing"
    r"|burn(?:ed|t|ing) tyres|set up barricades|barricaded|violent (?:protests?|demonstrations?)|pelted|torched"
    r"|set (?:ablaze|alight|on fire|fire to)|barricad(?:e|ing) (?:the |a )?(?:roads?|streets?|entrance)|clashed with (?:the )?police|ransacked|vandali[sz]ed|turned violent|went on (?:the |a )?rampage|molotov(?: cocktails?)?|violent clashes"
    r"|(?:hurled|threw|throws|throwing|pelting) (?:stones|rocks|bricks|bottles|fireworks|petrol bombs)|smashed|damaged (?:vehicles|shops|property)|scuffl(?:e|es|ed|ing)"
    r"|stones were (?:thrown|hurled|pelted)|stoned (?!to death)(?:\w+ ){0,2}(?:police|vehicles|cars|buses|officers|motorists|houses|shops)"
    r"|(?:were|was) stoned(?! to death)"
    r"|(?:aggressive|angry and violent|unruly) (?:demonstrations?|protests?|crowds?)|violently (?:threw|thrown|attacked|pushed)"
    r"|(?:descended|degenerated|spiral(?:l)?ed|erupted) into (?:violence|chaos|mayhem|running battles)|outbreaks? of violence|running battles"
    # group clashes: supporters of rival parties or factions fighting each other, not troops and rebels
    r"|(?:clash(?:es|ed)?|fighting|fights|violence|scuffles) (?:(?:broke out|erupted|flared(?: up)?) )?between (?:rival )?(?:[\w'’-]+ ){0,3}(?:supporters|factions|party members|members)"
    # ... with the place, or a relative clause, between the fight and its sides ("violence, which erupted in the
    # capital between supporters of the two candidates")
    r"|(?:clashes|fighting|fights|violence|scuffles)\b[^.;]{0,80}?\b(?:broke out|erupted|flared(?: up)?|occurred|took place) (?:in|at|on|outside|near|across) "
    r"(?:[\w'’-]+ ){1,4}between (?:rival )?(?:[\w'’-]+ ){0,3}(?:supporters|factions|party members)"
    r"|(?:rival|party|political|opposition) (?:supporters|factions|groups) (?:\w+ )?(?:clashed|fought|attacked each other)"
    # the charge a crowd that rioted faces in Southern African courts, and clan or hostel "faction fighting"
    r"|public violence|faction fight(?:s|ing)?|petrol-bomb(?:ed|ing)"
    # violence named by the groups it sets against each other or by the contest it comes with
    r"|(?:post-?election|pre-?election|election-related|ethnic|sectarian|communal|tribal|factional|inter-?party|intra-?party"
    r"|xenophobic) (?:violence|clashes)",
    _S.MOB_VIOLENCE: r"mobs? (?:attacked|lynched|killed|beat|set|torched|stormed|burned|burnt)|(?:angry|irate|enraged) mobs?|by (?:a|an) (?:[\w-]+ ){0,2}mob"
    r"|mob (?:justice|violence|attacks?)|lynch(?:es|ed|ing|ings)?|by (?:\w+ )?vigilantes|vigilante (?:attack|justice|killing)s?|mob justice|jungle justice|beaten to death|angry crowd"
    r"|xenophobic (?:attacks?|violence)",
    _S.ARMED_CLASH: r"clash(?:es|ed|ing)?|fighting|fought|gun ?battles?|fire ?fights?|exchanges? of fire|exchanged fire|ambush(?:ed|es)?"
    r"|gunfire|gunshots|shoot-?outs?|skirmish(?:es)?|heavy fighting|counter-?attack(?:ed)?|repuls(?:ed|e)|repell?ed"
    r"|battl(?:e|ed|es|ing)|attacked (?:a |an |the )?(?:military|army|police|security) (?:base|post|camp|checkpoint|convoy|patrol|position)s?"
    r"|engaged (?:in )?(?:a )?(?:fierce )?(?:fight|combat)|firing|opened fire|exchanged gunfire|offensive"
    r"|(?:attack(?:ed|s|ing)?|stormed|raided|set upon|assaulted|overran) (?:\w+ ){0,4}(?:soldiers|troops|policemen|police|base|positions?|forces|(?<!protest )(?<!refugee )(?<!displacement )(?<!displaced )(?<!IDP )camp|checkpoint|outpost|post|barracks|convoy|patrol)"
    r"|fire exchange|exchange of gunfire|fended off|charged (?:a |the )?(?:camp|base|position)s?",
    _S.GOVERNMENT_REGAINS_TERRITORY: r"recaptur(?:ed|e|ing)|retook|retaken|regain(?:ed)?(?: control)?|took back|liberat(?:ed|ion)"
    r"|wrest(?:ed)? (?:back )?control|back under (?:government|army|state) control|reclaimed|(?:captur(?:ed|ing)|overran) (?:the |a )?(?:\w+ ){0,3}(?:towns?|village|villages|city|district|areas?|hills?|hilltops?|posts?|region|bases?|airport|territory)"
    r"|occupied (?:(?:\d+|two|three|four|five|six|several|more|the|a) )+(?:\w+ ){0,2}(?:towns?|villages?|hills?|hilltops|posts|positions|bases?|district)"
    r"|(?:seized|took|taken|gained|recovered) (?:full |back |complete )?control|gained ground|entered (?:the )?(?:town|city|village)|seized back|(?:drove|driven|pushed|forced) (?!(?:their|his|her|its|our|my) way)(?:\w+ ){0,2}(?:back|out)|cleared (?:the )?(?:\w+ )?(?:of|from)",
    _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY: r"(?:militants|rebels|insurgents|jihadists|fighters|Taliban|ISIS|Islamic State|Al[- ]Shabaab"
    r"|group|militia|militiamen) (?:\w+ ){0,3}(?:captured|seized|took control of|overran|took over|stormed and took|occupied)"
    r"|fell to (?:the )?(?:militants|rebels|insurgents|jihadists|Taliban)|under (?:rebel|militant|insurgent) control",
    _S.AGREEMENT: r"(?:signed|sign|reached|agreed (?:to|on)|struck|brokered|concluded) (?:an? |the )?(?:\w+ ){0,2}(?:agreement|deal|accord|ceasefire|cease-fire|truce|pact|memorandum)"
    r"|ceasefire|cease-fire|truce|prisoner (?:swap|exchange)|peace (?:deal|accord|agreement)|exchang(?:ed|e) (?:\w+ ){0,2}prisoners"
    r"|agreed to (?:\w+ ){0,3}(?:ceasefire|truce|talks|resume|release|withdraw)"
    r"|surrender(?:ed|s|ing)? (?:to|before)|(?:have|has|had) surrendered|surrendered (?:their|his|its) (?:arms|weapons)",
    _S.ARRESTS: r"(?<!cardiac )(?<!heart )(?<!respiratory )arrest(?:ed|s|ing)?(?! warrants?)|detain(?:ed|s|ing)?"
    r"|apprehend(?:ed)?(?! (?:that|a threat|threats|danger|trouble|violence|the possibility|a breach))|taken into custody|nabbed|rounded up|remanded"
    r"|picked up (?:\w+ ){0,3}by (?:the )?police|police (?:\w+ ){0,2}picked up"
    r"|held (?:\d+|several|dozens of|some) (?:suspects|people|men)|(?:in|into) (?:police )?custody",
    _S.CHANGE_TO_GROUP: r"new leader|(?:named|appointed|elected) (?:a |as )?(?:new )?(?:leader|commander|chief)|defect(?:ed|ion|ions|ors)"
    r"|pledged allegiance|merged|merger|split from|renamed|dissolved|disbanded|changed its name|recruit(?:ed|ing|ment)"
    r"|mobili[sz](?:ed|ation|ing)|reinforcements|dispatched (?:\w+ ){0,3}(?:forces|troops|soldiers)"
    r"|deployed (?:\w+ ){0,3}(?:troops|forces|soldiers)|formed (?:a |an )?(?:new )?(?:\w+ ){0,2}(?:unit|brigade|organi[sz]ation|militia|alliance|coalition)|laid down (?:their|its) (?:arms|weapons)|joined (?:the )?(?:group|rebels|militants)",
    _S.DISRUPTED_WEAPONS_USE: r"(?:defused|dismantled|deactivated|neutrali[sz]ed|seized|recovered|intercepted|confiscated|found|discovered|unearthed|foiled|thwarted|shot down|destroyed|cleared|captured)"
    r" (?:[\w-]+ ){0,4}(?:firearms|pistols|bullets|machine guns|weapons|arms|ammunition|explosives|IEDs?|bombs?|land ?mines?|mines|cache|drones?|rockets?|missiles?|grenades?|attack|plot|rifles|guns)"
    r"|weapons? caches?|arms caches?|bomb disposal|defused|shot down|intercepted|caches? of (?:weapons|arms|ammunition|explosives)"
    r"|(?:weapons|arms|ammunition|firearms|explosives|IEDs|devices|grenades|rifles|pistols|bullets|landmines|mines|guns|cache) (?:\w+ ){0,6}(?:were|was|have been|has been) "
    r"(?:found|seized|recovered|discovered|defused|captured|destroyed|cleared|confiscated|unearthed)",
    _S.HEADQUARTERS_ESTABLISHED: r"(?:established|establish|set up|build|built|opened|erected|setting up|created|constructed) (?:\w+ ){0,3}"
    r"(?:base|bases|headquarters|camp|camps|outposts?|checkpoints?|military posts?|command cent(?:re|er)|stronghold|observation points?|posts?|barracks)"
    r"|headquarters",
    _S.LOOTING: r"loot(?:ed|ing|ers)?|pillag(?:ed|ing|e)|plunder(?:ed)?|(?:burned|burnt|torched|set fire to|destroyed|demolished|razed|vandali[sz]ed) (?:[\w'’-]+ ){0,4}"
    r"(?:houses|homes|shops|property|properties|buildings?|vehicles|cars|schools?|church(?:es)?|mosques?|markets?|offices?|stalls|crops|huts|granaries)"
    r"|(?:houses|homes|shops|properties|buildings|vehicles|cars|stalls|offices)(?: and \w+)? (?:were|was|had been|have been) "
    r"(?:destroyed|burn(?:ed|t)|torched|razed|vandali[sz]ed|set ablaze|looted|set on fire|ransacked)"
    r"|arson|property destruction|ransacked|(?:campaign|wave|spate) of (?:torching|arson|burning)"
    r"|(?:destruction|burning|torching) of (?:\w+ ){0,4}(?:property|properties|buildings|houses|homes|shops|vehicles)",
    _S.NON_VIOLENT_TRANSFER: r"withdr(?:ew|awn|awal|aw|awing)(?! (?:from|of) (?:a |an |the |its |their )?(?:\w+ ){0,3}"
    r"(?:pact|treaty|deal|agreement|accord|talks|race|elections?|bid|candidacy|case|bill|charges|support|coalition|competition))|pulled out(?= ?[.,;]| of| from|$)|pull(?:ed|s|ing)? back|began leaving|evacuation deal"
    r"|handed (?:over )?authority|handed over (?:control|the town|the city|the base|territory)"
    r"|retreat(?:ed|s)?|abandon(?:ed)? (?:\w+ ){0,2}(?:positions?|bases?|towns?|posts?)|without (?:a fight|resistance|fighting)|ceded|evacuated (?:its|their) (?:positions|base|troops)",
    _S.OTHER: r"mutin(?:y|ies|eers?|ous)|coup(?: d'?(?:e|é)tat)?|(?:took|taken|take|taking) up arms|seized power|toppled|overthr(?:ew|own|ow)|ousted|military takeover"
    r"|martial law|state of emergency|curfew",
    _S.NATURAL_DISASTER: r"earthquakes?|quakes?|floods?|flooding|flooded|flash floods?|cyclones?|hurricanes?|typhoons?|landslides?"
    r"|(?:tropical|severe|winter|snow|dust|heavy|violent) storms?|heavy snow(?:fall)?|snowstorms?|blizzards?|storm (?:hit|lashed|battered|swept|struck)|storms (?:hit|lashed|battered)"
    r"|mudslides?|droughts?|tsunamis?|volcan(?:o|oes|ic eruption)|wild ?fires?|forest fires?|bush ?fires?|heat ?waves?|avalanches?|locusts?"
    r"|epidemic|pandemic|outbreaks?(?! of (?:violence|fighting|clashes|hostilities|unrest))|cholera|covid(?:-19)?|coronavirus|ebola|dengue|malaria|measles|lassa|monsoon|heavy rains?|torrential rains?"
    r"|tornado(?:es)?|lightning|tremors?|magnitude|infections|infected|positive cases",
    _S.MAN_MADE_DISASTER: r"collaps(?:e|ed|es)|(?:fire|blaze) (?:broke out|gutted|engulfed|destroyed|razed|swept)|derail(?:ed|ment)|capsiz(?:ed|es)"
    r"|(?:train|bus|road|plane|boat|ferry|truck|car) (?:accident|crash|collision)|crash(?:ed|es)?|collided|collision|(?:gas|chemical|oil) (?:leak|spill)"
    r"|oil spill|industrial accident|(?:gas|cylinder|boiler|factory|mine|tanker|fuel) (?:explosion|blast)|stampede|(?:hooch|liquor|food) poisoning"
    r"|short circuit|electrocuted|(?:caught|catching|catches) fire|burst into flames|went up in flames"
    r"|accidental(?:ly)? (?:released|discharged|spilled|leaked|release|discharge)|toxic (?:spill|release|leak)s?|firefighters|blaze|gutted|drowned|sank|accident|(?:massive|huge|major) fire"
    r"|(?:gas|chemical|oil|chlorine|ammonia|oxygen|toxic|radioactive|fuel|tank|pipeline) (?:leak(?:s|ed|age)?|spill(?:s|ed)?)"
    r"|(?:boiler|cylinder|tank|tanker|furnace|reactor|transformer|pipeline|container|gas pipe) (?:(?!explosives?\b|bombs?\b|IEDs?\b)[\w-]+ ){0,5}(?:exploded|blew up|burst)"
    r"|(?:plunged|fell|veered) (?:off|into) (?:a |the )?(?:bridge|river|gorge|ravine|canal|valley)",
    _S.ORGANIZED_CRIME: r"drugs?|narcotics?|cocaine|heroin|methamphetamine|meth|cannabis|marijuana|ganja|hashish|smuggl(?:ed|ing|ers?)|cartels?"
    r"|gangs?|gangsters?|extortion|trafficking|traffickers|counterfeit|money laundering|contraband|robber(?:y|ies|s)|armed robbers|syndicate"
    r"|poach(?:ing|ers)|illegal mining|fake currency|mafia|racket|migrants|pornograph(?:y|ic)|fraud|scams?|hate crime"
    r"|(?:attempted )?robbery",
    _S.DIPLOMATIC_EVENT: r"(?:held|hold|holds) talks|talks|summit|visit(?:ed|s)?|met (?:with )?|meeting|bilateral|delegation|envoys?|ambassadors?"
    r"|diplomat(?:s|ic)?|foreign minister|sanctions|expelled|recalled|summoned|phone call|mediat(?:ion|or|ors|ed|ing)|negotiat(?:ions|ed|ing)"
    r"|condemn(?:ed|s)|urged|called on",
    _S.ATTRIBUTION: r"claimed responsibility|claim(?:ed|s)? (?:of )?responsibility|responsibility for|blamed|accused|held (?:\w+ )?responsible"
    r"|was behind|were behind|attributed|denied (?:any )?involvement|no group (?:has )?claimed"
    r"|(?:rejected|denied|dismissed) (?:the |an? )?(?:\w+ )?(?:allegations?|accusations?|claims?|reports?) (?:of|that)"
    r"|claimed (?:the )?(?:murder|killing|assassination|bombing|attack|kidnapping)s?",
}


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], tuple[tuple[SubEventType, re.Pattern[str]], ...]]:
    patterns = {sub: _flexible(pattern) for sub, pattern in RULES.items()}
    rules = tuple((sub, re.compile(rf"\b(?:{pattern})\b", re.I)) for sub, pattern in patterns.items())
    return re.compile("|".join(rf"\b(?:{p})\b" for p in patterns.values()), re.I), rules


def _flexible(pattern: str) -> str:
    """Let a rule's spaces match any run of white space: wire copy often has double spaces and line breaks.

    >>> re.search(_flexible("marched (?:to|on)"), "members marched  on a farm") is not None
    True
    """
    parts = _LOOKBEHIND.split(pattern)
    kept = _LOOKBEHIND.findall(pattern)  # a look-behind must keep its fixed width
    loose = [part.replace("[- ]", "[-\\s]").replace(" ?", "\\s*").replace(" ", "\\s+") for part in parts]
    return "".join(piece for pair in zip(loose, [*kept, ""], strict=True) for piece in pair)


def gate(text: str) -> bool:
    """Return whether ``text`` names any event trigger at all (the cheap relevance gate).

    >>> gate("Gunfire was heard at an army base."), gate("Shares rose 3 percent on Tuesday.")
    (True, False)
    """
    return _compiled()[0].search(text) is not None


def sentence_sub_types(text: str) -> list[tuple[SubEventType, int, int]]:
    """Return every codebook trigger in ``text`` as (sub-type, start, end), in text order.

    >>> [s.value for s, _, _ in sentence_sub_types("A suicide bomber struck a market.")]
    ['Suicide bomb']
    """
    found: list[tuple[SubEventType, int, int]] = []
    for sub, regex in _compiled()[1]:
        found.extend((sub, m.start(), m.end()) for m in regex.finditer(text))
    return sorted(_drop_nested(found), key=lambda t: t[1])


def _drop_nested(found: list[tuple[SubEventType, int, int]]) -> list[tuple[SubEventType, int, int]]:
    """Keep the longest trigger where triggers overlap ("suicide car bomb" is not also a "car bomb")."""
    kept: list[tuple[SubEventType, int, int]] = []
    for item in sorted(found, key=lambda t: (t[1] - t[2], taxonomy.PRECEDENCE.index(t[0]))):
        if not any(item[1] < k[2] and k[1] < item[2] and (k[2] - k[1]) > (item[2] - item[1]) for k in kept):
            kept.append(item)
    return kept


def rule_pattern(sub: SubEventType) -> re.Pattern[str]:
    """Return the compiled trigger pattern of one sub-type.

    >>> rule_pattern(SubEventType.ARRESTS).search("Police arrested three men.") is not None
    True
    """
    return dict(_compiled()[1])[sub]
