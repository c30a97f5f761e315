"""Writes eval/data/incident_stream.jsonl: a labelled stream of news reports about known incidents.

Written for tocsin (issue 7) to measure incident resolution; no text is copied from any dataset. Each incident is
specified by hand below (place, day, type, actors, death tolls, and which near misses sit beside it); its reports
are then written from phrasings per event kind: the first wire story, syndicated copies of it (small edits, other
outlets), paraphrases by independent outlets, follow-ups with new counts, and official denials. Every report
carries pre-coded events with the kind of coding noise an extraction pipeline makes (a region instead of a town,
"earlier this week" instead of a day, an unnamed perpetrator, a neighbouring sub-type), and the gold incident id.

Run: .venv/bin/python eval/make_incident_stream.py   (deterministic: same file every time)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "data" / "incident_stream.jsonl"

# town: (lat, lon, admin1, country, iso2)
PLACES: dict[str, tuple[float, float, str, str, str]] = {
    "Kati": (12.744, -8.072, "Koulikoro", "Mali", "ML"),
    "Bamako": (12.650, -7.999, "Bamako", "Mali", "ML"),
    "Mopti": (14.484, -4.183, "Mopti", "Mali", "ML"),
    "Bandiagara": (14.350, -3.610, "Mopti", "Mali", "ML"),
    "Bankass": (14.080, -3.520, "Mopti", "Mali", "ML"),
    "Menaka": (15.918, 2.402, "Menaka", "Mali", "ML"),
    "Djibo": (14.102, -1.627, "Sahel", "Burkina Faso", "BF"),
    "Kaya": (13.092, -1.084, "Centre-Nord", "Burkina Faso", "BF"),
    "Ouagadougou": (12.371, -1.525, "Centre", "Burkina Faso", "BF"),
    "Fada N'Gourma": (12.062, 0.358, "Est", "Burkina Faso", "BF"),
    "Tillaberi": (14.211, 1.453, "Tillaberi", "Niger", "NE"),
    "Diffa": (13.315, 12.611, "Diffa", "Niger", "NE"),
    "Niamey": (13.512, 2.112, "Niamey", "Niger", "NE"),
    "Maiduguri": (11.846, 13.160, "Borno", "Nigeria", "NG"),
    "Konduga": (11.653, 13.419, "Borno", "Nigeria", "NG"),
    "Jos": (9.896, 8.858, "Plateau", "Nigeria", "NG"),
    "Bukuru": (9.794, 8.872, "Plateau", "Nigeria", "NG"),
    "Gusau": (12.170, 6.664, "Zamfara", "Nigeria", "NG"),
    "Kaduna": (10.523, 7.440, "Kaduna", "Nigeria", "NG"),
    "Lagos": (6.455, 3.394, "Lagos", "Nigeria", "NG"),
    "Bamenda": (5.960, 10.146, "North-West", "Cameroon", "CM"),
    "Kolofata": (11.170, 14.010, "Far North", "Cameroon", "CM"),
    "Mogadishu": (2.037, 45.344, "Banaadir", "Somalia", "SO"),
    "Afgooye": (2.140, 45.120, "Lower Shabelle", "Somalia", "SO"),
    "Beledweyne": (4.736, 45.204, "Hiiraan", "Somalia", "SO"),
    "Kismayo": (-0.356, 42.545, "Lower Juba", "Somalia", "SO"),
    "Nairobi": (-1.286, 36.817, "Nairobi", "Kenya", "KE"),
    "Mandera": (3.937, 41.856, "Mandera", "Kenya", "KE"),
    "Lamu": (-2.270, 40.900, "Lamu", "Kenya", "KE"),
    "Mpeketoni": (-2.390, 40.690, "Lamu", "Kenya", "KE"),
    "Gondar": (12.600, 37.470, "Amhara", "Ethiopia", "ET"),
    "Bahir Dar": (11.590, 37.390, "Amhara", "Ethiopia", "ET"),
    "El Fasher": (13.628, 25.349, "North Darfur", "Sudan", "SD"),
    "El Geneina": (13.450, 22.450, "West Darfur", "Sudan", "SD"),
    "Khartoum": (15.550, 32.530, "Khartoum", "Sudan", "SD"),
    "Malakal": (9.530, 31.660, "Upper Nile", "South Sudan", "SS"),
    "Goma": (-1.679, 29.228, "North Kivu", "Democratic Republic of Congo", "CD"),
    "Sake": (-1.573, 29.045, "North Kivu", "Democratic Republic of Congo", "CD"),
    "Beni": (0.491, 29.473, "North Kivu", "Democratic Republic of Congo", "CD"),
    "Oicha": (0.700, 29.517, "North Kivu", "Democratic Republic of Congo", "CD"),
    "Bunia": (1.566, 30.252, "Ituri", "Democratic Republic of Congo", "CD"),
    "Palma": (-10.770, 40.470, "Cabo Delgado", "Mozambique", "MZ"),
    "Macomia": (-11.950, 40.130, "Cabo Delgado", "Mozambique", "MZ"),
    "Kabul": (34.530, 69.170, "Kabul", "Afghanistan", "AF"),
    "Jalalabad": (34.430, 70.450, "Nangarhar", "Afghanistan", "AF"),
    "Kunduz": (36.730, 68.860, "Kunduz", "Afghanistan", "AF"),
    "Peshawar": (34.010, 71.580, "Khyber Pakhtunkhwa", "Pakistan", "PK"),
    "Charsadda": (34.150, 71.730, "Khyber Pakhtunkhwa", "Pakistan", "PK"),
    "Quetta": (30.180, 66.990, "Balochistan", "Pakistan", "PK"),
    "Imphal": (24.820, 93.940, "Manipur", "India", "IN"),
    "Churachandpur": (24.330, 93.680, "Manipur", "India", "IN"),
    "Srinagar": (34.080, 74.800, "Jammu and Kashmir", "India", "IN"),
    "Mandalay": (21.970, 96.080, "Mandalay", "Myanmar", "MM"),
    "Sagaing": (21.880, 95.980, "Sagaing", "Myanmar", "MM"),
    "Myawaddy": (16.690, 98.510, "Kayin", "Myanmar", "MM"),
    "Marawi": (8.000, 124.290, "Lanao del Sur", "Philippines", "PH"),
    "Cotabato City": (7.220, 124.250, "Maguindanao", "Philippines", "PH"),
    "Jamundi": (3.260, -76.540, "Valle del Cauca", "Colombia", "CO"),
    "Cali": (3.440, -76.520, "Valle del Cauca", "Colombia", "CO"),
    "Tibu": (8.640, -72.740, "Norte de Santander", "Colombia", "CO"),
    "Culiacan": (24.800, -107.390, "Sinaloa", "Mexico", "MX"),
    "Navolato": (24.770, -107.700, "Sinaloa", "Mexico", "MX"),
    "Celaya": (20.520, -100.810, "Guanajuato", "Mexico", "MX"),
    "Port-au-Prince": (18.540, -72.340, "Ouest", "Haiti", "HT"),
    "Croix-des-Bouquets": (18.580, -72.230, "Ouest", "Haiti", "HT"),
    "Kharkiv": (49.990, 36.230, "Kharkiv", "Ukraine", "UA"),
    "Chuhuiv": (49.840, 36.690, "Kharkiv", "Ukraine", "UA"),
    "Kherson": (46.640, 32.610, "Kherson", "Ukraine", "UA"),
    "Zaporizhzhia": (47.840, 35.140, "Zaporizhzhia", "Ukraine", "UA"),
    "Idlib": (35.930, 36.630, "Idlib", "Syria", "SY"),
    "Deir ez-Zor": (35.340, 40.140, "Deir ez-Zor", "Syria", "SY"),
    "Kirkuk": (35.470, 44.390, "Kirkuk", "Iraq", "IQ"),
    "Mosul": (36.340, 43.130, "Nineveh", "Iraq", "IQ"),
    "Taiz": (13.580, 44.020, "Taiz", "Yemen", "YE"),
    "Marib": (15.460, 45.330, "Marib", "Yemen", "YE"),
    "Tripoli": (32.890, 13.190, "Tripoli", "Libya", "LY"),
    "Zawiya": (32.760, 12.730, "Zawiya", "Libya", "LY"),
    "Dhaka": (23.810, 90.410, "Dhaka", "Bangladesh", "BD"),
    "Cox's Bazar": (21.430, 92.010, "Chittagong", "Bangladesh", "BD"),
    "Ukhia": (21.290, 92.100, "Chittagong", "Bangladesh", "BD"),
    "Santiago": (-33.450, -70.670, "Santiago Metropolitan", "Chile", "CL"),
    "Lima": (-12.050, -77.040, "Lima", "Peru", "PE"),
    "Beirut": (33.890, 35.500, "Beirut", "Lebanon", "LB"),
    "Guayaquil": (-2.190, -79.890, "Guayas", "Ecuador", "EC"),
}

# actor key: (ACLED-style name, name in text); "{c}" is the country.
ACTORS: dict[str, tuple[str, str]] = {
    "army": ("Military Forces of {c}", "the army"),
    "police": ("Police Forces of {c}", "police"),
    "mutiny": ("Mutiny of Military Forces of {c}", "mutinous soldiers"),
    "jnim": ("Jama'at Nasr al-Islam wal Muslimin", "JNIM"),
    "isgs": ("Islamic State (Sahel)", "Islamic State Sahel fighters"),
    "iswap": ("Islamic State West Africa Province", "ISWAP"),
    "boko": ("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Boko Haram"),
    "shabaab": ("Al Shabaab", "al-Shabaab"),
    "m23": ("M23: March 23 Movement", "M23 rebels"),
    "adf": ("ADF: Allied Democratic Forces", "ADF rebels"),
    "codeco": ("CODECO: Cooperative for Development of Congo", "CODECO militiamen"),
    "ascwj": ("Islamic State (Mozambique)", "Islamic State-linked insurgents"),
    "fano": ("Fano Militia", "Fano militiamen"),
    "rsf": ("Rapid Support Forces", "the Rapid Support Forces"),
    "saf": ("Military Forces of Sudan", "the Sudanese army"),
    "ttp": ("TTP: Tehreek-i-Taliban Pakistan", "the Pakistani Taliban"),
    "iskp": ("Islamic State Khorasan Province", "Islamic State Khorasan"),
    "bla": ("BLA: Baloch Liberation Army", "Baloch separatists"),
    "pdf": ("PDF: People's Defence Force", "People's Defence Force fighters"),
    "tatmadaw": ("Military Forces of Myanmar", "junta troops"),
    "kuki": ("Kuki Ethnic Militia (India)", "Kuki militants"),
    "meitei": ("Meitei Ethnic Militia (India)", "Meitei militants"),
    "eln": ("ELN: National Liberation Army", "ELN guerrillas"),
    "emc": ("EMC: Central General Staff", "FARC dissidents"),
    "cjng": ("CJNG: Jalisco New Generation Cartel", "Jalisco cartel gunmen"),
    "sinaloa": ("Sinaloa Cartel", "Sinaloa cartel gunmen"),
    "g9": ("G9 Family and Allies", "G9 gang members"),
    "400m": ("400 Mawozo", "400 Mawozo gang members"),
    "russia": ("Military Forces of Russia", "Russian forces"),
    "hts": ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
    "syria": ("Military Forces of Syria", "Syrian government forces"),
    "isis": ("Islamic State (Iraq)", "Islamic State militants"),
    "houthi": ("Ansar Allah", "Houthi forces"),
    "bandits": ("Bandits (Nigeria)", "bandits"),
    "ambaz": ("Ambazonian Separatists", "separatist fighters"),
    "ssudan": ("Military Forces of South Sudan", "government troops"),
    "whiteArmy": ("White Army", "White Army youths"),
    "tripoliMil": ("Radaa Special Deterrence Forces", "the Radaa force"),
    "zawiyaMil": ("Zawiya Militia", "armed groups in Zawiya"),
    "arsa": ("ARSA: Arakan Rohingya Salvation Army", "ARSA members"),
    "rso": ("RSO: Rohingya Solidarity Organisation", "RSO members"),
    "gangsEc": ("Los Choneros", "Los Choneros inmates"),
    "civilians": ("Civilians ({c})", "villagers"),
    "protesters": ("Protesters ({c})", "protesters"),
    "teachers": ("Teachers ({c})", "teachers"),
    "students": ("Students ({c})", "students"),
    "opposition": ("Opposition supporters ({c})", "opposition supporters"),
    "farmers": ("Farmers ({c})", "farmers"),
    "rioters": ("Rioters ({c})", "rioters"),
    "unknown": ("Unidentified Armed Group ({c})", "gunmen"),
}

# (id, town, date, sub-type, actor1, actor2, first toll, follow-up toll or None, extras)
# extras: "deny" (an official denial follows), "nofollow", near misses "day:+N", "town:Other", "actor:a1/a2/Sub"
SPECS: list[tuple[str, str, str, str, str, str, int | None, int | None, str]] = [
    ("kati-mutiny", "Kati", "2020-08-18", "Armed clash", "mutiny", "army", 0, 2, "town:Bamako"),
    ("bamako-protest", "Bamako", "2020-07-10", "Excessive force against protesters", "protesters", "police", 3, 11,
     "day:+1"),
    ("mopti-ied", "Mopti", "2021-03-02", "Remote explosive/landmine/IED", "unknown", "army", 4, 6, "town:Bandiagara"),
    ("bankass-attack", "Bankass", "2022-06-19", "Attack", "jnim", "civilians", 20, 32, "deny actor:army/civilians/Attack"),
    ("menaka-clash", "Menaka", "2023-03-11", "Armed clash", "isgs", "army", 8, None, ""),
    ("djibo-attack", "Djibo", "2022-09-26", "Armed clash", "jnim", "army", 11, 37, "day:+2"),
    ("kaya-abduction", "Kaya", "2023-01-14", "Abduction/forced disappearance", "jnim", "civilians", 0, None, ""),
    ("ouaga-protest", "Ouagadougou", "2022-10-01", "Peaceful protest", "protesters", "", None, None,
     "actor:students//Peaceful_protest"),
    ("fada-ied", "Fada N'Gourma", "2021-11-05", "Remote explosive/landmine/IED", "unknown", "army", 5, 7, ""),
    ("tillaberi-attack", "Tillaberi", "2021-03-21", "Attack", "isgs", "civilians", 58, 141, "day:+3"),
    ("diffa-clash", "Diffa", "2020-06-04", "Armed clash", "iswap", "army", 6, None, "deny"),
    ("niamey-coup", "Niamey", "2023-07-26", "Non-violent transfer of territory", "mutiny", "", None, None, "nofollow"),
    ("maiduguri-suicide", "Maiduguri", "2021-06-10", "Suicide bomb", "boko", "civilians", 4, 9, "town:Konduga"),
    ("konduga-attack", "Konduga", "2022-02-03", "Attack", "iswap", "civilians", 7, None, ""),
    ("jos-attack", "Jos", "2021-08-14", "Attack", "unknown", "civilians", 22, 27, "town:Bukuru"),
    ("gusau-abduction", "Gusau", "2023-09-22", "Abduction/forced disappearance", "bandits", "students", 0, None,
     "deny"),
    ("kaduna-train", "Kaduna", "2022-03-28", "Attack", "bandits", "civilians", 8, 8, "day:+1"),
    ("lagos-protest", "Lagos", "2020-10-20", "Excessive force against protesters", "protesters", "army", 12, 12,
     "deny"),
    ("bamenda-clash", "Bamenda", "2021-05-17", "Armed clash", "ambaz", "army", 4, None, "actor:unknown/civilians/Attack"),
    ("kolofata-suicide", "Kolofata", "2020-08-02", "Suicide bomb", "boko", "civilians", 15, 17, ""),
    ("mogadishu-bomb", "Mogadishu", "2022-10-29", "Remote explosive/landmine/IED", "shabaab", "civilians", 100, 121,
     "town:Afgooye"),
    ("afgooye-clash", "Afgooye", "2021-04-09", "Armed clash", "shabaab", "army", 3, None, ""),
    ("beledweyne-flood", "Beledweyne", "2023-11-12", "Natural disaster", "", "", 14, 31, ""),
    ("kismayo-attack", "Kismayo", "2022-07-03", "Attack", "shabaab", "civilians", 5, None, "day:+2"),
    ("nairobi-protest", "Nairobi", "2023-07-12", "Protest with intervention", "opposition", "police", 0, 6,
     "actor:teachers/police/Peaceful_protest"),
    ("mandera-ied", "Mandera", "2023-06-14", "Remote explosive/landmine/IED", "shabaab", "police", 8, None, ""),
    ("mpeketoni-attack", "Mpeketoni", "2022-01-03", "Attack", "shabaab", "civilians", 6, None, "town:Lamu"),
    ("gondar-clash", "Gondar", "2023-08-06", "Armed clash", "fano", "army", 10, None, "town:Bahir_Dar"),
    ("fasher-shelling", "El Fasher", "2024-05-11", "Shelling/artillery/missile attack", "rsf", "civilians", 27, 56,
     "day:+1"),
    ("geneina-attack", "El Geneina", "2023-06-15", "Attack", "rsf", "civilians", 30, None, "deny"),
    ("khartoum-air", "Khartoum", "2023-07-08", "Air/drone strike", "saf", "civilians", 22, 31, ""),
    ("malakal-clash", "Malakal", "2022-09-01", "Armed clash", "whiteArmy", "ssudan", 9, None, ""),
    ("goma-shelling", "Goma", "2024-05-03", "Shelling/artillery/missile attack", "m23", "civilians", 9, 35,
     "town:Sake deny"),
    ("beni-attack", "Beni", "2023-06-16", "Attack", "adf", "civilians", 41, 43, "town:Oicha"),
    ("bunia-attack", "Bunia", "2022-02-01", "Attack", "codeco", "civilians", 60, None, ""),
    ("palma-attack", "Palma", "2021-03-24", "Non-state actor overtakes territory", "ascwj", "army", 12, 55,
     "town:Macomia"),
    ("kabul-suicide", "Kabul", "2021-08-26", "Suicide bomb", "iskp", "civilians", 60, 170, "day:+1"),
    ("jalalabad-ied", "Jalalabad", "2021-09-18", "Remote explosive/landmine/IED", "iskp", "civilians", 3, 3, ""),
    ("kunduz-suicide", "Kunduz", "2021-10-08", "Suicide bomb", "iskp", "civilians", 46, 55, ""),
    ("peshawar-suicide", "Peshawar", "2023-01-30", "Suicide bomb", "ttp", "police", 28, 84, "town:Charsadda"),
    ("quetta-bomb", "Quetta", "2024-11-09", "Suicide bomb", "bla", "army", 24, 26, "deny"),
    ("imphal-clash", "Imphal", "2023-05-04", "Armed clash", "kuki", "meitei", 5, 54, "town:Churachandpur"),
    ("srinagar-grenade", "Srinagar", "2024-11-03", "Grenade", "unknown", "civilians", 0, 0, "day:+2"),
    ("sagaing-air", "Sagaing", "2023-04-11", "Air/drone strike", "tatmadaw", "civilians", 50, 168, "town:Mandalay"),
    ("myawaddy-clash", "Myawaddy", "2024-04-11", "Armed clash", "pdf", "tatmadaw", 3, None, ""),
    ("marawi-bomb", "Marawi", "2023-12-03", "Remote explosive/landmine/IED", "unknown", "civilians", 4, 4,
     "town:Cotabato_City"),
    ("jamundi-clash", "Jamundi", "2024-06-23", "Armed clash", "emc", "army", 2, None, "town:Cali"),
    ("tibu-clash", "Tibu", "2025-01-17", "Armed clash", "eln", "emc", 80, None, "day:+2"),
    ("culiacan-clash", "Culiacan", "2023-01-05", "Armed clash", "sinaloa", "army", 29, None, "town:Navolato"),
    ("celaya-attack", "Celaya", "2023-03-06", "Attack", "cjng", "civilians", 10, 12, ""),
    ("pap-attack", "Port-au-Prince", "2024-03-02", "Attack", "g9", "civilians", 4, 12, "town:Croix-des-Bouquets"),
    ("kharkiv-strike", "Kharkiv", "2024-05-25", "Shelling/artillery/missile attack", "russia", "civilians", 6, 19,
     "town:Chuhuiv"),
    ("kherson-shelling", "Kherson", "2023-05-03", "Shelling/artillery/missile attack", "russia", "civilians", 21, 23,
     "day:+1"),
    ("zaporizhzhia-strike", "Zaporizhzhia", "2024-04-18", "Shelling/artillery/missile attack", "russia", "civilians",
     4, None, "deny"),
    ("idlib-air", "Idlib", "2023-10-05", "Air/drone strike", "syria", "civilians", 11, None, ""),
    ("deir-clash", "Deir ez-Zor", "2023-08-29", "Armed clash", "isis", "syria", 7, None, ""),
    ("kirkuk-protest", "Kirkuk", "2023-09-02", "Violent demonstration", "rioters", "", 4, 4, "day:+1"),
    ("mosul-ied", "Mosul", "2022-01-20", "Remote explosive/landmine/IED", "isis", "army", 2, None, ""),
    ("taiz-shelling", "Taiz", "2022-07-23", "Shelling/artillery/missile attack", "houthi", "civilians", 1, 1, "deny"),
    ("marib-clash", "Marib", "2021-02-20", "Armed clash", "houthi", "army", 18, 36, "day:+3"),
    ("tripoli-clash", "Tripoli", "2022-08-27", "Armed clash", "tripoliMil", "zawiyaMil", 23, 32, "town:Zawiya"),
    ("dhaka-protest", "Dhaka", "2024-07-18", "Excessive force against protesters", "students", "police", 25, 58,
     "actor:opposition//Peaceful_protest"),
    ("ukhia-attack", "Ukhia", "2021-10-22", "Attack", "arsa", "civilians", 6, 7, "town:Cox's_Bazar"),
    ("santiago-riot", "Santiago", "2019-10-18", "Violent demonstration", "rioters", "police", 0, 3, "day:+1"),
    ("lima-protest", "Lima", "2023-01-19", "Protest with intervention", "protesters", "police", 0, 1, ""),
    ("beirut-blast", "Beirut", "2020-08-04", "Man-made disaster", "", "", 78, 135, "nofollow"),
    ("guayaquil-riot", "Guayaquil", "2021-09-28", "Mob violence", "gangsEc", "", 29, 116, ""),
]

WIRES = ["Reuters", "AFP", "AP", "Xinhua", "Anadolu Agency", "dpa"]
SUBSCRIBERS = ["Yahoo News", "MSN", "The Citizen", "Arab News", "Daily Monitor", "France 24", "The Hindu",
               "Al Arabiya English", "Business Standard", "US News", "Voice of Nigeria", "eNCA", "The Standard",
               "Gulf Times", "Daily Sabah", "Hindustan Times", "Jakarta Post", "Straits Times"]
INDEPENDENT = {
    "ML": ["Studio Tamani", "RFI", "Maliweb", "BBC"], "BF": ["Lefaso.net", "RFI", "BBC", "Jeune Afrique"],
    "NE": ["ActuNiger", "RFI", "VOA", "BBC"], "NG": ["Premium Times", "Punch", "Daily Trust", "BBC", "Channels TV"],
    "CM": ["Mimi Mefo Info", "Cameroon News Agency", "RFI", "VOA"], "SO": ["Garowe Online", "Hiiraan Online",
                                                                        "VOA Somali", "BBC"],
    "KE": ["Nation", "The Star", "Citizen Digital", "BBC"], "ET": ["Addis Standard", "BBC Amharic", "VOA"],
    "SD": ["Sudan Tribune", "Radio Dabanga", "Al Jazeera", "BBC"], "SS": ["Radio Tamazuj", "Eye Radio", "VOA"],
    "CD": ["Radio Okapi", "Actualite.cd", "RFI", "Al Jazeera"], "MZ": ["Zitamar News", "Club of Mozambique", "Lusa"],
    "AF": ["TOLOnews", "Pajhwok", "Al Jazeera", "BBC"], "PK": ["Dawn", "Geo News", "The Express Tribune", "BBC Urdu"],
    "IN": ["The Hindu", "Indian Express", "NDTV", "Times of India"], "MM": ["The Irrawaddy", "Myanmar Now", "RFA"],
    "PH": ["Inquirer", "Rappler", "GMA News"], "CO": ["El Tiempo", "Semana", "Caracol Radio"],
    "MX": ["Milenio", "El Universal", "Reforma"], "HT": ["Le Nouvelliste", "Haiti Libre", "Miami Herald"],
    "UA": ["Ukrainska Pravda", "Kyiv Independent", "Suspilne"], "SY": ["Syrian Observatory", "Enab Baladi",
                                                                     "Al Jazeera"],
    "IQ": ["Rudaw", "Shafaq News", "Kurdistan24"], "YE": ["Al-Masdar Online", "Saba", "Al Jazeera"],
    "LY": ["Libya Observer", "Libya Herald", "Al Wasat"], "BD": ["The Daily Star", "Prothom Alo", "bdnews24"],
    "CL": ["La Tercera", "BioBio", "El Mercurio"], "PE": ["El Comercio", "La Republica", "RPP"],
    "LB": ["L'Orient Today", "Naharnet", "Al Jazeera"], "EC": ["El Universo", "Primicias", "Expreso"],
}
OFFICIALS = ["the defence ministry", "an army spokesman", "the regional governor", "the interior ministry",
             "a police spokesman", "the government spokesman"]

# Phrasings per kind of event: lead (first wire story), paraphrase (independent outlet), follow-up.
VERBS = {
    "Armed clash": (["{A} and {B} fought heavy battles in and around {town} on {day}",
                     "Fighting broke out between {A} and {B} in {town}, {region}, on {day}"],
                    ["Clashes pitting {B} against {A} shook {town} {when}",
                     "{B} said it repelled an assault by {A} near {town} {when}"]),
    "Attack": (["{A} attacked {B} in {town}, {region}, on {day}, killing {n} people",
                "At least {n} people were killed when {A} stormed {town} on {day}"],
               ["{A} killed {n} {B} in a raid on {town} {when}",
                "Residents of {town} buried {n} people killed by {A} {when}"]),
    "Abduction/forced disappearance": (["{A} abducted dozens of {B} near {town}, {region}, on {day}",
                                        "Gunmen kidnapped {B} on the road outside {town} on {day}"],
                                       ["A group of {B} was seized by {A} near {town} {when}",
                                        "Families in {town} said {A} had taken their relatives {when}"]),
    "Remote explosive/landmine/IED": (["A roadside bomb struck a convoy near {town}, {region}, on {day}, "
                                       "killing {n} people",
                                       "{n} people were killed when an explosive device went off in {town} on {day}"],
                                      ["An improvised explosive device killed {n} in {town} {when}",
                                       "A blast blamed on {A} tore through {town} {when}, killing {n}"]),
    "Suicide bomb": (["A suicide bomber blew himself up in {town} on {day}, killing at least {n} people",
                      "At least {n} people died in a suicide attack in {town}, {region}, on {day}"],
                     ["{A} claimed a suicide bombing in {town} {when} that killed {n}",
                      "A bomber detonated an explosive vest in a crowd in {town} {when}, killing {n}"]),
    "Air/drone strike": (["Air strikes by {A} hit {town}, {region}, on {day}, killing at least {n} people",
                          "A drone strike on a market in {town} killed {n} people on {day}"],
                         ["Warplanes bombed {town} {when}, killing {n} civilians, witnesses said",
                          "{n} people died when {A} aircraft struck {town} {when}"]),
    "Shelling/artillery/missile attack": (["{A} shelled {town} on {day}, killing {n} civilians",
                                           "Missiles fired by {A} struck residential areas of {town} on {day}, "
                                           "killing {n}"],
                                          ["Artillery fire hit {town} {when}, leaving {n} dead",
                                           "{n} civilians were killed as shells rained on {town} {when}"]),
    "Grenade": (["A grenade thrown at a market in {town} on {day} wounded a dozen people",
                 "Suspected militants hurled a grenade at shoppers in {town}, {region}, on {day}"],
                ["A grenade attack near a busy market in {town} {when} injured shoppers",
                 "Attackers lobbed a grenade into a crowd in {town} {when}"]),
    "Peaceful protest": (["Thousands of {A} marched through {town} on {day} to demand change",
                          "{A} rallied peacefully in central {town} on {day}"],
                         ["Crowds of {A} took to the streets of {town} {when}",
                          "A large demonstration by {A} filled {town} {when}"]),
    "Protest with intervention": (["Police fired tear gas at {A} in {town} on {day}",
                                   "Security forces dispersed {A} demonstrating in {town}, {region}, on {day}"],
                                  ["Tear gas was used to break up a protest by {A} in {town} {when}",
                                   "{A} clashed with police in {town} {when}"]),
    "Excessive force against protesters": (["{B} opened fire on {A} in {town} on {day}, killing {n}",
                                            "At least {n} {A} were shot dead by {B} in {town}, {region}, on {day}"],
                                           ["{B} killed {n} demonstrators in {town} {when}",
                                            "Live rounds fired at {A} in {town} {when} left {n} dead"]),
    "Violent demonstration": (["{A} torched vehicles and stoned {B} in {town} on {day}",
                               "Rioting broke out in {town}, {region}, on {day}, leaving {n} dead"],
                              ["Angry crowds set fire to buildings in {town} {when}",
                               "Unrest swept {town} {when} as {A} fought {B}"]),
    "Mob violence": (["A riot among inmates at the prison in {town} on {day} left {n} dead",
                      "{n} people were killed in a prison riot in {town}, {region}, on {day}"],
                     ["Gang fights inside the {town} prison {when} killed {n}",
                      "Prisoners battled each other in {town} {when}, leaving {n} dead"]),
    "Non-state actor overtakes territory": (["{A} seized the town of {town}, {region}, on {day}",
                                             "{A} overran {town} on {day} after days of fighting"],
                                            ["{town} fell to {A} {when}",
                                             "{A} took control of {town} {when}, residents said"]),
    "Non-violent transfer of territory": (["Soldiers detained the president in {town} on {day} and announced "
                                           "they had taken power",
                                           "A group of officers seized power in {town} on {day}"],
                                          ["Mutinous officers announced on state television in {town} {when} "
                                           "that they had taken power",
                                           "The presidential guard took over in {town} {when}"]),
    "Natural disaster": (["Floods submerged much of {town}, {region}, on {day}, killing {n} people",
                          "Heavy rains flooded {town} on {day}, leaving {n} dead"],
                         ["Floodwaters swept through {town} {when}, killing {n}",
                          "{n} people died as the river burst its banks at {town} {when}"]),
    "Man-made disaster": (["A huge explosion at the port of {town} on {day} killed at least {n} people",
                           "{n} people died when a warehouse exploded in {town} on {day}"],
                          ["A blast devastated the port district of {town} {when}, killing {n}",
                           "Stored chemicals exploded in {town} {when}, leaving {n} dead"]),
}
ATTRIBUTIONS = ["security sources said", "residents told {outlet}", "a local official said",
                "according to a hospital source", "witnesses said", "officials said"]
BACKGROUND = [
    "The area has seen repeated violence in recent months.",
    "No group has claimed responsibility so far.",
    "Aid agencies warned that thousands of people had fled their homes.",
    "The government has imposed a curfew in the area.",
    "Telephone networks in the area were cut, making verification difficult.",
    "Hospitals in the town appealed for blood donations.",
    "The United Nations called for restraint.",
    "Roads leading into the town were closed by security forces.",
]


def _actor(key: str, country: str) -> tuple[str | None, str]:
    if not key:
        return None, "people"
    name, shown = ACTORS[key]
    return name.replace("{c}", country), shown


def _when(day: dt.date, rng: random.Random) -> str:
    return rng.choice([f"on {day:%A}", f"on {day.day} {day:%B}", "earlier this week", f"late on {day:%A}"])


def _offset(lat: float, lon: float, km: float, rng: random.Random) -> tuple[float, float]:
    angle = rng.uniform(0, 2 * math.pi)
    return (round(lat + km * math.cos(angle) / 111.0, 4),
            round(lon + km * math.sin(angle) / (111.0 * math.cos(math.radians(lat))), 4))


class Writer:
    """Writes reports for one incident spec after another, with a seeded random source."""

    def __init__(self) -> None:
        self.rng = random.Random(7)
        self.records: list[dict[str, Any]] = []

    def event(self, spec: dict[str, Any], *, noise: float, toll: int | None, certainty: str = "Possible",
              sentence: str = "") -> dict[str, Any]:
        rng = self.rng
        lat, lon, admin1, country, iso2 = PLACES[spec["town"]]
        event: dict[str, Any] = {
            "event_type": spec["type"], "sub_event_type": spec["sub"], "event_date": spec["date"].isoformat(),
            "time_precision": 1, "actor1": spec["a1"], "actor2": spec["a2"], "country": country, "iso2": iso2,
            "admin1": admin1, "location": spec["town"], "latitude": lat, "longitude": lon, "geo_precision": 1,
            "fatalities": toll, "certainty": certainty, "notes": sentence, "incident": spec["id"]}
        draw = rng.random()
        if draw < noise * 0.45:
            # "near Kati": coded at the named town or at a village close by
            event["latitude"], event["longitude"] = _offset(lat, lon, rng.uniform(0, 8), rng)
            event["geo_precision"] = 2
        elif draw < noise * 0.7:
            event["latitude"], event["longitude"] = _offset(lat, lon, rng.uniform(40, 110), rng)
            event["geo_precision"], event["location"] = 3, admin1
        elif draw < noise * 0.8:
            event["latitude"], event["longitude"] = _offset(lat, lon, rng.uniform(1, 5), rng)
        if rng.random() < noise * 0.5:
            shifted = spec["date"] + dt.timedelta(days=rng.randint(-2, 2))
            event["event_date"], event["time_precision"] = shifted.isoformat(), 2
        if rng.random() < noise * 0.6 and spec["a1"] and spec["type"] not in ("Protests", "Riots"):
            event["actor1"] = f"Unidentified Armed Group ({country})"
        if rng.random() < noise * 0.35:
            event["event_type"], event["sub_event_type"] = _neighbour(spec["type"], spec["sub"])
        return event

    def add(self, spec: dict[str, Any], kind: str, outlet: str, published: dt.date, text: str,
            events: list[dict[str, Any]], *, denial: bool = False) -> None:
        claims = []
        if denial:
            start = text.index("denied")
            claims.append({"content": {"text": text[start:], "start": start, "end": len(text)}, "stance": "deny",
                           "source_kind": "official"})
            for event in events:
                event["claims"] = [0]
        self.records.append({"report_id": "", "kind": kind, "outlet": outlet, "published": published.isoformat(),
                             "title": text.split(",")[0][:80], "text": text, "events": events, "claims": claims})

    def incident(self, spec: dict[str, Any]) -> None:
        rng = self.rng
        town, day = spec["town"], spec["date"]
        _lat, _lon, region, country, iso2 = PLACES[town]
        lead, para = VERBS[spec["sub"]]
        fill = {"A": spec["a1_text"], "B": spec["a2_text"], "town": town, "region": region,
                "day": f"{day:%A}", "n": spec["n0"] if spec["n0"] is not None else "several"}
        if not spec["n0"]:
            lead = [t for t in lead if "{n}" not in t] or lead
            para = [t for t in para if "{n}" not in t] or para
        spec["para"] = para
        wire = rng.choice(WIRES)
        first = rng.choice(lead).format(**fill)
        first = first[0].upper() + first[1:]
        text = (f"{town.upper()} ({wire}) - {first}, {rng.choice(ATTRIBUTIONS).format(outlet=wire)}. "
                + " ".join(rng.sample(BACKGROUND, 2)))
        self.add(spec, "first", wire, day, text,
                 [self.event(spec, noise=0.2, toll=spec["n0"], sentence=first)])
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            copy = text.replace(f"({wire})", f"({wire}) via {rng.choice(['agencies', 'wire'])}")
            if rng.random() < 0.5:
                copy = copy.rsplit(". ", 1)[0] + "."
            if rng.random() < 0.4:
                copy = copy.replace(" on ", " on ", 1).replace("people", "persons", 1)
            self.add(spec, "copy", rng.choice(SUBSCRIBERS), day + dt.timedelta(days=rng.choice([0, 0, 1])), copy,
                     [self.event(spec, noise=0.3, toll=spec["n0"], sentence=first)])
        outlets = rng.sample(INDEPENDENT[iso2], k=min(len(INDEPENDENT[iso2]), rng.choice([1, 1, 2, 2, 3])))
        for outlet in outlets:
            sentence = rng.choice(para).format(**{**fill, "when": _when(day, rng)})
            sentence = sentence[0].upper() + sentence[1:]
            text = f"{sentence}, {rng.choice(ATTRIBUTIONS).format(outlet=outlet)}. {rng.choice(BACKGROUND)}"
            self.add(spec, "paraphrase", outlet, day + dt.timedelta(days=rng.choice([0, 1])), text,
                     [self.event(spec, noise=0.8, toll=spec["n0"], sentence=sentence)])
        if spec["n1"] is not None and "nofollow" not in spec["extras"]:
            self.follow_up(spec)
        if "deny" in spec["extras"]:
            self.denial(spec)

    def follow_up(self, spec: dict[str, Any]) -> None:
        rng, day, town = self.rng, spec["date"], spec["town"]
        later = day + dt.timedelta(days=rng.choice([1, 1, 2]))
        outlet = rng.choice(WIRES + INDEPENDENT[PLACES[town][4]])
        toll = spec["n1"]
        sentence = rng.choice([
            f"The death toll from {day:%A}'s violence in {town} has risen to {toll}",
            f"At least {toll} people are now known to have died in {town} on {day.day} {day:%B}",
            f"Rescuers in {town} said {toll} bodies had been recovered after {day:%A}'s attack",
        ])
        text = f"{sentence}, {rng.choice(ATTRIBUTIONS).format(outlet=outlet)}. {rng.choice(BACKGROUND)}"
        self.add(spec, "follow-up", outlet, later, text,
                 [self.event(spec, noise=0.3, toll=toll, certainty="Likely", sentence=sentence)])

    def denial(self, spec: dict[str, Any]) -> None:
        rng, day, town = self.rng, spec["date"], spec["town"]
        outlet = rng.choice(INDEPENDENT[PLACES[town][4]])
        official = rng.choice(OFFICIALS)
        sentence = f"Reports of {day:%A}'s incident in {town} were false, {official} said"
        text = (f"{sentence}. In a statement, {official} denied that {spec['a1_text']} had carried out any "
                f"attack in {town} and called the reports propaganda.")
        self.add(spec, "denial", outlet, day + dt.timedelta(days=1), text,
                 [self.event(spec, noise=0.3, toll=None, certainty="Unlikely", sentence=sentence)], denial=True)


def _neighbour(event_type: str, sub: str) -> tuple[str, str]:
    """A sub-type an extractor could confuse with ``sub`` (same family)."""
    table = {"Armed clash": ("Violence against civilians", "Attack"), "Attack": ("Battles", "Armed clash"),
             "Remote explosive/landmine/IED": ("Explosions/Remote violence", "Suicide bomb"),
             "Suicide bomb": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
             "Shelling/artillery/missile attack": ("Explosions/Remote violence", "Air/drone strike"),
             "Air/drone strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
             "Protest with intervention": ("Protests", "Peaceful protest"),
             "Excessive force against protesters": ("Protests", "Protest with intervention"),
             "Peaceful protest": ("Protests", "Protest with intervention"),
             "Violent demonstration": ("Riots", "Mob violence")}
    return table.get(sub, (event_type, sub))


TYPES = {"Armed clash": "Battles", "Non-state actor overtakes territory": "Battles",
         "Attack": "Violence against civilians", "Abduction/forced disappearance": "Violence against civilians",
         "Remote explosive/landmine/IED": "Explosions/Remote violence", "Suicide bomb": "Explosions/Remote violence",
         "Air/drone strike": "Explosions/Remote violence", "Grenade": "Explosions/Remote violence",
         "Shelling/artillery/missile attack": "Explosions/Remote violence", "Peaceful protest": "Protests",
         "Protest with intervention": "Protests", "Excessive force against protesters": "Protests",
         "Violent demonstration": "Riots", "Mob violence": "Riots",
         "Non-violent transfer of territory": "Strategic developments", "Natural disaster": "Natural disaster",
         "Man-made disaster": "Man-made disaster"}


def _spec(ident: str, town: str, day: dt.date, sub: str, a1: str, a2: str, n0: int | None, n1: int | None,
          extras: str) -> dict[str, Any]:
    country = PLACES[town][3]
    a1_name, a1_text = _actor(a1, country)
    a2_name, a2_text = _actor(a2, country)
    return {"id": ident, "town": town, "date": day, "sub": sub, "type": TYPES[sub], "a1": a1_name, "a2": a2_name,
            "a1_text": a1_text, "a2_text": a2_text, "n0": n0, "n1": n1, "extras": extras}


def specs() -> list[dict[str, Any]]:
    """Every incident of the stream: the hand-written ones and their near misses."""
    found = []
    for ident, town, date, sub, a1, a2, n0, n1, extras in SPECS:
        day = dt.date.fromisoformat(date)
        found.append(_spec(ident, town, day, sub, a1, a2, n0, n1, extras))
        for extra in (e.replace("_", " ") for e in extras.split()):
            if extra.startswith("day:"):
                found.append(_spec(ident + "-later", town, day + dt.timedelta(days=int(extra[4:])), sub, a1, a2,
                                   n0, None, ""))
            elif extra.startswith("town:"):
                found.append(_spec(ident + "-near", extra[5:], day, sub, a1, a2, n0, None, ""))
            elif extra.startswith("actor:"):
                b1, b2, other_sub = extra[6:].split("/")
                found.append(_spec(ident + "-other", town, day, other_sub, b1, b2, n0, None, ""))
    return found


def roundups(writer: Writer, found: list[dict[str, Any]], count: int = 14) -> None:
    """Digest articles that report two incidents of one country, each as its own event."""
    rng = writer.rng
    by_country: dict[str, list[dict[str, Any]]] = {}
    for spec in found:
        by_country.setdefault(PLACES[spec["town"]][4], []).append(spec)
    pairs = [(a, b) for specs_ in by_country.values() for a in specs_ for b in specs_
             if a["id"] < b["id"] and abs((a["date"] - b["date"]).days) <= 3]
    for first, second in rng.sample(pairs, k=min(count, len(pairs))):
        outlet = rng.choice(INDEPENDENT[PLACES[first["town"]][4]])
        sentences = []
        for spec in (first, second):
            fill = {"A": spec["a1_text"], "B": spec["a2_text"], "town": spec["town"],
                    "n": spec["n0"] if spec["n0"] else "several", "when": _when(spec["date"], rng)}
            sentence = rng.choice(spec["para"]).format(**fill)
            sentences.append(sentence[0].upper() + sentence[1:])
        text = f"{sentences[0]}, officials said. In separate violence, {sentences[1][0].lower()}{sentences[1][1:]}."
        published = max(first["date"], second["date"]) + dt.timedelta(days=1)
        writer.add(first, "roundup", outlet, published, text,
                   [writer.event(spec, noise=0.5, toll=spec["n0"], sentence=s)
                    for spec, s in zip((first, second), sentences, strict=True)])


def main() -> None:
    writer = Writer()
    found = specs()
    for spec in found:
        writer.incident(spec)
    roundups(writer, found)
    records = sorted(writer.records, key=lambda r: (r["published"], writer.rng.random()))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as out:
        for number, record in enumerate(records, 1):
            record["report_id"] = f"r{number:04d}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    incidents = {e["incident"] for r in records for e in r["events"]}
    print(f"wrote {len(records)} reports about {len(incidents)} incidents to {OUT}")


if __name__ == "__main__":
    main()
