"""Agent words combined the TABARI/PETRARCH way (``Lexicon.agent_rule == "tabari"``), on hand-built parses."""

from tidings.coder.actors import ActorIndex, ActorResolver
from tidings.lexicon.codes import combine_agents
from tidings.lexicon.model import ActorEntry, AgentEntry, Lexicon

from .handparse import parse


def lexicon(rule: str) -> Lexicon:
    lex = Lexicon(agent_rule=rule)
    lex.actors["gondor"] = ActorEntry("Gondor", (), (), "GON", "country", "GON")
    lex.actors["west german"] = ActorEntry("West German", (), (), "GMWGOV", "organization", "GMW")
    lex.actors["amnesty international"] = ActorEntry("Amnesty International", (), (), "NGM", "organization", None)
    lex.actors["white house"] = ActorEntry("White House", (), (), "USAGOV", "organization", "USA")
    for word, sector in (
        ("world government", "WGO"), ("government", "GOV"), ("human rights activists", "OPP"),
        ("rights activists", "HRI"), ("prosecutors", "JUD"), ("security officials", "GOV"), ("msf", "NGO~"),
        ("diplomat", "GOV"),
    ):
        lex.agents[word] = AgentEntry(word, sector)
    return lex


def resolver(doc, rule: str) -> ActorResolver:
    return ActorResolver(ActorIndex(lexicon(rule)), doc, default_date=None)


def test_combine_agents_appends_each_code_once_in_three_letter_blocks():
    assert combine_agents("GMWGOV", ["WGO"]) == "GMWGOVWGO"
    assert combine_agents("USAGOV", ["GOV"]) == "USAGOV"  # already there
    assert combine_agents("HGWGOVMED", ["GOVMED"]) == "HGWGOVMED"
    assert combine_agents("ARN", ["NGO~", "GOV"]) == "NGOARNGOV"
    assert combine_agents("", ["OPP"]) == "---OPP"
    assert combine_agents("AGOVX", ["GOV"]) == "AGOVXGOV"  # not at a block boundary: not the same code


# "West German world government activists"
WEST_GERMAN = parse([
    ("West", "PROPN", "compound", 1, "West"),
    ("German", "PROPN", "compound", 4, "German"),
    ("world", "NOUN", "compound", 3, "world"),
    ("government", "NOUN", "compound", 4, "government"),
    ("activists", "NOUN", "ROOT", 4, "activist"),
])


def test_every_agent_joins_the_actors_whole_code():
    assert resolver(WEST_GERMAN, "tabari").resolve(WEST_GERMAN[4]).code == "GMWGOVWGO"
    # Tidings' own rule is unchanged: an organisation's code as it is
    assert resolver(WEST_GERMAN, "rank").resolve(WEST_GERMAN[4]).code == "GMWGOV"


def test_an_agent_already_in_the_code_is_not_repeated():
    # "White House security officials" [USAGOV] + [~GOV]
    doc = parse([
        ("White", "PROPN", "compound", 1, "White"),
        ("House", "PROPN", "compound", 3, "House"),
        ("security", "NOUN", "compound", 3, "security"),
        ("officials", "NOUN", "ROOT", 3, "official"),
    ])
    assert resolver(doc, "tabari").resolve(doc[3]).code == "USAGOV"


def test_prefix_and_suffix_agents_around_a_country():
    # "an MSF Gondor diplomat"
    doc = parse([
        ("an", "DET", "det", 3, "an"),
        ("MSF", "PROPN", "compound", 3, "MSF"),
        ("Gondor", "PROPN", "compound", 3, "Gondor"),
        ("diplomat", "NOUN", "ROOT", 3, "diplomat"),
    ])
    assert resolver(doc, "tabari").resolve(doc[3]).code == "NGOGONGOV"


# "The human rights activists of Amnesty International"
ACTIVISTS = parse([
    ("The", "DET", "det", 3, "the"),
    ("human", "ADJ", "amod", 2, "human"),
    ("rights", "NOUN", "compound", 3, "right"),
    ("activists", "NOUN", "ROOT", 3, "activist"),
    ("of", "ADP", "prep", 3, "of"),
    ("Amnesty", "PROPN", "compound", 6, "Amnesty"),
    ("International", "PROPN", "pobj", 4, "International"),
])


def test_group_of_an_organisation_takes_its_code_and_the_longest_agent_only():
    # "human rights activists" [~OPP] wins over the "rights activists" [~HRI] inside it
    assert resolver(ACTIVISTS, "tabari").resolve(ACTIVISTS[3]).code == "NGMOPP"
    assert resolver(ACTIVISTS, "rank").resolve(ACTIVISTS[3]).code == "---OPP"


# "former Gondor prosecutors"
FORMER = parse([
    ("former", "ADJ", "amod", 2, "former"),
    ("Gondor", "PROPN", "compound", 2, "Gondor"),
    ("prosecutors", "NOUN", "ROOT", 2, "prosecutor"),
])


def test_former_officials_are_elites():
    assert resolver(FORMER, "tabari").resolve(FORMER[2]).code == "GONELI"
    assert resolver(FORMER, "rank").resolve(FORMER[2]).code == "GONJUD"
    # "Former security officials in White House": the organisation's code, then ELI
    doc = parse([
        ("Former", "ADJ", "amod", 2, "former"),
        ("security", "NOUN", "compound", 2, "security"),
        ("officials", "NOUN", "ROOT", 2, "official"),
        ("in", "ADP", "prep", 2, "in"),
        ("White", "PROPN", "compound", 5, "White"),
        ("House", "PROPN", "pobj", 3, "House"),
    ])
    assert resolver(doc, "tabari").resolve(doc[2]).code == "USAGOVELI"


def test_the_rule_comes_with_the_imported_agents():
    own = Lexicon()
    imported = Lexicon(agent_rule="tabari")
    assert own.merge(imported, replace=True).agent_rule == "tabari"
    assert own.merge(imported).agent_rule == "rank"  # on top of Tidings' own dictionaries
    assert imported.copy().agent_rule == "tabari"


def test_a_bare_later_member_shares_the_first_members_adjectives():
    # "The Danish Islamist media and government": the government is Danish and Islamist too
    lex = lexicon("tabari")
    lex.actors["danish"] = ActorEntry("Denmark", (), (), "DNK", "country", "DNK")
    lex.agents["islamist"] = AgentEntry("islamist", "MUS")
    lex.agents["media"] = AgentEntry("media", "MED")
    doc = parse([
        ("The", "DET", "det", 3, "the"),
        ("Danish", "ADJ", "amod", 3, "danish"),
        ("Islamist", "ADJ", "amod", 3, "islamist"),
        ("media", "NOUN", "ROOT", 3, "medium"),
        ("and", "CCONJ", "cc", 3, "and"),
        ("government", "NOUN", "conj", 3, "government"),
    ])
    r = ActorResolver(ActorIndex(lex), doc, default_date=None)
    assert [r.resolve(doc[i]).code for i in (3, 5)] == ["DNKMUSMED", "DNKMUSGOV"]
    lex.agent_rule = "rank"
    assert ActorResolver(ActorIndex(lex), doc, default_date=None).resolve(doc[5]).code == "---GOV"
