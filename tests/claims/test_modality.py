"""assess() on sentences written by this team: every modality and every cue type.

Each case names the trigger word; the parse comes from the project's spaCy model
(session fixture ``nlp``), so the module is marked slow.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.claims.cues import load_cues
from tidings.claims.modality import assess

pytestmark = pytest.mark.slow

PUB = dt.date(2025, 2, 10)


def run(nlp, text: str, trigger: str, *, start: dt.date | None = None, nth: int = 0):
    doc = nlp(text)
    tok = [t for t in doc if t.text == trigger][nth]
    a = assess(tok.sent, tok, pub_date=PUB, event_start=start)
    span = lambda r: doc[r[0] : r[1]].text if r else None
    return a, span(a.speaker_span), span(a.content_span)


# (sentence, trigger, modality, hedged, cue, speaker)
CASES = [
    ("Putin met Xi in Beijing on Monday.", "met", "asserted", False, None, None),
    ("Putin did not meet Xi in Beijing.", "meet", "negated", False, None, None),
    ("Putin never met Xi.", "met", "negated", False, None, None),
    (
        "No talks took place between the two delegations.",
        "talks",
        "negated",
        False,
        None,
        None,
    ),
    ("Iran refused to meet the inspectors.", "meet", "negated", False, None, None),
    ("Putin will meet Xi next week.", "meet", "future", False, None, None),
    (
        "China is expected to host the talks next month.",
        "host",
        "future",
        False,
        None,
        None,
    ),
    (
        "The two presidents are set to meet in Geneva.",
        "meet",
        "future",
        False,
        None,
        None,
    ),
    ("The new treaty is about to be signed.", "signed", "future", False, None, None),
    ("Putin plans to meet Xi next week.", "meet", "intended", False, None, None),
    (
        "The two leaders agreed to meet in Riyadh.",
        "meet",
        "intended",
        False,
        None,
        None,
    ),
    (
        "Erdogan said he would visit Kyiv soon.",
        "visit",
        "intended",
        False,
        "say",
        "Erdogan",
    ),
    (
        "A summit could take place in March.",
        "summit",
        "hypothetical",
        False,
        None,
        None,
    ),
    ("Macron might visit Beijing.", "visit", "hypothetical", False, None, None),
    (
        "If Russia attacks, NATO will respond.",
        "respond",
        "hypothetical",
        False,
        None,
        None,
    ),
    (
        "The potential summit between the two leaders remains uncertain.",
        "summit",
        "hypothetical",
        False,
        None,
        None,
    ),
    ("Modi said that he met Biden.", "met", "reported", False, "say", "Modi"),
    (
        "Woodward claimed that Trump called Putin seven times.",
        "called",
        "reported",
        False,
        "claim",
        "Woodward",
    ),
    ("Putin met Xi, the Kremlin said.", "met", "reported", False, "say", "the Kremlin"),
    (
        "According to White House officials, Biden spoke with Xi.",
        "spoke",
        "reported",
        False,
        "according to",
        "White House officials",
    ),
    (
        "The Kremlin denied that Putin had spoken with Trump.",
        "spoken",
        "denied",
        False,
        "deny",
        "The Kremlin",
    ),
    (
        "Peskov dismissed reports that Putin met Trump.",
        "met",
        "denied",
        False,
        "dismiss",
        "Peskov",
    ),
    (
        "Moscow rejected reports that its troops attacked the village.",
        "attacked",
        "denied",
        False,
        "reject",
        "Moscow",
    ),
    (
        "The Kremlin confirmed that Putin spoke with Trump.",
        "spoke",
        "confirmed",
        False,
        "confirm",
        "The Kremlin",
    ),
    (
        "Russian forces reportedly shelled the city overnight.",
        "shelled",
        "reported",
        True,
        None,
        None,
    ),
    ("Israel allegedly struck the convoy.", "struck", "reported", True, None, None),
    (
        "It was reported that the two ministers met in Geneva.",
        "met",
        "reported",
        True,
        "report",
        None,
    ),
    (
        'Trump said: "I spoke with Putin yesterday."',
        "spoke",
        "reported",
        False,
        "say",
        "Trump",
    ),
    ("Russia annexed Crimea in 2014.", "annexed", "historical", False, None, None),
    (
        "The rebels had seized the town before the army arrived.",
        "seized",
        "historical",
        False,
        None,
        None,
    ),
]


@pytest.mark.parametrize("text,trigger,modality,hedged,cue,speaker", CASES)
def test_modality_and_cue(nlp, text, trigger, modality, hedged, cue, speaker):
    start = dt.date(2014, 3, 18) if "2014" in text else None
    a, spk, _ = run(nlp, text, trigger, start=start)
    assert (a.modality, a.hedged, a.cue, spk) == (modality, hedged, cue, speaker)


def test_did_not_deny_is_not_a_denial(nlp):
    a, spk, content = run(
        nlp, "The Kremlin did not deny that Putin had spoken with Trump.", "spoken"
    )
    assert a.modality != "denied"
    assert a.cue == "deny" and a.cue_negated
    assert spk == "The Kremlin"
    assert content == "that Putin had spoken with Trump"


def test_declined_to_confirm_is_not_a_confirmation(nlp):
    a, _, _ = run(
        nlp, "Officials declined to confirm that the talks had taken place.", "talks"
    )
    assert a.modality == "reported" and a.cue == "confirm" and a.cue_negated


def test_told_outlet_and_content(nlp):
    a, spk, content = run(
        nlp, "Trump told the New York Post that he had spoken with Putin.", "spoken"
    )
    assert (a.cue, spk, a.outlet) == ("tell", "Trump", "New York Post")
    assert content == "that he had spoken with Putin"


def test_book_title_is_the_outlet(nlp):
    a, spk, _ = run(
        nlp,
        "Bob Woodward revealed in his book ‘War’ that Trump had direct conversations with Putin.",
        "conversations",
    )
    assert (a.modality, a.cue, spk, a.outlet) == (
        "reported",
        "reveal",
        "Bob Woodward",
        "War",
    )


def test_according_to_an_outlet(nlp):
    a, _, content = run(nlp, "Putin met Xi last week, according to Reuters.", "met")
    assert a.outlet == "Reuters" and a.cue == "according to"
    assert content == "Putin met Xi last week"


def test_quoted_speech_gives_the_quote(nlp):
    a, spk, _ = run(nlp, '"We will meet next week," Modi said.', "meet")
    assert a.quote == "We will meet next week"
    assert (a.cue, spk) == ("say", "Modi")
    assert a.modality == "intended"  # the speaker's own future act


def test_interview_partner_is_the_outlet(nlp):
    a, spk, _ = run(
        nlp,
        "In an interview with CNN, Zelenskiy said Ukraine would not negotiate with Russia.",
        "negotiate",
    )
    assert (a.outlet, spk, a.modality) == ("CNN", "Zelenskiy", "negated")


def test_passive_quoted_by_outlet(nlp):
    a, spk, _ = run(
        nlp, "Trump was quoted by the Post as saying that he met Putin.", "met"
    )
    assert (a.cue, spk, a.outlet) == ("say", "Trump", "Post")


def test_concessive_denial_does_not_inherit_the_claim_frame(nlp):
    text = "Woodward wrote that Trump called Putin seven times, although the Kremlin denied these claims."
    claim, spk, content = run(nlp, text, "called")
    assert (claim.modality, claim.cue, spk) == ("reported", "write", "Woodward")
    assert "denied" not in content
    denial, _, _ = run(nlp, text, "denied")
    assert denial.cue is None and denial.modality == "asserted"


def test_background_nominal_is_historical_even_under_a_report(nlp):
    a, _, _ = run(
        nlp,
        "Trump said he discussed ending the invasion of Ukraine with Putin.",
        "invasion",
        start=dt.date(2022, 2, 24),
    )
    assert a.modality == "historical"


def test_reported_old_event_stays_reported(nlp):
    a, _, _ = run(
        nlp,
        "Woodward wrote that Trump called Putin in 2021.",
        "called",
        start=dt.date(2021, 1, 1),
    )
    assert a.modality == "reported"


def test_custom_cue_lexicon(nlp, tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tkind\tnotes\nmurmur\treport\t\n", encoding="utf-8")
    cues = load_cues(path)
    doc = nlp("Officials murmured that the talks had failed.")
    tok = next(t for t in doc if t.text == "failed")
    assert assess(tok.sent, tok, pub_date=PUB, cues=cues).cue == "murmur"
    assert assess(tok.sent, tok, pub_date=PUB).cue is None


@pytest.mark.shared
def test_seed_article_modalities(nlp, shared):
    import json

    art = json.loads(
        (shared / "examples" / "seed-article.json").read_text(encoding="utf-8")
    )
    doc = nlp(art["text"])
    sents = list(doc.sents)

    def at(si: int, word: str, start=None):
        tok = next(t for t in sents[si] if t.text == word)
        return assess(sents[si], tok, pub_date=PUB, event_start=start)

    e1 = at(0, "conversations")
    assert (e1.modality, e1.hedged, e1.cue) == ("reported", True, "admit")
    e10 = at(14, "conversations", dt.date(2021, 1, 20))
    assert (e10.modality, e10.cue, e10.outlet) == ("reported", "reveal", "War")
    assert doc[e10.speaker_span[0] : e10.speaker_span[1]].text == "Bob Woodward"
    assert at(12, "take").modality in {"hypothetical", "future"}
    assert at(15, "meet", dt.date(2025, 2, 17)).modality == "intended"
    assert at(13, "spoke", dt.date(2022, 2, 1)).modality == "historical"
    assert at(13, "invasion", dt.date(2022, 2, 24)).modality == "historical"


def test_parenthetical_speaker_misattached_by_the_parse(nlp):
    text = (
        "The army gave approval for the convoy to reach the besieged town on the northern border, "
        "aid workers and camp officials said on Wednesday."
    )
    a, spk, content = run(nlp, text, "gave")
    assert (a.modality, a.cue) == ("reported", "say")
    assert spk == "aid workers and camp officials"
    assert content.startswith("The army gave approval") and "officials" not in content


@pytest.mark.parametrize("text, trigger, modality", [
    # a perfect after may/might/could hedges a past event (modality "reported", hedged): no plan
    ("Russian jets may have bombed the hospital.", "bombed", "reported"),
    ("Hackers might have attacked the grid.", "attacked", "reported"),
    # the contrasts: a bare modal is hypothetical, "would have" counterfactual
    ("Russian jets may bomb the hospital.", "bomb", "hypothetical"),
    ("Russia would have attacked the grid if it could.", "attacked", "hypothetical"),
])
def test_a_modal_perfect_is_a_hedged_past(nlp, text, trigger, modality):
    a, _, _ = run(nlp, text, trigger)
    assert a.modality == modality
    assert a.hedged == (modality == "reported")  # a hedge is reported with hedged=True
