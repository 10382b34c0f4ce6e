"""Coding with TABARI/PETRARCH-style patterns and actors, on hand-built parses."""

from tidings.coder.actors import ActorIndex, ActorResolver
from tidings.coder.coder import Coder, _inner_actors, _same
from tidings.coder.match import verb_candidates
from tidings.lexicon.model import ActorEntry, AgentEntry, Lexicon, VerbPattern
from tidings.lexicon.tabari_text import DEFAULT_TARGET
from tidings.types import Actor

from .handparse import parse


def lexicon() -> Lexicon:
    lex = Lexicon()
    for name, code in (("gondor", "GON"), ("ithilen", "ITH"), ("arnor", "ARN")):
        lex.actors[name] = ActorEntry(name.title(), (), (), code, "country", code)
    lex.agents["president"] = AgentEntry("president", "GOV")
    return lex


def test_one_country_two_actors_are_not_the_same_actor():
    # "Russian police arrested Russian students"
    police = Actor(text="Russian police", name="Russia", code="RUSCOP", country="RUS", sector="COP", start=0, end=14)
    students = Actor(text="Russian students", name="Russia", code="RUSEDU", country="RUS", sector="EDU", start=24, end=40)
    assert not _same(police, students)
    assert _same(police, Actor(text="they", name="Russia", code="RUSCOP", country="RUS", start=50, end=54))


def test_coded_only_codes_dyads_only():
    # ICEWS/PETRARCH style: a statement without a coded target is no event
    assert not Coder(lexicon=Lexicon(), nlp=object(), coded_only=True)._targetless_ok("01", None)
    assert Coder(lexicon=Lexicon(), nlp=object())._targetless_ok("01", None)


def test_phrases_after_a_direct_object_are_fallback_targets_and_compound_patterns_are_joint():
    # "Arnor and Gondor will contribute galleons to Ithilen"
    doc = parse([
        ("Arnor", "PROPN", "nsubj", 3, "Arnor"),
        ("and", "CCONJ", "cc", 0, "and"),
        ("Gondor", "PROPN", "conj", 0, "Gondor"),
        ("contribute", "VERB", "ROOT", 3, "contribute"),
        ("galleons", "NOUN", "dobj", 3, "galleon"),
        ("to", "ADP", "prep", 3, "to"),
        ("Ithilen", "PROPN", "pobj", 5, "Ithilen"),
    ])
    lex = Lexicon()
    lex.verbs["contribute"] = [VerbPattern(code="070", verb="contribute", target=DEFAULT_TARGET)]
    (cand,) = verb_candidates(doc[3], lex)
    assert [t.text for t in cand.targets] == ["galleons"]
    assert [[t.text for t in g] for g in cand.alt_targets] == [["Ithilen"]]
    assert not cand.joint
    # "% *": a pattern for a compound actor, whose members act on each other without a target
    lex.verbs["contribute"] = [VerbPattern(code="070", verb="contribute", target=DEFAULT_TARGET, requires=("<and",))]
    (cand,) = verb_candidates(doc[3], lex)
    assert cand.joint


def test_name_modifying_a_target_noun_is_the_target():
    # "promised aid to the affected Ithilen villages"
    doc = parse([
        ("the", "DET", "det", 3, "the"),
        ("affected", "ADJ", "amod", 3, "affected"),
        ("Ithilen", "PROPN", "compound", 3, "Ithilen"),
        ("villages", "NOUN", "ROOT", 3, "village"),
    ])
    r = ActorResolver(ActorIndex(lexicon()), doc, default_date=None)
    assert r.resolve(doc[3]) is None  # "the Russia desk" is no actor by itself
    assert [a.code for a in _inner_actors(r, doc[3], None, "050")] == ["ITH"]


def test_country_before_a_title_inside_a_person_name_is_the_country():
    # "Arnor President Umbardacil", the NER tagging all three words as one person
    doc = parse([
        ("Arnor", "PROPN", "compound", 2, "Arnor"),
        ("President", "PROPN", "compound", 2, "President"),
        ("Umbardacil", "PROPN", "ROOT", 2, "Umbardacil"),
    ], ents=[(0, 3, "PERSON")])
    r = ActorResolver(ActorIndex(lexicon()), doc, default_date=None)
    assert r.resolve(doc[2]).code == "ARNGOV"


def test_country_right_after_a_groups_phrase_belongs_to_that_phrase():
    # "Lawmakers in Gondor and Arnor welcomed", Arnor parsed as a second subject
    from tidings.coder.compound import resolve_all, share_countries

    lex = lexicon()
    lex.agents["lawmakers"] = AgentEntry("lawmakers", "LEG")
    doc = parse([
        ("Lawmakers", "NOUN", "nsubj", 5, "lawmaker"),
        ("in", "ADP", "prep", 0, "in"),
        ("Gondor", "PROPN", "pobj", 1, "Gondor"),
        ("and", "CCONJ", "cc", 0, "and"),
        ("Arnor", "PROPN", "conj", 0, "Arnor"),
        ("welcomed", "VERB", "ROOT", 5, "welcome"),
    ])
    r = ActorResolver(ActorIndex(lex), doc, default_date=None)
    heads = [doc[0], doc[4]]
    actors = [a for h in heads for a in resolve_all(r, h, on=None, code=None)]
    assert [a.code for a in share_countries(actors, heads)] == ["GONLEG", "ARNLEG"]


def test_object_of_a_purpose_clause_is_a_fallback_target():
    # "Arnor signed an accord to supply Gondor with wheat"
    doc = parse([
        ("Arnor", "PROPN", "nsubj", 1, "Arnor"),
        ("signed", "VERB", "ROOT", 1, "sign"),
        ("accord", "NOUN", "dobj", 1, "accord"),
        ("to", "PART", "aux", 4, "to"),
        ("supply", "VERB", "acl", 2, "supply"),
        ("Gondor", "PROPN", "dobj", 4, "Gondor"),
    ])
    lex = Lexicon()
    lex.verbs["sign"] = [VerbPattern(code="081", verb="sign", objects=frozenset({"accord"}), target=DEFAULT_TARGET[1:])]
    (cand,) = verb_candidates(doc[1], lex)
    assert [[t.text for t in g] for g in cand.alt_targets] == [["Gondor"]]


def test_of_two_pattern_objects_the_first_in_the_sentence_is_taken():
    # "signed agreements and memorandums": the choice must not depend on set order (hash seed)
    doc = parse([
        ("Arnor", "PROPN", "nsubj", 1, "Arnor"),
        ("signed", "VERB", "ROOT", 1, "sign"),
        ("agreements", "NOUN", "dobj", 1, "agreement"),
        ("and", "CCONJ", "cc", 2, "and"),
        ("memorandums", "NOUN", "conj", 2, "memorandum"),
    ])
    lex = Lexicon()
    lex.verbs["sign"] = [VerbPattern(code="057", verb="sign", objects=frozenset({"memorandum", "agreement"}))]
    (cand,) = verb_candidates(doc[1], lex)
    assert cand.consumed_object.text == "agreements"


def test_group_in_an_organisation_takes_its_country():
    # "officials in the White House" [USAGOV]
    lex = lexicon()
    lex.actors["white house"] = ActorEntry("White House", (), (), "USAGOV", "organization", "USA")
    lex.agents["officials"] = AgentEntry("officials", "GOV")
    doc = parse([
        ("officials", "NOUN", "ROOT", 0, "official"),
        ("in", "ADP", "prep", 0, "in"),
        ("White", "PROPN", "compound", 3, "White"),
        ("House", "PROPN", "pobj", 1, "House"),
    ])
    r = ActorResolver(ActorIndex(lex), doc, default_date=None)
    assert r.resolve(doc[0]).code == "USAGOV"
