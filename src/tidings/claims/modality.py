"""How an event is known: modality, hedging and attribution from the parse.

:func:`assess` looks at one event trigger in its spaCy sentence and returns an
:class:`Assessment`.  It works in two zones (rules in docs/claims.md):

* the trigger's own predicate ("level 0"): the trigger, a light verb carrying a
  nominal trigger ("*had* conversations"), the verb a nominal trigger is the
  subject of ("talks *could take place*"), verbs the trigger is an ``xcomp``
  of ("*plans to* meet", "*failed to* meet"), a noun the trigger depends on
  through a preposition ("*preparations for* a meeting", "*interest in*
  meeting").  Their negation, modal auxiliaries, hedging adverbs, adjectives
  and if-clauses decide negated / hypothetical / future / intended.
* the reporting frame: walking on up through ``ccomp``, ``dobj``, ``acl``,
  ``xcomp`` and content prepositions ("admitted *to* having", "hinted *at*")
  to reporting, confirming and denying words ("said", "reports that",
  "dismissed"), plus "according to X" and parenthetical "..., the Kremlin
  said".  The nearest cue with a speaker gives the attribution; any
  non-negated denial makes the event denied, a confirmation confirmed.

Historical: a narrator-asserted event (or a background nominal mention such as
"before the Russian invasion") that started more than a year before the
publication date, or, without a date, a past-perfect background clause.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .attribution import find_outlet, find_quote, np_span, outlet_in_np, speaker_span
from .cues import CueLexicon, default_cues

__all__ = ["HISTORICAL_DAYS", "Assessment", "CueHit", "assess"]

#: an event that started this many days before publication is historical
HISTORICAL_DAYS = 365

_STANCE_KINDS = ("report", "confirm", "deny")
_LIGHT = frozenset(
    [
        "have",
        "hold",
        "engage",
        "conduct",
        "make",
        "take",
        "launch",
        "carry",
        "stage",
        "give",
        "pay",
        "begin",
        "start",
        "resume",
        "continue",
    ]
)
#: prepositions through which a verb takes reported content ("admit to", "hint at")
_CONTENT_PREPS = frozenset(
    {"to", "about", "at", "of", "on", "over", "regarding", "that"}
)
#: dependencies through which a cue word governs its content
_CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "acl", "pcomp", "attr", "oprd", "csubj", "advcl"}
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})
_CONCESSIVE = frozenset({"although", "though", "whereas", "despite"})


@dataclass(frozen=True, slots=True)
class CueHit:
    """A reporting / confirming / denying word that frames the event."""

    lemma: str
    kind: str  # report | confirm | deny
    token: int  # index in the Doc
    negated: bool = False
    speaker_span: tuple[int, int] | None = None
    outlet: str | None = None
    content_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What :func:`assess` found for one trigger.  Token indices are Doc
    indices; ``speaker_span`` and ``content_span`` are ``[start, end)``."""

    modality: str
    hedged: bool = False
    cue: str | None = None
    cue_kind: str | None = None
    cue_token: int | None = None
    cue_negated: bool = False
    speaker_span: tuple[int, int] | None = None
    outlet: str | None = None
    quote: str | None = None
    content_span: tuple[int, int] | None = None
    #: every cue found, nearest first (denials and confirmations included)
    cues: tuple[CueHit, ...] = ()
    #: why: "neg:not", "modal:could", "intent:plan", "hedge:reportedly", ...
    markers: tuple[str, ...] = field(default=())

    @staticmethod
    def chars(doc: Doc, span: tuple[int, int] | None) -> tuple[int, int] | None:
        """Character offsets in the Doc's text of a token range."""
        if span is None:
            return None
        return doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])


@dataclass
class _Scan:
    """Mutable working state of one :func:`assess` call (never escapes it)."""

    cues: CueLexicon
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    intent: bool = False
    hedged: bool = False
    markers: list[str] = field(default_factory=list)
    hits: list[CueHit] = field(default_factory=list)
    preds: list[Token] = field(default_factory=list)

    def mark(self, kind: str, tok: Token) -> None:
        self.markers.append(f"{kind}:{tok.lower_}")
        if kind == "negation":
            self.negated = True
        elif kind == "hypothetical":
            self.hypothetical = True
        elif kind == "future":
            self.future = True
        elif kind == "intent":
            self.intent = True
        elif kind == "hedge":
            self.hedged = True


def _kinds(tok: Token, cues: CueLexicon) -> frozenset[str]:
    return cues.kinds(tok.lemma_) | cues.kinds(tok.lower_)


def _is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


#: modals that, with a perfect, hedge a past event ("may have", "might have", "could have")
EPISTEMIC_MODALS = frozenset({"may", "might", "could", "must"})


def _perfect(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def _has_aux(tok: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} for c in tok.children)


def _predicate_markers(scan: _Scan, tok: Token, *, inherited: bool = False) -> None:
    """Negation, modals, hedges, conditionals on one predicate token."""
    cues = scan.cues
    has_if = False
    for child in tok.children:
        dep, low = child.dep_, child.lower_
        if dep == "neg":
            scan.mark("negation", child)
        elif dep == "aux" and child.tag_ == "MD":
            kinds = _kinds(child, cues)
            if "hypothetical" in kinds and low in EPISTEMIC_MODALS and _perfect(tok):
                # "hackers *may have* launched attacks": a hedged report of the past, not a plan
                scan.mark("hedge", child)
            elif "hypothetical" in kinds:
                scan.mark("hypothetical", child)
            elif "future" in kinds:
                scan.mark("future", child)
        elif dep == "aux" and child.lemma_ == "go" and child.tag_ == "VBG":
            scan.mark("future", child)  # "is going to meet" parsed as aux
        elif dep == "advmod" and "hedge" in _kinds(child, cues):
            scan.mark("hedge", child)
        elif dep == "advmod" and low in {
            "possibly",
            "perhaps",
            "maybe",
            "hypothetically",
        }:
            scan.mark("hypothetical", child)
        elif dep == "advmod" and low == "never":
            scan.mark("negation", child)
        elif dep == "mark" and low in _CONDITIONAL and not inherited:
            scan.mark("hypothetical", child)
        elif dep == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _CONDITIONAL for g in child.children
        ):
            has_if = True
    if has_if:
        scan.markers.append("conditional")
        scan.hypothetical = True
    # "would" reads as hypothetical in a conditional or with "have" ("would have met")
    if any(c.lower_ == "would" for c in tok.children) and (
        has_if or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    ):
        scan.hypothetical = True


def _nominal_markers(scan: _Scan, tok: Token) -> None:
    """Adjectives and determiners on a nominal trigger: potential, planned,
    alleged, no."""
    for child in tok.children:
        kinds = _kinds(child, scan.cues)
        if child.dep_ in {"amod", "compound", "advmod"}:
            for kind in ("hypothetical", "future", "intent", "hedge"):
                if kind in kinds:
                    scan.mark(kind, child)
                    break
        elif child.dep_ in {"det", "neg"} and child.lower_ in {"no", "not"}:
            scan.mark("negation", child)


def _content_of(head: Token, child: Token) -> tuple[int, int]:
    """The token range of what ``head`` reports, entered through ``child``."""
    if child.dep_ == "prep":
        objs = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        if objs:
            child = objs[0]
    start, end = child.left_edge.i, child.right_edge.i + 1
    for (
        g
    ) in child.rights:  # "..., although the Kremlin denied these claims" is not content
        if g.dep_ in {"advcl", "parataxis"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in g.children
        ):
            end = min(end, g.left_edge.i)
    return _trim(child.doc, (start, end))


def _hit(
    scan: _Scan,
    head: Token,
    kind: str,
    content: tuple[int, int],
    *,
    lemma: str | None = None,
) -> None:
    # "did not deny", "declined to confirm", "refused to deny"
    negated = _is_negated(head) or (
        head.dep_ == "xcomp" and "negation" in _kinds(head.head, scan.cues)
    )
    outlet = find_outlet(head, scan.cues)
    up = head
    while (
        outlet is None
        and up.dep_ in {"pcomp", "xcomp", "advcl", "prep"}
        and up.head.i != up.i
    ):
        up = up.head  # "was quoted by the Post as saying"
        outlet = find_outlet(up, scan.cues)
    scan.hits.append(
        CueHit(
            lemma=lemma or head.lemma_.lower(),
            kind=kind,
            token=head.i,
            negated=negated,
            speaker_span=speaker_span(head),
            outlet=outlet,
            content_span=content,
        )
    )
    for child in head.children:  # "has reportedly admitted"
        if child.dep_ == "advmod" and "hedge" in _kinds(child, scan.cues):
            scan.mark("hedge", child)
    if any(c.dep_ == "auxpass" for c in head.children) and kind == "report":
        scan.mark(
            "hedge", head
        )  # "is said to", "was reported to", "it is believed that"


def _stance_kind(tok: Token, cues: CueLexicon) -> str | None:
    kinds = _kinds(tok, cues)
    for kind in ("deny", "confirm", "report"):
        if kind in kinds:
            return kind
    return None


def _is_clause_cue(head: Token, child: Token, cues: CueLexicon) -> bool:
    """Whether ``child`` (a dependent of cue word ``head``) is its content."""
    dep = child.dep_
    if dep == "prep":
        return child.lower_ in _CONTENT_PREPS
    if dep not in _CONTENT_DEPS:
        return False
    if dep == "advcl":  # "said so, adding that ..." is not content; "as saying" is
        return False
    if dep in {"dobj", "attr", "oprd"} and head.lemma_.lower() in cues.clause_only:
        return False
    return not (head.pos_ in {"NOUN", "PROPN"} and dep not in {"acl", "ccomp", "appos"})


def _according_to(scan: _Scan, verb: Token) -> bool:
    """ "according to X" attached to ``verb``: X is an outlet or the speaker."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            to = next((g for g in child.children if g.lower_ == "to"), None)
            obj_parent = to if to is not None else child
            obj = next((g for g in obj_parent.children if g.dep_ == "pobj"), None)
            if obj is None:
                continue
            outlet = outlet_in_np(obj, scan.cues)
            speaker = np_span(obj)
            s, e = verb.sent.start, verb.sent.end
            a0, a1 = child.left_edge.i, child.right_edge.i + 1
            content = (a1, e) if a0 <= verb.i and a1 <= verb.i else (s, a0)
            content = _trim(verb.doc, content)
            scan.hits.append(
                CueHit(
                    "according to", "report", child.i, False, speaker, outlet, content
                )
            )
            return True
    return False


def _trim(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e - 1 and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s + 1 and (
        doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].dep_ == "cc"
    ):
        e -= 1
    return s, e


def _np_before(cue: Token) -> tuple[int, int] | None:
    """The words between the last comma and a parenthetical reporting verb,
    when they are a plain noun phrase."""
    doc = cue.doc
    i = cue.i - 1
    while i > cue.sent.start and doc[i].text not in {",", "—", "–"}:
        if (
            doc[i].pos_ in {"VERB", "AUX"}
            and doc[i].dep_ not in {"amod", "acl", "compound"}
        ) or i < cue.i - 14:
            return None
        i -= 1
    if i == cue.i - 1 or doc[i].text not in {",", "—", "–"}:
        return None
    start = i + 1
    if not any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in doc[start : cue.i]):
        return None
    return start, cue.i


def _parenthetical(scan: _Scan, verb: Token) -> bool:
    """ "Putin met Trump, the Kremlin said": a reporting verb hanging off the
    reported clause, with a subject and no content of its own."""
    for child in verb.children:
        if (
            child.dep_ not in {"parataxis", "ccomp", "advcl", "conj"}
            or child.i < verb.i
        ):
            continue
        kind = _stance_kind(child, scan.cues)
        if kind is None or any(
            g.dep_ in {"ccomp", "xcomp", "dobj"} for g in child.children
        ):
            continue
        if child.dep_ != "conj" and any(
            g.dep_ in {"nsubj", "nsubjpass"} for g in child.children
        ):
            content = _trim(verb.doc, (verb.left_edge.i, child.left_edge.i))
            _hit(scan, child, kind, content)
            return True
        speaker = _np_before(
            child
        )  # "..., aid workers and officials said": subject misattached
        if speaker is not None:
            content = _trim(verb.doc, (verb.left_edge.i, speaker[0]))
            _hit(scan, child, kind, content)
            scan.hits[-1] = replace(scan.hits[-1], speaker_span=speaker)
            return True
    return False


def _concessive(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in tok.children)


def coordinated_above(tok: Token, head: Token) -> bool:
    """A finite verb with no subject and no auxiliary coordinated with a
    perfect or passive complement ("confirmed that talks *have taken* place
    but *declined* to comment") shares the subject of the clause above, not
    the complement's: the parse attached it one level too low."""
    if tok.tag_ not in {"VBD", "VBZ", "VBP"} or head.dep_ not in {"ccomp", "xcomp"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False
    return head.tag_ in {"VBN", "VB", "VBG"} and _has_aux(head)


def _walk(scan: _Scan, trigger: Token) -> None:
    """Climb from the trigger to the root collecting predicate markers (while
    still on the trigger's own predicate) and cue words (all the way)."""
    cues = scan.cues
    level0 = True
    if trigger.pos_ in {"NOUN", "PROPN"}:
        _nominal_markers(scan, trigger)
    else:
        scan.preds.append(trigger)
    tok = trigger
    while tok.head.i != tok.i:
        head, dep = tok.head, tok.dep_
        kinds = _kinds(head, cues)
        if dep == "xcomp":  # "is set to meet", "is about to be released"
            kinds = kinds | cues.phrase_kinds(("be", head.lemma_.lower(), "to"))
        stance = _stance_kind(head, cues)
        if dep == "advcl" and _concessive(tok):
            break  # "..., although the Kremlin denied these claims": the narrator's aside
        if dep == "conj" and coordinated_above(tok, head):
            tok = head.head  # "confirmed that talks took place but declined to comment"
            continue
        if level0:
            if dep == "conj":
                if not _has_aux(tok):
                    _predicate_markers(scan, head, inherited=True)
                tok = head
                continue
            if dep in {"pobj", "pcomp"}:
                tok = head  # the preposition; its own hop decides
                continue
            if dep in {"nsubj", "nsubjpass"} or (
                dep == "dobj" and head.lemma_.lower() in _LIGHT
            ):
                scan.preds.append(head)
                tok = head
                continue
            if (
                dep == "prep"
                and head.pos_ in {"VERB", "AUX"}
                and head.lemma_.lower() in _LIGHT
                and stance is None
            ):
                scan.preds.append(head)  # "engaged in talks"
                tok = head
                continue
            if dep in {"xcomp", "prep", "dobj", "acl", "amod"} and stance is None:
                hit_kind = next(
                    (
                        k
                        for k in ("negation", "hypothetical", "future", "intent")
                        if k in kinds
                    ),
                    None,
                )
                if hit_kind is not None:
                    scan.mark(hit_kind, head)
                    if head.pos_ in {"VERB", "AUX", "ADJ"} and dep in {"xcomp", "dobj"}:
                        scan.preds.append(head)
                        tok = head
                        continue
                elif dep == "xcomp" and head.pos_ in {"VERB", "AUX"}:
                    scan.preds.append(head)  # "continue to meet", "go on to meet"
                    tok = head
                    continue
            level0 = False
        if stance is not None and _is_clause_cue(head, tok, cues):
            _hit(scan, head, stance, _content_of(head, tok))
        tok = head


def _historical(
    trigger: Token,
    scan: _Scan,
    pub_date: dt.date | None,
    event_start: dt.date | None,
    narrator: bool,
) -> bool:
    # a nominal mention with no predicate of its own: "before the Russian invasion"
    background_nominal = trigger.pos_ in {"NOUN", "PROPN"} and not scan.preds
    if event_start is not None and pub_date is not None:
        old = (pub_date - event_start).days > HISTORICAL_DAYS
        return old and (narrator or background_nominal)
    if narrator and event_start is None:
        for p in scan.preds[:2]:
            if p.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ == "had" for c in p.children
            ):
                scan.markers.append("past-perfect")
                return True
    return False


def _subject_is_speaker(
    doc: Doc, preds: list[Token], speaker: tuple[int, int] | None
) -> bool:
    if speaker is None or not preds:
        return False
    subj = next(
        (c for p in preds for c in p.children if c.dep_ in {"nsubj", "nsubjpass"}), None
    )
    if subj is None:
        return True  # "agreed to meet": the subject is the speaker's
    if subj.lower_ in _PRONOUNS:
        return True
    names = {t.lower_ for t in doc[speaker[0] : speaker[1]] if t.pos_ == "PROPN"}
    return subj.lower_ in names


def assess(
    sent: Span,
    trigger: Token,
    *,
    pub_date: dt.date | None,
    event_start: dt.date | None = None,
    cues: CueLexicon | None = None,
) -> Assessment:
    """Modality, hedging and attribution of the event whose trigger is
    ``trigger`` in sentence ``sent``.  ``event_start`` is the start of the
    event's date interval (for "historical"); ``cues`` defaults to the
    built-in lexicon."""
    scan = _Scan(cues=cues or default_cues())
    _walk(scan, trigger)
    for p in list(scan.preds):
        _predicate_markers(scan, p)
    top = scan.preds[-1] if scan.preds else trigger
    if not scan.hits:
        _according_to(scan, top) or _parenthetical(scan, top) or (
            top.i != trigger.i and _according_to(scan, trigger)
        )
    if not scan.hits:
        clause = top
        while clause.head.i != clause.i and clause.dep_ in {"conj", "xcomp"}:
            clause = clause.head
        if clause.i != top.i:
            _according_to(scan, clause) or _parenthetical(scan, clause)
    stance_hits = [h for h in scan.hits if h.kind in _STANCE_KINDS]
    primary = next((h for h in stance_hits if h.speaker_span or h.outlet), None) or (
        stance_hits[0] if stance_hits else None
    )
    if primary is not None and primary.kind == "report":
        stronger = next(
            (
                h
                for h in stance_hits
                if h.kind in {"deny", "confirm"} and not h.negated and h.speaker_span
            ),
            None,
        )
        if stronger is not None and primary.speaker_span is None:
            primary = stronger
    denied = any(h.kind == "deny" and not h.negated for h in stance_hits)
    confirmed = any(h.kind == "confirm" and not h.negated for h in stance_hits)
    doc = sent.doc
    if scan.negated:
        modality = "negated"
    elif denied:
        modality = "denied"
    elif scan.hypothetical:
        modality = "hypothetical"
    elif scan.intent or (
        scan.future
        and primary is not None
        and _subject_is_speaker(doc, scan.preds, primary.speaker_span)
    ):
        modality = "intended"
    elif scan.future:
        modality = "future"
    elif confirmed:
        modality = "confirmed"
    elif stance_hits or scan.hedged:
        modality = "reported"
    else:
        modality = "asserted"
    narrator = primary is None and not scan.hedged
    if modality in {"asserted", "reported"} and _historical(
        trigger, scan, pub_date, event_start, narrator
    ):
        modality = "historical"
    quote = find_quote(doc, primary.content_span, within=sent) if primary else None
    return Assessment(
        modality=modality,
        hedged=scan.hedged,
        cue=primary.lemma if primary else None,
        cue_kind=primary.kind if primary else None,
        cue_token=primary.token if primary else None,
        cue_negated=primary.negated if primary else False,
        speaker_span=primary.speaker_span if primary else None,
        outlet=primary.outlet if primary else None,
        quote=quote,
        content_span=primary.content_span if primary else None,
        cues=tuple(stance_hits),
        markers=tuple(scan.markers),
    )
