"""Trigger and pattern matching over hand-built parses."""

from tidings.coder.match import noun_candidates, noun_patterns, sentence_candidates, verb_candidates
from tidings.lexicon.model import Lexicon, NounPattern, VerbPattern
from tidings.lexicon.tabari_text import DEFAULT_TARGET

from .handparse import parse

# "Pyongyang fired two artillery shells at Seoul"
FIRED = parse([
    ("Pyongyang", "PROPN", "nsubj", 1, "Pyongyang"),
    ("fired", "VERB", "ROOT", 1, "fire"),
    ("two", "NUM", "nummod", 4, "two"),
    ("artillery", "NOUN", "compound", 4, "artillery"),
    ("shells", "NOUN", "dobj", 1, "shell"),
    ("at", "ADP", "prep", 1, "at"),
    ("Seoul", "PROPN", "pobj", 5, "Seoul"),
])


def test_object_word_matches_a_noun_modifier_of_the_object():
    lex = Lexicon()
    lex.verbs["fire"] = [
        VerbPattern(code="071", verb="fire"),
        VerbPattern(code="194", verb="fire", objects=frozenset({"artillery"}), target=("at",)),
    ]
    (cand,) = verb_candidates(FIRED[1], lex)
    assert cand.code == "194"
    assert [t.text for t in cand.targets] == ["Seoul"]


# "Workers went on strike", "The group began a hunger strike"
ON_STRIKE = parse([
    ("Workers", "NOUN", "nsubj", 1, "worker"),
    ("went", "VERB", "ROOT", 1, "go"),
    ("on", "ADP", "prep", 1, "on"),
    ("strike", "NOUN", "pobj", 2, "strike"),
])
HUNGER = parse([
    ("The", "DET", "det", 1, "the"),
    ("group", "NOUN", "nsubj", 2, "group"),
    ("began", "VERB", "ROOT", 2, "begin"),
    ("a", "DET", "det", 5, "a"),
    ("hunger", "NOUN", "compound", 5, "hunger"),
    ("strike", "NOUN", "dobj", 2, "strike"),
])
# "Putin launched a mediation effort between India and Pakistan"
MEDIATION = parse([
    ("Putin", "PROPN", "nsubj", 1, "Putin"),
    ("launched", "VERB", "ROOT", 1, "launch"),
    ("a", "DET", "det", 4, "a"),
    ("mediation", "NOUN", "compound", 4, "mediation"),
    ("effort", "NOUN", "dobj", 1, "effort"),
    ("between", "ADP", "prep", 4, "between"),
    ("India", "PROPN", "pobj", 5, "India"),
    ("and", "CCONJ", "cc", 6, "and"),
    ("Pakistan", "PROPN", "conj", 6, "Pakistan"),
])


def strike_lexicon() -> Lexicon:
    lex = Lexicon()
    for code, noun, target in (("195", "strike", ("on",)), ("142", "hunger strike", ()), ("143", "on strike", ()),
                               ("045", "mediation", ("between",))):
        lex.add_noun(NounPattern(code=code, noun=noun, target=target))
    lex.light_verbs = frozenset({"launch"})
    return lex


def test_modifier_or_preposition_keys_a_two_word_noun_row():
    lex = strike_lexicon()
    assert [p.code for p in noun_patterns(ON_STRIKE[3], lex)] == ["143"]
    assert [p.code for p in noun_patterns(HUNGER[5], lex)] == ["142"]
    (cand,) = noun_candidates(HUNGER[5], lex)
    assert cand.code == "142"


def test_event_noun_compounded_with_a_stance_noun_takes_its_place():
    (cand,) = noun_candidates(MEDIATION[3], strike_lexicon())
    assert cand.code == "045"
    assert [[t.text for t in g] for g in cand.sources] == [["Putin"]]
    assert [t.text for t in cand.targets] == ["India", "Pakistan"]


# "France lifted its blockade of Britain"
LIFTED = parse([
    ("France", "PROPN", "nsubj", 1, "France"),
    ("lifted", "VERB", "ROOT", 1, "lift"),
    ("its", "PRON", "poss", 3, "its"),
    ("blockade", "NOUN", "dobj", 1, "blockade"),
    ("of", "ADP", "prep", 3, "of"),
    ("Britain", "PROPN", "pobj", 4, "Britain"),
])
# "Japan sent troops to the peacekeeping force"
SENT = parse([
    ("Japan", "PROPN", "nsubj", 1, "Japan"),
    ("sent", "VERB", "ROOT", 1, "send"),
    ("troops", "NOUN", "dobj", 1, "troop"),
    ("to", "ADP", "prep", 1, "to"),
    ("the", "DET", "det", 6, "the"),
    ("peacekeeping", "NOUN", "compound", 6, "peacekeeping"),
    ("force", "NOUN", "pobj", 3, "force"),
])


def test_possessive_pronoun_on_the_object_is_not_the_target():
    lex = Lexicon()
    lex.verbs["lift"] = [VerbPattern(code="0872", verb="lift", objects=frozenset({"blockade"}), target=())]
    (cand,) = verb_candidates(LIFTED[1], lex)
    assert [t.text for t in cand.targets] == ["Britain"]


def test_deployment_for_peacekeeping_is_074():
    lex = Lexicon()
    lex.verbs["send"] = [VerbPattern(code="154", verb="send", objects=frozenset({"troop"}), target=("to",))]
    (cand,) = verb_candidates(SENT[1], lex)
    assert cand.code == "074"


# "Militants held civilians as human shields"
SHIELDS = parse([
    ("Militants", "NOUN", "nsubj", 1, "militant"),
    ("held", "VERB", "ROOT", 1, "hold"),
    ("civilians", "NOUN", "dobj", 1, "civilian"),
    ("as", "ADP", "prep", 1, "as"),
    ("human", "ADJ", "amod", 5, "human"),
    ("shields", "NOUN", "pobj", 3, "shield"),
])


def test_noun_row_with_dobj_target_reads_the_verb_of_its_as_phrase():
    lex = Lexicon()
    lex.add_noun(NounPattern(code="184", noun="human shield", target=("dobj",)))
    (cand,) = noun_candidates(SHIELDS[5], lex)
    assert cand.code == "184"
    assert [[t.text for t in g] for g in cand.sources] == [["Militants"]]
    assert [t.text for t in cand.targets] == ["civilians"]
# "Arnor presented credentials to Gondor's president in a show of support"
PRESENTED = parse([
    ("Arnor", "PROPN", "nsubj", 1, "Arnor"),
    ("presented", "VERB", "ROOT", 1, "present"),
    ("credentials", "NOUN", "dobj", 1, "credential"),
    ("to", "ADP", "prep", 2, "to"),
    ("president", "NOUN", "pobj", 3, "president"),
    ("in", "ADP", "prep", 1, "in"),
    ("show", "NOUN", "pobj", 5, "show"),
])


def test_target_without_plus_is_the_first_phrase_after_the_verb_the_rest_alternatives():
    lex = Lexicon()
    default = ("with", "to", "against", "on", "at", "in")
    lex.verbs["present"] = [
        VerbPattern(code="032", verb="present", objects=frozenset({"credential"}), target=default),
    ]
    (cand,) = verb_candidates(PRESENTED[1], lex)
    assert [t.text for t in cand.targets] == ["president"]
    assert [[t.text for t in g] for g in cand.alt_targets] == [["show"]]


def test_first_actor_after_the_verb_may_be_the_subject_of_its_clause():
    # "Gollum allowed that Mordor is a pleasant place" (TABARI: the first actor after the verb)
    doc = parse([
        ("Gollum", "PROPN", "nsubj", 1, "Gollum"),
        ("allowed", "VERB", "ROOT", 1, "allow"),
        ("that", "SCONJ", "mark", 4, "that"),
        ("Mordor", "PROPN", "nsubj", 4, "Mordor"),
        ("is", "AUX", "ccomp", 1, "be"),
        ("pleasant", "ADJ", "acomp", 4, "pleasant"),
    ])
    lex = Lexicon()
    lex.verbs["allow"] = [VerbPattern(code="080", verb="allow", target=DEFAULT_TARGET)]
    (cand,) = verb_candidates(doc[1], lex)
    assert [[t.text for t in g] for g in cand.alt_targets] == [["Mordor"]]
    # a clause before the verb is not after it: "Mordor is pleasant, Gollum allowed"
    doc = parse([
        ("Mordor", "PROPN", "nsubj", 1, "Mordor"),
        ("is", "AUX", "ccomp", 3, "be"),
        ("Gollum", "PROPN", "nsubj", 3, "Gollum"),
        ("allowed", "VERB", "ROOT", 3, "allow"),
    ])
    (cand,) = verb_candidates(doc[3], lex)
    assert cand.alt_targets == ()


def test_pattern_noun_after_a_preposition_and_words_before_the_verb():
    # "Ethiopia acted on a resolution against Libya" fits "* &PREP RESOLUTION"
    doc = parse([
        ("Ethiopia", "PROPN", "nsubj", 1, "Ethiopia"),
        ("acted", "VERB", "ROOT", 1, "act"),
        ("on", "ADP", "prep", 1, "on"),
        ("resolution", "NOUN", "pobj", 2, "resolution"),
        ("against", "ADP", "prep", 3, "against"),
        ("Libya", "PROPN", "pobj", 4, "Libya"),
        ("not", "PART", "neg", 1, "not"),
    ])
    lex = Lexicon()
    lex.verbs["act"] = [
        VerbPattern(code="100", verb="act", target=DEFAULT_TARGET),
        VerbPattern(code="102", verb="act", objects=frozenset({"resolution"}), target=DEFAULT_TARGET[1:],
                    requires=("on",)),
        # "NOT *": the "not" here comes after the verb, so this pattern does not fit
        VerbPattern(code="112", verb="act", target=DEFAULT_TARGET, requires=("<not",)),
    ]
    (cand,) = verb_candidates(doc[1], lex)
    assert cand.code == "102"
    assert [t.text for t in cand.targets] == ["Libya"]


# "Guterres reiterated the commitment to supporting Lebanon"
COMMITMENT = parse([
    ("Guterres", "PROPN", "nsubj", 1, "Guterres"),
    ("reiterated", "VERB", "ROOT", 1, "reiterate"),
    ("the", "DET", "det", 3, "the"),
    ("commitment", "NOUN", "dobj", 1, "commitment"),
    ("to", "ADP", "prep", 3, "to"),
    ("supporting", "VERB", "pcomp", 4, "support"),
    ("Lebanon", "PROPN", "dobj", 5, "Lebanon"),
])
# "Olmert sent jets to destroy the reactor"
SENT_TO_DESTROY = parse([
    ("Olmert", "PROPN", "nsubj", 1, "Olmert"),
    ("sent", "VERB", "ROOT", 1, "send"),
    ("jets", "NOUN", "dobj", 1, "jet"),
    ("to", "PART", "aux", 4, "to"),
    ("destroy", "VERB", "advcl", 1, "destroy"),
    ("the", "DET", "det", 6, "the"),
    ("reactor", "NOUN", "dobj", 4, "reactor"),
])


def test_a_commitment_yields_to_the_event_it_is_a_commitment_to():
    lex = Lexicon()
    lex.add_noun(NounPattern(code="030", noun="commitment", target=("to",)))
    lex.verbs["support"] = [VerbPattern(code="051", verb="support")]
    assert [c.code for c in sentence_candidates(COMMITMENT[:], lex)] == ["051"]


def test_means_of_force_frame_their_purpose():
    from tidings.coder.sentence import speech_frames

    lex = Lexicon()
    lex.verbs["send"] = [VerbPattern(code="072", verb="send", target=("to",))]
    lex.verbs["destroy"] = [VerbPattern(code="1712", verb="destroy")]
    cands = sentence_candidates(SENT_TO_DESTROY[:], lex)
    assert [c.code for c in cands] == ["072", "1712"]
    assert speech_frames(cands) == {1}


# "Jordan began a new round of exercises", "US marines launched war games"
ROUND = parse([
    ("Jordan", "PROPN", "nsubj", 1, "Jordan"),
    ("began", "VERB", "ROOT", 1, "begin"),
    ("a", "DET", "det", 4, "a"),
    ("new", "ADJ", "amod", 4, "new"),
    ("round", "NOUN", "dobj", 1, "round"),
    ("of", "ADP", "prep", 4, "of"),
    ("exercises", "NOUN", "pobj", 5, "exercise"),
])
WAR_GAMES = parse([
    ("Marines", "NOUN", "nsubj", 1, "marine"),
    ("launched", "VERB", "ROOT", 1, "launch"),
    ("war", "NOUN", "compound", 3, "war"),
    ("games", "NOUN", "dobj", 1, "game"),
])


def test_container_noun_passes_its_source_to_the_event():
    lex = Lexicon()
    lex.add_noun(NounPattern(code="062", noun="exercise", target=("with",)))
    lex.light_verbs = frozenset({"begin"})
    (cand,) = noun_candidates(ROUND[6], lex)
    assert [[t.text for t in g] for g in cand.sources] == [["Jordan"]]


def test_two_word_event_object_is_not_matched_by_its_modifier():
    lex = Lexicon()
    lex.verbs["launch"] = [VerbPattern(code="190", verb="launch", objects=frozenset({"war", "attack"}))]
    lex.add_noun(NounPattern(code="062", noun="war game", target=("with",)))
    lex.light_verbs = frozenset({"launch"})
    assert [c.code for c in sentence_candidates(WAR_GAMES[:], lex)] == ["062"]


# "Canada agreed to a trade deal"
AGREED_DEAL = parse([
    ("Canada", "PROPN", "nsubj", 1, "Canada"),
    ("agreed", "VERB", "ROOT", 1, "agree"),
    ("to", "ADP", "prep", 1, "to"),
    ("a", "DET", "det", 5, "a"),
    ("trade", "NOUN", "compound", 5, "trade"),
    ("deal", "NOUN", "pobj", 2, "deal"),
])


def test_prepositional_verb_row_matches_the_object_of_its_preposition():
    lex = Lexicon()
    lex.verbs["agree"] = [
        VerbPattern(code="030", verb="agree", target=("with",)),
        VerbPattern(code="057", verb="agree", particle="to", objects=frozenset({"deal"}), target=("with",)),
    ]
    (cand,) = verb_candidates(AGREED_DEAL[1], lex)
    assert cand.code == "057"


def _clash(words: list[str]):
    """"Bree most certainly ... clash over the efforts": the adverbs and auxiliaries hang on the verb."""
    lemmas = {"did": "do", "n't": "not", "efforts": "effort"}
    n = len(words)
    rows = [("Bree", "PROPN", "nsubj", n + 1, "Bree")]
    rows += [(w, "ADV", "advmod", n + 1, lemmas.get(w, w)) for w in words]
    rows += [
        ("clash", "VERB", "ROOT", n + 1, "clash"),
        ("over", "ADP", "prep", n + 1, "over"),
        ("efforts", "NOUN", "pobj", n + 2, "effort"),
    ]
    return parse(rows)


def test_words_joined_through_a_synset_must_follow_each_other():
    # TABARI "- MOST_CERTAINLY_&NEGATVAUXVRB_EVER * OVER EFFORTS [907]" next to
    # "- &NEGATVAUXVRB EVER * OVER EFFORTS [905]", &NEGATVAUXVRB holding DID N'T, REALLY DID NOT
    joined = "most certainly do/did not/n't ever|most certainly really do/did not ever"
    lex = Lexicon()
    lex.verbs["clash"] = [
        VerbPattern(code="907", verb="clash", target=DEFAULT_TARGET,
                    requires=("<most", "<certainly", "<really", "<do|<did", "<not", "really do/did not", "<ever",
                              "over", "effort|efforts", joined)),
        VerbPattern(code="905", verb="clash", target=DEFAULT_TARGET,
                    requires=("<really", "<do|<did", "<not", "really do/did not", "<ever", "over", "effort|efforts")),
    ]
    adjacent = _clash("most certainly really did not ever".split())
    assert verb_candidates(adjacent[7], lex)[0].code == "907"
    # "most certainly really did not *even* ever": "ever" does not follow the member
    apart = _clash("most certainly really did not even ever".split())
    assert verb_candidates(apart[8], lex)[0].code == "905"
    # nor does a member whose words are apart fit: "really did *surely* not"
    split = _clash("really did surely not ever".split())
    assert verb_candidates(split[6], lex) == []


def test_the_patterns_one_preposition_may_hang_inside_the_objects_phrase():
    # "Calenardhon welcomed assurances on cultural issues from Bree": the parser hangs
    # "from Bree" on "issues"; "* &TIETYPES ASSURANCES FROM" still finds its target there
    doc = parse([
        ("Calenardhon", "PROPN", "nsubj", 1, "Calenardhon"),
        ("welcomed", "VERB", "ROOT", 1, "welcome"),
        ("assurances", "NOUN", "dobj", 1, "assurance"),
        ("on", "ADP", "prep", 2, "on"),
        ("cultural", "ADJ", "amod", 5, "cultural"),
        ("issues", "NOUN", "pobj", 3, "issue"),
        ("from", "ADP", "prep", 5, "from"),
        ("Bree", "PROPN", "pobj", 6, "Bree"),
    ])
    lex = Lexicon()
    lex.verbs["welcome"] = [
        VerbPattern(code="913", verb="welcome", objects=frozenset({"assurance"}), target=("from",),
                    requires=("cultural", "from")),
        VerbPattern(code="914", verb="welcome", objects=frozenset({"assurance"}), target=DEFAULT_TARGET[1:],
                    requires=("cultural",)),
    ]
    (cand,) = verb_candidates(doc[1], lex)
    assert cand.code == "913" and [t.text for t in cand.targets] == ["Bree"]


def test_words_before_a_complement_verb_in_the_governing_clause_come_before_it():
    # "Romendacil unexpectedly won't try to clash": "UNEXPECTEDLY &NEGATVAUXVRB * ..." fits
    # "clash", whose adverb and auxiliaries hang on "try"
    doc = parse([
        ("Romendacil", "PROPN", "nsubj", 4, "Romendacil"),
        ("unexpectedly", "ADV", "advmod", 4, "unexpectedly"),
        ("wo", "AUX", "aux", 4, "will"),
        ("n't", "PART", "neg", 4, "not"),
        ("try", "VERB", "ROOT", 4, "try"),
        ("to", "PART", "aux", 6, "to"),
        ("clash", "VERB", "xcomp", 4, "clash"),
    ])
    lex = Lexicon()
    lex.verbs["clash"] = [
        VerbPattern(code="223", verb="clash", target=DEFAULT_TARGET),
        VerbPattern(code="906", verb="clash", target=DEFAULT_TARGET,
                    requires=("<unexpectedly", "<will|<wo", "<not|<n't", "will/wo not/n't")),
    ]
    assert verb_candidates(doc[6], lex)[0].code == "906"
