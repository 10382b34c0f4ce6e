"""Actor resolution over hand-built parses and a hand-built lexicon."""

from tidings.coder.actors import ActorIndex, ActorResolver
from tidings.coder.compound import resolve_all, share_countries
from tidings.lexicon.model import ActorEntry, AgentEntry, Lexicon

from .handparse import parse


def lexicon() -> Lexicon:
    lex = Lexicon()
    for name, code in (("bree", "BRE"), ("gondor", "GON"), ("fornost", "FOR"), ("osgiliath", "OSG")):
        lex.actors[name] = ActorEntry(name.title(), (), (), code, "country", code)
    lex.agents["government"] = AgentEntry("government", "GOV")
    lex.agents["lawmakers"] = AgentEntry("lawmakers", "LEG")
    return lex


def resolver(doc, lex=None) -> ActorResolver:
    return ActorResolver(ActorIndex(lex or lexicon()), doc, default_date=None)


def test_country_the_tagger_takes_for_a_person_is_the_country():
    # "Calenardhon urged Bree": the NER model tags the fictional country as a person
    doc = parse([
        ("Calenardhon", "PROPN", "nsubj", 1, "Calenardhon"),
        ("urged", "VERB", "ROOT", 1, "urge"),
        ("Bree", "PROPN", "dobj", 1, "Bree"),
    ], ents=[(2, 3, "PERSON")])
    actor = resolver(doc).resolve(doc[2])
    assert actor is not None and actor.code == "BRE"


def test_coordination_folded_into_one_noun_phrase_gives_each_member():
    # "Fornost and the evil Gondor welcomed": the parser makes Fornost a modifier of Gondor
    doc = parse([
        ("Fornost", "PROPN", "nmod", 4, "Fornost"),
        ("and", "CCONJ", "cc", 0, "and"),
        ("the", "DET", "det", 3, "the"),
        ("evil", "NOUN", "conj", 0, "evil"),
        ("Gondor", "PROPN", "nsubj", 5, "Gondor"),
        ("welcomed", "VERB", "ROOT", 5, "welcome"),
    ])
    assert [a.code for a in resolve_all(resolver(doc), doc[4], on=None, code=None)] == ["FOR", "GON"]


def test_names_without_a_coordinator_are_one_actor():
    # "the Gondor Fornost commission" is not two actors
    doc = parse([
        ("the", "DET", "det", 3, "the"),
        ("Gondor", "PROPN", "compound", 3, "Gondor"),
        ("Fornost", "PROPN", "compound", 3, "Fornost"),
        ("government", "NOUN", "ROOT", 3, "government"),
    ])
    assert len(resolve_all(resolver(doc), doc[3], on=None, code=None)) == 1


def test_group_in_coordinated_countries_is_one_group_per_country():
    # "lawmakers in Fornost and Gondor"
    doc = parse([
        ("Lawmakers", "NOUN", "ROOT", 0, "lawmaker"),
        ("in", "ADP", "prep", 0, "in"),
        ("Fornost", "PROPN", "pobj", 1, "Fornost"),
        ("and", "CCONJ", "cc", 2, "and"),
        ("Gondor", "PROPN", "conj", 2, "Gondor"),
    ])
    assert [a.code for a in resolve_all(resolver(doc), doc[0], on=None, code=None)] == ["FORLEG", "GONLEG"]


def test_bare_member_shares_the_country_named_before_the_first():
    # "Gondor lawmakers and government": the government is Gondor's; "and the rebels" would not be
    doc = parse([
        ("Gondor", "PROPN", "compound", 1, "Gondor"),
        ("lawmakers", "NOUN", "ROOT", 1, "lawmaker"),
        ("and", "CCONJ", "cc", 1, "and"),
        ("government", "NOUN", "conj", 1, "government"),
    ])
    r = resolver(doc)
    heads = [doc[1], doc[3]]
    actors = [a for h in heads for a in resolve_all(r, h, on=None, code=None)]
    assert [a.code for a in actors] == ["GONLEG", "---GOV"]
    assert [a.code for a in share_countries(actors, heads)] == ["GONLEG", "GONGOV"]


def test_coordinated_names_in_one_entity_are_each_found():
    # "ties between Gondor and Osgiliath", the NER tagging the three words as one work of art
    doc = parse([
        ("between", "ADP", "ROOT", 0, "between"),
        ("Gondor", "PROPN", "pobj", 0, "Gondor"),
        ("and", "CCONJ", "cc", 1, "and"),
        ("Osgiliath", "PROPN", "conj", 1, "Osgiliath"),
    ], ents=[(1, 4, "WORK_OF_ART")])
    r = resolver(doc)
    assert [r.resolve(doc[i]).code for i in (1, 3)] == ["GON", "OSG"]


def test_longest_agent_phrase_wins_over_the_words_inside_it():
    lex = lexicon()
    lex.agents["main opposition group"] = AgentEntry("main opposition group", "MOP")
    lex.agents["opposition group"] = AgentEntry("opposition group", "OPP")
    doc = parse([
        ("Gondor", "PROPN", "poss", 3, "Gondor"),
        ("main", "ADJ", "amod", 3, "main"),
        ("opposition", "NOUN", "compound", 3, "opposition"),
        ("group", "NOUN", "ROOT", 3, "group"),
    ])
    assert resolver(doc, lex).resolve(doc[3]).code == "GONMOP"


def test_prefix_agent_combines_with_a_sector_and_is_not_a_longer_name():
    # "an MSF Gondor diplomat", the NER taking "MSF Gondor" for an organisation
    lex = lexicon()
    lex.agents["msf"] = AgentEntry("msf", "NGO~")
    lex.agents["diplomat"] = AgentEntry("diplomat", "GOV")
    doc = parse([
        ("an", "DET", "det", 3, "an"),
        ("MSF", "PROPN", "compound", 3, "MSF"),
        ("Gondor", "PROPN", "compound", 3, "Gondor"),
        ("diplomat", "NOUN", "ROOT", 3, "diplomat"),
    ], ents=[(1, 3, "ORG")])
    assert resolver(doc, lex).resolve(doc[3]).code == "NGOGONGOV"


def test_critics_or_donors_of_a_country_are_not_that_country():
    # "Gondor's donors said", "Bree critics said"; but "Gondor's government said" is Gondor's
    def head_actor(rows):
        doc = parse(rows)
        return resolver(doc).resolve(doc[[r[2] for r in rows].index("nsubj")])

    assert head_actor([
        ("Gondor", "PROPN", "poss", 2, "Gondor"),
        ("'s", "PART", "case", 0, "'s"),
        ("donors", "NOUN", "nsubj", 3, "donor"),
        ("said", "VERB", "ROOT", 3, "say"),
    ]) is None
    assert head_actor([
        ("Bree", "PROPN", "compound", 1, "Bree"),
        ("critics", "NOUN", "nsubj", 2, "critic"),
        ("said", "VERB", "ROOT", 2, "say"),
    ]) is None
    gov = head_actor([
        ("Gondor", "PROPN", "poss", 2, "Gondor"),
        ("'s", "PART", "case", 0, "'s"),
        ("government", "NOUN", "nsubj", 3, "government"),
        ("said", "VERB", "ROOT", 3, "say"),
    ])
    assert gov is not None and gov.code == "GONGOV"


def test_a_capital_doing_something_is_its_government_but_a_place_things_happen_to_is_not():
    # "Minas violated the ban" (Minas the capital of Gondor); "Minas saw protests"
    lex = lexicon()
    lex.actors["minas"] = ActorEntry("Minas", (), (), "GONGOV", "capital", "GON")

    def subject(verb, lemma):
        doc = parse([
            ("Minas", "PROPN", "nsubj", 1, "Minas"),
            (verb, "VERB", "ROOT", 1, lemma),
            ("the", "DET", "det", 3, "the"),
            ("ban", "NOUN", "dobj", 1, "ban"),
        ], ents=[(0, 1, "GPE")])
        return resolver(doc, lex).resolve(doc[0])

    acted = subject("violated", "violate")
    assert acted is not None and acted.code == "GONGOV"
    assert subject("saw", "see") is None


def test_a_bare_number_of_people_acting_is_an_uncoded_crowd():
    # "Thousands demonstrated"; "Thousands of fans cheered" leaves it to the "of" phrase
    bare = parse([
        ("Thousands", "NOUN", "nsubj", 1, "thousand"),
        ("demonstrated", "VERB", "ROOT", 1, "demonstrate"),
    ], ents=[(0, 1, "CARDINAL")])
    crowd = resolver(bare).uncoded(bare[0], role="source")
    assert crowd is not None and crowd.code is None and crowd.text == "Thousands"
    assert resolver(bare).uncoded(bare[0], role="target") is None
    fans = parse([
        ("Thousands", "NOUN", "nsubj", 3, "thousand"),
        ("of", "ADP", "prep", 0, "of"),
        ("fans", "NOUN", "pobj", 1, "fan"),
        ("cheered", "VERB", "ROOT", 3, "cheer"),
    ], ents=[(0, 1, "CARDINAL")])
    assert resolver(fans).uncoded(fans[0], role="source") is None


def test_a_capital_owning_an_act_is_its_government_but_not_its_streets():
    # "Minas's crackdown"; "Minas's streets"
    lex = lexicon()
    lex.actors["minas"] = ActorEntry("Minas", (), (), "GONGOV", "capital", "GON")

    def owner(noun, lemma):
        doc = parse([
            ("Minas", "PROPN", "poss", 2, "Minas"),
            ("'s", "PART", "case", 0, "'s"),
            (noun, "NOUN", "ROOT", 2, lemma),
        ], ents=[(0, 1, "GPE")])
        return resolver(doc, lex).resolve(doc[0])

    acted = owner("crackdown", "crackdown")
    assert acted is not None and acted.code == "GONGOV"
    assert owner("streets", "street") is None
