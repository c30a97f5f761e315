"""Event detection and typing: codebook triggers, precedence, modality, merging, actors and the seed."""

from __future__ import annotations

import pytest

from conftest import make_article, needs_model
from tocsin import nlp
from tocsin.extract.events import find_events
from tocsin.extract.triggers import gate, sentence_sub_types
from tocsin.model import Article, Event


def _events(text: str, *, parsed: bool = False) -> list[Event]:
    article = make_article(text)
    doc = nlp.parse(text) if parsed else nlp.blank()(text)
    return find_events(doc, article, places=[], times=[], claims=[])


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Government forces used sarin gas on the town.", "Chemical weapon", id="chemical"),
        pytest.param("Israeli air strikes hit Gaza City on Monday.", "Air/drone strike", id="air-strike"),
        pytest.param("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb", id="suicide"),
        pytest.param("Militants fired mortar shells at the town.", "Shelling/artillery/missile attack", id="shelling"),
        pytest.param("A roadside bomb struck a convoy near Gao.", "Remote explosive/landmine/IED", id="ied"),
        pytest.param("Attackers hurled a grenade into a bar.", "Grenade", id="grenade"),
        pytest.param("Gunmen abducted 20 passengers on the highway.", "Abduction/forced disappearance", id="abduction"),
        pytest.param("Gunmen shot dead three farmers in their fields.", "Attack", id="attack"),
        pytest.param("Hundreds of teachers protested outside parliament.", "Peaceful protest", id="protest"),
        pytest.param("Police fired tear gas to disperse protesters.", "Protest with intervention", id="intervention"),
        pytest.param("Rioters torched cars and threw stones at shops.", "Violent demonstration", id="riot"),
        pytest.param("Soldiers clashed with JNIM fighters near Mopti.", "Armed clash", id="clash"),
        pytest.param("Police arrested five suspects in Kano.", "Arrests", id="arrest"),
        pytest.param("The two sides signed a ceasefire agreement.", "Agreement", id="agreement"),
        pytest.param("A strong earthquake struck the region.", "Natural disaster", id="earthquake"),
        pytest.param("Soldiers mutinied and seized power in a coup.", "Other", id="coup"),
    ],
)
def test_events_sub_type_by_codebook(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_gate_skips_irrelevant_text() -> None:
    assert not gate("The central bank held interest rates steady.")


def test_events_no_event_in_business_news() -> None:
    assert _events("The central bank held interest rates steady on Tuesday.") == []


def test_events_precedence_merges_tactics() -> None:
    # an artillery barrage inside a battle is one Battles event
    events = _events("Troops clashed with rebels as artillery pounded their positions.")
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The group threatened to attack the town.", id="threat"),
        pytest.param("Opposition parties will hold protests tomorrow.", id="future"),
        pytest.param("There were no clashes in the capital.", id="negated"),
        pytest.param("No group immediately claimed responsibility for the raid.", id="negated-two-words-apart"),
    ],
)
def test_events_not_news_is_dropped(text: str) -> None:
    assert _events(text) == []


def test_events_air_raid_alert_is_no_air_strike() -> None:
    text = "Russian missiles struck a power facility in Kharkiv. Residents stayed in shelters until the air raid alert was lifted."
    assert [e.sub_event_type for e in _events(text)] == ["Shelling/artillery/missile attack"]


def test_events_no_one_killed_is_zero_fatalities() -> None:
    (event,) = _events("A bomb exploded near the market but no one was killed.")
    assert event.fatalities == 0


def test_events_fatalities_lowest_report() -> None:
    (event,) = _events("Gunmen killed at least 14 villagers. Local officials said 20 people were killed.")
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (14, 14, 20)


def test_events_distinct_sites_stay_apart() -> None:
    text = "Gunfire was heard at the army base. Gunfire was also heard near the presidential palace."
    assert len(_events(text)) == 2


def test_events_same_site_merges() -> None:
    text = "Gunfire was heard at the army base. A spokesman confirmed shots were fired at the base."
    assert len(_events(text)) == 1


def test_events_older_year_is_separate_event() -> None:
    text = "Soldiers clashed with rebels in the town. The 2012 clashes in the town killed 40 people."
    assert len(_events(text)) == 2


def test_events_fields_and_evidence() -> None:
    text = "Malian soldiers clashed with JNIM fighters near Mopti, killing 5."
    article = make_article(text)
    article = Article(**{**article.to_dict(), "outlet": "Reuters", "published_candidates": ()})
    (event,) = find_events(nlp.blank()(text), article, places=[], times=[], claims=[])
    assert event.actor1 == "Military Forces of Mali"
    assert event.actor2 == "JNIM: Group for Support of Islam and Muslims"
    assert event.interaction == 12
    assert event.disorder_type == "Political violence"
    assert event.plover == {"event": "ASSAULT", "mode": "firearms"}
    assert event.source == "Reuters"
    assert event.fatalities == 5
    assert (event.sentence_start, event.sentence_end) == (0, len(text))
    fields = {e.field: text[e.start:e.end] for e in event.evidence}
    assert fields["event_type"] == "clashed"
    assert fields["fatalities"] == "5"


def test_events_sentence_sub_types_offsets() -> None:
    text = "A suicide bomber struck."
    ((sub, start, end),) = sentence_sub_types(text)
    assert text[start:end] == "suicide bomber"


@needs_model
def test_events_seed_kati_mutiny_first(seed_text: str) -> None:
    events = _events(seed_text, parsed=True)
    main = events[0]
    assert (main.event_type, main.sub_event_type) in {("Battles", "Armed clash"), ("Strategic developments", "Other")}
    assert {main.actor1, main.actor2} == {"Military Forces of Mali", "Mutiny of Military Forces of Mali"}
    assert seed_text.find("Kati") < main.sentence_end or any(
        seed_text[e.start:e.end].count("Kati") for e in main.evidence if e.field == "sentence"
    )


@needs_model
def test_events_seed_prime_minister_gunfire_is_own_event(seed_text: str) -> None:
    events = _events(seed_text, parsed=True)
    office = [e for e in events if "prime minister" in seed_text[e.sentence_start:e.sentence_end]]
    assert len(office) == 1 and office[0] is not events[0]


@needs_model
def test_events_seed_protests_fourteen_dead(seed_text: str) -> None:
    (protest,) = [e for e in _events(seed_text, parsed=True) if e.event_type == "Protests"]
    assert protest.fatalities == 14


@needs_model
def test_events_seed_2012_coup_is_separate(seed_text: str) -> None:
    events = _events(seed_text, parsed=True)
    coup = [e for e in events if "2012" in seed_text[e.sentence_start:e.sentence_end] and e is not events[0]]
    assert len(coup) == 1
    assert coup[0].sub_event_type == "Other"


@needs_model
def test_events_seed_hypothetical_unrest_dropped(seed_text: str) -> None:
    events = _events(seed_text, parsed=True)
    assert not any("Regional powers" in seed_text[e.sentence_start:e.sentence_end] for e in events)
    assert not any(e.event_type == "Diplomatic event" for e in events)


def test_events_doctests_pass() -> None:
    import doctest

    from tocsin.extract import events

    assert doctest.testmod(events).failed == 0


def test_events_associated_actor_same_side() -> None:
    (event,) = _events("Malian soldiers and French troops clashed with JNIM fighters near Mopti.")
    assert event.actor1 == "Military Forces of Mali"
    assert event.actor2 == "JNIM: Group for Support of Islam and Muslims"
    assert event.assoc_actor_1 == "Military Forces of France"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Taxi drivers went on strike in Durban on Monday over fares.", "Peaceful protest", id="strike"),
        pytest.param("Villagers staged a dharna outside the collectorate on Monday.", "Peaceful protest", id="dharna"),
        pytest.param("Residents blockaded the main road into the township on Monday.", "Peaceful protest", id="blockade"),
        pytest.param("A boiler exploded at a chemical plant, killing two workers.", "Man-made disaster", id="plant-blast"),
        pytest.param("Twelve fighters have surrendered to the army in Gao.", "Agreement", id="surrender"),
        pytest.param("Police detained four activists who were trying to hold a protest.", "Protest with intervention",
                     id="attempted-protest"),
        pytest.param("Thousands marched in Paris and scuffles broke out with demonstrators.", "Violent demonstration",
                     id="scuffles"),
    ],
)
def test_events_sub_type_of_paraphrases(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_robbers_smashing_a_van_are_not_a_riot() -> None:
    events = _events("A bakkie smashed into the security van on the highway on Tuesday.")
    assert all(e.event_type != "Riots" for e in events)


def test_events_sport_report_has_no_battle_or_protest() -> None:
    text = ("The striker scored twice as the league leaders won 3-1 at the stadium. The coach said the clash with "
            "their rivals was the hardest match of the season, and the championship race is far from over.")
    assert all(e.event_type not in ("Battles", "Protests") for e in _events(text))


def test_events_police_as_source_are_not_the_perpetrator() -> None:
    events = _events("Police said two men were stabbed to death in the market on Sunday.")
    assert events[0].sub_event_type == "Attack"
    assert not (events[0].actor1 or "").startswith("Police Forces")


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Nurses at the provincial hospital downed tools on Tuesday over unpaid allowances.",
                     "Peaceful protest", id="downed-tools"),
        pytest.param("Dock workers staged a walkout at the port on Friday.", "Peaceful protest", id="walkout"),
        pytest.param("Riot police fired tear gas while clashing with students outside the campus.",
                     "Violent demonstration", id="clashing-with-protesters"),
        pytest.param("Police used tear gas on marchers as the protest descended into running battles.",
                     "Violent demonstration", id="protest-descends-into-violence"),
        pytest.param("An angry crowd lynches a man accused of stealing goats.", "Mob violence", id="lynches"),
        pytest.param("Villagers said two herders were beaten by vigilantes near the river.", "Mob violence",
                     id="vigilantes"),
        pytest.param("Ministers rejected allegations that their jets had bombed the clinic.",
                     "Attribution of responsibility", id="rejected-allegations"),
        pytest.param("A rights group accused border guards of raping women at the crossing.", "Sexual violence",
                     id="accused-of-rape"),
    ],
)
def test_events_sub_type_of_new_cues(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_protest_with_deaths_is_excessive_force() -> None:
    text = "Police fired tear gas to disperse the march in the capital on Monday, and three protesters were killed."
    assert _events(text)[0].sub_event_type == "Excessive force against protesters"


def test_events_suicide_bomb_stays_when_gunfire_follows_in_next_sentence() -> None:
    text = ("Two suicide bombers blew themselves up at a checkpoint on Monday. "
            "Guards had exchanged fire with them for several minutes.")
    assert [e.sub_event_type for e in _events(text)] == ["Suicide bomb"]


def test_events_advice_to_residents_is_no_diplomatic_event() -> None:
    events = _events("The city council urged residents to stay indoors on Sunday.")
    assert all(e.sub_event_type != "Diplomatic event" for e in events)


@needs_model
def test_events_event_after_a_cue_verb_is_presupposed() -> None:
    # "urged" makes staying indoors hypothetical, but the gunfire after which it was urged happened
    events = _events("Officials urged people to avoid the port area after gunfire near the harbour.", parsed=True)
    assert any(e.event_type == "Battles" or e.sub_event_type == "Attack" for e in events)


def test_events_team_rallying_to_win_is_no_protest() -> None:
    assert all(e.event_type != "Protests" for e in _events("The visitors rallied to beat the hosts in extra time."))


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("The ministry imposed sanctions on Monday over the bombing of a consulate.", "Diplomatic event",
                     id="sanctions-over-bombing"),
        pytest.param("Customs officers seized two RPG-7 rockets and AK-47 rifles at the border crossing.",
                     "Disrupted weapons use", id="seized-hyphenated-weapons"),
        pytest.param("Army units occupied two hilltops held by the rebels on Tuesday.", "Government regains territory",
                     id="occupied-hilltops"),
    ],
)
def test_events_sub_type_of_codebook_rules(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_missile_test_is_no_attack() -> None:
    events = _events("The country carried out a ballistic missile test off its east coast on Sunday.")
    assert all(e.sub_event_type != "Shelling/artillery/missile attack" for e in events)


def test_events_territory_taken_outranks_battle_in_next_sentence() -> None:
    text = ("Government troops recaptured the town of Kabo from the rebels on Friday. "
            "Dozens of fighters died in heavy clashes around the market.")
    assert _events(text)[0].sub_event_type == "Government regains territory"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Army helicopters raided hideouts of the bandits in the forest on Monday.", "Air/drone strike",
                     id="helicopters-raided"),
        pytest.param("Aerial bombardments on rebel positions left dozens dead.", "Air/drone strike",
                     id="aerial-bombardments"),
        pytest.param("Three men torched the two officers' patrol cars outside their homes overnight.",
                     "Looting/property destruction", id="torched-cars-long-object"),
        pytest.param("Forty shops and homes were burned during the night in the old quarter.",
                     "Looting/property destruction", id="passive-burned-shops"),
        pytest.param("Insurgents set upon an army base outside the town before dawn.", "Armed clash",
                     id="set-upon-base"),
    ],
)
def test_events_sub_type_of_wider_cues(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_gunmen_opening_fire_then_killing_civilians_is_one_attack() -> None:
    text = "Two gunmen opened fire at a wedding hall on Saturday. Eleven guests were shot dead, police said."
    assert [e.sub_event_type for e in _events(text)] == ["Attack"]


def test_events_background_fighting_does_not_make_a_shelling_a_battle() -> None:
    text = "Rockets hit a border village on Friday, killing a farmer, as fighting continues further north."
    assert _events(text)[0].sub_event_type == "Shelling/artillery/missile attack"


@needs_model
@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Government soldiers in an offensive against the rebels recaptured the port on Friday.",
                     "Government regains territory", id="subject-not-nearest-actor"),
        pytest.param("The militants were driven out of the valley by the army.", "Government regains territory",
                     id="passive-loser"),
    ],
)
def test_events_territory_taker_is_the_subject(text: str, sub_type: str) -> None:
    assert _events(text, parsed=True)[0].sub_event_type == sub_type


def test_events_sport_report_rally_for_a_win_and_strike_by_a_player_are_play() -> None:
    text = ("The home side scored twice in the ninth inning to rally for a 5-4 win, their third straight of the season. "
            "In the league's other game, a late strike by the visiting captain sealed a 2-1 victory at the stadium.")
    assert all(e.event_type != "Protests" for e in _events(text))


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Two attackers set off suicide bombs at the gate of the stadium.", "Suicide bomb",
                     id="suicide-bombs-plural"),
        pytest.param("Militants fired shells filled with poisonous gases at the trenches.", "Chemical weapon",
                     id="poisonous-gases"),
        pytest.param("A truck loaded with explosives blew up at the depot, killing four guards.",
                     "Remote explosive/landmine/IED", id="explosives-blew-up"),
        pytest.param("A chlorine gas leak at the water works forced hundreds to flee their homes.",
                     "Man-made disaster", id="chlorine-leak-is-accident"),
        pytest.param("The navy created a new base on the island last month.", "Headquarters or base established",
                     id="created-base"),
        pytest.param("Police dragged protesters off the road outside parliament.", "Protest with intervention",
                     id="dragged-protesters"),
    ],
)
def test_events_sub_type_of_more_forms(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_dragging_without_a_protest_is_no_intervention() -> None:
    events = _events("Rescuers dragged the driver out of the way before the wreck caught fire.")
    assert all(e.sub_event_type != "Protest with intervention" for e in events)


def test_events_occupied_as_an_adjective_is_no_territory() -> None:
    events = _events("Soldiers kidnapped two teenagers in the occupied city of Laayoune on Friday.")
    assert events[0].sub_event_type == "Abduction/forced disappearance"


def test_events_withdrawal_from_a_treaty_is_no_transfer_of_territory() -> None:
    events = _events("The government withdrew from the arms control treaty on Thursday.")
    assert all(e.sub_event_type != "Non-violent transfer of territory" for e in events)


def test_events_army_mobilised_for_snow_is_disaster_relief() -> None:
    events = _events("The army mobilised on Tuesday to dig out cars stuck in heavy snow.")
    assert all(e.sub_event_type != "Change to group/activity" for e in events)


def test_events_mourning_rally_is_peaceful() -> None:
    text = "Thousands of students rallied on Sunday to mourn twelve demonstrators killed last month."
    assert _events(text)[0].sub_event_type == "Peaceful protest"


def test_events_tear_gas_shells_are_no_shelling() -> None:
    events = _events("Police lobbed tear gas shells at the crowd of protesters near the bus stand.")
    assert all(e.sub_event_type != "Shelling/artillery/missile attack" for e in events)


def test_events_looming_strike_is_not_yet_news() -> None:
    assert _events("The broadcaster said it was worried by the looming strike of its technicians.") == []


def test_events_protest_against_an_arrest_is_peaceful() -> None:
    text = "Hundreds of farmers marched to the district office to protest against the arrest of their leader."
    assert _events(text)[0].sub_event_type == "Peaceful protest"


def test_events_harm_done_in_a_riot_is_the_riot() -> None:
    text = "A riot broke out in the prison, two guards were stabbed and inmates took a nurse hostage."
    assert _events(text)[0].event_type == "Riots"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Medical students staged a die-in on the steps of the ministry.", "Peaceful protest", id="die-in"),
        pytest.param("Thousands poured into the streets of the capital demanding new elections.", "Peaceful protest",
                     id="poured-into-streets"),
        pytest.param("A fuel truck caught fire at the depot and the blaze spread to two warehouses.",
                     "Man-made disaster", id="caught-fire"),
        pytest.param("The refinery accidentally released tonnes of waste oil into the river.", "Man-made disaster",
                     id="accidental-release"),
    ],
)
def test_events_sub_type_of_protest_and_accident_paraphrases(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_boiler_of_a_plant_exploding_is_an_accident() -> None:
    text = "The boiler of a small dye factory exploded on Monday, injuring three workers."
    assert _events(text)[0].sub_event_type == "Man-made disaster"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("The union said the strike at the smelter would go on until wages were raised.", "Peaceful protest",
                     id="the-strike"),
        pytest.param("Angry residents blocked the main highway with rocks on Monday.", "Peaceful protest",
                     id="blocked-highway"),
        pytest.param("Youths stoned police vehicles near the stadium gates.", "Violent demonstration", id="stoned-vehicles"),
        pytest.param("Nurses were demonstrating outside the clinic when the minister arrived.", "Peaceful protest",
                     id="were-demonstrating"),
    ],
)
def test_events_sub_type_of_bare_protest_words(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The strike on the militants' compound killed a commander, the army said.", id="military-strike"),
        pytest.param("A landslide blocked the road to the village on Monday.", id="landslide-blocks-road"),
    ],
)
def test_events_bare_protest_words_need_their_context(text: str) -> None:
    assert all(e.event_type != "Protests" for e in _events(text))


@needs_model
def test_events_decided_to_strike_is_not_yet_news() -> None:
    events = _events("The members decided to go ahead with a strike on Thursday.", parsed=True)
    assert all(e.event_type != "Protests" for e in events)


def test_events_sport_report_the_strike_is_a_shot() -> None:
    text = ("The striker scored twice as the league leaders won 3-1 at the stadium to stay top of the championship. "
            "The strike in the second half was the best goal of the season, the coach said.")
    assert all(e.event_type != "Protests" for e in _events(text))


def test_events_stone_throwing_crowd_is_a_riot() -> None:
    text = "Constables fired shots to scatter a crowd indulging in stone-throwing near the ferry ghat."
    assert _events(text)[0].event_type == "Riots"


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("Party members marched  on the\nfarm and broke the locks on the gate.", "Peaceful protest",
                     id="double-space-and-line-break"),
        pytest.param("Striking bus drivers gathered at the depot on Tuesday.", "Peaceful protest", id="striking-bus-drivers"),
        pytest.param("Shop workers continued their national strike on Tuesday.", "Peaceful protest",
                     id="continued-national-strike"),
    ],
)
def test_events_sub_type_of_loosely_written_protests(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


def test_events_continued_air_strike_is_no_protest() -> None:
    events = _events("The coalition continued its air strike campaign on Tuesday.")
    assert all(e.event_type != "Protests" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The singer died of a cardiac arrest at his home on Sunday.", id="cardiac-arrest"),
        pytest.param("The villagers said they apprehended a threat to their lives from the quarry owners.",
                     id="apprehended-a-threat"),
        pytest.param("Opposition leaders demanded the arrest of the officials behind the scheme.", id="demanded-arrest"),
        pytest.param("The magistrate issued orders to arrest anyone who breaks the curfew.", id="orders-to-arrest"),
        pytest.param("Nobody was arrested during the peaceful march on Sunday.", id="nobody-arrested"),
        pytest.param("His arrest warrant was signed at noon.", id="arrest-warrant"),
    ],
)
def test_events_arrest_words_that_report_no_arrest(text: str) -> None:
    assert all(e.sub_event_type != "Arrests" for e in _events(text))


def test_events_suppressed_without_a_protest_is_no_intervention() -> None:
    events = _events("Weak states that suppressed dissent bred armed movements, the report said.")
    assert all(e.sub_event_type != "Protest with intervention" for e in events)


@needs_model
def test_events_deaths_at_a_protest_told_apart_are_the_excessive_force() -> None:
    from tocsin import pipeline

    text = ("KANO (Reuters) - Police fired live rounds at students marching against fuel prices in Kano on Monday, "
            "witnesses said. A rights group said at least nine people were killed by police in Kano.")
    events = pipeline.analyze(make_article(text, published="2021-03-02")).events
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Excessive force against protesters", 9)]


@needs_model
def test_events_gunmen_killing_after_a_protest_stay_an_attack() -> None:
    from tocsin import pipeline

    text = ("Police fired tear gas at students marching in Kano on Monday. Later that day gunmen killed four "
            "traders at a market in Kano.")
    subs = {e.sub_event_type for e in pipeline.analyze(make_article(text, published="2021-03-02")).events}
    assert "Attack" in subs


@needs_model
@pytest.mark.parametrize(
    ("text", "sub_type", "actor1"),
    [
        pytest.param("Rebels detained two aid workers near Bambari on Monday.", "Abduction/forced disappearance",
                     "Unidentified Armed Group (Central African Republic)", id="armed-group-abducts"),
        pytest.param("Mutinous soldiers detained the defence minister in Bamako on Tuesday.", "Arrests",
                     "Mutiny of Military Forces of Mali", id="mutineers-arrest"),
    ],
)
def test_events_who_detains_decides_arrest_or_abduction(text: str, sub_type: str, actor1: str) -> None:
    from tocsin import pipeline

    (event,) = pipeline.analyze(make_article(text, published="2021-03-03")).events
    assert (event.sub_event_type, event.actor1) == (sub_type, actor1)


@needs_model
def test_events_gunmen_attacking_a_protest_camp_is_no_battle() -> None:
    from tocsin import pipeline

    text = "Gunmen attacked a protest camp outside the parliament in Bamako on Friday and killed seven demonstrators."
    (event,) = pipeline.analyze(make_article(text, published="2021-03-03")).events
    assert event.event_type != "Battles"
    assert event.actor2 == "Unidentified Armed Group (Mali)" and event.fatalities == 7


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Soldiers shot dead two villagers and arrested three others in the town on Monday.", id="coordinated"),
        pytest.param("Police opened fire on the attackers in the village, killing two, and arrested fifteen men.",
                     id="participle"),
    ],
)
def test_events_killing_and_arrest_in_one_clause_are_two_events(text: str) -> None:
    events = _events(text, parsed=True)
    subs = [e.sub_event_type for e in events]
    assert "Arrests" in subs
    violent = [e for e in events if e.event_type in ("Battles", "Violence against civilians")]
    assert violent and violent[0].fatalities == 2
    assert next(e for e in events if e.sub_event_type == "Arrests").fatalities in (None, 0)


def _acts_by_actor2(event: Event) -> set[str]:
    return {e.field for e in event.evidence if e.field.endswith("_by_actor2")}


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        pytest.param("A youth was killed when police fired on rioters who had torched shops in the town.",
                     {"force_by_actor2", "fatalities_by_actor2"}, id="killed-when-police-fired"),
        pytest.param("Two rioters died in police firing in the market on Tuesday.",
                     {"force_by_actor2", "fatalities_by_actor2"}, id="died-in-police-firing"),
        pytest.param("Police fired tear gas to disperse a mob that was pelting stones at shops.",
                     {"force_by_actor2"}, id="tear-gas-no-deaths"),
        pytest.param("Rioters pelted the police with stones and two men died in the market.", set(),
                     id="police-as-target"),
        pytest.param("Police imposed a curfew on the town after one of the rioters died in hospital.", set(),
                     id="curfew-after-a-death"),
    ],
)
def test_events_riot_evidence_says_what_state_forces_did(text: str, acts: set[str]) -> None:
    (riot,) = [e for e in _events(text, parsed=True) if e.event_type in ("Riots", "Protests")]
    assert riot.event_type == "Riots" and riot.actor2 == "Police Forces"
    assert _acts_by_actor2(riot) == acts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Eighty marchers were detained by police as they chanted slogans at the station.", id="arrests"),
        pytest.param("Police cordoned off the square and stopped the march to the governor's house.", id="cordon"),
    ],
)
def test_events_intervention_without_force_says_no_force(text: str) -> None:
    (event,) = _events(text, parsed=True)
    assert event.sub_event_type == "Protest with intervention"
    assert _acts_by_actor2(event) <= {"arrests_by_actor2"}
    assert ("arrests_by_actor2" in _acts_by_actor2(event)) == ("detained" in text)


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        pytest.param("Rebels ambushed an army convoy on the highway but the soldiers killed four of the rebels.",
                     {"fatalities_by_actor2"}, id="forces-kill-attackers"),
        pytest.param("Rebels ambushed an army convoy on the highway and killed four soldiers.", set(),
                     id="forces-killed"),
    ],
)
def test_events_fight_evidence_says_when_state_actor2_killed(text: str, acts: set[str]) -> None:
    (event,) = _events(text, parsed=True)
    assert event.event_type == "Battles" and event.actor2 is not None and event.actor2.startswith("Military Forces")
    assert _acts_by_actor2(event) == acts


def test_events_forcing_ones_way_out_takes_no_territory() -> None:
    events = _events("Guards bundled the mayor into a van and forced their way out of the market square.", parsed=True)
    assert "Government regains territory" not in [e.sub_event_type for e in events]
    assert [e.sub_event_type for e in _events("Troops drove the rebels out of the town.", parsed=True)] == [
        "Government regains territory"]


def test_events_arrests_at_a_riot_are_in_its_evidence() -> None:
    text = "A mob of rioters stoned the police station and the police fired tear gas shells and arrested twenty rioters."
    (riot,) = _events(text, parsed=True)
    assert riot.event_type == "Riots" and "arrests_by_actor2" in _acts_by_actor2(riot)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Police burst tear-gas shells to scatter the crowd outside the mill.", id="tear-gas-hyphen"),
        pytest.param("Police fired at a riotous mob near the bus stand.", id="riotous-mob"),
    ],
)
def test_events_lower_case_press_forms_of_crowd_events(text: str) -> None:
    assert [e.event_type for e in _events(text)] in (["Protests"], ["Riots"])


def test_events_crowd_control_tools_are_the_state_forces_whatever_the_parse() -> None:
    # lower-cased, the parse reads "lathi-charge" as a noun and links the police to nothing
    text = "later, the police had to lathi-charge traders who were trying to block the highway."
    (event,) = _events(text, parsed=True)
    assert event.actor2 == "Police Forces" and _acts_by_actor2(event) == {"force_by_actor2"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Officials said 40 people died in police firing while 600 were arrested across the region.",
                     id="while-clause"),
        pytest.param("Twelve people died in police firing and over 300 were arrested in the district.", id="died-in"),
    ],
)
def test_events_deaths_in_police_firing_beside_arrests_are_their_own_event(text: str) -> None:
    events = _events(text, parsed=True)
    assert "Arrests" in [e.sub_event_type for e in events]
    violent = [e for e in events if e.event_type in ("Battles", "Violence against civilians")]
    assert violent and violent[0].actor1 == "Police Forces" and (violent[0].fatalities or 0) > 0


def test_events_while_clause_without_its_own_subject_stays_nested() -> None:
    events = _events("A man was shot dead by police while trying to escape arrest in the town.", parsed=True)
    assert "Arrests" not in [e.sub_event_type for e in events]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Police arrested a man for killing his wife in the town on Monday.", id="for-killing"),
        pytest.param("The man who killed the shopkeeper was arrested by police on Tuesday.", id="relative"),
        pytest.param("Police arrested five men after two traders were killed in the market.", id="after"),
    ],
)
def test_events_killing_nested_in_an_arrest_is_one_arrest(text: str) -> None:
    assert [e.sub_event_type for e in _events(text, parsed=True)] == ["Arrests"]


def test_events_killing_beside_a_crime_is_its_own_event() -> None:
    events = _events("The gang smuggled heroin across the border and shot dead two guards at the checkpoint.", parsed=True)
    assert {e.sub_event_type for e in events} >= {"Organized crime", "Attack"}
    assert next(e for e in events if e.sub_event_type == "Attack").fatalities == 2


def test_events_clause_opened_by_when_is_no_separate_act() -> None:
    events = _events("Smugglers were moving drugs across the border when troops opened fire, killing three of them.",
                     parsed=True)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_events_blast_named_only_as_an_investigations_object_is_no_second_event() -> None:
    events = _events("Police arrested four men in the town, and detectives opened an investigation into the blast.",
                     parsed=True)
    assert [e.sub_event_type for e in events] == ["Arrests"]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        pytest.param("About two hundred tenants handed over a petition to the housing department on Friday.",
                     "Peaceful protest", id="petition-handed-over"),
        pytest.param("The opposition leader addressed supporters at an election rally in the harbour town.",
                     "Peaceful protest", id="election-rally"),
        pytest.param("Hundreds of families invaded unused land outside the township overnight.", "Peaceful protest",
                     id="land-invasion"),
        pytest.param("Students occupied the council chamber to demand cheaper bus fares.", "Peaceful protest",
                     id="occupation"),
        pytest.param("Dock workers walked off the job over unpaid bonuses.", "Peaceful protest", id="walked-off-job"),
        pytest.param("Fighting broke out between rival union members at the mine hostel.", "Violent demonstration",
                     id="clash-between-members"),
        pytest.param("Rival party supporters clashed outside the counting station.", "Violent demonstration",
                     id="rival-supporters-clashed"),
        pytest.param("Violence, which erupted in the northern river port between supporters of the two candidates, "
                     "closed the market.", "Violent demonstration", id="clash-place-between"),
        pytest.param("The clashes took place in three districts between supporters of the two parties.",
                     "Violent demonstration", id="clash-took-place-between"),
        pytest.param('The premier spoke at an opposition "Forward Together" rally in the harbour town.',
                     "Peaceful protest", id="named-rally"),
        pytest.param("The families blocked the railway line, demanding that the border be reopened.",
                     "Peaceful protest", id="blockade-with-demand"),
        pytest.param("The opening of the clinic was disrupted by a far-right nationalist mob.", "Mob violence",
                     id="mob-with-two-modifiers"),
        pytest.param("Municipal workers embarked on rolling mass action over unpaid overtime.", "Peaceful protest",
                     id="mass-action"),
        pytest.param("Nurses returned to work after a five-week strike at the provincial hospital.", "Peaceful protest",
                     id="strike-counted-in-weeks"),
        pytest.param("Eleven men appeared in court on charges of public violence after the march.",
                     "Violent demonstration", id="public-violence-charge"),
        pytest.param("Two people died in faction fighting at the hostel on Sunday.", "Violent demonstration",
                     id="faction-fighting"),
        pytest.param("Shops owned by foreign nationals were looted in a wave of xenophobic attacks.", "Mob violence",
                     id="xenophobic-attacks"),
        pytest.param("Security guards refused to return to work over unpaid wages.", "Peaceful protest",
                     id="refused-to-return-to-work"),
        pytest.param("Residents took to the street and barricaded the road with rocks.", "Violent demonstration",
                     id="barricade-the-road"),
        pytest.param("Three people died in post-election violence in the northern city.", "Violent demonstration",
                     id="post-election-violence"),
        pytest.param("Five villagers died in an attack by suspected jihadists on Sunday.", "Attack",
                     id="attack-by-jihadists"),
        pytest.param("An overnight rebel attack damaged the pipeline.", "Attack", id="rebel-attack"),
        pytest.param("Workers at the bottling plant struck on Tuesday to demand a bonus.", "Peaceful protest",
                     id="workers-struck"),
        pytest.param("Outside the court, supporters of the accused chanted and sang.", "Peaceful protest",
                     id="crowd-chanting"),
    ],
)
def test_events_sub_type_of_contentious_repertoire(text: str, sub_type: str) -> None:
    assert _events(text)[0].sub_event_type == sub_type


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Lawyers for the company filed a petition in the appeals court.", id="court-petition"),
        pytest.param("Share prices extended their rally on the stock exchange.", id="market-rally"),
        pytest.param("Soldiers occupied the school building after the insurgents fled.", id="troops-occupy"),
        pytest.param("The utility ordered a complete shutdown of the smelter for repairs.", id="plant-shutdown"),
        pytest.param("Two mine workers were struck by falling rocks underground.", id="workers-struck-by-rocks"),
    ],
)
def test_events_contentious_repertoire_words_need_their_context(text: str) -> None:
    assert all(e.event_type != "Protests" for e in _events(text))


def test_events_purpose_named_rallies_in_the_plural_are_no_event() -> None:
    text = "The new law lets farm workers take time off to attend political rallies."
    assert all(e.event_type != "Protests" for e in _events(text))


def test_events_attack_named_in_a_condemnation_is_its_own_event() -> None:
    text = "The foreign minister strongly condemned the terrorist attack on the hotel in a statement to foreign ambassadors."
    events = _events(text, parsed=True)
    assert events[0].sub_event_type == "Diplomatic event"  # the codebook's event of the clause comes first
    assert "Attack" in [e.sub_event_type for e in events[1:]]


def test_events_deaths_in_a_condemned_attack_are_no_condemnation() -> None:
    text = "The regional bloc on Monday condemned an attack by militants on a village in which 12 farmers were killed."
    assert "Attack" in [e.sub_event_type for e in _events(text, parsed=True)]


def test_events_condemnation_without_violence_stays_one_event() -> None:
    text = "The foreign ministry condemned the decision to expel the ambassador."
    assert [e.sub_event_type for e in _events(text, parsed=True)] == ["Diplomatic event"]


def test_events_attack_named_by_its_kind() -> None:
    assert "Attack" in [e.sub_event_type for e in _events("A terrorist attack on a hotel left 20 guests dead.")]


def test_events_existential_cue_word_is_no_cue() -> None:
    # the parse reads "worrying" as a verb whose subject is "There"; nobody worries about the strike, it is going on
    text = '"There are still worrying numbers of drivers on strike," the transport minister said.'
    assert [e.sub_event_type for e in _events(text, parsed=True)] == ["Peaceful protest"]
