"""Requests and permissions: what someone is asked, pressed, wanted or allowed to do.

"Obama urged Putin *to attack* Switzerland" reports an appeal, not an attack; "Congress
pressured Obama *to help* Iran" a demand, not help; "wants Putin *to meet* Merkel" is
Obama's wish about Putin, not Obama's intent to meet; "permission to Russia *to help*
Israel" grants nothing yet. The infinitive complement of such a word is therefore no event
of its own. It makes the appeal or demand specific instead ("urged Iran to release the
sailors" is CAMEO 0253, appeal for the release of persons), through
``lexicon/appeal_codes.tsv``; the words and their kinds are ``lexicon/directive_words.tsv``.

Only object control counts: the complement's doer must be the one asked (an object, the
complement's own subject, "call *on* X to", or the subject of a passive "was urged to").
"Russia asked to join the talks" (subject control) is left to the intent rules.

Reported speech that asks or blames is here too: "Russia says Israel *must* end attacks" is a
demand (``deontic_candidates``), "the government said the Taliban *were responsible*" an
accusation (``blame_candidates``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from ..lexicon.model import Lexicon
from .candidate import Candidate
from .syntax import (
    CULPABLE,
    OBJ,
    PASSIVE_SUBJ,
    children,
    conjuncts,
    direct_objects,
    is_passive,
    prep_objects,
    speaker_like,
    subject_candidates,
    subjects,
)

#: verbs that report what someone says (for demands in reported speech)
REPORTING_VERBS = frozenset({"say", "tell", "insist", "state", "declare", "stress", "argue", "warn", "add", "write"})
#: modal of the reported clause -> CAMEO code of the demand or appeal it makes
DEONTIC = {"must": "100", "should": "020", "ought": "020"}
#: dependencies an infinitive complement hangs on its word by ("urged X *to attack*": xcomp;
#: "wants X *to attack*": ccomp; "pressured by X *to help*", "called for X *to go*": advcl;
#: "pressure *to help*": acl)
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl"})
#: prepositions that introduce the one asked ("called *on* Israel to withdraw")
ADDRESSEE_PREPS = ("on", "upon")
#: the codes an appeal or demand word may carry that say nothing of what is asked
GENERIC = frozenset({"020", "100"})
#: what allowing someone to act is, when no lexicon row says more
YIELD = "080"
#: roots of a directive verb's other senses, which the appeal replaces: "called for Russia to
#: withdraw" is no phone call (041), "told Putin to release" no statement (010)
OTHER_SENSES = frozenset({"01", "04"})
#: roots that are already an appeal or a demand
ASKING_ROOTS = frozenset({"02", "10"})


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive word with the complement it governs and who is asked."""

    word: Token
    kind: str  # appeal | want | permit
    complement: Token
    #: the ones asked to act (empty for a noun: "pressure to help")
    addressees: tuple[Token, ...]


def _infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


#: appeal words whose "that" clause is asked for too ("demanded that X step down"); not
#: "told reporters that ...", "asked whether ..."
THAT_CLAUSE_WORDS = frozenset({"demand", "urge", "ask", "request", "press"})
#: verbs whose object is not the one asked: "called Lavrov *to discuss* Syria" is a phone
#: call with its purpose; "called *on* Lavrov to" and "called *for* Russia to" ask
NOT_BY_OBJECT = frozenset({"call"})


def _addressees(word: Token, complement: Token) -> list[Token]:
    """Who is asked: the word's object, "on X", or the complement's own subject."""
    objects = [] if word.lemma_.lower() in NOT_BY_OBJECT else direct_objects(word)
    found = objects or prep_objects(word, ADDRESSEE_PREPS)
    if found:
        return found
    own = [c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")]
    return conjuncts(own[0]) if own else []


def _actor_like(tok: Token, lex: Lexicon) -> bool:
    """Someone who can be asked: someone (:func:`~tidings.coder.syntax.speaker_like`), any
    pronoun or a place's people; not an event ("wants *the killing* to stop" is a wish for
    de-escalation)."""
    return speaker_like(tok, lex) or tok.pos_ == "PRON" or tok.ent_type_ == "GPE"


def find_directives(words_at: list[Token], lex: Lexicon) -> list[Directive]:
    """The directives among a sentence's directive words (``words_at``: its tokens whose
    lemma is in ``lex.directive_words``) whose complement is asked for."""
    out: list[Directive] = []
    words = lex.directive_words
    for tok in words_at:
        lemma = tok.lemma_.lower()
        kind = words[lemma]
        head = tok.head
        if (tok.pos_ == "NOUN" and tok.dep_ in OBJ and head.pos_ in ("VERB", "AUX")
                and head.lemma_.lower() not in words):
            # "gave Russia permission to help Israel": the complement of the verb is the noun's
            comps = [c for c in head.children if c.dep_ in COMPLEMENT_DEPS and _infinitive(c)]
            if tok.i == next(o.i for o in head.children if o.dep_ in OBJ and o.lemma_.lower() in words):
                out.extend(Directive(tok, kind, c, ()) for c in comps)
        comps = [c for c in tok.children if c.dep_ in COMPLEMENT_DEPS and _infinitive(c)]
        if not comps and lemma not in THAT_CLAUSE_WORDS:
            continue
        if tok.pos_ == "NOUN":
            out.extend(Directive(tok, kind, c, ()) for c in comps if c.dep_ == "acl")
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        passive = any(c.dep_ in PASSIVE_SUBJ for c in tok.children)
        if kind == "appeal" and lemma in THAT_CLAUSE_WORDS:
            # "demanded that Yediyurappa step down": a clause with its own subject is asked for
            comps += [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")
                      and not any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
                      and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children)]
        for c in comps:
            asked = [a for a in _addressees(tok, c) if _actor_like(a, lex)]
            if asked or passive:
                out.append(Directive(tok, kind, c, tuple(asked)))
    return out


def _asking_code(lex: Lexicon, embedded: str | None, root: str) -> str:
    """The appeal (02) or demand (10) code for asking for an act coded ``embedded``."""
    if embedded:
        for n in range(len(embedded), 1, -1):
            found = lex.appeal_codes.get(embedded[:n])
            if found is not None:
                code = found[0] if root == "02" else found[1]
                if code:
                    return code
    return root + "0"


def apply_directives(cands: list[Candidate], words_at: list[Token], lex: Lexicon) -> list[Candidate]:
    """The candidates with asked-for complements removed and the appeals they make specific.

    A new appeal is made for a wish about someone else ("wants Putin to attack").
    """
    if not words_at:
        return cands
    directives = find_directives(words_at, lex)
    if not directives:
        return cands
    by_trigger = {c.trigger.i: c for c in cands}
    drop: set[int] = set()
    replaced: dict[int, Candidate] = {}
    added: list[Candidate] = []
    for d in directives:
        comp = d.complement
        # the act asked for: the complement's own event, else the event noun it takes
        # ("urged Iran to *launch an inquiry*")
        inner = [comp.i]
        if comp.lemma_.lower() in lex.light_verbs:  # not "to end *the invasion*": that one is real
            inner += [o.i for o in comp.children if o.dep_ in OBJ]
        asked = next((by_trigger[i] for i in inner if i in by_trigger), None)
        own = replaced.get(d.word.i) or by_trigger.get(d.word.i)
        if (own is not None and own.consumed is not None and own.consumed.i == comp.i
                and (d.kind != "want" or own.code[:2] in ASKING_ROOTS)):
            continue  # a lexicon row already read it ("asked X to help" 023)
        drop.update(i for i in inner if i in by_trigger)
        if d.word.pos_ == "NOUN":
            continue
        if d.kind == "permit":
            if own is None and d.addressees:
                # "Israel allowed Palestinians to import cattle": a concession (CAMEO 080)
                added.append(Candidate(
                    trigger=d.word, code=YIELD, sources=tuple(tuple(g) for g in subject_candidates(d.word)),
                    targets=d.addressees, method="verb", specificity=1, consumed=comp,
                ))
            continue
        embedded = asked.code if asked is not None else None
        if embedded is None and own is not None and own.consumed is not None and own.consumed.i == comp.i:
            embedded = own.code  # "wants X to meet": the row read the complement as 036
        if own is not None and own.code[:2] in ASKING_ROOTS:
            code = _asking_code(lex, embedded, own.code[:2]) if own.code in GENERIC else own.code
            replaced[d.word.i] = replace(own, code=code, consumed=comp, targets=own.targets or d.addressees)
            continue
        if not d.addressees:
            continue
        if own is not None and d.kind != "want" and own.code[:2] not in OTHER_SENSES:
            # "invited Xi to visit" keeps its row (036); the visit is only asked for
            replaced[d.word.i] = replace(own, consumed=comp, targets=own.targets or d.addressees)
            continue
        appeal = Candidate(
            trigger=d.word,
            code=_asking_code(lex, embedded, "02"),
            sources=tuple(tuple(g) for g in subject_candidates(d.word)),
            targets=d.addressees,
            method="verb",
            specificity=2,
            consumed=comp,
        )
        if own is not None:
            replaced[d.word.i] = appeal  # "called for Russia to withdraw" is no phone call
        else:
            added.append(appeal)
    out = [replaced.get(c.trigger.i, c) for c in cands if c.trigger.i not in drop]
    return out + added


def deontic_candidates(verb: Token) -> list[Candidate]:
    """"Russia says Israel *must* end attacks": a demand (CAMEO 100) or, with
    "should", an appeal (020) from the speaker to the subject of the clause."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    out: list[Candidate] = []
    for clause in children(verb, {"ccomp"}):
        aux = next((c for c in clause.children if c.dep_ == "aux" and c.lower_ in DEONTIC), None)
        if aux is None or any(c.dep_ in ("nsubj", "nsubjpass") and c.i > aux.i for c in clause.children):
            continue  # "*should* Huawei be given a role": an inverted condition, no demand
        modal = aux.lower_
        targets = [t for t in subjects(clause) if t.lower_ not in ("it", "there")]
        if not targets and not is_passive(clause):
            continue  # "intervention *must be avoided*": a demand addressed to nobody named
        out.append(Candidate(
            trigger=verb,
            code=DEONTIC[modal],
            sources=tuple(tuple(g) for g in subject_candidates(verb)),
            targets=tuple(targets),
            method="verb",
            specificity=3,
        ))
    return out


#: the accusation a speaker makes by saying someone was to blame (CAMEO 112)
ACCUSE = "112"


def _culpable_clause(clause: Token) -> bool:
    """"X was responsible", "X was behind the bombing", "X was to blame", not negated."""
    if clause.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in clause.children):
        return False
    for c in clause.children:
        if c.dep_ == "acomp" and c.lower_ in CULPABLE:
            return True
        if c.dep_ == "prep" and c.lower_ == "behind":
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() == "blame" and any(a.lower_ == "to" for a in c.children):
            return True
    return False


def blame_candidates(verb: Token) -> list[Candidate]:
    """"The government said Taliban militants *were responsible*": the speaker accuses them
    (112), whether or not the clause names what they did."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    out = []
    for clause in children(verb, {"ccomp"}):
        targets = [t for t in subjects(clause) if t.lower_ not in ("it", "there")]
        if targets and _culpable_clause(clause):
            out.append(Candidate(
                trigger=verb,
                code=ACCUSE,
                sources=tuple(tuple(g) for g in subject_candidates(verb)),
                targets=tuple(targets),
                method="verb",
                specificity=3,
            ))
    return out

