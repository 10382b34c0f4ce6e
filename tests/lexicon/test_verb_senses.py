"""Verb senses of the built-in lexicon (src/tidings/data/lexicon/verbs.tsv) on hand-built parses.

Each test builds the parse of a short news sentence by hand (no spaCy model) and checks the
CAMEO code, source and target the built-in rows give it.
"""

from __future__ import annotations

import pytest

from tidings.coder.match import sentence_candidates
from tidings.lexicon.loader import load_lexicon

from tests.coder.handparse import parse


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _only(doc, lex):
    (cand,) = [c for c in sentence_candidates(doc[:], lex) if c.method == "verb"]
    return cand


def test_ceasing_military_operations_is_de_escalation(lex):
    # "The army ceased its military operations"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("army", "NOUN", "nsubj", 2, "army"),
        ("ceased", "VERB", "ROOT", 2, "cease"),
        ("its", "PRON", "poss", 5, "its"),
        ("military", "ADJ", "amod", 5, "military"),
        ("operations", "NOUN", "dobj", 2, "operation"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "087"
    assert [t.text for g in cand.sources[:1] for t in g] == ["army"]


def test_facing_criticism_from_someone_turns_the_roles_round(lex):
    # "Iran faced criticism from the UN": the UN criticizes Iran
    doc = parse([
        ("Iran", "PROPN", "nsubj", 1, "Iran"),
        ("faced", "VERB", "ROOT", 1, "face"),
        ("criticism", "NOUN", "dobj", 1, "criticism"),
        ("from", "ADP", "prep", 2, "from"),
        ("the", "DET", "det", 5, "the"),
        ("UN", "PROPN", "pobj", 3, "UN"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "111"
    assert [t.text for t in cand.sources[0]] == ["UN"]
    assert [t.text for t in cand.targets] == ["Iran"]


def test_facing_criticism_without_its_author_codes_nothing(lex):
    # "Iran faced criticism": who criticized is not said
    doc = parse([
        ("Iran", "PROPN", "nsubj", 1, "Iran"),
        ("faced", "VERB", "ROOT", 1, "face"),
        ("criticism", "NOUN", "dobj", 1, "criticism"),
    ])
    assert [c for c in sentence_candidates(doc[:], lex) if c.method == "verb"] == []


def test_accepting_a_compromise_formula_is_agreement(lex):
    # "The strikers accepted a formula"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("strikers", "NOUN", "nsubj", 2, "striker"),
        ("accepted", "VERB", "ROOT", 2, "accept"),
        ("a", "DET", "det", 4, "a"),
        ("formula", "NOUN", "dobj", 2, "formula"),
    ])
    assert _only(doc, lex).code == "030"


def test_beefing_up_troop_presence_is_a_military_build_up(lex):
    # "The army beefed up its troop presence along the border"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("army", "NOUN", "nsubj", 2, "army"),
        ("beefed", "VERB", "ROOT", 2, "beef"),
        ("up", "ADP", "prt", 2, "up"),
        ("its", "PRON", "poss", 6, "its"),
        ("troop", "NOUN", "compound", 6, "troop"),
        ("presence", "NOUN", "dobj", 2, "presence"),
    ])
    assert _only(doc, lex).code == "154"


def test_strengthening_ties_stays_cooperation(lex):
    # "Japan strengthened ties with India": not a military build-up
    doc = parse([
        ("Japan", "PROPN", "nsubj", 1, "Japan"),
        ("strengthened", "VERB", "ROOT", 1, "strengthen"),
        ("ties", "NOUN", "dobj", 1, "tie"),
        ("with", "ADP", "prep", 1, "with"),
        ("India", "PROPN", "pobj", 3, "India"),
    ])
    assert _only(doc, lex).code == "050"


def test_stopping_work_is_a_strike(lex):
    # "Miners stopped work"
    doc = parse([
        ("Miners", "NOUN", "nsubj", 1, "miner"),
        ("stopped", "VERB", "ROOT", 1, "stop"),
        ("work", "NOUN", "dobj", 1, "work"),
    ])
    assert _only(doc, lex).code == "143"


def test_violating_a_ban_defies_a_norm_but_a_ceasefire_agreement_is_force(lex):
    # "Pyongyang violated a ban"; "The rebels violated the ceasefire agreement"
    ban = parse([
        ("Pyongyang", "PROPN", "nsubj", 1, "Pyongyang"),
        ("violated", "VERB", "ROOT", 1, "violate"),
        ("a", "DET", "det", 3, "a"),
        ("ban", "NOUN", "dobj", 1, "ban"),
    ])
    assert _only(ban, lex).code == "128"
    truce = parse([
        ("Rebels", "NOUN", "nsubj", 1, "rebel"),
        ("violated", "VERB", "ROOT", 1, "violate"),
        ("the", "DET", "det", 4, "the"),
        ("ceasefire", "NOUN", "compound", 4, "ceasefire"),
        ("agreement", "NOUN", "dobj", 1, "agreement"),
    ])
    assert _only(truce, lex).code == "196"


def test_calling_someone_an_insult_is_criticism_of_them(lex):
    # "Trump called the ambassador a liar" (the insult is the object predicate, oprd)
    doc = parse([
        ("Trump", "PROPN", "nsubj", 1, "Trump"),
        ("called", "VERB", "ROOT", 1, "call"),
        ("the", "DET", "det", 3, "the"),
        ("ambassador", "NOUN", "dobj", 1, "ambassador"),
        ("a", "DET", "det", 5, "a"),
        ("liar", "NOUN", "oprd", 1, "liar"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "111"
    assert [t.text for t in cand.targets] == ["ambassador"]


def test_calling_someone_without_a_predicate_stays_a_phone_call(lex):
    # "Trump called the ambassador"
    doc = parse([
        ("Trump", "PROPN", "nsubj", 1, "Trump"),
        ("called", "VERB", "ROOT", 1, "call"),
        ("the", "DET", "det", 3, "the"),
        ("ambassador", "NOUN", "dobj", 1, "ambassador"),
    ])
    assert _only(doc, lex).code == "041"


def test_a_launched_scathing_attack_is_verbal(lex):
    # "Adityanath launched a scathing attack on the government": the noun's two-word row
    # decides, the light verb "launch" only gives it its source
    doc = parse([
        ("Adityanath", "PROPN", "nsubj", 1, "Adityanath"),
        ("launched", "VERB", "ROOT", 1, "launch"),
        ("a", "DET", "det", 4, "a"),
        ("scathing", "ADJ", "amod", 4, "scathing"),
        ("attack", "NOUN", "dobj", 1, "attack"),
        ("on", "ADP", "prep", 4, "on"),
        ("the", "DET", "det", 7, "the"),
        ("government", "NOUN", "pobj", 5, "government"),
    ])
    (cand,) = sentence_candidates(doc[:], lex)
    assert (cand.code, cand.trigger.text) == ("111", "attack")
    assert [t.text for g in cand.sources[:1] for t in g] == ["Adityanath"]
    assert [t.text for t in cand.targets] == ["government"]
    fresh = parse([
        ("Russia", "PROPN", "nsubj", 1, "Russia"),
        ("launched", "VERB", "ROOT", 1, "launch"),
        ("a", "DET", "det", 4, "a"),
        ("fresh", "ADJ", "amod", 4, "fresh"),
        ("attack", "NOUN", "dobj", 1, "attack"),
        ("on", "ADP", "prep", 4, "on"),
        ("Kyiv", "PROPN", "pobj", 5, "Kyiv"),
    ])
    (cand2,) = sentence_candidates(fresh[:], lex)
    assert cand2.code == "190"


def test_goods_measured_by_their_worth_are_aid(lex):
    # "The US handed over $4 million worth of medicines to Ethiopia"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("US", "PROPN", "nsubj", 2, "US"),
        ("handed", "VERB", "ROOT", 2, "hand"),
        ("over", "ADP", "prt", 2, "over"),
        ("$", "SYM", "quantmod", 6, "$"),
        ("4", "NUM", "compound", 6, "4"),
        ("million", "NUM", "nummod", 7, "million"),
        ("worth", "NOUN", "dobj", 2, "worth"),
        ("of", "ADP", "prep", 7, "of"),
        ("medicines", "NOUN", "pobj", 8, "medicine"),
        ("to", "ADP", "prep", 2, "to"),
        ("Ethiopia", "PROPN", "pobj", 10, "Ethiopia"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "073"
    assert [t.text for t in cand.targets] == ["Ethiopia"]


def test_seeking_refuge_in_a_country_asks_that_country(lex):
    # "Syrians sought refuge in Germany"
    doc = parse([
        ("Syrians", "PROPN", "nsubj", 1, "Syrians"),
        ("sought", "VERB", "ROOT", 1, "seek"),
        ("refuge", "NOUN", "dobj", 1, "refuge"),
        ("in", "ADP", "prep", 1, "in"),
        ("Germany", "PROPN", "pobj", 3, "Germany"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "0233"
    assert [t.text for t in cand.targets] == ["Germany"]


def test_allowing_an_agency_to_deliver_is_humanitarian_access(lex):
    # "Ethiopia allowed the WFP to deliver food"
    doc = parse([
        ("Ethiopia", "PROPN", "nsubj", 1, "Ethiopia"),
        ("allowed", "VERB", "ROOT", 1, "allow"),
        ("the", "DET", "det", 3, "the"),
        ("WFP", "PROPN", "dobj", 1, "WFP"),
        ("to", "PART", "aux", 5, "to"),
        ("deliver", "VERB", "xcomp", 1, "deliver"),
        ("food", "NOUN", "dobj", 5, "food"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "0863"
    assert [t.text for t in cand.targets] == ["WFP"]


def test_a_corridor_is_humanitarian_access_only_when_it_says_so(lex):
    # "troops along the Lachin corridor" names a place; "a humanitarian corridor for civilians" is access
    place = parse([
        ("troops", "NOUN", "ROOT", 0, "troop"),
        ("along", "ADP", "prep", 0, "along"),
        ("the", "DET", "det", 4, "the"),
        ("Lachin", "PROPN", "compound", 4, "Lachin"),
        ("corridor", "NOUN", "pobj", 1, "corridor"),
    ])
    assert sentence_candidates(place[:], lex) == []
    access = parse([
        ("a", "DET", "det", 2, "a"),
        ("humanitarian", "ADJ", "amod", 2, "humanitarian"),
        ("corridor", "NOUN", "ROOT", 2, "corridor"),
        ("for", "ADP", "prep", 2, "for"),
        ("civilians", "NOUN", "pobj", 3, "civilian"),
    ])
    assert [c.code for c in sentence_candidates(access[:], lex)] == ["0863"]


def test_handing_over_arms_is_demobilization_towards_the_receiver(lex):
    # "The rebels handed over their arms to the UN"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("rebels", "NOUN", "nsubj", 2, "rebel"),
        ("handed", "VERB", "ROOT", 2, "hand"),
        ("over", "ADP", "prt", 2, "over"),
        ("their", "PRON", "poss", 5, "their"),
        ("arms", "NOUN", "dobj", 2, "arm"),
        ("to", "ADP", "prep", 2, "to"),
        ("the", "DET", "det", 8, "the"),
        ("UN", "PROPN", "pobj", 6, "UN"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "0873"
    assert [t.text for t in cand.targets] == ["UN"]


def test_placing_forces_on_alert_raises_readiness(lex):
    # "China put its forces on alert"
    doc = parse([
        ("China", "PROPN", "nsubj", 1, "China"),
        ("put", "VERB", "ROOT", 1, "put"),
        ("its", "PRON", "poss", 3, "its"),
        ("forces", "NOUN", "dobj", 1, "force"),
        ("on", "ADP", "prep", 1, "on"),
        ("alert", "NOUN", "pobj", 4, "alert"),
    ])
    assert _only(doc, lex).code == "152"


def test_placing_someone_under_arrest_is_arrest(lex):
    # "The army placed the president under arrest"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("army", "NOUN", "nsubj", 2, "army"),
        ("placed", "VERB", "ROOT", 2, "place"),
        ("the", "DET", "det", 4, "the"),
        ("president", "NOUN", "dobj", 2, "president"),
        ("under", "ADP", "prep", 2, "under"),
        ("arrest", "NOUN", "pobj", 5, "arrest"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "173"
    assert [t.text for t in cand.targets] == ["president"]


def test_moving_a_carrier_is_a_deployment(lex):
    # "The Pentagon moved a carrier to the Gulf"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("Pentagon", "PROPN", "nsubj", 2, "Pentagon"),
        ("moved", "VERB", "ROOT", 2, "move"),
        ("a", "DET", "det", 4, "a"),
        ("carrier", "NOUN", "dobj", 2, "carrier"),
        ("to", "ADP", "prep", 2, "to"),
        ("the", "DET", "det", 7, "the"),
        ("Gulf", "PROPN", "pobj", 5, "Gulf"),
    ])
    assert _only(doc, lex).code == "154"


def test_taking_someone_into_custody_is_arrest(lex):
    # "Police took the suspects into custody"
    doc = parse([
        ("Police", "NOUN", "nsubj", 1, "police"),
        ("took", "VERB", "ROOT", 1, "take"),
        ("the", "DET", "det", 3, "the"),
        ("suspects", "NOUN", "dobj", 1, "suspect"),
        ("into", "ADP", "prep", 1, "into"),
        ("custody", "NOUN", "pobj", 4, "custody"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "173"
    assert [t.text for t in cand.targets] == ["suspects"]


def test_dispatching_warships_is_a_deployment_and_pulling_out_diplomats_reduces_relations(lex):
    # "The navy dispatched two destroyers"; "Washington pulled its diplomats out of Havana"
    ships = parse([
        ("The", "DET", "det", 1, "the"),
        ("navy", "NOUN", "nsubj", 2, "navy"),
        ("dispatched", "VERB", "ROOT", 2, "dispatch"),
        ("two", "NUM", "nummod", 4, "two"),
        ("destroyers", "NOUN", "dobj", 2, "destroyer"),
    ])
    assert _only(ships, lex).code == "154"
    envoys = parse([
        ("Washington", "PROPN", "nsubj", 1, "Washington"),
        ("pulled", "VERB", "ROOT", 1, "pull"),
        ("its", "PRON", "poss", 3, "its"),
        ("diplomats", "NOUN", "dobj", 1, "diplomat"),
        ("out", "ADP", "prt", 1, "out"),
        ("of", "ADP", "prep", 1, "of"),
        ("Havana", "PROPN", "pobj", 5, "Havana"),
    ])
    cand = _only(envoys, lex)
    assert cand.code == "161"
    assert [t.text for t in cand.targets] == ["Havana"]


def test_setting_up_checkpoints_tightens_security(lex):
    # "The army set up checkpoints"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("army", "NOUN", "nsubj", 2, "army"),
        ("set", "VERB", "ROOT", 2, "set"),
        ("up", "ADP", "prt", 2, "up"),
        ("checkpoints", "NOUN", "dobj", 2, "checkpoint"),
    ])
    assert _only(doc, lex).code == "151"


def test_taking_to_the_streets_is_a_protest(lex):
    # "Hundreds took to the streets"
    doc = parse([
        ("Hundreds", "NOUN", "nsubj", 1, "hundred"),
        ("took", "VERB", "ROOT", 1, "take"),
        ("to", "ADP", "prep", 1, "to"),
        ("the", "DET", "det", 4, "the"),
        ("streets", "NOUN", "pobj", 2, "street"),
    ])
    assert _only(doc, lex).code == "141"


def test_receiving_defence_systems_from_a_country_is_its_military_aid(lex):
    # "Ukraine received air defence systems from Germany": Germany gives, Ukraine receives
    doc = parse([
        ("Ukraine", "PROPN", "nsubj", 1, "Ukraine"),
        ("received", "VERB", "ROOT", 1, "receive"),
        ("air", "NOUN", "compound", 4, "air"),
        ("defence", "NOUN", "compound", 4, "defence"),
        ("systems", "NOUN", "dobj", 1, "system"),
        ("from", "ADP", "prep", 1, "from"),
        ("Germany", "PROPN", "pobj", 5, "Germany"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "072"
    assert [t.text for t in cand.sources[0]] == ["Germany"]
    assert [t.text for t in cand.targets] == ["Ukraine"]


def test_setting_fire_to_a_building_destroys_property(lex):
    # "Militants set fire to a school"
    doc = parse([
        ("Militants", "NOUN", "nsubj", 1, "militant"),
        ("set", "VERB", "ROOT", 1, "set"),
        ("fire", "NOUN", "dobj", 1, "fire"),
        ("to", "ADP", "prep", 1, "to"),
        ("a", "DET", "det", 5, "a"),
        ("school", "NOUN", "pobj", 3, "school"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "1712"
    assert [t.text for t in cand.targets] == ["school"]


def test_distributing_food_to_families_is_humanitarian_aid(lex):
    # "The WFP distributed food to families"
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("WFP", "PROPN", "nsubj", 2, "WFP"),
        ("distributed", "VERB", "ROOT", 2, "distribute"),
        ("food", "NOUN", "dobj", 2, "food"),
        ("to", "ADP", "prep", 2, "to"),
        ("families", "NOUN", "pobj", 4, "family"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "073"
    assert [t.text for t in cand.targets] == ["families"]


def test_an_unveiled_or_approved_package_is_the_aid_it_names(lex):
    # "The EU unveiled an aid package for Ukraine"; "Washington approved an arms package for Taiwan"
    def package(subject, verb, lemma, kind, country):
        doc = parse([
            (subject, "PROPN", "nsubj", 1, subject),
            (verb, "VERB", "ROOT", 1, lemma),
            ("an", "DET", "det", 4, "an"),
            (kind, "NOUN", "compound", 4, kind.rstrip("s") if kind == "arms" else kind),
            ("package", "NOUN", "dobj", 1, "package"),
            ("for", "ADP", "prep", 4, "for"),
            (country, "PROPN", "pobj", 5, country),
        ])
        (cand,) = [c for c in sentence_candidates(doc[:], lex) if c.trigger.text == "package"]
        return cand.code, [t.text for g in cand.sources[:1] for t in g], [t.text for t in cand.targets]

    assert package("EU", "unveiled", "unveil", "aid", "Ukraine") == ("070", ["EU"], ["Ukraine"])
    assert package("Washington", "approved", "approve", "arms", "Taiwan") == ("072", ["Washington"], ["Taiwan"])


def test_providing_someone_with_goods_makes_them_the_receiver(lex):
    # "The US provided Ukraine with missiles": the goods are in the "with" phrase
    doc = parse([
        ("The", "DET", "det", 1, "the"),
        ("US", "PROPN", "nsubj", 2, "US"),
        ("provided", "VERB", "ROOT", 2, "provide"),
        ("Ukraine", "PROPN", "dobj", 2, "Ukraine"),
        ("with", "ADP", "prep", 2, "with"),
        ("missiles", "NOUN", "pobj", 4, "missile"),
    ])
    cand = _only(doc, lex)
    assert cand.code == "072"
    assert [t.text for t in cand.targets] == ["Ukraine"]


def test_ignoring_demands_rejects_them(lex):
    # "North Korea ignored the demands"
    doc = parse([
        ("North", "PROPN", "compound", 1, "North"),
        ("Korea", "PROPN", "nsubj", 2, "Korea"),
        ("ignored", "VERB", "ROOT", 2, "ignore"),
        ("the", "DET", "det", 4, "the"),
        ("demands", "NOUN", "dobj", 2, "demand"),
    ])
    assert _only(doc, lex).code == "120"
