from tidings.coder.syntax import direct_objects, np_tokens, prep_objects, subject_candidates, subjects

from .handparse import parse

# "Trump promised to bring an end to the war"
PROMISE = parse([
    ("Trump", "PROPN", "nsubj", 1, "Trump"),
    ("promised", "VERB", "ROOT", 1, "promise"),
    ("to", "PART", "aux", 3, "to"),
    ("bring", "VERB", "xcomp", 1, "bring"),
    ("an", "DET", "det", 5, "an"),
    ("end", "NOUN", "dobj", 3, "end"),
])

# "The Kremlin confirmed that talks took place but declined to comment" (conj under the ccomp)
KREMLIN = parse([
    ("The", "DET", "det", 1, "the"),
    ("Kremlin", "PROPN", "nsubj", 2, "Kremlin"),
    ("confirmed", "VERB", "ROOT", 2, "confirm"),
    ("that", "SCONJ", "mark", 5, "that"),
    ("talks", "NOUN", "nsubj", 5, "talk"),
    ("took", "VERB", "ccomp", 2, "take"),
    ("place", "NOUN", "dobj", 5, "place"),
    ("but", "CCONJ", "cc", 5, "but"),
    ("declined", "VERB", "conj", 5, "decline"),
])

# "Biden, who spoke to Putin"
RELATIVE = parse([
    ("Biden", "PROPN", "ROOT", 0, "Biden"),
    (",", "PUNCT", "punct", 0, ","),
    ("who", "PRON", "nsubj", 3, "who"),
    ("spoke", "VERB", "relcl", 0, "speak"),
    ("to", "ADP", "prep", 3, "to"),
    ("Putin", "PROPN", "pobj", 4, "Putin"),
])

# "Ukraine was attacked by Russia and Belarus"
PASSIVE = parse([
    ("Ukraine", "PROPN", "nsubjpass", 2, "Ukraine"),
    ("was", "AUX", "auxpass", 2, "be"),
    ("attacked", "VERB", "ROOT", 2, "attack"),
    ("by", "ADP", "agent", 2, "by"),
    ("Russia", "PROPN", "pobj", 3, "Russia"),
    ("and", "CCONJ", "cc", 4, "and"),
    ("Belarus", "PROPN", "conj", 4, "Belarus"),
])


def texts(toks):
    return [t.text for t in toks]


def test_control_verb_inherits_subject():
    assert texts(subjects(PROMISE[3])) == ["Trump"]


def test_conjunct_of_embedded_clause_falls_back_to_matrix_subject():
    groups = [texts(g) for g in subject_candidates(KREMLIN[8])]
    assert groups == [["talks"], ["Kremlin"]]


def test_relative_pronoun_resolves_to_antecedent():
    assert texts(subjects(RELATIVE[3])) == ["Biden"]
    assert texts(prep_objects(RELATIVE[3], ("to",))) == ["Putin"]


def test_passive_agent_is_the_subject_with_conjuncts():
    assert texts(subjects(PASSIVE[2])) == ["Russia", "Belarus"]


def test_np_tokens_stop_at_clauses():
    assert texts(np_tokens(RELATIVE[0])) == ["Biden"]
    assert texts(np_tokens(KREMLIN[1])) == ["The", "Kremlin"]


# "Lavrov met with President Assad Tuesday": the parser heads the PP object on the day
MET_DAY = parse([
    ("Lavrov", "PROPN", "nsubj", 1, "Lavrov"),
    ("met", "VERB", "ROOT", 1, "meet"),
    ("with", "ADP", "prep", 1, "with"),
    ("President", "PROPN", "compound", 5, "President"),
    ("Assad", "PROPN", "compound", 5, "Assad"),
    ("Tuesday", "PROPN", "pobj", 2, "Tuesday"),
], ents=[(4, 5, "PERSON"), (5, 6, "DATE")])


def test_prep_object_headed_on_a_day_gives_the_name():
    assert texts(prep_objects(MET_DAY[1], ("with",))) == ["Assad"]
    # a day alone is never an object
    assert texts(prep_objects(PASSIVE[2], ("on",))) == []


def test_a_list_read_as_apposition_is_a_coordination():
    from tidings.coder.syntax import conjuncts

    # "The US, Russia, and Switzerland met"
    lst = parse([
        ("The", "DET", "det", 1, "the"),
        ("US", "PROPN", "nsubj", 7, "US"),
        (",", "PUNCT", "punct", 1, ","),
        ("Russia", "PROPN", "appos", 1, "Russia"),
        (",", "PUNCT", "punct", 3, ","),
        ("and", "CCONJ", "cc", 3, "and"),
        ("Switzerland", "PROPN", "conj", 3, "Switzerland"),
        ("met", "VERB", "ROOT", 7, "meet"),
    ], ents=[(1, 2, "GPE"), (3, 4, "GPE"), (6, 7, "GPE")])
    assert texts(conjuncts(lst[1])) == ["US", "Russia", "Switzerland"]
    # "Putin, the Russian president, and Xi": the apposition is the same person
    appo = parse([
        ("Putin", "PROPN", "nsubj", 7, "Putin"),
        (",", "PUNCT", "punct", 0, ","),
        ("the", "DET", "det", 4, "the"),
        ("Russian", "ADJ", "amod", 4, "russian"),
        ("president", "NOUN", "appos", 0, "president"),
        ("and", "CCONJ", "cc", 4, "and"),
        ("Xi", "PROPN", "conj", 4, "Xi"),
        ("met", "VERB", "ROOT", 7, "meet"),
    ], ents=[(0, 1, "PERSON"), (6, 7, "PERSON")])
    assert texts(conjuncts(appo[0])) == ["Putin"]


def test_second_subject_is_an_alternative():
    # "Old foes Gondor and Osgiliath renewed ties": the apposition parsed as a second nsubj
    doc = parse([
        ("foes", "NOUN", "nsubj", 3, "foe"),
        ("Gondor", "PROPN", "nsubj", 3, "Gondor"),
        ("and", "CCONJ", "cc", 1, "and"),
        ("renewed", "VERB", "ROOT", 3, "renew"),
        ("Osgiliath", "PROPN", "conj", 1, "Osgiliath"),
    ])
    groups = [texts(g) for g in subject_candidates(doc[3])]
    assert groups == [["foes"], ["Gondor", "Osgiliath"]]


# "The US handed over $4 million worth of equipment and medicines to Ethiopia"
WORTH = parse([
    ("The", "DET", "det", 1, "the"),
    ("US", "PROPN", "nsubj", 2, "US"),
    ("handed", "VERB", "ROOT", 2, "hand"),
    ("over", "ADP", "prt", 2, "over"),
    ("$", "SYM", "quantmod", 6, "$"),
    ("4", "NUM", "compound", 6, "4"),
    ("million", "NUM", "nummod", 7, "million"),
    ("worth", "NOUN", "dobj", 2, "worth"),
    ("of", "ADP", "prep", 7, "of"),
    ("equipment", "NOUN", "pobj", 8, "equipment"),
    ("and", "CCONJ", "cc", 9, "and"),
    ("medicines", "NOUN", "conj", 9, "medicine"),
    ("to", "ADP", "prep", 2, "to"),
    ("Ethiopia", "PROPN", "pobj", 12, "Ethiopia"),
])

# "Rebels freed the rest of the hostages"; "Rebels freed the hostages of the village"
REST = parse([
    ("Rebels", "NOUN", "nsubj", 1, "rebel"),
    ("freed", "VERB", "ROOT", 1, "free"),
    ("the", "DET", "det", 3, "the"),
    ("rest", "NOUN", "dobj", 1, "rest"),
    ("of", "ADP", "prep", 3, "of"),
    ("the", "DET", "det", 6, "the"),
    ("hostages", "NOUN", "pobj", 4, "hostage"),
])
HOSTAGES_OF = parse([
    ("Rebels", "NOUN", "nsubj", 1, "rebel"),
    ("freed", "VERB", "ROOT", 1, "free"),
    ("the", "DET", "det", 3, "the"),
    ("hostages", "NOUN", "dobj", 1, "hostage"),
    ("of", "ADP", "prep", 3, "of"),
    ("the", "DET", "det", 6, "the"),
    ("village", "NOUN", "pobj", 4, "village"),
])


def test_a_measure_noun_object_stands_for_what_it_measures():
    assert [t.text for t in direct_objects(WORTH[2])] == ["equipment", "medicines"]
    assert [t.text for t in direct_objects(REST[1])] == ["hostages"]


def test_an_ordinary_object_keeps_its_head():
    assert [t.text for t in direct_objects(HOSTAGES_OF[1])] == ["hostages"]
    assert [t.text for t in direct_objects(PROMISE[3])] == ["end"]


# "Police took a position to disperse the mob" (the infinitive parsed as a relative clause)
POSITION = parse([
    ("Police", "NOUN", "nsubj", 1, "police"),
    ("took", "VERB", "ROOT", 1, "take"),
    ("a", "DET", "det", 3, "a"),
    ("position", "NOUN", "dobj", 1, "position"),
    ("to", "PART", "aux", 5, "to"),
    ("disperse", "VERB", "relcl", 3, "disperse"),
    ("the", "DET", "det", 7, "the"),
    ("mob", "NOUN", "dobj", 5, "mob"),
])
# "Police used gas to disperse the mob" (an xcomp whose verb has an object)
GAS = parse([
    ("Police", "NOUN", "nsubj", 1, "police"),
    ("used", "VERB", "ROOT", 1, "use"),
    ("gas", "NOUN", "dobj", 1, "gas"),
    ("to", "PART", "aux", 4, "to"),
    ("disperse", "VERB", "xcomp", 1, "disperse"),
    ("the", "DET", "det", 6, "the"),
    ("mob", "NOUN", "dobj", 4, "mob"),
])
# "They urged Kyiv to negotiate": the object does it
URGED = parse([
    ("They", "PRON", "nsubj", 1, "they"),
    ("urged", "VERB", "ROOT", 1, "urge"),
    ("Kyiv", "PROPN", "dobj", 1, "Kyiv"),
    ("to", "PART", "aux", 4, "to"),
    ("negotiate", "VERB", "xcomp", 1, "negotiate"),
])


def test_an_infinitive_after_a_means_noun_is_done_by_the_subject_above():
    assert [t.text for t in subjects(POSITION[5])] == ["Police"]
    assert [t.text for t in subjects(GAS[4])] == ["Police"]


def test_an_infinitive_after_a_person_object_is_done_by_the_object():
    assert [t.text for t in subjects(URGED[4])] == ["Kyiv"]
