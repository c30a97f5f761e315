"""Writes the event-typing training corpus (train/events_corpus.jsonl) from templates the project wrote.

Every snippet is built from hand-written templates for the 30 classes (ACLED's 25 sub-types, the five hazard
types) and ``NONE`` (not an event: business, sport, metaphor, threats, plans, denials), filled from slot lists of
actors, places, dates, numbers and outlets, in several styles (wire dispatch, local press, analyst notes). Nothing
here comes from an evaluation set. Run: ``python train/events_corpus.py`` (deterministic: seeded).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "events_corpus.jsonl"
PER_CLASS = 220
SEED = 20260

PLACES = [
    ("Maiduguri", "Borno state", "Nigeria", "Nigerian"), ("Gao", "the Gao region", "Mali", "Malian"),
    ("Mopti", "central Mali", "Mali", "Malian"), ("Kati", "the Koulikoro region", "Mali", "Malian"),
    ("Djibo", "Soum province", "Burkina Faso", "Burkinabe"), ("Tillaberi", "western Niger", "Niger", "Nigerien"),
    ("Mogadishu", "the Banadir region", "Somalia", "Somali"), ("Beledweyne", "Hiran region", "Somalia", "Somali"),
    ("Kandahar", "Kandahar province", "Afghanistan", "Afghan"), ("Jalalabad", "Nangarhar province", "Afghanistan", "Afghan"),
    ("Peshawar", "Khyber Pakhtunkhwa", "Pakistan", "Pakistani"), ("Quetta", "Balochistan", "Pakistan", "Pakistani"),
    ("Idlib", "northwestern Syria", "Syria", "Syrian"), ("Deir ez-Zor", "eastern Syria", "Syria", "Syrian"),
    ("Mosul", "Nineveh province", "Iraq", "Iraqi"), ("Kirkuk", "northern Iraq", "Iraq", "Iraqi"),
    ("Taiz", "southwestern Yemen", "Yemen", "Yemeni"), ("Marib", "central Yemen", "Yemen", "Yemeni"),
    ("Beni", "North Kivu province", "Congo", "Congolese"), ("Bunia", "Ituri province", "Congo", "Congolese"),
    ("Goma", "eastern Congo", "Congo", "Congolese"), ("Bangui", "the capital", "Central African Republic", "Central African"),
    ("Khartoum", "the capital", "Sudan", "Sudanese"), ("El Geneina", "West Darfur", "Sudan", "Sudanese"),
    ("Juba", "Central Equatoria", "South Sudan", "South Sudanese"), ("Mekelle", "the Tigray region", "Ethiopia", "Ethiopian"),
    ("Kharkiv", "eastern Ukraine", "Ukraine", "Ukrainian"), ("Donetsk", "the Donbas", "Ukraine", "Ukrainian"),
    ("Sittwe", "Rakhine state", "Myanmar", "Myanmar"), ("Mandalay", "central Myanmar", "Myanmar", "Myanmar"),
    ("Dantewada", "Chhattisgarh", "India", "Indian"), ("Srinagar", "Jammu and Kashmir", "India", "Indian"),
    ("Lucknow", "Uttar Pradesh", "India", "Indian"), ("Imphal", "Manipur", "India", "Indian"),
    ("Cotabato", "Mindanao", "Philippines", "Philippine"), ("Marawi", "Lanao del Sur", "Philippines", "Philippine"),
    ("Cali", "Valle del Cauca", "Colombia", "Colombian"), ("Cucuta", "Norte de Santander", "Colombia", "Colombian"),
    ("Culiacan", "Sinaloa", "Mexico", "Mexican"), ("Port-au-Prince", "the capital", "Haiti", "Haitian"),
    ("Lagos", "Lagos state", "Nigeria", "Nigerian"), ("Zaria", "Kaduna state", "Nigeria", "Nigerian"),
    ("Nairobi", "the capital", "Kenya", "Kenyan"), ("Lamu", "the coast", "Kenya", "Kenyan"),
    ("Cabo Delgado", "northern Mozambique", "Mozambique", "Mozambican"), ("Palma", "Cabo Delgado province", "Mozambique", "Mozambican"),
    ("Bamenda", "the North-West region", "Cameroon", "Cameroonian"), ("Diffa", "southeastern Niger", "Niger", "Nigerien"),
    ("Benghazi", "eastern Libya", "Libya", "Libyan"), ("Tripoli", "western Libya", "Libya", "Libyan"),
    ("Gaza City", "the Gaza Strip", "Palestine", "Palestinian"), ("Jenin", "the West Bank", "Palestine", "Palestinian"),
    ("Diyarbakir", "southeastern Turkey", "Turkey", "Turkish"), ("Dhaka", "the capital", "Bangladesh", "Bangladeshi"),
    ("Karachi", "Sindh province", "Pakistan", "Pakistani"), ("Colombo", "the Western Province", "Sri Lanka", "Sri Lankan"),
    ("Caracas", "the capital", "Venezuela", "Venezuelan"), ("Harare", "the capital", "Zimbabwe", "Zimbabwean"),
    ("Kampala", "the capital", "Uganda", "Ugandan"), ("Bujumbura", "the capital", "Burundi", "Burundian"),
    ("Tunis", "the capital", "Tunisia", "Tunisian"), ("Beirut", "the capital", "Lebanon", "Lebanese"),
    ("Yangon", "the commercial hub", "Myanmar", "Myanmar"), ("Ouagadougou", "the capital", "Burkina Faso", "Burkinabe"),
]
ARMED = [
    "gunmen", "unidentified gunmen", "suspected militants", "armed men", "assailants", "unknown attackers",
    "Boko Haram fighters", "ISWAP insurgents", "Al Shabaab militants", "JNIM militants", "Taliban fighters",
    "Islamic State fighters", "Maoist rebels", "ADF rebels", "M23 rebels", "Houthi fighters", "PKK militants",
    "armed bandits", "jihadists", "militiamen", "rebel fighters", "insurgents", "suspected Fulani militiamen",
    "Anglophone separatists", "ELN guerrillas", "FARC dissidents", "Arakan Army fighters", "RSF fighters",
]
GROUPS = [
    "Boko Haram", "ISWAP", "Al Shabaab", "JNIM", "the Taliban", "Islamic State", "the ADF", "M23", "the Houthis",
    "the PKK", "the Arakan Army", "the ELN", "Hamas", "Hezbollah", "the Tehreek-e-Taliban Pakistan", "AQAP",
    "the Rapid Support Forces", "Ansar al-Sunna", "the Islamic State Sahel Province", "the CPI (Maoist)",
]
STATE = [
    "soldiers", "troops", "the army", "security forces", "government forces", "the military", "army troops",
    "{dem} soldiers", "{dem} troops", "{dem} forces", "the {dem} army", "special forces", "paramilitary forces",
    "gendarmes", "counter-insurgency forces", "a military patrol", "marines", "national guard units",
]
POLICE = [
    "police", "the police", "riot police", "policemen", "police officers", "anti-riot police", "{dem} police",
    "security personnel", "the local police", "officers", "a police team", "the crime branch",
]
CIVS = [
    "villagers", "civilians", "farmers", "residents", "worshippers", "traders", "passengers", "herders",
    "students", "a family", "women and children", "fishermen", "displaced people", "mourners", "shoppers",
    "a local chief", "a village head", "aid workers", "a teacher", "a journalist", "miners", "motorists",
]
PROTESTERS = [
    "protesters", "demonstrators", "hundreds of people", "thousands of supporters", "students", "teachers",
    "health workers", "farmers", "opposition supporters", "women", "traders", "activists", "workers",
    "residents", "youths", "lawyers", "market women", "members of the union", "retirees", "taxi drivers",
]
CAUSES = [
    "against rising fuel prices", "demanding the release of detained activists", "over unpaid salaries",
    "against the new land law", "calling for the resignation of the governor", "against police brutality",
    "over frequent power cuts", "against the killing of a student", "demanding better security",
    "against the election results", "over water shortages", "against a proposed tax", "against the curfew",
    "in support of the jailed opposition leader", "against the closure of the market", "over poor roads",
    "demanding justice for victims of the attack", "against corruption", "against the mining project",
]
DATES = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
    "late on Monday", "early on Tuesday", "on Wednesday night", "on Thursday morning", "overnight",
    "on 12 March", "on 3 June", "on 28 October", "on Sunday evening", "yesterday", "this morning", "",
    "on Friday afternoon", "last night", "on 14 February", "on 9 September",
]
NUMS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "11", "12", "14", "15", "17",
        "20", "23", "25", "30", "at least three", "at least 10", "more than 20", "dozens of", "several", "scores of"]
SOURCES = [
    "police said", "officials said", "a local official said", "witnesses said", "the army said in a statement",
    "residents told Reuters", "a security source told AFP", "local media reported", "the ministry said",
    "according to a police spokesman", "a military spokesman said", "according to local sources",
    "a hospital official said", "the governor said", "the group said in a statement", "state media reported",
    "a rights group said", "the UN said", "according to the district administration", "sources said",
]
OUTLETS = ["(Reuters)", "(AFP)", "(AP)", "(Xinhua)", "(Anadolu)", "(dpa)"]
LEADERS = ["the president", "the prime minister", "the foreign minister", "the defence minister", "the UN envoy",
           "the head of the African Union", "the EU foreign policy chief", "the US secretary of state",
           "the Turkish president", "the Russian foreign minister", "the Qatari emir", "the Kenyan president"]
BACKGROUND = [
    "The region has seen a surge in violence in recent months.",
    "No further details were immediately available.",
    "The area has been under a state of emergency since last year.",
    "Authorities have not commented on the incident.",
    "It was not immediately clear who was responsible.",
    "Investigations are ongoing.",
    "The town lies about 40 km from the border.",
    "Humanitarian groups say access to the area remains difficult.",
    "Local leaders called for calm.",
    "The incident comes amid rising tensions in the region.",
    "The government has deployed additional troops to the area in recent weeks.",
    "Journalists have limited access to the region.",
    "The district has been hit by repeated incidents this year.",
    "Officials said a search operation was under way.",
]

T: dict[str, list[str]] = {
    "ARMED_CLASH": [
        "{state} clashed with {armed} {loc} {date}, {src}.",
        "Heavy fighting broke out between {state} and {armed} {loc} {date}, leaving {num} fighters dead.",
        "{armed} attacked a military post {loc} {date}, sparking a gun battle that lasted several hours, {src}.",
        "{num} soldiers and {num2} militants were killed in an exchange of fire {loc} {date}.",
        "{armed} ambushed an army convoy {loc} {date}, killing {num} soldiers before troops repelled the attack.",
        "On {dm}, {group} fighters clashed with {state} {loc}. {num} people were reportedly killed.",
        "Fierce clashes between rival armed groups {loc} {date} killed {num} fighters, {src}.",
        "{state} repulsed an attack by {armed} on their base {loc} {date}, {src}.",
        "A firefight erupted {loc} {date} when {armed} opened fire on a security checkpoint.",
        "Fighting between {group} and {group2} continued {loc} {date}, residents said.",
        "Troops engaged {armed} in a gun battle {loc}, killing {num} of them, the army said.",
        "{armed} and vigilantes exchanged fire {loc} {date}; {num} people died in the fighting.",
        "Security forces battled {armed} for hours {loc} {date} after the militants stormed a police station.",
    ],
    "GOV_REGAINS_TERIT": [
        "{state} recaptured the town of {town} from {group} {date}, {src}.",
        "The army said it had regained control of {town} {date} after days of fighting with {armed}.",
        "Government troops retook the district headquarters in {town} {date}, two weeks after it fell to {group}.",
        "{state} liberated several villages {loc} from {group} {date}, the military said.",
        "On {dm}, {state} took back control of {town} following the withdrawal of {armed}.",
        "Troops have wrested back control of the strategic town of {town} from {armed}, {src}.",
        "The town of {town} is back under government control after an offensive by {state}, {src}.",
        "{dem} forces reclaimed the border post at {town} {date} from {armed}.",
    ],
    "NON_STATE_ACTOR_OVERTAKES_TER": [
        "{group} fighters seized the town of {town} {date} after government troops fled, {src}.",
        "{armed} captured the district of {town} {date}, {src}.",
        "Rebels took control of {town} {date}, raising their flag over the administrative building.",
        "The town of {town} fell to {group} {date} after a two-day siege, residents said.",
        "On {dm}, {group} overran an army base {loc} and took control of the surrounding villages.",
        "Militants have occupied {town} since {date_bare}, {src}.",
        "{group} said it had captured {town} {date}, a claim confirmed by residents.",
        "Insurgents took over the town of {town} {date}, forcing the local administration to flee.",
    ],
    "CHEM_WEAP": [
        "A chemical weapons attack on {town} {date} killed {num} people, {src}.",
        "Doctors said patients showed symptoms consistent with exposure to sarin after the attack on {town}.",
        "Government aircraft dropped barrels containing chlorine gas on {town} {date}, rescue workers said.",
        "Residents of {town} reported a suspected chlorine attack {date} that left dozens struggling to breathe.",
        "Investigators found that a nerve agent was used in the attack on {town}.",
        "The OPCW concluded that chlorine was likely used as a weapon in {town} {date}.",
        "{num} civilians died of suffocation after shells containing toxic gas hit {town}, {src}.",
        "Activists accused {state} of using poison gas against {armed} in {town} {date}.",
    ],
    "AIR_STRIKE": [
        "Air strikes {loc} {date} killed {num} people, {src}.",
        "A drone strike targeted a vehicle carrying {armed} {loc} {date}, killing {num} of them.",
        "Warplanes bombed positions held by {group} {loc} {date}, {src}.",
        "{dem} jets struck a weapons depot {loc} {date}.",
        "An airstrike hit a market in {town} {date}, killing {num} civilians, {src}.",
        "The air force carried out strikes on {group} hideouts {loc} {date}, the military said.",
        "On {dm}, a US drone strike {loc} killed a senior {group} commander.",
        "Helicopter gunships pounded {armed} positions {loc} {date}.",
        "Coalition aircraft conducted air raids on {town} {date}, residents said.",
        "A suspected drone attack hit a wedding party in {town} {date}, killing {num} people.",
    ],
    "SUIC_BOMB": [
        "A suicide bomber blew himself up at a mosque in {town} {date}, killing {num} worshippers, {src}.",
        "{num} people were killed when a suicide car bomb exploded at a checkpoint {loc} {date}.",
        "A female suicide bomber detonated her explosive vest in a market in {town} {date}.",
        "A suicide attacker rammed an explosives-laden vehicle into a military base {loc} {date}.",
        "{group} claimed a suicide bombing that killed {num} soldiers {loc} {date}.",
        "Two suicide bombers struck a crowded bus station in {town} {date}, {src}.",
        "On {dm}, a suicide bomber targeted a police convoy {loc}, killing {num} officers.",
        "A teenage suicide bomber blew herself up near a camp for displaced people in {town}.",
    ],
    "ART_MISS_ATTACK": [
        "{armed} fired mortar shells at {town} {date}, killing {num} civilians, {src}.",
        "Artillery shelling of residential areas in {town} {date} left {num} people dead.",
        "Rockets slammed into the city of {town} {date}, {src}.",
        "A missile struck an apartment building in {town} {date}, killing {num} people.",
        "{state} shelled villages {loc} {date}, residents said.",
        "Several rockets were fired at the airport in {town} {date}, causing damage to the runway.",
        "On {dm}, {group} launched rockets at a military base {loc}.",
        "Mortar rounds landed near a school in {town} {date}, wounding {num} children.",
        "Heavy bombardment of {town} continued {date} as forces pounded the area with artillery.",
        "A ballistic missile hit the outskirts of {town} {date}, officials said.",
    ],
    "REM_EXPLOS": [
        "A roadside bomb struck a military vehicle {loc} {date}, killing {num} soldiers, {src}.",
        "{num} people were killed when an improvised explosive device went off in a market in {town} {date}.",
        "A landmine explosion killed {num} civilians travelling {loc} {date}.",
        "A car bomb exploded outside a hotel in {town} {date}, {src}.",
        "An IED planted by {armed} hit a police patrol {loc} {date}.",
        "A bomb hidden in a motorcycle exploded near a checkpoint in {town} {date}, killing {num} people.",
        "On {dm}, a vehicle struck a mine {loc}, killing the driver and {num} passengers.",
        "A blast ripped through a bus terminal in {town} {date}, {src}.",
        "An explosive device detonated near the governor's convoy in {town} {date}.",
        "A magnetic bomb attached to a car exploded in {town} {date}, killing an official.",
        "Maoists triggered a landmine blast {loc}, killing {num} security personnel.",
    ],
    "GRENADE": [
        "Attackers hurled a grenade into a crowded bar in {town} {date}, wounding {num} people, {src}.",
        "A hand grenade was thrown at a police station in {town} {date}.",
        "{armed} lobbed grenades at a security post {loc} {date}, injuring {num} personnel.",
        "A grenade attack on a market in {town} {date} killed {num} people.",
        "Unknown assailants threw a grenade at the house of a local politician in {town} {date}.",
        "On {dm}, a grenade exploded in a bus in {town}, {src}.",
        "Militants hurled a grenade at a CRPF patrol {loc} {date}; the grenade exploded on the road.",
        "A man on a motorcycle tossed a grenade into a church compound in {town} {date}.",
    ],
    "SEX_VIOL": [
        "{armed} raped {num} women {loc} {date}, {src}.",
        "Soldiers were accused of sexually assaulting women at a checkpoint {loc} {date}.",
        "A girl was gang-raped by {armed} in a village {loc} {date}, a rights group said.",
        "Survivors said fighters abducted and raped women during the raid on {town}.",
        "The UN documented cases of sexual violence against displaced women in {town} {date}.",
        "A teenage girl was raped by members of a militia near {town} {date}, {src}.",
        "{num} women reported being sexually abused by security personnel in {town}, {src}.",
        "Police said a woman was raped and beaten by armed men {loc} {date}.",
    ],
    "ATTACK": [
        "{armed} killed {num} villagers in an attack on {town} {date}, {src}.",
        "Gunmen shot dead {num} farmers working in their fields {loc} {date}.",
        "{armed} stormed a village {loc} {date}, killing {num} civilians and burning homes.",
        "A local chief was shot dead by unknown gunmen in {town} {date}, {src}.",
        "{armed} attacked worshippers at a church in {town} {date}, killing {num} people.",
        "On {dm}, {group} militants executed {num} civilians {loc}.",
        "Assailants hacked {num} people to death in a night-time raid on {town}, {src}.",
        "A journalist was killed by unidentified gunmen in {town} {date}.",
        "{armed} opened fire on a bus carrying passengers {loc} {date}, killing {num}.",
        "The bodies of {num} herders were found {loc} {date} after an attack by {armed}.",
        "Soldiers killed {num} unarmed civilians during a raid on {town} {date}, {src}.",
        "Militants beheaded a village elder in {town} {date}, {src}.",
        "{armed} massacred {num} villagers {loc} {date}.",
    ],
    "ABDUCT_DISSAP": [
        "{armed} abducted {num} passengers on the highway {loc} {date}, {src}.",
        "Gunmen kidnapped {num} students from a boarding school in {town} {date}.",
        "{group} seized {num} aid workers {loc} {date} and is holding them hostage.",
        "A trader was kidnapped by armed men in {town} {date}, {src}.",
        "Relatives said {num} men went missing after being detained by soldiers {loc}.",
        "On {dm}, {armed} abducted a village head in {town}.",
        "Kidnappers stormed a church in {town} {date} and took {num} worshippers captive.",
        "Activists said a human rights defender was forcibly disappeared in {town} {date}.",
        "{armed} took {num} fishermen hostage {loc} {date}, {src}.",
    ],
    "PEACE_PROTEST": [
        "{prot} protested {cause} in {town} {date}, {src}.",
        "Thousands of people marched through {town} {date} {cause}.",
        "{prot} staged a sit-in outside the governor's office in {town} {date} {cause}.",
        "{prot} held a peaceful demonstration in {town} {date} {cause}.",
        "A rally was held in {town} {date} {cause}; it ended without incident.",
        "Workers went on strike in {town} {date} {cause}, {src}.",
        "{prot} gathered in front of parliament in {town} {date} {cause}.",
        "On {dm}, {prot} demonstrated in {town} {cause}.",
        "{prot} blocked a road in {town} for several hours {date} {cause}, {src}.",
        "A candlelight vigil was held in {town} {date} {cause}.",
        "Hundreds of {prot2} took to the streets of {town} {date} {cause}.",
        "{prot} observed a bandh in {town} {date} {cause}.",
    ],
    "PROTEST_WITH_INTER": [
        "Police fired tear gas to disperse {prot} in {town} {date} {cause}, {src}.",
        "{police} used water cannons on {prot} demonstrating in {town} {date}.",
        "{police} arrested {num} {prot2} during a demonstration in {town} {date} {cause}.",
        "Security forces broke up a protest in {town} {date} {cause}, {src}.",
        "{police} baton-charged {prot} who gathered in {town} {date} {cause}.",
        "On {dm}, police dispersed a rally in {town} with tear gas and rubber bullets.",
        "{prot} demonstrating {cause} in {town} were dispersed by {police} {date}.",
        "Police lathicharged {prot} protesting {cause} in {town} {date}.",
    ],
    "FORCE_AGAINST_PROTEST": [
        "Security forces opened fire on protesters in {town} {date}, killing {num} people, {src}.",
        "{police} shot dead {num} demonstrators during a peaceful march in {town} {date}.",
        "Soldiers fired live ammunition at protesters {cause} in {town} {date}, killing {num}.",
        "{num} protesters were killed when troops opened fire on a crowd in {town} {date}, {src}.",
        "On {dm}, police killed a student during a peaceful demonstration in {town}.",
        "Rights groups said {num} demonstrators were shot dead by {police} in {town} {date}.",
        "Troops fired on unarmed protesters in {town} {date}, leaving {num} dead, {src}.",
    ],
    "VIOL_DEMONSTR": [
        "{prot} threw stones at police and burned tyres in {town} {date} {cause}, {src}.",
        "Rioters torched vehicles and set fire to a police station in {town} {date}.",
        "Violent protests erupted in {town} {date} {cause}; demonstrators clashed with police.",
        "{prot} pelted security forces with stones in {town} {date}, {src}.",
        "Angry youths set up burning barricades in {town} {date} {cause}.",
        "On {dm}, rioters ransacked government offices in {town} {cause}.",
        "Protesters vandalised shops and clashed with the police in {town} {date}.",
        "Demonstrators hurled petrol bombs at riot police in {town} {date}, {src}.",
        "Rioting broke out in {town} {date} {cause}, with protesters burning a police post.",
    ],
    "MOB_VIOL": [
        "An angry mob lynched a suspected thief in {town} {date}, {src}.",
        "A mob beat {num} men to death in {town} {date} after accusing them of witchcraft.",
        "Villagers lynched a man suspected of child kidnapping {loc} {date}.",
        "A crowd attacked a woman accused of theft in {town} {date}, beating her to death.",
        "Vigilantes killed {num} suspected cattle rustlers {loc} {date}, {src}.",
        "On {dm}, a mob set ablaze the house of a suspected criminal in {town}.",
        "Residents took the law into their own hands and beat a suspected robber to death in {town}.",
        "A mob attacked members of a minority community in {town} {date}, {src}.",
    ],
    "AGREEMENT": [
        "The government and {group} signed a ceasefire agreement in {town} {date}, {src}.",
        "The warring parties agreed to a truce {date} after talks mediated by {leader}.",
        "Rival communities {loc} signed a peace deal {date}, {src}.",
        "{group} and the government reached an agreement on the exchange of prisoners {date}.",
        "A prisoner swap took place {loc} {date} under the terms of the deal.",
        "On {dm}, the two sides signed a memorandum of understanding on the return of displaced people.",
        "Leaders of the two militias struck a deal to end hostilities {loc}, {src}.",
        "The ceasefire agreed last week came into force {date}.",
    ],
    "ARREST": [
        "{police} arrested {num} suspected members of {group} in {town} {date}, {src}.",
        "Security forces detained an opposition leader in {town} {date}.",
        "{police} arrested a journalist in {town} {date} over a social media post.",
        "{num} people were taken into custody after a raid in {town} {date}, {src}.",
        "On {dm}, the police apprehended a suspect wanted for the killing of a trader.",
        "Troops arrested {num} suspected militants during a search operation {loc} {date}.",
        "The crime branch nabbed {num} accused in {town} {date}, {src}.",
        "A court remanded {num} activists in custody after they were arrested in {town}.",
        "{police} rounded up dozens of youths in {town} {date}.",
    ],
    "CHANGE_TO_GROUP_ACT": [
        "{group} named a new leader {date} after the death of its commander, {src}.",
        "{num} fighters defected from {group} and surrendered to the army {loc} {date}.",
        "Two rebel factions announced their merger {date}, {src}.",
        "{group} pledged allegiance to the Islamic State {date}.",
        "The militia announced it was disbanding and handing over its weapons {date}.",
        "{group} said it had split from the main movement {date}.",
        "On {dm}, the government announced a general mobilisation of reservists.",
        "The rebel group changed its name and announced a new political wing {date}.",
        "{group} launched a recruitment drive in villages {loc}, {src}.",
        "Authorities imposed a curfew in {town} {date}, {src}.",
    ],
    "DISR_WEAP": [
        "Soldiers defused a roadside bomb planted {loc} {date}, {src}.",
        "{police} seized a large cache of weapons and ammunition in {town} {date}.",
        "Security forces discovered an IED factory {loc} {date}.",
        "The bomb disposal squad defused {num} explosive devices in {town} {date}.",
        "Air defences intercepted {num} drones launched towards {town} {date}, {src}.",
        "Troops recovered rifles, grenades and explosives from a hideout {loc} {date}.",
        "On {dm}, police foiled a plot to attack a church in {town} and seized explosives.",
        "{state} shot down a drone over {town} {date}.",
        "An arms cache was unearthed during a search operation {loc} {date}, {src}.",
    ],
    "HQ_ESTABLISHED": [
        "{group} set up a new base {loc} {date}, {src}.",
        "The militants established a headquarters in the town of {town}, residents said.",
        "{armed} built camps in the forest {loc}, {src}.",
        "On {dm}, {group} opened a command centre in {town}.",
        "Rebels set up checkpoints and a base near {town} {date}.",
        "{group} established a training camp {loc}, local sources said.",
    ],
    "PROPERTY_DISTRUCT": [
        "{armed} looted shops and burned houses in {town} {date}, {src}.",
        "Unknown people set fire to a school in {town} {date}.",
        "{armed} destroyed a telecommunications mast {loc} {date}.",
        "Youths vandalised a church and destroyed property in {town} {date}, {src}.",
        "On {dm}, {armed} torched {num} houses in a village {loc}.",
        "Soldiers looted property and burned homes during a raid on {town}, residents said.",
        "Militants razed a health centre in {town} {date}.",
        "Arsonists burned granaries and crops {loc} {date}, {src}.",
        "Gunmen pillaged a market in {town} {date}, making off with livestock.",
    ],
    "NON_VIOL_TERRIT_TRANSFER": [
        "{state} withdrew from their positions in {town} {date}, {src}.",
        "{group} pulled out of {town} {date} without a fight.",
        "The army handed over control of the base in {town} to local forces {date}.",
        "Rebels retreated from {town} {date}, allowing troops to enter without resistance.",
        "On {dm}, foreign troops completed their withdrawal from the base near {town}.",
        "Militants abandoned their positions {loc} {date}, {src}.",
        "{group} ceded control of {town} to a rival faction under a local arrangement.",
    ],
    "OTHER": [
        "Soldiers mutinied at a barracks in {town} {date}, {src}.",
        "A military coup toppled the government {date}; officers appeared on state television.",
        "Mutineers seized the state broadcaster in {town} {date}.",
        "The army took power in a coup {date} and suspended the constitution.",
        "On {dm}, troops took up arms at the base in {town} and detained their commanders.",
        "Gunfire was heard at the presidential palace in {town} {date} amid reports of an attempted coup.",
        "Officers ousted the president in a coup {date}, {src}.",
    ],
    "NATURAL_DISASTER": [
        "Floods {loc} {date} killed {num} people and displaced thousands, {src}.",
        "A magnitude 6.1 earthquake struck {loc} {date}, damaging hundreds of homes.",
        "A cyclone made landfall near {town} {date}, {src}.",
        "Landslides triggered by heavy rains buried {num} houses {loc} {date}.",
        "Health officials reported {num} new cases of cholera in {town} {date}.",
        "The number of COVID-19 cases {loc} rose sharply this week, {src}.",
        "A drought has left thousands of families {loc} without food, aid agencies said.",
        "Wildfires destroyed {num} hectares of forest {loc} {date}.",
        "An outbreak of Ebola was declared in {town} {date}.",
        "Torrential rains caused flash floods in {town} {date}, sweeping away {num} people.",
        "Lightning killed {num} people in villages {loc} {date}, {src}.",
        "The dengue outbreak in {town} has infected hundreds of people, {src}.",
    ],
    "MAN_MADE_DISASTER": [
        "A building collapsed in {town} {date}, killing {num} people, {src}.",
        "A fire broke out at a factory in {town} {date}, killing {num} workers.",
        "{num} people died when a bus collided with a truck {loc} {date}.",
        "A passenger train derailed near {town} {date}, {src}.",
        "A boat carrying migrants capsized off {town} {date}, leaving {num} dead.",
        "A gas cylinder explosion at a restaurant in {town} {date} injured {num} people.",
        "A stampede at a religious festival in {town} killed {num} people {date}.",
        "An oil tanker overturned and exploded {loc} {date}, {src}.",
        "{num} people died after drinking spurious liquor in {town}, {src}.",
        "A blaze gutted a market in {town} {date}, destroying hundreds of stalls.",
        "A small plane crashed shortly after take-off from {town} {date}.",
        "A mine collapse {loc} trapped {num} miners {date}, {src}.",
    ],
    "ORG_CRIME": [
        "{police} seized 200 kg of cocaine at the port of {town} {date}, {src}.",
        "A gang of robbers attacked a bank in {town} {date} and escaped with cash.",
        "Customs officers intercepted a consignment of smuggled heroin {loc} {date}.",
        "Rival drug cartels fought for control of trafficking routes {loc}, {src}.",
        "{police} busted a human trafficking ring in {town} {date}.",
        "Gang members extorted money from traders in {town}, {src}.",
        "Officials seized illegal gold mined {loc} and arrested the smugglers {date}.",
        "A cattle rustling syndicate was dismantled {loc} {date}, {src}.",
        "Gangsters shot dead a rival gang leader in {town} {date}.",
        "Poachers killed {num} elephants in a national park {loc}, {src}.",
        "The anti-narcotics unit seized ganja worth millions in {town} {date}.",
    ],
    "DIPLO": [
        "{leader} met {leader2} in {town} {date} to discuss the security situation, {src}.",
        "{leader} held talks with regional leaders {date} on the crisis {loc}.",
        "The foreign minister visited {town} {date} and pledged support for the peace process.",
        "The government recalled its ambassador {date} in protest over the remarks.",
        "{leader} condemned the attack on {town} and called for restraint.",
        "The EU imposed sanctions on senior officials {date}, {src}.",
        "A delegation of the African Union arrived in {town} {date} for mediation talks.",
        "On {dm}, {leader} spoke by phone with {leader2} about the ceasefire.",
        "The two countries agreed to restore diplomatic relations {date}, {src}.",
        "Envoys from neighbouring states met in {town} {date} to prepare a summit.",
        "The ministry summoned the ambassador {date} over the border incident.",
    ],
    "ATTRIB": [
        "{group} claimed responsibility for the attack on {town} {date}, {src}.",
        "The government blamed {group} for the bombing in {town}.",
        "No group has claimed responsibility for the attack, but officials suspect {group}.",
        "{leader} accused {group} of being behind the killings {loc}.",
        "In a statement, {group} said it carried out the attack on the convoy {loc}.",
        "Police said {group} was responsible for the explosion in {town} {date}.",
        "{group} denied any involvement in the massacre {loc}, {src}.",
        "The army attributed the ambush {loc} to {group}.",
    ],
    "NONE": [
        "Shares in {town}'s main exchange rose 2 percent {date} as investors bet on lower interest rates.",
        "The national team clashed with its rivals in a tense World Cup qualifier in {town} {date}.",
        "The striker fired a shot past the goalkeeper in the 89th minute to win the match.",
        "The opposition is expected to hold a rally in {town} next week ahead of the election.",
        "The group threatened to launch attacks if its demands were not met, {src}.",
        "The minister said the government would deploy more troops to {town} next month.",
        "Officials denied reports that soldiers had clashed with rebels near {town}.",
        "There were no reports of violence in {town} {date}, {src}.",
        "The central bank kept its key rate unchanged {date}, citing stable inflation.",
        "The company announced plans to build a new factory in {town} next year.",
        "A court in {town} sentenced a former governor to ten years in prison for fraud.",
        "The parliament passed a new budget {date} after a lengthy debate.",
        "The film's explosive ending drew a storm of criticism from critics.",
        "Fuel prices shot up by 10 percent this month, {src}.",
        "The report was a bombshell for the ruling party, analysts said.",
        "The festival drew thousands of visitors to {town} {date}.",
        "Farmers in {town} are expecting a good harvest after adequate rains.",
        "Unions warned that they could call a strike if salaries are not paid.",
        "Authorities said they were preparing for possible floods during the rainy season.",
        "The president will visit {town} on Friday to inaugurate a new hospital.",
        "The election commission said voting would take place in December.",
        "Students sat their final exams {date} across {loc_bare}.",
        "The price war between mobile operators intensified this quarter.",
        "Residents fear attacks by armed groups could resume after the rainy season.",
        "The army denied that any civilians were killed in the operation {loc}.",
        "Markets in {town} reopened {date} after the holiday.",
        "The minister said no one had been arrested so far in connection with the case.",
        "A new road linking {town} to the capital was opened {date}.",
        "The opposition leader called on supporters to remain calm and avoid violence.",
        "Analysts say the conflict has cost the economy billions of dollars since 2012.",
        "The battle for the presidency is heating up as candidates tour {loc_bare}.",
        "The UN said it was ready to help if fighting broke out again.",
        "Exports of cocoa from the port of {town} rose sharply last year.",
        "The museum in {town} marked the anniversary of independence with an exhibition.",
        "The ministry of health launched a vaccination campaign {date} in {town}.",
    ],
}

MORE: dict[str, list[str]] = {
    "ARMED_CLASH": [
        "{armed} attacked an army outpost {loc} {date}; troops returned fire and {num} assailants were killed.",
        "Government soldiers and {group} fighters have been engaged in fighting {loc} since {date_bare}, {src}.",
        "{group} fighters stormed a military camp {loc} {date} but were pushed back after a gunfight.",
        "Two rival militias fought {loc} {date} over control of a checkpoint, {src}.",
        "Police and {armed} exchanged gunfire in {town} {date}; {num} officers were wounded.",
    ],
    "ATTACK": [
        "Gunmen opened fire on a bus carrying civilians {loc} {date}, killing {num} passengers.",
        "{armed} stormed a school in {town} {date}, killing {num} students in their classrooms, {src}.",
        "Armed men rode into the village on motorcycles and opened fire on residents {loc} {date}.",
        "A gunman opened fire inside a mosque in {town} {date}, killing {num} worshippers.",
        "{armed} attacked a hotel popular with foreigners in {town} {date}, {src}.",
        "{armed} killed a farmer and his son on their farm {loc} {date}.",
    ],
    "PROTEST_WITH_INTER": [
        "{police} detained {num} protesters as activists took to the streets in {town} {date} {cause}.",
        "{police} suppressed a peaceful demonstration in {town} {date} {cause}, {src}.",
        "Police stopped a march by {prot} in {town} {date} and forcibly removed them from the square.",
        "{num} people were detained in {town} {date} while trying to hold a protest {cause}.",
        "Security forces struggled to drag protesters off the road in {town} {date}.",
    ],
    "FORCE_AGAINST_PROTEST": [
        "{police} violently dispersed a peaceful protest in {town} {date}, injuring dozens, {src}.",
        "Rights groups condemned the excessive force used by {police} against demonstrators in {town}.",
        "{police} beat peaceful demonstrators with batons and fired live bullets in {town} {date}.",
    ],
    "VIOL_DEMONSTR": [
        "A protester threw a molotov cocktail at police during a demonstration in {town} {date}.",
        "Protesters clashed with police in {town} {date}, throwing bottles and stones as officers fired tear gas.",
        "Demonstrators attacked a police vehicle and smashed shop windows in {town} {date}, {src}.",
        "The protest in {town} turned violent {date} when demonstrators set fire to cars.",
    ],
    "MOB_VIOL": [
        "An angry mob attacked and burned a man accused of blasphemy in {town} {date}, {src}.",
        "A mob stormed a police station in {town} {date} and lynched a suspect held there.",
        "Villagers beat to death two men suspected of stealing a motorcycle {loc} {date}.",
    ],
    "NON_STATE_ACTOR_OVERTAKES_TER": [
        "{group} fighters recaptured the village of {town} from {state} {date}, {src}.",
        "{armed} seized control of an army base {loc} {date} after soldiers withdrew.",
        "Rebels claimed to have taken control of the border town of {town} {date}.",
    ],
    "GOV_REGAINS_TERIT": [
        "{state} captured the town of {town} from {group} {date}, {src}.",
        "{state} drove {group} out of several villages {loc} {date}.",
        "The army said troops had seized full control of {town} after {armed} fled.",
        "{state} pushed {armed} back from their strongholds {loc} {date}, {src}.",
    ],
    "NON_VIOL_TERRIT_TRANSFER": [
        "{group} fighters pulled back from areas {loc} {date}, heading towards {town}.",
        "Government troops left {town} {date} under a deal, and {group} moved into the town without fighting.",
        "Peacekeepers handed over their base in {town} to the national army {date}, {src}.",
        "{state} evacuated their positions in {town} {date}, {src}.",
    ],
    "CHANGE_TO_GROUP_ACT": [
        "{group} is mobilising its members for an offensive {loc}, {src}.",
        "The army reinforced its positions and air defences {loc} {date}, {src}.",
        "{state} deployed reinforcements to {town} {date} ahead of an expected offensive.",
        "Troops were put on high alert {loc} {date}, {src}.",
        "{group} announced the death of its leader and named his successor {date}.",
    ],
    "AGREEMENT": [
        "{group} and the government exchanged {num} prisoners in {town} {date}, {src}.",
        "Community leaders {loc} agreed to a truce {date} after weeks of clashes.",
        "The government and rebels signed a deal {date} allowing displaced people to return to {town}.",
    ],
    "PROPERTY_DISTRUCT": [
        "{armed} destroyed a communication mast {loc} {date}, {src}.",
        "Unknown people vandalised a mosque and burned copies of the Koran in {town} {date}.",
        "{armed} set fire to vehicles and shops in the market of {town} {date}.",
        "Militants blew up a bridge {loc} {date}, cutting off the town, {src}.",
    ],
    "DISR_WEAP": [
        "A cache of firearms and ammunition was seized in {town} by police {date}.",
        "{num} pistols and thousands of bullets were captured in {town} {date}, {src}.",
        "Explosive devices were found near a school in {town} {date} and defused by the bomb squad.",
        "{state} destroyed dozens of IEDs and heavy machine guns during an operation {loc}.",
        "Old grenades and ammunition were found near a house in {town} {date}.",
    ],
    "ART_MISS_ATTACK": [
        "{state} shelled {armed} positions {loc} {date} as clashes continued, {src}.",
        "Rebels fired rockets at the airport of {town} {date}, damaging a plane.",
    ],
    "GRENADE": [
        "A grenade attack on a police post in {town} {date} wounded {num} officers, {src}.",
        "{armed} threw a grenade at soldiers guarding a bank in {town} {date}.",
        "A grenade exploded at a bus stop in {town} {date}, injuring {num} people.",
    ],
    "ORG_CRIME": [
        "{police} arrested {num} drug traffickers and seized heroin in {town} {date}, {src}.",
        "Armed robbers raided a petrol station in {town} {date} and escaped with cash.",
        "Cartel gunmen killed {num} members of a rival gang in {town} {date}.",
        "Police seized smuggled cigarettes and arrested the driver {loc} {date}.",
    ],
    "NONE": [
        "Shares in the bank rallied 3 percent {date} after strong earnings, helping the index rally.",
        "The team staged a late rally to win 3-2, with the striker scoring twice in the final minutes.",
        "The dollar halted its advance against the yen {date} as dealers locked in profits.",
        "The company demonstrated strong growth this year, analysts said.",
        "Stocks on Wall Street rallied {date} after the central bank hinted at rate cuts.",
        "The defender was shown a red card after a clash with the striker in the first half.",
        "The match was halted for an hour while medics attended to a player.",
        "Police said the man had in his possession three live rounds of ammunition, a court heard.",
        "The minister said the ruling party had demonstrated its commitment to reform.",
        "Voters in {town} cast their ballots {date} in a peaceful election, {src}.",
        "The government held a cabinet meeting {date} to discuss the budget.",
        "The court adjourned the trial of the suspects to next month.",
        "The military held a parade in {town} {date} to mark independence day.",
        "A mob-owned restaurant in {town} was the subject of a tax investigation.",
        "The film about the war won the top prize at the festival in {town}.",
        "Prices of food staples in {town} rose sharply this month, traders said.",
        "The opposition leader launched his campaign at a stadium in {town} {date}.",
        "Tourism in {town} has recovered strongly since the end of the conflict.",
        "The report warned that violence could escalate if the talks fail.",
        "The group released a video threatening new attacks, but no attack was reported.",
        "The bank's chief executive was ousted by the board after heavy losses.",
        "The football club's supporters celebrated in the streets of {town} after the win.",
        "The storm of criticism forced the minister to resign.",
        "Migrants continue to try to cross the border every day, aid groups said.",
    ],
}
# Paraphrases in the styles of local and regional press (passive voice, long clauses, labour and South Asian
# protest vocabulary, police "encounters"), and hard negatives that share their words.
PARAPHRASE: dict[str, list[str]] = {
    "PEACE_PROTEST": [
        "Hundreds of {prot} marched through the streets of {town} {date}, carrying placards and singing {cause}.",
        "{prot} in {town} went on strike {date} {cause}, bringing services to a halt, {src}.",
        "Taxi drivers blockaded the main road into {town} {date} {cause}, {src}.",
        "A crowd of {prot} gathered at the municipal offices in {town} {date} and handed over a memorandum of demands.",
        "Workers at a mine {loc} downed tools {date} {cause}, and the union said the strike would continue.",
        "Members of the union picketed outside the company's offices in {town} {date} {cause}.",
        "{prot} staged a sit-in at the district office in {town} {date} {cause}.",
        "Shops and schools stayed shut in {town} {date} as a bandh called by opposition parties {cause} was observed.",
        "{prot} staged a dharna outside the collectorate in {town} {date} {cause}, raising slogans against the government.",
        "The crowd, which had been protesting outside the court since morning, sang and chanted slogans {cause}.",
        "{prot} took to the streets of {town} {date} {cause}, {src}.",
        "Supporters of the opposition held a rally in {town} {date}, demanding fresh elections.",
        "Thousands of people demonstrated in {town} {date} {cause}, in the largest show of dissent this year.",
        "Striking workers gathered outside the factory gates in {town} {date}, saying they had not been paid for months.",
        "Around 100 {prot} protested outside the meeting in {town} {date}, which was held to discuss the new policy.",
        "{prot} gheraoed the local official's office in {town} {date} {cause}.",
        "The march, led by union leaders, wound its way from the stadium to the city hall in {town} {date}.",
        "Residents of an informal settlement in {town} toyi-toyied outside the council offices {date} {cause}.",
        "The nationwide strike by {prot} entered its third day {date}, with hospitals and schools closed in {town}.",
    ],
    "VIOL_DEMONSTR": [
        "Irate residents torched a house in {town} {date} after the suspect was granted bail, {src}.",
        "A riot broke out in {town} {date} as protesters burned tyres and looted shops.",
        "Youths barricaded roads with burning tyres and stoned passing cars in {town} {date} {cause}.",
        "The service delivery protest in {town} turned violent {date} when residents set a municipal office on fire.",
        "Students went on the rampage at the university in {town} {date}, smashing windows {cause}.",
        "Protesting {prot} pelted police with stones in {town} {date}, injuring {num} officers, {src}.",
    ],
    "PROTEST_WITH_INTER": [
        "{police} fired rubber bullets to disperse {prot} who had blocked a road in {town} {date} {cause}.",
        "{police} arrested {num} striking workers in {town} {date} as they marched {cause}.",
        "The march was broken up by {police} {date} and its leaders were detained, {src}.",
        "{police} used tear gas to break up a sit-in by {prot} outside parliament in {town} {date}.",
        "{num} activists were detained by {police} in {town} {date} while trying to hold a demonstration {cause}.",
        "{police} detained an opposition activist in {town} {date} shortly before a planned protest {cause}.",
    ],
    "FORCE_AGAINST_PROTEST": [
        "{num} protesters were killed when {police} opened fire on a crowd in {town} {date}, {src}.",
        "{police} shot dead {num} demonstrators during a protest {cause} in {town} {date}.",
        "Peaceful marchers were beaten with batons and shot at by {police} in {town} {date}, rights groups said.",
    ],
    "ATTACK": [
        "The bodies of {num} {civ} were found {loc} {date}, {src}; they had been shot in the head.",
        "{civ} were hacked to death by unknown assailants in {town} {date}, {src}.",
        "A man was shot dead by gunmen near his home in {town} {date}, {src}.",
        "Unknown men killed a shopkeeper in {town} {date} and fled on a motorcycle, police said.",
        "{police} shot dead a suspected criminal in an encounter in {town} {date}, {src}.",
        "A youth was beaten to death by {police} in custody in {town}, his family alleged {date}.",
        "A local politician was murdered in {town} {date}; he was stabbed several times, {src}.",
        "The victim was attacked with a sharp weapon and died on the way to hospital, {src}.",
    ],
    "AGREEMENT": [
        "{num} members of {group} surrendered to the authorities in {town} {date}.",
        "{num} rebels have surrendered to {state} {loc}, the military announced {date}.",
        "More than {num} fighters laid down their arms and surrendered to the government in {town} {date}, {src}.",
        "{group} released {num} hostages {date} under a deal brokered by elders {loc}.",
    ],
    "ARREST": [
        "{police} nabbed {num} people in {town} {date} in connection with the murder of a trader.",
        "The accused was taken into custody {date} and produced before a magistrate, {src}.",
        "{police} picked up {num} suspects from their homes in {town} {date}, {src}.",
        "A local leader was arrested by {police} in {town} {date} for inciting violence.",
        "The accused were remanded in judicial custody for 14 days after their arrest {date}.",
        "{num} people have been detained so far over the killing in {town}, {src}.",
    ],
    "NONE": [
        "Oil prices rallied {date} as investors bet on stronger demand, traders said.",
        "The striker scored twice as the home side won the match 3-1 in {town} {date}.",
        "Unions have threatened to go on strike next month if wages are not raised.",
        "Police said they would arrest anyone who violated the ban on gatherings.",
        "The court granted bail to the accused in the murder case {date}.",
        "The minister said the government remained committed to fighting corruption.",
        "Analysts said the market rally was likely to continue into next year.",
        "The film depicts the struggle of mine workers during the strikes of the 1980s.",
        "The company demonstrated its new product at a trade fair in {town} {date}.",
        "The party said it would hold a rally in {town} next month to launch its campaign.",
        "The coach said his team would fight for every point in the remaining matches of the season.",
        "The council said it had met residents {date} to discuss their complaints about water supply.",
        "Teachers' unions and the ministry resumed wage talks in {town} {date}.",
        "The trial of the men accused of the killings resumed in {town} {date}, {src}.",
    ],
}
# Round 4: more ways of saying the weaker classes (reported speech, passive voice, headline style, consequences
# before causes), diplomatic acts that name the violence they answer, and advice to the public as a hard negative.
WIRE: dict[str, list[str]] = {
    "DIPLO": [
        "The government announced new sanctions against {group} leaders {date} in response to the attack on {town}.",
        "{leader} said {date} that his country reserved the right to respond to the provocation, {src}.",
        "Four diplomats were ordered to leave the country within 72 hours {date}, the foreign ministry said.",
        "{leader} condemned the strike on {town} {date} but said his government would not back new sanctions.",
        "The two governments agreed {date} to set up a joint commission on border security, {src}.",
        "{leader} pledged to avoid war at all costs and said any military action would need parliament's consent.",
        "Ministers from the region met in {town} {date} to coordinate their response to the crisis {loc}.",
        "The country will impose retaliatory measures on its neighbour {date}, {src}, over alleged interference in its elections.",
        "{leader} hosted {leader2} in {town} {date} for talks on trade and security.",
        "The embassy said it had lodged a formal complaint with the authorities {date} over the treatment of its citizens.",
    ],
    "ATTRIB": [
        "Officials rejected allegations that their forces were responsible for the strike on {town} that killed {num} people.",
        "{group} claimed the killing of a local official in {town} {date}, according to a statement posted online.",
        "Investigators believe {group} was behind the bombing of the market in {town}, {src}.",
        "{leader} blamed {group} for the ambush {loc} {date} and vowed to bring those responsible to justice.",
        "The militia denied any role in the massacre {loc}, saying its fighters were not in the area, {src}.",
        "A UN panel said {group} was likely responsible for the attack on the convoy {loc}.",
    ],
    "SEX_VIOL": [
        "A rights group accused {state} of raping women during operations {loc}, {src}.",
        "Women from {num} villages {loc} have accused soldiers of sexual assault, officials said {date}.",
        "Survivors told investigators they were raped by {armed} while fleeing {town}.",
        "A police officer was suspended after a woman accused him of raping her in a cell in {town}, {src}.",
        "Members of the security forces sexually assaulted detainees in {town}, a UN report found {date}.",
        "Fighters raped women as they dispersed a camp for displaced people near {town}, witnesses said.",
    ],
    "PROPERTY_DISTRUCT": [
        "Unknown people torched two police patrol cars parked outside a station in {town} {date}, {src}.",
        "Dozens of vehicles and shops were destroyed in {town} {date} after rival gangs set fire to the market.",
        "{armed} have mounted a campaign of burning homes in villages {loc}, residents said.",
        "The council condemned the destruction of government property in {town} {date}, {src}.",
        "Houses belonging to members of the minority were burned to the ground in {town} {date}.",
        "A polling station was set on fire overnight in {town}, destroying ballot papers, {src}.",
        "Attackers vandalised a monument and smashed the windows of the town hall in {town} {date}.",
    ],
    "MOB_VIOL": [
        "A crowd lynches a man accused of stealing cattle in {town}, {src}.",
        "{num} men were beaten to death by vigilantes {loc} {date} after being accused of theft.",
        "A group of men attacked a peaceful rally in {town} {date}, injuring {num} people, {src}.",
        "Local youths attacked members of a minority community with sticks and stones in {town} {date}.",
        "A suspected thief was set ablaze by a mob at a market in {town} {date}, police said.",
        "Villagers stormed a police post {loc} {date} and beat to death a man held there, {src}.",
    ],
    "NON_VIOL_TERRIT_TRANSFER": [
        "Territory {loc} was handed over to {state} {date} under a peace deal that ended months of fighting.",
        "{group} fighters entered {town} {date} after government troops pulled out, {src}.",
        "Foreign forces completed their withdrawal from the base at {town} {date} and handed it to local troops.",
        "{group} abandoned its positions around {town} {date} without fighting, {src}.",
        "Under the agreement, {armed} withdrew from {town} and the army moved in {date}.",
    ],
    "NON_STATE_ACTOR_OVERTAKES_TER": [
        "{group} fighters have seized control of the district of {town} after overrunning several checkpoints, {src}.",
        "{armed} captured an army base {loc} {date}, taking weapons and vehicles, {src}.",
        "The district of {town} fell to {group} {date} after government forces fled.",
        "Rebel fighters seized the town of {town} from a rival militia {date}, residents said.",
    ],
    "GOV_REGAINS_TERIT": [
        "{group} fighters were driven out of {town} by {state} {date}, {src}.",
        "{state} in an offensive against {group} retook the village of {town} {date}.",
        "{state} pushed into {town}, clashing with {armed} and capturing the main road, {src}.",
        "The army said {date} it had cleared the last pockets of {group} resistance from {town}.",
    ],
    "ART_MISS_ATTACK": [
        "{num} people were wounded {date} when rockets fired from across the border hit {town}, {src}.",
        "{state} launched missiles at {armed} positions {loc} {date}, the defence ministry said.",
        "Shells fired by {armed} landed in a residential area of {town} {date}, killing {num} people.",
        "{town} came under artillery fire {date} as the offensive continued, {src}.",
        "Mortar bombs hit a camp for displaced people near {town} {date}, {src}.",
    ],
    "AIR_STRIKE": [
        "Army helicopters raided {group} hideouts {loc} {date}, killing {num} fighters, {src}.",
        "{dem} warplanes destroyed a weapons depot used by {group} {loc} {date}.",
        "Aerial bombardments on {armed} positions {loc} left dozens dead, {src}.",
        "Jets struck a convoy carrying {armed} near {town} {date}, {src}.",
    ],
    "CHANGE_TO_GROUP_ACT": [
        "A first batch of fighter jets arrived in the country {date} from abroad, {src}.",
        "{num} fighters defected from {group} to the government side {loc} {date}.",
        "{state} deployed additional troops and armoured vehicles to {town} {date}, {src}.",
        "{group} announced a new commander for its forces {loc} {date}.",
    ],
    "GRENADE": [
        "{num} people were wounded when a grenade was thrown into a crowd at a concert in {town} {date}, {src}.",
        "A grenade exploded near a police checkpoint in {town} {date}, killing a passer-by.",
        "Attackers on a motorbike lobbed a grenade at a shop in {town} {date}, {src}.",
    ],
    "FORCE_AGAINST_PROTEST": [
        "{num} people were killed in {town} {date} after security forces used tear gas and live bullets to disperse a protest.",
        "Troops fired into a crowd of demonstrators {cause} in {town} {date}, killing {num}, {src}.",
        "A march in {town} ended in bloodshed {date} when {police} opened fire, killing {num} protesters.",
    ],
    "VIOL_DEMONSTR": [
        "Protesters hurled petrol bombs and smashed shop windows in {town} {date} as police fired water cannon.",
        "Riot police clashed with {prot} in {town} {date} as the protest turned violent, {src}.",
        "Demonstrators tried to storm the governor's office in {town} {date}, {src}.",
        "A protester was seen throwing a woman to the ground during the demonstration in {town} {date}.",
    ],
    "PROTEST_WITH_INTER": [
        "{police} dragged {prot} off the road in {town} {date} as they chanted slogans {cause}.",
        "{police} fired tear gas at a crowd of {prot} in {town} {date}, {src}.",
        "Officers pepper-sprayed {prot} outside the station in {town} {date} after they refused to leave.",
    ],
    "PEACE_PROTEST": [
        "{prot} walked through the streets of {town} {date}, demanding the return of the elected government.",
        "Activists held a die-in outside the ministry in {town} {date} {cause}.",
        "Nurses at the hospital in {town} downed tools {date} {cause}, {src}.",
        "About 100 bus operators stopped reporting for duty {date} over unpaid fees, leaving pupils stranded in {town}.",
        "Hundreds of {prot} rallied in {town} {date} to mourn those killed in last month's crackdown.",
        "{prot} staged a walkout at the factory in {town} {date} {cause}.",
        "The strike by {prot} entered its second week {date}, with classes suspended across {town}.",
    ],
    "ORG_CRIME": [
        "Border guards detained {num} migrants hidden in a lorry {loc} {date}; police suspect a smuggling network.",
        "A robber was killed when the grenade he carried went off during a hold-up at a shop in {town} {date}.",
        "{police} seized guns and drugs in a raid on two houses in {town} {date}, {src}.",
    ],
    "NONE": [
        "The government urged residents to stay indoors {date} and to avoid the city centre, {src}.",
        "Authorities called on citizens to remain calm and follow official instructions.",
        "The embassy advised its nationals in {town} to limit their movements until further notice.",
        "The ministry said it would decide next week whether to impose new sanctions.",
        "Officials said they were monitoring the situation in {town} closely.",
        "Police asked motorists to use alternative routes {date} because of road works in {town}.",
    ],
}

for _extra in (MORE, PARAPHRASE, WIRE):
    for _label, _templates in _extra.items():
        T[_label].extend(_templates)

# Clauses that carry no event type, added to snippets of every class alike, so that long, discursive sentences
# are not taken for "not news" merely because the templates are short.
NEUTRAL = [
    ", which came just weeks after the elections", ", the latest in a series of incidents this year",
    ", according to people who were there", ", a day after the governor visited the area",
    ", in an area that has long been neglected by the authorities", ", as the rainy season began",
    ", local radio reported later in the day", ", which lies about 30 km from the provincial capital",
    ", while officials were meeting in the capital", ", amid growing anger over the cost of living",
    ", saying they had been ignored for years", ", after they learnt of the decision",
]

STYLE_PREFIX = [
    "", "", "", "{TOWN} {outlet} - ", "{TOWN}, {month} {day} {outlet} - ", "{town}: ", "{TOWN} -- ",
    "According to local sources, ", "Reports indicate that ",
]
STYLE_NOTES = ["On {dm}, ", "Around {dm}, "]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]


def _fill(template: str, rng: random.Random) -> str:
    town, region, country, dem = rng.choice(PLACES)
    group, group2 = rng.sample(GROUPS, 2)
    leader, leader2 = rng.sample(LEADERS, 2)
    prot = rng.choice(PROTESTERS)
    values = {
        "town": town, "TOWN": town.upper(), "loc": rng.choice([f"in {region}", f"near {town}", f"in {town}",
                                                             f"outside {town}", f"in {region}, {country}"]),
        "loc_bare": region, "date": rng.choice(DATES), "date_bare": rng.choice(["Monday", "last week", "June"]),
        "dm": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2019, 2020, 2021, 2022, 2023])}",
        "num": rng.choice(NUMS), "num2": rng.choice(NUMS[:10]), "src": rng.choice(SOURCES),
        "armed": rng.choice(ARMED), "group": group, "group2": group2, "leader": leader, "leader2": leader2,
        "state": rng.choice(STATE).format(dem=dem), "police": rng.choice(POLICE).format(dem=dem), "dem": dem,
        "civ": rng.choice(CIVS), "prot": prot, "prot2": rng.choice(PROTESTERS), "cause": rng.choice(CAUSES),
        "outlet": rng.choice(OUTLETS), "month": rng.choice(MONTHS), "day": rng.randint(1, 28),
    }
    text = template.format(**values)
    return text[0].upper() + text[1:]


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;])", r"\1", text)
    return text.replace(",,", ",").replace(" ,", ",").strip()


def _snippet(label: str, rng: random.Random) -> tuple[str, int]:
    template = rng.randrange(len(T[label]))
    body = _fill(T[label][template], rng)
    prefix = rng.choice(STYLE_PREFIX)
    if prefix:
        prefix = _fill(prefix, rng)
        body = prefix + (body[0].lower() + body[1:] if prefix.endswith(", ") else body)
    if rng.random() < 0.3 and body.endswith("."):
        body = body[:-1] + rng.choice(NEUTRAL) + "."
    extra = rng.random()
    if extra < 0.35:
        body += " " + rng.choice(BACKGROUND)
    elif extra < 0.55:
        body += " " + _fill(rng.choice(T[label]), rng)
    if rng.random() < 0.1:
        body = body.lower()
    return _tidy(body), template


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for label in T:
        count = PER_CLASS * (3 if label == "NONE" else 1)
        seen: dict[str, int] = {}
        while len(seen) < count:
            text, template = _snippet(label, rng)
            seen.setdefault(text, template)
        rows += [{"text": text, "label": label, "template": f"{label}:{seen[text]}"} for text in sorted(seen)]
    rng.shuffle(rows)
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} snippets for {len(T)} classes to {OUT}")


if __name__ == "__main__":
    main()
