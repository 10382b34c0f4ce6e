"""Find event triggers in a parsed sentence: verbs and nouns from the lexicon.

A :class:`Candidate` says which token triggers which CAMEO code and which
tokens head the source and target noun phrases.  Turning those heads into
actors, dates and modality is the coder's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from ..lexicon.model import Lexicon, NounPattern, VerbPattern
from ..lexicon.tabari_joined import ALTERNATIVES, FORMS
from ..lexicon.tabari_text import DEFAULT_TARGET, PREPOSITIONS
from .candidate import Candidate
from .casualties import merge_casualties
from .directives import apply_directives, blame_candidates, deontic_candidates
from .syntax import (
    agent_of,
    children,
    conjuncts,
    content_owner,
    coordination_group,
    copula_of,
    culpable_copula,
    direct_objects,
    hidden_objects,
    is_passive,
    passive_subjects,
    prep_groups,
    prep_objects,
    purpose_addressee,
    reduced_passive,
    speaker_like,
    subject_candidates,
    subjects,
)

#: a noun event under one of these is not asserted to have happened
NOUN_NEGATORS = frozenset({"lack", "absence", "without"})
#: prepositions that make a noun the complement of the verb above ("engaged *in* talks",
#: "called *for* talks"); adverbial ones ("despite", "after") do not
COMPLEMENT_PREPS = frozenset({"in", "into", "for", "on", "to", "about", "toward", "towards", "through", "via", "by"})
#: nouns that hold an event in an "of" phrase ("a new *round* of talks", "a *wave* of arrests")
CONTAINER_NOUNS = frozenset({"round", "series", "wave", "spate", "string", "flurry", "barrage"})
#: stance nouns that state what is being done rather than planned
ONGOING_STANCE_NOUNS = frozenset({"commitment"})
#: "a proposal *by* the AU", "demands *from* Kyiv": who the object belongs to
OBJECT_OWNER_PREPS = ("by", "from")
#: possessive pronouns that usually stand for the verb's own subject ("lifted *its* blockade")
REFLEXIVE_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
#: prepositions that name whom a possessed object is aimed at ("its blockade *of* Yemen")
OBJECT_PATIENT_PREPS = ("of", "on", "against", "to")
#: prepositions of a complement verb that name the target of an "agree to"-type pattern
XCOMP_TARGET_PREPS = ("to", "with", "for", "on", "against")
#: what the TABARI importer requires for a compound actor before the verb ("% *")
COMPOUND_ACTOR = "<and"
#: TABARI patterns without a marked target: the target is the first actor after the verb
FIRST_ACTOR = (DEFAULT_TARGET, DEFAULT_TARGET[1:])
#: nouns through which the verb's subject is the agent of a nominal event
#: ("expressed *interest* in meeting", "announced *plans* for talks")
STANCE_NOUNS = frozenset({
    "interest", "plan", "proposal", "readiness", "willingness", "desire", "intention", "offer",
    "hope", "commitment", "bid", "effort", "attempt", "wish", "pledge", "promise", "preparation",
})


def _object_lemmas(verb: Token, lex: Lexicon | None = None) -> dict[str, Token]:
    """Direct objects of the verb and of its complement ("declined to provide *comment*")."""
    out: dict[str, Token] = {}
    for o in direct_objects(verb):
        out[o.lemma_.lower()] = o
        out[o.lower_] = o
        for c in o.children:
            if c.dep_ == "compound":
                pair = f"{c.lemma_.lower()} {o.lemma_.lower()}"
                out[pair] = o
                # "fired artillery shells" fits "* ARTILLERY": a noun modifier names the object
                # too, unless the two words are an event of their own ("launch *war games*")
                if lex is None or pair not in lex.nouns:
                    out.setdefault(c.lemma_.lower(), o)
        for m in children(o, {"amod"}):  # "let *free* activists", "set *free* prisoners"
            if m.i == verb.i + 1:
                out.setdefault(m.lower_, o)
        for a in children(o, {"appos"}):  # "called the ambassador *a very stupid guy*"
            for w in [a] + children(a, {"amod"}):
                out.setdefault(w.lemma_.lower(), a)
    for x in children(verb, {"xcomp"}):
        for o in direct_objects(x):
            out.setdefault(o.lemma_.lower(), o)
            out.setdefault(o.lower_, o)
    if is_passive(verb):
        # "evidence was presented by the US", "sanctions were imposed on Russia"
        for o in passive_subjects(verb):
            out.setdefault(o.lemma_.lower(), o)
            out.setdefault(o.lower_, o)
    for o in hidden_objects(verb):  # "wants *the war* to end", "accept *refugees* fleeing"
        out.setdefault(o.lemma_.lower(), o)
        out.setdefault(o.lower_, o)
    # "impose sanctions": spaCy sometimes attaches the object noun as attr/oprd
    for c in children(verb, {"attr", "oprd", "npadvmod"}):
        out.setdefault(c.lemma_.lower(), c)
    # "found X *guilty*": the small clause's adjective
    for c in children(verb, {"ccomp", "acomp"}):
        if c.pos_ == "ADJ":
            out.setdefault(c.lemma_.lower(), c)
    return out


def _pobj_lemmas(verb: Token) -> dict[str, Token]:
    """Objects of the verb's prepositions ("acted *on a resolution*"), by lemma and form."""
    out: dict[str, Token] = {}
    for prep in children(verb, {"prep"}):
        for o in children(prep, {"pobj"}):
            out.setdefault(o.lemma_.lower(), o)
            out.setdefault(o.lower_, o)
    return out


def _verb_targets(verb: Token, p: VerbPattern, obj_tok: Token | None) -> tuple[list[Token], list[list[Token]]]:
    """The target phrase of a pattern, and the further candidate phrases in sentence order."""
    alts: list[list[Token]] = []
    # "called Erdogan *to apologize*": a purpose clause of a contact is addressed to its object
    targets = _first_target(verb, p, obj_tok, alts) or (purpose_addressee(verb) if p.target else [])
    if p.target in FIRST_ACTOR:
        # "allowed that *Mordor* isn't a pleasant place": the subject of the clause the verb
        # takes is the first actor after the verb ("X attacked Y, Z said" has none after it)
        for x in children(verb, {"ccomp"}):
            alts.extend(
                conjuncts(s) for s in children(x, {"nsubj", "nsubjpass"})
                if s.i > verb.i and s.lower_ not in ("it", "there")
            )
        # "signed an accord to supply *Gondor*": the object of a purpose clause after the verb
        clauses = children(verb, {"xcomp", "advcl"}) + [c for o in direct_objects(verb) for c in children(o, {"acl"})]
        alts.extend(direct_objects(x) for x in clauses if x.i > verb.i and direct_objects(x))
        alts.sort(key=lambda g: g[0].i)
    return targets, alts


def _first_target(verb: Token, p: VerbPattern, obj_tok: Token | None, alts: list[list[Token]]) -> list[Token]:
    if not p.target and obj_tok is not None:
        # "rejected *Armenia's* proposal", "rejected a proposal *by the African Union*"
        poss = [c for c in obj_tok.children if c.dep_ == "poss"]
        if poss and poss[0].lower_ in REFLEXIVE_POSSESSIVES:
            # "lifted *its* blockade *of Yemen*": the possessor is the subject, the PP the target
            found = prep_objects(obj_tok, OBJECT_PATIENT_PREPS)
            if found:
                return found
        elif poss:
            return conjuncts(poss[0])
        found = prep_objects(obj_tok, OBJECT_OWNER_PREPS)
        if found:
            return found
        if any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() for c in obj_tok.children):
            return [obj_tok]  # "summoned a senior *Indian* diplomat": the object names its country
    if not p.target:
        # "agreed to offer aid *to the sector*": the complement's recipient
        for x in children(verb, {"xcomp"}):
            if p.xcomp is None or x.lemma_.lower() == p.xcomp:
                return prep_objects(x, XCOMP_TARGET_PREPS)
        return []
    targets: list[Token] = []
    preps = tuple(t for t in p.target if t != "dobj")
    if "dobj" in p.target:
        if is_passive(verb):
            targets = passive_subjects(verb)
        elif reduced_passive(verb):
            targets = coordination_group(verb.head)  # "the civilians *imprisoned* by X"
        else:
            targets = [o for o in direct_objects(verb) if obj_tok is None or o.i != obj_tok.i]
        if not targets and not obj_tok:
            targets = hidden_objects(verb)  # "convicted *the bank* to pay damages"
        if not targets and obj_tok is not None and obj_tok.pos_ == "ADJ":
            # "found *X* guilty": the subject of the small clause
            targets = [t for c in obj_tok.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        if not targets and p.particle:
            targets = prep_objects(verb, (p.particle,))  # "cordoned off *the roads*"
        if not targets and obj_tok is not None and p.target == ("dobj",):
            targets = [obj_tok]  # the required object is the target: "received *the minister*"
    if preps:
        # the verb's phrases and the object's ("impose sanctions on Russia"), first one first:
        # "presented credentials *to Ithilen's president* ... in a show of support"; after a
        # direct object they are fallbacks ("contribute a million galleons *to Gondor*")
        groups = prep_groups(verb, preps) + [
            g for o in ([obj_tok] if obj_tok is not None else direct_objects(verb)) for g in prep_groups(o, preps)
        ]  # "warned their populations *about* X"
        if not groups:
            for x in children(verb, {"xcomp"}):
                groups = prep_groups(x, preps)
                if groups:
                    break
        if not groups and len(preps) == 1:
            # "welcomed assurances on cultural issues *from Bree*": the pattern's one
            # preposition hung on a noun inside the object's phrase
            groups = [g for o in ([obj_tok] if obj_tok is not None else direct_objects(verb))
                      for t in o.subtree if t.i > o.i for g in prep_groups(t, preps)][:1]
        # "acted on a resolution against Libya": the pattern's noun is not its own target
        groups = [g for g in groups if obj_tok is None or all(t.i != obj_tok.i for t in g)]
        groups.sort(key=lambda g: g[0].i)
        if groups and not targets:
            targets = groups[0]
            alts.extend(groups[1:])
        elif groups:
            alts.extend(groups)
    if not targets and "dobj" in p.target and p.xcomp:
        # "agreed to meet *Putin*": the complement's object
        for x in children(verb, {"xcomp", "ccomp"}):
            if x.lemma_.lower() == p.xcomp:
                targets = direct_objects(x)
                break
    # "conceded to the demands *of the truck drivers*": the demand stands for who made it
    return [o for t in targets for o in (content_owner(t) or [t])]


def _scope_words(verb: Token) -> frozenset[str]:
    """Lemmas and forms of the verb's subtree and ancestors, for PETRARCH pattern words.

    Words before the verb often sit in the governing clause ("INDICATED WOULD *"),
    so the ancestors count too.
    """
    scope = [*verb.subtree, *verb.ancestors]
    before = [t for t in scope if t.i < verb.i]
    head = verb
    while head.dep_ == "xcomp" and head.head.i != head.i:
        # "Romendacil unexpectedly won't try to clash": the words before a complement verb
        # in the clause of the verb it complements come before it too (TABARI reads them)
        head = head.head
        before.extend(t for t in head.subtree if t.i < verb.i)
    # "<not": a word the pattern puts before the verb ("NOT *") must come before it
    return frozenset(
        {t.lemma_.lower() for t in scope} | {t.lower_ for t in scope}
        | {"<" + t.lemma_.lower() for t in before} | {"<" + t.lower_ for t in before}
    )


def _consecutive(verb: Token, phrase: str) -> bool:
    """Whether the words of ``phrase`` follow each other in the verb's sentence (by lemma or form).

    A word may list several forms ("relation/relations"), any of which will do.
    """
    words = [w.split(FORMS) for w in phrase.split()]
    toks = list(verb.sent)
    for i in range(len(toks) - len(words) + 1):
        if all(t.lemma_.lower() in w or t.lower_ in w for w, t in zip(words, toks[i : i + len(words)])):
            return True
    return False


def _holds(verb: Token, condition: str, scope: Callable[[], frozenset[str]]) -> bool:
    """A pattern word (in the verb's scope), a phrase (consecutive words), or alternatives
    of these separated by ``|`` (a TABARI synset inside joined words; lemma or form)."""
    return any(
        _consecutive(verb, alt) if " " in alt else alt in scope() for alt in condition.split(ALTERNATIVES)
    )


def _pattern_fits(
    verb: Token, p: VerbPattern, objs: dict[str, Token], scope: Callable[[], frozenset[str]]
) -> tuple[bool, Token | None, Token | None]:
    # "cordoned off the roads": the parser may take the particle for a preposition
    if p.particle and not any(c.dep_ in ("prt", "prep") and c.lower_ == p.particle for c in verb.children):
        return False, None, None
    obj_tok = None
    if p.objects:
        hit = min((objs[o] for o in p.objects if o in objs), key=lambda t: t.i, default=None)
        if hit is None and p.particle:
            # "agreed *on* a deal", "agreed *to* the plan": a prepositional verb's object
            hit = min((o for c in verb.children if c.dep_ == "prep" and c.lower_ == p.particle
                       for o in children(c, {"pobj"}) if o.lemma_.lower() in p.objects or o.lower_ in p.objects),
                      key=lambda t: t.i, default=None)
        if hit is None and any(w.lstrip("<") in PREPOSITIONS for w in p.requires):
            # "* &PREPOSIT1 RESOLUTION": the pattern's noun follows a preposition ("acted on a resolution")
            pobjs = _pobj_lemmas(verb)
            hit = min((pobjs[o] for o in p.objects if o in pobjs), key=lambda t: t.i, default=None)
        if hit is None:
            return False, None, None
        obj_tok = hit
    consumed = None
    if p.xcomp:
        xs = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() == p.xcomp]
        if not xs and obj_tok is not None:
            # "wants the killing to stop": the complement hung on the object
            xs = [c for c in obj_tok.children if c.dep_ == "acl" and c.lemma_.lower() == p.xcomp]
        if not xs:
            # "agree on a meeting", "plans for talks": the complement as a noun
            return False, None, None
        consumed = xs[0]
    if p.requires and not all(_holds(verb, w, scope) for w in p.requires):
        return False, None, None
    return True, obj_tok, consumed


def _inverse_candidate(
    verb: Token,
    p: VerbPattern,
    obj_tok: Token | None,
    consumed: Token | None,
    best: Candidate | None,
    best_key: tuple[int, int],
    lex: Lexicon | None = None,
) -> tuple[Candidate | None, tuple[int, int]]:
    """A pattern whose giver is in a PP and whose receiver is the subject ("received arms from Iran").

    It only codes when the giver is there: without it, "received" says nothing of who gave.
    """
    givers = prep_objects(verb, p.source_preps)
    if verb.dep_ == "prep":
        # "*according to* Vickers / officials": a speaker, not "according to the law / a report"
        givers = [g for g in givers if speaker_like(g, lex)]
    if not givers and obj_tok is not None:
        givers = prep_objects(obj_tok, p.source_preps)  # "received assurances *from* Kyiv" under the noun
    if not givers:
        return best, best_key
    key = (p.specificity + 2, -len(p.target))
    if key <= best_key:
        return best, best_key
    # "*according to* the ministry, ...": a participle used as a preposition has no receiver
    receivers = [] if verb.dep_ == "prep" else next(iter(subject_candidates(verb)), [])
    cand = Candidate(
        trigger=verb,
        code=p.code,
        sources=(tuple(givers),),
        targets=tuple(receivers),
        method="verb",
        specificity=p.specificity,
        consumed=consumed,
        consumed_object=obj_tok,
    )
    return cand, key


def verb_candidates(verb: Token, lex: Lexicon) -> list[Candidate]:
    patterns = lex.verbs.get(verb.lemma_.lower())
    if not patterns:
        return []
    objs = _object_lemmas(verb, lex)
    scope = cache(lambda: _scope_words(verb))  # computed once, only if a pattern needs it
    best: Candidate | None = None
    best_key: tuple[int, int] = (-1, -1)
    for p in patterns:
        ok, obj_tok, consumed = _pattern_fits(verb, p, objs, scope)
        if not ok:
            continue
        if p.source_preps:
            best, best_key = _inverse_candidate(verb, p, obj_tok, consumed, best, best_key, lex)
            continue
        targets, alts = _verb_targets(verb, p, obj_tok)
        # a target preposition only counts when it is there ("went on strike" is not "go to")
        prep_bonus = 1 if p.target and p.target != ("dobj",) else 0
        key = (p.specificity + (2 if targets else -prep_bonus), -len(p.target))
        if key > best_key:
            best_key = key
            sources = [tuple(g) for g in subject_candidates(verb)]
            if (not sources and verb.dep_ == "acl" and agent_of(verb) is None and not direct_objects(verb)
                    and not (reduced_passive(verb) and ("dobj" in p.target or p.code.startswith("01")))):
                # "thousands of students protested": a verb used intransitively,
                # mis-tagged as a participle modifying its subject (but "the cases *confirmed*
                # on Wednesday", "the figures reported": what is said is not who says it)
                sources = [(verb.head,)]
            best = Candidate(
                trigger=verb,
                code=p.code,
                sources=tuple(sources),
                targets=tuple(targets),
                method="verb",
                specificity=p.specificity,
                consumed=consumed,
                consumed_object=obj_tok,
                alt_targets=tuple(tuple(g) for g in alts),
                joint=COMPOUND_ACTOR in p.requires,
            )
    if best is not None and best.code.startswith(("154", "042")) and _peacekeeping(verb):
        # "sent 200 troops to serve as a peacekeeping force", "peacekeepers arrived in
        # Juba": troops sent or arriving to keep the peace
        best = replace(best, code="074")
    return [best] if best is not None else []


#: words that make a deployment a peacekeeping one
PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping"})


def _peacekeeping(verb: Token) -> bool:
    """The deployment's clause (its objects, purpose and subject) speaks of peacekeeping."""
    words = {t.lower_ for t in verb.subtree}
    words |= {t.lower_ for s in subjects(verb) for t in s.subtree}
    return bool(words & PEACEKEEPING)


def _noun_sources(noun: Token, lex: Lexicon) -> list[list[Token]]:
    """Who does a nominal event, best first.

    The possessor ("*his* invasion"), the agent ("the arrest of X *by police*"), a proper-name modifier ("the *Russian*
    invasion"), or the subject of the verb the noun complements: a light verb
    ("*Trump* had conversations", "engaged in talks") or a verb whose object
    takes the noun ("*Putin* expressed interest in meeting").
    """
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return [conjuncts(poss[0])]
    owner = content_owner(noun)  # "the demands *of the truck drivers*"
    if owner:
        return [owner]
    agents = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    if agents and noun.pos_ == "NOUN" and speaker_like(agents[0], lex):
        # "the arrest of opposition leaders *by police*", "the release of hostages *by Hamas*"
        return [conjuncts(agents[0])]
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN", "NOUN")]
    named = [m for m in mods if m.text[:1].isupper()]
    if named:
        return [named[:1]]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in CONTAINER_NOUNS:
        # "began a new round *of* talks", "a series of attacks": the container stands for it
        return _noun_sources(head.head, lex)
    if noun.dep_ == "nsubjpass" and head.lemma_.lower() in lex.light_verbs:
        # "the war game was staged by US marines"
        agent = agent_of(head)
        return [conjuncts(agent)] if agent is not None else []
    if noun.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in FRAME_NOUNS:
        # "launched a *mediation* effort", "take part in *peacekeeping* operations": the event
        # noun stands where its head does
        noun, head = head, head.head
        poss = [c for c in noun.children if c.dep_ == "poss"]
        if poss:
            return [conjuncts(poss[0])]
    if noun.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX"):
        return list(subject_candidates(head)) if head.lemma_.lower() in lex.light_verbs else []
    if noun.dep_ == "pobj" and head.lower_ in COMPLEMENT_PREPS:
        gov = head.head  # the word the preposition hangs on
        if reduced_passive(gov):
            return []  # "two men *sought* in the slaying": done to them, nobody's act
        if gov.pos_ in ("VERB", "AUX"):
            # "bring an end *to* the war": with an object, the PP is the object's goal
            if direct_objects(gov) and gov.lemma_.lower() not in lex.light_verbs:
                return []
            return list(subject_candidates(gov))
        if gov.pos_ == "NOUN" and gov.lemma_.lower() in STANCE_NOUNS:
            poss = [c for c in gov.children if c.dep_ == "poss"]
            if poss:
                return [conjuncts(poss[0])]
            if gov.dep_ in ("dobj", "obj") and gov.head.pos_ in ("VERB", "AUX"):
                return list(subject_candidates(gov.head))
    copula = culpable_copula(noun)  # "the army was *responsible for* the killings"
    return list(subject_candidates(copula)) if copula is not None else []


def _noun_targets(noun: Token, p: NounPattern) -> list[Token]:
    if not p.target:
        return []
    preps = tuple(p.target)
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.lemma_.lower() in FRAME_NOUNS:
        noun = noun.head  # "a mediation effort *between* India and Pakistan"
    targets = prep_objects(noun, preps)
    if not targets and noun.dep_ in ("dobj", "obj", "pobj"):
        head = noun.head if noun.dep_ != "pobj" else noun.head.head
        targets = [t for t in prep_objects(head, tuple(x for x in preps if x != "of")) if t.i != noun.i]
    return targets


#: heads a compound event noun stands in for: stance nouns and the frames of an operation
#: ("*peacekeeping* operations in Afghanistan", "a *rescue* mission")
FRAME_NOUNS = STANCE_NOUNS | frozenset({"operation", "mission", "campaign", "drive", "programme", "program"})
#: a noun row's target marker: the noun names the doer, and the subject it is said of acts
#: ("the US remains the largest *donor*")
PREDICATE_SOURCE = "<be"
#: modifiers that can key a two-word nominal event ("*hunger* strike", "*war* games")
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def noun_patterns(noun: Token, lex: Lexicon) -> list[NounPattern] | None:
    """The noun's rows: a two-word row keyed by a modifier before it wins over the
    noun alone ("hunger strike" 142, "war games" 062, "scathing attack" 111), as
    does a preposition before a bare noun ("went *on* strike" 143)."""
    lemma, low = noun.lemma_.lower(), noun.lower_
    mods = [m for m in noun.children if m.dep_ in NOUN_MODIFIER_DEPS and m.i < noun.i]
    if noun.dep_ == "pobj" and not any(c.dep_ == "det" for c in noun.children):
        mods.append(noun.head)
    for m in mods:
        for key in (f"{m.lemma_.lower()} {lemma}", f"{m.lower_} {lemma}", f"{m.lower_} {low}"):
            found = lex.nouns.get(key)
            if found:
                return found
    return lex.nouns.get(lemma) or lex.nouns.get(low)


def noun_candidates(noun: Token, lex: Lexicon) -> list[Candidate]:
    patterns = noun_patterns(noun, lex)
    if not patterns:
        return []
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in NOUN_NEGATORS:
        return []
    sources = _noun_sources(noun, lex)
    # "held civilians *as human shields*": a row whose target is "dobj" names the role
    # the verb's object is put in; the verb's subject does it
    as_verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
    best: Candidate | None = None
    drawn_in = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "into") and noun.head.head.lemma_.lower() in lex.light_verbs
    for p in patterns:
        targets = _noun_targets(noun, p)
        if not targets and drawn_in:  # "engaged *Filipino peacekeepers* in a firefight"
            targets = direct_objects(noun.head.head)
        srcs = [tuple(g) for g in sources]
        if "dobj" in p.target and as_verb is not None and as_verb.pos_ in ("VERB", "AUX"):
            targets = direct_objects(as_verb)
            srcs = [tuple(g) for g in subject_candidates(as_verb)]
        reciprocal = False
        copula = copula_of(noun) if not srcs and PREDICATE_SOURCE in p.target else None
        if copula is not None:  # "the US remains *the largest donor*": the subject is the donor
            srcs = [tuple(g) for g in subject_candidates(copula)]
        if not srcs and "between" in p.target and len(targets) >= 2:
            srcs, targets, reciprocal = [(targets[0],)], targets[1:], True
        cand = Candidate(
            trigger=noun,
            code=p.code,
            sources=tuple(srcs),
            targets=tuple(targets),
            method="noun",
            specificity=1 + (1 if targets else 0),
            reciprocal=reciprocal,
        )
        if best is None or (bool(cand.targets), cand.specificity) > (bool(best.targets), best.specificity):
            best = cand
    if best is not None and best.code.startswith("154") and _peacekeeping(noun):
        best = replace(best, code="074")  # "the deployment of troops on a peacekeeping mission"
    return [best] if best is not None else []


def _complement_of(noun: Token, tok: Token) -> bool:
    """``tok`` is the verb complement of ``noun`` ("commitment *to support*", "plan *to visit*")."""
    if tok.i == noun.i or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.head.i == noun.i and tok.dep_ in ("acl", "xcomp", "relcl"):
        return tok.dep_ != "relcl"
    return tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.i == noun.i


def sentence_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    """All triggers of a sentence, with complements consumed by a pattern removed."""
    out: list[Candidate] = []
    asking: list[Token] = []  # directive words ("urged X to"), read after the triggers
    for tok in sent:
        if tok.lemma_.lower() in lex.directive_words:
            asking.append(tok)
        if tok.dep_ == "amod" and tok.pos_ == "VERB":
            continue  # a participle used as an adjective: "new *targeted* sanctions", "*armed* groups"
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_ == "VBG"):
            deontic = deontic_candidates(tok) or blame_candidates(tok)
            out.extend(deontic or verb_candidates(tok, lex))
        elif tok.pos_ in ("NOUN", "PROPN"):
            out.extend(noun_candidates(tok, lex))
    consumed = {c.consumed.i for c in out if c.consumed is not None}
    consumed |= {c.consumed_object.i for c in out if c.consumed_object is not None}
    # "reiterated its commitment *to supporting* Lebanon": a standing commitment yields
    # to the event it is a commitment to (a plan, offer or pledge stays an intent)
    triggers = {c.trigger.i for c in out}
    consumed |= {
        c.trigger.i for c in out
        if c.method == "noun" and c.trigger.lemma_.lower() in ONGOING_STANCE_NOUNS
        and any(_complement_of(c.trigger, t) for t in (c.trigger.doc[i] for i in triggers))
    }
    out = [c for c in out if c.trigger.i not in consumed]
    # "ordered massive attacks on Gaza", "launched an offensive": a light verb's
    # general pattern yields to the event its object names
    nouns = {c.trigger.i for c in out if c.method == "noun"}
    out = [
        c for c in out
        if not (c.method == "verb" and c.consumed_object is None and c.trigger.lemma_.lower() in lex.light_verbs
                and any(o.i in nouns for o in direct_objects(c.trigger)))
    ]
    # "urged Putin to attack": an appeal, no attack; "killed in an air strike": one event
    return merge_casualties(apply_directives(out, asking, lex))
