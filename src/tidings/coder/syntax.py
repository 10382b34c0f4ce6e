"""Dependency-parse helpers: noun phrases, subjects, objects and prepositional targets.

Pure functions over spaCy tokens.  They know English syntax (control, relative
clauses, passives, coordination, light verbs), not the lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from ..lexicon.model import Lexicon

SUBJ = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
#: children that end a noun phrase (they start another constituent)
NP_STOP = frozenset({"relcl", "acl", "prep", "appos", "punct", "cc", "conj", "advcl", "ccomp", "xcomp", "mark"})
#: links through which a clause inherits the subject of the clause above it
INHERIT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "prep", "pobj", "dobj", "ccomp", "oprd", "attr", "acomp"})
#: "on Thursday" is a date, never a target
TIME_LABELS = frozenset({"DATE", "TIME"})
#: an adnominal clause with these tags is active; a past participle (VBN) is passive
ACTIVE_ACL_TAGS = frozenset({"VBD", "VBG", "VBZ", "VBP"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "we", "us", "our", "i", "me", "my"})
#: dashes that end a dateline ("MANILA -- President Arroyo ...")
DATELINE_DASHES = frozenset({"--", "-", "\u2014", "\u2013", ":"})


def dateline_end(tok: Token) -> int | None:
    """Index of the dash closing the dateline ``tok`` belongs to, else None.

    A dateline is a place in capitals at the start of a sentence, maybe with a
    country or agency ("THE HAGUE, Netherlands --", "MOSCOW (Sputnik) -", AFP's "LYON:"),
    or a title-case place with a date and a wire agency in capitals ("New York, May 17,
    IRNA -"); the parser often takes it, or the agency, for the subject of the main verb.
    """
    doc = tok.doc
    # the sentence start, looked for at most a dozen tokens back (``tok.sent`` would build
    # the whole sentence): a dateline closes within its first dozen tokens
    start = next((j for j in range(tok.i, max(-1, tok.i - 12), -1) if doc[j].is_sent_start), None)
    if start is None:
        return None
    for first in doc[start : min(len(doc), start + 3)]:
        end = _dateline_close(first)
        if end is not None:
            return end if first.i <= tok.i < end else None
    return None


def _dateline_close(first: Token) -> int | None:
    """The closing dash of a dateline that starts at ``first``, else None."""
    if not first.text[:1].isupper() or sum(c.isalpha() for c in first.text) < 3:
        return None
    agency = first.text.isupper()  # "MOSCOW --"; a title-case place needs an agency
    doc = first.doc
    for t in doc[first.i + 1 : min(len(doc), first.i + 9)]:
        if t.is_sent_start:
            return None  # the sentence ended first
        if t.is_punct and (t.text in DATELINE_DASHES or t.text[-1:] in DATELINE_DASHES):
            return t.i if agency else None  # "):" is one token
        if t.text.isupper() and sum(c.isalpha() for c in t.text) >= 2:
            agency = True
        if not (t.is_punct or t.text[:1].isupper() or t.is_digit):
            return None
    return None


def _undateline(verb: Token, subjects_: list[Token]) -> list[Token]:
    """The verb's subjects with a dateline replaced by the subject after its dash."""
    out = []
    for s in subjects_:
        dash = dateline_end(s)
        if dash is None:
            out.append(s)
            continue
        later = [c for c in children(verb, SUBJ) if c.i > dash]
        later = later or [t for t in s.subtree if t.dep_ == "appos" and t.i > dash][:1]
        out.extend(t for t in later if t not in out)
    return out


def is_pronoun(tok: Token) -> bool:
    """A personal pronoun, but not the all-capital abbreviation "US" (the United States)."""
    return tok.lower_ in PRONOUNS and not (len(tok.text) > 1 and tok.text.isupper())


def np_tokens(head: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, without clauses, PPs and appositions."""
    out = [head]
    for child in head.children:
        if child.dep_ in NP_STOP:
            continue
        out.extend(np_tokens(child))
    return sorted(out, key=lambda t: t.i)


def np_span(head: Token) -> Span:
    toks = np_tokens(head)
    return head.doc[toks[0].i : toks[-1].i + 1]


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("he and Putin")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" or _listed_as_apposition(tok, c):
            out.extend(conjuncts(c))
    return out


def _listed_as_apposition(tok: Token, c: Token) -> bool:
    """"The US, Russia, and Switzerland": a list the parser read as an apposition.

    Only names of the same entity kind, and only when the apposition itself
    heads a coordination, so "Putin, the Russian president, ..." stays one actor.
    """
    return (
        c.dep_ == "appos"
        and c.pos_ == "PROPN"
        and tok.pos_ == "PROPN"
        and bool(c.ent_type_)
        and c.ent_type_ == tok.ent_type_
        and any(k.dep_ == "conj" for k in c.children)
    )


def coordination_group(tok: Token) -> list[Token]:
    """All members of the coordination ``tok`` belongs to."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i and top.head.pos_ in ("NOUN", "PROPN", "PRON"):
        top = top.head
    return conjuncts(top)


def children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def reduced_passive(verb: Token) -> bool:
    """A past participle hung on the noun it is done to: "the civilians *imprisoned* (by X)"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in OBJ for c in verb.children)
    )


def _finite_misread(verb: Token) -> bool:
    """"The Saudi-led coalition *bombed* Sanaa." parsed as a participle on the noun: a
    past participle with a direct object and no sentence verb of its own is active."""
    return (
        verb.tag_ == "VBN"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ in OBJ for c in verb.children)
    )


#: verbs that report speech, for the "reported that X, ..., verbed" misparse
_REPORTING = frozenset({"say", "report", "write", "tell", "claim", "add", "state", "insist", "allege", "announce"})


def _that_object(verb: Token) -> Token | None:
    """The direct object of a reporting verb that the parser built from "that X"."""
    if verb.lemma_.lower() not in _REPORTING:
        return None
    for c in verb.children:
        if c.dep_ in OBJ and c.pos_ in ("PROPN", "NOUN", "PRON") and any(
            k.lower_ == "that" and k.i < c.i for k in c.children
        ):
            return c
    return None


def agent_of(verb: Token) -> Token | None:
    """The ``by`` phrase of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def antecedent(rel: Token) -> Token | None:
    """The noun a relative pronoun ("who") stands for."""
    clause = rel.head
    while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
        if clause.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return None
        clause = clause.head
    head = clause.head
    # "Biden, the former president, who spoke": skip to the apposition's head
    while head.dep_ == "appos" and head.head.i != head.i:
        head = head.head
    return head


def relative_groups(rel: Token) -> Iterator[list[Token]]:
    """What a relative pronoun may stand for, best first."""
    ante = antecedent(rel)
    if ante is None:
        return
    yield coordination_group(ante)
    # "communication between Putin and Biden, who spoke": the pair
    for p in prep_objects(ante, ("between",)):
        yield coordination_group(p)
        break
    # the nearest noun before the pronoun (parsers often attach relcl to the wrong noun)
    for tok in reversed(rel.doc[rel.sent.start : rel.i]):
        if tok.pos_ in ("PROPN", "NOUN") and tok.dep_ != "compound":
            head = tok
            while head.dep_ == "appos" and head.head.i != head.i:
                head = head.head
            yield coordination_group(head)
            break


def subject_candidates(verb: Token, *, max_up: int = 6) -> Iterator[list[Token]]:
    """Subject heads of a verb, best first, inherited through control and coordination.

    "Trump promised to *bring*": Trump. "X confirmed ... but *declined*": X (when
    the parser made "declined" a conjunct of the embedded clause, the embedded
    subject comes first and X next). "X, who *spoke*": X. A passive verb gives
    its ``by`` agent, and a passive without one has no subject.
    """
    tok = verb
    for _ in range(max_up):
        if is_passive(tok) or (tok.i == verb.i and reduced_passive(tok) and agent_of(tok) is not None):
            agent = agent_of(tok)
            if agent is not None:
                yield conjuncts(agent)
            return
        direct = _undateline(tok, children(tok, SUBJ))
        if direct:
            subj = direct[0]
            if subj.lower_ in RELATIVE:
                yield from relative_groups(subj)
            else:
                yield conjuncts(subj)
            for other in direct[1:]:
                # "Old foes Gondor and Osgiliath renewed": an apposition parsed as a second subject
                yield conjuncts(other)
            if tok.i == verb.i or tok.head.i == tok.i:
                return
        elif tok.dep_ in ("relcl", "acl") and _means_object(tok.head) and _infinitive(tok):
            # "police took a position *to disperse* the mob": the infinitive after a means
            # noun is the purpose of the clause above, whose subject does it ("*Russia's*
            # decision to invade": a possessor on the noun does it)
            poss = [c for c in tok.head.children if c.dep_ == "poss"]
            if poss:
                yield conjuncts(poss[0])
                return
            tok = tok.head
            continue
        elif tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
            # "signed a decree *granting* citizenship", "put out a report *accusing* the army":
            # a document does what its issuer does
            tok = tok.head
            continue
        elif tok.dep_ == "relcl" or (tok.dep_ == "acl" and (tok.tag_ in ACTIVE_ACL_TAGS or _finite_misread(tok))):
            # "X, who spoke"; "troops *advancing* on Kyiv" (an active participle or a
            # finite verb the parser hung on the noun: the noun does it)
            yield coordination_group(tok.head)
            return
        if tok.dep_ == "conj":
            misread = _that_object(tok.head)
            if misread is not None and misread.i < tok.i:
                # "reported that Trump, after leaving office, talked with Putin" parsed
                # as "reported [that Trump] ... and talked": the object is the subject
                yield conjuncts(misread)
                return
        if tok.dep_ not in INHERIT or tok.head.i == tok.i:
            return
        controller = _object_controller(tok)
        if controller is not None:
            # "invited Xi to *visit*", "accused X of *organising*": the object does it
            yield conjuncts(controller)
            return
        # a noun on the way up: its possessor is the agent ("Trump's interest in meeting")
        head = tok.head
        if head.pos_ in ("NOUN", "PROPN"):
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                yield conjuncts(poss[0])
                return
            if head.dep_ in ("nsubj", "nsubjpass", "ROOT") or head.dep_ not in INHERIT:
                return
        tok = head


def _object_controller(tok: Token) -> Token | None:
    """The matrix object that controls a complement clause, if any.

    An infinitive or gerund complement of a verb that has a direct object takes
    that object as its subject: "urged *both sides* to agree", "prevent
    *Ukraine* from joining".  Only verbs, not nouns, control this way.
    """
    head = tok.head
    if head.lemma_.lower() in CONTACT_VERBS and head.lemma_.lower() != "summon":
        return None  # "called Erdogan *to apologize*": the caller's purpose, not Erdogan's act
    if tok.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        objs = children(head, OBJ)
        return objs[0] if objs and not _means_object(objs[0]) else None
    if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        objs = children(head.head, OBJ)
        return objs[0] if objs and not _means_object(objs[0]) else None
    return None


#: documents that act for whoever issued them ("a resolution *criticizing* the president")
DOCUMENT_NOUNS = frozenset({
    "report", "statement", "letter", "resolution", "decree", "bill", "law", "order", "declaration",
    "communique", "communiqué", "memo", "motion", "petition", "ruling", "verdict", "judgment", "judgement",
})
#: objects that are the means or the form of the subject's own act, never the doer of the
#: infinitive after them: "took *steps* to curb", "used *tear gas* to disperse", "held *talks* to end",
#: "passed a *law* to ban", "spent $1 *billion* to rebuild"
MEANS_OBJECTS = frozenset({
    "step", "measure", "action", "position", "effort", "move", "decision", "time", "opportunity", "chance",
    "way", "initiative", "attempt", "bid", "operation", "campaign", "law", "bill", "decree", "resolution",
    "order", "talk", "meeting", "summit", "deal", "agreement", "plan", "force", "gas", "teargas", "cannon",
    "bullet", "money", "fund", "million", "billion", "power", "authority", "tool", "mean", "means",
})


def _infinitive(verb: Token) -> bool:
    """A to-infinitive with no subject of its own ("steps *to curb* inflation")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not children(verb, SUBJ)


def _means_object(obj: Token) -> bool:
    return obj.lemma_.lower() in MEANS_OBJECTS or obj.lower_ in MEANS_OBJECTS


def subjects(verb: Token) -> list[Token]:
    """The first subject candidate of a verb (see :func:`subject_candidates`)."""
    return next(iter(subject_candidates(verb)), [])


#: nouns that measure out what their "of" phrase names: the object of "handed over $4
#: million *worth* of medicines" or "hand over 40 *percent* of their arms" is what is measured
MEASURE_NOUNS = frozenset({
    "worth", "percent", "%", "ton", "tonne", "batch", "consignment", "quantity", "amount", "load",
    "lot", "portion", "bulk", "remainder", "rest", "half", "third", "quarter", "team", "kind", "variety",
})


def measured(noun: Token) -> Token:
    """The noun a measure noun's "of" phrase names ("$4 million worth *of medicines*"), else ``noun``."""
    for _ in range(2):
        if noun.lemma_.lower() not in MEASURE_NOUNS and noun.lower_ not in MEASURE_NOUNS:
            return noun
        inner = of_object(noun)
        if inner is None:
            return noun
        noun = inner
    return noun


def direct_objects(verb: Token) -> list[Token]:
    """The verb's direct objects with their conjuncts, a measure noun standing for what it measures."""
    objs = children(verb, OBJ)
    return [o for d in objs for o in conjuncts(measured(d))]


def of_object(tok: Token) -> Token | None:
    """The object of the first "of" phrase on ``tok`` ("thousands *of students*"), if any."""
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``tok`` ("talks *with* Putin")."""
    return [o for g in prep_groups(tok, preps) for o in g]


def prep_groups(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[list[Token]]:
    """The objects of the prepositions ``preps`` on ``tok``, one group (with its conjuncts) per phrase."""
    out: list[list[Token]] = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in TIME_LABELS:
                    out.append(conjuncts(p))
                elif p.dep_ == "pobj":
                    # "met with President Assad Tuesday": the parser made the
                    # day the head and the name its compound
                    named = [k for k in p.children if k.dep_ == "compound" and k.ent_type_ not in TIME_LABELS
                             and k.pos_ == "PROPN"]
                    if named:
                        out.append([named[-1]])
        elif c.dep_ == "dative" and "to" in preps and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(conjuncts(c))
    return out


def passive_subjects(verb: Token) -> list[Token]:
    subj = children(verb, PASSIVE_SUBJ)
    # "GAZA CITY, Palestinian Territories: Four children were killed": not the dateline
    subj = [s for s in subj if dateline_end(s) is None] or subj
    if not subj:
        return []
    if subj[0].lower_ in RELATIVE:
        ante = antecedent(subj[0])
        return [ante] if ante is not None else []
    return conjuncts(subj[0])


def clause_depth(tok: Token) -> int:
    """How many heads lie between ``tok`` and its sentence root."""
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def ancestors_through(tok: Token, deps: frozenset[str]) -> Iterator[Token]:
    """Heads reached from ``tok`` while the link is one of ``deps``."""
    while tok.dep_ in deps and tok.head.i != tok.i:
        tok = tok.head
        yield tok


#: adjectives whose subject did the event in their PP ("responsible for the attack")
CULPABLE = frozenset({"responsible", "guilty", "culpable", "accountable"})


def culpable_copula(noun: Token) -> Token | None:
    """The copula whose subject did the nominal event: "the army was *responsible for* the
    killings", "guilty *of* the massacre", "Hamas was *behind* the attack"; None when negated
    ("was not responsible for") or when the noun is not in such a phrase."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    prep, gov = noun.head, noun.head.head
    copula = None
    if gov.lemma_.lower() in CULPABLE and gov.dep_ == "acomp" and gov.head.lemma_.lower() == "be":
        copula = gov.head
    elif prep.lower_ == "behind" and gov.lemma_.lower() == "be":
        copula = gov
    if copula is None or any(c.dep_ == "neg" for c in copula.children):
        return None
    return copula


#: verbs that predicate a noun of their subject ("X *remains* the largest donor")
COPULAS = frozenset({"be", "remain", "become", "stay"})
#: heads that put a noun among others ("*one* of the largest donors")
PARTITIVES = frozenset({"one", "among", "some", "each"})


def copula_of(noun: Token) -> Token | None:
    """The copula a noun is predicated by: "the US *remains* the largest donor", "Germany *is*
    one of the largest donors"; None when negated or when the noun is not a predicate."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "among") and tok.head.head.lower_ in PARTITIVES:
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.head.head.lemma_.lower() in COPULAS:
        copula = tok.head.head  # "Norway is *among* the biggest donors"
    elif tok.dep_ == "attr" and tok.head.lemma_.lower() in COPULAS:
        copula = tok.head
    else:
        return None
    return None if any(c.dep_ == "neg" for c in copula.children) else copula


#: nouns for what someone asks or puts forward: as a target they stand for whoever did
#: ("conceded to the demands *of the truck drivers*", "rejected *Armenia's* proposal")
CONTENT_NOUNS = frozenset({"demand", "request", "call", "proposal", "offer", "plan", "appeal", "ultimatum", "plea"})


def content_owner(tok: Token) -> list[Token]:
    """Whoever made the demand, request or proposal ``tok`` names; [] for other words."""
    if tok.lemma_.lower() not in CONTENT_NOUNS:
        return []
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if poss:
        return conjuncts(poss[0])
    return prep_objects(tok, ("of", "from", "by"))


#: verbs of contacting someone, whose purpose clause is addressed to them ("called Erdogan
#: *to apologize*", "summoned the ambassador *to complain*")
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "summon", "meet", "visit", "receive", "write"})


def purpose_addressee(verb: Token) -> list[Token]:
    """Whom a purpose clause of a contact verb is addressed to: the contact verb's object."""
    head = verb.head
    if verb.dep_ not in ("advcl", "xcomp") or head.i == verb.i or head.lemma_.lower() not in CONTACT_VERBS:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    return direct_objects(head)


def hidden_objects(verb: Token) -> list[Token]:
    """Objects the parser made the subject of a complement clause after the verb:
    "convicted *the bank* to pay", "will not accept *refugees* fleeing violence"."""
    out: list[Token] = []
    for x in children(verb, {"ccomp"}):
        if x.i < verb.i:
            continue
        auxes = [a for a in x.children if a.dep_ == "aux"]
        if any(a.lower_ == "to" for a in auxes) or (x.tag_ == "VBG" and not auxes):
            out.extend(t for c in children(x, {"nsubj"}) for t in conjuncts(c))
    return out


def speaker_like(tok: Token, lex: Lexicon | None) -> bool:
    """A name, a personal pronoun ("him", "them") or a noun of the agents dictionary
    ("officials", "police"): someone, not something."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP") or tok.lower_ in ("him", "her", "them"):
        return True
    return lex is not None and (tok.lemma_.lower() in lex.agents or tok.lower_ in lex.agents)

