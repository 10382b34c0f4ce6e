"""Actor resolution over hand-built parses and a hand-built lexicon."""

from tidings.coder.actors import ActorIndex, ActorResolver
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
